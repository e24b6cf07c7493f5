/* SPDX-License-Identifier: MIT */
/* A draft as an unsent e-mail (RFC 5322, MIME text/plain UTF-8): headers encoded by RFC 2047
 * and folded, the body in 8bit or quoted-printable. Written here because GLib has no MIME
 * encoder and GMime would be a dependency for a hundred lines. */
#include "ask/ask-private.h"

#include <string.h>

#define LINE_MAX_COLUMNS 78 /* RFC 5322 2.1.1: lines SHOULD be at most 78 characters */
#define ENCODED_WORD_MAX 75 /* RFC 2047 2: an encoded-word is at most 75 characters */
#define QP_LINE_MAX 76      /* RFC 2045 6.7: encoded lines at most 76 characters */
#define WORD_OVERHEAD 12    /* "=?UTF-8?B?" and "?=" */

static gboolean is_ascii_text(const char *text)
{
    for (const char *p = text; *p != '\0'; p++)
        if ((guchar)*p < 0x20 || (guchar)*p >= 0x7f)
            return FALSE;
    return strstr(text, "=?") == NULL; /* would read as an encoded-word */
}

/* The columns of the last line of @s. */
static guint last_line_columns(const GString *s)
{
    const char *nl = g_strrstr(s->str, "\n");
    return (guint)(nl != NULL ? s->len - (gsize)(nl + 1 - s->str) : s->len);
}

/* @text as "B" encoded-words, folded: each word at most 75 characters and each line at most 78
 * (@used columns are taken on the first), a character's bytes never split between words. */
static void append_encoded_words(GString *out, const char *text, guint used)
{
    const char *p = text;
    while (*p != '\0') {
        guint room = MIN(ENCODED_WORD_MAX, LINE_MAX_COLUMNS - used);
        if (room < WORD_OVERHEAD + 4 + 1) { /* not even one character fits: next line */
            g_string_append(out, "\r\n ");
            used = 1;
            continue;
        }
        gsize max_bytes = (room - WORD_OVERHEAD) / 4 * 3;
        const char *end = p;
        while (*end != '\0') {
            const char *next = g_utf8_next_char(end);
            if ((gsize)(next - p) > max_bytes)
                break;
            end = next;
        }
        g_autofree char *b64 = g_base64_encode((const guchar *)p, (gsize)(end - p));
        g_string_append_printf(out, "=?UTF-8?B?%s?=", b64);
        p = end;
        if (*p != '\0') {
            g_string_append(out, "\r\n ");
            used = 1;
        }
    }
}

/* ASCII @text folded at spaces so that lines stay within 78 columns where a space allows. */
static void append_folded_ascii(GString *out, const char *text, guint used)
{
    g_auto(GStrv) words = g_strsplit(text, " ", -1);
    for (guint i = 0; words[i] != NULL; i++) {
        guint w = (guint)strlen(words[i]);
        if (i > 0) {
            if (used + 1 + w > LINE_MAX_COLUMNS) {
                g_string_append(out, "\r\n");
                used = 0;
            }
            g_string_append_c(out, ' ');
            used++;
        }
        g_string_append(out, words[i]);
        used += w;
    }
}

char *wp_i_eml_header_text(const char *text, guint used)
{
    GString *out = g_string_new(NULL);
    if (is_ascii_text(text))
        append_folded_ascii(out, text, used);
    else
        append_encoded_words(out, text, used);
    return g_string_free(out, FALSE);
}

/* An address a header can carry as it is: one '@', printable ASCII, none of the specials. */
static gboolean plain_address(const char *address)
{
    const char *at = strchr(address, '@');
    if (at == NULL || at == address || at[1] == '\0' || strchr(at + 1, '@') != NULL)
        return FALSE;
    for (const char *p = address; *p != '\0'; p++)
        if ((guchar)*p <= 0x20 || (guchar)*p >= 0x7f || strchr("<>()[]\\,;:\"", *p) != NULL)
            return FALSE;
    return TRUE;
}

char *wp_i_eml_mailbox(const char *name, const char *address, guint used)
{
    GString *out = g_string_new(NULL);
    if (!is_ascii_text(name)) {
        append_encoded_words(out, name, used);
    } else if (strpbrk(name, "()<>[]:;@\\,.\"") != NULL) { /* a quoted-string */
        g_string_append_c(out, '"');
        for (const char *p = name; *p != '\0'; p++) {
            if (*p == '"' || *p == '\\')
                g_string_append_c(out, '\\');
            g_string_append_c(out, *p);
        }
        g_string_append_c(out, '"');
    } else {
        append_folded_ascii(out, name, used);
    }
    if (address != NULL) {
        guint col = last_line_columns(out) + (strchr(out->str, '\n') ? 0 : used);
        if (col + 3 + strlen(address) > LINE_MAX_COLUMNS)
            g_string_append(out, "\r\n");
        g_string_append_printf(out, " <%s>", address);
    }
    return g_string_free(out, FALSE);
}

char *wp_i_eml_quoted_printable(const char *text)
{
    GString *out = g_string_new(NULL);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
        if (lines[i + 1] == NULL && lines[i][0] == '\0')
            break; /* after the last "\n" */
        guint col = 0;
        for (const guchar *p = (const guchar *)lines[i]; *p != '\0'; p++) {
            gboolean last = p[1] == '\0';
            /* a space or tab at the end of a line would be lost in transport: encoded */
            gboolean literal =
                (*p >= 33 && *p <= 126 && *p != '=') || ((*p == ' ' || *p == '\t') && !last);
            guint width = literal ? 1 : 3;
            /* a soft break leaves room for its '=' (and keeps "=XX" whole) */
            if (col + width > QP_LINE_MAX - (last ? 0 : 1)) {
                g_string_append(out, "=\r\n");
                col = 0;
            }
            if (literal)
                g_string_append_c(out, (char)*p);
            else
                g_string_append_printf(out, "=%02X", *p);
            col += width;
        }
        g_string_append(out, "\r\n");
    }
    return g_string_free(out, FALSE);
}

/* The body as lines ending in "\n": the message to the source wrapped at 72 columns, the note
 * between marker lines where the template's [note-intro] leads to it, then the closing. */
char *wp_i_draft_body(const WpDraft *d)
{
    GString *out = g_string_new(NULL);
    const char *parts[] = {d->to_source, d->note != NULL ? d->note : NULL, d->closing};
    for (guint k = 0; k < G_N_ELEMENTS(parts); k++) {
        if (k == 1 && d->note == NULL) {
            g_string_append_printf(out, "[warmpath: %s]\n\n", d->note_missing);
            continue;
        }
        if (parts[k] == NULL)
            continue;
        if (k == 1)
            g_string_append(out, "-------- note to forward --------\n\n");
        g_auto(GStrv) paragraphs = g_strsplit(parts[k], "\n\n", -1);
        for (guint i = 0; paragraphs[i] != NULL; i++) {
            g_auto(GStrv) lines = g_strsplit(paragraphs[i], "\n", -1);
            for (guint j = 0; lines[j] != NULL; j++)
                wp_i_draft_wrap(out, lines[j], "");
            g_string_append_c(out, '\n');
        }
        if (k == 1)
            g_string_append(out, "-------- end of note --------\n\n");
    }
    while (out->len >= 2 && out->str[out->len - 2] == '\n') /* one final line end */
        g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}

/* TRUE when every line of @text (ending in "\n") is at most 78 bytes: 8bit is then safe. */
static gboolean short_lines(const char *text)
{
    for (const char *p = text; *p != '\0';) {
        const char *nl = strchr(p, '\n');
        gsize len = nl ? (gsize)(nl - p) : strlen(p);
        if (len > LINE_MAX_COLUMNS)
            return FALSE;
        p += len + (nl != NULL);
    }
    return TRUE;
}

/* "Sun, 06 Dec 2026 10:49:33 +0000": RFC 5322 3.3, in English whatever the locale. */
static char *rfc5322_date(GDateTime *t)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    gint64 offset = g_date_time_get_utc_offset(t) / G_TIME_SPAN_MINUTE;
    return g_strdup_printf(
        "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", days[g_date_time_get_day_of_week(t) - 1],
        g_date_time_get_day_of_month(t), months[g_date_time_get_month(t) - 1],
        g_date_time_get_year(t), g_date_time_get_hour(t), g_date_time_get_minute(t),
        g_date_time_get_second(t), offset < 0 ? '-' : '+', (int)(ABS(offset) / 60),
        (int)(ABS(offset) % 60));
}

/* "Name: value\r\n" with the value already folded. */
static void add_header(GString *out, const char *name, const char *value)
{
    g_string_append_printf(out, "%s: %s\r\n", name, value);
}

static void add_mailbox(GString *out, const char *header, const WpDraftPerson *p)
{
    if (p->email == NULL || !plain_address(p->email))
        return; /* no address: the mail client fills From, the seller fills To */
    g_autofree char *value = wp_i_eml_mailbox(p->name, p->email, (guint)strlen(header) + 2);
    add_header(out, header, value);
}

char *wp_draft_to_eml(const WpDraft *d, GDateTime *date)
{
    g_return_val_if_fail(d != NULL, NULL);
    g_autoptr(GDateTime) now = date != NULL ? g_date_time_ref(date) : g_date_time_new_now_utc();
    g_autofree char *body = wp_i_draft_body(d);
    g_autofree char *when = rfc5322_date(now);
    GString *out = g_string_new(NULL);
    add_mailbox(out, "From", &d->seller);
    add_mailbox(out, "To", &d->source);
    g_autofree char *subject = wp_i_eml_header_text(d->subject, strlen("Subject: "));
    add_header(out, "Subject", subject);
    add_header(out, "Date", when);
    /* The same draft at the same second is the same message: the id is its content's hash. */
    g_autofree char *seed = g_strdup_printf("%s\n%s\n%s\n%s", when, d->source.id, d->subject, body);
    g_autofree char *hash = g_compute_checksum_for_string(G_CHECKSUM_SHA256, seed, -1);
    const char *at = d->seller.email && plain_address(d->seller.email)
                         ? strchr(d->seller.email, '@') + 1
                         : "warmpath.invalid";
    g_autofree char *id =
        g_strdup_printf("<%.24s.%" G_GINT64_FORMAT "@%s>", hash, g_date_time_to_unix(now), at);
    add_header(out, "Message-ID", id);
    add_header(out, "MIME-Version", "1.0");
    add_header(out, "Content-Type", "text/plain; charset=UTF-8; format=fixed");
    gboolean eight_bit = short_lines(body);
    add_header(out, "Content-Transfer-Encoding", eight_bit ? "8bit" : "quoted-printable");
    add_header(out, "X-Unsent", "1");
    add_header(out, "X-Mailer", "warmpath draft (never sent by warmpath)");
    g_string_append(out, "\r\n");
    if (eight_bit) {
        g_auto(GStrv) lines = g_strsplit(body, "\n", -1);
        for (guint i = 0; lines[i] != NULL && (lines[i + 1] != NULL || lines[i][0] != '\0'); i++)
            g_string_append_printf(out, "%s\r\n", lines[i]);
    } else {
        g_autofree char *qp = wp_i_eml_quoted_printable(body);
        g_string_append(out, qp);
    }
    return g_string_free(out, FALSE);
}
