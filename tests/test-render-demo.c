/* SPDX-License-Identifier: MIT */
/* Diagrams of the demo's answers: a path, an empty answer, an account map and a territory
 * plan, each checked against the network it was drawn from. */
#include "render-helpers.h"

/* The demo network with the default model as of the story's date, loaded once. */
static WpGraph *demo;

static WpGraph *load_demo(void)
{
    const char *root = g_getenv("WP_SOURCE_DIR");
    g_assert_nonnull(root);
    g_autofree char *edges = g_build_filename(root, "datasets", "demo", "edges.csv", NULL);
    g_autofree char *people = g_build_filename(root, "datasets", "demo", "people.csv", NULL);
    WpLoadSpec spec = {edges, people, WP_TIES_FORMAT_AUTO, WP_LOAD_DEFAULT};
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    WpDay day;
    g_assert_true(wp_day_parse("2026-11-01", &day));
    wp_graph_apply_model(graph, model, day);
    return graph;
}

static const WpGraph *demo_graph(void)
{
    if (demo == NULL)
        demo = load_demo();
    return demo;
}

static gint node_of(const WpDiagram *d, const char *name)
{
    gint found = -1;
    for (guint i = 0; i < d->nodes->len; i++)
        if (strcmp(wp_diagram_node(d, i)->name, name) == 0) {
            g_assert_cmpint(found, ==, -1); /* drawn once */
            found = (gint)i;
        }
    return found;
}

/* "55%" for 0.552, as a person rounds it (values here are all >= 10%). */
static char *percent(double p)
{
    return g_strdup_printf("%d%%", (int)floor(100 * p + 0.5));
}

static void test_path_diagram(void)
{
    const WpGraph *graph = demo_graph();
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    WpPerson bob = wp_graph_find_id(graph, "p00006");
    WpPathQuery query = WP_PATH_QUERY_INIT;
    query.min_probability = 0.01;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set = wp_path_find(graph, &alice, 1, bob, &query, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, >=, 3);
    WpDiagramLimits limits = {2, 0, NULL};
    g_autoptr(WpDiagram) d = wp_diagram_new_paths(graph, set, &alice, 1, &limits);

    /* The story's best referral source, Priya Natarajan (p00067), is route #1. */
    const WpPath *best = &g_array_index(set->paths, WpPath, 0);
    g_assert_cmpstr(wp_graph_person_id(graph, best->people[1]), ==, "p00067");

    /* Exactly the people of the two best routes, each once, with their roles. */
    g_autoptr(GHashTable) people = g_hash_table_new(g_direct_hash, g_direct_equal);
    guint n_ties = 0;
    for (guint r = 0; r < 2; r++) {
        const WpPath *p = &g_array_index(set->paths, WpPath, r);
        for (guint i = 0; i < p->n_people; i++)
            g_hash_table_add(people, GUINT_TO_POINTER(p->people[i] + 1));
        n_ties += p->n_people - 1;
    }
    g_assert_cmpuint(d->nodes->len, ==, g_hash_table_size(people));
    g_assert_cmpuint(d->edges->len, ==, n_ties); /* the two routes share no tie */
    gint a = node_of(d, "Alice Carter"), b = node_of(d, "Bob Smith");
    gint priya = node_of(d, "Priya Natarajan");
    g_assert_cmpint(wp_diagram_node(d, a)->role, ==, WP_DIAGRAM_SELLER);
    g_assert_cmpint(wp_diagram_node(d, b)->role, ==, WP_DIAGRAM_TARGET);
    g_assert_cmpint(wp_diagram_node(d, priya)->role, ==, WP_DIAGRAM_SOURCE);
    g_assert_true(wp_diagram_node(d, priya)->emphasis);

    /* Route tags: "#1 · P%" on the best route's first tie (emphasised), "#2 · P%" once. */
    g_autofree char *p1 = percent(best->probability);
    g_autofree char *p2 = percent(g_array_index(set->paths, WpPath, 1).probability);
    g_autofree char *tag1 = g_strdup_printf("#1 \u00b7 %s", p1);
    g_autofree char *tag2 = g_strdup_printf("#2 \u00b7 %s", p2);
    gint e = wp_diagram_find_edge(d, (guint)a, (guint)priya);
    g_assert_cmpint(e, >=, 0);
    g_assert_true(wp_diagram_edge(d, e)->emphasis);
    g_assert_nonnull(strstr(wp_diagram_edge(d, e)->label, tag1));
    guint n_tag2 = 0, n_emphasis = 0;
    for (guint i = 0; i < d->edges->len; i++) {
        n_tag2 += strstr(wp_diagram_edge(d, i)->label, tag2) != NULL;
        n_emphasis += wp_diagram_edge(d, i)->emphasis;
    }
    g_assert_cmpuint(n_tag2, ==, 1);
    g_assert_cmpuint(n_emphasis, ==, best->n_people - 1);
    /* The client tie Alice-Priya is coloured as a client tie. */
    g_assert_cmpint(wp_diagram_edge(d, e)->type, ==, WP_TIE_CLIENT);

    /* What the cap left out is said in the picture. */
    g_autofree char *note = g_strdup_printf("%u more routes found but not drawn (the best 2 are "
                                            "shown).",
                                            set->paths->len - 2);
    gboolean found = FALSE;
    for (guint i = 0; i < d->notes->len; i++)
        found |= strcmp(d->notes->pdata[i], note) == 0;
    g_assert_true(found);

    g_autoptr(GBytes) svg = render(d, WP_DIAGRAM_SVG);
    gsize len = 0;
    const char *text = g_bytes_get_data(svg, &len);
    g_autoptr(GPtrArray) texts = markup_texts(text, len, "text");
    g_assert_true(contains(texts, "Priya Natarajan"));
    g_assert_true(contains(texts, tag1));
    g_assert_true(contains(texts, note));
}

static void test_empty_path(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph =
        wp_graph_load_from_data("source,target\na,b\nc,d\n", NULL, 0, &error);
    g_assert_no_error(error);
    WpPerson a = wp_graph_find_id(graph, "a"), d_ = wp_graph_find_id(graph, "d");
    WpPathQuery query = WP_PATH_QUERY_INIT;
    g_autoptr(WpPathSet) set = wp_path_find(graph, &a, 1, d_, &query, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 0);
    g_autoptr(WpDiagram) d = wp_diagram_new_paths(graph, set, &a, 1, NULL);
    g_assert_cmpuint(d->nodes->len, ==, 2);
    g_assert_cmpuint(d->edges->len, ==, 0);
    g_assert_cmpint(wp_diagram_node(d, node_of(d, "a"))->role, ==, WP_DIAGRAM_SELLER);
    g_assert_cmpint(wp_diagram_node(d, node_of(d, "d"))->role, ==, WP_DIAGRAM_TARGET);
    gboolean found = FALSE;
    for (guint i = 0; i < d->notes->len; i++)
        found |= strstr(d->notes->pdata[i], "cannot be reached") != NULL;
    g_assert_true(found);
    g_autoptr(GBytes) png = render(d, WP_DIAGRAM_PNG);
    assert_png(png);
}

static void test_account_map(void)
{
    const WpGraph *graph = demo_graph();
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    WpPathQuery query = {0, 4, 0.01, FALSE};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find_into_company(graph, &alice, 1, "Acme", NULL, &query, &error);
    g_assert_no_error(error);
    guint n = set->paths->len;
    g_assert_cmpuint(n, >, 10);
    WpDiagramLimits limits = {10, 0, NULL};
    g_autoptr(WpDiagram) d =
        wp_diagram_new_account_map(graph, set, &alice, 1, "acme", NULL, &limits);
    g_assert_cmpstr(d->title, ==, "Account map: Acme");

    /* Ten badges, one per route end, each the route's probability; every Acme person sits in
     * the box of their function inside the account box; Alice in our team's box. */
    guint n_badges = 0;
    for (guint r = 0; r < 10; r++) {
        const WpPath *p = &g_array_index(set->paths, WpPath, r);
        WpPerson end = p->people[p->n_people - 1];
        gint node = node_of(d, wp_graph_person_label(graph, end));
        g_assert_cmpint(node, >=, 0);
        const WpDiagramNode *nd = wp_diagram_node(d, node);
        g_assert_cmpint(nd->role, ==, WP_DIAGRAM_ACCOUNT);
        g_autofree char *pct = percent(p->probability);
        if (p->probability >= 0.1)
            g_assert_cmpstr(nd->badge, ==, pct);
        const WpDiagramCluster *group = wp_diagram_cluster(d, nd->cluster);
        g_assert_cmpint(group->kind, ==, WP_DIAGRAM_CLUSTER_GROUP);
        g_assert_cmpstr(group->label, ==, wp_graph_person_attr(graph, end, "function"));
        const WpDiagramCluster *account = wp_diagram_cluster(d, group->parent);
        g_assert_cmpint(account->kind, ==, WP_DIAGRAM_CLUSTER_ACCOUNT);
        g_assert_cmpstr(account->label, ==, "Acme");
    }
    for (guint i = 0; i < d->nodes->len; i++)
        n_badges += wp_diagram_node(d, i)->badge != NULL;
    g_assert_cmpuint(n_badges, ==, 10);
    const WpDiagramNode *seller = wp_diagram_node(d, node_of(d, "Alice Carter"));
    g_assert_cmpint(seller->role, ==, WP_DIAGRAM_SELLER);
    g_assert_true(seller->emphasis);
    g_assert_cmpint(seller->cluster, ==, -1); /* one seller: no team box */

    /* Acme has 25 people (the demo README); the notes count what was left out. */
    g_autofree char *capped = g_strdup_printf(
        "%u more reachable people not drawn (the best 10 routes are shown).", n - 10);
    g_assert_cmpstr(d->notes->pdata[0], ==, capped);
    if (n < 25) {
        g_autofree char *cold =
            g_strdup_printf("%u people at Acme cannot be reached within the limits.", 25 - n);
        g_assert_cmpstr(d->notes->pdata[1], ==, cold);
    }
    g_autoptr(GBytes) dot = render(d, WP_DIAGRAM_DOT);
    Agraph_t *g = read_dot(dot);
    g_assert_cmpint(agnnodes(g), ==, (int)d->nodes->len);
    g_assert_cmpint(agnedges(g), ==, (int)d->edges->len);
    agclose(g);
    g_autoptr(GBytes) png = render(d, WP_DIAGRAM_PNG);
    assert_png(png);
}

static void test_territory(void)
{
    const WpGraph *graph = demo_graph();
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    const char *exprs[] = {"industry=Fintech", "region=US-East", "title~vp,cfo"};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = wp_where_parse(exprs, 3, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (WpPerson p = 0; p < wp_graph_n_people(graph); p++)
        if (wp_where_matches(where, graph, p))
            g_array_append_val(targets, p);
    g_assert_cmpuint(targets->len, ==, 56); /* the demo README's count */
    WpRankQuery query = {.sellers = &alice,
                         .n_sellers = 1,
                         .targets = (const WpPerson *)targets->data,
                         .n_targets = targets->len,
                         .max_hops = 4,
                         .min_probability = 0.01,
                         .n_best = 2};
    g_autoptr(WpRankResult) result = wp_rank_run(graph, &query, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(result->sources->len, >, 3);
    WpDiagramLimits limits = {3, 2, NULL};
    g_autoptr(WpDiagram) d =
        wp_diagram_new_territory(graph, result, &alice, 1, "Fintech US-East", &limits);

    guint n_sources = 0, n_summary = 0, expected_summary = 0;
    for (guint s = 0; s < 3; s++) {
        const WpRankSource *src = &g_array_index(result->sources, WpRankSource, s);
        expected_summary += MIN(src->reach->len, 2);
    }
    for (guint i = 0; i < d->nodes->len; i++)
        n_sources += wp_diagram_node(d, i)->role == WP_DIAGRAM_SOURCE;
    for (guint i = 0; i < d->edges->len; i++)
        n_summary += wp_diagram_edge(d, i)->summary;
    g_assert_cmpuint(n_sources, ==, 3);
    g_assert_cmpuint(n_summary, ==, expected_summary);
    g_autofree char *more = g_strdup_printf("%u more referral sources not drawn (the top 3 by "
                                            "expected introductions are shown).",
                                            result->sources->len - 3);
    gboolean found_more = FALSE, found_cold = FALSE;
    for (guint i = 0; i < d->notes->len; i++) {
        found_more |= strcmp(d->notes->pdata[i], more) == 0;
        /* Planted unreachable accounts (demo README). */
        found_cold |= strstr(d->notes->pdata[i], "Maplepeak Capital Inc") != NULL &&
                      strstr(d->notes->pdata[i], "Silvercrest Capital LLC") != NULL;
    }
    g_assert_true(found_more);
    g_assert_true(found_cold);
    g_autoptr(GBytes) svg = render(d, WP_DIAGRAM_SVG);
    gsize len = 0;
    const char *text = g_bytes_get_data(svg, &len);
    g_autoptr(GPtrArray) texts = markup_texts(text, len, "text");
    g_assert_true(contains(texts, "Territory plan: Fintech US-East"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/render/paths/demo", test_path_diagram);
    g_test_add_func("/render/paths/empty", test_empty_path);
    g_test_add_func("/render/account-map/demo", test_account_map);
    g_test_add_func("/render/territory/demo", test_territory);
    return g_test_run();
}
