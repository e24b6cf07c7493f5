/* SPDX-License-Identifier: MIT */
/* The people file: a CSV with an `id` column; every other column is kept as an attribute. */
#include "io/io-private.h"

typedef struct {
    WpGraphBuilder *builder;
    const char *origin;
    char **names;     /* header, lowercased; NULL until the header is read */
    int *order;       /* builder column k = file column order[k] ("id" first) */
    guint n_columns;
    GPtrArray *values;
} PeopleReader;

static gboolean read_header(PeopleReader *pr, const WpCsvRecord *rec, GError **error)
{
    pr->names = wp_i_csv_header_names(rec, pr->origin, error);
    if (pr->names == NULL)
        return FALSE;
    int id = wp_i_csv_column(pr->names, WP_COLUMN_ID);
    if (id < 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": header: missing required column 'id'",
                    pr->origin, rec->line);
        return FALSE;
    }
    pr->n_columns = rec->n_fields;
    pr->order = g_new(int, pr->n_columns);
    g_autofree const char **ordered = g_new(const char *, pr->n_columns);
    pr->order[0] = id;
    for (guint i = 0, k = 1; i < pr->n_columns; i++)
        if ((int)i != id)
            pr->order[k++] = (int)i;
    for (guint k = 0; k < pr->n_columns; k++)
        ordered[k] = pr->names[pr->order[k]];
    wp_i_builder_set_columns(pr->builder, ordered, pr->n_columns);
    return TRUE;
}

static gboolean on_person(const WpCsvRecord *rec, gpointer user_data, GError **error)
{
    PeopleReader *pr = user_data;
    if (pr->names == NULL)
        return read_header(pr, rec, error);
    if (rec->n_fields != pr->n_columns) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": %u fields where the header has %u", pr->origin,
                    rec->line, rec->n_fields, pr->n_columns);
        return FALSE;
    }
    g_ptr_array_set_size(pr->values, 0);
    for (guint k = 0; k < pr->n_columns; k++) {
        char *v = g_strstrip(rec->fields[pr->order[k]]);
        g_ptr_array_add(pr->values, v[0] ? v : NULL);
    }
    if (pr->values->pdata[0] == NULL) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": field 'id': empty id", pr->origin, rec->line);
        return FALSE;
    }
    return wp_i_builder_add_person(pr->builder, (const char *const *)pr->values->pdata,
                                   pr->origin, rec->line, error);
}

static gboolean on_blank(guint64 line, gboolean empty_fields, gpointer user_data, GError **error)
{
    PeopleReader *pr = user_data;
    return wp_i_builder_warn(pr->builder, WP_WARNING_BLANK_ROW, error,
                             "%s:%" G_GUINT64_FORMAT ": %s skipped", pr->origin, line,
                             empty_fields ? "row of empty fields" : "blank line");
}

gboolean wp_i_read_people_csv(WpGraphBuilder *builder, WpLineReader *reader, GError **error)
{
    PeopleReader pr = {builder, wp_i_lines_origin(reader), NULL, NULL, 0, g_ptr_array_new()};
    gboolean ok = wp_i_csv_read(reader, on_person, on_blank, &pr, error);
    if (ok && pr.names == NULL) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:1: the file is empty; expected a header with an 'id' column", pr.origin);
        ok = FALSE;
    }
    g_strfreev(pr.names);
    g_free(pr.order);
    g_ptr_array_unref(pr.values);
    if (ok)
        wp_i_builder_set_people_given(builder);
    return ok;
}
