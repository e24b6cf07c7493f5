/* SPDX-License-Identifier: MIT */
/* warmpath map: a picture of an account (who can be reached, and how) or of a territory (the
 * referral sources worth asking and the targets they open). */
#include "cli/diagram-output.h"

#include <math.h>
#include <string.h>

typedef struct {
    char *from;
    gboolean team;
    char *team_name; /* --team=NAME; NULL with a bare --team */
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
    g_free(o->from);
    g_free(o->team_name);
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

/* --team or --team=NAME. */
static gboolean on_team(const char *option G_GNUC_UNUSED, const char *value, gpointer data,
                        GError **error G_GNUC_UNUSED)
{
    MapOptions *o = data;
    cli_set_team(&o->team, &o->team_name, value);
    return TRUE;
}

/* Checks the options and converts the numbers typed; 0 when fine, else the exit code. */
static int check_options(MapOptions *o)
{
    if (o->from == NULL && !o->team)
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

/* Parses @exprs (NULL = no filter) and checks its columns; NULL with *rc set on failure. */
static WpWhere *parse_where(const WpGraph *graph, const char *const *exprs, const char *origin,
                            int *rc)
{
    g_autoptr(GError) error = NULL;
    guint n = exprs ? g_strv_length((char **)exprs) : 0;
    g_autoptr(WpWhere) where = wp_where_parse(exprs, n, &error);
    if (where == NULL || !wp_where_check(where, graph, &error)) {
        if (error->domain == WP_ERROR && error->code == WP_ERROR_USAGE)
            g_prefix_error(&error, "%s ", origin);
        *rc = cli_fail_for("map", error);
        return NULL;
    }
    return g_steal_pointer(&where);
}

static int draw_account(const CliCommon *common, const WpScoring *scoring, const MapOptions *o,
                        const GArray *sellers)
{
    const WpGraph *graph = wp_scoring_graph(scoring);
    int rc = 0;
    const char *account = cli_resolve_account(graph, o->company, "--company", &rc);
    if (account == NULL)
        return rc;
    g_autoptr(WpWhere) where = parse_where(graph, (const char *const *)o->where, "--where", &rc);
    if (where == NULL)
        return rc;
    if (o->where != NULL) /* values no one has, said before an account map that lacks them */
        cli_explain_territory(graph, where, "--where", G_MAXUINT);
    WpPathQuery query = {0, cli_search_hops(scoring, &o->limits),
                         cli_search_floor(scoring, &o->limits), FALSE};
    g_autoptr(GError) error = NULL;
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

/* The territory as `rank` selects it: --where, else --targets, else the profile's
 * [territory]; people known only from ties count only when there is no people file. */
static GArray *select_territory(const WpScoring *scoring, const MapOptions *o, const char *model,
                                char **description, int *rc)
{
    const WpGraph *graph = wp_scoring_graph(scoring);
    const char *const *exprs = (const char *const *)o->where;
    g_autofree char *origin = g_strdup("--where");
    if (exprs == NULL && o->targets_file == NULL) {
        exprs = wp_model_territory(wp_scoring_model(scoring));
        g_free(origin);
        origin = g_strdup_printf("%s [territory]", model);
        if (exprs == NULL) {
            *rc = usage("no account or territory: give --company COMPANY, --where EXPR, "
                        "--targets FILE, or a profile (--model FILE) with a [territory] group");
            return NULL;
        }
    }
    g_autoptr(WpWhere) where = parse_where(graph, exprs, origin, rc);
    if (where == NULL)
        return NULL;
    *description =
        exprs ? g_strjoinv(" and ", (char **)exprs) : g_path_get_basename(o->targets_file);
    g_autoptr(GArray) listed =
        o->targets_file ? cli_read_targets_file(graph, o->targets_file, rc) : NULL;
    if (o->targets_file != NULL && listed == NULL)
        return NULL;
    guint n_columns = 0;
    wp_graph_columns(graph, &n_columns);
    GArray *targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    guint n = listed ? listed->len : wp_graph_n_people(graph);
    for (guint i = 0; i < n; i++) {
        WpPerson p = listed ? g_array_index(listed, WpPerson, i) : i;
        if ((listed != NULL || n_columns == 0 || wp_graph_person_listed(graph, p)) &&
            wp_where_matches(where, graph, p))
            g_array_append_val(targets, p);
    }
    g_autofree char *what = exprs ? g_strdup_printf("%s %s", origin, *description)
                                  : g_strdup_printf("--targets %s", o->targets_file);
    cli_explain_territory(graph, where, what, targets->len);
    return targets;
}

static int draw_territory(const CliCommon *common, const WpScoring *scoring, const MapOptions *o,
                          const GArray *sellers)
{
    int rc = 0;
    const char *model = common->model != NULL ? common->model : "default";
    g_autofree char *description = NULL;
    g_autoptr(GArray) targets = select_territory(scoring, o, model, &description, &rc);
    if (targets == NULL)
        return rc;
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
    g_autoptr(GError) error = NULL;
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
        {"from", 0, 0, G_OPTION_ARG_STRING, &o->from,
         "Who asks: an id or a name; several separated by commas", "WHO"},
        {"team", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer)on_team,
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
    if (!cli_parse(context, &argc, &argv, "map") ||
        !cli_common_check(context, &common, CLI_FORMATS_DIAGRAM, "map"))
        return CLI_EXIT_USAGE;
    if (argc > 1)
        return cli_unexpected_argument("map", argv[1]);
    int rc = check_options(&o);
    if (rc != 0)
        return rc;

    g_autoptr(GError) error = NULL;
    g_autoptr(WpScoring) scoring = cli_load_scoring(&common, &error);
    if (scoring == NULL)
        return cli_fail(error);
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GArray) sellers = cli_resolve_sellers(graph, o.from, o.team, o.team_name, "map", &rc);
    if (sellers == NULL)
        return rc;
    if (o.company != NULL)
        return draw_account(&common, scoring, &o, sellers);
    return draw_territory(&common, scoring, &o, sellers);
}
