/* SPDX-License-Identifier: MIT */
/* The readers: one per input format, each filling a graph builder from the text that
 * io/input-private.h reads, and the loads that run them. */
#pragma once

#include "core/builder-private.h"
#include "io/data-folder.h"
#include "io/input-private.h"

/* Readers of each input format; they fill @builder. */
gboolean wp_i_read_people_csv(WpGraphBuilder *builder, WpLineReader *reader, GError **error);
gboolean wp_i_read_ties_csv(WpGraphBuilder *builder, WpLineReader *reader, GError **error);
gboolean wp_i_read_edgelist(WpGraphBuilder *builder, WpLineReader *reader, GError **error);

/* How wp_graph_load() reads a ties CSV file. The library uses WP_TIES_READ_DEFAULTS; tests and
 * fuzzers pick others to compare the two readers on small inputs. */
typedef struct {
    gboolean line_reader_only; /* never the chunked reader */
    gsize min_bytes;           /* smaller files (and empty ones) go to the line reader */
    gsize chunk_bytes;         /* about how long a chunk is; 0: two chunks per core */
    gsize window_bytes;        /* a file is read this much at a time; 0: the default */
} WpTiesReadOptions;
#define WP_TIES_READ_DEFAULTS ((WpTiesReadOptions){FALSE, 256u << 10, 0, 0})

/* wp_graph_load() and wp_graph_load_from_data() reading ties CSV as @options say. */
WpGraph *wp_i_graph_load_with(const WpLoadSpec *spec, const WpTiesReadOptions *options,
                              GError **error);

/* The same in two steps: @spec's files opened (each exactly once), under the shared commit
 * locks of their folders (io/data-folder.h), taken here unless the caller holds them
 * (@locked); then parsed. */
typedef struct {
    WpInput *ties, *people; /* owned; people NULL without a people file */
} WpInputs;
void wp_i_inputs_clear(WpInputs *inputs);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(WpInputs, wp_i_inputs_clear)
gboolean wp_i_graph_open_inputs(const WpLoadSpec *spec, gboolean locked, WpInputs *out,
                                GError **error);
WpGraph *wp_i_graph_parse_inputs(const WpLoadSpec *spec, WpInputs *inputs,
                                 const WpTiesReadOptions *options, GError **error);
/* The shared commit locks on the folders of @spec's files. */
WpFolderRead *wp_i_graph_read_begin(const WpLoadSpec *spec, GError **error);
WpGraph *wp_i_graph_load_from_data_with(const char *ties_csv, const char *people_csv,
                                        WpLoadFlags flags, const WpTiesReadOptions *options,
                                        GError **error);
/* The same with @spec's flags and weight options (its file names are not used). */
WpGraph *wp_i_graph_load_from_data_spec(const char *ties_csv, const char *people_csv,
                                        const WpLoadSpec *spec, const WpTiesReadOptions *options,
                                        GError **error);

/* The whole ties CSV for the chunked reader: in memory, or a regular file read with pread()
 * (never mapped: a file truncated under a mapping kills the process with SIGBUS). */
typedef struct {
    const char *data; /* the text, or NULL to read @fd */
    int fd;           /* read from offset 0; the descriptor's offset is left alone */
    guint64 size;     /* bytes of text (the file's size when it was opened) */
} WpTiesText;

/**
 * wp_i_read_ties_chunked:
 * @text: the whole ties CSV (borrowed)
 * @gave_up: (out): TRUE when the file holds something only the line reader can read exactly
 *   (or the load is WP_LOAD_STRICT); the builder then holds no row and the caller reads the
 *   file again with wp_i_read_ties_csv()
 *
 * The ties CSV parsed on several threads, with the line reader's results and messages (see
 * ties-chunks.c). Fails where the line reader would fail on a valid file (past the person
 * limit), and when the file turns out shorter than @text->size (it is being rewritten:
 * wp_i_input_changed()).
 */
gboolean wp_i_read_ties_chunked(WpGraphBuilder *builder, const WpTiesText *text, const char *origin,
                                const WpTiesReadOptions *options, gboolean *gave_up,
                                GError **error);

/* ---- The ties CSV's rules (ties-csv.c), shared by the line reader and the chunked one ----
 * Its columns (WpTiesField) are described in core/tie-columns.h. */

typedef struct {
    guint n_columns;
    int col[WP_TIES_N_FIELDS]; /* file column of each known field, or -1; the strength is the
                                * weight column in force (--weight-column) */
    char weight_name[64];      /* that column's name, for messages */
} WpTiesColumns;

/* Columns that may hold weights nobody reads (weights.c): the first WP_SNIFF_ROWS records are
 * looked at, and a column all of whose values are numbers other than just 0 and 1, under a name
 * that does not say id, time or date, is warned about (WP_WARNING_UNUSED_COLUMN). */
#define WP_SNIFF_COLUMNS 4
#define WP_SNIFF_ROWS 100
typedef struct {
    guint n;
    int column[WP_SNIFF_COLUMNS];
    char name[WP_SNIFF_COLUMNS][64];
    gboolean numeric[WP_SNIFF_COLUMNS], varied[WP_SNIFF_COLUMNS], seen[WP_SNIFF_COLUMNS];
    guint rows;
} WpWeightSniff;

/* Starts looking at the columns of @names (the header, lowercased) that @columns leaves unread;
 * none when a weight column is read. */
void wp_i_weight_sniff_start(WpWeightSniff *sniff, char **names, const WpTiesColumns *columns);
void wp_i_weight_sniff_row(WpWeightSniff *sniff, const WpCsvRecord *record);
/* Looks at the records of the CSV text [@body, @end) after a header, up to the
 * WP_SNIFF_ROWS-th that is not a blank row, as the line reader would (a copy of a few
 * kilobytes): the chunked reader's sample. */
void wp_i_weight_sniff_text(WpWeightSniff *sniff, const char *body, const char *end,
                            const char *origin);
/* Warns about each column that looked like weights; fails only under WP_LOAD_STRICT. */
gboolean wp_i_weight_sniff_finish(WpWeightSniff *sniff, WpGraphBuilder *builder, const char *origin,
                                  guint64 header_line, GError **error);

/* A weight cell as @rule reads it into @out: a strength in (0, 1], WP_DECLARED_DISTRUST, 0 for
 * no tie, or (max and log scales) the positive weight itself. FALSE for a bad value. */
gboolean wp_i_parse_weight(const WpWeightRule *rule, const char *text, double *out);
/* What a weight cell must be, for a bad-value message ("a number in (0, 1]"). */
char *wp_i_weight_expected(const WpWeightRule *rule, const char *value);
/* The warning for a row whose weight @declared says distrust or no tie (0). */
gboolean wp_i_weight_row_says(WpGraphBuilder *builder, const char *origin, guint64 line,
                              double declared, const char *value, const char *a, gsize a_len,
                              const char *b, gsize b_len, GError **error);

/* Finds the known columns in @header, the weight column as the builder's WpWeightRule names it;
 * fails when source or target is missing, or the weight column is not there. Also tells the
 * builder which optional fields rows will carry, and starts @sniff. */
gboolean wp_i_ties_read_header(WpGraphBuilder *builder, const WpCsvRecord *header,
                               const char *origin, WpTiesColumns *out, WpWeightSniff *sniff,
                               GError **error);

/* Reads strength (by @rule), last_contact, interactions and directed from @cells (NUL-terminated,
 * without surrounding white space, "" when absent; only the hot ones are read) into @row. On a bad
 * value returns FALSE with the field in @bad; wp_i_ties_bad_value_message() says what was wrong. */
gboolean wp_i_ties_parse_values(const WpWeightRule *rule, const char *const cells[WP_TIES_N_HOT],
                                WpTieRow *row, WpTiesField *bad);
char *wp_i_ties_bad_value_message(const char *origin, guint64 line, const WpTiesColumns *columns,
                                  const WpWeightRule *rule, WpTiesField field, const char *value);

/* Called with each type name that is not a WpTieType (it then counts as `other`). */
typedef gboolean (*WpUnknownTypeFunc)(const char *name, gpointer user_data, GError **error);
/* "client", or several types joined by ';' or '|'; cuts @text in place. */
gboolean wp_i_ties_parse_types(char *text, guint16 *out, WpUnknownTypeFunc on_unknown,
                               gpointer user_data, GError **error);

/* The warnings a ties row raises; @id is @id_len bytes, not necessarily terminated. */
gboolean wp_i_ties_warn_unknown_type(WpGraphBuilder *builder, const char *origin, guint64 line,
                                     const char *name, GError **error);
gboolean wp_i_ties_warn_self_loop(WpGraphBuilder *builder, const char *origin, guint64 line,
                                  const char *id, gsize id_len, GError **error);
/* A blank row (see WpCsvBlankFunc). */
gboolean wp_i_ties_warn_blank(WpGraphBuilder *builder, const char *origin, guint64 line,
                              gboolean empty_fields, GError **error);

/* A strength in (0, 1] written as a decimal: FALSE for NaN, infinities, 0, negatives, > 1. */
gboolean wp_i_parse_strength(const char *text, double *out);
