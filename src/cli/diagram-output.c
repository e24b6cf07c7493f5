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

gboolean cli_emit_path_diagram(const CliCommon *common, const WpPathReport *report,
                               const WpWhere *where, GError **error)
{
    const WpPathRequest *q = &report->request;
    g_autofree char *context =
        cli_diagram_context(q->model_name, q->query.max_hops, q->query.min_probability);
    WpDiagramLimits limits = {0, 0, context};
    g_autoptr(WpDiagram) diagram = NULL;
    if (q->company != NULL) {
        diagram = wp_diagram_new_account_map(report->scoring, report->set, q->sellers, q->n_sellers,
                                             q->company, where, &limits);
    } else {
        diagram =
            wp_diagram_new_paths(report->scoring, report->set, q->sellers, q->n_sellers, &limits);
    }
    return cli_emit_diagram(common, diagram, error);
}
