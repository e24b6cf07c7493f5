/* SPDX-License-Identifier: MIT */
/* What the loading tests share: loading text or files and checking errors and warnings. */
#pragma once

#include <warmpath/warmpath.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static inline WpGraph *load_ok(const char *ties, const char *people, WpLoadFlags flags)
{
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load_from_data(ties, people, flags, &error);
    g_assert_no_error(error);
    g_assert_nonnull(graph);
    return graph;
}

static inline WpPerson person(const WpGraph *graph, const char *id)
{
    WpPerson p = wp_graph_find_id(graph, id);
    if (p == WP_PERSON_NONE)
        g_error("no person '%s'", id);
    return p;
}

/* The tie a request can follow from @a to @b, which must exist. */
static inline void tie_info(const WpGraph *graph, const char *a, const char *b, WpTieInfo *out)
{
    WpTie tie;
    g_assert_true(wp_graph_find_tie(graph, person(graph, a), person(graph, b), &tie));
    wp_graph_tie_info(graph, tie, out);
}

static inline gboolean tied(const WpGraph *graph, const char *a, const char *b)
{
    return wp_graph_find_tie(graph, person(graph, a), person(graph, b), NULL);
}

/* The message starts with @prefix ("ties:3: ") and contains @part (a field name, ...). */
static inline void assert_message(const GError *error, const char *prefix, const char *part)
{
    g_assert_nonnull(error);
    if (!g_str_has_prefix(error->message, prefix) ||
        (part != NULL && strstr(error->message, part) == NULL))
        g_error("message '%s' lacks prefix '%s' or part '%s'", error->message, prefix,
                part ? part : "");
}

static inline void assert_load_fails(const char *ties, const char *people, WpLoadFlags flags,
                                     gint code, const char *prefix, const char *part)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph = wp_graph_load_from_data(ties, people, flags, &error);
    g_assert_null(graph);
    g_assert_error(error, WP_ERROR, code);
    assert_message(error, prefix, part);
}

/* The first example of @kind starts with @prefix and contains @part. */
static inline void assert_example(const WpGraph *graph, WpWarningKind kind, const char *prefix,
                                  const char *part)
{
    const GPtrArray *examples = wp_graph_warning_examples(graph, kind);
    g_assert_cmpuint(examples->len, >, 0);
    const char *text = examples->pdata[0];
    if (!g_str_has_prefix(text, prefix) || (part && strstr(text, part) == NULL))
        g_error("example '%s' lacks prefix '%s' or part '%s'", text, prefix, part ? part : "");
}

/* A fresh temporary directory, removed (with its files) by the fixture-free tests themselves. */
static inline char *temp_dir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("wp-test-load-XXXXXX", &error);
    g_assert_no_error(error);
    return dir;
}

static inline void remove_dir(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_remove(path);
    }
    g_rmdir(dir);
}

static inline char *write_file(const char *dir, const char *name, const char *data, gssize len)
{
    g_autoptr(GError) error = NULL;
    char *path = g_build_filename(dir, name, NULL);
    g_file_set_contents(path, data, len, &error);
    g_assert_no_error(error);
    return path;
}

static inline char *write_gzip(const char *dir, const char *name, const char *data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GZlibCompressor) gz = g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
    g_autoptr(GInputStream) plain =
        g_memory_input_stream_new_from_data(data, (gssize)strlen(data), NULL);
    g_autoptr(GInputStream) packed = g_converter_input_stream_new(plain, G_CONVERTER(gz));
    g_autoptr(GByteArray) bytes = g_byte_array_new();
    guint8 buf[4096];
    gssize got;
    while ((got = g_input_stream_read(packed, buf, sizeof buf, NULL, &error)) > 0)
        g_byte_array_append(bytes, buf, (guint)got);
    g_assert_no_error(error);
    g_assert_cmpuint(bytes->len, >, 18);
    g_assert_cmpuint(bytes->data[0], ==, 0x1f); /* gzip magic */
    g_assert_cmpuint(bytes->data[1], ==, 0x8b);
    return write_file(dir, name, (const char *)bytes->data, bytes->len);
}

static inline WpGraph *load_file(const char *ties, const char *people, WpTiesFormat format,
                                 WpLoadFlags flags, GError **error)
{
    WpLoadSpec spec = {
        .ties_file = ties, .people_file = people, .ties_format = format, .flags = flags};
    return wp_graph_load(&spec, error);
}

/* ---- well-formed CSV ---- */

/* The small network both test files load. */
static const char people_csv[] = "id,name,company,company_size,team,linkedin_url\n"
                                 "a,Ann Lee,Acme,1200,sales-east,https://x/ann\n"
                                 "b,Bo Chan,Acme,51-200,,\n"
                                 "c,\"Cy, Jr.\",Globex,10001+,yes,\n"
                                 "d,Di,Initech,,no,\n";
static const char ties_csv[] = "source,target,strength,type,last_contact,interactions\n"
                               "a,b,0.4,colleague,2024-01-05,3\n"
                               "b,c,,client,,\n"
                               "c,d,1,friend;family,2026-10-31,0\n";

static inline void check_basic_graph(const WpGraph *g)
{
    g_assert_cmpuint(wp_graph_n_people(g), ==, 4);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 3);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 3);
    g_assert_false(wp_graph_has_directed_ties(g));
    g_assert_cmpstr(wp_graph_person_label(g, person(g, "c")), ==, "Cy, Jr.");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "a"), "company"), ==, "Acme");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "a"), "linkedin_url"), ==, "https://x/ann");
    g_assert_null(wp_graph_person_attr(g, person(g, "b"), "linkedin_url")); /* empty */
    g_assert_null(wp_graph_person_attr(g, person(g, "b"), "no_such_column"));

    WpTieInfo info;
    tie_info(g, "b", "a", &info);
    g_assert_cmpfloat(info.declared, ==, 0.4);
    g_assert_cmpuint(info.types, ==, WP_TIE_TYPE_BIT(WP_TIE_COLLEAGUE));
    /* 2024-01-05: 54 years of 365 days, 13 leap days, 4 days */
    g_assert_cmpint(info.last_contact, ==, 19727);
    g_assert_cmpint(info.interactions, ==, 3);
    g_assert_cmpuint(info.rows, ==, 1);
    g_assert_cmpuint(info.source, ==, person(g, "a"));
    tie_info(g, "b", "c", &info);
    g_assert_true(isnan(info.declared));
    g_assert_cmpint(info.last_contact, ==, WP_DAY_NONE);
    g_assert_cmpint(info.interactions, ==, -1);
    tie_info(g, "d", "c", &info);
    g_assert_cmpfloat(info.declared, ==, 1.0);
    g_assert_cmpuint(info.types, ==,
                     WP_TIE_TYPE_BIT(WP_TIE_FRIEND) | WP_TIE_TYPE_BIT(WP_TIE_FAMILY));
    g_assert_cmpint(info.interactions, ==, 0);
    g_assert_false(tied(g, "a", "c"));
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++)
        g_assert_cmpuint(wp_graph_warning_count(g, k), ==, 0);
}
