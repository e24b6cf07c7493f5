/* SPDX-License-Identifier: MIT */
/* WpScoring: a model applied to a graph, its lifetime, per-tie strengths and the team rules. */
#include "core/graph-private.h" /* the raw costs and the team column */
#include "scoring/scoring-private.h"

#include <stdlib.h>
#include <string.h>

/* Everyone on a team, in person order (the fellow sellers of any query are among them). */
static GArray *collect_team_sellers(const WpGraph *g)
{
    GArray *sellers = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (WpPerson p = 0; g->team != NULL && p < g->n_people; p++)
        if (wp_graph_person_team(g, p) != NULL)
            g_array_append_val(sellers, p);
    return sellers;
}

static int by_tie(const void *a, const void *b)
{
    const WpTieOverride *x = a, *y = b;
    return x->tie < y->tie ? -1 : x->tie > y->tie;
}

/* Copies @overrides (their details too) into @s, sorted by tie. */
static void take_overrides(WpScoring *s, const WpTieOverrides *overrides)
{
    guint n = 0;
    const WpTieOverride *items = wp_i_tie_overrides_items(overrides, &n);
    s->overrides = g_new(WpTieOverride, MAX(n, 1));
    s->n_overrides = n;
    for (guint i = 0; i < n; i++) {
        s->overrides[i] = items[i];
        s->overrides[i].evidence.detail = g_strdup(items[i].evidence.detail);
    }
    qsort(s->overrides, n, sizeof *s->overrides, by_tie);
}

/* Cost arrays to fill on first use, one state per person (zeroed: nothing computed). Calloc'd
 * pages are only touched as searches reach people. */
static void lazy_costs(WpArcCosts *c, gsize n_arcs, gsize n_people)
{
    c->owned = g_new(double, MAX(n_arcs, 1));
    c->cost = c->owned;
    c->state = g_new0(gint, MAX(n_people, 1));
}

static void set_up_costs(WpScoring *s)
{
    const WpGraph *g = s->graph;
    /* The loader computed every arc's raw cost (-ln declared, no penalty) while it laid the
     * arcs out; a scoring that would compute the same shares them. A compiled network has
     * none: its costs are computed on first use like any model's. */
    if (wp_model_is_raw(s->model) && s->hop_penalty == 0 && s->n_overrides == 0 &&
        g->raw_out_cost != NULL) {
        s->out.cost = g->raw_out_cost;
        s->in.cost = g->in_is_out ? g->raw_out_cost : g->raw_in_cost;
        s->costs_complete = TRUE;
        return;
    }
    const WpAdjacency *adj = &s->adj;
    lazy_costs(&s->out, wp_i_adjacency_n_arcs(adj, TRUE), adj->n_people);
    if (!adj->directed)
        s->in = s->out;
    else
        lazy_costs(&s->in, wp_i_adjacency_n_arcs(adj, FALSE), adj->n_people);
}

WpScoring *wp_scoring_new(WpGraph *graph, const WpModel *model, WpDay as_of,
                          const WpTieOverrides *overrides)
{
    g_return_val_if_fail(graph != NULL && model != NULL, NULL);
    guint n = 0;
    const WpTieOverride *items = overrides ? wp_i_tie_overrides_items(overrides, &n) : NULL;
    for (guint i = 0; i < n; i++)
        g_return_val_if_fail(items[i].tie < graph->n_ties, NULL);
    static gsize last_serial; /* atomic */
    WpScoring *s = g_new0(WpScoring, 1);
    s->ref_count = 1;
    s->serial = (gsize)g_atomic_pointer_add(&last_serial, 1) + 1;
    s->graph = wp_graph_ref(graph);
    wp_i_graph_adjacency(graph, &s->adj);
    s->model = wp_model_copy(model);
    s->as_of = as_of != WP_DAY_NONE                   ? as_of
               : wp_model_as_of(model) != WP_DAY_NONE ? wp_model_as_of(model)
                                                      : wp_day_today();
    s->hop_penalty = wp_i_cost_from_strength(wp_model_intermediary_factor(model), 0);
    if (overrides != NULL)
        take_overrides(s, overrides);
    s->team_tie = wp_model_team_tie(model);
    s->team_sellers = wp_model_is_raw(model) ? g_array_new(FALSE, FALSE, sizeof(WpPerson))
                                             : collect_team_sellers(graph);
    s->team_rules = s->team_sellers->len > 0;
    set_up_costs(s);
    return s;
}

WpScoring *wp_scoring_ref(WpScoring *s)
{
    g_return_val_if_fail(s != NULL, NULL);
    g_atomic_int_inc(&s->ref_count);
    return s;
}

void wp_scoring_unref(WpScoring *s)
{
    if (s == NULL || !g_atomic_int_dec_and_test(&s->ref_count))
        return;
    if (s->in.owned != s->out.owned) {
        g_free(s->in.owned);
        g_free(s->in.state);
    }
    g_free(s->out.owned);
    g_free(s->out.state);
    for (guint i = 0; i < s->n_overrides; i++)
        g_free((char *)s->overrides[i].evidence.detail);
    g_free(s->overrides);
    g_array_unref(s->team_sellers);
    wp_model_free(s->model);
    wp_graph_unref(s->graph);
    g_free(s);
}

WpGraph *wp_scoring_graph(const WpScoring *s)
{
    g_return_val_if_fail(s != NULL, NULL);
    return s->graph;
}

const WpModel *wp_scoring_model(const WpScoring *s)
{
    g_return_val_if_fail(s != NULL, NULL);
    return s->model;
}

WpDay wp_scoring_as_of(const WpScoring *s)
{
    g_return_val_if_fail(s != NULL, WP_DAY_NONE);
    return s->as_of;
}

gboolean wp_scoring_team_rules(const WpScoring *s)
{
    g_return_val_if_fail(s != NULL, FALSE);
    return s->team_rules;
}

guint wp_scoring_n_overrides(const WpScoring *s)
{
    g_return_val_if_fail(s != NULL, 0);
    return s->n_overrides;
}

const WpTieOverride *wp_i_scoring_override(const WpScoring *s, WpTie tie)
{
    if (s->n_overrides == 0)
        return NULL;
    WpTieOverride key = {.tie = tie};
    return bsearch(&key, s->overrides, s->n_overrides, sizeof key, by_tie);
}

double wp_scoring_tie_strength(const WpScoring *s, WpTie tie, WpStrengthBreakdown *out)
{
    g_return_val_if_fail(s != NULL && tie < s->graph->n_ties, 0);
    WpTieInfo info;
    wp_graph_tie_info(s->graph, tie, &info);
    WpStrengthBreakdown b;
    double strength = wp_model_tie_strength(s->model, &info, s->as_of, &b);
    const WpTieOverride *o = wp_i_scoring_override(s, tie);
    if (o != NULL) {
        b.effective = strength = o->strength;
        b.overridden = TRUE;
        b.evidence = o->evidence;
    }
    if (out != NULL)
        *out = b;
    return strength;
}

gboolean wp_i_scoring_same_team(const WpScoring *s, WpPerson a, WpPerson b)
{
    if (!s->team_rules || a == b)
        return FALSE;
    const char *x = wp_graph_person_team(s->graph, a);
    const char *y = wp_graph_person_team(s->graph, b);
    return x != NULL && y != NULL && strcmp(x, y) == 0;
}

gboolean wp_i_scoring_first_hop(const WpScoring *s, WpPerson seller, WpPerson person, WpTie *tie,
                                double *strength, gboolean *team)
{
    WpTie row;
    gboolean has_row = wp_graph_find_tie(s->graph, seller, person, &row);
    double row_strength = has_row ? wp_scoring_tie_strength(s, row, NULL) : 0;
    *team = wp_i_scoring_same_team(s, seller, person) && s->team_tie > row_strength;
    *tie = *team ? WP_TIE_NONE : row;
    *strength = *team ? s->team_tie : row_strength;
    return has_row || *team;
}

double wp_scoring_path_probability(const WpScoring *s, const WpPerson *people, guint n_people)
{
    g_return_val_if_fail(s != NULL && people != NULL && n_people >= 1, 0);
    double factor = wp_model_intermediary_factor(s->model);
    double p = 1;
    for (guint i = 0; i + 1 < n_people; i++) {
        WpTie tie;
        double strength;
        gboolean team;
        if (i == 0) {
            if (!wp_i_scoring_first_hop(s, people[0], people[1], &tie, &strength, &team))
                return 0;
        } else if (wp_graph_find_tie(s->graph, people[i], people[i + 1], &tie)) {
            strength = wp_scoring_tie_strength(s, tie, NULL);
        } else {
            return 0;
        }
        p *= strength * (i > 0 ? factor : 1);
    }
    return p;
}
