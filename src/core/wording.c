/* SPDX-License-Identifier: MIT */
/* Counts in sentences: one rule for "1 day" / "2 days" and "both" / "all 5", so no output says
 * "1 days ago" or "Asking through all 2". */
#include "warmpath/text.h"

/* @n with its digits grouped by thousands: "2,614". */
static void append_grouped(GString *out, guint64 n)
{
    char digits[24];
    int len = g_snprintf(digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
    for (int i = 0; i < len; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            g_string_append_c(out, ',');
        g_string_append_c(out, digits[i]);
    }
}

char *wp_text_count(guint64 n, const char *one, const char *many)
{
    g_return_val_if_fail(one != NULL && many != NULL, NULL);
    GString *out = g_string_new(NULL);
    append_grouped(out, n);
    g_string_append_printf(out, " %s", n == 1 ? one : many);
    return g_string_free(out, FALSE);
}

char *wp_text_all(guint64 n, const char *noun)
{
    g_return_val_if_fail(noun != NULL, NULL);
    if (n == 2)
        return g_strdup_printf("both %s", noun);
    GString *out = g_string_new("all ");
    append_grouped(out, n);
    g_string_append_printf(out, " %s", noun);
    return g_string_free(out, FALSE);
}
