/* SPDX-License-Identifier: MIT */
/* Territory filters: small expressions over people attributes ("industry=Fintech,Insurance"). */
#pragma once

#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"

G_BEGIN_DECLS

/**
 * WpWhere:
 *
 * A parsed filter: a list of conditions, all of which a person must meet (AND). Each
 * condition is COLUMN OPERATOR VALUE, with COLUMN any people column (`industry`, `title`,
 * `company_size`, `region`, an extra column of the people file, or `id`):
 *
 * - `COL=V1,V2,...`   the value equals one of the V's, compared after wp_text_fold()
 *                     (case, accents, spacing and punctuation ignored); for the `company`
 *                     column after wp_text_fold_company() (legal forms ignored too: the
 *                     account "Acme Inc" is the account "Acme")
 * - `COL!=V1,V2,...`  the value equals none of them (an empty value matches)
 * - `COL~S1,S2,...`   the folded value contains one of the folded substrings
 * - `COL!~S1,S2,...`  it contains none of them
 * - `COL>=N`, `COL<=N`, `COL>N`, `COL<N`  numeric comparison; `company_size` reads
 *                     wp_graph_person_company_size() (so "51-200" counts as 51), other
 *                     columns parse their value as a number; an empty or non-numeric value
 *                     never matches
 * - `COL=@FILE` (also `!=@`, `~@`, `!~@`)  the list of values comes from FILE, one per line;
 *                     blank lines and lines starting with `#` are skipped
 *
 * A list is split at commas; a value that itself holds a comma is written in double quotes
 * (`company="Acme, Inc.",Globex`), a quote inside quotes doubled (`""`). White space around
 * values is ignored. Operators are recognised at the first `!`, `=`, `~`, `<` or `>` after
 * the column name; an operator character right after the operator (`industry==Fintech`,
 * `size=>5`) is refused as a mistyped operator (a value that starts with one goes in quotes).
 */
typedef struct WpWhere WpWhere;

/**
 * wp_where_parse:
 * @expressions: (array length=n): the expressions, AND-ed
 * @n: how many
 * @error: return location for a GError, or NULL
 *
 * Parses @n expressions (AND-ed) like "industry=Fintech,Insurance", "title~vp",
 * "company_size>=500", "region!=UK", "company=@accounts.txt". @n = 0 gives a filter that
 * matches everyone. Errors: WP_ERROR_USAGE with a message that points at the offending part,
 * e.g. "--where 'company_size>=lots': 'lots' is not a number" followed by a second line with
 * the expression and a third with a caret under the offending part; a list file that cannot
 * be read passes the GLib error up with the file name, and a bad line in it fails with
 * WP_ERROR_PARSE "FILE:LINE: ...". Column names are checked against a graph by
 * wp_where_check(). Time: O(length of the expressions and of the list files they name), each
 * value folded once; memory the same (an equality's values in a hash set).
 *
 * Returns: (transfer full) (nullable): the filter; free it with wp_where_free()
 */
WP_API WpWhere *wp_where_parse(const char *const *expressions, guint n, GError **error);

/**
 * wp_where_check:
 * @where: a parsed filter
 * @graph: the graph it will be matched against
 * @error: return location for a GError, or NULL
 *
 * Fails with WP_ERROR_USAGE when a condition names a column the people file lacks; the
 * message points at it and lists the known columns. Time: O(conditions x columns).
 *
 * Returns: TRUE when every column is known
 */
WP_API gboolean wp_where_check(const WpWhere *where, const WpGraph *graph, GError **error);

/* TRUE when @person meets every condition. An unknown column never matches. Thread-safe.
 * Time: per condition O(columns + length of the person's value) (the value is folded; an
 * equality is one hash lookup, `~` tries each listed value); no allocation below 256 bytes. */
WP_API gboolean wp_where_matches(const WpWhere *where, const WpGraph *graph, WpPerson person);

/* How many conditions (expressions) the filter holds. Time: O(1). */
WP_API guint wp_where_n_conditions(const WpWhere *where);

/**
 * wp_where_explain:
 * @where: a checked filter (wp_where_check())
 * @graph: the network it is matched against
 * @empty: TRUE when no one met the whole filter
 *
 * What in a filter matched no one, one line per finding:
 *
 * - each value of an equality condition (`COL=V`, also each line of `COL=@FILE`) that no
 *   person's COL equals, folded as matching folds it, with the values COL has that are closest
 *   to it, else the most common ones: "'region=Mars': no one's region is 'Mars'; known values:
 *   US-East (695 people), ..." or, for a line of an account file, "accounts.txt:3: no account
 *   is named 'Nowhere Ltd'; closest: Nowhere Labs (4 people)";
 * - with @empty and several conditions, first what each selects alone ("'industry=Mining'
 *   alone selects 12 people"), so the one that empties the territory shows.
 *
 * The people counted are the listed ones (everyone without a people file), as rank and map
 * choose a territory. Quotes go through wp_text_excerpt(). Time: O(people x conditions), plus
 * O(distinct values) per value no one has.
 *
 * Returns: (transfer full) (element-type utf8): the lines, possibly none
 */
WP_API GPtrArray *wp_where_explain(const WpWhere *where, const WpGraph *graph, gboolean empty);

/* NULL is a no-op. Time: O(conditions + values). */
WP_API void wp_where_free(WpWhere *where);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpWhere, wp_where_free)

G_END_DECLS
