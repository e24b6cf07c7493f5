/* SPDX-License-Identifier: MIT */
/* The text rules' fast paths, for the library's matchers (never for applications). */
#pragma once

#include <glib.h>

/* wp_text_fold() of @text into @out (replacing its contents). Plain ASCII, the common case and
 * the only one that matters over a million names, takes no allocation beyond @out. */
void wp_i_text_fold_into(const char *text, GString *out);

/* wp_text_fold() of @text into @buf (@size bytes, terminator included) when @text is plain ASCII
 * and its key fits; FALSE otherwise (then use wp_text_fold()). No allocation; thread-safe. */
gboolean wp_i_text_fold_ascii(const char *text, char *buf, gsize size);

/* @text lowercased by Unicode's simple case mapping (GLib's tables), never the locale's: under a
 * Turkish locale g_utf8_strdown("ID") is "ıd"; this is "id" everywhere. For names of columns,
 * e-mail addresses and other keys that compare case-insensitively. Bytes that are not UTF-8 are
 * lowercased as ASCII. */
char *wp_i_text_lower(const char *text);

/* wp_text_excerpt() of the @len bytes at @text (not NUL-terminated). */
char *wp_i_text_excerpt_len(const char *text, gsize len);

/* Drops legal forms from the end of a folded key, in place: what makes wp_text_fold_company()
 * of wp_text_fold(). */
void wp_i_text_strip_legal_forms(char *key);
