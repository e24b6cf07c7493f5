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

/* The id's first 8 bytes, zero-padded: slots compare them before any string. */
static inline guint64 wp_i_id_prefix(const char *id, gsize len)
{
    guint64 p = 0;
    if (len >= 8)
        memcpy(&p, id, 8);
    else
        memcpy(&p, id, len); /* short ids are rare; keep the common path a single load */
    return p;
}

/* What a slot keeps of the hash: its top 24 bits, then the id's length (capped at 255). */
static inline guint32 wp_i_id_tag(guint32 hash, gsize len)
{
    return (hash & 0xffffff00u) | (guint32)MIN(len, 255);
}

/* Where probing starts. Slots are re-placed on growth from their tag, so it uses the hash's top
 * 24 bits (spread well up to 2^24 slots, i.e. 8M people; beyond that probes get longer, not
 * wrong). */
static inline guint32 wp_i_id_home(const WpIdIndex *index, guint32 hash)
{
    return (hash >> 8) & index->mask;
}

/* Looks @id (of @len bytes, no NUL inside, not necessarily terminated) up among @ids (the
 * graph's ids, by person, NUL-terminated); returns its person or G_MAXUINT32. Only reads the
 * index, so threads may look up at once while nobody inserts. */
guint32 wp_i_id_index_lookup(const WpIdIndex *index, const char *const *ids, const char *id,
                             gsize len, guint32 hash);
/* Hints that @hash will be looked up soon. */
static inline void wp_i_id_index_prefetch(const WpIdIndex *index, guint32 hash)
{
    __builtin_prefetch(&index->slots[wp_i_id_home(index, hash)]);
}
/* Adds @person whose id is @id (it must not be present yet). */
void wp_i_id_index_insert(WpIdIndex *index, guint32 person, const char *id, gsize len,
                          guint32 hash);
void wp_i_id_index_grow(WpIdIndex *index); /* doubles the capacity */

/* The person of @id among @keys[p] / @key_lens[p] (unterminated slices); when absent, @id
 * becomes person @next (the caller stores @id as @keys[@next]). One probe sequence does both.
 * Inline: the parallel ties reader interns 26M ids per load of the benchmark's large graph. */
static inline guint32 wp_i_id_index_intern(WpIdIndex *x, const char *const *keys,
                                           const guint32 *key_lens, const char *id, gsize len,
                                           guint32 hash, guint32 next)
{
    if (G_UNLIKELY((x->count + 1) * 2 > x->mask + 1))
        wp_i_id_index_grow(x);
    guint64 prefix = wp_i_id_prefix(id, len);
    guint32 tag = wp_i_id_tag(hash, len);
    guint32 i = wp_i_id_home(x, hash);
    for (;; i = (i + 1) & x->mask) {
        const WpIdSlot *slot = &x->slots[i];
        if (slot->person == 0)
            break;
        if (slot->tag != tag || slot->prefix != prefix)
            continue;
        guint32 p = slot->person - 1;
        if (len <= 8 || (key_lens[p] == len && memcmp(keys[p] + 8, id + 8, len - 8) == 0))
            return p;
    }
    x->slots[i] = (WpIdSlot){tag, next + 1, prefix};
    x->count++;
    return next;
}
