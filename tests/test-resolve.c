/* SPDX-License-Identifier: MIT */
/* Person resolution: ids, names as people type them, companies, ambiguity, suggestions. */
#include "select/select-private.h"
#include <warmpath/warmpath.h>

#include "lookalikes-fixture.h"

#include <string.h>

static const char *resolve_id(const WpGraph *g, const char *query, const char *company)
{
    g_autoptr(GError) error = NULL;
    WpPerson p = wp_graph_resolve_person(g, query, company, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(p, !=, WP_PERSON_NONE);
    return wp_graph_person_id(g, p);
}

static void test_by_id(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_assert_cmpstr(resolve_id(g, "p2", NULL), ==, "p2");
    /* An exact id wins even with a company that does not fit. */
    g_assert_cmpstr(resolve_id(g, "p2", "Acme"), ==, "p2");
    /* Ids compare exactly first, then ignoring ASCII case. */
    g_assert_cmpstr(resolve_id(g, "p10", NULL), ==, "P10");
}

static void test_by_name(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_assert_cmpstr(resolve_id(g, "robert smith", NULL), ==, "p3");
    g_assert_cmpstr(resolve_id(g, "  ROBERT\t  Smith ", NULL), ==, "p3");
    g_assert_cmpstr(resolve_id(g, "jose alvarez", NULL), ==, "p4");
    g_assert_cmpstr(resolve_id(g, "JOSÉ ÁLVAREZ", NULL), ==, "p4");
    g_assert_cmpstr(resolve_id(g, "zoe muller", NULL), ==, "p5");
    g_assert_cmpstr(resolve_id(g, "mary jane o'neil", NULL), ==, "p9");
}

static void test_by_name_punctuation(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    /* What people type for O'Brien: curly apostrophes, none at all, other case. */
    const char *const obriens[] = {"Siobhan O\u2019Brien", "Siobhan O\u2018Brien", "siobhan obrien",
                                   "SIOBHAN O\u02BCBRIEN", "Siobhan O`Brien"};
    for (guint i = 0; i < G_N_ELEMENTS(obriens); i++)
        g_assert_cmpstr(resolve_id(g, obriens[i], NULL), ==, "p11");
    g_assert_cmpstr(resolve_id(g, "Mary Jane O\u2019Neil", NULL), ==, "p9");
    g_assert_cmpstr(resolve_id(g, "mary\u2013jane oneil", NULL), ==, "p9");
}

static void test_with_company(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_assert_cmpstr(resolve_id(g, "Bob Smith", "Acme"), ==, "p1");
    g_assert_cmpstr(resolve_id(g, "bob smith", " globex "), ==, "p2");
    g_assert_cmpstr(resolve_id(g, "Bob Smith", "Acme Inc"), ==, "p1");
    g_assert_cmpstr(resolve_id(g, "Bob Smith", "ACME, Ltd."), ==, "p1");
    g_assert_cmpstr(resolve_id(g, "Jose Alvarez", "acme"), ==, "p4"); /* stored "Acme, Inc." */
    g_assert_cmpstr(resolve_id(g, "Siobhan O'Brien", "Tailspin Toys Ltd"), ==, "p11");
    g_assert_cmpstr(resolve_id(g, "Zoe Muller", "Smith Jones & Partners"), ==, "p5");
    /* One account each: Acme (p6), Acme Holdings (p7), Big Acme (p8). */
    g_assert_cmpstr(resolve_id(g, "Ann Lee", "acme"), ==, "p6");
    g_assert_cmpstr(resolve_id(g, "Ann Lee", "Acme Holdings GmbH"), ==, "p7");
    g_assert_cmpstr(resolve_id(g, "Ann Lee", "big acme"), ==, "p8");
}

/* A company is one account, never a prefix or a part of a name: "glob", "acme h", "big" and
 * "pay" name no account; the error lists what they could mean. */
static void test_company_is_one_account(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    const char *const partial[] = {"glob", "acme h", "big", "jones", "pay"};
    for (guint i = 0; i < G_N_ELEMENTS(partial); i++) {
        g_autoptr(GError) error = NULL;
        WpPerson p = wp_graph_resolve_person(g, "Ann Lee", partial[i], &error);
        g_assert_cmpuint(p, ==, WP_PERSON_NONE);
        g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) none = wp_graph_resolve_account(g, "pay", NULL, &error);
    g_assert_null(none);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
    g_assert_cmpstr(error->message, ==,
                    "no account is named 'pay'; 2 accounts have it in their name: Brightline Pay "
                    "(1 person), Crestline Pay (1 person); name one of them");
    guint n = 0;
    const WpCandidate *c = wp_error_get_candidates(error, &n);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmpstr(c[0].name, ==, "Brightline Pay");
    g_assert_cmpuint(c[0].count, ==, 1);
    g_assert_cmpuint(c[0].person, ==, WP_PERSON_NONE);
    g_assert_cmpstr(c[1].name, ==, "Crestline Pay");
    /* Candidates survive a copy of the error. */
    g_autoptr(GError) copy = g_error_copy(error);
    g_assert_nonnull(wp_error_get_candidates(copy, &n));
    g_assert_cmpuint(n, ==, 2);
    g_clear_error(&error);
    /* A typo: the closest account, with its head count (Acme: p1, p4, p6). */
    g_autoptr(GArray) typo = wp_graph_resolve_account(g, "Acmee", NULL, &error);
    g_assert_null(typo);
    g_assert_cmpstr(error->message, ==, "no account is named 'Acmee'; closest: Acme (3 people)");
    g_clear_error(&error);
    g_autoptr(GArray) far = wp_graph_resolve_account(g, "Umbrella Corp", NULL, &error);
    g_assert_cmpstr(error->message, ==,
                    "no account is named 'Umbrella Corp'; no similar account name");
    g_assert_null(wp_error_get_candidates(error, NULL));
    g_clear_error(&error);
    /* Found: the people in order, and the spelling most of them use. */
    const char *name = NULL;
    g_autoptr(GArray) acme = wp_graph_resolve_account(g, "ACME Corporation", &name, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(acme->len, ==, 3);
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(acme, WpPerson, 0)), ==, "p1");
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(acme, WpPerson, 1)), ==, "p4");
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(acme, WpPerson, 2)), ==, "p6");
    g_assert_cmpstr(name, ==, "Acme"); /* each spelling once: the first */
}

static void test_ambiguous(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GError) error = NULL;
    WpPerson p = wp_graph_resolve_person(g, "Bob Smith", NULL, &error);
    g_assert_cmpuint(p, ==, WP_PERSON_NONE);
    g_assert_error(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON);
    g_assert_cmpstr(error->message, ==,
                    "'Bob Smith' matches 2 people: Bob Smith (Acme, p1), Bob Smith (Globex, p2); "
                    "name the company or use the id");
    guint n = 0;
    const WpCandidate *c = wp_error_get_candidates(error, &n);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmpstr(wp_graph_person_id(g, c[0].person), ==, "p1");
    g_assert_cmpstr(c[0].detail, ==, "Acme");
    g_assert_cmpstr(wp_graph_person_id(g, c[1].person), ==, "p2");
    g_clear_error(&error);
    /* Without a company the three Ann Lees are ambiguous; each account picks one. */
    p = wp_graph_resolve_person(g, "Ann Lee", NULL, &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON);
    g_assert_nonnull(strstr(error->message, "matches 3 people"));
}

static void test_unknown(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GError) error = NULL;
    WpPerson p = wp_graph_resolve_person(g, "Bob Smyth", NULL, &error);
    g_assert_cmpuint(p, ==, WP_PERSON_NONE);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_assert_cmpstr(error->message, ==,
                    "no person named 'Bob Smyth'; closest: Bob Smith (Acme), Bob Smith (Globex)");
    g_clear_error(&error);
    /* A surname typed alone is close to the full name. */
    wp_graph_resolve_person(g, "Natarajan", NULL, &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_assert_nonnull(strstr(error->message, "closest: Priya Natarajan (Brightline Pay)"));
    g_clear_error(&error);
    /* The name exists, but not at that company: say where it does. */
    wp_graph_resolve_person(g, "Bob Smith", "Initech", &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_assert_cmpstr(error->message, ==,
                    "no person named 'Bob Smith' at 'Initech'; people of that name: "
                    "Bob Smith (Acme), Bob Smith (Globex)");
    g_clear_error(&error);
    wp_graph_resolve_person(g, "qqqqqqqqqqqq", NULL, &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_assert_cmpstr(error->message, ==, "no person named 'qqqqqqqqqqqq'; no similar name");
    g_clear_error(&error);
    wp_graph_resolve_person(g, "   ", NULL, &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
}

static void test_match_people(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GArray) bobs = wp_graph_match_people(g, "bob smith", NULL);
    g_assert_cmpuint(bobs->len, ==, 2);
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(bobs, WpPerson, 0)), ==, "p1");
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(bobs, WpPerson, 1)), ==, "p2");
    /* With a company: that account only. */
    g_autoptr(GArray) anns = wp_graph_match_people(g, "ann lee", "acme");
    g_assert_cmpuint(anns->len, ==, 1);
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(anns, WpPerson, 0)), ==, "p6");
    g_autoptr(GArray) nowhere = wp_graph_match_people(g, "ann lee", "acm");
    g_assert_cmpuint(nowhere->len, ==, 0);
    g_autoptr(GArray) none = wp_graph_match_people(g, "nobody", NULL);
    g_assert_cmpuint(none->len, ==, 0);
}

static void test_people_at_company(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GArray) acme = wp_graph_people_at_company(g, "ACME");
    g_assert_cmpuint(acme->len, ==, 3); /* p1, p4, p6: not Acme Holdings or Big Acme */
    g_autoptr(GArray) inc = wp_graph_people_at_company(g, "Acme, Inc.");
    g_assert_cmpuint(inc->len, ==, 3);
    g_autoptr(GArray) prefix = wp_graph_people_at_company(g, "acme hold");
    g_assert_cmpuint(prefix->len, ==, 0);
    g_autoptr(GArray) inside = wp_graph_people_at_company(g, "jones");
    g_assert_cmpuint(inside->len, ==, 0);
    g_autoptr(GArray) none = wp_graph_people_at_company(g, "umbrella");
    g_assert_cmpuint(none->len, ==, 0);
    g_autoptr(GArray) empty = wp_graph_people_at_company(g, " Inc. ");
    g_assert_cmpuint(empty->len, ==, 0);
}

static const char *nth_id(const WpGraph *g, const GArray *list, guint i)
{
    return wp_graph_person_id(g, g_array_index(list, WpPerson, i));
}

/* One team rule: a name folded like any other, an unknown one listing the teams. */
static void test_team(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) east = wp_graph_resolve_team(g, "sales-east", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(east->len, ==, 2);
    g_assert_cmpstr(nth_id(g, east, 0), ==, "p12");
    g_assert_cmpstr(nth_id(g, east, 1), ==, "p13");
    g_autoptr(GArray) west = wp_graph_resolve_team(g, "sales west", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(west->len, ==, 1);
    g_assert_cmpstr(nth_id(g, west, 0), ==, "p14");
    g_autoptr(GArray) all = wp_graph_resolve_team(g, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(all->len, ==, 3);
    g_autoptr(GArray) none = wp_graph_resolve_team(g, "sales-nowhere", &error);
    g_assert_null(none);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
    g_assert_cmpstr(error->message, ==,
                    "no team 'sales-nowhere'; the teams are: sales-east (2 people), Sales West "
                    "(1 person)");
    guint n = 0;
    const WpCandidate *c = wp_error_get_candidates(error, &n);
    g_assert_cmpuint(n, ==, 2);
    g_assert_cmpstr(c[0].name, ==, "sales-east");
    g_assert_cmpuint(c[0].count, ==, 2);
    g_clear_error(&error);
    g_autoptr(GArray) typo = wp_graph_resolve_team(g, "sales-eats", &error);
    g_assert_nonnull(strstr(error->message, "no team 'sales-eats'; closest: sales-east"));
    g_clear_error(&error);
    /* A network without teams. */
    g_autoptr(WpGraph) plain =
        wp_graph_load_from_data("source,target\na,b\n", "id,name\na,A\nb,B\n", 0, &error);
    g_assert_no_error(error);
    g_autoptr(GArray) nobody = wp_graph_resolve_team(plain, NULL, &error);
    g_assert_null(nobody);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
}

/* The banded edit distance against the plain dynamic programme, on random short strings over a
 * small alphabet (so that distances are small and caps are hit). */
static guint plain_distance(const char *a, const char *b)
{
    gsize la = strlen(a), lb = strlen(b);
    g_autofree guint *d = g_new(guint, (la + 1) * (lb + 1));
    for (gsize i = 0; i <= la; i++)
        for (gsize j = 0; j <= lb; j++)
            d[i * (lb + 1) + j] =
                i == 0   ? (guint)j
                : j == 0 ? (guint)i
                         : MIN(MIN(d[(i - 1) * (lb + 1) + j] + 1, d[i * (lb + 1) + j - 1] + 1),
                               d[(i - 1) * (lb + 1) + j - 1] + (a[i - 1] != b[j - 1]));
    return d[la * (lb + 1) + lb];
}

static void test_edit_distance(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(5);
    for (guint round = 0; round < 20000; round++) {
        char a[12], b[12];
        guint la = (guint)g_rand_int_range(rand, 0, 11), lb = (guint)g_rand_int_range(rand, 0, 11);
        for (guint i = 0; i < la; i++)
            a[i] = "abc"[g_rand_int_range(rand, 0, 3)];
        for (guint i = 0; i < lb; i++)
            b[i] = "abc"[g_rand_int_range(rand, 0, 3)];
        a[la] = b[lb] = '\0';
        guint cap = (guint)g_rand_int_range(rand, 0, 6);
        guint want = plain_distance(a, b);
        guint got = wp_i_edit_distance(a, la, b, lb, cap);
        if (want <= cap)
            g_assert_cmpuint(got, ==, want);
        else
            g_assert_cmpuint(got, ==, cap + 1);
    }
}

/* Bounded cost: an unknown 100 KB name answers at once (suggestions compare at most 128 bytes
 * with a bounded distance), and the message quotes at most 80 bytes of it; long names in the
 * people file cost no more than reading them. */
static void test_unknown_huge_name(void)
{
    g_autoptr(GString) csv = g_string_new("id,name,company\n");
    g_autofree char *long_name = g_strnfill(100 * 1024, 'x');
    for (guint i = 0; i < 20; i++)
        g_string_append_printf(csv, "q%u,%s%u,Acme\n", i, long_name, i);
    for (guint i = 0; i < 5000; i++)
        g_string_append_printf(csv, "n%u,Name%u Surname%u,Company%u\n", i, i, i % 97, i % 101);
    g_string_append(csv, "b,Bob Smith,Acme\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data("source,target\nq0,b\n", csv->str, 0, &error);
    g_assert_no_error(error);
    g_autofree char *query = g_strnfill(100 * 1024, 'y');
    query[50 * 1024] = ' '; /* two words: the whole-name comparison */
    gint64 start = g_get_monotonic_time();
    WpPerson p = wp_graph_resolve_person(g, query, NULL, &error);
    g_autofree char *query2 = g_strconcat(long_name, "z", NULL); /* close to every long name */
    g_autoptr(GError) error2 = NULL;
    WpPerson p2 = wp_graph_resolve_person(g, query2, "Acme", &error2);
    gint64 took = g_get_monotonic_time() - start;
    g_assert_cmpuint(p, ==, WP_PERSON_NONE);
    g_assert_cmpuint(p2, ==, WP_PERSON_NONE);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_assert_error(error2, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_test_message("two unknown 100 KB names among 5,000 names and 20 long ones: %.1f ms",
                   took / 1000.0);
    g_assert_cmpint(took, <, G_USEC_PER_SEC / 2); /* ~60 ms here; a loose bound for CI */
    g_assert_cmpuint(strlen(error->message), <, 200);
    g_assert_true(g_str_has_prefix(error->message, "no person named 'yyyy"));
    g_assert_nonnull(strstr(error->message, "\u2026'"));
    g_assert_cmpuint(strlen(error2->message), <, 200);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/resolve/by-id", test_by_id);
    g_test_add_func("/resolve/by-name", test_by_name);
    g_test_add_func("/resolve/by-name-punctuation", test_by_name_punctuation);
    g_test_add_func("/resolve/with-company", test_with_company);
    g_test_add_func("/resolve/company-is-one-account", test_company_is_one_account);
    g_test_add_func("/resolve/ambiguous", test_ambiguous);
    g_test_add_func("/resolve/unknown", test_unknown);
    g_test_add_func("/resolve/match-people", test_match_people);
    g_test_add_func("/resolve/people-at-company", test_people_at_company);
    g_test_add_func("/resolve/team", test_team);
    g_test_add_func("/resolve/edit-distance", test_edit_distance);
    g_test_add_func("/resolve/unknown-huge-name", test_unknown_huge_name);
    return g_test_run();
}
