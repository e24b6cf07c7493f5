/* SPDX-License-Identifier: MIT */
/* Atomic writes (wp_file_write_atomic(), which -o, imports and the cache share) replace what the
 * name means and nothing else: the mode and owner of the file replaced stay, a symlink stays a
 * link to the updated file, a FIFO or a device is written into; a full disk leaves the old file
 * and no temporary; the file is fsynced before the rename and the directory after. */
#define _GNU_SOURCE /* lstat(), symlink(), mknod() */
#include "fault-helpers.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static void assert_content(const char *path, const char *want)
{
    g_autofree char *have = fault_read(path);
    g_assert_cmpstr(have, ==, want);
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    g_assert_cmpint(lstat(path, &st), ==, 0);
    return st.st_mode;
}

static void test_keeps_mode(void)
{
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *file = fault_write(dir, "people.csv", "id\na\n");
    g_assert_cmpint(g_chmod(file, 0600), ==, 0);
    g_autoptr(GError) error = NULL;
    g_assert_true(wp_file_write_atomic(file, "id\nb\n", 5, &error));
    g_assert_no_error(error);
    assert_content(file, "id\nb\n");
    g_assert_cmpint(mode_of(file) & 07777, ==, 0600); /* not 0644 from the umask */
    g_assert_cmpint(g_chmod(file, 0640), ==, 0);
    g_assert_true(wp_file_write_atomic(file, "id\nc\n", 5, &error));
    g_assert_cmpint(mode_of(file) & 07777, ==, 0640);
    /* A new file: 0666 less the umask (022 in main()). */
    g_autofree char *fresh = g_build_filename(dir, "new.csv", NULL);
    g_assert_true(wp_file_write_atomic(fresh, "x\n", 2, &error));
    g_assert_cmpint(mode_of(fresh) & 07777, ==, 0644);
    g_autofree char *names = fault_list_dir(dir);
    g_assert_cmpstr(names, ==, "new.csv people.csv");
    fault_remove_tree(dir);
}

/* Root can give the new file the old one's owner; others keep what they may. */
static void test_keeps_owner(void)
{
    if (geteuid() != 0) {
        g_test_skip("needs root to own a file for another user");
        return;
    }
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *file = fault_write(dir, "edges.csv", "source,target\n");
    g_assert_cmpint(chown(file, 65534, 65534), ==, 0);
    g_autoptr(GError) error = NULL;
    g_assert_true(wp_file_write_atomic(file, "source,target\na,b\n", 18, &error));
    g_assert_no_error(error);
    struct stat st;
    g_assert_cmpint(stat(file, &st), ==, 0);
    g_assert_cmpuint(st.st_uid, ==, 65534);
    g_assert_cmpuint(st.st_gid, ==, 65534);
    fault_remove_tree(dir);
}

/* A symlink (relative, through a second link, into another directory) stays a link; the file it
 * leads to gets the data. A dangling one creates its target. */
static void test_symlink(void)
{
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *sub = g_build_filename(dir, "real", NULL);
    g_assert_cmpint(g_mkdir(sub, 0700), ==, 0);
    g_autofree char *target = fault_write(sub, "people.csv", "old\n");
    g_autofree char *hop = g_build_filename(dir, "hop.csv", NULL);
    g_autofree char *link = g_build_filename(dir, "people.csv", NULL);
    g_assert_cmpint(symlink("real/people.csv", hop), ==, 0);
    g_assert_cmpint(symlink("hop.csv", link), ==, 0);
    g_autoptr(GError) error = NULL;
    g_assert_true(wp_file_write_atomic(link, "new\n", 4, &error));
    g_assert_no_error(error);
    g_assert_true(S_ISLNK(mode_of(link)));
    g_assert_true(S_ISLNK(mode_of(hop)));
    assert_content(target, "new\n");
    g_autofree char *top = fault_list_dir(dir);
    g_assert_cmpstr(top, ==, "hop.csv people.csv real");
    g_autofree char *inside = fault_list_dir(sub);
    g_assert_cmpstr(inside, ==, "people.csv");

    g_autofree char *dangling = g_build_filename(dir, "later.csv", NULL);
    g_assert_cmpint(symlink("real/later.csv", dangling), ==, 0);
    g_assert_true(wp_file_write_atomic(dangling, "made\n", 5, &error));
    g_assert_true(S_ISLNK(mode_of(dangling)));
    g_autofree char *made = g_build_filename(sub, "later.csv", NULL);
    assert_content(made, "made\n");

    /* A loop is an error, not a hang. */
    g_autofree char *loop = g_build_filename(dir, "loop.csv", NULL);
    g_assert_cmpint(symlink("loop.csv", loop), ==, 0);
    g_assert_false(wp_file_write_atomic(loop, "x", 1, &error));
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_LOOP);
    fault_remove_tree(dir);
}

static gpointer read_fifo(gpointer path)
{
    int fd = g_open(path, O_RDONLY, 0);
    g_assert_cmpint(fd, >=, 0);
    GString *got = g_string_new(NULL);
    char buf[256];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        g_string_append_len(got, buf, n);
    close(fd);
    return g_string_free(got, FALSE);
}

/* A FIFO is written into (a reader gets the bytes) and stays a FIFO. */
static void test_fifo(void)
{
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *fifo = g_build_filename(dir, "out", NULL);
    g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
    GThread *reader = g_thread_new("fifo-reader", read_fifo, fifo);
    g_autoptr(GError) error = NULL;
    g_assert_true(wp_file_write_atomic(fifo, "through\n", 8, &error));
    g_assert_no_error(error);
    g_autofree char *got = g_thread_join(reader);
    g_assert_cmpstr(got, ==, "through\n");
    g_assert_true(S_ISFIFO(mode_of(fifo)));
    g_autofree char *names = fault_list_dir(dir);
    g_assert_cmpstr(names, ==, "out");
    fault_remove_tree(dir);
}

/* As root, a device node is written into, not replaced by a regular file (a copy of /dev/null's
 * node, so nothing outside the test's directory is at risk). */
static void test_device(void)
{
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *node = g_build_filename(dir, "null", NULL);
    if (mknod(node, S_IFCHR | 0666, makedev(1, 3)) != 0) {
        g_test_skip("cannot make a device node (needs root)");
        fault_remove_tree(dir);
        return;
    }
    g_autoptr(GError) error = NULL;
    g_assert_true(wp_file_write_atomic(node, "gone\n", 5, &error));
    g_assert_no_error(error);
    g_assert_true(S_ISCHR(mode_of(node)));
    g_autofree char *names = fault_list_dir(dir);
    g_assert_cmpstr(names, ==, "null");
    fault_remove_tree(dir);
}

/* A directory is refused before anything is written. */
static void test_directory(void)
{
    g_autofree char *dir = fault_temp_dir();
    g_autoptr(GError) error = NULL;
    g_assert_false(wp_file_write_atomic(dir, "x", 1, &error));
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
    g_autofree char *names = fault_list_dir(dir);
    g_assert_cmpstr(names, ==, "");
    fault_remove_tree(dir);
}

/* ---- through the command line, with faults ---- */

static char *demo_edges(void)
{
    return g_build_filename(g_getenv("WP_SOURCE_DIR"), "datasets", "demo", "edges.csv", NULL);
}

/* `-o /dev/stdout` and `-o /dev/fd/1` write to the command's standard output. */
static void test_cli_stdout(void)
{
    g_autofree char *edges = demo_edges();
    g_auto(FaultRun) plain = {0};
    fault_run(&plain, NULL, "stats", "--edges", edges, "-f", "csv", NULL);
    g_assert_cmpint(plain.status, ==, 0);
    const char *names[] = {"/dev/stdout", "/dev/fd/1"};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        g_auto(FaultRun) r = {0};
        fault_run(&r, NULL, "stats", "--edges", edges, "-f", "csv", "-o", names[i], NULL);
        g_assert_cmpint(r.status, ==, 0);
        g_assert_cmpstr(r.out, ==, plain.out);
    }
    g_assert_true(g_file_test("/dev/stdout", G_FILE_TEST_IS_SYMLINK));
}

/* A full disk: exit 1 naming the file, the previous file as it was, no temporary left. */
static void test_cli_full_disk(void)
{
    if (fault_shim() == NULL) {
        g_test_skip("no fault-injection library");
        return;
    }
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *out = fault_write(dir, "out.csv", "previous\n");
    g_autofree char *edges = demo_edges();
    g_autofree char *in_dir = g_strdup_printf("WP_FAULT_DIR=%s", dir);
    const char *faults[] = {in_dir, "WP_FAULT_ENOSPC_AFTER=100", NULL};
    g_auto(GStrv) env = fault_environment(NULL, faults);
    g_auto(FaultRun) r = {0};
    fault_run(&r, env, "stats", "--edges", edges, "-f", "csv", "-o", out, NULL);
    g_assert_cmpint(r.status, ==, 1);
    g_assert_nonnull(strstr(r.err, "out.csv"));
    g_assert_nonnull(strstr(r.err, g_strerror(ENOSPC)));
    assert_content(out, "previous\n");
    g_autofree char *names = fault_list_dir(dir);
    g_assert_cmpstr(names, ==, "out.csv");
    fault_remove_tree(dir);
}

/* The file is synced before it is renamed into place, and the directory after. */
static void test_cli_sync_order(void)
{
    if (fault_shim() == NULL) {
        g_test_skip("no fault-injection library");
        return;
    }
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *out = g_build_filename(dir, "out.csv", NULL);
    g_autofree char *log = g_build_filename(dir, "steps.log", NULL);
    g_autofree char *edges = demo_edges();
    g_autofree char *in_dir = g_strdup_printf("WP_FAULT_DIR=%s", dir);
    g_autofree char *log_to = g_strdup_printf("WP_FAULT_LOG=%s", log);
    const char *faults[] = {in_dir, log_to, NULL};
    g_auto(GStrv) env = fault_environment(NULL, faults);
    g_auto(FaultRun) r = {0};
    fault_run(&r, env, "stats", "--edges", edges, "-o", out, NULL);
    g_assert_cmpint(r.status, ==, 0);
    g_autofree char *steps = fault_read(log);
    g_auto(GStrv) lines = g_strsplit(steps, "\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, 4); /* three steps and the final "" */
    g_assert_true(g_str_has_prefix(lines[0], "fsync "));
    g_autofree char *renamed = g_strdup_printf("rename %s", out);
    g_assert_cmpstr(lines[1], ==, renamed);
    g_autofree char *synced = g_strdup_printf("fsync %s", dir);
    g_assert_cmpstr(lines[2], ==, synced);
    fault_remove_tree(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    umask(022);
    g_test_add_func("/files/atomic/keeps-mode", test_keeps_mode);
    g_test_add_func("/files/atomic/keeps-owner", test_keeps_owner);
    g_test_add_func("/files/atomic/symlink", test_symlink);
    g_test_add_func("/files/atomic/fifo", test_fifo);
    g_test_add_func("/files/atomic/device", test_device);
    g_test_add_func("/files/atomic/directory", test_directory);
    g_test_add_func("/files/atomic/cli-stdout", test_cli_stdout);
    g_test_add_func("/files/atomic/cli-full-disk", test_cli_full_disk);
    g_test_add_func("/files/atomic/cli-sync-order", test_cli_sync_order);
    return g_test_run();
}
