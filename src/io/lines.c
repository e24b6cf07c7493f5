/* SPDX-License-Identifier: MIT */
/* A line reader over GIO streams: bounded memory, any line-end convention, gzip. */
#include "io/input-private.h"

#include <string.h>

#define CHUNK (4u << 20)
#define MIN_CAP (64u << 10) /* a small file gets a buffer its size (at least this) */

struct WpLineReader {
    GInputStream *stream; /* NULL when reading from memory */
    char *origin;
    char *buf;        /* owned for streams; borrowed text for memory */
    gsize start, end; /* unread bytes are buf[start, end) */
    gsize cap;
    gboolean eof;
    gboolean compressed; /* the stream is gunzipped */
    guint64 number;
};

/* A reader of @stream (transfer full); @size, when known, sizes the buffer: 5 MB per small file
 * would dominate loading it (and fuzzing), so a small file gets a buffer its size. fill() grows
 * the buffer if the file turns out longer. */
static WpLineReader *reader_new(GInputStream *stream, const char *origin, goffset size)
{
    WpLineReader *r = g_new0(WpLineReader, 1);
    r->origin = g_strdup(origin);
    r->stream = stream;
    r->cap = size > 0
                 ? (gsize)CLAMP(size + 1, (goffset)MIN_CAP, (goffset)(CHUNK + WP_MAX_LINE_BYTES))
                 : CHUNK + WP_MAX_LINE_BYTES;
    r->buf = g_malloc(r->cap);
    return r;
}

static GInputStream *gunzip(GInputStream *in)
{
    g_autoptr(GZlibDecompressor) gz = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP);
    GInputStream *out = g_converter_input_stream_new(in, G_CONVERTER(gz));
    g_filter_input_stream_set_close_base_stream(G_FILTER_INPUT_STREAM(out), FALSE);
    return out;
}

WpLineReader *wp_i_lines_open(const char *filename, GError **error)
{
    g_autoptr(GFile) file = g_file_new_for_path(filename);
    g_autoptr(GFileInputStream) in = g_file_read(file, NULL, error);
    if (in == NULL)
        return NULL;
    g_autofree char *origin = g_filename_display_name(filename);
    if (g_str_has_suffix(filename, ".gz")) {
        WpLineReader *r = reader_new(gunzip(G_INPUT_STREAM(in)), origin, 0);
        g_filter_input_stream_set_close_base_stream(G_FILTER_INPUT_STREAM(r->stream), TRUE);
        r->compressed = TRUE;
        return r;
    }
    g_autoptr(GFileInfo) info =
        g_file_input_stream_query_info(in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
    goffset size = info != NULL && g_file_info_has_attribute(info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
                       ? g_file_info_get_size(info)
                       : 0;
    return reader_new(G_INPUT_STREAM(g_steal_pointer(&in)), origin, size);
}

/* Gzip is recognised by its name or by its first bytes (1f 8b), so `--edges /dev/stdin <
 * ties.csv.gz` works too. The bytes are looked at in a buffer the reader then reads from. */
WpLineReader *wp_i_lines_open_input(WpInput *input, GError **error)
{
    GInputStream *buffered = g_buffered_input_stream_new(wp_i_input_stream(input));
    g_filter_input_stream_set_close_base_stream(G_FILTER_INPUT_STREAM(buffered), FALSE);
    GBufferedInputStream *b = G_BUFFERED_INPUT_STREAM(buffered);
    gssize got = 1;
    while (g_buffered_input_stream_get_available(b) < 2 && got > 0)
        got = g_buffered_input_stream_fill(b, -1, NULL, error);
    if (got < 0) {
        g_object_unref(buffered);
        g_prefix_error(error, "%s: ", wp_i_input_origin(input));
        return NULL;
    }
    gsize n = 0;
    const guchar *head = g_buffered_input_stream_peek_buffer(b, &n);
    const char *origin = wp_i_input_origin(input);
    if (g_str_has_suffix(origin, ".gz") || (n >= 2 && head[0] == 0x1f && head[1] == 0x8b)) {
        WpLineReader *r = reader_new(gunzip(buffered), origin, 0);
        g_object_unref(buffered); /* the converter holds it */
        r->compressed = TRUE;
        return r;
    }
    return reader_new(buffered, origin, (goffset)wp_i_input_size(input));
}

WpLineReader *wp_i_lines_new_for_data(const char *text, const char *origin)
{
    WpLineReader *r = g_new0(WpLineReader, 1);
    r->origin = g_strdup(origin);
    r->buf = (char *)text;
    r->end = strlen(text);
    r->eof = TRUE;
    return r;
}

void wp_i_lines_free(WpLineReader *r)
{
    if (r == NULL)
        return;
    if (r->stream) {
        g_object_unref(r->stream);
        g_free(r->buf);
    }
    g_free(r->origin);
    g_free(r);
}

gboolean wp_i_lines_is_compressed(const WpLineReader *r)
{
    return r->compressed;
}

const char *wp_i_lines_origin(const WpLineReader *r)
{
    return r->origin;
}

guint64 wp_i_lines_number(const WpLineReader *r)
{
    return r->number;
}

/* Moves the unread tail to the front and reads more after it: at most @most bytes (the whole
 * chunk when reading lines; what a peek lacks, so sniffing a large file reads little). */
static gboolean fill(WpLineReader *r, gsize most, GError **error)
{
    memmove(r->buf, r->buf + r->start, r->end - r->start);
    r->end -= r->start;
    r->start = 0;
    /* An unfinished line (at most WP_MAX_LINE_BYTES) fills over half the buffer (the file has
     * grown since it was opened, or is a pipe): grow, so the read below always has room. */
    if (r->end * 2 > r->cap && r->cap < CHUNK + WP_MAX_LINE_BYTES) {
        r->cap = MIN(r->cap * 2, CHUNK + WP_MAX_LINE_BYTES);
        r->buf = g_realloc(r->buf, r->cap);
    }
    while (r->end < r->cap && !r->eof) {
        gsize got = 0;
        g_autoptr(GError) local = NULL;
        if (!g_input_stream_read_all(r->stream, r->buf + r->end,
                                     MIN(MIN(CHUNK, r->cap - r->end), most), &got, NULL, &local)) {
            /* Broken or truncated gzip is bad input data, not an I/O failure. */
            if (g_error_matches(local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA) ||
                g_error_matches(local, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
                g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                            "%s:%" G_GUINT64_FORMAT ": compressed data is %s (%s)", r->origin,
                            r->number + 1,
                            local->code == G_IO_ERROR_INVALID_DATA ? "corrupt" : "truncated",
                            local->message);
            else
                g_set_error(error, local->domain, local->code, "%s: %s", r->origin, local->message);
            return FALSE;
        }
        r->end += got;
        if (got == 0)
            r->eof = TRUE;
        if (got > 0)
            break;
    }
    return TRUE;
}

static gboolean too_long(WpLineReader *r, GError **error)
{
    g_set_error(error, WP_ERROR, WP_ERROR_LIMIT,
                "%s:%" G_GUINT64_FORMAT ": line longer than %u bytes", r->origin, r->number + 1,
                WP_MAX_LINE_BYTES);
    return FALSE;
}

/* Where the line at @p ends: @cr is its CR when a CR comes first, @nl the LF that ends it (the
 * first byte, or the one right after @cr); both NULL when @p[0, @avail) holds neither. The search
 * window grows fourfold, so a line costs O(its length): one memchr for LF over the whole buffer
 * made files with bare CR line ends quadratic (80 s for 4 MiB). Cannot fail. */
static void find_line_end(char *p, gsize avail, char **cr, char **nl)
{
    for (gsize w = MIN(avail, 256);; w = MIN(avail, w * 4)) {
        char *lf = memchr(p, '\n', w);
        char *c = memchr(p, '\r', lf ? (gsize)(lf - p) : w);
        if (c != NULL) {
            *cr = c;
            *nl = c + 1 < p + avail && c[1] == '\n' ? c + 1 : NULL;
            return;
        }
        if (lf != NULL || w == avail) {
            *nl = lf;
            return;
        }
    }
}

gboolean wp_i_lines_next(WpLineReader *r, const char **line, gsize *len, GError **error)
{
    for (;;) {
        char *p = r->buf + r->start;
        gsize avail = r->end - r->start;
        char *nl = NULL, *cr = NULL;
        find_line_end(p, avail, &cr, &nl);
        gsize seg = nl ? (gsize)(nl - p) : avail;
        /* A CR that ends the available data may be the first half of a CRLF: read on. */
        gboolean cr_at_edge = cr && nl == NULL && cr == p + avail - 1 && !r->eof;
        if ((nl || cr) && !cr_at_edge) {
            gsize n = cr ? (gsize)(cr - p) : seg;
            if (n > WP_MAX_LINE_BYTES)
                return too_long(r, error);
            gsize skip = cr && cr + 1 == nl ? n + 2 : n + 1;
            if (r->number == 0 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
                p += 3;
                n -= 3;
            }
            r->start += skip;
            r->number++;
            *line = p;
            *len = n;
            return TRUE;
        }
        if (r->eof) {
            if (avail == 0)
                return FALSE;
            if (avail > WP_MAX_LINE_BYTES)
                return too_long(r, error);
            /* Last line without a terminator: hand it out in place and finish. */
            r->start = r->end;
            r->number++;
            if (r->number == 1 && avail >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
                p += 3;
                avail -= 3;
            }
            *line = p;
            *len = avail;
            return TRUE;
        }
        if (avail > WP_MAX_LINE_BYTES + (cr_at_edge ? 1u : 0u)) /* the CR is not in the line */
            return too_long(r, error);
        if (!fill(r, G_MAXSIZE, error))
            return FALSE;
    }
}

gboolean wp_i_lines_peek(WpLineReader *r, gsize want, const char **data, gsize *len, GError **error)
{
    want = MIN(want, r->stream ? r->cap : want);
    while (r->end - r->start < want && !r->eof)
        if (!fill(r, want - (r->end - r->start), error))
            return FALSE;
    *data = r->buf + r->start;
    *len = r->end - r->start;
    return TRUE;
}
