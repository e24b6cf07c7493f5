/* SPDX-License-Identifier: MIT */
/* Who asks and whom to reach, as a request names them: one person (with the parameter that
 * named it in every message), the sellers (--from, --team), an account, a targets file. The
 * resolvers' errors keep their candidates, so a front end lists them (a table for an ambiguous
 * name, exit 4, HTTP 409). */
#include "select/select-private.h"

#include <string.h>

/* @error's message becomes @message (taken); its candidates stay. */
static void replace_message(GError *error, char *message)
{
    g_free(error->message);
    error->message = message;
}

/* wp_graph_resolve_person() named by @place: a parameter ("--to") or, @in_file, a place in a
 * file ("targets.txt:2"). An unknown account is @company_option's fault when the request gave
 * the account apart (--at), the place's otherwise. */
static WpPerson select_person(const WpGraph *graph, const char *query, const char *company,
                              const char *place, gboolean in_file, const char *company_option,
                              GError **error)
{
    g_autoptr(GError) local = NULL;
    WpPerson p = wp_graph_resolve_person(graph, query, company, &local);
    if (p != WP_PERSON_NONE)
        return p;
    if (g_error_matches(local, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON)) {
        guint n = 0;
        wp_error_get_candidates(local, &n);
        g_autofree char *typed = wp_text_excerpt(query);
        g_autofree char *advice =
            company_option != NULL
                ? g_strdup_printf("add %s COMPANY or give the id", company_option)
                : g_strdup(in_file ? "write 'NAME @ COMPANY' or the id" : "give the id");
        replace_message(local, g_strdup_printf("%s%s '%s' matches %u people; %s", place,
                                               in_file ? ":" : "", typed, n, advice));
    } else {
        gboolean account = g_error_matches(local, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
        g_prefix_error(&local, "%s: ", account && company_option ? company_option : place);
    }
    g_propagate_error(error, g_steal_pointer(&local));
    return WP_PERSON_NONE;
}

WpPerson wp_select_person(const WpGraph *graph, const char *query, const char *company,
                          const char *option, const char *company_option, GError **error)
{
    g_return_val_if_fail(graph != NULL && query != NULL && option != NULL, WP_PERSON_NONE);
    g_return_val_if_fail(error == NULL || *error == NULL, WP_PERSON_NONE);
    return select_person(graph, query, company, option, FALSE, company_option, error);
}

/* The people --from names (ids or names, comma-separated), then, with --team, everyone on the
 * team --team=NAME names (any team for a bare --team); no one twice. An unknown team is an
 * unknown name (the teams attached), as an unknown person is. */
GArray *wp_select_sellers(const WpGraph *graph, const char *from, gboolean team,
                          const char *team_name, GError **error)
{
    g_return_val_if_fail(graph != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autoptr(GArray) sellers = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autofree guint8 *seen = g_new0(guint8, MAX(wp_graph_n_people(graph), 1));
    g_auto(GStrv) names = from ? g_strsplit(from, ",", -1) : NULL;
    for (guint i = 0; names != NULL && names[i] != NULL; i++) {
        g_strstrip(names[i]);
        if (names[i][0] == '\0')
            continue;
        WpPerson p = select_person(graph, names[i], NULL, "--from", FALSE, NULL, error);
        if (p == WP_PERSON_NONE)
            return NULL;
        if (!seen[p]++)
            g_array_append_val(sellers, p);
    }
    if (team) {
        g_autoptr(GError) local = NULL;
        g_autoptr(GArray) members = wp_graph_resolve_team(graph, team_name, &local);
        if (members == NULL) {
            g_prefix_error(&local, "--team: ");
            g_propagate_error(error, g_steal_pointer(&local));
            return NULL;
        }
        for (guint i = 0; i < members->len; i++) {
            WpPerson p = g_array_index(members, WpPerson, i);
            if (!seen[p]++)
                g_array_append_val(sellers, p);
        }
    }
    if (sellers->len == 0) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE, "--from: no seller named");
        return NULL;
    }
    return g_steal_pointer(&sellers);
}

const char *wp_select_account(const WpGraph *graph, const char *company, const char *option,
                              GError **error)
{
    g_return_val_if_fail(graph != NULL && company != NULL && option != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autoptr(GError) local = NULL;
    const char *name = NULL;
    g_autoptr(GArray) people = wp_graph_resolve_account(graph, company, &name, &local);
    if (people == NULL) {
        g_prefix_error(&local, "%s: ", option);
        g_propagate_error(error, g_steal_pointer(&local));
        return NULL;
    }
    return name;
}

GArray *wp_select_targets_file(const WpGraph *graph, const char *filename, GError **error)
{
    g_return_val_if_fail(graph != NULL && filename != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autofree char *text = NULL;
    if (!wp_file_read_small(filename, WP_MAX_SMALL_FILE_BYTES, &text, NULL, error))
        return NULL;
    g_autofree char *display = g_filename_display_name(filename);
    g_autoptr(GArray) people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
        char *line = g_strstrip(lines[i]);
        if (line[0] == '\0' || line[0] == '#')
            continue;
        WpPerson p = wp_graph_find_id(graph, line);
        if (p == WP_PERSON_NONE) {
            g_autofree char *place = g_strdup_printf("%s:%u", display, i + 1);
            char *at = strstr(line, " @ ");
            if (at != NULL)
                *at = '\0';
            p = select_person(graph, g_strstrip(line), at ? g_strstrip(at + 3) : NULL, place, TRUE,
                              NULL, error);
            if (p == WP_PERSON_NONE)
                return NULL;
        }
        g_array_append_val(people, p);
    }
    return g_steal_pointer(&people);
}

char **wp_select_ids(const WpGraph *graph, const GArray *people)
{
    g_return_val_if_fail(graph != NULL && people != NULL, NULL);
    char **ids = g_new0(char *, people->len + 1);
    for (guint i = 0; i < people->len; i++)
        ids[i] = g_strdup(wp_graph_person_id(graph, g_array_index(people, WpPerson, i)));
    return ids;
}
