/* SPDX-License-Identifier: MIT */
/* Loading: every parse error, the --strict and --skip-bad-rows flags, edge lists, gzip, format
 * detection and line reading across chunk boundaries. */
#include "load-helpers.h"

#include "io/io-private.h" /* WP_MAX_LINE_BYTES */

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
