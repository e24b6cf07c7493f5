/* SPDX-License-Identifier: MIT */
/* A per-thread workspace for the queries on one graph, reused from query to query. */
#pragma once

#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"

G_BEGIN_DECLS

/**
 * WpQueryContext:
 *
 * The work arrays a query needs, sized by the number of people (search states, the people a
 * query bans or wants, A* potentials), kept from one query to the next and reset by the lists
 * of what each query touched, so a long-running process does not allocate them per request.
 * Every query (wp_path_find(), wp_path_find_into_company(), wp_rank_run(),
 * wp_rank_plan_routes()) takes one, or NULL to have a temporary one made for that call.
 *
 * Thread contract: a context belongs to one thread at a time (a query refuses a context another
 * query is using, with WP_ERROR_USAGE); give each worker thread its own. It serves any scoring
 * of its graph (WpScoring); the graph and the scorings themselves may be shared by any number
 * of threads.
 */
typedef struct WpQueryContext WpQueryContext;

/**
 * wp_query_context_new:
 * @graph: the network the context's queries run on; a reference is taken
 *
 * Cannot fail. Time: O(1). Memory: the work arrays are made by the first query that needs them
 * (then about 4 bytes per person for a hop-limited search, 20 more for one without a limit, 8
 * for `--all-paths`, and a few bytes per person of marks), and kept until the context is
 * freed.
 *
 * Returns: (transfer full): the context; free it with wp_query_context_free()
 */
WP_API WpQueryContext *wp_query_context_new(WpGraph *graph);
/* Frees the context and its work arrays, and drops its graph reference. NULL is a no-op. Time:
 * O(1): a fixed number of frees (plus wp_graph_unref()). */
WP_API void wp_query_context_free(WpQueryContext *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpQueryContext, wp_query_context_free)

/* Time: O(1). Returns: (transfer none): the context's graph; valid while the context lives */
WP_API WpGraph *wp_query_context_graph(const WpQueryContext *context);

G_END_DECLS
