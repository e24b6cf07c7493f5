/* SPDX-License-Identifier: MIT */
/* Zeroed memory for large tables that are probed at random (hash tables of millions of ids). */
#pragma once

#include <glib.h>

/* @bytes of zeroes. Large tables get transparent huge pages where the system offers them, and
 * are written once here, so that probing neither misses the TLB on every access nor takes a
 * copy-on-write fault (with a TLB shootdown on every other core) on each first write. Free
 * with wp_i_big_table_free() and the same @bytes. Aborts only when memory is exhausted, like
 * g_malloc(). */
gpointer wp_i_big_table_new0(gsize bytes);
void wp_i_big_table_free(gpointer table, gsize bytes);
