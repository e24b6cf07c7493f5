/* SPDX-License-Identifier: MIT */
/* A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, 1990) over the bit patterns of doubles.
 *
 * Dijkstra pops keys in non-decreasing order, which is all a radix heap needs: a push appends to
 * the bucket of the highest bit in which its key differs from the last key popped, and a pop
 * empties the lowest non-empty bucket into lower ones around its minimum. Entries move a few times
 * at most and always by appending, so the queue streams through memory where a 4-ary heap of a
 * million people made ~10 cache misses per pop: on the benchmark's large graph a full run went
 * from 1.4 s to 1.0 s (tools/bench). Decrease-key is a second push; the caller skips the stale
 * entry (its person is settled by then). */
#include "search/radix-heap.h"

#include <string.h>

void wp_i_radix_heap_init(WpRadixHeap *h)
{
    memset(h, 0, sizeof *h);
}

void wp_i_radix_heap_clear(WpRadixHeap *h)
{
    for (guint i = 0; i < G_N_ELEMENTS(h->bucket); i++)
        g_free(h->bucket[i].data);
    memset(h, 0, sizeof *h);
}

void wp_i_radix_heap_reset(WpRadixHeap *h)
{
    for (guint i = 0; i < G_N_ELEMENTS(h->bucket); i++)
        h->bucket[i].len = 0;
    h->last = 0;
    h->size = 0;
}

void wp_i_radix_heap_trim(WpRadixHeap *h, gsize min_keep)
{
    wp_i_retain_use(&h->keep, h->most * sizeof(WpRadixEntry));
    h->most = 0;
    gsize largest = 0;
    for (guint i = 0; i < G_N_ELEMENTS(h->bucket); i++)
        largest = MAX(largest, h->bucket[i].cap * sizeof(WpRadixEntry));
    gboolean release = wp_i_retain_release(&h->keep, largest, min_keep);
    double typical = h->keep.typical;
    wp_i_radix_heap_reset(h);
    for (guint i = 0; release && i < G_N_ELEMENTS(h->bucket); i++)
        if (h->bucket[i].cap * sizeof(WpRadixEntry) > MAX((double)min_keep, 4 * typical)) {
            guint32 keep = (guint32)(min_keep / sizeof(WpRadixEntry));
            h->bucket[i].data = wp_i_retain_shrink(h->bucket[i].data, keep * sizeof(WpRadixEntry));
            h->bucket[i].cap = keep;
        }
}

static inline guint bucket_of(const WpRadixHeap *h, guint64 key)
{
    return key == h->last ? 0 : 64 - (guint)__builtin_clzll(key ^ h->last);
}

static inline WpRadixEntry *append(WpRadixBucket *b)
{
    if (b->len == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 256;
        b->data = g_renew(WpRadixEntry, b->data, b->cap);
    }
    return &b->data[b->len++];
}

/* Bucket 0 as a binary heap on hops: equal keys leave fewest hops first. */
static void zero_push(WpRadixBucket *b, WpRadixEntry e)
{
    guint32 i = (guint32)(append(b) - b->data);
    while (i > 0 && b->data[(i - 1) / 2].hops > e.hops) {
        b->data[i] = b->data[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    b->data[i] = e;
}

static WpRadixEntry zero_pop(WpRadixBucket *b)
{
    WpRadixEntry top = b->data[0], moving = b->data[--b->len];
    guint32 i = 0;
    for (;;) {
        guint32 c = 2 * i + 1;
        if (c >= b->len)
            break;
        if (c + 1 < b->len && b->data[c + 1].hops < b->data[c].hops)
            c++;
        if (b->data[c].hops >= moving.hops)
            break;
        b->data[i] = b->data[c];
        i = c;
    }
    if (b->len > 0)
        b->data[i] = moving;
    return top;
}

static inline void place(WpRadixHeap *h, WpRadixEntry e)
{
    guint i = bucket_of(h, e.key);
    if (i == 0)
        zero_push(&h->bucket[0], e);
    else
        *append(&h->bucket[i]) = e;
}

void wp_i_radix_heap_push(WpRadixHeap *h, double key, guint32 item, guint32 hops)
{
    guint64 bits;
    memcpy(&bits, &key, sizeof bits);
    /* +0.0 and -0.0 differ in bits; costs are never negative. A key below the last popped one
     * can only be rounding in cost + potential (A*): it is popped next, as the exact sum would
     * have been. */
    if (key <= 0)
        bits = 0;
    place(h, (WpRadixEntry){MAX(bits, h->last), item, hops});
    h->size++;
}

gboolean wp_i_radix_heap_pop(WpRadixHeap *h, WpRadixEntry *out)
{
    if (h->size == 0)
        return FALSE;
    if (h->bucket[0].len == 0) {
        /* Measured here, off the pushes' path: about as large as the queue gets. */
        h->most = MAX(h->most, h->size);
        guint i = 1;
        while (h->bucket[i].len == 0)
            i++;
        WpRadixBucket *b = &h->bucket[i];
        guint64 least = b->data[0].key;
        for (guint32 j = 1; j < b->len; j++)
            least = MIN(least, b->data[j].key);
        h->last = least;
        /* Every entry lands in a lower bucket, so this bucket is not appended to meanwhile. */
        for (guint32 j = 0; j < b->len; j++)
            place(h, b->data[j]);
        b->len = 0;
    }
    *out = zero_pop(&h->bucket[0]);
    h->size--;
    return TRUE;
}
