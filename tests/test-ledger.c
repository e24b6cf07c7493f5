/* SPDX-License-Identifier: MIT */
/* The ledger's store: opening, the schema version, recording asks and events under the state
 * rules, reading them back, and several writers at once. */
#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

/* A fresh directory per test, removed at the end. */
typedef struct {
    char *dir;
    char *db;
} Fixture;

static void fixture_set_up(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    f->dir = g_dir_make_tmp("wp-ledger-XXXXXX", &error);
    g_assert_no_error(error);
    f->db = wp_ledger_path_in_folder(f->dir);
}

static void remove_tree(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_remove(path);
    }
    g_rmdir(dir);
}

static void fixture_tear_down(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    remove_tree(f->dir);
    g_free(f->dir);
    g_free(f->db);
}

static WpDay day(const char *text)
{
    WpDay d = WP_DAY_NONE;
    g_assert_true(wp_day_parse(text, &d));
    return d;
}

static WpAsk *record(WpLedger *ledger, const char *seller, const char *source, const char *target,
                     const char *on)
{
    const char *path[] = {seller, source, target, NULL};
    WpAskRequest r = {.kind = WP_ASK_KIND_REQUEST,
                      .seller = {(char *)seller, "Sam Seller", "Us Inc"},
                      .source = {(char *)source, "Priya Natarajan", NULL},
                      .target = {(char *)target, "Bob Smith", "Acme"},
                      .path = path,
                      .probability = 0.42,
                      .day = day(on),
                      .note = "first try",
                      .recorded_by = "tester"};
    g_autoptr(GError) error = NULL;
    WpAsk *ask = wp_ledger_record_ask(ledger, &r, &error);
    g_assert_no_error(error);
    g_assert_nonnull(ask);
    return ask;
}

static void test_open_read_missing(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_READ, &error);
    g_assert_null(ledger);
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_assert_nonnull(strstr(error->message, "ledger.db"));
    g_assert_false(g_file_test(f->db, G_FILE_TEST_EXISTS)); /* reading never creates it */
}

/* The learning hook's opener: no ledger is no error; an existing one is opened, never made. */
static void test_open_for_folder(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) none = wp_ledger_open_for_folder(f->dir, &error);
    g_assert_null(none);
    g_assert_no_error(error);
    g_assert_false(g_file_test(f->db, G_FILE_TEST_EXISTS));
    g_autoptr(WpLedger) made = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_autoptr(WpAsk) ask = record(made, "s1", "p1", "t1", "2026-01-05");
    g_autoptr(WpLedger) found = wp_ledger_open_for_folder(f->dir, &error);
    g_assert_no_error(error);
    g_autoptr(GPtrArray) asks = wp_ledger_list_asks(found, NULL, &error);
    g_assert_cmpuint(asks->len, ==, 1);
}

/* Reads one PRAGMA of the file through SQLite itself, not through the store. */
static char *pragma(const char *db, const char *name)
{
    sqlite3 *h = NULL;
    g_assert_cmpint(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    g_autofree char *sql = g_strdup_printf("PRAGMA %s", name);
    sqlite3_stmt *st = NULL;
    g_assert_cmpint(sqlite3_prepare_v2(h, sql, -1, &st, NULL), ==, SQLITE_OK);
    g_assert_cmpint(sqlite3_step(st), ==, SQLITE_ROW);
    char *value = g_strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(h);
    return value;
}

static void exec_sql(const char *db, const char *sql)
{
    sqlite3 *h = NULL;
    g_assert_cmpint(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==,
                    SQLITE_OK);
    char *message = NULL;
    int rc = sqlite3_exec(h, sql, NULL, NULL, &message);
    g_assert_cmpstr(message, ==, NULL);
    g_assert_cmpint(rc, ==, SQLITE_OK);
    sqlite3_close(h);
}

static void test_create_settings(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_assert_no_error(error);
    g_autofree char *mode = pragma(f->db, "journal_mode");
    g_autofree char *version = pragma(f->db, "user_version");
    g_assert_cmpstr(mode, ==, "wal");
    g_assert_cmpstr(version, ==, "1");
    g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(asks->len, ==, 0);
}

/* An empty file is version 0: opening it creates the schema. */
static void test_migrate_from_empty(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_set_contents(f->db, "", 0, &error));
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_READ, &error);
    g_assert_no_error(error);
    g_autofree char *version = pragma(f->db, "user_version");
    g_assert_cmpstr(version, ==, "1");
    g_autoptr(WpAsk) ask = record(ledger, "s1", "p1", "t1", "2026-01-05");
    g_assert_cmpint(ask->id, ==, 1);
}

static void test_refuse_future_version(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    exec_sql(f->db, "CREATE TABLE asks (id INTEGER PRIMARY KEY); PRAGMA user_version = 7;");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_assert_null(ledger);
    g_assert_error(error, WP_ERROR, WP_ERROR_NOT_SUPPORTED);
    g_assert_nonnull(strstr(error->message, "ledger.db: "));
    g_assert_nonnull(strstr(error->message, "version 7"));
    g_autofree char *version = pragma(f->db, "user_version");
    g_assert_cmpstr(version, ==, "7"); /* untouched */
}

static void test_refuse_not_a_database(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    const char junk[] = "id,name\nthis is a CSV file, not a database\n";
    g_assert_true(g_file_set_contents(f->db, junk, -1, &error));
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_assert_null(ledger);
    g_assert_error(error, WP_ERROR, WP_ERROR_FAILED);
    g_assert_nonnull(strstr(error->message, "ledger.db: "));
}

/* A version-0 file holding someone else's tables is not taken over. */
static void test_refuse_foreign_tables(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    exec_sql(f->db, "CREATE TABLE events (x TEXT);");
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_assert_null(ledger);
    g_assert_error(error, WP_ERROR, WP_ERROR_FAILED);
    g_autofree char *version = pragma(f->db, "user_version");
    g_assert_cmpstr(version, ==, "0"); /* the migration rolled back */
}

static void test_record_and_read(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_assert_no_error(error);
    g_autoptr(WpAsk) first = record(ledger, "s1", "p1", "t1", "2026-01-05");
    g_assert_cmpint(first->id, ==, 1);
    g_assert_cmpint(first->state, ==, WP_ASK_ASKED);
    g_assert_cmpstr(first->path[1], ==, "p1");
    g_assert_null(first->path[3]);
    g_assert_cmpfloat(first->probability, ==, 0.42);
    g_assert_cmpstr(first->source.name, ==, "Priya Natarajan");
    g_assert_null(first->source.company);
    g_assert_cmpint(first->asked_on, ==, day("2026-01-05"));

    double amount = 12500.5;
    g_autoptr(WpAsk) agreed = wp_ledger_record_event(ledger, 1, WP_ASK_AGREED, day("2026-01-06"),
                                                     NULL, "yes", NULL, &error);
    g_assert_no_error(error);
    g_autoptr(WpAsk) won = wp_ledger_record_event(ledger, 1, WP_ASK_WON, day("2026-03-01"), &amount,
                                                  NULL, "tester", &error);
    g_assert_no_error(error);
    g_assert_cmpint(won->state, ==, WP_ASK_WON);
    g_assert_cmpuint(won->events->len, ==, 3);
    const WpAskEvent *last = g_ptr_array_index(won->events, 2);
    g_assert_true(last->has_amount);
    g_assert_cmpfloat(last->amount, ==, 12500.5);
    g_assert_cmpint(won->asked_on, ==, day("2026-01-05"));
    g_assert_cmpint(won->state_on, ==, day("2026-03-01"));
    const WpAskEvent *by = g_ptr_array_index(agreed->events, 1);
    g_assert_cmpstr(by->recorded_by, ==, g_get_user_name()); /* NULL: the OS user */

    /* A second handle sees the same history. */
    g_autoptr(WpLedger) other = wp_ledger_open(f->db, WP_LEDGER_OPEN_READ, &error);
    g_assert_no_error(error);
    g_autoptr(WpAsk) again = wp_ledger_get_ask(other, 1, &error);
    g_assert_no_error(error);
    g_autoptr(JsonNode) a = wp_ask_to_json(won);
    g_autoptr(JsonNode) b = wp_ask_to_json(again);
    g_assert_true(json_node_equal(a, b));
}

static void test_state_rules(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_autoptr(WpAsk) ask = record(ledger, "s1", "p1", "t1", "2026-01-05");
    g_autoptr(WpAsk) meeting = wp_ledger_record_event(ledger, 1, WP_ASK_MEETING, day("2026-01-10"),
                                                      NULL, NULL, NULL, &error);
    g_assert_no_error(error); /* skipping forward */
    g_autoptr(WpAsk) back = wp_ledger_record_event(ledger, 1, WP_ASK_AGREED, day("2026-01-11"),
                                                   NULL, NULL, NULL, &error);
    g_assert_null(back);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(error->message, "next: opportunity, won, lost"));
    g_clear_error(&error);
    g_autoptr(WpAsk) early =
        wp_ledger_record_event(ledger, 1, WP_ASK_WON, day("2026-01-09"), NULL, NULL, NULL, &error);
    g_assert_null(early);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(error->message, "2026-01-09 is before"));
    g_clear_error(&error);
    g_autoptr(WpAsk) lost =
        wp_ledger_record_event(ledger, 1, WP_ASK_LOST, day("2026-01-10"), NULL, NULL, NULL, &error);
    g_assert_no_error(error); /* the same day as the last event is fine */
    g_autoptr(WpAsk) after =
        wp_ledger_record_event(ledger, 1, WP_ASK_WON, day("2026-02-01"), NULL, NULL, NULL, &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_assert_nonnull(strstr(error->message, "none: 'lost' is final"));
    g_clear_error(&error);
    g_autoptr(WpAsk) unknown =
        wp_ledger_record_event(ledger, 99, WP_ASK_WON, day("2026-02-01"), NULL, NULL, NULL, &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
    g_clear_error(&error);
    /* Refused events left nothing behind. */
    g_autoptr(WpAsk) now = wp_ledger_get_ask(ledger, 1, &error);
    g_assert_cmpuint(now->events->len, ==, 3);
}

static void test_given(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    WpAskRequest r = {.kind = WP_ASK_KIND_GIVEN,
                      .seller = {"s1", NULL, NULL},
                      .source = {"a", NULL, NULL},
                      .target = {"b", NULL, NULL},
                      .probability = -1,
                      .day = day("2026-02-02")};
    g_autoptr(WpAsk) ask = wp_ledger_record_ask(ledger, &r, &error);
    g_assert_no_error(error);
    g_assert_cmpint(ask->kind, ==, WP_ASK_KIND_GIVEN);
    g_assert_cmpint(ask->state, ==, WP_ASK_INTRODUCED);
    g_assert_cmpuint(ask->events->len, ==, 2);
    g_assert_null(ask->path);
    g_assert_cmpfloat(ask->probability, ==, -1);
    g_autoptr(WpAsk) more = wp_ledger_record_event(ledger, ask->id, WP_ASK_MEETING,
                                                   day("2026-02-03"), NULL, NULL, NULL, &error);
    g_assert_error(error, WP_ERROR, WP_ERROR_USAGE);
}

static void test_list_filter(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_autoptr(WpAsk) a = record(ledger, "s1", "p1", "t1", "2026-01-05");
    g_autoptr(WpAsk) b = record(ledger, "s2", "p1", "t2", "2026-02-05");
    g_autoptr(WpAsk) c = record(ledger, "s1", "p2", "t3", "2026-03-05");
    const char *sellers[] = {"s1", NULL};
    WpAskFilter filter = {.seller_ids = sellers, .since = day("2026-02-01"), .until = WP_DAY_NONE};
    g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, &filter, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(asks->len, ==, 1);
    g_assert_cmpint(((WpAsk *)g_ptr_array_index(asks, 0))->id, ==, 3);
    WpAskFilter until = {.since = WP_DAY_NONE, .until = day("2026-02-05")};
    g_autoptr(GPtrArray) early = wp_ledger_list_asks(ledger, &until, &error);
    g_assert_cmpuint(early->len, ==, 2);
}

/* The history cannot be rewritten, even through SQL by hand. */
static void test_append_only(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_autoptr(WpAsk) a = record(ledger, "s1", "p1", "t1", "2026-01-05");
    sqlite3 *h = NULL;
    g_assert_cmpint(sqlite3_open(f->db, &h), ==, SQLITE_OK);
    g_assert_cmpint(sqlite3_exec(h, "UPDATE events SET state = 'won'", NULL, NULL, NULL), !=,
                    SQLITE_OK);
    g_assert_cmpint(sqlite3_exec(h, "DELETE FROM events", NULL, NULL, NULL), !=, SQLITE_OK);
    sqlite3_close(h);
}

/* Several handles in several threads record on one ask and on new asks at once: every
 * recording succeeds (the busy timeout makes writers wait), and exactly one thread moves the
 * shared ask out of `asked` (the state check and the write are one transaction). */
#define N_THREADS 6
#define N_ASKS_EACH 20

typedef struct {
    const char *db;
    guint moved; /* how many times this thread moved ask 1 */
    guint failed;
} Worker;

static gpointer worker_run(gpointer data)
{
    Worker *w = data;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(w->db, WP_LEDGER_OPEN_CREATE, &error);
    if (ledger == NULL) {
        w->failed++;
        return NULL;
    }
    for (guint i = 0; i < N_ASKS_EACH; i++) {
        WpAskRequest r = {.kind = WP_ASK_KIND_REQUEST,
                          .seller = {"s", NULL, NULL},
                          .source = {"p", NULL, NULL},
                          .target = {"t", NULL, NULL},
                          .probability = 0.5,
                          .day = day("2026-01-05")};
        g_autoptr(WpAsk) ask = wp_ledger_record_ask(ledger, &r, &error);
        if (ask == NULL) {
            w->failed++;
            g_clear_error(&error);
        }
        g_autoptr(WpAsk) moved = wp_ledger_record_event(
            ledger, 1, WP_ASK_DECLINED, day("2026-01-06"), NULL, NULL, NULL, &error);
        if (moved != NULL)
            w->moved++;
        else if (!g_error_matches(error, WP_ERROR, WP_ERROR_USAGE))
            w->failed++;
        g_clear_error(&error);
    }
    return NULL;
}

static void test_threads(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_autoptr(WpAsk) first = record(ledger, "s", "p", "t", "2026-01-05");
    Worker workers[N_THREADS] = {0};
    GThread *threads[N_THREADS];
    for (guint i = 0; i < N_THREADS; i++) {
        workers[i].db = f->db;
        threads[i] = g_thread_new("writer", worker_run, &workers[i]);
    }
    guint moved = 0;
    for (guint i = 0; i < N_THREADS; i++) {
        g_thread_join(threads[i]);
        g_assert_cmpuint(workers[i].failed, ==, 0);
        moved += workers[i].moved;
    }
    g_assert_cmpuint(moved, ==, 1);
    g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(asks->len, ==, 1 + N_THREADS * N_ASKS_EACH);
    const WpAsk *one = g_ptr_array_index(asks, 0);
    g_assert_cmpuint(one->events->len, ==, 2);
}

/* Many handles open a ledger that does not exist yet at the same moment, as the first writers
 * of a new data folder do: every open succeeds. Two connections switching a new file to WAL at
 * once make SQLite refuse one of them at once, without waiting, so the open must retry. */
#define N_OPENERS 8
#define N_FRESH_FILES 40

typedef struct {
    const char *db;
    GMutex *lock;
    GCond *cond;
    guint *ready;
    gboolean ok;
    char *message;
} Opener;

static gpointer opener_run(gpointer data)
{
    Opener *o = data;
    g_mutex_lock(o->lock); /* all threads start together, so they really race */
    (*o->ready)++;
    g_cond_broadcast(o->cond);
    while (*o->ready < N_OPENERS)
        g_cond_wait(o->cond, o->lock);
    g_mutex_unlock(o->lock);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(o->db, WP_LEDGER_OPEN_CREATE, &error);
    o->ok = ledger != NULL;
    if (!o->ok)
        o->message = g_strdup(error->message);
    return NULL;
}

static void test_create_race(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    for (guint n = 0; n < N_FRESH_FILES; n++) {
        g_autofree char *name = g_strdup_printf("race-%u.db", n);
        g_autofree char *db = g_build_filename(f->dir, name, NULL);
        GMutex lock;
        GCond cond;
        g_mutex_init(&lock);
        g_cond_init(&cond);
        guint ready = 0;
        Opener openers[N_OPENERS] = {0};
        GThread *threads[N_OPENERS];
        for (guint i = 0; i < N_OPENERS; i++) {
            openers[i] = (Opener){.db = db, .lock = &lock, .cond = &cond, .ready = &ready};
            threads[i] = g_thread_new("opener", opener_run, &openers[i]);
        }
        for (guint i = 0; i < N_OPENERS; i++) {
            g_thread_join(threads[i]);
            if (!openers[i].ok)
                g_error("file %u, opener %u: %s", n, i, openers[i].message);
        }
        g_mutex_clear(&lock);
        g_cond_clear(&cond);
        g_autoptr(GError) error = NULL;
        g_autoptr(WpLedger) ledger = wp_ledger_open(db, WP_LEDGER_OPEN_READ, &error);
        g_assert_no_error(error);
        g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, NULL, &error);
        g_assert_no_error(error);
        g_assert_cmpuint(asks->len, ==, 0);
    }
}

/* A writer that holds the lock longer than the busy timeout (10 s) makes a recording fail
 * with an error that names the file and says why, and leaves the ledger as it was. */
static void test_busy(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(f->db, WP_LEDGER_OPEN_CREATE, &error);
    g_autoptr(WpAsk) ask = record(ledger, "s1", "p1", "t1", "2026-01-05");
    sqlite3 *other = NULL;
    g_assert_cmpint(sqlite3_open(f->db, &other), ==, SQLITE_OK);
    g_assert_cmpint(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    gint64 started = g_get_monotonic_time();
    g_autoptr(WpAsk) moved = wp_ledger_record_event(ledger, 1, WP_ASK_AGREED, day("2026-01-06"),
                                                    NULL, NULL, NULL, &error);
    gint64 waited = g_get_monotonic_time() - started;
    g_assert_null(moved);
    g_assert_error(error, WP_ERROR, WP_ERROR_FAILED);
    g_assert_nonnull(strstr(error->message, "ledger.db: "));
    g_assert_nonnull(strstr(error->message, "for more than 10 s"));
    g_assert_cmpint(waited, >=, 9 * G_USEC_PER_SEC);
    g_clear_error(&error);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    g_autoptr(WpAsk) after = wp_ledger_record_event(ledger, 1, WP_ASK_AGREED, day("2026-01-06"),
                                                    NULL, NULL, NULL, &error);
    g_assert_no_error(error); /* the lock is free again */
    g_assert_cmpuint(after->events->len, ==, 2);
}

/* A hand-made history: which asks of source "p" are open and when it was last asked. */
static WpAsk *fake_ask(gint64 id, WpAskKind kind, const char *source, const char *asked_on,
                       WpAskState state)
{
    WpAsk *a = g_new0(WpAsk, 1);
    a->id = id;
    a->kind = kind;
    a->seller.id = g_strdup("s");
    a->source.id = g_strdup(source);
    a->target.id = g_strdup("t");
    a->probability = -1;
    a->events = g_ptr_array_new();
    a->state = state;
    a->asked_on = day(asked_on);
    a->state_on = a->asked_on;
    return a;
}

static void test_source_warnings(void)
{
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    g_ptr_array_add(asks, fake_ask(1, WP_ASK_KIND_REQUEST, "p", "2026-01-01", WP_ASK_AGREED));
    g_ptr_array_add(asks, fake_ask(2, WP_ASK_KIND_REQUEST, "p", "2026-02-01", WP_ASK_WON));
    g_ptr_array_add(asks, fake_ask(3, WP_ASK_KIND_GIVEN, "p", "2026-02-20", WP_ASK_INTRODUCED));
    g_ptr_array_add(asks, fake_ask(4, WP_ASK_KIND_REQUEST, "q", "2026-02-25", WP_ASK_ASKED));
    g_ptr_array_add(asks, fake_ask(5, WP_ASK_KIND_REQUEST, "p", "2026-02-10", WP_ASK_ASKED));
    /* Open requests of p: #1 and #5 (#2 is won, #3 a given introduction, #4 is q's). The last
     * request to p was #5 on 2026-02-10. */
    g_autoptr(GPtrArray) both =
        wp_ask_source_warnings(asks, "p", "Priya", day("2026-03-01"), 2, 30);
    g_assert_cmpuint(both->len, ==, 2);
    const WpAskWarning *open = g_ptr_array_index(both, 0);
    g_assert_cmpint(open->kind, ==, WP_ASK_WARNING_OPEN_ASKS);
    g_assert_cmpuint(open->asks->len, ==, 2);
    g_assert_cmpint(g_array_index(open->asks, gint64, 1), ==, 5);
    g_assert_cmpstr(open->text, ==,
                    "Priya already has 2 open asks (#1, #5): protect the relationship; wait for an "
                    "answer, or ask someone else");
    const WpAskWarning *recent = g_ptr_array_index(both, 1);
    g_assert_cmpint(recent->kind, ==, WP_ASK_WARNING_RECENT);
    g_assert_nonnull(strstr(recent->text, "19 days ago (#5, 2026-02-10)"));
    /* A cap of 3 is not reached; 19 days is not within 19. */
    g_autoptr(GPtrArray) none = wp_ask_source_warnings(asks, "p", NULL, day("2026-03-01"), 3, 19);
    g_assert_cmpuint(none->len, ==, 0);
    /* Within 20 days it is; 0 turns each check off. */
    g_autoptr(GPtrArray) one = wp_ask_source_warnings(asks, "p", NULL, day("2026-03-01"), 0, 20);
    g_assert_cmpuint(one->len, ==, 1);
    g_autoptr(GPtrArray) off = wp_ask_source_warnings(asks, "p", NULL, day("2026-03-01"), 0, 0);
    g_assert_cmpuint(off->len, ==, 0);
}

/* A source who declined is named while the refusal is recent (any seller's ask, by the day it
 * was declined, not asked), once: the recent ask it was is not named again as "recent". */
static void test_source_declined(void)
{
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    WpAsk *old = fake_ask(1, WP_ASK_KIND_REQUEST, "d", "2026-01-05", WP_ASK_DECLINED);
    old->state_on = day("2026-02-20"); /* asked 55 days before 2026-03-01, declined 9 days */
    g_ptr_array_add(asks, old);
    g_ptr_array_add(asks, fake_ask(2, WP_ASK_KIND_REQUEST, "e", "2026-02-25", WP_ASK_DECLINED));
    g_ptr_array_add(asks, fake_ask(3, WP_ASK_KIND_GIVEN, "d", "2026-02-27", WP_ASK_INTRODUCED));

    g_autoptr(GPtrArray) d = wp_ask_source_warnings(asks, "d", "Dee", day("2026-03-01"), 2, 30);
    g_assert_cmpuint(d->len, ==, 1); /* no open ask; asked 55 days ago is not recent */
    const WpAskWarning *w = g_ptr_array_index(d, 0);
    g_assert_cmpint(w->kind, ==, WP_ASK_WARNING_DECLINED);
    g_assert_cmpstr(wp_ask_warning_kind_name(w->kind), ==, "declined");
    g_assert_cmpuint(w->asks->len, ==, 1);
    g_assert_cmpint(g_array_index(w->asks, gint64, 0), ==, 1);
    g_assert_cmpstr(w->text, ==,
                    "Dee declined to introduce s to t 9 days ago (#1, 2026-02-20), within 30 days: "
                    "give them time before asking again");
    /* 9 days is not within 9; before the refusal, nothing to say either. */
    g_autoptr(GPtrArray) late = wp_ask_source_warnings(asks, "d", "Dee", day("2026-03-01"), 2, 9);
    g_assert_cmpuint(late->len, ==, 0);
    g_autoptr(GPtrArray) early = wp_ask_source_warnings(asks, "d", "Dee", day("2026-02-19"), 2, 60);
    g_assert_cmpuint(early->len, ==, 1); /* asked 45 days before: recent, not yet declined */
    g_assert_cmpint(((WpAskWarning *)g_ptr_array_index(early, 0))->kind, ==, WP_ASK_WARNING_RECENT);
    /* e was asked and declined 4 days ago: one warning, the refusal. */
    g_autoptr(GPtrArray) e = wp_ask_source_warnings(asks, "e", NULL, day("2026-03-01"), 2, 30);
    g_assert_cmpuint(e->len, ==, 1);
    g_assert_cmpint(((WpAskWarning *)g_ptr_array_index(e, 0))->kind, ==, WP_ASK_WARNING_DECLINED);
    g_assert_nonnull(strstr(((WpAskWarning *)g_ptr_array_index(e, 0))->text, "e declined"));
}

#define ADD(path, func) g_test_add(path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    ADD("/ledger/open/read-missing", test_open_read_missing);
    ADD("/ledger/open/create-settings", test_create_settings);
    ADD("/ledger/open/for-folder", test_open_for_folder);
    ADD("/ledger/schema/from-empty", test_migrate_from_empty);
    ADD("/ledger/schema/future-refused", test_refuse_future_version);
    ADD("/ledger/schema/not-a-database", test_refuse_not_a_database);
    ADD("/ledger/schema/foreign-tables", test_refuse_foreign_tables);
    ADD("/ledger/record/read-back", test_record_and_read);
    ADD("/ledger/record/state-rules", test_state_rules);
    ADD("/ledger/record/given", test_given);
    ADD("/ledger/record/append-only", test_append_only);
    ADD("/ledger/list/filter", test_list_filter);
    ADD("/ledger/concurrency/threads", test_threads);
    ADD("/ledger/concurrency/create-race", test_create_race);
    g_test_add_func("/ledger/warnings/source", test_source_warnings);
    g_test_add_func("/ledger/warnings/declined", test_source_declined);
    ADD("/ledger/concurrency/busy-timeout", test_busy);
    return g_test_run();
}
