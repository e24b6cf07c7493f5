/* SPDX-License-Identifier: MIT */
/* wp_graph_load(): which reader reads which file. */
#include "io/io-private.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

/* TRUE for a line of nothing but spaces, tabs and commas: a blank row in either format. */
static gboolean is_blank_row(const char *line, gsize len)
{
    for (gsize i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != ',')
            return FALSE;
    return TRUE;
}

/* The length of the line at @s (of the @len bytes there), its terminator excluded. */
static gsize line_length(const char *s, gsize len)
{
    gsize n = 0;
    while (n < len && s[n] != '\r' && s[n] != '\n')
        n++;
    return n;
}

/* A ties file is CSV when its first meaningful line (not blank, not a '#' or '%' comment) is a
 * header naming source and target. Decided on the start of the stream, which the reader then
 * reads: the input is never opened twice (a pipe cannot be). An input with no such line within
 * the longest line allowed is an edge list (comments are an edge-list thing); an empty one, CSV
 * (whose reader explains what a ties file needs). */
static gboolean sniff_ties_csv(WpLineReader *reader, gboolean *is_csv, GError **error)
{
    for (gsize want = 64u << 10;; want = MIN(want * 4, WP_MAX_LINE_BYTES + 4)) {
        const char *text = NULL;
        gsize len = 0;
        if (!wp_i_lines_peek(reader, want, &text, &len, error))
            return FALSE;
        const char *p = text, *end = text + len;
        if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
            p += 3;
        while (p < end) {
            gsize n = line_length(p, (gsize)(end - p));
            if (p + n == end && len == want)
                break; /* the line may go on past what was read */
            if (!is_blank_row(p, n) && p[0] != '#' && p[0] != '%') {
                g_autofree char *head = g_ascii_strdown(p, (gssize)n);
                *is_csv = strstr(head, "source") != NULL && strstr(head, "target") != NULL &&
                          strchr(head, ',') != NULL;
                return TRUE;
            }
            p += n + 1;
        }
        if (len < want || want == WP_MAX_LINE_BYTES + 4) {
            *is_csv = len < want && p >= end;
            return TRUE;
        }
    }
}

/* Whether @options let the chunked reader try a text of @size bytes. */
static gboolean chunked_allowed(WpGraphBuilder *builder, const WpTiesReadOptions *options,
                                guint64 size)
{
    return !options->line_reader_only && !(wp_i_builder_flags(builder) & WP_LOAD_STRICT) &&
           size >= MAX(options->min_bytes, 1);
}

/* A CSV in a plain regular file goes to the chunked reader first; a file it gives up on, and
 * anything else (a pipe, gzip, an edge list), to the line readers, through @reader. */
static gboolean read_ties(WpGraphBuilder *builder, WpInput *input, WpLineReader *reader,
                          gboolean is_csv, const WpTiesReadOptions *options, GError **error)
{
    if (is_csv && wp_i_input_is_regular(input) && !wp_i_lines_is_compressed(reader) &&
        chunked_allowed(builder, options, wp_i_input_size(input))) {
        WpTiesText text = {NULL, wp_i_input_fd(input), wp_i_input_size(input)};
        gboolean gave_up = TRUE;
        if (!wp_i_read_ties_chunked(builder, &text, wp_i_input_origin(input), options, &gave_up,
                                    error))
            return FALSE;
        if (!gave_up)
            return TRUE;
    }
    return is_csv ? wp_i_read_ties_csv(builder, reader, error)
                  : wp_i_read_edgelist(builder, reader, error);
}

/* After @input was read (@ok: successfully): a change meanwhile overrides what the read said,
 * which may be its consequence (a row cut in half). */
static gboolean finish_input(const WpInput *input, gboolean ok, GError **error)
{
    g_autoptr(GError) changed = NULL;
    if (wp_i_input_check_unchanged(input, &changed))
        return ok;
    g_clear_error(error);
    g_propagate_error(error, g_steal_pointer(&changed));
    return FALSE;
}

static gboolean load_people(WpGraphBuilder *builder, WpInput *input, GError **error)
{
    g_autoptr(WpLineReader) reader = wp_i_lines_open_input(input, error);
    if (reader == NULL)
        return FALSE;
    return finish_input(input, wp_i_read_people_csv(builder, reader, error), error);
}

static gboolean load_ties(WpGraphBuilder *builder, const WpLoadSpec *spec, WpInput *input,
                          const WpTiesReadOptions *options, GError **error)
{
    g_autoptr(WpLineReader) reader = wp_i_lines_open_input(input, error);
    if (reader == NULL)
        return FALSE;
    gboolean is_csv = spec->ties_format == WP_TIES_FORMAT_CSV;
    gboolean ok =
        (spec->ties_format != WP_TIES_FORMAT_AUTO || sniff_ties_csv(reader, &is_csv, error)) &&
        read_ties(builder, input, reader, is_csv, options, error);
    return finish_input(input, ok, error);
}

void wp_i_inputs_clear(WpInputs *in)
{
    g_clear_pointer(&in->people, wp_i_input_free);
    g_clear_pointer(&in->ties, wp_i_input_free);
}

WpFolderRead *wp_i_graph_read_begin(const WpLoadSpec *spec, GError **error)
{
    const char *files[] = {spec->ties_file, spec->people_file};
    return wp_i_folder_read_begin(files, G_N_ELEMENTS(files), error);
}

/* Opening a FIFO waits for its writer: not while a folder is locked. */
static gboolean is_pipe_or_device(const char *filename)
{
    GStatBuf st;
    return g_stat(filename, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

/* Regular files (and missing ones, for their error) are opened under their folders' shared
 * commit lock, pipes and devices after it. Once open, a file replaced by an import is still
 * read whole from its descriptor, so the lock is held for microseconds, not for the parse:
 * readers never keep an import waiting. */
gboolean wp_i_graph_open_inputs(const WpLoadSpec *spec, gboolean locked, WpInputs *out,
                                GError **error)
{
    const char *names[] = {spec->people_file, spec->ties_file};
    WpInput **slots[] = {&out->people, &out->ties};
    g_autoptr(WpFolderRead) read = locked ? NULL : wp_i_graph_read_begin(spec, error);
    if (!locked && read == NULL)
        return FALSE;
    for (guint pass = 0; pass < 2; pass++) {
        for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
            if (names[i] == NULL || is_pipe_or_device(names[i]) != (pass == 1))
                continue;
            if ((*slots[i] = wp_i_input_open(names[i], error)) == NULL) {
                wp_i_inputs_clear(out);
                return FALSE;
            }
        }
        g_clear_pointer(&read, wp_i_folder_read_end);
    }
    return TRUE;
}

WpGraph *wp_i_graph_parse_inputs(const WpLoadSpec *spec, WpInputs *in,
                                 const WpTiesReadOptions *options, GError **error)
{
    g_autoptr(WpGraphBuilder) builder = wp_i_builder_new(spec->flags);
    wp_i_builder_set_weights(builder, spec);
    if (in->people != NULL && !load_people(builder, in->people, error))
        return NULL;
    if (!load_ties(builder, spec, in->ties, options, error))
        return NULL;
    return wp_i_builder_finish(g_steal_pointer(&builder), error);
}

WpGraph *wp_i_graph_load_with(const WpLoadSpec *spec, const WpTiesReadOptions *options,
                              GError **error)
{
    g_return_val_if_fail(spec != NULL && spec->ties_file != NULL && options != NULL, NULL);
    g_auto(WpInputs) inputs = {NULL, NULL};
    if (!wp_i_graph_open_inputs(spec, FALSE, &inputs, error))
        return NULL;
    return wp_i_graph_parse_inputs(spec, &inputs, options, error);
}

WpGraph *wp_graph_load(const WpLoadSpec *spec, GError **error)
{
    return wp_i_graph_load_with(spec, &WP_TIES_READ_DEFAULTS, error);
}

WpGraph *wp_i_graph_load_from_data_with(const char *ties_csv, const char *people_csv,
                                        WpLoadFlags flags, const WpTiesReadOptions *options,
                                        GError **error)
{
    WpLoadSpec spec = {.flags = flags};
    return wp_i_graph_load_from_data_spec(ties_csv, people_csv, &spec, options, error);
}

WpGraph *wp_i_graph_load_from_data_spec(const char *ties_csv, const char *people_csv,
                                        const WpLoadSpec *spec, const WpTiesReadOptions *options,
                                        GError **error)
{
    g_return_val_if_fail(ties_csv != NULL && spec != NULL && options != NULL, NULL);
    g_autoptr(WpGraphBuilder) builder = wp_i_builder_new(spec->flags);
    wp_i_builder_set_weights(builder, spec);
    if (people_csv != NULL) {
        g_autoptr(WpLineReader) people = wp_i_lines_new_for_data(people_csv, "people");
        if (!wp_i_read_people_csv(builder, people, error))
            return NULL;
    }
    WpTiesText text = {ties_csv, -1, strlen(ties_csv)};
    gboolean gave_up = TRUE;
    if (chunked_allowed(builder, options, text.size) &&
        !wp_i_read_ties_chunked(builder, &text, "ties", options, &gave_up, error))
        return NULL;
    g_autoptr(WpLineReader) ties = wp_i_lines_new_for_data(ties_csv, "ties");
    if (gave_up && !wp_i_read_ties_csv(builder, ties, error))
        return NULL;
    return wp_i_builder_finish(g_steal_pointer(&builder), error);
}

WpGraph *wp_graph_load_from_data(const char *ties_csv, const char *people_csv, WpLoadFlags flags,
                                 GError **error)
{
    return wp_i_graph_load_from_data_with(ties_csv, people_csv, flags, &WP_TIES_READ_DEFAULTS,
                                          error);
}
