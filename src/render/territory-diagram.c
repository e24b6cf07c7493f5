/* SPDX-License-Identifier: MIT */
/* The territory overview: the top referral sources of a `rank` answer and the targets each
 * opens. */
#include "render/render-private.h"

#include <math.h>
#include <string.h>

#include "warmpath/model.h"

static void territory_titles(WpDiagram *d, const WpGraph *graph, const WpRankResult *result,
                             guint n_reached, const WpPerson *sellers, guint n_sellers,
                             const char *territory, const WpDiagramLimits *limits)
{
    g_autofree char *title =
        g_strdup_printf("Territory plan%s%s", territory ? ": " : "", territory ? territory : "");
    g_autofree char *who = wp_i_sellers_text(graph, sellers, n_sellers);
    char day[11];
    wp_day_format(wp_graph_as_of(graph), day);
    g_autoptr(GString) subtitle = g_string_new(NULL);
    g_string_append_printf(subtitle,
                           "%u targets, %u reachable through %u referral sources \u00b7 from %s "
                           "\u00b7 as of %s",
                           result->targets->len, n_reached, result->sources->len, who, day);
    if (limits != NULL && limits->context != NULL)
        g_string_append_printf(subtitle, " \u00b7 %s", limits->context);
    wp_diagram_set_title(d, title, subtitle->str);
}

/* "2.4 intros expected · 17 targets". */
static char *source_badge(const WpRankSource *source)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup_printf("%s intros expected \u00b7 %u target%s",
                           g_ascii_formatd(buf, sizeof buf, "%.2f", source->score),
                           source->n_reached, source->n_reached == 1 ? "" : "s");
}

/* The seller's tie to the source; FALSE if the graph has none in that direction. */
static gboolean seller_tie(const WpGraph *graph, const WpRankSource *source, WpTie *out)
{
    return wp_graph_find_tie(graph, source->seller, source->person, out);
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
    if (result->cold_companies->len > 0)
        wp_diagram_add_note(d, "%u targets no source reaches; cold accounts: %s.",
                            result->cold_targets->len, names->str);
    else
        wp_diagram_add_note(d, "%u targets no source reaches.", result->cold_targets->len);
}

WpDiagram *wp_diagram_new_territory(const WpGraph *graph, const WpRankResult *result,
                                    const WpPerson *sellers, guint n_sellers, const char *territory,
                                    const WpDiagramLimits *limits)
{
    g_return_val_if_fail(graph != NULL && result != NULL, NULL);
    g_return_val_if_fail(n_sellers == 0 || sellers != NULL, NULL);
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
    territory_titles(d, graph, result, n_reached, sellers, n_sellers, territory, limits);

    g_autofree guint8 *marks = g_new0(guint8, MAX(wp_graph_n_people(graph), 1));
    for (guint i = 0; i < n_sellers; i++)
        marks[sellers[i]] = 1;
    WpDraw draw;
    wp_i_draw_init(&draw, d, graph, NULL, marks, TRUE, FALSE);
    draw.box_targets_only = TRUE;
    draw.box_sellers = n_sellers > 1; /* a box around one person says nothing */

    guint n_drawn = MIN(result->sources->len, max_sources);
    g_autofree guint8 *shown = g_new0(guint8, result->targets->len + 1);
    for (guint s = 0; s < n_drawn; s++) {
        const WpRankSource *source = &g_array_index(result->sources, WpRankSource, s);
        guint a = wp_i_draw_person(&draw, source->seller, WP_DIAGRAM_SELLER);
        guint b = wp_i_draw_person(&draw, source->person, WP_DIAGRAM_SOURCE);
        WpTie tie;
        if (seller_tie(graph, source, &tie))
            wp_i_draw_tie(&draw, source->seller, source->person, tie);
        else
            wp_diagram_add_edge(d, a, b, WP_TIE_N_TYPES, source->strength);
        g_autofree char *badge = source_badge(source);
        wp_diagram_set_badge(d, b, badge);
        guint n_targets = MIN(source->reach->len, max_targets);
        for (guint t = 0; t < n_targets; t++) {
            const WpRankReach *reach = &g_array_index(source->reach, WpRankReach, t);
            guint node = wp_i_draw_person(&draw, reach->target, WP_DIAGRAM_TARGET);
            shown[reach->target_index] = 1;
            guint e = wp_diagram_add_edge(d, b, node, WP_TIE_N_TYPES, NAN);
            wp_diagram_edge(d, e)->summary = TRUE;
            g_autofree char *pct = wp_i_format_percent(reach->probability);
            wp_diagram_set_edge_label(d, e, pct);
        }
    }
    for (guint i = 0; i < d->nodes->len; i++)
        if (wp_diagram_node(d, i)->role == WP_DIAGRAM_SELLER)
            wp_diagram_node(d, i)->emphasis = TRUE;

    if (n_drawn < result->sources->len)
        wp_diagram_add_note(d,
                            "%u more referral sources not drawn (the top %u by expected "
                            "introductions are shown).",
                            result->sources->len - n_drawn, n_drawn);
    guint n_unshown = 0;
    for (guint i = 0; i < result->targets->len; i++)
        n_unshown += !shown[i] && g_array_index(result->best_source, guint, i) != G_MAXUINT;
    if (n_unshown > 0)
        wp_diagram_add_note(d, "%u reachable targets not drawn (each source shows its best %u%s).",
                            n_unshown, max_targets,
                            n_drawn < result->sources->len ? " and only the top sources are drawn"
                                                           : "");
    if (result->direct->len > 0)
        wp_diagram_add_note(d, "%u targets are already direct contacts of a seller (not drawn).",
                            result->direct->len);
    note_cold(d, result);
    wp_i_draw_clear(&draw);
    return d;
}
