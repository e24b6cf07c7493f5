/* SPDX-License-Identifier: MIT */
/* warmpath rank: whom do I ask first for this territory? */
#include "cli/rank-output.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAX_COUNT 100000
#define DEFAULT_TABLE_TOP 20
#define DEFAULT_BEST 3
#define DEFAULT_MAX_ASKS 3

/* The command's own options (GOption writes into these). */
typedef struct {
    CliSellers who; /* first: cli_on_team() finds it at the group's data */
    char **where;
    char *targets_file;
    char *top; /* as typed, NULL when not given */
    gint best;
    gint plan;
    gint max_asks;
    char *min_gain; /* as typed, NULL when not given */
    CliSearchOptions search;
} RankOptions;

static void rank_options_clear(RankOptions *o)
{
    cli_sellers_clear(&o->who);
    g_strfreev(o->where);
    g_free(o->targets_file);
    g_free(o->top);
    g_free(o->min_gain);
    cli_search_options_clear(&o->search);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RankOptions, rank_options_clear)

static int usage(const char *message)
{
    return cli_usage_error("rank", "%s", message);
}

/* --min-gain as typed: a number in [0, 1]. */
static gboolean parse_min_gain(const char *text, double *out)
{
    g_autofree char *stripped = g_strstrip(g_strdup(text));
    char *end = NULL;
    double x = g_ascii_strtod(stripped, &end);
    if (end == stripped || *end != '\0' || !(x >= 0 && x <= 1))
        return FALSE;
    *out = x;
    return TRUE;
}

/* Checks the options and converts --top into *@top and --min-gain into *@min_gain (unchanged
 * when not given) and the search limits into @limits; returns 0 when fine, else the exit
 * code. */
static int check_options(const RankOptions *o, gint64 *top, double *min_gain,
                         CliSearchLimits *limits)
{
    if (o->who.from == NULL && !o->who.team)
        return usage("say who asks: --from WHO[,WHO...] or --team[=NAME]");
    int rc = cli_parse_count("rank", "--top", o->top, 0, MAX_COUNT,
                             "a number of sources, 0 for all", top);
    if (rc != 0)
        return rc;
    if (o->best < 0 || o->best > MAX_COUNT)
        return usage("--best: expected a number of targets per source");
    if (o->plan < 0 || o->plan > MAX_COUNT)
        return usage("--plan: expected a number of sources to ask");
    if (o->max_asks < 1 || o->max_asks > MAX_COUNT)
        return usage("--max-asks: expected a number from 1");
    if (o->min_gain != NULL && o->plan == 0)
        return usage("--min-gain sets the floor of --plan's asks: give --plan N too");
    if (o->min_gain != NULL && !parse_min_gain(o->min_gain, min_gain))
        return usage("--min-gain: expected a number of expected introductions from 0 to 1");
    return cli_search_limits_parse("rank", &o->search, limits);
}

/* Progress on stderr, only for a person watching a terminal and only once a run is slow. */
typedef struct {
    gint64 start;
    gint64 last;
    gboolean shown;
} Progress;

static void on_progress(guint done, guint total, gpointer data)
{
    Progress *p = data;
    gint64 now = g_get_monotonic_time();
    if (now - p->start < 500000 || (now - p->last < 100000 && done < total))
        return;
    p->last = now;
    p->shown = TRUE;
    fprintf(stderr, "\rwarmpath rank: %u/%u searches", done, total);
    fflush(stderr);
}

static gboolean want_progress(void)
{
    return isatty(STDERR_FILENO) && g_getenv("CI") == NULL;
}

static gboolean emit(const CliCommon *common, const WpRankReport *report, GError **error)
{
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_report_rank_json(report);
        return cli_emit_json(common, root, error);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    if (common->format_value == CLI_FORMAT_CSV)
        rank_output_csv(report, out);
    else
        rank_output_table(report, out);
    return cli_emit(common, out->str, out->len, error);
}

static GOptionContext *make_context(RankOptions *o, CliCommon *common)
{
    const GOptionEntry entries[] = {
        {"from", 0, 0, G_OPTION_ARG_STRING, &o->who.from,
         "Who asks: an id or a name; several separated by commas", "WHO"},
        {"team", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer)cli_on_team,
         "Everyone on a team asks (--team=NAME: that team only)", "NAME"},
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &o->where,
         "Territory filter, repeatable (AND): industry=Fintech,Insurance  region!=UK  "
         "title~vp,cfo  company_size>=500  company=@accounts.txt",
         "EXPR"},
        {"targets", 0, 0, G_OPTION_ARG_FILENAME, &o->targets_file,
         "Territory from a file: one id or name per line ('NAME @ COMPANY' narrows)", "FILE"},
        {"top", 'n', 0, G_OPTION_ARG_STRING, &o->top,
         "Sources to list (default 20 in a table, all in csv/json; 0 = all)", "N"},
        {"best", 0, 0, G_OPTION_ARG_INT, &o->best, "Best targets shown per source (default 3)",
         "N"},
        {"plan", 0, 0, G_OPTION_ARG_INT, &o->plan,
         "Plan the asks: pick up to N sources and whom to ask each about", "N"},
        {"max-asks", 0, 0, G_OPTION_ARG_INT, &o->max_asks,
         "With --plan: targets to ask one source about at most (default 3)", "K"},
        {"min-gain", 0, 0, G_OPTION_ARG_STRING, &o->min_gain,
         "With --plan: leave out asks adding fewer expected introductions (default: the "
         "profile's plan_min_gain, 0.05)",
         "G"},
        G_OPTION_ENTRY_NULL};
    GOptionContext *context = g_option_context_new("");
    g_option_context_set_summary(
        context, "Rank the seller's direct contacts by how many introductions into a territory "
                 "each can be expected to open; list targets already known and cold accounts; "
                 "with --plan, pick whom to ask about whom.");
    GOptionGroup *group = g_option_group_new("rank", "rank options", "rank options", o, NULL);
    g_option_group_add_entries(group, entries);
    cli_search_add_options(group, &o->search,
                           "Count only paths at least this likely (default: the model's, 0.01; "
                           "0 for raw)");
    g_option_context_set_main_group(context, group);
    cli_common_add_options(context, common, CLI_FORMATS_TEXT);
    return context;
}

/* Runs the ranking with a progress line when a person is watching. */
static WpRankResult *run_rank(const WpScoring *scoring, const WpRankQuery *base, GError **error)
{
    WpRankQuery query = *base;
    Progress progress = {g_get_monotonic_time(), 0, FALSE};
    if (want_progress()) {
        query.progress = on_progress;
        query.progress_data = &progress;
    }
    WpRankResult *result = wp_rank_run(scoring, NULL, &query, NULL, error);
    if (progress.shown)
        fprintf(stderr, "\r\033[K");
    return result;
}

int cmd_rank(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_auto(RankOptions) o = {.best = DEFAULT_BEST, .max_asks = DEFAULT_MAX_ASKS};
    g_autoptr(GOptionContext) context = make_context(&o, &common);
    if (!cli_parse_command(context, &argc, &argv, &common, CLI_FORMATS_TEXT, "rank"))
        return CLI_EXIT_USAGE;
    gint64 top = -1;       /* not given */
    double min_gain = NAN; /* not given */
    CliSearchLimits limits;
    int rc = check_options(&o, &top, &min_gain, &limits);
    if (rc != 0)
        return rc;

    g_autoptr(GError) error = NULL;
    g_autoptr(WpScoring) scoring = cli_load_scoring(&common, &error);
    if (scoring == NULL)
        return cli_fail(error);
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GArray) sellers = cli_sellers_select(&o.who, graph, &error);
    if (sellers == NULL)
        return cli_fail_select("rank", graph, error);
    const char *model_text = common.model != NULL ? common.model : "default";
    WpTerritorySpec spec = {(const char *const *)o.where, o.targets_file, wp_scoring_model(scoring),
                            model_text, NULL};
    g_autoptr(WpTerritory) territory = wp_territory_select(graph, &spec, &error);
    if (territory == NULL)
        return cli_fail_select("rank", graph, error);
    g_autofree char *explained = wp_territory_explain(territory, graph);
    cli_warn_text(explained);
    GArray *selected = territory->people;

    WpRankQuery query = {
        .sellers = (const WpPerson *)sellers->data,
        .n_sellers = sellers->len,
        .targets = (const WpPerson *)selected->data,
        .n_targets = selected->len,
        .max_hops = cli_search_hops(scoring, &limits),
        .min_probability = cli_search_floor(scoring, &limits),
        .n_best = (guint)o.best,
    };
    g_autoptr(WpRankResult) result = run_rank(scoring, &query, &error);
    if (result == NULL)
        return cli_fail_for("rank", error);
    g_autoptr(WpRankPlan) plan = NULL;
    if (o.plan > 0) {
        if (isnan(min_gain))
            min_gain = wp_model_plan_min_gain(wp_scoring_model(scoring));
        plan = wp_rank_plan(result, (guint)o.plan, (guint)o.max_asks, min_gain);
        if (!wp_rank_plan_routes(scoring, NULL, &query, result, plan, NULL, &error))
            return cli_fail(error);
    }
    guint shown = top >= 0                                  ? (guint)top
                  : common.format_value == CLI_FORMAT_TABLE ? DEFAULT_TABLE_TOP
                                                            : 0;
    WpRankRequest request = {query.sellers,  query.n_sellers,       territory,
                             shown,          (guint)o.max_asks,     plan != NULL ? min_gain : 0,
                             query.max_hops, query.min_probability, model_text};
    g_autoptr(WpRankReport) report = wp_rank_report_new(scoring, result, plan, &request);
    if (!emit(&common, report, &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}
