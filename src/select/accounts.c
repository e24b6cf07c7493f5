/* SPDX-License-Identifier: MIT */
/* Accounts: a company as typed names one account, the people whose company has the same
 * wp_text_fold_company() key; never a prefix or a part of a name. */
#include "select/select-private.h"

#include <string.h>

/* The people whose company folds to @key (person order) and the most common spelling. Each
 * distinct company string is folded once. O(people). */
static GArray *people_with_key(const WpGraph *graph, const char *key, const char **name)
{
    GArray *people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GHashTable) verdict = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GHashTable) spellings = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GString) scratch = g_string_new(NULL);
    const char *best = NULL;
    guint best_count = 0;
    /* The column itself: a million look-ups by name (wp_graph_person_attr()) cost 100 ms. */
    const WpColumn *column = wp_i_graph_column(graph, WP_COLUMN_COMPANY);
    guint n_listed = wp_i_graph_n_listed(graph);
    for (WpPerson p = 0; column != NULL && p < n_listed; p++) {
        const char *company = wp_i_column_value(column, p);
        if (company == NULL)
            continue;
        gpointer known = g_hash_table_lookup(verdict, company);
        if (known == NULL) {
            wp_i_text_fold_into(company, scratch);
            wp_i_text_strip_legal_forms(scratch->str);
            known = GINT_TO_POINTER(strcmp(scratch->str, key) == 0 ? 1 : 2);
            g_hash_table_insert(verdict, (gpointer)company, known);
        }
        if (GPOINTER_TO_INT(known) != 1)
            continue;
        g_array_append_val(people, p);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(spellings, company)) + 1;
        g_hash_table_insert(spellings, (gpointer)company, GUINT_TO_POINTER(n));
        if (n > best_count) {
            best = company;
            best_count = n;
        }
    }
    if (name != NULL)
        *name = best;
    return people;
}

/* Every account's people: its key (owned) -> a GArray of WpPerson in person order. Built once
 * per graph on the first lookup, O(people); each distinct company string is folded once. */
static gpointer accounts_index_new(const WpGraph *graph)
{
    GHashTable *index =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_array_unref);
    g_autoptr(GHashTable) by_value = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GString) scratch = g_string_new(NULL);
    const WpColumn *column = wp_i_graph_column(graph, WP_COLUMN_COMPANY);
    guint n_listed = wp_i_graph_n_listed(graph);
    for (WpPerson p = 0; column != NULL && p < n_listed; p++) {
        const char *company = wp_i_column_value(column, p);
        if (company == NULL)
            continue;
        GArray *people = g_hash_table_lookup(by_value, company);
        if (people == NULL) {
            wp_i_text_fold_into(company, scratch);
            wp_i_text_strip_legal_forms(scratch->str);
            if (scratch->str[0] == '\0')
                continue;
            people = g_hash_table_lookup(index, scratch->str);
            if (people == NULL) {
                people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
                g_hash_table_insert(index, g_strdup(scratch->str), people);
            }
            g_hash_table_insert(by_value, (gpointer)company, people);
        }
        g_array_append_val(people, p);
    }
    return index;
}

GArray *wp_graph_people_at_company(const WpGraph *graph, const char *company)
{
    g_return_val_if_fail(graph != NULL && company != NULL, NULL);
    g_autofree char *key = wp_text_fold_company(company);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    if (key[0] == '\0')
        return out;
    /* A service asks for accounts again and again: a scan of a million people was 10-20 ms. */
    GHashTable *index = (GHashTable *)wp_i_graph_accounts_cache(graph, accounts_index_new,
                                                                (GDestroyNotify)g_hash_table_unref);
    const GArray *people = g_hash_table_lookup(index, key);
    if (people != NULL)
        g_array_append_vals(out, people->data, people->len);
    return out;
}

/* WP_ERROR_UNKNOWN_NAME for @company, with the closest accounts listed and attached. */
static void set_unknown_account(const WpGraph *graph, const char *company, const char *key,
                                GError **error)
{
    g_autoptr(GPtrArray) tallies =
        wp_i_tally_values(graph, wp_i_column_value_of, WP_COLUMN_COMPANY, TRUE);
    guint n_containing = 0;
    g_autoptr(GPtrArray) near =
        wp_i_tally_closest(tallies, key, WP_RESOLVE_MAX_CANDIDATES, &n_containing);
    g_autofree char *typed = wp_text_excerpt(company);
    g_autoptr(GString) msg = g_string_new(NULL);
    g_string_append_printf(msg, "no account is named '%s'", typed);
    if (n_containing > 1)
        g_string_append_printf(msg, "; %u accounts have it in their name: ", n_containing);
    else
        g_string_append(msg, near->len > 0 ? "; closest: " : "; no similar account name");
    GArray *candidates = wp_i_candidates_new();
    wp_i_tally_list(msg, near, candidates);
    if (n_containing > near->len)
        g_string_append_printf(msg, ", and %u more", n_containing - near->len);
    if (n_containing > 1)
        g_string_append(msg, "; name one of them");
    g_set_error_literal(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME, msg->str);
    wp_i_error_set_candidates(error ? *error : NULL, candidates);
}

GArray *wp_graph_resolve_account(const WpGraph *graph, const char *company, const char **name,
                                 GError **error)
{
    g_return_val_if_fail(graph != NULL && company != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autofree char *key = wp_text_fold_company(company);
    g_autoptr(GArray) people = key[0] != '\0' ? people_with_key(graph, key, name)
                                              : g_array_new(FALSE, FALSE, sizeof(WpPerson));
    if (people->len == 0) {
        set_unknown_account(graph, company, key, error);
        return NULL;
    }
    return g_steal_pointer(&people);
}
