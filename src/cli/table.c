/* SPDX-License-Identifier: MIT */
/* One table of text cells, printed three ways: aligned for people, CSV and JSON for programs. */
#include "cli/cli.h"

#include <string.h>

struct CliTable {
    GPtrArray *names; /* char *, owned */
    GArray *kinds;    /* CliCellKind */
    GPtrArray *rows;  /* GStrv, owned; NULL cells stored as "" */
};

CliTable *cli_table_new(void)
{
    CliTable *t = g_new0(CliTable, 1);
    t->names = g_ptr_array_new_with_free_func(g_free);
    t->kinds = g_array_new(FALSE, FALSE, sizeof(CliCellKind));
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    return t;
}

void cli_table_free(CliTable *t)
{
    if (t == NULL)
        return;
    g_ptr_array_unref(t->names);
    g_array_unref(t->kinds);
    g_ptr_array_unref(t->rows);
    g_free(t);
}

void cli_table_add_column(CliTable *t, const char *name, CliCellKind kind)
{
    g_ptr_array_add(t->names, g_strdup(name));
    g_array_append_val(t->kinds, kind);
}

void cli_table_add_row(CliTable *t, const char *const *cells)
{
    char **row = g_new0(char *, t->names->len + 1);
    for (guint i = 0; i < t->names->len; i++)
        row[i] = g_strdup(cells[i] ? cells[i] : "");
    g_ptr_array_add(t->rows, row);
}

guint cli_table_n_rows(const CliTable *t)
{
    return t->rows->len;
}

char *cli_sanitize_for_terminal(const char *text)
{
    return wp_text_for_terminal(text);
}

/* @text cut to @max columns with a trailing ellipsis (0 = no limit). */
static char *fit_width(const char *text, guint max)
{
    if (max == 0 || wp_text_width(text) <= max)
        return g_strdup(text);
    GString *out = g_string_new(NULL);
    guint width = 0;
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        guint w = g_unichar_iszerowidth(c) ? 0 : g_unichar_iswide(c) ? 2 : 1;
        if (width + w > max - 1)
            break;
        g_string_append_unichar(out, c);
        width += w;
    }
    g_string_append(out, "\u2026");
    return g_string_free(out, FALSE);
}

static void pad(GString *out, guint n)
{
    for (guint i = 0; i < n; i++)
        g_string_append_c(out, ' ');
}

static void render_aligned(const CliTable *t, guint max_width, GString *out)
{
    guint n_cols = t->names->len, n_rows = t->rows->len;
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func(g_free); /* row-major, header 1st */
    g_autofree guint *widths = g_new0(guint, n_cols);
    for (guint r = 0; r <= n_rows; r++)
        for (guint c = 0; c < n_cols; c++) {
            const char *raw = r == 0 ? t->names->pdata[c] : ((char **)t->rows->pdata[r - 1])[c];
            g_autofree char *safe = cli_sanitize_for_terminal(raw);
            char *fitted = fit_width(safe, max_width);
            widths[c] = MAX(widths[c], wp_text_width(fitted));
            g_ptr_array_add(cells, fitted);
        }
    for (guint r = 0; r <= n_rows; r++) {
        g_autoptr(GString) line = g_string_new(NULL);
        for (guint c = 0; c < n_cols; c++) {
            const char *cell = cells->pdata[r * n_cols + c];
            guint gap = widths[c] - wp_text_width(cell);
            gboolean right = g_array_index(t->kinds, CliCellKind, c) == CLI_CELL_NUMBER;
            if (c > 0)
                g_string_append(line, "  ");
            if (right)
                pad(line, gap);
            g_string_append(line, cell);
            if (!right && c + 1 < n_cols)
                pad(line, gap);
        }
        while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate(line, line->len - 1);
        g_string_append_printf(out, "%s\n", line->str);
    }
}

static void render_csv(const CliTable *t, GString *out)
{
    for (guint c = 0; c < t->names->len; c++) {
        if (c > 0)
            g_string_append_c(out, ',');
        wp_csv_append_cell(out, t->names->pdata[c]);
    }
    g_string_append_c(out, '\n');
    for (guint r = 0; r < t->rows->len; r++) {
        char **row = t->rows->pdata[r];
        for (guint c = 0; c < t->names->len; c++) {
            if (c > 0)
                g_string_append_c(out, ',');
            if (g_array_index(t->kinds, CliCellKind, c) == CLI_CELL_NUMBER)
                g_string_append(out, row[c]); /* our own formatting, never user text */
            else
                wp_csv_append_cell(out, row[c]);
        }
        g_string_append_c(out, '\n');
    }
}

JsonNode *cli_table_to_json(const CliTable *t)
{
    JsonArray *array = json_array_new();
    for (guint r = 0; r < t->rows->len; r++) {
        char **row = t->rows->pdata[r];
        JsonObject *obj = json_object_new();
        for (guint c = 0; c < t->names->len; c++) {
            const char *name = t->names->pdata[c];
            char *end = NULL;
            double x = g_ascii_strtod(row[c], &end);
            if (g_array_index(t->kinds, CliCellKind, c) == CLI_CELL_NUMBER && row[c][0] &&
                *end == '\0') {
                if (x == (double)(gint64)x && strchr(row[c], '.') == NULL)
                    json_object_set_int_member(obj, name, (gint64)x);
                else
                    json_object_set_double_member(obj, name, x);
            }
            else if (g_array_index(t->kinds, CliCellKind, c) == CLI_CELL_NUMBER)
                json_object_set_null_member(obj, name);
            else
                json_object_set_string_member(obj, name, row[c]);
        }
        json_array_add_object_element(array, obj);
    }
    JsonNode *node = json_node_new(JSON_NODE_ARRAY);
    json_node_take_array(node, array);
    return node;
}

void cli_table_render(const CliTable *t, CliFormat format, guint max_width, GString *out)
{
    if (format == CLI_FORMAT_CSV) {
        render_csv(t, out);
    } else if (format == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) node = cli_table_to_json(t);
        g_autofree char *text = json_to_string(node, TRUE);
        g_string_append_printf(out, "%s\n", text);
    } else {
        render_aligned(t, max_width, out);
    }
}
