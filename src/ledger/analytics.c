/* SPDX-License-Identifier: MIT */
/* Helpers follow-ups, metrics and learning share (analytics-private.h). */
#include "ledger/analytics-private.h"

void wp_i_ledger_person_clear(WpLedgerPerson *p)
{
    g_clear_pointer(&p->id, g_free);
    g_clear_pointer(&p->name, g_free);
    g_clear_pointer(&p->company, g_free);
}

void wp_i_ledger_person_copy(WpLedgerPerson *to, const WpLedgerPerson *from)
{
    to->id = g_strdup(from->id);
    to->name = g_strdup(from->name);
    to->company = g_strdup(from->company);
}

char *wp_i_ledger_person_text(const WpLedgerPerson *p)
{
    const char *name = p->name != NULL && p->name[0] != '\0' ? p->name : p->id;
    if (p->company != NULL && p->company[0] != '\0')
        return g_strdup_printf("%s (%s)", name, p->company);
    return g_strdup(name != NULL ? name : "?");
}

void wp_i_ledger_percent(char buf[16], double probability)
{
    char num[G_ASCII_DTOSTR_BUF_SIZE];
    double pct = 100.0 * probability;
    g_ascii_formatd(num, sizeof num, pct < 1.0 ? "%.1f" : "%.0f", pct);
    g_snprintf(buf, 16, "%s %%", num);
}

WpAskState wp_i_ask_state_on(const WpAsk *ask, WpDay day, WpDay *state_day)
{
    WpAskState state = WP_ASK_ASKED;
    *state_day = ask->asked_on;
    for (guint i = 0; ask->events != NULL && i < ask->events->len; i++) {
        const WpAskEvent *e = g_ptr_array_index(ask->events, i);
        if (e->day > day)
            break;
        state = e->state;
        *state_day = e->day;
    }
    return state;
}

WpIStep wp_i_ask_state_step(WpAskState state)
{
    switch (state) {
    case WP_ASK_AGREED:
        return WP_I_STEP_AGREED;
    case WP_ASK_INTRODUCED:
    case WP_ASK_NO_RESPONSE:
        return WP_I_STEP_INTRODUCED;
    case WP_ASK_MEETING:
        return WP_I_STEP_MEETING;
    case WP_ASK_OPPORTUNITY:
    case WP_ASK_LOST:
        return WP_I_STEP_OPPORTUNITY;
    case WP_ASK_WON:
        return WP_I_STEP_WON;
    default: /* asked, declined, no-answer */
        return WP_I_STEP_ASKED;
    }
}
