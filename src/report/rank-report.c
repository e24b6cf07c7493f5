/* SPDX-License-Identifier: MIT */
/* A ranking explained: each source's tie to its seller, fellow sellers apart, each planned
 * ask's route hop by hop, and the cells a table of sources shows. */
#include "report/report-private.h"

#include <string.h>

/* The seller's tie to @s explained: the team tie for a teammate reached through it, else their
 * tie row. */
static WpSourceReason source_reason(const WpScoring *scoring, const WpRankSource *s, guint rank,
                                    gboolean colleague)
{
    const WpGraph *g = wp_scoring_graph(scoring);
    WpSourceReason r = {s, rank, WP_SOURCE_CONTACT, TRUE, {0}};
    if (colleague) {
        const char *team = wp_graph_person_team(g, s->person);
        const char *own = wp_graph_person_team(g, s->seller);
        r.role = team != NULL && own != NULL && strcmp(team, own) == 0 ? WP_SOURCE_TEAMMATE
                                                                       : WP_SOURCE_SELLER;
    }
    WpTie tie = WP_TIE_NONE;
    if (!s->team_tie)
        r.has_tie = wp_graph_find_tie(g, s->seller, s->person, &tie);
    wp_hop_reason_fill(scoring, s->seller, s->person, s->team_tie || !r.has_tie ? WP_TIE_NONE : tie,
                       0, &r.tie);
    return r;
}

static GArray *explain_sources(const WpScoring *scoring, const GArray *sources, guint n,
                               gboolean colleague)
{
    GArray *out = g_array_sized_new(FALSE, TRUE, sizeof(WpSourceReason), n);
    for (guint i = 0; i < n; i++) {
        WpSourceReason r = source_reason(scoring, &g_array_index(sources, WpRankSource, i),
                                         colleague ? 0 : i + 1, colleague);
        g_array_append_val(out, r);
    }
    return out;
}

/* Each planned ask's route, hop by hop (an ask without a route has no hops). */
static GArray *explain_asks(const WpScoring *scoring, const WpRankPlan *plan)
{
    GArray *out = g_array_new(FALSE, TRUE, sizeof(WpPathReason));
    g_array_set_clear_func(out, (GDestroyNotify)wp_i_path_reason_clear);
    for (guint i = 0; plan != NULL && i < plan->asks->len; i++) {
        const WpRankAsk *ask = &g_array_index(plan->asks, WpRankAsk, i);
        WpPathReason r = {0};
        if (ask->route.n_people >= 2)
            wp_i_path_reason_init(&r, scoring, &ask->route, NULL);
        else
            r.path = &ask->route;
        g_array_append_val(out, r);
    }
    return out;
}

WpRankReport *wp_rank_report_new(const WpScoring *scoring, const WpRankResult *result,
                                 const WpRankPlan *plan, const WpRankRequest *request)
{
    g_return_val_if_fail(scoring != NULL && result != NULL && request != NULL, NULL);
    g_return_val_if_fail(request->territory != NULL, NULL);
    WpRankReport *r = g_new0(WpRankReport, 1);
    r->scoring = scoring;
    r->graph = wp_scoring_graph(scoring);
    r->result = result;
    r->plan = plan;
    r->request = *request;
    r->request.sellers = g_memdup2(request->sellers, request->n_sellers * sizeof(WpPerson));
    r->request.model_name = g_strdup(request->model_name ? request->model_name : "default");
    guint n = result->sources->len;
    guint shown = request->top > 0 ? MIN(request->top, n) : n;
    r->sources = explain_sources(scoring, result->sources, shown, FALSE);
    r->colleagues = explain_sources(scoring, result->colleagues, result->colleagues->len, TRUE);
    r->asks = explain_asks(scoring, plan);
    return r;
}

void wp_rank_report_free(WpRankReport *r)
{
    if (r == NULL)
        return;
    g_free((gpointer)r->request.sellers);
    g_free((gpointer)r->request.model_name);
    g_array_unref(r->sources);
    g_array_unref(r->colleagues);
    g_array_unref(r->asks);
    g_free(r);
}

char *wp_report_relationship(const WpSourceReason *source, gboolean human)
{
    g_return_val_if_fail(source != NULL, NULL);
    if (source->source->team_tie)
        return g_strdup(human ? "team tie" : "team");
    if (!source->has_tie)
        return g_strdup("");
    GString *s = g_string_new(NULL);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++)
        if (source->tie.types & WP_TIE_TYPE_BIT(t))
            g_string_append_printf(s, "%s%s", s->len ? "/" : "", wp_tie_type_name(t));
    if (s->len == 0)
        g_string_append(s, "tie");
    if (human)
        g_strdelimit(s->str, "_", ' ');
    return g_string_free(s, FALSE);
}

char *wp_report_source_tie_text(const WpRankReport *r, const WpSourceReason *source)
{
    g_return_val_if_fail(r != NULL && source != NULL, NULL);
    g_autofree char *rel = wp_report_relationship(source, TRUE);
    g_autofree char *strength = wp_i_rank_percent(source->source->strength);
    if (r->request.n_sellers == 1)
        return g_strdup_printf("%s %s", rel, strength);
    return g_strdup_printf("%s: %s %s", wp_graph_person_label(r->graph, source->source->seller),
                           rel, strength);
}

char *wp_report_best_targets_text(const WpRankReport *r, const WpRankSource *s,
                                  gboolean with_percent)
{
    g_return_val_if_fail(r != NULL && s != NULL, NULL);
    GString *text = g_string_new(NULL);
    for (guint k = 0; k < s->best->len; k++) {
        const WpRankReach *reach = &g_array_index(s->best, WpRankReach, k);
        g_autofree char *who = wp_i_short_name(r->graph, reach->target);
        g_autofree char *chance = with_percent ? wp_i_rank_percent(reach->probability)
                                               : wp_i_num_dup("%.4f", reach->probability);
        g_string_append_printf(text, "%s%s %s", k ? "; " : "", who, chance);
    }
    return g_string_free(text, FALSE);
}
