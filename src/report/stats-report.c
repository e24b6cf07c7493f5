/* SPDX-License-Identifier: MIT */
/* What a loaded network holds, as the rows and the JSON of `warmpath stats`. */
#include "report/report-private.h"

static char *fmt_uint(guint64 n)
{
    return g_strdup_printf("%" G_GUINT64_FORMAT, n);
}

static char *fmt_double(double x)
{
    return wp_i_num_dup("%.4g", x);
}

/* Adds a row "metric, value, detail"; takes @value. */
static void add(WpTable *table, const char *metric, char *value, const char *detail)
{
    const char *cells[] = {metric, value, detail};
    wp_table_add_row(table, cells);
    g_free(value);
}

static void add_counts(WpTable *t, const WpGraph *graph, const WpStats *s)
{
    add(t, "people", fmt_uint(s->n_people), NULL);
    add(t, "people.listed", fmt_uint(s->n_listed), "in the people file");
    add(t, "people.unlisted", fmt_uint(s->n_people - s->n_listed), "known only from ties");
    add(t, "ties", fmt_uint(s->n_ties), "distinct pairs after merging");
    add(t, "ties.rows", fmt_uint(s->n_tie_rows), "rows read");
    add(t, "ties.directed", fmt_uint(s->n_directed), NULL);
    add(t, "ties.self_loops_dropped", fmt_uint(wp_graph_warning_count(graph, WP_WARNING_SELF_LOOP)),
        NULL);
    add(t, "ties.duplicate_rows_merged",
        fmt_uint(wp_graph_warning_count(graph, WP_WARNING_DUPLICATE_TIE)), NULL);
    add(t, "components", fmt_uint(s->n_components), "isolated people count as one each");
    add(t, "components.largest", fmt_uint(s->largest_component), "people");
    add(t, "people.isolated", fmt_uint(s->n_isolated), "no tie at all");
    add(t, "degree.min", fmt_uint(s->degree_min), NULL);
    add(t, "degree.median", fmt_double(s->degree_median), NULL);
    add(t, "degree.mean", fmt_double(s->degree_mean), NULL);
    add(t, "degree.max", fmt_uint(s->degree_max), NULL);
}

static void add_quality(WpTable *t, const WpStats *s)
{
    add(t, "strength.declared", fmt_uint(s->n_declared), "ties with a declared strength");
    add(t, "strength.declared_mean", fmt_double(s->declared_mean), NULL);
    for (guint k = 0; k < WP_TIE_N_TYPES; k++) {
        g_autofree char *metric = g_strdup_printf("type.%s", wp_tie_type_name(k));
        add(t, metric, fmt_uint(s->n_by_type[k]), NULL);
    }
    add(t, "type.none", fmt_uint(s->n_untyped), "ties with no type");
    add(t, "recency.dated", fmt_uint(s->n_dated), "ties with a last contact");
    add(t, "recency.gone_cold", fmt_uint(s->n_gone_cold),
        "no contact for longer than the model's cold_after_days");
    add(t, "status.never_interacted", fmt_uint(s->n_never_interacted), "interactions = 0");
    add(t, "status.social_only", fmt_uint(s->n_social_only), "only ever typed social");
    for (guint i = 0; i < s->teams->len; i++) {
        const WpTeamCount *tc = &g_array_index(s->teams, WpTeamCount, i);
        g_autofree char *metric = g_strdup_printf("team.%s", tc->team);
        add(t, metric, fmt_uint(tc->n_sellers), "sellers");
    }
    for (guint i = 0; i < s->tie_labels->len; i++) { /* "ties.no_origin", "origin.hubspot", ... */
        const WpTieLabelCount *c = &g_array_index(s->tie_labels, WpTieLabelCount, i);
        g_autofree char *metric = c->label ? g_strdup_printf("%s.%s", c->column, c->label)
                                           : g_strdup_printf("ties.no_%s", c->column);
        g_autofree char *detail = c->label ? NULL : g_strdup_printf("ties with no %s", c->column);
        add(t, metric, fmt_uint(c->n_ties), c->label ? "ties" : detail);
    }
}

/* One row per warning kind: its count and its first message. */
static void add_warnings(WpTable *t, const WpGraph *graph)
{
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++) {
        g_autofree char *metric = g_strdup_printf("warnings.%s", wp_warning_kind_name(k));
        const GPtrArray *examples = wp_graph_warning_examples(graph, k);
        add(t, metric, fmt_uint(wp_graph_warning_count(graph, k)),
            examples->len ? examples->pdata[0] : NULL);
    }
}

WpTable *wp_report_stats_table(const WpGraph *graph, const WpStats *stats)
{
    g_return_val_if_fail(graph != NULL && stats != NULL, NULL);
    WpTable *table = wp_table_new();
    wp_table_add_column(table, "metric", FALSE);
    wp_table_add_column(table, "value", TRUE);
    wp_table_add_column(table, "detail", FALSE);
    add_counts(table, graph, stats);
    add_quality(table, stats);
    add_warnings(table, graph);
    return table;
}

/* Every example message of each kind (the table keeps the first). */
static JsonNode *warnings_json(const WpGraph *graph)
{
    JsonObject *all = json_object_new();
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++) {
        JsonObject *kind = json_object_new();
        json_object_set_int_member(kind, "count", (gint64)wp_graph_warning_count(graph, k));
        JsonArray *examples = json_array_new();
        const GPtrArray *list = wp_graph_warning_examples(graph, k);
        for (guint i = 0; i < list->len; i++)
            json_array_add_string_element(examples, list->pdata[i]);
        json_object_set_array_member(kind, "examples", examples);
        json_object_set_object_member(all, wp_warning_kind_name(k), kind);
    }
    JsonNode *node = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(node, all);
    return node;
}

JsonNode *wp_report_stats_json(const WpGraph *graph, const WpStats *stats)
{
    g_return_val_if_fail(graph != NULL && stats != NULL, NULL);
    g_autoptr(WpTable) table = wp_report_stats_table(graph, stats);
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "metrics");
    json_builder_add_value(b, wp_table_to_json(table));
    json_builder_set_member_name(b, "warnings");
    json_builder_add_value(b, warnings_json(graph));
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
