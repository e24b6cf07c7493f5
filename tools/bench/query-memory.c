/* SPDX-License-Identifier: MIT */
/*
 * query-memory: what one query allocates, as a long-running service would ask it.
 *
 *   query-memory EDGES.csv QUERY.txt [--people FILE] [--model default|raw] [--max-hops N]
 *                [--min-probability P] [--queries N] [--no-context] [--rank]
 *
 * Loads the network, then asks `path` from the query file's seeker to each territory member in
 * turn (or, with --rank, ranks the seeker's contacts over the territory, --queries times), and
 * reports the bytes each query allocated (malloc, calloc, realloc growth, aligned_alloc: this
 * program interposes the C library's allocator) and the page faults it caused: the first query,
 * then the mean of the others. With one WpQueryContext reused across the queries (the default)
 * the workspaces sized by the number of people are allocated by the first query only;
 * --no-context lets each query make its own, as a query without a context does.
 */
#define _GNU_SOURCE /* malloc_usable_size(), RUSAGE_SELF */
#include <warmpath/warmpath.h>

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* ---- counting allocator: the C library's, with a running total of bytes asked for ---- */

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *p);

static gint64 allocated; /* atomic: bytes asked for so far */

static void count(size_t n)
{
    __atomic_add_fetch(&allocated, (gint64)n, __ATOMIC_RELAXED);
}

void *malloc(size_t size)
{
    count(size);
    return __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    count(n * size);
    return __libc_calloc(n, size);
}

void *realloc(void *p, size_t size)
{
    size_t had = p != NULL ? malloc_usable_size(p) : 0;
    if (size > had)
        count(size - had); /* growth only: a GArray doubling is not a whole new array */
    return __libc_realloc(p, size);
}

void *aligned_alloc(size_t alignment, size_t size)
{
    count(size);
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size)
{
    count(size);
    *out = __libc_memalign(alignment, size);
    return *out != NULL ? 0 : 12; /* ENOMEM */
}

void *memalign(size_t alignment, size_t size)
{
    count(size);
    return __libc_memalign(alignment, size);
}

void free(void *p)
{
    __libc_free(p);
}

/* ---- the queries ---- */

typedef struct {
    gint64 bytes;
    glong faults;
    double ms;
} Cost;

static glong minor_faults(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_minflt;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static void start(Cost *c)
{
    c->bytes = __atomic_load_n(&allocated, __ATOMIC_RELAXED);
    c->faults = minor_faults();
    c->ms = now_ms();
}

static void stop(Cost *c)
{
    c->bytes = __atomic_load_n(&allocated, __ATOMIC_RELAXED) - c->bytes;
    c->faults = minor_faults() - c->faults;
    c->ms = now_ms() - c->ms;
}

static void report(const char *what, const Cost *costs, guint n)
{
    if (n == 0)
        return;
    printf("%s: %u queries\n", what, n);
    printf("  first:  %10.2f MB allocated, %7ld page faults, %8.2f ms\n", costs[0].bytes / 1e6,
           costs[0].faults, costs[0].ms);
    if (n < 2)
        return;
    double bytes = 0, faults = 0, ms = 0;
    gint64 most = 0;
    for (guint i = 1; i < n; i++) {
        bytes += (double)costs[i].bytes;
        faults += (double)costs[i].faults;
        ms += costs[i].ms;
        most = MAX(most, costs[i].bytes);
    }
    printf("  others: %10.3f MB allocated (most %.3f MB), %7.1f page faults, %8.2f ms (means)\n",
           bytes / (n - 1) / 1e6, most / 1e6, faults / (n - 1), ms / (n - 1));
}

/* The seeker and the territory of a query file (tools/bench/make_query.py). */
static gboolean read_query(const char *filename, const WpGraph *g, WpPerson *seeker,
                           GArray *territory, GError **error)
{
    g_autofree char *text = NULL;
    if (!g_file_get_contents(filename, &text, NULL, error))
        return FALSE;
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    *seeker = WP_PERSON_NONE;
    for (guint i = 0; lines[i] != NULL; i++) {
        g_auto(GStrv) kv = g_strsplit(g_strstrip(lines[i]), " ", 2);
        if (kv[0] == NULL || kv[1] == NULL)
            continue;
        WpPerson p = wp_graph_find_id(g, g_strstrip(kv[1]));
        if (strcmp(kv[0], "seeker") == 0)
            *seeker = p;
        else if (strcmp(kv[0], "territory") == 0 && p != WP_PERSON_NONE)
            g_array_append_val(territory, p);
    }
    if (*seeker == WP_PERSON_NONE || territory->len == 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: no known seeker or territory", filename);
        return FALSE;
    }
    return TRUE;
}

int main(int argc, char **argv)
{
    char *people = NULL, *model_spec = NULL;
    gint max_hops = -1, n_queries = 0;
    double floor = -1;
    gboolean no_context = FALSE, rank = FALSE;
    const GOptionEntry entries[] = {
        {"people", 0, 0, G_OPTION_ARG_FILENAME, &people, "People file", "FILE"},
        {"model", 0, 0, G_OPTION_ARG_STRING, &model_spec, "default (default) or raw", "MODEL"},
        {"max-hops", 0, 0, G_OPTION_ARG_INT, &max_hops, "Hop limit (default: the model's)", "N"},
        {"min-probability", 0, 0, G_OPTION_ARG_DOUBLE, &floor, "Floor (default: the model's)", "P"},
        {"queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "How many (default: the territory)", "N"},
        {"no-context", 0, 0, G_OPTION_ARG_NONE, &no_context, "A new context per query", NULL},
        {"rank", 0, 0, G_OPTION_ARG_NONE, &rank, "Rank the territory instead", NULL},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) options = g_option_context_new("EDGES.csv QUERY.txt");
    g_option_context_add_main_entries(options, entries, NULL);
    g_autoptr(GError) error = NULL;
    if (!g_option_context_parse(options, &argc, &argv, &error) || argc != 3) {
        fprintf(stderr, "usage: query-memory EDGES.csv QUERY.txt [OPTION...]\n");
        return 2;
    }
    g_autofree char *people_file = people;
    g_autofree char *spec_text = model_spec;
    WpLoadSpec spec = {.ties_file = argv[1], .people_file = people_file};
    g_autoptr(WpGraph) graph = wp_graph_load(&spec, &error);
    g_autoptr(WpModel) model = graph ? wp_model_new_from_spec(spec_text, &error) : NULL;
    if (model == NULL) {
        fprintf(stderr, "query-memory: %s\n", error->message);
        return 1;
    }
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, model, WP_DAY_NONE, NULL);
    WpPerson seeker;
    g_autoptr(GArray) territory = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    if (!read_query(argv[2], graph, &seeker, territory, &error)) {
        fprintf(stderr, "query-memory: %s\n", error->message);
        return 1;
    }
    guint hops = max_hops >= 0 ? (guint)max_hops : wp_model_max_hops(model);
    double min_p = floor >= 0 ? floor : wp_model_min_probability(model);
    guint n = n_queries > 0 ? (guint)n_queries : rank ? 10 : territory->len;
    g_autofree Cost *costs = g_new0(Cost, n);
    g_autoptr(WpQueryContext) context = no_context ? NULL : wp_query_context_new(graph);
    printf("%u people, %u ties; %s model, %s, max_hops %u, min_probability %g\n",
           wp_graph_n_people(graph), wp_graph_n_ties(graph), spec_text ? spec_text : "default",
           no_context ? "no context" : "one context", hops, min_p);
    for (guint i = 0; i < n; i++) {
        start(&costs[i]);
        if (rank) {
            WpRankQuery q = {.sellers = &seeker,
                             .n_sellers = 1,
                             .targets = (const WpPerson *)territory->data,
                             .n_targets = territory->len,
                             .max_hops = hops,
                             .min_probability = min_p,
                             .n_threads = 1};
            g_autoptr(WpRankResult) r = wp_rank_run(scoring, context, &q, NULL, &error);
            if (r == NULL)
                break;
        } else {
            WpPerson target = g_array_index(territory, WpPerson, i % territory->len);
            WpPathQuery q = {5, hops, min_p, FALSE};
            g_autoptr(WpPathSet) set =
                wp_path_find(scoring, context, &seeker, 1, target, &q, NULL, &error);
            if (set == NULL)
                break;
        }
        stop(&costs[i]);
    }
    if (error != NULL) {
        fprintf(stderr, "query-memory: %s\n", error->message);
        return 1;
    }
    report(rank ? "rank (one thread)" : "path", costs, n);
    return 0;
}
