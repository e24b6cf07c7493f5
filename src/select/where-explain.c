/* SPDX-License-Identifier: MIT */
/* What in a territory filter matched no one: values no person has, with the closest values the
 * column does have, and what each condition selects alone when the territory is empty. */
#include "select/where-private.h"

#include <string.h>

#define N_CLOSEST 5

static const char *value_of(const WpGraph *graph, WpPerson person, gconstpointer column)
{
    return wp_graph_person_attr(graph, person, column);
}

/* "'region=Mars': no one's region is 'Mars'; closest: ..." for value @i of @c. */
static char *describe_miss(const Condition *c, guint i, GPtrArray *tallies)
{
    g_autoptr(GString) line = g_string_new(NULL);
    const char *origin = c->origins->pdata[i];
    g_autofree char *value = wp_text_excerpt(c->texts->pdata[i]);
    if (origin != NULL) {
        g_string_append_printf(line, "%s: ", origin);
    } else {
        g_autofree char *expression = wp_text_excerpt(c->text);
        g_string_append_printf(line, "'%s': ", expression);
    }
    if (c->is_company) {
        g_string_append_printf(line, "no account is named '%s'", value);
    } else {
        g_autofree char *column = wp_text_excerpt(c->column);
        g_string_append_printf(line, "no one's %s is '%s'", column, value);
    }
    guint n_containing = 0;
    g_autoptr(GPtrArray) near =
        wp_i_tally_closest(tallies, c->values->pdata[i], N_CLOSEST, &n_containing);
    if (near->len > 0) {
        g_string_append(line, "; closest: ");
        wp_i_tally_list(line, near, NULL);
    } else if (c->is_company || strcmp(c->column, WP_COLUMN_ID) == 0 || tallies->len == 0) {
        g_string_append(line, c->is_company ? "; no similar account name" : "; no similar value");
    } else {
        g_autoptr(GPtrArray) largest = wp_i_tally_largest(tallies, N_CLOSEST);
        g_string_append(line, "; known values: ");
        wp_i_tally_list(line, largest, NULL);
        if (tallies->len > largest->len)
            g_string_append_printf(line, " and %u more", tallies->len - largest->len);
    }
    return g_string_free(g_steal_pointer(&line), FALSE);
}

/* The keys of @c's values that no one's value has, as a set (borrowed keys). One pass over the
 * people, folding each distinct value once, that stops as soon as every value is found: cheap
 * when nothing is missing, the common case. */
static GHashTable *missing_keys(const Condition *c, const WpGraph *graph)
{
    GHashTable *missing = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < c->values->len; i++)
        g_hash_table_add(missing, c->values->pdata[i]);
    g_autoptr(GHashTable) folded = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GString) key = g_string_new(NULL);
    guint n = wp_i_graph_n_candidates(graph);
    for (WpPerson p = 0; p < n && g_hash_table_size(missing) > 0; p++) {
        const char *value = value_of(graph, p, c->column);
        if (value == NULL || !g_hash_table_add(folded, (gpointer)value))
            continue;
        wp_i_text_fold_into(value, key);
        if (c->is_company)
            wp_i_text_strip_legal_forms(key->str);
        g_hash_table_remove(missing, key->str);
    }
    return missing;
}

/* Adds a line for each value of an equality condition that no one has. */
static void add_misses(const Condition *c, const WpGraph *graph, GPtrArray *out)
{
    if (c->op != OP_EQ)
        return;
    g_autoptr(GHashTable) missing = missing_keys(c, graph);
    if (g_hash_table_size(missing) == 0)
        return;
    g_autoptr(GPtrArray) tallies = wp_i_tally_values(graph, value_of, c->column, c->is_company);
    for (guint i = 0; i < c->values->len; i++)
        if (g_hash_table_contains(missing, c->values->pdata[i]))
            g_ptr_array_add(out, describe_miss(c, i, tallies));
}

/* "'industry=Fintech': 240 people" or "...: no one". */
static char *describe_count(const Condition *c, const WpGraph *graph)
{
    guint n = 0, n_candidates = wp_i_graph_n_candidates(graph);
    for (WpPerson p = 0; p < n_candidates; p++)
        n += wp_i_condition_matches(c, graph, p);
    g_autofree char *expression = wp_text_excerpt(c->text);
    if (n == 0)
        return g_strdup_printf("'%s' alone selects no one", expression);
    return g_strdup_printf("'%s' alone selects %u %s", expression, n, n == 1 ? "person" : "people");
}

GPtrArray *wp_where_explain(const WpWhere *where, const WpGraph *graph, gboolean empty)
{
    g_return_val_if_fail(where != NULL && graph != NULL, NULL);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; empty && where->conditions->len > 1 && i < where->conditions->len; i++)
        g_ptr_array_add(out, describe_count(where->conditions->pdata[i], graph));
    for (guint i = 0; i < where->conditions->len; i++)
        add_misses(where->conditions->pdata[i], graph, out);
    return out;
}
