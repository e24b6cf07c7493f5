/* SPDX-License-Identifier: MIT */
/* Calendar days as integers, via GDate so the calendar rules are GLib's. */
#include "warmpath/day.h"

/* GDate's Julian day 1 is 0001-01-01; 1970-01-01 is day 719163. */
#define UNIX_EPOCH_JULIAN 719163

static gboolean is_digits(const char *s, guint n)
{
    for (guint i = 0; i < n; i++)
        if (!g_ascii_isdigit(s[i]))
            return FALSE;
    return TRUE;
}

gboolean wp_day_parse(const char *text, WpDay *out)
{
    g_return_val_if_fail(text != NULL && out != NULL, FALSE);
    if (strlen(text) != 10 || text[4] != '-' || text[7] != '-' || !is_digits(text, 4) ||
        !is_digits(text + 5, 2) || !is_digits(text + 8, 2))
        return FALSE;
    int year = (int)g_ascii_strtoull(text, NULL, 10);
    int month = (int)g_ascii_strtoull(text + 5, NULL, 10);
    int day = (int)g_ascii_strtoull(text + 8, NULL, 10);
    if (year < 1900 || year > 2999 || !g_date_valid_dmy((GDateDay)day, (GDateMonth)month,
                                                        (GDateYear)year))
        return FALSE;
    GDate date;
    g_date_clear(&date, 1);
    g_date_set_dmy(&date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
    *out = (WpDay)g_date_get_julian(&date) - UNIX_EPOCH_JULIAN;
    return TRUE;
}

void wp_day_format(WpDay day, char buf[11])
{
    if (day == WP_DAY_NONE || day + UNIX_EPOCH_JULIAN < 1) {
        buf[0] = '\0';
        return;
    }
    GDate date;
    g_date_clear(&date, 1);
    g_date_set_julian(&date, (guint32)(day + UNIX_EPOCH_JULIAN));
    g_snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)g_date_get_year(&date),
               (unsigned)g_date_get_month(&date), (unsigned)g_date_get_day(&date));
}

WpDay wp_day_today(void)
{
    return (WpDay)(g_get_real_time() / G_USEC_PER_SEC / 86400);
}
