/* SPDX-License-Identifier: MIT */
/* Who is who: identity keys (LinkedIn profile, email, name + company), the indexes over the
 * people table, resolution of an export row to a known person, and adding or updating one. */
#include "core/text-private.h"
#include "import/import-private.h"

#include <string.h>

void wp_i_contact_clear(WpIContact *c)
{
    g_clear_pointer(&c->name, g_free);
    g_clear_pointer(&c->credentials, g_free);
    g_clear_pointer(&c->company, g_free);
    g_clear_pointer(&c->title, g_free);
    g_clear_pointer(&c->url, g_free);
    g_clear_pointer(&c->email, g_free);
}

/* ---- keys ---- */

char *wp_i_linkedin_url(const char *text, char **key)
{
    g_autofree char *lower = g_ascii_strdown(text, -1);
    const char *host = strstr(lower, "linkedin.com/");
    if (host == NULL)
        return NULL;
    /* Before the host only a scheme and a subdomain ("www.", "fr.") may come. */
    const char *p = lower;
    if (g_str_has_prefix(p, "https://"))
        p += 8;
    else if (g_str_has_prefix(p, "http://"))
        p += 7;
    for (const char *q = p; q < host; q++)
        if (!g_ascii_isalnum(*q) && *q != '.' && *q != '-')
            return NULL;
    if (p != host && host[-1] != '.')
        return NULL;
    gsize start = (gsize)(host - lower) + strlen("linkedin.com/");
    gsize end = start + strcspn(text + start, "?#");
    while (end > start && text[end - 1] == '/')
        end--;
    g_autofree char *path = g_strndup(text + start, end - start);
    g_autofree char *path_lower = g_ascii_strdown(path, -1);
    gboolean in = g_str_has_prefix(path_lower, "in/"), pub = g_str_has_prefix(path_lower, "pub/");
    if ((!in && !pub) || strlen(path) <= (in ? 3u : 4u) || strpbrk(path, " \t,\"") != NULL)
        return NULL;
    if (key != NULL) {
        g_autofree char *decoded = g_uri_unescape_string(path, NULL);
        *key = decoded != NULL && g_utf8_validate(decoded, -1, NULL) ? wp_i_text_lower(decoded)
                                                                     : g_ascii_strdown(path, -1);
    }
    return g_strconcat("https://www.linkedin.com/", in ? "in/" : "pub/", path + (in ? 3 : 4), NULL);
}

char *wp_i_email(const char *text)
{
    g_autofree char *s = g_strstrip(g_strdup(text));
    const char *addr = g_ascii_strncasecmp(s, "mailto:", 7) == 0 ? s + 7 : s;
    const char *at = strchr(addr, '@');
    if (at == NULL || at == addr || strchr(at + 1, '@') != NULL ||
        strpbrk(addr, " \t,;<>\"") != NULL)
        return NULL;
    const char *dot = strrchr(at, '.');
    if (dot == NULL || dot == at + 1 || dot[1] == '\0')
        return NULL;
    return wp_i_text_lower(addr); /* "BOB.SMITH@" is bob.smith@ under a Turkish locale too */
}

/* The account a company names (README "Names, accounts and teams"): "Acme, Inc." and "ACME"
 * match. */
static char *company_key(const char *company)
{
    return wp_text_fold_company(company ? company : "");
}

char *wp_i_name_key(const char *name, const char *company)
{
    g_autofree char *n = wp_text_fold(name);
    g_autofree char *c = company_key(company);
    return g_strconcat(n, "\x1f", c, NULL);
}

/* ---- indexes ---- */

/* Adds @row under @key (taken); each key lists every person it names, in row order. */
static void index_add(GHashTable *index, char *key, guint row)
{
    GArray *rows = g_hash_table_lookup(index, key);
    if (rows == NULL) {
        rows = g_array_sized_new(FALSE, FALSE, sizeof(guint), 1);
        g_hash_table_insert(index, key, rows);
    } else {
        g_free(key);
    }
    for (guint i = 0; i < rows->len; i++)
        if (g_array_index(rows, guint, i) == row)
            return;
    g_array_append_val(rows, row);
}

/* A stored name without credentials and decorations; @credentials (nullable) receives them,
 * ", "-joined, or NULL. */
static char *clean_name(const char *name, char **credentials)
{
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
    char *clean = wp_i_name_clean(name, WP_I_NAME_FULL, found);
    if (credentials != NULL && found->len > 0) {
        g_ptr_array_add(found, NULL);
        *credentials = g_strjoinv(", ", (char **)found->pdata);
    }
    return clean;
}

/* Adds @row's current URL, email, and name with its company and each former company to the
 * indexes (a person who changed company is still found under the old one, also after a reload:
 * former_companies keeps it). Keys already there stay. */
static void index_person(WpIPeople *p, guint row)
{
    const char *url = wp_i_table_cell(p->table, row, p->col[WP_I_URL]);
    const char *email = wp_i_table_cell(p->table, row, p->col[WP_I_EMAIL]);
    const char *name = wp_i_table_cell(p->table, row, p->col[WP_I_NAME]);
    char *key = NULL;
    if (url[0] != '\0') {
        g_autofree char *canon = wp_i_linkedin_url(url, &key);
        if (canon != NULL)
            index_add(p->by_url, key, row);
    }
    if (email[0] != '\0' && (key = wp_i_email(email)) != NULL)
        index_add(p->by_email, key, row);
    if (name[0] == '\0')
        return;
    /* Rows' names come without credentials; so must the names they are compared with (a file
     * written before names were cleaned says "Aoife O'Sullivan, CPA"). */
    g_autofree char *clean = clean_name(name, NULL);
    index_add(p->by_name,
              wp_i_name_key(clean, wp_i_table_cell(p->table, row, p->col[WP_I_COMPANY])), row);
    g_auto(GStrv) former = g_strsplit(wp_i_table_cell(p->table, row, p->col_former), ";", -1);
    for (guint i = 0; former[i] != NULL; i++)
        if (g_strstrip(former[i])[0] != '\0')
            index_add(p->by_name, wp_i_name_key(clean, former[i]), row);
}

static gboolean index_id(WpIPeople *p, guint row, GError **error)
{
    const char *id = wp_i_table_cell(p->table, row, p->col_id);
    if (id[0] == '\0' || g_hash_table_contains(p->by_id, id)) {
        g_autofree char *shown = wp_text_excerpt(id);
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: field 'id': %s id '%s'",
                    p->table->display, id[0] ? "duplicate" : "empty", shown);
        return FALSE;
    }
    g_hash_table_insert(p->by_id, g_strdup(id), GUINT_TO_POINTER(row + 1));
    return TRUE;
}

WpIPeople *wp_i_people_new(WpITable *table, GError **error)
{
    g_autoptr(WpIPeople) p = g_new0(WpIPeople, 1);
    p->table = table;
    p->col_id = wp_i_table_find(table, WP_COLUMN_ID);
    for (guint f = 0; f < WP_I_N_FIELDS; f++)
        p->col[f] = -1;
    p->col[WP_I_NAME] = wp_i_table_find(table, WP_COLUMN_NAME);
    p->col[WP_I_COMPANY] = wp_i_table_find(table, WP_COLUMN_COMPANY);
    p->col[WP_I_TITLE] = wp_i_table_find(table, WP_COLUMN_TITLE);
    p->col[WP_I_URL] = wp_i_table_find(table, "linkedin_url");
    p->col[WP_I_EMAIL] = wp_i_table_find(table, "email");
    p->col_team = wp_i_table_find(table, WP_COLUMN_TEAM);
    p->col_updated = wp_i_table_find(table, "updated_on");
    p->col_former = wp_i_table_find(table, "former_companies");
    p->col_credentials = wp_i_table_find(table, "credentials");
    p->by_id = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GDestroyNotify unref = (GDestroyNotify)g_array_unref;
    p->by_url = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, unref);
    p->by_email = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, unref);
    p->by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, unref);
    for (guint r = 0; r < table->rows->len; r++) {
        if (!index_id(p, r, error))
            return NULL;
        index_person(p, r);
    }
    return g_steal_pointer(&p);
}

void wp_i_people_free(WpIPeople *p)
{
    if (p == NULL)
        return;
    wp_i_table_free(p->table);
    GHashTable *tables[] = {p->by_id, p->by_url, p->by_email, p->by_name};
    for (guint i = 0; i < G_N_ELEMENTS(tables); i++)
        if (tables[i] != NULL)
            g_hash_table_unref(tables[i]);
    g_free(p);
}

guint wp_i_people_count(const WpIPeople *p)
{
    return p->table->rows->len;
}

const char *wp_i_people_id(const WpIPeople *p, guint row)
{
    return wp_i_table_cell(p->table, row, p->col_id);
}

const char *wp_i_people_name(const WpIPeople *p, guint row)
{
    return wp_i_table_cell(p->table, row, p->col[WP_I_NAME]);
}

const char *wp_i_people_cell(const WpIPeople *p, guint row, WpIField field)
{
    return wp_i_table_cell(p->table, row, p->col[field]);
}

guint wp_i_people_find_id(const WpIPeople *p, const char *id)
{
    gpointer v = g_hash_table_lookup(p->by_id, id);
    return v ? GPOINTER_TO_UINT(v) - 1 : WP_I_NONE;
}

/* Team cells say yes/no or name the team (README "People"); the loader reads them alike. */
gboolean wp_i_people_is_team(const WpIPeople *p, guint row)
{
    static const char *const no[] = {"", "0", "false", "no", "n", "-"};
    const char *cell = wp_i_table_cell(p->table, row, p->col_team);
    for (guint i = 0; i < G_N_ELEMENTS(no); i++)
        if (g_ascii_strcasecmp(cell, no[i]) == 0)
            return FALSE;
    return TRUE;
}

const char *wp_i_people_team(const WpIPeople *p, guint row)
{
    static const char *const yes[] = {"1", "true", "yes", "y", "x", "team"};
    if (!wp_i_people_is_team(p, row))
        return NULL;
    const char *cell = wp_i_table_cell(p->table, row, p->col_team);
    for (guint i = 0; i < G_N_ELEMENTS(yes); i++)
        if (g_ascii_strcasecmp(cell, yes[i]) == 0)
            return "team";
    return cell;
}

WpITeamChange wp_i_people_mark_team(WpIPeople *p, guint row, const char *team)
{
    const char *have = wp_i_people_team(p, row);
    if (have != NULL && (team == NULL || strcmp(have, team) == 0))
        return WP_I_TEAM_UNCHANGED;
    if (have != NULL && strcmp(have, "team") != 0)
        return WP_I_TEAM_KEPT; /* a named team is the user's; only a yes-like mark is filled */
    if (p->col_team < 0)
        p->col_team = (int)wp_i_table_ensure(p->table, WP_COLUMN_TEAM);
    return wp_i_table_set(p->table, row, (guint)p->col_team, team ? team : "team")
               ? WP_I_TEAM_SET
               : WP_I_TEAM_UNCHANGED;
}

guint wp_i_people_find_name(const WpIPeople *p, const char *name, guint *n_found, GString *ids)
{
    g_autofree char *want = wp_text_fold(name);
    guint found = WP_I_NONE;
    *n_found = 0;
    for (int pass = 0; pass < 2 && *n_found == 0; pass++) /* team members, then everyone */
        for (guint r = 0; r < wp_i_people_count(p); r++) {
            if (pass == 0 && !wp_i_people_is_team(p, r))
                continue;
            g_autofree char *have = wp_text_fold(wp_i_people_name(p, r));
            if (strcmp(have, want) != 0)
                continue;
            if (ids != NULL)
                g_string_append_printf(ids, "%s'%s'", *n_found ? ", " : "", wp_i_people_id(p, r));
            found = r;
            ++*n_found;
        }
    return *n_found == 1 ? found : WP_I_NONE;
}

/* ---- resolution ---- */

static char *row_url_key(const WpIPeople *p, guint row)
{
    char *key = NULL;
    g_autofree char *canon =
        wp_i_linkedin_url(wp_i_table_cell(p->table, row, p->col[WP_I_URL]), &key);
    return key;
}

/* The person @key names. A candidate with a LinkedIn profile other than @url_key is not the
 * same person. Several candidates: the one @prefer accepts, if exactly one; else @why. */
static guint lookup(const WpIPeople *p, GHashTable *index, const char *key, const char *url_key,
                    const char *rule, WpIPreferFunc prefer, gpointer data, char **why)
{
    GArray *rows = g_hash_table_lookup(index, key);
    guint n = 0, found = WP_I_NONE, n_preferred = 0, preferred = WP_I_NONE;
    g_autoptr(GString) ids = g_string_new(NULL);
    for (guint i = 0; rows != NULL && i < rows->len; i++) {
        guint row = g_array_index(rows, guint, i);
        g_autofree char *have = url_key ? row_url_key(p, row) : NULL;
        if (have != NULL && strcmp(url_key, have) != 0)
            continue;
        found = row;
        if (n++ < 5)
            g_string_append_printf(ids, "%s'%s'", n > 1 ? ", " : "", wp_i_people_id(p, row));
        if (prefer != NULL && prefer(row, data)) {
            n_preferred++;
            preferred = row;
        }
    }
    if (n <= 1)
        return found;
    if (n_preferred == 1)
        return preferred;
    *why = g_strdup_printf("matches %u people by %s (%s%s); add a LinkedIn URL or an email to "
                           "the row, or merge those people",
                           n, rule, ids->str, n > 5 ? ", ..." : "");
    return WP_I_NONE;
}

guint wp_i_people_resolve(const WpIPeople *p, const WpIContact *c, WpIPreferFunc prefer,
                          gpointer data, WpImportRule *rule, char **why)
{
    g_autofree char *url_key = NULL;
    g_autofree char *canon = c->url ? wp_i_linkedin_url(c->url, &url_key) : NULL;
    guint row = WP_I_NONE;
    *why = NULL;
    if (url_key != NULL) {
        *rule = WP_IMPORT_RULE_LINKEDIN_URL;
        row = lookup(p, p->by_url, url_key, NULL, "LinkedIn URL", prefer, data, why);
    }
    if (row == WP_I_NONE && *why == NULL && c->email != NULL) {
        *rule = WP_IMPORT_RULE_EMAIL;
        row = lookup(p, p->by_email, c->email, url_key, "email", prefer, data, why);
    }
    if (row == WP_I_NONE && *why == NULL && c->name != NULL) {
        g_autofree char *key = wp_i_name_key(c->name, c->company);
        *rule = WP_IMPORT_RULE_NAME_COMPANY;
        row = lookup(p, p->by_name, key, url_key, "name and company", prefer, data, why);
    }
    return row;
}

/* ---- changes ---- */

static guint ensure_field(WpIPeople *p, WpIField f)
{
    static const char *const column[WP_I_N_FIELDS] = {[WP_I_NAME] = WP_COLUMN_NAME,
                                                      [WP_I_COMPANY] = WP_COLUMN_COMPANY,
                                                      [WP_I_TITLE] = WP_COLUMN_TITLE,
                                                      [WP_I_URL] = "linkedin_url",
                                                      [WP_I_EMAIL] = "email"};
    if (p->col[f] < 0)
        p->col[f] = (int)wp_i_table_ensure(p->table, column[f]);
    return (guint)p->col[f];
}

static void set_field(WpIPeople *p, guint row, WpIField f, const char *value)
{
    if (value != NULL && value[0] != '\0')
        wp_i_table_set(p->table, row, ensure_field(p, f), value);
}

static void set_updated(WpIPeople *p, guint row, WpDay day)
{
    char buf[11];
    if (day == WP_DAY_NONE)
        return;
    if (p->col_updated < 0)
        p->col_updated = (int)wp_i_table_ensure(p->table, "updated_on");
    wp_day_format(day, buf);
    wp_i_table_set(p->table, row, (guint)p->col_updated, buf);
}

/* Fills the credentials cell, or with @newer replaces it. TRUE on change. */
static gboolean set_credentials(WpIPeople *p, guint row, const char *value, gboolean newer)
{
    if (value == NULL)
        return FALSE;
    if (wp_i_table_cell(p->table, row, p->col_credentials)[0] != '\0' && !newer)
        return FALSE;
    if (p->col_credentials < 0)
        p->col_credentials = (int)wp_i_table_ensure(p->table, "credentials");
    return wp_i_table_set(p->table, row, (guint)p->col_credentials, value);
}

/* A name stored with credentials or decorations (by an older import, or typed so) that the
 * row's clean name matches becomes the clean name; the credentials go to their column. */
static gboolean clean_stored_name(WpIPeople *p, guint row, const WpIContact *c)
{
    const char *have = wp_i_table_cell(p->table, row, p->col[WP_I_NAME]);
    if (have[0] == '\0' || c->name == NULL || strcmp(have, c->name) == 0)
        return FALSE;
    g_autofree char *credentials = NULL;
    g_autofree char *clean = clean_name(have, &credentials);
    g_autofree char *a = wp_text_fold(clean);
    g_autofree char *b = wp_text_fold(c->name);
    if (strcmp(clean, have) == 0 || strcmp(a, b) != 0)
        return FALSE;
    wp_i_table_set(p->table, row, (guint)p->col[WP_I_NAME], c->name);
    set_credentials(p, row, c->credentials ? c->credentials : credentials, FALSE);
    return TRUE;
}

guint wp_i_people_add(WpIPeople *p, const WpIContact *c, const char *id, WpDay exported_on)
{
    guint row = wp_i_table_append(p->table);
    wp_i_table_set(p->table, row, (guint)p->col_id, id);
    g_hash_table_insert(p->by_id, g_strdup(id), GUINT_TO_POINTER(row + 1));
    set_field(p, row, WP_I_NAME, c->name);
    set_field(p, row, WP_I_COMPANY, c->company);
    set_field(p, row, WP_I_TITLE, c->title);
    set_field(p, row, WP_I_URL, c->url);
    set_field(p, row, WP_I_EMAIL, c->email);
    set_credentials(p, row, c->credentials, FALSE);
    if (c->company != NULL || c->title != NULL)
        set_updated(p, row, exported_on);
    index_person(p, row);
    return row;
}

/* Appends @company to the person's former_companies ("A;B"), once. */
static void remember_company(WpIPeople *p, guint row, const char *company)
{
    g_autofree char *key = wp_i_name_key("", company);
    const char *have = wp_i_table_cell(p->table, row, p->col_former);
    g_auto(GStrv) former = g_strsplit(have, ";", -1);
    for (guint i = 0; former[i] != NULL; i++) {
        g_autofree char *k = wp_i_name_key("", g_strstrip(former[i]));
        if (strcmp(k, key) == 0)
            return;
    }
    if (p->col_former < 0)
        p->col_former = (int)wp_i_table_ensure(p->table, "former_companies");
    g_autofree char *joined = have[0] ? g_strconcat(have, ";", company, NULL) : g_strdup(company);
    wp_i_table_set(p->table, row, (guint)p->col_former, joined);
}

void wp_i_replaced_clear(WpIReplaced *replaced)
{
    g_clear_pointer(&replaced->company, g_free);
    g_clear_pointer(&replaced->title, g_free);
}

/* Fills an empty cell; with @newer also replaces a value that folds differently (a company: that
 * names another account, so "Acme Inc" for "Acme" is no job change), and then sets @old
 * (nullable) to the value replaced. */
static gboolean refresh(WpIPeople *p, guint row, WpIField f, const char *value, gboolean newer,
                        char **old)
{
    if (value == NULL)
        return FALSE;
    const char *have = wp_i_table_cell(p->table, row, p->col[f]);
    if (have[0] != '\0') {
        char *(*fold)(const char *) = f == WP_I_COMPANY ? wp_text_fold_company : wp_text_fold;
        g_autofree char *a = fold(have);
        g_autofree char *b = fold(value);
        if (!newer || strcmp(a, b) == 0)
            return FALSE;
        if (old != NULL) {
            g_free(*old);
            *old = g_strdup(have);
        }
    }
    if (f == WP_I_COMPANY && have[0] != '\0')
        remember_company(p, row, have);
    return wp_i_table_set(p->table, row, ensure_field(p, f), value);
}

gboolean wp_i_people_update(WpIPeople *p, guint row, const WpIContact *c, WpDay exported_on,
                            WpIReplaced *replaced)
{
    WpDay updated = WP_DAY_NONE;
    wp_day_parse(wp_i_table_cell(p->table, row, p->col_updated), &updated);
    /* Only a strictly newer export replaces company and title: two exports of the same day
     * cannot undo each other on every re-import. */
    gboolean newer =
        exported_on != WP_DAY_NONE && (updated == WP_DAY_NONE || exported_on > updated);
    gboolean changed = FALSE;
    changed |= clean_stored_name(p, row, c);
    changed |= refresh(p, row, WP_I_NAME, c->name, FALSE, NULL);
    changed |= refresh(p, row, WP_I_URL, c->url, FALSE, NULL);
    changed |= refresh(p, row, WP_I_EMAIL, c->email, FALSE, NULL);
    changed |= refresh(p, row, WP_I_COMPANY, c->company, newer, &replaced->company);
    changed |= refresh(p, row, WP_I_TITLE, c->title, newer, &replaced->title);
    changed |= set_credentials(p, row, c->credentials, newer);
    if (newer && (c->company != NULL || c->title != NULL))
        set_updated(p, row, exported_on);
    if (changed)
        index_person(p, row);
    return changed;
}
