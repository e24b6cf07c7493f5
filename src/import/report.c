/* SPDX-License-Identifier: MIT */
/* The import report: counters and the merged, skipped and warned rows, in import order. */
#include "import/import-private.h"

static void file_free(gpointer data)
{
    WpImportFile *f = data;
    g_free(f->file);
    g_free(f->format);
    g_free(f);
}

static void merge_free(gpointer data)
{
    WpImportMerge *m = data;
    g_free(m->file);
    g_free(m->person);
    g_free(m->name);
    g_free(m);
}

static void problem_free(gpointer data)
{
    WpImportProblem *p = data;
    g_free(p->file);
    g_free(p->message);
    g_free(p);
}

static void job_change_free(gpointer data)
{
    WpImportJobChange *c = data;
    g_free(c->file);
    g_free(c->person);
    g_free(c->name);
    g_free(c->company_before);
    g_free(c->company_after);
    g_free(c->title_before);
    g_free(c->title_after);
    g_free(c);
}

void wp_i_report_init(WpImportReport *r)
{
    *r = (WpImportReport){0};
    r->files = g_ptr_array_new_with_free_func(file_free);
    r->merges = g_ptr_array_new_with_free_func(merge_free);
    r->problems = g_ptr_array_new_with_free_func(problem_free);
    r->job_changes = g_ptr_array_new_with_free_func(job_change_free);
}

void wp_i_report_clear(WpImportReport *r)
{
    g_clear_pointer(&r->files, g_ptr_array_unref);
    g_clear_pointer(&r->merges, g_ptr_array_unref);
    g_clear_pointer(&r->problems, g_ptr_array_unref);
    g_clear_pointer(&r->job_changes, g_ptr_array_unref);
}

void wp_i_report_file(WpImportReport *r, const char *file, const char *format, guint64 header_line,
                      guint64 rows)
{
    WpImportFile *f = g_new0(WpImportFile, 1);
    f->file = g_strdup(file);
    f->format = g_strdup(format);
    f->header_line = header_line;
    f->rows = rows;
    g_ptr_array_add(r->files, f);
}

void wp_i_report_merge(WpImportReport *r, const char *file, guint64 line, const char *person,
                       const char *name, WpImportRule rule)
{
    WpImportMerge *m = g_new0(WpImportMerge, 1);
    m->file = g_strdup(file);
    m->line = line;
    m->person = g_strdup(person);
    m->name = g_strdup(name);
    m->rule = rule;
    g_ptr_array_add(r->merges, m);
}

void wp_i_report_job_change(WpImportReport *r, const char *file, guint64 line, const char *person,
                            const char *name, WpIReplaced *replaced, const char *company,
                            const char *title)
{
    WpImportJobChange *c = g_new0(WpImportJobChange, 1);
    c->file = g_strdup(file);
    c->line = line;
    c->person = g_strdup(person);
    c->name = g_strdup(name);
    c->company_before = g_steal_pointer(&replaced->company);
    c->company_after = company && company[0] ? g_strdup(company) : NULL;
    c->title_before = g_steal_pointer(&replaced->title);
    c->title_after = title && title[0] ? g_strdup(title) : NULL;
    g_ptr_array_add(r->job_changes, c);
}

void wp_i_report_problem(WpImportReport *r, const char *file, guint64 line,
                         WpImportProblemKind kind, const char *message)
{
    WpImportProblem *p = g_new0(WpImportProblem, 1);
    p->file = g_strdup(file);
    p->line = line;
    p->kind = kind;
    p->message = g_strdup(message);
    g_ptr_array_add(r->problems, p);
    if (kind == WP_IMPORT_SKIPPED && line > 0)
        r->rows_skipped++;
}

const char *wp_import_rule_name(WpImportRule rule)
{
    switch (rule) {
    case WP_IMPORT_RULE_LINKEDIN_URL:
        return "linkedin_url";
    case WP_IMPORT_RULE_EMAIL:
        return "email";
    case WP_IMPORT_RULE_NAME_COMPANY:
        return "name+company";
    }
    g_return_val_if_reached(NULL);
}
