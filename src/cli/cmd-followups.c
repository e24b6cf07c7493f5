/* SPDX-License-Identifier: MIT */
/* warmpath followups and warmpath metrics: what the ledger's history says, thin over the
 * library (followups.h, metrics.h). */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    CliSellers who; /* first: cli_on_team() finds it at the group's data */
    char *ledger;
    char *since;
    char *until;
    char *by;
    char *chart;
    char **where;
    char *success;
} HistoryOptions;

static void history_options_clear(HistoryOptions *o)
{
    cli_sellers_clear(&o->who);
    g_free(o->ledger);
    g_free(o->since);
    g_free(o->until);
    g_free(o->by);
    g_free(o->chart);
    g_strfreev(o->where);
    g_free(o->success);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(HistoryOptions, history_options_clear)

/* --from, --team and --ledger, in a group whose callbacks see @o. */
static void add_history_options(GOptionContext *context, HistoryOptions *o, const char *what)
{
    const GOptionEntry entries[] = {
        {"from", 0, 0, G_OPTION_ARG_STRING, &o->who.from,
         "Only these sellers' asks (ids or names, comma-separated; default: everyone's)", "SELLER"},
        {"team", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer)cli_on_team,
         "Only the asks of a team's sellers (--team=NAME: that team)", "NAME"},
        {"ledger", 'l', 0, G_OPTION_ARG_FILENAME, &o->ledger,
         "The ledger database (default: DIR/ledger.db of --data), or a ledger export FILE.csv",
         "FILE"},
        G_OPTION_ENTRY_NULL};
    GOptionGroup *group = g_option_group_new("history", what, "Show history options", o, NULL);
    g_option_group_add_entries(group, entries);
    g_option_context_set_main_group(context, group);
}

/* The network (for names, paths and the buyers' attributes), the sellers the options name (NULL
 * = everyone), and the asks of the ledger. Returns the exit code; 0 with everything set. */
static int load_history(const char *command, const CliCommon *common, const HistoryOptions *o,
                        WpDay since, WpDay until, WpScoring **scoring, char ***seller_ids,
                        GPtrArray **asks)
{
    g_autofree char *file = cli_ledger_file(command, o->ledger, common->data_dir);
    if (file == NULL)
        return CLI_EXIT_USAGE;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpScoring) s = cli_load_scoring(common, &error);
    if (s == NULL)
        return cli_fail(error);
    g_auto(GStrv) ids = NULL;
    if (o->who.from != NULL || o->who.team) {
        const WpGraph *g = wp_scoring_graph(s);
        g_autoptr(GArray) sellers = cli_sellers_select(&o->who, g, &error);
        if (sellers == NULL)
            return cli_fail_select(command, g, error);
        ids = wp_select_ids(g, sellers);
    }
    WpAskFilter filter = {(const char *const *)ids, since, until};
    *asks = cli_read_asks(file, &filter, &error);
    if (*asks == NULL)
        return cli_fail(error);
    *scoring = g_steal_pointer(&s);
    *seller_ids = g_steal_pointer(&ids);
    return CLI_EXIT_OK;
}

static int print_table(const CliCommon *common, WpTable *table, GString *out)
{
    cli_table_render(table, common->format_value, cli_output_is_terminal(common) ? 60 : 0, out);
    return CLI_EXIT_OK;
}

int cmd_followups(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_auto(HistoryOptions) o = {0};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(
        context, "What to do today about the asks in the ledger, most overdue first: thank the "
                 "source (within a day of agreeing), report to the source (after the "
                 "introduction or the meeting), thank them after a sale, nudge a source who has "
                 "not answered for the profile's [ledger] nudge_after_days, ask the next best "
                 "source when an ask was declined or lapsed (and reconnect first when that tie "
                 "has gone cold), and ask a new client for referrals to the buyers they can reach "
                 "in the profile's [territory] (docs/ledger.md \"Follow-ups\").");
    g_option_context_set_description(
        context, "--as-of DATE replays the ledger as it stood that day (later events are "
                 "ignored).\n\nExit codes: 0 ok (also when nothing is due), 1 failure (the "
                 "ledger), 2 usage, 3 bad data, 4 unknown or ambiguous seller.");
    const GOptionEntry entries[] = {
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
         "The territory a new client's reach is counted in, repeatable (AND; default: the "
         "profile's [territory])",
         "EXPR"},
        G_OPTION_ENTRY_NULL};
    add_history_options(context, &o, "Whose asks");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_common_add_options(context, &common, CLI_FORMATS_TEXT);
    if (!cli_parse_command(context, &argc, &argv, &common, CLI_FORMATS_TEXT, "followups"))
        return CLI_EXIT_USAGE;
    g_autoptr(WpScoring) scoring = NULL;
    g_auto(GStrv) ids = NULL;
    g_autoptr(GPtrArray) asks = NULL;
    int rc =
        load_history("followups", &common, &o, WP_DAY_NONE, WP_DAY_NONE, &scoring, &ids, &asks);
    if (rc != CLI_EXIT_OK)
        return rc;
    const WpModel *model = wp_scoring_model(scoring);
    WpFollowupOptions fo = {.nudge_after_days = wp_model_nudge_after_days(model),
                            .territory = (const char *const *)o.where};
    WpDay as_of = wp_scoring_as_of(scoring);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) followups = wp_followups_compute(asks, scoring, as_of, &fo, NULL, &error);
    if (followups == NULL)
        return cli_fail_for("followups", error);
    gboolean ok;
    if (common.format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_followups_to_json(followups, as_of);
        ok = cli_emit_json(&common, root, &error);
    } else {
        g_autoptr(GString) out = g_string_new(NULL);
        g_autoptr(WpTable) table = wp_followups_table(followups);
        if (common.format_value == CLI_FORMAT_TABLE && followups->len == 0) {
            char day[11];
            wp_day_format(as_of, day);
            g_string_append_printf(out, "No follow-ups due as of %s.\n", day);
        } else
            print_table(&common, table, out);
        ok = cli_emit(&common, out->str, out->len, &error);
    }
    return ok ? CLI_EXIT_OK : cli_fail(error);
}

static int parse_day(const char *option, const char *text, WpDay *out)
{
    *out = WP_DAY_NONE;
    if (text != NULL && !wp_day_parse(text, out))
        return cli_usage_error("metrics", "%s: '%s' is not a date YYYY-MM-DD", option, text);
    return CLI_EXIT_OK;
}

static int check_metrics_options(const HistoryOptions *o, WpMetricsOptions *mo)
{
    int rc = parse_day("--since", o->since, &mo->since);
    if (rc == CLI_EXIT_OK)
        rc = parse_day("--until", o->until, &mo->until);
    if (rc != CLI_EXIT_OK)
        return rc;
    if (mo->since != WP_DAY_NONE && mo->until != WP_DAY_NONE && mo->since > mo->until)
        return cli_usage_error("metrics", "--since %s is after --until %s", o->since, o->until);
    if (o->by != NULL && strcmp(o->by, "week") != 0 && strcmp(o->by, "month") != 0)
        return cli_usage_error("metrics", "--by: expected week or month, not '%s'", o->by);
    mo->by = o->by == NULL                ? WP_METRICS_BY_NONE
             : strcmp(o->by, "week") == 0 ? WP_METRICS_BY_WEEK
                                          : WP_METRICS_BY_MONTH;
    if (o->success != NULL && strcmp(o->success, "meeting") != 0 &&
        strcmp(o->success, "introduced") != 0)
        return cli_usage_error("metrics", "--success: expected meeting or introduced, not '%s'",
                               o->success);
    mo->success = o->success != NULL && strcmp(o->success, "introduced") == 0
                      ? WP_CALIBRATION_INTRODUCED
                      : WP_CALIBRATION_MEETING;
    if (o->chart != NULL && !g_str_has_suffix(o->chart, ".png") &&
        !g_str_has_suffix(o->chart, ".svg"))
        return cli_usage_error("metrics", "--chart: the file name must end in .png or .svg");
    return CLI_EXIT_OK;
}

static gboolean emit_metrics(const CliCommon *common, const WpMetrics *m, GError **error)
{
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_metrics_to_json(m);
        return cli_emit_json(common, root, error);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    g_autoptr(WpTable) groups = wp_metrics_groups_table(m);
    if (common->format_value == CLI_FORMAT_TABLE) {
        g_autoptr(WpTable) summary = wp_metrics_summary_table(m);
        g_autoptr(WpTable) calibration = wp_metrics_calibration_table(m);
        print_table(common, summary, out);
        g_string_append_c(out, '\n');
        print_table(common, groups, out);
        g_string_append(out, m->success == WP_CALIBRATION_INTRODUCED
                                 ? "\nCalibration (success: the introduction was made):\n"
                                 : "\nCalibration (success: the buyer met the seller):\n");
        print_table(common, calibration, out);
    } else
        print_table(common, groups, out);
    return cli_emit(common, out->str, out->len, error);
}

int cmd_metrics(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_auto(HistoryOptions) o = {0};
    const GOptionEntry entries[] = {
        {"since", 0, 0, G_OPTION_ARG_STRING, &o.since, "Only asks made on or after this day",
         "YYYY-MM-DD"},
        {"until", 0, 0, G_OPTION_ARG_STRING, &o.until, "Only asks made on or before this day",
         "YYYY-MM-DD"},
        {"by", 0, 0, G_OPTION_ARG_STRING, &o.by,
         "Also count each step by the week or month it happened in", "week|month"},
        {"success", 0, 0, G_OPTION_ARG_STRING, &o.success,
         "What calibration counts as success: meeting (default: the path worked end to end, "
         "what its chance predicts) or introduced",
         "meeting|introduced"},
        {"chart", 0, 0, G_OPTION_ARG_FILENAME, &o.chart,
         "Draw the funnel and the calibration curve to FILE.png or FILE.svg", "FILE"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(
        context,
        "Referral metrics from the ledger: the funnel (how many asks reached each state; a "
        "skipped state counts as reached), conversion between steps, revenue (the amounts of won "
        "asks), days to the introduction and to the meeting, per source, per seller (against the "
        "profile's [ledger] weekly_goal of meetings), per week or month, per buyer industry and "
        "region, and calibration: predicted chances against what happened, with the Brier score "
        "(docs/ledger.md \"Metrics\").");
    g_option_context_set_description(
        context, "--format csv prints the breakdowns as one table (group, key, ...); json prints "
                 "everything.\n\nExit codes: 0 ok, 1 failure (the ledger, the chart), 2 usage, 3 "
                 "bad data, 4 unknown or ambiguous seller.");
    add_history_options(context, &o, "Whose asks");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_common_add_options(context, &common, CLI_FORMATS_TEXT);
    if (!cli_parse_command(context, &argc, &argv, &common, CLI_FORMATS_TEXT, "metrics"))
        return CLI_EXIT_USAGE;
    WpMetricsOptions mo = WP_METRICS_OPTIONS_INIT;
    int rc = check_metrics_options(&o, &mo);
    if (rc != CLI_EXIT_OK)
        return rc;
    g_autoptr(WpScoring) scoring = NULL;
    g_auto(GStrv) ids = NULL;
    g_autoptr(GPtrArray) asks = NULL;
    rc = load_history("metrics", &common, &o, mo.since, mo.until, &scoring, &ids, &asks);
    if (rc != CLI_EXIT_OK)
        return rc;
    const WpModel *model = wp_scoring_model(scoring);
    mo.seller_ids = (const char *const *)ids;
    mo.as_of = common.as_of != NULL ? wp_scoring_as_of(scoring) : WP_DAY_NONE;
    mo.nudge_after_days = wp_model_nudge_after_days(model);
    mo.weekly_goal = wp_model_weekly_goal(model);
    g_autoptr(WpMetrics) m = wp_metrics_compute(asks, wp_scoring_graph(scoring), &mo);
    g_autoptr(GError) error = NULL;
    if (o.chart != NULL && !wp_metrics_chart(m, o.chart, &error))
        return cli_fail(error);
    return emit_metrics(&common, m, &error) ? CLI_EXIT_OK : cli_fail(error);
}
