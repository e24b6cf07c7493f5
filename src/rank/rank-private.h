/* SPDX-License-Identifier: MIT */
/* What the rank module's files share: the prepared query and the stop sets of its searches. */
#pragma once

#include "search/roles-private.h"
#include "warmpath/rank.h"

/* A direct contact of a seller: a possible referral source (or a fellow seller). */
typedef struct {
    WpPerson person;
    WpPerson seller; /* the seller with the strongest tie to it */
    double strength; /* that tie's effective strength (or the team tie's), in (0, 1] */
    gboolean team;   /* the strength is the team tie */
    gboolean fellow; /* a fellow seller: listed as a colleague, not ranked */
} WpRankContact;

/* One counted (source, target) pair found by a search. */
typedef struct {
    guint contact; /* index into contacts */
    guint target;  /* index into targets */
    double probability;
} WpRankPair;

/**
 * WpRankStops:
 *
 * When the searches are unbounded (no hop limit, no floor) a search would settle its whole
 * component; it can stop once it has settled every wanted person it can reach. @wanted marks
 * them (targets for forward runs from sources, sources for backward runs from targets) and
 * @n_wanted[run] says how many a run can reach: exact for an undirected network (people in the
 * run's component), and the number reachable from all runs' starts together otherwise (then a
 * run may settle everything, which is still correct).
 */
typedef struct {
    guint8 *wanted;   /* per person: a query context's marks; NULL = no early stop */
    guint *n_wanted;  /* per run; owned */
    WpPerson *marked; /* owned: the people marked in @wanted, n_marked of them */
    guint n_marked;
} WpRankStops;

/* Fills @stops for runs starting at @starts (in run order) wanting @wanted_people (marked in
 * @wanted, all zero until wp_i_rank_stops_clear()), in the network without @banned people,
 * going no further from @leaves (nullable) than to them. O(V + E). Cannot fail. */
void wp_i_rank_stops_init(WpRankStops *stops, const WpAdjacency *adj, guint8 *wanted,
                          const guint8 *banned, const guint8 *leaves, const WpPerson *starts,
                          guint n_starts, const WpPerson *wanted_people, guint n_wanted_people,
                          gboolean forward);
/* Clears the marks and frees what @stops owns. */
void wp_i_rank_stops_clear(WpRankStops *stops);

/* Sorts the sources, fills best targets, per-target bests and the cold lists of @result from
 * its sources' reach lists (already in target order). Cannot fail. */
void wp_i_rank_finish(WpRankResult *result, const WpGraph *graph, guint n_best);
