/* SPDX-License-Identifier: MIT */
/* Writing diagrams from the command line: `map`, and `path --format dot|svg|png|pdf`. */
#pragma once

#include "cli/cli.h"
#include "cli/path-output.h"

/* The diagram format --format names; with no --format, the one -o FILE's extension names
 * (.dot, .gv, .svg, .png, .pdf), else SVG. */
WpDiagramFormat cli_diagram_format(const CliCommon *common);
/* Renders @diagram and writes it to --output (atomically) or standard output. PNG and PDF are
 * binary, so they are refused on a terminal with WP_ERROR_USAGE. */
gboolean cli_emit_diagram(const CliCommon *common, const WpDiagram *diagram, GError **error);
/* The diagram of a `path` answer: the routes to a person, or with --to-company the account
 * map (@where: the --where filter the paths were found under, or NULL); at most WP_DIAGRAM_PATH_ROUTES (or WP_DIAGRAM_ACCOUNT_ROUTES) routes are drawn. */
gboolean cli_emit_path_diagram(const CliCommon *common, const WpPathReport *report,
                               const WpWhere *where, GError **error);
/* "default model · up to 4 hops · at least 1%" for a subtitle. */
char *cli_diagram_context(const char *model, guint max_hops, double min_probability);
