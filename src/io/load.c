/* SPDX-License-Identifier: MIT */
/* wp_graph_load(): which reader reads which file. */
#include "io/io-private.h"

#include <string.h>

/* A ties file is CSV when its first meaningful line is a header naming source and target. */
static gboolean looks_like_ties_csv(const char *filename, GError **error, gboolean *is_csv)
{
    g_autoptr(WpLineReader) reader = wp_i_lines_open(filename, error);
    if (reader == NULL)
        return FALSE;
    const char *line = NULL;
    gsize len = 0;
    GError *local = NULL;
    *is_csv = FALSE;
    while (wp_i_lines_next(reader, &line, &len, &local)) {
        if (len == 0 || line[0] == '#' || line[0] == '%')
            continue;
        g_autofree char *head = g_ascii_strdown(line, (gssize)len);
        *is_csv = strstr(head, "source") != NULL && strstr(head, "target") != NULL &&
                  strchr(head, ',') != NULL;
        return TRUE;
    }
    if (local != NULL) {
        g_propagate_error(error, local);
        return FALSE;
    }
    *is_csv = TRUE; /* empty: let the CSV reader explain what a ties file needs */
    return TRUE;
}

WpGraph *wp_graph_load(const WpLoadSpec *spec, GError **error)
{
    g_return_val_if_fail(spec != NULL && spec->ties_file != NULL, NULL);
    g_autoptr(WpGraphBuilder) builder = wp_i_builder_new(spec->flags);
    if (spec->people_file != NULL) {
        g_autoptr(WpLineReader) people = wp_i_lines_open(spec->people_file, error);
        if (people == NULL || !wp_i_read_people_csv(builder, people, error))
            return NULL;
    }
    gboolean is_csv = spec->ties_format == WP_TIES_FORMAT_CSV;
    if (spec->ties_format == WP_TIES_FORMAT_AUTO &&
        !looks_like_ties_csv(spec->ties_file, error, &is_csv))
        return NULL;
    g_autoptr(WpLineReader) ties = wp_i_lines_open(spec->ties_file, error);
    if (ties == NULL)
        return NULL;
    if (!(is_csv ? wp_i_read_ties_csv(builder, ties, error)
                 : wp_i_read_edgelist(builder, ties, error)))
        return NULL;
    return wp_i_builder_finish(g_steal_pointer(&builder), error);
}

WpGraph *wp_graph_load_from_data(const char *ties_csv, const char *people_csv, WpLoadFlags flags,
                                 GError **error)
{
    g_return_val_if_fail(ties_csv != NULL, NULL);
    g_autoptr(WpGraphBuilder) builder = wp_i_builder_new(flags);
    if (people_csv != NULL) {
        g_autoptr(WpLineReader) people = wp_i_lines_new_for_data(people_csv, "people");
        if (!wp_i_read_people_csv(builder, people, error))
            return NULL;
    }
    g_autoptr(WpLineReader) ties = wp_i_lines_new_for_data(ties_csv, "ties");
    if (!wp_i_read_ties_csv(builder, ties, error))
        return NULL;
    return wp_i_builder_finish(g_steal_pointer(&builder), error);
}
