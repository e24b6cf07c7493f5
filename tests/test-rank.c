/* SPDX-License-Identifier: MIT */
/* Ranking referral sources against a per-target computation written here from the raw tie
 * list (O(n^2) Dijkstra / hop-layered Bellman-Ford on G minus the sellers), and the ask plan
 * against brute force. */
#include <warmpath/warmpath.h>

#include <math.h>
#include <string.h>

/* A random network kept independently: w[a * n + b] = strength of the arc a -> b (0 = none). */
typedef struct {
    guint n;
    double *w;
    char *csv;
    char *people; /* lists "v0".."v<n-1>" in order, so person i is "v<i>" */
} Net;

static void net_clear(Net *net)
{
    g_free(net->w);
    g_free(net->csv);
    g_free(net->people);
}

/* People "v0".."v<n-1>", optionally a ring through them, then random ties; some declare no
 * strength (raw model: 1.0), some are directed. */
static void random_net(GRand *rand, guint n, guint m, gboolean directed, gboolean ring, Net *net)
{
    GString *csv = g_string_new("source,target,strength,directed\n");
    GString *people = g_string_new("id\n");
    net->n = n;
    net->w = g_new0(double, n *n);
    for (guint i = 0; i < n; i++) {
        g_string_append_printf(people, "v%u\n", i);
        if (!ring)
            continue;
        guint j = (i + 1) % n;
        double s = g_rand_int_range(rand, 20, 100) / 100.0;
        g_string_append_printf(csv, "v%u,v%u,%.2f,0\n", i, j, s);
        net->w[i * n + j] = net->w[j * n + i] = s;
    }
    for (guint k = 0; k < m; k++) {
        guint a = (guint)g_rand_int_range(rand, 0, (gint32)n);
        guint b = (guint)g_rand_int_range(rand, 0, (gint32)n);
        if (a == b || net->w[a * n + b] > 0 || net->w[b * n + a] > 0)
            continue;
        gboolean undeclared = g_rand_int_range(rand, 0, 8) == 0;
        double s = undeclared ? 1.0 : g_rand_int_range(rand, 1, 100) / 100.0;
        gboolean dir = directed && g_rand_boolean(rand);
        if (undeclared)
            g_string_append_printf(csv, "v%u,v%u,,%d\n", a, b, dir);
        else
            g_string_append_printf(csv, "v%u,v%u,%.2f,%d\n", a, b, s, dir);
        net->w[a * n + b] = s;
        if (!dir)
            net->w[b * n + a] = s;
    }
    net->csv = g_string_free(csv, FALSE);
    net->people = g_string_free(people, FALSE);
}

/* Replaces each strength by the effective strength @scoring gives the tie. */
static void use_model_strengths(Net *net, const WpScoring *scoring)
{
    const WpGraph *graph = wp_scoring_graph(scoring);
    for (guint a = 0; a < net->n; a++)
        for (guint b = 0; b < net->n; b++) {
            WpTie tie;
            if (net->w[a * net->n + b] > 0 && wp_graph_find_tie(graph, a, b, &tie))
                net->w[a * net->n + b] = wp_scoring_tie_strength(scoring, tie, NULL);
        }
}

/* Cheapest cost from @src to everyone on -ln w + @hop_penalty, never entering @banned people.
 * @max_hops = 0: plain O(n^2) Dijkstra; else Bellman-Ford over exactly @max_hops rounds. */
static double *distances(const Net *net, guint src, const gboolean *banned, guint max_hops,
                         double hop_penalty)
{
    guint n = net->n;
    double *d = g_new(double, n);
    for (guint v = 0; v < n; v++)
        d[v] = v == src ? 0 : INFINITY;
    if (max_hops > 0) {
        g_autofree double *next = g_new(double, n);
        for (guint r = 0; r < max_hops; r++) {
            memcpy(next, d, n * sizeof *d);
            for (guint u = 0; u < n; u++)
                for (guint v = 0; v < n; v++)
                    if (net->w[u * n + v] > 0 && !banned[v] && !(banned[u] && u != src) &&
                        d[u] - log(net->w[u * n + v]) + hop_penalty < next[v])
                        next[v] = d[u] - log(net->w[u * n + v]) + hop_penalty;
            memcpy(d, next, n * sizeof *d);
        }
        return d;
    }
    g_autofree gboolean *done = g_new0(gboolean, n);
    for (;;) {
        guint u = G_MAXUINT;
        for (guint v = 0; v < n; v++)
            if (!done[v] && d[v] < INFINITY && (u == G_MAXUINT || d[v] < d[u]))
                u = v;
        if (u == G_MAXUINT)
            break;
        done[u] = TRUE;
        for (guint v = 0; v < n; v++)
            if (net->w[u * n + v] > 0 && !banned[v] &&
                d[u] - log(net->w[u * n + v]) + hop_penalty < d[v])
                d[v] = d[u] - log(net->w[u * n + v]) + hop_penalty;
    }
    return d;
}

/* The expected score of every person as a source (0 for non-contacts), by the definition:
 * sum over ranked targets t of p(S, c) * exp(-d(c, t)), counting terms >= floor. Ranked: not a
 * seller, not a repeat, no strong direct tie from a seller (one under 0.30 is weak: ranked). */
static double *expected_scores(const Net *net, const guint *sellers, guint n_sellers,
                               const guint *targets, guint n_targets, guint max_hops, double floor,
                               double hop_penalty, guint *n_reached)
{
    guint n = net->n;
    g_autofree gboolean *banned = g_new0(gboolean, n);
    for (guint i = 0; i < n_sellers; i++)
        banned[sellers[i]] = TRUE;
    g_autofree gboolean *ranked = g_new0(gboolean, n);
    g_autoptr(GArray) order = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint i = 0; i < n_targets; i++) {
        guint t = targets[i];
        gboolean direct = FALSE; /* strong: 0.30 or more (no dates or counts here: never
                                  * cold); under the raw model every direct tie */
        for (guint k = 0; k < n_sellers; k++)
            direct |= net->w[sellers[k] * n + t] >= (hop_penalty > 0 ? 0.3 : 1e-300);
        if (banned[t] || ranked[t] || direct)
            continue;
        ranked[t] = TRUE;
        g_array_append_val(order, t);
    }
    double *score = g_new0(double, n);
    for (guint c = 0; c < n; c++) {
        n_reached[c] = 0;
        double p = 0;
        for (guint k = 0; k < n_sellers; k++)
            p = MAX(p, net->w[sellers[k] * n + c]);
        if (banned[c] || p == 0)
            continue;
        g_autofree double *d =
            distances(net, c, banned, max_hops > 0 ? max_hops - 1 : 0, hop_penalty);
        for (guint i = 0; i < order->len; i++) {
            double term = p * exp(-d[g_array_index(order, guint, i)]);
            if (term > 0 && term >= floor) {
                score[c] += term;
                n_reached[c]++;
            }
        }
    }
    return score;
}

typedef struct {
    guint max_hops;
    double floor;
    gboolean default_model;
    gboolean directed;
    gboolean ring;
    guint max_sellers;
} Config;

static WpRankResult *rank(const WpScoring *scoring, const guint *sellers, guint n_sellers,
                          const guint *targets, guint n_targets, const Config *cfg,
                          WpRankStrategy strategy, guint threads)
{
    WpRankQuery q = {.sellers = sellers,
                     .n_sellers = n_sellers,
                     .targets = targets,
                     .n_targets = n_targets,
                     .max_hops = cfg->max_hops,
                     .min_probability = cfg->floor,
                     .n_best = 2,
                     .n_threads = threads,
                     .strategy = strategy};
    g_autoptr(GError) error = NULL;
    WpRankResult *r = wp_rank_run(scoring, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    return r;
}

static void check_against_definition(const WpRankResult *r, const double *expect,
                                     const guint *n_reached, guint n)
{
    guint n_positive = 0;
    for (guint c = 0; c < n; c++)
        n_positive += n_reached[c] > 0;
    g_assert_cmpuint(r->sources->len, ==, n_positive);
    double previous = INFINITY;
    for (guint i = 0; i < r->sources->len; i++) {
        const WpRankSource *s = &g_array_index(r->sources, WpRankSource, i);
        g_assert_cmpfloat_with_epsilon(s->score, expect[s->person],
                                       1e-9 * MAX(1.0, expect[s->person]));
        g_assert_cmpuint(s->n_reached, ==, n_reached[s->person]);
        g_assert_cmpfloat(s->score, <=, previous); /* best first */
        previous = s->score;
        for (guint k = 1; k < s->reach->len; k++)
            g_assert_cmpfloat(g_array_index(s->reach, WpRankReach, k - 1).probability, >=,
                              g_array_index(s->reach, WpRankReach, k).probability);
    }
}

/* Same strategy, different thread counts: the very same bits. */
static void check_identical(const WpRankResult *a, const WpRankResult *b)
{
    g_assert_cmpuint(a->sources->len, ==, b->sources->len);
    for (guint i = 0; i < a->sources->len; i++) {
        const WpRankSource *x = &g_array_index(a->sources, WpRankSource, i);
        const WpRankSource *y = &g_array_index(b->sources, WpRankSource, i);
        g_assert_cmpuint(x->person, ==, y->person);
        g_assert_true(memcmp(&x->score, &y->score, sizeof x->score) == 0);
        g_assert_cmpuint(x->reach->len, ==, y->reach->len);
        g_assert_true(memcmp(x->reach->data, y->reach->data, x->reach->len * sizeof(WpRankReach)) ==
                      0);
    }
}

static void check_random(const Config *cfg, guint seed)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
    for (guint round = 0; round < 50; round++) {
        guint n = (guint)g_rand_int_range(rand, 4, 26);
        Net net;
        random_net(rand, n, n * 2, cfg->directed, cfg->ring, &net);
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) graph = wp_graph_load_from_data(net.csv, net.people, 0, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(wp_graph_n_people(graph), ==, n);
        double hop_penalty = 0;
        g_autoptr(WpModel) model = cfg->default_model ? wp_model_new_default() : wp_model_new_raw();
        g_autoptr(WpScoring) scoring = wp_scoring_new(graph, model, 20000, NULL);
        if (cfg->default_model) {
            use_model_strengths(&net, scoring);
            hop_penalty = -log(wp_model_intermediary_factor(model));
        }
        guint n_sellers = (guint)g_rand_int_range(rand, 1, (gint32)cfg->max_sellers + 1);
        guint sellers[4];
        for (guint i = 0; i < n_sellers; i++)
            sellers[i] = (guint)g_rand_int_range(rand, 0, (gint32)n);
        guint n_targets = (guint)g_rand_int_range(rand, 0, (gint32)n + 3);
        g_autofree guint *targets = g_new(guint, MAX(n_targets, 1));
        for (guint i = 0; i < n_targets; i++) /* repeats and sellers on purpose */
            targets[i] = (guint)g_rand_int_range(rand, 0, (gint32)n);
        g_autofree guint *n_reached = g_new0(guint, n);
        g_autofree double *expect =
            expected_scores(&net, sellers, n_sellers, targets, n_targets, cfg->max_hops, cfg->floor,
                            hop_penalty, n_reached);
        g_autoptr(WpRankResult) fwd1 =
            rank(scoring, sellers, n_sellers, targets, n_targets, cfg, WP_RANK_FROM_SOURCES, 1);
        g_autoptr(WpRankResult) fwd2 =
            rank(scoring, sellers, n_sellers, targets, n_targets, cfg, WP_RANK_FROM_SOURCES, 2);
        g_autoptr(WpRankResult) bwd1 =
            rank(scoring, sellers, n_sellers, targets, n_targets, cfg, WP_RANK_FROM_TARGETS, 1);
        g_autoptr(WpRankResult) bwd2 =
            rank(scoring, sellers, n_sellers, targets, n_targets, cfg, WP_RANK_FROM_TARGETS, 2);
        check_against_definition(fwd1, expect, n_reached, n);
        check_against_definition(bwd1, expect, n_reached, n);
        check_identical(fwd1, fwd2);
        check_identical(bwd1, bwd2);
        g_assert_false(fwd1->from_targets);
        g_assert_true(bwd1->from_targets);
        net_clear(&net);
    }
}

static void test_raw_undirected(void)
{
    Config cfg = {0, 0, FALSE, FALSE, TRUE, 1};
    check_random(&cfg, 1);
}

static void test_raw_components(void)
{
    Config cfg = {0, 0, FALSE, FALSE, FALSE, 1}; /* no ring: several components */
    check_random(&cfg, 2);
}

static void test_raw_directed(void)
{
    Config cfg = {0, 0, FALSE, TRUE, FALSE, 1};
    check_random(&cfg, 3);
}

static void test_raw_team(void)
{
    Config cfg = {0, 0, FALSE, TRUE, TRUE, 3};
    check_random(&cfg, 4);
}

static void test_default_model_limits(void)
{
    Config cfg = {4, 0.01, TRUE, FALSE, TRUE, 2};
    check_random(&cfg, 5);
    Config tight = {3, 0.2, TRUE, TRUE, FALSE, 1};
    check_random(&tight, 6);
    Config floor_only = {0, 0.05, FALSE, FALSE, TRUE, 1};
    check_random(&floor_only, 7);
}

/* Larger graph, two threads: the schedule must not change a single bit. */
static void test_threads_deterministic(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(11);
    Net net;
    random_net(rand, 600, 2400, FALSE, FALSE, &net);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph = wp_graph_load_from_data(net.csv, net.people, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, raw, WP_DAY_NONE, NULL);
    guint sellers[] = {0};
    guint targets[100];
    for (guint i = 0; i < G_N_ELEMENTS(targets); i++)
        targets[i] = (guint)g_rand_int_range(rand, 1, 600);
    Config cfg = {0, 0, FALSE, FALSE, FALSE, 1};
    g_autoptr(WpRankResult) one =
        rank(scoring, sellers, 1, targets, G_N_ELEMENTS(targets), &cfg, WP_RANK_AUTO, 1);
    for (guint k = 0; k < 5; k++) {
        g_autoptr(WpRankResult) two =
            rank(scoring, sellers, 1, targets, G_N_ELEMENTS(targets), &cfg, WP_RANK_AUTO, 2);
        check_identical(one, two);
    }
    net_clear(&net);
}

static WpGraph *load(const char *ties, const char *people)
{
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load_from_data(ties, people, 0, &error);
    g_assert_no_error(error);
    return graph;
}

/* @graph under the raw model: declared strengths, no per-hop factor. */
static WpScoring *raw_scoring(WpGraph *graph)
{
    g_autoptr(WpModel) raw = wp_model_new_raw();
    return wp_scoring_new(graph, raw, WP_DAY_NONE, NULL);
}

static WpPerson id(const WpGraph *graph, const char *name)
{
    WpPerson p = wp_graph_find_id(graph, name);
    g_assert_cmpuint(p, !=, WP_PERSON_NONE);
    return p;
}

static const WpRankSource *source_of(const WpRankResult *r, WpPerson p)
{
    for (guint i = 0; i < r->sources->len; i++)
        if (g_array_index(r->sources, WpRankSource, i).person == p)
            return &g_array_index(r->sources, WpRankSource, i);
    return NULL;
}

/* s asks; t1 is already her contact; a reaches t1 and t2 at 0.5 each. By hand:
 * a: 0.9 * 0.5 = 0.45 (t1 is not counted); t1 as a source: 0.8 * (0.5 * 0.5) = 0.2. */
static void test_direct_contacts(void)
{
    g_autoptr(WpGraph) g =
        load("source,target,strength\ns,a,0.9\ns,t1,0.8\na,t1,0.5\na,t2,0.5\n", NULL);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    WpPerson sellers[] = {id(g, "s")};
    WpPerson targets[] = {id(g, "t1"), id(g, "t2"), id(g, "s"), id(g, "t2")};
    WpRankQuery q = {
        .sellers = sellers, .n_sellers = 1, .targets = targets, .n_targets = 4, .n_best = 5};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpRankResult) r = wp_rank_run(sc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(r->targets->len, ==, 1);
    g_assert_cmpuint(g_array_index(r->targets, WpPerson, 0), ==, id(g, "t2"));
    g_assert_cmpuint(r->direct->len, ==, 1);
    g_assert_cmpuint(g_array_index(r->direct, WpPerson, 0), ==, id(g, "t1"));
    g_assert_cmpuint(r->n_contacts, ==, 2);
    g_assert_cmpuint(r->sources->len, ==, 2);
    const WpRankSource *a = &g_array_index(r->sources, WpRankSource, 0);
    const WpRankSource *t1 = &g_array_index(r->sources, WpRankSource, 1);
    g_assert_cmpuint(a->person, ==, id(g, "a"));
    g_assert_cmpfloat_with_epsilon(a->score, 0.45, 1e-12);
    g_assert_cmpfloat_with_epsilon(a->strength, 0.9, 1e-12);
    g_assert_cmpuint(t1->person, ==, id(g, "t1"));
    g_assert_cmpfloat_with_epsilon(t1->score, 0.2, 1e-12);
    g_assert_cmpuint(g_array_index(r->best_source, guint, 0), ==, 0);
    g_assert_cmpfloat_with_epsilon(g_array_index(r->best_probability, double, 0), 0.45, 1e-12);
    g_assert_cmpuint(r->cold_targets->len, ==, 0);
}

/* Two sellers: c is tied to both (0.5, 0.8) and is credited with the stronger; the path on
 * through seller s1 does not count (c -> s1 -> y -> t = 0.405 would beat c -> x -> t = 0.2). */
static void test_team_credit(void)
{
    g_autoptr(WpGraph) g = load("source,target,strength\n"
                                "s1,c,0.5\ns2,c,0.8\ns1,t,0.9\nc,x,0.5\nx,t,0.4\n",
                                NULL);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    WpPerson sellers[] = {id(g, "s1"), id(g, "s2")};
    WpPerson targets[] = {id(g, "t")};
    WpRankQuery q = {.sellers = sellers, .n_sellers = 2, .targets = targets, .n_targets = 1};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpRankResult) r = wp_rank_run(sc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    /* t is tied to s1 directly: a direct contact of the team. */
    g_assert_cmpuint(r->direct->len, ==, 1);
    g_assert_cmpuint(r->targets->len, ==, 0);

    g_autoptr(WpGraph) g2 = load("source,target,strength\ns1,c,0.5\ns2,c,0.8\ns1,y,0.9\ny,t,0.9\n"
                                 "c,x,0.5\nx,t,0.4\n",
                                 NULL);
    g_autoptr(WpScoring) sc2 = raw_scoring(g2);
    WpPerson sellers2[] = {id(g2, "s1"), id(g2, "s2")};
    WpPerson targets2[] = {id(g2, "t")};
    WpRankQuery q2 = {.sellers = sellers2, .n_sellers = 2, .targets = targets2, .n_targets = 1};
    g_autoptr(WpRankResult) r2 = wp_rank_run(sc2, NULL, &q2, NULL, &error);
    g_assert_no_error(error);
    const WpRankSource *c = source_of(r2, id(g2, "c"));
    g_assert_nonnull(c);
    g_assert_cmpuint(c->seller, ==, id(g2, "s2"));
    g_assert_cmpfloat_with_epsilon(c->strength, 0.8, 1e-12);
    g_assert_cmpfloat_with_epsilon(c->score, 0.8 * 0.5 * 0.4, 1e-12);
    /* y is s1's contact: 0.9 * 0.9. */
    g_assert_cmpfloat_with_epsilon(source_of(r2, id(g2, "y"))->score, 0.81, 1e-12);
    g_assert_null(source_of(r2, id(g2, "x")));
}

/* Companies X (both targets unreachable), Y (one reached at 0.05), a target with no company. */
static void test_cold(void)
{
    static const char people[] = "id,name,company\ns,Sam,Us\na,Ann,Hub\nx1,X One,X\n"
                                 "x2,X Two,X\ny1,Y One,Y\ny2,Y Two,Y\nz,Zed,\n";
    static const char ties[] = "source,target,strength\ns,a,1\na,y1,0.05\nx1,x2,1\ny2,z,1\n";
    g_autoptr(WpGraph) g = load(ties, people);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    WpPerson sellers[] = {id(g, "s")};
    WpPerson targets[] = {id(g, "x1"), id(g, "x2"), id(g, "y1"), id(g, "y2"), id(g, "z")};
    WpRankQuery q = {.sellers = sellers, .n_sellers = 1, .targets = targets, .n_targets = 5};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpRankResult) r = wp_rank_run(sc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(r->cold_targets->len, ==, 4);
    guint cold[] = {0, 1, 3, 4};
    for (guint i = 0; i < 4; i++)
        g_assert_cmpuint(g_array_index(r->cold_targets, guint, i), ==, cold[i]);
    g_assert_cmpuint(r->cold_companies->len, ==, 1);
    const WpRankCompany *x = &g_array_index(r->cold_companies, WpRankCompany, 0);
    g_assert_cmpstr(x->company, ==, "X");
    g_assert_cmpuint(x->n_targets, ==, 2);

    q.min_probability = 0.1; /* now Y is cold too; ordered by size then name */
    g_autoptr(WpRankResult) r2 = wp_rank_run(sc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(r2->sources->len, ==, 0);
    g_assert_cmpuint(r2->cold_targets->len, ==, 5);
    g_assert_cmpuint(r2->cold_companies->len, ==, 2);
    g_assert_cmpstr(g_array_index(r2->cold_companies, WpRankCompany, 0).company, ==, "X");
    g_assert_cmpstr(g_array_index(r2->cold_companies, WpRankCompany, 1).company, ==, "Y");
}

static void test_bad_query(void)
{
    g_autoptr(WpGraph) g = load("source,target\ns,a\n", NULL);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    WpPerson sellers[] = {0};
    WpRankQuery q = {.sellers = sellers, .n_sellers = 1, .min_probability = 1.0};
    g_autoptr(GError) error = NULL;
    g_assert_null(wp_rank_run(sc, NULL, &q, NULL, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_clear_error(&error);
    q.min_probability = 0;
    q.n_sellers = 0;
    g_assert_null(wp_rank_run(sc, NULL, &q, NULL, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_clear_error(&error);
    q.n_sellers = 1;
    q.max_hops = WP_MAX_HOPS + 1; /* the one limit everywhere (warmpath/model.h) */
    g_assert_null(wp_rank_run(sc, NULL, &q, NULL, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_clear_error(&error);
    q.max_hops = 0;
    /* One hop reaches only direct contacts, who are never ranked. */
    WpPerson targets[] = {1};
    q.n_sellers = 1;
    q.max_hops = 1;
    q.targets = targets;
    q.n_targets = 1;
    g_autoptr(WpRankResult) r = wp_rank_run(sc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(r->sources->len, ==, 0);
    g_assert_cmpuint(r->direct->len, ==, 1);
}

/* ---- The ask plan ---- */

/* A result with sources whose reach is @p[source * n_targets + target] (0 = none). */
static WpRankResult *fake_result(const double *p, guint n_sources, guint n_targets)
{
    WpRankResult *r = g_new0(WpRankResult, 1);
    r->targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    r->sources = g_array_new(FALSE, FALSE, sizeof(WpRankSource));
    for (guint t = 0; t < n_targets; t++)
        g_array_append_val(r->targets, t);
    for (guint s = 0; s < n_sources; s++) {
        WpRankSource src = {.person = s, .reach = g_array_new(FALSE, FALSE, sizeof(WpRankReach))};
        for (guint t = 0; t < n_targets; t++)
            if (p[s * n_targets + t] > 0) {
                WpRankReach reach = {t, t, p[s * n_targets + t]};
                g_array_append_val(src.reach, reach);
                src.score += reach.probability;
            }
        g_array_append_val(r->sources, src);
    }
    return r;
}

/* sum_t 1 - prod(1 - P) over the chosen (source, target) asks. */
static double objective(const double *p, guint n_targets, const guint *mask, guint n_sources)
{
    double total = 0;
    for (guint t = 0; t < n_targets; t++) {
        double missed = 1;
        for (guint s = 0; s < n_sources; s++)
            if (mask[s] & (1u << t))
                missed *= 1 - p[s * n_targets + t];
        total += 1 - missed;
    }
    return total;
}

/* The best plan by brute force: each source is unused or asked about a non-empty set of at
 * most @k targets it reaches; at most @n sources used. */
static double brute_force(const double *p, guint n_sources, guint n_targets, guint n, guint k,
                          guint *mask, guint s, guint used)
{
    if (s == n_sources)
        return objective(p, n_targets, mask, n_sources);
    mask[s] = 0;
    double best = brute_force(p, n_sources, n_targets, n, k, mask, s + 1, used);
    if (used < n)
        for (guint m = 1; m < (1u << n_targets); m++) {
            guint bits = 0;
            gboolean ok = TRUE;
            for (guint t = 0; t < n_targets; t++)
                if (m & (1u << t)) {
                    bits++;
                    ok &= p[s * n_targets + t] > 0;
                }
            if (!ok || bits > k)
                continue;
            mask[s] = m;
            best = MAX(best, brute_force(p, n_sources, n_targets, n, k, mask, s + 1, used + 1));
        }
    mask[s] = 0;
    return best;
}

/* The plan's own figures agree: asks grouped by pick, gains multiply out, expected adds up. */
static void check_plan_consistent(const WpRankPlan *plan, const double *p, guint n_sources,
                                  guint n_targets, guint n, guint k, double min_gain)
{
    g_assert_cmpuint(plan->picks->len, <=, n);
    g_autofree guint *mask = g_new0(guint, n_sources);
    g_autofree double *missed = g_new(double, n_targets);
    for (guint t = 0; t < n_targets; t++)
        missed[t] = 1;
    guint next_ask = 0;
    for (guint i = 0; i < plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(plan->picks, WpRankPick, i);
        g_assert_cmpuint(pick->first_ask, ==, next_ask);
        g_assert_cmpuint(pick->n_asks, >=, 1);
        g_assert_cmpuint(pick->n_asks, <=, k);
        g_assert_cmpuint(mask[pick->source_index], ==, 0);
        double gain = 0;
        for (guint a = 0; a < pick->n_asks; a++) {
            const WpRankAsk *ask = &g_array_index(plan->asks, WpRankAsk, next_ask + a);
            g_assert_cmpuint(ask->source_index, ==, pick->source_index);
            double prob = p[ask->source_index * n_targets + ask->target_index];
            g_assert_cmpfloat(ask->probability, ==, prob);
            g_assert_cmpfloat_with_epsilon(ask->gain, prob * missed[ask->target_index], 1e-12);
            g_assert_cmpfloat(ask->gain, >=, min_gain); /* no ask under the floor */
            gain += ask->gain;
            mask[pick->source_index] |= 1u << ask->target_index;
        }
        for (guint a = 0; a < pick->n_asks; a++) {
            const WpRankAsk *ask = &g_array_index(plan->asks, WpRankAsk, next_ask + a);
            missed[ask->target_index] *= 1 - ask->probability;
        }
        g_assert_cmpfloat_with_epsilon(pick->gain, gain, 1e-12);
        next_ask += pick->n_asks;
    }
    g_assert_cmpuint(next_ask, ==, plan->asks->len);
    g_assert_cmpfloat_with_epsilon(plan->expected, objective(p, n_targets, mask, n_sources), 1e-12);
}

static void test_plan_brute_force(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(99);
    double worst = 1;
    for (guint round = 0; round < 400; round++) {
        guint n_sources = (guint)g_rand_int_range(rand, 1, 5);
        guint n_targets = (guint)g_rand_int_range(rand, 1, 5);
        g_autofree double *p = g_new0(double, n_sources *n_targets);
        for (guint i = 0; i < n_sources * n_targets; i++)
            if (g_rand_int_range(rand, 0, 3) > 0)
                p[i] = g_rand_int_range(rand, 1, 100) / 100.0;
        guint n = (guint)g_rand_int_range(rand, 1, 4);
        guint k = (guint)g_rand_int_range(rand, 1, 3);
        g_autoptr(WpRankResult) r = fake_result(p, n_sources, n_targets);
        g_autoptr(WpRankPlan) plan = wp_rank_plan(r, n, k, 0);
        check_plan_consistent(plan, p, n_sources, n_targets, n, k, 0);
        g_autofree guint *mask = g_new0(guint, n_sources);
        double opt = brute_force(p, n_sources, n_targets, n, k, mask, 0, 0);
        g_assert_cmpfloat(plan->expected, <=, opt + 1e-12);
        if (n == 1) /* one source: its best k asks are optimal */
            g_assert_cmpfloat_with_epsilon(plan->expected, opt, 1e-12);
        g_assert_cmpfloat(plan->expected, >=, 0.5 * opt - 1e-12); /* matroid greedy bound */
        if (opt > 0)
            worst = MIN(worst, plan->expected / opt);
        /* With a floor: no ask under it, and for one source the best k asks at or above it
         * (a lone source's gains are its probabilities): brute force on those alone. */
        double floor = g_rand_int_range(rand, 1, 60) / 100.0;
        g_autoptr(WpRankPlan) floored = wp_rank_plan(r, n, k, floor);
        check_plan_consistent(floored, p, n_sources, n_targets, n, k, floor);
        if (n == 1) {
            g_autofree double *kept = g_memdup2(p, sizeof(double) * n_sources * n_targets);
            for (guint i = 0; i < n_sources * n_targets; i++)
                if (kept[i] < floor)
                    kept[i] = 0;
            g_autofree guint *mask2 = g_new0(guint, n_sources);
            double best = brute_force(kept, n_sources, n_targets, 1, k, mask2, 0, 0);
            g_assert_cmpfloat_with_epsilon(floored->expected, best, 1e-12);
        }
    }
    g_test_message("worst greedy / optimum over 400 random plans: %.4f", worst);
}

/* Hand-worked: A reaches t1 0.9, t2 0.5; B reaches t1 0.8, t3 0.3. */
static void test_plan_exact(void)
{
    const double p[] = {0.9, 0.5, 0, 0.8, 0, 0.3};
    g_autoptr(WpRankResult) r = fake_result(p, 2, 3);
    /* k = 1: A asks about t1 (+0.9); then B about t3 (+0.3 > 0.8 * 0.1). */
    g_autoptr(WpRankPlan) one = wp_rank_plan(r, 2, 1, 0);
    g_assert_cmpuint(one->picks->len, ==, 2);
    g_assert_cmpuint(g_array_index(one->asks, WpRankAsk, 0).target_index, ==, 0);
    g_assert_cmpuint(g_array_index(one->asks, WpRankAsk, 1).target_index, ==, 2);
    g_assert_cmpfloat_with_epsilon(one->expected, 1.2, 1e-12);
    /* k = 2: A (0.9 + 0.5) beats B (0.8 + 0.3); then B: t3 0.3 and t1 0.8 * 0.1. */
    g_autoptr(WpRankPlan) two = wp_rank_plan(r, 5, 2, 0);
    g_assert_cmpuint(two->picks->len, ==, 2);
    g_assert_cmpfloat_with_epsilon(g_array_index(two->picks, WpRankPick, 0).gain, 1.4, 1e-12);
    g_assert_cmpfloat_with_epsilon(g_array_index(two->picks, WpRankPick, 1).gain, 0.38, 1e-12);
    const WpRankAsk *second = &g_array_index(two->asks, WpRankAsk, 3);
    g_assert_cmpuint(second->target_index, ==, 0);
    g_assert_cmpfloat_with_epsilon(second->gain, 0.08, 1e-12);
    g_assert_cmpfloat_with_epsilon(two->expected, 1.78, 1e-12);
    /* Floor 0.1: B's ask about t1 (+0.08) is left out, its t3 ask (+0.3) stays. */
    g_autoptr(WpRankPlan) floored = wp_rank_plan(r, 5, 2, 0.1);
    g_assert_cmpuint(floored->picks->len, ==, 2);
    g_assert_cmpuint(floored->asks->len, ==, 3);
    g_assert_cmpfloat_with_epsilon(g_array_index(floored->picks, WpRankPick, 1).gain, 0.3, 1e-12);
    g_assert_cmpfloat_with_epsilon(floored->expected, 1.7, 1e-12);
    /* Floor 0.95: nothing is worth a favour. */
    g_autoptr(WpRankPlan) none = wp_rank_plan(r, 5, 2, 0.95);
    g_assert_cmpuint(none->picks->len, ==, 0);
    g_assert_cmpfloat(none->expected, ==, 0);
}

/* Where greedy falls short: A reaches t1 and t2 equally, B only t1. Greedy asks A about t1
 * (the tie goes to the first target) and B then adds little; asking A about t2 and B about
 * t1 would give 1.8. Greedy still gets more than half (0.99 / 1.8 = 0.55). */
static void test_plan_greedy_limit(void)
{
    const double p[] = {0.9, 0.9, 0.9, 0};
    g_autoptr(WpRankResult) r = fake_result(p, 2, 2);
    g_autoptr(WpRankPlan) plan = wp_rank_plan(r, 2, 1, 0);
    g_assert_cmpfloat_with_epsilon(plan->expected, 0.9 + 0.9 * 0.1, 1e-12);
    g_autofree guint *mask = g_new0(guint, 2);
    g_assert_cmpfloat_with_epsilon(brute_force(p, 2, 2, 2, 1, mask, 0, 0), 1.8, 1e-12);
}

/* The route behind each ask, by hand (raw model). Sellers s and x; s -> a (0.9); a -> b (0.8)
 * -> t1 (0.5) beats a -> t1 (0.3); a -> t2 (0.6); a -> x -> b (1.0 each, one-way) would be a
 * better way from a to t1 (0.5), but a seller never carries a request; x -> b makes b x's
 * contact. Greedy, 2 asks each: b first (t1 0.5 + t2 via a 0.8 x 0.6 = 0.48), then a (t2 0.54,
 * t1 0.9 x 0.4 = 0.36). */
static void test_plan_routes(void)
{
    g_autoptr(WpGraph) g = load("source,target,strength,directed\n"
                                "s,a,0.9,\na,b,0.8,\nb,t1,0.5,\na,t1,0.3,\na,t2,0.6,\n"
                                "a,x,1.0,true\nx,b,1.0,true\n",
                                NULL);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    WpPerson sellers[] = {id(g, "s"), id(g, "x")};
    WpPerson targets[] = {id(g, "t1"), id(g, "t2")};
    WpRankQuery q = {.sellers = sellers, .n_sellers = 2, .targets = targets, .n_targets = 2};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpRankResult) r = wp_rank_run(sc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_autoptr(WpRankPlan) plan = wp_rank_plan(r, 2, 2, 0);
    g_assert_true(wp_rank_plan_routes(sc, NULL, &q, r, plan, NULL, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(plan->asks->len, ==, 4);
    const struct {
        const char *route;
        double p;
    } want[] = {{"x b t1", 0.5}, {"x b a t2", 0.48}, {"s a t2", 0.54}, {"s a b t1", 0.36}};
    for (guint i = 0; i < G_N_ELEMENTS(want); i++) {
        const WpRankAsk *ask = &g_array_index(plan->asks, WpRankAsk, i);
        g_auto(GStrv) ids = g_strsplit(want[i].route, " ", -1);
        g_assert_cmpuint(ask->route.n_people, ==, g_strv_length(ids));
        for (guint k = 0; ids[k] != NULL; k++)
            g_assert_cmpuint(ask->route.people[k], ==, id(g, ids[k]));
        g_assert_cmpfloat_with_epsilon(ask->probability, want[i].p, 1e-12);
        g_assert_cmpfloat_with_epsilon(ask->route.probability, want[i].p, 1e-12);
        g_assert_cmpfloat_with_epsilon(
            wp_scoring_path_probability(sc, ask->route.people, ask->route.n_people), want[i].p,
            1e-12);
    }
}

/* A target tied to the seller only weakly is ranked (and noted); a strong tie sets it aside.
 * Default model, undated ties (x 0.85): s-t1 0.29 -> 0.2465 is weak (under 0.30), s-t2 0.4 ->
 * 0.34 strong; a's score 0.765 x 0.425 x 0.75 (a passes it on). The raw model gives no
 * advice: both are direct contacts there. */
static void test_weak_direct(void)
{
    g_autoptr(WpGraph) g = load("source,target,strength\n"
                                "s,a,0.9\ns,t1,0.29\na,t1,0.5\ns,t2,0.4\na,t2,0.5\n",
                                NULL);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    WpPerson sellers[] = {id(g, "s")};
    WpPerson targets[] = {id(g, "t1"), id(g, "t2")};
    WpRankQuery q = {.sellers = sellers, .n_sellers = 1, .targets = targets, .n_targets = 2};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpRankResult) raw = wp_rank_run(sc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(raw->direct->len, ==, 2);
    g_assert_cmpuint(raw->targets->len, ==, 0);
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) dsc = wp_scoring_new(g, model, 20000, NULL);
    g_autoptr(WpRankResult) r = wp_rank_run(dsc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(r->direct->len, ==, 1);
    g_assert_cmpuint(g_array_index(r->direct, WpPerson, 0), ==, id(g, "t2"));
    g_assert_cmpuint(r->targets->len, ==, 1);
    g_assert_cmpuint(g_array_index(r->targets, WpPerson, 0), ==, id(g, "t1"));
    g_assert_cmpuint(r->weak_direct->len, ==, 1);
    g_assert_cmpuint(g_array_index(r->weak_direct, guint, 0), ==, 0);
    const WpRankSource *a = source_of(r, id(g, "a"));
    g_assert_nonnull(a);
    g_assert_cmpfloat_with_epsilon(a->score, 0.765 * 0.425 * 0.75, 1e-12);
}

/* ---- The demo network under the raw model: the contract, checked from the files ---- */

static char *demo_file(const char *name)
{
    const char *root = g_getenv("WP_SOURCE_DIR");
    return root ? g_build_filename(root, "datasets", "demo", name, NULL)
                : g_test_build_filename(G_TEST_DIST, "..", "datasets", "demo", name, NULL);
}

/* The demo's ties read here from edges.csv (no quoted fields there): per unordered pair the
 * largest declared strength, 1.0 (raw) when no row declares one; self-loops dropped. */
static GHashTable *demo_ties(void)
{
    g_autofree char *path = demo_file("edges.csv");
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    GHashTable *declared = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 1; lines[i] != NULL; i++) {
        if (lines[i][0] == '\0')
            continue;
        g_auto(GStrv) f = g_strsplit(lines[i], ",", -1);
        if (strcmp(f[0], f[1]) == 0)
            continue;
        g_autofree char *key = strcmp(f[0], f[1]) < 0 ? g_strdup_printf("%s %s", f[0], f[1])
                                                      : g_strdup_printf("%s %s", f[1], f[0]);
        double *have = g_hash_table_lookup(declared, key);
        double s = f[2][0] != '\0' ? g_ascii_strtod(f[2], NULL) : -1; /* -1: none declared */
        if (have == NULL) {
            double *v = g_new(double, 1);
            *v = s;
            g_hash_table_insert(declared, g_steal_pointer(&key), v);
        } else if (s > *have) {
            *have = s;
        }
    }
    return declared;
}

typedef struct {
    guint head;
    double cost;
} DemoArc;

/* Dijkstra with a plain binary heap of (cost, person) over @adj (GArray of DemoArc per person),
 * never entering @banned. */
static double *demo_dijkstra(GPtrArray *adj, guint src, guint banned)
{
    guint n = adj->len;
    double *d = g_new(double, n);
    for (guint v = 0; v < n; v++)
        d[v] = INFINITY;
    g_autoptr(GArray) heap = g_array_new(FALSE, FALSE, sizeof(DemoArc));
    d[src] = 0;
    g_array_append_val(heap, ((DemoArc){src, 0}));
    while (heap->len > 0) {
        DemoArc top = g_array_index(heap, DemoArc, 0);
        DemoArc last = g_array_index(heap, DemoArc, heap->len - 1);
        g_array_set_size(heap, heap->len - 1);
        for (guint i = 0; heap->len > 0;) { /* sift the last entry down from the root */
            guint c = 2 * i + 1;
            DemoArc *h = (DemoArc *)heap->data;
            if (c + 1 < heap->len && h[c + 1].cost < h[c].cost)
                c++;
            if (c >= heap->len || h[c].cost >= last.cost) {
                h[i] = last;
                break;
            }
            h[i] = h[c];
            i = c;
        }
        if (top.cost > d[top.head])
            continue;
        const GArray *arcs = adj->pdata[top.head];
        for (guint k = 0; k < arcs->len; k++) {
            DemoArc a = g_array_index(arcs, DemoArc, k);
            double c = top.cost + a.cost;
            if (a.head == banned || c >= d[a.head])
                continue;
            d[a.head] = c;
            g_array_append_val(heap, ((DemoArc){a.head, c}));
            DemoArc *h = (DemoArc *)heap->data;
            for (guint i = heap->len - 1; i > 0 && h[(i - 1) / 2].cost > h[i].cost;
                 i = (i - 1) / 2) {
                DemoArc t = h[i];
                h[i] = h[(i - 1) / 2];
                h[(i - 1) / 2] = t;
            }
        }
    }
    return d;
}

/* `warmpath rank --model raw` on the README territory (Fintech, US-East, title with VP or CFO:
 * 56 people, datasets/demo/README.md), against one Dijkstra per target over the ties read
 * from the file, summed as the contract says. */
static void test_demo_raw_contract(void)
{
    g_autofree char *edges = demo_file("edges.csv");
    g_autofree char *people_file = demo_file("people.csv");
    WpLoadSpec spec = {.ties_file = edges,
                       .people_file = people_file,
                       .ties_format = WP_TIES_FORMAT_AUTO,
                       .flags = WP_LOAD_DEFAULT};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_autoptr(WpScoring) sc = raw_scoring(g);
    guint n = wp_graph_n_people(g);
    g_autoptr(GHashTable) ties = demo_ties();
    g_autoptr(GPtrArray) adj = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    for (guint v = 0; v < n; v++)
        g_ptr_array_add(adj, g_array_new(FALSE, FALSE, sizeof(DemoArc)));
    g_autofree double *strength = g_new0(double, n); /* from Alice, p00001 */
    WpPerson alice = id(g, "p00001");
    GHashTableIter iter;
    gpointer key, value;
    g_hash_table_iter_init(&iter, ties);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        g_auto(GStrv) ab = g_strsplit(key, " ", 2);
        double s = *(double *)value < 0 ? 1.0 : *(double *)value;
        WpPerson a = id(g, ab[0]), b = id(g, ab[1]);
        g_array_append_val(adj->pdata[a], ((DemoArc){b, -log(s)}));
        g_array_append_val(adj->pdata[b], ((DemoArc){a, -log(s)}));
        if (a == alice)
            strength[b] = s;
        if (b == alice)
            strength[a] = s;
    }
    /* The territory from the people file, by the README's definition. */
    g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (WpPerson p = 0; p < n; p++) {
        const char *industry = wp_graph_person_attr(g, p, "industry");
        const char *region = wp_graph_person_attr(g, p, "region");
        const char *title = wp_graph_person_attr(g, p, "title");
        if (industry && strcmp(industry, "Fintech") == 0 && region &&
            strcmp(region, "US-East") == 0 && title &&
            (strstr(title, "VP") != NULL || strstr(title, "CFO") != NULL))
            g_array_append_val(targets, p);
    }
    g_assert_cmpuint(targets->len, ==, 56);
    g_autofree double *expect = g_new0(double, n);
    guint n_direct = 0, n_cold = 0;
    for (guint i = 0; i < targets->len; i++) {
        WpPerson t = g_array_index(targets, WpPerson, i);
        if (strength[t] > 0) { /* the raw model: every direct tie is strong */
            n_direct++;
            continue;
        }
        g_autofree double *d = demo_dijkstra(adj, t, alice); /* undirected: d(t, c) = d(c, t) */
        gboolean reached = FALSE;
        for (WpPerson c = 0; c < n; c++)
            if (strength[c] > 0 && d[c] < INFINITY) {
                expect[c] += strength[c] * exp(-d[c]);
                reached = TRUE;
            }
        n_cold += !reached;
    }
    g_assert_cmpuint(n_direct, ==, 2); /* README: 2 targets 1 hop from Alice */
    g_assert_cmpuint(n_cold, ==, 4);   /* README: 4 unreachable */

    WpRankQuery q = {.sellers = &alice,
                     .n_sellers = 1,
                     .targets = (const WpPerson *)targets->data,
                     .n_targets = targets->len};
    g_autoptr(WpRankResult) r = wp_rank_run(sc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(r->direct->len, ==, 2);
    g_assert_cmpuint(r->weak_direct->len, ==, 0);
    g_assert_cmpuint(r->cold_targets->len, ==, 4);
    g_assert_cmpuint(r->n_contacts, ==, 80); /* README: Alice has 80 direct contacts */
    guint n_scored = 0;
    for (WpPerson c = 0; c < n; c++)
        n_scored += expect[c] > 0;
    g_assert_cmpuint(r->sources->len, ==, n_scored);
    for (guint i = 0; i < r->sources->len; i++) {
        const WpRankSource *src = &g_array_index(r->sources, WpRankSource, i);
        g_assert_cmpfloat_with_epsilon(src->score, expect[src->person],
                                       1e-9 * MAX(1.0, expect[src->person]));
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/rank/score/raw-undirected", test_raw_undirected);
    g_test_add_func("/rank/score/raw-components", test_raw_components);
    g_test_add_func("/rank/score/raw-directed", test_raw_directed);
    g_test_add_func("/rank/score/raw-team", test_raw_team);
    g_test_add_func("/rank/score/default-model-limits", test_default_model_limits);
    g_test_add_func("/rank/score/threads-deterministic", test_threads_deterministic);
    g_test_add_func("/rank/direct-contacts", test_direct_contacts);
    g_test_add_func("/rank/team-credit", test_team_credit);
    g_test_add_func("/rank/cold", test_cold);
    g_test_add_func("/rank/demo/raw-contract", test_demo_raw_contract);
    g_test_add_func("/rank/bad-query", test_bad_query);
    g_test_add_func("/rank/plan/brute-force", test_plan_brute_force);
    g_test_add_func("/rank/plan/exact", test_plan_exact);
    g_test_add_func("/rank/plan/greedy-limit", test_plan_greedy_limit);
    g_test_add_func("/rank/plan/routes", test_plan_routes);
    g_test_add_func("/rank/weak-direct", test_weak_direct);
    return g_test_run();
}
