/* SPDX-License-Identifier: MIT */
/* The referral ledger: every ask a seller makes of a referral source, and everything that came
 * of it, as an append-only history of events in an SQLite database (DATA_DIR/ledger.db). The
 * current state of an ask is derived from its events. See docs/ledger.md.
 *
 * This header has two halves:
 *  - the history as data (WpAskState, WpAsk, WpAskEvent) and the state rules: pure, no
 *    storage, so follow-ups, metrics and learning (followups.h, metrics.h) are computed from a
 *    GPtrArray of WpAsk whether it came from a database, an import file or a test;
 *  - the store (WpLedger): open, record, list, export, import.
 *
 * Threads: a WpAsk is plain data (read by any number of threads once made). A WpLedger belongs
 * to one thread at a time; several processes and several WpLedger handles may record into one
 * database at once (SQLite WAL, a busy timeout, every change one transaction). */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "warmpath/day.h"
#include "warmpath/export.h"

G_BEGIN_DECLS

/**
 * WpAskState:
 * The states of an ask, in the order of the referral process. The exact spellings
 * (wp_ask_state_name()) are the CLI's and the JSON's: "asked", "agreed", "declined",
 * "no-answer", "introduced", "meeting", "no-response", "opportunity", "won", "lost".
 *
 *   asked → agreed | declined | no-answer
 *   agreed → introduced | no-answer
 *   introduced → meeting | no-response
 *   meeting → opportunity
 *   opportunity → won | lost
 *
 * Skipping forward along that chain is allowed (a seller may record `meeting` straight after
 * `asked`); going back or leaving a final state (declined, no-answer, no-response, won, lost)
 * is not: see wp_ask_state_can_follow().
 */
typedef enum {
    WP_ASK_ASKED,
    WP_ASK_AGREED,
    WP_ASK_DECLINED,
    WP_ASK_NO_ANSWER,
    WP_ASK_INTRODUCED,
    WP_ASK_MEETING,
    WP_ASK_NO_RESPONSE,
    WP_ASK_OPPORTUNITY,
    WP_ASK_WON,
    WP_ASK_LOST,
    WP_ASK_N_STATES
} WpAskState;

/* Time: O(1). Returns: (transfer none): the state's spelling, e.g. "no-answer" */
WP_API const char *wp_ask_state_name(WpAskState state);
/* Parses a spelling (exact, lower case). Time: O(1). Returns: FALSE for anything else */
WP_API gboolean wp_ask_state_from_name(const char *name, WpAskState *out);
/* TRUE for declined, no-answer, no-response, won and lost. Time: O(1). */
WP_API gboolean wp_ask_state_is_final(WpAskState state);
/* TRUE when an ask in @from may be moved to @to (forward along the chain above, skipping
 * allowed; never from a final state; never to `asked`). Time: O(1). */
WP_API gboolean wp_ask_state_can_follow(WpAskState from, WpAskState to);
/* The states wp_ask_state_can_follow() allows after @from, in the enum's order, written to
 * @out (room for WP_ASK_N_STATES). Time: O(1). Returns: how many */
WP_API guint wp_ask_state_next(WpAskState from, WpAskState out[WP_ASK_N_STATES]);
/* TRUE when the introduction happened: @state is introduced or a state only reachable through
 * it (meeting, no-response, opportunity, won, lost). What calibration counts as success.
 * Time: O(1). */
WP_API gboolean wp_ask_state_introduced(WpAskState state);

/**
 * WpAskKind:
 * @WP_ASK_KIND_REQUEST: the seller asked @source to introduce them to @target
 * @WP_ASK_KIND_GIVEN: the seller introduced @source to @target (a favour given: issue
 *   "Make the ask easy", "who owes you"); its states are only asked → introduced
 */
typedef enum { WP_ASK_KIND_REQUEST, WP_ASK_KIND_GIVEN } WpAskKind;

/* "request" or "given". Time: O(1). Returns: (transfer none) */
WP_API const char *wp_ask_kind_name(WpAskKind kind);

/**
 * WpLedgerPerson:
 * @id: the person's network id (people.csv `id`); never NULL
 * @name: (nullable): the name as it was when the ask was recorded
 * @company: (nullable): the company as it was then
 * A person as the ledger remembers them: they may since have left the network.
 */
typedef struct {
    char *id;
    char *name;
    char *company;
} WpLedgerPerson;

/**
 * WpAskEvent:
 * @id: the event's number in the database (0 before it is stored)
 * @state: the state the ask entered
 * @day: the day it happened (as the seller says; not before the previous event's day)
 * @has_amount: @amount is set (revenue, on won and opportunity)
 * @note: (nullable): free text
 * @recorded_by: (nullable): who recorded it (the seller's id, or the OS user)
 * @recorded_at: when it was recorded, microseconds since the epoch (g_get_real_time())
 */
typedef struct {
    gint64 id;
    WpAskState state;
    WpDay day;
    gboolean has_amount;
    double amount;
    char *note;
    char *recorded_by;
    gint64 recorded_at;
} WpAskEvent;

/**
 * WpAsk:
 * @id: the ask's number (> 0 once stored)
 * @kind: a request for an introduction, or one given
 * @seller: who asked
 * @source: the referral source asked
 * @target: the buyer
 * @at_company: (nullable): the account named with --at, as typed
 * @path: (nullable): the path's network ids at the time, seller first, target last,
 *   NULL-terminated; NULL when the ask was recorded without one (an import, a given record)
 * @probability: the path's predicted success probability at the time, or -1 when unknown
 * @draft: (nullable): the intro request text recorded with the ask (draft --record)
 * @events: (element-type WpAskEvent): the history, oldest first; the first is `asked`
 * @state: the current state: the last event's
 * @asked_on: the first event's day
 * @state_on: the last event's day
 */
typedef struct {
    gint64 id;
    WpAskKind kind;
    WpLedgerPerson seller;
    WpLedgerPerson source;
    WpLedgerPerson target;
    char *at_company;
    char **path;
    double probability;
    char *draft;
    GPtrArray *events;
    WpAskState state;
    WpDay asked_on;
    WpDay state_on;
} WpAsk;

/* Frees @ask and everything it holds; NULL is a no-op. Time: O(e) for its e events. */
WP_API void wp_ask_free(WpAsk *ask);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpAsk, wp_ask_free)
/* Time: O(e) for its e events. Returns: (transfer full): a deep copy */
WP_API WpAsk *wp_ask_copy(const WpAsk *ask);
/* The last event that put the ask in @state, or NULL. Time: O(e). Returns:
 * (transfer none) */
WP_API const WpAskEvent *wp_ask_find_event(const WpAsk *ask, WpAskState state);

/* ---- The store (src/ledger/: the only module that includes <sqlite3.h>) ----
 * One SQLite file, DATA_DIR/ledger.db (docs/ledger.md "Schema"): WAL, a 10 s busy timeout,
 * foreign keys, the schema version in PRAGMA user_version. Every change is one transaction that
 * takes the write lock before it reads what it checks (BEGIN IMMEDIATE), so two processes
 * recording on one ask cannot both pass the state check. Errors name the database file; a
 * writer that waits for another beyond the timeout fails with WP_ERROR_FAILED saying so. */

/* An open ledger database. One thread at a time; see the header comment for processes. */
typedef struct WpLedger WpLedger;

typedef enum {
    WP_LEDGER_OPEN_READ = 0,        /* a missing file fails with G_FILE_ERROR_NOENT */
    WP_LEDGER_OPEN_CREATE = 1 << 0, /* create the file and its schema when missing */
} WpLedgerOpenFlags;

/* DATA_DIR/ledger.db. Time: O(length). Returns: (transfer full) */
WP_API char *wp_ledger_path_in_folder(const char *data_dir);
/**
 * wp_ledger_open:
 * @filename: the database file
 * @flags: WP_LEDGER_OPEN_READ never creates a file (a missing one fails with
 *   G_FILE_ERROR_NOENT); WP_LEDGER_OPEN_CREATE creates it with its schema
 *
 * Opens (and, from an older schema version, migrates) a ledger. A database written by a newer
 * warmpath is refused with WP_ERROR_NOT_SUPPORTED; a file that is not a ledger fails with
 * WP_ERROR_FAILED naming it. Time: O(1) (a migration: O(size)).
 *
 * Returns: (transfer full) (nullable): the ledger; close it with wp_ledger_close()
 */
WP_API WpLedger *wp_ledger_open(const char *filename, WpLedgerOpenFlags flags, GError **error);
/* NULL is a no-op. Time: O(1). */
WP_API void wp_ledger_close(WpLedger *ledger);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpLedger, wp_ledger_close)
/* The file's display name, as errors quote it. Time: O(1). Returns: (transfer none) */
WP_API const char *wp_ledger_filename(const WpLedger *ledger);

/* The ledger of a data folder, for reading: DATA_DIR/ledger.db opened with
 * WP_LEDGER_OPEN_READ, or NULL *without* an error when the folder has none (learning and
 * follow-ups then have nothing to go on). Fails as wp_ledger_open() otherwise. Time: as
 * wp_ledger_open(). Returns: (transfer full) (nullable): the ledger, or NULL */
WP_API WpLedger *wp_ledger_open_for_folder(const char *data_dir, GError **error);

/* What recording an ask needs; the store copies it. */
typedef struct {
    WpAskKind kind;
    WpLedgerPerson seller;
    WpLedgerPerson source;
    WpLedgerPerson target;
    const char *at_company;  /* nullable */
    const char *const *path; /* nullable, NULL-terminated network ids, seller .. target */
    double probability;      /* -1 when unknown */
    const char *draft;       /* nullable */
    WpDay day;               /* the `asked` event's day */
    const char *note;        /* nullable */
    const char *recorded_by; /* nullable: the OS user */
} WpAskRequest;

/* Records a new ask and its `asked` event in one transaction (a WP_ASK_KIND_GIVEN ask has
 * happened already: `asked` and `introduced`, both on @request->day). A missing id or day, or a
 * probability outside [0, 1] and not -1, fails with WP_ERROR_USAGE. Time: O(path + events).
 * Returns: (transfer full) (nullable): the new ask, or NULL with @error set */
WP_API WpAsk *wp_ledger_record_ask(WpLedger *ledger, const WpAskRequest *request, GError **error);
/* Appends an event if wp_ask_state_can_follow() allows it (a given introduction: only
 * asked -> introduced) and @day is not before the last event's; otherwise fails with
 * WP_ERROR_USAGE naming the allowed next states, and an unknown id with WP_ERROR_USAGE too.
 * @amount (nullable) must lie in [0, 1e15). @recorded_by NULL: the OS user. The check and the
 * write are one transaction. Time: O(events of the ask). Returns: (transfer full) (nullable):
 * the ask as it now is, or NULL with @error set */
WP_API WpAsk *wp_ledger_record_event(WpLedger *ledger, gint64 ask_id, WpAskState state, WpDay day,
                                     const double *amount, const char *note,
                                     const char *recorded_by, GError **error);
/* Time: O(events of the ask). Returns: (transfer full) (nullable): the ask, or NULL with
 * WP_ERROR_USAGE for an unknown id */
WP_API WpAsk *wp_ledger_get_ask(WpLedger *ledger, gint64 ask_id, GError **error);

/* Which asks wp_ledger_list_asks() returns. */
typedef struct {
    const char *const *seller_ids; /* nullable, NULL-terminated: only asks by these sellers */
    WpDay since, until;            /* asked_on range, inclusive; WP_DAY_NONE = open. Set both
                                    * to WP_DAY_NONE explicitly: 0 is a real day */
} WpAskFilter;

/* Every ask matching @filter (NULL = all), oldest id first, with its events, read in one
 * transaction (a consistent snapshot while others write). Time: O(asks + events). Returns:
 * (transfer full) (nullable) (element-type WpAsk): an array that frees its asks, or NULL with
 * @error */
WP_API GPtrArray *wp_ledger_list_asks(WpLedger *ledger, const WpAskFilter *filter, GError **error);

/**
 * wp_ledger_export_csv:
 * @asks: (element-type WpAsk): what to export (wp_ledger_list_asks())
 *
 * The history as CSV, one row per event, oldest ask first and each ask's events in order,
 * under the header of docs/ledger.md "Export and import": ask_id, kind, seller_id,
 * seller_name, seller_company, source_id, source_name, source_company, target_id,
 * target_name, target_company, at_company, path (ids joined by " > "), probability, draft,
 * state, day, amount, note, recorded_by, recorded_at. Numbers are written with '.' in any
 * locale and read back exactly; text cells are RFC 4180 with formula cells neutralised (a
 * leading apostrophe, which wp_ledger_import_csv() removes again). Cannot fail.
 * Time: O(size of the output). Returns: (transfer full): the text
 */
WP_API char *wp_ledger_export_csv(const GPtrArray *asks);
/* {"asks": [wp_ask_to_json()...]}. Time: O(size). Returns: (transfer full) */
WP_API JsonNode *wp_ledger_export_json(const GPtrArray *asks);
/**
 * wp_ledger_import_csv:
 * @ledger: where to add the history
 * @filename: a CSV with the export's header (columns in any order; ask_id, seller_id,
 *   source_id, target_id, state and day required, the others optional; gzip is read too)
 * @n_asks: (out) (optional): how many asks were added
 * @n_events: (out) (optional): how many events were added
 *
 * Adds every ask of the file as a new ask (ask_id groups the rows of one ask; the new ids
 * follow the ledger's, in the order asks first appear, so an export imported into an empty
 * ledger keeps its ids). An ask's first row must be `asked`; each later row obeys the same
 * rules as wp_ledger_record_event(), and its ask columns must repeat the first row's. All or
 * nothing: one transaction; a bad row fails with WP_ERROR_PARSE "FILE:LINE: COLUMN: ..." and
 * nothing is added. Time: O(rows). Returns: TRUE on success
 */
WP_API gboolean wp_ledger_import_csv(WpLedger *ledger, const char *filename, guint *n_asks,
                                     guint *n_events, GError **error);

/* As wp_ledger_import_csv() for the JSON of wp_ledger_export_json() ({"asks": [ask objects with
 * their "events"]}); a bad value fails with WP_ERROR_PARSE "FILE: asks[I].events[J]: COLUMN:
 * ...". Time: O(size). Returns: TRUE on success */
WP_API gboolean wp_ledger_import_json(WpLedger *ledger, const char *filename, guint *n_asks,
                                      guint *n_events, GError **error);

/* The JSON object of an ask: at least "id", "kind", "state", "seller", "source", "target"
 * (network ids), "probability" (null when unknown), "asked_on", "state_on", people's names,
 * "events" (each: "state", "day", "amount", "note", "recorded_by", "recorded_at"). Time:
 * O(path + events). Returns: (transfer full) */
WP_API JsonNode *wp_ask_to_json(const WpAsk *ask);

G_END_DECLS
