/* SPDX-License-Identifier: MIT */
/* warmpath ledger list|show|export|import: the ledger of asks, read and moved. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    char *ledger;
    char *data_dir;
    char *format;
    char *output;
    char **sellers;
    gboolean open_only;
} LedgerOptions;

static void ledger_options_clear(LedgerOptions *o)
{
    g_free(o->ledger);
    g_free(o->data_dir);
    g_free(o->format);
    g_free(o->output);
    g_strfreev(o->sellers);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(LedgerOptions, ledger_options_clear)

typedef enum { SUB_LIST, SUB_SHOW, SUB_EXPORT, SUB_IMPORT } Sub;

static const struct {
    const char *name;
    const char *args;
    const char *summary;
    guint formats;
    CliFormat fallback;
} subs[] = {
    [SUB_LIST] = {"list", "", "every ask with its state, one per row", CLI_FORMATS_TEXT,
                  CLI_FORMAT_TABLE},
    [SUB_SHOW] = {"show", "ID", "one ask: its path, prediction and every event",
                  1u << CLI_FORMAT_TABLE | 1u << CLI_FORMAT_JSON, CLI_FORMAT_TABLE},
    [SUB_EXPORT] = {"export", "", "the whole history as CSV (one row per event) or JSON",
                    1u << CLI_FORMAT_CSV | 1u << CLI_FORMAT_JSON, CLI_FORMAT_CSV},
    [SUB_IMPORT] =
        {"import", "FILE",
         "add the history in a CSV file (or the JSON of export, FILE.json), all of it or nothing",
         1u << CLI_FORMAT_TABLE | 1u << CLI_FORMAT_JSON, CLI_FORMAT_TABLE},
};

static void print_help(FILE *out)
{
    fprintf(out,
            "Usage: warmpath ledger list|show|export|import [OPTION...]\n\n"
            "Read and move the ledger of asks (DIR/ledger.db of --data, or --ledger FILE).\n\n");
    for (guint i = 0; i < G_N_ELEMENTS(subs); i++)
        fprintf(out, "  %-7s %s\n", subs[i].name, subs[i].summary);
    fprintf(out, "\nRun 'warmpath ledger list --help', 'warmpath ledger show --help', "
                 "'warmpath ledger export --help' or 'warmpath ledger import --help' for the "
                 "options.\n"
                 "Exit codes: 0 ok, 1 failure (the ledger), 2 usage, 3 a bad import file (nothing "
                 "imported).\n");
}

static int list(const CliCommon *common, WpLedger *ledger, const LedgerOptions *o)
{
    g_autoptr(GError) error = NULL;
    WpAskFilter filter = {(const char *const *)o->sellers, WP_DAY_NONE, WP_DAY_NONE};
    g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, &filter, &error);
    if (asks == NULL)
        return cli_fail(error);
    for (guint i = asks->len; o->open_only && i-- > 0;) {
        const WpAsk *a = g_ptr_array_index(asks, i);
        if (wp_ask_state_is_final(a->state) || a->kind == WP_ASK_KIND_GIVEN)
            g_ptr_array_remove_index(asks, i);
    }
    gboolean ok;
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_ledger_export_json(asks);
        ok = cli_emit_json(common, root, &error);
    } else {
        g_autoptr(WpTable) table = wp_ledger_asks_table(asks);
        g_autoptr(GString) out = g_string_new(NULL);
        cli_table_render(table, common->format_value, cli_output_is_terminal(common) ? 32 : 0, out);
        ok = cli_emit(common, out->str, out->len, &error);
    }
    return ok ? CLI_EXIT_OK : cli_fail(error);
}

static int show(const CliCommon *common, WpLedger *ledger, const char *id_text)
{
    gint64 id = 0;
    int rc = cli_parse_count("ledger show", "ID", id_text, 1, G_MAXINT64, "an ask number", &id);
    if (rc != 0)
        return rc;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpAsk) ask = wp_ledger_get_ask(ledger, id, &error);
    if (ask == NULL)
        return cli_fail(error);
    return cli_emit_ask(common, ask, TRUE);
}

static int export(const CliCommon *common, WpLedger *ledger)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, NULL, &error);
    if (asks == NULL)
        return cli_fail(error);
    gboolean ok;
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_ledger_export_json(asks);
        ok = cli_emit_json(common, root, &error);
    } else {
        g_autofree char *text = wp_ledger_export_csv(asks);
        ok = cli_emit(common, text, strlen(text), &error);
    }
    return ok ? CLI_EXIT_OK : cli_fail(error);
}

static int import(const CliCommon *common, WpLedger *ledger, const char *file)
{
    g_autoptr(GError) error = NULL;
    guint n_asks = 0, n_events = 0;
    gboolean json = g_str_has_suffix(file, ".json") || g_str_has_suffix(file, ".JSON");
    if (!(json ? wp_ledger_import_json : wp_ledger_import_csv)(ledger, file, &n_asks, &n_events,
                                                               &error))
        return cli_fail(error); /* a bad row is WP_ERROR_PARSE: exit 3, nothing imported */
    g_autofree char *text = NULL;
    if (common->format_value == CLI_FORMAT_JSON)
        text = g_strdup_printf("{\n  \"asks\" : %u,\n  \"events\" : %u\n}\n", n_asks, n_events);
    else
        text = g_strdup_printf("Imported %u %s with %u %s into %s.\n", n_asks,
                               n_asks == 1 ? "ask" : "asks", n_events,
                               n_events == 1 ? "event" : "events", wp_ledger_filename(ledger));
    if (!cli_emit(common, text, strlen(text), &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}

static int run(Sub sub, int argc, char **argv)
{
    g_auto(LedgerOptions) o = {0};
    g_autofree char *command = g_strdup_printf("ledger %s", subs[sub].name);
    const GOptionEntry entries[] = {
        {"ledger", 'l', 0, G_OPTION_ARG_FILENAME, &o.ledger,
         "The ledger database (default: DIR/ledger.db of --data)", "FILE"},
        {"data", 'd', 0, G_OPTION_ARG_FILENAME, &o.data_dir,
         "The data folder whose ledger.db to use (default: $WARMPATH_DATA)", "DIR"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &o.format,
         sub == SUB_LIST     ? "Output format (default: table)"
         : sub == SUB_EXPORT ? "Output format (default: the extension of -o FILE, else csv)"
                             : "Output format (default: table)",
         sub == SUB_LIST     ? "table|csv|json"
         : sub == SUB_EXPORT ? "csv|json"
                             : "table|json"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Write to FILE (atomically) instead of standard output", "FILE"},
        G_OPTION_ENTRY_NULL};
    const GOptionEntry list_entries[] = {{"seller", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.sellers,
                                          "Only the asks of this seller (network id); repeatable",
                                          "ID"},
                                         {"open", 0, 0, G_OPTION_ARG_NONE, &o.open_only,
                                          "Only open asks (requests not in a final state)", NULL},
                                         G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new(subs[sub].args);
    g_option_context_set_summary(context, subs[sub].summary);
    g_option_context_add_main_entries(context, entries, NULL);
    if (sub == SUB_LIST)
        g_option_context_add_main_entries(context, list_entries, NULL);
    CliCommon common = {0};
    if (!cli_parse(context, &argc, &argv, command) ||
        !cli_output_format(command, o.format, o.output, subs[sub].formats, subs[sub].fallback,
                           &common.format_value))
        return CLI_EXIT_USAGE;
    common.output = o.output;
    guint n_args = subs[sub].args[0] != '\0' ? 1 : 0;
    if ((guint)argc - 1 < n_args)
        return cli_usage_error(command, "expected %s", subs[sub].args);
    if ((guint)argc - 1 > n_args)
        return cli_unexpected_argument(command, argv[1 + n_args]);
    g_autofree char *file = cli_ledger_file(command, o.ledger, o.data_dir);
    if (file == NULL)
        return CLI_EXIT_USAGE;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(
        file, sub == SUB_IMPORT ? WP_LEDGER_OPEN_CREATE : WP_LEDGER_OPEN_READ, &error);
    if (ledger == NULL)
        return cli_fail(error);
    switch (sub) {
    case SUB_LIST:
        return list(&common, ledger, &o);
    case SUB_SHOW:
        return show(&common, ledger, argv[1]);
    case SUB_EXPORT:
        return export(&common, ledger);
    case SUB_IMPORT:
        return import(&common, ledger, argv[1]);
    }
    return CLI_EXIT_FAILURE;
}

int cmd_ledger(int argc, char **argv)
{
    for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS(subs); i++)
        if (strcmp(argv[1], subs[i].name) == 0)
            return run((Sub)i, argc - 1, argv + 1);
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        print_help(stdout);
        return CLI_EXIT_OK;
    }
    if (argc >= 2) {
        g_autofree char *shown = wp_text_excerpt(argv[1]);
        return cli_usage_error("ledger",
                               "unknown subcommand '%s' (expected list, show, export "
                               "or import)",
                               shown);
    }
    return cli_usage_error("ledger", "what? list, show ID, export or import FILE");
}
