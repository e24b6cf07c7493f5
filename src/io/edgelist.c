/* SPDX-License-Identifier: MIT */
/* Plain edge lists as public datasets ship them: `a b [strength]` separated by white space or
 * commas, '#' and '%' comment lines, no header; further fields (timestamps) are ignored. A line
 * with nothing but separators is a counted blank row, as in a CSV file. */
#include "core/text-private.h"
#include "io/io-private.h"

#include <math.h>
#include <string.h>

static gboolean is_separator(char c)
{
    return c == ' ' || c == '\t' || c == ',';
}

/* Splits @line in place into at most @max fields; returns how many it found. */
static guint split_fields(char *line, gsize len, char **fields, guint max)
{
    guint n = 0;
    gsize i = 0;
    while (n < max) {
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

/* The field that holds the weights: the third, or the one --weight-column numbers (an edge list
 * has no names). */
static gboolean weight_field(const WpWeightRule *rule, const char *origin, guint *out,
                             GError **error)
{
    guint64 n = 3;
    if (rule->column != NULL &&
        !g_ascii_string_to_unsigned(rule->column, 10, 3, WP_MAX_FIELDS, &n, NULL)) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s: --weight-column '%s': an edge list has no header, so the weights are a "
                    "field number from 3 (source and target are 1 and 2)",
                    origin, rule->column);
        return FALSE;
    }
    *out = (guint)n;
    return TRUE;
}

/* A row whose weight is bad: an error, or skipped under WP_LOAD_SKIP_BAD_ROWS. */
static gboolean bad_weight(WpGraphBuilder *builder, const char *origin, guint64 line, guint field,
                           const char *value, GError **error)
{
    g_autofree char *expected = wp_i_weight_expected(wp_i_builder_weights(builder), value);
    gboolean strengths = wp_i_builder_weights(builder)->scale == WP_WEIGHT_STRENGTH;
    g_autofree char *shown = wp_text_excerpt(value); /* a 900 KB field stays one short line */
    g_autofree char *what = g_strdup_printf("field %u (%s): '%s' is not %s", field,
                                            strengths ? "strength" : "weight", shown, expected);
    if (!(wp_i_builder_flags(builder) & WP_LOAD_SKIP_BAD_ROWS))
        return bad_line(origin, line, what, error);
    wp_i_builder_count_row(builder);
    return wp_i_builder_warn(builder, WP_WARNING_SKIPPED_ROW, error,
                             "%s:%" G_GUINT64_FORMAT ": %s; row skipped", origin, line, what);
}

/* What the row's weight says besides a tie: distrust (warned; the row still merges), or no tie
 * (its people are read, no row is added). FALSE on failure; *@done when the row needs no more. */
static gboolean weight_says(WpGraphBuilder *builder, const char *origin, guint64 line,
                            const WpTieRow *row, char **fields, const char *value, gboolean *done,
                            GError **error)
{
    *done = FALSE;
    if (row->declared == WP_DECLARED_DISTRUST)
        return wp_i_weight_row_says(builder, origin, line, row->declared, value, fields[0],
                                    strlen(fields[0]), fields[1], strlen(fields[1]), error);
    if (row->declared != 0)
        return TRUE;
    WpPerson a, b;
    *done = TRUE;
    wp_i_builder_count_row(builder);
    return wp_i_builder_flush_ties(builder, error) &&
           wp_i_builder_tie_person(builder, fields[0], origin, line, &a, error) &&
           wp_i_builder_tie_person(builder, fields[1], origin, line, &b, error) &&
           wp_i_weight_row_says(builder, origin, line, 0, value, fields[0], strlen(fields[0]),
                                fields[1], strlen(fields[1]), error);
}

gboolean wp_i_read_edgelist(WpGraphBuilder *builder, WpLineReader *reader, GError **error)
{
    const char *origin = wp_i_lines_origin(reader);
    const WpWeightRule *rule = wp_i_builder_weights(builder);
    guint weight = 3;
    if (!weight_field(rule, origin, &weight, error))
        return FALSE;
    g_autofree char **fields = g_new0(char *, weight);
    const char *text = NULL;
    gsize len = 0;
    gsize copy_size = 256; /* grows to the longest line (at most WP_MAX_LINE_BYTES + 1) */
    g_autofree char *copy = g_malloc(copy_size);
    const gboolean present[WP_TIES_N_FIELDS] = {FALSE}; /* an edge list has none of them */
    wp_i_builder_note_columns(builder, origin, present);
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
        guint n = split_fields(copy, len, fields, weight);
        if (n == 0) { /* only separators: `,,,` */
            if (!wp_i_ties_warn_blank(builder, origin, line, TRUE, error))
                return FALSE;
            continue;
        }
        if (n < 2)
            return bad_line(origin, line, "expected 'source target [strength]'", error);
        WpTieRow row = WP_TIE_ROW_EMPTY(line);
        const char *value = n == weight ? fields[weight - 1] : NULL;
        if (value != NULL && !wp_i_parse_weight(rule, value, &row.declared)) {
            if (!bad_weight(builder, origin, line, weight, value, error))
                return FALSE;
            continue;
        }
        if (strcmp(fields[0], fields[1]) == 0) {
            wp_i_builder_count_row(builder);
            g_autofree char *shown = wp_text_excerpt(fields[0]);
            if (!wp_i_builder_warn(builder, WP_WARNING_SELF_LOOP, error,
                                   "%s:%" G_GUINT64_FORMAT ": '%s' is tied to themself; dropped",
                                   origin, line, shown))
                return FALSE;
            continue;
        }
        gboolean done = FALSE;
        if (!weight_says(builder, origin, line, &row, fields, value, &done, error))
            return FALSE;
        if (done)
            continue;
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
