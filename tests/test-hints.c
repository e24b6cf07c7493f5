/* SPDX-License-Identifier: MIT */
/* The hints of an empty path answer stay within their work budget (WP_PATH_HINT_BUDGET people
 * settled per hint) on networks built so that the unbounded searches would cover far more, and
 * still give the exact hint when it lies within the budget. Counted in people settled, through
 * the search's own statistics, never in wall time. */
#include "paths/paths-private.h"
#include "search/query-private.h"
#include "warmpath/warmpath.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/* s - c1 - c2 - ... - c<n> - t, every tie of @strength (under the raw model a path's chance is
 * then strength^hops). */
static WpScoring *chain_scoring(guint n, double strength)
{
    char p[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_dtostr(p, sizeof p, strength);
    GString *csv = g_string_new("source,target,strength\n");
    g_string_append_printf(csv, "s,c1,%s\n", p);
    for (guint i = 1; i < n; i++)
        g_string_append_printf(csv, "c%u,c%u,%s\n", i, i + 1, p);
    g_string_append_printf(csv, "c%u,t,%s\n", n, p);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(csv->str, NULL, 0, &error);
    g_string_free(csv, TRUE);
    g_assert_no_error(error);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    return wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
}

static WpPerson person(const WpScoring *sc, const char *id)
{
    WpPerson p = wp_graph_find_id(wp_scoring_graph(sc), id);
    g_assert_cmpuint(p, !=, WP_PERSON_NONE);
    return p;
}

/* 4 hops and a 1 % floor: on a chain of n >= 4 people between s and t no path is within them. */
static const WpPathQuery LIMITS = {5, 4, 0.01, FALSE};

/* The best-path-beyond-the-limits hint alone, on a context of its own with @budget; the people
 * its searches settled in *@settled. */
static gboolean best_anywhere(const WpScoring *sc, guint budget, WpPath *out, guint *settled)
{
    g_autoptr(WpQueryContext) context = wp_query_context_new(wp_scoring_graph(sc));
    WpQueryContext *c = wp_i_query_begin(context, sc, NULL, NULL);
    g_assert_nonnull(c);
    WpPerson s = person(sc, "s");
    WpPathContext ctx;
    wp_i_path_context_init(&ctx, sc, c, &s, 1, &LIMITS);
    ctx.hint_budget = budget;
    gboolean complete = wp_i_paths_best_anywhere(&ctx, person(sc, "t"), out);
    *settled = ctx.hint_settled;
    wp_i_path_context_clear(&ctx);
    g_assert_true(wp_i_query_end(c, NULL, NULL));
    return complete;
}

/* A chain of 3 x the budget, ties of 0.9999 (the chain's 30,001 hops keep a chance of 5 %):
 * proving the best path needs every one of its people settled by one
 * side or the other (a side stops at the first person it has not settled), so the unbounded
 * search settles at least all 30,002 of them; within the budget it stops at exactly the budget,
 * and says it was cut rather than that t is unreachable. */
static void test_long_chain_beyond_limits(void)
{
    const guint n = 3 * WP_PATH_HINT_BUDGET;
    g_autoptr(WpScoring) sc = chain_scoring(n, 0.9999);
    WpPath path = {0};
    guint settled = 0;
    g_assert_false(best_anywhere(sc, WP_PATH_HINT_BUDGET, &path, &settled));
    g_assert_cmpuint(settled, ==, WP_PATH_HINT_BUDGET);
    g_assert_cmpuint(path.n_people, ==, 0);

    g_assert_true(best_anywhere(sc, G_MAXUINT, &path, &settled));
    g_assert_cmpuint(settled, >=, n + 2);
    g_assert_cmpuint(path.n_people, ==, n + 2);
    g_assert_cmpfloat_with_epsilon(path.probability, pow(0.9999, n + 1), 1e-9 * path.probability);
    wp_path_clear(&path);

    /* Through the public entry point: no path within the limits, the hint cut, and the answer
     * saying so in every front end's words (the report's sentences, the JSON). */
    WpPerson s = person(sc, "s");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find(sc, NULL, &s, 1, person(sc, "t"), &LIMITS, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 0);
    g_assert_true(set->unconstrained_cut);
    g_assert_cmpuint(set->unconstrained.n_people, ==, 0);
    WpPathRequest request = {&s, 1, LIMITS, NULL, NULL, NULL, "raw"};
    g_autoptr(WpPathReport) report = wp_path_report_new(sc, set, &request);
    g_autoptr(GPtrArray) why = wp_report_no_path_sentences(report);
    g_assert_cmpuint(why->len, ==, 2);
    g_assert_cmpstr(why->pdata[1], ==,
                    "A search of 10,000 people found no sure path beyond them: use --max-hops 0 "
                    "and --min-probability 0 to search the whole network.");
    g_autoptr(JsonNode) json = wp_report_paths_json(report);
    JsonObject *no_path = json_object_get_object_member(json_node_get_object(json), "no_path");
    g_assert_true(json_object_get_boolean_member(no_path, "beyond_limits_cut"));
    g_assert_false(json_object_get_boolean_member(no_path, "colleagues_cut"));
}

/* A chain within the budget: the exact best path, 1,001 hops at 0.9 each, and no cut. Hand
 * count of the work: the two sides meet on the chain, so at least its 1,002 people are settled,
 * and reruns never take the total past the budget. */
static void test_short_chain_found(void)
{
    const guint n = 1000;
    g_autoptr(WpScoring) sc = chain_scoring(n, 0.9);
    WpPath path = {0};
    guint settled = 0;
    g_assert_true(best_anywhere(sc, WP_PATH_HINT_BUDGET, &path, &settled));
    g_assert_cmpuint(settled, >=, n + 2);
    g_assert_cmpuint(settled, <=, WP_PATH_HINT_BUDGET);
    g_assert_cmpuint(path.n_people, ==, n + 2);
    g_assert_cmpfloat_with_epsilon(path.probability, pow(0.9, n + 1), 1e-9 * path.probability);
    wp_path_clear(&path);
}

/* s tied to 150 hubs h<i> (0.9), each tied to 150 leaves l<i>_<j> (0.3): 22,650 people within 2
 * hops. The target t (at Acme) has one tie, to x, which is 5 ties from s through a separate
 * chain s-y1-y2-y3-y4-x (0.9 each), so nothing is within 4 hops of t. t's colleague u (Acme)
 * hangs off the last leaf: s-h150-l150_150-u, 3 hops, 0.9 x 0.3 x 0.8 = 0.216. By cost, the
 * colleague search settles s, the hubs, y1-y4 (x is a fifth hop) and the 22,500 leaves before
 * u, the 22,656th: within the budget it stops at exactly 10,000, with no colleague and the cut
 * said; without it, u. The best path beyond the limits is cheap to find: the first forward run
 * (costs up to 1: s, the hubs, the y's, x and t) meets the backward one on the y chain. */
static WpScoring *fan_scoring(void)
{
    GString *ties = g_string_new("source,target,strength\n");
    for (guint i = 1; i <= 150; i++) {
        g_string_append_printf(ties, "s,h%u,0.9\n", i);
        for (guint j = 1; j <= 150; j++)
            g_string_append_printf(ties, "h%u,l%u_%u,0.3\n", i, i, j);
    }
    g_string_append(ties, "l150_150,u,0.8\ns,y1,0.9\ny1,y2,0.9\ny2,y3,0.9\ny3,y4,0.9\n"
                          "y4,x,0.9\nx,t,0.9\n");
    const char *people = "id,name,company\ns,Seller,Us\nt,Target,Acme\nu,Colleague,Acme\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(ties->str, people, 0, &error);
    g_string_free(ties, TRUE);
    g_assert_no_error(error);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    return wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
}

static void test_colleagues_within_budget(void)
{
    g_autoptr(WpScoring) sc = fan_scoring();
    WpPerson s = person(sc, "s"), u = person(sc, "u");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find(sc, NULL, &s, 1, person(sc, "t"), &LIMITS, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 0);
    g_assert_true(set->suggestions_cut);
    g_assert_cmpuint(set->suggestions->len, ==, 0);
    /* Beyond the limits: s-y1-y2-y3-y4-x-t, 6 hops. */
    g_assert_false(set->unconstrained_cut);
    g_assert_cmpuint(set->unconstrained.n_people, ==, 7);
    g_assert_cmpfloat_with_epsilon(set->unconstrained.probability, pow(0.9, 6), 1e-12);

    /* The colleague search alone, with and without the budget. */
    for (guint round = 0; round < 2; round++) {
        gboolean bounded = round == 0;
        g_autoptr(WpQueryContext) context = wp_query_context_new(wp_scoring_graph(sc));
        WpQueryContext *c = wp_i_query_begin(context, sc, NULL, NULL);
        WpPathContext ctx;
        wp_i_path_context_init(&ctx, sc, c, &s, 1, &LIMITS);
        g_autoptr(WpPathSet) into = wp_i_path_set_new(WP_PERSON_NONE);
        gboolean complete =
            wp_i_paths_into_people(&ctx, &u, 1, bounded ? WP_PATH_HINT_BUDGET : 0, into);
        guint n_settled = ctx.hint_settled; /* the budgeted run's (on the kept search) */
        if (!bounded)
            wp_i_search_settled(ctx.search, &n_settled);
        wp_i_path_context_clear(&ctx);
        g_assert_true(wp_i_query_end(c, NULL, NULL));
        if (bounded) {
            g_assert_false(complete);
            g_assert_cmpuint(n_settled, ==, WP_PATH_HINT_BUDGET);
            g_assert_cmpuint(into->paths->len, ==, 0);
        } else {
            g_assert_true(complete);
            g_assert_cmpuint(n_settled, ==, 1 + 150 + 4 + 150 * 150 + 1); /* ... then u */
            g_assert_cmpuint(into->paths->len, ==, 1);
            const WpPath *p = &g_array_index(into->paths, WpPath, 0);
            g_assert_cmpuint(p->n_people, ==, 4);
            g_assert_cmpuint(p->people[3], ==, u);
            g_assert_cmpfloat_with_epsilon(p->probability, 0.9 * 0.3 * 0.8, 1e-12);
        }
    }
}

/* A random network of @n people in companies of about four, ties of random strength. */
static WpGraph *company_network(GRand *rand, guint n)
{
    GString *ties = g_string_new("source,target,strength\n");
    GString *people = g_string_new("id,name,company\n");
    for (guint i = 0; i < n; i++) {
        g_string_append_printf(people, "p%u,Person %u,Co%u\n", i, i, i / 4);
        g_string_append_printf(ties, "p%u,p%u,0.%02d\n", i, (i + 1) % n,
                               g_rand_int_range(rand, 10, 99));
    }
    for (guint k = 0; k < 2 * n; k++) {
        guint a = (guint)g_rand_int_range(rand, 0, (gint32)n);
        guint b = (guint)g_rand_int_range(rand, 0, (gint32)n);
        if (a != b)
            g_string_append_printf(ties, "p%u,p%u,0.%02d\n", a, b, g_rand_int_range(rand, 10, 99));
    }
    g_autoptr(GError) error = NULL;
    WpGraph *g = wp_graph_load_from_data(ties->str, people->str, 0, &error);
    g_string_free(ties, TRUE);
    g_string_free(people, TRUE);
    g_assert_no_error(error);
    return g;
}

static char *answer_json(const WpScoring *sc, WpQueryContext *context, WpPerson seller,
                         WpPerson target, const WpPathQuery *query)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find(sc, context, &seller, 1, target, query, NULL, &error);
    g_assert_no_error(error);
    WpPathRequest request = {&seller, 1, *query, NULL, NULL, NULL, "test"};
    WpPathReport *report = wp_path_report_new(sc, set, &request);
    JsonNode *json = wp_report_paths_json(report);
    char *text = json_to_string(json, FALSE);
    json_node_unref(json);
    wp_path_report_free(report);
    return text;
}

/* The colleague search of one seller's hints is kept between queries on a context
 * (wp_i_query_kept_search()) and read for each question's colleagues: one context answering
 * question after question, from different sellers, on two scorings of the network in turn (the
 * same model, ties learned otherwise) and under several limits, gives every answer a fresh context gives; so does the colleague search
 * alone under budgets that cut it short at random places. */
static void test_kept_run_between_queries(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(5);
    guint n_empty = 0, n_cut = 0, n_asked = 0;
    for (guint round = 0; round < 12; round++) {
        guint n = (guint)g_rand_int_range(rand, 12, 80);
        g_autoptr(WpGraph) g = company_network(rand, n);
        /* The same model (so the same hop penalty and cost bound) with a third of the ties
         * learned otherwise: only the scoring tells the two apart. */
        g_autoptr(WpModel) model = wp_model_new_default();
        g_autoptr(WpTieOverrides) learned = wp_tie_overrides_new();
        for (WpTie t = 0; t < wp_graph_n_ties(g); t += 3)
            wp_tie_overrides_set(learned, t, g_rand_double_range(rand, 0.05, 1.0), NULL);
        WpScoring *scorings[2] = {wp_scoring_new(g, model, WP_DAY_NONE, NULL),
                                  wp_scoring_new(g, model, WP_DAY_NONE, learned)};
        g_autoptr(WpQueryContext) shared = wp_query_context_new(g);
        WpPerson sellers[2] = {(WpPerson)g_rand_int_range(rand, 0, (gint32)n),
                               (WpPerson)g_rand_int_range(rand, 0, (gint32)n)};
        for (guint q = 0; q < 40; q++) {
            const WpScoring *sc = scorings[q / 10 % 2];
            WpPerson seller = sellers[q % 3 == 2];
            WpPerson target = (WpPerson)g_rand_int_range(rand, 0, (gint32)n);
            if (target == seller)
                continue;
            WpPathQuery query = {(guint)g_rand_int_range(rand, 1, 4), q % 7 == 6 ? 3 : 2, 0.05,
                                 FALSE};
            g_autofree char *fresh = answer_json(sc, NULL, seller, target, &query);
            g_autofree char *kept = answer_json(sc, shared, seller, target, &query);
            g_assert_cmpstr(kept, ==, fresh);
            n_empty += strstr(fresh, "\"paths\":[]") != NULL;
            n_asked++;

            /* The colleague search alone, cut short by a budget. */
            guint budget = (guint)g_rand_int_range(rand, 1, (gint32)n + 1);
            g_autoptr(GArray) colleagues =
                wp_graph_people_at_company(g, wp_graph_person_attr(g, target, "company"));
            WpPathSet *into[2];
            gboolean complete[2];
            guint settled[2];
            for (guint side = 0; side < 2; side++) {
                g_autoptr(WpQueryContext) own = side == 0 ? wp_query_context_new(g) : NULL;
                WpQueryContext *c = wp_i_query_begin(side == 0 ? own : shared, sc, NULL, NULL);
                g_assert_nonnull(c);
                WpPathContext ctx;
                wp_i_path_context_init(&ctx, sc, c, &seller, 1, &query);
                into[side] = wp_i_path_set_new(WP_PERSON_NONE);
                complete[side] = wp_i_paths_into_people(
                    &ctx, (const WpPerson *)colleagues->data, colleagues->len, budget, into[side]);
                settled[side] = ctx.hint_settled;
                wp_i_path_context_clear(&ctx);
                g_assert_true(wp_i_query_end(c, NULL, NULL));
            }
            g_assert_cmpint(complete[0], ==, complete[1]);
            n_cut += !complete[0];
            g_assert_cmpuint(settled[0], ==, settled[1]);
            g_assert_cmpuint(into[0]->paths->len, ==, into[1]->paths->len);
            for (guint i = 0; i < into[0]->paths->len; i++) {
                const WpPath *a = &g_array_index(into[0]->paths, WpPath, i);
                const WpPath *b = &g_array_index(into[1]->paths, WpPath, i);
                g_assert_cmpuint(a->n_people, ==, b->n_people);
                g_assert_cmpmem(a->people, a->n_people * sizeof(WpPerson), b->people,
                                b->n_people * sizeof(WpPerson));
                g_assert_cmpfloat(a->probability, ==, b->probability);
            }
            wp_path_set_free(into[0]);
            wp_path_set_free(into[1]);
        }
        wp_scoring_unref(scorings[0]);
        wp_scoring_unref(scorings[1]);
    }
    /* Both kinds of answer, and budgets that did and did not cut the search short. */
    g_assert_cmpuint(n_empty, >, n_asked / 4);
    g_assert_cmpuint(n_empty, <, n_asked);
    g_assert_cmpuint(n_cut, >, n_asked / 10);
    g_assert_cmpuint(n_cut, <, n_asked);
}

/* A run cancelled part way is partial: it is never kept for the next query, which runs it again
 * and reads the whole of it. */
static void test_kept_run_cancelled(void)
{
    g_autoptr(WpScoring) sc = chain_scoring(20, 0.9);
    WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(WpQueryContext) context = wp_query_context_new(g);
    WpSearchLimits limits = WP_SEARCH_LIMITS_INIT;
    limits.max_hops = 30;
    WpPerson s = person(sc, "s"), t = person(sc, "t");
    g_autoptr(GCancellable) cancellable = g_cancellable_new();
    WpQueryContext *c = wp_i_query_begin(context, sc, cancellable, NULL);
    g_assert_nonnull(c);
    g_cancellable_cancel(cancellable); /* e.g. the service's deadline, as the query runs */
    WpSearch *search = wp_i_query_kept_search(c, s, &limits);
    g_assert_true(isinf(wp_i_search_cost(search, t)));
    g_autoptr(GError) error = NULL;
    g_assert_false(wp_i_query_end(c, cancellable, &error));
    g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

    c = wp_i_query_begin(context, sc, NULL, NULL);
    g_assert_nonnull(c);
    search = wp_i_query_kept_search(c, s, &limits);
    g_assert_cmpfloat_with_epsilon(wp_i_search_cost(search, t), -21 * log(0.9), 1e-12);
    g_assert_true(wp_i_query_end(c, NULL, NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/paths/hints/budget/long-chain", test_long_chain_beyond_limits);
    g_test_add_func("/paths/hints/budget/short-chain", test_short_chain_found);
    g_test_add_func("/paths/hints/budget/colleagues", test_colleagues_within_budget);
    g_test_add_func("/paths/hints/kept-run", test_kept_run_between_queries);
    g_test_add_func("/paths/hints/kept-run/cancelled", test_kept_run_cancelled);
    return g_test_run();
}
