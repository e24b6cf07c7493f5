/* SPDX-License-Identifier: MIT */
/* A path answer in words, as a sales manager would give it: whom to ask and how likely it is,
 * each hop's reasons, what a direct tie means, why there is no path. The CLI's table, drafts and
 * the web page say the same (docs/paths.md). */
#include "report/report-private.h"

#include <string.h>

/* "you" for a lone seller, else the seller's name. */
static char *asker(const WpPathReport *r, WpPerson seller)
{
    return r->request.n_sellers == 1 ? g_strdup("you")
                                     : g_strdup(wp_graph_person_label(r->graph, seller));
}

static const char *name_of(const WpPathReport *r, WpPerson p)
{
    return wp_graph_person_label(r->graph, p);
}

/* "is weak and has gone cold": what keeps a direct tie from being strong. */
static char *weakness(const WpDirectTie *d)
{
    const char *parts[3];
    guint n = 0;
    if (d->flags & WP_DIRECT_WEAK)
        parts[n++] = "is weak";
    if (d->flags & WP_DIRECT_COLD)
        parts[n++] = "has gone cold";
    if (d->flags & WP_DIRECT_NEVER)
        parts[n++] = "was never used";
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < n; i++)
        g_string_append_printf(s, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", parts[i]);
    return g_string_free(s, FALSE);
}

char *wp_report_hop_sentence(const WpPathReport *r, const WpHopReason *hop)
{
    g_return_val_if_fail(r != NULL && hop != NULL, NULL);
    g_autofree char *from =
        hop->position == 0 ? asker(r, hop->from) : g_strdup(name_of(r, hop->from));
    g_autofree char *types = wp_report_tie_types_text(hop, TRUE);
    g_autofree char *strength = wp_report_strength_text(hop);
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "%s → %s: %s%s%s, %s", from, name_of(r, hop->to),
                           hop->position == 0 && r->request.n_sellers == 1 ? "your " : "",
                           hop->team != NULL && !(hop->flags & WP_HOP_TEAM_TIE) ? "teammate and "
                                                                                : "",
                           types, strength);
    if (hop->team != NULL)
        g_string_append_printf(out, " (both on team %s)", hop->team);
    return g_string_free(out, FALSE);
}

/* How the advice names the person asked first: "your teammate Sam Ortiz", "your colleague Derek
 * Lund (seller, team sales-west)", or the plain description. Without "your" for several
 * sellers. */
static char *source_words(const WpPathReport *r, const WpPathReason *path)
{
    const char *your = r->request.n_sellers == 1 ? "your " : "";
    if (path->source_team == NULL)
        return wp_i_described(r->graph, path->source);
    const char *name = name_of(r, path->source);
    if (path->source_role == WP_SOURCE_TEAMMATE)
        return g_strdup_printf("%steammate %s", your, name);
    return g_strdup_printf("%scolleague %s (seller, team %s)", your, name, path->source_team);
}

/* "Ask Bob Smith yourself (a direct contact, but the tie is weak: reconnect first) — 12 %
 * chance": a direct path's advice. */
static void direct_headline(const WpPathReport *r, const WpPathReason *path, const char *prefix,
                            const char *target, GString *out)
{
    gboolean many = r->request.n_sellers > 1;
    g_autofree char *chance = wp_i_percent(path->path->probability);
    const WpDirectTie *d = path->direct;
    g_autofree char *why = d != NULL ? weakness(d) : NULL;
    g_autofree char *note =
        d == NULL || wp_direct_tie_is_strong(d)
            ? g_strdup("")
            : g_strdup_printf(" (a direct contact, but the tie %s: reconnect first)", why);
    g_string_append_printf(out, "%s%s %s %s%s — %s chance", prefix, many ? "ask" : "Ask", target,
                           many ? "directly" : "yourself", note, chance);
}

/* "Ask X to introduce you to T via Y" (or for a seller asked first, "Ask your teammate X, who
 * knows Y, to introduce you to T via Y"). */
char *wp_report_path_headline(const WpPathReport *r, const WpPathReason *path)
{
    g_return_val_if_fail(r != NULL && path != NULL, NULL);
    const WpPath *p = path->path;
    gboolean many = r->request.n_sellers > 1;
    g_autofree char *who = asker(r, p->seller);
    g_autofree char *prefix = many ? g_strdup_printf("%s: ", who) : g_strdup("");
    g_autofree char *target = r->request.company != NULL ? wp_i_described(r->graph, path->target)
                                                         : g_strdup(name_of(r, path->target));
    const char *ask = many ? "ask" : "Ask";
    GString *out = g_string_new(NULL);
    if (p->n_people == 2) {
        direct_headline(r, path, prefix, target, out);
        return g_string_free(out, FALSE);
    }
    g_autofree char *source = source_words(r, path);
    const char *you = many ? "them" : "you";
    if (path->source_team != NULL) { /* a seller: "who knows ..." */
        g_string_append_printf(out, "%s%s %s, who knows %s, to introduce %s", prefix, ask, source,
                               name_of(r, p->people[2]), you);
        if (p->n_people > 3)
            g_string_append_printf(out, " to %s", target);
    } else {
        g_string_append_printf(out, "%s%s %s to introduce %s to %s", prefix, ask, source, you,
                               target);
    }
    for (guint i = 2; i + 1 < p->n_people; i++)
        g_string_append_printf(out, "%s%s", i == 2 ? " via " : " and ", name_of(r, p->people[i]));
    g_autofree char *chance = wp_i_percent(p->probability);
    g_string_append_printf(out, " — %s chance", chance);
    return g_string_free(out, FALSE);
}

char *wp_report_passing_on(const WpPathReport *r, const WpPathReason *path)
{
    g_return_val_if_fail(r != NULL && path != NULL, NULL);
    const WpPath *p = path->path;
    double factor = wp_model_intermediary_factor(wp_scoring_model(r->scoring));
    if (p->n_people <= 2 || factor >= 1)
        return NULL;
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    GString *out = g_string_new("passing it on:");
    for (guint i = 1; i + 1 < p->n_people; i++)
        g_string_append_printf(out, "%s %s", i == 1 ? "" : ",", name_of(r, p->people[i]));
    g_string_append_printf(out, " (x %s%s)", wp_i_num(buf, "%.2f", factor),
                           p->n_people > 3 ? " each" : "");
    return g_string_free(out, FALSE);
}

/* "at most 4 hops, chance at least 1 %": the query's limits in words. */
static char *limits_text(const WpPathQuery *q)
{
    GString *limits = g_string_new(NULL);
    g_autofree char *hops = wp_text_count(q->max_hops, "hop", "hops");
    if (q->max_hops)
        g_string_append_printf(limits, "at most %s", hops);
    else
        g_string_append(limits, "any number of hops");
    g_autofree char *floor = wp_i_percent(q->min_probability);
    if (q->min_probability > 0)
        g_string_append_printf(limits, ", chance at least %s", floor);
    return g_string_free(limits, FALSE);
}

char *wp_report_paths_heading(const WpPathReport *r)
{
    g_return_val_if_fail(r != NULL, NULL);
    const WpPathRequest *q = &r->request;
    g_autoptr(GString) sellers = g_string_new(NULL);
    for (guint i = 0; i < q->n_sellers && i < 5; i++)
        g_string_append_printf(sellers, "%s%s", i ? ", " : "", name_of(r, q->sellers[i]));
    if (q->n_sellers > 5)
        g_string_append_printf(sellers, " and %u more", q->n_sellers - 5);
    g_autofree char *limits = limits_text(&q->query);
    char day[11];
    wp_day_format(wp_scoring_as_of(r->scoring), day);
    if (q->company != NULL)
        return g_strdup_printf("Ways into %s%s%s for %s: the best path to each person, best "
                               "first (%s; %s model as of %s).",
                               q->company_name ? q->company_name : q->company,
                               q->where ? " where " : "", q->where ? q->where : "", sellers->str,
                               limits, q->model_name, day);
    g_autofree char *target = wp_i_described(r->graph, r->set->target);
    return g_strdup_printf("Introductions to %s for %s: %s, best first (%s; %s model as of %s).",
                           target, sellers->str,
                           q->query.all_paths ? "the best paths" : "one path per referral source",
                           limits, q->model_name, day);
}

/* "Priya Natarajan is already your direct contact" / "... Derek Lund's direct contact" /
 * "Marcus Reid is your teammate (team sales-west)". */
static void direct_subject(const WpPathReport *r, const WpDirectReason *reason, GString *out)
{
    const WpDirectTie *d = reason->direct;
    g_autofree char *whose = r->request.n_sellers == 1
                                 ? g_strdup("your")
                                 : g_strdup_printf("%s's", name_of(r, d->seller));
    if (reason->team != NULL)
        g_string_append_printf(out, "%s is %s teammate (team %s)", name_of(r, d->person), whose,
                               reason->team);
    else
        g_string_append_printf(out, "%s is already %s direct contact", name_of(r, d->person),
                               whose);
}

char *wp_report_direct_sentence(const WpPathReport *r, const WpDirectReason *reason)
{
    g_return_val_if_fail(r != NULL && reason != NULL, NULL);
    GString *out = g_string_new(NULL);
    direct_subject(r, reason, out);
    if (reason->strong) { /* the tie is explained with its path */
        g_string_append(out, ", and the tie is strong.");
        return g_string_free(out, FALSE);
    }
    g_autofree char *why = weakness(reason->direct);
    g_autofree char *types = wp_report_tie_types_text(&reason->hop, TRUE);
    g_autofree char *strength = wp_report_strength_text(&reason->hop);
    g_string_append_printf(out, ", but the tie %s: %s, %s.", why, types, strength);
    return g_string_free(out, FALSE);
}

const char *wp_report_direct_advice(const WpPathReport *r)
{
    g_return_val_if_fail(r != NULL, NULL);
    if (r->direct->len == 0 || r->request.company != NULL)
        return NULL;
    gboolean any_strong = FALSE;
    for (guint i = 0; i < r->direct->len; i++)
        any_strong |= g_array_index(r->direct, WpDirectReason, i).strong;
    if (r->set->direct_answer)
        return "Just ask: no introduction is needed, so no route through other people is listed "
               "(--all-paths lists them).";
    if (any_strong)
        return "You could just ask; the best routes are listed as asked.";
    if (r->set->paths->len > 0)
        return "Reconnect before you ask directly (a note, a reason to talk). Meanwhile, ask for "
               "a warm introduction:";
    return "Reconnect before you ask directly (a note, a reason to talk).";
}

/* "use --max-hops 6 and --min-probability 0.0066": options that show the hidden path, each a
 * value the options accept. */
static char *limits_to_see(const WpLimitsHint *hint)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    GString *s = g_string_new("use ");
    if (hint->max_hops_hides && hint->max_hops > 0)
        g_string_append_printf(s, "--max-hops %u", hint->max_hops);
    else if (hint->max_hops_hides)
        g_string_append(s, "--max-hops 0 (no limit)");
    if (hint->floor_hides)
        g_string_append_printf(s, "%s--min-probability %s", hint->max_hops_hides ? " and " : "",
                               wp_i_num(buf, "%.2g", hint->min_probability));
    return g_string_free(s, FALSE);
}

GPtrArray *wp_report_no_path_sentences(const WpPathReport *r)
{
    g_return_val_if_fail(r != NULL, NULL);
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    if (r->request.company != NULL) {
        g_ptr_array_add(out, g_strdup("No one there is reachable within these limits."));
        return out;
    }
    const char *target = name_of(r, r->set->target);
    g_ptr_array_add(out,
                    g_strdup_printf("No introduction path to %s within these limits.", target));
    if (r->beyond_limits != NULL) {
        const WpPath *p = r->beyond_limits->path;
        g_autofree char *chance = wp_i_percent(p->probability);
        g_autofree char *change = limits_to_see(&r->hint);
        g_autofree char *length = wp_text_count(p->n_people - 1, "hop", "hops");
        g_ptr_array_add(out, g_strdup_printf("Beyond them, the best path has %s and a %s chance: "
                                             "%s to see it.",
                                             length, chance, change));
    } else if (r->set->unconstrained_cut) {
        g_autofree char *searched = wp_text_count(WP_PATH_HINT_BUDGET, "person", "people");
        g_ptr_array_add(out, g_strdup_printf("A search of %s found no sure path beyond them: use "
                                             "--max-hops 0 and --min-probability 0 to search the "
                                             "whole network.",
                                             searched));
    } else {
        g_ptr_array_add(
            out, g_strdup_printf("%s is not connected to anyone your network reaches.", target));
    }
    const char *company = wp_graph_person_attr(r->graph, r->set->target, WP_COLUMN_COMPANY);
    if (r->suggestions->len > 0) {
        g_ptr_array_add(out, g_strdup_printf("Instead, reach a colleague of %s at %s, then ask "
                                             "for an introduction inside:",
                                             target, company ? company : ""));
    } else if (company != NULL && r->set->suggestions_cut) {
        g_autofree char *searched = wp_text_count(WP_PATH_HINT_BUDGET, "person", "people");
        g_ptr_array_add(out, g_strdup_printf("No one at %s was reached within these limits by a "
                                             "search of %s: look for a first contact there (an "
                                             "event, a customer reference, a cold approach).",
                                             company, searched));
    } else if (company != NULL) {
        g_ptr_array_add(out, g_strdup_printf("No one at %s is reachable either: look for a first "
                                             "contact there (an event, a customer reference, a "
                                             "cold approach).",
                                             company));
    }
    return out;
}

char *wp_report_at_least_one_sentence(const WpPathReport *r, char **assumption)
{
    g_return_val_if_fail(r != NULL && assumption != NULL, NULL);
    *assumption = NULL;
    guint n = r->set->paths->len;
    if (n < 2 || r->request.company != NULL)
        return NULL;
    g_autofree char *chance = wp_i_percent(r->set->at_least_one);
    *assumption = g_strdup_printf("assuming %s.", r->assumes);
    if (r->set->direct_answer) {
        g_autofree char *all = wp_text_all(n, "sellers");
        return g_strdup_printf("If %s ask, the chance that at least one of them succeeds is %s,",
                               all, chance);
    }
    g_autofree char *all = wp_text_all(n, "paths");
    return g_strdup_printf("Asking through %s, the chance that at least one introduction happens "
                           "is %s,",
                           all, chance);
}

char *wp_report_not_counted_sentence(const WpPathReport *r, const WpDirectReason *reason)
{
    g_return_val_if_fail(r != NULL && reason != NULL, NULL);
    if (reason->strong)
        return NULL;
    const WpDirectTie *d = reason->direct;
    g_autofree char *p = wp_i_percent(d->strength);
    g_autofree char *why = weakness(d);
    g_autofree char *whose = r->request.n_sellers == 1
                                 ? g_strdup("your own")
                                 : g_strdup_printf("%s's", name_of(r, d->seller));
    return g_strdup_printf("Not counted: %s direct tie to %s (%s), which %s: reconnect first.",
                           whose, name_of(r, d->person), p, why);
}
