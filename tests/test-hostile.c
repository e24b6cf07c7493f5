/* SPDX-License-Identifier: MIT */
/* Hostile input: every reader either loads a file or refuses it with WP_ERROR_PARSE and a message
 * "FILE:LINE: ..." naming the field; nothing crashes. Limits, the profile and fuzzer findings are
 * in test-hostile-limits.c. Expected values come from the fixtures' bytes, worked by hand (line
 * and field numbers) or with Python's datetime (day numbers). */
#include "hostile-helpers.h"

#include <math.h>

/* ---- empty files, headers, columns ---- */

static void test_empty(void)
{
    assert_fixture_fails("hostile-empty.csv", NULL, WP_TIES_FORMAT_AUTO, WP_ERROR_PARSE,
                         "hostile-empty.csv", 1, "the file is empty");
    assert_fixture_fails("hostile-bom-only.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-bom-only.csv", 1, "the file is empty");
    assert_fixture_fails("hostile-header-only.csv", "hostile-empty.csv", WP_TIES_FORMAT_CSV,
                         WP_ERROR_PARSE, "hostile-empty.csv", 1, "'id' column");
    assert_data_fails("", NULL, 0, WP_ERROR_PARSE, "ties", 1, "the file is empty");
}

static void test_header_only(void)
{
    g_autofree char *path = fixture("hostile-header-only.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_files(path, NULL, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 0);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 0);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 0);
    WpStats stats;
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) scoring = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    g_assert_true(wp_scoring_compute_stats(scoring, &stats, &error));
    g_assert_cmpuint(stats.n_components, ==, 0);
    wp_stats_clear(&stats);
    g_autoptr(WpGraph) h = load_data_ok("source,target\na,b\n", "id,name\n", 0);
    g_assert_cmpuint(wp_graph_n_people(h), ==, 2);
    g_assert_false(wp_graph_person_listed(h, person(h, "a")));
    g_assert_cmpuint(wp_graph_warning_count(h, WP_WARNING_UNLISTED_PERSON), ==, 2);
}

static void test_columns_missing(void)
{
    assert_fixture_fails("hostile-missing-target.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-missing-target.csv", 1, "missing required column 'target'");
    assert_data_fails("source,target\na,b\n", "name,company\nAnn,Acme\n", 0, WP_ERROR_PARSE,
                      "people", 1, "missing required column 'id'");
    assert_data_fails("source,,target\na,b,c\n", NULL, 0, WP_ERROR_PARSE, "ties", 1,
                      "column 2 has no name");
}

static void test_columns_duplicate(void)
{
    assert_fixture_fails("hostile-dup-column.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-dup-column.csv", 1, "column 'source' appears twice");
    assert_data_fails("source,target\n", "id,Name, NAME \n", 0, WP_ERROR_PARSE, "people", 1,
                      "column 'name' appears twice");
    /* Non-ASCII names are compared lowercased too. */
    assert_data_fails("source,target\n", "id,\xc3\x89quipe,\xc3\xa9quipe\n", 0, WP_ERROR_PARSE,
                      "people", 1, "appears twice");
}

/* BOM, CRLF, reordered and padded header names, an unknown extra column. */
static void test_columns_reordered(void)
{
    g_autofree char *path = fixture("hostile-reordered.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_files(path, NULL, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 3);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2);
    WpTieInfo info;
    tie_between(g, "a", "b", &info);
    g_assert_cmpuint(info.source, ==, person(g, "a"));
    g_assert_cmpfloat(info.declared, ==, 0.5);
    tie_between(g, "b", "c", &info);
    g_assert_cmpfloat(info.declared, ==, 0.25);
}

static void test_columns_field_count(void)
{
    assert_fixture_fails("hostile-extra-field.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-extra-field.csv", 3, "3 fields where the header has 2");
    assert_fixture_fails("hostile-header-only.csv", "hostile-missing-field.csv", WP_TIES_FORMAT_CSV,
                         WP_ERROR_PARSE, "hostile-missing-field.csv", 3,
                         "2 fields where the header has 3");
}

/* ---- line ends, quoting, blank lines ---- */

static void test_lines_bare_cr(void)
{
    assert_fixture_fails("hostile-bare-cr.csv", NULL, WP_TIES_FORMAT_AUTO, WP_ERROR_PARSE,
                         "hostile-bare-cr.csv", 3, "field 'strength': '2' is not a number");
}

/* The record on lines 2-4 holds a quoted field with two newlines; the next starts on line 5. */
static void test_lines_after_multiline_record(void)
{
    assert_fixture_fails("hostile-multiline.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-multiline.csv", 5, "field 'strength': '7'");
}

/* Lines 2, 6 and 7 are blank; line 4 is blank inside a quoted field and belongs to it. */
static void test_lines_blank(void)
{
    g_autofree char *ties = fixture("hostile-header-only.csv");
    g_autofree char *people = fixture("hostile-blank-lines.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_files(ties, people, WP_TIES_FORMAT_CSV, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 2);
    g_assert_cmpstr(attr(g, "a", "name"), ==, "x\n\ny");
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_BLANK_ROW), ==, 3);
    const GPtrArray *examples = wp_graph_warning_examples(g, WP_WARNING_BLANK_ROW);
    g_autofree char *first = g_strdup_printf("%s:2: blank line skipped", people);
    g_assert_cmpstr(examples->pdata[0], ==, first);
    g_autoptr(WpGraph) strict =
        load_files(ties, people, WP_TIES_FORMAT_CSV, WP_LOAD_STRICT, &error);
    g_assert_null(strict);
    assert_error_at(error, WP_ERROR_PARSE, people, 2, "blank line");
}

static void test_quotes_unterminated(void)
{
    assert_fixture_fails("hostile-unterminated.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-unterminated.csv", 3, "field 3: quoted field is not closed");
    assert_fixture_fails("hostile-stray-quote.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-stray-quote.csv", 2, "field 2: a quote inside");
    assert_fixture_fails("hostile-after-quote.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-after-quote.csv", 2, "field 2:");
}

/* Names that break naive CSV, HTML, terminals and spreadsheets load byte for byte. */
static void test_names_verbatim(void)
{
    g_autofree char *ties = fixture("hostile-header-only.csv");
    g_autofree char *people = fixture("hostile-names.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_files(ties, people, WP_TIES_FORMAT_CSV, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 9);
    g_assert_cmpstr(attr(g, "q", "name"), ==, "Ann \"Nan\" O'Neil");
    g_assert_cmpstr(attr(g, "bs", "name"), ==, "C:\\Users\\bob");
    g_assert_cmpstr(attr(g, "bs", "company"), ==, "<script>alert(1)</script>");
    g_assert_cmpstr(attr(g, "nl", "name"), ==, "Line\nBreak"); /* CRLF in a field reads as LF */
    g_assert_cmpstr(attr(g, "emoji", "name"), ==,
                    "\xf0\x9f\x98\x80 Zo\xc3\xab \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb");
    g_assert_cmpstr(attr(g, "rtl", "name"), ==,
                    "\xe2\x80\x8f\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d\xe2\x80\xae"
                    "evil");
    g_assert_cmpstr(attr(g, "eq", "name"), ==, "=HYPERLINK(\"http://evil/\",\"x\")");
    g_assert_cmpstr(attr(g, "eq", "company"), ==, "+Acme");
    g_assert_cmpstr(wp_graph_person_team(g, person(g, "eq")), ==, "=1+1");
    g_assert_cmpstr(attr(g, "plus", "name"), ==, "+44 20 7946 0000");
    g_assert_cmpstr(attr(g, "plus", "company"), ==, "-Acme");
    g_assert_cmpstr(wp_graph_person_team(g, person(g, "plus")), ==, "sales");
    g_assert_cmpstr(attr(g, "at", "name"), ==, "@SUM(A1:A2)");
    g_assert_cmpstr(attr(g, "at", "company"), ==, "tab"); /* unquoted: white space trimmed */
    g_assert_cmpstr(attr(g, "esc", "name"), ==, "\x1b[31mRed\x1b[0m");
}

/* ---- bytes ---- */

static void test_bytes_nul(void)
{
    assert_fixture_fails("hostile-nul.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-nul.csv", 3, "field 2: NUL byte");
    assert_fixture_fails("hostile-edgelist-nul.txt", NULL, WP_TIES_FORMAT_EDGELIST, WP_ERROR_PARSE,
                         "hostile-edgelist-nul.txt", 2, "NUL byte");
}

static void test_bytes_utf8(void)
{
    assert_fixture_fails("hostile-utf8.csv", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-utf8.csv", 3, "field 1: invalid UTF-8");
    static const char *const bad[] = {
        "\xc0\xaf",             /* overlong '/' */
        "\xed\xa0\x80",         /* a UTF-16 surrogate */
        "\xe2\x82",             /* truncated sequence */
        "\xf8\x88\x80\x80\x80", /* five-byte form */
        "\xf4\x90\x80\x80",     /* above U+10FFFF */
        "ok\xff",               /* a byte that never starts a sequence */
    };
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *ties = g_strdup_printf("source,target\n%s,b\n", bad[i]);
        assert_data_fails(ties, NULL, 0, WP_ERROR_PARSE, "ties", 2, "field 1: invalid UTF-8");
        g_autofree char *people = g_strdup_printf("id,name\na,\"x\n%s\"\n", bad[i]);
        assert_data_fails("source,target\n", people, 0, WP_ERROR_PARSE, "people", 2,
                          "field 2: invalid UTF-8");
    }
}

/* ---- values ---- */

static void test_values_strength(void)
{
    static const char *const bad[] = {
        "nan", "NaN",   "inf",   "-inf",   "infinity", "-0.5", "0",   "-0",   "0.0", "1.0000001",
        "2",   "1e308", "1e999", "1e-400", "0x1p-1",   "0x.8", "1,5", "0.5x", "50%", "\xc2\xbd"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *ties = g_strdup_printf("source,target,strength\na,b,\"%s\"\n", bad[i]);
        g_autofree char *part =
            g_strdup_printf("field 'strength': '%s' is not a number in (0, 1]", bad[i]);
        assert_data_fails(ties, NULL, 0, WP_ERROR_PARSE, "ties", 2, part);
    }
    static const struct {
        const char *text;
        double value;
    } good[] = {{"1", 1.0},      {"0.5", 0.5},   {".25", 0.25},     {"5e-1", 0.5},
                {"+0.75", 0.75}, {" 0.5 ", 0.5}, {"1e-300", 1e-300}};
    for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
        g_autofree char *ties =
            g_strdup_printf("source,target,strength\na,b,\"%s\"\n", good[i].text);
        g_autoptr(WpGraph) g = load_data_ok(ties, NULL, 0);
        WpTieInfo info;
        tie_between(g, "a", "b", &info);
        g_assert_cmpfloat(info.declared, ==, good[i].value);
        g_autoptr(WpModel) raw = wp_model_new_raw();
        g_autoptr(WpScoring) scoring = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
        double s = wp_scoring_tie_strength(scoring, 0, NULL);
        g_assert_true(s > 0 && s <= 1);
    }
    /* Skipped rather than fatal under WP_LOAD_SKIP_BAD_ROWS: counted, row dropped. */
    g_autoptr(WpGraph) g = load_data_ok("source,target,strength\na,b,nan\nb,c,0.5\nc,d,7\n", NULL,
                                        WP_LOAD_SKIP_BAD_ROWS);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 1);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 3);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SKIPPED_ROW), ==, 2);
    g_assert_cmpstr(g_ptr_array_index(wp_graph_warning_examples(g, WP_WARNING_SKIPPED_ROW), 1), ==,
                    "ties:4: field 'strength': '7' is not a number in (0, 1] (weights and "
                    "ratings on another scale need --weight-scale); row skipped");
}

static void test_values_dates(void)
{
    static const char *const bad[] = {
        "2024-13-01",       "2023-02-29", "2024-02-30",
        "2024-00-10",       "24-01-01",   "2024-1-1",
        "2024/01/01",       "1899-12-31", "3000-01-01",
        "2024-01-01T00:00", "01-02-2024", "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94-01-01"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autofree char *ties =
            g_strdup_printf("source,target,last_contact\na,b,0\nb,c,%s\n", bad[i]);
        /* "0" on line 2 is bad as well: the first bad row is the one reported. */
        assert_data_fails(ties, NULL, 0, WP_ERROR_PARSE, "ties", 2,
                          "field 'last_contact': '0' is not a date YYYY-MM-DD");
        g_autofree char *ties3 =
            g_strdup_printf("source,target,last_contact\na,b,\nb,c,%s\n", bad[i]);
        g_autofree char *part = g_strdup_printf("field 'last_contact': '%s'", bad[i]);
        assert_data_fails(ties3, NULL, 0, WP_ERROR_PARSE, "ties", 3, part);
    }
    /* Day numbers from Python: (date(y, m, d) - date(1970, 1, 1)).days */
    static const struct {
        const char *text;
        WpDay day;
    } good[] = {{"2024-02-29", 19782}, {"1900-01-01", -25567}, {"2999-12-31", 376199}};
    for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
        g_autofree char *ties =
            g_strdup_printf("source,target,last_contact\na,b,%s\n", good[i].text);
        g_autoptr(WpGraph) g = load_data_ok(ties, NULL, 0);
        WpTieInfo info;
        tie_between(g, "a", "b", &info);
        g_assert_cmpint(info.last_contact, ==, good[i].day);
    }
}

static void test_values_other(void)
{
    static const char *const interactions[] = {"-1", "1.5", "1e3", "2147483648", "many", "+1"};
    for (guint i = 0; i < G_N_ELEMENTS(interactions); i++) {
        g_autofree char *ties =
            g_strdup_printf("source,target,interactions\na,b,%s\n", interactions[i]);
        g_autofree char *part = g_strdup_printf("field 'interactions': '%s'", interactions[i]);
        assert_data_fails(ties, NULL, 0, WP_ERROR_PARSE, "ties", 2, part);
    }
    g_autoptr(WpGraph) g = load_data_ok("source,target,interactions\na,b,2147483647\n", NULL, 0);
    WpTieInfo info;
    tie_between(g, "a", "b", &info);
    g_assert_cmpint(info.interactions, ==, G_MAXINT32);
    assert_data_fails("source,target,directed\na,b,maybe\n", NULL, 0, WP_ERROR_PARSE, "ties", 2,
                      "field 'directed': 'maybe' is not true or false");
    g_autoptr(WpGraph) t =
        load_data_ok("source,target,type\na,b,\"=cmd|' /C calc'!A0\"\n", NULL, 0);
    g_assert_cmpuint(wp_graph_warning_count(t, WP_WARNING_UNKNOWN_TIE_TYPE), ==, 2);
}

/* ---- ids ---- */

static void test_ids_long(void)
{
    /* Both ids round to the same double, 1.2345678901234567e19: ids are text, never numbers. */
    g_autoptr(WpGraph) g = load_data_ok("source,target\n12345678901234567890,12345678901234567891\n"
                                        "007,7\n",
                                        "id,name\n12345678901234567890,Big\n", 0);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 4);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2);
    g_assert_cmpstr(attr(g, "12345678901234567890", "name"), ==, "Big");
    g_assert_null(attr(g, "12345678901234567891", "name"));
    g_assert_cmpuint(person(g, "007"), !=, person(g, "7"));
    g_assert_cmpuint(wp_graph_find_id(g, "1.2345678901234567e19"), ==, WP_PERSON_NONE);
}

static void test_ids_duplicate(void)
{
    assert_fixture_fails("hostile-header-only.csv", "hostile-dup-id.csv", WP_TIES_FORMAT_CSV,
                         WP_ERROR_PARSE, "hostile-dup-id.csv", 3, "field 'id': duplicate id 'a'");
    assert_data_fails("source,target\n", "id,name\n,Nobody\n", 0, WP_ERROR_PARSE, "people", 2,
                      "field 'id': empty id");
    assert_data_fails("source,target\na,\" \"\n", NULL, 0, WP_ERROR_PARSE, "ties", 2,
                      "field 'target': empty id");
}

static void test_ids_unknown(void)
{
    const char *ties = "source,target\na,b\nb,c\n";
    const char *people = "id,name\na,Ann\nb,Bob\n";
    g_autoptr(WpGraph) g = load_data_ok(ties, people, 0);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 3);
    g_assert_false(wp_graph_person_listed(g, person(g, "c")));
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_UNLISTED_PERSON), ==, 1);
    g_assert_cmpstr(g_ptr_array_index(wp_graph_warning_examples(g, WP_WARNING_UNLISTED_PERSON), 0),
                    ==, "ties:3: 'c' is not in the people file; added with only an id");
    assert_data_fails(ties, people, WP_LOAD_STRICT, WP_ERROR_PARSE, "ties", 3,
                      "'c' is not in the people file");
}

static void test_ids_self_loop(void)
{
    g_autoptr(WpGraph) g = load_data_ok("source,target\na, a \na,b\n", NULL, 0);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 2);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 1);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 2);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SELF_LOOP), ==, 1);
    assert_data_fails("source,target\na,b\nc,c\n", NULL, WP_LOAD_STRICT, WP_ERROR_PARSE, "ties", 3,
                      "tied to themself");
}

static void test_ids_multi_edge(void)
{
    const char *ties = "source,target,strength\na,b,0.5\nb,a,0.75\na,b,\nb,c,0.1\n";
    g_autoptr(WpGraph) g = load_data_ok(ties, NULL, 0);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 4);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_DUPLICATE_TIE), ==, 2);
    WpTieInfo info;
    tie_between(g, "a", "b", &info);
    g_assert_cmpuint(info.rows, ==, 3);
    g_assert_cmpfloat(info.declared, ==, 0.75); /* the largest declared strength */
    assert_data_fails(ties, NULL, WP_LOAD_STRICT, WP_ERROR_PARSE, "ties", 3, "tied again");
}

/* ---- edge lists, auto-detection, gzip ---- */

static void test_edgelist_hostile(void)
{
    assert_fixture_fails("hostile-edgelist.txt", NULL, WP_TIES_FORMAT_EDGELIST, WP_ERROR_PARSE,
                         "hostile-edgelist.txt", 9, "field 3 (strength): '1.5'");
    g_autofree char *path = fixture("hostile-edgelist.txt");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g =
        load_files(path, NULL, WP_TIES_FORMAT_AUTO, WP_LOAD_SKIP_BAD_ROWS, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 5); /* a..e; f and g were on the skipped row */
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 4);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 6);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SELF_LOOP), ==, 1);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SKIPPED_ROW), ==, 1);
    WpTieInfo info;
    tie_between(g, "c", "d", &info); /* "c,d,1 1234567890 extra": the rest is ignored */
    g_assert_cmpfloat(info.declared, ==, 1.0);
    assert_fixture_fails("hostile-edgelist-one-field.txt", NULL, WP_TIES_FORMAT_AUTO,
                         WP_ERROR_PARSE, "hostile-edgelist-one-field.txt", 2,
                         "expected 'source target [strength]'");
    /* A semicolon "CSV" has no comma: it is read as an edge list and refused on line 1. */
    assert_fixture_fails("hostile-semicolon.csv", NULL, WP_TIES_FORMAT_AUTO, WP_ERROR_PARSE,
                         "hostile-semicolon.csv", 1, "expected 'source target [strength]'");
}

static void test_gzip_hostile(void)
{
    assert_fixture_fails("hostile-corrupt.csv.gz", NULL, WP_TIES_FORMAT_CSV, WP_ERROR_PARSE,
                         "hostile-corrupt.csv.gz", 1, "compressed data is corrupt");
    g_autofree char *ok = fixture("hostile-ok.csv.gz");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_files(ok, NULL, WP_TIES_FORMAT_AUTO, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2);
    /* The same stream cut short. */
    g_autofree char *bytes = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(ok, &bytes, &len, &error));
    g_autofree char *dir = temp_dir();
    g_autofree char *cut = g_build_filename(dir, "cut.csv.gz", NULL);
    g_assert_true(g_file_set_contents(cut, bytes, (gssize)len - 12, &error));
    g_autoptr(WpGraph) none = load_files(cut, NULL, WP_TIES_FORMAT_CSV, 0, &error);
    g_assert_null(none);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "compressed data is truncated"));
    remove_dir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hostile/empty", test_empty);
    g_test_add_func("/hostile/header-only", test_header_only);
    g_test_add_func("/hostile/columns/missing", test_columns_missing);
    g_test_add_func("/hostile/columns/duplicate", test_columns_duplicate);
    g_test_add_func("/hostile/columns/reordered-bom-crlf", test_columns_reordered);
    g_test_add_func("/hostile/columns/field-count", test_columns_field_count);
    g_test_add_func("/hostile/lines/bare-cr", test_lines_bare_cr);
    g_test_add_func("/hostile/lines/after-multiline-record", test_lines_after_multiline_record);
    g_test_add_func("/hostile/lines/blank", test_lines_blank);
    g_test_add_func("/hostile/quotes/unterminated", test_quotes_unterminated);
    g_test_add_func("/hostile/quotes/names-verbatim", test_names_verbatim);
    g_test_add_func("/hostile/bytes/nul", test_bytes_nul);
    g_test_add_func("/hostile/bytes/utf8", test_bytes_utf8);
    g_test_add_func("/hostile/values/strength", test_values_strength);
    g_test_add_func("/hostile/values/dates", test_values_dates);
    g_test_add_func("/hostile/values/other", test_values_other);
    g_test_add_func("/hostile/ids/long", test_ids_long);
    g_test_add_func("/hostile/ids/duplicate", test_ids_duplicate);
    g_test_add_func("/hostile/ids/unknown", test_ids_unknown);
    g_test_add_func("/hostile/ids/self-loop", test_ids_self_loop);
    g_test_add_func("/hostile/ids/multi-edge", test_ids_multi_edge);
    g_test_add_func("/hostile/edgelist", test_edgelist_hostile);
    g_test_add_func("/hostile/gzip", test_gzip_hostile);
    return g_test_run();
}
