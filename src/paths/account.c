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

gboolean wp_i_paths_into_people(WpPathContext *ctx, const WpPerson *targets, guint n_targets,
                                guint budget, WpPathSet *set)
{
    if (n_targets == 0)
        return TRUE;
    gboolean complete = TRUE;
    g_autofree double *best = g_new(double, n_targets);
    g_autofree WpPath *paths = g_new0(WpPath, n_targets);
    for (guint j = 0; j < n_targets; j++)
        best[j] = INFINITY;
    g_autoptr(GArray) people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
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
    guint settled_before = ctx->hint_settled;
    for (guint r = 0; r < n_runs; r++) {
        gboolean team = r >= ctx->n_sellers;
        const WpTeamStart *start =
            team ? &g_array_index(ctx->team_starts, WpTeamStart, r - ctx->n_sellers) : NULL;
        WpPerson seller = team ? start->seller : ctx->sellers[r];
        double first_cost = team ? start->cost : 0;
        WpSearchLimits run = limits;
        wp_i_path_forward_limits(ctx, team, &run);
        if (team) {
            run.max_hops = limits.max_hops > 0 ? limits.max_hops - 1 : 0;
            run.max_cost = limits.max_cost - first_cost;
            wp_i_path_ban_fellows(ctx, WP_PERSON_NONE, 1);
        }
        if (budget > 0) { /* what the runs before left of it */
            run.max_settled = budget > ctx->hint_settled - settled_before
                                  ? budget - (ctx->hint_settled - settled_before)
                                  : 0;
            if (run.max_settled == 0) {
                complete = FALSE;
                if (team)
                    wp_i_path_ban_fellows(ctx, WP_PERSON_NONE, -1);
                break;
            }
        }
        wp_i_search_run(ctx->search, team ? start->mate : seller, &run);
        if (team)
            wp_i_path_ban_fellows(ctx, WP_PERSON_NONE, -1);
        if (budget > 0) {
            guint n_settled;
            wp_i_search_settled(ctx->search, &n_settled);
            ctx->hint_settled += n_settled;
            complete &= !wp_i_search_capped(ctx->search);
        }
        for (guint j = 0; j < n_targets; j++) {
            if (ctx->banned[targets[j]])
                continue;
            double cost = first_cost + wp_i_search_cost(ctx->search, targets[j]);
            if (!(cost < best[j]) || !wp_i_search_path(ctx->search, targets[j], people, ties))
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
