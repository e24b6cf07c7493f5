/* SPDX-License-Identifier: MIT */
/* Diagrams: the plain model, DOT read back with libcgraph, SVG parsed as XML, PNG and PDF
 * magic, hostile names through every format, atomic writes, and the demo's answers drawn. */
#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <math.h>
#include <string.h>
#include <warmpath/warmpath.h>

#include "render/render-private.h"

/* Names a hostile people file could hold; each must come out exactly as cleaned. */
typedef struct {
    const char *raw;
    const char *clean;      /* wp_diagram_clean_text(raw), worked out by hand */
    const char *edge_lines; /* as an edge label, where '\n' starts a line: lines joined by '|' */
} Hostile;

static const Hostile hostile[] = {
    {"Bob \"]; evil=[shape=box", "Bob \"]; evil=[shape=box", NULL},
    {"back\\slash \\N \\G \\L \\n", "back\\slash \\N \\G \\L \\n", NULL},
    {"<b>&amp;</b> & <TABLE>", "<b>&amp;</b> & <TABLE>", NULL},
    {"O'Brien \"Jr\"", "O'Brien \"Jr\"", NULL},
    {"line1\nline2\r\nline3\t  end", "line1 line2 line3 end", "line1|line2|line3 end"},
    {"\u202Eevil\u202C \u2066iso\u2069", "\uFFFDevil\uFFFD \uFFFDiso\uFFFD", NULL},
    {"bell\x07 esc\x1b[31m", "bell\uFFFD esc\uFFFD[31m", NULL},
    {"\u0645\u062D\u0645\u062F \u200F\u0639\u0644\u064A",
     "\u0645\u062D\u0645\u062F \u200F\u0639\u0644\u064A", NULL},
    {"\u738B\u5C0F\u660E \U0001F600", "\u738B\u5C0F\u660E \U0001F600", NULL},
    {"bad\xff\xfeutf8", "bad\uFFFD\uFFFDutf8", NULL},
    {"]]> --> <!-- <?x?>", "]]> --> <!-- <?x?>", NULL},
};

static void test_clean_text(void)
{
    for (guint i = 0; i < G_N_ELEMENTS(hostile); i++) {
        g_autofree char *clean = wp_diagram_clean_text(hostile[i].raw);
        g_assert_cmpstr(clean, ==, hostile[i].clean);
    }
    g_autofree char *empty = wp_diagram_clean_text(NULL);
    g_assert_cmpstr(empty, ==, "");
    g_autofree char *trimmed = wp_diagram_clean_text("  padded \n");
    g_assert_cmpstr(trimmed, ==, "padded");
    /* 61 characters: cut to 59 and an ellipsis, 60 in all. */
    g_autofree char *longer = g_strnfill(61, 'x');
    g_autofree char *cut = wp_diagram_clean_text(longer);
    g_autofree char *xs = g_strnfill(59, 'x');
    g_autofree char *expected = g_strconcat(xs, "\u2026", NULL);
    g_assert_cmpstr(cut, ==, expected);
    g_autofree char *exact = g_strnfill(60, 'y');
    g_autofree char *kept = wp_diagram_clean_text(exact);
    g_assert_cmpstr(kept, ==, exact);
}

static void test_format_names(void)
{
    const char *names[] = {"dot", "svg", "png", "pdf"};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        WpDiagramFormat f;
        g_autofree char *upper = g_ascii_strup(names[i], -1);
        g_assert_true(wp_diagram_format_from_name(upper, &f));
        g_assert_cmpint(f, ==, (WpDiagramFormat)i);
        g_assert_cmpstr(wp_diagram_format_name(f), ==, names[i]);
    }
    WpDiagramFormat f;
    g_assert_false(wp_diagram_format_from_name("jpeg", &f));
    g_assert_false(wp_diagram_format_from_name("", &f));
}

/* seller -> source -> target, the target boxed in an account with a function group; edge 0
 * is a client tie of 0.9 on the best route, edge 1 a cold friend tie of 0.3. */
static WpDiagram *small_diagram(const char *seller, const char *source, const char *target)
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

static GBytes *render(const WpDiagram *d, WpDiagramFormat format)
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

static void on_start(GMarkupParseContext *context G_GNUC_UNUSED, const char *name,
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

static void on_end(GMarkupParseContext *context G_GNUC_UNUSED, const char *name, gpointer data,
                   GError **error G_GNUC_UNUSED)
{
    TextCollector *c = data;
    if (strcmp(name, c->element) == 0 && c->depth > 0) {
        c->depth--;
        if (c->current->len > 0)
            g_ptr_array_add(c->texts, g_strdup(c->current->str));
        g_string_truncate(c->current, 0);
    }
}

static void on_text(GMarkupParseContext *context G_GNUC_UNUSED, const char *text, gsize len,
                    gpointer data, GError **error G_GNUC_UNUSED)
{
    TextCollector *c = data;
    if (c->depth > 0)
        g_string_append_len(c->current, text, (gssize)len);
}

/* Parses @markup as XML (failing the test if it is not well-formed) and returns the texts
 * of its @element elements. */
static GPtrArray *markup_texts(const char *markup, gsize len, const char *element)
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
static char *graphviz_text(const char *text)
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
static GPtrArray *label_texts(const char *html)
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
static char *label_all_text(const char *html)
{
    g_autofree char *wrapped = g_strdup_printf("<root>%s</root>", html);
    g_autoptr(GPtrArray) texts = markup_texts(wrapped, strlen(wrapped), "root");
    g_assert_cmpuint(texts->len, ==, 1);
    return graphviz_text(texts->pdata[0]);
}

static gboolean contains(const GPtrArray *texts, const char *text)
{
    for (guint i = 0; i < texts->len; i++)
        if (strcmp(texts->pdata[i], text) == 0)
            return TRUE;
    return FALSE;
}

/* The attribute names cgraph holds for @kind: only those the renderer sets. */
static void assert_attributes_known(Agraph_t *g, int kind, const char *const *known)
{
    for (Agsym_t *sym = agnxtattr(g, kind, NULL); sym != NULL; sym = agnxtattr(g, kind, sym))
        g_assert_true(g_strv_contains(known, sym->name));
}

static Agraph_t *read_dot(GBytes *bytes)
{
    g_autofree char *text = g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
    Agraph_t *g = agmemread(text);
    g_assert_nonnull(g);
    return g;
}

static void test_dot_read_back(void)
{
    g_autoptr(WpDiagram) d = small_diagram("Alice Carter", "Priya Natarajan", "Bob Smith");
    g_autoptr(GBytes) bytes = render(d, WP_DIAGRAM_DOT);
    Agraph_t *g = read_dot(bytes);
    g_assert_cmpint(agnnodes(g), ==, 3);
    g_assert_cmpint(agnedges(g), ==, 2);
    g_assert_cmpstr(agget(g, (char *)"rankdir"), ==, "LR");

    Agnode_t *a = agnode(g, (char *)"n0", 0), *b = agnode(g, (char *)"n1", 0);
    Agnode_t *c = agnode(g, (char *)"n2", 0);
    g_assert_nonnull(a);
    g_assert_nonnull(b);
    g_assert_nonnull(c);
    char *label = agget(b, (char *)"label");
    g_assert_true(aghtmlstr(label));
    g_autoptr(GPtrArray) texts = label_texts(label);
    g_assert_cmpuint(texts->len, ==, 3);
    g_assert_cmpstr(texts->pdata[0], ==, "Priya Natarajan");
    g_assert_cmpstr(texts->pdata[1], ==, "Finance Director");
    g_assert_cmpstr(texts->pdata[2], ==, "Brightline <Pay>");
    g_autoptr(GPtrArray) target = label_texts(agget(c, (char *)"label"));
    g_assert_cmpstr(target->pdata[0], ==, "Bob Smith");
    g_assert_cmpstr(target->pdata[target->len - 1], ==, "55%");

    /* Edge width 0.8 + 4.5 x strength, plus 1 on the best route; colour by type; cold dashed;
     * the other edge faded (alpha 8C) because there is a best route. */
    Agedge_t *ab = agedge(g, a, b, NULL, 0), *bc = agedge(g, b, c, NULL, 0);
    g_assert_nonnull(ab);
    g_assert_nonnull(bc);
    g_assert_cmpfloat_with_epsilon(g_ascii_strtod(agget(ab, (char *)"penwidth"), NULL),
                                   0.8 + 4.5 * 0.9 + 1.0, 0.006);
    g_assert_cmpfloat_with_epsilon(g_ascii_strtod(agget(bc, (char *)"penwidth"), NULL),
                                   0.8 + 4.5 * 0.3, 0.006);
    g_assert_cmpstr(agget(ab, (char *)"color"), ==, "#0072B2");
    g_assert_cmpstr(agget(bc, (char *)"color"), ==, "#E69F008C");
    g_assert_cmpstr(agget(ab, (char *)"style"), ==, "solid");
    g_assert_cmpstr(agget(bc, (char *)"style"), ==, "dashed");
    g_autoptr(GPtrArray) edge_texts = label_texts(agget(ab, (char *)"label"));
    g_assert_cmpuint(edge_texts->len, ==, 2);
    g_assert_cmpstr(edge_texts->pdata[0], ==, "0.90");
    g_assert_cmpstr(edge_texts->pdata[1], ==, "#1 \u00b7 55%");

    /* The target sits in the group, inside the account. */
    Agraph_t *account = agsubg(g, (char *)"cluster_0", 0);
    g_assert_nonnull(account);
    Agraph_t *group = agsubg(account, (char *)"cluster_1", 0);
    g_assert_nonnull(group);
    g_assert_nonnull(agsubnode(group, c, 0));
    g_assert_null(agsubnode(account, a, 0));
    g_autofree char *caption = label_all_text(agget(account, (char *)"label"));
    g_assert_cmpstr(caption, ==, "Acme & Co");

    static const char *const node_attrs[] = {"label", "shape", "margin", "fontname", NULL};
    static const char *const edge_attrs[] = {"label",     "color",  "penwidth", "style",
                                             "arrowsize", "weight", "fontname", "arrowhead",
                                             "key",       NULL};
    assert_attributes_known(g, AGNODE, node_attrs);
    assert_attributes_known(g, AGEDGE, edge_attrs);
    agclose(g);
}

static void assert_png(GBytes *bytes)
{
    gsize len = 0;
    const guint8 *data = g_bytes_get_data(bytes, &len);
    g_assert_cmpuint(len, >, 8);
    g_assert_cmpmem(data, 8, "\x89PNG\r\n\x1a\n", 8);
}

static void assert_pdf(GBytes *bytes)
{
    gsize len = 0;
    const char *data = g_bytes_get_data(bytes, &len);
    g_assert_cmpuint(len, >, 5);
    g_assert_cmpmem(data, 5, "%PDF-", 5);
}

static void test_svg_well_formed(void)
{
    g_autoptr(WpDiagram) d = small_diagram("Alice Carter", "Priya Natarajan", "Bob Smith");
    g_autoptr(GBytes) bytes = render(d, WP_DIAGRAM_SVG);
    gsize len = 0;
    const char *svg = g_bytes_get_data(bytes, &len);
    g_autoptr(GPtrArray) texts = markup_texts(svg, len, "text");
    const char *expected[] = {"Warm introductions",
                              "a test",
                              "3 more routes not drawn",
                              "Alice Carter",
                              "Priya Natarajan",
                              "Brightline <Pay>",
                              "Bob Smith",
                              "55%",
                              "Acme & Co",
                              "Finance",
                              "0.90",
                              "#1 \u00b7 55%",
                              "seller",
                              "client",
                              "friend"};
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
        if (!contains(texts, expected[i]))
            g_error("SVG lacks the text '%s'", expected[i]);
    }
}

static void test_png_pdf(void)
{
    g_autoptr(WpDiagram) d = small_diagram("Alice Carter", "Priya Natarajan", "Bob Smith");
    g_autoptr(GBytes) png = render(d, WP_DIAGRAM_PNG);
    assert_png(png);
    g_autoptr(GBytes) pdf = render(d, WP_DIAGRAM_PDF);
    assert_pdf(pdf);
}

/* Every hostile name as a person (with a hostile detail line), a company box, an edge label
 * and a note, all in one diagram, through every format. Node 2i is the person, 2i + 1 a plain
 * contact tied to them. */
static WpDiagram *hostile_diagram(void)
{
    WpDiagram *d = wp_diagram_new();
    wp_diagram_set_title(d, hostile[0].raw, hostile[1].raw);
    for (guint i = 0; i < G_N_ELEMENTS(hostile); i++) {
        const char *raw = hostile[i].raw;
        guint box = wp_diagram_add_cluster(d, WP_DIAGRAM_CLUSTER_COMPANY, raw, -1);
        guint a = wp_diagram_add_node(d, (WpDiagramRole)(i % WP_DIAGRAM_N_ROLES), raw, (gint)box);
        wp_diagram_add_detail(d, a, raw);
        wp_diagram_set_badge(d, a, raw);
        guint b = wp_diagram_add_node(d, WP_DIAGRAM_INTERMEDIARY, "contact", -1);
        guint e = wp_diagram_add_edge(d, b, a, (WpTieType)(i % WP_TIE_N_TYPES), 0.5);
        wp_diagram_set_edge_label(d, e, raw);
        wp_diagram_add_note(d, "%s", raw);
    }
    return d;
}

static void test_hostile_every_format(void)
{
    g_autoptr(WpDiagram) d = hostile_diagram();
    g_autoptr(GBytes) dot = render(d, WP_DIAGRAM_DOT);
    Agraph_t *g = read_dot(dot);
    g_assert_cmpint(agnnodes(g), ==, 2 * (int)G_N_ELEMENTS(hostile));
    g_assert_cmpint(agnedges(g), ==, (int)G_N_ELEMENTS(hostile));
    static const char *const node_attrs[] = {"label", "shape", "margin", "fontname", NULL};
    assert_attributes_known(g, AGNODE, node_attrs);
    g_autoptr(GPtrArray) heading = label_texts(agget(g, (char *)"label"));
    for (guint i = 0; i < G_N_ELEMENTS(hostile); i++) {
        const Hostile *h = &hostile[i];
        char name[32];
        g_snprintf(name, sizeof name, "n%u", 2 * i);
        Agnode_t *a = agnode(g, name, 0);
        g_snprintf(name, sizeof name, "n%u", 2 * i + 1);
        Agnode_t *b = agnode(g, name, 0);
        g_assert_nonnull(a);
        g_assert_nonnull(b);
        g_autoptr(GPtrArray) texts = label_texts(agget(a, (char *)"label"));
        g_assert_cmpuint(texts->len, ==, 3);
        for (guint k = 0; k < 3; k++) /* name, detail, badge */
            g_assert_cmpstr(texts->pdata[k], ==, h->clean);

        Agedge_t *edge = agedge(g, b, a, NULL, 0);
        g_assert_nonnull(edge);
        g_autoptr(GPtrArray) edge_texts = label_texts(agget(edge, (char *)"label"));
        g_auto(GStrv) lines = g_strsplit(h->edge_lines ? h->edge_lines : h->clean, "|", 0);
        g_assert_cmpuint(edge_texts->len, ==, g_strv_length(lines));
        for (guint k = 0; lines[k] != NULL; k++)
            g_assert_cmpstr(edge_texts->pdata[k], ==, lines[k]);

        g_snprintf(name, sizeof name, "cluster_%u", i);
        Agraph_t *box = agsubg(g, name, 0);
        g_assert_nonnull(box);
        g_assert_nonnull(agsubnode(box, a, 0));
        g_autofree char *caption = label_all_text(agget(box, (char *)"label"));
        g_assert_cmpstr(caption, ==, h->clean);
        g_assert_true(contains(heading, h->clean)); /* the note */
    }
    agclose(g);

    g_autoptr(GBytes) svg = render(d, WP_DIAGRAM_SVG);
    gsize len = 0;
    const char *text = g_bytes_get_data(svg, &len);
    g_autoptr(GPtrArray) texts = markup_texts(text, len, "text");
    for (guint i = 0; i < G_N_ELEMENTS(hostile); i++)
        if (!contains(texts, hostile[i].clean))
            g_error("SVG lacks hostile name %u '%s'", i, hostile[i].clean);

    g_autoptr(GBytes) png = render(d, WP_DIAGRAM_PNG);
    assert_png(png);
    g_autoptr(GBytes) pdf = render(d, WP_DIAGRAM_PDF);
    assert_pdf(pdf);
}

static char *read_file(const char *filename)
{
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_file_get_contents(filename, &text, NULL, &error);
    g_assert_no_error(error);
    return g_steal_pointer(&text);
}

static void test_atomic_write(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("wp-render-XXXXXX", &error);
    g_assert_no_error(error);
    g_autofree char *file = g_build_filename(dir, "map.svg", NULL);
    g_assert_true(g_file_set_contents(file, "old", -1, NULL));

    /* A failed render leaves the file alone. */
    g_autoptr(WpDiagram) big = wp_diagram_new();
    for (guint i = 0; i <= WP_DIAGRAM_MAX_NODES; i++)
        wp_diagram_add_node(big, WP_DIAGRAM_ACCOUNT, "x", -1);
    g_assert_false(wp_diagram_write(big, WP_DIAGRAM_SVG, file, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_LIMIT);
    g_clear_error(&error);
    g_autofree char *still = read_file(file);
    g_assert_cmpstr(still, ==, "old");

    /* A good one replaces it, and leaves no temporary file behind. */
    g_autoptr(WpDiagram) d = small_diagram("Alice Carter", "Priya Natarajan", "Bob Smith");
    g_assert_true(wp_diagram_write(d, WP_DIAGRAM_SVG, file, &error));
    g_assert_no_error(error);
    g_autofree char *svg = read_file(file);
    g_assert_nonnull(strstr(svg, "<svg"));
    g_autoptr(GDir) listing = g_dir_open(dir, 0, NULL);
    guint n = 0;
    while (g_dir_read_name(listing) != NULL)
        n++;
    g_assert_cmpuint(n, ==, 1);

    /* A directory that does not exist: a file error, nothing written. */
    g_autofree char *missing = g_build_filename(dir, "no", "such", "dir.svg", NULL);
    g_assert_false(wp_diagram_write(d, WP_DIAGRAM_SVG, missing, &error));
    g_assert_true(error != NULL && error->domain == G_FILE_ERROR);
    g_clear_error(&error);
    g_assert_cmpint(g_remove(file), ==, 0);
    g_assert_cmpint(g_rmdir(dir), ==, 0);
}

/* Without Graphviz's plugins (GVBINDIR pointing at an empty directory) bitmaps are refused
 * with WP_ERROR_NOT_SUPPORTED naming the package, while DOT, which needs none, still works.
 * Graphviz caches its plugin directory, so this runs in a fresh process. */
static void test_missing_plugins(void)
{
    if (g_test_subprocess()) {
        g_autofree char *dir = g_dir_make_tmp("wp-noplugins-XXXXXX", NULL);
        g_setenv("GVBINDIR", dir, TRUE);
        g_autoptr(WpDiagram) d = small_diagram("Alice Carter", "Priya Natarajan", "Bob Smith");
        g_autoptr(GError) error = NULL;
        g_autoptr(GBytes) png = wp_diagram_render(d, WP_DIAGRAM_PNG, &error);
        g_assert_null(png);
        g_assert_error(error, WP_ERROR, WP_ERROR_NOT_SUPPORTED);
        g_assert_nonnull(strstr(error->message, "libgvc6"));
        g_test_message("%s", error->message);
        g_autoptr(GBytes) dot = wp_diagram_render(d, WP_DIAGRAM_DOT, NULL);
        g_assert_nonnull(dot);
        g_rmdir(dir);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr("");
}

static gpointer render_in_thread(gpointer data)
{
    const WpDiagram *d = data;
    GBytes *first = wp_diagram_render(d, WP_DIAGRAM_SVG, NULL);
    for (guint i = 0; i < 2 && first != NULL; i++) {
        g_autoptr(GBytes) again = wp_diagram_render(d, WP_DIAGRAM_SVG, NULL);
        if (again == NULL || !g_bytes_equal(first, again))
            g_clear_pointer(&first, g_bytes_unref);
    }
    return first;
}

/* Two threads rendering at once get the same, complete answer. */
static void test_threads(void)
{
    g_autoptr(WpDiagram) d = small_diagram("Alice Carter", "Priya Natarajan", "Bob Smith");
    GThread *t1 = g_thread_new("render1", render_in_thread, d);
    GThread *t2 = g_thread_new("render2", render_in_thread, d);
    g_autoptr(GBytes) a = g_thread_join(t1);
    g_autoptr(GBytes) b = g_thread_join(t2);
    g_assert_nonnull(a);
    g_assert_nonnull(b);
    g_assert_true(g_bytes_equal(a, b));
}

static void test_seniority_and_percent(void)
{
    static const struct {
        const char *title;
        guint level;
    } titles[] = {{"CFO", 0},
                  {"Chief Revenue Officer", 0},
                  {"President", 0},
                  {"VP Finance", 1},
                  {"Vice President, Sales", 1},
                  {"SVP Operations", 1},
                  {"Finance Director", 2},
                  {"Head of IT", 2},
                  {"IT Manager", 3},
                  {"Controller", 3},
                  {"Accountant", 4},
                  {NULL, 4}};
    for (guint i = 0; i < G_N_ELEMENTS(titles); i++)
        g_assert_cmpuint(wp_i_title_seniority(titles[i].title), ==, titles[i].level);
    static const struct {
        double p;
        const char *text;
    } percents[] = {{0.552, "55%"},  {0.0995, "10%"},   {0.094, "9.4%"},
                    {0.003, "0.3%"}, {0.0004, "<0.1%"}, {1.0, "100%"}};
    for (guint i = 0; i < G_N_ELEMENTS(percents); i++) {
        g_autofree char *text = wp_i_format_percent(percents[i].p);
        g_assert_cmpstr(text, ==, percents[i].text);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    wp_i_html_escape(out, "a&b<c>d\"e'f\\g");
    g_assert_cmpstr(out->str, ==, "a&amp;b&lt;c&gt;d&quot;e&#39;f\\\\g");
}

/* The demo network with the default model as of the story's date, loaded once. */
static WpGraph *demo;

static WpGraph *load_demo(void)
{
    const char *root = g_getenv("WP_SOURCE_DIR");
    g_assert_nonnull(root);
    g_autofree char *edges = g_build_filename(root, "datasets", "demo", "edges.csv", NULL);
    g_autofree char *people = g_build_filename(root, "datasets", "demo", "people.csv", NULL);
    WpLoadSpec spec = {edges, people, WP_TIES_FORMAT_AUTO, WP_LOAD_DEFAULT};
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    WpDay day;
    g_assert_true(wp_day_parse("2026-11-01", &day));
    wp_graph_apply_model(graph, model, day);
    return graph;
}

static const WpGraph *demo_graph(void)
{
    if (demo == NULL)
        demo = load_demo();
    return demo;
}

static gint node_of(const WpDiagram *d, const char *name)
{
    gint found = -1;
    for (guint i = 0; i < d->nodes->len; i++)
        if (strcmp(wp_diagram_node(d, i)->name, name) == 0) {
            g_assert_cmpint(found, ==, -1); /* drawn once */
            found = (gint)i;
        }
    return found;
}

/* "55%" for 0.552, as a person rounds it (values here are all >= 10%). */
static char *percent(double p)
{
    return g_strdup_printf("%d%%", (int)floor(100 * p + 0.5));
}

static void test_path_diagram(void)
{
    const WpGraph *graph = demo_graph();
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    WpPerson bob = wp_graph_find_id(graph, "p00006");
    WpPathQuery query = WP_PATH_QUERY_INIT;
    query.min_probability = 0.01;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set = wp_path_find(graph, &alice, 1, bob, &query, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, >=, 3);
    WpDiagramLimits limits = {2, 0, NULL};
    g_autoptr(WpDiagram) d = wp_diagram_new_paths(graph, set, &alice, 1, &limits);

    /* The story's best referral source, Priya Natarajan (p00067), is route #1. */
    const WpPath *best = &g_array_index(set->paths, WpPath, 0);
    g_assert_cmpstr(wp_graph_person_id(graph, best->people[1]), ==, "p00067");

    /* Exactly the people of the two best routes, each once, with their roles. */
    g_autoptr(GHashTable) people = g_hash_table_new(g_direct_hash, g_direct_equal);
    guint n_ties = 0;
    for (guint r = 0; r < 2; r++) {
        const WpPath *p = &g_array_index(set->paths, WpPath, r);
        for (guint i = 0; i < p->n_people; i++)
            g_hash_table_add(people, GUINT_TO_POINTER(p->people[i] + 1));
        n_ties += p->n_people - 1;
    }
    g_assert_cmpuint(d->nodes->len, ==, g_hash_table_size(people));
    g_assert_cmpuint(d->edges->len, ==, n_ties); /* the two routes share no tie */
    gint a = node_of(d, "Alice Carter"), b = node_of(d, "Bob Smith");
    gint priya = node_of(d, "Priya Natarajan");
    g_assert_cmpint(wp_diagram_node(d, a)->role, ==, WP_DIAGRAM_SELLER);
    g_assert_cmpint(wp_diagram_node(d, b)->role, ==, WP_DIAGRAM_TARGET);
    g_assert_cmpint(wp_diagram_node(d, priya)->role, ==, WP_DIAGRAM_SOURCE);
    g_assert_true(wp_diagram_node(d, priya)->emphasis);

    /* Route tags: "#1 · P%" on the best route's first tie (emphasised), "#2 · P%" once. */
    g_autofree char *p1 = percent(best->probability);
    g_autofree char *p2 = percent(g_array_index(set->paths, WpPath, 1).probability);
    g_autofree char *tag1 = g_strdup_printf("#1 \u00b7 %s", p1);
    g_autofree char *tag2 = g_strdup_printf("#2 \u00b7 %s", p2);
    gint e = wp_diagram_find_edge(d, (guint)a, (guint)priya);
    g_assert_cmpint(e, >=, 0);
    g_assert_true(wp_diagram_edge(d, e)->emphasis);
    g_assert_nonnull(strstr(wp_diagram_edge(d, e)->label, tag1));
    guint n_tag2 = 0, n_emphasis = 0;
    for (guint i = 0; i < d->edges->len; i++) {
        n_tag2 += strstr(wp_diagram_edge(d, i)->label, tag2) != NULL;
        n_emphasis += wp_diagram_edge(d, i)->emphasis;
    }
    g_assert_cmpuint(n_tag2, ==, 1);
    g_assert_cmpuint(n_emphasis, ==, best->n_people - 1);
    /* The client tie Alice-Priya is coloured as a client tie. */
    g_assert_cmpint(wp_diagram_edge(d, e)->type, ==, WP_TIE_CLIENT);

    /* What the cap left out is said in the picture. */
    g_autofree char *note = g_strdup_printf("%u more routes found but not drawn (the best 2 are "
                                            "shown).",
                                            set->paths->len - 2);
    gboolean found = FALSE;
    for (guint i = 0; i < d->notes->len; i++)
        found |= strcmp(d->notes->pdata[i], note) == 0;
    g_assert_true(found);

    g_autoptr(GBytes) svg = render(d, WP_DIAGRAM_SVG);
    gsize len = 0;
    const char *text = g_bytes_get_data(svg, &len);
    g_autoptr(GPtrArray) texts = markup_texts(text, len, "text");
    g_assert_true(contains(texts, "Priya Natarajan"));
    g_assert_true(contains(texts, tag1));
    g_assert_true(contains(texts, note));
}

static void test_empty_path(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph =
        wp_graph_load_from_data("source,target\na,b\nc,d\n", NULL, 0, &error);
    g_assert_no_error(error);
    WpPerson a = wp_graph_find_id(graph, "a"), d_ = wp_graph_find_id(graph, "d");
    WpPathQuery query = WP_PATH_QUERY_INIT;
    g_autoptr(WpPathSet) set = wp_path_find(graph, &a, 1, d_, &query, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(set->paths->len, ==, 0);
    g_autoptr(WpDiagram) d = wp_diagram_new_paths(graph, set, &a, 1, NULL);
    g_assert_cmpuint(d->nodes->len, ==, 2);
    g_assert_cmpuint(d->edges->len, ==, 0);
    g_assert_cmpint(wp_diagram_node(d, node_of(d, "a"))->role, ==, WP_DIAGRAM_SELLER);
    g_assert_cmpint(wp_diagram_node(d, node_of(d, "d"))->role, ==, WP_DIAGRAM_TARGET);
    gboolean found = FALSE;
    for (guint i = 0; i < d->notes->len; i++)
        found |= strstr(d->notes->pdata[i], "cannot be reached") != NULL;
    g_assert_true(found);
    g_autoptr(GBytes) png = render(d, WP_DIAGRAM_PNG);
    assert_png(png);
}

static void test_account_map(void)
{
    const WpGraph *graph = demo_graph();
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    WpPathQuery query = {0, 4, 0.01, FALSE};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find_into_company(graph, &alice, 1, "Acme", NULL, &query, &error);
    g_assert_no_error(error);
    guint n = set->paths->len;
    g_assert_cmpuint(n, >, 10);
    WpDiagramLimits limits = {10, 0, NULL};
    g_autoptr(WpDiagram) d =
        wp_diagram_new_account_map(graph, set, &alice, 1, "acme", NULL, &limits);
    g_assert_cmpstr(d->title, ==, "Account map: Acme");

    /* Ten badges, one per route end, each the route's probability; every Acme person sits in
     * the box of their function inside the account box; Alice in our team's box. */
    guint n_badges = 0;
    for (guint r = 0; r < 10; r++) {
        const WpPath *p = &g_array_index(set->paths, WpPath, r);
        WpPerson end = p->people[p->n_people - 1];
        gint node = node_of(d, wp_graph_person_label(graph, end));
        g_assert_cmpint(node, >=, 0);
        const WpDiagramNode *nd = wp_diagram_node(d, node);
        g_assert_cmpint(nd->role, ==, WP_DIAGRAM_ACCOUNT);
        g_autofree char *pct = percent(p->probability);
        if (p->probability >= 0.1)
            g_assert_cmpstr(nd->badge, ==, pct);
        const WpDiagramCluster *group = wp_diagram_cluster(d, nd->cluster);
        g_assert_cmpint(group->kind, ==, WP_DIAGRAM_CLUSTER_GROUP);
        g_assert_cmpstr(group->label, ==, wp_graph_person_attr(graph, end, "function"));
        const WpDiagramCluster *account = wp_diagram_cluster(d, group->parent);
        g_assert_cmpint(account->kind, ==, WP_DIAGRAM_CLUSTER_ACCOUNT);
        g_assert_cmpstr(account->label, ==, "Acme");
    }
    for (guint i = 0; i < d->nodes->len; i++)
        n_badges += wp_diagram_node(d, i)->badge != NULL;
    g_assert_cmpuint(n_badges, ==, 10);
    const WpDiagramNode *seller = wp_diagram_node(d, node_of(d, "Alice Carter"));
    g_assert_cmpint(seller->role, ==, WP_DIAGRAM_SELLER);
    g_assert_true(seller->emphasis);
    g_assert_cmpint(seller->cluster, ==, -1); /* one seller: no team box */

    /* Acme has 25 people (the demo README); the notes count what was left out. */
    g_autofree char *capped = g_strdup_printf(
        "%u more reachable people not drawn (the best 10 routes are shown).", n - 10);
    g_assert_cmpstr(d->notes->pdata[0], ==, capped);
    if (n < 25) {
        g_autofree char *cold =
            g_strdup_printf("%u people at Acme cannot be reached within the limits.", 25 - n);
        g_assert_cmpstr(d->notes->pdata[1], ==, cold);
    }
    g_autoptr(GBytes) dot = render(d, WP_DIAGRAM_DOT);
    Agraph_t *g = read_dot(dot);
    g_assert_cmpint(agnnodes(g), ==, (int)d->nodes->len);
    g_assert_cmpint(agnedges(g), ==, (int)d->edges->len);
    agclose(g);
    g_autoptr(GBytes) png = render(d, WP_DIAGRAM_PNG);
    assert_png(png);
}

static void test_territory(void)
{
    const WpGraph *graph = demo_graph();
    WpPerson alice = wp_graph_find_id(graph, "p00001");
    const char *exprs[] = {"industry=Fintech", "region=US-East", "title~vp,cfo"};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = wp_where_parse(exprs, 3, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (WpPerson p = 0; p < wp_graph_n_people(graph); p++)
        if (wp_where_matches(where, graph, p))
            g_array_append_val(targets, p);
    g_assert_cmpuint(targets->len, ==, 56); /* the demo README's count */
    WpRankQuery query = {.sellers = &alice,
                         .n_sellers = 1,
                         .targets = (const WpPerson *)targets->data,
                         .n_targets = targets->len,
                         .max_hops = 4,
                         .min_probability = 0.01,
                         .n_best = 2};
    g_autoptr(WpRankResult) result = wp_rank_run(graph, &query, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(result->sources->len, >, 3);
    WpDiagramLimits limits = {3, 2, NULL};
    g_autoptr(WpDiagram) d =
        wp_diagram_new_territory(graph, result, &alice, 1, "Fintech US-East", &limits);

    guint n_sources = 0, n_summary = 0, expected_summary = 0;
    for (guint s = 0; s < 3; s++) {
        const WpRankSource *src = &g_array_index(result->sources, WpRankSource, s);
        expected_summary += MIN(src->reach->len, 2);
    }
    for (guint i = 0; i < d->nodes->len; i++)
        n_sources += wp_diagram_node(d, i)->role == WP_DIAGRAM_SOURCE;
    for (guint i = 0; i < d->edges->len; i++)
        n_summary += wp_diagram_edge(d, i)->summary;
    g_assert_cmpuint(n_sources, ==, 3);
    g_assert_cmpuint(n_summary, ==, expected_summary);
    g_autofree char *more = g_strdup_printf("%u more referral sources not drawn (the top 3 by "
                                            "expected introductions are shown).",
                                            result->sources->len - 3);
    gboolean found_more = FALSE, found_cold = FALSE;
    for (guint i = 0; i < d->notes->len; i++) {
        found_more |= strcmp(d->notes->pdata[i], more) == 0;
        /* Planted unreachable accounts (demo README). */
        found_cold |= strstr(d->notes->pdata[i], "Maplepeak Capital Inc") != NULL &&
                      strstr(d->notes->pdata[i], "Silvercrest Capital LLC") != NULL;
    }
    g_assert_true(found_more);
    g_assert_true(found_cold);
    g_autoptr(GBytes) svg = render(d, WP_DIAGRAM_SVG);
    gsize len = 0;
    const char *text = g_bytes_get_data(svg, &len);
    g_autoptr(GPtrArray) texts = markup_texts(text, len, "text");
    g_assert_true(contains(texts, "Territory plan: Fintech US-East"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/render/clean-text", test_clean_text);
    g_test_add_func("/render/format-names", test_format_names);
    g_test_add_func("/render/dot/read-back", test_dot_read_back);
    g_test_add_func("/render/svg/well-formed", test_svg_well_formed);
    g_test_add_func("/render/png-pdf/magic", test_png_pdf);
    g_test_add_func("/render/hostile/every-format", test_hostile_every_format);
    g_test_add_func("/render/write/atomic", test_atomic_write);
    g_test_add_func("/render/plugins/missing", test_missing_plugins);
    g_test_add_func("/render/threads", test_threads);
    g_test_add_func("/render/seniority", test_seniority_and_percent);
    g_test_add_func("/render/paths/demo", test_path_diagram);
    g_test_add_func("/render/paths/empty", test_empty_path);
    g_test_add_func("/render/account-map/demo", test_account_map);
    g_test_add_func("/render/territory/demo", test_territory);
    int rc = g_test_run();
    wp_graph_free(demo);
    return rc;
}
