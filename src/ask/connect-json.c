/* SPDX-License-Identifier: MIT */
/* A connect answer as rows (a person's table, a spreadsheet's CSV) and as the JSON object every
 * front end prints. */
#include "ask/connect-private.h"
#include "report/report-private.h"

static const char *attr(const WpConnectReport *r, WpPerson p, const char *column)
{
    return wp_graph_person_attr(r->graph, p, column);
}

static void add_columns(WpTable *t, const char *const *names, const gboolean *numbers, guint n)
{
    for (guint i = 0; i < n; i++)
        wp_table_add_column(t, names[i], numbers[i]);
}

/* rank, introduce, to, kind, score (and who introduces, for several sellers). */
static void person_rows(const WpConnectReport *r, WpTable *t)
{
    gboolean several = r->result->sellers->len > 1;
    const char *names[] = {"rank", "introduce", "to", "kind", "score", "introduced by"};
    const gboolean numbers[] = {TRUE, FALSE, FALSE, FALSE, TRUE, FALSE};
    add_columns(t, names, numbers, several ? 6 : 5);
    for (guint i = 0; i < r->result->pairs->len; i++) {
        const WpConnectPair *p = &g_array_index(r->result->pairs, WpConnectPair, i);
        g_autofree char *rank = g_strdup_printf("%u", i + 1);
        g_autofree char *a = wp_i_short_name(r->graph, p->a);
        g_autofree char *b = wp_i_short_name(r->graph, p->b);
        g_autofree char *score = wp_i_num_dup("%.3f", p->score);
        const char *cells[] = {rank,  a,
                               b,     wp_connect_kind_name(p->kind),
                               score, wp_graph_person_label(r->graph, p->seller)};
        wp_table_add_row(t, cells);
    }
}

static void detailed_rows(const WpConnectReport *r, WpTable *t)
{
    const WpGraph *g = r->graph;
    const char *names[] = {"rank",
                           "a_id",
                           "a_name",
                           "a_company",
                           "a_title",
                           "b_id",
                           "b_name",
                           "b_company",
                           "b_title",
                           "seller_id",
                           "kind",
                           "score",
                           "tie_a",
                           "tie_b",
                           "relationship_a",
                           "relationship_b",
                           "fit",
                           "same_region",
                           "same_industry",
                           "evidence_companies",
                           "common_contacts",
                           "paths_3",
                           "hole",
                           "why"};
    const gboolean numbers[] = {TRUE,  FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE,
                                FALSE, FALSE, FALSE, TRUE,  TRUE,  TRUE,  FALSE, FALSE,
                                TRUE,  FALSE, FALSE, TRUE,  TRUE,  TRUE,  TRUE,  FALSE};
    add_columns(t, names, numbers, G_N_ELEMENTS(names));
    for (guint i = 0; i < r->result->pairs->len; i++) {
        const WpConnectPair *p = &g_array_index(r->result->pairs, WpConnectPair, i);
        g_autofree char *rank = g_strdup_printf("%u", i + 1);
        g_autofree char *score = wp_i_num_dup("%.6f", p->score);
        g_autofree char *ta = wp_i_num_dup("%.6f", p->strength_a);
        g_autofree char *tb = wp_i_num_dup("%.6f", p->strength_b);
        g_autofree char *ra = wp_i_connect_relationship(g, p->tie_a, FALSE);
        g_autofree char *rb = wp_i_connect_relationship(g, p->tie_b, FALSE);
        g_autofree char *fit = wp_i_num_dup("%.6f", p->fit);
        g_autofree char *evidence = g_strdup_printf("%u", p->evidence);
        g_autofree char *common = g_strdup_printf("%u", p->common);
        g_autofree char *paths3 = g_strdup_printf("%u", p->paths3);
        g_autofree char *hole = wp_i_num_dup("%.6f", p->hole);
        g_autofree char *why = wp_connect_pair_why(r, p);
        const char *cells[] = {rank,
                               wp_graph_person_id(g, p->a),
                               wp_graph_person_label(g, p->a),
                               attr(r, p->a, WP_COLUMN_COMPANY),
                               attr(r, p->a, WP_COLUMN_TITLE),
                               wp_graph_person_id(g, p->b),
                               wp_graph_person_label(g, p->b),
                               attr(r, p->b, WP_COLUMN_COMPANY),
                               attr(r, p->b, WP_COLUMN_TITLE),
                               wp_graph_person_id(g, p->seller),
                               wp_connect_kind_name(p->kind),
                               score,
                               ta,
                               tb,
                               ra,
                               rb,
                               fit,
                               p->same_region ? "true" : "false",
                               p->same_industry ? "true" : "false",
                               evidence,
                               common,
                               paths3,
                               hole,
                               why};
        wp_table_add_row(t, cells);
    }
}

WpTable *wp_report_connect_table(const WpConnectReport *report, gboolean detailed)
{
    g_return_val_if_fail(report != NULL, NULL);
    WpTable *t = wp_table_new();
    if (detailed)
        detailed_rows(report, t);
    else
        person_rows(report, t);
    return t;
}

static void json_factors(JsonBuilder *b, const WpConnectReport *r, const WpConnectPair *p)
{
    g_autofree char *ra = wp_i_connect_relationship(r->graph, p->tie_a, FALSE);
    g_autofree char *rb = wp_i_connect_relationship(r->graph, p->tie_b, FALSE);
    json_builder_set_member_name(b, "factors");
    json_builder_begin_object(b);
    wp_i_json_double(b, "tie_a", p->strength_a);
    wp_i_json_double(b, "tie_b", p->strength_b);
    wp_i_json_string(b, "relationship_a", ra);
    wp_i_json_string(b, "relationship_b", rb);
    wp_i_json_double(b, "fit", p->fit);
    wp_i_json_bool(b, "same_region", p->same_region);
    wp_i_json_bool(b, "same_industry", p->same_industry);
    wp_i_json_int(b, "evidence_companies", p->evidence);
    wp_i_json_int(b, "common_contacts", p->common);
    wp_i_json_string_or_null(b, "common_example",
                             p->common_example != WP_PERSON_NONE
                                 ? wp_graph_person_id(r->graph, p->common_example)
                                 : NULL);
    wp_i_json_int(b, "paths_3", p->paths3);
    wp_i_json_double(b, "hole", p->hole);
    json_builder_end_object(b);
}

static void json_pair(JsonBuilder *b, const WpConnectReport *r, guint rank, const WpConnectPair *p)
{
    const WpGraph *g = r->graph;
    g_autofree char *why = wp_connect_pair_why(r, p);
    json_builder_begin_object(b);
    wp_i_json_int(b, "rank", rank);
    wp_i_json_string(b, "a", wp_graph_person_id(g, p->a));
    wp_i_json_string(b, "b", wp_graph_person_id(g, p->b));
    wp_i_json_string(b, "a_name", wp_graph_person_label(g, p->a));
    wp_i_json_string(b, "b_name", wp_graph_person_label(g, p->b));
    wp_i_json_string_or_null(b, "a_company", attr(r, p->a, WP_COLUMN_COMPANY));
    wp_i_json_string_or_null(b, "b_company", attr(r, p->b, WP_COLUMN_COMPANY));
    wp_i_json_string_or_null(b, "a_title", attr(r, p->a, WP_COLUMN_TITLE));
    wp_i_json_string_or_null(b, "b_title", attr(r, p->b, WP_COLUMN_TITLE));
    wp_i_json_string(b, "seller", wp_graph_person_id(g, p->seller));
    wp_i_json_string(b, "kind", wp_connect_kind_name(p->kind));
    wp_i_json_double(b, "score", p->score);
    wp_i_json_string(b, "why", why);
    json_factors(b, r, p);
    json_builder_end_object(b);
}

/* "introductions_given", "introductions_returned", "owed": what the ledger says. */
static void json_owed(JsonBuilder *b, const WpConnectReport *r)
{
    wp_i_json_int(b, "introductions_given", r->owed_given);
    wp_i_json_int(b, "introductions_returned", r->owed_returned);
    json_builder_set_member_name(b, "owed");
    json_builder_begin_array(b);
    WpDay as_of = wp_scoring_as_of(r->scoring);
    for (guint i = 0; i < r->owed->len; i++)
        json_builder_add_value(b, wp_favour_to_json(g_ptr_array_index(r->owed, i), as_of));
    json_builder_end_array(b);
}

JsonNode *wp_report_connect_json(const WpConnectReport *report)
{
    g_return_val_if_fail(report != NULL, NULL);
    const WpConnectResult *r = report->result;
    g_autoptr(JsonBuilder) b = json_builder_new();
    char day[11];
    wp_day_format(wp_scoring_as_of(report->scoring), day);
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "sellers");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->sellers->len; i++)
        json_builder_add_string_value(
            b, wp_graph_person_id(report->graph, g_array_index(r->sellers, WpPerson, i)));
    json_builder_end_array(b);
    wp_i_json_string(b, "model", report->model_name);
    wp_i_json_string(b, "as_of", day);
    wp_i_json_string_or_null(b, "where", report->where);
    wp_i_json_int(b, "contacts", r->n_contacts);
    wp_i_json_int(b, "paired", r->n_paired);
    wp_i_json_int(b, "pairs_found", r->n_pairs);
    json_builder_set_member_name(b, "pairs");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->pairs->len; i++)
        json_pair(b, report, i + 1, &g_array_index(r->pairs, WpConnectPair, i));
    json_builder_end_array(b);
    if (report->owed != NULL)
        json_owed(b, report);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
