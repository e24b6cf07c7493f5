/* SPDX-License-Identifier: MIT */
/* A path answer explained: each path's people and roles, each hop's reasons, the direct ties'
 * verdicts, and which limits hid a path when there is none. */
#include "report/report-private.h"

#include <math.h>
#include <string.h>

/* The direct tie of @seller to @person in @set, or NULL. */
static const WpDirectTie *direct_of(const WpPathSet *set, WpPerson seller, WpPerson person)
{
    for (guint i = 0; set != NULL && i < set->direct->len; i++) {
        const WpDirectTie *d = &g_array_index(set->direct, WpDirectTie, i);
        if (d->seller == seller && d->person == person)
            return d;
    }
    return NULL;
}

/* Whom the seller asks first: a teammate (same team), another team's seller, or a contact. */
static WpSourceRole role_of(const WpScoring *scoring, const WpPath *path)
{
    if (path->n_people == 2)
        return WP_SOURCE_NONE;
    if (wp_i_shared_team(scoring, path->seller, path->people[1]) != NULL)
        return WP_SOURCE_TEAMMATE;
    return wp_i_seller_team(scoring, path->people[1]) != NULL ? WP_SOURCE_SELLER
                                                              : WP_SOURCE_CONTACT;
}

void wp_i_path_reason_init(WpPathReason *out, const WpScoring *scoring, const WpPath *path,
                           const WpPathSet *set)
{
    memset(out, 0, sizeof *out);
    out->path = path;
    out->seller = path->seller;
    out->target = path->people[path->n_people - 1];
    out->source = path->n_people > 2 ? path->people[1] : WP_PERSON_NONE;
    out->source_role = role_of(scoring, path);
    out->source_team = path->n_people > 2 ? wp_i_seller_team(scoring, path->people[1]) : NULL;
    out->direct = path->n_people == 2 ? direct_of(set, path->seller, out->target) : NULL;
    out->n_hops = path->n_people - 1;
    out->hops = g_new0(WpHopReason, out->n_hops);
    for (guint h = 0; h < out->n_hops; h++)
        wp_hop_reason_fill(scoring, path->people[h], path->people[h + 1], path->ties[h], h,
                           &out->hops[h]);
}

void wp_i_path_reason_clear(WpPathReason *reason)
{
    g_clear_pointer(&reason->hops, g_free);
}

static GArray *reasons_new(void)
{
    GArray *a = g_array_new(FALSE, TRUE, sizeof(WpPathReason));
    g_array_set_clear_func(a, (GDestroyNotify)wp_i_path_reason_clear);
    return a;
}

static GArray *explain_paths(const WpScoring *scoring, const WpPathSet *set, const GArray *paths)
{
    GArray *out = reasons_new();
    g_array_set_size(out, paths->len);
    for (guint i = 0; i < paths->len; i++)
        wp_i_path_reason_init(&g_array_index(out, WpPathReason, i), scoring,
                              &g_array_index(paths, WpPath, i), set);
    return out;
}

/* The largest floor with two significant digits that still admits @p (0.00663 -> 0.0066). */
static double floor_below(double p)
{
    double scale = pow(10, floor(log10(p)) - 1);
    double floored = floor(p / scale) * scale;
    if (floored > p) /* rounding in the division */
        floored -= scale;
    return floored;
}

/* Which of the query's limits hid @path, and what would show it. */
static WpLimitsHint limits_hint(const WpPathQuery *query, const WpPath *path)
{
    guint hops = path->n_people - 1;
    WpLimitsHint hint = {0};
    hint.max_hops_hides = query->max_hops > 0 && hops > query->max_hops;
    hint.max_hops = hops <= WP_MAX_HOPS ? hops : 0;
    hint.floor_hides = path->probability < query->min_probability;
    if (hint.floor_hides)
        hint.min_probability = floor_below(path->probability);
    return hint;
}

WpPathReport *wp_path_report_new(const WpScoring *scoring, const WpPathSet *set,
                                 const WpPathRequest *request)
{
    g_return_val_if_fail(scoring != NULL && set != NULL && request != NULL, NULL);
    g_return_val_if_fail(request->n_sellers == 0 || request->sellers != NULL, NULL);
    WpPathReport *r = g_new0(WpPathReport, 1);
    r->scoring = scoring;
    r->graph = wp_scoring_graph(scoring);
    r->set = set;
    r->request = *request;
    r->request.sellers = g_memdup2(request->sellers, request->n_sellers * sizeof(WpPerson));
    r->request.company = g_strdup(request->company);
    r->request.company_name = g_strdup(request->company_name);
    r->request.where = g_strdup(request->where);
    r->request.model_name = g_strdup(request->model_name ? request->model_name : "default");
    r->paths = explain_paths(scoring, set, set->paths);
    r->suggestions = explain_paths(scoring, set, set->suggestions);
    if (set->unconstrained.n_people > 0) {
        r->beyond_limits = g_new0(WpPathReason, 1);
        wp_i_path_reason_init(r->beyond_limits, scoring, &set->unconstrained, set);
        r->hint = limits_hint(&request->query, &set->unconstrained);
    }
    r->direct = g_array_sized_new(FALSE, TRUE, sizeof(WpDirectReason), set->direct->len);
    for (guint i = 0; i < set->direct->len; i++) {
        const WpDirectTie *d = &g_array_index(set->direct, WpDirectTie, i);
        WpDirectReason reason = {
            d, wp_direct_tie_is_strong(d), wp_i_shared_team(scoring, d->seller, d->person), {0}};
        wp_hop_reason_fill(scoring, d->seller, d->person, d->tie, 0, &reason.hop);
        g_array_append_val(r->direct, reason);
    }
    r->assumes = set->at_least_one_exact
                     ? "each tie and each go-between works or fails independently of the "
                       "others; a tie or person that several paths share is counted once"
                     : "the paths work or fail independently of each other";
    return r;
}

void wp_path_report_free(WpPathReport *r)
{
    if (r == NULL)
        return;
    g_free((gpointer)r->request.sellers);
    g_free((gpointer)r->request.company);
    g_free((gpointer)r->request.company_name);
    g_free((gpointer)r->request.where);
    g_free((gpointer)r->request.model_name);
    g_array_unref(r->paths);
    g_array_unref(r->suggestions);
    g_array_unref(r->direct);
    if (r->beyond_limits != NULL) {
        wp_i_path_reason_clear(r->beyond_limits);
        g_free(r->beyond_limits);
    }
    g_free(r);
}
