/* SPDX-License-Identifier: MIT */
/* A data file (people.csv, edges.csv) as a table of text cells: read with the project's CSV
 * reader, changed in place, turned back into text with exact quoting (folder-write.c writes it). */
#include "core/text-private.h"
#include "import/import-private.h"

#include <glib/gstdio.h>
#include <string.h>

void wp_i_csv_append_plain(GString *out, const char *cell)
{
    if (cell == NULL || cell[0] == '\0')
        return;
    gsize len = strlen(cell);
    /* libcsv trims white space around unquoted fields, so edge spaces need quotes too. */
    gboolean quote = strpbrk(cell, ",\"\r\n") != NULL || cell[0] == ' ' || cell[0] == '\t' ||
                     cell[len - 1] == ' ' || cell[len - 1] == '\t';
    if (!quote) {
        g_string_append_len(out, cell, (gssize)len);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *p = cell; *p != '\0'; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}

static GPtrArray *new_row(guint n)
{
    GPtrArray *row = g_ptr_array_new_full(n, g_free);
    for (guint i = 0; i < n; i++)
        g_ptr_array_add(row, g_strdup(""));
    return row;
}

typedef struct {
    WpITable *table;
} Loader;

/* The first record is the header; every later one must have as many fields (the loader would
 * refuse the file otherwise, so we refuse to rewrite it). */
static gboolean on_record(const WpCsvRecord *rec, gpointer user_data, GError **error)
{
    WpITable *t = ((Loader *)user_data)->table;
    if (t->header == NULL) {
        t->header = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; i < rec->n_fields; i++)
            g_ptr_array_add(t->header, g_strdup(rec->fields[i]));
        return TRUE;
    }
    if (rec->n_fields != t->header->len) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": %u fields where the header has %u", t->display,
                    rec->line, rec->n_fields, t->header->len);
        return FALSE;
    }
    GPtrArray *row = g_ptr_array_new_full(rec->n_fields, g_free);
    for (guint i = 0; i < rec->n_fields; i++)
        g_ptr_array_add(row, g_strdup(rec->fields[i]));
    g_ptr_array_add(t->rows, row);
    return TRUE;
}

static gboolean check_required(WpITable *t, const char *const *required, GError **error)
{
    for (guint i = 0; required != NULL && required[i] != NULL; i++)
        if (wp_i_table_find(t, required[i]) < 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:1: header: missing required column '%s'", t->display, required[i]);
            return FALSE;
        }
    return TRUE;
}

WpITable *wp_i_table_load(const char *filename, const char *const *required,
                          const char *const *fresh_header, GError **error)
{
    g_autoptr(WpITable) t = g_new0(WpITable, 1);
    t->filename = g_strdup(filename);
    t->display = g_filename_display_name(filename);
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    g_autoptr(GError) local = NULL;
    if (!g_file_get_contents(filename, &t->original, &t->original_len, &local)) {
        if (!g_error_matches(local, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
            g_propagate_error(error, g_steal_pointer(&local));
            return NULL;
        }
    } else if (strlen(t->original) != t->original_len) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: NUL byte in a CSV file", t->display);
        return NULL;
    }
    if (t->original != NULL) {
        g_autoptr(WpLineReader) reader = wp_i_lines_new_for_data(t->original, t->display);
        Loader loader = {t};
        if (!wp_i_csv_read(reader, on_record, NULL, &loader, error))
            return NULL;
    }
    if (t->header == NULL) { /* missing or empty: start afresh */
        t->header = g_ptr_array_new_with_free_func(g_free);
        for (guint i = 0; fresh_header[i] != NULL; i++)
            g_ptr_array_add(t->header, g_strdup(fresh_header[i]));
        return g_steal_pointer(&t); /* written only once a row is added */
    }
    if (!check_required(t, required, error))
        return NULL;
    return g_steal_pointer(&t);
}

void wp_i_table_free(WpITable *t)
{
    if (t == NULL)
        return;
    g_free(t->filename);
    g_free(t->display);
    g_free(t->original);
    if (t->header)
        g_ptr_array_unref(t->header);
    g_ptr_array_unref(t->rows);
    g_free(t);
}

int wp_i_table_find(const WpITable *t, const char *name)
{
    for (guint i = 0; i < t->header->len; i++) {
        g_autofree char *have = wp_i_text_lower(t->header->pdata[i]); /* not the locale's */
        if (strcmp(g_strstrip(have), name) == 0)
            return (int)i;
    }
    return -1;
}

guint wp_i_table_ensure(WpITable *t, const char *name)
{
    int found = wp_i_table_find(t, name);
    if (found >= 0)
        return (guint)found;
    g_ptr_array_add(t->header, g_strdup(name));
    for (guint r = 0; r < t->rows->len; r++)
        g_ptr_array_add(t->rows->pdata[r], g_strdup(""));
    t->dirty = TRUE;
    return t->header->len - 1;
}

const char *wp_i_table_cell(const WpITable *t, guint row, int column)
{
    if (column < 0)
        return "";
    GPtrArray *cells = t->rows->pdata[row];
    return cells->pdata[column];
}

gboolean wp_i_table_set(WpITable *t, guint row, guint column, const char *value)
{
    GPtrArray *cells = t->rows->pdata[row];
    if (value == NULL)
        value = "";
    if (strcmp(cells->pdata[column], value) == 0)
        return FALSE;
    g_free(cells->pdata[column]);
    cells->pdata[column] = g_strdup(value);
    t->dirty = TRUE;
    return TRUE;
}

guint wp_i_table_append(WpITable *t)
{
    g_ptr_array_add(t->rows, new_row(t->header->len));
    t->dirty = TRUE;
    return t->rows->len - 1;
}

static void append_line(GString *out, GPtrArray *cells)
{
    for (guint i = 0; i < cells->len; i++) {
        if (i > 0)
            g_string_append_c(out, ',');
        wp_i_csv_append_plain(out, cells->pdata[i]);
    }
    /* A record of one empty field would be a blank line, which readers skip. */
    if (cells->len == 1 && ((char *)cells->pdata[0])[0] == '\0')
        g_string_append(out, "\"\"");
    g_string_append_c(out, '\n');
}

GString *wp_i_table_to_text(const WpITable *t)
{
    GString *out = g_string_sized_new(t->original_len + 1024);
    append_line(out, t->header);
    for (guint r = 0; r < t->rows->len; r++)
        append_line(out, t->rows->pdata[r]);
    return out;
}
