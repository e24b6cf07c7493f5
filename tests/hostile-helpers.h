/* SPDX-License-Identifier: MIT */
/* Helpers shared by test-hostile.c and test-hostile-limits.c: fixtures, loads, and an assertion
 * that an error is WP_ERROR/CODE with a message starting "FILE:LINE: ". */
#pragma once

#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>

static inline char *fixture(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", name, NULL);
}

static inline WpGraph *load_files(const char *ties, const char *people, WpTiesFormat format,
                                  WpLoadFlags flags, GError **error)
{
    WpLoadSpec spec = {
        .ties_file = ties, .people_file = people, .ties_format = format, .flags = flags};
    return wp_graph_load(&spec, error);
}

/* @error is WP_ERROR/@code, its message starts "ORIGIN:LINE: " and holds @part (when given). */
static inline void assert_error_at(const GError *error, gint code, const char *origin, guint line,
                                   const char *part)
{
    g_assert_error(error, WP_ERROR, code);
    g_autofree char *prefix = g_strdup_printf("%s:%u: ", origin, line);
    g_autofree char *head = g_strndup(error->message, strlen(prefix));
    g_assert_cmpstr(head, ==, prefix);
    if (part != NULL && strstr(error->message, part) == NULL)
        g_assert_cmpstr(error->message, ==, part); /* fails, printing both */
}

/* Loading fixture @ties (and @people) fails with @code at @line of @bad (a fixture name). */
static inline void assert_fixture_fails(const char *ties, const char *people, WpTiesFormat format,
                                        gint code, const char *bad, guint line, const char *part)
{
    g_autofree char *ties_path = fixture(ties);
    g_autofree char *people_path = people ? fixture(people) : NULL;
    g_autofree char *bad_path = fixture(bad);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_files(ties_path, people_path, format, 0, &error);
    g_assert_null(g);
    assert_error_at(error, code, bad_path, line, part);
}

static inline void assert_data_fails(const char *ties, const char *people, WpLoadFlags flags,
                                     gint code, const char *origin, guint line, const char *part)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(ties, people, flags, &error);
    g_assert_null(g);
    assert_error_at(error, code, origin, line, part);
}

static inline WpGraph *load_data_ok(const char *ties, const char *people, WpLoadFlags flags)
{
    g_autoptr(GError) error = NULL;
    WpGraph *g = wp_graph_load_from_data(ties, people, flags, &error);
    g_assert_no_error(error);
    g_assert_nonnull(g);
    return g;
}

static inline WpPerson person(const WpGraph *g, const char *id)
{
    WpPerson p = wp_graph_find_id(g, id);
    g_assert_cmpuint(p, !=, WP_PERSON_NONE);
    return p;
}

static inline const char *attr(const WpGraph *g, const char *id, const char *column)
{
    return wp_graph_person_attr(g, person(g, id), column);
}

static inline void tie_between(const WpGraph *g, const char *a, const char *b, WpTieInfo *out)
{
    WpTie t;
    g_assert_true(wp_graph_find_tie(g, person(g, a), person(g, b), &t));
    wp_graph_tie_info(g, t, out);
}

/* A temporary directory, removed (one level deep) by remove_dir(). */
static inline char *temp_dir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("wp-hostile-XXXXXX", &error);
    g_assert_no_error(error);
    return dir;
}

static inline void remove_dir(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_remove(path);
    }
    g_rmdir(dir);
}

static inline double seconds_since(gint64 start)
{
    return (double)(g_get_monotonic_time() - start) / G_USEC_PER_SEC;
}

static inline long max_rss_kb(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}
