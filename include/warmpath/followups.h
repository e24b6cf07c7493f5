/* SPDX-License-Identifier: MIT */
/* Follow-ups: what a seller should do today about the asks in the ledger — thank, report back,
 * nudge, ask the next source, reconnect, ask the new client for referrals. See docs/ledger.md
 * "Follow-ups" for each rule and where it comes from. */
#pragma once

#include <gio/gio.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "warmpath/export.h"
#include "warmpath/ledger.h"
#include "warmpath/report.h"
#include "warmpath/scoring.h"

G_BEGIN_DECLS

/**
 * WpFollowupAction:
 * @WP_FOLLOWUP_THANK_SOURCE: the source agreed: thank them within a day
 * @WP_FOLLOWUP_REPORT_TO_SOURCE: the introduction or the meeting happened: tell the source how
 *   it went
 * @WP_FOLLOWUP_THANK_AFTER_SALE: the ask ended in a sale: thank the source a third time
 * @WP_FOLLOWUP_NUDGE_SOURCE: no answer (or no introduction after agreeing) for nudge_after_days
 * @WP_FOLLOWUP_NEXT_SOURCE: the ask was declined, went unanswered or lapsed: ask the next best
 *   source for the same buyer
 * @WP_FOLLOWUP_RECONNECT: the seller's tie to that next source has gone cold, is weak or was
 *   never used: reconnect before asking
 * @WP_FOLLOWUP_ASK_FOR_REFERRALS: the ask ended in a sale: ask the new client whom they know
 *
 * The order is the order of the list for actions due the same day.
 */
typedef enum {
    WP_FOLLOWUP_THANK_SOURCE,
    WP_FOLLOWUP_REPORT_TO_SOURCE,
    WP_FOLLOWUP_THANK_AFTER_SALE,
    WP_FOLLOWUP_NUDGE_SOURCE,
    WP_FOLLOWUP_NEXT_SOURCE,
    WP_FOLLOWUP_RECONNECT,
    WP_FOLLOWUP_ASK_FOR_REFERRALS,
    WP_FOLLOWUP_N_ACTIONS
} WpFollowupAction;

/* "thank-source", "report-to-source", ... (the CLI's and the JSON's spelling). Time: O(1).
 * Returns: (transfer none): a static string */
WP_API const char *wp_followup_action_name(WpFollowupAction action);

/**
 * WpFollowupOptions:
 * @nudge_after_days: nudge a source after this many days without an answer (or without an
 *   introduction after agreeing); 0 = 7 (the profile's [ledger] nudge_after_days)
 * @lapse_after_days: an ask still unanswered this long has lapsed (next source); 0 = twice
 *   @nudge_after_days
 * @stale_after_days: an action that follows a final state (thank after a sale, ask for
 *   referrals, next source) or a report leaves the list this many days after it was due;
 *   0 = 30. Actions on open asks stay until the ask moves on
 * @territory: (nullable): NULL-terminated `--where` expressions: the buyers a new client's reach
 *   is counted over; NULL = the model's [territory] (none: the client is listed without buyers)
 * @max_targets: how many buyers to name per new client; 0 = 5
 *
 * Zero-initialised = the defaults.
 */
typedef struct {
    guint nudge_after_days;
    guint lapse_after_days;
    guint stale_after_days;
    const char *const *territory;
    guint max_targets;
} WpFollowupOptions;

/**
 * WpFollowupTarget:
 * @person: a buyer (id, name and company from the network)
 * @probability: the chance the new client can get the seller introduced
 */
typedef struct {
    WpLedgerPerson person;
    double probability;
} WpFollowupTarget;

/**
 * WpFollowup:
 * @ask: the ask it is about (its id)
 * @action: what to do
 * @due: the day it should be done by
 * @overdue_days: as-of day minus @due: > 0 overdue, 0 due today, < 0 due in that many days
 * @person: whom to contact (the source, the next source, the new client); owned
 * @seller: who asked (id and name as recorded); owned
 * @target: the buyer of the ask; owned
 * @sentence: the advice in words, names as the data spells them (escape for the output); owned
 * @probability: next-source: the chance of the suggested path; -1 otherwise
 * @path: (nullable): next-source: the suggested path's ids, seller first, NULL-terminated; owned
 * @targets: (element-type WpFollowupTarget) (nullable): ask-for-referrals: the buyers of the
 *   territory the new client can reach, best first; owned
 */
typedef struct {
    gint64 ask;
    WpFollowupAction action;
    WpDay due;
    gint32 overdue_days;
    WpLedgerPerson person;
    WpLedgerPerson seller;
    WpLedgerPerson target;
    char *sentence;
    double probability;
    char **path;
    GArray *targets;
} WpFollowup;

/* Frees @followup and what it owns. NULL is a no-op. Time: O(targets). */
WP_API void wp_followup_free(WpFollowup *followup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpFollowup, wp_followup_free)

/**
 * wp_followups_compute:
 * @asks: (element-type WpAsk): the ledger's asks (already filtered to the sellers wanted)
 * @scoring: the network and model next sources and reach are searched with
 * @as_of: today: each ask is taken as its events up to this day said (later events and asks
 *   are ignored, so a past day replays the ledger)
 * @options: (nullable): NULL = the defaults
 * @cancellable: (nullable): stops the searches
 * @error: return location for a GError, or NULL
 *
 * The follow-ups due by @as_of (and a thank-you due tomorrow), by the rules of docs/ledger.md
 * "Follow-ups": most overdue first, then by action, ask and person. A person or a buyer no
 * longer in the network is skipped for next-source and ask-for-referrals (the ledger still
 * names them for the others). Fails with G_IO_ERROR_CANCELLED, and as wp_territory_select()
 * for a bad @territory. Time: one path search per ask needing a next source, one ranking from
 * each new client over the territory, O(asks x events) else.
 *
 * Returns: (transfer full) (element-type WpFollowup) (nullable): the follow-ups
 */
WP_API GPtrArray *wp_followups_compute(const GPtrArray *asks, const WpScoring *scoring, WpDay as_of,
                                       const WpFollowupOptions *options, GCancellable *cancellable,
                                       GError **error);

/**
 * wp_followups_to_json:
 * @followups: (element-type WpFollowup): wp_followups_compute()'s answer
 * @as_of: the day it was computed for
 *
 * {"as_of", "followups": [{"ask", "action", "due" (YYYY-MM-DD), "overdue_days", "person",
 * "person_name", "person_company", "seller", "target", "target_name", "sentence", and for
 * next-source "probability" and "path", for ask-for-referrals "targets": [{"id", "name",
 * "company", "probability"}]}]}. Time: O(size of the object).
 *
 * Returns: (transfer full): the object; free with json_node_unref()
 */
WP_API JsonNode *wp_followups_to_json(const GPtrArray *followups, WpDay as_of);

/* The rows `warmpath followups` prints: due, overdue (days), action, ask, person, what (the
 * sentence). Time: O(follow-ups). Returns: (transfer full): free with wp_table_free() */
WP_API WpTable *wp_followups_table(const GPtrArray *followups);

G_END_DECLS
