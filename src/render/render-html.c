/* SPDX-License-Identifier: MIT */
/* The diagram's look: palette, line widths, and the HTML-like labels that carry every piece of
 * user text, escaped. No Graphviz here, so the escaping is testable on its own. */
#include "render/render-private.h"

#include <math.h>
#include <string.h>

#define INK "#202124"   /* main text */
#define MUTED "#5F6368" /* secondary text */
#define NOTE "#A15C07"  /* notes about what was left out */

typedef struct {
    const char *fill, *border, *accent;
} RoleLook;

static const RoleLook role_looks[WP_DIAGRAM_N_ROLES] = {
    [WP_DIAGRAM_SELLER] = {"#E8F0FE", "#1A73E8", "#1A73E8"},
    [WP_DIAGRAM_SOURCE] = {"#E6F4EA", "#1E8E3E", "#137333"},
    [WP_DIAGRAM_INTERMEDIARY] = {"#F1F3F4", "#80868B", MUTED},
    [WP_DIAGRAM_TARGET] = {"#FEF3E0", "#E37400", "#B06000"},
    [WP_DIAGRAM_ACCOUNT] = {"#FFFFFF", "#9AA0A6", "#B06000"},
};

/* One look per tie type, on the Okabe-Ito palette plus a dark green, a grey and an olive.
 * Colours differ for every reader with normal vision; types that share a pattern also stay
 * apart under protanopia, deuteranopia and tritanopia (CIE76 distance >= 15 after Machado et
 * al.'s simulation, checked in test-render.c), so a colour-blind reader tells them apart by
 * pattern and colour together: client, colleague, friend and vendor are single lines; referred,
 * former colleague and family double; social, prize and other, the weak ties, dotted. The
 * last entry is for untyped ties. */
static const WpTieLook tie_looks[WP_TIE_N_TYPES + 1] = {
    [WP_TIE_CLIENT] = {"#0072B2", WP_LINE_SINGLE, "client"},
    [WP_TIE_REFERRED] = {"#56B4E9", WP_LINE_DOUBLE, "referred"},
    [WP_TIE_COLLEAGUE] = {"#009E73", WP_LINE_SINGLE, "colleague"},
    [WP_TIE_FORMER_COLLEAGUE] = {"#004D40", WP_LINE_DOUBLE, "former colleague"},
    [WP_TIE_FRIEND] = {"#E69F00", WP_LINE_SINGLE, "friend"},
    [WP_TIE_FAMILY] = {"#D55E00", WP_LINE_DOUBLE, "family"},
    [WP_TIE_VENDOR] = {"#CC79A7", WP_LINE_SINGLE, "vendor"},
    [WP_TIE_SOCIAL] = {"#9E9E9E", WP_LINE_DOTTED, "social (LinkedIn only)"},
    [WP_TIE_PRIZE] = {"#B59F00", WP_LINE_DOTTED, "prize"},
    [WP_TIE_OTHER] = {"#333333", WP_LINE_DOTTED, "other"},
    [WP_TIE_N_TYPES] = {"#7F7F7F", WP_LINE_SINGLE, "untyped"},
};

/* A summary edge (a whole route of several ties): thin, dotted, in the text's grey. */
#define SUMMARY_COLOR MUTED

const WpTieLook *wp_i_tie_look(WpTieType type)
{
    return &tie_looks[MIN(type, WP_TIE_N_TYPES)];
}

/* Graphviz 2.42 expands \N, \G, \E, \H, \T and \L (object names) inside the text of
 * HTML-like labels too, after decoding entities, and turns "\\" into "\": so every backslash
 * is doubled, which that pass undoes exactly. */
void wp_i_html_escape(GString *out, const char *text)
{
    for (const char *p = text; *p != '\0'; p++) {
        switch (*p) {
        case '\\':
            g_string_append(out, "\\\\");
            break;
        case '&':
            g_string_append(out, "&amp;");
            break;
        case '<':
            g_string_append(out, "&lt;");
            break;
        case '>':
            g_string_append(out, "&gt;");
            break;
        case '"':
            g_string_append(out, "&quot;");
            break;
        case '\'':
            g_string_append(out, "&#39;");
            break;
        default:
            g_string_append_c(out, *p);
        }
    }
}

/* Appends <FONT ...>text</FONT>, bold when asked; @text is escaped. */
static void append_font(GString *out, const char *text, const char *size, const char *color,
                        gboolean bold)
{
    g_string_append_printf(out, "<FONT POINT-SIZE=\"%s\" COLOR=\"%s\">%s", size, color,
                           bold ? "<B>" : "");
    wp_i_html_escape(out, text);
    g_string_append_printf(out, "%s</FONT>", bold ? "</B>" : "");
}

/* A generous guess of the width in points of @text in bold at @size points: DejaVu Sans, the
 * face fontconfig gives for Helvetica on Debian, averages about 0.66 em per bold character;
 * East Asian wide characters take a full em. */
static guint estimate_width(const char *text, double size)
{
    double em = 0;
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
        em += g_unichar_iswide(g_utf8_get_char(p)) ? 1.0 : 0.66;
    return (guint)(em * size + 0.5);
}

/* Dot lays out left-to-right graphs top-to-bottom and turns them, so a box is made wide
 * enough for its people but not for its caption: a node alone in a company box is widened to
 * the caption instead, or the caption would spill over the box's edge. */
static guint node_min_width(const WpDiagram *d, const WpDiagramNode *n)
{
    if (n->cluster < 0)
        return 0;
    const WpDiagramCluster *c = &g_array_index(d->clusters, WpDiagramCluster, n->cluster);
    if (c->kind == WP_DIAGRAM_CLUSTER_ACCOUNT)
        return 0;
    double size = c->kind == WP_DIAGRAM_CLUSTER_GROUP ? 9.5 : 10.5;
    return MIN(estimate_width(c->label, size), 480);
}

static gboolean has_tag(const WpDiagramEdge *e)
{
    return e->tag != NULL && e->tag[0] != '\0';
}

/* How many tagged edges end at @node. */
static guint tagged_into(const WpDiagram *d, guint node)
{
    guint n = 0;
    for (guint i = 0; i < d->edges->len; i++) {
        const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, i);
        n += e->to == node && has_tag(e);
    }
    return n;
}

gboolean wp_i_diagram_tag_in_card(const WpDiagram *d, guint edge)
{
    const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, edge);
    return has_tag(e) && tagged_into(d, e->to) >= 2;
}

/* The card's rows for the tags of the lines that end at it (see wp_i_diagram_tag_in_card()):
 * each a port the line's arrowhead points at, the tag in bold in the line's colour. */
static void append_tag_rows(GString *out, const WpDiagram *d, guint node, const char *cell)
{
    if (tagged_into(d, node) < 2)
        return;
    for (guint i = 0; i < d->edges->len; i++) {
        const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, i);
        if (e->to != node || !has_tag(e))
            continue;
        const char *color = e->summary ? INK : wp_i_tie_look(e->type)->color;
        g_string_append_printf(out, "<TR>%s PORT=\"t%u\" ALIGN=\"LEFT\">", cell, i);
        append_font(out, e->tag, "9.5", color, TRUE);
        g_string_append(out, "</TD></TR>");
    }
}

char *wp_i_diagram_node_html(const WpDiagram *d, guint node)
{
    const WpDiagramNode *n = &g_array_index(d->nodes, WpDiagramNode, node);
    const RoleLook *look = &role_looks[n->role];
    gboolean strong = n->emphasis || n->role == WP_DIAGRAM_TARGET;
    GString *out = g_string_new(NULL);
    g_string_append_printf(out,
                           "<TABLE BORDER=\"%d\" STYLE=\"rounded\" CELLBORDER=\"0\" "
                           "CELLSPACING=\"0\" CELLPADDING=\"2\" COLOR=\"%s\" BGCOLOR=\"%s\"",
                           strong ? 3 : 1, look->border, look->fill);
    /* A minimum width goes on every cell: on the table alone it would widen only one. */
    guint width = node_min_width(d, n);
    g_autofree char *cell =
        width > 0 ? g_strdup_printf("<TD WIDTH=\"%u\"", width) : g_strdup("<TD");
    g_string_append_printf(out, "><TR>%s CELLPADDING=\"3\">", cell);
    append_font(out, n->name, "12", INK, TRUE);
    if (n->tag != NULL && n->tag[0] != '\0') {
        g_string_append(out, "&#160;&#160;");
        append_font(out, n->tag, "10.5", look->accent, TRUE);
    }
    g_string_append(out, "</TD></TR>");
    for (guint i = 0; i < n->details->len; i++) {
        g_string_append_printf(out, "<TR>%s>", cell);
        append_font(out, n->details->pdata[i], "9.5", MUTED, FALSE);
        g_string_append(out, "</TD></TR>");
    }
    if (n->badge != NULL) {
        g_string_append_printf(out, "<TR>%s CELLPADDING=\"3\">", cell);
        append_font(out, n->badge, "10", look->accent, TRUE);
        g_string_append(out, "</TD></TR>");
    }
    append_tag_rows(out, d, node, cell);
    g_string_append(out, "</TABLE>");
    return g_string_free(out, FALSE);
}

char *wp_i_diagram_edge_html(const WpDiagram *d, guint edge)
{
    const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, edge);
    if (e->label == NULL || e->label[0] == '\0')
        return NULL;
    g_auto(GStrv) lines = g_strsplit(e->label, "\n", 0);
    /* Dot runs the edge along the label's box: padding keeps thick lines off the text. */
    GString *out = g_string_new("<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" "
                                "CELLBORDER=\"0\"><TR><TD CELLPADDING=\"5\"><TABLE BORDER=\"0\" "
                                "CELLSPACING=\"0\" CELLPADDING=\"0\">");
    for (guint i = 0; lines[i] != NULL; i++) {
        g_string_append(out, "<TR><TD>");
        if (i == 0)
            append_font(out, lines[i], "9", MUTED, FALSE);
        else
            append_font(out, lines[i], "10", e->emphasis ? INK : MUTED, TRUE);
        g_string_append(out, "</TD></TR>");
    }
    g_string_append(out, "</TABLE></TD></TR></TABLE>");
    return g_string_free(out, FALSE);
}

char *wp_i_diagram_edge_tag_html(const WpDiagram *d, guint edge)
{
    const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, edge);
    if (!has_tag(e) || wp_i_diagram_tag_in_card(d, edge))
        return NULL;
    const char *frame = e->summary ? SUMMARY_COLOR : wp_i_tie_look(e->type)->color;
    GString *out = g_string_new(NULL);
    g_string_append_printf(out,
                           "<TABLE BORDER=\"1\" STYLE=\"rounded\" CELLBORDER=\"0\" "
                           "CELLSPACING=\"0\" CELLPADDING=\"1\" COLOR=\"%s\" "
                           "BGCOLOR=\"white\"><TR><TD>",
                           frame);
    append_font(out, e->tag, "9", INK, TRUE);
    g_string_append(out, "</TD></TR></TABLE>");
    return g_string_free(out, FALSE);
}

/* The width in points of edge @edge's chip: 9-point bold text, 4 points of frame and padding. */
static double chip_width(const WpDiagramEdge *e)
{
    return e->tag ? estimate_width(e->tag, 9.0) + 4.0 : 0.0;
}

/* The length in points of edge @edge's arrowhead as drawn: 10 x arrowsize, and the outline,
 * stroked as wide as the line, adds about one line width. */
static double arrow_length(const WpDiagram *d, guint edge)
{
    WpEdgeLook look;
    wp_i_diagram_edge_look(d, edge, &look);
    return 10.0 * g_ascii_strtod(look.arrowsize, NULL) + g_ascii_strtod(look.penwidth, NULL);
}

/* Graphviz centres a head label labeldistance x 10 points from the arrowhead's tip, along the
 * line: half the chip's width beyond the arrowhead and a 3-point gap. */
void wp_i_diagram_edge_tag_distance(const WpDiagram *d, guint edge, char out[16])
{
    const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, edge);
    double centre = arrow_length(d, edge) + 3.0 + chip_width(e) / 2.0;
    g_ascii_formatd(out, 16, "%.1f", centre / 10.0);
}

double wp_i_diagram_rank_gap(const WpDiagram *d)
{
    double gap = 0.5, room = 0.0;
    for (guint i = 0; i < d->edges->len; i++) {
        const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, i);
        if ((e->label != NULL && e->label[0] != '\0') || has_tag(e))
            gap = 0.75;
        /* the arrowhead, a gap, the chip, and 12 points of line before it */
        if (has_tag(e) && !wp_i_diagram_tag_in_card(d, i))
            room = MAX(room, arrow_length(d, i) + 3.0 + chip_width(e) + 12.0);
    }
    return MAX(gap, room / 72.0);
}

char *wp_i_diagram_cluster_html(const WpDiagram *d, guint cluster)
{
    const WpDiagramCluster *c = &g_array_index(d->clusters, WpDiagramCluster, cluster);
    GString *out = g_string_new(NULL);
    if (c->kind == WP_DIAGRAM_CLUSTER_ACCOUNT)
        append_font(out, c->label, "13", role_looks[WP_DIAGRAM_TARGET].accent, TRUE);
    else if (c->kind == WP_DIAGRAM_CLUSTER_GROUP)
        append_font(out, c->label, "9.5", MUTED, TRUE);
    else
        append_font(out, c->label, "10.5", MUTED, TRUE);
    return g_string_free(out, FALSE);
}

void wp_i_diagram_cluster_look(WpDiagramClusterKind kind, const char **fill, const char **border,
                               const char **style)
{
    switch (kind) {
    case WP_DIAGRAM_CLUSTER_ACCOUNT:
        *fill = "#FFF8EC", *border = "#F2B661", *style = "rounded,filled";
        return;
    case WP_DIAGRAM_CLUSTER_GROUP:
        *fill = "#FFFFFF", *border = "#E6D3B3", *style = "rounded,filled,dashed";
        return;
    case WP_DIAGRAM_CLUSTER_SELLERS:
        *fill = "#F4F8FE", *border = "#AECBFA", *style = "rounded,filled";
        return;
    case WP_DIAGRAM_CLUSTER_COMPANY:
    default:
        *fill = "#F8F9FA", *border = "#DADCE0", *style = "rounded,filled";
        return;
    }
}

static gboolean has_emphasis(const WpDiagram *d)
{
    for (guint i = 0; i < d->edges->len; i++)
        if (g_array_index(d->edges, WpDiagramEdge, i).emphasis)
            return TRUE;
    return FALSE;
}

/* Width grows linearly with strength: 0.8 pt for a hair of a tie, 5.3 pt for 1.0. A double
 * line is three strokes (colour, gap, colour) of a third of that each, at least 0.9 pt so that
 * both stay visible. When the diagram has a best route, other edges are faded (alpha 0x8C) so
 * it stands out. */
void wp_i_diagram_edge_look(const WpDiagram *d, guint edge, WpEdgeLook *out)
{
    const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, edge);
    const WpTieLook *tie = wp_i_tie_look(e->type);
    double s = isnan(e->strength) ? 0.1 : CLAMP(e->strength, 0.0, 1.0);
    double width = e->summary ? 1.4 : 0.8 + 4.5 * s;
    if (e->emphasis)
        width += 1.0;
    const char *alpha = !e->emphasis && has_emphasis(d) ? "8C" : "";
    const char *color = e->summary ? SUMMARY_COLOR : tie->color;
    gboolean dotted = e->summary || tie->pattern == WP_LINE_DOTTED;
    if (!e->summary && tie->pattern == WP_LINE_DOUBLE) {
        width = MAX(width / 3.0, 0.9);
        g_snprintf(out->color, sizeof out->color, "%s%s:transparent:%s%s", color, alpha, color,
                   alpha);
    } else {
        g_snprintf(out->color, sizeof out->color, "%s%s", color, alpha);
    }
    g_ascii_formatd(out->penwidth, sizeof out->penwidth, "%.2f", width);
    out->style = dotted ? "dotted" : e->cold ? "dashed" : "solid";
    out->arrowsize = e->emphasis ? "0.8" : "0.6";
}

/* What occurs in the picture, so that the legend explains exactly that. */
typedef struct {
    gboolean roles[WP_DIAGRAM_N_ROLES];
    gboolean types[WP_TIE_N_TYPES];
    gboolean any_type;
    gboolean ties;      /* an edge standing for one tie (its width is the strength) */
    gboolean cold;      /* an edge drawn dashed */
    gboolean summary;   /* an edge standing for a whole route */
    gboolean route_tag; /* a tie tagged with route numbers */
} Used;

static void collect_used(const WpDiagram *d, Used *used)
{
    memset(used, 0, sizeof *used);
    for (guint i = 0; i < d->nodes->len; i++)
        used->roles[g_array_index(d->nodes, WpDiagramNode, i).role] = TRUE;
    for (guint i = 0; i < d->edges->len; i++) {
        const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, i);
        if (e->summary) {
            used->summary = TRUE;
            continue;
        }
        used->ties = TRUE;
        if (e->type < WP_TIE_N_TYPES)
            used->types[e->type] = used->any_type = TRUE;
        used->cold |= e->cold && wp_i_tie_look(e->type)->pattern != WP_LINE_DOTTED;
        used->route_tag |= e->tag != NULL;
    }
}

/* A line sample drawn as filled cells: @n dashes of @dash points with gaps of @gap (one solid
 * dash when @gap is 0), @thick points high, in @color. */
static char *line_sample(const char *color, guint thick, guint n, guint dash, guint gap)
{
    GString *out = g_string_new("<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>");
    for (guint i = 0; i < n; i++) {
        if (i > 0)
            g_string_append_printf(out, "<TD WIDTH=\"%u\" HEIGHT=\"%u\" FIXEDSIZE=\"TRUE\"></TD>",
                                   gap, thick);
        g_string_append_printf(out,
                               "<TD BGCOLOR=\"%s\" WIDTH=\"%u\" HEIGHT=\"%u\" "
                               "FIXEDSIZE=\"TRUE\"></TD>",
                               color, dash, thick);
    }
    g_string_append(out, "</TR></TABLE>");
    return g_string_free(out, FALSE);
}

/* The legend's sample of a tie type: the same colour and pattern as its edges. */
static char *tie_sample(const WpTieLook *look)
{
    switch (look->pattern) {
    case WP_LINE_DOUBLE: {
        g_autofree char *stroke = line_sample(look->color, 2, 1, 22, 0);
        return g_strdup_printf(
            "<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD>"
            "%s</TD></TR><TR><TD WIDTH=\"22\" HEIGHT=\"2\" FIXEDSIZE=\"TRUE\"></TD></TR>"
            "<TR><TD>%s</TD></TR></TABLE>",
            stroke, stroke);
    }
    case WP_LINE_DOTTED:
        return line_sample(look->color, 3, 6, 2, 2);
    case WP_LINE_SINGLE:
    default:
        return line_sample(look->color, 4, 1, 22, 0);
    }
}

/* A legend cell pair: a sample (already HTML) and its explanation. */
static void legend_item(GString *out, const char *sample_html, const char *text)
{
    g_string_append_printf(out, "<TD ALIGN=\"RIGHT\">%s</TD><TD ALIGN=\"LEFT\">", sample_html);
    append_font(out, text, "9.5", MUTED, FALSE);
    g_string_append(out, "</TD>");
}

static void legend_row_start(GString *out, const char *heading)
{
    g_string_append(out, "<TR><TD ALIGN=\"LEFT\">");
    append_font(out, heading, "9.5", INK, TRUE);
    g_string_append(out, "</TD>");
}

static void append_legend_people(GString *out, const Used *used)
{
    legend_row_start(out, "People");
    for (guint r = 0; r < WP_DIAGRAM_N_ROLES; r++) {
        if (!used->roles[r])
            continue;
        g_autofree char *swatch =
            g_strdup_printf("<TABLE BORDER=\"1\" STYLE=\"rounded\" CELLSPACING=\"0\" COLOR=\"%s\" "
                            "BGCOLOR=\"%s\"><TR><TD WIDTH=\"18\" HEIGHT=\"8\"></TD></TR></TABLE>",
                            role_looks[r].border, role_looks[r].fill);
        legend_item(out, swatch, wp_diagram_role_name(r));
    }
    g_string_append(out, "</TR>");
}

static void append_legend_reading(GString *out, const Used *used)
{
    legend_row_start(out, "Reading");
    if (used->ties) {
        g_autofree char *thin = line_sample(MUTED, 1, 1, 10, 0);
        g_autofree char *thick = line_sample(MUTED, 5, 1, 10, 0);
        g_autofree char *widths = g_strdup_printf("<TABLE BORDER=\"0\" CELLSPACING=\"3\" "
                                                  "CELLPADDING=\"0\"><TR><TD>%s</TD><TD>%s</TD>"
                                                  "</TR></TABLE>",
                                                  thin, thick);
        legend_item(out, widths, "width = tie strength");
    }
    if (used->cold) {
        g_autofree char *dashed = line_sample(MUTED, 2, 3, 5, 3);
        legend_item(out, dashed, "dashed = gone cold");
    }
    if (used->summary) {
        g_autofree char *dotted = line_sample(SUMMARY_COLOR, 2, 5, 2, 3);
        legend_item(out, dotted, "grey dotted = a whole route, its chance at the arrow");
    }
    if (used->route_tag)
        legend_item(out,
                    "<TABLE BORDER=\"1\" STYLE=\"rounded\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                    "CELLPADDING=\"1\" COLOR=\"" MUTED "\"><TR><TD><FONT POINT-SIZE=\"9\" "
                    "COLOR=\"" INK "\"><B>#2</B></FONT></TD></TR></TABLE>",
                    "routes through the tie");
    legend_item(out, "<FONT POINT-SIZE=\"10\" COLOR=\"" INK "\"><B>%</B></FONT>",
                "chance the intro succeeds");
    g_string_append(out, "</TR>");
}

/* The legend is one grid: a row for people, one for tie types, one for how to read lines and
 * numbers; columns line up across rows. */
static void append_legend(GString *out, const WpDiagram *d)
{
    Used used;
    collect_used(d, &used);
    g_string_append(out, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLSPACING=\"0\" "
                         "CELLPADDING=\"2\">");
    append_legend_people(out, &used);
    if (used.any_type) {
        legend_row_start(out, "Ties");
        for (guint t = 0; t < WP_TIE_N_TYPES; t++) {
            if (!used.types[t])
                continue;
            g_autofree char *line = tie_sample(wp_i_tie_look(t));
            legend_item(out, line, wp_i_tie_look(t)->word);
        }
        g_string_append(out, "</TR>");
    }
    append_legend_reading(out, &used);
    g_string_append(out, "</TABLE></TD></TR>");
}

char *wp_i_diagram_heading_html(const WpDiagram *d)
{
    gboolean legend = d->legend && d->nodes->len > 0;
    if (d->title == NULL && d->subtitle == NULL && d->notes->len == 0 && !legend)
        return NULL;
    GString *out = g_string_new("<TABLE BORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">");
    if (d->title != NULL) {
        g_string_append(out, "<TR><TD ALIGN=\"LEFT\">");
        append_font(out, d->title, "17", INK, TRUE);
        g_string_append(out, "</TD></TR>");
    }
    if (d->subtitle != NULL) {
        g_string_append(out, "<TR><TD ALIGN=\"LEFT\">");
        append_font(out, d->subtitle, "11", MUTED, FALSE);
        g_string_append(out, "</TD></TR>");
    }
    for (guint i = 0; i < d->notes->len; i++) {
        g_string_append(out, "<TR><TD ALIGN=\"LEFT\">");
        append_font(out, d->notes->pdata[i], "10", NOTE, FALSE);
        g_string_append(out, "</TD></TR>");
    }
    if (legend)
        append_legend(out, d);
    g_string_append(out, "<TR><TD HEIGHT=\"6\"></TD></TR></TABLE>");
    return g_string_free(out, FALSE);
}
