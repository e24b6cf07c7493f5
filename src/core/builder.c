/* SPDX-License-Identifier: MIT */
/* Builds a WpGraph from rows: people, tie rows, warnings; then merges and indexes the ties. */
#include "core/builder-private.h"
#include "core/text-private.h"
#include "core/tie-labels.h"
#include "core/tie-merge.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

/* A growable array of fixed-size items; cheaper per push than GArray on 10^7 rows. */
typedef struct {
    void *data;
    gsize len;
    gsize cap;
    gsize item;
} Vec;

static void vec_init(Vec *v, gsize item)
{
    *v = (Vec){NULL, 0, 0, item};
}

static inline void *vec_push(Vec *v)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1024;
        v->data = g_realloc_n(v->data, v->cap, v->item);
    }
    return (char *)v->data + v->item * v->len++;
}

static void vec_clear(Vec *v)
{
    g_clear_pointer(&v->data, g_free);
    v->len = v->cap = 0;
}

/* Interning an id is a random access into a table far larger than the caches; a batch of rows
 * is hashed and its slots prefetched before any is looked up, so the misses overlap. */
#define TIE_BATCH 256

typedef struct {
    WpTieRow row;
    gsize source_at, target_at; /* offsets in pending_ids */
    gsize source_len, target_len;
    guint32 source_hash, target_hash;
} PendingTie;

struct WpGraphBuilder {
    WpGraph *graph; /* being filled; its people part is final as rows arrive */
    gboolean people_given;
    guint team_column; /* index of "team" in columns, or G_MAXUINT */
    guint size_column; /* index of "company_size", or G_MAXUINT */
    Vec row_a, row_b, row_declared, row_types, row_last, row_inter, row_dir;
    Vec row_line;                 /* kept only under WP_LOAD_STRICT, to name a duplicate's line */
    Vec row_side[WP_TIES_N_SIDE]; /* guint32 sets, for the side columns the graph has */
    WpTieRows rows; /* rows before those in the Vecs, as handed over (parts, file order) */
    char *ties_origin;
    /* Tie rows whose ids are not interned yet (see wp_i_builder_add_tie()). */
    PendingTie pending[TIE_BATCH];
    guint n_pending;
    GString *pending_ids; /* both ids of each pending row, NUL-terminated */
    gboolean has_types, has_dates, has_inter, has_dir;
    /* Where rows come from, to name a repeated row's line: from a mark on, each row is on the
     * line after the previous one, until the next mark (after a blank line, a self-loop, a
     * quoted line break). */
    GArray *line_marks; /* LineMark, by row */
    WpWeightRule weights;
    guint64 next_line; /* the line of the next row added one by one, if nothing comes between */
};

typedef struct {
    guint64 row;  /* counted from 0 over every row added, in order */
    guint64 line; /* that row's line */
} LineMark;

WpGraphBuilder *wp_i_builder_new(WpLoadFlags flags)
{
    WpGraphBuilder *b = g_new0(WpGraphBuilder, 1);
    WpGraph *g = g_new0(WpGraph, 1);
    g->ref_count = 1;
    g->strings = g_string_chunk_new(1 << 20);
    g->ids = g_ptr_array_new();
    wp_i_id_index_init(&g->id_index);
    g->columns = g_ptr_array_new();
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++)
        g->warning_examples[k] = g_ptr_array_new_with_free_func(g_free);
    g->flags = flags;
    b->graph = g;
    b->team_column = b->size_column = G_MAXUINT;
    vec_init(&b->row_a, sizeof(WpPerson));
    vec_init(&b->row_b, sizeof(WpPerson));
    vec_init(&b->row_declared, sizeof(double));
    vec_init(&b->row_types, sizeof(guint16));
    vec_init(&b->row_last, sizeof(WpDay));
    vec_init(&b->row_inter, sizeof(gint32));
    vec_init(&b->row_dir, sizeof(guint8));
    vec_init(&b->row_line, sizeof(guint64));
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        vec_init(&b->row_side[k], sizeof(guint32));
    b->pending_ids = g_string_sized_new(TIE_BATCH * 32);
    b->line_marks = g_array_new(FALSE, FALSE, sizeof(LineMark));
    return b;
}

void wp_i_builder_free(WpGraphBuilder *b)
{
    if (b == NULL)
        return;
    wp_graph_unref(b->graph);
    Vec *vecs[] = {&b->row_a,    &b->row_b,     &b->row_declared, &b->row_types,
                   &b->row_last, &b->row_inter, &b->row_dir,      &b->row_line};
    for (guint i = 0; i < G_N_ELEMENTS(vecs); i++)
        vec_clear(vecs[i]);
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        vec_clear(&b->row_side[k]);
    wp_i_tie_rows_clear(&b->rows);
    g_free(b->ties_origin);
    g_string_free(b->pending_ids, TRUE);
    g_array_unref(b->line_marks);
    g_free(b->weights.column);
    g_free(b);
}

WpLoadFlags wp_i_builder_flags(const WpGraphBuilder *b)
{
    return b->graph->flags;
}

void wp_i_builder_set_weights(WpGraphBuilder *b, const WpLoadSpec *spec)
{
    g_free(b->weights.column);
    b->weights = (WpWeightRule){g_strdup(spec->weight_column), spec->weight_scale, spec->weight_lo,
                                spec->weight_hi};
}

const WpWeightRule *wp_i_builder_weights(const WpGraphBuilder *b)
{
    return &b->weights;
}

gboolean wp_i_builder_warn(WpGraphBuilder *b, WpWarningKind kind, GError **error,
                           const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *message = g_strdup_vprintf(format, args);
    va_end(args);
    /* What a weight scale says a row means is no fault of the data. */
    gboolean fault = kind != WP_WARNING_DISTRUST && kind != WP_WARNING_ZERO_WEIGHT;
    if ((b->graph->flags & WP_LOAD_STRICT) && fault) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s (--strict)", message);
        return FALSE;
    }
    b->graph->warning_counts[kind]++;
    if (b->graph->warning_examples[kind]->len < WP_WARNING_EXAMPLES)
        g_ptr_array_add(b->graph->warning_examples[kind], g_steal_pointer(&message));
    return TRUE;
}

void wp_i_builder_set_columns(WpGraphBuilder *b, const char *const *names, guint n)
{
    WpGraph *g = b->graph;
    g->column_names = g_new0(const char *, n + 1);
    for (guint i = 0; i < n; i++) {
        WpColumn *col = g_new0(WpColumn, 1);
        col->name = g_strdup(names[i]);
        col->values = g_ptr_array_new();
        g_ptr_array_add(g->columns, col);
        g->column_names[i] = col->name;
        if (strcmp(names[i], WP_COLUMN_TEAM) == 0)
            b->team_column = i;
        if (strcmp(names[i], WP_COLUMN_COMPANY_SIZE) == 0)
            b->size_column = i;
    }
    g->n_columns = n;
}

void wp_i_builder_set_people_given(WpGraphBuilder *b)
{
    b->people_given = TRUE;
}

static WpPerson add_person_id(WpGraph *g, const char *id, gsize len, guint32 hash)
{
    const char *stored = g_string_chunk_insert_len(g->strings, id, (gssize)len);
    WpPerson p = g->n_people++;
    g_ptr_array_add(g->ids, (gpointer)stored);
    wp_i_id_index_insert(&g->id_index, p, stored, len, hash);
    return p;
}

/* Team cells say yes/no, or name the team: "sales-east" makes the person a seller of that team. */
static const char *team_from_cell(const char *cell)
{
    static const char *const no[] = {"0", "false", "no", "n", "-"};
    static const char *const yes[] = {"1", "true", "yes", "y", "x"};
    if (cell == NULL)
        return NULL;
    for (guint i = 0; i < G_N_ELEMENTS(no); i++)
        if (g_ascii_strcasecmp(cell, no[i]) == 0)
            return NULL;
    for (guint i = 0; i < G_N_ELEMENTS(yes); i++)
        if (g_ascii_strcasecmp(cell, yes[i]) == 0)
            return "team";
    return cell;
}

/* "1200", "51-200" (lower bound) or "10001+"; -1 for anything else. */
static gint64 company_size_from_cell(const char *cell)
{
    char *end = NULL;
    if (cell == NULL || !g_ascii_isdigit(cell[0]))
        return -1;
    guint64 n = g_ascii_strtoull(cell, &end, 10);
    if (n > G_MAXINT64)
        return -1;
    if (*end == '\0' || strcmp(end, "+") == 0)
        return (gint64)n;
    if (*end == '-' && g_ascii_isdigit(end[1])) {
        char *end2 = NULL;
        guint64 hi = g_ascii_strtoull(end + 1, &end2, 10);
        if (*end2 == '\0' && hi >= n)
            return (gint64)n;
    }
    return -1;
}

gboolean wp_i_builder_add_person(WpGraphBuilder *b, const char *const *values, const char *origin,
                                 guint64 line, GError **error)
{
    WpGraph *g = b->graph;
    const char *id = values[0];
    gsize len = strlen(id);
    guint32 hash = wp_i_id_hash(id, len);
    if (wp_i_id_index_lookup(&g->id_index, (const char *const *)g->ids->pdata, id, len, hash) !=
        G_MAXUINT32) {
        g_autofree char *shown = wp_text_excerpt(id);
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": field 'id': duplicate id '%s'", origin, line, shown);
        return FALSE;
    }
    if (b->size_column != G_MAXUINT && values[b->size_column] != NULL) {
        g_autofree char *shown = wp_text_excerpt(values[b->size_column]);
        if (company_size_from_cell(values[b->size_column]) < 0 &&
            !wp_i_builder_warn(b, WP_WARNING_BAD_ATTRIBUTE, error,
                               "%s:%" G_GUINT64_FORMAT
                               ": field 'company_size': '%s' is not a count like 1200, "
                               "51-200 or 10001+; ignored",
                               origin, line, shown))
            return FALSE;
    }
    WpPerson p = add_person_id(g, id, len, hash);
    for (guint i = 0; i < g->n_columns; i++) {
        WpColumn *col = g->columns->pdata[i];
        const char *v = i == 0      ? g->ids->pdata[p]
                        : values[i] ? g_string_chunk_insert_const(g->strings, values[i])
                                    : NULL;
        g_ptr_array_add(col->values, (gpointer)v);
    }
    g->n_listed = g->n_people;
    return TRUE;
}

/* The person for a tie's id, added when new. */
static gboolean tie_person(WpGraphBuilder *b, const char *id, gsize len, guint32 hash,
                           const char *origin, guint64 line, WpPerson *out, GError **error)
{
    WpGraph *g = b->graph;
    guint32 found =
        wp_i_id_index_lookup(&g->id_index, (const char *const *)g->ids->pdata, id, len, hash);
    if (found != G_MAXUINT32) {
        *out = found;
        return TRUE;
    }
    if (b->people_given) {
        g_autofree char *shown = wp_i_text_excerpt_len(id, len);
        if (!wp_i_builder_warn(b, WP_WARNING_UNLISTED_PERSON, error,
                               "%s:%" G_GUINT64_FORMAT
                               ": '%s' is not in the people file; added with only an id",
                               origin, line, shown))
            return FALSE;
    }
    if (b->graph->n_people == G_MAXUINT32 - 1) {
        g_set_error(error, WP_ERROR, WP_ERROR_LIMIT,
                    "%s:%" G_GUINT64_FORMAT ": more than %u people", origin, line, G_MAXUINT32 - 1);
        return FALSE;
    }
    *out = add_person_id(g, id, len, hash);
    return TRUE;
}

gboolean wp_i_builder_tie_person(WpGraphBuilder *b, const char *id, const char *origin,
                                 guint64 line, WpPerson *out, GError **error)
{
    gsize len = strlen(id);
    return tie_person(b, id, len, wp_i_id_hash(id, len), origin, line, out, error);
}

gboolean wp_i_builder_flush_ties(WpGraphBuilder *b, GError **error)
{
    /* A core keeps only about ten misses in flight, so slots are prefetched a few rows ahead of
     * the row being interned rather than all at once. */
    enum { AHEAD = 8 };
    guint n = b->n_pending;
    const char *ids = b->pending_ids->str;
    const WpIdIndex *index = &b->graph->id_index;
    for (guint i = 0; i < n; i++) {
        PendingTie *t = &b->pending[i];
        t->source_hash = wp_i_id_hash(ids + t->source_at, t->source_len);
        t->target_hash = wp_i_id_hash(ids + t->target_at, t->target_len);
        if (i < AHEAD) {
            wp_i_id_index_prefetch(index, t->source_hash);
            wp_i_id_index_prefetch(index, t->target_hash);
        }
    }
    gboolean ok = TRUE;
    for (guint i = 0; i < n && ok; i++) {
        PendingTie *t = &b->pending[i];
        if (i + AHEAD < n) {
            wp_i_id_index_prefetch(index, b->pending[i + AHEAD].source_hash);
            wp_i_id_index_prefetch(index, b->pending[i + AHEAD].target_hash);
        }
        ok = tie_person(b, ids + t->source_at, t->source_len, t->source_hash, b->ties_origin,
                        t->row.line, &t->row.a, error) &&
             tie_person(b, ids + t->target_at, t->target_len, t->target_hash, b->ties_origin,
                        t->row.line, &t->row.b, error);
        if (ok)
            wp_i_builder_add_tie_row(b, &t->row);
    }
    b->n_pending = 0;
    g_string_truncate(b->pending_ids, 0); /* only now: it writes a NUL at offset 0 */
    return ok;
}

gboolean wp_i_builder_add_tie(WpGraphBuilder *b, const char *source, gsize source_len,
                              const char *target, gsize target_len, const WpTieRow *row,
                              GError **error)
{
    PendingTie *t = &b->pending[b->n_pending++];
    t->row = *row;
    t->source_at = b->pending_ids->len;
    t->source_len = source_len;
    g_string_append_len(b->pending_ids, source, (gssize)source_len);
    g_string_append_c(b->pending_ids, '\0');
    t->target_at = b->pending_ids->len;
    t->target_len = target_len;
    g_string_append_len(b->pending_ids, target, (gssize)target_len);
    g_string_append_c(b->pending_ids, '\0');
    /* Under --strict the first failure must be the earliest line: no deferral. */
    if (b->n_pending == TIE_BATCH || (b->graph->flags & WP_LOAD_STRICT))
        return wp_i_builder_flush_ties(b, error);
    return TRUE;
}

guint32 wp_i_builder_find_person(const WpGraphBuilder *b, const char *id, gsize len, guint32 hash)
{
    const WpGraph *g = b->graph;
    return wp_i_id_index_lookup(&g->id_index, (const char *const *)g->ids->pdata, id, len, hash);
}

gboolean wp_i_builder_tie_person_at(WpGraphBuilder *b, const char *id, gsize len, guint32 hash,
                                    guint64 line, WpPerson *out, GError **error)
{
    return tie_person(b, id, len, hash, b->ties_origin, line, out, error);
}

void wp_i_builder_reserve_people(WpGraphBuilder *b, guint n_more)
{
    wp_i_id_index_reserve(&b->graph->id_index, b->graph->n_people + n_more);
}

gboolean wp_i_builder_adopt_tie_people(WpGraphBuilder *b, WpIdIndex *index, const char *const *ids,
                                       guint32 n, GStringChunk **store)
{
    WpGraph *g = b->graph;
    if (n == 0 || g->n_people > 0 || b->people_given || n >= G_MAXUINT32 - 1)
        return FALSE;
    wp_i_id_index_clear(&g->id_index);
    g->id_index = *index;
    *index = (WpIdIndex){NULL, 0, 0};
    g_ptr_array_set_size(g->ids, n);
    memcpy(g->ids->pdata, ids, n * sizeof *ids);
    g->n_people = n;
    if (g->id_stores == NULL)
        g->id_stores = g_ptr_array_new_with_free_func((GDestroyNotify)g_string_chunk_free);
    g_ptr_array_add(g->id_stores, g_steal_pointer(store));
    return TRUE;
}

/* Appends a part of @n rows to b->rows, taking @columns' arrays. */
static void add_part(WpGraphBuilder *b, gsize n, const WpTieRowColumns *columns)
{
    WpTieRows *r = &b->rows;
    r->parts = g_renew(WpTieRowPart, r->parts, r->n_parts + 1);
    r->parts[r->n_parts++] = (WpTieRowPart){n, *columns};
    r->n += n;
}

/* Moves the rows added one by one so far into a part of their own, keeping file order. */
static void close_row_vecs(WpGraphBuilder *b)
{
    if (b->row_a.len == 0)
        return;
    WpTieRowColumns columns = {
        .a = b->row_a.data,
        .b = b->row_b.data,
        .declared = b->row_declared.data,
        .types = b->row_types.data,
        .last_contact = b->row_last.data,
        .interactions = b->row_inter.data,
        .directed = b->row_dir.data,
        .line = b->row_line.data,
    };
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        columns.side[k] = b->row_side[k].data;
    add_part(b, b->row_a.len, &columns);
    Vec *vecs[] = {&b->row_a,    &b->row_b,     &b->row_declared, &b->row_types,
                   &b->row_last, &b->row_inter, &b->row_dir,      &b->row_line};
    for (guint i = 0; i < G_N_ELEMENTS(vecs); i++)
        vec_init(vecs[i], vecs[i]->item);
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        vec_init(&b->row_side[k], sizeof(guint32));
}

void wp_i_builder_add_rows(WpGraphBuilder *b, gsize n, WpTieRowColumns *columns)
{
    g_return_if_fail(!(b->graph->flags & WP_LOAD_STRICT) || n == 0 || columns->line != NULL);
    close_row_vecs(b);
    b->graph->n_rows += n;
    /* Arrays the builder does not keep go; the merge reads the absence of the others as
     * defaults. */
    if (!b->has_types)
        g_clear_pointer(&columns->types, g_free);
    if (!b->has_dates)
        g_clear_pointer(&columns->last_contact, g_free);
    if (!b->has_inter)
        g_clear_pointer(&columns->interactions, g_free);
    if (!b->has_dir)
        g_clear_pointer(&columns->directed, g_free);
    if (!(b->graph->flags & WP_LOAD_STRICT))
        g_clear_pointer(&columns->line, g_free);
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        if (b->graph->tie_labels[k] == NULL)
            g_clear_pointer(&columns->side[k], g_free);
    add_part(b, n, columns); /* even when empty: the part frees the arrays */
    *columns = (WpTieRowColumns){0};
}

void wp_i_builder_count_warnings(WpGraphBuilder *b, WpWarningKind kind, guint64 n)
{
    b->graph->warning_counts[kind] += n;
}

void wp_i_builder_note_columns(WpGraphBuilder *b, const char *origin,
                               const gboolean present[WP_TIES_N_FIELDS])
{
    g_free(b->ties_origin);
    b->ties_origin = g_strdup(origin);
    b->has_types |= present[WP_TIES_TYPE];
    b->has_dates |= present[WP_TIES_LAST_CONTACT];
    b->has_inter |= present[WP_TIES_INTERACTIONS];
    b->has_dir |= present[WP_TIES_DIRECTED];
    WpTieLabels **labels = b->graph->tie_labels;
    for (guint k = WP_TIES_N_HOT; k < WP_TIES_N_FIELDS; k++)
        if (present[k] && labels[WP_TIES_SIDE(k)] == NULL)
            labels[WP_TIES_SIDE(k)] = wp_i_tie_labels_new();
}

WpTieLabels *wp_i_builder_labels(WpGraphBuilder *b, WpTiesField field)
{
    g_return_val_if_fail(field >= WP_TIES_N_HOT && field < WP_TIES_N_FIELDS, NULL);
    return b->graph->tie_labels[WP_TIES_SIDE(field)];
}

void wp_i_builder_count_row(WpGraphBuilder *b)
{
    b->graph->n_rows++;
}

void wp_i_builder_count_rows(WpGraphBuilder *b, guint64 n)
{
    b->graph->n_rows += n;
}

/* Rows added so far (one by one or in parts): the next row's number. */
static guint64 rows_added(const WpGraphBuilder *b)
{
    return b->rows.n + b->row_a.len;
}

void wp_i_builder_mark_line(WpGraphBuilder *b, guint64 row_offset, guint64 line)
{
    LineMark mark = {rows_added(b) + row_offset, line};
    g_array_append_val(b->line_marks, mark);
}

/* The line of row @row (see LineMark); 0 when no row was marked. */
static guint64 line_of(const WpGraphBuilder *b, guint64 row)
{
    const LineMark *marks = (const LineMark *)b->line_marks->data;
    guint lo = 0, hi = b->line_marks->len; /* the last mark at or before @row is marks[lo - 1] */
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (marks[mid].row <= row)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo == 0 ? 0 : marks[lo - 1].line + (row - marks[lo - 1].row);
}

void wp_i_builder_add_tie_row(WpGraphBuilder *b, const WpTieRow *row)
{
    if (row->line != b->next_line || b->line_marks->len == 0)
        wp_i_builder_mark_line(b, 0, row->line);
    b->next_line = row->line + 1;
    b->graph->n_rows++;
    *(WpPerson *)vec_push(&b->row_a) = row->a;
    *(WpPerson *)vec_push(&b->row_b) = row->b;
    *(double *)vec_push(&b->row_declared) = row->declared;
    if (b->has_types)
        *(guint16 *)vec_push(&b->row_types) = row->types;
    if (b->has_dates)
        *(WpDay *)vec_push(&b->row_last) = row->last_contact;
    if (b->has_inter)
        *(gint32 *)vec_push(&b->row_inter) = row->interactions;
    if (b->has_dir)
        *(guint8 *)vec_push(&b->row_dir) = row->directed;
    if (b->graph->flags & WP_LOAD_STRICT)
        *(guint64 *)vec_push(&b->row_line) = row->line;
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        if (b->graph->tie_labels[k] != NULL)
            *(guint32 *)vec_push(&b->row_side[k]) = row->side[k];
}

/* Per-person team and company size, derived once from the columns (tie-only people: none). */
static void derive_person_fields(WpGraphBuilder *b)
{
    WpGraph *g = b->graph;
    if (b->team_column != G_MAXUINT) {
        WpColumn *col = g->columns->pdata[b->team_column];
        g->team = g_new0(const char *, MAX(g->n_people, 1));
        for (guint p = 0; p < g->n_listed; p++) {
            const char *team = team_from_cell(col->values->pdata[p]);
            g->team[p] = team ? g_string_chunk_insert_const(g->strings, team) : NULL;
        }
    }
    if (b->size_column != G_MAXUINT) {
        WpColumn *col = g->columns->pdata[b->size_column];
        g->company_size = g_new(gint64, MAX(g->n_people, 1));
        for (guint p = 0; p < g->n_people; p++)
            g->company_size[p] =
                p < g->n_listed ? company_size_from_cell(col->values->pdata[p]) : -1;
    }
}

/* Hands the rows over to the merge (tie-merge.c). */
static WpTieRows take_rows(WpGraphBuilder *b)
{
    close_row_vecs(b);
    WpTieRows rows = b->rows;
    rows.has_types = b->has_types;
    rows.has_dates = b->has_dates;
    rows.has_interactions = b->has_inter;
    rows.has_directed = b->has_dir;
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        rows.has_side[k] = b->graph->tie_labels[k] != NULL;
    b->rows = (WpTieRows){0};
    return rows;
}

WpGraph *wp_i_builder_finish(WpGraphBuilder *b, GError **error)
{
    WpGraph *g = b->graph;
    if (!wp_i_builder_flush_ties(b, error)) {
        wp_i_builder_free(b);
        return NULL;
    }
    derive_person_fields(b);
    WpTieRows rows = take_rows(b);
    guint64 n_added = rows.n;
    WpTieRepeat repeats[WP_WARNING_EXAMPLES];
    guint n_repeats = 0;
    if (!wp_i_graph_merge_ties(g, &rows, b->ties_origin, repeats, &n_repeats, error)) {
        wp_i_builder_free(b);
        return NULL;
    }
    g->warning_counts[WP_WARNING_DUPLICATE_TIE] += n_added - g->n_ties;
    if (g->warning_counts[WP_WARNING_DISTRUST] > 0)
        wp_i_graph_drop_distrust(g);
    wp_i_graph_scale_weights(g, b->weights.scale);
    for (guint i = 0; i < n_repeats; i++)
        g_ptr_array_add(
            g->warning_examples[WP_WARNING_DUPLICATE_TIE],
            g_strdup_printf("%s:%" G_GUINT64_FORMAT ": the pair '%s', '%s' is tied "
                            "again (first on line %" G_GUINT64_FORMAT "); merged into one tie",
                            b->ties_origin ? b->ties_origin : "ties", line_of(b, repeats[i].row),
                            (const char *)g->ids->pdata[repeats[i].a],
                            (const char *)g->ids->pdata[repeats[i].b],
                            line_of(b, repeats[i].first_row)));
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        wp_i_tie_labels_seal(g->tie_labels[k]);
    b->graph = NULL;
    wp_i_builder_free(b);
    wp_i_graph_build_adjacency(g);
    return g;
}

WpGraph *wp_i_builder_graph(WpGraphBuilder *b)
{
    return b->graph;
}

WpGraph *wp_i_builder_finish_loaded(WpGraphBuilder *b)
{
    WpGraph *g = g_steal_pointer(&b->graph);
    wp_i_builder_free(b);
    return g;
}
