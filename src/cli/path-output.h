/* SPDX-License-Identifier: MIT */
/* warmpath path: an answer and the functions that print it, one per output format. */
#pragma once

#include "cli/cli.h"

/* Everything an output format needs; all borrowed. */
typedef struct {
    const WpGraph *graph;
    const WpPathSet *set;
    const WpPerson *sellers;
    guint n_sellers;
    const char *company; /* --to-company as typed, or NULL */
    const char *company_name; /* the account's name as the people file spells it, or NULL */
    const char *where;   /* the --where expressions joined with " and ", or NULL */
    WpPathQuery query;
    const char *model;   /* "default", "raw" or the profile file named */
} PathReport;

/* Advice a sales manager would give: each path as a sentence, then its hops explained. */
void path_output_table(const PathReport *report, GString *out);
/* One row per hop, with the path's rank and probability. */
void path_output_csv(const PathReport *report, GString *out);
/* The complete answer: { "paths": [ { "probability", "people", "hops": [...] } ], ... }. */
JsonNode *path_output_json(const PathReport *report);
