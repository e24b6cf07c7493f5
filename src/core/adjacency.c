/* SPDX-License-Identifier: MIT */
/* Compressed rows of arcs from the merged ties, with each arc's raw cost, on every core.
 *
 * Ties come ordered by (low, high) endpoint. A person's row lists the lower neighbours first,
 * then the higher ones, so it is sorted without a sort: the lower part gathers, in tie order,
 * the ties whose high endpoint is the person; the upper part is the person's own run of ties.
 * Workers own ranges of people of about equal arcs and write only their own rows: each reads
 * every tie whose high endpoint may be its own and writes those arcs straight into place. On
 * huge pages those scattered writes cost less than staging them in cache-sized blocks did (0.48
 * against 0.53 s for the large graph's adjacency, medians of 6 alternating runs), and the 214 MB
 * staging array is gone. The costs are computed here because the ties are read in order here:
 * computing them on a search's first visit read the strengths at random (~1.1 s on the
 * benchmark's large graph). */
#include "core/cost-private.h"
#include "core/large-alloc.h"
#include "core/parallel.h"
#include "core/tie-merge.h"

#include <string.h>

typedef struct {
    const WpGraph *graph;
    gboolean out; /* out-arcs (source -> target), else in-arcs */
    guint n_chunks;
    guint32 **count;       /* per chunk of ties: arcs per person */
    guint32 *offsets;      /* n_people + 1 */
    WpPerson *range_start; /* n_chunks + 1 person ranges of about equal arcs */
    WpArc *arcs;
    double *costs;
} Layout;

/* The raw model's cost of a tie: an undeclared strength counts as 1 (no penalty per hop). */
static inline double raw_cost(double declared)
{
    return isnan(declared) ? 0.0 : wp_i_cost_from_strength(declared, 0);
}

/* Whether tie @t gives an arc from its low to its high endpoint (@upward) or back. */
static inline gboolean has_arc(const WpGraph *g, gboolean out, WpTie t, gboolean upward)
{
    if (g->tie_directed == NULL || !g->tie_directed[t])
        return TRUE;
    WpPerson from = out ? g->tie_source[t] : g->tie_target[t];
    WpPerson lo = MIN(g->tie_source[t], g->tie_target[t]);
    return upward == (from == lo);
}

static inline WpPerson tie_lo(const WpGraph *g, WpTie t)
{
    return MIN(g->tie_source[t], g->tie_target[t]);
}

static inline WpPerson tie_hi(const WpGraph *g, WpTie t)
{
    return MAX(g->tie_source[t], g->tie_target[t]);
}

static inline WpTie chunk_tie(const Layout *l, gsize chunk)
{
    return (WpTie)((guint64)l->graph->n_ties * chunk / l->n_chunks);
}

static void count_chunk(gsize first, gsize last, gpointer data)
{
    Layout *l = data;
    const WpGraph *g = l->graph;
    for (gsize c = first; c < last; c++) {
        guint32 *count = l->count[c];
        for (WpTie t = chunk_tie(l, c); t < chunk_tie(l, c + 1); t++) {
            count[tie_lo(g, t)] += has_arc(g, l->out, t, TRUE);
            count[tie_hi(g, t)] += has_arc(g, l->out, t, FALSE);
        }
    }
}

/* The first tie whose low endpoint is @p or more (ties are ordered by low endpoint). */
static WpTie first_tie_from(const WpGraph *g, WpPerson p)
{
    WpTie lo = 0, hi = g->n_ties;
    while (lo < hi) {
        WpTie mid = lo + (hi - lo) / 2;
        if (tie_lo(g, mid) < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void fill_range(gsize first, gsize last, gpointer data)
{
    Layout *l = data;
    const WpGraph *g = l->graph;
    for (gsize r = first; r < last; r++) {
        WpPerson begin = l->range_start[r], end = l->range_start[r + 1];
        if (begin == end)
            continue;
        g_autofree guint32 *fill = g_memdup2(l->offsets + begin, sizeof(guint32) * (end - begin));
        /* Lower parts: the ties whose high endpoint is in the range, in tie order (so by low
         * endpoint); such a tie's low endpoint is below the range's end. */
        WpTie stop = first_tie_from(g, end);
        for (WpTie t = 0; t < stop; t++) {
            WpPerson hi = tie_hi(g, t);
            if (hi < begin || hi >= end || !has_arc(g, l->out, t, FALSE))
                continue;
            guint32 at = fill[hi - begin]++;
            l->arcs[at] = (WpArc){tie_lo(g, t), t};
            l->costs[at] = raw_cost(g->tie_declared[t]);
        }
        /* Upper parts: each person's own run of ties, in order. */
        for (WpTie t = first_tie_from(g, begin); t < stop; t++) {
            if (!has_arc(g, l->out, t, TRUE))
                continue;
            guint32 at = fill[tie_lo(g, t) - begin]++;
            l->arcs[at] = (WpArc){tie_hi(g, t), t};
            l->costs[at] = raw_cost(g->tie_declared[t]);
        }
    }
}

static void lay_out(const WpGraph *g, gboolean out, guint32 **offsets_out, WpArc **arcs_out,
                    double **costs_out)
{
    guint n_chunks = wp_i_parallel_workers();
    Layout l = {.graph = g, .out = out, .n_chunks = n_chunks};
    l.count = g_new(guint32 *, n_chunks);
    for (guint c = 0; c < n_chunks; c++)
        l.count[c] = g_new0(guint32, MAX(g->n_people, 1));
    wp_i_parallel_for(n_chunks, 1, count_chunk, &l);
    l.offsets = g_new(guint32, (gsize)g->n_people + 1);
    guint32 at = 0;
    for (guint p = 0; p < g->n_people; p++) {
        l.offsets[p] = at;
        for (guint c = 0; c < n_chunks; c++)
            at += l.count[c][p];
    }
    l.offsets[g->n_people] = at;
    for (guint c = 0; c < n_chunks; c++)
        g_free(l.count[c]);
    g_free(l.count);
    l.arcs = wp_i_alloc_large(at, sizeof(WpArc));
    l.costs = wp_i_alloc_large(at, sizeof(double));
    l.range_start = g_new(WpPerson, n_chunks + 1);
    wp_i_parallel_split(l.offsets, g->n_people, 1, n_chunks, l.range_start);
    wp_i_parallel_for(n_chunks, 1, fill_range, &l);
    g_free(l.range_start);
    *offsets_out = l.offsets;
    *arcs_out = l.arcs;
    *costs_out = l.costs;
}

void wp_i_graph_build_adjacency(WpGraph *g)
{
    lay_out(g, TRUE, &g->out_offsets, &g->out_arcs, &g->raw_out_cost);
    gboolean any_directed = FALSE;
    for (WpTie t = 0; g->tie_directed && t < g->n_ties && !any_directed; t++)
        any_directed = g->tie_directed[t];
    g->in_is_out = !any_directed;
    if (g->in_is_out) {
        g->in_offsets = g->out_offsets;
        g->in_arcs = g->out_arcs;
        g->raw_in_cost = g->raw_out_cost;
    } else {
        lay_out(g, FALSE, &g->in_offsets, &g->in_arcs, &g->raw_in_cost);
    }
}
