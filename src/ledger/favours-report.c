/* SPDX-License-Identifier: MIT */
/* Favours owed in words, as table rows and as JSON: what every front end prints. */
#include "ledger/ledger-private.h"
#include "warmpath/favours.h"
#include "warmpath/text.h"

char *wp_favours_summary(const GPtrArray *favours, guint n_given, guint n_returned,
                         gboolean several)
{
    g_return_val_if_fail(favours != NULL, NULL);
    const char *head = several ? "Who owes you all: " : "Who owes you: ";
    if (n_given == 0)
        return g_strdup_printf("%sno introductions given are recorded in the ledger (record one "
                               "with warmpath ask --given --for A --to B).",
                               head);
    g_autofree char *given = wp_text_count(n_given, "introduction", "introductions");
    if (favours->len == 0)
        return g_strdup_printf("%sno one: every introduction %s has been returned (%s given).",
                               head, several ? "your team gave" : "you gave", given);
    g_autofree char *people = wp_text_count(favours->len, "person", "people");
    return g_strdup_printf("%s%s %s introduced to someone %s not returned the favour yet (%s "
                           "given, %u returned).",
                           head, people, several ? "your team" : "you",
                           favours->len == 1 ? "has" : "have", given, n_returned);
}

char *wp_favour_last_ask_text(const WpFavour *favour)
{
    g_return_val_if_fail(favour != NULL, NULL);
    if (favour->last_ask == 0)
        return g_strdup("no");
    GString *s = g_string_new(NULL);
    const char *state = wp_ask_state_name(favour->last_ask_state);
    if (wp_ask_state_is_final(favour->last_ask_state))
        g_string_printf(s, "ask %" G_GINT64_FORMAT ", %s", favour->last_ask, state);
    else
        g_string_printf(s, "ask %" G_GINT64_FORMAT ", open (%s)", favour->last_ask, state);
    if (favour->asked_since > 1)
        g_string_append_printf(s, "; %u asks", favour->asked_since);
    return g_string_free(s, FALSE);
}

static const char *person_text(const WpLedgerPerson *p)
{
    return p->name != NULL ? p->name : p->id;
}

/* YYYY-MM-DD, or "" for WP_DAY_NONE. */
static void day_text(WpDay day, char buf[11])
{
    if (day == WP_DAY_NONE)
        buf[0] = '\0';
    else
        wp_day_format(day, buf);
}

static void add_short_row(WpTable *t, const WpFavour *f, WpDay as_of)
{
    char last[11];
    day_text(f->last_given, last);
    g_autofree char *owed = g_strdup_printf("%u", f->owed);
    g_autofree char *given = g_strdup_printf("%u", f->given);
    g_autofree char *ago = g_strdup_printf("%d", (int)(as_of - f->last_given));
    g_autofree char *asked = wp_favour_last_ask_text(f);
    const char *cells[] = {person_text(&f->person),
                           f->person.company != NULL ? f->person.company : "",
                           owed,
                           given,
                           last,
                           ago,
                           person_text(&f->last_to),
                           asked};
    wp_table_add_row(t, cells);
}

static void add_detailed_row(WpTable *t, const WpFavour *f, WpDay as_of)
{
    char first[11], last[11], last_ask_on[11];
    day_text(f->first_owed, first);
    day_text(f->last_given, last);
    day_text(f->last_ask_on, last_ask_on);
    g_autofree char *owed = g_strdup_printf("%u", f->owed);
    g_autofree char *given = g_strdup_printf("%u", f->given);
    g_autofree char *returned = g_strdup_printf("%u", f->returned);
    g_autofree char *ago = g_strdup_printf("%d", (int)(as_of - f->last_given));
    g_autofree char *given_ask = g_strdup_printf("%" G_GINT64_FORMAT, f->last_given_ask);
    g_autofree char *asked = g_strdup_printf("%u", f->asked_since);
    g_autofree char *last_ask =
        f->last_ask > 0 ? g_strdup_printf("%" G_GINT64_FORMAT, f->last_ask) : g_strdup("");
    const char *cells[] = {f->person.id,
                           f->person.name ? f->person.name : "",
                           f->person.company ? f->person.company : "",
                           owed,
                           given,
                           returned,
                           first,
                           last,
                           ago,
                           given_ask,
                           f->last_to.id,
                           f->last_to.name ? f->last_to.name : "",
                           f->last_to.company ? f->last_to.company : "",
                           asked,
                           last_ask,
                           f->last_ask > 0 ? wp_ask_state_name(f->last_ask_state) : "",
                           last_ask_on};
    wp_table_add_row(t, cells);
}

WpTable *wp_favours_table(const GPtrArray *favours, WpDay as_of, gboolean detailed)
{
    g_return_val_if_fail(favours != NULL, NULL);
    static const struct {
        const char *name;
        gboolean number;
    } short_cols[] = {{"who", FALSE},           {"company", FALSE},    {"owed", TRUE},
                      {"given", TRUE},          {"last_given", FALSE}, {"days_ago", TRUE},
                      {"introduced_to", FALSE}, {"asked_since", FALSE}},
      long_cols[] = {{"person_id", FALSE},
                     {"person_name", FALSE},
                     {"person_company", FALSE},
                     {"owed", TRUE},
                     {"given", TRUE},
                     {"returned", TRUE},
                     {"first_owed", FALSE},
                     {"last_given", FALSE},
                     {"days_since_given", TRUE},
                     {"last_given_ask", TRUE},
                     {"last_to_id", FALSE},
                     {"last_to_name", FALSE},
                     {"last_to_company", FALSE},
                     {"asked_since", TRUE},
                     {"last_ask", TRUE},
                     {"last_ask_state", FALSE},
                     {"last_ask_on", FALSE}};
    WpTable *t = wp_table_new();
    if (detailed)
        for (guint i = 0; i < G_N_ELEMENTS(long_cols); i++)
            wp_table_add_column(t, long_cols[i].name, long_cols[i].number);
    else
        for (guint i = 0; i < G_N_ELEMENTS(short_cols); i++)
            wp_table_add_column(t, short_cols[i].name, short_cols[i].number);
    for (guint i = 0; i < favours->len; i++) {
        if (detailed)
            add_detailed_row(t, g_ptr_array_index(favours, i), as_of);
        else
            add_short_row(t, g_ptr_array_index(favours, i), as_of);
    }
    return t;
}


static void member_int(JsonBuilder *b, const char *name, gint64 value)
{
    json_builder_set_member_name(b, name);
    json_builder_add_int_value(b, value);
}

static void add_favour(JsonBuilder *b, const WpFavour *f, WpDay as_of)
{
    json_builder_begin_object(b);
    wp_i_json_member_text(b, "id", f->person.id);
    wp_i_json_member_text(b, "name", f->person.name);
    wp_i_json_member_text(b, "company", f->person.company);
    member_int(b, "owed", f->owed);
    member_int(b, "given", f->given);
    member_int(b, "returned", f->returned);
    wp_i_json_member_day(b, "first_owed", f->first_owed);
    wp_i_json_member_day(b, "last_given", f->last_given);
    member_int(b, "days_since_given", as_of - f->last_given);
    member_int(b, "last_given_ask", f->last_given_ask);
    json_builder_set_member_name(b, "last_to");
    json_builder_begin_object(b);
    wp_i_json_member_text(b, "id", f->last_to.id);
    wp_i_json_member_text(b, "name", f->last_to.name);
    wp_i_json_member_text(b, "company", f->last_to.company);
    json_builder_end_object(b);
    member_int(b, "asked_since", f->asked_since);
    json_builder_set_member_name(b, "last_ask");
    if (f->last_ask == 0) {
        json_builder_add_null_value(b);
    } else {
        json_builder_begin_object(b);
        member_int(b, "id", f->last_ask);
        wp_i_json_member_text(b, "state", wp_ask_state_name(f->last_ask_state));
        json_builder_set_member_name(b, "open");
        json_builder_add_boolean_value(b, !wp_ask_state_is_final(f->last_ask_state));
        wp_i_json_member_day(b, "asked_on", f->last_ask_on);
        json_builder_end_object(b);
    }
    json_builder_end_object(b);
}

JsonNode *wp_favour_to_json(const WpFavour *favour, WpDay as_of)
{
    g_return_val_if_fail(favour != NULL, NULL);
    g_autoptr(JsonBuilder) b = json_builder_new();
    add_favour(b, favour, as_of);
    return json_builder_get_root(b);
}

JsonNode *wp_favours_to_json(const GPtrArray *favours, guint n_given, guint n_returned, WpDay as_of)
{
    g_return_val_if_fail(favours != NULL, NULL);
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    wp_i_json_member_day(b, "as_of", as_of);
    member_int(b, "given", n_given);
    member_int(b, "returned", n_returned);
    json_builder_set_member_name(b, "owed");
    json_builder_begin_array(b);
    for (guint i = 0; i < favours->len; i++)
        add_favour(b, g_ptr_array_index(favours, i), as_of);
    json_builder_end_array(b);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
