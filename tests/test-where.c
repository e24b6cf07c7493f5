/* SPDX-License-Identifier: MIT */
/* Territory filters: every operator against hand-worked people, and every error pointing at
 * the right part of the expression. */
#include <warmpath/warmpath.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static const char *const people_csv =
    "id,name,company,title,industry,region,company_size,score\n"
    "a,José Álvarez,Acme,VP Finance,Fintech,US-East,1200,3.5\n"
    "b,Bob Smith,\"Smith, Jones & Partners\",CFO,Insurance,UK,51-200,x\n"
    "c,Carol King,Globex,Engineer,Software,,10001+,\n"
    "d,Dan Vp,Initech,Chief Financial Officer,fintech,us-east,,7\n";
/* "e" is known only from a tie: no attributes. */
static const char *const ties_csv = "source,target\na,b\nc,e\n";

static WpGraph *load(void)
{
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load_from_data(ties_csv, people_csv, 0, &error);
    g_assert_no_error(error);
    return graph;
}

/* The ids @exprs select, in person order, joined by ','. */
static char *selected(const WpGraph *graph, const char *const *exprs, guint n)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = wp_where_parse(exprs, n, &error);
    g_assert_no_error(error);
    g_assert_true(wp_where_check(where, graph, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(wp_where_n_conditions(where), ==, n);
    GString *ids = g_string_new(NULL);
    for (WpPerson p = 0; p < wp_graph_n_people(graph); p++)
        if (wp_where_matches(where, graph, p))
            g_string_append_printf(ids, "%s%s", ids->len ? "," : "", wp_graph_person_id(graph, p));
    return g_string_free(ids, FALSE);
}

static void check_one(const WpGraph *graph, const char *expr, const char *expected)
{
    const char *exprs[] = {expr};
    g_autofree char *got = selected(graph, exprs, 1);
    if (strcmp(got, expected) != 0)
        g_test_message("%s", expr);
    g_assert_cmpstr(got, ==, expected);
}

static void test_equality(void)
{
    g_autoptr(WpGraph) graph = load();
    check_one(graph, "industry=Fintech", "a,d");
    check_one(graph, "INDUSTRY = fintech ", "a,d");
    check_one(graph, "industry=Fintech,Insurance", "a,b,d");
    check_one(graph, "industry=Fintech , Insurance", "a,b,d");
    check_one(graph, "name=jose alvarez", "a");
    check_one(graph, "name=JOSÉ   ÁLVAREZ", "a");
    check_one(graph, "region=US East", "a,d"); /* '-' folds like a space */
    check_one(graph, "company=\"Smith, Jones & Partners\",Globex", "b,c");
    check_one(graph, "company=smith jones & partners", "b");
    check_one(graph, "id=a,e", "a,e");
    check_one(graph, "company=Nobody", "");
}

static void test_negation(void)
{
    g_autoptr(WpGraph) graph = load();
    /* An empty value (or an unlisted person) meets every "not" condition. */
    check_one(graph, "industry!=Fintech", "b,c,e");
    check_one(graph, "region!=UK", "a,c,d,e");
    check_one(graph, "title!~vp", "b,c,d,e");
    check_one(graph, "title!~vp,cfo,engineer", "d,e");
}

static void test_substring(void)
{
    g_autoptr(WpGraph) graph = load();
    check_one(graph, "title~vp", "a");
    check_one(graph, "title~VP,CFO", "a,b");
    check_one(graph, "title~financ", "a,d");
    check_one(graph, "name~alva", "a"); /* accent-insensitive */
    check_one(graph, "company~jones &", "b");
}

static void test_numeric(void)
{
    g_autoptr(WpGraph) graph = load();
    /* company_size: 1200, "51-200" = 51, "10001+" = 10001, empty. */
    check_one(graph, "company_size>=500", "a,c");
    check_one(graph, "company_size<100", "b");
    check_one(graph, "company_size>51", "a,c");
    check_one(graph, "company_size>=51", "a,b,c");
    check_one(graph, "company_size<=1200", "a,b");
    check_one(graph, "company_size>=1e3", "a,c");
    /* Another column: "3.5", "x", empty, "7"; non-numbers never match. */
    check_one(graph, "score>3", "a,d");
    check_one(graph, "score<=3.5", "a");
    check_one(graph, "score<100", "a,d");
}

static void test_and(void)
{
    g_autoptr(WpGraph) graph = load();
    const char *two[] = {"industry=Fintech", "title~vp"};
    g_autofree char *got = selected(graph, two, 2);
    g_assert_cmpstr(got, ==, "a");
    g_autofree char *all = selected(graph, NULL, 0);
    g_assert_cmpstr(all, ==, "a,b,c,d,e");
}

static char *write_temp(const char *contents, gsize len)
{
    g_autoptr(GError) error = NULL;
    char *path = NULL;
    int fd = g_file_open_tmp("wp-where-XXXXXX.txt", &path, &error);
    g_assert_no_error(error);
    close(fd);
    g_assert_true(g_file_set_contents(path, contents, (gssize)len, &error));
    g_assert_no_error(error);
    return path;
}

static void test_list_file(void)
{
    g_autoptr(WpGraph) graph = load();
    static const char text[] = "# accounts for Q3\n\nAcme\n  globex  \r\n# Initech\n";
    g_autofree char *path = write_temp(text, sizeof text - 1);
    g_autofree char *eq = g_strdup_printf("company=@%s", path);
    g_autofree char *ne = g_strdup_printf("company!=@%s", path);
    g_autofree char *in = g_strdup_printf("company~@ %s", path);
    check_one(graph, eq, "a,c");
    check_one(graph, ne, "b,d,e");
    check_one(graph, in, "a,c");
    g_unlink(path);
}

/* The full message for @expr: "'EXPR': REASON", the expression, carets under bytes
 * [at, at + len) (one caret when len is 0), computed here from byte offsets of ASCII text. */
static char *expected_message(const char *expr, const char *reason, gsize at, gsize len)
{
    g_autofree char *spaces = g_strnfill(at, ' ');
    g_autofree char *carets = g_strnfill(MAX(len, 1), '^');
    return g_strdup_printf("'%s': %s\n  %s\n  %s%s", expr, reason, expr, spaces, carets);
}

static void check_error(const char *expr, const char *reason, gsize at, gsize len)
{
    g_autoptr(GError) error = NULL;
    const char *exprs[] = {"industry=Fintech", expr}; /* the good one must not be blamed */
    g_autoptr(WpWhere) where = wp_where_parse(exprs, 2, &error);
    g_assert_null(where);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_autofree char *expected = expected_message(expr, reason, at, len);
    g_assert_cmpstr(error->message, ==, expected);
}

static void test_errors_point(void)
{
    check_error("industry", "expected COLUMN=VALUE (or !=, ~, !~, >=, <=, >, <)", 0, 8);
    check_error("=Fintech", "missing column name before the operator", 0, 0);
    check_error("  =Fintech", "missing column name before the operator", 2, 0);
    check_error("region!UK", "'!' must be followed by '=' or '~'", 6, 1);
    check_error("region=", "missing value after '='", 7, 0);
    check_error("region!=  ", "missing value after '!='", 10, 0);
    check_error("industry=Fintech,,Insurance", "empty value in the list", 17, 0);
    check_error("industry=Fintech,", "empty value in the list", 17, 0);
    check_error("industry=Fintech, ...", "empty value in the list", 18, 3);
    check_error("company=\"Acme", "unterminated quote", 8, 1);
    check_error("company=\"Acme\"x,y", "expected ',' after a quoted value", 14, 1);
    check_error("company=Ac\"me", "a quote may only start a value (write \"...\" around it)", 10,
                1);
    check_error("company_size>=lots", "'lots' is not a number", 14, 4);
    check_error("company_size >=  lots ", "'lots' is not a number", 17, 4);
    check_error("company_size>=", "missing number after '>='", 14, 0);
    check_error("score<nan", "'nan' is not a number", 6, 3);
    check_error("company=@", "missing file name after '@'", 8, 1);
}

static void test_error_wide_text(void)
{
    /* "name=José," is 11 bytes but 10 columns; the caret follows columns. */
    g_autoptr(GError) error = NULL;
    const char *exprs[] = {"name=José,,x"};
    g_autoptr(WpWhere) where = wp_where_parse(exprs, 1, &error);
    g_assert_null(where);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    const char *caret_line = strrchr(error->message, '\n') + 1;
    g_assert_cmpstr(caret_line, ==, "            ^"); /* 2 + 10 spaces */
}

static void test_unknown_column(void)
{
    g_autoptr(WpGraph) graph = load();
    g_autoptr(GError) error = NULL;
    const char *exprs[] = {"industry=Fintech", "industy=Fintech"};
    g_autoptr(WpWhere) where = wp_where_parse(exprs, 2, &error);
    g_assert_no_error(error);
    g_assert_false(wp_where_check(where, graph, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_autofree char *expected = expected_message(
        "industy=Fintech",
        "unknown column 'industy' (known: id, name, company, title, industry, region, "
        "company_size, score)",
        0, 7);
    g_assert_cmpstr(error->message, ==, expected);
    /* Unknown columns never match, if a caller skips the check. */
    for (WpPerson p = 0; p < wp_graph_n_people(graph); p++)
        g_assert_false(wp_where_matches(where, graph, p));
}

static void test_file_errors(void)
{
    g_autoptr(GError) error = NULL;
    const char *missing[] = {"company=@/nonexistent/wp-accounts.txt"};
    g_autoptr(WpWhere) w1 = wp_where_parse(missing, 1, &error);
    g_assert_null(w1);
    g_assert_error(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_true(g_str_has_prefix(error->message, "'company=@/nonexistent/wp-accounts.txt': "));
    g_clear_error(&error);

    static const char only_comments[] = "# nothing yet\n\n";
    g_autofree char *empty = write_temp(only_comments, sizeof only_comments - 1);
    g_autofree char *e1 = g_strdup_printf("company=@%s", empty);
    const char *x1[] = {e1};
    g_autoptr(WpWhere) w2 = wp_where_parse(x1, 1, &error);
    g_assert_null(w2);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(error->message, "lists no values"));
    g_clear_error(&error);
    g_unlink(empty);

    static const char bad[] = "Acme\n# ok\nGlo\xff" "bex\n";
    g_autofree char *badfile = write_temp(bad, sizeof bad - 1);
    g_autofree char *e2 = g_strdup_printf("company=@%s", badfile);
    const char *x2[] = {e2};
    g_autoptr(WpWhere) w3 = wp_where_parse(x2, 1, &error);
    g_assert_null(w3);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_autofree char *prefix = g_strdup_printf("%s:3: ", badfile);
    g_assert_true(g_str_has_prefix(error->message, prefix));
    g_clear_error(&error);
    g_unlink(badfile);

    static const char dash[] = "Acme\n - \n";
    g_autofree char *dashfile = write_temp(dash, sizeof dash - 1);
    g_autofree char *e3 = g_strdup_printf("company=@%s", dashfile);
    const char *x3[] = {e3};
    g_autoptr(WpWhere) w4 = wp_where_parse(x3, 1, &error);
    g_assert_null(w4);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_autofree char *prefix2 = g_strdup_printf("%s:2: ", dashfile);
    g_assert_true(g_str_has_prefix(error->message, prefix2));
    g_unlink(dashfile);
}

/* The matcher folds plain ASCII values without wp_text_fold(); both must give the same key.
 * Random values from an alphabet heavy in separators, compared pairwise through `=`. */
static void fold_agrees_on(const char *column, char *(*fold)(const char *))
{
    static const char alphabet[] = "aAbB .,-\t_zZ09'";
    static const char *const legal[] = {"", " Inc", ", Ltd.", " GmbH", " S.A."};
    g_autoptr(GRand) rand = g_rand_new_with_seed(7);
    for (guint round = 0; round < 40; round++) {
        enum { N = 12 };
        char *values[N];
        g_autoptr(GString) people = g_string_new(NULL);
        g_string_append_printf(people, "id,%s\n", column);
        for (guint i = 0; i < N; i++) {
            guint len = (guint)g_rand_int_range(rand, 1, 7);
            g_autoptr(GString) v = g_string_new(NULL);
            g_string_append_c(v, 'a' + (char)g_rand_int_range(rand, 0, 3)); /* never empty */
            for (guint k = 1; k <= len; k++)
                g_string_append_c(v, alphabet[g_rand_int_range(rand, 0, sizeof alphabet - 1)]);
            g_string_append(v, legal[g_rand_int_range(rand, 0, G_N_ELEMENTS(legal))]);
            values[i] = g_string_free(g_steal_pointer(&v), FALSE);
            g_string_append_printf(people, "p%u,\"%s\"\n", i, values[i]);
        }
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) graph = wp_graph_load_from_data("source,target\np0,p1\n", people->str,
                                                           0, &error);
        g_assert_no_error(error);
        for (guint i = 0; i < N; i++) {
            g_autofree char *expr = g_strdup_printf("%s=\"%s\"", column, values[i]);
            const char *exprs[] = {expr};
            g_autoptr(WpWhere) where = wp_where_parse(exprs, 1, &error);
            g_assert_no_error(error);
            g_autofree char *key_i = fold(values[i]);
            for (guint j = 0; j < N; j++) {
                g_autofree char *key_j = fold(values[j]);
                char id[16];
                g_snprintf(id, sizeof id, "p%u", j);
                WpPerson pj = wp_graph_find_id(graph, id);
                g_assert_cmpint(wp_where_matches(where, graph, pj), ==,
                                strcmp(key_i, key_j) == 0);
            }
        }
        for (guint i = 0; i < N; i++)
            g_free(values[i]);
    }
}

/* The matcher folds plain ASCII values on a fast path; it must agree with wp_text_fold() (and,
 * for the company column, wp_text_fold_company()). Random values from an alphabet heavy in
 * separators, compared pairwise through `=`. */
static void test_fold_agrees(void)
{
    fold_agrees_on("v", wp_text_fold);
    fold_agrees_on("company", wp_text_fold_company);
}

static const char *const accounts_csv = "id,name,company,region,industry\n"
                                        "a,Ann,Acme,UK,Fintech\n"
                                        "b,Ben,\"Acme, Inc.\",UK,Fintech\n"
                                        "c,Cy,ACME Ltd,US-East,Insurance\n"
                                        "d,Di,Acme Holdings,US-East,Fintech\n"
                                        "e,Ed,Globex GmbH,UK,Energy\n"
                                        "f,Flo,Brightline Pay,US-West,Fintech\n";

static WpGraph *load_accounts(void)
{
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load_from_data("source,target\na,b\n", accounts_csv, 0, &error);
    g_assert_no_error(error);
    return graph;
}

/* company= compares accounts: legal forms do not matter, inline or from a list file. */
static void test_company_accounts(void)
{
    g_autoptr(WpGraph) graph = load_accounts();
    check_one(graph, "company=Acme", "a,b,c");
    check_one(graph, "company=\"Acme, Inc.\"", "a,b,c");
    check_one(graph, "company=ACME Corporation", "a,b,c");
    check_one(graph, "company=Acme Holdings Inc", "d");
    check_one(graph, "company=Globex", "e");
    check_one(graph, "company!=Acme Inc", "d,e,f");
    check_one(graph, "company~acme", "a,b,c,d");
    static const char text[] = "Acme Inc\nGlobex, LLC\n";
    g_autofree char *path = write_temp(text, sizeof text - 1);
    g_autofree char *eq = g_strdup_printf("company=@%s", path);
    check_one(graph, eq, "a,b,c,e");
    g_unlink(path);
    /* A line that is only a legal form is empty. */
    static const char inc[] = "Acme\nInc.\n";
    g_autofree char *incfile = write_temp(inc, sizeof inc - 1);
    g_autofree char *e2 = g_strdup_printf("company=@%s", incfile);
    check_one(graph, e2, "a,b,c");
    g_unlink(incfile);
}

/* "industry==Fintech" used to select no one, silently: industry = "=Fintech". */
static void test_mistyped_operator(void)
{
    const struct {
        const char *expr, *op;
        gsize at, len;
    } cases[] = {
        {"industry==Fintech", "'=='", 9, 1},      {"company_size=>5", "'=>'", 13, 1},
        {"company_size=<5", "'=<'", 13, 1},      {"title~=vp", "'~='", 6, 1},
        {"region!==UK", "'!=='", 8, 1},          {"region= =UK", "'=='", 8, 1},
        {"company_size>==5", "'>=='", 14, 1},    {"region=~UK", "'=~'", 7, 1},
        {"industry===Fintech", "'==='", 9, 2},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        const char *first = strpbrk(cases[i].expr + cases[i].at, "=!~<>");
        g_autofree char *reason =
            g_strdup_printf("%s is not an operator (=, !=, ~, !~, >=, <=, >, <); a value that "
                            "starts with '%c' goes in double quotes",
                            cases[i].op, *first);
        check_error(cases[i].expr, reason, cases[i].at, cases[i].len);
    }
    /* A value that starts with '=' is written in quotes. */
    g_autoptr(GError) error = NULL;
    const char *quoted[] = {"industry=\"=Fintech\""};
    g_autoptr(WpWhere) where = wp_where_parse(quoted, 1, &error);
    g_assert_no_error(error);
}

/* A long expression is shown as a window around the part in question, so a 10 KB typo gives a
 * few lines of at most ~80 bytes, with the caret still under the right character. */
static void test_error_long_expression(void)
{
    g_autoptr(GString) expr = g_string_new("industry=");
    for (guint i = 0; i < 1000; i++)
        g_string_append(expr, "Fintech,");
    g_string_append(expr, ",Insurance");
    gsize bad = expr->len - strlen(",Insurance"); /* the empty value */
    g_autoptr(GError) error = NULL;
    const char *exprs[] = {expr->str};
    g_autoptr(WpWhere) where = wp_where_parse(exprs, 1, &error);
    g_assert_null(where);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_auto(GStrv) lines = g_strsplit(error->message, "\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, 3);
    g_assert_cmpuint(strlen(lines[0]), <, 140);
    g_assert_cmpuint(strlen(lines[1]), <=, 2 + WP_TEXT_EXCERPT_BYTES);
    g_assert_true(g_str_has_prefix(lines[0], "'industry=Fintech,Fintech,"));
    g_assert_true(g_str_has_suffix(lines[0], "\u2026': empty value in the list"));
    /* The caret is under the second comma of ",,": the same column in the shown window. */
    gsize caret = strlen(lines[2]) - 1;
    g_assert_cmpint(lines[2][caret], ==, '^');
    const char *shown = lines[1];
    glong column = g_utf8_pointer_to_offset(shown, shown + strlen(shown)) -
                   (glong)g_utf8_strlen(expr->str + bad, -1);
    g_assert_cmpint((glong)caret, ==, column);
}

static void assert_lines(GPtrArray *lines, const char *const *want)
{
    guint n = g_strv_length((char **)want);
    for (guint i = 0; i < lines->len; i++)
        g_test_message("line %u: %s", i, (const char *)lines->pdata[i]);
    g_assert_cmpuint(lines->len, ==, n);
    for (guint i = 0; i < n; i++)
        g_assert_cmpstr(lines->pdata[i], ==, want[i]);
}

static GPtrArray *explain(const WpGraph *graph, const char *const *exprs, guint n, gboolean empty)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = wp_where_parse(exprs, n, &error);
    g_assert_no_error(error);
    g_assert_true(wp_where_check(where, graph, &error));
    return wp_where_explain(where, graph, empty);
}

/* Empty territories say why: values no one has, the closest (or most common) known values with
 * head counts counted by hand from accounts_csv, and what each condition selects alone. */
static void test_explain(void)
{
    g_autoptr(WpGraph) graph = load_accounts();
    const char *mars[] = {"region=Mars"};
    g_autoptr(GPtrArray) l1 = explain(graph, mars, 1, TRUE);
    const char *w1[] = {"'region=Mars': no one's region is 'Mars'; known values: UK (3 people), "
                        "US-East (2 people), US-West (1 person)",
                        NULL};
    assert_lines(l1, w1);
    const char *typo[] = {"industry=Fintec,Energy", "region=UK"};
    g_autoptr(GPtrArray) l2 = explain(graph, typo, 2, FALSE);
    const char *w2[] = {"'industry=Fintec,Energy': no one's industry is 'Fintec'; closest: "
                        "Fintech (4 people)",
                        NULL};
    assert_lines(l2, w2);
    const char *both[] = {"industry=Insurance", "region=UK"};
    g_autoptr(GPtrArray) l3 = explain(graph, both, 2, TRUE);
    const char *w3[] = {"'industry=Insurance' alone selects 1 person",
                        "'region=UK' alone selects 3 people", NULL};
    assert_lines(l3, w3);
    /* Numeric and substring conditions have no values to miss. */
    const char *other[] = {"name~x", "region!=Mars"};
    g_autoptr(GPtrArray) l4 = explain(graph, other, 2, FALSE);
    g_assert_cmpuint(l4->len, ==, 0);
    /* An account file: each line no account has, by file and line. */
    static const char text[] = "Acme Inc\n# ours\nNowhere Ltd\nBrightline\nGlobex\nacme holding\n";
    g_autofree char *path = write_temp(text, sizeof text - 1);
    g_autofree char *expr = g_strdup_printf("company=@%s", path);
    const char *file[] = {expr};
    g_autoptr(GPtrArray) l5 = explain(graph, file, 1, FALSE);
    g_autofree char *m3 =
        g_strdup_printf("%s:3: no account is named 'Nowhere Ltd'; no similar account name", path);
    g_autofree char *m4 = g_strdup_printf(
        "%s:4: no account is named 'Brightline'; closest: Brightline Pay (1 person)", path);
    g_autofree char *m6 = g_strdup_printf(
        "%s:6: no account is named 'acme holding'; closest: Acme Holdings (1 person)", path);
    const char *w5[] = {m3, m4, m6, NULL};
    assert_lines(l5, w5);
    g_unlink(path);
}

/* The profile's default territory: `where=` lines of [territory], in order, kept by copies and
 * written back by wp_model_to_data(). */
static void test_profile_territory(void)
{
    static const char text[] = "[model]\nmax_hops=3\n\n[territory]\n# ICP\nwhere=industry=Fintech\n"
                               "where = title~VP,CFO\nwhere=company_size>=500\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) model = wp_model_load_from_data(text, "p.ini", &error);
    g_assert_no_error(error);
    const char *const *where = wp_model_territory(model);
    g_assert_nonnull(where);
    g_assert_cmpstr(where[0], ==, "industry=Fintech");
    g_assert_cmpstr(where[1], ==, "title~VP,CFO");
    g_assert_cmpstr(where[2], ==, "company_size>=500");
    g_assert_null(where[3]);
    g_autoptr(WpModel) copy = wp_model_copy(model);
    g_assert_cmpstr(wp_model_territory(copy)[2], ==, "company_size>=500");
    g_autofree char *back = wp_model_to_data(model);
    g_autoptr(WpModel) again = wp_model_load_from_data(back, "back", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(g_strv_length((char **)wp_model_territory(again)), ==, 3);
    g_assert_cmpstr(wp_model_territory(again)[1], ==, "title~VP,CFO");
    /* The expressions parse. */
    g_autoptr(WpWhere) parsed = wp_where_parse(where, 3, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_where_n_conditions(parsed), ==, 3);

    g_autoptr(WpModel) none = wp_model_new_default();
    g_assert_null(wp_model_territory(none));
    g_autoptr(WpModel) empty = wp_model_load_from_data("[territory]\n\nwhere=\n", "e.ini", &error);
    g_assert_null(empty);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_true(g_str_has_prefix(error->message, "e.ini:3: [territory] where: "));
    g_clear_error(&error);
    g_autoptr(WpModel) typo = wp_model_load_from_data("[territory]\nwher=x=1\n", "t.ini", &error);
    g_assert_null(typo);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "wher"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/where/match/equality", test_equality);
    g_test_add_func("/where/match/negation", test_negation);
    g_test_add_func("/where/match/substring", test_substring);
    g_test_add_func("/where/match/numeric", test_numeric);
    g_test_add_func("/where/match/and", test_and);
    g_test_add_func("/where/match/list-file", test_list_file);
    g_test_add_func("/where/match/fold-agrees", test_fold_agrees);
    g_test_add_func("/where/match/company-accounts", test_company_accounts);
    g_test_add_func("/where/explain", test_explain);
    g_test_add_func("/where/error/mistyped-operator", test_mistyped_operator);
    g_test_add_func("/where/error/long-expression", test_error_long_expression);
    g_test_add_func("/where/error/points-at-part", test_errors_point);
    g_test_add_func("/where/error/wide-text", test_error_wide_text);
    g_test_add_func("/where/error/unknown-column", test_unknown_column);
    g_test_add_func("/where/error/files", test_file_errors);
    g_test_add_func("/where/profile/territory", test_profile_territory);
    return g_test_run();
}
