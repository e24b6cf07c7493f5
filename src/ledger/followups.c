/* SPDX-License-Identifier: MIT */
/* Follow-up rules: from the asks' histories to what the seller should do, and when. */
#include "warmpath/followups.h"

#include <string.h>

#include "ledger/analytics-private.h"
#include "warmpath/error.h"
#include "warmpath/path.h"
#include "warmpath/rank.h"
#include "warmpath/select.h"

static const char *const action_names[WP_FOLLOWUP_N_ACTIONS] = {
    [WP_FOLLOWUP_THANK_SOURCE] = "thank-source",
    [WP_FOLLOWUP_REPORT_TO_SOURCE] = "report-to-source",
    [WP_FOLLOWUP_THANK_AFTER_SALE] = "thank-after-sale",
    [WP_FOLLOWUP_NUDGE_SOURCE] = "nudge-source",
    [WP_FOLLOWUP_NEXT_SOURCE] = "next-source",
    [WP_FOLLOWUP_RECONNECT] = "reconnect",
    [WP_FOLLOWUP_ASK_FOR_REFERRALS] = "ask-for-referrals",
};

const char *wp_followup_action_name(WpFollowupAction action)
{
    return (guint)action < WP_FOLLOWUP_N_ACTIONS ? action_names[action] : "unknown";
}

static void target_clear(gpointer data)
{
    wp_i_ledger_person_clear(&((WpFollowupTarget *)data)->person);
}

void wp_followup_free(WpFollowup *followup)
{
    if (followup == NULL)
        return;
    wp_i_ledger_person_clear(&followup->person);
    wp_i_ledger_person_clear(&followup->seller);
    wp_i_ledger_person_clear(&followup->target);
    g_free(followup->sentence);
    g_strfreev(followup->path);
    if (followup->targets != NULL)
        g_array_unref(followup->targets);
    g_free(followup);
}

/* Everything one computation shares. */
typedef struct {
    const WpScoring *scoring;
    const WpGraph *graph;
    WpDay as_of;
    WpFollowupOptions opt;
    GCancellable *cancellable;
    WpQueryContext *context;  /* made on the first search */
    GHashTable *by_target;    /* target id (borrowed) -> GPtrArray of asks (borrowed) */
    WpTerritory *territory;   /* made on the first ask for referrals */
    gboolean territory_tried; /* ... or found to be none */
    GPtrArray *out;
} Ctx;

static WpFollowup *add(Ctx *c, const WpAsk *ask, WpFollowupAction action, WpDay due,
                       const WpLedgerPerson *person, char *sentence)
{
    WpFollowup *f = g_new0(WpFollowup, 1);
    f->ask = ask->id;
    f->action = action;
    f->due = due;
    f->overdue_days = c->as_of - due;
    wp_i_ledger_person_copy(&f->person, person);
    wp_i_ledger_person_copy(&f->seller, &ask->seller);
    wp_i_ledger_person_copy(&f->target, &ask->target);
    f->sentence = sentence;
    f->probability = -1;
    g_ptr_array_add(c->out, f);
    return f;
}

/* A person of the network as the follow-up names them. */
static void person_from_graph(const WpGraph *g, WpPerson p, WpLedgerPerson *out)
{
    out->id = g_strdup(wp_graph_person_id(g, p));
    out->name = g_strdup(wp_graph_person_attr(g, p, WP_COLUMN_NAME));
    out->company = g_strdup(wp_graph_person_attr(g, p, WP_COLUMN_COMPANY));
}

/* TRUE when the seller's tie to the person they would ask next needs warming first: gone
 * cold, never used, or weak (the same verdicts `path` gives a direct tie). */
static gboolean needs_reconnect(const Ctx *c, const WpPath *path, char **why)
{
    if (path->n_people < 2 || path->team_hop || path->ties[0] == WP_TIE_NONE)
        return FALSE;
    WpHopReason hop;
    wp_hop_reason_fill(c->scoring, path->people[0], path->people[1], path->ties[0], 0, &hop);
    const WpModel *m = wp_scoring_model(c->scoring);
    if (hop.flags & WP_HOP_GONE_COLD) {
        char day[11];
        wp_day_format(hop.last_contact, day);
        *why = g_strdup_printf("your tie has gone cold (last contact %s, %d days ago)", day,
                               hop.age_days);
    } else if (hop.flags & WP_HOP_NEVER_INTERACTED)
        *why = g_strdup("you are connected but have never interacted");
    else if (hop.effective < wp_model_weak_tie_below(m)) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        *why = g_strdup_printf("your tie is weak (strength %s)",
                               g_ascii_formatd(buf, sizeof buf, "%.2f", hop.effective));
    } else
        return FALSE;
    return TRUE;
}

static gboolean tried(GHashTable *sources, const WpGraph *g, WpPerson p)
{
    return g_hash_table_contains(sources, wp_graph_person_id(g, p));
}

/* next-source (and reconnect): the best path to the same buyer through a source nobody has
 * been asked about them yet. Returns FALSE only on error. */
static gboolean next_source(Ctx *c, const WpAsk *ask, WpDay due, const char *why, GError **error)
{
    const WpGraph *g = c->graph;
    WpPerson seller = wp_graph_find_id(g, ask->seller.id);
    WpPerson target = wp_graph_find_id(g, ask->target.id);
    if (seller == WP_PERSON_NONE || target == WP_PERSON_NONE || seller == target ||
        (wp_scoring_team_rules(c->scoring) && wp_graph_person_team(g, target) != NULL))
        return TRUE;
    g_autoptr(GHashTable) sources = g_hash_table_new(g_str_hash, g_str_equal);
    GPtrArray *same = g_hash_table_lookup(c->by_target, ask->target.id);
    for (guint i = 0; same != NULL && i < same->len; i++)
        g_hash_table_add(sources, ((WpAsk *)g_ptr_array_index(same, i))->source.id);
    if (c->context == NULL)
        c->context = wp_query_context_new(wp_scoring_graph(c->scoring));
    const WpModel *m = wp_scoring_model(c->scoring);
    WpPathQuery q = {.k = MIN(g_hash_table_size(sources) + 1, 64),
                     .max_hops = wp_model_max_hops(m),
                     .min_probability = wp_model_min_probability(m)};
    g_autoptr(WpPathSet) set =
        wp_path_find(c->scoring, c->context, &seller, 1, target, &q, c->cancellable, error);
    if (set == NULL)
        return FALSE;
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *p = &g_array_index(set->paths, WpPath, i);
        if (tried(sources, g, p->people[1]))
            continue;
        WpLedgerPerson next = {0};
        person_from_graph(g, p->people[1], &next);
        g_autofree char *who = wp_i_ledger_person_text(&next);
        g_autofree char *buyer = wp_i_ledger_person_text(&ask->target);
        char pct[16];
        wp_i_ledger_percent(pct, p->probability);
        char *sentence =
            p->n_people == 2
                ? g_strdup_printf("Ask %s yourself — %s chance (%s)", buyer, pct, why)
                : g_strdup_printf("Ask %s next for an introduction to %s — %s chance (%s)", who,
                                  buyer, pct, why);
        WpFollowup *f = add(c, ask, WP_FOLLOWUP_NEXT_SOURCE, due, &next, sentence);
        f->probability = p->probability;
        f->path = g_new0(char *, p->n_people + 1);
        for (guint k = 0; k < p->n_people; k++)
            f->path[k] = g_strdup(wp_graph_person_id(g, p->people[k]));
        g_autofree char *cold = NULL;
        if (p->n_people > 2 && needs_reconnect(c, p, &cold))
            add(c, ask, WP_FOLLOWUP_RECONNECT, due, &next,
                g_strdup_printf("Reconnect with %s before you ask about %s: %s", who, buyer, cold));
        wp_i_ledger_person_clear(&next);
        return TRUE;
    }
    return TRUE;
}

static gint compare_reach(gconstpointer a, gconstpointer b)
{
    const WpFollowupTarget *x = a, *y = b;
    if (x->probability != y->probability)
        return x->probability > y->probability ? -1 : 1;
    return strcmp(x->person.id, y->person.id);
}

/* The buyers of the territory the new client can reach: rank's figures from the client's side
 * (a path client -> contact -> ... -> buyer), or the client's own tie to the buyer. */
static GArray *client_reach(Ctx *c, WpPerson client, WpPerson seller, GError **error)
{
    const WpGraph *g = c->graph;
    GArray *out = g_array_new(FALSE, TRUE, sizeof(WpFollowupTarget));
    g_array_set_clear_func(out, target_clear);
    if (!c->territory_tried) {
        c->territory_tried = TRUE;
        const WpModel *m = wp_scoring_model(c->scoring);
        if (c->opt.territory != NULL || wp_model_territory(m) != NULL) {
            WpTerritorySpec spec = {
                .where = c->opt.territory, .model = m, .profile_name = "the profile"};
            c->territory = wp_territory_select(g, &spec, error);
            if (c->territory == NULL) {
                g_array_unref(out);
                return NULL;
            }
        }
    }
    if (c->territory == NULL || c->territory->people->len == 0)
        return out;
    if (c->context == NULL)
        c->context = wp_query_context_new(wp_scoring_graph(c->scoring));
    const WpModel *m = wp_scoring_model(c->scoring);
    WpRankQuery q = {.sellers = &client,
                     .n_sellers = 1,
                     .targets = &g_array_index(c->territory->people, WpPerson, 0),
                     .n_targets = c->territory->people->len,
                     .max_hops = wp_model_max_hops(m) > 0 ? wp_model_max_hops(m) - 1 : 0,
                     .min_probability = wp_model_min_probability(m),
                     .n_best = 1,
                     .n_threads = 1};
    g_autoptr(WpRankResult) r = wp_rank_run(c->scoring, c->context, &q, c->cancellable, error);
    if (r == NULL) {
        g_array_unref(out);
        return NULL;
    }
    for (guint i = 0; i < r->targets->len; i++) {
        WpPerson t = g_array_index(r->targets, WpPerson, i);
        double p = g_array_index(r->best_probability, double, i);
        WpTie tie;
        if (wp_graph_find_tie(g, client, t, &tie))
            p = MAX(p, wp_scoring_tie_strength(c->scoring, tie, NULL));
        if (p <= 0 || t == seller)
            continue;
        WpFollowupTarget ft = {.probability = p};
        person_from_graph(g, t, &ft.person);
        g_array_append_val(out, ft);
    }
    for (guint i = 0; i < r->direct->len; i++) { /* strong direct ties, set aside by rank */
        WpPerson t = g_array_index(r->direct, WpPerson, i);
        WpTie tie;
        if (t == seller || !wp_graph_find_tie(g, client, t, &tie))
            continue;
        WpFollowupTarget ft = {.probability = wp_scoring_tie_strength(c->scoring, tie, NULL)};
        person_from_graph(g, t, &ft.person);
        g_array_append_val(out, ft);
    }
    g_array_sort(out, compare_reach);
    if (out->len > c->opt.max_targets)
        g_array_set_size(out, c->opt.max_targets);
    return out;
}

static gboolean ask_for_referrals(Ctx *c, const WpAsk *ask, WpDay due, GError **error)
{
    WpPerson client = wp_graph_find_id(c->graph, ask->target.id);
    WpPerson seller = wp_graph_find_id(c->graph, ask->seller.id);
    g_autoptr(GArray) reach = NULL;
    if (client != WP_PERSON_NONE) {
        reach = client_reach(c, client, seller, error);
        if (reach == NULL)
            return FALSE;
    }
    g_autofree char *who = wp_i_ledger_person_text(&ask->target);
    g_autoptr(GString) s = g_string_new(NULL);
    g_string_printf(s, "Ask %s, your new client, for introductions", who);
    for (guint i = 0; reach != NULL && i < reach->len; i++) {
        const WpFollowupTarget *t = &g_array_index(reach, WpFollowupTarget, i);
        g_autofree char *name = wp_i_ledger_person_text(&t->person);
        char pct[16];
        wp_i_ledger_percent(pct, t->probability);
        g_string_append_printf(s, "%s%s %s", i == 0 ? ": they can reach " : "; ", name, pct);
    }
    if (reach == NULL || reach->len == 0)
        g_string_append(s, ": ask whom they know who needs what you sell");
    WpFollowup *f = add(c, ask, WP_FOLLOWUP_ASK_FOR_REFERRALS, due, &ask->target,
                        g_string_free(g_steal_pointer(&s), FALSE));
    f->targets = g_steal_pointer(&reach);
    return TRUE;
}

/* TRUE when the same seller asked someone else about the same buyer after @ask. */
static gboolean asked_again(const Ctx *c, const WpAsk *ask)
{
    GPtrArray *same = g_hash_table_lookup(c->by_target, ask->target.id);
    for (guint i = 0; same != NULL && i < same->len; i++) {
        const WpAsk *o = g_ptr_array_index(same, i);
        if (o != ask && g_strcmp0(o->seller.id, ask->seller.id) == 0 &&
            (o->asked_on > ask->asked_on || (o->asked_on == ask->asked_on && o->id > ask->id)))
            return TRUE;
    }
    return FALSE;
}

/* The rules for one ask, as its events up to the as-of day leave it. */
static gboolean ask_followups(Ctx *c, const WpAsk *ask, GError **error)
{
    WpDay day;
    WpAskState state = wp_i_ask_state_on(ask, c->as_of, &day);
    WpDay since_asked = c->as_of - ask->asked_on;
    g_autofree char *source = wp_i_ledger_person_text(&ask->source);
    g_autofree char *buyer = wp_i_ledger_person_text(&ask->target);
    const guint nudge = c->opt.nudge_after_days, stale = c->opt.stale_after_days;
    switch (state) {
    case WP_ASK_ASKED:
        if ((guint)since_asked >= c->opt.lapse_after_days && !asked_again(c, ask)) {
            g_autofree char *why =
                g_strdup_printf("%s has not answered for %d days", source, since_asked);
            return next_source(c, ask, ask->asked_on + c->opt.lapse_after_days, why, error);
        }
        if ((guint)since_asked >= nudge)
            add(c, ask, WP_FOLLOWUP_NUDGE_SOURCE, ask->asked_on + nudge, &ask->source,
                g_strdup_printf("Nudge %s: no answer to your ask about %s for %d days", source,
                                buyer, since_asked));
        return TRUE;
    case WP_ASK_AGREED:
        add(c, ask, WP_FOLLOWUP_THANK_SOURCE, day + 1, &ask->source,
            g_strdup_printf("Thank %s for agreeing to introduce you to %s", source, buyer));
        if ((guint)(c->as_of - day) >= nudge)
            add(c, ask, WP_FOLLOWUP_NUDGE_SOURCE, day + nudge, &ask->source,
                g_strdup_printf("Check with %s that the introduction to %s happened: agreed %d "
                                "days ago",
                                source, buyer, c->as_of - day));
        return TRUE;
    case WP_ASK_INTRODUCED:
    case WP_ASK_MEETING:
    case WP_ASK_OPPORTUNITY:
        if (c->as_of - (day + 1) <= (gint)stale) /* a report not yet stale */
            add(c, ask, WP_FOLLOWUP_REPORT_TO_SOURCE, day + 1, &ask->source,
                state == WP_ASK_INTRODUCED
                    ? g_strdup_printf("Tell %s the introduction to %s happened, and thank them",
                                      source, buyer)
                : state == WP_ASK_MEETING
                    ? g_strdup_printf("Tell %s how your meeting with %s went", source, buyer)
                    : g_strdup_printf("Tell %s that %s is now an opportunity", source, buyer));
        return TRUE;
    case WP_ASK_WON:
        if (c->as_of - (day + 1) > (gint)stale)
            return TRUE;
        add(c, ask, WP_FOLLOWUP_THANK_AFTER_SALE, day + 1, &ask->source,
            g_strdup_printf("Thank %s again: the introduction to %s became a sale", source, buyer));
        return ask_for_referrals(c, ask, day + 1, error);
    case WP_ASK_DECLINED:
    case WP_ASK_NO_ANSWER:
        if (c->as_of - day > (gint)stale || asked_again(c, ask))
            return TRUE;
        return next_source(c, ask, day,
                           state == WP_ASK_DECLINED ? "the last source asked declined"
                                                    : "the last source asked did not answer",
                           error);
    default: /* no-response, lost: nothing to follow up */
        return TRUE;
    }
}

static gint compare_followups(gconstpointer a, gconstpointer b)
{
    const WpFollowup *x = *(WpFollowup *const *)a, *y = *(WpFollowup *const *)b;
    if (x->due != y->due)
        return x->due < y->due ? -1 : 1;
    if (x->action != y->action)
        return x->action < y->action ? -1 : 1;
    if (x->ask != y->ask)
        return x->ask < y->ask ? -1 : 1;
    return g_strcmp0(x->person.id, y->person.id);
}

GPtrArray *wp_followups_compute(const GPtrArray *asks, const WpScoring *scoring, WpDay as_of,
                                const WpFollowupOptions *options, GCancellable *cancellable,
                                GError **error)
{
    g_return_val_if_fail(asks != NULL && scoring != NULL, NULL);
    Ctx c = {.scoring = scoring,
             .graph = wp_scoring_graph(scoring),
             .as_of = as_of == WP_DAY_NONE ? wp_day_today() : as_of,
             .cancellable = cancellable};
    if (options != NULL)
        c.opt = *options;
    if (c.opt.nudge_after_days == 0)
        c.opt.nudge_after_days = 7;
    if (c.opt.lapse_after_days == 0)
        c.opt.lapse_after_days = 2 * c.opt.nudge_after_days;
    if (c.opt.stale_after_days == 0)
        c.opt.stale_after_days = 30;
    if (c.opt.max_targets == 0)
        c.opt.max_targets = 5;
    c.by_target =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
    c.out = g_ptr_array_new_with_free_func((GDestroyNotify)wp_followup_free);
    for (guint i = 0; i < asks->len; i++) {
        WpAsk *a = g_ptr_array_index(asks, i);
        if (a->kind != WP_ASK_KIND_REQUEST || a->asked_on > c.as_of || a->target.id == NULL)
            continue;
        GPtrArray *same = g_hash_table_lookup(c.by_target, a->target.id);
        if (same == NULL) {
            same = g_ptr_array_new();
            g_hash_table_insert(c.by_target, a->target.id, same);
        }
        g_ptr_array_add(same, a);
    }
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < asks->len; i++) {
        const WpAsk *a = g_ptr_array_index(asks, i);
        if (a->kind == WP_ASK_KIND_REQUEST && a->asked_on <= c.as_of)
            ok = ask_followups(&c, a, error);
    }
    g_hash_table_unref(c.by_target);
    wp_territory_free(c.territory);
    wp_query_context_free(c.context);
    if (!ok) {
        g_ptr_array_unref(c.out);
        return NULL;
    }
    g_ptr_array_sort(c.out, compare_followups);
    return c.out;
}
