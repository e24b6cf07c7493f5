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

/* Colour as a reader sees it: sRGB "#RRGGBB" -> linear RGB -> (for @kind 1, 2, 3: protanopia,
 * deuteranopia, tritanopia, severity 1, the matrices of Machado, Oliveira and Fernandes 2009)
 * -> CIELAB under D65. An independent check of the palette, not the renderer's own code. */
static void seen_lab(const char *hex, guint kind, double lab[3])
{
    static const double sim[4][3][3] = {
        {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
        {{0.152286, 1.052583, -0.204868},
         {0.114503, 0.786281, 0.099216},
         {-0.003882, -0.048116, 1.051998}},
        {{0.367322, 0.860646, -0.227968},
         {0.280085, 0.672501, 0.047413},
         {-0.011820, 0.042940, 0.968881}},
        {{1.255528, -0.076749, -0.178779},
         {-0.078411, 0.930809, 0.147602},
         {0.004733, 0.691367, 0.303900}},
    };
    g_assert_cmpuint(strlen(hex), ==, 7);
    double rgb[3], out[3];
    for (guint i = 0; i < 3; i++) {
        char part[3] = {hex[1 + 2 * i], hex[2 + 2 * i], '\0'};
        double c = (double)g_ascii_strtoull(part, NULL, 16) / 255.0;
        rgb[i] = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
    }
    for (guint i = 0; i < 3; i++)
        out[i] =
            CLAMP(sim[kind][i][0] * rgb[0] + sim[kind][i][1] * rgb[1] + sim[kind][i][2] * rgb[2],
                  0.0, 1.0);
    double xyz[3] = {(0.4124 * out[0] + 0.3576 * out[1] + 0.1805 * out[2]) / 0.95047,
                     0.2126 * out[0] + 0.7152 * out[1] + 0.0722 * out[2],
                     (0.0193 * out[0] + 0.1192 * out[1] + 0.9505 * out[2]) / 1.08883};
    double f[3];
    for (guint i = 0; i < 3; i++)
        f[i] = xyz[i] > 0.008856 ? cbrt(xyz[i]) : 7.787 * xyz[i] + 16.0 / 116.0;
    lab[0] = 116 * f[1] - 16;
    lab[1] = 500 * (f[0] - f[1]);
    lab[2] = 200 * (f[1] - f[2]);
}

static double seen_distance(const char *a, const char *b, guint kind)
{
    double x[3], y[3];
    seen_lab(a, kind, x);
    seen_lab(b, kind, y);
    return sqrt((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1]) +
                (x[2] - y[2]) * (x[2] - y[2]));
}

/* Every tie type is told apart from every other: by colour for normal vision (CIE76 distance
 * >= 20), and types drawn with the same line pattern also under each kind of colour blindness
 * (>= 15). Friend (orange) and prize (olive) used to be 1.8 apart for a deuteranope, colleague
 * and former colleague 9.0 for a protanope, all drawn alike. */
static void test_tie_looks_distinct(void)
{
    for (guint t = 0; t < WP_TIE_N_TYPES; t++)
        for (guint u = t + 1; u < WP_TIE_N_TYPES; u++) {
            const WpTieLook *a = wp_i_tie_look(t), *b = wp_i_tie_look(u);
            g_assert_cmpstr(a->word, !=, b->word);
            double normal = seen_distance(a->color, b->color, 0);
            if (normal < 20)
                g_error("%s and %s: colours %.1f apart", a->word, b->word, normal);
            for (guint kind = 1; a->pattern == b->pattern && kind <= 3; kind++) {
                double seen = seen_distance(a->color, b->color, kind);
                if (seen < 15)
                    g_error("%s and %s: same pattern, colours %.1f apart for vision %u", a->word,
                            b->word, seen, kind);
            }
        }
    g_assert_cmpint(wp_i_tie_look(WP_TIE_COLLEAGUE)->pattern, !=,
                    wp_i_tie_look(WP_TIE_FORMER_COLLEAGUE)->pattern);
}

/* Each edge is drawn with its type's colour and pattern (a double line is two strokes with a
 * transparent one between; dashes mean cold, except on dotted weak ties), and the legend's
 * sample of each type has the same colour and pattern: one bar, two bars, or six dots. */
static void test_tie_looks_drawn_and_explained(void)
{
    g_autoptr(WpDiagram) d = wp_diagram_new();
    for (guint t = 0; t < WP_TIE_N_TYPES; t++) {
        guint a = wp_diagram_add_node(d, WP_DIAGRAM_SOURCE, "a", -1);
        guint b = wp_diagram_add_node(d, WP_DIAGRAM_TARGET, "b", -1);
        guint e = wp_diagram_add_edge(d, a, b, (WpTieType)t, 0.6);
        wp_diagram_edge(d, e)->cold = t % 2 == 1;
    }
    g_autofree char *heading = wp_i_diagram_heading_html(d);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++) {
        const WpTieLook *tie = wp_i_tie_look(t);
        WpEdgeLook look;
        wp_i_diagram_edge_look(d, t, &look);
        g_autofree char *twice = g_strdup_printf("%s:transparent:%s", tie->color, tie->color);
        g_autofree char *bg = g_strdup_printf("BGCOLOR=\"%s\"", tie->color);
        g_auto(GStrv) pieces = g_strsplit(heading, bg, -1);
        guint samples = g_strv_length(pieces) - 1;
        switch (tie->pattern) {
        case WP_LINE_SINGLE:
            g_assert_cmpstr(look.color, ==, tie->color);
            g_assert_cmpstr(look.style, ==, t % 2 == 1 ? "dashed" : "solid");
            g_assert_cmpuint(samples, ==, 1);
            break;
        case WP_LINE_DOUBLE:
            g_assert_cmpstr(look.color, ==, twice);
            g_assert_cmpstr(look.style, ==, t % 2 == 1 ? "dashed" : "solid");
            g_assert_cmpuint(samples, ==, 2);
            break;
        case WP_LINE_DOTTED:
            g_assert_cmpstr(look.color, ==, tie->color);
            g_assert_cmpstr(look.style, ==, "dotted");
            g_assert_cmpuint(samples, ==, 6);
            break;
        }
        g_assert_nonnull(strstr(heading, tie->word));
    }
    g_assert_nonnull(strstr(heading, "dashed = gone cold"));

    /* Untyped ties (a plain edge list) still vary in width, and the legend says what it means. */
    g_autoptr(WpDiagram) plain = wp_diagram_new();
    guint a = wp_diagram_add_node(plain, WP_DIAGRAM_SELLER, "a", -1);
    guint b = wp_diagram_add_node(plain, WP_DIAGRAM_SOURCE, "b", -1);
    wp_diagram_add_edge(plain, a, b, WP_TIE_N_TYPES, 0.4);
    g_autofree char *plain_heading = wp_i_diagram_heading_html(plain);
    g_assert_nonnull(strstr(plain_heading, "width = tie strength"));
    g_assert_null(strstr(plain_heading, "Ties"));
}

/* A tag is drawn on its own line (a head label along the line, angle 0) or, where several
 * tagged lines end at one person, as that person's card rows, each line ending at its own row
 * (headport "tN:w" = the port of the row holding edge N's tag). Either way no tag can sit
 * beside a line that is not its own. */
static void test_tags_attached(void)
{
    g_autoptr(WpDiagram) d = wp_diagram_new();
    guint s = wp_diagram_add_node(d, WP_DIAGRAM_SELLER, "Seller", -1);
    guint a = wp_diagram_add_node(d, WP_DIAGRAM_SOURCE, "Ann", -1);
    guint b = wp_diagram_add_node(d, WP_DIAGRAM_SOURCE, "Ben", -1);
    guint t = wp_diagram_add_node(d, WP_DIAGRAM_TARGET, "Tess", -1);
    guint u = wp_diagram_add_node(d, WP_DIAGRAM_TARGET, "Uma", -1);
    wp_diagram_add_edge(d, s, a, WP_TIE_CLIENT, 0.9);
    wp_diagram_add_edge(d, s, b, WP_TIE_FRIEND, 0.7);
    guint at = wp_diagram_add_edge(d, a, t, WP_TIE_COLLEAGUE, 0.8);
    guint bt = wp_diagram_add_edge(d, b, t, WP_TIE_FORMER_COLLEAGUE, 0.6);
    guint au = wp_diagram_add_edge(d, a, u, WP_TIE_REFERRED, 0.5);
    wp_diagram_set_edge_tag(d, at, "#1");
    wp_diagram_set_edge_tag(d, bt, "#2 #3");
    wp_diagram_set_edge_tag(d, au, "#4");
    wp_diagram_set_tag(d, a, "#1 \u00b7 55%");
    g_assert_false(wp_i_diagram_tag_in_card(d, au));
    g_assert_true(wp_i_diagram_tag_in_card(d, at));
    g_assert_true(wp_i_diagram_tag_in_card(d, bt));

    g_autoptr(GBytes) dot = render(d, WP_DIAGRAM_DOT);
    Agraph_t *g = read_dot(dot);
    Agnode_t *na = agnode(g, (char *)"n1", 0), *nb = agnode(g, (char *)"n2", 0);
    Agnode_t *nt = agnode(g, (char *)"n3", 0), *nu = agnode(g, (char *)"n4", 0);
    Agedge_t *eau = agedge(g, na, nu, NULL, 0);
    g_autoptr(GPtrArray) chip = label_texts(agget(eau, (char *)"headlabel"));
    g_assert_cmpuint(chip->len, ==, 1);
    g_assert_cmpstr(chip->pdata[0], ==, "#4");
    g_assert_cmpstr(agget(eau, (char *)"labelangle"), ==, "0");
    g_assert_cmpstr(agget(eau, (char *)"headport"), ==, "");
    g_autoptr(GHashTable) ports = label_ports(agget(nt, (char *)"label"));
    g_assert_cmpuint(g_hash_table_size(ports), ==, 2);
    Agedge_t *into[2] = {agedge(g, na, nt, NULL, 0), agedge(g, nb, nt, NULL, 0)};
    const char *tags[2] = {"#1", "#2 #3"};
    for (guint i = 0; i < 2; i++) {
        g_assert_cmpstr(agget(into[i], (char *)"headlabel"), ==, "");
        g_autofree char *port = g_strdup(agget(into[i], (char *)"headport"));
        g_assert_true(g_str_has_suffix(port, ":w"));
        port[strlen(port) - 2] = '\0';
        g_autofree char *own = g_strdup_printf("t%s", agnameof(into[i]) + 1); /* "eN" -> "tN" */
        g_assert_cmpstr(port, ==, own);
        g_assert_cmpstr(g_hash_table_lookup(ports, port), ==, tags[i]);
    }
    g_autoptr(GPtrArray) card = label_texts(agget(na, (char *)"label"));
    g_assert_cmpstr(card->pdata[0], ==, "Ann\u00a0\u00a0#1 \u00b7 55%");
    agclose(g);

    g_autoptr(GBytes) svg = render(d, WP_DIAGRAM_SVG);
    gsize len = 0;
    const char *text = g_bytes_get_data(svg, &len);
    g_autoptr(GPtrArray) texts = markup_texts(text, len, "text");
    g_assert_true(contains(texts, "#2 #3"));
    g_assert_true(contains(texts, "#4"));
    g_assert_true(contains(texts, "routes through the tie"));
}

/* A stack is drawn top to bottom in its order, whatever order the people were added in. */
static void test_stack_order(void)
{
    static const char *const names[] = {"Ada", "Bo", "Cy", "Di", "Ed"};
    static const guint stack[] = {3, 1, 4, 0, 2};
    g_autoptr(WpDiagram) d = wp_diagram_new();
    guint s = wp_diagram_add_node(d, WP_DIAGRAM_SELLER, "Seller", -1);
    for (guint i = 0; i < 5; i++) {
        guint n = wp_diagram_add_node(d, WP_DIAGRAM_SOURCE, names[i], -1);
        wp_diagram_add_edge(d, s, n, WP_TIE_CLIENT, 0.5);
        g_autofree char *target = g_strdup_printf("target of %s", names[i]);
        guint t = wp_diagram_add_node(d, WP_DIAGRAM_TARGET, target, -1);
        wp_diagram_add_edge(d, n, t, WP_TIE_CLIENT, 0.5);
    }
    for (guint i = 0; i < 5; i++) {
        guint node = 1 + 2 * stack[i];
        g_array_append_val(d->stack, node);
    }
    g_autoptr(GBytes) svg = render(d, WP_DIAGRAM_SVG);
    for (guint i = 0; i + 1 < 5; i++)
        g_assert_cmpfloat(svg_text_y(svg, names[stack[i]]), <,
                          svg_text_y(svg, names[stack[i + 1]]));
}

static void test_png_pdf(void)
{
    g_autoptr(WpDiagram) d = small_diagram("Alice Carter", "Priya Natarajan", "Bob Smith");
    g_autoptr(GBytes) png = render(d, WP_DIAGRAM_PNG);
    assert_png(png);
    g_autoptr(GBytes) pdf = render(d, WP_DIAGRAM_PDF);
    assert_pdf(pdf);
}

/* Every hostile name as a person (with a hostile detail line, badge and tag), a company box,
 * an edge label, an edge tag and a note, all in one diagram, through every format. Node 2i is
 * the person, 2i + 1 a plain contact tied to them (edge i); for odd i a hub (the last node)
 * is tied to them too, with the same tag, so their two tags are rows of their card. */
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
        wp_diagram_set_tag(d, a, raw);
        guint b = wp_diagram_add_node(d, WP_DIAGRAM_INTERMEDIARY, "contact", -1);
        guint e = wp_diagram_add_edge(d, b, a, (WpTieType)(i % WP_TIE_N_TYPES), 0.5);
        wp_diagram_set_edge_label(d, e, raw);
        wp_diagram_set_edge_tag(d, e, raw);
        wp_diagram_add_note(d, "%s", raw);
    }
    guint hub = wp_diagram_add_node(d, WP_DIAGRAM_SOURCE, "hub", -1);
    for (guint i = 1; i < G_N_ELEMENTS(hostile); i += 2) {
        guint e = wp_diagram_add_edge(d, hub, 2 * i, WP_TIE_CLIENT, 0.5);
        wp_diagram_set_edge_tag(d, e, hostile[i].raw);
    }
    return d;
}

static void test_hostile_every_format(void)
{
    g_autoptr(WpDiagram) d = hostile_diagram();
    g_autoptr(GBytes) dot = render(d, WP_DIAGRAM_DOT);
    Agraph_t *g = read_dot(dot);
    guint n = G_N_ELEMENTS(hostile);
    g_assert_cmpint(agnnodes(g), ==, 2 * (int)n + 1);
    g_assert_cmpint(agnedges(g), ==, (int)(n + n / 2));
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
        g_assert_cmpuint(texts->len, ==, i % 2 == 1 ? 5 : 3);
        g_autofree char *tagged = g_strdup_printf("%s\u00a0\u00a0%s", h->clean, h->clean);
        g_assert_cmpstr(texts->pdata[0], ==, tagged); /* name and tag */
        for (guint k = 1; k < texts->len; k++)        /* detail, badge, tag rows */
            g_assert_cmpstr(texts->pdata[k], ==, h->clean);

        Agedge_t *edge = agedge(g, b, a, NULL, 0);
        g_assert_nonnull(edge);
        if (i % 2 == 0) { /* the tag on the line */
            g_autoptr(GPtrArray) chip = label_texts(agget(edge, (char *)"headlabel"));
            g_assert_cmpuint(chip->len, ==, 1);
            g_assert_cmpstr(chip->pdata[0], ==, h->clean);
        } else { /* a row of the card, which the line ends at */
            g_autoptr(GHashTable) ports = label_ports(agget(a, (char *)"label"));
            g_autofree char *port = g_strdup(agget(edge, (char *)"headport"));
            g_assert_true(g_str_has_suffix(port, ":w"));
            port[strlen(port) - 2] = '\0';
            g_assert_cmpstr(g_hash_table_lookup(ports, port), ==, h->clean);
            g_assert_cmpuint(g_hash_table_size(ports), ==, 2);
        }
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
    g_test_add_func("/render/ties/distinct", test_tie_looks_distinct);
    g_test_add_func("/render/ties/drawn-and-explained", test_tie_looks_drawn_and_explained);
    g_test_add_func("/render/tags/attached", test_tags_attached);
    g_test_add_func("/render/stack/order", test_stack_order);
    g_test_add_func("/render/hostile/every-format", test_hostile_every_format);
    g_test_add_func("/render/write/atomic", test_atomic_write);
    g_test_add_func("/render/plugins/missing", test_missing_plugins);
    g_test_add_func("/render/threads", test_threads);
    g_test_add_func("/render/seniority", test_seniority_and_percent);
    return g_test_run();
}
