/* SPDX-License-Identifier: MIT */
/* Dijkstra without a hop limit, tuned for whole-graph runs on a million people.
 *
 * The label-setting search in search.c handles hop limits, but on full runs it costs two cache
 * misses per relaxed arc (separate per-person arrays) and heap entries of 40 bytes; this one
 * keeps each person's state in one 24-byte record and uses an indexed 4-ary heap of 16-byte
 * entries with decrease-key, so a person is queued at most once. On the benchmark's medium graph
 * that made a full run ~3x faster (perf). Same limits and order: cost, then fewer hops. */
#include "search/dijkstra-private.h"

#include <math.h>
#include <string.h>

#define QUEUED_BASE 1u             /* pos = heap index + QUEUED_BASE while queued */
#define SETTLED G_MAXUINT32        /* pos once settled */

typedef struct {
    double cost;    /* tentative, final once settled */
    guint32 pos;    /* 0 = untouched, SETTLED, else heap index + QUEUED_BASE */
    guint32 hops;
    WpPerson pred;  /* the previous person, WP_PERSON_NONE for the source */
    WpTie pred_tie;
} State;

typedef struct {
    double key;     /* cost, plus the potential under A* */
    guint32 hops;   /* breaks ties between equal keys: fewer hops first */
    WpPerson person;
} Slot;

struct WpDijkstra {
    const WpGraph *graph;
    State *state;     /* per person; valid for people in touched */
    GArray *touched;  /* WpPerson */
    GArray *settled;  /* WpPerson, in settling order */
    Slot *heap;
    guint heap_len;
    guint heap_cap;
    WpSearchDirection direction;
};

WpDijkstra *wp_i_dijkstra_new(const WpGraph *graph)
{
    WpDijkstra *d = g_new0(WpDijkstra, 1);
    d->graph = graph;
    d->state = g_new0(State, MAX(graph->n_people, 1));
    d->touched = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    d->settled = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    d->heap_cap = 1024;
    d->heap = g_new(Slot, d->heap_cap);
    return d;
}

void wp_i_dijkstra_free(WpDijkstra *d)
{
    if (d == NULL)
        return;
    g_free(d->state);
    g_array_unref(d->touched);
    g_array_unref(d->settled);
    g_free(d->heap);
    g_free(d);
}

static inline gboolean before(const Slot *a, const Slot *b)
{
    return a->key < b->key || (a->key == b->key && a->hops < b->hops);
}

static inline void place(WpDijkstra *d, guint i, Slot slot)
{
    d->heap[i] = slot;
    d->state[slot.person].pos = i + QUEUED_BASE;
}

static void sift_up(WpDijkstra *d, guint i, Slot slot)
{
    while (i > 0) {
        guint parent = (i - 1) / 4;
        if (!before(&slot, &d->heap[parent]))
            break;
        place(d, i, d->heap[parent]);
        i = parent;
    }
    place(d, i, slot);
}

static void sift_down(WpDijkstra *d, guint i, Slot slot)
{
    for (;;) {
        guint first = 4 * i + 1;
        if (first >= d->heap_len)
            break;
        guint best = first, last = MIN(first + 4, d->heap_len);
        for (guint c = first + 1; c < last; c++)
            if (before(&d->heap[c], &d->heap[best]))
                best = c;
        if (!before(&d->heap[best], &slot))
            break;
        place(d, i, d->heap[best]);
        i = best;
    }
    place(d, i, slot);
}

static void push(WpDijkstra *d, Slot slot)
{
    if (d->heap_len == d->heap_cap) {
        d->heap_cap *= 2;
        d->heap = g_renew(Slot, d->heap, d->heap_cap);
    }
    sift_up(d, d->heap_len++, slot);
}

static WpPerson pop(WpDijkstra *d)
{
    WpPerson top = d->heap[0].person;
    Slot last = d->heap[--d->heap_len];
    if (d->heap_len > 0)
        sift_down(d, 0, last);
    return top;
}

static void reset(WpDijkstra *d)
{
    for (guint i = 0; i < d->touched->len; i++)
        d->state[g_array_index(d->touched, WpPerson, i)].pos = 0;
    g_array_set_size(d->touched, 0);
    g_array_set_size(d->settled, 0);
    d->heap_len = 0;
}

static gboolean first_tie_banned(const WpSearchLimits *lim, WpTie tie)
{
    for (guint i = 0; i < lim->n_banned_first_ties; i++)
        if (lim->banned_first_ties[i] == tie)
            return TRUE;
    return FALSE;
}

void wp_i_dijkstra_run(WpDijkstra *d, WpPerson source, const WpSearchLimits *lim)
{
    const WpGraph *g = d->graph;
    reset(d);
    d->direction = lim->direction;
    gboolean forward = lim->direction == WP_SEARCH_FORWARD;
    const guint32 *offsets = forward ? g->out_offsets : g->in_offsets;
    const WpArc *arcs = forward ? g->out_arcs : g->in_arcs;
    const double *costs = forward ? g->out_cost : g->in_cost; /* by arc index */
    const double *potential = lim->potential;
    State *state = d->state;

    state[source] = (State){0, 0, 0, WP_PERSON_NONE, 0};
    g_array_append_val(d->touched, source);
    push(d, (Slot){potential ? potential[source] : 0, 0, source});
    guint n_stopped = 0;
    while (d->heap_len > 0) {
        WpPerson u = pop(d);
        State *su = &state[u];
        su->pos = SETTLED;
        g_array_append_val(d->settled, u);
        if (u == lim->target ||
            (lim->stop_set && lim->stop_set[u] && ++n_stopped >= lim->n_stop))
            break;
        double cu = su->cost;
        guint32 hu = su->hops + 1;
        wp_i_graph_costs(g, forward, u); /* computed on first use */
        for (guint32 a = offsets[u]; a < offsets[u + 1]; a++) {
            WpPerson v = arcs[a].head;
            State *sv = &state[v];
            if (sv->pos == SETTLED)
                continue;
            double c = cu + costs[a];
            if (c > lim->max_cost || v == lim->banned_person || (lim->banned && lim->banned[v]))
                continue;
            if (u == source && lim->n_banned_first_ties && first_tie_banned(lim, arcs[a].tie))
                continue;
            double pot = 0;
            if (potential != NULL) {
                pot = potential[v];
                if (isinf(pot))
                    continue; /* cannot reach the target from there */
            }
            if (sv->pos == 0) {
                *sv = (State){c, 0, hu, u, arcs[a].tie};
                g_array_append_val(d->touched, v);
                push(d, (Slot){c + pot, hu, v});
            } else if (c < sv->cost || (c == sv->cost && hu < sv->hops)) {
                sv->cost = c;
                sv->hops = hu;
                sv->pred = u;
                sv->pred_tie = arcs[a].tie;
                sift_up(d, sv->pos - QUEUED_BASE, (Slot){c + pot, hu, v});
            }
        }
    }
}

double wp_i_dijkstra_cost(const WpDijkstra *d, WpPerson p)
{
    return d->state[p].pos == SETTLED ? d->state[p].cost : INFINITY;
}

guint wp_i_dijkstra_hops(const WpDijkstra *d, WpPerson p)
{
    return d->state[p].pos == SETTLED ? d->state[p].hops : G_MAXUINT;
}

const WpPerson *wp_i_dijkstra_settled(const WpDijkstra *d, guint *n)
{
    *n = d->settled->len;
    return (const WpPerson *)d->settled->data;
}

gboolean wp_i_dijkstra_path(const WpDijkstra *d, WpPerson p, GArray *people, GArray *ties)
{
    g_array_set_size(people, 0);
    if (ties)
        g_array_set_size(ties, 0);
    if (d->state[p].pos != SETTLED)
        return FALSE;
    for (WpPerson v = p; v != WP_PERSON_NONE; v = d->state[v].pred) {
        g_array_append_val(people, v);
        if (ties && d->state[v].pred != WP_PERSON_NONE)
            g_array_append_val(ties, d->state[v].pred_tie);
    }
    /* The chain runs person..source; a forward search wants source..person. */
    if (d->direction == WP_SEARCH_FORWARD)
        wp_i_search_reverse_path(people, ties);
    return TRUE;
}
