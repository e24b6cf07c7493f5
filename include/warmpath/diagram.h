/* SPDX-License-Identifier: MIT */
/* Network diagrams: a plain description of people, ties and groups (WpDiagram), and rendering
 * it with Graphviz to DOT, SVG, PNG or PDF. */
#pragma once

#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/path.h"
#include "warmpath/rank.h"
#include "warmpath/scoring.h"
#include "warmpath/where.h"

G_BEGIN_DECLS

/**
 * WpDiagramRole:
 * @WP_DIAGRAM_SELLER: one of our sellers, where requests start (drawn on the left)
 * @WP_DIAGRAM_SOURCE: a referral source: a seller's own contact who starts a route
 * @WP_DIAGRAM_INTERMEDIARY: someone further along a route who must pass the request on
 * @WP_DIAGRAM_TARGET: the person to be introduced to (drawn on the right)
 * @WP_DIAGRAM_ACCOUNT: a person at the target account (account maps)
 *
 * What a person is in the picture; it decides the node's colours and the legend.
 */
typedef enum {
    WP_DIAGRAM_SELLER,
    WP_DIAGRAM_SOURCE,
    WP_DIAGRAM_INTERMEDIARY,
    WP_DIAGRAM_TARGET,
    WP_DIAGRAM_ACCOUNT,
    WP_DIAGRAM_N_ROLES
} WpDiagramRole;

/**
 * WpDiagramClusterKind:
 * @WP_DIAGRAM_CLUSTER_COMPANY: people at one company
 * @WP_DIAGRAM_CLUSTER_ACCOUNT: the target account (highlighted)
 * @WP_DIAGRAM_CLUSTER_GROUP: a function or seniority group inside a company (not used by the
 *   builders below, whose cards name the function instead)
 * @WP_DIAGRAM_CLUSTER_SELLERS: our own team
 */
typedef enum {
    WP_DIAGRAM_CLUSTER_COMPANY,
    WP_DIAGRAM_CLUSTER_ACCOUNT,
    WP_DIAGRAM_CLUSTER_GROUP,
    WP_DIAGRAM_CLUSTER_SELLERS,
} WpDiagramClusterKind;

/* Text limits: every label is cut to WP_DIAGRAM_MAX_TEXT characters (with a trailing "…"),
 * the title, subtitle and notes to WP_DIAGRAM_MAX_HEADING,
 * a node keeps at most WP_DIAGRAM_MAX_DETAILS detail lines, and a diagram holds at most
 * WP_DIAGRAM_MAX_NODES nodes and WP_DIAGRAM_MAX_EDGES edges (rendering more fails with
 * WP_ERROR_LIMIT; builders cap their routes well below this). */
#define WP_DIAGRAM_MAX_TEXT 60
#define WP_DIAGRAM_MAX_HEADING 200
/* Characters a tooltip keeps: room for an e-mail, a LinkedIn URL and a phone number. */
#define WP_DIAGRAM_MAX_TOOLTIP 400
#define WP_DIAGRAM_MAX_DETAILS 4
#define WP_DIAGRAM_MAX_NODES 2000
#define WP_DIAGRAM_MAX_EDGES 4000

/**
 * WpDiagramNode:
 * @name: (transfer full): the first, bold line (a person's name)
 * @details: (element-type utf8) (transfer full): further lines (title, company), at most
 *   WP_DIAGRAM_MAX_DETAILS
 * @badge: (transfer full) (nullable): a highlighted last line, e.g. "4.3 intros expected"
 * @tag: (transfer full) (nullable): short highlighted text beside the name, e.g. "55%" or
 *   "#2 · 51%"
 * @role: what the person is in the picture
 * @cluster: index into the diagram's clusters, or -1
 * @emphasis: on the best route: drawn with a heavier border
 * @tooltip: (transfer full) (nullable): text shown on hovering the person in an SVG (their
 *   contact details), cleaned but cut only at WP_DIAGRAM_MAX_TOOLTIP characters
 *
 * Every text is stored cleaned (see wp_diagram_clean_text()).
 */
typedef struct {
    char *name;
    GPtrArray *details;
    char *badge;
    WpDiagramRole role;
    gint cluster;
    gboolean emphasis;
    char *tag;
    char *tooltip;
} WpDiagramNode;

/**
 * WpDiagramEdge:
 * @from, @to: node indices; a request flows @from -> @to
 * @strength: effective tie strength in (0, 1], drawn as line width; NAN for a summary edge
 * @type: the tie type that gives the colour; WP_TIE_N_TYPES for an untyped or summary edge
 * @cold: the tie has gone cold or never carried an interaction: dashed
 * @summary: stands for a whole route of several ties (territory overview): dotted, thin
 * @emphasis: on the best route: drawn solid black-edged on top of the others
 * @label: (transfer full) (nullable): text beside the edge, placed by the layout (which may
 *   put it nearer a neighbouring edge: prefer @tag for anything that must be matched to its line)
 * @span: how many columns the edge spans at least (0 or 1 = one); a builder staggers a long
 *   column of people over two this way
 * @tag: (transfer full) (nullable): short text drawn on the line itself, just before the
 *   arrowhead, so that it cannot be read as another edge's: a route's chance ("55%"), the
 *   numbers of the routes that use the tie ("#2 #4")
 */
typedef struct {
    guint from;
    guint to;
    double strength;
    WpTieType type;
    gboolean cold;
    gboolean summary;
    gboolean emphasis;
    char *label;
    guint span;
    char *tag;
} WpDiagramEdge;

/**
 * WpDiagramCluster:
 * @label: (transfer full): the group's caption (a company, a function)
 * @kind: how it is drawn
 * @parent: index of the enclosing cluster, or -1; always less than the cluster's own index
 */
typedef struct {
    char *label;
    WpDiagramClusterKind kind;
    gint parent;
} WpDiagramCluster;

/**
 * WpDiagram:
 * @title: (transfer full) (nullable): the heading
 * @subtitle: (transfer full) (nullable): a second, smaller heading line
 * @notes: (element-type utf8) (transfer full): lines printed under the heading, e.g. what a
 *   cap left out ("3 more routes not drawn")
 * @nodes: (element-type WpDiagramNode): the people
 * @edges: (element-type WpDiagramEdge): the ties; a request flows along each
 * @clusters: (element-type WpDiagramCluster): the groups; nested ones follow their parent
 * @legend: draw a legend of the roles and tie types that occur
 * @stack: (element-type guint): node indices drawn in one column, top to bottom in this order
 *   (the territory's referral sources, best first); empty when the layout may choose
 *
 * Plain data: build it with the functions below (which clean every text) and read it
 * directly. Nothing here needs Graphviz; only wp_diagram_render() and wp_diagram_write() do.
 */
typedef struct {
    char *title;
    char *subtitle;
    GPtrArray *notes;
    GArray *nodes;
    GArray *edges;
    GArray *clusters;
    gboolean legend;
    GArray *stack;
} WpDiagram;

/* An empty diagram with a legend. Cannot fail. A diagram being built belongs to one thread at
 * a time. Time: O(1). Returns: (transfer full): free with wp_diagram_free() */
WP_API WpDiagram *wp_diagram_new(void);
/* NULL is a no-op. Time: O(nodes + edges + clusters + notes). */
WP_API void wp_diagram_free(WpDiagram *diagram);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpDiagram, wp_diagram_free)

/**
 * wp_diagram_clean_text:
 * @text: (nullable): any bytes
 *
 * The form in which user text enters a diagram: invalid UTF-8 repaired (U+FFFD), tab, CR and
 * LF become spaces, runs of spaces become one, other control characters and bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) become U+FFFD, leading
 * and trailing spaces are trimmed, and text longer than WP_DIAGRAM_MAX_TEXT characters is cut
 * with a trailing "…" (headings and notes: WP_DIAGRAM_MAX_HEADING). Escaping for DOT,
 * HTML-like labels and XML happens later, in the renderer. Time: O(length of @text).
 *
 * Returns: (transfer full): the cleaned text ("" for NULL); free with g_free()
 */
WP_API char *wp_diagram_clean_text(const char *text);

/* Sets the heading lines (either may be NULL), cleaned and copied. Time: O(their length). */
WP_API void wp_diagram_set_title(WpDiagram *diagram, const char *title, const char *subtitle);
/* Appends a printf-formatted note line, cleaned. Time: O(its length). */
WP_API void wp_diagram_add_note(WpDiagram *diagram, const char *format, ...) G_GNUC_PRINTF(2, 3);

/* Adds a cluster inside @parent (-1 for none; it must already exist) and returns its index.
 * Time: O(length of @label), amortised. */
WP_API guint wp_diagram_add_cluster(WpDiagram *diagram, WpDiagramClusterKind kind,
                                    const char *label, gint parent);
/* Adds a node in @cluster (-1 for none) and returns its index. Time: O(length of @name),
 * amortised. */
WP_API guint wp_diagram_add_node(WpDiagram *diagram, WpDiagramRole role, const char *name,
                                 gint cluster);
/* Appends a detail line to node @node; NULL or empty text and lines past
 * WP_DIAGRAM_MAX_DETAILS are ignored. Time: O(length of @text). */
WP_API void wp_diagram_add_detail(WpDiagram *diagram, guint node, const char *text);
/* Sets (or clears, with NULL) the node's tooltip. Time: O(length of @text). */
WP_API void wp_diagram_set_tooltip(WpDiagram *diagram, guint node, const char *text);
/* Sets (or clears, with NULL) the node's badge line. Time: O(length of @text). */
WP_API void wp_diagram_set_badge(WpDiagram *diagram, guint node, const char *text);
/* Adds an edge @from -> @to (existing node indices) and returns its index. Time: O(1)
 * amortised (no check for an existing edge: see wp_diagram_find_edge()). */
WP_API guint wp_diagram_add_edge(WpDiagram *diagram, guint from, guint to, WpTieType type,
                                 double strength);
/* Sets (or clears, with NULL) the node's tag, the short text beside its name. Time: O(length
 * of @text). */
WP_API void wp_diagram_set_tag(WpDiagram *diagram, guint node, const char *text);
/* Sets (or clears, with NULL) an edge's label; each of its lines is cleaned. Time: O(length of
 * @text). */
WP_API void wp_diagram_set_edge_label(WpDiagram *diagram, guint edge, const char *text);
/* Sets (or clears, with NULL) an edge's tag, the short text on its line near the arrowhead.
 * Time: O(length of @text). */
WP_API void wp_diagram_set_edge_tag(WpDiagram *diagram, guint edge, const char *text);
/* The index of the edge @from -> @to, or -1. Time: O(edges), a linear scan. */
WP_API gint wp_diagram_find_edge(const WpDiagram *diagram, guint from, guint to);

#define wp_diagram_node(diagram, i) (&g_array_index((diagram)->nodes, WpDiagramNode, (i)))
#define wp_diagram_edge(diagram, i) (&g_array_index((diagram)->edges, WpDiagramEdge, (i)))
#define wp_diagram_cluster(diagram, i) (&g_array_index((diagram)->clusters, WpDiagramCluster, (i)))

/* The lowercase word the legend uses for @role ("referral source"). Time: O(1). Returns:
 * (transfer none): a static string */
WP_API const char *wp_diagram_role_name(WpDiagramRole role);

/**
 * WpDiagramFormat:
 * @WP_DIAGRAM_DOT: Graphviz source (not laid out), for editing and re-rendering
 * @WP_DIAGRAM_SVG: scalable vector graphics (text stays text)
 * @WP_DIAGRAM_PNG: a bitmap at 144 dpi (needs Graphviz's cairo plugin)
 * @WP_DIAGRAM_PDF: a vector PDF (needs Graphviz's cairo plugin)
 */
typedef enum {
    WP_DIAGRAM_DOT,
    WP_DIAGRAM_SVG,
    WP_DIAGRAM_PNG,
    WP_DIAGRAM_PDF,
} WpDiagramFormat;

/* "dot", "svg", "png" or "pdf". Time: O(1). Returns: (transfer none): a static string */
WP_API const char *wp_diagram_format_name(WpDiagramFormat format);
/* Case-insensitive inverse of wp_diagram_format_name(). Returns FALSE for other names. Time:
 * O(1). */
WP_API gboolean wp_diagram_format_from_name(const char *name, WpDiagramFormat *out);

/**
 * wp_diagram_render:
 * @diagram: what to draw
 * @format: the output format
 * @error: return location for a GError, or NULL
 *
 * Lays the diagram out left to right with Graphviz's dot engine, in this process, and
 * renders it to memory. User text reaches Graphviz only inside HTML-like labels, escaped;
 * node and cluster names are generated ("n0", "cluster_0"). Graphviz's messages are captured,
 * never printed. Thread-safe (calls are serialised: Graphviz keeps global state).
 * Errors: WP_ERROR_LIMIT for a diagram over WP_DIAGRAM_MAX_NODES or _EDGES, WP_ERROR_NOT_SUPPORTED
 * when Graphviz lacks the renderer for @format (the message names the package to install),
 * WP_ERROR_RENDER when layout or rendering fails. Time: Graphviz's dot layout, which grows
 * faster than linearly in nodes and edges (crossing minimisation; hence WpDiagramLimits and the
 * caps above), then the renderer. Memory: Graphviz's copy of the diagram while it runs, and the
 * output.
 *
 * Returns: (transfer full) (nullable): the file's bytes; free with g_bytes_unref()
 */
WP_API GBytes *wp_diagram_render(const WpDiagram *diagram, WpDiagramFormat format, GError **error);

/**
 * wp_diagram_write:
 * @filename: where to write; replaced atomically, so a failure leaves an existing file as it was
 *
 * Renders as wp_diagram_render() and writes the result with wp_file_write_atomic(). Time: the
 * two together.
 *
 * Returns: TRUE on success
 */
WP_API gboolean wp_diagram_write(const WpDiagram *diagram, WpDiagramFormat format,
                                 const char *filename, GError **error);

/* Default caps on what a diagram of an answer draws (see WpDiagramLimits). */
#define WP_DIAGRAM_PATH_ROUTES 8
#define WP_DIAGRAM_ACCOUNT_ROUTES 25
#define WP_DIAGRAM_TERRITORY_SOURCES 10
#define WP_DIAGRAM_TERRITORY_TARGETS 3
/* The most any cap may be raised to, so that a picture stays readable and Graphviz fast. */
#define WP_DIAGRAM_MAX_ROUTES 200

/**
 * WpDiagramLimits:
 * @max_routes: routes drawn at most, best first (0 = the default for the kind of diagram:
 *   WP_DIAGRAM_PATH_ROUTES, WP_DIAGRAM_ACCOUNT_ROUTES, or WP_DIAGRAM_TERRITORY_SOURCES
 *   referral sources); values over WP_DIAGRAM_MAX_ROUTES count as that
 * @max_targets: territory overview: targets drawn per referral source (0 =
 *   WP_DIAGRAM_TERRITORY_TARGETS)
 * @context: (nullable): appended to the subtitle, e.g. "default model · up to 4 hops"
 *
 * What a cap leaves out is stated in a note inside the picture.
 */
typedef struct {
    guint max_routes;
    guint max_targets;
    const char *context;
} WpDiagramLimits;

/**
 * wp_diagram_new_paths:
 * @scoring: the scoring the paths were found with (tie strengths, the as-of day)
 * @set: an answer of wp_path_find()
 * @sellers: (array length=n_sellers): who asked
 * @limits: (nullable): caps and context
 *
 * The path diagram: sellers on the left, referral sources and intermediaries, the target on
 * the right; people at the target's company grouped in a box. Edge width is the tie's effective
 * strength, colour and line pattern its type, dashed when it has gone cold. Routes are told
 * apart by number: the person a route starts with (after the seller) carries its number and
 * chance ("#2 · 51%"), and when two or more routes are drawn every tie is tagged with the
 * numbers of all the drawn routes through it ("#2 #4"; a hop several routes share is one
 * edge). The best route is drawn heavier and the others faded. The subtitle names the sellers
 * drawn (those a drawn route starts with), counting them when they are only some, and a note
 * names the others. An empty answer gives the sellers, the target and a note. Cannot fail.
 * Time: O(people) (a byte per person marks the sellers) plus O(h x e) for the h hops drawn, each
 * tie looked up among the e edges already drawn; both capped by @limits.
 *
 * Returns: (transfer full): the diagram; free with wp_diagram_free()
 */
WP_API WpDiagram *wp_diagram_new_paths(const WpScoring *scoring, const WpPathSet *set,
                                       const WpPerson *sellers, guint n_sellers,
                                       const WpDiagramLimits *limits);

/**
 * wp_diagram_new_account_map:
 * @set: an answer of wp_path_find_into_company() for @company
 * @company: the account as typed (for wp_graph_people_at_company())
 * @where: (nullable): the filter the answer was found with, to count who was left unreached
 *
 * The account map: everyone at the account with a route (up to the cap, best routes first),
 * each with the probability of the best route into them beside the name; the routes drawn as
 * the tree they make, left to right, with the account's people in one box, each card giving
 * title and function; a seller's own contact inside the account is drawn as a referral source
 * (where a route starts), in the column of the people other sources reach; where one column
 * would hold many more people than the next, people who introduce nobody further move right.
 * Sellers are highlighted; the subtitle names the sellers drawn (those with the best route into
 * someone), counting them when they are only some, and a note names the others. Notes say how
 * many people were not drawn and how many cannot be reached. Cannot fail. Time: O(people)
 * (the account found as wp_graph_people_at_company() does, sellers marked), @where matched
 * against each of the account's people, and O(h x e) for the routes drawn as in
 * wp_diagram_new_paths().
 *
 * Returns: (transfer full): the diagram; free with wp_diagram_free()
 */
WP_API WpDiagram *wp_diagram_new_account_map(const WpScoring *scoring, const WpPathSet *set,
                                             const WpPerson *sellers, guint n_sellers,
                                             const char *company, const WpWhere *where,
                                             const WpDiagramLimits *limits);

/**
 * wp_diagram_new_territory:
 * @result: a ranking of wp_rank_run()
 * @territory: (nullable): how the territory was chosen, for the title ("industry=Fintech")
 *
 * The territory overview: sellers, the top referral sources (by score), numbered ("1. Priya
 * Natarajan") and stacked top to bottom in rank order, with their tie to the seller, and for
 * each its best targets, joined by dotted edges tagged on their own line with the route's
 * probability and the source's number ("55% from 1"); target cards name the company. Notes
 * count the sources and targets left out, name the sellers not drawn and the cold companies.
 * Cannot fail. Time: O(people + targets) (sellers marked, targets counted) plus O(h x e) for
 * the sources and targets drawn, capped by @limits.
 *
 * Returns: (transfer full): the diagram; free with wp_diagram_free()
 */
WP_API WpDiagram *wp_diagram_new_territory(const WpScoring *scoring, const WpRankResult *result,
                                           const WpPerson *sellers, guint n_sellers,
                                           const char *territory, const WpDiagramLimits *limits);

G_END_DECLS
