/* SPDX-License-Identifier: MIT */
/* CRM contact exports: HubSpot and Salesforce column names (and common generic ones) mapped to
 * contact fields, the owner column kept per row, Salesforce AccountIds turned into companies. */
#include "import/import-private.h"

#include <string.h>

/* Header keys (wp_i_header_key): "First name" (HubSpot) and "FirstName" (Salesforce) both give
 * "firstname". */
static const char *const first_name[] = {"firstname", "givenname", NULL};
static const char *const last_name[] = {"lastname", "surname", "familyname", NULL};
static const char *const name[] = {"name", "fullname", "contactname", NULL};
static const char *const email[] = {"email",     "emailaddress",  "primaryemail",
                                    "workemail", "businessemail", NULL};
static const char *const company[] = {
    "companyname",  "company",      "accountname", "associatedcompany",
    "organization", "organisation", "account",     NULL};
static const char *const title[] = {"jobtitle", "title", "position", NULL};
static const char *const url[] = {"linkedinurl", "linkedinprofileurl", "linkedinprofile",
                                  "linkedin",    "linkedinbio",        NULL};
static const char *const date[] = {"lastactivitydate",   "lastactivity",    "lastcontacted",
                                   "lastengagementdate", "lastcontactdate", NULL};
static const char *const owner[] = {"contactowner", "ownerid",          "ownername",
                                    "owner",        "contactownername", NULL};
static const char *const account_id[] = {"accountid", NULL};

static const char *const *const aliases[WP_I_N_FIELDS] = {
    [WP_I_FIRST_NAME] = first_name,
    [WP_I_LAST_NAME] = last_name,
    [WP_I_NAME] = name,
    [WP_I_EMAIL] = email,
    [WP_I_COMPANY] = company,
    [WP_I_TITLE] = title,
    [WP_I_URL] = url,
    [WP_I_DATE] = date,
    [WP_I_OWNER] = owner,
    [WP_I_ACCOUNT_ID] = account_id,
};

/* Columns that only a CRM's contact export has; each votes for the CRM that writes it under
 * that name ("Contact Owner" also appears in Salesforce's report exports, so a header is the
 * CRM with more votes). Generic CRM columns (an owner, a last activity) name no product. */
static const struct {
    const char *key;
    WpIKind kind;
} signatures[] = {
    {"ownerid", WP_I_KIND_SALESFORCE},
    {"accountid", WP_I_KIND_SALESFORCE},
    {"accountname", WP_I_KIND_SALESFORCE},
    {"createdbyid", WP_I_KIND_SALESFORCE},
    {"lastmodifiedbyid", WP_I_KIND_SALESFORCE},
    {"recordtypeid", WP_I_KIND_SALESFORCE},
    {"mailingcity", WP_I_KIND_SALESFORCE},
    {"mailingstreet", WP_I_KIND_SALESFORCE},
    {"mailingcountry", WP_I_KIND_SALESFORCE},
    {"leadsource", WP_I_KIND_SALESFORCE},
    {"recordid", WP_I_KIND_HUBSPOT},
    {"contactowner", WP_I_KIND_HUBSPOT},
    {"companyname", WP_I_KIND_HUBSPOT},
    {"associatedcompany", WP_I_KIND_HUBSPOT},
    {"lifecyclestage", WP_I_KIND_HUBSPOT},
    {"leadstatus", WP_I_KIND_HUBSPOT},
    {"hubspotscore", WP_I_KIND_HUBSPOT},
    {"createdate", WP_I_KIND_HUBSPOT},
    {"owner", WP_I_KIND_CRM},
    {"ownername", WP_I_KIND_CRM},
    {"contactownername", WP_I_KIND_CRM},
    {"lastactivitydate", WP_I_KIND_CRM},
    {"lastcontacted", WP_I_KIND_CRM},
    {"lastengagementdate", WP_I_KIND_CRM},
};

WpIKind wp_i_crm_kind(const WpIRecord *header, GString *evidence)
{
    guint votes[WP_I_N_KINDS] = {0};
    for (guint i = 0; i < header->n_fields; i++) {
        g_autofree char *key = wp_i_header_key(header->fields[i]);
        for (guint s = 0; s < G_N_ELEMENTS(signatures); s++)
            if (strcmp(key, signatures[s].key) == 0)
                votes[signatures[s].kind]++;
    }
    WpIKind kind = votes[WP_I_KIND_SALESFORCE] >= votes[WP_I_KIND_HUBSPOT] ? WP_I_KIND_SALESFORCE
                                                                           : WP_I_KIND_HUBSPOT;
    if (votes[kind] == 0)
        kind = votes[WP_I_KIND_CRM] > 0 ? WP_I_KIND_CRM : WP_I_KIND_OTHER;
    guint named = 0;
    for (guint i = 0; evidence != NULL && i < header->n_fields && named < 3; i++) {
        g_autofree char *key = wp_i_header_key(header->fields[i]);
        for (guint s = 0; s < G_N_ELEMENTS(signatures); s++)
            if (strcmp(key, signatures[s].key) == 0 &&
                (signatures[s].kind == kind || kind == WP_I_KIND_CRM)) {
                g_string_append(evidence, named++ ? ", " : "");
                wp_i_append_quoted(evidence, header->fields[i]);
                break;
            }
    }
    return kind;
}

const char *wp_i_kind_name(WpIKind kind)
{
    static const char *const names[WP_I_N_KINDS] = {[WP_I_KIND_LINKEDIN] = "LinkedIn Connections",
                                                    [WP_I_KIND_HUBSPOT] = "HubSpot contacts",
                                                    [WP_I_KIND_SALESFORCE] = "Salesforce contacts",
                                                    [WP_I_KIND_CRM] = "CRM contacts",
                                                    [WP_I_KIND_OTHER] = "contact list"};
    g_return_val_if_fail(kind < WP_I_N_KINDS, NULL);
    return names[kind];
}

static const char *crm_format(const WpIRecord *header)
{
    switch (wp_i_crm_kind(header, NULL)) {
    case WP_I_KIND_HUBSPOT:
        return "hubspot";
    case WP_I_KIND_SALESFORCE:
        return "salesforce";
    default:
        return "crm";
    }
}

/* A LinkedIn Connections export (its header anywhere among the first records, after the
 * preamble) whose first line is not a CRM header is refused: as CRM contacts its connections
 * would become client ties. */
static gboolean refuse_linkedin(GPtrArray *records, const WpIRecord *first, const char *origin,
                                GError **error)
{
    guint64 line = 0;
    g_autoptr(GString) evidence = g_string_new(NULL);
    if (wp_i_crm_kind(first, NULL) != WP_I_KIND_OTHER ||
        !wp_i_linkedin_detect(records, &line, evidence))
        return TRUE;
    g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                "%s:%" G_GUINT64_FORMAT ": looks like a LinkedIn Connections export (columns %s), "
                "not CRM contacts; use 'warmpath import linkedin --owner SELLER'",
                origin, line, evidence->str);
    return FALSE;
}

/* Salesforce writes ids in 15- and 18-character forms; the first 15 characters agree. */
static const char *account_name(GHashTable *accounts, const char *id)
{
    const char *found = g_hash_table_lookup(accounts, id);
    if (found == NULL && strlen(id) == 18) {
        g_autofree char *short_id = g_strndup(id, 15);
        found = g_hash_table_lookup(accounts, short_id);
    }
    return found;
}

static void fill_company(WpIRow *row, const WpIRecord *rec, const int col[WP_I_N_FIELDS],
                         GHashTable *accounts)
{
    const char *id = wp_i_record_cell(rec, col[WP_I_ACCOUNT_ID]);
    if (row->contact.company != NULL || id[0] == '\0' || accounts == NULL)
        return;
    const char *found = account_name(accounts, id);
    if (found != NULL && found[0] != '\0') {
        row->contact.company = g_strdup(found);
        return;
    }
    if (row->warnings == NULL)
        row->warnings = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *shown = wp_text_excerpt(id);
    g_ptr_array_add(row->warnings,
                    g_strdup_printf("field 'AccountId': '%s' is not in the accounts file; "
                                    "company left empty",
                                    shown));
}

gboolean wp_i_crm_parse(GPtrArray *records, const WpIMapping *m, GHashTable *accounts,
                        const char *origin, WpIParsed *out, GError **error)
{
    int col[WP_I_N_FIELDS];
    guint h = 0;
    while (h < records->len && wp_i_record_is_blank(records->pdata[h]))
        h++;
    if (h == records->len) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:1: the file is empty; expected a header such as "
                    "'First name,Last name,Email,...'",
                    origin);
        return FALSE;
    }
    const WpIRecord *header = records->pdata[h];
    if (!refuse_linkedin(records, header, origin, error) ||
        !wp_i_columns_check(header, m, origin, error))
        return FALSE;
    wp_i_columns_assign(header, m, aliases, col);
    if (col[WP_I_FIRST_NAME] < 0 && col[WP_I_LAST_NAME] < 0 && col[WP_I_NAME] < 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": header: no name column (expected 'First name' "
                    "and 'Last name', 'FirstName' and 'LastName', or 'Name'); name one with "
                    "--map first_name=COLUMN",
                    origin, header->line);
        return FALSE;
    }
    out->format = g_strdup(crm_format(header));
    out->header_line = header->line;
    if (col[WP_I_OWNER] >= 0)
        out->owner_column = g_strdup(wp_i_record_cell(header, col[WP_I_OWNER]));
    if (col[WP_I_COMPANY] < 0 && col[WP_I_ACCOUNT_ID] >= 0 && accounts == NULL)
        out->note = g_strdup("contacts carry an AccountId but no account name: pass the "
                             "Salesforce Account export with --accounts to fill companies");
    out->rows = g_array_sized_new(FALSE, TRUE, sizeof(WpIRow), records->len - h);
    for (guint r = h + 1; r < records->len; r++) {
        const WpIRecord *rec = records->pdata[r];
        WpIRow row = {0};
        wp_i_row_read(rec, header, col, "last activity", &row);
        if (!row.blank && row.skip == NULL) {
            fill_company(&row, rec, col, accounts);
            const char *o = wp_i_record_cell(rec, col[WP_I_OWNER]);
            row.owner = o[0] != '\0' ? g_strdup(o) : NULL;
        }
        g_array_append_val(out->rows, row);
    }
    return TRUE;
}

/* Id and Name columns of a Salesforce Account export (also AccountId / Account Name). */
GHashTable *wp_i_crm_read_accounts(const char *filename, GError **error)
{
    static const char *const ids[] = {"id", "accountid", NULL};
    static const char *const names[] = {"name", "accountname", NULL};
    static const char *const *const account_aliases[WP_I_N_FIELDS] = {
        [WP_I_ACCOUNT_ID] = ids, [WP_I_NAME] = names};
    g_autoptr(GPtrArray) records = wp_i_records_read(filename, error);
    if (records == NULL)
        return NULL;
    int col[WP_I_N_FIELDS];
    guint h = 0;
    while (h < records->len && wp_i_record_is_blank(records->pdata[h]))
        h++;
    if (h < records->len)
        wp_i_columns_assign(records->pdata[h], NULL, account_aliases, col);
    if (h == records->len || col[WP_I_ACCOUNT_ID] < 0 || col[WP_I_NAME] < 0) {
        g_autofree char *display = g_filename_display_name(filename);
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                    "%s:%" G_GUINT64_FORMAT ": header: an accounts file needs 'Id' and 'Name' "
                    "columns",
                    display, h < records->len ? ((WpIRecord *)records->pdata[h])->line : 1);
        return NULL;
    }
    GHashTable *accounts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint r = h + 1; r < records->len; r++) {
        const WpIRecord *rec = records->pdata[r];
        const char *id = wp_i_record_cell(rec, col[WP_I_ACCOUNT_ID]);
        if (id[0] != '\0' && !g_hash_table_contains(accounts, id))
            g_hash_table_insert(accounts, g_strdup(id),
                                g_strdup(wp_i_record_cell(rec, col[WP_I_NAME])));
    }
    return accounts;
}
