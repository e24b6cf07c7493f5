/* SPDX-License-Identifier: MIT */
/* Resolution: from what a salesperson types (an id, a name, a name at a company, an account, a
 * team) to the people of the graph it means, or an error that lists the candidates. */
#pragma once

#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"

G_BEGIN_DECLS

/* At most this many candidates are listed (in a message, and attached to an error). */
#define WP_RESOLVE_MAX_CANDIDATES 8

/**
 * WpCandidate:
 * @name: how the data spells it: a person's name, an account's name, a team, a value
 * @detail: (nullable): what tells people of one name apart (their company), else NULL
 * @person: the person, for a person; WP_PERSON_NONE for an account, a team or a value
 * @count: how many people: 1 for a person, the head count of an account, team or value
 *
 * One thing a name could have meant, as listed by an error or a filter's explanation.
 */
typedef struct {
    char *name;
    char *detail;
    WpPerson person;
    guint count;
} WpCandidate;

/**
 * wp_error_get_candidates:
 * @error: (nullable): an error from a resolver (WP_ERROR_UNKNOWN_PERSON, _AMBIGUOUS_PERSON,
 *   _UNKNOWN_NAME)
 * @n_candidates: (out) (optional): how many
 *
 * The candidates an error's message lists, best first: the people an ambiguous name matches, the
 * closest names, accounts or teams to an unknown one. Copies of the error (g_error_copy()) keep
 * them. Time: O(1).
 *
 * Returns: (transfer none) (array length=n_candidates) (nullable): the candidates, valid while
 *   @error lives; NULL when it has none
 */
WP_API const WpCandidate *wp_error_get_candidates(const GError *error, guint *n_candidates);

/**
 * wp_graph_resolve_person:
 * @graph: the network
 * @query: an id, or a name as typed
 * @company: (nullable): the account the person works at, as typed (see
 *   wp_graph_resolve_account())
 * @error: return location for a GError, or NULL
 *
 * Finds the one person @query names: an exact id (then one that differs only in ASCII case),
 * else a name compared with wp_text_fold() (case, accents, spacing, apostrophes and other
 * punctuation ignored), narrowed to the one account @company names when given. Fails with
 * WP_ERROR_UNKNOWN_NAME when @company is no account; WP_ERROR_UNKNOWN_PERSON ("no person named
 * 'X'; closest: A (Co), B (Co)", or the people of that name at other accounts) or
 * WP_ERROR_AMBIGUOUS_PERSON ("'X' matches 2 people: ..."), with the candidates attached.
 * Messages quote at most WP_TEXT_EXCERPT_BYTES of @query. Time: O(people); suggestions compare
 * at most the first 128 bytes of a name with a bounded edit distance.
 *
 * Returns: the person, or WP_PERSON_NONE with @error set
 */
WP_API WpPerson wp_graph_resolve_person(const WpGraph *graph, const char *query,
                                        const char *company, GError **error);

/**
 * wp_graph_match_people:
 * @graph: the network
 * @query: an id, or a name as typed
 * @company: (nullable): an account, as typed
 *
 * Every person matching @query (at the account @company names, when given), for listing, in
 * name, company and id order; empty if none. Time: O(people) (every name folded), plus
 * O(m log m) to sort the m matches; with @company, wp_graph_resolve_account() first and a byte
 * per person for its members.
 *
 * Returns: (transfer full) (element-type WpPerson): the people; free with g_array_unref()
 */
WP_API GArray *wp_graph_match_people(const WpGraph *graph, const char *query, const char *company);

/**
 * wp_graph_resolve_account:
 * @graph: the network
 * @company: a company as typed
 * @name: (out) (optional) (transfer none): the account's name as the people file spells it
 *   most often (ties: the first), valid while @graph lives
 * @error: return location for a GError, or NULL
 *
 * The one account @company names: everyone whose company has the same wp_text_fold_company()
 * key (so "Acme Inc", "ACME" and "Acme, Ltd." are one account, and "Acme Holdings" another).
 * Never a prefix or a part: when no account is exactly it, fails with WP_ERROR_UNKNOWN_NAME
 * "no account is named 'pay'; 15 accounts have it in their name: Starwind Pay (13 people), ...,
 * and 7 more; name one of them" or "...; closest: Acme (54 people)": first the accounts whose
 * name holds the typed words, then those within a few typos (at most WP_RESOLVE_MAX_CANDIDATES,
 * with head counts, attached as candidates). Time: O(people), each distinct company folded
 * once; memory O(distinct companies) while it runs.
 *
 * Returns: (transfer full) (element-type WpPerson): the account's people in person order (never
 *   empty; free with g_array_unref()), or NULL with @error set
 */
WP_API GArray *wp_graph_resolve_account(const WpGraph *graph, const char *company,
                                        const char **name, GError **error);

/**
 * wp_graph_people_at_company:
 * @company: a company as typed
 *
 * The people of the account @company names, as wp_graph_resolve_account() finds them, or an
 * empty array when there is no such account. Time: the first call on a graph indexes every
 * account's people, O(people) as wp_graph_resolve_account() (any thread; the others wait); each
 * later call O(the account's people). Memory: 4 bytes per person with a company, kept with the
 * graph.
 *
 * Returns: (transfer full) (element-type WpPerson): the people in person order; free with
 *   g_array_unref()
 */
WP_API GArray *wp_graph_people_at_company(const WpGraph *graph, const char *company);

/**
 * wp_graph_resolve_team:
 * @graph: the network
 * @team: (nullable): a team name as typed (compared with wp_text_fold()), or NULL for everyone
 *   on any team
 * @error: return location for a GError, or NULL
 *
 * The sellers of a team (people whose `team` value names it; README "People"), in person order.
 * Fails with WP_ERROR_UNKNOWN_NAME when no one is on that team ("no team 'x'; teams:
 * sales-east (3 people), sales-west (2 people)", the teams attached as candidates), or when no
 * one is on any team. Time: O(people) (the team values tallied, each seller's folded).
 *
 * Returns: (transfer full) (element-type WpPerson): the sellers (never empty; free with
 *   g_array_unref()), or NULL with @error set
 */
WP_API GArray *wp_graph_resolve_team(const WpGraph *graph, const char *team, GError **error);

G_END_DECLS
