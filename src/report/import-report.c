/* SPDX-License-Identifier: MIT */
/* What an import did, as the rows, sentences and JSON of `warmpath import` (docs/import.md). */
#include "report/report-private.h"

/* "moved" when the company changed (the title may have too), else "retitled". */
static const char *job_change_kind(const WpImportJobChange *c)
{
    return c->company_before != NULL ? "moved" : "retitled";
}

/* "company Contoso → Fabrikam; title Head of Finance → CFO": what changed, labelled. */
static char *job_change_detail(const WpImportJobChange *c)
{
    GString *out = g_string_new(NULL);
    if (c->company_before != NULL)
        g_string_append_printf(out, "company %s → %s", c->company_before,
                               c->company_after ? c->company_after : "(none)");
    if (c->title_before != NULL)
        g_string_append_printf(out, "%stitle %s → %s", out->len ? "; " : "", c->title_before,
                               c->title_after ? c->title_after : "(none)");
    return g_string_free(out, FALSE);
}

char *wp_report_job_change_sentence(const WpImportJobChange *c)
{
    g_return_val_if_fail(c != NULL, NULL);
    GString *out = g_string_new(c->name);
    if (c->company_before != NULL) {
        g_string_append_printf(out, ": %s → %s", c->company_before,
                               c->company_after ? c->company_after : "(none)");
        if (c->title_before != NULL)
            g_string_append_printf(out, " (%s → %s)", c->title_before,
                                   c->title_after ? c->title_after : "(none)");
    } else {
        if (c->company_after != NULL)
            g_string_append_printf(out, ", %s", c->company_after);
        g_string_append_printf(out, ": %s → %s", c->title_before,
                               c->title_after ? c->title_after : "(none)");
    }
    return g_string_free(out, FALSE);
}

WpTable *wp_report_import_events(const WpImportReport *r, gboolean with_jobs)
{
    g_return_val_if_fail(r != NULL, NULL);
    WpTable *t = wp_table_new();
    const char *names[] = {"kind", "file", "line", "person", "name", "detail"};
    for (guint c = 0; c < G_N_ELEMENTS(names); c++)
        wp_table_add_column(t, names[c], c == 2);
    for (guint i = 0; i < r->merges->len; i++) {
        const WpImportMerge *m = r->merges->pdata[i];
        g_autofree char *line = g_strdup_printf("%" G_GUINT64_FORMAT, m->line);
        const char *cells[] = {"merged",  m->file, line,
                               m->person, m->name, wp_import_rule_name(m->rule)};
        wp_table_add_row(t, cells);
    }
    for (guint i = 0; with_jobs && i < r->job_changes->len; i++) {
        const WpImportJobChange *c = r->job_changes->pdata[i];
        g_autofree char *line = g_strdup_printf("%" G_GUINT64_FORMAT, c->line);
        g_autofree char *detail = job_change_detail(c);
        const char *cells[] = {job_change_kind(c), c->file, line, c->person, c->name, detail};
        wp_table_add_row(t, cells);
    }
    for (guint i = 0; i < r->problems->len; i++) {
        const WpImportProblem *p = r->problems->pdata[i];
        g_autofree char *line = p->line ? g_strdup_printf("%" G_GUINT64_FORMAT, p->line) : NULL;
        const char *cells[] = {p->kind == WP_IMPORT_SKIPPED ? "skipped" : "warning",
                               p->file,
                               line,
                               NULL,
                               NULL,
                               p->message};
        wp_table_add_row(t, cells);
    }
    return t;
}

char *wp_report_import_outcome(gboolean dry_run, gboolean written, const char *const *backups)
{
    if (dry_run)
        return g_strdup("dry run: nothing written");
    if (!written)
        return g_strdup("nothing changed: files left as they were");
    if (backups == NULL || backups[0] == NULL)
        return g_strdup("written (no previous files to keep)");
    g_autofree char *list = g_strjoinv(", ", (char **)backups);
    return g_strdup_printf("written (previous files kept as %s)", list);
}

static void json_files(JsonBuilder *b, const WpImportReport *r)
{
    json_builder_set_member_name(b, "files");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->files->len; i++) {
        const WpImportFile *f = r->files->pdata[i];
        json_builder_begin_object(b);
        wp_i_json_string(b, "file", f->file);
        wp_i_json_string(b, "format", f->format);
        wp_i_json_int(b, "header_line", (gint64)f->header_line);
        wp_i_json_int(b, "rows", (gint64)f->rows);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

static void json_job_changes(JsonBuilder *b, const WpImportReport *r)
{
    json_builder_set_member_name(b, "job_changes");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->job_changes->len; i++) {
        const WpImportJobChange *c = r->job_changes->pdata[i];
        json_builder_begin_object(b);
        wp_i_json_string(b, "kind", job_change_kind(c));
        wp_i_json_string_or_null(b, "file", c->file);
        wp_i_json_int(b, "line", (gint64)c->line);
        wp_i_json_string_or_null(b, "person", c->person);
        wp_i_json_string_or_null(b, "name", c->name);
        wp_i_json_string_or_null(b, "company_before", c->company_before);
        wp_i_json_string_or_null(b, "company_after", c->company_after);
        wp_i_json_string_or_null(b, "title_before", c->title_before);
        wp_i_json_string_or_null(b, "title_after", c->title_after);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

JsonNode *wp_report_import_json(const WpImportReport *r, gboolean dry_run, gboolean written,
                                const char *const *backups)
{
    g_return_val_if_fail(r != NULL, NULL);
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_files(b, r);
    const struct {
        const char *name;
        guint64 value;
    } totals[] = {{"rows_read", r->rows_read},
                  {"rows_used", r->rows_used},
                  {"rows_skipped", r->rows_skipped},
                  {"rows_blank", r->rows_blank},
                  {"people_added", r->people_added},
                  {"people_updated", r->people_updated},
                  {"ties_added", r->ties_added},
                  {"ties_updated", r->ties_updated},
                  {"job_changes_count", r->job_changes->len}};
    for (guint i = 0; i < G_N_ELEMENTS(totals); i++)
        wp_i_json_int(b, totals[i].name, (gint64)totals[i].value);
    json_job_changes(b, r);
    g_autoptr(WpTable) events = wp_report_import_events(r, TRUE);
    json_builder_set_member_name(b, "events");
    json_builder_add_value(b, wp_table_to_json(events));
    wp_i_json_bool(b, "dry_run", dry_run);
    wp_i_json_bool(b, "written", written);
    json_builder_set_member_name(b, "backups");
    json_builder_begin_array(b);
    for (guint i = 0; backups != NULL && backups[i] != NULL; i++)
        json_builder_add_string_value(b, backups[i]);
    json_builder_end_array(b);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
