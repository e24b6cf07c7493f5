/* SPDX-License-Identifier: MIT */
/* Writing diagrams from the command line: format choice, binary-safety, and the `path` hook. */
#include "cli/diagram-output.h"

#include <string.h>
#include <unistd.h>

WpDiagramFormat cli_diagram_format(const CliCommon *common)
{
    switch (common->format_value) { /* from --format or -o FILE's extension (common.c) */
    case CLI_FORMAT_DOT:
        return WP_DIAGRAM_DOT;
    case CLI_FORMAT_PNG:
        return WP_DIAGRAM_PNG;
    case CLI_FORMAT_PDF:
        return WP_DIAGRAM_PDF;
    case CLI_FORMAT_SVG:
    case CLI_FORMAT_TABLE:
    case CLI_FORMAT_CSV:
    case CLI_FORMAT_JSON:
    default:
        return WP_DIAGRAM_SVG;
    }
}

gboolean cli_emit_diagram(const CliCommon *common, const WpDiagram *diagram, GError **error)
{
    WpDiagramFormat format = cli_diagram_format(common);
    if (common->output != NULL)
        return wp_diagram_write(diagram, format, common->output, error);
    if ((format == WP_DIAGRAM_PNG || format == WP_DIAGRAM_PDF) && isatty(STDOUT_FILENO)) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--format %s is binary and standard output is a terminal: use -o FILE",
                    wp_diagram_format_name(format));
        return FALSE;
    }
    g_autoptr(GBytes) bytes = wp_diagram_render(diagram, format, error);
    if (bytes == NULL)
        return FALSE;
    gsize len = 0;
    const char *data = g_bytes_get_data(bytes, &len);
    return cli_emit(common, data, len, error);
}

char *cli_diagram_context(const char *model, guint max_hops, double min_probability)
{
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "%s model", model ? model : "default");
    if (max_hops > 0) {
        g_autofree char *hops = wp_text_count(max_hops, "hop", "hops");
        g_string_append_printf(out, " \u00b7 up to %s", hops);
    }
    if (min_probability > 0) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_string_append_printf(out, " \u00b7 at least %s%%",
                               g_ascii_formatd(buf, sizeof buf, "%g", 100 * min_probability));
    }
    return g_string_free(out, FALSE);
}

/* The --where expressions come joined with " and "; parsed again to count who the account
 * map could have reached. An expression that itself holds " and " makes the count cover the
 * whole account instead, which only changes a note. */
static WpWhere *reparse_where(const WpGraph *graph, const char *joined)
{
    if (joined == NULL)
        return NULL;
    g_auto(GStrv) parts = g_strsplit(joined, " and ", -1);
    WpWhere *where = wp_where_parse((const char *const *)parts, g_strv_length(parts), NULL);
    if (where != NULL && !wp_where_check(where, graph, NULL))
        g_clear_pointer(&where, wp_where_free);
    return where;
}

gboolean cli_emit_path_diagram(const CliCommon *common, const PathReport *report, GError **error)
{
    g_autofree char *context =
        cli_diagram_context(report->model, report->query.max_hops, report->query.min_probability);
    WpDiagramLimits limits = {0, 0, context};
    g_autoptr(WpDiagram) diagram = NULL;
    if (report->company != NULL) {
        g_autoptr(WpWhere) where = reparse_where(report->graph, report->where);
        diagram = wp_diagram_new_account_map(report->scoring, report->set, report->sellers,
                                             report->n_sellers, report->company, where, &limits);
    } else {
        diagram = wp_diagram_new_paths(report->scoring, report->set, report->sellers,
                                       report->n_sellers, &limits);
    }
    return cli_emit_diagram(common, diagram, error);
}
