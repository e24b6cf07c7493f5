/* SPDX-License-Identifier: MIT */
/* A draft as JSON: each part a field, as `warmpath draft --format json` and the service give it. */
#include "ask/ask-private.h"

static void add_string(JsonBuilder *b, const char *key, const char *value)
{
    json_builder_set_member_name(b, key);
    if (value != NULL)
        json_builder_add_string_value(b, value);
    else
        json_builder_add_null_value(b);
}

static void add_person(JsonBuilder *b, const char *key, const WpDraftPerson *p, gboolean present)
{
    json_builder_set_member_name(b, key);
    if (!present) {
        json_builder_add_null_value(b);
        return;
    }
    json_builder_begin_object(b);
    add_string(b, "id", p->id);
    add_string(b, "name", p->name);
    add_string(b, "first_name", p->first_name);
    add_string(b, "company", p->company);
    add_string(b, "title", p->title);
    add_string(b, "email", p->email);
    add_string(b, "linkedin_url", p->linkedin_url);
    add_string(b, "phone", p->phone);
    json_builder_end_object(b);
}

/* {"text", "paragraphs": [...]} members for text laid out as paragraphs ("\n\n" apart). */
static void add_paragraphs(JsonBuilder *b, const char *text)
{
    g_auto(GStrv) paragraphs = g_strsplit(text, "\n\n", -1);
    json_builder_set_member_name(b, "paragraphs");
    json_builder_begin_array(b);
    for (guint i = 0; paragraphs[i] != NULL; i++)
        json_builder_add_string_value(b, paragraphs[i]);
    json_builder_end_array(b);
}

static void add_reconnect(JsonBuilder *b, const WpDraft *d)
{
    json_builder_set_member_name(b, "reconnect");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "needed");
    json_builder_add_boolean_value(b, d->reconnect != WP_DRAFT_RECONNECT_NONE);
    add_string(b, "reason",
               d->reconnect != WP_DRAFT_RECONNECT_NONE ? wp_draft_reconnect_name(d->reconnect)
                                                       : NULL);
    char day[11];
    wp_day_format(d->last_contact, day);
    add_string(b, "last_contact", d->last_contact != WP_DAY_NONE ? day : NULL);
    json_builder_set_member_name(b, "age_days");
    if (d->age_days >= 0)
        json_builder_add_int_value(b, d->age_days);
    else
        json_builder_add_null_value(b);
    json_builder_end_object(b);
}

/* "ledger_warnings": [{"kind", "asks", "text"}], as `ask` writes its warnings. */
static void add_ledger_warnings(JsonBuilder *b, const WpDraft *d)
{
    json_builder_set_member_name(b, "ledger_warnings");
    json_builder_begin_array(b);
    for (guint i = 0; d->ledger_warnings != NULL && i < d->ledger_warnings->len; i++) {
        const WpAskWarning *w = g_ptr_array_index(d->ledger_warnings, i);
        json_builder_begin_object(b);
        add_string(b, "kind", wp_ask_warning_kind_name(w->kind));
        json_builder_set_member_name(b, "asks");
        json_builder_begin_array(b);
        for (guint k = 0; w->asks != NULL && k < w->asks->len; k++)
            json_builder_add_int_value(b, g_array_index(w->asks, gint64, k));
        json_builder_end_array(b);
        add_string(b, "text", w->text);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
}

JsonNode *wp_draft_to_json(const WpDraft *d)
{
    g_return_val_if_fail(d != NULL, NULL);
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    add_string(b, "header", d->header);
    json_builder_set_member_name(b, "path");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "rank");
    json_builder_add_int_value(b, d->path_rank);
    json_builder_set_member_name(b, "of");
    json_builder_add_int_value(b, d->n_paths);
    json_builder_set_member_name(b, "probability");
    json_builder_add_double_value(b, d->probability);
    add_string(b, "headline", d->headline);
    json_builder_set_member_name(b, "default_source");
    json_builder_add_boolean_value(b, d->default_source);
    json_builder_end_object(b);
    add_person(b, "seller", &d->seller, TRUE);
    add_person(b, "source", &d->source, TRUE);
    add_person(b, "target", &d->target, TRUE);
    add_person(b, "contact", &d->contact, d->has_contact);
    add_reconnect(b, d);
    json_builder_set_member_name(b, "to_source");
    json_builder_begin_object(b);
    add_string(b, "subject", d->subject);
    add_string(b, "body", d->to_source);
    add_paragraphs(b, d->to_source);
    add_string(b, "closing", d->closing);
    json_builder_end_object(b);
    json_builder_set_member_name(b, "note");
    if (d->note != NULL) {
        json_builder_begin_object(b);
        add_string(b, "text", d->note);
        json_builder_set_member_name(b, "words");
        json_builder_add_int_value(b, d->note_words);
        add_paragraphs(b, d->note);
        json_builder_end_object(b);
    } else {
        json_builder_add_null_value(b);
    }
    add_string(b, "note_missing", d->note_missing);
    json_builder_set_member_name(b, "warnings");
    json_builder_begin_array(b);
    for (guint i = 0; i < d->warnings->len; i++)
        json_builder_add_string_value(b, g_ptr_array_index(d->warnings, i));
    json_builder_end_array(b);
    add_ledger_warnings(b, d);
    add_string(b, "lang", d->lang);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}
