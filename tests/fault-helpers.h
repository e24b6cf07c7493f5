/* SPDX-License-Identifier: MIT */
/* Running the `warmpath` binary from tests, optionally under the fault-injection library
 * (tests/fault-shim.c, $WP_FAULT_SHIM), and looking at the files it leaves. */
#pragma once

#include <warmpath/warmpath.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

typedef struct {
    int status; /* exit code, or -SIGNAL when killed */
    char *out;
    char *err;
} FaultRun;

static inline void fault_run_clear(FaultRun *r)
{
    g_clear_pointer(&r->out, g_free);
    g_clear_pointer(&r->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(FaultRun, fault_run_clear)

static inline char *fault_binary(void)
{
    char *path = g_test_build_filename(G_TEST_BUILT, "..", "warmpath", NULL);
    g_assert_true(g_file_test(path, G_FILE_TEST_IS_EXECUTABLE));
    return path;
}

/* The shim, or NULL (the test is then skipped) when the build did not make it. */
static inline const char *fault_shim(void)
{
    const char *shim = g_getenv("WP_FAULT_SHIM");
    return shim != NULL && g_file_test(shim, G_FILE_TEST_EXISTS) ? shim : NULL;
}

/* An environment for the command: a private cache dir (or "off"), and for each "NAME=VALUE" of
 * @faults (NULL-terminated, may be NULL) that variable; with any fault, the shim preloaded. */
static inline char **fault_environment(const char *cache_dir, const char *const *faults)
{
    char **env = g_get_environ();
    env = g_environ_setenv(env, "WARMPATH_CACHE_DIR", cache_dir ? cache_dir : "off", TRUE);
    env = g_environ_unsetenv(env, "WARMPATH_DATA");
    for (guint i = 0; faults != NULL && faults[i] != NULL; i++) {
        g_auto(GStrv) kv = g_strsplit(faults[i], "=", 2);
        env = g_environ_setenv(env, kv[0], kv[1] ? kv[1] : "", TRUE);
    }
    if (faults != NULL && faults[0] != NULL) {
        env = g_environ_setenv(env, "LD_PRELOAD", fault_shim(), TRUE);
        /* AddressSanitizer wants its runtime first; the shim allocates nothing, so order is moot.
         */
        const char *asan = g_environ_getenv(env, "ASAN_OPTIONS");
        g_autofree char *options = g_strdup_printf("%s%sverify_asan_link_order=0", asan ? asan : "",
                                                   asan && *asan ? ":" : "");
        env = g_environ_setenv(env, "ASAN_OPTIONS", options, TRUE);
    }
    return env;
}

static inline int fault_wait_status(int wait_status)
{
    if (WIFSIGNALED(wait_status))
        return -WTERMSIG(wait_status);
    return WEXITSTATUS(wait_status);
}

/* Runs `warmpath ARGV...` with @env (NULL: the test's own) and @input on standard input (NULL:
 * none); fills @r. */
static inline void fault_run_argv(FaultRun *r, char **env, const char *input,
                                  const char *const *args)
{
    g_autofree char *bin = fault_binary();
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_ptr_array_add(argv, bin);
    for (guint i = 0; args[i] != NULL; i++)
        g_ptr_array_add(argv, (gpointer)args[i]);
    g_ptr_array_add(argv, NULL);
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new(
        G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
        (input ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_STDIN_INHERIT));
    if (env != NULL)
        g_subprocess_launcher_set_environ(launcher, env);
    g_autoptr(GError) error = NULL;
    g_autoptr(GSubprocess) p =
        g_subprocess_launcher_spawnv(launcher, (const char *const *)argv->pdata, &error);
    g_assert_no_error(error);
    g_subprocess_communicate_utf8(p, input, NULL, &r->out, &r->err, &error);
    g_assert_no_error(error);
    g_subprocess_wait(p, NULL, &error);
    g_assert_no_error(error);
    r->status = fault_wait_status(g_subprocess_get_status(p));
}

/* Runs `warmpath ARGS...` (NULL-terminated) with @env; fills @r. */
static inline void fault_run(FaultRun *r, char **env, ...)
{
    g_autoptr(GPtrArray) args = g_ptr_array_new();
    va_list ap;
    va_start(ap, env);
    for (const char *a = va_arg(ap, const char *); a != NULL; a = va_arg(ap, const char *))
        g_ptr_array_add(args, (gpointer)a);
    va_end(ap);
    g_ptr_array_add(args, NULL);
    fault_run_argv(r, env, NULL, (const char *const *)args->pdata);
}

static inline char *fault_temp_dir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("wp-fault-XXXXXX", &error);
    g_assert_no_error(error);
    return dir;
}

static inline char *fault_write(const char *dir, const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_set_contents(path, text, -1, &error));
    g_assert_no_error(error);
    return path;
}

static inline char *fault_read(const char *path)
{
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return NULL;
    return text;
}

static inline gint fault_compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in @dir (hidden ones too), sorted, joined by spaces. */
static inline char *fault_list_dir(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        g_ptr_array_add(names, g_strdup(name));
    g_ptr_array_sort(names, fault_compare_names);
    g_ptr_array_add(names, NULL);
    return g_strjoinv(" ", (char **)names->pdata);
}

static inline void fault_remove_tree(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR) && !g_file_test(path, G_FILE_TEST_IS_SYMLINK))
            fault_remove_tree(path);
        else
            g_remove(path);
    }
    g_rmdir(dir);
}
