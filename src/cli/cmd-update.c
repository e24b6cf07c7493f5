/* SPDX-License-Identifier: MIT */
/* warmpath update ID STATE: record what came of an ask. */
#include "cli/cli.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char *on;
    char *amount;
    char *note;
    char *by;
    char *ledger;
    char *data_dir;
    char *format;
    char *output;
} UpdateOptions;

static void update_options_clear(UpdateOptions *o)
{
    g_free(o->on);
    g_free(o->amount);
    g_free(o->note);
    g_free(o->by);
    g_free(o->ledger);
    g_free(o->data_dir);
    g_free(o->format);
    g_free(o->output);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(UpdateOptions, update_options_clear)

/* "asked, agreed, ..., lost" */
static char *all_states(void)
{
    GString *out = g_string_new(NULL);
    for (guint s = 0; s < WP_ASK_N_STATES; s++)
        g_string_append_printf(out, "%s%s", s ? ", " : "", wp_ask_state_name((WpAskState)s));
    return g_string_free(out, FALSE);
}

/* The ID and STATE arguments and the values of --on and --amount; exit code on failure. */
static int parse_arguments(int argc, char **argv, const UpdateOptions *o, gint64 *id,
                           WpAskState *state, WpDay *day, double *amount)
{
    if (argc < 3)
        return cli_usage_error("update", "expected ID STATE (e.g. 'warmpath update 12 agreed')");
    if (argc > 3)
        return cli_unexpected_argument("update", argv[3]);
    int rc = cli_parse_count("update", "ID", argv[1], 1, G_MAXINT64, "an ask number", id);
    if (rc != 0)
        return rc;
    if (!wp_ask_state_from_name(argv[2], state)) {
        g_autofree char *shown = wp_text_excerpt(argv[2]);
        g_autofree char *states = all_states();
        return cli_usage_error("update", "'%s' is not a state; states: %s", shown, states);
    }
    *day = wp_day_today();
    if (o->on != NULL && !wp_day_parse(o->on, day)) {
        g_autofree char *shown = wp_text_excerpt(o->on);
        return cli_usage_error("update", "--on: '%s' is not a date YYYY-MM-DD", shown);
    }
    if (o->amount != NULL) {
        char *end = NULL;
        *amount = g_ascii_strtod(o->amount, &end);
        if (end == o->amount || *end != '\0' || !isfinite(*amount) || *amount < 0 ||
            *amount >= 1e15) {
            g_autofree char *shown = wp_text_excerpt(o->amount);
            return cli_usage_error("update",
                                   "--amount: '%s' is not an amount such as 12500 or 12500.50 "
                                   "(digits, '.' for decimals)",
                                   shown);
        }
    }
    return CLI_EXIT_OK;
}

int cmd_update(int argc, char **argv)
{
    g_auto(UpdateOptions) o = {0};
    const GOptionEntry entries[] = {
        {"on", 0, 0, G_OPTION_ARG_STRING, &o.on, "The day it happened (default: today)",
         "YYYY-MM-DD"},
        {"amount", 0, 0, G_OPTION_ARG_STRING, &o.amount,
         "Revenue (on won or opportunity), e.g. 12500.50", "N"},
        {"note", 0, 0, G_OPTION_ARG_STRING, &o.note, "A note kept with the event", "TEXT"},
        {"by", 0, 0, G_OPTION_ARG_STRING, &o.by,
         "Who records it (default: the user name of the account)", "WHO"},
        {"ledger", 'l', 0, G_OPTION_ARG_FILENAME, &o.ledger,
         "The ledger database (default: DIR/ledger.db of --data)", "FILE"},
        {"data", 'd', 0, G_OPTION_ARG_FILENAME, &o.data_dir,
         "The data folder whose ledger.db to use (default: $WARMPATH_DATA)", "DIR"},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &o.format, "Output format (default: table)",
         "table|json"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Write to FILE (atomically) instead of standard output", "FILE"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("ID STATE");
    g_autofree char *states = all_states();
    g_autofree char *summary = g_strdup_printf(
        "Record that ask ID moved to STATE: %s.\n\n"
        "asked -> agreed | declined | no-answer; agreed -> introduced | no-answer; introduced -> "
        "meeting | no-response; meeting -> opportunity -> won | lost. Skipping forward is "
        "allowed; going back, leaving a final state (declined, no-answer, no-response, won, "
        "lost) or a day before the last event's is refused with the allowed next states.\n\n"
        "Exit codes: 0 recorded, 1 failure (the ledger), 2 usage or a move the rules refuse.",
        states);
    g_option_context_set_summary(context, summary);
    g_option_context_add_main_entries(context, entries, NULL);
    guint formats = 1u << CLI_FORMAT_TABLE | 1u << CLI_FORMAT_JSON;
    CliCommon common = {0};
    if (!cli_parse(context, &argc, &argv, "update") ||
        !cli_output_format("update", o.format, o.output, formats, CLI_FORMAT_TABLE,
                           &common.format_value))
        return CLI_EXIT_USAGE;
    common.output = o.output;
    gint64 id = 0;
    WpAskState state = WP_ASK_ASKED;
    WpDay day = WP_DAY_NONE;
    double amount = 0;
    int rc = parse_arguments(argc, argv, &o, &id, &state, &day, &amount);
    if (rc != CLI_EXIT_OK)
        return rc;
    g_autofree char *file = cli_ledger_file("update", o.ledger, o.data_dir);
    if (file == NULL)
        return CLI_EXIT_USAGE;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(file, WP_LEDGER_OPEN_READ, &error);
    if (ledger == NULL)
        return cli_fail(error);
    g_autoptr(WpAsk) ask = wp_ledger_record_event(ledger, id, state, day, o.amount ? &amount : NULL,
                                                  o.note, o.by, &error);
    if (ask == NULL)
        return cli_fail(error); /* a refused move is WP_ERROR_USAGE: exit 2 */
    return cli_emit_ask(&common, ask, FALSE);
}
