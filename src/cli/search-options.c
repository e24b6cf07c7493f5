/* SPDX-License-Identifier: MIT */
/* The search options path, rank and map share: who asks as a team, the hop limit and the
 * probability floor, and how a failure with a usage cause is reported. */
#include "cli/cli.h"

#include <math.h>

void cli_set_team(gboolean *team, char **team_name, const char *value)
{
    *team = TRUE;
    g_free(*team_name);
    *team_name = value != NULL && value[0] != '\0' ? g_strdup(value) : NULL;
}

int cli_check_search_limits(const char *command, gint max_hops, double min_probability)
{
    if (max_hops != -1 && (max_hops < 1 || max_hops > CLI_MAX_HOPS))
        return cli_usage_error(command, "--max-hops: expected a number from 1 to %d",
                               CLI_MAX_HOPS);
    if (!isnan(min_probability) && !(min_probability >= 0 && min_probability < 1))
        return cli_usage_error(command, "--min-probability: expected a number from 0 up to "
                                        "(not including) 1");
    return 0;
}

guint cli_search_hops(const WpGraph *graph, gint max_hops)
{
    return max_hops > 0 ? (guint)max_hops
                        : MIN(wp_model_max_hops(wp_graph_model(graph)), CLI_MAX_HOPS);
}

double cli_search_floor(const WpGraph *graph, double min_probability)
{
    return !isnan(min_probability) ? min_probability
                                   : wp_model_min_probability(wp_graph_model(graph));
}

int cli_fail_for(const char *command, const GError *error)
{
    if (g_error_matches(error, WP_ERROR, WP_ERROR_USAGE))
        return cli_usage_error(command, "%s", error->message);
    return cli_fail(error);
}
