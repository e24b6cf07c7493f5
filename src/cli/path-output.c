/* SPDX-License-Identifier: MIT */
/* warmpath path --format csv: one row per hop, each hop's reasons as cells. */
#include "cli/path-output.h"

#include <math.h>

/* Numbers in CSV: full precision, no locale. */
static char *exact(double x)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, "%.6g", x));
}

/* "never_interacted gone_cold social_only team_tie": the flags a hop has. */
static char *status_cell(const WpHopReason *hop)
{
    g_autoptr(GString) status = g_string_new(NULL);
    if (hop->flags & WP_HOP_NEVER_INTERACTED)
        g_string_append(status, "never_interacted ");
    if (hop->flags & WP_HOP_GONE_COLD)
        g_string_append(status, "gone_cold ");
    if (hop->flags & WP_HOP_SOCIAL_ONLY)
        g_string_append(status, "social_only ");
    if (hop->flags & WP_HOP_TEAM_TIE)
        g_string_append(status, "team_tie ");
    if (status->len > 0)
        g_string_truncate(status, status->len - 1);
    return g_strdup(status->str);
}

/* A contact detail of @p from the people file; "" when absent. */
static const char *contact(const WpGraph *g, WpPerson p, const char *column)
{
    const char *value = wp_graph_person_attr(g, p, column);
    return value != NULL ? value : "";
}

static void add_hop_row(CliTable *t, const WpGraph *g, const char *rank, const char *prob,
                        const WpPathReason *path, const WpHopReason *hop)
{
    g_autofree char *hop_no = g_strdup_printf("%u", hop->position + 1);
    g_autofree char *types = wp_report_tie_types_text(hop, FALSE);
    g_autofree char *declared = isnan(hop->declared) ? g_strdup("") : exact(hop->declared);
    g_autofree char *effective = exact(hop->effective);
    char day[11];
    wp_day_format(hop->last_contact, day);
    g_autofree char *age = hop->age_days >= 0 ? g_strdup_printf("%d", hop->age_days) : g_strdup("");
    g_autofree char *recency = exact(hop->recency);
    g_autofree char *status = status_cell(hop);
    g_autofree char *factor = exact(hop->intermediary_factor);
    const char *cells[] = {rank,
                           prob,
                           wp_graph_person_id(g, path->seller),
                           path->source != WP_PERSON_NONE ? wp_graph_person_id(g, path->source)
                                                          : "",
                           hop_no,
                           wp_graph_person_id(g, hop->from),
                           wp_graph_person_label(g, hop->from),
                           wp_graph_person_id(g, hop->to),
                           wp_graph_person_label(g, hop->to),
                           types,
                           declared,
                           effective,
                           day,
                           age,
                           recency,
                           status,
                           factor,
                           contact(g, hop->to, WP_COLUMN_EMAIL),
                           contact(g, hop->to, WP_COLUMN_LINKEDIN_URL),
                           contact(g, hop->to, WP_COLUMN_PHONE)};
    cli_table_add_row(t, cells);
}

void path_output_csv(const WpPathReport *r, GString *out)
{
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
                             "intermediary_factor",
                             "to_email",
                             "to_linkedin_url",
                             "to_phone"};
    for (guint c = 0; c < G_N_ELEMENTS(columns); c++)
        cli_table_add_column(t, columns[c],
                             c == 0 || c == 1 || c == 4 ||
                                     (c >= 10 && c <= 16 && c != 12 && c != 15)
                                 ? CLI_CELL_NUMBER
                                 : CLI_CELL_TEXT);
    for (guint i = 0; i < r->paths->len; i++) {
        const WpPathReason *path = &g_array_index(r->paths, WpPathReason, i);
        g_autofree char *rank = g_strdup_printf("%u", i + 1);
        g_autofree char *prob = exact(path->path->probability);
        for (guint h = 0; h < path->n_hops; h++)
            add_hop_row(t, r->graph, rank, prob, path, &path->hops[h]);
    }
    cli_table_render(t, CLI_FORMAT_CSV, 0, out);
}
