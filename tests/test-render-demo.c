/* SPDX-License-Identifier: MIT */
/* Diagrams of the demo's answers: a path, an empty answer, an account map and a territory
 * plan, each checked against the network it was drawn from. */
#include "render-helpers.h"

/* The demo network with the default model as of the story's date, loaded once. */
static WpScoring *demo;

static WpScoring *load_demo(void)
{
    const char *root = g_getenv("WP_SOURCE_DIR");
    g_assert_nonnull(root);
    g_autofree char *edges = g_build_filename(root, "datasets", "demo", "edges.csv", NULL);
    g_autofree char *people = g_build_filename(root, "datasets", "demo", "people.csv", NULL);
    WpLoadSpec spec = {.ties_file = edges,
                       .people_file = people,
                       .ties_format = WP_TIES_FORMAT_AUTO,
                       .flags = WP_LOAD_DEFAULT};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    WpDay day;
    g_assert_true(wp_day_parse("2026-11-01", &day));
    return wp_scoring_new(graph, model, day, NULL);
}

static const WpScoring *demo_scoring(void)
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

static void free_string(gpointer string)
{
    g_string_free(string, TRUE);
}

/* "55%" for 0.552, as a person rounds it (values here are all >= 10%). */
static char *percent(double p)
{
    return g_strdup_printf("%d%%", (int)floor(100 * p + 0.5));
}

static void test_path_diagram(void)
{
    const WpScoring *scoring = demo_scoring();
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    WpPerson bob = wp_graph_find_id(graph, "p00006");
    WpPathQuery query = WP_PATH_QUERY_INIT;
    query.min_probability = 0.01;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set = wp_path_find(scoring, NULL, &alice, 1, bob, &query, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, >=, 3);
    WpDiagramLimits limits = {2, 0, NULL};
    g_autoptr(WpDiagram) d = wp_diagram_new_paths(scoring, set, &alice, 1, &limits);

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

    /* Each route's number and chance on the person where it starts; each tie tagged with the
     * numbers of exactly the drawn routes through it, worked out here from the paths. */
    g_autofree char *p1 = percent(best->probability);
    g_autofree char *tag1 = g_strdup_printf("#1 \u00b7 %s", p1);
    g_assert_cmpstr(wp_diagram_node(d, priya)->tag, ==, tag1);
    g_autoptr(GHashTable) routes =
        g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, free_string);
    for (guint r = 0; r < 2; r++) {
        const WpPath *p = &g_array_index(set->paths, WpPath, r);
        for (guint i = 0; i + 1 < p->n_people; i++) {
            gint from = node_of(d, wp_graph_person_label(graph, p->people[i]));
            gint to = node_of(d, wp_graph_person_label(graph, p->people[i + 1]));
            gint e = wp_diagram_find_edge(d, (guint)from, (guint)to);
            g_assert_cmpint(e, >=, 0);
            GString *list = g_hash_table_lookup(routes, GINT_TO_POINTER(e + 1));
            if (list == NULL)
                g_hash_table_insert(routes, GINT_TO_POINTER(e + 1), list = g_string_new(NULL));
            g_string_append_printf(list, "%s#%u", list->len ? " " : "", r + 1);
        }
    }
    guint n_emphasis = 0;
    for (guint i = 0; i < d->edges->len; i++) {
        const GString *list = g_hash_table_lookup(routes, GINT_TO_POINTER(i + 1));
        g_assert_nonnull(list);
        g_assert_cmpstr(wp_diagram_edge(d, i)->tag, ==, list->str);
        g_assert_null(wp_diagram_edge(d, i)->label); /* nothing the layout could misplace */
        n_emphasis += wp_diagram_edge(d, i)->emphasis;
    }
    g_assert_cmpuint(n_emphasis, ==, best->n_people - 1);
    gint e = wp_diagram_find_edge(d, (guint)a, (guint)priya);
    g_assert_true(wp_diagram_edge(d, e)->emphasis);
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

/* The eight best paths, shared hops and all: every tie still lists exactly its routes, and
 * where several tagged lines end at one person (Bob Smith), the tags are rows of that
 * person's card, each line ending at its own row. */
static void test_path_shared_hops(void)
{
    const WpScoring *scoring = demo_scoring();
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    WpPerson bob = wp_graph_find_id(graph, "p00006");
    WpPathQuery query = {8, 4, 0.01, TRUE};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set = wp_path_find(scoring, NULL, &alice, 1, bob, &query, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 8);
    g_autoptr(WpDiagram) d = wp_diagram_new_paths(scoring, set, &alice, 1, NULL);
    guint n_hops = 0, n_shared = 0;
    for (guint e = 0; e < d->edges->len; e++) {
        const WpDiagramEdge *edge = wp_diagram_edge(d, e);
        guint listed = 0;
        for (guint r = 0; r < 8; r++) {
            const WpPath *p = &g_array_index(set->paths, WpPath, r);
            gboolean uses = FALSE;
            for (guint i = 0; i + 1 < p->n_people; i++)
                uses |=
                    (guint)node_of(d, wp_graph_person_label(graph, p->people[i])) == edge->from &&
                    (guint)node_of(d, wp_graph_person_label(graph, p->people[i + 1])) == edge->to;
            g_autofree char *number = g_strdup_printf("#%u", r + 1);
            g_auto(GStrv) words = g_strsplit(edge->tag, " ", -1);
            g_assert_cmpint(g_strv_contains((const char *const *)words, number), ==, uses);
            listed += uses;
        }
        g_assert_cmpuint(listed, >=, 1);
        n_hops += listed;
        n_shared += listed >= 2;
    }
    g_assert_cmpuint(n_shared, >=, 1); /* the demo's eight paths do share hops */
    guint n_ties = 0;
    for (guint r = 0; r < 8; r++)
        n_ties += g_array_index(set->paths, WpPath, r).n_people - 1;
    g_assert_cmpuint(n_hops, ==, n_ties);

    gint target = node_of(d, "Bob Smith");
    g_autoptr(GBytes) dot = render(d, WP_DIAGRAM_DOT);
    Agraph_t *g = read_dot(dot);
    char name[32];
    g_snprintf(name, sizeof name, "n%d", target);
    Agnode_t *bob_node = agnode(g, name, 0);
    g_assert_nonnull(bob_node);
    g_autoptr(GHashTable) ports = label_ports(agget(bob_node, (char *)"label"));
    guint n_into = 0;
    for (Agedge_t *in = agfstin(g, bob_node); in != NULL; in = agnxtin(g, in), n_into++) {
        guint index = (guint)g_ascii_strtoull(agnameof(in) + 1, NULL, 10);
        g_snprintf(name, sizeof name, "t%u:w", index);
        g_assert_cmpstr(agget(in, (char *)"headport"), ==, name);
        name[strlen(name) - 2] = '\0';
        g_assert_cmpstr(g_hash_table_lookup(ports, name), ==, wp_diagram_edge(d, index)->tag);
    }
    g_assert_cmpuint(n_into, >=, 2);
    g_assert_cmpuint(g_hash_table_size(ports), ==, n_into);
    agclose(g);
}

static void test_empty_path(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph =
        wp_graph_load_from_data("source,target\na,b\nc,d\n", NULL, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, raw, WP_DAY_NONE, NULL);
    WpPerson a = wp_graph_find_id(graph, "a"), d_ = wp_graph_find_id(graph, "d");
    WpPathQuery query = WP_PATH_QUERY_INIT;
    g_autoptr(WpPathSet) set = wp_path_find(scoring, NULL, &a, 1, d_, &query, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 0);
    g_autoptr(WpDiagram) d = wp_diagram_new_paths(scoring, set, &a, 1, NULL);
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
    const WpScoring *scoring = demo_scoring();
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    WpPathQuery query = {0, 4, 0.01, FALSE};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find_into_company(scoring, NULL, &alice, 1, "Acme", NULL, &query, NULL, &error);
    g_assert_no_error(error);
    guint n = set->paths->len;
    g_assert_cmpuint(n, >, 10);
    WpDiagramLimits limits = {10, 0, NULL};
    g_autoptr(WpDiagram) d =
        wp_diagram_new_account_map(scoring, set, &alice, 1, "acme", NULL, &limits);
    g_assert_cmpstr(d->title, ==, "Account map: Acme");

    /* Ten route ends, each tagged beside the name with its route's probability, all in the
     * account's box (no function boxes: the card names the function, unless the title already
     * does); the end of a direct route, a contact of Alice inside Acme, is a referral source. */
    guint n_tags = 0, n_sources_inside = 0;
    for (guint r = 0; r < 10; r++) {
        const WpPath *p = &g_array_index(set->paths, WpPath, r);
        WpPerson end = p->people[p->n_people - 1];
        gint node = node_of(d, wp_graph_person_label(graph, end));
        g_assert_cmpint(node, >=, 0);
        const WpDiagramNode *nd = wp_diagram_node(d, node);
        g_assert_cmpint(nd->role, ==, p->n_people == 2 ? WP_DIAGRAM_SOURCE : WP_DIAGRAM_ACCOUNT);
        n_sources_inside += p->n_people == 2;
        g_autofree char *pct = percent(p->probability);
        if (p->probability >= 0.1)
            g_assert_cmpstr(nd->tag, ==, pct);
        const WpDiagramCluster *account = wp_diagram_cluster(d, nd->cluster);
        g_assert_cmpint(account->kind, ==, WP_DIAGRAM_CLUSTER_ACCOUNT);
        g_assert_cmpstr(account->label, ==, "Acme");
        const char *title = wp_graph_person_attr(graph, end, "title");
        const char *function = wp_graph_person_attr(graph, end, "function");
        g_autofree char *detail = strstr(title, function) != NULL
                                      ? g_strdup(title)
                                      : g_strdup_printf("%s \u00b7 %s", title, function);
        g_assert_cmpuint(nd->details->len, ==, 1);
        g_assert_cmpstr(nd->details->pdata[0], ==, detail);
    }
    for (guint i = 0; i < d->nodes->len; i++)
        n_tags += wp_diagram_node(d, i)->tag != NULL;
    g_assert_cmpuint(n_tags, ==, 10);
    for (guint i = 0; i < d->clusters->len; i++)
        g_assert_cmpint(wp_diagram_cluster(d, i)->kind, ==, WP_DIAGRAM_CLUSTER_ACCOUNT);
    /* The story's Daniel Okafor (p00008), Alice's friend and Finance Director at Acme, is the
     * best route of all: a direct ask, drawn as a referral source inside the account. */
    g_assert_cmpuint(n_sources_inside, ==, 1);
    const WpPath *direct = &g_array_index(set->paths, WpPath, 0);
    g_assert_cmpuint(direct->n_people, ==, 2);
    g_assert_cmpstr(wp_graph_person_id(graph, direct->people[1]), ==, "p00008");
    const WpDiagramNode *daniel = wp_diagram_node(d, node_of(d, "Daniel Okafor"));
    g_assert_cmpint(daniel->role, ==, WP_DIAGRAM_SOURCE);
    g_assert_cmpint(wp_diagram_cluster(d, daniel->cluster)->kind, ==, WP_DIAGRAM_CLUSTER_ACCOUNT);
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

/* The PNG's size in pixels, from its IHDR chunk. */
static void png_size(GBytes *png, guint *width, guint *height)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(png, &len);
    g_assert_cmpuint(len, >, 24);
    *width = (guint)data[16] << 24 | (guint)data[17] << 16 | (guint)data[18] << 8 | data[19];
    *height = (guint)data[20] << 24 | (guint)data[21] << 16 | (guint)data[22] << 8 | data[23];
}

/* The whole map of Acme, all 25 people, is readable at its natural size: it fits a laptop
 * screen at 2x (1300 x 900 points at 144 dpi). It used to be 2160 x 3630 pixels, function boxes
 * stacked down the page. */
static void test_account_map_size(void)
{
    const WpScoring *scoring = demo_scoring();
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    WpPathQuery query = {0, 4, 0.01, FALSE};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find_into_company(scoring, NULL, &alice, 1, "Acme", NULL, &query, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 25);
    g_autoptr(WpDiagram) d =
        wp_diagram_new_account_map(scoring, set, &alice, 1, "Acme", NULL, NULL);
    g_assert_cmpuint(d->notes->len, ==, 0); /* everyone drawn */
    g_autoptr(GBytes) png = render(d, WP_DIAGRAM_PNG);
    guint width = 0, height = 0;
    png_size(png, &width, &height);
    g_test_message("account map of Acme: %u x %u pixels", width, height);
    g_assert_cmpuint(width, <=, 2600);
    g_assert_cmpuint(height, <=, 1800);
}

/* With the whole team asking, the heading counts the sellers it draws (those whose route is
 * the best into someone) and a note names the others: it used to say "from 5 sellers" over a
 * picture of two. */
static void test_account_map_team(void)
{
    const WpScoring *scoring = demo_scoring();
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GArray) team = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (WpPerson p = 0; p < wp_graph_n_people(graph); p++) {
        const char *name = wp_graph_person_attr(graph, p, "team");
        if (name != NULL && name[0] != '\0')
            g_array_append_val(team, p);
    }
    g_assert_cmpuint(team->len, ==, 5); /* the demo README's five sellers */
    WpPathQuery query = {0, 4, 0.01, FALSE};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set = wp_path_find_into_company(
        scoring, NULL, (const WpPerson *)team->data, team->len, "Acme", NULL, &query, NULL, &error);
    g_assert_no_error(error);
    g_autoptr(WpDiagram) d = wp_diagram_new_account_map(scoring, set, (const WpPerson *)team->data,
                                                        team->len, "Acme", NULL, NULL);
    guint n_drawn = MIN(set->paths->len, WP_DIAGRAM_ACCOUNT_ROUTES);
    g_autoptr(GPtrArray) drawn = g_ptr_array_new(), others = g_ptr_array_new();
    for (guint i = 0; i < team->len; i++) {
        WpPerson seller = g_array_index(team, WpPerson, i);
        gboolean starts = FALSE;
        for (guint r = 0; r < n_drawn; r++)
            starts |= g_array_index(set->paths, WpPath, r).seller == seller;
        g_ptr_array_add(starts ? drawn : others, (gpointer)wp_graph_person_label(graph, seller));
        gint node = node_of(d, wp_graph_person_label(graph, seller));
        g_assert_cmpint(node >= 0, ==, starts);
    }
    g_assert_cmpuint(drawn->len, ==, 2); /* Alice Carter and Marcus Reid in the demo */
    g_assert_cmpuint(others->len, ==, 3);
    g_autofree char *who = g_strdup_printf("from %s and %s (2 of 5 sellers)",
                                           (char *)drawn->pdata[0], (char *)drawn->pdata[1]);
    g_assert_nonnull(strstr(d->subtitle, who));
    g_autofree char *note =
        g_strdup_printf("Sellers not drawn: %s, %s and %s (", (char *)others->pdata[0],
                        (char *)others->pdata[1], (char *)others->pdata[2]);
    gboolean found = FALSE;
    for (guint i = 0; i < d->notes->len; i++)
        found |= g_str_has_prefix(d->notes->pdata[i], note);
    g_assert_true(found);
}

static void test_territory(void)
{
    const WpScoring *scoring = demo_scoring();
    const WpGraph *graph = wp_scoring_graph(scoring);
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
    g_autoptr(WpRankResult) result = wp_rank_run(scoring, NULL, &query, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(result->sources->len, >, 3);
    WpDiagramLimits limits = {3, 2, NULL};
    g_autoptr(WpDiagram) d =
        wp_diagram_new_territory(scoring, result, &alice, 1, "Fintech US-East", &limits);

    /* The sources numbered and stacked in rank order; each route from a source to one of its
     * best targets carries, on its own line, its chance and the source's number. */
    g_assert_cmpuint(d->stack->len, ==, 3);
    guint n_sources = 0, n_summary = 0, expected_summary = 0;
    for (guint s = 0; s < 3; s++) {
        const WpRankSource *src = &g_array_index(result->sources, WpRankSource, s);
        expected_summary += MIN(src->reach->len, 2);
        g_autofree char *name =
            g_strdup_printf("%u. %s", s + 1, wp_graph_person_label(graph, src->person));
        guint node = (guint)node_of(d, name);
        g_assert_cmpuint(g_array_index(d->stack, guint, s), ==, node);
        g_assert_cmpint(wp_diagram_node(d, node)->role, ==, WP_DIAGRAM_SOURCE);
        for (guint t = 0; t < MIN(src->reach->len, 2); t++) {
            const WpRankReach *reach = &g_array_index(src->reach, WpRankReach, t);
            gint target = node_of(d, wp_graph_person_label(graph, reach->target));
            gint e = wp_diagram_find_edge(d, node, (guint)target);
            g_assert_cmpint(e, >=, 0);
            g_assert_true(wp_diagram_edge(d, e)->summary);
            g_autofree char *pct = wp_i_format_percent(reach->probability);
            g_autofree char *tag = g_strdup_printf("%s from %u", pct, s + 1);
            g_assert_cmpstr(wp_diagram_edge(d, e)->tag, ==, tag);
            g_assert_null(wp_diagram_edge(d, e)->label);
        }
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
    gboolean found_more = FALSE, found_cold = FALSE, found_fellows = FALSE;
    for (guint i = 0; i < d->notes->len; i++) {
        found_more |= strcmp(d->notes->pdata[i], more) == 0;
        /* Planted unreachable accounts (demo README). */
        found_cold |= strstr(d->notes->pdata[i], "Maplepeak Capital Inc") != NULL &&
                      strstr(d->notes->pdata[i], "Silvercrest Capital LLC") != NULL;
        /* Alice's fellow sellers reach targets but are no referral sources (rank.md). */
        found_fellows |= strstr(d->notes->pdata[i], "not drawn as referral sources") != NULL &&
                         strstr(d->notes->pdata[i], "Nina Patel") != NULL;
    }
    g_assert_true(found_more);
    g_assert_true(found_cold);
    g_assert_true(found_fellows);
    for (guint i = 0; i < result->sources->len; i++) /* no seller among the sources */
        g_assert_null(
            wp_graph_person_team(graph, g_array_index(result->sources, WpRankSource, i).person));
    g_autoptr(GBytes) svg = render(d, WP_DIAGRAM_SVG);
    gsize len = 0;
    const char *text = g_bytes_get_data(svg, &len);
    g_autoptr(GPtrArray) texts = markup_texts(text, len, "text");
    g_assert_true(contains(texts, "Territory plan: Fintech US-East"));
}

/* The default overview (ten sources, three targets each) draws its sources top to bottom in
 * rank order, as laid out: they used to come in whatever order kept lines short. */
static void test_territory_rank_order(void)
{
    const WpScoring *scoring = demo_scoring();
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    const char *exprs[] = {"industry=Fintech", "region=US-East"};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = wp_where_parse(exprs, 2, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (WpPerson p = 0; p < wp_graph_n_people(graph); p++)
        if (wp_where_matches(where, graph, p))
            g_array_append_val(targets, p);
    WpRankQuery query = {.sellers = &alice,
                         .n_sellers = 1,
                         .targets = (const WpPerson *)targets->data,
                         .n_targets = targets->len,
                         .max_hops = 4,
                         .min_probability = 0.01,
                         .n_best = WP_DIAGRAM_TERRITORY_TARGETS};
    g_autoptr(WpRankResult) result = wp_rank_run(scoring, NULL, &query, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(result->sources->len, >, WP_DIAGRAM_TERRITORY_SOURCES);
    g_autoptr(WpDiagram) d = wp_diagram_new_territory(scoring, result, &alice, 1, NULL, NULL);
    g_autoptr(GBytes) svg = render(d, WP_DIAGRAM_SVG);
    double above = -INFINITY;
    for (guint s = 0; s < WP_DIAGRAM_TERRITORY_SOURCES; s++) {
        const WpRankSource *src = &g_array_index(result->sources, WpRankSource, s);
        g_autofree char *name =
            g_strdup_printf("%u. %s", s + 1, wp_graph_person_label(graph, src->person));
        double y = svg_text_y(svg, name);
        g_assert_cmpfloat(y, >, above);
        above = y;
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/render/paths/demo", test_path_diagram);
    g_test_add_func("/render/paths/shared-hops", test_path_shared_hops);
    g_test_add_func("/render/paths/empty", test_empty_path);
    g_test_add_func("/render/account-map/demo", test_account_map);
    g_test_add_func("/render/account-map/size", test_account_map_size);
    g_test_add_func("/render/account-map/team", test_account_map_team);
    g_test_add_func("/render/territory/demo", test_territory);
    g_test_add_func("/render/territory/rank-order", test_territory_rank_order);
    return g_test_run();
}
