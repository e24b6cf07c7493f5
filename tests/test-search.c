/* SPDX-License-Identifier: MIT */
/* The search engine against a hop-layered Bellman-Ford computed here from the raw tie list. */
#include "search/retain.h"
#include "search/search-private.h"

#include <math.h>
#include <string.h>

typedef struct {
    guint n;
    GArray *from, *to; /* guint, arcs a request can follow (undirected ties give both) */
    GArray *cost;      /* double */
} Arcs;

/* A random network as ties CSV text, plus the same arcs kept independently with their costs. */

/* @graph under the raw model (-ln declared strength, no per-hop penalty), for searches to read. */
static WpScoring *raw_scoring(WpGraph *graph)
{
    g_autoptr(WpModel) raw = wp_model_new_raw();
    return wp_scoring_new(graph, raw, WP_DAY_NONE, NULL);
}

static char *random_network(GRand *rand, guint n, guint m, gboolean directed, Arcs *arcs)
{
    GString *csv = g_string_new("source,target,strength,directed\n");
    arcs->n = n;
    arcs->from = g_array_new(FALSE, FALSE, sizeof(guint));
    arcs->to = g_array_new(FALSE, FALSE, sizeof(guint));
    arcs->cost = g_array_new(FALSE, FALSE, sizeof(double));
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint i = 0; i < n; i++) /* every id appears, so person i is "v<i>" in order */
        g_string_append_printf(csv, "v%u,v%u,1,0\n", i, (i + 1) % n);
    for (guint i = 0; i < n; i++) {
        guint a = i, b = (i + 1) % n;
        g_hash_table_add(seen, GUINT_TO_POINTER(MIN(a, b) * 1000 + MAX(a, b)));
        double c = 0;
        g_array_append_val(arcs->from, a);
        g_array_append_val(arcs->to, b);
        g_array_append_val(arcs->cost, c);
        g_array_append_val(arcs->from, b);
        g_array_append_val(arcs->to, a);
        g_array_append_val(arcs->cost, c);
    }
    for (guint k = 0; k < m; k++) {
        guint a = (guint)g_rand_int_range(rand, 0, (gint32)n);
        guint b = (guint)g_rand_int_range(rand, 0, (gint32)n);
        if (a == b || g_hash_table_contains(seen, GUINT_TO_POINTER(MIN(a, b) * 1000 + MAX(a, b))))
            continue;
        g_hash_table_add(seen, GUINT_TO_POINTER(MIN(a, b) * 1000 + MAX(a, b)));
        double s = g_rand_int_range(rand, 1, 100) / 100.0;
        gboolean dir = directed && g_rand_boolean(rand);
        g_string_append_printf(csv, "v%u,v%u,%.2f,%d\n", a, b, s, dir);
        double c = -log(s);
        g_array_append_val(arcs->from, a);
        g_array_append_val(arcs->to, b);
        g_array_append_val(arcs->cost, c);
        if (!dir) {
            g_array_append_val(arcs->from, b);
            g_array_append_val(arcs->to, a);
            g_array_append_val(arcs->cost, c);
        }
    }
    return g_string_free(csv, FALSE);
}

/* random_network() loaded. */
static WpGraph *random_graph(GRand *rand, guint n, guint m, gboolean directed, Arcs *arcs)
{
    g_autofree char *csv = random_network(rand, n, m, directed, arcs);
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load_from_data(csv, NULL, 0, &error);
    g_assert_no_error(error);
    return graph;
}

static void arcs_clear(Arcs *arcs)
{
    g_array_unref(arcs->from);
    g_array_unref(arcs->to);
    g_array_unref(arcs->cost);
}

/* best[v] = cheapest cost of a walk source->v (or v->source when backward) of at most H arcs
 * avoiding @banned (except the source); H = 0 means n - 1. */
static double *layered_costs(const Arcs *arcs, guint source, guint max_hops, gboolean backward,
                             guint banned)
{
    guint rounds = max_hops ? max_hops : arcs->n - 1;
    double *d = g_new(double, arcs->n), *next = g_new(double, arcs->n);
    for (guint v = 0; v < arcs->n; v++)
        d[v] = v == source ? 0 : INFINITY;
    for (guint r = 0; r < rounds; r++) {
        memcpy(next, d, sizeof(double) * arcs->n);
        for (guint i = 0; i < arcs->from->len; i++) {
            guint u = g_array_index(arcs->from, guint, i), v = g_array_index(arcs->to, guint, i);
            if (backward) {
                guint t = u;
                u = v;
                v = t;
            }
            if (v == banned || u == banned)
                continue;
            double c = d[u] + g_array_index(arcs->cost, double, i);
            if (c < next[v])
                next[v] = c;
        }
        memcpy(d, next, sizeof(double) * arcs->n);
    }
    g_free(next);
    return d;
}

static void check_random(gboolean directed, guint max_hops, gboolean backward, gboolean ban)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(42 + max_hops * 7 + directed * 3 + backward);
    for (guint round = 0; round < 60; round++) {
        guint n = (guint)g_rand_int_range(rand, 3, 14);
        Arcs arcs;
        g_autoptr(WpGraph) graph = random_graph(rand, n, n * 2, directed, &arcs);
        g_autoptr(WpScoring) sc = raw_scoring(graph);
        g_autoptr(WpSearch) search = wp_i_search_new(graph);
        wp_i_search_bind(search, sc, NULL);
        guint source = (guint)g_rand_int_range(rand, 0, (gint32)n);
        guint banned = ban ? (source + 1) % n : G_MAXUINT;
        WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
        lim.direction = backward ? WP_SEARCH_BACKWARD : WP_SEARCH_FORWARD;
        lim.max_hops = max_hops;
        lim.banned_person = ban ? banned : WP_PERSON_NONE;
        wp_i_search_run(search, source, &lim);
        g_autofree double *expect = layered_costs(&arcs, source, max_hops, backward, banned);
        g_autoptr(GArray) people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
        g_autoptr(GArray) ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
        for (guint v = 0; v < n; v++) {
            double got = wp_i_search_cost(search, v);
            if (isinf(expect[v])) {
                g_assert_true(isinf(got));
                continue;
            }
            g_assert_cmpfloat_with_epsilon(got, expect[v], 1e-9);
            /* The path it returns is real: each step follows a tie, and the costs add up. */
            g_assert_true(wp_i_search_path(search, v, people, ties));
            g_assert_cmpuint(ties->len + 1, ==, people->len);
            g_assert_cmpuint(wp_i_search_hops(search, v), ==, ties->len);
            if (max_hops)
                g_assert_cmpuint(ties->len, <=, max_hops);
            double sum = 0;
            for (guint i = 0; i < ties->len; i++) {
                WpPerson a = g_array_index(people, WpPerson, i);
                WpPerson b = g_array_index(people, WpPerson, i + 1);
                WpTie t;
                g_assert_true(wp_graph_find_tie(graph, a, b, &t));
                g_assert_cmpuint(t, ==, g_array_index(ties, WpTie, i));
                g_assert_cmpuint(a, !=, banned);
                sum += -log(wp_scoring_tie_strength(sc, t, NULL));
            }
            g_assert_cmpfloat_with_epsilon(sum, got, 1e-9);
            WpPerson first = g_array_index(people, WpPerson, backward ? people->len - 1 : 0);
            g_assert_cmpuint(first, ==, source);
        }
        arcs_clear(&arcs);
    }
}

static void test_unlimited(void)
{
    check_random(FALSE, 0, FALSE, FALSE);
}

static void test_hop_limits(void)
{
    for (guint h = 1; h <= 4; h++)
        check_random(FALSE, h, FALSE, FALSE);
}

static void test_directed_both_ways(void)
{
    for (guint h = 0; h <= 3; h++) {
        check_random(TRUE, h, FALSE, FALSE);
        check_random(TRUE, h, TRUE, FALSE);
    }
}

static void test_banned_person(void)
{
    check_random(FALSE, 0, FALSE, TRUE);
    check_random(TRUE, 3, TRUE, TRUE);
}

/* A costlier route with fewer hops must survive pruning when it is the only way to reach
 * further within the limit: s-a-b-c-t is cheap but 4 hops; s-x-t is dear but 2 hops. */
static void test_fewer_hops_survive(void)
{
    const char *csv = "source,target,strength\n"
                      "s,a,0.9\na,b,0.9\nb,c,0.9\nc,t,0.9\ns,x,0.2\nx,c,0.2\nt,z,0.9\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(csv, NULL, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    g_autoptr(WpSearch) search = wp_i_search_new(g);
    wp_i_search_bind(search, sc, NULL);
    WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
    lim.max_hops = 4;
    wp_i_search_run(search, wp_graph_find_id(g, "s"), &lim);
    /* z: s-x-c-t-z (4 hops, 0.2*0.2*0.9*0.9) since s-a-b-c-t-z needs 5. */
    g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, wp_graph_find_id(g, "z"))),
                                   0.2 * 0.2 * 0.9 * 0.9, 1e-12);
    g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, wp_graph_find_id(g, "t"))),
                                   0.9 * 0.9 * 0.9 * 0.9, 1e-12);
    /* Stopping at a target settles it with the same answer. */
    lim.target = wp_graph_find_id(g, "z");
    wp_i_search_run(search, wp_graph_find_id(g, "s"), &lim);
    g_assert_cmpuint(wp_i_search_hops(search, lim.target), ==, 4);
}

/* Fellow sellers (first_hop_only) come only right after a path's start, on both engines:
 *   s - w (0.9) - t (0.9), s - a (0.5) - b (0.5) - t, a - w (0.9), w - z (0.9).
 * Forward from s (the start): w, and t and z through it (0.81). Forward from b: w only as the
 * run's target (where a path ends, 0.5 x 0.9), never passed through: z unreachable. Backward
 * from t: w settled (0.9) and not gone on from, so a's cost is via b (0.25) and s's via a and b
 * (0.125), not via w (0.81). */
static void test_first_hop_only(void)
{
    const char *csv = "source,target,strength\n"
                      "s,w,0.9\nw,t,0.9\ns,a,0.5\na,b,0.5\nb,t,0.5\na,w,0.9\nw,z,0.9\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(csv, NULL, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    g_autoptr(WpSearch) search = wp_i_search_new(g);
    wp_i_search_bind(search, sc, NULL);
    g_autofree guint8 *fellow = g_new0(guint8, wp_graph_n_people(g));
    WpPerson s = wp_graph_find_id(g, "s"), w = wp_graph_find_id(g, "w"),
             t = wp_graph_find_id(g, "t"), a = wp_graph_find_id(g, "a"),
             z = wp_graph_find_id(g, "z");
    fellow[w] = 1;
    for (guint hops = 0; hops <= 4; hops += 4) { /* the unlimited engine, then the labels */
        WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
        lim.max_hops = hops;
        lim.first_hop_only = fellow;
        wp_i_search_run(search, s, &lim);
        g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, t)), 0.81, 1e-12);
        g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, z)), 0.81, 1e-12);
        WpPerson b = wp_graph_find_id(g, "b");
        wp_i_search_run(search, b, &lim);
        g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, t)), 0.5, 1e-12);
        g_assert_true(wp_i_search_cost(search, w) == INFINITY);
        g_assert_true(wp_i_search_cost(search, z) == INFINITY);
        lim.target = w; /* as the target, a fellow seller ends a path */
        wp_i_search_run(search, b, &lim);
        g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, w)), 0.45, 1e-12);
        lim.target = WP_PERSON_NONE;
        lim.direction = WP_SEARCH_BACKWARD;
        wp_i_search_run(search, t, &lim);
        g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, w)), 0.9, 1e-12);
        g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, a)), 0.25, 1e-12);
        g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, s)), 0.125, 1e-12);
        g_assert_true(wp_i_search_cost(search, z) == INFINITY); /* only through w */
    }
}

/* The first hop may not use a banned tie (Yen's spur searches). */
static void test_banned_first_tie(void)
{
    const char *csv = "source,target,strength\ns,a,0.9\na,t,0.9\ns,b,0.5\nb,t,0.5\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(csv, NULL, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    g_autoptr(WpSearch) search = wp_i_search_new(g);
    wp_i_search_bind(search, sc, NULL);
    WpTie banned;
    g_assert_true(
        wp_graph_find_tie(g, wp_graph_find_id(g, "s"), wp_graph_find_id(g, "a"), &banned));
    WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
    lim.banned_first_ties = &banned;
    lim.n_banned_first_ties = 1;
    wp_i_search_run(search, wp_graph_find_id(g, "s"), &lim);
    g_assert_cmpfloat_with_epsilon(exp(-wp_i_search_cost(search, wp_graph_find_id(g, "t"))), 0.25,
                                   1e-12);
    /* a is still reachable, but only the long way round: s-b-t-a. */
    g_assert_cmpuint(wp_i_search_hops(search, wp_graph_find_id(g, "a")), ==, 3);
}

/* A* with exact costs to the target as the potential finds the same cost to the target as a
 * plain run, with and without bans and hop limits, and settles no more people. */
static void test_potential(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(99);
    for (guint round = 0; round < 80; round++) {
        guint n = (guint)g_rand_int_range(rand, 4, 16);
        Arcs arcs;
        g_autoptr(WpGraph) graph = random_graph(rand, n, n * 2, round % 2, &arcs);
        g_autoptr(WpScoring) sc = raw_scoring(graph);
        g_autoptr(WpSearch) search = wp_i_search_new(graph);
        wp_i_search_bind(search, sc, NULL);
        WpPerson source = (WpPerson)g_rand_int_range(rand, 0, (gint32)n);
        WpPerson target = (WpPerson)g_rand_int_range(rand, 0, (gint32)n);
        /* Exact costs to the target: a backward run, copied out. */
        WpSearchLimits back = WP_SEARCH_LIMITS_INIT;
        back.direction = WP_SEARCH_BACKWARD;
        wp_i_search_run(search, target, &back);
        g_autofree double *potential = g_new(double, n);
        for (WpPerson v = 0; v < n; v++)
            potential[v] = wp_i_search_cost(search, v);
        g_autofree guint8 *banned = g_new0(guint8, n);
        banned[(source + 1) % n] = round % 3 == 0;
        guint max_hops = round % 4;
        WpSearchLimits plain = WP_SEARCH_LIMITS_INIT;
        plain.target = target;
        plain.banned = banned;
        plain.max_hops = max_hops;
        wp_i_search_run(search, source, &plain);
        double expect = wp_i_search_cost(search, target);
        guint settled_plain = 0;
        wp_i_search_settled(search, &settled_plain);
        WpSearchLimits guided = plain;
        guided.potential = potential;
        wp_i_search_run(search, source, &guided);
        double got = wp_i_search_cost(search, target);
        if (isinf(expect))
            g_assert_true(isinf(got));
        else
            g_assert_cmpfloat_with_epsilon(got, expect, 1e-9);
        guint settled_guided = 0;
        wp_i_search_settled(search, &settled_guided);
        if (max_hops == 0) /* with a hop limit a detour may be needed, so no such promise */
            g_assert_cmpuint(settled_guided, <=, settled_plain);
        arcs_clear(&arcs);
    }
}

/* A costs-only run finds the same costs, to the bit, and settles the same people. */
static void test_costs_only(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(7);
    for (guint round = 0; round < 60; round++) {
        guint n = (guint)g_rand_int_range(rand, 3, 40);
        Arcs arcs;
        g_autoptr(WpGraph) graph = random_graph(rand, n, n * 3, round % 2, &arcs);
        g_autoptr(WpScoring) sc = raw_scoring(graph);
        g_autoptr(WpSearch) full = wp_i_search_new(graph);
        g_autoptr(WpSearch) lean = wp_i_search_new(graph);
        wp_i_search_bind(full, sc, NULL);
        wp_i_search_bind(lean, sc, NULL);
        WpPerson source = (WpPerson)g_rand_int_range(rand, 0, (gint32)n);
        WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
        lim.direction = round % 3 ? WP_SEARCH_FORWARD : WP_SEARCH_BACKWARD;
        wp_i_search_run(full, source, &lim);
        lim.costs_only = TRUE;
        wp_i_search_run(lean, source, &lim);
        guint settled_full = 0, settled_lean = 0;
        wp_i_search_settled(full, &settled_full);
        wp_i_search_settled(lean, &settled_lean);
        g_assert_cmpuint(settled_full, ==, settled_lean);
        for (WpPerson v = 0; v < n; v++)
            g_assert_true(wp_i_search_cost(full, v) == wp_i_search_cost(lean, v));
        arcs_clear(&arcs);
    }
}

typedef struct {
    double radius;
    double last; /* cost of the last person settled */
    guint calls;
} Radius;

static gboolean stop_at_radius(WpPerson person G_GNUC_UNUSED, double cost, gpointer data)
{
    Radius *r = data;
    g_assert_cmpfloat(cost, >=, r->last); /* settled in order of cost */
    r->last = cost;
    r->calls++;
    return cost >= r->radius;
}

/* on_settle sees people in cost order with their final costs, and ends the run when it says:
 * everyone cheaper than the radius is settled, with the cost a full run gives. */
static void test_on_settle(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(11);
    for (guint round = 0; round < 60; round++) {
        guint n = (guint)g_rand_int_range(rand, 3, 30);
        Arcs arcs;
        g_autoptr(WpGraph) graph = random_graph(rand, n, n * 2, FALSE, &arcs);
        WpPerson source = (WpPerson)g_rand_int_range(rand, 0, (gint32)n);
        g_autofree double *expect = layered_costs(&arcs, source, 0, FALSE, G_MAXUINT);
        g_autoptr(WpScoring) sc = raw_scoring(graph);
        g_autoptr(WpSearch) search = wp_i_search_new(graph);
        wp_i_search_bind(search, sc, NULL);
        Radius radius = {g_rand_double_range(rand, 0, 4), 0, 0};
        WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
        lim.max_hops = round % 2 ? 0 : 5; /* both engines */
        lim.on_settle = stop_at_radius;
        lim.on_settle_data = &radius;
        wp_i_search_run(search, source, &lim);
        guint settled = 0;
        wp_i_search_settled(search, &settled);
        g_assert_cmpuint(radius.calls, ==, settled);
        for (WpPerson v = 0; v < n; v++) {
            double got = wp_i_search_cost(search, v);
            if (lim.max_hops == 0 && expect[v] < radius.radius)
                g_assert_cmpfloat_with_epsilon(got, expect[v], 1e-9);
            if (!isinf(got))
                g_assert_cmpfloat(got, <=, radius.last);
        }
        arcs_clear(&arcs);
    }
}

/* Everything a reader can see of two searches' last runs is the same. */
static void assert_same_runs(WpSearch *a, WpSearch *b, guint n)
{
    guint n_a = 0, n_b = 0;
    const WpPerson *settled_a = wp_i_search_settled(a, &n_a);
    const WpPerson *settled_b = wp_i_search_settled(b, &n_b);
    g_assert_cmpuint(n_a, ==, n_b);
    for (guint i = 0; i < n_a; i++)
        g_assert_cmpuint(settled_a[i], ==, settled_b[i]);
    g_assert_cmpint(wp_i_search_capped(a), ==, wp_i_search_capped(b));
    g_autoptr(GArray) people_a = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) people_b = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) ties_a = g_array_new(FALSE, FALSE, sizeof(WpTie));
    g_autoptr(GArray) ties_b = g_array_new(FALSE, FALSE, sizeof(WpTie));
    for (WpPerson v = 0; v < n; v++) {
        g_assert_true(wp_i_search_cost(a, v) == wp_i_search_cost(b, v));
        g_assert_cmpuint(wp_i_search_hops(a, v), ==, wp_i_search_hops(b, v));
        gboolean found = wp_i_search_path(a, v, people_a, ties_a);
        g_assert_cmpint(found, ==, wp_i_search_path(b, v, people_b, ties_b));
        g_assert_cmpuint(people_a->len, ==, people_b->len);
        g_assert_cmpmem(people_a->data, people_a->len * sizeof(WpPerson), people_b->data,
                        people_b->len * sizeof(WpPerson));
        g_assert_cmpmem(ties_a->data, ties_a->len * sizeof(WpTie), ties_b->data,
                        ties_b->len * sizeof(WpTie));
    }
}

/* A run without a stop set, read through wp_i_search_view_stop(), is exactly the run with it:
 * the same people settled in the same order, the same costs, hops and paths, and the same "cut
 * short" (including a stop set met on the very person the cap would have stopped at); with the
 * view dropped it is the whole run again. Random networks, both directions, with and without a
 * cap on the people settled. */
static void test_view_stop(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(23);
    for (guint round = 0; round < 300; round++) {
        guint n = (guint)g_rand_int_range(rand, 3, 50);
        Arcs arcs;
        g_autoptr(WpGraph) graph = random_graph(rand, n, n * 3, round % 2, &arcs);
        g_autoptr(WpScoring) sc = raw_scoring(graph);
        g_autoptr(WpSearch) whole = wp_i_search_new(graph);
        g_autoptr(WpSearch) stopped = wp_i_search_new(graph);
        g_autoptr(WpSearch) again = wp_i_search_new(graph);
        wp_i_search_bind(whole, sc, NULL);
        wp_i_search_bind(stopped, sc, NULL);
        wp_i_search_bind(again, sc, NULL);
        g_autofree guint8 *wanted = g_new0(guint8, n);
        guint n_wanted = 0;
        for (WpPerson v = 0; v < n; v++)
            if (g_rand_int_range(rand, 0, 4) == 0) {
                wanted[v] = 1;
                n_wanted++;
            }
        WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
        lim.direction = round % 3 ? WP_SEARCH_FORWARD : WP_SEARCH_BACKWARD;
        lim.max_hops = (guint)g_rand_int_range(rand, 1, 5);
        lim.max_settled = round % 4 ? (guint)g_rand_int_range(rand, 1, (gint32)n + 1) : 0;
        WpPerson source = (WpPerson)g_rand_int_range(rand, 0, (gint32)n);
        wp_i_search_run(whole, source, &lim);
        wp_i_search_run(again, source, &lim);
        guint n_whole = 0;
        const WpPerson *order = wp_i_search_settled(whole, &n_whole);
        if (round % 5 == 0 && n_whole > 1) { /* the stop met on the last person the cap allows */
            memset(wanted, 0, n);
            wanted[order[n_whole - 1]] = 1;
            n_wanted = 1;
        }
        lim.stop_set = wanted;
        lim.n_stop = n_wanted > 0 ? (guint)g_rand_int_range(rand, 1, (gint32)n_wanted + 2) : 0;
        wp_i_search_run(stopped, source, &lim);
        wp_i_search_view_stop(whole, wanted, lim.n_stop);
        assert_same_runs(whole, stopped, n);
        wp_i_search_view_stop(whole, NULL, 0);
        assert_same_runs(whole, again, n);
        arcs_clear(&arcs);
    }
}

/* Between queries a search gives back the working arrays a large run grew (a service's memory
 * stays flat), and runs after that are as right as a fresh search's: on a network big enough
 * for a run's arrays to pass WP_SEARCH_KEEP_BYTES, hop-limited and unlimited runs, both ways. */
static void test_trim(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(31);
    GString *csv = g_string_new("source,target,strength\n");
    guint n = 40000;
    for (guint i = 0; i < n; i++) /* a ring, so everyone is reached, and random chords */
        g_string_append_printf(
            csv, "v%u,v%u,0.%02d\nv%u,v%u,0.%02d\n", i, (i + 1) % n, g_rand_int_range(rand, 10, 99),
            i, (guint)g_rand_int_range(rand, 0, (gint32)n), g_rand_int_range(rand, 10, 99));
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph = wp_graph_load_from_data(csv->str, NULL, 0, &error);
    g_string_free(csv, TRUE);
    g_assert_no_error(error);
    n = wp_graph_n_people(graph);
    g_autoptr(WpScoring) sc = raw_scoring(graph);
    g_autoptr(WpSearch) kept = wp_i_search_new(graph);
    wp_i_search_bind(kept, sc, NULL);
    for (guint round = 0; round < 6; round++) {
        WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
        lim.direction = round % 2 ? WP_SEARCH_BACKWARD : WP_SEARCH_FORWARD;
        lim.max_hops = round == 2 || round == 4 ? 0 : 12; /* 2 and 4: the unlimited engine */
        WpPerson source = (WpPerson)g_rand_int_range(rand, 0, (gint32)n);
        wp_i_search_run(kept, source, &lim);
        if (lim.max_hops > 0)
            g_assert_cmpuint(wp_i_search_working_bytes(kept), >, WP_SEARCH_KEEP_BYTES);
        g_autoptr(WpSearch) fresh = wp_i_search_new(graph);
        wp_i_search_bind(fresh, sc, NULL);
        wp_i_search_run(fresh, source, &lim);
        assert_same_runs(kept, fresh, n);
        guint keep = round % 3 == 0 ? 0 : WP_SEARCH_KEEP_BYTES; /* 0: every array, even short */
        gsize before = wp_i_search_working_bytes(kept);
        wp_i_search_trim(kept, keep);
        gsize after = wp_i_search_working_bytes(kept);
        g_assert_cmpuint(after, <=, 5 * keep);
        /* An array past the floor is shrunk to it, not freed and grown again from nothing,
         * which fragments a worker's heap (retain.h, wp_i_retain_shrink()). Here the records
         * and the labels are past it (12 MiB in all) and keep 1 MiB each; the rest hold
         * 1.5 MiB. */
        if (keep > 0 && before > 5 * keep)
            g_assert_cmpuint(after, >=, 2 * keep);
    }
}

/* What a working array keeps between queries (retain.h), worked by hand: typical queries keep
 * theirs, a rare large one gives its back as it ends, and a floor is always kept. */
static void test_retain(void)
{
    const gsize MB = 1 << 20;
    WpRetain r = {0};
    /* The first query: a 2 MB peak in a 4 MB array; the average is 2/16 MB, so 4 MB > 4 x that
     * goes back unless the floor covers it. */
    wp_i_retain_use(&r, 2 * MB);
    g_assert_true(wp_i_retain_release(&r, 4 * MB, MB));
    g_assert_cmpfloat_with_epsilon(r.typical, 2.0 * MB / 16, 1);
    g_assert_cmpuint(r.peak, ==, 0); /* the next query starts afresh */
    for (guint q = 0; q < 40; q++) {
        wp_i_retain_use(&r, MB);
        wp_i_retain_use(&r, 2 * MB); /* a query's peak is its largest run */
        wp_i_retain_release(&r, 4 * MB, MB);
    }
    /* 41 queries of 2 MB: the average is 2 MB (1 - (15/16)^41), and 4 MB stays. */
    g_assert_cmpfloat_with_epsilon(r.typical, 2.0 * MB * (1 - pow(15.0 / 16, 41)), 1);
    wp_i_retain_use(&r, 2 * MB);
    g_assert_false(wp_i_retain_release(&r, 4 * MB, MB));
    /* One query of 40 MB in a 64 MB array: the average rises to about 4.3 MB, not enough. */
    wp_i_retain_use(&r, 40 * MB);
    g_assert_true(wp_i_retain_release(&r, 64 * MB, MB));
    /* Below the floor nothing goes back, however idle. */
    WpRetain idle = {0};
    for (guint q = 0; q < 10; q++)
        g_assert_false(wp_i_retain_release(&idle, MB, MB));
    g_assert_true(wp_i_retain_release(&idle, MB + 1, MB));
}

static gint by_text(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Heads of @person's arcs in one direction as "b c", sorted (the layout's order is its own). */
static char *heads(const WpGraph *g, const WpAdjacency *adj, gboolean out, WpPerson person)
{
    const guint32 *offsets = wp_i_adjacency_offsets(adj, out);
    const WpArc *arcs = wp_i_adjacency_arcs(adj, out);
    g_autoptr(GPtrArray) ids = g_ptr_array_new();
    for (guint32 a = offsets[person]; a < offsets[person + 1]; a++)
        g_ptr_array_add(ids, (gpointer)wp_graph_person_id(g, arcs[a].head));
    g_ptr_array_sort(ids, by_text);
    g_ptr_array_add(ids, NULL);
    return g_strjoinv(" ", (char **)ids->pdata);
}

/* What searches see of a graph (core/adjacency-private.h), worked by hand: a -> b and c -> a
 * one way, b - c both ways; and an undirected graph's in-arcs are its out-arcs. The scoring's
 * copy is the graph's. */
static void test_adjacency_view(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(
        "source,target,directed\na,b,true\nb,c,false\nc,a,true\n", NULL, 0, &error);
    g_assert_no_error(error);
    WpAdjacency adj;
    wp_i_graph_adjacency(g, &adj);
    g_assert_cmpuint(adj.n_people, ==, 3);
    g_assert_true(adj.directed);
    const char *out[] = {"b", "c", "a b"}, *in[] = {"c", "a c", "b"};
    for (WpPerson p = 0; p < 3; p++) {
        g_autofree char *o = heads(g, &adj, TRUE, p);
        g_autofree char *i = heads(g, &adj, FALSE, p);
        g_assert_cmpstr(o, ==, out[p]);
        g_assert_cmpstr(i, ==, in[p]);
        for (guint32 a = adj.out_offsets[p]; a < adj.out_offsets[p + 1]; a++) {
            WpTie tie = WP_TIE_NONE;
            g_assert_true(wp_graph_find_tie(g, p, adj.out_arcs[a].head, &tie));
            g_assert_cmpuint(adj.out_arcs[a].tie, ==, tie);
        }
    }
    g_assert_cmpuint(wp_i_adjacency_n_arcs(&adj, TRUE), ==, 4);
    g_assert_cmpuint(wp_i_adjacency_n_arcs(&adj, FALSE), ==, 4);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    const WpAdjacency *seen = wp_i_scoring_adjacency(sc);
    g_assert_true(seen->n_people == adj.n_people && seen->directed == adj.directed &&
                  seen->out_offsets == adj.out_offsets && seen->out_arcs == adj.out_arcs &&
                  seen->in_offsets == adj.in_offsets && seen->in_arcs == adj.in_arcs);

    g_autoptr(WpGraph) u = wp_graph_load_from_data("source,target\na,b\nb,c\n", NULL, 0, &error);
    g_assert_no_error(error);
    wp_i_graph_adjacency(u, &adj);
    g_assert_false(adj.directed);
    g_assert_true(adj.in_offsets == adj.out_offsets && adj.in_arcs == adj.out_arcs);
    g_autofree char *middle = heads(u, &adj, TRUE, 1);
    g_assert_cmpstr(middle, ==, "a c");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/search/unlimited", test_unlimited);
    g_test_add_func("/search/hop-limits", test_hop_limits);
    g_test_add_func("/search/directed-both-ways", test_directed_both_ways);
    g_test_add_func("/search/banned-person", test_banned_person);
    g_test_add_func("/search/fewer-hops-survive", test_fewer_hops_survive);
    g_test_add_func("/search/banned-first-tie", test_banned_first_tie);
    g_test_add_func("/search/first-hop-only", test_first_hop_only);
    g_test_add_func("/search/potential", test_potential);
    g_test_add_func("/search/costs-only", test_costs_only);
    g_test_add_func("/search/on-settle", test_on_settle);
    g_test_add_func("/search/view-stop", test_view_stop);
    g_test_add_func("/search/trim", test_trim);
    g_test_add_func("/search/retain", test_retain);
    g_test_add_func("/search/adjacency-view", test_adjacency_view);
    return g_test_run();
}
