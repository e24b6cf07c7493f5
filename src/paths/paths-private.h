/* SPDX-License-Identifier: MIT */
/* What the path algorithms share: a validated query with its search workspace, path building,
 * ordering. One algorithm per file: sources.c, yen.c, account.c; path.c ties them together. */
#pragma once

#include "search/search-private.h"

/* A query ready to run. Built by wp_i_path_context_init(), cleared by wp_i_path_context_clear(). */
typedef struct {
    const WpGraph *graph;
    const WpPerson *sellers; /* borrowed, n_sellers >= 1, distinct */
    guint n_sellers;
    guint8 *banned;          /* owned, per person: 1 for sellers (paths never pass through one) */
    WpPathQuery query;
    double hop_penalty;      /* -ln(intermediary factor) */
    double max_cost;         /* costliest full path worth finding: -ln(min_probability) + hop
                              * penalty (plus a rounding margin), or INFINITY */
    WpSearch *search;        /* owned */
} WpPathContext;

/* Checks the query (k >= 1, max_hops <= WP_MAX_HOPS, min_probability in [0, 1), sellers in range) and
 * sets up. Fails with WP_ERROR_USAGE. */
gboolean wp_i_path_context_init(WpPathContext *ctx, const WpGraph *graph, const WpPerson *sellers,
                                guint n_sellers, const WpPathQuery *query, GError **error);
void wp_i_path_context_clear(WpPathContext *ctx);

/* Search cost of one tie: the same value the search engine's arrays hold. */
double wp_i_path_tie_cost(const WpPathContext *ctx, WpTie tie);

/* Copies @people (n >= 2) and @ties (n - 1) into @path and scores it from the ties. */
void wp_i_path_init(WpPath *path, const WpGraph *graph, const WpPerson *people, const WpTie *ties,
                    guint n_people);

/* An empty set for @target with its arrays created. */
WpPathSet *wp_i_path_set_new(WpPerson target);
/* Sorts @paths best first: probability, then fewer hops, then the people's names and ids. */
void wp_i_paths_sort(GArray *paths, const WpGraph *graph);
/* Fills at_least_one and at_least_one_exact from the set's paths. */
void wp_i_path_set_score(WpPathSet *set, const WpGraph *graph);

/* Default mode: direct ties to @target plus one path per referral source (at most k). */
void wp_i_paths_by_source(WpPathContext *ctx, WpPerson target, WpPathSet *set);
/* The k best loopless paths from any seller to @target (Yen's algorithm per seller). */
void wp_i_paths_yen(WpPathContext *ctx, WpPerson target, WpPathSet *set);
/* The best path from any seller to @target ignoring the hop limit and the floor, into @out (left
 * zeroed when there is none). */
void wp_i_paths_best_anywhere(WpPathContext *ctx, WpPerson target, WpPath *out);
/* The best path to each of @targets (n >= 0) that some seller reaches, best first, at most k
 * (0 = all); a target that is a seller is skipped. */
void wp_i_paths_into_people(WpPathContext *ctx, const WpPerson *targets, guint n_targets,
                            WpPathSet *set);
