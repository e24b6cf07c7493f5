/* SPDX-License-Identifier: MIT */
/* Person ids to indices: open addressing whose 16-byte slots hold the hash, the person and the
 * id's first 8 bytes, so most probes and most hits (ids of up to 8 bytes) touch one cache line
 * and never the string. Replaces GHashTable on the load path: on the benchmark's medium graph
 * (2.6M lookups) GHashTable lookup + strcmp took 19 % of the load profile (perf). Ids of up to
 * 8 bytes are compared entirely inside the slot. The parallel ties reader also keeps one per
 * chunk, whose keys are unterminated slices of the file (see wp_i_id_index_intern()). */
#pragma once

#include <glib.h>
#include <string.h>

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
/* Makes room for @n ids in all without regrowing (growing re-places every slot at random). */
void wp_i_id_index_reserve(WpIdIndex *index, guint32 n);

/* A multiply-mix over 8-byte words. It replaced FNV-1a's byte loop: ids are short, and hashing
 * 26M ids per load of the benchmark's large graph cost ~0.2 s CPU that way (perf). Inline: the
 * parallel ties reader hashes every id it reads. */
static inline guint32 wp_i_id_hash(const char *id, gsize len)
{
    guint64 h = 0x9e3779b97f4a7c15u ^ len;
    gsize i = 0;
    for (; i + 8 <= len; i += 8) {
        guint64 word;
        memcpy(&word, id + i, 8);
        h = (h ^ word) * 0xbf58476d1ce4e5b9u;
        h ^= h >> 31;
    }
    if (i < len) {
        guint64 word = 0;
        for (gsize k = 0; i + k < len; k++)
            word |= (guint64)(guchar)id[i + k] << (8 * k);
        h = (h ^ word) * 0xbf58476d1ce4e5b9u;
        h ^= h >> 31;
    }
    h *= 0x94d049bb133111ebu;
    return (guint32)(h >> 32);
}

/* Looks @id (of @len bytes, no NUL inside, not necessarily terminated) up among @ids (the
 * graph's ids, by person, NUL-terminated); returns its person or G_MAXUINT32. Only reads the
 * index, so threads may look up at once while nobody inserts. */
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
/* The person of @id among @keys[p] / @key_lens[p] (unterminated slices); when absent, @id
 * becomes person @next (the caller stores @id as @keys[@next]). One probe sequence does both. */
guint32 wp_i_id_index_intern(WpIdIndex *index, const char *const *keys, const guint32 *key_lens,
                             const char *id, gsize len, guint32 hash, guint32 next);
