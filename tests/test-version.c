/* SPDX-License-Identifier: MIT */
/* The version: the headers' macros, the loaded library's functions, WP_CHECK_VERSION. */
#include <warmpath/warmpath.h>

#if !WP_CHECK_VERSION(0, 0, 0)
#error "WP_CHECK_VERSION must be usable in #if"
#endif

/* The loaded library (this test links the shared one) is the one these headers describe. */
static void test_runtime_matches_headers(void)
{
    g_autofree char *numbers =
        g_strdup_printf("%d.%d.%d", WP_VERSION_MAJOR, WP_VERSION_MINOR, WP_VERSION_MICRO);
    g_assert_cmpstr(WP_VERSION, ==, numbers);
    g_assert_cmpstr(wp_version_string(), ==, WP_VERSION);

    guint major = 99, minor = 99, micro = 99;
    wp_version(&major, &minor, &micro);
    g_assert_cmpuint(major, ==, WP_VERSION_MAJOR);
    g_assert_cmpuint(minor, ==, WP_VERSION_MINOR);
    g_assert_cmpuint(micro, ==, WP_VERSION_MICRO);
    wp_version(NULL, &minor, NULL); /* each output is optional */
    g_assert_cmpuint(minor, ==, WP_VERSION_MINOR);
    wp_version(NULL, NULL, NULL);
}

/* Versions compared part by part, the most significant first: the definition WP_CHECK_VERSION
 * must agree with. */
static gboolean at_least(const int have[3], const int want[3])
{
    for (guint i = 0; i < 3; i++)
        if (have[i] != want[i])
            return have[i] > want[i];
    return TRUE;
}

/* The macro reads WP_VERSION_MAJOR/MINOR/MICRO where it is expanded, so redefining them here
 * checks it against at_least() for every pair of versions on a small grid. */
static void test_check_version_grid(void)
{
    for (int a = 0; a < 27; a++) {
        const int have[3] = {a / 9, a / 3 % 3, a % 3};
        for (int b = 0; b < 27; b++) {
            const int want[3] = {b / 9, b / 3 % 3, b % 3};
#undef WP_VERSION_MAJOR
#undef WP_VERSION_MINOR
#undef WP_VERSION_MICRO
#define WP_VERSION_MAJOR have[0]
#define WP_VERSION_MINOR have[1]
#define WP_VERSION_MICRO have[2]
            gboolean got = WP_CHECK_VERSION(want[0], want[1], want[2]);
            if (got != at_least(have, want))
                g_test_message("have %d.%d.%d, want %d.%d.%d", have[0], have[1], have[2], want[0],
                               want[1], want[2]);
            g_assert_cmpint(got, ==, at_least(have, want));
        }
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/version/runtime-matches-headers", test_runtime_matches_headers);
    g_test_add_func("/version/check-version-grid", test_check_version_grid);
    return g_test_run();
}
