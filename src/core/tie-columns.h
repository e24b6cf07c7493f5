/* SPDX-License-Identifier: MIT */
/* The columns of a ties CSV, described once: the header each is read from, how a cell reads,
 * how the rows of one pair merge into the tie, and whether stats counts it.
 *
 * Two kinds. The hot columns (source to directed) are what every search and the model read:
 * they live in flat per-tie arrays with code of their own in the readers and the merge, which a
 * benchmark measures (README "Performance"). The side columns (origin) are attributes the
 * answers show but no search reads: each is a table of label sets beside the ties
 * (tie-labels.h), and the readers, the merge, the snapshot and stats handle every side column
 * through this table alone. Adding one is an entry here and an accessor. */
#pragma once

#include <glib.h>

typedef enum {
    WP_TIES_SOURCE,
    WP_TIES_TARGET,
    WP_TIES_STRENGTH,
    WP_TIES_TYPE,
    WP_TIES_LAST_CONTACT,
    WP_TIES_INTERACTIONS,
    WP_TIES_DIRECTED,
    WP_TIES_N_HOT,
    /* Side columns, from here on. */
    WP_TIES_ORIGIN = WP_TIES_N_HOT,
    WP_TIES_N_FIELDS
} WpTiesField;

#define WP_TIES_N_SIDE (WP_TIES_N_FIELDS - WP_TIES_N_HOT)
/* The place of side column @field among the side columns. */
#define WP_TIES_SIDE(field) ((field)-WP_TIES_N_HOT)

typedef enum {
    WP_CELL_ID,     /* a person id */
    WP_CELL_WEIGHT, /* a strength in (0, 1], or a weight under --weight-scale */
    WP_CELL_TYPES,  /* tie types joined by ';' or '|' */
    WP_CELL_DAY,    /* YYYY-MM-DD */
    WP_CELL_COUNT,  /* an integer >= 0 */
    WP_CELL_FLAG,   /* true/false, 1/0, yes/no */
    WP_CELL_LABELS, /* texts joined by ';', each trimmed; empty ones dropped */
} WpCellKind;

typedef enum {
    WP_MERGE_ENDPOINT,       /* the pair's first row decides which end is the source */
    WP_MERGE_MAX,            /* the largest value given */
    WP_MERGE_UNION,          /* every type any row gave */
    WP_MERGE_LATEST,         /* the latest date given */
    WP_MERGE_SAME_DIRECTION, /* directed only when every row is, the same way */
    WP_MERGE_LABEL_SET,      /* distinct labels in file order, the first WP_TIE_LABELS_MAX */
} WpMergeRule;

typedef struct {
    const char *name;     /* the header it is read from (any case) */
    WpCellKind cell;      /* how a cell reads */
    const char *expected; /* what a bad cell should be, for messages; NULL: no cell is bad */
    WpMergeRule merge;    /* how the rows of one pair merge */
    gboolean counted;     /* stats counts the ties that carry each label */
} WpTieColumn;

/* The column @field (< WP_TIES_N_FIELDS). */
const WpTieColumn *wp_i_tie_column(WpTiesField field);

/* A digest of the side columns' descriptions: a compiled network made under another table is
 * refused, so a column added later is never missing from an old snapshot. */
guint64 wp_i_tie_columns_digest(void);
