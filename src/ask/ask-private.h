/* SPDX-License-Identifier: MIT */
/* What the draft's files share: the template's sections and fields, the e-mail encoders. */
#pragma once

#include "warmpath/draft.h"

/* The sections of a template, in the order a draft uses them. */
typedef enum {
    WP_I_SECTION_SUBJECT,
    WP_I_SECTION_GREETING,
    WP_I_SECTION_RECONNECT,
    WP_I_SECTION_WHY,
    WP_I_SECTION_ASK,
    WP_I_SECTION_ASK_VIA,
    WP_I_SECTION_NOTE_INTRO,
    WP_I_SECTION_CLOSING,
    WP_I_SECTION_NOTE,
    WP_I_N_SECTIONS,
} WpISection;

/* The fields a template may use; wp_draft_template_fields() lists their names in this order. */
typedef enum {
    WP_I_FIELD_SELLER_NAME,
    WP_I_FIELD_SELLER_FIRST_NAME,
    WP_I_FIELD_SELLER_TITLE,
    WP_I_FIELD_SELLER_COMPANY,
    WP_I_FIELD_SELLER_EMAIL,
    WP_I_FIELD_SELLER_PHONE,
    WP_I_FIELD_SELLER_LINKEDIN_URL,
    WP_I_FIELD_SOURCE_NAME,
    WP_I_FIELD_SOURCE_FIRST_NAME,
    WP_I_FIELD_SOURCE_TITLE,
    WP_I_FIELD_SOURCE_COMPANY,
    WP_I_FIELD_SOURCE_RELATION,
    WP_I_FIELD_TARGET_NAME,
    WP_I_FIELD_TARGET_FIRST_NAME,
    WP_I_FIELD_TARGET_TITLE,
    WP_I_FIELD_TARGET_COMPANY,
    WP_I_FIELD_TARGET_RELATION,
    WP_I_FIELD_CONTACT_NAME,
    WP_I_FIELD_CONTACT_FIRST_NAME,
    WP_I_FIELD_CONTACT_TITLE,
    WP_I_FIELD_CONTACT_COMPANY,
    WP_I_FIELD_CONTACT_RELATION,
    WP_I_FIELD_CONTACT_LINK,
    WP_I_FIELD_INTRODUCER_NAME,
    WP_I_FIELD_INTRODUCER_FIRST_NAME,
    WP_I_FIELD_LAST_CONTACT_DATE,
    WP_I_FIELD_LAST_CONTACT_AGO,
    WP_I_FIELD_FIT,
    WP_I_FIELD_SOLVES,
    WP_I_FIELD_FUNCTION,
    WP_I_FIELD_INDUSTRY,
    WP_I_FIELD_GEOGRAPHY,
    WP_I_FIELD_COMPANY_SIZE,
    WP_I_FIELD_PROOF,
    WP_I_N_FIELDS,
} WpIField;

/* TRUE when @tmpl has @section (the required ones are always there). */
gboolean wp_i_template_has(const WpDraftTemplate *tmpl, WpISection section);
/* Fills @section with @values (WP_I_N_FIELDS strings, NULL or "" for no value): paragraphs
 * separated by "\n\n", a forced line break as "\n", lines of a paragraph joined by a space.
 * A line whose fields are not all filled gives way to its alternatives, or is left out. "" for
 * a section the template lacks. Cannot fail (the template was checked when loaded). */
char *wp_i_template_fill(const WpDraftTemplate *tmpl, WpISection section,
                         const char *const *values);

/* Appends @line wrapped at 72 columns (a longer word stays whole), the first line after
 * @indent, the others after as many spaces; ends with "\n". */
void wp_i_draft_wrap(GString *out, const char *line, const char *indent);

/* The message's body as an e-mail carries it, lines ending in "\n": the message to the source
 * wrapped at 72 columns, the note between marker lines (or the missing note's sentence in
 * brackets), then the closing. */
char *wp_i_draft_body(const WpDraft *draft);

/* The compiled-in resources (glib-compile-resources --c-name wp_i_ask). */
GResource *wp_i_ask_get_resource(void);

/* RFC 2047: @text as a header's unstructured text or phrase, folded: ASCII text stays as it is
 * (words moved to a new line at 78 columns), a run with non-ASCII is written as UTF-8 "B"
 * encoded-words of at most 75 characters that never split a character. @used: the columns the
 * line already has ("Subject: " is 9). Lines are joined by "\r\n ". */
char *wp_i_eml_header_text(const char *text, guint used);
/* "Name <addr>", the name as a phrase (quoted when it has specials, encoded when not ASCII);
 * the name alone, encoded, when @address is NULL. @used as above. */
char *wp_i_eml_mailbox(const char *name, const char *address, guint used);
/* Quoted-printable (RFC 2045) of @text, whose lines end in "\n", with CRLF line ends. */
char *wp_i_eml_quoted_printable(const char *text);
