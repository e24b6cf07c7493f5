/* SPDX-License-Identifier: MIT */
/* warmpath error domain: every fallible library call reports through a GError in WP_ERROR. */
#pragma once

#include <glib.h>

#include "warmpath/export.h"

G_BEGIN_DECLS

#define WP_ERROR (wp_error_quark())

/**
 * WpError:
 * @WP_ERROR_FAILED: anything not covered below
 * @WP_ERROR_PARSE: bad input data; the message starts with "FILE:LINE: " when it has a place
 * @WP_ERROR_UNKNOWN_PERSON: no person matches what was asked for
 * @WP_ERROR_NO_PATH: no route exists (commands report this as an answer, not a failure)
 * @WP_ERROR_GRAPH_ENGINE: igraph failed (out of memory, internal limit)
 * @WP_ERROR_RENDER: Graphviz could not lay out or render a diagram
 * @WP_ERROR_NOT_SUPPORTED: a request the library cannot serve (e.g. a format not built in)
 * @WP_ERROR_AMBIGUOUS_PERSON: several people match what was asked for
 * @WP_ERROR_USAGE: a malformed request (option value, filter expression)
 * @WP_ERROR_LIMIT: input exceeds a documented resource limit (line length, file size)
 * @WP_ERROR_UNKNOWN_NAME: no account or team is the one asked for; the closest are attached
 *   (wp_error_get_candidates())
 *
 * Codes are appended only; their numbers are stable. Errors about a name (WP_ERROR_UNKNOWN_PERSON,
 * WP_ERROR_AMBIGUOUS_PERSON, WP_ERROR_UNKNOWN_NAME) carry the candidates their message lists.
 */
typedef enum {
    WP_ERROR_FAILED,
    WP_ERROR_PARSE,
    WP_ERROR_UNKNOWN_PERSON,
    WP_ERROR_NO_PATH,
    WP_ERROR_GRAPH_ENGINE,
    WP_ERROR_RENDER,
    WP_ERROR_NOT_SUPPORTED,
    WP_ERROR_AMBIGUOUS_PERSON,
    WP_ERROR_USAGE,
    WP_ERROR_LIMIT,
    WP_ERROR_UNKNOWN_NAME,
} WpError;

/* The WP_ERROR domain (registered, with the room for candidates, on first use). Time: O(1). */
WP_API GQuark wp_error_quark(void);

G_END_DECLS
