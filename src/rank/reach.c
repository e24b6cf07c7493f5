/* SPDX-License-Identifier: MIT */
/* Stop sets for unbounded rank searches: who each search can reach at all. */
#include "rank/rank-private.h"

#include <string.h>

#define UNLABELLED G_MAXUINT32

/* Breadth-first from @start over out-arcs (in-arcs when !@forward), skipping @banned and going
 * no further from @leaves, giving every person reached the label @label. */
static void flood(const WpAdjacency *adj, const guint8 *banned, const guint8 *leaves,
                  WpPerson start, guint32 label, gboolean forward, guint32 *labels, GArray *queue)
{
    const guint32 *offsets = wp_i_adjacency_offsets(adj, forward);
    const WpArc *arcs = wp_i_adjacency_arcs(adj, forward);
    g_array_set_size(queue, 0);
    labels[start] = label;
    g_array_append_val(queue, start);
    for (guint i = 0; i < queue->len; i++) {
        WpPerson p = g_array_index(queue, WpPerson, i);
        if (leaves != NULL && leaves[p] && p != start)
            continue;
        for (guint32 a = offsets[p]; a < offsets[p + 1]; a++) {
            WpPerson q = arcs[a].head;
            if (labels[q] != UNLABELLED || banned[q])
                continue;
            labels[q] = label;
            g_array_append_val(queue, q);
        }
    }
}

void wp_i_rank_stops_init(WpRankStops *stops, const WpAdjacency *adj, guint8 *wanted,
                          const guint8 *banned, const guint8 *leaves, const WpPerson *starts,
                          guint n_starts, const WpPerson *wanted_people, guint n_wanted_people,
                          gboolean forward)
{
    memset(stops, 0, sizeof *stops);
    guint32 *labels = g_new(guint32, MAX(adj->n_people, 1));
    for (guint i = 0; i < adj->n_people; i++)
        labels[i] = UNLABELLED;
    g_autoptr(GArray) queue = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    /* Undirected: label components (one label per start that opens a new one). Directed, or
     * with leaves: one label for everything reachable from any start. */
    gboolean undirected = !adj->directed && leaves == NULL; /* leaves make reach one-way */
    guint32 n_labels = 0;
    for (guint i = 0; i < n_starts; i++) {
        WpPerson s = starts[i];
        if (labels[s] != UNLABELLED)
            continue;
        if (undirected || n_labels == 0)
            n_labels++;
        flood(adj, banned, leaves, s, n_labels - 1, forward, labels, queue);
    }
    g_autofree guint *per_label = g_new0(guint, MAX(n_labels, 1));
    stops->wanted = wanted;
    stops->marked = g_memdup2(wanted_people, sizeof(WpPerson) * n_wanted_people);
    stops->n_marked = n_wanted_people;
    for (guint i = 0; i < n_wanted_people; i++) {
        WpPerson w = wanted_people[i];
        if (stops->wanted[w])
            continue;
        stops->wanted[w] = 1;
        if (labels[w] != UNLABELLED)
            per_label[labels[w]]++;
    }
    stops->n_wanted = g_new0(guint, MAX(n_starts, 1));
    for (guint i = 0; i < n_starts; i++)
        stops->n_wanted[i] = per_label[labels[starts[i]]];
    g_free(labels);
}

void wp_i_rank_stops_clear(WpRankStops *stops)
{
    for (guint i = 0; stops->wanted != NULL && i < stops->n_marked; i++)
        stops->wanted[stops->marked[i]] = 0;
    stops->wanted = NULL;
    g_clear_pointer(&stops->marked, g_free);
    g_clear_pointer(&stops->n_wanted, g_free);
}
