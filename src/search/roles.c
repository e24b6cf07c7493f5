/* SPDX-License-Identifier: MIT */
/* Who is who in a query: asking sellers, teammates, fellow sellers (see roles-private.h). */
#include "search/roles-private.h"

#include <string.h>

void wp_i_roles_init(WpRoles *roles, const WpScoring *scoring, WpQueryContext *context,
                     const WpPerson *sellers, guint n_sellers)
{
    const WpGraph *g = wp_scoring_graph(scoring);
    memset(roles, 0, sizeof *roles);
    roles->graph = g;
    roles->scoring = scoring;
    roles->sellers = sellers;
    roles->n_sellers = n_sellers;
    roles->banned = wp_i_query_marks(context, WP_I_MARK_BANNED);
    for (guint i = 0; i < n_sellers; i++)
        roles->banned[sellers[i]] = 1;
    roles->teammates = g_array_new(FALSE, FALSE, sizeof(WpTeammate));
    roles->fellows = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    roles->team_tie = scoring->team_tie;
    roles->team_rules = scoring->team_rules;
    if (!roles->team_rules)
        return;
    roles->first_hop_only = wp_i_query_marks(context, WP_I_MARK_FIRST_HOP);
    for (guint k = 0; k < scoring->team_sellers->len; k++) {
        WpPerson p = g_array_index(scoring->team_sellers, WpPerson, k);
        if (roles->banned[p])
            continue;
        roles->first_hop_only[p] = 1;
        g_array_append_val(roles->fellows, p);
        for (guint i = 0; i < n_sellers; i++)
            if (wp_i_scoring_same_team(scoring, sellers[i], p)) {
                WpTeammate mate = {p, sellers[i]};
                g_array_append_val(roles->teammates, mate);
                break;
            }
    }
}

void wp_i_roles_clear(WpRoles *roles)
{
    for (guint i = 0; roles->banned != NULL && i < roles->n_sellers; i++)
        roles->banned[roles->sellers[i]] = 0;
    for (guint i = 0; roles->first_hop_only != NULL && i < roles->fellows->len; i++)
        roles->first_hop_only[g_array_index(roles->fellows, WpPerson, i)] = 0;
    roles->banned = NULL;
    roles->first_hop_only = NULL;
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
    return wp_i_scoring_same_team(roles->scoring, a, b);
}

/* @seller's place in the query (n_sellers when not an asking seller). */
static guint seller_position(const WpRoles *roles, WpPerson seller)
{
    guint i = 0;
    while (i < roles->n_sellers && roles->sellers[i] != seller)
        i++;
    return i;
}

gboolean wp_i_roles_credit_wins(const WpRoles *roles, WpPerson seller, double strength,
                                WpPerson held_seller, double held_strength)
{
    if (strength != held_strength)
        return strength > held_strength;
    return seller_position(roles, seller) < seller_position(roles, held_seller);
}

gboolean wp_i_roles_first_hop(const WpRoles *roles, WpPerson seller, WpPerson person, WpTie *tie,
                              double *strength, gboolean *team)
{
    return wp_i_scoring_first_hop(roles->scoring, seller, person, tie, strength, team);
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
    const WpModel *model = wp_scoring_model(roles->scoring);
    if (!wp_model_is_raw(model) && d.strength < wp_model_weak_tie_below(model))
        d.flags |= WP_DIRECT_WEAK;
    if (!team && !wp_model_is_raw(model)) { /* the team tie is never cold */
        WpStrengthBreakdown b;
        wp_scoring_tie_strength(roles->scoring, d.tie, &b);
        if (b.status & WP_TIE_STATUS_GONE_COLD)
            d.flags |= WP_DIRECT_COLD;
        if (b.status & WP_TIE_STATUS_NEVER_INTERACTED)
            d.flags |= WP_DIRECT_NEVER;
    }
    *out = d;
    return TRUE;
}
