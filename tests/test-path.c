/* SPDX-License-Identifier: MIT */
/* Introduction paths against an enumeration of every simple path on small random networks (kept
 * here, apart from the library), igraph's k shortest paths, and cases worked by hand. */
#include "core/igraph-private.h"
#include "warmpath/warmpath.h"

#include "query-helpers.h"

#include <math.h>
#include <string.h>

#define MAX_N 10
#define NO_TIE (-1)

/* A random network as the test knows it: a tie per arc a request can follow, with the strength
 * the model gives it, computed here from the generated values. */
typedef struct {
    guint n;
    int arc[MAX_N][MAX_N]; /* index into eff, or NO_TIE: a request can go u -> v */
    GArray *eff;           /* double, per generated tie */
    GArray *not_strong;    /* gboolean, per generated tie: as a seller's direct tie, weak (under
                            * 0.30), cold (contact over 730 days ago) or never used; never
                            * under the raw model */
    char *ties_csv;
    char *people_csv;
} Net;

static void net_clear(Net *net)
{
    g_array_unref(net->eff);
    g_array_unref(net->not_strong);
    g_free(net->ties_csv);
    g_free(net->people_csv);
}

static const WpDay AS_OF = 20454; /* 2026-01-01 */

/* Random ties among v0..v(n-1). Raw: a declared strength each. Default model: random types, and
 * strength, last contact and interaction count each present or not; the expected effective
 * strength comes from wp_model_tie_strength() on the values generated here. */
static void random_net(GRand *rand, guint n, guint m, gboolean directed, const WpModel *model,
                       Net *net)
{
    net->n = n;
    net->eff = g_array_new(FALSE, FALSE, sizeof(double));
    net->not_strong = g_array_new(FALSE, FALSE, sizeof(gboolean));
    for (guint u = 0; u < MAX_N; u++)
        for (guint v = 0; v < MAX_N; v++)
            net->arc[u][v] = NO_TIE;
    GString *csv = g_string_new("source,target,strength,type,last_contact,interactions,directed\n");
    GString *people = g_string_new("id,name\n");
    for (guint i = 0; i < n; i++)
        g_string_append_printf(people, "v%u,Person %c\n", i, 'A' + i);
    for (guint k = 0; k < m; k++) {
        guint a = (guint)g_rand_int_range(rand, 0, (gint32)n);
        guint b = (guint)g_rand_int_range(rand, 0, (gint32)n);
        if (a == b || net->arc[a][b] != NO_TIE || net->arc[b][a] != NO_TIE)
            continue;
        WpTieInfo info = {.declared = NAN, .last_contact = WP_DAY_NONE, .interactions = -1};
        gboolean dir = directed && g_rand_int_range(rand, 0, 3) == 0;
        g_autofree char *strength = g_strdup("");
        g_autofree char *day = g_strdup("");
        g_autofree char *count = g_strdup("");
        WpTieType type = (WpTieType)g_rand_int_range(rand, 0, WP_TIE_OTHER);
        if (wp_model_is_raw(model) || g_rand_boolean(rand)) {
            info.declared = g_rand_int_range(rand, 5, 101) / 100.0;
            g_free(strength);
            strength = g_strdup_printf("%.2f", info.declared);
        }
        if (!wp_model_is_raw(model)) {
            info.types = WP_TIE_TYPE_BIT(type);
            if (g_rand_int_range(rand, 0, 4) > 0) {
                info.last_contact = AS_OF - g_rand_int_range(rand, 0, 2000);
                char buf[11];
                wp_day_format(info.last_contact, buf);
                g_free(day);
                day = g_strdup(buf);
            }
            if (g_rand_boolean(rand)) {
                info.interactions = g_rand_int_range(rand, 0, 60);
                g_free(count);
                count = g_strdup_printf("%d", info.interactions);
            }
        }
        double eff = wp_model_tie_strength(model, &info, AS_OF, NULL);
        g_array_append_val(net->eff, eff);
        gboolean not_strong =
            !wp_model_is_raw(model) && /* raw: every direct tie strong */
            (eff < 0.3 || info.interactions == 0 ||
             (info.last_contact != WP_DAY_NONE && AS_OF - info.last_contact > 730));
        g_array_append_val(net->not_strong, not_strong);
        net->arc[a][b] = (int)net->eff->len - 1;
        if (!dir)
            net->arc[b][a] = (int)net->eff->len - 1;
        g_string_append_printf(csv, "v%u,v%u,%s,%s,%s,%s,%d\n", a, b, strength,
                               wp_model_is_raw(model) ? "" : wp_tie_type_name(type), day, count,
                               dir);
    }
    net->ties_csv = g_string_free(csv, FALSE);
    net->people_csv = g_string_free(people, FALSE);
}

/* One simple path as the enumeration found it. */
typedef struct {
    double p;
    guint n;
    guint people[MAX_N];
} Simple;

typedef struct {
    const Net *net;
    const gboolean *seller;
    guint target;
    guint max_hops;
    double factor;
    guint path[MAX_N];
    gboolean on[MAX_N];
    GArray *out; /* Simple */
} Enum;

/* Depth-first: every simple path from the current end that reaches the target, never through a
 * seller, within the hop limit. */
static void extend(Enum *e, guint len, double p)
{
    guint u = e->path[len - 1];
    if (u == e->target) {
        Simple s = {p, len, {0}};
        memcpy(s.people, e->path, sizeof(guint) * len);
        g_array_append_val(e->out, s);
        return;
    }
    if (e->max_hops > 0 && len - 1 >= e->max_hops)
        return;
    for (guint v = 0; v < e->net->n; v++) {
        int t = e->net->arc[u][v];
        if (t == NO_TIE || e->on[v] || e->seller[v])
            continue;
        double q = p * g_array_index(e->net->eff, double, t) * (len >= 2 ? e->factor : 1);
        e->on[v] = TRUE;
        e->path[len] = v;
        extend(e, len + 1, q);
        e->on[v] = FALSE;
    }
}

static int by_p_desc(gconstpointer a, gconstpointer b)
{
    double x = ((const Simple *)a)->p, y = ((const Simple *)b)->p;
    return x > y ? -1 : x < y;
}

/* Every simple path from any seller to @target, best first. */
static GArray *all_simple_paths(const Net *net, const guint *sellers, guint n_sellers, guint target,
                                guint max_hops, double factor)
{
    gboolean seller[MAX_N] = {FALSE};
    for (guint i = 0; i < n_sellers; i++)
        seller[sellers[i]] = TRUE;
    Enum e = {net, seller, target, max_hops, factor, {0}, {FALSE}, NULL};
    e.out = g_array_new(FALSE, FALSE, sizeof(Simple));
    for (guint i = 0; i < n_sellers; i++) {
        memset(e.on, 0, sizeof e.on);
        e.on[sellers[i]] = TRUE;
        e.path[0] = sellers[i];
        extend(&e, 1, 1.0);
    }
    g_array_sort(e.out, by_p_desc);
    return e.out;
}

/* The vertex number of a person ("v7" -> 7). */
static guint vertex(const WpGraph *g, WpPerson p)
{
    return (guint)g_ascii_strtoull(wp_graph_person_id(g, p) + 1, NULL, 10);
}

/* A path the engine returned is real: it starts at a seller, ends at the target, is simple,
 * passes no other seller, keeps to the hop limit, and its probability is the product computed
 * here over the network's own arcs. */
static void check_path(const Net *net, const WpScoring *scoring, const WpPath *path,
                       const guint *sellers, guint n_sellers, guint target, guint max_hops,
                       double factor)
{
    const WpGraph *g = wp_scoring_graph(scoring);
    g_assert_cmpuint(path->n_people, >=, 2);
    if (max_hops > 0)
        g_assert_cmpuint(path->n_people - 1, <=, max_hops);
    g_assert_cmpuint(vertex(g, path->people[path->n_people - 1]), ==, target);
    g_assert_cmpuint(path->seller, ==, path->people[0]);
    gboolean seen[MAX_N] = {FALSE};
    double p = 1;
    for (guint i = 0; i < path->n_people; i++) {
        guint v = vertex(g, path->people[i]);
        g_assert_false(seen[v]);
        seen[v] = TRUE;
        gboolean is_seller = FALSE;
        for (guint j = 0; j < n_sellers; j++)
            is_seller |= sellers[j] == v;
        g_assert_true(i == 0 ? is_seller : !is_seller);
        if (i + 1 < path->n_people) {
            int t = net->arc[v][vertex(g, path->people[i + 1])];
            g_assert_cmpint(t, !=, NO_TIE);
            WpTie tie;
            g_assert_true(wp_graph_find_tie(g, path->people[i], path->people[i + 1], &tie));
            g_assert_cmpuint(tie, ==, path->ties[i]);
            p *= g_array_index(net->eff, double, t) * (i > 0 ? factor : 1);
        }
    }
    g_assert_cmpfloat_with_epsilon(path->probability, p, 1e-9);
    g_assert_cmpfloat_with_epsilon(
        wp_scoring_path_probability(scoring, path->people, path->n_people), p, 1e-9);
}

/* The chance at least one path works, by summing over every outcome of the parts they use
 * (each tie works with its strength, each go-between passes on with the factor). */
static double at_least_one_by_outcomes(const Net *net, const WpGraph *g, const GArray *paths,
                                       double factor, gboolean *feasible)
{
    int part_of_tie[64];
    int part_of_person[MAX_N];
    double part_p[64];
    guint n_parts = 0;
    guint64 need[64];
    memset(part_of_tie, -1, sizeof part_of_tie);
    memset(part_of_person, -1, sizeof part_of_person);
    *feasible = paths->len <= 64;
    for (guint i = 0; i < paths->len && *feasible; i++) {
        const WpPath *path = &g_array_index(paths, WpPath, i);
        need[i] = 0;
        for (guint j = 0; j + 1 < path->n_people && *feasible; j++) {
            guint u = vertex(g, path->people[j]);
            int t = net->arc[u][vertex(g, path->people[j + 1])];
            if (part_of_tie[t] < 0 && n_parts < 22) {
                part_p[n_parts] = g_array_index(net->eff, double, t);
                part_of_tie[t] = (int)n_parts++;
            } else if (part_of_tie[t] < 0) {
                *feasible = FALSE;
            }
            need[i] |= (guint64)1 << part_of_tie[t];
            if (j > 0 && factor < 1) {
                if (part_of_person[u] < 0 && n_parts < 22) {
                    part_p[n_parts] = factor;
                    part_of_person[u] = (int)n_parts++;
                } else if (part_of_person[u] < 0) {
                    *feasible = FALSE;
                }
                need[i] |= (guint64)1 << part_of_person[u];
            }
        }
    }
    if (!*feasible)
        return 0;
    double sum = 0;
    for (guint64 outcome = 0; outcome < ((guint64)1 << n_parts); outcome++) {
        gboolean any = FALSE;
        for (guint i = 0; i < paths->len && !any; i++)
            any = (need[i] & outcome) == need[i];
        if (!any)
            continue;
        double p = 1;
        for (guint k = 0; k < n_parts; k++)
            p *= outcome & ((guint64)1 << k) ? part_p[k] : 1 - part_p[k];
        sum += p;
    }
    return sum;
}

/* A random network loaded into the library, with sellers and a target drawn from it. */
typedef struct {
    Net net;
    WpGraph *graph;     /* = the scoring's */
    WpScoring *scoring; /* owned */
    guint sv[3];        /* sellers as vertices */
    WpPerson sellers[3];
    guint n_sellers;
    guint tv;
    WpPerson target;
    double factor;
} Case;

static void make_case(GRand *rand, const WpModel *model, gboolean directed, guint max_sellers,
                      Case *c)
{
    guint n = (guint)g_rand_int_range(rand, 4, MAX_N);
    random_net(rand, n, n * 2 + (guint)g_rand_int_range(rand, 0, (gint32)n), directed, model,
               &c->net);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph =
        wp_graph_load_from_data(c->net.ties_csv, c->net.people_csv, 0, &error);
    g_assert_no_error(error);
    c->scoring = wp_scoring_new(graph, model, AS_OF, NULL);
    c->graph = graph;
    c->factor = wp_model_intermediary_factor(model);
    gboolean used[MAX_N] = {FALSE};
    c->n_sellers = (guint)g_rand_int_range(rand, 1, (gint32)max_sellers + 1);
    for (guint i = 0; i < c->n_sellers; i++) {
        guint v;
        do
            v = (guint)g_rand_int_range(rand, 0, (gint32)n);
        while (used[v]);
        used[v] = TRUE;
        c->sv[i] = v;
        g_autofree char *id = g_strdup_printf("v%u", v);
        c->sellers[i] = wp_graph_find_id(c->graph, id);
    }
    do
        c->tv = (guint)g_rand_int_range(rand, 0, (gint32)n);
    while (used[c->tv]);
    g_autofree char *id = g_strdup_printf("v%u", c->tv);
    c->target = wp_graph_find_id(c->graph, id);
}

static void case_clear(Case *c)
{
    wp_scoring_unref(c->scoring);
    net_clear(&c->net);
}

/* The direct ties: one per seller tied to the target, flagged strong or not as computed here. */
static void check_direct(const Case *c, const WpPathSet *set)
{
    guint expect = 0;
    for (guint i = 0; i < c->n_sellers; i++)
        expect += c->net.arc[c->sv[i]][c->tv] != NO_TIE;
    g_assert_cmpuint(set->direct->len, ==, expect);
    for (guint i = 0; i < set->direct->len; i++) {
        const WpDirectTie *d = &g_array_index(set->direct, WpDirectTie, i);
        int t = c->net.arc[vertex(c->graph, d->seller)][c->tv];
        g_assert_cmpint(t, !=, NO_TIE);
        g_assert_cmpfloat_with_epsilon(d->strength, g_array_index(c->net.eff, double, t), 1e-12);
        g_assert_cmpint(wp_direct_tie_is_strong(d), ==,
                        !g_array_index(c->net.not_strong, gboolean, t));
    }
}

static void check_at_least_one(const Case *c, const WpPathSet *set)
{
    gboolean feasible;
    double expect = at_least_one_by_outcomes(&c->net, c->graph, set->paths, c->factor, &feasible);
    if (feasible && set->at_least_one_exact)
        g_assert_cmpfloat_with_epsilon(set->at_least_one, expect, 1e-9);
}

/* An empty answer comes with the best path beyond the limits: the best of all simple paths
 * but the direct ties (a seller's own tie to the target is not hidden by the limits). */
static void check_hint(const Case *c, const WpPathSet *set)
{
    if (set->paths->len > 0) {
        g_assert_cmpuint(set->unconstrained.n_people, ==, 0);
        return;
    }
    g_autoptr(GArray) any = all_simple_paths(&c->net, c->sv, c->n_sellers, c->tv, 0, c->factor);
    const Simple *best = NULL;
    for (guint i = 0; i < any->len && best == NULL; i++)
        if (g_array_index(any, Simple, i).n > 2)
            best = &g_array_index(any, Simple, i);
    if (best == NULL) {
        g_assert_cmpuint(set->unconstrained.n_people, ==, 0);
        return;
    }
    g_assert_cmpuint(set->unconstrained.n_people, >, 2);
    check_path(&c->net, c->scoring, &set->unconstrained, c->sv, c->n_sellers, c->tv, 0, c->factor);
    g_assert_cmpfloat_with_epsilon(set->unconstrained.probability, best->p, 1e-9);
}

/* --all-paths: the k best simple paths, compared by rank with the enumeration. */
static void check_all_paths(const Case *c, const WpPathQuery *q)
{
    g_autoptr(GArray) all =
        all_simple_paths(&c->net, c->sv, c->n_sellers, c->tv, q->max_hops, c->factor);
    guint above = 0;
    while (above < all->len && g_array_index(all, Simple, above).p >= q->min_probability)
        above++;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find(c->scoring, NULL, c->sellers, c->n_sellers, c->target, q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, MIN(q->k, above));
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        check_path(&c->net, c->scoring, path, c->sv, c->n_sellers, c->tv, q->max_hops, c->factor);
        g_assert_cmpfloat_with_epsilon(path->probability, g_array_index(all, Simple, i).p, 1e-9);
        for (guint j = 0; j < i; j++) {
            const WpPath *other = &g_array_index(set->paths, WpPath, j);
            g_assert_false(other->n_people == path->n_people &&
                           memcmp(other->people, path->people, sizeof(WpPerson) * path->n_people) ==
                               0);
        }
    }
    check_direct(c, set);
    check_at_least_one(c, set);
    check_hint(c, set);
}

/* Default mode: the strong direct ties alone when there is one (nobody asks for an introduction
 * to someone they can just ask); otherwise per referral source the best path through it, and
 * no direct tie among the paths (a weak or cold one is reported, not counted). */
static void check_sources(const Case *c, const WpPathQuery *q)
{
    g_autoptr(GArray) all =
        all_simple_paths(&c->net, c->sv, c->n_sellers, c->tv, q->max_hops, c->factor);
    double best[MAX_N];
    for (guint v = 0; v < MAX_N; v++)
        best[v] = -1;
    for (guint i = 0; i < all->len; i++) {
        const Simple *s = &g_array_index(all, Simple, i);
        if (s->n > 2 && s->p > best[s->people[1]])
            best[s->people[1]] = s->p;
    }
    GArray *ranked = g_array_new(FALSE, FALSE, sizeof(Simple));
    for (guint v = 0; v < MAX_N; v++)
        if (best[v] >= 0 && best[v] >= q->min_probability) {
            Simple s = {best[v], 2, {0, v}};
            g_array_append_val(ranked, s);
        }
    g_array_sort(ranked, by_p_desc);
    guint n_strong = 0;
    for (guint i = 0; i < c->n_sellers; i++) {
        int t = c->net.arc[c->sv[i]][c->tv];
        n_strong += t != NO_TIE && !g_array_index(c->net.not_strong, gboolean, t);
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find(c->scoring, NULL, c->sellers, c->n_sellers, c->target, q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpint(set->direct_answer, ==, n_strong > 0);
    guint direct = 0, rank = 0;
    gboolean source_seen[MAX_N] = {FALSE};
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        check_path(&c->net, c->scoring, path, c->sv, c->n_sellers, c->tv, q->max_hops, c->factor);
        if (i > 0)
            g_assert_cmpfloat(g_array_index(set->paths, WpPath, i - 1).probability, >=,
                              path->probability);
        if (path->n_people == 2) {
            int t = c->net.arc[vertex(c->graph, path->seller)][c->tv];
            g_assert_false(g_array_index(c->net.not_strong, gboolean, t));
            direct++;
            continue;
        }
        guint source = vertex(c->graph, path->people[1]);
        g_assert_false(source_seen[source]);
        source_seen[source] = TRUE;
        g_assert_cmpfloat_with_epsilon(path->probability, best[source], 1e-9);
        g_assert_cmpuint(rank, <, ranked->len);
        g_assert_cmpfloat_with_epsilon(path->probability, g_array_index(ranked, Simple, rank).p,
                                       1e-9);
        rank++;
    }
    g_assert_cmpuint(direct, ==, n_strong);
    g_assert_cmpuint(rank, ==, n_strong > 0 ? 0 : MIN(q->k, ranked->len));
    g_array_unref(ranked);
    check_direct(c, set);
    check_at_least_one(c, set);
    check_hint(c, set);
}

typedef void (*CheckFunc)(const Case *c, const WpPathQuery *q);

/* Many random networks and queries for @check. */
static void check_random(CheckFunc check, gboolean raw, guint max_sellers, gboolean with_floor,
                         guint32 seed)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
    g_autoptr(WpModel) model = raw ? wp_model_new_raw() : wp_model_new_default();
    for (guint round = 0; round < 150; round++) {
        Case c;
        make_case(rand, model, round % 2 == 1, max_sellers, &c);
        WpPathQuery q = WP_PATH_QUERY_INIT;
        q.k = (guint)g_rand_int_range(rand, 1, 9);
        q.max_hops = (guint)g_rand_int_range(rand, 0, 6);
        q.min_probability = with_floor ? g_rand_double_range(rand, 0, 0.3) : 0;
        q.all_paths = check == check_all_paths;
        check(&c, &q);
        case_clear(&c);
    }
}

static void test_all_paths_raw(void)
{
    check_random(check_all_paths, TRUE, 1, FALSE, 1);
}

static void test_all_paths_default_model(void)
{
    check_random(check_all_paths, FALSE, 1, FALSE, 2);
}

static void test_all_paths_multi_seller(void)
{
    check_random(check_all_paths, TRUE, 3, FALSE, 3);
    check_random(check_all_paths, FALSE, 3, FALSE, 4);
}

static void test_all_paths_min_probability(void)
{
    check_random(check_all_paths, TRUE, 2, TRUE, 5);
    check_random(check_all_paths, FALSE, 2, TRUE, 6);
}

static void test_sources_raw(void)
{
    check_random(check_sources, TRUE, 1, FALSE, 11);
}

static void test_sources_default_model(void)
{
    check_random(check_sources, FALSE, 1, FALSE, 12);
}

static void test_sources_multi_seller(void)
{
    check_random(check_sources, TRUE, 3, FALSE, 13);
    check_random(check_sources, FALSE, 3, FALSE, 14);
}

static void test_sources_min_probability(void)
{
    check_random(check_sources, TRUE, 2, TRUE, 15);
    check_random(check_sources, FALSE, 2, TRUE, 16);
}

/* igraph's k shortest paths (Yen's algorithm, no hop limit) as a second reference for the raw
 * model: weights -ln(declared strength) from the test's own records. */
static void test_all_paths_igraph(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(21);
    g_autoptr(WpModel) model = wp_model_new_raw();
    wp_i_igraph_init();
    for (guint round = 0; round < 100; round++) {
        Case c;
        make_case(rand, model, FALSE, 1, &c);
        igraph_t ig;
        g_autoptr(GError) error = NULL;
        g_assert_true(wp_i_igraph_from_graph(c.graph, &ig, &error));
        g_auto(igraph_vector_t) weights = WP_IGRAPH_VECTOR_NULL;
        igraph_vector_init(&weights, wp_graph_n_ties(c.graph));
        for (WpTie t = 0; t < wp_graph_n_ties(c.graph); t++) {
            WpTieInfo info;
            wp_graph_tie_info(c.graph, t, &info);
            int mine = c.net.arc[vertex(c.graph, info.source)][vertex(c.graph, info.target)];
            VECTOR(weights)[t] = -log(g_array_index(c.net.eff, double, mine));
        }
        guint k = (guint)g_rand_int_range(rand, 1, 9);
        igraph_vector_int_list_t vpaths;
        igraph_vector_int_list_init(&vpaths, 0);
        g_assert_cmpint(igraph_get_k_shortest_paths(&ig, &weights, &vpaths, NULL, k, c.sellers[0],
                                                    c.target, IGRAPH_ALL),
                        ==, IGRAPH_SUCCESS);
        WpPathQuery q = {k, 0, 0.0, TRUE};
        g_autoptr(WpPathSet) set =
            wp_path_find(c.scoring, NULL, c.sellers, 1, c.target, &q, NULL, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(set->paths->len, ==, igraph_vector_int_list_size(&vpaths));
        for (guint i = 0; i < set->paths->len; i++) {
            const igraph_vector_int_t *vp = igraph_vector_int_list_get_ptr(&vpaths, i);
            double p = 1;
            for (igraph_integer_t j = 0; j + 1 < igraph_vector_int_size(vp); j++) {
                guint u = vertex(c.graph, (WpPerson)VECTOR(*vp)[j]);
                guint v = vertex(c.graph, (WpPerson)VECTOR(*vp)[j + 1]);
                p *= g_array_index(c.net.eff, double, c.net.arc[u][v]);
            }
            g_assert_cmpfloat_with_epsilon(g_array_index(set->paths, WpPath, i).probability, p,
                                           1e-9);
        }
        igraph_vector_int_list_destroy(&vpaths);
        igraph_destroy(&ig);
        case_clear(&c);
    }
}

/* A long ladder for Yen's spurs: segments v_i -> a_i -> v_(i+1) (ties 1.0) and v_i -> b_i ->
 * v_(i+1) (r_i, then 1.0), r_i = 0.5 + 0.004 (i mod 100). Raw model. The best path takes every
 * a-branch (1); the next ones take the b-branch in exactly one segment, the largest r first
 * (two b-branches give at most 0.896^2 < 0.8). 500 segments make the paths 1,000 hops long,
 * so every found path has 1,000 spurs whose roots share ever shorter prefixes with the others. */
static void test_all_paths_long_ladder(void)
{
    const guint segments = 500;
    g_autoptr(GString) csv = g_string_new("source,target,strength\n");
    for (guint i = 0; i < segments; i++) {
        double r = 0.5 + 0.004 * (i % 100);
        g_string_append_printf(csv, "v%u,a%u,1.0\na%u,v%u,1.0\nv%u,b%u,%.3f\nb%u,v%u,1.0\n", i, i,
                               i, i + 1, i, i, r, i, i + 1);
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(csv->str, NULL, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) sc = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    WpPerson s = wp_graph_find_id(g, "v0");
    g_autofree char *last = g_strdup_printf("v%u", segments);
    WpPathQuery q = {6, 0, 0.0, TRUE};
    g_autoptr(WpPathSet) set =
        wp_path_find(sc, NULL, &s, 1, wp_graph_find_id(g, last), &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 6);
    /* r = 0.896 (i mod 100 = 99) occurs in 5 segments: the 2nd to 6th paths are 5 of them. */
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        g_assert_cmpuint(path->n_people, ==, 2 * segments + 1);
        g_assert_cmpfloat_with_epsilon(path->probability, i == 0 ? 1.0 : 0.896, 1e-12);
        guint b_branches = 0;
        for (guint j = 1; j < path->n_people; j += 2)
            b_branches += wp_graph_person_id(g, path->people[j])[0] == 'b';
        g_assert_cmpuint(b_branches, ==, i == 0 ? 0 : 1);
        for (guint j = 0; j < i; j++) /* all different */
            g_assert_cmpint(memcmp(path->people, g_array_index(set->paths, WpPath, j).people,
                                   sizeof(WpPerson) * path->n_people),
                            !=, 0);
    }
}

/* A network worked by hand under the default model, as of 2026-01-01 (no interaction counts,
 * so no boost). Effective strengths:
 *   s-a 0.8 dated that day: 0.8          a-t 0.9 undated: 0.9 x 0.85 = 0.765
 *   s-b friend, no strength, 730 days old: prior 0.75 x (0.35 + 0.65 / 2) = 0.50625
 *   b-t 1.0 that day, never interacted: 1.0 x 0.6 = 0.6
 *   s-c 0.5, c-d 0.8, d-t 0.5, c-a 0.9, all dated that day: as declared
 * Paths (x 0.75 per go-between):
 *   s-a-t     0.8 x 0.765 x 0.75                = 0.459
 *   s-b-t     0.50625 x 0.6 x 0.75              = 0.2278125
 *   s-c-a-t   0.5 x 0.9 x 0.765 x 0.75^2        = 0.193640625
 *   s-a-c-d-t 0.8 x 0.9 x 0.8 x 0.5 x 0.75^3    = 0.1215
 *   s-c-d-t   0.5 x 0.8 x 0.5 x 0.75^2          = 0.1125 */
static const char hand_ties[] = "source,target,strength,type,last_contact,interactions\n"
                                "s,a,0.8,client,2026-01-01,\n"
                                "a,t,0.9,colleague,,\n"
                                "s,b,,friend,2024-01-02,\n"
                                "b,t,1.0,family,2026-01-01,0\n"
                                "s,c,0.5,client,2026-01-01,\n"
                                "c,d,0.8,colleague,2026-01-01,\n"
                                "d,t,0.5,colleague,2026-01-01,\n"
                                "c,a,0.9,friend,2026-01-01,\n";

static WpScoring *hand_scoring(const char *extra_ties)
{
    g_autofree char *csv = g_strconcat(hand_ties, extra_ties, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(csv, NULL, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    return wp_scoring_new(g, model, AS_OF, NULL);
}

static void assert_path(const WpGraph *g, const WpPath *path, const char *ids, double p)
{
    g_auto(GStrv) want = g_strsplit(ids, "-", -1);
    g_assert_cmpuint(path->n_people, ==, g_strv_length(want));
    for (guint i = 0; i < path->n_people; i++)
        g_assert_cmpstr(wp_graph_person_id(g, path->people[i]), ==, want[i]);
    g_assert_cmpfloat_with_epsilon(path->probability, p, 1e-12);
}

static WpPathSet *hand_find(const WpScoring *sc, guint k, guint max_hops, double floor,
                            gboolean all_paths)
{
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s = wp_graph_find_id(g, "s");
    WpPathQuery q = {k, max_hops, floor, all_paths};
    g_autoptr(GError) error = NULL;
    WpPathSet *set = wp_path_find(sc, NULL, &s, 1, wp_graph_find_id(g, "t"), &q, NULL, &error);
    g_assert_no_error(error);
    return set;
}

static void test_hand_sources(void)
{
    g_autoptr(WpScoring) sc = hand_scoring("");
    const WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(WpPathSet) set = hand_find(sc, 5, 4, 0.01, FALSE);
    g_assert_cmpuint(set->paths->len, ==, 3);
    assert_path(g, &g_array_index(set->paths, WpPath, 0), "s-a-t", 0.459);
    assert_path(g, &g_array_index(set->paths, WpPath, 1), "s-b-t", 0.2278125);
    assert_path(g, &g_array_index(set->paths, WpPath, 2), "s-c-a-t", 0.193640625);
    g_assert_cmpuint(set->direct->len, ==, 0);
    /* s-a-t and s-c-a-t share the tie a-t and the go-between a. With A, B, C the three paths:
     * P(A or B or C) = A + B + C - AB - P(A and C) - BC + B P(A and C), where A and B share
     * nothing, and P(A and C) = 0.8 x 0.765 x 0.75 x 0.5 x 0.9 x 0.75 (a-t and a counted once). */
    double a = 0.459, b = 0.2278125, c = 0.193640625, ac = 0.8 * 0.765 * 0.75 * 0.5 * 0.9 * 0.75;
    g_assert_true(set->at_least_one_exact);
    g_assert_cmpfloat_with_epsilon(set->at_least_one, a + b + c - a * b - ac - b * c + b * ac,
                                   1e-12);

    g_autoptr(WpPathSet) two_hops = hand_find(sc, 5, 2, 0.01, FALSE);
    g_assert_cmpuint(two_hops->paths->len, ==, 2);
    assert_path(g, &g_array_index(two_hops->paths, WpPath, 1), "s-b-t", 0.2278125);
    /* Paths sharing nothing: 1 - (1 - A)(1 - B). */
    g_assert_cmpfloat_with_epsilon(two_hops->at_least_one, 1 - (1 - a) * (1 - b), 1e-12);

    g_autoptr(WpPathSet) floored = hand_find(sc, 5, 4, 0.2, FALSE);
    g_assert_cmpuint(floored->paths->len, ==, 2);
    g_autoptr(WpPathSet) one = hand_find(sc, 1, 4, 0.01, FALSE);
    g_assert_cmpuint(one->paths->len, ==, 1);
    assert_path(g, &g_array_index(one->paths, WpPath, 0), "s-a-t", 0.459);
}

static void test_hand_all_paths(void)
{
    g_autoptr(WpScoring) sc = hand_scoring("");
    const WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(WpPathSet) set = hand_find(sc, 10, 4, 0, TRUE);
    g_assert_cmpuint(set->paths->len, ==, 5);
    assert_path(g, &g_array_index(set->paths, WpPath, 0), "s-a-t", 0.459);
    assert_path(g, &g_array_index(set->paths, WpPath, 1), "s-b-t", 0.2278125);
    assert_path(g, &g_array_index(set->paths, WpPath, 2), "s-c-a-t", 0.193640625);
    assert_path(g, &g_array_index(set->paths, WpPath, 3), "s-a-c-d-t", 0.1215);
    assert_path(g, &g_array_index(set->paths, WpPath, 4), "s-c-d-t", 0.1125);
    g_autoptr(WpPathSet) three_hops = hand_find(sc, 10, 3, 0, TRUE);
    g_assert_cmpuint(three_hops->paths->len, ==, 4); /* s-a-c-d-t needs 4 */
    assert_path(g, &g_array_index(three_hops->paths, WpPath, 3), "s-c-d-t", 0.1125);
}

/* A seller's direct tie to the target, by hand (the profile's weak_tie_below is 0.30 and
 * cold_after_days 730). Strong (s-t 0.30 that day, exactly at the threshold): the answer is the
 * direct tie alone, whatever k, the floor or the hop limit. Weak, cold or never used: the three
 * referral sources of test_hand_sources(), the direct tie reported but not among the paths. */
static void test_hand_direct(void)
{
    g_autoptr(WpScoring) sc = hand_scoring("s,t,0.3,vendor,2026-01-01,\n");
    const WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(WpPathSet) set = hand_find(sc, 5, 4, 0.01, FALSE);
    g_assert_cmpuint(set->direct->len, ==, 1);
    const WpDirectTie *d = &g_array_index(set->direct, WpDirectTie, 0);
    g_assert_cmpstr(wp_graph_person_id(g, d->seller), ==, "s");
    g_assert_cmpfloat_with_epsilon(d->strength, 0.3, 1e-12);
    g_assert_cmpuint(d->flags, ==, 0);
    g_assert_true(set->direct_answer);
    g_assert_cmpuint(set->paths->len, ==, 1);
    assert_path(g, &g_array_index(set->paths, WpPath, 0), "s-t", 0.3);
    g_assert_cmpfloat_with_epsilon(set->at_least_one, 0.3, 1e-12); /* its own figure */
    g_autoptr(WpPathSet) high = hand_find(sc, 1, 4, 0.35, FALSE);  /* under the floor */
    g_assert_cmpuint(high->paths->len, ==, 1);
    assert_path(g, &g_array_index(high->paths, WpPath, 0), "s-t", 0.3);
    g_autoptr(WpPathSet) one_hop = hand_find(sc, 5, 1, 0.01, FALSE);
    g_assert_cmpuint(one_hop->paths->len, ==, 1);
    /* --all-paths is the plain k best: the direct tie is one of them, in its place. */
    g_autoptr(WpPathSet) all = hand_find(sc, 3, 4, 0, TRUE);
    g_assert_false(all->direct_answer);
    g_assert_cmpuint(all->paths->len, ==, 3);
    assert_path(g, &g_array_index(all->paths, WpPath, 0), "s-a-t", 0.459);
    assert_path(g, &g_array_index(all->paths, WpPath, 1), "s-t", 0.3);

    const struct {
        const char *tie;
        guint flags;
        double strength;
    } weak[] = {
        {"s,t,0.29,vendor,2026-01-01,\n", WP_DIRECT_WEAK, 0.29},
        /* 1,096 days: 0.9 x (0.35 + 0.65 x 2^(-1096/730)) */
        {"s,t,0.9,client,2023-01-01,\n", WP_DIRECT_COLD, 0.9 * (0.35 + 0.65 * exp2(-1096.0 / 730))},
        {"s,t,0.9,client,2026-01-01,0\n", WP_DIRECT_NEVER, 0.9 * 0.6},
        /* the demo's dead tie: LinkedIn only, 2,614 days */
        {"s,t,0.1,social,2018-11-05,\n", WP_DIRECT_WEAK | WP_DIRECT_COLD,
         0.1 * (0.35 + 0.65 * exp2(-2614.0 / 730))},
    };
    for (guint i = 0; i < G_N_ELEMENTS(weak); i++) {
        g_autoptr(WpScoring) wsc = hand_scoring(weak[i].tie);
        const WpGraph *wg = wp_scoring_graph(wsc);
        g_autoptr(WpPathSet) ws = hand_find(wsc, 5, 4, 0.01, FALSE);
        g_assert_cmpuint(ws->direct->len, ==, 1);
        d = &g_array_index(ws->direct, WpDirectTie, 0);
        g_assert_cmpuint(d->flags, ==, weak[i].flags);
        g_assert_false(wp_direct_tie_is_strong(d));
        g_assert_cmpfloat_with_epsilon(d->strength, weak[i].strength, 1e-12);
        g_assert_false(ws->direct_answer);
        g_assert_cmpuint(ws->paths->len, ==, 3);
        assert_path(wg, &g_array_index(ws->paths, WpPath, 0), "s-a-t", 0.459);
        assert_path(wg, &g_array_index(ws->paths, WpPath, 1), "s-b-t", 0.2278125);
        assert_path(wg, &g_array_index(ws->paths, WpPath, 2), "s-c-a-t", 0.193640625);
        /* The combined figure is the three introductions' (test_hand_sources()), not 4. */
        double a = 0.459, b = 0.2278125, c = 0.193640625,
               ac = 0.8 * 0.765 * 0.75 * 0.5 * 0.9 * 0.75;
        g_assert_cmpfloat_with_epsilon(ws->at_least_one, a + b + c - a * b - ac - b * c + b * ac,
                                       1e-12);
    }
}

/* Acme people t (5 hops away), u and w (near), x (no ties); everything dated the as-of day with
 * a declared strength, so effective = declared. */
static const char acme_people[] = "id,name,company,title\n"
                                  "s,Sam Seller,Warmpath,AE\n"
                                  "a,Ann A,Other,\nb,Ben B,Other,\nc,Cat C,Other,\nd,Dan D,Other,\n"
                                  "t,Tia Target,Acme,VP Finance\n"
                                  "u,Uma U,Acme,CFO\n"
                                  "w,Wil W,Acme Holdings,Engineer\n"
                                  "x,Xan X,Acme,COO\n";
static const char acme_ties[] = "source,target,strength,last_contact\n"
                                "s,a,0.9,2026-01-01\na,b,0.9,2026-01-01\nb,c,0.9,2026-01-01\n"
                                "c,d,0.9,2026-01-01\nd,t,0.9,2026-01-01\n"
                                "a,u,0.8,2026-01-01\nu,w,0.5,2026-01-01\n";

static WpScoring *acme_scoring(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(acme_ties, acme_people, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    return wp_scoring_new(g, model, AS_OF, NULL);
}

static void test_no_path_hints(void)
{
    g_autoptr(WpScoring) sc = acme_scoring();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s = wp_graph_find_id(g, "s");
    WpPathQuery q = {5, 4, 0.01, FALSE};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find(sc, NULL, &s, 1, wp_graph_find_id(g, "t"), &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 0);
    g_assert_cmpfloat(set->at_least_one, ==, 0);
    /* Beyond the limit: 5 hops, 0.9^5 x 0.75^4. */
    assert_path(g, &set->unconstrained, "s-a-b-c-d-t", pow(0.9, 5) * pow(0.75, 4));
    /* Colleagues at Acme (an exact company match: not Acme Holdings): u only; x has no ties. */
    g_assert_cmpuint(set->suggestions->len, ==, 1);
    assert_path(g, &g_array_index(set->suggestions, WpPath, 0), "s-a-u", 0.9 * 0.8 * 0.75);

    g_autoptr(WpPathSet) lonely =
        wp_path_find(sc, NULL, &s, 1, wp_graph_find_id(g, "x"), &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(lonely->paths->len, ==, 0);
    g_assert_cmpuint(lonely->unconstrained.n_people, ==, 0);
    g_assert_cmpuint(lonely->suggestions->len, ==, 1);

    /* The same in --all-paths mode. */
    q.all_paths = TRUE;
    g_autoptr(WpPathSet) yen =
        wp_path_find(sc, NULL, &s, 1, wp_graph_find_id(g, "t"), &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(yen->paths->len, ==, 0);
    g_assert_cmpuint(yen->unconstrained.n_people, ==, 6);
}

static void test_into_company(void)
{
    g_autoptr(WpScoring) sc = acme_scoring();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s = wp_graph_find_id(g, "s");
    WpPathQuery q = {0, 4, 0.01, FALSE};
    g_autoptr(GError) error = NULL;
    /* "acme" matches Acme exactly (t, u, x), so not Acme Holdings. */
    g_autoptr(WpPathSet) set =
        wp_path_find_into_company(sc, NULL, &s, 1, "  ACME ", NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 1);
    assert_path(g, &g_array_index(set->paths, WpPath, 0), "s-a-u", 0.9 * 0.8 * 0.75);
    g_assert_cmpuint(set->target, ==, WP_PERSON_NONE);

    q.max_hops = 5;
    g_autoptr(WpPathSet) far =
        wp_path_find_into_company(sc, NULL, &s, 1, "acme", NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(far->paths->len, ==, 2);
    assert_path(g, &g_array_index(far->paths, WpPath, 1), "s-a-b-c-d-t",
                pow(0.9, 5) * pow(0.75, 4));

    /* Legal forms do not matter: "Acme Holdings, Inc." is Acme Holdings (w). */
    g_autoptr(WpPathSet) holdings =
        wp_path_find_into_company(sc, NULL, &s, 1, "Acme Holdings, Inc.", NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(holdings->paths->len, ==, 1);
    assert_path(g, &g_array_index(holdings->paths, WpPath, 0), "s-a-u-w",
                0.9 * 0.8 * 0.5 * 0.75 * 0.75);
    /* A prefix is no account: it is refused, with the accounts it could mean attached (those
     * whose name it starts a word of, then those a typo away). */
    g_autoptr(WpPathSet) prefix =
        wp_path_find_into_company(sc, NULL, &s, 1, "acme h", NULL, &q, NULL, &error);
    g_assert_null(prefix);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
    guint n = 0;
    const WpCandidate *near = wp_error_get_candidates(error, &n);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmpstr(near[0].name, ==, "Acme Holdings");
    g_assert_cmpstr(near[1].name, ==, "Acme");
    g_clear_error(&error);

    const char *expr[] = {"title~vp"};
    g_autoptr(WpWhere) where = wp_where_parse(expr, 1, &error);
    g_assert_no_error(error);
    g_autoptr(WpPathSet) vp =
        wp_path_find_into_company(sc, NULL, &s, 1, "acme", where, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(vp->paths->len, ==, 1);
    assert_path(g, &g_array_index(vp->paths, WpPath, 0), "s-a-b-c-d-t", pow(0.9, 5) * pow(0.75, 4));

    q.k = 1;
    g_autoptr(WpPathSet) capped =
        wp_path_find_into_company(sc, NULL, &s, 1, "acme", NULL, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(capped->paths->len, ==, 1);

    g_autoptr(WpPathSet) none =
        wp_path_find_into_company(sc, NULL, &s, 1, "Nowhere", NULL, &q, NULL, &error);
    g_assert_null(none);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
    g_assert_nonnull(strstr(error->message, "'Nowhere'"));
}

static void test_errors(void)
{
    g_autoptr(WpScoring) sc = acme_scoring();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s = wp_graph_find_id(g, "s"), t = wp_graph_find_id(g, "t");
    WpPerson two[] = {s, s};
    WpPathQuery q = WP_PATH_QUERY_INIT;
    struct {
        const WpPerson *sellers;
        guint n;
        WpPerson target;
        WpPathQuery q;
        const char *message;
    } cases[] = {
        {&s, 1, s, q, "is the target and a seller"},
        {two, 2, t, q, "named twice"},
        {&s, 1, t, {0, 4, 0, FALSE}, "number of paths"},
        {&s, 1, t, {5, 4, 1.0, FALSE}, "not in [0, 1)"},
        {&s, 1, t, {5, WP_MAX_HOPS + 1, 0, FALSE}, "hop limit"},
        {&s, 0, t, q, "no seller"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpPathSet) set = wp_path_find(sc, NULL, cases[i].sellers, cases[i].n,
                                                cases[i].target, &cases[i].q, NULL, &error);
        g_assert_null(set);
        g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
        g_assert_nonnull(strstr(error->message, cases[i].message));
    }
}

/* The README's question. The planted story (datasets/demo/README.md): Priya Natarajan p00067 is
 * the strongest source, then Daniel Okafor p00008 and Tom Becker p00101 (via Rachel Kim). */
static void test_demo_bob_smith(void)
{
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) sc = demo_scoring(model);
    const WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(GError) error = NULL;
    WpPerson alice = wp_graph_resolve_person(g, "alice carter", NULL, &error);
    g_assert_no_error(error);
    WpPerson bob = wp_graph_resolve_person(g, "Bob Smith", "Acme", &error);
    g_assert_no_error(error);
    g_assert_cmpstr(wp_graph_person_id(g, bob), ==, "p00006");
    WpPathQuery q = WP_PATH_QUERY_INIT;
    q.min_probability = 0.01;
    g_autoptr(WpPathSet) set = wp_path_find(sc, NULL, &alice, 1, bob, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 5);
    g_assert_cmpuint(set->direct->len, ==, 0);
    g_autoptr(GHashTable) sources = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        g_assert_cmpuint(path->people[path->n_people - 1], ==, bob);
        g_assert_true(g_hash_table_add(sources, (gpointer)wp_graph_person_id(g, path->people[1])));
        g_assert_cmpfloat_with_epsilon(
            path->probability, wp_scoring_path_probability(sc, path->people, path->n_people),
            1e-12);
    }
    g_assert_cmpuint(g_hash_table_size(sources), >=, 4);
    const WpPath *best = &g_array_index(set->paths, WpPath, 0);
    g_assert_cmpstr(wp_graph_person_id(g, best->people[1]), ==, "p00067");
    g_assert_true(g_hash_table_contains(sources, "p00008"));
    g_assert_true(g_hash_table_contains(sources, "p00101"));
    g_assert_cmpfloat(set->at_least_one, >, best->probability);

    /* Raw model, --all-paths: ties without a declared strength count as 1, so the best path is
     * at least as good as Alice -> Priya -> Bob at 0.92 x 0.8. */
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) raw_sc = wp_scoring_new(wp_scoring_graph(sc), raw, WP_DAY_NONE, NULL);
    WpPathQuery all = {3, 4, 0, TRUE};
    g_autoptr(WpPathSet) yen = wp_path_find(raw_sc, NULL, &alice, 1, bob, &all, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(yen->paths->len, ==, 3);
    g_assert_cmpfloat(g_array_index(yen->paths, WpPath, 0).probability, >=, 0.92 * 0.8 - 1e-12);
    for (guint i = 1; i < yen->paths->len; i++)
        g_assert_cmpfloat(g_array_index(yen->paths, WpPath, i - 1).probability, >=,
                          g_array_index(yen->paths, WpPath, i).probability);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/path/all-paths/raw", test_all_paths_raw);
    g_test_add_func("/path/all-paths/default-model", test_all_paths_default_model);
    g_test_add_func("/path/all-paths/multi-seller", test_all_paths_multi_seller);
    g_test_add_func("/path/all-paths/min-probability", test_all_paths_min_probability);
    g_test_add_func("/path/all-paths/igraph", test_all_paths_igraph);
    g_test_add_func("/path/all-paths/long-ladder", test_all_paths_long_ladder);
    g_test_add_func("/path/sources/raw", test_sources_raw);
    g_test_add_func("/path/sources/default-model", test_sources_default_model);
    g_test_add_func("/path/sources/multi-seller", test_sources_multi_seller);
    g_test_add_func("/path/sources/min-probability", test_sources_min_probability);
    g_test_add_func("/path/hand/sources", test_hand_sources);
    g_test_add_func("/path/hand/all-paths", test_hand_all_paths);
    g_test_add_func("/path/hand/direct", test_hand_direct);
    g_test_add_func("/path/no-path-hints", test_no_path_hints);
    g_test_add_func("/path/into-company", test_into_company);
    g_test_add_func("/path/errors", test_errors);
    g_test_add_func("/path/demo/bob-smith", test_demo_bob_smith);
    return g_test_run();
}
