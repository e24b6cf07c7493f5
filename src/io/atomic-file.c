/* SPDX-License-Identifier: MIT */
/* One way to replace a file, used by every writer (-o, imports, compiled networks): write a
 * temporary file in the target's directory, give it the replaced file's mode and owner, fsync
 * it, rename it over the target, fsync the directory. A reader sees the old file or the new one,
 * never a part; a failure leaves the old file and no temporary.
 *
 * What is replaced is what the name means: a symlink is followed and its target replaced (the
 * link stays a link); a FIFO, a device or /dev/stdout is written into, not replaced by a
 * regular file. The temporary is an unnamed O_TMPFILE inode where the file system has them, so a
 * process killed while writing leaves nothing behind; it gets a name only once complete. */
#define _GNU_SOURCE /* O_TMPFILE, linkat() */
#include "io/atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40 /* as the kernel's ELOOP limit */

struct WpAtomicFile {
    char *display; /* the name the caller gave, for messages */
    char *target;  /* symlinks resolved: the file replaced */
    char *temp;    /* the temporary's name, once it has one */
    int fd;        /* being written; -1 once prepared */
    WpAtomicFlags flags;
    gboolean direct;   /* writing into the target itself (FIFO, device, a descriptor) */
    gboolean unnamed;  /* an O_TMPFILE inode: named by prepare() */
    gboolean have_old; /* a regular file is replaced: keep its mode and owner */
    struct stat old;
    gboolean prepared, committed;
};

gboolean wp_i_file_error(GError **error, int saved_errno, const char *what, const char *filename)
{
    g_autofree char *display = g_filename_display_name(filename);
    g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(saved_errno), "cannot %s '%s': %s",
                what, display, g_strerror(saved_errno));
    return FALSE;
}

/* Descriptor N when @path is /proc/self/fd/N or /dev/fd/N (what /dev/stdout leads to): such a
 * link names an open file of this process, which is written as it is; -1 otherwise. */
static int descriptor_path(const char *path)
{
    const char *prefixes[] = {"/proc/self/fd/", "/dev/fd/"};
    for (guint i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        if (!g_str_has_prefix(path, prefixes[i]))
            continue;
        const char *digits = path + strlen(prefixes[i]);
        guint64 n = 0;
        if (g_ascii_string_to_unsigned(digits, 10, 0, G_MAXINT, &n, NULL))
            return (int)n;
    }
    return -1;
}

/* Follows the symlinks of @filename's last component to the name of the file they lead to (which
 * need not exist yet). Stops at a descriptor link (see descriptor_path()). */
static gboolean resolve(const char *filename, char **out, GError **error)
{
    g_autofree char *path = g_strdup(filename);
    for (int hops = 0; hops < MAX_LINKS; hops++) {
        struct stat st;
        if (descriptor_path(path) >= 0 || lstat(path, &st) != 0 || !S_ISLNK(st.st_mode)) {
            *out = g_steal_pointer(&path);
            return TRUE;
        }
        g_autofree char *link = g_file_read_link(path, NULL);
        if (link == NULL) { /* vanished meanwhile: it is then the name to create */
            *out = g_steal_pointer(&path);
            return TRUE;
        }
        if (!g_path_is_absolute(link)) {
            g_autofree char *dir = g_path_get_dirname(path);
            g_free(path);
            path = g_build_filename(dir, link, NULL);
        } else {
            g_free(path);
            path = g_steal_pointer(&link);
        }
    }
    return wp_i_file_error(error, ELOOP, "write", filename);
}

char *wp_i_file_resolve(const char *filename)
{
    char *out = NULL;
    return resolve(filename, &out, NULL) ? out : NULL;
}

/* Opens the target itself for a direct write: @fd_number's duplicate, or @path. */
static gboolean open_direct(WpAtomicFile *f, int fd_number, GError **error)
{
    f->direct = TRUE;
    f->fd = fd_number >= 0 ? fcntl(fd_number, F_DUPFD_CLOEXEC, 3)
                           : g_open(f->target, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
    if (f->fd < 0)
        return wp_i_file_error(error, errno, "write", f->display);
    return TRUE;
}

/* A fresh name for the temporary in @dir: ".BASE.XXXXXX.wptmp" (the import's sweep of a data
 * folder recognises the suffix). */
static char *temp_name(const char *dir, const char *base)
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    char tag[7];
    for (guint i = 0; i < 6; i++)
        tag[i] = chars[g_random_int_range(0, (gint32)sizeof chars - 1)];
    tag[6] = '\0';
    g_autofree char *name = g_strdup_printf(".%s.%s.wptmp", base, tag);
    return g_build_filename(dir, name, NULL);
}

/* The temporary: unnamed when the file system can, else named at once. */
static gboolean open_temp(WpAtomicFile *f, GError **error)
{
    g_autofree char *dir = g_path_get_dirname(f->target);
    g_autofree char *base = g_path_get_basename(f->target);
    mode_t mode = f->have_old || (f->flags & WP_ATOMIC_PRIVATE) ? 0600 : 0666;
#ifdef O_TMPFILE
    /* Naming it later goes through /proc/self/fd (linkat() with AT_EMPTY_PATH needs a capability).
     */
    if (access("/proc/self/fd", X_OK) == 0) {
        f->fd = g_open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
        if (f->fd >= 0) {
            f->unnamed = TRUE;
            return TRUE;
        }
    }
#endif
    for (guint attempt = 0; attempt < 100; attempt++) {
        g_free(f->temp);
        f->temp = temp_name(dir, base);
        f->fd = g_open(f->temp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (f->fd >= 0 || errno != EEXIST)
            break;
    }
    if (f->fd < 0) {
        int saved = errno;
        g_clear_pointer(&f->temp, g_free);
        return wp_i_file_error(error, saved, "write", f->display);
    }
    return TRUE;
}

WpAtomicFile *wp_i_atomic_open(const char *filename, WpAtomicFlags flags, GError **error)
{
    g_return_val_if_fail(filename != NULL, NULL);
    g_autoptr(WpAtomicFile) f = g_new0(WpAtomicFile, 1);
    f->fd = -1;
    f->flags = flags;
    f->display = g_strdup(filename);
    if (!resolve(filename, &f->target, error))
        return NULL;
    int fd_number = descriptor_path(f->target);
    struct stat st;
    if (fd_number >= 0 || stat(f->target, &st) == 0) {
        if (fd_number < 0 && S_ISDIR(st.st_mode)) {
            wp_i_file_error(error, EISDIR, "write", filename);
            return NULL;
        }
        if (fd_number >= 0 || !S_ISREG(st.st_mode)) {
            if (flags & WP_ATOMIC_REGULAR_ONLY) {
                g_autofree char *display = g_filename_display_name(filename);
                g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                            "cannot write '%s': not a regular file", display);
                return NULL;
            }
            return open_direct(f, fd_number, error) ? g_steal_pointer(&f) : NULL;
        }
        f->have_old = TRUE;
        f->old = st;
    } else if (errno != ENOENT) {
        wp_i_file_error(error, errno, "write", filename);
        return NULL;
    }
    return open_temp(f, error) ? g_steal_pointer(&f) : NULL;
}

gboolean wp_i_atomic_write(WpAtomicFile *f, const void *data, gsize len, GError **error)
{
    g_return_val_if_fail(f != NULL && f->fd >= 0 && !f->prepared, FALSE);
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(f->fd, p, MIN(len, (gsize)1 << 30));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return wp_i_file_error(error, n < 0 ? errno : EIO, "write", f->display);
        p += n;
        len -= (gsize)n;
    }
    return TRUE;
}

int wp_i_atomic_fd(const WpAtomicFile *f)
{
    return f->prepared ? -1 : f->fd;
}

/* The replaced file's owner and mode. The owner only where the process may set it (root; or
 * the group alone, when it belongs to it); the mode without set-id bits, which a rewrite drops
 * anyway. Cannot fail: a file the process may not give away stays its own. */
static void keep_owner_and_mode(WpAtomicFile *f)
{
    struct stat now;
    if (fstat(f->fd, &now) == 0 && (now.st_uid != f->old.st_uid || now.st_gid != f->old.st_gid) &&
        fchown(f->fd, f->old.st_uid, f->old.st_gid) != 0 && now.st_gid != f->old.st_gid &&
        fchown(f->fd, (uid_t)-1, f->old.st_gid) != 0)
        errno = 0; /* neither was permitted */
    if (fchmod(f->fd, f->old.st_mode & 0777) != 0)
        errno = 0; /* cannot fail on a descriptor of a file we created */
}

/* Gives the unnamed temporary a name, through its /proc/self/fd link. */
static gboolean name_temp(WpAtomicFile *f, GError **error)
{
    g_autofree char *dir = g_path_get_dirname(f->target);
    g_autofree char *base = g_path_get_basename(f->target);
    g_autofree char *self = g_strdup_printf("/proc/self/fd/%d", f->fd);
    for (guint attempt = 0; attempt < 100; attempt++) {
        g_free(f->temp);
        f->temp = temp_name(dir, base);
        if (linkat(AT_FDCWD, self, AT_FDCWD, f->temp, AT_SYMLINK_FOLLOW) == 0) {
            f->unnamed = FALSE;
            return TRUE;
        }
        if (errno != EEXIST)
            break;
    }
    int saved = errno;
    g_clear_pointer(&f->temp, g_free);
    return wp_i_file_error(error, saved, "write", f->display);
}

gboolean wp_i_atomic_prepare(WpAtomicFile *f, GError **error)
{
    g_return_val_if_fail(f != NULL && f->fd >= 0 && !f->prepared, FALSE);
    if (f->direct) {
        f->prepared = TRUE;
        return TRUE;
    }
    if (f->have_old && !(f->flags & WP_ATOMIC_PRIVATE))
        keep_owner_and_mode(f);
    if (!(f->flags & WP_ATOMIC_NO_SYNC) && fsync(f->fd) != 0)
        return wp_i_file_error(error, errno, "write", f->display);
    if (f->unnamed && !name_temp(f, error))
        return FALSE;
    int fd = f->fd;
    f->fd = -1;
    if (close(fd) != 0)
        return wp_i_file_error(error, errno, "write", f->display);
    f->prepared = TRUE;
    return TRUE;
}

const char *wp_i_atomic_temp_name(const WpAtomicFile *f)
{
    return f->prepared ? f->temp : NULL;
}

const char *wp_i_atomic_target_name(const WpAtomicFile *f)
{
    return f->target;
}

gboolean wp_i_sync_directory(const char *dirname, GError **error)
{
    int fd = g_open(dirname, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0)
        return wp_i_file_error(error, errno, "sync directory", dirname);
    /* Some file systems cannot sync a directory (EINVAL): nothing more can be done there. */
    gboolean ok = fsync(fd) == 0 || errno == EINVAL;
    int saved = errno;
    close(fd);
    return ok || wp_i_file_error(error, saved, "sync directory", dirname);
}

gboolean wp_i_atomic_commit(WpAtomicFile *f, GError **error)
{
    g_return_val_if_fail(f != NULL && !f->committed, FALSE);
    if (!f->prepared && !wp_i_atomic_prepare(f, error))
        return FALSE;
    if (f->direct) {
        int fd = f->fd;
        f->fd = -1;
        f->committed = TRUE;
        return close(fd) == 0 || wp_i_file_error(error, errno, "write", f->display);
    }
    if (g_rename(f->temp, f->target) != 0)
        return wp_i_file_error(error, errno, "replace", f->display);
    f->committed = TRUE;
    if (f->flags & WP_ATOMIC_NO_SYNC)
        return TRUE;
    g_autofree char *dir = g_path_get_dirname(f->target);
    return wp_i_sync_directory(dir, error);
}

void wp_i_atomic_free(WpAtomicFile *f)
{
    if (f == NULL)
        return;
    if (f->fd >= 0)
        close(f->fd);
    if (f->temp != NULL && !f->committed && !f->direct)
        g_unlink(f->temp);
    g_free(f->display);
    g_free(f->target);
    g_free(f->temp);
    g_free(f);
}

gboolean wp_i_atomic_replace(const char *filename, const void *data, gsize len, WpAtomicFlags flags,
                             GError **error)
{
    g_autoptr(WpAtomicFile) f = wp_i_atomic_open(filename, flags, error);
    return f != NULL && wp_i_atomic_write(f, data, len, error) && wp_i_atomic_commit(f, error);
}
