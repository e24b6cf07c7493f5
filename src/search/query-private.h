/* SPDX-License-Identifier: MIT */
/* The workspaces a query borrows from its WpQueryContext (warmpath/query.h), and how a query
 * starts and ends: the context checked and bound to the scoring and the cancellable, and a
 * cancelled query failed. */
#pragma once

#include "search/search-private.h"
#include "warmpath/query.h"

/* Per-person byte arrays a query may mark people in. Each is all zero between queries: a query
 * clears what it set (by the lists it set them from) before it ends. */
typedef enum {
    WP_I_MARK_BANNED,      /* never entered: the asking sellers (WpRoles.banned), Yen's roots */
    WP_I_MARK_FIRST_HOP,   /* fellow sellers: only a path's first step (WpRoles.first_hop_only) */
    WP_I_MARK_ALL_SELLERS, /* asking and fellow sellers (rank's forward runs) */
    WP_I_MARK_WANTED,      /* the people a search stops for (contacts, an account's people) */
    WP_I_MARK_SEEN,        /* people already taken (rank's territory) */
    WP_I_N_MARKS
} WpMark;

/* What the run kept in WpQueryContext.search[WP_I_SEARCH_KEPT] was made with: everything it
 * depends on, so that a later query asking the same run can read it instead (see
 * wp_i_query_kept_search()). */
typedef struct {
    gsize scoring_serial; /* WpScoring.serial; 0 = nothing kept */
    WpPerson source;
    WpSearchDirection direction;
    guint max_hops;
    double max_cost;
    guint max_settled;
} WpKeptRun;

/* The context's searches (wp_i_query_search()). */
enum {
    WP_I_SEARCH_MAIN,
    WP_I_SEARCH_SIDE, /* the other side of a search from both ends */
    WP_I_SEARCH_KEPT, /* a run kept between queries */
    WP_I_N_SEARCHES
};

struct WpQueryContext {
    WpGraph *graph;                       /* a reference */
    WpSearch *search[WP_I_N_SEARCHES];    /* made on first use */
    WpKeptRun kept;                       /* what search[WP_I_SEARCH_KEPT] holds */
    guint8 *marks[WP_I_N_MARKS]; /* made on first use, zeroed; all zero between queries */
    double *scratch;             /* made on first use: per person, any content */
    gint busy;                   /* atomic: a query holds the context */
    gboolean temporary;          /* made by wp_i_query_begin() for one query */
    const WpScoring *scoring;    /* the query's, while one holds the context; borrowed */
    GCancellable *cancellable;   /* the query's (nullable); borrowed */
};

/**
 * wp_i_query_begin:
 * @context: (nullable): the caller's context, or NULL for a temporary one
 *
 * Starts a query on @scoring: takes @context (checking that it is for the scoring's graph and
 * that no other query holds it; WP_ERROR_USAGE otherwise) and binds its searches to @scoring and
 * @cancellable. A query already cancelled fails here with G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer none) (nullable): the context to use until wp_i_query_end()
 */
WpQueryContext *wp_i_query_begin(WpQueryContext *context, const WpScoring *scoring,
                                 GCancellable *cancellable, GError **error);
/* Ends the query that wp_i_query_begin() returned @context for: releases it (frees a temporary
 * one). FALSE with G_IO_ERROR_CANCELLED when @cancellable (nullable) was cancelled meanwhile:
 * the query's searches may have stopped early, so its answer must be thrown away. */
gboolean wp_i_query_end(WpQueryContext *context, GCancellable *cancellable, GError **error);

/* The context's search @which (< WP_I_N_SEARCHES), bound to the query's scoring and
 * cancellable. */
WpSearch *wp_i_query_search(WpQueryContext *context, guint which);

/**
 * wp_i_query_kept_search:
 * @source: who the run starts from
 * @limits: the run's limits: hop-limited, with no stop set, target, potential, callback or
 *   banned first ties, and bans that depend only on the query's scoring and @source (the one
 *   asking seller's: see its callers)
 *
 * A run that does not depend on the question, made once and kept for the queries after: a
 * service's seller asks many questions, and the seller's side of an empty answer's hints is the
 * same for each. Runs @limits from @source on the kept search unless the run kept there was made
 * with the same scoring, @source and limits; a cancelled run is not kept. Read it through
 * wp_i_search_view_stop() for a stop set.
 *
 * Returns: (transfer none): the kept search, holding that run
 */
WpSearch *wp_i_query_kept_search(WpQueryContext *context, WpPerson source,
                                 const WpSearchLimits *limits);
/* The marks @which: one byte per person, all zero; leave them so. */
guint8 *wp_i_query_marks(WpQueryContext *context, WpMark which);
/* One double per person, content undefined (overwritten by the user). */
double *wp_i_query_scratch(WpQueryContext *context);
/* TRUE when every mark is zero, as between queries (for tests). O(people). */
gboolean wp_i_query_context_clean(const WpQueryContext *context);
