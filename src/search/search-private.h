/* SPDX-License-Identifier: MIT */
/* Cheapest paths on the graph's costs (-ln strength + hop penalty), optionally hop-limited.
 * The engine under `path`, `rank`, `map` and the benchmark. */
#pragma once

#include <gio/gio.h>

#include "scoring/scoring-private.h"

typedef enum {
    WP_SEARCH_FORWARD,  /* along out-arcs: costs from the source to everyone */
    WP_SEARCH_BACKWARD, /* along in-arcs: costs from everyone to the source */
} WpSearchDirection;

/**
 * WpSearchLimits:
 * @max_hops: longest path considered (0 = no limit). With a limit the answer for each person is
 *   the cheapest path of at most @max_hops ties, which need not be the cheapest path overall.
 * @max_cost: labels costlier than this are not explored (INFINITY = no bound)
 * @banned: (nullable): per person, non-zero = never entered (the source itself is exempt)
 * @first_hop_only: (nullable): per person, non-zero = may only come right after a path's start,
 *   never further along it (fellow sellers: a seller asks them directly, never through someone
 *   else). A forward run enters them only from its source (or as its @target, where the path
 *   ends); a backward run (whose paths end, in travel order, at a start the run never enters)
 *   settles them but goes no further from them. The source of a run is exempt.
 * @banned_person: one more person never entered, or WP_PERSON_NONE (e.g. the seller for G - s)
 * @banned_first_ties: (nullable): ties the first hop out of the source may not use (Yen's spurs)
 * @target: stop once this person is settled, or WP_PERSON_NONE to settle everyone reachable
 * @stop_set: (nullable): per person, non-zero = wanted; the run stops once @n_stop of them are
 *   settled (e.g. every target of a `rank` run), or when nothing is left to settle
 * @potential: (nullable): per person, a lower bound on the remaining cost to @target that never
 *   drops by more than an arc's cost along it (consistent), e.g. exact costs to @target from a
 *   search the other way on a graph with fewer bans; INFINITY = cannot reach @target (pruned).
 *   People are then settled in order of cost + potential (A*), which steers a search straight to
 *   @target; costs found stay exact. Use only with @target set.
 * @costs_only: only costs (and the settled order) are read after the run: no paths or hops, so
 *   the engine may skip keeping them (equal-cost ties then go either way; costs stay exact)
 * @on_settle: (nullable): called as each person is settled, with its final cost; returning TRUE
 *   ends the run there (e.g. at a radius the caller can tell suffices)
 * @max_settled: settle at most this many people (0 = no cap): a work budget for searches whose
 *   answer is advice, not the answer asked for (the hints of an empty path answer). Costs of
 *   the people settled stay exact; wp_i_search_capped() says whether the cap cut the run short
 */
typedef struct {
    WpSearchDirection direction;
    guint max_hops;
    double max_cost;
    const guint8 *banned;
    const guint8 *first_hop_only;
    WpPerson banned_person;
    const WpTie *banned_first_ties;
    guint n_banned_first_ties;
    WpPerson target;
    const guint8 *stop_set;
    guint n_stop;
    const double *potential;
    gboolean costs_only;
    gboolean (*on_settle)(WpPerson person, double cost, gpointer data);
    gpointer on_settle_data;
    guint max_settled;
} WpSearchLimits;

/* Limits with no restriction, searching forward. */
/* clang-format off */
#define WP_SEARCH_LIMITS_INIT                                                                   \
    {WP_SEARCH_FORWARD, 0, INFINITY, NULL, NULL, WP_PERSON_NONE, NULL, 0, WP_PERSON_NONE, NULL,   \
     0, NULL, FALSE, NULL, NULL, 0}
/* clang-format on */

/* A reusable workspace for one graph. Runs reset only what they touched, so many small searches
 * on a big graph stay cheap. One per thread; the graph must outlive it. */
typedef struct WpSearch WpSearch;

WpSearch *wp_i_search_new(const WpGraph *graph);
void wp_i_search_free(WpSearch *search);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpSearch, wp_i_search_free)

/* How often a run checks whether its query was cancelled: every this many people settled (a
 * few milliseconds of work on a million people). */
#define WP_SEARCH_CANCEL_EVERY 4096

/* A working array of this size or less is never given back between a context's queries. */
#define WP_SEARCH_KEEP_BYTES (1u << 20)

/* At a query's end: gives back each working array larger than typical queries need and than
 * @min_keep (WP_SEARCH_KEEP_BYTES between a context's queries; retain.h), discarding the last run's
 * results. wp_i_query_end() calls it, so that in a service the rare question that reaches half
 * a million people does not leave every later one holding its arrays: on the large benchmark
 * network they were tens of MB per worker, and the resident memory of a long run crept up each
 * time a larger question came. Call it once per query: it counts the queries. */
void wp_i_search_trim(WpSearch *search, gsize min_keep);
/* The bytes the hop-limited search's working arrays hold (for tests). */
gsize wp_i_search_working_bytes(const WpSearch *search);

/* Sets what later runs use: @scoring's costs (a scoring of the search's graph) and @cancellable
 * (nullable); both borrowed until the next bind. */
void wp_i_search_bind(WpSearch *search, const WpScoring *scoring, GCancellable *cancellable);

/* Runs from @source on the bound scoring's costs; earlier results are discarded. Cannot fail.
 * When the bound cancellable is cancelled the run stops where it is (at once, or within
 * WP_SEARCH_CANCEL_EVERY people settled): its results are then partial, and the query that ran
 * it must fail (wp_i_query_end()). */
void wp_i_search_run(WpSearch *search, WpPerson source, const WpSearchLimits *limits);

/* Cost of the cheapest path found to (forward) or from (backward) @person; INFINITY if none. */
double wp_i_search_cost(const WpSearch *search, WpPerson person);
/* Ties on that path (0 for the source, G_MAXUINT if unreached). */
guint wp_i_search_hops(const WpSearch *search, WpPerson person);
/* People settled, in order of increasing cost (the source first). */
const WpPerson *wp_i_search_settled(const WpSearch *search, guint *n);
/* TRUE when the last run stopped at its max_settled cap with people still queued: people it
 * did not settle may be reachable within its other limits. */
gboolean wp_i_search_capped(const WpSearch *search);

/**
 * wp_i_search_view_stop:
 * @stop_set: (nullable): per person, non-zero = wanted
 *
 * Reads the last run (hop-limited, made without a stop set) as the same run with @stop_set and
 * @n_stop would have ended: until the next run, costs, hops, paths, the settled list and
 * wp_i_search_capped() show only what that run would have settled. Exact, not an estimate: a
 * stop set never changes what a run does before it stops, so the shorter run is a prefix of this
 * one. Lets a run that does not depend on the question (the seller's side of an empty answer's
 * hints) be kept and read for many questions. NULL shows the whole run again. O(settled).
 */
void wp_i_search_view_stop(WpSearch *search, const guint8 *stop_set, guint n_stop);

/**
 * wp_i_search_path:
 * @people: (out caller-allocates): receives the people in travel order: source..person when
 *   searching forward, person..source when searching backward
 * @ties: (out caller-allocates) (nullable): the ties between them, same order
 *
 * Returns: FALSE when @person was not reached
 */
gboolean wp_i_search_path(const WpSearch *search, WpPerson person, GArray *people, GArray *ties);

/* Reverses a path in place: @people and @ties (nullable) end to end. */
void wp_i_search_reverse_path(GArray *people, GArray *ties);
