/* SPDX-License-Identifier: MIT */
/* A connect answer in words: the report, each pair's reason, the heading and the notes on what
 * was left out. Plain UTF-8 with names as the data spells them; front ends escape. */
#include "ask/connect-private.h"
#include "report/report-private.h"

#include <string.h>

WpConnectReport *wp_connect_report_new(const WpScoring *scoring, const WpConnectResult *result,
                                       const char *model_name, const char *where)
{
    g_return_val_if_fail(scoring != NULL && result != NULL && model_name != NULL, NULL);
    WpConnectReport *report = g_new0(WpConnectReport, 1);
    report->scoring = scoring;
    report->graph = wp_scoring_graph(scoring);
    report->result = result;
    report->model_name = g_strdup(model_name);
    report->where = g_strdup(where);
    return report;
}

void wp_connect_report_free(WpConnectReport *report)
{
    if (report == NULL)
        return;
    g_free(report->model_name);
    g_free(report->where);
    if (report->owed != NULL)
        g_ptr_array_unref(report->owed);
    g_free(report);
}

void wp_connect_report_set_owed(WpConnectReport *report, GPtrArray *favours, guint n_given,
                                guint n_returned)
{
    g_return_if_fail(report != NULL && favours != NULL);
    g_ptr_array_ref(favours);
    if (report->owed != NULL)
        g_ptr_array_unref(report->owed);
    report->owed = favours;
    report->owed_given = n_given;
    report->owed_returned = n_returned;
}

/* "client", "former colleague/social", "tie" for an untyped one. */
char *wp_i_connect_relationship(const WpGraph *graph, WpTie tie, gboolean human)
{
    WpTieInfo info;
    wp_graph_tie_info(graph, tie, &info);
    GString *s = g_string_new(NULL);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++) {
        if ((info.types & WP_TIE_TYPE_BIT(t)) == 0)
            continue;
        if (s->len > 0)
            g_string_append_c(s, human ? '/' : '+');
        g_string_append(s, wp_tie_type_name(t));
    }
    if (s->len == 0)
        g_string_append(s, human ? "tie" : "untyped");
    if (human)
        g_strdelimit(s->str, "_", ' ');
    return g_string_free(s, FALSE);
}

/* "your" for a lone seller, else "Alice Carter's". */
static char *owner(const WpConnectReport *r, WpPerson seller)
{
    if (r->result->sellers->len == 1)
        return g_strdup("your");
    return g_strdup_printf("%s's", wp_graph_person_label(r->graph, seller));
}

static const char *attr(const WpConnectReport *r, WpPerson p, const char *column)
{
    return wp_graph_person_attr(r->graph, p, column);
}

static const char *companies(guint n)
{
    return n == 1 ? "company" : "companies";
}

/* What the rule saw, one sentence. */
static void append_rule(GString *s, const WpConnectReport *r, const WpConnectPair *p)
{
    const WpGraph *g = r->graph;
    g_autofree char *whose = owner(r, p->seller);
    g_autofree char *a = wp_i_described(g, p->a);
    g_autofree char *b = wp_i_described(g, p->b);
    switch (p->kind) {
    case WP_CONNECT_CLIENT_VENDOR: {
        g_autofree char *b_short = wp_i_short_name(g, p->b);
        g_string_append_printf(s,
                               "%c%s client %s could use %s vendor %s, whose company already "
                               "works with %u %s %s.",
                               g_ascii_toupper(whose[0]), whose + 1, a, whose, b_short, p->evidence,
                               attr(r, p->a, WP_COLUMN_INDUSTRY), companies(p->evidence));
        break;
    }
    case WP_CONNECT_ACCOUNT: {
        const char *title = attr(r, p->b, WP_COLUMN_TITLE);
        g_string_append_printf(s, "%s, whose company works with %u %s %s, knows no one at %s, ", a,
                               p->evidence, attr(r, p->b, WP_COLUMN_INDUSTRY),
                               companies(p->evidence), attr(r, p->b, WP_COLUMN_COMPANY));
        if (title != NULL)
            g_string_append_printf(s, "where %s is %s.", wp_graph_person_label(g, p->b), title);
        else
            g_string_append_printf(s, "where %s works.", wp_graph_person_label(g, p->b));
        break;
    }
    case WP_CONNECT_PEERS:
        g_string_append_printf(s, "%s and %s both work in %s at different companies", a, b,
                               attr(r, p->a, WP_COLUMN_FUNCTION));
        if (p->same_industry)
            g_string_append_printf(s, ", both in %s", attr(r, p->a, WP_COLUMN_INDUSTRY));
        g_string_append(s, ": peers who can swap notes.");
        break;
    case WP_CONNECT_TRUSTED:
    case WP_CONNECT_N_KINDS:
        g_string_append_printf(
            s,
            "%s and %s both have a strong tie to %s, though nothing in "
            "their roles links them.",
            a, b, r->result->sellers->len == 1 ? "you" : wp_graph_person_label(g, p->seller));
        break;
    }
}

/* "Your ties: client 95 %, vendor 60 %." and "Both in US-East." */
static void append_ties(GString *s, const WpConnectReport *r, const WpConnectPair *p)
{
    g_autofree char *rel_a = wp_i_connect_relationship(r->graph, p->tie_a, TRUE);
    g_autofree char *rel_b = wp_i_connect_relationship(r->graph, p->tie_b, TRUE);
    g_autofree char *pa = wp_i_percent(p->strength_a);
    g_autofree char *pb = wp_i_percent(p->strength_b);
    if (r->result->sellers->len == 1)
        g_string_append(s, " Your ties: ");
    else
        g_string_append_printf(s, " %s's ties: ", wp_graph_person_label(r->graph, p->seller));
    g_string_append_printf(s, "%s %s, %s %s.", rel_a, pa, rel_b, pb);
    if (p->same_region)
        g_string_append_printf(s, " Both in %s.", attr(r, p->a, WP_COLUMN_REGION));
}

/* What already joins them without the seller. */
static void append_joins(GString *s, const WpConnectReport *r, const WpConnectPair *p)
{
    g_autofree char *longer = wp_text_count(p->paths3, "path", "paths");
    if (p->common == 0 && p->paths3 == 0) {
        g_string_append(s, " No one else joins them.");
        return;
    }
    if (p->common == 0) {
        g_string_append_printf(s, " No contact in common; %s through two people.", longer);
        return;
    }
    g_autofree char *common = wp_text_count(p->common, "contact", "contacts");
    g_string_append_printf(s, " Already joined by %s in common (%s%s)", common,
                           wp_graph_person_label(r->graph, p->common_example),
                           p->common > 1 ? ", ..." : "");
    if (p->paths3 > 0)
        g_string_append_printf(s, " and %s through two people", longer);
    g_string_append_c(s, '.');
}

char *wp_connect_pair_why(const WpConnectReport *report, const WpConnectPair *pair)
{
    g_return_val_if_fail(report != NULL && pair != NULL, NULL);
    GString *s = g_string_new(NULL);
    append_rule(s, report, pair);
    append_ties(s, report, pair);
    append_joins(s, report, pair);
    return g_string_free(s, FALSE);
}

/* "Alice Carter", "Alice Carter and Marcus Reid", "Alice Carter, ... and 3 more". */
static char *sellers_text(const WpConnectReport *r)
{
    const GArray *sellers = r->result->sellers;
    GString *s = g_string_new(NULL);
    guint shown = MIN(sellers->len, 5);
    for (guint i = 0; i < shown; i++) {
        if (i > 0)
            g_string_append(s, i + 1 == sellers->len ? " and " : ", ");
        g_string_append(s, wp_graph_person_label(r->graph, g_array_index(sellers, WpPerson, i)));
    }
    if (sellers->len > shown)
        g_string_append_printf(s, " and %u more", sellers->len - shown);
    return g_string_free(s, FALSE);
}

char *wp_connect_report_heading(const WpConnectReport *report)
{
    g_return_val_if_fail(report != NULL, NULL);
    g_autofree char *who = sellers_text(report);
    g_autofree char *pairs = wp_text_count(report->result->n_pairs, "pair", "pairs");
    char day[11];
    wp_day_format(wp_scoring_as_of(report->scoring), day);
    return g_strdup_printf("Introductions %s can make: %s of contacts who are not tied to each "
                           "other and would gain from meeting, best first (%s model as of %s).",
                           who, pairs, report->model_name, day);
}

GPtrArray *wp_connect_report_notes(const WpConnectReport *report)
{
    g_return_val_if_fail(report != NULL, NULL);
    const WpConnectResult *r = report->result;
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    if (r->n_paired < r->n_contacts) {
        g_autofree char *weakest = wp_i_percent(r->weakest_paired);
        g_ptr_array_add(notes, g_strdup_printf("Only the %u strongest of %u contacts were paired "
                                               "(ties of %s and stronger); --max-contacts 0 "
                                               "pairs them all.",
                                               r->n_paired, r->n_contacts, weakest));
    }
    if (report->where != NULL)
        g_ptr_array_add(notes, g_strdup_printf("Only pairs where one of the two meets --where %s.",
                                               report->where));
    if (r->n_sellers_left_out > 0) {
        g_autofree char *n =
            wp_text_count(r->n_sellers_left_out, "fellow seller", "fellow sellers");
        g_ptr_array_add(notes, g_strdup_printf("Left out: %s, who ask rather than get "
                                               "introduced.",
                                               n));
    }
    if (r->n_tied > 0 || r->n_same_company > 0) {
        g_autofree char *tied = wp_text_count(r->n_tied, "pair", "pairs");
        g_autofree char *same = wp_text_count(r->n_same_company, "pair", "pairs");
        g_ptr_array_add(notes, g_strdup_printf("Not proposed: %s already tied to each other, %s "
                                               "at one company (colleagues meet without you).",
                                               tied, same));
    }
    if (r->n_pairs == 0 && r->n_matching == 0 && r->n_contacts > 0)
        g_ptr_array_add(notes, g_strdup_printf("None of the %u contacts meets %s%s.", r->n_contacts,
                                               report->where ? "--where " : "the filter",
                                               report->where ? report->where : ""));
    else if (r->n_pairs == 0 && r->n_contacts == 0)
        g_ptr_array_add(notes, g_strdup("No direct contacts to pair."));
    else if (r->n_pairs == 0)
        g_ptr_array_add(notes, g_strdup("No pair fits a rule: the rules read the people's "
                                        "function, company, industry and region, and the client "
                                        "and vendor ties (docs/connect.md)."));
    return notes;
}
