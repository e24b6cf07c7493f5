/* SPDX-License-Identifier: MIT */
/* Hostile input, continued: the documented limits (WP_ERROR_LIMIT with FILE:LINE, quickly and in
 * bounded memory), the profile file, and replays of every input a fuzzer once broke a reader
 * with (tests/data/hostile-regress-*). */
#include "hostile-helpers.h"

#include <stdio.h>

#include "io/io-private.h" /* WP_MAX_LINE_BYTES, WP_MAX_RECORD_BYTES, WP_MAX_FIELDS */
#include "io/snapshot-private.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WP_HAS_ASAN 1
#endif
#endif
#ifndef WP_HAS_ASAN
#define WP_HAS_ASAN 0
#endif

/* ---- limits ---- */

/* "Refused at once" means without reading on through the rest of a huge input. The bound is a
 * guard against a reader that buffers or rescans it (seconds per pass), not a speed claim: it
 * leaves room for sanitizers and a loaded machine, where 1 s was seen to take 2.8 s. */
#define REFUSED_AT_ONCE_SECONDS (WP_HAS_ASAN ? 15.0 : 5.0)

/* Writes "HEAD" then @n bytes of @fill then "TAIL" to DIR/NAME without holding it in memory. */
static char *write_big(const char *dir, const char *name, const char *head, char fill, gsize n,
                       const char *tail)
{
    char *path = g_build_filename(dir, name, NULL);
    FILE *f = fopen(path, "wb");
    g_assert_nonnull(f);
    char block[65536];
    memset(block, fill, sizeof block);
    fputs(head, f);
    for (gsize done = 0; done < n; done += MIN(n - done, sizeof block))
        g_assert_cmpuint(fwrite(block, 1, MIN(n - done, sizeof block), f), ==,
                         MIN(n - done, sizeof block));
    fputs(tail, f);
    g_assert_cmpint(fclose(f), ==, 0);
    return path;
}

static void test_limit_long_line(void)
{
    g_autofree char *dir = temp_dir();
    /* Exactly WP_MAX_LINE_BYTES: "a,b," is 4 bytes. */
    g_autofree char *edge =
        write_big(dir, "edge.csv", "source,target,note\na,b,", 'x', WP_MAX_LINE_BYTES - 4, "\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_files(edge, NULL, WP_TIES_FORMAT_CSV, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 1);
    g_autofree char *over =
        write_big(dir, "over.csv", "source,target,note\na,b,", 'x', WP_MAX_LINE_BYTES - 3, "\r\n");
    g_autoptr(WpGraph) none = load_files(over, NULL, WP_TIES_FORMAT_CSV, 0, &error);
    g_assert_null(none);
    assert_error_at(error, WP_ERROR_LIMIT, over, 2, "line longer than 1048576 bytes");
    g_clear_error(&error);
    /* Eight megabytes on one line, no terminator: refused at once, for every reader. */
    g_autofree char *huge = write_big(dir, "huge.csv", "source,target\n", 'y', 8u << 20, "");
    for (int format = WP_TIES_FORMAT_AUTO; format <= WP_TIES_FORMAT_EDGELIST; format++) {
        gint64 start = g_get_monotonic_time();
        g_autoptr(WpGraph) h = load_files(huge, NULL, format, 0, &error);
        g_assert_null(h);
        assert_error_at(error, WP_ERROR_LIMIT, huge, 2, "line longer than");
        g_clear_error(&error);
        g_assert_cmpfloat(seconds_since(start), <, REFUSED_AT_ONCE_SECONDS);
    }
    g_autofree char *huge_people = write_big(dir, "people.csv", "id,name\n", 'y', 8u << 20, "\n");
    g_autoptr(WpGraph) as_people = load_files(edge, huge_people, WP_TIES_FORMAT_CSV, 0, &error);
    g_assert_null(as_people);
    assert_error_at(error, WP_ERROR_LIMIT, huge_people, 2, "line longer than");
    g_clear_error(&error);
    /* The in-memory reader keeps the same limit. */
    g_autofree char *text = g_strnfill(WP_MAX_LINE_BYTES + 1, 'z');
    g_autofree char *ties = g_strconcat("source,target\n", text, "\n", NULL);
    assert_data_fails(ties, NULL, 0, WP_ERROR_LIMIT, "ties", 2, "line longer than");
    remove_dir(dir);
}

/* A 50 MB quoted field spread over short lines: refused once the record passes
 * WP_MAX_RECORD_BYTES, quickly, without buffering the rest of the field. */
static void test_limit_record(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *path = g_build_filename(dir, "field.csv", NULL);
    FILE *f = fopen(path, "wb");
    g_assert_nonnull(f);
    fputs("source,target,note\na,b,\"", f);
    char line[1001];
    memset(line, 'q', sizeof line - 1);
    line[sizeof line - 1] = '\n';
    for (guint i = 0; i < 50000; i++)
        g_assert_cmpuint(fwrite(line, 1, sizeof line, f), ==, sizeof line);
    fputs("\"\n", f);
    g_assert_cmpint(fclose(f), ==, 0);
    long rss_before = max_rss_kb();
    gint64 start = g_get_monotonic_time();
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = load_files(path, NULL, WP_TIES_FORMAT_CSV, 0, &error);
    double took = seconds_since(start);
    g_assert_null(g);
    assert_error_at(error, WP_ERROR_LIMIT, path, 2, "record longer than 4194304 bytes");
    g_assert_cmpfloat(took, <, REFUSED_AT_ONCE_SECONDS);
    /* Peak memory grows by the record limit and the read buffer, not by the 50 MB field. (Not
     * under AddressSanitizer, whose quarantine keeps every freed block resident.) */
    long grown = max_rss_kb() - rss_before;
    g_test_message("peak RSS grew by %ld KiB", grown);
#if !defined(__SANITIZE_ADDRESS__) && !WP_HAS_ASAN
    g_assert_cmpint(grown, <, 32 * 1024);
#endif
    remove_dir(dir);
}

static void test_limit_fields(void)
{
    GString *header = g_string_new("source,target");
    for (guint i = 3; i <= WP_MAX_FIELDS; i++)
        g_string_append_printf(header, ",c%u", i);
    g_string_append_c(header, '\n');
    g_autoptr(WpGraph) g = load_data_ok(header->str, NULL, 0); /* exactly WP_MAX_FIELDS */
    g_assert_cmpuint(wp_graph_n_people(g), ==, 0);
    g_string_insert(header, header->len - 1, ",one_more");
    assert_data_fails(header->str, NULL, 0, WP_ERROR_LIMIT, "ties", 1, "more than 1024 fields");
    g_autofree char *commas = g_strnfill(5000, ',');
    g_autofree char *people = g_strconcat("id,name\na", commas, "\n", NULL);
    assert_data_fails("source,target\n", people, 0, WP_ERROR_LIMIT, "people", 2,
                      "more than 1024 fields");
    g_string_free(header, TRUE);
}

/* ---- the profile file ---- */

static void test_profile_hostile(void)
{
    static const struct {
        const char *text;
        guint line;
        const char *part;
    } bad[] = {
        {"[model]\nintermediary_factor=nan\n", 2, "intermediary_factor: 'nan' is not a number"},
        {"[model]\nintermediary_factor=inf\n", 2, "'inf' is not a number in (0, 1]"},
        {"[model]\nintermediary_factor=0\n", 2, "'0' is not a number in (0, 1]"},
        {"[model]\nmin_probability=-0.1\n", 2, "is not a number in [0, 1]"},
        {"[recency]\nhalf_life_days=1e999\n", 2, "half_life_days"},
        {"[model]\n# c\nmax_hops=2.5\n", 3, "max_hops: expected a whole number"},
        {"[model]\nmax_hops=65\n", 2, "'65' is not a number in [0, 16]"},
        {"[model]\nmax_hops=\n", 2, "'' is not a number"},
        {"[model]\nas_of=2023-02-29\n", 2, "as_of: expected a date"},
        {"[model]\nbase=cooked\n", 2, "expected 'default' or 'raw'"},
        {"[priors]\nClient=0.5\n", 2, "[priors] Client: unknown key"},
        {"[priors]\nclient=1.5\n", 2, "'1.5' is not a number in (0, 1]"},
        {"[model]\nmax_hops[fr]=3\n", 2, "max_hops[fr]: unknown key"},
        {"max_hops=3\n[model]\n", 1, NULL},
        {"[model\nmax_hops=3\n", 1, NULL},
        {"[model]\njust words\n", 2, NULL},
        {"[model]\n\xff=1\n", 2, "invalid UTF-8"},
        {"[model]\nbase=\xc3\x28\n", 2, "invalid UTF-8"},
        {"[model]\n[bogus]\nx=1\n", 2, "unknown group [bogus]"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpModel) m = wp_model_load_from_data(bad[i].text, "profile", &error);
        g_assert_null(m);
        assert_error_at(error, WP_ERROR_PARSE, "profile", bad[i].line, bad[i].part);
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) m =
        wp_model_load_from_data("\n# comment\n[model]\n  max_hops = 3  \n", "profile", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_model_max_hops(m), ==, 3);
    /* A NUL byte must not cut the file short in silence: line 3 holds it. */
    g_autofree char *nul = fixture("hostile-profile-nul.ini");
    g_autoptr(WpModel) none = wp_model_load_file(nul, &error);
    g_assert_null(none);
    assert_error_at(error, WP_ERROR_PARSE, nul, 3, "NUL byte");
}

/* ---- fuzzer findings ---- */

/* wp_text_fold() on bytes that are not UTF-8 (a typed --where expression ending in a truncated
 * sequence read past the string in g_utf8_normalize()): invalid bytes fold as U+FFFD. */
static void test_fold_invalid_utf8(void)
{
    g_autofree char *folded = wp_text_fold("o*\xdf"); /* '*' is punctuation: a space */
    g_assert_cmpstr(folded, ==, "o \xef\xbf\xbd");
    g_autofree char *mixed = wp_text_fold("\xc3\x89T\xe9 \xe2\x82");
    g_assert_true(g_utf8_validate(mixed, -1, NULL));
    /* É folds to e; g_utf8_make_valid() gives one U+FFFD per byte it cannot use. */
    g_assert_cmpstr(mixed, ==, "et\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd");
    const char *expression = "id~p,cp,coa\x93\x8b"
                             "atle,o*\xdf";
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = wp_where_parse(&expression, 1, &error);
    g_assert_true(where != NULL || g_error_matches(error, WP_ERROR, WP_ERROR_USAGE));
}

static void check_error_kind(const GError *error)
{
    g_assert_nonnull(error);
    g_assert_true(g_error_matches(error, WP_ERROR, WP_ERROR_PARSE) ||
                  g_error_matches(error, WP_ERROR, WP_ERROR_LIMIT));
}

/* A snapshot that loads is as consistent as a parsed graph. */
static void check_loaded_snapshot(const WpGraph *g)
{
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++) {
        const char *id = wp_graph_person_id(g, p);
        g_assert_true(id[0] != '\0' && g_utf8_validate(id, -1, NULL));
        guint n = 0;
        const WpArc *arcs = wp_graph_out_arcs(g, p, &n);
        for (guint i = 1; i < n; i++)
            g_assert_cmpuint(arcs[i - 1].head, <, arcs[i].head);
    }
    g_assert_cmpuint(wp_graph_n_ties(g), <=, wp_graph_n_tie_rows(g));
    for (WpTie t = 0; t < wp_graph_n_ties(g); t++) { /* origins as the readers make them */
        const char *origins[WP_TIE_ORIGINS_MAX];
        guint n = wp_graph_tie_origins(g, t, origins, WP_TIE_ORIGINS_MAX);
        g_assert_cmpuint(n, <=, WP_TIE_ORIGINS_MAX);
        for (guint i = 0; i < n; i++) {
            g_assert_true(origins[i][0] != '\0' && strchr(origins[i], ';') == NULL);
            g_assert_true(g_utf8_validate(origins[i], -1, NULL));
            for (guint j = 0; j < i; j++)
                g_assert_cmpstr(origins[i], !=, origins[j]);
        }
    }
}

/* Replays one input through every reader: each loads or fails with its documented error. */
static void replay(const char *path, const char *empty)
{
    const WpLoadSpec specs[] = {
        {.ties_file = path, .people_file = NULL, .ties_format = WP_TIES_FORMAT_CSV, .flags = 0},
        {.ties_file = path,
         .people_file = NULL,
         .ties_format = WP_TIES_FORMAT_EDGELIST,
         .flags = 0},
        {.ties_file = path,
         .people_file = NULL,
         .ties_format = WP_TIES_FORMAT_AUTO,
         .flags = WP_LOAD_SKIP_BAD_ROWS},
        {.ties_file = path,
         .people_file = NULL,
         .ties_format = WP_TIES_FORMAT_CSV,
         .flags = WP_LOAD_STRICT},
        {.ties_file = empty, .people_file = path, .ties_format = WP_TIES_FORMAT_CSV, .flags = 0}};
    for (guint i = 0; i < G_N_ELEMENTS(specs); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = wp_graph_load(&specs[i], &error);
        if (g == NULL)
            check_error_kind(error);
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) m = wp_model_load_file(path, &error);
    if (m == NULL)
        g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_clear_error(&error);
    g_autofree char *bytes = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(path, &bytes, &len, NULL));
    /* As a snapshot, under a valid checksum, so that the structural checks are what decide. */
    g_autofree char *scratch = g_path_get_dirname(empty);
    g_autofree char *sealed = g_build_filename(scratch, "sealed.wpsnap", NULL);
    g_autofree char *copy = g_memdup2(bytes, len);
    if (len >= 12 && memcmp(copy, "WPSNAP\0\0", 8) == 0) {
        /* Found under an older format version: the sections it breaks are read alike today. */
        guint32 today = WP_I_SNAPSHOT_VERSION;
        memcpy(copy + 8, &today, 4);
    }
    wp_i_snapshot_seal(copy, len);
    g_assert_true(g_file_set_contents(sealed, copy, (gssize)len, NULL));
    g_assert_cmpint(g_chmod(sealed, 0600), ==, 0);
    g_autoptr(WpGraph) snap = wp_i_snapshot_load(sealed, NULL, NULL, &error);
    if (snap != NULL)
        check_loaded_snapshot(snap);
    else
        g_assert_nonnull(error);
    g_clear_error(&error);
    g_remove(sealed);
    g_autofree char *folded = wp_text_fold(bytes);
    g_assert_true(g_utf8_validate(folded, -1, NULL));
    if (strchr(bytes, '/') == NULL && strchr(bytes, '\\') == NULL) { /* no file lists */
        g_auto(GStrv) lines = g_strsplit(bytes, "\n", 16);
        g_autoptr(WpWhere) where =
            wp_where_parse((const char *const *)lines, g_strv_length(lines), &error);
        if (where == NULL)
            g_assert_nonnull(error);
        g_clear_error(&error);
        /* What matched no one is said in valid UTF-8, whatever the bytes typed. */
        g_autoptr(WpGraph) small = wp_graph_load_from_data(
            "source,target\np1,p2\n", "id,a,b,company\np1,x,y,Acme\np2,z,w,Globex\n", 0, NULL);
        if (where != NULL && wp_where_check(where, small, NULL)) {
            g_autoptr(GPtrArray) said = wp_where_explain(where, small, TRUE);
            for (guint i = 0; i < said->len; i++)
                g_assert_true(g_utf8_validate(said->pdata[i], -1, NULL));
        }
    }
}

/* Every tests/data/hostile-regress-* file (an input that once broke a fuzzer) goes through
 * every reader: CSV and edge lists, the profile, the snapshot, name folding, --where. */
static void test_regressions(void)
{
    g_autofree char *dir = g_test_build_filename(G_TEST_DIST, "data", NULL);
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    g_autofree char *empty = fixture("hostile-header-only.csv");
    guint n = 0;
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        if (!g_str_has_prefix(name, "hostile-regress-"))
            continue;
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_test_message("replaying %s", name);
        replay(path, empty);
        n++;
    }
    g_test_message("%u regression inputs", n);
    g_assert_cmpuint(n, >, 0);
}

/* A message quotes at most WP_TEXT_EXCERPT_BYTES of any value: a 900 KB field (under the 1 MiB
 * line limit) gives one short line, in errors and in kept warning examples alike. */
static void assert_short(const char *message)
{
    g_assert_cmpuint(strlen(message), <, 300);
    g_assert_nonnull(strstr(message, "\u2026'"));
    g_assert_true(g_utf8_validate(message, -1, NULL));
}

static void test_long_values_quoted_short(void)
{
    g_autofree char *huge = g_strnfill(900 * 1024, '7');
    g_autoptr(GError) error = NULL;
    /* An error: a strength that is no number. */
    g_autofree char *ties = g_strdup_printf("source,target,strength\na,b,0.%s.5\n", huge);
    g_autoptr(WpGraph) none = wp_graph_load_from_data(ties, NULL, 0, &error);
    g_assert_null(none);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    assert_short(error->message);
    g_clear_error(&error);
    /* A duplicate 900 KB id in the people file. */
    g_autofree char *people = g_strdup_printf("id,name\nx%s,A\nx%s,B\n", huge, huge);
    g_autoptr(WpGraph) dup = wp_graph_load_from_data("source,target\na,b\n", people, 0, &error);
    g_assert_null(dup);
    assert_short(error->message);
    g_clear_error(&error);
    /* Warnings keep their examples short: an unknown type, a company size, an unlisted id. */
    g_autofree char *typed =
        g_strdup_printf("source,target,type\na,b,t%s\nc,u%s,client\n", huge, huge);
    g_autofree char *sized = g_strdup_printf("id,company_size\na,s%s\nb,1\nc,2\n", huge);
    g_autoptr(WpGraph) warned = wp_graph_load_from_data(typed, sized, 0, &error);
    g_assert_no_error(error);
    const WpWarningKind kinds[] = {WP_WARNING_UNKNOWN_TIE_TYPE, WP_WARNING_BAD_ATTRIBUTE,
                                   WP_WARNING_UNLISTED_PERSON};
    for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
        const GPtrArray *examples = wp_graph_warning_examples(warned, kinds[k]);
        g_assert_cmpuint(examples->len, ==, 1);
        assert_short(examples->pdata[0]);
    }
    /* A plain edge list's strength field. */
    g_autofree char *dir = g_dir_make_tmp("wp-long-XXXXXX", NULL);
    g_autofree char *list = g_build_filename(dir, "ties.txt", NULL);
    g_autofree char *text = g_strdup_printf("a b 0.%s.5\n", huge);
    g_assert_true(g_file_set_contents(list, text, -1, NULL));
    WpLoadSpec spec = {.ties_file = list, .ties_format = WP_TIES_FORMAT_EDGELIST};
    g_autoptr(WpGraph) listed = wp_graph_load(&spec, &error);
    g_assert_null(listed);
    assert_short(error->message);
    g_remove(list);
    g_rmdir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hostile/limits/record", test_limit_record); /* first: it watches RSS */
    g_test_add_func("/hostile/limits/long-line", test_limit_long_line);
    g_test_add_func("/hostile/limits/fields", test_limit_fields);
    g_test_add_func("/hostile/profile", test_profile_hostile);
    g_test_add_func("/hostile/text/fold-invalid-utf8", test_fold_invalid_utf8);
    g_test_add_func("/hostile/regressions", test_regressions);
    g_test_add_func("/hostile/long-values-quoted-short", test_long_values_quoted_short);
    return g_test_run();
}
