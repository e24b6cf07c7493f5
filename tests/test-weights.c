/* SPDX-License-Identifier: MIT */
/* Weights and ratings: --weight-column and --weight-scale turn counts and signed ratings into
 * strengths (hand-worked small cases, every reader), distrust and zero are what the README says,
 * an unread numeric column is warned about, and the real public datasets of ../shared/datasets
 * load with the strengths an independent reading of their files gives. */
#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "io/io-private.h"


/* Dated an hour back: a file written within the clock tick in which a load begins is not
 * compiled into the cache (wp_graph_load_cached()), and these tests expect a cache hit. */
static void age_file(const char *path)
{
    g_autoptr(GFile) file = g_file_new_for_path(path);
    guint64 hour_ago = (guint64)(g_get_real_time() / G_USEC_PER_SEC - 3600);
    g_assert_true(g_file_set_attribute_uint64(file, G_FILE_ATTRIBUTE_TIME_MODIFIED, hour_ago,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}
static const WpTiesReadOptions line_reader = {TRUE, 0, 0, 0};
static const WpTiesReadOptions chunked = {FALSE, 1, 13, 0}; /* tiny chunks: many threads */

/* Loads @ties from memory with @spec's options through both CSV readers; they must agree on
 * every tie's declared strength and every warning. */
static WpGraph *load_spec(const char *ties, const char *people, const WpLoadSpec *spec,
                          GError **error)
{
    g_autoptr(GError) fast_error = NULL;
    g_autoptr(WpGraph) fast =
        wp_i_graph_load_from_data_spec(ties, people, spec, &chunked, &fast_error);
    WpGraph *g = wp_i_graph_load_from_data_spec(ties, people, spec, &line_reader, error);
    g_assert_true((g == NULL) == (fast == NULL));
    if (g == NULL) {
        g_assert_cmpstr(fast_error->message, ==, (*error)->message);
        return NULL;
    }
    g_assert_cmpuint(wp_graph_n_ties(g), ==, wp_graph_n_ties(fast));
    g_assert_cmpuint(wp_graph_n_people(g), ==, wp_graph_n_people(fast));
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, wp_graph_n_tie_rows(fast));
    for (WpTie t = 0; t < wp_graph_n_ties(g); t++) {
        WpTieInfo a, b;
        wp_graph_tie_info(g, t, &a);
        wp_graph_tie_info(fast, t, &b);
        g_assert_cmpuint(a.source, ==, b.source);
        g_assert_true(a.declared == b.declared || (isnan(a.declared) && isnan(b.declared)));
    }
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++) {
        g_assert_cmpuint(wp_graph_warning_count(g, k), ==, wp_graph_warning_count(fast, k));
        const GPtrArray *x = wp_graph_warning_examples(g, k), *y = wp_graph_warning_examples(fast, k);
        g_assert_cmpuint(x->len, ==, y->len);
        for (guint i = 0; i < x->len; i++)
            g_assert_cmpstr(x->pdata[i], ==, y->pdata[i]);
    }
    return g;
}

static WpGraph *load_ok(const char *ties, const WpLoadSpec *spec)
{
    g_autoptr(GError) error = NULL;
    WpGraph *g = load_spec(ties, NULL, spec, &error);
    g_assert_no_error(error);
    return g;
}

/* The declared strength of the tie between @a and @b, or -1 when there is none. */
static double declared(const WpGraph *g, const char *a, const char *b)
{
    WpPerson pa = wp_graph_find_id(g, a), pb = wp_graph_find_id(g, b);
    g_assert_cmpuint(pa, !=, WP_PERSON_NONE);
    g_assert_cmpuint(pb, !=, WP_PERSON_NONE);
    WpTie t;
    if (!wp_graph_find_tie(g, pa, pb, &t))
        return -1;
    WpTieInfo info;
    wp_graph_tie_info(g, t, &info);
    return info.declared;
}

static const char *example(const WpGraph *g, WpWarningKind kind, guint i)
{
    const GPtrArray *examples = wp_graph_warning_examples(g, kind);
    g_assert_cmpuint(i, <, examples->len);
    return examples->pdata[i];
}

/* ---- the scales, worked by hand ---- */

static void test_parse_scale(void)
{
    const struct {
        const char *text;
        WpWeightScale scale;
        double lo, hi;
    } good[] = {{"strength", WP_WEIGHT_STRENGTH, 0, 0}, {"MAX", WP_WEIGHT_MAX, 0, 0},
                {"log", WP_WEIGHT_LOG, 0, 0},           {"0:5", WP_WEIGHT_RANGE, 0, 5},
                {"-10:10", WP_WEIGHT_RANGE, -10, 10},   {"1.5:2.25", WP_WEIGHT_RANGE, 1.5, 2.25}};
    for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
        WpWeightScale scale;
        double lo = NAN, hi = NAN;
        g_autoptr(GError) error = NULL;
        g_assert_true(wp_weight_scale_parse(good[i].text, &scale, &lo, &hi, &error));
        g_assert_no_error(error);
        g_assert_cmpint(scale, ==, good[i].scale);
        g_assert_cmpfloat(lo, ==, good[i].lo);
        g_assert_cmpfloat(hi, ==, good[i].hi);
    }
    const char *const bad[] = {"", "mean", "5", "5:", ":5", "5:1", "3:3", "-5:0", "-5:-1",
                               "0:inf", "nan:1", "0x0:1", "0:5:7", " 0:5", "0:1e999"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        WpWeightScale scale;
        double lo, hi;
        g_autoptr(GError) error = NULL;
        g_assert_false(wp_weight_scale_parse(bad[i], &scale, &lo, &hi, &error));
        g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
        g_assert_nonnull(strstr(error->message, "--weight-scale"));
    }
}

/* max: each pair keeps its largest value, divided by the largest of the file (4). */
static void test_scale_max(void)
{
    WpLoadSpec spec = {.weight_column = "Weight", .weight_scale = WP_WEIGHT_MAX};
    g_autoptr(WpGraph) g = load_ok("source,target,weight\na,b,2\nb,c,4\nc,d,1\nb,a,3\nd,e,\n",
                                   &spec);
    g_assert_cmpfloat(declared(g, "a", "b"), ==, 0.75);
    g_assert_cmpfloat(declared(g, "b", "c"), ==, 1.0);
    g_assert_cmpfloat(declared(g, "c", "d"), ==, 0.25);
    g_assert_true(isnan(declared(g, "d", "e"))); /* empty: the model's prior, as ever */
}

/* log: ln(1 + v) / ln(1 + 7). */
static void test_scale_log(void)
{
    WpLoadSpec spec = {.weight_column = "3", .weight_scale = WP_WEIGHT_LOG};
    g_autoptr(WpGraph) g = load_ok("source,target,count\na,b,1\nb,c,7\nc,d,3\n", &spec);
    g_assert_cmpfloat_with_epsilon(declared(g, "a", "b"), log(2) / log(8), 1e-15);
    g_assert_cmpfloat(declared(g, "b", "c"), ==, 1.0);
    g_assert_cmpfloat_with_epsilon(declared(g, "c", "d"), 2.0 / 3.0, 1e-15); /* ln 4 / ln 8 */
}

/* LO:HI: (v - LO) / (HI - LO); below zero distrust, zero no tie, out of range a bad value. */
static void test_scale_range(void)
{
    WpLoadSpec stars = {.weight_column = "stars", .weight_scale = WP_WEIGHT_RANGE, .weight_hi = 5};
    g_autoptr(WpGraph) g = load_ok("source,target,stars\na,b,1\nb,c,5\nc,d,2.5\n", &stars);
    g_assert_cmpfloat(declared(g, "a", "b"), ==, 0.2);
    g_assert_cmpfloat(declared(g, "b", "c"), ==, 1.0);
    g_assert_cmpfloat(declared(g, "c", "d"), ==, 0.5);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) bad = load_spec("source,target,stars\na,b,1\nb,c,6\n", NULL, &stars, &error);
    g_assert_null(bad);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_cmpstr(error->message, ==,
                    "ties:3: field 'stars': '6' is not a number in [0, 5] (--weight-scale)");
    /* Ratings from -10 to 10: +1 is a weak tie, +10 the strongest. */
    WpLoadSpec signed_ = {.weight_column = "rating",
                          .weight_scale = WP_WEIGHT_RANGE,
                          .weight_lo = -10,
                          .weight_hi = 10};
    g_autoptr(WpGraph) r = load_ok("source,target,rating\na,b,1\nb,c,10\nc,d,-10\n", &signed_);
    g_assert_cmpfloat(declared(r, "a", "b"), ==, 0.55);
    g_assert_cmpfloat(declared(r, "b", "c"), ==, 1.0);
    g_assert_cmpfloat(declared(r, "c", "d"), ==, -1); /* distrust: no tie */
    /* A range above zero: its low end is no tie. */
    WpLoadSpec high = {.weight_column = "score",
                       .weight_scale = WP_WEIGHT_RANGE,
                       .weight_lo = 2,
                       .weight_hi = 6};
    g_autoptr(WpGraph) h = load_ok("source,target,score\na,b,2\nb,c,3\n", &high);
    g_assert_cmpfloat(declared(h, "a", "b"), ==, -1);
    g_assert_cmpfloat(declared(h, "b", "c"), ==, 0.25);
    g_assert_cmpuint(wp_graph_warning_count(h, WP_WARNING_ZERO_WEIGHT), ==, 1);
}

/* Distrust wins over the pair's other rows; the people stay; each row is counted and named. */
static void test_distrust(void)
{
    WpLoadSpec spec = {.weight_column = "rating",
                       .weight_scale = WP_WEIGHT_RANGE,
                       .weight_lo = -10,
                       .weight_hi = 10};
    const char *ties = "source,target,rating\na,b,8\nb,c,4\nb,a,-2\nc,d,-1\nd,c,-3\nd,e,6\n";
    g_autoptr(WpGraph) g = load_ok(ties, &spec);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 5);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 2); /* b-c and d-e */
    g_assert_cmpfloat(declared(g, "a", "b"), ==, -1);
    g_assert_cmpfloat(declared(g, "c", "d"), ==, -1);
    g_assert_cmpfloat(declared(g, "b", "c"), ==, 0.7);
    g_assert_cmpfloat(declared(g, "d", "e"), ==, 0.8);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 6);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_DISTRUST), ==, 3);
    g_assert_cmpstr(example(g, WP_WARNING_DISTRUST, 0), ==,
                    "ties:4: weight '-2' is below zero (distrust): the tie between 'b' and 'a' is "
                    "kept out of the search");
    g_assert_cmpstr(example(g, WP_WARNING_DISTRUST, 2), ==,
                    "ties:6: weight '-3' is below zero (distrust): the tie between 'd' and 'c' is "
                    "kept out of the search");
    /* A path must go around a distrusted pair: a-b is no tie, so a is alone. */
    guint n_arcs = 9;
    wp_graph_out_arcs(g, wp_graph_find_id(g, "a"), &n_arcs);
    g_assert_cmpuint(n_arcs, ==, 0);
    /* Not a fault of the data: --strict loads it too. */
    spec.flags = WP_LOAD_STRICT;
    g_autoptr(WpGraph) strict = load_ok("source,target,rating\na,b,8\nb,c,-4\n", &spec);
    g_assert_cmpuint(wp_graph_n_ties(strict), ==, 1);
}

/* Zero: no tie; the row's people are still read, in the order they came. */
static void test_zero(void)
{
    WpLoadSpec spec = {.weight_column = "weight", .weight_scale = WP_WEIGHT_MAX};
    g_autoptr(WpGraph) g =
        load_ok("source,target,weight\na,b,2\nx,y,0\nb,c,0\nc,a,4\nb,c,1\n", &spec);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 5);
    g_assert_cmpstr(wp_graph_person_id(g, 2), ==, "x");
    g_assert_cmpstr(wp_graph_person_id(g, 3), ==, "y");
    g_assert_cmpfloat(declared(g, "x", "y"), ==, -1);
    g_assert_cmpfloat(declared(g, "b", "c"), ==, 0.25); /* the other row of the pair */
    g_assert_cmpfloat(declared(g, "a", "c"), ==, 1.0);
    g_assert_cmpuint(wp_graph_n_tie_rows(g), ==, 5);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_ZERO_WEIGHT), ==, 2);
    g_assert_cmpstr(example(g, WP_WARNING_ZERO_WEIGHT, 0), ==,
                    "ties:3: weight '0' means no tie: the row between 'x' and 'y' adds none");
    /* With a people file, an unknown id in a zero row is still an unlisted person. */
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) listed = load_spec("source,target,weight\na,b,0\n", "id\na\n", &spec, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_warning_count(listed, WP_WARNING_UNLISTED_PERSON), ==, 1);
}

static void test_weight_column(void)
{
    g_autoptr(GError) error = NULL;
    WpLoadSpec missing = {.weight_column = "trust", .weight_scale = WP_WEIGHT_MAX};
    g_autoptr(WpGraph) g = load_spec("source,target,weight\na,b,1\n", NULL, &missing, &error);
    g_assert_null(g);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_cmpstr(error->message, ==,
                    "ties:1: header: no column 'trust' to read weights from (--weight-column); "
                    "the columns are source, target, weight");
    g_clear_error(&error);
    WpLoadSpec other = {.weight_column = "2", .weight_scale = WP_WEIGHT_MAX};
    g_autoptr(WpGraph) g2 = load_spec("source,target,weight\na,b,1\n", NULL, &other, &error);
    g_assert_null(g2);
    g_assert_cmpstr(error->message, ==,
                    "ties:1: header: --weight-column '2' is the 'target' column");
    /* Under the default scale a weight column must hold strengths; the message says what to do. */
    g_clear_error(&error);
    WpLoadSpec plain = {.weight_column = "weight"};
    g_autoptr(WpGraph) g3 = load_spec("source,target,weight\na,b,4\n", NULL, &plain, &error);
    g_assert_null(g3);
    g_assert_cmpstr(error->message, ==,
                    "ties:2: field 'weight': '4' is not a number in (0, 1] (weights and ratings "
                    "on another scale need --weight-scale)");
}

/* A numeric column nobody reads is warned about, once, at the header's line; ids, times, flags
 * and text are not. Under --strict it is an error. */
static void test_unused_column(void)
{
    WpLoadSpec spec = {0};
    g_autoptr(WpGraph) g =
        load_ok("source,target,weight,user_id,timestamp,reciprocated,relation\n"
                "a,b,4,17,1289241912,1,advice\nb,c,1.5,3,1289241913,0,friendship\nc,d,,9,5,1,x\n",
                &spec);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_UNUSED_COLUMN), ==, 1);
    g_assert_cmpstr(example(g, WP_WARNING_UNUSED_COLUMN, 0), ==,
                    "ties:1: column 'weight' looks numeric but is not used (no tie declares a "
                    "strength); to read it, pass --weight-column weight --weight-scale "
                    "max|log|LO:HI");
    const char *const quiet[] = {
        "source,target,strength,weight\na,b,0.5,4\n", /* strengths are read */
        "source,target,weight\na,b,4\nb,c,heavy\n",   /* not all numbers */
        "source,target,flag\na,b,1\nb,c,0\n",         /* a flag */
        "source,target,weight\n",                     /* no rows */
    };
    for (guint i = 0; i < G_N_ELEMENTS(quiet); i++) {
        g_autoptr(WpGraph) q = load_ok(quiet[i], &spec);
        g_assert_cmpuint(wp_graph_warning_count(q, WP_WARNING_UNUSED_COLUMN), ==, 0);
    }
    /* Only the first WP_SNIFF_ROWS rows are looked at, by both readers alike. */
    GString *late = g_string_new("source,target,weight\n");
    for (guint i = 0; i < WP_SNIFF_ROWS; i++)
        g_string_append_printf(late, "a%u,b%u,%u\n", i, i, i % 2);
    g_string_append(late, "x,y,7\n");
    g_autoptr(WpGraph) l = load_ok(late->str, &spec);
    g_assert_cmpuint(wp_graph_warning_count(l, WP_WARNING_UNUSED_COLUMN), ==, 0);
    g_string_free(late, TRUE);
    spec.flags = WP_LOAD_STRICT;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) strict =
        wp_i_graph_load_from_data_spec("source,target,weight\na,b,4\n", NULL, &spec,
                                       &line_reader, &error);
    g_assert_null(strict);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_true(g_str_has_prefix(error->message, "ties:1: column 'weight'"));
}

/* An edge list names its weight field by number. */
static void test_edgelist_field(void)
{
    g_autofree char *dir = g_dir_make_tmp("wp-test-weights-XXXXXX", NULL);
    g_autofree char *file = g_build_filename(dir, "ratings.csv", NULL);
    g_assert_true(g_file_set_contents(file, "a,b,1289,4\nb,c,1290,-2\nc,d,1291,0\nd,e,12,2\n",
                                      -1, NULL));
    WpLoadSpec spec = {.ties_file = file, .weight_column = "4", .weight_scale = WP_WEIGHT_MAX};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 5);
    g_assert_cmpfloat(declared(g, "a", "b"), ==, 1.0);
    g_assert_cmpfloat(declared(g, "d", "e"), ==, 0.5);
    g_assert_cmpfloat(declared(g, "b", "c"), ==, -1);
    g_assert_cmpfloat(declared(g, "c", "d"), ==, -1);
    g_autofree char *distrust = g_strdup_printf(
        "%s:2: weight '-2' is below zero (distrust): the tie between 'b' and 'c' is kept out "
        "of the search",
        file);
    g_assert_cmpstr(example(g, WP_WARNING_DISTRUST, 0), ==, distrust);
    spec.weight_column = "weight";
    g_autoptr(WpGraph) named = wp_graph_load(&spec, &error);
    g_assert_null(named);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "an edge list has no header"));
    g_remove(file);
    g_rmdir(dir);
}

/* A compiled network is used only under the weight options it was made with. */
static void test_cache_key(void)
{
    g_autofree char *dir = g_dir_make_tmp("wp-test-weights-XXXXXX", NULL);
    g_autofree char *file = g_build_filename(dir, "ties.csv", NULL);
    g_autofree char *cache = g_build_filename(dir, "cache", NULL);
    g_assert_true(g_file_set_contents(file, "source,target,w\na,b,1\nb,c,3\n", -1, NULL));
    age_file(file);
    const WpLoadSpec specs[] = {
        {.ties_file = file, .weight_column = "w", .weight_scale = WP_WEIGHT_MAX},
        {.ties_file = file, .weight_column = "w", .weight_scale = WP_WEIGHT_LOG},
        {.ties_file = file, .weight_column = "w", .weight_scale = WP_WEIGHT_RANGE, .weight_hi = 4},
        {.ties_file = file, .weight_column = "w", .weight_scale = WP_WEIGHT_RANGE, .weight_hi = 5},
        {.ties_file = file, .weight_column = "3", .weight_scale = WP_WEIGHT_RANGE, .weight_hi = 5},
        {.ties_file = file},
    };
    const double ab[] = {1.0 / 3, log(2) / log(4), 0.25, 0.2, 0.2, NAN};
    for (guint round = 0; round < 2; round++)
        for (guint i = 0; i < G_N_ELEMENTS(specs); i++) {
            gboolean from_cache = FALSE;
            g_autoptr(GError) error = NULL;
            g_autoptr(WpGraph) g = wp_graph_load_cached(&specs[i], cache, 0, &from_cache, &error);
            g_assert_no_error(error);
            g_assert_cmpint(from_cache, ==, round == 1);
            double got = declared(g, "a", "b");
            g_assert_true(isnan(ab[i]) ? isnan(got) : fabs(got - ab[i]) < 1e-15);
        }
    g_autoptr(GDir) d = g_dir_open(cache, 0, NULL);
    for (const char *name; d && (name = g_dir_read_name(d)) != NULL;) {
        g_autofree char *path = g_build_filename(cache, name, NULL);
        g_remove(path);
    }
    g_rmdir(cache);
    g_remove(file);
    g_rmdir(dir);
}

/* The chunked reader reads weighted files itself (distrust, zero and the sample of columns
 * included) rather than handing them to the line reader. */
static void test_chunked_reads(void)
{
    const struct {
        const char *ties;
        WpLoadSpec spec;
    } cases[] = {
        {"source,target,rating\na,b,8\nb,c,-4\nc,d,0\nd,e,10\n",
         {.weight_column = "rating", .weight_scale = WP_WEIGHT_RANGE, .weight_lo = -10,
          .weight_hi = 10}},
        {"source,target,weight\na,b,3\nb,c,0\n", {.weight_column = "3", .weight_scale = WP_WEIGHT_LOG}},
        {"source,target,weight\na,b,3\nb,c,1\n", {0}},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(WpGraphBuilder) builder = wp_i_builder_new(0);
        wp_i_builder_set_weights(builder, &cases[i].spec);
        gboolean gave_up = TRUE;
        g_autoptr(GError) error = NULL;
        WpTiesText text = {cases[i].ties, -1, strlen(cases[i].ties)};
        g_assert_true(wp_i_read_ties_chunked(builder, &text, "ties", &chunked, &gave_up, &error));
        g_assert_no_error(error);
        g_assert_false(gave_up);
        g_autoptr(WpGraph) g = wp_i_builder_finish(g_steal_pointer(&builder), &error);
        g_assert_no_error(error);
        g_autoptr(WpGraph) same = load_ok(cases[i].ties, &cases[i].spec); /* readers agree */
    }
}

/* ---- the public datasets ---- */

static char *dataset(const char *dir, const char *name)
{
    const char *root = g_getenv("WP_SHARED_DATASETS");
    char *path = root ? g_build_filename(root, dir, name, NULL) : NULL;
    if (path == NULL || !g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        g_test_skip("../shared/datasets is not beside the project");
        g_clear_pointer(&path, g_free);
    }
    return path;
}

/* The lines of @file split at commas, without its header when @header. */
static GPtrArray *read_rows(const char *file, gboolean header)
{
    g_autofree char *text = NULL;
    g_assert_true(g_file_get_contents(file, &text, NULL, NULL));
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    for (guint i = header ? 1 : 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
            g_ptr_array_add(rows, g_strsplit(g_strchomp(lines[i]), ",", -1));
    return rows;
}

/* Les Misérables and Zachary's karate club weigh ties by counts: under max and log, each tie's
 * strength is its count scaled by the file's largest, as read here from the file. */
static void test_counts_dataset(gconstpointer data)
{
    const char *name = data;
    g_autofree char *edges_name = g_strconcat(name, "_edges.csv", NULL);
    g_autofree char *nodes_name = g_strconcat(name, "_nodes.csv", NULL);
    g_autofree char *edges = dataset("classic-named", edges_name);
    g_autofree char *nodes = dataset("classic-named", nodes_name);
    if (edges == NULL || nodes == NULL)
        return;
    g_autoptr(GPtrArray) rows = read_rows(edges, TRUE);
    double top = 0;
    for (guint i = 0; i < rows->len; i++)
        top = MAX(top, g_ascii_strtod(((char **)rows->pdata[i])[2], NULL));
    const WpWeightScale scales[] = {WP_WEIGHT_MAX, WP_WEIGHT_LOG};
    for (guint s = 0; s < G_N_ELEMENTS(scales); s++) {
        WpLoadSpec spec = {.ties_file = edges,
                           .people_file = nodes,
                           .weight_column = "weight",
                           .weight_scale = scales[s]};
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(wp_graph_n_ties(g), ==, rows->len); /* no repeats in these files */
        for (guint i = 0; i < rows->len; i++) {
            char **row = rows->pdata[i];
            double v = g_ascii_strtod(row[2], NULL);
            double want = scales[s] == WP_WEIGHT_MAX ? v / top : log1p(v) / log1p(top);
            g_assert_cmpfloat(declared(g, row[0], row[1]), ==, want);
        }
    }
    /* Without --weight-column the column is not read, and the load says so. */
    WpLoadSpec plain = {.ties_file = edges, .people_file = nodes};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&plain, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_UNUSED_COLUMN), ==, 1);
    g_assert_nonnull(strstr(example(g, WP_WARNING_UNUSED_COLUMN, 0), "column 'weight'"));
}

/* Bitcoin OTC: who-trusts-whom ratings from -10 to +10, no header. Read here: a pair with any
 * rating below zero is no tie; another gets its largest rating mapped from [-10, 10]. */
static void test_bitcoin(void)
{
    g_autofree char *file = dataset("bitcoin-otc", "soc-sign-bitcoinotc.csv");
    if (file == NULL)
        return;
    g_autoptr(GPtrArray) rows = read_rows(file, FALSE);
    g_autoptr(GHashTable) best = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    g_autoptr(GHashTable) people = g_hash_table_new(g_str_hash, g_str_equal);
    guint n_negative = 0;
    for (guint i = 0; i < rows->len; i++) {
        char **row = rows->pdata[i];
        double v = g_ascii_strtod(row[2], NULL);
        g_hash_table_add(people, row[0]);
        g_hash_table_add(people, row[1]);
        g_autofree char *key = atoi(row[0]) < atoi(row[1]) ? g_strconcat(row[0], " ", row[1], NULL)
                                                          : g_strconcat(row[1], " ", row[0], NULL);
        double *had = g_hash_table_lookup(best, key);
        n_negative += v < 0;
        if (had == NULL)
            g_hash_table_insert(best, g_steal_pointer(&key), g_memdup2(&v, sizeof v));
        else if (*had >= 0) /* once distrusted, always */
            *had = v < 0 ? v : MAX(*had, v);
    }
    WpLoadSpec spec = {.ties_file = file,
                       .weight_scale = WP_WEIGHT_RANGE,
                       .weight_lo = -10,
                       .weight_hi = 10};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, g_hash_table_size(people));
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_DISTRUST), ==, n_negative);
    g_assert_cmpuint(n_negative, ==, 3563); /* SOURCE.md */
    guint n_ties = 0;
    GHashTableIter iter;
    gpointer key, value;
    g_hash_table_iter_init(&iter, best);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        g_auto(GStrv) pair = g_strsplit(key, " ", 2);
        double v = *(double *)value, got = declared(g, pair[0], pair[1]);
        g_assert_cmpfloat(got, ==, v < 0 ? -1 : (v + 10) / 20);
        n_ties += v >= 0;
    }
    g_assert_cmpuint(wp_graph_n_ties(g), ==, n_ties);
    /* Read as strengths the ratings are refused, with the way out named. */
    WpLoadSpec plain = {.ties_file = file};
    g_autoptr(GError) plain_error = NULL;
    g_autoptr(WpGraph) refused = wp_graph_load(&plain, &plain_error);
    g_assert_null(refused);
    g_assert_nonnull(strstr(plain_error->message, ":1: field 3 (strength): '4' is not a number "
                                                  "in (0, 1] (weights and ratings on another "
                                                  "scale need --weight-scale)"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/weights/parse-scale", test_parse_scale);
    g_test_add_func("/weights/scale/max", test_scale_max);
    g_test_add_func("/weights/scale/log", test_scale_log);
    g_test_add_func("/weights/scale/range", test_scale_range);
    g_test_add_func("/weights/distrust", test_distrust);
    g_test_add_func("/weights/zero", test_zero);
    g_test_add_func("/weights/column", test_weight_column);
    g_test_add_func("/weights/unused-column", test_unused_column);
    g_test_add_func("/weights/edgelist-field", test_edgelist_field);
    g_test_add_func("/weights/cache-key", test_cache_key);
    g_test_add_func("/weights/chunked-reads", test_chunked_reads);
    g_test_add_data_func("/weights/dataset/lesmis", "lesmis", test_counts_dataset);
    g_test_add_data_func("/weights/dataset/karate", "karate", test_counts_dataset);
    g_test_add_func("/weights/dataset/bitcoin-otc", test_bitcoin);
    return g_test_run();
}
