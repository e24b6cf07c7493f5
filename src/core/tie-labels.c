/* SPDX-License-Identifier: MIT */
/* Label sets keyed by tie (tie-labels.h). */
#include "core/tie-labels.h"

#include <string.h>

/* Cells seen lately, by a hash of their bytes: a file repeats a few cells ("linkedin:p00001"). */
#define N_MEMOS 256

typedef struct {
    char *cell; /* owned, NULL: unused */
    gsize len;
    guint32 set;
} Memo;

struct WpTieLabelsBuild {
    GString *text;        /* the labels, each NUL-terminated */
    GArray *label_at;     /* guint32 per label: its offset in text */
    GArray *set_at;       /* guint32 per set + 1 */
    GArray *members;      /* guint32 label numbers */
    GHashTable *by_label; /* label (owned copy) -> number + 1 */
    GHashTable *by_set;   /* GBytes of its label numbers -> number + 1 */
    GHashTable *by_cell;  /* a cell as read (owned) -> set + 1 */
    GHashTable *unions;   /* guint64 a << 32 | b (owned) -> set + 1 */
    Memo memos[N_MEMOS];
};

/* Points the readers' fields at the growing arrays again (they move as they grow). */
static void sync(WpTieLabels *l)
{
    struct WpTieLabelsBuild *b = l->build;
    l->n_labels = b->label_at->len;
    l->n_sets = b->set_at->len - 1;
    l->strings = b->text->str;
    l->label_at = (const guint32 *)b->label_at->data;
    l->set_at = (const guint32 *)b->set_at->data;
    l->members = (const guint32 *)b->members->data;
}

static guint32 intern_set(WpTieLabels *l, const guint32 *members, guint n)
{
    struct WpTieLabelsBuild *b = l->build;
    g_autoptr(GBytes) key = g_bytes_new(members, n * sizeof *members);
    gpointer found = g_hash_table_lookup(b->by_set, key);
    if (found != NULL)
        return GPOINTER_TO_UINT(found) - 1;
    guint32 set = b->set_at->len - 1;
    g_array_append_vals(b->members, members, n);
    guint32 end = b->members->len;
    g_array_append_val(b->set_at, end);
    g_hash_table_insert(b->by_set, g_steal_pointer(&key), GUINT_TO_POINTER(set + 1));
    sync(l);
    return set;
}

/* g_int64_hash() is a ^ b for a pair of numbers: small set numbers collide by the thousand. */
static guint pair_hash(gconstpointer key)
{
    guint64 v = *(const guint64 *)key * 0x9e3779b97f4a7c15u;
    return (guint)(v >> 32);
}

WpTieLabels *wp_i_tie_labels_new(void)
{
    WpTieLabels *l = g_new0(WpTieLabels, 1);
    struct WpTieLabelsBuild *b = g_new0(struct WpTieLabelsBuild, 1);
    l->build = b;
    b->text = g_string_new(NULL);
    b->label_at = g_array_new(FALSE, FALSE, sizeof(guint32));
    b->set_at = g_array_new(FALSE, FALSE, sizeof(guint32));
    b->members = g_array_new(FALSE, FALSE, sizeof(guint32));
    b->by_label = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    b->by_set =
        g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
    b->by_cell = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    b->unions = g_hash_table_new_full(pair_hash, g_int64_equal, g_free, NULL);
    guint32 zero = 0;
    g_array_append_val(b->set_at, zero);
    sync(l);
    intern_set(l, NULL, 0); /* set 0: the empty set, which the empty cell names */
    return l;
}

void wp_i_tie_labels_seal(WpTieLabels *l)
{
    struct WpTieLabelsBuild *b = l ? l->build : NULL;
    if (b == NULL)
        return;
    g_clear_pointer(&b->by_label, g_hash_table_unref);
    g_clear_pointer(&b->by_set, g_hash_table_unref);
    g_clear_pointer(&b->by_cell, g_hash_table_unref);
    g_clear_pointer(&b->unions, g_hash_table_unref);
}

void wp_i_tie_labels_free(WpTieLabels *l)
{
    if (l == NULL)
        return;
    struct WpTieLabelsBuild *b = l->build;
    if (b != NULL) {
        wp_i_tie_labels_seal(l);
        g_string_free(b->text, TRUE);
        g_array_unref(b->label_at);
        g_array_unref(b->set_at);
        g_array_unref(b->members);
        for (guint i = 0; i < N_MEMOS; i++)
            g_free(b->memos[i].cell);
        g_free(b);
    }
    if (!l->mapped)
        g_free(l->tie_set);
    g_free(l);
}

static guint32 intern_label(WpTieLabels *l, const char *label)
{
    struct WpTieLabelsBuild *b = l->build;
    gpointer found = g_hash_table_lookup(b->by_label, label);
    if (found != NULL)
        return GPOINTER_TO_UINT(found) - 1;
    guint32 n = b->label_at->len, at = (guint32)b->text->len;
    g_string_append_len(b->text, label, (gssize)strlen(label) + 1);
    g_array_append_val(b->label_at, at);
    g_hash_table_insert(b->by_label, g_strdup(label), GUINT_TO_POINTER(n + 1));
    sync(l);
    return n;
}

/* Appends @label to @set (of *@n) unless it is there or the set is full. */
static void add_member(guint32 *set, guint *n, guint32 label)
{
    for (guint i = 0; i < *n; i++)
        if (set[i] == label)
            return;
    if (*n < WP_TIE_LABELS_MAX)
        set[(*n)++] = label;
}

/* The set of the NUL-terminated @cell, parsed (cut in place). */
static guint32 parse_cell(WpTieLabels *l, char *cell)
{
    guint32 set[WP_TIE_LABELS_MAX];
    guint n = 0;
    for (char *next = cell; next != NULL;) {
        char *label = next;
        next = strchr(label, ';');
        if (next != NULL)
            *next++ = '\0';
        label = g_strstrip(label);
        if (label[0] != '\0')
            add_member(set, &n, intern_label(l, label));
    }
    return intern_set(l, set, n);
}

guint32 wp_i_tie_labels_parse(WpTieLabels *l, const char *cell, gsize len)
{
    struct WpTieLabelsBuild *b = l->build;
    if (len == 0)
        return 0;
    guint32 hash = 2166136261u; /* FNV-1a */
    for (gsize i = 0; i < len; i++)
        hash = (hash ^ (guchar)cell[i]) * 16777619u;
    Memo *memo = &b->memos[hash % N_MEMOS];
    if (memo->len == len && memo->cell != NULL && memcmp(memo->cell, cell, len) == 0)
        return memo->set;
    g_free(memo->cell);
    memo->cell = g_strndup(cell, len);
    memo->len = len;
    gpointer found = g_hash_table_lookup(b->by_cell, memo->cell);
    if (found != NULL)
        return (memo->set = GPOINTER_TO_UINT(found) - 1);
    g_autofree char *text = g_strndup(cell, len); /* cut while parsed */
    memo->set = parse_cell(l, text);
    g_hash_table_insert(b->by_cell, g_strdup(memo->cell), GUINT_TO_POINTER(memo->set + 1));
    return memo->set;
}

guint32 wp_i_tie_labels_union(WpTieLabels *l, guint32 a, guint32 b)
{
    if (a == b || b == 0)
        return a;
    if (a == 0)
        return b;
    gint64 key = (gint64)((guint64)a << 32 | b);
    gpointer found = g_hash_table_lookup(l->build->unions, &key);
    if (found != NULL)
        return GPOINTER_TO_UINT(found) - 1;
    guint32 set[WP_TIE_LABELS_MAX];
    guint n = 0;
    for (guint32 i = l->set_at[a]; i < l->set_at[a + 1]; i++)
        add_member(set, &n, l->members[i]);
    for (guint32 i = l->set_at[b]; i < l->set_at[b + 1]; i++)
        add_member(set, &n, l->members[i]);
    guint32 result = intern_set(l, set, n);
    g_hash_table_insert(l->build->unions, g_memdup2(&key, sizeof key),
                        GUINT_TO_POINTER(result + 1));
    return result;
}

guint32 wp_i_tie_labels_adopt(WpTieLabels *l, const WpTieLabels *from, guint32 set)
{
    guint32 members[WP_TIE_LABELS_MAX];
    guint n = 0;
    for (guint i = 0; i < wp_i_tie_labels_set_size(from, set); i++)
        add_member(members, &n, intern_label(l, wp_i_tie_labels_member(from, set, i)));
    return intern_set(l, members, n);
}

WpTieLabels *wp_i_tie_labels_new_mapped(guint32 n_labels, const char *strings,
                                        const guint32 *label_at, guint32 n_sets,
                                        const guint32 *set_at, const guint32 *members,
                                        const guint32 *tie_set)
{
    WpTieLabels *l = g_new0(WpTieLabels, 1);
    *l = (WpTieLabels){n_labels,           n_sets, strings, label_at, set_at, members,
                       (guint32 *)tie_set, TRUE,   NULL};
    return l;
}

gboolean wp_i_tie_labels_valid(guint32 n_labels, guint32 n_sets, const guint32 *set_at,
                               guint64 n_members, const guint32 *members, guint32 n_ties,
                               const guint32 *tie_set)
{
    if (n_sets == 0 || set_at[0] != 0 || set_at[1] != 0 || set_at[n_sets] != n_members)
        return FALSE;
    for (guint32 s = 0; s < n_sets; s++) {
        if (set_at[s + 1] < set_at[s] || set_at[s + 1] - set_at[s] > WP_TIE_LABELS_MAX)
            return FALSE;
        for (guint32 i = set_at[s]; i < set_at[s + 1]; i++) {
            if (members[i] >= n_labels)
                return FALSE;
            for (guint32 j = set_at[s]; j < i; j++)
                if (members[j] == members[i])
                    return FALSE;
        }
    }
    for (guint32 t = 0; t < n_ties; t++)
        if (tie_set[t] >= n_sets)
            return FALSE;
    return TRUE;
}

guint wp_i_tie_labels_of_tie(const WpTieLabels *l, WpTie tie, const char **out, guint max)
{
    guint32 set = l->tie_set[tie];
    guint n = wp_i_tie_labels_set_size(l, set);
    for (guint i = 0; i < MIN(n, max); i++)
        out[i] = wp_i_tie_labels_member(l, set, i);
    return n;
}
