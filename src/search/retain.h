/* SPDX-License-Identifier: MIT */
/* How much of a working array a search keeps from one query to the next.
 *
 * A service's worker answers question after question with the same search arrays. Kept at their
 * largest ever size, they made the resident memory creep up each time a larger question came
 * (the rare one that reaches half a million people); given back whenever past a fixed 1 MiB,
 * typical questions paid to map and fault them in again (about 1.3 ms a MB on this machine: 20 %
 * more CPU per question on the medium benchmark network). So an array keeps what typical
 * questions need: four times a running average of the queries' peak use, or the caller's floor,
 * whichever is more; a larger one is given back when its query ends. */
#pragma once

#include <glib.h>

typedef struct {
    gsize peak;     /* bytes: the most used since the last query ended */
    double typical; /* bytes: the queries' peaks, averaged over about the last 16 */
} WpRetain;

/* Notes that an array used @bytes. */
static inline void wp_i_retain_use(WpRetain *r, gsize bytes)
{
    if (bytes > r->peak)
        r->peak = bytes;
}

/* At a query's end (once per query): TRUE when an array of @capacity bytes is more than typical
 * queries need and more than @min_keep, so it should be given back. */
static inline gboolean wp_i_retain_release(WpRetain *r, gsize capacity, gsize min_keep)
{
    r->typical += ((double)r->peak - r->typical) / 16;
    r->peak = 0;
    return capacity > min_keep && (double)capacity > 4 * r->typical;
}

/* @data cut to its first @keep bytes (freed, NULL, for 0), for an array given back. Shrunk
 * rather than freed: an array grown again from nothing passes through every size below glibc's
 * mapping threshold in its thread's heap, and those blocks, each freed as the next is taken,
 * left a long-running service's heaps fragmented and growing (README, "The service under
 * load"); one of the floor's size is mapped apart and regrows in place. */
static inline gpointer wp_i_retain_shrink(gpointer data, gsize keep)
{
    if (keep == 0) {
        g_free(data);
        return NULL;
    }
    return g_realloc(data, keep);
}
