/* SPDX-License-Identifier: MIT */
/* Rank results: ordering the sources, best targets, cold targets and cold accounts. */
#include "rank/rank-private.h"

#include <string.h>

void wp_rank_result_free(WpRankResult *r)
{
    if (r == NULL)
        return;
    GArray *lists[] = {r->sources, r->colleagues};
    for (guint l = 0; l < G_N_ELEMENTS(lists); l++)
        for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++) {
            WpRankSource *s = &g_array_index(lists[l], WpRankSource, i);
            if (s->reach)
                g_array_unref(s->reach);
            if (s->best)
                g_array_unref(s->best);
        }
    g_clear_pointer(&r->sources, g_array_unref);
    g_clear_pointer(&r->colleagues, g_array_unref);
    g_clear_pointer(&r->weak_direct, g_array_unref);
    g_clear_pointer(&r->targets, g_array_unref);
    g_clear_pointer(&r->best_probability, g_array_unref);
    g_clear_pointer(&r->best_source, g_array_unref);
    g_clear_pointer(&r->direct, g_array_unref);
    g_clear_pointer(&r->cold_targets, g_array_unref);
    g_clear_pointer(&r->cold_companies, g_array_unref);
    g_free(r);
}

static gint by_probability(gconstpointer a, gconstpointer b)
{
    const WpRankReach *x = a, *y = b;
    if (x->probability != y->probability)
        return x->probability > y->probability ? -1 : 1;
    return x->target_index < y->target_index ? -1 : x->target_index > y->target_index;
}

/* Best score first; equal scores by label, then id, so the order is total and stable. */
static gint by_score(gconstpointer a, gconstpointer b, gpointer data)
{
    const WpGraph *g = data;
    const WpRankSource *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    int c = strcmp(wp_graph_person_label(g, x->person), wp_graph_person_label(g, y->person));
    return c != 0 ? c : strcmp(wp_graph_person_id(g, x->person), wp_graph_person_id(g, y->person));
}

static gint by_size_then_name(gconstpointer a, gconstpointer b)
{
    const WpRankCompany *x = a, *y = b;
    if (x->n_targets != y->n_targets)
        return x->n_targets > y->n_targets ? -1 : 1;
    return strcmp(x->company, y->company);
}

/* Companies of the territory none of whose targets is reached (@reached per target). Targets
 * with no company are listed only as cold targets. */
static void find_cold_companies(WpRankResult *r, const WpGraph *g, const gboolean *reached)
{
    g_autoptr(GHashTable) counts = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    for (guint i = 0; i < r->targets->len; i++) {
        const char *company =
            wp_graph_person_attr(g, g_array_index(r->targets, WpPerson, i), WP_COLUMN_COMPANY);
        if (company == NULL)
            continue;
        WpRankCompany *cc = g_hash_table_lookup(counts, company);
        if (cc == NULL) {
            cc = g_new0(WpRankCompany, 1);
            cc->company = company;
            g_hash_table_insert(counts, (gpointer)company, cc); /* key borrowed from the graph */
        }
        cc->n_targets++;
        cc->n_cold += !reached[i];
    }
    GHashTableIter iter;
    gpointer value = NULL;
    g_hash_table_iter_init(&iter, counts);
    while (g_hash_table_iter_next(&iter, NULL, &value)) {
        const WpRankCompany *cc = value;
        if (cc->n_cold == cc->n_targets)
            g_array_append_val(r->cold_companies, *cc);
    }
    g_array_sort(r->cold_companies, by_size_then_name);
}

/* Sorts @list best first and keeps each one's best @n_best targets. */
static void finish_list(GArray *list, const WpGraph *g, guint n_best)
{
    g_array_sort_with_data(list, by_score, (gpointer)g);
    for (guint i = 0; i < list->len; i++) {
        WpRankSource *s = &g_array_index(list, WpRankSource, i);
        g_array_sort(s->reach, by_probability);
        guint keep = MIN(n_best, s->reach->len);
        s->best = g_array_sized_new(FALSE, FALSE, sizeof(WpRankReach), keep);
        g_array_append_vals(s->best, s->reach->data, keep);
    }
}

void wp_i_rank_finish(WpRankResult *r, const WpGraph *g, guint n_best)
{
    finish_list(r->sources, g, n_best);
    finish_list(r->colleagues, g, n_best);
    guint n_targets = r->targets->len;
    g_array_set_size(r->best_probability, n_targets);
    g_array_set_size(r->best_source, n_targets);
    g_autofree gboolean *reached = g_new0(gboolean, MAX(n_targets, 1));
    for (guint t = 0; t < n_targets; t++) {
        g_array_index(r->best_probability, double, t) = 0;
        g_array_index(r->best_source, guint, t) = G_MAXUINT;
    }
    for (guint i = 0; i < r->sources->len; i++) {
        const WpRankSource *s = &g_array_index(r->sources, WpRankSource, i);
        for (guint k = 0; k < s->reach->len; k++) {
            const WpRankReach *reach = &g_array_index(s->reach, WpRankReach, k);
            double *best = &g_array_index(r->best_probability, double, reach->target_index);
            reached[reach->target_index] = TRUE;
            if (reach->probability > *best) { /* strictly: ties stay with the higher rank */
                *best = reach->probability;
                g_array_index(r->best_source, guint, reach->target_index) = i;
            }
        }
    }
    for (guint i = 0; i < r->colleagues->len; i++) { /* a colleague's reach is no cold target */
        const WpRankSource *s = &g_array_index(r->colleagues, WpRankSource, i);
        for (guint k = 0; k < s->reach->len; k++)
            reached[g_array_index(s->reach, WpRankReach, k).target_index] = TRUE;
    }
    for (guint t = 0; t < n_targets; t++)
        if (!reached[t])
            g_array_append_val(r->cold_targets, t);
    find_cold_companies(r, g, reached);
}
