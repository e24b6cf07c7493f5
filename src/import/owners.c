/* SPDX-License-Identifier: MIT */
/* Who owns a row: the seller --owner names (an id, a name, or a new seller), the seller an
 * owner cell names (through --owner-map), the rules that keep these options apart, and what to
 * type when the seller is not there yet. */
#include "import/import-private.h"

#include <string.h>

/* The owner options have one meaning each (docs/import.md "Owners"): the owner column
 * (found, --owner-column or --map owner=COLUMN) names each row's seller, --owner-map translates
 * its values, --owner takes the rows whose cell is empty, and `--map owner=` (no column) gives
 * every row to --owner. Options that contradict each other are refused. */
gboolean wp_i_owner_options_check(WpImportSource source, const WpImportOptions *o, WpIMapping *m,
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

guint wp_i_owner_find(const WpIPeople *p, const char *text, GError **why)
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
static void unknown_owner(const WpIPeople *p, const char *text, GError **error)
{
    g_autofree char *owner = g_utf8_make_valid(text, -1); /* a command-line argument */
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

gboolean wp_i_owner_resolve(const WpIPeople *p, const WpImportOptions *o, guint *out, char **note,
                            GError **error)
{
    *out = wp_i_people_find_id(p, o->owner);
    if (*out != WP_I_NONE) {
        g_autofree char *want = o->owner_name ? wp_text_fold(o->owner_name) : NULL;
        g_autofree char *have = wp_text_fold(wp_i_people_name(p, *out));
        if (want != NULL && have[0] != '\0' && strcmp(want, have) != 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                        "--owner-name '%s': person '%s' is already named '%s'", o->owner_name,
                        o->owner, wp_i_people_name(p, *out));
            return FALSE;
        }
        return TRUE;
    }
    if (o->owner_name == NULL) {
        g_autoptr(GError) why = NULL;
        *out = wp_i_owner_find(p, o->owner, &why);
        if (*out != WP_I_NONE)
            return TRUE;
        if (g_error_matches(why, WP_ERROR, WP_ERROR_UNKNOWN_PERSON))
            unknown_owner(p, o->owner, error);
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
    *out = wp_i_people_resolve(p, &c, NULL, NULL, &rule, &why);
    if (*out != WP_I_NONE)
        *note = g_strdup_printf(
            "the seller '%s' (%s) is the person '%s' already known by name and company; their "
            "ties are added to that person (next time, give --owner '%s')",
            o->owner, o->owner_name, wp_i_people_id(p, *out), wp_i_people_id(p, *out));
    return TRUE;
}

guint wp_i_owner_of_cell(const WpIPeople *p, const WpIMapping *m, const char *value, char **why)
{
    const char *mapped = g_hash_table_lookup(m->owners, value);
    g_autoptr(GError) error = NULL;
    guint row = wp_i_owner_find(p, mapped ? mapped : value, &error);
    if (row != WP_I_NONE)
        return row;
    if (mapped != NULL) {
        *why = g_strdup_printf("contact owner '%s' is mapped to %s", value, error->message);
        return WP_I_NONE;
    }
    g_autofree char *pair = g_strconcat(value, "=SELLER", NULL);
    g_autofree char *quoted = g_shell_quote(pair);
    *why =
        g_strdup_printf("contact owner: %s; map it with --owner-map %s%s", error->message, quoted,
                        g_error_matches(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON)
                            ? ", or import that seller's LinkedIn export first (with "
                              "--owner-name)"
                            : "");
    return WP_I_NONE;
}
