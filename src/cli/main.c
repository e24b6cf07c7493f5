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
};

static void print_help(FILE *out)
{
    fprintf(out, "Usage: warmpath COMMAND [OPTION...]\n\n"
                 "Find warm introduction paths through a network of people and trust ties.\n\n"
                 "Commands:\n");
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nRun 'warmpath COMMAND --help' for a command's options.\n"
                 "Exit codes: 0 ok, 1 failure, 2 usage, 3 bad input data, "
                 "4 unknown or ambiguous person.\n");
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    g_set_prgname("warmpath");
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
        printf("warmpath %s\n", WP_VERSION);
        return CLI_EXIT_OK;
    }
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "warmpath: unknown command '%s'\nTry 'warmpath --help'.\n", argv[1]);
    return CLI_EXIT_USAGE;
}
