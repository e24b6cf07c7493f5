/* SPDX-License-Identifier: MIT */
/* An import session: the data directory in memory, one export at a time merged into it (owner,
 * people, ties), the report, and saving. */
#include "import/import-private.h"

#include <glib/gstdio.h>
#include <string.h>

struct WpImport {
    WpIPeople *people;
    WpITies *ties;
    WpImportReport report;
    GHashTable *added;    /* people rows added this session (row + 1) */
    GHashTable *updated;  /* rows of earlier people counted as updated (row + 1) */
    GHashTable *tie_rows; /* tie rows counted as added or updated this session (row + 1) */
};

static const char *const people_required[] = {WP_COLUMN_ID, NULL};
static const char *const people_fresh[] = {WP_COLUMN_ID,    WP_COLUMN_NAME, WP_COLUMN_COMPANY,
                                           WP_COLUMN_TITLE, WP_COLUMN_TEAM, "linkedin_url",
                                           "email",         "updated_on",   NULL};
static const char *const edges_fresh[] = {"source",       "target",       "strength", "type",
                                          "last_contact", "interactions", NULL};

void wp_import_options_init(WpImportOptions *o)
{
    g_return_if_fail(o != NULL);
    *o = (WpImportOptions){0};
    o->tie_type = WP_TIE_CLIENT;
    o->exported_on = WP_DAY_NONE;
}

WpImport *wp_import_open(const char *data_dir, GError **error)
{
    g_return_val_if_fail(data_dir != NULL, NULL);
    g_autofree char *people_file = g_build_filename(data_dir, "people.csv", NULL);
    g_autofree char *edges_file = g_build_filename(data_dir, "edges.csv", NULL);
    WpITable *people = wp_i_table_load(people_file, people_required, people_fresh, error);
    if (people == NULL)
        return NULL;
    g_autoptr(WpIPeople) index = wp_i_people_new(people, error);
    if (index == NULL)
        return NULL;
    g_autoptr(WpITable) edges = wp_i_table_load(edges_file, NULL, edges_fresh, error);
    if (edges == NULL)
        return NULL;
    if (wp_i_table_find(edges, "source") < 0 || wp_i_table_find(edges, "target") < 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_NOT_SUPPORTED,
                    "%s:1: header: no 'source' and 'target' columns (a plain edge list?); "
                    "import extends only a ties CSV",
                    edges->display);
        return NULL;
    }
    WpImport *imp = g_new0(WpImport, 1);
    imp->people = g_steal_pointer(&index);
    imp->ties = wp_i_ties_new(g_steal_pointer(&edges));
    wp_i_report_init(&imp->report);
    imp->added = g_hash_table_new(g_direct_hash, g_direct_equal);
    imp->updated = g_hash_table_new(g_direct_hash, g_direct_equal);
    imp->tie_rows = g_hash_table_new(g_direct_hash, g_direct_equal);
    return imp;
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
    g_free(imp);
}

const WpImportReport *wp_import_get_report(const WpImport *imp)
{
    g_return_val_if_fail(imp != NULL, NULL);
    return &imp->report;
}

gboolean wp_import_save(WpImport *imp, gboolean *written, GError **error)
{
    g_return_val_if_fail(imp != NULL, FALSE);
    gboolean wrote_people = FALSE, wrote_edges = FALSE;
    /* People first: a reader between the two renames sees ties whose people are all listed. */
    if (!wp_i_table_save(imp->people->table, &wrote_people, error) ||
        !wp_i_table_save(imp->ties->table, &wrote_edges, error))
        return FALSE;
    if (written)
        *written = wrote_people || wrote_edges;
    return TRUE;
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
 * says so (README "Teammates"). */
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

/* A person named by id, else by a unique folded name; WP_I_NONE with @why set otherwise. */
static guint find_person(const WpIPeople *p, const char *text, GError **why)
{
    guint row = wp_i_people_find_id(p, text);
    if (row != WP_I_NONE)
        return row;
    guint n = 0;
    g_autoptr(GString) ids = g_string_new(NULL);
    row = wp_i_people_find_name(p, text, &n, ids);
    if (n > 1)
        g_set_error(why, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON,
                    "'%s' names several people: %s; give an id", text, ids->str);
    else if (n == 0)
        g_set_error(why, WP_ERROR, WP_ERROR_UNKNOWN_PERSON, "'%s' is no person's id or name in %s",
                    text, p->table->display);
    return row;
}

/* "José Ruiz" -> "jose-ruiz": letters and digits without accents, lowercased, each run of
 * anything else one '-'. Cannot fail; "" when @name has no letter or digit. */
static char *id_from_name(const char *name)
{
    g_autofree char *decomposed = g_utf8_normalize(name, -1, G_NORMALIZE_NFKD);
    GString *id = g_string_new(NULL);
    for (const char *p = decomposed ? decomposed : ""; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c))
            g_string_append_unichar(id, g_unichar_tolower(c));
        else if (g_unichar_type(c) != G_UNICODE_NON_SPACING_MARK && id->len > 0 &&
                 id->str[id->len - 1] != '-')
            g_string_append_c(id, '-');
    }
    if (id->len > 0 && id->str[id->len - 1] == '-')
        g_string_truncate(id, id->len - 1);
    return g_string_free(id, FALSE);
}

/* @word as one shell word: as it is when it is plain, else quoted. */
static char *shell_word(const char *word)
{
    for (const char *p = word; *p != '\0'; p++)
        if (!g_ascii_isalnum(*p) && strchr("-_.:@/+", *p) == NULL)
            return g_shell_quote(word);
    return word[0] != '\0' ? g_strdup(word) : g_shell_quote(word);
}

/* The --owner nobody has, and what to type instead: a first import into an empty folder needs
 * the seller added with --owner-name (and --owner-company, so teammates' exports that list the
 * seller find the same person). Text with a capital or a space is taken for a name. */
static void unknown_owner(const WpIPeople *p, const char *owner, GError **error)
{
    gboolean name = FALSE;
    for (const char *c = owner; *c != '\0' && !name; c = g_utf8_next_char(c))
        name = g_unichar_isspace(g_utf8_get_char(c)) || g_unichar_isupper(g_utf8_get_char(c));
    g_autofree char *slug = name ? id_from_name(owner) : NULL;
    g_autofree char *id = shell_word(slug != NULL && slug[0] != '\0' ? slug : owner);
    g_autofree char *quoted = g_shell_quote(owner);
    g_autofree char *add = g_strdup_printf("--owner %s --owner-name %s --owner-company COMPANY", id,
                                           name ? quoted : "NAME");
    guint n = wp_i_people_count(p);
    if (n == 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON,
                    "'%s' is no person in %s, which has no people yet; to add the seller, give "
                    "their name and company: %s",
                    owner, p->table->display, add);
        return;
    }
    /* The sellers already there, by name and id: most often the one meant is among them. */
    g_autoptr(GString) sellers = g_string_new(NULL);
    guint n_sellers = 0;
    for (guint r = 0; r < n; r++) {
        if (wp_i_people_team(p, r) == NULL || n_sellers++ >= 5)
            continue;
        g_string_append(sellers, sellers->len ? ", " : "; sellers here: ");
        wp_i_append_quoted(sellers, wp_i_people_name(p, r));
        g_string_append(sellers, " (");
        wp_i_append_quoted(sellers, wp_i_people_id(p, r));
        g_string_append_c(sellers, ')');
    }
    if (n_sellers > 5)
        g_string_append_printf(sellers, " and %u more", n_sellers - 5);
    g_set_error(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON,
                "'%s' is no person's id or name in %s (%u %s)%s; to add a new seller: %s", owner,
                p->table->display, n, n == 1 ? "person" : "people", sellers->str, add);
}

static gboolean valid_new_id(const char *id)
{
    if (id[0] == '\0' || g_ascii_isspace(id[0]) || g_ascii_isspace(id[strlen(id) - 1]) ||
        !g_utf8_validate(id, -1, NULL))
        return FALSE;
    for (const char *p = id; *p != '\0'; p = g_utf8_next_char(p))
        if (g_unichar_iscntrl(g_utf8_get_char(p)))
            return FALSE;
    return TRUE;
}

/* The seller --owner names (see WpImportOptions): sets @out to their row, or to WP_I_NONE when
 * a new seller must be created with the id @o->owner. Fails with WP_ERROR_USAGE,
 * WP_ERROR_UNKNOWN_PERSON or WP_ERROR_AMBIGUOUS_PERSON. Changes nothing but the report. */
static gboolean find_owner(WpImport *imp, const WpImportOptions *o, const char *origin, guint *out,
                           GError **error)
{
    *out = wp_i_people_find_id(imp->people, o->owner);
    if (*out != WP_I_NONE) {
        g_autofree char *want = o->owner_name ? wp_text_fold(o->owner_name) : NULL;
        g_autofree char *have = wp_text_fold(wp_i_people_name(imp->people, *out));
        if (want != NULL && have[0] != '\0' && strcmp(want, have) != 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                        "--owner-name '%s': person '%s' is already named '%s'", o->owner_name,
                        o->owner, wp_i_people_name(imp->people, *out));
            return FALSE;
        }
        return TRUE;
    }
    if (o->owner_name == NULL) {
        g_autoptr(GError) why = NULL;
        *out = find_person(imp->people, o->owner, &why);
        if (*out != WP_I_NONE)
            return TRUE;
        if (g_error_matches(why, WP_ERROR, WP_ERROR_UNKNOWN_PERSON))
            unknown_owner(imp->people, o->owner, error);
        else
            g_propagate_error(error, g_steal_pointer(&why));
        return FALSE;
    }
    if (!valid_new_id(o->owner)) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--owner '%s': a new id must be non-empty text without control characters "
                    "or spaces at either end",
                    o->owner);
        return FALSE;
    }
    /* The seller may already be known, e.g. from a teammate's export. */
    WpIContact c = {.name = (char *)o->owner_name, .company = (char *)o->owner_company};
    WpImportRule rule;
    g_autofree char *why = NULL;
    *out = wp_i_people_resolve(imp->people, &c, NULL, NULL, &rule, &why);
    if (*out != WP_I_NONE) {
        g_autofree char *note = g_strdup_printf(
            "the seller '%s' (%s) is the person '%s' already known by name and company; their "
            "ties are added to that person (next time, give --owner '%s')",
            o->owner, o->owner_name, wp_i_people_id(imp->people, *out),
            wp_i_people_id(imp->people, *out));
        wp_i_report_problem(&imp->report, origin, 0, WP_IMPORT_WARNING, note);
    }
    return TRUE;
}

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
    const char *mapped = g_hash_table_lookup(m->owners, value);
    g_autoptr(GError) why = NULL;
    hit->row = find_person(imp->people, mapped ? mapped : value, &why);
    if (hit->row == WP_I_NONE && mapped != NULL)
        hit->why = g_strdup_printf("contact owner '%s' is mapped to %s", value, why->message);
    else if (hit->row == WP_I_NONE) {
        g_autofree char *pair = g_strconcat(value, "=SELLER", NULL);
        g_autofree char *quoted = g_shell_quote(pair);
        hit->why = g_strdup_printf(
            "contact owner: %s; map it with --owner-map %s%s", why->message, quoted,
            g_error_matches(why, WP_ERROR, WP_ERROR_UNKNOWN_PERSON)
                ? ", or import that seller's LinkedIn export first (with --owner-name)"
                : "");
    } else
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
                                          row->contact.date, run->crm, &tie);
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

/* The owner options have one meaning each (README "CRM contact exports"): the owner column
 * (found, --owner-column or --map owner=COLUMN) names each row's seller, --owner-map translates
 * its values, --owner takes the rows whose cell is empty, and `--map owner=` (no column) gives
 * every row to --owner. Options that contradict each other are refused. */
static gboolean check_owner_options(WpImportSource source, const WpImportOptions *o, WpIMapping *m,
                                    GError **error)
{
    gboolean owner_map = o->owner_map != NULL && o->owner_map[0] != NULL;
    if (source == WP_IMPORT_LINKEDIN && (o->owner_column || m->set[WP_I_OWNER] || owner_map)) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--owner-column and --owner-map apply to CRM exports only: a LinkedIn "
                    "export belongs to its --owner");
        return FALSE;
    }
    if (o->owner_column != NULL) { /* --owner-column COL is --map owner=COL */
        g_autofree char *key = wp_i_header_key(o->owner_column);
        if (m->set[WP_I_OWNER] && strcmp(key, m->column_key[WP_I_OWNER]) != 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                        "--owner-column '%s' and --map owner=%s (or [columns] in --map-file) "
                        "name different owner columns; give one",
                        o->owner_column, m->column_text[WP_I_OWNER]);
            return FALSE;
        }
        g_free(m->column_key[WP_I_OWNER]);
        g_free(m->column_text[WP_I_OWNER]);
        m->set[WP_I_OWNER] = TRUE;
        m->column_text[WP_I_OWNER] = g_strdup(o->owner_column);
        m->column_key[WP_I_OWNER] = g_steal_pointer(&key);
    }
    if (owner_map && m->set[WP_I_OWNER] && m->column_key[WP_I_OWNER][0] == '\0') {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--owner-map has nothing to map: --map owner= ignores the owner column and "
                    "gives every row to --owner; drop one of them");
        return FALSE;
    }
    return TRUE;
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
    if (o->tie_type >= WP_TIE_N_TYPES) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "tie type %u is not a WpTieType",
                    (guint)o->tie_type);
        return FALSE;
    }
    return check_date(o, error) && check_owner_options(source, o, m, error);
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
    if (o->owner != NULL && !find_owner(imp, o, origin, &run.owner, error))
        return FALSE;
    /* From here on the session changes; nothing below can fail. */
    WpDay future = WP_DAY_NONE;
    if (run.exported_on == WP_DAY_NONE)
        run.exported_on = modification_day(filename, &future);
    if (o->owner != NULL && run.owner == WP_I_NONE) {
        WpIContact seller = {.name = (char *)o->owner_name, .company = (char *)o->owner_company};
        run.owner = add_person(imp, &seller, o->owner, WP_DAY_NONE);
    }
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
    for (guint i = 0; i < parsed.rows->len; i++)
        apply_row(&run, &g_array_index(parsed.rows, WpIRow, i));
    g_hash_table_unref(run.owners);
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
