/* SPDX-License-Identifier: MIT */
/* People found by a name search, as the service's autocomplete lists them. */
#include "report/report-private.h"

static const char *match_name(WpPersonMatchKind kind)
{
    static const char *const names[] = {"name",         "name-prefix", "name-word",
                                        "name-part",    "company",     "company-prefix",
                                        "company-word", "company-part"};
    return (guint)kind < G_N_ELEMENTS(names) ? names[kind] : "name-part";
}

JsonNode *wp_report_people_json(const WpGraph *graph, const GArray *matches)
{
    g_return_val_if_fail(graph != NULL && matches != NULL, NULL);
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "people");
    json_builder_begin_array(b);
    for (guint i = 0; i < matches->len; i++) {
        const WpPersonMatch *m = &g_array_index(matches, WpPersonMatch, i);
        json_builder_begin_object(b);
        wp_i_json_string(b, "id", wp_graph_person_id(graph, m->person));
        wp_i_json_string_or_null(b, "name", wp_graph_person_attr(graph, m->person, WP_COLUMN_NAME));
        wp_i_json_string_or_null(b, "company",
                                 wp_graph_person_attr(graph, m->person, WP_COLUMN_COMPANY));
        wp_i_json_string_or_null(b, "title",
                                 wp_graph_person_attr(graph, m->person, WP_COLUMN_TITLE));
        wp_i_json_string(b, "match", match_name(m->kind));
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
