/* SPDX-License-Identifier: MIT */
/* warmpath stats: what was loaded, how it hangs together, and what looked wrong. */
#include "cli/cli.h"

#include <stdio.h>

static char *fmt_uint(guint64 n)
{
    return g_strdup_printf("%" G_GUINT64_FORMAT, n);
}

static char *fmt_double(double x)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, "%.4g", x));
}

/* Adds a row "metric, value, detail"; takes @value. */
static void add(CliTable *table, const char *metric, char *value, const char *detail)
{
    const char *cells[] = {metric, value, detail};
    cli_table_add_row(table, cells);
    g_free(value);
}

static void add_counts(CliTable *t, const WpGraph *graph, const WpStats *s)
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

static void add_quality(CliTable *t, const WpStats *s)
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

static void add_warnings(CliTable *t, const WpGraph *graph)
{
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++) {
        g_autofree char *metric = g_strdup_printf("warnings.%s", wp_warning_kind_name(k));
        const GPtrArray *examples = wp_graph_warning_examples(graph, k);
        add(t, metric, fmt_uint(wp_graph_warning_count(graph, k)),
            examples->len ? examples->pdata[0] : NULL);
    }
}

/* JSON keeps every example message, grouped by kind. */
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

static gboolean emit(const CliCommon *common, const WpGraph *graph, const CliTable *table,
                     GError **error)
{
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonBuilder) b = json_builder_new();
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "metrics");
        json_builder_add_value(b, cli_table_to_json(table));
        json_builder_set_member_name(b, "warnings");
        json_builder_add_value(b, warnings_json(graph));
        json_builder_end_object(b);
        g_autoptr(JsonNode) root = json_builder_get_root(b);
        return cli_emit_json(common, root, error);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    cli_table_render(table, common->format_value, cli_output_is_terminal(common) ? 60 : 0, out);
    if (common->format_value == CLI_FORMAT_TABLE) { /* every warning example, for a person */
        gboolean first = TRUE;
        for (guint k = 0; k < WP_WARNING_N_KINDS; k++) {
            const GPtrArray *list = wp_graph_warning_examples(graph, k);
            for (guint i = 0; i < list->len; i++, first = FALSE) {
                g_autofree char *safe = cli_sanitize_for_terminal(list->pdata[i]);
                g_string_append_printf(out, "%s%s: %s\n", first ? "\n" : "",
                                       wp_warning_kind_name(k), safe);
            }
        }
    }
    return cli_emit(common, out->str, out->len, error);
}

int cmd_stats(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(context,
                                 "Summarise the network: people, ties, components, degrees, tie "
                                 "types and recency, teams, and every data-quality warning.");
    cli_common_add_options(context, &common, CLI_FORMATS_TEXT);
    if (!cli_parse(context, &argc, &argv, "stats") ||
        !cli_common_check(context, &common, CLI_FORMATS_TEXT, "stats"))
        return CLI_EXIT_USAGE;
    if (argc > 1)
        return cli_unexpected_argument("stats", argv[1]);
    g_autoptr(GError) error = NULL;
    common.lists_warnings = TRUE;
    g_autoptr(WpScoring) scoring = cli_load_scoring(&common, &error);
    if (scoring == NULL)
        return cli_fail(error);
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpStats stats;
    if (!wp_scoring_compute_stats(scoring, &stats, &error))
        return cli_fail(error);
    g_autoptr(CliTable) table = cli_table_new();
    cli_table_add_column(table, "metric", CLI_CELL_TEXT);
    cli_table_add_column(table, "value", CLI_CELL_NUMBER);
    cli_table_add_column(table, "detail", CLI_CELL_TEXT);
    add_counts(table, graph, &stats);
    add_quality(table, &stats);
    add_warnings(table, graph);
    wp_stats_clear(&stats);
    if (!emit(&common, graph, table, &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}
