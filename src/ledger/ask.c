/* SPDX-License-Identifier: MIT */
/* An ask as data: its states, the rules between them, and its memory. */
#include "warmpath/ledger.h"

#include <string.h>

static const char *const state_names[WP_ASK_N_STATES] = {
    [WP_ASK_ASKED] = "asked",
    [WP_ASK_AGREED] = "agreed",
    [WP_ASK_DECLINED] = "declined",
    [WP_ASK_NO_ANSWER] = "no-answer",
    [WP_ASK_INTRODUCED] = "introduced",
    [WP_ASK_MEETING] = "meeting",
    [WP_ASK_NO_RESPONSE] = "no-response",
    [WP_ASK_OPPORTUNITY] = "opportunity",
    [WP_ASK_WON] = "won",
    [WP_ASK_LOST] = "lost",
};

/* How far along the chain a state is: a move must go strictly forward. */
static const int state_step[WP_ASK_N_STATES] = {
    [WP_ASK_ASKED] = 0,       [WP_ASK_AGREED] = 1,      [WP_ASK_DECLINED] = 1,
    [WP_ASK_NO_ANSWER] = 2,   [WP_ASK_INTRODUCED] = 2,  [WP_ASK_MEETING] = 3,
    [WP_ASK_NO_RESPONSE] = 3, [WP_ASK_OPPORTUNITY] = 4, [WP_ASK_WON] = 5,
    [WP_ASK_LOST] = 5,
};

const char *wp_ask_state_name(WpAskState state)
{
    return (guint)state < WP_ASK_N_STATES ? state_names[state] : "unknown";
}

gboolean wp_ask_state_from_name(const char *name, WpAskState *out)
{
    for (guint s = 0; name != NULL && s < WP_ASK_N_STATES; s++)
        if (strcmp(name, state_names[s]) == 0) {
            *out = (WpAskState)s;
            return TRUE;
        }
    return FALSE;
}

gboolean wp_ask_state_is_final(WpAskState state)
{
    return state == WP_ASK_DECLINED || state == WP_ASK_NO_ANSWER || state == WP_ASK_NO_RESPONSE ||
           state == WP_ASK_WON || state == WP_ASK_LOST;
}

gboolean wp_ask_state_can_follow(WpAskState from, WpAskState to)
{
    if ((guint)from >= WP_ASK_N_STATES || (guint)to >= WP_ASK_N_STATES)
        return FALSE;
    if (wp_ask_state_is_final(from) || to == WP_ASK_ASKED)
        return FALSE;
    /* A refusal answers the ask itself; silence may come after agreeing (the intro never
     * happened). Neither can follow an introduction. */
    if (to == WP_ASK_DECLINED)
        return from == WP_ASK_ASKED;
    if (to == WP_ASK_NO_ANSWER)
        return from == WP_ASK_ASKED || from == WP_ASK_AGREED;
    return state_step[to] > state_step[from];
}

guint wp_ask_state_next(WpAskState from, WpAskState out[WP_ASK_N_STATES])
{
    guint n = 0;
    for (guint s = 0; s < WP_ASK_N_STATES; s++)
        if (wp_ask_state_can_follow(from, (WpAskState)s))
            out[n++] = (WpAskState)s;
    return n;
}

gboolean wp_ask_state_introduced(WpAskState state)
{
    return state == WP_ASK_INTRODUCED || state == WP_ASK_MEETING || state == WP_ASK_NO_RESPONSE ||
           state == WP_ASK_OPPORTUNITY || state == WP_ASK_WON || state == WP_ASK_LOST;
}

const char *wp_ask_kind_name(WpAskKind kind)
{
    return kind == WP_ASK_KIND_GIVEN ? "given" : "request";
}

static void person_clear(WpLedgerPerson *p)
{
    g_free(p->id);
    g_free(p->name);
    g_free(p->company);
}

static void person_copy(WpLedgerPerson *to, const WpLedgerPerson *from)
{
    to->id = g_strdup(from->id);
    to->name = g_strdup(from->name);
    to->company = g_strdup(from->company);
}

static void event_free(gpointer data)
{
    WpAskEvent *e = data;
    g_free(e->note);
    g_free(e->recorded_by);
    g_free(e);
}

static gpointer event_copy(gconstpointer src, gpointer unused)
{
    (void)unused;
    const WpAskEvent *e = src;
    WpAskEvent *copy = g_memdup2(e, sizeof *e);
    copy->note = g_strdup(e->note);
    copy->recorded_by = g_strdup(e->recorded_by);
    return copy;
}

void wp_ask_free(WpAsk *ask)
{
    if (ask == NULL)
        return;
    person_clear(&ask->seller);
    person_clear(&ask->source);
    person_clear(&ask->target);
    g_free(ask->at_company);
    g_strfreev(ask->path);
    g_free(ask->draft);
    if (ask->events != NULL)
        g_ptr_array_unref(ask->events);
    g_free(ask);
}

WpAsk *wp_ask_copy(const WpAsk *ask)
{
    WpAsk *copy = g_memdup2(ask, sizeof *ask);
    person_copy(&copy->seller, &ask->seller);
    person_copy(&copy->source, &ask->source);
    person_copy(&copy->target, &ask->target);
    copy->at_company = g_strdup(ask->at_company);
    copy->path = g_strdupv(ask->path);
    copy->draft = g_strdup(ask->draft);
    if (ask->events != NULL) {
        copy->events = g_ptr_array_copy(ask->events, event_copy, NULL);
        g_ptr_array_set_free_func(copy->events, event_free);
    }
    return copy;
}

const WpAskEvent *wp_ask_find_event(const WpAsk *ask, WpAskState state)
{
    for (guint i = ask->events ? ask->events->len : 0; i-- > 0;) {
        const WpAskEvent *e = g_ptr_array_index(ask->events, i);
        if (e->state == state)
            return e;
    }
    return NULL;
}
