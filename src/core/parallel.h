/* SPDX-License-Identifier: MIT */
/* Splitting a loop over the machine's cores. Only warmpath's own code may run in the workers:
 * Debian's igraph is built without thread safety. */
#pragma once

#include <glib.h>

/* Called once per chunk with the half-open range [begin, end). Must not fail. */
typedef void (*WpRangeFunc)(gsize begin, gsize end, gpointer user_data);

/* How many workers wp_i_parallel_for() uses at most: one per core, at most 8. */
guint wp_i_parallel_workers(void);

/* Cuts [0, @n) into @n_parts ranges of about equal weight, each a multiple of @step long but
 * the last: @cumulative[i] is the weight before item i (n + 1 entries). Writes n_parts + 1
 * starts. */
void wp_i_parallel_split(const guint32 *cumulative, guint32 n, guint32 step, guint n_parts,
                         guint32 *starts);

/* Runs @func over [0, n) in contiguous chunks, one per core (at most 8), and returns when all
 * are done. Ranges below @min_chunk per worker run on the calling thread alone. */
void wp_i_parallel_for(gsize n, gsize min_chunk, WpRangeFunc func, gpointer user_data);
