/* SPDX-License-Identifier: MIT */
/* Label-setting Dijkstra with an optional hop limit.
 *
 * Without a hop limit this is textbook Dijkstra with a binary heap and lazy deletion. With a
 * limit H, a person can be worth reaching again by a costlier path that uses fewer hops (it may
 * still extend to someone within H). So a person is settled at most once per distinct hop count:
 * a label (person, hops, cost) is kept only if no earlier label of that person has fewer or
 * equal hops (earlier labels are cheaper, since labels leave the heap in cost order). The first
 * label of each person is its cheapest path within H hops. Labels remember their parent label,
 * so any settled path can be rebuilt. */
#include "search/dijkstra-private.h"

#include <math.h>
#include <string.h>

#define NO_LABEL G_MAXUINT32

typedef struct {
    double key; /* cost, plus the potential under A* */
    double cost;
    WpPerson person;
    guint32 parent; /* label index, NO_LABEL for the source */
    WpTie tie;      /* tie from the parent */
    guint32 hops;
} Entry;

typedef struct {
    WpPerson person;
    guint32 parent;
    WpTie tie;
    guint32 hops;
    double cost;
} Label;

/* What a run knows of one person it reached. */
typedef struct {
    guint32 first_label;  /* cheapest settled label, NO_LABEL if none */
    guint32 settled_hops; /* fewest hops among settled labels (G_MAXUINT32 = none) */
    double best_pushed;   /* cheapest cost pushed so far (prunes the heap) */
} State;

/* Per-person state lives only for the people a run reaches, found through `slot`: arrays over
 * all million people, initialised whole for every search object, were 60 MB of fresh pages and
 * most of a cold `path` query on this machine (160-180 ms). */
struct WpSearch {
    const WpGraph *graph;      /* borrowed: runs bind scorings of this graph only */
    WpAdjacency adj;           /* the graph's arcs */
    const WpScoring *scoring;  /* bound: whose costs runs use; borrowed */
    GCancellable *cancellable; /* bound, nullable: stops runs; borrowed */
    WpSearchDirection direction;
    guint32 *slot;           /* per person: 1 + its index in `states`, 0 when not reached this run;
                              * zero-filled on demand, so pages never reached are never written */
    GArray *states;          /* State, one per reached person, in the order of `touched` */
    GArray *pushed_at;       /* hop-limited runs: [state * width + hops] cheapest cost pushed */
    guint width;             /* the current run's row width (max_hops + 1; 0 when unlimited) */
    GArray *touched;         /* WpPerson, the people reached */
    GArray *labels;          /* Label */
    GArray *settled;         /* WpPerson, first settlement order */
    GArray *heap;            /* Entry, binary min-heap on cost */
    WpDijkstra *unlimited;   /* runs without a hop limit go here (dijkstra.c); made on first use */
    gboolean last_unlimited; /* the last run went there */
    gboolean capped;         /* the last run stopped at limits->max_settled with labels queued */
};

WpSearch *wp_i_search_new(const WpGraph *graph)
{
    WpSearch *s = g_new0(WpSearch, 1);
    s->graph = graph;
    wp_i_graph_adjacency(graph, &s->adj);
    s->slot = g_new0(guint32, MAX(s->adj.n_people, 1));
    s->states = g_array_new(FALSE, FALSE, sizeof(State));
    s->pushed_at = g_array_new(FALSE, FALSE, sizeof(double));
    s->touched = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    s->labels = g_array_new(FALSE, FALSE, sizeof(Label));
    s->settled = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    s->heap = g_array_new(FALSE, FALSE, sizeof(Entry));
    return s;
}

void wp_i_search_free(WpSearch *s)
{
    if (s == NULL)
        return;
    g_free(s->slot);
    g_array_unref(s->states);
    g_array_unref(s->pushed_at);
    g_array_unref(s->touched);
    g_array_unref(s->labels);
    g_array_unref(s->settled);
    g_array_unref(s->heap);
    wp_i_dijkstra_free(s->unlimited);
    g_free(s);
}

void wp_i_search_bind(WpSearch *s, const WpScoring *scoring, GCancellable *cancellable)
{
    g_return_if_fail(scoring == NULL || scoring->graph == s->graph);
    s->scoring = scoring;
    s->cancellable = cancellable;
}

static void reset(WpSearch *s)
{
    for (guint i = 0; i < s->touched->len; i++)
        s->slot[g_array_index(s->touched, WpPerson, i)] = 0;
    g_array_set_size(s->touched, 0);
    g_array_set_size(s->states, 0);
    g_array_set_size(s->pushed_at, 0);
    g_array_set_size(s->labels, 0);
    g_array_set_size(s->settled, 0);
    g_array_set_size(s->heap, 0);
}

/* Heap order: cost, then fewer hops, so that among equally cheap paths (all ties of strength 1
 * under the raw model) the shortest is settled first instead of an arbitrary long one. */
static gboolean before(const Entry *a, const Entry *b)
{
    return a->key < b->key || (a->key == b->key && a->hops < b->hops);
}

static void heap_push(GArray *heap, const Entry *e)
{
    g_array_append_val(heap, *e);
    Entry *h = (Entry *)heap->data;
    guint i = heap->len - 1;
    Entry moving = h[i];
    while (i > 0) {
        guint parent = (i - 1) / 2;
        if (!before(&moving, &h[parent]))
            break;
        h[i] = h[parent];
        i = parent;
    }
    h[i] = moving;
}

static Entry heap_pop(GArray *heap)
{
    Entry *h = (Entry *)heap->data;
    Entry top = h[0];
    Entry last = h[heap->len - 1];
    guint n = heap->len - 1;
    guint i = 0;
    for (;;) {
        guint child = 2 * i + 1;
        if (child >= n)
            break;
        if (child + 1 < n && before(&h[child + 1], &h[child]))
            child++;
        if (!before(&h[child], &last))
            break;
        h[i] = h[child];
        i = child;
    }
    if (n > 0)
        h[i] = last;
    g_array_set_size(heap, n);
    return top;
}

/* @p's state, NULL when the run has not reached @p. */
static inline State *state_of(const WpSearch *s, WpPerson p)
{
    guint32 k = s->slot[p];
    return k == 0 ? NULL : &g_array_index(s->states, State, k - 1);
}

/* @p's state, made when the run reaches @p for the first time. */
static State *touch(WpSearch *s, WpPerson p)
{
    if (s->slot[p] == 0) {
        g_array_append_val(s->touched, p);
        State fresh = {NO_LABEL, G_MAXUINT32, INFINITY};
        g_array_append_val(s->states, fresh);
        for (guint h = 0; h < s->width; h++) {
            double none = INFINITY;
            g_array_append_val(s->pushed_at, none);
        }
        s->slot[p] = s->states->len;
    }
    return &g_array_index(s->states, State, s->slot[p] - 1);
}

static gboolean tie_banned(const WpSearchLimits *lim, WpTie tie)
{
    for (guint i = 0; i < lim->n_banned_first_ties; i++)
        if (lim->banned_first_ties[i] == tie)
            return TRUE;
    return FALSE;
}

/* Worth pushing? Unlimited: only if cheaper than anything pushed. Limited: only if no label
 * pushed with at most as many hops is at least as cheap (fewer hops can reach further). */
static gboolean worth_pushing(const WpSearch *s, WpPerson p, double cost, guint32 hops)
{
    const State *st = state_of(s, p);
    if (st == NULL)
        return cost < INFINITY; /* nothing pushed or settled yet */
    if (hops >= st->settled_hops)
        return FALSE;
    if (s->width == 0)
        return cost < st->best_pushed;
    const double *row = &g_array_index(s->pushed_at, double, (gsize)(s->slot[p] - 1) * s->width);
    for (guint h = 0; h <= hops; h++)
        if (row[h] <= cost)
            return FALSE;
    return TRUE;
}

static void note_pushed(WpSearch *s, WpPerson p, double cost, guint32 hops)
{
    State *st = touch(s, p);
    if (cost < st->best_pushed)
        st->best_pushed = cost;
    if (s->width > 0) {
        double *at =
            &g_array_index(s->pushed_at, double, (gsize)(s->slot[p] - 1) * s->width + hops);
        if (cost < *at)
            *at = cost;
    }
}

void wp_i_search_run(WpSearch *s, WpPerson source, const WpSearchLimits *lim)
{
    const WpScoring *scoring = s->scoring;
    g_return_if_fail(source < s->adj.n_people && scoring != NULL);
    reset(s);
    s->capped = FALSE;
    s->last_unlimited = lim->max_hops == 0;
    if (s->last_unlimited) {
        if (s->unlimited == NULL)
            s->unlimited = wp_i_dijkstra_new(s->graph);
        wp_i_dijkstra_run(s->unlimited, scoring, s->cancellable, source, lim);
        return;
    }
    if (g_cancellable_is_cancelled(s->cancellable)) /* NULL: FALSE */
        return;
    s->width = lim->max_hops > 0 ? lim->max_hops + 1 : 0;
    s->direction = lim->direction;
    gboolean limited = lim->max_hops > 0;
    gboolean forward = lim->direction == WP_SEARCH_FORWARD;
    const guint32 *offsets = wp_i_adjacency_offsets(&s->adj, forward);
    const WpArc *arcs = wp_i_adjacency_arcs(&s->adj, forward);
    const double *costs = wp_i_scoring_arc_costs(scoring, forward); /* by arc index */

    guint n_stopped = 0;
    note_pushed(s, source, 0, 0);
    heap_push(s->heap, &(Entry){0, 0, source, NO_LABEL, 0, 0});
    while (s->heap->len > 0) {
        Entry e = heap_pop(s->heap);
        State *st = state_of(s, e.person); /* pushed, so reached */
        if (e.hops >= st->settled_hops)
            continue; /* a cheaper label with no more hops was settled already */
        guint32 id = s->labels->len;
        Label label = {e.person, e.parent, e.tie, e.hops, e.cost};
        g_array_append_val(s->labels, label);
        if (st->first_label == NO_LABEL) {
            st->first_label = id;
            g_array_append_val(s->settled, e.person);
            if (e.person == lim->target)
                break;
            if (lim->stop_set && lim->stop_set[e.person] && ++n_stopped >= lim->n_stop)
                break;
            if (lim->on_settle && lim->on_settle(e.person, e.cost, lim->on_settle_data))
                break;
            if (lim->max_settled > 0 && s->settled->len >= lim->max_settled) {
                s->capped = s->heap->len > 0;
                break;
            }
            if (s->settled->len % WP_SEARCH_CANCEL_EVERY == 0 &&
                g_cancellable_is_cancelled(s->cancellable))
                break;
        }
        st->settled_hops = e.hops;
        if (limited && e.hops >= lim->max_hops)
            continue;
        gboolean at_source = e.parent == NO_LABEL;
        if (lim->first_hop_only && !at_source && lim->first_hop_only[e.person] &&
            lim->direction == WP_SEARCH_BACKWARD)
            continue; /* the path's start comes right before them: nobody else */
        wp_i_scoring_costs(scoring, forward, e.person); /* computed on first use */
        for (guint32 a = offsets[e.person]; a < offsets[e.person + 1]; a++) {
            WpPerson head = arcs[a].head;
            double cost = e.cost + costs[a];
            guint32 hops = e.hops + 1;
            if (head == lim->banned_person || (lim->banned && lim->banned[head]) ||
                cost > lim->max_cost || !worth_pushing(s, head, cost, hops))
                continue;
            if (!at_source && lim->first_hop_only && lim->first_hop_only[head] &&
                lim->direction == WP_SEARCH_FORWARD && head != lim->target)
                continue; /* only the source may step to them (or they end the path) */
            if (at_source && lim->n_banned_first_ties && tie_banned(lim, arcs[a].tie))
                continue;
            double key = cost;
            if (lim->potential != NULL) {
                if (isinf(lim->potential[head]))
                    continue; /* cannot reach the target from there */
                key += lim->potential[head];
            }
            note_pushed(s, head, cost, hops);
            heap_push(s->heap, &(Entry){key, cost, head, id, arcs[a].tie, hops});
        }
    }
}

static guint32 first_label(const WpSearch *s, WpPerson p)
{
    const State *st = state_of(s, p);
    return st ? st->first_label : NO_LABEL;
}

double wp_i_search_cost(const WpSearch *s, WpPerson p)
{
    if (s->last_unlimited)
        return wp_i_dijkstra_cost(s->unlimited, p);
    guint32 l = first_label(s, p);
    return l == NO_LABEL ? INFINITY : g_array_index(s->labels, Label, l).cost;
}

guint wp_i_search_hops(const WpSearch *s, WpPerson p)
{
    if (s->last_unlimited)
        return wp_i_dijkstra_hops(s->unlimited, p);
    guint32 l = first_label(s, p);
    return l == NO_LABEL ? G_MAXUINT : g_array_index(s->labels, Label, l).hops;
}

const WpPerson *wp_i_search_settled(const WpSearch *s, guint *n)
{
    if (s->last_unlimited)
        return wp_i_dijkstra_settled(s->unlimited, n);
    *n = s->settled->len;
    return (const WpPerson *)s->settled->data;
}

gboolean wp_i_search_capped(const WpSearch *s)
{
    return s->last_unlimited ? wp_i_dijkstra_capped(s->unlimited) : s->capped;
}

gboolean wp_i_search_path(const WpSearch *s, WpPerson p, GArray *people, GArray *ties)
{
    if (s->last_unlimited)
        return wp_i_dijkstra_path(s->unlimited, p, people, ties);
    guint32 l = first_label(s, p);
    g_array_set_size(people, 0);
    if (ties)
        g_array_set_size(ties, 0);
    if (l == NO_LABEL)
        return FALSE;
    for (; l != NO_LABEL; l = g_array_index(s->labels, Label, l).parent) {
        const Label *label = &g_array_index(s->labels, Label, l);
        g_array_append_val(people, label->person);
        if (ties && label->parent != NO_LABEL)
            g_array_append_val(ties, label->tie);
    }
    /* The chain runs person..source; a forward search wants source..person. */
    if (s->direction == WP_SEARCH_FORWARD)
        wp_i_search_reverse_path(people, ties);
    return TRUE;
}

void wp_i_search_reverse_path(GArray *people, GArray *ties)
{
    WpPerson *pp = (WpPerson *)people->data;
    for (guint i = 0, j = people->len ? people->len - 1 : 0; i < j; i++, j--) {
        WpPerson tmp = pp[i];
        pp[i] = pp[j];
        pp[j] = tmp;
    }
    if (ties == NULL || ties->len < 2)
        return;
    WpTie *tt = (WpTie *)ties->data;
    for (guint i = 0, j = ties->len - 1; i < j; i++, j--) {
        WpTie tmp = tt[i];
        tt[i] = tt[j];
        tt[j] = tmp;
    }
}
