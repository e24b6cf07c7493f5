/* SPDX-License-Identifier: MIT */
/* Importing CRM exports (HubSpot, Salesforce, a mapped custom CSV) and the `warmpath import`
 * command line. Expected values are counted by hand from the fixtures in tests/data/import-*;
 * each case says how. */
#include "import-helpers.h"

#include <sys/wait.h>

/* ---- CRM variants ---- */

/* The origins of the tie @a-@b joined by ';' (owned). */
static char *origins(const WpGraph *g, WpPerson a, WpPerson b)
{
    WpTie id;
    g_assert_true(wp_graph_find_tie(g, a, b, &id));
    const char *got[WP_TIE_ORIGINS_MAX + 1] = {NULL};
    g_assert_cmpuint(wp_graph_tie_origins(g, id, got, WP_TIE_ORIGINS_MAX), <=, WP_TIE_ORIGINS_MAX);
    return g_strjoinv(";", (char **)got);
}

/* import-hubspot.csv after alice's and carol's LinkedIn exports. Line 2 Priya: same email
 * (other case) -> merged by email, newer company; line 3 Daniel: new, owner "Carol Diaz";
 * line 4 Bob: no email on file yet, same name and company -> merged, email filled; line 5:
 * unknown owner; line 6: no owner. */
static void test_crm_hubspot(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    import_alice(f->dir);
    import_carol(f->dir);
    WpImportOptions o;
    wp_import_options_init(&o);
    o.exported_on = day("2026-02-05");
    g_autoptr(WpImport) imp = import_one(f->dir, WP_IMPORT_CRM, "import-hubspot.csv", &o, NULL);
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_cmpstr(((WpImportFile *)r->files->pdata[0])->format, ==, "hubspot");
    g_assert_cmpuint(r->rows_read, ==, 5);
    g_assert_cmpuint(r->rows_used, ==, 3);
    g_assert_cmpuint(r->rows_skipped, ==, 2);
    g_assert_cmpuint(r->people_added, ==, 1);
    g_assert_cmpuint(r->people_updated, ==, 2);
    g_assert_cmpuint(r->ties_added, ==, 1);
    g_assert_cmpuint(r->ties_updated, ==, 2);
    g_assert_cmpuint(r->merges->len, ==, 2);
    g_assert_cmpint(merge(r, 0)->rule, ==, WP_IMPORT_RULE_EMAIL);
    g_assert_cmpstr(merge(r, 0)->person, ==, "li:priya-natarajan-42");
    g_assert_cmpint(merge(r, 1)->rule, ==, WP_IMPORT_RULE_NAME_COMPANY);
    g_assert_cmpstr(merge(r, 1)->person, ==, "li:bob-smith-acme");
    g_assert_cmpuint(problem(r, 0)->line, ==, 5);
    g_assert_nonnull(strstr(problem(r, 0)->message, "'Zed Unknown'"));
    g_assert_cmpuint(problem(r, 1)->line, ==, 6);
    g_assert_nonnull(strstr(problem(r, 1)->message, "no contact owner"));

    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson alice = person(g, "alice"), carol = person(g, "carol");
    WpPerson priya = person(g, "li:priya-natarajan-42");
    g_assert_cmpstr(wp_graph_person_attr(g, priya, WP_COLUMN_COMPANY), ==, "Brightline Payments");
    g_assert_cmpstr(wp_graph_person_attr(g, priya, "former_companies"), ==, "Brightline Pay");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "li:bob-smith-acme"), "email"), ==,
                    "bob.smith@acme.example");
    WpTieInfo t;
    tie_of(g, alice, priya, &t); /* the CRM's activity date is a contact: the later one wins */
    g_assert_cmpuint(t.types, ==, WP_TIE_TYPE_BIT(WP_TIE_SOCIAL) | WP_TIE_TYPE_BIT(WP_TIE_CLIENT));
    g_assert_cmpint(t.last_contact, ==, day("2026-02-03"));
    tie_of(g, carol, person(g, "email:daniel.okafor@acme.example"), &t);
    g_assert_cmpuint(t.types, ==, WP_TIE_TYPE_BIT(WP_TIE_CLIENT));
    g_assert_cmpint(t.last_contact, ==, day("2026-01-15"));
    /* Which exports gave each tie: alice's LinkedIn export, then the HubSpot one. */
    g_autofree char *alice_priya = origins(g, alice, priya);
    g_assert_cmpstr(alice_priya, ==, "linkedin:alice;hubspot");
    g_autofree char *carol_daniel =
        origins(g, carol, person(g, "email:daniel.okafor@acme.example"));
    g_assert_cmpstr(carol_daniel, ==, "hubspot");
    /* A client tie is strong under the default model (prior 0.80), unlike the social ones. */
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) scoring = wp_scoring_new(g, model, day("2026-02-05"), NULL);
    WpTie id;
    g_assert_true(wp_graph_find_tie(g, alice, priya, &id));
    g_assert_cmpfloat(wp_scoring_tie_strength(scoring, id, NULL), >, 0.7);

    /* Re-importing carol's export finds Priya under her former company: no new person. */
    WpImportOptions again = seller("carol", NULL, NULL, "2025-12-20");
    g_autoptr(WpImport) second =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-fr.csv", &again, NULL);
    g_assert_cmpuint(wp_import_get_report(second)->people_added, ==, 0);
    g_assert_cmpuint(wp_import_get_report(second)->ties_added, ==, 0);
}

/* import-salesforce.csv: OwnerId mapped to sellers, AccountId through the accounts file (Acme
 * by its 18-character id, Fjord by the 15-character form, line 5's account missing). */
static void test_crm_salesforce(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    import_alice(f->dir);
    import_carol(f->dir);
    const char *owners[] = {"0055e000001AbCdAAK=alice", "0055e000001XyZwAAK=Carol Diaz", NULL};
    g_autofree char *accounts = fixture("import-salesforce-accounts.csv");
    WpImportOptions o;
    wp_import_options_init(&o);
    o.owner_map = owners;
    o.accounts_file = accounts;
    o.exported_on = day("2026-03-05");
    g_autoptr(WpImport) imp = import_one(f->dir, WP_IMPORT_CRM, "import-salesforce.csv", &o, NULL);
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_cmpstr(((WpImportFile *)r->files->pdata[0])->format, ==, "salesforce");
    g_assert_cmpuint(r->rows_used, ==, 4);
    g_assert_cmpuint(r->people_added, ==, 3);
    g_assert_cmpuint(r->ties_added, ==, 3);
    g_assert_cmpuint(r->ties_updated, ==, 1);
    g_assert_cmpuint(r->merges->len, ==, 1);
    g_assert_cmpstr(merge(r, 0)->person, ==, "li:rachel-kim-cfo");
    g_assert_cmpint(merge(r, 0)->rule, ==, WP_IMPORT_RULE_EMAIL);
    g_assert_cmpuint(r->problems->len, ==, 1);
    g_assert_cmpuint(problem(r, 0)->line, ==, 5);
    g_assert_cmpint(problem(r, 0)->kind, ==, WP_IMPORT_WARNING);

    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson alice = person(g, "alice"), carol = person(g, "carol");
    WpPerson victor = person(g, "email:victor.hale@acme.example");
    WpPerson lena = person(g, "email:lena@fjord.example");
    WpPerson omar = person(g, "email:omar@starpoint.example");
    g_assert_cmpstr(wp_graph_person_attr(g, victor, WP_COLUMN_COMPANY), ==, "Acme");
    g_assert_cmpstr(wp_graph_person_attr(g, lena, WP_COLUMN_COMPANY), ==, "Fjord Energy AS");
    g_assert_null(wp_graph_person_attr(g, omar, WP_COLUMN_COMPANY));
    WpTieInfo t;
    tie_of(g, alice, victor, &t);
    g_assert_cmpuint(t.types, ==, WP_TIE_TYPE_BIT(WP_TIE_CLIENT));
    tie_of(g, carol, lena, &t);
    g_assert_cmpint(t.last_contact, ==, day("2025-12-12"));
    tie_of(g, alice, person(g, "li:rachel-kim-cfo"), &t);
    g_assert_cmpuint(t.types, ==, WP_TIE_TYPE_BIT(WP_TIE_SOCIAL) | WP_TIE_TYPE_BIT(WP_TIE_CLIENT));
    g_assert_cmpint(t.last_contact, ==, day("2026-03-02"));

    /* Without the owner map the Salesforce user ids name nobody: every row is skipped. */
    WpImportOptions unmapped;
    wp_import_options_init(&unmapped);
    g_autoptr(WpImport) again =
        import_one(f->dir, WP_IMPORT_CRM, "import-salesforce.csv", &unmapped, NULL);
    const WpImportReport *r2 = wp_import_get_report(again);
    g_assert_cmpuint(r2->rows_skipped, ==, 4);
    g_assert_cmpuint(problem(r2, 0)->line, ==, 0); /* AccountId without --accounts */
    g_assert_nonnull(strstr(problem(r2, 0)->message, "--accounts"));
    g_assert_cmpuint(problem(r2, 1)->line, ==, 2);
    g_assert_nonnull(strstr(problem(r2, 1)->message, "--owner-map '0055e000001AbCdAAK=SELLER'"));
}

/* import-crm-custom.csv has no recognisable name column until it is mapped, by --map or by a
 * map file; both give the same files. */
static void test_crm_mapping(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *custom = fixture("import-crm-custom.csv");
    WpImportOptions o = seller("alice", "Alice Carter", NULL, "2026-01-10");
    g_autoptr(WpImport) plain = wp_import_open(f->dir, &error);
    g_assert_false(wp_import_add_file(plain, WP_IMPORT_CRM, custom, &o, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "import-crm-custom.csv:1: header: no name column"));
    g_clear_error(&error);
    g_clear_pointer(&plain, wp_import_free); /* a session holds the folder until saved or freed */

    const char *map[] = {"first_name=Given", "last_name=Family", "company=Employer", NULL};
    WpImportOptions by_option = o;
    by_option.column_map = map;
    g_autoptr(WpImport) a =
        import_one(f->dir, WP_IMPORT_CRM, "import-crm-custom.csv", &by_option, NULL);
    g_assert_cmpuint(wp_import_get_report(a)->people_added, ==, 3);
    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson ines = person(g, "email:ines@costa.example"); /* "E-mail Address" is known */
    g_assert_cmpstr(wp_graph_person_attr(g, ines, WP_COLUMN_NAME), ==, "Ines Costa");
    g_assert_cmpstr(wp_graph_person_attr(g, ines, WP_COLUMN_COMPANY), ==, "Costa Lda");
    g_assert_null(wp_graph_person_attr(g, named(g, "Kai Lund", "Lund Marine"), "email"));
    /* A contact list that is no known CRM's: its ties name the file. */
    g_autofree char *ines_origins = origins(g, person(g, "alice"), ines);
    g_assert_cmpstr(ines_origins, ==, "import-crm-custom.csv");

    /* --origin names the export instead; one that cannot be a label is a usage error. */
    g_autofree char *third = g_build_filename(f->tmp, "third", NULL);
    WpImportOptions named_origin = by_option;
    named_origin.origin = " outlook-2026 ";
    g_autoptr(WpImport) c =
        import_one(third, WP_IMPORT_CRM, "import-crm-custom.csv", &named_origin, NULL);
    g_autoptr(WpGraph) g3 = load_dir(third);
    g_autofree char *named_origins =
        origins(g3, person(g3, "alice"), person(g3, "email:ines@costa.example"));
    g_assert_cmpstr(named_origins, ==, "outlook-2026");
    const char *bad[] = {"", "  ", "hubspot;salesforce"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        WpImportOptions bad_origin = by_option;
        bad_origin.origin = bad[i];
        g_autoptr(WpImport) session = wp_import_open(third, &error);
        g_assert_no_error(error);
        g_assert_false(wp_import_add_file(session, WP_IMPORT_CRM, custom, &bad_origin, &error));
        g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
        g_assert_nonnull(strstr(error->message, "--origin"));
        g_clear_error(&error);
    }

    g_autofree char *other = g_build_filename(f->tmp, "other", NULL);
    g_autofree char *map_file = fixture("import-map.ini");
    WpImportOptions by_file = o;
    by_file.map_file = map_file;
    g_autoptr(WpImport) b =
        import_one(other, WP_IMPORT_CRM, "import-crm-custom.csv", &by_file, NULL);
    g_autofree char *people_a = read_file(f->dir, "people.csv");
    g_autofree char *people_b = read_file(other, "people.csv");
    g_assert_cmpstr(people_a, ==, people_b);
}

/* A LinkedIn Connections export given to `import crm` is refused with the command that reads
 * it, with or without LinkedIn's preamble; with --owner it used to become client ties. */
static void test_crm_refuses_linkedin(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    WpImportOptions o = seller("alice", "Alice Carter", NULL, "2026-01-10");
    static const char *const files[] = {"import-linkedin-modern.csv", "import-linkedin-old.csv",
                                        "import-linkedin-fr.csv"};
    static const guint header_lines[] = {4, 1, 4};
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *path = fixture(files[i]);
        g_autoptr(GError) error = NULL;
        g_autoptr(WpImport) imp = wp_import_open(f->dir, &error);
        g_assert_no_error(error);
        g_assert_false(wp_import_add_file(imp, WP_IMPORT_CRM, path, &o, &error));
        g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
        g_autofree char *where = g_strdup_printf("%s:%u: ", files[i], header_lines[i]);
        g_assert_nonnull(strstr(error->message, where));
        g_assert_nonnull(strstr(error->message, "looks like a LinkedIn Connections export"));
        g_assert_nonnull(strstr(error->message, "use 'warmpath import linkedin --owner SELLER'"));
    }
}

static gboolean has_tie(const WpGraph *g, WpPerson a, WpPerson b)
{
    WpTie t;
    return wp_graph_find_tie(g, a, b, &t);
}

/* One meaning per option: the owner column decides each row's owner (through --owner-map);
 * --owner only takes the rows whose owner cell is empty. import-hubspot.csv's owners: line 2
 * Alice Carter, lines 3-4 Carol Diaz, line 5 Zed Unknown (mapped to carol), line 6 empty
 * (--owner alice). --owner used to take every row and drop the mapping. */
static void test_crm_owner_and_map(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    import_alice(f->dir);
    import_carol(f->dir);
    const char *owners[] = {"Zed Unknown=carol", NULL};
    WpImportOptions o;
    wp_import_options_init(&o);
    o.owner = "alice";
    o.owner_map = owners;
    o.exported_on = day("2026-02-05");
    g_autoptr(WpImport) imp = import_one(f->dir, WP_IMPORT_CRM, "import-hubspot.csv", &o, NULL);
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_cmpuint(r->rows_used, ==, 5);
    g_assert_cmpuint(r->rows_skipped, ==, 0);
    g_assert_cmpuint(r->problems->len, ==, 1); /* the fallback, said once for the file */
    g_assert_cmpuint(problem(r, 0)->line, ==, 0);
    g_assert_cmpint(problem(r, 0)->kind, ==, WP_IMPORT_WARNING);
    g_assert_nonnull(strstr(problem(r, 0)->message, "1 row with an empty 'Contact owner' cell"));
    g_assert_nonnull(strstr(problem(r, 0)->message, "--owner 'alice'"));

    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson alice = person(g, "alice"), carol = person(g, "carol");
    WpPerson daniel = person(g, "email:daniel.okafor@acme.example");
    WpPerson eve = person(g, "email:eve@unknown.example");
    WpPerson sam = person(g, "email:sam@reed.example");
    g_assert_true(has_tie(g, carol, daniel));
    g_assert_false(has_tie(g, alice, daniel));
    g_assert_true(has_tie(g, carol, eve));
    g_assert_false(has_tie(g, alice, eve));
    g_assert_true(has_tie(g, alice, sam));
    g_assert_false(has_tie(g, carol, sam));
    WpTieInfo t;
    tie_of(g, carol, person(g, "li:bob-smith-acme"), &t);
    g_assert_cmpuint(t.types & WP_TIE_TYPE_BIT(WP_TIE_CLIENT), !=, 0);
}

/* Contradictions are refused before anything changes: a mapping for an owner column the user
 * told the import to ignore, two different owner columns, an owner map for LinkedIn. */
static void test_crm_owner_contradictions(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *hubspot = fixture("import-hubspot.csv");
    g_autofree char *modern = fixture("import-linkedin-modern.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpImport) imp = wp_import_open(f->dir, &error);
    g_assert_no_error(error);
    const char *owners[] = {"Zed Unknown=carol", NULL};
    const char *ignore_owner[] = {"owner=", NULL};
    const char *other_owner[] = {"owner=Owner", NULL};
    WpImportOptions o = seller("alice", "Alice Carter", NULL, "2026-01-10");
    WpImportOptions ignored = o;
    ignored.column_map = ignore_owner;
    ignored.owner_map = owners;
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_CRM, hubspot, &ignored, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(error->message, "--owner-map"));
    g_assert_nonnull(strstr(error->message, "--map owner="));
    g_clear_error(&error);
    WpImportOptions two = o;
    two.owner_column = "Contact owner";
    two.column_map = other_owner;
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_CRM, hubspot, &two, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(error->message, "--owner-column 'Contact owner'"));
    g_assert_nonnull(strstr(error->message, "--map owner=Owner"));
    g_clear_error(&error);
    WpImportOptions linkedin = o;
    linkedin.owner_map = owners;
    g_assert_false(wp_import_add_file(imp, WP_IMPORT_LINKEDIN, modern, &linkedin, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(error->message, "--owner-map"));
    g_clear_error(&error);
    g_assert_cmpuint(wp_import_get_report(imp)->files->len, ==, 0);

    /* Ignoring the owner column on purpose gives every row to --owner, without a warning. */
    WpImportOptions all = o;
    all.column_map = ignore_owner;
    g_assert_true(wp_import_add_file(imp, WP_IMPORT_CRM, hubspot, &all, &error));
    g_assert_no_error(error);
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_cmpuint(r->rows_used, ==, 5);
    g_assert_cmpuint(r->problems->len, ==, 0);
    g_assert_cmpuint(r->ties_added, ==, 5);
}

/* ---- command line ---- */

static int run_cli(const char *const *args, char **out, char **err)
{
    g_autofree char *exe = g_test_build_filename(G_TEST_BUILT, "..", "warmpath", NULL);
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_ptr_array_add(argv, exe);
    for (guint i = 0; args[i] != NULL; i++)
        g_ptr_array_add(argv, (char *)args[i]);
    g_ptr_array_add(argv, NULL);
    int status = 0;
    g_autoptr(GError) error = NULL;
    g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                 &error);
    g_assert_no_error(error);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_cli(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *exe = g_test_build_filename(G_TEST_BUILT, "..", "warmpath", NULL);
    if (!g_file_test(exe, G_FILE_TEST_IS_EXECUTABLE)) {
        g_test_skip("the warmpath program is not built");
        return;
    }
    g_autofree char *modern = fixture("import-linkedin-modern.csv");
    g_autofree char *noheader = fixture("import-linkedin-noheader.csv");
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    /* --dry-run reports and writes nothing (not even the directory). */
    const char *dry[] = {"import",       "linkedin",     "--data",    f->dir, "--owner", "alice",
                         "--owner-name", "Alice Carter", "--dry-run", modern, NULL};
    g_assert_cmpint(run_cli(dry, &out, &err), ==, 0);
    g_assert_nonnull(strstr(out, "people: 11 added, 0 updated"));
    g_assert_nonnull(strstr(out, "8 fields where the header (line 4) has 7"));
    g_assert_nonnull(strstr(out, "dry run: nothing written"));
    g_assert_false(g_file_test(f->dir, G_FILE_TEST_EXISTS));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    /* CSV report: one row per problem, FILE and LINE in their own columns. */
    const char *csv[] = {"import",       "linkedin",     "--data",   f->dir, "--owner", "alice",
                         "--owner-name", "Alice Carter", "--format", "csv",  modern,    NULL};
    g_assert_cmpint(run_cli(csv, &out, &err), ==, 0);
    g_assert_true(g_str_has_prefix(out, "kind,file,line,person,name,detail\n"));
    g_autofree char *skipped = g_strdup_printf("skipped,%s,15,,,no name", modern);
    g_assert_nonnull(strstr(out, skipped));
    g_assert_true(exists(f->dir, "people.csv"));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    /* Exit codes: 3 bad file (with FILE:LINE), 2 usage, 4 unknown seller. */
    const char *bad[] = {"import",  "linkedin", "--data", f->dir,
                         "--owner", "alice",    noheader, NULL};
    g_assert_cmpint(run_cli(bad, &out, &err), ==, 3);
    g_autofree char *where = g_strdup_printf("%s:1: ", noheader);
    g_assert_nonnull(strstr(err, where));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    const char *usage[] = {"import", "linkedin", "--data", f->dir, modern, NULL};
    g_assert_cmpint(run_cli(usage, &out, &err), ==, 2);
    g_assert_nonnull(strstr(err, "Try 'warmpath import linkedin --help'."));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    const char *nobody[] = {"import",  "linkedin", "--data", f->dir,
                            "--owner", "nobody",   modern,   NULL};
    g_assert_cmpint(run_cli(nobody, &out, &err), ==, 4);
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    /* An export from the future: exit 2, naming the date and today. */
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    g_autofree char *local = g_date_time_format(now, "%Y-%m-%d");
    WpDay today = MAX(day(local), wp_day_today());
    char today_text[11], later[11];
    wp_day_format(today, today_text);
    wp_day_format(today + 30, later);
    const char *future[] = {"import", "linkedin",      "--data", f->dir, "--owner",
                            "alice",  "--exported-on", later,    modern, NULL};
    g_assert_cmpint(run_cli(future, &out, &err), ==, 2);
    g_autofree char *says =
        g_strdup_printf("--exported-on %s is after today (%s)", later, today_text);
    g_assert_nonnull(strstr(err, says));
    g_clear_pointer(&out, g_free);
    g_clear_pointer(&err, g_free);
    const char *kind[] = {"import", "facebook", NULL};
    g_assert_cmpint(run_cli(kind, &out, &err), ==, 2);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    struct {
        const char *path;
        void (*func)(Fixture *, gconstpointer);
    } cases[] = {
        {"/import/crm/hubspot", test_crm_hubspot},
        {"/import/crm/salesforce", test_crm_salesforce},
        {"/import/crm/mapping", test_crm_mapping},
        {"/import/crm/refuses-linkedin", test_crm_refuses_linkedin},
        {"/import/crm/owner-and-map", test_crm_owner_and_map},
        {"/import/crm/owner-contradictions", test_crm_owner_contradictions},
        {"/import/cli", test_cli},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
        g_test_add(cases[i].path, Fixture, NULL, setup, cases[i].func, teardown);
    return g_test_run();
}
