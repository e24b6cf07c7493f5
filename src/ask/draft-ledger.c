/* SPDX-License-Identifier: MIT */
/* A draft meets the ledger: what the ledger says about asking its source, and `draft --record`,
 * the ask `ask` would record with the message attached. One place, so that the command line and
 * the service never compose it themselves. */
#include "ask/ask-private.h"
#include "warmpath/error.h"
#include "warmpath/model.h"

void wp_draft_add_ledger_warnings(WpDraft *draft, const GPtrArray *asks, const WpModel *model,
                                  WpDay day)
{
    g_return_if_fail(draft != NULL && asks != NULL && model != NULL);
    g_autoptr(GPtrArray) found =
        wp_ask_source_warnings(asks, draft->source.id, draft->source.name, day,
                               wp_model_ask_cap(model), wp_model_recent_ask_days(model));
    for (guint i = 0; i < found->len; i++) {
        const WpAskWarning *w = g_ptr_array_index(found, i);
        g_autofree char *line = g_strdup_printf("Before you ask: %s.", w->text);
        wp_draft_add_header(draft, line);
    }
    while (found->len > 0)
        g_ptr_array_add(draft->ledger_warnings, g_ptr_array_steal_index(found, 0));
}

char *wp_draft_to_message(const WpDraft *draft)
{
    g_return_val_if_fail(draft != NULL, NULL);
    g_autofree char *body = wp_i_draft_body(draft);
    g_autofree char *to = draft->source.email != NULL
                              ? g_strdup_printf("%s <%s>", draft->source.name, draft->source.email)
                              : g_strdup(draft->source.name);
    return g_strdup_printf("To: %s\nSubject: %s\n\n%s", to, draft->subject, body);
}

/* TRUE when the proposal's path is @path, person by person. */
static gboolean same_path(const WpGraph *graph, const WpAskProposal *p, const WpPath *path)
{
    if (!p->has_path || p->request.path == NULL)
        return FALSE;
    guint n = g_strv_length((char **)p->request.path);
    if (n != path->n_people)
        return FALSE;
    for (guint i = 0; i < n; i++)
        if (g_strcmp0(p->request.path[i], wp_graph_person_id(graph, path->people[i])) != 0)
            return FALSE;
    return TRUE;
}

/* The warnings of wp_ledger_ask_warnings() are the ones the draft's header names (the header
 * is made from the same asks, source and day), so both are computed from one read. */
WpAsk *wp_draft_record(WpLedger *ledger, const WpScoring *scoring, WpDraft *draft,
                       const WpPathReason *path, const WpDraftAsk *details,
                       WpAskProposal **proposal, GPtrArray **warnings, GError **error)
{
    g_return_val_if_fail(ledger != NULL && scoring != NULL && draft != NULL, NULL);
    g_return_val_if_fail(path != NULL && path->path->n_people >= 3 && details != NULL, NULL);
    const WpGraph *graph = wp_scoring_graph(scoring);
    const WpPath *p = path->path;
    WpPerson via = details->source_named ? p->people[1] : WP_PERSON_NONE;
    g_autoptr(WpAskProposal) proposal_made = wp_ask_propose(
        scoring, p->people[0], p->people[p->n_people - 1], via, details->query, error);
    if (proposal_made == NULL)
        return NULL;
    if (!same_path(graph, proposal_made, p)) {
        g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                    "the ask through %s would be recorded with another path than the draft's; "
                    "record it with 'warmpath ask' and the same options",
                    wp_graph_person_label(graph, p->people[1]));
        return NULL;
    }
    g_autoptr(GPtrArray) asks = wp_ledger_list_asks(ledger, NULL, error);
    if (asks == NULL)
        return NULL;
    const WpModel *model = wp_scoring_model(scoring);
    WpAskRequest *r = &proposal_made->request;
    r->day = details->day;
    r->note = details->note;
    r->at_company = details->at_company;
    r->recorded_by = details->recorded_by;
    g_autofree char *message = wp_draft_to_message(draft);
    r->draft = message;
    g_autoptr(WpAsk) ask = wp_ledger_record_ask(ledger, r, error);
    if (ask == NULL)
        return NULL;
    wp_draft_add_ledger_warnings(draft, asks, model, details->day);
    /* The request borrowed these; the proposal handed back must not point at them. */
    r->note = r->at_company = r->recorded_by = r->draft = NULL;
    if (warnings != NULL)
        *warnings = wp_ledger_ask_warnings(asks, proposal_made, model);
    if (proposal != NULL)
        *proposal = g_steal_pointer(&proposal_made);
    return g_steal_pointer(&ask);
}
