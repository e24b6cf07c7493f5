/* SPDX-License-Identifier: MIT */
/* Open addressing with linear probing; the table doubles at 50 % load. */
#include "core/id-index.h"

#include "core/large-alloc.h"

void wp_i_id_index_init(WpIdIndex *x)
{
    x->mask = 1023;
    x->count = 0;
    x->slots = g_new0(WpIdSlot, x->mask + 1);
}

void wp_i_id_index_clear(WpIdIndex *x)
{
    g_free(x->slots);
    x->slots = NULL;
}

guint32 wp_i_id_index_lookup(const WpIdIndex *x, const char *const *ids, const char *id, gsize len,
                             guint32 hash)
{
    guint64 prefix = wp_i_id_prefix(id, len);
    guint32 tag = wp_i_id_tag(hash, len);
    for (guint32 i = wp_i_id_home(x, hash);; i = (i + 1) & x->mask) {
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
    guint32 i = wp_i_id_home(x, slot->tag);
    while (x->slots[i].person != 0)
        i = (i + 1) & x->mask;
    x->slots[i] = *slot;
}

static void resize(WpIdIndex *x, guint32 cap)
{
    guint32 old_cap = x->mask + 1;
    WpIdSlot *old = x->slots;
    x->mask = cap - 1;
    x->slots = wp_i_alloc_large0(cap, sizeof(WpIdSlot));
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
        wp_i_id_index_grow(x);
    WpIdSlot slot = {wp_i_id_tag(hash, len), person + 1, wp_i_id_prefix(id, len)};
    place(x, &slot);
    x->count++;
}

void wp_i_id_index_grow(WpIdIndex *x)
{
    resize(x, (x->mask + 1) * 2);
}
