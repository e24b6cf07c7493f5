/* SPDX-License-Identifier: MIT */
/* Person resolution: an id, or a name (and company) compared the way people type them. */
#include "core/graph-private.h"
#include "core/text-private.h"

#include <string.h>

#define N_SUGGESTIONS 5

/* How well a company matched what was typed; lower is better. */
enum { COMPANY_EXACT, COMPANY_PREFIX, COMPANY_SUBSTRING, COMPANY_NONE, COMPANY_ANY };

typedef struct {
    WpPerson person;
    int company_rank; /* COMPANY_* */
} Candidate;

/* A people column (borrowed), or NULL when the people file has no such column. Values exist
 * for listed people only. */
static const WpColumn *find_column(const WpGraph *graph, const char *name)
{
    for (guint i = 0; i < graph->n_columns; i++) {
        const WpColumn *col = graph->columns->pdata[i];
        if (strcmp(col->name, name) == 0)
            return col;
    }
    return NULL;
}

static const char *value_of(const WpGraph *graph, const WpColumn *column, WpPerson p)
{
    return column != NULL && p < graph->n_listed ? wp_i_column_value(column, p) : NULL;
}

/* Ranks people's companies against what was typed. Equal company values share one string (the
 * graph interns them), so each distinct company is folded once. */
typedef struct {
    const WpGraph *graph;
    char *key; /* folded, owned; NULL = no company given */
    const WpColumn *companies;
    GHashTable *ranks; /* company string (borrowed) -> rank + 1 */
    GString *scratch;
} CompanyMatcher;

static void matcher_init(CompanyMatcher *m, const WpGraph *graph, const char *company)
{
    m->graph = graph;
    m->key = company != NULL ? wp_text_fold(company) : NULL;
    if (m->key != NULL && m->key[0] == '\0')
        g_clear_pointer(&m->key, g_free);
    m->companies = find_column(graph, WP_COLUMN_COMPANY);
    m->ranks = g_hash_table_new(g_direct_hash, g_direct_equal);
    m->scratch = g_string_new(NULL);
}

static void matcher_clear(CompanyMatcher *m)
{
    g_free(m->key);
    g_hash_table_unref(m->ranks);
    g_string_free(m->scratch, TRUE);
}

/* Where the typed company stands against the person's company (COMPANY_ANY without one). */
static int company_rank(CompanyMatcher *m, WpPerson person)
{
    if (m->key == NULL)
        return COMPANY_ANY;
    const char *company = value_of(m->graph, m->companies, person);
    if (company == NULL)
        return COMPANY_NONE;
    gpointer cached = g_hash_table_lookup(m->ranks, company);
    if (cached != NULL)
        return GPOINTER_TO_INT(cached) - 1;
    int rank = COMPANY_NONE;
    wp_i_text_fold_into(company, m->scratch);
    if (strcmp(m->scratch->str, m->key) == 0)
        rank = COMPANY_EXACT;
    else if (g_str_has_prefix(m->scratch->str, m->key))
        rank = COMPANY_PREFIX;
    else if (strstr(m->scratch->str, m->key) != NULL)
        rank = COMPANY_SUBSTRING;
    g_hash_table_insert(m->ranks, (gpointer)company, GINT_TO_POINTER(rank + 1));
    return rank;
}

static const char *attr_or_empty(const WpGraph *graph, WpPerson person, const char *column)
{
    const char *v = wp_graph_person_attr(graph, person, column);
    return v != NULL ? v : "";
}

static int compare_candidates(gconstpointer a, gconstpointer b, gpointer user_data)
{
    const WpGraph *graph = user_data;
    const Candidate *x = a;
    const Candidate *y = b;
    if (x->company_rank != y->company_rank)
        return x->company_rank - y->company_rank;
    int c =
        g_strcmp0(wp_graph_person_label(graph, x->person), wp_graph_person_label(graph, y->person));
    if (c == 0)
        c = strcmp(attr_or_empty(graph, x->person, WP_COLUMN_COMPANY),
                   attr_or_empty(graph, y->person, WP_COLUMN_COMPANY));
    if (c == 0)
        c = strcmp(wp_graph_person_id(graph, x->person), wp_graph_person_id(graph, y->person));
    return c;
}

/* Everyone whose folded name equals the folded @query (or whose id equals it, ignoring ASCII
 * case) and whose company matches @company when given, best first. With @company, people of
 * that name at other companies go to @elsewhere (nullable). O(people). */
static GArray *collect(const WpGraph *graph, const char *query, const char *company,
                       GArray *elsewhere)
{
    GArray *found = g_array_new(FALSE, FALSE, sizeof(Candidate));
    g_autofree char *key = wp_text_fold(query);
    if (key[0] == '\0')
        return found;
    CompanyMatcher matcher;
    matcher_init(&matcher, graph, company);
    const WpColumn *names = find_column(graph, WP_COLUMN_NAME);
    g_autoptr(GString) scratch = g_string_new(NULL);
    for (WpPerson p = 0; p < graph->n_people; p++) {
        const char *name = value_of(graph, names, p);
        gboolean hit = FALSE;
        if (name != NULL) {
            wp_i_text_fold_into(name, scratch);
            hit = strcmp(scratch->str, key) == 0;
        }
        if (!hit)
            hit = g_ascii_strcasecmp(wp_graph_person_id(graph, p), query) == 0;
        if (!hit)
            continue;
        Candidate c = {p, company_rank(&matcher, p)};
        if (c.company_rank != COMPANY_NONE)
            g_array_append_val(found, c);
        else if (elsewhere != NULL)
            g_array_append_val(elsewhere, c);
    }
    matcher_clear(&matcher);
    g_array_sort_with_data(found, compare_candidates, (gpointer)graph);
    if (elsewhere != NULL)
        g_array_sort_with_data(elsewhere, compare_candidates, (gpointer)graph);
    return found;
}

GArray *wp_graph_match_people(const WpGraph *graph, const char *query, const char *company)
{
    g_return_val_if_fail(graph != NULL && query != NULL, NULL);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    WpPerson exact = wp_graph_find_id(graph, query);
    if (exact != WP_PERSON_NONE) {
        g_array_append_val(out, exact);
        return out;
    }
    g_autoptr(GArray) found = collect(graph, query, company, NULL);
    for (guint i = 0; i < found->len; i++)
        g_array_append_val(out, g_array_index(found, Candidate, i).person);
    return out;
}

/* "Name (Company)" or "Name (Company, id)" for messages. */
static void append_person(GString *out, const WpGraph *graph, WpPerson p, gboolean with_id)
{
    const char *company = wp_graph_person_attr(graph, p, WP_COLUMN_COMPANY);
    g_string_append(out, wp_graph_person_label(graph, p));
    if (company != NULL && with_id)
        g_string_append_printf(out, " (%s, %s)", company, wp_graph_person_id(graph, p));
    else if (company != NULL)
        g_string_append_printf(out, " (%s)", company);
    else if (with_id)
        g_string_append_printf(out, " (%s)", wp_graph_person_id(graph, p));
}

/* Edit distance between byte strings, giving up (returning @cap + 1) once it must exceed @cap. */
static guint edit_distance(const char *a, const char *b, guint cap, guint *row)
{
    gsize la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    for (gsize j = 0; j <= lb; j++)
        row[j] = (guint)j;
    for (gsize i = 1; i <= la; i++) {
        guint diag = row[0];
        guint best = row[0] = (guint)i;
        for (gsize j = 1; j <= lb; j++) {
            guint up = row[j];
            guint v = diag + (a[i - 1] != b[j - 1]);
            v = MIN(v, up + 1);
            v = MIN(v, row[j - 1] + 1);
            row[j] = v;
            diag = up;
            best = MIN(best, v);
        }
        if (best > cap)
            return cap + 1;
    }
    return row[lb];
}

/* How far @key is from a folded name: the whole name, or one of its words (a surname typed
 * alone) at a penalty of one. */
static guint name_distance(const char *key, const char *name, guint cap, guint *row)
{
    guint d = edit_distance(key, name, cap, row);
    if (strchr(key, ' ') != NULL)
        return d;
    g_auto(GStrv) words = g_strsplit(name, " ", -1);
    for (guint i = 0; words[i] != NULL && d > 1; i++)
        d = MIN(d, edit_distance(key, words[i], cap, row) + 1);
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
    Candidate cx = {x->person, 0}, cy = {y->person, 0};
    return compare_candidates(&cx, &cy, user_data);
}

/* The people whose names are closest to @query, at most N_SUGGESTIONS, closest first; restricted
 * to @company when some name there is close at all. O(people x name length^2). */
static GArray *closest(const WpGraph *graph, const char *query, const char *company)
{
    g_autofree char *key = wp_text_fold(query);
    guint cap = MAX(2u, (guint)strlen(key) / 2);
    g_autofree guint *row = NULL;
    gsize row_len = 0;
    g_autoptr(GString) scratch = g_string_new(NULL);
    CompanyMatcher matcher;
    matcher_init(&matcher, graph, company);
    const WpColumn *names = find_column(graph, WP_COLUMN_NAME);
    GArray *best = g_array_new(FALSE, FALSE, sizeof(Suggestion));
    g_autoptr(GArray) at_company = g_array_new(FALSE, FALSE, sizeof(Suggestion));
    for (WpPerson p = 0; p < graph->n_people; p++) {
        const char *name = value_of(graph, names, p);
        wp_i_text_fold_into(name != NULL ? name : wp_graph_person_id(graph, p), scratch);
        if (scratch->len + 1 > row_len) {
            row_len = scratch->len + 1;
            g_free(row);
            row = g_new(guint, row_len);
        }
        guint d = name_distance(key, scratch->str, cap, row);
        if (d > cap)
            continue;
        Suggestion s = {p, d};
        int rank = company_rank(&matcher, p);
        g_array_append_val(rank != COMPANY_NONE && rank != COMPANY_ANY ? at_company : best, s);
    }
    matcher_clear(&matcher);
    if (at_company->len > 0) {
        g_array_unref(best);
        best = g_steal_pointer(&at_company);
    }
    g_array_sort_with_data(best, compare_suggestions, (gpointer)graph);
    if (best->len > N_SUGGESTIONS)
        g_array_set_size(best, N_SUGGESTIONS);
    return best;
}

static void set_unknown(const WpGraph *graph, const char *query, const char *company,
                        const GArray *elsewhere, GError **error)
{
    g_autoptr(GString) msg = g_string_new(NULL);
    g_string_append_printf(msg, "no person named '%s'", query);
    if (company != NULL)
        g_string_append_printf(msg, " at '%s'", company);
    if (elsewhere != NULL && elsewhere->len > 0) {
        g_string_append(msg, "; people of that name: ");
        for (guint i = 0; i < elsewhere->len && i < N_SUGGESTIONS; i++) {
            if (i > 0)
                g_string_append(msg, ", ");
            append_person(msg, graph, g_array_index(elsewhere, Candidate, i).person, FALSE);
        }
    } else {
        g_autoptr(GArray) near = closest(graph, query, company);
        g_string_append(msg, near->len > 0 ? "; closest: " : "; no similar name");
        for (guint i = 0; i < near->len; i++) {
            if (i > 0)
                g_string_append(msg, ", ");
            append_person(msg, graph, g_array_index(near, Suggestion, i).person, FALSE);
        }
    }
    g_set_error_literal(error, WP_ERROR, WP_ERROR_UNKNOWN_PERSON, msg->str);
}

static void set_ambiguous(const WpGraph *graph, const char *query, const GArray *found,
                          guint n_best, GError **error)
{
    g_autoptr(GString) msg = g_string_new(NULL);
    g_string_append_printf(msg, "'%s' matches %u people: ", query, n_best);
    for (guint i = 0; i < n_best; i++) {
        if (i > 0)
            g_string_append(msg, ", ");
        append_person(msg, graph, g_array_index(found, Candidate, i).person, TRUE);
    }
    g_string_append(msg, "; name the company or use the id");
    g_set_error_literal(error, WP_ERROR, WP_ERROR_AMBIGUOUS_PERSON, msg->str);
}

/* An exact id wins; otherwise the name must pick one person among those whose company matches
 * best (an exact company beats a prefix, which beats a substring). */
WpPerson wp_graph_resolve_person(const WpGraph *graph, const char *query, const char *company,
                                 GError **error)
{
    g_return_val_if_fail(graph != NULL && query != NULL, WP_PERSON_NONE);
    g_return_val_if_fail(error == NULL || *error == NULL, WP_PERSON_NONE);
    WpPerson exact = wp_graph_find_id(graph, query);
    if (exact != WP_PERSON_NONE)
        return exact;
    g_autoptr(GArray) elsewhere = g_array_new(FALSE, FALSE, sizeof(Candidate));
    g_autoptr(GArray) found = collect(graph, query, company, elsewhere);
    if (found->len == 0) {
        set_unknown(graph, query, company, elsewhere, error);
        return WP_PERSON_NONE;
    }
    guint n_best = 1;
    int rank = g_array_index(found, Candidate, 0).company_rank;
    while (n_best < found->len && g_array_index(found, Candidate, n_best).company_rank == rank)
        n_best++;
    if (n_best > 1) {
        set_ambiguous(graph, query, found, n_best, error);
        return WP_PERSON_NONE;
    }
    return g_array_index(found, Candidate, 0).person;
}

GArray *wp_graph_people_at_company(const WpGraph *graph, const char *company)
{
    g_return_val_if_fail(graph != NULL && company != NULL, NULL);
    CompanyMatcher matcher;
    matcher_init(&matcher, graph, company);
    GArray *tiers[COMPANY_NONE];
    for (int t = 0; t < COMPANY_NONE; t++)
        tiers[t] = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    if (matcher.key != NULL)
        for (WpPerson p = 0; p < graph->n_listed; p++) {
            int rank = company_rank(&matcher, p);
            if (rank < COMPANY_NONE)
                g_array_append_val(tiers[rank], p);
        }
    matcher_clear(&matcher);
    int best = 0;
    while (best + 1 < COMPANY_NONE && tiers[best]->len == 0)
        best++;
    for (int t = 0; t < COMPANY_NONE; t++)
        if (t != best)
            g_array_unref(tiers[t]);
    return tiers[best];
}
