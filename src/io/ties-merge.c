/* SPDX-License-Identifier: MIT */
/* Merging the parallel ties reader's chunks in file order, so that the graph is the line
 * reader's: people numbered by first appearance (people-file people keep theirs), warnings with
 * their FILE:LINE messages in file order, rows in file order. */
#include "io/ties-chunks.h"

#include "core/parallel.h"
#include "core/tie-labels.h"

#include <string.h>

/* Warnings as the line reader raises them: the first few of each kind with their messages (in
 * file order within the kind), every one counted. They fail only under WP_LOAD_STRICT, which
 * this reader leaves to the line reader. */
static void replay_events(WpTiesJob *job, const WpTiesChunk *c)
{
    for (guint i = 0; i < c->events->len; i++) {
        const WpTiesEvent *e = &g_array_index(c->events, WpTiesEvent, i);
        guint64 line = c->first_line_in_file + e->line;
        if (e->kind == WP_WARNING_SELF_LOOP)
            wp_i_ties_warn_self_loop(job->builder, job->origin, line, e->text, strlen(e->text),
                                     NULL);
        else if (e->kind == WP_WARNING_BLANK_ROW)
            wp_i_ties_warn_blank(job->builder, job->origin, line, e->text[0] != '\0', NULL);
        else if (e->kind == WP_WARNING_DISTRUST || e->kind == WP_WARNING_ZERO_WEIGHT) {
            g_auto(GStrv) parts = g_strsplit(e->text, "\n", 3); /* value, a, b */
            wp_i_weight_row_says(job->builder, job->origin, line,
                                 e->kind == WP_WARNING_DISTRUST ? WP_DECLARED_DISTRUST : 0,
                                 parts[0], parts[1], strlen(parts[1]), parts[2], strlen(parts[2]),
                                 NULL);
        } else
            wp_i_ties_warn_unknown_type(job->builder, job->origin, line, e->text, NULL);
    }
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++)
        wp_i_builder_count_warnings(job->builder, k, c->n_warnings[k] - c->n_kept[k]);
    wp_i_builder_count_rows(job->builder, c->n_self_loops + c->n_no_ties);
}

/* Adds the chunk's people not found yet, in first-appearance order: the line reader's
 * numbering, and its unlisted-person warning at each one's first line. */
static gboolean add_new_people(WpTiesJob *job, WpTiesChunk *c, GError **error)
{
    const WpIdIndex *index = &wp_i_builder_graph(job->builder)->id_index;
    for (guint32 l = 0; l < c->n_ids; l++) {
        if (l + WP_TIES_PREFETCH_LAG < c->n_ids)
            wp_i_id_index_prefetch(index, c->key_hashes[l + WP_TIES_PREFETCH_LAG]);
        if (c->to_person[l] == WP_PERSON_NONE &&
            !wp_i_builder_tie_person_at(job->builder, c->keys[l], c->key_lens[l], c->key_hashes[l],
                                        c->first_line_in_file + c->first_line[l], &c->to_person[l],
                                        error))
            return FALSE;
    }
    return TRUE;
}

/* Items [begin, end) of one chunk: a worker's share of a pass over the chunks. With one chunk
 * per worker, a pass that skips the first chunk would otherwise leave all workers but one idle. */
typedef struct {
    WpTiesChunk *chunk;
    gsize begin, end;
} Share;

typedef struct {
    WpTiesJob *job;
    Share *shares;
    void (*work)(WpTiesJob *job, const Share *share);
} ShareJob;

static void run_shares(gsize first, gsize last, gpointer data)
{
    ShareJob *sj = data;
    for (gsize k = first; k < last; k++)
        sj->work(sj->job, &sj->shares[k]);
}

/* Runs @work over the chunks from @first_chunk on that @count gives items, each chunk cut into
 * one share per worker. */
static void each_share(WpTiesJob *job, guint first_chunk, gsize (*count)(const WpTiesChunk *c),
                       void (*work)(WpTiesJob *job, const Share *share))
{
    guint workers = wp_i_parallel_workers();
    ShareJob sj = {job, g_new(Share, (gsize)MAX(job->n_chunks, 1) * workers), work};
    gsize n = 0;
    for (guint i = first_chunk; i < job->n_chunks; i++) {
        WpTiesChunk *c = &job->chunks[i];
        gsize items = count(c);
        for (guint w = 0; items > 0 && w < workers; w++)
            sj.shares[n++] = (Share){c, items * w / workers, items * (w + 1) / workers};
    }
    wp_i_parallel_for(n, 1, run_shares, &sj);
    g_free(sj.shares);
}

static gsize n_ids(const WpTiesChunk *c)
{
    return c->n_ids;
}

/* Finds people among those known before (read-only: the workers look up at once). */
static void find_people(WpTiesJob *job, const Share *share)
{
    const WpIdIndex *index = &wp_i_builder_graph(job->builder)->id_index;
    WpTiesChunk *c = share->chunk;
    for (gsize l = share->begin; l < share->end; l++) {
        if (l + WP_TIES_PREFETCH_LAG < share->end)
            wp_i_id_index_prefetch(index, c->key_hashes[l + WP_TIES_PREFETCH_LAG]);
        c->to_person[l] =
            wp_i_builder_find_person(job->builder, c->keys[l], c->key_lens[l], c->key_hashes[l]);
    }
}

/* The rows of a chunk whose people the merge renumbered (none when its numbers are the
 * graph's: the first chunk's, when its table became the graph's). */
static gsize n_rows_to_renumber(const WpTiesChunk *c)
{
    return c->to_person != NULL ? c->n_rows : 0;
}

/* Rewrites rows in graph person numbers, in place. */
static void renumber_rows(WpTiesJob *job G_GNUC_UNUSED, const Share *share)
{
    WpTiesChunk *c = share->chunk;
    for (gsize i = share->begin; i < share->end; i++) {
        c->a[i] = c->to_person[c->a[i]];
        c->b[i] = c->to_person[c->b[i]];
    }
}

/* Tells the builder the line of the chunk's rows: one after the other, except across the lines
 * that added no row. */
static void mark_lines(WpTiesJob *job, const WpTiesChunk *c)
{
    const gsize *gaps = (const gsize *)c->gaps->data;
    guint n_gaps = c->gaps->len, i = 0;
    for (gsize row = 0; row < c->n_rows; row = gaps[i]) {
        while (i < n_gaps && gaps[i] <= row)
            i++; /* the lines before this row that added none */
        wp_i_builder_mark_line(job->builder, row, c->first_line_in_file + row + i);
        if (i == n_gaps)
            return;
    }
}

/* Hands the chunk's row arrays to the builder (copying 13M rows into one array cost ~0.1 s
 * and 290 MB of fresh pages on the large graph). */
static void hand_over_rows(WpTiesJob *job, WpTiesChunk *c)
{
    WpTieRowColumns columns = {
        .a = g_steal_pointer(&c->a),
        .b = g_steal_pointer(&c->b),
        .declared = g_steal_pointer(&c->declared),
        .types = g_steal_pointer(&c->types),
        .last_contact = g_steal_pointer(&c->last_contact),
        .interactions = g_steal_pointer(&c->interactions),
        .directed = g_steal_pointer(&c->directed),
    };
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        columns.side[k] = g_steal_pointer(&c->side[k]);
    mark_lines(job, c);
    wp_i_builder_add_rows(job->builder, c->n_rows, &columns);
}

/* Numbers the chunks' people as the line reader would: the first chunk's people in order, then
 * the other chunks look up in parallel who is known already, and their few new ones are added
 * in order. With no people before them, the first chunk's table and ids become the graph's as
 * they are (adding its million people one by one took ~0.1 s on the large graph). */
static gboolean number_people(WpTiesJob *job, GError **error)
{
    WpTiesChunk *first = &job->chunks[0];
    if (!wp_i_builder_adopt_tie_people(job->builder, &first->index,
                                       (const char *const *)first->keys, first->n_ids,
                                       &first->key_store)) {
        wp_i_id_index_clear(&first->index);
        first->to_person = g_new(WpPerson, MAX(first->n_ids, 1));
        for (guint32 l = 0; l < first->n_ids; l++)
            first->to_person[l] = WP_PERSON_NONE;
        wp_i_builder_reserve_people(job->builder, first->n_ids);
        if (!add_new_people(job, first, error))
            return FALSE;
    }
    guint32 n_missing = 0;
    for (guint i = 1; i < job->n_chunks; i++)
        job->chunks[i].to_person = g_new(WpPerson, MAX(job->chunks[i].n_ids, 1));
    each_share(job, 1, n_ids, find_people);
    for (guint i = 1; i < job->n_chunks; i++)
        for (guint32 l = 0; l < job->chunks[i].n_ids; l++)
            n_missing += job->chunks[i].to_person[l] == WP_PERSON_NONE;
    wp_i_builder_reserve_people(job->builder, n_missing);
    for (guint i = 1; i < job->n_chunks && n_missing > 0; i++)
        if (!add_new_people(job, &job->chunks[i], error))
            return FALSE;
    return TRUE;
}

/* Rewrites the chunk's side values as sets of the graph's tables: each of the chunk's few sets
 * is adopted once, in file order, then the rows are renumbered. */
static void adopt_side(WpTiesJob *job, WpTiesChunk *c)
{
    for (guint k = 0; k < WP_TIES_N_SIDE; k++) {
        if (c->side[k] == NULL)
            continue;
        WpTieLabels *graph = wp_i_builder_labels(job->builder, WP_TIES_N_HOT + k);
        const WpTieLabels *local = c->labels[k];
        g_autofree guint32 *to_set = g_new(guint32, local->n_sets);
        for (guint32 s = 0; s < local->n_sets; s++)
            to_set[s] = wp_i_tie_labels_adopt(graph, local, s);
        guint32 *side = c->side[k];
        for (gsize i = 0; i < c->n_rows; i++)
            side[i] = to_set[side[i]];
    }
}

gboolean wp_i_ties_chunks_merge(WpTiesJob *job, GError **error)
{
    guint64 first_line = 2; /* the header is line 1 */
    wp_i_weight_sniff_finish(&job->sniff, job->builder, job->origin, 1, NULL);
    for (guint i = 0; i < job->n_chunks; i++) {
        WpTiesChunk *c = &job->chunks[i];
        c->first_line_in_file = first_line;
        first_line += c->n_lines;
        replay_events(job, c);
    }
    if (job->n_chunks > 0 && !number_people(job, error))
        return FALSE;
    each_share(job, 0, n_rows_to_renumber, renumber_rows);
    for (guint i = 0; i < job->n_chunks && job->has_side; i++)
        adopt_side(job, &job->chunks[i]);
    for (guint i = 0; i < job->n_chunks; i++)
        hand_over_rows(job, &job->chunks[i]);
    return TRUE;
}
