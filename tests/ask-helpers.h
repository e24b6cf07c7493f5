/* SPDX-License-Identifier: MIT */
/* Asks made in memory, as the ledger's store would return them: what the follow-up, metrics
 * and learning tests (and the learning simulation) build their histories from. */
#pragma once

#include <warmpath/warmpath.h>

#include <stdarg.h>

static inline void ask_event_free(gpointer data)
{
    WpAskEvent *e = data;
    g_free(e->note);
    g_free(e->recorded_by);
    g_free(e);
}

static inline WpDay ask_day(const char *text)
{
    WpDay d = WP_DAY_NONE;
    gboolean ok = wp_day_parse(text, &d);
    g_assert_true(ok);
    return d;
}

/* A new ask, `asked` on @asked_on; @path: NULL, or ids seller .. target, NULL-terminated. */
static inline WpAsk *ask_new(gint64 id, const char *seller, const char *source, const char *target,
                             const char *const *path, double probability, WpDay asked_on)
{
    WpAsk *a = g_new0(WpAsk, 1);
    a->id = id;
    a->kind = WP_ASK_KIND_REQUEST;
    a->seller.id = g_strdup(seller);
    a->seller.name = g_strdup_printf("Seller %s", seller);
    a->source.id = g_strdup(source);
    a->source.name = g_strdup_printf("Source %s", source);
    a->target.id = g_strdup(target);
    a->target.name = g_strdup_printf("Buyer %s", target);
    a->path = g_strdupv((char **)path);
    a->probability = probability;
    a->events = g_ptr_array_new_with_free_func(ask_event_free);
    WpAskEvent *e = g_new0(WpAskEvent, 1);
    e->state = WP_ASK_ASKED;
    e->day = asked_on;
    g_ptr_array_add(a->events, e);
    a->state = WP_ASK_ASKED;
    a->asked_on = a->state_on = asked_on;
    return a;
}

/* Appends an event (the state rules are the store's business; tests follow them). @amount < 0:
 * none. */
static inline void ask_add(WpAsk *a, WpAskState state, WpDay day, double amount)
{
    g_assert_true(wp_ask_state_can_follow(a->state, state));
    WpAskEvent *e = g_new0(WpAskEvent, 1);
    e->state = state;
    e->day = day;
    e->has_amount = amount >= 0;
    e->amount = amount >= 0 ? amount : 0;
    g_ptr_array_add(a->events, e);
    a->state = state;
    a->state_on = day;
}
