/* SPDX-License-Identifier: MIT */
/* Intro-request drafts: templates, the reconnect rule on a hand-built network with dates, the
 * brief, the forwardable note on the demo and a shared dataset, the e-mail encoders. */
#include "ask/ask-private.h"
#include "query-helpers.h"

#include <glib/gstdio.h>
#include <warmpath/warmpath.h>

#include <string.h>

/* ---- an independent word count and field check ---- */

/* Words as a reader counts them, written apart from wp_draft_count_words(): split at white
 * space, keep the pieces with a letter or digit ("—" alone is no word). */
static guint count_words(const char *text)
{
    g_auto(GStrv) pieces = g_strsplit_set(text, " \n\t", -1);
    guint n = 0;
    for (guint i = 0; pieces[i] != NULL; i++) {
        gboolean word = FALSE;
        for (const char *p = pieces[i]; *p != '\0' && !word; p = g_utf8_next_char(p))
            word = g_unichar_isalnum(g_utf8_get_char(p));
        n += word;
    }
    return n;
}

static void assert_no_field_left(const char *text)
{
    g_assert_null(strchr(text, '{'));
    g_assert_null(strchr(text, '}'));
}

/* ---- templates ---- */

/* Every required section, one line each. */
#define MINIMAL                                                                                    \
    "[subject]\nS\n[reconnect]\nR\n[why]\nW\n[ask]\nA\n[ask-via]\nV\n[note-intro]\nI\n"            \
    "[note]\nN\n"

static void test_template_unknown_field(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpDraftTemplate) t = wp_draft_template_load_from_data(
        "# comment\nlang=en\n\n[subject]\nHello {target_nme} at {target_company}\n" MINIMAL,
        "team.txt", &error);
    g_assert_null(t);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "team.txt:5: "));
    g_assert_nonnull(strstr(error->message, "'{target_nme}'"));
}

static void test_template_errors_name_line(void)
{
    const struct {
        const char *text;
        const char *want;
    } cases[] = {
        {MINIMAL "[closing]\nBye {seller_first_name\n", "t:16: field '{seller_first_name'"},
        {MINIMAL "[closing]\nBye }\n", "t:16: '}' without its '{'"},
        {MINIMAL "[signature]\nx\n", "t:15: unknown section [signature]"},
        {MINIMAL "[note]\nagain\n", "t:15: section [note] given twice"},
        {"hello\n" MINIMAL, "t:1: 'hello' before the first section"},
        {"[subject]\nS\n[reconnect]\nR\n[why]\nW\n[ask]\nA\n[ask-via]\nV\n[note-intro]\nI\n",
         "t: the template has no section [note]"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) error = NULL;
        g_autoptr(WpDraftTemplate) t = wp_draft_template_load_from_data(cases[i].text, "t", &error);
        g_assert_null(t);
        g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
        if (strstr(error->message, cases[i].want) == NULL)
            g_error("case %u: '%s' lacks '%s'", i, error->message, cases[i].want);
    }
}

/* The file variant names the file, as a user's --template does. */
static void test_template_file_names_file(void)
{
    g_autofree char *dir = g_dir_make_tmp("wp-draft-XXXXXX", NULL);
    g_autofree char *file = g_build_filename(dir, "ours.txt", NULL);
    g_assert_true(g_file_set_contents(file, MINIMAL "[why]\n", -1, NULL));
    g_autoptr(GError) error = NULL;
    g_autoptr(WpDraftTemplate) t = wp_draft_template_load_file(file, &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_autofree char *want = g_strdup_printf("%s:15: section [why] given twice", file);
    g_assert_cmpstr(error->message, ==, want);
    g_unlink(file);
    g_rmdir(dir);
}

/* Lines join into paragraphs; a line with an empty field gives way to its alternatives or is
 * left out; a trailing backslash keeps the break; {{ }} are braces. Worked by hand. */
static void test_template_fill_rules(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpDraftTemplate) t = wp_draft_template_load_from_data(
        "[subject]\nS\n[reconnect]\nR\n[ask]\nA\n[ask-via]\nV\n[note-intro]\nI\n[note]\nN\n"
        "[why]\n"
        "Meet {target_name} at {target_company}.\n"
        "| Meet {target_name}.\n"
        "| Meet someone.\n"
        "We help {function} {solves}.\n"
        "\n"
        "\n"
        "Sign \\\n"
        "{seller_first_name} {{x}}\n",
        "t", &error);
    g_assert_no_error(error);
    const char *values[WP_I_N_FIELDS] = {0};
    values[WP_I_FIELD_TARGET_NAME] = "Bob";
    values[WP_I_FIELD_SELLER_FIRST_NAME] = "Al";
    g_autofree char *a = wp_i_template_fill(t, WP_I_SECTION_WHY, values);
    g_assert_cmpstr(a, ==, "Meet Bob.\n\nSign\nAl {x}");
    values[WP_I_FIELD_TARGET_COMPANY] = "Acme";
    values[WP_I_FIELD_FUNCTION] = "CFOs";
    values[WP_I_FIELD_SOLVES] = "close faster";
    g_autofree char *b = wp_i_template_fill(t, WP_I_SECTION_WHY, values);
    g_assert_cmpstr(b, ==, "Meet Bob at Acme. We help CFOs close faster.\n\nSign\nAl {x}");
    values[WP_I_FIELD_TARGET_NAME] = "";
    g_autofree char *c = wp_i_template_fill(t, WP_I_SECTION_WHY, values);
    g_assert_cmpstr(c, ==, "Meet someone. We help CFOs close faster.\n\nSign\nAl {x}");
    /* the greeting is optional and absent here */
    g_autofree char *g = wp_i_template_fill(t, WP_I_SECTION_GREETING, values);
    g_assert_cmpstr(g, ==, "");
}

static void test_template_default(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpDraftTemplate) t = wp_draft_template_new_default(NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpstr(wp_draft_template_lang(t), ==, "en");
    for (guint s = 0; s < WP_I_N_SECTIONS; s++)
        g_assert_true(wp_i_template_has(t, s));
    g_autoptr(WpDraftTemplate) none = wp_draft_template_new_default("xx", &error);
    g_assert_null(none);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
}

static void test_count_words(void)
{
    g_assert_cmpuint(wp_draft_count_words(""), ==, 0);
    g_assert_cmpuint(wp_draft_count_words("Hi Bob,\n\nI'm Zoë Müller-Łukasik — hello."), ==, 6);
    g_assert_cmpuint(wp_draft_count_words("200 to 2,000 people, a@b.example"), ==, 5);
    g_assert_cmpuint(count_words("Hi Bob,\n\nI'm Zoë Müller-Łukasik — hello."), ==, 6);
}

/* ---- a hand-built network with dates ---- */

/* s (seller) knows a (warm: a client, last contact 10 days before the as-of day, 30
 * interactions), b (a friend last seen 1,000 days before: cold), c (a LinkedIn connection
 * only: never used), d (a friend seen 400 days ago, 2 interactions, declared 0.15: weak). Each
 * knows t; d reaches t through e (a two-step path). */
static const char *const ties_csv = "source,target,strength,type,last_contact,interactions\n"
                                    "s,a,,client,2026-10-22,30\n"
                                    "s,b,,friend,2024-02-06,12\n"
                                    "s,c,,social,2026-09-01,\n"
                                    "s,d,0.15,friend,2025-09-27,2\n"
                                    "a,t,0.9,colleague,2026-10-01,40\n"
                                    "b,t,0.9,colleague,2026-10-01,40\n"
                                    "c,t,0.9,colleague,2026-10-01,40\n"
                                    "d,e,0.9,friend,2026-10-01,40\n"
                                    "e,t,0.9,colleague,2026-10-01,40\n";
static const char *const people_csv =
    "id,name,company,title,industry,region,company_size,email,linkedin_url,phone\n"
    "s,Zoë Müller-Łukasik,Warmpath Inc,Account Executive,Software,EU,80,zoe@warmpath.example,,\n"
    "a,Ana Lima,Brightline,CFO,Fintech,EU,300,ana@brightline.example,,+44 20 7946 0000\n"
    "b,Dr. Ben Ode,Ode & Co,Partner,Law,EU,40,,https://www.linkedin.com/in/ben-ode,\n"
    "c,Cy Park,Parkside,COO,Retail,US,900,,,\n"
    "d,Di Fox,Foxhole,CEO,Media,EU,50,di@foxhole.example,,\n"
    "e,Ed Moss,Mossworks,CTO,Fintech,EU,500,,,\n"
    "t,Tom Reyes,Acme,VP Finance,Fintech,EU,1200,tom@acme.example,,\n";

static const char *const brief_ini = "[brief]\n"
                                     "solves=close the month in three days\n"
                                     "function=finance leaders\n"
                                     "industry=fintech companies\n"
                                     "geography=across the EU\n"
                                     "company_size=200 to 5000 people\n"
                                     "proof=Brightline closed October in four days with us.\n";

typedef struct {
    WpScoring *scoring;
    WpPathSet *set;
    WpPathReport *report;
    WpDraftTemplate *tmpl;
    WpPerson sellers[1];
} Fixture;

static void fixture_set_up(Fixture *f, const char *profile)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(ties_csv, people_csv, WP_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_load_from_data(profile, "profile.ini", &error);
    g_assert_no_error(error);
    WpDay as_of;
    g_assert_true(wp_day_parse("2026-11-01", &as_of));
    f->scoring = wp_scoring_new(g, model, as_of, NULL);
    f->sellers[0] = wp_graph_find_id(g, "s");
    WpPathQuery query = {.k = 10, .max_hops = 4, .min_probability = 0};
    f->set = wp_path_find(f->scoring, NULL, f->sellers, 1, wp_graph_find_id(g, "t"), &query, NULL,
                          &error);
    g_assert_no_error(error);
    WpPathRequest request = {f->sellers, 1, query, NULL, NULL, NULL, "profile.ini"};
    f->report = wp_path_report_new(f->scoring, f->set, &request);
    f->tmpl = wp_draft_template_new_default(NULL, &error);
    g_assert_no_error(error);
}

static void fixture_tear_down(Fixture *f)
{
    wp_draft_template_free(f->tmpl);
    wp_path_report_free(f->report);
    wp_path_set_free(f->set);
    wp_scoring_unref(f->scoring);
}

/* The draft of the path whose source has id @source. */
static WpDraft *draft_via(const Fixture *f, const char *source)
{
    const WpGraph *g = wp_scoring_graph(f->scoring);
    for (guint i = 0; i < f->report->paths->len; i++) {
        const WpPathReason *p = &g_array_index(f->report->paths, WpPathReason, i);
        if (p->source == wp_graph_find_id(g, source)) {
            g_autoptr(GError) error = NULL;
            WpDraft *d = wp_draft_new(f->report, p, f->tmpl, &error);
            g_assert_no_error(error);
            return d;
        }
    }
    g_error("no path through %s", source);
    return NULL;
}

static gboolean reconnects(const WpDraft *d)
{
    return strstr(d->to_source, "It's been a while") != NULL;
}

static void test_reconnect_rule(void)
{
    Fixture f;
    fixture_set_up(&f, brief_ini);
    g_assert_cmpuint(f.report->paths->len, ==, 4);
    g_autoptr(WpDraft) a = draft_via(&f, "a");
    g_autoptr(WpDraft) b = draft_via(&f, "b");
    g_autoptr(WpDraft) c = draft_via(&f, "c");
    g_autoptr(WpDraft) d = draft_via(&f, "d");
    /* warm: recent, used, strong */
    g_assert_cmpint(a->reconnect, ==, WP_DRAFT_RECONNECT_NONE);
    g_assert_false(reconnects(a));
    /* 2024-02-06 to 2026-11-01 is 999 days (> cold_after_days 730), about 2 years */
    g_assert_cmpint(b->reconnect, ==, WP_DRAFT_RECONNECT_COLD);
    g_assert_cmpint(b->age_days, ==, 999);
    g_assert_true(reconnects(b));
    g_assert_nonnull(strstr(b->to_source, "(about 2 years, by my notes)"));
    g_assert_nonnull(strstr(b->to_source, "Hi Ben,")); /* the honorific skipped */
    g_assert_cmpint(c->reconnect, ==, WP_DRAFT_RECONNECT_NEVER_USED);
    g_assert_true(reconnects(c));
    /* 0.15 declared, 400 days (recency 0.35 + 0.65 x 2^(-400/730) = 0.795), 2 interactions
     * (boost 0.5 x (1 - e^(-2/25)) = 0.038): 0.15 x 0.795 = 0.119, + 0.881 x 0.038 = 0.153, below
     * weak_tie_below 0.30; not cold */
    g_assert_cmpint(d->reconnect, ==, WP_DRAFT_RECONNECT_WEAK);
    g_assert_true(reconnects(d));
    fixture_tear_down(&f);
}

/* A two-step path names the source's own contact and how they know the buyer; a one-step one
 * asks for the introduction directly. */
static void test_two_step(void)
{
    Fixture f;
    fixture_set_up(&f, brief_ini);
    g_autoptr(WpDraft) a = draft_via(&f, "a");
    g_autoptr(WpDraft) d = draft_via(&f, "d");
    g_assert_false(a->has_contact);
    g_assert_nonnull(strstr(a->to_source, "You know Tom as a colleague"));
    g_assert_nonnull(strstr(a->to_source, "introduce us, by e-mail or with a quick call"));
    g_assert_nonnull(strstr(a->to_source, "drop me a line"));
    g_assert_true(d->has_contact);
    g_assert_cmpstr(d->contact.name, ==, "Ed Moss");
    g_assert_nonnull(strstr(d->to_source, "your friend Ed Moss (CTO, Mossworks) does: Ed is "
                                          "Tom's colleague."));
    g_assert_nonnull(strstr(d->to_source, "ask Ed to introduce us"));
    g_assert_nonnull(strstr(d->note, "Ed Moss kindly offered to pass this note on"));
    /* contact details as the people file has them */
    g_assert_cmpstr(a->source.email, ==, "ana@brightline.example");
    g_assert_cmpstr(a->source.phone, ==, "+44 20 7946 0000");
    g_assert_null(a->source.linkedin_url);
    g_assert_cmpstr(a->target.email, ==, "tom@acme.example");
    fixture_tear_down(&f);
}

static void test_note_from_brief(void)
{
    Fixture f;
    fixture_set_up(&f, brief_ini);
    for (guint i = 0; i < f.report->paths->len; i++) {
        const WpPathReason *p = &g_array_index(f.report->paths, WpPathReason, i);
        g_autoptr(GError) error = NULL;
        g_autoptr(WpDraft) d = wp_draft_new(f.report, p, f.tmpl, &error);
        g_assert_no_error(error);
        g_assert_nonnull(d->note);
        g_assert_null(d->note_missing);
        g_assert_cmpuint(count_words(d->note), <, WP_DRAFT_NOTE_MAX_WORDS);
        g_assert_cmpuint(d->note_words, ==, count_words(d->note));
        assert_no_field_left(d->note);
        assert_no_field_left(d->to_source);
        g_assert_nonnull(strstr(d->note, "we help finance leaders close the month in three days"));
        g_assert_nonnull(strstr(d->note, "Brightline closed October in four days with us."));
        /* the company's facts that fit the brief: Fintech in the industry, 1,200 in 200-5000;
         * EU is not in "across the EU"'s... it is: folded "across the eu" contains "eu" */
        g_assert_nonnull(strstr(d->to_source, "(Fintech, EU, 1,200 people)"));
    }
    fixture_tear_down(&f);
}

/* The fit matches whole words: region "EU" is not in "across Europe" (though "eu" is in
 * "europe"). */
static void test_fit_whole_words(void)
{
    Fixture f;
    fixture_set_up(&f, "[brief]\nsolves=close faster\nindustry=fintech\ngeography=across "
                       "Europe\ncompany_size=200 to 5000 people\n");
    g_autoptr(WpDraft) a = draft_via(&f, "a");
    g_assert_nonnull(strstr(a->to_source, "(Fintech, 1,200 people)"));
    fixture_tear_down(&f);
}

static void test_missing_brief_named(void)
{
    Fixture f;
    fixture_set_up(&f, "[brief]\nproof=We are good.\n");
    g_autoptr(WpDraft) a = draft_via(&f, "a");
    g_assert_null(a->note);
    g_assert_nonnull(strstr(a->note_missing, "Add [brief] solves=… to your profile"));
    g_assert_cmpuint(a->warnings->len, >=, 1);
    g_assert_cmpstr(g_ptr_array_index(a->warnings, 0), ==, a->note_missing);
    /* the part to the source is still there, without the note's introduction */
    g_assert_nonnull(strstr(a->to_source, "Would you be willing to introduce us"));
    g_assert_null(strstr(a->to_source, "note you can forward"));
    g_autoptr(JsonNode) json = wp_draft_to_json(a);
    JsonObject *o = json_node_get_object(json);
    g_assert_true(json_object_get_null_member(o, "note"));
    g_assert_cmpstr(json_object_get_string_member(o, "note_missing"), ==, a->note_missing);
    g_autofree char *text = wp_draft_to_text(a, FALSE);
    g_strdelimit(text, "\n", ' '); /* wrapped at 72 columns */
    g_assert_nonnull(strstr(text, "Add [brief] solves=… to your profile"));
    fixture_tear_down(&f);
}

static void test_direct_path_refused(void)
{
    Fixture f;
    fixture_set_up(&f, brief_ini);
    WpPath direct = {0};
    WpPerson people[2] = {f.sellers[0], wp_graph_find_id(wp_scoring_graph(f.scoring), "a")};
    direct.people = people;
    direct.n_people = 2;
    WpPathReason reason = {.path = &direct, .target = people[1]};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpDraft) d = wp_draft_new(f.report, &reason, f.tmpl, &error);
    g_assert_null(d);
    g_assert_error(error, WP_ERROR, WP_ERROR_NO_PATH);
    fixture_tear_down(&f);
}

/* Contact details in the path answer: the line under a path, its JSON, the diagram's tooltip
 * (with a backslash doubled in DOT, so that Graphviz prints it as typed). */
static void test_path_contacts(void)
{
    Fixture f;
    fixture_set_up(&f, brief_ini);
    const WpGraph *g = wp_scoring_graph(f.scoring);
    g_autofree char *ana = wp_report_contact_text(g, wp_graph_find_id(g, "a"));
    g_assert_cmpstr(ana, ==, "email ana@brightline.example · phone +44 20 7946 0000");
    g_assert_null(wp_report_contact_text(g, wp_graph_find_id(g, "c")));
    const WpPathReason *first = &g_array_index(f.report->paths, WpPathReason, 0);
    g_assert_cmpuint(first->source, ==, wp_graph_find_id(g, "a"));
    g_autofree char *line = wp_report_path_contacts(f.report, first);
    g_assert_cmpstr(line, ==,
                    "contact: Ana Lima: email ana@brightline.example · phone +44 20 7946 0000; "
                    "Tom Reyes: email tom@acme.example");
    g_autoptr(JsonNode) json = wp_report_paths_json(f.report);
    JsonObject *path = json_array_get_object_element(
        json_object_get_array_member(json_node_get_object(json), "paths"), 0);
    JsonObject *source = json_object_get_object_member(path, "source_contact");
    g_assert_cmpstr(json_object_get_string_member(source, "email"), ==, "ana@brightline.example");
    g_assert_true(json_object_get_null_member(source, "linkedin_url"));
    g_assert_cmpstr(json_object_get_string_member(source, "phone"), ==, "+44 20 7946 0000");
    JsonObject *target = json_object_get_object_member(path, "target_contact");
    g_assert_cmpstr(json_object_get_string_member(target, "email"), ==, "tom@acme.example");
    g_autoptr(WpDiagram) d = wp_diagram_new_paths(f.scoring, f.set, f.sellers, 1, NULL);
    gboolean seen = FALSE;
    for (guint i = 0; i < d->nodes->len; i++) {
        const WpDiagramNode *n = wp_diagram_node(d, i);
        if (strcmp(n->name, "Dr. Ben Ode") == 0) {
            g_assert_cmpstr(n->tooltip, ==,
                            "Dr. Ben Ode: LinkedIn https://www.linkedin.com/in/ben-ode");
            seen = TRUE;
        }
        if (strcmp(n->name, "Cy Park") == 0)
            g_assert_null(n->tooltip);
    }
    g_assert_true(seen);
    wp_diagram_set_tooltip(d, 0, "a\\N b");
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) dot = wp_diagram_render(d, WP_DIAGRAM_DOT, &error);
    g_assert_no_error(error);
    g_autofree char *text = g_strndup(g_bytes_get_data(dot, NULL), g_bytes_get_size(dot));
    g_assert_nonnull(
        strstr(text, "tooltip=\"Dr. Ben Ode: LinkedIn https://www.linkedin.com/in/ben-ode\""));
    g_assert_nonnull(strstr(text, "tooltip=\"a\\\\N b\""));
    fixture_tear_down(&f);
}

/* ---- the demo's Bob Smith question and a shared dataset: every source ---- */

static WpModel *demo_model(void)
{
    const char *root = g_getenv("WP_SOURCE_DIR");
    g_autofree char *file = g_build_filename(root, "datasets", "demo", "profile.ini", NULL);
    g_autoptr(GError) error = NULL;
    WpModel *m = wp_model_load_file(file, &error);
    g_assert_no_error(error);
    return m;
}

/* Every source's draft: a note under 120 words by an independent count, no field left. */
static void check_every_source(const WpScoring *scoring, WpPerson seller, WpPerson target)
{
    WpPathQuery query = {.k = 1000, .max_hops = 4, .min_probability = 0.01};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) set =
        wp_path_find(scoring, NULL, &seller, 1, target, &query, NULL, &error);
    g_assert_no_error(error);
    WpPathRequest request = {&seller, 1, query, NULL, NULL, NULL, "profile.ini"};
    g_autoptr(WpPathReport) report = wp_path_report_new(scoring, set, &request);
    g_autoptr(WpDraftTemplate) t = wp_draft_template_new_default(NULL, &error);
    guint drafted = 0;
    g_assert_cmpuint(report->paths->len, >=, 3);
    for (guint i = 0; i < report->paths->len; i++) {
        const WpPathReason *p = &g_array_index(report->paths, WpPathReason, i);
        if (p->path->n_people < 3)
            continue;
        g_autoptr(WpDraft) d = wp_draft_new(report, p, t, &error);
        g_assert_no_error(error);
        g_assert_nonnull(d->note);
        guint words = count_words(d->note);
        g_assert_cmpuint(words, <, WP_DRAFT_NOTE_MAX_WORDS);
        g_assert_cmpuint(words, >, 30);
        assert_no_field_left(d->note);
        assert_no_field_left(d->to_source);
        assert_no_field_left(d->subject);
        g_assert_nonnull(strstr(d->note, d->target.first_name));
        g_assert_nonnull(strstr(d->to_source, d->source.first_name));
        drafted++;
    }
    g_assert_cmpuint(drafted, >=, 3);
}

static void test_demo_every_source(void)
{
    g_autoptr(WpModel) model = demo_model();
    g_autoptr(WpScoring) scoring = demo_scoring(model);
    const WpGraph *g = wp_scoring_graph(scoring);
    check_every_source(scoring, demo_person(g, "p00001"), demo_person(g, "p00006"));
}

/* Les Misérables (ids are names, no company or title, ties weighted by scenes together):
 * every source Gavroche has to Marius. */
static void test_shared_every_source(void)
{
    const char *root = g_getenv("WP_SHARED_DATASETS");
    g_autofree char *edges =
        root ? g_build_filename(root, "classic-named", "lesmis_edges.csv", NULL) : NULL;
    g_autofree char *nodes =
        root ? g_build_filename(root, "classic-named", "lesmis_nodes.csv", NULL) : NULL;
    if (edges == NULL || !g_file_test(edges, G_FILE_TEST_IS_REGULAR)) {
        g_test_skip("../shared/datasets is not beside the project");
        return;
    }
    WpLoadSpec spec = {.ties_file = edges,
                       .people_file = nodes,
                       .weight_column = "weight",
                       .weight_scale = WP_WEIGHT_MAX};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = demo_model();
    g_autoptr(WpScoring) scoring = wp_scoring_new(g, model, WP_DAY_NONE, NULL);
    check_every_source(scoring, wp_graph_find_id(g, "Gavroche"), wp_graph_find_id(g, "Marius"));
}

/* ---- e-mail encoding ---- */

/* Decodes RFC 2047 "B" encoded-words and unfolds, as a mail reader does (enough for what the
 * encoder writes: whole headers of encoded-words, or plain text). */
static char *decode_header(const char *value)
{
    GString *out = g_string_new(NULL);
    g_auto(GStrv) lines = g_strsplit(value, "\r\n", -1);
    GString *joined = g_string_new(NULL);
    for (guint i = 0; lines[i] != NULL; i++)
        g_string_append(joined, lines[i]); /* continuation lines start with their space */
    const char *p = joined->str;
    while (*p != '\0') {
        if (g_str_has_prefix(p, "=?UTF-8?B?")) {
            const char *end = strstr(p + 10, "?=");
            g_assert_nonnull(end);
            g_autofree char *b64 = g_strndup(p + 10, (gsize)(end - p - 10));
            gsize len = 0;
            g_autofree guchar *bytes = g_base64_decode(b64, &len);
            g_string_append_len(out, (const char *)bytes, (gssize)len);
            p = end + 2;
            /* white space between two encoded-words is not part of the text */
            const char *q = p;
            while (*q == ' ')
                q++;
            if (g_str_has_prefix(q, "=?UTF-8?B?"))
                p = q;
        } else {
            g_string_append_c(out, *p++);
        }
    }
    g_string_free(joined, TRUE);
    return g_string_free(out, FALSE);
}

static void assert_header_lines(const char *header, const char *value)
{
    g_autofree char *line = g_strdup_printf("%s: %s", header, value);
    g_auto(GStrv) lines = g_strsplit(line, "\r\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
        g_assert_cmpuint(strlen(lines[i]), <=, 78);
        g_assert_true(g_str_is_ascii(lines[i]));
        if (i > 0)
            g_assert_true(lines[i][0] == ' ');
        for (const char *w = strstr(lines[i], "=?"); w != NULL; w = strstr(w + 2, "=?")) {
            const char *end = strstr(w + 10, "?=");
            g_assert_nonnull(end);
            g_assert_cmpuint((gsize)(end + 2 - w), <=, 75);
            w = end;
        }
    }
}

static void test_eml_header_words(void)
{
    const char *const texts[] = {
        "An introduction to Bob Smith at Acme?",
        "Zoë Müller-Łukasik",
        "Eine Vorstellung bei Jürgen Weiß-Großmann von der Überseebank — 日本語のテキストも含めて"
        "ずっと長く続くタイトル",
        "A plain subject that is long enough to need folding at a space somewhere in the middle "
        "of it, twice over for good measure",
    };
    for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
        g_autofree char *v = wp_i_eml_header_text(texts[i], strlen("Subject: "));
        assert_header_lines("Subject", v);
        g_autofree char *back = decode_header(v);
        if (g_str_is_ascii(texts[i])) { /* folding only adds CRLF before a space */
            g_auto(GStrv) parts = g_strsplit(v, "\r\n", -1);
            g_autofree char *joined = g_strjoinv("", parts);
            g_assert_cmpstr(joined, ==, texts[i]);
        } else {
            g_assert_cmpstr(back, ==, texts[i]);
        }
    }
    g_autofree char *m = wp_i_eml_mailbox("Zoë Müller-Łukasik", "zoe@warmpath.example", 6);
    assert_header_lines("From", m);
    g_assert_true(g_str_has_suffix(m, " <zoe@warmpath.example>"));
    g_autofree char *q = wp_i_eml_mailbox("Reyes, Tom \"TR\"", "tom@acme.example", 4);
    g_assert_cmpstr(q, ==, "\"Reyes, Tom \\\"TR\\\"\" <tom@acme.example>");
}

/* Decodes quoted-printable written by the encoder (soft breaks, =XX). */
static char *decode_qp(const char *qp)
{
    GString *out = g_string_new(NULL);
    for (const char *p = qp; *p != '\0';) {
        if (p[0] == '=' && p[1] == '\r' && p[2] == '\n') {
            p += 3;
        } else if (p[0] == '=') {
            char hex[3] = {p[1], p[2], 0};
            g_string_append_c(out, (char)strtol(hex, NULL, 16));
            p += 3;
        } else if (p[0] == '\r' && p[1] == '\n') {
            g_string_append_c(out, '\n');
            p += 2;
        } else {
            g_string_append_c(out, *p++);
        }
    }
    return g_string_free(out, FALSE);
}

static void test_eml_quoted_printable(void)
{
    const char *text = "Grüße an Zoë Müller-Łukasik = gut \n"
                       "https://www.linkedin.com/in/a-very-long-profile-name-that-goes-on-and-on-"
                       "and-on-1234567890abcdef\n"
                       "ÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüß\n";
    g_autofree char *qp = wp_i_eml_quoted_printable(text);
    g_auto(GStrv) lines = g_strsplit(qp, "\r\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
        g_assert_cmpuint(strlen(lines[i]), <=, 76);
        g_assert_true(g_str_is_ascii(lines[i]));
        g_assert_false(g_str_has_suffix(lines[i], " "));
    }
    g_autofree char *back = decode_qp(qp);
    g_assert_cmpstr(back, ==, text);
}

static void test_eml_whole(void)
{
    Fixture f;
    fixture_set_up(&f, brief_ini);
    g_autoptr(WpDraft) a = draft_via(&f, "a");
    g_autoptr(GDateTime) date = g_date_time_new_utc(2026, 11, 2, 9, 30, 0);
    g_autofree char *eml = wp_draft_to_eml(a, date);
    g_assert_true(g_str_has_prefix(eml, "From: =?UTF-8?B?"));
    g_assert_nonnull(strstr(eml, "\r\nTo: Ana Lima <ana@brightline.example>\r\n"));
    g_assert_nonnull(strstr(eml, "\r\nDate: Mon, 02 Nov 2026 09:30:00 +0000\r\n"));
    g_assert_nonnull(strstr(eml, "\r\nX-Unsent: 1\r\n"));
    g_assert_nonnull(strstr(eml, "@warmpath.example>\r\n")); /* the Message-ID's domain */
    g_assert_nonnull(strstr(eml, "\r\nContent-Transfer-Encoding: 8bit\r\n"));
    g_assert_nonnull(strstr(eml, "Zoë")); /* 8bit body keeps the name */
    g_autofree char *again = wp_draft_to_eml(a, date);
    g_assert_cmpstr(eml, ==, again);
    fixture_tear_down(&f);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/draft/template/unknown-field", test_template_unknown_field);
    g_test_add_func("/draft/template/errors-name-line", test_template_errors_name_line);
    g_test_add_func("/draft/template/file-names-file", test_template_file_names_file);
    g_test_add_func("/draft/template/fill-rules", test_template_fill_rules);
    g_test_add_func("/draft/template/default", test_template_default);
    g_test_add_func("/draft/count-words", test_count_words);
    g_test_add_func("/draft/reconnect/cold-never-weak-warm", test_reconnect_rule);
    g_test_add_func("/draft/two-step", test_two_step);
    g_test_add_func("/draft/note/from-brief", test_note_from_brief);
    g_test_add_func("/draft/note/missing-brief", test_missing_brief_named);
    g_test_add_func("/draft/note/fit-whole-words", test_fit_whole_words);
    g_test_add_func("/draft/direct-path-refused", test_direct_path_refused);
    g_test_add_func("/draft/path-contacts", test_path_contacts);
    g_test_add_func("/draft/demo/every-source", test_demo_every_source);
    g_test_add_func("/draft/shared/every-source", test_shared_every_source);
    g_test_add_func("/draft/eml/header-words", test_eml_header_words);
    g_test_add_func("/draft/eml/quoted-printable", test_eml_quoted_printable);
    g_test_add_func("/draft/eml/whole", test_eml_whole);
    return g_test_run();
}
