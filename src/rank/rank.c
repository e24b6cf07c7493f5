/* SPDX-License-Identifier: MIT */
/* Ranking referral sources for a territory: the searches, on two threads, and their merge.
 *
 * Under the team rules (search/roles-private.h) fellow sellers are contacts the sellers can ask
 * (teammates through the team tie), but they are not referral sources: their reach is computed
 * like a source's and reported apart (WpRankResult.colleagues). No path runs through one:
 * forward runs have them banned (a run from one starts there, which a ban allows), backward
 * runs settle them without going further. */
#include "rank/rank-private.h"
#include "warmpath/error.h"

#include <math.h>

#define DEFAULT_THREADS 2
/* Search cost bounds get this much slack so that rounding never hides a path the
 * probability test P >= floor accepts. */
#define COST_SLACK 1e-9

/* Everything the workers share. Read-only while they run, except the marked fields. */
typedef struct {
    const WpGraph *graph;
    const WpScoring *scoring;
    WpQueryContext *context;   /* the calling thread's workspaces; other workers make their own */
    GCancellable *cancellable; /* nullable: no run starts once it is cancelled */
    const WpRankQuery *query;
    GArray *contacts;      /* WpRankContact, by person */
    GArray *targets;       /* WpPerson, territory order */
    WpRoles roles;         /* asking sellers (banned), fellow sellers (first_hop_only) */
    guint8 *banned_all;    /* the context's marks: asking and fellow sellers, for forward runs */
    WpRankStops stops;     /* early stops for unbounded runs */
    guint search_hops;     /* hop limit from the source on (0 = none) */
    double floor;          /* min_probability */
    double max_strength;   /* strongest seller tie */
    gboolean from_targets; /* runs go backward from targets, else forward from contacts */
    guint n_runs;
    GArray **pairs; /* per run: WpRankPair; each written by the one worker running it */
    gint next_run;  /* atomic: the next run to take */
    GMutex lock;    /* serialises progress calls */
    gint done;      /* atomic: runs finished */
} Job;

static void job_clear(Job *job)
{
    g_clear_pointer(&job->contacts, g_array_unref);
    g_clear_pointer(&job->targets, g_array_unref);
    if (job->banned_all != NULL)
        wp_i_roles_ban_fellows(&job->roles, job->banned_all, WP_PERSON_NONE, -1);
    for (guint i = 0; job->banned_all != NULL && i < job->roles.n_sellers; i++)
        job->banned_all[job->roles.sellers[i]] = 0;
    job->banned_all = NULL;
    wp_i_roles_clear(&job->roles);
    wp_i_rank_stops_clear(&job->stops);
    for (guint i = 0; job->pairs != NULL && i < job->n_runs; i++)
        if (job->pairs[i] != NULL)
            g_array_unref(job->pairs[i]);
    g_clear_pointer(&job->pairs, g_free);
    g_mutex_clear(&job->lock);
}

/* Keeps @c in @found (slot: person -> index + 1) when new or credited before what is there
 * (wp_i_roles_credit_wins()). */
static void keep_contact(const WpRoles *roles, GArray *found, GHashTable *slot,
                         const WpRankContact *c)
{
    guint at = GPOINTER_TO_UINT(g_hash_table_lookup(slot, GUINT_TO_POINTER(c->person)));
    if (at == 0) {
        g_array_append_val(found, *c);
        g_hash_table_insert(slot, GUINT_TO_POINTER(c->person), GUINT_TO_POINTER(found->len));
        return;
    }
    WpRankContact *have = &g_array_index(found, WpRankContact, at - 1);
    if (wp_i_roles_credit_wins(roles, c->seller, c->strength, have->seller, have->strength))
        *have = *c;
}

static int by_person(gconstpointer a, gconstpointer b)
{
    const WpRankContact *x = a, *y = b;
    return x->person < y->person ? -1 : x->person > y->person;
}

/* Every person a seller can ask directly (not an asking seller): tie rows, and teammates
 * through the team tie; each credited to one seller (wp_i_roles_credit_wins()), in person
 * order. */
static GArray *collect_contacts(const WpAdjacency *adj, const WpRoles *roles, double *max_strength)
{
    g_autoptr(GHashTable) slot = g_hash_table_new(g_direct_hash, g_direct_equal);
    GArray *found = g_array_new(FALSE, FALSE, sizeof(WpRankContact));
    for (guint i = 0; i < roles->n_sellers; i++) {
        WpPerson s = roles->sellers[i];
        for (guint32 a = adj->out_offsets[s]; a < adj->out_offsets[s + 1]; a++) {
            WpRankContact c = {adj->out_arcs[a].head, s, 0, FALSE, FALSE};
            WpTie tie;
            if (roles->banned[c.person] ||
                !wp_i_roles_first_hop(roles, s, c.person, &tie, &c.strength, &c.team))
                continue;
            c.fellow = roles->first_hop_only != NULL && roles->first_hop_only[c.person];
            keep_contact(roles, found, slot, &c);
        }
        for (guint j = 0; j < roles->teammates->len; j++) {
            WpRankContact c = {g_array_index(roles->teammates, WpTeammate, j).person, s, 0, FALSE,
                               TRUE};
            WpTie tie;
            if (wp_i_roles_same_team(roles, s, c.person) &&
                wp_i_roles_first_hop(roles, s, c.person, &tie, &c.strength, &c.team))
                keep_contact(roles, found, slot, &c);
        }
    }
    g_array_sort(found, by_person);
    *max_strength = 0;
    for (guint i = 0; i < found->len; i++)
        *max_strength = MAX(*max_strength, g_array_index(found, WpRankContact, i).strength);
    return found;
}

/* The territory as ranked: no sellers (asking or, under the team rules, fellow), no repeats;
 * people a seller has a strong direct tie to go to @direct; those tied only weakly are ranked and
 * noted in @weak (indices into the result). */
static GArray *collect_targets(WpQueryContext *context, const WpRankQuery *q, const WpRoles *roles,
                               GArray *direct, GArray *weak)
{
    guint8 *seen = wp_i_query_marks(context, WP_I_MARK_SEEN); /* cleared before returning */
    GArray *targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (guint i = 0; i < q->n_targets; i++) {
        WpPerson t = q->targets[i];
        if (roles->banned[t] || seen[t] || (roles->first_hop_only && roles->first_hop_only[t]))
            continue;
        seen[t] = 1;
        gboolean tied = FALSE, strong = FALSE;
        for (guint k = 0; k < q->n_sellers && !strong; k++) {
            WpDirectTie d;
            if (wp_i_roles_direct(roles, q->sellers[k], t, &d)) {
                tied = TRUE;
                strong = wp_direct_tie_is_strong(&d);
            }
        }
        if (strong) {
            g_array_append_val(direct, t);
            continue;
        }
        if (tied)
            g_array_append_val(weak, targets->len);
        g_array_append_val(targets, t);
    }
    for (guint i = 0; i < q->n_targets; i++)
        seen[q->targets[i]] = 0;
    return targets;
}

/* One search: forward from contact @run, or backward from target @run. Returns the counted
 * pairs in target order (forward) or contact order (backward). */
static GArray *do_run(Job *job, WpSearch *search, guint run)
{
    GArray *pairs = g_array_new(FALSE, FALSE, sizeof(WpRankPair));
    WpSearchLimits lim = WP_SEARCH_LIMITS_INIT;
    lim.max_hops = job->search_hops;
    lim.banned = job->from_targets ? job->roles.banned : job->banned_all;
    lim.first_hop_only = job->from_targets ? job->roles.first_hop_only : NULL;
    lim.costs_only = TRUE;
    double reference = job->max_strength; /* the strongest first hop this run can pair with */
    WpPerson start;
    if (job->from_targets) {
        lim.direction = WP_SEARCH_BACKWARD;
        start = g_array_index(job->targets, WpPerson, run);
    } else {
        const WpRankContact *c = &g_array_index(job->contacts, WpRankContact, run);
        start = c->person;
        reference = c->strength;
    }
    if (job->floor > 0) {
        if (reference < job->floor)
            return pairs;
        lim.max_cost = wp_i_cost_from_strength(job->floor / reference, 0) + COST_SLACK;
    }
    if (job->stops.wanted != NULL) {
        if (job->stops.n_wanted[run] == 0)
            return pairs;
        lim.stop_set = job->stops.wanted;
        lim.n_stop = job->stops.n_wanted[run];
    }
    wp_i_search_run(search, start, &lim);
    guint n_other = job->from_targets ? job->contacts->len : job->targets->len;
    for (guint i = 0; i < n_other; i++) {
        guint ci = job->from_targets ? i : run;
        guint ti = job->from_targets ? run : i;
        const WpRankContact *c = &g_array_index(job->contacts, WpRankContact, ci);
        WpPerson other = job->from_targets ? c->person : g_array_index(job->targets, WpPerson, ti);
        double cost = wp_i_search_cost(search, other);
        if (cost == INFINITY)
            continue;
        double p = c->strength * exp(-cost);
        if (p > 0 && p >= job->floor)
            g_array_append_val(pairs, ((WpRankPair){ci, ti, p}));
    }
    return pairs;
}

/* Takes runs until none is left (or the query is cancelled), on @search. */
static void work(Job *job, WpSearch *search)
{
    for (;;) {
        guint run = (guint)g_atomic_int_add(&job->next_run, 1);
        if (run >= job->n_runs || g_cancellable_is_cancelled(job->cancellable))
            break;
        job->pairs[run] = do_run(job, search, run);
        /* Counted atomically (GLib's mutex is a bare futex that ThreadSanitizer cannot see);
         * the lock keeps progress calls from overlapping, and the count read under it never
         * goes backwards from one call to the next. */
        g_atomic_int_inc(&job->done);
        if (job->query->progress == NULL)
            continue;
        g_mutex_lock(&job->lock);
        job->query->progress((guint)g_atomic_int_get(&job->done), job->n_runs,
                             job->query->progress_data);
        g_mutex_unlock(&job->lock);
    }
}

/* Another thread's share of the runs, on a workspace of its own. */
static gpointer worker(gpointer data)
{
    Job *job = data;
    g_autoptr(WpSearch) search = wp_i_search_new(job->graph);
    wp_i_search_bind(search, job->scoring, job->cancellable);
    work(job, search);
    return NULL;
}

/* Runs every search, on @n_threads threads: the calling one (on the query context's workspace)
 * and @n_threads - 1 more, each with a workspace of its own. */
static void run_all(Job *job, guint n_threads)
{
    job->pairs = g_new0(GArray *, MAX(job->n_runs, 1));
    if (job->n_runs == 0)
        return;
    n_threads = MAX(1, MIN(n_threads, job->n_runs));
    g_autoptr(GPtrArray) threads = g_ptr_array_new();
    for (guint i = 1; i < n_threads; i++)
        g_ptr_array_add(threads, g_thread_new("wp-rank", worker, job));
    work(job, wp_i_query_search(job->context, WP_I_SEARCH_MAIN));
    for (guint i = 0; i < threads->len; i++)
        g_thread_join(threads->pdata[i]);
}

/* Moves the pairs into per-source reach lists (in target order, whatever the direction) and
 * sums the scores in that order, so the figures do not depend on the schedule. */
static void merge(Job *job, WpRankResult *result)
{
    guint n = job->contacts->len;
    g_autofree GArray **reach = g_new0(GArray *, MAX(n, 1));
    for (guint i = 0; i < n; i++)
        reach[i] = g_array_new(FALSE, FALSE, sizeof(WpRankReach));
    for (guint run = 0; run < job->n_runs; run++) {
        const GArray *pairs = job->pairs[run];
        for (guint k = 0; pairs != NULL && k < pairs->len; k++) { /* NULL: cancelled before */
            const WpRankPair *pp = &g_array_index(pairs, WpRankPair, k);
            WpRankReach r = {pp->target, g_array_index(job->targets, WpPerson, pp->target),
                             pp->probability};
            g_array_append_val(reach[pp->contact], r);
        }
    }
    for (guint i = 0; i < n; i++) {
        const WpRankContact *c = &g_array_index(job->contacts, WpRankContact, i);
        if (reach[i]->len == 0) {
            g_array_unref(reach[i]);
            continue;
        }
        WpRankSource s = {c->person, c->seller,     c->strength, c->team,
                          0,         reach[i]->len, reach[i],    NULL};
        for (guint k = 0; k < reach[i]->len; k++)
            s.score += g_array_index(reach[i], WpRankReach, k).probability;
        g_array_append_val(c->fellow ? result->colleagues : result->sources, s);
    }
}

static gboolean check_query(const WpGraph *graph, const WpRankQuery *q, GError **error)
{
    if (q->n_sellers == 0) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE, "no seller to rank sources for");
        return FALSE;
    }
    if (q->max_hops > WP_MAX_HOPS) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "hop limit %u is over the maximum of %d",
                    q->max_hops, WP_MAX_HOPS);
        return FALSE;
    }
    if (!(q->min_probability >= 0 && q->min_probability < 1)) {
        char p[G_ASCII_DTOSTR_BUF_SIZE]; /* '.' in any locale */
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "minimum probability %s is not in [0, 1)",
                    g_ascii_formatd(p, sizeof p, "%g", q->min_probability));
        return FALSE;
    }
    for (guint i = 0; i < q->n_sellers; i++)
        g_return_val_if_fail(q->sellers[i] < wp_graph_n_people(graph), FALSE);
    for (guint i = 0; i < q->n_targets; i++)
        g_return_val_if_fail(q->targets[i] < wp_graph_n_people(graph), FALSE);
    return TRUE;
}

static WpRankResult *result_new(void)
{
    WpRankResult *r = g_new0(WpRankResult, 1);
    r->targets = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    r->best_probability = g_array_new(FALSE, TRUE, sizeof(double));
    r->best_source = g_array_new(FALSE, FALSE, sizeof(guint));
    r->direct = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    r->weak_direct = g_array_new(FALSE, FALSE, sizeof(guint));
    r->sources = g_array_new(FALSE, FALSE, sizeof(WpRankSource));
    r->colleagues = g_array_new(FALSE, FALSE, sizeof(WpRankSource));
    r->cold_targets = g_array_new(FALSE, FALSE, sizeof(guint));
    r->cold_companies = g_array_new(FALSE, FALSE, sizeof(WpRankCompany));
    return r;
}

/* Chooses the direction with fewer searches and prepares early stops when searches are
 * otherwise unbounded. */
static void plan_runs(Job *job)
{
    const WpRankQuery *q = job->query;
    guint n_contacts = job->contacts->len, n_targets = job->targets->len;
    job->from_targets = q->strategy == WP_RANK_FROM_TARGETS ||
                        (q->strategy == WP_RANK_AUTO && n_targets < n_contacts);
    job->n_runs = job->from_targets ? n_targets : n_contacts;
    if (q->max_hops == 1 || n_contacts == 0 || n_targets == 0) {
        job->n_runs = 0; /* one hop reaches only direct contacts, who are not ranked */
        return;
    }
    job->search_hops = q->max_hops > 0 ? q->max_hops - 1 : 0;
    if (q->max_hops > 0 || job->floor > 0)
        return;
    g_autofree WpPerson *contacts = g_new(WpPerson, n_contacts);
    for (guint i = 0; i < n_contacts; i++)
        contacts[i] = g_array_index(job->contacts, WpRankContact, i).person;
    const WpPerson *targets = (const WpPerson *)job->targets->data;
    guint8 *wanted = wp_i_query_marks(job->context, WP_I_MARK_WANTED);
    if (job->from_targets)
        wp_i_rank_stops_init(&job->stops, wp_i_scoring_adjacency(job->scoring), wanted,
                             job->roles.banned, job->roles.first_hop_only, targets, n_targets,
                             contacts, n_contacts, FALSE);
    else
        wp_i_rank_stops_init(&job->stops, wp_i_scoring_adjacency(job->scoring), wanted,
                             job->banned_all, NULL, contacts, n_contacts, targets, n_targets, TRUE);
}

WpRankResult *wp_rank_run(const WpScoring *scoring, WpQueryContext *context, const WpRankQuery *q,
                          GCancellable *cancellable, GError **error)
{
    g_return_val_if_fail(scoring != NULL && q != NULL, NULL);
    const WpGraph *graph = scoring->graph;
    g_return_val_if_fail(q->sellers != NULL || q->n_sellers == 0, NULL);
    g_return_val_if_fail(q->targets != NULL || q->n_targets == 0, NULL);
    if (!check_query(graph, q, error))
        return NULL;
    context = wp_i_query_begin(context, scoring, cancellable, error);
    if (context == NULL)
        return NULL;
    g_autoptr(WpRankResult) result = result_new();
    Job job = {.graph = graph,
               .scoring = scoring,
               .context = context,
               .cancellable = cancellable,
               .query = q,
               .floor = q->min_probability};
    g_mutex_init(&job.lock);
    wp_i_roles_init(&job.roles, scoring, context, q->sellers, q->n_sellers);
    job.banned_all = wp_i_query_marks(context, WP_I_MARK_ALL_SELLERS);
    for (guint i = 0; i < q->n_sellers; i++)
        job.banned_all[q->sellers[i]] = 1;
    wp_i_roles_ban_fellows(&job.roles, job.banned_all, WP_PERSON_NONE, 1);
    job.contacts = collect_contacts(wp_i_scoring_adjacency(scoring), &job.roles, &job.max_strength);
    job.targets = collect_targets(context, q, &job.roles, result->direct, result->weak_direct);
    plan_runs(&job);
    run_all(&job, q->n_threads > 0 ? q->n_threads : DEFAULT_THREADS);
    g_array_append_vals(result->targets, job.targets->data, job.targets->len);
    merge(&job, result);
    result->n_contacts = job.contacts->len;
    for (guint i = 0; i < job.contacts->len; i++)
        result->n_contacts -= g_array_index(job.contacts, WpRankContact, i).fellow;
    result->n_searches = job.n_runs;
    result->from_targets = job.from_targets;
    job_clear(&job);
    if (!wp_i_query_end(context, cancellable, error))
        return NULL;
    wp_i_rank_finish(result, graph, q->n_best);
    return g_steal_pointer(&result);
}
