/* SPDX-License-Identifier: MIT */
/* One hop explained: the facts of its tie, how the model scored them, and the same in words
 * ("declared strength 0.92, effective 0.95 (last contact 2026-10-20, 12 days ago; ...)"). */
#include "report/report-private.h"

#include <math.h>
#include <string.h>

/* The flags a tie's status gives (WpTieStatus). */
static guint flags_of_status(guint status)
{
    guint flags = 0;
    if (status & WP_TIE_STATUS_GONE_COLD)
        flags |= WP_HOP_GONE_COLD;
    if (status & WP_TIE_STATUS_NEVER_INTERACTED)
        flags |= WP_HOP_NEVER_INTERACTED;
    if (status & WP_TIE_STATUS_SOCIAL_ONLY)
        flags |= WP_HOP_SOCIAL_ONLY;
    if (status & WP_TIE_STATUS_NO_DATE)
        flags |= WP_HOP_UNDATED;
    if (status & WP_TIE_STATUS_PRIOR)
        flags |= WP_HOP_PRIOR;
    return flags;
}

/* The team tie has no row: its strength is the profile's team_tie, with no decay, no
 * interactions and no date (docs/paths.md "Teammates"). */
static void fill_team_tie(const WpModel *model, WpHopReason *out)
{
    double t = wp_model_team_tie(model);
    out->declared = NAN;
    out->base = t;
    out->prior_type = WP_TIE_N_TYPES;
    out->model_strength = t;
    out->effective = t;
    out->last_contact = WP_DAY_NONE;
    out->age_days = -1;
    out->recency = 1;
    out->interactions = -1;
    out->never_factor = 1;
    out->boost = 0;
    out->flags = WP_HOP_TEAM_TIE;
}

void wp_hop_reason_fill(const WpScoring *scoring, WpPerson from, WpPerson to, WpTie tie,
                        guint position, WpHopReason *out)
{
    g_return_if_fail(scoring != NULL && out != NULL);
    const WpModel *model = wp_scoring_model(scoring);
    memset(out, 0, sizeof *out);
    out->from = from;
    out->to = to;
    out->position = position;
    out->tie = tie;
    out->learned_strength = NAN;
    out->intermediary_factor = position > 0 ? wp_model_intermediary_factor(model) : 1.0;
    if (tie == WP_TIE_NONE) {
        fill_team_tie(model, out);
    } else {
        WpTieInfo info;
        WpStrengthBreakdown b;
        wp_graph_tie_info(wp_scoring_graph(scoring), tie, &info);
        wp_scoring_tie_strength(scoring, tie, &b);
        out->types = info.types;
        out->declared = info.declared;
        out->base = b.base;
        out->prior_type = b.prior_type;
        out->model_strength = b.model_effective;
        out->effective = b.effective;
        out->last_contact = info.last_contact;
        out->age_days = b.age_days;
        out->recency = b.recency;
        out->interactions = info.interactions;
        out->never_factor = b.never_factor;
        out->boost = b.boost;
        out->flags = flags_of_status(b.status) | (info.directed ? WP_HOP_DIRECTED : 0);
        if (b.overridden) { /* a strength learned from outcomes replaced the model's */
            out->learned_strength = b.effective;
            out->successes = b.evidence.successes;
            out->failures = b.evidence.failures;
            out->evidence = b.evidence.detail;
            out->flags |= WP_HOP_LEARNED;
        }
    }
    out->team = position == 0 ? wp_i_shared_team(scoring, from, to) : NULL;
    if (out->team != NULL)
        out->flags |= WP_HOP_TEAMMATE;
}

const char *wp_source_role_name(WpSourceRole role)
{
    switch (role) {
    case WP_SOURCE_CONTACT:
        return "contact";
    case WP_SOURCE_TEAMMATE:
        return "teammate";
    case WP_SOURCE_SELLER:
        return "seller";
    case WP_SOURCE_NONE:
    default:
        return NULL;
    }
}

char *wp_report_tie_types_text(const WpHopReason *hop, gboolean human)
{
    g_return_val_if_fail(hop != NULL, NULL);
    const char *sep = human ? " and " : "+";
    if (hop->flags & WP_HOP_TEAM_TIE)
        return g_strdup(human ? "teammate" : "team");
    g_autoptr(GString) s = g_string_new(NULL);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++) {
        if (!(hop->types & WP_TIE_TYPE_BIT(t)))
            continue;
        if (s->len > 0)
            g_string_append(s, sep);
        g_string_append(s, wp_tie_type_name(t));
    }
    if (s->len == 0)
        return g_strdup(human ? "untyped tie" : "untyped");
    if (!human)
        return g_strdup(s->str);
    g_strdelimit(s->str, "_", ' ');
    g_auto(GStrv) parts = g_strsplit(s->str, sep, -1);
    for (guint i = 0; parts[i] != NULL; i++)
        if (strcmp(parts[i], "social") == 0) {
            g_free(parts[i]);
            parts[i] = g_strdup("LinkedIn connection");
        }
    return g_strjoinv(sep, parts);
}

/* The notes behind an effective strength: "last contact 2023-09-14, 1,144 days ago; gone
 * cold; decay x 0.62; ...". */
static char *strength_notes(const WpHopReason *hop)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *age = wp_text_count((guint64)MAX(hop->age_days, 0), "day", "days");
    g_autofree char *interactions =
        wp_text_count((guint64)MAX(hop->interactions, 0), "interaction", "interactions");
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
    if (hop->last_contact != WP_DAY_NONE) {
        char day[11];
        wp_day_format(hop->last_contact, day);
        g_ptr_array_add(notes, hop->age_days >= 0
                                   ? g_strdup_printf("last contact %s, %s ago", day, age)
                                   : g_strdup_printf("last contact %s", day));
    } else if (hop->recency < 0.995) {
        g_ptr_array_add(notes, g_strdup_printf("no last contact on record: x %s",
                                               wp_i_num(buf, "%.2f", hop->recency)));
    } else {
        g_ptr_array_add(notes, g_strdup("no last contact on record"));
    }
    if (hop->flags & WP_HOP_GONE_COLD)
        g_ptr_array_add(notes, g_strdup("gone cold"));
    if (hop->last_contact != WP_DAY_NONE && hop->recency < 0.995)
        g_ptr_array_add(notes, g_strdup_printf("decay x %s", wp_i_num(buf, "%.2f", hop->recency)));
    if ((hop->flags & WP_HOP_NEVER_INTERACTED) && hop->never_factor < 1)
        g_ptr_array_add(notes, g_strdup_printf("never interacted: x %s",
                                               wp_i_num(buf, "%.2f", hop->never_factor)));
    else if (hop->boost >= 0.005)
        g_ptr_array_add(notes, g_strdup_printf("%s: boost %s", interactions,
                                               wp_i_num(buf, "%.2f", hop->boost)));
    if (hop->flags & WP_HOP_SOCIAL_ONLY)
        g_ptr_array_add(notes, g_strdup("LinkedIn only"));
    g_ptr_array_add(notes, NULL);
    return g_strjoinv("; ", (char **)notes->pdata);
}

/* ", learned 0.78 from 3 asks (2 agreed, 1 declined)": what outcomes taught about the tie. */
static void append_learned(GString *out, const WpHopReason *hop)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_autofree char *asks = wp_text_count(hop->successes + hop->failures, "ask", "asks");
    g_string_append_printf(out, ", learned %s from %s",
                           wp_i_num(buf, "%.2f", hop->learned_strength), asks);
    if (hop->evidence != NULL && hop->evidence[0] != '\0')
        g_string_append_printf(out, " (%s)", hop->evidence);
}

/* Both strengths are named, the one the data declares and the one the model uses; the team tie
 * says what it is. A learned strength is named after the model's. */
char *wp_report_strength_text(const WpHopReason *hop)
{
    g_return_val_if_fail(hop != NULL, NULL);
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    GString *out = g_string_new(NULL);
    if (hop->flags & WP_HOP_TEAM_TIE) {
        g_string_append_printf(out, "team tie %s", wp_i_num(buf, "%.2f", hop->effective));
        return g_string_free(out, FALSE);
    }
    if (!isnan(hop->declared))
        g_string_append_printf(out, "declared strength %s", wp_i_num(buf, "%.2f", hop->declared));
    else if (hop->prior_type != WP_TIE_N_TYPES)
        g_string_append_printf(out, "no declared strength, %s prior %s",
                               wp_tie_type_name(hop->prior_type), wp_i_num(buf, "%.2f", hop->base));
    else
        g_string_append_printf(out, "no declared strength, counted as %s",
                               wp_i_num(buf, "%.2f", hop->base));
    g_autofree char *notes = strength_notes(hop);
    gboolean learned = (hop->flags & WP_HOP_LEARNED) != 0;
    g_string_append_printf(out, ", %s %s (%s)", learned ? "model" : "effective",
                           wp_i_num(buf, "%.2f", hop->model_strength), notes);
    if (learned)
        append_learned(out, hop);
    return g_string_free(out, FALSE);
}
