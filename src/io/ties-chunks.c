/* SPDX-License-Identifier: MIT */
/* The ties CSV read in parallel. The body is cut into chunks at line ends; each chunk is parsed
 * on its own thread into rows of chunk-local person numbers, with a table of its own whose keys
 * are slices of the file; then the chunks are merged in file order, so that people are numbered
 * and warnings listed exactly as the line reader (ties-csv.c) would. Values go through the same
 * rules (wp_i_ties_parse_values() and friends).
 *
 * What it cannot reproduce byte for byte it does not try: a quote, a NUL, a bare CR, a line of
 * white space, white space around a known field, a wrong field count, a bad value, a long line.
 * Then it gives up before the builder holds a row, and the caller reads the file with the line
 * reader, which reports the problem in its own words. The self-loops, unknown types, blank rows
 * and unlisted people that real files do have are kept as per-chunk events and replayed at the
 * merge.
 *
 * A file is read with pread(), a window at a time per chunk, never mapped: a file truncated
 * under a mapping (`cp new.csv edges.csv` while a command reads it) kills the process with
 * SIGBUS. A window that stays in the core's cache is as fast to parse as mapped pages. A file
 * found shorter than when it was opened stops the read (wp_i_input_changed()). */
#define _GNU_SOURCE /* memrchr() */
#include "io/ties-chunks.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "core/large-alloc.h"
#include "core/parallel.h"
#include "core/tie-labels.h"

/* How much of a file each worker reads at a time (measured: 256 KiB stays in a core's L2). */
#define DEFAULT_WINDOW (256u << 10)

typedef struct {
    const char *at;
    gsize len;
} Slice;

/* ---- one chunk ---- */

/* Values longer than this (they would be odd: the longest valid date is 10 bytes) are left to
 * the line reader. */
#define MAX_VALUE 64
#define N_TYPE_MEMOS 64
/* WpTiesChunk-relative line numbers are 32-bit: a line takes at least 4 bytes ("a,b\n"). */
#define MAX_CHUNK_BYTES ((gsize)1 << 32)

typedef struct {
    guint16 mask;
    guint8 len; /* 0: unused */
    gboolean has_unknown;
    char text[32];
} TypeMemo;

typedef struct {
    Slice source, target;
    guint32 source_hash, target_hash;
    gsize row;
    guint32 line;
} Pending;

typedef struct {
    WpTiesJob *job;
    WpTiesChunk *chunk;
    guint32 line; /* chunk-relative number of the line being read */
    gsize n_queued;
    Pending queue[WP_TIES_ID_BATCH]; /* rows whose ids are not interned yet */
    TypeMemo memos[N_TYPE_MEMOS];
} Parser;

static void grow_rows(WpTiesChunk *c)
{
    gsize old = c->cap;
    c->cap = c->cap + c->cap / 2 + 1024;
    c->a = wp_i_realloc_large(c->a, old, c->cap, sizeof *c->a);
    c->b = wp_i_realloc_large(c->b, old, c->cap, sizeof *c->b);
    c->declared = wp_i_realloc_large(c->declared, old, c->cap, sizeof *c->declared);
    c->types = wp_i_realloc_large(c->types, old, c->cap, sizeof *c->types);
    c->last_contact = wp_i_realloc_large(c->last_contact, old, c->cap, sizeof *c->last_contact);
    c->interactions = wp_i_realloc_large(c->interactions, old, c->cap, sizeof *c->interactions);
    c->directed = wp_i_realloc_large(c->directed, old, c->cap, sizeof *c->directed);
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        c->side[k] = wp_i_realloc_large(c->side[k], old, c->cap, sizeof *c->side[k]);
}

static void note_event(WpTiesChunk *c, WpWarningKind kind, guint32 line, const char *text,
                       gsize len)
{
    c->n_warnings[kind]++;
    if (c->n_kept[kind] == WP_WARNING_EXAMPLES)
        return;
    c->n_kept[kind]++;
    WpTiesEvent event = {kind, line, g_strndup(text, len)};
    g_array_append_val(c->events, event);
}

/* A row whose weight says distrust or no tie, kept as "VALUE\nA\nB" (no line end is in a field
 * this reader reads) for the warning's message; only the first few are kept. */
static void note_weight_event(WpTiesChunk *c, WpWarningKind kind, guint32 line, Slice value,
                              Slice a, Slice b)
{
    if (c->n_kept[kind] == WP_WARNING_EXAMPLES) {
        c->n_warnings[kind]++;
        return;
    }
    g_autofree char *text = g_strdup_printf("%.*s\n%.*s\n%.*s", (int)value.len, value.at,
                                            (int)a.len, a.at, (int)b.len, b.at);
    note_event(c, kind, line, text, strlen(text));
}

static WpPerson intern(WpTiesChunk *c, Slice id, guint32 hash, guint32 line)
{
    if (c->n_ids == c->ids_cap) {
        c->ids_cap = c->ids_cap * 2 + 1024;
        c->keys = g_renew(const char *, c->keys, c->ids_cap);
        c->key_lens = g_renew(guint32, c->key_lens, c->ids_cap);
        c->key_hashes = g_renew(guint32, c->key_hashes, c->ids_cap);
        c->first_line = g_renew(guint32, c->first_line, c->ids_cap);
    }
    WpPerson p =
        wp_i_id_index_intern(&c->index, c->keys, c->key_lens, id.at, id.len, hash, c->n_ids);
    if (p == c->n_ids) {
        c->keys[p] = g_string_chunk_insert_len(c->key_store, id.at, (gssize)id.len);
        c->key_lens[p] = (guint32)id.len; /* a line is at most WP_MAX_LINE_BYTES */
        c->key_hashes[p] = hash;
        c->first_line[p] = line;
        c->n_ids++;
    }
    return p;
}

static void intern_row(WpTiesChunk *c, const Pending *q)
{
    c->a[q->row] = intern(c, q->source, q->source_hash, q->line);
    c->b[q->row] = intern(c, q->target, q->target_hash, q->line);
}

/* Interns the queued rows' ids in row order (so that local numbers follow first appearance, as
 * the merge needs), prefetching slots WP_TIES_PREFETCH_LAG rows ahead. */
static void drain_queue(Parser *ps)
{
    gsize n = ps->n_queued;
    const WpIdIndex *index = &ps->chunk->index;
    for (gsize i = 0; i < MIN(n, WP_TIES_PREFETCH_LAG); i++) {
        wp_i_id_index_prefetch(index, ps->queue[i].source_hash);
        wp_i_id_index_prefetch(index, ps->queue[i].target_hash);
    }
    for (gsize i = 0; i < n; i++) {
        if (i + WP_TIES_PREFETCH_LAG < n) {
            /* The table may have grown since: prefetch from the current one. */
            wp_i_id_index_prefetch(index, ps->queue[i + WP_TIES_PREFETCH_LAG].source_hash);
            wp_i_id_index_prefetch(index, ps->queue[i + WP_TIES_PREFETCH_LAG].target_hash);
        }
        intern_row(ps->chunk, &ps->queue[i]);
    }
    ps->n_queued = 0;
}

/* Queues @row's ids; a full queue is interned in one tight loop, whose lookups overlap far better
 * than lookups spread among the parsing of rows. */
static void queue_ids(Parser *ps, gsize row, Slice source, Slice target)
{
    ps->queue[ps->n_queued++] = (Pending){
        source, target,  wp_i_id_hash(source.at, source.len), wp_i_id_hash(target.at, target.len),
        row,    ps->line};
    if (ps->n_queued == WP_TIES_ID_BATCH)
        drain_queue(ps);
}

static gboolean on_unknown_type(const char *name, gpointer user_data, GError **error G_GNUC_UNUSED)
{
    Parser *ps = user_data;
    note_event(ps->chunk, WP_WARNING_UNKNOWN_TIE_TYPE, ps->line, name, strlen(name));
    return TRUE;
}

/* The types of a row. A file repeats a handful of type cells, so results are memoised by the
 * cell's bytes; a cell with an unknown name is parsed every time, for its warning. */
static gboolean parse_types(Parser *ps, Slice cell, guint16 *out)
{
    if (cell.len >= MAX_VALUE)
        return FALSE;
    TypeMemo *memo = NULL;
    if (cell.len > 0 && cell.len < sizeof memo->text) {
        /* Type names differ in length and first and last letters: enough to spread a few. */
        guint key = (guint)cell.len * 31u + (guchar)cell.at[0] * 7u + (guchar)cell.at[cell.len - 1];
        memo = &ps->memos[key % N_TYPE_MEMOS];
        if (memo->len == cell.len && !memo->has_unknown &&
            memcmp(memo->text, cell.at, cell.len) == 0) {
            *out = memo->mask;
            return TRUE;
        }
    }
    char text[MAX_VALUE];
    memcpy(text, cell.at, cell.len);
    text[cell.len] = '\0';
    guint64 unknown_before = ps->chunk->n_warnings[WP_WARNING_UNKNOWN_TIE_TYPE];
    *out = 0;
    wp_i_ties_parse_types(text, out, on_unknown_type, ps, NULL); /* the callback cannot fail */
    if (memo != NULL) {
        memo->mask = *out;
        memo->len = (guint8)cell.len;
        memo->has_unknown = ps->chunk->n_warnings[WP_WARNING_UNKNOWN_TIE_TYPE] != unknown_before;
        memcpy(memo->text, cell.at, cell.len);
    }
    return TRUE;
}

/* 0x80 in each byte of @word that equals @byte, 0 elsewhere (exact: no borrow between bytes). */
static inline guint64 bytes_equal(guint64 word, guchar byte)
{
    const guint64 low7 = 0x7f7f7f7f7f7f7f7fu;
    guint64 x = word ^ (0x0101010101010101u * byte);
    return ~(((x & low7) + low7) | x | low7);
}

/* The bytes of an 8-byte word that end a field (','), end a line ('\n', or '\r' before it) or
 * that only the line reader can read ('"', NUL, a bare CR). Eight bytes a step: the byte loop
 * this replaced was a third of the parse, and finding line ends in the same pass saves a memchr()
 * per line (6 % of the load's CPU). */
static inline guint64 special_bytes(guint64 word)
{
    return bytes_equal(word, ',') | bytes_equal(word, '"') | bytes_equal(word, '\0') |
           bytes_equal(word, '\r') | bytes_equal(word, '\n');
}

typedef struct {
    const WpTiesJob *job;
    Slice *fields;
    guint column;
    const char *start; /* of the current field */
    const char *stop;  /* the chunk's end */
    const char *end;   /* the line's end (its terminator excluded), once found */
    const char *next;  /* where the next line starts */
} Splitter;

typedef enum { SPLIT_ON, SPLIT_LINE_END, SPLIT_GIVE_UP } SplitStep;

/* One more special byte at @p. */
static inline SplitStep at_special(Splitter *sp, const char *p)
{
    switch (*p) {
    case ',':
        if (sp->column + 1 >= sp->job->columns.n_columns)
            return SPLIT_GIVE_UP;
        gint8 field = sp->job->field_at[sp->column];
        if (field >= 0)
            sp->fields[field] = (Slice){sp->start, (gsize)(p - sp->start)};
        sp->column++;
        sp->start = p + 1;
        return SPLIT_ON;
    case '\n':
        sp->end = p;
        sp->next = p + 1;
        return SPLIT_LINE_END;
    case '\r': /* CRLF, or a CR that ends the text; any other CR is the line reader's */
        if (p + 1 < sp->stop && p[1] != '\n')
            return SPLIT_GIVE_UP;
        sp->end = p;
        sp->next = p + 1 < sp->stop ? p + 2 : sp->stop;
        return SPLIT_LINE_END;
    default:
        return SPLIT_GIVE_UP;
    }
}

typedef enum {
    LINE_ROW,
    LINE_BLANK,        /* an empty line */
    LINE_EMPTY_FIELDS, /* only commas: `,,,,` */
    LINE_GIVE_UP,
} LineKind;

/* Finds the end of the line at @line (in text that ends at @stop) and cuts it at its commas into
 * the known fields (absent ones stay empty); sets *@end and *@next (where the next line starts).
 * LINE_GIVE_UP when the line has a quote, a NUL, a bare CR, invalid UTF-8, or not the header's
 * number of fields. */
static LineKind split_line(const WpTiesJob *job, const char *line, const char *stop,
                           Slice fields[WP_TIES_N_FIELDS], const char **end, const char **next)
{
    Splitter sp = {job, fields, 0, line, stop, stop, stop};
    guint64 high = 0; /* bytes of the whole words before the line's end */
    const char *p = line;
    SplitStep step = SPLIT_ON;
    for (; step == SPLIT_ON && stop - p >= 8; p += 8) {
        guint64 word;
        memcpy(&word, p, 8);
        for (guint64 mask = special_bytes(word); mask != 0 && step == SPLIT_ON;) {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
            guint k = (guint)__builtin_ctzll(mask) / 8; /* byte k is bits 8k .. 8k + 7 */
            mask &= mask - 1;
#else
            guint k = (guint)__builtin_clzll(mask) / 8; /* byte k is bits 63 - 8k .. 56 - 8k */
            mask &= ~((guint64)1 << (63 - 8 * k));
#endif
            step = at_special(&sp, p + k);
        }
        if (step == SPLIT_ON)
            high |= word;
    }
    if (step != SPLIT_ON)
        p -= 8; /* the word the line ended in, which is not in @high */
    for (const char *q = p; step == SPLIT_ON && q < stop; q++) {
        guchar b = (guchar)*q;
        if (b == ',' || b == '"' || b == '\0' || b == '\r' || b == '\n')
            step = at_special(&sp, q);
    }
    if (step == SPLIT_GIVE_UP)
        return LINE_GIVE_UP;
    *end = sp.end;
    *next = sp.next;
    if (sp.end == line)
        return LINE_BLANK;
    for (; p < sp.end; p++)
        high |= (guchar)*p;
    if ((gsize)(sp.end - line) >= WP_MAX_LINE_BYTES - 1 || sp.column + 1 != job->columns.n_columns)
        return LINE_GIVE_UP;
    if ((gsize)(sp.end - line) == sp.column) /* as many bytes as commas */
        return LINE_EMPTY_FIELDS;
    gint8 field = job->field_at[sp.column];
    if (field >= 0)
        fields[field] = (Slice){sp.start, (gsize)(sp.end - sp.start)};
    /* Valid UTF-8 as a whole is valid in every comma-separated part, as the reader checks. */
    return (high & 0x8080808080808080u) == 0 ||
                   g_utf8_validate_len(line, (gsize)(sp.end - line), NULL)
               ? LINE_ROW
               : LINE_GIVE_UP;
}

/* @cell as a NUL-terminated string in @buf; FALSE when too long to be a plain value. */
static gboolean value_text(Slice cell, char buf[MAX_VALUE], const char **out)
{
    if (cell.len == 0) {
        *out = "";
        return TRUE;
    }
    if (cell.len >= MAX_VALUE)
        return FALSE;
    memcpy(buf, cell.at, cell.len);
    buf[cell.len] = '\0';
    *out = buf;
    return TRUE;
}

/* A row whose weight says distrust (noted; the row is added) or no tie (its people are read, in
 * the order they came, and no row is added: FALSE). */
static gboolean weight_says(Parser *ps, const WpTieRow *row, const Slice *fields, Slice source,
                            Slice target)
{
    WpTiesChunk *c = ps->chunk;
    if (row->declared == WP_DECLARED_DISTRUST) {
        note_weight_event(c, WP_WARNING_DISTRUST, ps->line, fields[WP_TIES_STRENGTH], source,
                          target);
        return TRUE;
    }
    drain_queue(ps);
    intern(c, source, wp_i_id_hash(source.at, source.len), ps->line);
    intern(c, target, wp_i_id_hash(target.at, target.len), ps->line);
    c->n_no_ties++;
    g_array_append_val(c->gaps, c->n_rows);
    note_weight_event(c, WP_WARNING_ZERO_WEIGHT, ps->line, fields[WP_TIES_STRENGTH], source,
                      target);
    return FALSE;
}

/* Row @i's side columns (origin): the sets their cells name. Out of line, so that parse_line()
 * stays as it was for files without them (inlined, it took the load of the benchmark's medium
 * graph 0.8 % more instructions). */
static G_GNUC_NO_INLINE void store_side(WpTiesChunk *c, const Slice *fields, gsize i)
{
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        if (c->side[k] != NULL)
            c->side[k][i] = wp_i_tie_labels_parse(c->labels[k], fields[WP_TIES_N_HOT + k].at,
                                                  fields[WP_TIES_N_HOT + k].len);
}

/* Reads the line at @line (in text that ends at @stop); *@next is where the next one starts. */
static gboolean parse_line(Parser *ps, const char *line, const char *stop, const char **next)
{
    WpTiesChunk *c = ps->chunk;
    Slice fields[WP_TIES_N_FIELDS]; /* a side column's is read only when the file has it, and
                                     * then every row sets it */
    for (guint k = 0; k < WP_TIES_N_HOT; k++)
        fields[k] = (Slice){"", 0};
    const char *end = NULL;
    LineKind kind = split_line(ps->job, line, stop, fields, &end, next);
    if (kind == LINE_BLANK || kind == LINE_EMPTY_FIELDS) {
        g_array_append_val(c->gaps, c->n_rows);
        note_event(c, WP_WARNING_BLANK_ROW, ps->line, kind == LINE_BLANK ? "" : ",",
                   kind == LINE_BLANK ? 0 : 1);
        return TRUE;
    }
    if (kind == LINE_GIVE_UP)
        return FALSE;
    /* The line reader trims white space around a field (and calls a line of it blank); a side
     * column's labels are trimmed alike by both. */
    for (guint k = 0; k < WP_TIES_N_HOT; k++)
        if (fields[k].len > 0 &&
            (g_ascii_isspace(fields[k].at[0]) || g_ascii_isspace(fields[k].at[fields[k].len - 1])))
            return FALSE;
    Slice source = fields[WP_TIES_SOURCE], target = fields[WP_TIES_TARGET];
    if (source.len == 0 || target.len == 0)
        return FALSE;
    char buf[WP_TIES_N_HOT][MAX_VALUE];
    const char *cells[WP_TIES_N_HOT] = {NULL};
    for (guint k = WP_TIES_STRENGTH; k < WP_TIES_N_HOT; k++)
        if (k != WP_TIES_TYPE && !value_text(fields[k], buf[k], &cells[k]))
            return FALSE;
    WpTieRow row = WP_TIE_ROW_EMPTY(0);
    WpTiesField bad;
    if (!wp_i_ties_parse_values(ps->job->rule, cells, &row, &bad))
        return FALSE;
    if (c->types != NULL && !parse_types(ps, fields[WP_TIES_TYPE], &row.types))
        return FALSE;
    if (source.len == target.len && memcmp(source.at, target.at, source.len) == 0) {
        c->n_self_loops++; /* dropped before it can create a person */
        g_array_append_val(c->gaps, c->n_rows);
        note_event(c, WP_WARNING_SELF_LOOP, ps->line, source.at, source.len);
        return TRUE;
    }
    if (G_UNLIKELY(row.declared <= 0) && !weight_says(ps, &row, fields, source, target))
        return TRUE; /* no tie */
    if (c->n_rows == c->cap)
        grow_rows(c);
    gsize i = c->n_rows++;
    c->declared[i] = row.declared;
    if (c->types)
        c->types[i] = row.types;
    if (c->last_contact)
        c->last_contact[i] = row.last_contact;
    if (c->interactions)
        c->interactions[i] = row.interactions;
    if (c->directed)
        c->directed[i] = (guint8)row.directed;
    if (G_UNLIKELY(ps->job->has_side))
        store_side(c, fields, i);
    queue_ids(ps, i, source, target);
    return TRUE;
}

/* Reads the lines [@p, @stop); FALSE when one of them is left to the line reader, or another
 * chunk gave up (checked every 4096 lines). */
static gboolean parse_lines(Parser *ps, const char *p, const char *stop)
{
    while (p < stop) {
        if (ps->line % 4096 == 0 && g_atomic_int_get(&ps->job->gave_up))
            return FALSE;
        /* A kilobyte ahead: a fifth of the parse waited for the text's cache lines (perf); 512
         * to 4096 bytes measured alike. */
        __builtin_prefetch(p + 1024);
        if (!parse_line(ps, p, stop, &p))
            return FALSE;
        ps->line++;
    }
    return TRUE;
}

/* About as many rows as @len bytes hold, from the mean length of the first lines of @sample
 * (@sample_len bytes), with a margin: growing copies every array (13M rows cost ~0.2 s that way
 * on the large graph). */
static gsize estimate_rows(const char *sample, gsize sample_len, gsize len)
{
    const char *p = sample, *end = sample + sample_len;
    guint n = 0;
    for (; n < 1024 && p < end; n++) {
        const char *nl = memchr(p, '\n', (gsize)(end - p));
        p = nl ? nl + 1 : end;
    }
    gsize sampled = (gsize)(p - sample);
    if (sampled >= len)
        return n + 16;
    return (gsize)((double)len / (double)MAX(sampled, 1) * n * 1.05) + 1024;
}

static void alloc_rows(WpTiesJob *job, WpTiesChunk *c, gsize rows)
{
    const WpTiesColumns *cols = &job->columns;
    c->cap = rows;
    /* Room for a person per 12 rows (the benchmark's graphs have one per 13): growing the table
     * to a million people re-placed every slot and left 32 MB of smaller tables behind. */
    wp_i_id_index_reserve(&c->index, (guint32)MIN(c->cap / 12, G_MAXUINT32 / 4));
    c->a = wp_i_alloc_large(c->cap, sizeof *c->a);
    c->b = wp_i_alloc_large(c->cap, sizeof *c->b);
    c->declared = wp_i_alloc_large(c->cap, sizeof *c->declared);
    c->types = cols->col[WP_TIES_TYPE] >= 0 ? wp_i_alloc_large(c->cap, sizeof *c->types) : NULL;
    c->last_contact = cols->col[WP_TIES_LAST_CONTACT] >= 0
                          ? wp_i_alloc_large(c->cap, sizeof *c->last_contact)
                          : NULL;
    c->interactions = cols->col[WP_TIES_INTERACTIONS] >= 0
                          ? wp_i_alloc_large(c->cap, sizeof *c->interactions)
                          : NULL;
    c->directed =
        cols->col[WP_TIES_DIRECTED] >= 0 ? wp_i_alloc_large(c->cap, sizeof *c->directed) : NULL;
    for (guint k = 0; k < WP_TIES_N_SIDE; k++)
        if (cols->col[WP_TIES_N_HOT + k] >= 0) {
            c->side[k] = wp_i_alloc_large(c->cap, sizeof *c->side[k]);
            c->labels[k] = wp_i_tie_labels_new();
        }
}

/* Reads exactly @len bytes at @at; FALSE when the file ends first (it was cut meanwhile) or
 * cannot be read, which the job records as a change. */
static gboolean read_at(WpTiesJob *job, char *buf, gsize len, guint64 at)
{
    while (len > 0) {
        ssize_t n = pread(job->text->fd, buf, len, (off_t)at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            g_atomic_int_set(&job->changed, TRUE);
            return FALSE;
        }
        buf += n;
        len -= (gsize)n;
        at += (guint64)n;
    }
    return TRUE;
}

/* Parses a chunk of a file a window at a time. A window's last, unfinished line moves to the
 * front of the buffer and is completed by the next read; the queued ids are interned before
 * the buffer is reused, since they point into it. */
static gboolean parse_file_chunk(Parser *ps, WpTiesChunk *c)
{
    WpTiesJob *job = ps->job;
    /* A window, and more only while a line is longer than what is held. */
    gsize cap = (gsize)MIN((guint64)job->window, c->end - c->begin);
    g_autofree char *buf = g_malloc(cap);
    gsize held = 0;
    gboolean ok = TRUE;
    for (guint64 at = c->begin; ok && at < c->end;) {
        gsize want = (gsize)MIN((guint64)job->window, c->end - at);
        if (held + want > cap) {
            cap = MAX(held + want, cap * 2);
            buf = g_realloc(buf, cap);
        }
        if (!read_at(job, buf + held, want, at))
            return FALSE;
        at += want;
        held += want;
        if (c->cap == 0)
            alloc_rows(job, c, estimate_rows(buf, held, (gsize)(c->end - c->begin)));
        const char *stop = buf + held;
        if (at < c->end) {
            const char *nl = memrchr(buf, '\n', held);
            if (nl == NULL) {
                ok = held < WP_MAX_LINE_BYTES; /* a longer line is the line reader's to refuse */
                continue;
            }
            stop = nl + 1;
        }
        ok = parse_lines(ps, buf, stop);
        drain_queue(ps);
        held -= (gsize)(stop - buf);
        memmove(buf, stop, held);
    }
    if (c->cap == 0)
        alloc_rows(job, c, 16);
    return ok;
}

/* Parses one chunk; on giving up tells the other workers to stop. */
static void parse_chunk(WpTiesJob *job, WpTiesChunk *c)
{
    Parser *ps = g_new0(Parser, 1);
    ps->job = job;
    ps->chunk = c;
    gboolean ok;
    if (job->text->data != NULL) {
        const char *begin = job->text->data + c->begin, *end = job->text->data + c->end;
        alloc_rows(job, c, estimate_rows(begin, (gsize)(end - begin), (gsize)(end - begin)));
        ok = parse_lines(ps, begin, end);
        drain_queue(ps);
    } else {
        ok = parse_file_chunk(ps, c);
    }
    c->n_lines = ps->line;
    /* The merge needs only the ids, in order; the first chunk's table may become the graph's. */
    if (c != &job->chunks[0])
        wp_i_id_index_clear(&c->index);
    g_free(ps);
    if (!ok)
        g_atomic_int_set(&job->gave_up, TRUE);
}

/* ---- the chunks together ---- */

/* Workers take chunks in turn: a chunk's cost depends on more than its size. */
static void run_worker(gsize begin G_GNUC_UNUSED, gsize end G_GNUC_UNUSED, gpointer data)
{
    WpTiesJob *job = data;
    for (;;) {
        guint i = (guint)g_atomic_int_add(&job->next_chunk, 1);
        if (i >= job->n_chunks)
            return;
        job->work(job, &job->chunks[i]);
    }
}

/* Runs @work on every chunk, on the workers; each takes the next chunk not taken yet. */
static void each_chunk(WpTiesJob *job, void (*work)(WpTiesJob *job, WpTiesChunk *chunk))
{
    job->work = work;
    job->next_chunk = 0;
    wp_i_parallel_for(job->n_chunks, 1, run_worker, job);
}

void wp_i_ties_chunk_clear(WpTiesChunk *c)
{
    gpointer arrays[] = {
        c->a,        c->b,    c->declared, c->types,      c->last_contact, c->interactions,
        c->directed, c->keys, c->key_lens, c->key_hashes, c->first_line,   c->to_person};
    for (guint i = 0; i < G_N_ELEMENTS(arrays); i++)
        g_free(arrays[i]);
    for (guint k = 0; k < WP_TIES_N_SIDE; k++) {
        g_free(c->side[k]);
        wp_i_tie_labels_free(c->labels[k]);
    }
    wp_i_id_index_clear(&c->index);
    if (c->key_store)
        g_string_chunk_free(c->key_store);
    for (guint i = 0; c->events && i < c->events->len; i++)
        g_free(g_array_index(c->events, WpTiesEvent, i).text);
    if (c->events)
        g_array_unref(c->events);
    if (c->gaps)
        g_array_unref(c->gaps);
}

static void job_clear(WpTiesJob *job)
{
    for (guint i = 0; i < job->n_chunks; i++)
        wp_i_ties_chunk_clear(&job->chunks[i]);
    g_clear_pointer(&job->chunks, g_free);
}

typedef struct {
    WpTiesJob *job;
    gboolean have;
} HeaderCatch;

static gboolean on_header(const WpCsvRecord *rec, gpointer user_data, GError **error)
{
    HeaderCatch *hc = user_data;
    WpTiesJob *job = hc->job;
    hc->have =
        wp_i_ties_read_header(job->builder, rec, job->origin, &job->columns, &job->sniff, error);
    return hc->have;
}

/* The header line goes through the line reader's own CSV rules (quotes, a BOM, trimming,
 * limits), on a copy of just that line (@data holds the text's first @len bytes). FALSE when
 * anything there is unusual. */
static gboolean read_header(WpTiesJob *job, const char *data, gsize len, guint64 *body_at)
{
    const char *nl = memchr(data, '\n', len);
    gsize n = nl ? (gsize)(nl - data) : len;
    *body_at = nl ? n + 1 : len;
    if (nl == NULL && len < job->text->size)
        return FALSE; /* a header line longer than what was read */
    if (n > 0 && data[n - 1] == '\r')
        n--;
    if (n == 0 || n >= WP_MAX_LINE_BYTES - 1 || memchr(data, '\r', n) || memchr(data, '\0', n))
        return FALSE;
    g_autofree char *text = g_strndup(data, n);
    g_autoptr(WpLineReader) reader = wp_i_lines_new_for_data(text, job->origin);
    HeaderCatch hc = {job, FALSE};
    g_autoptr(GError) error = NULL;
    if (!wp_i_csv_read(reader, on_header, NULL, &hc, &error) || !hc.have)
        return FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(job->field_at); i++)
        job->field_at[i] = -1;
    for (guint k = 0; k < WP_TIES_N_FIELDS; k++)
        if (job->columns.col[k] >= 0)
            job->field_at[job->columns.col[k]] = (gint8)k;
    for (guint k = WP_TIES_N_HOT; k < WP_TIES_N_FIELDS; k++)
        job->has_side |= job->columns.col[k] >= 0;
    return TRUE;
}

/* Where the line holding byte @from ends: just after its '\n', or the text's end. G_MAXUINT64
 * when a file holds no '\n' in the next WP_MAX_LINE_BYTES (the line reader refuses that line)
 * or cannot be read there. */
static guint64 line_end(WpTiesJob *job, guint64 from)
{
    const WpTiesText *t = job->text;
    if (t->data != NULL) {
        const char *nl = memchr(t->data + from, '\n', (gsize)(t->size - from));
        return nl ? (guint64)(nl - t->data) + 1 : t->size;
    }
    char buf[65536];
    for (guint64 at = from; at < t->size && at - from <= WP_MAX_LINE_BYTES;) {
        gsize want = (gsize)MIN((guint64)sizeof buf, t->size - at);
        if (!read_at(job, buf, want, at))
            return G_MAXUINT64;
        const char *nl = memchr(buf, '\n', want);
        if (nl != NULL)
            return at + (guint64)(nl - buf) + 1;
        at += want;
    }
    return from + WP_MAX_LINE_BYTES < t->size ? G_MAXUINT64 : t->size;
}

/* Cuts [@body, text end) into chunks that end just after a '\n' (or at the end). FALSE when a
 * cut falls in a line too long for the chunked reader. */
static gboolean cut_chunks(WpTiesJob *job, guint64 body, const WpTiesReadOptions *options)
{
    guint64 end = job->text->size, len = end - body;
    /* One chunk per worker: every chunk interns nearly every person again (the rows are in no
     * order), so more chunks cost more than the balance they buy (measured on 2 cores). */
    guint64 want = options->chunk_bytes ? options->chunk_bytes
                                        : MAX(len / wp_i_parallel_workers() + 1, 1u << 20);
    want = CLAMP(want, 1, MAX_CHUNK_BYTES / 2);
    job->chunks = g_new0(WpTiesChunk, MIN(len / want + 1, G_MAXINT));
    job->n_chunks = 0;
    /* Each chunk: at least @want bytes, then on to the end of that line. */
    for (guint64 at = body; at < end;) {
        guint64 stop = end - at > want ? line_end(job, at + want - 1) : end;
        if (stop == G_MAXUINT64)
            return FALSE;
        WpTiesChunk *c = &job->chunks[job->n_chunks++];
        c->begin = at;
        c->end = stop;
        at = stop;
        wp_i_id_index_init(&c->index);
        c->key_store = g_string_chunk_new(MIN((gsize)(c->end - c->begin) / 4 + 64, 1u << 20));
        c->events = g_array_new(FALSE, FALSE, sizeof(WpTiesEvent));
        c->gaps = g_array_new(FALSE, FALSE, sizeof(gsize));
    }
    return TRUE;
}

/* The weight sniff's sample of a file: the text after the header up to its WP_SNIFF_ROWS-th
 * line that is not blank (as wp_i_weight_sniff_text() counts them), or all of it. FALSE when
 * the file cannot be read there. */
static gboolean sniff_sample(WpTiesJob *job, guint64 body)
{
    guint64 rest = job->text->size - body;
    if (job->sniff.n == 0 || rest == 0)
        return TRUE;
    for (gsize want = 64u << 10;; want *= 4) {
        gsize n = (gsize)MIN((guint64)want, rest);
        g_autofree char *text = g_malloc(n);
        if (!read_at(job, text, n, body))
            return FALSE;
        guint records = 0;
        for (const char *p = text, *end = text + n; p < end && records < WP_SNIFF_ROWS;) {
            const char *nl = memchr(p, '\n', (gsize)(end - p));
            if (nl == NULL)
                break;
            for (const char *q = p; q < nl; q++)
                if (*q != ',' && *q != ' ' && *q != '\t' && *q != '\r') {
                    records++;
                    break;
                }
            p = nl + 1;
        }
        if (records >= WP_SNIFF_ROWS || n == rest) {
            wp_i_weight_sniff_text(&job->sniff, text, text + n, job->origin);
            return TRUE;
        }
    }
}

/* The header and the chunks; FALSE (with *@gave_up) when the chunked reader cannot read it. */
static gboolean start_job(WpTiesJob *job, const WpTiesReadOptions *options)
{
    const WpTiesText *t = job->text;
    guint64 body = 0;
    if (t->data != NULL) {
        if (!read_header(job, t->data, (gsize)t->size, &body))
            return FALSE;
        wp_i_weight_sniff_text(&job->sniff, t->data + body, t->data + t->size, job->origin);
        return cut_chunks(job, body, options);
    }
    gsize len = (gsize)MIN(t->size, (guint64)WP_MAX_LINE_BYTES + 1);
    g_autofree char *head = g_malloc(len);
    return read_at(job, head, len, 0) && read_header(job, head, len, &body) &&
           sniff_sample(job, body) && cut_chunks(job, body, options);
}

gboolean wp_i_read_ties_chunked(WpGraphBuilder *builder, const WpTiesText *text, const char *origin,
                                const WpTiesReadOptions *options, gboolean *gave_up, GError **error)
{
    WpTiesJob job = {
        .builder = builder, .text = text, .origin = origin, .rule = wp_i_builder_weights(builder)};
    job.window = options->window_bytes ? options->window_bytes : DEFAULT_WINDOW;
    *gave_up = TRUE;
    if (text->size == 0 || (wp_i_builder_flags(builder) & WP_LOAD_STRICT))
        return TRUE;
    gboolean started = start_job(&job, options);
    if (started)
        each_chunk(&job, parse_chunk);
    if (job.changed) {
        job_clear(&job);
        return wp_i_input_changed(origin, error);
    }
    if (!started || job.gave_up) {
        job_clear(&job);
        return TRUE;
    }
    *gave_up = FALSE;
    gboolean ok = wp_i_ties_chunks_merge(&job, error);
    job_clear(&job);
    return ok;
}
