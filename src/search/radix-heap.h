/* SPDX-License-Identifier: MIT */
/* A monotone priority queue for Dijkstra: entries come out in order of (key, hops), and no key
 * pushed may be smaller than the last key popped (clamped up to it: see radix-heap.c). */
#pragma once

#include "search/retain.h"

#include <glib.h>
#include <string.h>

typedef struct {
    guint64 key; /* the bits of a non-negative double: their order is the doubles' order */
    guint32 item;
    guint32 hops;
} WpRadixEntry;

typedef struct {
    WpRadixEntry *data;
    guint32 len, cap;
} WpRadixBucket;

typedef struct {
    /* Bucket 0 holds entries whose key equals @last, kept as a binary min-heap on hops (all of a
     * zero-cost graph lands there); bucket i > 0 holds keys whose highest bit differing from
     * @last is bit i - 1. */
    WpRadixBucket bucket[65];
    guint64 last;
    gsize size;
    gsize most;   /* the largest size since the last trim (sampled as buckets empty) */
    WpRetain keep; /* how much of the buckets to keep between queries (retain.h) */
} WpRadixHeap;

/* The double a key was pushed as (after clamping). */
static inline double wp_i_radix_key_value(guint64 key)
{
    double value;
    memcpy(&value, &key, sizeof value);
    return value;
}

void wp_i_radix_heap_init(WpRadixHeap *heap);
void wp_i_radix_heap_clear(WpRadixHeap *heap);
/* Empties the queue for a new run; keeps the memory. */
void wp_i_radix_heap_reset(WpRadixHeap *heap);
/* At a query's end: empties the queue and gives back each bucket larger than typical queries'
 * whole queues and than @min_keep bytes. */
void wp_i_radix_heap_trim(WpRadixHeap *heap, gsize min_keep);
void wp_i_radix_heap_push(WpRadixHeap *heap, double key, guint32 item, guint32 hops);
/* Removes the entry with the least (key, hops); FALSE when empty. */
gboolean wp_i_radix_heap_pop(WpRadixHeap *heap, WpRadixEntry *out);
