/* SPDX-License-Identifier: MIT */
/* A path answer as JSON: the object `warmpath path --format json` prints and the service
 * returns, built from the report's reasons (docs/paths.md "Output formats"). */
#include "report/report-private.h"

#include <math.h>

static void json_person(JsonBuilder *b, const WpGraph *g, WpPerson p)
{
    json_builder_begin_object(b);
    wp_i_json_string(b, "id", wp_graph_person_id(g, p));
    wp_i_json_string_or_null(b, "name", wp_graph_person_attr(g, p, WP_COLUMN_NAME));
    wp_i_json_string_or_null(b, "company", wp_graph_person_attr(g, p, WP_COLUMN_COMPANY));
    wp_i_json_string_or_null(b, "title", wp_graph_person_attr(g, p, WP_COLUMN_TITLE));
    json_builder_end_object(b);
}

/* The hop's numbers and flags, every one the table explains in words, and the table's sentence
 * itself (so the web page says what the CLI says without wording anything of its own). */
static void json_hop(JsonBuilder *b, const WpPathReport *r, const WpHopReason *hop)
{
    const WpGraph *g = r->graph;
    gboolean team = (hop->flags & WP_HOP_TEAM_TIE) != 0;
    json_builder_begin_object(b);
    wp_i_json_string(b, "from", wp_graph_person_id(g, hop->from));
    wp_i_json_string(b, "to", wp_graph_person_id(g, hop->to));
    wp_i_json_string_or_null(b, "from_name", wp_graph_person_attr(g, hop->from, WP_COLUMN_NAME));
    wp_i_json_string_or_null(b, "to_name", wp_graph_person_attr(g, hop->to, WP_COLUMN_NAME));
    g_autofree char *type = wp_report_tie_types_text(hop, FALSE);
    wp_i_json_string(b, "type", hop->types || team ? type : "");
    json_builder_set_member_name(b, "types");
    json_builder_begin_array(b);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++)
        if (hop->types & WP_TIE_TYPE_BIT(t))
            json_builder_add_string_value(b, wp_tie_type_name(t));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "declared_strength");
    if (isnan(hop->declared))
        json_builder_add_null_value(b);
    else
        json_builder_add_double_value(b, hop->declared);
    wp_i_json_double(b, "base_strength", hop->base);
    wp_i_json_string_or_null(b, "prior_type",
                             hop->prior_type != WP_TIE_N_TYPES ? wp_tie_type_name(hop->prior_type)
                                                               : NULL);
    wp_i_json_double(b, "effective_strength", hop->effective);
    char day[11];
    wp_day_format(hop->last_contact, day);
    wp_i_json_string_or_null(b, "last_contact", day[0] ? day : NULL);
    json_builder_set_member_name(b, "age_days");
    if (hop->age_days >= 0)
        json_builder_add_int_value(b, hop->age_days);
    else
        json_builder_add_null_value(b);
    json_builder_set_member_name(b, "interactions");
    if (hop->interactions >= 0)
        json_builder_add_int_value(b, hop->interactions);
    else
        json_builder_add_null_value(b);
    wp_i_json_double(b, "recency", hop->recency);
    wp_i_json_double(b, "never_factor", hop->never_factor);
    wp_i_json_double(b, "interaction_boost", hop->boost);
    wp_i_json_double(b, "intermediary_factor", hop->intermediary_factor);
    wp_i_json_bool(b, "never_interacted", (hop->flags & WP_HOP_NEVER_INTERACTED) != 0);
    wp_i_json_bool(b, "gone_cold", (hop->flags & WP_HOP_GONE_COLD) != 0);
    wp_i_json_bool(b, "social_only", (hop->flags & WP_HOP_SOCIAL_ONLY) != 0);
    wp_i_json_bool(b, "team_tie", team);
    wp_i_json_bool(b, "directed", (hop->flags & WP_HOP_DIRECTED) != 0);
    const char *origins[WP_TIE_ORIGINS_MAX];
    guint n_origins = team || hop->tie == WP_TIE_NONE
                          ? 0
                          : wp_graph_tie_origins(g, hop->tie, origins, WP_TIE_ORIGINS_MAX);
    json_builder_set_member_name(b, "origins"); /* which exports or CRMs the tie came from */
    json_builder_begin_array(b);
    for (guint i = 0; i < MIN(n_origins, WP_TIE_ORIGINS_MAX); i++)
        json_builder_add_string_value(b, origins[i]);
    json_builder_end_array(b);
    g_autofree char *sentence = wp_report_hop_sentence(r, hop);
    wp_i_json_string(b, "sentence", sentence);
    json_builder_end_object(b);
}

static void json_path(JsonBuilder *b, const WpPathReport *report, const WpPathReason *r)
{
    const WpGraph *g = report->graph;
    const WpPath *path = r->path;
    json_builder_begin_object(b);
    wp_i_json_double(b, "probability", path->probability);
    wp_i_json_string(b, "seller", wp_graph_person_id(g, path->seller));
    wp_i_json_string_or_null(b, "source",
                             r->source != WP_PERSON_NONE ? wp_graph_person_id(g, r->source) : NULL);
    wp_i_json_string_or_null(b, "source_role", wp_source_role_name(r->source_role));
    wp_i_json_bool(b, "team_hop", path->team_hop);
    wp_i_json_bool(b, "direct", path->n_people == 2);
    wp_i_json_people(b, "people", g, path->people, path->n_people, wp_graph_person_id);
    wp_i_json_people(b, "names", g, path->people, path->n_people, wp_graph_person_label);
    json_builder_set_member_name(b, "hops");
    json_builder_begin_array(b);
    for (guint h = 0; h < r->n_hops; h++)
        json_hop(b, report, &r->hops[h]);
    json_builder_end_array(b);
    wp_i_json_contact(b, "source_contact", g, r->source);
    wp_i_json_contact(b, "target_contact", g, r->target);
    g_autofree char *headline = wp_report_path_headline(report, r);
    g_autofree char *passing_on = wp_report_passing_on(report, r);
    wp_i_json_string(b, "headline", headline);
    wp_i_json_string_or_null(b, "passing_on", passing_on);
    json_builder_end_object(b);
}

static void json_paths(JsonBuilder *b, const WpPathReport *r, const char *member,
                       const GArray *paths)
{
    json_builder_set_member_name(b, member);
    json_builder_begin_array(b);
    for (guint i = 0; i < paths->len; i++)
        json_path(b, r, &g_array_index(paths, WpPathReason, i));
    json_builder_end_array(b);
}

static void json_query(JsonBuilder *b, const WpPathReport *r)
{
    const WpGraph *g = r->graph;
    const WpPathRequest *q = &r->request;
    json_builder_set_member_name(b, "query");
    json_builder_begin_object(b);
    wp_i_json_people(b, "sellers", g, q->sellers, q->n_sellers, wp_graph_person_id);
    json_builder_set_member_name(b, "target");
    if (r->set->target != WP_PERSON_NONE)
        json_person(b, g, r->set->target);
    else
        json_builder_add_null_value(b);
    wp_i_json_string_or_null(b, "company", q->company);
    wp_i_json_string_or_null(b, "where", q->where);
    wp_i_json_string(b, "mode",
                     q->company           ? "account"
                     : q->query.all_paths ? "all-paths"
                                          : "sources");
    wp_i_json_int(b, "k", q->query.k);
    wp_i_json_int(b, "max_hops", q->query.max_hops);
    wp_i_json_double(b, "min_probability", q->query.min_probability);
    wp_i_json_string(b, "model", q->model_name);
    wp_i_json_double(b, "intermediary_factor",
                     wp_model_intermediary_factor(wp_scoring_model(r->scoring)));
    char day[11];
    wp_day_format(wp_scoring_as_of(r->scoring), day);
    wp_i_json_string(b, "as_of", day);
    json_builder_end_object(b);
}

/* "direct": the sellers' direct ties, each with whether the seller can just ask, and
 * "direct_answer": whether the paths are those ties alone. */
static void json_direct(JsonBuilder *b, const WpPathReport *r)
{
    const WpGraph *g = r->graph;
    json_builder_set_member_name(b, "direct");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->direct->len; i++) {
        const WpDirectReason *reason = &g_array_index(r->direct, WpDirectReason, i);
        const WpDirectTie *d = reason->direct;
        g_autofree char *type = wp_report_tie_types_text(&reason->hop, FALSE);
        json_builder_begin_object(b);
        wp_i_json_string(b, "seller", wp_graph_person_id(g, d->seller));
        wp_i_json_string(b, "person", wp_graph_person_id(g, d->person));
        wp_i_json_string(b, "type", type);
        wp_i_json_double(b, "effective_strength", d->strength);
        wp_i_json_bool(b, "strong", reason->strong);
        wp_i_json_bool(b, "weak", (d->flags & WP_DIRECT_WEAK) != 0);
        wp_i_json_bool(b, "gone_cold", (d->flags & WP_DIRECT_COLD) != 0);
        wp_i_json_bool(b, "never_interacted", (d->flags & WP_DIRECT_NEVER) != 0);
        wp_i_json_bool(b, "team_tie", (d->flags & WP_DIRECT_TEAM) != 0);
        wp_i_json_string(b, "advice", reason->strong ? "ask" : "reconnect");
        g_autofree char *sentence = wp_report_direct_sentence(r, reason);
        wp_i_json_string(b, "sentence", sentence);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    wp_i_json_bool(b, "direct_answer", r->set->direct_answer);
    wp_i_json_string_or_null(b, "direct_advice", wp_report_direct_advice(r));
}

/* One builder for both answers: an account query has no "no_path" (a person unreached is
 * simply not listed). */
static JsonNode *answer_json(const WpPathReport *r)
{
    const WpPathSet *set = r->set;
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_query(b, r);
    g_autofree char *heading = wp_report_paths_heading(r);
    wp_i_json_string(b, "heading", heading);
    json_direct(b, r);
    json_paths(b, r, "paths", r->paths);
    json_builder_set_member_name(b, "at_least_one");
    json_builder_begin_object(b);
    wp_i_json_double(b, "probability", set->at_least_one);
    wp_i_json_string(b, "assumes", r->assumes);
    g_autofree char *assumption = NULL;
    g_autofree char *claim = wp_report_at_least_one_sentence(r, &assumption);
    wp_i_json_string_or_null(b, "sentence", claim);
    json_builder_end_object(b);
    if (r->request.company == NULL) {
        json_builder_set_member_name(b, "no_path");
        if (set->paths->len > 0) {
            json_builder_add_null_value(b);
        } else {
            json_builder_begin_object(b);
            json_builder_set_member_name(b, "beyond_limits");
            if (r->beyond_limits != NULL)
                json_path(b, r, r->beyond_limits);
            else
                json_builder_add_null_value(b);
            json_builder_set_member_name(b, "beyond_limits_cut");
            json_builder_add_boolean_value(b, set->unconstrained_cut);
            json_paths(b, r, "colleagues", r->suggestions);
            json_builder_set_member_name(b, "colleagues_cut");
            json_builder_add_boolean_value(b, set->suggestions_cut);
            g_autoptr(GPtrArray) why = wp_report_no_path_sentences(r);
            json_builder_set_member_name(b, "sentences");
            json_builder_begin_array(b);
            for (guint i = 0; i < why->len; i++)
                json_builder_add_string_value(b, g_ptr_array_index(why, i));
            json_builder_end_array(b);
            json_builder_end_object(b);
        }
    }
    json_builder_end_object(b);
    return json_builder_get_root(b);
}

JsonNode *wp_report_paths_json(const WpPathReport *report)
{
    g_return_val_if_fail(report != NULL && report->request.company == NULL, NULL);
    return answer_json(report);
}

JsonNode *wp_report_account_json(const WpPathReport *report)
{
    g_return_val_if_fail(report != NULL && report->request.company != NULL, NULL);
    return answer_json(report);
}
