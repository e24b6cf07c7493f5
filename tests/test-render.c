/* SPDX-License-Identifier: MIT */
/* Diagrams: the plain model, DOT read back with libcgraph, SVG parsed as XML, PNG and PDF
 * magic, hostile names through every format, atomic writes (test-render-demo.c: the demo's
 * answers drawn). */
#include "render-helpers.h"

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
    return g_test_run();
}
