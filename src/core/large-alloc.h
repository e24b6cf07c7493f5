/* SPDX-License-Identifier: MIT */
/* Arrays of hundreds of megabytes that are read at random: on transparent huge pages. */
#pragma once

#include <glib.h>

/* Like g_new(): @n items of @size bytes, uninitialised; freed with g_free(). Never NULL (aborts
 * on exhaustion as g_new() does). Arrays of 4 MiB or more get 2 MiB pages where the kernel
 * offers them, so random reads stop missing the TLB as well as the cache. */
gpointer wp_i_alloc_large(gsize n, gsize size);
/* Zero-filled. */
gpointer wp_i_alloc_large0(gsize n, gsize size);
/* Grows (or shrinks) @p, of @old_n items, to @new_n items of @size bytes, keeping the first
 * min(@old_n, @new_n) items; the new array is large-allocated as above. NULL stays NULL. */
gpointer wp_i_realloc_large(gpointer p, gsize old_n, gsize new_n, gsize size);
