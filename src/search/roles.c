/* SPDX-License-Identifier: MIT */
/* Who is who in a query: asking sellers, teammates, fellow sellers (see roles-private.h). */
#include "search/roles-private.h"

#include <string.h>

/* TRUE when some listed person is on a team. */
static gboolean has_teams(const WpGraph *g)
{
    if (g->team == NULL) /* no team column */
        return FALSE;
    for (WpPerson p = 0; p < g->n_people; p++)
        if (wp_graph_person_team(g, p) != NULL)
            return TRUE;
    return FALSE;
}

void wp_i_roles_init(WpRoles *roles, const WpGraph *g, const WpPerson *sellers, guint n_sellers)
{
    memset(roles, 0, sizeof *roles);
    roles->graph = g;
    roles->sellers = sellers;
    roles->n_sellers = n_sellers;
    roles->banned = g_new0(guint8, MAX(g->n_people, 1));
    for (guint i = 0; i < n_sellers; i++)
        roles->banned[sellers[i]] = 1;
    roles->teammates = g_array_new(FALSE, FALSE, sizeof(WpTeammate));
    roles->fellows = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    const WpModel *model = wp_graph_model(g);
    roles->team_tie = wp_model_team_tie(model);
    roles->team_rules = !wp_model_is_raw(model) && has_teams(g);
    if (!roles->team_rules)
        return;
    roles->first_hop_only = g_new0(guint8, MAX(g->n_people, 1));
    for (WpPerson p = 0; p < g->n_people; p++) {
        const char *team = wp_graph_person_team(g, p);
        if (team == NULL || roles->banned[p])
            continue;
        roles->first_hop_only[p] = 1;
        g_array_append_val(roles->fellows, p);
        for (guint i = 0; i < n_sellers; i++) {
            const char *own = wp_graph_person_team(g, sellers[i]);
            if (own != NULL && strcmp(own, team) == 0) {
                WpTeammate mate = {p, sellers[i]};
                g_array_append_val(roles->teammates, mate);
                break;
            }
        }
    }
}

void wp_i_roles_clear(WpRoles *roles)
{
    g_clear_pointer(&roles->banned, g_free);
    g_clear_pointer(&roles->first_hop_only, g_free);
    g_clear_pointer(&roles->teammates, g_array_unref);
    g_clear_pointer(&roles->fellows, g_array_unref);
}

void wp_i_roles_ban_fellows(const WpRoles *roles, guint8 *banned, WpPerson except, int delta)
{
    for (guint i = 0; i < roles->fellows->len; i++) {
        WpPerson p = g_array_index(roles->fellows, WpPerson, i);
        if (p != except)
            banned[p] = (guint8)(banned[p] + delta);
    }
}

gboolean wp_i_roles_same_team(const WpRoles *roles, WpPerson a, WpPerson b)
{
    if (!roles->team_rules || a == b)
        return FALSE;
    const char *x = wp_graph_person_team(roles->graph, a);
    const char *y = wp_graph_person_team(roles->graph, b);
    return x != NULL && y != NULL && strcmp(x, y) == 0;
}

gboolean wp_i_roles_first_hop(const WpRoles *roles, WpPerson seller, WpPerson person, WpTie *tie,
                              double *strength, gboolean *team)
{
    WpTie row;
    gboolean has_row = wp_graph_find_tie(roles->graph, seller, person, &row);
    double row_strength = has_row ? wp_graph_tie_strength(roles->graph, row, NULL) : 0;
    *team = wp_i_roles_same_team(roles, seller, person) && roles->team_tie > row_strength;
    *tie = *team ? WP_TIE_NONE : row;
    *strength = *team ? roles->team_tie : row_strength;
    return has_row || *team;
}

gboolean wp_i_roles_direct(const WpRoles *roles, WpPerson seller, WpPerson person, WpDirectTie *out)
{
    WpDirectTie d = {seller, person, WP_TIE_NONE, 0, 0};
    gboolean team;
    if (!wp_i_roles_first_hop(roles, seller, person, &d.tie, &d.strength, &team))
        return FALSE;
    if (team)
        d.flags |= WP_DIRECT_TEAM;
    /* The raw model (declared strengths only, for checking against other tools) gives no
     * advice: every direct tie counts as strong, as it always did there. */
    const WpModel *model = wp_graph_model(roles->graph);
    if (!wp_model_is_raw(model) && d.strength < wp_model_weak_tie_below(model))
        d.flags |= WP_DIRECT_WEAK;
    if (!team && !wp_model_is_raw(model)) { /* the team tie is never cold */
        WpStrengthBreakdown b;
        wp_graph_tie_strength(roles->graph, d.tie, &b);
        if (b.status & WP_TIE_STATUS_GONE_COLD)
            d.flags |= WP_DIRECT_COLD;
        if (b.status & WP_TIE_STATUS_NEVER_INTERACTED)
            d.flags |= WP_DIRECT_NEVER;
    }
    *out = d;
    return TRUE;
}
