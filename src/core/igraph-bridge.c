/* SPDX-License-Identifier: MIT */
/* igraph without aborts: a non-fatal error handler and checked calls. */
#include "core/igraph-private.h"

static _Thread_local char last_reason[256];

/* igraph calls the handler once per frame while it unwinds; only the innermost call has a
 * reason. IGRAPH_FINALLY_FREE() may free that text, so copy it first. */
static void on_igraph_error(const char *reason, const char *file G_GNUC_UNUSED,
                            int line G_GNUC_UNUSED, igraph_error_t code G_GNUC_UNUSED)
{
    if (last_reason[0] == '\0' && reason != NULL && reason[0] != '\0')
        g_strlcpy(last_reason, reason, sizeof last_reason);
    IGRAPH_FINALLY_FREE();
}

/* igraph warnings are not ours to print: the library never writes to the terminal. */
static void on_igraph_warning(const char *reason G_GNUC_UNUSED, const char *file G_GNUC_UNUSED,
                              int line G_GNUC_UNUSED)
{
}

void wp_i_igraph_init(void)
{
    static gsize done = 0;
    if (g_once_init_enter(&done)) {
        igraph_set_error_handler(on_igraph_error);
        igraph_set_warning_handler(on_igraph_warning);
        g_once_init_leave(&done, 1);
    }
}

gboolean wp_i_igraph_ok(igraph_error_t rc, const char *what, GError **error)
{
    if (rc == IGRAPH_SUCCESS) {
        last_reason[0] = '\0';
        return TRUE;
    }
    g_set_error(error, WP_ERROR, WP_ERROR_GRAPH_ENGINE, "%s: %s", what,
                last_reason[0] ? last_reason : igraph_strerror(rc));
    last_reason[0] = '\0';
    return FALSE;
}

gboolean wp_i_igraph_from_graph(const WpGraph *g, igraph_t *out, GError **error)
{
    wp_i_igraph_init();
    g_auto(igraph_vector_int_t) edges = WP_IGRAPH_VECTOR_NULL;
    if (!wp_i_igraph_ok(igraph_vector_int_init(&edges, 2 * (igraph_integer_t)g->n_ties),
                        "graph copy", error))
        return FALSE;
    for (WpTie t = 0; t < g->n_ties; t++) {
        VECTOR(edges)[2 * (igraph_integer_t)t] = g->tie_source[t];
        VECTOR(edges)[2 * (igraph_integer_t)t + 1] = g->tie_target[t];
    }
    return wp_i_igraph_ok(igraph_create(out, &edges, g->n_people, IGRAPH_UNDIRECTED), "graph copy",
                          error);
}
