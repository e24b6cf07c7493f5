/* SPDX-License-Identifier: MIT */
/* Drafts and the ledger end to end: the draft's header names a source over the ask cap or one
 * who declined recently (history made with `ask` and `update`, worked out by hand), `draft
 * --record` records exactly the ask `ask` records in a copy of the folder, with the message the
 * draft printed; a draft that only reads never creates a ledger; a failed --record records
 * nothing. */
#include "cli-run.h"

#include <json-glib/json-glib.h>

#include <string.h>

/* tests/data/ledger-net plus a source with no history, Dee Dune (d: s-d 0.8, d-t 0.6). Under
 * --model raw the sources to Tess Target at Acme (t) are a (0.9 x 0.9 = 0.81), d (0.48) and b
 * (0.5 x 0.9 = 0.45); c knows s but not t. */
static const char extra_edges[] = "s,d,0.8,friend\nd,t,0.6,colleague\n";
static const char extra_people[] = "d,Dee Dune,Delta,COO\n";

typedef struct {
    char *dir;
} Folder;

static void copy_file(const char *from, const char *to, const char *append)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(from, &text, &len, NULL));
    GString *all = g_string_new_len(text, (gssize)len); /* a database: bytes, NULs too */
    g_string_append(all, append ? append : "");
    g_assert_true(g_file_set_contents(to, all->str, (gssize)all->len, NULL));
    g_string_free(all, TRUE);
}

static void folder_set_up(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    f->dir = cli_temp_dir();
    const char *files[] = {"edges.csv", "people.csv"};
    const char *extra[] = {extra_edges, extra_people};
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *from =
            g_test_build_filename(G_TEST_DIST, "data", "ledger-net", files[i], NULL);
        g_autofree char *to = g_build_filename(f->dir, files[i], NULL);
        copy_file(from, to, extra[i]);
    }
}

static void folder_tear_down(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    cli_remove_dir(f->dir);
    g_free(f->dir);
}

/* `warmpath COMMAND --data DIR [--model raw] ARGS...`: the model for the commands that score. */
static void run_in(CliRun *r, const char *dir, const char *const *args)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    guint i = 0;
    g_ptr_array_add(argv, (gpointer)args[i++]);
    if (strcmp(args[0], "ledger") == 0)
        g_ptr_array_add(argv, (gpointer)args[i++]);
    g_ptr_array_add(argv, "--data");
    g_ptr_array_add(argv, (gpointer)dir);
    if (strcmp(args[0], "ledger") != 0 && strcmp(args[0], "update") != 0) {
        g_ptr_array_add(argv, "--model");
        g_ptr_array_add(argv, "raw");
    }
    for (; args[i] != NULL; i++)
        g_ptr_array_add(argv, (gpointer)args[i]);
    g_ptr_array_add(argv, NULL);
    cli_run_clear(r);
    if (!cli_run_argv(r, (const char *const *)argv->pdata))
        g_assert_not_reached(); /* the binary is built with the tests */
}

static void ok_in(CliRun *r, const char *dir, const char *const *args)
{
    run_in(r, dir, args);
    if (r->status != 0)
        g_printerr("%s", r->err);
    g_assert_cmpint(r->status, ==, 0);
}

static JsonNode *parse(const char *text)
{
    g_autoptr(JsonParser) parser = json_parser_new();
    g_autoptr(GError) error = NULL;
    g_assert_true(json_parser_load_from_data(parser, text, -1, &error));
    g_assert_no_error(error);
    return json_node_copy(json_parser_get_root(parser));
}

/* The history, by hand: #1 s asks a about t (2026-02-01), #2 s asks a about t2 (2026-02-02):
 * a has 2 open asks, the cap, and was last asked 18 days before 2026-02-20. #3 s asks b about t on
 * 2026-01-01 (50 days before 2026-02-20, outside the 30 recent days) and b declines on 2026-02-10,
 * 10 days before. d has none. */
static void make_history(const char *dir)
{
    g_auto(CliRun) r = {0};
    const char *one[] = {"ask", "--from", "s", "--to", "t", "--on", "2026-02-01", NULL};
    const char *two[] = {"ask", "--from", "s", "--to", "t2", "--on", "2026-02-02", NULL};
    const char *three[] = {"ask",   "--from", "s",    "--to",       "t",
                           "--via", "b",      "--on", "2026-01-01", NULL};
    const char *declined[] = {"update", "3", "declined", "--on", "2026-02-10", NULL};
    ok_in(&r, dir, one);
    ok_in(&r, dir, two);
    ok_in(&r, dir, three);
    ok_in(&r, dir, declined);
}

static const char open_text[] = "Ann Able already has 2 open asks (#1, #2): protect the "
                                "relationship; wait for an answer, or ask someone else";
static const char declined_text[] = "Ben Best declined to introduce Sam Seller to Tess Target 10 "
                                    "days ago (#3, 2026-02-10), within 30 days: give them time "
                                    "before asking again";

/* The header as one line (the text output wraps it at 72 columns). */
static char *unwrapped(const char *text)
{
    g_autoptr(GRegex) space = g_regex_new("\\s+", 0, 0, NULL);
    return g_regex_replace_literal(space, text, -1, 0, " ", 0, NULL);
}

static void test_header_names_ledger(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    make_history(f->dir);
    g_auto(CliRun) r = {0};
    const char *best[] = {"draft", "--from", "s", "--to", "t", "--as-of", "2026-02-20", NULL};
    ok_in(&r, f->dir, best);
    g_autofree char *text = unwrapped(r.out);
    g_autofree char *want_open = g_strdup_printf("Before you ask: %s.", open_text);
    g_assert_nonnull(strstr(text, want_open));
    /* ... and a was asked 18 days ago (#2), within the 30 recent days. */
    g_assert_nonnull(strstr(text, "Before you ask: Ann Able was last asked 18 days ago (#2, "
                                  "2026-02-02), within 30 days: protect the relationship."));
    g_assert_null(strstr(text, "declined"));
    /* The header comes before the path line, after the title. */
    g_assert_true(strstr(text, want_open) < strstr(text, "Path 1 of 3"));

    const char *via_b[] = {"draft", "--from",  "s",          "--to",     "t",    "--via",
                           "b",     "--as-of", "2026-02-20", "--format", "json", NULL};
    ok_in(&r, f->dir, via_b);
    g_autoptr(JsonNode) b = parse(r.out);
    JsonObject *bo = json_node_get_object(b);
    g_autofree char *want_declined = g_strdup_printf("Before you ask: %s.", declined_text);
    g_assert_cmpstr(json_object_get_string_member(bo, "header"), ==, want_declined);
    JsonArray *bw = json_object_get_array_member(bo, "ledger_warnings");
    g_assert_cmpuint(json_array_get_length(bw), ==, 1);
    JsonObject *w = json_array_get_object_element(bw, 0);
    g_assert_cmpstr(json_object_get_string_member(w, "kind"), ==, "declined");
    g_assert_cmpint(json_array_get_int_element(json_object_get_array_member(w, "asks"), 0), ==, 3);
    g_assert_cmpstr(json_object_get_string_member(w, "text"), ==, declined_text);

    const char *via_d[] = {"draft", "--from",  "s",          "--to",     "t",    "--via",
                           "d",     "--as-of", "2026-02-20", "--format", "json", NULL};
    ok_in(&r, f->dir, via_d);
    g_autoptr(JsonNode) d = parse(r.out);
    JsonObject *dobj = json_node_get_object(d);
    g_assert_true(json_object_get_null_member(dobj, "header"));
    g_assert_cmpuint(json_array_get_length(json_object_get_array_member(dobj, "ledger_warnings")),
                     ==, 0);

    /* path --drafts: each source's draft says its own. */
    const char *drafts[] = {"path",    "--from",     "s",        "--to", "t",
                            "--as-of", "2026-02-20", "--drafts", NULL};
    ok_in(&r, f->dir, drafts);
    g_autofree char *all = unwrapped(r.out);
    g_assert_nonnull(strstr(all, want_open));
    g_assert_nonnull(strstr(all, want_declined));
    g_assert_nonnull(strstr(all, "Draft: ask Dee Dune"));
    const char *drafts_json[] = {"path",       "--from",   "s",        "--to", "t", "--as-of",
                                 "2026-02-20", "--drafts", "--format", "json", NULL};
    ok_in(&r, f->dir, drafts_json);
    g_autoptr(JsonNode) p = parse(r.out);
    JsonArray *paths = json_object_get_array_member(json_node_get_object(p), "paths");
    guint seen = 0;
    for (guint i = 0; i < json_array_get_length(paths); i++) {
        JsonObject *draft =
            json_object_get_object_member(json_array_get_object_element(paths, i), "draft");
        const char *source =
            json_object_get_string_member(json_object_get_object_member(draft, "source"), "id");
        guint n = json_array_get_length(json_object_get_array_member(draft, "ledger_warnings"));
        g_assert_cmpuint(n, ==, strcmp(source, "a") == 0 ? 2 : strcmp(source, "b") == 0 ? 1 : 0);
        seen++;
    }
    g_assert_cmpuint(seen, ==, 3);
}

/* Copies every file of @from (the ledger's WAL files too) into a new directory. */
static char *copy_folder(const char *from)
{
    char *to = cli_temp_dir();
    g_autoptr(GDir) d = g_dir_open(from, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        g_autofree char *a = g_build_filename(from, name, NULL);
        g_autofree char *b = g_build_filename(to, name, NULL);
        copy_file(a, b, NULL);
    }
    return to;
}

/* The stored message holds the printed draft's parts, in order, word for word. */
static void assert_message_has_parts(const char *message, JsonObject *draft)
{
    g_autofree char *stored = unwrapped(message);
    JsonObject *to = json_object_get_object_member(draft, "to_source");
    g_autofree char *subject =
        g_strdup_printf("Subject: %s ", json_object_get_string_member(to, "subject"));
    g_autofree char *body = unwrapped(json_object_get_string_member(to, "body"));
    g_autofree char *missing = unwrapped(json_object_get_string_member(draft, "note_missing"));
    g_autofree char *closing = unwrapped(json_object_get_string_member(to, "closing"));
    const char *parts[] = {subject, body, missing, closing};
    const char *at = stored;
    for (guint i = 0; i < G_N_ELEMENTS(parts); i++) {
        const char *found = strstr(at, parts[i]);
        if (found == NULL)
            g_printerr("missing part %u: %s\nin: %s\n", i, parts[i], at);
        g_assert_nonnull(found);
        at = found + strlen(parts[i]);
    }
    g_assert_true(g_str_has_prefix(stored, "To: "));
}

/* draft --record in one copy of the folder, ask in another: the same ask (source, path,
 * probability, how it was chosen, warnings), and the draft's message kept with it. */
static void check_same_as_ask(const char *dir, const char *via)
{
    g_autofree char *twin = copy_folder(dir);
    g_auto(CliRun) r = {0};
    const char *draft[] = {"draft",
                           "--from",
                           "s",
                           "--to",
                           "t",
                           "--at",
                           "Acme",
                           "--on",
                           "2026-02-21",
                           "--record",
                           "--format",
                           "json",
                           via ? "--via" : NULL,
                           via,
                           NULL};
    ok_in(&r, dir, draft);
    g_autoptr(JsonNode) printed = parse(r.out);
    JsonObject *d = json_node_get_object(printed);
    JsonObject *recorded = json_object_get_object_member(d, "recorded");
    const char *ask[] = {"ask",  "--from", "s",          "--to",     "t",    "--at",
                         "Acme", "--on",   "2026-02-21", "--format", "json", via ? "--via" : NULL,
                         via,    NULL};
    ok_in(&r, twin, ask);
    g_autoptr(JsonNode) asked = parse(r.out);
    JsonObject *a = json_node_get_object(asked);

    g_assert_cmpint(json_object_get_int_member(recorded, "id"), ==, 4);
    g_assert_cmpint(json_object_get_int_member(a, "id"), ==, 4);
    const char *same[] = {"source", "target", "at_company", "asked_on", "choice"};
    for (guint i = 0; i < G_N_ELEMENTS(same); i++) {
        JsonNode *x = json_object_get_member(recorded, same[i]);
        JsonNode *y = json_object_get_member(a, same[i]);
        g_assert_cmpint(json_node_is_null(x), ==, json_node_is_null(y));
        if (!json_node_is_null(x))
            g_assert_cmpstr(json_node_get_string(x), ==, json_node_get_string(y));
    }
    g_assert_cmpfloat(json_object_get_double_member(recorded, "probability"), ==,
                      json_object_get_double_member(a, "probability"));
    g_assert_cmpint(json_object_get_boolean_member(recorded, "source_from_best_path"), ==,
                    json_object_get_boolean_member(a, "source_from_best_path"));
    JsonArray *rp = json_object_get_array_member(recorded, "path");
    JsonArray *ap = json_object_get_array_member(a, "path");
    g_assert_cmpuint(json_array_get_length(rp), ==, json_array_get_length(ap));
    for (guint i = 0; i < json_array_get_length(rp); i++)
        g_assert_cmpstr(json_array_get_string_element(rp, i), ==,
                        json_array_get_string_element(ap, i));
    JsonArray *rw = json_object_get_array_member(recorded, "warnings");
    JsonArray *aw = json_object_get_array_member(a, "warnings");
    g_assert_cmpuint(json_array_get_length(rw), ==, json_array_get_length(aw));
    for (guint i = 0; i < json_array_get_length(rw); i++)
        g_assert_cmpstr(
            json_object_get_string_member(json_array_get_object_element(rw, i), "text"), ==,
            json_object_get_string_member(json_array_get_object_element(aw, i), "text"));
    /* The draft printed is of the path recorded, and ask records no draft. */
    g_assert_cmpfloat(
        json_object_get_double_member(json_object_get_object_member(d, "path"), "probability"), ==,
        json_object_get_double_member(a, "probability"));
    g_assert_true(json_object_get_null_member(a, "draft"));

    /* What the ledger kept, read back by export: the message with the printed parts. */
    const char *export[] = {"ledger", "export", "--format", "json", NULL};
    ok_in(&r, dir, export);
    g_autoptr(JsonNode) exported = parse(r.out);
    JsonArray *asks = json_object_get_array_member(json_node_get_object(exported), "asks");
    g_assert_cmpuint(json_array_get_length(asks), ==, 4);
    JsonObject *stored = json_array_get_object_element(asks, 3);
    g_assert_cmpstr(json_object_get_string_member(stored, "source"), ==,
                    json_object_get_string_member(a, "source"));
    const char *message = json_object_get_string_member(stored, "draft");
    g_assert_nonnull(message);
    assert_message_has_parts(message, d);
    /* ledger show prints it. */
    const char *show[] = {"ledger", "show", "4", NULL};
    ok_in(&r, dir, show);
    g_assert_nonnull(strstr(r.out, "Draft recorded with the ask:\n    To: "));
    g_autofree char *subject_line = g_strdup_printf(
        "    Subject: %s\n",
        json_object_get_string_member(json_object_get_object_member(d, "to_source"), "subject"));
    g_assert_nonnull(strstr(r.out, subject_line));
    cli_remove_dir(twin);
}

static void test_record_same_as_ask(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    make_history(f->dir);
    g_autofree char *second = copy_folder(f->dir);
    check_same_as_ask(f->dir, NULL); /* the best path's source, a: over the cap */
    check_same_as_ask(second, "b");  /* a named source who declined */
    cli_remove_dir(second);
}

static char *export_of(const char *dir)
{
    g_auto(CliRun) r = {0};
    const char *export[] = {"ledger", "export", NULL};
    ok_in(&r, dir, export);
    return g_steal_pointer(&r.out);
}

static void test_read_only_creates_nothing(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autofree char *db = g_build_filename(f->dir, "ledger.db", NULL);
    g_auto(CliRun) r = {0};
    const char *text[] = {"draft", "--from", "s", "--to", "t", NULL};
    const char *json[] = {"draft", "--from", "s", "--to", "t", "--format", "json", NULL};
    const char *drafts[] = {"path", "--from", "s", "--to", "t", "--drafts", NULL};
    const char *const *runs[] = {text, json, drafts};
    for (guint i = 0; i < G_N_ELEMENTS(runs); i++) {
        ok_in(&r, f->dir, runs[i]);
        g_assert_null(strstr(r.out, "Before you ask"));
        g_assert_false(g_file_test(db, G_FILE_TEST_EXISTS));
    }
    /* A failed --record in a folder without a ledger does not create one either. */
    const char *bad[] = {"draft", "--from", "s", "--to", "t", "--via", "c", "--record", NULL};
    run_in(&r, f->dir, bad);
    g_assert_cmpint(r.status, ==, 1);
    g_assert_false(g_file_test(db, G_FILE_TEST_EXISTS));
}

static void test_failed_record_records_nothing(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    make_history(f->dir);
    g_autofree char *before = export_of(f->dir);
    g_auto(CliRun) r = {0};
    /* c is no source of any path to t (a clear error, exit 1); Zed is no one (exit 4); c is
     * the seller's own direct contact (nothing to draft, an answer). */
    const char *no_path[] = {"draft", "--from", "s", "--to", "t", "--via", "c", "--record", NULL};
    run_in(&r, f->dir, no_path);
    g_assert_cmpint(r.status, ==, 1);
    g_assert_nonnull(strstr(r.err, "Cal Close is not a referral source on any path to Tess"));
    g_assert_cmpstr(r.out, ==, "");
    const char *unknown[] = {"draft", "--from", "s", "--to", "t", "--via", "Zed", "--record", NULL};
    run_in(&r, f->dir, unknown);
    g_assert_cmpint(r.status, ==, 4);
    const char *direct[] = {"draft", "--from", "s", "--to", "c", "--record", NULL};
    run_in(&r, f->dir, direct);
    g_assert_cmpint(r.status, ==, 0);
    g_assert_nonnull(strstr(r.out, "there is no introduction to draft"));
    g_autofree char *after = export_of(f->dir);
    g_assert_cmpstr(after, ==, before);
}

static void test_record_eml(Folder *f, gconstpointer data G_GNUC_UNUSED)
{
    make_history(f->dir);
    g_auto(CliRun) r = {0};
    const char *eml[] = {"draft", "--from",     "s",        "--to",     "t",   "--via", "d",
                         "--on",  "2026-02-21", "--record", "--format", "eml", NULL};
    ok_in(&r, f->dir, eml);
    g_assert_nonnull(strstr(r.out, "\r\nX-Unsent: 1\r\n"));
    g_assert_null(strstr(r.out, "Recorded as ask"));
    g_assert_nonnull(strstr(r.err, "warmpath: Recorded as ask 4 (asked 2026-02-21)"));
    const char *show[] = {"ledger", "show", "4", "--format", "json", NULL};
    ok_in(&r, f->dir, show);
    g_autoptr(JsonNode) shown = parse(r.out);
    JsonObject *o = json_node_get_object(shown);
    g_assert_cmpstr(json_object_get_string_member(o, "source"), ==, "d");
    g_assert_cmpfloat_with_epsilon(json_object_get_double_member(o, "probability"), 0.48, 1e-12);
    g_assert_true(g_str_has_prefix(json_object_get_string_member(o, "draft"), "To: Dee Dune\n"));
}

#define ADD(path, func) g_test_add(path, Folder, NULL, folder_set_up, func, folder_tear_down)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    ADD("/draft-record/header/ledger-warnings", test_header_names_ledger);
    ADD("/draft-record/record/same-as-ask", test_record_same_as_ask);
    ADD("/draft-record/read-only/no-ledger-created", test_read_only_creates_nothing);
    ADD("/draft-record/record/failure-records-nothing", test_failed_record_records_nothing);
    ADD("/draft-record/record/eml", test_record_eml);
    return g_test_run();
}
