/* SPDX-License-Identifier: MIT */
/* From tie rows to ties: rows naming the same pair merge into one tie (tie-merge.c), and the
 * ties into compressed rows of arcs with their raw costs (adjacency.c). */
#pragma once

#include "core/graph-private.h"

/* Tie rows as parallel arrays, in file order. The optional arrays exist when their has_ flag is
 * set (a column gave them); @line only under WP_LOAD_STRICT. The merge frees the arrays. */
typedef struct {
    gboolean has_types, has_dates, has_interactions, has_directed;
    gsize n;
    WpTieRowColumns columns;
} WpTieRows;

/* Fills @graph's tie arrays (ordered by low, then high endpoint) from @rows, merging the rows of
 * each pair by the rules of WpTieInfo. Fails only under WP_LOAD_STRICT, naming the earliest
 * repeated row of @origin. Either way @rows' arrays are freed and @rows is emptied. */
gboolean wp_i_graph_merge_ties(WpGraph *graph, WpTieRows *rows, const char *origin, GError **error);

/* Lays out @graph's out- and in-arcs from its merged ties, with the raw model installed and
 * every arc's cost computed. */
void wp_i_graph_build_adjacency(WpGraph *graph);
