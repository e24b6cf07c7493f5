/* SPDX-License-Identifier: MIT */
/* Person ids to indices: open addressing whose 16-byte slots hold the hash, the person and the
 * id's first 8 bytes, so most probes and most hits (ids of up to 8 bytes) touch one cache line
 * and never the string. Replaces GHashTable on the load path: on the benchmark's medium graph
 * (2.6M lookups) GHashTable lookup + strcmp took 19 % of the load profile (perf). Ids of up to
 * 8 bytes are compared entirely inside the slot. */
#pragma once

#include <glib.h>

typedef struct {
    guint32 tag;    /* the hash's top 24 bits, then the id's length (capped at 255) */
    guint32 person; /* person + 1, 0 = empty slot */
    guint64 prefix; /* the id's first 8 bytes, zero-padded */
} WpIdSlot;

typedef struct {
    WpIdSlot *slots;
    guint32 mask; /* capacity - 1 (capacity is a power of two) */
    guint32 count;
} WpIdIndex;

void wp_i_id_index_init(WpIdIndex *index);
void wp_i_id_index_clear(WpIdIndex *index);
guint32 wp_i_id_hash(const char *id, gsize len);
/* Looks @id (of @len bytes, no NUL inside) up among @ids (the graph's ids, by person); returns
 * its person or G_MAXUINT32. */
guint32 wp_i_id_index_lookup(const WpIdIndex *index, const char *const *ids, const char *id,
                             gsize len, guint32 hash);
/* Hints that @hash will be looked up soon. */
static inline void wp_i_id_index_prefetch(const WpIdIndex *index, guint32 hash)
{
    __builtin_prefetch(&index->slots[(hash >> 8) & index->mask]);
}
/* Adds @person whose id is @id (it must not be present yet). */
void wp_i_id_index_insert(WpIdIndex *index, guint32 person, const char *id, gsize len,
                          guint32 hash);
