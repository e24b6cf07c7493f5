/* SPDX-License-Identifier: MIT */
/* The structural hole between two contacts: how many short paths already join them without the
 * seller. A pair no one else joins is where the seller's introduction adds the most. */
#include "ask/connect-private.h"

#include <string.h>

void wp_i_joins_init(WpIJoins *joins, const WpGraph *graph, const WpPerson *sellers,
                     guint n_sellers)
{
    guint n = wp_graph_n_people(graph);
    joins->mark = g_new0(guint32, n);
    joins->count = g_new0(guint32, n);
    joins->touched = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    joins->stamp = 0;
    joins->seller_bits = g_new0(guint8, n / 8 + 1);
    for (guint i = 0; i < n_sellers; i++)
        joins->seller_bits[sellers[i] / 8] |= (guint8)(1u << (sellers[i] % 8));
}

void wp_i_joins_clear(WpIJoins *joins)
{
    g_free(joins->mark);
    g_free(joins->count);
    g_free(joins->seller_bits);
    g_array_unref(joins->touched);
}

/* A bit per person: a team's worth of sellers costs no more to skip than one. */
static gboolean is_seller(const WpIJoins *joins, WpPerson p)
{
    return (joins->seller_bits[p / 8] >> (p % 8)) & 1u;
}

/* Marks @a's neighbours with a fresh stamp and counts, for every person z, the paths a - x - z
 * with x a neighbour of @a that is not a seller (z may be anyone but a seller). The counts of
 * the previous A are reset through the people they touched. */
void wp_i_joins_from(WpIJoins *joins, const WpGraph *graph, WpPerson a)
{
    for (guint i = 0; i < joins->touched->len; i++)
        joins->count[g_array_index(joins->touched, WpPerson, i)] = 0;
    g_array_set_size(joins->touched, 0);
    if (++joins->stamp == 0) { /* wrapped after 2^32 - 1 people: start the marks afresh */
        memset(joins->mark, 0, sizeof *joins->mark * wp_graph_n_people(graph));
        joins->stamp = 1;
    }
    WpINeighbours it;
    wp_i_neighbours_init(&it, graph, a);
    WpPerson x;
    while (wp_i_neighbours_next(&it, &x)) {
        if (is_seller(joins, x))
            continue;
        joins->mark[x] = joins->stamp;
        WpINeighbours next;
        wp_i_neighbours_init(&next, graph, x);
        WpPerson z;
        while (wp_i_neighbours_next(&next, &z)) {
            if (z == a || is_seller(joins, z))
                continue;
            if (joins->count[z]++ == 0)
                g_array_append_val(joins->touched, z);
        }
    }
}

/* For a pair not tied, every walk A - x - y - B is a path: x = B or y = A would be a tie. */
void wp_i_joins_to(const WpIJoins *joins, const WpGraph *graph, WpPerson b, guint *common,
                   WpPerson *example, guint *paths3)
{
    *common = 0;
    *example = WP_PERSON_NONE;
    guint64 three = 0;
    WpINeighbours it;
    wp_i_neighbours_init(&it, graph, b);
    WpPerson y;
    while (wp_i_neighbours_next(&it, &y)) {
        if (is_seller(joins, y))
            continue;
        if (joins->mark[y] == joins->stamp) {
            if ((*common)++ == 0)
                *example = y;
        }
        three += joins->count[y];
    }
    *paths3 = three > G_MAXUINT ? G_MAXUINT : (guint)three;
}
