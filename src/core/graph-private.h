/* SPDX-License-Identifier: MIT */
/* The graph's whole layout: what a loaded network holds, for the core, the modules that make it
 * (core/builder-private.h, the readers, io/snapshot-private.h) and the scoring's model side
 * (costs from tie facts, stats). Searches see only core/adjacency-private.h, selection
 * core/people-private.h; both views are read off this struct. Never seen by applications. It
 * includes the core's public headers (graph, error, day, text), not the umbrella: a module that
 * needs a model, a scoring, paths or import says so itself. */
#pragma once

#include <math.h>

#include "core/adjacency-private.h"
#include "core/id-index.h"
#include "core/people-private.h"
#include "core/tie-columns.h"
#include "warmpath/day.h"
#include "warmpath/error.h"
#include "warmpath/graph.h"
#include "warmpath/text.h"

typedef struct WpTieLabels WpTieLabels;

struct WpGraph {
    gint ref_count;        /* atomic */
    GStringChunk *strings; /* owns ids and attribute values */
    GPtrArray *id_stores;  /* GStringChunk *, more ids (the parallel reader's), or NULL */
    GMappedFile *mapping;  /* a loaded snapshot: when set, strings, tie arrays, adjacency and
                            * company sizes point into it (read-only) and are not freed */

    /* People: index = WpPerson. */
    guint n_people;
    guint n_listed;            /* people [0, n_listed) come from the people file */
    GPtrArray *ids;            /* const char *, borrowed from strings */
    WpIdIndex id_index;        /* id -> person */
    GPtrArray *columns;        /* WpColumn *, people-file order, "id" first */
    const char **column_names; /* NULL-terminated view of the names */
    guint n_columns;
    gint64 *company_size; /* per person, -1 unknown; NULL without that column */
    const char **team;    /* per person, team name or NULL; NULL without that column */

    /* Ties, struct of arrays, index = WpTie. Optional arrays are NULL when no row gave them. */
    guint n_ties;
    guint64 n_rows;
    WpPerson *tie_source;
    WpPerson *tie_target;
    double *tie_declared; /* NAN when not declared */
    guint16 *tie_types;
    WpDay *tie_last_contact;
    gint32 *tie_interactions;
    guint32 *tie_rows;
    guint8 *tie_directed;
    WpTieLabels *tie_labels[WP_TIES_N_SIDE]; /* per side column (tie-labels.h), NULL when no row
                                              * had it */

    /* Adjacency in compressed rows: arcs of person p are [offsets[p], offsets[p + 1]). With no
     * directed tie the in-arrays alias the out-arrays (in_is_out). */
    guint32 *out_offsets;
    WpArc *out_arcs;
    guint32 *in_offsets;
    WpArc *in_arcs;
    gboolean in_is_out;
    /* The raw model's cost of each arc, -ln(declared strength) (0 when undeclared), computed by
     * the loader while it lays the arcs out; a raw scoring shares them (scoring/). NULL for a
     * compiled network, whose scorings compute costs on first use. raw_in_cost aliases
     * raw_out_cost when in_is_out. */
    double *raw_out_cost;
    double *raw_in_cost;

    /* A cache of what the people say, built on a first search of names (select/) through
     * wp_i_graph_people_cache(): set once, freed with the graph by its own function; NULL until
     * then. */
    gpointer people_index;
    GDestroyNotify people_index_free;
    /* Likewise the people of each account (select/accounts.c), built on a first lookup through
     * wp_i_graph_accounts_cache(). */
    gpointer accounts_index;
    GDestroyNotify accounts_index_free;

    guint64 warning_counts[WP_WARNING_N_KINDS];
    GPtrArray *warning_examples[WP_WARNING_N_KINDS]; /* char *, owned */
    WpLoadFlags flags;
};
