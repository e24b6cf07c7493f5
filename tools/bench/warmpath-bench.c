/* SPDX-License-Identifier: MIT */
/*
 * warmpath-bench: the benchmark workload (../shared/bench/WORKLOAD.md, tools/bench/README.md)
 * answered by warmpath's library, with the peers' command line and JSON contract:
 *
 *   warmpath-bench EDGES.csv QUERY.txt [--phases Q1,Q2,Q3|none] [--q2-limit M]
 *                  [--compiled CACHE_DIR]
 *
 *   L   wp_graph_load() of the CSV (parse, merge, adjacency, raw costs) and its raw scoring
 *   Q1  wp_path_find() with all_paths: Yen's k best loopless paths, no hop limit
 *   Q2  wp_rank_run(): every direct contact of s scored over the territory on G - s
 *   Q3  one search from s up to the probability floor, then the workload's tight-edge BFS for
 *       hop counts; a flood counts the reachable on the other core
 *
 * --compiled also times loading the network's compiled snapshot (made on the first run) as
 * "L_compiled", reported beside L, never instead of it. --queries-only DIR skips L and answers
 * from that snapshot: for iterating on the queries, never for the comparison.
 */
#include "search/search-private.h"
#include "warmpath/warmpath.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define TIGHT_EPS 1e-12 /* WORKLOAD.md, Q3 */

typedef struct {
    char *seeker;
    char *target;
    guint k, top, max_hops;
    double min_prob;
    GPtrArray *territory; /* char *, file order */
} Query;

static void query_clear(Query *q)
{
    g_free(q->seeker);
    g_free(q->target);
    if (q->territory)
        g_ptr_array_unref(q->territory);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Query, query_clear)

static gboolean read_query(const char *filename, Query *q, GError **error)
{
    g_autofree char *text = NULL;
    if (!g_file_get_contents(filename, &text, NULL, error))
        return FALSE;
    *q = (Query){NULL, NULL, 5, 50, 4, 0.05, g_ptr_array_new_with_free_func(g_free)};
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
        char *line = g_strstrip(lines[i]);
        char *hash = strchr(line, '#');
        if (hash != NULL)
            *hash = '\0';
        line = g_strstrip(line);
        char *space = strpbrk(line, " \t");
        if (space == NULL)
            continue;
        *space = '\0';
        const char *value = g_strstrip(space + 1);
        if (strcmp(line, "seeker") == 0)
            q->seeker = g_strdup(value);
        else if (strcmp(line, "target") == 0)
            q->target = g_strdup(value);
        else if (strcmp(line, "k") == 0)
            q->k = (guint)g_ascii_strtoull(value, NULL, 10);
        else if (strcmp(line, "top") == 0)
            q->top = (guint)g_ascii_strtoull(value, NULL, 10);
        else if (strcmp(line, "reach_max_hops") == 0)
            q->max_hops = (guint)g_ascii_strtoull(value, NULL, 10);
        else if (strcmp(line, "reach_min_prob") == 0)
            q->min_prob = g_ascii_strtod(value, NULL);
        else if (strcmp(line, "territory") == 0)
            g_ptr_array_add(q->territory, g_strdup(value));
    }
    if (q->seeker == NULL || q->target == NULL) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: needs 'seeker' and 'target'", filename);
        return FALSE;
    }
    return TRUE;
}

typedef struct {
    JsonObject *wall, *cpu, *rss;
    double t0, c0;
} Stopwatch;

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void sw_start(Stopwatch *sw)
{
    sw->t0 = clock_s(CLOCK_MONOTONIC);
    sw->c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static void sw_stop(Stopwatch *sw, const char *phase)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    json_object_set_double_member(sw->wall, phase, clock_s(CLOCK_MONOTONIC) - sw->t0);
    json_object_set_double_member(sw->cpu, phase, clock_s(CLOCK_PROCESS_CPUTIME_ID) - sw->c0);
    g_autofree char *key = g_strdup_printf("after_%s", phase);
    json_object_set_int_member(sw->rss, key, ru.ru_maxrss);
}

/* Weight of a path re-summed from its ties' strengths, as the peers sum it. */
static double path_weight(const WpScoring *scoring, const WpPath *path)
{
    double w = 0;
    for (guint i = 0; i + 1 < path->n_people; i++)
        w += -log(wp_scoring_tie_strength(scoring, path->ties[i], NULL));
    return w;
}

static JsonObject *run_q1(const WpScoring *scoring, const Query *q, GError **error)
{
    const WpGraph *g = wp_scoring_graph(scoring);
    JsonObject *out = json_object_new();
    JsonArray *paths = json_array_new();
    json_object_set_array_member(out, "paths", paths);
    WpPerson s = wp_graph_find_id(g, q->seeker), t = wp_graph_find_id(g, q->target);
    if (s == WP_PERSON_NONE || t == WP_PERSON_NONE || s == t)
        return out;
    WpPathQuery query = {q->k, 0, 0.0, TRUE};
    g_autoptr(WpPathSet) set = wp_path_find(scoring, NULL, &s, 1, t, &query, NULL, error);
    if (set == NULL) {
        json_object_unref(out);
        return NULL;
    }
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        JsonObject *p = json_object_new();
        JsonArray *nodes = json_array_new();
        for (guint j = 0; j < path->n_people; j++)
            json_array_add_string_element(nodes, wp_graph_person_id(g, path->people[j]));
        double w = path_weight(scoring, path);
        json_object_set_array_member(p, "nodes", nodes);
        json_object_set_double_member(p, "weight", w);
        json_object_set_double_member(p, "prob", exp(-w));
        json_array_add_object_element(paths, p);
    }
    return out;
}

typedef struct {
    const char *id;
    double score;
} Scored;

static int compare_scored(const void *a, const void *b)
{
    const Scored *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return strcmp(x->id, y->id);
}

static JsonObject *run_q2(const WpScoring *scoring, const Query *q, guint limit, GError **error)
{
    const WpGraph *g = wp_scoring_graph(scoring);
    JsonObject *out = json_object_new();
    WpPerson s = wp_graph_find_id(g, q->seeker);
    g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (guint i = 0; i < q->territory->len && (limit == 0 || i < limit); i++) {
        WpPerson t = wp_graph_find_id(g, q->territory->pdata[i]);
        if (t != WP_PERSON_NONE && t != s) /* unknown members and s are skipped */
            g_array_append_val(targets, t);
    }
    guint degree = 0;
    const WpArc *arcs = s == WP_PERSON_NONE ? NULL : wp_graph_out_arcs(g, s, &degree);
    g_autoptr(GArray) scored = g_array_new(FALSE, FALSE, sizeof(Scored));
    guint runs = 0;
    if (degree > 0) {
        WpRankQuery query = {.sellers = &s,
                             .n_sellers = 1,
                             .targets = (WpPerson *)targets->data,
                             .n_targets = targets->len,
                             .n_threads = 0};
        g_autoptr(WpRankResult) result = wp_rank_run(scoring, NULL, &query, NULL, error);
        if (result == NULL) {
            json_object_unref(out);
            return NULL;
        }
        runs = result->n_searches;
        /* Every neighbour of s is ranked, those no target is reachable from with score 0. */
        for (guint i = 0; i < degree; i++) {
            Scored sc = {wp_graph_person_id(g, arcs[i].head), 0.0};
            for (guint j = 0; j < result->sources->len; j++) {
                const WpRankSource *src = &g_array_index(result->sources, WpRankSource, j);
                if (src->person == arcs[i].head)
                    sc.score = src->score;
            }
            g_array_append_val(scored, sc);
        }
        qsort(scored->data, scored->len, sizeof(Scored), compare_scored);
    }
    JsonArray *top = json_array_new();
    for (guint i = 0; i < scored->len && i < q->top; i++) {
        const Scored *sc = &g_array_index(scored, Scored, i);
        JsonObject *o = json_object_new();
        json_object_set_string_member(o, "id", sc->id);
        json_object_set_double_member(o, "score", sc->score);
        json_array_add_object_element(top, o);
    }
    json_object_set_array_member(out, "top", top);
    json_object_set_int_member(out, "neighbours", degree);
    json_object_set_int_member(out, "dijkstra_runs", runs);
    if (limit > 0 && limit < q->territory->len)
        json_object_set_boolean_member(out, "partial", TRUE);
    return out;
}

/* How many people s reaches at all: a breadth-first flood, which needs no costs. */
typedef struct {
    const WpGraph *graph;
    WpPerson source;
    guint reached; /* not counting s */
} Flood;

static gpointer flood(gpointer data)
{
    Flood *f = data;
    guint n = wp_graph_n_people(f->graph);
    g_autofree guint64 *seen = g_new0(guint64, n / 64 + 1);
    g_autofree WpPerson *queue = g_new(WpPerson, MAX(n, 1));
    guint len = 0;
    queue[len++] = f->source;
    seen[f->source >> 6] |= G_GUINT64_CONSTANT(1) << (f->source & 63);
    for (guint i = 0; i < len; i++) {
        guint degree = 0;
        const WpArc *arcs = wp_graph_out_arcs(f->graph, queue[i], &degree);
        for (guint a = 0; a < degree; a++) {
            WpPerson v = arcs[a].head;
            if ((seen[v >> 6] >> (v & 63)) & 1)
                continue;
            seen[v >> 6] |= G_GUINT64_CONSTANT(1) << (v & 63);
            queue[len++] = v;
        }
    }
    f->reached = len - 1;
    return NULL;
}

/* reach: people v != s with exp(-dist) >= min_prob whose hops(v) <= max_hops, hops(v) being the
 * BFS depth from s over tight arcs (dist(u) + w <= dist(v) + eps). Only costs up to the
 * probability floor matter for reach and prob_ok: every person on a cheapest path to someone
 * within the floor is within it too, so the search stops there, and reachable is counted by a
 * flood on the other core meanwhile (our code only: igraph is not thread-safe in Debian). */
static JsonObject *run_q3(const WpScoring *scoring, const Query *q)
{
    const WpGraph *g = wp_scoring_graph(scoring);
    JsonObject *out = json_object_new();
    WpPerson s = wp_graph_find_id(g, q->seeker);
    guint reach = 0, prob_ok = 0;
    Flood count = {g, s, 0};
    if (s != WP_PERSON_NONE) {
        GThread *flooder = g_thread_try_new("q3-flood", flood, &count, NULL);
        g_autoptr(WpSearch) search = wp_i_search_new(g);
        wp_i_search_bind(search, scoring, NULL);
        WpSearchLimits limits = WP_SEARCH_LIMITS_INIT;
        /* The margin only admits people the exact test below then decides on. */
        limits.max_cost = -log(q->min_prob) * (1 + 1e-9) + 1e-9;
        limits.costs_only = TRUE; /* hops(v) is the tight-arc depth below, not the search's */
        wp_i_search_run(search, s, &limits);
        guint n_settled = 0;
        const WpPerson *settled = wp_i_search_settled(search, &n_settled);
        for (guint i = 1; i < n_settled; i++)
            prob_ok += exp(-wp_i_search_cost(search, settled[i])) >= q->min_prob;
        g_autofree guint8 *depth = g_malloc(wp_graph_n_people(g));
        memset(depth, 0xff, wp_graph_n_people(g));
        g_autoptr(GArray) frontier = g_array_new(FALSE, FALSE, sizeof(WpPerson));
        g_autoptr(GArray) next = g_array_new(FALSE, FALSE, sizeof(WpPerson));
        depth[s] = 0;
        g_array_append_val(frontier, s);
        for (guint d = 1; d <= q->max_hops && frontier->len > 0; d++) {
            g_array_set_size(next, 0);
            for (guint i = 0; i < frontier->len; i++) {
                WpPerson u = g_array_index(frontier, WpPerson, i);
                double du = wp_i_search_cost(search, u);
                guint n = 0;
                const WpArc *arcs = wp_graph_out_arcs(g, u, &n);
                const double *costs = wp_i_scoring_costs(scoring, TRUE, u);
                for (guint a = 0; a < n; a++) {
                    WpPerson v = arcs[a].head;
                    double dv = wp_i_search_cost(search, v);
                    if (depth[v] != 0xff || isinf(dv) || du + costs[a] > dv + TIGHT_EPS * (1 + dv))
                        continue;
                    depth[v] = (guint8)d;
                    g_array_append_val(next, v);
                    reach += exp(-dv) >= q->min_prob;
                }
            }
            GArray *swap = frontier;
            frontier = next;
            next = swap;
        }
        if (flooder != NULL)
            g_thread_join(flooder);
        else
            flood(&count);
    }
    json_object_set_int_member(out, "reach", reach);
    json_object_set_int_member(out, "reachable", count.reached);
    json_object_set_int_member(out, "prob_ok", prob_ok);
    return out;
}

static int fail(const GError *error)
{
    fprintf(stderr, "warmpath-bench: %s\n", error->message);
    return 1;
}

int main(int argc, char **argv)
{
    char *phases = NULL, *compiled = NULL, *queries_only = NULL;
    gint limit = 0;
    const GOptionEntry entries[] = {
        {"phases", 0, 0, G_OPTION_ARG_STRING, &phases, "Q1,Q2,Q3 (default) or none", "LIST"},
        {"q2-limit", 0, 0, G_OPTION_ARG_INT, &limit, "Run only the first M territory members", "M"},
        {"compiled", 0, 0, G_OPTION_ARG_FILENAME, &compiled,
         "Also time loading the compiled network kept in DIR", "DIR"},
        {"queries-only", 0, 0, G_OPTION_ARG_FILENAME, &queries_only,
         "Skip L: answer from the compiled network in DIR (development)", "DIR"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("EDGES.csv QUERY.txt");
    g_option_context_add_main_entries(context, entries, NULL);
    g_autoptr(GError) error = NULL;
    if (!g_option_context_parse(context, &argc, &argv, &error) || argc != 3) {
        fprintf(stderr, "usage: warmpath-bench EDGES.csv QUERY.txt [--phases Q1,Q2,Q3|none] "
                        "[--q2-limit M] [--compiled DIR]\n");
        return 2;
    }
    g_autofree char *phase_list = phases ? phases : g_strdup("Q1,Q2,Q3");
    g_autofree char *cache_dir = compiled;
    g_auto(Query) q = {0};
    if (!read_query(argv[2], &q, &error))
        return fail(error);

    Stopwatch sw = {json_object_new(), json_object_new(), json_object_new(), 0, 0};
    JsonObject *root = json_object_new();
    json_object_set_string_member(root, "peer", "warmpath");
    json_object_set_string_member(root, "version", "warmpath " WP_VERSION);
    WpLoadSpec spec = {.ties_file = argv[1], .ties_format = WP_TIES_FORMAT_CSV};
    g_autofree char *only_dir = queries_only;
    sw_start(&sw);
    g_autoptr(WpGraph) graph = only_dir ? wp_graph_load_cached(&spec, only_dir, 0, NULL, &error)
                                        : wp_graph_load(&spec, &error);
    if (graph == NULL)
        return fail(error);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, raw, WP_DAY_NONE, NULL);
    sw_stop(&sw, only_dir ? "L_compiled" : "L");
    for (WpPerson p = 0; only_dir && p < wp_graph_n_people(graph); p++)
        wp_i_scoring_costs(scoring, TRUE, p); /* as L leaves them: all computed */
    if (cache_dir != NULL) {                  /* the first call compiles the network if needed */
        gboolean hit = FALSE;
        g_autoptr(WpGraph) first = wp_graph_load_cached(&spec, cache_dir, 0, &hit, &error);
        if (first == NULL)
            return fail(error);
        g_clear_pointer(&first, wp_graph_unref);
        sw_start(&sw);
        g_autoptr(WpGraph) warm = wp_graph_load_cached(&spec, cache_dir, 0, &hit, &error);
        if (warm == NULL)
            return fail(error);
        sw_stop(&sw, hit ? "L_compiled" : "L_compiled_miss");
    }

    JsonObject *counts = json_object_new();
    guint loops = (guint)wp_graph_warning_count(graph, WP_WARNING_SELF_LOOP);
    json_object_set_int_member(counts, "nodes", wp_graph_n_people(graph));
    json_object_set_int_member(counts, "edges", wp_graph_n_ties(graph));
    json_object_set_int_member(counts, "rows", (gint64)wp_graph_n_tie_rows(graph));
    json_object_set_int_member(counts, "self_loop_rows", loops);
    json_object_set_object_member(root, "graph", counts);

    g_auto(GStrv) list = g_strsplit(phase_list, ",", -1);
    for (guint i = 0; list[i] != NULL; i++) {
        const char *ph = g_strstrip(list[i]);
        JsonObject *answer = NULL;
        sw_start(&sw);
        if (g_ascii_strcasecmp(ph, "Q1") == 0)
            answer = run_q1(scoring, &q, &error);
        else if (g_ascii_strcasecmp(ph, "Q2") == 0)
            answer = run_q2(scoring, &q, (guint)MAX(limit, 0), &error);
        else if (g_ascii_strcasecmp(ph, "Q3") == 0)
            answer = run_q3(scoring, &q);
        else
            continue;
        if (answer == NULL)
            return fail(error);
        char name[3] = {'Q', ph[1], '\0'};
        sw_stop(&sw, name);
        char key[3] = {'q', ph[1], '\0'};
        json_object_set_object_member(root, key, answer);
    }
    json_object_set_object_member(root, "timings_s", sw.wall);
    json_object_set_object_member(root, "cpu_timings_s", sw.cpu);
    json_object_set_object_member(root, "maxrss_kb", sw.rss);
    g_autoptr(JsonNode) node = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(node, root);
    g_autofree char *text = json_to_string(node, FALSE);
    printf("%s\n", text);
    return 0;
}
