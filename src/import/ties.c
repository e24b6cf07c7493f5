/* SPDX-License-Identifier: MIT */
/* The edges table during an import: one row per pair (found in either order), new ties
 * appended, an existing pair's row extended rather than duplicated. */
#include "import/import-private.h"

#include <string.h>

static char *pair_key(const char *a, const char *b)
{
    return strcmp(a, b) <= 0 ? g_strconcat(a, "\x1f", b, NULL) : g_strconcat(b, "\x1f", a, NULL);
}

WpITies *wp_i_ties_new(WpITable *table)
{
    WpITies *t = g_new0(WpITies, 1);
    t->table = table;
    t->col_source = wp_i_table_find(table, "source");
    t->col_target = wp_i_table_find(table, "target");
    t->col_type = wp_i_table_find(table, "type");
    t->col_last = wp_i_table_find(table, "last_contact");
    t->col_origin = wp_i_table_find(table, "origin");
    t->pairs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint r = 0; r < table->rows->len; r++) {
        char *key = pair_key(wp_i_table_cell(table, r, t->col_source),
                             wp_i_table_cell(table, r, t->col_target));
        if (g_hash_table_contains(t->pairs, key)) /* a duplicate row: the first one is extended */
            g_free(key);
        else
            g_hash_table_insert(t->pairs, key, GUINT_TO_POINTER(r + 1));
    }
    return t;
}

void wp_i_ties_free(WpITies *t)
{
    if (t == NULL)
        return;
    wp_i_table_free(t->table);
    g_hash_table_unref(t->pairs);
    g_free(t);
}

gboolean wp_i_ties_exists(const WpITies *t, const char *a, const char *b)
{
    g_autofree char *key = pair_key(a, b);
    return g_hash_table_contains(t->pairs, key);
}

/* The types a cell names, as a bit mask (unknown names count as `other`, as the loader does). */
static guint16 parse_types(const char *text)
{
    guint16 types = 0;
    g_auto(GStrv) parts = g_strsplit_set(text, ";|", -1);
    for (guint i = 0; parts[i] != NULL; i++) {
        WpTieType type;
        char *name = g_strstrip(parts[i]);
        if (name[0] != '\0')
            types |= WP_TIE_TYPE_BIT(wp_tie_type_from_name(name, &type) ? type : WP_TIE_OTHER);
    }
    return types;
}

/* The column @name, added when missing; the index is cached in @col. */
static guint column(WpITies *t, int *col, const char *name)
{
    if (*col < 0)
        *col = (int)wp_i_table_ensure(t->table, name);
    return (guint)*col;
}

static gboolean merge_type(WpITies *t, guint row, WpTieType type)
{
    guint col = column(t, &t->col_type, "type");
    const char *have = wp_i_table_cell(t->table, row, (int)col);
    if (parse_types(have) & WP_TIE_TYPE_BIT(type))
        return FALSE;
    g_autofree char *joined = have[0] == '\0'
                                  ? g_strdup(wp_tie_type_name(type))
                                  : g_strconcat(have, ";", wp_tie_type_name(type), NULL);
    return wp_i_table_set(t->table, row, col, joined);
}

/* Adds @origin to the row's origins (as the loader reads them: ';'-separated, trimmed, each
 * once), after those it has. */
static gboolean merge_origin(WpITies *t, guint row, const char *origin)
{
    guint col = column(t, &t->col_origin, "origin");
    const char *have = wp_i_table_cell(t->table, row, (int)col);
    g_auto(GStrv) parts = g_strsplit(have, ";", -1);
    for (guint i = 0; parts[i] != NULL; i++)
        if (strcmp(g_strstrip(parts[i]), origin) == 0)
            return FALSE;
    g_autofree char *joined =
        have[0] == '\0' ? g_strdup(origin) : g_strconcat(have, ";", origin, NULL);
    return wp_i_table_set(t->table, row, col, joined);
}

static gboolean merge_date(WpITies *t, guint row, WpDay date, gboolean date_is_contact)
{
    if (date == WP_DAY_NONE)
        return FALSE;
    guint16 types = parse_types(wp_i_table_cell(t->table, row, t->col_type));
    if (!date_is_contact && (types & ~WP_TIE_TYPE_BIT(WP_TIE_SOCIAL)) != 0)
        return FALSE;
    guint col = column(t, &t->col_last, "last_contact");
    const char *have = wp_i_table_cell(t->table, row, (int)col);
    WpDay old = WP_DAY_NONE;
    if (have[0] != '\0' && (!wp_day_parse(have, &old) || old >= date))
        return FALSE; /* an unreadable date is the user's to fix, not ours to overwrite */
    char buf[11];
    wp_day_format(date, buf);
    return wp_i_table_set(t->table, row, col, buf);
}

WpITieChange wp_i_ties_merge(WpITies *t, const char *a, const char *b, WpTieType type, WpDay date,
                             gboolean date_is_contact, const char *origin, guint *row)
{
    g_autofree char *key = pair_key(a, b);
    gpointer found = g_hash_table_lookup(t->pairs, key);
    if (found != NULL) {
        *row = GPOINTER_TO_UINT(found) - 1;
        /* Type first: a LinkedIn date may only age a tie that is social after the merge. */
        gboolean changed = merge_type(t, *row, type);
        changed |= merge_date(t, *row, date, date_is_contact);
        changed |= merge_origin(t, *row, origin);
        return changed ? WP_I_TIE_UPDATED : WP_I_TIE_UNCHANGED;
    }
    *row = wp_i_table_append(t->table);
    wp_i_table_set(t->table, *row, (guint)t->col_source, a);
    wp_i_table_set(t->table, *row, (guint)t->col_target, b);
    merge_type(t, *row, type);
    merge_date(t, *row, date, TRUE);
    merge_origin(t, *row, origin);
    g_hash_table_insert(t->pairs, g_steal_pointer(&key), GUINT_TO_POINTER(*row + 1));
    return WP_I_TIE_ADDED;
}

guint wp_i_ties_count(const WpITies *t)
{
    return t->table->rows->len;
}

const char *wp_i_ties_source(const WpITies *t, guint row)
{
    return wp_i_table_cell(t->table, row, t->col_source);
}

const char *wp_i_ties_target(const WpITies *t, guint row)
{
    return wp_i_table_cell(t->table, row, t->col_target);
}

gboolean wp_i_ties_is_pair_row(const WpITies *t, guint row)
{
    g_autofree char *key = pair_key(wp_i_ties_source(t, row), wp_i_ties_target(t, row));
    return GPOINTER_TO_UINT(g_hash_table_lookup(t->pairs, key)) == row + 1;
}

gboolean wp_i_ties_make_colleague(WpITies *t, guint row)
{
    guint16 types = parse_types(wp_i_table_cell(t->table, row, t->col_type));
    if (!merge_type(t, row, WP_TIE_COLLEAGUE))
        return FALSE;
    /* The rule of merge_date(): a LinkedIn connection date is no colleague's last contact. A
     * social-only tie with no strength and no interactions is what import linkedin writes. */
    if (types == WP_TIE_TYPE_BIT(WP_TIE_SOCIAL) && t->col_last >= 0 &&
        wp_i_table_cell(t->table, row, wp_i_table_find(t->table, "strength"))[0] == '\0' &&
        wp_i_table_cell(t->table, row, wp_i_table_find(t->table, "interactions"))[0] == '\0')
        wp_i_table_set(t->table, row, (guint)t->col_last, NULL);
    return TRUE;
}
