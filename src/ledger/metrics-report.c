/* SPDX-License-Identifier: MIT */
/* Metrics as JSON and as table rows: what every front end prints. */
#include "ledger/ledger-private.h"
#include "warmpath/metrics.h"

#include <math.h>

/* The conversions reported: each step of the chain from the one before, and ask to won. */
static const WpAskState conversions[][2] = {
    {WP_ASK_ASKED, WP_ASK_AGREED},       {WP_ASK_AGREED, WP_ASK_INTRODUCED},
    {WP_ASK_INTRODUCED, WP_ASK_MEETING}, {WP_ASK_MEETING, WP_ASK_OPPORTUNITY},
    {WP_ASK_OPPORTUNITY, WP_ASK_WON},    {WP_ASK_ASKED, WP_ASK_WON},
};

static double rate(guint part, guint whole)
{
    return whole > 0 ? (double)part / whole : NAN;
}

static void member_number(JsonBuilder *b, const char *name, double value)
{
    json_builder_set_member_name(b, name);
    if (isfinite(value))
        json_builder_add_double_value(b, value);
    else
        json_builder_add_null_value(b);
}

static void member_int(JsonBuilder *b, const char *name, gint64 value)
{
    json_builder_set_member_name(b, name);
    json_builder_add_int_value(b, value);
}

static void row_members(JsonBuilder *b, const char *key_name, const WpMetricsRow *r,
                        gboolean with_name)
{
    json_builder_set_member_name(b, key_name);
    json_builder_add_string_value(b, r->key);
    if (with_name) {
        json_builder_set_member_name(b, "name");
        if (r->name != NULL)
            json_builder_add_string_value(b, r->name);
        else
            json_builder_add_null_value(b);
    }
    member_int(b, "asks", r->asks);
    member_int(b, "agreed", r->agreed);
    member_int(b, "introduced", r->introduced);
    member_int(b, "meetings", r->meetings);
    member_int(b, "opportunities", r->opportunities);
    member_int(b, "won", r->won);
    member_number(b, "revenue", r->revenue);
    member_number(b, "pipeline", r->pipeline);
}

static void rows_member(JsonBuilder *b, const char *name, const char *key_name, const GArray *rows,
                        gboolean with_name)
{
    json_builder_set_member_name(b, name);
    json_builder_begin_array(b);
    for (guint i = 0; i < rows->len; i++) {
        json_builder_begin_object(b);
        row_members(b, key_name, &g_array_index(rows, WpMetricsRow, i), with_name);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

static void days_member(JsonBuilder *b, const char *name, const GArray *days)
{
    json_builder_set_member_name(b, name);
    json_builder_begin_object(b);
    member_int(b, "asks", days->len);
    member_number(b, "median", wp_metrics_median(days));
    member_number(b, "mean", wp_metrics_mean(days));
    json_builder_end_object(b);
}

static const char *period_name(WpMetricsPeriod by)
{
    return by == WP_METRICS_BY_WEEK ? "week" : by == WP_METRICS_BY_MONTH ? "month" : NULL;
}

static void sellers_member(JsonBuilder *b, const WpMetrics *m)
{
    json_builder_set_member_name(b, "sellers");
    json_builder_begin_array(b);
    for (guint i = 0; i < m->sellers->len; i++) {
        const WpSellerGoal *s = &g_array_index(m->sellers, WpSellerGoal, i);
        json_builder_begin_object(b);
        row_members(b, "id", &s->row, TRUE);
        member_number(b, "weeks", s->weeks);
        member_number(b, "asks_per_week", s->asks_per_week);
        member_number(b, "meetings_per_week", s->meetings_per_week);
        json_builder_set_member_name(b, "goal_met");
        if (m->weekly_goal > 0)
            json_builder_add_boolean_value(b, s->goal_met);
        else
            json_builder_add_null_value(b);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

static void calibration_member(JsonBuilder *b, const WpMetrics *m)
{
    json_builder_set_member_name(b, "calibration");
    json_builder_begin_array(b);
    for (guint i = 0; i < WP_CALIBRATION_BINS; i++) {
        const WpCalibrationBin *c = &m->calibration[i];
        json_builder_begin_object(b);
        member_number(b, "predicted_min", c->predicted_min);
        member_number(b, "predicted_max", c->predicted_max);
        member_int(b, "asks", c->asks);
        member_int(b, "succeeded", c->succeeded);
        member_number(b, "mean_predicted", c->asks > 0 ? c->mean_predicted : NAN);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

JsonNode *wp_metrics_to_json(const WpMetrics *m)
{
    g_return_val_if_fail(m != NULL, NULL);
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    wp_i_json_member_day(b, "since", m->since);
    wp_i_json_member_day(b, "until", m->until);
    wp_i_json_member_day(b, "as_of", m->as_of);
    member_int(b, "asks", m->total.asks);
    json_builder_set_member_name(b, "funnel");
    json_builder_begin_object(b);
    for (guint s = 0; s < WP_ASK_N_STATES; s++)
        member_int(b, wp_ask_state_name((WpAskState)s), m->funnel[s]);
    json_builder_end_object(b);
    json_builder_set_member_name(b, "conversion");
    json_builder_begin_array(b);
    for (guint i = 0; i < G_N_ELEMENTS(conversions); i++) {
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "from");
        json_builder_add_string_value(b, wp_ask_state_name(conversions[i][0]));
        json_builder_set_member_name(b, "to");
        json_builder_add_string_value(b, wp_ask_state_name(conversions[i][1]));
        member_number(b, "rate", rate(m->funnel[conversions[i][1]], m->funnel[conversions[i][0]]));
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    member_number(b, "revenue", m->total.revenue);
    member_number(b, "pipeline", m->total.pipeline);
    days_member(b, "days_to_introduced", m->days_to_introduced);
    days_member(b, "days_to_meeting", m->days_to_meeting);
    rows_member(b, "sources", "id", m->sources, TRUE);
    member_number(b, "weekly_goal", m->weekly_goal > 0 ? m->weekly_goal : NAN);
    sellers_member(b, m);
    json_builder_set_member_name(b, "by");
    if (period_name(m->by) != NULL)
        json_builder_add_string_value(b, period_name(m->by));
    else
        json_builder_add_null_value(b);
    rows_member(b, "periods", "period", m->periods, FALSE);
    rows_member(b, "industries", "industry", m->industries, FALSE);
    rows_member(b, "regions", "region", m->regions, FALSE);
    calibration_member(b, m);
    json_builder_set_member_name(b, "success");
    json_builder_add_string_value(b, m->success == WP_CALIBRATION_INTRODUCED ? "introduced"
                                                                             : "meeting");
    member_int(b, "calibrated", m->calibrated);
    member_int(b, "left_out_open", m->left_out_open);
    member_int(b, "left_out_unknown", m->left_out_unknown);
    member_number(b, "brier", m->brier);
    member_number(b, "brier_reference", m->brier_reference);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}

static char *fmt(const char *format, double value)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return isfinite(value) ? g_strdup(g_ascii_formatd(buf, sizeof buf, format, value)) : NULL;
}

static void summary_row(WpTable *t, const char *metric, char *value, const char *detail)
{
    const char *cells[] = {metric, value, detail};
    wp_table_add_row(t, cells);
    g_free(value);
}

WpTable *wp_metrics_summary_table(const WpMetrics *m)
{
    g_return_val_if_fail(m != NULL, NULL);
    WpTable *t = wp_table_new();
    wp_table_add_column(t, "metric", FALSE);
    wp_table_add_column(t, "value", TRUE);
    wp_table_add_column(t, "detail", FALSE);
    for (guint s = 0; s < WP_ASK_N_STATES; s++) {
        g_autofree char *name = g_strdup_printf("funnel.%s", wp_ask_state_name((WpAskState)s));
        summary_row(t, name, g_strdup_printf("%u", m->funnel[s]),
                    s == WP_ASK_ASKED ? "asks made" : NULL);
    }
    for (guint i = 0; i < G_N_ELEMENTS(conversions); i++) {
        g_autofree char *name =
            g_strdup_printf("conversion.%s-%s", wp_ask_state_name(conversions[i][0]),
                            wp_ask_state_name(conversions[i][1]));
        summary_row(t, name,
                    fmt("%.2f", rate(m->funnel[conversions[i][1]], m->funnel[conversions[i][0]])),
                    NULL);
    }
    summary_row(t, "revenue", fmt("%.2f", m->total.revenue), "the amounts of won asks");
    summary_row(t, "pipeline", fmt("%.2f", m->total.pipeline), "the amounts of open opportunities");
    g_autofree char *intro = g_strdup_printf("%u introduced asks", m->days_to_introduced->len);
    summary_row(t, "days_to_introduced.median",
                fmt("%.1f", wp_metrics_median(m->days_to_introduced)), intro);
    summary_row(t, "days_to_introduced.mean", fmt("%.1f", wp_metrics_mean(m->days_to_introduced)),
                NULL);
    g_autofree char *meet =
        g_strdup_printf("%u asks that led to a meeting", m->days_to_meeting->len);
    summary_row(t, "days_to_meeting.median", fmt("%.1f", wp_metrics_median(m->days_to_meeting)),
                meet);
    summary_row(t, "days_to_meeting.mean", fmt("%.1f", wp_metrics_mean(m->days_to_meeting)), NULL);
    g_autofree char *cal = g_strdup_printf(
        "%u asks with a known outcome; %u open asks too young and %u without a prediction left out",
        m->calibrated, m->left_out_open, m->left_out_unknown);
    summary_row(t, "brier", fmt("%.4f", m->brier), cal);
    summary_row(t, "brier_reference", fmt("%.4f", m->brier_reference),
                "always predicting the observed rate");
    return t;
}

static void group_rows(WpTable *t, const char *group, const GArray *rows, gsize size)
{
    for (guint i = 0; i < rows->len; i++) {
        const WpMetricsRow *r = (const WpMetricsRow *)(rows->data + i * size);
        char n[6][16];
        g_snprintf(n[0], 16, "%u", r->asks);
        g_snprintf(n[1], 16, "%u", r->agreed);
        g_snprintf(n[2], 16, "%u", r->introduced);
        g_snprintf(n[3], 16, "%u", r->meetings);
        g_snprintf(n[4], 16, "%u", r->opportunities);
        g_snprintf(n[5], 16, "%u", r->won);
        g_autofree char *revenue = fmt("%.2f", r->revenue);
        g_autofree char *pipeline = fmt("%.2f", r->pipeline);
        const char *cells[] = {group, r->key, r->name, n[0],    n[1],    n[2],
                               n[3],  n[4],   n[5],    revenue, pipeline};
        wp_table_add_row(t, cells);
    }
}

WpTable *wp_metrics_groups_table(const WpMetrics *m)
{
    g_return_val_if_fail(m != NULL, NULL);
    WpTable *t = wp_table_new();
    static const char *const text[] = {"group", "key", "name"};
    static const char *const numbers[] = {"asks",          "agreed", "introduced", "meetings",
                                          "opportunities", "won",    "revenue",    "pipeline"};
    for (guint i = 0; i < G_N_ELEMENTS(text); i++)
        wp_table_add_column(t, text[i], FALSE);
    for (guint i = 0; i < G_N_ELEMENTS(numbers); i++)
        wp_table_add_column(t, numbers[i], TRUE);
    GArray total = {.data = (gchar *)&m->total, .len = 1};
    group_rows(t, "all", &total, sizeof(WpMetricsRow));
    group_rows(t, "source", m->sources, sizeof(WpMetricsRow));
    group_rows(t, "seller", m->sellers, sizeof(WpSellerGoal));
    if (period_name(m->by) != NULL)
        group_rows(t, period_name(m->by), m->periods, sizeof(WpMetricsRow));
    group_rows(t, "industry", m->industries, sizeof(WpMetricsRow));
    group_rows(t, "region", m->regions, sizeof(WpMetricsRow));
    return t;
}

WpTable *wp_metrics_calibration_table(const WpMetrics *m)
{
    g_return_val_if_fail(m != NULL, NULL);
    WpTable *t = wp_table_new();
    wp_table_add_column(t, "predicted", FALSE);
    wp_table_add_column(t, "asks", TRUE);
    wp_table_add_column(t, "succeeded", TRUE);
    wp_table_add_column(t, "observed", TRUE);
    wp_table_add_column(t, "mean_predicted", TRUE);
    for (guint i = 0; i < WP_CALIBRATION_BINS; i++) {
        const WpCalibrationBin *c = &m->calibration[i];
        g_autofree char *lo = fmt("%.1f", c->predicted_min);
        g_autofree char *hi = fmt("%.1f", c->predicted_max);
        g_autofree char *range = g_strconcat(lo, "-", hi, NULL);
        g_autofree char *asks = g_strdup_printf("%u", c->asks);
        g_autofree char *ok = g_strdup_printf("%u", c->succeeded);
        g_autofree char *observed = fmt("%.2f", rate(c->succeeded, c->asks));
        g_autofree char *mean = c->asks > 0 ? fmt("%.2f", c->mean_predicted) : NULL;
        const char *cells[] = {range, asks, ok, observed, mean};
        wp_table_add_row(t, cells);
    }
    return t;
}
