/* SPDX-License-Identifier: MIT */
/* Drawing people and ties into a WpDiagram, each once, boxed by company: shared by the path,
 * account and territory diagrams. */
#include "render/render-private.h"

#include <math.h>
#include <string.h>

#include "warmpath/model.h"
#include "warmpath/text.h"

void wp_i_draw_init(WpDraw *draw, WpDiagram *diagram, const WpGraph *graph, const char *account,
                    const guint8 *is_seller, gboolean cluster_companies, gboolean group_functions)
{
    *draw = (WpDraw){
        .diagram = diagram,
        .graph = graph,
        .nodes = g_hash_table_new(g_direct_hash, g_direct_equal),
        .companies = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .groups = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
        .account = account ? wp_text_fold(account) : NULL,
        .account_cluster = -1,
        .is_seller = is_seller,
        .sellers_cluster = -1,
        .cluster_companies = cluster_companies,
        .group_functions = group_functions,
    };
}

void wp_i_draw_clear(WpDraw *draw)
{
    g_clear_pointer(&draw->nodes, g_hash_table_unref);
    g_clear_pointer(&draw->companies, g_hash_table_unref);
    g_clear_pointer(&draw->groups, g_hash_table_unref);
    g_clear_pointer(&draw->account, g_free);
    g_clear_pointer(&draw->account_label, g_free);
}

gint wp_i_draw_lookup(const WpDraw *draw, WpPerson person)
{
    gpointer v = g_hash_table_lookup(draw->nodes, GUINT_TO_POINTER(person + 1));
    return v ? (gint)GPOINTER_TO_UINT(v) - 1 : -1;
}

static gint account_cluster(WpDraw *draw, const char *company)
{
    if (draw->account_cluster < 0)
        draw->account_cluster =
            (gint)wp_diagram_add_cluster(draw->diagram, WP_DIAGRAM_CLUSTER_ACCOUNT,
                                         draw->account_label ? draw->account_label : company, -1);
    return draw->account_cluster;
}

/* The box a person goes in (-1 for none) and whether it already names their company. */
static gint place(WpDraw *draw, WpPerson person, WpDiagramRole role, gboolean *names_company)
{
    const char *company = wp_graph_person_attr(draw->graph, person, WP_COLUMN_COMPANY);
    *names_company = FALSE;
    if (draw->is_seller != NULL && draw->is_seller[person]) {
        if (!draw->cluster_companies || !draw->box_sellers)
            return -1;
        if (draw->sellers_cluster < 0) {
            draw->sellers_cluster = (gint)wp_diagram_add_cluster(
                draw->diagram, WP_DIAGRAM_CLUSTER_SELLERS, "Our team", -1);
        }
        return draw->sellers_cluster;
    }
    if (company == NULL)
        return -1;
    g_autofree char *folded = wp_text_fold(company);
    if (draw->account != NULL && strcmp(folded, draw->account) == 0) {
        *names_company = TRUE;
        gint cluster = account_cluster(draw, company);
        const char *function = wp_graph_person_attr(draw->graph, person, WP_COLUMN_FUNCTION);
        if (!draw->group_functions || function == NULL)
            return cluster;
        gpointer found = g_hash_table_lookup(draw->groups, function);
        if (found != NULL)
            return GPOINTER_TO_INT(found) - 1;
        gint group = (gint)wp_diagram_add_cluster(draw->diagram, WP_DIAGRAM_CLUSTER_GROUP, function,
                                                  cluster);
        g_hash_table_insert(draw->groups, g_strdup(function), GINT_TO_POINTER(group + 1));
        return group;
    }
    if (!draw->cluster_companies || (draw->box_targets_only && role != WP_DIAGRAM_TARGET))
        return -1;
    *names_company = TRUE;
    gpointer found = g_hash_table_lookup(draw->companies, folded);
    if (found != NULL)
        return GPOINTER_TO_INT(found) - 1;
    gint cluster =
        (gint)wp_diagram_add_cluster(draw->diagram, WP_DIAGRAM_CLUSTER_COMPANY, company, -1);
    g_hash_table_insert(draw->companies, g_steal_pointer(&folded), GINT_TO_POINTER(cluster + 1));
    return cluster;
}

static guint role_weight(WpDiagramRole role)
{
    switch (role) {
    case WP_DIAGRAM_SELLER:
        return 5;
    case WP_DIAGRAM_TARGET:
        return 4;
    case WP_DIAGRAM_ACCOUNT:
        return 3;
    case WP_DIAGRAM_SOURCE:
        return 2;
    case WP_DIAGRAM_INTERMEDIARY:
    case WP_DIAGRAM_N_ROLES:
    default:
        return 1;
    }
}

guint wp_i_draw_person(WpDraw *draw, WpPerson person, WpDiagramRole role)
{
    gint found = wp_i_draw_lookup(draw, person);
    if (found >= 0) {
        WpDiagramNode *n = wp_diagram_node(draw->diagram, found);
        if (role_weight(role) > role_weight(n->role))
            n->role = role;
        return (guint)found;
    }
    gboolean names_company = FALSE;
    gint cluster = place(draw, person, role, &names_company);
    guint node = wp_diagram_add_node(draw->diagram, role,
                                     wp_graph_person_label(draw->graph, person), cluster);
    wp_diagram_add_detail(draw->diagram, node,
                          wp_graph_person_attr(draw->graph, person, WP_COLUMN_TITLE));
    if (!names_company)
        wp_diagram_add_detail(draw->diagram, node,
                              wp_graph_person_attr(draw->graph, person, WP_COLUMN_COMPANY));
    g_hash_table_insert(draw->nodes, GUINT_TO_POINTER(person + 1), GUINT_TO_POINTER(node + 1));
    return node;
}

WpTieType wp_i_draw_main_type(guint16 types, WpTieType prior_type)
{
    static const WpTieType telling[] = {
        WP_TIE_FAMILY,           WP_TIE_CLIENT, WP_TIE_FRIEND, WP_TIE_REFERRED, WP_TIE_COLLEAGUE,
        WP_TIE_FORMER_COLLEAGUE, WP_TIE_VENDOR, WP_TIE_PRIZE,  WP_TIE_OTHER,    WP_TIE_SOCIAL,
    };
    if (prior_type < WP_TIE_N_TYPES)
        return prior_type;
    for (guint i = 0; i < G_N_ELEMENTS(telling); i++)
        if (types & WP_TIE_TYPE_BIT(telling[i]))
            return telling[i];
    return WP_TIE_N_TYPES;
}

guint wp_i_draw_tie(WpDraw *draw, WpPerson from, WpPerson to, WpTie tie)
{
    guint a = wp_i_draw_person(draw, from, WP_DIAGRAM_INTERMEDIARY);
    guint b = wp_i_draw_person(draw, to, WP_DIAGRAM_INTERMEDIARY);
    gint found = wp_diagram_find_edge(draw->diagram, a, b);
    if (found >= 0)
        return (guint)found;
    WpTieInfo info;
    WpStrengthBreakdown why;
    wp_graph_tie_info(draw->graph, tie, &info);
    double strength = wp_graph_tie_strength(draw->graph, tie, &why);
    guint edge = wp_diagram_add_edge(draw->diagram, a, b,
                                     wp_i_draw_main_type(info.types, why.prior_type), strength);
    wp_diagram_edge(draw->diagram, edge)->cold =
        (why.status & (WP_TIE_STATUS_GONE_COLD | WP_TIE_STATUS_NEVER_INTERACTED)) != 0;
    return edge;
}

char *wp_i_format_percent(double p)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    double pct = 100.0 * p;
    if (isnan(pct) || pct < 0.05)
        return g_strdup("<0.1%");
    if (pct >= 9.95)
        return g_strdup_printf("%.0f%%", pct);
    return g_strdup_printf("%s%%", g_ascii_formatd(buf, sizeof buf, "%.1f", pct));
}

char *wp_i_sellers_text(const WpGraph *graph, const WpPerson *sellers, guint n_sellers)
{
    if (n_sellers == 1)
        return g_strdup(wp_graph_person_label(graph, sellers[0]));
    if (n_sellers == 2)
        return g_strdup_printf("%s and %s", wp_graph_person_label(graph, sellers[0]),
                               wp_graph_person_label(graph, sellers[1]));
    return g_strdup_printf("%u sellers", n_sellers);
}

guint wp_i_title_seniority(const char *title)
{
    if (title == NULL)
        return 4;
    g_autofree char *folded = wp_text_fold(title);
    g_auto(GStrv) words = g_strsplit(folded, " ", -1);
    gboolean vice = g_strv_contains((const char *const *)words, "vice");
    guint best = 4;
    for (guint i = 0; words[i] != NULL; i++) {
        const char *w = words[i];
        gsize n = strlen(w);
        if (strcmp(w, "chief") == 0 || (strcmp(w, "president") == 0 && !vice) ||
            (n == 3 && w[0] == 'c' && w[2] == 'o'))
            best = 0;
        else if (strcmp(w, "vp") == 0 || strcmp(w, "svp") == 0 || strcmp(w, "evp") == 0 ||
                 strcmp(w, "vice") == 0)
            best = MIN(best, 1);
        else if (strcmp(w, "director") == 0 || strcmp(w, "head") == 0)
            best = MIN(best, 2);
        else if (strcmp(w, "manager") == 0 || strcmp(w, "lead") == 0 ||
                 strcmp(w, "controller") == 0)
            best = MIN(best, 3);
    }
    return best;
}
