/* SPDX-License-Identifier: MIT */
/* Reports: the answers of path, rank and stats explained. Reasons as data (each hop's tie
 * types, strengths, recency, interactions and flags; each referral source and ask), the same
 * reasons in English sentences, and the JSON objects every front end prints: the CLI's
 * `--format json`, the service and the MCP tools all build them here, so they are equal.
 *
 * Sentences are plain UTF-8 with the names as the data spells them: a front end escapes them
 * for where they go (wp_text_for_terminal(), HTML). Numbers are written the same under every
 * locale.
 *
 * Ownership and threads: a report borrows the scoring, the path set or ranking and the request
 * it was made from (they must outlive it) and owns its reasons. Any number of threads may build
 * reports from one scoring at once; one report belongs to one thread at a time, and its text and
 * JSON functions only read it. Every returned string, array and JsonNode is the caller's.
 *
 * Costs: a person's name, company or title counts as O(1) (each wp_graph_person_attr() scans the
 * people file's columns, a handful); a sentence is O(1) unless it says what it walks. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/import.h"
#include "warmpath/model.h"
#include "warmpath/path.h"
#include "warmpath/rank.h"
#include "warmpath/scoring.h"
#include "warmpath/select.h"
#include "warmpath/stats.h"

G_BEGIN_DECLS

/**
 * WpHopFlags:
 * @WP_HOP_TEAM_TIE: the hop is the team tie between two sellers of one team (no tie row)
 * @WP_HOP_TEAMMATE: the first hop joins two sellers of one team (by the team tie or a row)
 * @WP_HOP_GONE_COLD: the last contact is older than the profile's cold_after_days
 * @WP_HOP_NEVER_INTERACTED: the data says interactions = 0
 * @WP_HOP_SOCIAL_ONLY: every row of the tie is typed `social` (a LinkedIn connection)
 * @WP_HOP_UNDATED: no last contact is known
 * @WP_HOP_PRIOR: no strength is declared: the type's prior was used
 * @WP_HOP_DIRECTED: the tie can only be followed from @from to @to
 * @WP_HOP_LEARNED: the strength was learned from outcomes (the ledger), not the model's
 */
typedef enum {
    WP_HOP_TEAM_TIE = 1 << 0,
    WP_HOP_TEAMMATE = 1 << 1,
    WP_HOP_GONE_COLD = 1 << 2,
    WP_HOP_NEVER_INTERACTED = 1 << 3,
    WP_HOP_SOCIAL_ONLY = 1 << 4,
    WP_HOP_UNDATED = 1 << 5,
    WP_HOP_PRIOR = 1 << 6,
    WP_HOP_DIRECTED = 1 << 7,
    WP_HOP_LEARNED = 1 << 8,
} WpHopFlags;

/**
 * WpHopReason:
 * @from: who passes the request on (the seller for the first hop)
 * @to: whom it goes to
 * @position: the hop's place in its path, 0 for the seller's own tie
 * @tie: the tie row, or WP_TIE_NONE for the team tie
 * @types: WpTieType bits of the tie's rows; 0 for an untyped tie and the team tie
 * @declared: the declared strength, NAN when none (always for the team tie)
 * @base: the strength before recency and interactions: @declared, else the best prior among the
 *   types (@prior_type), else the untyped prior; the team tie's strength for the team tie
 * @prior_type: the type whose prior gave @base, WP_TIE_N_TYPES when declared or untyped
 * @model_strength: the model's effective strength, before any learned strength
 * @effective: the strength the search used, in (0, 1]: = @model_strength, or @learned_strength
 *   with WP_HOP_LEARNED
 * @learned_strength: the strength learned from outcomes, NAN without WP_HOP_LEARNED
 * @successes: with WP_HOP_LEARNED, asks through the tie that worked
 * @failures: with WP_HOP_LEARNED, asks through it that failed
 * @evidence: (nullable): with WP_HOP_LEARNED, the outcomes in words ("2 agreed, 1 declined"),
 *   borrowed from the scoring
 * @last_contact: WP_DAY_NONE when unknown
 * @age_days: days from @last_contact to the as-of day, -1 when unknown
 * @recency: the recency factor, in (0, 1]
 * @interactions: the interaction count, -1 when unknown
 * @never_factor: the factor for "never interacted", in (0, 1]
 * @boost: the share of the gap to 1 that interactions close, in [0, 1)
 * @intermediary_factor: the share of a request that survives @from passing it on: 1 for the
 *   first hop (the seller asks), the model's intermediary factor after
 * @team: (nullable): for a first hop between two sellers of one team, the team (borrowed from
 *   the graph)
 * @flags: WpHopFlags
 *
 * Why one step of a path counts as much as it does. Learned strengths are the scoring's per-tie
 * overrides (wp_tie_overrides_set(), filled from the ledger); without one, @effective =
 * @model_strength.
 */
typedef struct {
    WpPerson from;
    WpPerson to;
    guint position;
    WpTie tie;
    guint16 types;
    double declared;
    double base;
    WpTieType prior_type;
    double model_strength;
    double effective;
    double learned_strength;
    guint successes;
    guint failures;
    const char *evidence;
    WpDay last_contact;
    gint32 age_days;
    double recency;
    gint32 interactions;
    double never_factor;
    double boost;
    double intermediary_factor;
    const char *team;
    guint flags;
} WpHopReason;

/**
 * wp_hop_reason_fill:
 * @scoring: what the answer was scored with
 * @from: who passes the request on
 * @to: whom it goes to
 * @tie: their tie, or WP_TIE_NONE for the team tie
 * @position: the hop's place in its path (0: the seller's own tie)
 * @out: (out caller-allocates): the reason
 *
 * Explains one hop. Cannot fail. Time: O(log n) for the scoring's n overrides.
 */
WP_API void wp_hop_reason_fill(const WpScoring *scoring, WpPerson from, WpPerson to, WpTie tie,
                               guint position, WpHopReason *out);

/**
 * WpSourceRole:
 * @WP_SOURCE_NONE: a direct path: the seller asks the person reached
 * @WP_SOURCE_CONTACT: a referral source: one of the seller's contacts who vouches
 * @WP_SOURCE_TEAMMATE: a seller of the seller's own team, asked as a colleague
 * @WP_SOURCE_SELLER: a seller of another team
 *
 * Who the person the seller asks first is. Team roles apply under a model that is not raw.
 */
typedef enum {
    WP_SOURCE_NONE,
    WP_SOURCE_CONTACT,
    WP_SOURCE_TEAMMATE,
    WP_SOURCE_SELLER,
} WpSourceRole;

/* "contact", "teammate", "seller"; NULL for WP_SOURCE_NONE. Time: O(1). Returns: (transfer none)
 * (nullable): a static string */
WP_API const char *wp_source_role_name(WpSourceRole role);

/**
 * WpPathReason:
 * @path: the path explained (borrowed from the path set or ranking)
 * @seller: who asks
 * @source: whom the seller asks (@path->people[1]), WP_PERSON_NONE for a direct path
 * @target: the person reached
 * @source_role: what @source is
 * @source_team: (nullable): @source's team when @source is a seller (borrowed from the graph)
 * @direct: (nullable): for a direct path, the seller's direct tie to @target with its verdict
 *   (borrowed from the path set); NULL otherwise
 * @n_hops: @path->n_people - 1
 * @hops: (array length=n_hops): each hop explained; owned by the report
 */
typedef struct {
    const WpPath *path;
    WpPerson seller;
    WpPerson source;
    WpPerson target;
    WpSourceRole source_role;
    const char *source_team;
    const WpDirectTie *direct;
    guint n_hops;
    WpHopReason *hops;
} WpPathReason;

/**
 * WpDirectReason:
 * @direct: the seller's direct tie (borrowed from the path set)
 * @strong: the seller can just ask (wp_direct_tie_is_strong())
 * @team: (nullable): the team seller and person are both sellers of (borrowed)
 * @hop: the tie explained (the team tie when @direct->tie is WP_TIE_NONE)
 */
typedef struct {
    const WpDirectTie *direct;
    gboolean strong;
    const char *team;
    WpHopReason hop;
} WpDirectReason;

/**
 * WpLimitsHint:
 * @max_hops_hides: the hop limit hid the path
 * @max_hops: then the limit that shows it: its number of hops, or 0 (no limit) beyond
 *   WP_MAX_HOPS
 * @floor_hides: the probability floor hid it
 * @min_probability: then the largest floor, two significant digits, that admits it
 *
 * Which limits of a query hid the best path, and the values that would show it.
 */
typedef struct {
    gboolean max_hops_hides;
    guint max_hops;
    gboolean floor_hides;
    double min_probability;
} WpLimitsHint;

/**
 * WpPathRequest:
 * @sellers: (array length=n_sellers): who asks
 * @n_sellers: >= 1
 * @query: the query run
 * @company: (nullable): for an account query, the account as typed; NULL for a person
 * @company_name: (nullable): the account as the people file spells it
 * @where: (nullable): the account query's filter, its expressions joined by " and "
 * @model_name: the model as the user named it: "default", "raw" or a profile's file name
 *
 * What was asked, as a report shows it.
 */
typedef struct {
    const WpPerson *sellers;
    guint n_sellers;
    WpPathQuery query;
    const char *company;
    const char *company_name;
    const char *where;
    const char *model_name;
} WpPathRequest;

/**
 * WpPathReport:
 * @scoring: what the answer was found with (borrowed)
 * @graph: the network it was found on, wp_scoring_graph(@scoring)
 * @set: the answer (borrowed)
 * @request: what was asked; its strings and sellers are copies the report owns
 * @paths: (element-type WpPathReason): @set->paths explained, best first
 * @direct: (element-type WpDirectReason): @set->direct explained
 * @suggestions: (element-type WpPathReason): @set->suggestions explained (ways to the
 *   target's colleagues when no path reaches the target)
 * @beyond_limits: (nullable): @set->unconstrained explained, when no path is within the
 *   limits but one lies beyond them
 * @hint: with @beyond_limits, the limits that hid it
 * @assumes: what the at-least-one chance assumes (static text)
 *
 * A path answer explained. @scoring and @set must outlive it.
 */
typedef struct {
    const WpScoring *scoring;
    const WpGraph *graph;
    const WpPathSet *set;
    WpPathRequest request;
    GArray *paths;
    GArray *direct;
    GArray *suggestions;
    WpPathReason *beyond_limits;
    WpLimitsHint hint;
    const char *assumes;
} WpPathReport;

/**
 * wp_path_report_new:
 * @scoring: the scoring @set was found with
 * @set: the answer of wp_path_find() or wp_path_find_into_company()
 * @request: what was asked (copied)
 *
 * Explains every path, direct tie and suggestion of @set. Cannot fail. Time: O(hops).
 *
 * Returns: (transfer full): the report; free with wp_path_report_free()
 */
WP_API WpPathReport *wp_path_report_new(const WpScoring *scoring, const WpPathSet *set,
                                        const WpPathRequest *request);
/* Frees the report and its reasons, not what it borrows. NULL is a no-op. Time: O(hops). */
WP_API void wp_path_report_free(WpPathReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpPathReport, wp_path_report_free)

/**
 * wp_report_contact_text:
 * @graph: the network
 * @person: a person of it
 *
 * The contact details the people file has for @person: "email ana@brightline.example ·
 * LinkedIn https://www.linkedin.com/in/ana-lima · phone +44 20 7946 0000" (columns
 * WP_COLUMN_EMAIL, WP_COLUMN_LINKEDIN_URL, WP_COLUMN_PHONE; empty cells left out). Time: O(1).
 *
 * Returns: (transfer full) (nullable): the text, NULL when the file has none; free with g_free()
 */
WP_API char *wp_report_contact_text(const WpGraph *graph, WpPerson person);

/**
 * wp_report_path_contacts:
 * @report: the report @path belongs to
 * @path: one of its paths
 *
 * The line `path` prints under a path: "contact: Priya Natarajan: email ...; Bob Smith:
 * LinkedIn ..." for the source (the person the seller asks) and the target, each only when the
 * people file has details. Time: O(1).
 *
 * Returns: (transfer full) (nullable): the line, NULL when neither has any; free with g_free()
 */
WP_API char *wp_report_path_contacts(const WpPathReport *report, const WpPathReason *path);

/**
 * wp_report_paths_json:
 * @report: a report of a query to one person
 *
 * The answer as `warmpath path --format json` prints it: {"query", "direct", "direct_answer",
 * "paths": [{"probability", "seller", "source", "source_role", "team_hop", "direct", "people",
 * "names", "hops": [{"from", "to", "type", "declared_strength", "base_strength",
 * "effective_strength", "last_contact", "age_days", "interactions", "recency", ...}]}],
 * "at_least_one", "no_path"} (docs/paths.md "Output formats"). Cannot fail. Time: O(hops of
 * the paths, suggestions and direct ties reported), the size of the object.
 *
 * Returns: (transfer full): the JSON object; free with json_node_unref()
 */
WP_API JsonNode *wp_report_paths_json(const WpPathReport *report);

/**
 * wp_report_account_json:
 * @report: a report of an account query (wp_path_find_into_company())
 *
 * The answer as `warmpath path --to-company --format json` prints it: as
 * wp_report_paths_json(), the mode "account", one path per person reached and no "no_path".
 * Time: as wp_report_paths_json().
 *
 * Returns: (transfer full): the JSON object; free with json_node_unref()
 */
WP_API JsonNode *wp_report_account_json(const WpPathReport *report);

/**
 * wp_report_tie_types_text:
 * @hop: a hop
 * @human: TRUE for a sentence ("former colleague and LinkedIn connection", "untyped tie",
 *   "teammate"), FALSE for data ("former_colleague+social", "untyped", "team")
 *
 * Time: O(1).
 *
 * Returns: (transfer full): the hop's relationship; free with g_free()
 */
WP_API char *wp_report_tie_types_text(const WpHopReason *hop, gboolean human);

/**
 * wp_report_strength_text:
 *
 * Both strengths of a hop and the notes behind the effective one: "declared strength 0.92,
 * effective 0.95 (last contact 2026-10-20, 12 days ago; decay x 0.99; 38 interactions: boost
 * 0.39)", "no declared strength, friend prior 0.75, effective ...", "team tie 0.90"; a learned
 * strength adds "learned 0.78 from 3 asks (2 agreed, 1 declined)". Time: O(1).
 *
 * Returns: (transfer full): the text; free with g_free()
 */
WP_API char *wp_report_strength_text(const WpHopReason *hop);

/**
 * wp_report_hop_sentence:
 * @report: the report @hop belongs to
 * @hop: one of its hops
 *
 * The hop in words: "you → Priya Natarajan: your client, declared strength 0.92, effective 0.95
 * (last contact 2026-10-20, 12 days ago; ...)", "you → Sam Ortiz: teammate, team tie 0.90 (both
 * on team sales-west)". A lone seller is "you"; several are named. Time: O(1).
 *
 * Returns: (transfer full): the sentence; free with g_free()
 */
WP_API char *wp_report_hop_sentence(const WpPathReport *report, const WpHopReason *hop);

/**
 * wp_report_path_headline:
 * @report: the report @path belongs to
 * @path: one of its paths (or suggestions)
 *
 * The advice a path gives: "Ask Priya Natarajan (Finance Director, Brightline Pay) to introduce
 * you to Bob Smith — 55 % chance", "Ask your teammate Sam Ortiz, who knows Tom Reyes, to
 * introduce you to ...", "Ask Bob Smith yourself (a direct contact, but the tie is weak:
 * reconnect first) — 12 % chance"; with several sellers "Alice Carter: ask ...". Time:
 * O(hops of @path).
 *
 * Returns: (transfer full): the sentence; free with g_free()
 */
WP_API char *wp_report_path_headline(const WpPathReport *report, const WpPathReason *path);

/* "passing it on: Priya Natarajan, Rachel Kim (x 0.75 each)": the go-betweens' share, or NULL
 * for a direct path or a model without an intermediary factor. Time: O(hops of @path).
 * Returns: (transfer full) (nullable): free with g_free() */
WP_API char *wp_report_passing_on(const WpPathReport *report, const WpPathReason *path);

/* "Introductions to Bob Smith (VP Finance, Acme) for Alice Carter: one path per referral
 * source, best first (at most 4 hops, chance at least 1 %; default model as of 2026-11-01)."
 * or "Ways into Acme ... for ...: the best path to each person, best first (...)." Time: O(1)
 * (at most five sellers are named). Returns: (transfer full): free with g_free() */
WP_API char *wp_report_paths_heading(const WpPathReport *report);

/* "Priya Natarajan is already your direct contact, and the tie is strong." / "..., but the tie
 * is weak and has gone cold: client, declared strength ...". Time: O(1).
 * Returns: (transfer full): free with g_free() */
WP_API char *wp_report_direct_sentence(const WpPathReport *report, const WpDirectReason *direct);

/* After the direct ties: "Just ask: ...", "You could just ask; ...", "Reconnect before you ask
 * directly ..."; NULL without direct ties or for an account query. Time: O(direct ties).
 * Returns: (transfer none) (nullable): a static string */
WP_API const char *wp_report_direct_advice(const WpPathReport *report);

/**
 * wp_report_no_path_sentences:
 * @report: a report whose set has no path
 *
 * Why there is no path and what to do, one sentence each: "No introduction path to Bob Smith
 * within these limits.", then "Beyond them, the best path has 6 hops and a 0.66 % chance: use
 * --max-hops 6 and --min-probability 0.0066 to see it." (or that the target is not connected),
 * then "Instead, reach a colleague of Bob Smith at Acme, then ask for an introduction inside:"
 * when @report->suggestions follow, or that no one at the account is reachable either.
 * Time: O(1).
 *
 * Returns: (transfer full) (element-type utf8): the sentences; free with g_ptr_array_unref()
 */
WP_API GPtrArray *wp_report_no_path_sentences(const WpPathReport *report);

/**
 * wp_report_at_least_one_sentence:
 * @assumption: (out) (transfer full): "assuming each tie and each go-between works or fails
 *   independently of the others; ...."
 *
 * Under two paths or more (not for an account query): "Asking through all 5 paths, the chance
 * that at least one introduction happens is 89 %," (or, for a direct answer, "If both sellers
 * ask, ..."). NULL (and *@assumption NULL) otherwise. Time: O(1).
 *
 * Returns: (transfer full) (nullable): the claim; free it (and *@assumption) with g_free()
 */
WP_API char *wp_report_at_least_one_sentence(const WpPathReport *report, char **assumption);

/* "Not counted: your own direct tie to Bob Smith (12 %), which is weak: reconnect first." for a
 * direct tie that is not strong, after the at-least-one chance; NULL for a strong one. Time:
 * O(1). Returns: (transfer full) (nullable): free with g_free() */
WP_API char *wp_report_not_counted_sentence(const WpPathReport *report,
                                            const WpDirectReason *direct);

/**
 * WpRankRequest:
 * @sellers: (array length=n_sellers): who asks
 * @n_sellers: >= 1
 * @territory: what was ranked
 * @top: sources to report, 0 = all
 * @max_asks: the plan's asks per source at most
 * @min_gain: the plan's floor on an ask's gain (0 without a plan)
 * @max_hops: the hop limit searched, 0 = none
 * @min_probability: the probability floor searched
 * @model_name: the model as the user named it
 */
typedef struct {
    const WpPerson *sellers;
    guint n_sellers;
    const WpTerritory *territory;
    guint top;
    guint max_asks;
    double min_gain;
    guint max_hops;
    double min_probability;
    const char *model_name;
} WpRankRequest;

/**
 * WpSourceReason:
 * @source: the source (borrowed from the ranking)
 * @rank: its rank, 1 for the best; 0 for a fellow seller, who is not ranked
 * @role: WP_SOURCE_CONTACT for a referral source; WP_SOURCE_TEAMMATE or WP_SOURCE_SELLER for a
 *   fellow seller
 * @has_tie: FALSE when the seller has no tie row to the source (then @tie is the team tie)
 * @tie: the seller's tie to the source explained
 */
typedef struct {
    const WpRankSource *source;
    guint rank;
    WpSourceRole role;
    gboolean has_tie;
    WpHopReason tie;
} WpSourceReason;

/**
 * WpRankReport:
 * @scoring: what the ranking was scored with (borrowed)
 * @graph: the network ranked, wp_scoring_graph(@scoring)
 * @result: the ranking (borrowed)
 * @plan: (nullable): the ask plan, with its routes (borrowed)
 * @request: what was asked (sellers copied; the territory borrowed)
 * @sources: (element-type WpSourceReason): the ranked sources reported (the first @request.top)
 * @colleagues: (element-type WpSourceReason): the fellow sellers, apart
 * @asks: (element-type WpPathReason): per ask of @plan (in its order), its route explained
 *
 * A ranking (and plan) explained. @scoring, @result, @plan and the territory must outlive it.
 */
typedef struct {
    const WpScoring *scoring;
    const WpGraph *graph;
    const WpRankResult *result;
    const WpRankPlan *plan;
    WpRankRequest request;
    GArray *sources;
    GArray *colleagues;
    GArray *asks;
} WpRankReport;

/**
 * wp_rank_report_new:
 * @scoring: the scoring @result was ranked with
 * @result: a ranking
 * @plan: (nullable): its plan, routes filled (wp_rank_plan_routes())
 * @request: what was asked
 *
 * Cannot fail. Time: O(sources shown + hops of the plan's routes).
 *
 * Returns: (transfer full): the report; free with wp_rank_report_free()
 */
WP_API WpRankReport *wp_rank_report_new(const WpScoring *scoring, const WpRankResult *result,
                                        const WpRankPlan *plan, const WpRankRequest *request);
/* Frees the report and its reasons, not what it borrows. NULL is a no-op. Time: O(sources
 * shown + hops of the plan's routes). */
WP_API void wp_rank_report_free(WpRankReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpRankReport, wp_rank_report_free)

/**
 * wp_report_rank_json:
 *
 * The ranking as `warmpath rank --format json` prints it: {"sellers", "where", "model",
 * "max_hops", "min_probability", "selected", "contacts", "sources": [{"rank", "id", "name",
 * "company", "title", "role", "score", "targets_reached", "seller", "relationship",
 * "tie_effective_strength", "team_tie", "best_targets"}], "colleagues", "targets",
 * "direct_contacts", "weak_direct_contacts", "cold_targets", "cold_companies", and with a plan
 * "plan" (wp_report_plan_json())}. Cannot fail. Time: the size of the object: the sources
 * shown with their best targets, the colleagues, every target of the territory, the direct and
 * cold lists, and the plan.
 *
 * Returns: (transfer full): the JSON object; free with json_node_unref()
 */
WP_API JsonNode *wp_report_rank_json(const WpRankReport *report);

/* The plan alone: {"expected", "max_asks", "min_gain", "picks": [{"id", "name", ..., "gain",
 * "asks": [{"id", ..., "probability", "gain", "route", "route_names"}]}]}; NULL without one.
 * Time: O(asks x route length). Returns: (transfer full) (nullable): free with
 * json_node_unref() */
WP_API JsonNode *wp_report_plan_json(const WpRankReport *report);

/* The seller's tie to a source: "client", "former colleague/social" (@human: '_' as a space),
 * "tie" for an untyped one, "team" ("team tie") for the team tie. Time: O(1). Returns:
 * (transfer full): free with g_free() */
WP_API char *wp_report_relationship(const WpSourceReason *source, gboolean human);
/* "client 95 %", or with several sellers "Alice Carter: client 95 %". Time: O(1). Returns:
 * (transfer full): free with g_free() */
WP_API char *wp_report_source_tie_text(const WpRankReport *report, const WpSourceReason *source);
/* "Bob Smith (Acme) 71 %; Rachel Kim (Acme) 40 %" (@with_percent), else "... 0.7100; ...".
 * Time: O(best targets of @source). Returns: (transfer full): free with g_free() */
WP_API char *wp_report_best_targets_text(const WpRankReport *report, const WpRankSource *source,
                                         gboolean with_percent);
/* The lines heading a ranking: what the territory is, what was set aside, the referral sources
 * and the model ("Territory: 412 people selected by --where industry=Fintech."...). Time: O(1)
 * (at most five sellers are named). Returns: (transfer full) (element-type utf8): free with
 * g_ptr_array_unref() */
WP_API GPtrArray *wp_report_rank_heading(const WpRankReport *report);
/* The sentences after the sources: direct contacts set aside, weak ties ranked, cold targets
 * and accounts with no way in (one per paragraph, possibly several lines). Time: O(cold
 * accounts) (the lists of people are cut short). Returns: (transfer full) (element-type utf8):
 * free with g_ptr_array_unref() */
WP_API GPtrArray *wp_report_rank_notes(const WpRankReport *report);
/* "Ask plan: 3 sources, at most 3 asks each, none adding less than +0.05: 1.20 introductions
 * expected out of 25 targets." NULL without a plan. Time: O(1). Returns: (transfer full)
 * (nullable): free with g_free() */
WP_API char *wp_report_plan_heading(const WpRankReport *report);
/* "Ask Bob Smith (CFO, Acme): +0.71 expected" (several sellers: "Alice Carter asks ...") for
 * pick @pick of the plan. Time: O(1). Returns: (transfer full): free with g_free() */
WP_API char *wp_report_pick_sentence(const WpRankReport *report, guint pick);
/* "about Rachel Kim (CFO, Acme) via Bob Smith: 40 % chance, +0.40" for ask @ask of the plan.
 * Time: O(route length). Returns: (transfer full): free with g_free() */
WP_API char *wp_report_ask_sentence(const WpRankReport *report, guint ask);

/**
 * WpTable:
 *
 * A table of text cells whose columns are text or numbers: the rows of a report that front ends
 * print aligned or as CSV; wp_table_to_json() gives the same rows as JSON (numbers as numbers,
 * an empty number as null).
 */
typedef struct WpTable WpTable;

/* A table without columns. Time: O(1). Returns: (transfer full): free with wp_table_free() */
WP_API WpTable *wp_table_new(void);
/* NULL is a no-op. Time: O(cells). */
WP_API void wp_table_free(WpTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpTable, wp_table_free)
/* Adds a column (before any row); @number: its cells are numbers (JSON numbers, right-aligned).
 * Time: O(1) amortised; @name is copied. */
WP_API void wp_table_add_column(WpTable *table, const char *name, gboolean number);
/* Appends a row of one cell per column (copied); NULL is an empty cell. Time: O(columns +
 * length of the cells). */
WP_API void wp_table_add_row(WpTable *table, const char *const *cells);
/* Time: O(1). */
WP_API guint wp_table_n_rows(const WpTable *table);
/* Time: O(1). */
WP_API guint wp_table_n_columns(const WpTable *table);
/* Time: O(1). Returns: (transfer none): valid while @table lives */
WP_API const char *wp_table_column_name(const WpTable *table, guint column);
/* Time: O(1). */
WP_API gboolean wp_table_column_is_number(const WpTable *table, guint column);
/* Time: O(1). Returns: (transfer none): never NULL ("" for an empty cell); valid while @table
 * lives */
WP_API const char *wp_table_cell(const WpTable *table, guint row, guint column);
/* [{"COLUMN": cell, ...}, ...]; a number cell as an integer or a double. Time: O(cells).
 * Returns: (transfer full): free with json_node_unref() */
WP_API JsonNode *wp_table_to_json(const WpTable *table);

/**
 * wp_report_stats_table:
 * @graph: the network @stats describe
 * @stats: wp_scoring_compute_stats() of a scoring of it
 *
 * The rows of `warmpath stats`: metric, value, detail ("people", "2962", ...; "ties", "14961",
 * "distinct pairs after merging"; ...; "warnings.self-loop", "3", its first message). Time:
 * O(teams + origin labels + warning kinds).
 *
 * Returns: (transfer full): the table; free with wp_table_free()
 */
WP_API WpTable *wp_report_stats_table(const WpGraph *graph, const WpStats *stats);

/* `warmpath stats --format json`: {"metrics": the table's rows, "warnings": {KIND: {"count",
 * "examples": [...]}}}. Time: as wp_report_stats_table(), plus the warnings' examples kept.
 * Returns: (transfer full): free with json_node_unref() */
WP_API JsonNode *wp_report_stats_json(const WpGraph *graph, const WpStats *stats);

/* What an import did to the folder: "dry run: nothing written", "nothing changed: files left as
 * they were", "written (previous files kept as people.csv.bak)". Time: O(backups).
 * Returns: (transfer full): free with g_free() */
WP_API char *wp_report_import_outcome(gboolean dry_run, gboolean written,
                                      const char *const *backups);
/* The import's merged, skipped and warned rows (and its job changes, @with_jobs): kind, file,
 * line, person, name, detail. Time: O(merges + problems + job changes).
 * Returns: (transfer full): free with wp_table_free() */
WP_API WpTable *wp_report_import_events(const WpImportReport *report, gboolean with_jobs);
/* "Helga Brandt: Contoso → Fabrikam (Head of Finance → CFO)": a job change as news. Time:
 * O(1). Returns: (transfer full): free with g_free() */
WP_API char *wp_report_job_change_sentence(const WpImportJobChange *change);
/* `warmpath import --format json`: {"files", "rows_read", ..., "job_changes", "events",
 * "dry_run", "written", "backups"}. Time: O(files + merges + problems + job changes).
 * Returns: (transfer full): free with json_node_unref() */
WP_API JsonNode *wp_report_import_json(const WpImportReport *report, gboolean dry_run,
                                       gboolean written, const char *const *backups);

/* People found by wp_graph_search_people() as the service lists them: {"people": [{"id",
 * "name", "company", "title", "match"}]}, absent fields null; "match" is "name", "name-prefix",
 * "name-word", "name-part", "company", "company-prefix", "company-word" or "company-part" (the
 * WpPersonMatchKind). Time: O(matches). Returns: (transfer full): free with
 * json_node_unref() */
WP_API JsonNode *wp_report_people_json(const WpGraph *graph, const GArray *matches);

G_END_DECLS
