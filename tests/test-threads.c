/* SPDX-License-Identifier: MIT */
/* The thread contract (warmpath/query.h): one loaded graph and one scoring read by several
 * threads at once, each with its own query context, give exactly the answers the same questions
 * get one after the other. The threads start on scorings no query has used yet, so they race
 * for the lazily computed costs too. .ci/tsan.sh runs this under ThreadSanitizer. */
#include "query-helpers.h"

#define N_THREADS 4
#define N_PATHS 48
#define N_RANKS 4

typedef struct {
    const WpScoring *scorings[2]; /* default model, raw model */
    WpPathSet *paths[N_PATHS];    /* the sequential answers */
    WpRankResult *ranks[N_RANKS];
    WpPerson *territory;
    guint n_territory;
    WpPerson sellers[2];
} Expected;

static const WpScoring *scoring_for(const Expected *e, guint k)
{
    return e->scorings[k % 6 == 5];
}

static WpPathSet *ask_path(const Expected *e, WpQueryContext *ctx, guint k)
{
    DemoQuestion dq;
    if (!demo_question(wp_scoring_graph(e->scorings[0]), k, &dq))
        return NULL;
    g_autoptr(GError) error = NULL;
    WpPathSet *set = wp_path_find(scoring_for(e, k), ctx, dq.sellers, dq.n_sellers, dq.target,
                                  &dq.query, NULL, &error);
    g_assert_no_error(error);
    return set;
}

/* Ranking r: one or two sellers, hop-limited or not; @n_threads inside the query. */
static WpRankResult *ask_rank(const Expected *e, WpQueryContext *ctx, guint r, guint n_threads)
{
    WpRankQuery q = {.sellers = e->sellers,
                     .n_sellers = 1 + r % 2,
                     .targets = e->territory,
                     .n_targets = e->n_territory,
                     .max_hops = r < 2 ? 4 : 0,
                     .min_probability = r < 2 ? 0.01 : 0,
                     .n_best = 3,
                     .n_threads = n_threads,
                     .strategy = r == 3 ? WP_RANK_FROM_TARGETS : WP_RANK_AUTO};
    g_autoptr(GError) error = NULL;
    WpRankResult *result = wp_rank_run(e->scorings[r == 2], ctx, &q, NULL, &error);
    g_assert_no_error(error);
    return result;
}

typedef struct {
    const Expected *expected;
    guint index;
    guint n_answered;
} Worker;

/* Every question, starting at a different one in each thread; each answer against the
 * sequential one. Thread 0 asks without a context (a temporary one per query). */
static gpointer worker(gpointer data)
{
    Worker *w = data;
    const Expected *e = w->expected;
    g_autoptr(WpQueryContext) ctx =
        w->index == 0 ? NULL : wp_query_context_new(wp_scoring_graph(e->scorings[0]));
    for (guint i = 0; i < N_PATHS; i++) {
        guint k = (i + w->index * (N_PATHS / N_THREADS)) % N_PATHS;
        g_autoptr(WpPathSet) set = ask_path(e, ctx, k);
        g_assert_true((set == NULL) == (e->paths[k] == NULL));
        if (set != NULL) {
            assert_path_sets_equal(e->paths[k], set);
            w->n_answered++;
        }
        if (i % (N_PATHS / N_RANKS) == 0) {
            guint r = (i / (N_PATHS / N_RANKS) + w->index) % N_RANKS;
            g_autoptr(WpRankResult) result = ask_rank(e, ctx, r, 1 + w->index % 2);
            assert_rank_results_equal(e->ranks[r], result);
            w->n_answered++;
        }
    }
    return NULL;
}

static void test_threads_match_sequential(void)
{
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) seq = demo_scoring(model);
    WpGraph *g = wp_scoring_graph(seq);
    g_autoptr(WpScoring) seq_raw = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    Expected e = {.scorings = {seq, seq_raw},
                  .sellers = {demo_person(g, "p00001"), demo_person(g, "p00004")}};
    e.n_territory = 300;
    e.territory = g_new(WpPerson, e.n_territory);
    for (guint i = 0; i < e.n_territory; i++)
        e.territory[i] = (WpPerson)(i * 9 + 5) % wp_graph_n_people(g);
    guint n_paths = 0;
    for (guint k = 0; k < N_PATHS; k++) {
        e.paths[k] = ask_path(&e, NULL, k);
        n_paths += e.paths[k] != NULL && e.paths[k]->paths->len > 0;
    }
    g_assert_cmpuint(n_paths, >=, N_PATHS / 2);
    for (guint r = 0; r < N_RANKS; r++) {
        e.ranks[r] = ask_rank(&e, NULL, r, 1);
        g_assert_cmpuint(e.ranks[r]->sources->len, >, 0);
    }

    /* The same graph, new scorings: no cost computed yet. */
    g_autoptr(WpScoring) par = wp_scoring_new(g, model, wp_scoring_as_of(seq), NULL);
    g_autoptr(WpScoring) par_raw = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    e.scorings[0] = par;
    e.scorings[1] = par_raw;
    Worker workers[N_THREADS];
    GThread *threads[N_THREADS];
    for (guint t = 0; t < N_THREADS; t++) {
        workers[t] = (Worker){&e, t, 0};
        threads[t] = g_thread_new("wp-test", worker, &workers[t]);
    }
    for (guint t = 0; t < N_THREADS; t++) {
        g_thread_join(threads[t]);
        g_assert_cmpuint(workers[t].n_answered, >=, N_PATHS / 2 + N_RANKS);
    }
    for (guint k = 0; k < N_PATHS; k++)
        wp_path_set_free(e.paths[k]);
    for (guint r = 0; r < N_RANKS; r++)
        wp_rank_result_free(e.ranks[r]);
    g_free(e.territory);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/threads/match-sequential", test_threads_match_sequential);
    return g_test_run();
}
