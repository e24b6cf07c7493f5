/* SPDX-License-Identifier: MIT */
/* Person resolution: ids, names as people type them, companies, ambiguity, suggestions. */
#include <warmpath/warmpath.h>

#include <string.h>

static const char people[] = "id,name,company,title\n"
                             "p1,Bob Smith,Acme,VP Finance\n"
                             "p2,Bob Smith,Globex,IT Manager\n"
                             "p3,Robert Smith,Initech,Engineering Manager\n"
                             "p4,José Álvarez,Acme,CFO\n"
                             "p5,Zoë Müller,\"Smith, Jones & Partners\",Paralegal\n"
                             "p6,Ann Lee,Acme,CTO\n"
                             "p7,Ann Lee,Acme Holdings,COO\n"
                             "p8,Ann Lee,Big Acme,CEO\n"
                             "p9,Mary-Jane O'Neil,Globex,Analyst\n"
                             "P10,Priya Natarajan,Brightline Pay,Finance Director\n";
static const char ties[] = "source,target\np1,p2\n";

static WpGraph *graph_new(void)
{
    g_autoptr(GError) error = NULL;
    WpGraph *g = wp_graph_load_from_data(ties, people, 0, &error);
    g_assert_no_error(error);
    return g;
}

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
    g_autoptr(WpGraph) g = graph_new();
    g_assert_cmpstr(resolve_id(g, "p2", NULL), ==, "p2");
    /* An exact id wins even with a company that does not fit. */
    g_assert_cmpstr(resolve_id(g, "p2", "Acme"), ==, "p2");
    /* Ids compare exactly first, then ignoring ASCII case. */
    g_assert_cmpstr(resolve_id(g, "p10", NULL), ==, "P10");
}

static void test_by_name(void)
{
    g_autoptr(WpGraph) g = graph_new();
    g_assert_cmpstr(resolve_id(g, "robert smith", NULL), ==, "p3");
    g_assert_cmpstr(resolve_id(g, "  ROBERT\t  Smith ", NULL), ==, "p3");
    g_assert_cmpstr(resolve_id(g, "jose alvarez", NULL), ==, "p4");
    g_assert_cmpstr(resolve_id(g, "JOSÉ ÁLVAREZ", NULL), ==, "p4");
    g_assert_cmpstr(resolve_id(g, "zoe muller", NULL), ==, "p5");
    g_assert_cmpstr(resolve_id(g, "mary jane o'neil", NULL), ==, "p9");
}

static void test_with_company(void)
{
    g_autoptr(WpGraph) g = graph_new();
    g_assert_cmpstr(resolve_id(g, "Bob Smith", "Acme"), ==, "p1");
    g_assert_cmpstr(resolve_id(g, "bob smith", " globex "), ==, "p2");
    /* A prefix, a substring. */
    g_assert_cmpstr(resolve_id(g, "Bob Smith", "glob"), ==, "p2");
    g_assert_cmpstr(resolve_id(g, "Zoe Muller", "jones"), ==, "p5");
    /* An exact company beats a prefix (Acme Holdings) and a substring (Big Acme). */
    g_assert_cmpstr(resolve_id(g, "Ann Lee", "acme"), ==, "p6");
    /* A prefix beats a substring: "acme h" is only Acme Holdings. */
    g_assert_cmpstr(resolve_id(g, "Ann Lee", "acme h"), ==, "p7");
    g_assert_cmpstr(resolve_id(g, "Ann Lee", "big"), ==, "p8");
}

static void test_ambiguous(void)
{
    g_autoptr(WpGraph) g = graph_new();
    g_autoptr(GError) error = NULL;
    WpPerson p = wp_graph_resolve_person(g, "Bob Smith", NULL, &error);
    g_assert_cmpuint(p, ==, WP_PERSON_NONE);
    g_assert_error(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON);
    g_assert_nonnull(strstr(error->message, "'Bob Smith' matches 2 people"));
    g_assert_nonnull(strstr(error->message, "Bob Smith (Acme, p1)"));
    g_assert_nonnull(strstr(error->message, "Bob Smith (Globex, p2)"));
    g_clear_error(&error);
    /* Two prefixes of equal rank stay ambiguous: "acme" is exact for p6 only, but "a" is a
     * prefix of Acme and Acme Holdings. */
    p = wp_graph_resolve_person(g, "Ann Lee", "a", &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON);
    g_assert_nonnull(strstr(error->message, "matches 2 people"));
}

static void test_unknown(void)
{
    g_autoptr(WpGraph) g = graph_new();
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
    g_autoptr(WpGraph) g = graph_new();
    g_autoptr(GArray) bobs = wp_graph_match_people(g, "bob smith", NULL);
    g_assert_cmpuint(bobs->len, ==, 2);
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(bobs, WpPerson, 0)), ==, "p1");
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(bobs, WpPerson, 1)), ==, "p2");
    /* With a company: exact, then prefix, then substring. */
    g_autoptr(GArray) anns = wp_graph_match_people(g, "ann lee", "acme");
    g_assert_cmpuint(anns->len, ==, 3);
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(anns, WpPerson, 0)), ==, "p6");
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(anns, WpPerson, 1)), ==, "p7");
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(anns, WpPerson, 2)), ==, "p8");
    g_autoptr(GArray) none = wp_graph_match_people(g, "nobody", NULL);
    g_assert_cmpuint(none->len, ==, 0);
}

static void test_people_at_company(void)
{
    g_autoptr(WpGraph) g = graph_new();
    g_autoptr(GArray) acme = wp_graph_people_at_company(g, "ACME");
    g_assert_cmpuint(acme->len, ==, 3); /* p1, p4, p6: not Acme Holdings or Big Acme */
    g_autoptr(GArray) prefix = wp_graph_people_at_company(g, "acme hold");
    g_assert_cmpuint(prefix->len, ==, 1);
    g_autoptr(GArray) inside = wp_graph_people_at_company(g, "jones");
    g_assert_cmpuint(inside->len, ==, 1);
    g_autoptr(GArray) none = wp_graph_people_at_company(g, "umbrella");
    g_assert_cmpuint(none->len, ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/resolve/by-id", test_by_id);
    g_test_add_func("/resolve/by-name", test_by_name);
    g_test_add_func("/resolve/with-company", test_with_company);
    g_test_add_func("/resolve/ambiguous", test_ambiguous);
    g_test_add_func("/resolve/unknown", test_unknown);
    g_test_add_func("/resolve/match-people", test_match_people);
    g_test_add_func("/resolve/people-at-company", test_people_at_company);
    return g_test_run();
}
