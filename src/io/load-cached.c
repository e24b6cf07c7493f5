/* SPDX-License-Identifier: MIT */
/* wp_graph_load_cached(): a large network through its compiled form (io/snapshot.c), kept in
 * a cache directory and trusted only when it was made from the files as they are now.
 *
 * The files are stamped (size, modification and change times in ns, inode, device) before they
 * are parsed and again after: a file replaced or rewritten meanwhile (an import, a sync client)
 * leaves the snapshot unsaved, since what was parsed may be the old file while the name now
 * stamps the new one. Nor is a file modified in the clock tick in which the read began: file
 * times tick coarsely (milliseconds, or seconds on some file systems), and a second write within
 * that tick would keep the stamp while changing the content (git's "racily clean" files). */
#define _GNU_SOURCE /* struct stat's st_mtim and st_ctim, S_ISVTX */
#include "io/io-private.h"
#include "io/snapshot-private.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* @filename's stamp; FALSE unless it is a regular file (a pipe cannot be stamped or re-read). */
static gboolean stamp_file(const char *filename, WpFileStamp *out)
{
    struct stat st;
    if (g_stat(filename, (GStatBuf *)&st) != 0 || !S_ISREG(st.st_mode))
        return FALSE;
    out->size = (guint64)st.st_size;
    out->mtime_ns = (guint64)st.st_mtim.tv_sec * 1000000000u + (guint64)st.st_mtim.tv_nsec;
    out->ctime_ns = (guint64)st.st_ctim.tv_sec * 1000000000u + (guint64)st.st_ctim.tv_nsec;
    out->inode = (guint64)st.st_ino;
    out->device = (guint64)st.st_dev;
    return TRUE;
}

static gboolean stamp_sources(const WpLoadSpec *spec, WpSourceStamp *out)
{
    *out = (WpSourceStamp){{0}, {0}};
    return stamp_file(spec->ties_file, &out->ties) &&
           (spec->people_file == NULL || stamp_file(spec->people_file, &out->people));
}

/* How coarsely @f's times tick: the kernel's coarse clock, or two seconds where a file system
 * keeps whole seconds (FAT, some network file systems). */
static gint64 tick_ns(const WpFileStamp *f)
{
    if (f->mtime_ns % 1000000000u == 0 && f->ctime_ns % 1000000000u == 0)
        return 2000000000;
    struct timespec res;
    if (clock_getres(CLOCK_REALTIME_COARSE, &res) != 0)
        return 10000000;
    return MAX((gint64)res.tv_sec * 1000000000 + res.tv_nsec, 1000000);
}

/* Modified in (or near) the tick in which the read began at @started_ns: another write in that
 * tick would go unseen. */
static gboolean racy(const WpFileStamp *f, gint64 started_ns)
{
    return (gint64)f->mtime_ns >= started_ns - 2 * tick_ns(f);
}

/* The snapshot's name: a digest of what was asked for, so each input set has its own. */
static char *snapshot_path(const WpLoadSpec *spec, const char *dir)
{
    g_autofree char *ties = g_canonicalize_filename(spec->ties_file, NULL);
    g_autofree char *people =
        spec->people_file ? g_canonicalize_filename(spec->people_file, NULL) : g_strdup("");
    g_autofree char *key = g_strdup_printf("%s\n%s\n%d\n%016" G_GINT64_MODIFIER "x", ties, people,
                                           spec->flags, wp_i_load_spec_key(spec));
    g_autofree char *digest = g_compute_checksum_for_string(G_CHECKSUM_SHA256, key, -1);
    g_autofree char *name = g_strdup_printf("%.32s.wpsnap", digest);
    return g_build_filename(dir, name, NULL);
}

/* The cache directory, created 0700 when missing, when only this user (or root) can put or
 * replace files in it: owned by this user or root, and writable by group or others only with
 * the sticky bit (as /tmp). Otherwise the cache is not used at all. */
static char *usable_cache_dir(const char *cache_dir)
{
    g_autofree char *dir = cache_dir ? g_strdup(cache_dir)
                                     : g_build_filename(g_get_user_cache_dir(), "warmpath", NULL);
    struct stat st;
    if (g_mkdir_with_parents(dir, 0700) != 0 || g_stat(dir, (GStatBuf *)&st) != 0 ||
        !S_ISDIR(st.st_mode) || (st.st_uid != geteuid() && st.st_uid != 0) ||
        ((st.st_mode & (S_IWGRP | S_IWOTH)) && !(st.st_mode & S_ISVTX)))
        return NULL;
    return g_steal_pointer(&dir);
}

WpGraph *wp_graph_load_cached(const WpLoadSpec *spec, const char *cache_dir, guint64 min_bytes,
                              gboolean *from_cache, GError **error)
{
    g_return_val_if_fail(spec != NULL && spec->ties_file != NULL, NULL);
    gint64 started_ns = g_get_real_time() * 1000;
    WpSourceStamp before;
    if (from_cache)
        *from_cache = FALSE;
    /* The stamps and the snapshot are taken, and the files opened, under the folders' read
     * lock (see wp_graph_load()); the parse goes on without it. */
    g_autoptr(WpFolderRead) read = wp_i_graph_read_begin(spec, error);
    if (read == NULL)
        return NULL;
    g_auto(WpInputs) inputs = {NULL, NULL};
    if (!stamp_sources(spec, &before) || before.ties.size < min_bytes) {
        if (!wp_i_graph_open_inputs(spec, TRUE, &inputs, error))
            return NULL;
        g_clear_pointer(&read, wp_i_folder_read_end);
        return wp_i_graph_parse_inputs(spec, &inputs, &WP_TIES_READ_DEFAULTS, error);
    }
    g_autofree char *dir = usable_cache_dir(cache_dir);
    g_autofree char *path = dir ? snapshot_path(spec, dir) : NULL;
    WpGraph *graph = path ? wp_i_snapshot_load(path, spec, &before, NULL) : NULL;
    if (graph != NULL) { /* any failure above: parse instead */
        if (from_cache)
            *from_cache = TRUE;
        return graph;
    }
    if (!wp_i_graph_open_inputs(spec, TRUE, &inputs, error))
        return NULL;
    g_clear_pointer(&read, wp_i_folder_read_end);
    graph = wp_i_graph_parse_inputs(spec, &inputs, &WP_TIES_READ_DEFAULTS, error);
    WpSourceStamp after;
    if (graph != NULL && path != NULL && stamp_sources(spec, &after) &&
        memcmp(&before, &after, sizeof before) == 0 && !racy(&before.ties, started_ns) &&
        !(spec->people_file && racy(&before.people, started_ns)))
        wp_i_snapshot_save(graph, spec, &before, path, NULL); /* a cache: the answer stands */
    return graph;
}

guint64 wp_i_load_spec_key(const WpLoadSpec *spec)
{
    char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *text = g_strdup_printf(
        "%d\n%s\n%d\n%s\n%s", spec->ties_format, spec->weight_column ? spec->weight_column : "\x01",
        spec->weight_scale, g_ascii_formatd(lo, sizeof lo, "%.17g", spec->weight_lo),
        g_ascii_formatd(hi, sizeof hi, "%.17g", spec->weight_hi));
    g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(sum, (const guchar *)text, -1);
    guint8 digest[32];
    gsize len = sizeof digest;
    g_checksum_get_digest(sum, digest, &len);
    guint64 key = 0;
    memcpy(&key, digest, sizeof key);
    return key;
}
