/* SPDX-License-Identifier: MIT */
/* Referral metrics on a hand-worked history of six asks (docs/ledger.md "Metrics"). */
#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ask-helpers.h"

static const char *const people_csv = "id,name,industry,region\n"
                                      "s1,Sam One,,\n"
                                      "s2,Sue Two,,\n"
                                      "c1,Cat,,\n"
                                      "c2,Cid,,\n"
                                      "c3,Col,,\n"
                                      "b1,Bea,Fintech,UK\n"
                                      "b2,Bob,Fintech,US-East\n"
                                      "b3,Bo,Retail,UK\n";
static const char *const ties_csv = "source,target,strength\n"
                                    "s1,c1,0.9\ns1,c2,0.8\ns2,c1,0.7\ns2,c3,0.6\n"
                                    "c1,b1,0.8\nc2,b2,0.7\nc1,b3,0.5\nc3,b1,0.6\nc1,b2,0.5\n";

/* The history (as of 2026-04-05):
 *  1 s1 via c1 -> b1, p .65: agreed, introduced, meeting, opportunity (5000), won (12000)
 *  2 s1 via c2 -> b2, p .45: meeting straight after asked (implies agreed and introduced)
 *  3 s2 via c1 -> b3, p .15: declined
 *  4 s2 via c3 -> b1, p .30: open for 16 days (counts as not introduced in calibration)
 *  5 s1 via c2 -> b4, p .50: open for 4 days (left out of calibration); b4 is not in the network
 *  6 s2 via c1 -> b2, no prediction: introduced, no-response */
static GPtrArray *history(void)
{
    GPtrArray *asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    WpAsk *a = ask_new(1, "s1", "c1", "b1", NULL, 0.65, ask_day("2026-03-02"));
    ask_add(a, WP_ASK_AGREED, ask_day("2026-03-03"), -1);
    ask_add(a, WP_ASK_INTRODUCED, ask_day("2026-03-05"), -1);
    ask_add(a, WP_ASK_MEETING, ask_day("2026-03-12"), -1);
    ask_add(a, WP_ASK_OPPORTUNITY, ask_day("2026-03-20"), 5000);
    ask_add(a, WP_ASK_WON, ask_day("2026-04-02"), 12000);
    g_ptr_array_add(asks, a);
    a = ask_new(2, "s1", "c2", "b2", NULL, 0.45, ask_day("2026-03-04"));
    ask_add(a, WP_ASK_MEETING, ask_day("2026-03-14"), -1);
    g_ptr_array_add(asks, a);
    a = ask_new(3, "s2", "c1", "b3", NULL, 0.15, ask_day("2026-03-10"));
    ask_add(a, WP_ASK_DECLINED, ask_day("2026-03-11"), -1);
    g_ptr_array_add(asks, a);
    g_ptr_array_add(asks, ask_new(4, "s2", "c3", "b1", NULL, 0.30, ask_day("2026-03-20")));
    g_ptr_array_add(asks, ask_new(5, "s1", "c2", "b4", NULL, 0.50, ask_day("2026-04-01")));
    a = ask_new(6, "s2", "c1", "b2", NULL, -1, ask_day("2026-03-05"));
    ask_add(a, WP_ASK_INTRODUCED, ask_day("2026-03-09"), -1);
    ask_add(a, WP_ASK_NO_RESPONSE, ask_day("2026-03-20"), -1);
    g_ptr_array_add(asks, a);
    return asks;
}

static WpGraph *network(void)
{
    g_autoptr(GError) error = NULL;
    WpGraph *g = wp_graph_load_from_data(ties_csv, people_csv, WP_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    return g;
}

static const WpMetricsRow *row_named(const GArray *rows, gsize size, const char *key)
{
    for (guint i = 0; i < rows->len; i++) {
        const WpMetricsRow *r = (const WpMetricsRow *)(rows->data + i * size);
        if (strcmp(r->key, key) == 0)
            return r;
    }
    g_assert_not_reached();
}

static WpMetrics *compute(const GPtrArray *asks, const WpGraph *g, WpMetricsOptions *o)
{
    o->as_of = ask_day("2026-04-05");
    return wp_metrics_compute(asks, g, o);
}

static void test_metrics_funnel_and_revenue(void)
{
    g_autoptr(GPtrArray) asks = history();
    g_autoptr(WpGraph) g = network();
    WpMetricsOptions o = WP_METRICS_OPTIONS_INIT;
    g_autoptr(WpMetrics) m = compute(asks, g, &o);
    const guint expected[WP_ASK_N_STATES] = {
        [WP_ASK_ASKED] = 6,       [WP_ASK_AGREED] = 3,      [WP_ASK_DECLINED] = 1,
        [WP_ASK_NO_ANSWER] = 0,   [WP_ASK_INTRODUCED] = 3,  [WP_ASK_MEETING] = 2,
        [WP_ASK_NO_RESPONSE] = 1, [WP_ASK_OPPORTUNITY] = 1, [WP_ASK_WON] = 1,
        [WP_ASK_LOST] = 0};
    for (guint s = 0; s < WP_ASK_N_STATES; s++)
        g_assert_cmpuint(m->funnel[s], ==, expected[s]);
    g_assert_cmpfloat(m->total.revenue, ==, 12000); /* the won amount, not the opportunity's */
    g_assert_cmpfloat(m->total.pipeline, ==, 0);
    /* days to introduction: 3 (ask 1), 10 (ask 2, implied by its meeting), 4 (ask 6) */
    g_assert_cmpuint(m->days_to_introduced->len, ==, 3);
    g_assert_cmpfloat(wp_metrics_median(m->days_to_introduced), ==, 4);
    g_assert_cmpfloat_with_epsilon(wp_metrics_mean(m->days_to_introduced), 17.0 / 3, 1e-12);
    g_assert_cmpfloat(wp_metrics_median(m->days_to_meeting), ==, 10);
}

static void test_metrics_calibration(void)
{
    g_autoptr(GPtrArray) asks = history();
    WpMetricsOptions o = WP_METRICS_OPTIONS_INIT;
    o.success = WP_CALIBRATION_INTRODUCED;
    g_autoptr(WpMetrics) m = compute(asks, NULL, &o);
    g_assert_cmpuint(m->calibrated, ==, 4);
    g_assert_cmpuint(m->left_out_open, ==, 1);
    g_assert_cmpuint(m->left_out_unknown, ==, 1);
    /* (1 - .65)^2 + (1 - .45)^2 + .15^2 + .30^2, over 4 */
    g_assert_cmpfloat_with_epsilon(m->brier, 0.5375 / 4, 1e-12);
    g_assert_cmpfloat_with_epsilon(m->brier_reference, 0.25, 1e-12);
    const guint asks_in[WP_CALIBRATION_BINS] = {0, 1, 0, 1, 1, 0, 1, 0, 0, 0};
    const guint ok_in[WP_CALIBRATION_BINS] = {0, 0, 0, 0, 1, 0, 1, 0, 0, 0};
    for (guint b = 0; b < WP_CALIBRATION_BINS; b++) {
        g_assert_cmpuint(m->calibration[b].asks, ==, asks_in[b]);
        g_assert_cmpuint(m->calibration[b].succeeded, ==, ok_in[b]);
        g_assert_cmpfloat_with_epsilon(m->calibration[b].predicted_min, b / 10.0, 1e-12);
    }
    g_assert_cmpfloat(m->calibration[6].mean_predicted, ==, 0.65);
}

/* By default success is the buyer meeting the seller: ask 6 (introduced, then no response) is
 * a success when the introduction is what counts, a failure when the meeting is. */
static void test_metrics_calibration_success(void)
{
    g_autoptr(GPtrArray) asks = history();
    ((WpAsk *)g_ptr_array_index(asks, 5))->probability = 0.8;
    WpMetricsOptions o = WP_METRICS_OPTIONS_INIT;
    g_autoptr(WpMetrics) met = compute(asks, NULL, &o);
    g_assert_cmpint(met->success, ==, WP_CALIBRATION_MEETING);
    g_assert_cmpuint(met->calibrated, ==, 5);
    g_assert_cmpuint(met->calibration[8].asks, ==, 1);
    g_assert_cmpuint(met->calibration[8].succeeded, ==, 0);
    g_assert_cmpfloat_with_epsilon(met->brier, (0.5375 + 0.64) / 5, 1e-12);
    o.success = WP_CALIBRATION_INTRODUCED;
    g_autoptr(WpMetrics) intro = compute(asks, NULL, &o);
    g_assert_cmpuint(intro->calibration[8].succeeded, ==, 1);
    g_assert_cmpfloat_with_epsilon(intro->brier, (0.5375 + 0.04) / 5, 1e-12);
}

static void test_metrics_breakdowns(void)
{
    g_autoptr(GPtrArray) asks = history();
    g_autoptr(WpGraph) g = network();
    WpMetricsOptions o = WP_METRICS_OPTIONS_INIT;
    o.weekly_goal = 0.4;
    o.by = WP_METRICS_BY_MONTH;
    g_autoptr(WpMetrics) m = compute(asks, g, &o);
    g_assert_cmpuint(m->sources->len, ==, 3); /* c1 (a win), c2, c3 */
    const WpMetricsRow *c1 = &g_array_index(m->sources, WpMetricsRow, 0);
    g_assert_cmpstr(c1->key, ==, "c1");
    g_assert_cmpuint(c1->asks, ==, 3);
    g_assert_cmpuint(c1->introduced, ==, 2);
    g_assert_cmpuint(c1->won, ==, 1);
    g_assert_cmpfloat(c1->revenue, ==, 12000);
    g_assert_cmpstr(g_array_index(m->sources, WpMetricsRow, 1).key, ==, "c2");
    /* 2026-03-02 .. 2026-04-05 is 35 days, 5 weeks: s1 set 2 meetings, 0.4 a week */
    const WpSellerGoal *s1 = &g_array_index(m->sellers, WpSellerGoal, 0);
    const WpSellerGoal *s2 = &g_array_index(m->sellers, WpSellerGoal, 1);
    g_assert_cmpstr(s1->row.key, ==, "s1");
    g_assert_cmpfloat(s1->weeks, ==, 5);
    g_assert_cmpfloat_with_epsilon(s1->meetings_per_week, 0.4, 1e-12);
    g_assert_true(s1->goal_met);
    g_assert_false(s2->goal_met);
    const WpMetricsRow *fintech = row_named(m->industries, sizeof(WpMetricsRow), "Fintech");
    g_assert_cmpuint(fintech->asks, ==, 4);
    g_assert_cmpuint(row_named(m->industries, sizeof(WpMetricsRow), "unknown")->asks, ==, 1);
    g_assert_cmpuint(row_named(m->regions, sizeof(WpMetricsRow), "UK")->asks, ==, 3);
    /* months: each step in the month it happened */
    const WpMetricsRow *march = row_named(m->periods, sizeof(WpMetricsRow), "2026-03");
    const WpMetricsRow *april = row_named(m->periods, sizeof(WpMetricsRow), "2026-04");
    g_assert_cmpuint(march->asks, ==, 5);
    g_assert_cmpuint(march->meetings, ==, 2);
    g_assert_cmpuint(march->won, ==, 0);
    g_assert_cmpuint(april->asks, ==, 1);
    g_assert_cmpuint(april->won, ==, 1);
    g_assert_cmpfloat(april->revenue, ==, 12000);
}

static void test_metrics_filters(void)
{
    g_autoptr(GPtrArray) asks = history();
    WpMetricsOptions o = WP_METRICS_OPTIONS_INIT;
    const char *const sellers[] = {"s2", NULL};
    o.seller_ids = sellers;
    g_autoptr(WpMetrics) by_seller = compute(asks, NULL, &o);
    g_assert_cmpuint(by_seller->funnel[WP_ASK_ASKED], ==, 3);
    WpMetricsOptions o2 = WP_METRICS_OPTIONS_INIT;
    o2.since = ask_day("2026-03-05");
    o2.until = ask_day("2026-03-31");
    g_autoptr(WpMetrics) ranged = compute(asks, NULL, &o2);
    g_assert_cmpuint(ranged->funnel[WP_ASK_ASKED], ==, 3); /* asks 3, 4 and 6 */
    /* a past as-of day replays the ledger: on 2026-03-13 ask 1 had met, not yet won */
    WpMetricsOptions o3 = WP_METRICS_OPTIONS_INIT;
    o3.as_of = ask_day("2026-03-13");
    g_autoptr(WpMetrics) past = wp_metrics_compute(asks, NULL, &o3);
    g_assert_cmpuint(past->funnel[WP_ASK_ASKED], ==, 4);
    g_assert_cmpuint(past->funnel[WP_ASK_MEETING], ==, 1);
    g_assert_cmpuint(past->funnel[WP_ASK_WON], ==, 0);
}

static void test_metrics_json(void)
{
    g_autoptr(GPtrArray) asks = history();
    WpMetricsOptions o = WP_METRICS_OPTIONS_INIT;
    g_autoptr(WpMetrics) m = compute(asks, NULL, &o);
    g_autoptr(JsonNode) root = wp_metrics_to_json(m);
    JsonObject *obj = json_node_get_object(root);
    g_assert_cmpint(
        json_object_get_int_member(json_object_get_object_member(obj, "funnel"), "introduced"), ==,
        3);
    g_assert_cmpfloat(json_object_get_double_member(obj, "revenue"), ==, 12000);
    JsonArray *sources = json_object_get_array_member(obj, "sources");
    g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(sources, 0), "id"),
                    ==, "c1");
    JsonArray *cal = json_object_get_array_member(obj, "calibration");
    g_assert_cmpuint(json_array_get_length(cal), ==, WP_CALIBRATION_BINS);
    JsonObject *bin6 = json_array_get_object_element(cal, 6);
    g_assert_cmpfloat_with_epsilon(json_object_get_double_member(bin6, "predicted_min"), 0.6,
                                   1e-12);
    g_assert_cmpint(json_object_get_int_member(bin6, "succeeded"), ==, 1);
    g_assert_cmpfloat_with_epsilon(json_object_get_double_member(obj, "brier"), 0.134375, 1e-12);
}

static void test_metrics_chart(void)
{
    g_autoptr(GPtrArray) asks = history();
    WpMetricsOptions o = WP_METRICS_OPTIONS_INIT;
    g_autoptr(WpMetrics) m = compute(asks, NULL, &o);
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("wp-chart-XXXXXX", &error);
    g_assert_no_error(error);
    g_autofree char *png = g_build_filename(dir, "m.png", NULL);
    g_autofree char *svg = g_build_filename(dir, "m.svg", NULL);
    g_autofree char *jpg = g_build_filename(dir, "m.jpg", NULL);
    g_assert_true(wp_metrics_chart(m, png, &error));
    g_assert_no_error(error);
    g_assert_true(wp_metrics_chart(m, svg, &error));
    g_assert_no_error(error);
    g_autofree char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(png, &data, &len, NULL));
    g_assert_cmpmem(data, 8, "\x89PNG\r\n\x1a\n", 8);
    g_clear_pointer(&data, g_free);
    g_assert_true(g_file_get_contents(svg, &data, &len, NULL));
    g_assert_nonnull(strstr(data, "<svg"));
    g_assert_false(wp_metrics_chart(m, jpg, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_false(g_file_test(jpg, G_FILE_TEST_EXISTS));
    g_clear_error(&error);
    g_autofree char *missing = g_build_filename(dir, "no", "such", "m.png", NULL);
    g_assert_false(wp_metrics_chart(m, missing, &error));
    g_assert_nonnull(error);
    g_unlink(png);
    g_unlink(svg);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/metrics/funnel-and-revenue", test_metrics_funnel_and_revenue);
    g_test_add_func("/metrics/calibration", test_metrics_calibration);
    g_test_add_func("/metrics/calibration-success", test_metrics_calibration_success);
    g_test_add_func("/metrics/breakdowns", test_metrics_breakdowns);
    g_test_add_func("/metrics/filters", test_metrics_filters);
    g_test_add_func("/metrics/json", test_metrics_json);
    g_test_add_func("/metrics/chart", test_metrics_chart);
    return g_test_run();
}
