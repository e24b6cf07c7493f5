/* SPDX-License-Identifier: MIT */
/* Output-safe text: CSV cells, folded names, display widths, atomic files. */
#include "warmpath/text.h"

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
    return g_unichar_isspace(c) || c == '.' || c == ',' || c == '-' || c == 0x2010 ||
           c == 0x2011 || c == 0x2013;
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
    return g_file_set_contents_full(filename, data, (gssize)len,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}
