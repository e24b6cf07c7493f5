/* SPDX-License-Identifier: MIT */
/* Summary figures of a loaded network, for `warmpath stats` and reports. */
#pragma once

#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/scoring.h"

G_BEGIN_DECLS

/**
 * WpStats:
 * @n_people: all people; @n_listed of them come from the people file
 * @n_ties: distinct ties after merging; @n_tie_rows rows were read
 * @n_components: connected components (ties taken as undirected), isolated people included
 * @largest_component: people in the largest component
 * @n_isolated: people with no tie
 * @degree_min, @degree_median, @degree_mean, @degree_max: ties per person
 * @n_declared: ties with a declared strength; @declared_mean their mean
 * @n_by_type: ties carrying each type (a tie of two types counts in both); @n_untyped none
 * @n_dated: ties with a last-contact date; @n_gone_cold / @n_never_interacted /
 *   @n_social_only: ties with that status under the scoring's model and as-of day
 * @n_directed: directed ties
 * @teams: (element-type WpTeamCount): sellers per team, sorted by team name
 * @tie_labels: (element-type WpTieLabelCount): for each tie column the network has whose ties
 *   are counted per label (`origin`): the ties without any label (@label NULL), then the ties
 *   carrying each label, by label (byte order); a tie with two origins counts under both
 */
typedef struct {
    guint n_people, n_listed, n_ties;
    guint64 n_tie_rows;
    guint n_components, largest_component, n_isolated;
    guint degree_min, degree_max;
    double degree_median, degree_mean;
    guint n_declared;
    double declared_mean;
    guint n_by_type[WP_TIE_N_TYPES];
    guint n_untyped, n_dated, n_gone_cold, n_never_interacted, n_social_only, n_directed;
    GArray *teams;
    GArray *tie_labels;
} WpStats;

typedef struct {
    const char *team; /* (transfer none): borrowed from the graph */
    guint n_sellers;
} WpTeamCount;

typedef struct {
    const char *column; /* (transfer none): the ties column, "origin" */
    const char *label;  /* (transfer none) (nullable): borrowed from the graph; NULL: no label */
    guint n_ties;
} WpTieLabelCount;

/* Fills @out with the figures of @scoring's graph; fails only when igraph cannot allocate.
 * @out's arrays are the caller's: free them with wp_stats_clear(). Time: O(V log V + E) (the
 * degrees sorted, components by igraph). Memory: a temporary igraph copy of the network, about
 * 48 bytes a tie, freed on return. */
WP_API gboolean wp_scoring_compute_stats(const WpScoring *scoring, WpStats *out, GError **error);
/* Frees @stats's arrays (not @stats itself, which may live on the stack). Time: O(1). */
WP_API void wp_stats_clear(WpStats *stats);

G_END_DECLS
