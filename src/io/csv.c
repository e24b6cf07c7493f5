/* SPDX-License-Identifier: MIT */
/* RFC 4180 records with line numbers, on top of libcsv (fed one physical line at a time so that
 * every record knows the line it starts on). */
#include "core/text-private.h"
#include "io/io-private.h"

#include <csv.h>
#include <string.h>

typedef struct {
    WpLineReader *reader;
    WpCsvRecordFunc func;
    WpCsvBlankFunc on_blank; /* nullable */
    gpointer user_data;
    GString *bytes;      /* the current record's fields, each NUL-terminated */
    GArray *starts;      /* gsize offset of each field in bytes */
    GPtrArray *pointers; /* char * into bytes, rebuilt per record */
    guint64 record_line;
    gsize record_bytes;  /* fed to libcsv for the current record: it buffers a quoted field */
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

/* TRUE when every field of the record is empty: `,,,,` as spreadsheets leave below the data.
 * Unquoted fields arrive trimmed, so a row of spaces and commas counts too. */
static gboolean all_fields_empty(const CsvState *st)
{
    if (st->starts->len == 0)
        return FALSE;
    for (guint i = 0; i < st->starts->len; i++)
        if (st->bytes->str[g_array_index(st->starts, gsize, i)] != '\0')
            return FALSE;
    return TRUE;
}

static void on_record(int terminator G_GNUC_UNUSED, void *user_data)
{
    CsvState *st = user_data;
    st->at_record_start = TRUE;
    GError *error = NULL;
    if (st->error == NULL && st->on_blank != NULL && all_fields_empty(st)) {
        /* A blank row, like a blank line: nothing to read, counted by the caller. */
        if (!st->on_blank(st->record_line, TRUE, st->user_data, &error))
            set_error(st, error);
    } else if (st->error == NULL) {
        g_ptr_array_set_size(st->pointers, 0);
        for (guint i = 0; i < st->starts->len; i++)
            g_ptr_array_add(st->pointers, st->bytes->str + g_array_index(st->starts, gsize, i));
        WpCsvRecord record = {(char **)st->pointers->pdata, st->starts->len, st->record_line,
                              FALSE};
        if (!st->func(&record, st->user_data, &error))
            set_error(st, error);
    }
    g_string_truncate(st->bytes, 0);
    g_array_set_size(st->starts, 0);
}

/* Names the field libcsv stopped in: the fields of the record completed so far, plus one. */
static gboolean quote_error(CsvState *st, guint64 line, const char *what, GError **error)
{
    g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%" G_GUINT64_FORMAT ": field %u: %s",
                wp_i_lines_origin(st->reader), line, st->starts->len + 1, what);
    return FALSE;
}

/* TRUE when no byte is NUL or above 0x7f: such text is valid UTF-8 as it stands. */
static gboolean is_plain_ascii(const char *p, gsize len)
{
    guchar high = 0, nul = 1;
    for (gsize i = 0; i < len; i++) {
        high |= (guchar)p[i];
        nul &= p[i] != '\0';
    }
    return high < 0x80 && nul;
}

/* A record on one line with no quote needs no state machine: copy the line once, cut it at the
 * commas in place, and trim spaces and tabs as libcsv does for unquoted fields. libcsv's per-byte
 * parsing plus per-field copies were ~15 % of loading the benchmark's medium graph (perf);
 * quoted records still go through libcsv. */
static void split_unquoted(CsvState *st, const char *line, gsize len)
{
    g_string_truncate(st->bytes, 0);
    g_string_append_len(st->bytes, line, (gssize)len);
    g_array_set_size(st->starts, 0);
    gboolean ascii = is_plain_ascii(line, len);
    char *buf = st->bytes->str, *end = buf + len;
    for (char *p = buf;; p++) {
        char *comma = memchr(p, ',', (gsize)(end - p));
        char *a = p, *b = comma ? comma : end;
        while (a < b && (*a == ' ' || *a == '\t'))
            a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
            b--;
        const char *bad = NULL;
        if (st->starts->len >= WP_MAX_FIELDS) {
            set_error(st, g_error_new(WP_ERROR, WP_ERROR_LIMIT,
                                      "%s:%" G_GUINT64_FORMAT ": more than %u fields",
                                      wp_i_lines_origin(st->reader), st->record_line,
                                      WP_MAX_FIELDS));
            break;
        }
        if (!ascii && !g_utf8_validate_len(a, (gsize)(b - a), &bad)) {
            set_error(st, g_error_new(WP_ERROR, WP_ERROR_PARSE,
                                      "%s:%" G_GUINT64_FORMAT ": field %u: %s at byte %u",
                                      wp_i_lines_origin(st->reader), st->record_line,
                                      st->starts->len + 1,
                                      *bad == '\0' ? "NUL byte" : "invalid UTF-8",
                                      (guint)(bad - a) + 1));
            break;
        }
        *b = '\0';
        gsize start = (gsize)(a - buf);
        g_array_append_val(st->starts, start);
        if (comma == NULL)
            break;
        p = comma;
    }
    on_record('\n', st); /* delivers the fields unless an error was set; resets the buffers */
}

static gboolean parse_all(CsvState *st, struct csv_parser *parser, GError **error)
{
    const char *line = NULL;
    gsize len = 0;
    while (wp_i_lines_next(st->reader, &line, &len, error)) {
        if (st->at_record_start) {
            st->record_line = wp_i_lines_number(st->reader);
            /* A blank line between records, not inside a quoted field. libcsv would drop a
             * line of spaces silently, and the next record would take its line number. */
            gsize blank = 0; /* the line is not NUL-terminated */
            while (blank < len && (line[blank] == ' ' || line[blank] == '\t'))
                blank++;
            if (blank == len) {
                if (st->on_blank && !st->on_blank(st->record_line, FALSE, st->user_data, error))
                    return FALSE;
                continue;
            }
            st->at_record_start = FALSE;
            st->record_bytes = 0;
            if (len <= WP_MAX_RECORD_BYTES && memchr(line, '"', len) == NULL) {
                split_unquoted(st, line, len);
                if (st->error) {
                    g_propagate_error(error, g_steal_pointer(&st->error));
                    return FALSE;
                }
                continue;
            }
        }
        st->record_bytes += len + 1;
        if (st->record_bytes > WP_MAX_RECORD_BYTES) {
            g_set_error(error, WP_ERROR, WP_ERROR_LIMIT,
                        "%s:%" G_GUINT64_FORMAT ": record longer than %u bytes",
                        wp_i_lines_origin(st->reader), st->record_line, WP_MAX_RECORD_BYTES);
            return FALSE;
        }
        if (csv_parse(parser, line, len, on_field, on_record, st) != len ||
            csv_parse(parser, "\n", 1, on_field, on_record, st) != 1)
            return quote_error(st, wp_i_lines_number(st->reader),
                               "a quote inside an unquoted field, or text after a closing "
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
        return quote_error(st, st->record_line,
                           "quoted field is not closed before the end of the file", error);
    if (st->error) {
        g_propagate_error(error, g_steal_pointer(&st->error));
        return FALSE;
    }
    return TRUE;
}

gboolean wp_i_csv_read(WpLineReader *reader, WpCsvRecordFunc func, WpCsvBlankFunc on_blank,
                       gpointer user_data, GError **error)
{
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED, "cannot start the CSV parser");
        return FALSE;
    }
    /* libcsv grows its field buffer by a fixed block (128 bytes): with a realloc that copies
     * (ASan, valgrind) a 4 MB quoted field took minutes. 64 KiB blocks keep that linear-ish. */
    csv_set_blk_size(&parser, 64u << 10);
    CsvState st = {
        .reader = reader,
        .func = func,
        .on_blank = on_blank,
        .user_data = user_data,
        .bytes = g_string_sized_new(256),
        .starts = g_array_new(FALSE, FALSE, sizeof(gsize)),
        .pointers = g_ptr_array_new(),
        .at_record_start = TRUE,
    };
    /* A local error keeps parse_all's "did the reader fail" check independent of the caller. */
    GError *local = NULL;
    gboolean ok = parse_all(&st, &parser, &local);
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
    /* Lowercased names seen so far (owned). A set keeps a 1024-column header linear, and
     * comparing lowercased names catches "Name" vs "NAME" and "É" vs "é" alike. Lowercased by
     * Unicode's table, never the locale's: under tr_TR "ID" must stay "id", not "ıd". */
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < header->n_fields; i++) {
        g_autofree char *name = wp_i_text_lower(g_strstrip(header->fields[i]));
        if (name[0] == '\0') {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": header: column %u has no name", origin,
                        header->line, i + 1);
            return NULL;
        }
        if (!g_hash_table_add(seen, g_strdup(name))) {
            g_autofree char *shown = wp_text_excerpt(name);
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": header: column '%s' appears twice", origin,
                        header->line, shown);
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

/* Correctly rounded fast path for plain decimals ("0.5583"): when the digits form an integer
 * below 2^53 and there are at most 22 of them after the point, mantissa / 10^decimals divides
 * two exact doubles, so the one rounding gives the same double strtod would (Clinger 1990).
 * g_ascii_strtod took ~3 % of loading the benchmark's medium graph (perf); anything unusual
 * still goes through it. */
static gboolean parse_plain_decimal(const char *text, double *out)
{
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    guint64 mantissa = 0;
    int decimals = -1, n_digits = 0;
    const char *p = text;
    for (; *p != '\0'; p++) {
        if (*p == '.' && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (!g_ascii_isdigit(*p) || ++n_digits > 15)
            return FALSE;
        mantissa = mantissa * 10 + (guint64)(*p - '0');
        if (decimals >= 0)
            decimals++;
    }
    if (n_digits == 0 || decimals == 0 || p == text)
        return FALSE;
    *out = (double)mantissa / pow10[decimals < 0 ? 0 : decimals];
    return TRUE;
}

gboolean wp_i_parse_strength(const char *text, double *out)
{
    char *end = NULL;
    double s = 0;
    if (text[0] == '\0' || g_ascii_isspace(text[0]))
        return FALSE;
    if (!parse_plain_decimal(text, &s)) {
        if (strpbrk(text, "xX") != NULL) /* g_ascii_strtod() reads hex ("0x1p-1"): refused */
            return FALSE;
        s = g_ascii_strtod(text, &end);
        if (end == text || *end != '\0')
            return FALSE;
    }
    /* !(s > 0 && s <= 1) also rejects NaN; strtod reads "inf" and "nan", which land here. */
    if (!(s > 0.0 && s <= 1.0))
        return FALSE;
    *out = s;
    return TRUE;
}
