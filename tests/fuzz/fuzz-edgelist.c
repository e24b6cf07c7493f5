/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: plain edge lists (WP_TIES_FORMAT_EDGELIST) under the three load contracts,
 * and the format sniffing of WP_TIES_FORMAT_AUTO. */
#include "fuzz-common.h"

static const char *ties_path;

int LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzz_init_glib();
    ties_path = fuzz_scratch_file("edges.txt");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(ties_path, data, size);
    WpLoadSpec spec = {.ties_file = ties_path,
                       .people_file = NULL,
                       .ties_format = WP_TIES_FORMAT_EDGELIST,
                       .flags = WP_LOAD_DEFAULT};
    fuzz_check_flags(spec);
    spec.ties_format = WP_TIES_FORMAT_AUTO;
    WpGraph *sniffed = fuzz_load(&spec);
    wp_graph_unref(sniffed);
    return 0;
}
