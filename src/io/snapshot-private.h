/* SPDX-License-Identifier: MIT */
/* The compiled network (snapshot.c): the graph's arrays stored as sections under a checksum,
 * next to the readers of the files it is compiled from. */
#pragma once

#include "core/builder-private.h"

/* How @spec reads its files besides its flags (the ties format, the weight column and scale),
 * as a 64-bit digest: a compiled network is used only for the same. */
guint64 wp_i_load_spec_key(const WpLoadSpec *spec);

/* What a compiled network was made from: each input file as it was (all zero for no file). */
typedef struct {
    guint64 size, mtime_ns, ctime_ns, inode, device;
} WpFileStamp;

typedef struct {
    WpFileStamp ties, people;
} WpSourceStamp;

/* Snapshots (snapshot.c): the graph as stored sections under a checksum, made from the files
 * @spec names as @stamp says they were. Save writes a private temporary and renames it into
 * place; it fails with GLib's file errors, leaving no temporary. Load refuses (WP_ERROR_FAILED)
 * a file that is not a regular file owned by the user and writable by no one else, or (when
 * @stamp is given) one made from other files or with other load options than @spec's; and a
 * damaged one (WP_ERROR_PARSE: checksum, then structure); or fails with a file error. */
gboolean wp_i_snapshot_save(const WpGraph *graph, const WpLoadSpec *spec,
                            const WpSourceStamp *stamp, const char *filename, GError **error);
WpGraph *wp_i_snapshot_load(const char *filename, const WpLoadSpec *spec,
                            const WpSourceStamp *stamp, GError **error);
/* The checksum a snapshot of @size bytes at @data must carry (for tests and the fuzzer, which
 * damage a snapshot and then re-seal it to reach the structural checks). Cannot fail. */
guint64 wp_i_snapshot_checksum(const void *data, gsize size);
void wp_i_snapshot_seal(void *data, gsize size); /* writes that checksum into @data */
/* The format version written after the magic; a file of another version is refused. */
#define WP_I_SNAPSHOT_VERSION 3u
