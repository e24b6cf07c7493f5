/* SPDX-License-Identifier: MIT */
/* warmpath rank: what the formats share, the ranking as rows (csv) and complete (json). The
 * table is rank-table.c. */
#include "cli/rank-output.h"

#include <string.h>

/* "71 %", "4.2 %", "< 0.1 %". */
char *rank_percent(double p)
{
    if (p >= 0.0995)
        return g_strdup_printf("%.0f %%", 100 * p);
    if (p >= 0.000995)
        return g_strdup_printf("%.1f %%", 100 * p);
    return g_strdup("< 0.1 %");
}

char *rank_number(double x, const char *fmt)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, fmt, x));
}

const char *rank_attr(const WpGraph *g, WpPerson p, const char *column)
{
    return wp_graph_person_attr(g, p, column);
}

/* The types of the tie from @seller to @source: "client", "former colleague/social", or
 * "team" for the team tie (see WpRankSource.team_tie). */
char *rank_relationship(const WpGraph *g, const WpRankSource *source, gboolean human)
{
    WpTie tie;
    if (source->team_tie)
        return g_strdup(human ? "team tie" : "team");
    if (!wp_graph_find_tie(g, source->seller, source->person, &tie))
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
char *rank_described(const WpGraph *g, WpPerson p)
{
    const char *title = rank_attr(g, p, WP_COLUMN_TITLE);
    const char *company = rank_attr(g, p, WP_COLUMN_COMPANY);
    g_autoptr(GString) s = g_string_new(wp_graph_person_label(g, p));
    if (title != NULL && company != NULL)
        g_string_append_printf(s, " (%s, %s)", title, company);
    else if (title != NULL || company != NULL)
        g_string_append_printf(s, " (%s)", title != NULL ? title : company);
    return cli_sanitize_for_terminal(s->str);
}

/* "Name (Company)", not sanitised (callers do). */
char *rank_short_name(const WpGraph *g, WpPerson p)
{
    const char *company = rank_attr(g, p, WP_COLUMN_COMPANY);
    return company ? g_strdup_printf("%s (%s)", wp_graph_person_label(g, p), company)
                   : g_strdup(wp_graph_person_label(g, p));
}

guint rank_n_shown(const RankReport *r)
{
    guint n = r->result->sources->len;
    return r->top > 0 ? MIN(r->top, n) : n;
}

/* "Bob Smith (Acme) 71 %, Rachel Kim (Acme) 40 %". */
char *rank_best_text(const WpGraph *g, const WpRankSource *s, gboolean with_percent)
{
    g_autoptr(GString) text = g_string_new(NULL);
    for (guint k = 0; k < s->best->len; k++) {
        const WpRankReach *reach = &g_array_index(s->best, WpRankReach, k);
        g_autofree char *who = rank_short_name(g, reach->target);
        g_autofree char *chance = with_percent ? rank_percent(reach->probability)
                                               : rank_number(reach->probability, "%.4f");
        g_string_append_printf(text, "%s%s %s", k ? "; " : "", who, chance);
    }
    return g_strdup(text->str);
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

/* "teammate", "seller" (another team's) or "source" (a referral source). */
const char *rank_role_of(const WpGraph *g, const WpRankSource *s, gboolean colleague)
{
    if (!colleague)
        return "source";
    const char *team = wp_graph_person_team(g, s->person),
               *own = wp_graph_person_team(g, s->seller);
    return team != NULL && own != NULL && strcmp(team, own) == 0 ? "teammate" : "seller";
}

static void csv_source_row(const RankReport *r, const WpRankSource *s, const char *rank,
                           const char *role, GString *out)
{
    const WpGraph *g = r->graph;
    const gboolean numeric[] = {TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE,
                                TRUE, TRUE,  TRUE,  FALSE, FALSE, FALSE};
    g_autofree char *rel = rank_relationship(g, s, FALSE);
    g_autofree char *strength = rank_number(s->strength, "%.6f");
    g_autofree char *score = rank_number(s->score, "%.6f");
    g_autofree char *reached = g_strdup_printf("%u", s->n_reached);
    g_autoptr(GString) ids = g_string_new(NULL);
    for (guint k = 0; k < s->best->len; k++)
        g_string_append_printf(
            ids, "%s%s", k ? ";" : "",
            wp_graph_person_id(g, g_array_index(s->best, WpRankReach, k).target));
    g_autofree char *best = rank_best_text(g, s, FALSE);
    const char *cells[] = {rank,
                           wp_graph_person_id(g, s->person),
                           wp_graph_person_label(g, s->person),
                           rank_attr(g, s->person, WP_COLUMN_COMPANY),
                           rank_attr(g, s->person, WP_COLUMN_TITLE),
                           wp_graph_person_id(g, s->seller),
                           rel,
                           strength,
                           score,
                           reached,
                           ids->str,
                           best,
                           role};
    csv_row(out, cells, numeric, G_N_ELEMENTS(cells));
}

/* The ranked sources, then the fellow sellers (no rank; role teammate or seller). */
static void csv_sources(const RankReport *r, GString *out)
{
    g_string_append(out, "rank,source_id,source_name,company,title,seller_id,relationship,"
                         "tie_effective_strength,score,targets_reached,best_target_ids,"
                         "best_targets,role\n");
    for (guint i = 0; i < rank_n_shown(r); i++) {
        g_autofree char *rank = g_strdup_printf("%u", i + 1);
        csv_source_row(r, &g_array_index(r->result->sources, WpRankSource, i), rank, "source", out);
    }
    for (guint i = 0; i < r->result->colleagues->len; i++) {
        const WpRankSource *s = &g_array_index(r->result->colleagues, WpRankSource, i);
        csv_source_row(r, s, "", rank_role_of(r->graph, s, TRUE), out);
    }
}

/* A route's ids joined by ';' and names by " > ". */
static void route_cells(const WpGraph *g, const WpPath *route, GString *ids, GString *names)
{
    for (guint i = 0; i < route->n_people; i++) {
        g_string_append_printf(ids, "%s%s", i ? ";" : "", wp_graph_person_id(g, route->people[i]));
        g_string_append_printf(names, "%s%s", i ? " > " : "",
                               wp_graph_person_label(g, route->people[i]));
    }
}

static void csv_plan(const RankReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    g_string_append(out, "pick,source_id,source_name,source_company,seller_id,target_id,"
                         "target_name,target_company,target_title,probability,gain,route_ids,"
                         "route_names\n");
    const gboolean numeric[] = {TRUE,  FALSE, FALSE, FALSE, FALSE, FALSE, FALSE,
                                FALSE, FALSE, TRUE,  TRUE,  FALSE, FALSE};
    for (guint i = 0; i < r->plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(r->plan->picks, WpRankPick, i);
        const WpRankSource *s =
            &g_array_index(r->result->sources, WpRankSource, pick->source_index);
        g_autofree char *n = g_strdup_printf("%u", i + 1);
        for (guint k = 0; k < pick->n_asks; k++) {
            const WpRankAsk *ask = &g_array_index(r->plan->asks, WpRankAsk, pick->first_ask + k);
            WpPerson t = g_array_index(r->result->targets, WpPerson, ask->target_index);
            g_autofree char *p = rank_number(ask->probability, "%.6f");
            g_autofree char *gain = rank_number(ask->gain, "%.6f");
            g_autoptr(GString) ids = g_string_new(NULL);
            g_autoptr(GString) names = g_string_new(NULL);
            route_cells(g, &ask->route, ids, names);
            const char *cells[] = {n,
                                   wp_graph_person_id(g, s->person),
                                   wp_graph_person_label(g, s->person),
                                   rank_attr(g, s->person, WP_COLUMN_COMPANY),
                                   wp_graph_person_id(g, s->seller),
                                   wp_graph_person_id(g, t),
                                   wp_graph_person_label(g, t),
                                   rank_attr(g, t, WP_COLUMN_COMPANY),
                                   rank_attr(g, t, WP_COLUMN_TITLE),
                                   p,
                                   gain,
                                   ids->str,
                                   names->str};
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
        const char *value = rank_attr(g, p, columns[i]);
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

static void json_source(JsonBuilder *b, const RankReport *r, const WpRankSource *s, guint rank,
                        gboolean colleague)
{
    const WpGraph *g = r->graph;
    json_builder_begin_object(b);
    if (!colleague)
        json_member_int(b, "rank", rank);
    json_person(b, g, s->person);
    json_builder_set_member_name(b, "role");
    json_builder_add_string_value(b, rank_role_of(g, s, colleague));
    json_member_double(b, "score", s->score);
    json_member_int(b, "targets_reached", s->n_reached);
    json_builder_set_member_name(b, "seller");
    json_builder_add_string_value(b, wp_graph_person_id(g, s->seller));
    g_autofree char *rel = rank_relationship(g, s, FALSE);
    json_builder_set_member_name(b, "relationship");
    json_builder_add_string_value(b, rel);
    json_member_double(b, "tie_effective_strength", s->strength);
    json_builder_set_member_name(b, "team_tie");
    json_builder_add_boolean_value(b, s->team_tie);
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

/* "sources" (ranked, best first) and "colleagues" (fellow sellers, apart). */
static void json_sources(JsonBuilder *b, const RankReport *r)
{
    json_builder_set_member_name(b, "sources");
    json_builder_begin_array(b);
    for (guint i = 0; i < rank_n_shown(r); i++)
        json_source(b, r, &g_array_index(r->result->sources, WpRankSource, i), i + 1, FALSE);
    json_builder_end_array(b);
    json_builder_set_member_name(b, "colleagues");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->result->colleagues->len; i++)
        json_source(b, r, &g_array_index(r->result->colleagues, WpRankSource, i), 0, TRUE);
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
    json_builder_set_member_name(b, "weak_direct_contacts");
    json_builder_begin_array(b);
    for (guint i = 0; i < res->weak_direct->len; i++)
        json_person_object(
            b, g, g_array_index(res->targets, WpPerson, g_array_index(res->weak_direct, guint, i)));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "cold_targets");
    json_builder_begin_array(b);
    for (guint i = 0; i < res->cold_targets->len; i++)
        json_person_object(
            b, g,
            g_array_index(res->targets, WpPerson, g_array_index(res->cold_targets, guint, i)));
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
    json_member_double(b, "min_gain", r->min_gain);
    json_builder_set_member_name(b, "picks");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(r->plan->picks, WpRankPick, i);
        const WpRankSource *s =
            &g_array_index(r->result->sources, WpRankSource, pick->source_index);
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
            json_builder_set_member_name(b, "route");
            json_builder_begin_array(b);
            for (guint i2 = 0; i2 < ask->route.n_people; i2++)
                json_builder_add_string_value(b, wp_graph_person_id(g, ask->route.people[i2]));
            json_builder_end_array(b);
            json_builder_set_member_name(b, "route_names");
            json_builder_begin_array(b);
            for (guint i2 = 0; i2 < ask->route.n_people; i2++)
                json_builder_add_string_value(b, wp_graph_person_label(g, ask->route.people[i2]));
            json_builder_end_array(b);
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
