/* SPDX-License-Identifier: MIT */
/*
 * path-latency: where a service's path questions spend their time, one question at a time.
 *
 *   path-latency DATA_DIR PAIRS.txt [--cache DIR] [--slowest N]
 *
 * Loads DATA_DIR's network the way `warmpath serve` does (people.csv and edges.csv, the default
 * profile, every tie's cost computed ahead) and answers each "FROM TO" line of PAIRS.txt as
 * GET /v1/paths?from=FROM&to=TO would (wp_path_find() with the default k, hop limit and floor,
 * then the report's JSON) on one query context, timing each on the thread's CPU clock. Prints
 * the distribution (mean, p50/p90/p99/max) by kind of answer (paths found, or empty with hints)
 * and the slowest questions, so a change to the search can be judged on the questions that make
 * a load test's tail. serve_load.py measures the service itself; this isolates the engine.
 */
#include "warmpath/warmpath.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    double ms;
    guint line;
    gboolean empty;
    guint n_paths;
} Timing;

/* What the empty answers' hints came to. */
typedef struct {
    guint best_found, best_cut, best_none;
    guint colleagues_found, colleagues_cut, colleagues_none;
} Hints;

static double thread_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_ms(const void *a, const void *b)
{
    double x = ((const Timing *)a)->ms, y = ((const Timing *)b)->ms;
    return (x > y) - (x < y);
}

static void summary(const char *what, GArray *t)
{
    if (t->len == 0)
        return;
    g_array_sort(t, by_ms);
    const Timing *v = (const Timing *)t->data;
    double sum = 0;
    for (guint i = 0; i < t->len; i++)
        sum += v[i].ms;
    printf("%-8s %6u  mean %7.2f  p50 %7.2f  p90 %7.2f  p99 %7.2f  max %7.2f  total %8.1f ms\n",
           what, t->len, sum / t->len, v[t->len / 2].ms, v[t->len * 9 / 10].ms,
           v[MIN(t->len - 1, t->len * 99 / 100)].ms, v[t->len - 1].ms, sum);
}

int main(int argc, char **argv)
{
    char *cache = NULL, *answers_file = NULL;
    gint slowest = 10;
    GOptionEntry entries[] = {
        {"cache", 0, 0, G_OPTION_ARG_FILENAME, &cache, "Compiled networks' folder", "DIR"},
        {"slowest", 0, 0, G_OPTION_ARG_INT, &slowest, "Slowest questions listed", "N"},
        {"answers", 0, 0, G_OPTION_ARG_FILENAME, &answers_file,
         "Also write each answer's JSON, a line each (to compare two builds' answers)", "FILE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) options = g_option_context_new("DATA_DIR PAIRS.txt");
    g_option_context_add_main_entries(options, entries, NULL);
    g_autoptr(GError) error = NULL;
    if (!g_option_context_parse(options, &argc, &argv, &error) || argc != 3) {
        fprintf(stderr, "usage: path-latency DATA_DIR PAIRS.txt [--cache DIR] [--slowest N]\n");
        return 2;
    }
    g_autofree char *cache_dir = cache;
    g_autofree char *answers_name = answers_file;
    FILE *answers = answers_name ? fopen(answers_name, "w") : NULL;
    if (answers_name != NULL && answers == NULL) {
        fprintf(stderr, "path-latency: cannot write %s\n", answers_name);
        return 1;
    }
    g_autofree char *ties = g_build_filename(argv[1], "edges.csv", NULL);
    g_autofree char *people = g_build_filename(argv[1], "people.csv", NULL);
    WpLoadSpec spec = {.ties_file = ties, .people_file = people};
    g_autoptr(WpGraph) graph = cache_dir ? wp_graph_load_cached(&spec, cache_dir, 0, NULL, &error)
                                         : wp_graph_load(&spec, &error);
    if (graph == NULL) {
        fprintf(stderr, "path-latency: %s\n", error->message);
        return 1;
    }
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, model, WP_DAY_NONE, NULL);
    wp_scoring_compute_costs(scoring);
    WpQueryContext *context = wp_query_context_new(graph);

    g_autofree char *text = NULL;
    if (!g_file_get_contents(argv[2], &text, NULL, &error)) {
        fprintf(stderr, "path-latency: %s\n", error->message);
        return 1;
    }
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    g_autoptr(GArray) all = g_array_new(FALSE, FALSE, sizeof(Timing));
    g_autoptr(GArray) found = g_array_new(FALSE, FALSE, sizeof(Timing));
    g_autoptr(GArray) empty = g_array_new(FALSE, FALSE, sizeof(Timing));
    WpPathQuery query = {5, wp_model_max_hops(model), wp_model_min_probability(model), FALSE};
    Hints hints = {0};
    for (guint i = 0; lines[i] != NULL; i++) {
        g_auto(GStrv) pair = g_strsplit(g_strstrip(lines[i]), " ", 2);
        if (pair[0] == NULL || pair[1] == NULL)
            continue;
        WpPerson from = wp_graph_find_id(graph, pair[0]), to = wp_graph_find_id(graph, pair[1]);
        if (from == WP_PERSON_NONE || to == WP_PERSON_NONE)
            continue;
        double start = thread_ms();
        g_autoptr(WpPathSet) set =
            wp_path_find(scoring, context, &from, 1, to, &query, NULL, &error);
        if (set == NULL) {
            fprintf(stderr, "path-latency: line %u: %s\n", i + 1, error->message);
            g_clear_error(&error);
            continue;
        }
        WpPathRequest request = {&from, 1, query, NULL, NULL, NULL, "default"};
        WpPathReport *report = wp_path_report_new(scoring, set, &request);
        JsonNode *json = wp_report_paths_json(report);
        g_autofree char *json_text = json_to_string(json, FALSE);
        json_node_unref(json);
        wp_path_report_free(report);
        if (set->paths->len == 0) {
            if (set->unconstrained_cut)
                hints.best_cut++;
            else if (set->unconstrained.n_people > 0)
                hints.best_found++;
            else
                hints.best_none++;
            if (set->suggestions_cut)
                hints.colleagues_cut++;
            else if (set->suggestions->len > 0)
                hints.colleagues_found++;
            else
                hints.colleagues_none++;
        }
        double ms = thread_ms() - start;
        if (answers != NULL)
            fprintf(answers, "%s\n", json_text);
        Timing t = {ms, i + 1, set->paths->len == 0, set->paths->len};
        g_array_append_val(all, t);
        g_array_append_val(t.empty ? empty : found, t);
    }
    wp_query_context_free(context);
    if (answers != NULL && fclose(answers) != 0) {
        fprintf(stderr, "path-latency: cannot write %s\n", answers_name);
        return 1;
    }
    summary("all", all);
    summary("found", found);
    summary("empty", empty);
    printf("empty answers' hints: best path anywhere %u found, %u none, %u cut short; "
           "colleagues %u found, %u none, %u cut short\n",
           hints.best_found, hints.best_none, hints.best_cut, hints.colleagues_found,
           hints.colleagues_none, hints.colleagues_cut);
    const Timing *v = (const Timing *)all->data;
    for (guint i = all->len; i > 0 && all->len - i < (guint)slowest; i--)
        printf("  %7.2f ms  line %u  %s (%u paths)\n", v[i - 1].ms, v[i - 1].line,
               v[i - 1].empty ? "empty" : "found", v[i - 1].n_paths);
    return 0;
}
