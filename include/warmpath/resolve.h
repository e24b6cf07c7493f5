/* SPDX-License-Identifier: MIT */
/* Person resolution: from what a salesperson types (an id, a name, a name at a company) to a
 * person of the graph. */
#pragma once

#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"

G_BEGIN_DECLS

/**
 * wp_graph_resolve_person:
 * @graph: the network
 * @query: an id, or a name as typed
 * @company: (nullable): a company the person works at, as typed
 * @error: return location for a GError, or NULL
 *
 * Finds the one person @query names: an exact id, else a name compared with wp_text_fold()
 * (case-, accent-, whitespace-insensitive), narrowed by @company (folded, also matched as a
 * prefix/substring) when given. Fails with WP_ERROR_UNKNOWN_PERSON ("no person named 'X';
 * closest: A (Co), B (Co)") or WP_ERROR_AMBIGUOUS_PERSON (message lists candidates).
 *
 * Returns: the person, or WP_PERSON_NONE with @error set
 */
WP_API WpPerson wp_graph_resolve_person(const WpGraph *graph, const char *query,
                                        const char *company, GError **error);

/**
 * wp_graph_match_people:
 * @graph: the network
 * @query: an id, or a name as typed
 * @company: (nullable): a company, as typed
 *
 * Every candidate matching @query (and @company), for listing, best first; empty if none.
 *
 * Returns: (transfer full) (element-type WpPerson): the candidates
 */
WP_API GArray *wp_graph_match_people(const WpGraph *graph, const char *query,
                                     const char *company);

/**
 * wp_graph_people_at_company:
 * @company: a company as typed
 *
 * The people of an account: those whose folded company equals the folded @company; when no one's
 * does, those whose company starts with it; else those whose company contains it.
 *
 * Returns: (transfer full) (element-type WpPerson): the people in person order; empty if none
 */
WP_API GArray *wp_graph_people_at_company(const WpGraph *graph, const char *company);

G_END_DECLS
