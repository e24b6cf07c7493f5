/* SPDX-License-Identifier: MIT */
/* WpGraph accessors and lifetime; building lives in builder.c, loading in io/. */
#include "core/graph-private.h"
#include "core/tie-labels.h"

#include <math.h>
#include <string.h>

static const char *const tie_type_names[WP_TIE_N_TYPES] = {
    [WP_TIE_CLIENT] = "client",       [WP_TIE_REFERRED] = "referred",
    [WP_TIE_COLLEAGUE] = "colleague", [WP_TIE_FORMER_COLLEAGUE] = "former_colleague",
    [WP_TIE_FRIEND] = "friend",       [WP_TIE_FAMILY] = "family",
    [WP_TIE_VENDOR] = "vendor",       [WP_TIE_SOCIAL] = "social",
    [WP_TIE_PRIZE] = "prize",         [WP_TIE_OTHER] = "other",
};

const char *wp_tie_type_name(WpTieType type)
{
    g_return_val_if_fail(type < WP_TIE_N_TYPES, NULL);
    return tie_type_names[type];
}

gboolean wp_tie_type_from_name(const char *name, WpTieType *out)
{
    char buf[32];
    gsize n = strlen(name);
    if (n == 0 || n >= sizeof buf)
        return FALSE;
    for (gsize i = 0; i <= n; i++)
        buf[i] = (name[i] == ' ' || name[i] == '-') ? '_' : g_ascii_tolower(name[i]);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++)
        if (strcmp(buf, tie_type_names[t]) == 0) {
            *out = (WpTieType)t;
            return TRUE;
        }
    return FALSE;
}

const char *wp_warning_kind_name(WpWarningKind kind)
{
    static const char *const names[WP_WARNING_N_KINDS] = {
        [WP_WARNING_SELF_LOOP] = "self-loop",
        [WP_WARNING_DUPLICATE_TIE] = "duplicate-tie",
        [WP_WARNING_UNLISTED_PERSON] = "unlisted-person",
        [WP_WARNING_UNKNOWN_TIE_TYPE] = "unknown-tie-type",
        [WP_WARNING_BAD_ATTRIBUTE] = "bad-attribute",
        [WP_WARNING_SKIPPED_ROW] = "skipped-row",
        [WP_WARNING_BLANK_ROW] = "blank-row",
        [WP_WARNING_UNUSED_COLUMN] = "unused-column",
        [WP_WARNING_DISTRUST] = "distrust",
        [WP_WARNING_ZERO_WEIGHT] = "zero-weight",
    };
    g_return_val_if_fail(kind < WP_WARNING_N_KINDS, NULL);
    return names[kind];
}

static void column_free(gpointer data)
{
    WpColumn *col = data;
    g_free(col->name);
    if (col->values)
        g_ptr_array_unref(col->values);
    g_free(col);
}

WpGraph *wp_graph_ref(WpGraph *g)
{
    g_return_val_if_fail(g != NULL, NULL);
    g_atomic_int_inc(&g->ref_count);
    return g;
}

/* The last reference frees the graph: every other holder (a scoring, a query context, a
 * service's request in flight) took its own. */
void wp_graph_unref(WpGraph *g)
{
    if (g == NULL || !g_atomic_int_dec_and_test(&g->ref_count))
        return;
    g_free(g->raw_out_cost);
    if (!g->in_is_out)
        g_free(g->raw_in_cost);
    if (g->mapping == NULL) { /* else these arrays belong to the mapped snapshot */
        if (!g->in_is_out) {
            g_free(g->in_offsets);
            g_free(g->in_arcs);
        }
        g_free(g->out_offsets);
        g_free(g->out_arcs);
        g_free(g->tie_source);
        g_free(g->tie_target);
        g_free(g->tie_declared);
        g_free(g->tie_types);
        g_free(g->tie_last_contact);
        g_free(g->tie_interactions);
        g_free(g->tie_rows);
        g_free(g->tie_directed);
        g_free(g->company_size);
    }
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        wp_i_tie_labels_free(g->tie_labels[k]); /* leaves a mapped table's arrays alone */
    if (g->people_index_free != NULL)
        g->people_index_free(g->people_index);
    if (g->accounts_index_free != NULL)
        g->accounts_index_free(g->accounts_index);
    g_free(g->team);
    g_free(g->column_names);
    g_ptr_array_foreach(g->columns, (GFunc)(void (*)(void))column_free, NULL);
    g_ptr_array_unref(g->columns);
    wp_i_id_index_clear(&g->id_index);
    g_ptr_array_unref(g->ids);
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++)
        g_ptr_array_unref(g->warning_examples[k]);
    g_string_chunk_free(g->strings);
    if (g->id_stores)
        g_ptr_array_unref(g->id_stores);
    if (g->mapping)
        g_mapped_file_unref(g->mapping);
    g_free(g);
}

guint wp_graph_n_people(const WpGraph *g)
{
    g_return_val_if_fail(g != NULL, 0);
    return g->n_people;
}

guint wp_graph_n_ties(const WpGraph *g)
{
    g_return_val_if_fail(g != NULL, 0);
    return g->n_ties;
}

gboolean wp_graph_has_directed_ties(const WpGraph *g)
{
    g_return_val_if_fail(g != NULL, FALSE);
    return !g->in_is_out;
}

guint64 wp_graph_n_tie_rows(const WpGraph *g)
{
    g_return_val_if_fail(g != NULL, 0);
    return g->n_rows;
}

const char *wp_graph_person_id(const WpGraph *g, WpPerson p)
{
    g_return_val_if_fail(g != NULL && p < g->n_people, NULL);
    return g->ids->pdata[p];
}

WpPerson wp_graph_find_id(const WpGraph *g, const char *id)
{
    g_return_val_if_fail(g != NULL && id != NULL, WP_PERSON_NONE);
    gsize len = strlen(id);
    guint32 found = wp_i_id_index_lookup(&g->id_index, (const char *const *)g->ids->pdata, id, len,
                                         wp_i_id_hash(id, len));
    return found == G_MAXUINT32 ? WP_PERSON_NONE : found;
}

const char *wp_graph_person_attr(const WpGraph *g, WpPerson p, const char *column)
{
    g_return_val_if_fail(g != NULL && p < g->n_people && column != NULL, NULL);
    if (strcmp(column, WP_COLUMN_ID) == 0)
        return g->ids->pdata[p];
    if (p >= g->n_listed)
        return NULL;
    const WpColumn *col = wp_i_graph_column(g, column);
    return col != NULL ? wp_i_column_value(col, p) : NULL;
}

const char *wp_graph_person_label(const WpGraph *g, WpPerson p)
{
    const char *name = wp_graph_person_attr(g, p, WP_COLUMN_NAME);
    return name ? name : wp_graph_person_id(g, p);
}

const char *wp_graph_person_team(const WpGraph *g, WpPerson p)
{
    g_return_val_if_fail(g != NULL && p < g->n_people, NULL);
    return g->team && p < g->n_listed ? g->team[p] : NULL;
}

gboolean wp_graph_person_listed(const WpGraph *g, WpPerson p)
{
    g_return_val_if_fail(g != NULL && p < g->n_people, FALSE);
    return p < g->n_listed;
}

gint64 wp_graph_person_company_size(const WpGraph *g, WpPerson p)
{
    g_return_val_if_fail(g != NULL && p < g->n_people, -1);
    return g->company_size ? g->company_size[p] : -1;
}

const WpColumn *wp_i_graph_column(const WpGraph *g, const char *name)
{
    for (guint i = 0; i < g->n_columns; i++) {
        const WpColumn *col = g->columns->pdata[i];
        if (strcmp(col->name, name) == 0)
            return col;
    }
    return NULL;
}

guint wp_i_graph_n_listed(const WpGraph *g)
{
    return g->n_listed;
}

guint wp_i_graph_n_candidates(const WpGraph *g)
{
    return g->n_columns > 0 ? g->n_listed : g->n_people;
}

gconstpointer wp_i_graph_people_cache(const WpGraph *graph, gpointer (*build)(const WpGraph *),
                                      GDestroyNotify free_func)
{
    WpGraph *g = (WpGraph *)graph; /* the cache is the one field set after loading */
    if (g_once_init_enter(&g->people_index)) {
        g->people_index_free = free_func;
        g_once_init_leave(&g->people_index, build(graph));
    }
    return g->people_index;
}

gconstpointer wp_i_graph_accounts_cache(const WpGraph *graph, gpointer (*build)(const WpGraph *),
                                        GDestroyNotify free_func)
{
    WpGraph *g = (WpGraph *)graph; /* as the people cache: set once, after loading */
    if (g_once_init_enter(&g->accounts_index)) {
        g->accounts_index_free = free_func;
        g_once_init_leave(&g->accounts_index, build(graph));
    }
    return g->accounts_index;
}

const char *const *wp_graph_columns(const WpGraph *g, guint *n_columns)
{
    static const char *const none[] = {NULL};
    g_return_val_if_fail(g != NULL, NULL);
    if (n_columns)
        *n_columns = g->n_columns;
    return g->column_names ? g->column_names : none;
}

void wp_graph_tie_info(const WpGraph *g, WpTie t, WpTieInfo *out)
{
    g_return_if_fail(g != NULL && t < g->n_ties && out != NULL);
    out->source = g->tie_source[t];
    out->target = g->tie_target[t];
    out->declared = g->tie_declared[t];
    out->types = g->tie_types ? g->tie_types[t] : 0;
    out->last_contact = g->tie_last_contact ? g->tie_last_contact[t] : WP_DAY_NONE;
    out->interactions = g->tie_interactions ? g->tie_interactions[t] : -1;
    out->rows = g->tie_rows[t];
    out->directed = g->tie_directed ? g->tie_directed[t] : FALSE;
}

G_STATIC_ASSERT(WP_TIE_ORIGINS_MAX == WP_TIE_LABELS_MAX);

guint wp_graph_tie_origins(const WpGraph *g, WpTie t, const char **out, guint max)
{
    g_return_val_if_fail(g != NULL && t < g->n_ties && (out != NULL || max == 0), 0);
    const WpTieLabels *origins = g->tie_labels[WP_TIES_SIDE(WP_TIES_ORIGIN)];
    return origins ? wp_i_tie_labels_of_tie(origins, t, out, max) : 0;
}

const WpArc *wp_graph_out_arcs(const WpGraph *g, WpPerson p, guint *n_arcs)
{
    g_return_val_if_fail(g != NULL && p < g->n_people && n_arcs != NULL, NULL);
    *n_arcs = g->out_offsets[p + 1] - g->out_offsets[p];
    return g->out_arcs + g->out_offsets[p];
}

const WpArc *wp_graph_in_arcs(const WpGraph *g, WpPerson p, guint *n_arcs)
{
    g_return_val_if_fail(g != NULL && p < g->n_people && n_arcs != NULL, NULL);
    *n_arcs = g->in_offsets[p + 1] - g->in_offsets[p];
    return g->in_arcs + g->in_offsets[p];
}

void wp_i_graph_adjacency(const WpGraph *g, WpAdjacency *out)
{
    *out = (WpAdjacency){
        .n_people = g->n_people,
        .out_offsets = g->out_offsets,
        .out_arcs = g->out_arcs,
        .in_offsets = g->in_offsets,
        .in_arcs = g->in_arcs,
        .directed = !g->in_is_out,
    };
}

gboolean wp_graph_find_tie(const WpGraph *g, WpPerson a, WpPerson b, WpTie *out)
{
    guint n = 0;
    const WpArc *arcs = wp_graph_out_arcs(g, a, &n);
    guint lo = 0, hi = n; /* arcs are sorted by head */
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (arcs[mid].head < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && arcs[lo].head == b) {
        if (out)
            *out = arcs[lo].tie;
        return TRUE;
    }
    return FALSE;
}

guint64 wp_graph_warning_count(const WpGraph *g, WpWarningKind kind)
{
    g_return_val_if_fail(g != NULL && kind < WP_WARNING_N_KINDS, 0);
    return g->warning_counts[kind];
}

const GPtrArray *wp_graph_warning_examples(const WpGraph *g, WpWarningKind kind)
{
    g_return_val_if_fail(g != NULL && kind < WP_WARNING_N_KINDS, NULL);
    return g->warning_examples[kind];
}

char *wp_graph_warning_summary(const WpGraph *g)
{
    g_return_val_if_fail(g != NULL, NULL);
    GString *out = g_string_new(NULL);
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++)
        if (g->warning_counts[k] > 0)
            g_string_append_printf(out, "%s%" G_GUINT64_FORMAT " %s", out->len ? ", " : "",
                                   g->warning_counts[k], wp_warning_kind_name(k));
    if (out->len == 0) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}
