/* SPDX-License-Identifier: MIT */
/* From tie rows to ties: rows naming the same pair merge into one tie (tie-merge.c), and the
 * ties into compressed rows of arcs with their raw costs (adjacency.c). */
#pragma once

#include "core/builder-private.h"

/* A run of tie rows, in file order, as parallel arrays. An optional array may be NULL even when
 * its field is kept (a file without that column): the run's rows take the field's default. */
typedef struct {
    gsize n;
    WpTieRowColumns columns;
} WpTieRowPart;

/* Every tie row, as runs in file order: a bulk reader hands over its chunks' arrays as they
 * are, rather than copying them into one. The optional fields exist when their has_ flag is
 * set; @line in every part under WP_LOAD_STRICT, else nowhere. The merge frees the arrays. */
typedef struct {
    gboolean has_types, has_dates, has_interactions, has_directed;
    gboolean has_side[WP_TIES_N_SIDE]; /* the graph's tie_labels[k] exists */
    gsize n;                           /* rows in all parts */
    guint n_parts;
    WpTieRowPart *parts;
} WpTieRows;

/* A row naming a pair that an earlier row named (a duplicate-tie warning). Rows are counted
 * from 0 in file order, over all parts. */
typedef struct {
    guint64 row;
    guint64 first_row; /* the pair's first row */
    WpPerson a, b;     /* as the repeating row names them */
} WpTieRepeat;

/* Fills @graph's tie arrays (ordered by low, then high endpoint) from @rows, merging the rows of
 * each pair by the rules of WpTieInfo (and of tie-columns.h for the side columns), and sets
 * @repeats to the first rows (at most WP_WARNING_EXAMPLES, in file order) that repeat a pair. Fails
 * only under WP_LOAD_STRICT, naming the earliest repeated row of @origin. Either way @rows' arrays
 * and parts are freed and @rows is emptied. */
gboolean wp_i_graph_merge_ties(WpGraph *graph, WpTieRows *rows, const char *origin,
                               WpTieRepeat repeats[WP_WARNING_EXAMPLES], guint *n_repeats,
                               GError **error);

/* Removes the ties whose declared strength is WP_DECLARED_DISTRUST, keeping the order of the
 * others. */
void wp_i_graph_drop_distrust(WpGraph *graph);
/* Turns the declared weights of WP_WEIGHT_MAX and WP_WEIGHT_LOG into strengths in (0, 1], now
 * that the largest is known; the other scales are done as rows are read. */
void wp_i_graph_scale_weights(WpGraph *graph, WpWeightScale scale);

/* Lays out @graph's out- and in-arcs from its merged ties, with every arc's raw cost. */
void wp_i_graph_build_adjacency(WpGraph *graph);

/* Frees @rows' arrays and parts and empties it (keeps the has_ flags). */
void wp_i_tie_rows_clear(WpTieRows *rows);
