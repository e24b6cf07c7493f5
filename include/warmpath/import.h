/* SPDX-License-Identifier: MIT */
/* Building a data directory (people.csv, edges.csv) from LinkedIn and CRM contact exports. */
#pragma once

#include <glib.h>

#include "warmpath/day.h"
#include "warmpath/export.h"
#include "warmpath/graph.h"

G_BEGIN_DECLS

/**
 * WpImportSource:
 * @WP_IMPORT_LINKEDIN: LinkedIn's "Connections.csv" data export (any preamble, localized
 *   headers); each row becomes a `social` tie from the owner
 * @WP_IMPORT_CRM: a CRM contact export (HubSpot, Salesforce, or any CSV with name columns);
 *   each row becomes a tie of WpImportOptions.tie_type from the contact's owner
 */
typedef enum {
    WP_IMPORT_LINKEDIN,
    WP_IMPORT_CRM,
} WpImportSource;

/**
 * WpImportOptions:
 * @owner: (nullable): the seller the export belongs to: a person id in the data directory, or
 *   a name that names exactly one person; a new id when @owner_name is given. For a CRM
 *   export, only the rows whose owner cell is empty (all rows when the file has no owner
 *   column, or "owner=" in @column_map ignores it)
 * @owner_name: (nullable): creates the seller @owner with this name when no such person exists
 * @owner_company: (nullable): the new seller's company (so teammates' exports recognise them)
 * @team: (nullable): the team of each seller who has none yet (an empty, no-like or yes-like
 *   `team` cell); a seller whose cell names another team keeps it, with a warning in the
 *   report. Default: keep the seller's team, else "team". Ties between two sellers of one
 *   team get the type colleague (docs/import.md "Teammates")
 * @owner_column: (nullable): CRM only: the column naming each row's owner (a seller's id or
 *   name, or a value mapped by @owner_map), instead of the one found by name; rows with an
 *   empty cell fall back to @owner. Contradicting "owner=COLUMN" in @column_map is a
 *   WP_ERROR_USAGE, as is @owner_map with "owner=" (no column) or with a LinkedIn export
 * @column_map: (nullable): NULL-terminated "field=Column" overrides of the column mapping;
 *   fields: first_name, last_name, name, email, company, title, linkedin_url, date, owner,
 *   account_id. An empty Column ignores that field
 * @owner_map: (nullable): NULL-terminated "Value=SELLER" pairs: an owner cell holding Value
 *   belongs to the seller SELLER (an id or a name), e.g. a Salesforce OwnerId
 * @map_file: (nullable): a key file with `[columns]` field=Column and `[owners]` Value=SELLER,
 *   read before @column_map and @owner_map (which win)
 * @accounts_file: (nullable): a Salesforce Account export (`Id`, `Name`) that turns a contact's
 *   AccountId into a company name
 * @tie_type: CRM only: the type of the owner's tie to each contact (WP_TIE_CLIENT by default)
 * @exported_on: the export's date: a newer export overwrites company and title. A date after
 *   today is a WP_ERROR_USAGE. WP_DAY_NONE takes the file's modification date (UTC; today
 *   when that is in the future)
 * @origin: (nullable): what the ties' `origin` cell names as the source of this export
 *   (docs/import.md "What is written"); NULL: "linkedin:SELLER" for a LinkedIn export (the
 *   seller's person id), "hubspot" or "salesforce" for those CRMs' exports, else the file's
 *   name. Empty, or holding ';' (which separates origins), is a WP_ERROR_USAGE
 *
 * Initialise with wp_import_options_init(); the strings are borrowed.
 */
typedef struct {
    const char *owner;
    const char *owner_name;
    const char *owner_company;
    const char *team;
    const char *owner_column;
    const char *const *column_map;
    const char *const *owner_map;
    const char *map_file;
    const char *accounts_file;
    WpTieType tie_type;
    WpDay exported_on;
    const char *origin;
} WpImportOptions;

/* Every field NULL, tie_type WP_TIE_CLIENT, exported_on WP_DAY_NONE. Time: O(1). */
WP_API void wp_import_options_init(WpImportOptions *options);

/**
 * WpImportRule:
 *
 * Why a row was taken to be a person already known (docs/import.md "Identity"), strongest first.
 */
typedef enum {
    WP_IMPORT_RULE_LINKEDIN_URL, /* the same LinkedIn profile */
    WP_IMPORT_RULE_EMAIL,        /* the same email address (case-insensitive) */
    WP_IMPORT_RULE_NAME_COMPANY, /* the same folded name at the same folded company */
} WpImportRule;

/* "linkedin_url", "email", "name+company". Time: O(1). Returns: (transfer none): a static
 * string */
WP_API const char *wp_import_rule_name(WpImportRule rule);

/**
 * WpImportMerge:
 *
 * A row that added or extended a tie to a person the data already held (from the directory or
 * an earlier row of this run, e.g. another seller's export): one identity from two sources.
 */
typedef struct {
    char *file;   /* display name */
    guint64 line; /* where the row starts */
    char *person; /* the person's id */
    char *name;
    WpImportRule rule;
} WpImportMerge;

/**
 * WpImportJobChange:
 *
 * A known person whose company or title a newer export replaced (see WpImportOptions
 * .exported_on): a buyer who moved is a new opportunity, and the old account lost a contact.
 * A value filled where there was none is not a change.
 */
typedef struct {
    char *file;   /* display name */
    guint64 line; /* the row that brought the news */
    char *person; /* the person's id */
    char *name;
    char *company_before; /* NULL when the company did not change */
    char *company_after;  /* the company after the import (also when unchanged), or NULL */
    char *title_before;   /* NULL when the title did not change */
    char *title_after;    /* the title after the import, or NULL */
} WpImportJobChange;

typedef enum {
    WP_IMPORT_SKIPPED, /* the row was not used */
    WP_IMPORT_WARNING, /* the row was used, one value was ignored */
} WpImportProblemKind;

typedef struct {
    char *file;   /* display name */
    guint64 line; /* 0 when the problem concerns the whole file */
    WpImportProblemKind kind;
    char *message; /* one line, without the "FILE:LINE: " place */
} WpImportProblem;

typedef struct {
    char *file;          /* display name */
    char *format;        /* "linkedin", "linkedin (fr)", "hubspot", "salesforce", "crm" */
    guint64 header_line; /* line of the header row */
    guint64 rows;        /* data rows after the header, blank ones included */
} WpImportFile;

/**
 * WpImportReport:
 * @rows_read: data rows read (after the header), blank padding rows included
 * @rows_blank: rows with no value at all, ignored
 * @rows_used: rows that became (or matched) a person
 * @rows_skipped: rows not used; each has a WP_IMPORT_SKIPPED problem
 * @people_added: new people, sellers included
 * @people_updated: people already in the directory whose company, title, URL, email, name or
 *   team changed
 * @ties_added: new ties; @ties_updated: existing ties that gained a type or a later date
 * @files: (element-type WpImportFile): one entry per file, in import order
 * @merges: (element-type WpImportMerge): in import order
 * @problems: (element-type WpImportProblem): in import order
 * @job_changes: (element-type WpImportJobChange): in import order; each is also counted in
 *   @people_updated
 */
typedef struct {
    guint64 rows_read, rows_blank, rows_used, rows_skipped;
    guint people_added, people_updated, ties_added, ties_updated;
    GPtrArray *files;
    GPtrArray *merges;
    GPtrArray *problems;
    GPtrArray *job_changes;
} WpImportReport;

/* An import under way: belongs to one thread at a time. */
typedef struct WpImport WpImport;

/**
 * wp_import_open:
 * @data_dir: the directory holding people.csv and edges.csv; either may be missing (the
 *   directory too, which is then created)
 *
 * Reads the existing files as text cells, keeping every column and row. A malformed file fails
 * with WP_ERROR_PARSE ("FILE:LINE: ..."); an edges.csv that is a plain edge list fails with
 * WP_ERROR_NOT_SUPPORTED. Time: O(size of people.csv and edges.csv): every cell read, each
 * person (by id, LinkedIn profile, email, name + company) and each pair indexed in hash tables.
 * Memory: the two files as cells and their indexes, kept by the session.
 *
 * Returns: (transfer full) (nullable): the import session; free with wp_import_free()
 */
WP_API WpImport *wp_import_open(const char *data_dir, GError **error);

/* Called once when wp_import_open_full() starts waiting for another import into @data_dir. */
typedef void (*WpImportWaitFunc)(const char *data_dir, gpointer user_data);

/**
 * WpImportOpenOptions:
 * @read_only: only read the folder (a dry run): no lock against other imports is taken and
 *   nothing is created; wp_import_save() then fails
 * @lock_timeout_ms: how long to wait while another import holds the folder (default 60 s)
 * @on_wait: (nullable): called once, when the wait begins
 * @user_data: for @on_wait
 */
typedef struct {
    gboolean read_only;
    guint lock_timeout_ms;
    WpImportWaitFunc on_wait;
    gpointer user_data;
} WpImportOpenOptions;

/* Not read-only, a 60 s lock timeout, no callback. Time: O(1). */
WP_API void wp_import_open_options_init(WpImportOpenOptions *options);

/**
 * wp_import_open_full:
 * @data_dir: as for wp_import_open()
 * @options: (nullable): NULL for the defaults
 *
 * As wp_import_open(). One import at a time changes a folder: the session holds the folder's
 * lock from before it reads the files until its first wp_import_save() (or until it is freed),
 * and another session, in this process or another, waits for it, up to
 * @options->lock_timeout_ms, then fails with WP_ERROR_FAILED. A later save takes the lock again
 * and refuses to write over changes made meanwhile. A folder an interrupted import left half
 * changed is completed first (docs/robustness.md, "Promises"). Time: as
 * wp_import_open() (memory too), plus the wait for the lock.
 *
 * Returns: (transfer full) (nullable): the import session; free with wp_import_free()
 */
WP_API WpImport *wp_import_open_full(const char *data_dir, const WpImportOpenOptions *options,
                                     GError **error);

/**
 * wp_import_add_file:
 * @source: the export's kind
 * @filename: the export
 * @options: owner, mappings, date
 *
 * Reads the whole export, then merges every usable row into the session (in memory). Fails,
 * leaving the session unchanged, with WP_ERROR_PARSE ("FILE:LINE: ...": broken CSV, no
 * recognisable header, or an export of the other kind: a HubSpot, Salesforce or other contact
 * list given as LINKEDIN, a LinkedIn Connections export given as CRM), WP_ERROR_USAGE (a bad option
 * or mapping), WP_ERROR_UNKNOWN_PERSON or WP_ERROR_AMBIGUOUS_PERSON (@options->owner), or a
 * G_FILE_ERROR. Rows that cannot be used are reported, not errors. Time: O(size of the
 * export), a few hash look-ups per row, plus one pass over the session's people and tie rows
 * (ties between teammates). Memory: the export parsed whole while it runs; the rows it adds
 * stay in the session.
 */
WP_API gboolean wp_import_add_file(WpImport *import, WpImportSource source, const char *filename,
                                   const WpImportOptions *options, GError **error);

/* (transfer none): what the files added so far did; valid until the next call that changes
 * the session, or its end. Time: O(1). */
WP_API const WpImportReport *wp_import_get_report(const WpImport *import);

/**
 * wp_import_save:
 * @written: (out) (optional): TRUE when a file was written
 *
 * Writes people.csv and edges.csv when their content changed, as one change of the folder:
 * a reader sees the old pair or the new pair, and a crash or a full disk at any point leaves
 * one of the two (an interrupted change is completed by the next command that opens the
 * folder). The previous pair is kept as people.csv.bak and edges.csv.bak, both of them, even a
 * file this import left unchanged; a file that did not exist before has no .bak (see
 * wp_import_get_backups()). Nothing is written when nothing changed, so an identical re-import
 * leaves the files, .bak files included, untouched. Fails with a G_FILE_ERROR, or
 * WP_ERROR_FAILED when a file was changed by another program since it was read. Time:
 * O(size of the two files), each changed one rendered as text; when one changed, the writes of
 * the files and their .bak copies, with the fsync()s and renames of a folder change.
 */
WP_API gboolean wp_import_save(WpImport *import, gboolean *written, GError **error);

/* (transfer none): the .bak files the last wp_import_save() that wrote kept, as names in the
 * folder ("people.csv.bak", "edges.csv.bak"), NULL-terminated; empty when it wrote nothing or
 * the folder held no files before. Valid while the session lives. Time: O(1). */
WP_API const char *const *wp_import_get_backups(const WpImport *import);

/* Frees the session and releases the folder's lock if it still holds it, writing nothing.
 * NULL is a no-op. Time: O(the session's cells). */
WP_API void wp_import_free(WpImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpImport, wp_import_free)

G_END_DECLS
