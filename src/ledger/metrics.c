/* SPDX-License-Identifier: MIT */
/* Referral metrics: the funnel, breakdowns and calibration, from the asks' histories. */
#include "warmpath/metrics.h"

#include <math.h>
#include <string.h>

#include "ledger/analytics-private.h"

/* The state each step of the chain is. */
static const WpAskState step_state[WP_I_N_STEPS] = {
    WP_ASK_ASKED, WP_ASK_AGREED, WP_ASK_INTRODUCED, WP_ASK_MEETING, WP_ASK_OPPORTUNITY, WP_ASK_WON,
};

/* One ask as of the metrics' day: how far it got and when. */
typedef struct {
    const WpAsk *ask;
    WpAskState state;          /* its state on the as-of day */
    int top;                   /* the furthest WpIStep reached */
    WpDay first[WP_I_N_STEPS]; /* the day each step was first reached (implied included) */
    gboolean recorded[WP_ASK_N_STATES];
    double amount; /* the won event's amount, else the last one recorded; 0 */
} AskView;

static void view_ask(const WpAsk *ask, WpDay as_of, AskView *v)
{
    memset(v, 0, sizeof *v);
    v->ask = ask;
    v->state = WP_ASK_ASKED;
    v->top = WP_I_STEP_ASKED;
    for (int s = 0; s < WP_I_N_STEPS; s++)
        v->first[s] = WP_DAY_NONE;
    v->first[WP_I_STEP_ASKED] = ask->asked_on;
    v->recorded[WP_ASK_ASKED] = TRUE;
    gboolean won_amount = FALSE;
    for (guint i = 0; ask->events != NULL && i < ask->events->len; i++) {
        const WpAskEvent *e = g_ptr_array_index(ask->events, i);
        if (e->day > as_of)
            break;
        v->state = e->state;
        v->recorded[e->state] = TRUE;
        int step = wp_i_ask_state_step(e->state);
        for (int s = v->top + 1; s <= step; s++)
            v->first[s] = e->day;
        v->top = MAX(v->top, step);
        if (e->has_amount && !won_amount) {
            v->amount = e->amount;
            won_amount = e->state == WP_ASK_WON;
        }
    }
}

/* Rows by key, in the order first seen; the key is copied. */
typedef struct {
    GArray *rows;
    GHashTable *index; /* key (a copy) -> position + 1: rows move as the array grows */
    gsize size;        /* element size: WpMetricsRow or WpSellerGoal (which starts with one) */
} Groups;

static void row_clear(gpointer data)
{
    WpMetricsRow *r = data;
    g_free(r->key);
    g_free(r->name);
}

static void groups_init(Groups *g, gsize size)
{
    g->rows = g_array_new(FALSE, TRUE, size);
    g_array_set_clear_func(g->rows, row_clear);
    g->index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g->size = size;
}

static WpMetricsRow *groups_row(Groups *g, const char *key, const char *name)
{
    guint at = GPOINTER_TO_UINT(g_hash_table_lookup(g->index, key));
    if (at == 0) {
        g_array_set_size(g->rows, g->rows->len + 1);
        at = g->rows->len;
        WpMetricsRow *r = (WpMetricsRow *)(g->rows->data + (at - 1) * g->size);
        r->key = g_strdup(key);
        r->name = g_strdup(name);
        g_hash_table_insert(g->index, g_strdup(key), GUINT_TO_POINTER(at));
    }
    return (WpMetricsRow *)(g->rows->data + (at - 1) * g->size);
}

static GArray *groups_steal(Groups *g)
{
    g_hash_table_unref(g->index);
    return g->rows;
}

/* Counts the ask into a cohort row. */
static void row_add(WpMetricsRow *r, const AskView *v)
{
    r->asks++;
    r->agreed += v->top >= WP_I_STEP_AGREED;
    r->introduced += v->top >= WP_I_STEP_INTRODUCED;
    r->meetings += v->top >= WP_I_STEP_MEETING;
    r->opportunities += v->top >= WP_I_STEP_OPPORTUNITY;
    if (v->state == WP_ASK_WON) {
        r->won++;
        r->revenue += v->amount;
    } else if (v->state == WP_ASK_OPPORTUNITY)
        r->pipeline += v->amount;
}

static void period_key(WpMetricsPeriod by, WpDay day, char key[11])
{
    if (by == WP_METRICS_BY_WEEK) {
        int weekday = ((day + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday; 0 = Monday */
        wp_day_format(day - weekday, key);
    } else {
        wp_day_format(day, key);
        key[7] = '\0';
    }
}

/* Counts each step of the ask in the period it happened in. */
static void periods_add(Groups *g, WpMetricsPeriod by, const AskView *v)
{
    char key[11];
    for (int s = 0; s <= v->top; s++) {
        if (s == WP_I_STEP_WON && v->state != WP_ASK_WON)
            break;
        period_key(by, v->first[s], key);
        WpMetricsRow *r = groups_row(g, key, NULL);
        switch (s) {
        case WP_I_STEP_ASKED:
            r->asks++;
            break;
        case WP_I_STEP_AGREED:
            r->agreed++;
            break;
        case WP_I_STEP_INTRODUCED:
            r->introduced++;
            break;
        case WP_I_STEP_MEETING:
            r->meetings++;
            break;
        case WP_I_STEP_OPPORTUNITY:
            r->opportunities++;
            if (v->state == WP_ASK_OPPORTUNITY)
                r->pipeline += v->amount;
            break;
        default:
            r->won++;
            r->revenue += v->amount;
            break;
        }
    }
}

static const char *buyer_attr(const WpGraph *graph, const WpAsk *ask, const char *column)
{
    WpPerson p = graph != NULL ? wp_graph_find_id(graph, ask->target.id) : WP_PERSON_NONE;
    const char *value = p != WP_PERSON_NONE ? wp_graph_person_attr(graph, p, column) : NULL;
    return value != NULL ? value : "unknown";
}

static void calibrate(WpMetrics *m, const AskView *v, guint nudge)
{
    double p = v->ask->probability;
    if (!(p >= 0 && p <= 1)) {
        m->left_out_unknown++;
        return;
    }
    gboolean success = m->success == WP_CALIBRATION_INTRODUCED ? wp_ask_state_introduced(v->state)
                                                               : v->top >= WP_I_STEP_MEETING;
    if (!success && !wp_ask_state_is_final(v->state) && m->as_of - v->ask->asked_on < (gint)nudge) {
        m->left_out_open++;
        return;
    }
    WpCalibrationBin *bin =
        &m->calibration[MIN((guint)(p * WP_CALIBRATION_BINS), WP_CALIBRATION_BINS - 1)];
    bin->asks++;
    bin->succeeded += success;
    bin->mean_predicted += p; /* a sum until the end */
    m->brier += (p - success) * (p - success);
    m->calibrated++;
}

static gboolean selected(const WpAsk *ask, const WpMetricsOptions *o, WpDay as_of)
{
    if (ask->kind != WP_ASK_KIND_REQUEST || ask->asked_on > as_of)
        return FALSE;
    if (o->since != WP_DAY_NONE && ask->asked_on < o->since)
        return FALSE;
    if (o->until != WP_DAY_NONE && ask->asked_on > o->until)
        return FALSE;
    return o->seller_ids == NULL || g_strv_contains(o->seller_ids, ask->seller.id);
}

static gint compare_gint32(gconstpointer a, gconstpointer b)
{
    gint32 x = *(const gint32 *)a, y = *(const gint32 *)b;
    return x < y ? -1 : x > y;
}

static gint compare_sources(gconstpointer a, gconstpointer b)
{
    const WpMetricsRow *x = a, *y = b;
    if (x->won != y->won)
        return x->won > y->won ? -1 : 1;
    if (x->introduced != y->introduced)
        return x->introduced > y->introduced ? -1 : 1;
    if (x->asks != y->asks)
        return x->asks > y->asks ? -1 : 1;
    return strcmp(x->key, y->key);
}

static gint compare_by_asks(gconstpointer a, gconstpointer b)
{
    const WpMetricsRow *x = a, *y = b;
    if (x->asks != y->asks)
        return x->asks > y->asks ? -1 : 1;
    return strcmp(x->key, y->key);
}

static gint compare_keys(gconstpointer a, gconstpointer b)
{
    return strcmp(((const WpMetricsRow *)a)->key, ((const WpMetricsRow *)b)->key);
}

/* Calibration sums become means; the Brier score and its reference are set. */
static void finish_calibration(WpMetrics *m)
{
    guint succeeded = 0;
    for (guint b = 0; b < WP_CALIBRATION_BINS; b++) {
        WpCalibrationBin *bin = &m->calibration[b];
        bin->predicted_min = (double)b / WP_CALIBRATION_BINS;
        bin->predicted_max = (double)(b + 1) / WP_CALIBRATION_BINS;
        if (bin->asks > 0)
            bin->mean_predicted /= bin->asks;
        succeeded += bin->succeeded;
    }
    if (m->calibrated == 0) {
        m->brier = m->brier_reference = NAN;
        return;
    }
    m->brier /= m->calibrated;
    double rate = (double)succeeded / m->calibrated;
    m->brier_reference = rate * (1 - rate);
}

/* The weeks the figures span: from the first day counted (since, else the first ask) to the
 * last (until, else the as-of day). */
static void finish_sellers(WpMetrics *m, WpDay first_ask)
{
    WpDay from = m->since != WP_DAY_NONE ? m->since : first_ask;
    WpDay to = m->until != WP_DAY_NONE ? MIN(m->until, m->as_of) : m->as_of;
    double weeks = from == WP_DAY_NONE ? 1 : MAX(1.0, (to - from + 1) / 7.0);
    for (guint i = 0; i < m->sellers->len; i++) {
        WpSellerGoal *s = &g_array_index(m->sellers, WpSellerGoal, i);
        s->weeks = weeks;
        s->asks_per_week = s->row.asks / weeks;
        s->meetings_per_week = s->row.meetings / weeks;
        s->goal_met = m->weekly_goal > 0 && s->meetings_per_week >= m->weekly_goal;
    }
}

WpMetrics *wp_metrics_compute(const GPtrArray *asks, const WpGraph *graph,
                              const WpMetricsOptions *options)
{
    g_return_val_if_fail(asks != NULL, NULL);
    WpMetricsOptions o = WP_METRICS_OPTIONS_INIT;
    if (options != NULL)
        o = *options;
    WpMetrics *m = g_new0(WpMetrics, 1);
    m->since = o.since;
    m->until = o.until;
    m->as_of = o.as_of != WP_DAY_NONE ? o.as_of : o.until != WP_DAY_NONE ? o.until : wp_day_today();
    m->by = o.by;
    m->success = o.success;
    m->weekly_goal = o.weekly_goal > 0 ? o.weekly_goal : 0;
    m->total.key = g_strdup("all");
    m->days_to_introduced = g_array_new(FALSE, FALSE, sizeof(gint32));
    m->days_to_meeting = g_array_new(FALSE, FALSE, sizeof(gint32));
    guint nudge = o.nudge_after_days > 0 ? o.nudge_after_days : 7;
    Groups sources, sellers, periods, industries, regions;
    groups_init(&sources, sizeof(WpMetricsRow));
    groups_init(&sellers, sizeof(WpSellerGoal));
    groups_init(&periods, sizeof(WpMetricsRow));
    groups_init(&industries, sizeof(WpMetricsRow));
    groups_init(&regions, sizeof(WpMetricsRow));
    WpDay first_ask = WP_DAY_NONE;
    for (guint i = 0; i < asks->len; i++) {
        const WpAsk *ask = g_ptr_array_index(asks, i);
        if (!selected(ask, &o, m->as_of))
            continue;
        AskView v;
        view_ask(ask, m->as_of, &v);
        if (first_ask == WP_DAY_NONE || ask->asked_on < first_ask)
            first_ask = ask->asked_on;
        for (int s = 0; s <= v.top; s++)
            m->funnel[step_state[s]] += s != WP_I_STEP_WON || v.state == WP_ASK_WON;
        for (guint s = 0; s < WP_ASK_N_STATES; s++)
            if (v.recorded[s] && wp_i_ask_state_step((WpAskState)s) == WP_I_STEP_ASKED &&
                s != WP_ASK_ASKED)
                m->funnel[s]++; /* declined, no-answer */
        m->funnel[WP_ASK_NO_RESPONSE] += v.recorded[WP_ASK_NO_RESPONSE];
        m->funnel[WP_ASK_LOST] += v.recorded[WP_ASK_LOST];
        row_add(&m->total, &v);
        row_add(groups_row(&sources, ask->source.id, ask->source.name), &v);
        row_add(groups_row(&sellers, ask->seller.id, ask->seller.name), &v);
        row_add(groups_row(&industries, buyer_attr(graph, ask, WP_COLUMN_INDUSTRY), NULL), &v);
        row_add(groups_row(&regions, buyer_attr(graph, ask, WP_COLUMN_REGION), NULL), &v);
        if (o.by != WP_METRICS_BY_NONE)
            periods_add(&periods, o.by, &v);
        if (v.top >= WP_I_STEP_INTRODUCED) {
            gint32 d = v.first[WP_I_STEP_INTRODUCED] - ask->asked_on;
            g_array_append_val(m->days_to_introduced, d);
        }
        if (v.top >= WP_I_STEP_MEETING) {
            gint32 d = v.first[WP_I_STEP_MEETING] - ask->asked_on;
            g_array_append_val(m->days_to_meeting, d);
        }
        calibrate(m, &v, nudge);
    }
    g_array_sort(m->days_to_introduced, compare_gint32);
    g_array_sort(m->days_to_meeting, compare_gint32);
    m->sources = groups_steal(&sources);
    g_array_sort(m->sources, compare_sources);
    m->sellers = groups_steal(&sellers);
    g_array_sort(m->sellers, compare_keys);
    m->periods = groups_steal(&periods);
    g_array_sort(m->periods, compare_keys);
    m->industries = groups_steal(&industries);
    g_array_sort(m->industries, compare_by_asks);
    m->regions = groups_steal(&regions);
    g_array_sort(m->regions, compare_by_asks);
    finish_calibration(m);
    finish_sellers(m, first_ask);
    return m;
}

void wp_metrics_free(WpMetrics *metrics)
{
    if (metrics == NULL)
        return;
    row_clear(&metrics->total);
    g_array_unref(metrics->days_to_introduced);
    g_array_unref(metrics->days_to_meeting);
    g_array_unref(metrics->sources);
    g_array_unref(metrics->sellers);
    g_array_unref(metrics->periods);
    g_array_unref(metrics->industries);
    g_array_unref(metrics->regions);
    g_free(metrics);
}

double wp_metrics_median(const GArray *days)
{
    g_return_val_if_fail(days != NULL, NAN);
    if (days->len == 0)
        return NAN;
    const gint32 *d = (const gint32 *)days->data;
    guint n = days->len;
    return n % 2 == 1 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2.0;
}

double wp_metrics_mean(const GArray *days)
{
    g_return_val_if_fail(days != NULL, NAN);
    if (days->len == 0)
        return NAN;
    double sum = 0;
    for (guint i = 0; i < days->len; i++)
        sum += g_array_index(days, gint32, i);
    return sum / days->len;
}
