/* SPDX-License-Identifier: MIT */
/* What the export readers share: reading records, matching header cells to fields, the user's
 * column and owner overrides, and the date formats exports use. */
#include "import/import-private.h"

#include <string.h>

static const char *const field_names[WP_I_N_FIELDS] = {
    [WP_I_FIRST_NAME] = "first_name", [WP_I_LAST_NAME] = "last_name", [WP_I_NAME] = "name",
    [WP_I_EMAIL] = "email",           [WP_I_COMPANY] = "company",     [WP_I_TITLE] = "title",
    [WP_I_URL] = "linkedin_url",      [WP_I_DATE] = "date",           [WP_I_OWNER] = "owner",
    [WP_I_ACCOUNT_ID] = "account_id",
};

const char *wp_i_field_name(WpIField field)
{
    g_return_val_if_fail(field < WP_I_N_FIELDS, NULL);
    return field_names[field];
}

static void record_free(gpointer data)
{
    WpIRecord *r = data;
    g_strfreev(r->fields);
    g_free(r);
}

static gboolean keep_record(const WpCsvRecord *rec, gpointer user_data,
                            GError **error G_GNUC_UNUSED)
{
    WpIRecord *r = g_new0(WpIRecord, 1);
    r->line = rec->line;
    r->n_fields = rec->n_fields;
    r->fields = g_new0(char *, rec->n_fields + 1);
    for (guint i = 0; i < rec->n_fields; i++)
        r->fields[i] = g_strdup(g_strstrip(rec->fields[i]));
    g_ptr_array_add(user_data, r);
    return TRUE;
}

GPtrArray *wp_i_records_read(const char *filename, GError **error)
{
    g_autoptr(WpLineReader) reader = wp_i_lines_open(filename, error);
    if (reader == NULL)
        return NULL;
    g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func(record_free);
    if (!wp_i_csv_read(reader, keep_record, NULL, records, error))
        return NULL;
    return g_steal_pointer(&records);
}

gboolean wp_i_record_is_blank(const WpIRecord *r)
{
    for (guint i = 0; i < r->n_fields; i++)
        if (r->fields[i][0] != '\0')
            return FALSE;
    return TRUE;
}

const char *wp_i_record_cell(const WpIRecord *r, int column)
{
    return column >= 0 && (guint)column < r->n_fields ? r->fields[column] : "";
}

char *wp_i_header_key(const char *cell)
{
    g_autofree char *folded = wp_text_fold(cell);
    GString *key = g_string_sized_new(strlen(folded));
    for (const char *p = folded; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c))
            g_string_append_unichar(key, c);
    }
    return g_string_free(key, FALSE);
}

void wp_i_append_quoted(GString *out, const char *text)
{
    const guint max_chars = 40;
    const char *end = text;
    guint n = 0;
    while (*end != '\0' && n < max_chars) {
        end = g_utf8_next_char(end);
        n++;
    }
    g_string_append_c(out, '\'');
    g_string_append_len(out, text, end - text);
    g_string_append(out, *end != '\0' ? "…'" : "'");
}

/* ---- overrides ---- */

static gboolean field_from_name(const char *name, WpIField *out)
{
    g_autofree char *key = g_ascii_strdown(name, -1);
    g_strstrip(key);
    if (strcmp(key, "url") == 0 || strcmp(key, "connected_on") == 0 ||
        strcmp(key, "last_contact") == 0) { /* friendly synonyms */
        *out = key[0] == 'u' ? WP_I_URL : WP_I_DATE;
        return TRUE;
    }
    for (guint f = 0; f < WP_I_N_FIELDS; f++)
        if (strcmp(key, field_names[f]) == 0) {
            *out = (WpIField)f;
            return TRUE;
        }
    return FALSE;
}

static gboolean set_column(WpIMapping *m, const char *field, const char *column, const char *where,
                           GError **error)
{
    WpIField f;
    if (!field_from_name(field, &f)) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "%s: unknown field '%s' (expected first_name, last_name, name, email, "
                    "company, title, linkedin_url, date, owner or account_id)",
                    where, field);
        return FALSE;
    }
    g_free(m->column_key[f]);
    g_free(m->column_text[f]);
    m->set[f] = TRUE;
    m->column_text[f] = g_strstrip(g_strdup(column));
    m->column_key[f] = wp_i_header_key(m->column_text[f]);
    if (m->column_key[f][0] == '\0' && m->column_text[f][0] != '\0') {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "%s: column '%s' has no letter or digit to match", where, column);
        return FALSE;
    }
    return TRUE;
}

/* "left=right" -> both halves trimmed; FALSE when there is no '=' or the left is empty. */
static gboolean split_pair(const char *text, char **left, char **right)
{
    const char *eq = strchr(text, '=');
    if (eq == NULL)
        return FALSE;
    *left = g_strstrip(g_strndup(text, (gsize)(eq - text)));
    *right = g_strstrip(g_strdup(eq + 1));
    if ((*left)[0] != '\0')
        return TRUE;
    g_clear_pointer(left, g_free);
    g_clear_pointer(right, g_free);
    return FALSE;
}

static gboolean read_map_file(WpIMapping *m, const char *filename, GError **error)
{
    g_autoptr(GKeyFile) kf = g_key_file_new();
    g_autofree char *display = g_filename_display_name(filename);
    g_autoptr(GError) local = NULL;
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!wp_file_read_small(filename, WP_MAX_SMALL_FILE_BYTES, &text, &len, error))
        return FALSE;
    if (!g_key_file_load_from_data(kf, text, len, G_KEY_FILE_NONE, &local)) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: %s", display, local->message);
        return FALSE;
    }
    g_auto(GStrv) groups = g_key_file_get_groups(kf, NULL);
    for (guint g = 0; groups[g] != NULL; g++) {
        gboolean columns = strcmp(groups[g], "columns") == 0;
        if (!columns && strcmp(groups[g], "owners") != 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s: unknown group [%s] (expected [columns] and [owners])", display,
                        groups[g]);
            return FALSE;
        }
        g_auto(GStrv) keys = g_key_file_get_keys(kf, groups[g], NULL, NULL);
        for (guint k = 0; keys[k] != NULL; k++) {
            g_autofree char *value = g_key_file_get_value(kf, groups[g], keys[k], NULL);
            g_autofree char *where = g_strdup_printf("%s: [%s] %s", display, groups[g], keys[k]);
            if (columns && !set_column(m, keys[k], value ? value : "", where, error))
                return FALSE;
            if (!columns)
                g_hash_table_replace(m->owners, g_strstrip(g_strdup(keys[k])),
                                     g_strstrip(g_strdup(value ? value : "")));
        }
    }
    return TRUE;
}

gboolean wp_i_mapping_init(WpIMapping *m, const WpImportOptions *o, GError **error)
{
    memset(m, 0, sizeof *m);
    m->owners = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    if (o->map_file != NULL && !read_map_file(m, o->map_file, error))
        return FALSE;
    for (guint i = 0; o->column_map != NULL && o->column_map[i] != NULL; i++) {
        g_autofree char *field = NULL;
        g_autofree char *column = NULL;
        g_autofree char *where = g_strdup_printf("--map '%s'", o->column_map[i]);
        if (!split_pair(o->column_map[i], &field, &column)) {
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "%s: expected FIELD=COLUMN", where);
            return FALSE;
        }
        if (!set_column(m, field, column, where, error))
            return FALSE;
    }
    for (guint i = 0; o->owner_map != NULL && o->owner_map[i] != NULL; i++) {
        char *value = NULL, *seller = NULL;
        if (!split_pair(o->owner_map[i], &value, &seller) || seller[0] == '\0') {
            g_free(value);
            g_free(seller);
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "--owner-map '%s': expected VALUE=SELLER",
                        o->owner_map[i]);
            return FALSE;
        }
        g_hash_table_replace(m->owners, value, seller);
    }
    return TRUE;
}

void wp_i_mapping_clear(WpIMapping *m)
{
    for (guint f = 0; f < WP_I_N_FIELDS; f++) {
        g_clear_pointer(&m->column_key[f], g_free);
        g_clear_pointer(&m->column_text[f], g_free);
    }
    g_clear_pointer(&m->owners, g_hash_table_unref);
}

/* ---- columns ---- */

static int find_key(char **keys, const char *key)
{
    for (int i = 0; keys[i] != NULL; i++)
        if (keys[i][0] != '\0' && strcmp(keys[i], key) == 0)
            return i;
    return -1;
}

static gboolean column_taken(const int col[WP_I_N_FIELDS], int c)
{
    for (guint f = 0; f < WP_I_N_FIELDS; f++)
        if (col[f] == c)
            return TRUE;
    return FALSE;
}

guint wp_i_columns_assign(const WpIRecord *header, const WpIMapping *m,
                          const char *const *const *aliases, int col[WP_I_N_FIELDS])
{
    g_auto(GStrv) keys = g_new0(char *, header->n_fields + 1);
    for (guint i = 0; i < header->n_fields; i++)
        keys[i] = wp_i_header_key(header->fields[i]);
    guint n = 0;
    for (guint f = 0; f < WP_I_N_FIELDS; f++) {
        col[f] = -1;
        if (m != NULL && m->set[f]) {
            col[f] = m->column_key[f][0] ? find_key(keys, m->column_key[f]) : -1;
            n += col[f] >= 0;
        }
    }
    for (guint f = 0; f < WP_I_N_FIELDS; f++) {
        if ((m != NULL && m->set[f]) || aliases[f] == NULL)
            continue;
        for (guint a = 0; aliases[f][a] != NULL && col[f] < 0; a++) {
            int c = find_key(keys, aliases[f][a]);
            if (c >= 0 && !column_taken(col, c))
                col[f] = c;
        }
        n += col[f] >= 0;
    }
    return n;
}

gboolean wp_i_columns_check(const WpIRecord *header, const WpIMapping *m, const char *origin,
                            GError **error)
{
    g_auto(GStrv) keys = g_new0(char *, header->n_fields + 1);
    for (guint i = 0; i < header->n_fields; i++)
        keys[i] = wp_i_header_key(header->fields[i]);
    for (guint f = 0; f < WP_I_N_FIELDS; f++)
        if (m->set[f] && m->column_key[f][0] != '\0' && find_key(keys, m->column_key[f]) < 0) {
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                        "%s:%" G_GUINT64_FORMAT ": header has no column '%s' (mapped to %s)",
                        origin, header->line, m->column_text[f], field_names[f]);
            return FALSE;
        }
    return TRUE;
}

/* ---- rows ---- */

static char *nonempty(const char *text)
{
    return text[0] != '\0' ? g_strdup(text) : NULL;
}

static void warn(WpIRow *row, char *message)
{
    if (row->warnings == NULL)
        row->warnings = g_ptr_array_new_with_free_func(g_free);
    g_ptr_array_add(row->warnings, message);
}

/* The name from first and last name (or a single name column), either part possibly missing,
 * without credentials and decorations (names.c); @c->credentials gets those. */
static void read_name(const WpIRecord *rec, const int col[WP_I_N_FIELDS], WpIContact *c)
{
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *joined = NULL;
    const char *whole = wp_i_record_cell(rec, col[WP_I_NAME]);
    if (col[WP_I_NAME] >= 0 && whole[0] != '\0') {
        joined = g_strdup(whole);
    } else {
        g_autofree char *first =
            wp_i_name_clean(wp_i_record_cell(rec, col[WP_I_FIRST_NAME]), WP_I_NAME_FIRST, found);
        g_autofree char *last =
            wp_i_name_clean(wp_i_record_cell(rec, col[WP_I_LAST_NAME]), WP_I_NAME_LAST, found);
        joined = g_strstrip(g_strjoin(" ", first, last, NULL));
    }
    /* The whole name once more: "Aoife O'Sullivan" + "CPA" in the last name field. */
    char *name = wp_i_name_clean(joined, WP_I_NAME_FULL, found);
    if (name[0] == '\0') {
        g_free(name);
        return;
    }
    c->name = name;
    if (found->len > 0) {
        g_ptr_array_add(found, NULL);
        c->credentials = g_strjoinv(", ", (char **)found->pdata);
    }
}

static void read_url_email_date(const WpIRecord *rec, const int col[WP_I_N_FIELDS], WpIRow *row,
                                const char *date_field)
{
    const char *v = wp_i_record_cell(rec, col[WP_I_URL]);
    if (v[0] != '\0' && (row->contact.url = wp_i_linkedin_url(v, NULL)) == NULL) {
        g_autofree char *shown = wp_text_excerpt(v);
        warn(row, g_strdup_printf("field 'linkedin_url': '%s' is not a LinkedIn profile URL; "
                                  "ignored",
                                  shown));
    }
    v = wp_i_record_cell(rec, col[WP_I_EMAIL]);
    if (v[0] != '\0' && (row->contact.email = wp_i_email(v)) == NULL) {
        g_autofree char *shown = wp_text_excerpt(v);
        warn(row, g_strdup_printf("field 'email': '%s' is not an email address; ignored", shown));
    }
    v = wp_i_record_cell(rec, col[WP_I_DATE]);
    if (v[0] != '\0' && !wp_i_parse_export_date(v, &row->contact.date)) {
        g_autofree char *shown = wp_text_excerpt(v);
        warn(row, g_strdup_printf("field '%s': '%s' is not a date like 07 Dec 2025 or "
                                  "2025-12-07; tie added without a date",
                                  date_field, shown));
    }
}

/* Fills @row from @rec. Rows with too few fields, or more non-empty ones, are skipped: a company
 * with an unquoted comma would shift every later column. */
void wp_i_row_read(const WpIRecord *rec, const WpIRecord *header, const int col[WP_I_N_FIELDS],
                   const char *date_field, WpIRow *row)
{
    row->line = rec->line;
    row->contact.date = WP_DAY_NONE;
    if (wp_i_record_is_blank(rec)) {
        row->blank = TRUE;
        return;
    }
    guint extra_used = 0; /* trailing empty fields ("...,2025,") are harmless */
    for (guint i = header->n_fields; i < rec->n_fields; i++)
        extra_used += rec->fields[i][0] != '\0';
    if (rec->n_fields < header->n_fields || extra_used > 0) {
        row->skip = g_strdup_printf("%u fields where the header (line %" G_GUINT64_FORMAT
                                    ") has %u; quote values that hold commas",
                                    rec->n_fields, header->line, header->n_fields);
        return;
    }
    read_name(rec, col, &row->contact);
    if (row->contact.name == NULL) {
        const char *cells[] = {wp_i_record_cell(rec, col[WP_I_NAME]),
                               wp_i_record_cell(rec, col[WP_I_FIRST_NAME]),
                               wp_i_record_cell(rec, col[WP_I_LAST_NAME])};
        const char *shown = cells[0][0] ? cells[0] : cells[1][0] ? cells[1] : cells[2];
        g_autoptr(GString) quoted = g_string_new(NULL);
        wp_i_append_quoted(quoted, shown);
        row->skip = shown[0] ? g_strdup_printf("no name: %s is only emoji or pronouns", quoted->str)
                             : g_strdup("no name: first and last name are empty");
        return;
    }
    row->contact.company = nonempty(wp_i_record_cell(rec, col[WP_I_COMPANY]));
    row->contact.title = nonempty(wp_i_record_cell(rec, col[WP_I_TITLE]));
    read_url_email_date(rec, col, row, date_field);
}

void wp_i_parsed_clear(WpIParsed *parsed)
{
    g_clear_pointer(&parsed->format, g_free);
    g_clear_pointer(&parsed->note, g_free);
    g_clear_pointer(&parsed->owner_column, g_free);
    if (parsed->rows == NULL)
        return;
    for (guint i = 0; i < parsed->rows->len; i++) {
        WpIRow *row = &g_array_index(parsed->rows, WpIRow, i);
        wp_i_contact_clear(&row->contact);
        g_free(row->owner);
        g_free(row->skip);
        if (row->warnings)
            g_ptr_array_unref(row->warnings);
    }
    g_clear_pointer(&parsed->rows, g_array_unref);
}

/* ---- dates ---- */

/* Month abbreviations after folding (accents removed), longest first where one is a prefix of
 * another: en, fr, de, es, pt, it, nl. */
static const struct {
    const char *prefix;
    guint month;
} months[] = {
    {"juin", 6}, {"juil", 7}, {"jan", 1},  {"ene", 1},  {"gen", 1},  {"feb", 2},  {"fev", 2},
    {"mar", 3},  {"maa", 3},  {"apr", 4},  {"avr", 4},  {"abr", 4},  {"may", 5},  {"mai", 5},
    {"mag", 5},  {"mei", 5},  {"jun", 6},  {"giu", 6},  {"jul", 7},  {"lug", 7},  {"aug", 8},
    {"aou", 8},  {"ago", 8},  {"sep", 9},  {"set", 9},  {"oct", 10}, {"okt", 10}, {"out", 10},
    {"ott", 10}, {"nov", 11}, {"dec", 12}, {"dez", 12}, {"dic", 12},
};

static guint month_from_word(const char *word)
{
    g_autofree char *folded = wp_text_fold(word);
    if (g_utf8_strlen(folded, -1) < 3)
        return 0;
    for (guint i = 0; i < G_N_ELEMENTS(months); i++)
        if (g_str_has_prefix(folded, months[i].prefix))
            return months[i].month;
    return 0;
}

static gboolean number(const char *text, guint max_digits, guint *out)
{
    guint64 n = 0;
    gsize len = strlen(text);
    if (len == 0 || len > max_digits || !g_ascii_string_to_unsigned(text, 10, 0, 9999, &n, NULL))
        return FALSE;
    *out = (guint)n;
    return TRUE;
}

static gboolean make_day(guint year, guint month, guint day, WpDay *out)
{
    char iso[16];
    g_snprintf(iso, sizeof iso, "%04u-%02u-%02u", year, month, day);
    return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
           wp_day_parse(iso, out);
}

/* Words of a date: split on spaces, '.', ',' and '/', dropping the "de"/"del" of Spanish and
 * Portuguese dates. */
static GPtrArray *date_words(const char *text)
{
    GPtrArray *words = g_ptr_array_new_with_free_func(g_free);
    g_auto(GStrv) parts = g_strsplit_set(text, " .,\t", -1);
    for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0' && g_ascii_strcasecmp(parts[i], "de") != 0 &&
            g_ascii_strcasecmp(parts[i], "del") != 0)
            g_ptr_array_add(words, g_strdup(parts[i]));
    return words;
}

gboolean wp_i_parse_export_date(const char *text, WpDay *out)
{
    guint y = 0, m = 0, d = 0;
    if (strlen(text) >= 10 && text[4] == '-' &&
        (text[10] == '\0' || text[10] == ' ' || text[10] == 'T')) {
        g_autofree char *iso = g_strndup(text, 10);
        return wp_day_parse(iso, out);
    }
    g_autoptr(GPtrArray) w = date_words(text);
    if (w->len != 3)
        return FALSE;
    const char *a = w->pdata[0], *b = w->pdata[1], *c = w->pdata[2];
    if (number(a, 2, &d) && (m = month_from_word(b)) != 0 && number(c, 4, &y))
        return make_day(y, m, d, out); /* 07 Dec 2025 */
    if ((m = month_from_word(a)) != 0 && number(b, 2, &d) && number(c, 4, &y))
        return make_day(y, m, d, out); /* Dec 7, 2025 */
    if (strchr(text, '.') != NULL && strchr(text, ' ') == NULL && number(a, 2, &d) &&
        number(b, 2, &m) && number(c, 4, &y))
        return make_day(y, m, d, out); /* 07.12.2025 */
    return FALSE;
}
