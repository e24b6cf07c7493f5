/* SPDX-License-Identifier: MIT */
/* Reading input files: an input opened once, lines with numbers, then CSV records on top of
 * libcsv. Knows nothing of graphs: the import and the --where value files read text through it
 * too; the readers that build a graph from it are in io/io-private.h. */
#pragma once

#include <gio/gio.h>

#include "warmpath/error.h"

/* Documented input limits (docs/robustness.md "Limits"): memory stays proportional to the data
 * kept. */
#define WP_MAX_LINE_BYTES (1u << 20)   /* one physical line */
#define WP_MAX_RECORD_BYTES (4u << 20) /* one CSV record, quoted newlines included */
#define WP_MAX_FIELDS 1024u            /* fields in one CSV record */

/* An input file opened once (input.c): a load reads each file through one descriptor, whatever
 * the file is (a pipe can be read only once; a name can be given to another file meanwhile). */
typedef struct WpInput WpInput;

/* Fails with GIO's error (G_IO_ERROR_NOT_FOUND, ...) naming the file. */
WpInput *wp_i_input_open(const char *filename, GError **error);
void wp_i_input_free(WpInput *input);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpInput, wp_i_input_free)
GInputStream *wp_i_input_stream(const WpInput *input); /* (transfer none) */
int wp_i_input_fd(const WpInput *input);
const char *wp_i_input_origin(const WpInput *input); /* display name */
gboolean wp_i_input_is_regular(const WpInput *input);
guint64 wp_i_input_size(const WpInput *input); /* when opened; 0 unless a regular file */
/* Fails with WP_ERROR_FAILED "FILE changed while it was being read; run again" when the regular
 * file's size or times differ from when it was opened (rewritten in place meanwhile). */
gboolean wp_i_input_check_unchanged(const WpInput *input, GError **error);
/* Sets that error for @origin; returns FALSE. */
gboolean wp_i_input_changed(const char *origin, GError **error);

/* Streams lines out of a file (gzip when the name ends in .gz) or a memory buffer. Accepts LF,
 * CRLF and bare CR line ends; strips a leading UTF-8 byte-order mark. */
typedef struct WpLineReader WpLineReader;

WpLineReader *wp_i_lines_open(const char *filename, GError **error);
/* Reads @input's stream (which must outlive the reader); gzip by name or by content. */
WpLineReader *wp_i_lines_open_input(WpInput *input, GError **error);
/* @origin names the text in messages; @text is borrowed and must outlive the reader. */
WpLineReader *wp_i_lines_new_for_data(const char *text, const char *origin);
void wp_i_lines_free(WpLineReader *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpLineReader, wp_i_lines_free)

/**
 * wp_i_lines_next:
 * @line: (out): the line without its terminator; valid until the next call. May hold NULs.
 * @len: (out): its length
 *
 * Returns: TRUE with a line; FALSE at the end (error unset) or on failure (read error, or a
 *   line over WP_MAX_LINE_BYTES: WP_ERROR_LIMIT)
 */
gboolean wp_i_lines_next(WpLineReader *reader, const char **line, gsize *len, GError **error);
guint64 wp_i_lines_number(const WpLineReader *reader); /* 1-based number of the last line */
/* The unread text, at least @want bytes of it unless the input ends first (or the buffer's
 * capacity, at least WP_MAX_LINE_BYTES, is less), without consuming it: what the next
 * wp_i_lines_next() calls will read. Valid until then. */
gboolean wp_i_lines_peek(WpLineReader *reader, gsize want, const char **data, gsize *len,
                         GError **error);
const char *wp_i_lines_origin(const WpLineReader *reader);     /* display name */
gboolean wp_i_lines_is_compressed(const WpLineReader *reader); /* reading gunzipped text */

/* One CSV record: NUL-terminated, valid UTF-8 fields (libcsv trims unquoted spaces). */
typedef struct {
    char **fields;
    guint n_fields;
    guint64 line; /* where the record starts */
    gboolean quoted_last_empty;
} WpCsvRecord;

typedef gboolean (*WpCsvRecordFunc)(const WpCsvRecord *record, gpointer user_data, GError **error);
/* A blank row at @line: an empty (or all-blank) line, or with @empty_fields a record whose
 * fields are all empty (`,,,,`). */
typedef gboolean (*WpCsvBlankFunc)(guint64 line, gboolean empty_fields, gpointer user_data,
                                   GError **error);

/**
 * wp_i_csv_read:
 * @on_blank: (nullable): called for each blank row between records, which @func then never
 *   sees; without it blank lines are skipped silently and a record of empty fields goes to @func
 *   like any other (the import readers count such rows themselves)
 *
 * Parses RFC 4180 records strictly and hands each to @func until it returns FALSE. Fails with
 * WP_ERROR_PARSE naming the line (malformed quotes, an unterminated quoted field, invalid
 * UTF-8 or a NUL byte, naming the field number), or WP_ERROR_LIMIT.
 */
gboolean wp_i_csv_read(WpLineReader *reader, WpCsvRecordFunc func, WpCsvBlankFunc on_blank,
                       gpointer user_data, GError **error);

/* Header helpers shared by the CSV readers. */
/* Lowercased, trimmed copies of a header record; fails on an empty or repeated name. */
char **wp_i_csv_header_names(const WpCsvRecord *header, const char *origin, GError **error);
/* Index of @name in @names, or -1. */
int wp_i_csv_column(char **names, const char *name);
