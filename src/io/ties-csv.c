/* SPDX-License-Identifier: MIT */
/* The ties file: a CSV with `source,target` and optional strength, type, last_contact,
 * interactions and directed columns; other columns are ignored. */
#include "io/io-private.h"

#include <math.h>
#include <string.h>

enum { SOURCE, TARGET, STRENGTH, TYPE, LAST_CONTACT, INTERACTIONS, DIRECTED, N_KNOWN };
static const char *const known_names[N_KNOWN] = {"source",      "target",       "strength",
                                                 "type",        "last_contact", "interactions",
                                                 "directed"};

typedef struct {
    WpGraphBuilder *builder;
    const char *origin;
    gboolean have_header;
    guint n_columns;
    int col[N_KNOWN]; /* file column of each known field, or -1 */
} TiesReader;

static gboolean read_header(TiesReader *tr, const WpCsvRecord *rec, GError **error)
{
    g_auto(GStrv) names = wp_i_csv_header_names(rec, tr->origin, error);
    if (names == NULL)
        return FALSE;
    for (guint k = 0; k < N_KNOWN; k++)
        tr->col[k] = wp_i_csv_column(names, known_names[k]);
    for (guint k = SOURCE; k <= TARGET; k++)
        if (tr->col[k] < 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": header: missing required column '%s' "
                        "(a ties CSV starts with a header such as source,target,strength)",
                        tr->origin, rec->line, known_names[k]);
            return FALSE;
        }
    tr->n_columns = rec->n_fields;
    tr->have_header = TRUE;
    wp_i_builder_note_columns(tr->builder, tr->origin, tr->col[TYPE] >= 0,
                              tr->col[LAST_CONTACT] >= 0, tr->col[INTERACTIONS] >= 0,
                              tr->col[DIRECTED] >= 0);
    return TRUE;
}

/* A bad value: an error, or under WP_LOAD_SKIP_BAD_ROWS a warning and the row is dropped. */
static gboolean bad_value(TiesReader *tr, guint64 line, int field, const char *value,
                          const char *expected, gboolean *skip, GError **error)
{
    g_autofree char *message =
        g_strdup_printf("%s:%" G_GUINT64_FORMAT ": field '%s': '%s' is not %s", tr->origin, line,
                        known_names[field], value, expected);
    if (!(wp_i_builder_flags(tr->builder) & WP_LOAD_SKIP_BAD_ROWS)) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_PARSE, message);
        return FALSE;
    }
    *skip = TRUE;
    return wp_i_builder_warn(tr->builder, WP_WARNING_SKIPPED_ROW, error, "%s; row skipped",
                             message);
}

/* A field without surrounding white space (only quoted fields can still have it). */
static const char *cell(const TiesReader *tr, const WpCsvRecord *rec, int field)
{
    if (tr->col[field] < 0)
        return "";
    char *text = rec->fields[tr->col[field]];
    return g_ascii_isspace(text[0]) || (text[0] && g_ascii_isspace(text[strlen(text) - 1]))
               ? g_strstrip(text)
               : text;
}

/* "client", or several types joined by ';' or '|'. Unknown names count as `other`. */
static gboolean parse_types(TiesReader *tr, guint64 line, char *text, guint16 *out,
                            GError **error)
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
            if (!wp_i_builder_warn(tr->builder, WP_WARNING_UNKNOWN_TIE_TYPE, error,
                                   "%s:%" G_GUINT64_FORMAT ": field 'type': unknown type '%s' "
                                   "counted as 'other'",
                                   tr->origin, line, name))
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
    for (guint i = 0; i < G_N_ELEMENTS(yes); i++)
        if (g_ascii_strcasecmp(text, yes[i]) == 0)
            return (*out = TRUE);
    for (guint i = 0; i < G_N_ELEMENTS(no); i++)
        if (g_ascii_strcasecmp(text, no[i]) == 0)
            return !(*out = FALSE);
    return FALSE;
}

/* Reads the optional fields of @rec into @row; sets @skip for a dropped bad row. */
static gboolean parse_optional(TiesReader *tr, const WpCsvRecord *rec, WpTieRow *row,
                               gboolean *skip, GError **error)
{
    const char *s = cell(tr, rec, STRENGTH);
    if (s[0] != '\0' && !wp_i_parse_strength(s, &row->declared))
        return bad_value(tr, rec->line, STRENGTH, s, "a number in (0, 1]", skip, error);
    s = cell(tr, rec, LAST_CONTACT);
    if (s[0] != '\0' && !wp_day_parse(s, &row->last_contact))
        return bad_value(tr, rec->line, LAST_CONTACT, s, "a date YYYY-MM-DD", skip, error);
    s = cell(tr, rec, INTERACTIONS);
    if (s[0] != '\0') {
        guint64 n = 0;
        if (!g_ascii_string_to_unsigned(s, 10, 0, G_MAXINT32, &n, NULL))
            return bad_value(tr, rec->line, INTERACTIONS, s, "a count (0 or more)", skip,
                             error);
        row->interactions = (gint32)n;
    }
    s = cell(tr, rec, DIRECTED);
    if (!parse_flag(s, &row->directed))
        return bad_value(tr, rec->line, DIRECTED, s, "true or false", skip, error);
    if (tr->col[TYPE] >= 0)
        return parse_types(tr, rec->line, rec->fields[tr->col[TYPE]], &row->types, error);
    return TRUE;
}

static gboolean on_tie(const WpCsvRecord *rec, gpointer user_data, GError **error)
{
    TiesReader *tr = user_data;
    if (!tr->have_header)
        return read_header(tr, rec, error);
    if (rec->n_fields != tr->n_columns) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": %u fields where the header has %u", tr->origin,
                    rec->line, rec->n_fields, tr->n_columns);
        return FALSE;
    }
    const char *source = cell(tr, rec, SOURCE), *target = cell(tr, rec, TARGET);
    for (int k = SOURCE; k <= TARGET; k++)
        if (cell(tr, rec, k)[0] == '\0') {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": field '%s': empty id", tr->origin, rec->line,
                        known_names[k]);
            return FALSE;
        }
    WpTieRow row = {0, 0, NAN, 0, WP_DAY_NONE, -1, FALSE, rec->line};
    gboolean skip = FALSE;
    if (!parse_optional(tr, rec, &row, &skip, error))
        return FALSE;
    if (skip) {
        wp_i_builder_count_row(tr->builder);
        return TRUE;
    }
    if (strcmp(source, target) == 0) { /* dropped before it can create a person */
        wp_i_builder_count_row(tr->builder);
        return wp_i_builder_warn(tr->builder, WP_WARNING_SELF_LOOP, error,
                                 "%s:%" G_GUINT64_FORMAT ": '%s' is tied to themself; dropped",
                                 tr->origin, rec->line, source);
    }
    return wp_i_builder_add_tie(tr->builder, source, strlen(source), target, strlen(target), &row,
                                error);
}

static gboolean on_blank(guint64 line, gpointer user_data, GError **error)
{
    TiesReader *tr = user_data;
    return wp_i_builder_warn(tr->builder, WP_WARNING_BLANK_ROW, error,
                             "%s:%" G_GUINT64_FORMAT ": blank line skipped", tr->origin, line);
}

gboolean wp_i_read_ties_csv(WpGraphBuilder *builder, WpLineReader *reader, GError **error)
{
    TiesReader tr = {.builder = builder, .origin = wp_i_lines_origin(reader)};
    if (!wp_i_csv_read(reader, on_tie, on_blank, &tr, error) ||
        (tr.have_header && !wp_i_builder_flush_ties(builder, error)))
        return FALSE;
    if (!tr.have_header) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:1: the file is empty; expected a header such as source,target,strength",
                    tr.origin);
        return FALSE;
    }
    return TRUE;
}
