/* SPDX-License-Identifier: MIT */
/* Recording an ask from the network: which path and source it goes through (the one `path`
 * would show first, or the one the seller names), the warnings that protect the relationship
 * with the source, and the answer every front end prints. See docs/ledger.md. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "warmpath/export.h"
#include "warmpath/ledger.h"
#include "warmpath/path.h"
#include "warmpath/report.h"
#include "warmpath/scoring.h"

G_BEGIN_DECLS

/**
 * WpAskProposal:
 * @request: what wp_ledger_record_ask() takes: kind, people (id, name, company from the
 *   network), path and probability filled; day, note, at_company, draft and recorded_by left
 *   for the caller (zero). Its strings belong to the proposal
 * @source_from_best_path: no source was named: @request.source is the best path's
 * @has_path: a path through the source was found; FALSE when the named source has none within
 *   the limits (the ask is then recorded without a path, probability -1)
 * @choice: (nullable): one sentence saying how the source was chosen, e.g. "No --via: asking
 *   Priya Natarajan, the first person on the best path (probability 0.42)."
 */
typedef struct {
    WpAskRequest request;
    gboolean source_from_best_path;
    gboolean has_path;
    char *choice;
} WpAskProposal;

/**
 * wp_ask_propose:
 * @scoring: the network and model the ask is predicted under
 * @seller: who asks
 * @target: the buyer
 * @via: the source the seller asks, or WP_PERSON_NONE for the best path's
 * @query: (nullable): limits of the search (NULL: the model's hop limit and floor)
 * @error: return location for a GError, or NULL
 *
 * Finds the path the ask goes through, as `path` would: without @via the best path (its first
 * person after the seller is the source); with @via the best path whose source is @via, or none
 * (has_path FALSE). Fails with WP_ERROR_USAGE when @target is the seller or @via is the seller
 * or the target, when the seller can just ask the target (a strong direct tie and no @via),
 * and with WP_ERROR_NO_PATH when there is no path at all and no @via. Time: one path search
 * (wp_path_find()). Returns: (transfer full) (nullable): the proposal
 */
WP_API WpAskProposal *wp_ask_propose(const WpScoring *scoring, WpPerson seller, WpPerson target,
                                     WpPerson via, const WpPathQuery *query, GError **error);
/**
 * wp_ask_propose_given:
 * A favour the seller did: introduced @introduced to @target (kind WP_ASK_KIND_GIVEN, no path,
 * probability -1). Fails with WP_ERROR_USAGE when two of the three are the same person.
 * Time: O(1). Returns: (transfer full) (nullable): the proposal
 */
WP_API WpAskProposal *wp_ask_propose_given(const WpGraph *graph, WpPerson seller,
                                           WpPerson introduced, WpPerson target, GError **error);
/* NULL is a no-op. Time: O(path length). */
WP_API void wp_ask_proposal_free(WpAskProposal *proposal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpAskProposal, wp_ask_proposal_free)

/**
 * WpAskWarningKind:
 * @WP_ASK_WARNING_OPEN_ASKS: the source already has ask_cap (profile) or more open asks
 * @WP_ASK_WARNING_RECENT: the source was asked within recent_ask_days (profile)
 * @WP_ASK_WARNING_NO_PATH: the named source has no path to the target in the network
 * @WP_ASK_WARNING_DECLINED: the source declined an ask (any seller's) within recent_ask_days
 */
typedef enum {
    WP_ASK_WARNING_OPEN_ASKS,
    WP_ASK_WARNING_RECENT,
    WP_ASK_WARNING_NO_PATH,
    WP_ASK_WARNING_DECLINED,
} WpAskWarningKind;

/**
 * WpAskWarning:
 * @kind: what is wrong
 * @asks: (element-type gint64): the ids of the asks behind it (open ones, or the most recent)
 * @text: one sentence for a person
 */
typedef struct {
    WpAskWarningKind kind;
    GArray *asks;
    char *text;
} WpAskWarning;

/* "open-asks", "recent", "no-path", "declined". Time: O(1). Returns: (transfer none) */
WP_API const char *wp_ask_warning_kind_name(WpAskWarningKind kind);
/* NULL is a no-op. Time: O(1). */
WP_API void wp_ask_warning_free(WpAskWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpAskWarning, wp_ask_warning_free)

/**
 * wp_ask_source_warnings:
 * @asks: (element-type WpAsk): the ledger's asks (wp_ledger_list_asks())
 * @source_id: the source about to be asked
 * @source_name: (nullable): the name the sentences use (else the id)
 * @day: the day of the new ask
 * @ask_cap: warn from this many open asks of the source on (0: never)
 * @recent_days: warn when the source was asked on a day within this many days before @day (0:
 *   never)
 *
 * Protects the relationship: a source asked too often stops answering. Open asks are requests
 * (not given introductions) not in a final state, by any seller; "recent" counts any request
 * to the source, open or not, asked on a day in (@day - @recent_days, @day]; "declined" is the
 * latest request the source declined on a day in that window (a recent ask that was declined
 * is named once, as declined). In this order: open asks, declined, recent. Cannot fail.
 * Time: O(asks). Returns: (transfer full) (element-type WpAskWarning): the warnings, maybe none
 */
WP_API GPtrArray *wp_ask_source_warnings(const GPtrArray *asks, const char *source_id,
                                         const char *source_name, WpDay day, guint ask_cap,
                                         guint recent_days);

/**
 * wp_ledger_ask_warnings:
 * @asks: (element-type WpAsk): the ledger's asks
 * @proposal: the ask about to be recorded (its day set)
 * @model: the profile: [ledger] ask_cap and recent_ask_days
 *
 * Everything `ask` warns about: wp_ask_source_warnings() for the proposal's source, and
 * WP_ASK_WARNING_NO_PATH when the source the seller named has no path to the target (the ask
 * is recorded without a prediction). Cannot fail. Time: O(asks).
 * Returns: (transfer full) (element-type WpAskWarning)
 */
WP_API GPtrArray *wp_ledger_ask_warnings(const GPtrArray *asks, const WpAskProposal *proposal,
                                         const WpModel *model);

/**
 * wp_ask_recorded_json:
 * @ask: the ask as recorded
 * @proposal: (nullable): how it was chosen ("source_from_best_path", "choice")
 * @warnings: (nullable) (element-type WpAskWarning)
 *
 * The answer of `ask`: wp_ask_to_json() plus "source_from_best_path", "choice" and "warnings"
 * ([{"kind", "asks", "text"}]). Time: O(path + events + warnings). Returns: (transfer full)
 */
WP_API JsonNode *wp_ask_recorded_json(const WpAsk *ask, const WpAskProposal *proposal,
                                      const GPtrArray *warnings);

/**
 * wp_ask_describe:
 * The ask in words for a terminal, several lines, each ending in a newline: "Ask 12 (asked
 * 2026-11-02): Sam Seller asks Priya Natarajan for an introduction to Bob Smith (Acme).", the
 * path and its probability, then one line per event. Time: O(path + events).
 * Returns: (transfer full)
 */
WP_API char *wp_ask_describe(const WpAsk *ask);

/**
 * wp_ask_describe_draft:
 * The draft recorded with the ask (`draft --record`), for a terminal: "Draft recorded with the
 * ask:" and the text, each line indented by four spaces and ending in a newline; NULL when the
 * ask has none. Time: O(size of the draft).
 * Returns: (transfer full) (nullable)
 */
WP_API char *wp_ask_describe_draft(const WpAsk *ask);

/**
 * wp_ledger_asks_table:
 * @asks: (element-type WpAsk)
 *
 * One row per ask, for `ledger list`: id, kind, state, asked_on, state_on, seller, source,
 * target, target_company, probability (empty when unknown), amount (the last amount recorded,
 * empty when none). People by name (their id when they had none). Time: O(asks + events).
 * Returns: (transfer full): free with wp_table_free()
 */
WP_API WpTable *wp_ledger_asks_table(const GPtrArray *asks);

G_END_DECLS
