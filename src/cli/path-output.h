/* SPDX-License-Identifier: MIT */
/* warmpath path: an answer and the functions that print it, one per output format. */
#pragma once

#include "cli/cli.h"

/* Everything an output format needs; all borrowed. */
typedef struct {
    const WpScoring *scoring;
    const WpGraph *graph; /* = the scoring's */
    const WpPathSet *set;
    const WpPerson *sellers;
    guint n_sellers;
    const char *company;      /* --to-company as typed, or NULL */
    const char *company_name; /* the account's name as the people file spells it, or NULL */
    const char *where;        /* the --where expressions joined with " and ", or NULL */
    WpPathQuery query;
    const char *model; /* "default", "raw" or the profile file named */
} PathReport;

/* Advice a sales manager would give: each path as a sentence, then its hops explained
 * (path-table.c). */
void path_output_table(const PathReport *report, GString *out);
/* One row per hop, with the path's rank and probability. */
void path_output_csv(const PathReport *report, GString *out);
/* The complete answer: { "paths": [ { "probability", "people", "hops": [...] } ], ... }. */
JsonNode *path_output_json(const PathReport *report);

/* What the formats share (path-output.c). */
#define PATH_ASSUMES_EXACT                                                                         \
    "each tie and each go-between works or fails independently of the others; a tie or "           \
    "person that several paths share is counted once"
#define PATH_ASSUMES_INDEPENDENT "the paths work or fail independently of each other"

/* One step between two people as the outputs explain it: a tie row, or the team tie. */
typedef struct {
    gboolean team;         /* the team tie: no tie row (WP_TIE_NONE) */
    WpTieInfo info;        /* the row's facts; for the team tie zeroed, declared NAN */
    WpStrengthBreakdown b; /* how the model scored it; for the team tie base = effective */
} PathHop;

/* The facts of @tie (WP_TIE_NONE = the team tie). */
void path_hop_facts(const WpScoring *scoring, WpTie tie, PathHop *out);
/* "71 %", "4.2 %", "0.73 %": two significant digits under 10 %. */
char *path_percent(double p);
/* A number formatted with @fmt, whatever the locale. */
char *path_number(double x, const char *fmt);
/* Type names joined by @sep ("client+friend"), "untyped" when none; @human: '_' as a space,
 * "social" as "LinkedIn connection", "untyped tie" when none; "team" for the team tie. */
char *path_types_text(const PathHop *hop, const char *sep, gboolean human);
/* The team @a and @b are both sellers of, under the team rules (a model that is not raw), else
 * NULL. Borrowed from the graph. */
const char *path_shared_team(const WpScoring *scoring, WpPerson a, WpPerson b);
/* The team of @p when the team rules make @p a seller, else NULL. */
const char *path_seller_team(const WpScoring *scoring, WpPerson p);
