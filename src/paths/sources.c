/* SPDX-License-Identifier: MIT */
/* Default mode: one path per referral source (the first person after the seller).
 *
 * The advice is to ask through several people until one introduction works, so the paths should
 * start with different people. One search backward from the target, on the graph without the
 * sellers and with one hop fewer than the limit, gives every person's cheapest way on to the
 * target, d(c). A path seller -> c -> ... -> target then has probability
 * eff(seller, c) x exp(-d(c)): d(c) carries one hop penalty per tie after c, which is exactly one
 * intermediary factor for each person between the seller and the target. Each contact c is
 * credited to one seller by the rule `rank` uses too (wp_i_roles_credit_wins(): the strongest
 * tie, then the seller named first); an asking seller is never a referral source.
 *
 * Under the team rules (roles-private.h) a seller's teammates are contacts too, through the team
 * tie, and fellow sellers are settled by the search but never passed through: the search goes no
 * further from them, so d(c) never runs through one. */
#include "paths/paths-private.h"

#include <math.h>
#include <string.h>

typedef struct {
    WpPerson source;
    WpPerson seller;
    WpTie first;       /* the seller's tie to the source, WP_TIE_NONE for the team tie */
    gboolean team_hop; /* the first hop is the team tie */
    double strength;   /* of that first hop */
    double log_p;      /* ln of the path's probability */
} Source;

static int compare_sources(gconstpointer a, gconstpointer b, gpointer user_data)
{
    const WpGraph *graph = user_data;
    const Source *x = a;
    const Source *y = b;
    if (x->log_p != y->log_p)
        return x->log_p > y->log_p ? -1 : 1;
    int c =
        strcmp(wp_graph_person_label(graph, x->source), wp_graph_person_label(graph, y->source));
    return c != 0
               ? c
               : strcmp(wp_graph_person_id(graph, x->source), wp_graph_person_id(graph, y->source));
}

/* Keeps @src for its source when it is the first seen or its seller is credited before the one
 * held (wp_i_roles_credit_wins(); the rest of the path, d(c), is the same for every seller).
 * slot: source -> index + 1. */
static void keep_source(const WpRoles *roles, GArray *sources, GHashTable *slot, const Source *src)
{
    guint at = GPOINTER_TO_UINT(g_hash_table_lookup(slot, GUINT_TO_POINTER(src->source)));
    if (at == 0) {
        g_array_append_val(sources, *src);
        g_hash_table_insert(slot, GUINT_TO_POINTER(src->source), GUINT_TO_POINTER(sources->len));
    } else {
        Source *held = &g_array_index(sources, Source, at - 1);
        if (wp_i_roles_credit_wins(roles, src->seller, src->strength, held->seller, held->strength))
            *held = *src;
    }
}

/* @c as a source of @seller, if the search reached the target from @c. */
static void consider(const WpPathContext *ctx, WpPerson seller, WpPerson c, WpPerson target,
                     GArray *sources, GHashTable *slot)
{
    if (c == target || ctx->banned[c])
        return;
    double d = wp_i_search_cost(ctx->search, c);
    Source src = {c, seller, WP_TIE_NONE, FALSE, 0, 0};
    if (d == INFINITY ||
        !wp_i_roles_first_hop(&ctx->roles, seller, c, &src.first, &src.strength, &src.team_hop))
        return;
    src.log_p = -wp_i_cost_from_strength(src.strength, 0) - d;
    keep_source(&ctx->roles, sources, slot, &src);
}

/* Every contact (and teammate) of a seller from whom the search reached the target, with its
 * best seller. */
static GArray *collect_sources(const WpPathContext *ctx, WpPerson target)
{
    const WpGraph *g = ctx->graph;
    GArray *sources = g_array_new(FALSE, FALSE, sizeof(Source));
    g_autoptr(GHashTable) slot = g_hash_table_new(g_direct_hash, g_direct_equal); /* c -> i + 1 */
    for (guint i = 0; i < ctx->n_sellers; i++) {
        WpPerson s = ctx->sellers[i];
        guint n_arcs;
        const WpArc *arcs = wp_graph_out_arcs(g, s, &n_arcs);
        for (guint a = 0; a < n_arcs; a++)
            consider(ctx, s, arcs[a].head, target, sources, slot);
    }
    for (guint j = 0; j < ctx->team_starts->len; j++) {
        const WpTeamStart *start = &g_array_index(ctx->team_starts, WpTeamStart, j);
        consider(ctx, start->seller, start->mate, target, sources, slot);
    }
    g_array_sort_with_data(sources, compare_sources, (gpointer)g);
    return sources;
}

/* Marks @c as a contact to settle, once (noted in @marked). */
static void want(guint8 *contacts, GArray *marked, WpPerson c, WpSearchLimits *limits)
{
    if (!contacts[c]) {
        contacts[c] = 1;
        g_array_append_val(marked, c);
        limits->n_stop++;
    }
}

/* One search backward from @target on the graph without the sellers, within one hop fewer than
 * the limit and the floor's cost; it stops once every seller's contact is settled. FALSE when no
 * seller has a contact to search for. */
static gboolean search_back(WpPathContext *ctx, WpPerson target, guint8 *contacts, GArray *marked)
{
    WpSearchLimits limits = WP_SEARCH_LIMITS_INIT;
    limits.direction = WP_SEARCH_BACKWARD;
    limits.max_hops = ctx->query.max_hops > 0 ? ctx->query.max_hops - 1 : 0;
    limits.max_cost = ctx->max_cost; /* d(c) <= full cost - penalty; the margin covers it */
    limits.banned = ctx->banned;
    limits.first_hop_only = ctx->first_hop_only; /* settled, not passed through */
    for (guint i = 0; i < ctx->n_sellers; i++) {
        guint n_arcs;
        const WpArc *arcs = wp_graph_out_arcs(ctx->graph, ctx->sellers[i], &n_arcs);
        for (guint a = 0; a < n_arcs; a++)
            if (!ctx->banned[arcs[a].head] && arcs[a].head != target)
                want(contacts, marked, arcs[a].head, &limits);
    }
    for (guint j = 0; j < ctx->team_starts->len; j++) {
        WpPerson mate = g_array_index(ctx->team_starts, WpTeamStart, j).mate;
        if (mate != target)
            want(contacts, marked, mate, &limits);
    }
    limits.stop_set = contacts;
    if (limits.n_stop == 0)
        return FALSE;
    wp_i_search_run(ctx->search, target, &limits);
    return TRUE;
}

/* The best path through each source, best first, until k are taken or the floor is passed. */
static void add_sources(WpPathContext *ctx, WpPerson target, WpPathSet *set)
{
    g_autoptr(GArray) sources = collect_sources(ctx, target);
    g_autoptr(GArray) people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
    g_autoptr(GArray) full_people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) full_ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
    guint taken = 0;
    for (guint i = 0; i < sources->len && taken < ctx->query.k; i++) {
        const Source *src = &g_array_index(sources, Source, i);
        if (!wp_i_search_path(ctx->search, src->source, people, ties))
            continue;
        /* A backward search lists c .. target, already in travel order. */
        g_array_set_size(full_people, 0);
        g_array_set_size(full_ties, 0);
        g_array_append_val(full_people, src->seller);
        g_array_append_vals(full_people, people->data, people->len);
        g_array_append_val(full_ties, src->first);
        g_array_append_vals(full_ties, ties->data, ties->len);
        WpPath path;
        wp_i_path_init(&path, ctx->scoring, (const WpPerson *)full_people->data,
                       (const WpTie *)full_ties->data, full_people->len, src->team_hop);
        if (path.probability < ctx->query.min_probability) {
            wp_path_clear(&path);
            break; /* sources come best first: the rest are lower still */
        }
        g_array_append_val(set->paths, path);
        taken++;
    }
}

void wp_i_paths_by_source(WpPathContext *ctx, WpPerson target, WpPathSet *set)
{
    guint8 *contacts = wp_i_query_marks(ctx->context, WP_I_MARK_WANTED);
    g_autoptr(GArray) marked = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    if (ctx->query.max_hops != 1 && search_back(ctx, target, contacts, marked))
        add_sources(ctx, target, set);
    for (guint i = 0; i < marked->len; i++) /* the marks stay all zero between queries */
        contacts[g_array_index(marked, WpPerson, i)] = 0;
    wp_i_paths_sort(set->paths, ctx->graph);
}
