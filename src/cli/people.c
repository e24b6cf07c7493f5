/* SPDX-License-Identifier: MIT */
/* Finding the people a command line names: one person as typed, the sellers (--from, --team),
 * and a --targets file. Shared by path, rank and map so they answer alike. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

/* For an ambiguous name: the message, then the people the error lists as a table, on stderr. */
static int report_ambiguous(const WpGraph *graph, const GError *error, const char *query,
                            const char *option)
{
    guint n = 0;
    const WpCandidate *found = wp_error_get_candidates(error, &n);
    g_autoptr(CliTable) t = cli_table_new();
    cli_table_add_column(t, "id", CLI_CELL_TEXT);
    cli_table_add_column(t, "name", CLI_CELL_TEXT);
    cli_table_add_column(t, "company", CLI_CELL_TEXT);
    cli_table_add_column(t, "title", CLI_CELL_TEXT);
    for (guint i = 0; i < n; i++) {
        WpPerson p = found[i].person;
        const char *cells[] = {wp_graph_person_id(graph, p), wp_graph_person_label(graph, p),
                               wp_graph_person_attr(graph, p, WP_COLUMN_COMPANY),
                               wp_graph_person_attr(graph, p, WP_COLUMN_TITLE)};
        cli_table_add_row(t, cells);
    }
    /* @option is an option ("--to") or a place in a file ("targets.txt:2"). */
    gboolean in_file = !g_str_has_prefix(option, "--");
    g_autofree char *typed = wp_text_excerpt(query);
    cli_warn("%s%s '%s' matches %u people; %s:", option, in_file ? ":" : "", typed, n,
             strcmp(option, "--to") == 0 ? "add --at COMPANY or give the id"
             : in_file                   ? "write 'NAME @ COMPANY' or the id"
                                         : "give the id");
    g_autoptr(GString) out = g_string_new(NULL);
    cli_table_render(t, CLI_FORMAT_TABLE, WP_TEXT_EXCERPT_BYTES, out); /* a hostile name stays short */
    fputs(out->str, stderr);
    return CLI_EXIT_PERSON;
}

WpPerson cli_resolve_person(const WpGraph *graph, const char *query, const char *company,
                            const char *option, int *rc)
{
    g_autoptr(GError) error = NULL;
    WpPerson p = wp_graph_resolve_person(graph, query, company, &error);
    if (p != WP_PERSON_NONE)
        return p;
    if (g_error_matches(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON)) {
        *rc = report_ambiguous(graph, error, query, option);
    } else {
        /* An unknown account is --at's (or the file line's) fault, not the name's. */
        gboolean account = g_error_matches(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
        g_prefix_error(&error, "%s: ",
                       account && strcmp(option, "--to") == 0 ? "--at" : option);
        *rc = cli_fail(error);
    }
    return WP_PERSON_NONE;
}

const char *cli_resolve_account(const WpGraph *graph, const char *company, const char *option,
                                int *rc)
{
    g_autoptr(GError) error = NULL;
    const char *name = NULL;
    g_autoptr(GArray) people = wp_graph_resolve_account(graph, company, &name, &error);
    if (people == NULL) {
        g_prefix_error(&error, "%s: ", option);
        *rc = cli_fail(error);
        return NULL;
    }
    return name;
}

/* The one seller-selection rule of path, rank and map: the people --from names (ids or names,
 * comma-separated), then, with --team, everyone on the team --team=NAME names (any team for a
 * bare --team); no one twice. An unknown team is an unknown name (exit 4, the teams listed), as
 * an unknown person is. */
GArray *cli_resolve_sellers(const WpGraph *graph, const char *from, gboolean team,
                            const char *team_name, const char *command, int *rc)
{
    g_autoptr(GArray) sellers = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autofree guint8 *seen = g_new0(guint8, MAX(wp_graph_n_people(graph), 1));
    g_auto(GStrv) names = from ? g_strsplit(from, ",", -1) : NULL;
    for (guint i = 0; names != NULL && names[i] != NULL; i++) {
        g_strstrip(names[i]);
        if (names[i][0] == '\0')
            continue;
        WpPerson p = cli_resolve_person(graph, names[i], NULL, "--from", rc);
        if (p == WP_PERSON_NONE)
            return NULL;
        if (!seen[p]++)
            g_array_append_val(sellers, p);
    }
    if (team) {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) members = wp_graph_resolve_team(graph, team_name, &error);
        if (members == NULL) {
            g_prefix_error(&error, "--team: ");
            *rc = cli_fail(error);
            return NULL;
        }
        for (guint i = 0; i < members->len; i++) {
            WpPerson p = g_array_index(members, WpPerson, i);
            if (!seen[p]++)
                g_array_append_val(sellers, p);
        }
    }
    if (sellers->len == 0) {
        *rc = cli_usage_error(command, "--from: no seller named");
        return NULL;
    }
    return g_steal_pointer(&sellers);
}

#define MAX_EXPLAINED 20

void cli_explain_territory(const WpGraph *graph, const WpWhere *where, const char *what,
                           guint n_selected)
{
    g_autoptr(GPtrArray) lines = wp_where_explain(where, graph, n_selected == 0);
    if (n_selected > 0 && lines->len == 0)
        return;
    g_autofree char *shown = wp_text_excerpt(what);
    g_autoptr(GString) msg = g_string_new(NULL);
    if (n_selected == 0)
        g_string_append_printf(msg, "the territory is empty: no one matches %s", shown);
    else
        g_string_append_printf(msg, "%s: %u %s no one has:", shown, lines->len,
                               lines->len == 1 ? "value" : "values");
    for (guint i = 0; i < lines->len && i < MAX_EXPLAINED; i++)
        g_string_append_printf(msg, "\n  %s", (const char *)lines->pdata[i]);
    if (lines->len > MAX_EXPLAINED)
        g_string_append_printf(msg, "\n  ... and %u more", lines->len - MAX_EXPLAINED);
    cli_warn("%s", msg->str);
}

GArray *cli_read_targets_file(const WpGraph *graph, const char *filename, int *rc)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    if (!wp_file_read_small(filename, WP_MAX_SMALL_FILE_BYTES, &text, NULL, &error)) {
        *rc = cli_fail(error);
        return NULL;
    }
    g_autofree char *display = g_filename_display_name(filename);
    g_autoptr(GArray) people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
        char *line = g_strstrip(lines[i]);
        if (line[0] == '\0' || line[0] == '#')
            continue;
        g_autofree char *context = g_strdup_printf("%s:%u", display, i + 1);
        WpPerson p = wp_graph_find_id(graph, line);
        if (p == WP_PERSON_NONE) {
            char *at = strstr(line, " @ ");
            if (at != NULL)
                *at = '\0';
            p = cli_resolve_person(graph, g_strstrip(line), at ? g_strstrip(at + 3) : NULL,
                                   context, rc);
            if (p == WP_PERSON_NONE)
                return NULL;
        }
        g_array_append_val(people, p);
    }
    return g_steal_pointer(&people);
}
