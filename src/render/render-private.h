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
/* (transfer full): the label body for cluster @cluster. */
char *wp_i_diagram_cluster_html(const WpDiagram *diagram, guint cluster);
/* (transfer full) (nullable): the heading above the picture: title, subtitle, notes and the
 * legend of the roles and tie types that occur; NULL when there is nothing to show. */
char *wp_i_diagram_heading_html(const WpDiagram *diagram);

/* Edge look: colour "#rrggbb" (with alpha when faded), width in points and style. */
typedef struct {
    char color[10];
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
    WpDiagram *diagram;      /* borrowed */
    const WpGraph *graph;    /* borrowed */
    GHashTable *nodes;       /* GUINT_TO_POINTER(person + 1) -> GUINT_TO_POINTER(node + 1) */
    GHashTable *companies;   /* folded company (owned) -> GINT_TO_POINTER(cluster + 1) */
    GHashTable *groups;      /* function (owned) -> GINT_TO_POINTER(cluster + 1), in the account */
    char *account;           /* folded company of the account, or NULL */
    gint account_cluster;    /* -1 until first used */
    char *account_label;     /* the account's name as written, or NULL */
    const guint8 *is_seller; /* per person, non-zero for a seller; borrowed */
    gint sellers_cluster;    /* -1 until first used */
    gboolean cluster_companies; /* box people outside the account by company */
    gboolean group_functions;   /* box account people by function */
    gboolean box_targets_only;  /* with cluster_companies: box only targets by company */
    gboolean box_sellers;       /* with cluster_companies: box the sellers as "Our team" */
} WpDraw;

/* Starts drawing @graph into @diagram; @account (nullable) is the company boxed as the account,
 * @is_seller (nullable) marks sellers, who get a box of their own when @cluster_companies. */
void wp_i_draw_init(WpDraw *draw, WpDiagram *diagram, const WpGraph *graph, const char *account,
                    const guint8 *is_seller, gboolean cluster_companies, gboolean group_functions);
void wp_i_draw_clear(WpDraw *draw);
/* The node of @person, added with @role on first use (with title, and company when it is not
 * boxed); a later call with a weightier role (seller > target > account > source >
 * intermediary) upgrades it. */
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
/* A probability for people: "61%", "4.2%", "0.3%", "<0.1%". */
char *wp_i_format_percent(double p);
/* "Alice Carter", "Alice Carter and Nina Patel", "5 sellers". */
char *wp_i_sellers_text(const WpGraph *graph, const WpPerson *sellers, guint n_sellers);
/* Seniority for sorting titles: 0 chief/C-level, 1 VP, 2 director/head, 3 manager, 4 other. */
guint wp_i_title_seniority(const char *title);
