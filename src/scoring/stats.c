/* SPDX-License-Identifier: MIT */
/* Network summary figures under a scoring (tie statuses depend on its model and as-of day);
 * components come from igraph. */
#include "warmpath/stats.h"
#include "core/graph-private.h" /* tie rows and labels, the team column */
#include "core/igraph-private.h"
#include "core/tie-labels.h"
#include "scoring/scoring-private.h"

#include <math.h>
#include <string.h>

static int compare_guint(const void *a, const void *b)
{
    guint x = *(const guint *)a, y = *(const guint *)b;
    return (x > y) - (x < y);
}

static int compare_team(const void *a, const void *b)
{
    return strcmp(((const WpTeamCount *)a)->team, ((const WpTeamCount *)b)->team);
}

static gboolean count_components(const WpGraph *g, WpStats *s, GError **error)
{
    igraph_t ig;
    if (!wp_i_igraph_from_graph(g, &ig, error))
        return FALSE;
    g_auto(igraph_vector_int_t) sizes = WP_IGRAPH_VECTOR_NULL;
    igraph_integer_t n = 0;
    gboolean ok = wp_i_igraph_ok(igraph_vector_int_init(&sizes, 0), "components", error) &&
                  wp_i_igraph_ok(igraph_connected_components(&ig, NULL, &sizes, &n, IGRAPH_WEAK),
                                 "components", error);
    if (ok) {
        s->n_components = (guint)n;
        s->largest_component = n > 0 ? (guint)igraph_vector_int_max(&sizes) : 0;
    }
    igraph_destroy(&ig);
    return ok;
}

static void count_degrees(const WpGraph *g, WpStats *s)
{
    if (g->n_people == 0)
        return;
    g_autofree guint *deg = g_new0(guint, g->n_people);
    for (WpTie t = 0; t < g->n_ties; t++) {
        deg[g->tie_source[t]]++;
        deg[g->tie_target[t]]++;
    }
    guint64 sum = 0;
    for (guint p = 0; p < g->n_people; p++) {
        sum += deg[p];
        s->n_isolated += deg[p] == 0;
    }
    qsort(deg, g->n_people, sizeof(guint), compare_guint);
    s->degree_min = deg[0];
    s->degree_max = deg[g->n_people - 1];
    guint mid = g->n_people / 2;
    s->degree_median = g->n_people % 2 ? deg[mid] : (deg[mid - 1] + deg[mid]) / 2.0;
    s->degree_mean = (double)sum / g->n_people;
}

static void count_ties(const WpScoring *scoring, WpStats *s)
{
    const WpGraph *g = scoring->graph;
    double declared_sum = 0;
    for (WpTie t = 0; t < g->n_ties; t++) {
        WpStrengthBreakdown b;
        wp_scoring_tie_strength(scoring, t, &b);
        WpTieInfo info;
        wp_graph_tie_info(g, t, &info);
        if (!isnan(info.declared)) {
            s->n_declared++;
            declared_sum += info.declared;
        }
        for (guint k = 0; k < WP_TIE_N_TYPES; k++)
            s->n_by_type[k] += (info.types & WP_TIE_TYPE_BIT(k)) != 0;
        s->n_untyped += info.types == 0;
        s->n_dated += info.last_contact != WP_DAY_NONE;
        s->n_gone_cold += (b.status & WP_TIE_STATUS_GONE_COLD) != 0;
        s->n_never_interacted += (b.status & WP_TIE_STATUS_NEVER_INTERACTED) != 0;
        s->n_social_only += (b.status & WP_TIE_STATUS_SOCIAL_ONLY) != 0;
        s->n_directed += info.directed;
    }
    s->declared_mean = s->n_declared ? declared_sum / s->n_declared : 0;
}

static void count_teams(const WpGraph *g, WpStats *s)
{
    g_autoptr(GHashTable) counts = g_hash_table_new(g_str_hash, g_str_equal);
    for (WpPerson p = 0; p < g->n_people; p++) {
        const char *team = wp_graph_person_team(g, p);
        if (team != NULL) {
            guint n = GPOINTER_TO_UINT(g_hash_table_lookup(counts, team));
            g_hash_table_insert(counts, (gpointer)team, GUINT_TO_POINTER(n + 1));
        }
    }
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, counts);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        WpTeamCount tc = {key, GPOINTER_TO_UINT(value)};
        g_array_append_val(s->teams, tc);
    }
    g_array_sort(s->teams, compare_team);
}

static int compare_label(const void *a, const void *b)
{
    return strcmp(((const WpTieLabelCount *)a)->label, ((const WpTieLabelCount *)b)->label);
}

/* Per counted side column (tie-columns.h): ties per set, then per label. */
static void count_labels(const WpGraph *g, WpStats *s)
{
    for (guint k = 0; k < WP_TIES_N_SIDE; k++) {
        const WpTieLabels *l = g->tie_labels[k];
        const WpTieColumn *column = wp_i_tie_column(WP_TIES_N_HOT + k);
        if (l == NULL || !column->counted)
            continue;
        g_autofree guint *per_set = g_new0(guint, l->n_sets);
        g_autofree guint *per_label = g_new0(guint, MAX(l->n_labels, 1));
        for (WpTie t = 0; t < g->n_ties; t++)
            per_set[l->tie_set[t]]++;
        for (guint32 set = 0; set < l->n_sets; set++)
            for (guint32 i = l->set_at[set]; i < l->set_at[set + 1]; i++)
                per_label[l->members[i]] += per_set[set];
        WpTieLabelCount none = {column->name, NULL, per_set[0]};
        g_array_append_val(s->tie_labels, none);
        guint first = s->tie_labels->len;
        for (guint32 i = 0; i < l->n_labels; i++)
            if (per_label[i] > 0) {
                WpTieLabelCount c = {column->name, l->strings + l->label_at[i], per_label[i]};
                g_array_append_val(s->tie_labels, c);
            }
        qsort(&g_array_index(s->tie_labels, WpTieLabelCount, first), s->tie_labels->len - first,
              sizeof(WpTieLabelCount), compare_label);
    }
}

gboolean wp_scoring_compute_stats(const WpScoring *scoring, WpStats *s, GError **error)
{
    g_return_val_if_fail(scoring != NULL && s != NULL, FALSE);
    const WpGraph *g = scoring->graph;
    memset(s, 0, sizeof *s);
    s->teams = g_array_new(FALSE, FALSE, sizeof(WpTeamCount));
    s->tie_labels = g_array_new(FALSE, FALSE, sizeof(WpTieLabelCount));
    s->n_people = g->n_people;
    s->n_listed = g->n_listed;
    s->n_ties = g->n_ties;
    s->n_tie_rows = g->n_rows;
    count_degrees(g, s);
    count_ties(scoring, s);
    count_teams(g, s);
    count_labels(g, s);
    if (!count_components(g, s, error)) {
        wp_stats_clear(s);
        return FALSE;
    }
    return TRUE;
}

void wp_stats_clear(WpStats *s)
{
    if (s->teams)
        g_array_unref(s->teams);
    s->teams = NULL;
    if (s->tie_labels)
        g_array_unref(s->tie_labels);
    s->tie_labels = NULL;
}
