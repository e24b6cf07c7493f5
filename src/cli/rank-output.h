/* SPDX-License-Identifier: MIT */
/* warmpath rank: the ranking's table and CSV, laid out from the library's report (the JSON is
 * the library's own, wp_report_rank_json()). */
#pragma once

#include "cli/cli.h"

/* For a salesperson: what was ranked, the ranked sources, fellow sellers (not ranked), direct
 * contacts, cold accounts, and the plan with each ask's route (rank-table.c). */
void rank_output_table(const WpRankReport *report, GString *out);
/* One row per source (then per fellow seller), or with a plan one row per ask
 * (rank-output.c). */
void rank_output_csv(const WpRankReport *report, GString *out);
/* A number formatted with @fmt, whatever the locale. */
char *rank_number(double x, const char *fmt);
