/* SPDX-License-Identifier: MIT */
/* A data folder changes as one unit. Two imports at once both land (the second waits, saying
 * so, or gives up after WARMPATH_LOCK_TIMEOUT); an import killed at any rename, fsync or unlink,
 * or stopped by a full disk, leaves the folder exactly as it was or exactly as the import makes
 * it, and the next command (a reader or another import) answers from one of the two and leaves
 * no temporary file; a file another program rewrote meanwhile is not overwritten; a planted
 * journal is not followed; and the .bak pair is always the folder just before the last import
 * that changed it. Readers: test-folder-readers.c. Faults come from tests/fault-shim.c. */
#define _GNU_SOURCE /* flock() */
#include "folder-helpers.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xxhash.h>

/* ---- set-up ---- */

/* A scratch folder for one test (the test removes it with fault_remove_tree()); *@dir is the
 * data folder "net" inside it, not made yet. */
static char *scratch(char **dir)
{
    char *tmp = fault_temp_dir();
    *dir = g_build_filename(tmp, "net", NULL);
    return tmp;
}

/* The start of a fault test: FALSE, the test skipped, without the fault-injection library;
 * else @ref holds the reference imports and *@tmp, *@dir are as scratch() makes them. */
static gboolean fault_test_start(Reference *ref, char **tmp, char **dir)
{
    if (fault_shim() == NULL) {
        g_test_skip("no fault-injection library");
        return FALSE;
    }
    reference_init(ref);
    *tmp = scratch(dir);
    return TRUE;
}

/* Makes @dir and takes its import lock, as a running import holds it; close the descriptor to
 * let go. */
static int hold_import_lock(const char *dir)
{
    g_assert_cmpint(g_mkdir(dir, 0755), ==, 0);
    g_autofree char *lock_path = g_build_filename(dir, ".warmpath.lock", NULL);
    int lock = g_open(lock_path, O_RDONLY | O_CREAT, 0644);
    g_assert_cmpint(flock(lock, LOCK_EX), ==, 0);
    return lock;
}

/* ---- two imports at once ---- */

/* Starts an import with its standard error going to @err_file. */
static GSubprocess *start_import(const char *who, const char *dir, const char *err_file)
{
    g_autoptr(GPtrArray) args = import_args(who, dir);
    g_autofree char *bin = fault_binary();
    g_ptr_array_insert(args, 0, g_strdup(bin));
    g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new(G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
    g_auto(GStrv) env = fault_environment(NULL, NULL);
    env = g_environ_setenv(env, "WARMPATH_LOCK_TIMEOUT", "30", TRUE);
    g_subprocess_launcher_set_environ(launcher, env);
    g_subprocess_launcher_set_stderr_file_path(launcher, err_file);
    g_autoptr(GError) error = NULL;
    GSubprocess *p =
        g_subprocess_launcher_spawnv(launcher, (const char *const *)args->pdata, &error);
    g_assert_no_error(error);
    return p;
}

static int finish(GSubprocess *p)
{
    g_autoptr(GError) error = NULL;
    g_assert_true(g_subprocess_wait(p, NULL, &error));
    return fault_wait_status(g_subprocess_get_status(p));
}

/* Sorted data lines (the header first) of a CSV text: the same people in any order. */
static char *sorted_lines(const char *text)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    guint n = g_strv_length(lines);
    if (n > 1)
        qsort(lines + 1, n - 1, sizeof(char *), fault_compare_names);
    return g_strjoinv("\n", lines);
}

/* The folder holds both sellers' people and ties: what A then B, or B then A, makes. */
static void assert_both_landed(const char *dir, const Reference *ref, const char *tmp)
{
    g_auto(State) got = {0};
    state_read(&got, dir);
    /* B then A, for the other order. */
    g_autofree char *ba = g_build_filename(tmp, "ba", NULL);
    g_auto(GStrv) env = fault_environment(NULL, NULL);
    g_auto(FaultRun) r1 = {0}, r2 = {0};
    import(&r1, env, "carol", ba);
    import(&r2, env, "alice", ba);
    g_auto(State) after_ba = {0};
    state_read(&after_ba, ba);
    g_autofree char *people = sorted_lines(got.people);
    g_autofree char *want = sorted_lines(ref->after_ab.people);
    g_autofree char *want_ba = sorted_lines(after_ba.people);
    g_assert_true(g_strcmp0(people, want) == 0 || g_strcmp0(people, want_ba) == 0);
    g_autofree char *edges = sorted_lines(got.edges);
    g_autofree char *edges_ab = sorted_lines(ref->after_ab.edges);
    g_autofree char *edges_ba = sorted_lines(after_ba.edges);
    g_assert_true(g_strcmp0(edges, edges_ab) == 0 || g_strcmp0(edges, edges_ba) == 0);
    fault_remove_tree(ba);
}

/* Both imports wait while the folder is held (the test holds the lock, as an import would),
 * say so once, and both land once it is released. */
static void test_concurrent_imports(void)
{
    g_auto(Reference) ref = {0};
    reference_init(&ref);
    g_autofree char *dir = NULL;
    g_autofree char *tmp = scratch(&dir);
    int lock = hold_import_lock(dir);
    g_autofree char *err_a = g_build_filename(tmp, "a.err", NULL);
    g_autofree char *err_c = g_build_filename(tmp, "c.err", NULL);
    g_autoptr(GSubprocess) a = start_import("alice", dir, err_a);
    g_autoptr(GSubprocess) c = start_import("carol", dir, err_c);
    /* Both are waiting once both have said so. */
    for (guint i = 0; i < 1500; i++) { /* up to 30 s on a loaded machine */
        g_autofree char *ea = fault_read(err_a);
        g_autofree char *ec = fault_read(err_c);
        if (ea && strstr(ea, "waiting") && ec && strstr(ec, "waiting"))
            break;
        g_usleep(20000);
    }
    g_assert_cmpint(close(lock), ==, 0);
    g_assert_cmpint(finish(a), ==, 0);
    g_assert_cmpint(finish(c), ==, 0);
    g_autofree char *wait_line =
        g_strdup_printf("warmpath: waiting for another import into %s to finish...\n", dir);
    const char *errs[] = {err_a, err_c};
    for (guint i = 0; i < G_N_ELEMENTS(errs); i++) {
        g_autofree char *text = fault_read(errs[i]);
        g_assert_cmpstr(text, ==, wait_line); /* once, and nothing else */
    }
    assert_both_landed(dir, &ref, tmp);
    /* The .bak pair is one state: the folder after whichever import went first. */
    g_auto(State) got = {0};
    state_read(&got, dir);
    g_assert_nonnull(got.people_bak);
    g_assert_nonnull(got.edges_bak);
    g_assert_false(got.people_bak && strstr(got.people_bak, "alice") &&
                   strstr(got.people_bak, "carol"));
    g_autofree char *names = fault_list_dir(dir);
    g_assert_cmpstr(names, ==, "edges.csv edges.csv.bak people.csv people.csv.bak");

    /* Started together with nobody holding the folder: still both, three times over. */
    for (guint round = 0; round < 3; round++) {
        fault_remove_tree(dir);
        g_autoptr(GSubprocess) x = start_import("alice", dir, err_a);
        g_autoptr(GSubprocess) y = start_import("carol", dir, err_c);
        g_assert_cmpint(finish(x), ==, 0);
        g_assert_cmpint(finish(y), ==, 0);
        assert_both_landed(dir, &ref, tmp);
    }
    fault_remove_tree(tmp);
}

/* Held past WARMPATH_LOCK_TIMEOUT: exit 1 with a message, the folder untouched. */
static void test_lock_timeout(void)
{
    g_autofree char *dir = NULL;
    g_autofree char *tmp = scratch(&dir);
    int lock = hold_import_lock(dir);
    g_auto(GStrv) env = fault_environment(NULL, NULL);
    env = g_environ_setenv(env, "WARMPATH_LOCK_TIMEOUT", "1", TRUE);
    g_auto(FaultRun) r = {0};
    import(&r, env, "alice", dir);
    close(lock);
    g_assert_cmpint(r.status, ==, 1);
    g_autofree char *want = g_strdup_printf(
        "warmpath: waiting for another import into %s to finish...\n"
        "warmpath: another import into '%s' is still running (waited 1 s); try again later\n",
        dir, dir);
    g_assert_cmpstr(r.err, ==, want);
    g_autofree char *names = fault_list_dir(dir);
    g_assert_cmpstr(names, ==, ".warmpath.lock");
    fault_remove_tree(tmp);
}

/* ---- interrupted imports ---- */

/* The folder @dir is the state after A or after AB, exactly, with only its own files. */
static gboolean assert_old_or_new(const char *dir, const Reference *ref)
{
    g_auto(State) got = {0};
    state_read(&got, dir);
    const State *a = &ref->after_a, *ab = &ref->after_ab;
    gboolean old = same_pair(got.people, got.edges, a->people, a->edges);
    gboolean new = same_pair(got.people, got.edges, ab->people, ab->edges);
    g_assert_true(old || new);
    if (old) /* and its .bak pair too: none */
        g_assert_true(same_pair(got.people_bak, got.edges_bak, NULL, NULL));
    else
        g_assert_true(same_pair(got.people_bak, got.edges_bak, a->people, a->edges));
    return new;
}

static void assert_clean(const char *dir, gboolean new)
{
    g_autofree char *names = fault_list_dir(dir);
    g_assert_cmpstr(names, ==,
                    new ? "edges.csv edges.csv.bak people.csv people.csv.bak"
                        : "edges.csv people.csv");
}

/* Carol's import into the folder after Alice's, killed before its Nth rename, fsync or unlink,
 * for every N until it finishes. Then a reader (odd N) or an import (even N) comes next. */
static void test_killed(void)
{
    g_auto(Reference) ref = {0};
    g_autofree char *tmp = NULL;
    g_autofree char *dir = NULL;
    if (!fault_test_start(&ref, &tmp, &dir))
        return;
    guint n_old = 0, n_new = 0, n = 1;
    for (;; n++) {
        copy_folder(ref.a, dir);
        g_autofree char *in_dir = g_strdup_printf("WP_FAULT_DIR=%s", dir);
        g_autofree char *kill = g_strdup_printf("WP_FAULT_KILL_AT=%u", n);
        const char *faults[] = {in_dir, kill, NULL};
        g_auto(GStrv) env = fault_environment(NULL, faults);
        g_auto(FaultRun) r = {0};
        import(&r, env, "carol", dir);
        if (r.status == 0)
            break; /* it got past every step */
        g_assert_cmpint(r.status, ==, -SIGKILL);
        g_auto(GStrv) plain = fault_environment(NULL, NULL);
        if (n % 2 == 1) {
            g_autofree char *answer = stats_of(dir);
            gboolean new = g_strcmp0(answer, ref.stats_ab) == 0;
            g_assert_true(new || g_strcmp0(answer, ref.stats_a) == 0);
            g_assert_cmpint(assert_old_or_new(dir, &ref), ==, new);
            n_new += new;
            n_old += !new;
            /* The next import finishes the job and sweeps what the killed one left. */
            g_auto(FaultRun) again = {0};
            import(&again, plain, "carol", dir);
            g_assert_cmpint(again.status, ==, 0);
        } else {
            g_auto(FaultRun) again = {0};
            import(&again, plain, "carol", dir);
            g_assert_cmpint(again.status, ==, 0);
        }
        g_assert_true(assert_old_or_new(dir, &ref));
        assert_clean(dir, TRUE);
        g_autofree char *answer = stats_of(dir);
        g_assert_cmpstr(answer, ==, ref.stats_ab);
    }
    g_test_message("%u kill points: %u rolled back, %u completed (readers' view)", n - 1, n_old,
                   n_new);
    g_assert_cmpuint(n, >, 10); /* four files, a journal, their syncs and renames */
    g_assert_cmpuint(n_old, >, 0);
    g_assert_cmpuint(n_new, >, 0);
    assert_old_or_new(dir, &ref);
    assert_clean(dir, TRUE);
    fault_remove_tree(tmp);
}

/* A full disk at any point of the import: exit 1 naming the file, the folder exactly as it
 * was, no temporary file. */
static void test_full_disk(void)
{
    g_auto(Reference) ref = {0};
    g_autofree char *tmp = NULL;
    g_autofree char *dir = NULL;
    if (!fault_test_start(&ref, &tmp, &dir))
        return;
    gsize total = strlen(ref.after_a.people) + strlen(ref.after_a.edges) +
                  strlen(ref.after_ab.people) + strlen(ref.after_ab.edges);
    const gsize limits[] = {0, 100, total / 4, total / 2, total * 3 / 4, total - 1, total + 20};
    for (guint i = 0; i < G_N_ELEMENTS(limits); i++) {
        copy_folder(ref.a, dir);
        g_autofree char *in_dir = g_strdup_printf("WP_FAULT_DIR=%s", dir);
        g_autofree char *limit =
            g_strdup_printf("WP_FAULT_ENOSPC_AFTER=%" G_GSIZE_FORMAT, limits[i]);
        const char *faults[] = {in_dir, limit, NULL};
        g_auto(GStrv) env = fault_environment(NULL, faults);
        g_auto(FaultRun) r = {0};
        import(&r, env, "carol", dir);
        g_test_message("ENOSPC after %" G_GSIZE_FORMAT " bytes: %d %s", limits[i], r.status, r.err);
        g_assert_cmpint(r.status, ==, 1);
        g_assert_nonnull(strstr(r.err, g_strerror(ENOSPC)));
        g_assert_false(assert_old_or_new(dir, &ref));
        assert_clean(dir, FALSE);
    }
    fault_remove_tree(tmp);
}

/* people.csv rewritten by another program (a hand edit saved from a spreadsheet) while the
 * import reads its export: the import refuses to write over it (exit 1), and the edit stays. */
static void test_edited_meanwhile(void)
{
    g_auto(Reference) ref = {0};
    g_autofree char *tmp = NULL;
    g_autofree char *dir = NULL;
    if (!fault_test_start(&ref, &tmp, &dir))
        return;
    copy_folder(ref.a, dir);
    g_autofree char *edited_text = g_strconcat(ref.after_a.people, "hand,Hand Made\n", NULL);
    g_autofree char *edited = fault_write(tmp, "edited.csv", edited_text);
    g_autofree char *people = g_build_filename(dir, "people.csv", NULL);
    g_autofree char *export = fixture("import-linkedin-fr.csv");
    g_autofree char *in_dir = g_strdup_printf("WP_FAULT_DIR=%s", g_getenv("G_TEST_SRCDIR"));
    g_autofree char *on_read =
        g_strdup_printf("WP_FAULT_ON_READ=rename:1:%s:%s>%s", export, edited, people);
    const char *faults[] = {in_dir, on_read, NULL};
    g_auto(GStrv) env = fault_environment(NULL, faults);
    g_auto(FaultRun) r = {0};
    import(&r, env, "carol", dir);
    g_assert_cmpint(r.status, ==, 1);
    g_autofree char *want = g_strdup_printf(
        "warmpath: %s was changed by another program while the import ran; nothing was "
        "written: run the import again\n",
        people);
    g_assert_cmpstr(r.err, ==, want);
    g_autofree char *now = fault_read(people);
    g_assert_cmpstr(now, ==, edited_text);
    assert_clean(dir, FALSE);
    fault_remove_tree(tmp);
}

/* A journal planted in a shared folder (by anyone who can write to it) that names a file
 * outside the folder is not followed: the command fails, saying so, and the file is untouched. */
static void test_planted_journal(void)
{
    g_autofree char *dir = NULL;
    g_autofree char *tmp = scratch(&dir);
    g_assert_cmpint(g_mkdir(dir, 0755), ==, 0);
    g_autofree char *people = fault_write(dir, "people.csv", "id\na\n");
    g_autofree char *edges = fault_write(dir, "edges.csv", "source,target\na,b\n");
    g_autofree char *victim = fault_write(tmp, "victim", "precious\n");
    const char *evil = "evil\n";
    g_autofree char *evil_file = fault_write(dir, ".victim.AAAAAA.wptmp", evil);
    g_autofree char *journal_text =
        g_strdup_printf("warmpath-journal 1\nreplace\t%zu\t%016" G_GINT64_MODIFIER "x\t%s\t%s\n",
                        strlen(evil), (guint64)XXH3_64bits(evil, strlen(evil)), evil_file, victim);
    g_autofree char *journal = fault_write(dir, ".warmpath-journal", journal_text);
    g_auto(GStrv) env = fault_environment(NULL, NULL);
    g_auto(FaultRun) r = {0};
    fault_run(&r, env, "stats", "--data", dir, NULL);
    g_assert_cmpint(r.status, ==, 1);
    g_assert_nonnull(strstr(r.err, "names a file that is not one of the folder's own"));
    g_autofree char *kept = fault_read(victim);
    g_assert_cmpstr(kept, ==, "precious\n");
    fault_remove_tree(tmp);
}

/* ---- .bak ---- */

/* The .bak pair is the folder just before the last import that changed it, and the report
 * names exactly the .bak files that exist. */
static void test_bak_pair(void)
{
    g_autofree char *dir = NULL;
    g_autofree char *tmp = scratch(&dir);
    g_auto(GStrv) env = fault_environment(NULL, NULL);
    /* A new folder: nothing to keep. */
    g_auto(FaultRun) first = {0};
    import(&first, env, "alice", dir);
    g_assert_cmpint(first.status, ==, 0);
    g_assert_nonnull(strstr(first.out, "\nwritten (no previous files to keep)\n"));
    g_auto(State) v1 = {0};
    state_read(&v1, dir);
    g_assert_null(v1.people_bak);
    g_assert_null(v1.edges_bak);

    /* A newer export that changes only people: both files' previous state is kept. */
    g_autofree char *newer = fixture("import-linkedin-newer.csv");
    g_auto(FaultRun) second = {0};
    fault_run(&second, env, "import", "linkedin", "--data", dir, "--owner", "alice",
              "--exported-on", "2026-03-01", "-f", "json", newer, NULL);
    g_assert_cmpint(second.status, ==, 0);
    g_assert_nonnull(strstr(second.out, "\"backups\" : [\n    \"people.csv.bak\",\n    "
                                        "\"edges.csv.bak\"\n  ]"));
    g_auto(State) v2 = {0};
    state_read(&v2, dir);
    g_assert_cmpstr(v2.edges, ==, v1.edges); /* unchanged... */
    g_assert_cmpstr(v2.people_bak, ==, v1.people);
    g_assert_cmpstr(v2.edges_bak, ==, v1.edges); /* ...yet its .bak is this state's */

    /* The same again changes nothing: no file is touched, the .bak pair stays. */
    g_auto(FaultRun) third = {0};
    fault_run(&third, env, "import", "linkedin", "--data", dir, "--owner", "alice", "--exported-on",
              "2026-03-01", newer, NULL);
    g_assert_nonnull(strstr(third.out, "\nnothing changed: files left as they were\n"));
    g_auto(State) v3 = {0};
    state_read(&v3, dir);
    g_assert_cmpstr(v3.people_bak, ==, v1.people);

    /* Carol's import changes both: the .bak pair moves to v2, a consistent pair again. */
    g_auto(FaultRun) fourth = {0};
    import(&fourth, env, "carol", dir);
    g_assert_nonnull(
        strstr(fourth.out, "\nwritten (previous files kept as people.csv.bak, edges.csv.bak)\n"));
    g_auto(State) v4 = {0};
    state_read(&v4, dir);
    g_assert_true(same_pair(v4.people_bak, v4.edges_bak, v2.people, v2.edges));

    /* A folder with a hand-made people.csv, no edges.csv and a stale edges.csv.bak: only
     * people.csv.bak is kept, and the stale one goes (it belongs to no earlier state). */
    g_autofree char *hand = g_build_filename(tmp, "hand", NULL);
    g_assert_cmpint(g_mkdir(hand, 0755), ==, 0);
    g_autofree char *p = fault_write(hand, "people.csv", "id,name\nzed,Zed Zero\n");
    g_autofree char *stale = fault_write(hand, "edges.csv.bak", "source,target\nold,older\n");
    g_auto(FaultRun) fifth = {0};
    import(&fifth, env, "alice", hand);
    g_assert_nonnull(strstr(fifth.out, "\nwritten (previous files kept as people.csv.bak)\n"));
    g_auto(State) v5 = {0};
    state_read(&v5, hand);
    g_assert_cmpstr(v5.people_bak, ==, "id,name\nzed,Zed Zero\n");
    g_assert_null(v5.edges_bak);
    fault_remove_tree(tmp);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/folder/concurrent-imports", test_concurrent_imports);
    g_test_add_func("/folder/lock-timeout", test_lock_timeout);
    g_test_add_func("/folder/killed", test_killed);
    g_test_add_func("/folder/full-disk", test_full_disk);
    g_test_add_func("/folder/edited-meanwhile", test_edited_meanwhile);
    g_test_add_func("/folder/planted-journal", test_planted_journal);
    g_test_add_func("/folder/bak-pair", test_bak_pair);
    return g_test_run();
}
