/* SPDX-License-Identifier: MIT */
/* Near misses: bounded edit distance, and the distinct values of a column ranked against what was
 * typed, for the messages that say what a name could have meant. */
#include "select/select-private.h"

#include <string.h>

guint wp_i_typo_cap(gsize len)
{
    return len <= 5 ? 1 : len <= 9 ? 2 : 3;
}

/* Only cells within @cap of the diagonal can hold a distance <= @cap, so each row computes at
 * most 2 cap + 1 of them; cells outside the band count as @cap + 1. */
guint wp_i_edit_distance(const char *a, gsize la, const char *b, gsize lb, guint cap)
{
    la = MIN(la, (gsize)WP_I_MAX_COMPARED);
    lb = MIN(lb, (gsize)WP_I_MAX_COMPARED);
    cap = MIN(cap, (guint)WP_I_MAX_COMPARED);
    const guint out = cap + 1;
    if ((la > lb ? la - lb : lb - la) > cap)
        return out;
    guint row[WP_I_MAX_COMPARED + 1];
    for (gsize j = 0; j <= lb; j++)
        row[j] = j <= cap ? (guint)j : out;
    for (gsize i = 1; i <= la; i++) {
        gsize lo = i > cap ? i - cap : 1;
        gsize hi = MIN(lb, i + cap);
        guint diag = row[lo - 1];
        row[lo - 1] = lo == 1 && i <= cap ? (guint)i : out;
        guint best = row[lo - 1];
        for (gsize j = lo; j <= hi; j++) {
            guint up = row[j];
            guint v = diag + (a[i - 1] != b[j - 1]);
            v = MIN(v, up + 1);
            v = MIN(v, row[j - 1] + 1);
            row[j] = MIN(v, out);
            diag = up;
            best = MIN(best, row[j]);
        }
        if (best > cap)
            return out;
    }
    return MIN(row[lb], out);
}

static void tally_free(gpointer data)
{
    WpITally *t = data;
    g_free(t->key);
    g_free(t);
}

const char *wp_i_column_value_of(const WpGraph *graph, WpPerson person, gconstpointer data)
{
    return wp_graph_person_attr(graph, person, data);
}

/* A spelling's place among its key's: how many people write it so, and the first of them. */
typedef struct {
    WpITally *tally;
    guint count;
    WpPerson first;
} Spelling;

GPtrArray *wp_i_tally_values(const WpGraph *graph, WpIValueFunc value_of, gconstpointer data,
                             gboolean company)
{
    g_autoptr(GPtrArray) tallies = g_ptr_array_new_with_free_func(tally_free);
    g_autoptr(GHashTable) by_key = g_hash_table_new(g_str_hash, g_str_equal); /* key: borrowed */
    /* Equal values are usually one interned string, so the pointer finds its spelling without
     * hashing the text; equal text at another address is found by content, and each distinct
     * text is folded once. */
    g_autoptr(GHashTable) by_pointer = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GHashTable) by_spelling =
        g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    g_autoptr(GString) scratch = g_string_new(NULL);
    /* Listed people have the attributes; without a people file the ids are all there is. */
    guint n = wp_i_graph_n_candidates(graph);
    for (WpPerson p = 0; p < n; p++) {
        const char *value = value_of(graph, p, data);
        if (value == NULL)
            continue;
        Spelling *s = g_hash_table_lookup(by_pointer, value);
        if (s == NULL)
            s = g_hash_table_lookup(by_spelling, value);
        if (s == NULL) {
            wp_i_text_fold_into(value, scratch);
            if (company) {
                wp_i_text_strip_legal_forms(scratch->str);
                g_string_truncate(scratch, strlen(scratch->str));
            }
            WpITally *t = scratch->len > 0 ? g_hash_table_lookup(by_key, scratch->str) : NULL;
            if (t == NULL && scratch->len > 0) {
                t = g_new0(WpITally, 1);
                t->key = g_strdup(scratch->str);
                t->name = value;
                t->first = p;
                g_ptr_array_add(tallies, t);
                g_hash_table_insert(by_key, t->key, t);
            }
            s = g_new0(Spelling, 1);
            s->tally = t;
            s->first = p;
            g_hash_table_insert(by_spelling, (gpointer)value, s);
        }
        g_hash_table_insert(by_pointer, (gpointer)value, s);
        if (s->tally == NULL)
            continue;
        s->count++;
        s->tally->count++;
    }
    /* The name of each key: its most common spelling, the first seen on a tie. */
    g_autoptr(GHashTable) best = g_hash_table_new(g_direct_hash, g_direct_equal);
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, by_spelling);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        Spelling *s = value;
        if (s->tally == NULL)
            continue;
        Spelling *b = g_hash_table_lookup(best, s->tally);
        if (b == NULL || s->count > b->count || (s->count == b->count && s->first < b->first)) {
            g_hash_table_insert(best, s->tally, s);
            s->tally->name = key;
        }
    }
    return g_steal_pointer(&tallies);
}

/* TRUE when the words of @key appear in @name's key in order, starting a word, the last one
 * possibly cut short ("pay" and "acme h" are in "acme holdings pay"; "cme" is not). */
static gboolean holds_words(const char *name, const char *key)
{
    for (const char *at = strstr(name, key); at != NULL; at = strstr(at + 1, key))
        if (at == name || at[-1] == ' ')
            return TRUE;
    return FALSE;
}

typedef struct {
    WpITally *tally;
    guint rank; /* 0: holds the words; 1 + distance otherwise */
} Ranked;

static int compare_ranked(gconstpointer a, gconstpointer b)
{
    const Ranked *x = a;
    const Ranked *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->tally->count != y->tally->count)
        return x->tally->count > y->tally->count ? -1 : 1;
    return x->tally->first < y->tally->first ? -1 : x->tally->first > y->tally->first;
}

GPtrArray *wp_i_tally_closest(GPtrArray *tallies, const char *key, guint max, guint *n_containing)
{
    gsize key_len = strlen(key);
    guint cap = wp_i_typo_cap(key_len);
    g_autoptr(GArray) ranked = g_array_new(FALSE, FALSE, sizeof(Ranked));
    *n_containing = 0;
    for (guint i = 0; key_len > 0 && key_len <= WP_I_MAX_COMPARED && i < tallies->len; i++) {
        WpITally *t = tallies->pdata[i];
        Ranked r = {t, 0};
        if (holds_words(t->key, key)) {
            (*n_containing)++;
        } else {
            guint d = wp_i_edit_distance(key, key_len, t->key, strlen(t->key), cap);
            if (d > cap)
                continue;
            r.rank = 1 + d;
        }
        g_array_append_val(ranked, r);
    }
    g_array_sort(ranked, compare_ranked);
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < ranked->len && i < max; i++)
        g_ptr_array_add(out, g_array_index(ranked, Ranked, i).tally);
    return out;
}

GPtrArray *wp_i_tally_largest(GPtrArray *tallies, guint max)
{
    g_autoptr(GArray) ranked = g_array_new(FALSE, FALSE, sizeof(Ranked));
    for (guint i = 0; i < tallies->len; i++) {
        Ranked r = {tallies->pdata[i], 0};
        g_array_append_val(ranked, r);
    }
    g_array_sort(ranked, compare_ranked);
    GPtrArray *out = g_ptr_array_new();
    for (guint i = 0; i < ranked->len && i < max; i++)
        g_ptr_array_add(out, g_array_index(ranked, Ranked, i).tally);
    return out;
}

void wp_i_tally_list(GString *msg, GPtrArray *list, GArray *candidates)
{
    for (guint i = 0; i < list->len; i++) {
        const WpITally *t = list->pdata[i];
        g_autofree char *name = wp_text_excerpt(t->name);
        g_string_append_printf(msg, "%s%s (%u %s)", i > 0 ? ", " : "", name, t->count,
                               t->count == 1 ? "person" : "people");
        if (candidates != NULL)
            wp_i_candidates_add(candidates, t->name, NULL, WP_PERSON_NONE, t->count);
    }
}
