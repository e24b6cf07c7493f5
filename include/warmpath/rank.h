/* SPDX-License-Identifier: MIT */
/* Territory planning: which referral sources open the most doors to a list of targets, and
 * whom to ask about whom. */
#pragma once

#include <gio/gio.h>
#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/path.h"
#include "warmpath/query.h"
#include "warmpath/scoring.h"

G_BEGIN_DECLS

/**
 * WpRankStrategy:
 * @WP_RANK_AUTO: whichever of the two needs fewer searches
 * @WP_RANK_FROM_SOURCES: one forward search from each referral source
 * @WP_RANK_FROM_TARGETS: one backward search from each target
 *
 * Both give the same figures (up to the last bit of a floating-point sum); the choice is only
 * about speed. Tests force each one.
 */
typedef enum {
    WP_RANK_AUTO,
    WP_RANK_FROM_SOURCES,
    WP_RANK_FROM_TARGETS,
} WpRankStrategy;

/* Called as searches finish, serialised (never twice at once), from a worker thread (the
 * calling thread when WpRankQuery.n_threads is 1). */
typedef void (*WpRankProgressFunc)(guint done, guint total, gpointer user_data);

/**
 * WpRankQuery:
 * @sellers: (array length=n_sellers): who asks; paths never pass through a seller
 * @n_sellers: >= 1
 * @targets: (array length=n_targets): the territory, in the order figures are summed; sellers
 *   (under the team rules every seller of the people file's teams) and repeats are dropped, and
 *   targets a seller has a strong direct tie to are set aside (see WpRankResult.direct)
 * @n_targets: how many
 * @max_hops: longest path in ties, seller to target, counting the seller's own tie; 0 = none, at
 * most WP_MAX_HOPS (warmpath/model.h)
 * @min_probability: paths below this success probability are not counted, in [0, 1)
 * @n_best: how many best targets to keep per source in WpRankSource.best (the full list is
 *   WpRankSource.reach)
 * @n_threads: threads the searches run on, 0 = 2; 1 runs them all in the calling thread (what
 *   a service's worker wants); each thread but the caller's makes a workspace of its own
 * @strategy: see WpRankStrategy
 * @progress: (nullable): progress callback
 * @progress_data: its data
 */
typedef struct {
    const WpPerson *sellers;
    guint n_sellers;
    const WpPerson *targets;
    guint n_targets;
    guint max_hops;
    double min_probability;
    guint n_best;
    guint n_threads;
    WpRankStrategy strategy;
    WpRankProgressFunc progress;
    gpointer progress_data;
} WpRankQuery;

/**
 * WpRankReach:
 * @target_index: index into WpRankResult.targets
 * @target: the person, = targets[@target_index]
 * @probability: the best success probability of a path seller -> source -> ... -> target
 *   whose first hop is this source, in [min_probability, 1]
 */
typedef struct {
    guint target_index;
    WpPerson target;
    double probability;
} WpRankReach;

/**
 * WpRankSource:
 * @person: the referral source, a direct contact of a seller (never an asking seller); in
 *   WpRankResult.colleagues a fellow seller instead
 * @seller: the seller whose tie to @person is strongest (on equal strengths the one named first
 *   in WpRankQuery.sellers); `path` credits a referral source to the same seller
 * @strength: that tie's effective strength, p(s, c), or the team tie's (@team_tie)
 * @team_tie: @person is on @seller's team and @strength is the team tie (see path.h WpPath)
 * @score: expected introductions, the sum over targets t of P(c, t) = p(s, c) * exp(-d(c, t)),
 *   with d the cheapest cost from @person to t in the network without the sellers, within the
 *   hop limit; only paths at or above the probability floor count. Summed in territory order.
 * @n_reached: targets with a counted path (= @reach->len)
 * @reach: (element-type WpRankReach): every counted target, best first (ties in territory
 *   order); owned
 * @best: (element-type WpRankReach): the first n_best entries of @reach; owned
 */
typedef struct {
    WpPerson person;
    WpPerson seller;
    double strength;
    gboolean team_tie;
    double score;
    guint n_reached;
    GArray *reach;
    GArray *best;
} WpRankSource;

/**
 * WpRankCompany:
 * @company: the company name as written (borrowed from the graph); targets with no company
 *   belong to none
 * @n_targets: the company's targets in the territory (direct contacts not counted)
 * @n_cold: how many of them no source reaches
 */
typedef struct {
    const char *company;
    guint n_targets;
    guint n_cold;
} WpRankCompany;

/**
 * WpRankResult:
 * @targets: (element-type WpPerson): the territory as ranked: sellers, repeats and strong
 *   direct contacts removed, in query order
 * @best_probability: (element-type double): per target, the best P(c, t) over sources, 0 when
 *   none counts
 * @best_source: (element-type guint): per target, the index into @sources of that best source,
 *   G_MAXUINT when none
 * @direct: (element-type WpPerson): territory members a seller has a strong direct tie to (see
 *   path.h WpDirectTie): reported, not ranked ("ask them yourself")
 * @weak_direct: (element-type guint): indices into @targets a seller is tied to, but only by a
 *   weak or cold tie: ranked like the others (reconnect, or ask for an introduction)
 * @sources: (element-type WpRankSource): every direct contact of a seller that reaches at
 *   least one target, best first: score descending, then label, then id
 * @colleagues: (element-type WpRankSource): under the team rules, the fellow sellers the
 *   sellers can ask (teammates through the team tie, other teams' sellers through their tie),
 *   with their reach; not referral sources, so not ranked among @sources nor planned; best
 *   first
 * @n_contacts: the sellers' direct contacts considered as referral sources (sources with no
 *   reach included; fellow sellers not)
 * @cold_targets: (element-type guint): indices into @targets no source and no colleague
 *   reaches, in order
 * @cold_companies: (element-type WpRankCompany): companies none of whose targets is reached,
 *   by number of targets descending, then name
 * @n_searches: searches run; @from_targets: TRUE when they ran backward from the targets
 *
 * A result belongs to its caller: one thread at a time.
 */
typedef struct {
    GArray *targets;
    GArray *best_probability;
    GArray *best_source;
    GArray *direct;
    GArray *weak_direct;
    GArray *sources;
    GArray *colleagues;
    guint n_contacts;
    GArray *cold_targets;
    GArray *cold_companies;
    guint n_searches;
    gboolean from_targets;
} WpRankResult;

/* Frees @result and every array it holds. NULL is a no-op. Time: O(s) for its s sources and
 * colleagues (two arrays each). */
WP_API void wp_rank_result_free(WpRankResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpRankResult, wp_rank_result_free)

/**
 * wp_rank_run:
 * @scoring: the network and the model (and overrides) probabilities come from
 * @context: (nullable): the calling thread's workspaces (see WpQueryContext); NULL makes a
 *   temporary one
 * @query: what to rank
 * @cancellable: (nullable): cancelling it stops the ranking: no search starts afterwards and
 *   the running ones stop within a few thousand people settled
 * @error: return location for a GError, or NULL
 *
 * Ranks the sellers' direct contacts by the number of introductions to the targets they can
 * be expected to open. With several sellers (a team) each contact is credited with its
 * strongest seller tie, and paths avoid every seller. Under the team rules (a model that is not
 * raw, a people file with teams) fellow sellers are never go-betweens and are listed apart
 * (WpRankResult.colleagues). Under the raw model with no hop limit and no floor, the score is
 * exactly sum_t p(s, c) * exp(-d(c, t)) with d the shortest distance on -ln strength. Runs the
 * searches on @n_threads threads; the result does not depend on their scheduling. An empty
 * territory is not an error.
 *
 * Fails with WP_ERROR_USAGE when @min_probability is outside [0, 1), @max_hops over
 * WP_MAX_HOPS, or @context is another graph's or in use; with G_IO_ERROR_CANCELLED when
 * @cancellable was cancelled. Time: one bounded search per source or per target, whichever is
 * fewer (with no hop limit and no floor, O(V + E) more for the early stops). Memory: the
 * result, O(sources x targets) at most, and per extra thread a workspace of ~4 bytes per person
 * (24 without a hop limit).
 *
 * Returns: (transfer full) (nullable): the ranking
 */
WP_API WpRankResult *wp_rank_run(const WpScoring *scoring, WpQueryContext *context,
                                 const WpRankQuery *query, GCancellable *cancellable,
                                 GError **error);

/**
 * WpRankAsk:
 * @source_index: index into WpRankResult.sources
 * @target_index: index into WpRankResult.targets
 * @probability: P(source, target)
 * @gain: its marginal gain when chosen: @probability times the chance that no earlier ask
 *   for the same target works
 * @route: the whole route the ask relies on, seller -> source -> ... -> target, its
 *   probability @probability; filled by wp_rank_plan_routes() (zeroed until then)
 */
typedef struct {
    guint source_index;
    guint target_index;
    double probability;
    double gain;
    WpPath route;
} WpRankAsk;

/**
 * WpRankPick:
 * @source_index: index into WpRankResult.sources
 * @gain: the expected number of further targets introduced thanks to this source's asks
 * @first_ask: index of its first ask in WpRankPlan.asks
 * @n_asks: how many asks follow (1 .. max_asks), best gain first
 */
typedef struct {
    guint source_index;
    double gain;
    guint first_ask;
    guint n_asks;
} WpRankPick;

/**
 * WpRankPlan:
 * @picks: (element-type WpRankPick): chosen sources, in the order chosen
 * @asks: (element-type WpRankAsk): their asks, grouped by pick
 * @expected: the expected number of targets introduced, sum over targets of
 *   1 - prod(1 - P) over the asks about that target (asks treated as independent)
 */
typedef struct {
    GArray *picks;
    GArray *asks;
    double expected;
} WpRankPlan;

/* Frees @plan with its asks' routes. NULL is a no-op. Time: O(a) for its a asks. */
WP_API void wp_rank_plan_free(WpRankPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpRankPlan, wp_rank_plan_free)

/**
 * wp_rank_plan:
 * @result: a ranking
 * @max_sources: sources to pick at most (>= 1)
 * @max_asks: targets to ask one source about at most (>= 1)
 * @min_gain: asks that would add fewer expected introductions than this are left out (the
 *   profile's [advice] plan_min_gain, 0.05 by default): nobody spends a favour on a 2 % chance
 *
 * Picks sources greedily: each round takes the source whose best @max_asks asks (each adding
 * at least @min_gain) add the most expected introductions given the asks already chosen (a
 * target counts once however many sources are asked about it). Stops early when no source adds
 * anything. Greedy is exact for one source; in general it reaches at least half the best plan
 * (the one-block-per-source constraint is a matroid), usually far more. Cannot fail.
 *
 * Time: each round weighs every source not yet picked over its whole reach list, so
 * O(@max_sources x R x @max_asks) at worst for the R entries of the sources' reach lists (a
 * candidate enters a sorted list of the best @max_asks), O(@max_sources x R) when few candidates
 * enter it. Memory: the plan, and O(T + S) scratch for the T targets and S sources.
 *
 * Returns: (transfer full): the plan, without routes (see wp_rank_plan_routes()); free it with
 *   wp_rank_plan_free()
 */
WP_API WpRankPlan *wp_rank_plan(const WpRankResult *result, guint max_sources, guint max_asks,
                                double min_gain);

/**
 * wp_rank_plan_routes:
 * @scoring: the scoring @result was ranked with
 * @context: (nullable): the calling thread's workspaces; NULL makes a temporary one
 * @query: the query @result answers
 * @cancellable: (nullable): stops the searches (G_IO_ERROR_CANCELLED)
 *
 * Fills every ask's route: the path behind its probability (seller, source, the people in
 * between, target), so that a plan says whom each ask really goes through. One search per ask,
 * from the source towards its target, within the query's limits. Fails with WP_ERROR_FAILED
 * only if @scoring, @query and @result do not belong together (a route is not found again),
 * with WP_ERROR_USAGE for a context of another graph or in use, and G_IO_ERROR_CANCELLED.
 *
 * Time: one search per ask of @plan, each stopping once it settles the ask's target: O(V' + E')
 * heap operations for the V' people and E' ties it reaches (on a radix heap), and with a limit
 * of H hops up to H times as many (on a binary heap: a person may be settled once per hop
 * count). Memory: the routes (owned by @plan), and the context's work arrays the first time it
 * needs them (a temporary context's when @context is NULL).
 *
 * Returns: TRUE on success
 */
WP_API gboolean wp_rank_plan_routes(const WpScoring *scoring, WpQueryContext *context,
                                    const WpRankQuery *query, const WpRankResult *result,
                                    WpRankPlan *plan, GCancellable *cancellable, GError **error);

G_END_DECLS
