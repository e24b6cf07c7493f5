/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: contact exports for `warmpath import` (wp_import_add_file), as a LinkedIn
 * Connections.csv (odd-sized input) or a CRM export (even), into an empty session that is never
 * saved. An error is one of the documented WpError codes; a PARSE error names "FILE:LINE: ". */
#include "fuzz-common.h"

static const char *export_path;
static const char *data_dir;

int LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzz_init_glib();
    export_path = fuzz_scratch_file("export.csv");
    data_dir = fuzz_scratch_file("no-such-dir"); /* never created: an empty directory */
    return 0;
}

static void check_error(const GError *error)
{
    if (error == NULL)
        fuzz_fail("import failed without an error", NULL);
    if (error->domain != WP_ERROR)
        fuzz_fail("import error outside WP_ERROR", error->message);
    switch ((WpError)error->code) {
    case WP_ERROR_PARSE: {
        WpLoadSpec spec = {
            .ties_file = export_path, .people_file = NULL, .ties_format = 0, .flags = 0};
        fuzz_check_load_error(error, &spec);
        return;
    }
    case WP_ERROR_LIMIT:
    case WP_ERROR_USAGE:
    case WP_ERROR_UNKNOWN_PERSON:
    case WP_ERROR_AMBIGUOUS_PERSON:
        return;
    default:
        fuzz_fail("unexpected import error code", error->message);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(export_path, data, size);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpImport) import = wp_import_open(data_dir, &error);
    if (import == NULL)
        fuzz_fail("cannot open an empty import session", error->message);
    WpImportOptions options;
    wp_import_options_init(&options);
    options.owner = "me";
    options.owner_name = "Me Seller";
    options.exported_on = 20000;
    WpImportSource source = size % 2 ? WP_IMPORT_LINKEDIN : WP_IMPORT_CRM;
    if (!wp_import_add_file(import, source, export_path, &options, &error)) {
        check_error(error);
        return 0;
    }
    const WpImportReport *r = wp_import_get_report(import);
    if (r->rows_used + r->rows_skipped + r->rows_blank > r->rows_read)
        fuzz_fail("report counts more rows than were read", NULL);
    for (guint i = 0; i < r->problems->len; i++) {
        const WpImportProblem *p = r->problems->pdata[i];
        if (p->message == NULL || !g_utf8_validate(p->message, -1, NULL) ||
            strchr(p->message, '\n') != NULL)
            fuzz_fail("import problem is not one line of UTF-8", p->message);
    }
    return 0;
}
