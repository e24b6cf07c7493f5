/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: wp_graph_load_from_data(), the in-memory path (no file, no chunked reads).
 * The input is "TIES\0PEOPLE" (no NUL: ties only); the origins are "ties" and "people". */
#include "fuzz-common.h"

int LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzz_init_glib();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *ties = g_strndup((const char *)data, size);
    const char *nul = memchr(data, '\0', size);
    g_autofree char *people =
        nul ? g_strndup(nul + 1, size - (gsize)((const uint8_t *)nul + 1 - data)) : NULL;
    const WpLoadSpec origins = {.ties_file = "ties",
                                .people_file = people ? "people" : NULL,
                                .ties_format = WP_TIES_FORMAT_CSV,
                                .flags = 0};
    const WpLoadFlags flags[] = {WP_LOAD_DEFAULT, WP_LOAD_SKIP_BAD_ROWS, WP_LOAD_STRICT};
    for (guint i = 0; i < G_N_ELEMENTS(flags); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = wp_graph_load_from_data(ties, people, flags[i], &error);
        if (g == NULL)
            fuzz_check_load_error(error, &origins);
        else
            fuzz_check_graph(g);
    }
    return 0;
}
