/* SPDX-License-Identifier: MIT */
/* A data folder (people.csv, edges.csv and their .bak pair) changed as one unit, one writer at
 * a time, and read only whole: see data-folder.c. */
#pragma once

#include <glib.h>

/* How long a reader waits for a commit in progress (commits take milliseconds). */
#define WP_FOLDER_READ_TIMEOUT_MS 60000u

typedef void (*WpFolderWaitFunc)(const char *dir, gpointer user_data);

/* The right to change a folder: other writers wait for it. */
typedef struct WpFolderLock WpFolderLock;

/**
 * wp_i_folder_lock:
 * @dir: the folder, created when missing
 * @timeout_ms: how long to wait for another writer
 * @on_wait: (nullable): called once, when the wait begins
 *
 * Takes the folder's writer lock (DIR/.warmpath.lock), then completes or undoes a change an
 * interrupted writer left (see wp_i_folder_recover()) and removes its temporary files. Fails
 * with WP_ERROR_FAILED after @timeout_ms, or with a G_FILE_ERROR.
 */
WpFolderLock *wp_i_folder_lock(const char *dir, guint timeout_ms, WpFolderWaitFunc on_wait,
                               gpointer user_data, GError **error);
void wp_i_folder_unlock(WpFolderLock *lock); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpFolderLock, wp_i_folder_unlock)
const char *wp_i_folder_lock_dir(const WpFolderLock *lock);

/* A set of file replacements and removals in a locked folder, applied all or none. */
typedef struct WpFolderCommit WpFolderCommit;

WpFolderCommit *wp_i_folder_commit_new(WpFolderLock *lock);
void wp_i_folder_commit_free(WpFolderCommit *commit); /* unapplied temporaries are removed */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpFolderCommit, wp_i_folder_commit_free)

/* Writes DIR/@name's new content to a synced temporary beside it (through a symlink: beside its
 * target). Fails with a G_FILE_ERROR (a full disk) naming DIR/@name. */
gboolean wp_i_folder_commit_replace(WpFolderCommit *commit, const char *name, const char *data,
                                    gsize len, GError **error);
/* Plans the removal of DIR/@name, when it exists. */
void wp_i_folder_commit_remove(WpFolderCommit *commit, const char *name);

/**
 * wp_i_folder_commit_apply:
 *
 * Waits for readers to finish (the folder's commit lock), writes and syncs a journal naming
 * every step, renames each temporary over its file and removes what was planned, syncs the
 * directories, then deletes the journal. A process killed at any point leaves the journal, and
 * the next command that reads or writes the folder completes the change; a failure before the
 * journal leaves the folder as it was. Fails with a G_FILE_ERROR, or WP_ERROR_FAILED when
 * readers keep the folder past the lock's timeout.
 */
gboolean wp_i_folder_commit_apply(WpFolderCommit *commit, GError **error);

/* Shared commit locks on the folders holding @files (NULL entries and non-regular files are
 * skipped), so that no change is applied while they are read. */
typedef struct WpFolderRead WpFolderRead;

/**
 * wp_i_folder_read_begin:
 * @files: @n file names (entries may be NULL)
 *
 * Waits (up to WP_FOLDER_READ_TIMEOUT_MS) for a change being applied to finish; a change an
 * interrupted writer left is completed first (which needs write access to the folder). Fails
 * with WP_ERROR_FAILED, or the error of that completion.
 */
WpFolderRead *wp_i_folder_read_begin(const char *const *files, guint n, GError **error);
void wp_i_folder_read_end(WpFolderRead *read); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpFolderRead, wp_i_folder_read_end)
