/* SPDX-License-Identifier: MIT */
/* warmpath path: the answer as a sales manager's advice. A strong direct tie first ("just
 * ask"), a weak or cold one with the advice to reconnect; then each path as a sentence naming
 * whom to ask (a teammate by role), its hops explained, and the chance that at least one works
 * (see docs/paths.md). */
#include "cli/path-output.h"

#include <math.h>
#include <string.h>

/* The person's name, safe for a terminal. */
static char *name_of(const WpGraph *graph, WpPerson p)
{
    return cli_sanitize_for_terminal(wp_graph_person_label(graph, p));
}

/* "Name (Title, Company)" with what is known, safe for a terminal. */
static char *described(const WpGraph *graph, WpPerson p)
{
    const char *title = wp_graph_person_attr(graph, p, WP_COLUMN_TITLE);
    const char *company = wp_graph_person_attr(graph, p, WP_COLUMN_COMPANY);
    g_autoptr(GString) s = g_string_new(wp_graph_person_label(graph, p));
    if (title != NULL && company != NULL)
        g_string_append_printf(s, " (%s, %s)", title, company);
    else if (title != NULL || company != NULL)
        g_string_append_printf(s, " (%s)", title != NULL ? title : company);
    return cli_sanitize_for_terminal(s->str);
}

/* The notes behind an effective strength: "last contact 2023-09-14, 1,144 days ago; gone
 * cold; decay x 0.62; ...". */
static char *strength_notes(const PathHop *hop)
{
    g_autofree char *age = wp_text_count((guint64)MAX(hop->b.age_days, 0), "day", "days");
    g_autofree char *interactions =
        wp_text_count((guint64)MAX(hop->info.interactions, 0), "interaction", "interactions");
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
    if (hop->info.last_contact != WP_DAY_NONE) {
        char day[11];
        wp_day_format(hop->info.last_contact, day);
        g_ptr_array_add(notes, hop->b.age_days >= 0
                                   ? g_strdup_printf("last contact %s, %s ago", day, age)
                                   : g_strdup_printf("last contact %s", day));
    } else if (hop->b.recency < 0.995) {
        g_ptr_array_add(notes,
                        g_strdup_printf("no last contact on record: x %.2f", hop->b.recency));
    } else {
        g_ptr_array_add(notes, g_strdup("no last contact on record"));
    }
    if (hop->b.status & WP_TIE_STATUS_GONE_COLD)
        g_ptr_array_add(notes, g_strdup("gone cold"));
    if (hop->info.last_contact != WP_DAY_NONE && hop->b.recency < 0.995)
        g_ptr_array_add(notes, g_strdup_printf("decay x %.2f", hop->b.recency));
    if ((hop->b.status & WP_TIE_STATUS_NEVER_INTERACTED) && hop->b.never_factor < 1)
        g_ptr_array_add(notes, g_strdup_printf("never interacted: x %.2f", hop->b.never_factor));
    else if (hop->b.boost >= 0.005)
        g_ptr_array_add(notes, g_strdup_printf("%s: boost %.2f", interactions, hop->b.boost));
    if (hop->b.status & WP_TIE_STATUS_SOCIAL_ONLY)
        g_ptr_array_add(notes, g_strdup("LinkedIn only"));
    g_ptr_array_add(notes, NULL);
    return g_strjoinv("; ", (char **)notes->pdata);
}

/* "declared strength 0.80, effective 0.62 (last contact ...)": both strengths are named, the
 * one the data declares and the one the model uses; the team tie says what it is. */
static void append_strength(GString *out, const PathHop *hop)
{
    if (hop->team) {
        g_string_append_printf(out, "team tie %.2f", hop->b.effective);
        return;
    }
    if (!isnan(hop->info.declared))
        g_string_append_printf(out, "declared strength %.2f", hop->info.declared);
    else if (hop->b.prior_type != WP_TIE_N_TYPES)
        g_string_append_printf(out, "no declared strength, %s prior %.2f",
                               wp_tie_type_name(hop->b.prior_type), hop->b.base);
    else
        g_string_append_printf(out, "no declared strength, counted as %.2f", hop->b.base);
    g_autofree char *notes = strength_notes(hop);
    g_string_append_printf(out, ", effective %.2f (%s)", hop->b.effective, notes);
}

/* "you" for a lone seller, else the seller's name. */
static char *asker(const PathReport *r, WpPerson seller)
{
    return r->n_sellers == 1 ? g_strdup("you") : name_of(r->graph, seller);
}

/* The direct tie of @seller to @person in the answer, or NULL. */
static const WpDirectTie *direct_of(const PathReport *r, WpPerson seller, WpPerson person)
{
    for (guint i = 0; i < r->set->direct->len; i++) {
        const WpDirectTie *d = &g_array_index(r->set->direct, WpDirectTie, i);
        if (d->seller == seller && d->person == person)
            return d;
    }
    return NULL;
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
    g_autoptr(GString) s = g_string_new(NULL);
    for (guint i = 0; i < n; i++)
        g_string_append_printf(s, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", parts[i]);
    return g_string_free(g_steal_pointer(&s), FALSE);
}

/* How the advice names the person asked first: "your teammate Sam Ortiz", "your colleague Derek
 * Lund (seller, team sales-west)", or the plain description. Without "your" for several
 * sellers. */
static char *source_words(const PathReport *r, const WpPath *path)
{
    const WpGraph *g = r->graph;
    WpPerson source = path->people[1];
    const char *your = r->n_sellers == 1 ? "your " : "";
    const char *team = path_seller_team(r->scoring, source);
    if (team == NULL)
        return described(g, source);
    g_autofree char *name = name_of(g, source);
    if (path_shared_team(r->scoring, path->seller, source) != NULL)
        return g_strdup_printf("%steammate %s", your, name);
    g_autofree char *safe = cli_sanitize_for_terminal(team);
    return g_strdup_printf("%scolleague %s (seller, team %s)", your, name, safe);
}

/* The advice sentence of a path: "Ask X to introduce you to T via Y" (or for a seller asked
 * first, "Ask your teammate X, who knows Y, to introduce you to T via Y"). */
static void path_sentence(const PathReport *r, guint rank, const WpPath *path, GString *out)
{
    const WpGraph *g = r->graph;
    WpPerson target = path->people[path->n_people - 1];
    gboolean many = r->n_sellers > 1;
    g_autofree char *chance = path_percent(path->probability);
    g_autofree char *who = asker(r, path->seller);
    g_autofree char *prefix = many ? g_strdup_printf("%s: ", who) : g_strdup("");
    g_autofree char *target_desc = r->company != NULL ? described(g, target) : name_of(g, target);
    const char *ask = many ? "ask" : "Ask";
    if (path->n_people == 2) {
        const WpDirectTie *d = direct_of(r, path->seller, target);
        g_autofree char *why = d != NULL ? weakness(d) : NULL;
        g_autofree char *note =
            d == NULL || wp_direct_tie_is_strong(d)
                ? g_strdup("")
                : g_strdup_printf(" (a direct contact, but the tie %s: reconnect first)", why);
        g_string_append_printf(out, "%u. %s%s %s %s%s — %s chance\n", rank, prefix, ask,
                               target_desc, many ? "directly" : "yourself", note, chance);
        return;
    }
    g_autofree char *source = source_words(r, path);
    const char *you = many ? "them" : "you";
    if (path_seller_team(r->scoring, path->people[1]) != NULL) { /* a seller: "who knows ..." */
        g_autofree char *next = name_of(g, path->people[2]);
        g_string_append_printf(out, "%u. %s%s %s, who knows %s, to introduce %s", rank, prefix, ask,
                               source, next, you);
        if (path->n_people > 3)
            g_string_append_printf(out, " to %s", target_desc);
    } else {
        g_string_append_printf(out, "%u. %s%s %s to introduce %s to %s", rank, prefix, ask, source,
                               you, target_desc);
    }
    for (guint i = 2; i + 1 < path->n_people; i++) {
        g_autofree char *via = name_of(g, path->people[i]);
        g_string_append_printf(out, "%s%s", i == 2 ? " via " : " and ", via);
    }
    g_string_append_printf(out, " — %s chance\n", chance);
}

/* One numbered path: the advice sentence, then a line per hop and the go-betweens' share. */
static void table_path(const PathReport *r, guint rank, const WpPath *path, GString *out)
{
    const WpGraph *g = r->graph;
    path_sentence(r, rank, path, out);
    g_autofree char *who = asker(r, path->seller);
    for (guint i = 0; i + 1 < path->n_people; i++) {
        PathHop hop;
        path_hop_facts(r->scoring, path->ties[i], &hop);
        g_autofree char *from = i == 0 ? g_strdup(who) : name_of(g, path->people[i]);
        g_autofree char *to = name_of(g, path->people[i + 1]);
        g_autofree char *types = path_types_text(&hop, " and ", TRUE);
        const char *team =
            i == 0 ? path_shared_team(r->scoring, path->people[0], path->people[1]) : NULL;
        g_string_append_printf(out, "   - %s → %s: %s%s%s, ", from, to,
                               i == 0 && r->n_sellers == 1 ? "your " : "",
                               team != NULL && !hop.team ? "teammate and " : "", types);
        append_strength(out, &hop);
        if (team != NULL) {
            g_autofree char *safe = cli_sanitize_for_terminal(team);
            g_string_append_printf(out, " (both on team %s)", safe);
        }
        g_string_append_c(out, '\n');
    }
    double factor = wp_model_intermediary_factor(wp_scoring_model(r->scoring));
    if (path->n_people > 2 && factor < 1) {
        g_string_append(out, "   - passing it on:");
        for (guint i = 1; i + 1 < path->n_people; i++) {
            g_autofree char *via = name_of(g, path->people[i]);
            g_string_append_printf(out, "%s %s", i == 1 ? "" : ",", via);
        }
        g_string_append_printf(out, " (x %.2f%s)\n", factor, path->n_people > 3 ? " each" : "");
    }
}

static void table_heading(const PathReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    g_autoptr(GString) sellers = g_string_new(NULL);
    for (guint i = 0; i < r->n_sellers && i < 5; i++) {
        g_autofree char *n = name_of(g, r->sellers[i]);
        g_string_append_printf(sellers, "%s%s", i ? ", " : "", n);
    }
    if (r->n_sellers > 5)
        g_string_append_printf(sellers, " and %u more", r->n_sellers - 5);
    g_autofree char *hops = wp_text_count(r->query.max_hops, "hop", "hops");
    g_autoptr(GString) limits = g_string_new(NULL);
    if (r->query.max_hops)
        g_string_append_printf(limits, "at most %s", hops);
    else
        g_string_append(limits, "any number of hops");
    g_autofree char *floor = path_percent(r->query.min_probability);
    if (r->query.min_probability > 0)
        g_string_append_printf(limits, ", chance at least %s", floor);
    char day[11];
    wp_day_format(wp_scoring_as_of(r->scoring), day);
    if (r->company != NULL) {
        g_autofree char *company =
            cli_sanitize_for_terminal(r->company_name ? r->company_name : r->company);
        g_autofree char *where = r->where ? cli_sanitize_for_terminal(r->where) : NULL;
        g_string_append_printf(out,
                               "Ways into %s%s%s for %s: the best path to each person, best "
                               "first (%s; %s model as of %s).\n\n",
                               company, where ? " where " : "", where ? where : "", sellers->str,
                               limits->str, r->model, day);
        return;
    }
    g_autofree char *target = described(g, r->set->target);
    g_string_append_printf(out,
                           "Introductions to %s for %s: %s, best first (%s; %s model as of "
                           "%s).\n\n",
                           target, sellers->str,
                           r->query.all_paths ? "the best paths" : "one path per referral source",
                           limits->str, r->model, day);
}

/* "Priya Natarajan is already your direct contact" / "... Derek Lund's direct contact" /
 * "Marcus Reid is your teammate" (the team tie). */
static void direct_subject(const PathReport *r, const WpDirectTie *d, GString *out)
{
    g_autofree char *target = name_of(r->graph, d->person);
    g_autofree char *seller = name_of(r->graph, d->seller);
    g_autofree char *whose = r->n_sellers == 1 ? g_strdup("your") : g_strdup_printf("%s's", seller);
    const char *team = path_shared_team(r->scoring, d->seller, d->person);
    if (team != NULL) {
        g_autofree char *safe = cli_sanitize_for_terminal(team);
        g_string_append_printf(out, "%s is %s teammate (team %s)", target, whose, safe);
    } else {
        g_string_append_printf(out, "%s is already %s direct contact", target, whose);
    }
}

/* The sellers' direct ties to the target, before the paths: a strong one means "just ask"; a
 * weak or cold one is explained with the advice to reconnect, and the paths that follow are the
 * warm introductions (docs/paths.md "A direct contact"). */
static void table_direct(const PathReport *r, GString *out)
{
    const WpPathSet *set = r->set;
    if (set->direct->len == 0 || r->company != NULL)
        return;
    gboolean any_strong = FALSE;
    for (guint i = 0; i < set->direct->len; i++) {
        const WpDirectTie *d = &g_array_index(set->direct, WpDirectTie, i);
        PathHop hop;
        path_hop_facts(r->scoring, d->tie, &hop);
        g_autofree char *types = path_types_text(&hop, " and ", TRUE);
        direct_subject(r, d, out);
        if (wp_direct_tie_is_strong(d)) { /* the tie is explained with the path below */
            any_strong = TRUE;
            g_string_append(out, ", and the tie is strong.\n");
            continue;
        }
        g_autofree char *why = weakness(d);
        g_string_append_printf(out, ", but the tie %s: %s, ", why, types);
        append_strength(out, &hop);
        g_string_append(out, ".\n");
    }
    if (set->direct_answer)
        g_string_append(out, "Just ask: no introduction is needed, so no route through other "
                             "people is listed (--all-paths lists them).\n");
    else if (any_strong)
        g_string_append(out, "You could just ask; the best routes are listed as asked.\n");
    else if (set->paths->len > 0)
        g_string_append(out, "Reconnect before you ask directly (a note, a reason to talk). "
                             "Meanwhile, ask for a warm introduction:\n");
    else
        g_string_append(out, "Reconnect before you ask directly (a note, a reason to talk).\n");
    g_string_append_c(out, '\n');
}

/* The largest floor with two significant digits that still admits @p (0.00663 -> "0.0066"). */
static char *floor_below(double p)
{
    double scale = pow(10, floor(log10(p)) - 1);
    double floored = floor(p / scale) * scale;
    if (floored > p) /* rounding in the division */
        floored -= scale;
    return path_number(floored, "%.2g");
}

/* The options that would show @path: "use --max-hops 6 and --min-probability 0.0066". Every
 * value suggested is one the options accept. */
static char *limits_to_see(const PathReport *r, const WpPath *path)
{
    guint hops = path->n_people - 1;
    gboolean too_long = r->query.max_hops > 0 && hops > r->query.max_hops;
    gboolean too_weak = path->probability < r->query.min_probability;
    g_autoptr(GString) s = g_string_new("use ");
    if (too_long && hops <= WP_MAX_HOPS)
        g_string_append_printf(s, "--max-hops %u", hops);
    else if (too_long)
        g_string_append(s, "--max-hops 0 (no limit)");
    if (too_weak) {
        g_autofree char *floor = floor_below(path->probability);
        g_string_append_printf(s, "%s--min-probability %s", too_long ? " and " : "", floor);
    }
    return g_string_free(g_steal_pointer(&s), FALSE);
}

static void table_no_path(const PathReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    const WpPathSet *set = r->set;
    if (r->company != NULL) {
        g_string_append(out, "No one there is reachable within these limits.\n");
        return;
    }
    g_autofree char *target = name_of(g, set->target);
    g_string_append_printf(out, "No introduction path to %s within these limits.\n", target);
    if (set->unconstrained.n_people > 0) {
        guint hops = set->unconstrained.n_people - 1;
        g_autofree char *chance = path_percent(set->unconstrained.probability);
        g_autofree char *change = limits_to_see(r, &set->unconstrained);
        g_autofree char *length = wp_text_count(hops, "hop", "hops");
        g_string_append_printf(out,
                               "Beyond them, the best path has %s and a %s chance: %s to "
                               "see it.\n",
                               length, chance, change);
    } else {
        g_string_append_printf(out, "%s is not connected to anyone your network reaches.\n",
                               target);
    }
    const char *company = wp_graph_person_attr(g, set->target, WP_COLUMN_COMPANY);
    if (set->suggestions->len > 0) {
        g_autofree char *co = cli_sanitize_for_terminal(company);
        g_string_append_printf(out,
                               "\nInstead, reach a colleague of %s at %s, then ask for an "
                               "introduction inside:\n\n",
                               target, co);
        for (guint i = 0; i < set->suggestions->len; i++) {
            table_path(r, i + 1, &g_array_index(set->suggestions, WpPath, i), out);
            g_string_append_c(out, '\n');
        }
    } else if (company != NULL) {
        g_autofree char *co = cli_sanitize_for_terminal(company);
        g_string_append_printf(out,
                               "No one at %s is reachable either: look for a first contact "
                               "there (an event, a customer reference, a cold approach).\n",
                               co);
    }
}

/* Under several paths: the chance that at least one works, and what it counts. */
static void table_combined(const PathReport *r, GString *out)
{
    const WpPathSet *set = r->set;
    if (set->paths->len < 2 || r->company != NULL)
        return;
    g_autofree char *chance = path_percent(set->at_least_one);
    const char *assumes = set->at_least_one_exact ? PATH_ASSUMES_EXACT : PATH_ASSUMES_INDEPENDENT;
    if (set->direct_answer) {
        g_autofree char *all = wp_text_all(set->paths->len, "sellers");
        g_string_append_printf(out,
                               "If %s ask, the chance that at least one of them succeeds is %s,\n"
                               "assuming %s.\n",
                               all, chance, assumes);
        return;
    }
    g_autofree char *all = wp_text_all(set->paths->len, "paths");
    g_string_append_printf(out,
                           "Asking through %s, the chance that at least one introduction happens "
                           "is %s,\nassuming %s.\n",
                           all, chance, assumes);
    for (guint i = 0; i < set->direct->len; i++) {
        const WpDirectTie *d = &g_array_index(set->direct, WpDirectTie, i);
        if (wp_direct_tie_is_strong(d))
            continue;
        g_autofree char *p = path_percent(d->strength);
        g_autofree char *seller = name_of(r->graph, d->seller);
        g_autofree char *target = name_of(r->graph, d->person);
        g_autofree char *why = weakness(d);
        g_autofree char *whose =
            r->n_sellers == 1 ? g_strdup("your own") : g_strdup_printf("%s's", seller);
        g_string_append_printf(out,
                               "Not counted: %s direct tie to %s (%s), which %s: reconnect "
                               "first.\n",
                               whose, target, p, why);
    }
}

void path_output_table(const PathReport *r, GString *out)
{
    const WpPathSet *set = r->set;
    table_heading(r, out);
    table_direct(r, out);
    if (set->paths->len == 0) {
        table_no_path(r, out);
        return;
    }
    for (guint i = 0; i < set->paths->len; i++) {
        table_path(r, i + 1, &g_array_index(set->paths, WpPath, i), out);
        g_string_append_c(out, '\n');
    }
    table_combined(r, out);
}
