/* SPDX-License-Identifier: MIT */
/* For an empty answer: the best path ignoring the hop limit and the probability floor.
 *
 * One search from the seller over the whole network could settle millions of people before it
 * reaches a faraway target. Instead two searches meet in the middle: forward from the seller
 * within a cost budget F and backward from the target within a budget B. Any path of cost
 * C <= F + B has a tie v -> w with the cost up to v at most F and the cost from w under B, so
 * the cheapest f(v) + cost(v, w) + b(w) over ties is the cheapest path once it is <= F + B;
 * otherwise the budget of the side that settled fewer people doubles. When one side has settled
 * everything it can reach, its costs are exact and the answer is final (or there is none).
 * Sellers other than the one searched from are never entered, fellow sellers only as the first
 * step (or, from a teammate reached through the team tie, not at all), and a seller's direct
 * tie to the target is no answer here: it is not something the limits hide.
 *
 * This is advice for an empty answer, so its work is bounded: every run settles at most what is
 * left of ctx->hint_budget (reruns and every seller's runs count). When a run stops there the
 * answer is not certain and none is given: the caller says the search was cut short. */
#include "paths/paths-private.h"

#include <math.h>

typedef struct {
    double cost;
    WpPerson v; /* last person on the forward side */
    WpPerson w; /* first person on the backward side */
    WpTie tie;
} Meeting;

/* Who a run may enter. A forward run from @start may step from @start to fellow sellers; a
 * backward run settles them but goes no further. */
typedef struct {
    WpPerson start;  /* the forward side's source */
    WpPerson target; /* the backward side's source */
    const guint8 *banned;
    const guint8 *first_hop_only; /* nullable */
    gboolean from_seller;         /* @start is the seller: its direct tie to @target is no path */
} Rules;

/* TRUE when a path may go from @v to @w (v on the forward side, w on the backward side). */
static gboolean may_step(const Rules *rules, WpPerson v, WpPerson w)
{
    if (rules->banned[w] || v == rules->target)
        return FALSE;
    if (rules->from_seller && v == rules->start && w == rules->target)
        return FALSE; /* the direct tie: not a path the limits hide */
    if (rules->first_hop_only == NULL)
        return TRUE;
    if (rules->first_hop_only[w] && v != rules->start && w != rules->target)
        return FALSE; /* a fellow seller only right after the start */
    return TRUE;
}

/* TRUE when the last run settled everyone it could reach: no arc leaves the settled set towards
 * someone who may be entered. */
static gboolean exhausted(const Rules *rules, const WpGraph *g, const WpSearch *search,
                          WpSearchDirection dir)
{
    guint n;
    const WpPerson *settled = wp_i_search_settled(search, &n);
    for (guint i = 0; i < n; i++) {
        WpPerson x = settled[i];
        gboolean fwd = dir == WP_SEARCH_FORWARD;
        if (!fwd && rules->first_hop_only && rules->first_hop_only[x] && x != rules->target)
            continue; /* a backward run goes no further from them */
        guint n_arcs;
        const WpArc *arcs =
            fwd ? wp_graph_out_arcs(g, x, &n_arcs) : wp_graph_in_arcs(g, x, &n_arcs);
        for (guint a = 0; a < n_arcs; a++) {
            WpPerson y = arcs[a].head;
            if (wp_i_search_cost(search, y) != INFINITY || (fwd && !may_step(rules, x, y)) ||
                (!fwd && (rules->banned[y] || (x == rules->target && y == rules->start))))
                continue;
            return FALSE;
        }
    }
    return TRUE;
}

/* The cheapest tie joining the two searches, scanning the side that settled fewer people. */
static Meeting meet(const WpPathContext *ctx, const Rules *rules, const WpSearch *fwd,
                    const WpSearch *bwd)
{
    Meeting best = {INFINITY, WP_PERSON_NONE, WP_PERSON_NONE, 0};
    guint n_fwd, n_bwd;
    const WpPerson *fwd_settled = wp_i_search_settled(fwd, &n_fwd);
    const WpPerson *bwd_settled = wp_i_search_settled(bwd, &n_bwd);
    gboolean from_fwd = n_fwd <= n_bwd;
    guint n = from_fwd ? n_fwd : n_bwd;
    for (guint i = 0; i < n; i++) {
        WpPerson x = from_fwd ? fwd_settled[i] : bwd_settled[i];
        guint n_arcs;
        const WpArc *arcs = from_fwd ? wp_graph_out_arcs(ctx->graph, x, &n_arcs)
                                     : wp_graph_in_arcs(ctx->graph, x, &n_arcs);
        double here = wp_i_search_cost(from_fwd ? fwd : bwd, x);
        for (guint a = 0; a < n_arcs; a++) {
            WpPerson y = arcs[a].head;
            WpPerson v = from_fwd ? x : y, w = from_fwd ? y : x;
            if (!may_step(rules, v, w))
                continue;
            double there = wp_i_search_cost(from_fwd ? bwd : fwd, y);
            if (there == INFINITY)
                continue;
            double c = here + wp_i_path_tie_cost(ctx, arcs[a].tie) + there;
            if (c < best.cost)
                best = (Meeting){c, v, w, arcs[a].tie};
        }
    }
    return best;
}

/* seller .. v, the tie v -> w, w .. target; a cycle (only possible through ties of cost 0) is cut
 * out. */
static void join(const WpPathContext *ctx, const WpSearch *fwd, const WpSearch *bwd,
                 const Meeting *m, WpPath *out)
{
    g_autoptr(GArray) people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
    g_autoptr(GArray) back_people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    g_autoptr(GArray) back_ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
    wp_i_search_path(fwd, m->v, people, ties);
    wp_i_search_path(bwd, m->w, back_people, back_ties);
    g_array_append_val(ties, m->tie);
    g_array_append_vals(people, back_people->data, back_people->len);
    g_array_append_vals(ties, back_ties->data, back_ties->len);
    g_autoptr(GHashTable) at = g_hash_table_new(g_direct_hash, g_direct_equal); /* p -> i + 1 */
    guint len = 0;
    WpPerson *pp = (WpPerson *)people->data;
    WpTie *tt = (WpTie *)ties->data;
    for (guint i = 0; i < people->len; i++) {
        guint seen = GPOINTER_TO_UINT(g_hash_table_lookup(at, GUINT_TO_POINTER(pp[i])));
        if (seen > 0) { /* back at pp[seen - 1]: drop the loop after it */
            for (guint j = seen; j < len; j++)
                g_hash_table_remove(at, GUINT_TO_POINTER(pp[j]));
            len = seen;
            continue;
        }
        pp[len] = pp[i];
        if (len > 0)
            tt[len - 1] = tt[i - 1];
        g_hash_table_insert(at, GUINT_TO_POINTER(pp[len]), GUINT_TO_POINTER(len + 1));
        len++;
    }
    wp_i_path_init(out, ctx->scoring, pp, tt, len, FALSE);
}

/* The next budget of the side to grow (now @mine, the other side's @other) when the cheapest
 * meeting so far costs @meeting > @mine + @other: doubled while the sides have not met; once
 * they have, just enough for the two to cover @meeting, after which no cheaper path can hide
 * (the meeting found then is the answer). The cost of the people within a budget grows about
 * exponentially with it: doubling past what the meeting needs settled thousands of people more
 * on the benchmark's networks. */
static double grown(double mine, double other, double meeting)
{
    if (meeting == INFINITY)
        return mine * 2;
    double enough = (meeting - other) * (1 + 1e-12) + 1e-12; /* F + B >= meeting, rounding aside */
    return MIN(MAX(enough, mine), mine * 2);
}

/* Runs @search from @source within what is left of the budget (*@left, then reduced by the
 * people settled). FALSE when the run stopped at the budget: its costs are exact but it did not
 * reach as far as @limits asked. */
static gboolean run_within(WpPathContext *ctx, WpSearch *search, WpPerson source,
                           WpSearchLimits *limits, guint *left)
{
    if (*left == 0)
        return FALSE;
    limits->max_settled = *left;
    wp_i_search_run(search, source, limits);
    guint n;
    wp_i_search_settled(search, &n);
    *left -= MIN(n, *left);
    ctx->hint_settled += n;
    return !wp_i_search_capped(search);
}

/* The cheapest path from @start to @target with no hop limit or floor, into @out (cost in
 * *cost); FALSE when there is none or when the budget (*@left) ran out first (*@cut set). @start
 * is a seller, or (@after_team_hop) a teammate reached through the team tie, from whom fellow
 * sellers are banned outright. */
static gboolean best_from(WpPathContext *ctx, WpSearch *bwd, WpPerson start, WpPerson target,
                          gboolean after_team_hop, guint *left, gboolean *cut, WpPath *out,
                          double *cost)
{
    Rules rules = {start, target, ctx->banned, after_team_hop ? NULL : ctx->first_hop_only,
                   !after_team_hop};
    WpTie direct[1];
    WpSearchLimits fl = WP_SEARCH_LIMITS_INIT;
    wp_i_path_forward_limits(ctx, after_team_hop, &fl);
    fl.max_cost = 1.0;
    if (!after_team_hop && wp_graph_find_tie(ctx->graph, start, target, &direct[0])) {
        fl.banned_first_ties = direct; /* never through the seller's own tie to the target */
        fl.n_banned_first_ties = 1;
    }
    WpSearchLimits bl = WP_SEARCH_LIMITS_INIT;
    bl.direction = WP_SEARCH_BACKWARD;
    bl.banned = ctx->banned;
    bl.first_hop_only = rules.first_hop_only;
    bl.max_cost = 1.0;
    if (!run_within(ctx, ctx->search, start, &fl, left) ||
        !run_within(ctx, bwd, target, &bl, left)) {
        *cut = TRUE;
        return FALSE;
    }
    gboolean fwd_done = exhausted(&rules, ctx->graph, ctx->search, WP_SEARCH_FORWARD);
    gboolean bwd_done = exhausted(&rules, ctx->graph, bwd, WP_SEARCH_BACKWARD);
    for (;;) {
        Meeting m = meet(ctx, &rules, ctx->search, bwd);
        if (m.cost <= fl.max_cost + bl.max_cost || fwd_done || bwd_done) {
            if (m.cost == INFINITY)
                return FALSE;
            join(ctx, ctx->search, bwd, &m, out);
            *cost = m.cost;
            return TRUE;
        }
        guint n_fwd, n_bwd;
        wp_i_search_settled(ctx->search, &n_fwd);
        wp_i_search_settled(bwd, &n_bwd);
        if (n_fwd <= n_bwd) {
            fl.max_cost = grown(fl.max_cost, bl.max_cost, m.cost);
            if (!run_within(ctx, ctx->search, start, &fl, left)) {
                *cut = TRUE;
                return FALSE;
            }
            fwd_done = exhausted(&rules, ctx->graph, ctx->search, WP_SEARCH_FORWARD);
        } else {
            bl.max_cost = grown(bl.max_cost, fl.max_cost, m.cost);
            if (!run_within(ctx, bwd, target, &bl, left)) {
                *cut = TRUE;
                return FALSE;
            }
            bwd_done = exhausted(&rules, ctx->graph, bwd, WP_SEARCH_BACKWARD);
        }
    }
}

/* Keeps @path in @out when it is cheaper than *@best; frees it otherwise. */
static void keep_cheaper(WpPath *path, double cost, WpPath *out, double *best)
{
    if (cost < *best) {
        wp_path_clear(out);
        *out = *path;
        *best = cost;
    } else {
        wp_path_clear(path);
    }
}

gboolean wp_i_paths_best_anywhere(WpPathContext *ctx, WpPerson target, WpPath *out)
{
    WpSearch *bwd = wp_i_query_search(ctx->context, WP_I_SEARCH_SIDE);
    double best = INFINITY;
    guint left = ctx->hint_budget;
    gboolean cut = FALSE;
    for (guint i = 0; i < ctx->n_sellers && !cut; i++) {
        WpPath path = {0};
        double cost;
        if (best_from(ctx, bwd, ctx->sellers[i], target, FALSE, &left, &cut, &path, &cost))
            keep_cheaper(&path, cost, out, &best);
    }
    for (guint j = 0; j < ctx->team_starts->len && !cut; j++) {
        const WpTeamStart *start = &g_array_index(ctx->team_starts, WpTeamStart, j);
        WpPath tail = {0};
        double cost;
        if (start->mate == target) /* a direct (team) tie: not hidden by the limits */
            continue;
        wp_i_path_ban_fellows(ctx, target, 1);
        gboolean found = best_from(ctx, bwd, start->mate, target, TRUE, &left, &cut, &tail, &cost);
        wp_i_path_ban_fellows(ctx, target, -1);
        if (!found)
            continue;
        g_autoptr(GArray) people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
        g_autoptr(GArray) ties = g_array_new(FALSE, FALSE, sizeof(WpTie));
        WpTie none = WP_TIE_NONE;
        g_array_append_val(people, start->seller);
        g_array_append_vals(people, tail.people, tail.n_people);
        g_array_append_val(ties, none);
        g_array_append_vals(ties, tail.ties, tail.n_people - 1);
        wp_path_clear(&tail);
        WpPath path;
        wp_i_path_init(&path, ctx->scoring, (const WpPerson *)people->data,
                       (const WpTie *)ties->data, people->len, TRUE);
        keep_cheaper(&path, cost + start->cost, out, &best);
    }
    if (cut) /* a seller's search stopped short: what the others found need not be the best */
        wp_path_clear(out);
    return !cut;
}
