/* SPDX-License-Identifier: MIT */
/* The library under the locales users' machines have: Turkish (where the C library and
 * g_utf8_strdown() map "I" to dotless "ı"), German (a decimal comma), C and POSIX. Reading,
 * matching and writing must not depend on any of them. The locales come from tests/gen-locales.sh
 * (LOCPATH); a test skips, saying so, when its locale cannot be had. */
#include "core/text-private.h"
#include "import/import-private.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <warmpath/warmpath.h>

static const char *const locales[] = {"tr_TR.UTF-8", "de_DE.UTF-8", "C", "POSIX"};

/* Switches the whole process to @name; FALSE (the test skipped) when it does not exist. */
static gboolean use_locale(const char *name)
{
    if (setlocale(LC_ALL, name) != NULL)
        return TRUE;
    const char *dir = g_getenv("LOCPATH");
    g_autofree char *why = g_strdup_printf(
        "locale %s is not available (LOCPATH=%s; tests/gen-locales.sh compiles it, with the "
        "Debian package 'locales')",
        name, dir ? dir : "unset");
    g_test_skip(why);
    return FALSE;
}

static WpGraph *load_fixture(void)
{
    g_autofree char *ties = g_test_build_filename(G_TEST_DIST, "data", "locale", "edges.csv", NULL);
    g_autofree char *people =
        g_test_build_filename(G_TEST_DIST, "data", "locale", "people.csv", NULL);
    WpLoadSpec spec = {.ties_file = ties, .people_file = people};
    g_autoptr(GError) error = NULL;
    WpGraph *graph = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    return graph;
}

static WpPerson person(const WpGraph *graph, const char *query)
{
    g_autoptr(GError) error = NULL;
    WpPerson p = wp_graph_resolve_person(graph, query, NULL, &error);
    g_assert_no_error(error);
    return p;
}

/* Upper-case headers are the columns they name: ID, DIRECTED and INTERACTIONS included (under
 * tr_TR, DIRECTED used to be dropped, so a one-way tie carried requests both ways). */
static void test_headers(gconstpointer data)
{
    if (!use_locale(data))
        return;
    g_autoptr(WpGraph) graph = load_fixture();
    g_assert_true(wp_graph_has_directed_ties(graph));
    WpPerson a = wp_graph_find_id(graph, "a"), b = wp_graph_find_id(graph, "b");
    WpTie tie = 0;
    g_assert_true(wp_graph_find_tie(graph, a, b, &tie));
    WpTieInfo info;
    wp_graph_tie_info(graph, tie, &info);
    g_assert_true(info.directed);
    g_assert_cmpint(info.interactions, ==, 3);
    g_assert_cmpfloat(info.declared, ==, 0.8);
    guint n_columns = 0;
    const char *const *columns = wp_graph_columns(graph, &n_columns);
    g_assert_cmpuint(n_columns, ==, 5);
    g_assert_cmpstr(columns[0], ==, "id");
    g_assert_cmpstr(columns[3], ==, "email");
    /* s -> a -> b -> c is open; c -> b -> a is not (a -> b is one-way). */
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, model, WP_DAY_NONE, NULL);
    WpPerson s = wp_graph_find_id(graph, "s"), c = wp_graph_find_id(graph, "c");
    WpPathQuery q = WP_PATH_QUERY_INIT;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpPathSet) there = wp_path_find(scoring, NULL, &s, 1, c, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(there->paths->len, ==, 1);
    g_autoptr(WpPathSet) back = wp_path_find(scoring, NULL, &c, 1, s, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(back->paths->len, ==, 0);
    setlocale(LC_ALL, "C");
}

/* Names, companies, filters and e-mail keys fold alike in every locale. */
static void test_matching(gconstpointer data)
{
    if (!use_locale(data))
        return;
    g_autoptr(WpGraph) graph = load_fixture();
    WpPerson c = wp_graph_find_id(graph, "c");
    g_assert_cmpuint(person(graph, "IŞIK DEMIR"), ==, c);
    g_assert_cmpuint(person(graph, "isik demir"), ==, c);
    g_assert_cmpuint(person(graph, "Işık Demir"), ==, c);
    g_assert_cmpuint(person(graph, "AYŞE YILMAZ"), ==, wp_graph_find_id(graph, "a"));
    g_assert_cmpuint(person(graph, "BOB SMITH"), ==, wp_graph_find_id(graph, "b"));
    g_autofree char *key = wp_text_fold("ISTANBUL ID");
    g_assert_cmpstr(key, ==, "istanbul id");
    g_autofree char *company = wp_text_fold_company("ISTANBUL LTD");
    g_assert_cmpstr(company, ==, "istanbul");
    g_autofree char *lower = wp_i_text_lower("ID DIRECTED INTERACTIONS");
    g_assert_cmpstr(lower, ==, "id directed interactions");
    g_autofree char *email = wp_i_email("BOB.SMITH@ACME.EXAMPLE");
    g_assert_cmpstr(email, ==, "bob.smith@acme.example");
    g_autofree char *url = NULL;
    g_autofree char *canon = wp_i_linkedin_url("https://www.linkedin.com/in/ISIK-DEMIR", &url);
    g_assert_cmpstr(canon, ==, "https://www.linkedin.com/in/ISIK-DEMIR");
    g_assert_cmpstr(url, ==, "in/isik-demir");
    const char *exprs[] = {"COMPANY=ACME INC", "NAME!=BOB SMITH"};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = wp_where_parse(exprs, 2, &error);
    g_assert_no_error(error);
    g_assert_true(wp_where_check(where, graph, &error));
    g_assert_true(wp_where_matches(where, graph, c));
    g_assert_false(wp_where_matches(where, graph, wp_graph_find_id(graph, "b")));
    setlocale(LC_ALL, "C");
}

/* Numbers read and written by the library use '.', whatever LC_NUMERIC says. */
static void test_numbers(gconstpointer data)
{
    if (!use_locale(data))
        return;
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autofree char *text = wp_model_to_data(model);
    g_assert_nonnull(strstr(text, "intermediary_factor=0.75"));
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) back =
        wp_model_load_from_data("[model]\nintermediary_factor=0.5\n", "p.ini", &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) bad =
        wp_model_load_from_data("[model]\nintermediary_factor=1.5\n", "p.ini", &error);
    g_assert_null(bad);
    g_assert_nonnull(strstr(error->message, "is not a number in (0, 1]"));
    g_clear_error(&error);
    g_autoptr(WpGraph) graph = load_fixture();
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, raw, WP_DAY_NONE, NULL);
    WpPerson s = wp_graph_find_id(graph, "s"), c = wp_graph_find_id(graph, "c");
    WpPathQuery q = {1, 4, 1.5, FALSE};
    g_autoptr(WpPathSet) none = wp_path_find(scoring, NULL, &s, 1, c, &q, NULL, &error);
    g_assert_null(none);
    g_assert_cmpstr(error->message, ==, "minimum probability 1.5 is not in [0, 1)");
    setlocale(LC_ALL, "C");
}

/* The ledger stores, exports and imports amounts and probabilities with '.', whatever
 * LC_NUMERIC says, and an export read back under the same locale is the same file. */
static void test_ledger_numbers(gconstpointer data)
{
    if (!use_locale(data))
        return;
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("wp-locale-XXXXXX", &error);
    g_assert_no_error(error);
    g_autofree char *db = g_build_filename(dir, "a.db", NULL);
    g_autofree char *other = g_build_filename(dir, "b.db", NULL);
    g_autofree char *csv = g_build_filename(dir, "h.csv", NULL);
    {
        g_autoptr(WpLedger) ledger = wp_ledger_open(db, WP_LEDGER_OPEN_CREATE, &error);
        g_assert_no_error(error);
        const char *path[] = {"s", "a", "t", NULL};
        WpDay day = 0;
        g_assert_true(wp_day_parse("2026-01-05", &day));
        WpAskRequest r = {.seller = {"s", "Sam", NULL},
                          .source = {"a", "İlker Işık", NULL},
                          .target = {"t", "Tess", "Acme"},
                          .path = path,
                          .probability = 0.42,
                          .day = day};
        g_autoptr(WpAsk) ask = wp_ledger_record_ask(ledger, &r, &error);
        g_assert_no_error(error);
        double amount = 12500.5;
        g_autoptr(WpAsk) won = wp_ledger_record_event(ledger, ask->id, WP_ASK_WON, day + 30,
                                                      &amount, NULL, "x", &error);
        g_assert_no_error(error);
        g_autofree char *words = wp_ask_describe(won);
        g_assert_nonnull(strstr(words, "probability 0.42"));
        g_assert_nonnull(strstr(words, "amount 12500.50"));
        g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, NULL, &error);
        g_autofree char *text = wp_ledger_export_csv(asks);
        g_assert_nonnull(strstr(text, ",0.42,"));
        g_assert_nonnull(strstr(text, ",12500.5,"));
        g_assert_true(g_file_set_contents(csv, text, -1, &error));
        g_autoptr(WpLedger) second = wp_ledger_open(other, WP_LEDGER_OPEN_CREATE, &error);
        g_assert_true(wp_ledger_import_csv(second, csv, NULL, NULL, &error));
        g_assert_no_error(error);
        g_autoptr(GPtrArray) back = wp_ledger_list_asks(second, NULL, &error);
        g_autofree char *again = wp_ledger_export_csv(back);
        g_assert_cmpstr(again, ==, text);
    }
    const char *const files[] = {db, other, csv};
    for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *wal = g_strconcat(files[i], "-wal", NULL);
        g_autofree char *shm = g_strconcat(files[i], "-shm", NULL);
        g_remove(files[i]);
        g_remove(wal);
        g_remove(shm);
    }
    g_rmdir(dir);
    setlocale(LC_ALL, "C");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (guint i = 0; i < G_N_ELEMENTS(locales); i++) {
        g_autofree char *headers = g_strdup_printf("/locale/%s/headers", locales[i]);
        g_autofree char *matching = g_strdup_printf("/locale/%s/matching", locales[i]);
        g_autofree char *numbers = g_strdup_printf("/locale/%s/numbers", locales[i]);
        g_test_add_data_func(headers, locales[i], test_headers);
        g_test_add_data_func(matching, locales[i], test_matching);
        g_test_add_data_func(numbers, locales[i], test_numbers);
        g_autofree char *ledger = g_strdup_printf("/locale/%s/ledger-numbers", locales[i]);
        g_test_add_data_func(ledger, locales[i], test_ledger_numbers);
    }
    return g_test_run();
}
