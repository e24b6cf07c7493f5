/* SPDX-License-Identifier: MIT */
/* Compiled networks: a snapshot loads back equal to the parsed graph, goes stale when its files
 * change (also while they are parsed), and one that is damaged, not the user's own, writable by
 * others, not a regular file or in a directory others control is refused, never trusted: the
 * CSV is parsed instead. A full disk leaves no partial snapshot and no temporary file. */
#define _GNU_SOURCE /* utimensat(), mkfifo(), chown() */
#include "fault-helpers.h"
#include "io/snapshot-private.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
        g_assert_cmpint(wp_graph_person_company_size(a, p), ==, wp_graph_person_company_size(b, p));
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
        const char *ox[WP_TIE_ORIGINS_MAX + 1] = {NULL}, *oy[WP_TIE_ORIGINS_MAX + 1] = {NULL};
        g_assert_cmpuint(wp_graph_tie_origins(a, t, ox, WP_TIE_ORIGINS_MAX), ==,
                         wp_graph_tie_origins(b, t, oy, WP_TIE_ORIGINS_MAX));
        g_assert_cmpstrv(ox, oy);
    }
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++) {
        g_assert_cmpuint(wp_graph_warning_count(a, k), ==, wp_graph_warning_count(b, k));
        const GPtrArray *ea = wp_graph_warning_examples(a, k),
                        *eb = wp_graph_warning_examples(b, k);
        g_assert_cmpuint(ea->len, ==, eb->len);
        for (guint i = 0; i < ea->len; i++)
            g_assert_cmpstr(ea->pdata[i], ==, eb->pdata[i]);
    }
}

static char *demo_file(const char *name)
{
    return g_build_filename(g_getenv("WP_SOURCE_DIR") ? g_getenv("WP_SOURCE_DIR") : ".", "datasets",
                            "demo", name, NULL);
}

/* A file written a moment ago is not cached (its clock tick may not be over): set its
 * modification time an hour back, as if it had been written long before. */
static void age(const char *path)
{
    struct timespec times[2] = {{time(NULL) - 3600, 0}, {time(NULL) - 3600, 0}};
    g_assert_cmpint(utimensat(AT_FDCWD, path, times, 0), ==, 0);
}

static char *write_aged(const char *dir, const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    age(path);
    return path;
}

/* The one snapshot in @cache (it must hold exactly one file). */
static char *only_snapshot(const char *cache)
{
    g_autoptr(GDir) d = g_dir_open(cache, 0, NULL);
    g_assert_nonnull(d);
    const char *name = g_dir_read_name(d);
    g_assert_nonnull(name);
    char *path = g_build_filename(cache, name, NULL);
    g_assert_null(g_dir_read_name(d));
    return path;
}

static WpGraph *load_cached_ok(const WpLoadSpec *spec, const char *cache, gboolean *cached)
{
    g_autoptr(GError) error = NULL;
    WpGraph *g = wp_graph_load_cached(spec, cache, 0, cached, &error);
    g_assert_no_error(error);
    g_assert_nonnull(g);
    return g;
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
    g_autoptr(WpScoring) parsed_scoring = wp_scoring_new(parsed, model, 20000, NULL);
    g_autoptr(WpScoring) loaded_scoring = wp_scoring_new(loaded, model, 20000, NULL);
    for (WpTie t = 0; t < wp_graph_n_ties(parsed); t++)
        g_assert_cmpfloat(wp_scoring_tie_strength(parsed_scoring, t, NULL), ==,
                          wp_scoring_tie_strength(loaded_scoring, t, NULL));
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
    const char *csv = "source,target,strength,type,directed\n"
                      "a,b,0.5,client,true\nb,c,,friend;vendor,false\nc,c,0.5,,\nc,d,0.9,bogus,\n";
    g_autofree char *ties = write_aged(dir, "edges.csv", csv);
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

/* The origins of @tie joined by ';' (owned). */
static char *origins_of(const WpGraph *g, const char *a, const char *b)
{
    WpTie tie;
    g_assert_true(wp_graph_find_tie(g, wp_graph_find_id(g, a), wp_graph_find_id(g, b), &tie));
    const char *got[WP_TIE_ORIGINS_MAX + 1] = {NULL};
    g_assert_cmpuint(wp_graph_tie_origins(g, tie, got, WP_TIE_ORIGINS_MAX), <=, WP_TIE_ORIGINS_MAX);
    return g_strjoinv(";", (char **)got);
}

/* Origins as written by hand, worked out by the rules of README "Ties" (labels trimmed, each
 * once, a pair's rows merged in file order), come back from the snapshot; one made by an older
 * format is rebuilt from the CSV, never read, and replaced. */
static void check_origins(const WpGraph *g)
{
    const char *expected[][3] = {
        {"a", "b", "linkedin:p1;hubspot"},
        {"b", "c", ""},
        {"c", "d", "salesforce"},
        {"d", "e", "deals.csv;linkedin:p1"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
        g_autofree char *got = origins_of(g, expected[i][0], expected[i][1]);
        g_assert_cmpstr(got, ==, expected[i][2]);
    }
}

static void test_round_trip_origins(void)
{
    g_autofree char *dir = g_dir_make_tmp("wp-snap-XXXXXX", NULL);
    const char *csv = "source,target,type,origin\n"
                      "a,b,client,linkedin:p1\n"
                      "b,a,friend, hubspot ; linkedin:p1 \n"
                      "b,c,social,\n"
                      "c,d,,salesforce;;salesforce\n"
                      "d,e,,deals.csv\n"
                      "e,d,,linkedin:p1;deals.csv\n";
    g_autofree char *ties = write_aged(dir, "edges.csv", csv);
    WpLoadSpec spec = {.ties_file = ties};
    gboolean cached = TRUE;
    g_autoptr(WpGraph) parsed = load_cached_ok(&spec, dir, &cached);
    g_assert_false(cached);
    check_origins(parsed);
    g_autoptr(WpGraph) loaded = load_cached_ok(&spec, dir, &cached);
    g_assert_true(cached);
    assert_same_graph(parsed, loaded);
    check_origins(loaded);

    /* An older format's snapshot (the version after the magic says so): parsed, then remade. */
    g_autofree char *snap = NULL;
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    for (const char *name; (name = g_dir_read_name(d)) != NULL;)
        if (g_str_has_suffix(name, ".wpsnap"))
            snap = g_build_filename(dir, name, NULL);
    g_assert_nonnull(snap);
    gchar *bytes = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(snap, &bytes, &len, NULL));
    guint32 version;
    memcpy(&version, bytes + 8, 4);
    g_assert_cmpuint(version, >, 2);
    version = 2;
    memcpy(bytes + 8, &version, 4);
    g_assert_true(g_file_set_contents(snap, bytes, (gssize)len, NULL));
    g_free(bytes);
    g_autoptr(WpGraph) rebuilt = load_cached_ok(&spec, dir, &cached);
    g_assert_false(cached);
    check_origins(rebuilt);
    g_autoptr(WpGraph) again = load_cached_ok(&spec, dir, &cached);
    g_assert_true(cached);
    check_origins(again);
    fault_remove_tree(dir);
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
    WpSourceStamp stamp = {{0}, {0}};
    g_assert_true(wp_i_snapshot_save(graph, &spec, &stamp, snap, &error));
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
                bad[g_rand_int_range(rand, 0, (gint32)len)] ^=
                    (char)(1 << g_rand_int_range(rand, 0, 8));
        /* Odd rounds re-seal the damage under a valid checksum, to reach the structural checks;
         * even ones keep the stored checksum, which must refuse every change. */
        gboolean sealed = round % 2 == 1;
        if (sealed)
            wp_i_snapshot_seal(bad, bad_len);
        g_assert_true(g_file_set_contents(snap, bad, (gssize)bad_len, NULL));
        g_assert_cmpint(g_chmod(snap, 0600), ==, 0);
        g_autoptr(GError) e = NULL;
        g_autoptr(WpGraph) g = wp_i_snapshot_load(snap, NULL, NULL, &e);
        if (!sealed && (bad_len != len || memcmp(bad, good, len) != 0))
            g_assert_null(g);
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
    g_assert_cmpuint(refused, >, 100); /* every unsealed round at least */
    g_remove(snap);
    g_rmdir(dir);
}

/* ---- trust ---- */

/* The offset of the first data byte of section @tag in a snapshot (walking the section
 * headers after the file header, whose size depends on the format version). */
static gsize section_at(const char *data, gsize len, guint32 tag)
{
    guint32 version = 0;
    memcpy(&version, data + 8, 4);
    for (gsize at = version >= 2 ? 24 : 16; at + 16 <= len;) {
        guint32 t = 0, item = 0;
        guint64 count = 0;
        memcpy(&t, data + at, 4);
        memcpy(&item, data + at + 4, 4);
        memcpy(&count, data + at + 8, 8);
        if (t == tag)
            return at + 16;
        gsize n = (gsize)(item * count);
        at += 16 + n + (8 - n % 8) % 8;
    }
    g_assert_not_reached();
}

#define SEC_TIE_DECLARED 11 /* snapshot.c's section tags */

/* One flipped bit in a tie's strength (a value no structural check can judge) is caught by the
 * checksum: the CSV is parsed and the answer is the right one; the snapshot is then rebuilt. */
static void test_flipped_bit(void)
{
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *ties =
        write_aged(dir, "edges.csv", "source,target,strength\na,b,0.5\nb,c,0.25\nc,d,0.75\n");
    g_autofree char *cache = g_build_filename(dir, "cache", NULL);
    WpLoadSpec spec = {.ties_file = ties};
    gboolean cached = FALSE;
    g_autoptr(WpGraph) parsed = load_cached_ok(&spec, cache, &cached);
    g_autofree char *snap = only_snapshot(cache);
    g_autofree char *bytes = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(snap, &bytes, &len, NULL));
    gsize at = section_at(bytes, len, SEC_TIE_DECLARED);
    double before = 0;
    memcpy(&before, bytes + at, 8);
    g_assert_cmpfloat(before, ==, 0.5);
    bytes[at + 6] ^= 0x08; /* an exponent bit: 0.5 becomes 0.001953125 */
    g_assert_true(g_file_set_contents(snap, bytes, (gssize)len, NULL));
    g_assert_cmpint(g_chmod(snap, 0600), ==, 0);

    g_autoptr(WpGraph) again = load_cached_ok(&spec, cache, &cached);
    g_assert_false(cached);
    assert_same_graph(parsed, again);
    WpTieInfo info;
    wp_graph_tie_info(again, 0, &info);
    g_assert_cmpfloat(info.declared, ==, 0.5);
    g_autoptr(WpGraph) rebuilt = load_cached_ok(&spec, cache, &cached);
    g_assert_true(cached);
    assert_same_graph(parsed, rebuilt);
    fault_remove_tree(dir);
}

/* A snapshot others may write, or owned by another user, is not used, and is replaced by the
 * user's own private one. */
static void test_not_private(void)
{
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *ties = write_aged(dir, "edges.csv", "source,target\na,b\nb,c\n");
    g_autofree char *cache = g_build_filename(dir, "cache", NULL);
    WpLoadSpec spec = {.ties_file = ties};
    gboolean cached = FALSE;
    g_autoptr(WpGraph) first = load_cached_ok(&spec, cache, &cached);
    g_autofree char *snap = only_snapshot(cache);
    const mode_t modes[] = {0666, 0620, 0602};
    for (guint i = 0; i < G_N_ELEMENTS(modes); i++) {
        g_assert_cmpint(g_chmod(snap, modes[i]), ==, 0);
        g_autoptr(WpGraph) g = load_cached_ok(&spec, cache, &cached);
        g_assert_false(cached);
        struct stat st;
        g_assert_cmpint(stat(snap, &st), ==, 0);
        g_assert_cmpint(st.st_mode & 0777, ==, 0600); /* rebuilt, private */
        g_autoptr(WpGraph) h = load_cached_ok(&spec, cache, &cached);
        g_assert_true(cached);
    }
    if (geteuid() == 0) { /* root can make it another user's */
        g_assert_cmpint(chown(snap, 65534, 65534), ==, 0);
        g_autoptr(WpGraph) g = load_cached_ok(&spec, cache, &cached);
        g_assert_false(cached);
        struct stat st;
        g_assert_cmpint(stat(snap, &st), ==, 0);
        g_assert_cmpuint(st.st_uid, ==, 0);
    }
    fault_remove_tree(dir);
}

/* A trapped test's child: DIR/edges.csv loaded through the cache DIR/cache must be parsed (no
 * snapshot used) and have @n_ties ties. */
static void child_parses(const char *dir, guint n_ties)
{
    g_autofree char *ties = g_build_filename(dir, "edges.csv", NULL);
    g_autofree char *cache = g_build_filename(dir, "cache", NULL);
    WpLoadSpec spec = {.ties_file = ties};
    gboolean cached = TRUE;
    g_autoptr(WpGraph) g = load_cached_ok(&spec, cache, &cached);
    g_assert_false(cached);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, n_ties);
}

/* A FIFO at the snapshot's name: the load must not block on it (checked in a subprocess with
 * a time limit), and parses the CSV. */
static void test_fifo(void)
{
    const char *dir = g_getenv("WP_TEST_FIFO_DIR");
    if (g_test_subprocess()) {
        child_parses(dir, 2);
        return;
    }
    g_autofree char *tmp = fault_temp_dir();
    g_autofree char *ties = write_aged(tmp, "edges.csv", "source,target\na,b\nb,c\n");
    g_autofree char *cache = g_build_filename(tmp, "cache", NULL);
    WpLoadSpec spec = {.ties_file = ties};
    gboolean cached = FALSE;
    g_autoptr(WpGraph) first = load_cached_ok(&spec, cache, &cached);
    g_autofree char *snap = only_snapshot(cache);
    g_assert_cmpint(g_remove(snap), ==, 0);
    g_assert_cmpint(mkfifo(snap, 0600), ==, 0);
    g_setenv("WP_TEST_FIFO_DIR", tmp, TRUE);
    g_test_trap_subprocess(NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_unsetenv("WP_TEST_FIFO_DIR");
    g_test_trap_assert_passed();
    struct stat st;
    g_assert_cmpint(lstat(snap, &st), ==, 0);
    g_assert_true(S_ISFIFO(st.st_mode)); /* left alone, not written into */
    fault_remove_tree(tmp);
}

/* A cache directory that others could write into (no sticky bit), or that another user owns, is
 * not used at all; a missing one is created 0700; a sticky shared one is fine. */
static void test_cache_dir(void)
{
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *ties = write_aged(dir, "edges.csv", "source,target\na,b\n");
    g_autofree char *cache = g_build_filename(dir, "made", "cache", NULL);
    WpLoadSpec spec = {.ties_file = ties};
    gboolean cached = FALSE;
    g_autoptr(WpGraph) g = load_cached_ok(&spec, cache, &cached);
    struct stat st;
    g_assert_cmpint(stat(cache, &st), ==, 0);
    g_assert_cmpint(st.st_mode & 07777, ==, 0700);
    g_autofree char *snap = only_snapshot(cache);

    g_assert_cmpint(g_chmod(cache, 0777), ==, 0);
    g_autoptr(WpGraph) g2 = load_cached_ok(&spec, cache, &cached);
    g_assert_false(cached); /* the snapshot there is not even looked at */
    g_assert_cmpint(g_remove(snap), ==, 0);
    g_autoptr(WpGraph) g3 = load_cached_ok(&spec, cache, &cached);
    g_autofree char *names = fault_list_dir(cache);
    g_assert_cmpstr(names, ==, ""); /* nor written */

    g_assert_cmpint(g_chmod(cache, 01777), ==, 0);
    g_autoptr(WpGraph) g4 = load_cached_ok(&spec, cache, &cached);
    g_autoptr(WpGraph) g5 = load_cached_ok(&spec, cache, &cached);
    g_assert_true(cached);

    if (geteuid() == 0) {
        g_assert_cmpint(g_chmod(cache, 0700), ==, 0);
        g_assert_cmpint(chown(cache, 65534, 65534), ==, 0);
        g_autoptr(WpGraph) g6 = load_cached_ok(&spec, cache, &cached);
        g_assert_false(cached);
    }
    fault_remove_tree(dir);
}

/* ---- writing, and files changed while they are parsed (through the fault library) ---- */

/* Runs this test's subprocess branch with the fault library preloaded and @faults set. */
static void trap_with_faults(const char *const *faults)
{
    g_auto(GStrv) env = fault_environment(NULL, faults);
    const char *names[] = {"LD_PRELOAD", "ASAN_OPTIONS", "WP_FAULT_DIR", "WP_FAULT_ON_READ",
                           "WP_FAULT_ENOSPC_AFTER"};
    g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        g_ptr_array_add(saved, g_strdup(g_getenv(names[i])));
        const char *v = g_environ_getenv(env, names[i]);
        if (v != NULL)
            g_setenv(names[i], v, TRUE);
    }
    g_test_trap_subprocess(NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        if (saved->pdata[i] != NULL)
            g_setenv(names[i], saved->pdata[i], TRUE);
        else
            g_unsetenv(names[i]);
    }
    g_test_trap_assert_passed();
}

/* A full disk while the snapshot is written: no snapshot, no temporary file; the load itself
 * succeeds (the cache is only a cache). */
static void test_full_disk(void)
{
    const char *dir = g_getenv("WP_TEST_DIR");
    if (g_test_subprocess()) {
        child_parses(dir, 3000);
        return;
    }
    if (fault_shim() == NULL) {
        g_test_skip("no fault-injection library");
        return;
    }
    g_autofree char *tmp = fault_temp_dir();
    GString *csv = g_string_new("source,target\n");
    for (guint i = 0; i < 3000; i++)
        g_string_append_printf(csv, "p%u,p%u\n", i, i + 1);
    g_autofree char *ties = write_aged(tmp, "edges.csv", csv->str);
    g_string_free(csv, TRUE);
    g_autofree char *cache = g_build_filename(tmp, "cache", NULL);
    g_assert_cmpint(g_mkdir(cache, 0700), ==, 0);
    g_setenv("WP_TEST_DIR", tmp, TRUE);
    const guint limits[] = {0, 10, 5000, 40000};
    for (guint i = 0; i < G_N_ELEMENTS(limits); i++) {
        g_autofree char *in_cache = g_strdup_printf("WP_FAULT_DIR=%s", cache);
        g_autofree char *limit = g_strdup_printf("WP_FAULT_ENOSPC_AFTER=%u", limits[i]);
        const char *faults[] = {in_cache, limit, NULL};
        trap_with_faults(faults);
        g_autofree char *names = fault_list_dir(cache);
        g_assert_cmpstr(names, ==, "");
    }
    g_unsetenv("WP_TEST_DIR");
    fault_remove_tree(tmp);
}

/* The ties (or people) file replaced by another at the moment the parse first reads it: the
 * parse saw the old file, so no snapshot may be saved under the new file's stamp; the next
 * load gives the new network. */
static void test_replaced_while_parsed(void)
{
    const char *dir = g_getenv("WP_TEST_DIR");
    gboolean people = g_getenv("WP_TEST_SWAP_PEOPLE") != NULL;
    g_autofree char *ties = g_build_filename(dir, "edges.csv", NULL);
    g_autofree char *people_file = g_build_filename(dir, "people.csv", NULL);
    g_autofree char *cache = g_build_filename(dir, "cache", NULL);
    WpLoadSpec spec = {.ties_file = ties, .people_file = people_file};
    gboolean cached = TRUE;
    if (g_test_subprocess()) {
        g_autoptr(WpGraph) g = load_cached_ok(&spec, cache, &cached);
        g_assert_false(cached);
        g_assert_cmpuint(wp_graph_n_ties(g), ==, 1); /* the old file, read whole */
        if (people)
            g_assert_cmpstr(wp_graph_person_attr(g, 0, "name"), ==, "Old Name");
        return;
    }
    if (fault_shim() == NULL) {
        g_test_skip("no fault-injection library");
        return;
    }
    for (guint round = 0; round < 2; round++) {
        g_autofree char *tmp = fault_temp_dir();
        g_autofree char *t = write_aged(tmp, "edges.csv", "source,target\na,b\n");
        g_autofree char *p = write_aged(tmp, "people.csv", "id,name\na,Old Name\n");
        g_autofree char *nt = write_aged(tmp, "new-edges.csv", "source,target\na,b\nb,c\n");
        g_autofree char *np = write_aged(tmp, "new-people.csv", "id,name\na,New Name\n");
        g_setenv("WP_TEST_DIR", tmp, TRUE);
        if (round == 1)
            g_setenv("WP_TEST_SWAP_PEOPLE", "1", TRUE);
        g_autofree char *in_dir = g_strdup_printf("WP_FAULT_DIR=%s", tmp);
        g_autofree char *swap =
            g_strdup_printf("WP_FAULT_ON_READ=swap:1:%s:%s", round ? p : t, round ? np : nt);
        const char *faults[] = {in_dir, swap, NULL};
        trap_with_faults(faults);
        g_unsetenv("WP_TEST_SWAP_PEOPLE");
        g_unsetenv("WP_TEST_DIR");
        g_assert_false(g_file_test(round ? np : nt, G_FILE_TEST_EXISTS)); /* it was swapped */
        WpLoadSpec now = {.ties_file = t, .people_file = p};
        g_autofree char *c = g_build_filename(tmp, "cache", NULL);
        g_autoptr(WpGraph) g = load_cached_ok(&now, c, &cached);
        g_assert_false(cached); /* before the fix: the old network, from the cache */
        g_assert_cmpuint(wp_graph_n_ties(g), ==, round ? 1 : 2);
        g_assert_cmpstr(wp_graph_person_attr(g, 0, "name"), ==, round ? "New Name" : "Old Name");
        fault_remove_tree(tmp);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/snapshot/round-trip-demo", test_round_trip_demo);
    g_test_add_func("/snapshot/round-trip-directed", test_round_trip_directed);
    g_test_add_func("/snapshot/round-trip-origins", test_round_trip_origins);
    g_test_add_func("/snapshot/damaged", test_damaged);
    g_test_add_func("/snapshot/flipped-bit", test_flipped_bit);
    g_test_add_func("/snapshot/not-private", test_not_private);
    g_test_add_func("/snapshot/fifo", test_fifo);
    g_test_add_func("/snapshot/cache-dir", test_cache_dir);
    g_test_add_func("/snapshot/full-disk", test_full_disk);
    g_test_add_func("/snapshot/replaced-while-parsed", test_replaced_while_parsed);
    return g_test_run();
}
