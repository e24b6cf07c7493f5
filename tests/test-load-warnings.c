/* SPDX-License-Identifier: MIT */
/* Warning examples: every reader keeps the first WP_WARNING_EXAMPLES messages of each kind,
 * duplicate ties included, with the lines an independent reading of the same text gives; and
 * they survive a compiled network. */
#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <string.h>

#include "io/io-private.h"

/* ---- a generated ties file, and what it must yield, worked out while writing it ---- */

typedef struct {
    GString *text;
    guint line;          /* of the last line written */
    GHashTable *first;   /* "lo\nhi" -> line of the pair's first row (GUINT_TO_POINTER) */
    GPtrArray *expected; /* the duplicate-tie messages, in file order, all of them */
    const char *origin;
    char separator;
} Writer;

static void writer_init(Writer *w, const char *header, const char *origin, char separator)
{
    w->text = g_string_new(header);
    w->line = header[0] ? 1 : 0;
    w->first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    w->expected = g_ptr_array_new_with_free_func(g_free);
    w->origin = origin;
    w->separator = separator;
}

static void writer_clear(Writer *w)
{
    g_string_free(w->text, TRUE);
    g_hash_table_unref(w->first);
    g_ptr_array_unref(w->expected);
}

/* A tie row a,b; the pair is unordered. */
static void write_row(Writer *w, const char *a, const char *b)
{
    w->line++;
    g_string_append_printf(w->text, "%s%c%s\n", a, w->separator, b);
    if (strcmp(a, b) == 0)
        return;
    g_autofree char *key = strcmp(a, b) < 0 ? g_strconcat(a, "\n", b, NULL)
                                            : g_strconcat(b, "\n", a, NULL);
    gpointer first = g_hash_table_lookup(w->first, key);
    if (first == NULL) {
        g_hash_table_insert(w->first, g_steal_pointer(&key), GUINT_TO_POINTER(w->line));
        return;
    }
    g_ptr_array_add(w->expected,
                    g_strdup_printf("%s:%u: the pair '%s', '%s' is tied again (first on line %u); "
                                    "merged into one tie",
                                    w->origin, w->line, a, b, GPOINTER_TO_UINT(first)));
}

static void write_line(Writer *w, const char *text)
{
    w->line++;
    g_string_append_printf(w->text, "%s\n", text);
}

/* About @n rows over @n_people people, with self-loops, blank lines and rows of empty fields
 * between them. With @late_repeats, the first nine tenths name a new pair each and the last tenth
 * repeats some of them (in either direction): the examples are far from the start. */
static void write_random(Writer *w, GRand *rand, guint n, guint n_people, gboolean late_repeats)
{
    guint early = n * 9 / 10;
    for (guint i = 0; i < n; i++) {
        guint kind = (guint)g_rand_int_range(rand, 0, 40);
        if (kind == 0) {
            write_line(w, "");
            continue;
        }
        if (kind == 1) {
            write_line(w, w->separator == ',' ? ",," : ",,,");
            continue;
        }
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;
        if (late_repeats) {
            guint j = i < early ? i : (guint)g_rand_int_range(rand, 0, (gint32)early);
            a = g_strdup_printf("p%u", j % n_people);
            b = g_strdup_printf("q%u", j);
        } else {
            guint x = (guint)g_rand_int_range(rand, 0, (gint32)n_people);
            guint y = kind == 2 ? x : (guint)g_rand_int_range(rand, 0, (gint32)n_people);
            a = g_strdup_printf("p%u", x);
            b = g_strdup_printf("p%u", y);
        }
        if (g_rand_boolean(rand))
            write_row(w, a, b);
        else
            write_row(w, b, a);
    }
}

/* ---- checking a load ---- */

static void assert_examples(const WpGraph *g, const Writer *w)
{
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_DUPLICATE_TIE), ==, w->expected->len);
    const GPtrArray *got = wp_graph_warning_examples(g, WP_WARNING_DUPLICATE_TIE);
    g_assert_cmpuint(got->len, ==, MIN(w->expected->len, WP_WARNING_EXAMPLES));
    for (guint i = 0; i < got->len; i++)
        g_assert_cmpstr(got->pdata[i], ==, w->expected->pdata[i]);
}

/* Written and dated an hour back: a file written within the clock tick in which a load begins
 * is not compiled into the cache (wp_graph_load_cached()), and check_csv() expects a cache hit. */
static char *write_file(const char *dir, const char *name, const GString *text)
{
    char *path = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(path, text->str, (gssize)text->len, NULL));
    g_autoptr(GFile) file = g_file_new_for_path(path);
    guint64 hour_ago = (guint64)(g_get_real_time() / G_USEC_PER_SEC - 3600);
    g_assert_true(g_file_set_attribute_uint64(file, G_FILE_ATTRIBUTE_TIME_MODIFIED, hour_ago,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
    return path;
}

/* The same file through the line reader, the chunked reader (small chunks: many threads and
 * boundaries), and a compiled network made and read back. */
static void check_csv(const Writer *w, const char *dir)
{
    g_autofree char *path = write_file(dir, "ties.csv", w->text);
    WpLoadSpec spec = {
        .ties_file = path, .people_file = NULL, .ties_format = WP_TIES_FORMAT_CSV, .flags = 0};
    const WpTiesReadOptions line_reader = {TRUE, 0, 0, 0}, chunked = {FALSE, 1, 97, 0};
    const WpTiesReadOptions *options[] = {&line_reader, &chunked, &WP_TIES_READ_DEFAULTS};
    for (guint i = 0; i < G_N_ELEMENTS(options); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = wp_i_graph_load_with(&spec, options[i], &error);
        g_assert_no_error(error);
        assert_examples(g, w);
    }
    g_autofree char *cache = g_build_filename(dir, "cache", NULL);
    for (guint round = 0; round < 2; round++) {
        gboolean from_cache = FALSE;
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = wp_graph_load_cached(&spec, cache, 0, &from_cache, &error);
        g_assert_no_error(error);
        g_assert_cmpint(from_cache, ==, round == 1);
        assert_examples(g, w);
    }
    g_autoptr(GDir) entries = g_dir_open(cache, 0, NULL);
    for (const char *name; entries && (name = g_dir_read_name(entries)) != NULL;) {
        g_autofree char *file = g_build_filename(cache, name, NULL);
        g_remove(file);
    }
    g_rmdir(cache);
    g_remove(path);
}

static void test_duplicates_csv(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(1315);
    g_autofree char *dir = g_dir_make_tmp("wp-test-warnings-XXXXXX", NULL);
    g_autofree char *origin = g_build_filename(dir, "ties.csv", NULL);
    const struct {
        guint rows, people;
        gboolean late;
    } shapes[] = {{0, 4, FALSE}, {12, 5, FALSE}, {300, 40, FALSE}, {5000, 900, FALSE},
                  {4000, 50, TRUE}};
    for (guint i = 0; i < G_N_ELEMENTS(shapes); i++) {
        Writer w;
        writer_init(&w, "source,target\n", origin, ',');
        write_random(&w, rand, shapes[i].rows, shapes[i].people, shapes[i].late);
        check_csv(&w, dir);
        writer_clear(&w);
    }
    g_rmdir(dir);
}

/* Quoted line breaks shift the lines of the rows after them (the line reader only). */
static void test_duplicates_multiline(void)
{
    Writer w;
    writer_init(&w, "source,target,note\n", "ties", ',');
    g_string_append(w.text, "a,b,\"two\nlines\"\n"); /* lines 2-3 */
    for (guint line = 4; line <= 6; line++) {
        g_string_append(w.text, "b,a,\n");
        g_ptr_array_add(w.expected, g_strdup_printf("ties:%u: the pair 'b', 'a' is tied again "
                                                    "(first on line 2); merged into one tie",
                                                    line));
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(w.text->str, NULL, 0, &error);
    g_assert_no_error(error);
    assert_examples(g, &w);
    writer_clear(&w);
}

/* Edge lists: comments and blank lines between rows. */
static void test_duplicates_edgelist(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(1316);
    g_autofree char *dir = g_dir_make_tmp("wp-test-warnings-XXXXXX", NULL);
    g_autofree char *origin = g_build_filename(dir, "ties.txt", NULL);
    Writer w;
    writer_init(&w, "# a comment\n", origin, '\t');
    write_random(&w, rand, 2000, 120, FALSE);
    write_line(&w, "% another");
    write_random(&w, rand, 200, 120, FALSE);
    g_autofree char *path = write_file(dir, "ties.txt", w.text);
    WpLoadSpec spec = {
        .ties_file = path, .people_file = NULL, .ties_format = WP_TIES_FORMAT_AUTO, .flags = 0};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    assert_examples(g, &w);
    writer_clear(&w);
    g_remove(path);
    g_rmdir(dir);
}

/* Under --strict the first repeat fails the load, naming its line, as before. */
static void test_duplicates_strict(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g =
        wp_graph_load_from_data("source,target\na,b\nc,d\n\nb,a\n", NULL, WP_LOAD_STRICT, &error);
    g_assert_null(g);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_true(g_str_has_prefix(error->message, "ties:4: ")); /* the blank line fails first */
}

/* The one-line summary counts each kind that occurred, in the kinds' order. */
static void test_summary(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) clean =
        wp_graph_load_from_data("source,target\na,b\n", "id\na\nb\n", 0, &error);
    g_assert_no_error(error);
    g_assert_null(wp_graph_warning_summary(clean));
    g_autoptr(WpGraph) g = wp_graph_load_from_data(
        "source,target,type\na,b,pal\nb,a,\n\nc,c,\nd,e,\ne,d,\nd,e,\n", "id\na\nb\n", 0, &error);
    g_assert_no_error(error);
    g_autofree char *summary = wp_graph_warning_summary(g);
    g_assert_cmpstr(summary, ==,
                    "1 self-loop, 3 duplicate-tie, 2 unlisted-person, 1 unknown-tie-type, "
                    "1 blank-row");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/load/warnings/duplicates-csv", test_duplicates_csv);
    g_test_add_func("/load/warnings/duplicates-multiline", test_duplicates_multiline);
    g_test_add_func("/load/warnings/duplicates-edgelist", test_duplicates_edgelist);
    g_test_add_func("/load/warnings/duplicates-strict", test_duplicates_strict);
    g_test_add_func("/load/warnings/summary", test_summary);
    return g_test_run();
}
