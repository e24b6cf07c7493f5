/* SPDX-License-Identifier: MIT */
/* The loader's own number and date parsers against GLib's (which they replace for speed). */
#include "io/io-private.h"

#include <stdio.h>
#include <string.h>

/* Every plain decimal the fast path accepts gives the very double g_ascii_strtod gives. */
static void test_strength_matches_strtod(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(7);
    char digits[32], text[48];
    for (guint i = 0; i < 300000; i++) {
        guint64 m = ((guint64)g_rand_int(rand) << 32 | g_rand_int(rand)) % 1000000000000000ull;
        g_snprintf(digits, sizeof digits, "%" G_GUINT64_FORMAT, m);
        int len = (int)strlen(digits);
        int point = g_rand_int_range(rand, 0, len + 1);
        g_snprintf(text, sizeof text, "%s%.*s.%s", point == 0 ? "0" : "", point, digits,
                   digits + point);
        double expect = g_ascii_strtod(text, NULL), got = -1;
        gboolean ok = wp_i_parse_strength(text, &got);
        g_assert_cmpint(ok, ==, expect > 0 && expect <= 1);
        if (ok)
            g_assert_true(got == expect); /* bit-identical, not merely close */
    }
}

static void test_strength_edge_cases(void)
{
    static const struct {
        const char *text;
        gboolean ok;
        double value;
    } cases[] = {
        {"1", TRUE, 1},         {"1.0", TRUE, 1},      {".5", TRUE, 0.5},
        {"0.0001", TRUE, 1e-4}, {"1e-3", TRUE, 1e-3},  {"5E-1", TRUE, 0.5},
        {"0", FALSE, 0},        {"0.0", FALSE, 0},     {"-0.5", FALSE, 0},
        {"1.0000001", FALSE, 0}, {"nan", FALSE, 0},    {"inf", FALSE, 0},
        {"NaN", FALSE, 0},      {"", FALSE, 0},        {".", FALSE, 0},
        {"0.5x", FALSE, 0},     {" 0.5", FALSE, 0},    {"0..5", FALSE, 0},
        {"1e999", FALSE, 0},    {"0.12345678901234567890123", TRUE, 0.12345678901234568},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        double got = -1;
        g_test_message("strength '%s'", cases[i].text);
        g_assert_cmpint(wp_i_parse_strength(cases[i].text, &got), ==, cases[i].ok);
        if (cases[i].ok)
            g_assert_cmpfloat(got, ==, cases[i].value);
    }
}

/* Every date from 1900 to 2999: valid exactly when GDate says so, and the same day number. */
static void test_days_match_gdate(void)
{
    char text[16];
    for (int y = 1900; y <= 2999; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= 31; d++) {
                g_snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
                WpDay day = 0;
                gboolean ok = wp_day_parse(text, &day);
                g_assert_cmpint(ok, ==, g_date_valid_dmy((GDateDay)d, (GDateMonth)m,
                                                         (GDateYear)y));
                if (!ok)
                    continue;
                GDate date;
                g_date_clear(&date, 1);
                g_date_set_dmy(&date, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
                g_assert_cmpint(day, ==, (WpDay)g_date_get_julian(&date) - 719163);
                char back[11];
                wp_day_format(day, back);
                g_assert_cmpstr(back, ==, text);
            }
}

static void test_days_reject(void)
{
    static const char *const bad[] = {"",           "2026",       "2026-1-1",    "2026-01-1x",
                                      "2026-02-29", "26-01-01",   "2026-01-011", "1899-12-31",
                                      "3000-01-01", "2026/01/01", "2026-00-10",  "2026-13-01",
                                      " 2026-01-01"};
    WpDay day;
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_test_message("date '%s'", bad[i]);
        g_assert_false(wp_day_parse(bad[i], &day));
    }
    g_assert_true(wp_day_parse("1970-01-01", &day));
    g_assert_cmpint(day, ==, 0);
    g_assert_true(wp_day_parse("2000-02-29", &day));
    g_assert_cmpint(day, ==, 11016);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/numbers/strength-matches-strtod", test_strength_matches_strtod);
    g_test_add_func("/numbers/strength-edge-cases", test_strength_edge_cases);
    g_test_add_func("/numbers/days-match-gdate", test_days_match_gdate);
    g_test_add_func("/numbers/days-reject", test_days_reject);
    return g_test_run();
}
