/* SPDX-License-Identifier: MIT */
/* The k best loopless paths (Yen's algorithm) on the search engine, within the hop limit.
 *
 * Yen: take the best path; then, for each path found, and each person on it but the last (the
 * spur), ban the root (the people before the spur) and the next tie of every found path sharing
 * that root, and search spur -> target; root + spur path is a candidate. The cheapest candidate is
 * the next path. A hop limit H stays exact because it splits over root and spur: the spur search
 * gets H minus the root's ties. Sellers other than the one a path starts from are banned, and the
 * probability floor bounds the cost. Spur searches run as A* towards the target.
 *
 * Under the team rules a seller also steps to a teammate through the team tie, which is no arc
 * of the graph: at the first spur (the seller) each teammate not already next on a found path
 * gives a candidate of its own, the team hop followed by a search from the teammate. Fellow
 * sellers may only be the first step: the seller's own searches enter them only from the seller,
 * every later search (from a spur past the seller, or from a teammate) bans them. igraph's
 * igraph_get_k_shortest_paths() has no hop limit and would need a copy of a graph of millions of
 * ties, so the tests use it only as a reference. */
#include "paths/paths-private.h"

#include <math.h>
#include <string.h>

typedef struct {
    GArray *people; /* WpPerson */
    GArray *ties;   /* WpTie; ties[0] = WP_TIE_NONE after a team hop */
    double cost;
    gboolean team_hop; /* the first hop is the team tie */
} Found;

static void found_free(gpointer data)
{
    Found *f = data;
    g_array_unref(f->people);
    g_array_unref(f->ties);
    g_free(f);
}

/* A key that identifies a path by its people (a path is a person sequence: one tie per pair). */
static GBytes *path_key(const GArray *people)
{
    return g_bytes_new(people->data, sizeof(WpPerson) * people->len);
}

/* Runs from @from within @max_hops to @target and returns the path found, or NULL. A run from
 * the seller (@first_hop) may step to fellow sellers, every other run has them banned. */
static Found *search_to(WpPathContext *ctx, const double *potential, WpPerson from, WpPerson target,
                        guint max_hops, double max_cost, const WpTie *banned_ties,
                        guint n_banned_ties, gboolean first_hop)
{
    WpSearchLimits limits = WP_SEARCH_LIMITS_INIT;
    limits.potential = potential;
    limits.max_hops = max_hops;
    limits.max_cost = max_cost;
    wp_i_path_forward_limits(ctx, !first_hop, &limits);
    limits.banned_first_ties = banned_ties;
    limits.n_banned_first_ties = n_banned_ties;
    limits.target = target;
    if (!first_hop)
        wp_i_path_ban_fellows(ctx, target, 1);
    wp_i_search_run(ctx->search, from, &limits);
    if (!first_hop)
        wp_i_path_ban_fellows(ctx, target, -1);
    if (wp_i_search_cost(ctx->search, target) == INFINITY)
        return NULL;
    Found *f = g_new0(Found, 1);
    f->people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    f->ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
    wp_i_search_path(ctx->search, target, f->people, f->ties);
    f->cost = wp_i_search_cost(ctx->search, target);
    return f;
}

/* root (people[0..spur], ties[0..spur)) followed by @spur's path. */
static Found *join(const Found *prev, guint spur, Found *tail, double root_cost)
{
    Found *f = g_new0(Found, 1);
    f->people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    f->ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
    g_array_append_vals(f->people, prev->people->data, spur);
    g_array_append_vals(f->people, tail->people->data, tail->people->len);
    g_array_append_vals(f->ties, prev->ties->data, spur);
    g_array_append_vals(f->ties, tail->ties->data, tail->ties->len);
    f->cost = root_cost + tail->cost;
    f->team_hop = spur > 0 && prev->team_hop;
    found_free(tail);
    return f;
}

/* Search cost of @f's hop @hop. */
static double hop_cost(const WpPathContext *ctx, const Found *f, guint hop)
{
    if (hop == 0 && f->team_hop)
        return wp_i_cost_from_strength(ctx->roles.team_tie, ctx->hop_penalty);
    return wp_i_path_tie_cost(ctx, g_array_index(f->ties, WpTie, hop));
}

/* Adds @cand to @candidates unless the same path was seen. */
static void offer(GPtrArray *candidates, GHashTable *seen, Found *cand)
{
    if (g_hash_table_add(seen, path_key(cand->people)))
        g_ptr_array_add(candidates, cand);
    else
        found_free(cand);
}

/* The tie rows from @seller to teammates it reaches through the (stronger) team tie, appended to
 * @ties: the seller's own searches must not step to them by the row, which would be the same
 * people at a higher cost. */
static void add_team_rows(const WpPathContext *ctx, WpPerson seller, GArray *ties)
{
    for (guint j = 0; j < ctx->team_starts->len; j++) {
        const WpTeamStart *start = &g_array_index(ctx->team_starts, WpTeamStart, j);
        WpTie row;
        if (start->seller == seller && wp_graph_find_tie(ctx->graph, seller, start->mate, &row))
            g_array_append_val(ties, row);
    }
}

/* Candidates through the team tie from @seller: for each teammate not in @used (next after the
 * seller on a found path sharing the root), the team hop then the best path on. */
static void team_candidates(WpPathContext *ctx, const double *potential, WpPerson seller,
                            WpPerson target, GHashTable *used, GPtrArray *candidates,
                            GHashTable *seen)
{
    guint max_hops = ctx->query.max_hops;
    for (guint j = 0; j < ctx->team_starts->len; j++) {
        const WpTeamStart *start = &g_array_index(ctx->team_starts, WpTeamStart, j);
        if (start->seller != seller || g_hash_table_contains(used, GUINT_TO_POINTER(start->mate)))
            continue;
        Found *tail = NULL;
        if (start->mate == target) {
            tail = g_new0(Found, 1);
            tail->people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
            tail->ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
            g_array_append_val(tail->people, target);
        } else if (max_hops != 1) {
            tail = search_to(ctx, potential, start->mate, target, max_hops > 0 ? max_hops - 1 : 0,
                             ctx->max_cost - start->cost, NULL, 0, FALSE);
        }
        if (tail == NULL)
            continue;
        WpTie none = WP_TIE_NONE;
        g_array_prepend_val(tail->people, seller);
        g_array_prepend_val(tail->ties, none);
        tail->cost += start->cost;
        tail->team_hop = TRUE;
        offer(candidates, seen, tail);
    }
}

/* Candidates from every spur of @prev, the latest path found.
 *
 * Linear in the path's length per found path: the root grows by one person per spur, so its
 * people are banned one at a time as the spur moves on (and all released at the end) instead of
 * banning the whole root again for every spur; and the found paths that share the root only drop
 * out as it grows, so each spur compares one person per path still sharing it. Re-banning the
 * root and re-comparing whole prefixes made a 300,000-hop chain quadratic (84 s for -k 5). */
static void spur_candidates(WpPathContext *ctx, const double *potential, WpPerson target,
                            const GPtrArray *found, const Found *prev, GPtrArray *candidates,
                            GHashTable *seen)
{
    const WpPerson *pp = (const WpPerson *)prev->people->data;
    guint max_hops = ctx->query.max_hops;
    g_autoptr(GArray) banned_ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
    g_autoptr(GPtrArray) sharing = g_ptr_array_sized_new(found->len); /* share pp[0..spur] */
    for (guint j = 0; j < found->len; j++)
        if (g_array_index(((const Found *)found->pdata[j])->people, WpPerson, 0) == pp[0])
            g_ptr_array_add(sharing, found->pdata[j]);
    g_autoptr(GHashTable) used = g_hash_table_new(g_direct_hash, g_direct_equal);
    double root_cost = 0;
    guint spur = 0;
    for (; spur + 1 < prev->people->len; spur++) {
        g_array_set_size(banned_ties, 0);
        guint kept = 0;
        for (guint j = 0; j < sharing->len; j++) {
            const Found *other = sharing->pdata[j];
            if (other->people->len <= spur ||
                g_array_index(other->people, WpPerson, spur) != pp[spur])
                continue; /* diverged before this spur: shares no longer root either */
            sharing->pdata[kept++] = sharing->pdata[j];
            if (other->people->len <= spur + 1)
                continue;
            if (spur == 0) /* a person next after the seller, by any tie */
                g_hash_table_add(used, GUINT_TO_POINTER(g_array_index(other->people, WpPerson, 1)));
            if (!(spur == 0 && other->team_hop))
                g_array_append_val(banned_ties, g_array_index(other->ties, WpTie, spur));
        }
        g_ptr_array_set_size(sharing, kept);
        if (spur == 0)
            add_team_rows(ctx, pp[0], banned_ties);
        Found *tail = search_to(ctx, potential, pp[spur], target,
                                max_hops > 0 ? max_hops - spur : 0, ctx->max_cost - root_cost,
                                (const WpTie *)banned_ties->data, banned_ties->len, spur == 0);
        if (tail != NULL)
            offer(candidates, seen, join(prev, spur, tail, root_cost));
        if (spur == 0)
            team_candidates(ctx, potential, pp[0], target, used, candidates, seen);
        ctx->banned[pp[spur]]++; /* in the root of every later spur */
        root_cost += hop_cost(ctx, prev, spur);
    }
    for (guint r = 0; r < spur; r++)
        ctx->banned[pp[r]]--;
}

/* The cheapest candidate (the shorter among equally cheap ones), removed from @candidates; NULL
 * when none is left. */
static Found *take_cheapest(GPtrArray *candidates)
{
    if (candidates->len == 0)
        return NULL;
    guint best = 0;
    for (guint i = 1; i < candidates->len; i++) {
        const Found *f = candidates->pdata[i], *b = candidates->pdata[best];
        if (f->cost < b->cost || (f->cost == b->cost && f->people->len < b->people->len))
            best = i;
    }
    return g_ptr_array_steal_index_fast(candidates, best);
}

/* Up to k paths from @seller (the other sellers banned), added to @set. */
static void yen_from(WpPathContext *ctx, const double *potential, WpPerson seller, WpPerson target,
                     WpPathSet *set)
{
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(found_free);
    g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func(found_free);
    g_autoptr(GHashTable) seen =
        g_hash_table_new_full(g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
    /* The best path: through the seller's own ties, or through a teammate. */
    g_autoptr(GArray) team_rows = g_array_new(FALSE, FALSE, sizeof(WpTie));
    add_team_rows(ctx, seller, team_rows);
    Found *own = search_to(ctx, potential, seller, target, ctx->query.max_hops, ctx->max_cost,
                           (const WpTie *)team_rows->data, team_rows->len, TRUE);
    if (own != NULL)
        offer(candidates, seen, own);
    g_autoptr(GHashTable) none = g_hash_table_new(g_direct_hash, g_direct_equal);
    team_candidates(ctx, potential, seller, target, none, candidates, seen);
    Found *first = take_cheapest(candidates);
    if (first == NULL)
        return;
    g_ptr_array_add(found, first);
    while (found->len < ctx->query.k) {
        spur_candidates(ctx, potential, target, found, found->pdata[found->len - 1], candidates,
                        seen);
        Found *next = take_cheapest(candidates);
        if (next == NULL)
            break;
        g_ptr_array_add(found, next);
    }
    for (guint i = 0; i < found->len; i++) {
        const Found *f = found->pdata[i];
        WpPath path;
        wp_i_path_init(&path, ctx->scoring, (const WpPerson *)f->people->data,
                       (const WpTie *)f->ties->data, f->people->len, f->team_hop);
        if (path.probability < ctx->query.min_probability)
            wp_path_clear(&path);
        else
            g_array_append_val(set->paths, path);
    }
}

/* How far the search for potentials must go: a seller's own cost to the target is the least
 * (arc + cost to the target) over its neighbours, final once the search's radius passes it. */
typedef struct {
    const WpPathContext *ctx;
    double *seller_cost; /* per seller, least arc + cost to the target seen so far */
    double radius;       /* cost of the last person settled */
    gboolean stopped;
} Horizon;

static gboolean horizon_reached(WpPerson person, double cost, gpointer data)
{
    Horizon *hz = data;
    const WpPathContext *ctx = hz->ctx;
    const WpAdjacency *adj = wp_i_scoring_adjacency(ctx->scoring);
    hz->radius = cost;
    /* A backward search: @person's in-arcs come from those who reach the target through it,
     * a seller next to it among them. */
    guint32 first = adj->in_offsets[person], last = adj->in_offsets[person + 1];
    const double *costs = wp_i_scoring_costs(ctx->scoring, FALSE, person) - first;
    for (guint32 a = first; a < last; a++) {
        WpPerson from = adj->in_arcs[a].head;
        if (!ctx->banned[from])
            continue;
        for (guint i = 0; i < ctx->n_sellers; i++)
            if (ctx->sellers[i] == from)
                hz->seller_cost[i] = MIN(hz->seller_cost[i], cost + costs[a]);
    }
    for (guint j = 0; j < ctx->team_starts->len; j++) { /* a seller's way through a teammate */
        const WpTeamStart *start = &g_array_index(ctx->team_starts, WpTeamStart, j);
        if (start->mate != person)
            continue;
        for (guint i = 0; i < ctx->n_sellers; i++)
            if (ctx->sellers[i] == start->seller)
                hz->seller_cost[i] = MIN(hz->seller_cost[i], cost + start->cost);
    }
    double farthest = 0;
    for (guint i = 0; i < ctx->n_sellers; i++)
        farthest = MAX(farthest, hz->seller_cost[i]);
    hz->stopped = cost >= farthest; /* never while a seller is INFINITY */
    return hz->stopped;
}

/* Costs to @target on the graph without the sellers and with no hop limit: a consistent lower
 * bound for every spur search (they ban more and may limit hops), which steers them straight to
 * @target (A*). A seller gets 0: spur searches start from it but never enter it.
 *
 * The search stops at the radius R where every seller's own best cost is known; people beyond
 * get min(cost, R) = R, still a consistent lower bound. Spur searches then explore beyond R
 * only within (their path's cost - R) of the spur, a small ball. On the benchmark's large graph
 * the full backward run settled a million people in 1.6 s. The costs go into the query
 * context's scratch array (valid until the next query). */
static const double *potentials(WpPathContext *ctx, WpPerson target)
{
    g_autofree double *seller_cost = g_new(double, ctx->n_sellers);
    for (guint i = 0; i < ctx->n_sellers; i++)
        seller_cost[i] = INFINITY;
    Horizon hz = {ctx, seller_cost, 0, FALSE};
    WpSearchLimits limits = WP_SEARCH_LIMITS_INIT;
    limits.direction = WP_SEARCH_BACKWARD;
    limits.max_cost = ctx->max_cost; /* beyond the floor nothing is worth reaching */
    limits.banned = ctx->banned;
    limits.first_hop_only = ctx->first_hop_only;
    limits.on_settle = horizon_reached;
    limits.on_settle_data = &hz;
    wp_i_search_run(ctx->search, target, &limits);
    /* Not stopped: the search ran out, and whom it did not reach cannot reach @target. */
    double beyond = hz.stopped ? hz.radius : INFINITY;
    double *h = wp_i_query_scratch(ctx->context); /* every entry written below */
    guint n_people = wp_i_scoring_adjacency(ctx->scoring)->n_people;
    for (WpPerson p = 0; p < n_people; p++)
        h[p] = MIN(wp_i_search_cost(ctx->search, p), beyond);
    for (guint i = 0; i < ctx->n_sellers; i++)
        h[ctx->sellers[i]] = 0;
    return h;
}

void wp_i_paths_yen(WpPathContext *ctx, WpPerson target, WpPathSet *set)
{
    const double *potential = potentials(ctx, target);
    for (guint i = 0; i < ctx->n_sellers; i++)
        yen_from(ctx, potential, ctx->sellers[i], target, set);
    wp_i_paths_sort(set->paths, ctx->graph);
    if (set->paths->len > ctx->query.k)
        g_array_set_size(set->paths, ctx->query.k);
}
