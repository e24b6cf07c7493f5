/* SPDX-License-Identifier: MIT */
/* warmpath profile: the model in force, as a profile file to copy and edit. */
#include "cli/cli.h"

#include <string.h>

typedef struct {
    char *model;
    char *data_dir;
    char *output;
} ProfileOptions;

static void profile_options_clear(ProfileOptions *o)
{
    g_free(o->model);
    g_free(o->data_dir);
    g_free(o->output);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ProfileOptions, profile_options_clear)

int cmd_profile(int argc, char **argv)
{
    g_auto(ProfileOptions) o = {0};
    const GOptionEntry entries[] = {
        {"model", 'm', 0, G_OPTION_ARG_STRING, &o.model,
         "Model to print: default, raw, or a profile file to check", "MODEL"},
        {"data", 'd', 0, G_OPTION_ARG_FILENAME, &o.data_dir,
         "Without --model: the profile in force for data folder DIR, DIR/profile.ini when there "
         "is one (default: $WARMPATH_DATA)",
         "DIR"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, "Write to FILE (atomically)", "FILE"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(context,
                                 "Print the tie-strength profile (a GLib key file). Save it, edit "
                                 "it, and pass it back with --model FILE, or save it as "
                                 "DIR/profile.ini for every command on that data folder.");
    g_option_context_add_main_entries(context, entries, NULL);
    CliFormat unused;
    if (!cli_parse(context, &argc, &argv, "profile") ||
        !cli_output_format("profile", NULL, o.output, 0, CLI_FORMAT_TABLE, &unused))
        return CLI_EXIT_USAGE;
    if (argc > 1)
        return cli_unexpected_argument("profile", argv[1]);
    const char *env = g_getenv("WARMPATH_DATA");
    if (o.data_dir == NULL && env != NULL && *env != '\0')
        o.data_dir = g_strdup(env);
    if (o.model == NULL)
        o.model = wp_model_profile_in_folder(o.data_dir);
    CliCommon common = {.output = o.output};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) model = wp_model_new_from_spec(o.model, &error);
    if (model == NULL)
        return cli_fail(error);
    g_autofree char *text = wp_model_to_data(model);
    if (!cli_emit(&common, text, strlen(text), &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}
