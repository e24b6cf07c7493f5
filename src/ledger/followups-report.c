/* SPDX-License-Identifier: MIT */
/* Follow-ups as JSON and as table rows: what every front end prints. */
#include "ledger/ledger-private.h"
#include "warmpath/followups.h"

static void member_day(JsonBuilder *b, const char *name, WpDay day)
{
    char buf[11];
    wp_day_format(day, buf);
    json_builder_set_member_name(b, name);
    json_builder_add_string_value(b, buf);
}


static void add_followup(JsonBuilder *b, const WpFollowup *f)
{
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "ask");
    json_builder_add_int_value(b, f->ask);
    wp_i_json_member_text(b, "action", wp_followup_action_name(f->action));
    member_day(b, "due", f->due);
    json_builder_set_member_name(b, "overdue_days");
    json_builder_add_int_value(b, f->overdue_days);
    wp_i_json_member_text(b, "person", f->person.id);
    wp_i_json_member_text(b, "person_name", f->person.name);
    wp_i_json_member_text(b, "person_company", f->person.company);
    wp_i_json_member_text(b, "seller", f->seller.id);
    wp_i_json_member_text(b, "seller_name", f->seller.name);
    wp_i_json_member_text(b, "target", f->target.id);
    wp_i_json_member_text(b, "target_name", f->target.name);
    wp_i_json_member_text(b, "sentence", f->sentence);
    if (f->action == WP_FOLLOWUP_NEXT_SOURCE) {
        json_builder_set_member_name(b, "probability");
        json_builder_add_double_value(b, f->probability);
        json_builder_set_member_name(b, "path");
        json_builder_begin_array(b);
        for (guint i = 0; f->path != NULL && f->path[i] != NULL; i++)
            json_builder_add_string_value(b, f->path[i]);
        json_builder_end_array(b);
    }
    if (f->action == WP_FOLLOWUP_ASK_FOR_REFERRALS) {
        json_builder_set_member_name(b, "targets");
        json_builder_begin_array(b);
        for (guint i = 0; f->targets != NULL && i < f->targets->len; i++) {
            const WpFollowupTarget *t = &g_array_index(f->targets, WpFollowupTarget, i);
            json_builder_begin_object(b);
            wp_i_json_member_text(b, "id", t->person.id);
            wp_i_json_member_text(b, "name", t->person.name);
            wp_i_json_member_text(b, "company", t->person.company);
            json_builder_set_member_name(b, "probability");
            json_builder_add_double_value(b, t->probability);
            json_builder_end_object(b);
        }
        json_builder_end_array(b);
    }
    json_builder_end_object(b);
}

JsonNode *wp_followups_to_json(const GPtrArray *followups, WpDay as_of)
{
    g_return_val_if_fail(followups != NULL, NULL);
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    member_day(b, "as_of", as_of);
    json_builder_set_member_name(b, "followups");
    json_builder_begin_array(b);
    for (guint i = 0; i < followups->len; i++)
        add_followup(b, g_ptr_array_index(followups, i));
    json_builder_end_array(b);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}

WpTable *wp_followups_table(const GPtrArray *followups)
{
    g_return_val_if_fail(followups != NULL, NULL);
    WpTable *t = wp_table_new();
    wp_table_add_column(t, "due", FALSE);
    wp_table_add_column(t, "overdue", TRUE);
    wp_table_add_column(t, "action", FALSE);
    wp_table_add_column(t, "ask", TRUE);
    wp_table_add_column(t, "seller", FALSE);
    wp_table_add_column(t, "person", FALSE);
    wp_table_add_column(t, "what", FALSE);
    for (guint i = 0; i < followups->len; i++) {
        const WpFollowup *f = g_ptr_array_index(followups, i);
        char due[11];
        wp_day_format(f->due, due);
        g_autofree char *overdue = g_strdup_printf("%d", f->overdue_days);
        g_autofree char *ask = g_strdup_printf("%" G_GINT64_FORMAT, f->ask);
        const char *cells[] = {due,
                               overdue,
                               wp_followup_action_name(f->action),
                               ask,
                               f->seller.name != NULL ? f->seller.name : f->seller.id,
                               f->person.name != NULL ? f->person.name : f->person.id,
                               f->sentence};
        wp_table_add_row(t, cells);
    }
    return t;
}
