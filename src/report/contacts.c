/* SPDX-License-Identifier: MIT */
/* Contact details (e-mail, LinkedIn profile, phone) as path answers show them: a seller acts on
 * an answer only when they can reach the person it names. */
#include "report/report-private.h"

/* A cell, NULL when the column is absent or the cell empty. */
static const char *detail(const WpGraph *g, WpPerson p, const char *column)
{
    const char *value = wp_graph_person_attr(g, p, column);
    return value != NULL && value[0] != '\0' ? value : NULL;
}

char *wp_report_contact_text(const WpGraph *g, WpPerson p)
{
    g_return_val_if_fail(g != NULL, NULL);
    static const char *const labels[] = {"email", "LinkedIn", "phone"};
    const char *values[] = {detail(g, p, WP_COLUMN_EMAIL), detail(g, p, WP_COLUMN_LINKEDIN_URL),
                            detail(g, p, WP_COLUMN_PHONE)};
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < G_N_ELEMENTS(values); i++)
        if (values[i] != NULL)
            g_string_append_printf(out, "%s%s %s", out->len ? " · " : "", labels[i], values[i]);
    if (out->len == 0) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

char *wp_report_path_contacts(const WpPathReport *r, const WpPathReason *path)
{
    g_return_val_if_fail(r != NULL && path != NULL, NULL);
    const WpPerson people[] = {path->source, path->target};
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < G_N_ELEMENTS(people); i++) {
        if (people[i] == WP_PERSON_NONE)
            continue;
        g_autofree char *text = wp_report_contact_text(r->graph, people[i]);
        if (text != NULL)
            g_string_append_printf(out, "%s%s: %s", out->len ? "; " : "contact: ",
                                   wp_graph_person_label(r->graph, people[i]), text);
    }
    if (out->len == 0) {
        g_string_free(out, TRUE);
        return NULL;
    }
    return g_string_free(out, FALSE);
}

void wp_i_json_contact(JsonBuilder *b, const char *member, const WpGraph *g, WpPerson p)
{
    json_builder_set_member_name(b, member);
    if (p == WP_PERSON_NONE) {
        json_builder_add_null_value(b);
        return;
    }
    json_builder_begin_object(b);
    wp_i_json_string_or_null(b, "email", detail(g, p, WP_COLUMN_EMAIL));
    wp_i_json_string_or_null(b, "linkedin_url", detail(g, p, WP_COLUMN_LINKEDIN_URL));
    wp_i_json_string_or_null(b, "phone", detail(g, p, WP_COLUMN_PHONE));
    json_builder_end_object(b);
}
