/* SPDX-License-Identifier: MIT */
/* warmpath COMMAND [OPTION...]: dispatch only. */
#include "cli/cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    CliCommandFunc run;
    const char *summary;
} CliCommand;

static const CliCommand commands[] = {
    {"stats", cmd_stats, "Summarise the network: people, ties, components, data quality"},
    {"profile", cmd_profile, "Print the tie-strength profile in force, as an editable file"},
    {"import", cmd_import, "Add LinkedIn or CRM contact exports to a data directory"},
    {"path", cmd_path, "Who can introduce you to a person, or into an account: best paths"},
    {"rank", cmd_rank, "Whom to ask first for a territory: referral sources ranked, ask plan"},
    {"map", cmd_map, "Draw an account map or a territory overview (dot, svg, png, pdf)"},
    {"draft", cmd_draft, "Write the intro request to a referral source, and a note to forward"},
    {"connect", cmd_connect, "Introductions you can make between your contacts, with reasons"},
    {"ask", cmd_ask, "Record an ask for an introduction in the ledger (or one you made)"},
    {"update", cmd_update, "Record what came of an ask: agreed, introduced, meeting, won, ..."},
    {"ledger", cmd_ledger, "List, show, export and import the ledger of asks"},
    {"followups", cmd_followups, "What to do today about your asks: thank, report, nudge, ask next"},
    {"metrics", cmd_metrics, "Referral funnel, sources, revenue and calibration; a chart"},
    {"serve", cmd_serve, "Serve the network over HTTP: JSON API, diagrams, health, metrics"},
    {"mcp", cmd_mcp, "Answer an AI assistant's tool calls (Model Context Protocol on stdio)"},
};

static void print_help(FILE *out)
{
    fprintf(out, "Usage: warmpath COMMAND [OPTION...]\n\n"
                 "Find warm introduction paths through a network of people and trust ties.\n\n"
                 "Commands:\n");
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nRun 'warmpath COMMAND --help' for a command's options.\n"
                 "Exit codes: 0 ok, 1 failure, 2 usage, 3 bad input data, "
                 "4 unknown or ambiguous person.\n");
}

/* Data and arguments are UTF-8 whatever the locale (README "Locales"), and nothing the program
 * matches or writes depends on it: text is compared by the library's own folding, numbers are
 * written with '.', messages are English. So the C library stays in the "C" locale for
 * everything but the character type, which is UTF-8: GOption then takes non-ASCII arguments
 * under LANG=C (it converts them from the locale's charset). Where no UTF-8 locale exists, GLib
 * is told the charset directly. */
static void use_utf8(void)
{
    static const char *const utf8[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
    for (guint i = 0; i < G_N_ELEMENTS(utf8); i++)
        if (setlocale(LC_CTYPE, utf8[i]) != NULL)
            break;
    if (!g_get_charset(NULL))
        g_setenv("CHARSET", "UTF-8", TRUE);
}

/* An argument that is not UTF-8 (typed in a Latin-1 terminal) is refused by name, instead of
 * GOption's bare "Invalid byte sequence in conversion input". */
static int check_arguments(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!g_utf8_validate(argv[i], -1, NULL)) {
            g_autofree char *shown = wp_text_for_terminal(argv[i]);
            g_autofree char *quoted = wp_text_excerpt(shown);
            /* Name the option: "--to VALUE", "--to=VALUE", else the argument's place. */
            const char *eq = argv[i][0] == '-' ? strchr(argv[i], '=') : NULL;
            g_autofree char *option = eq != NULL ? g_strndup(argv[i], (gsize)(eq - argv[i]))
                                      : i > 1 && argv[i - 1][0] == '-' && argv[i][0] != '-'
                                          ? g_strdup(argv[i - 1])
                                          : g_strdup_printf("argument %d", i);
            g_autofree char *safe_option = wp_text_for_terminal(option);
            fprintf(stderr,
                    "warmpath: %s: '%s' is not UTF-8 text; warmpath reads arguments as UTF-8 "
                    "whatever the locale\nTry 'warmpath --help'.\n",
                    safe_option, quoted);
            return CLI_EXIT_USAGE;
        }
    return CLI_EXIT_OK;
}

int main(int argc, char **argv)
{
    use_utf8();
    g_set_prgname("warmpath");
    if (check_arguments(argc, argv) != CLI_EXIT_OK)
        return CLI_EXIT_USAGE;
    if (argc < 2) {
        print_help(stderr);
        return CLI_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        print_help(stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("warmpath %s\n", wp_version_string()); /* the loaded library's */
        return CLI_EXIT_OK;
    }
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    g_autofree char *shown = wp_text_excerpt(argv[1]);
    g_autofree char *safe = wp_text_for_terminal(shown);
    fprintf(stderr, "warmpath: unknown command '%s'\nTry 'warmpath --help'.\n", safe);
    return CLI_EXIT_USAGE;
}
