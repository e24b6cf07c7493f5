/* SPDX-License-Identifier: MIT */
/* Readers of a data folder never see people.csv of one generation beside edges.csv of another:
 * neither while a writer commits generation after generation in this process, nor while an
 * import's renames are slowed (tests/fault-shim.c) and a thread loads the folder again and
 * again. */
#include "folder-helpers.h"

#include "io/data-folder.h"

typedef struct {
    char *dir;
    gint stop;
    guint n_read;
} Readers;

/* Generation K of the folder: one person "x" named "K" and one tie from x to "gK". */
static gpointer read_folder(gpointer data)
{
    Readers *rd = data;
    g_autofree char *people = g_build_filename(rd->dir, "people.csv", NULL);
    g_autofree char *edges = g_build_filename(rd->dir, "edges.csv", NULL);
    WpLoadSpec spec = {.ties_file = edges, .people_file = people};
    while (!g_atomic_int_get(&rd->stop)) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
        g_assert_no_error(error);
        WpPerson x = wp_graph_find_id(g, "x");
        g_autofree char *want = g_strdup_printf("g%s", wp_graph_person_attr(g, x, "name"));
        g_assert_cmpuint(wp_graph_n_ties(g), ==, 1);
        WpTieInfo tie;
        wp_graph_tie_info(g, 0, &tie);
        g_assert_cmpstr(wp_graph_person_id(g, tie.target), ==, want);
        g_atomic_int_inc((gint *)&rd->n_read);
    }
    return NULL;
}

/* A writer commits generation after generation while two threads load the folder: every load
 * gives one generation's pair. */
static void test_readers_see_one_generation(void)
{
    g_autofree char *tmp = fault_temp_dir();
    Readers rd = {g_build_filename(tmp, "net", NULL), 0, 0};
    g_autoptr(GError) error = NULL;
    GThread *readers[2] = {NULL, NULL};
    /* At least 100 generations, and on until the readers have loaded 20 times (a loaded machine
     * may give them little time). */
    for (guint k = 0; k < 100 || (g_atomic_int_get((gint *)&rd.n_read) < 20 && k < 5000); k++) {
        g_autoptr(WpFolderLock) lock = wp_i_folder_lock(rd.dir, 10000, NULL, NULL, &error);
        g_assert_no_error(error);
        g_autoptr(WpFolderCommit) commit = wp_i_folder_commit_new(lock);
        g_autofree char *people = g_strdup_printf("id,name\nx,%u\n", k);
        g_autofree char *edges = g_strdup_printf("source,target\nx,g%u\n", k);
        g_assert_true(
            wp_i_folder_commit_replace(commit, "people.csv", people, strlen(people), &error));
        g_assert_true(
            wp_i_folder_commit_replace(commit, "edges.csv", edges, strlen(edges), &error));
        g_assert_true(wp_i_folder_commit_apply(commit, &error));
        for (guint i = 0; k == 0 && i < G_N_ELEMENTS(readers); i++)
            readers[i] = g_thread_new("reader", read_folder, &rd);
    }
    g_atomic_int_set(&rd.stop, 1);
    for (guint i = 0; i < G_N_ELEMENTS(readers); i++)
        g_thread_join(readers[i]);
    g_test_message("%u loads", g_atomic_int_get((gint *)&rd.n_read));
    g_assert_cmpuint(g_atomic_int_get((gint *)&rd.n_read), >=, 20);
    fault_remove_tree(tmp);
    g_free(rd.dir);
}

typedef struct {
    WpLoadSpec spec;
    const WpGraph *before, *after;
    gint stop;
    guint n_before, n_after;
} Watch;

/* Loads the folder until told to stop, then once more; each load must be @before or @after. */
static gpointer watch_folder(gpointer data)
{
    Watch *w = data;
    for (gboolean last = FALSE; !last;) {
        last = g_atomic_int_get(&w->stop);
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = wp_graph_load(&w->spec, &error);
        g_assert_no_error(error);
        gboolean is_before = wp_graph_n_people(g) == wp_graph_n_people(w->before) &&
                             wp_graph_n_ties(g) == wp_graph_n_ties(w->before);
        gboolean is_after = wp_graph_n_people(g) == wp_graph_n_people(w->after) &&
                            wp_graph_n_ties(g) == wp_graph_n_ties(w->after);
        if (!is_before && !is_after)
            g_error("a load saw %u people and %u ties: neither before (%u, %u) nor after (%u, "
                    "%u) the import",
                    wp_graph_n_people(g), wp_graph_n_ties(g), wp_graph_n_people(w->before),
                    wp_graph_n_ties(w->before), wp_graph_n_people(w->after),
                    wp_graph_n_ties(w->after));
        w->n_before += is_before;
        w->n_after += is_after;
        g_usleep(2000);
    }
    return NULL;
}

static WpGraph *load_folder(const char *dir)
{
    g_autofree char *people = g_build_filename(dir, "people.csv", NULL);
    g_autofree char *edges = g_build_filename(dir, "edges.csv", NULL);
    WpLoadSpec spec = {.ties_file = edges, .people_file = people};
    g_autoptr(GError) error = NULL;
    WpGraph *g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    return g;
}

/* Carol's import renamed slowly (0.1 s before each rename, through the fault library) while a
 * thread loads the folder again and again: each load is the folder before or after the
 * import, never people.csv of one beside edges.csv of the other. */
static void test_readers_during_slow_commit(void)
{
    if (fault_shim() == NULL) {
        g_test_skip("no fault-injection library");
        return;
    }
    g_auto(Reference) ref = {0};
    reference_init(&ref);
    g_autofree char *tmp = fault_temp_dir();
    g_autofree char *dir = g_build_filename(tmp, "net", NULL);
    copy_folder(ref.a, dir);
    g_autoptr(WpGraph) before = load_folder(ref.a);
    g_autoptr(WpGraph) after = load_folder(ref.ab);
    g_autofree char *people = g_build_filename(dir, "people.csv", NULL);
    g_autofree char *edges = g_build_filename(dir, "edges.csv", NULL);
    Watch w = {{.ties_file = edges, .people_file = people}, before, after, 0, 0, 0};
    GThread *watcher = g_thread_new("watcher", watch_folder, &w);
    g_usleep(50000);
    g_autofree char *in_dir = g_strdup_printf("WP_FAULT_DIR=%s", dir);
    const char *faults[] = {in_dir, "WP_FAULT_RENAME_DELAY_MS=100", NULL};
    g_auto(GStrv) env = fault_environment(NULL, faults);
    g_auto(FaultRun) r = {0};
    import(&r, env, "carol", dir);
    g_assert_cmpint(r.status, ==, 0);
    g_atomic_int_set(&w.stop, 1);
    g_thread_join(watcher);
    g_test_message("%u loads before the import, %u after", w.n_before, w.n_after);
    g_assert_cmpuint(w.n_before, >, 0);
    g_assert_cmpuint(w.n_after, >, 0);
    fault_remove_tree(tmp);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/folder/readers-see-one-generation", test_readers_see_one_generation);
    g_test_add_func("/folder/readers-during-slow-commit", test_readers_during_slow_commit);
    return g_test_run();
}
