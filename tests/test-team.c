/* SPDX-License-Identifier: MIT */
/* The team rules (docs/paths.md "Teammates") against an enumeration written here from the rules
 * alone, on small random networks whose people file marks sellers of two teams:
 *   - sellers of one team are tied by the team tie (0.90), or by their row when it is stronger;
 *   - an asking seller only starts a path; another seller (a fellow seller) is only ever the
 *     first person asked, or the person to reach;
 *   - a direct tie (row or team tie) that is strong is the whole default answer.
 * Under the raw model none of this applies (checked against the same enumeration with no
 * teams). */
#include <warmpath/warmpath.h>

#include <math.h>
#include <string.h>

#define MAX_N 9
#define TEAM_TIE 0.9
#define WEAK_BELOW 0.3
#define COLD_AFTER 730

static const WpDay AS_OF = 20454; /* 2026-01-01 */

typedef struct {
    guint n;
    double w[MAX_N][MAX_N];               /* effective strength of the row u -> v, 0 = none */
    gboolean cold_or_never[MAX_N][MAX_N]; /* the row's last contact is old, or interactions 0 */
    int team[MAX_N];                      /* -1: not a seller; else the team's number */
    char *ties_csv;
    char *people_csv;
} Net;

static void net_clear(Net *net)
{
    g_free(net->ties_csv);
    g_free(net->people_csv);
}

/* Random typed, dated ties among v0..v(n-1); about half the people are sellers of team t0 or
 * t1 (written "t0", "t1", or "yes" = team "team" for none of them here). */
static void random_net(GRand *rand, guint n, guint m, const WpModel *model, Net *net)
{
    memset(net, 0, sizeof *net);
    net->n = n;
    GString *people = g_string_new("id,name,team\n");
    for (guint i = 0; i < n; i++) {
        net->team[i] = g_rand_int_range(rand, 0, 4) - 2 < 0 ? -1 : g_rand_int_range(rand, 0, 2);
        g_string_append_printf(people, "v%u,Person %c,%s\n", i, 'A' + i,
                               net->team[i] < 0    ? ""
                               : net->team[i] == 0 ? "t0"
                                                   : "t1");
    }
    GString *csv = g_string_new("source,target,strength,type,last_contact,interactions,directed\n");
    for (guint k = 0; k < m; k++) {
        guint a = (guint)g_rand_int_range(rand, 0, (gint32)n);
        guint b = (guint)g_rand_int_range(rand, 0, (gint32)n);
        if (a == b || net->w[a][b] > 0 || net->w[b][a] > 0)
            continue;
        WpTieInfo info = {.declared = NAN, .last_contact = WP_DAY_NONE, .interactions = -1};
        WpTieType type = (WpTieType)g_rand_int_range(rand, 0, WP_TIE_OTHER);
        info.types = WP_TIE_TYPE_BIT(type);
        g_autofree char *strength = g_strdup("");
        g_autofree char *day = g_strdup("");
        g_autofree char *count = g_strdup("");
        if (g_rand_boolean(rand)) {
            info.declared = g_rand_int_range(rand, 5, 101) / 100.0;
            g_free(strength);
            strength = g_strdup_printf("%.2f", info.declared);
        }
        if (g_rand_int_range(rand, 0, 4) > 0) {
            info.last_contact = AS_OF - g_rand_int_range(rand, 0, 2000);
            char buf[11];
            wp_day_format(info.last_contact, buf);
            g_free(day);
            day = g_strdup(buf);
        }
        if (g_rand_boolean(rand)) {
            info.interactions =
                g_rand_int_range(rand, 0, 8) == 0 ? 0 : g_rand_int_range(rand, 1, 60);
            g_free(count);
            count = g_strdup_printf("%d", info.interactions);
        }
        gboolean dir = g_rand_int_range(rand, 0, 4) == 0;
        double eff = wp_model_tie_strength(model, &info, AS_OF, NULL);
        gboolean dead = info.interactions == 0 || (info.last_contact != WP_DAY_NONE &&
                                                   AS_OF - info.last_contact > COLD_AFTER);
        net->w[a][b] = eff;
        net->cold_or_never[a][b] = dead;
        if (!dir) {
            net->w[b][a] = eff;
            net->cold_or_never[b][a] = dead;
        }
        g_string_append_printf(csv, "v%u,v%u,%s,%s,%s,%s,%d\n", a, b, strength,
                               wp_tie_type_name(type), day, count, dir);
    }
    net->ties_csv = g_string_free(csv, FALSE);
    net->people_csv = g_string_free(people, FALSE);
}

/* One simple path the enumeration found. */
typedef struct {
    double p;
    guint n;
    guint people[MAX_N];
} Simple;

typedef struct {
    const Net *net;
    gboolean teams; /* the team rules hold (default model) */
    gboolean asking[MAX_N];
    guint target;
    guint max_hops;
    double factor;
    guint path[MAX_N];
    gboolean on[MAX_N];
    GArray *out;
} Enum;

static gboolean fellow(const Enum *e, guint v)
{
    return e->teams && e->net->team[v] >= 0 && !e->asking[v];
}

/* The first hop from seller @s to @v by the rules: the row, or the team tie when both are
 * sellers of one team and it is stronger. 0 when there is neither. */
static double first_hop(const Net *net, gboolean teams, guint s, guint v, gboolean *team)
{
    double row = net->w[s][v];
    *team = teams && s != v && net->team[s] >= 0 && net->team[s] == net->team[v] && TEAM_TIE > row;
    return *team ? TEAM_TIE : row;
}

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
        if (e->on[v] || e->asking[v])
            continue;
        gboolean team = FALSE;
        double q = len == 1 ? first_hop(e->net, e->teams, u, v, &team) : e->net->w[u][v];
        if (q == 0 || (len >= 2 && fellow(e, v) && v != e->target))
            continue; /* a fellow seller only right after the start, or as the target */
        e->on[v] = TRUE;
        e->path[len] = v;
        extend(e, len + 1, p * q * (len >= 2 ? e->factor : 1));
        e->on[v] = FALSE;
    }
}

static int by_p_desc(gconstpointer a, gconstpointer b)
{
    double x = ((const Simple *)a)->p, y = ((const Simple *)b)->p;
    return x > y ? -1 : x < y;
}

/* Every path the rules allow from any asking seller to @target, best first. */
static GArray *all_paths(const Net *net, gboolean teams, const guint *sellers, guint n_sellers,
                         guint target, guint max_hops, double factor)
{
    Enum e = {net, teams, {FALSE}, target, max_hops, factor, {0}, {FALSE}, NULL};
    for (guint i = 0; i < n_sellers; i++)
        e.asking[sellers[i]] = TRUE;
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

static guint vertex(const WpGraph *g, WpPerson p)
{
    return (guint)g_ascii_strtoull(wp_graph_person_id(g, p) + 1, NULL, 10);
}

typedef struct {
    Net net;
    gboolean teams;
    WpGraph *graph;     /* = the scoring's */
    WpScoring *scoring; /* owned */
    guint sv[3];
    WpPerson sellers[3];
    guint n_sellers;
    guint tv;
    WpPerson target;
    double factor;
} Case;

/* A random case: sellers drawn mostly among the team members, any target. */
static void make_case(GRand *rand, const WpModel *model, Case *c)
{
    guint n = (guint)g_rand_int_range(rand, 4, MAX_N);
    random_net(rand, n, n * 2 + (guint)g_rand_int_range(rand, 0, (gint32)n), model, &c->net);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph =
        wp_graph_load_from_data(c->net.ties_csv, c->net.people_csv, 0, &error);
    g_assert_no_error(error);
    c->scoring = wp_scoring_new(graph, model, AS_OF, NULL);
    c->graph = graph;
    c->teams = !wp_model_is_raw(model);
    c->factor = wp_model_intermediary_factor(model);
    gboolean used[MAX_N] = {FALSE};
    c->n_sellers = (guint)g_rand_int_range(rand, 1, 3);
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

/* A path the engine returned keeps the rules, and its probability is the product computed here
 * (the team tie where the first hop is one). */
static void check_path(const Case *c, const WpPath *path, guint max_hops)
{
    const WpGraph *g = c->graph;
    g_assert_cmpuint(path->n_people, >=, 2);
    if (max_hops > 0)
        g_assert_cmpuint(path->n_people - 1, <=, max_hops);
    g_assert_cmpuint(vertex(g, path->people[path->n_people - 1]), ==, c->tv);
    gboolean asking[MAX_N] = {FALSE}, seen[MAX_N] = {FALSE};
    for (guint i = 0; i < c->n_sellers; i++)
        asking[c->sv[i]] = TRUE;
    double p = 1;
    for (guint i = 0; i < path->n_people; i++) {
        guint v = vertex(g, path->people[i]);
        g_assert_false(seen[v]);
        seen[v] = TRUE;
        g_assert_true(i == 0 ? asking[v] : !asking[v]);
        if (c->teams && i >= 2 && i + 1 < path->n_people)
            g_assert_cmpint(c->net.team[v], <, 0); /* no seller passes a request on */
        if (i + 1 == path->n_people)
            break;
        guint next = vertex(g, path->people[i + 1]);
        gboolean team = FALSE;
        double q = i == 0 ? first_hop(&c->net, c->teams, v, next, &team) : c->net.w[v][next];
        g_assert_cmpfloat(q, >, 0);
        g_assert_cmpint(i == 0 && path->team_hop, ==, i == 0 && team);
        g_assert_cmpfloat_with_epsilon(wp_path_hop_strength(c->scoring, path, i), q, 1e-12);
        p *= q * (i > 0 ? c->factor : 1);
    }
    g_assert_cmpfloat_with_epsilon(path->probability, p, 1e-9);
}

/* Direct ties as the rules define them, and whether any is strong. */
static guint check_direct(const Case *c, const WpPathSet *set)
{
    guint expect = 0, strong = 0;
    for (guint i = 0; i < c->n_sellers; i++) {
        gboolean team;
        double f = first_hop(&c->net, c->teams, c->sv[i], c->tv, &team);
        if (f == 0)
            continue;
        expect++;
        gboolean is_strong = !c->teams || /* raw: every direct tie is strong */
                             (f >= WEAK_BELOW && (team || !c->net.cold_or_never[c->sv[i]][c->tv]));
        strong += is_strong;
        gboolean found = FALSE;
        for (guint j = 0; j < set->direct->len; j++) {
            const WpDirectTie *d = &g_array_index(set->direct, WpDirectTie, j);
            if (vertex(c->graph, d->seller) != c->sv[i])
                continue;
            found = TRUE;
            g_assert_cmpfloat_with_epsilon(d->strength, f, 1e-12);
            g_assert_cmpint((d->flags & WP_DIRECT_TEAM) != 0, ==, team);
            g_assert_cmpint(wp_direct_tie_is_strong(d), ==, is_strong);
        }
        g_assert_true(found);
    }
    g_assert_cmpuint(set->direct->len, ==, expect);
    return strong;
}

static void check_sources(const Case *c, const WpPathQuery *q)
{
    g_autoptr(GArray) all =
        all_paths(&c->net, c->teams, c->sv, c->n_sellers, c->tv, q->max_hops, c->factor);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find(c->scoring, NULL, c->sellers, c->n_sellers, c->target, q, NULL, &error);
    g_assert_no_error(error);
    guint strong = check_direct(c, set);
    g_assert_cmpint(set->direct_answer, ==, strong > 0);
    double best[MAX_N];
    for (guint v = 0; v < MAX_N; v++)
        best[v] = -1;
    for (guint i = 0; i < all->len; i++) {
        const Simple *s = &g_array_index(all, Simple, i);
        if (s->n > 2 && s->p > best[s->people[1]])
            best[s->people[1]] = s->p;
    }
    g_autoptr(GArray) ranked = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint v = 0; v < MAX_N; v++)
        if (best[v] >= 0 && best[v] >= q->min_probability)
            g_array_append_val(ranked, best[v]);
    g_array_sort(ranked, by_p_desc);
    if (strong > 0) {
        g_assert_cmpuint(set->paths->len, ==, strong);
        for (guint i = 0; i < set->paths->len; i++) {
            g_assert_cmpuint(g_array_index(set->paths, WpPath, i).n_people, ==, 2);
            check_path(c, &g_array_index(set->paths, WpPath, i), 1);
        }
        return;
    }
    g_assert_cmpuint(set->paths->len, ==, MIN(q->k, ranked->len));
    gboolean seen[MAX_N] = {FALSE};
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        check_path(c, path, q->max_hops);
        guint source = vertex(c->graph, path->people[1]);
        g_assert_cmpuint(path->n_people, >, 2);
        g_assert_false(seen[source]);
        seen[source] = TRUE;
        g_assert_cmpfloat_with_epsilon(path->probability, best[source], 1e-9);
        g_assert_cmpfloat_with_epsilon(path->probability, g_array_index(ranked, double, i), 1e-9);
    }
    if (set->paths->len == 0) { /* the hint: the best path beyond the limits, not a direct tie */
        double any = -1;
        g_autoptr(GArray) free_paths =
            all_paths(&c->net, c->teams, c->sv, c->n_sellers, c->tv, 0, c->factor);
        for (guint i = 0; i < free_paths->len && any < 0; i++)
            if (g_array_index(free_paths, Simple, i).n > 2)
                any = g_array_index(free_paths, Simple, i).p;
        if (any < 0) {
            g_assert_cmpuint(set->unconstrained.n_people, ==, 0);
        } else {
            check_path(c, &set->unconstrained, 0);
            g_assert_cmpfloat_with_epsilon(set->unconstrained.probability, any, 1e-9);
        }
    }
}

static void check_all_paths(const Case *c, const WpPathQuery *q)
{
    g_autoptr(GArray) all =
        all_paths(&c->net, c->teams, c->sv, c->n_sellers, c->tv, q->max_hops, c->factor);
    guint above = 0;
    while (above < all->len && g_array_index(all, Simple, above).p >= q->min_probability)
        above++;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find(c->scoring, NULL, c->sellers, c->n_sellers, c->target, q, NULL, &error);
    g_assert_no_error(error);
    check_direct(c, set);
    g_assert_false(set->direct_answer);
    g_assert_cmpuint(set->paths->len, ==, MIN(q->k, above));
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        check_path(c, path, q->max_hops);
        g_assert_cmpfloat_with_epsilon(path->probability, g_array_index(all, Simple, i).p, 1e-9);
        for (guint j = 0; j < i; j++) {
            const WpPath *other = &g_array_index(set->paths, WpPath, j);
            g_assert_false(other->n_people == path->n_people &&
                           memcmp(other->people, path->people, sizeof(WpPerson) * path->n_people) ==
                               0);
        }
    }
}

/* The best path into each person of a set (an account), by the same rules. */
static void check_into_people(const Case *c, const WpPathQuery *q)
{
    if (c->teams && c->net.team[c->tv] >= 0)
        return; /* a fellow seller is no account's buyer (forward runs never end at one) */
    g_autoptr(GArray) all =
        all_paths(&c->net, c->teams, c->sv, c->n_sellers, c->tv, q->max_hops, c->factor);
    /* The account is the target alone: the same network with a company column. */
    g_autoptr(GString) people = g_string_new("id,name,team,company\n");
    for (guint v = 0; v < c->net.n; v++)
        g_string_append_printf(people, "v%u,Person %c,%s,%s\n", v, 'A' + v,
                               c->net.team[v] < 0    ? ""
                               : c->net.team[v] == 0 ? "t0"
                                                     : "t1",
                               v == c->tv ? "Acme" : "");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(c->net.ties_csv, people->str, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpScoring) sc = wp_scoring_new(g, wp_scoring_model(c->scoring), AS_OF, NULL);
    WpPathQuery aq = *q;
    aq.k = 0;
    g_autoptr(WpPathSet) set = wp_path_find_into_company(sc, NULL, c->sellers, c->n_sellers, "Acme",
                                                         NULL, &aq, NULL, &error);
    g_assert_no_error(error);
    double expect = all->len > 0 ? g_array_index(all, Simple, 0).p : 0;
    if (expect < q->min_probability || expect == 0) {
        g_assert_cmpuint(set->paths->len, ==, 0);
        return;
    }
    g_assert_cmpuint(set->paths->len, ==, 1);
    const WpPath *path = &g_array_index(set->paths, WpPath, 0);
    g_assert_cmpfloat_with_epsilon(path->probability, expect, 1e-9);
}

/* Costs from @src on -ln w + @penalty within @max_hops (0 = none: n - 1 rounds suffice),
 * never entering @banned people (the source may be one). Bellman-Ford by rounds. */
static void distances(const Net *net, guint src, const gboolean *banned, guint max_hops,
                      double penalty, double *d)
{
    guint n = net->n, rounds = max_hops > 0 ? max_hops : n;
    double next[MAX_N];
    for (guint v = 0; v < n; v++)
        d[v] = v == src ? 0 : INFINITY;
    for (guint r = 0; r < rounds; r++) {
        memcpy(next, d, sizeof(double) * n);
        for (guint u = 0; u < n; u++)
            for (guint v = 0; v < n; v++)
                if (net->w[u][v] > 0 && !banned[v] && (u == src || !banned[u]) &&
                    d[u] - log(net->w[u][v]) + penalty < next[v])
                    next[v] = d[u] - log(net->w[u][v]) + penalty;
        memcpy(d, next, sizeof(double) * n);
    }
}

/* wp_rank_run() under the team rules against their definition: fellow sellers are colleagues
 * (reach reported apart), never go-betweens; every seller is dropped from the territory; a
 * target with only a weak or cold direct tie is ranked. */
static void check_rank(const Case *c, const WpPathQuery *pq)
{
    const Net *net = &c->net;
    guint n = net->n;
    gboolean asking[MAX_N] = {FALSE}, banned[MAX_N] = {FALSE}, is_fellow[MAX_N] = {FALSE};
    for (guint i = 0; i < c->n_sellers; i++)
        asking[c->sv[i]] = banned[c->sv[i]] = TRUE;
    for (guint v = 0; v < n; v++)
        if (c->teams && net->team[v] >= 0 && !asking[v])
            is_fellow[v] = banned[v] = TRUE;
    /* The territory: everyone once, in order; sellers dropped, strong direct ties set aside. */
    guint targets[MAX_N], n_ranked = 0, n_direct = 0;
    WpPerson query_targets[MAX_N];
    for (guint t = 0; t < n; t++) {
        query_targets[t] = t;
        if (banned[t])
            continue;
        gboolean strong = FALSE;
        for (guint i = 0; i < c->n_sellers; i++) {
            gboolean team;
            double f = first_hop(net, c->teams, c->sv[i], t, &team);
            strong |= f > 0 && (!c->teams || /* raw: every direct tie is strong */
                                (f >= WEAK_BELOW && (team || !net->cold_or_never[c->sv[i]][t])));
        }
        if (strong)
            n_direct++;
        else
            targets[n_ranked++] = t;
    }
    double score[MAX_N] = {0};
    guint reached[MAX_N] = {0};
    double penalty = -log(c->factor);
    for (guint v = 0; v < n; v++) {
        double p = 0;
        for (guint i = 0; i < c->n_sellers; i++) {
            gboolean team;
            if (!asking[v])
                p = MAX(p, first_hop(net, c->teams, c->sv[i], v, &team));
        }
        if (p == 0)
            continue;
        double d[MAX_N];
        distances(net, v, banned, pq->max_hops > 0 ? pq->max_hops - 1 : 0, penalty, d);
        for (guint k = 0; k < n_ranked; k++) {
            double term = p * exp(-d[targets[k]]);
            if (pq->max_hops != 1 && term > 0 && term >= pq->min_probability) {
                score[v] += term;
                reached[v]++;
            }
        }
    }
    WpRankQuery q = {.sellers = c->sellers,
                     .n_sellers = c->n_sellers,
                     .targets = query_targets,
                     .n_targets = n,
                     .max_hops = pq->max_hops,
                     .min_probability = pq->min_probability,
                     .n_best = 2};
    for (guint strategy = WP_RANK_FROM_SOURCES; strategy <= WP_RANK_FROM_TARGETS; strategy++) {
        q.strategy = (WpRankStrategy)strategy;
        g_autoptr(GError) error = NULL;
        g_autoptr(WpRankResult) r = wp_rank_run(c->scoring, NULL, &q, NULL, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(r->targets->len, ==, n_ranked);
        g_assert_cmpuint(r->direct->len, ==, n_direct);
        guint want_sources = 0, want_colleagues = 0;
        for (guint v = 0; v < n; v++)
            if (reached[v] > 0) {
                want_sources += !is_fellow[v];
                want_colleagues += is_fellow[v];
            }
        g_assert_cmpuint(r->sources->len, ==, want_sources);
        g_assert_cmpuint(r->colleagues->len, ==, want_colleagues);
        const GArray *lists[] = {r->sources, r->colleagues};
        for (guint l = 0; l < 2; l++)
            for (guint i = 0; i < lists[l]->len; i++) {
                const WpRankSource *src = &g_array_index(lists[l], WpRankSource, i);
                guint v = vertex(c->graph, src->person);
                g_assert_cmpint(is_fellow[v], ==, l == 1);
                g_assert_cmpfloat_with_epsilon(src->score, score[v], 1e-9 * MAX(1.0, score[v]));
                g_assert_cmpuint(src->n_reached, ==, reached[v]);
            }
    }
}

typedef void (*CheckFunc)(const Case *c, const WpPathQuery *q);

static void check_random(CheckFunc check, gboolean raw, gboolean with_floor, guint32 seed)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
    g_autoptr(WpModel) model = raw ? wp_model_new_raw() : wp_model_new_default();
    for (guint round = 0; round < 200; round++) {
        Case c;
        make_case(rand, model, &c);
        WpPathQuery q = WP_PATH_QUERY_INIT;
        q.k = (guint)g_rand_int_range(rand, 1, 9);
        q.max_hops = (guint)g_rand_int_range(rand, 0, 6);
        q.min_probability = with_floor ? g_rand_double_range(rand, 0, 0.2) : 0;
        q.all_paths = check == check_all_paths;
        check(&c, &q);
        case_clear(&c);
    }
}

static void test_sources(void)
{
    check_random(check_sources, FALSE, FALSE, 31);
    check_random(check_sources, FALSE, TRUE, 32);
}

static void test_all_paths(void)
{
    check_random(check_all_paths, FALSE, FALSE, 33);
    check_random(check_all_paths, FALSE, TRUE, 34);
}

static void test_into_account(void)
{
    check_random(check_into_people, FALSE, FALSE, 35);
    check_random(check_into_people, FALSE, TRUE, 36);
}

static void test_rank(void)
{
    check_random(check_rank, FALSE, FALSE, 41);
    check_random(check_rank, FALSE, TRUE, 42);
    check_random(check_rank, TRUE, TRUE, 43); /* raw: no colleagues, only asking sellers out */
}

/* The raw model has no team rules: the same people file changes nothing. */
static void test_raw_has_no_teams(void)
{
    check_random(check_sources, TRUE, FALSE, 37);
    check_random(check_all_paths, TRUE, TRUE, 38);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/team/path/sources", test_sources);
    g_test_add_func("/team/path/all-paths", test_all_paths);
    g_test_add_func("/team/path/into-account", test_into_account);
    g_test_add_func("/team/path/raw", test_raw_has_no_teams);
    g_test_add_func("/team/rank", test_rank);
    return g_test_run();
}
