/* SPDX-License-Identifier: MIT */
/* An input file opened once. Everything a load learns about a file comes through this one open
 * descriptor: the format sniffed from the start of the stream, the parallel reader's pread()s,
 * the line reader's stream. A pipe can only be read once, and a file name can be given another
 * file at any moment (an import, a sync client), so the name is never opened twice. */
#define _POSIX_C_SOURCE 200809L /* struct stat's st_mtim */
#include "io/input-private.h"

#include <gio/gfiledescriptorbased.h>
#include <string.h>
#include <sys/stat.h>

struct WpInput {
    GFileInputStream *stream;
    int fd; /* the stream's */
    char *origin;
    struct stat opened; /* fstat() when opened */
};

WpInput *wp_i_input_open(const char *filename, GError **error)
{
    g_autoptr(GFile) file = g_file_new_for_path(filename);
    g_autoptr(GFileInputStream) stream = g_file_read(file, NULL, error);
    if (stream == NULL)
        return NULL;
    WpInput *in = g_new0(WpInput, 1);
    in->fd = g_file_descriptor_based_get_fd(G_FILE_DESCRIPTOR_BASED(stream));
    in->stream = g_steal_pointer(&stream);
    in->origin = g_filename_display_name(filename);
    if (fstat(in->fd, &in->opened) != 0)
        memset(&in->opened, 0, sizeof in->opened); /* then "not a regular file": read as a stream */
    return in;
}

void wp_i_input_free(WpInput *in)
{
    if (in == NULL)
        return;
    g_object_unref(in->stream);
    g_free(in->origin);
    g_free(in);
}

GInputStream *wp_i_input_stream(const WpInput *in)
{
    return G_INPUT_STREAM(in->stream);
}

int wp_i_input_fd(const WpInput *in)
{
    return in->fd;
}

const char *wp_i_input_origin(const WpInput *in)
{
    return in->origin;
}

gboolean wp_i_input_is_regular(const WpInput *in)
{
    return S_ISREG(in->opened.st_mode);
}

guint64 wp_i_input_size(const WpInput *in)
{
    return S_ISREG(in->opened.st_mode) ? (guint64)in->opened.st_size : 0;
}

gboolean wp_i_input_changed(const char *origin, GError **error)
{
    g_set_error(error, WP_ERROR, WP_ERROR_FAILED, "%s changed while it was being read; run again",
                origin);
    return FALSE;
}

/* A regular file rewritten in place while it was read (`cp new.csv edges.csv`) may have given
 * a mix of two versions: its size or modification time now differ from when it was opened, or
 * its change time does (a modification time set back with `touch -d`) while its links did not
 * (the file replaced by a rename, or deleted, loses a link and gets a new change time, but the
 * descriptor still reads the old file, whole: that is no change to what was read). */
gboolean wp_i_input_check_unchanged(const WpInput *in, GError **error)
{
    struct stat now;
    if (!S_ISREG(in->opened.st_mode))
        return TRUE;
    if (fstat(in->fd, &now) != 0)
        return wp_i_input_changed(in->origin, error);
    const struct stat *was = &in->opened;
    gboolean same_ctime =
        now.st_ctim.tv_sec == was->st_ctim.tv_sec && now.st_ctim.tv_nsec == was->st_ctim.tv_nsec;
    if (now.st_size == was->st_size && now.st_mtim.tv_sec == was->st_mtim.tv_sec &&
        now.st_mtim.tv_nsec == was->st_mtim.tv_nsec &&
        (same_ctime || now.st_nlink != was->st_nlink))
        return TRUE;
    return wp_i_input_changed(in->origin, error);
}
