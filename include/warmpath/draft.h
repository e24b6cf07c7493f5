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
#include "warmpath/ledger-ask.h"
#include "warmpath/ledger.h"
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
 * @header: (nullable): lines that head the draft, each ending without a newline and separated
 *   by one: what the ledger says about the source (wp_draft_add_ledger_warnings()), the ask it
 *   was recorded as; NULL when there is nothing to say
 * @warnings: (element-type utf8): what the seller should know before sending, one sentence
 *   each
 * @ledger_warnings: (element-type WpAskWarning): what the ledger says about asking the source
 *   (open asks over the cap, a recent ask, a recent refusal), also named in @header; empty
 *   without a ledger
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
    GPtrArray *ledger_warnings;
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

/* Adds a warning (copied) to "Before you send". Time: O(1) amortised. */
WP_API void wp_draft_add_warning(WpDraft *draft, const char *warning);
/* Adds a line (copied; one line, no newline) at the end of the draft's header. Time: O(length
 * of the header). */
WP_API void wp_draft_add_header(WpDraft *draft, const char *line);

/**
 * wp_draft_add_ledger_warnings:
 * @draft: a draft
 * @asks: (element-type WpAsk): the ledger's asks (wp_ledger_list_asks())
 * @model: the profile: [ledger] ask_cap and recent_ask_days
 * @day: the day the ask would be made
 *
 * Names in the draft's header what the ledger knows about its source, as `ask` warns:
 * wp_ask_source_warnings() (open asks at the cap or over it, a refusal or an ask within
 * recent_ask_days), one header line "Before you ask: TEXT." each, and the warnings themselves
 * in @draft->ledger_warnings. A source the ledger has nothing against adds nothing. Front ends
 * call it whenever the data has a ledger, whether or not they record the ask; with none they
 * leave it out (a question that only reads must not create a ledger). Cannot fail.
 * Time: O(asks).
 */
WP_API void wp_draft_add_ledger_warnings(WpDraft *draft, const GPtrArray *asks,
                                         const WpModel *model, WpDay day);

/**
 * wp_draft_to_message:
 * @draft: a draft
 *
 * The message to the source as the seller sends it, the text `draft --record` keeps with the
 * ask: "To: NAME <EMAIL>" (or "To: NAME"), "Subject: ...", an empty line, then the body of
 * wp_draft_to_eml() (the message wrapped at 72 columns, the forwardable note between
 * "-------- note to forward --------" and "-------- end of note --------", the closing), lines
 * ending in "\n". No header, path or warnings: those are the seller's, not the source's.
 * Time: O(size of the draft).
 *
 * Returns: (transfer full): the text; free with g_free()
 */
WP_API char *wp_draft_to_message(const WpDraft *draft);

/**
 * WpDraftAsk:
 * @day: the day of the ask (its `asked` event)
 * @note: (nullable): a note kept with the ask
 * @at_company: (nullable): the account named with --at, as typed
 * @recorded_by: (nullable): who records it (NULL: the OS user)
 * @source_named: the seller named the source (--via); FALSE when the draft is for the best
 *   path's source
 * @query: (nullable): the limits the draft's answer was searched under (NULL: the model's)
 *
 * What recording a draft needs besides the draft itself; borrowed for the call.
 */
typedef struct {
    WpDay day;
    const char *note;
    const char *at_company;
    const char *recorded_by;
    gboolean source_named;
    const WpPathQuery *query;
} WpDraftAsk;

/**
 * wp_draft_record:
 * @ledger: the ledger to record into (opened to write)
 * @scoring: the network and model the draft was written under
 * @draft: a draft of @path (wp_draft_new()), for one seller; its ledger warnings are added here
 * @path: the path of the answer @draft was written from
 * @details: the day, note, account, recorder and limits
 * @proposal: (out) (optional) (transfer full): how the source was chosen, as `ask` says it
 * @warnings: (out) (optional) (transfer full) (element-type WpAskWarning): what `ask` would
 *   warn about (wp_ledger_ask_warnings())
 * @error: return location for a GError, or NULL
 *
 * `draft --record`: records the ask the draft is for, exactly the one `warmpath ask` records for
 * the same seller, buyer and source (wp_ask_propose() with the source when @source_named, else
 * none: the same path, source and probability), with wp_draft_to_message() as its draft. Before
 * recording, reads the ledger's asks and adds what they say about the source to @draft
 * (wp_draft_add_ledger_warnings() on @details->day): the ask is recorded anyway, the seller
 * decides. Fails as wp_ask_propose() does (WP_ERROR_USAGE when the seller should just ask the
 * buyer, WP_ERROR_NO_PATH), with WP_ERROR_FAILED when the proposal does not go through @path
 * (the draft would describe another ask than the one recorded), and as the ledger does; on
 * failure nothing is recorded and @draft is unchanged. Time: one path search (wp_ask_propose())
 * and one read of the ledger's asks.
 *
 * Returns: (transfer full) (nullable): the ask as recorded; free with wp_ask_free()
 */
WP_API WpAsk *wp_draft_record(WpLedger *ledger, const WpScoring *scoring, WpDraft *draft,
                              const WpPathReason *path, const WpDraftAsk *details,
                              WpAskProposal **proposal, GPtrArray **warnings, GError **error);

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
