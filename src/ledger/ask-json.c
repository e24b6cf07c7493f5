/* SPDX-License-Identifier: MIT */
/* An ask as the JSON object every front end prints (ask, update, ledger show, ledger export). */
#include "ledger/ledger-private.h"

void wp_i_json_member_text(JsonBuilder *b, const char *name, const char *value)
{
    json_builder_set_member_name(b, name);
    if (value != NULL)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

void wp_i_json_member_day(JsonBuilder *b, const char *name, WpDay day)
{
    char text[11];
    wp_day_format(day, text);
    wp_i_json_member_text(b, name, day == WP_DAY_NONE ? NULL : text);
}

/* recorded_at as an ISO 8601 UTC time to the microsecond ("2026-12-06T10:51:20.123456Z"). */
char *wp_i_ledger_time_text(gint64 usec)
{
    g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc(usec / G_USEC_PER_SEC);
    if (t == NULL)
        return g_strdup("");
    g_autofree char *seconds = g_date_time_format(t, "%Y-%m-%dT%H:%M:%S");
    return g_strdup_printf("%s.%06dZ", seconds, (int)(usec % G_USEC_PER_SEC));
}

static void add_event(JsonBuilder *b, const WpAskEvent *e)
{
    json_builder_begin_object(b);
    wp_i_json_member_text(b, "state", wp_ask_state_name(e->state));
    wp_i_json_member_day(b, "day", e->day);
    json_builder_set_member_name(b, "amount");
    if (e->has_amount)
        json_builder_add_double_value(b, e->amount);
    else
        json_builder_add_null_value(b);
    wp_i_json_member_text(b, "note", e->note);
    wp_i_json_member_text(b, "recorded_by", e->recorded_by);
    g_autofree char *at = wp_i_ledger_time_text(e->recorded_at);
    wp_i_json_member_text(b, "recorded_at", at);
    json_builder_end_object(b);
}

static void add_person(JsonBuilder *b, const char *role, const WpLedgerPerson *p)
{
    wp_i_json_member_text(b, role, p->id);
    g_autofree char *name = g_strconcat(role, "_name", NULL);
    g_autofree char *company = g_strconcat(role, "_company", NULL);
    wp_i_json_member_text(b, name, p->name);
    wp_i_json_member_text(b, company, p->company);
}

JsonNode *wp_ask_to_json(const WpAsk *ask)
{
    g_return_val_if_fail(ask != NULL, NULL);
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "id");
    json_builder_add_int_value(b, ask->id);
    wp_i_json_member_text(b, "kind", wp_ask_kind_name(ask->kind));
    wp_i_json_member_text(b, "state", wp_ask_state_name(ask->state));
    json_builder_set_member_name(b, "final");
    json_builder_add_boolean_value(b, ask->kind == WP_ASK_KIND_GIVEN
                                          ? ask->state == WP_ASK_INTRODUCED
                                          : wp_ask_state_is_final(ask->state));
    add_person(b, "seller", &ask->seller);
    add_person(b, "source", &ask->source);
    add_person(b, "target", &ask->target);
    wp_i_json_member_text(b, "at_company", ask->at_company);
    json_builder_set_member_name(b, "path");
    if (ask->path != NULL) {
        json_builder_begin_array(b);
        for (guint i = 0; ask->path[i] != NULL; i++)
            json_builder_add_string_value(b, ask->path[i]);
        json_builder_end_array(b);
    } else {
        json_builder_add_null_value(b);
    }
    json_builder_set_member_name(b, "probability");
    if (ask->probability >= 0)
        json_builder_add_double_value(b, ask->probability);
    else
        json_builder_add_null_value(b);
    wp_i_json_member_text(b, "draft", ask->draft);
    wp_i_json_member_day(b, "asked_on", ask->asked_on);
    wp_i_json_member_day(b, "state_on", ask->state_on);
    json_builder_set_member_name(b, "events");
    json_builder_begin_array(b);
    for (guint i = 0; ask->events != NULL && i < ask->events->len; i++)
        add_event(b, g_ptr_array_index(ask->events, i));
    json_builder_end_array(b);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
