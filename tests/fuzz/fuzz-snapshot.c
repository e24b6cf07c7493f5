/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the compiled-network cache (wp_i_snapshot_load, src/io/snapshot.c). A
 * damaged or tampered snapshot must be refused, never trusted: the load either fails with a
 * GError or gives a graph as consistent as one parsed from CSV (fuzz_check_graph: valid UTF-8
 * ids, arcs in range and sorted, strengths in (0, 1]). The source check is skipped (spec NULL)
 * and every input is sealed with a valid checksum first, so the fuzzer reaches the sections
 * (the checksum alone would refuse nearly every mutation). */
#include "fuzz-common.h"

#include "io/snapshot-private.h"

static const char *snapshot_path;

int LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzz_init_glib();
    snapshot_path = fuzz_scratch_file("graph.wpsnap");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree guint8 *sealed = g_memdup2(data, size);
    wp_i_snapshot_seal(sealed, size);
    fuzz_write(snapshot_path, sealed, size);
    g_chmod(snapshot_path, 0600); /* a snapshot others may write is refused before any check */
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_i_snapshot_load(snapshot_path, NULL, NULL, &error);
    if (g == NULL) {
        if (error == NULL)
            fuzz_fail("snapshot refused without an error", NULL);
        if (error->domain != WP_ERROR && error->domain != G_IO_ERROR)
            fuzz_fail("unexpected snapshot error", error->message);
        return 0;
    }
    fuzz_check_graph(g);
    return 0;
}
