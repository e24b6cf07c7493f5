/* SPDX-License-Identifier: MIT */
/* What selection reads of a graph's people beyond the public accessors: the people-file columns
 * as arrays (a million look-ups by name would cost 100 ms), who is listed, and the slot where
 * the people search keeps its index. The narrow view select/ takes of a WpGraph; the whole
 * layout (core/graph-private.h) stays with the core, the readers and the snapshot. Never seen by
 * applications. */
#pragma once

#include "warmpath/graph.h"

/* One people-file column: its name and a value per listed person (read with
 * wp_i_column_value()). Persons added from ties have no values. */
typedef struct {
    char *name;             /* owned */
    GPtrArray *values;      /* borrowed from the string chunk, NULL when empty; or NULL for a mapped
                             * snapshot, whose values stay offsets into its string table (pointers to
                             * 7M values were 56 MB of fresh pages and a fifth of a cold command) */
    const guint32 *offsets; /* the snapshot's: G_MAXUINT32 when empty */
    const char *strings;
} WpColumn;

/* Listed person @p's value in @col, NULL when empty. */
static inline const char *wp_i_column_value(const WpColumn *col, guint p)
{
    if (col->values != NULL)
        return col->values->pdata[p];
    return col->offsets[p] == G_MAXUINT32 ? NULL : col->strings + col->offsets[p];
}

/* The people-file column named @name (borrowed, valid while the graph lives), or NULL when the
 * people file has none. Its values exist for listed people only. O(columns). */
const WpColumn *wp_i_graph_column(const WpGraph *graph, const char *name);

/* People [0, n_listed) come from the people file; the rest are known only from ties. O(1). */
guint wp_i_graph_n_listed(const WpGraph *graph);

/* The people a selection chooses among, [0, n): the listed ones, or everyone when there is no
 * people file (people known only from ties have no attributes; without a people file the ids
 * are all there is). O(1). */
guint wp_i_graph_n_candidates(const WpGraph *graph);

/* The graph's cache of what its people say (select/people-search.c): built by @build on the
 * first call while other threads wait (g_once), freed with the graph by @free_func; the same
 * pointer every later call. The graph stays read-only to everyone else. */
gconstpointer wp_i_graph_people_cache(const WpGraph *graph, gpointer (*build)(const WpGraph *),
                                      GDestroyNotify free_func);
/* The same for the people of each account (select/accounts.c). */
gconstpointer wp_i_graph_accounts_cache(const WpGraph *graph, gpointer (*build)(const WpGraph *),
                                        GDestroyNotify free_func);
