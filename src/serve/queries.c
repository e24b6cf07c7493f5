/* SPDX-License-Identifier: MIT */
/* The service's questions: named parameters checked as the CLI checks its options (the same
 * messages, naming the option as the CLI spells it), then the library call that answers and
 * the library function that lays the answer out. Nothing here computes an answer. */
#include "serve/queries.h"

#include "cli/diagram-output.h"

#include <math.h>
#include <string.h>

#define MAX_K 1000
#define MAX_COUNT 100000
#define DEFAULT_BEST 3
#define DEFAULT_MAX_ASKS 3
#define DEFAULT_PEOPLE 10
#define MAX_PEOPLE 100

void serve_answer_clear(ServeAnswer *answer)
{
    g_clear_pointer(&answer->json, json_node_unref);
    g_clear_pointer(&answer->svg, g_bytes_unref);
    g_clear_pointer(&answer->text, g_free);
}

/* Appends a sentence and a line break; takes @sentence. */
static void add_line(GString *out, char *sentence)
{
    if (sentence != NULL)
        g_string_append_printf(out, "%s\n", sentence);
    g_free(sentence);
}

static gboolean usage(GError **error, const char *message)
{
    g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE, message);
    return FALSE;
}

/* The hop limit and the probability floor: the request's, else the model's. */
static gboolean search_limits(const ServeQueryEnv *env, const ServeParams *params, guint *hops,
                              double *floor, GError **error)
{
    const WpModel *model = wp_scoring_model(env->scoring);
    gint64 h = wp_model_max_hops(model);
    g_autofree char *range =
        g_strdup_printf("a whole number of ties from 1 to %d (0 = no limit)", WP_MAX_HOPS);
    if (!serve_params_count(params, "max_hops", "--max-hops", 0, WP_MAX_HOPS, range, &h, error))
        return FALSE;
    *hops = (guint)h;
    *floor = wp_model_min_probability(model);
    if (!serve_params_number(params, "min_probability", 0, 1, FALSE, floor)) {
        g_autofree char *shown = serve_text_quoted(serve_params_get(params, "min_probability"));
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--min-probability: expected a number from 0 up to (not including) 1, not "
                    "'%s'",
                    shown);
        return FALSE;
    }
    return TRUE;
}

/* Who asks: from= and team= (team= alone: every team's sellers; team=NAME: that team). */
static GArray *sellers(const ServeQueryEnv *env, const ServeParams *params, GError **error)
{
    const char *from = serve_params_get(params, "from");
    const char *team = serve_params_get(params, "team");
    if (from == NULL && team == NULL) {
        usage(error, "say who asks: --from WHO[,WHO...] or --team[=NAME]");
        return NULL;
    }
    return wp_select_sellers(wp_scoring_graph(env->scoring), from, team != NULL,
                             team != NULL && team[0] != '\0' ? team : NULL, error);
}

#define WHO_PARAMS                                                                                 \
    {"from", "--from", SERVE_PARAM_STRING,                                                         \
     "Who asks: an id or a name; several separated by commas"},                                    \
    {                                                                                              \
        "team", "--team", SERVE_PARAM_STRING,                                                      \
            "Everyone on a team asks (empty: every team; NAME: that team only)"                    \
    }
#define LIMIT_PARAMS                                                                               \
    {"max_hops", "--max-hops", SERVE_PARAM_INTEGER,                                                \
     "Longest path, 1-16 ties, 0 = no limit (default: the model's)"},                              \
    {                                                                                              \
        "min_probability", "--min-probability", SERVE_PARAM_NUMBER,                                \
            "Leave out paths less likely than this, in [0, 1) (default: the model's)"              \
    }

/* ---- paths ---------------------------------------------------------------------------------- */

static const ServeParamSpec path_params[] = {
    WHO_PARAMS,
    {"to", "--to", SERVE_PARAM_STRING, "The person to be introduced to: an id or a name"},
    {"at", "--at", SERVE_PARAM_STRING, "The account the person works at, to tell namesakes apart"},
    {"to_company", "--to-company", SERVE_PARAM_STRING,
     "Reach an account instead: the best path to each of its people"},
    {"where", "--where", SERVE_PARAM_STRINGS,
     "With to_company: only people matching (e.g. function=Finance, title~cfo); repeatable"},
    {"k", "-k", SERVE_PARAM_INTEGER, "How many paths (default 5; with to_company, all)"},
    {"all_paths", "--all-paths", SERVE_PARAM_BOOLEAN,
     "The k best paths even if they start with the same person"},
    LIMIT_PARAMS,
    {NULL, NULL, 0, NULL},
};

/* A path answer and what was asked, as cmd-path.c builds them. */
typedef struct {
    GArray *sellers;
    WpPathSet *set;
    WpWhere *filter; /* the account query's --where, NULL without */
    char *where;     /* its expressions joined by " and " */
    WpPathReport *report;
} PathAnswer;

static void path_answer_clear(PathAnswer *a)
{
    g_clear_pointer(&a->report, wp_path_report_free);
    g_clear_pointer(&a->set, wp_path_set_free);
    g_clear_pointer(&a->filter, wp_where_free);
    g_clear_pointer(&a->sellers, g_array_unref);
    g_clear_pointer(&a->where, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(PathAnswer, path_answer_clear)

/* cmd-path.c's check_options(), the same rules and messages. */
static gboolean check_path_request(const ServeParams *params, guint *k, GError **error)
{
    const char *to = serve_params_get(params, "to"),
               *to_company = serve_params_get(params, "to_company");
    if ((to == NULL) == (to_company == NULL))
        return usage(error, "say who to reach: --to WHO or --to-company COMPANY");
    if (serve_params_get(params, "at") != NULL && to == NULL)
        return usage(error, "--at narrows --to; use --to-company for a whole account");
    if (serve_params_get(params, "where") != NULL && to_company == NULL)
        return usage(error, "--where filters --to-company");
    if (serve_params_flag(params, "all_paths") && to_company != NULL)
        return usage(error, "--all-paths works with --to, not --to-company");
    gint64 paths = 0;
    if (!serve_params_count(params, "k", "-k", 1, MAX_K, "a number of paths from 1 to 1000", &paths,
                            error))
        return FALSE;
    *k = (guint)paths;
    return TRUE;
}

static gboolean find_paths(const ServeQueryEnv *env, const ServeParams *params, PathAnswer *out,
                           GError **error)
{
    const WpGraph *graph = wp_scoring_graph(env->scoring);
    guint k = 0;
    WpPathQuery query = {0};
    if (serve_params_get(params, "from") == NULL && serve_params_get(params, "team") == NULL)
        return usage(error, "say who asks: --from WHO[,WHO...] or --team[=NAME]");
    if (!check_path_request(params, &k, error) ||
        !search_limits(env, params, &query.max_hops, &query.min_probability, error))
        return FALSE;
    out->sellers = sellers(env, params, error);
    if (out->sellers == NULL)
        return FALSE;
    const char *to_company = serve_params_get(params, "to_company");
    g_auto(GStrv) where = serve_params_get_all(params, "where");
    query.k = k > 0 ? k : to_company != NULL ? 0 : 5;
    query.all_paths = serve_params_flag(params, "all_paths");
    const char *company_name = NULL;
    const WpPerson *who = (const WpPerson *)out->sellers->data;
    if (to_company != NULL) {
        company_name = wp_select_account(graph, to_company, "--to-company", error);
        if (company_name == NULL)
            return FALSE;
        if (where != NULL) {
            out->filter = wp_select_where(graph, (const char *const *)where, "--where", error);
            if (out->filter == NULL)
                return FALSE;
        }
        out->set =
            wp_path_find_into_company(env->scoring, env->context, who, out->sellers->len,
                                      to_company, out->filter, &query, env->cancellable, error);
    } else {
        WpPerson target = wp_select_person(graph, serve_params_get(params, "to"),
                                           serve_params_get(params, "at"), "--to", "--at", error);
        if (target == WP_PERSON_NONE)
            return FALSE;
        out->set = wp_path_find(env->scoring, env->context, who, out->sellers->len, target, &query,
                                env->cancellable, error);
    }
    if (out->set == NULL)
        return FALSE;
    out->where = where ? g_strjoinv(" and ", where) : NULL;
    WpPathRequest request = {who,          out->sellers->len, query,          to_company,
                             company_name, out->where,        env->model_name};
    out->report = wp_path_report_new(env->scoring, out->set, &request);
    return TRUE;
}

/* The heading, then each path's advice with its number, or why there is none. */
static char *paths_text(const WpPathReport *report)
{
    GString *out = g_string_new(NULL);
    add_line(out, wp_report_paths_heading(report));
    for (guint i = 0; i < report->paths->len; i++) {
        const WpPathReason *path = &g_array_index(report->paths, WpPathReason, i);
        g_autofree char *headline = wp_report_path_headline(report, path);
        add_line(out, g_strdup_printf("%u. %s", i + 1, headline));
    }
    if (report->paths->len == 0) {
        g_autoptr(GPtrArray) why = wp_report_no_path_sentences(report);
        for (guint i = 0; i < why->len; i++)
            add_line(out, g_strdup(why->pdata[i]));
    }
    return g_string_free(out, FALSE);
}

static gboolean run_paths(const ServeQueryEnv *env, const ServeParams *params, ServeAnswer *out,
                          GError **error)
{
    g_auto(PathAnswer) a = {0};
    if (!find_paths(env, params, &a, error))
        return FALSE;
    out->json = a.report->request.company != NULL ? wp_report_account_json(a.report)
                                                  : wp_report_paths_json(a.report);
    out->text = paths_text(a.report);
    return TRUE;
}

/* The diagram `warmpath path --format svg` draws for the same request. */
static gboolean run_path_diagram(const ServeQueryEnv *env, const ServeParams *params,
                                 ServeAnswer *out, GError **error)
{
    g_auto(PathAnswer) a = {0};
    if (!find_paths(env, params, &a, error))
        return FALSE;
    const WpPathRequest *q = &a.report->request;
    g_autofree char *context =
        cli_diagram_context(q->model_name, q->query.max_hops, q->query.min_probability);
    WpDiagramLimits limits = {0, 0, context};
    g_autoptr(WpDiagram) diagram =
        q->company != NULL
            ? wp_diagram_new_account_map(env->scoring, a.set, q->sellers, q->n_sellers, q->company,
                                         a.filter, &limits)
            : wp_diagram_new_paths(env->scoring, a.set, q->sellers, q->n_sellers, &limits);
    out->svg = wp_diagram_render(diagram, WP_DIAGRAM_SVG, error);
    return out->svg != NULL;
}

/* ---- account map ---------------------------------------------------------------------------- */

static const ServeParamSpec account_params[] = {
    WHO_PARAMS,
    {"company", "--company", SERVE_PARAM_STRING, "The account to map"},
    {"where", "--where", SERVE_PARAM_STRINGS, "Only the account's people matching; repeatable"},
    {"max_routes", "--max-routes", SERVE_PARAM_INTEGER, "Draw at most N routes (default 25)"},
    LIMIT_PARAMS,
    {NULL, NULL, 0, NULL},
};

/* `warmpath map --company` (cmd-map.c's draw_account()), as SVG. */
static gboolean run_account_diagram(const ServeQueryEnv *env, const ServeParams *params,
                                    ServeAnswer *out, GError **error)
{
    const WpGraph *graph = wp_scoring_graph(env->scoring);
    if (serve_params_get(params, "from") == NULL && serve_params_get(params, "team") == NULL)
        return usage(error, "say who asks: --from WHO[,WHO...] or --team[=NAME]");
    if (serve_params_get(params, "company") == NULL)
        return usage(error, "say which account: --company COMPANY");
    gint64 routes = 0;
    g_autofree char *range = g_strdup_printf("a number from 1 to %d", WP_DIAGRAM_MAX_ROUTES);
    WpPathQuery query = {0};
    if (!serve_params_count(params, "max_routes", "--max-routes", 1, WP_DIAGRAM_MAX_ROUTES, range,
                            &routes, error) ||
        !search_limits(env, params, &query.max_hops, &query.min_probability, error))
        return FALSE;
    g_autoptr(GArray) who = sellers(env, params, error);
    if (who == NULL)
        return FALSE;
    const char *company = serve_params_get(params, "company");
    if (wp_select_account(graph, company, "--company", error) == NULL)
        return FALSE;
    g_auto(GStrv) expressions = serve_params_get_all(params, "where");
    g_autoptr(WpWhere) where =
        wp_select_where(graph, (const char *const *)expressions, "--where", error);
    if (where == NULL)
        return FALSE;
    g_autoptr(WpPathSet) set = wp_path_find_into_company(
        env->scoring, env->context, (const WpPerson *)who->data, who->len, company,
        expressions ? where : NULL, &query, env->cancellable, error);
    if (set == NULL)
        return FALSE;
    g_autofree char *context =
        cli_diagram_context(env->model_name, query.max_hops, query.min_probability);
    g_autofree char *filter = expressions ? g_strjoinv(" and ", expressions) : NULL;
    g_autofree char *full =
        filter ? g_strdup_printf("%s \u00b7 only %s", context, filter) : g_strdup(context);
    WpDiagramLimits limits = {(guint)routes, 0, full};
    g_autoptr(WpDiagram) diagram =
        wp_diagram_new_account_map(env->scoring, set, (const WpPerson *)who->data, who->len,
                                   company, expressions ? where : NULL, &limits);
    out->svg = wp_diagram_render(diagram, WP_DIAGRAM_SVG, error);
    return out->svg != NULL;
}

/* ---- rank ----------------------------------------------------------------------------------- */

static const ServeParamSpec rank_params[] = {
    WHO_PARAMS,
    {"where", "--where", SERVE_PARAM_STRINGS,
     "Territory filter, repeatable (AND): industry=Fintech,Insurance  region!=UK  title~vp,cfo"},
    {"top", "--top", SERVE_PARAM_INTEGER, "Sources to list (default all; 0 = all)"},
    {"best", "--best", SERVE_PARAM_INTEGER, "Best targets shown per source (default 3)"},
    {"plan", "--plan", SERVE_PARAM_INTEGER,
     "Plan the asks: pick up to N sources and whom to ask each about"},
    {"max_asks", "--max-asks", SERVE_PARAM_INTEGER,
     "With plan: targets to ask one source about at most (default 3)"},
    {"min_gain", "--min-gain", SERVE_PARAM_NUMBER,
     "With plan: leave out asks adding fewer expected introductions (default: the profile's)"},
    LIMIT_PARAMS,
    {NULL, NULL, 0, NULL},
};

/* cmd-rank.c's check_options(), the same rules and messages. */
static gboolean check_rank_request(const ServeParams *params, gint64 *top, gint64 *best,
                                   gint64 *plan, gint64 *max_asks, double *min_gain, GError **error)
{
    if (!serve_params_count(params, "top", "--top", 0, MAX_COUNT, "a number of sources, 0 for all",
                            top, error))
        return FALSE;
    if (!serve_params_count(params, "best", "--best", 0, MAX_COUNT,
                            "a number of targets per source", best, error) ||
        !serve_params_count(params, "plan", "--plan", 0, MAX_COUNT, "a number of sources to ask",
                            plan, error) ||
        !serve_params_count(params, "max_asks", "--max-asks", 1, MAX_COUNT, "a number from 1",
                            max_asks, error))
        return FALSE;
    if (serve_params_get(params, "min_gain") != NULL && *plan == 0)
        return usage(error, "--min-gain sets the floor of --plan's asks: give --plan N too");
    if (!serve_params_number(params, "min_gain", 0, 1, TRUE, min_gain))
        return usage(error, "--min-gain: expected a number of expected introductions from 0 to 1");
    return TRUE;
}

/* The heading, the plan's asks (with a plan) or the first sources with their best targets. */
static char *rank_text(const WpRankReport *report)
{
    GString *out = g_string_new(NULL);
    g_autoptr(GPtrArray) heading = wp_report_rank_heading(report);
    for (guint i = 0; i < heading->len; i++)
        add_line(out, g_strdup(heading->pdata[i]));
    if (report->plan != NULL) {
        add_line(out, wp_report_plan_heading(report));
        for (guint i = 0; i < report->plan->picks->len; i++) {
            const WpRankPick *pick = &g_array_index(report->plan->picks, WpRankPick, i);
            add_line(out, wp_report_pick_sentence(report, i));
            for (guint k = 0; k < pick->n_asks; k++) {
                g_autofree char *ask = wp_report_ask_sentence(report, pick->first_ask + k);
                add_line(out, g_strdup_printf("  %s", ask));
            }
        }
        return g_string_free(out, FALSE);
    }
    for (guint i = 0; i < report->sources->len && i < 10; i++) {
        const WpSourceReason *s = &g_array_index(report->sources, WpSourceReason, i);
        g_autofree char *best = wp_report_best_targets_text(report, s->source, TRUE);
        add_line(out,
                 g_strdup_printf("%u. %s: %s", s->rank,
                                 wp_graph_person_label(report->graph, s->source->person), best));
    }
    return g_string_free(out, FALSE);
}

static gboolean run_rank(const ServeQueryEnv *env, const ServeParams *params, ServeAnswer *out,
                         GError **error)
{
    const WpScoring *scoring = env->scoring;
    const WpGraph *graph = wp_scoring_graph(scoring);
    gint64 top = 0, best = DEFAULT_BEST, plan_size = 0, max_asks = DEFAULT_MAX_ASKS;
    double min_gain = wp_model_plan_min_gain(wp_scoring_model(scoring));
    guint hops = 0;
    double floor = 0;
    if (serve_params_get(params, "from") == NULL && serve_params_get(params, "team") == NULL)
        return usage(error, "say who asks: --from WHO[,WHO...] or --team[=NAME]");
    if (!check_rank_request(params, &top, &best, &plan_size, &max_asks, &min_gain, error) ||
        !search_limits(env, params, &hops, &floor, error))
        return FALSE;
    g_autoptr(GArray) who = sellers(env, params, error);
    if (who == NULL)
        return FALSE;
    g_auto(GStrv) where = serve_params_get_all(params, "where");
    WpTerritorySpec spec = {(const char *const *)where, NULL, wp_scoring_model(scoring),
                            env->model_name, NULL};
    g_autoptr(WpTerritory) territory = wp_territory_select(graph, &spec, error);
    if (territory == NULL)
        return FALSE;
    GArray *selected = territory->people;
    WpRankQuery query = {
        .sellers = (const WpPerson *)who->data,
        .n_sellers = who->len,
        .targets = (const WpPerson *)selected->data,
        .n_targets = selected->len,
        .max_hops = hops,
        .min_probability = floor,
        .n_best = (guint)best,
        .n_threads = 1, /* the service's parallelism is its workers */
    };
    g_autoptr(WpRankResult) result =
        wp_rank_run(scoring, env->context, &query, env->cancellable, error);
    if (result == NULL)
        return FALSE;
    g_autoptr(WpRankPlan) plan = NULL;
    if (plan_size > 0) {
        plan = wp_rank_plan(result, (guint)plan_size, (guint)max_asks, min_gain);
        if (!wp_rank_plan_routes(scoring, env->context, &query, result, plan, env->cancellable,
                                 error))
            return FALSE;
    }
    WpRankRequest request = {query.sellers,  query.n_sellers,       territory,
                             (guint)top,     (guint)max_asks,       plan != NULL ? min_gain : 0,
                             query.max_hops, query.min_probability, env->model_name};
    g_autoptr(WpRankReport) report = wp_rank_report_new(scoring, result, plan, &request);
    out->json = wp_report_rank_json(report);
    out->text = rank_text(report);
    return TRUE;
}

/* ---- people --------------------------------------------------------------------------------- */

static const ServeParamSpec people_params[] = {
    {"q", "q", SERVE_PARAM_STRING, "What was typed so far: part of a name or a company"},
    {"limit", "limit", SERVE_PARAM_INTEGER, "At most this many people (default 10, at most 100)"},
    {NULL, NULL, 0, NULL},
};

static gboolean run_people(const ServeQueryEnv *env, const ServeParams *params, ServeAnswer *out,
                           GError **error)
{
    const char *text = serve_params_get(params, "q");
    if (text == NULL)
        return usage(error, "q: say what to search for (q=TEXT)");
    gint64 limit = DEFAULT_PEOPLE;
    g_autofree char *expected = g_strdup_printf("a number from 1 to %d", MAX_PEOPLE);
    if (!serve_params_count(params, "limit", "limit", 1, MAX_PEOPLE, expected, &limit, error))
        return FALSE;
    const WpGraph *graph = wp_scoring_graph(env->scoring);
    g_autoptr(GArray) found = wp_graph_search_people(graph, text, (guint)limit);
    out->json = wp_report_people_json(graph, found);
    GString *list = g_string_new(NULL);
    for (guint i = 0; i < found->len; i++) {
        WpPerson p = g_array_index(found, WpPersonMatch, i).person;
        const char *company = wp_graph_person_attr(graph, p, WP_COLUMN_COMPANY);
        const char *title = wp_graph_person_attr(graph, p, WP_COLUMN_TITLE);
        g_string_append_printf(list, "%s (id %s)%s%s%s%s\n", wp_graph_person_label(graph, p),
                               wp_graph_person_id(graph, p), title ? ", " : "", title ? title : "",
                               company ? ", " : "", company ? company : "");
    }
    if (found->len == 0)
        g_string_append(list, "No one matches.\n");
    out->text = g_string_free(list, FALSE);
    return TRUE;
}

static const ServeQuery queries[] = {
    {"paths", SERVE_ANSWER_JSON, path_params, run_paths},
    {"rank", SERVE_ANSWER_JSON, rank_params, run_rank},
    {"people", SERVE_ANSWER_JSON, people_params, run_people},
    {"path-diagram", SERVE_ANSWER_SVG, path_params, run_path_diagram},
    {"account-diagram", SERVE_ANSWER_SVG, account_params, run_account_diagram},
};

/* The question of @table (@n of them) called @name, or NULL. */
static const ServeQuery *find_query(const ServeQuery *table, guint n, const char *name)
{
    for (guint i = 0; i < n; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

const ServeQuery *serve_query_lookup(const char *name)
{
    guint n_ledger;
    const ServeQuery *ledger = serve_ledger_queries(&n_ledger);
    const ServeQuery *found = find_query(queries, G_N_ELEMENTS(queries), name);
    return found != NULL ? found : find_query(ledger, n_ledger, name);
}

gboolean serve_query_run(const ServeQuery *query, const ServeQueryEnv *env,
                         const ServeParams *params, ServeAnswer *out, GError **error)
{
    if (!serve_params_check(query, params, error))
        return FALSE;
    return query->run(env, params, out, error);
}
