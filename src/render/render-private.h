/* SPDX-License-Identifier: MIT */
/* Between the diagram's look (render-html.c: palette, HTML-like labels) and the Graphviz
 * driver (render-gv.c). Nothing here needs Graphviz. */
#pragma once

#include "warmpath/diagram.h"

/* The font every label uses; Graphviz's SVG writer adds a sans-serif fallback, and
 * fontconfig maps it to an installed sans face (DejaVu Sans on Debian) for PNG and PDF. */
#define WP_I_DIAGRAM_FONT "Helvetica"

/* Appends @text escaped for an HTML-like label (and for XML): & < > " ' become entities, and
 * backslashes are doubled (Graphviz expands \N, \G, ... in label text and halves "\\"). */
void wp_i_html_escape(GString *out, const char *text);

/* (transfer full): the HTML-like label body (without the enclosing < >) for node @node:
 * a rounded table, the name in bold, details in grey, the badge in the role's accent. */
char *wp_i_diagram_node_html(const WpDiagram *diagram, guint node);
/* (transfer full) (nullable): the label body for edge @edge, or NULL when it has none. The
 * first line is small grey text (strength); later lines, route tags, are bold. */
char *wp_i_diagram_edge_html(const WpDiagram *diagram, guint edge);
/* TRUE when edge @edge's tag is a row of its head's card rather than a chip on its line: when
 * two or more tagged edges end at one person, chips near their arrowheads would overlap, so
 * the card lists the tags, one row each (port "t<edge>"), and each line ends at its own row. */
gboolean wp_i_diagram_tag_in_card(const WpDiagram *diagram, guint edge);
/* (transfer full) (nullable): the body of edge @edge's tag, a small white chip framed in the
 * edge's colour that sits on the line near its arrowhead; NULL when it has no tag. */
char *wp_i_diagram_edge_tag_html(const WpDiagram *diagram, guint edge);
/* The gap between columns, in inches: 0.5, or 0.75 when edges carry text, or more when a
 * chip on a line needs it to clear the arrowhead and the person the line starts from. */
double wp_i_diagram_rank_gap(const WpDiagram *diagram);
/* How far from the arrowhead's tip the centre of the edge's tag goes, in Graphviz's
 * labeldistance unit (10 points), so that the chip clears the arrowhead: "2.6". */
void wp_i_diagram_edge_tag_distance(const WpDiagram *diagram, guint edge, char out[16]);
/* (transfer full): the label body for cluster @cluster. */
char *wp_i_diagram_cluster_html(const WpDiagram *diagram, guint cluster);
/* (transfer full) (nullable): the heading above the picture: title, subtitle, notes and the
 * legend of the roles and tie types that occur; NULL when there is nothing to show. */
char *wp_i_diagram_heading_html(const WpDiagram *diagram);

/* The line pattern of a tie type. Colour alone cannot tell ten types apart for every reader
 * (friend orange and prize olive look the same to a deuteranope), so types are split over three
 * patterns and only types whose colours stay apart under every kind of colour blindness share
 * one. Dashes are kept for "gone cold". */
typedef enum {
    WP_LINE_SINGLE, /* one solid stroke */
    WP_LINE_DOUBLE, /* two thin strokes side by side */
    WP_LINE_DOTTED, /* weak ties: dotted (not dashed when cold: weak either way) */
} WpLinePattern;

/* A tie type's look: colour "#RRGGBB", pattern, and its word in the legend. */
typedef struct {
    const char *color;
    WpLinePattern pattern;
    const char *word;
} WpTieLook;
/* The look of @type; WP_TIE_N_TYPES gives that of an untyped tie (grey, single). */
const WpTieLook *wp_i_tie_look(WpTieType type);

/* Edge look: Graphviz colour (one "#rrggbb[aa]", or "C:transparent:C" for a double line, with
 * alpha when faded), width of each stroke in points, and style. */
typedef struct {
    char color[40];
    char penwidth[16];
    const char *style;
    const char *arrowsize;
} WpEdgeLook;
void wp_i_diagram_edge_look(const WpDiagram *diagram, guint edge, WpEdgeLook *out);

/* Cluster look: fill and border colours, style. */
void wp_i_diagram_cluster_look(WpDiagramClusterKind kind, const char **fill, const char **border,
                               const char **style);

/* Drawing people and ties of a network into a diagram, each once: the shared part of the
 * path, account and territory builders (draw.c). */
typedef struct {
    WpDiagram *diagram;       /* borrowed */
    const WpScoring *scoring; /* borrowed: tie strengths and the as-of day */
    const WpGraph *graph;     /* = the scoring's */
    GHashTable *nodes;        /* GUINT_TO_POINTER(person + 1) -> GUINT_TO_POINTER(node + 1) */
    char *account;            /* folded company of the account, or NULL */
    gint account_cluster;     /* -1 until first used */
    char *account_label;      /* the account's name as written, or NULL */
    const guint8 *is_seller;  /* per person, non-zero for a seller; borrowed */
    gint sellers_cluster;     /* -1 until first used */
    gboolean name_functions;  /* account people's cards name their function too */
    gboolean box_sellers;     /* box the sellers as "Our team" */
} WpDraw;

/* Starts drawing @scoring's graph into @diagram; @account (nullable) is the company boxed as the
 * account,
 * @is_seller (nullable) marks sellers (boxed as "Our team" when box_sellers is set), and with
 * @name_functions the cards of the account's people name their function. */
void wp_i_draw_init(WpDraw *draw, WpDiagram *diagram, const WpScoring *scoring, const char *account,
                    const guint8 *is_seller, gboolean name_functions);
void wp_i_draw_clear(WpDraw *draw);
/* The node of @person, added with @role on first use, with one detail line: the title, then
 * the company when it is not boxed (or, with name_functions, the function at the account when
 * the title does not already say it). A later call with a weightier role (seller > target >
 * source > account > intermediary) upgrades it: the seller's own contact inside an account
 * is where a route starts, so it is drawn as a referral source. */
guint wp_i_draw_person(WpDraw *draw, WpPerson person, WpDiagramRole role);
/* The node index of @person, or -1 when not drawn. */
gint wp_i_draw_lookup(const WpDraw *draw, WpPerson person);
/* The edge for tie @tie walked from @from to @to, added on first use with the tie's effective
 * strength, main type and coldness. */
guint wp_i_draw_tie(WpDraw *draw, WpPerson from, WpPerson to, WpTie tie);
/* The tie type an edge is coloured by: the type whose prior gave the strength, else the most
 * telling of the tie's types (family, client, friend, ... social last); WP_TIE_N_TYPES when
 * untyped. */
WpTieType wp_i_draw_main_type(guint16 types, WpTieType prior_type);
/* Adds the route's people (in travel order, so Graphviz meets them left to right) and ties,
 * the first person after the seller as a referral source (unless a weightier role wins) and
 * the last with @end_role; fills @edges with the edge indices. */
void wp_i_draw_route(WpDraw *draw, const WpPath *path, WpDiagramRole end_role, GArray *edges);
/* The routes a diagram draws at most: @limits' cap, else @fallback, never over
 * WP_DIAGRAM_MAX_ROUTES. */
guint wp_i_route_cap(const WpDiagramLimits *limits, guint fallback);
/* (transfer full): per person, 1 for the @sellers. */
guint8 *wp_i_seller_marks(const WpGraph *graph, const WpPerson *sellers, guint n_sellers);
/* (transfer full): the scoring's as-of day, "2026-11-01". */
char *wp_i_day_text(const WpScoring *scoring);
/* A probability for people: "61%", "4.2%", "0.3%", "<0.1%". */
char *wp_i_format_percent(double p);
/* Who the picture draws as sellers, honestly: "Alice Carter", "Alice Carter and Nina Patel",
 * "5 sellers" when it draws all @n_sellers (or none: an empty answer); when it draws only some
 * (@drawn marks them per person; NULL = all) it counts them: "Alice Carter and Marcus Reid
 * (2 of 5 sellers)", "3 of 5 sellers". */
char *wp_i_sellers_text(const WpGraph *graph, const WpPerson *sellers, guint n_sellers,
                        const guint8 *drawn);
/* When only some sellers are drawn, a note names the others and says @why: "Sellers not drawn:
 * Nina Patel, Derek Lund and Sofia Marino (no route of theirs is the best into anyone)". */
void wp_i_note_sellers_left_out(WpDiagram *diagram, const WpGraph *graph, const WpPerson *sellers,
                                guint n_sellers, const guint8 *drawn, const char *why);
/* Marks (per person, non-zero) the sellers @draw has drawn; (transfer full). */
guint8 *wp_i_draw_sellers_drawn(const WpDraw *draw, const WpPerson *sellers, guint n_sellers);
/* Seniority for sorting titles: 0 chief/C-level, 1 VP, 2 director/head, 3 manager, 4 other. */
guint wp_i_title_seniority(const char *title);
