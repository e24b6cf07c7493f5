/* SPDX-License-Identifier: MIT */
/* Introductions the seller can make for others: pairs of the seller's own contacts who are not
 * tied to each other and would gain from meeting, scored, with the reasons as data and in words.
 * Giving introductions is how a seller earns them back (docs/connect.md). */
#pragma once

#include <gio/gio.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "warmpath/export.h"
#include "warmpath/favours.h"
#include "warmpath/graph.h"
#include "warmpath/report.h"
#include "warmpath/scoring.h"
#include "warmpath/where.h"

G_BEGIN_DECLS

/**
 * WpConnectKind:
 * @WP_CONNECT_CLIENT_VENDOR: A is the seller's client (tie type `client`), B the seller's vendor
 *   (`vendor`; the data has no separate partner type), and B's company already works with other
 *   companies in A's industry (someone there has a `client` or `vendor` tie to someone at such
 *   a company): a provider who knows the client's business
 * @WP_CONNECT_ACCOUNT: A sells (function `Sales`, or the seller's vendor), A's company works
 *   with B's industry, and neither A nor anyone at A's company is tied to anyone at B's
 *   company: A wants into the account where B works
 * @WP_CONNECT_PEERS: A and B have the same `function` at different companies: peers who can
 *   swap notes
 * @WP_CONNECT_TRUSTED: no attribute rule fits, but both of the seller's ties are strong (not
 *   weak, cold or never used): two people who trust the seller and whom no one else joins
 *
 * Why a pair is proposed. The rules are tried in this order and the first that fits names the
 * pair; a pair no rule fits is not proposed. Attributes are compared folded (wp_text_fold(),
 * companies by wp_text_fold_company()); an empty value never matches.
 */
typedef enum {
    WP_CONNECT_CLIENT_VENDOR,
    WP_CONNECT_ACCOUNT,
    WP_CONNECT_PEERS,
    WP_CONNECT_TRUSTED,
    WP_CONNECT_N_KINDS
} WpConnectKind;

/* "client-vendor", "account", "peers", "trusted". Time: O(1). Returns: (transfer none): a static
 * string */
WP_API const char *wp_connect_kind_name(WpConnectKind kind);

/* How many of the seller's contacts are paired when the query does not say: the strongest
 * ones. Pairs grow with the square of the contacts, and a pair's score is at most the product of
 * the seller's two tie strengths, so the weakest contacts' pairs are the ones left out. */
#define WP_CONNECT_DEFAULT_MAX_CONTACTS 200

/**
 * WpConnectQuery:
 * @sellers: (array length=n_sellers): who introduces; a pair needs one seller tied to both
 * @n_sellers: >= 1
 * @where: (nullable): keep only pairs where A or B meets this checked filter
 * @max_contacts: pair only this many contacts, the strongest (those meeting @where first);
 *   0 = all of them
 * @top: keep the best @top pairs in WpConnectResult.pairs, 0 = all (every pair is counted)
 */
typedef struct {
    const WpPerson *sellers;
    guint n_sellers;
    const WpWhere *where;
    guint max_contacts;
    guint top;
} WpConnectQuery;

/**
 * WpConnectPair:
 * @a: the first person: the client (client-vendor), the one who sells (account), else the one
 *   with the stronger tie to the seller (ties by id)
 * @b: the second person
 * @seller: who introduces them: the seller tied to both with the largest product of strengths
 * @kind: the rule that proposes the pair
 * @score: @strength_a x @strength_b x @fit x @hole, in (0, 1]
 * @tie_a: the seller's tie to @a
 * @tie_b: the seller's tie to @b
 * @strength_a: its effective strength (wp_scoring_tie_strength())
 * @strength_b: likewise for @b
 * @fit: complementarity in (0, 1]: the kind's weight (client-vendor 1, account 0.9, peers 0.7,
 *   trusted 0.4) x 0.85 unless both are known to be in one region x, for peers, 0.85 unless
 *   both are in one industry
 * @same_region: both have the same non-empty `region`
 * @same_industry: both have the same non-empty `industry`
 * @evidence: for client-vendor and account, how many companies of the other's industry the
 *   vendor's (seller's) company already works with; 0 otherwise
 * @common: people tied to both, not counting the sellers of the query
 * @common_example: the first of them (lowest index), or WP_PERSON_NONE
 * @paths3: paths A - x - y - B through two other people, neither a seller of the query
 * @hole: how open the structural hole is: 1 / (1 + @common + 0.1 x @paths3)
 */
typedef struct {
    WpPerson a;
    WpPerson b;
    WpPerson seller;
    WpConnectKind kind;
    double score;
    WpTie tie_a;
    WpTie tie_b;
    double strength_a;
    double strength_b;
    double fit;
    gboolean same_region;
    gboolean same_industry;
    guint evidence;
    guint common;
    WpPerson common_example;
    guint paths3;
    double hole;
} WpConnectPair;

/**
 * WpConnectResult:
 * @sellers: (element-type WpPerson): the query's sellers, in its order
 * @pairs: (element-type WpConnectPair): the best pairs, by score, then A's id, then B's id
 *   (bytewise), at most the query's top
 * @n_pairs: every pair that fits a rule (before top)
 * @n_contacts: the sellers' distinct direct contacts, sellers left out
 * @n_matching: how many of them meet the query's filter (all of them without one)
 * @n_paired: how many of them were paired (at most the query's max_contacts)
 * @weakest_paired: with @n_paired < @n_contacts, the strength of the weakest contact paired
 * @n_sellers_left_out: contacts left out because they are sellers themselves (the query's, or
 *   under the team rules anyone on a team): teammates are not introduced to clients as a favour
 * @n_tied: pairs of paired contacts already tied to each other (never proposed)
 * @n_same_company: pairs at one company, left out: colleagues can meet without the seller
 * @n_no_rule: pairs that fit no rule (or, with a filter, where neither meets it)
 */
typedef struct {
    GArray *sellers;
    GArray *pairs;
    guint n_pairs;
    guint n_contacts;
    guint n_matching;
    guint n_paired;
    double weakest_paired;
    guint n_sellers_left_out;
    guint n_tied;
    guint n_same_company;
    guint n_no_rule;
} WpConnectResult;

/**
 * wp_connect_find:
 * @scoring: the network under a model
 * @query: who introduces and the limits
 * @cancellable: (nullable): checked once per contact paired
 * @error: return location for a GError, or NULL
 *
 * The introductions the sellers can make: pairs (A, B) of their direct contacts (a tie in either
 * direction) who are not tied to each other in either direction, not at one company, fitting a
 * WpConnectKind, each scored by the sellers' tie strengths, complementarity and the structural
 * hole between them (WpConnectPair). Fails only when cancelled (G_IO_ERROR_CANCELLED).
 *
 * Time: O(S d_s) to find the contacts of the S sellers; with K contacts paired (K at most
 * @query->max_contacts), O(K^2 S) for the pairs and their rules (hash look-ups), plus O(V) once
 * when a rule needs the people of the contacts' companies (a client and a vendor, or a contact
 * who sells) and the degrees of those people, and O(d_A) once for each contact A who sells (the
 * companies A knows people at); then for each contact A with a proposed pair, O(sum of the degrees
 * of A's neighbours) to count the paths of length two and three, and O(d_B) for each B paired
 * with it; sorting O(P log P) for the P pairs found. Measured: Alice Carter's 76 contacts on
 * the demo, a few milliseconds; the 2,552 contacts of Slashdot's largest hub uncapped (3.2M
 * pairs), 17 s for the whole command against 1.4 s with the default cap (a debug build, the
 * load included). Memory: O(V) (two counters per person) while counting paths, O(K S) for the
 * contacts, and O(top) for the pairs with a top (O(P) without).
 *
 * Returns: (transfer full) (nullable): the result; free with wp_connect_result_free()
 */
WP_API WpConnectResult *wp_connect_find(const WpScoring *scoring, const WpConnectQuery *query,
                                        GCancellable *cancellable, GError **error);

/* Frees the result. NULL is a no-op. Time: O(1) (two arrays). */
WP_API void wp_connect_result_free(WpConnectResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpConnectResult, wp_connect_result_free)

/**
 * WpConnectReport:
 * @scoring: what the pairs were scored with (borrowed)
 * @graph: wp_scoring_graph(@scoring)
 * @result: the pairs (borrowed)
 * @model_name: the model as the user named it; owned
 * @where: (nullable): the filter as typed, its expressions joined by " and "; owned
 * @owed: (nullable) (element-type WpFavour): who owes the sellers (wp_favours_owed()), NULL
 *   when no ledger was read; a reference owned by the report
 * @owed_given: with @owed, every introduction the sellers gave (owed or returned)
 * @owed_returned: with @owed, how many of them were returned
 *
 * A connect answer for front ends. @scoring and @result must outlive it.
 */
typedef struct {
    const WpScoring *scoring;
    const WpGraph *graph;
    const WpConnectResult *result;
    char *model_name;
    char *where;
    GPtrArray *owed;
    guint owed_given;
    guint owed_returned;
} WpConnectReport;

/**
 * wp_connect_report_new:
 * @model_name: the model as the user named it ("default", "raw", a profile's file name)
 * @where: (nullable): the filter as the user typed it, for the heading
 *
 * Cannot fail. Time: O(1).
 *
 * Returns: (transfer full): the report; free with wp_connect_report_free()
 */
WP_API WpConnectReport *wp_connect_report_new(const WpScoring *scoring,
                                              const WpConnectResult *result, const char *model_name,
                                              const char *where);
/* Frees the report and what it owns. NULL is a no-op. Time: O(1). */
WP_API void wp_connect_report_free(WpConnectReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpConnectReport, wp_connect_report_free)

/**
 * wp_connect_report_set_owed:
 * @favours: (element-type WpFavour): wp_favours_owed()'s answer for the report's sellers
 * @n_given: its n_given
 * @n_returned: its n_returned
 *
 * Adds "who owes you" from the ledger (docs/connect.md "Who owes you"): the report keeps a
 * reference to @favours (replacing any set before). A front end without a ledger does not call
 * it, and the section is absent. Time: O(1).
 */
WP_API void wp_connect_report_set_owed(WpConnectReport *report, GPtrArray *favours, guint n_given,
                                       guint n_returned);

/**
 * wp_connect_pair_why:
 * @report: the report @pair belongs to
 * @pair: one of its pairs
 *
 * The pair's reason in words: what the rule saw, the seller's ties and what already joins them,
 * e.g. "Your client Priya Natarajan (Finance Director, Brightline Pay, Fintech) and your vendor
 * Greg Holloway (Ledgerline Software), whose company already works with 1 Fintech company.
 * Your ties: client 95 %, vendor 60 %. No one else joins them." Names as the data spells them
 * (a front end escapes them). Time: O(1).
 *
 * Returns: (transfer full): the sentences; free with g_free()
 */
WP_API char *wp_connect_pair_why(const WpConnectReport *report, const WpConnectPair *pair);

/**
 * wp_connect_report_heading:
 *
 * "Introductions Alice Carter can make: 41 pairs of her 76 contacts who are not tied to each
 * other, best first (default model as of 2026-11-01)." Time: O(1) (at most five sellers are
 * named).
 *
 * Returns: (transfer full): the sentence; free with g_free()
 */
WP_API char *wp_connect_report_heading(const WpConnectReport *report);

/**
 * wp_connect_report_notes:
 *
 * What was left out and why, one sentence each: contacts beyond the cap, fellow sellers, pairs
 * already tied or at one company. Who owes the seller is a section of its own
 * (wp_favours_summary(), wp_favours_table() on the report's @owed). Time: O(1).
 *
 * Returns: (transfer full) (element-type utf8): the sentences, possibly none; free with
 *   g_ptr_array_unref()
 */
WP_API GPtrArray *wp_connect_report_notes(const WpConnectReport *report);

/**
 * wp_report_connect_table:
 * @detailed: FALSE for a person's table (rank, introduce, company, to, company, kind, score);
 *   TRUE for a spreadsheet: ids, names, companies, titles, seller, kind, score, every factor
 *   and the reason
 *
 * The pairs as rows, best first. Time: O(pairs shown).
 *
 * Returns: (transfer full): the table; free with wp_table_free()
 */
WP_API WpTable *wp_report_connect_table(const WpConnectReport *report, gboolean detailed);

/**
 * wp_report_connect_json:
 *
 * `warmpath connect --format json`: {"sellers", "model", "as_of", "where", "contacts",
 * "paired", "pairs_found", "pairs": [{"rank", "a", "b", "a_name", "b_name", "a_company",
 * "b_company", "a_title", "b_title", "seller", "kind", "score", "why", "factors": {"tie_a",
 * "tie_b", "relationship_a", "relationship_b", "fit", "same_region", "same_industry",
 * "evidence_companies", "common_contacts", "paths_3", "hole"}}], and when a ledger was read
 * (wp_connect_report_set_owed()) "introductions_given", "introductions_returned" and "owed":
 * [wp_favour_to_json()...]}; "a", "b" and "seller" are ids. Cannot fail. Time: O(pairs shown +
 * favours owed).
 *
 * Returns: (transfer full): the JSON object; free with json_node_unref()
 */
WP_API JsonNode *wp_report_connect_json(const WpConnectReport *report);

G_END_DECLS
