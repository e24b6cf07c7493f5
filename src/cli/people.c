/* SPDX-License-Identifier: MIT */
/* What selection errors look like on a terminal: the library words them (warmpath/select.h);
 * an ambiguous name's candidates are listed as a table under the message, on stderr. */
#include "cli/cli.h"

#include <stdio.h>

int cli_fail_select(const char *command, const WpGraph *graph, const GError *error)
{
    guint n = 0;
    const WpCandidate *found = wp_error_get_candidates(error, &n);
    if (!g_error_matches(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON) || found == NULL)
        return cli_fail_for(command, error);
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
    cli_warn("%s:", error->message);
    g_autoptr(GString) out = g_string_new(NULL);
    cli_table_render(t, CLI_FORMAT_TABLE, WP_TEXT_EXCERPT_BYTES,
                     out); /* a hostile name stays short */
    fputs(out->str, stderr);
    return CLI_EXIT_PERSON;
}

void cli_warn_text(const char *text)
{
    if (text != NULL)
        cli_warn("%s", text);
}
