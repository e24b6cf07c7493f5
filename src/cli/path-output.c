/* SPDX-License-Identifier: MIT */
/* warmpath path: the answer as advice (table), one row per hop (csv), or complete (json). */
#include "cli/path-output.h"

#include <math.h>
#include <string.h>

#define ASSUMES_EXACT                                                                              \
    "each tie and each go-between works or fails independently of the others; a tie or "           \
    "person that several paths share is counted once"
#define ASSUMES_INDEPENDENT "the paths work or fail independently of each other"

/* What one hop's tie is and how the model scored it. */
typedef struct {
    WpTieInfo info;
    WpStrengthBreakdown b;
} Hop;

static void hop_facts(const WpGraph *graph, WpTie tie, Hop *hop)
{
    wp_graph_tie_info(graph, tie, &hop->info);
    wp_graph_tie_strength(graph, tie, &hop->b);
}

/* "71 %", "4.2 %", "0.73 %": two significant digits under 10 %. */
static char *percent(double p)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    if (p >= 0.0995)
        return g_strdup_printf("%.0f %%", 100 * p);
    return g_strdup_printf("%s %%", g_ascii_formatd(buf, sizeof buf, "%.2g", 100 * p));
}

static char *number(double x, const char *fmt)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, fmt, x));
}

/* Type names joined by @sep, with '_' shown as a space when @human; "untyped" when none. */
static char *types_text(guint16 types, const char *sep, gboolean human)
{
    g_autoptr(GString) s = g_string_new(NULL);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++) {
        if (!(types & WP_TIE_TYPE_BIT(t)))
            continue;
        if (s->len > 0)
            g_string_append(s, sep);
        g_string_append(s, wp_tie_type_name(t));
    }
    if (s->len == 0)
        g_string_append(s, "untyped");
    if (human) {
        g_strdelimit(s->str, "_", ' ');
        g_autofree char *plain = g_strdup(s->str);
        g_auto(GStrv) parts = g_strsplit(plain, sep, -1);
        for (guint i = 0; parts[i] != NULL; i++)
            if (strcmp(parts[i], "social") == 0) {
                g_free(parts[i]);
                parts[i] = g_strdup("LinkedIn connection");
            }
        return g_strjoinv(sep, parts);
    }
    return g_strdup(s->str);
}

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

/* "strength 0.80 -> 0.62 (last contact 2023-09-14, 1144 days ago: gone cold)". */
static void append_strength(GString *out, const Hop *hop)
{
    if (!isnan(hop->info.declared))
        g_string_append_printf(out, "strength %.2f", hop->info.declared);
    else if (hop->b.prior_type != WP_TIE_N_TYPES)
        g_string_append_printf(out, "no declared strength, %s prior %.2f",
                               wp_tie_type_name(hop->b.prior_type), hop->b.base);
    else
        g_string_append_printf(out, "no declared strength, counted as %.2f", hop->b.base);
    double shown = !isnan(hop->info.declared) ? hop->info.declared : hop->b.base;
    if (fabs(hop->b.effective - shown) >= 0.005 || isnan(shown))
        g_string_append_printf(out, ", effective %.2f", hop->b.effective);
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func(g_free);
    if (hop->info.last_contact != WP_DAY_NONE) {
        char day[11];
        wp_day_format(hop->info.last_contact, day);
        g_ptr_array_add(notes,
                        hop->b.age_days >= 0
                            ? g_strdup_printf("last contact %s, %d days ago", day, hop->b.age_days)
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
        g_ptr_array_add(notes, g_strdup_printf("%d interactions: boost %.2f",
                                               hop->info.interactions, hop->b.boost));
    if (hop->b.status & WP_TIE_STATUS_SOCIAL_ONLY)
        g_ptr_array_add(notes, g_strdup("LinkedIn only"));
    g_ptr_array_add(notes, NULL);
    g_autofree char *joined = g_strjoinv("; ", (char **)notes->pdata);
    g_string_append_printf(out, " (%s)", joined);
}

/* "you" for a lone seller, else the seller's name. */
static char *asker(const PathReport *r, WpPerson seller)
{
    return r->n_sellers == 1 ? g_strdup("you") : name_of(r->graph, seller);
}

/* One numbered path: the advice sentence, then a line per hop and the go-betweens' share. */
static void table_path(const PathReport *r, guint rank, const WpPath *path, GString *out)
{
    const WpGraph *g = r->graph;
    WpPerson target = path->people[path->n_people - 1];
    g_autofree char *chance = percent(path->probability);
    g_autofree char *who = asker(r, path->seller);
    g_autofree char *target_desc = r->company != NULL ? described(g, target) : name_of(g, target);
    g_autofree char *source_desc = described(g, path->people[1]);
    g_autofree char *prefix = r->n_sellers > 1 ? g_strdup_printf("%s: ", who) : g_strdup("");
    if (path->n_people == 2) {
        g_string_append_printf(out, "%u. %s%s %s yourself (a direct contact) — %s chance\n", rank,
                               prefix, r->n_sellers > 1 ? "ask" : "Ask", target_desc, chance);
    } else {
        g_string_append_printf(out, "%u. %s%s %s to introduce %s to %s", rank, prefix,
                               r->n_sellers > 1 ? "ask" : "Ask", source_desc,
                               r->n_sellers > 1 ? "them" : "you", target_desc);
        for (guint i = 2; i + 1 < path->n_people; i++) {
            g_autofree char *via = name_of(g, path->people[i]);
            g_string_append_printf(out, "%s%s", i == 2 ? " via " : " and ", via);
        }
        g_string_append_printf(out, " — %s chance\n", chance);
    }
    for (guint i = 0; i + 1 < path->n_people; i++) {
        Hop hop;
        hop_facts(g, path->ties[i], &hop);
        g_autofree char *from = i == 0 ? g_strdup(who) : name_of(g, path->people[i]);
        g_autofree char *to = name_of(g, path->people[i + 1]);
        g_autofree char *types = types_text(hop.info.types, " and ", TRUE);
        g_string_append_printf(out, "   - %s → %s: %s%s, ", from, to,
                               i == 0 && r->n_sellers == 1 ? "your " : "", types);
        append_strength(out, &hop);
        g_string_append_c(out, '\n');
    }
    double factor = wp_model_intermediary_factor(wp_graph_model(g));
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
    g_autofree char *limit = r->query.max_hops
                                 ? g_strdup_printf("at most %u hop%s", r->query.max_hops,
                                                   r->query.max_hops == 1 ? "" : "s")
                                 : g_strdup("any number of hops");
    g_autofree char *floor = percent(r->query.min_probability);
    g_autoptr(GString) limits = g_string_new(limit);
    if (r->query.min_probability > 0)
        g_string_append_printf(limits, ", chance at least %s", floor);
    char day[11];
    wp_day_format(wp_graph_as_of(g), day);
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

/* Direct contacts first: the seller can simply ask. */
static void table_direct(const PathReport *r, GString *out)
{
    const GArray *direct = r->set->direct_sellers;
    if (direct->len == 0 || r->company != NULL)
        return;
    g_autofree char *target = name_of(r->graph, r->set->target);
    for (guint i = 0; i < direct->len; i++) {
        WpPerson s = g_array_index(direct, WpPerson, i);
        WpTie tie;
        wp_graph_find_tie(r->graph, s, r->set->target, &tie);
        Hop hop;
        hop_facts(r->graph, tie, &hop);
        g_autofree char *who = name_of(r->graph, s);
        g_autofree char *types = types_text(hop.info.types, " and ", TRUE);
        g_string_append_printf(out, "%s is already %s's direct contact: %s, ", target, who, types);
        append_strength(out, &hop);
        g_string_append(out, ". Just ask.\n");
    }
    g_string_append_c(out, '\n');
}

/* The largest floor with two significant digits that still admits @p (0.00663 -> "0.0066"). */
static char *floor_below(double p)
{
    double scale = pow(10, floor(log10(p)) - 1);
    double floored = floor(p / scale) * scale;
    if (floored > p) /* rounding in the division */
        floored -= scale;
    return number(floored, "%.2g");
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
        g_autofree char *chance = percent(set->unconstrained.probability);
        g_autofree char *change = limits_to_see(r, &set->unconstrained);
        g_string_append_printf(out,
                               "Beyond them, the best path has %u %s and a %s chance: %s to "
                               "see it.\n",
                               hops, hops == 1 ? "hop" : "hops", chance, change);
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
    if (set->paths->len > 1 && r->company == NULL) {
        g_autofree char *chance = percent(set->at_least_one);
        g_string_append_printf(out,
                               "Asking through all %u, the chance that at least one introduction "
                               "happens is %s,\nassuming %s.\n",
                               set->paths->len, chance,
                               set->at_least_one_exact ? ASSUMES_EXACT : ASSUMES_INDEPENDENT);
    }
}

/* Numbers in CSV and JSON: full precision, no locale. */
static char *exact(double x)
{
    return number(x, "%.6g");
}

void path_output_csv(const PathReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    g_autoptr(CliTable) t = cli_table_new();
    const char *columns[] = {
        "rank",     "probability",        "seller",       "source",   "hop",
        "from",     "from_name",          "to",           "to_name",  "type",
        "declared", "effective",          "last_contact", "age_days", "recency",
        "status",   "intermediary_factor"};
    for (guint c = 0; c < G_N_ELEMENTS(columns); c++)
        cli_table_add_column(t, columns[c],
                             c == 0 || c == 1 || c == 4 || (c >= 10 && c != 12 && c != 15)
                                 ? CLI_CELL_NUMBER
                                 : CLI_CELL_TEXT);
    double factor = wp_model_intermediary_factor(wp_graph_model(g));
    for (guint i = 0; i < r->set->paths->len; i++) {
        const WpPath *path = &g_array_index(r->set->paths, WpPath, i);
        g_autofree char *rank = g_strdup_printf("%u", i + 1);
        g_autofree char *prob = exact(path->probability);
        const char *source = path->n_people > 2 ? wp_graph_person_id(g, path->people[1]) : "";
        for (guint h = 0; h + 1 < path->n_people; h++) {
            Hop hop;
            hop_facts(g, path->ties[h], &hop);
            g_autofree char *hop_no = g_strdup_printf("%u", h + 1);
            g_autofree char *types = types_text(hop.info.types, "+", FALSE);
            g_autofree char *declared =
                isnan(hop.info.declared) ? g_strdup("") : exact(hop.info.declared);
            g_autofree char *effective = exact(hop.b.effective);
            char day[11];
            wp_day_format(hop.info.last_contact, day);
            g_autofree char *age =
                hop.b.age_days >= 0 ? g_strdup_printf("%d", hop.b.age_days) : g_strdup("");
            g_autofree char *recency = exact(hop.b.recency);
            g_autoptr(GString) status = g_string_new(NULL);
            if (hop.b.status & WP_TIE_STATUS_NEVER_INTERACTED)
                g_string_append(status, "never_interacted ");
            if (hop.b.status & WP_TIE_STATUS_GONE_COLD)
                g_string_append(status, "gone_cold ");
            if (hop.b.status & WP_TIE_STATUS_SOCIAL_ONLY)
                g_string_append(status, "social_only ");
            if (status->len > 0)
                g_string_truncate(status, status->len - 1);
            g_autofree char *hop_factor = exact(h > 0 ? factor : 1.0);
            const char *cells[] = {rank,
                                   prob,
                                   wp_graph_person_id(g, path->seller),
                                   source,
                                   hop_no,
                                   wp_graph_person_id(g, path->people[h]),
                                   wp_graph_person_label(g, path->people[h]),
                                   wp_graph_person_id(g, path->people[h + 1]),
                                   wp_graph_person_label(g, path->people[h + 1]),
                                   types,
                                   declared,
                                   effective,
                                   day,
                                   age,
                                   recency,
                                   status->str,
                                   hop_factor};
            cli_table_add_row(t, cells);
        }
    }
    cli_table_render(t, CLI_FORMAT_CSV, 0, out);
}

static void json_string_or_null(JsonBuilder *b, const char *member, const char *value)
{
    json_builder_set_member_name(b, member);
    if (value != NULL)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

static void json_person(JsonBuilder *b, const WpGraph *g, WpPerson p)
{
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "id");
    json_builder_add_string_value(b, wp_graph_person_id(g, p));
    json_string_or_null(b, "name", wp_graph_person_attr(g, p, WP_COLUMN_NAME));
    json_string_or_null(b, "company", wp_graph_person_attr(g, p, WP_COLUMN_COMPANY));
    json_string_or_null(b, "title", wp_graph_person_attr(g, p, WP_COLUMN_TITLE));
    json_builder_end_object(b);
}

static void json_hop(JsonBuilder *b, const WpGraph *g, const WpPath *path, guint h)
{
    Hop hop;
    hop_facts(g, path->ties[h], &hop);
    double factor = wp_model_intermediary_factor(wp_graph_model(g));
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "from");
    json_builder_add_string_value(b, wp_graph_person_id(g, path->people[h]));
    json_builder_set_member_name(b, "to");
    json_builder_add_string_value(b, wp_graph_person_id(g, path->people[h + 1]));
    json_string_or_null(b, "from_name", wp_graph_person_attr(g, path->people[h], WP_COLUMN_NAME));
    json_string_or_null(b, "to_name", wp_graph_person_attr(g, path->people[h + 1], WP_COLUMN_NAME));
    g_autofree char *type = types_text(hop.info.types, "+", FALSE);
    json_builder_set_member_name(b, "type");
    json_builder_add_string_value(b, hop.info.types ? type : "");
    json_builder_set_member_name(b, "types");
    json_builder_begin_array(b);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++)
        if (hop.info.types & WP_TIE_TYPE_BIT(t))
            json_builder_add_string_value(b, wp_tie_type_name(t));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "strength");
    json_builder_add_double_value(b, hop.b.effective);
    json_builder_set_member_name(b, "declared");
    if (isnan(hop.info.declared))
        json_builder_add_null_value(b);
    else
        json_builder_add_double_value(b, hop.info.declared);
    json_builder_set_member_name(b, "base");
    json_builder_add_double_value(b, hop.b.base);
    json_string_or_null(b, "prior_type",
                        hop.b.prior_type != WP_TIE_N_TYPES ? wp_tie_type_name(hop.b.prior_type)
                                                           : NULL);
    json_builder_set_member_name(b, "effective");
    json_builder_add_double_value(b, hop.b.effective);
    char day[11];
    wp_day_format(hop.info.last_contact, day);
    json_string_or_null(b, "last_contact", day[0] ? day : NULL);
    json_builder_set_member_name(b, "age_days");
    if (hop.b.age_days >= 0)
        json_builder_add_int_value(b, hop.b.age_days);
    else
        json_builder_add_null_value(b);
    json_builder_set_member_name(b, "interactions");
    if (hop.info.interactions >= 0)
        json_builder_add_int_value(b, hop.info.interactions);
    else
        json_builder_add_null_value(b);
    const struct {
        const char *name;
        double value;
    } factors[] = {{"recency", hop.b.recency},
                   {"never_factor", hop.b.never_factor},
                   {"interaction_boost", hop.b.boost},
                   {"intermediary_factor", h > 0 ? factor : 1.0}};
    for (guint i = 0; i < G_N_ELEMENTS(factors); i++) {
        json_builder_set_member_name(b, factors[i].name);
        json_builder_add_double_value(b, factors[i].value);
    }
    const struct {
        const char *name;
        gboolean value;
    } flags[] = {{"never_interacted", (hop.b.status & WP_TIE_STATUS_NEVER_INTERACTED) != 0},
                 {"gone_cold", (hop.b.status & WP_TIE_STATUS_GONE_COLD) != 0},
                 {"social_only", (hop.b.status & WP_TIE_STATUS_SOCIAL_ONLY) != 0},
                 {"directed", hop.info.directed}};
    for (guint i = 0; i < G_N_ELEMENTS(flags); i++) {
        json_builder_set_member_name(b, flags[i].name);
        json_builder_add_boolean_value(b, flags[i].value);
    }
    json_builder_end_object(b);
}

static void json_path(JsonBuilder *b, const WpGraph *g, const WpPath *path)
{
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "probability");
    json_builder_add_double_value(b, path->probability);
    json_builder_set_member_name(b, "seller");
    json_builder_add_string_value(b, wp_graph_person_id(g, path->seller));
    json_string_or_null(b, "source",
                        path->n_people > 2 ? wp_graph_person_id(g, path->people[1]) : NULL);
    json_builder_set_member_name(b, "direct");
    json_builder_add_boolean_value(b, path->n_people == 2);
    json_builder_set_member_name(b, "people");
    json_builder_begin_array(b);
    for (guint i = 0; i < path->n_people; i++)
        json_builder_add_string_value(b, wp_graph_person_id(g, path->people[i]));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "names");
    json_builder_begin_array(b);
    for (guint i = 0; i < path->n_people; i++)
        json_builder_add_string_value(b, wp_graph_person_label(g, path->people[i]));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "hops");
    json_builder_begin_array(b);
    for (guint h = 0; h + 1 < path->n_people; h++)
        json_hop(b, g, path, h);
    json_builder_end_array(b);
    json_builder_end_object(b);
}

static void json_paths(JsonBuilder *b, const WpGraph *g, const char *member, const GArray *paths)
{
    json_builder_set_member_name(b, member);
    json_builder_begin_array(b);
    for (guint i = 0; i < paths->len; i++)
        json_path(b, g, &g_array_index(paths, WpPath, i));
    json_builder_end_array(b);
}

static void json_query(JsonBuilder *b, const PathReport *r)
{
    const WpGraph *g = r->graph;
    json_builder_set_member_name(b, "query");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "sellers");
    json_builder_begin_array(b);
    for (guint i = 0; i < r->n_sellers; i++)
        json_builder_add_string_value(b, wp_graph_person_id(g, r->sellers[i]));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "target");
    if (r->set->target != WP_PERSON_NONE)
        json_person(b, g, r->set->target);
    else
        json_builder_add_null_value(b);
    json_string_or_null(b, "company", r->company);
    json_string_or_null(b, "where", r->where);
    json_builder_set_member_name(b, "mode");
    json_builder_add_string_value(b, r->company           ? "account"
                                     : r->query.all_paths ? "all-paths"
                                                          : "sources");
    json_builder_set_member_name(b, "k");
    json_builder_add_int_value(b, r->query.k);
    json_builder_set_member_name(b, "max_hops");
    json_builder_add_int_value(b, r->query.max_hops);
    json_builder_set_member_name(b, "min_probability");
    json_builder_add_double_value(b, r->query.min_probability);
    json_builder_set_member_name(b, "model");
    json_builder_add_string_value(b, r->model);
    json_builder_set_member_name(b, "intermediary_factor");
    json_builder_add_double_value(b, wp_model_intermediary_factor(wp_graph_model(g)));
    char day[11];
    wp_day_format(wp_graph_as_of(g), day);
    json_builder_set_member_name(b, "as_of");
    json_builder_add_string_value(b, day);
    json_builder_end_object(b);
}

JsonNode *path_output_json(const PathReport *r)
{
    const WpGraph *g = r->graph;
    const WpPathSet *set = r->set;
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_query(b, r);
    json_builder_set_member_name(b, "direct_contact_of");
    json_builder_begin_array(b);
    for (guint i = 0; i < set->direct_sellers->len; i++)
        json_builder_add_string_value(
            b, wp_graph_person_id(g, g_array_index(set->direct_sellers, WpPerson, i)));
    json_builder_end_array(b);
    json_paths(b, g, "paths", set->paths);
    json_builder_set_member_name(b, "at_least_one");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "probability");
    json_builder_add_double_value(b, set->at_least_one);
    json_builder_set_member_name(b, "assumes");
    json_builder_add_string_value(b, set->at_least_one_exact ? ASSUMES_EXACT : ASSUMES_INDEPENDENT);
    json_builder_end_object(b);
    if (r->company == NULL) {
        json_builder_set_member_name(b, "no_path");
        if (set->paths->len > 0) {
            json_builder_add_null_value(b);
        } else {
            json_builder_begin_object(b);
            json_builder_set_member_name(b, "beyond_limits");
            if (set->unconstrained.n_people > 0)
                json_path(b, g, &set->unconstrained);
            else
                json_builder_add_null_value(b);
            json_paths(b, g, "colleagues", set->suggestions);
            json_builder_end_object(b);
        }
    }
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
