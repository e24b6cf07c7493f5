/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the ties CSV reader (wp_graph_load with WP_TIES_FORMAT_CSV), under the
 * default, --skip-bad-rows and --strict contracts; an odd-sized input also gets a people file,
 * so unknown ids raise warnings. */
#include "fuzz-common.h"

static const char *ties_path;
static const char *people_path;

int LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzz_init_glib();
    ties_path = fuzz_scratch_file("ties.csv");
    people_path = fuzz_scratch_file("people.csv");
    static const char people[] = "id,name,team\na,Ann,yes\nb,Bob,\n1,One,sales\n";
    fuzz_write(people_path, (const uint8_t *)people, sizeof people - 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(ties_path, data, size);
    WpLoadSpec spec = {ties_path, size % 2 ? people_path : NULL, WP_TIES_FORMAT_CSV,
                       WP_LOAD_DEFAULT};
    fuzz_check_flags(spec);
    return 0;
}
