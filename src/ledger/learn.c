/* SPDX-License-Identifier: MIT */
/* Learned tie strengths: the outcomes of asks as Beta evidence about the ties of their paths. */
#include "warmpath/learn.h"

#include <math.h>
#include <stdlib.h>

/* What the asks through one tie said. First-step outcomes (seller -> source) and second-step
 * ones (source -> target) are kept apart: a second-step success also needed the source to
 * pass the request on. */
typedef struct {
    double prior;        /* the model's effective strength */
    guint first_success; /* introduced (or later) */
    guint declined;      /* first-step failures, by outcome */
    guint no_answer;
    guint second_success; /* meeting (or later) */
    guint no_response;    /* second-step failure */
} TieTally;

typedef enum { STEP_NONE, STEP_SUCCESS, STEP_FAILURE } StepOutcome;

static StepOutcome first_step(WpAskState state)
{
    if (wp_ask_state_introduced(state))
        return STEP_SUCCESS;
    return state == WP_ASK_DECLINED || state == WP_ASK_NO_ANSWER ? STEP_FAILURE : STEP_NONE;
}

static StepOutcome second_step(WpAskState state)
{
    if (state == WP_ASK_MEETING || state == WP_ASK_OPPORTUNITY || state == WP_ASK_WON ||
        state == WP_ASK_LOST)
        return STEP_SUCCESS;
    return state == WP_ASK_NO_RESPONSE ? STEP_FAILURE : STEP_NONE;
}

/* The tally of the tie from path[i] to path[i + 1], made on first use; NULL (counted) when
 * either person or their tie is not in the network. */
static TieTally *tally_for(GHashTable *tallies, const WpScoring *scoring, char **path, guint i,
                           WpLearnStats *stats)
{
    const WpGraph *g = wp_scoring_graph(scoring);
    WpPerson a = wp_graph_find_id(g, path[i]);
    WpPerson b = wp_graph_find_id(g, path[i + 1]);
    WpTie tie;
    if (a == WP_PERSON_NONE || b == WP_PERSON_NONE || !wp_graph_find_tie(g, a, b, &tie)) {
        stats->steps_missing++;
        return NULL;
    }
    TieTally *t = g_hash_table_lookup(tallies, GUINT_TO_POINTER(tie + 1));
    if (t == NULL) {
        WpStrengthBreakdown b_out;
        wp_scoring_tie_strength(scoring, tie, &b_out);
        t = g_new0(TieTally, 1);
        t->prior = b_out.model_effective;
        g_hash_table_insert(tallies, GUINT_TO_POINTER(tie + 1), t);
    }
    return t;
}

/* Adds one ask's outcome to the tallies of its path's ties. Returns: TRUE when it said
 * anything. */
static gboolean add_ask(GHashTable *tallies, const WpScoring *scoring, const WpAsk *ask,
                        WpLearnStats *stats)
{
    guint n = ask->path != NULL ? g_strv_length(ask->path) : 0;
    if (n < 3) {
        stats->asks_without_path++;
        return FALSE;
    }
    StepOutcome first = first_step(ask->state), second = second_step(ask->state);
    if (first == STEP_NONE) {
        stats->asks_open++;
        return FALSE;
    }
    TieTally *t = tally_for(tallies, scoring, ask->path, 0, stats);
    if (t != NULL) {
        if (first == STEP_SUCCESS)
            t->first_success++;
        else if (ask->state == WP_ASK_DECLINED)
            t->declined++;
        else
            t->no_answer++;
    }
    for (guint i = 1; second != STEP_NONE && i + 1 < n; i++) {
        t = tally_for(tallies, scoring, ask->path, i, stats);
        if (t == NULL)
            continue;
        if (second == STEP_SUCCESS)
            t->second_success++;
        else
            t->no_response++;
    }
    return TRUE;
}

/* "2 introduced, 1 declined": the outcomes in the words of the ledger's states. */
static char *tally_detail(const TieTally *t)
{
    g_autoptr(GString) s = g_string_new(NULL);
    const struct {
        guint n;
        const char *what;
    } parts[] = {{t->first_success, "introduced"},
                 {t->declined, "declined"},
                 {t->no_answer, "no answer"},
                 {t->second_success, "meeting"},
                 {t->no_response, "no response"}};
    for (guint i = 0; i < G_N_ELEMENTS(parts); i++)
        if (parts[i].n > 0)
            g_string_append_printf(s, "%s%u %s%s", s->len > 0 ? ", " : "", parts[i].n,
                                   parts[i].what, parts[i].n > 1 && i == 3 ? "s" : "");
    return g_string_free(g_steal_pointer(&s), FALSE);
}

static int compare_ties(const void *a, const void *b)
{
    guint x = GPOINTER_TO_UINT(*(gconstpointer const *)a);
    guint y = GPOINTER_TO_UINT(*(gconstpointer const *)b);
    return x < y ? -1 : x > y;
}

WpTieOverrides *wp_learn_tie_overrides(const GPtrArray *asks, const WpScoring *scoring,
                                       double prior_weight, WpLearnStats *stats)
{
    g_return_val_if_fail(asks != NULL && scoring != NULL, NULL);
    WpLearnStats local = {0};
    WpLearnStats *st = stats != NULL ? stats : &local;
    *st = (WpLearnStats){0};
    double w = isfinite(prior_weight) && prior_weight > 0 ? prior_weight : 0;
    double f = wp_model_intermediary_factor(wp_scoring_model(scoring));

    g_autoptr(GHashTable) tallies = g_hash_table_new_full(NULL, NULL, NULL, g_free);
    for (guint i = 0; i < asks->len; i++) {
        const WpAsk *ask = g_ptr_array_index(asks, i);
        if (ask->kind == WP_ASK_KIND_REQUEST && add_ask(tallies, scoring, ask, st))
            st->asks_used++;
    }

    /* Overrides in tie order, so the set does not depend on the hash table's. */
    guint n_ties = 0;
    g_autofree gpointer *ties = g_hash_table_get_keys_as_array(tallies, &n_ties);
    qsort(ties, n_ties, sizeof *ties, compare_ties);
    WpTieOverrides *overrides = wp_tie_overrides_new();
    for (guint i = 0; i < n_ties; i++) {
        gpointer key = ties[i];
        const TieTally *t = g_hash_table_lookup(tallies, key);
        guint failures = t->declined + t->no_answer + t->no_response;
        guint n = t->first_success + t->second_success + failures;
        if (n == 0)
            continue;
        double learned =
            (w * t->prior + t->first_success + t->second_success / f) / (w + (double)n);
        learned = CLAMP(learned, 0.001, 1.0);
        g_autofree char *detail = tally_detail(t);
        WpTieEvidence evidence = {.successes = t->first_success + t->second_success,
                                  .failures = failures,
                                  .prior_mean = t->prior,
                                  .prior_weight = w,
                                  .detail = detail};
        wp_tie_overrides_set(overrides, GPOINTER_TO_UINT(key) - 1, learned, &evidence);
        st->ties++;
    }
    return overrides;
}

WpScoring *wp_learn_scoring(WpScoring *base, WpLedger *ledger, WpLearnStats *stats, GError **error)
{
    g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, NULL, error);
    if (asks == NULL)
        return NULL;
    const WpModel *model = wp_scoring_model(base);
    g_autoptr(WpTieOverrides) learned =
        wp_learn_tie_overrides(asks, base, wp_model_prior_weight(model), stats);
    if (wp_tie_overrides_size(learned) == 0)
        return wp_scoring_ref(base);
    return wp_scoring_new(wp_scoring_graph(base), model, wp_scoring_as_of(base), learned);
}
