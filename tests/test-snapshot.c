/* SPDX-License-Identifier: MIT */
/* Compiled networks: a snapshot loads back equal to the parsed graph, goes stale when its files
 * change, and a damaged one is refused, never trusted. */
#include "core/graph-private.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Two graphs hold the same people, attributes, ties, adjacency and warnings. */
static void assert_same_graph(const WpGraph *a, const WpGraph *b)
{
    g_assert_cmpuint(wp_graph_n_people(a), ==, wp_graph_n_people(b));
    g_assert_cmpuint(wp_graph_n_ties(a), ==, wp_graph_n_ties(b));
    g_assert_cmpuint(wp_graph_n_tie_rows(a), ==, wp_graph_n_tie_rows(b));
    guint n_cols = 0, n_cols_b = 0;
    const char *const *cols = wp_graph_columns(a, &n_cols);
    wp_graph_columns(b, &n_cols_b);
    g_assert_cmpuint(n_cols, ==, n_cols_b);
    for (WpPerson p = 0; p < wp_graph_n_people(a); p++) {
        g_assert_cmpstr(wp_graph_person_id(a, p), ==, wp_graph_person_id(b, p));
        g_assert_cmpuint(wp_graph_find_id(b, wp_graph_person_id(a, p)), ==, p);
        g_assert_cmpint(wp_graph_person_listed(a, p), ==, wp_graph_person_listed(b, p));
        g_assert_cmpstr(wp_graph_person_team(a, p), ==, wp_graph_person_team(b, p));
        g_assert_cmpint(wp_graph_person_company_size(a, p), ==,
                        wp_graph_person_company_size(b, p));
        for (guint c = 0; c < n_cols; c++)
            g_assert_cmpstr(wp_graph_person_attr(a, p, cols[c]), ==,
                            wp_graph_person_attr(b, p, cols[c]));
        guint na = 0, nb = 0;
        const WpArc *aa = wp_graph_out_arcs(a, p, &na), *ab = wp_graph_out_arcs(b, p, &nb);
        g_assert_cmpuint(na, ==, nb);
        g_assert_cmpmem(aa, na * sizeof(WpArc), ab, nb * sizeof(WpArc));
        aa = wp_graph_in_arcs(a, p, &na);
        ab = wp_graph_in_arcs(b, p, &nb);
        g_assert_cmpmem(aa, na * sizeof(WpArc), ab, nb * sizeof(WpArc));
    }
    for (WpTie t = 0; t < wp_graph_n_ties(a); t++) {
        WpTieInfo x, y;
        wp_graph_tie_info(a, t, &x);
        wp_graph_tie_info(b, t, &y);
        g_assert_cmpuint(x.source, ==, y.source);
        g_assert_cmpuint(x.target, ==, y.target);
        g_assert_true(x.declared == y.declared || (isnan(x.declared) && isnan(y.declared)));
        g_assert_cmpuint(x.types, ==, y.types);
        g_assert_cmpint(x.last_contact, ==, y.last_contact);
        g_assert_cmpint(x.interactions, ==, y.interactions);
        g_assert_cmpuint(x.rows, ==, y.rows);
        g_assert_cmpint(x.directed, ==, y.directed);
    }
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++) {
        g_assert_cmpuint(wp_graph_warning_count(a, k), ==, wp_graph_warning_count(b, k));
        const GPtrArray *ea = wp_graph_warning_examples(a, k), *eb = wp_graph_warning_examples(b, k);
        g_assert_cmpuint(ea->len, ==, eb->len);
        for (guint i = 0; i < ea->len; i++)
            g_assert_cmpstr(ea->pdata[i], ==, eb->pdata[i]);
    }
}

static char *demo_file(const char *name)
{
    return g_build_filename(g_getenv("WP_SOURCE_DIR") ? g_getenv("WP_SOURCE_DIR") : ".",
                            "datasets", "demo", name, NULL);
}

static void test_round_trip_demo(void)
{
    g_autofree char *ties = demo_file("edges.csv");
    g_autofree char *people = demo_file("people.csv");
    g_autofree char *cache = g_dir_make_tmp("wp-snap-XXXXXX", NULL);
    WpLoadSpec spec = {.ties_file = ties, .people_file = people};
    g_autoptr(GError) error = NULL;
    gboolean cached = TRUE;
    g_autoptr(WpGraph) parsed = wp_graph_load_cached(&spec, cache, 0, &cached, &error);
    g_assert_no_error(error);
    g_assert_false(cached); /* the first load parses and writes the snapshot */
    g_autoptr(WpGraph) loaded = wp_graph_load_cached(&spec, cache, 0, &cached, &error);
    g_assert_no_error(error);
    g_assert_true(cached);
    assert_same_graph(parsed, loaded);
    /* Under a model, both answer alike. */
    g_autoptr(WpModel) model = wp_model_new_default();
    wp_graph_apply_model(parsed, model, 20000);
    wp_graph_apply_model(loaded, model, 20000);
    for (WpTie t = 0; t < wp_graph_n_ties(parsed); t++)
        g_assert_cmpfloat(wp_graph_tie_strength(parsed, t, NULL), ==,
                          wp_graph_tie_strength(loaded, t, NULL));
    /* Other load options make another snapshot, not a wrong hit. */
    spec.flags = WP_LOAD_SKIP_BAD_ROWS;
    g_autoptr(WpGraph) other = wp_graph_load_cached(&spec, cache, 0, &cached, &error);
    g_assert_no_error(error);
    g_assert_false(cached);
    g_autoptr(GDir) dir = g_dir_open(cache, 0, NULL);
    const char *name;
    guint n = 0;
    while ((name = g_dir_read_name(dir)) != NULL) {
        g_autofree char *path = g_build_filename(cache, name, NULL);
        g_remove(path);
        n++;
    }
    g_assert_cmpuint(n, ==, 2);
    g_rmdir(cache);
}

/* A directed tie gives the snapshot separate in-arcs; a warning survives with its message. */
static void test_round_trip_directed(void)
{
    g_autofree char *dir = g_dir_make_tmp("wp-snap-XXXXXX", NULL);
    g_autofree char *ties = g_build_filename(dir, "edges.csv", NULL);
    const char *csv = "source,target,strength,type,directed\n"
                      "a,b,0.5,client,true\nb,c,,friend;vendor,false\nc,c,0.5,,\nc,d,0.9,bogus,\n";
    g_assert_true(g_file_set_contents(ties, csv, -1, NULL));
    WpLoadSpec spec = {.ties_file = ties};
    g_autoptr(GError) error = NULL;
    gboolean cached = FALSE;
    g_autoptr(WpGraph) parsed = wp_graph_load_cached(&spec, dir, 0, &cached, &error);
    g_assert_no_error(error);
    g_assert_true(wp_graph_has_directed_ties(parsed));
    g_autoptr(WpGraph) loaded = wp_graph_load_cached(&spec, dir, 0, &cached, &error);
    g_assert_no_error(error);
    g_assert_true(cached);
    g_assert_true(wp_graph_has_directed_ties(loaded));
    assert_same_graph(parsed, loaded);
    g_assert_cmpuint(wp_graph_warning_count(loaded, WP_WARNING_SELF_LOOP), ==, 1);

    /* Changing the file makes the snapshot stale: the new content is parsed. */
    g_usleep(2000);
    g_assert_true(g_file_set_contents(ties, "source,target\nx,y\n", -1, NULL));
    g_autoptr(WpGraph) fresh = wp_graph_load_cached(&spec, dir, 0, &cached, &error);
    g_assert_no_error(error);
    g_assert_false(cached);
    g_assert_cmpuint(wp_graph_n_people(fresh), ==, 2);
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_remove(path);
    }
    g_rmdir(dir);
}

/* Truncations and random byte flips: the load is refused or gives a valid graph (a flip in
 * padding or a value), and never crashes; a wp_graph_load_cached() falls back to the CSV. */
static void test_damaged(void)
{
    g_autofree char *ties = demo_file("edges.csv");
    g_autofree char *people = demo_file("people.csv");
    g_autofree char *dir = g_dir_make_tmp("wp-snap-XXXXXX", NULL);
    g_autofree char *snap = g_build_filename(dir, "x.wpsnap", NULL);
    WpLoadSpec spec = {.ties_file = ties, .people_file = people};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_assert_true(wp_i_snapshot_save(graph, &spec, snap, &error));
    g_assert_no_error(error);
    g_autofree char *good = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(snap, &good, &len, NULL));
    g_autoptr(GRand) rand = g_rand_new_with_seed(3);
    guint refused = 0;
    for (guint round = 0; round < 200; round++) {
        g_autofree char *bad = g_memdup2(good, len);
        gsize bad_len = len;
        if (round % 4 == 0)
            bad_len = (gsize)g_rand_int_range(rand, 0, (gint32)len);
        else
            for (guint k = 0; k < 1 + round % 3; k++)
                bad[g_rand_int_range(rand, 0, (gint32)len)] ^= (char)(1 << g_rand_int_range(rand, 0, 8));
        g_assert_true(g_file_set_contents(snap, bad, (gssize)bad_len, NULL));
        g_autoptr(GError) e = NULL;
        g_autoptr(WpGraph) g = wp_i_snapshot_load(snap, NULL, &e);
        if (g == NULL) {
            g_assert_nonnull(e);
            refused++;
        } else {
            g_assert_no_error(e);
            /* Whatever loaded is internally consistent enough to walk. */
            for (WpPerson p = 0; p < wp_graph_n_people(g); p++) {
                guint n = 0;
                const WpArc *arcs = wp_graph_out_arcs(g, p, &n);
                for (guint i = 0; i < n; i++)
                    g_assert_cmpuint(arcs[i].head, <, wp_graph_n_people(g));
            }
        }
    }
    g_assert_cmpuint(refused, >, 50); /* every truncation at least */
    g_remove(snap);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/snapshot/round-trip-demo", test_round_trip_demo);
    g_test_add_func("/snapshot/round-trip-directed", test_round_trip_directed);
    g_test_add_func("/snapshot/damaged", test_damaged);
    return g_test_run();
}
