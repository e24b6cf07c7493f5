/* SPDX-License-Identifier: MIT */
/* LinkedIn's Connections.csv: find the header after the "Notes:" preamble, in any of the
 * languages LinkedIn exports, match the columns by name and then by content, and turn each
 * connection into a contact. */
#include "import/import-private.h"

#include <string.h>

/* Header keys (wp_i_header_key) per field, for English, French, German, Spanish, Portuguese,
 * Italian and Dutch exports. */
static const char *const first_name[] = {"firstname", "prenom",   "vorname", "nombre",
                                         "nome",      "voornaam", NULL};
static const char *const last_name[] = {"lastname",  "nom",        "nachname",
                                        "apellidos", "apellido",   "sobrenome",
                                        "cognome",   "achternaam", NULL};
static const char *const url[] = {"url",         "profileurl",   "profilurl",
                                  "urldoperfil", "urldelperfil", NULL};
static const char *const email[] = {"emailaddress",
                                    "email",
                                    "adresseemail",
                                    "adressemail",
                                    "courriel",
                                    "emailadresse",
                                    "direcciondecorreoelectronico",
                                    "correoelectronico",
                                    "enderecodeemail",
                                    "indirizzoemail",
                                    "emailadres",
                                    NULL};
static const char *const company[] = {"company", "entreprise", "societe", "unternehmen", "firma",
                                      "empresa", "azienda",    "bedrijf", NULL};
static const char *const position[] = {"position", "poste", "cargo", "posizione",
                                       "functie",  "titre", "titel", NULL};
static const char *const connected_on[] = {
    "connectedon",   "connectele",  "connecteele",     "datedeconnexion", "verbundenam",
    "verbundenseit", "conectadoel", "fechadeconexion", "conectadoem",     "conectadaem",
    "datadeconexao", "collegatoil", "dataconnessione", "verbondenop",     NULL};

static const char *const *const aliases[WP_I_N_FIELDS] = {
    [WP_I_FIRST_NAME] = first_name, [WP_I_LAST_NAME] = last_name, [WP_I_URL] = url,
    [WP_I_EMAIL] = email,           [WP_I_COMPANY] = company,     [WP_I_TITLE] = position,
    [WP_I_DATE] = connected_on,
};

/* The language a header's name columns are in, for the report. Portuguese and Italian both
 * say "Nome"; the last name column tells them apart. */
static const char *header_language(const WpIRecord *header, const int col[WP_I_N_FIELDS])
{
    static const struct {
        const char *key, *lang; /* lang NULL: the last name column decides */
    } langs[] = {{"firstname", "en"}, {"prenom", "fr"},  {"vorname", "de"},  {"nombre", "es"},
                 {"sobrenome", "pt"}, {"cognome", "it"}, {"voornaam", "nl"}, {"nome", NULL}};
    gboolean nome = FALSE;
    for (guint f = WP_I_FIRST_NAME; f <= WP_I_LAST_NAME; f++) {
        g_autofree char *key =
            col[f] >= 0 ? wp_i_header_key(wp_i_record_cell(header, col[f])) : NULL;
        for (guint i = 0; key != NULL && i < G_N_ELEMENTS(langs); i++)
            if (strcmp(key, langs[i].key) == 0 && langs[i].lang != NULL)
                return langs[i].lang;
            else if (strcmp(key, langs[i].key) == 0)
                nome = TRUE;
    }
    return nome ? "pt/it" : NULL;
}

/* A header names at least three of the fields, a name among them. */
static gboolean is_header(const WpIRecord *rec, const WpIMapping *m, int col[WP_I_N_FIELDS])
{
    guint n = wp_i_columns_assign(rec, m, aliases, col);
    return n >= 3 && (col[WP_I_FIRST_NAME] >= 0 || col[WP_I_LAST_NAME] >= 0 || col[WP_I_NAME] >= 0);
}

/* The first of the first @limit records that is a header, or records->len. */
static guint find_header(GPtrArray *records, const WpIMapping *m, guint limit,
                         int col[WP_I_N_FIELDS])
{
    for (guint h = 0; h < records->len && h < limit; h++)
        if (is_header(records->pdata[h], m, col))
            return h;
    return records->len;
}

static void quote_cells(GString *out, const WpIRecord *header, const int *cols, guint n)
{
    for (guint i = 0; i < n; i++)
        if (cols[i] >= 0) {
            g_string_append(out, out->len ? ", " : "");
            wp_i_append_quoted(out, wp_i_record_cell(header, cols[i]));
        }
}

gboolean wp_i_linkedin_detect(GPtrArray *records, guint64 *line, GString *evidence)
{
    int col[WP_I_N_FIELDS];
    guint h = find_header(records, NULL, 16, col); /* the preamble is three records */
    if (h == records->len || col[WP_I_DATE] < 0)
        return FALSE;
    const WpIRecord *header = records->pdata[h];
    *line = header->line;
    const int shown[] = {col[WP_I_FIRST_NAME], col[WP_I_LAST_NAME], col[WP_I_DATE]};
    quote_cells(evidence, header, shown, G_N_ELEMENTS(shown));
    return TRUE;
}

static gboolean is_alias(const char *key)
{
    for (guint f = 0; f < WP_I_N_FIELDS; f++)
        for (guint a = 0; aliases[f] != NULL && aliases[f][a] != NULL; a++)
            if (strcmp(key, aliases[f][a]) == 0)
                return TRUE;
    return FALSE;
}

/* The user named a column LinkedIn's export has (owner and account id are CRM fields). */
static gboolean user_mapped(const WpIMapping *m)
{
    for (guint f = 0; f < WP_I_N_FIELDS; f++)
        if (m->set[f] && f != WP_I_OWNER && f != WP_I_ACCOUNT_ID)
            return TRUE;
    return FALSE;
}

/* Refuses what is not LinkedIn's Connections export (as LinkedIn ties, CRM contacts would be
 * weak `social` ties and lose their owner): a header with a CRM's columns, always; another
 * contact list, unless it has LinkedIn's 'Connected On' column, has only LinkedIn's columns,
 * or the user named its columns with --map. @header is NULL when none was found. */
static gboolean check_kind(GPtrArray *records, const WpIRecord *header, const WpIMapping *m,
                           const int col[WP_I_N_FIELDS], const char *origin, GError **error)
{
    const WpIRecord *first = header;
    for (guint r = 0; first == NULL && r < records->len; r++)
        if (!wp_i_record_is_blank(records->pdata[r]))
            first = records->pdata[r];
    if (first == NULL)
        return TRUE;
    g_autoptr(GString) evidence = g_string_new(NULL);
    WpIKind kind = wp_i_crm_kind(first, evidence);
    if (kind != WP_I_KIND_OTHER) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": looks like a %s export (columns %s), not LinkedIn "
                    "Connections; use 'warmpath import crm'",
                    origin, first->line, wp_i_kind_name(kind), evidence->str);
        return FALSE;
    }
    if (header == NULL || col[WP_I_DATE] >= 0 || user_mapped(m))
        return TRUE;
    guint foreign = 0;
    for (guint i = 0; i < header->n_fields && foreign < 3; i++) {
        g_autofree char *key = wp_i_header_key(header->fields[i]);
        if (key[0] != '\0' && !is_alias(key)) {
            g_string_append(evidence, foreign++ ? ", " : "");
            wp_i_append_quoted(evidence, header->fields[i]);
        }
    }
    if (foreign == 0)
        return TRUE;
    g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                "%s:%" G_GUINT64_FORMAT ": not a LinkedIn Connections export (no 'Connected On' "
                "column; %s %s not LinkedIn's); for another contact list use 'warmpath import "
                "crm', or name its columns with --map",
                origin, header->line, evidence->str, foreign > 1 ? "are" : "is");
    return FALSE;
}

typedef gboolean (*LooksLike)(const char *value);

static gboolean looks_like_url(const char *v)
{
    g_autofree char *canon = wp_i_linkedin_url(v, NULL);
    return canon != NULL;
}

static gboolean looks_like_email(const char *v)
{
    g_autofree char *e = wp_i_email(v);
    return e != NULL;
}

static gboolean looks_like_date(const char *v)
{
    WpDay day;
    return wp_i_parse_export_date(v, &day);
}

/* A column the header did not name is @field when most of its non-empty values look like one
 * (older or unfamiliar exports: a profile URL, an email, a date are recognisable on sight). */
static void match_by_content(GPtrArray *records, guint first, int col[WP_I_N_FIELDS])
{
    static const struct {
        WpIField field;
        LooksLike test;
    } probes[] = {
        {WP_I_URL, looks_like_url}, {WP_I_EMAIL, looks_like_email}, {WP_I_DATE, looks_like_date}};
    const WpIRecord *header = records->pdata[first - 1];
    for (guint k = 0; k < G_N_ELEMENTS(probes); k++) {
        if (col[probes[k].field] >= 0)
            continue;
        for (guint c = 0; c < header->n_fields && col[probes[k].field] < 0; c++) {
            gboolean taken = FALSE;
            for (guint f = 0; f < WP_I_N_FIELDS; f++)
                taken |= col[f] == (int)c;
            guint seen = 0, hits = 0;
            for (guint r = first; r < records->len && !taken; r++) {
                const char *v = wp_i_record_cell(records->pdata[r], (int)c);
                if (v[0] != '\0') {
                    seen++;
                    hits += probes[k].test(v);
                }
            }
            if (seen > 0 && hits * 2 > seen)
                col[probes[k].field] = (int)c;
        }
    }
}

gboolean wp_i_linkedin_parse(GPtrArray *records, const WpIMapping *m, const char *origin,
                             WpIParsed *out, GError **error)
{
    int col[WP_I_N_FIELDS];
    guint h = find_header(records, m, G_MAXUINT, col);
    if (!check_kind(records, h < records->len ? records->pdata[h] : NULL, m, col, origin, error))
        return FALSE;
    if (h == records->len) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": no LinkedIn Connections header found (expected "
                    "'First Name,Last Name,URL,Email Address,Company,Position,Connected On' or "
                    "its French, German, Spanish, Portuguese, Italian or Dutch form); name the "
                    "columns with --map",
                    origin, records->len ? ((WpIRecord *)records->pdata[0])->line : 1);
        return FALSE;
    }
    const WpIRecord *header = records->pdata[h];
    if (!wp_i_columns_check(header, m, origin, error))
        return FALSE;
    match_by_content(records, h + 1, col);
    const char *lang = header_language(header, col);
    out->format = lang ? g_strdup_printf("linkedin (%s)", lang) : g_strdup("linkedin");
    out->header_line = header->line;
    out->rows = g_array_sized_new(FALSE, TRUE, sizeof(WpIRow), records->len - h);
    for (guint r = h + 1; r < records->len; r++) {
        WpIRow row = {0};
        wp_i_row_read(records->pdata[r], header, col, "Connected On", &row);
        g_array_append_val(out->rows, row);
    }
    return TRUE;
}
