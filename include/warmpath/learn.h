/* SPDX-License-Identifier: MIT */
/* Learning from the ledger: the outcomes of recorded asks as evidence about the ties of their
 * paths, turned into learned strengths (WpTieOverrides) a scoring uses instead of the model's.
 * See docs/ledger.md "Learning". */
#pragma once

#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/ledger.h"
#include "warmpath/scoring.h"

G_BEGIN_DECLS

/* The profile's [ledger] prior_weight default: the model's figure counts as this many asks. */
#define WP_LEARN_PRIOR_WEIGHT 4.0

/**
 * WpLearnStats:
 * @asks_used: asks whose outcome said something about at least one tie
 * @asks_open: asks with a path but no outcome yet (asked, agreed; introduced says something
 *   about the first step only)
 * @asks_without_path: asks recorded without a path, or a direct one (seller and target alone)
 * @steps_missing: steps of recorded paths skipped because a person or their tie is no longer
 *   in the network (or the step was the team tie, which has no row to learn)
 * @ties: ties given a learned strength
 */
typedef struct {
    guint asks_used;
    guint asks_open;
    guint asks_without_path;
    guint steps_missing;
    guint ties;
} WpLearnStats;

/**
 * wp_learn_tie_overrides:
 * @asks: (element-type WpAsk): the history (requests; given introductions are ignored)
 * @scoring: the network and model the strengths are learned for; its *model* figures are the
 *   priors (overrides it already has are ignored)
 * @prior_weight: how many asks the model's figure counts as (>= 0; the profile's [ledger]
 *   prior_weight, WP_LEARN_PRIOR_WEIGHT by default)
 * @stats: (out) (optional): what was used and what was skipped
 *
 * For each ask with a recorded path of three people or more, the outcome is evidence about
 * the ties of the path, mapped to the current network by id (wp_graph_find_id(),
 * wp_graph_find_tie()):
 *  - the *first step* (seller -> source): `declined` and `no-answer` are failures, an
 *    introduction (wp_ask_state_introduced()) a success;
 *  - the *second step* (source -> ... -> target, every tie of it): `no-response` is a failure,
 *    `meeting` or later (opportunity, won, lost) a success.
 * A tie's learned strength is the mean of a Beta posterior whose prior mean is the model's
 * effective strength s and whose weight is @prior_weight pseudo-asks. The second step also
 * needs the source to pass the request on (the model's intermediary factor f), so each of its
 * successes counts as 1/f of an observed success of the tie itself:
 *
 *     learned = (w s + successes_first + successes_second / f) / (w + asks on the tie)
 *
 * (for a tie seen only in first steps this is exactly the Beta(w s, w (1 - s)) posterior mean;
 * for one seen only in second steps, the posterior mean of s f divided by f), kept in
 * [0.001, 1]. Each override carries a WpTieEvidence (successes, failures, the prior, and a
 * detail such as "2 introduced, 1 declined"). Cannot fail. Time: O(asks x path length x
 * log d) (tie look-ups) plus O(t log t) for the t ties learned. Memory: the overrides.
 *
 * Returns: (transfer full): the overrides (possibly empty); free with wp_tie_overrides_free()
 */
WP_API WpTieOverrides *wp_learn_tie_overrides(const GPtrArray *asks, const WpScoring *scoring,
                                              double prior_weight, WpLearnStats *stats);

/**
 * wp_learn_scoring:
 * @base: the scoring of the profile alone (its overrides, if any, are not kept)
 * @ledger: the history to learn from
 * @stats: (out) (optional): what was used and what was skipped
 *
 * The scoring every command answers with when a ledger exists: @base's graph, model and as-of
 * day, with the strengths wp_learn_tie_overrides() learns from every ask of @ledger (prior
 * weight: the model's [ledger] prior_weight). Fails only when the ledger cannot be read. Time:
 * reading the ledger (O(asks + events)) plus wp_learn_tie_overrides() plus wp_scoring_new().
 *
 * Returns: (transfer full) (nullable): a new scoring, or a new reference to @base when nothing
 * was learned; drop it with wp_scoring_unref()
 */
WP_API WpScoring *wp_learn_scoring(WpScoring *base, WpLedger *ledger, WpLearnStats *stats,
                                   GError **error);

G_END_DECLS
