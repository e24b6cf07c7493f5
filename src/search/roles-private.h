/* SPDX-License-Identifier: MIT */
/* Who is who in a query: the sellers who ask, their teammates, and the other sellers of our own
 * team, and the tie a seller has to each person one step away. Shared by paths and rank. */
#pragma once

#include "search/query-private.h"
#include "warmpath/path.h" /* WpDirectTie */

/**
 * WpRoles:
 *
 * The *team rules* (the scoring's, see warmpath/scoring.h) hold under a model that is not raw,
 * when the people file marks sellers (`team` column): sellers of one team are colleagues, tied
 * by the profile's team tie (strength wp_model_team_tie()) whatever their tie rows say, or
 * whether they have one; and a seller who is not asking (a *fellow seller*) is someone to ask
 * directly, never a go-between further along a path. Under the raw model, or without teams,
 * only the asking sellers are special: never entered by a path.
 */
typedef struct {
    const WpGraph *graph;
    const WpScoring *scoring;
    const WpPerson *sellers; /* borrowed: who asks */
    guint n_sellers;
    guint8 *banned;         /* the query context's marks: 1 for the asking sellers */
    guint8 *first_hop_only; /* the context's marks: 1 for fellow sellers; NULL without team rules */
    gboolean team_rules;
    double team_tie;
    GArray *teammates; /* WpTeammate: fellow sellers on a team of an asking seller, each once */
    GArray *fellows;   /* WpPerson: every fellow seller (first_hop_only), in person order */
} WpRoles;

/* A fellow seller on the team of an asking seller. */
typedef struct {
    WpPerson person;
    WpPerson seller; /* the first asking seller (in query order) of that team */
} WpTeammate;

/* Sets @roles up for @sellers (distinct, in range), marking them in @context's marks.
 * O(sellers + the team's sellers). Cannot fail. */
void wp_i_roles_init(WpRoles *roles, const WpScoring *scoring, WpQueryContext *context,
                     const WpPerson *sellers, guint n_sellers);
/* Clears the marks it set (after every ban it added was released). */
void wp_i_roles_clear(WpRoles *roles);

/* Bans (@delta = 1) or releases (-1) every fellow seller but @except in @banned: for runs that
 * start after the first hop, where no fellow seller may appear at all. */
void wp_i_roles_ban_fellows(const WpRoles *roles, guint8 *banned, WpPerson except, int delta);

/* TRUE when the team rules make @a and @b teammates (both sellers of one team). */
gboolean wp_i_roles_same_team(const WpRoles *roles, WpPerson a, WpPerson b);

/* @seller's direct tie to @person (row or team tie, see path.h WpDirectTie), classified strong
 * or weak/cold (the profile's [advice] weak_tie_below, [recency] cold_after_days,
 * interactions = 0; under the raw model, which gives no advice, always strong). FALSE when
 * they have none. */
gboolean wp_i_roles_direct(const WpRoles *roles, WpPerson seller, WpPerson person,
                           WpDirectTie *out);

/**
 * wp_i_roles_credit_wins:
 *
 * The one rule that credits a contact to a seller, wherever one is picked (the referral
 * sources of `path`, the contacts `rank` ranks): the seller whose first hop to the contact
 * (tie row or team tie, wp_i_roles_first_hop()) is strongest; on equal strength, the seller
 * named first in the query (the team's people-file order for `--team`), so the answer never
 * depends on how people happen to be numbered. TRUE when @seller's hop of @strength beats the
 * credit held, @held_seller's of @held_strength. O(sellers) on equal strengths, else O(1).
 */
gboolean wp_i_roles_credit_wins(const WpRoles *roles, WpPerson seller, double strength,
                                WpPerson held_seller, double held_strength);

/* How @seller reaches @person in one step (wp_i_scoring_first_hop()). */
gboolean wp_i_roles_first_hop(const WpRoles *roles, WpPerson seller, WpPerson person, WpTie *tie,
                              double *strength, gboolean *team);
