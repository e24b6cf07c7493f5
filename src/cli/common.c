/* SPDX-License-Identifier: MIT */
/* Options every data command shares, loading the network they name, and writing results. */
#include "cli/cli.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *const format_names[] = {
    [CLI_FORMAT_TABLE] = "table", [CLI_FORMAT_CSV] = "csv",   [CLI_FORMAT_JSON] = "json",
    [CLI_FORMAT_DOT] = "dot",     [CLI_FORMAT_SVG] = "svg",   [CLI_FORMAT_PNG] = "png",
    [CLI_FORMAT_PDF] = "pdf",     [CLI_FORMAT_TEXT] = "text", [CLI_FORMAT_MARKDOWN] = "markdown",
    [CLI_FORMAT_EML] = "eml",
};

void cli_common_clear(CliCommon *c)
{
    g_clear_pointer(&c->data_dir, g_free);
    g_clear_pointer(&c->edges, g_free);
    g_clear_pointer(&c->people, g_free);
    g_clear_pointer(&c->model, g_free);
    g_clear_pointer(&c->as_of, g_free);
    g_clear_pointer(&c->ties_format, g_free);
    g_clear_pointer(&c->weight_column, g_free);
    g_clear_pointer(&c->weight_scale, g_free);
    g_clear_pointer(&c->format, g_free);
    g_clear_pointer(&c->output, g_free);
}

/* GOption keeps pointers to these strings, so they are static. */
static const char *formats_help(guint formats)
{
    if (formats == CLI_FORMATS_TEXT)
        return "table|csv|json";
    if (formats == (CLI_FORMATS_TEXT | CLI_FORMATS_DIAGRAM))
        return "table|csv|json|dot|svg|png|pdf";
    if (formats == CLI_FORMATS_DIAGRAM)
        return "dot|svg|png|pdf";
    if (formats == CLI_FORMATS_DRAFT)
        return "text|markdown|json|eml";
    if (formats == (1u << CLI_FORMAT_TABLE | 1u << CLI_FORMAT_JSON))
        return "table|json";
    return "FORMAT";
}

void cli_common_add_options(GOptionContext *context, CliCommon *c, guint formats)
{
    const GOptionEntry data[] = {
        {"data", 'd', 0, G_OPTION_ARG_FILENAME, &c->data_dir,
         "Read DIR/edges.csv and DIR/people.csv (default: $WARMPATH_DATA)", "DIR"},
        {"edges", 'e', 0, G_OPTION_ARG_FILENAME, &c->edges,
         "Ties: a CSV with source,target[,strength,type,...] or a plain edge list", "FILE"},
        {"people", 'p', 0, G_OPTION_ARG_FILENAME, &c->people,
         "People: a CSV with id[,name,company,title,...]", "FILE"},
        {"model", 'm', 0, G_OPTION_ARG_STRING, &c->model,
         "Tie-strength model: default, raw, or a profile file (default: DIR/profile.ini if "
         "there is one, else default)",
         "MODEL"},
        {"as-of", 0, 0, G_OPTION_ARG_STRING, &c->as_of,
         "Measure recency to this date (default: today)", "YYYY-MM-DD"},
        {"ties-format", 0, 0, G_OPTION_ARG_STRING, &c->ties_format,
         "How to read --edges: auto, csv or edgelist (default: auto)", "FORMAT"},
        {"weight-column", 0, 0, G_OPTION_ARG_STRING, &c->weight_column,
         "The ties column of strengths, weights or ratings: a header name, or a field number "
         "(default: strength; an edge list's third field)",
         "COLUMN"},
        {"weight-scale", 0, 0, G_OPTION_ARG_STRING, &c->weight_scale,
         "How its values become strengths: strength (already in (0,1]), max (divide by the "
         "largest), log, or LO:HI (a range such as -10:10); below zero is distrust, 0 no tie",
         "SCALE"},
        {"strict", 0, 0, G_OPTION_ARG_NONE, &c->strict,
         "Treat every data-quality warning as an error", NULL},
        {"skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &c->skip_bad_rows,
         "Drop tie rows with bad values (counted as warnings) instead of failing", NULL},
        {"no-learn", 0, 0, G_OPTION_ARG_NONE, &c->no_learn,
         "Score ties with the profile alone, not with what DIR/ledger.db's outcomes taught", NULL},
        {"no-cache", 0, 0, G_OPTION_ARG_NONE, &c->no_cache,
         "Parse the files even when a compiled network is cached", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &c->quiet,
         "Do not print the line that counts data-quality warnings", NULL},
        G_OPTION_ENTRY_NULL};
    g_option_context_add_main_entries(context, data, NULL);
    if (formats == 0)
        return;
    const GOptionEntry output[] = {
        {"format", 'f', 0, G_OPTION_ARG_STRING, &c->format,
         formats == CLI_FORMATS_DIAGRAM ? "Output format (default: the extension of -o FILE, "
                                          "else svg)"
                                        : "Output format (default: the extension of -o FILE, "
                                          "else table)",
         formats_help(formats)},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &c->output,
         "Write to FILE (atomically) instead of standard output", "FILE"},
        G_OPTION_ENTRY_NULL};
    g_option_context_add_main_entries(context, output, NULL);
}

/* Messages quote input data (ids, cells), so they are sanitised like table cells: a hostile file
 * must not send escape sequences or bidirectional overrides to the terminal. Line breaks are
 * kept (a --where error shows the expression and a caret mark under the bad part on two more
 * lines); each line is sanitised on its own. */
#define MAX_MESSAGE_LINE 4096 /* bytes: values are quoted in 80, so only a bug reaches this */

static void print_message(const char *message)
{
    g_auto(GStrv) lines = g_strsplit(message, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
        if (strlen(lines[i]) > MAX_MESSAGE_LINE) { /* cut on a character, then "…" */
            gsize cut = MAX_MESSAGE_LINE;
            while (cut > 0 && ((unsigned char)lines[i][cut] & 0xC0) == 0x80)
                cut--;
            memcpy(lines[i] + cut, "\u2026", sizeof "\u2026");
        }
        g_autofree char *safe = cli_sanitize_for_terminal(lines[i]);
        fprintf(stderr, i == 0 ? "warmpath: %s\n" : "%s\n", safe);
    }
}

void cli_warn(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *message = g_strdup_vprintf(format, args);
    va_end(args);
    print_message(message);
}

int cli_usage_error(const char *command, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *message = g_strdup_vprintf(format, args);
    va_end(args);
    print_message(message);
    fprintf(stderr, "Try 'warmpath %s --help'.\n", command);
    return CLI_EXIT_USAGE;
}

int cli_unexpected_argument(const char *command, const char *argument)
{
    g_autofree char *shown = wp_text_excerpt(argument);
    return cli_usage_error(command, "unexpected argument '%s'", shown);
}

int cli_fail(const GError *error)
{
    print_message(error->message);
    if (error->domain != WP_ERROR)
        return CLI_EXIT_FAILURE;
    switch ((WpError)error->code) {
    case WP_ERROR_PARSE:
    case WP_ERROR_LIMIT:
        return CLI_EXIT_DATA;
    case WP_ERROR_UNKNOWN_PERSON:
    case WP_ERROR_AMBIGUOUS_PERSON:
    case WP_ERROR_UNKNOWN_NAME:
        return CLI_EXIT_PERSON;
    case WP_ERROR_USAGE:
        return CLI_EXIT_USAGE;
    default:
        return CLI_EXIT_FAILURE;
    }
}

gboolean cli_parse(GOptionContext *context, int *argc, char ***argv, const char *command)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *prgname = g_strdup_printf("warmpath %s", command);
    g_set_prgname(prgname);
    if (!g_option_context_parse(context, argc, argv, &error)) {
        cli_usage_error(command, "%s", error->message);
        return FALSE;
    }
    return TRUE;
}

gboolean cli_parse_command(GOptionContext *context, int *argc, char ***argv, CliCommon *common,
                           guint formats, const char *command)
{
    if (!cli_parse(context, argc, argv, command) ||
        !cli_common_check(context, common, formats, command))
        return FALSE;
    if (*argc > 1) {
        cli_unexpected_argument(command, (*argv)[1]);
        return FALSE;
    }
    return TRUE;
}

/* File name extensions and the format each names; NO_FORMAT for the formats of other programs,
 * which no command writes (a .jpg filled with SVG is worse than a refusal). */
#define NO_FORMAT (-1)
static const struct {
    const char *extension;
    int format;
} extensions[] = {
    {"txt", CLI_FORMAT_TABLE}, {"csv", CLI_FORMAT_CSV},     {"json", CLI_FORMAT_JSON},
    {"dot", CLI_FORMAT_DOT},   {"gv", CLI_FORMAT_DOT},      {"svg", CLI_FORMAT_SVG},
    {"png", CLI_FORMAT_PNG},   {"pdf", CLI_FORMAT_PDF},     {"jpg", NO_FORMAT},
    {"jpeg", NO_FORMAT},       {"gif", NO_FORMAT},          {"webp", NO_FORMAT},
    {"bmp", NO_FORMAT},        {"tif", NO_FORMAT},          {"tiff", NO_FORMAT},
    {"heic", NO_FORMAT},       {"ps", NO_FORMAT},           {"eps", NO_FORMAT},
    {"html", NO_FORMAT},       {"htm", NO_FORMAT},          {"xml", NO_FORMAT},
    {"tsv", NO_FORMAT},        {"xls", NO_FORMAT},          {"xlsx", NO_FORMAT},
    {"ods", NO_FORMAT},        {"doc", NO_FORMAT},          {"docx", NO_FORMAT},
    {"odt", NO_FORMAT},        {"md", CLI_FORMAT_MARKDOWN}, {"eml", CLI_FORMAT_EML},
};

/* "table (.txt), csv (.csv), ...": what @formats lets a command write. */
static char *writable(guint formats)
{
    GString *out = g_string_new(NULL);
    for (guint f = 0; f < G_N_ELEMENTS(format_names); f++) {
        if (!(formats & (1u << f)))
            continue;
        g_string_append_printf(out, "%s%s (", out->len ? ", " : "", format_names[f]);
        for (guint e = 0, n = 0; e < G_N_ELEMENTS(extensions); e++)
            if (extensions[e].format == (int)f ||
                (f == CLI_FORMAT_TEXT && extensions[e].format == CLI_FORMAT_TABLE))
                g_string_append_printf(out, "%s.%s", n++ ? ", " : "", extensions[e].extension);
        g_string_append_c(out, ')');
    }
    return g_string_free(out, FALSE);
}

gboolean cli_output_format(const char *command, const char *format, const char *output,
                           guint formats, CliFormat fallback, CliFormat *out)
{
    int given = NO_FORMAT, named = NO_FORMAT;
    if (format != NULL) {
        for (guint f = 0; f < G_N_ELEMENTS(format_names) && given == NO_FORMAT; f++)
            if ((formats & (1u << f)) && g_ascii_strcasecmp(format, format_names[f]) == 0)
                given = (int)f;
        if (given == NO_FORMAT) {
            g_autofree char *shown = wp_text_excerpt(format);
            cli_usage_error(command, "--format: '%s' is not one of %s", shown,
                            formats_help(formats));
            return FALSE;
        }
    }
    const char *base = output ? strrchr(output, '/') : NULL;
    const char *dot = output ? strrchr(base ? base : output, '.') : NULL;
    guint e = 0;
    while (dot != NULL && e < G_N_ELEMENTS(extensions) &&
           g_ascii_strcasecmp(dot + 1, extensions[e].extension) != 0)
        e++;
    if (dot != NULL && e < G_N_ELEMENTS(extensions) && formats == 0 &&
        extensions[e].format != CLI_FORMAT_TABLE) {
        cli_usage_error(command,
                        "-o '%s': %s writes a key file (.ini, .txt or another name), "
                        "not %s",
                        output, command, dot);
        return FALSE;
    }
    if (dot != NULL && e < G_N_ELEMENTS(extensions) && formats != 0) {
        named = extensions[e].format;
        if (named == CLI_FORMAT_TABLE && !(formats & (1u << CLI_FORMAT_TABLE)))
            named = CLI_FORMAT_TEXT; /* .txt: prose where a command writes no table */
        if (named == NO_FORMAT || !(formats & (1u << named))) {
            g_autofree char *can = writable(formats);
            cli_usage_error(command, "-o '%s': %s cannot write %s files; it writes %s", output,
                            command, dot, can);
            return FALSE;
        }
        if (given != NO_FORMAT && given != named) {
            cli_usage_error(command, "--format %s contradicts -o '%s', a %s file",
                            format_names[given], output, format_names[named]);
            return FALSE;
        }
    }
    *out = given != NO_FORMAT ? (CliFormat)given : named != NO_FORMAT ? (CliFormat)named : fallback;
    return TRUE;
}

gboolean cli_common_check(GOptionContext *context G_GNUC_UNUSED, CliCommon *c, guint formats,
                          const char *command)
{
    c->format_value = CLI_FORMAT_TABLE;
    if (formats != 0 && !cli_output_format(command, c->format, c->output, formats,
                                           formats & (1u << CLI_FORMAT_TABLE)  ? CLI_FORMAT_TABLE
                                           : formats & (1u << CLI_FORMAT_TEXT) ? CLI_FORMAT_TEXT
                                                                               : CLI_FORMAT_SVG,
                                           &c->format_value))
        return FALSE;
    if (c->ties_format != NULL && strcmp(c->ties_format, "auto") != 0 &&
        strcmp(c->ties_format, "csv") != 0 && strcmp(c->ties_format, "edgelist") != 0) {
        g_autofree char *shown = wp_text_excerpt(c->ties_format);
        cli_usage_error(command, "--ties-format: '%s' is not auto, csv or edgelist", shown);
        return FALSE;
    }
    g_autoptr(GError) error = NULL;
    if (c->weight_scale != NULL && !wp_weight_scale_parse(c->weight_scale, &c->weight_scale_value,
                                                          &c->weight_lo, &c->weight_hi, &error)) {
        cli_usage_error(command, "%s", error->message);
        return FALSE;
    }
    WpDay day;
    if (c->as_of != NULL && !wp_day_parse(c->as_of, &day)) {
        g_autofree char *shown = wp_text_excerpt(c->as_of);
        cli_usage_error(command, "--as-of: '%s' is not a date YYYY-MM-DD", shown);
        return FALSE;
    }
    if (c->data_dir == NULL && c->edges == NULL && g_getenv("WARMPATH_DATA") != NULL &&
        *g_getenv("WARMPATH_DATA") != '\0')
        c->data_dir = g_strdup(g_getenv("WARMPATH_DATA"));
    if (c->data_dir == NULL && c->edges == NULL) {
        cli_usage_error(command, "no network given: use --data DIR or --edges FILE");
        return FALSE;
    }
    if (c->data_dir != NULL && c->edges != NULL) {
        cli_usage_error(command, "give --data or --edges, not both");
        return FALSE;
    }
    if (c->model == NULL) {
        c->model_from_folder = TRUE;
        c->model = wp_model_profile_in_folder(c->data_dir);
    }
    return TRUE;
}

/* @graph scored with @model and --as-of, with the strengths DIR/ledger.db taught (unless
 * --no-learn or no data folder). */
static WpScoring *score_graph(const CliCommon *c, WpGraph *graph, const WpModel *model,
                              GError **error)
{
    WpDay as_of = WP_DAY_NONE;
    if (c->as_of != NULL)
        wp_day_parse(c->as_of, &as_of);
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, model, as_of, NULL);
    if (c->no_learn || c->data_dir == NULL)
        return g_steal_pointer(&scoring);
    /* What the folder's asks taught about its ties (docs/ledger.md "Learning"). */
    GError *ledger_error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open_for_folder(c->data_dir, &ledger_error);
    if (ledger_error != NULL) {
        g_propagate_error(error, ledger_error);
        return NULL;
    }
    if (ledger == NULL)
        return g_steal_pointer(&scoring);
    return wp_learn_scoring(scoring, ledger, NULL, error);
}

WpScoring *cli_load_scoring(const CliCommon *c, GError **error)
{
    g_autofree char *edges = NULL;
    g_autofree char *people = NULL;
    if (c->data_dir != NULL) {
        edges = g_build_filename(c->data_dir, "edges.csv", NULL);
        people =
            c->people ? g_strdup(c->people) : g_build_filename(c->data_dir, "people.csv", NULL);
        if (c->people == NULL && !g_file_test(people, G_FILE_TEST_EXISTS))
            g_clear_pointer(&people, g_free);
    } else {
        edges = g_strdup(c->edges);
        people = g_strdup(c->people);
    }
    g_autoptr(WpModel) model = wp_model_new_from_spec(c->model, error);
    if (model == NULL)
        return NULL;
    WpLoadSpec spec = {
        .ties_file = edges,
        .people_file = people,
        .ties_format = c->ties_format == NULL                    ? WP_TIES_FORMAT_AUTO
                       : strcmp(c->ties_format, "csv") == 0      ? WP_TIES_FORMAT_CSV
                       : strcmp(c->ties_format, "edgelist") == 0 ? WP_TIES_FORMAT_EDGELIST
                                                                 : WP_TIES_FORMAT_AUTO,
        .flags = (c->strict ? WP_LOAD_STRICT : 0) | (c->skip_bad_rows ? WP_LOAD_SKIP_BAD_ROWS : 0),
        .weight_column = c->weight_column,
        .weight_scale = c->weight_scale_value,
        .weight_lo = c->weight_lo,
        .weight_hi = c->weight_hi,
    };
    /* A large network is read through its compiled form (README "Performance"). */
    const char *cache_dir = g_getenv("WARMPATH_CACHE_DIR");
    gboolean no_cache = c->no_cache || (cache_dir != NULL && strcmp(cache_dir, "off") == 0);
    g_autoptr(WpGraph) graph =
        no_cache ? wp_graph_load(&spec, error)
                 : wp_graph_load_cached(&spec, cache_dir && *cache_dir ? cache_dir : NULL,
                                        CLI_CACHE_MIN_BYTES, NULL, error);
    if (graph == NULL)
        return NULL;
    g_autofree char *warnings = wp_graph_warning_summary(graph);
    if (warnings != NULL && !c->quiet && !c->lists_warnings)
        cli_warn("the data has warnings: %s ('warmpath stats' lists them; --quiet hides this)",
                 warnings);
    return score_graph(c, graph, model, error);
}

WpScoring *cli_score_graph(const CliCommon *c, WpGraph *graph, GError **error)
{
    g_autoptr(WpModel) model = wp_model_new_from_spec(c->model, error);
    return model != NULL ? score_graph(c, graph, model, error) : NULL;
}

gboolean cli_output_is_terminal(const CliCommon *c)
{
    return c->output == NULL && isatty(STDOUT_FILENO);
}

gboolean cli_emit(const CliCommon *c, const char *text, gsize len, GError **error)
{
    if (c->output != NULL)
        return wp_file_write_atomic(c->output, text, len, error);
    if (fwrite(text, 1, len, stdout) != len || fflush(stdout) != 0) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_IO, "cannot write to standard output");
        return FALSE;
    }
    return TRUE;
}

gboolean cli_emit_json(const CliCommon *c, JsonNode *root, GError **error)
{
    g_autoptr(JsonGenerator) generator = json_generator_new();
    json_generator_set_pretty(generator, TRUE);
    json_generator_set_root(generator, root);
    gsize len = 0;
    g_autofree char *text = json_generator_to_data(generator, &len);
    g_autoptr(GString) out = g_string_new_len(text, (gssize)len);
    g_string_append_c(out, '\n');
    return cli_emit(c, out->str, out->len, error);
}

char *cli_ledger_file(const char *command, const char *ledger, const char *data_dir)
{
    if (ledger != NULL)
        return g_strdup(ledger);
    const char *env = g_getenv("WARMPATH_DATA");
    if (data_dir == NULL && env != NULL && *env != '\0')
        data_dir = env;
    if (data_dir == NULL) {
        cli_usage_error(command,
                        "no ledger given: use --ledger FILE or --data DIR (DIR/ledger.db)");
        return NULL;
    }
    return wp_ledger_path_in_folder(data_dir);
}

/* The asks of the ledger database, or of a ledger export (FILE.csv, as `ledger export` writes
 * it), imported into a scratch database that is removed afterwards: history kept in a
 * spreadsheet or a repository can be looked at as it is. */
GPtrArray *cli_read_asks(const char *file, const WpAskFilter *filter, GError **error)
{
    if (!g_str_has_suffix(file, ".csv") && !g_str_has_suffix(file, ".csv.gz")) {
        g_autoptr(WpLedger) ledger = wp_ledger_open(file, WP_LEDGER_OPEN_READ, error);
        return ledger != NULL ? wp_ledger_list_asks(ledger, filter, error) : NULL;
    }
    g_autofree char *dir = g_dir_make_tmp("warmpath-history-XXXXXX", error);
    if (dir == NULL)
        return NULL;
    g_autofree char *db = g_build_filename(dir, "ledger.db", NULL);
    GPtrArray *asks = NULL;
    WpLedger *ledger = wp_ledger_open(db, WP_LEDGER_OPEN_CREATE, error);
    if (ledger != NULL && wp_ledger_import_csv(ledger, file, NULL, NULL, error))
        asks = wp_ledger_list_asks(ledger, filter, error);
    wp_ledger_close(ledger);
    const char *const leftovers[] = {"ledger.db", "ledger.db-wal", "ledger.db-shm"};
    for (guint i = 0; i < G_N_ELEMENTS(leftovers); i++) {
        g_autofree char *path = g_build_filename(dir, leftovers[i], NULL);
        g_remove(path);
    }
    g_rmdir(dir);
    return asks;
}

int cli_emit_ask(const CliCommon *common, const WpAsk *ask, gboolean with_draft)
{
    g_autoptr(GError) error = NULL;
    gboolean ok;
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_ask_to_json(ask);
        ok = cli_emit_json(common, root, &error);
    } else {
        g_autoptr(GString) out = g_string_new(NULL);
        g_autofree char *text = wp_ask_describe(ask);
        cli_append_line(out, g_strchomp(text));
        g_autofree char *draft = with_draft ? wp_ask_describe_draft(ask) : NULL;
        if (draft != NULL) {
            g_string_append_c(out, '\n');
            cli_append_line(out, g_strchomp(draft));
        }
        ok = cli_emit(common, out->str, out->len, &error);
    }
    return ok ? CLI_EXIT_OK : cli_fail(error);
}
