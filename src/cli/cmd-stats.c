/* SPDX-License-Identifier: MIT */
/* warmpath stats: what was loaded, how it hangs together, and what looked wrong. */
#include "cli/cli.h"

/* The library's rows as a table (or CSV, or JSON with every warning's examples); a table for a
 * person ends with every warning example. */
static gboolean emit(const CliCommon *common, const WpGraph *graph, const WpStats *stats,
                     GError **error)
{
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_report_stats_json(graph, stats);
        return cli_emit_json(common, root, error);
    }
    g_autoptr(CliTable) table = wp_report_stats_table(graph, stats);
    g_autoptr(GString) out = g_string_new(NULL);
    cli_table_render(table, common->format_value, cli_output_is_terminal(common) ? 60 : 0, out);
    if (common->format_value == CLI_FORMAT_TABLE) {
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
    if (!cli_parse_command(context, &argc, &argv, &common, CLI_FORMATS_TEXT, "stats"))
        return CLI_EXIT_USAGE;
    g_autoptr(GError) error = NULL;
    common.lists_warnings = TRUE;
    g_autoptr(WpScoring) scoring = cli_load_scoring(&common, &error);
    if (scoring == NULL)
        return cli_fail(error);
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpStats stats;
    if (!wp_scoring_compute_stats(scoring, &stats, &error))
        return cli_fail(error);
    gboolean ok = emit(&common, graph, &stats, &error);
    wp_stats_clear(&stats);
    if (!ok)
        return cli_fail(error);
    return CLI_EXIT_OK;
}
