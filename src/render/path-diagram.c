/* SPDX-License-Identifier: MIT */
/* The path diagram: the routes of a `path` answer to one person. */
#include "render/render-private.h"

#include <math.h>
#include <string.h>

#include "warmpath/model.h"
#include "warmpath/resolve.h"
#include "warmpath/text.h"

/* "VP Finance at Acme · from Alice Carter · as of 2026-11-01 · CONTEXT"; the sellers are
 * those @draw drew. */
static char *path_subtitle(const WpDraw *draw, WpPerson target, const WpPerson *sellers,
                           guint n_sellers, const WpDiagramLimits *limits)
{
    const WpGraph *graph = draw->graph;
    GString *out = g_string_new(NULL);
    const char *title = wp_graph_person_attr(graph, target, WP_COLUMN_TITLE);
    const char *company = wp_graph_person_attr(graph, target, WP_COLUMN_COMPANY);
    if (title != NULL)
        g_string_append(out, title);
    if (company != NULL)
        g_string_append_printf(out, "%s%s", title ? " at " : "", company);
    g_autofree guint8 *drawn = wp_i_draw_sellers_drawn(draw, sellers, n_sellers);
    g_autofree char *who = wp_i_sellers_text(graph, sellers, n_sellers, drawn);
    g_autofree char *day = wp_i_day_text(draw->scoring);
    g_string_append_printf(out, "%sfrom %s \u00b7 as of %s", out->len ? " \u00b7 " : "", who, day);
    if (limits != NULL && limits->context != NULL)
        g_string_append_printf(out, " \u00b7 %s", limits->context);
    return g_string_free(out, FALSE);
}

/* "#2 #4": the 1-based numbers of the route indices in @routes. */
static char *route_numbers(const GArray *routes)
{
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < routes->len; i++)
        g_string_append_printf(out, "%s#%u", i ? " " : "", g_array_index(routes, guint, i) + 1);
    return g_string_free(out, FALSE);
}

/* Routes are told apart by numbers on the people and ties themselves, never by labels that
 * the layout could place beside a neighbouring line: each tie carries the numbers of the
 * drawn routes through it ("#2 #4", on the line near its arrowhead; shared hops are one edge
 * listing every route that uses them), and the first person after the seller, where a route
 * starts, carries its number and chance ("#2 · 51%"; "#2 51% · #8 19%" when several routes
 * start there). With a single route the numbers on the ties would say nothing and are left
 * out. */
static void tag_routes(WpDiagram *d, const WpDraw *draw, GPtrArray *route_edges,
                       const GArray *paths)
{
    guint n_edges = d->edges->len;
    GPtrArray *users = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    for (guint e = 0; e < n_edges; e++)
        g_ptr_array_add(users, g_array_new(FALSE, FALSE, sizeof(guint)));
    for (guint r = 0; r < route_edges->len; r++) {
        const GArray *edges = route_edges->pdata[r];
        for (guint i = 0; i < edges->len; i++) {
            GArray *list = users->pdata[g_array_index(edges, guint, i)];
            if (list->len == 0 || g_array_index(list, guint, list->len - 1) != r)
                g_array_append_val(list, r);
        }
    }
    for (guint e = 0; route_edges->len >= 2 && e < n_edges; e++) {
        g_autofree char *numbers = route_numbers(users->pdata[e]);
        wp_diagram_set_edge_tag(d, e, *numbers ? numbers : NULL);
    }
    g_ptr_array_unref(users);

    g_autoptr(GHashTable) starts =
        g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify)g_array_unref);
    for (guint r = 0; r < route_edges->len; r++) {
        const WpPath *path = &g_array_index(paths, WpPath, r);
        gpointer node = GINT_TO_POINTER(wp_i_draw_lookup(draw, path->people[1]) + 1);
        GArray *list = g_hash_table_lookup(starts, node);
        if (list == NULL)
            g_hash_table_insert(starts, node, list = g_array_new(FALSE, FALSE, sizeof(guint)));
        g_array_append_val(list, r);
    }
    GHashTableIter iter;
    gpointer node, value;
    g_hash_table_iter_init(&iter, starts);
    while (g_hash_table_iter_next(&iter, &node, &value)) {
        const GArray *list = value;
        GString *tag = g_string_new(NULL);
        for (guint i = 0; i < list->len && i < 3; i++) {
            guint r = g_array_index(list, guint, i);
            g_autofree char *pct = wp_i_format_percent(g_array_index(paths, WpPath, r).probability);
            g_string_append_printf(tag, "%s#%u%s%s", i ? " \u00b7 " : "", r + 1,
                                   list->len == 1 ? " \u00b7 " : " ", pct);
        }
        if (list->len > 3)
            g_string_append(tag, " \u00b7 \u2026");
        wp_diagram_set_tag(d, (guint)GPOINTER_TO_INT(node) - 1, tag->str);
        g_string_free(tag, TRUE);
    }
}

static void note_empty(WpDiagram *d, const WpGraph *graph, const WpPathSet *set)
{
    wp_diagram_add_note(d, "No route within the hop limit and probability floor.");
    if (set->unconstrained.n_people >= 2) {
        g_autofree char *pct = wp_i_format_percent(set->unconstrained.probability);
        g_autofree char *ties = wp_text_count(set->unconstrained.n_people - 1, "tie", "ties");
        wp_diagram_add_note(d, "Ignoring those limits, the best route has %s and a %s chance.",
                            ties, pct);
    } else {
        wp_diagram_add_note(d, "%s cannot be reached from the sellers at all.",
                            wp_graph_person_label(graph, set->target));
    }
}

/* The title, the subtitle, and the notes on who and what is not drawn and on the chance that
 * one of the routes works. */
static void path_headings(WpDiagram *d, const WpDraw *draw, const WpPathSet *set,
                          const WpPerson *sellers, guint n_sellers, guint n_drawn,
                          const WpDiagramLimits *limits)
{
    const WpGraph *graph = draw->graph;
    guint n_paths = set->paths->len;
    if (set->target != WP_PERSON_NONE) {
        g_autofree char *title =
            g_strdup_printf("Warm introductions to %s", wp_graph_person_label(graph, set->target));
        g_autofree char *subtitle = path_subtitle(draw, set->target, sellers, n_sellers, limits);
        wp_diagram_set_title(d, title, subtitle);
    }
    g_autofree guint8 *drawn = wp_i_draw_sellers_drawn(draw, sellers, n_sellers);
    wp_i_note_sellers_left_out(d, graph, sellers, n_sellers, drawn,
                               "none of the routes drawn starts with them");
    if (n_drawn < n_paths) {
        g_autofree char *more = wp_text_count(n_paths - n_drawn, "more route", "more routes");
        g_autofree char *best = wp_text_count(n_drawn, "is", "are");
        wp_diagram_add_note(d, "%s found but not drawn (the best %s shown).", more, best);
    }
    if (n_paths >= 2) {
        g_autofree char *pct = wp_i_format_percent(set->at_least_one);
        g_autofree char *all = wp_text_all(n_paths, "routes");
        wp_diagram_add_note(d,
                            "If %s are tried, the chance that at least one works "
                            "is %s%s.",
                            all, pct,
                            set->at_least_one_exact ? "" : " (routes taken as independent)");
    }
}

WpDiagram *wp_diagram_new_paths(const WpScoring *scoring, const WpPathSet *set,
                                const WpPerson *sellers, guint n_sellers,
                                const WpDiagramLimits *limits)
{
    g_return_val_if_fail(scoring != NULL && set != NULL, NULL);
    g_return_val_if_fail(n_sellers == 0 || sellers != NULL, NULL);
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpDiagram *d = wp_diagram_new();
    WpPerson target = set->target;
    g_autofree guint8 *marks = wp_i_seller_marks(graph, sellers, n_sellers);
    const char *account =
        target != WP_PERSON_NONE ? wp_graph_person_attr(graph, target, WP_COLUMN_COMPANY) : NULL;
    WpDraw draw;
    wp_i_draw_init(&draw, d, scoring, account, marks, FALSE);

    guint n_paths = set->paths->len;
    guint n_drawn = MIN(n_paths, wp_i_route_cap(limits, WP_DIAGRAM_PATH_ROUTES));
    GPtrArray *route_edges = g_ptr_array_new_with_free_func((GDestroyNotify)g_array_unref);
    for (guint r = 0; r < n_drawn; r++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, r);
        GArray *edges = g_array_new(FALSE, FALSE, sizeof(guint));
        wp_i_draw_route(&draw, path, WP_DIAGRAM_TARGET, edges);
        g_ptr_array_add(route_edges, edges);
        for (guint i = 0; r == 0 && i < edges->len; i++)
            wp_diagram_edge(d, g_array_index(edges, guint, i))->emphasis = TRUE;
        for (guint i = 0; r == 0 && i < path->n_people; i++)
            wp_diagram_node(d, wp_i_draw_lookup(&draw, path->people[i]))->emphasis = TRUE;
    }
    if (n_drawn > 0)
        tag_routes(d, &draw, route_edges, set->paths);
    g_ptr_array_unref(route_edges);

    if (n_drawn == 0) {
        for (guint i = 0; i < n_sellers; i++)
            wp_i_draw_person(&draw, sellers[i], WP_DIAGRAM_SELLER);
        if (target != WP_PERSON_NONE) {
            wp_i_draw_person(&draw, target, WP_DIAGRAM_TARGET);
            note_empty(d, graph, set);
        }
    }
    path_headings(d, &draw, set, sellers, n_sellers, n_drawn, limits);
    wp_i_draw_clear(&draw);
    return d;
}
