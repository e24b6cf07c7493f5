/* SPDX-License-Identifier: MIT */
/* What searches read from a scoring: the graph's arcs (core/adjacency-private.h, not the whole
 * graph layout), each arc's cost, filled on first use, and the team rules. */
#pragma once

#include "core/adjacency-private.h"
#include "core/cost-private.h"
#include "warmpath/scoring.h"

/* One overridden tie, in a scoring's array sorted by tie. */
typedef struct {
    WpTie tie;
    double strength;
    WpTieEvidence evidence; /* detail owned by the scoring (or the overrides set) */
} WpTieOverride;

/* Search costs of one direction's arcs (out-arcs, or in-arcs). */
typedef struct {
    const double *cost; /* per arc, in the graph's arc order: -ln(effective strength) + hop
                         * penalty, >= 0; an entry is valid once its person's state is 2 */
    double *owned;      /* = cost when the scoring computes them, NULL when borrowed */
    gint *state;        /* per person: 0 not computed, 1 being computed, 2 ready; NULL when
                         * every cost is known (borrowed from the graph) */
} WpArcCosts;

struct WpScoring {
    gint ref_count;  /* atomic */
    gsize serial;    /* unique among the process's scorings (a freed one's address is not):
                      * what a result kept between queries was computed with */
    WpGraph *graph;  /* a reference */
    WpAdjacency adj; /* the graph's arcs, which the costs follow */
    WpModel *model;  /* owned copy */
    WpDay as_of;
    double hop_penalty;       /* -ln(intermediary factor) >= 0 */
    WpTieOverride *overrides; /* owned, sorted by tie, n_overrides of them */
    guint n_overrides;
    gboolean team_rules;
    double team_tie;
    GArray *team_sellers;    /* WpPerson: everyone on a team, in person order; empty without the
                              * team rules */
    WpArcCosts out, in;      /* in aliases out when the graph's in-arcs are its out-arcs */
    gboolean costs_complete; /* every arc's cost is known (no state to check) */
};

/* Computes @person's arc costs in one direction (costs.c). Safe from several threads: one
 * computes, the others wait for it. */
void wp_i_scoring_compute_costs(const WpScoring *scoring, gboolean out, WpPerson person);

/* The search costs of @person's arcs (out-arcs when @out, else in-arcs), in arc order. Costs are
 * computed on first use, so a scoring of a million people costs nothing until a search reaches
 * them: a path query touches a small part of the network. */
static inline const double *wp_i_scoring_costs(const WpScoring *s, gboolean out, WpPerson person)
{
    const WpArcCosts *c = out ? &s->out : &s->in;
    if (c->state != NULL && G_UNLIKELY(g_atomic_int_get(&c->state[person]) != 2))
        wp_i_scoring_compute_costs(s, out, person);
    return c->cost + wp_i_adjacency_offsets(&s->adj, out)[person];
}

/* The arcs of the scoring's graph, in the order of its costs. */
static inline const WpAdjacency *wp_i_scoring_adjacency(const WpScoring *s)
{
    return &s->adj;
}

/* Every arc's cost of one direction, indexed by arc; an entry is valid once
 * wp_i_scoring_costs() was called for its person (or always, when costs_complete). */
static inline const double *wp_i_scoring_arc_costs(const WpScoring *s, gboolean out)
{
    return out ? s->out.cost : s->in.cost;
}

/* The override of @tie, or NULL. O(log n). */
const WpTieOverride *wp_i_scoring_override(const WpScoring *scoring, WpTie tie);

/* TRUE when the team rules make @a and @b sellers of one team (a != b). */
gboolean wp_i_scoring_same_team(const WpScoring *scoring, WpPerson a, WpPerson b);

/* How @seller reaches @person in one step: the team tie when they are sellers of one team and
 * it is stronger than their tie row (then *@tie = WP_TIE_NONE and *@team = TRUE), else their
 * tie row. FALSE when there is neither. *@strength is that step's strength. */
gboolean wp_i_scoring_first_hop(const WpScoring *scoring, WpPerson seller, WpPerson person,
                                WpTie *tie, double *strength, gboolean *team);

/* (transfer none): the overrides of @overrides, in the order first set, *@n of them. */
const WpTieOverride *wp_i_tie_overrides_items(const WpTieOverrides *overrides, guint *n);
