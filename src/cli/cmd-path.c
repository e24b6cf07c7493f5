/* SPDX-License-Identifier: MIT */
/* warmpath path: who can introduce me to this person (or into this account)? */
#include "cli/diagram-output.h"
#include "cli/path-output.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_K 1000

/* The command's own options (GOption writes into these). */
typedef struct {
    CliSellers who; /* first: cli_on_team() finds it at the group's data */
    char *to;
    char *at;
    char *to_company;
    char **where;
    char *k; /* as typed, NULL when not given */
    CliSearchOptions search;
    gboolean all_paths;
    gboolean timing;
    gboolean drafts;
    char *template_file;
    char *lang;
} PathOptions;

static void path_options_clear(PathOptions *o)
{
    cli_sellers_clear(&o->who);
    g_free(o->to);
    g_free(o->at);
    g_free(o->to_company);
    g_strfreev(o->where);
    g_free(o->k);
    g_free(o->template_file);
    g_free(o->lang);
    cli_search_options_clear(&o->search);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(PathOptions, path_options_clear)

static int usage(const char *message)
{
    return cli_usage_error("path", "%s", message);
}

/* Checks what the options cannot say alone and converts the numbers into @k (0 = not given)
 * and @limits; returns 0 when fine, else the exit code. */
static int check_options(const PathOptions *o, guint *k, CliSearchLimits *limits)
{
    if (o->who.from == NULL && !o->who.team)
        return usage("say who asks: --from WHO[,WHO...] or --team[=NAME]");
    if ((o->to == NULL) == (o->to_company == NULL))
        return usage("say who to reach: --to WHO or --to-company COMPANY");
    if (o->at != NULL && o->to == NULL)
        return usage("--at narrows --to; use --to-company for a whole account");
    if (o->where != NULL && o->to_company == NULL)
        return usage("--where filters --to-company");
    if (o->all_paths && o->to_company != NULL)
        return usage("--all-paths works with --to, not --to-company");
    if (o->drafts && o->to_company != NULL)
        return usage("--drafts works with --to, not --to-company");
    if ((o->template_file != NULL || o->lang != NULL) && !o->drafts)
        return usage("--template and --lang word the drafts: add --drafts");
    gint64 paths = 0;
    int rc =
        cli_parse_count("path", "-k", o->k, 1, MAX_K, "a number of paths from 1 to 1000", &paths);
    if (rc != 0)
        return rc;
    *k = (guint)paths;
    return cli_search_limits_parse("path", &o->search, limits);
}

/* The answer in the format asked for; diagrams are drawn by diagram-output.c (an account map
 * with the --where filter the paths were found under, @where). With @tmpl (--drafts), each
 * path's draft after the table, or as its "draft" member in JSON. */
static gboolean emit(const CliCommon *common, const WpPathReport *report, const WpWhere *where,
                     const WpDraftTemplate *tmpl, const CliDraftLedger *ledger, GError **error)
{
    if ((1u << common->format_value) & CLI_FORMATS_DIAGRAM)
        return cli_emit_path_diagram(common, report, where, error);
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = report->request.company != NULL ? wp_report_account_json(report)
                                                                   : wp_report_paths_json(report);
        if (tmpl != NULL)
            cli_draft_add_json(report, tmpl, ledger, root);
        return cli_emit_json(common, root, error);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    if (common->format_value == CLI_FORMAT_CSV)
        path_output_csv(report, out);
    else
        path_output_table(report, out);
    if (tmpl != NULL && !cli_draft_append_all(report, tmpl, ledger, out, error))
        return FALSE;
    return cli_emit(common, out->str, out->len, error);
}

/* Finds the paths the options ask for, and for an account the --where filter in *where (NULL
 * without --where); NULL with *rc set on failure. What the options name is
 * selected first (a name or a filter that selects no one fails as a selection: candidates
 * listed, a usage problem with the --help hint); the values --where names that no one has are
 * said before the answer. */
static WpPathSet *find(const WpScoring *scoring, const PathOptions *o, const GArray *sellers,
                       const WpPathQuery *query, const char **company_name, WpWhere **filter,
                       int *rc)
{
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = NULL;
    WpPerson target = WP_PERSON_NONE;
    if (o->to_company != NULL) {
        *company_name = wp_select_account(graph, o->to_company, "--to-company", &error);
        if (*company_name != NULL && o->where != NULL)
            where = wp_select_where(graph, (const char *const *)o->where, "--where", &error);
    } else {
        target = wp_select_person(graph, o->to, o->at, "--to", "--at", &error);
    }
    if (error != NULL) {
        *rc = cli_fail_select("path", graph, error);
        return NULL;
    }
    WpPathSet *set = NULL;
    if (o->to_company != NULL) {
        g_autofree char *unknown =
            where ? wp_where_explain_text(where, graph, "--where", G_MAXUINT) : NULL;
        cli_warn_text(unknown);
        set = wp_path_find_into_company(scoring, NULL, (const WpPerson *)sellers->data,
                                        sellers->len, o->to_company, where, query, NULL, &error);
    } else {
        set = wp_path_find(scoring, NULL, (const WpPerson *)sellers->data, sellers->len, target,
                           query, NULL, &error);
    }
    if (set == NULL)
        *rc = cli_fail(error);
    else
        *filter = g_steal_pointer(&where);
    return set;
}

static char *model_name(const CliCommon *common)
{
    return g_strdup(common->model != NULL ? common->model : "default");
}

int cmd_path(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_auto(PathOptions) o = {0};
    const GOptionEntry entries[] = {
        {"from", 0, 0, G_OPTION_ARG_STRING, &o.who.from,
         "Who asks: an id or a name; several separated by commas", "WHO"},
        {"team", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer)cli_on_team,
         "Everyone on a team asks (--team=NAME: that team only)", "NAME"},
        {"to", 0, 0, G_OPTION_ARG_STRING, &o.to, "The person to be introduced to", "WHO"},
        {"at", 0, 0, G_OPTION_ARG_STRING, &o.at,
         "The account --to works at (one account; legal forms such as Inc are ignored)", "COMPANY"},
        {"to-company", 0, 0, G_OPTION_ARG_STRING, &o.to_company,
         "Reach an account: the best path to each of its people", "COMPANY"},
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &o.where,
         "With --to-company: only people matching (e.g. function=Finance, title~cfo); "
         "repeatable",
         "EXPR"},
        {"paths", 'k', 0, G_OPTION_ARG_STRING, &o.k,
         "How many paths (default 5; with --to-company, all)", "K"},
        {"all-paths", 0, 0, G_OPTION_ARG_NONE, &o.all_paths,
         "The K best paths even if they start with the same person (Yen's algorithm)", NULL},
        {"timing", 0, 0, G_OPTION_ARG_NONE, &o.timing,
         "Print how long loading and the query took on standard error", NULL},
        {"drafts", 0, 0, G_OPTION_ARG_NONE, &o.drafts,
         "Add the intro request for every source (as 'warmpath draft' writes it)", NULL},
        {"template", 0, 0, G_OPTION_ARG_FILENAME, &o.template_file,
         "With --drafts: word them with this template", "FILE"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
         "With --drafts: language of the built-in template (en)", "LANG"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(
        context, "Find the best introduction paths from a seller (or a team) to a person or into "
                 "an account. By default each path starts with a different referral source.");
    GOptionGroup *group = g_option_group_new("path", "path options", "path options", &o, NULL);
    g_option_group_add_entries(group, entries);
    cli_search_add_options(group, &o.search,
                           "Leave out paths less likely than P (default: the model's, 0.01; 0 "
                           "for raw)");
    g_option_context_set_main_group(context, group);
    cli_common_add_options(context, &common, CLI_FORMATS_TEXT | CLI_FORMATS_DIAGRAM);
    if (!cli_parse_command(context, &argc, &argv, &common, CLI_FORMATS_TEXT | CLI_FORMATS_DIAGRAM,
                           "path"))
        return CLI_EXIT_USAGE;
    guint k = 0;
    CliSearchLimits limits;
    int rc = check_options(&o, &k, &limits);
    if (rc != 0)
        return rc;
    if (o.drafts && common.format_value != CLI_FORMAT_TABLE &&
        common.format_value != CLI_FORMAT_JSON)
        return usage("--drafts works with --format table or json");
    g_autoptr(WpDraftTemplate) tmpl =
        o.drafts ? cli_draft_template("path", o.template_file, o.lang, &rc) : NULL;
    if (o.drafts && tmpl == NULL)
        return rc;

    g_autoptr(GError) error = NULL;
    gint64 started = g_get_monotonic_time();
    g_autoptr(WpScoring) scoring = cli_load_scoring(&common, &error);
    if (scoring == NULL)
        return cli_fail(error);
    const WpGraph *graph = wp_scoring_graph(scoring);
    gint64 loaded = g_get_monotonic_time();
    g_autoptr(GArray) sellers = cli_sellers_select(&o.who, graph, &error);
    if (sellers == NULL)
        return cli_fail_select("path", graph, error);
    WpPathQuery query = {
        .k = k > 0                  ? k
             : o.to_company != NULL ? 0
                                    : 5,
        .max_hops = cli_search_hops(scoring, &limits),
        .min_probability = cli_search_floor(scoring, &limits),
        .all_paths = o.all_paths,
    };
    const char *company_name = NULL;
    g_autoptr(WpWhere) filter = NULL;
    g_autoptr(WpPathSet) set = find(scoring, &o, sellers, &query, &company_name, &filter, &rc);
    if (set == NULL)
        return rc;
    if (o.timing) /* resolving the names counts as part of the query */
        fprintf(stderr, "warmpath: load %.1f ms, query %.1f ms\n", (loaded - started) / 1000.0,
                (g_get_monotonic_time() - loaded) / 1000.0);
    g_autofree char *where = o.where ? g_strjoinv(" and ", o.where) : NULL;
    g_autofree char *model_text = model_name(&common);
    WpPathRequest request = {(const WpPerson *)sellers->data,
                             sellers->len,
                             query,
                             o.to_company,
                             company_name,
                             where,
                             model_text};
    g_autoptr(WpPathReport) report = wp_path_report_new(scoring, set, &request);
    /* The drafts name what the folder's ledger says about their sources, as of --as-of. */
    g_autoptr(GPtrArray) asks = NULL;
    if (tmpl != NULL && !cli_draft_asks(&common, NULL, &asks, &error))
        return cli_fail(error);
    CliDraftLedger ledger = {asks, wp_scoring_model(scoring), wp_scoring_as_of(scoring)};
    if (!emit(&common, report, filter, tmpl, &ledger, &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}
