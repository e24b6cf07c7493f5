/* SPDX-License-Identifier: MIT */
/* One table of text cells, printed three ways: aligned for people, CSV and JSON for programs.
 * The cells are the library's WpTable; the layout is ours. */
#include "cli/cli.h"

#include <string.h>

CliTable *cli_table_new(void)
{
    return wp_table_new();
}

void cli_table_free(CliTable *t)
{
    wp_table_free(t);
}

void cli_table_add_column(CliTable *t, const char *name, CliCellKind kind)
{
    wp_table_add_column(t, name, kind == CLI_CELL_NUMBER);
}

void cli_table_add_row(CliTable *t, const char *const *cells)
{
    wp_table_add_row(t, cells);
}

guint cli_table_n_rows(const CliTable *t)
{
    return wp_table_n_rows(t);
}

char *cli_sanitize_for_terminal(const char *text)
{
    return wp_text_for_terminal(text);
}

void cli_append_line(GString *out, const char *text)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
        g_autofree char *safe = cli_sanitize_for_terminal(lines[i]);
        g_string_append_printf(out, "%s\n", safe);
    }
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
    guint n_cols = wp_table_n_columns(t), n_rows = wp_table_n_rows(t);
    g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func(g_free); /* row-major, header 1st */
    g_autofree guint *widths = g_new0(guint, MAX(n_cols, 1));
    for (guint r = 0; r <= n_rows; r++)
        for (guint c = 0; c < n_cols; c++) {
            const char *raw = r == 0 ? wp_table_column_name(t, c) : wp_table_cell(t, r - 1, c);
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
            gboolean right = wp_table_column_is_number(t, c);
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
    guint n_cols = wp_table_n_columns(t);
    for (guint c = 0; c < n_cols; c++) {
        if (c > 0)
            g_string_append_c(out, ',');
        wp_csv_append_cell(out, wp_table_column_name(t, c));
    }
    g_string_append_c(out, '\n');
    for (guint r = 0; r < wp_table_n_rows(t); r++) {
        for (guint c = 0; c < n_cols; c++) {
            if (c > 0)
                g_string_append_c(out, ',');
            if (wp_table_column_is_number(t, c))
                g_string_append(out, wp_table_cell(t, r, c)); /* ours, never user text */
            else
                wp_csv_append_cell(out, wp_table_cell(t, r, c));
        }
        g_string_append_c(out, '\n');
    }
}

void cli_table_render(const CliTable *t, CliFormat format, guint max_width, GString *out)
{
    if (format == CLI_FORMAT_CSV) {
        render_csv(t, out);
    } else if (format == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) node = wp_table_to_json(t);
        g_autofree char *text = json_to_string(node, TRUE);
        g_string_append_printf(out, "%s\n", text);
    } else {
        render_aligned(t, max_width, out);
    }
}
