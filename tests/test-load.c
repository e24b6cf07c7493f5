/* SPDX-License-Identifier: MIT */
/* Loading: ties CSV, people CSV, edge lists, gzip; merge rules, warnings and every parse error. */
#include <warmpath/warmpath.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "io/io-private.h" /* WP_MAX_LINE_BYTES */

/* ---- helpers ---- */

static WpGraph *load_ok(const char *ties, const char *people, WpLoadFlags flags)
{
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load_from_data(ties, people, flags, &error);
    g_assert_no_error(error);
    g_assert_nonnull(graph);
    return graph;
}

static WpPerson person(const WpGraph *graph, const char *id)
{
    WpPerson p = wp_graph_find_id(graph, id);
    if (p == WP_PERSON_NONE)
        g_error("no person '%s'", id);
    return p;
}

/* The tie a request can follow from @a to @b, which must exist. */
static void tie_info(const WpGraph *graph, const char *a, const char *b, WpTieInfo *out)
{
    WpTie tie;
    g_assert_true(wp_graph_find_tie(graph, person(graph, a), person(graph, b), &tie));
    wp_graph_tie_info(graph, tie, out);
}

static gboolean tied(const WpGraph *graph, const char *a, const char *b)
{
    return wp_graph_find_tie(graph, person(graph, a), person(graph, b), NULL);
}

/* The message starts with @prefix ("ties:3: ") and contains @part (a field name, ...). */
static void assert_message(const GError *error, const char *prefix, const char *part)
{
    g_assert_nonnull(error);
    if (!g_str_has_prefix(error->message, prefix) ||
        (part != NULL && strstr(error->message, part) == NULL))
        g_error("message '%s' lacks prefix '%s' or part '%s'", error->message, prefix,
                part ? part : "");
}

static void assert_load_fails(const char *ties, const char *people, WpLoadFlags flags, gint code,
                              const char *prefix, const char *part)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) graph = wp_graph_load_from_data(ties, people, flags, &error);
    g_assert_null(graph);
    g_assert_error(error, WP_ERROR, code);
    assert_message(error, prefix, part);
}

/* The first example of @kind starts with @prefix and contains @part. */
static void assert_example(const WpGraph *graph, WpWarningKind kind, const char *prefix,
                           const char *part)
{
    const GPtrArray *examples = wp_graph_warning_examples(graph, kind);
    g_assert_cmpuint(examples->len, >, 0);
    const char *text = examples->pdata[0];
    if (!g_str_has_prefix(text, prefix) || (part && strstr(text, part) == NULL))
        g_error("example '%s' lacks prefix '%s' or part '%s'", text, prefix, part ? part : "");
}

/* A fresh temporary directory, removed (with its files) by the fixture-free tests themselves. */
static char *temp_dir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("wp-test-load-XXXXXX", &error);
    g_assert_no_error(error);
    return dir;
}

static void remove_dir(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_remove(path);
    }
    g_rmdir(dir);
}

static char *write_file(const char *dir, const char *name, const char *data, gssize len)
{
    g_autoptr(GError) error = NULL;
    char *path = g_build_filename(dir, name, NULL);
    g_file_set_contents(path, data, len, &error);
    g_assert_no_error(error);
    return path;
}

static char *write_gzip(const char *dir, const char *name, const char *data)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GZlibCompressor) gz = g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
    g_autoptr(GInputStream) plain =
        g_memory_input_stream_new_from_data(data, (gssize)strlen(data), NULL);
    g_autoptr(GInputStream) packed = g_converter_input_stream_new(plain, G_CONVERTER(gz));
    g_autoptr(GByteArray) bytes = g_byte_array_new();
    guint8 buf[4096];
    gssize got;
    while ((got = g_input_stream_read(packed, buf, sizeof buf, NULL, &error)) > 0)
        g_byte_array_append(bytes, buf, (guint)got);
    g_assert_no_error(error);
    g_assert_cmpuint(bytes->len, >, 18);
    g_assert_cmpuint(bytes->data[0], ==, 0x1f); /* gzip magic */
    g_assert_cmpuint(bytes->data[1], ==, 0x8b);
    return write_file(dir, name, (const char *)bytes->data, bytes->len);
}

static WpGraph *load_file(const char *ties, const char *people, WpTiesFormat format,
                          WpLoadFlags flags, GError **error)
{
    WpLoadSpec spec = {ties, people, format, flags};
    return wp_graph_load(&spec, error);
}

/* ---- well-formed CSV ---- */

static const char people_csv[] = "id,name,company,company_size,team,linkedin_url\n"
                                 "a,Ann Lee,Acme,1200,sales-east,https://x/ann\n"
                                 "b,Bo Chan,Acme,51-200,,\n"
                                 "c,\"Cy, Jr.\",Globex,10001+,yes,\n"
                                 "d,Di,Initech,,no,\n";
static const char ties_csv[] = "source,target,strength,type,last_contact,interactions\n"
                               "a,b,0.4,colleague,2024-01-05,3\n"
                               "b,c,,client,,\n"
                               "c,d,1,friend;family,2026-10-31,0\n";

static void check_basic_graph(const WpGraph *g)
{
    g_assert_cmpuint(wp_graph_n_people(g), ==, 4);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 3);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 3);
    g_assert_false(wp_graph_has_directed_ties(g));
    g_assert_cmpstr(wp_graph_person_label(g, person(g, "c")), ==, "Cy, Jr.");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "a"), "company"), ==, "Acme");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "a"), "linkedin_url"), ==, "https://x/ann");
    g_assert_null(wp_graph_person_attr(g, person(g, "b"), "linkedin_url")); /* empty */
    g_assert_null(wp_graph_person_attr(g, person(g, "b"), "no_such_column"));

    WpTieInfo info;
    tie_info(g, "b", "a", &info);
    g_assert_cmpfloat(info.declared, ==, 0.4);
    g_assert_cmpuint(info.types, ==, WP_TIE_TYPE_BIT(WP_TIE_COLLEAGUE));
    /* 2024-01-05: 54 years of 365 days, 13 leap days, 4 days */
    g_assert_cmpint(info.last_contact, ==, 19727);
    g_assert_cmpint(info.interactions, ==, 3);
    g_assert_cmpuint(info.rows, ==, 1);
    g_assert_cmpuint(info.source, ==, person(g, "a"));
    tie_info(g, "b", "c", &info);
    g_assert_true(isnan(info.declared));
    g_assert_cmpint(info.last_contact, ==, WP_DAY_NONE);
    g_assert_cmpint(info.interactions, ==, -1);
    tie_info(g, "d", "c", &info);
    g_assert_cmpfloat(info.declared, ==, 1.0);
    g_assert_cmpuint(info.types, ==,
                     WP_TIE_TYPE_BIT(WP_TIE_FRIEND) | WP_TIE_TYPE_BIT(WP_TIE_FAMILY));
    g_assert_cmpint(info.interactions, ==, 0);
    g_assert_false(tied(g, "a", "c"));
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++)
        g_assert_cmpuint(wp_graph_warning_count(g, k), ==, 0);
}

static void test_csv_from_data(void)
{
    g_autoptr(WpGraph) g = load_ok(ties_csv, people_csv, WP_LOAD_DEFAULT);
    check_basic_graph(g);
}

static void test_csv_from_files(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *ties = write_file(dir, "edges.csv", ties_csv, -1);
    g_autofree char *people = write_file(dir, "people.csv", people_csv, -1);
    for (guint f = WP_TIES_FORMAT_AUTO; f <= WP_TIES_FORMAT_CSV; f++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = load_file(ties, people, f, WP_LOAD_DEFAULT, &error);
        g_assert_no_error(error);
        check_basic_graph(g);
    }
    /* The committed fixtures: the same network. */
    g_autofree char *fties = g_test_build_filename(G_TEST_DIST, "data", "core-ties.csv", NULL);
    g_autofree char *fpeople = g_test_build_filename(G_TEST_DIST, "data", "core-people.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_file(fties, fpeople, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_no_error(error);
    check_basic_graph(g);
    remove_dir(dir);
}

static void test_people_columns(void)
{
    /* Header names are trimmed and lowercased; "id" comes first whatever its position. */
    g_autoptr(WpGraph) g =
        load_ok("source,target\nx,y\n", " Name ,ID,Favourite Colour\nAl,x,blue\nBea,y,\n", 0);
    guint n = 0;
    const char *const *cols = wp_graph_columns(g, &n);
    g_assert_cmpuint(n, ==, 3);
    g_assert_cmpstr(cols[0], ==, "id");
    g_assert_cmpstr(cols[1], ==, "name");
    g_assert_cmpstr(cols[2], ==, "favourite colour");
    g_assert_null(cols[3]);
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "x"), "favourite colour"), ==, "blue");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "x"), "id"), ==, "x");
    g_assert_cmpstr(wp_graph_person_label(g, person(g, "y")), ==, "Bea");
    g_assert_true(wp_graph_person_listed(g, person(g, "y")));

    g_autoptr(WpGraph) bare = load_ok("source,target\nx,y\n", NULL, 0);
    n = 99;
    cols = wp_graph_columns(bare, &n);
    g_assert_cmpuint(n, ==, 0);
    g_assert_null(cols[0]);
    g_assert_cmpstr(wp_graph_person_label(bare, person(bare, "x")), ==, "x");
}

static void test_people_team(void)
{
    g_autoptr(WpGraph) g =
        load_ok("source,target\na,b\n",
                "id,team\na,sales-east\nb,yes\nc,no\nd,\ne,TRUE\nf,0\ng,Y\nh,false\n", 0);
    g_assert_cmpstr(wp_graph_person_team(g, person(g, "a")), ==, "sales-east");
    g_assert_nonnull(wp_graph_person_team(g, person(g, "b")));
    g_assert_nonnull(wp_graph_person_team(g, person(g, "e")));
    g_assert_nonnull(wp_graph_person_team(g, person(g, "g")));
    const char *none[] = {"c", "d", "f", "h"};
    for (guint i = 0; i < G_N_ELEMENTS(none); i++)
        g_assert_null(wp_graph_person_team(g, person(g, none[i])));
    g_autoptr(WpGraph) no_column = load_ok("source,target\na,b\n", "id\na\nb\n", 0);
    g_assert_null(wp_graph_person_team(no_column, person(no_column, "a")));
}

static void test_people_company_size(void)
{
    g_autoptr(WpGraph) g = load_ok("source,target\na,zz\n",
                                   "id,company_size\n"
                                   "a,1200\nb,51-200\nc,10001+\nd,\ne,lots\nf,200-51\ng,\"1,200\"\n"
                                   "h,-5\ni,0\n",
                                   0);
    const struct {
        const char *id;
        gint64 size;
    } cases[] = {{"a", 1200}, {"b", 51}, {"c", 10001}, {"d", -1}, {"e", -1},
                 {"f", -1},   {"g", -1}, {"h", -1},    {"i", 0},  {"zz", -1}};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
        g_assert_cmpint(wp_graph_person_company_size(g, person(g, cases[i].id)), ==, cases[i].size);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_BAD_ATTRIBUTE), ==, 4); /* e f g h */
    assert_example(g, WP_WARNING_BAD_ATTRIBUTE, "people:6: ", "field 'company_size'");
    /* The text stays readable as an attribute. */
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "e"), "company_size"), ==, "lots");
    assert_load_fails("source,target\na,b\n", "id,company_size\na,1\nb,lots\n", WP_LOAD_STRICT,
                      WP_ERROR_PARSE, "people:3: ", "field 'company_size'");
}

/* ---- merge rules ---- */

static void test_merge_duplicates(void)
{
    g_autoptr(WpGraph) g = load_ok("source,target,strength,type,last_contact,interactions\n"
                                   "a,b,0.4,colleague,2024-01-05,3\n"
                                   "b,a,0.7,social,2023-12-31,10\n"
                                   "a,b,,friend,,\n"
                                   "c,d,,,,\n"
                                   "d,c,0.2,,,0\n",
                                   NULL, 0);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 5);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_DUPLICATE_TIE), ==, 3);
    WpTieInfo info;
    tie_info(g, "b", "a", &info);
    g_assert_cmpfloat(info.declared, ==, 0.7); /* max declared */
    g_assert_cmpuint(info.types, ==,
                     WP_TIE_TYPE_BIT(WP_TIE_COLLEAGUE) | WP_TIE_TYPE_BIT(WP_TIE_SOCIAL) |
                         WP_TIE_TYPE_BIT(WP_TIE_FRIEND));
    g_assert_cmpint(info.last_contact, ==, 19727); /* the later of 2024-01-05 and 2023-12-31 */
    g_assert_cmpint(info.interactions, ==, 10);
    g_assert_cmpuint(info.rows, ==, 3);
    g_assert_cmpuint(info.source, ==, person(g, "a")); /* as first seen */
    g_assert_false(info.directed);
    tie_info(g, "c", "d", &info);
    g_assert_cmpfloat(info.declared, ==, 0.2); /* a declared row beats an undeclared one */
    g_assert_cmpint(info.interactions, ==, 0);
    g_assert_cmpuint(info.types, ==, 0);
    g_assert_cmpuint(info.rows, ==, 2);
    /* Each neighbour appears once in the adjacency. */
    guint n = 0;
    const WpArc *arcs = wp_graph_out_arcs(g, person(g, "a"), &n);
    g_assert_cmpuint(n, ==, 1);
    g_assert_cmpuint(arcs[0].head, ==, person(g, "b"));
}

static void test_merge_directed(void)
{
    g_autoptr(WpGraph) g = load_ok("source,target,directed\n"
                                   "a,b,true\n" /* a -> b */
                                   "c,d,true\n"
                                   "d,c,yes\n" /* both ways: undirected */
                                   "e,f,1\n"
                                   "e,f,Y\n" /* same way twice: e -> f */
                                   "g,h,true\n"
                                   "g,h,false\n" /* one undirected row: undirected */
                                   "i,j,\n"      /* empty: undirected */
                                   "k,l,no\n",
                                   NULL, 0);
    g_assert_true(wp_graph_has_directed_ties(g));
    const struct {
        const char *a, *b;
        gboolean ab, ba;
    } cases[] = {{"a", "b", TRUE, FALSE}, {"c", "d", TRUE, TRUE}, {"e", "f", TRUE, FALSE},
                 {"g", "h", TRUE, TRUE},  {"i", "j", TRUE, TRUE}, {"k", "l", TRUE, TRUE}};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_assert_cmpint(tied(g, cases[i].a, cases[i].b), ==, cases[i].ab);
        g_assert_cmpint(tied(g, cases[i].b, cases[i].a), ==, cases[i].ba);
        WpTieInfo info;
        tie_info(g, cases[i].a, cases[i].b, &info);
        g_assert_cmpint(info.directed, ==, !cases[i].ba);
    }
    /* In-arcs mirror out-arcs: b is reached from a, a reaches nobody through an in-arc. */
    guint n = 0;
    const WpArc *in = wp_graph_in_arcs(g, person(g, "b"), &n);
    g_assert_cmpuint(n, ==, 1);
    g_assert_cmpuint(in[0].head, ==, person(g, "a"));
    wp_graph_in_arcs(g, person(g, "a"), &n);
    g_assert_cmpuint(n, ==, 0);
    wp_graph_out_arcs(g, person(g, "b"), &n);
    g_assert_cmpuint(n, ==, 0);

    g_autoptr(WpGraph) undirected = load_ok("source,target,directed\na,b,false\n", NULL, 0);
    g_assert_false(wp_graph_has_directed_ties(undirected));
}

static void test_self_loops(void)
{
    g_autoptr(WpGraph) g = load_ok("source,target\na,a\na,b\nz, z \n", NULL, 0);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 2);
    g_assert_cmpuint(wp_graph_find_id(g, "z"), ==, WP_PERSON_NONE); /* no person from a loop */
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 1);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 3);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SELF_LOOP), ==, 2);
    const GPtrArray *examples = wp_graph_warning_examples(g, WP_WARNING_SELF_LOOP);
    g_assert_cmpuint(examples->len, ==, 2);
    assert_example(g, WP_WARNING_SELF_LOOP, "ties:2: ", "'a'");
    g_assert_true(g_str_has_prefix(examples->pdata[1], "ties:4: "));
    assert_load_fails("source,target\na,b\nc,c\n", NULL, WP_LOAD_STRICT, WP_ERROR_PARSE,
                      "ties:3: ", "'c'");
}

static void test_unlisted_person(void)
{
    g_autoptr(WpGraph) g =
        load_ok("source,target\na,b\nb,x\n", "id,name\na,Ann\nb,Bo\n", WP_LOAD_DEFAULT);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 3);
    WpPerson x = person(g, "x");
    g_assert_false(wp_graph_person_listed(g, x));
    g_assert_true(wp_graph_person_listed(g, person(g, "a")));
    g_assert_null(wp_graph_person_attr(g, x, "name"));
    g_assert_cmpstr(wp_graph_person_attr(g, x, "id"), ==, "x");
    g_assert_cmpstr(wp_graph_person_label(g, x), ==, "x");
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_UNLISTED_PERSON), ==, 1);
    assert_example(g, WP_WARNING_UNLISTED_PERSON, "ties:3: ", "'x'");
    WpStats stats;
    g_autoptr(GError) error = NULL;
    g_assert_true(wp_graph_compute_stats(g, &stats, &error));
    g_assert_cmpuint(stats.n_listed, ==, 2);
    wp_stats_clear(&stats);
    assert_load_fails("source,target\na,b\nb,x\n", "id\na\nb\n", WP_LOAD_STRICT, WP_ERROR_PARSE,
                      "ties:3: ", "'x'");
    /* Without a people file, tie ids are the people: no warning. */
    g_autoptr(WpGraph) bare = load_ok("source,target\na,b\n", NULL, 0);
    g_assert_cmpuint(wp_graph_warning_count(bare, WP_WARNING_UNLISTED_PERSON), ==, 0);
    g_assert_false(wp_graph_person_listed(bare, person(bare, "a")));
}

static void test_types_and_blanks(void)
{
    g_autoptr(WpGraph) g = load_ok("source,target,type\n"
                                   "a,b,Former Colleague\n"
                                   "\n"
                                   "b,c,Former-colleague|ally\n"
                                   "c,d,\n",
                                   NULL, 0);
    WpTieInfo info;
    tie_info(g, "a", "b", &info);
    g_assert_cmpuint(info.types, ==, WP_TIE_TYPE_BIT(WP_TIE_FORMER_COLLEAGUE));
    tie_info(g, "b", "c", &info);
    g_assert_cmpuint(info.types, ==,
                     WP_TIE_TYPE_BIT(WP_TIE_FORMER_COLLEAGUE) | WP_TIE_TYPE_BIT(WP_TIE_OTHER));
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_UNKNOWN_TIE_TYPE), ==, 1);
    assert_example(g, WP_WARNING_UNKNOWN_TIE_TYPE, "ties:4: ", "'ally'");
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_BLANK_ROW), ==, 1);
    assert_example(g, WP_WARNING_BLANK_ROW, "ties:3: ", NULL);
    assert_load_fails("source,target,type\na,b,ally\n", NULL, WP_LOAD_STRICT, WP_ERROR_PARSE,
                      "ties:2: ", "field 'type'");
    assert_load_fails("source,target\na,b\n\nc,d\n", NULL, WP_LOAD_STRICT, WP_ERROR_PARSE,
                      "ties:3: ", "blank");
}

/* A line of spaces is blank too: it must not shift the line numbers of the next record. */
static void test_whitespace_line(void)
{
    assert_load_fails("source,target,strength\na,b,0.5\n   \t \nc,d,2\n", NULL, 0, WP_ERROR_PARSE,
                      "ties:4: ", "field 'strength'");
}

/* ---- RFC 4180 ---- */

static void test_rfc4180_quoting(void)
{
    const char *ties = "source,target,strength,type,note\n"
                       "\"a,1\",\"b \"\"x\"\"\",0.5,client,\"multi\n"
                       "line\r\n"
                       "note, with comma\"\n"
                       "c,d,0.4,\"friend\",\"\"\n";
    g_autoptr(WpGraph) g = load_ok(ties, "id,name\n\"a,1\",\"Ann\nNewline\"\n", 0);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2);
    g_assert_true(tied(g, "a,1", "b \"x\""));
    g_assert_cmpstr(wp_graph_person_label(g, person(g, "a,1")), ==, "Ann\nNewline");
    /* An error in the record after a multi-line one names its own line. */
    g_autofree char *bad = g_strconcat(ties, "e,f,1.5,,\n", NULL);
    assert_load_fails(bad, NULL, 0, WP_ERROR_PARSE, "ties:6: ", "field 'strength'");
    g_autofree char *blank_inside =
        g_strconcat("source,target,note\na,b,\"x\n\ny\"\n", "c,d\n", NULL);
    assert_load_fails(blank_inside, NULL, 0, WP_ERROR_PARSE, "ties:5: ", "2 fields");
}

static void test_bom_crlf(void)
{
    g_autoptr(WpGraph) g = load_ok("\xEF\xBB\xBFsource,target,strength\r\na,b,0.5\r\nb,c,\r\n",
                                   "\xEF\xBB\xBFid,name\r\na,Ann\r\nb,Bo\rc,Cy\r\n", 0);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 3);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_UNLISTED_PERSON), ==, 0);
    g_assert_cmpstr(wp_graph_person_label(g, person(g, "c")), ==, "Cy");
    WpTieInfo info;
    tie_info(g, "a", "b", &info);
    g_assert_cmpfloat(info.declared, ==, 0.5);
    g_assert_true(tied(g, "b", "c"));
    /* Line numbers count CRLF and bare CR once each. */
    assert_load_fails("\xEF\xBB\xBFsource,target,strength\r\na,b,0.5\rc,d,x\r\n", NULL, 0,
                      WP_ERROR_PARSE, "ties:3: ", "field 'strength'");
    /* A BOM only counts at the very start. */
    assert_load_fails("source,target\n\xEF\xBB\xBF\x61,b\n\xEF\xBB\xBF", NULL, 0, WP_ERROR_PARSE,
                      "ties:3: ", "1 fields");
}

/* ---- malformed input: every error names origin, line and field ---- */

typedef struct {
    const char *name;
    const char *people;
    const char *ties;
    gint code;
    const char *prefix;
    const char *part;
} BadCase;

#define TIES_HEAD "source,target,strength,type,last_contact,interactions,directed\n"
static const BadCase bad_cases[] = {
    {"utf8", NULL,
     TIES_HEAD "a,b,0.5,,,,\n"
               "a,\xC3\x28,,,,,\n",
     WP_ERROR_PARSE, "ties:3: ", "field 2: invalid UTF-8"},
    {"utf8-header", NULL, "source,tar\xFFget\n", WP_ERROR_PARSE, "ties:1: ", "field 2"},
    {"strength-nan", NULL, TIES_HEAD "a,b,nan,,,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'strength': 'nan'"},
    {"strength-inf", NULL, TIES_HEAD "a,b,inf,,,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'strength'"},
    {"strength-neg", NULL, TIES_HEAD "a,b,-0.5,,,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'strength'"},
    {"strength-zero", NULL, TIES_HEAD "a,b,0,,,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'strength'"},
    {"strength-big", NULL, TIES_HEAD "a,b,1.0001,,,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'strength'"},
    {"strength-text", NULL, TIES_HEAD "a,b,high,,,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'strength'"},
    {"strength-comma", NULL, TIES_HEAD "a,b,\"0,5\",,,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'strength'"},
    {"no-source", NULL, "src,target\na,b\n", WP_ERROR_PARSE, "ties:1: ", "'source'"},
    {"no-target", NULL, "source,strength\na,0.5\n", WP_ERROR_PARSE, "ties:1: ", "'target'"},
    {"empty-ties", NULL, "", WP_ERROR_PARSE, "ties:1: ", "header"},
    {"no-id", "name\nAnn\n", "source,target\na,b\n", WP_ERROR_PARSE, "people:1: ", "'id'"},
    {"empty-people", "", "source,target\na,b\n", WP_ERROR_PARSE, "people:1: ", "'id'"},
    {"dup-header", NULL, "source,target,Source\na,b,c\n", WP_ERROR_PARSE,
     "ties:1: ", "'source' appears twice"},
    {"dup-header-people", "id,name,NAME \na,b,c\n", "source,target\na,b\n", WP_ERROR_PARSE,
     "people:1: ", "'name' appears twice"},
    {"empty-header", NULL, "source,,target\na,b,c\n", WP_ERROR_PARSE, "ties:1: ", "column 2"},
    {"dup-id", "id,name\na,Ann\nb,Bo\na,Al\n", "source,target\na,b\n", WP_ERROR_PARSE,
     "people:4: ", "field 'id': duplicate id 'a'"},
    {"empty-person-id", "id,name\na,Ann\n  ,Bo\n", "source,target\na,b\n", WP_ERROR_PARSE,
     "people:3: ", "field 'id'"},
    {"empty-source", NULL, TIES_HEAD "a,b,,,,,\n,b,,,,,\n", WP_ERROR_PARSE,
     "ties:3: ", "field 'source'"},
    {"empty-target", NULL, TIES_HEAD "a, ,,,,,\n", WP_ERROR_PARSE, "ties:2: ", "field 'target'"},
    {"date-feb30", NULL, TIES_HEAD "a,b,,,2026-02-30,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'last_contact': '2026-02-30'"},
    {"date-short", NULL, TIES_HEAD "a,b,,,26-1-1,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'last_contact'"},
    {"date-slashes", NULL, TIES_HEAD "a,b,,,2026/01/01,,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'last_contact'"},
    {"interactions-neg", NULL, TIES_HEAD "a,b,,,,-1,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'interactions'"},
    {"interactions-frac", NULL, TIES_HEAD "a,b,,,,2.5,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'interactions'"},
    {"interactions-huge", NULL, TIES_HEAD "a,b,,,,99999999999,\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'interactions'"},
    {"directed-bad", NULL, TIES_HEAD "a,b,,,,,maybe\n", WP_ERROR_PARSE,
     "ties:2: ", "field 'directed': 'maybe'"},
    {"fields-few", NULL, TIES_HEAD "a,b,,,,,\nc,d\n", WP_ERROR_PARSE,
     "ties:3: ", "2 fields where the header has 7"},
    {"fields-many", "id,name\na,A,x\n", "source,target\na,b\n", WP_ERROR_PARSE,
     "people:2: ", "3 fields where the header has 2"},
    {"unterminated", NULL, "source,target\na,b\nc,\"d\n", WP_ERROR_PARSE,
     "ties:3: ", "field 2: quoted field is not closed"},
    {"quote-in-unquoted", NULL, "source,target\na,b\nc,d\"x\n", WP_ERROR_PARSE,
     "ties:3: ", "field 2: a quote inside an unquoted field"},
    {"text-after-quote", NULL, "source,target\n\"a\"b,c\n", WP_ERROR_PARSE, "ties:2: ", "field 1:"},
    {"quote-after-multiline", NULL, "source,target,note\na,b,\"x\ny\"\nc,d,e\"f\n", WP_ERROR_PARSE,
     "ties:4: ", "field 3:"},
};

static void test_bad_case(gconstpointer data)
{
    const BadCase *c = data;
    assert_load_fails(c->ties, c->people, WP_LOAD_DEFAULT, c->code, c->prefix, c->part);
}

static void test_bad_long_line(void)
{
    gsize n = WP_MAX_LINE_BYTES;
    GString *text = g_string_new("source,target\na,");
    for (gsize i = 0; i < n - 2; i++) /* line 2 is exactly the limit: accepted */
        g_string_append_c(text, 'b');
    g_string_append(text, "\nc,d\n");
    g_autoptr(WpGraph) ok = load_ok(text->str, NULL, 0);
    g_assert_cmpuint(wp_graph_n_ties(ok), ==, 2);
    g_string_insert_c(text, 16, 'b'); /* one byte more */
    assert_load_fails(text->str, NULL, 0, WP_ERROR_LIMIT, "ties:2: ", "line longer than");
    g_string_truncate(text, text->len - 5); /* the long line is the last, unterminated */
    assert_load_fails(text->str, NULL, 0, WP_ERROR_LIMIT, "ties:2: ", "line longer than");
    g_string_free(text, TRUE);
}

/* Over WP_MAX_FIELDS fields (plain and quoted records), and a quoted record over
 * WP_MAX_RECORD_BYTES made of lines each within the line limit. */
static void test_bad_limits(void)
{
    for (int quoted = 0; quoted <= 1; quoted++) {
        GString *text = g_string_new("source,target");
        for (guint i = 0; i < WP_MAX_FIELDS; i++)
            g_string_append_printf(text, quoted ? ",\"c%u\"" : ",c%u", i);
        g_string_append(text, "\n");
        assert_load_fails(text->str, NULL, 0, WP_ERROR_LIMIT, "ties:1: ", "more than 1024 fields");
        g_string_free(text, TRUE);
    }
    GString *text = g_string_new("source,target,note\na,b,\"");
    for (guint line = 0; line < WP_MAX_RECORD_BYTES / (WP_MAX_LINE_BYTES / 2) + 1; line++) {
        for (guint i = 0; i < WP_MAX_LINE_BYTES / 2; i++)
            g_string_append_c(text, 'x');
        g_string_append_c(text, '\n');
    }
    g_string_append(text, "\"\n");
    assert_load_fails(text->str, NULL, 0, WP_ERROR_LIMIT, "ties:2: ", "record longer than");
    g_string_free(text, TRUE);
}

/* NUL bytes can only come from a file. */
static void test_bad_nul(void)
{
    g_autofree char *dir = temp_dir();
    static const char csv[] = "source,target\na,b\nc,d\0e\n";
    g_autofree char *ties = write_file(dir, "nul.csv", csv, sizeof csv - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_file(ties, NULL, WP_TIES_FORMAT_CSV, 0, &error);
    g_assert_null(g);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "nul.csv:3: field 2: NUL byte"));
    g_clear_error(&error);

    static const char list[] = "1 2\n2 3\0\n";
    g_autofree char *edges = write_file(dir, "nul.txt", list, sizeof list - 1);
    g_autoptr(WpGraph) g2 = load_file(edges, NULL, WP_TIES_FORMAT_EDGELIST, 0, &error);
    g_assert_null(g2);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "nul.txt:2: "));
    g_assert_nonnull(strstr(error->message, "NUL"));
    remove_dir(dir);
}

/* A committed fixture: the message carries the file name. */
static void test_bad_fixture(void)
{
    g_autofree char *file = g_test_build_filename(G_TEST_DIST, "data", "core-bad-date.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_file(file, NULL, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_null(g);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "core-bad-date.csv:5: field 'last_contact': "
                                            "'2026-02-30'"));
    g_clear_error(&error);
    g_autofree char *people =
        g_test_build_filename(G_TEST_DIST, "data", "core-bad-people.csv", NULL);
    g_autofree char *ties = g_test_build_filename(G_TEST_DIST, "data", "core-ties.csv", NULL);
    g_autoptr(WpGraph) g2 = load_file(ties, people, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_null(g2);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "core-bad-people.csv:4: field 'id': duplicate"));
}

/* ---- flags ---- */

static void test_strict_duplicate(void)
{
    const char *ties = "source,target\na,b\nc,d\nb,a\na,b\n";
    g_autoptr(WpGraph) lax = load_ok(ties, NULL, 0);
    g_assert_cmpuint(wp_graph_warning_count(lax, WP_WARNING_DUPLICATE_TIE), ==, 2);
    /* The first repeated row in input order is line 4 (b,a), not line 5. */
    assert_load_fails(ties, NULL, WP_LOAD_STRICT, WP_ERROR_PARSE, "ties:4: ", "'a', 'b'");
    g_autoptr(WpGraph) clean =
        load_ok("source,target\na,b\nb,c\n", "id\na\nb\nc\n", WP_LOAD_STRICT);
    g_assert_cmpuint(wp_graph_n_ties(clean), ==, 2);
}

static void test_skip_bad_rows(void)
{
    const char *ties = "source,target,strength,last_contact,interactions\n"
                       "a,b,0.5,,\n"
                       "c,d,7,,\n"
                       "e,f,,2026-02-30,\n"
                       "g,h,,,-3\n"
                       "a,h,0.2,,\n";
    g_autoptr(WpGraph) g = load_ok(ties, NULL, WP_LOAD_SKIP_BAD_ROWS);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 5);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SKIPPED_ROW), ==, 3);
    assert_example(g, WP_WARNING_SKIPPED_ROW, "ties:3: ", "field 'strength'");
    const GPtrArray *ex = wp_graph_warning_examples(g, WP_WARNING_SKIPPED_ROW);
    g_assert_nonnull(strstr(ex->pdata[1], "ties:4: field 'last_contact'"));
    g_assert_nonnull(strstr(ex->pdata[2], "ties:5: field 'interactions'"));
    /* People named only by skipped rows do not exist. */
    g_assert_cmpuint(wp_graph_find_id(g, "c"), ==, WP_PERSON_NONE);
    g_assert_cmpuint(wp_graph_find_id(g, "e"), ==, WP_PERSON_NONE);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 3); /* a b h */
    /* A structural error still fails; strict still wins over skipping. */
    assert_load_fails("source,target\na,b\nc\n", NULL, WP_LOAD_SKIP_BAD_ROWS, WP_ERROR_PARSE,
                      "ties:3: ", "fields");
    assert_load_fails(ties, NULL, WP_LOAD_SKIP_BAD_ROWS | WP_LOAD_STRICT, WP_ERROR_PARSE,
                      "ties:3: ", "field 'strength'");
}

/* ---- edge lists, gzip, format detection ---- */

static const char edgelist[] = "\xEF\xBB\xBF# comment\r\n"
                               "% another\r\n"
                               "1 2\r\n"
                               "2\t3 0.5\r\n"
                               "3,4,0.25\r"
                               "  4   5  \n"
                               "  # indented comment\n"
                               "5 6 1 1234567890\n"
                               "\n"
                               "6 6\n"
                               "2 1 0.75\n"
                               "7 8"; /* no final line end */

static void check_edgelist_graph(const WpGraph *g)
{
    g_assert_cmpuint(wp_graph_n_people(g), ==, 8);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 6);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 8);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SELF_LOOP), ==, 1);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_DUPLICATE_TIE), ==, 1);
    assert_example(g, WP_WARNING_SELF_LOOP, "", ":10: '6'");
    WpTieInfo info;
    tie_info(g, "1", "2", &info);
    g_assert_cmpfloat(info.declared, ==, 0.75);
    g_assert_cmpuint(info.rows, ==, 2);
    tie_info(g, "3", "2", &info);
    g_assert_cmpfloat(info.declared, ==, 0.5);
    tie_info(g, "3", "4", &info);
    g_assert_cmpfloat(info.declared, ==, 0.25);
    tie_info(g, "4", "5", &info);
    g_assert_true(isnan(info.declared));
    tie_info(g, "6", "5", &info);
    g_assert_cmpfloat(info.declared, ==, 1.0);
    g_assert_true(tied(g, "7", "8"));
}

static void test_edgelist(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *file = write_file(dir, "net.txt", edgelist, -1);
    for (guint f = WP_TIES_FORMAT_AUTO; f <= WP_TIES_FORMAT_EDGELIST; f += 2) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = load_file(file, NULL, f, 0, &error);
        g_assert_no_error(error);
        check_edgelist_graph(g);
    }
    /* With a people file: ids match, extra ids are unlisted people. */
    g_autofree char *people = write_file(dir, "people.csv", "id,name\n1,One\n2,Two\n", -1);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_file(file, people, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(wp_graph_person_label(g, person(g, "2")), ==, "Two");
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_UNLISTED_PERSON), ==, 6);

    /* Errors name the line, counting comments, blanks and every line-end style. */
    const struct {
        const char *tail;
        guint line;
        const char *part;
    } bad[] = {{"\n9 10 1.5\n", 13, "field 3 (strength): '1.5'"},
               {"\n9 10 nan\n", 13, "field 3 (strength)"},
               {"\nlonely\n", 13, "expected 'source target"},
               {"\n9 \xFF\n", 13, "invalid UTF-8"}};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *text = g_strconcat(edgelist, bad[i].tail, NULL);
        g_autofree char *path = write_file(dir, "bad.txt", text, -1);
        g_autofree char *want = g_strdup_printf("bad.txt:%u: ", bad[i].line);
        g_autoptr(WpGraph) none = load_file(path, NULL, WP_TIES_FORMAT_EDGELIST, 0, &error);
        g_assert_null(none);
        g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
        g_assert_nonnull(strstr(error->message, want));
        g_assert_nonnull(strstr(error->message, bad[i].part));
        g_clear_error(&error);
    }
    /* Skipping bad rows works for edge lists too. */
    g_autofree char *text = g_strconcat(edgelist, "\n9 10 1.5\n10 11\n", NULL);
    g_autofree char *path = write_file(dir, "skip.txt", text, -1);
    g_autoptr(WpGraph) skipped =
        load_file(path, NULL, WP_TIES_FORMAT_EDGELIST, WP_LOAD_SKIP_BAD_ROWS, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_warning_count(skipped, WP_WARNING_SKIPPED_ROW), ==, 1);
    g_assert_cmpuint(wp_graph_find_id(skipped, "9"), ==, WP_PERSON_NONE);
    g_assert_true(tied(skipped, "10", "11"));
    remove_dir(dir);
}

static void test_gzip(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *list = write_gzip(dir, "net.txt.gz", edgelist);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_file(list, NULL, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_no_error(error);
    check_edgelist_graph(g);

    g_autofree char *ties = write_gzip(dir, "edges.csv.gz", ties_csv);
    g_autofree char *people = write_gzip(dir, "people.csv.gz", people_csv);
    g_autoptr(WpGraph) g2 = load_file(ties, people, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_no_error(error);
    check_basic_graph(g2);

    /* A corrupt stream fails with a message naming the file. */
    g_autofree char *corrupt = write_file(dir, "bad.txt.gz", "\x1f\x8b\x08\x00garbage", 11);
    g_autoptr(WpGraph) g3 = load_file(corrupt, NULL, WP_TIES_FORMAT_EDGELIST, 0, &error);
    g_assert_null(g3);
    g_assert_nonnull(error);
    g_assert_nonnull(strstr(error->message, "bad.txt.gz"));
    g_clear_error(&error);
    g_autofree char *missing = g_build_filename(dir, "missing.csv", NULL);
    g_autoptr(WpGraph) g4 = load_file(missing, NULL, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_null(g4);
    g_assert_error(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    remove_dir(dir);
}

static void test_detect_format(void)
{
    g_autofree char *dir = temp_dir();
    const struct {
        const char *text;
        guint n_ties;
        const char *id; /* a person only the right reader creates */
    } cases[] = {
        {"Source,TARGET\nx,y\n", 1, "x"},      /* a header naming both, any case: CSV */
        {"source target\nx y\n", 2, "source"}, /* no comma: an edge list */
        {"x,y\ny,z\n", 2, "z"},                /* commas but no header: an edge list */
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *file = write_file(dir, "net", cases[i].text, -1);
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = load_file(file, NULL, WP_TIES_FORMAT_AUTO, 0, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(wp_graph_n_ties(g), ==, cases[i].n_ties);
        g_assert_cmpuint(wp_graph_find_id(g, cases[i].id), !=, WP_PERSON_NONE);
    }
    /* Forcing CSV on an edge list explains what a CSV needs. */
    g_autofree char *file = write_file(dir, "list", "1 2\n", -1);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_file(file, NULL, WP_TIES_FORMAT_CSV, 0, &error);
    g_assert_null(g);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "list:1: header: missing required column"));
    remove_dir(dir);
}

/* ---- the line reader at its 4 MiB read boundary ---- */

#define CHUNK (4u << 20)

/* An edge list of @n path ties "%06u %06u" with CRLF (or bare CR) ends, padded so that the line
 * end of tie @k straddles the first read boundary. */
static GString *boundary_list(guint n, guint k, gboolean bare_cr)
{
    guint line_len = 13 + (bare_cr ? 1 : 2);
    guint pad = CHUNK + (bare_cr ? 0 : 1) - k * line_len; /* bytes before the first tie */
    g_assert_cmpuint(pad, >=, 4);
    GString *s = g_string_sized_new((gsize)n * line_len + pad + 64);
    g_string_append_c(s, '#');
    for (guint i = 0; i < pad - 3 + (bare_cr ? 1 : 0); i++)
        g_string_append_c(s, 'x');
    g_string_append(s, bare_cr ? "\r" : "\r\n");
    g_assert_cmpuint(s->len, ==, pad);
    for (guint i = 0; i < n; i++)
        g_string_append_printf(s, "%06u %06u%s", i, i + 1, bare_cr ? "\r" : "\r\n");
    return s;
}

static void test_chunk_boundary(void)
{
    g_autofree char *dir = temp_dir();
    const guint n = 300000, k = 279620;
    for (int bare = 0; bare <= 1; bare++) {
        GString *s = boundary_list(n, k, bare);
        if (bare) { /* tie k's bare CR is the last byte of the first read */
            g_assert_cmpint(s->str[CHUNK - 1], ==, '\r');
            g_assert_cmpint(s->str[CHUNK], ==, '2'); /* "279620 279621": k - 1 = 279619 ends */
        } else { /* tie k's CR is the last byte of the first read, its LF the first of the next */
            g_assert_cmpint(s->str[CHUNK - 1], ==, '\r');
            g_assert_cmpint(s->str[CHUNK], ==, '\n');
        }
        g_autofree char *path = write_file(dir, "big.txt", s->str, (gssize)s->len);
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = load_file(path, NULL, WP_TIES_FORMAT_AUTO, 0, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(wp_graph_n_people(g), ==, n + 1); /* no id with a stray CR or LF */
        g_assert_cmpuint(wp_graph_n_ties(g), ==, n);
        g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_BLANK_ROW), ==, 0);
        char a[8], b[8];
        g_snprintf(a, sizeof a, "%06u", k - 1);
        g_snprintf(b, sizeof b, "%06u", k);
        g_assert_true(tied(g, a, b));
        g_snprintf(a, sizeof a, "%06u", k + 1);
        g_assert_true(tied(g, b, a));
        /* A bad line after the boundary gets its right number: comment + n ties + 1. */
        g_string_append(s, "x y 2\r\n");
        g_autofree char *bad = write_file(dir, "big.txt", s->str, (gssize)s->len);
        g_autoptr(WpGraph) none = load_file(bad, NULL, WP_TIES_FORMAT_EDGELIST, 0, &error);
        g_assert_null(none);
        g_autofree char *want = g_strdup_printf("big.txt:%u: field 3", n + 2);
        g_assert_nonnull(strstr(error->message, want));
        g_string_free(s, TRUE);
    }
    remove_dir(dir);
}

/* A line of exactly WP_MAX_LINE_BYTES whose CR is the last byte of a read is still allowed. */
static void test_chunk_boundary_long_line(void)
{
    g_autofree char *dir = temp_dir();
    GString *s = g_string_new(NULL);
    gsize long_start = CHUNK - 1 - WP_MAX_LINE_BYTES;
    while (s->len + 15 <= long_start - 20)
        g_string_append(s, "100000 200000\r\n");
    while (s->len < long_start - 2)
        g_string_append_c(s, '#');
    g_string_append(s, "\r\n");
    g_assert_cmpuint(s->len, ==, long_start);
    g_string_append(s, "a ");
    while (s->len < CHUNK - 1)
        g_string_append_c(s, 'b');
    g_string_append(s, "\r\nc d\r\n");
    g_assert_cmpint(s->str[CHUNK - 1], ==, '\r');
    g_autofree char *path = write_file(dir, "long.txt", s->str, (gssize)s->len);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_file(path, NULL, WP_TIES_FORMAT_EDGELIST, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 3);
    g_assert_true(tied(g, "c", "d"));
    g_string_free(s, TRUE);
    remove_dir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/load/csv/from-data", test_csv_from_data);
    g_test_add_func("/load/csv/from-files", test_csv_from_files);
    g_test_add_func("/load/csv/rfc4180", test_rfc4180_quoting);
    g_test_add_func("/load/csv/bom-crlf", test_bom_crlf);
    g_test_add_func("/load/csv/types-and-blanks", test_types_and_blanks);
    g_test_add_func("/load/csv/whitespace-line", test_whitespace_line);
    g_test_add_func("/load/people/columns", test_people_columns);
    g_test_add_func("/load/people/team", test_people_team);
    g_test_add_func("/load/people/company-size", test_people_company_size);
    g_test_add_func("/load/people/unlisted", test_unlisted_person);
    g_test_add_func("/load/merge/duplicates", test_merge_duplicates);
    g_test_add_func("/load/merge/directed", test_merge_directed);
    g_test_add_func("/load/merge/self-loops", test_self_loops);
    for (guint i = 0; i < G_N_ELEMENTS(bad_cases); i++) {
        g_autofree char *path = g_strdup_printf("/load/bad/%s", bad_cases[i].name);
        g_test_add_data_func(path, &bad_cases[i], test_bad_case);
    }
    g_test_add_func("/load/bad/long-line", test_bad_long_line);
    g_test_add_func("/load/bad/limits", test_bad_limits);
    g_test_add_func("/load/bad/nul", test_bad_nul);
    g_test_add_func("/load/bad/fixture", test_bad_fixture);
    g_test_add_func("/load/flags/strict-duplicate", test_strict_duplicate);
    g_test_add_func("/load/flags/skip-bad-rows", test_skip_bad_rows);
    g_test_add_func("/load/edgelist/formats", test_edgelist);
    g_test_add_func("/load/edgelist/gzip", test_gzip);
    g_test_add_func("/load/detect", test_detect_format);
    g_test_add_func("/load/lines/chunk-boundary", test_chunk_boundary);
    g_test_add_func("/load/lines/chunk-boundary-long-line", test_chunk_boundary_long_line);
    return g_test_run();
}
