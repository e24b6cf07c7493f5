/* SPDX-License-Identifier: MIT */
/* wp_connect_find(): the introductions a seller can make between their own contacts. The
 * contacts are gathered with the seller's tie to each, the strongest kept up to the cap, every
 * pair of them not tied and not colleagues is matched against the rules (connect-rules.c), and
 * the pairs that fit are scored with what already joins them (connect-joins.c). */
#include "ask/connect-private.h"

#include <string.h>

/* Complementarity (WpConnectPair.fit): a deal both sides want beats access to an account, which
 * beats peers swapping notes, which beats two people whose only link is trusting the seller. */
static const double kind_weight[WP_CONNECT_N_KINDS] = {1.0, 0.9, 0.7, 0.4};
/* Apart (other region, or for peers other industry): harder to meet, fewer shared problems. */
#define APART_FACTOR 0.85
/* A path through two other people joins a pair a tenth as much as a contact in common. */
#define PATH3_WEIGHT 0.1

const char *wp_connect_kind_name(WpConnectKind kind)
{
    switch (kind) {
    case WP_CONNECT_CLIENT_VENDOR:
        return "client-vendor";
    case WP_CONNECT_ACCOUNT:
        return "account";
    case WP_CONNECT_PEERS:
        return "peers";
    case WP_CONNECT_TRUSTED:
        return "trusted";
    case WP_CONNECT_N_KINDS:
        break;
    }
    return "unknown";
}

typedef struct {
    const WpScoring *scoring;
    const WpGraph *graph;
    const WpConnectQuery *query;
    GPtrArray *contacts; /* WpIConnectContact *, owned */
    WpConnectResult *result;
} Finder;

static void contact_free(gpointer data)
{
    WpIConnectContact *c = data;
    wp_i_connect_contact_clear(c);
    g_free(c);
}

static gboolean is_query_seller(const WpConnectQuery *q, WpPerson p)
{
    for (guint i = 0; i < q->n_sellers; i++)
        if (q->sellers[i] == p)
            return TRUE;
    return FALSE;
}

static WpIConnectContact *contact_new(WpPerson person, guint n_sellers)
{
    WpIConnectContact *c = g_new0(WpIConnectContact, 1);
    c->person = person;
    c->ties = g_new(WpTie, n_sellers);
    for (guint s = 0; s < n_sellers; s++)
        c->ties[s] = WP_TIE_NONE;
    c->strength = g_new0(double, n_sellers);
    c->types = g_new0(guint16, n_sellers);
    c->strong = g_new0(gboolean, n_sellers);
    return c;
}

/* Records seller @s's tie to the contact @c. */
static void set_tie(Finder *f, WpIConnectContact *c, guint s, WpPerson seller)
{
    WpTie tie;
    if (!wp_graph_find_tie(f->graph, seller, c->person, &tie) &&
        !wp_graph_find_tie(f->graph, c->person, seller, &tie))
        return; /* not reached: the person came from the seller's arcs */
    WpStrengthBreakdown bd;
    double strength = wp_scoring_tie_strength(f->scoring, tie, &bd);
    WpTieInfo info;
    wp_graph_tie_info(f->graph, tie, &info);
    c->ties[s] = tie;
    c->strength[s] = strength;
    c->types[s] = info.types;
    c->strong[s] = strength >= wp_model_weak_tie_below(wp_scoring_model(f->scoring)) &&
                   (bd.status & (WP_TIE_STATUS_GONE_COLD | WP_TIE_STATUS_NEVER_INTERACTED)) == 0;
    c->best = MAX(c->best, strength);
}

/* Strongest first; with a filter, those who meet it before the rest; ties by id. */
static int by_strength(gconstpointer x, gconstpointer y, gpointer data)
{
    const WpIConnectContact *a = *(WpIConnectContact *const *)x,
                            *b = *(WpIConnectContact *const *)y;
    if (a->matches != b->matches)
        return a->matches ? -1 : 1;
    if (a->best != b->best)
        return a->best > b->best ? -1 : 1;
    return strcmp(wp_graph_person_id(data, a->person), wp_graph_person_id(data, b->person));
}

/* The sellers' distinct direct contacts (fellow sellers counted and left out), the strongest
 * kept up to the cap, with their folded attributes. */
static void collect_contacts(Finder *f)
{
    const WpConnectQuery *q = f->query;
    gboolean team_rules = wp_scoring_team_rules(f->scoring);
    g_autoptr(GHashTable) index = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GHashTable) left_out = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (guint s = 0; s < q->n_sellers; s++) {
        WpINeighbours it;
        wp_i_neighbours_init(&it, f->graph, q->sellers[s]);
        WpPerson p;
        while (wp_i_neighbours_next(&it, &p)) {
            if (is_query_seller(q, p) ||
                (team_rules && wp_graph_person_team(f->graph, p) != NULL)) {
                g_hash_table_add(left_out, GUINT_TO_POINTER(p));
                continue;
            }
            WpIConnectContact *c = g_hash_table_lookup(index, GUINT_TO_POINTER(p));
            if (c == NULL) {
                c = contact_new(p, q->n_sellers);
                c->matches = q->where == NULL || wp_where_matches(q->where, f->graph, p);
                f->result->n_matching += c->matches;
                g_hash_table_insert(index, GUINT_TO_POINTER(p), c);
                g_ptr_array_add(f->contacts, c);
            }
            set_tie(f, c, s, q->sellers[s]);
        }
    }
    WpConnectResult *r = f->result;
    r->n_contacts = f->contacts->len;
    r->n_sellers_left_out = g_hash_table_size(left_out);
    g_ptr_array_sort_with_data(f->contacts, by_strength, (gpointer)f->graph);
    if (q->max_contacts > 0 && f->contacts->len > q->max_contacts)
        g_ptr_array_set_size(f->contacts, q->max_contacts);
    r->n_paired = f->contacts->len;
    r->weakest_paired = 1.0;
    for (guint i = 0; i < f->contacts->len; i++) {
        WpIConnectContact *c = f->contacts->pdata[i];
        r->weakest_paired = MIN(r->weakest_paired, c->best);
        wp_i_connect_contact_fill_keys(c, f->graph);
    }
}

/* The seller tied to both with the largest product of strengths (the first on a tie), or
 * G_MAXUINT when no one seller knows both. */
static guint best_seller(const Finder *f, const WpIConnectContact *x, const WpIConnectContact *y)
{
    guint best = G_MAXUINT;
    double best_product = 0;
    for (guint s = 0; s < f->query->n_sellers; s++) {
        double product = x->strength[s] * y->strength[s];
        if (product > best_product) {
            best = s;
            best_product = product;
        }
    }
    return best;
}

static gboolean same_key(const char *x, const char *y)
{
    return x != NULL && y != NULL && strcmp(x, y) == 0;
}

/* A pair that fits a rule, before its paths are counted. */
typedef struct {
    WpIConnectContact *a;
    WpIConnectContact *b;
    guint seller;
    WpConnectKind kind;
    guint evidence;
} Candidate;

/* Orients a symmetric pair: the stronger tie to the seller first, ties by id. */
static void orient(const Finder *f, Candidate *c)
{
    double sa = c->a->strength[c->seller], sb = c->b->strength[c->seller];
    if (sb > sa || (sb == sa && strcmp(wp_graph_person_id(f->graph, c->b->person),
                                       wp_graph_person_id(f->graph, c->a->person)) < 0)) {
        WpIConnectContact *t = c->a;
        c->a = c->b;
        c->b = t;
    }
}

/* Decides whether contacts @x and @y make a candidate, counting the pairs left out. */
static gboolean consider(Finder *f, WpIRules *rules, WpIConnectContact *x, WpIConnectContact *y,
                         Candidate *out)
{
    WpConnectResult *r = f->result;
    guint s = best_seller(f, x, y);
    if (s == G_MAXUINT)
        return FALSE; /* several sellers, none tied to both: not an introduction one can make */
    WpTie tie;
    if (wp_graph_find_tie(f->graph, x->person, y->person, &tie) ||
        wp_graph_find_tie(f->graph, y->person, x->person, &tie)) {
        r->n_tied++;
        return FALSE;
    }
    if (same_key(x->company, y->company)) {
        r->n_same_company++;
        return FALSE;
    }
    gboolean swap = FALSE;
    if ((!x->matches && !y->matches) ||
        !wp_i_rules_match(rules, x, y, s, &out->kind, &swap, &out->evidence)) {
        r->n_no_rule++;
        return FALSE;
    }
    out->a = swap ? y : x;
    out->b = swap ? x : y;
    out->seller = s;
    if (out->kind == WP_CONNECT_PEERS || out->kind == WP_CONNECT_TRUSTED)
        orient(f, out);
    return TRUE;
}

/* Scores @c, whose paths are counted from @from, one of its two people (they are symmetric). */
static void add_pair(Finder *f, const WpIJoins *joins, const Candidate *c, WpPerson from)
{
    WpConnectPair p = {0};
    p.a = c->a->person;
    p.b = c->b->person;
    p.seller = f->query->sellers[c->seller];
    p.kind = c->kind;
    p.tie_a = c->a->ties[c->seller];
    p.tie_b = c->b->ties[c->seller];
    p.strength_a = c->a->strength[c->seller];
    p.strength_b = c->b->strength[c->seller];
    p.same_region = same_key(c->a->region, c->b->region);
    p.same_industry = same_key(c->a->industry, c->b->industry);
    p.evidence = c->evidence;
    p.fit = kind_weight[c->kind] * (p.same_region ? 1.0 : APART_FACTOR);
    if (c->kind == WP_CONNECT_PEERS && !p.same_industry)
        p.fit *= APART_FACTOR;
    wp_i_joins_to(joins, f->graph, from == p.a ? p.b : p.a, &p.common, &p.common_example,
                  &p.paths3);
    p.hole = 1.0 / (1.0 + p.common + PATH3_WEIGHT * p.paths3);
    p.score = p.strength_a * p.strength_b * p.fit * p.hole;
    g_array_append_val(f->result->pairs, p);
}

/* Best score first; ties by A's id, then B's. */
static int by_score(gconstpointer x, gconstpointer y, gpointer data)
{
    const WpConnectPair *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    int c = strcmp(wp_graph_person_id(data, a->a), wp_graph_person_id(data, b->a));
    return c != 0 ? c : strcmp(wp_graph_person_id(data, a->b), wp_graph_person_id(data, b->b));
}

/* With a top, memory stays O(top): once the pairs found outgrow it, only the best are kept.
 * The order is total (scores, then ids), so what survives is what a full sort would keep. */
static void keep_best(Finder *f)
{
    guint top = f->query->top;
    GArray *pairs = f->result->pairs;
    if (top == 0 || pairs->len <= 2 * (gsize)top + 4096)
        return;
    g_array_sort_with_data(pairs, by_score, (gpointer)f->graph);
    g_array_set_size(pairs, top);
}

/* Every pair of the contacts kept, each contact's candidates counted from it at once. */
static gboolean find_pairs(Finder *f, GCancellable *cancellable, GError **error)
{
    const WpConnectQuery *q = f->query;
    WpIRules rules;
    wp_i_rules_init(&rules, f->graph, q->sellers, q->n_sellers, f->contacts);
    WpIJoins joins;
    gboolean joins_ready = FALSE;
    g_autoptr(GArray) found = g_array_new(FALSE, FALSE, sizeof(Candidate));
    gboolean ok = TRUE;
    for (guint i = 0; i < f->contacts->len && ok; i++) {
        if (g_cancellable_set_error_if_cancelled(cancellable, error)) {
            ok = FALSE;
            break;
        }
        g_array_set_size(found, 0);
        for (guint j = i + 1; j < f->contacts->len; j++) {
            Candidate c;
            if (consider(f, &rules, f->contacts->pdata[i], f->contacts->pdata[j], &c))
                g_array_append_val(found, c);
        }
        if (found->len == 0)
            continue;
        if (!joins_ready) {
            wp_i_joins_init(&joins, f->graph, q->sellers, q->n_sellers);
            joins_ready = TRUE;
        }
        WpPerson from = ((const WpIConnectContact *)f->contacts->pdata[i])->person;
        wp_i_joins_from(&joins, f->graph, from);
        for (guint k = 0; k < found->len; k++)
            add_pair(f, &joins, &g_array_index(found, Candidate, k), from);
        f->result->n_pairs += found->len;
        keep_best(f);
    }
    if (joins_ready)
        wp_i_joins_clear(&joins);
    wp_i_rules_clear(&rules);
    return ok;
}

WpConnectResult *wp_connect_find(const WpScoring *scoring, const WpConnectQuery *query,
                                 GCancellable *cancellable, GError **error)
{
    g_return_val_if_fail(scoring != NULL && query != NULL, NULL);
    g_return_val_if_fail(query->sellers != NULL && query->n_sellers > 0, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autoptr(WpConnectResult) result = g_new0(WpConnectResult, 1);
    result->sellers = g_array_sized_new(FALSE, FALSE, sizeof(WpPerson), query->n_sellers);
    g_array_append_vals(result->sellers, query->sellers, query->n_sellers);
    result->pairs = g_array_new(FALSE, FALSE, sizeof(WpConnectPair));
    g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func(contact_free);
    Finder f = {scoring, wp_scoring_graph(scoring), query, contacts, result};
    collect_contacts(&f);
    if (!find_pairs(&f, cancellable, error))
        return NULL;
    g_array_sort_with_data(result->pairs, by_score, (gpointer)f.graph);
    if (query->top > 0 && result->pairs->len > query->top)
        g_array_set_size(result->pairs, query->top);
    return g_steal_pointer(&result);
}

void wp_connect_result_free(WpConnectResult *result)
{
    if (result == NULL)
        return;
    g_array_unref(result->sellers);
    g_array_unref(result->pairs);
    g_free(result);
}
