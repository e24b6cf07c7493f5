/* SPDX-License-Identifier: MIT */
/* Selection: who asks (sellers), whom to reach (a person, an account) and which territory, from
 * what a request names, with one error per problem that names the request's parameter and
 * carries the candidates a front end lists. Every front end selects through these, so the CLI,
 * the service and the MCP server answer alike. Any number of threads may select on one graph at
 * once; what is returned is the caller's (except wp_select_account()'s name, the graph's). */
#pragma once

#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/model.h"
#include "warmpath/where.h"

G_BEGIN_DECLS

/**
 * wp_select_person:
 * @graph: the network
 * @query: an id, or a name as typed
 * @company: (nullable): the account the person works at, as typed
 * @option: the request parameter @query came from, for messages ("--to", "--from")
 * @company_option: (nullable): the parameter @company came from ("--at"); when given, an
 *   ambiguous name's message advises it
 * @error: return location for a GError, or NULL
 *
 * wp_graph_resolve_person() with messages that say which parameter was wrong:
 * WP_ERROR_AMBIGUOUS_PERSON "--to 'Bob Smith' matches 3 people; add --at COMPANY or give the id"
 * with every match attached as a candidate (best shown as a table under the message),
 * WP_ERROR_UNKNOWN_PERSON "--to: no person named ...; closest: ..." and, when @company names no
 * account, WP_ERROR_UNKNOWN_NAME "--at: no account is named ..." (the closest attached). Time:
 * O(people).
 *
 * Returns: the person, or WP_PERSON_NONE with @error set
 */
WP_API WpPerson wp_select_person(const WpGraph *graph, const char *query, const char *company,
                                 const char *option, const char *company_option, GError **error);

/**
 * wp_select_sellers:
 * @graph: the network
 * @from: (nullable): ids or names separated by commas (blank entries skipped)
 * @team: TRUE to add everyone on a team
 * @team_name: (nullable): with @team, the team (NULL: every team's sellers)
 * @error: return location for a GError, or NULL
 *
 * The one seller-selection rule of every query: the people @from names, then with @team the
 * sellers of @team_name (wp_graph_resolve_team()), no one twice, in that order. Fails as
 * wp_select_person() for a name in @from (parameter "--from"), with WP_ERROR_UNKNOWN_NAME
 * "--team: no team 'x'; ..." (the teams attached), and with WP_ERROR_USAGE "--from: no seller
 * named" when neither names anyone. Time: O(people) per name.
 *
 * Returns: (transfer full) (element-type WpPerson): the sellers (never empty), or NULL with
 *   @error set
 */
WP_API GArray *wp_select_sellers(const WpGraph *graph, const char *from, gboolean team,
                                 const char *team_name, GError **error);

/**
 * wp_select_ids:
 * @graph: the network
 * @people: (element-type WpPerson): people of @graph, e.g. wp_select_sellers()'s answer
 *
 * The network ids of @people, in their order: what the ledger's seller filters
 * (WpAskFilter.seller_ids) and wp_favours_owed() take. Time: O(@people->len).
 *
 * Returns: (transfer full): a NULL-terminated array of ids; free it with g_strfreev()
 */
WP_API char **wp_select_ids(const WpGraph *graph, const GArray *people);

/**
 * wp_select_account:
 * @graph: the network
 * @company: an account as typed
 * @option: the request parameter it came from ("--to-company", "--company")
 * @error: return location for a GError, or NULL
 *
 * wp_graph_resolve_account() with the parameter named: WP_ERROR_UNKNOWN_NAME "--to-company: no
 * account is named 'pay'; ..." with the closest accounts attached. Time: O(people).
 *
 * Returns: (transfer none) (nullable): the account's name as the people file spells it, valid
 *   while @graph lives; NULL with @error set
 */
WP_API const char *wp_select_account(const WpGraph *graph, const char *company, const char *option,
                                     GError **error);

/**
 * wp_select_targets_file:
 * @graph: the network
 * @filename: a list of people, one per line: an id, a name, or "NAME @ COMPANY"; blank lines
 *   and lines starting with '#' are skipped
 * @error: return location for a GError, or NULL
 *
 * The people the file names, in file order (a repeat stays: rank drops repeats). A line that
 * names no one fails as wp_select_person() with the place "FILE:LINE" as its parameter
 * ("targets.txt:2: 'Bob Smith' matches 2 people; write 'NAME @ COMPANY' or the id"); an
 * unreadable file with GLib's error; one larger than WP_MAX_SMALL_FILE_BYTES with
 * WP_ERROR_LIMIT. Time: O(lines x people).
 *
 * Returns: (transfer full) (element-type WpPerson) (nullable): the people
 */
WP_API GArray *wp_select_targets_file(const WpGraph *graph, const char *filename, GError **error);

/**
 * wp_select_where:
 * @graph: the network the filter is matched against
 * @expressions: (nullable): NULL-terminated filter expressions (warmpath/where.h), AND-ed
 * @origin: what the expressions are, for messages: "--where", or "PROFILE [territory] where"
 * @error: return location for a GError, or NULL
 *
 * wp_where_parse() and wp_where_check() under one rule for every query: a message is prefixed
 * with @origin ("--where 'colr=x': unknown column ..."), except a bad line of a list file, whose
 * message starts with its "FILE:LINE: ". A bad expression or column is WP_ERROR_USAGE. Time:
 * wp_where_parse()'s and wp_where_check()'s.
 *
 * Returns: (transfer full) (nullable): the filter (matching everyone without expressions); free
 *   with wp_where_free()
 */
WP_API WpWhere *wp_select_where(const WpGraph *graph, const char *const *expressions,
                                const char *origin, GError **error);

/**
 * wp_where_explain_text:
 * @where: a checked filter
 * @graph: the network
 * @what: the filter as the user named it, for the message ("--where region=Mars")
 * @n_selected: how many people the territory holds; 0 explains why it is empty, G_MAXUINT
 *   (for a filter within an account) only lists values no one has
 *
 * The warning a front end shows about a filter (wp_where_explain()): "the territory is empty:
 * no one matches --where region=Mars" or "--where: 1 value no one has:", then the findings, one
 * per line (two spaces in), at most 20 and "... and N more". Quotes go through
 * wp_text_excerpt(). Time: as wp_where_explain().
 *
 * Returns: (transfer full) (nullable): the message, or NULL when there is nothing to say
 */
WP_API char *wp_where_explain_text(const WpWhere *where, const WpGraph *graph, const char *what,
                                   guint n_selected);

/**
 * WpTerritorySpec:
 * @where: (nullable): NULL-terminated `--where` expressions, AND-ed
 * @targets_file: (nullable): a list of people (wp_select_targets_file()), filtered by @where
 * @model: the profile whose [territory] group is the territory when neither @where nor
 *   @targets_file is given
 * @profile_name: the profile as the user named it, for messages ("default", "team.ini")
 * @account_option: (nullable): the parameter that names an account instead (map's
 *   "--company"): the message for a missing territory offers it too
 */
typedef struct {
    const char *const *where;
    const char *targets_file;
    const WpModel *model;
    const char *profile_name;
    const char *account_option;
} WpTerritorySpec;

/**
 * WpTerritory:
 * @where: the filter (matches everyone when @expressions is NULL); owned
 * @expressions: (nullable): the expressions in force, from the request or the profile;
 *   NULL-terminated, owned
 * @origin: where they came from, for messages: "--where" or "PROFILE [territory] where"; owned
 * @targets_file: (nullable): the list file, as given; owned
 * @people: (element-type WpPerson): the people selected, before sellers and direct contacts are
 *   set aside; owned
 * @description: the territory in words for messages and headings: "--where industry=Fintech and
 *   region=UK within --targets list.txt"; owned
 *
 * A territory: the listed people (everyone when the network has no people file) meeting the
 * filter, or the people of a list file meeting it.
 */
typedef struct {
    WpWhere *where;
    char **expressions;
    char *origin;
    char *targets_file;
    GArray *people;
    char *description;
} WpTerritory;

/**
 * wp_territory_select:
 * @graph: the network
 * @spec: what the request names
 * @error: return location for a GError, or NULL
 *
 * The territory of a rank or map query: @spec's `--where` expressions, else the profile's
 * [territory] unless a targets file is given. Fails with WP_ERROR_USAGE "no territory: give
 * --where EXPR, --targets FILE, or a profile (--model FILE) with a [territory] group" when
 * nothing names one, as wp_select_where() for a bad expression and as wp_select_targets_file()
 * for the file. An empty territory is not an error (wp_where_explain_text() says why). Time:
 * O(people x conditions).
 *
 * Returns: (transfer full) (nullable): the territory; free with wp_territory_free()
 */
WP_API WpTerritory *wp_territory_select(const WpGraph *graph, const WpTerritorySpec *spec,
                                        GError **error);

/* The warning about @territory's filter (wp_where_explain_text() for its people), or NULL.
 * Time: as wp_where_explain(). Returns: (transfer full) (nullable): free with g_free() */
WP_API char *wp_territory_explain(const WpTerritory *territory, const WpGraph *graph);

/* Frees the territory and everything it owns. NULL is a no-op. Time: O(conditions + values). */
WP_API void wp_territory_free(WpTerritory *territory);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpTerritory, wp_territory_free)

/**
 * WpPersonMatchKind:
 * @WP_MATCH_NAME_EXACT: the folded name is the folded text
 * @WP_MATCH_NAME_PREFIX: the name starts with the text
 * @WP_MATCH_NAME_WORD: a later word of the name starts with the text ("smi" in "Bob Smith")
 * @WP_MATCH_NAME_PART: the text is inside the name, not at a word's start
 * @WP_MATCH_COMPANY_EXACT: the folded company is the text (and the name does not match)
 * @WP_MATCH_COMPANY_PREFIX: the company starts with it
 * @WP_MATCH_COMPANY_WORD: a later word of the company starts with it
 * @WP_MATCH_COMPANY_PART: the text is inside the company
 *
 * How well a person matches a search, best first. Names and companies are compared folded
 * (wp_text_fold()); a person without a name is searched by id.
 */
typedef enum {
    WP_MATCH_NAME_EXACT,
    WP_MATCH_NAME_PREFIX,
    WP_MATCH_NAME_WORD,
    WP_MATCH_NAME_PART,
    WP_MATCH_COMPANY_EXACT,
    WP_MATCH_COMPANY_PREFIX,
    WP_MATCH_COMPANY_WORD,
    WP_MATCH_COMPANY_PART,
} WpPersonMatchKind;

/* One person a search found; read the person's id, name, company and title from the graph. */
typedef struct {
    WpPerson person;
    WpPersonMatchKind kind;
} WpPersonMatch;

/* Texts longer than this (folded) match no one: a search box, not a document. */
#define WP_SEARCH_MAX_TEXT 256

/**
 * wp_graph_search_people:
 * @graph: the network
 * @text: what was typed so far
 * @limit: at most this many matches (>= 1)
 *
 * The people whose name (or, second, whose company) matches @text, for autocomplete: by
 * WpPersonMatchKind; within a name kind by folded name, within a company kind by folded
 * company (an account's people together) and then folded name; ties by name, company and id
 * as typed. An empty or
 * all-punctuation text, or one over WP_SEARCH_MAX_TEXT bytes folded, matches no one. The first
 * call on a graph builds an index of the folded names and companies (about 40 bytes a person;
 * 1M people take about a second), once, whichever thread calls first; wp_graph_index_people()
 * builds it ahead. Thread-safe. Time: with the index, O(log people + limit) for a name's start,
 * O(characters of all names) when the text is inside names (a few milliseconds for 1M people).
 *
 * Returns: (transfer full) (element-type WpPersonMatch): the matches, best first; free with
 *   g_array_unref()
 */
WP_API GArray *wp_graph_search_people(const WpGraph *graph, const char *text, guint limit);

/* Builds the search index of wp_graph_search_people() now (a no-op when built). Thread-safe.
 * Time: O(people log people + characters of the names and companies) the first time, about a
 * second for 1M people; O(1) after. Memory: about 40 bytes a person, kept until the graph is
 * freed. */
WP_API void wp_graph_index_people(const WpGraph *graph);

G_END_DECLS
