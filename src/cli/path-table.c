/* SPDX-License-Identifier: MIT */
/* warmpath path: the answer as a sales manager's advice, laid out for a terminal. The words are
 * the library's (warmpath/report.h); here they are numbered, indented and made safe: a strong
 * direct tie first ("just ask"), a weak or cold one with the advice to reconnect; then each path
 * as a sentence naming whom to ask, its hops explained, and the chance that at least one works
 * (see docs/paths.md). */
#include "cli/path-output.h"

/* "   - TEXT" */
static void append_item(GString *out, const char *text)
{
    g_autofree char *line = g_strdup_printf("   - %s", text);
    cli_append_line(out, line);
}

/* One numbered path: the advice sentence, then a line per hop and the go-betweens' share. */
static void table_path(const WpPathReport *r, guint rank, const WpPathReason *path, GString *out)
{
    g_autofree char *headline = wp_report_path_headline(r, path);
    g_autofree char *line = g_strdup_printf("%u. %s", rank, headline);
    cli_append_line(out, line);
    for (guint h = 0; h < path->n_hops; h++) {
        g_autofree char *hop = wp_report_hop_sentence(r, &path->hops[h]);
        append_item(out, hop);
    }
    g_autofree char *passing = wp_report_passing_on(r, path);
    if (passing != NULL)
        append_item(out, passing);
    g_autofree char *contacts = wp_report_path_contacts(r, path);
    if (contacts != NULL)
        append_item(out, contacts);
}

/* The sellers' direct ties to the target, before the paths: docs/paths.md "A direct contact". */
static void table_direct(const WpPathReport *r, GString *out)
{
    const char *advice = wp_report_direct_advice(r);
    if (advice == NULL)
        return;
    for (guint i = 0; i < r->direct->len; i++) {
        g_autofree char *sentence =
            wp_report_direct_sentence(r, &g_array_index(r->direct, WpDirectReason, i));
        cli_append_line(out, sentence);
    }
    cli_append_line(out, advice);
    g_string_append_c(out, '\n');
}

static void table_no_path(const WpPathReport *r, GString *out)
{
    g_autoptr(GPtrArray) sentences = wp_report_no_path_sentences(r);
    for (guint i = 0; i < sentences->len && i < 2; i++)
        cli_append_line(out, sentences->pdata[i]);
    if (sentences->len < 3)
        return;
    if (r->suggestions->len == 0) { /* no one at the account is reachable either */
        cli_append_line(out, sentences->pdata[2]);
        return;
    }
    g_string_append_c(out, '\n');
    cli_append_line(out, sentences->pdata[2]);
    g_string_append_c(out, '\n');
    for (guint i = 0; i < r->suggestions->len; i++) {
        table_path(r, i + 1, &g_array_index(r->suggestions, WpPathReason, i), out);
        g_string_append_c(out, '\n');
    }
}

/* Under several paths: the chance that at least one works, what it assumes, and the weak
 * direct ties it leaves out. */
static void table_combined(const WpPathReport *r, GString *out)
{
    g_autofree char *assumption = NULL;
    g_autofree char *claim = wp_report_at_least_one_sentence(r, &assumption);
    if (claim == NULL)
        return;
    cli_append_line(out, claim);
    cli_append_line(out, assumption);
    if (r->set->direct_answer)
        return;
    for (guint i = 0; i < r->direct->len; i++) {
        g_autofree char *note =
            wp_report_not_counted_sentence(r, &g_array_index(r->direct, WpDirectReason, i));
        if (note != NULL)
            cli_append_line(out, note);
    }
}

void path_output_table(const WpPathReport *r, GString *out)
{
    g_autofree char *heading = wp_report_paths_heading(r);
    cli_append_line(out, heading);
    g_string_append_c(out, '\n');
    table_direct(r, out);
    if (r->paths->len == 0) {
        table_no_path(r, out);
        return;
    }
    for (guint i = 0; i < r->paths->len; i++) {
        table_path(r, i + 1, &g_array_index(r->paths, WpPathReason, i), out);
        g_string_append_c(out, '\n');
    }
    table_combined(r, out);
}
