/* SPDX-License-Identifier: MIT */
/* warmpath draft: the intro request for one referral source, written for the seller. */
#include "cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* With --via, the search looks this far down the sources for the one named. */
#define VIA_MAX_PATHS 1000

typedef struct {
    char *from;
    char *to;
    char *at;
    char *via;
    char *template_file;
    char *lang;
    gboolean record;
    char *on;
    char *note;
    char *by;
    char *ledger;
    CliSearchOptions search;
} DraftOptions;

static void draft_options_clear(DraftOptions *o)
{
    g_free(o->from);
    g_free(o->to);
    g_free(o->at);
    g_free(o->via);
    g_free(o->template_file);
    g_free(o->lang);
    g_free(o->on);
    g_free(o->note);
    g_free(o->by);
    g_free(o->ledger);
    cli_search_options_clear(&o->search);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(DraftOptions, draft_options_clear)

/* The Date of an .eml: SOURCE_DATE_EPOCH when set (reproducible output, the convention of
 * reproducible builds), else now. NULL with a usage error printed for a bad value. */
static GDateTime *eml_date(int *rc)
{
    const char *epoch = g_getenv("SOURCE_DATE_EPOCH");
    if (epoch == NULL || epoch[0] == '\0')
        return g_date_time_new_now_utc();
    char *end = NULL;
    gint64 seconds = g_ascii_strtoll(epoch, &end, 10);
    GDateTime *t = *end == '\0' && seconds >= 0 ? g_date_time_new_from_unix_utc(seconds) : NULL;
    if (t == NULL) {
        g_autofree char *shown = wp_text_excerpt(epoch);
        *rc = cli_usage_error("draft", "SOURCE_DATE_EPOCH: '%s' is not a number of seconds", shown);
    }
    return t;
}

/* The path to draft: the one through --via, else the best one with a referral source (a
 * direct path has no one to ask). NULL when there is none: *rc is then set, the reason printed
 * (an empty answer is an answer, exit 0, as for path). */
static const WpPathReason *choose_path(const WpPathReport *report, WpPerson via, int *rc)
{
    const WpGraph *graph = report->graph;
    for (guint i = 0; i < report->paths->len; i++) {
        const WpPathReason *p = &g_array_index(report->paths, WpPathReason, i);
        if (p->path->n_people >= 3 && (via == WP_PERSON_NONE || p->source == via))
            return p;
    }
    if (via != WP_PERSON_NONE) {
        fprintf(stderr,
                "warmpath: %s is not a referral source on any path to %s within the limits; "
                "'warmpath path' lists the sources\n",
                wp_graph_person_label(graph, via),
                wp_graph_person_label(graph, report->set->target));
        *rc = CLI_EXIT_FAILURE;
        return NULL;
    }
    g_autoptr(GString) out = g_string_new(NULL);
    if (report->paths->len > 0) {
        g_autofree char *line = g_strdup_printf(
            "%s is a direct contact: ask them yourself, there is no introduction to draft.",
            wp_graph_person_label(graph, report->set->target));
        cli_append_line(out, line);
    } else {
        g_autoptr(GPtrArray) sentences = wp_report_no_path_sentences(report);
        for (guint i = 0; i < sentences->len; i++)
            cli_append_line(out, g_ptr_array_index(sentences, i));
        cli_append_line(out, "Nothing to draft.");
    }
    fputs(out->str, stdout);
    *rc = CLI_EXIT_OK;
    return NULL;
}

/* The draft in the format asked for; with @recorded (--record), JSON gets it as "recorded". An
 * .eml has no header: what the header would say goes to standard error. */
static gboolean emit(const CliCommon *common, const WpDraft *draft, JsonNode *recorded, int *rc,
                     GError **error)
{
    g_autoptr(GString) out = g_string_new(NULL);
    switch (common->format_value) {
    case CLI_FORMAT_JSON: {
        g_autoptr(JsonNode) root = wp_draft_to_json(draft);
        if (recorded != NULL)
            json_object_set_member(json_node_get_object(root), "recorded", json_node_ref(recorded));
        return cli_emit_json(common, root, error);
    }
    case CLI_FORMAT_EML: {
        g_autoptr(GDateTime) date = eml_date(rc);
        if (date == NULL)
            return TRUE; /* *rc says why */
        if (draft->header != NULL) {
            g_auto(GStrv) lines = g_strsplit(draft->header, "\n", -1);
            for (guint i = 0; lines[i] != NULL; i++)
                cli_warn("%s", lines[i]);
        }
        g_autofree char *eml = wp_draft_to_eml(draft, date);
        return cli_emit(common, eml, strlen(eml), error);
    }
    case CLI_FORMAT_MARKDOWN:
    case CLI_FORMAT_TEXT:
    default: {
        g_autofree char *text =
            wp_draft_to_text(draft, common->format_value == CLI_FORMAT_MARKDOWN);
        cli_append_text(out, text);
        return cli_emit(common, out->str, out->len, error);
    }
    }
}

/* Finds the answer the draft is written from, and the --via person; NULL with *rc set on
 * failure. */
static WpPathSet *find_set(const WpScoring *scoring, const DraftOptions *o, const GArray *sellers,
                           const WpPathQuery *query, WpPerson *via, int *rc)
{
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GError) error = NULL;
    WpPerson target = wp_select_person(graph, o->to, o->at, "--to", "--at", &error);
    if (target != WP_PERSON_NONE && o->via != NULL)
        *via = wp_select_person(graph, o->via, NULL, "--via", NULL, &error);
    if (error != NULL) {
        *rc = cli_fail_select("draft", graph, error);
        return NULL;
    }
    WpPathSet *set = wp_path_find(scoring, NULL, (const WpPerson *)sellers->data, sellers->len,
                                  target, query, NULL, &error);
    if (set == NULL)
        *rc = cli_fail(error);
    return set;
}

/* The options that only make sense together; the day of the ask (--on, else for a draft that
 * is only read the --as-of day, else today) in *day. */
static int check_record_options(const DraftOptions *o, const CliCommon *common, WpDay *day)
{
    if (!o->record && (o->note != NULL || o->by != NULL))
        return cli_usage_error("draft", "--note and --by go with --record");
    if (o->record && o->ledger != NULL &&
        (g_str_has_suffix(o->ledger, ".csv") || g_str_has_suffix(o->ledger, ".csv.gz")))
        return cli_usage_error("draft",
                               "--record writes to a ledger database, not to an "
                               "export ('%s'); 'warmpath ledger import' reads exports",
                               o->ledger);
    *day = WP_DAY_NONE;
    if (o->on != NULL && !wp_day_parse(o->on, day)) {
        g_autofree char *shown = wp_text_excerpt(o->on);
        return cli_usage_error("draft", "--on: '%s' is not a date YYYY-MM-DD", shown);
    }
    if (*day == WP_DAY_NONE && o->record)
        *day = wp_day_today();
    if (*day == WP_DAY_NONE && common->as_of == NULL)
        *day = wp_day_today();
    return CLI_EXIT_OK; /* WP_DAY_NONE left: the scoring's --as-of day */
}

/* --record: the ask `warmpath ask` would record, with the draft's message; the draft's header
 * then names the ask. *recorded gets the JSON of `ask`. */
static int record(const DraftOptions *o, const WpScoring *scoring, WpDraft *draft,
                  const WpPathReason *path, const WpPathQuery *query, const char *file, WpDay day,
                  JsonNode **recorded)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(file, WP_LEDGER_OPEN_CREATE, &error);
    if (ledger == NULL)
        return cli_fail(error);
    WpDraftAsk details = {day, o->note, o->at, o->by, o->via != NULL, query};
    g_autoptr(WpAskProposal) proposal = NULL;
    g_autoptr(GPtrArray) warnings = NULL;
    g_autoptr(WpAsk) ask =
        wp_draft_record(ledger, scoring, draft, path, &details, &proposal, &warnings, &error);
    if (ask == NULL)
        return g_error_matches(error, WP_ERROR, WP_ERROR_USAGE)
                   ? cli_usage_error("draft", "%s", error->message)
                   : cli_fail(error);
    char on[11];
    wp_day_format(ask->asked_on, on);
    g_autofree char *line = g_strdup_printf("Recorded as ask %" G_GINT64_FORMAT
                                            " (asked %s); record what happens with 'warmpath "
                                            "update %" G_GINT64_FORMAT " STATE'.",
                                            ask->id, on, ask->id);
    wp_draft_add_header(draft, line);
    *recorded = wp_ask_recorded_json(ask, proposal, warnings);
    return CLI_EXIT_OK;
}

int cmd_draft(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_auto(DraftOptions) o = {0};
    const GOptionEntry entries[] = {
        {"from", 0, 0, G_OPTION_ARG_STRING, &o.from, "The seller who asks: an id or a name",
         "SELLER"},
        {"to", 0, 0, G_OPTION_ARG_STRING, &o.to, "The buyer to be introduced to", "TARGET"},
        {"at", 0, 0, G_OPTION_ARG_STRING, &o.at, "The account --to works at", "COMPANY"},
        {"via", 0, 0, G_OPTION_ARG_STRING, &o.via,
         "The referral source to ask (default: the best path's)", "SOURCE"},
        {"template", 0, 0, G_OPTION_ARG_FILENAME, &o.template_file,
         "Word the draft with this template (default: the built-in one)", "FILE"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, "Language of the built-in template (en)",
         "LANG"},
        {"record", 0, 0, G_OPTION_ARG_NONE, &o.record,
         "Record the ask in the ledger with the draft attached, as 'warmpath ask' would", NULL},
        {"on", 0, 0, G_OPTION_ARG_STRING, &o.on,
         "The day of the ask (default: today; a draft not recorded: --as-of)", "YYYY-MM-DD"},
        {"note", 0, 0, G_OPTION_ARG_STRING, &o.note, "With --record: a note kept with the ask",
         "TEXT"},
        {"by", 0, 0, G_OPTION_ARG_STRING, &o.by,
         "With --record: who records it (default: the user name of the account)", "WHO"},
        {"ledger", 'l', 0, G_OPTION_ARG_FILENAME, &o.ledger,
         "The ledger (default: DIR/ledger.db of --data, when there is one); without --record "
         "also a ledger export FILE.csv",
         "FILE"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(
        context, "Write the intro request for one referral source: the message to the source "
                 "(reconnect, why this buyer, the ask) and a short note they can forward, from "
                 "the profile's [brief]. Nothing is sent.\n\n"
                 "When the data folder has a ledger (or --ledger names one), the draft's header "
                 "says whether the source already has the profile's [ledger] ask_cap open asks, "
                 "declined or was asked within recent_ask_days. --record records the ask as "
                 "'warmpath ask' would for the same --from, --to, --at and --via, with the "
                 "message attached ('warmpath ledger show ID' shows it); a draft without "
                 "--record never creates a ledger.\n\n"
                 "Exit codes: 0 ok (no path is an answer), 1 failure, 2 usage, 3 bad data, 4 "
                 "unknown or ambiguous person.");
    GOptionGroup *group = g_option_group_new("draft", "draft options", "draft options", &o, NULL);
    g_option_group_add_entries(group, entries);
    cli_search_add_options(group, &o.search,
                           "Leave out paths less likely than P (default: the model's, 0.01)");
    g_option_context_set_main_group(context, group);
    cli_common_add_options(context, &common, CLI_FORMATS_DRAFT);
    if (!cli_parse_command(context, &argc, &argv, &common, CLI_FORMATS_DRAFT, "draft"))
        return CLI_EXIT_USAGE;
    if (o.from == NULL)
        return cli_usage_error("draft", "say who asks: --from SELLER");
    if (o.to == NULL)
        return cli_usage_error("draft", "say whom to reach: --to TARGET");
    CliSearchLimits limits;
    int rc = cli_search_limits_parse("draft", &o.search, &limits);
    if (rc != 0)
        return rc;
    WpDay day = WP_DAY_NONE;
    if ((rc = check_record_options(&o, &common, &day)) != 0)
        return rc;
    g_autofree char *ledger_file = NULL;
    if (o.record && (ledger_file = cli_ledger_file("draft", o.ledger, common.data_dir)) == NULL)
        return CLI_EXIT_USAGE;
    g_autoptr(WpDraftTemplate) tmpl = cli_draft_template("draft", o.template_file, o.lang, &rc);
    if (tmpl == NULL)
        return rc;

    g_autoptr(GError) error = NULL;
    g_autoptr(WpScoring) scoring = cli_load_scoring(&common, &error);
    if (scoring == NULL)
        return cli_fail(error);
    const WpGraph *graph = wp_scoring_graph(scoring);
    g_autoptr(GArray) sellers = wp_select_sellers(graph, o.from, FALSE, NULL, &error);
    if (sellers == NULL)
        return cli_fail_select("draft", graph, error);
    if (o.record && sellers->len != 1)
        return cli_usage_error("draft", "--from: an ask is one seller's; name one to --record");
    if (day == WP_DAY_NONE)
        day = wp_scoring_as_of(scoring);
    WpPerson via = WP_PERSON_NONE;
    WpPathQuery query = {
        .k = o.via != NULL ? VIA_MAX_PATHS : 5,
        .max_hops = cli_search_hops(scoring, &limits),
        .min_probability = cli_search_floor(scoring, &limits),
    };
    g_autoptr(WpPathSet) set = find_set(scoring, &o, sellers, &query, &via, &rc);
    if (set == NULL)
        return rc;
    g_autofree char *model_text = g_strdup(common.model != NULL ? common.model : "default");
    WpPathRequest request = {
        (const WpPerson *)sellers->data, sellers->len, query, NULL, NULL, NULL, model_text};
    g_autoptr(WpPathReport) report = wp_path_report_new(scoring, set, &request);
    const WpPathReason *path = choose_path(report, via, &rc);
    if (path == NULL)
        return rc;
    g_autoptr(WpDraft) draft = wp_draft_new(report, path, tmpl, &error);
    if (draft == NULL)
        return cli_fail(error);
    draft->default_source = o.via == NULL;
    g_autoptr(JsonNode) recorded = NULL;
    if (o.record) {
        rc = record(&o, scoring, draft, path, &query, ledger_file, day, &recorded);
        if (rc != CLI_EXIT_OK)
            return rc;
    } else {
        g_autoptr(GPtrArray) asks = NULL;
        if (!cli_draft_asks(&common, o.ledger, &asks, &error))
            return cli_fail(error);
        if (asks != NULL)
            wp_draft_add_ledger_warnings(draft, asks, wp_scoring_model(scoring), day);
    }
    rc = CLI_EXIT_OK;
    if (!emit(&common, draft, recorded, &rc, &error))
        return cli_fail(error);
    return rc;
}
