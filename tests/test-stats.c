/* SPDX-License-Identifier: MIT */
/* wp_scoring_compute_stats() on real datasets and the demo, against counts computed here from the
 * raw files with an independent parser and union-find. */
#include <warmpath/warmpath.h>

#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- independent counting: union-find, degrees ---- */

typedef struct {
    guint *parent;
    guint *size;
} UnionFind;

/* The figures of @graph scored with @model (NULL: the raw model) as of @as_of. */
static gboolean stats_of(WpGraph *graph, const WpModel *model, WpDay as_of, WpStats *out,
                         GError **error)
{
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, model ? model : raw, as_of, NULL);
    return wp_scoring_compute_stats(scoring, out, error);
}

static guint uf_find(UnionFind *uf, guint x)
{
    while (uf->parent[x] != x) {
        uf->parent[x] = uf->parent[uf->parent[x]];
        x = uf->parent[x];
    }
    return x;
}

static void uf_union(UnionFind *uf, guint a, guint b)
{
    a = uf_find(uf, a);
    b = uf_find(uf, b);
    if (a == b)
        return;
    if (uf->size[a] < uf->size[b]) {
        guint t = a;
        a = b;
        b = t;
    }
    uf->parent[b] = a;
    uf->size[a] += uf->size[b];
}

/* What the stats must say, computed without the library. */
typedef struct {
    guint n_people, n_ties, n_components, largest, n_isolated;
    guint64 n_rows, n_loops;
    guint degree_min, degree_max;
    double degree_mean, degree_median;
} Expected;

static int compare_u64(const void *a, const void *b)
{
    guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;
    return (x > y) - (x < y);
}

static int compare_uint(const void *a, const void *b)
{
    guint x = *(const guint *)a, y = *(const guint *)b;
    return (x > y) - (x < y);
}

/* From @n_nodes nodes and @pairs (lo << 32 | hi, lo < hi, duplicates allowed; sorted here). */
static void expect_from_pairs(guint n_nodes, GArray *pairs, Expected *e)
{
    qsort(pairs->data, pairs->len, sizeof(guint64), compare_u64);
    g_autofree guint *parent = g_new(guint, MAX(n_nodes, 1));
    g_autofree guint *size = g_new(guint, MAX(n_nodes, 1));
    g_autofree guint *degree = g_new0(guint, MAX(n_nodes, 1));
    UnionFind uf = {parent, size};
    for (guint i = 0; i < n_nodes; i++) {
        parent[i] = i;
        size[i] = 1;
    }
    e->n_people = n_nodes;
    e->n_ties = 0;
    for (guint i = 0; i < pairs->len; i++) {
        guint64 key = g_array_index(pairs, guint64, i);
        if (i > 0 && key == g_array_index(pairs, guint64, i - 1))
            continue;
        guint lo = (guint)(key >> 32), hi = (guint)(key & 0xffffffffu);
        e->n_ties++;
        degree[lo]++;
        degree[hi]++;
        uf_union(&uf, lo, hi);
    }
    e->n_components = e->largest = e->n_isolated = 0;
    guint64 sum = 0;
    for (guint i = 0; i < n_nodes; i++) {
        if (uf_find(&uf, i) == i) {
            e->n_components++;
            e->largest = MAX(e->largest, size[i]);
        }
        e->n_isolated += degree[i] == 0;
        sum += degree[i];
    }
    qsort(degree, n_nodes, sizeof(guint), compare_uint);
    e->degree_min = n_nodes ? degree[0] : 0;
    e->degree_max = n_nodes ? degree[n_nodes - 1] : 0;
    e->degree_mean = n_nodes ? (double)sum / n_nodes : 0;
    e->degree_median = n_nodes == 0       ? 0
                       : n_nodes % 2 == 1 ? degree[n_nodes / 2]
                                          : (degree[n_nodes / 2 - 1] + degree[n_nodes / 2]) / 2.0;
}

static void assert_stats(const WpGraph *g, const WpStats *s, const Expected *e)
{
    g_assert_cmpuint(s->n_people, ==, e->n_people);
    g_assert_cmpuint(s->n_ties, ==, e->n_ties);
    g_assert_cmpuint(s->n_tie_rows, ==, e->n_rows);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SELF_LOOP), ==, e->n_loops);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_DUPLICATE_TIE), ==,
                     e->n_rows - e->n_loops - e->n_ties);
    g_assert_cmpuint(s->n_components, ==, e->n_components);
    g_assert_cmpuint(s->largest_component, ==, e->largest);
    g_assert_cmpuint(s->n_isolated, ==, e->n_isolated);
    g_assert_cmpuint(s->degree_min, ==, e->degree_min);
    g_assert_cmpuint(s->degree_max, ==, e->degree_max);
    g_assert_cmpfloat_with_epsilon(s->degree_mean, e->degree_mean, 1e-9);
    g_assert_cmpfloat(s->degree_median, ==, e->degree_median);
}

/* ---- SNAP edge lists, read here line by line ---- */

static GBytes *read_maybe_gzip(const char *path)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path(path);
    g_autoptr(GFileInputStream) in = g_file_read(file, NULL, &error);
    g_assert_no_error(error);
    g_autoptr(GInputStream) stream = NULL;
    if (g_str_has_suffix(path, ".gz")) {
        g_autoptr(GZlibDecompressor) gz = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP);
        stream = g_converter_input_stream_new(G_INPUT_STREAM(in), G_CONVERTER(gz));
    } else {
        stream = G_INPUT_STREAM(g_object_ref(in));
    }
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable();
    g_output_stream_splice(out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
    g_assert_no_error(error);
    return g_memory_output_stream_steal_as_bytes(G_MEMORY_OUTPUT_STREAM(out));
}

/* Integer node ids, `#` comments, any white space, CR stripped. A node only in self-loops is
 * not a person (the loader drops loops before they name anyone). */
static void expect_snap(const char *path, Expected *e)
{
    g_autoptr(GBytes) bytes = read_maybe_gzip(path);
    gsize len = 0;
    const char *text = g_bytes_get_data(bytes, &len);
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(guint64));
    g_autoptr(GHashTable) index = g_hash_table_new(g_direct_hash, g_direct_equal);
    e->n_rows = e->n_loops = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (gsize)(end - p));
        if (eol == NULL)
            eol = end;
        if (*p != '#' && *p != '\r' && p != eol) {
            char *next = NULL;
            guint64 a = g_ascii_strtoull(p, &next, 10);
            guint64 b = g_ascii_strtoull(next, &next, 10);
            g_assert_true(next <= eol);
            e->n_rows++;
            if (a == b) {
                e->n_loops++;
            } else {
                guint64 ids[2] = {a, b};
                guint idx[2];
                for (int k = 0; k < 2; k++) {
                    gpointer key = GSIZE_TO_POINTER((gsize)ids[k] + 1);
                    gpointer found = g_hash_table_lookup(index, key);
                    if (found == NULL) {
                        found = GUINT_TO_POINTER(g_hash_table_size(index) + 1);
                        g_hash_table_insert(index, key, found);
                    }
                    idx[k] = GPOINTER_TO_UINT(found) - 1;
                }
                guint64 pair = (guint64)MIN(idx[0], idx[1]) << 32 | MAX(idx[0], idx[1]);
                g_array_append_val(pairs, pair);
            }
        }
        p = eol + 1;
    }
    expect_from_pairs(g_hash_table_size(index), pairs, e);
}

static char *shared_file(const char *dir, const char *name)
{
    const char *root = g_getenv("WP_SHARED_DATASETS");
    if (root == NULL) {
        g_test_skip("WP_SHARED_DATASETS is not set");
        return NULL;
    }
    char *path = g_build_filename(root, dir, name, NULL);
    if (!g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        g_test_skip_printf("%s is missing", path);
        g_free(path);
        return NULL;
    }
    return path;
}

static void check_snap(const char *dir, const char *name, Expected *e)
{
    g_autofree char *path = shared_file(dir, name);
    if (path == NULL)
        return;
    expect_snap(path, e);
    g_autoptr(GError) error = NULL;
    WpLoadSpec spec = {.ties_file = path,
                       .people_file = NULL,
                       .ties_format = WP_TIES_FORMAT_AUTO,
                       .flags = WP_LOAD_DEFAULT};
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    WpStats s;
    g_assert_true(stats_of(g, NULL, WP_DAY_NONE, &s, &error));
    g_assert_no_error(error);
    assert_stats(g, &s, e);
    g_assert_cmpuint(s.n_listed, ==, 0);
    g_assert_cmpuint(s.n_declared, ==, 0);
    g_assert_cmpuint(s.n_untyped, ==, s.n_ties);
    g_assert_cmpuint(s.n_dated, ==, 0);
    g_assert_cmpuint(s.n_directed, ==, 0);
    g_assert_cmpuint(s.teams->len, ==, 0);
    wp_stats_clear(&s);
}

static void test_facebook(void)
{
    Expected e = {0};
    check_snap("facebook-ego", "facebook_combined.txt", &e);
    if (e.n_people == 0)
        return;
    /* SOURCE.md: 4,039 nodes, 88,234 edges stored once each, no loops, one component. */
    g_assert_cmpuint(e.n_people, ==, 4039);
    g_assert_cmpuint(e.n_ties, ==, 88234);
    g_assert_cmpuint(e.n_components, ==, 1);
}

static void test_ca_grqc(void)
{
    Expected e = {0};
    check_snap("ca-grqc", "CA-GrQc.txt", &e);
    if (e.n_people == 0)
        return;
    /* SOURCE.md: 28,980 lines, 12 self-loops, 14,484 distinct non-loop pairs, 5,242 nodes of
     * which one appears only in a self-loop (computed above: it is not a person). */
    g_assert_cmpuint(e.n_rows, ==, 28980);
    g_assert_cmpuint(e.n_loops, ==, 12);
    g_assert_cmpuint(e.n_ties, ==, 14484);
    g_assert_cmpuint(e.n_people, ==, 5242 - 1);
}

static void test_email_eu_core(void)
{
    Expected e = {0};
    check_snap("email-eu-core", "email-Eu-core.txt", &e);
    if (e.n_people == 0)
        return;
    /* SOURCE.md: 25,571 arcs, 642 self-loops, ids 0..1004. */
    g_assert_cmpuint(e.n_rows, ==, 25571);
    g_assert_cmpuint(e.n_loops, ==, 642);
    g_assert_cmpuint(e.n_people, <=, 1005);
}

static void test_slashdot(void)
{
    Expected e = {0};
    gint64 start = g_get_monotonic_time();
    check_snap("slashdot-zoo-0902", "soc-Slashdot0902.txt.gz", &e);
    if (e.n_people == 0)
        return;
    g_test_message("slashdot: %.2f s including the independent count",
                   (g_get_monotonic_time() - start) / 1e6);
    /* SOURCE.md: 82,168 nodes, 948,464 arcs, 78,303 self-loops, 504,230 distinct pairs. */
    g_assert_cmpuint(e.n_people, ==, 82168);
    g_assert_cmpuint(e.n_rows, ==, 948464);
    g_assert_cmpuint(e.n_loops, ==, 78303);
    g_assert_cmpuint(e.n_ties, ==, 504230);
}

/* ---- the demo network, re-read with a tiny CSV parser ---- */

/* Splits RFC 4180 text into records of fields (quotes, doubled quotes, quoted newlines). */
static GPtrArray *parse_csv(const char *text)
{
    GPtrArray *records = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GPtrArray *record = g_ptr_array_new_with_free_func(g_free);
    GString *field = g_string_new(NULL);
    gboolean quoted = FALSE, any = FALSE;
    for (const char *p = text;; p++) {
        if (quoted) {
            g_assert_true(*p != '\0');
            if (*p == '"' && p[1] == '"')
                g_string_append_c(field, *p++);
            else if (*p == '"')
                quoted = FALSE;
            else
                g_string_append_c(field, *p);
            continue;
        }
        if (*p == '"') {
            quoted = any = TRUE;
        } else if (*p == ',') {
            g_ptr_array_add(record, g_strdup(field->str));
            g_string_truncate(field, 0);
        } else if (*p == '\n' || (*p == '\0' && (any || field->len > 0 || record->len > 0))) {
            g_ptr_array_add(record, g_strdup(field->str));
            g_string_truncate(field, 0);
            g_ptr_array_add(records, record);
            record = g_ptr_array_new_with_free_func(g_free);
            any = FALSE;
        } else if (*p != '\r' && *p != '\0') {
            g_string_append_c(field, *p);
            any = TRUE;
        }
        if (*p == '\0')
            break;
    }
    g_ptr_array_unref(record);
    g_string_free(field, TRUE);
    return records;
}

static const char *field(GPtrArray *record, guint i)
{
    g_assert_cmpuint(i, <, record->len);
    return record->pdata[i];
}

static guint column(GPtrArray *header, const char *name)
{
    for (guint i = 0; i < header->len; i++)
        if (strcmp(header->pdata[i], name) == 0)
            return i;
    g_error("no column '%s'", name);
}

/* One merged pair of the demo. */
typedef struct {
    guint lo, hi;
    double declared;     /* max, or -1 */
    guint types;         /* bit per name in type_names */
    char last[11];       /* latest YYYY-MM-DD, or "" */
    gint64 interactions; /* max, or -1 */
} DemoTie;

static const char *const type_names[] = {"client", "referred", "colleague", "former_colleague",
                                         "friend", "family",   "vendor",    "social",
                                         "prize",  "other"};

typedef struct {
    Expected e;
    guint n_listed, n_declared, n_dated, n_cold, n_never, n_social_only, n_untyped;
    double declared_mean;
    guint by_type[G_N_ELEMENTS(type_names)];
    GHashTable *teams; /* name (owned) -> count */
} DemoExpected;

static char *read_text(const char *dir, const char *name)
{
    g_autofree char *path = g_build_filename(dir, name, NULL);
    char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_file_get_contents(path, &text, NULL, &error);
    g_assert_no_error(error);
    return text;
}

static void expect_demo_people(const char *dir, GHashTable *index, DemoExpected *x)
{
    g_autofree char *text = read_text(dir, "people.csv");
    g_autoptr(GPtrArray) people = parse_csv(text);
    GPtrArray *header = people->pdata[0];
    guint id = column(header, "id"), team = column(header, "team");
    x->teams = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint r = 1; r < people->len; r++) {
        GPtrArray *rec = people->pdata[r];
        g_assert_cmpuint(rec->len, ==, header->len);
        g_hash_table_insert(index, g_strdup(field(rec, id)),
                            GUINT_TO_POINTER(g_hash_table_size(index) + 1));
        const char *t = field(rec, team);
        if (t[0] != '\0') {
            guint n = GPOINTER_TO_UINT(g_hash_table_lookup(x->teams, t));
            g_hash_table_insert(x->teams, g_strdup(t), GUINT_TO_POINTER(n + 1));
        }
    }
    x->n_listed = people->len - 1;
}

/* Merges the tie rows per unordered pair: max strength, union of types, latest date, max
 * interactions. Cold: last contact before 2024-11-01, i.e. more than 730 days before
 * 2026-11-01. */
static void expect_demo_ties(const char *dir, GHashTable *index, DemoExpected *x)
{
    g_autofree char *text = read_text(dir, "edges.csv");
    g_autoptr(GPtrArray) rows = parse_csv(text);
    GPtrArray *header = rows->pdata[0];
    guint cs = column(header, "source"), ct = column(header, "target"),
          cstr = column(header, "strength"), ctype = column(header, "type"),
          cdate = column(header, "last_contact"), cint = column(header, "interactions");
    g_autoptr(GHashTable) merged =
        g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(guint64));
    x->e.n_rows = rows->len - 1;
    x->e.n_loops = 0;
    for (guint r = 1; r < rows->len; r++) {
        GPtrArray *rec = rows->pdata[r];
        g_assert_cmpuint(rec->len, ==, header->len);
        if (strcmp(field(rec, cs), field(rec, ct)) == 0) {
            x->e.n_loops++;
            continue;
        }
        guint a = GPOINTER_TO_UINT(g_hash_table_lookup(index, field(rec, cs)));
        guint b = GPOINTER_TO_UINT(g_hash_table_lookup(index, field(rec, ct)));
        g_assert_cmpuint(a, >, 0); /* every demo id is listed */
        g_assert_cmpuint(b, >, 0);
        gint64 key = (gint64)MIN(a, b) << 32 | MAX(a, b);
        DemoTie *t = g_hash_table_lookup(merged, &key);
        if (t == NULL) {
            t = g_new0(DemoTie, 1);
            *t = (DemoTie){MIN(a, b) - 1, MAX(a, b) - 1, -1, 0, "", -1};
            g_hash_table_insert(merged, g_memdup2(&key, sizeof key), t);
            guint64 pair = (guint64)t->lo << 32 | t->hi;
            g_array_append_val(pairs, pair);
        }
        if (field(rec, cstr)[0])
            t->declared = MAX(t->declared, g_ascii_strtod(field(rec, cstr), NULL));
        for (guint k = 0; k < G_N_ELEMENTS(type_names); k++)
            if (strcmp(field(rec, ctype), type_names[k]) == 0)
                t->types |= 1u << k;
        if (strcmp(field(rec, cdate), t->last) > 0)
            g_strlcpy(t->last, field(rec, cdate), sizeof t->last);
        if (field(rec, cint)[0])
            t->interactions = MAX(t->interactions, g_ascii_strtoll(field(rec, cint), NULL, 10));
    }
    expect_from_pairs(g_hash_table_size(index), pairs, &x->e);
    GHashTableIter it;
    gpointer value;
    double sum = 0;
    g_hash_table_iter_init(&it, merged);
    while (g_hash_table_iter_next(&it, NULL, &value)) {
        const DemoTie *t = value;
        if (t->declared > 0) {
            x->n_declared++;
            sum += t->declared;
        }
        for (guint k = 0; k < G_N_ELEMENTS(type_names); k++)
            x->by_type[k] += (t->types >> k) & 1;
        x->n_untyped += t->types == 0;
        x->n_dated += t->last[0] != '\0';
        x->n_cold += t->last[0] != '\0' && strcmp(t->last, "2024-11-01") < 0;
        x->n_never += t->interactions == 0;
        x->n_social_only += t->types == 1u << 7;
    }
    x->declared_mean = sum / x->n_declared;
}

static void test_demo(void)
{
    const char *root = g_getenv("WP_SOURCE_DIR");
    if (root == NULL) {
        g_test_skip("WP_SOURCE_DIR is not set");
        return;
    }
    g_autofree char *dir = g_build_filename(root, "datasets", "demo", NULL);
    DemoExpected x = {0};
    g_autoptr(GHashTable) index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    expect_demo_people(dir, index, &x);
    expect_demo_ties(dir, index, &x);

    g_autofree char *edges = g_build_filename(dir, "edges.csv", NULL);
    g_autofree char *people = g_build_filename(dir, "people.csv", NULL);
    WpLoadSpec spec = {.ties_file = edges,
                       .people_file = people,
                       .ties_format = WP_TIES_FORMAT_AUTO,
                       .flags = WP_LOAD_DEFAULT};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    WpDay as_of;
    g_assert_true(wp_day_parse("2026-11-01", &as_of));
    WpStats s;
    g_assert_true(stats_of(g, model, as_of, &s, &error));
    assert_stats(g, &s, &x.e);
    g_assert_cmpuint(s.n_listed, ==, x.n_listed);
    g_assert_cmpuint(s.n_declared, ==, x.n_declared);
    g_assert_cmpfloat_with_epsilon(s.declared_mean, x.declared_mean, 1e-9);
    for (guint k = 0; k < G_N_ELEMENTS(type_names); k++) {
        g_assert_cmpstr(wp_tie_type_name(k), ==, type_names[k]);
        g_assert_cmpuint(s.n_by_type[k], ==, x.by_type[k]);
    }
    g_assert_cmpuint(s.n_untyped, ==, x.n_untyped);
    g_assert_cmpuint(s.n_dated, ==, x.n_dated);
    g_assert_cmpuint(s.n_gone_cold, ==, x.n_cold);
    g_assert_cmpuint(s.n_never_interacted, ==, x.n_never);
    g_assert_cmpuint(s.n_social_only, ==, x.n_social_only);
    g_assert_cmpuint(s.n_directed, ==, 0);
    g_assert_cmpuint(s.teams->len, ==, g_hash_table_size(x.teams));
    for (guint i = 0; i < s.teams->len; i++) {
        const WpTeamCount *tc = &g_array_index(s.teams, WpTeamCount, i);
        g_assert_cmpuint(tc->n_sellers, ==,
                         GPOINTER_TO_UINT(g_hash_table_lookup(x.teams, tc->team)));
        if (i > 0) /* sorted by name */
            g_assert_cmpint(strcmp(g_array_index(s.teams, WpTeamCount, i - 1).team, tc->team), <,
                            0);
    }
    /* And the figures datasets/demo/README.md states. */
    g_assert_cmpuint(s.n_people, ==, 2962);
    g_assert_cmpuint(s.n_tie_rows, ==, 15114);
    g_assert_cmpuint(s.n_ties, ==, 14961);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_SELF_LOOP), ==, 3);
    g_assert_cmpuint(wp_graph_warning_count(g, WP_WARNING_DUPLICATE_TIE), ==, 150);
    g_assert_cmpuint(s.n_components, ==, 3);
    g_assert_cmpuint(s.largest_component, ==, 2946);
    g_assert_cmpuint(s.degree_min, ==, 1);
    g_assert_cmpuint(s.degree_max, ==, 85);
    g_assert_cmpfloat(s.degree_median, ==, 10);
    g_assert_cmpfloat_with_epsilon(s.degree_mean, 10.10, 0.005);
    g_assert_cmpuint(s.n_by_type[WP_TIE_PRIZE], ==, 11);
    g_assert_cmpuint(s.n_by_type[WP_TIE_REFERRED], ==, 107);
    g_assert_cmpuint(s.teams->len, ==, 2);
    g_assert_cmpstr(g_array_index(s.teams, WpTeamCount, 0).team, ==, "sales-east");
    g_assert_cmpuint(g_array_index(s.teams, WpTeamCount, 0).n_sellers, ==, 3);
    g_assert_cmpstr(g_array_index(s.teams, WpTeamCount, 1).team, ==, "sales-west");
    g_assert_cmpuint(g_array_index(s.teams, WpTeamCount, 1).n_sellers, ==, 2);
    wp_stats_clear(&s);
    wp_stats_clear(&s); /* idempotent */
    g_hash_table_unref(x.teams);
}

/* ---- small hand-made graphs ---- */

static void test_small(void)
{
    /* a-b-c path, d-e pair with a directed tie, f and g listed but isolated, x unlisted. */
    const char *people = "id,team\na,yes\nb,east\nc,east\nd,\ne,no\nf,\ng,west\n";
    const char *ties = "source,target,strength,type,last_contact,interactions,directed\n"
                       "a,b,0.5,social,2020-01-01,0,\n"
                       "b,c,0.9,friend|social,2026-10-01,,\n"
                       "d,e,,,,,true\n"
                       "c,x,,client,,,\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(ties, people, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    WpDay as_of;
    g_assert_true(wp_day_parse("2026-11-01", &as_of));
    WpStats s;
    g_assert_true(stats_of(g, model, as_of, &s, &error));
    g_assert_cmpuint(s.n_people, ==, 8);
    g_assert_cmpuint(s.n_listed, ==, 7);
    g_assert_cmpuint(s.n_ties, ==, 4);
    g_assert_cmpuint(s.n_components, ==, 4); /* {a b c x} {d e} {f} {g} */
    g_assert_cmpuint(s.largest_component, ==, 4);
    g_assert_cmpuint(s.n_isolated, ==, 2);
    /* degrees a1 b2 c2 d1 e1 f0 g0 x1 -> sorted 0 0 1 1 1 1 2 2 */
    g_assert_cmpuint(s.degree_min, ==, 0);
    g_assert_cmpuint(s.degree_max, ==, 2);
    g_assert_cmpfloat(s.degree_median, ==, 1.0);
    g_assert_cmpfloat(s.degree_mean, ==, 1.0);
    g_assert_cmpuint(s.n_declared, ==, 2);
    g_assert_cmpfloat_with_epsilon(s.declared_mean, 0.7, 1e-12);
    g_assert_cmpuint(s.n_by_type[WP_TIE_SOCIAL], ==, 2);
    g_assert_cmpuint(s.n_by_type[WP_TIE_FRIEND], ==, 1);
    g_assert_cmpuint(s.n_by_type[WP_TIE_CLIENT], ==, 1);
    g_assert_cmpuint(s.n_untyped, ==, 1);
    g_assert_cmpuint(s.n_dated, ==, 2);
    g_assert_cmpuint(s.n_gone_cold, ==, 1);
    g_assert_cmpuint(s.n_never_interacted, ==, 1);
    g_assert_cmpuint(s.n_social_only, ==, 1);
    g_assert_cmpuint(s.n_directed, ==, 1);
    /* teams: a "yes" (the generic team), b c east, g west; e "no" and d, f empty are none */
    g_assert_cmpuint(s.teams->len, ==, 3);
    guint total = 0;
    for (guint i = 0; i < s.teams->len; i++) {
        const WpTeamCount *tc = &g_array_index(s.teams, WpTeamCount, i);
        total += tc->n_sellers;
        if (strcmp(tc->team, "east") == 0)
            g_assert_cmpuint(tc->n_sellers, ==, 2);
    }
    g_assert_cmpuint(total, ==, 4);
    wp_stats_clear(&s);

    /* People without ties: every person is a component. */
    g_autoptr(WpGraph) empty =
        wp_graph_load_from_data("source,target\n", "id\np\nq\nr\n", 0, &error);
    g_assert_no_error(error);
    g_assert_true(stats_of(empty, NULL, WP_DAY_NONE, &s, &error));
    g_assert_cmpuint(s.n_components, ==, 3);
    g_assert_cmpuint(s.largest_component, ==, 1);
    g_assert_cmpuint(s.n_isolated, ==, 3);
    g_assert_cmpfloat(s.degree_median, ==, 0);
    g_assert_cmpfloat(s.declared_mean, ==, 0);
    wp_stats_clear(&s);
    /* Nobody at all. */
    g_autoptr(WpGraph) none = wp_graph_load_from_data("source,target\n", NULL, 0, &error);
    g_assert_no_error(error);
    g_assert_true(stats_of(none, NULL, WP_DAY_NONE, &s, &error));
    g_assert_cmpuint(s.n_people, ==, 0);
    g_assert_cmpuint(s.n_components, ==, 0);
    g_assert_cmpuint(s.largest_component, ==, 0);
    wp_stats_clear(&s);
}

/* Ties per origin, counted by hand: a tie merged from rows of two exports counts under both, a
 * tie without one under "no origin"; a file without the column has no such counts. */
static void test_origins(void)
{
    const char *ties = "source,target,origin\n"
                       "a,b,linkedin:p1\n"
                       "b,a,hubspot\n"              /* a-b: linkedin:p1, hubspot */
                       "b,c,hubspot; linkedin:p1\n" /* b-c: both, in its order */
                       "c,d,\n"                     /* c-d: none */
                       "d,e,salesforce\n"
                       "e,f,\n"
                       "e,f,salesforce\n"; /* e-f: salesforce (a later row names it) */
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(ties, NULL, 0, &error);
    g_assert_no_error(error);
    WpStats s;
    g_assert_true(stats_of(g, NULL, WP_DAY_NONE, &s, &error));
    const struct {
        const char *label;
        guint n;
    } expected[] = {{NULL, 1}, {"hubspot", 2}, {"linkedin:p1", 2}, {"salesforce", 2}};
    g_assert_cmpuint(s.tie_labels->len, ==, G_N_ELEMENTS(expected));
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
        const WpTieLabelCount *c = &g_array_index(s.tie_labels, WpTieLabelCount, i);
        g_assert_cmpstr(c->column, ==, "origin");
        g_assert_cmpstr(c->label, ==, expected[i].label);
        g_assert_cmpuint(c->n_ties, ==, expected[i].n);
    }
    wp_stats_clear(&s);

    g_autoptr(WpGraph) plain = wp_graph_load_from_data("source,target\na,b\n", NULL, 0, &error);
    g_assert_no_error(error);
    g_assert_true(stats_of(plain, NULL, WP_DAY_NONE, &s, &error));
    g_assert_cmpuint(s.tie_labels->len, ==, 0);
    wp_stats_clear(&s);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/stats/small", test_small);
    g_test_add_func("/stats/origins", test_origins);
    g_test_add_func("/stats/demo", test_demo);
    g_test_add_func("/stats/facebook-ego", test_facebook);
    g_test_add_func("/stats/ca-grqc", test_ca_grqc);
    g_test_add_func("/stats/email-eu-core", test_email_eu_core);
    g_test_add_func("/stats/slashdot", test_slashdot);
    return g_test_run();
}
