/* SPDX-License-Identifier: MIT */
/* Loading: ties and people CSVs and the merge rules (test-load-bad.c: errors, flags and other
 * formats). */
#include "load-helpers.h"

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
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) scoring = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    g_assert_true(wp_scoring_compute_stats(scoring, &stats, &error));
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

/* A record whose fields are all empty (`,,,,` as spreadsheets leave below the data, quoted or
 * padded with spaces) is a blank row in every reader: counted, named, never an "empty id". */
static void test_empty_fields_row(void)
{
    g_autoptr(WpGraph) g = load_ok("source,target,strength\n"
                                   "a,b,0.5\n"
                                   ",,\n"
                                   "b,c,0.25\n"
                                   " , ,\"\"\n"
                                   ",,\n",
                                   "id,name,company\n"
                                   "a,Ann,Acme\n"
                                   ",,\n"
                                   "b,Bo,\n",
                                   0);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 3);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 2);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_BLANK_ROW), ==, 4);
    const GPtrArray *examples = wp_graph_warning_examples(g, WP_WARNING_BLANK_ROW);
    g_assert_cmpuint(examples->len, ==, 4);
    g_assert_cmpstr(examples->pdata[0], ==, "people:3: row of empty fields skipped");
    g_assert_cmpstr(examples->pdata[1], ==, "ties:3: row of empty fields skipped");
    g_assert_cmpstr(examples->pdata[2], ==, "ties:5: row of empty fields skipped");
    g_assert_cmpstr(examples->pdata[3], ==, "ties:6: row of empty fields skipped");
    /* An error after it still names its own line; --strict refuses the blank row itself. */
    assert_load_fails("source,target,strength\n,,\na,b,2\n", NULL, 0, WP_ERROR_PARSE,
                      "ties:3: ", "field 'strength'");
    assert_load_fails("source,target\na,b\n,\n", NULL, WP_LOAD_STRICT, WP_ERROR_PARSE,
                      "ties:3: ", "row of empty fields");
    /* Before the header too, as a blank line there is. */
    g_autoptr(WpGraph) late = load_ok(",,\nsource,target\na,b\n", NULL, 0);
    g_assert_cmpuint(wp_graph_n_ties(late), ==, 1);
    g_assert_cmpuint(wp_graph_warning_count(late, WP_WARNING_BLANK_ROW), ==, 1);
}

/* In an edge list a line of separators (and an empty line) is a blank row as well. */
static void test_edgelist_blank_rows(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *file = g_build_filename(dir, "edges.txt", NULL);
    g_assert_true(g_file_set_contents(file, "# comment\na,b,1\n,,,\n\nb,c\n", -1, NULL));
    WpLoadSpec spec = {
        .ties_file = file, .people_file = NULL, .ties_format = WP_TIES_FORMAT_AUTO, .flags = 0};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_BLANK_ROW), ==, 2);
    const GPtrArray *examples = wp_graph_warning_examples(g, WP_WARNING_BLANK_ROW);
    g_autofree char *first = g_strdup_printf("%s:3: row of empty fields skipped", file);
    g_autofree char *second = g_strdup_printf("%s:4: blank line skipped", file);
    g_assert_cmpstr(examples->pdata[0], ==, first);
    g_assert_cmpstr(examples->pdata[1], ==, second);
    g_remove(file);
    g_rmdir(dir);
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

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/load/csv/from-data", test_csv_from_data);
    g_test_add_func("/load/csv/from-files", test_csv_from_files);
    g_test_add_func("/load/csv/rfc4180", test_rfc4180_quoting);
    g_test_add_func("/load/csv/bom-crlf", test_bom_crlf);
    g_test_add_func("/load/csv/types-and-blanks", test_types_and_blanks);
    g_test_add_func("/load/csv/whitespace-line", test_whitespace_line);
    g_test_add_func("/load/csv/empty-fields-row", test_empty_fields_row);
    g_test_add_func("/load/edgelist/blank-rows", test_edgelist_blank_rows);
    g_test_add_func("/load/people/columns", test_people_columns);
    g_test_add_func("/load/people/team", test_people_team);
    g_test_add_func("/load/people/company-size", test_people_company_size);
    g_test_add_func("/load/people/unlisted", test_unlisted_person);
    g_test_add_func("/load/merge/duplicates", test_merge_duplicates);
    g_test_add_func("/load/merge/directed", test_merge_directed);
    g_test_add_func("/load/merge/self-loops", test_self_loops);
    return g_test_run();
}
