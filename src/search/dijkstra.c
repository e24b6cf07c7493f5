/* SPDX-License-Identifier: MIT */
/* Dijkstra without a hop limit, tuned for whole-graph runs on a million people.
 *
 * The label-setting search in search.c handles hop limits, but on full runs it costs two cache
 * misses per relaxed arc (separate per-person arrays) and heap entries of 40 bytes. Here a
 * relaxation reads one 8-byte cost per person, settled people are a bit set small enough for the
 * L2 cache (half of all relaxations reach a settled person: they stop there), and the queue is
 * a radix heap (radix-heap.c). On the benchmark's large graph a full run went from 2.3 s to
 * ~0.8 s.
 * Same limits and order as search.c: cost, then fewer hops. */
#include "core/large-alloc.h"
#include "search/dijkstra-private.h"
#include "search/radix-heap.h"
#include "search/retain.h"

#include <math.h>
#include <string.h>

/* How a person was reached: kept apart from the costs, which every relaxation reads, so those
 * pack 8 to a cache line; written only when a run improves a cost and wants paths. */
typedef struct {
    guint32 hops;
    WpPerson pred; /* the previous person, WP_PERSON_NONE for the source */
} Trail;

struct WpDijkstra {
    WpAdjacency adj;          /* the graph's arcs */
    const WpScoring *scoring; /* the last run's; borrowed */
    guint n_people;
    double *cost; /* per person: tentative, final once settled; INFINITY = untouched */
    Trail *trail; /* per person; valid where cost is finite, unless the run was costs_only */
    guint64 *settled_bits;
    GArray *touched; /* WpPerson */
    GArray *settled; /* WpPerson, in settling order */
    guint held;      /* the most either list has held since made: their capacity, about */
    WpRetain keep;   /* how much of the two lists to keep between queries (retain.h) */
    WpRadixHeap queue;
    WpSearchDirection direction;
    gboolean costs_only;
    gboolean capped; /* the last run stopped at limits->max_settled with entries queued */
};

WpDijkstra *wp_i_dijkstra_new(const WpGraph *graph)
{
    WpDijkstra *d = g_new0(WpDijkstra, 1);
    wp_i_graph_adjacency(graph, &d->adj);
    gsize n = MAX(d->adj.n_people, 1);
    d->n_people = d->adj.n_people;
    d->cost = wp_i_alloc_large(n, sizeof(double));
    for (gsize p = 0; p < n; p++)
        d->cost[p] = INFINITY;
    d->trail = wp_i_alloc_large0(n, sizeof(Trail));
    d->settled_bits = g_new0(guint64, n / 64 + 1);
    d->touched = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    d->settled = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    wp_i_radix_heap_init(&d->queue);
    return d;
}

void wp_i_dijkstra_free(WpDijkstra *d)
{
    if (d == NULL)
        return;
    g_free(d->cost);
    g_free(d->trail);
    g_free(d->settled_bits);
    g_array_unref(d->touched);
    g_array_unref(d->settled);
    wp_i_radix_heap_clear(&d->queue);
    g_free(d);
}

static inline gboolean is_settled(const WpDijkstra *d, WpPerson p)
{
    return (d->settled_bits[p >> 6] >> (p & 63)) & 1;
}

static void reset(WpDijkstra *d)
{
    guint len = MAX(d->touched->len, d->settled->len);
    d->held = MAX(d->held, len);
    wp_i_retain_use(&d->keep, sizeof(WpPerson) * len);
    if (d->touched->len > d->n_people / 16) { /* a big run: sweeping beats scattered writes */
        for (guint p = 0; p < d->n_people; p++)
            d->cost[p] = INFINITY;
        memset(d->settled_bits, 0, sizeof(guint64) * (d->n_people / 64 + 1));
    } else {
        for (guint i = 0; i < d->touched->len; i++) {
            WpPerson p = g_array_index(d->touched, WpPerson, i);
            d->cost[p] = INFINITY;
            d->settled_bits[p >> 6] = 0;
        }
    }
    g_array_set_size(d->touched, 0);
    g_array_set_size(d->settled, 0);
    wp_i_radix_heap_reset(&d->queue);
}

void wp_i_dijkstra_trim(WpDijkstra *d, gsize min_keep)
{
    reset(d); /* the touched list says which costs to clear */
    /* GArray hides its capacity: up to twice the most either list held. */
    if (wp_i_retain_release(&d->keep, 2 * sizeof(WpPerson) * d->held, min_keep)) {
        /* Made again at the floor's size, not from nothing (retain.h, wp_i_retain_shrink()). */
        guint keep = (guint)(min_keep / sizeof(WpPerson));
        g_array_unref(d->touched);
        g_array_unref(d->settled);
        d->touched = g_array_sized_new(FALSE, FALSE, sizeof(WpPerson), keep);
        d->settled = g_array_sized_new(FALSE, FALSE, sizeof(WpPerson), keep);
        d->held = keep / 2;
    }
    wp_i_radix_heap_trim(&d->queue, min_keep);
}

static gboolean first_tie_banned(const WpSearchLimits *lim, WpTie tie)
{
    for (guint i = 0; i < lim->n_banned_first_ties; i++)
        if (lim->banned_first_ties[i] == tie)
            return TRUE;
    return FALSE;
}

void wp_i_dijkstra_run(WpDijkstra *d, const WpScoring *scoring, GCancellable *cancellable,
                       WpPerson source, const WpSearchLimits *lim)
{
    reset(d);
    d->scoring = scoring;
    d->capped = FALSE;
    if (g_cancellable_is_cancelled(cancellable)) /* NULL: FALSE */
        return;
    d->direction = lim->direction;
    d->costs_only = lim->costs_only;
    gboolean forward = lim->direction == WP_SEARCH_FORWARD;
    const guint32 *offsets = wp_i_adjacency_offsets(&d->adj, forward);
    const WpArc *arcs = wp_i_adjacency_arcs(&d->adj, forward);
    const double *costs = wp_i_scoring_arc_costs(scoring, forward); /* by arc index */
    const double *potential = lim->potential;
    double *cost = d->cost;
    Trail *trail = d->costs_only ? NULL : d->trail;
    guint64 *settled_bits = d->settled_bits;
    gboolean costs_complete = scoring->costs_complete;

    cost[source] = 0;
    d->trail[source] = (Trail){0, WP_PERSON_NONE};
    g_array_append_val(d->touched, source);
    wp_i_radix_heap_push(&d->queue, potential ? potential[source] : 0, source, 0);
    guint n_stopped = 0;
    WpRadixEntry top;
    while (wp_i_radix_heap_pop(&d->queue, &top)) {
        WpPerson u = top.item;
        if (is_settled(d, u))
            continue; /* an entry left behind by a cheaper path */
        settled_bits[u >> 6] |= G_GUINT64_CONSTANT(1) << (u & 63);
        g_array_append_val(d->settled, u);
        if (u == lim->target || (lim->stop_set && lim->stop_set[u] && ++n_stopped >= lim->n_stop))
            break;
        if (lim->max_settled > 0 && d->settled->len >= lim->max_settled) {
            d->capped = d->queue.size > 0;
            break;
        }
        /* The first entry of a person to come out carries its final cost and hops; without a
         * potential its key is that cost, which spares a cache miss per person. */
        double cu = potential ? cost[u] : wp_i_radix_key_value(top.key);
        if (lim->on_settle && lim->on_settle(u, cu, lim->on_settle_data))
            break;
        if (d->settled->len % WP_SEARCH_CANCEL_EVERY == 0 &&
            g_cancellable_is_cancelled(cancellable))
            break;
        guint32 hu = top.hops + 1;
        /* Fellow sellers come only right after a path's start (search-private.h): a backward
         * run goes no further from them, a forward one enters them only from its source. */
        const guint8 *entry_only = NULL;
        if (lim->first_hop_only != NULL && u != source) {
            if (!forward && lim->first_hop_only[u])
                continue;
            entry_only = forward ? lim->first_hop_only : NULL;
        }
        if (!costs_complete)
            wp_i_scoring_costs(scoring, forward, u); /* computed on first use */
        guint32 end = offsets[u + 1];
        for (guint32 a = offsets[u]; a < end; a++) {
            if (a + 8 < end) /* the cost is a miss: ask for it a few arcs ahead (~15 %) */
                __builtin_prefetch(&cost[arcs[a + 8].head]);
            WpPerson v = arcs[a].head;
            if (is_settled(d, v))
                continue;
            double c = cu + costs[a];
            if (!(c < cost[v] || (trail && c == cost[v] && hu < trail[v].hops)))
                continue;
            if (c > lim->max_cost || v == lim->banned_person || (lim->banned && lim->banned[v]) ||
                (entry_only && entry_only[v] && v != lim->target))
                continue;
            if (u == source && lim->n_banned_first_ties && first_tie_banned(lim, arcs[a].tie))
                continue;
            double key = c;
            if (potential != NULL) {
                if (isinf(potential[v]))
                    continue; /* cannot reach the target from there */
                key += potential[v];
            }
            if (cost[v] == INFINITY)
                g_array_append_val(d->touched, v);
            cost[v] = c;
            if (trail)
                trail[v] = (Trail){hu, u};
            wp_i_radix_heap_push(&d->queue, key, v, trail ? hu : 0);
        }
    }
}

double wp_i_dijkstra_cost(const WpDijkstra *d, WpPerson p)
{
    return is_settled(d, p) ? d->cost[p] : INFINITY;
}

guint wp_i_dijkstra_hops(const WpDijkstra *d, WpPerson p)
{
    g_return_val_if_fail(!d->costs_only, G_MAXUINT);
    return is_settled(d, p) ? d->trail[p].hops : G_MAXUINT;
}

gboolean wp_i_dijkstra_capped(const WpDijkstra *d)
{
    return d->capped;
}

const WpPerson *wp_i_dijkstra_settled(const WpDijkstra *d, guint *n)
{
    *n = d->settled->len;
    return (const WpPerson *)d->settled->data;
}

/* The tie a search took from @from to @to: the cheapest arc between them (ties are merged per
 * pair, so there is one; the trail keeps 4 bytes less per person by not storing it). */
static WpTie arc_tie(const WpDijkstra *d, WpPerson from, WpPerson to)
{
    gboolean forward = d->direction == WP_SEARCH_FORWARD;
    const guint32 *offsets = wp_i_adjacency_offsets(&d->adj, forward);
    const WpArc *arcs = wp_i_adjacency_arcs(&d->adj, forward);
    const double *costs = wp_i_scoring_costs(d->scoring, forward, from) - offsets[from];
    WpTie best = 0;
    double best_cost = INFINITY;
    for (guint32 a = offsets[from]; a < offsets[from + 1]; a++)
        if (arcs[a].head == to && (costs[a] < best_cost || best_cost == INFINITY)) {
            best = arcs[a].tie;
            best_cost = costs[a];
        }
    return best;
}

gboolean wp_i_dijkstra_path(const WpDijkstra *d, WpPerson p, GArray *people, GArray *ties)
{
    g_array_set_size(people, 0);
    if (ties)
        g_array_set_size(ties, 0);
    g_return_val_if_fail(!d->costs_only, FALSE);
    if (!is_settled(d, p))
        return FALSE;
    for (WpPerson v = p; v != WP_PERSON_NONE; v = d->trail[v].pred) {
        g_array_append_val(people, v);
        if (ties && d->trail[v].pred != WP_PERSON_NONE) {
            WpTie tie = arc_tie(d, d->trail[v].pred, v);
            g_array_append_val(ties, tie);
        }
    }
    /* The chain runs person..source; a forward search wants source..person. */
    if (d->direction == WP_SEARCH_FORWARD)
        wp_i_search_reverse_path(people, ties);
    return TRUE;
}
