/* SPDX-License-Identifier: MIT */
/* warmpath rank: the ranking as a salesperson reads it, laid out for a terminal: what was
 * ranked, the referral sources, the fellow sellers (not ranked), direct contacts, cold accounts,
 * and the ask plan with each ask's whole route. The words are the library's
 * (warmpath/report.h). */
#include "cli/rank-output.h"

/* Each line of @lines, made safe. */
static void append_lines(GString *out, const GPtrArray *lines)
{
    for (guint i = 0; i < lines->len; i++)
        cli_append_line(out, lines->pdata[i]);
}

static void table_sources(const WpRankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    g_autoptr(CliTable) t = cli_table_new();
    cli_table_add_column(t, "rank", CLI_CELL_NUMBER);
    cli_table_add_column(t, "referral source", CLI_CELL_TEXT);
    cli_table_add_column(t, "company", CLI_CELL_TEXT);
    cli_table_add_column(t, r->request.n_sellers == 1 ? "tie to you" : "tie to the team",
                         CLI_CELL_TEXT);
    cli_table_add_column(t, "expected intros", CLI_CELL_NUMBER);
    cli_table_add_column(t, "reached", CLI_CELL_NUMBER);
    cli_table_add_column(t, "best targets", CLI_CELL_TEXT);
    for (guint i = 0; i < r->sources->len; i++) {
        const WpSourceReason *reason = &g_array_index(r->sources, WpSourceReason, i);
        const WpRankSource *s = reason->source;
        g_autofree char *rank = g_strdup_printf("%u", reason->rank);
        g_autofree char *tie = wp_report_source_tie_text(r, reason);
        g_autofree char *score = rank_number(s->score, "%.2f");
        g_autofree char *reached = g_strdup_printf("%u", s->n_reached);
        g_autofree char *best = wp_report_best_targets_text(r, s, TRUE);
        const char *cells[] = {rank,
                               wp_graph_person_label(g, s->person),
                               wp_graph_person_attr(g, s->person, WP_COLUMN_COMPANY),
                               tie,
                               score,
                               reached,
                               best};
        cli_table_add_row(t, cells);
    }
    if (cli_table_n_rows(t) == 0) {
        g_string_append(out, "No direct contact reaches any target within these limits.\n");
        return;
    }
    cli_table_render(t, CLI_FORMAT_TABLE, 0, out);
    guint n = r->result->sources->len;
    if (r->sources->len < n)
        g_string_append_printf(out, "(%u more; use --top 0 to see all)\n", n - r->sources->len);
}

/* Fellow sellers the sellers can ask: not referral sources (they ask, their own contacts are
 * the sources: rank them with --team), so listed apart with what they reach. */
static void table_colleagues(const WpRankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    if (r->colleagues->len == 0)
        return;
    g_string_append(out, "\nFellow sellers, not ranked: they ask rather than vouch (add them with "
                         "--from or --team to rank their contacts):\n");
    g_autoptr(CliTable) t = cli_table_new();
    cli_table_add_column(t, "seller", CLI_CELL_TEXT);
    cli_table_add_column(t, "team", CLI_CELL_TEXT);
    cli_table_add_column(t, r->request.n_sellers == 1 ? "tie to you" : "tie to the team",
                         CLI_CELL_TEXT);
    cli_table_add_column(t, "expected intros", CLI_CELL_NUMBER);
    cli_table_add_column(t, "reached", CLI_CELL_NUMBER);
    cli_table_add_column(t, "best targets", CLI_CELL_TEXT);
    for (guint i = 0; i < r->colleagues->len; i++) {
        const WpSourceReason *reason = &g_array_index(r->colleagues, WpSourceReason, i);
        const WpRankSource *s = reason->source;
        const char *team = wp_graph_person_team(g, s->person);
        g_autofree char *team_cell =
            g_strdup_printf("%s (%s)", team != NULL ? team : "",
                            reason->role == WP_SOURCE_TEAMMATE ? "teammate" : "other team");
        g_autofree char *tie = wp_report_source_tie_text(r, reason);
        g_autofree char *score = rank_number(s->score, "%.2f");
        g_autofree char *reached = g_strdup_printf("%u", s->n_reached);
        g_autofree char *best = wp_report_best_targets_text(r, s, TRUE);
        const char *cells[] = {
            wp_graph_person_label(g, s->person), team_cell, tie, score, reached, best};
        cli_table_add_row(t, cells);
    }
    cli_table_render(t, CLI_FORMAT_TABLE, 0, out);
}

/* Direct contacts set aside, weak ties ranked, cold targets: a paragraph each. */
static void table_notes(const WpRankReport *r, GString *out)
{
    g_autoptr(GPtrArray) notes = wp_report_rank_notes(r);
    for (guint i = 0; i < notes->len; i++) {
        g_string_append_c(out, '\n');
        cli_append_line(out, notes->pdata[i]);
    }
}

/* The plan's heading (saying so when no ask adds enough), then each pick and its asks. */
static void table_plan(const WpRankReport *r, GString *out)
{
    g_autofree char *heading = wp_report_plan_heading(r);
    g_string_append_c(out, '\n');
    cli_append_line(out, heading);
    for (guint i = 0; i < r->plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(r->plan->picks, WpRankPick, i);
        g_autofree char *sentence = wp_report_pick_sentence(r, i);
        g_autofree char *line = g_strdup_printf("%u. %s", i + 1, sentence);
        cli_append_line(out, line);
        for (guint k = 0; k < pick->n_asks; k++) {
            g_autofree char *ask = wp_report_ask_sentence(r, pick->first_ask + k);
            g_autofree char *item = g_strdup_printf("   - %s", ask);
            cli_append_line(out, item);
        }
    }
}

void rank_output_table(const WpRankReport *r, GString *out)
{
    g_autoptr(GPtrArray) heading = wp_report_rank_heading(r);
    append_lines(out, heading);
    g_string_append_c(out, '\n');
    if (r->request.territory->people->len == 0) { /* why is on standard error */
        g_string_append(out, "The territory is empty: no one to rank.\n");
        return;
    }
    table_sources(r, out);
    table_colleagues(r, out);
    table_notes(r, out);
    if (r->plan != NULL)
        table_plan(r, out);
}
