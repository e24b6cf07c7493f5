/* SPDX-License-Identifier: MIT */
/* WpTieOverrides: per-tie strengths, with their evidence, gathered before a scoring is made. */
#include "scoring/scoring-private.h"

struct WpTieOverrides {
    GArray *items;     /* WpTieOverride, in the order first set; details owned */
    GHashTable *index; /* GUINT_TO_POINTER(tie) -> GUINT_TO_POINTER(position + 1) */
};

WpTieOverrides *wp_tie_overrides_new(void)
{
    WpTieOverrides *o = g_new0(WpTieOverrides, 1);
    o->items = g_array_new(FALSE, TRUE, sizeof(WpTieOverride));
    o->index = g_hash_table_new(g_direct_hash, g_direct_equal);
    return o;
}

void wp_tie_overrides_free(WpTieOverrides *o)
{
    if (o == NULL)
        return;
    for (guint i = 0; i < o->items->len; i++)
        g_free((char *)g_array_index(o->items, WpTieOverride, i).evidence.detail);
    g_array_unref(o->items);
    g_hash_table_unref(o->index);
    g_free(o);
}

void wp_tie_overrides_set(WpTieOverrides *o, WpTie tie, double strength,
                          const WpTieEvidence *evidence)
{
    g_return_if_fail(o != NULL && tie != WP_TIE_NONE);
    g_return_if_fail(strength > 0 && strength <= 1); /* NaN fails too */
    WpTieOverride item = {tie, strength, {0}};
    if (evidence != NULL) {
        item.evidence = *evidence;
        item.evidence.detail = g_strdup(evidence->detail);
    }
    guint at = GPOINTER_TO_UINT(g_hash_table_lookup(o->index, GUINT_TO_POINTER(tie)));
    if (at == 0) {
        g_array_append_val(o->items, item);
        g_hash_table_insert(o->index, GUINT_TO_POINTER(tie), GUINT_TO_POINTER(o->items->len));
        return;
    }
    WpTieOverride *have = &g_array_index(o->items, WpTieOverride, at - 1);
    g_free((char *)have->evidence.detail);
    *have = item;
}

guint wp_tie_overrides_size(const WpTieOverrides *o)
{
    g_return_val_if_fail(o != NULL, 0);
    return o->items->len;
}

const WpTieOverride *wp_i_tie_overrides_items(const WpTieOverrides *o, guint *n)
{
    *n = o->items->len;
    return (const WpTieOverride *)o->items->data;
}
