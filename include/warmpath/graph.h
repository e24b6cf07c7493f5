/* SPDX-License-Identifier: MIT */
/* The trust network: people (with attributes) and the ties between them. */
#pragma once

#include <glib.h>

#include "warmpath/day.h"
#include "warmpath/export.h"

G_BEGIN_DECLS

/* A person is an index in [0, wp_graph_n_people()); a tie an index in [0, wp_graph_n_ties()). */
typedef guint32 WpPerson;
typedef guint32 WpTie;
#define WP_PERSON_NONE ((WpPerson)G_MAXUINT32)
/* No tie row: e.g. the first hop of a path that uses the team tie (see WpPath.team_hop). */
#define WP_TIE_NONE ((WpTie)G_MAXUINT32)

/**
 * WpTieType:
 *
 * The kind of relationship a tie records. The model gives each a prior strength. A tie that
 * merges several rows carries the set of their types (a bit mask, see WP_TIE_TYPE_BIT()).
 * Type strings that are none of these load as WP_TIE_OTHER with a counted warning.
 */
typedef enum {
    WP_TIE_CLIENT,
    WP_TIE_REFERRED,
    WP_TIE_COLLEAGUE,
    WP_TIE_FORMER_COLLEAGUE,
    WP_TIE_FRIEND,
    WP_TIE_FAMILY,
    WP_TIE_VENDOR,
    WP_TIE_SOCIAL,
    WP_TIE_PRIZE,
    WP_TIE_OTHER,
    WP_TIE_N_TYPES
} WpTieType;
#define WP_TIE_TYPE_BIT(type) ((guint16)(1u << (type)))

/* The lowercase name used in files ("former_colleague"). Time: O(1). Returns: (transfer none):
 * a static string */
WP_API const char *wp_tie_type_name(WpTieType type);
/* Case-insensitive; spaces and '-' count as '_'. Returns FALSE for an unknown name. Time:
 * O(length of @name), no allocation. */
WP_API gboolean wp_tie_type_from_name(const char *name, WpTieType *out);

/**
 * WpTieInfo:
 * @source: first endpoint as first seen in the input
 * @target: second endpoint; for a directed tie the request can only flow source -> target
 * @declared: the declared strength in (0, 1] (the maximum over merged rows), or NAN if no row
 *   declared one
 * @types: bit mask of WpTieType over the merged rows; 0 when no row gave a type
 * @last_contact: the latest last-contact date over merged rows, or WP_DAY_NONE
 * @interactions: the largest interaction count over merged rows, or -1 if none was given;
 *   0 means "never interacted"
 * @rows: how many input rows were merged into this tie (>= 1)
 * @directed: TRUE when every row gave the same direction (see README "Ties")
 */
typedef struct {
    WpPerson source;
    WpPerson target;
    double declared;
    guint16 types;
    WpDay last_contact;
    gint32 interactions;
    guint32 rows;
    gboolean directed;
} WpTieInfo;

/* One step out of a person: the neighbour reached and the tie used. */
typedef struct {
    WpPerson head;
    WpTie tie;
} WpArc;

/* Well-known people columns; any other column is kept as a free attribute. */
#define WP_COLUMN_ID "id"
#define WP_COLUMN_NAME "name"
#define WP_COLUMN_COMPANY "company"
#define WP_COLUMN_TITLE "title"
#define WP_COLUMN_FUNCTION "function"
#define WP_COLUMN_INDUSTRY "industry"
#define WP_COLUMN_REGION "region"
#define WP_COLUMN_COMPANY_SIZE "company_size"
#define WP_COLUMN_TEAM "team"
/* Contact details: shown by path and draft when the people file has them (any may be absent). */
#define WP_COLUMN_EMAIL "email"
#define WP_COLUMN_LINKEDIN_URL "linkedin_url"
#define WP_COLUMN_PHONE "phone"

/**
 * WpWarningKind:
 *
 * Data-quality findings that do not stop a load. Each is counted; the first few of each kind
 * keep their "FILE:LINE: " message. With WP_LOAD_STRICT the first one fails the load instead.
 */
typedef enum {
    WP_WARNING_SELF_LOOP,        /* a tie from a person to themself: dropped */
    WP_WARNING_DUPLICATE_TIE,    /* a second row for a pair: merged (see WpTieInfo) */
    WP_WARNING_UNLISTED_PERSON,  /* a tie names an id the people file lacks: person added */
    WP_WARNING_UNKNOWN_TIE_TYPE, /* type not in WpTieType: loaded as WP_TIE_OTHER */
    WP_WARNING_BAD_ATTRIBUTE,    /* e.g. company_size that is not a count: value ignored */
    WP_WARNING_SKIPPED_ROW,      /* a bad row dropped under WP_LOAD_SKIP_BAD_ROWS */
    WP_WARNING_BLANK_ROW,        /* an empty line, or a record of empty fields: skipped */
    WP_WARNING_UNUSED_COLUMN,    /* a ties column that looks like weights while none are read */
    /* What a weight scale says a row means, counted and kept as the others but never an error
     * under WP_LOAD_STRICT (see WpWeightScale): */
    WP_WARNING_DISTRUST,    /* a row below zero: its pair is kept out of the search */
    WP_WARNING_ZERO_WEIGHT, /* a row of weight zero: no tie (its people are still read) */
    WP_WARNING_N_KINDS
} WpWarningKind;

/* A short stable name ("self-loop", "duplicate-tie", ...). Time: O(1). Returns: (transfer
 * none): a static string */
WP_API const char *wp_warning_kind_name(WpWarningKind kind);

typedef enum {
    WP_TIES_FORMAT_AUTO,     /* by content: a CSV header naming source and target, else edge list */
    WP_TIES_FORMAT_CSV,      /* RFC 4180 with a header: source,target[,strength,type,...] */
    WP_TIES_FORMAT_EDGELIST, /* whitespace-separated `a b [strength]`, '#' and '%' comments */
} WpTiesFormat;

/**
 * WpWeightScale:
 *
 * How the numbers of the weight column (WpLoadSpec.weight_column) become strengths in (0, 1]
 * (README "Weights and ratings"). Under every scale but WP_WEIGHT_STRENGTH a value below zero is
 * distrust: the pair is kept out of the search, whatever its other rows say (a
 * WP_WARNING_DISTRUST per row); zero is no tie (WP_WARNING_ZERO_WEIGHT). A positive value v:
 */
typedef enum {
    WP_WEIGHT_STRENGTH, /* v is the strength itself, in (0, 1]; anything else is a bad value */
    WP_WEIGHT_MAX,      /* v / (the largest value in the file) */
    WP_WEIGHT_LOG,      /* ln(1 + v) / ln(1 + the largest value): counts with diminishing returns */
    WP_WEIGHT_RANGE,    /* values lie in [lo, hi] (others are bad values): (v - lo) / (hi - lo);
                         * v = lo > 0 is no tie */
} WpWeightScale;

/**
 * wp_weight_scale_parse:
 * @text: "strength", "max", "log", or "LO:HI" (decimals, LO < HI, HI > 0; "-10:10")
 * @error: return location for a GError (WP_ERROR_USAGE), or NULL
 *
 * Time: O(length of @text); nothing it allocates outlives the call.
 *
 * Returns: TRUE with @scale, @lo and @hi set (lo and hi 0 but for a range)
 */
WP_API gboolean wp_weight_scale_parse(const char *text, WpWeightScale *scale, double *lo,
                                      double *hi, GError **error);

typedef enum {
    WP_LOAD_DEFAULT = 0,
    WP_LOAD_STRICT = 1 << 0,        /* every warning fails the load */
    WP_LOAD_SKIP_BAD_ROWS = 1 << 1, /* a tie row with a bad value is dropped with a warning */
} WpLoadFlags;

/**
 * WpLoadSpec:
 * @ties_file: the ties (required); a name ending in `.gz` is decompressed
 * @people_file: (nullable): the people CSV; without it the ids in the ties are the people
 * @ties_format: how to read @ties_file
 * @flags: WpLoadFlags
 * @weight_column: (nullable): the column that holds each tie's strength or weight: a header
 *   name of a ties CSV, or a field number from 1 (an edge list's, 3 or more); NULL means
 *   `strength`, or an edge list's third field
 * @weight_scale: how its values become strengths
 * @weight_lo: the low end of a WP_WEIGHT_RANGE
 * @weight_hi: the high end of a WP_WEIGHT_RANGE
 *
 * Zero-initialised fields mean the defaults.
 */
typedef struct {
    const char *ties_file;
    const char *people_file;
    WpTiesFormat ties_format;
    WpLoadFlags flags;
    const char *weight_column;
    WpWeightScale weight_scale;
    double weight_lo;
    double weight_hi;
} WpLoadSpec;

/* A loaded network: immutable and reference counted, so any number of threads may read it at
 * once (see wp_graph_ref()). */
typedef struct WpGraph WpGraph;

/**
 * wp_graph_load:
 * @spec: what to read
 * @error: return location for a GError, or NULL
 *
 * Reads the people, then the ties, merging duplicate pairs and dropping self-loops. A bad
 * row fails the whole load with WP_ERROR_PARSE and a message "FILE:LINE: field 'F': ...";
 * a file over a documented limit fails with WP_ERROR_LIMIT; an unreadable file passes
 * GLib's G_FILE_ERROR / G_IO_ERROR up. The graph holds what the files say (and, read from
 * CSV, the raw model's per-arc costs); a model is applied by wp_scoring_new(), never to it.
 * Time: O(V + E log d). Memory: the graph, and while loading the tie rows as read (O(R) for R
 * rows) until they are merged.
 *
 * Returns: (transfer full) (nullable): the graph; drop it with wp_graph_unref()
 */
WP_API WpGraph *wp_graph_load(const WpLoadSpec *spec, GError **error);

/**
 * wp_graph_load_from_data:
 * @ties_csv: ties CSV text (with header)
 * @people_csv: (nullable): people CSV text (with header)
 * @flags: WpLoadFlags
 * @error: return location for a GError, or NULL
 *
 * As wp_graph_load() from memory; messages name the origins "ties" and "people". Time: O(V +
 * E log d), plus the texts' length, as wp_graph_load(). Memory: as wp_graph_load().
 *
 * Returns: (transfer full) (nullable): the graph; drop it with wp_graph_unref()
 */
WP_API WpGraph *wp_graph_load_from_data(const char *ties_csv, const char *people_csv,
                                        WpLoadFlags flags, GError **error);

/**
 * wp_graph_load_cached:
 * @spec: what to read
 * @cache_dir: (nullable): where compiled networks are kept; NULL = the user cache directory's
 *   "warmpath" folder
 * @min_bytes: compile only when the ties file is at least this large (parsing small files is
 *   faster than checking a cache)
 * @from_cache: (out) (optional): set to TRUE when the graph came from a compiled network
 * @error: return location for a GError, or NULL
 *
 * As wp_graph_load(), through a compiled form of the network: a binary snapshot of the loaded
 * graph that reads without parsing. It is used only while the input files keep the size,
 * modification time and inode they had when it was made, and the same load options; otherwise
 * the files are parsed and the snapshot is rebuilt. A damaged snapshot is rebuilt too; a cache
 * that cannot be written is skipped. Errors are those of wp_graph_load().
 *
 * Time: from a valid snapshot, no parse: O(B + V C + E) for its B bytes (checksummed), its V
 * people with C columns and E ties (every index checked, the id index rebuilt); otherwise as
 * wp_graph_load(), plus O(B) to write the new snapshot. Memory: from a snapshot, the file is
 * mapped and the graph borrows its arrays, adding O(V) (the id index, the teams); otherwise as
 * wp_graph_load().
 *
 * Returns: (transfer full) (nullable): the graph; drop it with wp_graph_unref()
 */
WP_API WpGraph *wp_graph_load_cached(const WpLoadSpec *spec, const char *cache_dir,
                                     guint64 min_bytes, gboolean *from_cache, GError **error);

/**
 * wp_graph_ref:
 *
 * Takes a reference: the graph stays alive until every reference is dropped. A loaded graph
 * never changes, so any number of threads may read it at once (and share it through references:
 * a service swaps in a newly loaded network while requests on the old one finish). Time: O(1).
 *
 * Returns: (transfer full): @graph
 */
WP_API WpGraph *wp_graph_ref(WpGraph *graph);
/* Drops a reference; the last one frees the graph. NULL is a no-op. Time: O(1); the last
 * reference makes a fixed number of frees (one more per people column), dominated by returning
 * the graph's O(V + E) memory. */
WP_API void wp_graph_unref(WpGraph *graph);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpGraph, wp_graph_unref)

/* How many people: the WpPerson indices are [0, n). Time: O(1). */
WP_API guint wp_graph_n_people(const WpGraph *graph);
/* How many ties, duplicate rows merged: the WpTie indices are [0, n). Time: O(1). */
WP_API guint wp_graph_n_ties(const WpGraph *graph);
/* TRUE when some tie is directed (then out- and in-arcs differ). Time: O(1). */
WP_API gboolean wp_graph_has_directed_ties(const WpGraph *graph);
/* Input tie rows read (including dropped self-loops and merged duplicates). Time: O(1). */
WP_API guint64 wp_graph_n_tie_rows(const WpGraph *graph);

/* Time: O(1). Returns: (transfer none): the person's id; valid while the graph lives. */
WP_API const char *wp_graph_person_id(const WpGraph *graph, WpPerson person);
/* Looks an id up exactly (byte-wise) in the graph's hash index. Returns WP_PERSON_NONE when
 * absent. Time: O(length of @id) expected, no allocation. */
WP_API WpPerson wp_graph_find_id(const WpGraph *graph, const char *id);
/**
 * wp_graph_person_attr:
 * @graph: the network
 * @person: a person of @graph
 * @column: a people column name (WP_COLUMN_NAME, or any extra column)
 *
 * Time: O(C) string comparisons for the people file's C columns (a handful), no allocation.
 *
 * Returns: (transfer none) (nullable): the value, or NULL when empty, unknown, or the person
 *   is not in the people file
 */
WP_API const char *wp_graph_person_attr(const WpGraph *graph, WpPerson person, const char *column);
/* As wp_graph_person_attr() for the name. Time: O(C) for C people columns. Returns: (transfer
 * none): the name, or the id when the person has no name; never NULL */
WP_API const char *wp_graph_person_label(const WpGraph *graph, WpPerson person);
/* Time: O(1). Returns: (transfer none) (nullable): the seller's team name when the person is
 * on our team */
WP_API const char *wp_graph_person_team(const WpGraph *graph, WpPerson person);
/* FALSE for people known only because a tie names them. Time: O(1). */
WP_API gboolean wp_graph_person_listed(const WpGraph *graph, WpPerson person);
/* The company size when `company_size` held a count (a range "51-200" gives its lower
 * bound, "10001+" its number), else -1. Time: O(1): parsed at load. */
WP_API gint64 wp_graph_person_company_size(const WpGraph *graph, WpPerson person);
/* Time: O(1). Returns: (transfer none): the people-file columns in file order, "id" first,
 * NULL-terminated; empty without a file */
WP_API const char *const *wp_graph_columns(const WpGraph *graph, guint *n_columns);

/* Fills @out with what the data says about @tie (its merged rows). Time: O(1), no allocation. */
WP_API void wp_graph_tie_info(const WpGraph *graph, WpTie tie, WpTieInfo *out);

/* A tie keeps at most this many origins: the first ones its rows named. */
#define WP_TIE_ORIGINS_MAX 16

/**
 * wp_graph_tie_origins:
 * @out: (array length=max) (out caller-allocates): receives the origins, borrowed from the
 *   graph (valid while it lives)
 * @max: room in @out; WP_TIE_ORIGINS_MAX is always enough
 *
 * Which exports or CRMs the tie came from: the ties file's `origin` column ("linkedin:p00001",
 * "hubspot", a file name; README "Ties"). A tie merged from several rows has the distinct
 * origins of its rows in file order (a row's own list in its order), at most
 * WP_TIE_ORIGINS_MAX. Time: O(1) per origin written.
 *
 * Returns: how many origins the tie has (at most @max of them are written); 0 when none is
 *   known (no `origin` column, an empty cell, or an edge list)
 */
WP_API guint wp_graph_tie_origins(const WpGraph *graph, WpTie tie, const char **out, guint max);
/* Time: O(1). Returns: (transfer none): the ties a request can follow out of @person, sorted by
 * head; valid while the graph lives */
WP_API const WpArc *wp_graph_out_arcs(const WpGraph *graph, WpPerson person, guint *n_arcs);
/* Time: O(1). Returns: (transfer none): the ties a request can follow into @person, sorted by
 * head; valid while the graph lives */
WP_API const WpArc *wp_graph_in_arcs(const WpGraph *graph, WpPerson person, guint *n_arcs);
/* The tie from @a to @b a request can follow, or FALSE. Time: O(log d) for @a's d out-arcs (a
 * binary search), no allocation. */
WP_API gboolean wp_graph_find_tie(const WpGraph *graph, WpPerson a, WpPerson b, WpTie *out);

/* How many warnings of @kind the load raised (all of them, not only those with an example).
 * Time: O(1). */
WP_API guint64 wp_graph_warning_count(const WpGraph *graph, WpWarningKind kind);
/* Time: O(1). Returns: (transfer none): up to WP_WARNING_EXAMPLES "FILE:LINE: ..." messages of
 * that kind (char *); valid while the graph lives */
WP_API const GPtrArray *wp_graph_warning_examples(const WpGraph *graph, WpWarningKind kind);
#define WP_WARNING_EXAMPLES 20
/**
 * wp_graph_warning_summary:
 *
 * The warnings the load raised, counted by kind in WpWarningKind order: "3 self-loop,
 * 150 duplicate-tie". Front ends show it when a command loads a network, so that data problems
 * are seen where the answers are. Time: O(1): one entry per WpWarningKind at most.
 *
 * Returns: (transfer full) (nullable): the summary, or NULL when there was no warning; free it
 *   with g_free()
 */
WP_API char *wp_graph_warning_summary(const WpGraph *graph);

G_END_DECLS
