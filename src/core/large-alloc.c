/* SPDX-License-Identifier: MIT */
/* Huge pages for big random-access arrays.
 *
 * With 4 KiB pages a random read into the 190 MB arc array of a million people misses the TLB
 * as well as the cache; Debian's kernels give transparent huge pages to regions that ask
 * (madvise mode), so big arrays are aligned to 2 MiB and ask. g_free() frees them: GLib's
 * allocator is the C library's. The id tables of the parallel ties reader (32 MB each, probed
 * 26M times on the large graph) spent ~40 % of the parse in TLB misses and in copy-on-write
 * faults of zero pages, each with an IPI to the other core, before they were allocated here
 * and zeroed at once (perf: prefetcht0 stalls, smp_call_function_many_cond). */
#define _DEFAULT_SOURCE /* madvise() and MADV_HUGEPAGE under -std=c11 */
#include "core/large-alloc.h"

#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#ifndef MADV_HUGEPAGE /* without it every array silently got small pages */
#error "MADV_HUGEPAGE is not declared: check the feature-test macros"
#endif
#endif

#define HUGE_PAGE ((gsize)2 << 20)
#define WORTH_IT ((gsize)4 << 20)

gpointer wp_i_alloc_large(gsize n, gsize size)
{
    if (size != 0 && n > G_MAXSIZE / size)
        return g_malloc_n(n, size); /* which reports the overflow as g_new() does */
    gsize bytes = MAX(n * size, 1);
#ifdef MADV_HUGEPAGE
    if (bytes >= WORTH_IT) {
        gsize rounded = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        void *p = aligned_alloc(HUGE_PAGE, rounded);
        if (p != NULL) {
            madvise(p, rounded, MADV_HUGEPAGE); /* advice: failure only means small pages */
            return p;
        }
    }
#endif
    return g_malloc(bytes);
}

gpointer wp_i_alloc_large0(gsize n, gsize size)
{
    gpointer p = wp_i_alloc_large(n, size);
    memset(p, 0, MAX(n * size, 1));
    return p;
}

gpointer wp_i_realloc_large(gpointer p, gsize old_n, gsize new_n, gsize size)
{
    if (p == NULL)
        return NULL;
    /* Not realloc(): an aligned block would come back unaligned, on small pages. */
    gpointer q = wp_i_alloc_large(new_n, size);
    memcpy(q, p, MIN(old_n, new_n) * size);
    g_free(p);
    return q;
}
