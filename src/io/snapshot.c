/* SPDX-License-Identifier: MIT */
/* The compiled network: the graph's flat arrays written as tagged sections, so a large network
 * loads at the speed of reading a file instead of parsing CSV (README "Performance").
 *
 * File: "WPSNAP" magic, format version, byte-order mark, a checksum of the rest, then sections
 * {u32 tag, u32 item size, u64 count, data padded to 8}. The file is mapped and the graph
 * borrows its arrays, so it is trusted only after every check: the file is a regular file owned
 * by the user and writable by no one else (a cache directory is a place others may reach), the
 * checksum holds (a flipped bit changes no answer), and every index is checked against the
 * sizes before use. Anything else is refused and the caller parses the CSV instead.
 *
 * Version 3 added the side columns of tie-columns.h (origin) and a digest of their table: a
 * version 2 file, or one written under another table of columns, is refused like a damaged one,
 * so it is rebuilt from the CSV and replaced, never read without its origins. New sections take
 * tags after SEC_END, so the tags of older sections keep their numbers.
 *
 * The checksum is XXH3 over 1 MiB blocks, then over the blocks' hashes, so that checking it runs
 * on every core. g_checksum() was the alternative: on the medium preset's 55 MB snapshot SHA-1
 * took 94-406 ms and MD5 120-241 ms, against 3.5-6.4 ms for XXH3 and a cold load of ~90 ms. */
#define _GNU_SOURCE /* struct stat's st_mtim, O_NOFOLLOW */

#include "core/parallel.h"
#include "core/tie-labels.h"
#include "io/atomic-file.h"
#include "io/snapshot-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#define MAGIC "WPSNAP\0\0"
#define VERSION WP_I_SNAPSHOT_VERSION
#define BYTE_ORDER_MARK 0x01020304u
#define NONE_OFFSET G_MAXUINT32
#define CHECKSUM_AT 16         /* the u64 checksum's offset */
#define HEADER_BYTES 24        /* what the checksum leaves out: magic, version, mark, checksum */
#define BLOCK ((gsize)1 << 20) /* hashed on its own */

enum {
    SEC_SOURCES = 1, /* u64[12]: WpSourceStamp (ties, then people); flags; the digest of the
                      * other load options (wp_i_load_spec_key()) */
    SEC_COUNTS,      /* u64[4]: n_people, n_listed, n_ties, n_rows */
    SEC_IDS,         /* u32 offset per person into SEC_STRINGS */
    SEC_STRINGS,     /* NUL-terminated strings */
    SEC_COLUMNS,     /* u32 offset per column name */
    SEC_VALUES,      /* u32 offset per (column, listed person), NONE_OFFSET = empty */
    SEC_TEAM,        /* u32 offset per person, NONE_OFFSET = not a seller */
    SEC_COMPANY_SIZE,
    SEC_TIE_SOURCE,
    SEC_TIE_TARGET,
    SEC_TIE_DECLARED,
    SEC_TIE_TYPES,
    SEC_TIE_LAST_CONTACT,
    SEC_TIE_INTERACTIONS,
    SEC_TIE_ROWS,
    SEC_TIE_DIRECTED,
    SEC_OUT_OFFSETS,
    SEC_OUT_ARCS,
    SEC_IN_OFFSETS,
    SEC_IN_ARCS,
    SEC_WARNING_COUNTS,
    SEC_WARNING_EXAMPLES, /* u32 (kind << 24 | index) offset pairs: kind, offset into STRINGS */
    SEC_END,              /* the last section header; the tags above are version 2's, kept */
    SEC_TIE_COLUMNS,      /* u64: wp_i_tie_columns_digest() of the tie columns written */
    SEC_SIDE,             /* side column k of tie-columns.h: four sections from SEC_SIDE + 4k */
    SEC_N_TAGS = SEC_SIDE + 4 * WP_TIES_N_SIDE,
};

/* The sections of a side column (tie-labels.h), after its first. */
enum {
    SIDE_TIE_SET, /* u32 per tie: its set */
    SIDE_LABELS,  /* u32 offset into STRINGS per label */
    SIDE_SET_AT,  /* u32 per set + 1 */
    SIDE_MEMBERS, /* u32 label numbers */
    SIDE_N_SECTIONS
};
G_STATIC_ASSERT(SIDE_N_SECTIONS == 4); /* as SEC_N_TAGS counts them */

typedef struct {
    guint32 tag;
    guint32 item;
    guint64 count;
} SectionHeader;

/* ---- writing ---- */

/* Interns strings for the file: offset by content, so repeated values are stored once. */
typedef struct {
    GString *bytes;
    GHashTable *offsets; /* string (borrowed from the graph) -> offset + 1 */
} StringTable;

static guint32 intern(StringTable *st, const char *s)
{
    if (s == NULL)
        return NONE_OFFSET;
    gpointer found = g_hash_table_lookup(st->offsets, s);
    if (found != NULL)
        return GPOINTER_TO_UINT(found) - 1;
    guint32 at = (guint32)st->bytes->len;
    g_string_append_len(st->bytes, s, (gssize)strlen(s) + 1);
    g_hash_table_insert(st->offsets, (gpointer)s, GUINT_TO_POINTER(at + 1));
    return at;
}

/* The file being written: a buffer for the small writes, and the running block hashes. */
typedef struct {
    WpAtomicFile *file;
    GByteArray *pending;  /* not yet written */
    XXH3_state_t *block;  /* the current block's hash so far */
    gsize block_fill;     /* bytes in it */
    GArray *block_hashes; /* guint64 per finished block */
} Writer;

static void hash_bytes(Writer *w, const guint8 *p, gsize len)
{
    while (len > 0) {
        gsize take = MIN(len, BLOCK - w->block_fill);
        XXH3_64bits_update(w->block, p, take);
        w->block_fill += take;
        p += take;
        len -= take;
        if (w->block_fill == BLOCK) {
            guint64 h = XXH3_64bits_digest(w->block);
            g_array_append_val(w->block_hashes, h);
            XXH3_64bits_reset(w->block);
            w->block_fill = 0;
        }
    }
}

static gboolean flush(Writer *w, GError **error)
{
    gboolean ok = wp_i_atomic_write(w->file, w->pending->data, w->pending->len, error);
    g_byte_array_set_size(w->pending, 0);
    return ok;
}

/* Appends @len bytes: small ones through the buffer, large arrays straight to the file. */
static gboolean append(Writer *w, const void *data, gsize len, GError **error)
{
    hash_bytes(w, data, len);
    if (w->pending->len + len <= BLOCK) {
        g_byte_array_append(w->pending, data, (guint)len);
        return TRUE;
    }
    return flush(w, error) && wp_i_atomic_write(w->file, data, len, error);
}

static gboolean put(Writer *w, guint32 tag, guint32 item, guint64 count, const void *data,
                    GError **error)
{
    static const char zeros[8] = {0};
    SectionHeader h = {tag, item, count};
    gsize len = (gsize)(item * count);
    return append(w, &h, sizeof h, error) && (len == 0 || append(w, data, len, error)) &&
           append(w, zeros, (8 - len % 8) % 8, error);
}

/* The checksum of everything after the header: the hash of the blocks' hashes. */
static guint64 finish_checksum(Writer *w)
{
    if (w->block_fill > 0) {
        guint64 h = XXH3_64bits_digest(w->block);
        g_array_append_val(w->block_hashes, h);
    }
    return XXH3_64bits(w->block_hashes->data, w->block_hashes->len * sizeof(guint64));
}

static gboolean write_people(Writer *out, const WpGraph *g, StringTable *st, GError **error)
{
    g_autofree guint32 *ids = g_new(guint32, MAX(g->n_people, 1));
    for (WpPerson p = 0; p < g->n_people; p++)
        ids[p] = intern(st, g->ids->pdata[p]);
    g_autofree guint32 *names = g_new(guint32, MAX(g->n_columns, 1));
    gsize n_values = (gsize)g->n_columns * g->n_listed;
    g_autofree guint32 *values = g_new(guint32, MAX(n_values, 1));
    for (guint c = 0; c < g->n_columns; c++) {
        WpColumn *col = g->columns->pdata[c];
        names[c] = intern(st, col->name);
        for (guint p = 0; p < g->n_listed; p++)
            values[(gsize)c * g->n_listed + p] = intern(st, wp_i_column_value(col, p));
    }
    if (!put(out, SEC_IDS, 4, g->n_people, ids, error) ||
        !put(out, SEC_COLUMNS, 4, g->n_columns, names, error) ||
        !put(out, SEC_VALUES, 4, n_values, values, error))
        return FALSE;
    if (g->team != NULL) {
        g_autofree guint32 *team = g_new(guint32, MAX(g->n_people, 1));
        for (WpPerson p = 0; p < g->n_people; p++)
            team[p] = intern(st, g->team[p]);
        if (!put(out, SEC_TEAM, 4, g->n_people, team, error))
            return FALSE;
    }
    return g->company_size == NULL ||
           put(out, SEC_COMPANY_SIZE, 8, g->n_people, g->company_size, error);
}

static gboolean write_warnings(Writer *out, const WpGraph *g, StringTable *st, GError **error)
{
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(guint32));
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++)
        for (guint i = 0; i < g->warning_examples[k]->len; i++) {
            guint32 at = intern(st, g->warning_examples[k]->pdata[i]);
            g_array_append_val(pairs, k);
            g_array_append_val(pairs, at);
        }
    return put(out, SEC_WARNING_COUNTS, 8, WP_WARNING_N_KINDS, g->warning_counts, error) &&
           put(out, SEC_WARNING_EXAMPLES, 4, pairs->len, pairs->data, error);
}

/* The side columns the graph has: each its tie sets, its labels and its sets. */
static gboolean write_side(Writer *out, const WpGraph *g, StringTable *st, GError **error)
{
    for (guint k = 0; k < WP_TIES_N_SIDE; k++) {
        const WpTieLabels *l = g->tie_labels[k];
        if (l == NULL)
            continue;
        g_autofree guint32 *labels = g_new(guint32, MAX(l->n_labels, 1));
        for (guint32 i = 0; i < l->n_labels; i++)
            labels[i] = intern(st, l->strings + l->label_at[i]);
        guint32 tag = SEC_SIDE + SIDE_N_SECTIONS * k;
        if (!put(out, tag + SIDE_TIE_SET, 4, g->n_ties, l->tie_set, error) ||
            !put(out, tag + SIDE_LABELS, 4, l->n_labels, labels, error) ||
            !put(out, tag + SIDE_SET_AT, 4, (guint64)l->n_sets + 1, l->set_at, error) ||
            !put(out, tag + SIDE_MEMBERS, 4, l->set_at[l->n_sets], l->members, error))
            return FALSE;
    }
    guint64 digest = wp_i_tie_columns_digest();
    return put(out, SEC_TIE_COLUMNS, 8, 1, &digest, error);
}

static gboolean write_ties(Writer *out, const WpGraph *g, GError **error)
{
    guint64 n = g->n_ties, arcs = g->out_offsets[g->n_people];
    gboolean ok = put(out, SEC_TIE_SOURCE, 4, n, g->tie_source, error) &&
                  put(out, SEC_TIE_TARGET, 4, n, g->tie_target, error) &&
                  put(out, SEC_TIE_DECLARED, 8, n, g->tie_declared, error) &&
                  put(out, SEC_TIE_ROWS, 4, n, g->tie_rows, error) &&
                  (!g->tie_types || put(out, SEC_TIE_TYPES, 2, n, g->tie_types, error)) &&
                  (!g->tie_last_contact ||
                   put(out, SEC_TIE_LAST_CONTACT, 4, n, g->tie_last_contact, error)) &&
                  (!g->tie_interactions ||
                   put(out, SEC_TIE_INTERACTIONS, 4, n, g->tie_interactions, error)) &&
                  (!g->tie_directed || put(out, SEC_TIE_DIRECTED, 1, n, g->tie_directed, error)) &&
                  put(out, SEC_OUT_OFFSETS, 4, (guint64)g->n_people + 1, g->out_offsets, error) &&
                  put(out, SEC_OUT_ARCS, sizeof(WpArc), arcs, g->out_arcs, error);
    if (ok && !g->in_is_out)
        ok = put(out, SEC_IN_OFFSETS, 4, (guint64)g->n_people + 1, g->in_offsets, error) &&
             put(out, SEC_IN_ARCS, sizeof(WpArc), g->in_offsets[g->n_people], g->in_arcs, error);
    return ok;
}

/* The sources section: @stamp, then the load options. */
static void sources_of(const WpLoadSpec *spec, const WpSourceStamp *stamp, guint64 out[12])
{
    G_STATIC_ASSERT(sizeof(WpSourceStamp) == 10 * sizeof(guint64));
    memcpy(out, stamp, sizeof *stamp);
    out[10] = spec->flags;
    out[11] = wp_i_load_spec_key(spec);
}

static gboolean write_all(Writer *w, const WpGraph *g, const WpLoadSpec *spec,
                          const WpSourceStamp *stamp, GError **error)
{
    StringTable st = {g_string_new(NULL), g_hash_table_new(g_str_hash, g_str_equal)};
    guint64 sources[12], counts[4] = {g->n_people, g->n_listed, g->n_ties, g->n_rows};
    sources_of(spec, stamp, sources);
    guint32 head[2] = {VERSION, BYTE_ORDER_MARK};
    guint64 checksum = 0; /* written last, when known */
    gboolean ok = wp_i_atomic_write(w->file, MAGIC, 8, error) &&
                  wp_i_atomic_write(w->file, head, sizeof head, error) &&
                  wp_i_atomic_write(w->file, &checksum, sizeof checksum, error) &&
                  put(w, SEC_SOURCES, 8, 12, sources, error) &&
                  put(w, SEC_COUNTS, 8, 4, counts, error) && write_people(w, g, &st, error) &&
                  write_warnings(w, g, &st, error) && write_ties(w, g, error) &&
                  write_side(w, g, &st, error) &&
                  put(w, SEC_STRINGS, 1, st.bytes->len, st.bytes->str, error) &&
                  put(w, SEC_END, 1, 0, NULL, error) && flush(w, error);
    g_string_free(st.bytes, TRUE);
    g_hash_table_unref(st.offsets);
    if (!ok)
        return FALSE;
    checksum = finish_checksum(w);
    if (pwrite(wp_i_atomic_fd(w->file), &checksum, sizeof checksum, CHECKSUM_AT) !=
        (ssize_t)sizeof checksum)
        return wp_i_file_error(error, errno, "write", wp_i_atomic_target_name(w->file));
    return TRUE;
}

/* A cache: written privately (0600) to a temporary that is renamed into place, so a reader
 * never maps half a file; not fsynced (the checksum refuses a file torn by a crash). Any
 * failure (a full disk) removes the temporary. */
gboolean wp_i_snapshot_save(const WpGraph *g, const WpLoadSpec *spec, const WpSourceStamp *stamp,
                            const char *filename, GError **error)
{
    g_autoptr(WpAtomicFile) file = wp_i_atomic_open(
        filename, WP_ATOMIC_NO_SYNC | WP_ATOMIC_PRIVATE | WP_ATOMIC_REGULAR_ONLY, error);
    if (file == NULL)
        return FALSE;
    Writer w = {file, g_byte_array_sized_new(BLOCK), XXH3_createState(), 0,
                g_array_new(FALSE, FALSE, sizeof(guint64))};
    XXH3_64bits_reset(w.block);
    gboolean ok = write_all(&w, g, spec, stamp, error) && wp_i_atomic_commit(file, error);
    g_byte_array_unref(w.pending);
    XXH3_freeState(w.block);
    g_array_unref(w.block_hashes);
    return ok;
}

/* ---- reading ---- */

typedef struct {
    const void *data; /* inside the mapping */
    guint32 item;
    guint64 count;
} Section;

typedef struct {
    Section sec[SEC_N_TAGS];
    GMappedFile *mapping;
    char *origin;
} Sections;

static void sections_clear(Sections *s)
{
    if (s->mapping)
        g_mapped_file_unref(s->mapping);
    g_free(s->origin);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Sections, sections_clear)

static gboolean damaged(const Sections *s, const char *what, GError **error)
{
    g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: not a usable warmpath snapshot (%s)",
                s->origin, what);
    return FALSE;
}

/* Indexes the sections of the mapped file; every section must lie inside it, 8-aligned. */
static gboolean read_sections(const char *base, gsize size, Sections *s, GError **error)
{
    for (gsize at = HEADER_BYTES;;) {
        SectionHeader h;
        if (size - at < sizeof h)
            return damaged(s, "truncated", error);
        memcpy(&h, base + at, sizeof h);
        at += sizeof h;
        if (h.tag == 0 || h.tag >= SEC_N_TAGS || h.item == 0 || h.item > 16)
            return damaged(s, "bad section header", error);
        if (h.tag == SEC_END)
            return TRUE;
        if (h.count > (size - at) / h.item || s->sec[h.tag].data != NULL)
            return damaged(s, "section larger than the file, or repeated", error);
        gsize len = (gsize)(h.count * h.item), padded = len + (8 - len % 8) % 8;
        if (padded > size - at)
            return damaged(s, "truncated", error);
        s->sec[h.tag] = (Section){base + at, h.item, h.count};
        at += padded;
    }
}

/* Points @out at section @tag's data when it holds exactly @count items of @item bytes. The
 * graph then borrows it from the mapping (it never writes these arrays). */
static gboolean take(Sections *s, guint tag, guint32 item, guint64 count, gboolean optional,
                     void *out, GError **error)
{
    Section *sec = &s->sec[tag];
    *(void **)out = NULL;
    if (sec->data == NULL && optional)
        return TRUE;
    if (sec->data == NULL || sec->item != item || sec->count != count)
        return damaged(s, "a section has the wrong size", error);
    *(const void **)out = sec->data;
    return TRUE;
}

/* A string at @offset inside the string section (which ends with a NUL), or NULL for none. */
static gboolean string_at(const Sections *s, guint32 offset, const char **out)
{
    const Section *strings = &s->sec[SEC_STRINGS];
    if (offset == NONE_OFFSET) {
        *out = NULL;
        return TRUE;
    }
    /* A whole entry, not the middle of one (which could start inside a UTF-8 sequence). */
    if (offset >= strings->count || (offset > 0 && ((const char *)strings->data)[offset - 1]))
        return FALSE;
    *out = (const char *)strings->data + offset;
    return TRUE;
}

/* Every string of the NUL-terminated table is UTF-8, as the CSV readers guarantee: output code
 * relies on it (found by fuzz-snapshot). */
static gboolean strings_valid(const Section *strings)
{
    const char *p = strings->data, *end = p + strings->count;
    while (p < end) {
        gsize n = strlen(p);
        if (!g_utf8_validate_len(p, n, NULL))
            return FALSE;
        p += n + 1;
    }
    return TRUE;
}

/* Offsets into the string table checked on all cores: ids (non-empty, with their lengths and
 * hashes) or attribute values (possibly empty). */
typedef struct {
    const Sections *s;
    const guint32 *offsets;
    guint32 *lens, *hashes; /* ids: per person; NULL for values */
    gint bad;               /* set (atomically) by any part that finds a fault */
} OffsetCheck;

static void check_offsets(gsize begin, gsize end, gpointer data)
{
    OffsetCheck *c = data;
    for (gsize i = begin; i < end; i++) {
        const char *v = NULL;
        if (!string_at(c->s, c->offsets[i], &v) || (c->hashes && (v == NULL || v[0] == '\0'))) {
            g_atomic_int_set(&c->bad, 1);
            return;
        }
        if (c->hashes) {
            c->lens[i] = (guint32)strlen(v); /* the string table is far below 4 GiB per entry */
            c->hashes[i] = wp_i_id_hash(v, c->lens[i]);
        }
    }
}

static gboolean offsets_valid(const Sections *s, const guint32 *offsets, gsize n, guint32 *lens,
                              guint32 *hashes)
{
    OffsetCheck check = {s, offsets, lens, hashes, 0};
    wp_i_parallel_for(n, 1 << 16, check_offsets, &check);
    return !g_atomic_int_get(&check.bad);
}

/* The id index, rebuilt (refusing a repeated id) with each lookup's slot prefetched ahead. */
static gboolean index_ids(WpGraph *g, const guint32 *lens, const guint32 *hashes)
{
    const char *const *ids = (const char *const *)g->ids->pdata;
    wp_i_id_index_reserve(&g->id_index, g->n_people);
    for (WpPerson p = 0; p < g->n_people; p++) {
        if (p + 16 < g->n_people)
            wp_i_id_index_prefetch(&g->id_index, hashes[p + 16]);
        if (wp_i_id_index_lookup(&g->id_index, ids, ids[p], lens[p], hashes[p]) != G_MAXUINT32)
            return FALSE;
        wp_i_id_index_insert(&g->id_index, p, ids[p], lens[p], hashes[p]);
    }
    return TRUE;
}

static gboolean read_people(Sections *s, WpGraph *g, GError **error)
{
    const Section *strings = &s->sec[SEC_STRINGS];
    if (strings->data == NULL ||
        (strings->count > 0 && ((char *)strings->data)[strings->count - 1] != '\0') ||
        !strings_valid(strings))
        return damaged(s, "string table", error);
    const guint32 *ids = NULL, *names = NULL, *values = NULL, *team = NULL;
    if (!take(s, SEC_IDS, 4, g->n_people, FALSE, &ids, error) ||
        !take(s, SEC_COLUMNS, 4, s->sec[SEC_COLUMNS].count, FALSE, &names, error) ||
        !take(s, SEC_VALUES, 4, s->sec[SEC_COLUMNS].count * g->n_listed, FALSE, &values, error) ||
        !take(s, SEC_TEAM, 4, g->n_people, TRUE, &team, error) ||
        !take(s, SEC_COMPANY_SIZE, 8, g->n_people, TRUE, &g->company_size, error))
        return FALSE;
    g_autofree guint32 *lens = g_new(guint32, MAX(g->n_people, 1));
    g_autofree guint32 *hashes = g_new(guint32, MAX(g->n_people, 1));
    if (!offsets_valid(s, ids, g->n_people, lens, hashes))
        return damaged(s, "person id", error);
    g_ptr_array_set_size(g->ids, g->n_people);
    for (WpPerson p = 0; p < g->n_people; p++)
        g->ids->pdata[p] = (char *)strings->data + ids[p];
    if (!index_ids(g, lens, hashes))
        return damaged(s, "repeated person id", error);
    g->n_columns = (guint)s->sec[SEC_COLUMNS].count;
    if (!offsets_valid(s, values, (gsize)g->n_columns * g->n_listed, NULL, NULL))
        return damaged(s, "attribute value", error);
    g->column_names = g_new0(const char *, g->n_columns + 1);
    for (guint c = 0; c < g->n_columns; c++) {
        WpColumn *col = g_new0(WpColumn, 1);
        const char *name = NULL;
        g_ptr_array_add(g->columns, col);
        if (!string_at(s, names[c], &name) || name == NULL)
            return damaged(s, "column name", error);
        col->name = g_strdup(name);
        g->column_names[c] = col->name;
        /* The values stay in the mapping; the first column is the ids. */
        col->offsets = c == 0 ? ids : values + (gsize)c * g->n_listed;
        col->strings = strings->data;
    }
    if (team != NULL) {
        g->team = g_new(const char *, MAX(g->n_people, 1));
        for (WpPerson p = 0; p < g->n_people; p++)
            if (!string_at(s, team[p], &g->team[p]))
                return damaged(s, "team", error);
    }
    return TRUE;
}

/* A well-mixed 64-bit hash of one direction of a tie (splitmix64's finaliser). */
static guint64 direction_hash(WpTie tie, WpPerson tail, WpPerson head)
{
    guint64 x =
        ((guint64)tie << 32 | tail) * 0x9e3779b97f4a7c15u ^ (guint64)head * 0xc2b2ae3d27d4eb4fu;
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9u;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

typedef struct {
    const WpGraph *graph;
    const guint32 *offsets;
    const WpArc *arcs;
    gboolean out; /* out-arcs: p -> head; in-arcs: head -> p */
    gint bad;     /* set (atomically) by any chunk that finds a fault */
    GMutex lock;
    guint64 arc_sum, tie_sum; /* sums of direction hashes, under lock */
} ArcCheck;

/* Bounds and order of each person's arcs, and the sum of their direction hashes: all read front
 * to back. */
static void check_arcs(gsize begin, gsize end, gpointer data)
{
    ArcCheck *c = data;
    const WpGraph *g = c->graph;
    guint64 sum = 0;
    for (WpPerson p = (WpPerson)begin; p < end; p++)
        for (guint32 i = c->offsets[p]; i < c->offsets[p + 1]; i++) {
            WpArc a = c->arcs[i];
            if (a.head >= g->n_people || a.tie >= g->n_ties ||
                (i > c->offsets[p] && c->arcs[i - 1].head >= a.head)) {
                g_atomic_int_set(&c->bad, 1);
                return;
            }
            sum += c->out ? direction_hash(a.tie, p, a.head) : direction_hash(a.tie, a.head, p);
        }
    g_mutex_lock(&c->lock);
    c->arc_sum += sum;
    g_mutex_unlock(&c->lock);
}

/* The sum the arcs must give: each tie's directions a request can follow. */
static void sum_ties(gsize begin, gsize end, gpointer data)
{
    ArcCheck *c = data;
    const WpGraph *g = c->graph;
    guint64 sum = 0;
    for (WpTie t = (WpTie)begin; t < end; t++) {
        sum += direction_hash(t, g->tie_source[t], g->tie_target[t]);
        if (!(g->tie_directed && g->tie_directed[t]))
            sum += direction_hash(t, g->tie_target[t], g->tie_source[t]);
    }
    g_mutex_lock(&c->lock);
    c->tie_sum += sum;
    g_mutex_unlock(&c->lock);
}

static gboolean read_arcs(Sections *s, WpGraph *g, guint off_tag, guint arcs_tag, guint32 **offsets,
                          WpArc **arcs, GError **error)
{
    if (!take(s, off_tag, 4, (guint64)g->n_people + 1, FALSE, offsets, error))
        return FALSE;
    guint32 *o = *offsets;
    if (o[0] != 0)
        return damaged(s, "adjacency", error);
    for (WpPerson p = 0; p < g->n_people; p++)
        if (o[p + 1] < o[p])
            return damaged(s, "adjacency", error);
    if (!take(s, arcs_tag, sizeof(WpArc), o[g->n_people], FALSE, arcs, error))
        return FALSE;
    /* As build_arcs() makes them (found by fuzz-snapshot): each person's arcs sorted by head
     * without repeats (wp_graph_find_tie() bisects), and the arcs exactly the directions the
     * ties allow, each once. The last is checked as equal counts and equal sums of direction
     * hashes over arcs and over ties, which damage leaves equal with probability ~2^-64: a check
     * per arc against its tie read the ties at random and took ~40 % of a cold `path` command
     * on a million people. */
    guint64 expected = 0;
    for (WpTie t = 0; t < g->n_ties; t++)
        expected += g->tie_directed && g->tie_directed[t] ? 1 : 2;
    if (expected != o[g->n_people])
        return damaged(s, "adjacency", error);
    ArcCheck check = {g, o, *arcs, arcs_tag == SEC_OUT_ARCS, 0, {0}, 0, 0};
    g_mutex_init(&check.lock);
    wp_i_parallel_for(g->n_people, 1 << 14, check_arcs, &check);
    wp_i_parallel_for(g->n_ties, 1 << 16, sum_ties, &check);
    g_mutex_clear(&check.lock);
    if (g_atomic_int_get(&check.bad) || check.arc_sum != check.tie_sum)
        return damaged(s, "adjacency", error);
    return TRUE;
}

static gboolean read_ties(Sections *s, WpGraph *g, GError **error)
{
    guint64 n = g->n_ties;
    if (!take(s, SEC_TIE_SOURCE, 4, n, FALSE, &g->tie_source, error) ||
        !take(s, SEC_TIE_TARGET, 4, n, FALSE, &g->tie_target, error) ||
        !take(s, SEC_TIE_DECLARED, 8, n, FALSE, &g->tie_declared, error) ||
        !take(s, SEC_TIE_ROWS, 4, n, FALSE, &g->tie_rows, error) ||
        !take(s, SEC_TIE_TYPES, 2, n, TRUE, &g->tie_types, error) ||
        !take(s, SEC_TIE_LAST_CONTACT, 4, n, TRUE, &g->tie_last_contact, error) ||
        !take(s, SEC_TIE_INTERACTIONS, 4, n, TRUE, &g->tie_interactions, error) ||
        !take(s, SEC_TIE_DIRECTED, 1, n, TRUE, &g->tie_directed, error))
        return FALSE;
    /* Values as the CSV readers would have accepted them: a search must never meet a strength
     * outside (0, 1] (a negative cost) or a type bit the model has no prior for. */
    WpDay first_day = 0, last_day = 0;
    wp_day_parse("1900-01-01", &first_day);
    wp_day_parse("2999-12-31", &last_day);
    for (WpTie t = 0; t < g->n_ties; t++) {
        double d = g->tie_declared[t];
        WpDay day = g->tie_last_contact ? g->tie_last_contact[t] : WP_DAY_NONE;
        if (g->tie_source[t] >= g->n_people || g->tie_target[t] >= g->n_people ||
            g->tie_source[t] == g->tie_target[t] || !(isnan(d) || (d > 0 && d <= 1)) ||
            (g->tie_types && g->tie_types[t] >> WP_TIE_N_TYPES) ||
            (g->tie_interactions && g->tie_interactions[t] < -1) ||
            (day != WP_DAY_NONE && (day < first_day || day > last_day)) ||
            (g->tie_directed && g->tie_directed[t] > 1) || g->tie_rows[t] == 0)
            return damaged(s, "tie values", error);
    }
    if (!read_arcs(s, g, SEC_OUT_OFFSETS, SEC_OUT_ARCS, &g->out_offsets, &g->out_arcs, error))
        return FALSE;
    g->in_is_out = s->sec[SEC_IN_OFFSETS].data == NULL;
    for (WpTie t = 0; g->in_is_out && g->tie_directed && t < g->n_ties; t++)
        if (g->tie_directed[t])
            return damaged(s, "adjacency", error); /* directed ties need their own in-arcs */
    if (g->in_is_out) {
        g->in_offsets = g->out_offsets;
        g->in_arcs = g->out_arcs;
        return TRUE;
    }
    return read_arcs(s, g, SEC_IN_OFFSETS, SEC_IN_ARCS, &g->in_offsets, &g->in_arcs, error);
}

static gboolean label_as_read(const char *label)
{
    gsize len = label ? strlen(label) : 0;
    return len > 0 && strchr(label, ';') == NULL && !g_ascii_isspace(label[0]) &&
           !g_ascii_isspace(label[len - 1]);
}

/* The side columns, made under this very table of columns; each of its label offsets a whole
 * string (valid UTF-8, as every string is checked), its sets as the readers build them. */
static gboolean read_side(Sections *s, WpGraph *g, GError **error)
{
    const guint64 *digest = NULL;
    if (!take(s, SEC_TIE_COLUMNS, 8, 1, FALSE, &digest, error))
        return FALSE;
    if (*digest != wp_i_tie_columns_digest())
        return damaged(s, "made for other tie columns", error);
    for (guint k = 0; k < WP_TIES_N_SIDE; k++) {
        guint32 tag = SEC_SIDE + SIDE_N_SECTIONS * k;
        const guint32 *tie_set = NULL, *labels = NULL, *set_at = NULL, *members = NULL;
        const Section *label_sec = &s->sec[tag + SIDE_LABELS],
                      *set_sec = &s->sec[tag + SIDE_SET_AT];
        if (!take(s, tag + SIDE_TIE_SET, 4, g->n_ties, TRUE, &tie_set, error))
            return FALSE;
        if (tie_set == NULL)
            continue;
        if (label_sec->count >= G_MAXUINT32 || set_sec->count < 2 || set_sec->count > G_MAXUINT32)
            return damaged(s, "side column", error);
        guint32 n_labels = (guint32)label_sec->count, n_sets = (guint32)set_sec->count - 1;
        if (!take(s, tag + SIDE_LABELS, 4, n_labels, FALSE, &labels, error) ||
            !take(s, tag + SIDE_SET_AT, 4, (guint64)n_sets + 1, FALSE, &set_at, error) ||
            !take(s, tag + SIDE_MEMBERS, 4, s->sec[tag + SIDE_MEMBERS].count, FALSE, &members,
                  error))
            return FALSE;
        /* Labels as the readers make them (tie-labels.h): trimmed, not empty, no ';', each once. */
        g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint32 i = 0; i < n_labels; i++) {
            const char *label = NULL;
            if (!string_at(s, labels[i], &label) || !label_as_read(label) ||
                !g_hash_table_add(seen, (gpointer)label))
                return damaged(s, "side column", error);
        }
        if (!wp_i_tie_labels_valid(n_labels, n_sets, set_at, s->sec[tag + SIDE_MEMBERS].count,
                                   members, g->n_ties, tie_set))
            return damaged(s, "side column", error);
        g->tie_labels[k] = wp_i_tie_labels_new_mapped(n_labels, s->sec[SEC_STRINGS].data, labels,
                                                      n_sets, set_at, members, tie_set);
    }
    return TRUE;
}

static gboolean read_warnings(Sections *s, WpGraph *g, GError **error)
{
    const guint64 *counts = NULL;
    const guint32 *pairs = NULL;
    if (!take(s, SEC_WARNING_COUNTS, 8, WP_WARNING_N_KINDS, FALSE, &counts, error) ||
        !take(s, SEC_WARNING_EXAMPLES, 4, s->sec[SEC_WARNING_EXAMPLES].count, FALSE, &pairs, error))
        return FALSE;
    memcpy(g->warning_counts, counts, sizeof g->warning_counts);
    for (guint64 i = 0; i + 1 < s->sec[SEC_WARNING_EXAMPLES].count; i += 2) {
        const char *text = NULL;
        if (pairs[i] >= WP_WARNING_N_KINDS || !string_at(s, pairs[i + 1], &text) || !text)
            return damaged(s, "warnings", error);
        g_ptr_array_add(g->warning_examples[pairs[i]], g_strdup(text));
    }
    return TRUE;
}

/* ---- trust ---- */

typedef struct {
    const guint8 *data;
    gsize size;
    guint64 *hashes;
} BlockHashes;

static void hash_blocks(gsize begin, gsize end, gpointer user_data)
{
    BlockHashes *b = user_data;
    for (gsize i = begin; i < end; i++)
        b->hashes[i] = XXH3_64bits(b->data + i * BLOCK, MIN(BLOCK, b->size - i * BLOCK));
}

guint64 wp_i_snapshot_checksum(const void *data, gsize size)
{
    if (size < HEADER_BYTES)
        return 0;
    BlockHashes b = {(const guint8 *)data + HEADER_BYTES, size - HEADER_BYTES, NULL};
    gsize n = (b.size + BLOCK - 1) / BLOCK;
    g_autofree guint64 *hashes = g_new(guint64, MAX(n, 1));
    b.hashes = hashes;
    wp_i_parallel_for(n, 8, hash_blocks, &b); /* a thread per 8 MiB or more */
    return XXH3_64bits(hashes, n * sizeof(guint64));
}

void wp_i_snapshot_seal(void *data, gsize size)
{
    if (size < HEADER_BYTES)
        return;
    guint64 checksum = wp_i_snapshot_checksum(data, size);
    memcpy((char *)data + CHECKSUM_AT, &checksum, sizeof checksum);
}

/* Maps @filename when it may be trusted: a regular file (a FIFO would block a read, so it is
 * opened without blocking, then refused), not a symlink, owned by this user and writable by
 * no one else. A cache directory can be reached by others (WARMPATH_CACHE_DIR=/tmp/...), and a
 * snapshot is believed byte for byte. */
static GMappedFile *map_private(const char *filename, const char *origin, GError **error)
{
    int fd = g_open(filename, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0);
    if (fd < 0) {
        wp_i_file_error(error, errno, "read", filename);
        return NULL;
    }
    struct stat st;
    const char *why = NULL;
    if (fstat(fd, &st) != 0)
        why = g_strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    else if (st.st_uid != geteuid())
        why = "owned by another user";
    else if (st.st_mode & (S_IWGRP | S_IWOTH))
        why = "writable by others";
    GMappedFile *map = why ? NULL : g_mapped_file_new_from_fd(fd, FALSE, error);
    close(fd);
    if (why != NULL)
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED, "%s: not used: %s", origin, why);
    return map;
}

/* The header, then the checksum over the rest: before a single section is looked at. */
static gboolean check_whole(const Sections *s, const char *base, gsize size, GError **error)
{
    guint32 head[2];
    guint64 stored = 0;
    if (size < HEADER_BYTES)
        return damaged(s, "truncated", error);
    memcpy(head, base + 8, sizeof head);
    if (memcmp(base, MAGIC, 8) != 0 || head[0] != VERSION || head[1] != BYTE_ORDER_MARK)
        return damaged(s, "wrong magic, version or byte order", error);
    memcpy(&stored, base + CHECKSUM_AT, sizeof stored);
    if (stored != wp_i_snapshot_checksum(base, size))
        return damaged(s, "checksum mismatch", error);
    return TRUE;
}

WpGraph *wp_i_snapshot_load(const char *filename, const WpLoadSpec *spec,
                            const WpSourceStamp *stamp, GError **error)
{
    /* Mapped, not read: the arrays are used where the page cache holds them, with no copy and
     * no freshly zeroed pages (those were ~20 % of a cold command on a million people). The
     * cache writes snapshots by rename, so a mapping never sees a file change under it. */
    g_auto(Sections) s = {.origin = g_filename_display_name(filename)};
    s.mapping = map_private(filename, s.origin, error);
    if (s.mapping == NULL)
        return NULL;
    const char *base = g_mapped_file_get_contents(s.mapping);
    gsize size = g_mapped_file_get_length(s.mapping);
    if (!check_whole(&s, base, size, error) || !read_sections(base, size, &s, error))
        return NULL;
    const guint64 *sources = NULL, *counts = NULL;
    if (!take(&s, SEC_SOURCES, 8, 12, FALSE, &sources, error) ||
        !take(&s, SEC_COUNTS, 8, 4, FALSE, &counts, error))
        return NULL;
    if (stamp != NULL) { /* made from these very files, as they are now, read the same way? */
        guint64 now[12];
        sources_of(spec, stamp, now);
        if (memcmp(now, sources, sizeof now) != 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_FAILED, "%s: out of date", s.origin);
            return NULL;
        }
    }
    if (counts[0] >= G_MAXUINT32 || counts[1] > counts[0] || counts[2] >= G_MAXUINT32 ||
        counts[3] < counts[2]) { /* every tie comes from at least one row */
        damaged(&s, "counts", error);
        return NULL;
    }
    g_autoptr(WpGraphBuilder) builder = wp_i_builder_new(spec ? spec->flags : 0);
    WpGraph *g = wp_i_builder_graph(builder);
    /* From here the graph borrows arrays from the mapping, so it holds it even if loading fails
     * (then freeing the graph leaves those arrays alone). */
    g->mapping = g_mapped_file_ref(s.mapping);
    g->n_people = (guint)counts[0];
    g->n_listed = (guint)counts[1];
    g->n_ties = (guint)counts[2];
    g->n_rows = counts[3];
    if (!read_people(&s, g, error) || !read_ties(&s, g, error) || !read_side(&s, g, error) ||
        !read_warnings(&s, g, error))
        return NULL;
    return wp_i_builder_finish_loaded(g_steal_pointer(&builder));
}
