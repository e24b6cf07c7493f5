/* SPDX-License-Identifier: MIT */
/* RFC 4180 records with line numbers, on top of libcsv (fed one physical line at a time so that
 * every record knows the line it starts on). */
#include "io/io-private.h"

#include <csv.h>
#include <string.h>

typedef struct {
    WpLineReader *reader;
    WpCsvRecordFunc func;
    gpointer user_data;
    GString *bytes;      /* the current record's fields, each NUL-terminated */
    GArray *starts;      /* gsize offset of each field in bytes */
    GPtrArray *pointers; /* char * into bytes, rebuilt per record */
    guint64 record_line;
    gboolean at_record_start;
    GError *error;       /* first failure; parsing stops once set */
} CsvState;

static void set_error(CsvState *st, GError *error)
{
    if (st->error == NULL)
        st->error = error;
    else
        g_error_free(error);
}

static void on_field(void *data, size_t len, void *user_data)
{
    CsvState *st = user_data;
    if (st->error)
        return;
    if (st->starts->len >= WP_MAX_FIELDS) {
        set_error(st, g_error_new(WP_ERROR, WP_ERROR_LIMIT,
                                  "%s:%" G_GUINT64_FORMAT ": more than %u fields",
                                  wp_i_lines_origin(st->reader), st->record_line, WP_MAX_FIELDS));
        return;
    }
    if (st->bytes->len + len > WP_MAX_RECORD_BYTES) {
        set_error(st, g_error_new(WP_ERROR, WP_ERROR_LIMIT,
                                  "%s:%" G_GUINT64_FORMAT ": record longer than %u bytes",
                                  wp_i_lines_origin(st->reader), st->record_line,
                                  WP_MAX_RECORD_BYTES));
        return;
    }
    const char *end = NULL;
    if (len > 0 && !g_utf8_validate_len(data, len, &end)) {
        guint n = st->starts->len + 1;
        set_error(st, g_error_new(WP_ERROR, WP_ERROR_PARSE,
                                  "%s:%" G_GUINT64_FORMAT ": field %u: %s at byte %u",
                                  wp_i_lines_origin(st->reader), st->record_line, n,
                                  *end == '\0' ? "NUL byte" : "invalid UTF-8",
                                  (guint)(end - (const char *)data) + 1));
        return;
    }
    gsize start = st->bytes->len;
    g_array_append_val(st->starts, start);
    g_string_append_len(st->bytes, data ? data : "", (gssize)len);
    g_string_append_c(st->bytes, '\0');
}

static void on_record(int terminator G_GNUC_UNUSED, void *user_data)
{
    CsvState *st = user_data;
    st->at_record_start = TRUE;
    if (st->error == NULL) {
        g_ptr_array_set_size(st->pointers, 0);
        for (guint i = 0; i < st->starts->len; i++)
            g_ptr_array_add(st->pointers, st->bytes->str + g_array_index(st->starts, gsize, i));
        WpCsvRecord record = {(char **)st->pointers->pdata, st->starts->len, st->record_line,
                              FALSE};
        GError *error = NULL;
        if (!st->func(&record, st->user_data, &error))
            set_error(st, error);
    }
    g_string_truncate(st->bytes, 0);
    g_array_set_size(st->starts, 0);
}

static gboolean quote_error(CsvState *st, const char *what, GError **error)
{
    g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%" G_GUINT64_FORMAT ": %s",
                wp_i_lines_origin(st->reader), st->record_line, what);
    return FALSE;
}

static gboolean parse_all(CsvState *st, struct csv_parser *parser,
                          gboolean (*on_blank)(guint64, gpointer, GError **), GError **error)
{
    const char *line = NULL;
    gsize len = 0;
    while (wp_i_lines_next(st->reader, &line, &len, error)) {
        if (st->at_record_start) {
            st->record_line = wp_i_lines_number(st->reader);
            if (len == 0) { /* a blank line between records, not inside a quoted field */
                if (on_blank && !on_blank(st->record_line, st->user_data, error))
                    return FALSE;
                continue;
            }
            st->at_record_start = FALSE;
        }
        if (csv_parse(parser, line, len, on_field, on_record, st) != len ||
            csv_parse(parser, "\n", 1, on_field, on_record, st) != 1)
            return quote_error(st, "a quote inside an unquoted field, or text after a closing "
                                   "quote (RFC 4180: quote the field and double inner quotes)",
                              error);
        if (st->error) {
            g_propagate_error(error, g_steal_pointer(&st->error));
            return FALSE;
        }
    }
    if (error && *error)
        return FALSE;
    if (csv_fini(parser, on_field, on_record, st) != 0)
        return quote_error(st, "quoted field is not closed before the end of the file", error);
    if (st->error) {
        g_propagate_error(error, g_steal_pointer(&st->error));
        return FALSE;
    }
    return TRUE;
}

gboolean wp_i_csv_read(WpLineReader *reader, WpCsvRecordFunc func,
                       gboolean (*on_blank)(guint64 line, gpointer user_data, GError **error),
                       gpointer user_data, GError **error)
{
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED, "cannot start the CSV parser");
        return FALSE;
    }
    CsvState st = {
        .reader = reader,
        .func = func,
        .user_data = user_data,
        .bytes = g_string_sized_new(256),
        .starts = g_array_new(FALSE, FALSE, sizeof(gsize)),
        .pointers = g_ptr_array_new(),
        .at_record_start = TRUE,
    };
    /* A local error keeps parse_all's "did the reader fail" check independent of the caller. */
    GError *local = NULL;
    gboolean ok = parse_all(&st, &parser, on_blank, &local);
    csv_free(&parser);
    g_string_free(st.bytes, TRUE);
    g_array_unref(st.starts);
    g_ptr_array_unref(st.pointers);
    if (st.error)
        g_error_free(st.error);
    if (!ok)
        g_propagate_error(error, local);
    return ok;
}

char **wp_i_csv_header_names(const WpCsvRecord *header, const char *origin, GError **error)
{
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new();
    for (guint i = 0; i < header->n_fields; i++) {
        g_autofree char *name = g_utf8_strdown(g_strstrip(header->fields[i]), -1);
        if (name[0] == '\0') {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": header: column %u has no name", origin,
                        header->line, i + 1);
            return NULL;
        }
        for (guint j = 0; j < i; j++)
            if (g_utf8_collate(header->fields[j], header->fields[i]) == 0 ||
                g_ascii_strcasecmp(header->fields[j], name) == 0) {
                g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                            "%s:%" G_GUINT64_FORMAT ": header: column '%s' appears twice",
                            origin, header->line, name);
                return NULL;
            }
        g_strv_builder_add(builder, name);
    }
    return g_strv_builder_end(builder);
}

int wp_i_csv_column(char **names, const char *name)
{
    for (int i = 0; names[i] != NULL; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

gboolean wp_i_parse_strength(const char *text, double *out)
{
    char *end = NULL;
    if (text[0] == '\0' || g_ascii_isspace(text[0]))
        return FALSE;
    double s = g_ascii_strtod(text, &end);
    /* !(s > 0 && s <= 1) also rejects NaN; strtod reads "inf" and "nan", which land here. */
    if (end == text || *end != '\0' || !(s > 0.0 && s <= 1.0))
        return FALSE;
    *out = s;
    return TRUE;
}
