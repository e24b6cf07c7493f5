/* SPDX-License-Identifier: MIT */
/* The ask plan: a greedy choice of sources and of the targets to ask each about. */
#include "rank/rank-private.h"

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
 * fails), into @best; returns their total gain (summed best first). */
static double best_asks(const WpRankSource *source, const double *missed, guint k, GArray *best)
{
    g_array_set_size(best, 0);
    for (guint i = 0; i < source->reach->len; i++) {
        const WpRankReach *r = &g_array_index(source->reach, WpRankReach, i);
        Candidate c = {r->probability * missed[r->target_index], r->target_index,
                       r->probability};
        if (c.gain > 0)
            keep_best(best, k, &c);
    }
    double total = 0;
    for (guint i = 0; i < best->len; i++)
        total += g_array_index(best, Candidate, i).gain;
    return total;
}

WpRankPlan *wp_rank_plan(const WpRankResult *result, guint max_sources, guint max_asks)
{
    g_return_val_if_fail(result != NULL && max_sources >= 1 && max_asks >= 1, NULL);
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
                                    max_asks, trial);
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
            WpRankAsk ask = {pick, c->target_index, c->probability, c->gain};
            g_array_append_val(plan->asks, ask);
            missed[c->target_index] *= 1 - c->probability;
        }
    }
    for (guint t = 0; t < n_targets; t++)
        plan->expected += 1 - missed[t];
    return plan;
}
