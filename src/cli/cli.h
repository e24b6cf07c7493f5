/* SPDX-License-Identifier: MIT */
/* What the command-line front end shares: data options, output formats, tables, exit codes. */
#pragma once

#include <json-glib/json-glib.h>
#include <warmpath/warmpath.h>

/* Exit codes (README "Exit codes"). */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_FAILURE = 1, /* I/O, rendering, anything else */
    CLI_EXIT_USAGE = 2,   /* bad options or arguments */
    CLI_EXIT_DATA = 3,    /* bad input data (the message names file, line and field) */
    CLI_EXIT_PERSON = 4,  /* unknown or ambiguous person */
};

typedef enum {
    CLI_FORMAT_TABLE,
    CLI_FORMAT_CSV,
    CLI_FORMAT_JSON,
    CLI_FORMAT_DOT,
    CLI_FORMAT_SVG,
    CLI_FORMAT_PNG,
    CLI_FORMAT_PDF,
    CLI_FORMAT_TEXT,     /* prose (a draft); a .txt file when the command has no table */
    CLI_FORMAT_MARKDOWN, /* .md */
    CLI_FORMAT_EML,      /* an unsent e-mail, .eml */
} CliFormat;

#define CLI_FORMATS_TEXT (1u << CLI_FORMAT_TABLE | 1u << CLI_FORMAT_CSV | 1u << CLI_FORMAT_JSON)
#define CLI_FORMATS_DIAGRAM                                                                        \
    (1u << CLI_FORMAT_DOT | 1u << CLI_FORMAT_SVG | 1u << CLI_FORMAT_PNG | 1u << CLI_FORMAT_PDF)

#define CLI_FORMATS_DRAFT                                                                          \
    (1u << CLI_FORMAT_TEXT | 1u << CLI_FORMAT_MARKDOWN | 1u << CLI_FORMAT_JSON |                   \
     1u << CLI_FORMAT_EML)

/* Ties files this large are compiled into a cached snapshot (smaller ones parse faster). */
#define CLI_CACHE_MIN_BYTES (16u << 20)

/* Options every data command takes; filled by g_option_context_parse(). Owned strings. */
typedef struct {
    char *data_dir;
    char *edges;
    char *people;
    char *model;
    char *as_of;
    char *ties_format;
    char *weight_column;
    char *weight_scale;
    WpWeightScale weight_scale_value; /* set by cli_common_check(), with the range's ends */
    double weight_lo, weight_hi;
    gboolean strict;
    gboolean skip_bad_rows;
    gboolean no_cache;
    gboolean no_learn;       /* --no-learn: the profile alone, not DIR/ledger.db's outcomes */
    gboolean model_from_folder; /* set by cli_common_check(): no --model, so `model` is
                                 * DIR/profile.ini when it exists (a service looks again) */
    gboolean quiet;          /* --quiet: no line summing up data-quality warnings */
    gboolean lists_warnings; /* set by a command that lists the warnings itself (stats) */
    char *format;
    char *output;
    CliFormat format_value; /* set by cli_common_check() */
} CliCommon;

void cli_common_clear(CliCommon *common);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(CliCommon, cli_common_clear)

/* Adds --data, --edges, --people, --model, --as-of, --ties-format, --strict, --skip-bad-rows,
 * --no-cache, --quiet, and, when @formats is not 0, --format (one of @formats) and --output. */
void cli_common_add_options(GOptionContext *context, CliCommon *common, guint formats);
/**
 * cli_output_format:
 * @format: (nullable): the --format value
 * @output: (nullable): the -o FILE
 * @formats: what the command can write (bits of CliFormat)
 * @fallback: the format when neither names one
 *
 * The format to write: --format, else the one -o FILE's extension names (.txt table, .csv, .json,
 * .dot or .gv, .svg, .png, .pdf), else @fallback; an unknown extension (.out) names none. Prints
 * a usage error of @command and returns FALSE for a format @command cannot write (named either
 * way, or an extension such as .jpg that no command writes) and for --format contradicting the
 * extension. With @formats 0 the command writes a text file of its own (a profile): any
 * extension of ours but .txt is refused.
 */
gboolean cli_output_format(const char *command, const char *format, const char *output,
                           guint formats, CliFormat fallback, CliFormat *out);
/* Checks option values after parsing (the format through cli_output_format()); on a usage
 * problem prints it and returns FALSE. */
gboolean cli_common_check(GOptionContext *context, CliCommon *common, guint formats,
                          const char *command);
/* Loads the network the options name and scores it with --model and --as-of, and with the
 * tie strengths learned from DIR/ledger.db when the data folder has one (unless --no-learn). When
 * the load raised warnings, prints one line counting them by kind on stderr, unless --quiet or
 * lists_warnings. */
WpScoring *cli_load_scoring(const CliCommon *common, GError **error);
/* The second half of cli_load_scoring(): @graph scored with --model (read again: the profile
 * may have changed) and --as-of, and the strengths learned from DIR/ledger.db (unless
 * --no-learn). What the service does when only the ledger or the profile changed. */
WpScoring *cli_score_graph(const CliCommon *common, WpGraph *graph, GError **error);

/* Parses options; on failure prints the usage error and returns FALSE (exit CLI_EXIT_USAGE). */
gboolean cli_parse(GOptionContext *context, int *argc, char ***argv, const char *command);
/* A command's whole reading of its command line: cli_parse(), cli_common_check() with @formats,
 * and no argument left over. FALSE after printing the usage error (exit CLI_EXIT_USAGE). */
gboolean cli_parse_command(GOptionContext *context, int *argc, char ***argv, CliCommon *common,
                           guint formats, const char *command);
/* Prints "warmpath: MESSAGE" and "Try 'warmpath COMMAND --help'."; returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *command, const char *format, ...) G_GNUC_PRINTF(2, 3);
/* "unexpected argument 'X'" as a usage error of @command. */
int cli_unexpected_argument(const char *command, const char *argument);
/* Prints "warmpath: MESSAGE" for @error and returns the exit code its domain and code mean. */
int cli_fail(const GError *error);
void cli_warn(const char *format, ...) G_GNUC_PRINTF(1, 2);

/* Writes @text to --output (atomically) or to stdout. */
gboolean cli_emit(const CliCommon *common, const char *text, gsize len, GError **error);
/* Serialises @root (pretty, trailing newline) and emits it. */
gboolean cli_emit_json(const CliCommon *common, JsonNode *root, GError **error);
/* TRUE when output goes to a terminal (aligned tables may shorten long cells). */
gboolean cli_output_is_terminal(const CliCommon *common);

/* A table of text cells printed as aligned columns, CSV, or a JSON array of objects: the
 * library's WpTable, laid out for a terminal or a spreadsheet here. */
typedef WpTable CliTable;
typedef enum { CLI_CELL_TEXT, CLI_CELL_NUMBER } CliCellKind;

CliTable *cli_table_new(void);
void cli_table_free(CliTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CliTable, cli_table_free)
void cli_table_add_column(CliTable *table, const char *name, CliCellKind kind);
/* Appends a row; cells are copied. NULL is an empty cell. */
void cli_table_add_row(CliTable *table, const char *const *cells);
guint cli_table_n_rows(const CliTable *table);
/* Table: aligned columns (cells capped at @max_width columns when non-zero). CSV: RFC 4180 with
 * formula cells neutralised. JSON: array of objects, numbers as numbers. */
void cli_table_render(const CliTable *table, CliFormat format, guint max_width, GString *out);
/* Replaces control characters and bidirectional overrides with U+FFFD for terminal display. */
char *cli_sanitize_for_terminal(const char *text);
/* Appends @text (a library sentence, possibly of several lines) made safe for a terminal,
 * line by line, then a newline. */
void cli_append_line(GString *out, const char *text);

/* Selection (people.c): prints what went wrong and returns the exit code. An ambiguous name's
 * message is followed by its candidates as a table (id, name, company, title) on stderr; a
 * usage problem gets @command's --help hint; the rest as cli_fail(). */
int cli_fail_select(const char *command, const WpGraph *graph, const GError *error);
/* Prints a warning the library worded (a territory's values no one has), if any. */
void cli_warn_text(const char *text);

/* Search options shared by path, rank and map (search-options.c). */
/* --team or --team=NAME (an empty NAME is a bare --team). */
void cli_set_team(gboolean *team, char **team_name, const char *value);
/* Who asks: --from WHO[,WHO...] or --team[=NAME]. A command's options struct keeps it as its
 * first member, so cli_on_team(), which GOption hands the group's data, finds it there. */
typedef struct {
    char *from;
    gboolean team;
    char *team_name; /* --team=NAME; NULL with a bare --team */
} CliSellers;
void cli_sellers_clear(CliSellers *who);
/* The --team option's callback (G_OPTION_FLAG_OPTIONAL_ARG); @data is the group's data, whose
 * first member is a CliSellers. */
gboolean cli_on_team(const char *option, const char *value, gpointer data, GError **error);
/* The sellers @who names (wp_select_sellers). */
GArray *cli_sellers_select(const CliSellers *who, const WpGraph *graph, GError **error);
/* A whole-number option as typed (@text NULL = not given: 0 and *@out untouched). Otherwise 0
 * with *@out set when it is a whole number in [@min, @max]; else prints "OPTION: expected
 * EXPECTED, not 'TEXT'" as a usage error of @command and returns its exit code. */
int cli_parse_count(const char *command, const char *option, const char *text, gint64 min,
                    gint64 max, const char *expected, gint64 *out);

/* --max-hops and --min-probability as typed; NULL when not given. Owned. */
typedef struct {
    char *max_hops;
    char *min_probability;
} CliSearchOptions;
/* Adds --max-hops and --min-probability (@floor_help: a static string) to @group. */
void cli_search_add_options(GOptionGroup *group, CliSearchOptions *options, const char *floor_help);
void cli_search_options_clear(CliSearchOptions *options);

/* The limits the options gave, each with whether it was given at all. */
typedef struct {
    gboolean max_hops_given;
    guint max_hops; /* 0 = no limit, <= WP_MAX_HOPS */
    gboolean min_probability_given;
    double min_probability; /* in [0, 1) */
} CliSearchLimits;
/* Checks and converts @options: 0 when fine, else prints a usage error of @command and returns
 * its exit code. */
int cli_search_limits_parse(const char *command, const CliSearchOptions *options,
                            CliSearchLimits *out);
/* What a search uses: the option when given, else the scoring's model's. */
guint cli_search_hops(const WpScoring *scoring, const CliSearchLimits *limits);
double cli_search_floor(const WpScoring *scoring, const CliSearchLimits *limits);
/* Prints @error: a usage cause (a bad --where) with @command's --help hint. Returns the exit code.
 */
int cli_fail_for(const char *command, const GError *error);

/* The ledger a command uses: @ledger (--ledger FILE), else DIR/ledger.db of @data_dir or
 * $WARMPATH_DATA; NULL after printing a usage error of @command when there is neither. */
char *cli_ledger_file(const char *command, const char *ledger, const char *data_dir);
/* The asks of the ledger database @file (never created), or of a ledger export FILE.csv read
 * as it is (through a scratch database removed afterwards). NULL with @error on failure. */
GPtrArray *cli_read_asks(const char *file, const WpAskFilter *filter, GError **error);
/* The asks drafts are checked against: --ledger @file (a database or an export), else
 * DIR/ledger.db of the data folder when it has one. TRUE with *asks NULL when there is no
 * ledger: a draft that only reads never creates one. */
gboolean cli_draft_asks(const CliCommon *common, const char *file, GPtrArray **asks,
                        GError **error);

/* Writes one ask as `ledger show` and `update` do: its JSON object, or its description, and
 * with @with_draft the draft recorded with it (`ledger show`). Returns the exit code. */
int cli_emit_ask(const CliCommon *common, const WpAsk *ask, gboolean with_draft);

/* Commands: each returns an exit code. */
typedef int (*CliCommandFunc)(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_profile(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_draft(int argc, char **argv);

/* Appends @text (lines ending in "\n") made safe for a terminal, line by line
 * (draft-output.c). */
void cli_append_text(GString *out, const char *text);
/* Drafts (draft-output.c). The template --template FILE names, else the built-in one for
 * @lang (NULL: English); prints the error (a usage error of @command for --lang) and returns
 * NULL with *rc set on failure. */
WpDraftTemplate *cli_draft_template(const char *command, const char *file, const char *lang,
                                    int *rc);
/* What the ledger says about the sources of drafts (wp_draft_add_ledger_warnings()): its asks
 * (NULL: there is no ledger, nothing to say), the profile's limits, the day of the ask. */
typedef struct {
    const GPtrArray *asks;
    const WpModel *model;
    WpDay day;
} CliDraftLedger;
/* Appends the drafts of every path of @report with a referral source to @out as text (a
 * direct path is said to need none), each headed by what @ledger says about its source; FALSE
 * with @error set on failure. */
gboolean cli_draft_append_all(const WpPathReport *report, const WpDraftTemplate *tmpl,
                              const CliDraftLedger *ledger, GString *out, GError **error);
/* Adds a "draft" member to each path object of @root (wp_report_paths_json() of @report): the
 * draft's JSON (with what @ledger says about its source), or null for a direct path. */
void cli_draft_add_json(const WpPathReport *report, const WpDraftTemplate *tmpl,
                        const CliDraftLedger *ledger, JsonNode *root);
int cmd_serve(int argc, char **argv); /* src/serve/ */
int cmd_mcp(int argc, char **argv);
int cmd_connect(int argc, char **argv);
int cmd_ask(int argc, char **argv);
int cmd_update(int argc, char **argv);
int cmd_ledger(int argc, char **argv);
int cmd_followups(int argc, char **argv);
int cmd_metrics(int argc, char **argv);
