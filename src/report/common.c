/* SPDX-License-Identifier: MIT */
/* What every report shares: locale-proof numbers, percentages, the team rules, how people are
 * named, and small JSON helpers. */
#include "report/report-private.h"

#include <string.h>

char *wp_i_num_dup(const char *fmt, double x)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(wp_i_num(buf, fmt, x));
}

char *wp_i_percent(double p)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    if (p >= 0.0995)
        return g_strdup_printf("%s %%", wp_i_num(buf, "%.0f", 100 * p));
    return g_strdup_printf("%s %%", wp_i_num(buf, "%.2g", 100 * p));
}

char *wp_i_rank_percent(double p)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    if (p >= 0.0995)
        return g_strdup_printf("%s %%", wp_i_num(buf, "%.0f", 100 * p));
    if (p >= 0.000995)
        return g_strdup_printf("%s %%", wp_i_num(buf, "%.1f", 100 * p));
    return g_strdup("< 0.1 %");
}

const char *wp_i_seller_team(const WpScoring *scoring, WpPerson p)
{
    return wp_scoring_team_rules(scoring) ? wp_graph_person_team(wp_scoring_graph(scoring), p)
                                          : NULL;
}

const char *wp_i_shared_team(const WpScoring *scoring, WpPerson a, WpPerson b)
{
    const char *x = wp_i_seller_team(scoring, a), *y = wp_i_seller_team(scoring, b);
    return x != NULL && y != NULL && a != b && strcmp(x, y) == 0 ? x : NULL;
}

char *wp_i_described(const WpGraph *graph, WpPerson p)
{
    const char *title = wp_graph_person_attr(graph, p, WP_COLUMN_TITLE);
    const char *company = wp_graph_person_attr(graph, p, WP_COLUMN_COMPANY);
    GString *s = g_string_new(wp_graph_person_label(graph, p));
    if (title != NULL && company != NULL)
        g_string_append_printf(s, " (%s, %s)", title, company);
    else if (title != NULL || company != NULL)
        g_string_append_printf(s, " (%s)", title != NULL ? title : company);
    return g_string_free(s, FALSE);
}

char *wp_i_short_name(const WpGraph *graph, WpPerson p)
{
    const char *company = wp_graph_person_attr(graph, p, WP_COLUMN_COMPANY);
    return company ? g_strdup_printf("%s (%s)", wp_graph_person_label(graph, p), company)
                   : g_strdup(wp_graph_person_label(graph, p));
}

void wp_i_json_string_or_null(JsonBuilder *b, const char *member, const char *value)
{
    json_builder_set_member_name(b, member);
    if (value != NULL)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

void wp_i_json_string(JsonBuilder *b, const char *member, const char *value)
{
    json_builder_set_member_name(b, member);
    json_builder_add_string_value(b, value);
}

void wp_i_json_people(JsonBuilder *b, const char *member, const WpGraph *graph,
                      const WpPerson *people, guint n,
                      const char *(*name_of)(const WpGraph *graph, WpPerson person))
{
    json_builder_set_member_name(b, member);
    json_builder_begin_array(b);
    for (guint i = 0; i < n; i++)
        json_builder_add_string_value(b, name_of(graph, people[i]));
    json_builder_end_array(b);
}

void wp_i_json_double(JsonBuilder *b, const char *member, double x)
{
    json_builder_set_member_name(b, member);
    json_builder_add_double_value(b, x);
}

void wp_i_json_int(JsonBuilder *b, const char *member, gint64 x)
{
    json_builder_set_member_name(b, member);
    json_builder_add_int_value(b, x);
}

void wp_i_json_bool(JsonBuilder *b, const char *member, gboolean x)
{
    json_builder_set_member_name(b, member);
    json_builder_add_boolean_value(b, x);
}
