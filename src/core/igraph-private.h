/* SPDX-License-Identifier: MIT */
/* The only door to igraph: its error handler, return-code checks, and our graph as an igraph_t. */
#pragma once

#include <igraph.h>

#include "core/graph-private.h"

/* Installs warmpath's igraph error handler (once per process): igraph then unwinds and returns
 * an error code instead of aborting. Call before the first igraph function. */
void wp_i_igraph_init(void);

/* TRUE for IGRAPH_SUCCESS; otherwise sets WP_ERROR_GRAPH_ENGINE "WHAT: igraph's reason". */
gboolean wp_i_igraph_ok(igraph_error_t rc, const char *what, GError **error);

/* Builds @out (undirected, one edge per tie, edge id = WpTie). The caller destroys it. */
gboolean wp_i_igraph_from_graph(const WpGraph *graph, igraph_t *out, GError **error);

static inline void wp_i_vector_int_clear(igraph_vector_int_t *v)
{
    if (v->stor_begin != NULL)
        igraph_vector_int_destroy(v);
}
static inline void wp_i_vector_clear(igraph_vector_t *v)
{
    if (v->stor_begin != NULL)
        igraph_vector_destroy(v);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(igraph_vector_int_t, wp_i_vector_int_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(igraph_vector_t, wp_i_vector_clear)
#define WP_IGRAPH_VECTOR_NULL                                                                      \
    {                                                                                              \
        NULL, NULL, NULL                                                                           \
    }
