/* SPDX-License-Identifier: MIT */
/* Output-safe text: CSV cells, folded names, display widths, atomic files. */
#include "warmpath/text.h"

#include "warmpath/error.h"

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

/* Separators that people type inconsistently inside names. */
static gboolean is_name_separator(gunichar c)
{
    return g_unichar_isspace(c) || c == '.' || c == ',' || c == '-' || c == 0x2010 || c == 0x2011 ||
           c == 0x2013;
}

char *wp_text_fold(const char *text)
{
    g_return_val_if_fail(text != NULL, NULL);
    /* g_utf8_normalize() reads past the end of a truncated sequence (fuzz-where found it with
     * a typed expression): invalid bytes become U+FFFD first. */
    g_autofree char *valid = g_utf8_validate(text, -1, NULL) ? NULL : g_utf8_make_valid(text, -1);
    g_autofree char *decomposed = g_utf8_normalize(valid ? valid : text, -1, G_NORMALIZE_NFKD);
    if (decomposed == NULL)
        return g_ascii_strdown(text, -1);
    GString *bare = g_string_sized_new(strlen(decomposed));
    gboolean pending_space = FALSE;
    for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        GUnicodeType type = g_unichar_type(c);
        if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
            type == G_UNICODE_FORMAT)
            continue;
        if (is_name_separator(c)) {
            pending_space = bare->len > 0;
            continue;
        }
        if (pending_space)
            g_string_append_c(bare, ' ');
        pending_space = FALSE;
        g_string_append_unichar(bare, c);
    }
    g_autofree char *plain = g_string_free(bare, FALSE);
    return g_utf8_casefold(plain, -1);
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
    /* CONSISTENT writes a temporary file in the same directory and renames it into place. */
    return g_file_set_contents_full(filename, data, (gssize)len, G_FILE_SET_CONTENTS_CONSISTENT,
                                    0666, error);
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
