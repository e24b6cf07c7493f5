/* SPDX-License-Identifier: MIT */
/* The learning simulation (docs/ledger.md "Learning"): a network whose hidden true strengths
 * differ from the model's, asks along the best paths of what the team has learned so far,
 * outcomes drawn from the truth, and how far the learned strengths and the predicted chances
 * are from the truth as asks accumulate. Shared by tests/test-learn.c and tools/learn-sim.c. */
#pragma once

#include <warmpath/warmpath.h>

#include <math.h>
#include <string.h>

#include "ask-helpers.h"

#define SIM_SOURCES 40
#define SIM_TARGETS 200
#define SIM_RELEARN_EVERY 25 /* the team's strengths are learned again every this many asks */

typedef struct {
    guint asks;         /* asks recorded so far */
    guint ties_learned; /* ties with a learned strength */
    double mae;         /* mean |strength - truth| over the evaluation ties */
    double brier;       /* expected Brier score of the evaluation paths' chances */
    double brier_floor; /* the part no model can remove: mean q (1 - q) */
} SimPoint;

typedef struct {
    WpGraph *graph;
    WpScoring *model;   /* the plain model */
    double *truth;      /* per tie */
    GArray *eval_paths; /* WpPath: the model's best path to each target */
    GHashTable *eval_ties;
    WpPerson seller;
} Sim;

/* The network: a seller, SIM_SOURCES contacts (clients) and SIM_TARGETS buyers each known to
 * two contacts. Strengths are declared, so the model's figure is the declared strength times the
 * undated factor; the truth is that figure moved by up to ±0.35. */
static inline void sim_init(Sim *sim, GRand *rng)
{
    g_autoptr(GString) ties = g_string_new("source,target,strength,type\n");
    for (guint c = 0; c < SIM_SOURCES; c++)
        g_string_append_printf(ties, "s,c%02u,%.2f,client\n", c,
                               g_rand_double_range(rng, 0.35, 0.95));
    for (guint t = 0; t < SIM_TARGETS; t++) {
        guint a = g_rand_int_range(rng, 0, SIM_SOURCES);
        guint b = (a + 1 + g_rand_int_range(rng, 0, SIM_SOURCES - 1)) % SIM_SOURCES;
        g_string_append_printf(ties, "c%02u,t%03u,%.2f,former_colleague\n", a, t,
                               g_rand_double_range(rng, 0.25, 0.9));
        g_string_append_printf(ties, "c%02u,t%03u,%.2f,former_colleague\n", b, t,
                               g_rand_double_range(rng, 0.25, 0.9));
    }
    g_autoptr(GError) error = NULL;
    sim->graph = wp_graph_load_from_data(ties->str, NULL, WP_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    sim->model = wp_scoring_new(sim->graph, model, ask_day("2026-11-01"), NULL);
    guint n = wp_graph_n_ties(sim->graph);
    sim->truth = g_new(double, n);
    for (WpTie t = 0; t < n; t++)
        sim->truth[t] = CLAMP(wp_scoring_tie_strength(sim->model, t, NULL) +
                                  g_rand_double_range(rng, -0.35, 0.35),
                              0.05, 0.95);
    sim->seller = wp_graph_find_id(sim->graph, "s");
    sim->eval_paths = g_array_new(FALSE, TRUE, sizeof(WpPath));
    g_array_set_clear_func(sim->eval_paths, (GDestroyNotify)wp_path_clear);
    sim->eval_ties = g_hash_table_new(NULL, NULL);
    WpPathQuery q = {.k = 1, .max_hops = 4};
    for (guint t = 0; t < SIM_TARGETS; t++) {
        g_autofree char *id = g_strdup_printf("t%03u", t);
        g_autoptr(WpPathSet) set = wp_path_find(sim->model, NULL, &sim->seller, 1,
                                                wp_graph_find_id(sim->graph, id), &q, NULL, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(set->paths->len, ==, 1);
        WpPath *p = &g_array_index(set->paths, WpPath, 0);
        for (guint h = 0; h + 1 < p->n_people; h++)
            g_hash_table_add(sim->eval_ties, GUINT_TO_POINTER(p->ties[h] + 1));
        g_array_append_val(sim->eval_paths, *p);
        memset(p, 0, sizeof *p); /* moved */
    }
}

static inline void sim_clear(Sim *sim)
{
    g_array_unref(sim->eval_paths);
    g_hash_table_unref(sim->eval_ties);
    g_free(sim->truth);
    wp_scoring_unref(sim->model);
    wp_graph_unref(sim->graph);
}

/* The true chance that the path ends in a meeting: the source acts (the first tie's truth),
 * then the rest of the chain carries it, each go-between passing it on (the model's factor). */
static inline double sim_true_probability(const Sim *sim, const WpPath *p, double f)
{
    double q = 1;
    for (guint h = 0; h + 1 < p->n_people; h++)
        q *= sim->truth[p->ties[h]];
    return q * pow(f, p->n_people - 2);
}

static inline void sim_measure(const Sim *sim, const WpScoring *scoring, SimPoint *out)
{
    double err = 0, brier = 0, floor = 0;
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, sim->eval_ties);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        WpTie t = GPOINTER_TO_UINT(key) - 1;
        err += fabs(wp_scoring_tie_strength(scoring, t, NULL) - sim->truth[t]);
    }
    double f = wp_model_intermediary_factor(wp_scoring_model(scoring));
    for (guint i = 0; i < sim->eval_paths->len; i++) {
        const WpPath *p = &g_array_index(sim->eval_paths, WpPath, i);
        double predicted = wp_scoring_path_probability(scoring, p->people, p->n_people);
        double q = sim_true_probability(sim, p, f);
        brier += (predicted - q) * (predicted - q) + q * (1 - q); /* E[(predicted - Y)^2] */
        floor += q * (1 - q);
    }
    out->mae = err / g_hash_table_size(sim->eval_ties);
    out->brier = brier / sim->eval_paths->len;
    out->brier_floor = floor / sim->eval_paths->len;
    out->ties_learned = wp_scoring_n_overrides(scoring);
}

/* One ask along @p, its outcome drawn from the truth: declined or no answer, else introduced,
 * then a meeting or no response. */
static inline WpAsk *sim_ask(const Sim *sim, const WpPath *p, double predicted, gint64 id,
                             WpDay day, double f, GRand *rng)
{
    g_autoptr(GPtrArray) ids = g_ptr_array_new();
    for (guint h = 0; h < p->n_people; h++)
        g_ptr_array_add(ids, (gpointer)wp_graph_person_id(sim->graph, p->people[h]));
    g_ptr_array_add(ids, NULL);
    const char *const *path = (const char *const *)ids->pdata;
    WpAsk *a = ask_new(id, path[0], path[1], path[p->n_people - 1], path, predicted, day);
    if (g_rand_double(rng) >= sim->truth[p->ties[0]]) {
        ask_add(a, g_rand_boolean(rng) ? WP_ASK_DECLINED : WP_ASK_NO_ANSWER, day + 3, -1);
        return a;
    }
    ask_add(a, WP_ASK_INTRODUCED, day + 5, -1);
    double rest = pow(f, p->n_people - 2);
    for (guint h = 1; h + 1 < p->n_people; h++)
        rest *= sim->truth[p->ties[h]];
    ask_add(a, g_rand_double(rng) < rest ? WP_ASK_MEETING : WP_ASK_NO_RESPONSE, day + 12, -1);
    return a;
}

/* Runs the simulation to the last of @checkpoints (ascending ask counts), measuring at each. */
static inline GArray *sim_run(guint32 seed, const guint *checkpoints, guint n_checkpoints)
{
    g_autoptr(GRand) rng = g_rand_new_with_seed(seed);
    Sim sim;
    sim_init(&sim, rng);
    double f = wp_model_intermediary_factor(wp_scoring_model(sim.model));
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    WpScoring *learned = wp_scoring_ref(sim.model);
    GArray *points = g_array_new(FALSE, TRUE, sizeof(SimPoint));
    g_autoptr(WpQueryContext) ctx = wp_query_context_new(sim.graph);
    WpPathQuery q = {.k = 1, .max_hops = 4};
    for (guint c = 0; c < n_checkpoints; c++) {
        while (asks->len < checkpoints[c]) {
            g_autofree char *id =
                g_strdup_printf("t%03u", (guint)g_rand_int_range(rng, 0, SIM_TARGETS));
            g_autoptr(GError) error = NULL;
            g_autoptr(WpPathSet) set = wp_path_find(
                learned, ctx, &sim.seller, 1, wp_graph_find_id(sim.graph, id), &q, NULL, &error);
            g_assert_no_error(error);
            const WpPath *p = &g_array_index(set->paths, WpPath, 0);
            g_ptr_array_add(asks, sim_ask(&sim, p, p->probability, asks->len + 1,
                                          ask_day("2026-01-01") + asks->len / 2, f, rng));
            if (asks->len % SIM_RELEARN_EVERY == 0 || asks->len == checkpoints[c]) {
                g_autoptr(WpTieOverrides) o =
                    wp_learn_tie_overrides(asks, sim.model, WP_LEARN_PRIOR_WEIGHT, NULL);
                wp_scoring_unref(learned);
                learned = wp_scoring_new(sim.graph, wp_scoring_model(sim.model),
                                         wp_scoring_as_of(sim.model), o);
            }
        }
        SimPoint pt = {.asks = asks->len};
        sim_measure(&sim, learned, &pt);
        g_array_append_val(points, pt);
    }
    wp_scoring_unref(learned);
    sim_clear(&sim);
    return points;
}
