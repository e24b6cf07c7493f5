/* SPDX-License-Identifier: MIT */
/* A side table keyed by tie: the values of one side column (tie-columns.h), such as `origin`.
 *
 * A cell names a set of labels ("linkedin:p00001;hubspot"). Each distinct label is stored once
 * and numbered; each distinct set too, as its labels in the order they came, at most
 * WP_TIE_LABELS_MAX, set 0 being the empty set. A tie holds the number of its set: 4 bytes a
 * tie, and nothing at all for a file without the column. Exports name a handful of origins, so
 * the sets are few, and a set is merged with another by number (memoised).
 *
 * Readers (chunks of the parallel reader each have their own table, adopted into the graph's in
 * file order) and the merge fill a table on one thread; a finished graph's table is only read. */
#pragma once

#include "warmpath/graph.h"

#define WP_TIE_LABELS_MAX 16

typedef struct WpTieLabels WpTieLabels;

/* What readers of a finished table use: the same for a built table and a mapped snapshot. */
struct WpTieLabels {
    guint32 n_labels;
    guint32 n_sets;
    const char *strings;            /* label l is strings + label_at[l], NUL-terminated */
    const guint32 *label_at;        /* n_labels */
    const guint32 *set_at;          /* n_sets + 1: set s is members [set_at[s], set_at[s + 1]) */
    const guint32 *members;         /* label numbers, distinct within a set */
    guint32 *tie_set;               /* per tie, its set; NULL until the ties are merged */
    gboolean mapped;                /* the arrays above belong to a mapped snapshot */
    struct WpTieLabelsBuild *build; /* while labels can be added; NULL when mapped */
};

WpTieLabels *wp_i_tie_labels_new(void);
void wp_i_tie_labels_free(WpTieLabels *labels); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpTieLabels, wp_i_tie_labels_free)

/* The set the cell of @len bytes at @cell names: split at ';', each label trimmed of white
 * space, empty ones dropped, a repeated one kept once, the first WP_TIE_LABELS_MAX kept. An
 * empty cell is set 0. Cannot fail. */
guint32 wp_i_tie_labels_parse(WpTieLabels *labels, const char *cell, gsize len);
/* The labels of set @a, then those of @b that @a lacks, the first WP_TIE_LABELS_MAX. */
guint32 wp_i_tie_labels_union(WpTieLabels *labels, guint32 a, guint32 b);
/* The set of @labels with the labels of set @set of @from, in its order. */
guint32 wp_i_tie_labels_adopt(WpTieLabels *labels, const WpTieLabels *from, guint32 set);

/* A table whose arrays are a snapshot's (borrowed): takes @tie_set etc. as they are. The caller
 * has checked them with wp_i_tie_labels_valid(). */
WpTieLabels *wp_i_tie_labels_new_mapped(guint32 n_labels, const char *strings,
                                        const guint32 *label_at, guint32 n_sets,
                                        const guint32 *set_at, const guint32 *members,
                                        const guint32 *tie_set);
/* Whether a snapshot's arrays make a table as readers build them: sets in bounds and at most
 * WP_TIE_LABELS_MAX labels of distinct numbers below @n_labels, set 0 empty, each of the
 * @n_ties ties' set below @n_sets (@members holds @n_members). Labels are the caller's to check. */
gboolean wp_i_tie_labels_valid(guint32 n_labels, guint32 n_sets, const guint32 *set_at,
                               guint64 n_members, const guint32 *members, guint32 n_ties,
                               const guint32 *tie_set);

static inline guint wp_i_tie_labels_set_size(const WpTieLabels *l, guint32 set)
{
    return l->set_at[set + 1] - l->set_at[set];
}

static inline const char *wp_i_tie_labels_member(const WpTieLabels *l, guint32 set, guint i)
{
    return l->strings + l->label_at[l->members[l->set_at[set] + i]];
}

/* Writes up to @max labels of tie @tie's set to @out (borrowed from @labels); returns how many
 * it has. */
guint wp_i_tie_labels_of_tie(const WpTieLabels *labels, WpTie tie, const char **out, guint max);

/* Frees what only adding labels needs (the indexes), once the ties are merged. */
void wp_i_tie_labels_seal(WpTieLabels *labels);
