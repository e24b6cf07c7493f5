/* SPDX-License-Identifier: MIT */
/* Calendar days: the unit of last-contact dates and recency decay. */
#pragma once

#include <glib.h>

#include "warmpath/export.h"

G_BEGIN_DECLS

/* Days since 1970-01-01 (proleptic Gregorian); WP_DAY_NONE marks "no date". */
typedef gint32 WpDay;
#define WP_DAY_NONE G_MININT32

/**
 * wp_day_parse:
 * @text: a date written `YYYY-MM-DD`, nothing else
 * @out: (out): the day
 *
 * Accepts exactly four digits, two, two, with a real calendar date between 1900-01-01 and
 * 2999-12-31. Cannot fail otherwise. Time: O(1), no allocation.
 *
 * Returns: TRUE when @text is such a date
 */
WP_API gboolean wp_day_parse(const char *text, WpDay *out);

/* Writes @day as `YYYY-MM-DD` into @buf; WP_DAY_NONE writes the empty string. Time: O(1), no
 * allocation. */
WP_API void wp_day_format(WpDay day, char buf[11]);

/* Today in UTC (from the system clock). Time: O(1). */
WP_API WpDay wp_day_today(void);

G_END_DECLS
