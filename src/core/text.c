/* SPDX-License-Identifier: MIT */
/* Output-safe text: CSV cells, quoted excerpts, terminal-safe text, display widths, atomic files.
 * (Folding is fold.c.) */
#include "warmpath/text.h"

#include "core/text-private.h"
#include "warmpath/error.h"

#include "io/atomic-file.h"

#include <string.h>

void wp_csv_append_cell(GString *out, const char *cell)
{
    if (cell == NULL)
        return;
    gboolean formula = strchr("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0';
    gboolean quote = formula || strpbrk(cell, ",\"\r\n") != NULL;
    if (quote)
        g_string_append_c(out, '"');
    if (formula)
        g_string_append_c(out, '\'');
    for (const char *p = cell; *p != '\0'; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    if (quote)
        g_string_append_c(out, '"');
}

char *wp_text_excerpt(const char *text)
{
    g_return_val_if_fail(text != NULL, NULL);
    return wp_i_text_excerpt_len(text, strlen(text));
}

/* Only the start is repaired: invalid bytes become U+FFFD (three bytes each), so a few more bytes
 * than fit are taken, and what is kept is cut on a character of the repaired text. */
char *wp_i_text_excerpt_len(const char *text, gsize len)
{
    static const char ellipsis[] = "\u2026";
    gsize take = MIN(len, (gsize)WP_TEXT_EXCERPT_BYTES + 4);
    char *valid = g_utf8_make_valid(text, (gssize)take);
    gsize valid_len = strlen(valid);
    if (len <= WP_TEXT_EXCERPT_BYTES && valid_len <= WP_TEXT_EXCERPT_BYTES)
        return valid;
    gsize cut = MIN(valid_len, WP_TEXT_EXCERPT_BYTES - (sizeof ellipsis - 1));
    while (cut > 0 && ((unsigned char)valid[cut] & 0xC0) == 0x80)
        cut--; /* not inside a character */
    memcpy(valid + cut, ellipsis, sizeof ellipsis); /* fits: cut + 4 <= valid_len + 1 */
    return valid;
}

/* Characters that move, hide or reorder what a terminal shows (see wp_text_for_terminal()). The
 * bidirectional controls are listed as well as covered by their category, so the rule does not
 * depend on the Unicode version of GLib's tables. */
static gboolean is_unsafe_for_terminal(gunichar c)
{
    if (c == 0x200C || c == 0x200D) /* joiners: needed to draw some scripts and emoji */
        return FALSE;
    if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    /* Default-ignorable characters that are not in category Cf. */
    if (c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x3164 ||
        c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0xE0000 && c <= 0xE00FF) ||
        (c >= 0xE01F0 && c <= 0xE0FFF))
        return TRUE;
    switch (g_unichar_type(c)) {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
        return TRUE;
    default:
        return FALSE;
    }
}

char *wp_text_for_terminal(const char *text)
{
    g_return_val_if_fail(text != NULL, NULL);
    g_autofree char *valid = g_utf8_make_valid(text, -1);
    GString *out = g_string_sized_new(strlen(valid));
    for (const char *p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        g_string_append_unichar(out, is_unsafe_for_terminal(c) ? 0xfffd : c);
    }
    return g_string_free(out, FALSE);
}

guint wp_text_width(const char *text)
{
    if (!g_utf8_validate(text, -1, NULL))
        return (guint)strlen(text);
    guint width = 0;
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_iszerowidth(c))
            continue;
        width += g_unichar_iswide(c) ? 2 : 1;
    }
    return width;
}

gboolean wp_file_write_atomic(const char *filename, const char *data, gsize len, GError **error)
{
    return wp_i_atomic_replace(filename, data, len, WP_ATOMIC_DEFAULT, error);
}

gboolean wp_file_read_small(const char *filename, gsize max_bytes, char **contents, gsize *length,
                            GError **error)
{
    g_return_val_if_fail(filename != NULL && contents != NULL, FALSE);
    /* A channel, for GLib's file errors (as g_file_get_contents() gives them) on opening. */
    GIOChannel *channel = g_io_channel_new_file(filename, "r", error);
    if (channel == NULL) { /* its message lacks the name: word it as g_file_get_contents() */
        g_autofree char *name = g_filename_display_name(filename);
        g_prefix_error(error, "Failed to open file \u201c%s\u201d: ", name);
        return FALSE;
    }
    g_io_channel_set_encoding(channel, NULL, NULL); /* binary: never fails for a new channel */
    /* One byte more than allowed tells "too large" from "exactly the limit". */
    g_autoptr(GByteArray) bytes = g_byte_array_new();
    char chunk[65536];
    gboolean ok = TRUE;
    while (ok && bytes->len <= max_bytes) {
        gsize got = 0;
        GIOStatus status = g_io_channel_read_chars(
            channel, chunk, MIN(sizeof chunk, max_bytes + 1 - bytes->len), &got, error);
        ok = status != G_IO_STATUS_ERROR;
        if (status == G_IO_STATUS_EOF || got == 0)
            break;
        g_byte_array_append(bytes, (const guint8 *)chunk, (guint)got);
    }
    g_io_channel_unref(channel);
    if (!ok)
        return FALSE;
    if (bytes->len > max_bytes) {
        g_autofree char *name = g_filename_display_name(filename);
        g_set_error(error, WP_ERROR, WP_ERROR_LIMIT, "%s: larger than %" G_GSIZE_FORMAT " bytes",
                    name, max_bytes);
        return FALSE;
    }
    if (length)
        *length = bytes->len;
    g_byte_array_append(bytes, (const guint8 *)"", 1);
    *contents = (char *)g_byte_array_free(g_steal_pointer(&bytes), FALSE);
    return TRUE;
}
