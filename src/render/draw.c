/* SPDX-License-Identifier: MIT */
/* Drawing people and ties into a WpDiagram, each once, the account's people in its box: shared
 * by the path, account and territory diagrams. */
#include "render/render-private.h"

#include <math.h>
#include <string.h>

#include "warmpath/model.h"
#include "warmpath/report.h"
#include "warmpath/scoring.h"
#include "warmpath/text.h"

void wp_i_draw_init(WpDraw *draw, WpDiagram *diagram, const WpScoring *scoring, const char *account,
                    const guint8 *is_seller, gboolean name_functions)
{
    *draw = (WpDraw){
        .diagram = diagram,
        .scoring = scoring,
        .graph = wp_scoring_graph(scoring),
        .nodes = g_hash_table_new(g_direct_hash, g_direct_equal),
        .account = account ? wp_text_fold_company(account) : NULL,
        .account_cluster = -1,
        .is_seller = is_seller,
        .sellers_cluster = -1,
        .name_functions = name_functions,
    };
}

void wp_i_draw_clear(WpDraw *draw)
{
    g_clear_pointer(&draw->nodes, g_hash_table_unref);
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

/* The box a person goes in (-1 for none): the sellers' when they are boxed, the account's for
 * people there (whose cards then need not name the company). Other people are not boxed: a box
 * per company would stack them above or below the account instead of beside it. */
static gint place(WpDraw *draw, WpPerson person, gboolean *names_company)
{
    const char *company = wp_graph_person_attr(draw->graph, person, WP_COLUMN_COMPANY);
    *names_company = FALSE;
    if (draw->is_seller != NULL && draw->is_seller[person]) {
        if (!draw->box_sellers)
            return -1;
        if (draw->sellers_cluster < 0) {
            draw->sellers_cluster = (gint)wp_diagram_add_cluster(
                draw->diagram, WP_DIAGRAM_CLUSTER_SELLERS, "Our team", -1);
        }
        return draw->sellers_cluster;
    }
    if (company == NULL || draw->account == NULL)
        return -1;
    g_autofree char *folded = wp_text_fold_company(company); /* one box per account */
    if (strcmp(folded, draw->account) != 0)
        return -1;
    *names_company = TRUE;
    return account_cluster(draw, company);
}

static guint role_weight(WpDiagramRole role)
{
    switch (role) {
    case WP_DIAGRAM_SELLER:
        return 5;
    case WP_DIAGRAM_TARGET:
        return 4;
    case WP_DIAGRAM_SOURCE:
        return 3;
    case WP_DIAGRAM_ACCOUNT:
        return 2;
    case WP_DIAGRAM_INTERMEDIARY:
    case WP_DIAGRAM_N_ROLES:
    default:
        return 1;
    }
}

/* TRUE when @text holds @word as a whole word, ignoring case and accents. */
static gboolean has_word(const char *text, const char *word)
{
    g_autofree char *t = wp_text_fold(text);
    g_autofree char *w = wp_text_fold(word);
    gsize n = strlen(w);
    if (n == 0)
        return TRUE;
    for (const char *p = strstr(t, w); p != NULL; p = strstr(p + 1, w)) {
        gboolean starts = p == t || !g_ascii_isalnum(p[-1]);
        gboolean ends = !g_ascii_isalnum(p[n]);
        if (starts && ends)
            return TRUE;
    }
    return FALSE;
}

/* One line under the name: "Finance Director · Brightline Pay", "Controller · Finance"; @more
 * is left out when the title already says it ("VP Finance" at Finance). NULL when empty. */
static char *detail_line(const char *title, const char *more)
{
    gboolean has_title = title != NULL && title[0] != '\0';
    gboolean has_more = more != NULL && more[0] != '\0' && !(has_title && has_word(title, more));
    if (has_title && has_more)
        return g_strdup_printf("%s \u00b7 %s", title, more);
    return g_strdup(has_title ? title : has_more ? more : NULL);
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
    gint cluster = place(draw, person, &names_company);
    guint node = wp_diagram_add_node(draw->diagram, role,
                                     wp_graph_person_label(draw->graph, person), cluster);
    const char *title = wp_graph_person_attr(draw->graph, person, WP_COLUMN_TITLE);
    const char *more = NULL;
    if (!names_company)
        more = wp_graph_person_attr(draw->graph, person, WP_COLUMN_COMPANY);
    else if (draw->name_functions && cluster == draw->account_cluster)
        more = wp_graph_person_attr(draw->graph, person, WP_COLUMN_FUNCTION);
    g_autofree char *detail = detail_line(title, more);
    wp_diagram_add_detail(draw->diagram, node, detail);
    g_autofree char *contact = wp_report_contact_text(draw->graph, person);
    if (contact != NULL) {
        g_autofree char *tooltip =
            g_strdup_printf("%s: %s", wp_graph_person_label(draw->graph, person), contact);
        wp_diagram_set_tooltip(draw->diagram, node, tooltip);
    }
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
    if (tie == WP_TIE_NONE) /* the team tie between two sellers of one team (WpPath.team_hop) */
        return wp_diagram_add_edge(draw->diagram, a, b, WP_TIE_COLLEAGUE,
                                   wp_model_team_tie(wp_scoring_model(draw->scoring)));
    WpTieInfo info;
    WpStrengthBreakdown why;
    wp_graph_tie_info(draw->graph, tie, &info);
    double strength = wp_scoring_tie_strength(draw->scoring, tie, &why);
    guint edge = wp_diagram_add_edge(draw->diagram, a, b,
                                     wp_i_draw_main_type(info.types, why.prior_type), strength);
    wp_diagram_edge(draw->diagram, edge)->cold =
        (why.status & (WP_TIE_STATUS_GONE_COLD | WP_TIE_STATUS_NEVER_INTERACTED)) != 0;
    return edge;
}

guint wp_i_route_cap(const WpDiagramLimits *limits, guint fallback)
{
    guint n = limits != NULL && limits->max_routes > 0 ? limits->max_routes : fallback;
    return MIN(n, WP_DIAGRAM_MAX_ROUTES);
}

guint8 *wp_i_seller_marks(const WpGraph *graph, const WpPerson *sellers, guint n_sellers)
{
    guint8 *marks = g_new0(guint8, MAX(wp_graph_n_people(graph), 1));
    for (guint i = 0; i < n_sellers; i++)
        marks[sellers[i]] = 1;
    return marks;
}

void wp_i_draw_route(WpDraw *draw, const WpPath *path, WpDiagramRole end_role, GArray *edges)
{
    guint n = path->n_people;
    for (guint i = 0; i < n; i++) {
        WpDiagramRole role = i == 0       ? WP_DIAGRAM_SELLER
                             : i == n - 1 ? end_role
                             : i == 1     ? WP_DIAGRAM_SOURCE
                                          : WP_DIAGRAM_INTERMEDIARY;
        wp_i_draw_person(draw, path->people[i], role);
        if (i == 1) /* also the end of a direct route: the weightier role wins */
            wp_i_draw_person(draw, path->people[i], WP_DIAGRAM_SOURCE);
    }
    g_array_set_size(edges, 0);
    for (guint i = 0; i + 1 < n; i++) {
        guint e = wp_i_draw_tie(draw, path->people[i], path->people[i + 1], path->ties[i]);
        g_array_append_val(edges, e);
    }
}

char *wp_i_day_text(const WpScoring *scoring)
{
    char day[11];
    wp_day_format(wp_scoring_as_of(scoring), day);
    return g_strdup(day);
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

/* "A", "A and B", "A, B and C", "A, B, C, D and 3 more": at most four names. */
static char *names_text(const WpGraph *graph, const GArray *people)
{
    GString *out = g_string_new(NULL);
    guint n = people->len, shown = n > 4 ? 4 : n;
    for (guint i = 0; i < shown; i++) {
        const char *sep = i == 0 ? "" : (i == n - 1 ? " and " : ", ");
        g_string_append_printf(out, "%s%s", sep,
                               wp_graph_person_label(graph, g_array_index(people, WpPerson, i)));
    }
    if (n > shown)
        g_string_append_printf(out, " and %u more", n - shown);
    return g_string_free(out, FALSE);
}

/* The sellers @drawn marks (or does not mark, when @want_drawn is FALSE). */
static GArray *pick_sellers(const WpPerson *sellers, guint n_sellers, const guint8 *drawn,
                            gboolean want_drawn)
{
    GArray *out = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (guint i = 0; i < n_sellers; i++)
        if ((drawn == NULL || drawn[sellers[i]] != 0) == want_drawn)
            g_array_append_val(out, sellers[i]);
    return out;
}

char *wp_i_sellers_text(const WpGraph *graph, const WpPerson *sellers, guint n_sellers,
                        const guint8 *drawn)
{
    g_autoptr(GArray) shown = pick_sellers(sellers, n_sellers, drawn, TRUE);
    guint n = shown->len;
    if (n == 0 || n == n_sellers) {
        if (n_sellers > 2)
            return g_strdup_printf("%u sellers", n_sellers);
        g_autoptr(GArray) all = pick_sellers(sellers, n_sellers, NULL, TRUE);
        return names_text(graph, all);
    }
    if (n > 2)
        return g_strdup_printf("%u of %u sellers", n, n_sellers);
    g_autofree char *names = names_text(graph, shown);
    return g_strdup_printf("%s (%u of %u sellers)", names, n, n_sellers);
}

void wp_i_note_sellers_left_out(WpDiagram *d, const WpGraph *graph, const WpPerson *sellers,
                                guint n_sellers, const guint8 *drawn, const char *why)
{
    g_autoptr(GArray) left_out = pick_sellers(sellers, n_sellers, drawn, FALSE);
    if (left_out->len == 0 || left_out->len == n_sellers)
        return;
    g_autofree char *names = names_text(graph, left_out);
    wp_diagram_add_note(d, "Seller%s not drawn: %s (%s).", left_out->len == 1 ? "" : "s", names,
                        why);
}

guint8 *wp_i_draw_sellers_drawn(const WpDraw *draw, const WpPerson *sellers, guint n_sellers)
{
    guint8 *marks = g_new0(guint8, MAX(wp_graph_n_people(draw->graph), 1));
    for (guint i = 0; i < n_sellers; i++)
        marks[sellers[i]] = wp_i_draw_lookup(draw, sellers[i]) >= 0;
    return marks;
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
