/* SPDX-License-Identifier: MIT */
/* Calendar days as integers, via GDate so the calendar rules are GLib's. */
#include "warmpath/day.h"

#include <string.h>

/* GDate's Julian day 1 is 0001-01-01; 1970-01-01 is day 719163. */
#define UNIX_EPOCH_JULIAN 719163

static int digits(const char *s, guint n)
{
    int v = 0;
    for (guint i = 0; i < n; i++) {
        if (!g_ascii_isdigit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil). Arithmetic instead of GDate: dates are parsed once per tie row, and GDate
 * plus strtoull took ~3 % of loading the benchmark's medium graph (perf). */
static WpDay days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = y / 400; /* y >= 1899 here, so no negative rounding */
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

gboolean wp_day_parse(const char *text, WpDay *out)
{
    static const guint8 month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    g_return_val_if_fail(text != NULL && out != NULL, FALSE);
    if (memchr(text, '\0', 11) != text + 10 || text[4] != '-' || text[7] != '-')
        return FALSE;
    int year = digits(text, 4), month = digits(text + 5, 2), day = digits(text + 8, 2);
    if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1)
        return FALSE;
    gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > month_days[month - 1] + (month == 2 && leap))
        return FALSE;
    *out = days_from_civil(year, month, day);
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
