/* SPDX-License-Identifier: MIT */
/* Learning tie strengths from asks' outcomes: the posterior by hand, what is skipped, and a
 * simulation with known true strengths. */
#include <warmpath/warmpath.h>

#include <math.h>

#include "ask-helpers.h"
#include "learn-sim.h"

static const char *const tiny_ties = "source,target,strength,type\n"
                                     "s,c,0.60,client\n"
                                     "c,t,0.50,friend\n";

static WpScoring *tiny_scoring(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(tiny_ties, NULL, WP_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) m = wp_model_new_default();
    return wp_scoring_new(g, m, ask_day("2026-11-01"), NULL);
}

static WpTie tie_of(const WpGraph *g, const char *a, const char *b)
{
    WpTie t;
    gboolean ok = wp_graph_find_tie(g, wp_graph_find_id(g, a), wp_graph_find_id(g, b), &t);
    g_assert_true(ok);
    return t;
}

/* Two asks met, one declined: the seller's tie saw 2 successes and 1 failure, the source's tie
 * to the buyer 2 successes, each worth 1/f of a success of the tie itself. */
static void test_learn_posterior_by_hand(void)
{
    g_autoptr(WpScoring) s = tiny_scoring();
    const WpGraph *g = wp_scoring_graph(s);
    const char *const path[] = {"s", "c", "t", NULL};
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    WpDay d = ask_day("2026-03-02");
    for (int i = 0; i < 3; i++) {
        WpAsk *a = ask_new(i + 1, "s", "c", "t", path, 0.3, d);
        if (i < 2) {
            ask_add(a, WP_ASK_INTRODUCED, d + 2, -1);
            ask_add(a, WP_ASK_MEETING, d + 9, -1);
        } else
            ask_add(a, WP_ASK_DECLINED, d + 1, -1);
        g_ptr_array_add(asks, a);
    }
    WpLearnStats st;
    g_autoptr(WpTieOverrides) o = wp_learn_tie_overrides(asks, s, 4, &st);
    g_assert_cmpuint(st.asks_used, ==, 3);
    g_assert_cmpuint(st.ties, ==, 2);
    g_assert_cmpuint(wp_tie_overrides_size(o), ==, 2);
    g_autoptr(WpScoring) learned =
        wp_scoring_new(wp_scoring_graph(s), wp_scoring_model(s), wp_scoring_as_of(s), o);

    WpTie first = tie_of(g, "s", "c"), second = tie_of(g, "c", "t");
    double s1 = wp_scoring_tie_strength(s, first, NULL);
    double s2 = wp_scoring_tie_strength(s, second, NULL);
    double f = wp_model_intermediary_factor(wp_scoring_model(s));
    g_assert_cmpfloat(f, ==, 0.75);
    WpStrengthBreakdown b;
    g_assert_cmpfloat_with_epsilon(wp_scoring_tie_strength(learned, first, &b),
                                   (4 * s1 + 2) / (4 + 3), 1e-12);
    g_assert_true(b.overridden);
    g_assert_cmpuint(b.evidence.successes, ==, 2);
    g_assert_cmpuint(b.evidence.failures, ==, 1);
    g_assert_cmpfloat(b.evidence.prior_mean, ==, s1);
    g_assert_cmpfloat(b.evidence.prior_weight, ==, 4);
    g_assert_cmpstr(b.evidence.detail, ==, "2 introduced, 1 declined");
    /* (4 s2 + 2 / 0.75) / 6, capped at 1 */
    g_assert_cmpfloat_with_epsilon(wp_scoring_tie_strength(learned, second, &b),
                                   MIN(1.0, (4 * s2 + 2 / f) / (4 + 2)), 1e-12);
    g_assert_cmpstr(b.evidence.detail, ==, "2 meetings");
}

/* No prior weight: the learned strength is the observed rate itself (first step). */
static void test_learn_no_prior_is_the_rate(void)
{
    g_autoptr(WpScoring) s = tiny_scoring();
    const char *const path[] = {"s", "c", "t", NULL};
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    WpDay d = ask_day("2026-03-02");
    WpAskState outcomes[] = {WP_ASK_NO_ANSWER, WP_ASK_DECLINED, WP_ASK_INTRODUCED,
                             WP_ASK_NO_ANSWER};
    for (guint i = 0; i < G_N_ELEMENTS(outcomes); i++) {
        WpAsk *a = ask_new(i + 1, "s", "c", "t", path, 0.3, d);
        ask_add(a, outcomes[i], d + 1, -1);
        g_ptr_array_add(asks, a);
    }
    g_autoptr(WpTieOverrides) o = wp_learn_tie_overrides(asks, s, 0, NULL);
    g_autoptr(WpScoring) learned =
        wp_scoring_new(wp_scoring_graph(s), wp_scoring_model(s), wp_scoring_as_of(s), o);
    WpStrengthBreakdown b;
    g_assert_cmpfloat_with_epsilon(
        wp_scoring_tie_strength(learned, tie_of(wp_scoring_graph(s), "s", "c"), &b), 0.25, 1e-12);
    g_assert_cmpstr(b.evidence.detail, ==, "1 introduced, 1 declined, 2 no answer");
    /* introduced alone says nothing about the source's tie to the buyer */
    g_assert_cmpuint(wp_tie_overrides_size(o), ==, 1);
}

/* Open asks, asks without a path and people who left the network teach nothing. */
static void test_learn_skips(void)
{
    g_autoptr(WpScoring) s = tiny_scoring();
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    WpDay d = ask_day("2026-03-02");
    const char *const path[] = {"s", "c", "t", NULL};
    const char *const gone[] = {"s", "x", "t", NULL};
    g_ptr_array_add(asks, ask_new(1, "s", "c", "t", path, 0.3, d)); /* open */
    g_ptr_array_add(asks, ask_new(2, "s", "c", "t", NULL, -1, d));  /* no path */
    WpAsk *a = ask_new(3, "s", "x", "t", gone, 0.3, d);             /* x left */
    ask_add(a, WP_ASK_MEETING, d + 4, -1);
    g_ptr_array_add(asks, a);
    WpLearnStats st;
    g_autoptr(WpTieOverrides) o = wp_learn_tie_overrides(asks, s, 4, &st);
    g_assert_cmpuint(st.asks_open, ==, 1);
    g_assert_cmpuint(st.asks_without_path, ==, 1);
    g_assert_cmpuint(st.asks_used, ==, 1);
    g_assert_cmpuint(st.steps_missing, ==, 2); /* s -> x and x -> t */
    g_assert_cmpuint(st.ties, ==, 0);
    g_assert_cmpuint(wp_tie_overrides_size(o), ==, 0);
}

/* With true strengths hidden from the model, asks along the best paths and outcomes drawn from
 * the truth: the learned strengths approach the truth and the predicted chances get better
 * (expected Brier score, computed exactly from the true chances). */
static void test_learn_simulation(void)
{
    const guint checkpoints[] = {0, 50, 200, 800};
    g_autoptr(GArray) points = sim_run(16, checkpoints, G_N_ELEMENTS(checkpoints));
    const SimPoint *p = (const SimPoint *)points->data;
    for (guint i = 0; i < points->len; i++)
        g_test_message("asks %u: ties learned %u, MAE %.4f, Brier %.4f (floor %.4f)", p[i].asks,
                       p[i].ties_learned, p[i].mae, p[i].brier, p[i].brier_floor);
    g_assert_cmpuint(p[0].ties_learned, ==, 0);
    g_assert_cmpfloat(p[2].mae, <, p[0].mae);
    g_assert_cmpfloat(p[3].mae, <, p[2].mae);
    g_assert_cmpfloat(p[3].mae, <, 0.9 * p[0].mae);
    g_assert_cmpfloat(p[3].brier - p[3].brier_floor, <, 0.75 * (p[0].brier - p[0].brier_floor));
    g_assert_cmpfloat(p[2].brier, <, p[0].brier);
    g_assert_cmpfloat(p[3].brier, <, p[2].brier);
    /* the floor is the truth's own noise: the same for every checkpoint */
    g_assert_cmpfloat_with_epsilon(p[3].brier_floor, p[0].brier_floor, 1e-12);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/learn/posterior-by-hand", test_learn_posterior_by_hand);
    g_test_add_func("/learn/no-prior-is-the-rate", test_learn_no_prior_is_the_rate);
    g_test_add_func("/learn/skips", test_learn_skips);
    g_test_add_func("/learn/simulation", test_learn_simulation);
    return g_test_run();
}
