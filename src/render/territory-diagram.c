/* SPDX-License-Identifier: MIT */
/* The territory overview: the top referral sources of a `rank` answer and the targets each
 * opens. */
#include "render/render-private.h"

#include <math.h>
#include <string.h>

#include "warmpath/model.h"
#include "warmpath/text.h"

/* The heading; the sellers named are those drawn (whose contacts are among the top sources). */
static void territory_titles(WpDiagram *d, const WpDraw *draw, const WpRankResult *result,
                             guint n_reached, const WpPerson *sellers, guint n_sellers,
                             const char *territory, const WpDiagramLimits *limits)
{
    g_autofree char *title =
        g_strdup_printf("Territory plan%s%s", territory ? ": " : "", territory ? territory : "");
    g_autofree guint8 *drawn = wp_i_draw_sellers_drawn(draw, sellers, n_sellers);
    g_autofree char *who = wp_i_sellers_text(draw->graph, sellers, n_sellers, drawn);
    g_autofree char *day = wp_i_day_text(draw->scoring);
    g_autoptr(GString) subtitle = g_string_new(NULL);
    g_autofree char *targets = wp_text_count(result->targets->len, "target", "targets");
    g_autofree char *sources =
        wp_text_count(result->sources->len, "referral source", "referral sources");
    g_string_append_printf(subtitle, "%s, %u reachable through %s \u00b7 from %s \u00b7 as of %s",
                           targets, n_reached, sources, who, day);
    if (limits != NULL && limits->context != NULL)
        g_string_append_printf(subtitle, " \u00b7 %s", limits->context);
    wp_diagram_set_title(d, title, subtitle->str);
    wp_i_note_sellers_left_out(d, draw->graph, sellers, n_sellers, drawn,
                               "none of their contacts is among the sources drawn");
}

/* "2.40 intros expected · 17 targets". */
static char *source_badge(const WpRankSource *source)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *targets = wp_text_count(source->n_reached, "target", "targets");
    return g_strdup_printf("%s intros expected \u00b7 %s",
                           g_ascii_formatd(buf, sizeof buf, "%.2f", source->score), targets);
}

/* The seller's tie to the source; FALSE if the graph has none in that direction. */
static gboolean seller_tie(const WpGraph *graph, const WpRankSource *source, WpTie *out)
{
    return wp_graph_find_tie(graph, source->seller, source->person, out);
}

/* Fellow sellers reach targets too, but they ask rather than vouch: named, not drawn as
 * referral sources (WpRankResult.colleagues). */
static void note_colleagues(WpDiagram *d, const WpGraph *graph, const WpRankResult *result)
{
    if (result->colleagues->len == 0)
        return;
    g_autoptr(GString) names = g_string_new(NULL);
    guint shown = MIN(result->colleagues->len, 4);
    for (guint i = 0; i < shown; i++) {
        const WpRankSource *s = &g_array_index(result->colleagues, WpRankSource, i);
        g_string_append_printf(names, "%s%s", i ? ", " : "",
                               wp_graph_person_label(graph, s->person));
    }
    if (result->colleagues->len > shown)
        g_string_append_printf(names, " and %u more", result->colleagues->len - shown);
    g_autofree char *who =
        wp_text_count(result->colleagues->len, "fellow seller reaches", "fellow sellers reach");
    wp_diagram_add_note(d, "%s targets too, not drawn as referral sources: %s.", who, names->str);
}

static void note_cold(WpDiagram *d, const WpRankResult *result)
{
    if (result->cold_targets->len == 0)
        return;
    g_autoptr(GString) names = g_string_new(NULL);
    guint shown = MIN(result->cold_companies->len, 4);
    for (guint i = 0; i < shown; i++) {
        const WpRankCompany *c = &g_array_index(result->cold_companies, WpRankCompany, i);
        g_string_append_printf(names, "%s%s", i ? ", " : "", c->company ? c->company : "?");
    }
    if (result->cold_companies->len > shown)
        g_string_append_printf(names, " and %u more", result->cold_companies->len - shown);
    g_autofree char *cold = wp_text_count(result->cold_targets->len, "target", "targets");
    if (result->cold_companies->len > 0)
        wp_diagram_add_note(d, "%s no source reaches; cold accounts: %s.", cold, names->str);
    else
        wp_diagram_add_note(d, "%s no source reaches.", cold);
}

/* The source ranked @rank (0 = best), numbered in its name ("1. Priya Natarajan") and stacked
 * in rank order, with its tie to the seller and its best targets, each joined by a dotted edge
 * whose tag, on the line at the target, is that route's chance. */
static void draw_source(WpDraw *draw, const WpRankSource *source, guint rank, guint max_targets,
                        guint8 *shown)
{
    WpDiagram *d = draw->diagram;
    guint a = wp_i_draw_person(draw, source->seller, WP_DIAGRAM_SELLER);
    guint b = wp_i_draw_person(draw, source->person, WP_DIAGRAM_SOURCE);
    gboolean stacked = FALSE;
    for (guint i = 0; i < d->stack->len; i++)
        stacked |= g_array_index(d->stack, guint, i) == b;
    if (!stacked) { /* a person is one source, but stay safe if listed twice */
        WpDiagramNode *node = wp_diagram_node(d, b);
        g_autofree char *numbered = g_strdup_printf("%u. %s", rank + 1, node->name);
        g_free(node->name);
        node->name = wp_diagram_clean_text(numbered);
        g_array_append_val(d->stack, b);
    }
    WpTie tie;
    if (seller_tie(draw->graph, source, &tie))
        wp_i_draw_tie(draw, source->seller, source->person, tie);
    else
        wp_diagram_add_edge(d, a, b, WP_TIE_N_TYPES, source->strength);
    g_autofree char *badge = source_badge(source);
    wp_diagram_set_badge(d, b, badge);
    guint n_targets = MIN(source->reach->len, max_targets);
    for (guint t = 0; t < n_targets; t++) {
        const WpRankReach *reach = &g_array_index(source->reach, WpRankReach, t);
        guint target = wp_i_draw_person(draw, reach->target, WP_DIAGRAM_TARGET);
        shown[reach->target_index] = 1;
        guint e = wp_diagram_add_edge(d, b, target, WP_TIE_N_TYPES, NAN);
        wp_diagram_edge(d, e)->summary = TRUE;
        g_autofree char *pct = wp_i_format_percent(reach->probability);
        g_autofree char *tag = g_strdup_printf("%s from %u", pct, rank + 1);
        wp_diagram_set_edge_tag(d, e, tag);
    }
}

/* Up to 30 targets in one column would make the picture several screens tall: from eight
 * targets on, every second one (in the order they were drawn) goes a column further right,
 * with all the routes that end at it. */
static void stagger_targets(WpDiagram *d)
{
    g_autofree guint *span = g_new0(guint, d->nodes->len + 1);
    guint n_targets = 0;
    for (guint i = 0; i < d->nodes->len; i++)
        n_targets += wp_diagram_node(d, i)->role == WP_DIAGRAM_TARGET;
    if (n_targets < 8)
        return;
    guint seen = 0;
    for (guint e = 0; e < d->edges->len; e++) {
        WpDiagramEdge *edge = wp_diagram_edge(d, e);
        if (!edge->summary)
            continue;
        if (span[edge->to] == 0)
            span[edge->to] = seen++ % 2 == 0 ? 1 : 2;
        edge->span = span[edge->to];
    }
}

WpDiagram *wp_diagram_new_territory(const WpScoring *scoring, const WpRankResult *result,
                                    const WpPerson *sellers, guint n_sellers, const char *territory,
                                    const WpDiagramLimits *limits)
{
    g_return_val_if_fail(scoring != NULL && result != NULL, NULL);
    g_return_val_if_fail(n_sellers == 0 || sellers != NULL, NULL);
    const WpGraph *graph = wp_scoring_graph(scoring);
    WpDiagram *d = wp_diagram_new();
    guint max_sources =
        limits && limits->max_routes ? limits->max_routes : WP_DIAGRAM_TERRITORY_SOURCES;
    max_sources = MIN(max_sources, WP_DIAGRAM_MAX_ROUTES);
    guint max_targets =
        limits && limits->max_targets ? limits->max_targets : WP_DIAGRAM_TERRITORY_TARGETS;
    max_targets = MIN(max_targets, WP_DIAGRAM_MAX_ROUTES);
    guint n_reached = 0;
    for (guint i = 0; i < result->best_source->len; i++)
        n_reached += g_array_index(result->best_source, guint, i) != G_MAXUINT;

    g_autofree guint8 *marks = wp_i_seller_marks(graph, sellers, n_sellers);
    WpDraw draw;
    wp_i_draw_init(&draw, d, scoring, NULL, marks, FALSE);
    draw.box_sellers = n_sellers > 1; /* a box around one person says nothing */

    guint n_drawn = MIN(result->sources->len, max_sources);
    g_autofree guint8 *shown = g_new0(guint8, result->targets->len + 1);
    for (guint s = 0; s < n_drawn; s++)
        draw_source(&draw, &g_array_index(result->sources, WpRankSource, s), s, max_targets, shown);
    for (guint i = 0; i < d->nodes->len; i++)
        if (wp_diagram_node(d, i)->role == WP_DIAGRAM_SELLER)
            wp_diagram_node(d, i)->emphasis = TRUE;
    stagger_targets(d);
    territory_titles(d, &draw, result, n_reached, sellers, n_sellers, territory, limits);

    if (n_drawn < result->sources->len) {
        g_autofree char *more = wp_text_count(result->sources->len - n_drawn,
                                              "more referral source", "more referral sources");
        wp_diagram_add_note(d, "%s not drawn (the top %u by expected introductions %s shown).",
                            more, n_drawn, n_drawn == 1 ? "is" : "are");
    }
    guint n_unshown = 0;
    for (guint i = 0; i < result->targets->len; i++)
        n_unshown += !shown[i] && g_array_index(result->best_source, guint, i) != G_MAXUINT;
    g_autofree char *unshown = wp_text_count(n_unshown, "reachable target", "reachable targets");
    if (n_unshown > 0)
        wp_diagram_add_note(
            d, "%s not drawn (each source shows its best %u%s).", unshown, max_targets,
            n_drawn < result->sources->len ? " and only the top sources are drawn" : "");
    if (result->direct->len > 0) {
        g_autofree char *direct =
            wp_text_count(result->direct->len, "target is already a direct contact",
                          "targets are already direct contacts");
        wp_diagram_add_note(d, "%s of a seller (not drawn).", direct);
    }
    note_colleagues(d, graph, result);
    note_cold(d, result);
    wp_i_draw_clear(&draw);
    return d;
}
