/* SPDX-License-Identifier: MIT */
/* The import module's internals: data files as text tables, identity keys and indexes, tie
 * merging, column mapping shared by the LinkedIn and CRM readers. */
#pragma once

#include "io/data-folder.h"
#include "io/input-private.h"
#include "warmpath/import.h"
#include "warmpath/text.h"

/* ---- table.c: a CSV data file held as text cells, written back exactly ---- */

typedef struct {
    char *filename; /* owned path */
    char *display;  /* owned display name */
    char *original; /* owned bytes as read; NULL when the file did not exist */
    gsize original_len;
    GPtrArray *header; /* char *, owned, as written in the file */
    GPtrArray *rows;   /* GPtrArray * of char * (owned), each header->len long */
    gboolean dirty;    /* a cell, row or column changed since loading */
} WpITable;

/* Loads @filename; when it is missing or empty, an empty table with @fresh_header. Each name
 * in @required must be a column (case-insensitive), else WP_ERROR_PARSE "FILE:1: header: ...". */
WpITable *wp_i_table_load(const char *filename, const char *const *required,
                          const char *const *fresh_header, GError **error);
void wp_i_table_free(WpITable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpITable, wp_i_table_free)
/* Column index by case-insensitive name, or -1. */
int wp_i_table_find(const WpITable *table, const char *name);
/* The column, appended (empty in every row) when missing. */
guint wp_i_table_ensure(WpITable *table, const char *name);
/* The cell, or "" when @column < 0. */
const char *wp_i_table_cell(const WpITable *table, guint row, int column);
/* Sets a cell (NULL = empty); TRUE when the value changed. */
gboolean wp_i_table_set(WpITable *table, guint row, guint column, const char *value);
/* Appends an all-empty row and returns its index. */
guint wp_i_table_append(WpITable *table);
/* The file's text: header and rows, LF line ends, fields quoted by wp_i_csv_append_plain(). */
GString *wp_i_table_to_text(const WpITable *table);

/* ---- folder-write.c: the tables written to their folder as one change ---- */

typedef struct WpFolderLock WpFolderLock;

/* Writes the @n tables of @lock's folder that changed, in one commit with the .bak pair (see
 * folder-write.c); the .bak names kept are appended to @backups. Nothing is written when no
 * table changed (*@written FALSE). Fails, changing nothing, with a G_FILE_ERROR (a full disk),
 * or WP_ERROR_FAILED when a file changed since it was read. */
gboolean wp_i_folder_write(WpFolderLock *lock, WpITable *const *tables, guint n, gboolean *written,
                           GPtrArray *backups, GError **error);
/* One RFC 4180 field that reads back byte for byte: quoted when it holds a comma, quote, CR,
 * LF, or starts or ends with white space. No formula neutralisation: these are our own data
 * files, not spreadsheets (reports use wp_csv_append_cell()). */
void wp_i_csv_append_plain(GString *out, const char *cell);

/* ---- mapping.c: export records, column fields, header keys, dates ---- */

typedef enum {
    WP_I_FIRST_NAME,
    WP_I_LAST_NAME,
    WP_I_NAME,
    WP_I_EMAIL,
    WP_I_COMPANY,
    WP_I_TITLE,
    WP_I_URL,
    WP_I_DATE,
    WP_I_OWNER,
    WP_I_ACCOUNT_ID,
    WP_I_N_FIELDS
} WpIField;

const char *wp_i_field_name(WpIField field);

typedef struct {
    guint64 line;
    guint n_fields;
    char **fields; /* owned, NULL-terminated */
} WpIRecord;

/* Every record of an export (preamble included), each field trimmed; blank lines skipped. */
GPtrArray *wp_i_records_read(const char *filename, GError **error);
gboolean wp_i_record_is_blank(const WpIRecord *record);
const char *wp_i_record_cell(const WpIRecord *record, int column); /* "" when absent */

/* A header cell reduced for matching: folded, only letters and digits ("E-Mail-Adresse" ->
 * "emailadresse"). */
char *wp_i_header_key(const char *cell);

/* Appends 'TEXT' for a message, cut to 40 characters with "…" (a header cell can be long). */
void wp_i_append_quoted(GString *out, const char *text);

/* User overrides: --map, --owner-map and a map file. */
typedef struct {
    gboolean set[WP_I_N_FIELDS];
    char *column_key[WP_I_N_FIELDS];  /* owned header key; "" = ignore the field */
    char *column_text[WP_I_N_FIELDS]; /* owned, as the user wrote it, for messages */
    GHashTable *owners;               /* owned value -> owned seller */
} WpIMapping;

gboolean wp_i_mapping_init(WpIMapping *mapping, const WpImportOptions *options, GError **error);
void wp_i_mapping_clear(WpIMapping *mapping);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(WpIMapping, wp_i_mapping_clear)

/* Assigns fields to the columns of @header: overrides first, then the first cell whose key is
 * one of @aliases[field] (NULL-terminated lists of header keys). Unassigned fields get -1.
 * Returns how many fields were assigned. */
guint wp_i_columns_assign(const WpIRecord *header, const WpIMapping *mapping,
                          const char *const *const *aliases, int col[WP_I_N_FIELDS]);
/* Fails with WP_ERROR_USAGE when an override names a column @header lacks. */
gboolean wp_i_columns_check(const WpIRecord *header, const WpIMapping *mapping, const char *origin,
                            GError **error);

/* A date as exports write it: `2025-12-07` (a time may follow), `07 Dec 2025`, `1 janv. 2026`,
 * `7 de dez. de 2025`, `Dec 7, 2025`, `07.12.2025`. Month names in English, French, German,
 * Spanish, Portuguese, Italian and Dutch. */
gboolean wp_i_parse_export_date(const char *text, WpDay *out);

/* ---- names.c: credentials and decorations in names ---- */

typedef enum {
    WP_I_NAME_FIRST, /* a first name field: honorifics in front, credentials after a comma */
    WP_I_NAME_LAST,  /* a last name field: credentials after a comma or at the end */
    WP_I_NAME_FULL,  /* a whole name: as both, but what stays keeps two words */
} WpINamePart;

/* The name in @text without post-nominal credentials ("O'Sullivan, CPA" -> "O'Sullivan"),
 * academic titles in front ("Dr."), forms of address ("Ms"), pronouns ("(she/her)"), emoji and
 * a tagline after '|'. Credentials and titles are appended to @found (char *, owned) as
 * written, in reading order. Generational suffixes (Jr., III) stay in the name. Cannot fail. */
char *wp_i_name_clean(const char *text, WpINamePart part, GPtrArray *found);

/* ---- identity.c: people, their keys and indexes ---- */

/* One row of an export, normalised. Strings owned (NULL = unknown). */
typedef struct {
    char *name;
    char *credentials; /* "CPA, CFA": what wp_i_name_clean() took out of the name */
    char *company;
    char *title;
    char *url;   /* canonical "https://www.linkedin.com/in/SLUG" */
    char *email; /* lowercased */
    WpDay date;  /* Connected On / last activity, or WP_DAY_NONE */
} WpIContact;

void wp_i_contact_clear(WpIContact *contact);

/* Canonical profile URL, or NULL when @text is not a linkedin.com/in/ (or /pub/) URL. @key
 * (optional) receives the comparison key: the path lowercased and percent-decoded. */
char *wp_i_linkedin_url(const char *text, char **key);
/* Lowercased address, or NULL when @text does not look like one. */
char *wp_i_email(const char *text);
/* folded name, U+001F, folded company without a legal suffix (Inc, LLC, GmbH, ...). */
char *wp_i_name_key(const char *name, const char *company);

#define WP_I_NONE G_MAXUINT

/* The people table with identity indexes. */
typedef struct {
    WpITable *table;        /* owned */
    int col[WP_I_N_FIELDS]; /* people column per field (NAME, COMPANY, TITLE, URL, EMAIL), -1 */
    int col_id, col_team, col_updated, col_former, col_credentials;
    GHashTable *by_id;                       /* id (owned) -> row + 1 */
    GHashTable *by_url, *by_email, *by_name; /* key (owned) -> GArray of guint rows */
} WpIPeople;

WpIPeople *wp_i_people_new(WpITable *table, GError **error); /* takes @table; fails on dup ids */
void wp_i_people_free(WpIPeople *people);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpIPeople, wp_i_people_free)
guint wp_i_people_count(const WpIPeople *people);
const char *wp_i_people_id(const WpIPeople *people, guint row);
const char *wp_i_people_name(const WpIPeople *people, guint row);
/* The person's NAME, COMPANY, TITLE, URL or EMAIL cell ("" when empty). */
const char *wp_i_people_cell(const WpIPeople *people, guint row, WpIField field);
guint wp_i_people_find_id(const WpIPeople *people, const char *id);
/* The one person whose folded name equals @name's (team members first); WP_I_NONE with
 * *n_found 0 (none) or >1 (ambiguous, @ids lists them when given). */
guint wp_i_people_find_name(const WpIPeople *people, const char *name, guint *n_found,
                            GString *ids);
gboolean wp_i_people_is_team(const WpIPeople *people, guint row);
/* The seller's team: the team cell, "team" for a yes-like cell ("yes", "1", "x", ...), NULL
 * when the person is not a seller. */
const char *wp_i_people_team(const WpIPeople *people, guint row);

typedef enum {
    WP_I_TEAM_UNCHANGED, /* already in @team, or a seller and no @team given */
    WP_I_TEAM_SET,       /* the cell was empty, "no"-like or yes-like, and now names the team */
    WP_I_TEAM_KEPT,      /* the seller is in another named team, which stays */
} WpITeamChange;

/* Makes the person a seller of @team (NULL: any team; "team" when they have none). An import
 * never moves a seller from one named team to another or wipes a team. */
WpITeamChange wp_i_people_mark_team(WpIPeople *people, guint row, const char *team);

/* Breaks a tie between several candidates, e.g. "already tied to this row's seller". */
typedef gboolean (*WpIPreferFunc)(guint row, gpointer user_data);

/* Which known person @contact is (docs/import.md "Identity"): by LinkedIn profile, else email, else
 * name and company; a candidate with a different profile is never the same person. Several
 * candidates under one key: the single one @prefer (nullable) accepts. Returns the row and
 * the rule, or WP_I_NONE for a new person; sets @why (owned) instead when the row is
 * ambiguous. */
guint wp_i_people_resolve(const WpIPeople *people, const WpIContact *contact, WpIPreferFunc prefer,
                          gpointer user_data, WpImportRule *rule, char **why);
/* A new person with the id @id (minted by the caller, docs/import.md "Identity"). */
guint wp_i_people_add(WpIPeople *people, const WpIContact *contact, const char *id,
                      WpDay exported_on);
/* The company and title a newer export replaced (owned; NULL when not replaced). */
typedef struct {
    char *company;
    char *title;
} WpIReplaced;

void wp_i_replaced_clear(WpIReplaced *replaced);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(WpIReplaced, wp_i_replaced_clear)

/* Fills empty fields; a newer export overwrites company and title, and @replaced receives the
 * values it overwrote. TRUE when a field the report counts changed (the updated_on stamp alone
 * does not count). */
gboolean wp_i_people_update(WpIPeople *people, guint row, const WpIContact *contact,
                            WpDay exported_on, WpIReplaced *replaced);

/* ---- ties.c: the edges table with a pair index ---- */

typedef struct {
    WpITable *table;                                /* owned */
    int col_source, col_target, col_type, col_last; /* -1 until present */
    int col_origin;                                 /* -1 until present */
    GHashTable *pairs;                              /* "lo\x1fhi" (owned) -> first row + 1 */
} WpITies;

typedef enum { WP_I_TIE_UNCHANGED, WP_I_TIE_ADDED, WP_I_TIE_UPDATED } WpITieChange;

WpITies *wp_i_ties_new(WpITable *table); /* takes @table */
void wp_i_ties_free(WpITies *ties);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpITies, wp_i_ties_free)
gboolean wp_i_ties_exists(const WpITies *ties, const char *a, const char *b);
/* Adds the tie a-b of @type dated @date from the export @origin (a label without ';'), or
 * merges it into the pair's first row: the type is added to the row's types and @origin to its
 * origins (each once, in the order they came); the date replaces an earlier one when
 * @date_is_contact (a CRM activity date) or when the row is social only (a LinkedIn connection
 * date never ages a stronger tie). Strength and interactions are never touched. */
WpITieChange wp_i_ties_merge(WpITies *ties, const char *a, const char *b, WpTieType type,
                             WpDay date, gboolean date_is_contact, const char *origin, guint *row);
guint wp_i_ties_count(const WpITies *ties);
const char *wp_i_ties_source(const WpITies *ties, guint row);
const char *wp_i_ties_target(const WpITies *ties, guint row);
/* FALSE for a later duplicate row of a pair (import extends only the first). */
gboolean wp_i_ties_is_pair_row(const WpITies *ties, guint row);
/* Adds the type colleague to the tie row @row (TRUE when it was not there). A tie that was
 * social only, with no strength and no interactions, also loses its date: as in
 * wp_i_ties_merge(), a LinkedIn connection date is not a colleague's last contact. */
gboolean wp_i_ties_make_colleague(WpITies *ties, guint row);

/* ---- linkedin.c and crm.c: from records to contacts ---- */

/* What a reader hands back: the header it chose and, per data row, a contact or a reason. */
typedef struct {
    guint64 line;
    WpIContact contact;
    char *owner;         /* CRM owner cell (owned), NULL when none */
    char *skip;          /* owned reason when the row cannot be used */
    GPtrArray *warnings; /* char *, owned: values ignored */
    gboolean blank;
} WpIRow;

typedef struct {
    char *format; /* owned */
    guint64 header_line;
    GArray *rows;       /* WpIRow */
    char *note;         /* owned file-level warning, or NULL */
    char *owner_column; /* CRM: the owner column's header cell (owned), NULL when none */
} WpIParsed;

void wp_i_parsed_clear(WpIParsed *parsed);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(WpIParsed, wp_i_parsed_clear)

/* Fills @row from @rec with the columns @col: name (a name column, else first + last), company,
 * title, URL, email and date (@date_field names it in warnings). Blank rows are marked; rows
 * with a different number of fields than @header, or with no name, get a skip reason. */
void wp_i_row_read(const WpIRecord *rec, const WpIRecord *header, const int col[WP_I_N_FIELDS],
                   const char *date_field, WpIRow *row);

/* What an export is, recognised by its columns. */
typedef enum {
    WP_I_KIND_LINKEDIN,   /* LinkedIn's Connections.csv, in any of its header languages */
    WP_I_KIND_HUBSPOT,    /* a column only HubSpot writes: 'Contact owner', 'Record ID', ... */
    WP_I_KIND_SALESFORCE, /* 'OwnerId', 'AccountId', 'Account Name', 'Mailing City', ... */
    WP_I_KIND_CRM,        /* a CRM's columns (an owner, a last activity) but no product's */
    WP_I_KIND_OTHER,      /* none of these */
    WP_I_N_KINDS
} WpIKind;

/* "HubSpot contacts", "LinkedIn Connections", ... for messages. */
const char *wp_i_kind_name(WpIKind kind);
/* The CRM a header's columns name (HUBSPOT, SALESFORCE, CRM), else OTHER. @evidence
 * (nullable) receives up to three of the deciding header cells, quoted: "'OwnerId', ...". */
WpIKind wp_i_crm_kind(const WpIRecord *header, GString *evidence);
/* TRUE when @records hold LinkedIn's Connections header with its 'Connected On' column (in any
 * of the seven languages); @line and @evidence (the name columns and the date column, quoted)
 * say where and why. */
gboolean wp_i_linkedin_detect(GPtrArray *records, guint64 *line, GString *evidence);

gboolean wp_i_linkedin_parse(GPtrArray *records, const WpIMapping *mapping, const char *origin,
                             WpIParsed *out, GError **error);
/* @accounts: (nullable): AccountId -> account name. */
gboolean wp_i_crm_parse(GPtrArray *records, const WpIMapping *mapping, GHashTable *accounts,
                        const char *origin, WpIParsed *out, GError **error);
/* Reads a Salesforce Account export into Id -> Name (both owned). */
GHashTable *wp_i_crm_read_accounts(const char *filename, GError **error);

/* ---- owners.c: who owns a row ---- */

/* The owner options' one meaning each (docs/import.md "Owners"): --owner-column COL becomes the
 * owner column of @mapping; contradictions (--owner-map with "owner=" ignoring the column, two
 * owner columns, owner options on a LinkedIn export) fail with WP_ERROR_USAGE. */
gboolean wp_i_owner_options_check(WpImportSource source, const WpImportOptions *options,
                                  WpIMapping *mapping, GError **error);
/* The person @text names: an id, else a unique folded name (sellers first); WP_I_NONE with
 * @why set (WP_ERROR_UNKNOWN_PERSON, WP_ERROR_AMBIGUOUS_PERSON) otherwise. */
guint wp_i_owner_find(const WpIPeople *people, const char *text, GError **why);
/* The seller --owner names (see WpImportOptions): sets @out to their row, or to WP_I_NONE when
 * a new seller must be created with the id @options->owner. @note (owned) says when the new
 * seller turned out to be a known person. An --owner nobody has fails with
 * WP_ERROR_UNKNOWN_PERSON and the options that add the seller; also WP_ERROR_USAGE,
 * WP_ERROR_AMBIGUOUS_PERSON. Changes nothing. */
gboolean wp_i_owner_resolve(const WpIPeople *people, const WpImportOptions *options, guint *out,
                            char **note, GError **error);
/* The seller an owner cell names, through @mapping's owners, else as an id or a name; else
 * WP_I_NONE and @why (owned) says how to map or add the seller. */
guint wp_i_owner_of_cell(const WpIPeople *people, const WpIMapping *mapping, const char *value,
                         char **why);

/* ---- report.c ---- */

void wp_i_report_init(WpImportReport *report);
void wp_i_report_clear(WpImportReport *report);
void wp_i_report_file(WpImportReport *report, const char *file, const char *format,
                      guint64 header_line, guint64 rows);
void wp_i_report_merge(WpImportReport *report, const char *file, guint64 line, const char *person,
                       const char *name, WpImportRule rule);
/* Takes the values out of @replaced; @company and @title are the person's after the change. */
void wp_i_report_job_change(WpImportReport *report, const char *file, guint64 line,
                            const char *person, const char *name, WpIReplaced *replaced,
                            const char *company, const char *title);
/* A SKIPPED problem with a line counts in rows_skipped. */
void wp_i_report_problem(WpImportReport *report, const char *file, guint64 line,
                         WpImportProblemKind kind, const char *message);
