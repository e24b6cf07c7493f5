/* SPDX-License-Identifier: MIT */
/* The ask plan: a greedy choice of sources and of the targets to ask each about, leaving out
 * asks not worth a favour, and the route behind each ask. */
#include "rank/rank-private.h"
#include "warmpath/error.h"

#include <math.h>

/* One candidate ask while a round weighs a source. */
typedef struct {
    double gain;
    guint target_index;
    double probability;
} Candidate;

void wp_rank_plan_free(WpRankPlan *plan)
{
    if (plan == NULL)
        return;
    g_array_unref(plan->picks);
    for (guint i = 0; i < plan->asks->len; i++)
        wp_path_clear(&g_array_index(plan->asks, WpRankAsk, i).route);
    g_array_unref(plan->asks);
    g_free(plan);
}

/* Inserts @c into @best (sorted by gain descending, then target index) keeping at most @k. */
static void keep_best(GArray *best, guint k, const Candidate *c)
{
    guint at = best->len;
    while (at > 0) {
        const Candidate *prev = &g_array_index(best, Candidate, at - 1);
        if (prev->gain > c->gain || (prev->gain == c->gain && prev->target_index < c->target_index))
            break;
        at--;
    }
    if (at >= k)
        return;
    g_array_insert_val(best, at, *c);
    if (best->len > k)
        g_array_set_size(best, k);
}

/* The best @k asks of @source given @missed (per target, the chance every ask chosen so far
 * fails) that each add at least @min_gain, into @best; returns their total gain (summed best
 * first). */
static double best_asks(const WpRankSource *source, const double *missed, guint k, double min_gain,
                        GArray *best)
{
    g_array_set_size(best, 0);
    for (guint i = 0; i < source->reach->len; i++) {
        const WpRankReach *r = &g_array_index(source->reach, WpRankReach, i);
        Candidate c = {r->probability * missed[r->target_index], r->target_index, r->probability};
        if (c.gain > 0 && c.gain >= min_gain)
            keep_best(best, k, &c);
    }
    double total = 0;
    for (guint i = 0; i < best->len; i++)
        total += g_array_index(best, Candidate, i).gain;
    return total;
}

WpRankPlan *wp_rank_plan(const WpRankResult *result, guint max_sources, guint max_asks,
                         double min_gain)
{
    g_return_val_if_fail(result != NULL && max_sources >= 1 && max_asks >= 1, NULL);
    g_return_val_if_fail(min_gain >= 0 && min_gain <= 1, NULL);
    WpRankPlan *plan = g_new0(WpRankPlan, 1);
    plan->picks = g_array_new(FALSE, FALSE, sizeof(WpRankPick));
    plan->asks = g_array_new(FALSE, FALSE, sizeof(WpRankAsk));
    guint n_targets = result->targets->len, n_sources = result->sources->len;
    g_autofree double *missed = g_new(double, MAX(n_targets, 1));
    for (guint t = 0; t < n_targets; t++)
        missed[t] = 1;
    g_autofree gboolean *used = g_new0(gboolean, MAX(n_sources, 1));
    g_autoptr(GArray) trial = g_array_new(FALSE, FALSE, sizeof(Candidate));
    g_autoptr(GArray) chosen = g_array_new(FALSE, FALSE, sizeof(Candidate));
    for (guint round = 0; round < max_sources; round++) {
        guint pick = G_MAXUINT;
        double pick_gain = 0;
        for (guint i = 0; i < n_sources; i++) {
            if (used[i])
                continue;
            double gain = best_asks(&g_array_index(result->sources, WpRankSource, i), missed,
                                    max_asks, min_gain, trial);
            if (gain > pick_gain) { /* strictly: on a tie the higher-ranked source wins */
                pick = i;
                pick_gain = gain;
                GArray *swap = chosen;
                chosen = trial;
                trial = swap;
            }
        }
        if (pick == G_MAXUINT)
            break;
        used[pick] = TRUE;
        WpRankPick p = {pick, pick_gain, plan->asks->len, chosen->len};
        g_array_append_val(plan->picks, p);
        for (guint k = 0; k < chosen->len; k++) {
            const Candidate *c = &g_array_index(chosen, Candidate, k);
            WpRankAsk ask = {pick, c->target_index, c->probability, c->gain, {0}};
            g_array_append_val(plan->asks, ask);
            missed[c->target_index] *= 1 - c->probability;
        }
    }
    for (guint t = 0; t < n_targets; t++)
        plan->expected += 1 - missed[t];
    return plan;
}

/* The route of @ask: a search from its source to its target on the network the ranking used
 * (sellers and, under the team rules, fellow sellers banned; one hop fewer than the limit),
 * prefixed with the seller's tie to the source. FALSE when the target is not reached again. */
static gboolean find_route(const WpScoring *scoring, const WpRankQuery *q, const WpRoles *roles,
                           WpSearch *search, const WpRankSource *source, WpPerson target,
                           WpPath *out)
{
    WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
    lim.max_hops = q->max_hops > 0 ? q->max_hops - 1 : 0;
    lim.banned = roles->banned;
    lim.target = target;
    wp_i_roles_ban_fellows(roles, roles->banned, WP_PERSON_NONE, 1);
    wp_i_search_run(search, source->person, &lim);
    wp_i_roles_ban_fellows(roles, roles->banned, WP_PERSON_NONE, -1);
    g_autoptr(GArray) people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
    if (!wp_i_search_path(search, target, people, ties))
        return FALSE;
    WpTie first;
    double strength;
    gboolean team;
    if (!wp_i_roles_first_hop(roles, source->seller, source->person, &first, &strength, &team))
        return FALSE;
    g_array_prepend_val(people, source->seller);
    g_array_prepend_val(ties, first);
    double factor = wp_model_intermediary_factor(wp_scoring_model(scoring));
    out->n_people = people->len;
    out->people = (WpPerson *)g_array_steal(people, NULL);
    out->ties = (WpTie *)g_array_steal(ties, NULL);
    out->seller = source->seller;
    out->team_hop = team;
    double p = 1;
    for (guint i = 0; i + 1 < out->n_people; i++)
        p *= wp_path_hop_strength(scoring, out, i) * (i > 0 ? factor : 1);
    out->probability = p;
    return TRUE;
}

gboolean wp_rank_plan_routes(const WpScoring *scoring, WpQueryContext *context,
                             const WpRankQuery *query, const WpRankResult *result, WpRankPlan *plan,
                             GCancellable *cancellable, GError **error)
{
    g_return_val_if_fail(scoring != NULL && query != NULL && result != NULL && plan != NULL, FALSE);
    const WpGraph *graph = wp_scoring_graph(scoring);
    context = wp_i_query_begin(context, scoring, cancellable, error);
    if (context == NULL)
        return FALSE;
    WpRoles roles;
    wp_i_roles_init(&roles, scoring, context, query->sellers, query->n_sellers);
    WpSearch *search = wp_i_query_search(context, WP_I_SEARCH_MAIN);
    const WpRankAsk *lost = NULL; /* an ask whose route is not found again */
    for (guint i = 0; i < plan->asks->len && lost == NULL; i++) {
        WpRankAsk *ask = &g_array_index(plan->asks, WpRankAsk, i);
        const WpRankSource *source =
            &g_array_index(result->sources, WpRankSource, ask->source_index);
        WpPerson target = g_array_index(result->targets, WpPerson, ask->target_index);
        wp_path_clear(&ask->route);
        if (g_cancellable_is_cancelled(cancellable))
            break;
        if (!find_route(scoring, query, &roles, search, source, target, &ask->route) ||
            fabs(ask->route.probability - ask->probability) > 1e-9 * ask->probability)
            lost = ask;
    }
    wp_i_roles_clear(&roles);
    if (!wp_i_query_end(context, cancellable, error))
        return FALSE;
    if (lost != NULL) {
        const WpRankSource *source =
            &g_array_index(result->sources, WpRankSource, lost->source_index);
        WpPerson target = g_array_index(result->targets, WpPerson, lost->target_index);
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                    "no route from '%s' to '%s' at the ranked chance: the plan does not belong "
                    "to this network and query",
                    wp_graph_person_label(graph, source->person),
                    wp_graph_person_label(graph, target));
        return FALSE;
    }
    return TRUE;
}
