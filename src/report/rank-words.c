/* SPDX-License-Identifier: MIT */
/* A ranking in words: what was ranked, what was set aside, where no path leads, and the ask
 * plan with each ask's whole route (docs/rank.md). */
#include "report/report-private.h"

#define MAX_LISTED 12 /* people named in a sentence before "and N more" */

static const char *label(const WpRankReport *r, WpPerson p)
{
    return wp_graph_person_label(r->graph, p);
}

/* "Alice Carter, Bob Smith and 3 more". */
static char *sellers_text(const WpRankReport *r)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < r->request.n_sellers && i < 5; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", label(r, r->request.sellers[i]));
    if (r->request.n_sellers > 5)
        g_string_append_printf(s, " and %u more", r->request.n_sellers - 5);
    return g_string_free(s, FALSE);
}

/* "Territory: 412 people selected by --where industry=Fintech, region=UK." */
static char *territory_line(const WpRankReport *r)
{
    const WpTerritory *t = r->request.territory;
    g_autoptr(GString) what = g_string_new(NULL);
    if (t->expressions != NULL) {
        g_autofree char *joined = g_strjoinv(", ", t->expressions);
        g_string_append_printf(what, "%s %s", t->origin, joined);
    }
    if (t->targets_file != NULL)
        g_string_append_printf(what, "%s--targets %s", what->len ? " within " : "",
                               t->targets_file);
    g_autofree char *selected = wp_text_count(t->people->len, "person", "people");
    return g_strdup_printf("Territory: %s selected by %s.", selected, what->str);
}

/* "25 ranked; 2 direct contacts of yours set aside; 1 seller or repeat left out." */
static char *set_aside_line(const WpRankReport *r)
{
    const WpRankResult *res = r->result;
    guint n_selected = r->request.territory->people->len;
    GString *out = g_string_new(NULL);
    g_autofree char *direct = wp_text_count(res->direct->len, "direct contact", "direct contacts");
    g_string_append_printf(out, "%u ranked; %s of %s set aside", res->targets->len, direct,
                           r->request.n_sellers == 1 ? "yours" : "the sellers");
    guint dropped = n_selected - res->targets->len - res->direct->len;
    if (dropped > 0) {
        g_autofree char *left_out =
            wp_text_count(dropped, "seller or repeat", "sellers or repeats");
        g_string_append_printf(out, "; %s left out", left_out);
    }
    g_string_append_c(out, '.');
    return g_string_free(out, FALSE);
}

GPtrArray *wp_report_rank_heading(const WpRankReport *r)
{
    g_return_val_if_fail(r != NULL, NULL);
    const WpRankResult *res = r->result;
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(lines, territory_line(r));
    g_ptr_array_add(lines, set_aside_line(r));
    g_autofree char *sellers = sellers_text(r);
    g_autofree char *contacts = wp_text_count(res->n_contacts, "direct contact", "direct contacts");
    g_autofree char *reach = wp_text_count(res->sources->len, "reaches", "reach");
    g_ptr_array_add(lines, g_strdup_printf("Referral sources: %s of %s; %s at least one target.",
                                           contacts, sellers, reach));
    g_autofree char *hop_count = wp_text_count(r->request.max_hops, "hop", "hops");
    g_autofree char *hops = r->request.max_hops ? g_strdup_printf("at most %s", hop_count)
                                                : g_strdup("any number of hops");
    g_autofree char *floor = wp_i_rank_percent(r->request.min_probability);
    g_autofree char *counted = r->request.min_probability > 0
                                   ? g_strdup_printf(", paths under %s not counted", floor)
                                   : g_strdup("");
    g_ptr_array_add(lines,
                    g_strdup_printf("Model: %s, %s%s.", r->request.model_name, hops, counted));
    return lines;
}

/* "A (Title, Co); B and 3 more" over people (@indices into @people when given, else @people
 * itself). */
static void append_people(GString *out, const WpRankReport *r, const GArray *people,
                          const GArray *indices)
{
    guint n = indices ? indices->len : people->len;
    for (guint i = 0; i < n && i < MAX_LISTED; i++) {
        guint at = indices ? g_array_index(indices, guint, i) : i;
        g_autofree char *who = wp_i_described(r->graph, g_array_index(people, WpPerson, at));
        g_string_append_printf(out, "%s%s", i ? "; " : "", who);
    }
    if (n > MAX_LISTED)
        g_string_append_printf(out, " and %u more", n - MAX_LISTED);
}

/* "Cold: 3 of 25 targets have no path at 1 % or better.", the accounts with no way in, and
 * the cold targets, on lines of their own. */
static char *cold_paragraph(const WpRankReport *r)
{
    const WpRankResult *res = r->result;
    double floor_p = r->request.min_probability;
    g_autofree char *floor = wp_i_rank_percent(floor_p);
    g_autofree char *all = wp_text_count(res->targets->len, "target", "targets");
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "Cold: %u of %s %s no path%s%s%s.", res->cold_targets->len, all,
                           res->cold_targets->len == 1 ? "has" : "have", floor_p > 0 ? " at " : "",
                           floor_p > 0 ? floor : "", floor_p > 0 ? " or better" : "");
    if (res->cold_companies->len > 0) {
        g_string_append(out, "\n  Accounts with no way in (build network here): ");
        for (guint i = 0; i < res->cold_companies->len; i++) {
            const WpRankCompany *c = &g_array_index(res->cold_companies, WpRankCompany, i);
            g_string_append_printf(out, "%s%s (%u)", i ? ", " : "", c->company, c->n_targets);
        }
        g_string_append_c(out, '.');
    }
    g_string_append(out, "\n  Cold targets: ");
    append_people(out, r, res->targets, res->cold_targets);
    g_string_append_c(out, '.');
    return g_string_free(out, FALSE);
}

GPtrArray *wp_report_rank_notes(const WpRankReport *r)
{
    g_return_val_if_fail(r != NULL, NULL);
    const WpRankResult *res = r->result;
    gboolean one = r->request.n_sellers == 1;
    GPtrArray *notes = g_ptr_array_new_with_free_func(g_free);
    if (res->direct->len > 0) {
        GString *s = g_string_new(NULL);
        g_string_append_printf(s,
                               "Already %s direct contacts with a strong tie, not counted (ask "
                               "them yourself): ",
                               one ? "your" : "the sellers'");
        append_people(s, r, res->direct, NULL);
        g_string_append_c(s, '.');
        g_ptr_array_add(notes, g_string_free(s, FALSE));
    }
    if (res->weak_direct->len > 0) {
        GString *s = g_string_new(NULL);
        g_string_append_printf(s,
                               "Tied to %s only by a weak or cold tie, so ranked like the rest "
                               "(reconnect, or ask for an introduction): ",
                               one ? "you" : "a seller");
        append_people(s, r, res->targets, res->weak_direct);
        g_string_append_c(s, '.');
        g_ptr_array_add(notes, g_string_free(s, FALSE));
    }
    if (res->cold_targets->len == 0)
        g_ptr_array_add(notes, g_strdup("No cold targets: every target has a counted path."));
    else
        g_ptr_array_add(notes, cold_paragraph(r));
    return notes;
}

char *wp_report_plan_heading(const WpRankReport *r)
{
    g_return_val_if_fail(r != NULL, NULL);
    const WpRankPlan *plan = r->plan;
    if (plan == NULL)
        return NULL;
    char e[G_ASCII_DTOSTR_BUF_SIZE], f[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *sources = wp_text_count(plan->picks->len, "source", "sources");
    g_autofree char *asks = wp_text_count(r->request.max_asks, "ask", "asks");
    g_autofree char *targets = wp_text_count(r->result->targets->len, "target", "targets");
    GString *out = g_string_new(NULL);
    g_string_append_printf(out,
                           "Ask plan: %s, at most %s each, none adding less than +%s: %s "
                           "introductions expected out of %s.",
                           sources, asks, wp_i_num(f, "%.2f", r->request.min_gain),
                           wp_i_num(e, "%.2f", plan->expected), targets);
    if (plan->picks->len == 0)
        g_string_append(out, "\nNo ask adds enough: lower --min-gain to see smaller ones.");
    return g_string_free(out, FALSE);
}

char *wp_report_pick_sentence(const WpRankReport *r, guint pick_index)
{
    g_return_val_if_fail(r != NULL && r->plan != NULL, NULL);
    g_return_val_if_fail(pick_index < r->plan->picks->len, NULL);
    const WpRankPick *pick = &g_array_index(r->plan->picks, WpRankPick, pick_index);
    const WpRankSource *s = &g_array_index(r->result->sources, WpRankSource, pick->source_index);
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *who = wp_i_described(r->graph, s->person);
    const char *gain = wp_i_num(buf, "%.2f", pick->gain);
    if (r->request.n_sellers > 1)
        return g_strdup_printf("%s asks %s: +%s expected", label(r, s->seller), who, gain);
    return g_strdup_printf("Ask %s: +%s expected", who, gain);
}

char *wp_report_ask_sentence(const WpRankReport *r, guint ask_index)
{
    g_return_val_if_fail(r != NULL && r->plan != NULL, NULL);
    g_return_val_if_fail(ask_index < r->plan->asks->len, NULL);
    const WpRankAsk *ask = &g_array_index(r->plan->asks, WpRankAsk, ask_index);
    const WpPath *route = &ask->route;
    g_autofree char *target =
        wp_i_described(r->graph, g_array_index(r->result->targets, WpPerson, ask->target_index));
    g_autoptr(GString) via = g_string_new(NULL); /* the people between source and target */
    for (guint i = 2; i + 1 < route->n_people; i++)
        g_string_append_printf(via, "%s%s", i == 2 ? " via " : " and ", label(r, route->people[i]));
    g_autofree char *chance = wp_i_rank_percent(ask->probability);
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup_printf("about %s%s: %s chance, +%s", target, via->str, chance,
                           wp_i_num(buf, "%.2f", ask->gain));
}
