/* SPDX-License-Identifier: MIT */
/* The parallel ties reader's chunks (ties-chunks.c parses them, ties-merge.c merges them). */
#pragma once

#include "io/io-private.h"

/* Ids are interned a batch of rows at a time, each row's slots prefetched this many rows ahead
 * (a core keeps about ten misses in flight). */
#define WP_TIES_ID_BATCH 512
#define WP_TIES_PREFETCH_LAG 16

/* A warning raised in a chunk; its line is chunk-relative until the merge. */
typedef struct {
    WpWarningKind kind;
    guint32 line;
    char *text; /* the self-loop's id, the unknown type's name, "," for a row of empty fields,
                 * or "VALUE\nA\nB" for a row whose weight says distrust or no tie */
} WpTiesEvent;

/* A run of whole lines, parsed on one thread. */
typedef struct {
    guint64 begin, end; /* byte offsets in the text */
    guint32 n_lines;
    /* Rows as read; a and b are chunk-local person numbers. Optional arrays are NULL when the
     * file lacks the column. */
    gsize n_rows, cap;
    WpPerson *a, *b;
    double *declared;
    guint16 *types;
    WpDay *last_contact;
    gint32 *interactions;
    guint8 *directed;
    guint32 *side[WP_TIES_N_SIDE];       /* sets of @labels, for the file's side columns */
    WpTieLabels *labels[WP_TIES_N_SIDE]; /* chunk-local, adopted into the graph's at the merge */
    /* Chunk-local people in first-appearance order: their ids (slices of the file), hashes and
     * the chunk line each first appears on. */
    WpIdIndex index;
    const char **keys; /* copies in key_store, so the file's pages can go once parsed */
    GStringChunk *key_store;
    guint32 *key_lens, *key_hashes, *first_line;
    guint32 n_ids, ids_cap;
    guint64 n_no_ties;   /* rows whose weight says no tie: read, not added */
    WpPerson *to_person; /* the merge's answer: local person -> graph person; NULL when the
                          * same (the first chunk's, when its table became the graph's) */
    guint64 first_line_in_file;
    guint64 n_self_loops;
    guint64 n_warnings[WP_WARNING_N_KINDS];
    guint n_kept[WP_WARNING_N_KINDS];
    GArray *events; /* WpTiesEvent, the first WP_WARNING_EXAMPLES of each kind */
    GArray *gaps;   /* gsize, per line that adds no row (a self-loop, a blank row): the number of
                     * the row that follows it, so that rows know their lines */
} WpTiesChunk;

/* The whole read: the header's layout and the chunks. */
typedef struct WpTiesJob WpTiesJob;
struct WpTiesJob {
    WpGraphBuilder *builder;
    const WpTiesText *text;
    gsize window; /* a file is read this much at a time */
    const char *origin;
    WpTiesColumns columns;
    const WpWeightRule *rule;
    WpWeightSniff sniff; /* columns that look like weights: said at the merge, if it comes */
    gint8 field_at[WP_MAX_FIELDS]; /* the known field in each file column, or -1 */
    gboolean has_side;             /* the file has a side column (origin) */
    WpTiesChunk *chunks;
    guint n_chunks;
    gint next_chunk; /* atomic: the next chunk a worker takes */
    gint gave_up;    /* atomic: some chunk holds what only the line reader can read */
    gint changed;    /* atomic: the file is shorter than when it was opened */
    void (*work)(WpTiesJob *job, WpTiesChunk *chunk);
};

void wp_i_ties_chunk_clear(WpTiesChunk *chunk);

/* Puts the parsed chunks into the builder in file order: people, warnings, rows. Fails only past
 * the person limit, as the line reader would. */
gboolean wp_i_ties_chunks_merge(WpTiesJob *job, GError **error);
