/* SPDX-License-Identifier: MIT */
/* warmpath rank: a ranking (and plan) and the functions that print it, one per format. */
#pragma once

#include "cli/cli.h"

/* Everything an output format needs; all borrowed. */
typedef struct {
    const WpScoring *scoring;
    const WpGraph *graph; /* = the scoring's */
    const WpRankResult *result;
    const WpRankPlan *plan; /* NULL without --plan */
    const WpPerson *sellers;
    guint n_sellers;
    const char *const *where; /* the territory's expressions, NULL-terminated, or NULL */
    const char *where_origin; /* "--where" or "PROFILE [territory]" */
    const char *targets_file; /* --targets as given, or NULL */
    guint n_selected;         /* people the territory selected, before exclusions */
    guint top;                /* sources to show, 0 = all */
    guint max_asks;
    double min_gain; /* the plan's floor on an ask's gain */
    guint max_hops;  /* as searched; 0 = none */
    double min_probability;
    const char *model; /* "default", "raw" or the profile named */
} RankReport;

/* For a salesperson: what was ranked, the ranked sources, fellow sellers (not ranked), direct
 * contacts, cold accounts, and the plan with each ask's route. */
void rank_output_table(const RankReport *report, GString *out);
/* One row per source (then per fellow seller), or with a plan one row per ask. */
void rank_output_csv(const RankReport *report, GString *out);
/* The complete answer: { "sources": [ { "id", "score", ... } ], ... }. */
JsonNode *rank_output_json(const RankReport *report);

/* What the formats share (rank-output.c). */
/* "71 %", "4.2 %", "< 0.1 %". */
char *rank_percent(double p);
/* A number formatted with @fmt, whatever the locale. */
char *rank_number(double x, const char *fmt);
const char *rank_attr(const WpGraph *g, WpPerson p, const char *column);
/* The seller's tie to the source: "client", "former colleague/social" (@human), or the team tie. */
char *rank_relationship(const WpGraph *g, const WpRankSource *source, gboolean human);
/* "Name (Title, Company)", safe for a terminal. */
char *rank_described(const WpGraph *g, WpPerson p);
/* "Name (Company)", not sanitised. */
char *rank_short_name(const WpGraph *g, WpPerson p);
/* Sources to show (--top). */
guint rank_n_shown(const RankReport *report);
/* "Bob Smith (Acme) 71 %; Rachel Kim (Acme) 40 %" (@with_percent), else exact figures. */
char *rank_best_text(const WpGraph *g, const WpRankSource *s, gboolean with_percent);
/* "source" for a referral source; for a fellow seller (@colleague) "teammate" or "seller". */
const char *rank_role_of(const WpGraph *g, const WpRankSource *s, gboolean colleague);
