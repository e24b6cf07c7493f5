/* SPDX-License-Identifier: MIT */
/* Referral metrics from the ledger: the funnel, conversion, revenue, time to introduction, who
 * really refers, each seller against a weekly goal, weeks or months, new markets, and how well
 * the model's predicted chances match what happened (calibration). See docs/ledger.md
 * "Metrics" and "Calibration". */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/ledger.h"
#include "warmpath/report.h"

G_BEGIN_DECLS

typedef enum { WP_METRICS_BY_NONE, WP_METRICS_BY_WEEK, WP_METRICS_BY_MONTH } WpMetricsPeriod;

/**
 * WpCalibrationSuccess:
 * @WP_CALIBRATION_MEETING: the path worked end to end: the buyer met the seller (meeting or a
 *   later state: opportunity, won, lost). What a path's probability predicts: it multiplies
 *   every tie of the path, the last one the buyer's (the default)
 * @WP_CALIBRATION_INTRODUCED: the introduction was made (wp_ask_state_introduced())
 *
 * What calibration counts as an ask that succeeded (docs/ledger.md "Calibration").
 */
typedef enum { WP_CALIBRATION_MEETING, WP_CALIBRATION_INTRODUCED } WpCalibrationSuccess;

/**
 * WpMetricsOptions:
 * @seller_ids: (nullable): NULL-terminated: only asks by these sellers (network ids)
 * @since: (inclusive) only asks asked on or after this day; WP_DAY_NONE = no bound
 * @until: (inclusive) only asks asked on or before it; WP_DAY_NONE = no bound
 * @as_of: the day the ledger is read as of: later events are ignored; WP_DAY_NONE = @until if
 *   set, else today
 * @nudge_after_days: open asks younger than this are left out of calibration; 0 = 7
 * @weekly_goal: referral meetings a seller aims to set each week (the profile's [ledger]
 *   weekly_goal); 0 = none
 * @by: the periods of WpMetrics.periods
 * @success: what calibration counts as success
 *
 * Initialise with WP_METRICS_OPTIONS_INIT: day 0 is a real day, so zero is not "no bound".
 */
typedef struct {
    const char *const *seller_ids;
    WpDay since;
    WpDay until;
    WpDay as_of;
    guint nudge_after_days;
    double weekly_goal;
    WpMetricsPeriod by;
    WpCalibrationSuccess success;
} WpMetricsOptions;

#define WP_METRICS_OPTIONS_INIT                                                                    \
    {                                                                                              \
        NULL, WP_DAY_NONE, WP_DAY_NONE, WP_DAY_NONE, 0, 0.0, WP_METRICS_BY_NONE,                   \
            WP_CALIBRATION_MEETING                                                                 \
    }

/**
 * WpMetricsRow:
 * @key: what the row counts: a person's id, a period ("2026-03-02" for the week starting that
 *   Monday, "2026-03" for a month), an industry or region ("unknown" when the buyer has none or
 *   has left the network); owned
 * @name: (nullable): a person's name as the ledger recorded it; owned
 * @asks: asks made
 * @agreed: of them, reaching `agreed` (or later: a later state implies it)
 * @introduced: reaching `introduced` or later
 * @meetings: reaching `meeting` or later
 * @opportunities: reaching `opportunity` or later
 * @won: ending in `won`
 * @revenue: the amounts of the won asks
 * @pipeline: the amounts of asks at `opportunity` (open)
 *
 * One line of a breakdown. For sources, sellers, industries and regions the counts follow the
 * asks made (a cohort); for periods each count is dated by the day its step was first reached
 * (asks by the day asked, meetings by the meeting's day, revenue by the day won).
 */
typedef struct {
    char *key;
    char *name;
    guint asks;
    guint agreed;
    guint introduced;
    guint meetings;
    guint opportunities;
    guint won;
    double revenue;
    double pipeline;
} WpMetricsRow;

/**
 * WpCalibrationBin:
 * @predicted_min: the bin's lower edge (inclusive)
 * @predicted_max: its upper edge (exclusive, but 1.0 for the last bin)
 * @asks: asks whose predicted probability fell in the bin
 * @succeeded: of them, those that succeeded (WpCalibrationSuccess)
 * @mean_predicted: their mean predicted probability (0 when empty)
 */
typedef struct {
    double predicted_min;
    double predicted_max;
    guint asks;
    guint succeeded;
    double mean_predicted;
} WpCalibrationBin;

#define WP_CALIBRATION_BINS 10

/**
 * WpSellerGoal:
 * @row: the seller's counts
 * @weeks: the weeks the figures span (at least 1)
 * @asks_per_week: @row.asks / @weeks
 * @meetings_per_week: @row.meetings / @weeks (meetings of the asks counted)
 * @goal_met: a weekly goal is set and @meetings_per_week reaches it
 */
typedef struct {
    WpMetricsRow row;
    double weeks;
    double asks_per_week;
    double meetings_per_week;
    gboolean goal_met;
} WpSellerGoal;

/**
 * WpMetrics:
 * @since, @until: the range the asks were selected by (WP_DAY_NONE: open)
 * @as_of: the day the ledger was read as of
 * @total: every selected ask's counts (key "all")
 * @funnel: per WpAskState, how many asks ever reached it; a state skipped on the way to a later
 *   one counts as reached (`meeting` straight after `asked` implies agreed and introduced); the
 *   failure states (declined, no-answer, no-response, lost) count only when recorded
 * @days_to_introduced: (element-type gint32): per introduced ask, days from asked to the first
 *   event that implies the introduction; sorted
 * @days_to_meeting: (element-type gint32): likewise to the first that implies a meeting
 * @sources: (element-type WpMetricsRow): per referral source, most won first (then introduced,
 *   asks, id)
 * @sellers: (element-type WpSellerGoal): per seller, by id
 * @periods: (element-type WpMetricsRow): per week or month in order, empty without @by
 * @industries: (element-type WpMetricsRow): per industry of the buyers, most asks first
 * @regions: (element-type WpMetricsRow): per region of the buyers, most asks first
 * @success: what calibration counted as success
 * @calibration: the asks whose predicted probability is known and whose outcome is known:
 *   succeeded, ended, or open for at least nudge_after_days (then counted as not succeeded)
 * @calibrated: how many asks are in @calibration
 * @left_out_open: open asks younger than nudge_after_days, left out of @calibration
 * @left_out_unknown: asks recorded without a predicted probability
 * @brier: mean squared difference between predicted probability and outcome (1 succeeded,
 *   0 not) over @calibration; NAN when empty
 * @brier_reference: the Brier score of always predicting the observed rate (what a model that
 *   knows nothing about single asks scores); NAN when empty
 * @weekly_goal: the goal used (0 = none)
 */
typedef struct {
    WpDay since;
    WpDay until;
    WpDay as_of;
    WpMetricsRow total;
    guint funnel[WP_ASK_N_STATES];
    GArray *days_to_introduced;
    GArray *days_to_meeting;
    GArray *sources;
    GArray *sellers;
    GArray *periods;
    WpMetricsPeriod by;
    GArray *industries;
    GArray *regions;
    WpCalibrationSuccess success;
    WpCalibrationBin calibration[WP_CALIBRATION_BINS];
    guint calibrated;
    guint left_out_open;
    guint left_out_unknown;
    double brier;
    double brier_reference;
    double weekly_goal;
} WpMetrics;

/**
 * wp_metrics_compute:
 * @asks: (element-type WpAsk): the ledger's asks (requests count; given introductions not)
 * @graph: (nullable): the network, for the buyers' industry and region (by network id); NULL
 *   puts every buyer under "unknown"
 * @options: what to count (WP_METRICS_OPTIONS_INIT: everything)
 *
 * Cannot fail. Time: O(asks x events + groups log groups). Memory: the result.
 *
 * Returns: (transfer full): the metrics; free with wp_metrics_free()
 */
WP_API WpMetrics *wp_metrics_compute(const GPtrArray *asks, const WpGraph *graph,
                                     const WpMetricsOptions *options);
/* NULL is a no-op. Time: O(rows). */
WP_API void wp_metrics_free(WpMetrics *metrics);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpMetrics, wp_metrics_free)

/* The median of a sorted day list, NAN when empty. Time: O(1). */
WP_API double wp_metrics_median(const GArray *days);
/* The mean of a day list, NAN when empty. Time: O(n). */
WP_API double wp_metrics_mean(const GArray *days);

/**
 * wp_metrics_to_json:
 *
 * {"since", "until", "as_of", "asks", "funnel": {STATE: count...}, "conversion": [{"from",
 * "to", "rate"}...], "revenue", "pipeline", "days_to_introduced": {"asks", "median", "mean"},
 * "days_to_meeting": {...}, "sources": [{"id", "name", "asks", "agreed", "introduced",
 * "meetings", "opportunities", "won", "revenue", "pipeline"}...], "sellers": [{... ,
 * "weeks", "asks_per_week", "meetings_per_week", "goal_met"}], "weekly_goal", "by", "periods":
 * [{"period", ...}], "industries": [{"industry", ...}], "regions": [{"region", ...}],
 * "calibration":
 * [{"predicted_min", "predicted_max", "asks", "succeeded", "mean_predicted"}...],
 * "success" ("meeting" or "introduced"), "calibrated", "left_out_open", "left_out_unknown",
 * "brier", "brier_reference"}; rates and scores are null when undefined. Time: O(rows).
 *
 * Returns: (transfer full): free with json_node_unref()
 */
WP_API JsonNode *wp_metrics_to_json(const WpMetrics *metrics);

/* The summary `warmpath metrics` prints first: metric, value, detail (funnel.asked ...,
 * conversion.asked-agreed, revenue, days_to_introduced.median, brier, ...). Time: O(1).
 * Returns: (transfer full): free with wp_table_free() */
WP_API WpTable *wp_metrics_summary_table(const WpMetrics *metrics);
/* Every breakdown as one table: group ("all", "source", "seller", "week" or "month",
 * "industry", "region"), key, name, asks, agreed, introduced, meetings, opportunities, won,
 * revenue, pipeline. Time: O(rows). Returns: (transfer full): free with wp_table_free() */
WP_API WpTable *wp_metrics_groups_table(const WpMetrics *metrics);
/* Calibration as rows: predicted (range), asks, succeeded, observed (rate), mean_predicted.
 * Time: O(1). Returns: (transfer full): free with wp_table_free() */
WP_API WpTable *wp_metrics_calibration_table(const WpMetrics *metrics);

/**
 * wp_metrics_chart:
 * @metrics: what to draw
 * @filename: where to write; the format is the extension: `.png` or `.svg`
 * @error: return location for a GError, or NULL
 *
 * Draws the funnel (a bar per step of the referral chain, with counts and the conversion from
 * the step before) beside the calibration curve (observed success rate against mean predicted
 * probability per bin, each point sized by its asks, with the diagonal of perfect calibration
 * and the Brier score), with cairo. Fails with WP_ERROR_USAGE for another extension, and with
 * WP_ERROR_RENDER or GLib's file errors when the file cannot be written (nothing partial is
 * left). Time: O(1) drawing, plus encoding the picture.
 *
 * Returns: TRUE on success
 */
WP_API gboolean wp_metrics_chart(const WpMetrics *metrics, const char *filename, GError **error);

G_END_DECLS
