/* SPDX-License-Identifier: MIT */
/* Loading at a size where batching, index growth and id prefixes matter, checked against a
 * plain GHashTable computation of the same file. */
#include "core/graph-private.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

/* Ids of three shapes: short ("p12"), exactly 8 bytes, and long ones sharing their first 8+
 * bytes ("account-person-000123"), so the index's in-slot prefix cannot tell them apart. */
static char *make_id(GRand *rand, guint n_ids)
{
    guint n = (guint)g_rand_int_range(rand, 0, (gint32)n_ids);
    switch (n % 3) {
    case 0:
        return g_strdup_printf("p%u", n);
    case 1:
        return g_strdup_printf("q%07u", n);
    default:
        return g_strdup_printf("account-person-%06u", n);
    }
}

static char *pair_key(const char *a, const char *b)
{
    return strcmp(a, b) < 0 ? g_strconcat(a, "\t", b, NULL) : g_strconcat(b, "\t", a, NULL);
}

/* @n_ids: how many ids rows draw from; past 4096 people the merge and the arc layout work in
 * several blocks and ranges. Every 7th row repeats an earlier pair, the other way round. */
static void check_load(gboolean edgelist, guint n_ids)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(edgelist ? 11 : 12 + n_ids);
    g_autoptr(GPtrArray) earlier = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GString) text = g_string_new(edgelist ? "# comment\n" : "source,target,strength\n");
    g_autoptr(GHashTable) people = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GHashTable) best = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    guint rows = 20000, loops = 0;
    for (guint i = 0; i < rows; i++) {
        g_autofree char *a = make_id(rand, n_ids);
        g_autofree char *b = i % 997 == 0 ? g_strdup(a) : make_id(rand, n_ids);
        if (i % 7 == 6 && earlier->len > 0) {
            guint k = (guint)g_rand_int_range(rand, 0, (gint32)earlier->len / 2) * 2;
            g_free(a);
            g_free(b);
            a = g_strdup(earlier->pdata[k + 1]);
            b = g_strdup(earlier->pdata[k]);
        }
        g_ptr_array_add(earlier, g_strdup(a));
        g_ptr_array_add(earlier, g_strdup(b));
        double s = g_rand_int_range(rand, 1, 1001) / 1000.0;
        g_string_append_printf(text, edgelist ? "%s %s %.3f\n" : "%s,%s,%.3f\n", a, b, s);
        if (strcmp(a, b) == 0) {
            loops++;
            continue;
        }
        g_hash_table_add(people, g_strdup(a));
        g_hash_table_add(people, g_strdup(b));
        char *key = pair_key(a, b);
        double *old = g_hash_table_lookup(best, key);
        if (old == NULL || *old < s) {
            double *v = g_new(double, 1);
            *v = s;
            g_hash_table_insert(best, key, v);
        } else {
            g_free(key);
        }
    }
    g_autofree char *dir = g_dir_make_tmp("wp-scale-XXXXXX", NULL);
    g_autofree char *file = g_build_filename(dir, edgelist ? "ties.txt" : "ties.csv", NULL);
    g_assert_true(g_file_set_contents(file, text->str, (gssize)text->len, NULL));
    WpLoadSpec spec = {.ties_file = file};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, g_hash_table_size(people));
    g_assert_cmpuint(wp_graph_n_ties(g), ==, g_hash_table_size(best));
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, rows);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SELF_LOOP), ==, loops);
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++) {
        const char *id = wp_graph_person_id(g, p);
        g_assert_true(g_hash_table_contains(people, id));
        g_assert_cmpuint(wp_graph_find_id(g, id), ==, p);
    }
    for (WpTie t = 0; t < wp_graph_n_ties(g); t++) {
        WpTieInfo info;
        wp_graph_tie_info(g, t, &info);
        g_autofree char *key =
            pair_key(wp_graph_person_id(g, info.source), wp_graph_person_id(g, info.target));
        double *expect = g_hash_table_lookup(best, key);
        g_assert_nonnull(expect);
        g_assert_cmpfloat(info.declared, ==, *expect);
        g_assert_true(wp_graph_find_tie(g, info.target, info.source, NULL));
    }
    g_assert_cmpuint(wp_graph_find_id(g, "account-person-99999"), ==, WP_PERSON_NONE);
    g_assert_cmpuint(wp_graph_find_id(g, "account-"), ==, WP_PERSON_NONE);
    g_remove(file);
    g_rmdir(dir);
}

static void test_csv(void)
{
    check_load(FALSE, 3000);
}

static void test_csv_many_people(void)
{
    check_load(FALSE, 15000);
}

static void test_edgelist(void)
{
    check_load(TRUE, 3000);
}

/* Under --strict the error names the earliest repeated row even when the pair's low endpoint
 * has more rows than a small sort handles and its rows are spread over the file. */
static void test_strict_hub(void)
{
    g_autoptr(GString) text = g_string_new("source,target\n");
    for (guint i = 0; i < 200; i++) /* line i + 2: hub's ties, "a..." ids sort before it */
        g_string_append_printf(text, "hub,z%03u\n", 199 - i);
    g_string_append(text, "z150,hub\n"); /* line 202: the first repeat */
    g_string_append(text, "hub,z010\n"); /* line 203 */
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) lax = wp_graph_load_from_data(text->str, NULL, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_ties(lax), ==, 200);
    g_assert_cmpuint(wp_graph_warning_count(lax, WP_WARNING_DUPLICATE_TIE), ==, 2);
    WpTie t;
    g_assert_true(
        wp_graph_find_tie(lax, wp_graph_find_id(lax, "z150"), wp_graph_find_id(lax, "hub"), &t));
    WpTieInfo info;
    wp_graph_tie_info(lax, t, &info);
    g_assert_cmpuint(info.rows, ==, 2);
    g_assert_cmpstr(wp_graph_person_id(lax, info.source), ==, "hub"); /* the first row's way */
    g_autoptr(WpGraph) strict = wp_graph_load_from_data(text->str, NULL, WP_LOAD_STRICT, &error);
    g_assert_null(strict);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "ties:202: "));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/scale/csv", test_csv);
    g_test_add_func("/scale/csv-many-people", test_csv_many_people);
    g_test_add_func("/scale/edgelist", test_edgelist);
    g_test_add_func("/scale/strict-hub", test_strict_hub);
    return g_test_run();
}
