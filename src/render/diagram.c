/* SPDX-License-Identifier: MIT */
/* WpDiagram: the plain description of a picture, built and checked without Graphviz. */
#include "warmpath/diagram.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

static const char *const role_names[WP_DIAGRAM_N_ROLES] = {
    [WP_DIAGRAM_SELLER] = "seller",
    [WP_DIAGRAM_SOURCE] = "referral source",
    [WP_DIAGRAM_INTERMEDIARY] = "intermediary",
    [WP_DIAGRAM_TARGET] = "target",
    [WP_DIAGRAM_ACCOUNT] = "person at the account",
};

const char *wp_diagram_role_name(WpDiagramRole role)
{
    g_return_val_if_fail(role < WP_DIAGRAM_N_ROLES, "");
    return role_names[role];
}

static void node_clear(gpointer p)
{
    WpDiagramNode *node = p;
    g_free(node->name);
    g_ptr_array_unref(node->details);
    g_free(node->badge);
    g_free(node->tag);
    g_free(node->tooltip);
}

static void edge_clear(gpointer p)
{
    g_free(((WpDiagramEdge *)p)->label);
    g_free(((WpDiagramEdge *)p)->tag);
}

static void cluster_clear(gpointer p)
{
    g_free(((WpDiagramCluster *)p)->label);
}

WpDiagram *wp_diagram_new(void)
{
    WpDiagram *d = g_new0(WpDiagram, 1);
    d->notes = g_ptr_array_new_with_free_func(g_free);
    d->nodes = g_array_new(FALSE, TRUE, sizeof(WpDiagramNode));
    g_array_set_clear_func(d->nodes, node_clear);
    d->edges = g_array_new(FALSE, TRUE, sizeof(WpDiagramEdge));
    g_array_set_clear_func(d->edges, edge_clear);
    d->clusters = g_array_new(FALSE, TRUE, sizeof(WpDiagramCluster));
    g_array_set_clear_func(d->clusters, cluster_clear);
    d->legend = TRUE;
    d->stack = g_array_new(FALSE, FALSE, sizeof(guint));
    return d;
}

void wp_diagram_free(WpDiagram *d)
{
    if (d == NULL)
        return;
    g_free(d->title);
    g_free(d->subtitle);
    g_ptr_array_unref(d->notes);
    g_array_unref(d->nodes);
    g_array_unref(d->edges);
    g_array_unref(d->clusters);
    g_array_unref(d->stack);
    g_free(d);
}

/* Characters that could reorder the text around them when displayed: embeddings, overrides
 * and isolates. Plain directional marks (U+200E, U+200F) only affect their own run and stay. */
static gboolean is_bidi_control(gunichar c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Cleans @text as documented for wp_diagram_clean_text(), cutting at @max characters. */
static char *clean_text(const char *text, guint max)
{
    if (text == NULL)
        return g_strdup("");
    g_autofree char *valid = g_utf8_make_valid(text, -1);
    GString *out = g_string_sized_new(strlen(valid));
    for (const char *p = valid; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c == '\t' || c == '\n' || c == '\r')
            c = ' ';
        if (c == ' ' && out->len > 0 && out->str[out->len - 1] == ' ')
            continue;
        if (c < 0x20 || (c >= 0x7f && c < 0xa0) || is_bidi_control(c))
            c = 0xfffd;
        g_string_append_unichar(out, c);
    }
    g_strstrip(out->str);
    g_string_set_size(out, strlen(out->str));
    if (g_utf8_strlen(out->str, -1) > (glong)max) {
        const char *cut = g_utf8_offset_to_pointer(out->str, max - 1);
        g_string_truncate(out, (gsize)(cut - out->str));
        g_string_append(out, "\u2026");
    }
    return g_string_free(out, FALSE);
}

char *wp_diagram_clean_text(const char *text)
{
    return clean_text(text, WP_DIAGRAM_MAX_TEXT);
}

void wp_diagram_set_title(WpDiagram *d, const char *title, const char *subtitle)
{
    g_return_if_fail(d != NULL);
    g_free(d->title);
    g_free(d->subtitle);
    d->title = title ? clean_text(title, WP_DIAGRAM_MAX_HEADING) : NULL;
    d->subtitle = subtitle ? clean_text(subtitle, WP_DIAGRAM_MAX_HEADING) : NULL;
}

void wp_diagram_add_note(WpDiagram *d, const char *format, ...)
{
    g_return_if_fail(d != NULL);
    va_list args;
    va_start(args, format);
    g_autofree char *text = g_strdup_vprintf(format, args);
    va_end(args);
    g_ptr_array_add(d->notes, clean_text(text, WP_DIAGRAM_MAX_HEADING));
}

guint wp_diagram_add_cluster(WpDiagram *d, WpDiagramClusterKind kind, const char *label,
                             gint parent)
{
    g_return_val_if_fail(d != NULL, 0);
    g_return_val_if_fail(parent < (gint)d->clusters->len, 0);
    WpDiagramCluster cluster = {wp_diagram_clean_text(label), kind, parent < 0 ? -1 : parent};
    g_array_append_val(d->clusters, cluster);
    return d->clusters->len - 1;
}

guint wp_diagram_add_node(WpDiagram *d, WpDiagramRole role, const char *name, gint cluster)
{
    g_return_val_if_fail(d != NULL, 0);
    g_return_val_if_fail(role < WP_DIAGRAM_N_ROLES, 0);
    g_return_val_if_fail(cluster < (gint)d->clusters->len, 0);
    WpDiagramNode node = {
        .name = wp_diagram_clean_text(name),
        .details = g_ptr_array_new_with_free_func(g_free),
        .role = role,
        .cluster = cluster < 0 ? -1 : cluster,
    };
    g_array_append_val(d->nodes, node);
    return d->nodes->len - 1;
}

void wp_diagram_add_detail(WpDiagram *d, guint node, const char *text)
{
    g_return_if_fail(d != NULL && node < d->nodes->len);
    WpDiagramNode *n = wp_diagram_node(d, node);
    if (text == NULL || n->details->len >= WP_DIAGRAM_MAX_DETAILS)
        return;
    char *clean = wp_diagram_clean_text(text);
    if (*clean == '\0')
        g_free(clean);
    else
        g_ptr_array_add(n->details, clean);
}

void wp_diagram_set_tooltip(WpDiagram *d, guint node, const char *text)
{
    g_return_if_fail(d != NULL && node < d->nodes->len);
    WpDiagramNode *n = wp_diagram_node(d, node);
    g_free(n->tooltip);
    n->tooltip = text != NULL ? clean_text(text, WP_DIAGRAM_MAX_TOOLTIP) : NULL;
}

void wp_diagram_set_badge(WpDiagram *d, guint node, const char *text)
{
    g_return_if_fail(d != NULL && node < d->nodes->len);
    WpDiagramNode *n = wp_diagram_node(d, node);
    g_free(n->badge);
    n->badge = text ? wp_diagram_clean_text(text) : NULL;
}

guint wp_diagram_add_edge(WpDiagram *d, guint from, guint to, WpTieType type, double strength)
{
    g_return_val_if_fail(d != NULL, 0);
    g_return_val_if_fail(from < d->nodes->len && to < d->nodes->len, 0);
    g_return_val_if_fail(type <= WP_TIE_N_TYPES, 0);
    WpDiagramEdge edge = {
        .from = from,
        .to = to,
        .strength = strength,
        .type = type,
    };
    g_array_append_val(d->edges, edge);
    return d->edges->len - 1;
}

void wp_diagram_set_tag(WpDiagram *d, guint node, const char *text)
{
    g_return_if_fail(d != NULL && node < d->nodes->len);
    WpDiagramNode *n = wp_diagram_node(d, node);
    g_free(n->tag);
    n->tag = text ? wp_diagram_clean_text(text) : NULL;
}

void wp_diagram_set_edge_tag(WpDiagram *d, guint edge, const char *text)
{
    g_return_if_fail(d != NULL && edge < d->edges->len);
    WpDiagramEdge *e = wp_diagram_edge(d, edge);
    g_free(e->tag);
    e->tag = text ? wp_diagram_clean_text(text) : NULL;
}

void wp_diagram_set_edge_label(WpDiagram *d, guint edge, const char *text)
{
    g_return_if_fail(d != NULL && edge < d->edges->len);
    WpDiagramEdge *e = wp_diagram_edge(d, edge);
    g_free(e->label);
    e->label = NULL;
    if (text == NULL)
        return;
    /* An edge label may hold several lines (strength, then route tags): clean each. */
    g_auto(GStrv) lines = g_strsplit(text, "\n", 8);
    GString *out = g_string_new(NULL);
    for (guint i = 0; lines[i] != NULL; i++) {
        g_autofree char *clean = wp_diagram_clean_text(lines[i]);
        if (i > 0)
            g_string_append_c(out, '\n');
        g_string_append(out, clean);
    }
    e->label = g_string_free(out, FALSE);
}

gint wp_diagram_find_edge(const WpDiagram *d, guint from, guint to)
{
    g_return_val_if_fail(d != NULL, -1);
    for (guint i = 0; i < d->edges->len; i++) {
        const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, i);
        if (e->from == from && e->to == to)
            return (gint)i;
    }
    return -1;
}

const char *wp_diagram_format_name(WpDiagramFormat format)
{
    switch (format) {
    case WP_DIAGRAM_DOT:
        return "dot";
    case WP_DIAGRAM_SVG:
        return "svg";
    case WP_DIAGRAM_PNG:
        return "png";
    case WP_DIAGRAM_PDF:
        return "pdf";
    }
    g_return_val_if_reached("");
}

gboolean wp_diagram_format_from_name(const char *name, WpDiagramFormat *out)
{
    static const WpDiagramFormat all[] = {WP_DIAGRAM_DOT, WP_DIAGRAM_SVG, WP_DIAGRAM_PNG,
                                          WP_DIAGRAM_PDF};
    for (guint i = 0; name != NULL && i < G_N_ELEMENTS(all); i++)
        if (g_ascii_strcasecmp(name, wp_diagram_format_name(all[i])) == 0) {
            *out = all[i];
            return TRUE;
        }
    return FALSE;
}
