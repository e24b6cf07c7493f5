/* SPDX-License-Identifier: MIT */
/* The chunked ties reader against the line reader: the same input gives the same graph (people
 * in order, ties, rows, arcs, warnings and their messages) or the same error. Small chunks make
 * files of a few rows run on several threads with many chunk boundaries. */
#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "core/tie-labels.h"
#include "io/io-private.h"

static const WpTiesReadOptions line_reader = {TRUE, 0, 0, 0};

static WpTiesReadOptions chunked(gsize chunk_bytes)
{
    return (WpTiesReadOptions){FALSE, 1, chunk_bytes, 0};
}

/* ---- comparing graphs ---- */

static void assert_same_arcs(const WpArc *a, guint n_a, const WpArc *b, guint n_b)
{
    g_assert_cmpuint(n_a, ==, n_b);
    for (guint i = 0; i < n_a; i++) {
        g_assert_cmpuint(a[i].head, ==, b[i].head);
        g_assert_cmpuint(a[i].tie, ==, b[i].tie);
    }
}

static void assert_same_person(const WpGraph *x, const WpGraph *y, WpPerson p)
{
    g_assert_cmpstr(wp_graph_person_id(x, p), ==, wp_graph_person_id(y, p));
    g_assert_cmpint(wp_graph_person_listed(x, p), ==, wp_graph_person_listed(y, p));
    g_assert_cmpstr(wp_graph_person_team(x, p), ==, wp_graph_person_team(y, p));
    g_assert_cmpint(wp_graph_person_company_size(x, p), ==, wp_graph_person_company_size(y, p));
    guint n_columns = 0;
    const char *const *columns = wp_graph_columns(x, &n_columns);
    for (guint i = 0; i < n_columns; i++)
        g_assert_cmpstr(wp_graph_person_attr(x, p, columns[i]), ==,
                        wp_graph_person_attr(y, p, columns[i]));
    guint n_a = 0, n_b = 0;
    const WpArc *a = wp_graph_out_arcs(x, p, &n_a), *b = wp_graph_out_arcs(y, p, &n_b);
    assert_same_arcs(a, n_a, b, n_b);
    a = wp_graph_in_arcs(x, p, &n_a);
    b = wp_graph_in_arcs(y, p, &n_b);
    assert_same_arcs(a, n_a, b, n_b);
}

static void assert_same_tie(const WpGraph *x, const WpGraph *y, WpTie t)
{
    WpTieInfo a, b;
    wp_graph_tie_info(x, t, &a);
    wp_graph_tie_info(y, t, &b);
    g_assert_cmpuint(a.source, ==, b.source);
    g_assert_cmpuint(a.target, ==, b.target);
    g_assert_true(isnan(a.declared) == isnan(b.declared));
    if (!isnan(a.declared))
        g_assert_cmpfloat(a.declared, ==, b.declared);
    g_assert_cmpuint(a.types, ==, b.types);
    g_assert_cmpint(a.last_contact, ==, b.last_contact);
    g_assert_cmpint(a.interactions, ==, b.interactions);
    g_assert_cmpuint(a.rows, ==, b.rows);
    g_assert_cmpint(a.directed, ==, b.directed);
    const char *ox[WP_TIE_ORIGINS_MAX + 1] = {NULL}, *oy[WP_TIE_ORIGINS_MAX + 1] = {NULL};
    g_assert_cmpuint(wp_graph_tie_origins(x, t, ox, WP_TIE_ORIGINS_MAX), ==,
                     wp_graph_tie_origins(y, t, oy, WP_TIE_ORIGINS_MAX));
    g_assert_cmpstrv(ox, oy);
}

/* Everything a load yields that the readers decide. */
static void assert_same_graph(const WpGraph *x, const WpGraph *y)
{
    g_assert_cmpuint(wp_graph_n_people(x), ==, wp_graph_n_people(y));
    for (WpPerson p = 0; p < wp_graph_n_people(x); p++)
        assert_same_person(x, y, p);
    g_assert_cmpuint(wp_graph_n_ties(x), ==, wp_graph_n_ties(y));
    g_assert_cmpuint(wp_graph_n_tie_rows(x), ==, wp_graph_n_tie_rows(y));
    g_assert_cmpint(wp_graph_has_directed_ties(x), ==, wp_graph_has_directed_ties(y));
    for (WpTie t = 0; t < wp_graph_n_ties(x); t++)
        assert_same_tie(x, y, t);
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++) {
        g_assert_cmpuint(wp_graph_warning_count(x, k), ==, wp_graph_warning_count(y, k));
        const GPtrArray *ex = wp_graph_warning_examples(x, k);
        const GPtrArray *ey = wp_graph_warning_examples(y, k);
        g_assert_cmpuint(ex->len, ==, ey->len);
        for (guint i = 0; i < ex->len; i++)
            g_assert_cmpstr(ex->pdata[i], ==, ey->pdata[i]);
    }
}

static void assert_same_outcome(const WpGraph *expected, const GError *expected_error,
                                const WpGraph *got, const GError *got_error)
{
    if (expected == NULL) {
        g_assert_null(got);
        g_assert_nonnull(got_error);
        g_assert_cmpuint(got_error->domain, ==, expected_error->domain);
        g_assert_cmpint(got_error->code, ==, expected_error->code);
        g_assert_cmpstr(got_error->message, ==, expected_error->message);
        return;
    }
    g_assert_no_error(got_error);
    g_assert_nonnull(got);
    assert_same_graph(expected, got);
}

/* ---- loading both ways ---- */

/* Whether the chunked reader takes @ties itself (TRUE) or hands it to the line reader. */
static gboolean chunked_reads(const char *ties, gsize len, const char *people, WpLoadFlags flags,
                              gsize chunk_bytes)
{
    g_autoptr(WpGraphBuilder) builder = wp_i_builder_new(flags);
    if (people != NULL) {
        g_autoptr(WpLineReader) reader = wp_i_lines_new_for_data(people, "people");
        g_assert_true(wp_i_read_people_csv(builder, reader, NULL));
    }
    WpTiesReadOptions options = chunked(chunk_bytes);
    gboolean gave_up = FALSE;
    g_autoptr(GError) error = NULL;
    WpTiesText text = {ties, -1, len};
    wp_i_read_ties_chunked(builder, &text, "ties", &options, &gave_up, &error);
    g_assert_no_error(error);
    return !gave_up;
}

/* Loads @ties (with @people) from memory both ways, with several chunk sizes; asserts the
 * outcomes are the same and that the chunked reader did read it iff @fast. */
static void check_data(const char *ties, const char *people, WpLoadFlags flags, gboolean fast)
{
    static const gsize chunk_sizes[] = {1, 7, 64, 1000, 1u << 20};
    g_autoptr(GError) expected_error = NULL;
    g_autoptr(WpGraph) expected =
        wp_i_graph_load_from_data_with(ties, people, flags, &line_reader, &expected_error);
    for (guint i = 0; i < G_N_ELEMENTS(chunk_sizes); i++) {
        WpTiesReadOptions options = chunked(chunk_sizes[i]);
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) got =
            wp_i_graph_load_from_data_with(ties, people, flags, &options, &error);
        assert_same_outcome(expected, expected_error, got, error);
        if (!(flags & WP_LOAD_STRICT))
            g_assert_cmpint(chunked_reads(ties, strlen(ties), people, flags, chunk_sizes[i]), ==,
                            fast);
    }
}

/* The same through files, which the chunked reader reads a window at a time (small windows put
 * lines across window edges). @len may cover NUL bytes. */
static void check_file(const char *ties, gssize len, const char *people, gboolean fast)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("wp-test-load-fast-XXXXXX", &error);
    g_assert_no_error(error);
    g_autofree char *ties_path = g_build_filename(dir, "ties.csv", NULL);
    g_autofree char *people_path = g_build_filename(dir, "people.csv", NULL);
    g_assert_true(g_file_set_contents(ties_path, ties, len, NULL));
    if (people)
        g_assert_true(g_file_set_contents(people_path, people, -1, NULL));
    WpLoadSpec spec = {.ties_file = ties_path,
                       .people_file = people ? people_path : NULL,
                       .ties_format = WP_TIES_FORMAT_CSV,
                       .flags = 0};
    g_autoptr(GError) expected_error = NULL;
    g_autoptr(WpGraph) expected = wp_i_graph_load_with(&spec, &line_reader, &expected_error);
    static const gsize windows[] = {7, 0};
    for (guint i = 0; i < G_N_ELEMENTS(windows); i++) {
        WpTiesReadOptions options = chunked(16);
        options.window_bytes = windows[i];
        g_autoptr(GError) got_error = NULL;
        g_autoptr(WpGraph) got = wp_i_graph_load_with(&spec, &options, &got_error);
        assert_same_outcome(expected, expected_error, got, got_error);
    }
    g_assert_cmpint(chunked_reads(ties, len < 0 ? strlen(ties) : (gsize)len, people, 0, 16), ==,
                    fast);
    g_remove(ties_path);
    g_remove(people_path);
    g_rmdir(dir);
}

/* ---- generated files ---- */

typedef struct {
    gboolean crlf;
    gboolean extra_columns; /* interactions, directed and an ignored note */
    gboolean long_ids;      /* ids of 9 to 300 bytes, and non-ASCII ones */
    gboolean with_people;
} Shape;

static char *random_id(GRand *rand, const Shape *shape)
{
    guint n = (guint)g_rand_int_range(rand, 0, 300);
    if (!shape->long_ids || g_rand_int_range(rand, 0, 4) > 0)
        return g_strdup_printf("p%03u", n);
    if (n % 3 == 0)
        return g_strdup_printf("Zoë-%u", n);
    static char padding[300];
    memset(padding, 'x', sizeof padding);
    return g_strdup_printf("person-%u-%.*s", n, (int)(n % 280), padding);
}

/* A ties file with duplicates, self-loops, unknown and combined types and empty values. */
static char *random_ties(GRand *rand, const Shape *shape, guint n_rows)
{
    static const char *const types[] = {"friend", "colleague", "Former Colleague", "client;family",
                                        "ally",   "",          "vendor|buddy",     "Family"};
    const char *eol = shape->crlf ? "\r\n" : "\n";
    GString *out =
        g_string_new(shape->extra_columns ? "source,target,strength,type,last_contact,interactions,"
                                            "directed,note"
                                          : "source,target,strength,type,last_contact");
    for (guint i = 0; i < n_rows; i++) {
        g_autofree char *a = random_id(rand, shape);
        g_autofree char *b =
            g_rand_int_range(rand, 0, 20) == 0 ? g_strdup(a) : random_id(rand, shape);
        g_string_append_printf(out, "%s%s,%s,", eol, a, b);
        if (g_rand_int_range(rand, 0, 5) > 0)
            g_string_append_printf(out, "%.4f", g_rand_double_range(rand, 0.0001, 1.0));
        g_string_append_printf(out, ",%s,", types[g_rand_int_range(rand, 0, G_N_ELEMENTS(types))]);
        if (g_rand_int_range(rand, 0, 3) > 0)
            g_string_append_printf(out, "20%02d-%02d-%02d", g_rand_int_range(rand, 10, 30),
                                   g_rand_int_range(rand, 1, 13), g_rand_int_range(rand, 1, 29));
        if (shape->extra_columns)
            g_string_append_printf(out, ",%d,%s,note %u", g_rand_int_range(rand, -1, 5) < 0 ? 0 : 3,
                                   g_rand_boolean(rand) ? "true" : "", i);
    }
    if (g_rand_boolean(rand))
        g_string_append(out, eol);
    return g_string_free(out, FALSE);
}

static char *random_people(GRand *rand, const Shape *shape)
{
    GString *out = g_string_new("id,name,team\n");
    for (guint i = 0; i < 150; i++) {
        g_autofree char *id = random_id(rand, shape);
        if (strstr(out->str, id) == NULL) /* ids are unique in a people file */
            g_string_append_printf(out, "%s,Name %u,%s\n", id, i, i % 7 ? "" : "sales");
    }
    return g_string_free(out, FALSE);
}

static void test_generated(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(20240611);
    for (guint round = 0; round < 24; round++) {
        Shape shape = {round % 2, round / 2 % 2, round / 4 % 2, round / 8 % 3 > 0};
        g_autofree char *ties = random_ties(rand, &shape, 400 + round * 40);
        g_autofree char *people = shape.with_people ? random_people(rand, &shape) : NULL;
        check_data(ties, people, 0, TRUE);
        check_file(ties, -1, people, TRUE);
    }
}

/* More of one warning than are kept as examples, spread over many chunks. */
static void test_many_warnings(void)
{
    GString *ties = g_string_new("source,target,type\n");
    for (guint i = 0; i < 200; i++)
        g_string_append_printf(ties, "a%u,a%u,pal\nb%u,c%u,pal;mate\n", i, i, i, i);
    check_data(ties->str, "id\nb1\nc2\n", 0, TRUE);
    g_string_free(ties, TRUE);
}

/* The benchmark-like demo network, with its people file, at the library's own chunking too. */
static void test_demo(void)
{
    g_autofree char *edges =
        g_test_build_filename(G_TEST_DIST, "..", "datasets", "demo", "edges.csv", NULL);
    g_autofree char *people =
        g_test_build_filename(G_TEST_DIST, "..", "datasets", "demo", "people.csv", NULL);
    const WpTiesReadOptions options[] = {chunked(4096), chunked(65536), WP_TIES_READ_DEFAULTS};
    for (guint with_people = 0; with_people < 2; with_people++) {
        WpLoadSpec spec = {.ties_file = edges,
                           .people_file = with_people ? people : NULL,
                           .ties_format = WP_TIES_FORMAT_AUTO,
                           .flags = 0};
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) expected = wp_i_graph_load_with(&spec, &line_reader, &error);
        g_assert_no_error(error);
        for (guint i = 0; i < G_N_ELEMENTS(options); i++) {
            g_autoptr(WpGraph) got = wp_i_graph_load_with(&spec, &options[i], &error);
            g_assert_no_error(error);
            assert_same_graph(expected, got);
        }
    }
    g_autofree char *text = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(edges, &text, &len, NULL));
    g_assert_true(chunked_reads(text, len, NULL, 0, 4096));
}

/* ---- what the chunked reader leaves to the line reader ---- */

#define HEAD "source,target,strength,type,last_contact,interactions,directed\n"
#define ROW "a,b,0.5,friend,2024-01-05,3,no\n"

typedef struct {
    const char *name;
    const char *ties;
    gboolean fast; /* the chunked reader reads it itself */
} Case;

static const Case cases[] = {
    {"plain", HEAD ROW ROW "b,c,1,,,,\n", TRUE},
    {"no-final-newline", HEAD ROW "b,c,1,,,,", TRUE},
    {"crlf", "source,target\r\na,b\r\nb,c\r\n", TRUE},
    {"final-cr", "source,target\na,b\nb,c\r", TRUE},
    {"bom", "\xEF\xBB\xBFsource,target\na,b\n", TRUE},
    {"utf8-ids", "source,target\nJosé,Zoë\nZoë,李\n", TRUE},
    {"inner-spaces", "source,target,type\nAnn Lee,Bo Chan,former colleague\n", TRUE},
    {"header-only", HEAD, TRUE},
    {"quoted-header", "\"source\",target\na,b\n", TRUE},
    {"self-loop-unknown-type", HEAD "a,a,0.5,pal,,,\n" ROW, TRUE},
    {"ignored-column-space", "source,target,note\na,b, x \n", TRUE},
    {"quotes", "source,target,note\na,b,\"x, \"\"y\"\"\nz\"\nc,d,e\n", FALSE},
    {"quote-in-field", "source,target\na,b\"c\n", FALSE},
    {"quoted-id", "source,target\n\"a\",b\nb,c\n", FALSE},
    {"blank-line", "source,target\na,b\n\nb,c\n", TRUE},
    {"blank-crlf", "source,target\r\na,b\r\n\r\nb,c\r\n", TRUE},
    {"blank-last", "source,target\na,b\n\n", TRUE},
    {"empty-fields", HEAD ROW ",,,,,,\n" ROW ",,,,,,", TRUE},
    /* Origins: white space around a label is trimmed by both readers (not refused, as around
     * an id), repeats and empty labels dropped, the sets of a pair's rows merged. */
    {"origins",
     "source,target,origin\na,b,linkedin:p1\nb,a, hubspot ; linkedin:p1 \nb,c,\n"
     "c,d,salesforce;;salesforce\nd,c,x\n",
     TRUE},
    {"origins-quoted", "source,target,origin\na,b,\"crm, old;hubspot\"\na,b,hubspot\n", FALSE},
    {"empty-fields-crlf", "source,target,note\r\na,b,c\r\n,,\r\n", TRUE},
    {"too-few-empty-fields", HEAD ROW ",,,,,\n", FALSE},
    {"spaced-empty-fields", HEAD ROW ", ,,,,,\n", FALSE},
    {"space-line", "source,target\na,b\n \t\nb,c\n", FALSE},
    {"blank-after-header", "source,target\n\na,b\n", TRUE},
    {"blank-first", "\nsource,target\na,b\n", FALSE},
    {"bare-cr", "source,target\na,b\rb,c\n", FALSE},
    {"double-cr", "source,target\na,b\r\r\nb,c\n", FALSE},
    {"header-bare-cr", "source,target\rb,c\n", FALSE},
    {"few-fields", HEAD ROW "c,d\n", FALSE},
    {"many-fields", HEAD ROW "c,d,1,,,,,\n", FALSE},
    {"empty-source", HEAD ",b,,,,,\n", FALSE},
    {"empty-target", HEAD "a,,,,,,\n", FALSE},
    {"space-id", HEAD " a,b,,,,,\n", FALSE},
    {"space-only-id", HEAD "a, ,,,,,\n", FALSE},
    {"tab-strength", HEAD "a,b,0.5\t,,,,\n", FALSE},
    {"space-type", HEAD "a,b,, friend,,,\n", FALSE},
    {"bad-strength", HEAD ROW "a,c,1.5,,,,\n", FALSE},
    {"nan-strength", HEAD "a,c,nan,,,,\n", FALSE},
    {"long-strength",
     HEAD "a,c,0.50000000000000000000000000000000000000000000000000000000000001,,,,\n", FALSE},
    {"bad-date", HEAD "a,c,,,2026-02-30,,\n", FALSE},
    {"bad-count", HEAD "a,c,,,,-1,\n", FALSE},
    {"bad-flag", HEAD "a,c,,,,,maybe\n", FALSE},
    {"bad-utf8", "source,target\na,\xC3\x28\n", FALSE},
    {"no-target-column", "source,strength\na,0.5\n", FALSE},
    {"repeated-column", "source,target,Source\na,b,c\n", FALSE},
    {"unnamed-column", "source,,target\na,b,c\n", FALSE},
    {"unclosed-header-quote", "\"source,target\na,b\n", FALSE},
};

static void test_case(gconstpointer data)
{
    const Case *c = data;
    check_data(c->ties, NULL, 0, c->fast);
    check_data(c->ties, "id,name\na,Ann\nc,Cy\n", 0, c->fast);
    /* A people file that lists nobody: every person of the ties is warned about. */
    check_data(c->ties, "id,name\n", 0, c->fast);
    check_file(c->ties, -1, NULL, c->fast);
}

/* Bad rows under --skip-bad-rows, and --strict: the line reader's, through the same entry. */
static void test_flags(void)
{
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        check_data(cases[i].ties, NULL, WP_LOAD_SKIP_BAD_ROWS, cases[i].fast);
        check_data(cases[i].ties, NULL, WP_LOAD_STRICT, FALSE);
    }
}

static void test_nul_byte(void)
{
    static const char ties[] = "source,target\na,b\nc,\0d\n";
    check_file(ties, sizeof ties - 1, NULL, FALSE);
}

/* A line over the line reader's limit fails there with its message, not here. */
static void test_long_line(void)
{
    GString *ties = g_string_new("source,target\na,");
    for (guint i = 0; i <= WP_MAX_LINE_BYTES; i++)
        g_string_append_c(ties, 'x');
    g_string_append(ties, "\nb,c\n");
    check_file(ties->str, (gssize)ties->len, NULL, FALSE);
    g_string_free(ties, TRUE);
}

static void test_empty(void)
{
    check_file("", 0, NULL, FALSE);
    g_assert_false(chunked_reads("", 0, NULL, 0, 16));
}

/* ---- rows handed over in parts ---- */

static gpointer dup_array(gconstpointer data, gsize size)
{
    return data ? g_memdup2(data, size) : NULL;
}

/* Hands three rows to @b as one part; NULL arrays mean the file lacked the column. */
static void add_part(WpGraphBuilder *b, const WpPerson *a, const WpPerson *to,
                     const double *declared, const guint16 *types, const WpDay *days,
                     const guint32 *origins)
{
    WpTieRowColumns columns = {
        .a = dup_array(a, 3 * sizeof *a),
        .b = dup_array(to, 3 * sizeof *to),
        .declared = dup_array(declared, 3 * sizeof *declared),
        .types = dup_array(types, 3 * sizeof *types),
        .last_contact = dup_array(days, 3 * sizeof *days),
        .side[WP_TIES_SIDE(WP_TIES_ORIGIN)] = dup_array(origins, 3 * sizeof *origins),
    };
    wp_i_builder_add_rows(b, 3, &columns);
    g_assert_null(columns.a); /* taken */
}

/* The set of origins @cell names. */
static guint32 origins(WpGraphBuilder *b, const char *cell)
{
    return wp_i_tie_labels_parse(wp_i_builder_labels(b, WP_TIES_ORIGIN), cell, strlen(cell));
}

/* A row given one by one, with @origin. */
static WpTieRow row_of(WpPerson a, WpPerson b, double declared, guint16 types, WpDay day,
                       guint32 origin)
{
    WpTieRow row = WP_TIE_ROW_EMPTY(0);
    row.a = a;
    row.b = b;
    row.declared = declared;
    row.types = types;
    row.last_contact = day;
    row.side[WP_TIES_SIDE(WP_TIES_ORIGIN)] = origin;
    return row;
}

/* Rows added one by one and in parts merge in the order they came, and a part without an
 * optional column gives its rows that field's default. Expected ties worked out by hand. */
static void test_row_parts(void)
{
    g_autoptr(WpGraphBuilder) b = wp_i_builder_new(0);
    gboolean present[WP_TIES_N_FIELDS] = {FALSE};
    present[WP_TIES_TYPE] = present[WP_TIES_LAST_CONTACT] = present[WP_TIES_ORIGIN] = TRUE;
    wp_i_builder_note_columns(b, "ties", present);
    WpPerson p[4];
    const char *ids[] = {"p0", "p1", "p2", "p3"};
    for (guint i = 0; i < 4; i++)
        g_assert_true(wp_i_builder_tie_person(b, ids[i], "ties", i + 2, &p[i], NULL));
    const WpDay day1 = 19723, day2 = 20269; /* 2024-01-01, 2025-06-30 */
    const guint16 friend = WP_TIE_TYPE_BIT(WP_TIE_FRIEND), client = WP_TIE_TYPE_BIT(WP_TIE_CLIENT);
    /* Row by row first: p1 -> p0 (its first row decides the orientation). */
    WpTieRow row = row_of(p[1], p[0], 0.5, friend, day1, origins(b, "a"));
    wp_i_builder_add_tie_row(b, &row);
    /* Part 1, with every column: p0-p1 again (stronger, later), p2-p3, p0-p2. */
    add_part(b, (WpPerson[]){p[0], p[2], p[0]}, (WpPerson[]){p[1], p[3], p[2]},
             (double[]){0.75, 0.25, NAN}, (guint16[]){client, friend, 0},
             (WpDay[]){day2, day1, WP_DAY_NONE},
             (guint32[]){origins(b, "b; a"), origins(b, "a"), origins(b, "")});
    /* Part 2, without types, dates and origins: p3-p2 again (stronger), p1-p3, p2-p0 again. */
    add_part(b, (WpPerson[]){p[3], p[1], p[2]}, (WpPerson[]){p[2], p[3], p[0]},
             (double[]){0.5, 1.0, 0.125}, NULL, NULL, NULL);
    row = row_of(p[3], p[1], NAN, client, day2, origins(b, "c"));
    wp_i_builder_add_tie_row(b, &row);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_i_builder_finish(g_steal_pointer(&b), &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 8);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 4);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_DUPLICATE_TIE), ==, 4);
    const struct {
        guint source, target;
        double declared;
        guint16 types;
        WpDay day;
        guint rows;
        const char *origins; /* joined by ';' */
    } expected[] = {
        {1, 0, 0.75, friend | client, day2, 2, "a;b"},
        {0, 2, 0.125, 0, WP_DAY_NONE, 2, ""},
        {2, 3, 0.5, friend, day1, 2, "a"},
        {1, 3, 1.0, client, day2, 2, "c"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
        WpTie t;
        g_assert_true(wp_graph_find_tie(g, p[expected[i].source], p[expected[i].target], &t));
        WpTieInfo info;
        wp_graph_tie_info(g, t, &info);
        g_assert_cmpuint(info.source, ==, p[expected[i].source]);
        g_assert_cmpuint(info.target, ==, p[expected[i].target]);
        g_assert_cmpfloat(info.declared, ==, expected[i].declared);
        g_assert_cmpuint(info.types, ==, expected[i].types);
        g_assert_cmpint(info.last_contact, ==, expected[i].day);
        g_assert_cmpint(info.interactions, ==, -1);
        g_assert_cmpuint(info.rows, ==, expected[i].rows);
        const char *got[WP_TIE_ORIGINS_MAX + 1] = {NULL};
        g_assert_cmpuint(wp_graph_tie_origins(g, t, got, WP_TIE_ORIGINS_MAX), <=,
                         WP_TIE_ORIGINS_MAX);
        g_autofree char *joined = g_strjoinv(";", (char **)got);
        g_assert_cmpstr(joined, ==, expected[i].origins);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/load-fast/generated", test_generated);
    g_test_add_func("/load-fast/many-warnings", test_many_warnings);
    g_test_add_func("/load-fast/demo", test_demo);
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = g_strdup_printf("/load-fast/case/%s", cases[i].name);
        g_test_add_data_func(path, &cases[i], test_case);
    }
    g_test_add_func("/load-fast/flags", test_flags);
    g_test_add_func("/load-fast/nul-byte", test_nul_byte);
    g_test_add_func("/load-fast/long-line", test_long_line);
    g_test_add_func("/load-fast/empty", test_empty);
    g_test_add_func("/load-fast/row-parts", test_row_parts);
    return g_test_run();
}
