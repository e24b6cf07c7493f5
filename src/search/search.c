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
#include "search/retain.h"

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

/* What a run knows of one person it reached: a Reach, then the cheapest cost pushed with each
 * hop count 0..max_hops, in one record so that a relaxation touches one place. */
typedef struct {
    guint32 first_label;  /* cheapest settled label, NO_LABEL if none */
    guint32 settled_hops; /* fewest hops among settled labels (G_MAXUINT32 = none) */
} Reach;

/* A growable array whose appends inline: the search appends several times per relaxed arc, and
 * GArray's out-of-line appends were ~10 % of a hint's run on the large network (perf). */
typedef struct {
    guint8 *data;
    gsize len;     /* elements */
    gsize bytes;   /* allocated (in bytes: the records' element size changes between runs) */
    gsize most;    /* the most elements held since the last note (the heap shrinks as it runs) */
    WpRetain keep; /* how much of it to keep between queries (retain.h) */
} Vec;

G_NO_INLINE static void vec_grow(Vec *v, gsize size)
{
    v->bytes = MAX(v->bytes * 2, 64 * size);
    v->data = g_realloc(v->data, v->bytes);
}

/* Room for one more element of @size at the end; returns it. */
static inline void *vec_push(Vec *v, gsize size)
{
    if (G_UNLIKELY((v->len + 1) * size > v->bytes))
        vec_grow(v, size);
    return v->data + v->len++ * size;
}

/* Gives back what @v holds past @keep bytes (retain.h). */
static void vec_shrink(Vec *v, gsize keep)
{
    if (v->bytes > keep) {
        v->data = wp_i_retain_shrink(v->data, keep);
        v->bytes = keep;
    }
}

#define VEC_AT(v, type, i) (((type *)(v)->data)[i])

/* Per-person state lives only for the people a run reaches, found through `slot`: arrays over
 * all million people, initialised whole for every search object, were 60 MB of fresh pages and
 * most of a cold `path` query on this machine (160-180 ms). */
struct WpSearch {
    const WpGraph *graph;      /* borrowed: runs bind scorings of this graph only */
    WpAdjacency adj;           /* the graph's arcs */
    const WpScoring *scoring;  /* bound: whose costs runs use; borrowed */
    GCancellable *cancellable; /* bound, nullable: stops runs; borrowed */
    WpSearchDirection direction;
    guint32 *slot;         /* per person: 1 + its record's index, 0 when not reached this run;
                            * zero-filled on demand, so pages never reached are never written */
    Vec records;           /* one per reached person, in the order of `touched`: a Reach and `width`
                            * doubles (bytes; stride `stride`) */
    gsize stride;          /* the current run's record size: a Reach and max_hops + 1 doubles */
    guint width;           /* max_hops + 1 */
    Vec touched;           /* WpPerson, the people reached */
    Vec labels;            /* Label */
    Vec settled;           /* WpPerson, first settlement order */
    Vec heap;              /* Entry, binary min-heap on cost */
    WpDijkstra *unlimited; /* runs without a hop limit go here (dijkstra.c); made on first use */
    gboolean last_unlimited; /* the last run went there */
    gboolean capped;         /* the last run stopped at limits->max_settled with labels queued */
    /* What reads see of the last run (wp_i_search_view_stop()): its first view_settled people
     * settled and its labels below view_labels; all of it when there is no view. */
    gsize view_settled;
    guint32 view_labels;
};

WpSearch *wp_i_search_new(const WpGraph *graph)
{
    WpSearch *s = g_new0(WpSearch, 1);
    s->graph = graph;
    wp_i_graph_adjacency(graph, &s->adj);
    s->slot = g_new0(guint32, MAX(s->adj.n_people, 1));
    s->view_settled = G_MAXSIZE;
    s->view_labels = G_MAXUINT32;
    return s;
}

void wp_i_search_free(WpSearch *s)
{
    if (s == NULL)
        return;
    g_free(s->slot);
    g_free(s->records.data);
    g_free(s->touched.data);
    g_free(s->labels.data);
    g_free(s->settled.data);
    g_free(s->heap.data);
    wp_i_dijkstra_free(s->unlimited);
    g_free(s);
}

void wp_i_search_bind(WpSearch *s, const WpScoring *scoring, GCancellable *cancellable)
{
    g_return_if_fail(scoring == NULL || scoring->graph == s->graph);
    s->scoring = scoring;
    s->cancellable = cancellable;
}

/* Notes what the last run used of each working array (retain.h), as a run ends. */
static void note_use(WpSearch *s)
{
    wp_i_retain_use(&s->records.keep, s->records.len * s->stride);
    wp_i_retain_use(&s->touched.keep, s->touched.len * sizeof(WpPerson));
    wp_i_retain_use(&s->labels.keep, s->labels.len * sizeof(Label));
    wp_i_retain_use(&s->settled.keep, s->settled.len * sizeof(WpPerson));
    wp_i_retain_use(&s->heap.keep, s->heap.most * sizeof(Entry));
    s->heap.most = 0;
}

static void reset(WpSearch *s)
{
    note_use(s);
    for (gsize i = 0; i < s->touched.len; i++)
        s->slot[VEC_AT(&s->touched, WpPerson, i)] = 0;
    s->touched.len = 0;
    s->records.len = 0;
    s->labels.len = 0;
    s->settled.len = 0;
    s->heap.len = 0;
    s->view_settled = G_MAXSIZE;
    s->view_labels = G_MAXUINT32;
}

gsize wp_i_search_working_bytes(const WpSearch *s)
{
    return s->records.bytes + s->touched.bytes + s->labels.bytes + s->settled.bytes + s->heap.bytes;
}

void wp_i_search_trim(WpSearch *s, gsize min_keep)
{
    if (s->unlimited != NULL)
        wp_i_dijkstra_trim(s->unlimited, min_keep);
    note_use(s);
    Vec *vecs[] = {&s->records, &s->touched, &s->labels, &s->settled, &s->heap};
    gboolean release[G_N_ELEMENTS(vecs)], any = FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(vecs); i++) {
        release[i] = wp_i_retain_release(&vecs[i]->keep, vecs[i]->bytes, min_keep);
        any = any || release[i];
    }
    if (!any)
        return;
    reset(s); /* the slots point into the records */
    for (guint i = 0; i < G_N_ELEMENTS(vecs); i++)
        if (release[i])
            vec_shrink(vecs[i], min_keep);
}

/* Heap order: cost, then fewer hops, so that among equally cheap paths (all ties of strength 1
 * under the raw model) the shortest is settled first instead of an arbitrary long one. */
static inline gboolean before(const Entry *a, const Entry *b)
{
    return a->key < b->key || (a->key == b->key && a->hops < b->hops);
}

static inline void heap_push(Vec *heap, const Entry *e)
{
    vec_push(heap, sizeof(Entry));
    if (heap->len > heap->most)
        heap->most = heap->len;
    Entry *h = (Entry *)heap->data;
    gsize i = heap->len - 1;
    while (i > 0) {
        gsize parent = (i - 1) / 2;
        if (!before(e, &h[parent]))
            break;
        h[i] = h[parent];
        i = parent;
    }
    h[i] = *e;
}

static Entry heap_pop(Vec *heap)
{
    Entry *h = (Entry *)heap->data;
    Entry top = h[0];
    gsize n = --heap->len;
    Entry last = h[n];
    gsize i = 0;
    for (;;) {
        gsize child = 2 * i + 1;
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
    return top;
}

/* The record of the person in @slot (non-zero). */
static inline Reach *record(const WpSearch *s, guint32 slot)
{
    return (Reach *)(s->records.data + (gsize)(slot - 1) * s->stride);
}

static inline double *pushed_at(Reach *r)
{
    return (double *)(r + 1);
}

/* @p's record, NULL when the run has not reached @p. */
static inline Reach *reach_of(const WpSearch *s, WpPerson p)
{
    guint32 k = s->slot[p];
    return k == 0 ? NULL : record(s, k);
}

/* @p's record, made when the run reaches @p for the first time. */
static inline Reach *touch(WpSearch *s, WpPerson p)
{
    if (s->slot[p] == 0) {
        *(WpPerson *)vec_push(&s->touched, sizeof(WpPerson)) = p;
        Reach *r = vec_push(&s->records, s->stride);
        *r = (Reach){NO_LABEL, G_MAXUINT32};
        double *row = pushed_at(r);
        for (guint h = 0; h < s->width; h++)
            row[h] = INFINITY;
        s->slot[p] = (guint32)s->records.len;
        return r;
    }
    return record(s, s->slot[p]);
}

static gboolean tie_banned(const WpSearchLimits *lim, WpTie tie)
{
    for (guint i = 0; i < lim->n_banned_first_ties; i++)
        if (lim->banned_first_ties[i] == tie)
            return TRUE;
    return FALSE;
}

/* Worth pushing? Only if no label pushed with at most as many hops is at least as cheap (fewer
 * hops can reach further), and no label with at most as many hops was settled. */
static inline gboolean worth_pushing(const WpSearch *s, WpPerson p, double cost, guint32 hops)
{
    Reach *r = reach_of(s, p);
    if (r == NULL)
        return cost < INFINITY; /* nothing pushed or settled yet */
    if (hops >= r->settled_hops)
        return FALSE;
    const double *row = pushed_at(r);
    for (guint h = 0; h <= hops; h++)
        if (row[h] <= cost)
            return FALSE;
    return TRUE;
}

static inline void note_pushed(WpSearch *s, WpPerson p, double cost, guint32 hops)
{
    double *at = &pushed_at(touch(s, p))[hops];
    if (cost < *at)
        *at = cost;
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
    s->width = lim->max_hops + 1;
    s->stride = sizeof(Reach) + sizeof(double) * s->width;
    s->direction = lim->direction;
    gboolean forward = lim->direction == WP_SEARCH_FORWARD;
    const guint32 *offsets = wp_i_adjacency_offsets(&s->adj, forward);
    const WpArc *arcs = wp_i_adjacency_arcs(&s->adj, forward);
    const double *costs = wp_i_scoring_arc_costs(scoring, forward); /* by arc index */
    gboolean costs_complete = scoring->costs_complete;

    guint n_stopped = 0;
    note_pushed(s, source, 0, 0);
    heap_push(&s->heap, &(Entry){0, 0, source, NO_LABEL, 0, 0});
    while (s->heap.len > 0) {
        Entry e = heap_pop(&s->heap);
        Reach *r = reach_of(s, e.person); /* pushed, so reached */
        if (e.hops >= r->settled_hops)
            continue; /* a cheaper label with no more hops was settled already */
        guint32 id = (guint32)s->labels.len;
        *(Label *)vec_push(&s->labels, sizeof(Label)) =
            (Label){e.person, e.parent, e.tie, e.hops, e.cost};
        if (r->first_label == NO_LABEL) {
            r->first_label = id;
            *(WpPerson *)vec_push(&s->settled, sizeof(WpPerson)) = e.person;
            if (e.person == lim->target)
                break;
            if (lim->stop_set && lim->stop_set[e.person] && ++n_stopped >= lim->n_stop)
                break;
            if (lim->on_settle && lim->on_settle(e.person, e.cost, lim->on_settle_data))
                break;
            if (lim->max_settled > 0 && s->settled.len >= lim->max_settled) {
                s->capped = s->heap.len > 0;
                break;
            }
            if (s->settled.len % WP_SEARCH_CANCEL_EVERY == 0 &&
                g_cancellable_is_cancelled(s->cancellable))
                break;
        }
        r->settled_hops = e.hops;
        if (e.hops >= lim->max_hops)
            continue;
        gboolean at_source = e.parent == NO_LABEL;
        if (lim->first_hop_only && !at_source && lim->first_hop_only[e.person] &&
            lim->direction == WP_SEARCH_BACKWARD)
            continue; /* the path's start comes right before them: nobody else */
        if (!costs_complete)
            wp_i_scoring_costs(scoring, forward, e.person); /* computed on first use */
        guint32 hops = e.hops + 1;
        guint32 end = offsets[e.person + 1];
        for (guint32 a = offsets[e.person]; a < end; a++) {
            if (a + 8 < end) /* the slot is a miss: ask for it a few arcs ahead */
                __builtin_prefetch(&s->slot[arcs[a + 8].head]);
            WpPerson head = arcs[a].head;
            double cost = e.cost + costs[a];
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
            heap_push(&s->heap, &(Entry){key, cost, head, id, arcs[a].tie, hops});
        }
    }
}

void wp_i_search_view_stop(WpSearch *s, const guint8 *stop_set, guint n_stop)
{
    g_return_if_fail(!s->last_unlimited);
    s->view_settled = G_MAXSIZE;
    s->view_labels = G_MAXUINT32;
    if (stop_set == NULL)
        return;
    guint n_stopped = 0;
    for (gsize i = 0; i < s->settled.len; i++) {
        WpPerson p = VEC_AT(&s->settled, WpPerson, i);
        if (stop_set[p] && ++n_stopped >= n_stop) {
            /* That run would have stopped here: labels come in the order they were settled,
             * so everything it settled has a label up to this person's first. */
            s->view_settled = i + 1;
            s->view_labels = reach_of(s, p)->first_label + 1;
            return;
        }
    }
}

/* @p's cheapest label, NO_LABEL when not settled (or not within the view). */
static guint32 first_label(const WpSearch *s, WpPerson p)
{
    const Reach *r = reach_of(s, p);
    return r && r->first_label < s->view_labels ? r->first_label : NO_LABEL;
}

double wp_i_search_cost(const WpSearch *s, WpPerson p)
{
    if (s->last_unlimited)
        return wp_i_dijkstra_cost(s->unlimited, p);
    guint32 l = first_label(s, p);
    return l == NO_LABEL ? INFINITY : VEC_AT(&s->labels, Label, l).cost;
}

guint wp_i_search_hops(const WpSearch *s, WpPerson p)
{
    if (s->last_unlimited)
        return wp_i_dijkstra_hops(s->unlimited, p);
    guint32 l = first_label(s, p);
    return l == NO_LABEL ? G_MAXUINT : VEC_AT(&s->labels, Label, l).hops;
}

const WpPerson *wp_i_search_settled(const WpSearch *s, guint *n)
{
    if (s->last_unlimited)
        return wp_i_dijkstra_settled(s->unlimited, n);
    *n = (guint)MIN(s->settled.len, s->view_settled);
    return (const WpPerson *)s->settled.data;
}

gboolean wp_i_search_capped(const WpSearch *s)
{
    if (s->last_unlimited)
        return wp_i_dijkstra_capped(s->unlimited);
    return s->capped && s->view_settled == G_MAXSIZE; /* a view ends at a stop, not the cap */
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
    for (; l != NO_LABEL; l = VEC_AT(&s->labels, Label, l).parent) {
        const Label *label = &VEC_AT(&s->labels, Label, l);
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
