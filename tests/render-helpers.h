/* SPDX-License-Identifier: MIT */
/* What the diagram tests share: small diagrams, rendering, and reading the output back. */
#pragma once

#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <math.h>
#include <string.h>
#include <warmpath/warmpath.h>

#include "render/render-private.h"

/* seller -> source -> target, the target boxed in an account with a function group; edge 0
 * is a client tie of 0.9 on the best route, edge 1 a cold friend tie of 0.3. */
static inline WpDiagram *small_diagram(const char *seller, const char *source, const char *target)
{
    WpDiagram *d = wp_diagram_new();
    wp_diagram_set_title(d, "Warm introductions", "a test");
    wp_diagram_add_note(d, "%d more routes not drawn", 3);
    guint account = wp_diagram_add_cluster(d, WP_DIAGRAM_CLUSTER_ACCOUNT, "Acme & Co", -1);
    guint group = wp_diagram_add_cluster(d, WP_DIAGRAM_CLUSTER_GROUP, "Finance", (gint)account);
    guint a = wp_diagram_add_node(d, WP_DIAGRAM_SELLER, seller, -1);
    guint b = wp_diagram_add_node(d, WP_DIAGRAM_SOURCE, source, -1);
    guint c = wp_diagram_add_node(d, WP_DIAGRAM_TARGET, target, (gint)group);
    wp_diagram_add_detail(d, b, "Finance Director");
    wp_diagram_add_detail(d, b, "Brightline <Pay>");
    wp_diagram_set_badge(d, c, "55%");
    guint e0 = wp_diagram_add_edge(d, a, b, WP_TIE_CLIENT, 0.9);
    wp_diagram_edge(d, e0)->emphasis = TRUE;
    wp_diagram_set_edge_label(d, e0, "0.90\n#1 \u00b7 55%");
    guint e1 = wp_diagram_add_edge(d, b, c, WP_TIE_FRIEND, 0.3);
    wp_diagram_edge(d, e1)->cold = TRUE;
    return d;
}

static inline GBytes *render(const WpDiagram *d, WpDiagramFormat format)
{
    g_autoptr(GError) error = NULL;
    GBytes *bytes = wp_diagram_render(d, format, &error);
    g_assert_no_error(error);
    g_assert_nonnull(bytes);
    return bytes;
}

/* The text of each <TD> (or <text>) element of a markup string, in order. */
typedef struct {
    const char *element; /* "TD" or "text" */
    GPtrArray *texts;
    GString *current;
    guint depth;
} TextCollector;

static inline void on_start(GMarkupParseContext *context G_GNUC_UNUSED, const char *name,
                            const char **attribute_names G_GNUC_UNUSED,
                            const char **attribute_values G_GNUC_UNUSED, gpointer data,
                            GError **error G_GNUC_UNUSED)
{
    TextCollector *c = data;
    if (strcmp(name, c->element) == 0) {
        c->depth++;
        g_string_truncate(c->current, 0);
    }
}

static inline void on_end(GMarkupParseContext *context G_GNUC_UNUSED, const char *name,
                          gpointer data, GError **error G_GNUC_UNUSED)
{
    TextCollector *c = data;
    if (strcmp(name, c->element) == 0 && c->depth > 0) {
        c->depth--;
        if (c->current->len > 0)
            g_ptr_array_add(c->texts, g_strdup(c->current->str));
        g_string_truncate(c->current, 0);
    }
}

static inline void on_text(GMarkupParseContext *context G_GNUC_UNUSED, const char *text, gsize len,
                           gpointer data, GError **error G_GNUC_UNUSED)
{
    TextCollector *c = data;
    if (c->depth > 0)
        g_string_append_len(c->current, text, (gssize)len);
}

/* Parses @markup as XML (failing the test if it is not well-formed) and returns the texts
 * of its @element elements. */
static inline GPtrArray *markup_texts(const char *markup, gsize len, const char *element)
{
    static const GMarkupParser parser = {on_start, on_end, on_text, NULL, NULL};
    TextCollector c = {element, g_ptr_array_new_with_free_func(g_free), g_string_new(NULL), 0};
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new(&parser, 0, &c, NULL);
    g_autoptr(GError) error = NULL;
    g_markup_parse_context_parse(context, markup, (gssize)len, &error);
    g_assert_no_error(error);
    g_markup_parse_context_end_parse(context, &error);
    g_assert_no_error(error);
    g_string_free(c.current, TRUE);
    return c.texts;
}

/* Label text as Graphviz shows it: it halves "\\\\" (and would expand \\N and the like,
 * which must therefore never appear undoubled). */
static inline char *graphviz_text(const char *text)
{
    GString *out = g_string_new(NULL);
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '\\') {
            g_assert_cmpint(p[1], ==, '\\');
            p++;
        }
        g_string_append_c(out, *p);
    }
    return g_string_free(out, FALSE);
}

/* The texts of an HTML-like label as cgraph returns it (without the outer < >), as shown. */
static inline GPtrArray *label_texts(const char *html)
{
    g_autofree char *wrapped = g_strdup_printf("<root>%s</root>", html);
    GPtrArray *texts = markup_texts(wrapped, strlen(wrapped), "TD");
    for (guint i = 0; i < texts->len; i++) {
        char *raw = texts->pdata[i];
        texts->pdata[i] = graphviz_text(raw);
        g_free(raw);
    }
    return texts;
}

/* All the text of a label with no table (a cluster caption). */
static inline char *label_all_text(const char *html)
{
    g_autofree char *wrapped = g_strdup_printf("<root>%s</root>", html);
    g_autoptr(GPtrArray) texts = markup_texts(wrapped, strlen(wrapped), "root");
    g_assert_cmpuint(texts->len, ==, 1);
    return graphviz_text(texts->pdata[0]);
}

static inline gboolean contains(const GPtrArray *texts, const char *text)
{
    for (guint i = 0; i < texts->len; i++)
        if (strcmp(texts->pdata[i], text) == 0)
            return TRUE;
    return FALSE;
}

/* The attribute names cgraph holds for @kind: only those the renderer sets. */
static inline void assert_attributes_known(Agraph_t *g, int kind, const char *const *known)
{
    for (Agsym_t *sym = agnxtattr(g, kind, NULL); sym != NULL; sym = agnxtattr(g, kind, sym))
        g_assert_true(g_strv_contains(known, sym->name));
}

static inline Agraph_t *read_dot(GBytes *bytes)
{
    g_autofree char *text = g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
    Agraph_t *g = agmemread(text);
    g_assert_nonnull(g);
    return g;
}

static inline void assert_png(GBytes *bytes)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(bytes, &len);
    g_assert_cmpuint(len, >, 8);
    g_assert_cmpmem(data, 8, "\x89PNG\r\n\x1a\n", 8);
}

static inline void assert_pdf(GBytes *bytes)
{
    gsize len = 0;
    const char *data = g_bytes_get_data(bytes, &len);
    g_assert_cmpuint(len, >, 5);
    g_assert_cmpmem(data, 5, "%PDF-", 5);
}

/* Where each <text> of an SVG is drawn: its content and y (SVG y grows downwards). */
typedef struct {
    GPtrArray *texts; /* of char * */
    GArray *ys;       /* of double */
    GString *current;
    double y;
    gboolean inside;
} SvgTexts;

static inline void svg_on_start(GMarkupParseContext *context G_GNUC_UNUSED, const char *name,
                                const char **names, const char **values, gpointer data,
                                GError **error G_GNUC_UNUSED)
{
    SvgTexts *s = data;
    if (strcmp(name, "text") != 0)
        return;
    s->inside = TRUE;
    s->y = NAN;
    g_string_truncate(s->current, 0);
    for (guint i = 0; names[i] != NULL; i++)
        if (strcmp(names[i], "y") == 0)
            s->y = g_ascii_strtod(values[i], NULL);
}

static inline void svg_on_end(GMarkupParseContext *context G_GNUC_UNUSED, const char *name,
                              gpointer data, GError **error G_GNUC_UNUSED)
{
    SvgTexts *s = data;
    if (strcmp(name, "text") != 0 || !s->inside)
        return;
    s->inside = FALSE;
    g_ptr_array_add(s->texts, g_strdup(s->current->str));
    g_array_append_val(s->ys, s->y);
}

static inline void svg_on_text(GMarkupParseContext *context G_GNUC_UNUSED, const char *text,
                               gsize len, gpointer data, GError **error G_GNUC_UNUSED)
{
    SvgTexts *s = data;
    if (s->inside)
        g_string_append_len(s->current, text, (gssize)len);
}

/* The y at which the SVG draws the text @text (the first such <text>); fails if absent. */
static inline double svg_text_y(GBytes *svg, const char *text)
{
    static const GMarkupParser parser = {svg_on_start, svg_on_end, svg_on_text, NULL, NULL};
    SvgTexts s = {g_ptr_array_new_with_free_func(g_free), g_array_new(FALSE, FALSE, sizeof(double)),
                  g_string_new(NULL), NAN, FALSE};
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new(&parser, 0, &s, NULL);
    gsize len = 0;
    const char *data = g_bytes_get_data(svg, &len);
    g_assert_true(g_markup_parse_context_parse(context, data, (gssize)len, NULL));
    double y = NAN;
    for (guint i = 0; i < s.texts->len && isnan(y); i++)
        if (strcmp(s.texts->pdata[i], text) == 0)
            y = g_array_index(s.ys, double, i);
    g_ptr_array_unref(s.texts);
    g_array_unref(s.ys);
    g_string_free(s.current, TRUE);
    if (isnan(y))
        g_error("SVG lacks the text '%s'", text);
    return y;
}

/* The text of each <TD PORT="..."> of an HTML-like label, by port. */
typedef struct {
    GHashTable *ports; /* port -> text */
    GString *current;
    char *port;
} PortCollector;

static inline void port_on_start(GMarkupParseContext *context G_GNUC_UNUSED, const char *name,
                                 const char **names, const char **values, gpointer data,
                                 GError **error G_GNUC_UNUSED)
{
    PortCollector *c = data;
    if (strcmp(name, "TD") != 0)
        return;
    for (guint i = 0; names[i] != NULL; i++)
        if (strcmp(names[i], "PORT") == 0) {
            g_free(c->port);
            c->port = g_strdup(values[i]);
            g_string_truncate(c->current, 0);
        }
}

static inline void port_on_end(GMarkupParseContext *context G_GNUC_UNUSED, const char *name,
                               gpointer data, GError **error G_GNUC_UNUSED)
{
    PortCollector *c = data;
    if (strcmp(name, "TD") == 0 && c->port != NULL) {
        g_hash_table_insert(c->ports, c->port, graphviz_text(c->current->str));
        c->port = NULL;
    }
}

static inline void port_on_text(GMarkupParseContext *context G_GNUC_UNUSED, const char *text,
                                gsize len, gpointer data, GError **error G_GNUC_UNUSED)
{
    PortCollector *c = data;
    if (c->port != NULL)
        g_string_append_len(c->current, text, (gssize)len);
}

static inline GHashTable *label_ports(const char *html)
{
    static const GMarkupParser parser = {port_on_start, port_on_end, port_on_text, NULL, NULL};
    PortCollector c = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
                       g_string_new(NULL), NULL};
    g_autofree char *wrapped = g_strdup_printf("<root>%s</root>", html);
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new(&parser, 0, &c, NULL);
    g_autoptr(GError) error = NULL;
    g_markup_parse_context_parse(context, wrapped, -1, &error);
    g_assert_no_error(error);
    g_string_free(c.current, TRUE);
    g_free(c.port);
    return c.ports;
}
