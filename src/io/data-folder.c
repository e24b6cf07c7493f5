/* SPDX-License-Identifier: MIT */
/* A data folder changes as one unit. Two locks and a journal, in the manner of a database's
 * rollback journal:
 *
 * - The writer lock, flock() on DIR/.warmpath.lock, is held by an import from before it reads
 *   the folder until after its last rename: a second import waits for it, so that neither
 *   overwrites what the other added.
 * - The commit lock, flock() on the directory itself, is held exclusively while the files are
 *   renamed into place and shared by every command reading the folder: a reader never sees
 *   people.csv of one generation beside edges.csv of another. A reader needs no write access
 *   for it and creates nothing.
 * - Before the first rename the writer writes and syncs DIR/.warmpath-journal, naming every
 *   rename (temporary, target, size and XXH3 hash of the new content) and removal; it deletes
 *   the journal after the last. Every temporary is complete and synced before the journal
 *   exists, so a process killed at any point leaves either no journal (the old folder, plus
 *   temporaries that the next writer removes) or a journal that can be completed. The next
 *   command to lock or read the folder completes it ("rolls forward"); a journal whose new
 *   files are not all intact, with none applied yet, is undone instead. */
#define _GNU_SOURCE /* flock() */
#include "io/data-folder.h"

#include "io/atomic-file.h"
#include "warmpath/error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#define LOCK_NAME ".warmpath.lock"
#define JOURNAL_NAME ".warmpath-journal"
#define JOURNAL_HEAD "warmpath-journal 1"

/* The files a writer of a data folder changes: their temporaries (".NAME.XXXXXX.wptmp") left by
 * a killed writer are removed by the next one. */
static const char *const folder_files[] = {"people.csv", "edges.csv", "people.csv.bak",
                                           "edges.csv.bak", JOURNAL_NAME};

struct WpFolderLock {
    char *dir;
    int fd; /* DIR/.warmpath.lock, locked exclusively; removed on unlock */
    guint timeout_ms;
    gboolean made_dir; /* the folder did not exist: removed on unlock if left empty */
};

/* One step of a commit. Names are absolute, or relative to the folder. */
typedef struct {
    gboolean remove;
    char *temp;   /* replace: the complete new file */
    char *target; /* the file replaced or removed */
    guint64 size, hash;
    WpAtomicFile *file; /* replace, while this process commits it */
} Step;

static void step_free(gpointer data)
{
    Step *s = data;
    wp_i_atomic_free(s->file);
    g_free(s->temp);
    g_free(s->target);
    g_free(s);
}

struct WpFolderCommit {
    WpFolderLock *lock; /* borrowed */
    GPtrArray *steps;   /* Step *: replacements in order, then removals */
};

/* ---- locks ---- */

/* flock(@fd, @op), retrying until @deadline (monotonic µs); @on_wait is called when it must
 * wait, unless *@waited says it was already. FALSE on timeout. Where the file system has no
 * flock() (some network file systems) nothing is locked: TRUE. */
static gboolean flock_until(int fd, int op, gint64 deadline, WpFolderWaitFunc on_wait,
                            const char *dir, gpointer user_data, gboolean *waited)
{
    gulong pause_us = 1000;
    for (;;) {
        if (flock(fd, op | LOCK_NB) == 0)
            return TRUE;
        if (errno == EINTR)
            continue;
        if (errno != EWOULDBLOCK)
            return TRUE;
        gint64 now = g_get_monotonic_time();
        if (now >= deadline)
            return FALSE;
        if (!*waited && on_wait != NULL)
            on_wait(dir, user_data);
        *waited = TRUE;
        g_usleep(MIN(pause_us, (gulong)(deadline - now)));
        pause_us = MIN(pause_us * 2, 100000);
    }
}

static gboolean flock_wait(int fd, int op, guint timeout_ms, const char *dir)
{
    gboolean waited = FALSE;
    return flock_until(fd, op, g_get_monotonic_time() + (gint64)timeout_ms * 1000, NULL, dir, NULL,
                       &waited);
}

static int open_dir(const char *dir)
{
    return g_open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
}

/* The commit lock: @dir itself, exclusively (-1 with @error set on failure). */
static int lock_commits(const char *dir, guint timeout_ms, GError **error)
{
    int fd = open_dir(dir);
    if (fd < 0) {
        wp_i_file_error(error, errno, "open directory", dir);
        return -1;
    }
    if (!flock_wait(fd, LOCK_EX, timeout_ms, dir)) {
        close(fd);
        g_autofree char *display = g_filename_display_name(dir);
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                    "'%s' is being read by other commands (waited %u s); try again", display,
                    timeout_ms / 1000);
        return -1;
    }
    return fd;
}

/* ---- the journal ---- */

static char *path_in(const char *dir, const char *name)
{
    return g_path_is_absolute(name) ? g_strdup(name) : g_build_filename(dir, name, NULL);
}

/* @path as the journal names it: its base name when it lies in @dir, else absolute. */
static char *journal_name(const char *dir, const char *path)
{
    g_autofree char *parent = g_path_get_dirname(path);
    if (strcmp(parent, dir) == 0)
        return g_path_get_basename(path);
    return g_canonicalize_filename(path, NULL);
}

static char *journal_text(const WpFolderCommit *c)
{
    const char *dir = c->lock->dir;
    GString *text = g_string_new(JOURNAL_HEAD "\n");
    for (guint i = 0; i < c->steps->len; i++) {
        const Step *s = c->steps->pdata[i];
        g_autofree char *target = journal_name(dir, s->target);
        g_autofree char *target_esc = g_strescape(target, NULL);
        if (s->remove) {
            g_string_append_printf(text, "remove\t%s\n", target_esc);
            continue;
        }
        g_autofree char *temp = journal_name(dir, s->temp);
        g_autofree char *temp_esc = g_strescape(temp, NULL);
        g_string_append_printf(
            text, "replace\t%" G_GUINT64_FORMAT "\t%016" G_GINT64_MODIFIER "x\t%s\t%s\n", s->size,
            s->hash, temp_esc, target_esc);
    }
    return g_string_free(text, FALSE);
}

/* The steps of a journal's @text, names made paths in @dir; NULL when it is not a journal. */
static GPtrArray *journal_parse(const char *dir, const char *text)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    if (lines[0] == NULL || strcmp(lines[0], JOURNAL_HEAD) != 0)
        return NULL;
    g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func(step_free);
    for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++) {
        g_auto(GStrv) f = g_strsplit(lines[i], "\t", -1);
        guint n = g_strv_length(f);
        Step *s = g_new0(Step, 1);
        g_ptr_array_add(steps, s);
        if (n == 2 && strcmp(f[0], "remove") == 0) {
            g_autofree char *target = g_strcompress(f[1]);
            s->remove = TRUE;
            s->target = path_in(dir, target);
        } else if (n == 5 && strcmp(f[0], "replace") == 0 &&
                   g_ascii_string_to_unsigned(f[1], 10, 0, G_MAXUINT64, &s->size, NULL) &&
                   g_ascii_string_to_unsigned(f[2], 16, 0, G_MAXUINT64, &s->hash, NULL)) {
            g_autofree char *temp = g_strcompress(f[3]);
            g_autofree char *target = g_strcompress(f[4]);
            s->temp = path_in(dir, temp);
            s->target = path_in(dir, target);
        } else {
            return NULL;
        }
    }
    return g_steal_pointer(&steps);
}

/* A journal is data in a folder others may write to (a team's shared folder), so it may only
 * name the folder's own files: a removal, a .bak file in the folder; a replacement, one of the
 * folder's files or where its symlink leads, from a temporary beside it named as
 * atomic-file.c names them. Anything else would let a planted journal make the next command
 * rename a file of its choosing over any file the user can write. */
static gboolean step_allowed(const char *dir, const Step *s)
{
    for (guint i = 0; i < G_N_ELEMENTS(folder_files); i++) {
        const char *name = folder_files[i];
        if (strcmp(name, JOURNAL_NAME) == 0 || (s->remove && !g_str_has_suffix(name, ".bak")))
            continue;
        g_autofree char *path = g_build_filename(dir, name, NULL);
        if (s->remove) {
            if (strcmp(s->target, path) == 0)
                return TRUE;
            continue;
        }
        g_autofree char *resolved = wp_i_file_resolve(path);
        g_autofree char *real = resolved ? g_canonicalize_filename(resolved, NULL) : NULL;
        if (strcmp(s->target, path) != 0 && (real == NULL || strcmp(s->target, real) != 0))
            continue;
        g_autofree char *parent = g_path_get_dirname(s->target);
        g_autofree char *base = g_path_get_basename(s->target);
        g_autofree char *temp_parent = g_path_get_dirname(s->temp);
        g_autofree char *temp_base = g_path_get_basename(s->temp);
        gsize n = strlen(base);
        return strcmp(parent, temp_parent) == 0 && temp_base[0] == '.' &&
               strncmp(temp_base + 1, base, n) == 0 && temp_base[1 + n] == '.' &&
               strlen(temp_base) == 1 + n + 1 + 6 + strlen(".wptmp") &&
               g_str_has_suffix(temp_base, ".wptmp");
    }
    return FALSE;
}

static gboolean has_content(const char *path, guint64 size, guint64 hash)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    return g_file_get_contents(path, &data, &len, NULL) && len == size &&
           XXH3_64bits(data, len) == hash;
}

/* Applies the steps of @steps not done yet; FALSE with @error at the first that fails. */
static gboolean roll_forward(GPtrArray *steps, GError **error)
{
    for (guint i = 0; i < steps->len; i++) {
        const Step *s = steps->pdata[i];
        if (s->remove && g_unlink(s->target) != 0 && errno != ENOENT)
            return wp_i_file_error(error, errno, "remove", s->target);
        if (!s->remove && g_file_test(s->temp, G_FILE_TEST_EXISTS) &&
            g_rename(s->temp, s->target) != 0)
            return wp_i_file_error(error, errno, "replace", s->target);
        if (!s->remove) {
            g_autofree char *parent = g_path_get_dirname(s->target);
            if (!wp_i_sync_directory(parent, error))
                return FALSE;
        }
    }
    return TRUE;
}

/* Completes (or, when it cannot have begun, undoes) the change the journal in @dir describes.
 * Holds the writer lock; takes the commit lock. */
static gboolean recover(const WpFolderLock *lock, GError **error)
{
    g_autofree char *journal = g_build_filename(lock->dir, JOURNAL_NAME, NULL);
    if (!g_file_test(journal, G_FILE_TEST_EXISTS))
        return TRUE;
    int dir_fd = lock_commits(lock->dir, lock->timeout_ms, error);
    if (dir_fd < 0)
        return FALSE;
    g_autofree char *text = NULL;
    g_autoptr(GPtrArray) steps = NULL;
    gboolean ok = g_file_get_contents(journal, &text, NULL, error);
    if (ok && (steps = journal_parse(lock->dir, text)) == NULL)
        ok = wp_i_file_error(error, EINVAL, "read the journal", journal);
    for (guint i = 0; ok && i < steps->len; i++)
        if (!step_allowed(lock->dir, steps->pdata[i])) {
            g_autofree char *display = g_filename_display_name(journal);
            g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                        "%s names a file that is not one of the folder's own; not used (remove "
                        "it if no import is running)",
                        display);
            ok = FALSE;
        }
    guint done = 0, broken = 0;
    for (guint i = 0; ok && i < steps->len; i++) {
        const Step *s = steps->pdata[i];
        gboolean temp = !s->remove && g_file_test(s->temp, G_FILE_TEST_EXISTS);
        if (s->remove)
            done += !g_file_test(s->target, G_FILE_TEST_EXISTS);
        else if (temp)
            broken += !has_content(s->temp, s->size, s->hash);
        else if (has_content(s->target, s->size, s->hash))
            done++;
        else
            broken++;
    }
    if (ok && broken == 0) {
        ok = roll_forward(steps, error);
    } else if (ok && done == 0) { /* nothing applied yet: the old folder stands */
        for (guint i = 0; i < steps->len; i++)
            if (!((Step *)steps->pdata[i])->remove)
                g_unlink(((Step *)steps->pdata[i])->temp);
    } else if (ok) {
        g_autofree char *display = g_filename_display_name(lock->dir);
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                    "'%s': an interrupted import can be neither completed nor undone (its new "
                    "files were damaged); the files before it are the .bak files",
                    display);
        ok = FALSE;
    }
    if (ok && g_unlink(journal) != 0)
        ok = wp_i_file_error(error, errno, "remove", journal);
    ok = ok && wp_i_sync_directory(lock->dir, error);
    close(dir_fd);
    return ok;
}

/* Removes the temporaries of the folder's files that a killed writer left (none can be in use:
 * the caller holds the writer lock). */
static void sweep(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        if (name[0] != '.' || !g_str_has_suffix(name, ".wptmp"))
            continue;
        for (guint i = 0; i < G_N_ELEMENTS(folder_files); i++) {
            gsize n = strlen(folder_files[i]);
            /* ".NAME.XXXXXX.wptmp" (atomic-file.c) */
            if (strncmp(name + 1, folder_files[i], n) == 0 && name[1 + n] == '.' &&
                strlen(name) == 1 + n + 1 + 6 + strlen(".wptmp")) {
                g_autofree char *path = g_build_filename(dir, name, NULL);
                g_unlink(path);
            }
        }
    }
}

/* Opens and locks DIR/.warmpath.lock. Its holder removes it when done (so a folder keeps no
 * lock file), so a lock won on a file that is no longer the one in the folder is worth
 * nothing: then the current one is locked instead. -1 with @error set on failure. */
static int lock_file(const char *dir, guint timeout_ms, WpFolderWaitFunc on_wait,
                     gpointer user_data, GError **error)
{
    g_autofree char *path = g_build_filename(dir, LOCK_NAME, NULL);
    gint64 deadline = g_get_monotonic_time() + (gint64)timeout_ms * 1000;
    gboolean waited = FALSE;
    for (;;) {
        int fd = g_open(path, O_RDONLY | O_CREAT | O_CLOEXEC | O_NOCTTY, 0666);
        if (fd < 0) {
            wp_i_file_error(error, errno, "lock", dir);
            return -1;
        }
        if (!flock_until(fd, LOCK_EX, deadline, on_wait, dir, user_data, &waited)) {
            close(fd);
            g_autofree char *display = g_filename_display_name(dir);
            g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                        "another import into '%s' is still running (waited %u s); try again "
                        "later",
                        display, timeout_ms / 1000);
            return -1;
        }
        struct stat locked, named;
        if (fstat(fd, &locked) == 0 && g_stat(path, (GStatBuf *)&named) == 0 &&
            locked.st_ino == named.st_ino && locked.st_dev == named.st_dev)
            return fd;
        close(fd);
    }
}

WpFolderLock *wp_i_folder_lock(const char *dir, guint timeout_ms, WpFolderWaitFunc on_wait,
                               gpointer user_data, GError **error)
{
    g_return_val_if_fail(dir != NULL, NULL);
    g_autoptr(WpFolderLock) lock = g_new0(WpFolderLock, 1);
    lock->dir = g_canonicalize_filename(dir, NULL); /* the journal names files relative to it */
    lock->fd = -1;
    lock->timeout_ms = timeout_ms;
    lock->made_dir = !g_file_test(lock->dir, G_FILE_TEST_IS_DIR);
    if (g_mkdir_with_parents(lock->dir, 0777) != 0) {
        wp_i_file_error(error, errno, "create directory", dir);
        return NULL;
    }
    lock->fd = lock_file(lock->dir, timeout_ms, on_wait, user_data, error);
    if (lock->fd < 0 || !recover(lock, error))
        return NULL;
    sweep(lock->dir);
    return g_steal_pointer(&lock);
}

void wp_i_folder_unlock(WpFolderLock *lock)
{
    if (lock == NULL)
        return;
    if (lock->fd >= 0) {
        g_autofree char *path = g_build_filename(lock->dir, LOCK_NAME, NULL);
        g_unlink(path); /* still holding it: a waiter then locks a fresh file (lock_file()) */
        close(lock->fd);
    }
    if (lock->made_dir)
        g_rmdir(lock->dir); /* only if the import left it empty */
    g_free(lock->dir);
    g_free(lock);
}

const char *wp_i_folder_lock_dir(const WpFolderLock *lock)
{
    return lock->dir;
}

/* ---- commits ---- */

WpFolderCommit *wp_i_folder_commit_new(WpFolderLock *lock)
{
    WpFolderCommit *c = g_new0(WpFolderCommit, 1);
    c->lock = lock;
    c->steps = g_ptr_array_new_with_free_func(step_free);
    return c;
}

void wp_i_folder_commit_free(WpFolderCommit *c)
{
    if (c == NULL)
        return;
    g_ptr_array_unref(c->steps);
    g_free(c);
}

gboolean wp_i_folder_commit_replace(WpFolderCommit *c, const char *name, const char *data,
                                    gsize len, GError **error)
{
    g_autofree char *path = g_build_filename(c->lock->dir, name, NULL);
    g_autoptr(WpAtomicFile) file = wp_i_atomic_open(path, WP_ATOMIC_REGULAR_ONLY, error);
    if (file == NULL || !wp_i_atomic_write(file, data, len, error) ||
        !wp_i_atomic_prepare(file, error))
        return FALSE;
    Step *s = g_new0(Step, 1);
    s->temp = g_strdup(wp_i_atomic_temp_name(file));
    s->target = g_strdup(wp_i_atomic_target_name(file));
    s->size = len;
    s->hash = XXH3_64bits(data, len);
    s->file = g_steal_pointer(&file);
    /* Replacements go before removals: an interrupted commit is then undone only while no
     * step has been applied (see recover()). */
    guint at = 0;
    while (at < c->steps->len && !((Step *)c->steps->pdata[at])->remove)
        at++;
    g_ptr_array_insert(c->steps, (gint)at, s);
    return TRUE;
}

void wp_i_folder_commit_remove(WpFolderCommit *c, const char *name)
{
    g_autofree char *path = g_build_filename(c->lock->dir, name, NULL);
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    Step *s = g_new0(Step, 1);
    s->remove = TRUE;
    s->target = g_steal_pointer(&path);
    g_ptr_array_add(c->steps, s);
}

gboolean wp_i_folder_commit_apply(WpFolderCommit *c, GError **error)
{
    const char *dir = c->lock->dir;
    if (c->steps->len == 0)
        return TRUE;
    int dir_fd = lock_commits(dir, c->lock->timeout_ms, error);
    if (dir_fd < 0)
        return FALSE;
    g_autofree char *journal = g_build_filename(dir, JOURNAL_NAME, NULL);
    g_autofree char *text = journal_text(c);
    gboolean ok = wp_i_atomic_replace(journal, text, strlen(text), WP_ATOMIC_DEFAULT, error);
    /* From here an interruption is completed by the next command; a failure too, since the
     * journal stays. */
    for (guint i = 0; ok && i < c->steps->len; i++) {
        Step *s = c->steps->pdata[i];
        if (s->remove && g_unlink(s->target) != 0 && errno != ENOENT)
            ok = wp_i_file_error(error, errno, "remove", s->target);
        else if (!s->remove)
            ok = wp_i_atomic_commit(s->file, error);
    }
    ok = ok && wp_i_sync_directory(dir, error);
    if (ok && g_unlink(journal) != 0)
        ok = wp_i_file_error(error, errno, "remove", journal);
    ok = ok && wp_i_sync_directory(dir, error);
    close(dir_fd);
    return ok;
}

/* ---- readers ---- */

struct WpFolderRead {
    GArray *fds; /* int: directories locked shared */
};

void wp_i_folder_read_end(WpFolderRead *r)
{
    if (r == NULL)
        return;
    for (guint i = 0; i < r->fds->len; i++)
        close(g_array_index(r->fds, int, i));
    g_array_unref(r->fds);
    g_free(r);
}

/* Locks (shared) the folders of @files; sets *@journal_dir to the first folder that holds a
 * journal, and then stops. */
static WpFolderRead *lock_shared(const char *const *files, guint n, char **journal_dir,
                                 GError **error)
{
    g_autoptr(WpFolderRead) r = g_new0(WpFolderRead, 1);
    r->fds = g_array_new(FALSE, FALSE, sizeof(int));
    g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func(g_free);
    *journal_dir = NULL;
    for (guint i = 0; i < n; i++) {
        struct stat st;
        if (files[i] == NULL || (g_stat(files[i], (GStatBuf *)&st) == 0 && !S_ISREG(st.st_mode)))
            continue; /* a pipe, a device: no folder to lock */
        g_autofree char *dir = g_path_get_dirname(files[i]);
        if (g_ptr_array_find_with_equal_func(dirs, dir, g_str_equal, NULL))
            continue;
        int fd = open_dir(dir);
        if (fd < 0)
            continue; /* not readable: nothing can be locked, and readers make do */
        g_array_append_val(r->fds, fd);
        if (!flock_wait(fd, LOCK_SH, WP_FOLDER_READ_TIMEOUT_MS, dir)) {
            g_autofree char *display = g_filename_display_name(dir);
            g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                        "'%s' is being changed by another command (an import); try again", display);
            return NULL;
        }
        g_autofree char *journal = g_build_filename(dir, JOURNAL_NAME, NULL);
        if (g_file_test(journal, G_FILE_TEST_EXISTS)) {
            *journal_dir = g_steal_pointer(&dir);
            break;
        }
        g_ptr_array_add(dirs, g_steal_pointer(&dir));
    }
    return g_steal_pointer(&r);
}

WpFolderRead *wp_i_folder_read_begin(const char *const *files, guint n, GError **error)
{
    for (guint attempt = 0;; attempt++) {
        g_autofree char *journal_dir = NULL;
        g_autoptr(WpFolderRead) r = lock_shared(files, n, &journal_dir, error);
        if (r == NULL || journal_dir == NULL)
            return g_steal_pointer(&r);
        /* A journal under a shared lock: its writer died mid-commit. Complete it, then read. */
        g_clear_pointer(&r, wp_i_folder_read_end);
        g_autoptr(WpFolderLock) lock =
            attempt < 3
                ? wp_i_folder_lock(journal_dir, WP_FOLDER_READ_TIMEOUT_MS, NULL, NULL, error)
                : NULL;
        if (lock == NULL) {
            g_autofree char *display = g_filename_display_name(journal_dir);
            if (attempt >= 3)
                g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                            "'%s' holds an unfinished import that keeps coming back", display);
            else
                g_prefix_error(error,
                               "'%s' holds an unfinished import (" JOURNAL_NAME
                               ") that could not be completed: ",
                               display);
            return NULL;
        }
    }
}
