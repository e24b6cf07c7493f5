/* SPDX-License-Identifier: MIT */
/* Merging tie rows into ties, on every core.
 *
 * Rows are moved into the bucket of their low endpoint (a stable counting scatter: each chunk of
 * rows scatters its own, into positions counted per chunk, so input order survives), then each
 * bucket is sorted by high endpoint and its runs merged. Buckets split between workers by row
 * count; the ties of each bucket go to offsets counted beforehand, so the result does not depend
 * on the schedule. On the benchmark's large graph (13.2M rows) this took 2.9 s on one core. */
#include "core/tie-merge.h"
#include "core/large-alloc.h"
#include "core/parallel.h"
#include "core/text-private.h"
#include "core/tie-labels.h"

#include <float.h>
#include <math.h>
#include <string.h>

/* One tie row as the merge needs it, next to the other rows of its low endpoint. */
typedef struct {
    WpPerson hi; /* the higher endpoint; the lower one is the bucket */
    guint16 types;
    guint8 directed;
    guint8 source_is_lo; /* the row was written low -> high */
    WpDay last_contact;
    gint32 interactions;
    double declared;
} Row;

/* Rows [begin, end) of one part: what one worker counts and scatters. */
typedef struct {
    const WpTieRowColumns *columns;
    gsize begin, end;
} Chunk;

typedef struct {
    WpGraph *graph;
    WpTieRows *rows;
    Chunk *chunks; /* of rows, in file order */
    guint n_chunks;
    guint32 **count;       /* per chunk and person: rows */
    guint32 **position;    /* per chunk and block: where the chunk's next row of the block goes */
    guint32 *starts;       /* per person + 1: its bucket */
    Row *blocked;          /* rows by block of low endpoints, each in file order; sorted by
                            * low, then high endpoint in place (sort_range) */
    guint16 *blocked_lo;   /* the low endpoint within its block */
    guint64 *blocked_line; /* under WP_LOAD_STRICT only */
    WpPerson *range_start; /* one person range per worker, of about equal rows */
    guint32 *pairs;        /* per person: distinct high endpoints, then its first tie */
    guint64 *repeated;     /* bit per bucketed row, by its place before the sort (file order
                            * within the bucket): the row repeats a pair */
    guint64 *repeat_line;  /* per range: the earliest repeated row, G_MAXUINT64 for none */
    WpPerson *repeat_lo, *repeat_hi;
} Merge;

/* Cuts the parts into chunks: each part alone when there are enough parts for the workers,
 * else each part into one chunk per worker. */
static void cut_chunks(Merge *m, guint n_workers)
{
    const WpTieRows *r = m->rows;
    guint per_part = r->n_parts >= n_workers ? 1 : n_workers;
    m->chunks = g_new(Chunk, MAX(r->n_parts * per_part, 1));
    m->n_chunks = 0;
    for (guint p = 0; p < r->n_parts; p++)
        for (guint k = 0; k < per_part; k++) {
            gsize n = r->parts[p].n;
            m->chunks[m->n_chunks++] =
                (Chunk){&r->parts[p].columns, n * k / per_part, n * (k + 1) / per_part};
        }
}

static void count_chunk(gsize first, gsize last, gpointer data)
{
    Merge *m = data;
    for (gsize c = first; c < last; c++) {
        guint32 *count = m->count[c];
        const Chunk *chunk = &m->chunks[c];
        const WpPerson *a = chunk->columns->a, *b = chunk->columns->b;
        for (gsize i = chunk->begin; i < chunk->end; i++)
            count[MIN(a[i], b[i])]++;
    }
}

/* Rows are scattered by low endpoint in two steps: into blocks of BLOCK people (file order kept
 * within each), then within each block, whose buckets and counters stay in cache. Scattering
 * straight into the buckets missed the cache on every row (0.9 s of CPU for the large graph's
 * 13.2M rows). A block's rows take the place its buckets will. */
#define BLOCK_BITS 12

/* Bucket offsets, and where each chunk's first row of each block goes. */
static void place_chunks(Merge *m)
{
    guint n_people = m->graph->n_people;
    guint32 at = 0;
    for (guint p = 0; p < n_people; p++) {
        m->starts[p] = at;
        for (guint c = 0; c < m->n_chunks; c++)
            at += m->count[c][p];
    }
    m->starts[n_people] = at;
    for (guint32 b = 0; b <= n_people >> BLOCK_BITS; b++) {
        WpPerson first = b << BLOCK_BITS, end = MIN(first + (1u << BLOCK_BITS), n_people);
        guint32 block_at = m->starts[first];
        for (guint c = 0; c < m->n_chunks; c++) {
            m->position[c][b] = block_at;
            for (WpPerson p = first; p < end; p++)
                block_at += m->count[c][p];
        }
    }
}

static void scatter_chunk(gsize first, gsize last, gpointer data)
{
    Merge *m = data;
    for (gsize c = first; c < last; c++) {
        guint32 *position = m->position[c];
        const Chunk *chunk = &m->chunks[c];
        const WpTieRowColumns *col = chunk->columns;
        for (gsize i = chunk->begin; i < chunk->end; i++) {
            gboolean a_lo = col->a[i] < col->b[i];
            WpPerson lo = a_lo ? col->a[i] : col->b[i];
            guint32 at = position[lo >> BLOCK_BITS]++;
            m->blocked_lo[at] = (guint16)(lo & ((1u << BLOCK_BITS) - 1));
            m->blocked[at] = (Row){
                .hi = a_lo ? col->b[i] : col->a[i],
                .types = col->types ? col->types[i] : 0,
                .directed = col->directed ? col->directed[i] : 0,
                .source_is_lo = (guint8)a_lo,
                .last_contact = col->last_contact ? col->last_contact[i] : WP_DAY_NONE,
                .interactions = col->interactions ? col->interactions[i] : -1,
                .declared = col->declared[i],
            };
            if (m->blocked_line)
                m->blocked_line[at] = col->line[i];
        }
    }
}

/* Marks row @at of the bucketed rows as repeating a pair. Neighbouring buckets may belong to
 * another worker, hence the atomic or. */
static inline void mark_repeat(guint64 *repeated, gsize at)
{
    __atomic_fetch_or(&repeated[at / 64], (guint64)1 << (at % 64), __ATOMIC_RELAXED);
}

/* Sorts a bucket by high endpoint, keeping input order among equals (the first row of a pair
 * decides its orientation): insertion sort, as buckets are small, or a stable merge sort of an
 * index for a person with very many rows. Lines move with their rows. The bucket arrives in file
 * order, so a row that sorts next to an equal one from before it repeats a pair: its place
 * @base + i (i before the sort) is marked in @repeated. */
static void sort_bucket(Row *rows, guint64 *lines, gsize n, guint64 *repeated, gsize base)
{
    if (n > 32) {
        g_autofree guint32 *order = g_new(guint32, n), *spare = g_new(guint32, n);
        for (gsize i = 0; i < n; i++)
            order[i] = (guint32)i;
        for (gsize width = 1; width < n; width *= 2) { /* bottom-up merge sort: stable */
            for (gsize lo = 0; lo < n; lo += 2 * width) {
                gsize mid = MIN(lo + width, n), hi = MIN(lo + 2 * width, n), i = lo, j = mid;
                for (gsize k = lo; k < hi; k++)
                    spare[k] = (j >= hi || (i < mid && rows[order[i]].hi <= rows[order[j]].hi))
                                   ? order[i++]
                                   : order[j++];
            }
            guint32 *swap = order;
            order = spare;
            spare = swap;
        }
        for (gsize k = 1; k < n; k++)
            if (rows[order[k]].hi == rows[order[k - 1]].hi)
                mark_repeat(repeated, base + order[k]);
        g_autofree Row *copy = g_memdup2(rows, sizeof(Row) * n);
        g_autofree guint64 *line_copy = lines ? g_memdup2(lines, sizeof(guint64) * n) : NULL;
        for (gsize i = 0; i < n; i++) {
            rows[i] = copy[order[i]];
            if (lines)
                lines[i] = line_copy[order[i]];
        }
        return;
    }
    for (gsize i = 1; i < n; i++) {
        Row moving = rows[i];
        guint64 moving_line = lines ? lines[i] : 0;
        gsize j = i;
        for (; j > 0 && rows[j - 1].hi > moving.hi; j--) {
            rows[j] = rows[j - 1];
            if (lines)
                lines[j] = lines[j - 1];
        }
        rows[j] = moving;
        if (lines)
            lines[j] = moving_line;
        if (G_UNLIKELY(j > 0 && rows[j - 1].hi == moving.hi))
            mark_repeat(repeated, base + i);
    }
}

/* A worker's room for one block's rows while they are bucketed. */
typedef struct {
    Row *rows;
    guint64 *lines;
    gsize cap;
} Scratch;

/* Moves one block's rows into their buckets, in the order they came, through @scratch (sized
 * for the block, so it stays in cache) and back into place: a second array of every row would
 * be 316 MB of fresh pages on the large graph, each cleared by the kernel. */
static void bucket_block(Merge *m, guint32 block, Scratch *scratch)
{
    WpPerson first = block << BLOCK_BITS;
    WpPerson end = MIN(first + (1u << BLOCK_BITS), m->graph->n_people);
    if (first >= end)
        return;
    guint32 base = m->starts[first], n = m->starts[end] - base;
    if (n == 0)
        return;
    if (n > scratch->cap) {
        scratch->cap = MAX(n, scratch->cap * 2);
        scratch->rows = g_renew(Row, scratch->rows, scratch->cap);
        if (m->blocked_line)
            scratch->lines = g_renew(guint64, scratch->lines, scratch->cap);
    }
    guint32 fill[1u << BLOCK_BITS];
    for (WpPerson p = first; p < end; p++)
        fill[p - first] = m->starts[p] - base;
    for (guint32 i = base; i < base + n; i++) {
        guint32 at = fill[m->blocked_lo[i]]++;
        scratch->rows[at] = m->blocked[i];
        if (m->blocked_line)
            scratch->lines[at] = m->blocked_line[i];
    }
    memcpy(m->blocked + base, scratch->rows, sizeof(Row) * n);
    if (m->blocked_line)
        memcpy(m->blocked_line + base, scratch->lines, sizeof(guint64) * n);
}

static void sort_range(gsize first, gsize last, gpointer data)
{
    Merge *m = data;
    Scratch scratch = {NULL, NULL, 0};
    for (gsize r = first; r < last; r++) {
        WpPerson begin = m->range_start[r], end = m->range_start[r + 1];
        for (guint32 b = begin >> BLOCK_BITS; begin < end && b <= (end - 1) >> BLOCK_BITS; b++)
            bucket_block(m, b, &scratch);
        for (WpPerson lo = begin; lo < end; lo++) {
            gsize at = m->starts[lo], n = m->starts[lo + 1] - at;
            Row *bucket = m->blocked + at;
            sort_bucket(bucket, m->blocked_line ? m->blocked_line + at : NULL, n, m->repeated, at);
            guint32 pairs = 0;
            for (gsize i = 0; i < n; i++)
                pairs += i == 0 || bucket[i].hi != bucket[i - 1].hi;
            m->pairs[lo] = pairs;
        }
    }
    g_free(scratch.rows);
    g_free(scratch.lines);
}

/* The first rows in file order that repeat a pair, with the pair's first row: the examples of the
 * duplicate-tie warning. The sort marked each repeat by its place in its bucket, which holds the
 * bucket's rows in file order; so reading the rows in file order and counting each bucket's rows
 * finds the marks in file order. The read stops at the last example: with repeats spread through
 * the file (a tenth of the benchmark's rows), it reads a small part of the rows. */
static guint find_repeats(const Merge *m, WpTieRepeat *out)
{
    const WpGraph *g = m->graph;
    g_autofree guint32 *next = g_memdup2(m->starts, sizeof(guint32) * (g->n_people + 1));
    guint n = 0;
    guint64 row = 0;
    for (guint p = 0; p < m->rows->n_parts && n < WP_WARNING_EXAMPLES; p++) {
        const WpPerson *a = m->rows->parts[p].columns.a, *b = m->rows->parts[p].columns.b;
        gsize n_part = m->rows->parts[p].n;
        for (gsize i = 0; i < n_part && n < WP_WARNING_EXAMPLES; i++, row++) {
            if (i + 16 < n_part)
                __builtin_prefetch(&next[MIN(a[i + 16], b[i + 16])]);
            guint32 at = next[MIN(a[i], b[i])]++;
            if ((m->repeated[at / 64] >> (at % 64)) & 1)
                out[n++] = (WpTieRepeat){row, G_MAXUINT64, a[i], b[i]};
        }
    }
    /* Each example's first row comes before it; people of no example are passed over by a bit. */
    g_autofree guint64 *lows = g_new0(guint64, g->n_people / 64 + 1);
    for (guint k = 0; k < n; k++)
        lows[MIN(out[k].a, out[k].b) / 64] |= (guint64)1 << (MIN(out[k].a, out[k].b) % 64);
    row = 0;
    for (guint p = 0; p < m->rows->n_parts && n > 0 && row <= out[n - 1].row; p++) {
        const WpPerson *a = m->rows->parts[p].columns.a, *b = m->rows->parts[p].columns.b;
        for (gsize i = 0; i < m->rows->parts[p].n && row <= out[n - 1].row; i++, row++) {
            WpPerson lo = MIN(a[i], b[i]), hi = MAX(a[i], b[i]);
            for (guint k = 0; ((lows[lo / 64] >> (lo % 64)) & 1) && k < n; k++)
                if (out[k].first_row == G_MAXUINT64 && lo == MIN(out[k].a, out[k].b) &&
                    hi == MAX(out[k].a, out[k].b))
                    out[k].first_row = row;
        }
    }
    return n;
}

/* The tie that the rows [first, last) of one pair make (see WpTieInfo for the rules). */
static void merge_pair(WpGraph *g, WpTie t, WpPerson lo, const Row *first, const Row *last)
{
    double declared = NAN;
    guint16 types = 0;
    WpDay day = WP_DAY_NONE;
    gint32 inter = -1;
    gboolean all_directed = TRUE;
    for (const Row *r = first; r < last; r++) {
        if (!isnan(r->declared) && (isnan(declared) || r->declared > declared))
            declared = r->declared;
        types |= r->types;
        if (r->last_contact != WP_DAY_NONE && (day == WP_DAY_NONE || r->last_contact > day))
            day = r->last_contact;
        inter = MAX(inter, r->interactions);
        /* Directed only while every row points the way the first one does. */
        if (!r->directed || r->source_is_lo != first->source_is_lo)
            all_directed = FALSE;
    }
    g->tie_source[t] = first->source_is_lo ? lo : first->hi;
    g->tie_target[t] = first->source_is_lo ? first->hi : lo;
    g->tie_declared[t] = declared;
    g->tie_rows[t] = (guint32)MIN((gsize)(last - first), G_MAXUINT32);
    if (g->tie_types)
        g->tie_types[t] = types;
    if (g->tie_last_contact)
        g->tie_last_contact[t] = day;
    if (g->tie_interactions)
        g->tie_interactions[t] = inter;
    if (g->tie_directed)
        g->tie_directed[t] = (guint8)all_directed;
}

static void merge_range(gsize first, gsize last, gpointer data)
{
    Merge *m = data;
    for (gsize r = first; r < last; r++) {
        m->repeat_line[r] = G_MAXUINT64;
        for (WpPerson lo = m->range_start[r]; lo < m->range_start[r + 1]; lo++) {
            const Row *row = m->blocked + m->starts[lo], *end = m->blocked + m->starts[lo + 1];
            WpTie t = m->pairs[lo];
            while (row < end) {
                const Row *run_end = row + 1;
                while (run_end < end && run_end->hi == row->hi)
                    run_end++;
                for (const Row *dup = row + 1; m->blocked_line && dup < run_end; dup++) {
                    guint64 line = m->blocked_line[dup - m->blocked];
                    if (line < m->repeat_line[r]) {
                        m->repeat_line[r] = line;
                        m->repeat_lo[r] = lo;
                        m->repeat_hi[r] = dup->hi;
                    }
                }
                merge_pair(m->graph, t++, lo, row, run_end);
                row = run_end;
            }
        }
    }
}

/* Distrust wins: a pair with a row below zero (WP_DECLARED_DISTRUST) is distrusted whatever its
 * other rows say. A pass of its own, run only for files with distrust: a test per row in the
 * merge was 0.4 % of the load's instructions. */
static void mark_distrust(gsize first, gsize last, gpointer data)
{
    Merge *m = data;
    for (gsize r = first; r < last; r++)
        for (WpPerson lo = m->range_start[r]; lo < m->range_start[r + 1]; lo++) {
            const Row *row = m->blocked + m->starts[lo], *end = m->blocked + m->starts[lo + 1];
            for (WpTie t = m->pairs[lo]; row < end; row++) {
                if (row > m->blocked + m->starts[lo] && row->hi != row[-1].hi)
                    t++;
                if (row->declared < 0)
                    m->graph->tie_declared[t] = WP_DECLARED_DISTRUST;
            }
        }
}

static void allocate_ties(WpGraph *g, const WpTieRows *rows, gsize n)
{
    n = MAX(n, 1);
    g->tie_source = wp_i_alloc_large(n, sizeof(WpPerson));
    g->tie_target = wp_i_alloc_large(n, sizeof(WpPerson));
    g->tie_declared = wp_i_alloc_large(n, sizeof(double));
    g->tie_rows = wp_i_alloc_large(n, sizeof(guint32));
    g->tie_types = rows->has_types ? wp_i_alloc_large(n, sizeof(guint16)) : NULL;
    g->tie_last_contact = rows->has_dates ? wp_i_alloc_large(n, sizeof(WpDay)) : NULL;
    g->tie_interactions = rows->has_interactions ? wp_i_alloc_large(n, sizeof(gint32)) : NULL;
    g->tie_directed = rows->has_directed ? wp_i_alloc_large(n, sizeof(guint8)) : NULL;
}

/* Frees the arrays of the hot columns (and lines) of @r's parts, keeping the endpoints and the
 * side columns. */
static void free_hot_values(WpTieRows *r)
{
    for (guint p = 0; p < r->n_parts; p++) {
        WpTieRowColumns *c = &r->parts[p].columns;
        g_clear_pointer(&c->declared, g_free);
        g_clear_pointer(&c->types, g_free);
        g_clear_pointer(&c->last_contact, g_free);
        g_clear_pointer(&c->interactions, g_free);
        g_clear_pointer(&c->directed, g_free);
        g_clear_pointer(&c->line, g_free);
    }
}

void wp_i_tie_rows_clear(WpTieRows *r)
{
    free_hot_values(r);
    for (guint p = 0; p < r->n_parts; p++) {
        WpTieRowColumns *c = &r->parts[p].columns;
        g_free(c->a);
        g_free(c->b);
        for (guint k = 0; k < WP_TIES_N_SIDE; k++)
            g_free(c->side[k]);
    }
    g_clear_pointer(&r->parts, g_free);
    r->n_parts = 0;
    r->n = 0;
}

static gboolean has_side(const WpTieRows *r)
{
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        if (r->has_side[k])
            return TRUE;
    return FALSE;
}

/* The tie of the row naming @a and @b: a bisection among the ties of the lower one, which the
 * merge ordered by their other end (@first_tie: per person, its first). */
static WpTie tie_of(const WpGraph *g, const guint32 *first_tie, WpPerson a, WpPerson b)
{
    WpPerson lo = MIN(a, b), hi = MAX(a, b);
    WpTie l = first_tie[lo], h = lo + 1 < g->n_people ? first_tie[lo + 1] : g->n_ties;
    while (l < h) {
        WpTie mid = l + (h - l) / 2;
        if ((g->tie_source[mid] ^ g->tie_target[mid] ^ lo) < hi) /* the end that is not lo */
            l = mid + 1;
        else
            h = mid;
    }
    return l;
}

#define SET_UNSET G_MAXUINT32

/* The side columns (tie-columns.h): each tie's label set is the union of its rows' sets, taken
 * in file order (WP_MERGE_LABEL_SET). A pass of its own over the rows once the ties are made,
 * each row's tie found by bisection: the merge above carries nothing for side columns, so a
 * file without them pays nothing. */
static void merge_side(WpGraph *g, const WpTieRows *rows, const guint32 *first_tie)
{
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        if (rows->has_side[k]) {
            WpTieLabels *labels = g->tie_labels[k];
            labels->tie_set = g_new(guint32, MAX(g->n_ties, 1));
            memset(labels->tie_set, 0xff, sizeof(guint32) * g->n_ties); /* SET_UNSET */
        }
    for (guint p = 0; p < rows->n_parts; p++) {
        const WpTieRowColumns *c = &rows->parts[p].columns;
        for (gsize i = 0; i < rows->parts[p].n; i++) {
            WpTie t = tie_of(g, first_tie, c->a[i], c->b[i]);
            for (guint k = 0; k < WP_TIES_N_SIDE; k++) {
                if (!rows->has_side[k])
                    continue;
                WpTieLabels *labels = g->tie_labels[k];
                guint32 set = c->side[k] ? c->side[k][i] : 0, now = labels->tie_set[t];
                labels->tie_set[t] =
                    now == SET_UNSET ? set : wp_i_tie_labels_union(labels, now, set);
            }
        }
    }
}

gboolean wp_i_graph_merge_ties(WpGraph *g, WpTieRows *rows, const char *origin,
                               WpTieRepeat repeats[WP_WARNING_EXAMPLES], guint *n_repeats,
                               GError **error)
{
    gsize n_rows = rows->n;
    Merge m = {.graph = g, .rows = rows};
    cut_chunks(&m, wp_i_parallel_workers());
    guint n_chunks = m.n_chunks;
    m.count = g_new(guint32 *, n_chunks);
    m.position = g_new(guint32 *, n_chunks);
    for (guint c = 0; c < n_chunks; c++) {
        m.count[c] = g_new0(guint32, MAX(g->n_people, 1));
        m.position[c] = g_new(guint32, (g->n_people >> BLOCK_BITS) + 1);
    }
    m.starts = g_new(guint32, (gsize)g->n_people + 1);
    wp_i_parallel_for(n_chunks, 1, count_chunk, &m);
    place_chunks(&m);
    for (guint c = 0; c < n_chunks; c++)
        g_free(m.count[c]);
    g_free(m.count);
    m.blocked = wp_i_alloc_large(n_rows, sizeof(Row));
    m.blocked_lo = wp_i_alloc_large(n_rows, sizeof(guint16));
    m.blocked_line = (g->flags & WP_LOAD_STRICT) ? g_new(guint64, MAX(n_rows, 1)) : NULL;
    wp_i_parallel_for(n_chunks, 1, scatter_chunk, &m);
    for (guint c = 0; c < n_chunks; c++)
        g_free(m.position[c]);
    g_free(m.position);

    guint n_ranges = wp_i_parallel_workers();
    m.range_start = g_new(WpPerson, n_ranges + 1);
    wp_i_parallel_split(m.starts, g->n_people, 1u << BLOCK_BITS, n_ranges, m.range_start);
    m.pairs = g_new(guint32, MAX(g->n_people, 1));
    m.repeated = g_new0(guint64, n_rows / 64 + 1);
    wp_i_parallel_for(n_ranges, 1, sort_range, &m);
    g_clear_pointer(&m.blocked_lo, g_free);
    guint32 n_ties = 0;
    for (guint p = 0; p < g->n_people; p++)
        n_ties += m.pairs[p];
    /* The rows, still in file order, name the repeats; under --strict the lines do. Freed only
     * now, they add nothing to the peak: the scatter held them beside the bucketed copy. */
    *n_repeats = n_ties < n_rows && !(g->flags & WP_LOAD_STRICT) ? find_repeats(&m, repeats) : 0;
    g_clear_pointer(&m.repeated, g_free);
    gboolean side = has_side(rows); /* then the endpoints and side values stay for merge_side() */
    if (side)
        free_hot_values(rows);
    else
        wp_i_tie_rows_clear(rows);
    for (guint p = 0, at = 0; p < g->n_people; p++) {
        guint32 n = m.pairs[p];
        m.pairs[p] = at;
        at += n;
    }
    allocate_ties(g, rows, n_ties);
    m.repeat_line = g_new(guint64, n_ranges);
    m.repeat_lo = g_new(WpPerson, n_ranges);
    m.repeat_hi = g_new(WpPerson, n_ranges);
    wp_i_parallel_for(n_ranges, 1, merge_range, &m);
    if (g->warning_counts[WP_WARNING_DISTRUST] > 0)
        wp_i_parallel_for(n_ranges, 1, mark_distrust, &m);
    g->n_ties = n_ties;
    if (side) {
        merge_side(g, rows, m.pairs);
        wp_i_tie_rows_clear(rows);
    }

    guint best = 0;
    for (guint r = 1; r < n_ranges; r++)
        if (m.repeat_line[r] < m.repeat_line[best])
            best = r;
    gboolean ok = !(g->flags & WP_LOAD_STRICT) || m.repeat_line[best] == G_MAXUINT64;
    if (!ok) {
        g_autofree char *lo = wp_text_excerpt(g->ids->pdata[m.repeat_lo[best]]);
        g_autofree char *hi = wp_text_excerpt(g->ids->pdata[m.repeat_hi[best]]);
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": the pair '%s', '%s' is tied again (--strict)",
                    origin, m.repeat_line[best], lo, hi);
    }
    g_free(m.blocked);
    g_free(m.blocked_line);
    g_free(m.starts);
    g_free(m.range_start);
    g_free(m.pairs);
    g_free(m.repeat_line);
    g_free(m.repeat_lo);
    g_free(m.repeat_hi);
    g_free(m.chunks);
    return ok;
}

void wp_i_graph_drop_distrust(WpGraph *g)
{
    WpTie kept = 0;
    for (WpTie t = 0; t < g->n_ties; t++) {
        if (g->tie_declared[t] == WP_DECLARED_DISTRUST)
            continue;
        g->tie_source[kept] = g->tie_source[t];
        g->tie_target[kept] = g->tie_target[t];
        g->tie_declared[kept] = g->tie_declared[t];
        g->tie_rows[kept] = g->tie_rows[t];
        if (g->tie_types)
            g->tie_types[kept] = g->tie_types[t];
        if (g->tie_last_contact)
            g->tie_last_contact[kept] = g->tie_last_contact[t];
        if (g->tie_interactions)
            g->tie_interactions[kept] = g->tie_interactions[t];
        if (g->tie_directed)
            g->tie_directed[kept] = g->tie_directed[t];
        for (guint k = 0; k < WP_TIES_N_SIDE; k++)
            if (g->tie_labels[k] != NULL)
                g->tie_labels[k]->tie_set[kept] = g->tie_labels[k]->tie_set[t];
        kept++;
    }
    g->n_ties = kept;
}

void wp_i_graph_scale_weights(WpGraph *g, WpWeightScale scale)
{
    if (scale != WP_WEIGHT_MAX && scale != WP_WEIGHT_LOG)
        return;
    double top = 0;
    for (WpTie t = 0; t < g->n_ties; t++)
        if (!isnan(g->tie_declared[t]))
            top = MAX(top, g->tie_declared[t]); /* the merge kept each pair's largest */
    for (WpTie t = 0; t < g->n_ties; t++) {
        double v = g->tie_declared[t];
        if (isnan(v))
            continue;
        double s = scale == WP_WEIGHT_MAX ? v / top : log1p(v) / log1p(top);
        g->tie_declared[t] = CLAMP(s, DBL_MIN, 1.0); /* a tiny value stays a (weak) tie */
    }
}
