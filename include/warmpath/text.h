/* SPDX-License-Identifier: MIT */
/* Text helpers every output path needs: safe CSV cells, name folding, terminal widths, atomic
 * writes. */
#pragma once

#include <glib.h>

#include "warmpath/export.h"

G_BEGIN_DECLS

/**
 * wp_csv_append_cell:
 * @out: the line being built
 * @cell: (nullable): a text cell; NULL is written as an empty cell
 *
 * Appends one RFC 4180 field: quoted when it holds a comma, quote, CR or LF (quotes doubled).
 * A cell starting with '=', '+', '-', '@', TAB or CR gets a leading apostrophe so that
 * spreadsheets show it instead of running it as a formula. Numbers the program formats itself
 * are appended directly, not through this.
 */
WP_API void wp_csv_append_cell(GString *out, const char *cell);

/**
 * wp_text_fold:
 * @text: valid UTF-8
 *
 * A key for matching what people type: Unicode-decomposed, accents (combining marks) removed,
 * case-folded, runs of white space, '.', ',' and '-' collapsed to one space, ends trimmed.
 * "  José  ÁLVAREZ " and "jose alvarez" fold alike.
 *
 * Returns: (transfer full): the key
 */
WP_API char *wp_text_fold(const char *text);

/* Terminal columns @text takes: East Asian wide characters 2, combining marks and
 * zero-width characters 0, others 1. Invalid UTF-8 counts a column per byte. */
WP_API guint wp_text_width(const char *text);

/**
 * wp_file_write_atomic:
 *
 * Writes @len bytes to a temporary file beside @filename, then renames it over @filename, so a
 * reader never sees half a file and a failure leaves any previous file as it was.
 *
 * Returns: TRUE on success; FALSE with a G_FILE_ERROR naming the file otherwise
 */
WP_API gboolean wp_file_write_atomic(const char *filename, const char *data, gsize len,
                                     GError **error);

/* Small files read whole (profiles, target and account lists, mapping files) may not exceed this:
 * pointed at /dev/zero or a wrong path, a reader must stop, not exhaust memory. */
#define WP_MAX_SMALL_FILE_BYTES (16u << 20)

/**
 * wp_file_read_small:
 * @contents: (out) (transfer full): the bytes, NUL-terminated
 * @length: (out) (optional): their number, without the terminator
 *
 * Reads a whole file of at most @max_bytes. A larger one (or an endless one such as /dev/zero)
 * fails with WP_ERROR_LIMIT "FILE: larger than N bytes" after reading @max_bytes + 1; an
 * unreadable one with GLib's error.
 *
 * Returns: TRUE on success
 */
WP_API gboolean wp_file_read_small(const char *filename, gsize max_bytes, char **contents,
                                   gsize *length, GError **error);

/**
 * wp_text_count:
 * @n: how many
 * @one: the noun for one ("day", "person")
 * @many: the noun for any other number ("days", "people")
 *
 * The one rule for counts in sentences: "1 day", "0 days", "2,614 days" (digits grouped by
 * thousands with ','). Tables, CSV and JSON keep plain numbers.
 *
 * Returns: (transfer full): the phrase
 */
WP_API char *wp_text_count(guint64 n, const char *one, const char *many);

/**
 * wp_text_all:
 * @n: how many things there are, >= 2
 * @noun: what they are, plural ("paths")
 *
 * "both paths" for two, "all 5 paths" for more (with wp_text_count()'s digit groups): the
 * words for acting on every one of several.
 *
 * Returns: (transfer full): the phrase
 */
WP_API char *wp_text_all(guint64 n, const char *noun);

G_END_DECLS
