/* SPDX-License-Identifier: MIT */
/* Person resolution: an id, or a name (and an account) compared the way people type them. */
#include "select/select-private.h"

#include <string.h>

#define N_SUGGESTIONS 5

static const char *value_of(guint n_listed, const WpColumn *column, WpPerson p)
{
    return column != NULL && p < n_listed ? wp_i_column_value(column, p) : NULL;
}

static const char *attr_or_empty(const WpGraph *graph, WpPerson person, const char *column)
{
    const char *v = wp_graph_person_attr(graph, person, column);
    return v != NULL ? v : "";
}

/* Name, then company, then id: the order people are listed in. */
static int compare_people(gconstpointer a, gconstpointer b, gpointer user_data)
{
    const WpGraph *graph = user_data;
    WpPerson x = *(const WpPerson *)a;
    WpPerson y = *(const WpPerson *)b;
    int c = g_strcmp0(wp_graph_person_label(graph, x), wp_graph_person_label(graph, y));
    if (c == 0)
        c = strcmp(attr_or_empty(graph, x, WP_COLUMN_COMPANY),
                   attr_or_empty(graph, y, WP_COLUMN_COMPANY));
    if (c == 0)
        c = strcmp(wp_graph_person_id(graph, x), wp_graph_person_id(graph, y));
    return c;
}

/* The account a person must be at: a mark per person, or NULL for anyone. */
typedef struct {
    guint8 *member; /* owned; NULL = no account given */
    const char *name;
} Account;

/* Finds the account @company names (when given); FALSE with @error set when there is none. */
static gboolean account_init(Account *account, const WpGraph *graph, const char *company,
                             GError **error)
{
    account->member = NULL;
    account->name = NULL;
    if (company == NULL)
        return TRUE;
    g_autoptr(GArray) people = wp_graph_resolve_account(graph, company, &account->name, error);
    if (people == NULL)
        return FALSE;
    account->member = g_new0(guint8, MAX(wp_graph_n_people(graph), 1));
    for (guint i = 0; i < people->len; i++)
        account->member[g_array_index(people, WpPerson, i)] = 1;
    return TRUE;
}

static gboolean account_has(const Account *account, WpPerson p)
{
    return account->member == NULL || account->member[p];
}

/* Everyone whose folded name equals the folded @query (or whose id equals it, ignoring ASCII
 * case), at @account; people of that name elsewhere go to @elsewhere (nullable). Listing order.
 * O(people). */
static GArray *collect(const WpGraph *graph, const char *query, const Account *account,
                       GArray *elsewhere)
{
    GArray *found = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autofree char *key = wp_text_fold(query);
    if (key[0] == '\0')
        return found;
    const WpColumn *names = wp_i_graph_column(graph, WP_COLUMN_NAME);
    guint n_listed = wp_i_graph_n_listed(graph), n_people = wp_graph_n_people(graph);
    g_autoptr(GString) scratch = g_string_new(NULL);
    for (WpPerson p = 0; p < n_people; p++) {
        const char *name = value_of(n_listed, names, p);
        gboolean hit = FALSE;
        if (name != NULL) {
            wp_i_text_fold_into(name, scratch);
            hit = strcmp(scratch->str, key) == 0;
        }
        if (!hit)
            hit = g_ascii_strcasecmp(wp_graph_person_id(graph, p), query) == 0;
        if (!hit)
            continue;
        if (account_has(account, p))
            g_array_append_val(found, p);
        else if (elsewhere != NULL)
            g_array_append_val(elsewhere, p);
    }
    g_array_sort_with_data(found, compare_people, (gpointer)graph);
    if (elsewhere != NULL)
        g_array_sort_with_data(elsewhere, compare_people, (gpointer)graph);
    return found;
}

GArray *wp_graph_match_people(const WpGraph *graph, const char *query, const char *company)
{
    g_return_val_if_fail(graph != NULL && query != NULL, NULL);
    WpPerson exact = wp_graph_find_id(graph, query);
    if (exact != WP_PERSON_NONE) {
        GArray *out = g_array_new(FALSE, FALSE, sizeof(WpPerson));
        g_array_append_val(out, exact);
        return out;
    }
    Account account;
    if (!account_init(&account, graph, company, NULL))
        return g_array_new(FALSE, FALSE, sizeof(WpPerson));
    GArray *found = collect(graph, query, &account, NULL);
    g_free(account.member);
    return found;
}

/* "Name (Company)" or "Name (Company, id)" for messages, and the person as a candidate. */
static void append_person(GString *out, GArray *candidates, const WpGraph *graph, WpPerson p,
                          gboolean with_id)
{
    const char *company = wp_graph_person_attr(graph, p, WP_COLUMN_COMPANY);
    g_autofree char *name = wp_text_excerpt(wp_graph_person_label(graph, p));
    g_autofree char *co = company ? wp_text_excerpt(company) : NULL;
    g_autofree char *id = wp_text_excerpt(wp_graph_person_id(graph, p));
    g_string_append(out, name);
    if (co != NULL && with_id)
        g_string_append_printf(out, " (%s, %s)", co, id);
    else if (co != NULL)
        g_string_append_printf(out, " (%s)", co);
    else if (with_id)
        g_string_append_printf(out, " (%s)", id);
    wp_i_candidates_add(candidates, wp_graph_person_label(graph, p), company, p, 1);
}

/* How far the folded @key is from a folded name: the whole name, or one of its words (a surname
 * typed alone) at a penalty of one. Bounded by @cap. */
static guint name_distance(const char *key, gsize key_len, const char *name, gsize name_len,
                           guint cap)
{
    guint d = wp_i_edit_distance(key, key_len, name, name_len, cap);
    if (memchr(key, ' ', key_len) != NULL)
        return d;
    for (const char *w = name; d > 1 && w < name + name_len;) {
        const char *end = memchr(w, ' ', (gsize)(name + name_len - w));
        gsize len = end ? (gsize)(end - w) : (gsize)(name + name_len - w);
        d = MIN(d, wp_i_edit_distance(key, key_len, w, len, cap) + 1);
        w += len + 1;
    }
    return d;
}

typedef struct {
    WpPerson person;
    guint distance;
} Suggestion;

static int compare_suggestions(gconstpointer a, gconstpointer b, gpointer user_data)
{
    const Suggestion *x = a;
    const Suggestion *y = b;
    if (x->distance != y->distance)
        return x->distance < y->distance ? -1 : 1;
    return compare_people(&x->person, &y->person, user_data);
}

/* The people whose names are closest to @query, at most N_SUGGESTIONS, closest first; at
 * @account when some name there is close at all. A folded query longer than WP_I_MAX_COMPARED
 * bytes is a typo of nothing. O(people x WP_I_MAX_COMPARED x cap), no allocation per person. */
static GArray *closest(const WpGraph *graph, const char *query, const Account *account)
{
    GArray *best = g_array_new(FALSE, FALSE, sizeof(Suggestion));
    g_autofree char *key = wp_text_fold(query);
    gsize key_len = strlen(key);
    if (key_len == 0 || key_len > WP_I_MAX_COMPARED)
        return best;
    guint cap = MIN(MAX(2u, (guint)key_len / 2), 6u);
    g_autoptr(GString) scratch = g_string_new(NULL);
    const WpColumn *names = wp_i_graph_column(graph, WP_COLUMN_NAME);
    guint n_listed = wp_i_graph_n_listed(graph), n_people = wp_graph_n_people(graph);
    g_autoptr(GArray) there = g_array_new(FALSE, FALSE, sizeof(Suggestion));
    for (WpPerson p = 0; p < n_people; p++) {
        const char *name = value_of(n_listed, names, p);
        wp_i_text_fold_into(name != NULL ? name : wp_graph_person_id(graph, p), scratch);
        guint d = name_distance(key, key_len, scratch->str, scratch->len, cap);
        if (d > cap)
            continue;
        Suggestion s = {p, d};
        g_array_append_val(account->member != NULL && account->member[p] ? there : best, s);
    }
    if (there->len > 0) {
        g_array_unref(best);
        best = g_steal_pointer(&there);
    }
    g_array_sort_with_data(best, compare_suggestions, (gpointer)graph);
    if (best->len > N_SUGGESTIONS)
        g_array_set_size(best, N_SUGGESTIONS);
    return best;
}

static void set_unknown(const WpGraph *graph, const char *query, const char *company,
                        const Account *account, const GArray *elsewhere, GError **error)
{
    g_autoptr(GString) msg = g_string_new(NULL);
    g_autofree char *typed = wp_text_excerpt(query);
    g_string_append_printf(msg, "no person named '%s'", typed);
    if (company != NULL) {
        g_autofree char *at = wp_text_excerpt(account->name ? account->name : company);
        g_string_append_printf(msg, " at '%s'", at);
    }
    GArray *candidates = wp_i_candidates_new();
    if (elsewhere->len > 0) {
        g_string_append(msg, "; people of that name: ");
        for (guint i = 0; i < elsewhere->len && i < N_SUGGESTIONS; i++) {
            if (i > 0)
                g_string_append(msg, ", ");
            append_person(msg, candidates, graph, g_array_index(elsewhere, WpPerson, i), FALSE);
        }
    } else {
        g_autoptr(GArray) near = closest(graph, query, account);
        g_string_append(msg, near->len > 0 ? "; closest: " : "; no similar name");
        for (guint i = 0; i < near->len; i++) {
            if (i > 0)
                g_string_append(msg, ", ");
            append_person(msg, candidates, graph, g_array_index(near, Suggestion, i).person, FALSE);
        }
    }
    g_set_error_literal(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON, msg->str);
    wp_i_error_set_candidates(error ? *error : NULL, candidates);
}

static void set_ambiguous(const WpGraph *graph, const char *query, const GArray *found,
                          GError **error)
{
    g_autoptr(GString) msg = g_string_new(NULL);
    g_autofree char *typed = wp_text_excerpt(query);
    g_string_append_printf(msg, "'%s' matches %u people: ", typed, found->len);
    GArray *candidates = wp_i_candidates_new();
    for (guint i = 0; i < found->len; i++) {
        if (i < WP_RESOLVE_MAX_CANDIDATES) {
            g_string_append(msg, i > 0 ? ", " : "");
            append_person(msg, candidates, graph, g_array_index(found, WpPerson, i), TRUE);
        } else { /* listed by the caller from the candidates, not in the one-line message */
            WpPerson p = g_array_index(found, WpPerson, i);
            wp_i_candidates_add(candidates, wp_graph_person_label(graph, p),
                                wp_graph_person_attr(graph, p, WP_COLUMN_COMPANY), p, 1);
        }
    }
    if (found->len > WP_RESOLVE_MAX_CANDIDATES)
        g_string_append_printf(msg, ", and %u more", found->len - WP_RESOLVE_MAX_CANDIDATES);
    g_string_append(msg, "; name the company or use the id");
    g_set_error_literal(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON, msg->str);
    wp_i_error_set_candidates(error ? *error : NULL, candidates);
}

/* An exact id wins; otherwise the name must pick one person (at the account, when given). */
WpPerson wp_graph_resolve_person(const WpGraph *graph, const char *query, const char *company,
                                 GError **error)
{
    g_return_val_if_fail(graph != NULL && query != NULL, WP_PERSON_NONE);
    g_return_val_if_fail(error == NULL || *error == NULL, WP_PERSON_NONE);
    WpPerson exact = wp_graph_find_id(graph, query);
    if (exact != WP_PERSON_NONE)
        return exact;
    Account account;
    if (!account_init(&account, graph, company, error))
        return WP_PERSON_NONE;
    g_autoptr(GArray) elsewhere = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) found = collect(graph, query, &account, elsewhere);
    WpPerson person = WP_PERSON_NONE;
    if (found->len == 0)
        set_unknown(graph, query, company, &account, elsewhere, error);
    else if (found->len > 1)
        set_ambiguous(graph, query, found, error);
    else
        person = g_array_index(found, WpPerson, 0);
    g_free(account.member);
    return person;
}
