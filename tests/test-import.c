/* SPDX-License-Identifier: MIT */
/* Importing LinkedIn exports: every format variant, identity resolution, repeatable merging and
 * the report. Expected values are counted by hand from the fixtures in tests/data/import-*
 * (written for these tests); each case says how. CRM exports: test-import-crm.c; export
 * kinds, owners, names and teammates: test-import-people.c. */
#include "import-helpers.h"

#include <time.h>
#include <utime.h>

/* ---- keys and dates ---- */

/* Expected days written out by hand from the calendar. */
static void test_keys_dates(void)
{
    static const struct {
        const char *text, *iso;
    } good[] = {
        {"07 Dec 2025", "2025-12-07"},          {"1 Jan 2026", "2026-01-01"},
        {"Dec 7, 2025", "2025-12-07"},          {"07.12.2025", "2025-12-07"},
        {"2025-12-07", "2025-12-07"},           {"2025-12-07 10:22", "2025-12-07"},
        {"2025-12-07T10:22:00Z", "2025-12-07"}, {"07 déc. 2025", "2025-12-07"},
        {"3 août 2023", "2023-08-03"},          {"14 juil. 2024", "2024-07-14"},
        {"5 juin 2024", "2024-06-05"},          {"12 Okt 2023", "2023-10-12"},
        {"02 Mär 2022", "2022-03-02"},          {"7 de dez. de 2025", "2025-12-07"},
        {"1 ene 2026", "2026-01-01"},           {"3 maart 2024", "2024-03-03"},
        {"29 Feb 2024", "2024-02-29"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
        WpDay d = WP_DAY_NONE;
        g_assert_true(wp_i_parse_export_date(good[i].text, &d));
        g_assert_cmpint(d, ==, day(good[i].iso));
    }
    static const char *const bad[] = {
        "",           "sometime in 2024", "31 Feb 2025", "29 Feb 2025",
        "12/07/2025", "Dec 2025",         "2025-13-01",  "07 Foo 2025"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        WpDay d = WP_DAY_NONE;
        g_assert_false(wp_i_parse_export_date(bad[i], &d));
    }
}

static void test_keys_identity(void)
{
    static const struct {
        const char *text, *canonical, *key;
    } urls[] = {
        {"https://www.linkedin.com/in/bob-smith-acme", "https://www.linkedin.com/in/bob-smith-acme",
         "in/bob-smith-acme"},
        {"HTTP://LinkedIn.com/in/Bob-Smith-Acme/", "https://www.linkedin.com/in/Bob-Smith-Acme",
         "in/bob-smith-acme"},
        {"https://fr.linkedin.com/in/francois-lefevre?trk=x",
         "https://www.linkedin.com/in/francois-lefevre", "in/francois-lefevre"},
        {"linkedin.com/in/x", "https://www.linkedin.com/in/x", "in/x"},
        {"https://www.linkedin.com/in/%D0%B0%D0%BD%D0%BD%D0%B0",
         "https://www.linkedin.com/in/%D0%B0%D0%BD%D0%BD%D0%B0", "in/анна"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(urls); i++) {
        g_autofree char *key = NULL;
        g_autofree char *canon = wp_i_linkedin_url(urls[i].text, &key);
        g_assert_cmpstr(canon, ==, urls[i].canonical);
        g_assert_cmpstr(key, ==, urls[i].key);
    }
    static const char *const not_profiles[] = {
        "https://www.linkedin.com/company/acme", "https://notlinkedin.com/in/x",
        "https://evil.example/?u=linkedin.com/in/x", "https://www.linkedin.com/in/", "Acme"};
    for (guint i = 0; i < G_N_ELEMENTS(not_profiles); i++) {
        g_autofree char *canon = wp_i_linkedin_url(not_profiles[i], NULL);
        g_assert_null(canon);
    }
    g_autofree char *e1 = wp_i_email(" Priya.N@Brightline.example ");
    g_assert_cmpstr(e1, ==, "priya.n@brightline.example");
    g_autofree char *e2 = wp_i_email("mailto:a@b.co");
    g_assert_cmpstr(e2, ==, "a@b.co");
    static const char *const not_emails[] = {"not an email", "a@b", "@b.co", "a@@b.co", "a@b."};
    for (guint i = 0; i < G_N_ELEMENTS(not_emails); i++) {
        g_autofree char *e = wp_i_email(not_emails[i]);
        g_assert_null(e);
    }
    static const char *const same[][4] = {
        {"José Álvarez", "Café Noir", "JOSE ALVAREZ", "CAFE NOIR SA"},
        {"Bob Smith", "Acme, Inc.", "bob  smith", "ACME"},
        {"Ann Lee", "Lee Holding GmbH & Co. KG", "Ann Lee", "Lee Holding GmbH &"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(same); i++) {
        g_autofree char *a = wp_i_name_key(same[i][0], same[i][1]);
        g_autofree char *b = wp_i_name_key(same[i][2], same[i][3]);
        g_assert_cmpstr(a, ==, b);
    }
    g_autofree char *acme = wp_i_name_key("Bob Smith", "Acme");
    g_autofree char *globex = wp_i_name_key("Bob Smith", "Globex");
    g_autofree char *co = wp_i_name_key("Bob Smith", "Co");
    g_assert_cmpstr(acme, !=, globex);
    g_assert_true(g_str_has_suffix(co, "\x1f"
                                       "co")); /* a lone legal word is kept */
}

/* ---- LinkedIn variants ---- */

/* import-linkedin-modern.csv: BOM, CRLF, preamble on lines 1-3, header on line 4, 14 records
 * after it (lines 5-16, 18, 19; line 17 is an empty line, not a record). Lines 14 and 19 are
 * ",,,,,," padding; line 15 has no name; line 16 has an unquoted comma (8 fields); line 13's
 * date is not a date. So 10 rows are used: 10 people and 10 ties, plus the owner. */
static void test_linkedin_modern(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    WpImportOptions o = seller("alice", "Alice Carter", "sales-east", "2026-01-10");
    gboolean written = FALSE;
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-modern.csv", &o, &written);
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_true(written);
    g_assert_cmpuint(r->files->len, ==, 1);
    const WpImportFile *file = r->files->pdata[0];
    g_assert_cmpstr(file->format, ==, "linkedin (en)");
    g_assert_cmpuint(file->header_line, ==, 4);
    g_assert_cmpuint(file->rows, ==, 14);
    g_assert_cmpuint(r->rows_read, ==, 14);
    g_assert_cmpuint(r->rows_blank, ==, 2);
    g_assert_cmpuint(r->rows_skipped, ==, 2);
    g_assert_cmpuint(r->rows_used, ==, 10);
    g_assert_cmpuint(r->people_added, ==, 11);
    g_assert_cmpuint(r->people_updated, ==, 0);
    g_assert_cmpuint(r->ties_added, ==, 10);
    g_assert_cmpuint(r->merges->len, ==, 0);
    g_assert_cmpuint(r->problems->len, ==, 3);
    g_assert_true(g_str_has_suffix(problem(r, 0)->file, "import-linkedin-modern.csv"));
    g_assert_cmpuint(problem(r, 0)->line, ==, 13);
    g_assert_cmpint(problem(r, 0)->kind, ==, WP_IMPORT_WARNING);
    g_assert_nonnull(strstr(problem(r, 0)->message, "'sometime in 2024'"));
    g_assert_cmpuint(problem(r, 1)->line, ==, 15);
    g_assert_cmpint(problem(r, 1)->kind, ==, WP_IMPORT_SKIPPED);
    g_assert_nonnull(strstr(problem(r, 1)->message, "no name"));
    g_assert_cmpuint(problem(r, 2)->line, ==, 16);
    g_assert_nonnull(strstr(problem(r, 2)->message, "8 fields"));

    g_autoptr(WpGraph) g = load_dir(f->dir);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 11);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 10);
    WpPerson alice = person(g, "alice");
    g_assert_cmpstr(wp_graph_person_team(g, alice), ==, "sales-east");
    g_assert_cmpstr(wp_graph_person_attr(g, alice, WP_COLUMN_NAME), ==, "Alice Carter");
    /* Quotes, commas, Cyrillic (percent-encoded URL) and CJK arrive intact. */
    WpPerson dana = person(g, "li:dana-okoro");
    g_assert_cmpstr(wp_graph_person_attr(g, dana, WP_COLUMN_NAME), ==, "Dana \"DJ\" Okoro");
    g_assert_cmpstr(wp_graph_person_attr(g, dana, WP_COLUMN_COMPANY), ==,
                    "Smith, Jones & Partners");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "li:zoe-muller"), WP_COLUMN_NAME), ==,
                    "Zoë Müller"); /* the rocket is decoration (README "Names") */
    WpPerson anna = person(g, "li:анна-ivanova");
    g_assert_cmpstr(wp_graph_person_attr(g, anna, WP_COLUMN_NAME), ==, "Анна Иванова");
    g_assert_cmpstr(wp_graph_person_attr(g, anna, WP_COLUMN_TITLE), ==, "Главный бухгалтер");
    WpPerson wang = person(g, "li:wang-ming-88");
    g_assert_cmpstr(wp_graph_person_attr(g, wang, WP_COLUMN_NAME), ==, "明 王");
    g_assert_cmpstr(wp_graph_person_attr(g, wang, WP_COLUMN_COMPANY), ==, "阿里巴巴");
    WpPerson priya = person(g, "li:priya-natarajan-42");
    g_assert_cmpstr(wp_graph_person_attr(g, priya, "email"), ==, "priya.n@brightline.example");
    g_assert_cmpstr(wp_graph_person_attr(g, priya, "linkedin_url"), ==,
                    "https://www.linkedin.com/in/priya-natarajan-42");

    /* Dates: "07 Dec 2025" and "1 Jan 2026"; the undatable row's tie has no date. */
    WpTieInfo t;
    tie_of(g, alice, person(g, "li:bob-smith-acme"), &t);
    g_assert_cmpint(t.last_contact, ==, day("2025-12-07"));
    g_assert_cmpuint(t.types, ==, WP_TIE_TYPE_BIT(WP_TIE_SOCIAL));
    g_assert_true(isnan(t.declared));
    tie_of(g, alice, priya, &t);
    g_assert_cmpint(t.last_contact, ==, day("2026-01-01"));
    tie_of(g, alice, named(g, "-Ann Lee", NULL), &t);
    g_assert_cmpint(t.last_contact, ==, WP_DAY_NONE);

    /* A LinkedIn connection alone is weak: the social prior 0.12 times recency <= 1. */
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) scoring = wp_scoring_new(g, model, day("2026-01-10"), NULL);
    for (WpTie i = 0; i < wp_graph_n_ties(g); i++) {
        double s = wp_scoring_tie_strength(scoring, i, NULL);
        g_assert_cmpfloat(s, >, 0.0);
        g_assert_cmpfloat(s, <, 0.2);
    }
}

/* Cells a spreadsheet would take for formulas stay exactly as the export had them: the data
 * files are not spreadsheets, so nothing is neutralised. */
static void test_linkedin_formula_round_trip(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    import_alice(f->dir);
    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson cmd = person(g, "li:cmd-runner");
    g_assert_cmpstr(wp_graph_person_attr(g, cmd, WP_COLUMN_NAME), ==, "=cmd");
    g_assert_cmpstr(wp_graph_person_attr(g, cmd, WP_COLUMN_COMPANY), ==, "+Plus Labs");
    g_assert_cmpstr(wp_graph_person_attr(g, cmd, WP_COLUMN_TITLE), ==, "@lead");
    g_assert_cmpuint(count_named(g, "-Ann Lee"), ==, 1);

    /* And the table writer round-trips the awkward cases byte for byte. */
    static const char *const cells[] = {
        "=cmd", "-Ann", " lead space", "trail\t", "a,b", "say \"hi\"", "two\nlines", "", "plain"};
    g_autoptr(GString) line = g_string_new(NULL);
    for (guint i = 0; i < G_N_ELEMENTS(cells); i++) {
        if (i > 0)
            g_string_append_c(line, ',');
        wp_i_csv_append_plain(line, cells[i]);
    }
    g_autofree char *path = g_build_filename(f->tmp, "cells.csv", NULL);
    g_autofree char *text = g_strdup_printf("%s\n%s\n", line->str, line->str);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    g_autoptr(GError) error = NULL;
    g_autoptr(WpITable) table = wp_i_table_load(path, NULL, cells, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(table->rows->len, ==, 1);
    for (guint i = 0; i < G_N_ELEMENTS(cells); i++) {
        g_assert_cmpstr(table->header->pdata[i], ==, cells[i]);
        g_assert_cmpstr(wp_i_table_cell(table, 0, (int)i), ==, cells[i]);
    }
}

/* import-linkedin-old.csv: no URL column, no preamble, LF: 3 rows, 3 people + the owner. */
static void test_linkedin_old_format(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    WpImportOptions o = seller("marcus", "Marcus Reid", NULL, "2026-01-10");
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-old.csv", &o, NULL);
    const WpImportReport *r = wp_import_get_report(imp);
    const WpImportFile *file = r->files->pdata[0];
    g_assert_cmpuint(file->header_line, ==, 1);
    g_assert_cmpuint(r->rows_used, ==, 3);
    g_assert_cmpuint(r->people_added, ==, 4);
    g_assert_cmpuint(r->problems->len, ==, 0);
    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson marcus = person(g, "marcus");
    g_assert_cmpstr(wp_graph_person_team(g, marcus), ==, "team"); /* no --team: "team" */
    WpPerson greg = person(g, "email:greg@ledgerline.example");   /* no URL: the email id */
    g_assert_null(wp_graph_person_attr(g, greg, "linkedin_url"));
    WpTieInfo t;
    tie_of(g, marcus, named(g, "Hannah Weiss", "Cedarpoint Health"), &t);
    g_assert_cmpint(t.last_contact, ==, day("2018-01-01"));
    tie_of(g, marcus, greg, &t);
    g_assert_cmpint(t.last_contact, ==, day("2019-07-11"));
}

/* import-linkedin-fr.csv: French header on line 4 in another order, the URL in a column named
 * "Profil" (found by content), French dates. Against alice's export it merges Bob (same
 * profile written differently), Priya (name + company; no URL in the row) and José (accents,
 * case and "SA" differ): 4 rows, 3 merges, 2 new people (carol, François). */
static void test_linkedin_french(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    import_alice(f->dir);
    WpImportOptions o = seller("carol", "Carol Diaz", "sales-east", "2025-12-20");
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-fr.csv", &o, NULL);
    const WpImportReport *r = wp_import_get_report(imp);
    const WpImportFile *file = r->files->pdata[0];
    g_assert_cmpstr(file->format, ==, "linkedin (fr)");
    g_assert_cmpuint(file->header_line, ==, 4);
    g_assert_cmpuint(r->rows_used, ==, 4);
    g_assert_cmpuint(r->people_added, ==, 2);
    g_assert_cmpuint(r->ties_added, ==, 4);
    g_assert_cmpuint(r->merges->len, ==, 3);
    g_assert_cmpuint(merge(r, 0)->line, ==, 5);
    g_assert_cmpstr(merge(r, 0)->person, ==, "li:bob-smith-acme");
    g_assert_cmpint(merge(r, 0)->rule, ==, WP_IMPORT_RULE_LINKEDIN_URL);
    g_assert_cmpuint(merge(r, 1)->line, ==, 6);
    g_assert_cmpstr(merge(r, 1)->person, ==, "li:priya-natarajan-42");
    g_assert_cmpint(merge(r, 1)->rule, ==, WP_IMPORT_RULE_NAME_COMPANY);
    g_assert_cmpuint(merge(r, 2)->line, ==, 8);
    g_assert_cmpstr(merge(r, 2)->name, ==, "José Álvarez");
    g_assert_cmpint(merge(r, 2)->rule, ==, WP_IMPORT_RULE_NAME_COMPANY);

    g_autoptr(WpGraph) g = load_dir(f->dir);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 13);
    WpPerson carol = person(g, "carol");
    WpPerson francois = person(g, "li:francois-lefevre");
    g_assert_cmpstr(wp_graph_person_attr(g, francois, "linkedin_url"), ==,
                    "https://www.linkedin.com/in/francois-lefevre");
    g_assert_cmpstr(wp_graph_person_attr(g, francois, "email"), ==, "f.lefevre@sg.example");
    g_assert_cmpstr(wp_graph_person_attr(g, francois, WP_COLUMN_COMPANY), ==, "Société Générale");
    WpTieInfo t;
    tie_of(g, carol, francois, &t);
    g_assert_cmpint(t.last_contact, ==, day("2024-07-14")); /* 14 juil. 2024 */
    WpPerson bob = person(g, "li:bob-smith-acme");
    tie_of(g, carol, bob, &t);
    g_assert_cmpint(t.last_contact, ==, day("2025-12-07")); /* 07 déc. 2025 */
    tie_of(g, carol, named(g, "José Álvarez", NULL), &t);
    g_assert_cmpint(t.last_contact, ==, day("2023-08-03")); /* 3 août 2023 */
    /* carol's export is older than alice's: Bob keeps alice's title. */
    g_assert_cmpstr(wp_graph_person_attr(g, bob, WP_COLUMN_TITLE), ==, "VP Finance");
}

static void test_linkedin_errors(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpImport) imp = wp_import_open(f->dir, &error);
    g_assert_no_error(error);
    WpImportOptions o = seller("alice", "Alice Carter", NULL, "2026-01-10");
    g_autofree char *noheader = fixture("import-linkedin-noheader.csv");
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_LINKEDIN, noheader, &o, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "import-linkedin-noheader.csv:1: "));
    g_clear_error(&error);
    g_autofree char *broken = fixture("import-linkedin-broken.csv");
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_LINKEDIN, broken, &o, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "import-linkedin-broken.csv:3: "));
    g_clear_error(&error);
    g_autofree char *missing = fixture("import-no-such-file.csv");
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_LINKEDIN, missing, &o, &error));
    g_assert_error(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error(&error);

    /* Option errors. */
    g_autofree char *modern = fixture("import-linkedin-modern.csv");
    WpImportOptions none;
    wp_import_options_init(&none);
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_LINKEDIN, modern, &none, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE); /* no --owner */
    g_clear_error(&error);
    WpImportOptions unknown = none;
    unknown.owner = "nobody";
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_LINKEDIN, modern, &unknown, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_clear_error(&error);
    const char *bad_field[] = {"colour=Company", NULL};
    WpImportOptions mapped = o;
    mapped.column_map = bad_field;
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_LINKEDIN, modern, &mapped, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_clear_error(&error);
    const char *bad_column[] = {"email=Courriel", NULL};
    mapped.column_map = bad_column;
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_LINKEDIN, modern, &mapped, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(error->message, "import-linkedin-modern.csv:4: "));
    g_clear_error(&error);

    /* Every failure left the session as it was: nothing to report, nothing to write. */
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_cmpuint(r->files->len, ==, 0);
    g_assert_cmpuint(r->people_added, ==, 0);
    gboolean written = TRUE;
    g_assert_true(wp_import_save(imp, &written, &error));
    g_assert_false(written);
    /* The session holds the directory it made (for its lock) until it ends, and then leaves
     * nothing behind. */
    g_clear_pointer(&imp, wp_import_free);
    g_assert_false(g_file_test(f->dir, G_FILE_TEST_EXISTS));
}

/* An export dated after today is refused, naming the date and today; today itself is fine. */
static void test_future_export(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *modern = fixture("import-linkedin-modern.csv");
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    g_autofree char *local = g_date_time_format(now, "%Y-%m-%d");
    WpDay today = MAX(day(local), wp_day_today());
    char today_text[11], future_text[11];
    wp_day_format(today, today_text);
    wp_day_format(today + 2, future_text);
    WpImportOptions o = seller("alice", "Alice Carter", NULL, "2026-01-10");
    o.exported_on = today + 2;
    g_autoptr(GError) error = add_error(f, WP_IMPORT_LINKEDIN, modern, &o);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(error->message, future_text));
    g_assert_nonnull(strstr(error->message, today_text));
    o.exported_on = today;
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-modern.csv", &o, NULL);
    g_assert_cmpuint(wp_import_get_report(imp)->people_added, ==, 11);

    /* A modification date in the future (a clock that ran ahead) counts as today, and says so. */
    g_autofree char *data_dir = g_path_get_dirname(modern);
    g_autofree char *text = read_file(data_dir, "import-linkedin-newer.csv");
    g_autofree char *ahead = write_text(f, "ahead.csv", text);
    struct utimbuf times = {.actime = time(NULL), .modtime = time(NULL) + 5 * 86400};
    g_assert_cmpint(g_utime(ahead, &times), ==, 0);
    WpImportOptions by_file = seller("alice", NULL, NULL, "2026-01-10");
    by_file.exported_on = WP_DAY_NONE;
    g_autoptr(WpImport) second = import_one_path(f->dir, WP_IMPORT_LINKEDIN, ahead, &by_file);
    const WpImportReport *r = wp_import_get_report(second);
    g_assert_cmpuint(r->problems->len, ==, 1);
    g_assert_nonnull(strstr(problem(r, 0)->message, "is after today; taken as exported today"));
    g_autoptr(WpGraph) g = load_dir(f->dir);
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "li:bob-smith-acme"), "updated_on"), ==,
                    today_text);
}

/* ---- identity ---- */

/* Same name, different company: two people. Same name and company but different LinkedIn
 * profiles: two people as well. */
static void test_identity_non_merge(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    import_alice(f->dir);
    WpImportOptions o = seller("marcus", "Marcus Reid", NULL, "2026-01-10");
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-old.csv", &o, NULL);
    g_assert_cmpuint(wp_import_get_report(imp)->merges->len, ==, 0);

    g_autofree char *other_bob = g_build_filename(f->tmp, "other-bob.csv", NULL);
    g_assert_true(g_file_set_contents(
        other_bob,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Bob,Smith,https://www.linkedin.com/in/another-bob-smith,,Acme,Intern,01 Jan 2026,\n",
        -1, NULL));
    g_autoptr(GError) error = NULL;
    g_autoptr(WpImport) second = wp_import_open(f->dir, &error);
    g_assert_true(wp_import_add_file(second, WP_IMPORT_LINKEDIN, other_bob, &o, &error));
    g_assert_true(wp_import_save(second, NULL, &error));
    g_assert_no_error(error);
    g_assert_cmpuint(wp_import_get_report(second)->people_added, ==, 1);

    g_autoptr(WpGraph) g = load_dir(f->dir);
    g_assert_cmpuint(count_named(g, "Bob Smith"), ==, 3);
    named(g, "Bob Smith", "Globex");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "li:another-bob-smith"), WP_COLUMN_TITLE), ==,
                    "Intern");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "li:bob-smith-acme"), WP_COLUMN_TITLE), ==,
                    "VP Finance");
}

static WpImport *import_text(const Fixture *f, const char *text, const WpImportOptions *o)
{
    g_autofree char *path = g_build_filename(f->tmp, "inline.csv", NULL);
    g_assert_true(g_file_set_contents(path, text, -1, NULL));
    g_autoptr(GError) error = NULL;
    g_autoptr(WpImport) imp = wp_import_open(f->dir, &error);
    g_assert_no_error(error);
    g_assert_true(wp_import_add_file(imp, WP_IMPORT_LINKEDIN, path, o, &error));
    g_assert_true(wp_import_save(imp, NULL, &error));
    g_assert_no_error(error);
    return g_steal_pointer(&imp);
}

/* Two Sam Lees at Acme with their own profiles. A row without a profile is the one its seller
 * already knows; for a seller who knows neither it is ambiguous and skipped. */
static void test_identity_ambiguous(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    static const char header[] =
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    WpImportOptions alice = seller("alice", "Alice Carter", NULL, "2026-03-01");
    WpImportOptions marcus = seller("marcus", "Marcus Reid", NULL, "2026-03-01");
    WpImportOptions carol = seller("carol", "Carol Diaz", NULL, "2026-03-01");
    g_autofree char *one = g_strconcat(
        header, "Sam,Lee,https://www.linkedin.com/in/sam-lee-1,,Acme,Engineer,01 Jan 2026\n", NULL);
    g_autofree char *two = g_strconcat(
        header, "Sam,Lee,https://www.linkedin.com/in/sam-lee-2,,Acme,Designer,01 Jan 2026\n", NULL);
    g_autofree char *bare = g_strconcat(header, "Sam,Lee,,,Acme,,02 Feb 2026\n", NULL);
    g_autoptr(WpImport) a = import_text(f, one, &alice);
    g_autoptr(WpImport) b = import_text(f, two, &marcus);
    g_autoptr(WpImport) c = import_text(f, bare, &alice);
    const WpImportReport *r = wp_import_get_report(c);
    g_assert_cmpuint(r->people_added, ==, 0);
    g_assert_cmpuint(r->ties_updated, ==, 1); /* the later connection date */
    g_assert_cmpuint(r->merges->len, ==, 1);
    g_assert_cmpstr(merge(r, 0)->person, ==, "li:sam-lee-1");
    g_autoptr(WpImport) d = import_text(f, bare, &carol);
    r = wp_import_get_report(d);
    g_assert_cmpuint(r->rows_skipped, ==, 1);
    g_assert_cmpuint(problem(r, 0)->line, ==, 2);
    g_assert_nonnull(strstr(problem(r, 0)->message, "matches 2 people by name and company"));
    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpTieInfo t;
    tie_of(g, person(g, "alice"), person(g, "li:sam-lee-1"), &t);
    g_assert_cmpint(t.last_contact, ==, day("2026-02-02"));
    g_assert_cmpuint(count_named(g, "Sam Lee"), ==, 2);
}

/* Three sellers' exports pool into one team network; each seller is marked. */
static void test_identity_team_pool(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    import_alice(f->dir);
    WpImportOptions o = seller("marcus", "Marcus Reid", "sales-west", "2026-01-10");
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-old.csv", &o, NULL);
    import_carol(f->dir);
    g_autoptr(WpGraph) g = load_dir(f->dir);
    /* 11 from alice, 4 from marcus (Bob at Globex is new), 2 from carol. */
    g_assert_cmpuint(wp_graph_n_people(g), ==, 17);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 10 + 3 + 4);
    g_assert_cmpstr(wp_graph_person_team(g, person(g, "alice")), ==, "sales-east");
    g_assert_cmpstr(wp_graph_person_team(g, person(g, "marcus")), ==, "sales-west");
    g_assert_cmpstr(wp_graph_person_team(g, person(g, "carol")), ==, "sales-east");
    /* Bob at Acme is reachable from two sellers. */
    guint n = 0;
    wp_graph_out_arcs(g, person(g, "li:bob-smith-acme"), &n);
    g_assert_cmpuint(n, ==, 2);
}

/* ---- repeatability ---- */

static void import_all(const char *dir)
{
    import_alice(dir);
    WpImportOptions m = seller("marcus", "Marcus Reid", "sales-east", "2026-01-10");
    g_autoptr(WpImport) a =
        import_one(dir, WP_IMPORT_LINKEDIN, "import-linkedin-old.csv", &m, NULL);
    import_carol(dir);
    WpImportOptions h;
    wp_import_options_init(&h);
    h.exported_on = day("2026-02-05");
    g_autoptr(WpImport) b = import_one(dir, WP_IMPORT_CRM, "import-hubspot.csv", &h, NULL);
}

static void test_idempotent(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    import_all(f->dir);
    g_autofree char *people = read_file(f->dir, "people.csv");
    g_autofree char *edges = read_file(f->dir, "edges.csv");
    g_autofree char *people_bak = read_file(f->dir, "people.csv.bak");

    /* The same file again changes nothing and writes nothing (the .bak stays too). */
    WpImportOptions o = seller("alice", "Alice Carter", "sales-east", "2026-01-10");
    gboolean written = TRUE;
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-modern.csv", &o, &written);
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_false(written);
    g_assert_cmpuint(r->rows_used, ==, 10);
    g_assert_cmpuint(r->people_added + r->people_updated + r->ties_added + r->ties_updated, ==, 0);
    g_assert_cmpuint(r->merges->len, ==, 0);

    /* The whole sequence again: byte-identical files. */
    import_all(f->dir);
    g_autofree char *people2 = read_file(f->dir, "people.csv");
    g_autofree char *edges2 = read_file(f->dir, "edges.csv");
    g_autofree char *people_bak2 = read_file(f->dir, "people.csv.bak");
    g_assert_cmpstr(people, ==, people2);
    g_assert_cmpstr(edges, ==, edges2);
    g_assert_cmpstr(people_bak, ==, people_bak2);
}

/* import-linkedin-newer.csv (2026-03-01): Bob became CFO, Priya's company was renamed. An
 * older export imported afterwards does not undo it. */
static void test_newer_export(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    import_alice(f->dir);
    g_autofree char *people_v1 = read_file(f->dir, "people.csv");
    g_autofree char *edges_v1 = read_file(f->dir, "edges.csv");
    g_assert_false(exists(f->dir, "people.csv.bak")); /* nothing before the first import */
    WpImportOptions o = seller("alice", NULL, NULL, "2026-03-01");
    gboolean written = FALSE;
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-newer.csv", &o, &written);
    g_assert_true(written);
    g_assert_cmpuint(wp_import_get_report(imp)->people_updated, ==, 2);
    g_assert_cmpuint(wp_import_get_report(imp)->ties_added, ==, 0);
    /* The .bak pair is the folder before this import: edges did not change and were not
     * rewritten, yet edges.csv.bak is the edges of that state too (docs/import.md). */
    g_autofree char *bak = read_file(f->dir, "people.csv.bak");
    g_assert_cmpstr(bak, ==, people_v1);
    g_autofree char *edges_bak = read_file(f->dir, "edges.csv.bak");
    g_assert_cmpstr(edges_bak, ==, edges_v1);
    g_autofree char *edges_v2 = read_file(f->dir, "edges.csv");
    g_assert_cmpstr(edges_v2, ==, edges_v1);

    /* Each replaced company or title is a job change, by name (a buyer who moved is a new
     * opportunity): Bob's title (line 2), Priya's company (line 3). */
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_cmpuint(r->job_changes->len, ==, 2);
    const WpImportJobChange *bob_change = r->job_changes->pdata[0];
    g_assert_cmpuint(bob_change->line, ==, 2);
    g_assert_cmpstr(bob_change->person, ==, "li:bob-smith-acme");
    g_assert_cmpstr(bob_change->name, ==, "Bob Smith");
    g_assert_null(bob_change->company_before);
    g_assert_cmpstr(bob_change->company_after, ==, "Acme");
    g_assert_cmpstr(bob_change->title_before, ==, "VP Finance");
    g_assert_cmpstr(bob_change->title_after, ==, "CFO");
    const WpImportJobChange *priya_change = r->job_changes->pdata[1];
    g_assert_cmpuint(priya_change->line, ==, 3);
    g_assert_cmpstr(priya_change->name, ==, "Priya Natarajan");
    g_assert_cmpstr(priya_change->company_before, ==, "Brightline Pay");
    g_assert_cmpstr(priya_change->company_after, ==, "Brightline Payments");
    g_assert_null(priya_change->title_before);
    g_assert_cmpstr(priya_change->title_after, ==, "Finance Director");

    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson bob = person(g, "li:bob-smith-acme");
    g_assert_cmpstr(wp_graph_person_attr(g, bob, WP_COLUMN_TITLE), ==, "CFO");
    g_assert_cmpstr(wp_graph_person_attr(g, bob, "updated_on"), ==, "2026-03-01");
    WpPerson priya = person(g, "li:priya-natarajan-42");
    g_assert_cmpstr(wp_graph_person_attr(g, priya, WP_COLUMN_COMPANY), ==, "Brightline Payments");

    g_autofree char *people_v2 = read_file(f->dir, "people.csv");
    WpImportOptions old = seller("alice", NULL, NULL, "2026-01-10");
    g_autoptr(WpImport) again =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-modern.csv", &old, &written);
    g_assert_false(written);
    g_assert_cmpuint(wp_import_get_report(again)->job_changes->len, ==, 0);
    g_autofree char *people_v3 = read_file(f->dir, "people.csv");
    g_assert_cmpstr(people_v3, ==, people_v2);
}

/* Importing into an existing network keeps its extra columns and rows, extends the existing
 * client tie instead of duplicating it, and never lets a LinkedIn date age that tie. */
static void test_existing_directory(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_assert_cmpint(g_mkdir(f->dir, 0700), ==, 0);
    const char *files[] = {"people.csv", "edges.csv"};
    g_autofree char *src = fixture("import-existing");
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *text = read_file(src, files[i]);
        g_autofree char *path = g_build_filename(f->dir, files[i], NULL);
        g_assert_true(g_file_set_contents(path, text, -1, NULL));
    }
    g_autofree char *people_before = read_file(f->dir, "people.csv");
    g_autofree char *edges_before = read_file(f->dir, "edges.csv");
    WpImportOptions o = seller("p1", NULL, NULL, "2026-01-10");
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-modern.csv", &o, NULL);
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_cmpuint(r->people_added, ==, 8);   /* 10 rows, Bob (p2) and Priya (p4) known */
    g_assert_cmpuint(r->people_updated, ==, 1); /* p4 gains URL and email */
    g_assert_cmpuint(r->ties_added, ==, 9);
    g_assert_cmpuint(r->ties_updated, ==, 1); /* p1-p4 client gains social */
    g_assert_cmpstr(merge(r, 0)->person, ==, "p2");
    g_assert_cmpint(merge(r, 0)->rule, ==, WP_IMPORT_RULE_LINKEDIN_URL);
    g_assert_cmpstr(merge(r, 1)->person, ==, "p4");
    g_assert_cmpint(merge(r, 1)->rule, ==, WP_IMPORT_RULE_NAME_COMPANY);

    g_autofree char *bak_people = read_file(f->dir, "people.csv.bak");
    g_autofree char *bak_edges = read_file(f->dir, "edges.csv.bak");
    g_assert_cmpstr(bak_people, ==, people_before);
    g_assert_cmpstr(bak_edges, ==, edges_before);
    g_autofree char *edges = read_file(f->dir, "edges.csv");
    /* The origin column is added; the rows the export gave name it, the others stay empty. */
    g_assert_true(g_str_has_prefix(edges,
                                   "source,target,strength,type,last_contact,interactions,origin\n"
                                   "p1,p4,0.92,client;social,2026-10-20,38,linkedin:p1\n"
                                   "p4,p2,0.8,former_colleague,2026-05-22,12,\n"
                                   "p1,p2,,social,2025-12-07,,linkedin:p1\n"
                                   "p1,li:dana-okoro,,social,2024-03-15,,linkedin:p1\n"));

    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson p1 = person(g, "p1"), p2 = person(g, "p2"), p3 = person(g, "p3");
    WpPerson p4 = person(g, "p4");
    g_assert_cmpstr(wp_graph_person_team(g, p1), ==, "sales-east");
    g_assert_cmpstr(wp_graph_person_attr(g, p3, "region"), ==, "US-West");
    g_assert_cmpstr(wp_graph_person_attr(g, p4, "region"), ==, "US-East");
    g_assert_cmpstr(wp_graph_person_attr(g, p4, "email"), ==, "priya.n@brightline.example");
    g_assert_cmpuint(count_named(g, "Bob Smith"), ==, 2);
    WpTieInfo t;
    tie_of(g, p1, p2, &t);
    g_assert_cmpuint(t.types, ==, WP_TIE_TYPE_BIT(WP_TIE_SOCIAL));
    tie_of(g, p1, p4, &t);
    g_assert_cmpfloat(t.declared, ==, 0.92);
    g_assert_cmpint(t.last_contact, ==, day("2026-10-20"));
    g_assert_cmpint(t.interactions, ==, 38);
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) scoring = wp_scoring_new(g, model, day("2026-11-01"), NULL);
    WpTie id;
    g_assert_true(wp_graph_find_tie(g, p1, p4, &id));
    g_assert_cmpfloat(wp_scoring_tie_strength(scoring, id, NULL), >, 0.85);

    /* The origins the import wrote come back from the CSV, and from the compiled network made
     * of it (the files aged, so that the snapshot is written and then trusted). */
    const char *names[] = {"people.csv", "edges.csv"};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *path = g_build_filename(f->dir, names[i], NULL);
        struct utimbuf past = {time(NULL) - 3600, time(NULL) - 3600};
        g_assert_cmpint(utime(path, &past), ==, 0);
    }
    g_autofree char *cache = g_build_filename(f->tmp, "cache", NULL);
    g_autofree char *people_csv = g_build_filename(f->dir, "people.csv", NULL);
    g_autofree char *edges_csv = g_build_filename(f->dir, "edges.csv", NULL);
    WpLoadSpec spec = {.ties_file = edges_csv, .people_file = people_csv};
    for (guint round = 0; round < 3; round++) {
        g_autoptr(GError) error = NULL;
        gboolean cached = FALSE;
        g_autoptr(WpGraph) h =
            round == 0 ? load_dir(f->dir) : wp_graph_load_cached(&spec, cache, 0, &cached, &error);
        g_assert_no_error(error);
        g_assert_cmpint(cached, ==, round == 2);
        const struct {
            const char *a, *b, *origins;
        } expected[] = {
            {"p1", "p4", "linkedin:p1"}, {"p4", "p2", ""}, {"p1", "li:dana-okoro", "linkedin:p1"}};
        for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
            WpTie tie;
            g_assert_true(
                wp_graph_find_tie(h, person(h, expected[i].a), person(h, expected[i].b), &tie));
            const char *got[WP_TIE_ORIGINS_MAX + 1] = {NULL};
            wp_graph_tie_origins(h, tie, got, WP_TIE_ORIGINS_MAX);
            g_autofree char *joined = g_strjoinv(";", (char **)got);
            g_assert_cmpstr(joined, ==, expected[i].origins);
        }
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    struct {
        const char *path;
        void (*func)(Fixture *, gconstpointer);
    } cases[] = {
        {"/import/linkedin/modern", test_linkedin_modern},
        {"/import/linkedin/formula-round-trip", test_linkedin_formula_round_trip},
        {"/import/linkedin/old-format", test_linkedin_old_format},
        {"/import/linkedin/french", test_linkedin_french},
        {"/import/linkedin/errors", test_linkedin_errors},
        {"/import/merge/future-export", test_future_export},
        {"/import/identity/non-merge", test_identity_non_merge},
        {"/import/identity/ambiguous", test_identity_ambiguous},
        {"/import/identity/team-pool", test_identity_team_pool},
        {"/import/merge/idempotent", test_idempotent},
        {"/import/merge/newer-export", test_newer_export},
        {"/import/merge/existing-directory", test_existing_directory},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
        g_test_add(cases[i].path, Fixture, NULL, setup, cases[i].func, teardown);
    g_test_add_func("/import/keys/dates", test_keys_dates);
    g_test_add_func("/import/keys/identity", test_keys_identity);
    return g_test_run();
}
