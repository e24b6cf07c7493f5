/* SPDX-License-Identifier: MIT */
/* The radix heap against a brute-force queue: Dijkstra-like workloads where each push is at
 * least the last key popped, with many equal keys (zero-cost arcs) so hops decide. */
#include "search/radix-heap.h"

#include <math.h>

typedef struct {
    double key;
    guint32 hops;
    gboolean live;
} Item;

/* The least (key, hops) among live items; G_MAXUINT when none. */
static guint brute_min(const GArray *items)
{
    guint best = G_MAXUINT;
    for (guint i = 0; i < items->len; i++) {
        const Item *it = &g_array_index(items, Item, i);
        if (!it->live)
            continue;
        const Item *b = best == G_MAXUINT ? NULL : &g_array_index(items, Item, best);
        if (b == NULL || it->key < b->key || (it->key == b->key && it->hops < b->hops))
            best = i;
    }
    return best;
}

static void check_workload(guint seed, gboolean coarse)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
    WpRadixHeap heap;
    wp_i_radix_heap_init(&heap);
    for (guint round = 0; round < 3; round++) { /* reuse after a reset */
        wp_i_radix_heap_reset(&heap);
        g_autoptr(GArray) items = g_array_new(FALSE, FALSE, sizeof(Item));
        double last = 0;
        guint live = 0;
        for (guint step = 0; step < 3000; step++) {
            if (live == 0 || g_rand_int_range(rand, 0, 3) > 0) {
                /* Coarse keys repeat a lot (as zero-cost arcs make them); fine ones spread. */
                double gap = coarse ? g_rand_int_range(rand, 0, 3) * 0.5
                                    : -log(g_rand_double_range(rand, 1e-6, 1.0));
                Item it = {last + gap, (guint32)g_rand_int_range(rand, 0, 50), TRUE};
                wp_i_radix_heap_push(&heap, it.key, items->len, it.hops);
                g_array_append_val(items, it);
                live++;
                continue;
            }
            WpRadixEntry top;
            g_assert_true(wp_i_radix_heap_pop(&heap, &top));
            guint expect = brute_min(items);
            Item *got = &g_array_index(items, Item, top.item);
            const Item *want = &g_array_index(items, Item, expect);
            g_assert_true(got->live);
            g_assert_true(got->key == want->key); /* equal (key, hops), maybe another item */
            g_assert_cmpuint(got->hops, ==, want->hops);
            g_assert_true(wp_i_radix_key_value(top.key) == got->key);
            got->live = FALSE;
            live--;
            last = got->key;
        }
        WpRadixEntry top;
        while (live > 0) {
            g_assert_true(wp_i_radix_heap_pop(&heap, &top));
            g_array_index(items, Item, top.item).live = FALSE;
            live--;
        }
        g_assert_false(wp_i_radix_heap_pop(&heap, &top));
    }
    wp_i_radix_heap_clear(&heap);
}

static void test_spread_keys(void)
{
    for (guint seed = 1; seed <= 5; seed++)
        check_workload(seed, FALSE);
}

static void test_repeated_keys(void)
{
    for (guint seed = 1; seed <= 5; seed++)
        check_workload(seed, TRUE);
}

/* A key a rounding error below the last one popped (A* sums) comes out next, as that key. */
static void test_clamped_key(void)
{
    WpRadixHeap heap;
    wp_i_radix_heap_init(&heap);
    wp_i_radix_heap_push(&heap, 1.0, 0, 0);
    wp_i_radix_heap_push(&heap, 2.0, 1, 0);
    WpRadixEntry top;
    g_assert_true(wp_i_radix_heap_pop(&heap, &top));
    g_assert_cmpuint(top.item, ==, 0);
    wp_i_radix_heap_push(&heap, nextafter(1.0, 0.0), 2, 0);
    wp_i_radix_heap_push(&heap, -0.0, 3, 1); /* -0 is 0, below the last key too */
    g_assert_true(wp_i_radix_heap_pop(&heap, &top));
    g_assert_cmpuint(top.item, ==, 2);
    g_assert_true(wp_i_radix_key_value(top.key) == 1.0);
    g_assert_true(wp_i_radix_heap_pop(&heap, &top));
    g_assert_cmpuint(top.item, ==, 3);
    g_assert_true(wp_i_radix_heap_pop(&heap, &top));
    g_assert_cmpuint(top.item, ==, 1);
    g_assert_false(wp_i_radix_heap_pop(&heap, &top));
    wp_i_radix_heap_clear(&heap);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/radix-heap/spread-keys", test_spread_keys);
    g_test_add_func("/radix-heap/repeated-keys", test_repeated_keys);
    g_test_add_func("/radix-heap/clamped-key", test_clamped_key);
    return g_test_run();
}
