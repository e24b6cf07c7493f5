/* SPDX-License-Identifier: MIT */
/* The data-folder tests' fixtures (test-folder.c, test-folder-readers.c): the two sellers'
 * exports, the folder states they make, run through the real `warmpath` program. */
#pragma once

#include "fault-helpers.h"

/* ---- the two exports and the folder states they make ---- */

static inline char *fixture(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", name, NULL);
}

/* The arguments of `warmpath import` for seller @who ("alice" or "carol") into @dir. */
static inline GPtrArray *import_args(const char *who, const char *dir)
{
    gboolean alice = strcmp(who, "alice") == 0;
    GPtrArray *args = g_ptr_array_new_with_free_func(g_free);
    const char *fixed[] = {"import",        "linkedin",
                           "--data",        dir,
                           "--owner",       who,
                           "--owner-name",  alice ? "Alice Carter" : "Carol Diaz",
                           "--exported-on", alice ? "2026-01-10" : "2025-12-20"};
    for (guint i = 0; i < G_N_ELEMENTS(fixed); i++)
        g_ptr_array_add(args, g_strdup(fixed[i]));
    g_ptr_array_add(args, fixture(alice ? "import-linkedin-modern.csv" : "import-linkedin-fr.csv"));
    g_ptr_array_add(args, NULL);
    return args;
}

static inline void import(FaultRun *r, char **env, const char *who, const char *dir)
{
    g_autoptr(GPtrArray) args = import_args(who, dir);
    fault_run_argv(r, env, NULL, (const char *const *)args->pdata);
}

/* people.csv, edges.csv and their .bak files (NULL when absent). */
typedef struct {
    char *people, *edges, *people_bak, *edges_bak;
} State;

static inline void state_clear(State *s)
{
    g_free(s->people);
    g_free(s->edges);
    g_free(s->people_bak);
    g_free(s->edges_bak);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(State, state_clear)

static inline char *read_in(const char *dir, const char *name)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    return fault_read(path);
}

static inline void state_read(State *s, const char *dir)
{
    s->people = read_in(dir, "people.csv");
    s->edges = read_in(dir, "edges.csv");
    s->people_bak = read_in(dir, "people.csv.bak");
    s->edges_bak = read_in(dir, "edges.csv.bak");
}

static inline gboolean same_pair(const char *people, const char *edges, const char *p,
                                 const char *e)
{
    return g_strcmp0(people, p) == 0 && g_strcmp0(edges, e) == 0;
}

/* Reference folders: after alice's import (A), and after carol's on top of it (AB). */
typedef struct {
    char *tmp;
    char *a, *ab;
    State after_a, after_ab;
    char *stats_a, *stats_ab; /* `warmpath stats --data DIR -f csv` of each */
} Reference;

static inline char *stats_of(const char *dir)
{
    g_auto(GStrv) env = fault_environment(NULL, NULL);
    g_auto(FaultRun) r = {0};
    fault_run(&r, env, "stats", "--data", dir, "-f", "csv", NULL);
    g_assert_cmpint(r.status, ==, 0);
    /* The file names in the warning examples differ between folders. */
    g_autofree char *prefix = g_strdup_printf("%s/", dir);
    g_auto(GStrv) parts = g_strsplit(r.out, prefix, -1);
    return g_strjoinv("", parts);
}

static inline void reference_init(Reference *ref)
{
    ref->tmp = fault_temp_dir();
    ref->a = g_build_filename(ref->tmp, "a", NULL);
    ref->ab = g_build_filename(ref->tmp, "ab", NULL);
    g_auto(GStrv) env = fault_environment(NULL, NULL);
    const char *const steps[][2] = {{"alice", "a"}, {"alice", "ab"}, {"carol", "ab"}};
    for (guint i = 0; i < G_N_ELEMENTS(steps); i++) {
        g_auto(FaultRun) r = {0};
        g_autofree char *dir = g_build_filename(ref->tmp, steps[i][1], NULL);
        import(&r, env, steps[i][0], dir);
        g_assert_cmpint(r.status, ==, 0);
    }
    state_read(&ref->after_a, ref->a);
    state_read(&ref->after_ab, ref->ab);
    g_assert_null(ref->after_a.people_bak);
    g_assert_cmpstr(ref->after_ab.people_bak, ==, ref->after_a.people);
    g_assert_cmpstr(ref->after_ab.edges_bak, ==, ref->after_a.edges);
    g_assert_cmpstr(ref->after_a.people, !=, ref->after_ab.people);
    g_assert_cmpstr(ref->after_a.edges, !=, ref->after_ab.edges);
    ref->stats_a = stats_of(ref->a);
    ref->stats_ab = stats_of(ref->ab);
    g_assert_cmpstr(ref->stats_a, !=, ref->stats_ab);
}

static inline void reference_clear(Reference *ref)
{
    fault_remove_tree(ref->tmp);
    g_free(ref->tmp);
    g_free(ref->a);
    g_free(ref->ab);
    state_clear(&ref->after_a);
    state_clear(&ref->after_ab);
    g_free(ref->stats_a);
    g_free(ref->stats_ab);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Reference, reference_clear)

/* A fresh copy of folder @from at @to (regular files only). */
static inline void copy_folder(const char *from, const char *to)
{
    fault_remove_tree(to);
    g_assert_cmpint(g_mkdir(to, 0755), ==, 0);
    g_autoptr(GDir) d = g_dir_open(from, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        g_autofree char *text = read_in(from, name);
        g_autofree char *path = fault_write(to, name, text);
    }
}
