/* SPDX-License-Identifier: MIT */
/* WpQueryContext: per-thread workspaces for the queries on one graph (see query-private.h).
 *
 * Made once and reused, the arrays sized by the number of people cost nothing per query: on a
 * million people a path query used to allocate a search state array, two mark arrays and a
 * contact array (5-7 MB) and a query without a hop limit ~20 MB more, every time. Everything is
 * made on first use, so a context costs only what its queries need. */
#include "search/query-private.h"
#include "warmpath/error.h"

#include <string.h>

WpQueryContext *wp_query_context_new(WpGraph *graph)
{
    g_return_val_if_fail(graph != NULL, NULL);
    WpQueryContext *c = g_new0(WpQueryContext, 1);
    c->graph = wp_graph_ref(graph);
    return c;
}

void wp_query_context_free(WpQueryContext *c)
{
    if (c == NULL)
        return;
    for (guint i = 0; i < G_N_ELEMENTS(c->search); i++)
        wp_i_search_free(c->search[i]);
    for (guint i = 0; i < WP_I_N_MARKS; i++)
        g_free(c->marks[i]);
    g_free(c->scratch);
    wp_graph_unref(c->graph);
    g_free(c);
}

WpGraph *wp_query_context_graph(const WpQueryContext *c)
{
    g_return_val_if_fail(c != NULL, NULL);
    return c->graph;
}

WpQueryContext *wp_i_query_begin(WpQueryContext *c, const WpScoring *scoring,
                                 GCancellable *cancellable, GError **error)
{
    if (g_cancellable_set_error_if_cancelled(cancellable, error))
        return NULL;
    if (c == NULL) {
        c = wp_query_context_new(scoring->graph);
        c->temporary = TRUE;
    } else if (c->graph != scoring->graph) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE,
                            "the query context belongs to another network than the scoring");
        return NULL;
    }
    if (!g_atomic_int_compare_and_exchange(&c->busy, 0, 1)) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE,
                            "the query context is in use by another query: give each thread "
                            "its own");
        return NULL;
    }
    c->scoring = scoring;
    c->cancellable = cancellable;
    for (guint i = 0; i < G_N_ELEMENTS(c->search); i++)
        if (c->search[i] != NULL)
            wp_i_search_bind(c->search[i], scoring, cancellable);
    return c;
}

gboolean wp_i_query_end(WpQueryContext *c, GCancellable *cancellable, GError **error)
{
    for (guint i = 0; i < G_N_ELEMENTS(c->search); i++)
        if (c->search[i] != NULL) {
            wp_i_search_bind(c->search[i], NULL, NULL);
            if (i != WP_I_SEARCH_KEPT && !c->temporary) /* the kept run is for the next query */
                wp_i_search_trim(c->search[i], WP_SEARCH_KEEP_BYTES);
        }
    c->scoring = NULL;
    c->cancellable = NULL;
    g_atomic_int_set(&c->busy, 0);
    if (c->temporary)
        wp_query_context_free(c);
    return !g_cancellable_set_error_if_cancelled(cancellable, error);
}

WpSearch *wp_i_query_search(WpQueryContext *c, guint which)
{
    g_return_val_if_fail(which < G_N_ELEMENTS(c->search), NULL);
    if (c->search[which] == NULL) {
        c->search[which] = wp_i_search_new(c->graph);
        wp_i_search_bind(c->search[which], c->scoring, c->cancellable);
    }
    return c->search[which];
}

guint8 *wp_i_query_marks(WpQueryContext *c, WpMark which)
{
    g_return_val_if_fail(which < WP_I_N_MARKS, NULL);
    if (c->marks[which] == NULL)
        c->marks[which] = g_new0(guint8, MAX(wp_graph_n_people(c->graph), 1));
    return c->marks[which];
}

double *wp_i_query_scratch(WpQueryContext *c)
{
    if (c->scratch == NULL)
        c->scratch = g_new(double, MAX(wp_graph_n_people(c->graph), 1));
    return c->scratch;
}

gboolean wp_i_query_context_clean(const WpQueryContext *c)
{
    guint n = wp_graph_n_people(c->graph);
    for (guint i = 0; i < WP_I_N_MARKS; i++)
        for (guint p = 0; c->marks[i] != NULL && p < n; p++)
            if (c->marks[i][p] != 0)
                return FALSE;
    return TRUE;
}

WpSearch *wp_i_query_kept_search(WpQueryContext *c, WpPerson source, const WpSearchLimits *limits)
{
    g_return_val_if_fail(limits->max_hops > 0 && limits->stop_set == NULL &&
                             limits->target == WP_PERSON_NONE && limits->potential == NULL &&
                             limits->on_settle == NULL && limits->n_banned_first_ties == 0,
                         NULL);
    WpSearch *search = wp_i_query_search(c, WP_I_SEARCH_KEPT);
    WpKeptRun key = {c->scoring->serial, source,           limits->direction,
                     limits->max_hops,   limits->max_cost, limits->max_settled};
    const WpKeptRun *kept = &c->kept;
    if (kept->scoring_serial == key.scoring_serial && kept->source == key.source &&
        kept->direction == key.direction && kept->max_hops == key.max_hops &&
        kept->max_cost == key.max_cost && kept->max_settled == key.max_settled)
        return search;
    wp_i_search_run(search, source, limits);
    c->kept = g_cancellable_is_cancelled(c->cancellable) ? (WpKeptRun){0} : key;
    return search;
}
