/* SPDX-License-Identifier: MIT */
/* An import session: the data directory in memory, one export at a time merged into it (owner,
 * people, ties), the report, and saving. */
#include "import/import-private.h"

#include "io/data-folder.h"

#include <glib/gstdio.h>
#include <string.h>

struct WpImport {
    WpIPeople *people;
    WpITies *ties;
    WpImportReport report;
    GHashTable *added;    /* people rows added this session (row + 1) */
    GHashTable *updated;  /* rows of earlier people counted as updated (row + 1) */
    GHashTable *tie_rows; /* tie rows counted as added or updated this session (row + 1) */
    char *data_dir;
    WpImportOpenOptions options;
    WpFolderLock *lock; /* held from the reading of the folder to the first save */
    GPtrArray *backups; /* char *: the .bak files the last save kept, NULL-terminated */
};

static const char *const people_required[] = {WP_COLUMN_ID, NULL};
static const char *const people_fresh[] = {WP_COLUMN_ID,    WP_COLUMN_NAME, WP_COLUMN_COMPANY,
                                           WP_COLUMN_TITLE, WP_COLUMN_TEAM, "linkedin_url",
                                           "email",         "updated_on",   NULL};
static const char *const edges_fresh[] = {"source",       "target",       "strength", "type",
                                          "last_contact", "interactions", "origin",   NULL};

void wp_import_options_init(WpImportOptions *o)
{
    g_return_if_fail(o != NULL);
    *o = (WpImportOptions){0};
    o->tie_type = WP_TIE_CLIENT;
    o->exported_on = WP_DAY_NONE;
}

void wp_import_open_options_init(WpImportOpenOptions *o)
{
    g_return_if_fail(o != NULL);
    *o = (WpImportOpenOptions){FALSE, 60000, NULL, NULL};
}

/* Reads the two tables; fails as wp_import_open() documents. */
static gboolean read_tables(const char *people_file, const char *edges_file, WpITable **people,
                            WpITable **edges, GError **error)
{
    *people = wp_i_table_load(people_file, people_required, people_fresh, error);
    if (*people == NULL)
        return FALSE;
    *edges = wp_i_table_load(edges_file, NULL, edges_fresh, error);
    if (*edges == NULL)
        return FALSE;
    if (wp_i_table_find(*edges, "source") < 0 || wp_i_table_find(*edges, "target") < 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_NOT_SUPPORTED,
                    "%s:1: header: no 'source' and 'target' columns (a plain edge list?); "
                    "import extends only a ties CSV",
                    (*edges)->display);
        return FALSE;
    }
    return TRUE;
}

WpImport *wp_import_open_full(const char *data_dir, const WpImportOpenOptions *options,
                              GError **error)
{
    g_return_val_if_fail(data_dir != NULL, NULL);
    WpImportOpenOptions defaults;
    wp_import_open_options_init(&defaults);
    const WpImportOpenOptions *o = options ? options : &defaults;
    g_autofree char *people_file = g_build_filename(data_dir, "people.csv", NULL);
    g_autofree char *edges_file = g_build_filename(data_dir, "edges.csv", NULL);
    /* A writer holds the folder from before it reads; a dry run reads it whole, under the
     * readers' lock only. */
    g_autoptr(WpFolderLock) lock = NULL;
    g_autoptr(WpFolderRead) read = NULL;
    const char *files[] = {people_file, edges_file};
    if (!o->read_only)
        lock = wp_i_folder_lock(data_dir, o->lock_timeout_ms, o->on_wait, o->user_data, error);
    else
        read = wp_i_folder_read_begin(files, G_N_ELEMENTS(files), error);
    if (lock == NULL && read == NULL)
        return NULL;
    g_autoptr(WpITable) people = NULL;
    g_autoptr(WpITable) edges = NULL;
    if (!read_tables(people_file, edges_file, &people, &edges, error))
        return NULL;
    g_autoptr(WpIPeople) index = wp_i_people_new(g_steal_pointer(&people), error);
    if (index == NULL)
        return NULL;
    WpImport *imp = g_new0(WpImport, 1);
    imp->people = g_steal_pointer(&index);
    imp->ties = wp_i_ties_new(g_steal_pointer(&edges));
    wp_i_report_init(&imp->report);
    imp->added = g_hash_table_new(g_direct_hash, g_direct_equal);
    imp->updated = g_hash_table_new(g_direct_hash, g_direct_equal);
    imp->tie_rows = g_hash_table_new(g_direct_hash, g_direct_equal);
    imp->data_dir = g_strdup(data_dir);
    imp->options = *o;
    imp->lock = g_steal_pointer(&lock);
    imp->backups = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(imp->backups, NULL);
    return imp;
}

WpImport *wp_import_open(const char *data_dir, GError **error)
{
    return wp_import_open_full(data_dir, NULL, error);
}

void wp_import_free(WpImport *imp)
{
    if (imp == NULL)
        return;
    wp_i_people_free(imp->people);
    wp_i_ties_free(imp->ties);
    wp_i_report_clear(&imp->report);
    g_hash_table_unref(imp->added);
    g_hash_table_unref(imp->updated);
    g_hash_table_unref(imp->tie_rows);
    wp_i_folder_unlock(imp->lock);
    g_ptr_array_unref(imp->backups);
    g_free(imp->data_dir);
    g_free(imp);
}

const WpImportReport *wp_import_get_report(const WpImport *imp)
{
    g_return_val_if_fail(imp != NULL, NULL);
    return &imp->report;
}

/* The folder is released once saved: another import may go on while this session lives. A
 * later save takes it again, and refuses to write over changes made meanwhile. */
gboolean wp_import_save(WpImport *imp, gboolean *written, GError **error)
{
    g_return_val_if_fail(imp != NULL, FALSE);
    if (imp->options.read_only) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "the import was opened read-only");
        return FALSE;
    }
    if (imp->lock == NULL &&
        (imp->lock = wp_i_folder_lock(imp->data_dir, imp->options.lock_timeout_ms,
                                      imp->options.on_wait, imp->options.user_data, error)) == NULL)
        return FALSE;
    WpITable *tables[] = {imp->people->table, imp->ties->table};
    g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func(g_free);
    gboolean wrote = FALSE;
    gboolean ok = wp_i_folder_write(imp->lock, tables, G_N_ELEMENTS(tables), &wrote, kept, error);
    g_clear_pointer(&imp->lock, wp_i_folder_unlock);
    if (!ok)
        return FALSE;
    if (wrote) {
        g_ptr_array_set_size(imp->backups, 0);
        for (guint i = 0; i < kept->len; i++)
            g_ptr_array_add(imp->backups, g_strdup(kept->pdata[i]));
        g_ptr_array_add(imp->backups, NULL);
    }
    if (written)
        *written = wrote;
    return TRUE;
}

const char *const *wp_import_get_backups(const WpImport *imp)
{
    g_return_val_if_fail(imp != NULL, NULL);
    return (const char *const *)imp->backups->pdata;
}

/* ---- bookkeeping ---- */

static gboolean was_added(const WpImport *imp, guint row)
{
    return g_hash_table_contains(imp->added, GUINT_TO_POINTER(row + 1));
}

static void count_update(WpImport *imp, guint row)
{
    if (!was_added(imp, row) && g_hash_table_add(imp->updated, GUINT_TO_POINTER(row + 1)))
        imp->report.people_updated++;
}

static guint add_person(WpImport *imp, const WpIContact *c, const char *id, WpDay exported_on)
{
    guint row = wp_i_people_add(imp->people, c, id, exported_on);
    g_hash_table_add(imp->added, GUINT_TO_POINTER(row + 1));
    imp->report.people_added++;
    return row;
}

/* Counts a tie row once per session: as added when this session made it, else as updated. */
static void count_tie(WpImport *imp, guint row, WpITieChange change)
{
    if (change != WP_I_TIE_UNCHANGED &&
        g_hash_table_add(imp->tie_rows, GUINT_TO_POINTER(row + 1))) {
        imp->report.ties_added += change == WP_I_TIE_ADDED;
        imp->report.ties_updated += change == WP_I_TIE_UPDATED;
    }
}

/* Makes the person a seller of @team; a seller in another team stays there, and the report
 * says so (docs/import.md "Teammates"). */
static void mark_seller(WpImport *imp, const char *origin, guint row, const char *team)
{
    WpITeamChange change = wp_i_people_mark_team(imp->people, row, team);
    if (change == WP_I_TEAM_SET)
        count_update(imp, row);
    if (change != WP_I_TEAM_KEPT)
        return;
    g_autofree char *note = g_strdup_printf(
        "the seller '%s' (%s) stays in team '%s' as people.csv says; --team '%s' is not "
        "applied (edit people.csv to move a seller to another team)",
        wp_i_people_id(imp->people, row), wp_i_people_name(imp->people, row),
        wp_i_people_team(imp->people, row), team);
    wp_i_report_problem(&imp->report, origin, 0, WP_IMPORT_WARNING, note);
}

/* Two sellers of one team are colleagues, whatever else their tie says (a LinkedIn connection
 * between teammates is no weak tie): every tie between them gets the type `colleague` too.
 * Run after each file, over all ties, so the order of the sellers' exports does not matter. */
static void type_teammates(WpImport *imp, const char *origin)
{
    /* The sellers first (a few among many people): id (borrowed) -> row + 1. */
    g_autoptr(GHashTable) sellers = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint p = 0; p < wp_i_people_count(imp->people); p++)
        if (wp_i_people_team(imp->people, p) != NULL)
            g_hash_table_insert(sellers, (gpointer)wp_i_people_id(imp->people, p),
                                GUINT_TO_POINTER(p + 1));
    if (g_hash_table_size(sellers) < 2)
        return;
    g_autoptr(GString) pairs = g_string_new(NULL);
    guint n = 0;
    for (guint r = 0; r < wp_i_ties_count(imp->ties); r++) {
        guint a = GPOINTER_TO_UINT(g_hash_table_lookup(sellers, wp_i_ties_source(imp->ties, r)));
        guint b =
            a ? GPOINTER_TO_UINT(g_hash_table_lookup(sellers, wp_i_ties_target(imp->ties, r))) : 0;
        if (a == 0 || b == 0 || a == b ||
            strcmp(wp_i_people_team(imp->people, a - 1), wp_i_people_team(imp->people, b - 1)) !=
                0 ||
            !wp_i_ties_is_pair_row(imp->ties, r) || !wp_i_ties_make_colleague(imp->ties, r))
            continue;
        count_tie(imp, r, WP_I_TIE_UPDATED);
        if (n++ < 3)
            g_string_append_printf(pairs, "%s%s–%s", n > 1 ? ", " : "",
                                   wp_i_people_name(imp->people, a - 1),
                                   wp_i_people_name(imp->people, b - 1));
    }
    if (n == 0)
        return;
    g_autofree char *note = g_strdup_printf(
        "%u %s between sellers of one team typed colleague (teammates are colleagues; a "
        "LinkedIn connection date is not their last contact): %s%s",
        n, n == 1 ? "tie" : "ties", pairs->str, n > 3 ? ", ..." : "");
    wp_i_report_problem(&imp->report, origin, 0, WP_IMPORT_WARNING, note);
}

/* ---- person ids ---- */

/* `li:SLUG` from a profile, else `email:ADDRESS`, else `nc:` and 16 hex digits of the SHA-256
 * of the name key: the same row always gets the same id. A taken id gets `~2`, `~3`, ... */
static char *mint_id(const WpIPeople *p, const WpIContact *c)
{
    g_autofree char *base = NULL;
    g_autofree char *key = NULL;
    g_autofree char *canon = c->url ? wp_i_linkedin_url(c->url, &key) : NULL;
    if (key != NULL) {
        const char *slug = g_str_has_prefix(key, "in/") ? key + 3 : key + 4;
        base = g_strconcat("li:", slug, NULL);
        g_strdelimit(base, "/", '-');
    } else if (c->email != NULL) {
        base = g_strconcat("email:", c->email, NULL);
    } else {
        g_autofree char *name_key = wp_i_name_key(c->name, c->company);
        g_autofree char *hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, name_key, -1);
        base = g_strdup_printf("nc:%.16s", hash);
    }
    if (wp_i_people_find_id(p, base) == WP_I_NONE)
        return g_steal_pointer(&base);
    for (guint n = 2;; n++) {
        char *id = g_strdup_printf("%s~%u", base, n);
        if (wp_i_people_find_id(p, id) == WP_I_NONE)
            return id;
        g_free(id);
    }
}

/* ---- owners ---- */

/* Per-row owners of a CRM export: the cell's value through --owner-map, else as an id or a
 * name. Cached per value; a failure leaves a reason. */
typedef struct {
    guint row;
    char *why;
} OwnerHit;

static void owner_hit_free(gpointer data)
{
    OwnerHit *hit = data;
    g_free(hit->why);
    g_free(hit);
}

static const OwnerHit *row_owner(WpImport *imp, const char *origin, const WpIMapping *m,
                                 GHashTable *cache, const char *value, const char *team)
{
    OwnerHit *hit = g_hash_table_lookup(cache, value);
    if (hit != NULL)
        return hit;
    hit = g_new0(OwnerHit, 1);
    hit->row = wp_i_owner_of_cell(imp->people, m, value, &hit->why);
    if (hit->row != WP_I_NONE)
        mark_seller(imp, origin, hit->row, team);
    g_hash_table_insert(cache, g_strdup(value), hit);
    return hit;
}

/* ---- rows ---- */

typedef struct {
    WpImport *imp;
    const char *origin;
    const WpIMapping *mapping;
    const WpImportOptions *options;
    guint owner;        /* the --owner seller, or WP_I_NONE */
    GHashTable *owners; /* CRM owner cell -> OwnerHit */
    WpTieType type;
    gboolean crm;
    WpDay exported_on;
    char *tie_origin; /* owned: what the ties' origin column names this file (file_origin()) */
    guint64 to_owner; /* rows of a file with an owner column that went to --owner */
} FileRun;

static void skip(FileRun *run, const WpIRow *row, const char *why)
{
    wp_i_report_problem(&run->imp->report, run->origin, row->line, WP_IMPORT_SKIPPED, why);
}

/* The seller a row belongs to, or WP_I_NONE after reporting why the row is skipped. */
static guint owner_of(FileRun *run, const WpIRow *row)
{
    if (row->owner != NULL) {
        const OwnerHit *hit = row_owner(run->imp, run->origin, run->mapping, run->owners,
                                        row->owner, run->options->team);
        if (hit->row == WP_I_NONE)
            skip(run, row, hit->why);
        return hit->row;
    }
    if (run->owner == WP_I_NONE)
        skip(run, row, "no contact owner: the owner cell is empty and no --owner was given");
    else
        run->to_owner++;
    return run->owner;
}

/* Among several people a row could be, the one the row's seller already knows. */
typedef struct {
    WpImport *imp;
    guint owner;
} Preference;

static gboolean tied_to_owner(guint row, gpointer data)
{
    const Preference *pref = data;
    return wp_i_ties_exists(pref->imp->ties, wp_i_people_id(pref->imp->people, pref->owner),
                            wp_i_people_id(pref->imp->people, row));
}

/* Updates a known person from @row; a replaced company or title is reported as a job change. */
static void update_person(FileRun *run, const WpIRow *row, guint person)
{
    WpImport *imp = run->imp;
    g_auto(WpIReplaced) replaced = {0};
    if (!wp_i_people_update(imp->people, person, &row->contact, run->exported_on, &replaced))
        return;
    count_update(imp, person);
    if (replaced.company != NULL || replaced.title != NULL)
        wp_i_report_job_change(&imp->report, run->origin, row->line,
                               wp_i_people_id(imp->people, person),
                               wp_i_people_name(imp->people, person), &replaced,
                               wp_i_people_cell(imp->people, person, WP_I_COMPANY),
                               wp_i_people_cell(imp->people, person, WP_I_TITLE));
}

static void apply_row(FileRun *run, const WpIRow *row)
{
    WpImport *imp = run->imp;
    imp->report.rows_read++;
    if (row->blank) {
        imp->report.rows_blank++;
        return;
    }
    if (row->skip != NULL) {
        skip(run, row, row->skip);
        return;
    }
    guint owner = owner_of(run, row);
    if (owner == WP_I_NONE)
        return;
    WpImportRule rule = WP_IMPORT_RULE_NAME_COMPANY;
    g_autofree char *why = NULL;
    Preference pref = {imp, owner};
    guint person =
        wp_i_people_resolve(imp->people, &row->contact, tied_to_owner, &pref, &rule, &why);
    if (why != NULL) {
        skip(run, row, why);
        return;
    }
    if (person == owner) {
        g_autofree char *self = g_strdup_printf("the row is the seller '%s' themself",
                                                wp_i_people_id(imp->people, owner));
        skip(run, row, self);
        return;
    }
    for (guint i = 0; row->warnings != NULL && i < row->warnings->len; i++)
        wp_i_report_problem(&imp->report, run->origin, row->line, WP_IMPORT_WARNING,
                            row->warnings->pdata[i]);
    gboolean known = person != WP_I_NONE;
    if (!known) {
        g_autofree char *id = mint_id(imp->people, &row->contact);
        person = add_person(imp, &row->contact, id, run->exported_on);
    } else {
        update_person(run, row, person);
    }
    imp->report.rows_used++;
    guint tie = 0;
    WpITieChange change = wp_i_ties_merge(imp->ties, wp_i_people_id(imp->people, owner),
                                          wp_i_people_id(imp->people, person), run->type,
                                          row->contact.date, run->crm, run->tie_origin, &tie);
    count_tie(imp, tie, change);
    if (known && change != WP_I_TIE_UNCHANGED)
        wp_i_report_merge(&imp->report, run->origin, row->line, wp_i_people_id(imp->people, person),
                          wp_i_people_name(imp->people, person), rule);
}

/* ---- files ---- */

/* Today where the user is, or in UTC if that is later: a date someone typed today is never
 * in the future. */
static WpDay today(void)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    g_autofree char *local = now ? g_date_time_format(now, "%Y-%m-%d") : NULL;
    WpDay day = WP_DAY_NONE;
    if (local == NULL || !wp_day_parse(local, &day))
        return wp_day_today();
    return MAX(day, wp_day_today());
}

/* The file's modification day (UTC), or today when it is later (a clock that ran ahead must
 * not make an old export the newest); @future tells. */
static WpDay modification_day(const char *filename, WpDay *future)
{
    GStatBuf st;
    WpDay now = today();
    *future = WP_DAY_NONE;
    if (g_stat(filename, &st) != 0 || st.st_mtime < 0)
        return now;
    WpDay day = (WpDay)MIN(st.st_mtime / 86400, G_MAXINT32);
    if (day <= now)
        return day;
    *future = day;
    return now;
}

static gboolean check_date(const WpImportOptions *o, GError **error)
{
    WpDay now = today();
    if (o->exported_on == WP_DAY_NONE || o->exported_on <= now)
        return TRUE;
    char date[11], today_text[11];
    wp_day_format(o->exported_on, date);
    wp_day_format(now, today_text);
    g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                "--exported-on %s is after today (%s): an export cannot come from the future", date,
                today_text);
    return FALSE;
}

static gboolean check_options(WpImportSource source, const WpImportOptions *o, WpIMapping *m,
                              GError **error)
{
    if (source == WP_IMPORT_LINKEDIN && o->owner == NULL) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "a LinkedIn export belongs to one seller: give --owner SELLER");
        return FALSE;
    }
    if (o->owner_name != NULL && o->owner == NULL) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "--owner-name needs --owner ID");
        return FALSE;
    }
    g_autofree char *origin = g_strstrip(g_strdup(o->origin ? o->origin : "-"));
    if (origin[0] == '\0' || strchr(origin, ';') != NULL) {
        g_autofree char *shown = wp_text_excerpt(o->origin);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--origin '%s' names no export: it is empty or holds ';', which separates "
                    "the origins of a tie",
                    shown);
        return FALSE;
    }
    if (o->tie_type >= WP_TIE_N_TYPES) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "tie type %u is not a WpTieType",
                    (guint)o->tie_type);
        return FALSE;
    }
    return check_date(o, error) && wp_i_owner_options_check(source, o, m, error);
}

/* Reads and parses the export; nothing in the session changes. */
static gboolean parse_file(WpImportSource source, const char *filename, const char *origin,
                           const WpImportOptions *o, const WpIMapping *m, WpIParsed *parsed,
                           GError **error)
{
    g_autoptr(GHashTable) accounts = NULL;
    if (o->accounts_file != NULL &&
        (accounts = wp_i_crm_read_accounts(o->accounts_file, error)) == NULL)
        return FALSE;
    g_autoptr(GPtrArray) records = wp_i_records_read(filename, error);
    if (records == NULL)
        return FALSE;
    if (source == WP_IMPORT_LINKEDIN)
        return wp_i_linkedin_parse(records, m, origin, parsed, error);
    if (!wp_i_crm_parse(records, m, accounts, origin, parsed, error))
        return FALSE;
    if (parsed->owner_column == NULL && o->owner == NULL) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "%s:%" G_GUINT64_FORMAT ": no owner column ('Contact owner', 'OwnerId'): "
                    "give --owner SELLER or --owner-column COLUMN",
                    origin, parsed->header_line);
        return FALSE;
    }
    return TRUE;
}

/* What the ties of this file name as their origin (WpImportOptions.origin): the option, else the
 * seller's LinkedIn export, the CRM, or the file. A ';' separates origins, so a file name's
 * becomes '_'. */
static char *file_origin(const FileRun *run, const WpIParsed *parsed, const char *filename)
{
    const WpImportOptions *o = run->options;
    g_autofree char *origin = NULL;
    if (o->origin != NULL)
        origin = g_strdup(o->origin);
    else if (!run->crm)
        origin = g_strconcat("linkedin:", wp_i_people_id(run->imp->people, run->owner), NULL);
    else if (strcmp(parsed->format, "hubspot") == 0 || strcmp(parsed->format, "salesforce") == 0)
        origin = g_strdup(parsed->format);
    else {
        g_autofree char *base = g_path_get_basename(filename);
        origin = g_filename_display_name(base);
    }
    g_strdelimit(origin, ";", '_');
    return g_strdup(g_strstrip(origin));
}

gboolean wp_import_add_file(WpImport *imp, WpImportSource source, const char *filename,
                            const WpImportOptions *o, GError **error)
{
    g_return_val_if_fail(imp != NULL && filename != NULL && o != NULL, FALSE);
    g_autofree char *origin = g_filename_display_name(filename);
    g_auto(WpIMapping) mapping = {0};
    g_auto(WpIParsed) parsed = {0};
    if (!wp_i_mapping_init(&mapping, o, error) || !check_options(source, o, &mapping, error) ||
        !parse_file(source, filename, origin, o, &mapping, &parsed, error))
        return FALSE;
    FileRun run = {.imp = imp,
                   .origin = origin,
                   .mapping = &mapping,
                   .options = o,
                   .owner = WP_I_NONE,
                   .type = source == WP_IMPORT_LINKEDIN ? WP_TIE_SOCIAL : o->tie_type,
                   .crm = source == WP_IMPORT_CRM,
                   .exported_on = o->exported_on};
    g_autofree char *seller_note = NULL;
    if (o->owner != NULL && !wp_i_owner_resolve(imp->people, o, &run.owner, &seller_note, error))
        return FALSE;
    /* From here on the session changes; nothing below can fail. */
    WpDay future = WP_DAY_NONE;
    if (run.exported_on == WP_DAY_NONE)
        run.exported_on = modification_day(filename, &future);
    if (o->owner != NULL && run.owner == WP_I_NONE) {
        WpIContact seller = {.name = (char *)o->owner_name, .company = (char *)o->owner_company};
        run.owner = add_person(imp, &seller, o->owner, WP_DAY_NONE);
    }
    if (seller_note != NULL)
        wp_i_report_problem(&imp->report, origin, 0, WP_IMPORT_WARNING, seller_note);
    if (run.owner != WP_I_NONE)
        mark_seller(imp, origin, run.owner, o->team);
    wp_i_report_file(&imp->report, origin, parsed.format, parsed.header_line, parsed.rows->len);
    if (parsed.note != NULL)
        wp_i_report_problem(&imp->report, origin, 0, WP_IMPORT_WARNING, parsed.note);
    if (future != WP_DAY_NONE) {
        char date[11];
        wp_day_format(future, date);
        g_autofree char *note = g_strdup_printf("the file's modification date %s is after "
                                                "today; taken as exported today (--exported-on "
                                                "gives the real date)",
                                                date);
        wp_i_report_problem(&imp->report, origin, 0, WP_IMPORT_WARNING, note);
    }
    run.owners = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, owner_hit_free);
    run.tie_origin = file_origin(&run, &parsed, filename);
    for (guint i = 0; i < parsed.rows->len; i++)
        apply_row(&run, &g_array_index(parsed.rows, WpIRow, i));
    g_hash_table_unref(run.owners);
    g_free(run.tie_origin);
    type_teammates(imp, origin);
    if (parsed.owner_column != NULL && run.to_owner > 0) {
        g_autofree char *note = g_strdup_printf(
            "%" G_GUINT64_FORMAT " %s with an empty '%s' cell went to --owner '%s' (%s)",
            run.to_owner, run.to_owner == 1 ? "row" : "rows", parsed.owner_column, o->owner,
            wp_i_people_name(imp->people, run.owner));
        wp_i_report_problem(&imp->report, origin, 0, WP_IMPORT_WARNING, note);
    }
    return TRUE;
}
