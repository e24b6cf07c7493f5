/* SPDX-License-Identifier: MIT */
/* Folding: the one key names, companies and filter values are matched by, the same under every
 * locale (README "Names, accounts and teams"). */
#include "core/text-private.h"
#include "warmpath/text.h"

#include <string.h>

/* How a character counts in a fold key. */
typedef enum {
    FOLD_KEEP,  /* letters, digits, symbols: kept (case-folded) */
    FOLD_SPACE, /* white space, dashes and other punctuation people type inconsistently */
    FOLD_DROP,  /* apostrophes, combining marks, invisible format characters */
    FOLD_WORD,  /* '&': a word of its own, so "AT&T" and "AT & T" fold alike */
} FoldClass;

/* The apostrophes and look-alikes people type inside names ("O'Brien", "O’Brien", "Oʼ Brien"
 * on a Hawaiian keyboard, "O`Brien", "O´Brien"). Dropped, not spaced: "OBrien" matches too. */
static gboolean is_apostrophe(gunichar c)
{
    return c == '\'' || c == '`' || c == 0x00B4 || c == 0x02B9 || c == 0x02BB || c == 0x02BC ||
           c == 0x02BD || c == 0x2018 || c == 0x2019 || c == 0x201B || c == 0x2032 || c == 0xFF07;
}

/* The class of @c in a decomposed, case-folded text. Locale-independent: GLib's Unicode tables,
 * never the C library's ctype. */
static FoldClass fold_class(gunichar c)
{
    if (c < 0x80 && g_ascii_isalnum(c))
        return FOLD_KEEP;
    if (is_apostrophe(c))
        return FOLD_DROP;
    if (c == '&')
        return FOLD_WORD;
    if (c == '#' || c == '%' || c == '@') /* they change the meaning: "C#", "100%" */
        return FOLD_KEEP;
    if (c == 0x2212) /* a minus sign typed for a hyphen */
        return FOLD_SPACE;
    switch (g_unichar_type(c)) {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_FORMAT:
        return FOLD_DROP;
    case G_UNICODE_CONTROL:
    case G_UNICODE_SPACE_SEPARATOR:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
        return FOLD_SPACE;
    default:
        return FOLD_KEEP;
    }
}

/* Builds a key of any text one character at a time, the way fold_ascii() does for ASCII:
 * separators collapse, ends are trimmed. */
typedef struct {
    GString *grow;
    gboolean pending_space;
} KeyWriter;

/* Adds one character of class @cls, @n bytes at @bytes. */
static void key_add(KeyWriter *w, FoldClass cls, const char *bytes, gsize n)
{
    switch (cls) {
    case FOLD_DROP:
        return;
    case FOLD_SPACE:
        w->pending_space = w->grow->len > 0;
        return;
    case FOLD_WORD:
        if (w->grow->len > 0)
            g_string_append_c(w->grow, ' ');
        w->pending_space = TRUE;
        g_string_append_len(w->grow, bytes, (gssize)n);
        return;
    default:
        if (w->pending_space)
            g_string_append_c(w->grow, ' ');
        w->pending_space = FALSE;
        g_string_append_len(w->grow, bytes, (gssize)n);
        return;
    }
}

/* fold_class() of every ASCII character, computed once. */
static const guint8 *ascii_classes(void)
{
    static guint8 table[128];
    static gsize ready = 0;
    if (g_once_init_enter(&ready)) {
        for (gunichar c = 0; c < 128; c++)
            table[c] = (guint8)fold_class(c);
        g_once_init_leave(&ready, 1);
    }
    return table;
}

/* The fold of plain ASCII @text into @buf (@size bytes; every Unicode step is the identity on
 * ASCII, so this is the key wp_text_fold() gives), its length in *@len. FALSE when @text holds a
 * non-ASCII byte or the key does not fit. A character adds at most two bytes to the key. The hot
 * loop of matching a million people: a table look-up and a store per byte. */
static gboolean fold_ascii(const char *text, char *buf, gsize size, gsize *len)
{
    const guint8 *classes = ascii_classes();
    gsize n = 0;
    gboolean pending_space = FALSE;
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        unsigned char c = *p;
        if (c >= 0x80 || n + 3 > size)
            return FALSE;
        switch (classes[c]) {
        case FOLD_KEEP:
            if (pending_space)
                buf[n++] = ' ';
            pending_space = FALSE;
            buf[n++] = g_ascii_tolower((char)c);
            break;
        case FOLD_SPACE:
            pending_space = n > 0;
            break;
        case FOLD_WORD:
            if (n > 0)
                buf[n++] = ' ';
            buf[n++] = (char)c;
            pending_space = TRUE;
            break;
        default: /* FOLD_DROP */
            break;
        }
    }
    buf[n] = '\0';
    *len = n;
    return TRUE;
}

/* Letters that have no decomposition but that people type as plain Latin letters: "Işık" is
 * typed "isik", "Łódź" "lodz", "Søren" "soren". Case-folded forms (Ø is ø by then). */
static const char *plain_letters(gunichar c)
{
    switch (c) {
    case 0x0131:
        return "i"; /* dotless i */
    case 0x0142:
        return "l";
    case 0x00F8:
        return "o";
    case 0x0111:
        return "d";
    case 0x00F0:
        return "d"; /* eth */
    case 0x0127:
        return "h";
    case 0x0167:
        return "t";
    case 0x00E6:
        return "ae";
    case 0x0153:
        return "oe";
    case 0x00FE:
        return "th"; /* thorn */
    default:
        return NULL;
    }
}

/* The fold of any text into a growing key. */
static void fold_unicode(const char *text, KeyWriter *w)
{
    /* g_utf8_normalize() reads past the end of a truncated sequence (fuzz-where found it with
     * a typed expression): invalid bytes become U+FFFD first. */
    g_autofree char *valid = g_utf8_validate(text, -1, NULL) ? NULL : g_utf8_make_valid(text, -1);
    const char *src = valid ? valid : text;
    /* Apostrophes go before decomposition, which would turn U+00B4 into a space + a mark. */
    GString *bare = g_string_sized_new(strlen(src));
    for (const char *p = src; *p != '\0'; p = g_utf8_next_char(p))
        if (!is_apostrophe(g_utf8_get_char(p)))
            g_string_append_len(bare, p, g_utf8_next_char(p) - p);
    g_autofree char *plain = g_string_free(bare, FALSE);
    /* Decomposed first (U+1D400 is "A", U+0130 is "I" + a dot), then case-folded: Unicode's
     * folding, the same under every locale ("I" is "i" under a Turkish locale too). */
    g_autofree char *decomposed = g_utf8_normalize(plain, -1, G_NORMALIZE_NFKD);
    g_autofree char *folded = g_utf8_casefold(decomposed ? decomposed : plain, -1);
    for (const char *p = folded; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        const char *letters = plain_letters(c);
        if (letters != NULL)
            key_add(w, FOLD_KEEP, letters, strlen(letters));
        else
            key_add(w, fold_class(c), p, (gsize)(g_utf8_next_char(p) - p));
    }
}

void wp_i_text_fold_into(const char *text, GString *out)
{
    gsize size = 2 * strlen(text) + 3; /* room enough for any ASCII key */
    gsize len = 0;
    g_string_set_size(out, size);
    if (fold_ascii(text, out->str, size, &len)) {
        g_string_truncate(out, len);
        return;
    }
    g_string_truncate(out, 0);
    KeyWriter w = {.grow = out};
    fold_unicode(text, &w);
}

gboolean wp_i_text_fold_ascii(const char *text, char *buf, gsize size)
{
    gsize len = 0;
    return fold_ascii(text, buf, size, &len);
}

char *wp_i_text_lower(const char *text)
{
    if (!g_utf8_validate(text, -1, NULL))
        return g_ascii_strdown(text, -1);
    GString *out = g_string_sized_new(strlen(text));
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p))
        g_string_append_unichar(out, g_unichar_tolower(g_utf8_get_char(p)));
    return g_string_free(out, FALSE);
}

char *wp_text_fold(const char *text)
{
    g_return_val_if_fail(text != NULL, NULL);
    GString *out = g_string_sized_new(strlen(text) + 1);
    wp_i_text_fold_into(text, out);
    return g_string_free(out, FALSE);
}

/* Legal forms dropped from the end of a company name (README "Names, accounts and teams"), as
 * folded words: "S.A." folds to "s a", which is joined back to "sa" before the look-up. */
static const char *const legal_forms[] = {
    "inc", "incorporated", "corp",    "corporation", "co",  "company", "llc",  "llp",
    "lp",  "ltd",          "limited", "plc",         "pty", "pte",     "gmbh", "mbh",
    "ag",  "kg",           "kgaa",    "se",          "sa",  "sas",     "sarl", "srl",
    "spa", "sl",           "bv",      "nv",          "oy",  "oyj",     "ab",   "as",
    "asa", "aps",          "kk",      "lda",         "sro", "&",
};

static gboolean is_legal_form(const char *word, gsize len)
{
    if (len > sizeof "incorporated" - 1) /* the longest */
        return FALSE;
    for (guint i = 0; i < G_N_ELEMENTS(legal_forms); i++)
        if (legal_forms[i][0] == word[0] && strlen(legal_forms[i]) == len &&
            memcmp(legal_forms[i], word, len) == 0)
            return TRUE;
    return FALSE;
}

/* Where the last word of @key[0, len) starts: a single letter joins the single letters before
 * it ("s a" of "S.A."), which are then looked up as one word in @joined. */
static gsize last_word(const char *key, gsize len, char *joined, gsize size, gsize *joined_len)
{
    gsize start = len;
    while (start > 0 && key[start - 1] != ' ')
        start--;
    *joined_len = 0;
    if (len - start != 1)
        return start;
    gsize run = start;
    while (run >= 2 && key[run - 1] == ' ' && (run == 2 || (run >= 3 && key[run - 3] == ' ')))
        run -= 2;
    if (run == start || (len - run + 1) / 2 >= size)
        return start;
    for (gsize i = run; i < len; i += 2)
        joined[(*joined_len)++] = key[i];
    return run;
}

void wp_i_text_strip_legal_forms(char *key)
{
    gsize len = strlen(key);
    char joined[16];
    for (;;) {
        gsize joined_len = 0;
        gsize start = last_word(key, len, joined, sizeof joined, &joined_len);
        if (start == 0)
            break; /* the name is only a legal form ("Co"), or one word: keep it */
        gboolean legal = joined_len > 0 ? is_legal_form(joined, joined_len)
                                        : is_legal_form(key + start, len - start);
        if (!legal)
            break;
        len = start - 1; /* the space before the word */
        key[len] = '\0';
    }
}

char *wp_text_fold_company(const char *company)
{
    g_return_val_if_fail(company != NULL, NULL);
    char *key = wp_text_fold(company);
    wp_i_text_strip_legal_forms(key);
    return key;
}
