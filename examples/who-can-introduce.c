/* SPDX-License-Identifier: MIT */
/* who-can-introduce: a program built on the installed libwarmpath (README "Library").
 *
 *   who-can-introduce [--as-of YYYY-MM-DD] DATA_DIR SELLER TARGET [COMPANY]
 *
 * Loads a data directory (people.csv, edges.csv), finds who can introduce SELLER to TARGET
 * (working at COMPANY, when names are shared) and prints each path with its chance, best first. */
#include <stdio.h>
#include <warmpath/warmpath.h>

/* Names come from the data: made safe for a terminal before they are printed. */
static void print_person(const WpGraph *graph, WpPerson person)
{
    g_autofree char *name = wp_text_for_terminal(wp_graph_person_label(graph, person));
    fputs(name, stdout);
}

static int fail(const char *what, const GError *error)
{
    g_autofree char *message = wp_text_for_terminal(error->message);
    fprintf(stderr, "who-can-introduce: %s: %s\n", what, message);
    return 1;
}

int main(int argc, char **argv)
{
    g_autofree char *as_of_text = NULL;
    const GOptionEntry entries[] = {{"as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
                                     "Measure recency to this date", "YYYY-MM-DD"},
                                    G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("DATA_DIR SELLER TARGET [COMPANY]");
    g_option_context_add_main_entries(context, entries, NULL);
    g_autoptr(GError) error = NULL;
    WpDay as_of = WP_DAY_NONE; /* today */
    if (!g_option_context_parse(context, &argc, &argv, &error) || argc < 4 || argc > 5 ||
        (as_of_text != NULL && !wp_day_parse(as_of_text, &as_of))) {
        fprintf(stderr, "usage: who-can-introduce [--as-of YYYY-MM-DD] DATA_DIR SELLER TARGET "
                        "[COMPANY]\n");
        return 2;
    }

    g_autofree char *ties = g_build_filename(argv[1], "edges.csv", NULL);
    g_autofree char *people = g_build_filename(argv[1], "people.csv", NULL);
    WpLoadSpec spec = {.ties_file = ties, .people_file = people};
    g_autoptr(WpGraph) graph = wp_graph_load(&spec, &error);
    if (graph == NULL)
        return fail("cannot load the network", error);
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, model, as_of, NULL);

    WpPerson seller = wp_graph_resolve_person(graph, argv[2], NULL, &error);
    if (seller == WP_PERSON_NONE)
        return fail("seller", error);
    WpPerson target = wp_graph_resolve_person(graph, argv[3], argc == 5 ? argv[4] : NULL, &error);
    if (target == WP_PERSON_NONE)
        return fail("target", error);

    WpPathQuery query = WP_PATH_QUERY_INIT;
    query.max_hops = wp_model_max_hops(model);
    query.min_probability = wp_model_min_probability(model);
    /* No query context (one query: a temporary one is made) and no cancellable. */
    g_autoptr(WpPathSet) set =
        wp_path_find(scoring, NULL, &seller, 1, target, &query, NULL, &error);
    if (set == NULL)
        return fail("search", error);

    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        printf("%u. %4.1f%%  ", i + 1, 100.0 * path->probability);
        for (guint j = 0; j < path->n_people; j++) {
            fputs(j == 0 ? "" : " -> ", stdout);
            print_person(graph, path->people[j]);
        }
        putchar('\n');
    }
    if (set->paths->len == 0)
        puts("no path within the model's limits");
    else
        printf("at least one works: %.1f%%\n", 100.0 * set->at_least_one);
    return 0;
}
