/* SPDX-License-Identifier: MIT */
/* warmpath ask: record that a seller asked a referral source for an introduction (or made
 * one: --given). */
#include "cli/cli.h"

#include <stdio.h>

typedef struct {
    char *from;
    char *to;
    char *at;
    char *via;
    char *given_for;
    gboolean given;
    char *on;
    char *note;
    char *ledger;
    char *by;
} AskOptions;

static void ask_options_clear(AskOptions *o)
{
    g_free(o->from);
    g_free(o->to);
    g_free(o->at);
    g_free(o->via);
    g_free(o->given_for);
    g_free(o->on);
    g_free(o->note);
    g_free(o->ledger);
    g_free(o->by);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(AskOptions, ask_options_clear)

static int check_options(const AskOptions *o)
{
    if (o->from == NULL)
        return cli_usage_error("ask", "say who asks: --from SELLER");
    if (o->to == NULL)
        return cli_usage_error("ask", "say whom the introduction is to: --to TARGET");
    if (o->given && o->given_for == NULL)
        return cli_usage_error("ask", "--given needs --for WHO: the person you introduced");
    if (!o->given && o->given_for != NULL)
        return cli_usage_error("ask", "--for goes with --given");
    if (o->given && o->via != NULL)
        return cli_usage_error("ask", "--via is for asks; with --given, --for names who you "
                                      "introduced");
    return CLI_EXIT_OK;
}

/* Whom the options name, selected as `path` selects them; exit code in *rc on failure. */
static WpAskProposal *propose(const WpScoring *scoring, const AskOptions *o, int *rc)
{
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) sellers = wp_select_sellers(graph, o->from, FALSE, NULL, &error);
    if (sellers == NULL) {
        *rc = cli_fail_select("ask", graph, error);
        return NULL;
    }
    if (sellers->len != 1) {
        *rc = cli_usage_error("ask", "--from: an ask is one seller's; name one");
        return NULL;
    }
    WpPerson seller = g_array_index(sellers, WpPerson, 0);
    WpPerson target = wp_select_person(graph, o->to, o->at, "--to", "--at", &error);
    WpPerson via = WP_PERSON_NONE;
    if (target != WP_PERSON_NONE && (o->via != NULL || o->given_for != NULL))
        via = wp_select_person(graph, o->via ? o->via : o->given_for, NULL,
                               o->via ? "--via" : "--for", NULL, &error);
    if (error != NULL) {
        *rc = cli_fail_select("ask", graph, error);
        return NULL;
    }
    WpAskProposal *p = o->given ? wp_ask_propose_given(graph, seller, via, target, &error)
                                : wp_ask_propose(scoring, seller, target, via, NULL, &error);
    if (p == NULL)
        *rc = g_error_matches(error, WP_ERROR, WP_ERROR_USAGE)
                  ? cli_usage_error("ask", "%s", error->message)
                  : cli_fail(error);
    return p;
}

static gboolean emit(const CliCommon *common, const WpAsk *ask, const WpAskProposal *proposal,
                     const GPtrArray *warnings, GError **error)
{
    for (guint i = 0; i < warnings->len; i++) {
        const WpAskWarning *w = g_ptr_array_index(warnings, i);
        cli_warn("warning: %s", w->text);
    }
    if (common->format_value == CLI_FORMAT_JSON) {
        g_autoptr(JsonNode) root = wp_ask_recorded_json(ask, proposal, warnings);
        return cli_emit_json(common, root, error);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    g_autofree char *text = wp_ask_describe(ask);
    cli_append_line(out, g_strchomp(text));
    if (proposal->choice != NULL)
        cli_append_line(out, proposal->choice);
    g_string_append_printf(out,
                           "Recorded as ask %" G_GINT64_FORMAT "; record what happens with "
                           "'warmpath update %" G_GINT64_FORMAT " STATE'.\n",
                           ask->id, ask->id);
    return cli_emit(common, out->str, out->len, error);
}

/* Records the proposal in the ledger, with the warnings that protect its source. */
static int record(const CliCommon *common, const AskOptions *o, const WpScoring *scoring,
                  WpAskProposal *p, const char *file)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(file, WP_LEDGER_OPEN_CREATE, &error);
    if (ledger == NULL)
        return cli_fail(error);
    g_autoptr(GPtrArray) warnings = NULL;
    if (p->request.kind == WP_ASK_KIND_REQUEST) {
        g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, NULL, &error);
        if (asks == NULL)
            return cli_fail(error);
        warnings = wp_ledger_ask_warnings(asks, p, wp_scoring_model(scoring));
    } else {
        warnings = g_ptr_array_new();
    }
    p->request.note = o->note;
    p->request.at_company = o->at;
    p->request.recorded_by = o->by;
    g_autoptr(WpAsk) ask = wp_ledger_record_ask(ledger, &p->request, &error);
    if (ask == NULL)
        return cli_fail(error);
    if (!emit(common, ask, p, warnings, &error))
        return cli_fail(error);
    return CLI_EXIT_OK;
}

int cmd_ask(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_auto(AskOptions) o = {0};
    const GOptionEntry entries[] = {
        {"from", 0, 0, G_OPTION_ARG_STRING, &o.from, "The seller who asked (an id or a name)",
         "SELLER"},
        {"to", 0, 0, G_OPTION_ARG_STRING, &o.to, "The buyer the introduction is to", "TARGET"},
        {"at", 0, 0, G_OPTION_ARG_STRING, &o.at, "The account --to works at", "COMPANY"},
        {"via", 0, 0, G_OPTION_ARG_STRING, &o.via,
         "The referral source asked (default: the first person on the best path)", "SOURCE"},
        {"given", 0, 0, G_OPTION_ARG_NONE, &o.given,
         "Record an introduction the seller made: --for WHO was introduced to --to", NULL},
        {"for", 0, 0, G_OPTION_ARG_STRING, &o.given_for, "With --given: whom the seller introduced",
         "WHO"},
        {"on", 0, 0, G_OPTION_ARG_STRING, &o.on, "The day of the ask (default: today)",
         "YYYY-MM-DD"},
        {"note", 0, 0, G_OPTION_ARG_STRING, &o.note, "A note kept with the ask", "TEXT"},
        {"by", 0, 0, G_OPTION_ARG_STRING, &o.by,
         "Who records it (default: the user name of the account)", "WHO"},
        {"ledger", 'l', 0, G_OPTION_ARG_FILENAME, &o.ledger,
         "The ledger database (default: DIR/ledger.db of --data)", "FILE"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(
        context,
        "Record that a seller asked a referral source for an introduction to a buyer. Without "
        "--via the source is the first person on the best path, and the answer says so; the "
        "path and its predicted probability are kept with the ask. Warns when the source "
        "already has open asks or was asked recently (the profile's [ledger] ask_cap and "
        "recent_ask_days). The ledger is created on the first ask.\n\n"
        "Exit codes: 0 recorded, 1 failure (the ledger), 2 usage, 3 bad data, 4 unknown or "
        "ambiguous person.");
    g_option_context_add_main_entries(context, entries, NULL);
    guint formats = 1u << CLI_FORMAT_TABLE | 1u << CLI_FORMAT_JSON;
    cli_common_add_options(context, &common, formats);
    if (!cli_parse_command(context, &argc, &argv, &common, formats, "ask"))
        return CLI_EXIT_USAGE;
    int rc = check_options(&o);
    WpDay day = wp_day_today();
    if (rc == CLI_EXIT_OK && o.on != NULL && !wp_day_parse(o.on, &day)) {
        g_autofree char *shown = wp_text_excerpt(o.on);
        rc = cli_usage_error("ask", "--on: '%s' is not a date YYYY-MM-DD", shown);
    }
    g_autofree char *file = NULL;
    if (rc == CLI_EXIT_OK && (file = cli_ledger_file("ask", o.ledger, common.data_dir)) == NULL)
        rc = CLI_EXIT_USAGE;
    if (rc != CLI_EXIT_OK)
        return rc;

    g_autoptr(GError) error = NULL;
    g_autoptr(WpScoring) scoring = cli_load_scoring(&common, &error);
    if (scoring == NULL)
        return cli_fail(error);
    g_autoptr(WpAskProposal) proposal = propose(scoring, &o, &rc);
    if (proposal == NULL)
        return rc;
    proposal->request.day = day;
    return record(&common, &o, scoring, proposal, file);
}
