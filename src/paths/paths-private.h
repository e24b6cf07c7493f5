/* SPDX-License-Identifier: MIT */
/* What the path algorithms share: a validated query with its search workspace, path building,
 * ordering. One algorithm per file: sources.c, yen.c, account.c; path.c ties them together. */
#pragma once

#include "search/roles-private.h"
#include "warmpath/path.h"

/* WP_PATH_HINT_BUDGET (warmpath/path.h) bounds the work each hint of an empty answer (the best
 * path beyond the limits, the ways to the target's colleagues) may do. Unbounded, one hint
 * settled the whole network or the whole ball within the limits (69,000 of the benchmark's
 * 100,000 people: 40-190 ms) for advice (docs/paths.md "No path"). */

/* A teammate whom a seller asks through the team tie: paths go on from the teammate. */
typedef struct {
    WpPerson seller;
    WpPerson mate;
    double cost; /* search cost of the team hop: -ln(team tie) + hop penalty */
} WpTeamStart;

/* A query ready to run. Built by wp_i_path_context_init(), cleared by wp_i_path_context_clear(). */
typedef struct {
    const WpGraph *graph;
    const WpScoring *scoring; /* borrowed: the costs and strengths paths are scored on */
    WpQueryContext *context;  /* borrowed: the workspaces (wp_i_query_begin()) */
    const WpPerson *sellers;  /* borrowed, n_sellers >= 1, distinct */
    guint n_sellers;
    WpRoles roles;  /* owned: asking sellers, teammates, fellow sellers */
    guint8 *banned; /* = roles.banned, per person: 1 for the asking sellers (paths never
                     * pass through one); Yen adds the roots of its spurs */
    const guint8 *first_hop_only; /* = roles.first_hop_only: fellow sellers, or NULL */
    GArray *team_starts;          /* owned, WpTeamStart, by seller then teammate */
    WpPathQuery query;
    double hop_penalty; /* -ln(intermediary factor) */
    double max_cost;    /* costliest full path worth finding: -ln(min_probability) + hop
                         * penalty (plus a rounding margin), or INFINITY */
    WpSearch *search;   /* the query context's first */
    guint hint_budget;  /* people each hint's searches may settle: WP_PATH_HINT_BUDGET (tests
                         * set less) */
    guint hint_settled; /* people the hints' searches settled so far (a statistic) */
} WpPathContext;

/* Checks the query: a seller at least, max_hops <= WP_MAX_HOPS, min_probability in [0, 1).
 * Fails with WP_ERROR_USAGE. */
gboolean wp_i_path_check(guint n_sellers, const WpPathQuery *query, GError **error);
/* Sets a checked query up on @context (held: wp_i_query_begin()). Cannot fail. */
void wp_i_path_context_init(WpPathContext *ctx, const WpScoring *scoring, WpQueryContext *context,
                            const WpPerson *sellers, guint n_sellers, const WpPathQuery *query);
void wp_i_path_context_clear(WpPathContext *ctx);

/* Search cost of one tie: the same value the search engine's arrays hold. */
double wp_i_path_tie_cost(const WpPathContext *ctx, WpTie tie);

/* Copies @people (n >= 2) and @ties (n - 1) into @path and scores it from its hops under
 * @scoring; @team_hop: the first hop is the team tie (ties[0] is then WP_TIE_NONE). */
void wp_i_path_init(WpPath *path, const WpScoring *scoring, const WpPerson *people,
                    const WpTie *ties, guint n_people, gboolean team_hop);
/* Search cost of @path's hop @hop, as the search engine's arrays (or a team start) hold it. */
double wp_i_path_hop_cost(const WpPathContext *ctx, const WpPath *path, guint hop);
/* Forward-search limits for a run from @start: from a seller, fellow sellers may only be its
 * first step (first_hop_only); from a team start (@after_team_hop), where the first hop is
 * taken already, they are banned outright (wp_i_path_ban_fellows() around the run). */
void wp_i_path_forward_limits(const WpPathContext *ctx, gboolean after_team_hop,
                              WpSearchLimits *limits);
/* Bans (+1) or releases (-1) the fellow sellers but @except around a run after the first hop. */
void wp_i_path_ban_fellows(WpPathContext *ctx, WpPerson except, int delta);

/* An empty set for @target with its arrays created. */
WpPathSet *wp_i_path_set_new(WpPerson target);
/* Sorts @paths best first: probability, then fewer hops, then the people's names and ids. */
void wp_i_paths_sort(GArray *paths, const WpGraph *graph);
/* Fills at_least_one and at_least_one_exact from the set's paths. */
void wp_i_path_set_score(WpPathSet *set, const WpScoring *scoring);

/* Appends the sellers' direct ties to @person (rows, and team ties) to @out, strongest first
 * (direct.c). */
void wp_i_direct_ties(const WpPathContext *ctx, WpPerson person, GArray *out);
/* Adds the strong ones of @set's direct ties as paths; FALSE when none is strong. */
gboolean wp_i_paths_direct_answer(const WpPathContext *ctx, WpPathSet *set);
/* Default mode: one path per referral source (at most k); direct ties are the caller's. */
void wp_i_paths_by_source(WpPathContext *ctx, WpPerson target, WpPathSet *set);
/* The k best loopless paths from any seller to @target (Yen's algorithm per seller). */
void wp_i_paths_yen(WpPathContext *ctx, WpPerson target, WpPathSet *set);
/* The best path from any seller to @target ignoring the hop limit and the floor and not using a
 * direct tie (a seller's tie to @target is not a path the limits hide), into @out (left zeroed
 * when there is none), its searches settling at most ctx->hint_budget people in all. FALSE when
 * the budget ran out before the answer was certain: @out is then left zeroed too. */
gboolean wp_i_paths_best_anywhere(WpPathContext *ctx, WpPerson target, WpPath *out);
/* The best path to each of @targets (n >= 0) that some seller reaches, best first, at most k
 * (0 = all); a target that is a seller is skipped. With @budget > 0 the searches settle at most
 * that many people in all; FALSE when they stopped there (the paths found are real and the best
 * each run reached, but a target further away may be missing). TRUE otherwise. */
gboolean wp_i_paths_into_people(WpPathContext *ctx, const WpPerson *targets, guint n_targets,
                                guint budget, WpPathSet *set);
