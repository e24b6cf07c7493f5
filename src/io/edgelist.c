/* SPDX-License-Identifier: MIT */
/* Plain edge lists as public datasets ship them: `a b [strength]` separated by white space or
 * commas, '#' and '%' comment lines, no header; further fields (timestamps) are ignored. A line
 * with nothing but separators is a counted blank row, as in a CSV file. */
#include "io/io-private.h"

#include <math.h>
#include <string.h>

static gboolean is_separator(char c)
{
    return c == ' ' || c == '\t' || c == ',';
}

/* Splits @line in place into at most three fields; returns how many it found. */
static guint split_fields(char *line, gsize len, char *fields[3])
{
    guint n = 0;
    gsize i = 0;
    while (n < 3) {
        while (i < len && is_separator(line[i]))
            i++;
        if (i == len)
            break;
        fields[n++] = line + i;
        while (i < len && !is_separator(line[i]))
            i++;
        if (i == len)
            break;
        line[i++] = '\0';
    }
    return n;
}

static gboolean bad_line(const char *origin, guint64 line, const char *what, GError **error)
{
    g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%" G_GUINT64_FORMAT ": %s", origin, line,
                what);
    return FALSE;
}

gboolean wp_i_read_edgelist(WpGraphBuilder *builder, WpLineReader *reader, GError **error)
{
    const char *origin = wp_i_lines_origin(reader);
    const char *text = NULL;
    gsize len = 0;
    gsize copy_size = 256; /* grows to the longest line (at most WP_MAX_LINE_BYTES + 1) */
    g_autofree char *copy = g_malloc(copy_size);
    wp_i_builder_note_columns(builder, origin, FALSE, FALSE, FALSE, FALSE);
    GError *local = NULL;
    while (wp_i_lines_next(reader, &text, &len, &local)) {
        guint64 line = wp_i_lines_number(reader);
        gsize lead = 0;
        while (lead < len && (text[lead] == ' ' || text[lead] == '\t'))
            lead++;
        if (lead < len && (text[lead] == '#' || text[lead] == '%'))
            continue;
        if (lead == len) {
            if (!wp_i_ties_warn_blank(builder, origin, line, FALSE, error))
                return FALSE;
            continue;
        }
        const char *bad = NULL;
        if (!g_utf8_validate_len(text, len, &bad))
            return bad_line(origin, line,
                            *bad == '\0' ? "NUL byte in the line" : "invalid UTF-8 in the line",
                            error);
        if (len >= copy_size) {
            copy_size = MAX(len + 1, 2 * copy_size);
            copy = g_realloc(copy, copy_size);
        }
        memcpy(copy, text, len);
        copy[len] = '\0';
        char *fields[3] = {NULL, NULL, NULL};
        guint n = split_fields(copy, len, fields);
        if (n == 0) { /* only separators: `,,,` */
            if (!wp_i_ties_warn_blank(builder, origin, line, TRUE, error))
                return FALSE;
            continue;
        }
        if (n < 2)
            return bad_line(origin, line, "expected 'source target [strength]'", error);
        WpTieRow row = {0, 0, NAN, 0, WP_DAY_NONE, -1, FALSE, line};
        if (n == 3 && !wp_i_parse_strength(fields[2], &row.declared)) {
            g_autofree char *what =
                g_strdup_printf("field 3 (strength): '%s' is not a number in (0, 1]", fields[2]);
            if (!(wp_i_builder_flags(builder) & WP_LOAD_SKIP_BAD_ROWS))
                return bad_line(origin, line, what, error);
            wp_i_builder_count_row(builder);
            if (!wp_i_builder_warn(builder, WP_WARNING_SKIPPED_ROW, error,
                                   "%s:%" G_GUINT64_FORMAT ": %s; row skipped", origin, line,
                                   what))
                return FALSE;
            continue;
        }
        if (strcmp(fields[0], fields[1]) == 0) {
            wp_i_builder_count_row(builder);
            if (!wp_i_builder_warn(builder, WP_WARNING_SELF_LOOP, error,
                                   "%s:%" G_GUINT64_FORMAT ": '%s' is tied to themself; dropped",
                                   origin, line, fields[0]))
                return FALSE;
            continue;
        }
        if (!wp_i_builder_add_tie(builder, fields[0], strlen(fields[0]), fields[1],
                                  strlen(fields[1]), &row, error))
            return FALSE;
    }
    if (local != NULL) {
        g_propagate_error(error, local);
        return FALSE;
    }
    return wp_i_builder_flush_ties(builder, error);
}
