/* SPDX-License-Identifier: MIT */
/* What the query-context and thread tests share: the demo network under a scoring, a handful
 * of questions on it, and exact comparisons of two answers (same paths, same figures to the
 * last bit: a context or a thread must never change an answer). */
#pragma once

#include <warmpath/warmpath.h>

#include <string.h>

/* datasets/demo under @model, as of the demo's day. */
static inline WpScoring *demo_scoring(const WpModel *model)
{
    const char *root = g_getenv("WP_SOURCE_DIR");
    g_autofree char *dir = root
                               ? g_build_filename(root, "datasets", "demo", NULL)
                               : g_test_build_filename(G_TEST_DIST, "..", "datasets", "demo", NULL);
    g_autofree char *edges = g_build_filename(dir, "edges.csv", NULL);
    g_autofree char *people = g_build_filename(dir, "people.csv", NULL);
    WpLoadSpec spec = {.ties_file = edges,
                       .people_file = people,
                       .ties_format = WP_TIES_FORMAT_AUTO,
                       .flags = WP_LOAD_DEFAULT};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    WpDay as_of;
    g_assert_true(wp_day_parse("2026-11-01", &as_of));
    return wp_scoring_new(g, model, as_of, NULL);
}

static inline WpPerson demo_person(const WpGraph *g, const char *id)
{
    WpPerson p = wp_graph_find_id(g, id);
    g_assert_cmpuint(p, !=, WP_PERSON_NONE);
    return p;
}

static inline void assert_paths_equal(const GArray *a, const GArray *b)
{
    g_assert_cmpuint(a->len, ==, b->len);
    for (guint i = 0; i < a->len; i++) {
        const WpPath *x = &g_array_index(a, WpPath, i), *y = &g_array_index(b, WpPath, i);
        g_assert_cmpuint(x->n_people, ==, y->n_people);
        g_assert_cmpmem(x->people, x->n_people * sizeof(WpPerson), y->people,
                        y->n_people * sizeof(WpPerson));
        g_assert_cmpmem(x->ties, (x->n_people - 1) * sizeof(WpTie), y->ties,
                        (y->n_people - 1) * sizeof(WpTie));
        g_assert_true(x->probability == y->probability);
        g_assert_cmpuint(x->seller, ==, y->seller);
        g_assert_cmpint(x->team_hop, ==, y->team_hop);
    }
}

static inline void assert_path_sets_equal(const WpPathSet *a, const WpPathSet *b)
{
    assert_paths_equal(a->paths, b->paths);
    assert_paths_equal(a->suggestions, b->suggestions);
    g_assert_cmpuint(a->target, ==, b->target);
    g_assert_cmpuint(a->direct->len, ==, b->direct->len);
    for (guint i = 0; i < a->direct->len; i++) { /* field by field: the struct has padding */
        const WpDirectTie *x = &g_array_index(a->direct, WpDirectTie, i);
        const WpDirectTie *y = &g_array_index(b->direct, WpDirectTie, i);
        g_assert_cmpuint(x->seller, ==, y->seller);
        g_assert_cmpuint(x->person, ==, y->person);
        g_assert_cmpuint(x->tie, ==, y->tie);
        g_assert_true(x->strength == y->strength);
        g_assert_cmpuint(x->flags, ==, y->flags);
    }
    g_assert_cmpint(a->direct_answer, ==, b->direct_answer);
    g_assert_true(a->at_least_one == b->at_least_one);
    g_assert_cmpint(a->at_least_one_exact, ==, b->at_least_one_exact);
    g_assert_cmpuint(a->unconstrained.n_people, ==, b->unconstrained.n_people);
    if (a->unconstrained.n_people > 0)
        g_assert_cmpmem(a->unconstrained.people, a->unconstrained.n_people * sizeof(WpPerson),
                        b->unconstrained.people, b->unconstrained.n_people * sizeof(WpPerson));
}

static inline void assert_arrays_equal(const GArray *a, const GArray *b, gsize size)
{
    g_assert_cmpuint(a->len, ==, b->len);
    g_assert_cmpmem(a->data, a->len * size, b->data, b->len * size);
}

static inline void assert_reach_equal(const GArray *a, const GArray *b)
{
    g_assert_cmpuint(a->len, ==, b->len);
    for (guint i = 0; i < a->len; i++) {
        const WpRankReach *x = &g_array_index(a, WpRankReach, i);
        const WpRankReach *y = &g_array_index(b, WpRankReach, i);
        g_assert_cmpuint(x->target_index, ==, y->target_index);
        g_assert_cmpuint(x->target, ==, y->target);
        g_assert_true(x->probability == y->probability);
    }
}

static inline void assert_sources_equal(const GArray *a, const GArray *b)
{
    g_assert_cmpuint(a->len, ==, b->len);
    for (guint i = 0; i < a->len; i++) {
        const WpRankSource *x = &g_array_index(a, WpRankSource, i);
        const WpRankSource *y = &g_array_index(b, WpRankSource, i);
        g_assert_cmpuint(x->person, ==, y->person);
        g_assert_cmpuint(x->seller, ==, y->seller);
        g_assert_true(x->strength == y->strength);
        g_assert_cmpint(x->team_tie, ==, y->team_tie);
        g_assert_true(x->score == y->score);
        g_assert_cmpuint(x->n_reached, ==, y->n_reached);
        assert_reach_equal(x->reach, y->reach);
        assert_reach_equal(x->best, y->best);
    }
}

static inline void assert_rank_results_equal(const WpRankResult *a, const WpRankResult *b)
{
    assert_arrays_equal(a->targets, b->targets, sizeof(WpPerson));
    assert_arrays_equal(a->best_probability, b->best_probability, sizeof(double));
    assert_arrays_equal(a->best_source, b->best_source, sizeof(guint));
    assert_arrays_equal(a->direct, b->direct, sizeof(WpPerson));
    assert_arrays_equal(a->weak_direct, b->weak_direct, sizeof(guint));
    assert_sources_equal(a->sources, b->sources);
    assert_sources_equal(a->colleagues, b->colleagues);
    g_assert_cmpuint(a->n_contacts, ==, b->n_contacts);
    assert_arrays_equal(a->cold_targets, b->cold_targets, sizeof(guint));
    g_assert_cmpuint(a->cold_companies->len, ==, b->cold_companies->len);
    for (guint i = 0; i < a->cold_companies->len; i++) {
        const WpRankCompany *x = &g_array_index(a->cold_companies, WpRankCompany, i);
        const WpRankCompany *y = &g_array_index(b->cold_companies, WpRankCompany, i);
        g_assert_cmpstr(x->company, ==, y->company);
        g_assert_cmpuint(x->n_targets, ==, y->n_targets);
        g_assert_cmpuint(x->n_cold, ==, y->n_cold);
    }
    g_assert_cmpuint(a->n_searches, ==, b->n_searches);
    g_assert_cmpint(a->from_targets, ==, b->from_targets);
}

/* The k-th question of a fixed series on the demo: sellers (one or two of the sales team),
 * a target (every 7th person walks the whole network) and a query mode. */
typedef struct {
    WpPerson sellers[2];
    guint n_sellers;
    WpPerson target;
    WpPathQuery query;
} DemoQuestion;

static inline gboolean demo_question(const WpGraph *g, guint k, DemoQuestion *out)
{
    static const char *const askers[] = {"p00001", "p00002", "p00003", "p00004"};
    memset(out, 0, sizeof *out);
    out->sellers[0] = demo_person(g, askers[k % G_N_ELEMENTS(askers)]);
    out->n_sellers = 1;
    if (k % 3 == 2) {
        out->sellers[1] = demo_person(g, askers[(k + 1) % G_N_ELEMENTS(askers)]);
        out->n_sellers = 2;
    }
    out->target = (WpPerson)((k * 7 + 11) % wp_graph_n_people(g));
    for (guint i = 0; i < out->n_sellers; i++)
        if (out->sellers[i] == out->target)
            return FALSE;
    WpPathQuery q = WP_PATH_QUERY_INIT;
    q.all_paths = k % 5 == 4;
    q.max_hops = k % 4 == 3 ? 0 : 4;
    q.min_probability = k % 2 ? 0.01 : 0;
    out->query = q;
    return TRUE;
}
