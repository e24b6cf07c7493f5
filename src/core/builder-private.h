/* SPDX-License-Identifier: MIT */
/* The builder: how the readers turn rows into a WpGraph (builder.c, tie-merge.c). Only the
 * readers (src/io/) and the snapshot loader include this; searches and the rest see the finished
 * graph alone (graph-private.h). */
#pragma once

#include "core/graph-private.h"

/* Collects rows while files are read, then freezes them into a WpGraph. */
typedef struct WpGraphBuilder WpGraphBuilder;

/* Where a load's strengths come from and how they are scaled (WpLoadSpec's weight fields). */
typedef struct {
    char *column; /* owned; NULL: "strength", or an edge list's third field */
    WpWeightScale scale;
    double lo, hi; /* WP_WEIGHT_RANGE */
} WpWeightRule;

/* A row's declared strength that says distrust (any value below zero under a weight scale): the
 * pair's tie merges to it and is dropped before the search sees it. */
#define WP_DECLARED_DISTRUST (-1.0)

WpGraphBuilder *wp_i_builder_new(WpLoadFlags flags);
/* Takes @spec's weight column and scale (copied). */
void wp_i_builder_set_weights(WpGraphBuilder *builder, const WpLoadSpec *spec);
const WpWeightRule *wp_i_builder_weights(const WpGraphBuilder *builder);
void wp_i_builder_free(WpGraphBuilder *builder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpGraphBuilder, wp_i_builder_free)

/* Declares the people-file columns (names already lowercased, "id" first). */
void wp_i_builder_set_columns(WpGraphBuilder *builder, const char *const *names, guint n);
/* Adds a listed person; @values has one entry per column ("id" first). Fails on a duplicate id. */
gboolean wp_i_builder_add_person(WpGraphBuilder *builder, const char *const *values,
                                 const char *origin, guint64 line, GError **error);
/* Marks that a people file was read, so unknown tie ids are warned about. */
void wp_i_builder_set_people_given(WpGraphBuilder *builder);

/* The person for an id named by a tie, added when new (with a warning when a people file was
 * given). Fails only under WP_LOAD_STRICT. */
gboolean wp_i_builder_tie_person(WpGraphBuilder *builder, const char *id, const char *origin,
                                 guint64 line, WpPerson *out, GError **error);

/* One tie row as read. Optional fields: declared NAN, types 0, day WP_DAY_NONE, count -1, side
 * 0 (the empty set). */
typedef struct {
    WpPerson a;
    WpPerson b;
    double declared;
    guint16 types;
    WpDay last_contact;
    gint32 interactions;
    gboolean directed;
    guint64 line;
    guint32 side[WP_TIES_N_SIDE]; /* per side column: a set of wp_i_builder_labels() */
} WpTieRow;
/* A row on @at_line that gives no optional field. */
#define WP_TIE_ROW_EMPTY(at_line)                                                                  \
    ((WpTieRow){                                                                                   \
        .declared = NAN, .last_contact = WP_DAY_NONE, .interactions = -1, .line = (at_line)})

void wp_i_builder_add_tie_row(WpGraphBuilder *builder, const WpTieRow *row);
/* Queues a tie row by its endpoint ids (not equal: self-loops are the reader's to drop); the ids
 * are interned in batches, in row order. Messages name the origin given to note_columns. Fails
 * like wp_i_builder_tie_person(), possibly for an earlier queued row. */
gboolean wp_i_builder_add_tie(WpGraphBuilder *builder, const char *source, gsize source_len,
                              const char *target, gsize target_len, const WpTieRow *row,
                              GError **error);
/* Interns every queued row now (readers call it before their origin string goes away). */
gboolean wp_i_builder_flush_ties(WpGraphBuilder *builder, GError **error);
/* Before the first tie row: which optional fields rows will carry (@present, by WpTiesField),
 * and where they come from. */
void wp_i_builder_note_columns(WpGraphBuilder *builder, const char *origin,
                               const gboolean present[WP_TIES_N_FIELDS]);
/* The labels of side column @field that rows name their sets in, or NULL when no reader noted
 * the column. */
WpTieLabels *wp_i_builder_labels(WpGraphBuilder *builder, WpTiesField field);
void wp_i_builder_count_row(WpGraphBuilder *builder); /* a row read but not added */

/* Bulk intake, for readers that intern ids and collect rows themselves (ties-chunks.c). */
/* The person of @id (@len bytes, unterminated) or G_MAXUINT32. Only reads: threads may call it
 * at once while nothing is added. */
guint32 wp_i_builder_find_person(const WpGraphBuilder *builder, const char *id, gsize len,
                                 guint32 hash);
/* As wp_i_builder_tie_person() for an unterminated id whose wp_i_id_hash() is @hash; messages
 * name the origin given to note_columns. */
gboolean wp_i_builder_tie_person_at(WpGraphBuilder *builder, const char *id, gsize len,
                                    guint32 hash, guint64 line, WpPerson *out, GError **error);
/* Makes room for @n_more people without regrowing the id index. */
void wp_i_builder_reserve_people(WpGraphBuilder *builder, guint n_more);
/* When the graph has no people yet and no people file was read (so no warnings are due): takes
 * @n people named by ties, numbered 0 .. n - 1, with their @ids (NUL-terminated, in @store, which
 * the graph takes too) and an @index of them by those numbers (moved, @index is left empty).
 * FALSE, taking nothing, otherwise. */
gboolean wp_i_builder_adopt_tie_people(WpGraphBuilder *builder, WpIdIndex *index,
                                       const char *const *ids, guint32 n, GStringChunk **store);

/* Tie rows as parallel arrays (see wp_i_builder_add_rows()). */
typedef struct {
    WpPerson *a;
    WpPerson *b;
    double *declared;
    guint16 *types;
    WpDay *last_contact;
    gint32 *interactions;
    guint8 *directed;
    guint64 *line;
    guint32 *side[WP_TIES_N_SIDE]; /* sets of wp_i_builder_labels() */
} WpTieRowColumns;
/* Adds @n tie rows (counted) after those added so far, taking @columns' arrays (g_free()able;
 * they may be longer than @n) and emptying @columns. Optional arrays may be NULL: the rows then
 * take that field's default. @line is required under WP_LOAD_STRICT and ignored otherwise. */
void wp_i_builder_add_rows(WpGraphBuilder *builder, gsize n, WpTieRowColumns *columns);
/* Says that the row @row_offset rows after those added so far is on @line, and the rows after it
 * on the lines that follow, until the next mark (for messages naming a row's line). Rows added
 * one by one are marked from their WpTieRow line. */
void wp_i_builder_mark_line(WpGraphBuilder *builder, guint64 row_offset, guint64 line);
void wp_i_builder_count_rows(WpGraphBuilder *builder, guint64 n); /* rows read, not added */
/* Counts @n more warnings of @kind whose messages are not kept (past the examples). */
void wp_i_builder_count_warnings(WpGraphBuilder *builder, WpWarningKind kind, guint64 n);

/* Records a warning; under WP_LOAD_STRICT it becomes an error and FALSE is returned. */
gboolean wp_i_builder_warn(WpGraphBuilder *builder, WpWarningKind kind, GError **error,
                           const char *format, ...) G_GNUC_PRINTF(4, 5);
WpLoadFlags wp_i_builder_flags(const WpGraphBuilder *builder);

/* Merges duplicate pairs, builds the adjacency with its raw costs. Consumes @builder.
 * Fails only under WP_LOAD_STRICT when a pair is tied twice. */
WpGraph *wp_i_builder_finish(WpGraphBuilder *builder, GError **error);

/* The graph a builder fills, for readers that set its arrays directly (snapshots). */
WpGraph *wp_i_builder_graph(WpGraphBuilder *builder);
/* Finishes a graph whose people, ties and adjacency were filled directly (no raw costs).
 * Consumes @builder. Cannot fail. */
WpGraph *wp_i_builder_finish_loaded(WpGraphBuilder *builder);
