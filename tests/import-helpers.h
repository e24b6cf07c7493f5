/* SPDX-License-Identifier: MIT */
/* Helpers shared by the import tests: a scratch data directory per case, fixtures, importing
 * one file, and looking people and ties up in the reloaded network. */
#pragma once

#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "import/import-private.h"

static inline char *fixture(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", name, NULL);
}

static inline void rm_rf(const char *path)
{
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        g_autoptr(GDir) dir = g_dir_open(path, 0, NULL);
        const char *name;
        while (dir != NULL && (name = g_dir_read_name(dir)) != NULL) {
            g_autofree char *child = g_build_filename(path, name, NULL);
            rm_rf(child);
        }
        g_rmdir(path);
    } else {
        g_unlink(path);
    }
}

typedef struct {
    char *tmp; /* a fresh directory, removed after the case */
    char *dir; /* tmp/net: the data directory (not created in advance) */
} Fixture;

static inline void setup(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    f->tmp = g_dir_make_tmp("wp-import-XXXXXX", &error);
    g_assert_no_error(error);
    f->dir = g_build_filename(f->tmp, "net", NULL);
}

static inline void teardown(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    rm_rf(f->tmp);
    g_free(f->tmp);
    g_free(f->dir);
}

static inline char *read_file(const char *dir, const char *name)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_file_get_contents(path, &text, NULL, &error);
    g_assert_no_error(error);
    return text;
}

static inline gboolean exists(const char *dir, const char *name)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    return g_file_test(path, G_FILE_TEST_EXISTS);
}

static inline WpDay day(const char *iso)
{
    WpDay d = WP_DAY_NONE;
    g_assert_true(wp_day_parse(iso, &d));
    return d;
}

/* A seller export: the owner is created with a name, company and team when new. */
static inline WpImportOptions seller(const char *owner, const char *name, const char *team,
                                     const char *exported_on)
{
    WpImportOptions o;
    wp_import_options_init(&o);
    o.owner = owner;
    o.owner_name = name;
    o.owner_company = "Warmpath Inc";
    o.team = team;
    o.exported_on = day(exported_on);
    return o;
}

/* Opens @dir, imports one file, saves; returns the session for its report. */
static inline WpImport *import_one(const char *dir, WpImportSource source, const char *name,
                                   const WpImportOptions *o, gboolean *written)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *file = fixture(name);
    WpImport *imp = wp_import_open(dir, &error);
    g_assert_no_error(error);
    gboolean added = wp_import_add_file(imp, source, file, o, &error);
    g_assert_no_error(error);
    g_assert_true(added);
    gboolean wrote = FALSE;
    g_assert_true(wp_import_save(imp, &wrote, &error));
    g_assert_no_error(error);
    if (written)
        *written = wrote;
    return imp;
}

/* The same for a file given by path (written by the test). */
static inline WpImport *import_one_path(const char *dir, WpImportSource source, const char *file,
                                        const WpImportOptions *o)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpImport) imp = wp_import_open(dir, &error);
    g_assert_no_error(error);
    g_assert_true(wp_import_add_file(imp, source, file, o, &error));
    g_assert_no_error(error);
    g_assert_true(wp_import_save(imp, NULL, &error));
    g_assert_no_error(error);
    return g_steal_pointer(&imp);
}

static inline void import_alice(const char *dir)
{
    WpImportOptions o = seller("alice", "Alice Carter", "sales-east", "2026-01-10");
    g_autoptr(WpImport) imp =
        import_one(dir, WP_IMPORT_LINKEDIN, "import-linkedin-modern.csv", &o, NULL);
}

static inline void import_carol(const char *dir)
{
    WpImportOptions o = seller("carol", "Carol Diaz", "sales-east", "2025-12-20");
    g_autoptr(WpImport) imp =
        import_one(dir, WP_IMPORT_LINKEDIN, "import-linkedin-fr.csv", &o, NULL);
}

static inline WpGraph *load_dir(const char *dir)
{
    g_autofree char *people = g_build_filename(dir, "people.csv", NULL);
    g_autofree char *edges = g_build_filename(dir, "edges.csv", NULL);
    WpLoadSpec spec = {.ties_file = edges, .people_file = people, .flags = WP_LOAD_STRICT};
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    return graph;
}

static inline WpPerson person(const WpGraph *g, const char *id)
{
    WpPerson p = wp_graph_find_id(g, id);
    g_assert_cmpuint(p, !=, WP_PERSON_NONE);
    return p;
}

/* The one person with this exact name (and company, when given). */
static inline WpPerson named(const WpGraph *g, const char *name, const char *company)
{
    WpPerson found = WP_PERSON_NONE;
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++) {
        const char *n = wp_graph_person_attr(g, p, WP_COLUMN_NAME);
        const char *c = wp_graph_person_attr(g, p, WP_COLUMN_COMPANY);
        if (g_strcmp0(n, name) == 0 && (company == NULL || g_strcmp0(c, company) == 0)) {
            g_assert_cmpuint(found, ==, WP_PERSON_NONE);
            found = p;
        }
    }
    g_assert_cmpuint(found, !=, WP_PERSON_NONE);
    return found;
}

static inline void tie_of(const WpGraph *g, WpPerson a, WpPerson b, WpTieInfo *info)
{
    WpTie t;
    g_assert_true(wp_graph_find_tie(g, a, b, &t));
    wp_graph_tie_info(g, t, info);
}

static inline guint count_named(const WpGraph *g, const char *name)
{
    guint n = 0;
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++)
        n += g_strcmp0(wp_graph_person_attr(g, p, WP_COLUMN_NAME), name) == 0;
    return n;
}

static inline const WpImportProblem *problem(const WpImportReport *r, guint i)
{
    g_assert_cmpuint(i, <, r->problems->len);
    return r->problems->pdata[i];
}

static inline const WpImportMerge *merge(const WpImportReport *r, guint i)
{
    g_assert_cmpuint(i, <, r->merges->len);
    return r->merges->pdata[i];
}

/* Opens a session on @f->dir and tries one export; returns the error (the session is dropped). */
static inline GError *add_error(const Fixture *f, WpImportSource source, const char *path,
                                const WpImportOptions *o)
{
    GError *error = NULL;
    g_autoptr(WpImport) imp = wp_import_open(f->dir, &error);
    g_assert_no_error(error);
    g_assert_false(wp_import_add_file(imp, source, path, o, &error));
    g_assert_nonnull(error);
    g_assert_cmpuint(wp_import_get_report(imp)->files->len, ==, 0);
    return error;
}

static inline char *write_text(const Fixture *f, const char *name, const char *text)
{
    char *path = g_build_filename(f->tmp, name, NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    return path;
}
