/* SPDX-License-Identifier: MIT */
/* warmpath profile: the model in force, as a profile file to copy and edit. */
#include "cli/cli.h"

#include <string.h>

int cmd_profile(int argc, char **argv)
{
    char *model_spec = NULL;
    char *output = NULL;
    const GOptionEntry entries[] = {
        {"model", 'm', 0, G_OPTION_ARG_STRING, &model_spec,
         "Model to print: default, raw, or a profile file to check", "MODEL"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE (atomically)", "FILE"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(context,
                                 "Print the tie-strength profile (a GLib key file). Save it, edit "
                                 "it, and pass it back with --model FILE.");
    g_option_context_add_main_entries(context, entries, NULL);
    gboolean parsed = cli_parse(context, &argc, &argv, "profile");
    g_autofree char *spec = model_spec;
    CliCommon common = {.output = output};
    CliFormat unused;
    if (!parsed || !cli_output_format("profile", NULL, output, 0, CLI_FORMAT_TABLE, &unused)) {
        g_free(output);
        return CLI_EXIT_USAGE;
    }
    if (argc > 1) {
        g_free(output);
        return cli_unexpected_argument("profile", argv[1]);
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) model = wp_model_new_from_spec(spec, &error);
    int rc = CLI_EXIT_OK;
    if (model == NULL) {
        rc = cli_fail(error);
    } else {
        g_autofree char *text = wp_model_to_data(model);
        if (!cli_emit(&common, text, strlen(text), &error))
            rc = cli_fail(error);
    }
    g_free(output);
    return rc;
}
