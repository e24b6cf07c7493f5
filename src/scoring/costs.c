/* SPDX-License-Identifier: MIT */
/* A scoring's search costs, computed per person the first time a search reaches them.
 *
 * On a million people, computing all 24M arc costs up front took ~40 % of a cold `path` command;
 * a path query touches a small part of the network. Each person's state goes 0 -> 1 (one thread
 * computing) -> 2 (ready); a thread that finds 1 waits for the few arcs' work to finish, so any
 * number of threads may search one scoring at once. */
#include "core/graph-private.h" /* the tie facts the model reads */
#include "core/parallel.h"
#include "scoring/scoring-private.h"

/* The strength a search uses for tie @t: its override, else the model's figure. Reads only the
 * fields the model needs: each is a random read into a tie array, and the raw model needs just
 * the declared strength (fetching whole WpTieInfos was ~20 % of the benchmark's Q1 on a million
 * people). */
static double arc_strength(const WpScoring *s, WpTie t)
{
    const WpGraph *g = s->graph;
    if (s->n_overrides > 0) {
        const WpTieOverride *o = wp_i_scoring_override(s, t);
        if (o != NULL)
            return o->strength;
    }
    double declared = g->tie_declared[t];
    if (wp_model_is_raw(s->model))
        return isnan(declared) ? 1.0 : declared;
    WpTieInfo info = {
        .declared = declared,
        .types = g->tie_types ? g->tie_types[t] : 0,
        .last_contact = g->tie_last_contact ? g->tie_last_contact[t] : WP_DAY_NONE,
        .interactions = g->tie_interactions ? g->tie_interactions[t] : -1,
    };
    return wp_model_tie_strength(s->model, &info, s->as_of, NULL);
}

void wp_i_scoring_compute_costs(const WpScoring *s, gboolean out, WpPerson p)
{
    const WpArcCosts *c = out ? &s->out : &s->in;
    if (!g_atomic_int_compare_and_exchange(&c->state[p], 0, 1)) {
        while (g_atomic_int_get(&c->state[p]) != 2) /* another thread is on it */
            g_thread_yield();
        return;
    }
    const guint32 *offsets = wp_i_adjacency_offsets(&s->adj, out);
    const WpArc *arcs = wp_i_adjacency_arcs(&s->adj, out);
    for (guint32 a = offsets[p]; a < offsets[p + 1]; a++)
        c->owned[a] = wp_i_cost_from_strength(arc_strength(s, arcs[a].tie), s->hop_penalty);
    g_atomic_int_set(&c->state[p], 2);
}

/* The people [begin, end)'s costs in both directions. */
static void compute_range(gsize begin, gsize end, gpointer data)
{
    const WpScoring *s = data;
    for (gsize p = begin; p < end; p++) {
        if (g_atomic_int_get(&s->out.state[p]) != 2)
            wp_i_scoring_compute_costs(s, TRUE, (WpPerson)p);
        if (s->in.state != s->out.state && g_atomic_int_get(&s->in.state[p]) != 2)
            wp_i_scoring_compute_costs(s, FALSE, (WpPerson)p);
    }
}

void wp_scoring_compute_costs(WpScoring *scoring)
{
    g_return_if_fail(scoring != NULL);
    if (scoring->out.state == NULL) /* borrowed from the graph: all known */
        return;
    wp_i_parallel_for(scoring->adj.n_people, 1 << 12, compute_range, scoring);
}
