/* SPDX-License-Identifier: MIT */
/* The ledger as CSV (one row per event) and JSON, and back: how a team moves its history in
 * from a spreadsheet and out to a CRM. An import is one transaction: all of it or none. */
#include "io/io-private.h"
#include "ledger/ledger-private.h"
#include "warmpath/text.h"

#include <math.h>
#include <string.h>

enum {
    COL_ASK_ID,
    COL_KIND,
    COL_SELLER_ID,
    COL_SELLER_NAME,
    COL_SELLER_COMPANY,
    COL_SOURCE_ID,
    COL_SOURCE_NAME,
    COL_SOURCE_COMPANY,
    COL_TARGET_ID,
    COL_TARGET_NAME,
    COL_TARGET_COMPANY,
    COL_AT_COMPANY,
    COL_PATH,
    COL_PROBABILITY,
    COL_DRAFT,
    COL_STATE,
    COL_DAY,
    COL_AMOUNT,
    COL_NOTE,
    COL_RECORDED_BY,
    COL_RECORDED_AT,
    N_COLUMNS
};

static const char *const column_names[N_COLUMNS] = {
    "ask_id",         "kind",        "seller_id",      "seller_name", "seller_company",
    "source_id",      "source_name", "source_company", "target_id",   "target_name",
    "target_company", "at_company",  "path",           "probability", "draft",
    "state",          "day",         "amount",         "note",        "recorded_by",
    "recorded_at",
};

/* The columns an import cannot do without. */
static gboolean column_required(int c)
{
    return c == COL_ASK_ID || c == COL_SELLER_ID || c == COL_SOURCE_ID || c == COL_TARGET_ID ||
           c == COL_STATE || c == COL_DAY;
}

#define PATH_SEPARATOR " > "

/* @x in the shortest of "%.15g" and "%.17g" that reads back as exactly @x, with '.' in any
 * locale. */
static void append_number(GString *out, double x)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd(buf, sizeof buf, "%.15g", x);
    if (g_ascii_strtod(buf, NULL) != x)
        g_ascii_formatd(buf, sizeof buf, "%.17g", x);
    g_string_append(out, buf);
}

static void append_row(GString *out, const WpAsk *a, const WpAskEvent *e)
{
    g_string_append_printf(out, "%" G_GINT64_FORMAT ",%s", a->id, wp_ask_kind_name(a->kind));
    const WpLedgerPerson *people[] = {&a->seller, &a->source, &a->target};
    for (guint p = 0; p < 3; p++) {
        const char *cells[] = {people[p]->id, people[p]->name, people[p]->company};
        for (guint c = 0; c < 3; c++) {
            g_string_append_c(out, ',');
            wp_csv_append_cell(out, cells[c]);
        }
    }
    g_string_append_c(out, ',');
    wp_csv_append_cell(out, a->at_company);
    g_string_append_c(out, ',');
    g_autofree char *path = a->path ? g_strjoinv(PATH_SEPARATOR, a->path) : NULL;
    wp_csv_append_cell(out, path);
    g_string_append_c(out, ',');
    if (a->probability >= 0)
        append_number(out, a->probability);
    g_string_append_c(out, ',');
    wp_csv_append_cell(out, a->draft);
    char day[11];
    wp_day_format(e->day, day);
    g_string_append_printf(out, ",%s,%s,", wp_ask_state_name(e->state), day);
    if (e->has_amount)
        append_number(out, e->amount);
    g_string_append_c(out, ',');
    wp_csv_append_cell(out, e->note);
    g_string_append_c(out, ',');
    wp_csv_append_cell(out, e->recorded_by);
    g_autofree char *at = wp_i_ledger_time_text(e->recorded_at);
    g_string_append_printf(out, ",%s\r\n", at);
}

char *wp_ledger_export_csv(const GPtrArray *asks)
{
    GString *out = g_string_new(NULL);
    for (guint c = 0; c < N_COLUMNS; c++)
        g_string_append_printf(out, "%s%s", c ? "," : "", column_names[c]);
    g_string_append(out, "\r\n");
    for (guint i = 0; asks != NULL && i < asks->len; i++) {
        const WpAsk *a = g_ptr_array_index(asks, i);
        for (guint e = 0; a->events != NULL && e < a->events->len; e++)
            append_row(out, a, g_ptr_array_index(a->events, e));
    }
    return g_string_free(out, FALSE);
}

JsonNode *wp_ledger_export_json(const GPtrArray *asks)
{
    JsonArray *array = json_array_new();
    for (guint i = 0; asks != NULL && i < asks->len; i++)
        json_array_add_element(array, wp_ask_to_json(g_ptr_array_index(asks, i)));
    JsonObject *o = json_object_new();
    json_object_set_array_member(o, "asks", array);
    JsonNode *root = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(root, o);
    return root;
}

/* ---- Import ---- */

/* A row's cells by column; NULL for an empty or absent cell. Owned. */
typedef struct {
    char *v[N_COLUMNS];
} Cells;

static void cells_free(Cells *c)
{
    for (int i = 0; c != NULL && i < N_COLUMNS; i++)
        g_free(c->v[i]);
    g_free(c);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Cells, cells_free)

/* An ask of the file, as far as it has been read. */
typedef struct {
    WpAsk current; /* id (new), kind, state, state_on: what the next row is checked against */
    Cells *fields; /* the first row's cells (owned), which later rows' ask columns repeat */
    guint64 line;  /* the first row's line */
} FileAsk;

static void file_ask_free(gpointer data)
{
    FileAsk *f = data;
    cells_free(f->fields);
    g_free(f);
}

typedef struct {
    WpLedger *ledger;
    const char *origin;
    int column[N_COLUMNS]; /* field index of each column, or -1 */
    gboolean header_seen;
    GHashTable *asks; /* file ask_id (owned) -> FileAsk */
    guint n_asks, n_events;
    const char *json_where; /* a JSON import: where the row is, e.g. "asks[2].events[1]" */
} Import;

static gboolean fail_row(const Import *im, guint64 line, int column, GError **error,
                         const char *format, ...) G_GNUC_PRINTF(5, 6);

static gboolean fail_row(const Import *im, guint64 line, int column, GError **error,
                         const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *what = g_strdup_vprintf(format, args);
    va_end(args);
    if (im->json_where != NULL)
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: %s: %s: %s", im->origin, im->json_where,
                    column_names[column], what);
    else
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%" G_GUINT64_FORMAT ": %s: %s", im->origin,
                    line, column_names[column], what);
    return FALSE;
}

static gboolean read_header(Import *im, const WpCsvRecord *record, GError **error)
{
    g_auto(GStrv) names = wp_i_csv_header_names(record, im->origin, error);
    if (names == NULL)
        return FALSE;
    for (int c = 0; c < N_COLUMNS; c++)
        im->column[c] = wp_i_csv_column(names, column_names[c]);
    for (guint f = 0; names[f] != NULL; f++) {
        gboolean known = FALSE;
        for (int c = 0; c < N_COLUMNS; c++)
            known |= strcmp(names[f], column_names[c]) == 0;
        if (!known) {
            g_autofree char *shown = wp_text_excerpt(names[f]);
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": unknown column '%s' (docs/ledger.md lists the "
                        "columns)",
                        im->origin, record->line, shown);
            return FALSE;
        }
    }
    for (int c = 0; c < N_COLUMNS; c++)
        if (column_required(c) && im->column[c] < 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%" G_GUINT64_FORMAT ": no column '%s'",
                        im->origin, record->line, column_names[c]);
            return FALSE;
        }
    im->header_seen = TRUE;
    return TRUE;
}

/* The cells of a row by column (NULL for an empty or absent cell), with the apostrophe export
 * put before a formula-like cell taken off again. */
static Cells *row_cells(const Import *im, const WpCsvRecord *record)
{
    Cells *cells = g_new0(Cells, 1);
    for (int c = 0; c < N_COLUMNS; c++) {
        int f = im->column[c];
        const char *v = f >= 0 && (guint)f < record->n_fields ? record->fields[f] : NULL;
        if (v == NULL || v[0] == '\0')
            continue;
        if (v[0] == '\'' && v[1] != '\0' && strchr("=+-@\t\r", v[1]) != NULL)
            v++;
        cells->v[c] = g_strdup(v);
    }
    return cells;
}

static gboolean parse_number(const Import *im, guint64 line, int column, const char *text,
                             double max, double *out, GError **error)
{
    char *end = NULL;
    double x = g_ascii_strtod(text, &end);
    if (end == text || *end != '\0' || !isfinite(x) || x < 0 || x > max) {
        g_autofree char *shown = wp_text_excerpt(text);
        return fail_row(im, line, column, error, "'%s' is not a number from 0 to %g", shown, max);
    }
    *out = x;
    return TRUE;
}

static gboolean parse_time(const Import *im, guint64 line, const char *text, gint64 *out,
                           GError **error)
{
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc();
    g_autoptr(GDateTime) t = g_date_time_new_from_iso8601(text, utc);
    if (t == NULL) {
        g_autofree char *shown = wp_text_excerpt(text);
        return fail_row(im, line, COL_RECORDED_AT, error,
                        "'%s' is not a time such as 2026-11-02T09:30:00Z", shown);
    }
    *out = g_date_time_to_unix(t) * G_USEC_PER_SEC + g_date_time_get_microsecond(t);
    return TRUE;
}

/* The event a row describes. Strings borrowed from @row. */
static gboolean row_event(const Import *im, guint64 line, Cells *row, WpAskEvent *e, GError **error)
{
    if (!wp_ask_state_from_name(row->v[COL_STATE], &e->state)) {
        g_autofree char *shown = wp_text_excerpt(row->v[COL_STATE] ? row->v[COL_STATE] : "");
        return fail_row(im, line, COL_STATE, error,
                        "'%s' is not a state (asked, agreed, declined, no-answer, introduced, "
                        "meeting, no-response, opportunity, won, lost)",
                        shown);
    }
    if (row->v[COL_DAY] == NULL || !wp_day_parse(row->v[COL_DAY], &e->day)) {
        g_autofree char *shown = wp_text_excerpt(row->v[COL_DAY] ? row->v[COL_DAY] : "");
        return fail_row(im, line, COL_DAY, error, "'%s' is not a date YYYY-MM-DD", shown);
    }
    e->has_amount = row->v[COL_AMOUNT] != NULL;
    if (e->has_amount &&
        !parse_number(im, line, COL_AMOUNT, row->v[COL_AMOUNT], 1e15, &e->amount, error))
        return FALSE;
    e->note = row->v[COL_NOTE];
    e->recorded_by = row->v[COL_RECORDED_BY];
    e->recorded_at = g_get_real_time();
    return row->v[COL_RECORDED_AT] == NULL ||
           parse_time(im, line, row->v[COL_RECORDED_AT], &e->recorded_at, error);
}

/* A new ask from its first row: checks the ask columns and inserts it. */
static gboolean start_ask(Import *im, guint64 line, Cells *row, FileAsk *f, GError **error)
{
    for (int c = COL_SELLER_ID; c <= COL_TARGET_ID; c += 3)
        if (row->v[c] == NULL)
            return fail_row(im, line, c, error, "empty");
    WpAskRequest r = {.kind = WP_ASK_KIND_REQUEST, .probability = -1};
    if (row->v[COL_KIND] != NULL && strcmp(row->v[COL_KIND], "given") == 0)
        r.kind = WP_ASK_KIND_GIVEN;
    else if (row->v[COL_KIND] != NULL && strcmp(row->v[COL_KIND], "request") != 0)
        return fail_row(im, line, COL_KIND, error, "expected 'request' or 'given'");
    if (row->v[COL_PROBABILITY] != NULL &&
        !parse_number(im, line, COL_PROBABILITY, row->v[COL_PROBABILITY], 1, &r.probability, error))
        return FALSE;
    WpLedgerPerson *people[] = {&r.seller, &r.source, &r.target};
    for (int p = 0; p < 3; p++)
        *people[p] =
            (WpLedgerPerson){row->v[COL_SELLER_ID + 3 * p], row->v[COL_SELLER_NAME + 3 * p],
                             row->v[COL_SELLER_COMPANY + 3 * p]};
    r.at_company = row->v[COL_AT_COMPANY];
    r.draft = row->v[COL_DRAFT];
    g_auto(GStrv) path = row->v[COL_PATH] ? g_strsplit(row->v[COL_PATH], PATH_SEPARATOR, -1) : NULL;
    r.path = (const char *const *)path;
    for (guint i = 0; path != NULL && path[i] != NULL; i++)
        if (path[i][0] == '\0')
            return fail_row(im, line, COL_PATH, error, "an empty id in the path");
    if (path != NULL && (g_strv_length(path) < 2 || strcmp(path[0], r.seller.id) != 0 ||
                         strcmp(path[g_strv_length(path) - 1], r.target.id) != 0))
        return fail_row(im, line, COL_PATH, error,
                        "a path runs from the seller to the target, ids joined by ' > '");
    f->current.kind = r.kind;
    f->current.state = WP_ASK_ASKED;
    f->line = line;
    return wp_i_ledger_insert_ask(im->ledger, &r, &f->current.id, error);
}

/* A later row of an ask repeats its ask columns. */
static gboolean check_same_ask(const Import *im, guint64 line, Cells *row, const FileAsk *f,
                               GError **error)
{
    for (int c = COL_KIND; c <= COL_DRAFT; c++)
        if (g_strcmp0(row->v[c], f->fields->v[c]) != 0)
            return fail_row(im, line, c, error,
                            "differs from line %" G_GUINT64_FORMAT ", the first row of ask '%s'",
                            f->line, row->v[COL_ASK_ID]);
    return TRUE;
}

/* A later row of an ask: the same ask columns, and an event the rules allow after the last. */
static gboolean continue_ask(Import *im, guint64 line, Cells *row, FileAsk *f, const WpAskEvent *e,
                             GError **error)
{
    if (!check_same_ask(im, line, row, f, error))
        return FALSE;
    g_autoptr(GError) rule = NULL;
    if (!wp_i_ledger_append_event(im->ledger, &f->current, e, &rule)) {
        if (rule->domain == WP_ERROR && rule->code == WP_ERROR_USAGE)
            return fail_row(im, line, COL_STATE, error, "%s", rule->message);
        g_propagate_error(error, g_steal_pointer(&rule));
        return FALSE;
    }
    return TRUE;
}

/* One event of the file (@line 0 in a JSON import), its ask's columns beside it. Takes @row. */
static gboolean on_row(Import *im, guint64 line, Cells *taken, GError **error)
{
    g_autoptr(Cells) row = taken;
    if (row->v[COL_ASK_ID] == NULL)
        return fail_row(im, line, COL_ASK_ID, error, "empty");
    WpAskEvent e = {0};
    if (!row_event(im, line, row, &e, error))
        return FALSE;
    FileAsk *f = g_hash_table_lookup(im->asks, row->v[COL_ASK_ID]);
    if (f != NULL) {
        if (!continue_ask(im, line, row, f, &e, error))
            return FALSE;
    } else {
        if (e.state != WP_ASK_ASKED)
            return fail_row(im, line, COL_STATE, error,
                            "the first row of ask '%s' must be 'asked', not '%s'",
                            row->v[COL_ASK_ID], row->v[COL_STATE]);
        f = g_new0(FileAsk, 1);
        g_hash_table_insert(im->asks, g_strdup(row->v[COL_ASK_ID]), f);
        if (!start_ask(im, line, row, f, error) ||
            !wp_i_ledger_insert_event(im->ledger, f->current.id, &e, error))
            return FALSE;
        f->fields = g_steal_pointer(&row);
        im->n_asks++;
    }
    f->current.state = e.state;
    f->current.state_on = e.day;
    im->n_events++;
    return TRUE;
}

static gboolean on_record(const WpCsvRecord *record, gpointer data, GError **error)
{
    Import *im = data;
    if (!im->header_seen)
        return read_header(im, record, error);
    return on_row(im, record->line, row_cells(im, record), error);
}

/* Runs @read inside one write transaction: all of the file or nothing. */
static gboolean import_all(WpLedger *ledger, Import *im,
                           gboolean (*read)(Import *im, gpointer data, GError **error),
                           gpointer data, guint *n_asks, guint *n_events, GError **error)
{
    im->ledger = ledger;
    im->asks = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, file_ask_free);
    gboolean ok = wp_i_ledger_begin(ledger, error) && read(im, data, error);
    if (ok)
        ok = wp_i_ledger_commit(ledger, error);
    else
        wp_i_ledger_rollback(ledger);
    g_hash_table_unref(im->asks);
    if (ok && n_asks != NULL)
        *n_asks = im->n_asks;
    if (ok && n_events != NULL)
        *n_events = im->n_events;
    return ok;
}

static gboolean read_csv(Import *im, gpointer reader, GError **error)
{
    if (!wp_i_csv_read(reader, on_record, NULL, im, error))
        return FALSE;
    if (!im->header_seen) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: empty file: no header", im->origin);
        return FALSE;
    }
    return TRUE;
}

gboolean wp_ledger_import_csv(WpLedger *ledger, const char *filename, guint *n_asks,
                              guint *n_events, GError **error)
{
    g_return_val_if_fail(ledger != NULL && filename != NULL, FALSE);
    g_autoptr(WpLineReader) reader = wp_i_lines_open(filename, error);
    if (reader == NULL)
        return FALSE;
    Import im = {.origin = wp_i_lines_origin(reader)};
    return import_all(ledger, &im, read_csv, reader, n_asks, n_events, error);
}

/* A member as text the way the CSV holds it: strings as they are, numbers with '.', null and
 * absent as NULL, a path array joined by " > ". FALSE for anything else. */
static gboolean json_cell(JsonObject *o, const char *member, char **out)
{
    JsonNode *node = json_object_get_member(o, member);
    *out = NULL;
    if (node == NULL || JSON_NODE_HOLDS_NULL(node))
        return TRUE;
    if (JSON_NODE_HOLDS_ARRAY(node)) {
        JsonArray *a = json_node_get_array(node);
        g_autoptr(GPtrArray) parts = g_ptr_array_new();
        for (guint i = 0; i < json_array_get_length(a); i++) {
            JsonNode *e = json_array_get_element(a, i);
            if (json_node_get_value_type(e) != G_TYPE_STRING)
                return FALSE;
            g_ptr_array_add(parts, (gpointer)json_node_get_string(e));
        }
        g_ptr_array_add(parts, NULL);
        *out = g_strjoinv(PATH_SEPARATOR, (char **)parts->pdata);
        return TRUE;
    }
    if (!JSON_NODE_HOLDS_VALUE(node))
        return FALSE;
    GType type = json_node_get_value_type(node);
    if (type == G_TYPE_STRING) {
        const char *text = json_node_get_string(node);
        *out = text[0] != '\0' ? g_strdup(text) : NULL;
    } else if (type == G_TYPE_INT64) {
        *out = g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(node));
    } else if (type == G_TYPE_DOUBLE) {
        GString *num = g_string_new(NULL);
        append_number(num, json_node_get_double(node));
        *out = g_string_free(num, FALSE);
    } else {
        return FALSE;
    }
    return TRUE;
}

/* The JSON member each column comes from: the ask object's, or (state to recorded_at) the
 * event's. */
static const char *const json_members[N_COLUMNS] = {
    "id",
    "kind",
    "seller",
    "seller_name",
    "seller_company",
    "source",
    "source_name",
    "source_company",
    "target",
    "target_name",
    "target_company",
    "at_company",
    "path",
    "probability",
    "draft",
    "state",
    "day",
    "amount",
    "note",
    "recorded_by",
    "recorded_at",
};

static gboolean json_event(Import *im, JsonObject *ask, JsonObject *event, GError **error)
{
    g_autoptr(Cells) row = g_new0(Cells, 1);
    for (int c = 0; c < N_COLUMNS; c++)
        if (!json_cell(c >= COL_STATE ? event : ask, json_members[c], &row->v[c]))
            return fail_row(im, 0, c, error, "expected text, a number or null in '%s'",
                            json_members[c]);
    return on_row(im, 0, g_steal_pointer(&row), error);
}

static gboolean read_json(Import *im, gpointer root_node, GError **error)
{
    JsonNode *root = root_node;
    JsonObject *top = JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
    JsonNode *asks = top ? json_object_get_member(top, "asks") : NULL;
    if (asks == NULL || !JSON_NODE_HOLDS_ARRAY(asks)) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s: expected an object {\"asks\": [...]} as 'ledger export --format json' "
                    "writes",
                    im->origin);
        return FALSE;
    }
    JsonArray *list = json_node_get_array(asks);
    for (guint i = 0; i < json_array_get_length(list); i++) {
        JsonNode *a = json_array_get_element(list, i);
        JsonNode *events = JSON_NODE_HOLDS_OBJECT(a)
                               ? json_object_get_member(json_node_get_object(a), "events")
                               : NULL;
        g_autofree char *where = g_strdup_printf("asks[%u]", i);
        if (events == NULL || !JSON_NODE_HOLDS_ARRAY(events)) {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s: %s: expected an ask object with "
                        "\"events\": [...]",
                        im->origin, where);
            return FALSE;
        }
        JsonArray *ev = json_node_get_array(events);
        for (guint e = 0; e < json_array_get_length(ev); e++) {
            g_autofree char *at = g_strdup_printf("asks[%u].events[%u]", i, e);
            im->json_where = at;
            JsonNode *event = json_array_get_element(ev, e);
            if (!JSON_NODE_HOLDS_OBJECT(event)) {
                g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: %s: expected an event object",
                            im->origin, at);
                return FALSE;
            }
            if (!json_event(im, json_node_get_object(a), json_node_get_object(event), error))
                return FALSE;
            im->json_where = NULL;
        }
    }
    return TRUE;
}

gboolean wp_ledger_import_json(WpLedger *ledger, const char *filename, guint *n_asks,
                               guint *n_events, GError **error)
{
    g_return_val_if_fail(ledger != NULL && filename != NULL, FALSE);
    g_autofree char *origin = g_filename_display_name(filename);
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!g_file_get_contents(filename, &text, &len, error))
        return FALSE;
    g_autoptr(JsonParser) parser = json_parser_new();
    g_autoptr(GError) local = NULL;
    if (!json_parser_load_from_data(parser, text, (gssize)len, &local)) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: %s", origin, local->message);
        return FALSE;
    }
    Import im = {.origin = origin};
    return import_all(ledger, &im, read_json, json_parser_get_root(parser), n_asks, n_events,
                      error);
}
