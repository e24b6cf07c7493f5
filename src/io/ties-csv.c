/* SPDX-License-Identifier: MIT */
/* The ties file: a CSV with `source,target` and the optional columns of core/tie-columns.h
 * (strength, type, last_contact, interactions, directed, origin); other columns are ignored.
 * The rules for a row's values live here, and the chunked reader (ties-chunks.c) uses them too. */
#include "core/text-private.h"
#include "core/tie-labels.h"
#include "io/io-private.h"

#include <math.h>
#include <string.h>

static const char *field_name(WpTiesField field)
{
    return wp_i_tie_column(field)->name;
}

typedef struct {
    WpGraphBuilder *builder;
    const char *origin;
    gboolean have_header;
    WpTiesColumns columns;
    guint64 line; /* of the row being read, for the unknown-type warning */
    WpWeightSniff sniff;
    guint64 header_line;
} TiesReader;

/* The column --weight-column names: a header name (any case), else a column number from 1. */
static int weight_column(char **names, const char *wanted)
{
    g_autofree char *name = g_utf8_strdown(wanted, -1);
    int col = wp_i_csv_column(names, g_strstrip(name));
    guint64 n = 0;
    if (col < 0 && g_ascii_string_to_unsigned(name, 10, 1, g_strv_length(names), &n, NULL))
        col = (int)n - 1;
    return col;
}

/* Sets the weight column of @out from the builder's rule: `strength` unless --weight-column
 * names another, which must exist and be no other known column. */
static gboolean find_weight_column(WpGraphBuilder *builder, char **names, const char *origin,
                                   guint64 line, WpTiesColumns *out, GError **error)
{
    const char *wanted = wp_i_builder_weights(builder)->column;
    if (wanted != NULL) {
        int col = weight_column(names, wanted);
        for (guint k = 0; k < WP_TIES_N_FIELDS && col >= 0; k++)
            if (k != WP_TIES_STRENGTH && out->col[k] == col) {
                g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                            "%s:%" G_GUINT64_FORMAT ": header: --weight-column '%s' is the "
                            "'%s' column",
                            origin, line, wanted, field_name(k));
                return FALSE;
            }
        if (col < 0) {
            g_autofree char *all = g_strjoinv(", ", names);
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": header: no column '%s' to read weights from "
                        "(--weight-column); the columns are %s",
                        origin, line, wanted, all);
            return FALSE;
        }
        out->col[WP_TIES_STRENGTH] = col;
    }
    int col = out->col[WP_TIES_STRENGTH];
    g_strlcpy(out->weight_name, col >= 0 ? names[col] : "strength", sizeof out->weight_name);
    return TRUE;
}

gboolean wp_i_ties_read_header(WpGraphBuilder *builder, const WpCsvRecord *header,
                               const char *origin, WpTiesColumns *out, WpWeightSniff *sniff,
                               GError **error)
{
    g_auto(GStrv) names = wp_i_csv_header_names(header, origin, error);
    if (names == NULL)
        return FALSE;
    for (guint k = 0; k < WP_TIES_N_FIELDS; k++)
        out->col[k] = wp_i_csv_column(names, field_name(k));
    for (guint k = WP_TIES_SOURCE; k <= WP_TIES_TARGET; k++)
        if (out->col[k] < 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": header: missing required column '%s' "
                        "(a ties CSV starts with a header such as source,target,strength)",
                        origin, header->line, field_name(k));
            return FALSE;
        }
    if (!find_weight_column(builder, names, origin, header->line, out, error))
        return FALSE;
    wp_i_weight_sniff_start(sniff, names, out);
    out->n_columns = header->n_fields;
    gboolean present[WP_TIES_N_FIELDS];
    for (guint k = 0; k < WP_TIES_N_FIELDS; k++)
        present[k] = out->col[k] >= 0;
    wp_i_builder_note_columns(builder, origin, present);
    return TRUE;
}

char *wp_i_ties_bad_value_message(const char *origin, guint64 line, const WpTiesColumns *columns,
                                  const WpWeightRule *rule, WpTiesField field, const char *value)
{
    g_autofree char *weight = field == WP_TIES_STRENGTH ? wp_i_weight_expected(rule, value) : NULL;
    g_autofree char *shown = wp_text_excerpt(value); /* a 900 KB field stays one short line */
    return g_strdup_printf("%s:%" G_GUINT64_FORMAT ": field '%s': '%s' is not %s", origin, line,
                           field == WP_TIES_STRENGTH ? columns->weight_name : field_name(field),
                           shown, weight ? weight : wp_i_tie_column(field)->expected);
}

/* A bad value: an error, or under WP_LOAD_SKIP_BAD_ROWS a warning and the row is dropped. */
static gboolean bad_value(TiesReader *tr, guint64 line, WpTiesField field, const char *value,
                          gboolean *skip, GError **error)
{
    g_autofree char *message = wp_i_ties_bad_value_message(
        tr->origin, line, &tr->columns, wp_i_builder_weights(tr->builder), field, value);
    if (!(wp_i_builder_flags(tr->builder) & WP_LOAD_SKIP_BAD_ROWS)) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_PARSE, message);
        return FALSE;
    }
    *skip = TRUE;
    return wp_i_builder_warn(tr->builder, WP_WARNING_SKIPPED_ROW, error, "%s; row skipped",
                             message);
}

/* A field without surrounding white space (only quoted fields can still have it). */
static const char *cell(const TiesReader *tr, const WpCsvRecord *rec, WpTiesField field)
{
    if (tr->columns.col[field] < 0)
        return "";
    char *text = rec->fields[tr->columns.col[field]];
    return g_ascii_isspace(text[0]) || (text[0] && g_ascii_isspace(text[strlen(text) - 1]))
               ? g_strstrip(text)
               : text;
}

gboolean wp_i_ties_parse_types(char *text, guint16 *out, WpUnknownTypeFunc on_unknown,
                               gpointer user_data, GError **error)
{
    /* Cut in place at ';' and '|': no allocation per row. */
    for (char *next = text; next != NULL;) {
        WpTieType type;
        char *name = next;
        next = strpbrk(name, ";|");
        if (next != NULL)
            *next++ = '\0';
        name = g_strstrip(name);
        if (name[0] == '\0')
            continue;
        if (!wp_tie_type_from_name(name, &type)) {
            type = WP_TIE_OTHER;
            if (!on_unknown(name, user_data, error))
                return FALSE;
        }
        *out |= WP_TIE_TYPE_BIT(type);
    }
    return TRUE;
}

static gboolean parse_flag(const char *text, gboolean *out)
{
    static const char *const yes[] = {"1", "true", "yes", "y"};
    static const char *const no[] = {"", "0", "false", "no", "n"};
    if (text[0] == '\0') /* the common case: no column, or an empty cell */
        return !(*out = FALSE);
    for (guint i = 0; i < G_N_ELEMENTS(yes); i++)
        if (g_ascii_strcasecmp(text, yes[i]) == 0)
            return (*out = TRUE);
    for (guint i = 0; i < G_N_ELEMENTS(no); i++)
        if (g_ascii_strcasecmp(text, no[i]) == 0)
            return !(*out = FALSE);
    return FALSE;
}

gboolean wp_i_ties_parse_values(const WpWeightRule *rule, const char *const cells[WP_TIES_N_HOT],
                                WpTieRow *row, WpTiesField *bad)
{
    const char *s = cells[WP_TIES_STRENGTH];
    *bad = WP_TIES_STRENGTH;
    if (s[0] != '\0' &&
        !(rule->scale == WP_WEIGHT_STRENGTH ? wp_i_parse_strength(s, &row->declared)
                                            : wp_i_parse_weight(rule, s, &row->declared)))
        return FALSE;
    s = cells[ *bad = WP_TIES_LAST_CONTACT];
    if (s[0] != '\0' && !wp_day_parse(s, &row->last_contact))
        return FALSE;
    s = cells[ *bad = WP_TIES_INTERACTIONS];
    if (s[0] != '\0') {
        guint64 n = 0;
        if (!g_ascii_string_to_unsigned(s, 10, 0, G_MAXINT32, &n, NULL))
            return FALSE;
        row->interactions = (gint32)n;
    }
    return parse_flag(cells[*bad = WP_TIES_DIRECTED], &row->directed);
}

gboolean wp_i_ties_warn_unknown_type(WpGraphBuilder *builder, const char *origin, guint64 line,
                                     const char *name, GError **error)
{
    g_autofree char *shown = wp_text_excerpt(name);
    return wp_i_builder_warn(builder, WP_WARNING_UNKNOWN_TIE_TYPE, error,
                             "%s:%" G_GUINT64_FORMAT ": field 'type': unknown type '%s' "
                             "counted as 'other'",
                             origin, line, shown);
}

gboolean wp_i_ties_warn_self_loop(WpGraphBuilder *builder, const char *origin, guint64 line,
                                  const char *id, gsize id_len, GError **error)
{
    g_autofree char *shown = wp_i_text_excerpt_len(id, id_len);
    return wp_i_builder_warn(builder, WP_WARNING_SELF_LOOP, error,
                             "%s:%" G_GUINT64_FORMAT ": '%s' is tied to themself; dropped", origin,
                             line, shown);
}

static gboolean on_unknown_type(const char *name, gpointer user_data, GError **error)
{
    TiesReader *tr = user_data;
    return wp_i_ties_warn_unknown_type(tr->builder, tr->origin, tr->line, name, error);
}

/* Reads the optional fields of @rec into @row; sets @skip for a dropped bad row. */
static gboolean parse_optional(TiesReader *tr, const WpCsvRecord *rec, WpTieRow *row,
                               gboolean *skip, GError **error)
{
    const char *cells[WP_TIES_N_HOT];
    for (guint k = WP_TIES_STRENGTH; k < WP_TIES_N_HOT; k++)
        cells[k] = k == WP_TIES_TYPE ? "" : cell(tr, rec, k);
    WpTiesField bad;
    if (!wp_i_ties_parse_values(wp_i_builder_weights(tr->builder), cells, row, &bad))
        return bad_value(tr, rec->line, bad, cells[bad], skip, error);
    for (guint k = WP_TIES_N_HOT; k < WP_TIES_N_FIELDS; k++)
        if (tr->columns.col[k] >= 0) {
            const char *text = rec->fields[tr->columns.col[k]];
            row->side[WP_TIES_SIDE(k)] =
                wp_i_tie_labels_parse(wp_i_builder_labels(tr->builder, k), text, strlen(text));
        }
    if (tr->columns.col[WP_TIES_TYPE] < 0)
        return TRUE;
    tr->line = rec->line;
    return wp_i_ties_parse_types(rec->fields[tr->columns.col[WP_TIES_TYPE]], &row->types,
                                 on_unknown_type, tr, error);
}

/* A row whose weight says no tie: its people are read, and it adds no tie. */
static gboolean no_tie(TiesReader *tr, const WpCsvRecord *rec, const char *source,
                       const char *target, GError **error)
{
    WpPerson a, b;
    wp_i_builder_count_row(tr->builder);
    return wp_i_builder_flush_ties(tr->builder, error) && /* people in the order they came */
           wp_i_builder_tie_person(tr->builder, source, tr->origin, rec->line, &a, error) &&
           wp_i_builder_tie_person(tr->builder, target, tr->origin, rec->line, &b, error) &&
           wp_i_weight_row_says(tr->builder, tr->origin, rec->line, 0,
                                cell(tr, rec, WP_TIES_STRENGTH), source, strlen(source), target,
                                strlen(target), error);
}

static gboolean on_tie(const WpCsvRecord *rec, gpointer user_data, GError **error)
{
    TiesReader *tr = user_data;
    if (!tr->have_header) {
        tr->header_line = rec->line;
        return (tr->have_header = wp_i_ties_read_header(tr->builder, rec, tr->origin, &tr->columns,
                                                        &tr->sniff, error));
    }
    if (tr->sniff.n > 0) {
        wp_i_weight_sniff_row(&tr->sniff, rec);
        if (tr->sniff.rows == WP_SNIFF_ROWS &&
            !wp_i_weight_sniff_finish(&tr->sniff, tr->builder, tr->origin, tr->header_line, error))
            return FALSE;
    }
    if (rec->n_fields != tr->columns.n_columns) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": %u fields where the header has %u", tr->origin,
                    rec->line, rec->n_fields, tr->columns.n_columns);
        return FALSE;
    }
    const char *source = cell(tr, rec, WP_TIES_SOURCE), *target = cell(tr, rec, WP_TIES_TARGET);
    for (int k = WP_TIES_SOURCE; k <= WP_TIES_TARGET; k++)
        if (cell(tr, rec, k)[0] == '\0') {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": field '%s': empty id", tr->origin, rec->line,
                        field_name(k));
            return FALSE;
        }
    WpTieRow row = WP_TIE_ROW_EMPTY(rec->line);
    gboolean skip = FALSE;
    if (!parse_optional(tr, rec, &row, &skip, error))
        return FALSE;
    if (skip) {
        wp_i_builder_count_row(tr->builder);
        return TRUE;
    }
    if (strcmp(source, target) == 0) { /* dropped before it can create a person */
        wp_i_builder_count_row(tr->builder);
        return wp_i_ties_warn_self_loop(tr->builder, tr->origin, rec->line, source, strlen(source),
                                        error);
    }
    if (row.declared == 0)
        return no_tie(tr, rec, source, target, error);
    if (row.declared == WP_DECLARED_DISTRUST &&
        !wp_i_weight_row_says(tr->builder, tr->origin, rec->line, row.declared,
                              cell(tr, rec, WP_TIES_STRENGTH), source, strlen(source), target,
                              strlen(target), error))
        return FALSE;
    return wp_i_builder_add_tie(tr->builder, source, strlen(source), target, strlen(target), &row,
                                error);
}

gboolean wp_i_ties_warn_blank(WpGraphBuilder *builder, const char *origin, guint64 line,
                              gboolean empty_fields, GError **error)
{
    return wp_i_builder_warn(builder, WP_WARNING_BLANK_ROW, error,
                             "%s:%" G_GUINT64_FORMAT ": %s skipped", origin, line,
                             empty_fields ? "row of empty fields" : "blank line");
}

static gboolean on_blank(guint64 line, gboolean empty_fields, gpointer user_data, GError **error)
{
    TiesReader *tr = user_data;
    return wp_i_ties_warn_blank(tr->builder, tr->origin, line, empty_fields, error);
}

gboolean wp_i_read_ties_csv(WpGraphBuilder *builder, WpLineReader *reader, GError **error)
{
    TiesReader tr = {.builder = builder, .origin = wp_i_lines_origin(reader)};
    if (!wp_i_csv_read(reader, on_tie, on_blank, &tr, error) ||
        (tr.have_header && !wp_i_builder_flush_ties(builder, error)) ||
        !wp_i_weight_sniff_finish(&tr.sniff, builder, tr.origin, tr.header_line, error))
        return FALSE;
    if (!tr.have_header) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:1: the file is empty; expected a header such as source,target,strength",
                    tr.origin);
        return FALSE;
    }
    return TRUE;
}
