/* SPDX-License-Identifier: MIT */
/* What a search reads of a graph: how many people, and each person's arcs (the neighbour and the
 * tie of each) in compressed rows. The narrow view that scorings, searches, paths and rank take
 * of a WpGraph; the whole layout (core/graph-private.h) stays with the core, the readers and the
 * snapshot. Never seen by applications. */
#pragma once

#include "warmpath/graph.h"

/* A copy of the graph's adjacency pointers, taken once (a search, a scoring) and read in the
 * inner loops without a call per arc. Valid while the graph lives; the graph never changes once
 * loaded, so the copy never goes stale. */
typedef struct {
    guint n_people;
    /* Out-arcs of person p are out_arcs[out_offsets[p] .. out_offsets[p + 1]), n_people + 1
     * offsets; an arc's index is also its place in a scoring's cost array. */
    const guint32 *out_offsets;
    const WpArc *out_arcs;
    /* In-arcs likewise (an arc's head is then the person the tie comes from). The same arrays as
     * the out-arcs when no tie is directed. */
    const guint32 *in_offsets;
    const WpArc *in_arcs;
    gboolean directed; /* some tie is directed: the in-arcs are arrays of their own */
} WpAdjacency;

/* Fills *@out with @graph's adjacency. O(1), cannot fail. */
void wp_i_graph_adjacency(const WpGraph *graph, WpAdjacency *out);

/* The offsets of one direction's arcs: out-arcs when @out, else in-arcs. */
static inline const guint32 *wp_i_adjacency_offsets(const WpAdjacency *adj, gboolean out)
{
    return out ? adj->out_offsets : adj->in_offsets;
}

/* The arcs of one direction, indexed by arc (offsets from wp_i_adjacency_offsets()). */
static inline const WpArc *wp_i_adjacency_arcs(const WpAdjacency *adj, gboolean out)
{
    return out ? adj->out_arcs : adj->in_arcs;
}

/* The number of arcs in one direction. */
static inline guint32 wp_i_adjacency_n_arcs(const WpAdjacency *adj, gboolean out)
{
    return wp_i_adjacency_offsets(adj, out)[adj->n_people];
}
