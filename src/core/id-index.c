/* SPDX-License-Identifier: MIT */
/* Open addressing with linear probing; the table doubles at 50 % load. */
#include "core/id-index.h"

#include <string.h>

void wp_i_id_index_init(WpIdIndex *x)
{
    x->mask = 1023;
    x->count = 0;
    x->slots = g_new0(WpIdSlot, x->mask + 1);
}

void wp_i_id_index_clear(WpIdIndex *x)
{
    g_clear_pointer(&x->slots, g_free);
}

/* FNV-1a over the bytes, then a final avalanche so linear probing sees well-spread low bits. */
guint32 wp_i_id_hash(const char *id, gsize len)
{
    guint32 h = 2166136261u;
    for (gsize i = 0; i < len; i++) {
        h ^= (guchar)id[i];
        h *= 16777619u;
    }
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    return h;
}

static guint64 prefix_of(const char *id, gsize len)
{
    guint64 p = 0;
    memcpy(&p, id, MIN(len, sizeof p));
    return p;
}

static guint32 tag_of(guint32 hash, gsize len)
{
    return (hash & 0xffffff00u) | (guint32)MIN(len, 255);
}

/* Slots are re-placed on growth from their tag, so probing starts from the hash's top 24 bits
 * (spread well up to 2^24 slots, i.e. 8M people; beyond that probes get longer, not wrong). */
static guint32 home(const WpIdIndex *x, guint32 hash)
{
    return (hash >> 8) & x->mask;
}

guint32 wp_i_id_index_lookup(const WpIdIndex *x, const char *const *ids, const char *id,
                             gsize len, guint32 hash)
{
    guint64 prefix = prefix_of(id, len);
    guint32 tag = tag_of(hash, len);
    for (guint32 i = home(x, hash);; i = (i + 1) & x->mask) {
        const WpIdSlot *slot = &x->slots[i];
        if (slot->person == 0)
            return G_MAXUINT32;
        if (slot->tag != tag || slot->prefix != prefix)
            continue;
        /* Same length and first 8 bytes: a short id is equal; a long one compares the rest. */
        const char *other = ids[slot->person - 1];
        if (len <= 8 || (strncmp(other + 8, id + 8, len - 8) == 0 && other[len] == '\0'))
            return slot->person - 1;
    }
}

static void place(WpIdIndex *x, const WpIdSlot *slot)
{
    guint32 i = home(x, slot->tag);
    while (x->slots[i].person != 0)
        i = (i + 1) & x->mask;
    x->slots[i] = *slot;
}

void wp_i_id_index_insert(WpIdIndex *x, guint32 person, const char *id, gsize len, guint32 hash)
{
    if ((x->count + 1) * 2 > x->mask + 1) {
        guint32 old_cap = x->mask + 1;
        WpIdSlot *old = x->slots;
        x->mask = old_cap * 2 - 1;
        x->slots = g_new0(WpIdSlot, x->mask + 1);
        for (guint32 i = 0; i < old_cap; i++)
            if (old[i].person != 0)
                place(x, &old[i]);
        g_free(old);
    }
    WpIdSlot slot = {tag_of(hash, len), person + 1, prefix_of(id, len)};
    place(x, &slot);
    x->count++;
}
