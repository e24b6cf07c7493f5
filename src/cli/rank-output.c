/* SPDX-License-Identifier: MIT */
/* warmpath rank --format csv: one row per source (and fellow seller), or per planned ask. */
#include "cli/rank-output.h"

char *rank_number(double x, const char *fmt)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, fmt, x));
}

static const char *attr(const WpGraph *g, WpPerson p, const char *column)
{
    return wp_graph_person_attr(g, p, column);
}

static void csv_row(GString *out, const char *const *cells, const gboolean *numeric, guint n)
{
    for (guint i = 0; i < n; i++) {
        if (i > 0)
            g_string_append_c(out, ',');
        if (numeric[i])
            g_string_append(out, cells[i]); /* our own formatting, never user text */
        else
            wp_csv_append_cell(out, cells[i]);
    }
    g_string_append_c(out, '\n');
}

/* "source" for a referral source; for a fellow seller "teammate" or "seller". */
static const char *role_cell(const WpSourceReason *s)
{
    return s->role == WP_SOURCE_CONTACT ? "source" : wp_source_role_name(s->role);
}

static void csv_source_row(const WpRankReport *r, const WpSourceReason *reason, GString *out)
{
    const WpGraph *g = r->graph;
    const WpRankSource *s = reason->source;
    const gboolean numeric[] = {TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE,
                                TRUE, TRUE,  TRUE,  FALSE, FALSE, FALSE};
    g_autofree char *rank = reason->rank > 0 ? g_strdup_printf("%u", reason->rank) : g_strdup("");
    g_autofree char *rel = wp_report_relationship(reason, FALSE);
    g_autofree char *strength = rank_number(s->strength, "%.6f");
    g_autofree char *score = rank_number(s->score, "%.6f");
    g_autofree char *reached = g_strdup_printf("%u", s->n_reached);
    g_autoptr(GString) ids = g_string_new(NULL);
    for (guint k = 0; k < s->best->len; k++)
        g_string_append_printf(
            ids, "%s%s", k ? ";" : "",
            wp_graph_person_id(g, g_array_index(s->best, WpRankReach, k).target));
    g_autofree char *best = wp_report_best_targets_text(r, s, FALSE);
    const char *cells[] = {rank,
                           wp_graph_person_id(g, s->person),
                           wp_graph_person_label(g, s->person),
                           attr(g, s->person, WP_COLUMN_COMPANY),
                           attr(g, s->person, WP_COLUMN_TITLE),
                           wp_graph_person_id(g, s->seller),
                           rel,
                           strength,
                           score,
                           reached,
                           ids->str,
                           best,
                           role_cell(reason)};
    csv_row(out, cells, numeric, G_N_ELEMENTS(cells));
}

/* The ranked sources, then the fellow sellers (no rank; role teammate or seller). */
static void csv_sources(const WpRankReport *r, GString *out)
{
    g_string_append(out, "rank,source_id,source_name,company,title,seller_id,relationship,"
                         "tie_effective_strength,score,targets_reached,best_target_ids,"
                         "best_targets,role\n");
    for (guint i = 0; i < r->sources->len; i++)
        csv_source_row(r, &g_array_index(r->sources, WpSourceReason, i), out);
    for (guint i = 0; i < r->colleagues->len; i++)
        csv_source_row(r, &g_array_index(r->colleagues, WpSourceReason, i), out);
}

/* A route's ids joined by ';' and names by " > ". */
static void route_cells(const WpGraph *g, const WpPath *route, GString *ids, GString *names)
{
    for (guint i = 0; i < route->n_people; i++) {
        g_string_append_printf(ids, "%s%s", i ? ";" : "", wp_graph_person_id(g, route->people[i]));
        g_string_append_printf(names, "%s%s", i ? " > " : "",
                               wp_graph_person_label(g, route->people[i]));
    }
}

static void csv_ask_row(const WpRankReport *r, const char *pick, const WpRankSource *s,
                        const WpRankAsk *ask, GString *out)
{
    const WpGraph *g = r->graph;
    const gboolean numeric[] = {TRUE,  FALSE, FALSE, FALSE, FALSE, FALSE, FALSE,
                                FALSE, FALSE, TRUE,  TRUE,  FALSE, FALSE};
    WpPerson t = g_array_index(r->result->targets, WpPerson, ask->target_index);
    g_autofree char *p = rank_number(ask->probability, "%.6f");
    g_autofree char *gain = rank_number(ask->gain, "%.6f");
    g_autoptr(GString) ids = g_string_new(NULL);
    g_autoptr(GString) names = g_string_new(NULL);
    route_cells(g, &ask->route, ids, names);
    const char *cells[] = {pick,
                           wp_graph_person_id(g, s->person),
                           wp_graph_person_label(g, s->person),
                           attr(g, s->person, WP_COLUMN_COMPANY),
                           wp_graph_person_id(g, s->seller),
                           wp_graph_person_id(g, t),
                           wp_graph_person_label(g, t),
                           attr(g, t, WP_COLUMN_COMPANY),
                           attr(g, t, WP_COLUMN_TITLE),
                           p,
                           gain,
                           ids->str,
                           names->str};
    csv_row(out, cells, numeric, G_N_ELEMENTS(cells));
}

static void csv_plan(const WpRankReport *r, GString *out)
{
    g_string_append(out, "pick,source_id,source_name,source_company,seller_id,target_id,"
                         "target_name,target_company,target_title,probability,gain,route_ids,"
                         "route_names\n");
    for (guint i = 0; i < r->plan->picks->len; i++) {
        const WpRankPick *pick = &g_array_index(r->plan->picks, WpRankPick, i);
        const WpRankSource *s =
            &g_array_index(r->result->sources, WpRankSource, pick->source_index);
        g_autofree char *n = g_strdup_printf("%u", i + 1);
        for (guint k = 0; k < pick->n_asks; k++)
            csv_ask_row(r, n, s, &g_array_index(r->plan->asks, WpRankAsk, pick->first_ask + k),
                        out);
    }
}

void rank_output_csv(const WpRankReport *r, GString *out)
{
    if (r->plan != NULL)
        csv_plan(r, out);
    else
        csv_sources(r, out);
}
