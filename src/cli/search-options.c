/* SPDX-License-Identifier: MIT */
/* The search options path, rank and map share: who asks as a team, the hop limit and the
 * probability floor, counts typed on the command line, and how a failure with a usage cause is
 * reported.
 *
 * Numbers are read as the text typed, so "not given" is a NULL string and never a value a user
 * could type: with integer and double options, -1 and NAN were the "not given" markers, so
 * `-k -1`, `--max-hops -1` and `--min-probability nan` were taken as "use the default". */
#include "cli/cli.h"

#include <math.h>
#include <string.h>

#define MAX_QUOTED 40 /* characters of a bad value quoted back */

void cli_set_team(gboolean *team, char **team_name, const char *value)
{
    *team = TRUE;
    g_free(*team_name);
    *team_name = value != NULL && value[0] != '\0' ? g_strdup(value) : NULL;
}

void cli_sellers_clear(CliSellers *who)
{
    g_clear_pointer(&who->from, g_free);
    g_clear_pointer(&who->team_name, g_free);
}

gboolean cli_on_team(const char *option G_GNUC_UNUSED, const char *value, gpointer data,
                     GError **error G_GNUC_UNUSED)
{
    CliSellers *who = data; /* the first member of the group's data */
    cli_set_team(&who->team, &who->team_name, value);
    return TRUE;
}

GArray *cli_sellers_select(const CliSellers *who, const WpGraph *graph, GError **error)
{
    return wp_select_sellers(graph, who->from, who->team, who->team_name, error);
}

/* @text as it may be quoted back: at most MAX_QUOTED characters (then "…"). */
static char *quoted(const char *text)
{
    if (!g_utf8_validate(text, -1, NULL) || g_utf8_strlen(text, -1) <= MAX_QUOTED)
        return g_utf8_make_valid(text, -1);
    g_autofree char *head = g_utf8_substring(text, 0, MAX_QUOTED);
    return g_strconcat(head, "\u2026", NULL);
}

int cli_parse_count(const char *command, const char *option, const char *text, gint64 min,
                    gint64 max, const char *expected, gint64 *out)
{
    if (text == NULL)
        return 0;
    gint64 value = 0;
    g_autofree char *stripped = g_strstrip(g_strdup(text));
    if (!g_ascii_string_to_signed(stripped, 10, min, max, &value, NULL)) {
        g_autofree char *shown = quoted(text);
        return cli_usage_error(command, "%s: expected %s, not '%s'", option, expected, shown);
    }
    *out = value;
    return 0;
}

void cli_search_add_options(GOptionGroup *group, CliSearchOptions *o, const char *floor_help)
{
    const GOptionEntry entries[] = {
        {"max-hops", 0, 0, G_OPTION_ARG_STRING, &o->max_hops,
         "Longest path, 1-" G_STRINGIFY(WP_MAX_HOPS) " ties, 0 = no limit (default: the model's, "
                                                     "4; none for --model raw)",
         "H"},
        {"min-probability", 0, 0, G_OPTION_ARG_STRING, &o->min_probability, floor_help, "P"},
        G_OPTION_ENTRY_NULL};
    g_option_group_add_entries(group, entries);
}

void cli_search_options_clear(CliSearchOptions *o)
{
    g_clear_pointer(&o->max_hops, g_free);
    g_clear_pointer(&o->min_probability, g_free);
}

int cli_search_limits_parse(const char *command, const CliSearchOptions *o, CliSearchLimits *out)
{
    memset(out, 0, sizeof *out);
    gint64 hops = 0;
    g_autofree char *range =
        g_strdup_printf("a whole number of ties from 1 to %d (0 = no limit)", WP_MAX_HOPS);
    int rc = cli_parse_count(command, "--max-hops", o->max_hops, 0, WP_MAX_HOPS, range, &hops);
    if (rc != 0)
        return rc;
    out->max_hops_given = o->max_hops != NULL;
    out->max_hops = (guint)hops;
    if (o->min_probability == NULL)
        return 0;
    g_autofree char *stripped = g_strstrip(g_strdup(o->min_probability));
    char *end = NULL;
    double p = g_ascii_strtod(stripped, &end);
    if (end == stripped || *end != '\0' || !(p >= 0 && p < 1)) { /* NaN fails the range */
        g_autofree char *shown = quoted(o->min_probability);
        return cli_usage_error(command,
                               "--min-probability: expected a number from 0 up to (not "
                               "including) 1, not '%s'",
                               shown);
    }
    out->min_probability_given = TRUE;
    out->min_probability = p;
    return 0;
}

guint cli_search_hops(const WpScoring *scoring, const CliSearchLimits *limits)
{
    return limits->max_hops_given
               ? limits->max_hops
               : wp_model_max_hops(wp_scoring_model(scoring)); /* <= WP_MAX_HOPS */
}

double cli_search_floor(const WpScoring *scoring, const CliSearchLimits *limits)
{
    return limits->min_probability_given ? limits->min_probability
                                         : wp_model_min_probability(wp_scoring_model(scoring));
}

int cli_fail_for(const char *command, const GError *error)
{
    if (g_error_matches(error, WP_ERROR, WP_ERROR_USAGE))
        return cli_usage_error(command, "%s", error->message);
    return cli_fail(error);
}
