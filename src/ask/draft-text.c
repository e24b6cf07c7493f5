/* SPDX-License-Identifier: MIT */
/* A draft as text to read and copy: plain (wrapped at 72 columns) or Markdown. */
#include "ask/ask-private.h"
#include "warmpath/text.h"

#include <string.h>

#define WRAP_COLUMNS 72

/* As ask-private.h says; an all-space @indent is the same on every line. */
void wp_i_draft_wrap(GString *out, const char *line, const char *indent)
{
    g_auto(GStrv) words = g_strsplit(line, " ", -1);
    guint used = 0;
    guint indent_width = wp_text_width(indent);
    g_autofree char *hanging = g_strnfill(indent_width, ' ');
    gboolean first = TRUE;
    for (guint i = 0; words[i] != NULL; i++) {
        if (words[i][0] == '\0')
            continue;
        guint w = wp_text_width(words[i]);
        if (used > 0 && used + 1 + w > WRAP_COLUMNS) {
            g_string_append_c(out, '\n');
            used = 0;
        }
        if (used == 0) {
            g_string_append(out, first ? indent : hanging);
            first = FALSE;
            used = indent_width;
        } else {
            g_string_append_c(out, ' ');
            used++;
        }
        g_string_append(out, words[i]);
        used += w;
    }
    g_string_append_c(out, '\n');
}

/* Markdown's special characters escaped, so that names and prose print as typed. */
static char *markdown_escape(const char *text)
{
    GString *out = g_string_new(NULL);
    for (const char *p = text; *p != '\0'; p++) {
        if (strchr("\\`*_[]<>#|~", *p) != NULL)
            g_string_append_c(out, '\\');
        g_string_append_c(out, *p);
    }
    return g_string_free(out, FALSE);
}

/* Appends paragraphs ("\n\n" apart, forced breaks "\n") as text: wrapped, each line after
 * @indent; in Markdown escaped, a forced break as a trailing backslash, and @indent ("> " for
 * a quote) on the empty lines too. */
static void append_paragraphs(GString *out, const char *text, gboolean markdown, const char *indent)
{
    g_auto(GStrv) paragraphs = g_strsplit(text, "\n\n", -1);
    g_autofree char *empty = g_strchomp(g_strdup(markdown ? indent : ""));
    for (guint i = 0; paragraphs[i] != NULL; i++) {
        if (i > 0)
            g_string_append_printf(out, "%s\n", empty);
        g_auto(GStrv) lines = g_strsplit(paragraphs[i], "\n", -1);
        for (guint k = 0; lines[k] != NULL; k++) {
            if (!markdown) {
                wp_i_draft_wrap(out, lines[k], indent);
                continue;
            }
            g_autofree char *escaped = markdown_escape(lines[k]);
            g_string_append_printf(out, "%s%s%s\n", indent, escaped,
                                   lines[k + 1] != NULL ? "\\" : "");
        }
    }
}

/* "Finance Director, Brightline Pay". */
static char *role(const WpDraftPerson *p)
{
    if (p->title != NULL && p->company != NULL)
        return g_strdup_printf("%s, %s", p->title, p->company);
    return g_strdup(p->title != NULL ? p->title : p->company != NULL ? p->company : "");
}

/* "email a@b.example · LinkedIn https://... · phone +1 ...", or "no contact details on file". */
static char *contact_details(const WpDraftPerson *p)
{
    GString *out = g_string_new(NULL);
    const char *labels[] = {"email", "LinkedIn", "phone"};
    const char *values[] = {p->email, p->linkedin_url, p->phone};
    for (guint i = 0; i < G_N_ELEMENTS(values); i++)
        if (values[i] != NULL)
            g_string_append_printf(out, "%s%s %s", out->len ? " · " : "", labels[i], values[i]);
    if (out->len == 0)
        g_string_append(out, "no contact details in the people file");
    return g_string_free(out, FALSE);
}

static void append_heading(GString *out, const char *text, gboolean markdown, guint level)
{
    if (markdown) {
        g_autofree char *escaped = markdown_escape(text);
        g_string_append_printf(out, "%s %s\n\n", level == 1 ? "##" : "###", escaped);
    } else {
        g_string_append_printf(out, "%s\n", text);
        for (guint i = wp_text_width(text); i > 0; i--)
            g_string_append(out, level == 1 ? "=" : "-");
        g_string_append(out, "\n\n");
    }
}

/* "- Priya Natarajan (source; Finance Director, Brightline Pay): email ...". */
static void append_contact(GString *out, const WpDraftPerson *p, const char *what,
                           gboolean markdown)
{
    g_autofree char *r = role(p);
    g_autofree char *details = contact_details(p);
    g_autofree char *line =
        g_strdup_printf("%s (%s%s%s): %s", p->name, what, r[0] ? "; " : "", r, details);
    if (markdown) {
        g_autofree char *escaped = markdown_escape(line);
        g_string_append_printf(out, "- %s\n", escaped);
    } else {
        wp_i_draft_wrap(out, line, "- ");
    }
}

/* The header lines: what is drafted, the path, the header the ledger fills. */
static void append_top(GString *out, const WpDraft *d, gboolean markdown)
{
    g_autofree char *title =
        g_strdup_printf("Draft: ask %s to introduce you to %s", d->source.name, d->target.name);
    append_heading(out, title, markdown, 1);
    GString *top = g_string_new(NULL);
    if (d->header != NULL)
        g_string_append_printf(top, "%s\n", d->header);
    if (d->path_rank > 0)
        g_string_append_printf(
            top, "Path %u of %u%s: %s\n", d->path_rank, d->n_paths,
            d->default_source ? " (the best path; --via SOURCE drafts another)" : "", d->headline);
    else
        g_string_append_printf(top, "%s\n", d->headline);
    g_auto(GStrv) lines = g_strsplit(top->str, "\n", -1);
    g_string_free(top, TRUE);
    for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        append_paragraphs(out, lines[i], markdown, "");
    g_string_append_c(out, '\n');
}

char *wp_draft_to_text(const WpDraft *d, gboolean markdown)
{
    g_return_val_if_fail(d != NULL, NULL);
    GString *out = g_string_new(NULL);
    append_top(out, d, markdown);

    g_autofree char *to = g_strdup_printf("1. To %s (only they read this)", d->source.name);
    append_heading(out, to, markdown, 2);
    g_autofree char *address =
        d->source.email ? g_strdup_printf("To: %s <%s>", d->source.name, d->source.email)
                        : g_strdup_printf("To: %s (no e-mail in the people file)", d->source.name);
    g_autofree char *subject = g_strdup_printf("Subject: %s", d->subject);
    g_autofree char *head = g_strdup_printf("%s\n%s", address, subject);
    append_paragraphs(out, head, markdown, "");
    g_string_append_c(out, '\n');
    append_paragraphs(out, d->to_source, markdown, "");
    g_string_append_c(out, '\n');
    if (d->note != NULL) {
        g_string_append(out, markdown ? "*(the forwardable note, part 2, goes here)*\n\n"
                                      : "    [the forwardable note, part 2, goes here]\n\n");
    }
    if (d->closing != NULL) {
        append_paragraphs(out, d->closing, markdown, "");
        g_string_append_c(out, '\n');
    }

    g_autofree char *note =
        g_strdup_printf("2. Forwardable note (for %s, passed on as it is)", d->target.name);
    append_heading(out, note, markdown, 2);
    if (d->note != NULL) {
        append_paragraphs(out, d->note, markdown, markdown ? "> " : "    ");
        g_autofree char *count = g_strdup_printf("(%u words)", d->note_words);
        g_string_append_printf(out, "\n%s\n\n", count);
    } else {
        append_paragraphs(out, d->note_missing, markdown, "");
        g_string_append_c(out, '\n');
    }

    append_heading(out, "Contact details", markdown, 2);
    append_contact(out, &d->source, "referral source", markdown);
    if (d->has_contact)
        append_contact(out, &d->contact, "the source's contact", markdown);
    append_contact(out, &d->target, "the buyer", markdown);
    if (d->warnings->len > 0) {
        g_string_append_c(out, '\n');
        append_heading(out, "Before you send", markdown, 2);
        for (guint i = 0; i < d->warnings->len; i++) {
            const char *w = g_ptr_array_index(d->warnings, i);
            if (markdown) {
                g_autofree char *escaped = markdown_escape(w);
                g_string_append_printf(out, "- %s\n", escaped);
            } else {
                wp_i_draft_wrap(out, w, "- ");
            }
        }
    }
    return g_string_free(out, FALSE);
}
