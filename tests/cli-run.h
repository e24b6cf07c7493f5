/* SPDX-License-Identifier: MIT */
/* Running the built `warmpath` (G_TEST_BUILDDIR/../warmpath) from a test, and temporary
 * directories for what it writes. */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

typedef struct {
    int status;
    char *out;
    char *err;
} CliRun;

static inline void cli_run_clear(CliRun *r)
{
    g_clear_pointer(&r->out, g_free);
    g_clear_pointer(&r->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CliRun, cli_run_clear)

/* Runs `warmpath ARGV...` (@argv NULL-terminated, without the program) with no compiled-network
 * cache; fills @r. FALSE, with the test skipped, when there is no binary. */
static inline gboolean cli_run_argv(CliRun *r, const char *const *argv)
{
    g_autofree char *bin = g_test_build_filename(G_TEST_BUILT, "..", "warmpath", NULL);
    if (!g_file_test(bin, G_FILE_TEST_IS_EXECUTABLE)) {
        g_test_skip("no warmpath binary beside the tests");
        return FALSE;
    }
    g_autoptr(GPtrArray) args = g_ptr_array_new();
    g_ptr_array_add(args, bin);
    for (guint i = 0; argv[i] != NULL; i++)
        g_ptr_array_add(args, (gpointer)argv[i]);
    g_ptr_array_add(args, NULL);
    g_auto(GStrv) env = g_environ_setenv(g_get_environ(), "WARMPATH_CACHE_DIR", "off", TRUE);
    g_autoptr(GError) error = NULL;
    int wait_status = 0;
    g_assert_true(g_spawn_sync(NULL, (char **)args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
    g_assert_no_error(error);
    r->status = 0;
    if (!g_spawn_check_wait_status(wait_status, &error)) {
        g_assert_error(error, G_SPAWN_EXIT_ERROR, error->code); /* exited, not killed */
        r->status = error->code;
    }
    return TRUE;
}

static inline char *cli_temp_dir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("wp-test-cli-XXXXXX", &error);
    g_assert_no_error(error);
    return dir;
}

/* Removes @dir and the files in it. */
static inline void cli_remove_dir(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_remove(path);
    }
    g_rmdir(dir);
}
