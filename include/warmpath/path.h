/* SPDX-License-Identifier: MIT */
/* Introduction paths: from one or more sellers to a person, or into a whole account. */
#pragma once

#include <gio/gio.h>
#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/query.h"
#include "warmpath/scoring.h"
#include "warmpath/where.h"

G_BEGIN_DECLS

/**
 * WpPath:
 * @people: (array length=n_people): the seller first, the person reached last; owned
 * @n_people: >= 2
 * @ties: (array length=n_people-1): @ties[i] joins @people[i] to @people[i + 1]; owned. With
 *   @team_hop, @ties[0] is WP_TIE_NONE
 * @probability: product of the hops' strengths (wp_path_hop_strength()) times the model's
 *   intermediary factor for each of the @n_people - 2 people in between, in (0, 1], under the
 *   scoring the path was found with
 * @seller: = @people[0]
 * @team_hop: the first hop is the *team tie*: @people[1] is a seller of the seller's own team
 *   (people file `team`), whom the seller asks as a colleague (strength wp_model_team_tie();
 *   see docs/paths.md "Teammates"). Only under a model that is not raw.
 *
 * The person after the seller, @people[1], is the *referral source*: the one the seller asks.
 */
typedef struct {
    WpPerson *people;
    guint n_people;
    WpTie *ties;
    double probability;
    WpPerson seller;
    gboolean team_hop;
} WpPath;

/* The strength hop @hop (< n_people - 1) of @path counts with under @scoring: the effective
 * strength of its tie, or the team tie's for a team hop. Time: O(log n) for n overrides. */
WP_API double wp_path_hop_strength(const WpScoring *scoring, const WpPath *path, guint hop);

/* Frees what @path owns and zeroes it; a zeroed path is a no-op. Time: O(1): two frees. */
WP_API void wp_path_clear(WpPath *path);

/**
 * WpPathQuery:
 * @k: how many paths (>= 1); in the default mode, how many different referral sources
 * @max_hops: longest path in ties, 0 = no limit, at most WP_MAX_HOPS (warmpath/model.h)
 * @min_probability: paths below this are left out, in [0, 1)
 * @all_paths: FALSE (default mode): at most one path per referral source, each the best
 *   through that source; TRUE: the plain @k best loopless paths (Yen's algorithm)
 */
typedef struct {
    guint k;
    guint max_hops;
    double min_probability;
    gboolean all_paths;
} WpPathQuery;

/* The work budget of each hint of an empty answer (WpPathSet.unconstrained, .suggestions):
 * people its searches may settle, reruns and every seller's runs counted. */
#define WP_PATH_HINT_BUDGET 10000

#define WP_PATH_QUERY_INIT                                                                         \
    {                                                                                              \
        5, 4, 0.0, FALSE                                                                           \
    }

/**
 * WpDirectFlags:
 * @WP_DIRECT_WEAK: the strength is under the profile's weak_tie_below (0.30 by default)
 * @WP_DIRECT_COLD: the last contact is older than the profile's cold_after_days (730)
 * @WP_DIRECT_NEVER: interactions = 0: connected on paper, never interacted
 * @WP_DIRECT_TEAM: the tie is the team tie: seller and person are sellers of one team
 *
 * A direct tie with none of WEAK, COLD, NEVER is *strong*: the seller can just ask.
 */
typedef enum {
    WP_DIRECT_WEAK = 1 << 0,
    WP_DIRECT_COLD = 1 << 1,
    WP_DIRECT_NEVER = 1 << 2,
    WP_DIRECT_TEAM = 1 << 3,
} WpDirectFlags;
#define WP_DIRECT_NOT_STRONG (WP_DIRECT_WEAK | WP_DIRECT_COLD | WP_DIRECT_NEVER)

/**
 * WpDirectTie:
 * @seller: who asks
 * @person: whom the seller is tied to directly
 * @tie: their tie row, or WP_TIE_NONE for the team tie when they have none
 * @strength: what asking directly is worth: the tie's effective strength, or the team tie's
 *   when that is stronger
 * @flags: WpDirectFlags
 */
typedef struct {
    WpPerson seller;
    WpPerson person;
    WpTie tie;
    double strength;
    guint flags;
} WpDirectTie;

/* TRUE when the seller can just ask: the tie is neither weak, nor cold, nor never used. Time:
 * O(1). */
WP_API gboolean wp_direct_tie_is_strong(const WpDirectTie *direct);

/**
 * WpPathSet:
 * @paths: (element-type WpPath): best first (ties by referral source name, then id); owned
 * @target: the person asked for, or WP_PERSON_NONE for an account query
 * @direct: (element-type WpDirectTie): the sellers' direct ties to @target (to anyone of the
 *   account for an account query), strongest first
 * @direct_answer: in the default mode, TRUE when a direct tie is strong: @paths are then the
 *   strong direct ties alone (no seller would ask for an introduction to a person they can just
 *   ask). When every direct tie is weak or cold, @paths are the warm introductions and the
 *   direct ties are only in @direct (see docs/paths.md "A direct contact")
 * @at_least_one: the chance that at least one of @paths works if each is tried, computed as if
 *   every tie and every intermediary worked or failed independently of the others, so a tie or
 *   person that several paths share counts once (for paths sharing nothing this is
 *   1 - prod(1 - p)); 0 when @paths is empty
 * @at_least_one_exact: FALSE when there were too many paths to count shared parts and the figure
 *   is 1 - prod(1 - p), which then treats the paths as independent
 * @suggestions: (element-type WpPath): when @paths is empty, the best paths to other people at
 *   the target's company (best first, at most @k); owned
 * @unconstrained: when @paths is empty, the best path ignoring the hop limit and the probability
 *   floor, not counting direct ties (n_people = 0 when there is none, or when
 *   @unconstrained_cut); tells whether the limits hid one
 * @unconstrained_cut: the search for @unconstrained stopped at its work budget (it settles at
 *   most WP_PATH_HINT_BUDGET people: these hints are advice, and an unbounded search could cover
 *   the whole network) before it was sure of the best path: @unconstrained is empty, but a path
 * beyond the limits may exist (a query with max_hops 0 and min_probability 0 searches the whole
 * network)
 * @suggestions_cut: the search for @suggestions stopped at the same budget: they are the best
 *   ones it reached, and colleagues further away may be missing
 *
 * A result belongs to its caller: one thread at a time (the people it names are indices into
 * the scoring's graph, which must outlive it).
 */
typedef struct {
    GArray *paths;
    WpPerson target;
    GArray *direct;
    gboolean direct_answer;
    double at_least_one;
    gboolean at_least_one_exact;
    GArray *suggestions;
    WpPath unconstrained;
    gboolean unconstrained_cut;
    gboolean suggestions_cut;
} WpPathSet;

/* Frees @set with its paths, suggestions and direct ties. NULL is a no-op. Time: O(p) for its p
 * paths and suggestions. */
WP_API void wp_path_set_free(WpPathSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpPathSet, wp_path_set_free)

/**
 * wp_path_find:
 * @scoring: the network and the model (and overrides) the paths are scored on
 * @context: (nullable): workspaces for the query, of the scoring's graph; NULL makes a
 *   temporary one (O(people) memory per call, which a long-running process avoids by keeping a
 *   context per thread, see WpQueryContext)
 * @sellers: (array length=n_sellers): who asks; paths never pass through a seller
 * @n_sellers: >= 1
 * @target: the person to be introduced to; not a seller
 * @query: what to find
 * @cancellable: (nullable): cancelling it stops the query within a few thousand people settled
 *   (a deadline is a GCancellable cancelled from a timer)
 * @error: return location for a GError, or NULL
 *
 * Finds the best introduction paths from any of @sellers to @target. In the default mode one
 * search backward from @target finds, for every direct contact of a seller (and, under the team
 * rules, every teammate), the best path on through that contact; each contact is credited to
 * the seller whose tie to it is strongest (on equal strengths, the one named first; rank credits
 * a contact by the same rule); a strong direct tie is the whole answer (see
 * WpPathSet.direct_answer). Paths never pass through a seller: an asking seller only starts
 * one, another seller of our team (people file `team`, model not raw) is only ever the first
 * person asked. An empty answer is not an error.
 *
 * Fails with WP_ERROR_USAGE when @target is a seller, @query is out of range, or @context is
 * another graph's or in use by another query; with G_IO_ERROR_CANCELLED when @cancellable was
 * cancelled. Time: one or two searches in the default mode, each O((V' + E') log V') for the V'
 * people and E' ties within the hop limit and the floor, O(k x path length) searches for
 * @all_paths (plus, for an empty answer, the hints' searches). Memory: the answer, and the
 * context's work arrays the first time it needs them.
 *
 * Returns: (transfer full) (nullable): the paths; free with wp_path_set_free()
 */
WP_API WpPathSet *wp_path_find(const WpScoring *scoring, WpQueryContext *context,
                               const WpPerson *sellers, guint n_sellers, WpPerson target,
                               const WpPathQuery *query, GCancellable *cancellable, GError **error);

/**
 * wp_path_find_into_company:
 * @company: the account as typed; the targets are its people (wp_graph_resolve_account())
 * @where: (nullable): further conditions a target must meet
 * @query: @k caps the answer (0 = every reachable person); @all_paths is ignored
 *
 * The best path to each reachable person of the account (not a seller), one per person, best
 * first. Fails as wp_graph_resolve_account() when @company names no one account (with the
 * closest accounts attached), and with WP_ERROR_USAGE and G_IO_ERROR_CANCELLED as
 * wp_path_find(). @direct lists the sellers' direct ties into the account; @target is
 * WP_PERSON_NONE. Time: one search per seller (and teammate), each stopping once @k of the
 * account's people are settled.
 *
 * Returns: (transfer full) (nullable): the paths
 */
WP_API WpPathSet *wp_path_find_into_company(const WpScoring *scoring, WpQueryContext *context,
                                            const WpPerson *sellers, guint n_sellers,
                                            const char *company, const WpWhere *where,
                                            const WpPathQuery *query, GCancellable *cancellable,
                                            GError **error);

G_END_DECLS
