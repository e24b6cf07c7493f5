/* SPDX-License-Identifier: MIT */
/* The unlimited-hop engine behind WpSearch (see dijkstra.c); callers use search-private.h. */
#pragma once

#include "search/search-private.h"

typedef struct WpDijkstra WpDijkstra;

WpDijkstra *wp_i_dijkstra_new(const WpGraph *graph);
void wp_i_dijkstra_free(WpDijkstra *dijkstra);
/* At a query's end: discards the last run and gives back the working lists' memory that
 * typical queries do not need, past @min_keep (see wp_i_search_trim(); the per-person arrays
 * stay: they are the size of the network, and all of it is in use). */
void wp_i_dijkstra_trim(WpDijkstra *dijkstra, gsize min_keep);
/* As wp_i_search_run() for limits with max_hops = 0, on @scoring's costs (borrowed until the
 * next run), stopping when @cancellable (nullable) is cancelled. */
void wp_i_dijkstra_run(WpDijkstra *dijkstra, const WpScoring *scoring, GCancellable *cancellable,
                       WpPerson source, const WpSearchLimits *limits);
double wp_i_dijkstra_cost(const WpDijkstra *dijkstra, WpPerson person);
guint wp_i_dijkstra_hops(const WpDijkstra *dijkstra, WpPerson person);
const WpPerson *wp_i_dijkstra_settled(const WpDijkstra *dijkstra, guint *n);
gboolean wp_i_dijkstra_capped(const WpDijkstra *dijkstra);
gboolean wp_i_dijkstra_path(const WpDijkstra *dijkstra, WpPerson person, GArray *people,
                            GArray *ties);
