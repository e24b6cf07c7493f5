/* SPDX-License-Identifier: MIT */
/*
 * peer-igraph: the warmpath benchmark workload (WORKLOAD.md) written with
 * plain igraph 0.10 C calls, as a C programmer using igraph would write it.
 * It is the reference ("baseline") peer of tools/bench/compare.py.
 *
 *   peer-igraph EDGES.csv QUERY.txt [--phases Q1,Q2,Q3|none] [--q2-limit M]
 *
 * Prints one JSON object on stdout (see "Output and timing contract").
 *   L   getline loop over the CSV, ids interned in a GHashTable, rows sorted
 *       by (u, v) and merged keeping the max strength, igraph_create(),
 *       weights -ln p
 *   Q1  igraph_get_k_shortest_paths()
 *   Q2  G - s built as its own graph (the edge list without s's edges, same
 *       vertex ids), then one igraph_distances_dijkstra() per territory
 *       member with the neighbours of s as targets
 *   Q3  igraph_distances_dijkstra() from s, then a BFS over tight edges
 *       (lazy incidence list), stopped at the hop limit
 */
#define _POSIX_C_SOURCE 200809L

#include <glib.h>
#include <igraph.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define TIGHT_EPS 1e-12 /* WORKLOAD.md, Q3 */

typedef struct {
    int32_t u, v; /* u < v */
    double p;
} RawEdge;

typedef struct {
    char *seeker, *target;
    igraph_integer_t k, top, max_hops;
    double min_prob;
    GPtrArray *territory; /* char *, file order */
} Query;

typedef struct {
    GHashTable *index;   /* id -> vertex (borrowed keys from chunk) */
    GPtrArray *names;    /* vertex -> id */
    GStringChunk *chunk; /* storage for the ids */
    RawEdge *edges;      /* deduplicated, sorted by (u, v); edge e of g is edges[e] */
    igraph_integer_t m;
    igraph_t g;
    igraph_vector_t w; /* -ln p per edge */
    long rows, self_loops, bad;
} Graph;

typedef struct {
    const char *id;
    double score;
} Scored;

/* ------------------------------------------------------------ utilities */

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Phase times: monotonic wall clock (the contract's timings_s) and process
   CPU time (cpu_timings_s, an extension that holds up on a busy machine). */
typedef struct {
    GString *wall, *cpu;
    double t0, c0;
} Stopwatch;

static void sw_start(Stopwatch *sw)
{
    sw->t0 = clock_s(CLOCK_MONOTONIC);
    sw->c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

/* Records the phase and returns its wall time; scale > 0 also records
   NAME_extrapolated = time * scale. */
static double sw_stop(Stopwatch *sw, const char *name, double scale)
{
    double dt = clock_s(CLOCK_MONOTONIC) - sw->t0;
    double dc = clock_s(CLOCK_PROCESS_CPUTIME_ID) - sw->c0;
    const char *sep = sw->wall->len ? ", " : "";
    g_string_append_printf(sw->wall, "%s\"%s\": %.9f", sep, name, dt);
    g_string_append_printf(sw->cpu, "%s\"%s\": %.9f", sep, name, dc);
    if (scale > 0) {
        g_string_append_printf(sw->wall, ", \"%s_extrapolated\": %.9f", name, dt * scale);
        g_string_append_printf(sw->cpu, ", \"%s_extrapolated\": %.9f", name, dc * scale);
    }
    return dt;
}

static long maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss; /* kB on Linux */
}

static void die(const char *what, const char *arg)
{
    fprintf(stderr, "peer-igraph: %s %s\n", what, arg);
    exit(2);
}

static void json_str(GString *out, const char *s)
{
    g_string_append_c(out, '"');
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            g_string_append_printf(out, "\\%c", *c);
        else if (*c < 0x20)
            g_string_append_printf(out, "\\u%04x", *c);
        else
            g_string_append_c(out, (char)*c);
    }
    g_string_append_c(out, '"');
}

static void json_num(GString *out, double x)
{
    g_string_append_printf(out, "%.17g", x);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
        *--e = '\0';
    return s;
}

static void chomp(char *line, ssize_t *len)
{
    while (*len > 0 && (line[*len - 1] == '\n' || line[*len - 1] == '\r'))
        line[--*len] = '\0';
}

/* ---------------------------------------------------------------- query */

static void read_query(const char *path, Query *q)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open", path);
    q->seeker = q->target = NULL;
    q->k = 5;
    q->top = 50;
    q->max_hops = 4;
    q->min_prob = 0.05;
    q->territory = g_ptr_array_new_with_free_func(g_free);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) != -1) {
        chomp(line, &len);
        /* '#' starts a comment at the start of a line or after a blank */
        for (ssize_t i = 0; i < len; i++)
            if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
                line[i] = '\0';
                break;
            }
        char *key = trim(line);
        if (!*key)
            continue;
        char *val = key + strcspn(key, " \t");
        if (*val)
            *val++ = '\0';
        val = trim(val);
        if (!strcmp(key, "territory"))
            g_ptr_array_add(q->territory, g_strdup(val));
        else if (!strcmp(key, "seeker"))
            q->seeker = g_strdup(val);
        else if (!strcmp(key, "target"))
            q->target = g_strdup(val);
        else if (!strcmp(key, "k"))
            q->k = strtoll(val, NULL, 10);
        else if (!strcmp(key, "top"))
            q->top = strtoll(val, NULL, 10);
        else if (!strcmp(key, "reach_max_hops"))
            q->max_hops = strtoll(val, NULL, 10);
        else if (!strcmp(key, "reach_min_prob"))
            q->min_prob = strtod(val, NULL);
    }
    free(line);
    fclose(f);
}

/* ------------------------------------------------------------------- L */

static int32_t intern(Graph *G, const char *id)
{
    gpointer val;
    if (g_hash_table_lookup_extended(G->index, id, NULL, &val))
        return GPOINTER_TO_INT(val);
    char *copy = g_string_chunk_insert(G->chunk, id);
    int32_t v = (int32_t)G->names->len;
    g_ptr_array_add(G->names, copy);
    g_hash_table_insert(G->index, copy, GINT_TO_POINTER(v));
    return v;
}

static int cmp_raw(const void *a, const void *b)
{
    const RawEdge *x = a, *y = b;
    if (x->u != y->u)
        return x->u < y->u ? -1 : 1;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return 0;
}

static void load(const char *path, Graph *G)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot open", path);
    G->index = g_hash_table_new(g_str_hash, g_str_equal);
    G->names = g_ptr_array_new();
    G->chunk = g_string_chunk_new(1 << 20);
    G->rows = G->self_loops = G->bad = 0;
    size_t n_raw = 0, cap_raw = 1 << 16;
    RawEdge *raw = g_new(RawEdge, cap_raw);

    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    bool header = true;
    while ((len = getline(&line, &cap, f)) != -1) {
        chomp(line, &len);
        if (header) {
            header = false;
            continue;
        }
        if (len == 0)
            continue;
        G->rows++;
        char *a = line, *b, *ps, *end;
        char *c1 = strchr(a, ',');
        char *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
        if (!c2) {
            G->bad++;
            continue;
        }
        *c1 = *c2 = '\0';
        b = c1 + 1;
        ps = c2 + 1;
        char *c3 = strchr(ps, ',');
        if (c3)
            *c3 = '\0';
        double p = strtod(ps, &end);
        if (end == ps || *end != '\0' || !(p > 0.0 && p <= 1.0)) {
            G->bad++;
            continue;
        }
        if (!strcmp(a, b)) { /* self-loops do not even create the node */
            G->self_loops++;
            continue;
        }
        int32_t x = intern(G, a), y = intern(G, b);
        if (n_raw == cap_raw) {
            cap_raw *= 2;
            raw = g_renew(RawEdge, raw, cap_raw);
        }
        raw[n_raw++] = (RawEdge){x < y ? x : y, x < y ? y : x, p};
    }
    free(line);
    fclose(f);

    /* duplicates of an unordered pair: keep the maximum strength */
    qsort(raw, n_raw, sizeof *raw, cmp_raw);
    size_t m = 0;
    for (size_t i = 0; i < n_raw; i++) {
        if (m > 0 && raw[m - 1].u == raw[i].u && raw[m - 1].v == raw[i].v) {
            if (raw[i].p > raw[m - 1].p)
                raw[m - 1].p = raw[i].p;
        } else {
            raw[m++] = raw[i];
        }
    }
    G->edges = g_renew(RawEdge, raw, m ? m : 1);
    G->m = (igraph_integer_t)m;

    igraph_vector_int_t ev;
    igraph_vector_int_init(&ev, 2 * G->m);
    igraph_vector_init(&G->w, G->m);
    for (igraph_integer_t e = 0; e < G->m; e++) {
        VECTOR(ev)[2 * e] = G->edges[e].u;
        VECTOR(ev)[2 * e + 1] = G->edges[e].v;
        VECTOR(G->w)[e] = -log(G->edges[e].p);
    }
    igraph_create(&G->g, &ev, (igraph_integer_t)G->names->len, IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&ev);
}

static igraph_integer_t lookup(const Graph *G, const char *id)
{
    gpointer val;
    if (id && g_hash_table_lookup_extended(G->index, id, NULL, &val))
        return GPOINTER_TO_INT(val);
    return -1;
}

/* ------------------------------------------------------------------ Q1 */

static void q1(const Graph *G, const Query *q, GString *out)
{
    igraph_integer_t s = lookup(G, q->seeker), t = lookup(G, q->target);
    igraph_vector_int_list_t vp, ep;
    igraph_vector_int_list_init(&vp, 0);
    igraph_vector_int_list_init(&ep, 0);
    if (s >= 0 && t >= 0 && s != t)
        igraph_get_k_shortest_paths(&G->g, &G->w, &vp, &ep, q->k, s, t, IGRAPH_ALL);
    g_string_append(out, "\"q1\": {\"paths\": [");
    bool first = true;
    for (igraph_integer_t i = 0; i < igraph_vector_int_list_size(&ep); i++) {
        const igraph_vector_int_t *es = igraph_vector_int_list_get_ptr(&ep, i);
        const igraph_vector_int_t *vs = igraph_vector_int_list_get_ptr(&vp, i);
        if (igraph_vector_int_size(es) == 0)
            continue; /* no path */
        double w = 0.0;
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(es); j++)
            w += VECTOR(G->w)[VECTOR(*es)[j]];
        g_string_append(out, first ? "{\"nodes\": [" : ", {\"nodes\": [");
        first = false;
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(vs); j++) {
            if (j)
                g_string_append(out, ", ");
            json_str(out, g_ptr_array_index(G->names, VECTOR(*vs)[j]));
        }
        g_string_append(out, "], \"weight\": ");
        json_num(out, w);
        g_string_append(out, ", \"prob\": ");
        json_num(out, exp(-w));
        g_string_append(out, "}");
    }
    g_string_append(out, "]}");
    igraph_vector_int_list_destroy(&vp);
    igraph_vector_int_list_destroy(&ep);
}

/* ------------------------------------------------------------------ Q2 */

static int cmp_scored(const void *a, const void *b)
{
    const Scored *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return strcmp(x->id, y->id); /* byte-wise */
}

/* Returns true when the answer is partial (--q2-limit stopped it early). */
static bool q2(const Graph *G, const Query *q, long limit, GString *out)
{
    igraph_integer_t s = lookup(G, q->seeker);
    igraph_vector_int_t inc, nbr;
    igraph_vector_int_init(&inc, 0);
    igraph_vector_int_init(&nbr, 0);
    if (s >= 0)
        igraph_incident(&G->g, &inc, s, IGRAPH_ALL);
    igraph_integer_t deg = igraph_vector_int_size(&inc);
    igraph_vector_int_resize(&nbr, deg);
    double *sum = g_new0(double, deg ? deg : 1);
    double *p_sc = g_new0(double, deg ? deg : 1);
    for (igraph_integer_t j = 0; j < deg; j++) {
        igraph_integer_t e = VECTOR(inc)[j];
        VECTOR(nbr)[j] = IGRAPH_OTHER(&G->g, e, s);
        p_sc[j] = G->edges[e].p;
    }

    long runs = 0, runnable = 0;
    for (guint i = 0; i < q->territory->len; i++) {
        igraph_integer_t t = lookup(G, g_ptr_array_index(q->territory, i));
        runnable += (t >= 0 && t != s);
    }
    if (deg > 0) {
        /* G - s: same vertex ids, s left isolated */
        igraph_vector_int_t ev;
        igraph_vector_t ws;
        igraph_vector_int_init(&ev, 0);
        igraph_vector_init(&ws, 0);
        for (igraph_integer_t e = 0; e < G->m; e++) {
            if (G->edges[e].u == s || G->edges[e].v == s)
                continue;
            igraph_vector_int_push_back(&ev, G->edges[e].u);
            igraph_vector_int_push_back(&ev, G->edges[e].v);
            igraph_vector_push_back(&ws, VECTOR(G->w)[e]);
        }
        igraph_t gs;
        igraph_create(&gs, &ev, igraph_vcount(&G->g), IGRAPH_UNDIRECTED);
        igraph_vector_int_destroy(&ev);

        igraph_matrix_t res;
        igraph_matrix_init(&res, 0, 0);
        for (guint i = 0; i < q->territory->len; i++) {
            if (limit > 0 && runs >= limit)
                break;
            igraph_integer_t t = lookup(G, g_ptr_array_index(q->territory, i));
            if (t < 0 || t == s)
                continue;
            igraph_distances_dijkstra(&gs, &res, igraph_vss_1(t), igraph_vss_vector(&nbr), &ws,
                                      IGRAPH_ALL);
            runs++;
            for (igraph_integer_t j = 0; j < deg; j++) { /* territory order of summation */
                double d = MATRIX(res, 0, j);
                if (d != IGRAPH_INFINITY)
                    sum[j] += exp(-d);
            }
        }
        igraph_matrix_destroy(&res);
        igraph_destroy(&gs);
        igraph_vector_destroy(&ws);
    }

    Scored *sc = g_new(Scored, deg ? deg : 1);
    for (igraph_integer_t j = 0; j < deg; j++)
        sc[j] = (Scored){g_ptr_array_index(G->names, VECTOR(nbr)[j]), p_sc[j] * sum[j]};
    qsort(sc, (size_t)deg, sizeof *sc, cmp_scored);
    g_string_append(out, "\"q2\": {\"top\": [");
    for (igraph_integer_t j = 0; j < deg && j < q->top; j++) {
        g_string_append(out, j ? ", {\"id\": " : "{\"id\": ");
        json_str(out, sc[j].id);
        g_string_append(out, ", \"score\": ");
        json_num(out, sc[j].score);
        g_string_append(out, "}");
    }
    bool partial = limit > 0 && deg > 0 && runs < runnable;
    g_string_append_printf(out, "], \"neighbours\": %ld, \"dijkstra_runs\": %ld", (long)deg, runs);
    if (limit > 0)
        g_string_append_printf(out, ", \"partial\": %s, \"q2_limit\": %ld",
                               partial ? "true" : "false", limit);
    g_string_append(out, "}");
    g_free(sc);
    g_free(sum);
    g_free(p_sc);
    igraph_vector_int_destroy(&inc);
    igraph_vector_int_destroy(&nbr);
    return partial;
}

/* ------------------------------------------------------------------ Q3 */

static void q3(const Graph *G, const Query *q, GString *out)
{
    igraph_integer_t s = lookup(G, q->seeker);
    long reach = 0, reachable = 0, prob_ok = 0;
    if (s >= 0) {
        igraph_integer_t n = igraph_vcount(&G->g);
        igraph_matrix_t res;
        igraph_matrix_init(&res, 0, 0);
        igraph_distances_dijkstra(&G->g, &res, igraph_vss_1(s), igraph_vss_all(), &G->w,
                                  IGRAPH_ALL);
        /* hops(v): BFS depth over tight edges; nodes deeper than max_hops are
           never expanded since they cannot count anyway */
        igraph_lazy_inclist_t il;
        igraph_lazy_inclist_init(&G->g, &il, IGRAPH_ALL, IGRAPH_LOOPS_TWICE);
        int32_t *hops = g_new(int32_t, n);
        int32_t *queue = g_new(int32_t, n);
        for (igraph_integer_t v = 0; v < n; v++)
            hops[v] = -1;
        size_t head = 0, tail = 0;
        hops[s] = 0;
        queue[tail++] = (int32_t)s;
        while (head < tail) {
            int32_t u = queue[head++];
            if (hops[u] >= q->max_hops)
                continue;
            double du = MATRIX(res, 0, u);
            igraph_vector_int_t *incs = igraph_lazy_inclist_get(&il, u);
            for (igraph_integer_t j = 0; j < igraph_vector_int_size(incs); j++) {
                igraph_integer_t e = VECTOR(*incs)[j];
                igraph_integer_t v = IGRAPH_OTHER(&G->g, e, u);
                if (hops[v] >= 0)
                    continue;
                double dv = MATRIX(res, 0, v);
                if (du + VECTOR(G->w)[e] <= dv + TIGHT_EPS * (1.0 + dv)) {
                    hops[v] = hops[u] + 1;
                    queue[tail++] = (int32_t)v;
                }
            }
        }
        for (igraph_integer_t v = 0; v < n; v++) {
            double d = MATRIX(res, 0, v);
            if (v == s || d == IGRAPH_INFINITY)
                continue;
            reachable++;
            if (exp(-d) >= q->min_prob) {
                prob_ok++;
                reach += hops[v] >= 0;
            }
        }
        g_free(hops);
        g_free(queue);
        igraph_lazy_inclist_destroy(&il);
        igraph_matrix_destroy(&res);
    }
    g_string_append_printf(out, "\"q3\": {\"reach\": %ld, \"reachable\": %ld, \"prob_ok\": %ld}",
                           reach, reachable, prob_ok);
}

/* ---------------------------------------------------------------- main */

static void usage(void)
{
    fprintf(stderr, "usage: peer-igraph EDGES.csv QUERY.txt [--phases Q1,Q2,Q3|none] "
                    "[--q2-limit M]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *edges_path = NULL, *query_path = NULL, *phases = "Q1,Q2,Q3";
    long limit = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--phases") && i + 1 < argc)
            phases = argv[++i];
        else if (!strncmp(a, "--phases=", 9))
            phases = a + 9;
        else if (!strcmp(a, "--q2-limit") && i + 1 < argc)
            limit = strtol(argv[++i], NULL, 10);
        else if (!strncmp(a, "--q2-limit=", 11))
            limit = strtol(a + 11, NULL, 10);
        else if (a[0] == '-')
            usage();
        else if (!edges_path)
            edges_path = a;
        else if (!query_path)
            query_path = a;
        else
            usage();
    }
    if (!edges_path || !query_path)
        usage();
    bool run_q[4] = {false, false, false, false};
    if (g_ascii_strcasecmp(phases, "none") != 0) {
        gchar **list = g_strsplit(phases, ",", -1);
        for (gchar **p = list; *p; p++) {
            gchar *ph = g_strstrip(*p);
            if (!g_ascii_strcasecmp(ph, "Q1"))
                run_q[1] = true;
            else if (!g_ascii_strcasecmp(ph, "Q2"))
                run_q[2] = true;
            else if (!g_ascii_strcasecmp(ph, "Q3"))
                run_q[3] = true;
            else if (*ph)
                die("unknown phase", ph);
        }
        g_strfreev(list);
    }

    Query q;
    read_query(query_path, &q);
    Graph G;
    GString *body = g_string_new(NULL), *rss = g_string_new(NULL);
    Stopwatch sw = {g_string_new(NULL), g_string_new(NULL), 0, 0};
    sw_start(&sw);
    load(edges_path, &G);
    sw_stop(&sw, "L", 0);
    g_string_append_printf(rss, "\"after_L\": %ld", maxrss_kb());

    const char *ver;
    igraph_version(&ver, NULL, NULL, NULL);
    printf("{\"peer\": \"igraph-c\", \"version\": \"igraph %s (C)\", \"graph\": {\"nodes\": %ld, "
           "\"edges\": %ld, \"rows\": %ld, \"self_loop_rows\": %ld, \"bad_rows\": %ld}",
           ver, (long)igraph_vcount(&G.g), (long)G.m, G.rows, G.self_loops, G.bad);

    for (int ph = 1; ph <= 3; ph++) {
        if (!run_q[ph])
            continue;
        g_string_truncate(body, 0);
        sw_start(&sw);
        bool partial = false;
        if (ph == 1)
            q1(&G, &q, body);
        else if (ph == 2)
            partial = q2(&G, &q, limit, body);
        else
            q3(&G, &q, body);
        char name[4] = {'Q', (char)('0' + ph), '\0'};
        sw_stop(&sw, name, partial ? (double)q.territory->len / (double)limit : 0);
        g_string_append_printf(rss, ", \"after_Q%d\": %ld", ph, maxrss_kb());
        printf(", %s", body->str);
    }
    printf(", \"timings_s\": {%s}, \"cpu_timings_s\": {%s}, \"maxrss_kb\": {%s}}\n", sw.wall->str,
           sw.cpu->str, rss->str);

    g_string_free(body, TRUE);
    g_string_free(sw.wall, TRUE);
    g_string_free(sw.cpu, TRUE);
    g_string_free(rss, TRUE);
    igraph_destroy(&G.g);
    igraph_vector_destroy(&G.w);
    g_free(G.edges);
    g_hash_table_destroy(G.index);
    g_ptr_array_free(G.names, TRUE);
    g_string_chunk_free(G.chunk);
    g_ptr_array_free(q.territory, TRUE);
    g_free(q.seeker);
    g_free(q.target);
    return 0;
}
