/* SPDX-License-Identifier: MIT */
/* Prints the learning simulation's table for docs/ledger.md "Learning":
 *   build/tools/learn-sim [SEED] [CHECKPOINT...]   (default: seed 16, 0 50 200 800) */
#include <stdio.h>
#include <stdlib.h>

#include "learn-sim.h"

int main(int argc, char **argv)
{
    guint32 seed = argc > 1 ? (guint32)strtoul(argv[1], NULL, 10) : 16;
    g_autoptr(GArray) wanted = g_array_new(FALSE, FALSE, sizeof(guint));
    for (int i = 2; i < argc; i++) {
        guint n = (guint)strtoul(argv[i], NULL, 10);
        g_array_append_val(wanted, n);
    }
    if (wanted->len == 0) {
        const guint dflt[] = {0, 50, 200, 800};
        g_array_append_vals(wanted, dflt, G_N_ELEMENTS(dflt));
    }
    g_autoptr(GArray) points = sim_run(seed, (const guint *)wanted->data, wanted->len);
    printf("| asks | ties learned | mean abs. error of strengths | Brier score | Brier floor | "
           "Brier above the floor |\n");
    printf("|---:|---:|---:|---:|---:|---:|\n");
    for (guint i = 0; i < points->len; i++) {
        const SimPoint *p = &g_array_index(points, SimPoint, i);
        printf("| %u | %u | %.3f | %.4f | %.4f | %.4f |\n", p->asks, p->ties_learned, p->mae,
               p->brier, p->brier_floor, p->brier - p->brier_floor);
    }
    return 0;
}
