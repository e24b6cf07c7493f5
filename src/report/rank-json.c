/* SPDX-License-Identifier: MIT */
/* A ranking (and its plan) as JSON: the object `warmpath rank --format json` prints and the
 * service returns (fields: docs/rank.md). */
#include "report/report-private.h"

/* {"id", "name", "company", "title"} with the members that are known. */
static void json_person_members(JsonBuilder *b, const WpGraph *g, WpPerson p)
{
    wp_i_json_string(b, "id", wp_graph_person_id(g, p));
    wp_i_json_string(b, "name", wp_graph_person_label(g, p));
    const char *columns[] = {WP_COLUMN_COMPANY, WP_COLUMN_TITLE};
    for (guint i = 0; i < G_N_ELEMENTS(columns); i++) {
        const char *value = wp_graph_person_attr(g, p, columns[i]);
        if (value != NULL)
            wp_i_json_string(b, columns[i], value);
    }
}

static void json_person_object(JsonBuilder *b, const WpGraph *g, WpPerson p)
{
    json_builder_begin_object(b);
    json_person_members(b, g, p);
    json_builder_end_object(b);
}

/* A ranked source's role is "source"; a fellow seller's "teammate" or "seller". */
static const char *role_name(const WpSourceReason *s)
{
    return s->role == WP_SOURCE_CONTACT ? "source" : wp_source_role_name(s->role);
}

static void json_source(JsonBuilder *b, const WpGraph *g, const WpSourceReason *reason)
{
    const WpRankSource *s = reason->source;
    json_builder_begin_object(b);
    if (reason->rank > 0)
        wp_i_json_int(b, "rank", reason->rank);
    json_person_members(b, g, s->person);
    wp_i_json_string(b, "role", role_name(reason));
    wp_i_json_double(b, "score", s->score);
    wp_i_json_int(b, "targets_reached", s->n_reached);
    wp_i_json_string(b, "seller", wp_graph_person_id(g, s->seller));
    g_autofree char *rel = wp_report_relationship(reason, FALSE);
    wp_i_json_string(b, "relationship", rel);
    wp_i_json_double(b, "tie_effective_strength", s->strength);
    wp_i_json_bool(b, "team_tie", s->team_tie);
    json_builder_set_member_name(b, "best_targets");
    json_builder_begin_array(b);
    for (guint k = 0; k < s->best->len; k++) {
        const WpRankReach *reach = &g_array_index(s->best, WpRankReach, k);
        json_builder_begin_object(b);
        json_person_members(b, g, reach->target);
        wp_i_json_double(b, "probability", reach->probability);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
}

static void json_sources(JsonBuilder *b, const WpRankReport *r, const char *member,
                         const GArray *reasons)
{
    json_builder_set_member_name(b, member);
    json_builder_begin_array(b);
    for (guint i = 0; i < reasons->len; i++)
        json_source(b, r->graph, &g_array_index(reasons, WpSourceReason, i));
    json_builder_end_array(b);
}

/* An array of the people @indices point at in @people (every one of @people when NULL). */
static void json_people(JsonBuilder *b, const WpGraph *g, const char *member, const GArray *people,
                        const GArray *indices)
{
    json_builder_set_member_name(b, member);
    json_builder_begin_array(b);
    guint n = indices ? indices->len : people->len;
    for (guint i = 0; i < n; i++)
        json_person_object(
            b, g, g_array_index(people, WpPerson, indices ? g_array_index(indices, guint, i) : i));
    json_builder_end_array(b);
}

static void json_targets(JsonBuilder *b, const WpRankReport *r)
{
    const WpGraph *g = r->graph;
    const WpRankResult *res = r->result;
    json_builder_set_member_name(b, "targets");
    json_builder_begin_array(b);
    for (guint t = 0; t < res->targets->len; t++) {
        json_builder_begin_object(b);
        json_person_members(b, g, g_array_index(res->targets, WpPerson, t));
        wp_i_json_double(b, "best_probability", g_array_index(res->best_probability, double, t));
        guint best = g_array_index(res->best_source, guint, t);
        wp_i_json_string_or_null(
            b, "best_source",
            best == G_MAXUINT
                ? NULL
                : wp_graph_person_id(g, g_array_index(res->sources, WpRankSource, best).person));
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_people(b, g, "direct_contacts", res->direct, NULL);
    json_people(b, g, "weak_direct_contacts", res->targets, res->weak_direct);
    json_people(b, g, "cold_targets", res->targets, res->cold_targets);
    json_builder_set_member_name(b, "cold_companies");
    json_builder_begin_array(b);
    for (guint i = 0; i < res->cold_companies->len; i++) {
        const WpRankCompany *c = &g_array_index(res->cold_companies, WpRankCompany, i);
        json_builder_begin_object(b);
        wp_i_json_string(b, "company", c->company);
        wp_i_json_int(b, "targets", c->n_targets);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

static void json_route(JsonBuilder *b, const WpGraph *g, const WpPath *route)
{
    wp_i_json_people(b, "route", g, route->people, route->n_people, wp_graph_person_id);
    wp_i_json_people(b, "route_names", g, route->people, route->n_people, wp_graph_person_label);
}

static void build_plan(JsonBuilder *b, const WpRankReport *r)
{
    const WpGraph *g = r->graph;
    const WpRankPlan *plan = r->plan;
    json_builder_begin_object(b);
    wp_i_json_double(b, "expected", plan->expected);
    wp_i_json_int(b, "max_asks", r->request.max_asks);
    wp_i_json_double(b, "min_gain", r->request.min_gain);
    json_builder_set_member_name(b, "picks");
    json_builder_begin_array(b);
    for (guint i = 0; i < plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(plan->picks, WpRankPick, i);
        const WpRankSource *s =
            &g_array_index(r->result->sources, WpRankSource, pick->source_index);
        json_builder_begin_object(b);
        json_person_members(b, g, s->person);
        wp_i_json_double(b, "gain", pick->gain);
        json_builder_set_member_name(b, "asks");
        json_builder_begin_array(b);
        for (guint k = 0; k < pick->n_asks; k++) {
            const WpRankAsk *ask = &g_array_index(plan->asks, WpRankAsk, pick->first_ask + k);
            json_builder_begin_object(b);
            json_person_members(b, g,
                                g_array_index(r->result->targets, WpPerson, ask->target_index));
            wp_i_json_double(b, "probability", ask->probability);
            wp_i_json_double(b, "gain", ask->gain);
            json_route(b, g, &ask->route);
            json_builder_end_object(b);
        }
        json_builder_end_array(b);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
}

JsonNode *wp_report_plan_json(const WpRankReport *r)
{
    g_return_val_if_fail(r != NULL, NULL);
    if (r->plan == NULL)
        return NULL;
    g_autoptr(JsonBuilder) b = json_builder_new();
    build_plan(b, r);
    return json_builder_get_root(b);
}

JsonNode *wp_report_rank_json(const WpRankReport *r)
{
    g_return_val_if_fail(r != NULL, NULL);
    const WpGraph *g = r->graph;
    const WpTerritory *t = r->request.territory;
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "sellers");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->request.n_sellers; i++)
        json_person_object(b, g, r->request.sellers[i]);
    json_builder_end_array(b);
    json_builder_set_member_name(b, "where");
    json_builder_begin_array(b);
    for (guint i = 0; t->expressions != NULL && t->expressions[i] != NULL; i++)
        json_builder_add_string_value(b, t->expressions[i]);
    json_builder_end_array(b);
    wp_i_json_string(b, "model", r->request.model_name);
    wp_i_json_int(b, "max_hops", r->request.max_hops);
    wp_i_json_double(b, "min_probability", r->request.min_probability);
    wp_i_json_int(b, "selected", t->people->len);
    wp_i_json_int(b, "contacts", r->result->n_contacts);
    json_sources(b, r, "sources", r->sources);
    json_sources(b, r, "colleagues", r->colleagues);
    json_targets(b, r);
    if (r->plan != NULL) {
        json_builder_set_member_name(b, "plan");
        build_plan(b, r);
    }
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
