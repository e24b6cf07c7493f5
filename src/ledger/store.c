/* SPDX-License-Identifier: MIT */
/* Recording asks and events, and reading them back: every change is one write transaction,
 * taken before the state it depends on is read, so two processes cannot both pass a check. */
#include "ledger/ledger-private.h"

#include <string.h>

gboolean wp_i_ask_can_follow(WpAskKind kind, WpAskState from, WpAskState to)
{
    if (kind == WP_ASK_KIND_GIVEN)
        return from == WP_ASK_ASKED && to == WP_ASK_INTRODUCED;
    return wp_ask_state_can_follow(from, to);
}

char *wp_i_ask_next_states_text(WpAskKind kind, WpAskState from)
{
    GString *out = g_string_new(NULL);
    for (guint s = 0; s < WP_ASK_N_STATES; s++)
        if (wp_i_ask_can_follow(kind, from, (WpAskState)s))
            g_string_append_printf(out, "%s%s", out->len ? ", " : "",
                                   wp_ask_state_name((WpAskState)s));
    if (out->len == 0)
        g_string_append_printf(out, "none: '%s' is final", wp_ask_state_name(from));
    return g_string_free(out, FALSE);
}

static void event_free(gpointer data)
{
    WpAskEvent *e = data;
    g_free(e->note);
    g_free(e->recorded_by);
    g_free(e);
}

/* ---- Writing ---- */

gboolean wp_i_ledger_insert_ask(WpLedger *ledger, const WpAskRequest *r, gint64 *out_id,
                                GError **error)
{
    g_autoptr(sqlite3_stmt) st = wp_i_ledger_prepare(
        ledger,
        "INSERT INTO asks (kind, seller_id, seller_name, seller_company, source_id, source_name,"
        " source_company, target_id, target_name, target_company, at_company, probability, draft)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        error);
    if (st == NULL)
        return FALSE;
    const WpLedgerPerson *people[] = {&r->seller, &r->source, &r->target};
    wp_i_ledger_bind_text(st, 1, wp_ask_kind_name(r->kind));
    for (int p = 0; p < 3; p++) {
        wp_i_ledger_bind_text(st, 2 + 3 * p, people[p]->id);
        wp_i_ledger_bind_text(st, 3 + 3 * p, people[p]->name);
        wp_i_ledger_bind_text(st, 4 + 3 * p, people[p]->company);
    }
    wp_i_ledger_bind_text(st, 11, r->at_company);
    if (r->probability >= 0)
        sqlite3_bind_double(st, 12, r->probability);
    wp_i_ledger_bind_text(st, 13, r->draft);
    if (!wp_i_ledger_step_done(ledger, st, "recording the ask", error))
        return FALSE;
    gint64 id = sqlite3_last_insert_rowid(ledger->db);
    g_autoptr(sqlite3_stmt) hop = wp_i_ledger_prepare(
        ledger, "INSERT INTO ask_path (ask, hop, person_id) VALUES (?, ?, ?)", error);
    if (hop == NULL)
        return FALSE;
    for (guint i = 0; r->path != NULL && r->path[i] != NULL; i++) {
        sqlite3_reset(hop);
        sqlite3_bind_int64(hop, 1, id);
        sqlite3_bind_int(hop, 2, (int)i);
        wp_i_ledger_bind_text(hop, 3, r->path[i]);
        if (!wp_i_ledger_step_done(ledger, hop, "recording the ask's path", error))
            return FALSE;
    }
    *out_id = id;
    return TRUE;
}

/* The rules an event must obey, whoever records it (a command or an import). */
static gboolean check_event(WpLedger *ledger, const WpAsk *ask, const WpAskEvent *e, GError **error)
{
    if (!wp_i_ask_can_follow(ask->kind, ask->state, e->state)) {
        g_autofree char *next = wp_i_ask_next_states_text(ask->kind, ask->state);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "ask %" G_GINT64_FORMAT " is '%s'%s: it cannot become '%s' (next: %s)", ask->id,
                    wp_ask_state_name(ask->state),
                    ask->kind == WP_ASK_KIND_GIVEN ? " (an introduction given)" : "",
                    wp_ask_state_name(e->state), next);
        return FALSE;
    }
    if (e->day < ask->state_on) {
        char day[11], last[11];
        wp_day_format(e->day, day);
        wp_day_format(ask->state_on, last);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "ask %" G_GINT64_FORMAT ": %s is before its last event ('%s' on %s)", ask->id,
                    day, wp_ask_state_name(ask->state), last);
        return FALSE;
    }
    if (e->has_amount && !(e->amount >= 0 && e->amount < 1e15)) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "ask %" G_GINT64_FORMAT ": amount must be a number from 0 to 1e15", ask->id);
        return FALSE;
    }
    (void)ledger;
    return TRUE;
}

gboolean wp_i_ledger_insert_event(WpLedger *ledger, gint64 ask_id, const WpAskEvent *e,
                                  GError **error)
{
    g_autoptr(sqlite3_stmt) st = wp_i_ledger_prepare(
        ledger,
        "INSERT INTO events (ask, state, day, amount, note, recorded_by, recorded_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        error);
    if (st == NULL)
        return FALSE;
    char day[11];
    wp_day_format(e->day, day);
    sqlite3_bind_int64(st, 1, ask_id);
    wp_i_ledger_bind_text(st, 2, wp_ask_state_name(e->state));
    wp_i_ledger_bind_text(st, 3, day);
    if (e->has_amount)
        sqlite3_bind_double(st, 4, e->amount);
    wp_i_ledger_bind_text(st, 5, e->note);
    wp_i_ledger_bind_text(st, 6, e->recorded_by ? e->recorded_by : ledger->user);
    sqlite3_bind_int64(st, 7, e->recorded_at ? e->recorded_at : g_get_real_time());
    return wp_i_ledger_step_done(ledger, st, "recording the event", error);
}

gboolean wp_i_ledger_append_event(WpLedger *ledger, const WpAsk *ask, const WpAskEvent *event,
                                  GError **error)
{
    return check_event(ledger, ask, event, error) &&
           wp_i_ledger_insert_event(ledger, ask->id, event, error);
}

static gboolean check_request(const WpAskRequest *r, GError **error)
{
    const char *missing = r->seller.id == NULL   ? "seller"
                          : r->source.id == NULL ? "source"
                          : r->target.id == NULL ? "target"
                                                 : NULL;
    if (missing != NULL) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "an ask needs a %s id", missing);
        return FALSE;
    }
    if (r->day == WP_DAY_NONE) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "an ask needs a day");
        return FALSE;
    }
    if (!(r->probability == -1 || (r->probability >= 0 && r->probability <= 1))) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "an ask's probability must lie in [0, 1] (or be -1: unknown)");
        return FALSE;
    }
    return TRUE;
}

/* The events an ask starts with: `asked`; a given introduction has happened already, so it is
 * recorded as asked and introduced on the same day. */
static gboolean insert_first_events(WpLedger *ledger, gint64 id, const WpAskRequest *r,
                                    GError **error)
{
    WpAskEvent e = {.state = WP_ASK_ASKED,
                    .day = r->day,
                    .note = (char *)r->note,
                    .recorded_by = (char *)r->recorded_by};
    if (!wp_i_ledger_insert_event(ledger, id, &e, error))
        return FALSE;
    if (r->kind != WP_ASK_KIND_GIVEN)
        return TRUE;
    e.state = WP_ASK_INTRODUCED;
    e.note = NULL;
    return wp_i_ledger_insert_event(ledger, id, &e, error);
}

WpAsk *wp_ledger_record_ask(WpLedger *ledger, const WpAskRequest *request, GError **error)
{
    g_return_val_if_fail(ledger != NULL && request != NULL, NULL);
    if (!check_request(request, error) || !wp_i_ledger_begin(ledger, error))
        return NULL;
    gint64 id = 0;
    g_autoptr(WpAsk) ask = NULL;
    if (wp_i_ledger_insert_ask(ledger, request, &id, error) &&
        insert_first_events(ledger, id, request, error))
        ask = wp_i_ledger_read_ask(ledger, id, error);
    if (ask == NULL || !wp_i_ledger_commit(ledger, error)) {
        wp_i_ledger_rollback(ledger);
        return NULL;
    }
    return g_steal_pointer(&ask);
}

WpAsk *wp_ledger_record_event(WpLedger *ledger, gint64 ask_id, WpAskState state, WpDay day,
                              const double *amount, const char *note, const char *recorded_by,
                              GError **error)
{
    g_return_val_if_fail(ledger != NULL, NULL);
    WpAskEvent e = {.state = state,
                    .day = day,
                    .has_amount = amount != NULL,
                    .amount = amount ? *amount : 0,
                    .note = (char *)note,
                    .recorded_by = (char *)recorded_by};
    if (day == WP_DAY_NONE) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "an event needs a day");
        return NULL;
    }
    if (!wp_i_ledger_begin(ledger, error))
        return NULL;
    g_autoptr(WpAsk) before = wp_i_ledger_read_ask(ledger, ask_id, error);
    g_autoptr(WpAsk) after = NULL;
    if (before != NULL && wp_i_ledger_append_event(ledger, before, &e, error))
        after = wp_i_ledger_read_ask(ledger, ask_id, error);
    if (after == NULL || !wp_i_ledger_commit(ledger, error)) {
        wp_i_ledger_rollback(ledger);
        return NULL;
    }
    return g_steal_pointer(&after);
}

/* ---- Reading ---- */

/* Reads asks (all with @ask_id 0, else that one) into @asks, in id order, indexed by id in
 * @by_id (borrowed values). */
static gboolean read_asks(WpLedger *ledger, gint64 ask_id, GPtrArray *asks, GHashTable *by_id,
                          GError **error)
{
    g_autoptr(sqlite3_stmt) st = wp_i_ledger_prepare(
        ledger,
        "SELECT id, kind, seller_id, seller_name, seller_company, source_id, source_name,"
        " source_company, target_id, target_name, target_company, at_company, probability, draft"
        " FROM asks WHERE ?1 = 0 OR id = ?1 ORDER BY id",
        error);
    if (st == NULL)
        return FALSE;
    sqlite3_bind_int64(st, 1, ask_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        WpAsk *ask = g_new0(WpAsk, 1);
        ask->id = sqlite3_column_int64(st, 0);
        const char *kind = (const char *)sqlite3_column_text(st, 1);
        ask->kind = kind && strcmp(kind, "given") == 0 ? WP_ASK_KIND_GIVEN : WP_ASK_KIND_REQUEST;
        WpLedgerPerson *people[] = {&ask->seller, &ask->source, &ask->target};
        for (int p = 0; p < 3; p++) {
            people[p]->id = wp_i_ledger_column_text(st, 2 + 3 * p);
            people[p]->name = wp_i_ledger_column_text(st, 3 + 3 * p);
            people[p]->company = wp_i_ledger_column_text(st, 4 + 3 * p);
        }
        ask->at_company = wp_i_ledger_column_text(st, 11);
        ask->probability =
            sqlite3_column_type(st, 12) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 12);
        ask->draft = wp_i_ledger_column_text(st, 13);
        ask->events = g_ptr_array_new_with_free_func(event_free);
        ask->state_on = ask->asked_on = WP_DAY_NONE;
        g_ptr_array_add(asks, ask);
        g_hash_table_insert(by_id, &ask->id, ask);
    }
    return rc == SQLITE_DONE || wp_i_ledger_fail(ledger, "reading asks", error);
}

static gboolean read_paths(WpLedger *ledger, gint64 ask_id, GHashTable *by_id, GError **error)
{
    g_autoptr(sqlite3_stmt) st = wp_i_ledger_prepare(
        ledger, "SELECT ask, person_id FROM ask_path WHERE ?1 = 0 OR ask = ?1 ORDER BY ask, hop",
        error);
    if (st == NULL)
        return FALSE;
    sqlite3_bind_int64(st, 1, ask_id);
    g_autoptr(GHashTable) hops =
        g_hash_table_new_full(g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)g_ptr_array_unref);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        gint64 id = sqlite3_column_int64(st, 0);
        WpAsk *ask = g_hash_table_lookup(by_id, &id);
        if (ask == NULL)
            continue;
        GPtrArray *list = g_hash_table_lookup(hops, &ask->id);
        if (list == NULL) {
            list = g_ptr_array_new_with_free_func(g_free); /* emptied by the steal below */
            g_hash_table_insert(hops, &ask->id, list);
        }
        g_ptr_array_add(list, wp_i_ledger_column_text(st, 1));
    }
    if (rc != SQLITE_DONE)
        return wp_i_ledger_fail(ledger, "reading paths", error);
    GHashTableIter iter;
    gpointer key, value;
    g_hash_table_iter_init(&iter, hops);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        GPtrArray *list = value;
        WpAsk *ask = g_hash_table_lookup(by_id, key);
        g_ptr_array_add(list, NULL);
        ask->path = (char **)g_ptr_array_steal(list, NULL);
    }
    return TRUE;
}

/* Fills one event from a row; a value that is not the program's own (an edit by hand) is an
 * error naming the ask. */
static gboolean read_event(WpLedger *ledger, sqlite3_stmt *st, WpAsk *ask, GError **error)
{
    g_autofree WpAskEvent *e = g_new0(WpAskEvent, 1);
    e->id = sqlite3_column_int64(st, 1);
    const char *state = (const char *)sqlite3_column_text(st, 2);
    const char *day = (const char *)sqlite3_column_text(st, 3);
    if (!wp_ask_state_from_name(state, &e->state) || day == NULL || !wp_day_parse(day, &e->day)) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s: event %" G_GINT64_FORMAT " of ask %" G_GINT64_FORMAT
                    " has a bad state or day",
                    ledger->origin, e->id, ask->id);
        return FALSE;
    }
    e->has_amount = sqlite3_column_type(st, 4) != SQLITE_NULL;
    e->amount = e->has_amount ? sqlite3_column_double(st, 4) : 0;
    e->note = wp_i_ledger_column_text(st, 5);
    e->recorded_by = wp_i_ledger_column_text(st, 6);
    e->recorded_at = sqlite3_column_int64(st, 7);
    if (ask->events->len == 0)
        ask->asked_on = e->day;
    ask->state = e->state;
    ask->state_on = e->day;
    g_ptr_array_add(ask->events, g_steal_pointer(&e));
    return TRUE;
}

static gboolean read_events(WpLedger *ledger, gint64 ask_id, GHashTable *by_id, GError **error)
{
    g_autoptr(sqlite3_stmt) st = wp_i_ledger_prepare(
        ledger,
        "SELECT ask, id, state, day, amount, note, recorded_by, recorded_at FROM events"
        " WHERE ?1 = 0 OR ask = ?1 ORDER BY ask, id",
        error);
    if (st == NULL)
        return FALSE;
    sqlite3_bind_int64(st, 1, ask_id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        gint64 id = sqlite3_column_int64(st, 0);
        WpAsk *ask = g_hash_table_lookup(by_id, &id);
        if (ask != NULL && !read_event(ledger, st, ask, error))
            return FALSE;
    }
    return rc == SQLITE_DONE || wp_i_ledger_fail(ledger, "reading events", error);
}

/* Asks (@ask_id 0: all) with their paths and events. Reads inside one transaction (the
 * caller's, or a read transaction of its own) so asks and events agree. */
static GPtrArray *read_all(WpLedger *ledger, gint64 ask_id, GError **error)
{
    gboolean own = sqlite3_get_autocommit(ledger->db);
    if (own && !wp_i_ledger_exec(ledger, "BEGIN", "reading", error))
        return NULL;
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    g_autoptr(GHashTable) by_id = g_hash_table_new(g_int64_hash, g_int64_equal);
    gboolean ok = read_asks(ledger, ask_id, asks, by_id, error) &&
                  read_paths(ledger, ask_id, by_id, error) &&
                  read_events(ledger, ask_id, by_id, error);
    if (own)
        wp_i_ledger_rollback(ledger); /* a read: nothing to commit */
    for (guint i = 0; ok && i < asks->len; i++) {
        const WpAsk *ask = g_ptr_array_index(asks, i);
        if (ask->events->len == 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s: ask %" G_GINT64_FORMAT " has no events", ledger->origin, ask->id);
            ok = FALSE;
        }
    }
    return ok ? g_steal_pointer(&asks) : NULL;
}

WpAsk *wp_i_ledger_read_ask(WpLedger *ledger, gint64 ask_id, GError **error)
{
    if (ask_id <= 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "no ask %" G_GINT64_FORMAT " in %s", ask_id,
                    ledger->origin);
        return NULL;
    }
    g_autoptr(GPtrArray) asks = read_all(ledger, ask_id, error);
    if (asks == NULL)
        return NULL;
    if (asks->len == 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "no ask %" G_GINT64_FORMAT " in %s", ask_id,
                    ledger->origin);
        return NULL;
    }
    return g_ptr_array_steal_index(asks, 0);
}

WpAsk *wp_ledger_get_ask(WpLedger *ledger, gint64 ask_id, GError **error)
{
    g_return_val_if_fail(ledger != NULL, NULL);
    return wp_i_ledger_read_ask(ledger, ask_id, error);
}

static gboolean matches(const WpAsk *ask, const WpAskFilter *f)
{
    if (f->seller_ids != NULL && !g_strv_contains(f->seller_ids, ask->seller.id))
        return FALSE;
    if (f->since != WP_DAY_NONE && ask->asked_on < f->since)
        return FALSE;
    return f->until == WP_DAY_NONE || ask->asked_on <= f->until;
}

GPtrArray *wp_ledger_list_asks(WpLedger *ledger, const WpAskFilter *filter, GError **error)
{
    g_return_val_if_fail(ledger != NULL, NULL);
    g_autoptr(GPtrArray) asks = read_all(ledger, 0, error);
    if (asks == NULL || filter == NULL)
        return g_steal_pointer(&asks);
    g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    for (guint i = 0; i < asks->len; i++)
        if (matches(g_ptr_array_index(asks, i), filter))
            g_ptr_array_add(kept, g_steal_pointer(&g_ptr_array_index(asks, i)));
    return g_steal_pointer(&kept);
}
