/* SPDX-License-Identifier: MIT */
/* Teams: the sellers a `team` value names, one rule for every command that takes --team. */
#include "select/select-private.h"

#include <string.h>

static const char *team_of(const WpGraph *graph, WpPerson person, gconstpointer data G_GNUC_UNUSED)
{
    return wp_graph_person_team(graph, person);
}

/* WP_ERROR_UNKNOWN_NAME for @team: the closest teams first, then the largest; all attached. */
static void set_unknown_team(GPtrArray *teams, const char *team, const char *key, GError **error)
{
    guint n_containing = 0;
    g_autoptr(GPtrArray) near =
        wp_i_tally_closest(teams, key, WP_RESOLVE_MAX_CANDIDATES, &n_containing);
    g_autoptr(GPtrArray) list = g_ptr_array_new();
    for (guint i = 0; i < near->len; i++)
        g_ptr_array_add(list, near->pdata[i]);
    g_autoptr(GPtrArray) largest = wp_i_tally_largest(teams, WP_RESOLVE_MAX_CANDIDATES);
    for (guint i = 0; i < largest->len && list->len < WP_RESOLVE_MAX_CANDIDATES; i++)
        if (!g_ptr_array_find(list, largest->pdata[i], NULL))
            g_ptr_array_add(list, largest->pdata[i]);
    g_autofree char *typed = wp_text_excerpt(team);
    g_autoptr(GString) msg = g_string_new(NULL);
    g_string_append_printf(msg, "no team '%s'; %s: ", typed,
                           near->len > 0 ? "closest" : "the teams are");
    GArray *candidates = wp_i_candidates_new();
    wp_i_tally_list(msg, list, candidates);
    if (teams->len > list->len)
        g_string_append_printf(msg, ", and %u more", teams->len - list->len);
    g_set_error_literal(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME, msg->str);
    wp_i_error_set_candidates(error ? *error : NULL, candidates);
}

GArray *wp_graph_resolve_team(const WpGraph *graph, const char *team, GError **error)
{
    g_return_val_if_fail(graph != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autoptr(GPtrArray) teams = wp_i_tally_values(graph, team_of, NULL, FALSE);
    if (teams->len == 0) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME,
                            "no one in the people file is on a team (a 'team' value such as "
                            "'yes' or 'sales-east')");
        return NULL;
    }
    g_autofree char *key = team != NULL ? wp_text_fold(team) : NULL;
    GArray *sellers = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GString) scratch = g_string_new(NULL);
    guint n_listed = wp_i_graph_n_listed(graph);
    for (WpPerson p = 0; p < n_listed; p++) {
        const char *name = wp_graph_person_team(graph, p);
        if (name == NULL)
            continue;
        if (key != NULL) {
            wp_i_text_fold_into(name, scratch);
            if (strcmp(scratch->str, key) != 0)
                continue;
        }
        g_array_append_val(sellers, p);
    }
    if (sellers->len == 0) {
        g_array_unref(sellers);
        set_unknown_team(teams, team, key, error);
        return NULL;
    }
    return sellers;
}
