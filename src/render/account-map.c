/* SPDX-License-Identifier: MIT */
/* The account map: the best route into each person at an account, drawn as the tree those
 * routes make. */
#include "render/render-private.h"

#include <string.h>

#include "warmpath/model.h"
#include "warmpath/resolve.h"
#include "warmpath/text.h"

/* Account people in the order they are added: by function, then seniority, then name (the
 * order Graphviz meets them in, and a stable one). */
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

/* The heading; the sellers named are those drawn, which with a team may be only some. */
static void account_titles(WpDiagram *d, const WpDraw *draw, const char *account, guint n_reached,
                           guint n_candidates, const WpPerson *sellers, guint n_sellers,
                           const WpDiagramLimits *limits)
{
    g_autofree char *title = g_strdup_printf("Account map: %s", account);
    g_autofree guint8 *drawn = wp_i_draw_sellers_drawn(draw, sellers, n_sellers);
    g_autofree char *who = wp_i_sellers_text(draw->graph, sellers, n_sellers, drawn);
    g_autofree char *day = wp_i_day_text(draw->scoring);
    g_autoptr(GString) subtitle = g_string_new(NULL);
    g_autofree char *people = wp_text_count(n_candidates, "person", "people");
    g_string_append_printf(subtitle,
                           "%u of %s reachable \u00b7 the best route into each from %s "
                           "\u00b7 as of %s",
                           n_reached, people, who, day);
    if (limits != NULL && limits->context != NULL)
        g_string_append_printf(subtitle, " \u00b7 %s", limits->context);
    wp_diagram_set_title(d, title, subtitle->str);
    wp_i_note_sellers_left_out(d, draw->graph, sellers, n_sellers, drawn,
                               "no route of theirs is the best into anyone drawn");
}

/* The column of each node (0 = the sellers'), as dot ranks them: the longest way in, each
 * edge counting its span. The routes make a DAG, so this settles within nodes passes. */
static guint *columns_of(const WpDiagram *d)
{
    guint *col = g_new0(guint, d->nodes->len + 1);
    gboolean changed = TRUE;
    for (guint pass = 0; changed && pass <= d->nodes->len; pass++) {
        changed = FALSE;
        for (guint e = 0; e < d->edges->len; e++) {
            const WpDiagramEdge *edge = wp_diagram_edge(d, e);
            guint want = col[edge->from] + MAX(edge->span, 1);
            if (col[edge->to] < want)
                col[edge->to] = want, changed = TRUE;
        }
    }
    return col;
}

/* Moves every second leaf of column @c (in the order of the edges) one column right, @n at
 * most. */
static void push_leaves(WpDiagram *d, guint *col, const guint *out_degree, guint c, guint n)
{
    g_autofree guint8 *moved = g_new0(guint8, d->nodes->len + 1);
    guint seen = 0;
    for (guint e = 0; e < d->edges->len && n > 0; e++) {
        guint to = wp_diagram_edge(d, e)->to;
        if (col[to] != c || out_degree[to] != 0 || moved[to])
            continue;
        if (seen++ % 2 == 1)
            moved[to] = 1, n--;
    }
    for (guint e = 0; e < d->edges->len; e++) {
        WpDiagramEdge *edge = wp_diagram_edge(d, e);
        if (moved[edge->to])
            edge->span = col[edge->to] + 1 - col[edge->from];
    }
    for (guint i = 0; i < d->nodes->len; i++)
        col[i] += moved[i];
}

/* Routes fan out from a few introducers, and dot stacks everyone at the same distance in one
 * column: the picture is as tall as its fullest column. People who introduce nobody further
 * can go a column to the right without crossing anything, so while the fullest column has
 * two or more people more than the next, every second such person in it (in the order of the edges)
 * moves right, until the two are level: the map grows wide instead of tall. */
static void balance_columns(WpDiagram *d)
{
    guint n = d->nodes->len;
    g_autofree guint *out_degree = g_new0(guint, n + 1);
    for (guint e = 0; e < d->edges->len; e++)
        out_degree[wp_diagram_edge(d, e)->from]++;
    g_autofree guint *col = columns_of(d);
    g_autofree guint *count = g_new0(guint, n + 2);
    for (guint round = 0; round < 8; round++) {
        memset(count, 0, (n + 2) * sizeof *count);
        guint tallest = 0;
        for (guint i = 0; i < n; i++)
            count[MIN(col[i], n)]++;
        for (guint c = 0; c <= n; c++)
            tallest = count[c] > count[tallest] ? c : tallest;
        if (tallest >= n || count[tallest] < count[tallest + 1] + 2)
            return;
        push_leaves(d, col, out_degree, tallest, (count[tallest] - count[tallest + 1]) / 2);
    }
}

static gboolean at_account(const WpDiagram *d, guint node)
{
    gint c = wp_diagram_node(d, node)->cluster;
    return c >= 0 && wp_diagram_cluster(d, c)->kind == WP_DIAGRAM_CLUSTER_ACCOUNT;
}

static void align_entries(WpDiagram *d)
{
    gboolean outside = FALSE, inside = FALSE;
    for (guint e = 0; e < d->edges->len; e++) {
        const WpDiagramEdge *edge = wp_diagram_edge(d, e);
        if (wp_diagram_node(d, edge->from)->role != WP_DIAGRAM_SELLER)
            continue;
        outside |= !at_account(d, edge->to);
        inside |= at_account(d, edge->to);
    }
    for (guint e = 0; outside && inside && e < d->edges->len; e++) {
        WpDiagramEdge *edge = wp_diagram_edge(d, e);
        if (wp_diagram_node(d, edge->from)->role == WP_DIAGRAM_SELLER && at_account(d, edge->to))
            edge->span = MAX(edge->span, 2);
    }
}

static void account_notes(WpDiagram *d, guint n_paths, guint n_drawn, guint n_candidates,
                          const char *account)
{
    if (n_drawn < n_paths) {
        g_autofree char *more =
            wp_text_count(n_paths - n_drawn, "more reachable person", "more reachable people");
        g_autofree char *best = wp_text_count(n_drawn, "route is", "routes are");
        wp_diagram_add_note(d, "%s not drawn (the best %s shown).", more, best);
    }
    if (n_candidates > n_paths) {
        g_autofree char *unreached = wp_text_count(n_candidates - n_paths, "person", "people");
        wp_diagram_add_note(d, "%s at %s cannot be reached within the limits.", unreached, account);
    }
    if (n_candidates == 0)
        wp_diagram_add_note(d, "No one at %s matches.", account);
}

WpDiagram *wp_diagram_new_account_map(const WpScoring *scoring, const WpPathSet *set,
                                      const WpPerson *sellers, guint n_sellers, const char *company,
                                      const WpWhere *where, const WpDiagramLimits *limits)
{
    g_return_val_if_fail(scoring != NULL && set != NULL && company != NULL, NULL);
    g_return_val_if_fail(n_sellers == 0 || sellers != NULL, NULL);
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpDiagram *d = wp_diagram_new();
    g_autoptr(GArray) people = wp_graph_people_at_company(graph, company);
    const char *account =
        people->len > 0
            ? wp_graph_person_attr(graph, g_array_index(people, WpPerson, 0), WP_COLUMN_COMPANY)
            : NULL;
    if (account == NULL)
        account = company;
    g_autofree guint8 *marks = wp_i_seller_marks(graph, sellers, n_sellers);
    guint n_candidates = count_candidates(graph, people, where, marks);
    guint n_paths = set->paths->len;
    guint n_drawn = MIN(n_paths, wp_i_route_cap(limits, WP_DIAGRAM_ACCOUNT_ROUTES));

    WpDraw draw;
    wp_i_draw_init(&draw, d, scoring, account, marks, TRUE);
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
        wp_i_draw_route(&draw, path, WP_DIAGRAM_ACCOUNT, edges);
        guint node = (guint)wp_i_draw_lookup(&draw, path->people[path->n_people - 1]);
        g_autofree char *pct = wp_i_format_percent(path->probability);
        wp_diagram_set_tag(d, node, pct);
    }
    for (guint i = 0; i < d->nodes->len; i++)
        if (wp_diagram_node(d, i)->role == WP_DIAGRAM_SELLER)
            wp_diagram_node(d, i)->emphasis = TRUE;
    align_entries(d);
    balance_columns(d);
    account_titles(d, &draw, account, n_paths, n_candidates, sellers, n_sellers, limits);
    account_notes(d, n_paths, n_drawn, n_candidates, account);
    wp_i_draw_clear(&draw);
    return d;
}
