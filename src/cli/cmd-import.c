/* SPDX-License-Identifier: MIT */
/* warmpath import linkedin|crm: merge contact exports into DIR/people.csv and DIR/edges.csv,
 * and report what was added, merged and skipped. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

/* Option values, owned; filled by GOption. */
typedef struct {
    char *data_dir, *owner, *owner_name, *owner_company, *team, *owner_column, *map_file;
    char *accounts, *tie_type, *exported_on, *format, *output, *origin;
    char **map, **owner_map;
    gboolean dry_run;
} ImportArgs;

static void import_args_clear(ImportArgs *a)
{
    char **strings[] = {&a->data_dir, &a->owner,        &a->owner_name, &a->owner_company,
                        &a->team,     &a->owner_column, &a->map_file,   &a->accounts,
                        &a->tie_type, &a->exported_on,  &a->format,     &a->output,
                        &a->origin};
    for (guint i = 0; i < G_N_ELEMENTS(strings); i++)
        g_clear_pointer(strings[i], g_free);
    g_clear_pointer(&a->map, g_strfreev);
    g_clear_pointer(&a->owner_map, g_strfreev);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ImportArgs, import_args_clear)

static void add_options(GOptionContext *context, ImportArgs *a, gboolean crm)
{
    const GOptionEntry common[] = {
        {"data", 'd', 0, G_OPTION_ARG_FILENAME, &a->data_dir,
         "Add to DIR/people.csv and DIR/edges.csv, created when missing (default: "
         "$WARMPATH_DATA)",
         "DIR"},
        {"owner", 0, 0, G_OPTION_ARG_STRING, &a->owner,
         crm ? "The seller of rows whose owner cell is empty, and of every row when the file has "
               "no owner column (or --map owner= ignores it): an id or a name in DIR, or a new "
               "id with --owner-name"
             : "The seller whose export this is: a person id or name in DIR, or a new id with "
               "--owner-name",
         "SELLER"},
        {"owner-name", 0, 0, G_OPTION_ARG_STRING, &a->owner_name,
         "Add the seller SELLER with this name when DIR has no such person", "NAME"},
        {"owner-company", 0, 0, G_OPTION_ARG_STRING, &a->owner_company, "The new seller's company",
         "COMPANY"},
        {"team", 0, 0, G_OPTION_ARG_STRING, &a->team,
         "Team of each seller who has none yet; a seller in another team stays there (default: "
         "keep theirs, else 'team')",
         "NAME"},
        {"map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->map,
         "Read FIELD from COLUMN (repeatable; fields: first_name, last_name, name, email, "
         "company, title, linkedin_url, date, owner, account_id; an empty COLUMN ignores it)",
         "FIELD=COLUMN"},
        {"map-file", 0, 0, G_OPTION_ARG_FILENAME, &a->map_file,
         "Key file with [columns] FIELD=COLUMN and [owners] VALUE=SELLER", "FILE"},
        {"exported-on", 0, 0, G_OPTION_ARG_STRING, &a->exported_on,
         "Date of the export; a newer one overwrites company and title (default: the file's "
         "modification date)",
         "YYYY-MM-DD"},
        {"origin", 0, 0, G_OPTION_ARG_STRING, &a->origin,
         crm ? "What the ties' origin column calls this export (default: hubspot, salesforce, "
               "or the file's name)"
             : "What the ties' origin column calls this export (default: linkedin:SELLER, the "
               "seller's id)",
         "NAME"},
        {"dry-run", 'n', 0, G_OPTION_ARG_NONE, &a->dry_run, "Report only; write nothing", NULL},
        {"format", 'f', 0, G_OPTION_ARG_STRING, &a->format, "Report format (default: table)",
         "table|csv|json"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
         "Write the report to FILE (atomically) instead of standard output", "FILE"},
        G_OPTION_ENTRY_NULL};
    g_option_context_add_main_entries(context, common, NULL);
    if (!crm)
        return;
    const GOptionEntry crm_entries[] = {
        {"owner-column", 0, 0, G_OPTION_ARG_STRING, &a->owner_column,
         "Column naming each row's seller (default: 'Contact owner', 'OwnerId' or 'Owner' when "
         "present)",
         "COLUMN"},
        {"owner-map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &a->owner_map,
         "An owner cell holding VALUE (e.g. a Salesforce user id) is the seller SELLER, an id or "
         "a name (repeatable)",
         "VALUE=SELLER"},
        {"accounts", 0, 0, G_OPTION_ARG_FILENAME, &a->accounts,
         "Salesforce Account export (Id, Name) that turns AccountId into a company", "FILE"},
        {"tie-type", 0, 0, G_OPTION_ARG_STRING, &a->tie_type,
         "Type of the owner's tie to each contact (default: client)", "TYPE"},
        G_OPTION_ENTRY_NULL};
    g_option_context_add_main_entries(context, crm_entries, NULL);
}

/* Turns the parsed arguments into library options; prints a usage error and returns FALSE on
 * a bad value. */
static gboolean make_options(const ImportArgs *a, const char *command, WpImportOptions *o)
{
    wp_import_options_init(o);
    o->owner = a->owner;
    o->owner_name = a->owner_name;
    o->owner_company = a->owner_company;
    o->team = a->team;
    o->owner_column = a->owner_column;
    o->column_map = (const char *const *)a->map;
    o->owner_map = (const char *const *)a->owner_map;
    o->map_file = a->map_file;
    o->accounts_file = a->accounts;
    o->origin = a->origin;
    if (a->tie_type != NULL && !wp_tie_type_from_name(a->tie_type, &o->tie_type)) {
        cli_usage_error(command, "--tie-type: '%s' is not a tie type", a->tie_type);
        return FALSE;
    }
    if (a->exported_on != NULL && !wp_day_parse(a->exported_on, &o->exported_on)) {
        cli_usage_error(command, "--exported-on: '%s' is not a date YYYY-MM-DD", a->exported_on);
        return FALSE;
    }
    return TRUE;
}

static void render_table(const WpImportReport *r, const char *result, GString *out)
{
    for (guint i = 0; i < r->files->len; i++) {
        const WpImportFile *f = r->files->pdata[i];
        g_autofree char *safe = cli_sanitize_for_terminal(f->file);
        g_autofree char *rows = wp_text_count(f->rows, "row", "rows");
        g_string_append_printf(out, "%s: %s, header on line %" G_GUINT64_FORMAT ", %s\n", safe,
                               f->format, f->header_line, rows);
    }
    g_string_append_printf(out,
                           "rows: %" G_GUINT64_FORMAT " read, %" G_GUINT64_FORMAT
                           " used, %" G_GUINT64_FORMAT " skipped, %" G_GUINT64_FORMAT " blank\n"
                           "people: %u added, %u updated\nties: %u added, %u updated\n"
                           "merged identities: %u\n",
                           r->rows_read, r->rows_used, r->rows_skipped, r->rows_blank,
                           r->people_added, r->people_updated, r->ties_added, r->ties_updated,
                           r->merges->len);
    if (r->job_changes->len > 0)
        g_string_append_printf(out, "\njob changes: %u (a buyer who moved is a new opportunity)\n",
                               r->job_changes->len);
    for (guint i = 0; i < r->job_changes->len; i++) {
        g_autofree char *line = wp_report_job_change_sentence(r->job_changes->pdata[i]);
        g_autofree char *safe = cli_sanitize_for_terminal(line);
        g_string_append_printf(out, "  %s\n", safe);
    }
    g_autoptr(CliTable) events = wp_report_import_events(r, FALSE);
    if (cli_table_n_rows(events) > 0) {
        g_string_append_c(out, '\n');
        cli_table_render(events, CLI_FORMAT_TABLE, 0, out);
    }
    g_string_append_printf(out, "\n%s\n", result);
}

static gboolean emit_report(const CliCommon *common, const WpImport *import, gboolean dry_run,
                            gboolean written, GError **error)
{
    const WpImportReport *r = wp_import_get_report(import);
    const char *const *backups = wp_import_get_backups(import);
    g_autofree char *result = wp_report_import_outcome(dry_run, written, backups);
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_report_import_json(r, dry_run, written, backups);
        return cli_emit_json(common, root, error);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    if (common->format_value == CLI_FORMAT_CSV) {
        g_autoptr(CliTable) events = wp_report_import_events(r, TRUE);
        cli_table_render(events, CLI_FORMAT_CSV, 0, out);
        g_autofree char *rows = wp_text_count(r->rows_read, "row", "rows");
        g_autofree char *people = wp_text_count(r->people_added, "person", "people");
        g_autofree char *jobs = wp_text_count(r->job_changes->len, "job change", "job changes");
        g_autofree char *ties = wp_text_count(r->ties_added, "tie", "ties");
        cli_warn("import: %s read, %" G_GUINT64_FORMAT " used, %" G_GUINT64_FORMAT
                 " skipped; %s added, %u updated (%s); %s added, %u updated; %s",
                 rows, r->rows_used, r->rows_skipped, people, r->people_updated, jobs, ties,
                 r->ties_updated, result);
    } else {
        render_table(r, result, out);
    }
    return cli_emit(common, out->str, out->len, error);
}

/* Parses the subcommand's options; returns FALSE (after printing why) on a usage error. */
static gboolean parse_args(int *argc, char ***argv, const char *command, gboolean crm,
                           ImportArgs *a, CliCommon *common)
{
    g_autoptr(GOptionContext) context = g_option_context_new("FILE...");
    g_option_context_set_summary(
        context, crm ? "Add contacts from CRM exports (HubSpot, Salesforce, or any CSV with name "
                       "columns): each contact becomes a person with a tie from its owner."
                     : "Add a seller's LinkedIn connections (Connections.csv from LinkedIn's "
                       "data export): each becomes a person with a weak 'social' tie.");
    g_option_context_set_description(
        context, crm ? "Owners: each row belongs to the seller its owner column names, through "
                       "--owner-map when the value is mapped; --owner takes the rows whose owner "
                       "cell is empty. To give every row to --owner, ignore the column with "
                       "--map owner= (then --owner-map is refused).\n\n"
                       "One import at a time changes DIR: another waits for it up to "
                       "$WARMPATH_LOCK_TIMEOUT seconds (default 60).\n\n"
                       "Column mapping, identity rules and examples: docs/import.md."
                     : "One import at a time changes DIR: another waits for it up to "
                       "$WARMPATH_LOCK_TIMEOUT seconds (default 60).\n\n"
                       "Column mapping, identity rules and examples: docs/import.md.");
    add_options(context, a, crm);
    if (!cli_parse(context, argc, argv, command))
        return FALSE;
    if (*argc < 2) {
        cli_usage_error(command, "no export file given");
        return FALSE;
    }
    if (a->data_dir == NULL && g_getenv("WARMPATH_DATA") != NULL &&
        *g_getenv("WARMPATH_DATA") != '\0')
        a->data_dir = g_strdup(g_getenv("WARMPATH_DATA"));
    if (a->data_dir == NULL) {
        cli_usage_error(command, "no data directory: use --data DIR");
        return FALSE;
    }
    common->format = a->format;
    common->output = a->output;
    return cli_output_format(command, a->format, a->output, CLI_FORMATS_TEXT, CLI_FORMAT_TABLE,
                             &common->format_value);
}

static int fail(const char *command, const GError *error)
{
    if (error->domain == WP_ERROR && error->code == WP_ERROR_USAGE)
        return cli_usage_error(command, "%s", error->message);
    return cli_fail(error);
}

/* Another import holds the folder: said once, on standard error. */
static void on_lock_wait(const char *data_dir, gpointer user_data G_GNUC_UNUSED)
{
    g_autofree char *display = g_filename_display_name(data_dir);
    cli_warn("waiting for another import into %s to finish...", display);
}

/* $WARMPATH_LOCK_TIMEOUT seconds (default 60) to wait for another import into the folder. */
static guint lock_timeout_ms(void)
{
    guint64 seconds = 60;
    const char *text = g_getenv("WARMPATH_LOCK_TIMEOUT");
    if (text != NULL && !g_ascii_string_to_unsigned(text, 10, 0, 86400, &seconds, NULL))
        seconds = 60;
    return (guint)seconds * 1000;
}

static int run(int argc, char **argv, gboolean crm)
{
    const char *command = crm ? "import crm" : "import linkedin";
    g_auto(ImportArgs) a = {0};
    CliCommon common = {0}; /* borrows a.format and a.output */
    WpImportOptions options;
    if (!parse_args(&argc, &argv, command, crm, &a, &common) ||
        !make_options(&a, command, &options))
        return CLI_EXIT_USAGE;
    g_autoptr(GError) error = NULL;
    WpImportOpenOptions open_options;
    wp_import_open_options_init(&open_options);
    open_options.read_only = a.dry_run;
    open_options.lock_timeout_ms = lock_timeout_ms();
    open_options.on_wait = on_lock_wait;
    g_autoptr(WpImport) import = wp_import_open_full(a.data_dir, &open_options, &error);
    if (import == NULL)
        return fail(command, error);
    for (int i = 1; i < argc; i++)
        if (!wp_import_add_file(import, crm ? WP_IMPORT_CRM : WP_IMPORT_LINKEDIN, argv[i], &options,
                                &error))
            return fail(command, error);
    gboolean written = FALSE;
    if (!a.dry_run && !wp_import_save(import, &written, &error))
        return fail(command, error);
    if (!emit_report(&common, import, a.dry_run, written, &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}

static void print_help(FILE *out)
{
    fprintf(out, "Usage: warmpath import linkedin|crm [OPTION...] FILE...\n\n"
                 "Build the people and ties files of --data DIR from contact exports.\n\n"
                 "  linkedin  a seller's LinkedIn Connections.csv: weak 'social' ties\n"
                 "  crm       HubSpot or Salesforce contacts: 'client' ties from each owner\n\n"
                 "Run 'warmpath import linkedin --help' or 'warmpath import crm --help' for "
                 "the options.\n");
}

int cmd_import(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "linkedin") == 0)
        return run(argc - 1, argv + 1, FALSE);
    if (argc >= 2 && strcmp(argv[1], "crm") == 0)
        return run(argc - 1, argv + 1, TRUE);
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        print_help(stdout);
        return CLI_EXIT_OK;
    }
    if (argc >= 2)
        return cli_usage_error("import", "unknown export kind '%s' (expected linkedin or crm)",
                               argv[1]);
    return cli_usage_error("import", "which export? linkedin or crm");
}
