/* SPDX-License-Identifier: MIT */
/* The only Graphviz user: a WpDiagram becomes an Agraph_t, is laid out with dot and rendered
 * to memory, in this process. */
#include "render/render-private.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

#include "warmpath/error.h"
#include "warmpath/text.h"

/* Graphviz keeps global state (the error hook, the string dictionaries, plugin tables), so
 * one diagram is built and rendered at a time. */
static GMutex gv_lock;
static GString *gv_messages; /* guarded by gv_lock: what Graphviz said during this call */
/* Guarded by gv_lock; created on first use and kept for the life of the process. Graphviz 2.42's
 * pango plugin caches a pointer to the last font name, which lives in the context's font
 * dictionary: freeing the context and making another leaves that pointer dangling (a
 * use-after-free that AddressSanitizer catches on the second diagram). One context for good
 * also spares reloading the plugins for every diagram. */
static GVC_t *gv_context;

static int collect_message(char *message)
{
    if (gv_messages != NULL && gv_messages->len < 4096)
        g_string_append(gv_messages, message);
    return 0;
}

/* cgraph takes char * for strings it only reads: cast const away here, once. */
static char *S(const char *text)
{
    return (char *)text;
}

/* Sets an attribute whose value is plain text the program made (never user text). */
static void set(void *object, const char *name, const char *value)
{
    agsafeset(object, S(name), S(value), S(""));
}

/* Sets a plain-text attribute that holds user text (a tooltip): Graphviz reads backslash
 * sequences in it (\N is the node's name), so each backslash is doubled. */
static void set_text(void *object, const char *name, const char *text)
{
    g_autoptr(GString) escaped = g_string_new(NULL);
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '\\')
            g_string_append_c(escaped, '\\');
        g_string_append_c(escaped, *p);
    }
    agsafeset(object, S(name), escaped->str, S(""));
}

/* Sets an HTML-like label; @html holds every user text already escaped. */
static void set_html(Agraph_t *root, void *object, const char *name, const char *html)
{
    char *value = agstrdup_html(root, S(html));
    agsafeset(object, S(name), value, S(""));
    agstrfree(root, value);
}

/* One line: Graphviz's messages joined, without their "Warning: "/"Error: " prefixes. */
static char *messages_text(void)
{
    g_autoptr(GString) out = g_string_new(NULL);
    g_auto(GStrv) lines = g_strsplit(gv_messages->str, "\n", 0);
    for (guint i = 0; lines[i] != NULL; i++) {
        const char *line = g_strstrip(lines[i]);
        if (g_str_has_prefix(line, "Warning: "))
            line += strlen("Warning: ");
        else if (g_str_has_prefix(line, "Error: "))
            line += strlen("Error: ");
        if (*line == '\0')
            continue;
        if (out->len > 0)
            g_string_append(out, "; ");
        g_string_append(out, line);
    }
    return g_strdup(out->len ? out->str : "no message from Graphviz");
}

static void set_defaults(const WpDiagram *d, Agraph_t *g, WpDiagramFormat format)
{
    set(g, "rankdir", "LR");
    set(g, "bgcolor", "white");
    set(g, "pad", "0.3");
    set(g, "nodesep", "0.18");
    char gap[G_ASCII_DTOSTR_BUF_SIZE];
    set(g, "ranksep", g_ascii_formatd(gap, sizeof gap, "%.2f", wp_i_diagram_rank_gap(d)));
    set(g, "newrank", "true");
    set(g, "fontname", WP_I_DIAGRAM_FONT);
    set(g, "labelloc", "t");
    set(g, "labeljust", "l");
    set(g, "charset", "UTF-8");
    if (format == WP_DIAGRAM_PNG)
        set(g, "dpi", "144");
    agattr(g, AGNODE, S("shape"), S("none"));
    agattr(g, AGNODE, S("margin"), S("0"));
    agattr(g, AGNODE, S("fontname"), S(WP_I_DIAGRAM_FONT));
    agattr(g, AGEDGE, S("fontname"), S(WP_I_DIAGRAM_FONT));
    agattr(g, AGEDGE, S("arrowhead"), S("normal"));
}

/* Clusters are created in index order, so a parent exists before its children. */
static Agraph_t **add_clusters(const WpDiagram *d, Agraph_t *g)
{
    Agraph_t **subs = g_new0(Agraph_t *, d->clusters->len + 1);
    for (guint i = 0; i < d->clusters->len; i++) {
        const WpDiagramCluster *c = &g_array_index(d->clusters, WpDiagramCluster, i);
        Agraph_t *parent = c->parent >= 0 && (guint)c->parent < i ? subs[c->parent] : g;
        char name[32];
        g_snprintf(name, sizeof name, "cluster_%u", i);
        Agraph_t *sub = agsubg(parent, name, 1);
        const char *fill, *border, *style;
        wp_i_diagram_cluster_look(c->kind, &fill, &border, &style);
        set(sub, "style", style);
        set(sub, "fillcolor", fill);
        set(sub, "color", border);
        set(sub, "penwidth", c->kind == WP_DIAGRAM_CLUSTER_ACCOUNT ? "1.6" : "1");
        /* Room above the people for the caption (dot reserves none in left-to-right). */
        set(sub, "margin", c->kind == WP_DIAGRAM_CLUSTER_ACCOUNT ? "20" : "16");
        /* Centred: dot 2.42 misplaces left-justified cluster captions in left-to-right
         * layouts (it offsets them by the caption's height instead of its width). */
        set(sub, "labeljust", "c");
        set(sub, "labelloc", "t");
        g_autofree char *html = wp_i_diagram_cluster_html(d, i);
        set_html(g, sub, "label", html);
        subs[i] = sub;
    }
    return subs;
}

static Agnode_t **add_nodes(const WpDiagram *d, Agraph_t *g, Agraph_t **subs)
{
    Agnode_t **nodes = g_new0(Agnode_t *, d->nodes->len + 1);
    for (guint i = 0; i < d->nodes->len; i++) {
        const WpDiagramNode *n = &g_array_index(d->nodes, WpDiagramNode, i);
        char name[32];
        g_snprintf(name, sizeof name, "n%u", i);
        Agraph_t *home =
            n->cluster >= 0 && (guint)n->cluster < d->clusters->len ? subs[n->cluster] : g;
        nodes[i] = agnode(home, name, 1);
        g_autofree char *html = wp_i_diagram_node_html(d, i);
        set_html(g, nodes[i], "label", html);
        if (n->tooltip != NULL)
            set_text(nodes[i], "tooltip", n->tooltip);
    }
    return nodes;
}

static void add_edge(const WpDiagram *d, Agraph_t *g, Agnode_t **nodes, guint i)
{
    const WpDiagramEdge *e = &g_array_index(d->edges, WpDiagramEdge, i);
    if (e->from >= d->nodes->len || e->to >= d->nodes->len)
        return;
    char name[32];
    g_snprintf(name, sizeof name, "e%u", i);
    Agedge_t *edge = agedge(g, nodes[e->from], nodes[e->to], name, 1);
    WpEdgeLook look;
    wp_i_diagram_edge_look(d, i, &look);
    set(edge, "color", look.color);
    set(edge, "penwidth", look.penwidth);
    set(edge, "style", look.style);
    set(edge, "arrowsize", look.arrowsize);
    if (e->emphasis)
        set(edge, "weight", "4");
    if (e->span > 1) {
        char span[16];
        g_snprintf(span, sizeof span, "%u", MIN(e->span, 8));
        set(edge, "minlen", span);
    }
    g_autofree char *html = wp_i_diagram_edge_html(d, i);
    if (html != NULL)
        set_html(g, edge, "label", html);
    if (wp_i_diagram_tag_in_card(d, i)) {
        char port[32];
        g_snprintf(port, sizeof port, "t%u:w", i);
        set(edge, "headport", port);
    }
    g_autofree char *tag = wp_i_diagram_edge_tag_html(d, i);
    if (tag != NULL) {
        /* On the line itself: angle 0 runs along the edge from the arrowhead's tip. */
        char distance[16];
        wp_i_diagram_edge_tag_distance(d, i, distance);
        set_html(g, edge, "headlabel", tag);
        set(edge, "labelangle", "0");
        set(edge, "labeldistance", distance);
    }
}

/* Emphasised edges are added last so that they are drawn on top. */
static void add_edges(const WpDiagram *d, Agraph_t *g, Agnode_t **nodes)
{
    for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < d->edges->len; i++)
            if ((guint)g_array_index(d->edges, WpDiagramEdge, i).emphasis == pass)
                add_edge(d, g, nodes, i);
}

/* The stacked nodes share a rank, and invisible edges between neighbours fix their order: dot
 * puts a flat edge's tail before its head, which a left-to-right layout shows above it. */
static void add_stack(const WpDiagram *d, Agraph_t *g, Agnode_t **nodes)
{
    if (d->stack->len == 0)
        return;
    Agraph_t *column = agsubg(g, S("stack"), 1);
    set(column, "rank", "same");
    Agnode_t *above = NULL;
    for (guint i = 0; i < d->stack->len; i++) {
        guint node = g_array_index(d->stack, guint, i);
        if (node >= d->nodes->len)
            continue;
        agsubnode(column, nodes[node], 1);
        if (above != NULL) {
            char name[32];
            g_snprintf(name, sizeof name, "s%u", i);
            Agedge_t *edge = agedge(column, above, nodes[node], name, 1);
            set(edge, "style", "invis");
        }
        above = nodes[node];
    }
}

/* agwrite() sends DOT text through the graph's I/O discipline: into a GString here. */
static int put_string(void *chan, const char *text)
{
    g_string_append(chan, text);
    return 0;
}

static int flush_nothing(void *chan G_GNUC_UNUSED)
{
    return 0;
}

static Agiodisc_t memory_io = {NULL, put_string, flush_nothing};
static Agdisc_t memory_disc = {NULL, NULL, &memory_io};

/* Object ids in creation order. Graphviz's default ids for named objects are the addresses of
 * their interned names, and agwrite() lists subgraphs in id order: the DOT text then depended
 * on the heap's layout (reading the ties on threads reordered the clusters of the
 * map-account-dot golden case). This discipline numbers objects as they are made and keeps the
 * names itself (leaving them to cgraph's internal map leaked its entries at agclose(), which
 * valgrind reported): named objects get even ids, anonymous ones odd, as in Graphviz. Names are
 * the graph's own reference-counted strings (agstrdup()): agwrite() reads a flag stored in
 * front of each name it prints, and the graph frees them all when it closes. */
typedef struct {
    Agraph_t *graph;
    IDTYPE next_named, next_anonymous;
    GHashTable *ids;   /* "objtype:name" -> IDTYPE (boxed) */
    GHashTable *names; /* IDTYPE -> name (the graph's string), for agnameof() */
} IdState;

static guint id_hash(gconstpointer key)
{
    return g_int64_hash(key);
}

static gboolean id_equal(gconstpointer a, gconstpointer b)
{
    return g_int64_equal(a, b);
}

static void *ids_open(Agraph_t *g, Agdisc_t *disc G_GNUC_UNUSED)
{
    G_STATIC_ASSERT(sizeof(IDTYPE) == sizeof(gint64));
    IdState *st = g_new0(IdState, 1);
    st->graph = g;
    st->next_named = 2;
    st->next_anonymous = 1;
    st->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    st->names = g_hash_table_new_full(id_hash, id_equal, g_free, NULL);
    return st;
}

static long ids_map(void *state, int objtype, char *name, IDTYPE *id, int create)
{
    IdState *st = state;
    if (name == NULL) {
        if (!create)
            return FALSE;
        *id = st->next_anonymous;
        st->next_anonymous += 2;
        return TRUE;
    }
    g_autofree char *key = g_strdup_printf("%d:%s", objtype, name);
    const IDTYPE *known = g_hash_table_lookup(st->ids, key);
    if (known != NULL) {
        *id = *known;
        return TRUE;
    }
    if (!create)
        return FALSE;
    *id = st->next_named;
    st->next_named += 2;
    g_hash_table_insert(st->ids, g_steal_pointer(&key), g_memdup2(id, sizeof *id));
    g_hash_table_insert(st->names, g_memdup2(id, sizeof *id), agstrdup(st->graph, name));
    return TRUE;
}

static long ids_alloc(void *state G_GNUC_UNUSED, int objtype G_GNUC_UNUSED, IDTYPE id G_GNUC_UNUSED)
{
    return FALSE; /* ids come from ids_map() only */
}

static void ids_free(void *state G_GNUC_UNUSED, int objtype G_GNUC_UNUSED, IDTYPE id G_GNUC_UNUSED)
{
    /* Names stay until ids_close(): a diagram is built once and closed whole. */
}

static char *ids_print(void *state, int objtype G_GNUC_UNUSED, IDTYPE id)
{
    IdState *st = state;
    gint64 key = (gint64)id;
    return g_hash_table_lookup(st->names, &key);
}

static void ids_close(void *state)
{
    IdState *st = state;
    g_hash_table_destroy(st->ids);
    g_hash_table_destroy(st->names);
    g_free(st);
}

static void ids_register(void *state G_GNUC_UNUSED, int objtype G_GNUC_UNUSED,
                         void *obj G_GNUC_UNUSED)
{
}

static Agiddisc_t ids_in_order = {ids_open,  ids_map,   ids_alloc,   ids_free,
                                  ids_print, ids_close, ids_register};

static Agraph_t *build_graph(const WpDiagram *d, WpDiagramFormat format)
{
    memory_io.afread = AgIoDisc.afread;
    memory_disc.mem = &AgMemDisc;
    memory_disc.id = &ids_in_order;
    Agraph_t *g = agopen(S("warmpath"), Agdirected, &memory_disc);
    set_defaults(d, g, format);
    g_autofree char *heading = wp_i_diagram_heading_html(d);
    if (heading != NULL)
        set_html(g, g, "label", heading);
    g_autofree Agraph_t **subs = add_clusters(d, g);
    g_autofree Agnode_t **nodes = add_nodes(d, g, subs);
    add_edges(d, g, nodes);
    add_stack(d, g, nodes);
    return g;
}

/* The Graphviz device for each format; the one place formats become Graphviz names. DOT has
 * none: it is written unlaid by agwrite(), the clean source a user can edit and re-render. */
static const char *device_name(WpDiagramFormat format)
{
    switch (format) {
    case WP_DIAGRAM_DOT:
        return NULL;
    case WP_DIAGRAM_SVG:
        return "svg";
    case WP_DIAGRAM_PNG:
        return "png:cairo";
    case WP_DIAGRAM_PDF:
        return "pdf:cairo";
    }
    return NULL;
}

/* TRUE when Graphviz knows a plugin of @kind for @type ("dot", "png"). Answers are cached:
 * the context lives for good, and gvPluginList() leaks the duplicate names it skips. */
static gboolean has_plugin(GVC_t *gvc, const char *kind, const char *type)
{
    static GHashTable *known; /* "kind/type" (owned) -> GINT_TO_POINTER(1 + found) */
    if (known == NULL)
        known = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *key = g_strdup_printf("%s/%s", kind, type);
    gpointer cached = g_hash_table_lookup(known, key);
    if (cached != NULL)
        return GPOINTER_TO_INT(cached) - 1;
    int n = 0;
    char **list = gvPluginList(gvc, kind, &n, NULL);
    gboolean found = FALSE;
    for (int i = 0; i < n; i++) {
        found |= strcmp(list[i], type) == 0; /* names come without the ":cairo" part */
        free(list[i]);
    }
    free(list);
    g_hash_table_insert(known, g_steal_pointer(&key), GINT_TO_POINTER(1 + found));
    return found;
}

static void set_not_supported(WpDiagramFormat format, const char *plugin, GError **error)
{
    g_set_error(error, WP_ERROR, WP_ERROR_NOT_SUPPORTED,
                "cannot write %s: Graphviz lacks its '%s' plugin (install the Debian package "
                "libgvc6, which provides the dot layout and the cairo/pango renderer, then run "
                "'dot -c' as root)",
                wp_diagram_format_name(format), plugin);
}

static gboolean check_limits(const WpDiagram *d, GError **error)
{
    if (d->nodes->len > WP_DIAGRAM_MAX_NODES || d->edges->len > WP_DIAGRAM_MAX_EDGES) {
        g_set_error(error, WP_ERROR, WP_ERROR_LIMIT,
                    "diagram has %u people and %u ties; at most %d and %d can be drawn",
                    d->nodes->len, d->edges->len, WP_DIAGRAM_MAX_NODES, WP_DIAGRAM_MAX_EDGES);
        return FALSE;
    }
    return TRUE;
}

static GBytes *write_dot(const WpDiagram *d, GError **error)
{
    Agraph_t *g = build_graph(d, WP_DIAGRAM_DOT);
    g_autoptr(GString) out = g_string_new(NULL);
    int rc = agwrite(g, out);
    agclose(g);
    if (rc != 0 || agerrors() >= AGERR) {
        g_autofree char *why = messages_text();
        g_set_error(error, WP_ERROR, WP_ERROR_RENDER, "writing DOT failed: %s", why);
        return NULL;
    }
    return g_bytes_new(out->str, out->len);
}

/* Runs with gv_lock held and the message hook installed. */
static GBytes *render_locked(const WpDiagram *d, WpDiagramFormat format, GError **error)
{
    const char *device = device_name(format);
    if (device == NULL)
        return write_dot(d, error);
    if (gv_context == NULL)
        gv_context = gvContext();
    GVC_t *gvc = gv_context;
    if (gvc == NULL) {
        g_autofree char *why = messages_text();
        g_set_error(error, WP_ERROR, WP_ERROR_RENDER, "cannot start Graphviz: %s", why);
        return NULL;
    }
    if (!has_plugin(gvc, "layout", "dot")) {
        set_not_supported(format, "dot", error);
        return NULL;
    }
    if (!has_plugin(gvc, "device", wp_diagram_format_name(format))) {
        set_not_supported(format, device, error);
        return NULL;
    }
    Agraph_t *g = build_graph(d, format);
    GBytes *bytes = NULL;
    char *data = NULL;
    unsigned int len = 0;
    /* Graphviz reports some failures (a malformed HTML-like label) only as an error message
     * and draws on regardless; any error-level message fails the call. */
    if (gvLayout(gvc, g, "dot") != 0 || agerrors() >= AGERR) {
        g_autofree char *why = messages_text();
        g_set_error(error, WP_ERROR, WP_ERROR_RENDER, "diagram layout failed: %s", why);
    } else {
        if (gvRenderData(gvc, g, device, &data, &len) != 0 || data == NULL || agerrors() >= AGERR) {
            g_autofree char *why = messages_text();
            /* "png" may come from another plugin (gd) while "png:cairo" is missing. */
            if (strstr(why, "not recognized") != NULL)
                set_not_supported(format, device, error);
            else
                g_set_error(error, WP_ERROR, WP_ERROR_RENDER, "rendering %s failed: %s",
                            wp_diagram_format_name(format), why);
        } else {
            bytes = g_bytes_new(data, len);
        }
        gvFreeRenderData(data);
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    return bytes;
}

GBytes *wp_diagram_render(const WpDiagram *d, WpDiagramFormat format, GError **error)
{
    g_return_val_if_fail(d != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    if (!check_limits(d, error))
        return NULL;
    g_mutex_lock(&gv_lock);
    gv_messages = g_string_new(NULL);
    agusererrf previous_hook = agseterrf(collect_message);
    agerrlevel_t previous_level = agseterr(AGWARN);
    agreseterrors();
    GBytes *bytes = render_locked(d, format, error);
    agseterr(previous_level);
    agseterrf(previous_hook);
    g_string_free(gv_messages, TRUE);
    gv_messages = NULL;
    g_mutex_unlock(&gv_lock);
    return bytes;
}

gboolean wp_diagram_write(const WpDiagram *d, WpDiagramFormat format, const char *filename,
                          GError **error)
{
    g_return_val_if_fail(filename != NULL, FALSE);
    g_autoptr(GBytes) bytes = wp_diagram_render(d, format, error);
    if (bytes == NULL)
        return FALSE;
    gsize len = 0;
    const char *data = g_bytes_get_data(bytes, &len);
    return wp_file_write_atomic(filename, data, len, error);
}
