/* SPDX-License-Identifier: MIT */
/* A model applied to a graph: costs, as-of days, several scorings on one graph, per-tie overrides
 * with their evidence, and the team tie, checked against hand-worked figures. */
#include <warmpath/warmpath.h>

#include <math.h>
#include <string.h>

#include "core/graph-private.h"      /* the graph's raw costs */
#include "scoring/scoring-private.h" /* wp_i_scoring_costs() */

#define AS_OF 20758 /* 2026-11-01 */
#define JAN15 20468 /* 2026-01-15 */
#define EPS 1e-12

static const char chain[] = "source,target,strength,last_contact,interactions,directed\n"
                            "a,b,0.9,2026-11-01,,\n"
                            "b,c,0.8,2026-11-01,,\n"
                            "c,d,0.5,2026-11-01,,\n"
                            "d,e,,2026-11-01,,\n"
                            "e,f,0.6,,,true\n";

static WpGraph *load(const char *ties, const char *people)
{
    g_autoptr(GError) error = NULL;
    WpGraph *g = wp_graph_load_from_data(ties, people, 0, &error);
    g_assert_no_error(error);
    return g;
}

static WpPerson id(const WpGraph *g, const char *name)
{
    WpPerson p = wp_graph_find_id(g, name);
    g_assert_cmpuint(p, !=, WP_PERSON_NONE);
    return p;
}

/* The cost of the arc @from -> @to as searches read it. */
static double arc_cost(const WpScoring *s, WpPerson from, WpPerson to)
{
    guint n = 0;
    const WpArc *arcs = wp_graph_out_arcs(wp_scoring_graph(s), from, &n);
    const double *costs = wp_i_scoring_costs(s, TRUE, from);
    for (guint k = 0; k < n; k++)
        if (arcs[k].head == to)
            return costs[k];
    g_assert_not_reached();
}

static void test_raw(void)
{
    g_autoptr(WpGraph) g = load(chain, NULL);
    WpPerson a = id(g, "a"), b = id(g, "b"), c = id(g, "c"), d = id(g, "d"), e = id(g, "e");
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) s = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    /* Declared strengths, undeclared 1, no penalty. */
    g_assert_true(wp_model_is_raw(wp_scoring_model(s)));
    g_assert_true(wp_scoring_graph(s) == g);
    WpPerson path[] = {a, b, c, d};
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(s, path, 4), 0.9 * 0.8 * 0.5, EPS);
    WpPerson de[] = {d, e};
    g_assert_cmpfloat(wp_scoring_path_probability(s, de, 2), ==, 1.0);
    g_assert_cmpfloat_with_epsilon(arc_cost(s, a, b), -log(0.9), EPS);
    /* The raw scoring shares the loader's costs: no copy, nothing to compute. */
    g_assert_true(wp_i_scoring_arc_costs(s, TRUE) == g->raw_out_cost);
    g_assert_true(s->costs_complete);
    /* A profile on the raw base with a per-hop factor computes its own. */
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) penalised =
        wp_model_load_from_data("[model]\nbase=raw\nintermediary_factor=0.5\n", "p.ini", &error);
    g_assert_no_error(error);
    g_autoptr(WpScoring) sp = wp_scoring_new(g, penalised, WP_DAY_NONE, NULL);
    g_assert_false(wp_i_scoring_arc_costs(sp, TRUE) == g->raw_out_cost);
    g_assert_cmpfloat_with_epsilon(arc_cost(sp, a, b), -log(0.9) - log(0.5), EPS);
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(sp, path, 4), 0.9 * 0.8 * 0.5 * 0.25,
                                   EPS);
}

static void test_default(void)
{
    g_autoptr(WpGraph) g = load(chain, NULL);
    WpPerson a = id(g, "a"), b = id(g, "b"), c = id(g, "c"), d = id(g, "d"), e = id(g, "e"),
             f = id(g, "f");
    g_autoptr(WpModel) m = wp_model_new_default();
    g_autoptr(WpScoring) s = wp_scoring_new(g, m, AS_OF, NULL);
    g_assert_cmpint(wp_scoring_as_of(s), ==, AS_OF);
    g_assert_false(wp_model_is_raw(wp_scoring_model(s)));
    /* Contact today, no interaction counts: effective = declared. 3 hops, 2 intermediaries:
     * 0.9 * 0.8 * 0.5 * 0.75^2 = 0.2025 */
    WpPerson path[] = {a, b, c, d};
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(s, path, 4), 0.2025, EPS);
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(s, path, 2), 0.9, EPS);
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(s, path, 3), 0.9 * 0.8 * 0.75, EPS);
    g_assert_cmpfloat(wp_scoring_path_probability(s, path, 1), ==, 1.0);
    WpPerson gap[] = {a, c};
    g_assert_cmpfloat(wp_scoring_path_probability(s, gap, 2), ==, 0.0);
    /* The undeclared d-e takes the untyped prior 0.3. */
    WpPerson de[] = {d, e};
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(s, de, 2), 0.3, EPS);
    /* A directed tie only counts its own way; undated: 0.6 * 0.85. */
    WpPerson ef[] = {e, f}, fe[] = {f, e};
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(s, ef, 2), 0.6 * 0.85, EPS);
    g_assert_cmpfloat(wp_scoring_path_probability(s, fe, 2), ==, 0.0);

    /* Each arc costs -ln(strength) - ln(0.75); a path of L arcs pays one penalty more than it
     * has intermediaries, so exp(-sum) = probability * 0.75. */
    double sum = 0;
    for (guint i = 0; i + 1 < G_N_ELEMENTS(path); i++) {
        WpTie t;
        g_assert_true(wp_graph_find_tie(g, path[i], path[i + 1], &t));
        double cost = arc_cost(s, path[i], path[i + 1]);
        g_assert_cmpfloat_with_epsilon(cost, -log(wp_scoring_tie_strength(s, t, NULL)) - log(0.75),
                                       EPS);
        sum += cost;
    }
    g_assert_cmpfloat_with_epsilon(exp(-sum), 0.2025 * 0.75, EPS);
}

/* Scorings of one graph are independent of each other, whatever order they are made and used
 * in; the graph outlives the caller's reference while a scoring holds one. */
static void test_several(void)
{
    WpGraph *g = load(chain, NULL);
    WpPerson a = id(g, "a"), b = id(g, "b");
    WpPerson ab[] = {a, b};
    g_autoptr(WpModel) m = wp_model_new_default();
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) dated =
        wp_model_load_from_data("[model]\nas_of=2026-01-15\n", "p.ini", &error);
    g_assert_no_error(error);
    g_autoptr(WpScoring) now = wp_scoring_new(g, m, AS_OF, NULL);
    g_autoptr(WpScoring) later = wp_scoring_new(g, m, AS_OF + 730, NULL);
    g_autoptr(WpScoring) plain = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    g_autoptr(WpScoring) profile = wp_scoring_new(g, dated, WP_DAY_NONE, NULL);
    wp_graph_unref(g); /* the scorings keep it */
    /* One half-life later the strength above the floor halves: 0.9 * (0.35 + 0.65 / 2). */
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(later, ab, 2), 0.9 * 0.675, EPS);
    g_assert_cmpfloat_with_epsilon(arc_cost(later, a, b), -log(0.9 * 0.675) - log(0.75), EPS);
    g_assert_cmpfloat_with_epsilon(arc_cost(now, a, b), -log(0.9) - log(0.75), EPS);
    g_assert_cmpfloat_with_epsilon(arc_cost(plain, a, b), -log(0.9), EPS);
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(now, ab, 2), 0.9, EPS);
    /* WP_DAY_NONE takes the profile's as_of; a contact after it is 0 days old. */
    g_assert_cmpint(wp_scoring_as_of(profile), ==, JAN15);
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(profile, ab, 2), 0.9, EPS);
    WpStrengthBreakdown bd;
    WpTie t;
    g_assert_true(wp_graph_find_tie(wp_scoring_graph(profile), a, b, &t));
    wp_scoring_tie_strength(profile, t, &bd);
    g_assert_cmpint(bd.age_days, ==, 0);
    g_assert_false(bd.overridden);
    g_assert_cmpfloat(bd.model_effective, ==, bd.effective);
}

/* seller s asks a (0.9) or b (0.6) about t; a-t is 0.5, b-t 0.8. Default model, contact today:
 * s-a-t = 0.9 * 0.5 * 0.75 = 0.3375 and s-b-t = 0.6 * 0.8 * 0.75 = 0.36, so b comes first.
 * Three asks through a that mostly worked lift a-t to 0.9: s-a-t = 0.9 * 0.9 * 0.75 = 0.6075. */
static const char diamond[] = "source,target,strength,last_contact\n"
                              "s,a,0.9,2026-11-01\n"
                              "a,t,0.5,2026-11-01\n"
                              "s,b,0.6,2026-11-01\n"
                              "b,t,0.8,2026-11-01\n"
                              "a,b,0.2,2026-11-01\n";

static void check_paths(const WpScoring *scoring, const char *const *sources, const double *p,
                        guint n)
{
    const WpGraph *g = wp_scoring_graph(scoring);
    WpPerson s = id(g, "s");
    WpPathQuery q = WP_PATH_QUERY_INIT;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set = wp_path_find(scoring, NULL, &s, 1, id(g, "t"), &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, n);
    for (guint i = 0; i < n; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        g_assert_cmpuint(path->n_people, ==, 3);
        g_assert_cmpstr(wp_graph_person_id(g, path->people[1]), ==, sources[i]);
        g_assert_cmpfloat_with_epsilon(path->probability, p[i], EPS);
        g_assert_cmpfloat_with_epsilon(
            wp_scoring_path_probability(scoring, path->people, path->n_people), p[i], EPS);
    }
}

static void test_overrides(void)
{
    g_autoptr(WpGraph) g = load(diamond, NULL);
    WpTie at;
    g_assert_true(wp_graph_find_tie(g, id(g, "a"), id(g, "t"), &at));
    g_autoptr(WpModel) m = wp_model_new_default();
    g_autoptr(WpTieOverrides) o = wp_tie_overrides_new();
    char detail[] = "2 agreed, 1 declined";
    WpTieEvidence ev = {2, 1, 0.5, 4, detail};
    wp_tie_overrides_set(o, at, 0.7, NULL);
    wp_tie_overrides_set(o, at, 0.9, &ev); /* the last one counts */
    g_assert_cmpuint(wp_tie_overrides_size(o), ==, 1);
    g_autoptr(WpScoring) learned = wp_scoring_new(g, m, AS_OF, o);
    g_autoptr(WpScoring) plain = wp_scoring_new(g, m, AS_OF, NULL);
    detail[0] = 'X'; /* copied, as the evidence's detail */
    g_clear_pointer(&o, wp_tie_overrides_free);
    g_assert_cmpuint(wp_scoring_n_overrides(learned), ==, 1);
    g_assert_cmpuint(wp_scoring_n_overrides(plain), ==, 0);

    /* Exactly that tie changes. */
    for (WpTie t = 0; t < wp_graph_n_ties(g); t++) {
        WpStrengthBreakdown x, y;
        double with = wp_scoring_tie_strength(learned, t, &x);
        double without = wp_scoring_tie_strength(plain, t, &y);
        g_assert_cmpfloat(x.model_effective, ==, without);
        if (t != at) {
            g_assert_cmpfloat(with, ==, without);
            g_assert_false(x.overridden);
            continue;
        }
        g_assert_cmpfloat(with, ==, 0.9);
        g_assert_cmpfloat(x.effective, ==, 0.9);
        g_assert_cmpfloat_with_epsilon(x.model_effective, 0.5, EPS);
        g_assert_true(x.overridden);
        g_assert_cmpuint(x.evidence.successes, ==, 2);
        g_assert_cmpuint(x.evidence.failures, ==, 1);
        g_assert_cmpfloat(x.evidence.prior_mean, ==, 0.5);
        g_assert_cmpfloat(x.evidence.prior_weight, ==, 4);
        g_assert_cmpstr(x.evidence.detail, ==, "2 agreed, 1 declined");
        g_assert_false(y.overridden);
    }
    /* The searches see it: both directions of the arc cost -ln(0.9) - ln(0.75). */
    g_assert_cmpfloat_with_epsilon(arc_cost(learned, id(g, "a"), id(g, "t")), -log(0.9) - log(0.75),
                                   EPS);
    g_assert_cmpfloat_with_epsilon(arc_cost(learned, id(g, "t"), id(g, "a")), -log(0.9) - log(0.75),
                                   EPS);
    g_assert_cmpfloat_with_epsilon(arc_cost(plain, id(g, "a"), id(g, "t")), -log(0.5) - log(0.75),
                                   EPS);
    /* And the paths through it, in both modes' order. */
    const char *const plain_order[] = {"b", "a"};
    const double plain_p[] = {0.36, 0.3375};
    check_paths(plain, plain_order, plain_p, 2);
    const char *const learned_order[] = {"a", "b"};
    const double learned_p[] = {0.6075, 0.36};
    check_paths(learned, learned_order, learned_p, 2);
}

/* An override under the raw model: the scoring no longer shares the loader's costs. */
static void test_overrides_raw(void)
{
    g_autoptr(WpGraph) g = load(diamond, NULL);
    WpTie sb;
    g_assert_true(wp_graph_find_tie(g, id(g, "s"), id(g, "b"), &sb));
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpTieOverrides) o = wp_tie_overrides_new();
    wp_tie_overrides_set(o, sb, 0.25, NULL);
    g_autoptr(WpScoring) s = wp_scoring_new(g, raw, WP_DAY_NONE, o);
    g_assert_false(wp_i_scoring_arc_costs(s, TRUE) == g->raw_out_cost);
    g_assert_cmpfloat_with_epsilon(arc_cost(s, id(g, "s"), id(g, "b")), -log(0.25), EPS);
    g_assert_cmpfloat_with_epsilon(arc_cost(s, id(g, "s"), id(g, "a")), -log(0.9), EPS);
    WpStrengthBreakdown b;
    g_assert_cmpfloat(wp_scoring_tie_strength(s, sb, &b), ==, 0.25);
    g_assert_cmpfloat(b.model_effective, ==, 0.6);
    g_assert_cmpuint(b.evidence.successes + b.evidence.failures, ==, 0); /* none given */
    g_assert_null(b.evidence.detail);
}

/* The team tie is the first hop of a path between two sellers of one team when it is stronger
 * than their row, under a model that is not raw. */
static void test_team(void)
{
    const char *people = "id,team\nann,east\nbo,east\ncy,\n";
    const char *ties = "source,target,strength,last_contact\n"
                       "ann,bo,0.4,2026-11-01\n"
                       "bo,cy,0.5,2026-11-01\n";
    g_autoptr(WpGraph) g = load(ties, people);
    WpPerson path[] = {id(g, "ann"), id(g, "bo"), id(g, "cy")};
    g_autoptr(WpModel) m = wp_model_new_default();
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) s = wp_scoring_new(g, m, AS_OF, NULL);
    g_autoptr(WpScoring) r = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    g_assert_true(wp_scoring_team_rules(s));
    g_assert_false(wp_scoring_team_rules(r));
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(s, path, 3), 0.9 * 0.5 * 0.75, EPS);
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(r, path, 3), 0.4 * 0.5, EPS);
    WpPerson back[] = {id(g, "cy"), id(g, "bo"), id(g, "ann")}; /* only a first hop */
    g_assert_cmpfloat_with_epsilon(wp_scoring_path_probability(s, back, 3), 0.5 * 0.4 * 0.75, EPS);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/scoring/raw", test_raw);
    g_test_add_func("/scoring/default", test_default);
    g_test_add_func("/scoring/several", test_several);
    g_test_add_func("/scoring/overrides", test_overrides);
    g_test_add_func("/scoring/overrides-raw", test_overrides_raw);
    g_test_add_func("/scoring/team", test_team);
    return g_test_run();
}
