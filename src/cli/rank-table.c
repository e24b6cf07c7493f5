/* SPDX-License-Identifier: MIT */
/* warmpath rank: the ranking as a salesperson reads it: what was ranked, the referral sources,
 * the fellow sellers (not ranked), direct contacts, cold accounts, and the ask plan with each
 * ask's whole route. */
#include "cli/rank-output.h"

#include <string.h>

#define MAX_LISTED 12 /* people listed by name in a table section before "and N more" */

static void table_heading(const RankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    const WpRankResult *res = r->result;
    g_autoptr(GString) what = g_string_new(NULL);
    if (r->where != NULL) {
        g_autofree char *joined = g_strjoinv(", ", (char **)r->where);
        g_string_append_printf(what, "%s %s", r->where_origin, joined);
    }
    if (r->targets_file != NULL)
        g_string_append_printf(what, "%s--targets %s", what->len ? " within " : "",
                               r->targets_file);
    g_autofree char *safe_what = cli_sanitize_for_terminal(what->str);
    g_autofree char *selected = wp_text_count(r->n_selected, "person", "people");
    g_string_append_printf(out, "Territory: %s selected by %s.\n", selected, safe_what);
    g_autofree char *direct = wp_text_count(res->direct->len, "direct contact", "direct contacts");
    g_string_append_printf(out, "%u ranked; %s of %s set aside", res->targets->len, direct,
                           r->n_sellers == 1 ? "yours" : "the sellers");
    guint dropped = r->n_selected - res->targets->len - res->direct->len;
    if (dropped > 0) {
        g_autofree char *left_out =
            wp_text_count(dropped, "seller or repeat", "sellers or repeats");
        g_string_append_printf(out, "; %s left out", left_out);
    }
    g_string_append(out, ".\n");
    g_autoptr(GString) sellers = g_string_new(NULL);
    for (guint i = 0; i < r->n_sellers && i < 5; i++) {
        g_autofree char *n = cli_sanitize_for_terminal(wp_graph_person_label(g, r->sellers[i]));
        g_string_append_printf(sellers, "%s%s", i ? ", " : "", n);
    }
    if (r->n_sellers > 5)
        g_string_append_printf(sellers, " and %u more", r->n_sellers - 5);
    g_autofree char *contacts = wp_text_count(res->n_contacts, "direct contact", "direct contacts");
    g_autofree char *reach = wp_text_count(res->sources->len, "reaches", "reach");
    g_string_append_printf(out, "Referral sources: %s of %s; %s at least one target.\n", contacts,
                           sellers->str, reach);
    g_autofree char *hop_count = wp_text_count(r->max_hops, "hop", "hops");
    g_autofree char *hops =
        r->max_hops ? g_strdup_printf("at most %s", hop_count) : g_strdup("any number of hops");
    g_autofree char *floor = rank_percent(r->min_probability);
    g_autofree char *model = cli_sanitize_for_terminal(r->model);
    g_string_append_printf(out, "Model: %s, %s", model, hops);
    if (r->min_probability > 0)
        g_string_append_printf(out, ", paths under %s not counted", floor);
    g_string_append(out, ".\n\n");
}

static void table_sources(const RankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    g_autoptr(CliTable) t = cli_table_new();
    cli_table_add_column(t, "rank", CLI_CELL_NUMBER);
    cli_table_add_column(t, "referral source", CLI_CELL_TEXT);
    cli_table_add_column(t, "company", CLI_CELL_TEXT);
    cli_table_add_column(t, r->n_sellers == 1 ? "tie to you" : "tie to the team", CLI_CELL_TEXT);
    cli_table_add_column(t, "expected intros", CLI_CELL_NUMBER);
    cli_table_add_column(t, "reached", CLI_CELL_NUMBER);
    cli_table_add_column(t, "best targets", CLI_CELL_TEXT);
    for (guint i = 0; i < rank_n_shown(r); i++) {
        const WpRankSource *s = &g_array_index(r->result->sources, WpRankSource, i);
        g_autofree char *rank = g_strdup_printf("%u", i + 1);
        g_autofree char *rel = rank_relationship(g, s, TRUE);
        g_autofree char *strength = rank_percent(s->strength);
        g_autofree char *tie =
            r->n_sellers == 1
                ? g_strdup_printf("%s %s", rel, strength)
                : g_strdup_printf("%s: %s %s", wp_graph_person_label(g, s->seller), rel, strength);
        g_autofree char *score = rank_number(s->score, "%.2f");
        g_autofree char *reached = g_strdup_printf("%u", s->n_reached);
        g_autofree char *best = rank_best_text(g, s, TRUE);
        const char *cells[] = {rank,
                               wp_graph_person_label(g, s->person),
                               rank_attr(g, s->person, WP_COLUMN_COMPANY),
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
    if (rank_n_shown(r) < r->result->sources->len)
        g_string_append_printf(out, "(%u more; use --top 0 to see all)\n",
                               r->result->sources->len - rank_n_shown(r));
}

/* Fellow sellers the sellers can ask: not referral sources (they ask, their own contacts are
 * the sources: rank them with --team), so listed apart with what they reach. */
static void table_colleagues(const RankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    const GArray *list = r->result->colleagues;
    if (list->len == 0)
        return;
    g_string_append_printf(out,
                           "\nFellow sellers, not ranked: they ask rather than vouch (add them with "
                           "--from or --team to rank their contacts):\n");
    g_autoptr(CliTable) t = cli_table_new();
    cli_table_add_column(t, "seller", CLI_CELL_TEXT);
    cli_table_add_column(t, "team", CLI_CELL_TEXT);
    cli_table_add_column(t, r->n_sellers == 1 ? "tie to you" : "tie to the team", CLI_CELL_TEXT);
    cli_table_add_column(t, "expected intros", CLI_CELL_NUMBER);
    cli_table_add_column(t, "reached", CLI_CELL_NUMBER);
    cli_table_add_column(t, "best targets", CLI_CELL_TEXT);
    for (guint i = 0; i < list->len; i++) {
        const WpRankSource *s = &g_array_index(list, WpRankSource, i);
        const char *team = wp_graph_person_team(g, s->person);
        gboolean mate = strcmp(rank_role_of(g, s, TRUE), "teammate") == 0;
        g_autofree char *team_cell =
            g_strdup_printf("%s (%s)", team != NULL ? team : "", mate ? "teammate" : "other team");
        g_autofree char *rel = rank_relationship(g, s, TRUE);
        g_autofree char *strength = rank_percent(s->strength);
        g_autofree char *tie =
            r->n_sellers == 1
                ? g_strdup_printf("%s %s", rel, strength)
                : g_strdup_printf("%s: %s %s", wp_graph_person_label(g, s->seller), rel, strength);
        g_autofree char *score = rank_number(s->score, "%.2f");
        g_autofree char *reached = g_strdup_printf("%u", s->n_reached);
        g_autofree char *best = rank_best_text(g, s, TRUE);
        const char *cells[] = {
            wp_graph_person_label(g, s->person), team_cell, tie, score, reached, best};
        cli_table_add_row(t, cells);
    }
    cli_table_render(t, CLI_FORMAT_TABLE, 0, out);
}

/* "A, B and 3 more" over people (@indices into @people when given, else @people itself). */
static void append_people(GString *out, const WpGraph *g, const GArray *people,
                          const GArray *indices)
{
    guint n = indices ? indices->len : people->len;
    for (guint i = 0; i < n && i < MAX_LISTED; i++) {
        guint at = indices ? g_array_index(indices, guint, i) : i;
        g_autofree char *who = rank_described(g, g_array_index(people, WpPerson, at));
        g_string_append_printf(out, "%s%s", i ? "; " : "", who);
    }
    if (n > MAX_LISTED)
        g_string_append_printf(out, " and %u more", n - MAX_LISTED);
}

static void table_direct_and_cold(const RankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    const WpRankResult *res = r->result;
    if (res->direct->len > 0) {
        g_string_append_printf(out,
                               "\nAlready %s direct contacts with a strong tie, not counted (ask "
                               "them yourself): ",
                               r->n_sellers == 1 ? "your" : "the sellers'");
        append_people(out, g, res->direct, NULL);
        g_string_append(out, ".\n");
    }
    if (res->weak_direct->len > 0) {
        g_string_append_printf(out,
                               "\nTied to %s only by a weak or cold tie, so ranked like the rest "
                               "(reconnect, or ask for an introduction): ",
                               r->n_sellers == 1 ? "you" : "a seller");
        append_people(out, g, res->targets, res->weak_direct);
        g_string_append(out, ".\n");
    }
    g_autofree char *floor = rank_percent(r->min_probability);
    if (res->cold_targets->len == 0) {
        g_string_append(out, "\nNo cold targets: every target has a counted path.\n");
        return;
    }
    g_autofree char *all = wp_text_count(res->targets->len, "target", "targets");
    g_string_append_printf(
        out, "\nCold: %u of %s %s no path%s%s%s.\n", res->cold_targets->len, all,
        res->cold_targets->len == 1 ? "has" : "have", r->min_probability > 0 ? " at " : "",
        r->min_probability > 0 ? floor : "", r->min_probability > 0 ? " or better" : "");
    if (res->cold_companies->len > 0) {
        g_string_append(out, "  Accounts with no way in (build network here): ");
        for (guint i = 0; i < res->cold_companies->len; i++) {
            const WpRankCompany *c = &g_array_index(res->cold_companies, WpRankCompany, i);
            g_autofree char *name = cli_sanitize_for_terminal(c->company);
            g_string_append_printf(out, "%s%s (%u)", i ? ", " : "", name, c->n_targets);
        }
        g_string_append(out, ".\n");
    }
    g_string_append(out, "  Cold targets: ");
    append_people(out, g, res->targets, res->cold_targets);
    g_string_append(out, ".\n");
}

/* " via Bob Smith and Rachel Kim" for a route seller -> source -> ... -> target; "" when the
 * source knows the target. Safe for a terminal. */
static char *via_text(const WpGraph *g, const WpPath *route)
{
    g_autoptr(GString) s = g_string_new(NULL);
    for (guint i = 2; i + 1 < route->n_people; i++) {
        g_autofree char *name =
            cli_sanitize_for_terminal(wp_graph_person_label(g, route->people[i]));
        g_string_append_printf(s, "%s%s", i == 2 ? " via " : " and ", name);
    }
    return g_string_free(g_steal_pointer(&s), FALSE);
}

static void table_plan(const RankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    const WpRankPlan *plan = r->plan;
    g_autofree char *expected = rank_number(plan->expected, "%.2f");
    g_autofree char *sources = wp_text_count(plan->picks->len, "source", "sources");
    g_autofree char *asks = wp_text_count(r->max_asks, "ask", "asks");
    g_autofree char *floor = rank_number(r->min_gain, "%.2f");
    g_autofree char *targets = wp_text_count(r->result->targets->len, "target", "targets");
    g_string_append_printf(out,
                           "\nAsk plan: %s, at most %s each, none adding less than +%s: %s "
                           "introductions expected out of %s.\n",
                           sources, asks, floor, expected, targets);
    for (guint i = 0; i < plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(plan->picks, WpRankPick, i);
        const WpRankSource *s =
            &g_array_index(r->result->sources, WpRankSource, pick->source_index);
        g_autofree char *who = rank_described(g, s->person);
        g_autofree char *gain = rank_number(pick->gain, "%.2f");
        g_autofree char *seller =
            r->n_sellers > 1 ? cli_sanitize_for_terminal(wp_graph_person_label(g, s->seller))
                             : NULL;
        g_string_append_printf(out, "%u. %s%s%s: +%s expected\n", i + 1, seller ? seller : "",
                               seller ? " asks " : "Ask ", who, gain);
        for (guint k = 0; k < pick->n_asks; k++) {
            const WpRankAsk *ask = &g_array_index(plan->asks, WpRankAsk, pick->first_ask + k);
            g_autofree char *target =
                rank_described(g, g_array_index(r->result->targets, WpPerson, ask->target_index));
            g_autofree char *via = via_text(g, &ask->route);
            g_autofree char *chance = rank_percent(ask->probability);
            g_autofree char *ask_gain = rank_number(ask->gain, "%.2f");
            g_string_append_printf(out, "   - about %s%s: %s chance, +%s\n", target, via, chance,
                                   ask_gain);
        }
    }
    if (plan->picks->len == 0)
        g_string_append(out, "No ask adds enough: lower --min-gain to see smaller ones.\n");
}

void rank_output_table(const RankReport *r, GString *out)
{
    table_heading(r, out);
    if (r->n_selected == 0) { /* why is on standard error (cli_explain_territory()) */
        g_string_append(out, "The territory is empty: no one to rank.\n");
        return;
    }
    table_sources(r, out);
    table_colleagues(r, out);
    table_direct_and_cold(r, out);
    if (r->plan != NULL)
        table_plan(r, out);
}
