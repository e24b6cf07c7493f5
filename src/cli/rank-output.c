/* SPDX-License-Identifier: MIT */
/* warmpath rank: the ranking as a salesperson reads it (table), as rows (csv), complete (json). */
#include "cli/rank-output.h"

#include <string.h>

#define MAX_LISTED 12 /* people listed by name in a table section before "and N more" */

/* "71 %", "4.2 %", "< 0.1 %". */
static char *percent(double p)
{
    if (p >= 0.0995)
        return g_strdup_printf("%.0f %%", 100 * p);
    if (p >= 0.000995)
        return g_strdup_printf("%.1f %%", 100 * p);
    return g_strdup("< 0.1 %");
}

static char *number(double x, const char *fmt)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, fmt, x));
}

static const char *attr(const WpGraph *g, WpPerson p, const char *column)
{
    return wp_graph_person_attr(g, p, column);
}

/* The types of the tie from @seller to @source: "client", "former colleague/social". */
static char *relationship(const WpGraph *g, WpPerson seller, WpPerson source, gboolean human)
{
    WpTie tie;
    if (!wp_graph_find_tie(g, seller, source, &tie))
        return g_strdup("");
    WpTieInfo info;
    wp_graph_tie_info(g, tie, &info);
    g_autoptr(GString) s = g_string_new(NULL);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++)
        if (info.types & WP_TIE_TYPE_BIT(t))
            g_string_append_printf(s, "%s%s", s->len ? "/" : "", wp_tie_type_name(t));
    if (s->len == 0)
        g_string_append(s, "tie");
    if (human)
        g_strdelimit(s->str, "_", ' ');
    return g_strdup(s->str);
}

/* "Name (Title, Company)", safe for a terminal. */
static char *described(const WpGraph *g, WpPerson p)
{
    const char *title = attr(g, p, WP_COLUMN_TITLE);
    const char *company = attr(g, p, WP_COLUMN_COMPANY);
    g_autoptr(GString) s = g_string_new(wp_graph_person_label(g, p));
    if (title != NULL && company != NULL)
        g_string_append_printf(s, " (%s, %s)", title, company);
    else if (title != NULL || company != NULL)
        g_string_append_printf(s, " (%s)", title != NULL ? title : company);
    return cli_sanitize_for_terminal(s->str);
}

/* "Name (Company)", not sanitised (callers do). */
static char *short_name(const WpGraph *g, WpPerson p)
{
    const char *company = attr(g, p, WP_COLUMN_COMPANY);
    return company ? g_strdup_printf("%s (%s)", wp_graph_person_label(g, p), company)
                   : g_strdup(wp_graph_person_label(g, p));
}

static guint n_shown(const RankReport *r)
{
    guint n = r->result->sources->len;
    return r->top > 0 ? MIN(r->top, n) : n;
}

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
    g_string_append_printf(out, "Territory: %u %s selected by %s.\n", r->n_selected,
                           r->n_selected == 1 ? "person" : "people", safe_what);
    g_autofree char *you = r->n_sellers == 1 ? g_strdup("your") : g_strdup("the sellers'");
    g_string_append_printf(out, "%u ranked; %u already %s direct contacts", res->targets->len,
                           res->direct->len, you);
    guint dropped = r->n_selected - res->targets->len - res->direct->len;
    if (dropped > 0)
        g_string_append_printf(out, "; %u sellers or repeats left out", dropped);
    g_string_append(out, ".\n");
    g_autoptr(GString) sellers = g_string_new(NULL);
    for (guint i = 0; i < r->n_sellers && i < 5; i++) {
        g_autofree char *n = cli_sanitize_for_terminal(wp_graph_person_label(g, r->sellers[i]));
        g_string_append_printf(sellers, "%s%s", i ? ", " : "", n);
    }
    if (r->n_sellers > 5)
        g_string_append_printf(sellers, " and %u more", r->n_sellers - 5);
    g_string_append_printf(out, "Referral sources: the %u direct contacts of %s; %u reach at "
                                "least one target.\n",
                           res->n_contacts, sellers->str, res->sources->len);
    g_autofree char *hops = r->max_hops ? g_strdup_printf("at most %u hops", r->max_hops)
                                        : g_strdup("any number of hops");
    g_autofree char *floor = percent(r->min_probability);
    g_autofree char *model = cli_sanitize_for_terminal(r->model);
    g_string_append_printf(out, "Model: %s, %s", model, hops);
    if (r->min_probability > 0)
        g_string_append_printf(out, ", paths under %s not counted", floor);
    g_string_append(out, ".\n\n");
}

/* "Bob Smith (Acme) 71 %, Rachel Kim (Acme) 40 %". */
static char *best_text(const WpGraph *g, const WpRankSource *s, gboolean with_percent)
{
    g_autoptr(GString) text = g_string_new(NULL);
    for (guint k = 0; k < s->best->len; k++) {
        const WpRankReach *reach = &g_array_index(s->best, WpRankReach, k);
        g_autofree char *who = short_name(g, reach->target);
        g_autofree char *chance = with_percent ? percent(reach->probability)
                                               : number(reach->probability, "%.4f");
        g_string_append_printf(text, "%s%s %s", k ? "; " : "", who, chance);
    }
    return g_strdup(text->str);
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
    for (guint i = 0; i < n_shown(r); i++) {
        const WpRankSource *s = &g_array_index(r->result->sources, WpRankSource, i);
        g_autofree char *rank = g_strdup_printf("%u", i + 1);
        g_autofree char *rel = relationship(g, s->seller, s->person, TRUE);
        g_autofree char *strength = percent(s->strength);
        g_autofree char *tie =
            r->n_sellers == 1
                ? g_strdup_printf("%s %s", rel, strength)
                : g_strdup_printf("%s: %s %s", wp_graph_person_label(g, s->seller), rel, strength);
        g_autofree char *score = number(s->score, "%.2f");
        g_autofree char *reached = g_strdup_printf("%u", s->n_reached);
        g_autofree char *best = best_text(g, s, TRUE);
        const char *cells[] = {rank, wp_graph_person_label(g, s->person),
                               attr(g, s->person, WP_COLUMN_COMPANY), tie, score, reached, best};
        cli_table_add_row(t, cells);
    }
    if (cli_table_n_rows(t) == 0) {
        g_string_append(out, "No direct contact reaches any target within these limits.\n");
        return;
    }
    cli_table_render(t, CLI_FORMAT_TABLE, 0, out);
    if (n_shown(r) < r->result->sources->len)
        g_string_append_printf(out, "(%u more; use --top 0 to see all)\n",
                               r->result->sources->len - n_shown(r));
}

/* "A, B and 3 more" over people (@indices into @people when given, else @people itself). */
static void append_people(GString *out, const WpGraph *g, const GArray *people,
                          const GArray *indices)
{
    guint n = indices ? indices->len : people->len;
    for (guint i = 0; i < n && i < MAX_LISTED; i++) {
        guint at = indices ? g_array_index(indices, guint, i) : i;
        g_autofree char *who = described(g, g_array_index(people, WpPerson, at));
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
        g_string_append_printf(out, "\nAlready %s direct contacts, not counted (ask them "
                                    "yourself): ",
                               r->n_sellers == 1 ? "your" : "the sellers'");
        append_people(out, g, res->direct, NULL);
        g_string_append(out, ".\n");
    }
    g_autofree char *floor = percent(r->min_probability);
    if (res->cold_targets->len == 0) {
        g_string_append(out, "\nNo cold targets: every target has a counted path.\n");
        return;
    }
    g_string_append_printf(out, "\nCold: %u of %u targets have no path%s%s%s.\n",
                           res->cold_targets->len, res->targets->len,
                           r->min_probability > 0 ? " at " : "",
                           r->min_probability > 0 ? floor : "",
                           r->min_probability > 0 ? " or better" : "");
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

static void table_plan(const RankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    const WpRankPlan *plan = r->plan;
    g_autofree char *expected = number(plan->expected, "%.2f");
    g_string_append_printf(out, "\nAsk plan: %u %s, at most %u %s each: %s introductions "
                                "expected out of %u targets.\n",
                           plan->picks->len, plan->picks->len == 1 ? "source" : "sources",
                           r->max_asks, r->max_asks == 1 ? "ask" : "asks", expected,
                           r->result->targets->len);
    for (guint i = 0; i < plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(plan->picks, WpRankPick, i);
        const WpRankSource *s = &g_array_index(r->result->sources, WpRankSource,
                                               pick->source_index);
        g_autofree char *who = described(g, s->person);
        g_autofree char *gain = number(pick->gain, "%.2f");
        g_autofree char *seller =
            r->n_sellers > 1 ? cli_sanitize_for_terminal(wp_graph_person_label(g, s->seller))
                             : NULL;
        g_string_append_printf(out, "%u. %s%s%s: +%s expected\n", i + 1,
                               seller ? seller : "", seller ? " asks " : "Ask ", who, gain);
        for (guint k = 0; k < pick->n_asks; k++) {
            const WpRankAsk *ask = &g_array_index(plan->asks, WpRankAsk, pick->first_ask + k);
            g_autofree char *target = described(
                g, g_array_index(r->result->targets, WpPerson, ask->target_index));
            g_autofree char *chance = percent(ask->probability);
            g_autofree char *ask_gain = number(ask->gain, "%.2f");
            g_string_append_printf(out, "   - about %s: %s chance, +%s\n", target, chance,
                                   ask_gain);
        }
    }
}

void rank_output_table(const RankReport *r, GString *out)
{
    table_heading(r, out);
    table_sources(r, out);
    table_direct_and_cold(r, out);
    if (r->plan != NULL)
        table_plan(r, out);
}

static void csv_row(GString *out, const char *const *cells, const gboolean *numeric, guint n)
{
    for (guint i = 0; i < n; i++) {
        if (i > 0)
            g_string_append_c(out, ',');
        if (numeric[i])
            g_string_append(out, cells[i]); /* our own formatting, never user text */
        else
            wp_csv_append_cell(out, cells[i]);
    }
    g_string_append_c(out, '\n');
}

static void csv_sources(const RankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    g_string_append(out, "rank,source_id,source_name,company,title,seller_id,relationship,"
                         "tie_strength,score,targets_reached,best_target_ids,best_targets\n");
    const gboolean numeric[] = {TRUE, FALSE, FALSE, FALSE, FALSE, FALSE,
                                FALSE, TRUE,  TRUE,  TRUE,  FALSE, FALSE};
    for (guint i = 0; i < n_shown(r); i++) {
        const WpRankSource *s = &g_array_index(r->result->sources, WpRankSource, i);
        g_autofree char *rank = g_strdup_printf("%u", i + 1);
        g_autofree char *rel = relationship(g, s->seller, s->person, FALSE);
        g_autofree char *strength = number(s->strength, "%.6f");
        g_autofree char *score = number(s->score, "%.6f");
        g_autofree char *reached = g_strdup_printf("%u", s->n_reached);
        g_autoptr(GString) ids = g_string_new(NULL);
        for (guint k = 0; k < s->best->len; k++)
            g_string_append_printf(
                ids, "%s%s", k ? ";" : "",
                wp_graph_person_id(g, g_array_index(s->best, WpRankReach, k).target));
        g_autofree char *best = best_text(g, s, FALSE);
        const char *cells[] = {rank, wp_graph_person_id(g, s->person),
                               wp_graph_person_label(g, s->person),
                               attr(g, s->person, WP_COLUMN_COMPANY),
                               attr(g, s->person, WP_COLUMN_TITLE),
                               wp_graph_person_id(g, s->seller), rel, strength, score, reached,
                               ids->str, best};
        csv_row(out, cells, numeric, G_N_ELEMENTS(cells));
    }
}

static void csv_plan(const RankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    g_string_append(out, "pick,source_id,source_name,source_company,seller_id,target_id,"
                         "target_name,target_company,target_title,probability,gain\n");
    const gboolean numeric[] = {TRUE,  FALSE, FALSE, FALSE, FALSE, FALSE,
                                FALSE, FALSE, FALSE, TRUE,  TRUE};
    for (guint i = 0; i < r->plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(r->plan->picks, WpRankPick, i);
        const WpRankSource *s = &g_array_index(r->result->sources, WpRankSource,
                                               pick->source_index);
        g_autofree char *n = g_strdup_printf("%u", i + 1);
        for (guint k = 0; k < pick->n_asks; k++) {
            const WpRankAsk *ask = &g_array_index(r->plan->asks, WpRankAsk, pick->first_ask + k);
            WpPerson t = g_array_index(r->result->targets, WpPerson, ask->target_index);
            g_autofree char *p = number(ask->probability, "%.6f");
            g_autofree char *gain = number(ask->gain, "%.6f");
            const char *cells[] = {n, wp_graph_person_id(g, s->person),
                                   wp_graph_person_label(g, s->person),
                                   attr(g, s->person, WP_COLUMN_COMPANY),
                                   wp_graph_person_id(g, s->seller), wp_graph_person_id(g, t),
                                   wp_graph_person_label(g, t), attr(g, t, WP_COLUMN_COMPANY),
                                   attr(g, t, WP_COLUMN_TITLE), p, gain};
            csv_row(out, cells, numeric, G_N_ELEMENTS(cells));
        }
    }
}

void rank_output_csv(const RankReport *r, GString *out)
{
    if (r->plan != NULL)
        csv_plan(r, out);
    else
        csv_sources(r, out);
}

/* {"id", "name", "company", "title"} with the members that are known. */
static void json_person(JsonBuilder *b, const WpGraph *g, WpPerson p)
{
    json_builder_set_member_name(b, "id");
    json_builder_add_string_value(b, wp_graph_person_id(g, p));
    json_builder_set_member_name(b, "name");
    json_builder_add_string_value(b, wp_graph_person_label(g, p));
    const char *columns[] = {WP_COLUMN_COMPANY, WP_COLUMN_TITLE};
    for (guint i = 0; i < G_N_ELEMENTS(columns); i++) {
        const char *value = attr(g, p, columns[i]);
        if (value == NULL)
            continue;
        json_builder_set_member_name(b, columns[i]);
        json_builder_add_string_value(b, value);
    }
}

static void json_person_object(JsonBuilder *b, const WpGraph *g, WpPerson p)
{
    json_builder_begin_object(b);
    json_person(b, g, p);
    json_builder_end_object(b);
}

static void json_member_double(JsonBuilder *b, const char *name, double x)
{
    json_builder_set_member_name(b, name);
    json_builder_add_double_value(b, x);
}

static void json_member_int(JsonBuilder *b, const char *name, gint64 x)
{
    json_builder_set_member_name(b, name);
    json_builder_add_int_value(b, x);
}

static void json_sources(JsonBuilder *b, const RankReport *r)
{
    const WpGraph *g = r->graph;
    json_builder_set_member_name(b, "sources");
    json_builder_begin_array(b);
    for (guint i = 0; i < n_shown(r); i++) {
        const WpRankSource *s = &g_array_index(r->result->sources, WpRankSource, i);
        json_builder_begin_object(b);
        json_member_int(b, "rank", i + 1);
        json_person(b, g, s->person);
        json_member_double(b, "score", s->score);
        json_member_int(b, "targets_reached", s->n_reached);
        json_builder_set_member_name(b, "seller");
        json_builder_add_string_value(b, wp_graph_person_id(g, s->seller));
        g_autofree char *rel = relationship(g, s->seller, s->person, FALSE);
        json_builder_set_member_name(b, "relationship");
        json_builder_add_string_value(b, rel);
        json_member_double(b, "tie_strength", s->strength);
        json_builder_set_member_name(b, "best_targets");
        json_builder_begin_array(b);
        for (guint k = 0; k < s->best->len; k++) {
            const WpRankReach *reach = &g_array_index(s->best, WpRankReach, k);
            json_builder_begin_object(b);
            json_person(b, g, reach->target);
            json_member_double(b, "probability", reach->probability);
            json_builder_end_object(b);
        }
        json_builder_end_array(b);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

static void json_targets(JsonBuilder *b, const RankReport *r)
{
    const WpGraph *g = r->graph;
    const WpRankResult *res = r->result;
    json_builder_set_member_name(b, "targets");
    json_builder_begin_array(b);
    for (guint t = 0; t < res->targets->len; t++) {
        json_builder_begin_object(b);
        json_person(b, g, g_array_index(res->targets, WpPerson, t));
        json_member_double(b, "best_probability", g_array_index(res->best_probability, double, t));
        guint best = g_array_index(res->best_source, guint, t);
        json_builder_set_member_name(b, "best_source");
        if (best == G_MAXUINT)
            json_builder_add_null_value(b);
        else
            json_builder_add_string_value(
                b, wp_graph_person_id(g, g_array_index(res->sources, WpRankSource, best).person));
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_set_member_name(b, "direct_contacts");
    json_builder_begin_array(b);
    for (guint i = 0; i < res->direct->len; i++)
        json_person_object(b, g, g_array_index(res->direct, WpPerson, i));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "cold_targets");
    json_builder_begin_array(b);
    for (guint i = 0; i < res->cold_targets->len; i++)
        json_person_object(b, g, g_array_index(res->targets, WpPerson,
                                               g_array_index(res->cold_targets, guint, i)));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "cold_companies");
    json_builder_begin_array(b);
    for (guint i = 0; i < res->cold_companies->len; i++) {
        const WpRankCompany *c = &g_array_index(res->cold_companies, WpRankCompany, i);
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "company");
        json_builder_add_string_value(b, c->company);
        json_member_int(b, "targets", c->n_targets);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

static void json_plan(JsonBuilder *b, const RankReport *r)
{
    const WpGraph *g = r->graph;
    json_builder_set_member_name(b, "plan");
    json_builder_begin_object(b);
    json_member_double(b, "expected", r->plan->expected);
    json_member_int(b, "max_asks", r->max_asks);
    json_builder_set_member_name(b, "picks");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(r->plan->picks, WpRankPick, i);
        const WpRankSource *s = &g_array_index(r->result->sources, WpRankSource,
                                               pick->source_index);
        json_builder_begin_object(b);
        json_person(b, g, s->person);
        json_member_double(b, "gain", pick->gain);
        json_builder_set_member_name(b, "asks");
        json_builder_begin_array(b);
        for (guint k = 0; k < pick->n_asks; k++) {
            const WpRankAsk *ask = &g_array_index(r->plan->asks, WpRankAsk, pick->first_ask + k);
            json_builder_begin_object(b);
            json_person(b, g, g_array_index(r->result->targets, WpPerson, ask->target_index));
            json_member_double(b, "probability", ask->probability);
            json_member_double(b, "gain", ask->gain);
            json_builder_end_object(b);
        }
        json_builder_end_array(b);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
}

JsonNode *rank_output_json(const RankReport *r)
{
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "sellers");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->n_sellers; i++)
        json_person_object(b, r->graph, r->sellers[i]);
    json_builder_end_array(b);
    json_builder_set_member_name(b, "where");
    json_builder_begin_array(b);
    for (guint i = 0; r->where != NULL && r->where[i] != NULL; i++)
        json_builder_add_string_value(b, r->where[i]);
    json_builder_end_array(b);
    json_builder_set_member_name(b, "model");
    json_builder_add_string_value(b, r->model);
    json_member_int(b, "max_hops", r->max_hops);
    json_member_double(b, "min_probability", r->min_probability);
    json_member_int(b, "selected", r->n_selected);
    json_member_int(b, "contacts", r->result->n_contacts);
    json_sources(b, r);
    json_targets(b, r);
    if (r->plan != NULL)
        json_plan(b, r);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
