/* SPDX-License-Identifier: MIT */
/* warmpath path: the answer's table and CSV, laid out from the library's report (the JSON is
 * the library's own, wp_report_paths_json()). */
#pragma once

#include "cli/cli.h"

/* Advice a sales manager would give: each path as a sentence, then its hops explained
 * (path-table.c). */
void path_output_table(const WpPathReport *report, GString *out);
/* One row per hop, with the path's rank and probability (path-output.c). */
void path_output_csv(const WpPathReport *report, GString *out);
