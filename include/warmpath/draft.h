/* SPDX-License-Identifier: MIT */
/* Intro-request drafts: the ask a seller sends a referral source, written from a path of a
 * `path` answer, and the short note the source forwards to the buyer (docs/asking.md). Drafts are
 * text to send by hand: nothing here sends anything.
 *
 * A draft borrows nothing: it copies what it shows from the report it was built from, so it may
 * outlive the report, the scoring and the graph. One draft belongs to one thread at a time; a
 * template never changes once loaded and may be shared by any number of threads. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/report.h"

G_BEGIN_DECLS

/**
 * WpDraftTemplate:
 *
 * The wording of a draft: sections of text with named fields such as {source_first_name}
 * (docs/asking.md "Templates" lists the sections and the fields). The default English one is
 * compiled into the library; a team may write its own.
 */
typedef struct WpDraftTemplate WpDraftTemplate;

/**
 * wp_draft_template_new_default:
 * @lang: (nullable): a language code; NULL or "en" for English, the only one shipped
 * @error: return location for a GError, or NULL
 *
 * The template compiled into the library. An unknown @lang fails with WP_ERROR_USAGE naming the
 * languages there are. Time: O(n) for the template's n bytes.
 *
 * Returns: (transfer full) (nullable): the template; free with wp_draft_template_free()
 */
WP_API WpDraftTemplate *wp_draft_template_new_default(const char *lang, GError **error);

/**
 * wp_draft_template_load_file:
 * @filename: a template file (UTF-8, at most WP_MAX_SMALL_FILE_BYTES)
 * @error: return location for a GError, or NULL
 *
 * Reads a team's own template. An unknown field or section, a brace left open, a section given
 * twice or text before the first section fails with WP_ERROR_PARSE and "FILE:LINE: " naming the
 * field; a required section missing fails naming FILE and the section. Time: O(n) for the
 * file's n bytes.
 *
 * Returns: (transfer full) (nullable): the template; free with wp_draft_template_free()
 */
WP_API WpDraftTemplate *wp_draft_template_load_file(const char *filename, GError **error);

/* As wp_draft_template_load_file() from text; @origin names it in messages. Time: O(n) for the
 * text's n bytes. Returns: (transfer full) (nullable): the template; free with
 * wp_draft_template_free() */
WP_API WpDraftTemplate *wp_draft_template_load_from_data(const char *text, const char *origin,
                                                         GError **error);
/* NULL is a no-op. Time: O(sections + lines). */
WP_API void wp_draft_template_free(WpDraftTemplate *tmpl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpDraftTemplate, wp_draft_template_free)

/* The language the template declares (`lang=` before its first section; "en" when it says
 * none). Time: O(1). Returns: (transfer none): valid while @tmpl lives */
WP_API const char *wp_draft_template_lang(const WpDraftTemplate *tmpl);

/* The fields a template may use, NULL-terminated, in the order docs/asking.md lists them.
 * Time: O(1). Returns: (transfer none): a static array */
WP_API const char *const *wp_draft_template_fields(void);

/**
 * WpDraftPerson:
 * @person: the person in the graph the draft was made from
 * @id: the people file's id
 * @name: the name as the people file spells it
 * @first_name: how a message greets them: the people file's `first_name`, else the name's first
 *   word after any honorific
 * @company: (nullable): the people file's company
 * @title: (nullable): the people file's title
 * @email: (nullable): the people file's `email`
 * @linkedin_url: (nullable): the people file's `linkedin_url`
 * @phone: (nullable): the people file's `phone`
 *
 * One person a draft names, with the contact details the people file has. Strings are owned by
 * the draft; an absent column or an empty cell is NULL.
 */
typedef struct {
    WpPerson person;
    char *id;
    char *name;
    char *first_name;
    char *company;
    char *title;
    char *email;
    char *linkedin_url;
    char *phone;
} WpDraftPerson;

/**
 * WpDraftReconnect:
 * @WP_DRAFT_RECONNECT_NONE: the tie is warm: no reconnect line
 * @WP_DRAFT_RECONNECT_COLD: the last contact is older than the profile's cold_after_days
 * @WP_DRAFT_RECONNECT_NEVER_USED: the data says the two never interacted, or they are only
 *   LinkedIn connections
 * @WP_DRAFT_RECONNECT_WEAK: the tie's effective strength is below the profile's weak_tie_below
 *
 * Why the message to the source opens by reconnecting (the first reason that applies, in this
 * order: cold, never used, weak).
 */
typedef enum {
    WP_DRAFT_RECONNECT_NONE,
    WP_DRAFT_RECONNECT_COLD,
    WP_DRAFT_RECONNECT_NEVER_USED,
    WP_DRAFT_RECONNECT_WEAK,
} WpDraftReconnect;

/* "none", "cold", "never-used", "weak". Time: O(1). Returns: (transfer none): a static string */
WP_API const char *wp_draft_reconnect_name(WpDraftReconnect reconnect);

/**
 * WpDraft:
 * @seller: who asks
 * @source: the referral source the draft asks
 * @target: the buyer
 * @has_contact: the path has a go-between after the source
 * @contact: with @has_contact, the source's own contact on the path (the person the source
 *   asks); zeroed otherwise
 * @path_rank: the path's place in the answer, 1 for the best
 * @n_paths: how many paths the answer has
 * @probability: the path's chance that the introduction happens, in (0, 1]
 * @headline: the path's advice, wp_report_path_headline()
 * @reconnect: why the message opens by reconnecting, or WP_DRAFT_RECONNECT_NONE
 * @last_contact: the seller's last contact with the source, WP_DAY_NONE when unknown
 * @age_days: days from @last_contact to the as-of day, -1 when unknown
 * @subject: the subject of the message to the source
 * @to_source: the message to the source up to where the note goes, paragraphs separated by an
 *   empty line; a line break inside a paragraph is one the template forces; lines are not
 *   wrapped
 * @closing: (nullable): the message's last paragraphs, after the note (the sign-off); NULL
 *   when the template has no [closing]
 * @note: (nullable): the note the source forwards to the buyer, laid out as @to_source; NULL
 *   when the profile has no brief
 * @note_words: the words of @note, 0 without one
 * @note_missing: (nullable): without @note, what to add to the profile ("add [brief] solves=…
 *   to your profile ..."); NULL with a note
 * @header: (nullable): a line that heads the draft, for the ledger to fill (a source over the
 *   ask cap, one who declined recently); NULL until then
 * @warnings: (element-type utf8): what the seller should know before sending, one sentence
 *   each; the ledger may append to it
 * @lang: the template's language
 * @default_source: the caller chose @source as the best path's (no source was named): the text
 *   says so; FALSE from wp_draft_new()
 *
 * An intro request, built by wp_draft_new(). Every field is owned by the draft.
 */
typedef struct {
    WpDraftPerson seller;
    WpDraftPerson source;
    WpDraftPerson target;
    gboolean has_contact;
    WpDraftPerson contact;
    guint path_rank;
    guint n_paths;
    double probability;
    char *headline;
    WpDraftReconnect reconnect;
    WpDay last_contact;
    gint32 age_days;
    char *subject;
    char *to_source;
    char *closing;
    char *note;
    guint note_words;
    char *note_missing;
    char *header;
    GPtrArray *warnings;
    char *lang;
    gboolean default_source;
} WpDraft;

/* The longest forwardable note, in words, a draft keeps without a warning. */
#define WP_DRAFT_NOTE_MAX_WORDS 120

/**
 * wp_draft_new:
 * @report: the answer the path belongs to (a query to one person)
 * @path: one of @report's paths, with a referral source (not a direct path)
 * @tmpl: the wording
 * @error: return location for a GError, or NULL
 *
 * Writes the request for one path: to the source, a reconnect line when the seller's tie to
 * them is cold, never used or weak (the profile's rules), why this buyer, the ask (an
 * introduction by e-mail or phone, and a word back once done), and for a longer path who the
 * source's own contact is and how they know each other; the forwardable note from the
 * profile's brief (wp_model_brief() of the scoring's model), or @note_missing without one; the
 * contact details the people file has; warnings (a note over WP_DRAFT_NOTE_MAX_WORDS words, no
 * e-mail for the source). A direct path fails with WP_ERROR_NO_PATH (there is no one to ask
 * for an introduction). Time: O(hops of @path + template lines).
 *
 * Returns: (transfer full) (nullable): the draft; free with wp_draft_free()
 */
WP_API WpDraft *wp_draft_new(const WpPathReport *report, const WpPathReason *path,
                             const WpDraftTemplate *tmpl, GError **error);
/* NULL is a no-op. Time: O(warnings). */
WP_API void wp_draft_free(WpDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpDraft, wp_draft_free)

/* Adds a warning (copied), as the ledger will for an ask cap. Time: O(1) amortised. */
WP_API void wp_draft_add_warning(WpDraft *draft, const char *warning);

/**
 * wp_draft_count_words:
 * @text: UTF-8 text
 *
 * The words of @text as a reader counts them: runs of letters, digits and the marks, hyphens,
 * apostrophes and dots inside them; a number such as "2,000" is one word, a dash alone is none.
 * Time: O(n) for the text's n bytes.
 *
 * Returns: the number of words
 */
WP_API guint wp_draft_count_words(const char *text);

/**
 * wp_draft_to_text:
 * @draft: a draft
 * @markdown: TRUE for Markdown (headings, the note as a quote, text escaped), FALSE for plain
 *   text wrapped at 72 columns
 *
 * The draft as `warmpath draft` prints it: the header and the path, the message to the source,
 * the forwardable note (or what the profile lacks), the contact details, the warnings. Text as
 * the data spells it: a terminal front end makes it safe (wp_text_for_terminal()). Time: O(size
 * of the draft).
 *
 * Returns: (transfer full): the text; free with g_free()
 */
WP_API char *wp_draft_to_text(const WpDraft *draft, gboolean markdown);

/**
 * wp_draft_to_json:
 * @draft: a draft
 *
 * {"header", "path": {"rank", "of", "probability", "headline"}, "seller", "source", "target",
 * "contact" (each {"id", "name", "first_name", "company", "title", "email", "linkedin_url",
 * "phone"}, absent values null; "contact" null for a path with no go-between after the source),
 * "reconnect": {"needed", "reason", "last_contact", "age_days"}, "to_source": {"subject",
 * "body", "paragraphs", "closing"}, "note": {"text", "words", "paragraphs"} or null,
 * "note_missing", "warnings", "lang"}. Time: O(size of the draft).
 *
 * Returns: (transfer full): the JSON object; free with json_node_unref()
 */
WP_API JsonNode *wp_draft_to_json(const WpDraft *draft);

/**
 * wp_draft_to_eml:
 * @draft: a draft
 * @date: (nullable): the Date header's time; NULL for now
 *
 * The message to the source as an RFC 5322 file a mail client opens as an unsent draft
 * (`X-Unsent: 1`): From the seller (when the people file has their e-mail), To the source
 * (likewise), Subject, Date, a Message-ID made from the content and @date, MIME-Version, a
 * text/plain UTF-8 body in 8bit (quoted-printable when a line is longer than 78 bytes), the
 * forwardable note inside it between marker lines. Non-ASCII header text is RFC 2047 encoded;
 * header lines are folded at 78 columns; lines end in CRLF. Time: O(size of the draft).
 *
 * Returns: (transfer full): the message; free with g_free()
 */
WP_API char *wp_draft_to_eml(const WpDraft *draft, GDateTime *date);

G_END_DECLS
