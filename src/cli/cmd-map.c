/* SPDX-License-Identifier: MIT */
/* warmpath map: a picture of an account (who can be reached, and how) or of a territory (the
 * referral sources worth asking and the targets they open). */
#include "cli/diagram-output.h"

#include <math.h>
#include <string.h>

typedef struct {
    CliSellers who; /* first: cli_on_team() finds it at the group's data */
    char *company;
    char **where;
    char *targets_file;
    char *max_routes; /* as typed, NULL when not given */
    char *per_source; /* as typed, NULL when not given */
    CliSearchOptions search;
    /* Set by check_options() from the text above: */
    guint n_routes;     /* 0 = not given */
    guint n_per_source; /* 0 = not given */
    CliSearchLimits limits;
} MapOptions;

static void map_options_clear(MapOptions *o)
{
    cli_sellers_clear(&o->who);
    g_free(o->company);
    g_strfreev(o->where);
    g_free(o->targets_file);
    g_free(o->max_routes);
    g_free(o->per_source);
    cli_search_options_clear(&o->search);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(MapOptions, map_options_clear)

static int usage(const char *message)
{
    return cli_usage_error("map", "%s", message);
}

/* Checks the options and converts the numbers typed; 0 when fine, else the exit code. */
static int check_options(MapOptions *o)
{
    if (o->who.from == NULL && !o->who.team)
        return usage("say who asks: --from WHO[,WHO...] or --team[=NAME]");
    if (o->company != NULL && o->targets_file != NULL)
        return usage("--targets chooses a territory; with --company the account is the target");
    gint64 routes = 0, per_source = 0;
    g_autofree char *range = g_strdup_printf("a number from 1 to %d", WP_DIAGRAM_MAX_ROUTES);
    int rc = cli_parse_count("map", "--max-routes", o->max_routes, 1, WP_DIAGRAM_MAX_ROUTES, range,
                             &routes);
    if (rc == 0)
        rc = cli_parse_count("map", "--per-source", o->per_source, 1, WP_DIAGRAM_MAX_ROUTES, range,
                             &per_source);
    if (rc != 0)
        return rc;
    o->n_routes = (guint)routes;
    o->n_per_source = (guint)per_source;
    if (o->per_source != NULL && o->company != NULL)
        return usage("--per-source is for territory maps, not --company");
    return cli_search_limits_parse("map", &o->search, &o->limits);
}

static int draw_account(const CliCommon *common, const WpScoring *scoring, const MapOptions *o,
                        const GArray *sellers)
{
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GError) error = NULL;
    const char *account = wp_select_account(graph, o->company, "--company", &error);
    if (account == NULL)
        return cli_fail_select("map", graph, error);
    g_autoptr(WpWhere) where =
        wp_select_where(graph, (const char *const *)o->where, "--where", &error);
    if (where == NULL)
        return cli_fail_select("map", graph, error);
    if (o->where != NULL) { /* values no one has, said before an account map that lacks them */
        g_autofree char *unknown = wp_where_explain_text(where, graph, "--where", G_MAXUINT);
        cli_warn_text(unknown);
    }
    WpPathQuery query = {0, cli_search_hops(scoring, &o->limits),
                         cli_search_floor(scoring, &o->limits), FALSE};
    g_autoptr(WpPathSet) set =
        wp_path_find_into_company(scoring, NULL, (const WpPerson *)sellers->data, sellers->len,
                                  account, o->where ? where : NULL, &query, NULL, &error);
    if (set == NULL)
        return cli_fail_for("map", error);
    g_autofree char *context =
        cli_diagram_context(common->model, query.max_hops, query.min_probability);
    g_autofree char *filter = o->where ? g_strjoinv(" and ", o->where) : NULL;
    g_autofree char *full =
        filter ? g_strdup_printf("%s \u00b7 only %s", context, filter) : g_strdup(context);
    WpDiagramLimits limits = {o->n_routes, 0, full};
    g_autoptr(WpDiagram) diagram =
        wp_diagram_new_account_map(scoring, set, (const WpPerson *)sellers->data, sellers->len,
                                   account, o->where ? where : NULL, &limits);
    if (!cli_emit_diagram(common, diagram, &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}

/* The territory as `rank` selects it (warmpath/select.h), said in the diagram's title as its
 * expressions or the list file's name. */
static int draw_territory(const CliCommon *common, const WpScoring *scoring, const MapOptions *o,
                          const GArray *sellers)
{
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GError) error = NULL;
    const char *model = common->model != NULL ? common->model : "default";
    WpTerritorySpec spec = {(const char *const *)o->where, o->targets_file,
                            wp_scoring_model(scoring), model, "--company"};
    g_autoptr(WpTerritory) territory = wp_territory_select(graph, &spec, &error);
    if (territory == NULL)
        return cli_fail_select("map", graph, error);
    g_autofree char *explained = wp_territory_explain(territory, graph);
    cli_warn_text(explained);
    g_autofree char *description = territory->expressions
                                       ? g_strjoinv(" and ", territory->expressions)
                                       : g_path_get_basename(o->targets_file);
    const GArray *targets = territory->people;
    guint per_source = o->n_per_source > 0 ? o->n_per_source : WP_DIAGRAM_TERRITORY_TARGETS;
    WpRankQuery query = {
        .sellers = (const WpPerson *)sellers->data,
        .n_sellers = sellers->len,
        .targets = (const WpPerson *)targets->data,
        .n_targets = targets->len,
        .max_hops = cli_search_hops(scoring, &o->limits),
        .min_probability = cli_search_floor(scoring, &o->limits),
        .n_best = per_source,
    };
    g_autoptr(WpRankResult) result = wp_rank_run(scoring, NULL, &query, NULL, &error);
    if (result == NULL)
        return cli_fail_for("map", error);
    g_autofree char *context =
        cli_diagram_context(common->model, query.max_hops, query.min_probability);
    WpDiagramLimits limits = {o->n_routes, per_source, context};
    g_autoptr(WpDiagram) diagram = wp_diagram_new_territory(scoring, result, query.sellers,
                                                            query.n_sellers, description, &limits);
    if (!cli_emit_diagram(common, diagram, &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}

static GOptionContext *make_context(MapOptions *o, CliCommon *common)
{
    const GOptionEntry entries[] = {
        {"from", 0, 0, G_OPTION_ARG_STRING, &o->who.from,
         "Who asks: an id or a name; several separated by commas", "WHO"},
        {"team", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer)cli_on_team,
         "Everyone on a team asks (--team=NAME: that team only)", "NAME"},
        {"company", 'c', 0, G_OPTION_ARG_STRING, &o->company,
         "Map this account: the best route into each person there", "COMPANY"},
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &o->where,
         "With --company: only people matching; without: the territory, as for rank "
         "(repeatable, AND)",
         "EXPR"},
        {"targets", 0, 0, G_OPTION_ARG_FILENAME, &o->targets_file,
         "Territory from a file, as for rank", "FILE"},
        {"max-routes", 'n', 0, G_OPTION_ARG_STRING, &o->max_routes,
         "Draw at most N routes (account, default 25) or N referral sources (territory, "
         "default 10)",
         "N"},
        {"per-source", 0, 0, G_OPTION_ARG_STRING, &o->per_source,
         "Territory: targets drawn per referral source (default 3)", "N"},
        G_OPTION_ENTRY_NULL};
    GOptionContext *context = g_option_context_new("");
    g_option_context_set_summary(
        context, "Draw an account map (--company) or a territory overview (--where, --targets "
                 "or the profile's [territory]) with Graphviz. The format follows --format, "
                 "else the extension of -o FILE, else SVG.");
    GOptionGroup *group = g_option_group_new("map", "map options", "map options", o, NULL);
    g_option_group_add_entries(group, entries);
    cli_search_add_options(group, &o->search,
                           "Leave out routes less likely than P (default: the model's, 0.01; 0 "
                           "for raw)");
    g_option_context_set_main_group(context, group);
    cli_common_add_options(context, common, CLI_FORMATS_DIAGRAM);
    return context;
}

int cmd_map(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_auto(MapOptions) o = {0};
    g_autoptr(GOptionContext) context = make_context(&o, &common);
    if (!cli_parse_command(context, &argc, &argv, &common, CLI_FORMATS_DIAGRAM, "map"))
        return CLI_EXIT_USAGE;
    int rc = check_options(&o);
    if (rc != 0)
        return rc;

    g_autoptr(GError) error = NULL;
    g_autoptr(WpScoring) scoring = cli_load_scoring(&common, &error);
    if (scoring == NULL)
        return cli_fail(error);
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GArray) sellers = cli_sellers_select(&o.who, graph, &error);
    if (sellers == NULL)
        return cli_fail_select("map", graph, error);
    if (o.company != NULL)
        return draw_account(&common, scoring, &o, sellers);
    return draw_territory(&common, scoring, &o, sellers);
}
