/* SPDX-License-Identifier: MIT */
/* warmpath path: what the formats share, one row per hop (csv), and the complete answer
 * (json). The advice table is path-table.c. */
#include "cli/path-output.h"

#include <math.h>
#include <string.h>

void path_hop_facts(const WpScoring *scoring, WpTie tie, PathHop *hop)
{
    memset(hop, 0, sizeof *hop);
    if (tie == WP_TIE_NONE) {
        double t = wp_model_team_tie(wp_scoring_model(scoring));
        hop->team = TRUE;
        hop->info.declared = NAN;
        hop->info.last_contact = WP_DAY_NONE;
        hop->info.interactions = -1;
        hop->b = (WpStrengthBreakdown){.base = t,
                                       .prior_type = WP_TIE_N_TYPES,
                                       .age_days = -1,
                                       .recency = 1,
                                       .never_factor = 1,
                                       .effective = t,
                                       .model_effective = t};
        return;
    }
    wp_graph_tie_info(wp_scoring_graph(scoring), tie, &hop->info);
    wp_scoring_tie_strength(scoring, tie, &hop->b);
}

char *path_percent(double p)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    if (p >= 0.0995)
        return g_strdup_printf("%.0f %%", 100 * p);
    return g_strdup_printf("%s %%", g_ascii_formatd(buf, sizeof buf, "%.2g", 100 * p));
}

char *path_number(double x, const char *fmt)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, fmt, x));
}

char *path_types_text(const PathHop *hop, const char *sep, gboolean human)
{
    if (hop->team)
        return g_strdup(human ? "teammate" : "team");
    g_autoptr(GString) s = g_string_new(NULL);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++) {
        if (!(hop->info.types & WP_TIE_TYPE_BIT(t)))
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

const char *path_seller_team(const WpScoring *scoring, WpPerson p)
{
    return wp_scoring_team_rules(scoring) ? wp_graph_person_team(wp_scoring_graph(scoring), p)
                                          : NULL;
}

const char *path_shared_team(const WpScoring *scoring, WpPerson a, WpPerson b)
{
    const char *x = path_seller_team(scoring, a), *y = path_seller_team(scoring, b);
    return x != NULL && y != NULL && a != b && strcmp(x, y) == 0 ? x : NULL;
}

/* Numbers in CSV and JSON: full precision, no locale. */
static char *exact(double x)
{
    return path_number(x, "%.6g");
}

void path_output_csv(const PathReport *r, GString *out)
{
    const WpGraph *g = r->graph;
    const WpScoring *s = r->scoring;
    g_autoptr(CliTable) t = cli_table_new();
    const char *columns[] = {"rank",
                             "probability",
                             "seller",
                             "source",
                             "hop",
                             "from",
                             "from_name",
                             "to",
                             "to_name",
                             "type",
                             "declared_strength",
                             "effective_strength",
                             "last_contact",
                             "age_days",
                             "recency",
                             "status",
                             "intermediary_factor"};
    for (guint c = 0; c < G_N_ELEMENTS(columns); c++)
        cli_table_add_column(t, columns[c],
                             c == 0 || c == 1 || c == 4 || (c >= 10 && c != 12 && c != 15)
                                 ? CLI_CELL_NUMBER
                                 : CLI_CELL_TEXT);
    double factor = wp_model_intermediary_factor(wp_scoring_model(s));
    for (guint i = 0; i < r->set->paths->len; i++) {
        const WpPath *path = &g_array_index(r->set->paths, WpPath, i);
        g_autofree char *rank = g_strdup_printf("%u", i + 1);
        g_autofree char *prob = exact(path->probability);
        const char *source = path->n_people > 2 ? wp_graph_person_id(g, path->people[1]) : "";
        for (guint h = 0; h + 1 < path->n_people; h++) {
            PathHop hop;
            path_hop_facts(s, path->ties[h], &hop);
            g_autofree char *hop_no = g_strdup_printf("%u", h + 1);
            g_autofree char *types = path_types_text(&hop, "+", FALSE);
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
            if (hop.team)
                g_string_append(status, "team_tie ");
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

static void json_hop(JsonBuilder *b, const WpScoring *s, const WpPath *path, guint h)
{
    const WpGraph *g = wp_scoring_graph(s);
    PathHop hop;
    path_hop_facts(s, path->ties[h], &hop);
    double factor = wp_model_intermediary_factor(wp_scoring_model(s));
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "from");
    json_builder_add_string_value(b, wp_graph_person_id(g, path->people[h]));
    json_builder_set_member_name(b, "to");
    json_builder_add_string_value(b, wp_graph_person_id(g, path->people[h + 1]));
    json_string_or_null(b, "from_name", wp_graph_person_attr(g, path->people[h], WP_COLUMN_NAME));
    json_string_or_null(b, "to_name", wp_graph_person_attr(g, path->people[h + 1], WP_COLUMN_NAME));
    g_autofree char *type = path_types_text(&hop, "+", FALSE);
    json_builder_set_member_name(b, "type");
    json_builder_add_string_value(b, hop.info.types || hop.team ? type : "");
    json_builder_set_member_name(b, "types");
    json_builder_begin_array(b);
    for (guint t = 0; t < WP_TIE_N_TYPES; t++)
        if (hop.info.types & WP_TIE_TYPE_BIT(t))
            json_builder_add_string_value(b, wp_tie_type_name(t));
    json_builder_end_array(b);
    json_builder_set_member_name(b, "declared_strength");
    if (isnan(hop.info.declared))
        json_builder_add_null_value(b);
    else
        json_builder_add_double_value(b, hop.info.declared);
    json_builder_set_member_name(b, "base_strength");
    json_builder_add_double_value(b, hop.b.base);
    json_string_or_null(b, "prior_type",
                        hop.b.prior_type != WP_TIE_N_TYPES ? wp_tie_type_name(hop.b.prior_type)
                                                           : NULL);
    json_builder_set_member_name(b, "effective_strength");
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
                 {"team_tie", hop.team},
                 {"directed", hop.info.directed}};
    for (guint i = 0; i < G_N_ELEMENTS(flags); i++) {
        json_builder_set_member_name(b, flags[i].name);
        json_builder_add_boolean_value(b, flags[i].value);
    }
    const char *origins[WP_TIE_ORIGINS_MAX];
    guint n_origins =
        hop.team ? 0 : wp_graph_tie_origins(g, path->ties[h], origins, WP_TIE_ORIGINS_MAX);
    json_builder_set_member_name(b, "origins"); /* which exports or CRMs the tie came from */
    json_builder_begin_array(b);
    for (guint i = 0; i < n_origins; i++)
        json_builder_add_string_value(b, origins[i]);
    json_builder_end_array(b);
    json_builder_end_object(b);
}

/* Who the seller asks: "teammate" (same team), "seller" (another team's seller) or "contact". */
static const char *source_role(const WpScoring *s, const WpPath *path)
{
    if (path_shared_team(s, path->seller, path->people[1]) != NULL)
        return "teammate";
    return path_seller_team(s, path->people[1]) != NULL ? "seller" : "contact";
}

static void json_path(JsonBuilder *b, const WpScoring *s, const WpPath *path)
{
    const WpGraph *g = wp_scoring_graph(s);
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "probability");
    json_builder_add_double_value(b, path->probability);
    json_builder_set_member_name(b, "seller");
    json_builder_add_string_value(b, wp_graph_person_id(g, path->seller));
    json_string_or_null(b, "source",
                        path->n_people > 2 ? wp_graph_person_id(g, path->people[1]) : NULL);
    json_string_or_null(b, "source_role", path->n_people == 2 ? NULL : source_role(s, path));
    json_builder_set_member_name(b, "team_hop");
    json_builder_add_boolean_value(b, path->team_hop);
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
        json_hop(b, s, path, h);
    json_builder_end_array(b);
    json_builder_end_object(b);
}

static void json_paths(JsonBuilder *b, const WpScoring *s, const char *member, const GArray *paths)
{
    json_builder_set_member_name(b, member);
    json_builder_begin_array(b);
    for (guint i = 0; i < paths->len; i++)
        json_path(b, s, &g_array_index(paths, WpPath, i));
    json_builder_end_array(b);
}

static void json_query(JsonBuilder *b, const PathReport *r)
{
    const WpGraph *g = r->graph;
    const WpScoring *s = r->scoring;
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
    json_builder_add_double_value(b, wp_model_intermediary_factor(wp_scoring_model(s)));
    char day[11];
    wp_day_format(wp_scoring_as_of(s), day);
    json_builder_set_member_name(b, "as_of");
    json_builder_add_string_value(b, day);
    json_builder_end_object(b);
}

/* "direct": the sellers' direct ties, each with whether the seller can just ask, and
 * "direct_answer": whether the paths are those ties alone. */
static void json_direct(JsonBuilder *b, const WpScoring *s, const WpPathSet *set)
{
    const WpGraph *g = wp_scoring_graph(s);
    json_builder_set_member_name(b, "direct");
    json_builder_begin_array(b);
    for (guint i = 0; i < set->direct->len; i++) {
        const WpDirectTie *d = &g_array_index(set->direct, WpDirectTie, i);
        PathHop hop;
        path_hop_facts(s, d->tie, &hop);
        g_autofree char *type = path_types_text(&hop, "+", FALSE);
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "seller");
        json_builder_add_string_value(b, wp_graph_person_id(g, d->seller));
        json_builder_set_member_name(b, "person");
        json_builder_add_string_value(b, wp_graph_person_id(g, d->person));
        json_builder_set_member_name(b, "type");
        json_builder_add_string_value(b, type);
        json_builder_set_member_name(b, "effective_strength");
        json_builder_add_double_value(b, d->strength);
        const struct {
            const char *name;
            gboolean value;
        } flags[] = {{"strong", wp_direct_tie_is_strong(d)},
                     {"weak", (d->flags & WP_DIRECT_WEAK) != 0},
                     {"gone_cold", (d->flags & WP_DIRECT_COLD) != 0},
                     {"never_interacted", (d->flags & WP_DIRECT_NEVER) != 0},
                     {"team_tie", (d->flags & WP_DIRECT_TEAM) != 0}};
        for (guint k = 0; k < G_N_ELEMENTS(flags); k++) {
            json_builder_set_member_name(b, flags[k].name);
            json_builder_add_boolean_value(b, flags[k].value);
        }
        json_builder_set_member_name(b, "advice");
        json_builder_add_string_value(b, wp_direct_tie_is_strong(d) ? "ask" : "reconnect");
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_set_member_name(b, "direct_answer");
    json_builder_add_boolean_value(b, set->direct_answer);
}

JsonNode *path_output_json(const PathReport *r)
{
    const WpScoring *s = r->scoring;
    const WpPathSet *set = r->set;
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_query(b, r);
    json_direct(b, s, set);
    json_paths(b, s, "paths", set->paths);
    json_builder_set_member_name(b, "at_least_one");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "probability");
    json_builder_add_double_value(b, set->at_least_one);
    json_builder_set_member_name(b, "assumes");
    json_builder_add_string_value(b, set->at_least_one_exact ? PATH_ASSUMES_EXACT
                                                             : PATH_ASSUMES_INDEPENDENT);
    json_builder_end_object(b);
    if (r->company == NULL) {
        json_builder_set_member_name(b, "no_path");
        if (set->paths->len > 0) {
            json_builder_add_null_value(b);
        } else {
            json_builder_begin_object(b);
            json_builder_set_member_name(b, "beyond_limits");
            if (set->unconstrained.n_people > 0)
                json_path(b, s, &set->unconstrained);
            else
                json_builder_add_null_value(b);
            json_paths(b, s, "colleagues", set->suggestions);
            json_builder_end_object(b);
        }
    }
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
