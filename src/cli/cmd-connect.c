/* SPDX-License-Identifier: MIT */
/* warmpath connect: introductions the seller can make between their own contacts. */
#include "cli/cli.h"

#define MAX_COUNT 100000
#define DEFAULT_TABLE_TOP 20

/* The command's own options (GOption writes into these). */
typedef struct {
    CliSellers who; /* first: cli_on_team() finds it at the group's data */
    char **where;
    char *top;          /* as typed, NULL when not given */
    char *max_contacts; /* as typed, NULL when not given */
    char *ledger;       /* --ledger FILE, NULL: DIR/ledger.db when the folder has one */
    gboolean owed;      /* --owed: list who owes the sellers instead of the pairs */
} ConnectOptions;

static void connect_options_clear(ConnectOptions *o)
{
    cli_sellers_clear(&o->who);
    g_strfreev(o->where);
    g_free(o->top);
    g_free(o->max_contacts);
    g_free(o->ledger);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ConnectOptions, connect_options_clear)

static GOptionContext *make_context(ConnectOptions *o, CliCommon *common)
{
    const GOptionEntry entries[] = {
        {"from", 0, 0, G_OPTION_ARG_STRING, &o->who.from,
         "Who introduces: an id or a name; several separated by commas", "WHO"},
        {"team", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer)cli_on_team,
         "Everyone on a team introduces (--team=NAME: that team only)", "NAME"},
        {"where", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &o->where,
         "Only pairs where one of the two meets the filter, repeatable (AND): "
         "industry=Fintech  region!=UK  title~vp,cfo  id=p00067",
         "EXPR"},
        {"top", 'n', 0, G_OPTION_ARG_STRING, &o->top,
         "Pairs to list (default 20 in a table, all in csv/json; 0 = all)", "N"},
        {"max-contacts", 0, 0, G_OPTION_ARG_STRING, &o->max_contacts,
         "Pair only the N strongest contacts (default 200; 0 = all): the work grows with N "
         "squared",
         "N"},
        {"ledger", 'l', 0, G_OPTION_ARG_FILENAME, &o->ledger,
         "Who owes you from this ledger database or ledger export FILE.csv (default: "
         "DIR/ledger.db when the folder has one)",
         "FILE"},
        {"owed", 0, 0, G_OPTION_ARG_NONE, &o->owed,
         "List only who owes you (introductions given and not returned), not the pairs", NULL},
        G_OPTION_ENTRY_NULL};
    GOptionContext *context = g_option_context_new("");
    g_option_context_set_summary(
        context,
        "Propose introductions the seller can make: pairs of their own contacts who are not "
        "tied to each other and would gain from meeting (a client and a vendor who serves the "
        "client's industry, a seller and an account another contact works at, peers in one "
        "function, two people who both trust you), scored by the seller's ties to both, how "
        "well they fit, and how few people already join them, each with its reason. Giving "
        "introductions is how referrals are earned (docs/connect.md). After the pairs, who owes "
        "you: the people you introduced to someone (warmpath ask --given) who have not "
        "introduced you since, from the ledger when there is one.");
    GOptionGroup *group =
        g_option_group_new("connect", "connect options", "connect options", o, NULL);
    g_option_group_add_entries(group, entries);
    g_option_context_set_main_group(context, group);
    cli_common_add_options(context, common, CLI_FORMATS_TEXT);
    return context;
}

/* "Who owes you: ..." and, when someone does, their table. */
static void owed_section(const GPtrArray *favours, guint given, guint returned, gboolean several,
                         WpDay as_of, GString *out)
{
    g_autofree char *summary = wp_favours_summary(favours, given, returned, several);
    cli_append_line(out, summary);
    if (favours->len == 0)
        return;
    g_string_append_c(out, '\n');
    g_autoptr(WpTable) table = wp_favours_table(favours, as_of, FALSE);
    cli_table_render(table, CLI_FORMAT_TABLE, 0, out);
}

/* A person's view: the heading, the pairs, each pair's reason, then what was left out. */
static void output_table(const WpConnectReport *report, GString *out)
{
    g_autofree char *heading = wp_connect_report_heading(report);
    cli_append_line(out, heading);
    const GArray *pairs = report->result->pairs;
    if (pairs->len > 0) {
        g_string_append_c(out, '\n');
        g_autoptr(WpTable) table = wp_report_connect_table(report, FALSE);
        cli_table_render(table, CLI_FORMAT_TABLE, 0, out);
        guint more = report->result->n_pairs - pairs->len;
        if (more > 0)
            g_string_append_printf(out, "(%u more; use --top 0 to see all)\n", more);
        g_string_append(out, "\nWhy:\n");
        for (guint i = 0; i < pairs->len; i++) {
            g_autofree char *why =
                wp_connect_pair_why(report, &g_array_index(pairs, WpConnectPair, i));
            g_autofree char *line = g_strdup_printf("%u. %s", i + 1, why);
            cli_append_line(out, line);
        }
    }
    g_autoptr(GPtrArray) notes = wp_connect_report_notes(report);
    if (notes->len > 0)
        g_string_append_c(out, '\n');
    for (guint i = 0; i < notes->len; i++)
        cli_append_line(out, notes->pdata[i]);
    if (report->owed != NULL) {
        g_string_append_c(out, '\n');
        owed_section(report->owed, report->owed_given, report->owed_returned,
                     report->result->sellers->len > 1, wp_scoring_as_of(report->scoring), out);
    }
}

static gboolean emit(const CliCommon *common, const WpConnectReport *report, GError **error)
{
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_report_connect_json(report);
        return cli_emit_json(common, root, error);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    if (common->format_value == CLI_FORMAT_CSV) {
        g_autoptr(WpTable) table = wp_report_connect_table(report, TRUE);
        cli_table_render(table, CLI_FORMAT_CSV, 0, out);
    } else {
        output_table(report, out);
    }
    return cli_emit(common, out->str, out->len, error);
}

/* --owed: who owes the sellers, and nothing else. CSV has the detailed rows
 * (wp_favours_table()), one header, for a pipeline. */
static gboolean emit_owed(const CliCommon *common, const GPtrArray *favours, guint given,
                          guint returned, gboolean several, WpDay as_of, GError **error)
{
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_favours_to_json(favours, given, returned, as_of);
        return cli_emit_json(common, root, error);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    if (common->format_value == CLI_FORMAT_CSV) {
        g_autoptr(WpTable) table = wp_favours_table(favours, as_of, TRUE);
        cli_table_render(table, CLI_FORMAT_CSV, 0, out);
    } else {
        owed_section(favours, given, returned, several, as_of, out);
    }
    return cli_emit(common, out->str, out->len, error);
}

/* The sellers' asks for "who owes you": from --ledger FILE, else DIR/ledger.db. NULL without an
 * error when there is no ledger to read (no --ledger, and the folder has none): connect only
 * reads, and never creates a ledger. */
static GPtrArray *read_asks(const ConnectOptions *o, const CliCommon *common,
                            const char *const *seller_ids, GError **error)
{
    WpAskFilter filter = {seller_ids, WP_DAY_NONE, WP_DAY_NONE};
    if (o->ledger != NULL)
        return cli_read_asks(o->ledger, &filter, error);
    if (common->data_dir == NULL)
        return NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open_for_folder(common->data_dir, error);
    return ledger != NULL ? wp_ledger_list_asks(ledger, &filter, error) : NULL;
}

/* The filter --where names, checked against the network, its values no one has named on
 * standard error; NULL without --where. */
static WpWhere *select_where(const ConnectOptions *o, const WpGraph *graph, GError **error)
{
    if (o->where == NULL)
        return NULL;
    WpWhere *where = wp_select_where(graph, (const char *const *)o->where, "--where", error);
    if (where != NULL) {
        g_autofree char *explained = wp_where_explain_text(where, graph, "--where", G_MAXUINT);
        cli_warn_text(explained);
    }
    return where;
}

int cmd_connect(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_auto(ConnectOptions) o = {0};
    g_autoptr(GOptionContext) context = make_context(&o, &common);
    if (!cli_parse_command(context, &argc, &argv, &common, CLI_FORMATS_TEXT, "connect"))
        return CLI_EXIT_USAGE;
    if (o.who.from == NULL && !o.who.team)
        return cli_usage_error("connect", "say who introduces: --from WHO[,WHO...] or "
                                          "--team[=NAME]");
    gint64 top = -1, max_contacts = WP_CONNECT_DEFAULT_MAX_CONTACTS;
    int rc = cli_parse_count("connect", "--top", o.top, 0, MAX_COUNT,
                             "a number of pairs, 0 for all", &top);
    if (rc == 0)
        rc = cli_parse_count("connect", "--max-contacts", o.max_contacts, 0, G_MAXUINT32,
                             "a number of contacts, 0 for all", &max_contacts);
    if (rc != 0)
        return rc;

    g_autoptr(GError) error = NULL;
    g_autoptr(WpScoring) scoring = cli_load_scoring(&common, &error);
    if (scoring == NULL)
        return cli_fail(error);
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GArray) sellers = cli_sellers_select(&o.who, graph, &error);
    if (sellers == NULL)
        return cli_fail_select("connect", graph, error);
    g_autoptr(WpWhere) where = select_where(&o, graph, &error);
    if (where == NULL && error != NULL)
        return cli_fail_for("connect", error);

    g_autoptr(GPtrArray) asks = NULL;
    g_autoptr(GPtrArray) owed = NULL;
    guint given = 0, returned = 0;
    {
        g_auto(GStrv) ids = wp_select_ids(graph, sellers);
        asks = read_asks(&o, &common, (const char *const *)ids, &error);
        if (asks == NULL && error != NULL)
            return cli_fail(error);
        if (asks != NULL)
            owed = wp_favours_owed(asks, (const char *const *)ids, wp_scoring_as_of(scoring),
                                   &given, &returned);
    }
    if (o.owed && owed == NULL && common.data_dir == NULL)
        return cli_usage_error("connect", "--owed needs a ledger: use --ledger FILE or --data DIR");
    if (o.owed && owed == NULL) {
        g_autofree char *path = wp_ledger_path_in_folder(common.data_dir);
        g_autofree char *db = g_filename_display_name(path);
        g_set_error(&error, WP_ERROR, WP_ERROR_FAILED,
                    "--owed: no ledger: %s does not exist (record the introductions you give "
                    "with warmpath ask --given, or name a ledger with --ledger FILE)",
                    db);
        return cli_fail(error);
    }
    if (o.owed) {
        if (!emit_owed(&common, owed, given, returned, sellers->len > 1, wp_scoring_as_of(scoring),
                       &error))
            return cli_fail(error);
        return CLI_EXIT_OK;
    }

    guint shown = top >= 0                                  ? (guint)top
                  : common.format_value == CLI_FORMAT_TABLE ? DEFAULT_TABLE_TOP
                                                            : 0;
    WpConnectQuery query = {(const WpPerson *)sellers->data, sellers->len, where,
                            (guint)max_contacts, shown};
    g_autoptr(WpConnectResult) result = wp_connect_find(scoring, &query, NULL, &error);
    if (result == NULL)
        return cli_fail(error);
    g_autofree char *where_text = o.where ? g_strjoinv(" and ", o.where) : NULL;
    g_autoptr(WpConnectReport) report = wp_connect_report_new(
        scoring, result, common.model != NULL ? common.model : "default", where_text);
    if (owed != NULL)
        wp_connect_report_set_owed(report, owed, given, returned);
    if (!emit(&common, report, &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}
