/* SPDX-License-Identifier: MIT */
/* Into an account: the best path to each reachable person of a set (a company's people).
 *
 * One forward search per seller (the other sellers banned) within the hop limit and the
 * probability floor gives every person's best path from that seller; each target keeps the best
 * over the sellers. A path of cost C has probability exp(-C + hop penalty). People settle in
 * order of cost, so a search may stop once it has settled k of the targets (or all of them).
 * Under the team rules a run also starts from each teammate a seller reaches through the team
 * tie, its costs counted after the team hop; fellow sellers are only ever a path's first step. */
#include "paths/paths-private.h"

#include <math.h>

/* The run for the hints of one seller's empty answer (a budget, no team starts): the seller's
 * side does not depend on the question, so it is made once and kept (wp_i_query_kept_search()),
 * then read as the run with @limits' stop set would have ended. On the benchmark's large network
 * this run was 8 of an empty answer's 21 ms. The kept run's bans are the one seller's (roles.c:
 * the seller, and fellow sellers by the scoring's teams), which its key covers. */
static WpSearch *kept_run(WpPathContext *ctx, const WpSearchLimits *limits)
{
    WpSearchLimits run = *limits;
    wp_i_path_forward_limits(ctx, FALSE, &run);
    run.stop_set = NULL;
    run.n_stop = 0;
    WpSearch *search = wp_i_query_kept_search(ctx->context, ctx->sellers[0], &run);
    wp_i_search_view_stop(search, limits->stop_set, limits->n_stop);
    return search;
}

/* One forward run on @search: from seller @r, or from team start r - n_sellers after its team
 * hop (then *@first_cost is that hop's cost, else 0); on the kept search for the hints of a lone
 * seller (@kept). With @left (nullable) it settles at most *@left people (> 0), taken off
 * *@left; FALSE when it stopped there. */
static gboolean run_from(WpPathContext *ctx, const WpSearchLimits *limits, guint r, guint *left,
                         gboolean kept, WpSearch **search, double *first_cost)
{
    gboolean team = r >= ctx->n_sellers;
    const WpTeamStart *start =
        team ? &g_array_index(ctx->team_starts, WpTeamStart, r - ctx->n_sellers) : NULL;
    *first_cost = team ? start->cost : 0;
    WpSearchLimits run = *limits;
    if (left != NULL)
        run.max_settled = *left;
    if (kept) {
        *search = kept_run(ctx, &run);
    } else {
        *search = ctx->search;
        wp_i_path_forward_limits(ctx, team, &run);
        if (team) {
            run.max_hops = limits->max_hops > 0 ? limits->max_hops - 1 : 0;
            run.max_cost = limits->max_cost - start->cost;
            wp_i_path_ban_fellows(ctx, WP_PERSON_NONE, 1);
        }
        wp_i_search_run(ctx->search, team ? start->mate : ctx->sellers[r], &run);
        if (team)
            wp_i_path_ban_fellows(ctx, WP_PERSON_NONE, -1);
    }
    if (left == NULL)
        return TRUE;
    guint n_settled;
    wp_i_search_settled(*search, &n_settled);
    *left -= MIN(n_settled, *left);
    ctx->hint_settled += n_settled;
    return !wp_i_search_capped(*search);
}

/* After run @r: each target it reached more cheaply than any run before (best[j], paths[j]). */
static void keep_better(WpPathContext *ctx, const WpSearch *search, const WpPerson *targets,
                        guint n_targets, guint r, double first_cost, double *best, WpPath *paths)
{
    gboolean team = r >= ctx->n_sellers;
    WpPerson seller = team ? g_array_index(ctx->team_starts, WpTeamStart, r - ctx->n_sellers).seller
                           : ctx->sellers[r];
    g_autoptr(GArray) people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
    for (guint j = 0; j < n_targets; j++) {
        if (ctx->banned[targets[j]])
            continue;
        double cost = first_cost + wp_i_search_cost(search, targets[j]);
        if (!(cost < best[j]) || !wp_i_search_path(search, targets[j], people, ties))
            continue;
        best[j] = cost;
        wp_path_clear(&paths[j]);
        if (team) {
            WpTie none = WP_TIE_NONE;
            g_array_prepend_val(people, seller);
            g_array_prepend_val(ties, none);
        }
        wp_i_path_init(&paths[j], ctx->scoring, (const WpPerson *)people->data,
                       (const WpTie *)ties->data, people->len, team);
    }
}

gboolean wp_i_paths_into_people(WpPathContext *ctx, const WpPerson *targets, guint n_targets,
                                guint budget, WpPathSet *set)
{
    if (n_targets == 0)
        return TRUE;
    gboolean complete = TRUE;
    guint left = budget;
    g_autofree double *best = g_new(double, n_targets);
    g_autofree WpPath *paths = g_new0(WpPath, n_targets);
    for (guint j = 0; j < n_targets; j++)
        best[j] = INFINITY;
    WpSearchLimits limits = WP_SEARCH_LIMITS_INIT;
    limits.max_hops = ctx->query.max_hops;
    limits.max_cost = ctx->max_cost;
    guint8 *wanted = wp_i_query_marks(ctx->context, WP_I_MARK_WANTED); /* cleared below */
    for (guint j = 0; j < n_targets; j++)
        if (!ctx->banned[targets[j]] && !wanted[targets[j]]) {
            wanted[targets[j]] = 1;
            limits.n_stop++;
        }
    if (ctx->query.k > 0)
        limits.n_stop = MIN(limits.n_stop, ctx->query.k);
    limits.stop_set = wanted;
    guint n_runs = ctx->n_sellers + (ctx->query.max_hops != 1 ? ctx->team_starts->len : 0);
    gboolean kept = budget > 0 && n_runs == 1 && limits.max_hops > 0;
    for (guint r = 0; r < n_runs && complete; r++) {
        double first_cost;
        WpSearch *search;
        if (budget > 0 && left == 0) {
            complete = FALSE; /* the runs before used it all */
            break;
        }
        complete = run_from(ctx, &limits, r, budget > 0 ? &left : NULL, kept, &search, &first_cost);
        keep_better(ctx, search, targets, n_targets, r, first_cost, best, paths);
    }
    for (guint j = 0; j < n_targets; j++)
        wanted[targets[j]] = 0;
    for (guint j = 0; j < n_targets; j++) {
        if (paths[j].n_people > 0 && paths[j].probability >= ctx->query.min_probability)
            g_array_append_val(set->paths, paths[j]);
        else
            wp_path_clear(&paths[j]);
    }
    wp_i_paths_sort(set->paths, ctx->graph);
    if (ctx->query.k > 0 && set->paths->len > ctx->query.k)
        g_array_set_size(set->paths, ctx->query.k);
    return complete;
}
