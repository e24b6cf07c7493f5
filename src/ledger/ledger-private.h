/* SPDX-License-Identifier: MIT */
/* The ledger's insides: the SQLite handle and the helpers every file of src/ledger/ shares.
 * The only header that includes <sqlite3.h>. */
#pragma once

#include <sqlite3.h>

#include "warmpath/error.h"
#include "warmpath/ledger.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(sqlite3_stmt, sqlite3_finalize)

/* The schema this build writes (PRAGMA user_version); schema.c has one migration per step. */
#define WP_I_LEDGER_SCHEMA_VERSION 1
/* How long a writer waits for another one before giving up, in milliseconds. */
#define WP_I_LEDGER_BUSY_MS 10000

struct WpLedger {
    sqlite3 *db;  /* owned; closed by wp_ledger_close() */
    char *origin; /* the file's display name, the prefix of every error */
    char *user;   /* the OS user, the default recorded_by */
};

/* Sets @error from the database's last error: "ORIGIN: WHAT: sqlite's message" (busy beyond the
 * timeout says so). Returns FALSE. */
gboolean wp_i_ledger_fail(WpLedger *ledger, const char *what, GError **error);
/* Prepares @sql (a constant). Returns: the statement, or NULL with @error set */
sqlite3_stmt *wp_i_ledger_prepare(WpLedger *ledger, const char *sql, GError **error);
/* Steps a statement that returns no rows. */
gboolean wp_i_ledger_step_done(WpLedger *ledger, sqlite3_stmt *st, const char *what,
                               GError **error);
/* Runs constant SQL (no parameters, no rows). */
gboolean wp_i_ledger_exec(WpLedger *ledger, const char *sql, const char *what, GError **error);
/* BEGIN IMMEDIATE (takes the write lock now, so a read-check-write cannot interleave with
 * another writer's), COMMIT, ROLLBACK (never fails: an error is already being reported). */
gboolean wp_i_ledger_begin(WpLedger *ledger, GError **error);
gboolean wp_i_ledger_commit(WpLedger *ledger, GError **error);
void wp_i_ledger_rollback(WpLedger *ledger);

/* Brings the schema to WP_I_LEDGER_SCHEMA_VERSION inside one write transaction; refuses a
 * database written by a newer warmpath. (schema.c) */
gboolean wp_i_ledger_migrate(WpLedger *ledger, GError **error);

/* Binds text that may be NULL (as SQL NULL), copied by SQLite. */
void wp_i_ledger_bind_text(sqlite3_stmt *st, int column, const char *text);
/* A text column as an owned string, NULL for SQL NULL. */
char *wp_i_ledger_column_text(sqlite3_stmt *st, int column);

/* Reads one ask with its path and events (store.c); NULL with WP_ERROR_USAGE when unknown. */
WpAsk *wp_i_ledger_read_ask(WpLedger *ledger, gint64 ask_id, GError **error);
/* Appends one event to an ask whose current state is @from (checked against the kind's rules
 * and the last event's day). Inside a transaction the caller holds. */
gboolean wp_i_ledger_append_event(WpLedger *ledger, const WpAsk *ask, const WpAskEvent *event,
                                  GError **error);
/* Inserts the ask row and its path (no events); sets *@out_id. Inside the caller's
 * transaction. */
gboolean wp_i_ledger_insert_ask(WpLedger *ledger, const WpAskRequest *request, gint64 *out_id,
                                GError **error);
/* TRUE when @to may follow @from for an ask of @kind: a request follows
 * wp_ask_state_can_follow(); a given introduction only goes asked -> introduced. */
gboolean wp_i_ask_can_follow(WpAskKind kind, WpAskState from, WpAskState to);
/* "agreed, declined or no-answer" / "none: 'won' is final". Returns: (transfer full) */
char *wp_i_ask_next_states_text(WpAskKind kind, WpAskState from);
/* JSON members every ledger report writes alike (ask-json.c): @value, or null when NULL; @day
 * as YYYY-MM-DD, or null for WP_DAY_NONE. */
void wp_i_json_member_text(JsonBuilder *b, const char *name, const char *value);
void wp_i_json_member_day(JsonBuilder *b, const char *name, WpDay day);
/* @usec (microseconds since the epoch) as "YYYY-MM-DDTHH:MM:SS.uuuuuuZ". (ask-json.c) */
char *wp_i_ledger_time_text(gint64 usec);
/* Inserts an event without checking the rules (the caller did, or it is an ask's first).
 * NULL recorded_by: the OS user; recorded_at 0: now. */
gboolean wp_i_ledger_insert_event(WpLedger *ledger, gint64 ask_id, const WpAskEvent *event,
                                  GError **error);
