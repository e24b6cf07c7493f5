/* SPDX-License-Identifier: MIT */
/* What follow-ups, metrics and learning share: an ask as of a day, and the words and numbers
 * their sentences use. */
#pragma once

#include "warmpath/ledger.h"

/* Frees what @p holds and zeroes it. */
void wp_i_ledger_person_clear(WpLedgerPerson *p);
/* Deep copy into @to (which holds nothing). */
void wp_i_ledger_person_copy(WpLedgerPerson *to, const WpLedgerPerson *from);
/* "Priya Natarajan (Brightline Pay)", the name or else the id, with the company when known.
 * Returns: (transfer full) */
char *wp_i_ledger_person_text(const WpLedgerPerson *p);
/* "55 %", "0.4 %" under 1 %, the same under every locale. */
void wp_i_ledger_percent(char buf[16], double probability);
/* The state @ask was in on @day (its last event on or before it) and that event's day; the
 * `asked` state and the ask's day when no event is that old. */
WpAskState wp_i_ask_state_on(const WpAsk *ask, WpDay day, WpDay *state_day);

/* The steps of the referral chain, in order: reaching one implies every earlier one. */
typedef enum {
    WP_I_STEP_ASKED,
    WP_I_STEP_AGREED,
    WP_I_STEP_INTRODUCED,
    WP_I_STEP_MEETING,
    WP_I_STEP_OPPORTUNITY,
    WP_I_STEP_WON,
    WP_I_N_STEPS
} WpIStep;
/* The step of the chain @state implies the ask reached: declined and no-answer imply only
 * asked; no-response implies introduced; lost implies opportunity. */
WpIStep wp_i_ask_state_step(WpAskState state);
