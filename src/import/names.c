/* SPDX-License-Identifier: MIT */
/* Names as people write them on LinkedIn and in CRMs: post-nominal credentials ("O'Sullivan,
 * CPA", "Jane Doe, MBA, PMP"), an academic title in front ("Dr."), pronouns ("(she/her)"),
 * emoji and taglines are taken out of the name, so that the name is what a colleague types;
 * the credentials are kept apart. Generational suffixes (Jr., III) stay: they tell a father
 * from his son. */
#include "import/import-private.h"

#include <string.h>

/* At most this many suffixes and prefixes come off a name: each cut copies the name, and a
 * hostile cell of a megabyte of ", CPA" must not take quadratic time. */
#define MAX_CUTS 16

/* Post-nominals, as written without dots. A token matches one when, without its dots, it is
 * the same text, or the same in capitals ("PHD", "ESQ"): "phd" and "Ma" do not. @bare: the
 * token is taken off the end of a name also without a comma before it; the others are
 * surnames too ("Ma", "Do", "Ba", "Cima") and come off only after a comma. */
static const struct {
    const char *text;
    gboolean bare;
} credentials[] = {
    /* degrees */
    {"PhD", TRUE},
    {"DPhil", TRUE},
    {"EdD", TRUE},
    {"DBA", TRUE},
    {"MBA", TRUE},
    {"EMBA", TRUE},
    {"MSc", TRUE},
    {"MS", FALSE},
    {"MA", FALSE},
    {"MEng", TRUE},
    {"MPH", TRUE},
    {"MPA", TRUE},
    {"MPP", TRUE},
    {"MFA", TRUE},
    {"MAcc", TRUE},
    {"MSW", TRUE},
    {"BA", FALSE},
    {"BSc", TRUE},
    {"BS", FALSE},
    {"BEng", TRUE},
    {"BBA", TRUE},
    {"LLB", TRUE},
    {"LLM", TRUE},
    {"JD", TRUE},
    {"Esq", TRUE},
    {"MD", TRUE},
    {"DO", FALSE},
    {"DDS", TRUE},
    {"DMD", TRUE},
    {"DVM", TRUE},
    {"PharmD", TRUE},
    {"RN", TRUE},
    {"NP", FALSE},
    {"PA-C", TRUE},
    /* finance and accounting */
    {"CPA", TRUE},
    {"CA", FALSE},
    {"CFA", TRUE},
    {"CFP", TRUE},
    {"CMA", TRUE},
    {"CIA", TRUE},
    {"CISA", TRUE},
    {"CFE", TRUE},
    {"CTP", TRUE},
    {"FRM", TRUE},
    {"CAIA", TRUE},
    {"EA", FALSE},
    {"ACA", TRUE},
    {"FCA", TRUE},
    {"ACCA", TRUE},
    {"FCCA", TRUE},
    {"CIMA", FALSE},
    {"ACMA", TRUE},
    {"FCMA", TRUE},
    {"CGMA", TRUE},
    {"ChFC", TRUE},
    {"CLU", TRUE},
    /* projects, IT, security, supply chain, HR */
    {"PMP", TRUE},
    {"PgMP", TRUE},
    {"CAPM", TRUE},
    {"PRINCE2", TRUE},
    {"CSM", TRUE},
    {"CSPO", TRUE},
    {"CISSP", TRUE},
    {"CISM", TRUE},
    {"CCNP", TRUE},
    {"CCIE", TRUE},
    {"CEH", TRUE},
    {"CSCP", TRUE},
    {"CPIM", TRUE},
    {"CPSM", TRUE},
    {"SHRM-CP", TRUE},
    {"SHRM-SCP", TRUE},
    {"PHR", TRUE},
    {"SPHR", TRUE},
    {"CIPD", TRUE},
    {"MCIPD", TRUE},
    /* engineering, medicine, honours */
    {"PE", FALSE},
    {"PEng", TRUE},
    {"CEng", TRUE},
    {"FRCS", TRUE},
    {"FRCP", TRUE},
    {"MRCP", TRUE},
    {"FACS", TRUE},
    {"FACP", TRUE},
    {"MBE", TRUE},
    {"OBE", TRUE},
    {"CBE", TRUE},
    {"FRSA", TRUE},
};

/* Titles in front of a name, kept with the credentials. */
static const char *const honorifics[] = {"Dr", "Prof", "Dr-Ing", "Dipl-Ing", "Dipl-Kfm"};
/* Forms of address in front of a name, dropped. */
static const char *const addresses[] = {"Mr", "Mrs", "Ms", "Mx", "Miss"};
/* Part of the name: they tell people of one name apart. */
static const char *const generational[] = {"Jr", "Sr", "II", "III", "IV", "2nd", "3rd"};
/* Pronoun words, folded; "(she/her)" is two of them with a slash. */
static const char *const pronouns[] = {"he",   "him",    "his", "she", "her", "hers", "they",
                                       "them", "theirs", "ze",  "zir", "xe",  "xem",  "any",
                                       "all",  "sie",    "ihr", "er",  "ihm", "elle", "il",
                                       "iel",  "ella",   "el",  "ele", "dela"};

/* @token without its dots ("Ph.D." -> "PhD"). */
static char *undotted(const char *token)
{
    GString *out = g_string_new(NULL);
    for (const char *p = token; *p != '\0'; p++)
        if (*p != '.')
            g_string_append_c(out, *p);
    return g_string_free(out, FALSE);
}

/* The same text, or the same in capitals (without allocating: this runs for every name). */
static gboolean same_form(const char *token, const char *form)
{
    if (strcmp(token, form) == 0)
        return TRUE;
    gsize i = 0;
    while (form[i] != '\0' && token[i] == g_ascii_toupper(form[i]))
        i++;
    return form[i] == '\0' && token[i] == '\0';
}

static gboolean in_list(const char *token, const char *const *list, guint n)
{
    g_autofree char *plain = undotted(token);
    for (guint i = 0; i < n; i++)
        if (same_form(plain, list[i]))
            return TRUE;
    return FALSE;
}

/* A credential token; @bare_only: only those that come off without a comma. */
static gboolean is_credential(const char *token, gboolean bare_only)
{
    g_autofree char *plain = undotted(token);
    for (guint i = 0; i < G_N_ELEMENTS(credentials); i++)
        if ((credentials[i].bare || !bare_only) && same_form(plain, credentials[i].text))
            return TRUE;
    return FALSE;
}

/* An abbreviation in capitals, 2 to 8 letters and digits ("CSCP", "AWS"): after a comma in a
 * first or last name field it is a credential the list does not know. */
static gboolean is_caps_abbreviation(const char *token)
{
    g_autofree char *plain = undotted(token);
    gsize n = strlen(plain), letters = 0;
    for (gsize i = 0; i < n; i++) {
        if (!g_ascii_isupper(plain[i]) && !g_ascii_isdigit(plain[i]) && plain[i] != '-')
            return FALSE;
        letters += g_ascii_isupper(plain[i]) != 0;
    }
    return n >= 2 && n <= 8 && letters >= 2;
}

static gboolean is_pronoun_group(const char *text)
{
    g_auto(GStrv) parts = g_strsplit(text, "/", -1);
    if (g_strv_length(parts) < 2)
        return FALSE;
    for (guint i = 0; parts[i] != NULL; i++) {
        g_autofree char *word = wp_text_fold(g_strstrip(parts[i]));
        gboolean known = FALSE;
        for (guint k = 0; k < G_N_ELEMENTS(pronouns) && !known; k++)
            known = strcmp(word, pronouns[k]) == 0;
        if (!known)
            return FALSE;
    }
    return TRUE;
}

/* Splits @segment into words (spaces, '/', '&'); TRUE when every word passes @test (with
 * @arg), and then the words are appended to @found. */
static gboolean all_words(const char *segment, gboolean (*test)(const char *, gboolean),
                          gboolean arg, GPtrArray *found)
{
    g_auto(GStrv) words = g_strsplit_set(segment, " \t/&", -1);
    guint n = 0;
    for (guint i = 0; words[i] != NULL; i++) {
        if (words[i][0] == '\0')
            continue;
        if (!test(words[i], arg))
            return FALSE;
        n++;
    }
    for (guint i = 0; n > 0 && found != NULL && words[i] != NULL; i++)
        if (words[i][0] != '\0')
            g_ptr_array_add(found, g_strdup(words[i]));
    return n > 0;
}

static gboolean is_generational_word(const char *token, gboolean unused G_GNUC_UNUSED)
{
    return in_list(token, generational, G_N_ELEMENTS(generational));
}

static gboolean caps_test(const char *token, gboolean unused G_GNUC_UNUSED)
{
    return is_credential(token, FALSE) || is_caps_abbreviation(token);
}

/* ---- decorations ---- */

/* Emoji and pictographs, their joiners, variation selectors and skin tones, and private-use
 * characters become spaces. */
static gboolean is_decoration(gunichar c)
{
    switch (g_unichar_type(c)) {
    case G_UNICODE_OTHER_SYMBOL:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_SURROGATE:
        return TRUE;
    default:
        return c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
               (c >= 0xE0020 && c <= 0xE007F);
    }
}

/* The bracket closing the group @open starts, looked for among the next few bytes only:
 * pronouns and credentials are short, and a long cell of brackets must stay linear. */
static const char *group_end(const char *open)
{
    const char want = *open == '(' ? ')' : ']';
    for (const char *q = open + 1; *q != '\0' && q - open <= 64; q++)
        if (*q == want)
            return q;
    return NULL;
}

/* Drops decorations and bracketed groups that are pronouns ("(she/her)") or credentials
 * ("(CPA)", moved to @found); keeps any other group ("Robert (Bob) Smith"). */
static GString *strip_decorations(const char *text, GPtrArray *found)
{
    GString *out = g_string_sized_new(strlen(text));
    for (const char *p = text; *p != '\0';) {
        const char *close = *p == '(' || *p == '[' ? group_end(p) : NULL;
        if (close != NULL) {
            g_autofree char *inner = g_strstrip(g_strndup(p + 1, (gsize)(close - p - 1)));
            if (is_pronoun_group(inner) || all_words(inner, is_credential, FALSE, found)) {
                g_string_append_c(out, ' ');
                p = close + 1;
                continue;
            }
        }
        gunichar c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        if (c == 0x2022) /* a bullet separates a tagline as a bar does */
            g_string_append_c(out, '|');
        else if (is_decoration(c))
            g_string_append_c(out, ' ');
        else
            g_string_append_len(out, p, next - p);
        p = next;
    }
    return out;
}

/* ---- the cuts ---- */

static gboolean is_separator(char c)
{
    return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '|' || c == '-' || c == '/';
}

/* Trims white space and separators (", - |") from both ends and collapses runs of spaces. */
static void tidy(GString *s)
{
    gsize start = 0, end = s->len;
    while (start < end && is_separator(s->str[start]) && s->str[start] != '-')
        start++;
    while (end > start && is_separator(s->str[end - 1]))
        end--;
    GString *out = g_string_sized_new(end - start);
    for (gsize i = start; i < end; i++)
        if (!(s->str[i] == ' ' && out->len > 0 && out->str[out->len - 1] == ' '))
            g_string_append_c(out, s->str[i] == '\t' ? ' ' : s->str[i]);
    g_string_assign(s, out->str);
    g_string_free(out, TRUE);
}

static gboolean has_space(const char *text, gsize len)
{
    return memchr(text, ' ', len) != NULL;
}

/* Cuts one post-nominal part off the end of @s: a comma segment of credentials ("…, CPA, CFA")
 * or a last word that is a bare credential ("Jane Doe MBA"). What stays must be a name: not
 * empty, and two words when @s is a whole name. A generational suffix stops the cutting. */
static gboolean cut_suffix(GString *s, WpINamePart part, GPtrArray *found)
{
    const char *comma = strrchr(s->str, ',');
    const char *space = strrchr(s->str, ' ');
    gsize keep = comma != NULL ? (gsize)(comma - s->str) : 0;
    if (comma != NULL && keep > 0 && (part != WP_I_NAME_FULL || has_space(s->str, keep))) {
        const char *segment = comma + 1;
        if (all_words(segment, is_generational_word, FALSE, NULL))
            return FALSE;
        if (all_words(segment, is_credential, FALSE, found) ||
            (part != WP_I_NAME_FULL && all_words(segment, caps_test, FALSE, found))) {
            g_string_truncate(s, keep);
            tidy(s);
            return TRUE;
        }
    }
    keep = space != NULL ? (gsize)(space - s->str) : 0;
    if (space == NULL || keep == 0 || (part == WP_I_NAME_FULL && !has_space(s->str, keep)) ||
        (comma != NULL && comma > space) || !is_credential(space + 1, TRUE))
        return FALSE;
    g_ptr_array_add(found, g_strdup(space + 1));
    g_string_truncate(s, keep);
    tidy(s);
    return TRUE;
}

/* Takes "Dr." and "Prof." (kept in @found) and "Mr", "Ms", ... off the front, while a name
 * stays. */
static void cut_prefixes(GString *s, GPtrArray *found)
{
    for (guint n = 0; n < MAX_CUTS; n++) {
        const char *space = strchr(s->str, ' ');
        if (space == NULL)
            return;
        g_autofree char *word = g_strndup(s->str, (gsize)(space - s->str));
        gboolean title = in_list(word, honorifics, G_N_ELEMENTS(honorifics));
        if (!title && !in_list(word, addresses, G_N_ELEMENTS(addresses)))
            return;
        if (title)
            g_ptr_array_add(found, g_strdup(word));
        g_string_erase(s, 0, space + 1 - s->str);
        tidy(s);
    }
}

char *wp_i_name_clean(const char *text, WpINamePart part, GPtrArray *found)
{
    g_autoptr(GString) s = strip_decorations(text, found);
    /* A tagline after a bar ("Jane Doe | Helping SaaS teams grow") is not part of the name;
     * credentials there are kept. */
    const char *bar = strchr(s->str, '|');
    if (bar != NULL && bar > s->str) {
        all_words(bar + 1, is_credential, FALSE, found);
        g_string_truncate(s, (gsize)(bar - s->str));
    }
    tidy(s);
    /* Suffixes come off from the end: each cut goes in front of the later ones. */
    g_autoptr(GPtrArray) suffixes = g_ptr_array_new_with_free_func(g_free);
    for (guint n = 0; n < MAX_CUTS; n++) {
        g_autoptr(GPtrArray) cut = g_ptr_array_new_with_free_func(g_free);
        if (!cut_suffix(s, part, cut))
            break;
        for (guint i = 0; i < cut->len; i++)
            g_ptr_array_insert(suffixes, (gint)i, g_steal_pointer(&cut->pdata[i]));
        g_ptr_array_set_free_func(cut, NULL);
    }
    if (part != WP_I_NAME_LAST)
        cut_prefixes(s, found);
    for (guint i = 0; i < suffixes->len; i++)
        g_ptr_array_add(found, g_strdup(suffixes->pdata[i]));
    return g_strdup(s->str);
}
