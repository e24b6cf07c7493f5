/* SPDX-License-Identifier: MIT */
/* A seller's direct tie to the person asked for: is it strong enough to just ask?
 *
 * A direct tie is a tie row between seller and person, or, under the team rules, the team tie
 * between two sellers of one team (whichever is stronger). It is *strong* unless it is weak (its
 * strength under the profile's [advice] weak_tie_below), cold (last contact older than
 * [recency] cold_after_days) or never used (interactions = 0); the team tie is never cold.
 * Under the raw model (declared strengths only) every direct tie is strong: it gives no advice.
 * In the default mode a strong direct tie is the whole answer: nobody asks for an introduction
 * to someone they can just ask. A weak or cold one is reported, and the warm introductions are
 * the answer: asking out of the blue after years of silence is a cold approach. */
#include "paths/paths-private.h"

#include <string.h>

gboolean wp_direct_tie_is_strong(const WpDirectTie *direct)
{
    g_return_val_if_fail(direct != NULL, FALSE);
    return (direct->flags & WP_DIRECT_NOT_STRONG) == 0;
}

static int by_strength(gconstpointer a, gconstpointer b)
{
    const WpDirectTie *x = a, *y = b;
    if (x->strength != y->strength)
        return x->strength > y->strength ? -1 : 1;
    return x->seller < y->seller ? -1 : x->seller > y->seller;
}

void wp_i_direct_ties(const WpPathContext *ctx, WpPerson person, GArray *out)
{
    guint first = out->len;
    for (guint i = 0; i < ctx->n_sellers; i++) {
        WpDirectTie d;
        if (wp_i_roles_direct(&ctx->roles, ctx->sellers[i], person, &d))
            g_array_append_val(out, d);
    }
    if (out->len - first > 1)
        qsort(&g_array_index(out, WpDirectTie, first), out->len - first, sizeof(WpDirectTie),
              by_strength);
}

gboolean wp_i_paths_direct_answer(const WpPathContext *ctx, WpPathSet *set)
{
    for (guint i = 0; i < set->direct->len; i++) {
        const WpDirectTie *d = &g_array_index(set->direct, WpDirectTie, i);
        if (!wp_direct_tie_is_strong(d))
            continue;
        WpPerson people[2] = {d->seller, d->person};
        WpPath path;
        wp_i_path_init(&path, ctx->scoring, people, &d->tie, 2, (d->flags & WP_DIRECT_TEAM) != 0);
        g_array_append_val(set->paths, path);
    }
    wp_i_paths_sort(set->paths, ctx->graph);
    return set->paths->len > 0;
}
