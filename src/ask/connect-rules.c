/* SPDX-License-Identifier: MIT */
/* The rules that say why two of the seller's contacts would gain from meeting (WpConnectKind),
 * read from the people's attributes and the client and vendor ties of their companies. */
#include "ask/connect-private.h"

#include <string.h>

/* A folded key, NULL for an empty or missing value (an empty value never matches). */
static char *fold_or_null(const char *value, gboolean company)
{
    if (value == NULL)
        return NULL;
    char *key = company ? wp_text_fold_company(value) : wp_text_fold(value);
    if (key[0] == '\0') {
        g_free(key);
        return NULL;
    }
    return key;
}

void wp_i_connect_contact_fill_keys(WpIConnectContact *c, const WpGraph *graph)
{
    c->function = fold_or_null(wp_graph_person_attr(graph, c->person, WP_COLUMN_FUNCTION), FALSE);
    c->company = fold_or_null(wp_graph_person_attr(graph, c->person, WP_COLUMN_COMPANY), TRUE);
    c->industry = fold_or_null(wp_graph_person_attr(graph, c->person, WP_COLUMN_INDUSTRY), FALSE);
    c->region = fold_or_null(wp_graph_person_attr(graph, c->person, WP_COLUMN_REGION), FALSE);
    c->sells = c->function != NULL && strcmp(c->function, "sales") == 0;
}

void wp_i_connect_contact_clear(WpIConnectContact *c)
{
    g_free(c->ties);
    g_free(c->strength);
    g_free(c->types);
    g_free(c->strong);
    g_free(c->function);
    g_free(c->company);
    g_free(c->industry);
    g_free(c->region);
    if (c->known_firms != NULL)
        g_hash_table_unref(c->known_firms);
}

static void company_free(gpointer data)
{
    WpICompany *company = data;
    g_hash_table_unref(company->by_industry);
    g_hash_table_unref(company->works_with);
    g_free(company);
}

static void keys_free(gpointer data)
{
    char **keys = data;
    g_free(keys[0]);
    g_free(keys[1]);
    g_free(keys);
}

void wp_i_rules_init(WpIRules *rules, const WpGraph *graph, const WpPerson *sellers,
                     guint n_sellers, const GPtrArray *contacts)
{
    rules->graph = graph;
    rules->contacts = contacts;
    rules->sellers = sellers;
    rules->n_sellers = n_sellers;
    rules->companies = NULL;
    rules->person_keys = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, keys_free);
}

void wp_i_rules_clear(WpIRules *rules)
{
    if (rules->companies != NULL)
        g_hash_table_unref(rules->companies);
    g_hash_table_unref(rules->person_keys);
}

/* {company, industry} of @p folded, cached: a company's ties reach the same people often. */
static char *const *person_keys(WpIRules *rules, WpPerson p)
{
    char **keys = g_hash_table_lookup(rules->person_keys, GUINT_TO_POINTER(p));
    if (keys == NULL) {
        keys = g_new0(char *, 2);
        keys[0] = fold_or_null(wp_graph_person_attr(rules->graph, p, WP_COLUMN_COMPANY), TRUE);
        keys[1] = fold_or_null(wp_graph_person_attr(rules->graph, p, WP_COLUMN_INDUSTRY), FALSE);
        g_hash_table_insert(rules->person_keys, GUINT_TO_POINTER(p), keys);
    }
    return keys;
}

static gboolean is_seller(const WpIRules *rules, WpPerson p)
{
    if (wp_graph_person_team(rules->graph, p) != NULL)
        return TRUE;
    for (guint i = 0; i < rules->n_sellers; i++)
        if (rules->sellers[i] == p)
            return TRUE;
    return FALSE;
}

/* Adds the dealings of @p, a person of the company @key, to @company. */
static void add_dealings(WpIRules *rules, WpICompany *company, const char *key, WpPerson p)
{
    const WpGraph *g = rules->graph;
    WpINeighbours it;
    wp_i_neighbours_init(&it, g, p);
    WpPerson q;
    while (wp_i_neighbours_next(&it, &q)) {
        WpTie tie;
        if (!wp_graph_find_tie(g, p, q, &tie) && !wp_graph_find_tie(g, q, p, &tie))
            continue;
        WpTieInfo info;
        wp_graph_tie_info(g, tie, &info);
        if ((info.types & (WP_TIE_TYPE_BIT(WP_TIE_CLIENT) | WP_TIE_TYPE_BIT(WP_TIE_VENDOR))) == 0 ||
            is_seller(rules, q))
            continue;
        char *const *keys = person_keys(rules, q);
        if (keys[0] == NULL || strcmp(keys[0], key) == 0)
            continue;
        g_hash_table_add(company->works_with, g_strdup(keys[0]));
        if (keys[1] == NULL)
            continue;
        GHashTable *firms = g_hash_table_lookup(company->by_industry, keys[1]);
        if (firms == NULL) {
            firms = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
            g_hash_table_insert(company->by_industry, g_strdup(keys[1]), firms);
        }
        g_hash_table_add(firms, g_strdup(keys[0]));
    }
}

/* The company index: for every company a contact works at, its dealings, from one pass over the
 * people (each distinct spelling of a company folded once). */
static void build_companies(WpIRules *rules)
{
    const GPtrArray *contacts = rules->contacts;
    const WpGraph *g = rules->graph;
    rules->companies = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, company_free);
    for (guint i = 0; i < contacts->len; i++) {
        const WpIConnectContact *c = contacts->pdata[i];
        if (c->company == NULL || g_hash_table_contains(rules->companies, c->company))
            continue;
        WpICompany *company = g_new0(WpICompany, 1);
        company->by_industry = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify)g_hash_table_unref);
        company->works_with = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g_hash_table_insert(rules->companies, c->company, company);
    }
    /* value as spelt (borrowed from the graph) -> its key, or "" for a company of no contact */
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
    guint n = wp_graph_n_people(g);
    for (WpPerson p = 0; p < n; p++) {
        const char *value = wp_graph_person_attr(g, p, WP_COLUMN_COMPANY);
        if (value == NULL)
            continue;
        const char *key = g_hash_table_lookup(seen, value);
        if (key == NULL) {
            char *folded = wp_text_fold_company(value);
            if (!g_hash_table_contains(rules->companies, folded))
                folded[0] = '\0';
            g_hash_table_insert(seen, (gpointer)value, folded);
            key = folded;
        }
        if (key[0] != '\0')
            add_dealings(rules, g_hash_table_lookup(rules->companies, key), key, p);
    }
}

static WpICompany *company_of(WpIRules *rules, const WpIConnectContact *c)
{
    if (c->company == NULL)
        return NULL;
    if (rules->companies == NULL)
        build_companies(rules);
    return g_hash_table_lookup(rules->companies, c->company);
}

/* Companies of @industry @company works with, not counting @except. */
static guint firms_in(const WpICompany *company, const char *industry, const char *except)
{
    if (company == NULL || industry == NULL)
        return 0;
    GHashTable *firms = g_hash_table_lookup(company->by_industry, industry);
    if (firms == NULL)
        return 0;
    guint n = g_hash_table_size(firms);
    return except != NULL && g_hash_table_contains(firms, except) ? n - 1 : n;
}

/* TRUE when @x is tied to someone at the company @key. */
static gboolean knows_someone_at(WpIRules *rules, WpIConnectContact *x, const char *key)
{
    if (x->known_firms == NULL) {
        x->known_firms = g_hash_table_new(g_str_hash, g_str_equal); /* keys borrowed */
        WpINeighbours it;
        wp_i_neighbours_init(&it, rules->graph, x->person);
        WpPerson q;
        while (wp_i_neighbours_next(&it, &q)) {
            char *const *keys = person_keys(rules, q);
            if (keys[0] != NULL)
                g_hash_table_add(x->known_firms, keys[0]);
        }
    }
    return g_hash_table_contains(x->known_firms, key);
}

#define CLIENT_BIT WP_TIE_TYPE_BIT(WP_TIE_CLIENT)
#define VENDOR_BIT WP_TIE_TYPE_BIT(WP_TIE_VENDOR)

/* Client @x, vendor @y whose company works with @x's industry (other than @x's company). */
static guint client_vendor(WpIRules *rules, WpIConnectContact *x, WpIConnectContact *y, guint s)
{
    if ((x->types[s] & CLIENT_BIT) == 0 || (y->types[s] & VENDOR_BIT) == 0)
        return 0;
    return firms_in(company_of(rules, y), x->industry, x->company);
}

/* @x sells into @y's industry and no one at @x's company is tied to anyone at @y's. */
static guint account(WpIRules *rules, WpIConnectContact *x, WpIConnectContact *y, guint s)
{
    if ((!x->sells && (x->types[s] & VENDOR_BIT) == 0) || y->company == NULL || y->industry == NULL)
        return 0;
    const WpICompany *firm = company_of(rules, x);
    guint n = firms_in(firm, y->industry, y->company);
    if (n == 0 || g_hash_table_contains(firm->works_with, y->company) ||
        knows_someone_at(rules, x, y->company))
        return 0;
    return n;
}

/* The attribute rules, each tried both ways round; the way with more evidence wins, then
 * (@x, @y) as given. */
static gboolean directed_rule(WpIRules *rules, WpIConnectContact *x, WpIConnectContact *y, guint s,
                              WpConnectKind *kind, gboolean *swap, guint *evidence)
{
    typedef guint (*Rule)(WpIRules *, WpIConnectContact *, WpIConnectContact *, guint);
    static const Rule directed[] = {client_vendor, account};
    static const WpConnectKind kinds[] = {WP_CONNECT_CLIENT_VENDOR, WP_CONNECT_ACCOUNT};
    for (guint r = 0; r < G_N_ELEMENTS(directed); r++) {
        guint forward = directed[r](rules, x, y, s);
        guint backward = directed[r](rules, y, x, s);
        if (forward == 0 && backward == 0)
            continue;
        *kind = kinds[r];
        *swap = backward > forward;
        *evidence = MAX(forward, backward);
        return TRUE;
    }
    return FALSE;
}

gboolean wp_i_rules_match(WpIRules *rules, WpIConnectContact *x, WpIConnectContact *y, guint s,
                          WpConnectKind *kind, gboolean *swap, guint *evidence)
{
    *evidence = 0;
    *swap = FALSE;
    if (directed_rule(rules, x, y, s, kind, swap, evidence))
        return TRUE;
    if (x->function != NULL && y->function != NULL && strcmp(x->function, y->function) == 0 &&
        x->company != NULL && y->company != NULL) {
        *kind = WP_CONNECT_PEERS; /* different companies: the caller left colleagues out */
        return TRUE;
    }
    if (x->strong[s] && y->strong[s]) {
        *kind = WP_CONNECT_TRUSTED;
        return TRUE;
    }
    return FALSE;
}
