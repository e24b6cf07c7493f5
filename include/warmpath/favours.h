/* SPDX-License-Identifier: MIT */
/* Who owes the seller: the people the seller introduced to someone (asks of kind
 * WP_ASK_KIND_GIVEN) who have not yet returned the favour by introducing the seller in turn.
 * Computed from a GPtrArray of WpAsk wherever it came from (the store, an export, a test), like
 * follow-ups and metrics. See docs/connect.md "Who owes you". */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "warmpath/day.h"
#include "warmpath/export.h"
#include "warmpath/ledger.h"
#include "warmpath/report.h"

G_BEGIN_DECLS

/**
 * WpFavour:
 * @person: whom the sellers introduced to someone (the given ask's source), named as the last
 *   given record names them; owned
 * @given: introductions the sellers gave @person (by @as_of)
 * @returned: how many of them @person has returned: a request of the sellers' whose source is
 *   @person and whose introduction happened (wp_ask_state_introduced(): introduced, meeting,
 *   no-response, opportunity, won, lost) on or after the day of a favour not yet returned; each
 *   return settles the oldest favour open at the time, and a return with none open is not
 *   counted (then the seller owes @person, which is not this list's business)
 * @owed: @given - @returned, > 0 in wp_favours_owed()'s answer
 * @first_owed: the day of the oldest favour not yet returned
 * @last_given: the day of the last favour given
 * @last_given_ask: the given ask recorded that day (the highest id on the day)
 * @last_to: whom @person was introduced to that time; owned
 * @asked_since: requests of the sellers to @person asked on or after @first_owed that have not
 *   returned it (open, declined or unanswered): the seller has asked them since
 * @last_ask: the latest of those (by day asked, then id), or 0 when none
 * @last_ask_state: its state as of the day computed for (meaningful when @last_ask > 0)
 * @last_ask_on: the day it was asked (WP_DAY_NONE when none)
 *
 * One person who owes the sellers introductions.
 */
typedef struct {
    WpLedgerPerson person;
    guint given;
    guint returned;
    guint owed;
    WpDay first_owed;
    WpDay last_given;
    gint64 last_given_ask;
    WpLedgerPerson last_to;
    guint asked_since;
    gint64 last_ask;
    WpAskState last_ask_state;
    WpDay last_ask_on;
} WpFavour;

/* Frees @favour and what it owns. NULL is a no-op. Time: O(1). */
WP_API void wp_favour_free(WpFavour *favour);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpFavour, wp_favour_free)

/**
 * wp_favours_owed:
 * @asks: (element-type WpAsk): the ledger's asks, any sellers, any order
 * @seller_ids: (array zero-terminated=1): whose favours: given asks by these sellers, returned
 *   by requests of these sellers (a team's favours are the team's: a favour Alice gave may be
 *   returned to Bob); at least one id
 * @as_of: today: asks asked and events recorded after this day are ignored, so a past day
 *   replays the ledger
 * @n_given: (out) (optional): every introduction the sellers gave by @as_of, owed or returned
 * @n_returned: (out) (optional): how many of them have been returned
 *
 * Who owes the sellers: for each person the sellers introduced to someone (a given ask: "the
 * seller introduced A to B"; A asked for it and owes it, B is not counted: B did not ask), the
 * favours given and returned as WpFavour says, keeping only those with favours still owed.
 * Ordered by favours owed (most first), then the oldest favour not yet returned (longest
 * waiting first), then the person's id (bytewise). Cannot fail: asks without an id for the
 * source are skipped.
 *
 * Time: O(N log N) for the N asks of the sellers (N + sorting); memory O(people given to).
 *
 * Returns: (transfer full) (element-type WpFavour): the favours owed, possibly none; free with
 *   g_ptr_array_unref()
 */
WP_API GPtrArray *wp_favours_owed(const GPtrArray *asks, const char *const *seller_ids, WpDay as_of,
                                  guint *n_given, guint *n_returned);

/**
 * wp_favours_summary:
 * @favours: (element-type WpFavour): wp_favours_owed()'s answer
 * @n_given: its @n_given
 * @n_returned: its @n_returned
 * @several: more than one seller: "you all"
 *
 * One sentence: "Who owes you: 3 people you introduced to someone have not returned the favour
 * (6 introductions given, 1 returned)." or, with nothing owed, why ("no introductions given
 * recorded in the ledger (warmpath ask --given)", "every introduction you gave has been
 * returned"). Time: O(1).
 *
 * Returns: (transfer full): the sentence; free with g_free()
 */
WP_API char *wp_favours_summary(const GPtrArray *favours, guint n_given, guint n_returned,
                                gboolean several);

/**
 * wp_favour_last_ask_text:
 * The column "asked since" in words: "no" when the seller has not asked @favour's person since
 * the favour, else "ask 12, open (agreed)" or "ask 12, declined", with "; 2 asks" appended when
 * there were several. Time: O(1).
 *
 * Returns: (transfer full): the text; free with g_free()
 */
WP_API char *wp_favour_last_ask_text(const WpFavour *favour);

/**
 * wp_favours_table:
 * @favours: (element-type WpFavour)
 * @as_of: the day computed for (for "days ago")
 * @detailed: FALSE for a person (who, company, owed, given, last_given, days_ago, introduced_to,
 *   asked_since); TRUE for a pipeline: person_id, person_name, person_company, owed, given,
 *   returned, first_owed, last_given, days_since_given, last_given_ask, last_to_id,
 *   last_to_name, last_to_company, asked_since, last_ask, last_ask_state, last_ask_on (ids and
 *   days empty when none)
 *
 * One row per favour, in the array's order. Time: O(favours). Returns: (transfer full): free
 * with wp_table_free()
 */
WP_API WpTable *wp_favours_table(const GPtrArray *favours, WpDay as_of, gboolean detailed);

/**
 * wp_favour_to_json:
 * {"id", "name", "company", "owed", "given", "returned", "first_owed", "last_given",
 * "days_since_given", "last_given_ask", "last_to": {"id", "name", "company"}, "asked_since",
 * "last_ask": null or {"id", "state", "open", "asked_on"}}; days YYYY-MM-DD, "open" TRUE when
 * the ask's state is not final. Time: O(1).
 *
 * Returns: (transfer full): the object; free with json_node_unref()
 */
WP_API JsonNode *wp_favour_to_json(const WpFavour *favour, WpDay as_of);

/**
 * wp_favours_to_json:
 * `warmpath connect --owed --format json`: {"as_of", "given", "returned", "owed":
 * [wp_favour_to_json()...]}. Time: O(favours). Returns: (transfer full): free with
 * json_node_unref()
 */
WP_API JsonNode *wp_favours_to_json(const GPtrArray *favours, guint n_given, guint n_returned,
                                    WpDay as_of);

G_END_DECLS
