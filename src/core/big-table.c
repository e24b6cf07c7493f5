/* SPDX-License-Identifier: MIT */
/* Large tables on (transparent) huge pages. On the benchmark's large graph the per-chunk id
 * tables of the parallel ties reader (32 MB each, probed 26M times) spent ~40 % of the parse
 * in TLB misses and in copy-on-write faults of calloc's zero pages, each with an IPI to the
 * other core (perf: prefetcht0 stalls, smp_call_function_many_cond). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise() */
#include "core/big-table.h"

#include <string.h>
#include <sys/mman.h>

#define HUGE_PAGE ((gsize)2 << 20)
/* Below this a table is an ordinary allocation: it fits the caches and TLB anyway. */
#define MIN_BIG (4 * HUGE_PAGE)

gpointer wp_i_big_table_new0(gsize bytes)
{
    if (bytes < MIN_BIG)
        return g_malloc0(bytes);
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        g_error("%s: failed to allocate %" G_GSIZE_FORMAT " bytes", G_STRLOC, bytes);
#ifdef MADV_HUGEPAGE
    madvise(p, bytes, MADV_HUGEPAGE); /* a hint: without it the table still works */
#endif
    memset(p, 0, bytes); /* fault every page in now, by writing */
    return p;
}

void wp_i_big_table_free(gpointer table, gsize bytes)
{
    if (table == NULL)
        return;
    if (bytes < MIN_BIG)
        g_free(table);
    else
        munmap(table, bytes);
}
