/* SPDX-License-Identifier: MIT */
/* What the resolvers share: bounded edit distance, and the distinct values of a column (accounts,
 * teams, attribute values) ranked against what was typed. Never for applications. */
#pragma once

#include "core/error-private.h"
#include "core/people-private.h"
#include "core/text-private.h"

/* Edit distances look at most at this many bytes of a folded key: what people type is short, and
 * a 100 KB name must not cost 100 KB squared. */
#define WP_I_MAX_COMPARED 128

/* Levenshtein distance over the bytes of a[0, la) and b[0, lb), each cut at WP_I_MAX_COMPARED, or
 * @cap + 1 as soon as it must exceed @cap. Banded: O(min(la, lb) x cap), no allocation. */
guint wp_i_edit_distance(const char *a, gsize la, const char *b, gsize lb, guint cap);

/* The typo budget for a key of @len bytes: 1 up to 5 bytes, 2 up to 9, else 3. */
guint wp_i_typo_cap(gsize len);

/* One distinct value of a column: the people who have it, under one folded key. */
typedef struct {
    char *key;        /* owned: the folded key */
    const char *name; /* borrowed from the graph: the spelling most people have (ties: first) */
    guint count;      /* people with a value of this key */
    WpPerson first;   /* the first of them, for a stable order */
} WpITally;

/* Which value of a person a tally counts (borrowed, NULL for none). */
typedef const char *(*WpIValueFunc)(const WpGraph *graph, WpPerson person, gconstpointer data);

/* The distinct values over listed people (everyone without a people file), keyed by
 * wp_text_fold_company() when @company, else by wp_text_fold(); values that fold to nothing are
 * left out. Each distinct spelling is folded once. Returns (transfer full) WpITally *, in order of
 * first person. O(people). */
GPtrArray *wp_i_tally_values(const WpGraph *graph, WpIValueFunc value_of, gconstpointer data,
                             gboolean company);
/* The value of the people-file column named @data (a const char *), for wp_i_tally_values(). */
const char *wp_i_column_value_of(const WpGraph *graph, WpPerson person, gconstpointer data);

/* The tallies closest to the folded @key, best first, at most @max (borrowed from @tallies):
 * first those whose key holds @key's words in order, each at the start of a word, the last
 * perhaps cut short ("pay" and "acme h" are in "acme holdings pay"; most people first; their
 * number in *@n_containing), then those within wp_i_typo_cap() edits (fewest first). A @key
 * longer than WP_I_MAX_COMPARED bytes is close to nothing. */
GPtrArray *wp_i_tally_closest(GPtrArray *tallies, const char *key, guint max, guint *n_containing);
/* The @max tallies most people have, most first (borrowed). */
GPtrArray *wp_i_tally_largest(GPtrArray *tallies, guint max);

/* Appends "A (12 people), B (1 person)" to @msg and each tally to @candidates (nullable). */
void wp_i_tally_list(GString *msg, GPtrArray *list, GArray *candidates);
