/* SPDX-License-Identifier: MIT */
/* An intro request for one path of a `path` answer: who is asked, why, and the words. */
#include "ask/ask-private.h"
#include "warmpath/error.h"
#include "warmpath/text.h"

#include <math.h>
#include <string.h>

const char *wp_draft_reconnect_name(WpDraftReconnect reconnect)
{
    switch (reconnect) {
    case WP_DRAFT_RECONNECT_COLD:
        return "cold";
    case WP_DRAFT_RECONNECT_NEVER_USED:
        return "never-used";
    case WP_DRAFT_RECONNECT_WEAK:
        return "weak";
    case WP_DRAFT_RECONNECT_NONE:
    default:
        return "none";
    }
}

/* A cell of the people file, or NULL when the column is absent or the cell empty. */
static char *cell(const WpGraph *graph, WpPerson p, const char *column)
{
    const char *value = wp_graph_person_attr(graph, p, column);
    if (value == NULL)
        return NULL;
    g_autofree char *copy = g_strstrip(g_strdup(value));
    return copy[0] != '\0' ? g_steal_pointer(&copy) : NULL;
}

/* How a message greets someone: the people file's first_name, else the name's first word after
 * an honorific ("Dr. Ana Lima" is "Ana"). */
static char *first_name(const WpGraph *graph, WpPerson p, const char *name)
{
    static const char *const honorifics[] = {"dr",   "dr.",  "mr",   "mr.",   "mrs", "mrs.",
                                             "ms",   "ms.",  "prof", "prof.", "sir", "dame",
                                             "herr", "frau", "mx",   "mx.",   NULL};
    char *given = cell(graph, p, "first_name");
    if (given != NULL)
        return given;
    g_auto(GStrv) words = g_strsplit(name, " ", -1);
    for (guint i = 0; words[i] != NULL; i++) {
        if (words[i][0] == '\0')
            continue;
        g_autofree char *lower = g_utf8_strdown(words[i], -1);
        if (words[i + 1] != NULL && g_strv_contains(honorifics, lower))
            continue;
        return g_strdup(words[i]);
    }
    return g_strdup(name);
}

static void person_fill(const WpGraph *graph, WpPerson p, WpDraftPerson *out)
{
    out->person = p;
    out->id = g_strdup(wp_graph_person_id(graph, p));
    out->name = g_strdup(wp_graph_person_label(graph, p));
    out->first_name = first_name(graph, p, out->name);
    out->company = cell(graph, p, WP_COLUMN_COMPANY);
    out->title = cell(graph, p, WP_COLUMN_TITLE);
    out->email = cell(graph, p, "email");
    out->linkedin_url = cell(graph, p, "linkedin_url");
    out->phone = cell(graph, p, "phone");
}

static void person_clear(WpDraftPerson *p)
{
    g_free(p->id);
    g_free(p->name);
    g_free(p->first_name);
    g_free(p->company);
    g_free(p->title);
    g_free(p->email);
    g_free(p->linkedin_url);
    g_free(p->phone);
    memset(p, 0, sizeof *p);
}

void wp_draft_free(WpDraft *d)
{
    if (d == NULL)
        return;
    person_clear(&d->seller);
    person_clear(&d->source);
    person_clear(&d->target);
    person_clear(&d->contact);
    g_free(d->headline);
    g_free(d->subject);
    g_free(d->to_source);
    g_free(d->closing);
    g_free(d->note);
    g_free(d->note_missing);
    g_free(d->header);
    g_ptr_array_unref(d->warnings);
    if (d->ledger_warnings != NULL)
        g_ptr_array_unref(d->ledger_warnings);
    g_free(d->lang);
    g_free(d);
}

void wp_draft_add_warning(WpDraft *d, const char *warning)
{
    g_return_if_fail(d != NULL && warning != NULL);
    g_ptr_array_add(d->warnings, g_strdup(warning));
}

void wp_draft_add_header(WpDraft *d, const char *line)
{
    g_return_if_fail(d != NULL && line != NULL);
    char *header = d->header ? g_strdup_printf("%s\n%s", d->header, line) : g_strdup(line);
    g_free(d->header);
    d->header = header;
}

/* A letter, digit or mark: part of a word. */
static gboolean word_char(gunichar c)
{
    return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

guint wp_draft_count_words(const char *text)
{
    g_return_val_if_fail(text != NULL, 0);
    guint words = 0;
    gboolean in_word = FALSE;
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        /* a joiner inside a word ("Müller-Łukasik", "it's", "2,000", "e.g.") keeps it one */
        gboolean joiner = c == '-' || c == '\'' || c == 0x2019 || c == '.' || c == ',' ||
                          c == '@' || c == '/' || c == ':';
        if (word_char(c)) {
            words += !in_word;
            in_word = TRUE;
        } else if (!(in_word && joiner && word_char(g_utf8_get_char(g_utf8_next_char(p))))) {
            in_word = FALSE;
        }
    }
    return words;
}

/* The relation as a noun for "you know Bob as a ...": the closest of the tie's types; NULL for
 * a tie whose type makes no such noun (untyped, a LinkedIn connection, family, other). */
static const char *relation_noun(const WpHopReason *hop)
{
    static const struct {
        WpTieType type;
        const char *noun;
    } order[] = {{WP_TIE_CLIENT, "client"},       {WP_TIE_FRIEND, "friend"},
                 {WP_TIE_COLLEAGUE, "colleague"}, {WP_TIE_FORMER_COLLEAGUE, "former colleague"},
                 {WP_TIE_REFERRED, "referral"},   {WP_TIE_VENDOR, "vendor"}};
    if (hop->flags & WP_HOP_TEAM_TIE)
        return "teammate";
    for (guint i = 0; i < G_N_ELEMENTS(order); i++)
        if (hop->types & WP_TIE_TYPE_BIT(order[i].type))
            return order[i].noun;
    return NULL;
}

/* "3 weeks", "5 months", "2 years": how long ago a day was, roughly, for "about ...". */
static char *ago_text(gint32 days)
{
    if (days < 0)
        return NULL;
    if (days < 14)
        return wp_text_count((guint64)days, "day", "days");
    if (days < 60)
        return wp_text_count((guint64)lround(days / 7.0), "week", "weeks");
    if (days < 730)
        return wp_text_count((guint64)lround(days / 30.44), "month", "months");
    return wp_text_count((guint64)(days / 365.25), "year", "years");
}

/* Reads the whole numbers of @text ("100 to 2,000 people" gives 100 and 2000). */
static guint numbers_in(const char *text, gint64 *out, guint max)
{
    guint n = 0;
    for (const char *p = text; *p != '\0' && n < max;) {
        if (!g_ascii_isdigit(*p)) {
            p++;
            continue;
        }
        gint64 x = 0;
        for (; g_ascii_isdigit(*p) || (*p == ',' && g_ascii_isdigit(p[1])); p++)
            if (*p != ',' && x < G_MAXINT64 / 10 - 9)
                x = x * 10 + (*p - '0');
        out[n++] = x;
    }
    return n;
}

/* The facts of the target's company that match the brief, "Fintech, US-East, 1,200 people": a
 * people cell whose folded words the brief's folded phrase contains as whole words (industry,
 * region in geography), and a company size inside the brief's range ("200 to 5000 people").
 * NULL when nothing matches. */
static char *fit_text(const WpGraph *graph, WpPerson target, const WpBrief *brief)
{
    const struct {
        const char *column;
        const char *phrase;
    } pairs[] = {{WP_COLUMN_INDUSTRY, brief->industry}, {WP_COLUMN_REGION, brief->geography}};
    g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < G_N_ELEMENTS(pairs); i++) {
        g_autofree char *value = cell(graph, target, pairs[i].column);
        if (value == NULL || pairs[i].phrase == NULL)
            continue;
        g_autofree char *folded = wp_text_fold(value);
        g_autofree char *folded_phrase = wp_text_fold(pairs[i].phrase);
        /* whole words: "US" is in "the US East Coast", not in "focus" */
        g_autofree char *v = g_strdup_printf(" %s ", folded);
        g_autofree char *ph = g_strdup_printf(" %s ", folded_phrase);
        if (folded[0] != '\0' && strstr(ph, v) != NULL)
            g_ptr_array_add(parts, g_steal_pointer(&value));
    }
    gint64 size = wp_graph_person_company_size(graph, target), range[2];
    guint n = brief->company_size ? numbers_in(brief->company_size, range, 2) : 0;
    if (size >= 0 && n == 2 && size >= range[0] && size <= range[1])
        g_ptr_array_add(parts, wp_text_count((guint64)size, "person", "people"));
    if (parts->len == 0)
        return NULL;
    g_ptr_array_add(parts, NULL);
    return g_strjoinv(", ", (char **)parts->pdata);
}

/* Why the message opens by reconnecting: the seller's own tie to the source. */
static WpDraftReconnect reconnect_reason(const WpPathReport *r, const WpHopReason *first)
{
    if (first->flags & WP_HOP_TEAM_TIE)
        return WP_DRAFT_RECONNECT_NONE;
    if (first->flags & WP_HOP_GONE_COLD)
        return WP_DRAFT_RECONNECT_COLD;
    if (first->flags & (WP_HOP_NEVER_INTERACTED | WP_HOP_SOCIAL_ONLY))
        return WP_DRAFT_RECONNECT_NEVER_USED;
    if (first->effective < wp_model_weak_tie_below(wp_scoring_model(r->scoring)))
        return WP_DRAFT_RECONNECT_WEAK;
    return WP_DRAFT_RECONNECT_NONE;
}

/* "Bob's colleague" (the contact knows the target), "connected to Bob through Rachel Kim"
 * (longer). */
static char *contact_link(const WpPathReport *r, const WpPathReason *path, const char *target)
{
    const WpPath *p = path->path;
    if (p->n_people == 4) {
        const char *noun = relation_noun(&path->hops[2]);
        return noun ? g_strdup_printf("%s's %s", target, noun)
                    : g_strdup_printf("in touch with %s", target);
    }
    GString *out = g_string_new(NULL);
    g_string_append_printf(out, "connected to %s through ", target);
    for (guint i = 3; i + 1 < p->n_people; i++)
        g_string_append_printf(out, "%s%s", i == 3 ? "" : " and ",
                               wp_graph_person_label(r->graph, p->people[i]));
    return g_string_free(out, FALSE);
}

/* Every field's value for this draft, as wp_i_template_fill() reads them; @owned keeps the
 * strings made here. */
static void fill_values(const WpPathReport *r, const WpPathReason *path, const WpDraft *d,
                        const char **v, GPtrArray *owned)
{
    const WpBrief *brief = wp_model_brief(wp_scoring_model(r->scoring));
    const WpPath *p = path->path;
    const WpDraftPerson *seller = &d->seller, *source = &d->source, *target = &d->target;
    v[WP_I_FIELD_SELLER_NAME] = seller->name;
    v[WP_I_FIELD_SELLER_FIRST_NAME] = seller->first_name;
    v[WP_I_FIELD_SELLER_TITLE] = seller->title;
    v[WP_I_FIELD_SELLER_COMPANY] = seller->company;
    v[WP_I_FIELD_SELLER_EMAIL] = seller->email;
    v[WP_I_FIELD_SELLER_PHONE] = seller->phone;
    v[WP_I_FIELD_SELLER_LINKEDIN_URL] = seller->linkedin_url;
    v[WP_I_FIELD_SOURCE_NAME] = source->name;
    v[WP_I_FIELD_SOURCE_FIRST_NAME] = source->first_name;
    v[WP_I_FIELD_SOURCE_TITLE] = source->title;
    v[WP_I_FIELD_SOURCE_COMPANY] = source->company;
    v[WP_I_FIELD_SOURCE_RELATION] = relation_noun(&path->hops[0]);
    v[WP_I_FIELD_TARGET_NAME] = target->name;
    v[WP_I_FIELD_TARGET_FIRST_NAME] = target->first_name;
    v[WP_I_FIELD_TARGET_TITLE] = target->title;
    v[WP_I_FIELD_TARGET_COMPANY] = target->company;
    v[WP_I_FIELD_TARGET_RELATION] = relation_noun(&path->hops[path->n_hops - 1]);
    if (d->has_contact) {
        v[WP_I_FIELD_CONTACT_NAME] = d->contact.name;
        v[WP_I_FIELD_CONTACT_FIRST_NAME] = d->contact.first_name;
        v[WP_I_FIELD_CONTACT_TITLE] = d->contact.title;
        v[WP_I_FIELD_CONTACT_COMPANY] = d->contact.company;
        v[WP_I_FIELD_CONTACT_RELATION] = relation_noun(&path->hops[1]);
        g_ptr_array_add(owned, contact_link(r, path, target->first_name));
        v[WP_I_FIELD_CONTACT_LINK] = g_ptr_array_index(owned, owned->len - 1);
    }
    WpPerson introducer = p->people[p->n_people - 2];
    const char *introducer_name = wp_graph_person_label(r->graph, introducer);
    g_ptr_array_add(owned, first_name(r->graph, introducer, introducer_name));
    v[WP_I_FIELD_INTRODUCER_NAME] = introducer_name;
    v[WP_I_FIELD_INTRODUCER_FIRST_NAME] = g_ptr_array_index(owned, owned->len - 1);
    if (d->last_contact != WP_DAY_NONE) {
        char day[11];
        wp_day_format(d->last_contact, day);
        g_ptr_array_add(owned, g_strdup(day));
        v[WP_I_FIELD_LAST_CONTACT_DATE] = g_ptr_array_index(owned, owned->len - 1);
        g_ptr_array_add(owned, ago_text(d->age_days));
        v[WP_I_FIELD_LAST_CONTACT_AGO] = g_ptr_array_index(owned, owned->len - 1);
    }
    g_ptr_array_add(owned, fit_text(r->graph, target->person, brief));
    v[WP_I_FIELD_FIT] = g_ptr_array_index(owned, owned->len - 1);
    v[WP_I_FIELD_SOLVES] = brief->solves;
    v[WP_I_FIELD_FUNCTION] = brief->function;
    v[WP_I_FIELD_INDUSTRY] = brief->industry;
    v[WP_I_FIELD_GEOGRAPHY] = brief->geography;
    v[WP_I_FIELD_COMPANY_SIZE] = brief->company_size;
    v[WP_I_FIELD_PROOF] = brief->proof;
}

/* Appends a filled section to @out as paragraphs (nothing for an empty one). */
static void append_section(GString *out, const WpDraftTemplate *t, WpISection s,
                           const char *const *values)
{
    g_autofree char *text = wp_i_template_fill(t, s, values);
    if (text[0] == '\0')
        return;
    if (out->len > 0)
        g_string_append(out, "\n\n");
    g_string_append(out, text);
}

/* The message to the source up to the note: greeting, reconnect line (when needed), why this
 * buyer, the ask (through the source's own contact on a longer path), the note's
 * introduction. */
static char *compose_to_source(const WpDraft *d, const WpDraftTemplate *t, const char **values)
{
    GString *out = g_string_new(NULL);
    append_section(out, t, WP_I_SECTION_GREETING, values);
    if (d->reconnect != WP_DRAFT_RECONNECT_NONE)
        append_section(out, t, WP_I_SECTION_RECONNECT, values);
    append_section(out, t, WP_I_SECTION_WHY, values);
    append_section(out, t, d->has_contact ? WP_I_SECTION_ASK_VIA : WP_I_SECTION_ASK, values);
    if (d->note != NULL)
        append_section(out, t, WP_I_SECTION_NOTE_INTRO, values);
    return g_string_free(out, FALSE);
}

/* Warnings a seller should read before sending. */
static void add_warnings(WpDraft *d, const WpPathReason *path)
{
    if (d->note == NULL)
        wp_draft_add_warning(d, d->note_missing);
    else if (d->note_words >= WP_DRAFT_NOTE_MAX_WORDS) {
        g_autofree char *w = g_strdup_printf(
            "The forwardable note has %u words; keep it under %u (shorten [brief] proof= or "
            "solves=, or the template's [note]).",
            d->note_words, WP_DRAFT_NOTE_MAX_WORDS);
        wp_draft_add_warning(d, w);
    }
    if (d->source.email == NULL) {
        g_autofree char *w = g_strdup_printf(
            "The people file has no e-mail for %s: send it %s, or add an email column.",
            d->source.name, d->source.linkedin_url ? "as a LinkedIn message" : "another way");
        wp_draft_add_warning(d, w);
    }
    if (path->source_role == WP_SOURCE_SELLER) {
        g_autofree char *w = g_strdup_printf(
            "%s sells for another team: agree the account with them first.", d->source.name);
        wp_draft_add_warning(d, w);
    }
}

/* The rank of @path among @report's paths (1 = best), or 0 when it is not one of them. */
static guint path_rank(const WpPathReport *r, const WpPathReason *path)
{
    for (guint i = 0; i < r->paths->len; i++)
        if (&g_array_index(r->paths, WpPathReason, i) == path ||
            g_array_index(r->paths, WpPathReason, i).path == path->path)
            return i + 1;
    return 0;
}

WpDraft *wp_draft_new(const WpPathReport *r, const WpPathReason *path, const WpDraftTemplate *t,
                      GError **error)
{
    g_return_val_if_fail(r != NULL && path != NULL && t != NULL, NULL);
    const WpPath *p = path->path;
    if (p->n_people < 3) {
        g_set_error(error, WP_ERROR, WP_ERROR_NO_PATH,
                    "%s is a direct contact: there is no introduction to ask for, ask them "
                    "yourself",
                    wp_graph_person_label(r->graph, path->target));
        return NULL;
    }
    g_autoptr(WpDraft) d = g_new0(WpDraft, 1);
    d->warnings = g_ptr_array_new_with_free_func(g_free);
    d->ledger_warnings = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_warning_free);
    d->lang = g_strdup(wp_draft_template_lang(t));
    person_fill(r->graph, p->seller, &d->seller);
    person_fill(r->graph, p->people[1], &d->source);
    person_fill(r->graph, path->target, &d->target);
    d->has_contact = p->n_people >= 4;
    if (d->has_contact)
        person_fill(r->graph, p->people[2], &d->contact);
    d->path_rank = path_rank(r, path);
    d->n_paths = r->paths->len;
    d->probability = p->probability;
    d->headline = wp_report_path_headline(r, path);
    d->reconnect = reconnect_reason(r, &path->hops[0]);
    d->last_contact = path->hops[0].last_contact;
    d->age_days = path->hops[0].age_days;

    const char *values[WP_I_N_FIELDS] = {0};
    g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func(g_free);
    fill_values(r, path, d, values, owned);
    d->subject = wp_i_template_fill(t, WP_I_SECTION_SUBJECT, values);
    g_strdelimit(d->subject, "\n", ' ');
    if (values[WP_I_FIELD_SOLVES] != NULL) {
        d->note = wp_i_template_fill(t, WP_I_SECTION_NOTE, values);
        d->note_words = wp_draft_count_words(d->note);
    } else {
        d->note_missing = g_strdup(
            "No forwardable note: the profile has no brief. Add [brief] solves=… to your "
            "profile (what you solve, e.g. solves=close the month in three days instead of "
            "ten; 'warmpath profile' shows the keys).");
    }
    d->to_source = compose_to_source(d, t, values);
    d->closing = wp_i_template_fill(t, WP_I_SECTION_CLOSING, values);
    if (d->closing[0] == '\0')
        g_clear_pointer(&d->closing, g_free);
    add_warnings(d, path);
    return g_steal_pointer(&d);
}
