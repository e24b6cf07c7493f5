/* SPDX-License-Identifier: MIT */
/* Importing: which export a file is, who its seller is, what is done to names (credentials,
 * pronouns, emoji), and sellers as teammates. Expected values are written by hand from the
 * rules in docs/import.md and the fixtures in tests/data/import-*; each case says how. */
#include "import-helpers.h"

/* ---- the export's kind, recognised by its columns ---- */

/* A HubSpot or Salesforce export given to `import linkedin` is refused with the command that
 * reads it (it used to become LinkedIn ties: "linkedin (en), header on line 1"); so is a
 * contact list that is not LinkedIn's, unless the user names its columns. */
static void test_kind_linkedin_refuses_crm(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    WpImportOptions o = seller("alice", "Alice Carter", NULL, "2026-01-10");
    g_autofree char *hubspot = fixture("import-hubspot.csv");
    g_autoptr(GError) e1 = add_error(f, WP_IMPORT_LINKEDIN, hubspot, &o);
    g_assert_error(e1, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(e1->message, "import-hubspot.csv:1: "));
    g_assert_nonnull(strstr(e1->message, "looks like a HubSpot contacts export"));
    g_assert_nonnull(strstr(e1->message, "'Contact owner'"));
    g_assert_nonnull(strstr(e1->message, "use 'warmpath import crm'"));

    g_autofree char *salesforce = fixture("import-salesforce.csv");
    g_autoptr(GError) e2 = add_error(f, WP_IMPORT_LINKEDIN, salesforce, &o);
    g_assert_error(e2, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(e2->message, "looks like a Salesforce contacts export"));
    g_assert_nonnull(strstr(e2->message, "'OwnerId'"));

    /* A mapping does not make a CRM export a LinkedIn one. */
    const char *map[] = {"company=Company name", NULL};
    WpImportOptions mapped = o;
    mapped.column_map = map;
    g_autoptr(GError) e3 = add_error(f, WP_IMPORT_LINKEDIN, hubspot, &mapped);
    g_assert_error(e3, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(e3->message, "HubSpot"));

    /* A CRM header that LinkedIn's aliases do not even find as a header is named too. */
    g_autofree char *owner_only =
        write_text(f, "owners.csv",
                   "Name,Email,Company,Contact owner\nAnn Lee,ann@lee.example,Lee Co,Alice\n");
    g_autoptr(GError) e4 = add_error(f, WP_IMPORT_LINKEDIN, owner_only, &o);
    g_assert_error(e4, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(e4->message, "owners.csv:1: looks like a HubSpot contacts export"));

    /* Another contact list (no 'Connected On', columns LinkedIn does not write). */
    static const char leads[] = "First Name,Last Name,Email,Company,Phone\n"
                                "Ann,Lee,ann@lee.example,Lee Co,555-0100\n";
    g_autofree char *list = write_text(f, "leads.csv", leads);
    g_autoptr(GError) e5 = add_error(f, WP_IMPORT_LINKEDIN, list, &o);
    g_assert_error(e5, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(e5->message, "leads.csv:1: not a LinkedIn Connections export"));
    g_assert_nonnull(strstr(e5->message, "'warmpath import crm'"));
    g_assert_nonnull(strstr(e5->message, "--map"));
    /* ... which the user may still import as connections by naming a column. */
    const char *phone_ignored[] = {"title=", NULL};
    WpImportOptions named_cols = o;
    named_cols.column_map = phone_ignored;
    g_autoptr(WpImport) imp = import_one_path(f->dir, WP_IMPORT_LINKEDIN, list, &named_cols);
    g_assert_cmpstr(((WpImportFile *)wp_import_get_report(imp)->files->pdata[0])->format, ==,
                    "linkedin (en)");
    g_assert_cmpuint(wp_import_get_report(imp)->ties_added, ==, 1);

    /* LinkedIn's own columns without the date column are still LinkedIn's. */
    static const char no_date[] = "First Name,Last Name,Email Address,Company,Position\n"
                                  "Ben,Ode,,Ode Co,Analyst\n";
    g_autofree char *partial = write_text(f, "partial.csv", no_date);
    g_autoptr(WpImport) imp2 = import_one_path(f->dir, WP_IMPORT_LINKEDIN, partial, &o);
    g_assert_cmpuint(wp_import_get_report(imp2)->ties_added, ==, 1);
}

/* The seven header languages, each recognised as LinkedIn's with its own language. */
static void test_kind_linkedin_languages(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    static const struct {
        const char *header, *format;
    } langs[] = {
        {"First Name,Last Name,URL,Email Address,Company,Position,Connected On", "linkedin (en)"},
        {"Prénom,Nom,URL,Adresse e-mail,Entreprise,Poste,Connecté le", "linkedin (fr)"},
        {"Vorname,Nachname,URL,E-Mail-Adresse,Unternehmen,Position,Verbunden am", "linkedin (de)"},
        {"Nombre,Apellidos,URL,Dirección de correo electrónico,Empresa,Cargo,Conectado el",
         "linkedin (es)"},
        {"Nome,Sobrenome,URL,Endereço de e-mail,Empresa,Cargo,Conectado em", "linkedin (pt)"},
        {"Nome,Cognome,URL,Indirizzo email,Azienda,Posizione,Collegato il", "linkedin (it)"},
        {"Voornaam,Achternaam,URL,E-mailadres,Bedrijf,Functie,Verbonden op", "linkedin (nl)"},
    };
    WpImportOptions o = seller("alice", "Alice Carter", NULL, "2026-01-10");
    for (guint i = 0; i < G_N_ELEMENTS(langs); i++) {
        g_autofree char *text = g_strdup_printf(
            "%s\nAnn,Lee,https://www.linkedin.com/in/ann-lee,,Lee Co,Analyst,2025-12-07\n",
            langs[i].header);
        g_autofree char *path = write_text(f, "lang.csv", text);
        g_autoptr(WpImport) imp = import_one_path(f->dir, WP_IMPORT_LINKEDIN, path, &o);
        const WpImportReport *r = wp_import_get_report(imp);
        g_assert_cmpstr(((WpImportFile *)r->files->pdata[0])->format, ==, langs[i].format);
        g_assert_cmpuint(r->rows_used, ==, 1);
        g_assert_cmpuint(r->problems->len, ==, 0);
    }
}

/* An --owner nobody has, without --owner-name, says exactly what to type: in an empty folder
 * (the first import) and in one with people. The suggested id is the name as an id. */
static void test_owner_unknown_hint(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *modern = fixture("import-linkedin-modern.csv");
    WpImportOptions ana;
    wp_import_options_init(&ana);
    ana.owner = "Ana Ruiz";
    g_autoptr(GError) e1 = add_error(f, WP_IMPORT_LINKEDIN, modern, &ana);
    g_assert_error(e1, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_assert_nonnull(strstr(e1->message, "has no people yet"));
    g_assert_nonnull(
        strstr(e1->message, "--owner ana-ruiz --owner-name 'Ana Ruiz' --owner-company COMPANY"));
    g_assert_false(g_file_test(f->dir, G_FILE_TEST_EXISTS));

    import_alice(f->dir); /* 11 people */
    WpImportOptions jose = ana;
    jose.owner = "José Ñúñez O'Neil";
    g_autoptr(GError) e2 = add_error(f, WP_IMPORT_LINKEDIN, modern, &jose);
    g_assert_error(e2, WP_ERROR, WP_ERROR_UNKNOWN_PERSON);
    g_assert_nonnull(strstr(e2->message, "(11 people); sellers here: 'Alice Carter' ('alice')"));
    g_assert_nonnull(strstr(e2->message, "to add a new seller"));
    g_assert_nonnull(strstr(e2->message, "--owner jose-nunez-o-neil --owner-name 'José Ñúñez "
                                         "O'\\''Neil' --owner-company COMPANY"));
    /* Text that looks like an id gets a name to fill in. */
    WpImportOptions id = ana;
    id.owner = "ana";
    g_autoptr(GError) e3 = add_error(f, WP_IMPORT_LINKEDIN, modern, &id);
    g_assert_nonnull(strstr(e3->message, "--owner ana --owner-name NAME --owner-company COMPANY"));
}

/* ---- names ---- */

/* Each expected name and credential list written by hand from the rules in README "Names". */
static void test_names_clean(void)
{
    static const struct {
        const char *text;
        WpINamePart part;
        const char *name, *credentials;
    } cases[] = {
        {"O'Sullivan, CPA", WP_I_NAME_LAST, "O'Sullivan", "CPA"},
        {"O'Sullivan, Jr., CPA", WP_I_NAME_LAST, "O'Sullivan, Jr.", "CPA"},
        {"Jane Doe, MBA, PMP", WP_I_NAME_FULL, "Jane Doe", "MBA, PMP"},
        {"Jane Doe, CPA/CFA", WP_I_NAME_FULL, "Jane Doe", "CPA, CFA"},
        {"Jane Doe MBA, PMP", WP_I_NAME_FULL, "Jane Doe", "MBA, PMP"},
        {"Doe Ph.D.", WP_I_NAME_LAST, "Doe", "Ph.D."},
        {"Doe MBA PMP", WP_I_NAME_LAST, "Doe", "MBA, PMP"},
        {"Doe, CDMP", WP_I_NAME_LAST, "Doe", "CDMP"},             /* unlisted, capitals, a comma */
        {"Jane Doe, CDMP", WP_I_NAME_FULL, "Jane Doe, CDMP", ""}, /* not in a whole name */
        {"Smith, P.Eng.", WP_I_NAME_LAST, "Smith", "P.Eng."},
        {"Jane Doe, Esq.", WP_I_NAME_FULL, "Jane Doe", "Esq."},
        {"Jane Doe (CPA)", WP_I_NAME_FULL, "Jane Doe", "CPA"},
        {"Dr. Anna", WP_I_NAME_FIRST, "Anna", "Dr."},
        {"Prof. Dr. Anna Weber", WP_I_NAME_FULL, "Anna Weber", "Prof., Dr."},
        {"Ms Jane", WP_I_NAME_FIRST, "Jane", ""},
        {"Weber (she/her)", WP_I_NAME_LAST, "Weber", ""},
        {"Sam Lee [they/them]", WP_I_NAME_FULL, "Sam Lee", ""},
        {"Zoë 🚀 Müller", WP_I_NAME_FULL, "Zoë Müller", ""},
        {"Sam Lee 👋🏽", WP_I_NAME_FULL, "Sam Lee", ""},
        {"Jane Doe 🚀, MBA", WP_I_NAME_FULL, "Jane Doe", "MBA"},
        {"✨Kim✨", WP_I_NAME_FIRST, "Kim", ""},
        {"Jane Doe | Helping SaaS teams grow", WP_I_NAME_FULL, "Jane Doe", ""},
        {"Jane Doe • CPA", WP_I_NAME_FULL, "Jane Doe", "CPA"},
        {"Robert (Bob) Smith", WP_I_NAME_FULL, "Robert (Bob) Smith", ""},
        /* generational suffixes are the name */
        {"Martin Luther King Jr.", WP_I_NAME_FULL, "Martin Luther King Jr.", ""},
        {"John Smith III", WP_I_NAME_FULL, "John Smith III", ""},
        /* surnames that are also abbreviations stay, unless a comma says otherwise */
        {"Ma", WP_I_NAME_LAST, "Ma", ""},
        {"MA", WP_I_NAME_LAST, "MA", ""},
        {"Wei MA", WP_I_NAME_FULL, "Wei MA", ""},
        {"Li, MA", WP_I_NAME_FULL, "Li, MA", ""},
        {"Anh DO", WP_I_NAME_FULL, "Anh DO", ""},
        {"Marco CIMA", WP_I_NAME_FULL, "Marco CIMA", ""},
        {"Marco Rossi, CIMA", WP_I_NAME_FULL, "Marco Rossi", "CIMA"},
        {"Nguyen, MD", WP_I_NAME_LAST, "Nguyen", "MD"},
        {"Doe phd", WP_I_NAME_LAST, "Doe phd", ""},
        {"Jane DOE", WP_I_NAME_FULL, "Jane DOE", ""},
        {"Brandt, Helga", WP_I_NAME_FULL, "Brandt, Helga", ""},
        /* the rest is left alone */
        {"=cmd", WP_I_NAME_FULL, "=cmd", ""},
        {"-Ann Lee", WP_I_NAME_FULL, "-Ann Lee", ""},
        {"Dana \"DJ\" Okoro", WP_I_NAME_FULL, "Dana \"DJ\" Okoro", ""},
        {"明 王", WP_I_NAME_FULL, "明 王", ""},
        {"Анна Иванова", WP_I_NAME_FULL, "Анна Иванова", ""},
        {"CPA", WP_I_NAME_LAST, "CPA", ""}, /* a field is never emptied */
        {"🚀", WP_I_NAME_FIRST, "", ""},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
        g_autofree char *name = wp_i_name_clean(cases[i].text, cases[i].part, found);
        g_ptr_array_add(found, NULL);
        g_autofree char *joined = g_strjoinv(", ", (char **)found->pdata);
        if (g_strcmp0(name, cases[i].name) != 0 || g_strcmp0(joined, cases[i].credentials) != 0)
            g_test_message("case %u: '%s'", i, cases[i].text);
        g_assert_cmpstr(name, ==, cases[i].name);
        g_assert_cmpstr(joined, ==, cases[i].credentials);
    }
}

/* A megabyte of credentials or brackets in a cell is cleaned in linear time: at most 16
 * suffixes come off, and a bracket group is looked for among 64 bytes. */
static void test_names_hostile(void)
{
    g_autoptr(GString) chain = g_string_new("Doe");
    while (chain->len < (1u << 20))
        g_string_append(chain, ", CPA");
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *name = wp_i_name_clean(chain->str, WP_I_NAME_LAST, found);
    g_assert_cmpuint(found->len, ==, 16);
    g_assert_cmpuint(strlen(name), ==, chain->len - 16 * strlen(", CPA"));
    g_autofree char *brackets = g_strnfill(1u << 20, '(');
    g_autofree char *same = wp_i_name_clean(brackets, WP_I_NAME_FULL, found);
    g_assert_cmpstr(same, ==, brackets);
    g_autoptr(GString) honorifics = g_string_new(NULL);
    while (honorifics->len < (1u << 20))
        g_string_append(honorifics, "Dr ");
    g_string_append(honorifics, "Who");
    g_autofree char *who = wp_i_name_clean(honorifics->str, WP_I_NAME_FIRST, found);
    g_assert_cmpuint(strlen(who), ==, honorifics->len - 16 * strlen("Dr "));
}

/* "O'Sullivan, CPA" as LinkedIn's last name: the person is Aoife O'Sullivan, with CPA as her
 * credentials, and the CRM's Aoife O'Sullivan at the same company is the same person (before,
 * the name kept ", CPA" and she became two people). First-name credentials and a chain in the
 * last name field too. */
static void test_names_import(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    static const char export[] =
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Aoife,\"O'Sullivan, CPA\",,,Brightline Pay,Controller,07 Dec 2025\n"
        "Dr. Anna,Weber (she/her),,,Cedarpoint Health,CMO,07 Dec 2025\n"
        "Raj,\"Patel, MBA, PMP 🚀\",,,Acme,PMO Lead,07 Dec 2025\n";
    WpImportOptions o = seller("alice", "Alice Carter", NULL, "2026-01-10");
    g_autofree char *path = write_text(f, "names.csv", export);
    g_autoptr(WpImport) a = import_one_path(f->dir, WP_IMPORT_LINKEDIN, path, &o);
    g_assert_cmpuint(wp_import_get_report(a)->people_added, ==, 4);
    static const char crm[] = "First name,Last name,Company name,Contact owner\n"
                              "Aoife,O'Sullivan,Brightline Pay,alice\n"
                              "Anna,Weber,Cedarpoint Health,alice\n";
    g_autofree char *crm_path = write_text(f, "crm.csv", crm);
    WpImportOptions c;
    wp_import_options_init(&c);
    c.exported_on = day("2026-01-10");
    g_autoptr(WpImport) b = import_one_path(f->dir, WP_IMPORT_CRM, crm_path, &c);
    g_assert_cmpuint(wp_import_get_report(b)->people_added, ==, 0);
    g_assert_cmpuint(wp_import_get_report(b)->merges->len, ==, 2);

    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson aoife = named(g, "Aoife O'Sullivan", "Brightline Pay");
    g_assert_cmpstr(wp_graph_person_attr(g, aoife, "credentials"), ==, "CPA");
    WpPerson anna = named(g, "Anna Weber", NULL);
    g_assert_cmpstr(wp_graph_person_attr(g, anna, "credentials"), ==, "Dr.");
    WpPerson raj = named(g, "Raj Patel", NULL);
    g_assert_cmpstr(wp_graph_person_attr(g, raj, "credentials"), ==, "MBA, PMP");
    g_assert_null(wp_graph_person_attr(g, person(g, "alice"), "credentials"));
    WpTieInfo t;
    tie_of(g, person(g, "alice"), aoife, &t);
    g_assert_cmpuint(t.types, ==, WP_TIE_TYPE_BIT(WP_TIE_SOCIAL) | WP_TIE_TYPE_BIT(WP_TIE_CLIENT));
}

/* A people file written before names were cleaned ("Aoife O'Sullivan, CPA") is matched by the
 * clean name, and a re-import cleans it. */
static void test_names_stored_before(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_assert_cmpint(g_mkdir(f->dir, 0700), ==, 0);
    g_autofree char *people = g_build_filename(f->dir, "people.csv", NULL);
    g_assert_true(g_file_set_contents(people,
                                      "id,name,company,team\n"
                                      "alice,Alice Carter,Warmpath Inc,sales-east\n"
                                      "p9,\"Aoife O'Sullivan, CPA\",Brightline Pay,\n",
                                      -1, NULL));
    static const char export[] =
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Aoife,\"O'Sullivan, CPA, CFA\",,,Brightline Pay,Controller,07 Dec 2025\n";
    WpImportOptions o = seller("alice", NULL, NULL, "2026-01-10");
    g_autofree char *path = write_text(f, "names.csv", export);
    g_autoptr(WpImport) imp = import_one_path(f->dir, WP_IMPORT_LINKEDIN, path, &o);
    const WpImportReport *r = wp_import_get_report(imp);
    g_assert_cmpuint(r->people_added, ==, 0);
    g_assert_cmpuint(r->people_updated, ==, 1);
    g_assert_cmpstr(merge(r, 0)->person, ==, "p9");
    g_autoptr(WpGraph) g = load_dir(f->dir);
    WpPerson aoife = person(g, "p9");
    g_assert_cmpstr(wp_graph_person_attr(g, aoife, WP_COLUMN_NAME), ==, "Aoife O'Sullivan");
    g_assert_cmpstr(wp_graph_person_attr(g, aoife, "credentials"), ==, "CPA, CFA");
}

/* ---- teammates ---- */

static const char alice_team_export[] =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Nina,Patel,https://www.linkedin.com/in/nina-patel,,Warmpath Inc,Account Executive,"
    "14 Feb 2023\n"
    "Derek,Lund,https://www.linkedin.com/in/derek-lund,,Warmpath Inc,Account Executive,"
    "02 Mar 2022\n"
    "Bob,Smith,https://www.linkedin.com/in/bob-smith-acme,,Acme,VP Finance,07 Dec 2025\n";
static const char nina_export[] =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Alice,Carter,,,Warmpath Inc,Account Executive,14 Feb 2023\n"
    "Bob,Smith,https://www.linkedin.com/in/bob-smith-acme,,Acme,VP Finance,01 Oct 2024\n";
static const char derek_export[] =
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Alice,Carter,,,Warmpath Inc,Account Executive,02 Mar 2022\n";

/* Imports the three sellers' exports in @order ("and" = alice, nina, derek; "nda" = nina,
 * derek, alice); alice and nina are sales-east, derek sales-west. */
static void import_team(const Fixture *f, const char *dir, const char *order)
{
    for (const char *o = order; *o != '\0'; o++) {
        WpImportOptions opts =
            *o == 'a'   ? seller("alice", "Alice Carter", "sales-east", "2026-01-10")
            : *o == 'n' ? seller("nina", "Nina Patel", "sales-east", "2026-01-10")
                        : seller("derek", "Derek Lund", "sales-west", "2026-01-10");
        const char *text = *o == 'a' ? alice_team_export : *o == 'n' ? nina_export : derek_export;
        g_autofree char *name = g_strdup_printf("%c.csv", *o);
        g_autofree char *path = write_text(f, name, text);
        g_autoptr(WpImport) imp = import_one_path(dir, WP_IMPORT_LINKEDIN, path, &opts);
    }
}

/* Two sellers of one team are colleagues, whatever their LinkedIn connection says: the tie
 * between them gets the type colleague besides social, in whichever order the exports come.
 * A seller of another team stays a LinkedIn connection. (Before, both were weak social ties.) */
static void test_team_colleagues(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *other = g_build_filename(f->tmp, "other", NULL);
    import_team(f, f->dir, "and");
    import_team(f, other, "nda");
    const char *dirs[] = {f->dir, other};
    for (guint d = 0; d < G_N_ELEMENTS(dirs); d++) {
        g_autoptr(WpGraph) g = load_dir(dirs[d]);
        WpPerson alice = named(g, "Alice Carter", NULL), nina = named(g, "Nina Patel", NULL);
        WpPerson derek = named(g, "Derek Lund", NULL);
        g_assert_cmpstr(wp_graph_person_team(g, alice), ==, "sales-east");
        g_assert_cmpstr(wp_graph_person_team(g, nina), ==, "sales-east");
        g_assert_cmpstr(wp_graph_person_team(g, derek), ==, "sales-west");
        WpTieInfo t;
        tie_of(g, alice, nina, &t);
        g_assert_cmpuint(t.types, ==,
                         WP_TIE_TYPE_BIT(WP_TIE_SOCIAL) | WP_TIE_TYPE_BIT(WP_TIE_COLLEAGUE));
        g_assert_cmpint(t.last_contact, ==, WP_DAY_NONE); /* not the 14 Feb 2023 connection */
        tie_of(g, alice, derek, &t);
        g_assert_cmpuint(t.types, ==, WP_TIE_TYPE_BIT(WP_TIE_SOCIAL));
        /* Under the default model: the colleague prior 0.55 times the undated factor 0.85. */
        g_autoptr(WpModel) model = wp_model_new_default();
        g_autoptr(WpScoring) scoring = wp_scoring_new(g, model, day("2026-01-10"), NULL);
        WpTie id;
        g_assert_true(wp_graph_find_tie(g, alice, nina, &id));
        g_assert_cmpfloat_with_epsilon(wp_scoring_tie_strength(scoring, id, NULL), 0.55 * 0.85,
                                       1e-9);
    }
    /* The rows say so in both orders, and that both sellers' exports gave the tie, the first
     * import's first. The origin names a seller by their id in people.csv: the one an earlier
     * export gave them when it met them first (nina in a, alice in b), not --owner's text. */
    g_autofree char *edges_a = read_file(f->dir, "edges.csv");
    g_autofree char *edges_b = read_file(other, "edges.csv");
    g_assert_nonnull(
        strstr(edges_a, ",social;colleague,,,linkedin:alice;linkedin:li:nina-patel\n"));
    g_autoptr(WpGraph) gb = load_dir(other);
    g_autofree char *alice_in_b =
        g_strdup_printf(",social;colleague,,,linkedin:nina;linkedin:%s\n",
                        wp_graph_person_id(gb, named(gb, "Alice Carter", NULL)));
    g_assert_true(g_str_has_prefix(alice_in_b, ",social;colleague,,,linkedin:nina;linkedin:nc:"));
    g_assert_nonnull(strstr(edges_b, alice_in_b));

    /* Importing again changes nothing. */
    WpImportOptions again = seller("alice", NULL, "sales-east", "2026-01-10");
    g_autofree char *path = write_text(f, "a.csv", alice_team_export);
    g_autoptr(WpImport) imp = import_one_path(f->dir, WP_IMPORT_LINKEDIN, path, &again);
    g_assert_cmpuint(wp_import_get_report(imp)->ties_updated, ==, 0);
}

/* An import never moves a seller to another team or wipes a team: --team names the team of a
 * seller who has none (or only a yes-like mark), and is reported when the seller keeps theirs. */
static void test_team_kept(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_assert_cmpint(g_mkdir(f->dir, 0700), ==, 0);
    g_autofree char *people = g_build_filename(f->dir, "people.csv", NULL);
    g_assert_true(g_file_set_contents(people,
                                      "id,name,company,team,region\n"
                                      "alice,Alice Carter,Warmpath Inc,sales-east,US-East\n"
                                      "marcus,Marcus Reid,Warmpath Inc,yes,US-East\n"
                                      "nina,Nina Patel,Warmpath Inc,,US-East\n",
                                      -1, NULL));
    const char *sellers[] = {"alice", "marcus", "nina"};
    for (guint i = 0; i < G_N_ELEMENTS(sellers); i++) {
        WpImportOptions o = seller(sellers[i], NULL, "sales-west", "2026-01-10");
        g_autoptr(WpImport) imp =
            import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-old.csv", &o, NULL);
        const WpImportReport *r = wp_import_get_report(imp);
        if (i == 0) {
            g_assert_cmpuint(r->problems->len, ==, 1);
            g_assert_nonnull(strstr(problem(r, 0)->message, "stays in team 'sales-east'"));
            g_assert_nonnull(strstr(problem(r, 0)->message, "--team 'sales-west'"));
        } else {
            g_assert_cmpuint(r->problems->len, ==, 0);
        }
    }
    g_autoptr(WpGraph) g = load_dir(f->dir);
    g_assert_cmpstr(wp_graph_person_team(g, person(g, "alice")), ==, "sales-east");
    g_assert_cmpstr(wp_graph_person_team(g, person(g, "marcus")), ==, "sales-west");
    g_assert_cmpstr(wp_graph_person_team(g, person(g, "nina")), ==, "sales-west");
    g_assert_cmpstr(wp_graph_person_attr(g, person(g, "nina"), "region"), ==, "US-East");
    /* Without --team every seller keeps the team they have. */
    WpImportOptions plain = seller("alice", NULL, NULL, "2026-01-10");
    gboolean written = TRUE;
    g_autoptr(WpImport) imp =
        import_one(f->dir, WP_IMPORT_LINKEDIN, "import-linkedin-old.csv", &plain, &written);
    g_assert_false(written);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    struct {
        const char *path;
        void (*func)(Fixture *, gconstpointer);
    } cases[] = {
        {"/import/kind/linkedin-refuses-crm", test_kind_linkedin_refuses_crm},
        {"/import/kind/linkedin-languages", test_kind_linkedin_languages},
        {"/import/owner/unknown-hint", test_owner_unknown_hint},
        {"/import/names/import", test_names_import},
        {"/import/names/stored-before", test_names_stored_before},
        {"/import/team/colleagues", test_team_colleagues},
        {"/import/team/kept", test_team_kept},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
        g_test_add(cases[i].path, Fixture, NULL, setup, cases[i].func, teardown);
    g_test_add_func("/import/names/clean", test_names_clean);
    g_test_add_func("/import/names/hostile", test_names_hostile);
    return g_test_run();
}
