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
 * are appended directly, not through this. Time: O(length of @cell); @out grows by about that.
 */
WP_API void wp_csv_append_cell(GString *out, const char *cell);

/**
 * wp_text_fold:
 * @text: UTF-8 (invalid bytes count as U+FFFD)
 *
 * The key names, companies and filter values are matched by: what people type, the same under
 * every locale. Compatibility-decomposed with accents and other combining marks removed
 * ("José" is "jose", the ligature "ﬁ" is "fi"); case-folded by Unicode's rules, never the
 * locale's ("I" is "i" under a Turkish locale too, "Straße" is "strasse"); the letters ı ł ø đ ð
 * ħ ŧ æ œ þ written as the Latin letters people type for them ("Işık" is "isik", "Søren" is
 * "soren", "Æsir" is "aesir"); apostrophes removed
 * (' ’ ‘ ʼ ` ´: "O’Brien" and "OBrien" are "obrien"); invisible format characters removed; runs
 * of white space, dashes and other punctuation (. , ; : ! ? / _ quotes brackets) collapsed to
 * one space and the ends trimmed ("Mary-Jane  Smith." is "mary jane smith"); '&' kept as a word
 * of its own ("AT&T" is "at & t"); '#', '%' and '@' kept. "  José  ÁLVAREZ " and "jose alvarez"
 * fold alike. Time: O(length of @text) (ASCII text on a fast path without GLib's Unicode
 * tables); memory O(length) while folding.
 *
 * Returns: (transfer full): the key; free with g_free()
 */
WP_API char *wp_text_fold(const char *text);

/**
 * wp_text_fold_company:
 * @company: a company name as written or typed
 *
 * The key that says which account a company name means: wp_text_fold(), then legal forms dropped
 * from the end, repeatedly: Inc, Incorporated, Corp, Corporation, Co, Company, LLC, LLP, LP, Ltd,
 * Limited, plc, Pty, Pte, GmbH, mbH, AG, KG, KGaA, SE, SA, SAS, SARL, SRL, SpA, SL, BV, NV, Oy,
 * Oyj, AB, AS, ASA, ApS, KK, Lda, s.r.o. and a trailing '&', also written with dots ("S.A.",
 * "B.V.", "A/S"). "Acme, Inc.", "ACME Corp" and "Acme" are "acme"; "Tailspin Toys Pty Ltd" is
 * "tailspin toys"; a name that is nothing but a legal form keeps it. Time: O(length of
 * @company), as wp_text_fold().
 *
 * Returns: (transfer full): the key; free with g_free()
 */
WP_API char *wp_text_fold_company(const char *company);

/* Messages quote at most this many bytes of any value a user or a file gave. */
#define WP_TEXT_EXCERPT_BYTES 80

/**
 * wp_text_excerpt:
 * @text: a value to quote in a message
 *
 * @text itself when it is at most WP_TEXT_EXCERPT_BYTES bytes; else its start, cut at a
 * character boundary, and "…", WP_TEXT_EXCERPT_BYTES bytes in all. Always valid UTF-8: bytes
 * that are not become U+FFFD. Every message that quotes a name, a field or an expression quotes
 * it through this, so a 900 KB field gives a short line. Time: O(length of @text) for its
 * strlen(), O(WP_TEXT_EXCERPT_BYTES) otherwise.
 *
 * Returns: (transfer full): the excerpt; free with g_free()
 */
WP_API char *wp_text_excerpt(const char *text);

/**
 * wp_text_for_terminal:
 * @text: text to show on a terminal (invalid UTF-8 is repaired)
 *
 * @text with every character that could move, hide or reorder what a terminal shows replaced
 * by U+FFFD: control characters (C0, DEL, C1: escape sequences), line and paragraph separators,
 * every bidirectional control (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), and every
 * other invisible formatting character (Unicode category Cf and the default-ignorable fillers:
 * soft hyphen, zero-width space, word joiner, BOM, U+034F, the Hangul fillers, tags). The
 * zero-width joiner and non-joiner stay: Persian and Indic names and emoji need them, and they
 * cannot reorder text. Time: O(length of @text).
 *
 * Returns: (transfer full): the safe text; free with g_free()
 */
WP_API char *wp_text_for_terminal(const char *text);

/* Terminal columns @text takes: East Asian wide characters 2, combining marks and
 * zero-width characters 0, others 1. Invalid UTF-8 counts a column per byte. Time: O(length of
 * @text), no allocation. */
WP_API guint wp_text_width(const char *text);

/**
 * wp_file_write_atomic:
 *
 * Writes @len bytes to a temporary file beside @filename, fsyncs it, renames it over @filename
 * and fsyncs the directory, so a reader never sees half a file and a failure (a full disk, a
 * crash) leaves any previous file as it was, with no temporary file left. A replaced file keeps
 * its mode (and its owner where the process may set it); a symlink is followed and its target
 * replaced; a FIFO, a device or /dev/stdout is written into directly (not replaced).
 * Time: O(@len) written, plus two fsync()s (usually the larger part). @data stays the caller's.
 *
 * Returns: TRUE on success; FALSE with a G_FILE_ERROR naming the file otherwise (also when
 *   @filename is a directory)
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
 * unreadable one with GLib's error. Time: O(file size), read in 64 KB chunks. Memory: the file's
 * bytes, at most @max_bytes + 1; *@contents is the caller's (g_free()).
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
 * thousands with ','). Tables, CSV and JSON keep plain numbers. Time: O(1) (the nouns'
 * lengths).
 *
 * Returns: (transfer full): the phrase; free with g_free()
 */
WP_API char *wp_text_count(guint64 n, const char *one, const char *many);

/**
 * wp_text_all:
 * @n: how many things there are, >= 2
 * @noun: what they are, plural ("paths")
 *
 * "both paths" for two, "all 5 paths" for more (with wp_text_count()'s digit groups): the
 * words for acting on every one of several. Time: O(1) (the noun's length).
 *
 * Returns: (transfer full): the phrase; free with g_free()
 */
WP_API char *wp_text_all(guint64 n, const char *noun);

G_END_DECLS
