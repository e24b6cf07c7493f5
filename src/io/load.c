/* SPDX-License-Identifier: MIT */
/* wp_graph_load(): which reader reads which file. */
#include "io/io-private.h"

#include <glib/gstdio.h>
#include <string.h>

/* TRUE for a line of nothing but spaces, tabs and commas: a blank row in either format. */
static gboolean is_blank_row(const char *line, gsize len)
{
    for (gsize i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != ',')
            return FALSE;
    return TRUE;
}

/* A ties file is CSV when its first meaningful line is a header naming source and target. */
static gboolean looks_like_ties_csv(const char *filename, GError **error, gboolean *is_csv)
{
    g_autoptr(WpLineReader) reader = wp_i_lines_open(filename, error);
    if (reader == NULL)
        return FALSE;
    const char *line = NULL;
    gsize len = 0;
    GError *local = NULL;
    *is_csv = FALSE;
    while (wp_i_lines_next(reader, &line, &len, &local)) {
        if (is_blank_row(line, len) || line[0] == '#' || line[0] == '%')
            continue;
        g_autofree char *head = g_ascii_strdown(line, (gssize)len);
        *is_csv = strstr(head, "source") != NULL && strstr(head, "target") != NULL &&
                  strchr(head, ',') != NULL;
        return TRUE;
    }
    if (local != NULL) {
        g_propagate_error(error, local);
        return FALSE;
    }
    *is_csv = TRUE; /* empty: let the CSV reader explain what a ties file needs */
    return TRUE;
}

/* Reads @text with the chunked reader when @options allow; @done says whether it did. */
static gboolean read_ties_chunked(WpGraphBuilder *builder, GBytes *text, gboolean mapped,
                                  const char *origin, const WpTiesReadOptions *options,
                                  gboolean *done, GError **error)
{
    gboolean gave_up = TRUE;
    *done = FALSE;
    if (options->line_reader_only || (wp_i_builder_flags(builder) & WP_LOAD_STRICT) ||
        g_bytes_get_size(text) < MAX(options->min_bytes, 1)) {
        g_bytes_unref(text);
        return TRUE;
    }
    if (!wp_i_read_ties_chunked(builder, text, mapped, origin, options, &gave_up, error))
        return FALSE;
    *done = !gave_up;
    return TRUE;
}

/* A CSV in a plain file goes to the chunked reader first (it needs the whole file mapped); a
 * file it gives up on, and anything else, to the line readers. */
static gboolean read_ties_file(WpGraphBuilder *builder, const WpLoadSpec *spec, gboolean is_csv,
                               const WpTiesReadOptions *options, GError **error)
{
    if (is_csv && !g_str_has_suffix(spec->ties_file, ".gz") &&
        g_file_test(spec->ties_file, G_FILE_TEST_IS_REGULAR)) {
        /* A file that cannot be mapped goes on below, where the line reader says why. */
        g_autoptr(GMappedFile) map = g_mapped_file_new(spec->ties_file, FALSE, NULL);
        gboolean done = FALSE;
        g_autofree char *origin = g_filename_display_name(spec->ties_file);
        if (map != NULL && !read_ties_chunked(builder, g_mapped_file_get_bytes(map), TRUE, origin,
                                              options, &done, error))
            return FALSE;
        if (done)
            return TRUE;
    }
    g_autoptr(WpLineReader) ties = wp_i_lines_open(spec->ties_file, error);
    if (ties == NULL)
        return FALSE;
    return is_csv ? wp_i_read_ties_csv(builder, ties, error)
                  : wp_i_read_edgelist(builder, ties, error);
}

WpGraph *wp_i_graph_load_with(const WpLoadSpec *spec, const WpTiesReadOptions *options,
                              GError **error)
{
    g_return_val_if_fail(spec != NULL && spec->ties_file != NULL && options != NULL, NULL);
    g_autoptr(WpGraphBuilder) builder = wp_i_builder_new(spec->flags);
    wp_i_builder_set_weights(builder, spec);
    if (spec->people_file != NULL) {
        g_autoptr(WpLineReader) people = wp_i_lines_open(spec->people_file, error);
        if (people == NULL || !wp_i_read_people_csv(builder, people, error))
            return NULL;
    }
    gboolean is_csv = spec->ties_format == WP_TIES_FORMAT_CSV;
    if (spec->ties_format == WP_TIES_FORMAT_AUTO &&
        !looks_like_ties_csv(spec->ties_file, error, &is_csv))
        return NULL;
    if (!read_ties_file(builder, spec, is_csv, options, error))
        return NULL;
    return wp_i_builder_finish(g_steal_pointer(&builder), error);
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
    gboolean done = FALSE;
    if (!read_ties_chunked(builder, g_bytes_new_static(ties_csv, strlen(ties_csv)), FALSE, "ties",
                           options, &done, error))
        return NULL;
    g_autoptr(WpLineReader) ties = wp_i_lines_new_for_data(ties_csv, "ties");
    if (!done && !wp_i_read_ties_csv(builder, ties, error))
        return NULL;
    return wp_i_builder_finish(g_steal_pointer(&builder), error);
}

WpGraph *wp_graph_load_from_data(const char *ties_csv, const char *people_csv, WpLoadFlags flags,
                                 GError **error)
{
    return wp_i_graph_load_from_data_with(ties_csv, people_csv, flags, &WP_TIES_READ_DEFAULTS,
                                          error);
}

/* The snapshot's name: a digest of what was asked for, so each input set has its own. */
static char *snapshot_path(const WpLoadSpec *spec, const char *cache_dir)
{
    g_autofree char *ties = g_canonicalize_filename(spec->ties_file, NULL);
    g_autofree char *people =
        spec->people_file ? g_canonicalize_filename(spec->people_file, NULL) : g_strdup("");
    g_autofree char *key = g_strdup_printf("%s\n%s\n%d\n%016" G_GINT64_MODIFIER "x", ties, people,
                                           spec->flags, wp_i_load_spec_key(spec));
    g_autofree char *digest = g_compute_checksum_for_string(G_CHECKSUM_SHA256, key, -1);
    g_autofree char *name = g_strdup_printf("%.32s.wpsnap", digest);
    return cache_dir ? g_build_filename(cache_dir, name, NULL)
                     : g_build_filename(g_get_user_cache_dir(), "warmpath", name, NULL);
}

WpGraph *wp_graph_load_cached(const WpLoadSpec *spec, const char *cache_dir, guint64 min_bytes,
                              gboolean *from_cache, GError **error)
{
    g_return_val_if_fail(spec != NULL && spec->ties_file != NULL, NULL);
    GStatBuf st;
    if (from_cache)
        *from_cache = FALSE;
    if (g_stat(spec->ties_file, &st) != 0 || (guint64)st.st_size < min_bytes)
        return wp_graph_load(spec, error);
    g_autofree char *path = snapshot_path(spec, cache_dir);
    WpGraph *graph = wp_i_snapshot_load(path, spec, NULL); /* any failure: parse instead */
    if (graph != NULL) {
        if (from_cache)
            *from_cache = TRUE;
        return graph;
    }
    graph = wp_graph_load(spec, error);
    if (graph != NULL) {
        g_autofree char *dir = g_path_get_dirname(path);
        if (g_mkdir_with_parents(dir, 0700) == 0)
            wp_i_snapshot_save(graph, spec, path, NULL); /* a cache; the answer stands without */
    }
    return graph;
}
