/* SPDX-License-Identifier: MIT */
/* A model applied to a network: every tie's effective strength and search cost, with optional
 * per-tie overrides (learned strengths) and the evidence behind them. */
#pragma once

#include <glib.h>

#include "warmpath/day.h"
#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/model.h"

G_BEGIN_DECLS

/**
 * WpTieOverrides:
 *
 * Strengths that replace the model's for single ties, each with the evidence it rests on (for
 * instance the outcomes of asks recorded in a ledger). Built, then handed to wp_scoring_new(),
 * which copies it: the set can be changed or freed afterwards. One thread at a time.
 */
typedef struct WpTieOverrides WpTieOverrides;

/* An empty set. Cannot fail. Time: O(1). Returns: (transfer full): the set; free it with
 * wp_tie_overrides_free() */
WP_API WpTieOverrides *wp_tie_overrides_new(void);
/**
 * wp_tie_overrides_set:
 * @tie: the tie of the graph the set will be used with (wp_scoring_new() checks the range)
 * @strength: its effective strength from now on, in (0, 1]
 * @evidence: (nullable): what the figure rests on; copied, @detail included
 *
 * Sets or replaces @tie's override. Time: O(1) amortised (a hash lookup), plus copying
 * @evidence's detail.
 */
WP_API void wp_tie_overrides_set(WpTieOverrides *overrides, WpTie tie, double strength,
                                 const WpTieEvidence *evidence);
/* How many ties are overridden. Time: O(1). */
WP_API guint wp_tie_overrides_size(const WpTieOverrides *overrides);
/* Frees the set, its evidence details included. NULL is a no-op. Time: O(n) for n overrides. */
WP_API void wp_tie_overrides_free(WpTieOverrides *overrides);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpTieOverrides, wp_tie_overrides_free)

/**
 * WpScoring:
 *
 * What every query scores paths with: a graph, a model, the day recency is measured to, and
 * optional per-tie overrides. Immutable once made and reference counted; any number of threads
 * may use one scoring at once (searches compute a person's tie costs the first time one reaches
 * them: one thread computes, the others wait for it), and several scorings may share one graph
 * (a ledger's learned strengths beside the plain model, `--no-learn`).
 *
 * The *team rules* belong to the scoring: under a model that is not raw, when the people file
 * marks sellers (`team` column), sellers of one team are tied by the profile's team tie
 * (wp_model_team_tie()) and a seller who is not asking is only ever the first person asked
 * (see docs/paths.md "Teammates").
 */
typedef struct WpScoring WpScoring;

/**
 * wp_scoring_new:
 * @graph: the network; a reference is taken
 * @model: the model; copied
 * @as_of: the day recency is measured to; WP_DAY_NONE takes the model's `as_of`, else today
 * @overrides: (nullable): per-tie strengths replacing the model's; copied. Every tie must be
 *   one of @graph's
 *
 * Makes a scoring. Costs are computed when a search first reaches a person, so this is cheap
 * even on a million people. Cannot fail. Time: O(1) beyond allocating the cost arrays, which
 * are not filled (the states are calloc'd: on a large network the system zeroes their pages as
 * searches first touch them), plus O(V) to find the sellers when the people file has a `team`
 * column and the model is not raw, and O(n log n) for n overrides. Memory: 8 bytes per arc (an
 * undirected tie has two) and 4 per person for the costs and their states, twice when some tie
 * is directed, paid in pages as searches reach people; the sellers; a copy of the overrides.
 * Under the raw model without overrides the scoring shares the costs the loader computed (no
 * copy; a compiled network has none).
 *
 * Returns: (transfer full): the scoring; drop it with wp_scoring_unref()
 */
WP_API WpScoring *wp_scoring_new(WpGraph *graph, const WpModel *model, WpDay as_of,
                                 const WpTieOverrides *overrides);
/**
 * wp_scoring_compute_costs:
 *
 * Computes every tie's search cost now, on all cores, instead of when a search first reaches
 * its people: for a long-running process (a service), whose queries then never pay for it and
 * whose memory is resident from the start (8 bytes per arc) instead of growing as queries reach
 * new people. Answers are the same either way. Safe while other threads search the scoring.
 * Cannot fail. Time: O(V + E) (about a second of CPU on a million people and 24 million arcs,
 * spread over the cores); nothing for a scoring that shares the loader's raw costs.
 */
WP_API void wp_scoring_compute_costs(WpScoring *scoring);
/* Takes a reference. Time: O(1). Returns: (transfer full): @scoring */
WP_API WpScoring *wp_scoring_ref(WpScoring *scoring);
/* Drops a reference; the last one frees the scoring and drops its graph reference. NULL is a
 * no-op. Time: O(1); the last reference O(n) for n overrides, plus wp_graph_unref(). */
WP_API void wp_scoring_unref(WpScoring *scoring);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpScoring, wp_scoring_unref)

/* Time: O(1). Returns: (transfer none): the network scored; valid while the scoring lives */
WP_API WpGraph *wp_scoring_graph(const WpScoring *scoring);
/* Time: O(1). Returns: (transfer none): the model (the scoring's own copy); valid while the
 * scoring lives */
WP_API const WpModel *wp_scoring_model(const WpScoring *scoring);
/* The day recency is measured to (never WP_DAY_NONE). Time: O(1). */
WP_API WpDay wp_scoring_as_of(const WpScoring *scoring);
/* TRUE when the team rules hold: the model is not raw and someone in the people file is on a
 * team. Time: O(1). */
WP_API gboolean wp_scoring_team_rules(const WpScoring *scoring);
/* How many ties have an override. Time: O(1). */
WP_API guint wp_scoring_n_overrides(const WpScoring *scoring);

/**
 * wp_scoring_tie_strength:
 * @tie: a tie of the scoring's graph
 * @out: (out) (optional): how the figure was reached: the model's breakdown, and with an
 *   override @overridden, @model_effective (the model's figure) and @evidence
 *
 * Cannot fail. Time: O(log n) for n overrides, no allocation.
 *
 * Returns: the tie's effective strength in (0, 1]: its override, else the model's figure
 */
WP_API double wp_scoring_tie_strength(const WpScoring *scoring, WpTie tie,
                                      WpStrengthBreakdown *out);

/**
 * wp_scoring_path_probability:
 * @people: the path, @n_people >= 1 entries, each consecutive pair joined by a tie
 *
 * Product of effective strengths times the model's intermediary factor for each of the
 * @n_people - 2 people between the ends; the first hop is the team tie when the team rules make
 * @people[0] and @people[1] sellers of one team and it is the stronger (as in WpPath). 1 for a
 * single person, 0 when two consecutive people are not tied. Time: O(@n_people (log d + log m))
 * for out-degrees up to d and m overrides, no allocation.
 */
WP_API double wp_scoring_path_probability(const WpScoring *scoring, const WpPerson *people,
                                          guint n_people);

G_END_DECLS
