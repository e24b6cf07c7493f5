/* SPDX-License-Identifier: MIT */
/* Opening the ledger database, and the few calls every statement goes through, so that each
 * SQLite failure becomes one GError naming the file. */
#include "ledger/ledger-private.h"

#include <string.h>

gboolean wp_i_ledger_fail(WpLedger *ledger, const char *what, GError **error)
{
    int code = sqlite3_extended_errcode(ledger->db);
    const char *message = sqlite3_errmsg(ledger->db);
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                    "%s: %s: another process has held the ledger for more than %d s (%s); try "
                    "again",
                    ledger->origin, what, WP_I_LEDGER_BUSY_MS / 1000, message);
    else
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED, "%s: %s: %s", ledger->origin, what, message);
    return FALSE;
}

sqlite3_stmt *wp_i_ledger_prepare(WpLedger *ledger, const char *sql, GError **error)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(ledger->db, sql, -1, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        wp_i_ledger_fail(ledger, "reading", error);
        return NULL;
    }
    return st;
}

gboolean wp_i_ledger_step_done(WpLedger *ledger, sqlite3_stmt *st, const char *what, GError **error)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        return wp_i_ledger_fail(ledger, what, error);
    return TRUE;
}

gboolean wp_i_ledger_exec(WpLedger *ledger, const char *sql, const char *what, GError **error)
{
    if (sqlite3_exec(ledger->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return wp_i_ledger_fail(ledger, what, error);
    return TRUE;
}

gboolean wp_i_ledger_begin(WpLedger *ledger, GError **error)
{
    return wp_i_ledger_exec(ledger, "BEGIN IMMEDIATE", "starting a change", error);
}

gboolean wp_i_ledger_commit(WpLedger *ledger, GError **error)
{
    if (wp_i_ledger_exec(ledger, "COMMIT", "saving the change", error))
        return TRUE;
    wp_i_ledger_rollback(ledger);
    return FALSE;
}

void wp_i_ledger_rollback(WpLedger *ledger)
{
    if (!sqlite3_get_autocommit(ledger->db))
        sqlite3_exec(ledger->db, "ROLLBACK", NULL, NULL, NULL);
}

void wp_i_ledger_bind_text(sqlite3_stmt *st, int column, const char *text)
{
    if (text == NULL)
        sqlite3_bind_null(st, column);
    else
        sqlite3_bind_text(st, column, text, -1, SQLITE_TRANSIENT);
}

char *wp_i_ledger_column_text(sqlite3_stmt *st, int column)
{
    const unsigned char *text = sqlite3_column_text(st, column);
    return text ? g_strdup((const char *)text) : NULL;
}

char *wp_ledger_path_in_folder(const char *data_dir)
{
    g_return_val_if_fail(data_dir != NULL, NULL);
    return g_build_filename(data_dir, "ledger.db", NULL);
}

/* Switching a file to WAL takes it exclusively. When several connections open a new ledger
 * at once (the first writers of a data folder), SQLite refuses all but one at once instead of
 * calling the busy handler, since waiting while holding a shared lock could deadlock; so the
 * switch is retried here, with growing pauses, up to the same busy timeout. */
static int step_journal_switch(sqlite3_stmt *st)
{
    gint64 deadline = g_get_monotonic_time() + (gint64)WP_I_LEDGER_BUSY_MS * 1000;
    gulong pause_us = 500;
    int rc;
    while ((rc = sqlite3_step(st)) != SQLITE_ROW && (rc & 0xff) == SQLITE_BUSY &&
           g_get_monotonic_time() < deadline) {
        sqlite3_reset(st);
        g_usleep(pause_us);
        pause_us = MIN(pause_us * 2, 50000);
    }
    return rc;
}

/* The connection's settings: a writer waits for another instead of failing; WAL lets readers
 * go on while one writes and keeps a committed transaction through a kill; FULL sync makes it
 * survive a power cut too; foreign keys hold events to their ask. */
static gboolean configure(WpLedger *ledger, GError **error)
{
    sqlite3_busy_timeout(ledger->db, WP_I_LEDGER_BUSY_MS);
    if (!wp_i_ledger_exec(ledger, "PRAGMA foreign_keys = ON", "setting up", error))
        return FALSE;
    g_autoptr(sqlite3_stmt) st = wp_i_ledger_prepare(ledger, "PRAGMA journal_mode = WAL", error);
    if (st == NULL)
        return FALSE;
    if (step_journal_switch(st) != SQLITE_ROW)
        return wp_i_ledger_fail(ledger, "switching to WAL", error);
    const char *mode = (const char *)sqlite3_column_text(st, 0);
    if (mode == NULL || g_ascii_strcasecmp(mode, "wal") != 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                    "%s: cannot use write-ahead logging (journal mode stays '%s'); is the file on "
                    "a network file system?",
                    ledger->origin, mode ? mode : "unknown");
        return FALSE;
    }
    return wp_i_ledger_exec(ledger, "PRAGMA synchronous = FULL", "setting up", error);
}

WpLedger *wp_ledger_open(const char *filename, WpLedgerOpenFlags flags, GError **error)
{
    g_return_val_if_fail(filename != NULL, NULL);
    g_autoptr(WpLedger) ledger = g_new0(WpLedger, 1);
    ledger->origin = g_filename_display_name(filename);
    ledger->user = g_strdup(g_get_user_name());
    if (!(flags & WP_LEDGER_OPEN_CREATE) && !g_file_test(filename, G_FILE_TEST_EXISTS)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                    "%s: no ledger yet (recording an ask creates it)", ledger->origin);
        return NULL;
    }
    if (g_file_test(filename, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, "%s: is a directory, not a ledger",
                    ledger->origin);
        return NULL;
    }
    int open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (flags & WP_LEDGER_OPEN_CREATE)
        open_flags |= SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(filename, &ledger->db, open_flags, NULL) != SQLITE_OK) {
        if (ledger->db == NULL) {
            g_set_error(error, WP_ERROR, WP_ERROR_FAILED, "%s: out of memory", ledger->origin);
            return NULL;
        }
        wp_i_ledger_fail(ledger, "opening", error);
        return NULL;
    }
    sqlite3_extended_result_codes(ledger->db, 1);
    if (!configure(ledger, error) || !wp_i_ledger_migrate(ledger, error))
        return NULL;
    return g_steal_pointer(&ledger);
}

void wp_ledger_close(WpLedger *ledger)
{
    if (ledger == NULL)
        return;
    sqlite3_close_v2(ledger->db); /* NULL is a no-op; statements are finalised by their owners */
    g_free(ledger->origin);
    g_free(ledger->user);
    g_free(ledger);
}

const char *wp_ledger_filename(const WpLedger *ledger)
{
    g_return_val_if_fail(ledger != NULL, NULL);
    return ledger->origin;
}

WpLedger *wp_ledger_open_for_folder(const char *data_dir, GError **error)
{
    g_return_val_if_fail(data_dir != NULL, NULL);
    g_autofree char *file = wp_ledger_path_in_folder(data_dir);
    if (!g_file_test(file, G_FILE_TEST_EXISTS))
        return NULL;
    return wp_ledger_open(file, WP_LEDGER_OPEN_READ, error);
}
