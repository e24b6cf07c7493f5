/* SPDX-License-Identifier: MIT */
/* The ledger's schema and its migrations: PRAGMA user_version says which step a database is at,
 * and each step has one function that moves it to the next. */
#include "ledger/ledger-private.h"

/* Version 1: asks (people as network id + name + company at the time), their paths, and the
 * append-only events; the current state is the last event's (view ask_state). States are stored
 * by their spelling and days as YYYY-MM-DD, so `sqlite3 ledger.db` reads like the CLI. The
 * triggers keep the history append-only even for someone editing the file by hand. */
static const char schema_v1[] =
    "CREATE TABLE asks ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('request', 'given')),"
    "  seller_id TEXT NOT NULL, seller_name TEXT, seller_company TEXT,"
    "  source_id TEXT NOT NULL, source_name TEXT, source_company TEXT,"
    "  target_id TEXT NOT NULL, target_name TEXT, target_company TEXT,"
    "  at_company TEXT,"
    "  probability REAL CHECK (probability IS NULL OR (probability >= 0 AND probability <= 1)),"
    "  draft TEXT"
    ");"
    "CREATE TABLE ask_path ("
    "  ask INTEGER NOT NULL REFERENCES asks(id),"
    "  hop INTEGER NOT NULL CHECK (hop >= 0),"
    "  person_id TEXT NOT NULL,"
    "  PRIMARY KEY (ask, hop)"
    ") WITHOUT ROWID;"
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  ask INTEGER NOT NULL REFERENCES asks(id),"
    "  state TEXT NOT NULL CHECK (state IN ('asked', 'agreed', 'declined', 'no-answer',"
    "    'introduced', 'meeting', 'no-response', 'opportunity', 'won', 'lost')),"
    "  day TEXT NOT NULL CHECK (length(day) = 10),"
    "  amount REAL,"
    "  note TEXT,"
    "  recorded_by TEXT,"
    "  recorded_at INTEGER NOT NULL"
    ");"
    "CREATE INDEX events_by_ask ON events(ask, id);"
    "CREATE INDEX asks_by_source ON asks(source_id);"
    "CREATE INDEX asks_by_seller ON asks(seller_id);"
    "CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
    "  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
    "  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
    "CREATE VIEW ask_state AS"
    "  SELECT e.ask AS ask, e.state AS state, e.day AS day FROM events e"
    "  WHERE e.id = (SELECT max(id) FROM events WHERE ask = e.ask);";

/* From an empty file (version 0) to version 1. A version-0 file that already holds tables is
 * not a ledger: CREATE TABLE fails on it, and so does the open. */
static gboolean migrate_0_to_1(WpLedger *ledger, GError **error)
{
    return wp_i_ledger_exec(ledger, schema_v1, "creating the schema", error);
}

typedef gboolean (*MigrateFunc)(WpLedger *ledger, GError **error);
/* migrations[v] moves a database from version v to v + 1. */
static const MigrateFunc migrations[WP_I_LEDGER_SCHEMA_VERSION] = {migrate_0_to_1};

static gboolean read_version(WpLedger *ledger, int *out, GError **error)
{
    g_autoptr(sqlite3_stmt) st = wp_i_ledger_prepare(ledger, "PRAGMA user_version", error);
    if (st == NULL)
        return FALSE;
    if (sqlite3_step(st) != SQLITE_ROW)
        return wp_i_ledger_fail(ledger, "reading the schema version", error);
    *out = sqlite3_column_int(st, 0);
    return TRUE;
}

static gboolean refuse_newer(WpLedger *ledger, int version, GError **error)
{
    g_set_error(error, WP_ERROR, WP_ERROR_NOT_SUPPORTED,
                "%s: the ledger has schema version %d, newer than this warmpath understands "
                "(%d); use a newer warmpath",
                ledger->origin, version, WP_I_LEDGER_SCHEMA_VERSION);
    return FALSE;
}

/* Checks the version without a write lock first (the common case: up to date, and a reader
 * must not wait for writers); only an older database takes the lock, and looks again under it,
 * because another process may have migrated it meanwhile. */
gboolean wp_i_ledger_migrate(WpLedger *ledger, GError **error)
{
    int version = 0;
    if (!read_version(ledger, &version, error))
        return FALSE;
    if (version > WP_I_LEDGER_SCHEMA_VERSION)
        return refuse_newer(ledger, version, error);
    if (version == WP_I_LEDGER_SCHEMA_VERSION)
        return TRUE;
    if (!wp_i_ledger_begin(ledger, error))
        return FALSE;
    gboolean ok = read_version(ledger, &version, error);
    if (ok && version > WP_I_LEDGER_SCHEMA_VERSION)
        ok = refuse_newer(ledger, version, error);
    for (; ok && version < WP_I_LEDGER_SCHEMA_VERSION; version++)
        ok = migrations[version](ledger, error);
    if (ok) {
        g_autofree char *set = g_strdup_printf("PRAGMA user_version = %d", version);
        ok = wp_i_ledger_exec(ledger, set, "setting the schema version", error);
    }
    if (ok)
        return wp_i_ledger_commit(ledger, error);
    wp_i_ledger_rollback(ledger);
    return FALSE;
}
