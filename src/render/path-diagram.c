/* SPDX-License-Identifier: MIT */
/* Diagrams of `path` answers: the routes to one person, and the map of an account. */
#include "render/render-private.h"

#include <math.h>
#include <string.h>

#include "warmpath/model.h"
#include "warmpath/resolve.h"

static guint cap(const WpDiagramLimits *limits, guint fallback)
{
    guint n = limits != NULL && limits->max_routes > 0 ? limits->max_routes : fallback;
    return MIN(n, WP_DIAGRAM_MAX_ROUTES);
}

static guint8 *seller_marks(const WpGraph *graph, const WpPerson *sellers, guint n_sellers)
{
    guint8 *marks = g_new0(guint8, MAX(wp_graph_n_people(graph), 1));
    for (guint i = 0; i < n_sellers; i++)
        marks[sellers[i]] = 1;
    return marks;
}

/* Adds the route's people (in travel order, so Graphviz meets them left to right) and ties;
 * fills @edges with the edge indices. */
static void draw_route(WpDraw *draw, const WpPath *path, WpDiagramRole end_role, GArray *edges)
{
    guint n = path->n_people;
    for (guint i = 0; i < n; i++) {
        WpDiagramRole role = i == 0       ? WP_DIAGRAM_SELLER
                             : i == n - 1 ? end_role
                             : i == 1     ? WP_DIAGRAM_SOURCE
                                          : WP_DIAGRAM_INTERMEDIARY;
        wp_i_draw_person(draw, path->people[i], role);
    }
    g_array_set_size(edges, 0);
    for (guint i = 0; i + 1 < n; i++) {
        guint e = wp_i_draw_tie(draw, path->people[i], path->people[i + 1], path->ties[i]);
        g_array_append_val(edges, e);
    }
}

static char *day_text(const WpGraph *graph)
{
    char day[11];
    wp_day_format(wp_graph_as_of(graph), day);
    return g_strdup(day);
}

/* "VP Finance at Acme · from Alice Carter · as of 2026-11-01 · CONTEXT". */
static char *path_subtitle(const WpGraph *graph, WpPerson target, const WpPerson *sellers,
                           guint n_sellers, const WpDiagramLimits *limits)
{
    GString *out = g_string_new(NULL);
    const char *title = wp_graph_person_attr(graph, target, WP_COLUMN_TITLE);
    const char *company = wp_graph_person_attr(graph, target, WP_COLUMN_COMPANY);
    if (title != NULL)
        g_string_append(out, title);
    if (company != NULL)
        g_string_append_printf(out, "%s%s", title ? " at " : "", company);
    g_autofree char *who = wp_i_sellers_text(graph, sellers, n_sellers);
    g_autofree char *day = day_text(graph);
    g_string_append_printf(out, "%sfrom %s \u00b7 as of %s", out->len ? " \u00b7 " : "", who, day);
    if (limits != NULL && limits->context != NULL)
        g_string_append_printf(out, " \u00b7 %s", limits->context);
    return g_string_free(out, FALSE);
}

/* Each route's tag ("#2 · 44%") goes on the first tie no other drawn route uses, else on the
 * first tie no better route uses, else on its first tie. */
static void label_routes(WpDiagram *d, GPtrArray *route_edges, const GArray *paths)
{
    guint n_edges = d->edges->len;
    g_autofree guint *uses = g_new0(guint, n_edges + 1);
    g_autofree guint *first_route = g_new(guint, n_edges + 1);
    for (guint e = 0; e < n_edges; e++)
        first_route[e] = G_MAXUINT;
    for (guint r = 0; r < route_edges->len; r++) {
        const GArray *edges = route_edges->pdata[r];
        for (guint i = 0; i < edges->len; i++) {
            guint e = g_array_index(edges, guint, i);
            uses[e]++;
            first_route[e] = MIN(first_route[e], r);
        }
    }
    GPtrArray *labels = g_ptr_array_new_with_free_func(g_free);
    for (guint e = 0; e < n_edges; e++) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        g_ptr_array_add(labels, g_strdup(g_ascii_formatd(buf, sizeof buf, "%.2f",
                                                         wp_diagram_edge(d, e)->strength)));
    }
    for (guint r = 0; r < route_edges->len; r++) {
        const GArray *edges = route_edges->pdata[r];
        guint chosen = g_array_index(edges, guint, 0);
        gboolean found = FALSE;
        for (guint i = 0; i < edges->len && !found; i++)
            if (uses[g_array_index(edges, guint, i)] == 1)
                chosen = g_array_index(edges, guint, i), found = TRUE;
        for (guint i = 0; i < edges->len && !found; i++)
            if (first_route[g_array_index(edges, guint, i)] == r)
                chosen = g_array_index(edges, guint, i), found = TRUE;
        g_autofree char *pct = wp_i_format_percent(g_array_index(paths, WpPath, r).probability);
        char *old = labels->pdata[chosen];
        labels->pdata[chosen] = g_strdup_printf("%s\n#%u \u00b7 %s", old, r + 1, pct);
        g_free(old);
    }
    for (guint e = 0; e < n_edges; e++)
        wp_diagram_set_edge_label(d, e, labels->pdata[e]);
    g_ptr_array_unref(labels);
}

static void note_empty(WpDiagram *d, const WpGraph *graph, const WpPathSet *set)
{
    wp_diagram_add_note(d, "No route within the hop limit and probability floor.");
    if (set->unconstrained.n_people >= 2) {
        g_autofree char *pct = wp_i_format_percent(set->unconstrained.probability);
        wp_diagram_add_note(d, "Ignoring those limits, the best route has %u ties and a %s chance.",
                            set->unconstrained.n_people - 1, pct);
    } else {
        wp_diagram_add_note(d, "%s cannot be reached from the sellers at all.",
                            wp_graph_person_label(graph, set->target));
    }
}

WpDiagram *wp_diagram_new_paths(const WpGraph *graph, const WpPathSet *set, const WpPerson *sellers,
                                guint n_sellers, const WpDiagramLimits *limits)
{
    g_return_val_if_fail(graph != NULL && set != NULL, NULL);
    g_return_val_if_fail(n_sellers == 0 || sellers != NULL, NULL);
    WpDiagram *d = wp_diagram_new();
    WpPerson target = set->target;
    if (target != WP_PERSON_NONE) {
        g_autofree char *title =
            g_strdup_printf("Warm introductions to %s", wp_graph_person_label(graph, target));
        g_autofree char *subtitle = path_subtitle(graph, target, sellers, n_sellers, limits);
        wp_diagram_set_title(d, title, subtitle);
    }
    g_autofree guint8 *marks = seller_marks(graph, sellers, n_sellers);
    const char *account =
        target != WP_PERSON_NONE ? wp_graph_person_attr(graph, target, WP_COLUMN_COMPANY) : NULL;
    WpDraw draw;
    wp_i_draw_init(&draw, d, graph, account, marks, FALSE, FALSE);

    guint n_paths = set->paths->len;
    guint n_drawn = MIN(n_paths, cap(limits, WP_DIAGRAM_PATH_ROUTES));
    GPtrArray *route_edges = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    for (guint r = 0; r < n_drawn; r++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, r);
        GArray *edges = g_array_new(FALSE, FALSE, sizeof(guint));
        draw_route(&draw, path, WP_DIAGRAM_TARGET, edges);
        g_ptr_array_add(route_edges, edges);
        for (guint i = 0; r == 0 && i < edges->len; i++)
            wp_diagram_edge(d, g_array_index(edges, guint, i))->emphasis = TRUE;
        for (guint i = 0; r == 0 && i < path->n_people; i++)
            wp_diagram_node(d, wp_i_draw_lookup(&draw, path->people[i]))->emphasis = TRUE;
    }
    if (n_drawn > 0)
        label_routes(d, route_edges, set->paths);
    g_ptr_array_unref(route_edges);

    if (n_drawn == 0) {
        for (guint i = 0; i < n_sellers; i++)
            wp_i_draw_person(&draw, sellers[i], WP_DIAGRAM_SELLER);
        if (target != WP_PERSON_NONE) {
            wp_i_draw_person(&draw, target, WP_DIAGRAM_TARGET);
            note_empty(d, graph, set);
        }
    }
    if (n_drawn < n_paths)
        wp_diagram_add_note(d, "%u more routes found but not drawn (the best %u are shown).",
                            n_paths - n_drawn, n_drawn);
    if (n_paths >= 2) {
        g_autofree char *pct = wp_i_format_percent(set->at_least_one);
        wp_diagram_add_note(d,
                            "If all %u routes are tried, the chance that at least one works "
                            "is %s%s.",
                            n_paths, pct,
                            set->at_least_one_exact ? ""
                                                    : " (routes taken as "
                                                      "independent)");
    }
    wp_i_draw_clear(&draw);
    return d;
}

/* Account people in the order they are added: by function, then seniority, then name, so
 * each function box lists its most senior people first. */
typedef struct {
    const WpGraph *graph;
} SortContext;

static gint compare_account_people(gconstpointer a, gconstpointer b, gpointer data)
{
    const WpGraph *graph = ((const SortContext *)data)->graph;
    WpPerson p = *(const WpPerson *)a, q = *(const WpPerson *)b;
    const char *fp = wp_graph_person_attr(graph, p, WP_COLUMN_FUNCTION);
    const char *fq = wp_graph_person_attr(graph, q, WP_COLUMN_FUNCTION);
    gint c = g_strcmp0(fp, fq);
    if (c != 0)
        return c;
    guint sp = wp_i_title_seniority(wp_graph_person_attr(graph, p, WP_COLUMN_TITLE));
    guint sq = wp_i_title_seniority(wp_graph_person_attr(graph, q, WP_COLUMN_TITLE));
    if (sp != sq)
        return sp < sq ? -1 : 1;
    c = g_strcmp0(wp_graph_person_label(graph, p), wp_graph_person_label(graph, q));
    return c != 0 ? c : (p < q ? -1 : p > q);
}

/* People of the account the answer could have reached: matching @where, not sellers. */
static guint count_candidates(const WpGraph *graph, const GArray *people, const WpWhere *where,
                              const guint8 *marks)
{
    guint n = 0;
    for (guint i = 0; i < people->len; i++) {
        WpPerson p = g_array_index(people, WpPerson, i);
        if (!marks[p] && (where == NULL || wp_where_matches(where, graph, p)))
            n++;
    }
    return n;
}

static void account_titles(WpDiagram *d, const WpGraph *graph, const char *account, guint n_reached,
                           guint n_candidates, const WpPerson *sellers, guint n_sellers,
                           const WpDiagramLimits *limits)
{
    g_autofree char *title = g_strdup_printf("Account map: %s", account);
    g_autofree char *who = wp_i_sellers_text(graph, sellers, n_sellers);
    g_autofree char *day = day_text(graph);
    g_autoptr(GString) subtitle = g_string_new(NULL);
    g_string_append_printf(subtitle,
                           "%u of %u people reachable from %s \u00b7 the best route into each "
                           "\u00b7 as of %s",
                           n_reached, n_candidates, who, day);
    if (limits != NULL && limits->context != NULL)
        g_string_append_printf(subtitle, " \u00b7 %s", limits->context);
    wp_diagram_set_title(d, title, subtitle->str);
}

/* The edge into @node that ends a drawn route, and that route's length in people; -1 if none. */
static gint last_edge(const WpDiagram *d, const WpPathSet *set, guint n_drawn, const WpDraw *draw,
                      guint node, guint *n_people)
{
    for (guint r = 0; r < n_drawn; r++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, r);
        if ((guint)wp_i_draw_lookup(draw, path->people[path->n_people - 1]) != node)
            continue;
        *n_people = path->n_people;
        guint from = (guint)wp_i_draw_lookup(draw, path->people[path->n_people - 2]);
        return wp_diagram_find_edge(d, from, node);
    }
    return -1;
}

/* Function boxes stack up the page: people at the same distance share a column. Where two or
 * more people of one box end their routes at the same distance with nobody beyond them,
 * every other one (in seniority order) is pushed a column further right, so the box grows
 * wide instead of tall. */
static void stagger_leaves(WpDiagram *d, const WpPathSet *set, guint n_drawn, const WpDraw *draw)
{
    g_autofree guint *out_degree = g_new0(guint, d->nodes->len + 1);
    for (guint e = 0; e < d->edges->len; e++)
        out_degree[wp_diagram_edge(d, e)->from]++;
    g_autofree gint *edge_of = g_new(gint, d->nodes->len + 1);
    g_autofree guint *key_of = g_new0(guint, d->nodes->len + 1);
    g_autoptr(GHashTable) size = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint node = 0; node < d->nodes->len; node++) {
        const WpDiagramNode *n = wp_diagram_node(d, node);
        guint n_people = 0;
        edge_of[node] = n->role == WP_DIAGRAM_ACCOUNT && out_degree[node] == 0 && n->cluster >= 0
                            ? last_edge(d, set, n_drawn, draw, node, &n_people)
                            : -1;
        if (edge_of[node] < 0)
            continue;
        key_of[node] = (guint)n->cluster * 64 + MIN(n_people, 63) + 1;
        gpointer key = GUINT_TO_POINTER(key_of[node]);
        g_hash_table_insert(size, key,
                            GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(size, key)) + 1));
    }
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint node = 0; node < d->nodes->len; node++) { /* account people in seniority order */
        if (edge_of[node] < 0)
            continue;
        gpointer key = GUINT_TO_POINTER(key_of[node]);
        guint count = GPOINTER_TO_UINT(g_hash_table_lookup(seen, key));
        g_hash_table_insert(seen, key, GUINT_TO_POINTER(count + 1));
        if (GPOINTER_TO_UINT(g_hash_table_lookup(size, key)) >= 2 && count % 2 == 1)
            wp_diagram_edge(d, edge_of[node])->span = 2;
    }
}

WpDiagram *wp_diagram_new_account_map(const WpGraph *graph, const WpPathSet *set,
                                      const WpPerson *sellers, guint n_sellers, const char *company,
                                      const WpWhere *where, const WpDiagramLimits *limits)
{
    g_return_val_if_fail(graph != NULL && set != NULL && company != NULL, NULL);
    g_return_val_if_fail(n_sellers == 0 || sellers != NULL, NULL);
    WpDiagram *d = wp_diagram_new();
    g_autoptr(GArray) people = wp_graph_people_at_company(graph, company);
    const char *account =
        people->len > 0
            ? wp_graph_person_attr(graph, g_array_index(people, WpPerson, 0), WP_COLUMN_COMPANY)
            : NULL;
    if (account == NULL)
        account = company;
    g_autofree guint8 *marks = seller_marks(graph, sellers, n_sellers);
    guint n_candidates = count_candidates(graph, people, where, marks);
    guint n_paths = set->paths->len;
    guint n_drawn = MIN(n_paths, cap(limits, WP_DIAGRAM_ACCOUNT_ROUTES));
    account_titles(d, graph, account, n_paths, n_candidates, sellers, n_sellers, limits);

    WpDraw draw;
    wp_i_draw_init(&draw, d, graph, account, marks, TRUE, TRUE);
    draw.account_label = g_strdup(account);
    draw.box_sellers = n_sellers > 1; /* a box around one person says nothing */
    /* Sellers with a route first, then the people reached, sorted, then the routes. */
    for (guint r = 0; r < n_drawn; r++)
        wp_i_draw_person(&draw, g_array_index(set->paths, WpPath, r).seller, WP_DIAGRAM_SELLER);
    g_autoptr(GArray) ends = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (guint r = 0; r < n_drawn; r++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, r);
        g_array_append_val(ends, path->people[path->n_people - 1]);
    }
    SortContext sort = {graph};
    g_array_sort_with_data(ends, compare_account_people, &sort);
    for (guint i = 0; i < ends->len; i++)
        wp_i_draw_person(&draw, g_array_index(ends, WpPerson, i), WP_DIAGRAM_ACCOUNT);
    g_autoptr(GArray) edges = g_array_new(FALSE, FALSE, sizeof(guint));
    for (guint r = 0; r < n_drawn; r++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, r);
        draw_route(&draw, path, WP_DIAGRAM_ACCOUNT, edges);
        guint node = (guint)wp_i_draw_lookup(&draw, path->people[path->n_people - 1]);
        g_autofree char *pct = wp_i_format_percent(path->probability);
        wp_diagram_set_badge(d, node, pct);
    }
    for (guint i = 0; i < d->nodes->len; i++)
        if (wp_diagram_node(d, i)->role == WP_DIAGRAM_SELLER)
            wp_diagram_node(d, i)->emphasis = TRUE;
    stagger_leaves(d, set, n_drawn, &draw);

    if (n_drawn < n_paths)
        wp_diagram_add_note(d, "%u more reachable people not drawn (the best %u routes are shown).",
                            n_paths - n_drawn, n_drawn);
    if (n_candidates > n_paths)
        wp_diagram_add_note(d, "%u people at %s cannot be reached within the limits.",
                            n_candidates - n_paths, account);
    if (n_candidates == 0)
        wp_diagram_add_note(d, "No one at %s matches.", account);
    wp_i_draw_clear(&draw);
    return d;
}
