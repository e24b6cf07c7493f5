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

/* The language a header's name columns are in, for the report. */
static const char *header_language(const WpIRecord *header, const int col[WP_I_N_FIELDS])
{
    static const struct {
        const char *key, *lang;
    } langs[] = {{"firstname", "en"}, {"prenom", "fr"},  {"vorname", "de"},
                 {"nombre", "es"},    {"nome", "pt/it"}, {"voornaam", "nl"}};
    int c = col[WP_I_FIRST_NAME] >= 0 ? col[WP_I_FIRST_NAME] : col[WP_I_LAST_NAME];
    if (c < 0)
        return NULL;
    g_autofree char *key = wp_i_header_key(wp_i_record_cell(header, c));
    for (guint i = 0; i < G_N_ELEMENTS(langs); i++)
        if (strcmp(key, langs[i].key) == 0)
            return langs[i].lang;
    return NULL;
}

/* A header names at least three of the fields, a name among them. */
static gboolean is_header(const WpIRecord *rec, const WpIMapping *m, int col[WP_I_N_FIELDS])
{
    guint n = wp_i_columns_assign(rec, m, aliases, col);
    return n >= 3 && (col[WP_I_FIRST_NAME] >= 0 || col[WP_I_LAST_NAME] >= 0 || col[WP_I_NAME] >= 0);
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
    guint h = 0;
    while (h < records->len && !is_header(records->pdata[h], m, col))
        h++;
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
