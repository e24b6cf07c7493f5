/* SPDX-License-Identifier: MIT */
/* Drafts on the command line: the template in force, and the drafts `path --drafts` adds. */
#include "cli/cli.h"

#include <string.h>

WpDraftTemplate *cli_draft_template(const char *command, const char *file, const char *lang,
                                    int *rc)
{
    g_autoptr(GError) error = NULL;
    WpDraftTemplate *tmpl = file != NULL ? wp_draft_template_load_file(file, &error)
                                         : wp_draft_template_new_default(lang, &error);
    if (tmpl == NULL) {
        *rc = error->code == WP_ERROR_USAGE && error->domain == WP_ERROR
                  ? cli_usage_error(command, "--lang: %s", error->message)
                  : cli_fail(error);
        return NULL;
    }
    if (file != NULL && lang != NULL && strcmp(lang, wp_draft_template_lang(tmpl)) != 0) {
        g_autofree char *shown = wp_text_excerpt(lang);
        *rc = cli_usage_error(command, "--lang %s: the template '%s' is written in '%s'", shown,
                              file, wp_draft_template_lang(tmpl));
        wp_draft_template_free(tmpl);
        return NULL;
    }
    return tmpl;
}

void cli_append_text(GString *out, const char *text)
{
    gsize len = strlen(text);
    g_autofree char *body = g_strndup(text, len > 0 && text[len - 1] == '\n' ? len - 1 : len);
    cli_append_line(out, body);
}

gboolean cli_draft_asks(const CliCommon *common, const char *file, GPtrArray **asks, GError **error)
{
    *asks = NULL;
    if (file != NULL) {
        *asks = cli_read_asks(file, NULL, error);
        return *asks != NULL;
    }
    if (common->data_dir == NULL)
        return TRUE; /* --edges: no data folder, no ledger */
    GError *open_error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open_for_folder(common->data_dir, &open_error);
    if (open_error != NULL) {
        g_propagate_error(error, open_error);
        return FALSE;
    }
    if (ledger == NULL)
        return TRUE;
    *asks = wp_ledger_list_asks(ledger, NULL, error);
    return *asks != NULL;
}

static void note_ledger(WpDraft *draft, const CliDraftLedger *ledger)
{
    if (ledger != NULL && ledger->asks != NULL)
        wp_draft_add_ledger_warnings(draft, ledger->asks, ledger->model, ledger->day);
}

gboolean cli_draft_append_all(const WpPathReport *report, const WpDraftTemplate *tmpl,
                              const CliDraftLedger *ledger, GString *out, GError **error)
{
    for (guint i = 0; i < report->paths->len; i++) {
        const WpPathReason *path = &g_array_index(report->paths, WpPathReason, i);
        g_string_append_printf(out, "\n");
        if (path->path->n_people < 3) {
            g_autofree char *line = g_strdup_printf(
                "Path %u is direct: ask %s yourself, there is no introduction to draft.", i + 1,
                wp_graph_person_label(report->graph, path->target));
            cli_append_line(out, line);
            continue;
        }
        g_autoptr(WpDraft) draft = wp_draft_new(report, path, tmpl, error);
        if (draft == NULL)
            return FALSE;
        note_ledger(draft, ledger);
        g_autofree char *text = wp_draft_to_text(draft, FALSE);
        cli_append_text(out, text);
    }
    return TRUE;
}

void cli_draft_add_json(const WpPathReport *report, const WpDraftTemplate *tmpl,
                        const CliDraftLedger *ledger, JsonNode *root)
{
    JsonArray *paths = json_object_get_array_member(json_node_get_object(root), "paths");
    for (guint i = 0; i < report->paths->len && i < json_array_get_length(paths); i++) {
        const WpPathReason *path = &g_array_index(report->paths, WpPathReason, i);
        JsonObject *object = json_array_get_object_element(paths, i);
        g_autoptr(WpDraft) draft =
            path->path->n_people >= 3 ? wp_draft_new(report, path, tmpl, NULL) : NULL;
        if (draft != NULL)
            note_ledger(draft, ledger);
        json_object_set_member(object, "draft",
                               draft ? wp_draft_to_json(draft) : json_node_new(JSON_NODE_NULL));
    }
}
