/* SPDX-License-Identifier: MIT */
/* Introduction paths: the public entry points, path sets, and the "at least one works" figure. */
#include "paths/paths-private.h"
#include "warmpath/error.h"
#include "warmpath/resolve.h"
#include "warmpath/text.h"

#include <math.h>
#include <string.h>

/* Above this many paths the shared-parts count (2^n terms) gives way to 1 - prod(1 - p). */
#define MAX_EXACT_PATHS 16

void wp_path_clear(WpPath *path)
{
    if (path == NULL)
        return;
    g_free(path->people);
    g_free(path->ties);
    memset(path, 0, sizeof *path);
}

static void clear_path_element(gpointer data)
{
    wp_path_clear(data);
}

WpPathSet *wp_i_path_set_new(WpPerson target)
{
    WpPathSet *set = g_new0(WpPathSet, 1);
    set->target = target;
    set->paths = g_array_new(FALSE, TRUE, sizeof(WpPath));
    g_array_set_clear_func(set->paths, clear_path_element);
    set->suggestions = g_array_new(FALSE, TRUE, sizeof(WpPath));
    g_array_set_clear_func(set->suggestions, clear_path_element);
    set->direct = g_array_new(FALSE, FALSE, sizeof(WpDirectTie));
    set->at_least_one_exact = TRUE;
    return set;
}

void wp_path_set_free(WpPathSet *set)
{
    if (set == NULL)
        return;
    g_array_unref(set->paths);
    g_array_unref(set->suggestions);
    g_array_unref(set->direct);
    wp_path_clear(&set->unconstrained);
    g_free(set);
}

gboolean wp_i_path_check(guint n_sellers, const WpPathQuery *query, GError **error)
{
    if (n_sellers == 0) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE, "no seller to start from");
        return FALSE;
    }
    if (query->max_hops > WP_MAX_HOPS) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "hop limit %u is over the maximum of %d",
                    query->max_hops, WP_MAX_HOPS);
        return FALSE;
    }
    if (!(query->min_probability >= 0 && query->min_probability < 1)) {
        char p[G_ASCII_DTOSTR_BUF_SIZE]; /* '.' in any locale */
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "minimum probability %s is not in [0, 1)",
                    g_ascii_formatd(p, sizeof p, "%g", query->min_probability));
        return FALSE;
    }
    return TRUE;
}

void wp_i_path_context_init(WpPathContext *ctx, const WpScoring *scoring, WpQueryContext *context,
                            const WpPerson *sellers, guint n_sellers, const WpPathQuery *query)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->graph = wp_scoring_graph(scoring);
    ctx->scoring = scoring;
    ctx->context = context;
    ctx->sellers = sellers;
    ctx->n_sellers = n_sellers;
    ctx->query = *query;
    ctx->hop_penalty = scoring->hop_penalty;
    ctx->max_cost = query->min_probability > 0
                        ? wp_i_cost_from_strength(query->min_probability, ctx->hop_penalty) + 1e-9
                        : INFINITY;
    wp_i_roles_init(&ctx->roles, scoring, context, sellers, n_sellers);
    ctx->banned = ctx->roles.banned;
    ctx->first_hop_only = ctx->roles.first_hop_only;
    ctx->team_starts = g_array_new(FALSE, FALSE, sizeof(WpTeamStart));
    for (guint i = 0; i < n_sellers; i++)
        for (guint j = 0; j < ctx->roles.teammates->len; j++) {
            WpPerson mate = g_array_index(ctx->roles.teammates, WpTeammate, j).person;
            WpTie tie;
            double strength;
            gboolean team;
            if (wp_i_roles_first_hop(&ctx->roles, sellers[i], mate, &tie, &strength, &team) &&
                team) {
                WpTeamStart start = {sellers[i], mate,
                                     wp_i_cost_from_strength(strength, ctx->hop_penalty)};
                g_array_append_val(ctx->team_starts, start);
            }
        }
    ctx->search = wp_i_query_search(context, WP_I_SEARCH_MAIN);
    ctx->hint_budget = WP_PATH_HINT_BUDGET;
}

void wp_i_path_context_clear(WpPathContext *ctx)
{
    wp_i_roles_clear(&ctx->roles);
    ctx->banned = NULL;
    ctx->first_hop_only = NULL;
    g_clear_pointer(&ctx->team_starts, g_array_unref);
    ctx->search = NULL;
}

void wp_i_path_forward_limits(const WpPathContext *ctx, gboolean after_team_hop,
                              WpSearchLimits *limits)
{
    limits->banned = ctx->banned;
    limits->first_hop_only = after_team_hop ? NULL : ctx->first_hop_only;
}

void wp_i_path_ban_fellows(WpPathContext *ctx, WpPerson except, int delta)
{
    wp_i_roles_ban_fellows(&ctx->roles, ctx->banned, except, delta);
}

double wp_i_path_tie_cost(const WpPathContext *ctx, WpTie tie)
{
    return wp_i_cost_from_strength(wp_scoring_tie_strength(ctx->scoring, tie, NULL),
                                   ctx->hop_penalty);
}

double wp_path_hop_strength(const WpScoring *scoring, const WpPath *path, guint hop)
{
    g_return_val_if_fail(scoring != NULL && path != NULL && hop + 1 < path->n_people, 0);
    if (hop == 0 && path->team_hop)
        return scoring->team_tie;
    return wp_scoring_tie_strength(scoring, path->ties[hop], NULL);
}

double wp_i_path_hop_cost(const WpPathContext *ctx, const WpPath *path, guint hop)
{
    return wp_i_cost_from_strength(wp_path_hop_strength(ctx->scoring, path, hop), ctx->hop_penalty);
}

void wp_i_path_init(WpPath *path, const WpScoring *scoring, const WpPerson *people,
                    const WpTie *ties, guint n_people, gboolean team_hop)
{
    path->people = g_memdup2(people, sizeof(WpPerson) * n_people);
    path->ties = g_memdup2(ties, sizeof(WpTie) * (n_people - 1));
    path->n_people = n_people;
    path->seller = people[0];
    path->team_hop = team_hop;
    if (team_hop)
        path->ties[0] = WP_TIE_NONE;
    double factor = wp_model_intermediary_factor(scoring->model);
    double p = 1;
    for (guint i = 0; i + 1 < n_people; i++)
        p *= wp_path_hop_strength(scoring, path, i) * (i > 0 ? factor : 1);
    path->probability = p;
}

static int compare_paths(gconstpointer a, gconstpointer b, gpointer user_data)
{
    const WpGraph *graph = user_data;
    const WpPath *x = a;
    const WpPath *y = b;
    if (x->probability != y->probability)
        return x->probability > y->probability ? -1 : 1;
    if (x->n_people != y->n_people)
        return x->n_people < y->n_people ? -1 : 1;
    for (guint i = 1; i < MIN(x->n_people, y->n_people); i++) {
        int c = strcmp(wp_graph_person_label(graph, x->people[i]),
                       wp_graph_person_label(graph, y->people[i]));
        if (c == 0)
            c = strcmp(wp_graph_person_id(graph, x->people[i]),
                       wp_graph_person_id(graph, y->people[i]));
        if (c != 0)
            return c;
    }
    return strcmp(wp_graph_person_id(graph, x->seller), wp_graph_person_id(graph, y->seller));
}

void wp_i_paths_sort(GArray *paths, const WpGraph *graph)
{
    g_array_sort_with_data(paths, compare_paths, (gpointer)graph);
}

/* The parts a path needs to work: its ties, and its intermediaries passing the request on. */
typedef struct {
    guint *parts; /* indices into the part probabilities */
    guint n_parts;
} PathParts;

/* Inclusion-exclusion over every non-empty subset S of the paths: the chance that all of S work
 * is the product over the union of their parts, so a shared part counts once. */
static void sum_subsets(const PathParts *paths, guint n, guint i, double product, guint chosen,
                        const double *part_p, guint *uses, double *sum)
{
    if (i == n) {
        if (chosen > 0)
            *sum += (chosen % 2 ? 1 : -1) * product;
        return;
    }
    sum_subsets(paths, n, i + 1, product, chosen, part_p, uses, sum);
    double with = product;
    for (guint j = 0; j < paths[i].n_parts; j++)
        if (uses[paths[i].parts[j]]++ == 0)
            with *= part_p[paths[i].parts[j]];
    sum_subsets(paths, n, i + 1, with, chosen + 1, part_p, uses, sum);
    for (guint j = 0; j < paths[i].n_parts; j++)
        uses[paths[i].parts[j]]--;
}

static guint part_index(GHashTable *index, GArray *part_p, guint64 key, double p)
{
    gpointer found;
    if (g_hash_table_lookup_extended(index, &key, NULL, &found))
        return GPOINTER_TO_UINT(found);
    guint64 *owned = g_new(guint64, 1);
    *owned = key;
    guint i = part_p->len;
    g_array_append_val(part_p, p);
    g_hash_table_insert(index, owned, GUINT_TO_POINTER(i));
    return i;
}

void wp_i_path_set_score(WpPathSet *set, const WpScoring *scoring)
{
    guint n = set->paths->len;
    double none = 1;
    for (guint i = 0; i < n; i++)
        none *= 1 - g_array_index(set->paths, WpPath, i).probability;
    set->at_least_one = n > 0 ? 1 - none : 0;
    set->at_least_one_exact = n <= MAX_EXACT_PATHS;
    if (n < 2 || n > MAX_EXACT_PATHS)
        return;
    double factor = wp_model_intermediary_factor(scoring->model);
    g_autoptr(GHashTable) index = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    /* Team ties have no tie index: keyed by (seller, teammate) in a table of their own. */
    g_autoptr(GHashTable) team_index =
        g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GArray) part_p = g_array_new(FALSE, FALSE, sizeof(double));
    PathParts parts[MAX_EXACT_PATHS];
    for (guint i = 0; i < n; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        parts[i].n_parts = 0;
        parts[i].parts = g_new(guint, 2 * path->n_people);
        for (guint j = 0; j + 1 < path->n_people; j++) {
            double s = wp_path_hop_strength(scoring, path, j);
            parts[i].parts[parts[i].n_parts++] =
                j == 0 && path->team_hop
                    ? part_index(team_index, part_p,
                                 (guint64)path->people[0] << 32 | path->people[1], s)
                    : part_index(index, part_p, path->ties[j], s);
            if (j > 0) /* an intermediary: key above every tie */
                parts[i].parts[parts[i].n_parts++] =
                    part_index(index, part_p, ((guint64)1 << 32) | path->people[j], factor);
        }
    }
    g_autofree guint *uses = g_new0(guint, MAX(part_p->len, 1));
    double sum = 0;
    sum_subsets(parts, n, 0, 1.0, 0, (const double *)part_p->data, uses, &sum);
    set->at_least_one = CLAMP(sum, 0.0, 1.0);
    for (guint i = 0; i < n; i++)
        g_free(parts[i].parts);
}

static gboolean check_people(const WpGraph *graph, const WpPerson *sellers, guint n_sellers,
                             GError **error)
{
    for (guint i = 0; i < n_sellers; i++) {
        g_return_val_if_fail(sellers[i] < wp_graph_n_people(graph), FALSE);
        for (guint j = 0; j < i; j++)
            if (sellers[j] == sellers[i]) {
                g_autofree char *name = wp_text_excerpt(wp_graph_person_label(graph, sellers[i]));
                g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "seller '%s' is named twice", name);
                return FALSE;
            }
    }
    return TRUE;
}

/* When nothing was found: the best path with no hop limit or floor, and the best paths to the
 * target's colleagues within the limits, each within the hints' budget. */
static void add_hints(WpPathContext *ctx, WpPerson target, WpPathSet *set)
{
    set->unconstrained_cut = !wp_i_paths_best_anywhere(ctx, target, &set->unconstrained);
    const char *company = wp_graph_person_attr(ctx->graph, target, WP_COLUMN_COMPANY);
    if (company == NULL)
        return;
    g_autoptr(GArray) colleagues = wp_graph_people_at_company(ctx->graph, company);
    for (guint i = 0; i < colleagues->len; i++)
        if (g_array_index(colleagues, WpPerson, i) == target)
            g_array_remove_index(colleagues, i--);
    g_autoptr(WpPathSet) into = wp_i_path_set_new(WP_PERSON_NONE);
    set->suggestions_cut = !wp_i_paths_into_people(ctx, (const WpPerson *)colleagues->data,
                                                   colleagues->len, ctx->hint_budget, into);
    for (guint i = 0; i < into->paths->len; i++) {
        g_array_append_val(set->suggestions, g_array_index(into->paths, WpPath, i));
        memset(&g_array_index(into->paths, WpPath, i), 0, sizeof(WpPath));
    }
}

/* The answer to a query on @ctx, or NULL (and the answer freed) when the query was cancelled. */
static WpPathSet *finish(WpPathContext *ctx, WpPathSet *set, GCancellable *cancellable,
                         GError **error)
{
    WpQueryContext *context = ctx->context;
    wp_i_path_context_clear(ctx);
    if (!wp_i_query_end(context, cancellable, error)) {
        wp_path_set_free(set);
        return NULL;
    }
    return set;
}

WpPathSet *wp_path_find(const WpScoring *scoring, WpQueryContext *context, const WpPerson *sellers,
                        guint n_sellers, WpPerson target, const WpPathQuery *query,
                        GCancellable *cancellable, GError **error)
{
    g_return_val_if_fail(scoring != NULL && query != NULL, NULL);
    const WpGraph *graph = scoring->graph;
    g_return_val_if_fail(n_sellers == 0 || sellers != NULL, NULL);
    g_return_val_if_fail(target < wp_graph_n_people(graph), NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    if (!check_people(graph, sellers, n_sellers, error))
        return NULL;
    if (query->k == 0) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE, "the number of paths must be >= 1");
        return NULL;
    }
    for (guint i = 0; i < n_sellers; i++)
        if (sellers[i] == target) {
            g_autofree char *name = wp_text_excerpt(wp_graph_person_label(graph, target));
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "'%s' is the target and a seller", name);
            return NULL;
        }
    WpPathContext ctx;
    if (!wp_i_path_check(n_sellers, query, error))
        return NULL;
    context = wp_i_query_begin(context, scoring, cancellable, error);
    if (context == NULL)
        return NULL;
    wp_i_path_context_init(&ctx, scoring, context, sellers, n_sellers, query);
    WpPathSet *set = wp_i_path_set_new(target);
    wp_i_direct_ties(&ctx, target, set->direct);
    if (query->all_paths)
        wp_i_paths_yen(&ctx, target, set);
    else if (!(set->direct_answer = wp_i_paths_direct_answer(&ctx, set)))
        wp_i_paths_by_source(&ctx, target, set);
    if (set->paths->len == 0)
        add_hints(&ctx, target, set);
    wp_i_path_set_score(set, scoring);
    return finish(&ctx, set, cancellable, error);
}

WpPathSet *wp_path_find_into_company(const WpScoring *scoring, WpQueryContext *context,
                                     const WpPerson *sellers, guint n_sellers, const char *company,
                                     const WpWhere *where, const WpPathQuery *query,
                                     GCancellable *cancellable, GError **error)
{
    g_return_val_if_fail(scoring != NULL && company != NULL && query != NULL, NULL);
    const WpGraph *graph = scoring->graph;
    g_return_val_if_fail(n_sellers == 0 || sellers != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    if (!check_people(graph, sellers, n_sellers, error))
        return NULL;
    g_autoptr(GArray) people = wp_graph_resolve_account(graph, company, NULL, error);
    if (people == NULL)
        return NULL;
    g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (guint i = 0; i < people->len; i++) {
        WpPerson p = g_array_index(people, WpPerson, i);
        if (where == NULL || wp_where_matches(where, graph, p))
            g_array_append_val(targets, p);
    }
    WpPathContext ctx;
    if (!wp_i_path_check(n_sellers, query, error))
        return NULL;
    context = wp_i_query_begin(context, scoring, cancellable, error);
    if (context == NULL)
        return NULL;
    wp_i_path_context_init(&ctx, scoring, context, sellers, n_sellers, query);
    WpPathSet *set = wp_i_path_set_new(WP_PERSON_NONE);
    for (guint j = 0; j < targets->len; j++)
        wp_i_direct_ties(&ctx, g_array_index(targets, WpPerson, j), set->direct);
    wp_i_paths_into_people(&ctx, (const WpPerson *)targets->data, targets->len, 0, set);
    wp_i_path_set_score(set, scoring);
    return finish(&ctx, set, cancellable, error);
}
