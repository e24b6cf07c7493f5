/* SPDX-License-Identifier: MIT */
/* Selection (warmpath/select.h): every error names the parameter and carries its candidates;
 * territories follow one rule; the people search ranks as a brute force over every person
 * does, on a hand-made list, the demo network and random networks, from several threads. */
#include <warmpath/warmpath.h>

#include "core/people-private.h" /* the view selection reads */
#include "lookalikes-fixture.h"

#include <glib/gstdio.h>
#include <string.h>

/* The ids of the people in @list, joined by spaces. */
static char *ids_of(const WpGraph *g, const GArray *list)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < list->len; i++)
        g_string_append_printf(s, "%s%s", i ? " " : "",
                               wp_graph_person_id(g, g_array_index(list, WpPerson, i)));
    return g_string_free(s, FALSE);
}

/* The candidates @error carries as "name|detail|id-or-count" joined by ", ". */
static char *candidates_of(const WpGraph *g, const GError *error)
{
    guint n = 0;
    const WpCandidate *c = wp_error_get_candidates(error, &n);
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < n; i++) {
        g_string_append_printf(s, "%s%s|%s|", i ? ", " : "", c[i].name,
                               c[i].detail ? c[i].detail : "");
        if (c[i].person != WP_PERSON_NONE)
            g_string_append(s, wp_graph_person_id(g, c[i].person));
        else
            g_string_append_printf(s, "%u", c[i].count);
    }
    return g_string_free(s, FALSE);
}

static void test_person_errors(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GError) error = NULL;
    g_assert_cmpuint(wp_select_person(g, "Bob Smith", "Globex", "--to", "--at", &error), ==, 1);
    g_assert_no_error(error);

    g_assert_cmpuint(wp_select_person(g, "bob smith", NULL, "--to", "--at", &error), ==,
                     WP_PERSON_NONE);
    g_assert_error(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON);
    g_assert_cmpstr(error->message, ==,
                    "--to 'bob smith' matches 2 people; add --at COMPANY or give the id");
    g_autofree char *both = candidates_of(g, error);
    g_assert_cmpstr(both, ==, "Bob Smith|Acme|p1, Bob Smith|Globex|p2");
    g_clear_error(&error);

    wp_select_person(g, "Ann Lee", NULL, "--from", NULL, &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON);
    g_assert_cmpstr(error->message, ==, "--from 'Ann Lee' matches 3 people; give the id");
    g_autofree char *three = candidates_of(g, error);
    g_assert_cmpstr(three, ==, "Ann Lee|ACME|p6, Ann Lee|Acme Holdings|p7, Ann Lee|Big Acme|p8");
    g_clear_error(&error);

    wp_select_person(g, "Bobb Smyth", NULL, "--to", "--at", &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_assert_true(g_str_has_prefix(error->message, "--to: no person named 'Bobb Smyth'; closest: "
                                                   "Bob Smith (Acme), Bob Smith (Globex)"));
    g_autofree char *near = candidates_of(g, error);
    g_assert_true(g_str_has_prefix(near, "Bob Smith|Acme|p1, Bob Smith|Globex|p2"));
    g_clear_error(&error);

    /* The account is --at's fault, with the closest accounts. */
    wp_select_person(g, "Bob Smith", "Initek", "--to", "--at", &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
    g_assert_true(g_str_has_prefix(error->message, "--at: no account is named 'Initek'"));
    g_autofree char *accounts = candidates_of(g, error);
    g_assert_cmpstr(accounts, ==, "Initech||1");
}

static void test_sellers(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) mixed =
        wp_select_sellers(g, " p13, ,Robert Smith,p13", TRUE, "SALES-EAST", &error);
    g_assert_no_error(error);
    g_autofree char *ids = ids_of(g, mixed);
    g_assert_cmpstr(ids, ==, "p13 p3 p12"); /* --from first, then the team; no one twice */
    g_auto(GStrv) id_array = wp_select_ids(g, mixed); /* the ledger's filter form */
    const char *const expected[] = {"p13", "p3", "p12", NULL};
    g_assert_true(g_strv_equal((const char *const *)id_array, expected));
    g_autoptr(GArray) all = wp_select_sellers(g, NULL, TRUE, NULL, &error);
    g_autofree char *all_ids = ids_of(g, all);
    g_assert_cmpstr(all_ids, ==, "p12 p13 p14");

    g_assert_null(wp_select_sellers(g, "p1,Ann Lee", FALSE, NULL, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON);
    g_assert_cmpstr(error->message, ==, "--from 'Ann Lee' matches 3 people; give the id");
    g_clear_error(&error);

    g_assert_null(wp_select_sellers(g, "Nobody Atall", FALSE, NULL, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_assert_true(g_str_has_prefix(error->message, "--from: no person named 'Nobody Atall'"));
    g_clear_error(&error);

    g_assert_null(wp_select_sellers(g, NULL, TRUE, "west", &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
    g_assert_cmpstr(error->message, ==,
                    "--team: no team 'west'; closest: Sales West (1 person), sales-east (2 "
                    "people)");
    g_autofree char *teams = candidates_of(g, error);
    g_assert_cmpstr(teams, ==, "Sales West||1, sales-east||2");
    g_clear_error(&error);

    g_assert_null(wp_select_sellers(g, " , ", FALSE, NULL, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_cmpstr(error->message, ==, "--from: no seller named");
}

static void test_account(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GError) error = NULL;
    g_assert_cmpstr(wp_select_account(g, "ACME Corp.", "--to-company", &error), ==, "Acme");
    g_assert_no_error(error);
    g_assert_null(wp_select_account(g, "pay", "--to-company", &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME);
    g_assert_true(g_str_has_prefix(error->message, "--to-company: no account is named 'pay'; "));
    g_autofree char *accounts = candidates_of(g, error);
    g_assert_cmpstr(accounts, ==, "Brightline Pay||1, Crestline Pay||1");
}

/* A file of @text in a fresh temporary folder; free with remove_file(). */
static char *temp_file(const char *name, const char *text)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("wp-test-select-XXXXXX", &error);
    g_assert_no_error(error);
    char *file = g_build_filename(dir, name, NULL);
    g_assert_true(g_file_set_contents(file, text, -1, &error));
    return file;
}

static void remove_file(char *file)
{
    g_autofree char *dir = g_path_get_dirname(file);
    g_remove(file);
    g_rmdir(dir);
    g_free(file);
}

static void test_targets_file(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GError) error = NULL;
    char *good = temp_file("t.txt", "# buyers\n\np1\nBob Smith @ Globex\n  Robert Smith \n");
    g_autoptr(GArray) listed = wp_select_targets_file(g, good, &error);
    g_assert_no_error(error);
    g_autofree char *ids = ids_of(g, listed);
    g_assert_cmpstr(ids, ==, "p1 p2 p3");
    g_autofree char *display = g_filename_display_name(good);
    remove_file(good);

    char *ambiguous = temp_file("a.txt", "p1\nAnn Lee\n");
    g_assert_null(wp_select_targets_file(g, ambiguous, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON);
    g_autofree char *place = g_filename_display_name(ambiguous);
    g_autofree char *expected = g_strdup_printf(
        "%s:2: 'Ann Lee' matches 3 people; write 'NAME @ COMPANY' or the id", place);
    g_assert_cmpstr(error->message, ==, expected);
    g_autofree char *three = candidates_of(g, error);
    g_assert_cmpstr(three, ==, "Ann Lee|ACME|p6, Ann Lee|Acme Holdings|p7, Ann Lee|Big Acme|p8");
    g_clear_error(&error);
    remove_file(ambiguous);

    char *unknown = temp_file("u.txt", "Bob Smith @ Initek\n");
    g_assert_null(wp_select_targets_file(g, unknown, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_NAME); /* the line's account */
    g_autofree char *where = g_filename_display_name(unknown);
    g_autofree char *prefix = g_strdup_printf("%s:1: no account is named 'Initek'", where);
    g_assert_true(g_str_has_prefix(error->message, prefix));
    g_clear_error(&error);
    remove_file(unknown);

    g_assert_null(wp_select_targets_file(g, "/nonexistent/targets.txt", &error));
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void test_territory(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) plain = wp_model_new_default();
    WpTerritorySpec none = {NULL, NULL, plain, "default", NULL};
    g_assert_null(wp_territory_select(g, &none, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_cmpstr(error->message, ==,
                    "no territory: give --where EXPR, --targets FILE, or a profile (--model FILE) "
                    "with a [territory] group");
    g_clear_error(&error);
    none.account_option = "--company";
    g_assert_null(wp_territory_select(g, &none, &error));
    g_assert_cmpstr(error->message, ==,
                    "no account or territory: give --company COMPANY, --where EXPR, --targets "
                    "FILE, or a profile (--model FILE) with a [territory] group");
    g_clear_error(&error);

    /* The profile's [territory] when nothing else is given; its name in every message. */
    g_autoptr(WpModel) profile =
        wp_model_load_from_data("[territory]\nwhere=title~cfo\n", "team.ini", &error);
    g_assert_no_error(error);
    WpTerritorySpec from_profile = {NULL, NULL, profile, "team.ini", NULL};
    g_autoptr(WpTerritory) cfos = wp_territory_select(g, &from_profile, &error);
    g_assert_no_error(error);
    g_autofree char *cfo_ids = ids_of(g, cfos->people);
    g_assert_cmpstr(cfo_ids, ==, "p4 p15");
    g_assert_cmpstr(cfos->origin, ==, "team.ini [territory] where");
    g_assert_cmpstr(cfos->description, ==, "team.ini [territory] where title~cfo");
    g_assert_null(wp_territory_explain(cfos, g));

    /* A targets file within --where; the description says both. */
    char *list = temp_file("t.txt", "p1\np4\np15\n");
    const char *cfo[] = {"title~cfo", NULL};
    WpTerritorySpec both = {cfo, list, profile, "team.ini", NULL};
    g_autoptr(WpTerritory) listed = wp_territory_select(g, &both, &error);
    g_assert_no_error(error);
    g_autofree char *listed_ids = ids_of(g, listed->people);
    g_assert_cmpstr(listed_ids, ==, "p4 p15");
    g_autofree char *described = g_strdup_printf("--where title~cfo within --targets %s", list);
    g_assert_cmpstr(listed->description, ==, described);
    remove_file(list);

    /* Empty: why, naming what the user gave. */
    const char *mars[] = {"company=Mars", "title~cfo", NULL};
    WpTerritorySpec empty = {mars, NULL, plain, "default", NULL};
    g_autoptr(WpTerritory) nobody = wp_territory_select(g, &empty, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(nobody->people->len, ==, 0);
    g_autofree char *why = wp_territory_explain(nobody, g);
    g_assert_true(g_str_has_prefix(why, "the territory is empty: no one matches --where "
                                        "company=Mars and title~cfo\n  "));
}

/* Filter errors name where the expressions came from; a list file's bad line keeps its own
 * FILE:LINE (map used to leave --where off a list file's read error). */
static void test_where_errors(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    g_autoptr(GError) error = NULL;
    const char *typo[] = {"colr=x", NULL};
    g_assert_null(wp_select_where(g, typo, "--where", &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_true(g_str_has_prefix(error->message, "--where 'colr=x': unknown column 'colr'"));
    g_clear_error(&error);
    g_assert_null(wp_select_where(g, typo, "team.ini [territory] where", &error));
    g_assert_true(g_str_has_prefix(error->message, "team.ini [territory] where 'colr=x': "));
    g_clear_error(&error);

    const char *missing[] = {"company=@/nonexistent/accounts.txt", NULL};
    g_assert_null(wp_select_where(g, missing, "--where", &error));
    g_assert_true(
        g_str_has_prefix(error->message, "--where 'company=@/nonexistent/accounts.txt': "));
    g_clear_error(&error);

    char *list = temp_file("accounts.txt", "Acme\n...\n");
    g_autofree char *expression = g_strdup_printf("company=@%s", list);
    const char *bad_line[] = {expression, NULL};
    g_assert_null(wp_select_where(g, bad_line, "--where", &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_autofree char *line = g_strdup_printf("%s:2: ", list);
    g_assert_true(g_str_has_prefix(error->message, line));
    remove_file(list);
    g_clear_error(&error);

    const char *finanse[] = {"title=Finanse Director", NULL};
    g_autoptr(WpWhere) where = wp_select_where(g, finanse, "--where", &error);
    g_assert_no_error(error);
    g_autofree char *unknown = wp_where_explain_text(where, g, "--where", G_MAXUINT);
    g_assert_cmpstr(unknown, ==,
                    "--where: 1 value no one has:\n  'title=Finanse Director': no one's title is "
                    "'Finanse Director'; closest: Finance Director (1 person)");
}

/* ---- People search against a brute force over every person ---- */

/* A person's place in the brute-force order: the tier, then for a name match the folded name,
 * for a company match the folded company and then the folded name; then name, company and id
 * as typed. */
typedef struct {
    WpPerson person;
    int kind;
    const char *name_key;
    const char *company_key;
    const char *name, *company, *id;
} Expected;

/* Every person's name and company folded once by wp_text_fold() (the search's index is not
 * used), so that many searches stay quick under the sanitizers. */
typedef struct {
    const WpGraph *graph;
    GPtrArray *name_keys;
    GPtrArray *company_keys;
} Brute;

static Brute *brute_new(const WpGraph *g)
{
    Brute *b = g_new0(Brute, 1);
    b->graph = g;
    b->name_keys = g_ptr_array_new_with_free_func(g_free);
    b->company_keys = g_ptr_array_new_with_free_func(g_free);
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++) {
        const char *company = wp_graph_person_attr(g, p, WP_COLUMN_COMPANY);
        g_ptr_array_add(b->name_keys, wp_text_fold(wp_graph_person_label(g, p)));
        g_ptr_array_add(b->company_keys, wp_text_fold(company != NULL ? company : ""));
    }
    return b;
}

static void brute_free(Brute *b)
{
    g_ptr_array_unref(b->name_keys);
    g_ptr_array_unref(b->company_keys);
    g_free(b);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Brute, brute_free)

/* How the folded @key matches the folded @q, by the definitions in select.h: exact, its start,
 * a later word's start (the character before is a space), inside, or not at all (-1). */
static int brute_kind(const char *key, const char *q)
{
    if (strcmp(key, q) == 0)
        return 0;
    if (g_str_has_prefix(key, q))
        return 1;
    for (gsize i = 1; key[i] != '\0'; i++)
        if (key[i - 1] == ' ' && g_str_has_prefix(key + i, q))
            return 2;
    return strstr(key, q) != NULL ? 3 : -1;
}

static int compare_expected(gconstpointer a, gconstpointer b)
{
    const Expected *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind - y->kind;
    int c = x->kind >= WP_MATCH_COMPANY_EXACT ? strcmp(x->company_key, y->company_key) : 0;
    if (c == 0)
        c = strcmp(x->name_key, y->name_key);
    if (c == 0)
        c = strcmp(x->name, y->name);
    if (c == 0)
        c = strcmp(x->company, y->company);
    return c != 0 ? c : strcmp(x->id, y->id);
}

/* Every person matching @text, sorted, cut to @limit. */
static GArray *brute_search(const Brute *b, const char *text, guint limit)
{
    const WpGraph *g = b->graph;
    g_autofree char *q = wp_text_fold(text);
    GArray *all = g_array_new(FALSE, FALSE, sizeof(Expected));
    if (q[0] == '\0')
        return all;
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++) {
        const char *company = wp_graph_person_attr(g, p, WP_COLUMN_COMPANY);
        Expected e = {p,
                      -1,
                      b->name_keys->pdata[p],
                      b->company_keys->pdata[p],
                      wp_graph_person_label(g, p),
                      company != NULL ? company : "",
                      wp_graph_person_id(g, p)};
        e.kind = brute_kind(e.name_key, q);
        if (e.kind < 0 && e.company_key[0] != '\0' && brute_kind(e.company_key, q) >= 0)
            e.kind = WP_MATCH_COMPANY_EXACT + brute_kind(e.company_key, q);
        if (e.kind >= 0)
            g_array_append_val(all, e);
    }
    g_array_sort(all, compare_expected);
    if (all->len > limit)
        g_array_set_size(all, limit);
    return all;
}

/* wp_graph_search_people() agrees with the brute force on @text, person by person. */
static void assert_search(const Brute *b, const char *text, guint limit)
{
    const WpGraph *g = b->graph;
    g_autoptr(GArray) got = wp_graph_search_people(g, text, limit);
    g_autoptr(GArray) want = brute_search(b, text, limit);
    for (guint i = 0; i < MIN(got->len, want->len); i++) {
        const WpPersonMatch *m = &g_array_index(got, WpPersonMatch, i);
        const Expected *e = &g_array_index(want, Expected, i);
        if (m->person != e->person || (int)m->kind != e->kind)
            g_error("search '%s' (limit %u), #%u: got %s (kind %d), want %s (kind %d)", text, limit,
                    i, wp_graph_person_id(g, m->person), m->kind, e->id, e->kind);
    }
    if (got->len != want->len)
        g_error("search '%s' (limit %u): %u matches, want %u", text, limit, got->len, want->len);
}

/* Hand-worked answers on the small list, then the brute force on every prefix of its names. */
static void test_search_people(void)
{
    g_autoptr(WpGraph) g = lookalikes_graph_new();
    struct {
        const char *text;
        const char *ids;
    } cases[] = {
        /* Bob Smith (Acme) before Bob Smith (Globex): same folded name, company as typed. */
        {"bob", "p1 p2"},
        {"  BOB   smith ", "p1 p2"},
        /* Word starts (Smith), then a company word start (Smith, Jones & Partners). */
        {"smi", "p1 p2 p3 p5"},
        /* "lee" starts a later word of the three Ann Lees and of Jordan Lee: by folded name. */
        {"lee", "p6 p7 p8 p13"},
        {"ann le", "p6 p7 p8"},
        /* The folded name: accents and apostrophes go; a dash is a word break. */
        {"jose alv", "p4"},
        {"oneil", "p9"},
        {"jane", "p9"},
        {"muller", "p5"},
        /* Companies: "Acme" and "ACME" fold alike (Ann Lee before Bob Smith), then "Acme
         * Holdings" before "Acme, Inc." (starts, by folded company), then "Big Acme" (word). */
        {"acme", "p6 p1 p7 p4 p8"},
        /* Inside a word: "pay" starts a word of two companies; "ay" is inside them. */
        {"pay", "P10 p15"},
        {"rightline", "P10"},
        {"P10", ""}, /* ids are not searched when a name is there */
        {"", ""},
        {" -- ", ""},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GArray) found = wp_graph_search_people(g, cases[i].text, 10);
        GString *ids = g_string_new(NULL);
        for (guint k = 0; k < found->len; k++)
            g_string_append_printf(
                ids, "%s%s", k ? " " : "",
                wp_graph_person_id(g, g_array_index(found, WpPersonMatch, k).person));
        g_autofree char *got = g_string_free(ids, FALSE);
        if (g_strcmp0(got, cases[i].ids) != 0)
            g_error("search '%s': got '%s', want '%s'", cases[i].text, got, cases[i].ids);
    }
    g_autoptr(GArray) smi = wp_graph_search_people(g, "smi", 10);
    g_assert_cmpint(g_array_index(smi, WpPersonMatch, 0).kind, ==, WP_MATCH_NAME_WORD);
    g_assert_cmpint(g_array_index(smi, WpPersonMatch, 3).kind, ==, WP_MATCH_COMPANY_PREFIX);
    g_autoptr(JsonNode) json = wp_report_people_json(g, smi);
    g_autofree char *text = json_to_string(json, FALSE);
    g_assert_cmpstr(text, ==,
                    "{\"people\":[{\"id\":\"p1\",\"name\":\"Bob Smith\",\"company\":\"Acme\","
                    "\"title\":\"VP Finance\",\"match\":\"name-word\"},{\"id\":\"p2\",\"name\":"
                    "\"Bob Smith\",\"company\":\"Globex\",\"title\":\"IT Manager\",\"match\":"
                    "\"name-word\"},{\"id\":\"p3\",\"name\":\"Robert Smith\",\"company\":"
                    "\"Initech\",\"title\":\"Engineering Manager\",\"match\":\"name-word\"},{"
                    "\"id\":\"p5\",\"name\":\"Zoë Müller\",\"company\":\"Smith, Jones & "
                    "Partners\",\"title\":\"Paralegal\",\"match\":\"company-prefix\"}]}");
    g_autoptr(GArray) two = wp_graph_search_people(g, "lee", 2); /* the limit cuts the best */
    g_assert_cmpuint(two->len, ==, 2);
    g_assert_cmpuint(g_array_index(two, WpPersonMatch, 1).person, ==, 6); /* p7 */

    g_autoptr(Brute) brute = brute_new(g);
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++) {
        const char *name = wp_graph_person_label(g, p);
        for (gsize n = 1; name[n - 1] != '\0'; n++) {
            g_autofree char *prefix = g_strndup(name, n);
            assert_search(brute, prefix, 100);
            assert_search(brute, prefix, 2);
        }
    }
}

/* The demo network: every 2- and 3-letter start of a name or company word, and random slices. */
static void test_search_demo(void)
{
    const char *root = g_getenv("WP_SOURCE_DIR");
    if (root == NULL) {
        g_test_skip("WP_SOURCE_DIR is not set");
        return;
    }
    g_autofree char *ties_file = g_build_filename(root, "datasets", "demo", "edges.csv", NULL);
    g_autofree char *people_file = g_build_filename(root, "datasets", "demo", "people.csv", NULL);
    g_autofree char *ties_text = NULL, *people_text = NULL;
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_get_contents(ties_file, &ties_text, NULL, &error));
    g_assert_true(g_file_get_contents(people_file, &people_text, NULL, &error));
    g_autoptr(WpGraph) g = wp_graph_load_from_data(ties_text, people_text, 0, &error);
    g_assert_no_error(error);
    g_autoptr(GHashTable) texts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GRand) rand = g_rand_new_with_seed(15);
    for (WpPerson p = 0; p < wp_graph_n_people(g); p += 7) {
        const char *company = wp_graph_person_attr(g, p, WP_COLUMN_COMPANY);
        g_autofree char *key =
            g_strconcat(wp_graph_person_label(g, p), " ", company ? company : "", NULL);
        g_autofree char *folded = wp_text_fold(key);
        gsize len = strlen(folded);
        for (gsize i = 0; i < len; i++)
            if (i == 0 || folded[i - 1] == ' ')
                for (gsize n = 2; n <= 3 && i + n <= len; n++)
                    g_hash_table_add(texts, g_strndup(folded + i, n));
        gsize from = (gsize)g_rand_int_range(rand, 0, (gint32)len);
        g_hash_table_add(texts, g_strndup(folded + from, (gsize)g_rand_int_range(rand, 1, 6)));
    }
    g_autoptr(Brute) brute = brute_new(g);
    GHashTableIter iter;
    gpointer text;
    g_hash_table_iter_init(&iter, texts);
    while (g_hash_table_iter_next(&iter, &text, NULL)) {
        assert_search(brute, text, 8);
        assert_search(brute, text, 1);
    }
    g_test_message("%u texts searched", g_hash_table_size(texts));
    g_assert_cmpuint(g_hash_table_size(texts), >, 500);
}

/* Random names from a few syllables (so that many share starts and words), empty and missing
 * companies, people without names (searched by id); then several threads search one fresh
 * graph at once, the first building the index, and all agree with the brute force. */
static char *random_network_people(GRand *rand, guint n)
{
    static const char *const parts[] = {"an", "Ann", "bo", "Bob", "é",  "lee", "Lé", "o'",
                                        "ma", "-",   " ",  "  ",  "ri", "Ria", "&",  "x"};
    GString *csv = g_string_new("id,name,company\n");
    for (guint i = 0; i < n; i++) {
        GString *name = g_string_new(NULL);
        GString *company = g_string_new(NULL);
        for (guint k = g_rand_int_range(rand, 0, 5); k > 0; k--)
            g_string_append(name, parts[g_rand_int_range(rand, 0, G_N_ELEMENTS(parts))]);
        for (guint k = g_rand_int_range(rand, 0, 4); k > 0; k--)
            g_string_append(company, parts[g_rand_int_range(rand, 0, G_N_ELEMENTS(parts))]);
        g_string_append_printf(csv, "r%u,\"%s\",\"%s\"\n", i, name->str, company->str);
        g_string_free(name, TRUE);
        g_string_free(company, TRUE);
    }
    return g_string_free(csv, FALSE);
}

typedef struct {
    const Brute *brute;
    guint seed;
} SearchJob;

static gpointer search_thread(gpointer data)
{
    const SearchJob *job = data;
    static const char *const texts[] = {"an", "ann", "bo",  "bob", "e", "lee",   "le",   "o",
                                        "ma", "ri",  "ria", "&",   "x", "an bo", "e le", "r1"};
    g_autoptr(GRand) rand = g_rand_new_with_seed(job->seed);
    for (guint i = 0; i < 40; i++)
        assert_search(job->brute, texts[g_rand_int_range(rand, 0, G_N_ELEMENTS(texts))],
                      (guint)g_rand_int_range(rand, 1, 30));
    return NULL;
}

static void test_search_random(void)
{
    for (guint seed = 1; seed <= 6; seed++) {
        g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
        g_autofree char *csv = random_network_people(rand, 300);
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = wp_graph_load_from_data("source,target\n", csv, 0, &error);
        g_assert_no_error(error);
        g_autoptr(Brute) brute = brute_new(g);
        SearchJob jobs[4];
        GThread *threads[4];
        for (guint t = 0; t < 4; t++) {
            jobs[t] = (SearchJob){brute, seed * 10 + t};
            threads[t] = g_thread_new("search", search_thread, &jobs[t]);
        }
        for (guint t = 0; t < 4; t++)
            g_thread_join(threads[t]);
    }
}

/* What selection sees of a graph's people (core/people-private.h), worked by hand: two people
 * listed, one known only from a tie; a column's values for the listed; without a people file
 * everyone is a candidate and there is no column. */
static void test_people_view(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(
        "source,target\na,b\nb,z\n", "id,name,company\na,Ann,Acme\nb,Bo,\n", 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 3);
    g_assert_cmpuint(wp_i_graph_n_listed(g), ==, 2);
    g_assert_cmpuint(wp_i_graph_n_candidates(g), ==, 2);
    const WpColumn *company = wp_i_graph_column(g, "company");
    g_assert_nonnull(company);
    g_assert_cmpstr(wp_i_column_value(company, 0), ==, "Acme");
    g_assert_null(wp_i_column_value(company, 1));
    const WpColumn *name = wp_i_graph_column(g, "name");
    g_assert_cmpstr(wp_i_column_value(name, 1), ==, "Bo");
    g_assert_null(wp_i_graph_column(g, "region"));

    g_autoptr(WpGraph) bare = wp_graph_load_from_data("source,target\na,b\nb,z\n", NULL, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_i_graph_n_listed(bare), ==, 0);
    g_assert_cmpuint(wp_i_graph_n_candidates(bare), ==, 3);
    g_assert_null(wp_i_graph_column(bare, "name"));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/select/person-errors", test_person_errors);
    g_test_add_func("/select/sellers", test_sellers);
    g_test_add_func("/select/account", test_account);
    g_test_add_func("/select/targets-file", test_targets_file);
    g_test_add_func("/select/territory", test_territory);
    g_test_add_func("/select/where-errors", test_where_errors);
    g_test_add_func("/select/search-people", test_search_people);
    g_test_add_func("/select/search-demo", test_search_demo);
    g_test_add_func("/select/search-random", test_search_random);
    g_test_add_func("/select/people-view", test_people_view);
    return g_test_run();
}
