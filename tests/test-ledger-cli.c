/* SPDX-License-Identifier: MIT */
/* The ledger's commands end to end: ask, update and ledger on a hand-made network whose
 * answers are worked out by hand; export and import round trips; several processes at once;
 * and processes killed at random moments. */
#include "cli-run.h"

#include <json-glib/json-glib.h>

#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

/* tests/data/ledger-net under --model raw (declared strengths only, no intermediary factor):
 * s-a 0.9, s-b 0.5, a-t 0.9, b-t 0.9, s-c 0.9, a-t2 0.5. To Tess Target at Acme (t): through
 * a, 0.9 x 0.9 = 0.81 (the best); through b, 0.5 x 0.9 = 0.45; c has no path. There are two
 * Tess Targets (t at Acme, t2 at Bolt). */
typedef struct {
    char *dir;
} Folder;

static void folder_set_up(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    f->dir = cli_temp_dir();
    static const char *const files[] = {"edges.csv", "people.csv"};
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *from =
            g_test_build_filename(G_TEST_DIST, "data", "ledger-net", files[i], NULL);
        g_autofree char *to = g_build_filename(f->dir, files[i], NULL);
        g_autofree char *text = NULL;
        gsize len = 0;
        g_assert_true(g_file_get_contents(from, &text, &len, NULL));
        g_assert_true(g_file_set_contents(to, text, (gssize)len, NULL));
    }
}

static void folder_tear_down(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    cli_remove_dir(f->dir);
    g_free(f->dir);
}

static char *db_of(const Folder *f)
{
    return g_build_filename(f->dir, "ledger.db", NULL);
}

/* `warmpath COMMAND --data DIR --model raw ARGS...` for ask; `--data DIR` for the others. */
static gboolean run(CliRun *r, const Folder *f, const char *const *args)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    guint i = 0;
    g_ptr_array_add(argv, (gpointer)args[i++]);
    if (strcmp(args[0], "ledger") == 0) /* the subcommand comes first */
        g_ptr_array_add(argv, (gpointer)args[i++]);
    g_ptr_array_add(argv, "--data");
    g_ptr_array_add(argv, f->dir);
    if (strcmp(args[0], "ask") == 0) {
        g_ptr_array_add(argv, "--model");
        g_ptr_array_add(argv, "raw");
    }
    for (; args[i] != NULL; i++)
        g_ptr_array_add(argv, (gpointer)args[i]);
    g_ptr_array_add(argv, NULL);
    return cli_run_argv(r, (const char *const *)argv->pdata);
}

static JsonObject *parse_object(const char *text, JsonParser **keep)
{
    *keep = json_parser_new();
    g_autoptr(GError) error = NULL;
    g_assert_true(json_parser_load_from_data(*keep, text, -1, &error));
    g_assert_no_error(error);
    return json_node_get_object(json_parser_get_root(*keep));
}

static void test_ask_best_path(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    g_autofree char *db = db_of(f);
    const char *list[] = {"ledger", "list", NULL};
    if (!run(&r, f, list))
        return;
    g_assert_cmpint(r.status, ==, 1); /* no ledger yet */
    g_assert_nonnull(strstr(r.err, "no ledger yet"));
    g_assert_false(g_file_test(db, G_FILE_TEST_EXISTS)); /* reading never creates it */
    cli_run_clear(&r);

    const char *ask[] = {"ask",          "--from",   "Sam Seller", "--to",       "Tess Target",
                         "--at",         "Acme",     "--on",       "2026-11-02", "--note",
                         "coffee first", "--format", "json",       NULL};
    run(&r, f, ask);
    g_assert_cmpint(r.status, ==, 0);
    g_assert_true(g_file_test(db, G_FILE_TEST_EXISTS));
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *o = parse_object(r.out, &parser);
    g_assert_cmpint(json_object_get_int_member(o, "id"), ==, 1);
    g_assert_cmpstr(json_object_get_string_member(o, "state"), ==, "asked");
    g_assert_cmpstr(json_object_get_string_member(o, "seller"), ==, "s");
    g_assert_cmpstr(json_object_get_string_member(o, "source"), ==, "a");
    g_assert_cmpstr(json_object_get_string_member(o, "target"), ==, "t");
    g_assert_cmpfloat_with_epsilon(json_object_get_double_member(o, "probability"), 0.81, 1e-12);
    g_assert_true(json_object_get_boolean_member(o, "source_from_best_path"));
    g_assert_nonnull(strstr(json_object_get_string_member(o, "choice"), "Ann Able"));
    JsonArray *path = json_object_get_array_member(o, "path");
    g_assert_cmpuint(json_array_get_length(path), ==, 3);
    g_assert_cmpstr(json_array_get_string_element(path, 1), ==, "a");
}

static void test_ask_via(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    const char *via_b[] = {"ask",   "--from",   "s",        "--to", "t",
                           "--via", "Ben Best", "--format", "json", NULL};
    if (!run(&r, f, via_b))
        return;
    g_assert_cmpint(r.status, ==, 0);
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *o = parse_object(r.out, &parser);
    g_assert_cmpstr(json_object_get_string_member(o, "source"), ==, "b");
    g_assert_cmpfloat_with_epsilon(json_object_get_double_member(o, "probability"), 0.45, 1e-12);
    g_assert_false(json_object_get_boolean_member(o, "source_from_best_path"));
    cli_run_clear(&r);
    /* c knows s but has no path to t: recorded without a prediction, and said so. */
    const char *via_c[] = {"ask",   "--from", "s",        "--to", "t",
                           "--via", "c",      "--format", "json", NULL};
    run(&r, f, via_c);
    g_assert_cmpint(r.status, ==, 0);
    g_autoptr(JsonParser) p2 = NULL;
    JsonObject *o2 = parse_object(r.out, &p2);
    g_assert_true(json_object_get_null_member(o2, "probability"));
    g_assert_true(json_object_get_null_member(o2, "path"));
    JsonArray *warnings = json_object_get_array_member(o2, "warnings");
    g_assert_cmpuint(json_array_get_length(warnings), >=, 1);
    JsonObject *w = json_array_get_object_element(warnings, 0);
    g_assert_cmpstr(json_object_get_string_member(w, "kind"), ==, "no-path");
    g_assert_nonnull(strstr(r.err, "warning: the network has no path"));
}

static void test_ask_selection(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    const char *ambiguous[] = {"ask", "--from", "s", "--to", "Tess Target", NULL};
    if (!run(&r, f, ambiguous))
        return;
    g_assert_cmpint(r.status, ==, 4);
    g_assert_nonnull(strstr(r.err, "Bolt")); /* the candidates are listed */
    cli_run_clear(&r);
    const char *unknown[] = {"ask", "--from", "s", "--to", "Zed Nobody", NULL};
    run(&r, f, unknown);
    g_assert_cmpint(r.status, ==, 4);
    cli_run_clear(&r);
    const char *direct[] = {"ask", "--from", "s", "--to", "c", NULL};
    run(&r, f, direct);
    g_assert_cmpint(r.status, ==, 2);
    g_assert_nonnull(strstr(r.err, "just ask"));
    cli_run_clear(&r);
    const char *no_from[] = {"ask", "--to", "t", NULL};
    run(&r, f, no_from);
    g_assert_cmpint(r.status, ==, 2);
    g_autofree char *db = db_of(f);
    g_assert_false(g_file_test(db, G_FILE_TEST_EXISTS)); /* nothing was recorded */
}

/* The third open ask of a source (ask_cap 2) warns; a profile in the folder changes the cap. */
static void test_ask_cap(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    const char *ask[] = {"ask", "--from", "s", "--to", "t", "--on", "2026-01-01", NULL};
    if (!run(&r, f, ask))
        return;
    g_assert_cmpint(r.status, ==, 0);
    g_assert_null(strstr(r.err, "warning"));
    cli_run_clear(&r);
    const char *later[] = {"ask", "--from", "s", "--to", "t2", "--on", "2026-03-01", NULL};
    run(&r, f, later); /* the best path to t2 is through a too */
    g_assert_cmpint(r.status, ==, 0);
    g_assert_null(strstr(r.err, "warning")); /* one open ask, last asked 59 days ago */
    cli_run_clear(&r);
    const char *third[] = {"ask", "--from", "s", "--to", "t", "--on", "2026-03-10", NULL};
    run(&r, f, third);
    g_assert_cmpint(r.status, ==, 0);
    g_assert_nonnull(strstr(r.err, "Ann Able already has 2 open asks (#1, #2)"));
    g_assert_nonnull(strstr(r.err, "last asked 9 days ago (#2, 2026-03-01)"));
    cli_run_clear(&r);
    g_autofree char *profile = g_build_filename(f->dir, "profile.ini", NULL);
    g_assert_true(g_file_set_contents(
        profile, "[model]\nbase=raw\n\n[ledger]\nask_cap=5\nrecent_ask_days=0\n", -1, NULL));
    /* No --model: the folder's profile.ini is the one in force. */
    const char *fourth[] = {"ask", "--data", f->dir,       "--from",   "s",    "--to",
                            "t",   "--on",   "2026-03-11", "--format", "json", NULL};
    cli_run_argv(&r, fourth);
    g_assert_cmpint(r.status, ==, 0);
    g_assert_null(strstr(r.err, "warning"));                   /* 3 open < 5, recency off */
    g_assert_nonnull(strstr(r.out, "\"probability\" : 0.81")); /* base=raw: 0.9 x 0.9 */
    cli_run_clear(&r);
    const char *shown[] = {"profile", NULL};
    run(&r, f, shown);
    g_assert_nonnull(strstr(r.out, "ask_cap=5\n"));
}

static void test_update_rules(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    const char *ask[] = {"ask", "--from", "s", "--to", "t", "--on", "2026-01-01", NULL};
    if (!run(&r, f, ask))
        return;
    cli_run_clear(&r);
    const char *agreed[] = {"update",     "1",        "agreed", "--on",
                            "2026-01-02", "--format", "json",   NULL};
    run(&r, f, agreed);
    g_assert_cmpint(r.status, ==, 0);
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *o = parse_object(r.out, &parser);
    g_assert_cmpint(json_object_get_int_member(o, "id"), ==, 1);
    g_assert_cmpstr(json_object_get_string_member(o, "state"), ==, "agreed");
    cli_run_clear(&r);
    const char *back[] = {"update", "1", "asked", NULL};
    run(&r, f, back);
    g_assert_cmpint(r.status, ==, 2);
    g_assert_nonnull(strstr(r.err, "next: no-answer, introduced, meeting"));
    cli_run_clear(&r);
    const char *early[] = {"update", "1", "meeting", "--on", "2025-12-31", NULL};
    run(&r, f, early);
    g_assert_cmpint(r.status, ==, 2);
    cli_run_clear(&r);
    const char *bad_state[] = {"update", "1", "Won", NULL};
    run(&r, f, bad_state);
    g_assert_cmpint(r.status, ==, 2);
    g_assert_nonnull(strstr(r.err, "states: asked, agreed"));
    cli_run_clear(&r);
    const char *bad_amount[] = {"update", "1", "won", "--amount", "12,5", NULL};
    run(&r, f, bad_amount);
    g_assert_cmpint(r.status, ==, 2);
    cli_run_clear(&r);
    const char *unknown[] = {"update", "7", "won", NULL};
    run(&r, f, unknown);
    g_assert_cmpint(r.status, ==, 2);
    g_assert_nonnull(strstr(r.err, "no ask 7"));
    cli_run_clear(&r);
    const char *won[] = {"update", "1", "won", "--on", "2026-02-01", "--amount", "12500.5", NULL};
    run(&r, f, won);
    g_assert_cmpint(r.status, ==, 0);
    cli_run_clear(&r);
    const char *final[] = {"update", "1", "lost", "--on", "2026-02-02", NULL};
    run(&r, f, final);
    g_assert_cmpint(r.status, ==, 2);
    g_assert_nonnull(strstr(r.err, "none: 'won' is final"));
}

static void test_given(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    const char *given[] = {"ask",  "--given", "--from",   "s",    "--for", "b",
                           "--to", "c",       "--format", "json", NULL};
    if (!run(&r, f, given))
        return;
    g_assert_cmpint(r.status, ==, 0);
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *o = parse_object(r.out, &parser);
    g_assert_cmpstr(json_object_get_string_member(o, "kind"), ==, "given");
    g_assert_cmpstr(json_object_get_string_member(o, "state"), ==, "introduced");
    g_assert_cmpstr(json_object_get_string_member(o, "source"), ==, "b");
    cli_run_clear(&r);
    const char *no_for[] = {"ask", "--given", "--from", "s", "--to", "c", NULL};
    run(&r, f, no_for);
    g_assert_cmpint(r.status, ==, 2);
}

/* connect's "who owes you": absent, and no ledger.db created, while the folder has no ledger
 * (connect only reads); after `ask --given` the JSON lists the person introduced (b, not c),
 * the table has the section, and --owed --format csv one header and one row. */
static void test_connect_owed(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    g_autofree char *db = db_of(f);
    const char *json[] = {"connect",    "--from",   "s",    "--as-of",
                          "2026-03-01", "--format", "json", NULL};
    if (!run(&r, f, json))
        return;
    g_assert_cmpint(r.status, ==, 0);
    g_autoptr(JsonParser) p1 = NULL;
    g_assert_false(json_object_has_member(parse_object(r.out, &p1), "owed"));
    g_assert_false(g_file_test(db, G_FILE_TEST_EXISTS));
    cli_run_clear(&r);
    const char *table[] = {"connect", "--from", "s", "--as-of", "2026-03-01", NULL};
    run(&r, f, table);
    g_assert_cmpint(r.status, ==, 0);
    g_assert_null(strstr(r.out, "Who owes you"));
    g_assert_false(g_file_test(db, G_FILE_TEST_EXISTS));
    cli_run_clear(&r);

    const char *given[] = {"ask",  "--given", "--from", "s",          "--for", "b",
                           "--to", "c",       "--on",   "2026-01-10", NULL};
    run(&r, f, given);
    g_assert_cmpint(r.status, ==, 0);
    cli_run_clear(&r);
    run(&r, f, json);
    g_assert_cmpint(r.status, ==, 0);
    g_autoptr(JsonParser) p2 = NULL;
    JsonObject *o = parse_object(r.out, &p2);
    g_assert_cmpint(json_object_get_int_member(o, "introductions_given"), ==, 1);
    JsonArray *owed = json_object_get_array_member(o, "owed");
    g_assert_cmpuint(json_array_get_length(owed), ==, 1);
    JsonObject *b = json_array_get_object_element(owed, 0);
    g_assert_cmpstr(json_object_get_string_member(b, "id"), ==, "b");
    g_assert_cmpint(json_object_get_int_member(b, "days_since_given"), ==, 50);
    cli_run_clear(&r);
    run(&r, f, table);
    g_assert_nonnull(strstr(r.out,
                            "\nWho owes you: 1 person you introduced to someone has not "
                            "returned the favour yet (1 introduction given, 0 returned).\n"));
    cli_run_clear(&r);
    const char *csv[] = {"connect", "--from",   "s",   "--as-of", "2026-03-01",
                         "--owed",  "--format", "csv", NULL};
    run(&r, f, csv);
    g_assert_cmpint(r.status, ==, 0);
    g_auto(GStrv) lines = g_strsplit(r.out, "\n", -1);
    g_assert_cmpuint(g_strv_length(lines), ==, 3); /* header, b, and the empty tail */
    g_assert_true(g_str_has_prefix(lines[0], "person_id,person_name,"));
    g_assert_true(g_str_has_prefix(lines[1], "b,"));
}

/* Export, import into an empty ledger, export again: the same bytes. Notes that look like
 * formulas, commas, quotes and line breaks included. */
static void test_round_trip(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    const char *a1[] = {"ask",        "--from", "s",
                        "--to",       "t",      "--on",
                        "2026-01-01", "--note", "=SUM(A1), \"quoted\"\nnext line",
                        NULL};
    if (!run(&r, f, a1))
        return;
    g_assert_cmpint(r.status, ==, 0);
    const char *a2[] = {"ask",   "--from", "s",    "--to",       "t",
                        "--via", "b",      "--on", "2026-01-02", NULL};
    const char *a3[] = {"ask",  "--given", "--from", "s",          "--for", "a",
                        "--to", "c",       "--on",   "2026-01-03", NULL};
    const char *u1[] = {"update", "1", "meeting", "--on", "2026-01-09", "--note", "-5 %", NULL};
    const char *u2[] = {"update", "1", "won", "--on", "2026-03-09", "--amount", "0.1", NULL};
    const char *u3[] = {"update", "2", "declined", "--on", "2026-01-05", "--by", "Jö", NULL};
    const char *const *steps[] = {a2, a3, u1, u2, u3};
    for (guint i = 0; i < G_N_ELEMENTS(steps); i++) {
        cli_run_clear(&r);
        run(&r, f, steps[i]);
        g_assert_cmpint(r.status, ==, 0);
    }
    cli_run_clear(&r);
    const char *export[] = {"ledger", "export", NULL};
    run(&r, f, export);
    g_assert_cmpint(r.status, ==, 0);
    g_autofree char *first = g_steal_pointer(&r.out);
    g_assert_nonnull(strstr(first, "'=SUM(A1)")); /* neutralised for spreadsheets */
    g_assert_nonnull(strstr(first, ",0.1,"));
    g_autofree char *csv = g_build_filename(f->dir, "history.csv", NULL);
    g_assert_true(g_file_set_contents(csv, first, -1, NULL));

    g_autofree char *other = cli_temp_dir();
    g_autofree char *other_db = g_build_filename(other, "ledger.db", NULL);
    cli_run_clear(&r);
    const char *import[] = {"ledger", "import", "--ledger", other_db, csv, NULL};
    cli_run_argv(&r, import);
    g_assert_cmpint(r.status, ==, 0);
    g_assert_nonnull(strstr(r.out, "Imported 3 asks with 7 events"));
    cli_run_clear(&r);
    const char *again[] = {"ledger", "export", "--ledger", other_db, NULL};
    cli_run_argv(&r, again);
    g_assert_cmpint(r.status, ==, 0);
    g_assert_cmpstr(r.out, ==, first);
    cli_run_clear(&r);
    const char *json[] = {"ledger", "export", "--ledger", other_db, "--format", "json", NULL};
    cli_run_argv(&r, json);
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *o = parse_object(r.out, &parser);
    JsonArray *asks = json_object_get_array_member(o, "asks");
    g_assert_cmpuint(json_array_get_length(asks), ==, 3);
    /* The JSON export imports into an empty ledger as well, to the same history. */
    g_autofree char *json_file = g_build_filename(f->dir, "history.json", NULL);
    g_assert_true(g_file_set_contents(json_file, r.out, -1, NULL));
    g_autofree char *third_db = g_build_filename(other, "third.db", NULL);
    g_auto(CliRun) j = {0};
    const char *import_json[] = {"ledger", "import", "--ledger", third_db, json_file, NULL};
    cli_run_argv(&j, import_json);
    g_assert_cmpint(j.status, ==, 0);
    cli_run_clear(&j);
    const char *third[] = {"ledger", "export", "--ledger", third_db, NULL};
    cli_run_argv(&j, third);
    g_assert_cmpstr(j.out, ==, first);
    JsonObject *one = json_array_get_object_element(asks, 0);
    g_assert_cmpstr(json_object_get_string_member(one, "state"), ==, "won");
    JsonArray *events = json_object_get_array_member(one, "events");
    g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(events, 0), "note"),
                    ==, "=SUM(A1), \"quoted\"\nnext line");
    cli_remove_dir(other);
}

/* The number of events in @db, read with SQLite directly. */
static gint64 count_rows(const char *db, const char *sql)
{
    sqlite3 *h = NULL;
    g_assert_cmpint(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    sqlite3_stmt *st = NULL;
    g_assert_cmpint(sqlite3_prepare_v2(h, sql, -1, &st, NULL), ==, SQLITE_OK);
    g_assert_cmpint(sqlite3_step(st), ==, SQLITE_ROW);
    gint64 n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
}

typedef struct {
    const char *name;
    const char *rows;  /* after the header */
    const char *where; /* "FILE:LINE: column" expected in the message */
} BadImport;

static const char import_header[] =
    "ask_id,kind,seller_id,source_id,target_id,path,probability,state,day,amount,note\n";

static const BadImport bad_imports[] = {
    {"state", "x,request,s,a,t,,,asked,2026-01-01,,\nx,request,s,a,t,,,agred,2026-01-02,,\n",
     ":3: state: 'agred' is not a state"},
    {"day", "x,request,s,a,t,,,asked,2026-02-30,,\n", ":2: day: '2026-02-30'"},
    {"amount", "x,request,s,a,t,,,asked,2026-01-01,,\nx,request,s,a,t,,,won,2026-01-02,\"1,5\",\n",
     ":3: amount: '1,5'"},
    {"probability", "x,request,s,a,t,,1.5,asked,2026-01-01,,\n", ":2: probability: '1.5'"},
    {"transition",
     "x,request,s,a,t,,,asked,2026-01-01,,\nx,request,s,a,t,,,won,2026-01-02,,\n"
     "x,request,s,a,t,,,agreed,2026-01-03,,\n",
     ":4: state: ask 2 is 'won'"},
    {"back-in-time",
     "x,request,s,a,t,,,asked,2026-01-05,,\nx,request,s,a,t,,,agreed,2026-01-04,,\n",
     ":3: state: ask 2: 2026-01-04 is before"},
    {"first-not-asked", "x,request,s,a,t,,,agreed,2026-01-01,,\n",
     ":2: state: the first row of ask 'x' must be 'asked'"},
    {"ask-columns-differ",
     "x,request,s,a,t,,,asked,2026-01-01,,\nx,request,s,b,t,,,agreed,2026-01-02,,\n",
     ":3: source_id: differs from line 2"},
    {"path", "x,request,s,a,t,s > t > a,,asked,2026-01-01,,\n", ":2: path: "},
    {"kind", "x,favour,s,a,t,,,asked,2026-01-01,,\n", ":2: kind: "},
    {"missing-id", "x,request,,a,t,,,asked,2026-01-01,,\n", ":2: seller_id: empty"},
};

/* A malformed row anywhere: exit 3, FILE:LINE: column, and not one row of the file imported
 * (the good rows before it included). */
static void test_import_bad(Folder *f, gconstpointer data)
{
    const BadImport *bad = data;
    g_auto(CliRun) r = {0};
    const char *ask[] = {"ask", "--from", "s", "--to", "t", "--on", "2026-01-01", NULL};
    if (!run(&r, f, ask))
        return;
    g_assert_cmpint(r.status, ==, 0);
    g_autofree char *db = db_of(f);
    g_autofree char *file = g_build_filename(f->dir, "in.csv", NULL);
    g_autofree char *text = g_strconcat(import_header, bad->rows, NULL);
    g_assert_true(g_file_set_contents(file, text, -1, NULL));
    cli_run_clear(&r);
    const char *import[] = {"ledger", "import", file, NULL};
    run(&r, f, import);
    g_assert_cmpint(r.status, ==, 3);
    g_autofree char *where = g_strconcat("in.csv", bad->where, NULL);
    if (strstr(r.err, where) == NULL)
        g_error("expected '%s' in: %s", where, r.err);
    g_assert_cmpint(count_rows(db, "SELECT count(*) FROM asks"), ==, 1);
    g_assert_cmpint(count_rows(db, "SELECT count(*) FROM events"), ==, 1);
}

/* A JSON import with a bad event names where it is, exits 3 and imports nothing. */
static void test_import_bad_json(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *file = g_build_filename(f->dir, "in.json", NULL);
    const char json[] =
        "{\"asks\": [{\"id\": 1, \"seller\": \"s\", \"source\": \"a\", \"target\": \"t\","
        " \"events\": [{\"state\": \"asked\", \"day\": \"2026-01-01\"},"
        " {\"state\": \"won\", \"day\": \"2026-01-02\", \"amount\": -3}]}]}";
    g_assert_true(g_file_set_contents(file, json, -1, NULL));
    g_auto(CliRun) r = {0};
    const char *import[] = {"ledger", "import", file, NULL};
    if (!run(&r, f, import))
        return;
    g_assert_cmpint(r.status, ==, 3);
    g_assert_nonnull(strstr(r.err, "in.json: asks[0].events[1]: amount: '-3'"));
    g_autofree char *db = db_of(f);
    g_assert_cmpint(count_rows(db, "SELECT count(*) FROM events"), ==, 0);
}

/* ---- Several processes ---- */

typedef struct {
    GPid pid;
    int out_fd;
    int status;
    char *out;
} Child;

static gboolean spawn(const char *const *argv, Child *c)
{
    g_autofree char *bin = g_test_build_filename(G_TEST_BUILT, "..", "warmpath", NULL);
    if (!g_file_test(bin, G_FILE_TEST_IS_EXECUTABLE)) {
        g_test_skip("no warmpath binary beside the tests");
        return FALSE;
    }
    g_autoptr(GPtrArray) args = g_ptr_array_new();
    g_ptr_array_add(args, bin);
    for (guint i = 0; argv[i] != NULL; i++)
        g_ptr_array_add(args, (gpointer)argv[i]);
    g_ptr_array_add(args, NULL);
    g_auto(GStrv) env = g_environ_setenv(g_get_environ(), "WARMPATH_CACHE_DIR", "off", TRUE);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_spawn_async_with_pipes(NULL, (char **)args->pdata, env,
                                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                           NULL, NULL, &c->pid, NULL, &c->out_fd, NULL, &error));
    g_assert_no_error(error);
    return TRUE;
}

/* Reads the child's output to its end and reaps it; status -1 when it was killed. */
static void finish(Child *c)
{
    g_autoptr(GIOChannel) ch = g_io_channel_unix_new(c->out_fd);
    g_io_channel_set_close_on_unref(ch, TRUE);
    g_io_channel_set_encoding(ch, NULL, NULL);
    gsize len = 0;
    g_io_channel_read_to_end(ch, &c->out, &len, NULL);
    int wstatus = 0;
    g_assert_cmpint(waitpid(c->pid, &wstatus, 0), ==, c->pid);
    g_spawn_close_pid(c->pid);
    c->status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
}

#define N_WRITERS 8

/* Eight processes record a new ask each, and eight race to decline ask 1: every ask is
 * recorded, and exactly one decline wins (the others are refused: 'declined' is final). */
static void test_processes(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    const char *first[] = {"ask", "--from", "s", "--to", "t", "--on", "2026-01-01", NULL};
    if (!run(&r, f, first))
        return;
    g_assert_cmpint(r.status, ==, 0);
    Child asks[N_WRITERS] = {0}, declines[N_WRITERS] = {0};
    const char *ask[] = {"ask", "--data", f->dir, "--model", "raw",        "--from",
                         "s",   "--to",   "t",    "--on",    "2026-01-02", NULL};
    const char *decline[] = {"update",   "--data", f->dir,       "1",
                             "declined", "--on",   "2026-01-03", NULL};
    for (guint i = 0; i < N_WRITERS; i++) {
        if (!spawn(ask, &asks[i]) || !spawn(decline, &declines[i]))
            return;
    }
    guint declined = 0;
    for (guint i = 0; i < N_WRITERS; i++) {
        finish(&asks[i]);
        finish(&declines[i]);
        g_assert_cmpint(asks[i].status, ==, 0);
        g_assert_true(declines[i].status == 0 || declines[i].status == 2);
        declined += declines[i].status == 0;
        g_free(asks[i].out);
        g_free(declines[i].out);
    }
    g_assert_cmpuint(declined, ==, 1);
    g_autofree char *db = db_of(f);
    g_assert_cmpint(count_rows(db, "SELECT count(*) FROM asks"), ==, 1 + N_WRITERS);
    g_assert_cmpint(count_rows(db, "SELECT count(*) FROM events"), ==, 1 + N_WRITERS + 1);
}

/* Eight processes record the first asks of a folder that has no ledger yet, so they race to
 * create it, five times over on a fresh ledger: every process succeeds and every ask is there
 * once, under the id it reported. */
static void test_processes_create(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *db = db_of(f);
    const char *ask[] = {"ask", "--data", f->dir, "--model", "raw",        "--from",
                         "s",   "--to",   "t",    "--on",    "2026-01-02", NULL};
    for (guint round = 0; round < 5; round++) {
        static const char *const suffixes[] = {"", "-wal", "-shm"};
        for (guint i = 0; i < G_N_ELEMENTS(suffixes); i++) {
            g_autofree char *file = g_strconcat(db, suffixes[i], NULL);
            g_remove(file);
        }
        Child c[N_WRITERS] = {0};
        for (guint i = 0; i < N_WRITERS; i++)
            if (!spawn(ask, &c[i]))
                return;
        gboolean seen[N_WRITERS + 1] = {FALSE};
        for (guint i = 0; i < N_WRITERS; i++) {
            finish(&c[i]);
            g_assert_cmpint(c[i].status, ==, 0);
            const char *said = strstr(c[i].out, "Recorded as ask ");
            g_assert_nonnull(said);
            gint64 id = g_ascii_strtoll(said + strlen("Recorded as ask "), NULL, 10);
            g_assert_cmpint(id, >=, 1);
            g_assert_cmpint(id, <=, N_WRITERS);
            g_assert_false(seen[id]);
            seen[id] = TRUE;
            g_free(c[i].out);
        }
        g_assert_cmpint(count_rows(db, "SELECT count(*) FROM asks"), ==, N_WRITERS);
    }
}

/* Processes recording asks are killed (SIGKILL) at random moments, many times over. After each
 * round the database passes PRAGMA integrity_check, and every ask a process reported as
 * recorded ("Recorded as ask N") is there. */
static void test_kill(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_auto(CliRun) r = {0};
    const char *first[] = {"ask", "--from", "s", "--to", "t", "--on", "2026-01-01", NULL};
    gint64 started = g_get_monotonic_time();
    if (!run(&r, f, first))
        return;
    gint64 one = g_get_monotonic_time() - started; /* how long one ask takes on this machine */
    g_autofree char *db = db_of(f);
    g_autoptr(GArray) reported = g_array_new(FALSE, FALSE, sizeof(gint64));
    guint killed = 0;
    const char *ask[] = {"ask",  "--data", f->dir,  "--model", "raw",  "--from",     "s",
                         "--to", "t",      "--via", "b",       "--on", "2026-01-02", NULL};
    for (guint round = 0; round < 25; round++) {
        Child c[3] = {0};
        for (guint i = 0; i < G_N_ELEMENTS(c); i++)
            spawn(ask, &c[i]);
        /* One ask takes about 0.2 s (more under a sanitizer), mostly syncing to disk, and the
         * three queue for the write lock: killing anywhere in 0-3x that hits every stage, the
         * commit included. */
        g_usleep((gulong)g_test_rand_int_range(0, (gint32)MIN(3 * one, 5 * G_USEC_PER_SEC)));
        for (guint i = 0; i < G_N_ELEMENTS(c); i++)
            kill(c[i].pid, SIGKILL); /* maybe already exited: then nothing happens */
        for (guint i = 0; i < G_N_ELEMENTS(c); i++) {
            finish(&c[i]);
            const char *said = c[i].out ? strstr(c[i].out, "Recorded as ask ") : NULL;
            if (c[i].status == 0 && said != NULL) {
                gint64 id = g_ascii_strtoll(said + strlen("Recorded as ask "), NULL, 10);
                g_array_append_val(reported, id);
            } else {
                killed++;
            }
            g_free(c[i].out);
        }
        sqlite3 *h = NULL;
        g_assert_cmpint(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
        sqlite3_stmt *st = NULL;
        g_assert_cmpint(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL), ==,
                        SQLITE_OK);
        g_assert_cmpint(sqlite3_step(st), ==, SQLITE_ROW);
        g_assert_cmpstr((const char *)sqlite3_column_text(st, 0), ==, "ok");
        sqlite3_finalize(st);
        sqlite3_close(h);
    }
    g_test_message("%u recorded and reported, %u killed before reporting", reported->len, killed);
    for (guint i = 0; i < reported->len; i++) {
        g_autofree char *sql = g_strdup_printf(
            "SELECT count(*) FROM asks JOIN events ON events.ask = asks.id WHERE asks.id = "
            "%" G_GINT64_FORMAT " AND source_id = 'b' AND state = 'asked'",
            g_array_index(reported, gint64, i));
        g_assert_cmpint(count_rows(db, sql), ==, 1);
    }
    /* The ledger still works: every ask has its first event. */
    g_assert_cmpint(count_rows(db, "SELECT count(*) FROM asks WHERE id NOT IN (SELECT ask FROM "
                                   "events)"),
                    ==, 0);
}

/* The first path's probability of `path --format json` for Tess Target at Acme (raw model). */
static double best_probability(const Folder *f, gboolean no_learn)
{
    g_auto(CliRun) r = {0};
    const char *args[] = {"path",       "--model",  "raw",         "--from",
                          "Sam Seller", "--to",     "Tess Target", "--at",
                          "Acme",       "--format", "json",        no_learn ? "--no-learn" : NULL,
                          NULL};
    if (!run(&r, f, args))
        return -1;
    g_assert_cmpint(r.status, ==, 0);
    g_autoptr(JsonParser) parser = NULL;
    JsonObject *o = parse_object(r.out, &parser);
    JsonArray *paths = json_object_get_array_member(o, "paths");
    JsonObject *best = json_array_get_object_element(paths, 0);
    return json_object_get_double_member(best, "probability");
}

/* A declined ask is a failure of the seller's tie to the source: with the profile's prior
 * weight 4, s-a's 0.9 becomes (4 x 0.9 + 0) / (4 + 1) = 0.72, so the best path to Tess
 * Target falls from 0.9 x 0.9 = 0.81 to 0.72 x 0.9 = 0.648 (still above b's 0.45), and
 * --no-learn gives back the profile's figure. */
static void test_path_learns(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    if (best_probability(f, FALSE) < 0)
        return;
    g_assert_cmpfloat_with_epsilon(best_probability(f, FALSE), 0.81, 1e-12); /* no ledger */
    g_auto(CliRun) r = {0};
    const char *ask[] = {"ask",  "--from", "Sam Seller", "--to",       "Tess Target",
                         "--at", "Acme",   "--on",       "2026-11-02", NULL};
    run(&r, f, ask);
    g_assert_cmpint(r.status, ==, 0);
    cli_run_clear(&r);
    const char *update[] = {"update", "1", "declined", "--on", "2026-11-03", NULL};
    run(&r, f, update);
    g_assert_cmpint(r.status, ==, 0);
    g_assert_cmpfloat_with_epsilon(best_probability(f, FALSE), 0.72 * 0.9, 1e-9);
    g_assert_cmpfloat_with_epsilon(best_probability(f, TRUE), 0.81, 1e-12);
}

#define ADD(path, func) g_test_add(path, Folder, NULL, folder_set_up, func, folder_tear_down)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    ADD("/ledger-cli/ask/best-path", test_ask_best_path);
    ADD("/ledger-cli/ask/via", test_ask_via);
    ADD("/ledger-cli/ask/selection", test_ask_selection);
    ADD("/ledger-cli/ask/cap", test_ask_cap);
    ADD("/ledger-cli/ask/given", test_given);
    ADD("/ledger-cli/update/rules", test_update_rules);
    ADD("/ledger-cli/learn/path", test_path_learns);
    ADD("/ledger-cli/connect/owed", test_connect_owed);
    ADD("/ledger-cli/exchange/round-trip", test_round_trip);
    for (guint i = 0; i < G_N_ELEMENTS(bad_imports); i++) {
        g_autofree char *path = g_strdup_printf("/ledger-cli/exchange/bad/%s", bad_imports[i].name);
        g_test_add(path, Folder, &bad_imports[i], folder_set_up, test_import_bad, folder_tear_down);
    }
    ADD("/ledger-cli/exchange/bad-json", test_import_bad_json);
    ADD("/ledger-cli/faults/processes", test_processes);
    ADD("/ledger-cli/faults/processes-create", test_processes_create);
    ADD("/ledger-cli/faults/kill", test_kill);
    return g_test_run();
}
