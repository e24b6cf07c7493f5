/* SPDX-License-Identifier: MIT */
/* warmpath rank: a ranking (and plan) and the functions that print it, one per format. */
#pragma once

#include "cli/cli.h"

/* Everything an output format needs; all borrowed. */
typedef struct {
    const WpGraph *graph;
    const WpRankResult *result;
    const WpRankPlan *plan;         /* NULL without --plan */
    const WpPerson *sellers;
    guint n_sellers;
    const char *const *where;       /* the territory's expressions, NULL-terminated, or NULL */
    const char *where_origin;       /* "--where" or "PROFILE [territory]" */
    const char *targets_file;       /* --targets as given, or NULL */
    guint n_selected;               /* people the territory selected, before exclusions */
    guint top;                      /* sources to show, 0 = all */
    guint max_asks;
    guint max_hops;                 /* as searched; 0 = none */
    double min_probability;
    const char *model;              /* "default", "raw" or the profile named */
} RankReport;

/* For a salesperson: what was ranked, the ranked sources, direct contacts, cold accounts,
 * and the plan. */
void rank_output_table(const RankReport *report, GString *out);
/* One row per source, or with a plan one row per ask. */
void rank_output_csv(const RankReport *report, GString *out);
/* The complete answer: { "sources": [ { "id", "score", ... } ], ... }. */
JsonNode *rank_output_json(const RankReport *report);
