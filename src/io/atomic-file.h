/* SPDX-License-Identifier: MIT */
/* Replacing a file as one step, the way every writer of the library does it (-o, imports,
 * compiled networks): see atomic-file.c. */
#pragma once

#include <glib.h>

typedef enum {
    WP_ATOMIC_DEFAULT = 0,
    /* A cache: no fsync() of the file or its directory. A crash may leave an old, a missing or a
     * torn file, which its reader must detect (the snapshot's checksum does). */
    WP_ATOMIC_NO_SYNC = 1 << 0,
    /* The file is this user's, 0600, whatever the file it replaces was (a cache). */
    WP_ATOMIC_PRIVATE = 1 << 1,
    /* Refuse a target that exists and is not a regular file (or a symlink to one), instead of
     * writing into it: data files and caches are never FIFOs or devices. */
    WP_ATOMIC_REGULAR_ONLY = 1 << 2,
} WpAtomicFlags;

/* A file being written: a temporary beside its target until committed, or the target itself
 * when that is a FIFO, a device or one of the process's descriptors (/dev/stdout). */
typedef struct WpAtomicFile WpAtomicFile;

/**
 * wp_i_atomic_open:
 * @filename: the file to replace or create. A symlink is followed to its target, which is the
 *   file replaced (in the target's directory), so the link stays a link.
 *
 * Fails with a G_FILE_ERROR naming @filename: the directory is missing or not writable, the
 * target is a directory (or not a regular file under WP_ATOMIC_REGULAR_ONLY), too many links.
 */
WpAtomicFile *wp_i_atomic_open(const char *filename, WpAtomicFlags flags, GError **error);

/* Appends @len bytes. Fails (ENOSPC, EIO...) with a G_FILE_ERROR naming the target. */
gboolean wp_i_atomic_write(WpAtomicFile *file, const void *data, gsize len, GError **error);

/* The descriptor being written (for pwrite() or mmap() of what was written); -1 once prepared. */
int wp_i_atomic_fd(const WpAtomicFile *file);

/**
 * wp_i_atomic_prepare:
 *
 * Makes the written bytes a complete, durable file under a temporary name beside the target:
 * the replaced file's mode and owner (where the process may set them), fsync() unless
 * WP_ATOMIC_NO_SYNC, closed. Nothing is visible under the target's name yet. Cannot be undone
 * except by wp_i_atomic_free().
 */
gboolean wp_i_atomic_prepare(WpAtomicFile *file, GError **error);

/* The prepared temporary's name (absolute or as the target's directory was given); NULL before
 * wp_i_atomic_prepare() and for direct writes. */
const char *wp_i_atomic_temp_name(const WpAtomicFile *file);
/* Where the data ends up: the target with symlinks resolved. */
const char *wp_i_atomic_target_name(const WpAtomicFile *file);

/* Prepares if needed, renames the temporary over the target and (unless WP_ATOMIC_NO_SYNC)
 * fsyncs the directory. On failure the target is as it was and the temporary is gone. */
gboolean wp_i_atomic_commit(WpAtomicFile *file, GError **error);

/* Frees @file; an uncommitted temporary is removed. NULL is a no-op. */
void wp_i_atomic_free(WpAtomicFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpAtomicFile, wp_i_atomic_free)

/* Writes @len bytes as one atomic replacement (open, write, commit). */
gboolean wp_i_atomic_replace(const char *filename, const void *data, gsize len, WpAtomicFlags flags,
                             GError **error);

/* What wp_i_atomic_open() would write for @filename: its symlinks followed (NULL for a loop). */
char *wp_i_file_resolve(const char *filename);

/* fsync() of the directory @dirname, so renames in it survive a crash. Fails with a
 * G_FILE_ERROR. */
gboolean wp_i_sync_directory(const char *dirname, GError **error);

/* Sets a G_FILE_ERROR from @saved_errno: "cannot WHAT 'FILE': STRERROR". */
gboolean wp_i_file_error(GError **error, int saved_errno, const char *what, const char *filename);
