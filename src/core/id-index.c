/* SPDX-License-Identifier: MIT */
/* Open addressing with linear probing; the table doubles at 50 % load. */
#include "core/id-index.h"

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

guint32 wp_i_id_index_lookup(const WpIdIndex *x, const char *const *ids, const char *id, gsize len,
                             guint32 hash)
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

static void resize(WpIdIndex *x, guint32 cap)
{
    guint32 old_cap = x->mask + 1;
    WpIdSlot *old = x->slots;
    x->mask = cap - 1;
    x->slots = g_new0(WpIdSlot, cap);
    for (guint32 i = 0; i < old_cap; i++)
        if (old[i].person != 0)
            place(x, &old[i]);
    g_free(old);
}

void wp_i_id_index_reserve(WpIdIndex *x, guint32 n)
{
    guint32 cap = x->mask + 1;
    while ((guint64)n * 2 > cap && cap < (1u << 31))
        cap *= 2;
    if (cap != x->mask + 1)
        resize(x, cap);
}

void wp_i_id_index_insert(WpIdIndex *x, guint32 person, const char *id, gsize len, guint32 hash)
{
    if ((x->count + 1) * 2 > x->mask + 1)
        resize(x, (x->mask + 1) * 2);
    WpIdSlot slot = {tag_of(hash, len), person + 1, prefix_of(id, len)};
    place(x, &slot);
    x->count++;
}

guint32 wp_i_id_index_intern(WpIdIndex *x, const char *const *keys, const guint32 *key_lens,
                             const char *id, gsize len, guint32 hash, guint32 next)
{
    if ((x->count + 1) * 2 > x->mask + 1)
        resize(x, (x->mask + 1) * 2);
    guint64 prefix = prefix_of(id, len);
    guint32 tag = tag_of(hash, len);
    guint32 i = home(x, hash);
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
