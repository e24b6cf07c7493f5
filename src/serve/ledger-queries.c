/* SPDX-License-Identifier: MIT */
/* The service's questions about the referral process: the intro-request draft, recording an
 * ask and what came of it, today's follow-ups and the metrics. Each checks its parameters as
 * the command does (`warmpath draft`, `ask`, `update`, `followups`, `metrics`: the same
 * messages), calls the same library functions and answers with the same JSON.
 *
 * The ledger: every question opens its own connection to DATA_DIR/ledger.db and closes it
 * before answering. A WpLedger belongs to one thread, and several connections may write one
 * database at once (WAL, a busy timeout, every change one BEGIN IMMEDIATE transaction), so
 * concurrent requests need no lock of ours; opening costs a fraction of a millisecond next
 * to the path search an ask makes, and a connection held per worker would keep a replaced
 * or deleted ledger file open. */
#include "serve/queries.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#define VIA_MAX_PATHS 1000 /* with via, the search looks this far down the sources (as draft) */
#define MAX_AMOUNT 1e15

G_DEFINE_QUARK(warmpath - serve - error - quark, serve_error)

static gboolean usage(GError **error, const char *message)
{
    g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE, message);
    return FALSE;
}

/* A day parameter as the commands read --on, --since and --until. */
static gboolean param_day(const ServeParams *params, const char *name, const char *option,
                          WpDay *out, GError **error)
{
    const char *text = serve_params_get(params, name);
    if (text == NULL || wp_day_parse(text, out))
        return TRUE;
    g_autofree char *shown = serve_text_quoted(text);
    g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "%s: '%s' is not a date YYYY-MM-DD", option,
                shown);
    return FALSE;
}

static gboolean have_ledger(const ServeQueryEnv *env, GError **error)
{
    if (env->ledger_file != NULL)
        return TRUE;
    g_set_error_literal(error, SERVE_ERROR, SERVE_ERROR_NO_LEDGER,
                        "this service has no ledger: start it with --data DIR (the ledger is "
                        "DIR/ledger.db)");
    return FALSE;
}

/* The asks of the ledger matching @filter; a ledger not created yet has none. */
static GPtrArray *read_asks(const ServeQueryEnv *env, const WpAskFilter *filter, GError **error)
{
    if (!have_ledger(env, error))
        return NULL;
    GError *open_error = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(env->ledger_file, WP_LEDGER_OPEN_READ, &open_error);
    if (ledger == NULL && g_error_matches(open_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
        g_error_free(open_error);
        return g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    }
    if (ledger == NULL) {
        g_propagate_error(error, open_error);
        return NULL;
    }
    return wp_ledger_list_asks(ledger, filter, error);
}

/* ---- drafts --------------------------------------------------------------------------------- */

static const ServeParamSpec draft_params[] = {
    {"from", "--from", SERVE_PARAM_STRING, "The seller who asks: an id or a name"},
    {"to", "--to", SERVE_PARAM_STRING, "The buyer to be introduced to: an id or a name"},
    {"at", "--at", SERVE_PARAM_STRING, "The account the buyer works at, to tell namesakes apart"},
    {"via", "--via", SERVE_PARAM_STRING,
     "The referral source to ask (default: the best path's source)"},
    {"lang", "--lang", SERVE_PARAM_STRING, "Language of the built-in template (en)"},
    {"max_hops", "--max-hops", SERVE_PARAM_INTEGER,
     "Longest path, 1-16 ties, 0 = no limit (default: the model's)"},
    {"min_probability", "--min-probability", SERVE_PARAM_NUMBER,
     "Leave out paths less likely than this, in [0, 1) (default: the model's)"},
    {NULL, NULL, 0, NULL},
};

/* cmd-draft.c's choose_path(): the path through @via, else the best one with a referral
 * source. None: WP_ERROR_NO_PATH with the sentences the command prints. */
static const WpPathReason *choose_path(const WpPathReport *report, WpPerson via, GError **error)
{
    const WpGraph *graph = report->graph;
    for (guint i = 0; i < report->paths->len; i++) {
        const WpPathReason *p = &g_array_index(report->paths, WpPathReason, i);
        if (p->path->n_people >= 3 && (via == WP_PERSON_NONE || p->source == via))
            return p;
    }
    const char *target = wp_graph_person_label(graph, report->set->target);
    if (via != WP_PERSON_NONE) {
        g_set_error(error, WP_ERROR, WP_ERROR_NO_PATH,
                    "%s is not a referral source on any path to %s within the limits; "
                    "'warmpath path' lists the sources",
                    wp_graph_person_label(graph, via), target);
    } else if (report->paths->len > 0) {
        g_set_error(error, WP_ERROR, WP_ERROR_NO_PATH,
                    "%s is a direct contact: ask them yourself, there is no introduction to "
                    "draft.",
                    target);
    } else {
        g_autoptr(GPtrArray) sentences = wp_report_no_path_sentences(report);
        g_ptr_array_add(sentences, "Nothing to draft.");
        g_ptr_array_add(sentences, NULL);
        g_autofree char *text = g_strjoinv(" ", (char **)sentences->pdata);
        g_set_error_literal(error, WP_ERROR, WP_ERROR_NO_PATH, text);
    }
    return NULL;
}

/* What the ledger says about the draft's source, in its header, as `warmpath draft` adds it
 * (on the service's day); reading never creates a ledger, and without one there is nothing to
 * add. */
static gboolean add_ledger_warnings(const ServeQueryEnv *env, WpDraft *draft, GError **error)
{
    if (env->ledger_file == NULL)
        return TRUE;
    g_autoptr(GPtrArray) asks = read_asks(env, NULL, error);
    if (asks == NULL)
        return FALSE;
    wp_draft_add_ledger_warnings(draft, asks, wp_scoring_model(env->scoring),
                                 wp_scoring_as_of(env->scoring));
    return TRUE;
}

/* `warmpath draft --format json`: the same search, path, wording and ledger warnings. */
static gboolean run_drafts(const ServeQueryEnv *env, const ServeParams *params, ServeAnswer *out,
                           GError **error)
{
    const WpGraph *graph = wp_scoring_graph(env->scoring);
    const WpModel *model = wp_scoring_model(env->scoring);
    const char *via_text = serve_params_get(params, "via");
    if (serve_params_get(params, "from") == NULL)
        return usage(error, "say who asks: --from SELLER");
    if (serve_params_get(params, "to") == NULL)
        return usage(error, "say whom to reach: --to TARGET");
    WpPathQuery query = {.k = via_text != NULL ? VIA_MAX_PATHS : 5,
                         .max_hops = wp_model_max_hops(model),
                         .min_probability = wp_model_min_probability(model)};
    gint64 hops = query.max_hops;
    g_autofree char *range =
        g_strdup_printf("a whole number of ties from 1 to %d (0 = no limit)", WP_MAX_HOPS);
    if (!serve_params_count(params, "max_hops", "--max-hops", 0, WP_MAX_HOPS, range, &hops, error))
        return FALSE;
    query.max_hops = (guint)hops;
    if (!serve_params_number(params, "min_probability", 0, 1, FALSE, &query.min_probability)) {
        g_autofree char *shown = serve_text_quoted(serve_params_get(params, "min_probability"));
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--min-probability: expected a number from 0 up to (not including) 1, not "
                    "'%s'",
                    shown);
        return FALSE;
    }
    g_autoptr(WpDraftTemplate) tmpl =
        wp_draft_template_new_default(serve_params_get(params, "lang"), error);
    if (tmpl == NULL)
        return FALSE;
    g_autoptr(GArray) sellers =
        wp_select_sellers(graph, serve_params_get(params, "from"), FALSE, NULL, error);
    if (sellers == NULL)
        return FALSE;
    WpPerson target = wp_select_person(graph, serve_params_get(params, "to"),
                                       serve_params_get(params, "at"), "--to", "--at", error);
    if (target == WP_PERSON_NONE)
        return FALSE;
    WpPerson via = WP_PERSON_NONE;
    if (via_text != NULL &&
        (via = wp_select_person(graph, via_text, NULL, "--via", NULL, error)) == WP_PERSON_NONE)
        return FALSE;
    g_autoptr(WpPathSet) set =
        wp_path_find(env->scoring, env->context, (const WpPerson *)sellers->data, sellers->len,
                     target, &query, env->cancellable, error);
    if (set == NULL)
        return FALSE;
    WpPathRequest request = {
        (const WpPerson *)sellers->data, sellers->len, query, NULL, NULL, NULL, env->model_name};
    g_autoptr(WpPathReport) report = wp_path_report_new(env->scoring, set, &request);
    const WpPathReason *path = choose_path(report, via, error);
    if (path == NULL)
        return FALSE;
    g_autoptr(WpDraft) draft = wp_draft_new(report, path, tmpl, error);
    if (draft == NULL)
        return FALSE;
    draft->default_source = via_text == NULL;
    if (!add_ledger_warnings(env, draft, error))
        return FALSE;
    out->json = wp_draft_to_json(draft);
    out->text = wp_draft_to_text(draft, FALSE);
    return TRUE;
}

/* ---- recording an ask ----------------------------------------------------------------------- */

static const ServeParamSpec ask_params[] = {
    {"from", "--from", SERVE_PARAM_STRING, "The seller who asked: an id or a name"},
    {"to", "--to", SERVE_PARAM_STRING, "The buyer the introduction is to"},
    {"at", "--at", SERVE_PARAM_STRING, "The account the buyer works at"},
    {"via", "--via", SERVE_PARAM_STRING,
     "The referral source asked (default: the first person on the best path)"},
    {"given", "--given", SERVE_PARAM_BOOLEAN,
     "Record an introduction the seller made instead: for was introduced to to"},
    {"for", "--for", SERVE_PARAM_STRING, "With given: whom the seller introduced"},
    {"on", "--on", SERVE_PARAM_STRING, "The day of the ask, YYYY-MM-DD (default: today)"},
    {"note", "--note", SERVE_PARAM_STRING, "A note kept with the ask"},
    {"draft", "--draft", SERVE_PARAM_STRING, "The intro request text to keep with the ask"},
    {"by", "--by", SERVE_PARAM_STRING,
     "Who records it (default: the user name the service runs as)"},
    {NULL, NULL, 0, NULL},
};

/* cmd-ask.c's check_options(), the same rules and messages. */
static gboolean check_ask_request(const ServeParams *params, GError **error)
{
    gboolean given = serve_params_flag(params, "given");
    const char *given_for = serve_params_get(params, "for");
    if (serve_params_get(params, "from") == NULL)
        return usage(error, "say who asks: --from SELLER");
    if (serve_params_get(params, "to") == NULL)
        return usage(error, "say whom the introduction is to: --to TARGET");
    if (given && given_for == NULL)
        return usage(error, "--given needs --for WHO: the person you introduced");
    if (!given && given_for != NULL)
        return usage(error, "--for goes with --given");
    if (given && serve_params_get(params, "via") != NULL)
        return usage(error, "--via is for asks; with --given, --for names who you introduced");
    return TRUE;
}

/* cmd-ask.c's propose(): whom the parameters name, and the path the ask goes through. */
static WpAskProposal *propose(const ServeQueryEnv *env, const ServeParams *params, GError **error)
{
    const WpGraph *graph = wp_scoring_graph(env->scoring);
    g_autoptr(GArray) sellers =
        wp_select_sellers(graph, serve_params_get(params, "from"), FALSE, NULL, error);
    if (sellers == NULL)
        return NULL;
    if (sellers->len != 1) {
        usage(error, "--from: an ask is one seller's; name one");
        return NULL;
    }
    WpPerson seller = g_array_index(sellers, WpPerson, 0);
    WpPerson target = wp_select_person(graph, serve_params_get(params, "to"),
                                       serve_params_get(params, "at"), "--to", "--at", error);
    if (target == WP_PERSON_NONE)
        return NULL;
    gboolean given = serve_params_flag(params, "given");
    const char *via_text = serve_params_get(params, given ? "for" : "via");
    WpPerson via = WP_PERSON_NONE;
    if (via_text != NULL &&
        (via = wp_select_person(graph, via_text, NULL, given ? "--for" : "--via", NULL, error)) ==
            WP_PERSON_NONE)
        return NULL;
    return given ? wp_ask_propose_given(graph, seller, via, target, error)
                 : wp_ask_propose(env->scoring, seller, target, via, NULL, error);
}

/* `warmpath ask --format json`: the proposal recorded with the warnings that protect its
 * source. The answer's text is the command's table output. */
static gboolean run_record_ask(const ServeQueryEnv *env, const ServeParams *params,
                               ServeAnswer *out, GError **error)
{
    WpDay day = wp_day_today();
    if (!check_ask_request(params, error) || !param_day(params, "on", "--on", &day, error) ||
        !have_ledger(env, error))
        return FALSE;
    g_autoptr(WpAskProposal) p = propose(env, params, error);
    if (p == NULL)
        return FALSE;
    if (g_cancellable_set_error_if_cancelled(env->cancellable, error))
        return FALSE; /* past the deadline: record nothing rather than answer late */
    p->request.day = day;
    g_autoptr(WpLedger) ledger = wp_ledger_open(env->ledger_file, WP_LEDGER_OPEN_CREATE, error);
    if (ledger == NULL)
        return FALSE;
    g_autoptr(GPtrArray) warnings = NULL;
    if (p->request.kind == WP_ASK_KIND_REQUEST) {
        g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, NULL, error);
        if (asks == NULL)
            return FALSE;
        warnings = wp_ledger_ask_warnings(asks, p, wp_scoring_model(env->scoring));
    } else {
        warnings = g_ptr_array_new();
    }
    p->request.note = serve_params_get(params, "note");
    p->request.at_company = serve_params_get(params, "at");
    p->request.recorded_by = serve_params_get(params, "by");
    p->request.draft = serve_params_get(params, "draft");
    g_autoptr(WpAsk) ask = wp_ledger_record_ask(ledger, &p->request, error);
    if (ask == NULL)
        return FALSE;
    out->json = wp_ask_recorded_json(ask, p, warnings);
    GString *text = g_string_new(NULL);
    for (guint i = 0; i < warnings->len; i++)
        g_string_append_printf(text, "Warning: %s\n",
                               ((const WpAskWarning *)g_ptr_array_index(warnings, i))->text);
    g_autofree char *described = wp_ask_describe(ask);
    g_string_append(text, described);
    if (p->choice != NULL)
        g_string_append_printf(text, "%s\n", p->choice);
    g_string_append_printf(text, "Recorded as ask %" G_GINT64_FORMAT ".\n", ask->id);
    out->text = g_string_free(text, FALSE);
    return TRUE;
}

/* ---- recording an event --------------------------------------------------------------------- */

static const ServeParamSpec event_params[] = {
    {"id", "ID", SERVE_PARAM_STRING, "The ask's number (in the URL: /v1/asks/ID/events)"},
    {"state", "STATE", SERVE_PARAM_STRING,
     "What the ask came to: agreed, declined, no-answer, introduced, meeting, no-response, "
     "opportunity, won or lost"},
    {"on", "--on", SERVE_PARAM_STRING, "The day it happened, YYYY-MM-DD (default: today)"},
    {"amount", "--amount", SERVE_PARAM_STRING, "Revenue (on won or opportunity), e.g. 12500.50"},
    {"note", "--note", SERVE_PARAM_STRING, "A note kept with the event"},
    {"by", "--by", SERVE_PARAM_STRING,
     "Who records it (default: the user name the service runs as)"},
    {NULL, NULL, 0, NULL},
};

/* cmd-update.c's parse_arguments(): the same rules and messages. */
static gboolean check_event_request(const ServeParams *params, gint64 *id, WpAskState *state,
                                    WpDay *day, double *amount, GError **error)
{
    const char *state_text = serve_params_get(params, "state");
    if (serve_params_get(params, "id") == NULL)
        return usage(error, "ID: say which ask (/v1/asks/ID/events)");
    if (!serve_params_count(params, "id", "ID", 1, G_MAXINT64, "an ask number", id, error))
        return FALSE;
    if (state_text == NULL)
        return usage(error, "state: say what the ask came to (e.g. {\"state\": \"agreed\"})");
    if (!wp_ask_state_from_name(state_text, state)) {
        g_autofree char *shown = serve_text_quoted(state_text);
        GString *states = g_string_new(NULL);
        for (guint s = 0; s < WP_ASK_N_STATES; s++)
            g_string_append_printf(states, "%s%s", s ? ", " : "", wp_ask_state_name(s));
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "'%s' is not a state; states: %s", shown,
                    states->str);
        g_string_free(states, TRUE);
        return FALSE;
    }
    *day = wp_day_today();
    if (!param_day(params, "on", "--on", day, error))
        return FALSE;
    const char *text = serve_params_get(params, "amount");
    if (text == NULL)
        return TRUE;
    char *end = NULL;
    *amount = g_ascii_strtod(text, &end);
    if (end == text || *end != '\0' || !isfinite(*amount) || *amount < 0 || *amount >= MAX_AMOUNT) {
        g_autofree char *shown = serve_text_quoted(text);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--amount: '%s' is not an amount such as 12500 or 12500.50 (digits, '.' for "
                    "decimals)",
                    shown);
        return FALSE;
    }
    return TRUE;
}

/* `warmpath update ID STATE --format json`. The request was checked first, so a refusal of
 * the ledger is about the ask: an unknown id (SERVE_ERROR_UNKNOWN_ASK) or a move its state
 * does not allow (SERVE_ERROR_CONFLICT, with the library's message naming the allowed ones). */
static gboolean run_record_event(const ServeQueryEnv *env, const ServeParams *params,
                                 ServeAnswer *out, GError **error)
{
    gint64 id = 0;
    WpAskState state = WP_ASK_ASKED;
    WpDay day = WP_DAY_NONE;
    double amount = 0;
    if (!check_event_request(params, &id, &state, &day, &amount, error) || !have_ledger(env, error))
        return FALSE;
    GError *local = NULL;
    g_autoptr(WpLedger) ledger = wp_ledger_open(env->ledger_file, WP_LEDGER_OPEN_READ, &local);
    g_autoptr(WpAsk) before = ledger != NULL ? wp_ledger_get_ask(ledger, id, &local) : NULL;
    if (before == NULL) { /* no ledger yet, or no such ask: both say the ask is unknown */
        if (g_error_matches(local, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
            g_error_matches(local, WP_ERROR, WP_ERROR_USAGE)) {
            g_set_error(
                error, SERVE_ERROR, SERVE_ERROR_UNKNOWN_ASK,
                "no ask %" G_GINT64_FORMAT " in the ledger; 'warmpath ledger list' lists them", id);
            g_error_free(local);
        } else {
            g_propagate_error(error, local);
        }
        return FALSE;
    }
    const char *amount_text = serve_params_get(params, "amount");
    g_autoptr(WpAsk) ask = wp_ledger_record_event(
        ledger, id, state, day, amount_text ? &amount : NULL, serve_params_get(params, "note"),
        serve_params_get(params, "by"), &local);
    if (ask == NULL) {
        if (g_error_matches(local, WP_ERROR, WP_ERROR_USAGE))
            local->domain = SERVE_ERROR, local->code = SERVE_ERROR_CONFLICT;
        g_propagate_error(error, local);
        return FALSE;
    }
    out->json = wp_ask_to_json(ask);
    out->text = wp_ask_describe(ask);
    return TRUE;
}

/* ---- follow-ups and metrics ----------------------------------------------------------------- */

#define HISTORY_PARAMS                                                                             \
    {"from", "--from", SERVE_PARAM_STRING,                                                         \
     "Only these sellers' asks (ids or names, comma-separated; default: everyone's)"},             \
    {                                                                                              \
        "team", "--team", SERVE_PARAM_STRING,                                                      \
            "Only the asks of a team's sellers (empty: every team; NAME: that team)"               \
    }

/* The network ids of the sellers from= and team= name (NULL: everyone). */
static gboolean seller_ids(const ServeQueryEnv *env, const ServeParams *params, char ***out,
                           GError **error)
{
    const char *from = serve_params_get(params, "from");
    const char *team = serve_params_get(params, "team");
    *out = NULL;
    if (from == NULL && team == NULL)
        return TRUE;
    const WpGraph *graph = wp_scoring_graph(env->scoring);
    g_autoptr(GArray) sellers =
        wp_select_sellers(graph, from, team != NULL, team != NULL && team[0] ? team : NULL, error);
    if (sellers == NULL)
        return FALSE;
    *out = wp_select_ids(graph, sellers);
    return TRUE;
}

static const ServeParamSpec followup_params[] = {
    HISTORY_PARAMS,
    {"where", "--where", SERVE_PARAM_STRINGS,
     "The territory a new client's reach is counted in, repeatable (AND; default: the "
     "profile's [territory])"},
    {NULL, NULL, 0, NULL},
};

/* `warmpath followups --format json`. */
static gboolean run_followups(const ServeQueryEnv *env, const ServeParams *params, ServeAnswer *out,
                              GError **error)
{
    g_auto(GStrv) ids = NULL;
    if (!seller_ids(env, params, &ids, error))
        return FALSE;
    WpAskFilter filter = {(const char *const *)ids, WP_DAY_NONE, WP_DAY_NONE};
    g_autoptr(GPtrArray) asks = read_asks(env, &filter, error);
    if (asks == NULL)
        return FALSE;
    g_auto(GStrv) where = serve_params_get_all(params, "where");
    WpFollowupOptions options = {.nudge_after_days =
                                     wp_model_nudge_after_days(wp_scoring_model(env->scoring)),
                                 .territory = (const char *const *)where};
    WpDay as_of = wp_scoring_as_of(env->scoring);
    g_autoptr(GPtrArray) followups =
        wp_followups_compute(asks, env->scoring, as_of, &options, env->cancellable, error);
    if (followups == NULL)
        return FALSE;
    out->json = wp_followups_to_json(followups, as_of);
    GString *text = g_string_new(NULL);
    for (guint i = 0; i < followups->len; i++) {
        const WpFollowup *f = g_ptr_array_index(followups, i);
        char due[11];
        wp_day_format(f->due, due);
        g_string_append_printf(text, "%u. Ask %" G_GINT64_FORMAT ", %s, due %s: %s\n", i + 1,
                               f->ask, wp_followup_action_name(f->action), due, f->sentence);
    }
    if (followups->len == 0) {
        char day[11];
        wp_day_format(as_of, day);
        g_string_append_printf(text, "No follow-ups due as of %s.\n", day);
    }
    out->text = g_string_free(text, FALSE);
    return TRUE;
}

static const ServeParamSpec metrics_params[] = {
    HISTORY_PARAMS,
    {"since", "--since", SERVE_PARAM_STRING, "Only asks made on or after this day (YYYY-MM-DD)"},
    {"until", "--until", SERVE_PARAM_STRING, "Only asks made on or before this day (YYYY-MM-DD)"},
    {"by", "--by", SERVE_PARAM_STRING, "Also count each step by week or month"},
    {"success", "--success", SERVE_PARAM_STRING,
     "What calibration counts as success: meeting (default) or introduced"},
    {NULL, NULL, 0, NULL},
};

/* cmd-followups.c's check_metrics_options(), the same rules and messages. */
static gboolean check_metrics_request(const ServeParams *params, WpMetricsOptions *mo,
                                      GError **error)
{
    if (!param_day(params, "since", "--since", &mo->since, error) ||
        !param_day(params, "until", "--until", &mo->until, error))
        return FALSE;
    if (mo->since != WP_DAY_NONE && mo->until != WP_DAY_NONE && mo->since > mo->until) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "--since %s is after --until %s",
                    serve_params_get(params, "since"), serve_params_get(params, "until"));
        return FALSE;
    }
    const char *by = serve_params_get(params, "by");
    const char *success = serve_params_get(params, "success");
    if (by != NULL && strcmp(by, "week") != 0 && strcmp(by, "month") != 0) {
        g_autofree char *shown = serve_text_quoted(by);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "--by: expected week or month, not '%s'",
                    shown);
        return FALSE;
    }
    if (success != NULL && strcmp(success, "meeting") != 0 && strcmp(success, "introduced") != 0) {
        g_autofree char *shown = serve_text_quoted(success);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--success: expected meeting or introduced, not '%s'", shown);
        return FALSE;
    }
    mo->by = by == NULL                ? WP_METRICS_BY_NONE
             : strcmp(by, "week") == 0 ? WP_METRICS_BY_WEEK
                                       : WP_METRICS_BY_MONTH;
    mo->success = success != NULL && strcmp(success, "introduced") == 0 ? WP_CALIBRATION_INTRODUCED
                                                                        : WP_CALIBRATION_MEETING;
    return TRUE;
}

/* `warmpath metrics --format json`. */
static gboolean run_metrics(const ServeQueryEnv *env, const ServeParams *params, ServeAnswer *out,
                            GError **error)
{
    WpMetricsOptions mo = WP_METRICS_OPTIONS_INIT;
    g_auto(GStrv) ids = NULL;
    if (!check_metrics_request(params, &mo, error) || !seller_ids(env, params, &ids, error))
        return FALSE;
    WpAskFilter filter = {(const char *const *)ids, mo.since, mo.until};
    g_autoptr(GPtrArray) asks = read_asks(env, &filter, error);
    if (asks == NULL)
        return FALSE;
    const WpModel *model = wp_scoring_model(env->scoring);
    mo.seller_ids = (const char *const *)ids;
    mo.as_of = env->as_of_given ? wp_scoring_as_of(env->scoring) : WP_DAY_NONE;
    mo.nudge_after_days = wp_model_nudge_after_days(model);
    mo.weekly_goal = wp_model_weekly_goal(model);
    g_autoptr(WpMetrics) m = wp_metrics_compute(asks, wp_scoring_graph(env->scoring), &mo);
    out->json = wp_metrics_to_json(m);
    out->text = g_strdup_printf("%u asks in the ledger's metrics.\n", asks->len);
    return TRUE;
}

static const ServeQuery ledger_queries[] = {
    {"drafts", SERVE_ANSWER_JSON, draft_params, run_drafts},
    {"asks", SERVE_ANSWER_JSON, ask_params, run_record_ask},
    {"ask-events", SERVE_ANSWER_JSON, event_params, run_record_event},
    {"followups", SERVE_ANSWER_JSON, followup_params, run_followups},
    {"metrics", SERVE_ANSWER_JSON, metrics_params, run_metrics},
};

const ServeQuery *serve_ledger_queries(guint *n)
{
    *n = G_N_ELEMENTS(ledger_queries);
    return ledger_queries;
}
