/* SPDX-License-Identifier: MIT */
/* WpQueryContext and cancellation: a context reused across many queries answers exactly as a
 * fresh one; a context of another graph, or one another query holds, is refused; a cancelled
 * query fails with G_IO_ERROR_CANCELLED, before it starts or part-way through a search, and
 * leaves its context clean. */
#include "query-helpers.h"
#include "search/query-private.h"

#include <math.h>

/* Many questions of every mode (default and --all-paths, hop limits, floors, one and two
 * sellers, both models) on one context, each against the same question with no context. */
static void test_reuse_same_answers(void)
{
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) sc = demo_scoring(model);
    WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) raw_sc = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    g_autoptr(WpQueryContext) ctx = wp_query_context_new(g);
    g_assert_true(wp_query_context_graph(ctx) == g);
    guint n_asked = 0, n_found = 0;
    for (guint k = 0; k < 120; k++) {
        DemoQuestion dq;
        if (!demo_question(g, k, &dq))
            continue;
        const WpScoring *on = k % 6 == 5 ? raw_sc : sc; /* one context serves both scorings */
        g_autoptr(GError) error = NULL;
        g_autoptr(WpPathSet) fresh =
            wp_path_find(on, NULL, dq.sellers, dq.n_sellers, dq.target, &dq.query, NULL, &error);
        g_assert_no_error(error);
        g_autoptr(WpPathSet) reused =
            wp_path_find(on, ctx, dq.sellers, dq.n_sellers, dq.target, &dq.query, NULL, &error);
        g_assert_no_error(error);
        assert_path_sets_equal(fresh, reused);
        g_assert_true(wp_i_query_context_clean(ctx));
        n_asked++;
        n_found += fresh->paths->len > 0;
    }
    g_assert_cmpuint(n_asked, >=, 100);
    g_assert_cmpuint(n_found, >=, n_asked / 2); /* the questions are not all empty answers */

    /* Accounts and rankings on the same context, in between. */
    WpPerson alice = demo_person(g, "p00001"), marcus = demo_person(g, "p00002");
    WpPerson sellers[] = {alice, marcus};
    WpPathQuery q = WP_PATH_QUERY_INIT;
    for (guint i = 0; i < 2; i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpPathSet) fresh =
            wp_path_find_into_company(sc, NULL, sellers, i + 1, "Acme", NULL, &q, NULL, &error);
        g_assert_no_error(error);
        g_autoptr(WpPathSet) reused =
            wp_path_find_into_company(sc, ctx, sellers, i + 1, "Acme", NULL, &q, NULL, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(fresh->paths->len, >, 0);
        assert_path_sets_equal(fresh, reused);
        g_assert_true(wp_i_query_context_clean(ctx));
    }
    g_autofree WpPerson *territory = g_new(WpPerson, 400);
    for (guint i = 0; i < 400; i++)
        territory[i] = (WpPerson)(i * 5 + 3) % wp_graph_n_people(g);
    for (guint round = 0; round < 4; round++) {
        WpRankQuery rq = {.sellers = sellers,
                          .n_sellers = 1 + round % 2,
                          .targets = territory,
                          .n_targets = 400,
                          .max_hops = round < 2 ? 4 : 0,
                          .min_probability = round < 2 ? 0.01 : 0,
                          .n_best = 3,
                          .n_threads = 1};
        g_autoptr(GError) error = NULL;
        g_autoptr(WpRankResult) fresh = wp_rank_run(sc, NULL, &rq, NULL, &error);
        g_assert_no_error(error);
        rq.n_threads = 2; /* the caller's thread on the context, one more on its own */
        g_autoptr(WpRankResult) reused = wp_rank_run(sc, ctx, &rq, NULL, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(fresh->sources->len, >, 0);
        assert_rank_results_equal(fresh, reused);
        g_assert_true(wp_i_query_context_clean(ctx));
        g_autoptr(WpRankPlan) plan = wp_rank_plan(reused, 3, 5, 0);
        g_assert_true(wp_rank_plan_routes(sc, ctx, &rq, reused, plan, NULL, &error));
        g_assert_no_error(error);
        g_assert_true(wp_i_query_context_clean(ctx));
    }
}

/* A scoring whose costs were all computed up front (what the service does) gives the same
 * answers, to the last bit, as one that computes them as searches reach people; afterwards every
 * person's costs are ready, and each arc's cost is -ln of its tie's strength plus the hop
 * penalty, computed here from wp_scoring_tie_strength(). */
static void test_costs_up_front(void)
{
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) lazy = demo_scoring(model);
    WpGraph *g = wp_scoring_graph(lazy);
    g_autoptr(WpScoring) eager = wp_scoring_new(g, model, wp_scoring_as_of(lazy), NULL);
    wp_scoring_compute_costs(eager);
    guint n = wp_graph_n_people(g);
    double penalty = -log(wp_model_intermediary_factor(model));
    for (WpPerson p = 0; p < n; p++) {
        g_assert_cmpint(g_atomic_int_get(&eager->out.state[p]), ==, 2);
        guint n_arcs;
        const WpArc *arcs = wp_graph_out_arcs(g, p, &n_arcs);
        const double *costs = eager->out.cost + wp_i_adjacency_offsets(&eager->adj, TRUE)[p];
        for (guint a = 0; a < n_arcs; a++)
            g_assert_cmpfloat_with_epsilon(
                costs[a], -log(wp_scoring_tie_strength(eager, arcs[a].tie, NULL)) + penalty, 1e-12);
    }
    for (guint k = 0; k < 60; k++) {
        DemoQuestion dq;
        if (!demo_question(g, k, &dq))
            continue;
        g_autoptr(GError) error = NULL;
        g_autoptr(WpPathSet) a =
            wp_path_find(lazy, NULL, dq.sellers, dq.n_sellers, dq.target, &dq.query, NULL, &error);
        g_assert_no_error(error);
        g_autoptr(WpPathSet) b =
            wp_path_find(eager, NULL, dq.sellers, dq.n_sellers, dq.target, &dq.query, NULL, &error);
        g_assert_no_error(error);
        assert_path_sets_equal(a, b);
    }
}

/* A context made for one graph is refused by every query on a scoring of another graph (an
 * identical load is still another graph: its people could be numbered differently). */
static void test_wrong_graph(void)
{
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) sc = demo_scoring(model);
    g_autoptr(WpScoring) other = demo_scoring(model);
    WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(WpQueryContext) ctx = wp_query_context_new(wp_scoring_graph(other));
    WpPerson alice = demo_person(g, "p00001"), bob = demo_person(g, "p00006");
    WpPathQuery q = WP_PATH_QUERY_INIT;
    g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
    g_assert_null(wp_path_find(sc, ctx, &alice, 1, bob, &q, NULL, &e1));
    g_assert_error(e1, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(e1->message, "another network"));
    g_assert_null(wp_path_find_into_company(sc, ctx, &alice, 1, "Acme", NULL, &q, NULL, &e2));
    g_assert_error(e2, WP_ERROR, WP_ERROR_USAGE);
    WpRankQuery rq = {.sellers = &alice, .n_sellers = 1, .targets = &bob, .n_targets = 1};
    g_assert_null(wp_rank_run(sc, ctx, &rq, NULL, &e3));
    g_assert_error(e3, WP_ERROR, WP_ERROR_USAGE);
    g_autoptr(WpRankResult) r = wp_rank_run(sc, NULL, &rq, NULL, NULL);
    g_autoptr(WpRankPlan) plan = wp_rank_plan(r, 3, 5, 0);
    g_assert_false(wp_rank_plan_routes(sc, ctx, &rq, r, plan, NULL, &e4));
    g_assert_error(e4, WP_ERROR, WP_ERROR_USAGE);
    /* ... and still serves its own graph. */
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set = wp_path_find(other, ctx, &alice, 1, bob, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, >, 0);
}

typedef struct {
    const WpScoring *scoring;
    WpQueryContext *context;
    GCancellable *cancellable;
    guint calls;
    GError *inner; /* what a query on the held context said */
} Progress;

/* Called between rank's searches, while the ranking holds the context. */
static void ask_on_held_context(guint done, guint total, gpointer data)
{
    (void)done, (void)total;
    Progress *p = data;
    if (p->calls++ > 0)
        return;
    const WpGraph *g = wp_scoring_graph(p->scoring);
    WpPerson alice = demo_person(g, "p00001"), bob = demo_person(g, "p00006");
    WpPathQuery q = WP_PATH_QUERY_INIT;
    g_assert_null(wp_path_find(p->scoring, p->context, &alice, 1, bob, &q, NULL, &p->inner));
}

/* One context, two queries at once (here: a query started from rank's progress callback):
 * the second is refused, the first is unharmed. */
static void test_context_in_use(void)
{
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) sc = demo_scoring(model);
    WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(WpQueryContext) ctx = wp_query_context_new(g);
    WpPerson alice = demo_person(g, "p00001");
    WpPerson targets[] = {demo_person(g, "p00006"), demo_person(g, "p00100"),
                          demo_person(g, "p00200")};
    Progress p = {.scoring = sc, .context = ctx};
    WpRankQuery rq = {.sellers = &alice,
                      .n_sellers = 1,
                      .targets = targets,
                      .n_targets = 3,
                      .max_hops = 4,
                      .n_threads = 1,
                      .strategy = WP_RANK_FROM_TARGETS,
                      .progress = ask_on_held_context,
                      .progress_data = &p};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpRankResult) held = wp_rank_run(sc, ctx, &rq, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(p.calls, ==, 3);
    g_assert_error(p.inner, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(p.inner->message, "in use"));
    g_clear_error(&p.inner);
    rq.progress = NULL;
    g_autoptr(WpRankResult) alone = wp_rank_run(sc, NULL, &rq, NULL, &error);
    g_assert_no_error(error);
    assert_rank_results_equal(alone, held);
}

/* A cancellable cancelled before the query: every query fails at once with
 * G_IO_ERROR_CANCELLED, and the context is left as it was. */
static void test_cancelled_before(void)
{
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) sc = demo_scoring(model);
    WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(WpQueryContext) ctx = wp_query_context_new(g);
    g_autoptr(GCancellable) cancel = g_cancellable_new();
    g_cancellable_cancel(cancel);
    WpPerson alice = demo_person(g, "p00001"), bob = demo_person(g, "p00006");
    WpPathQuery q = WP_PATH_QUERY_INIT;
    for (guint with_ctx = 0; with_ctx < 2; with_ctx++) {
        WpQueryContext *c = with_ctx ? ctx : NULL;
        g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;
        g_assert_null(wp_path_find(sc, c, &alice, 1, bob, &q, cancel, &e1));
        g_assert_error(e1, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        g_assert_null(wp_path_find_into_company(sc, c, &alice, 1, "Acme", NULL, &q, cancel, &e2));
        g_assert_error(e2, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        WpRankQuery rq = {.sellers = &alice, .n_sellers = 1, .targets = &bob, .n_targets = 1};
        g_assert_null(wp_rank_run(sc, c, &rq, cancel, &e3));
        g_assert_error(e3, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
    g_assert_true(wp_i_query_context_clean(ctx));
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) after = wp_path_find(sc, ctx, &alice, 1, bob, &q, NULL, &error);
    g_assert_no_error(error);
    g_autoptr(WpPathSet) fresh = wp_path_find(sc, NULL, &alice, 1, bob, &q, NULL, &error);
    assert_path_sets_equal(fresh, after);
}

static void cancel_after_first(guint done, guint total, gpointer data)
{
    (void)total;
    Progress *p = data;
    p->calls++;
    if (done == 1)
        g_cancellable_cancel(p->cancellable);
}

/* Cancelled part-way through a ranking (from its progress callback, after the first search):
 * no further search starts, and the ranking fails rather than answer from part of its work. */
static void test_cancelled_during_rank(void)
{
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) sc = demo_scoring(model);
    WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(WpQueryContext) ctx = wp_query_context_new(g);
    g_autoptr(GCancellable) cancel = g_cancellable_new();
    WpPerson alice = demo_person(g, "p00001");
    WpPerson targets[20];
    for (guint i = 0; i < G_N_ELEMENTS(targets); i++)
        targets[i] = (WpPerson)(100 + 37 * i);
    Progress p = {.cancellable = cancel};
    WpRankQuery rq = {.sellers = &alice,
                      .n_sellers = 1,
                      .targets = targets,
                      .n_targets = G_N_ELEMENTS(targets),
                      .max_hops = 4,
                      .n_threads = 1,
                      .strategy = WP_RANK_FROM_TARGETS,
                      .progress = cancel_after_first,
                      .progress_data = &p};
    g_autoptr(GError) error = NULL;
    g_assert_null(wp_rank_run(sc, ctx, &rq, cancel, &error));
    g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint(p.calls, ==, 1);
    g_assert_true(wp_i_query_context_clean(ctx));
}

typedef struct {
    guint settled;
    GCancellable *cancellable;
} Counter;

static gboolean count_and_cancel(WpPerson person, double cost, gpointer data)
{
    (void)person, (void)cost;
    Counter *c = data;
    if (++c->settled == 100)
        g_cancellable_cancel(c->cancellable);
    return FALSE;
}

/* A search cancelled while it runs stops within WP_SEARCH_CANCEL_EVERY people settled, on a
 * network far larger than that (v0, ten hubs, each with 2,048 leaves), with and without a hop
 * limit. */
static void test_cancelled_during_search(void)
{
    const guint n = 1 + 10 + 10 * 2048;
    GString *csv = g_string_new("source,target,strength\n");
    for (guint h = 0; h < 10; h++) {
        g_string_append_printf(csv, "v0,h%u,0.99\n", h);
        for (guint l = 0; l < 2048; l++)
            g_string_append_printf(csv, "h%u,l%u_%u,0.9\n", h, h, l);
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(csv->str, NULL, 0, &error);
    g_string_free(csv, TRUE);
    g_assert_no_error(error);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) sc = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    WpPerson v0 = wp_graph_find_id(g, "v0");
    for (guint max_hops = 0; max_hops <= 4; max_hops += 4) {
        g_autoptr(WpSearch) search = wp_i_search_new(g);
        g_autoptr(GCancellable) cancel = g_cancellable_new();
        Counter c = {0, NULL}; /* the first run cancels nothing */
        WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
        lim.max_hops = max_hops;
        lim.on_settle = count_and_cancel;
        lim.on_settle_data = &c;
        wp_i_search_bind(search, sc, NULL); /* not cancellable: the whole chain */
        wp_i_search_run(search, v0, &lim);
        g_assert_cmpuint(c.settled, ==, n);
        c = (Counter){0, cancel};
        wp_i_search_bind(search, sc, cancel);
        wp_i_search_run(search, v0, &lim);
        g_assert_true(g_cancellable_is_cancelled(cancel));
        g_assert_cmpuint(c.settled, >=, 100);
        g_assert_cmpuint(c.settled, <=, WP_SEARCH_CANCEL_EVERY + 1);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/query/context/reuse-same-answers", test_reuse_same_answers);
    g_test_add_func("/query/context/wrong-graph", test_wrong_graph);
    g_test_add_func("/query/costs-up-front", test_costs_up_front);
    g_test_add_func("/query/context/in-use", test_context_in_use);
    g_test_add_func("/query/cancel/before", test_cancelled_before);
    g_test_add_func("/query/cancel/during-rank", test_cancelled_during_rank);
    g_test_add_func("/query/cancel/during-search", test_cancelled_during_search);
    return g_test_run();
}
