/* SPDX-License-Identifier: MIT */
/* Writes a year of generated ledger history for the demo network (datasets/demo/ledger.csv,
 * the CSV `warmpath ledger export` writes and `ledger import` reads):
 *
 *   build/gen-demo-ledger datasets/demo datasets/demo/ledger.csv [SEED]   (default seed 2026)
 *
 * Each tie has a hidden true strength: the model's figure moved by up to ±0.3. Each ask is a
 * seller of the team asking about a buyer (three in five from the Fintech territory) through
 * the best path whose source has not been asked about that buyer yet, recorded with the
 * model's predicted chance; what happens next is drawn from the truth: the source introduces
 * with the first tie's true strength (else declines or stays silent), the buyer meets with the
 * rest of the path's true chance (else no response), then opportunity and sale by fixed rates.
 * Events after 2026-11-01 (the demo's day) are not written: those asks are still open. The same
 * seed gives the same file.
 *
 * After the asks come a few introductions the sellers gave (kind `given`, GIVEN below, written by
 * hand so that `warmpath connect` has a "who owes you" to show, docs/connect.md): they draw
 * nothing from the generator, so the asks above are the same with or without them, and learning,
 * metrics and follow-ups leave given records out. */
#include <warmpath/warmpath.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#define N_ASKS 360
#define FIRST_DAY "2025-11-03"
#define AS_OF "2026-11-01"

static void event_free(gpointer data)
{
    WpAskEvent *e = data;
    g_free(e->note);
    g_free(e->recorded_by);
    g_free(e);
}

static void person(const WpGraph *g, WpPerson p, WpLedgerPerson *out)
{
    out->id = g_strdup(wp_graph_person_id(g, p));
    out->name = g_strdup(wp_graph_person_attr(g, p, WP_COLUMN_NAME));
    out->company = g_strdup(wp_graph_person_attr(g, p, WP_COLUMN_COMPANY));
}

/* Appends an event unless it falls after the demo's day (then the ask stays where it was). */
static gboolean add_event(WpAsk *a, WpAskState state, WpDay day, double amount, WpDay as_of)
{
    if (day > as_of)
        return FALSE;
    WpAskEvent *e = g_new0(WpAskEvent, 1);
    e->state = state;
    e->day = day;
    e->has_amount = amount > 0;
    e->amount = amount;
    e->recorded_by = g_strdup("gen-demo-ledger");
    e->recorded_at = ((gint64)day * 86400 + 17 * 3600) * G_USEC_PER_SEC; /* 17:00 that day */
    g_ptr_array_add(a->events, e);
    a->state = state;
    a->state_on = day;
    return TRUE;
}

static WpAsk *new_ask(const WpGraph *g, gint64 id, const WpPath *p, double probability, WpDay day)
{
    WpAsk *a = g_new0(WpAsk, 1);
    a->id = id;
    a->kind = WP_ASK_KIND_REQUEST;
    person(g, p->people[0], &a->seller);
    person(g, p->people[1], &a->source);
    person(g, p->people[p->n_people - 1], &a->target);
    a->path = g_new0(char *, p->n_people + 1);
    for (guint i = 0; i < p->n_people; i++)
        a->path[i] = g_strdup(wp_graph_person_id(g, p->people[i]));
    a->probability = probability;
    a->events = g_ptr_array_new_with_free_func(event_free);
    a->asked_on = day;
    add_event(a, WP_ASK_ASKED, day, 0, G_MAXINT32);
    return a;
}

/* Introductions given: the seller introduced `source` to `target` on `day`. For Alice Carter,
 * checked against her asks above (docs/connect.md "Who owes you"): Priya Natarajan returned hers
 * (ask 306, introduced 2026-09-07); Elena Williams was asked since and declined (ask 154);
 * Greg Holloway (two) and Keisha Torres (her ask 347 introduced Alice before the favour) owe
 * her. Nina Patel's favour is hers, not Alice's. No one of a pair was tied to the other. */
static const struct {
    const char *seller, *source, *target, *day, *note;
} GIVEN[] = {
    {"p00001", "p00067", "p00912", "2026-08-24", "Priya asked to meet Fiona"},
    {"p00001", "p02257", "p00109", "2026-03-31", NULL},
    {"p00001", "p00076", "p02266", "2026-06-15", "Greg asked for an introduction"},
    {"p00001", "p00076", "p01182", "2026-09-15", NULL},
    {"p00001", "p00298", "p01018", "2026-10-20", NULL},
    {"p00003", "p00409", "p01031", "2026-07-01", NULL},
};

/* The favours of GIVEN, numbered after the asks. FALSE when an id is not in the network. */
static gboolean add_given(const WpGraph *g, GPtrArray *asks)
{
    for (guint i = 0; i < G_N_ELEMENTS(GIVEN); i++) {
        WpPerson seller = wp_graph_find_id(g, GIVEN[i].seller);
        WpPerson source = wp_graph_find_id(g, GIVEN[i].source);
        WpPerson target = wp_graph_find_id(g, GIVEN[i].target);
        WpDay day;
        if (seller == WP_PERSON_NONE || source == WP_PERSON_NONE || target == WP_PERSON_NONE ||
            !wp_day_parse(GIVEN[i].day, &day))
            return FALSE;
        WpAsk *a = g_new0(WpAsk, 1);
        a->id = asks->len + 1;
        a->kind = WP_ASK_KIND_GIVEN;
        person(g, seller, &a->seller);
        person(g, source, &a->source);
        person(g, target, &a->target);
        a->probability = -1;
        a->events = g_ptr_array_new_with_free_func(event_free);
        a->asked_on = day;
        add_event(a, WP_ASK_ASKED, day, 0, G_MAXINT32);
        add_event(a, WP_ASK_INTRODUCED, day, 0, G_MAXINT32);
        WpAskEvent *first = g_ptr_array_index(a->events, 0);
        first->note = g_strdup(GIVEN[i].note);
        g_ptr_array_add(asks, a);
    }
    return TRUE;
}

/* What happened after the ask, drawn from the true strengths. */
static void play_out(WpAsk *a, const WpPath *p, const double *truth, double f, WpDay as_of,
                     GRand *rng)
{
    WpDay d = a->asked_on;
    if (g_rand_double(rng) >= truth[p->ties[0]]) {
        add_event(a, g_rand_double(rng) < 0.6 ? WP_ASK_DECLINED : WP_ASK_NO_ANSWER,
                  d + g_rand_int_range(rng, 2, 15), 0, as_of);
        return;
    }
    if (g_rand_double(rng) < 0.8 &&
        !add_event(a, WP_ASK_AGREED, d += g_rand_int_range(rng, 1, 4), 0, as_of))
        return;
    if (!add_event(a, WP_ASK_INTRODUCED, d += g_rand_int_range(rng, 2, 9), 0, as_of))
        return;
    double rest = pow(f, p->n_people - 2);
    for (guint h = 1; h + 1 < p->n_people; h++)
        rest *= truth[p->ties[h]];
    if (g_rand_double(rng) >= rest) {
        add_event(a, WP_ASK_NO_RESPONSE, d + 14, 0, as_of);
        return;
    }
    if (!add_event(a, WP_ASK_MEETING, d += g_rand_int_range(rng, 3, 15), 0, as_of) ||
        g_rand_double(rng) >= 0.5)
        return;
    double amount = 1000.0 * g_rand_int_range(rng, 10, 81);
    if (!add_event(a, WP_ASK_OPPORTUNITY, d += g_rand_int_range(rng, 7, 30), amount, as_of))
        return;
    gboolean won = g_rand_double(rng) < 0.45;
    add_event(a, won ? WP_ASK_WON : WP_ASK_LOST, d + g_rand_int_range(rng, 20, 60),
              won ? amount : 0, as_of);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gen-demo-ledger DATA_DIR OUT.csv [SEED]\n");
        return 2;
    }
    guint32 seed = argc > 3 ? (guint32)g_ascii_strtoull(argv[3], NULL, 10) : 2026;
    g_autofree char *edges = g_build_filename(argv[1], "edges.csv", NULL);
    g_autofree char *people = g_build_filename(argv[1], "people.csv", NULL);
    WpLoadSpec spec = {.ties_file = edges, .people_file = people};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    if (g == NULL) {
        fprintf(stderr, "gen-demo-ledger: %s\n", error->message);
        return 1;
    }
    g_autoptr(WpModel) model = wp_model_new_default();
    WpDay first, as_of;
    wp_day_parse(FIRST_DAY, &first);
    wp_day_parse(AS_OF, &as_of);
    g_autoptr(WpScoring) s = wp_scoring_new(g, model, as_of, NULL);
    g_autoptr(GRand) rng = g_rand_new_with_seed(seed);
    guint n_ties = wp_graph_n_ties(g);
    g_autofree double *truth = g_new(double, n_ties);
    for (WpTie t = 0; t < n_ties; t++)
        truth[t] = CLAMP(wp_scoring_tie_strength(s, t, NULL) + g_rand_double_range(rng, -0.3, 0.3),
                         0.03, 0.97);
    g_autoptr(GArray) sellers = wp_select_sellers(g, NULL, TRUE, NULL, &error);
    g_autoptr(GArray) fintech = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) anyone = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++) {
        if (wp_graph_person_team(g, p) != NULL || !wp_graph_person_listed(g, p))
            continue;
        g_array_append_val(anyone, p);
        if (g_strcmp0(wp_graph_person_attr(g, p, WP_COLUMN_INDUSTRY), "Fintech") == 0)
            g_array_append_val(fintech, p);
    }
    double f = wp_model_intermediary_factor(model);
    g_autoptr(WpQueryContext) ctx = wp_query_context_new(g);
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    g_autoptr(GHashTable) asked = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    WpPathQuery q = {.k = 4, .max_hops = 4, .min_probability = 0.01};
    while (asks->len < N_ASKS) {
        WpDay day = first + (WpDay)((double)asks->len * (as_of - 4 - first) / N_ASKS);
        WpPerson seller = g_array_index(sellers, WpPerson, g_rand_int_range(rng, 0, sellers->len));
        GArray *pool = g_rand_double(rng) < 0.6 ? fintech : anyone;
        WpPerson target = g_array_index(pool, WpPerson, g_rand_int_range(rng, 0, pool->len));
        g_autoptr(WpPathSet) set = wp_path_find(s, ctx, &seller, 1, target, &q, NULL, &error);
        if (set == NULL) {
            fprintf(stderr, "gen-demo-ledger: %s\n", error->message);
            return 1;
        }
        for (guint i = 0; i < set->paths->len; i++) {
            const WpPath *p = &g_array_index(set->paths, WpPath, i);
            if (p->n_people < 3 || p->team_hop || wp_graph_person_team(g, p->people[1]) != NULL)
                continue; /* the demo's sources are contacts, not teammates */
            g_autofree char *key = g_strdup_printf("%u>%u>%u", seller, p->people[1], target);
            if (!g_hash_table_add(asked, g_steal_pointer(&key)))
                continue; /* that source was asked about that buyer already */
            WpAsk *a = new_ask(g, asks->len + 1, p, p->probability, day);
            play_out(a, p, truth, f, as_of, rng);
            g_ptr_array_add(asks, a);
            break;
        }
    }
    if (!add_given(g, asks)) {
        fprintf(stderr, "gen-demo-ledger: an introduction given names someone not in %s\n",
                argv[1]);
        return 1;
    }
    g_autofree char *csv = wp_ledger_export_csv(asks);
    if (!g_file_set_contents(argv[2], csv, -1, &error)) {
        fprintf(stderr, "gen-demo-ledger: %s\n", error->message);
        return 1;
    }
    return 0;
}
