/* SPDX-License-Identifier: MIT */
/* Draft templates: sections of text with {fields}, checked when loaded and filled per draft. */
#include "ask/ask-private.h"
#include "warmpath/error.h"
#include "warmpath/text.h"

#include <string.h>

static const char *const section_names[WP_I_N_SECTIONS] = {
    [WP_I_SECTION_SUBJECT] = "subject",
    [WP_I_SECTION_GREETING] = "greeting",
    [WP_I_SECTION_RECONNECT] = "reconnect",
    [WP_I_SECTION_WHY] = "why",
    [WP_I_SECTION_ASK] = "ask",
    [WP_I_SECTION_ASK_VIA] = "ask-via",
    [WP_I_SECTION_NOTE_INTRO] = "note-intro",
    [WP_I_SECTION_CLOSING] = "closing",
    [WP_I_SECTION_NOTE] = "note",
};

/* A greeting and a closing are a matter of voice; every other section carries part of the ask. */
static gboolean section_required(WpISection s)
{
    return s != WP_I_SECTION_GREETING && s != WP_I_SECTION_CLOSING;
}

static const char *const field_names[WP_I_N_FIELDS + 1] = {"seller_name",
                                                           "seller_first_name",
                                                           "seller_title",
                                                           "seller_company",
                                                           "seller_email",
                                                           "seller_phone",
                                                           "seller_linkedin_url",
                                                           "source_name",
                                                           "source_first_name",
                                                           "source_title",
                                                           "source_company",
                                                           "source_relation",
                                                           "target_name",
                                                           "target_first_name",
                                                           "target_title",
                                                           "target_company",
                                                           "target_relation",
                                                           "contact_name",
                                                           "contact_first_name",
                                                           "contact_title",
                                                           "contact_company",
                                                           "contact_relation",
                                                           "contact_link",
                                                           "introducer_name",
                                                           "introducer_first_name",
                                                           "last_contact_date",
                                                           "last_contact_ago",
                                                           "fit",
                                                           "solves",
                                                           "function",
                                                           "industry",
                                                           "geography",
                                                           "company_size",
                                                           "proof",
                                                           NULL};

/* One line of a section: its text (the leading '|' of an alternative and a trailing '\' cut
 * off), or a paragraph break. */
typedef struct {
    char *text;
    gboolean blank;       /* an empty line: a paragraph break */
    gboolean alternative; /* starts with '|': stands in for the line before when that fails */
    gboolean hard_break;  /* ended in '\': the line break is kept */
} Line;

struct WpDraftTemplate {
    char *lang;
    GArray *sections[WP_I_N_SECTIONS]; /* of Line; NULL when the template has no such section */
};

static void line_clear(gpointer data)
{
    g_free(((Line *)data)->text);
}

const char *const *wp_draft_template_fields(void)
{
    return field_names;
}

void wp_draft_template_free(WpDraftTemplate *t)
{
    if (t == NULL)
        return;
    for (guint i = 0; i < WP_I_N_SECTIONS; i++)
        if (t->sections[i] != NULL)
            g_array_unref(t->sections[i]);
    g_free(t->lang);
    g_free(t);
}

const char *wp_draft_template_lang(const WpDraftTemplate *t)
{
    g_return_val_if_fail(t != NULL, NULL);
    return t->lang;
}

gboolean wp_i_template_has(const WpDraftTemplate *t, WpISection section)
{
    return t->sections[section] != NULL;
}

static gint find_field(const char *name, gsize len)
{
    for (guint i = 0; i < WP_I_N_FIELDS; i++)
        if (strlen(field_names[i]) == len && strncmp(field_names[i], name, len) == 0)
            return (gint)i;
    return -1;
}

/* Checks every {field} of @text: known names, braces closed, "{{" and "}}" as literal braces. */
static gboolean check_fields(const char *text, const char *origin, guint lineno, GError **error)
{
    for (const char *p = text; *p != '\0'; p++) {
        if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
            p++;
        } else if (*p == '}') {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%u: '}' without its '{' (write '}}' for a brace)", origin, lineno);
            return FALSE;
        } else if (*p == '{') {
            const char *end = strchr(p + 1, '}');
            const char *open = strchr(p + 1, '{');
            if (end == NULL || (open != NULL && open < end)) {
                g_autofree char *shown = wp_text_excerpt(p);
                g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                            "%s:%u: field '%s' has no closing '}' (write '{{' for a brace)", origin,
                            lineno, shown);
                return FALSE;
            }
            if (find_field(p + 1, (gsize)(end - p - 1)) < 0) {
                g_autofree char *name = g_strndup(p, (gsize)(end - p + 1));
                g_autofree char *shown = wp_text_excerpt(name);
                g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                            "%s:%u: unknown field '%s' (docs/asking.md lists the fields)", origin,
                            lineno, shown);
                return FALSE;
            }
            p = end;
        }
    }
    return TRUE;
}

/* A "[name]" line: the section it opens, or an error for a name that is none or given twice. */
static gboolean open_section(WpDraftTemplate *t, const char *line, const char *origin, guint lineno,
                             gint *current, GError **error)
{
    g_autofree char *name = g_strndup(line + 1, strlen(line) - 2);
    g_strstrip(name);
    for (guint i = 0; i < WP_I_N_SECTIONS; i++)
        if (strcmp(section_names[i], name) == 0) {
            if (t->sections[i] != NULL) {
                g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%u: section [%s] given twice",
                            origin, lineno, name);
                return FALSE;
            }
            t->sections[i] = g_array_new(FALSE, TRUE, sizeof(Line));
            g_array_set_clear_func(t->sections[i], line_clear);
            *current = (gint)i;
            return TRUE;
        }
    g_autofree char *shown = wp_text_excerpt(name);
    g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                "%s:%u: unknown section [%s]; expected [subject], [greeting], [reconnect], [why], "
                "[ask], [ask-via], [note-intro], [closing] or [note]",
                origin, lineno, shown);
    return FALSE;
}

/* Text before the first section: comments, empty lines and lang=CODE. */
static gboolean read_preamble(WpDraftTemplate *t, const char *line, const char *origin,
                              guint lineno, GError **error)
{
    if (line[0] == '\0')
        return TRUE;
    if (g_str_has_prefix(line, "lang=") && line[5] != '\0' && strlen(line + 5) <= 16) {
        g_free(t->lang);
        t->lang = g_strdup(line + 5);
        return TRUE;
    }
    g_autofree char *shown = wp_text_excerpt(line);
    g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                "%s:%u: '%s' before the first section; expected lang=CODE, a comment or [section]",
                origin, lineno, shown);
    return FALSE;
}

/* Appends one line of text to the current section. */
static gboolean add_line(GArray *section, char *line, const char *origin, guint lineno,
                         GError **error)
{
    Line l = {0};
    if (line[0] == '\0') {
        l.blank = TRUE;
        g_array_append_val(section, l);
        return TRUE;
    }
    if (line[0] == '|') {
        l.alternative = TRUE;
        line = g_strstrip(line + 1);
    }
    gsize len = strlen(line);
    if (len > 0 && line[len - 1] == '\\') {
        l.hard_break = TRUE;
        line[--len] = '\0';
        g_strchomp(line);
    }
    if (!check_fields(line, origin, lineno, error))
        return FALSE;
    l.text = g_strdup(line);
    g_array_append_val(section, l);
    return TRUE;
}

WpDraftTemplate *wp_draft_template_load_from_data(const char *text, const char *origin,
                                                  GError **error)
{
    g_return_val_if_fail(text != NULL && origin != NULL, NULL);
    const char *bad = NULL;
    if (!g_utf8_validate(text, -1, &bad)) {
        guint line = 1;
        for (const char *p = text; p < bad; p++)
            line += *p == '\n';
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%u: invalid UTF-8", origin, line);
        return NULL;
    }
    g_autoptr(WpDraftTemplate) t = g_new0(WpDraftTemplate, 1);
    t->lang = g_strdup("en");
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    gint current = -1;
    for (guint i = 0; lines[i] != NULL; i++) {
        char *line = g_strstrip(lines[i]); /* also drops a CR */
        gsize len = strlen(line);
        if (line[0] == '#')
            continue;
        gboolean ok;
        if (line[0] == '[' && len >= 2 && line[len - 1] == ']')
            ok = open_section(t, line, origin, i + 1, &current, error);
        else if (current < 0)
            ok = read_preamble(t, line, origin, i + 1, error);
        else
            ok = add_line(t->sections[current], line, origin, i + 1, error);
        if (!ok)
            return NULL;
    }
    for (guint s = 0; s < WP_I_N_SECTIONS; s++)
        if (section_required(s) && t->sections[s] == NULL) {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s: the template has no section [%s], which every draft needs", origin,
                        section_names[s]);
            return NULL;
        }
    return g_steal_pointer(&t);
}

WpDraftTemplate *wp_draft_template_load_file(const char *filename, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!wp_file_read_small(filename, WP_MAX_SMALL_FILE_BYTES, &text, &len, error))
        return NULL;
    g_autofree char *origin = g_filename_display_name(filename);
    if (strlen(text) < len) {
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: NUL byte in a template", origin);
        return NULL;
    }
    return wp_draft_template_load_from_data(text, origin, error);
}

WpDraftTemplate *wp_draft_template_new_default(const char *lang, GError **error)
{
    if (lang != NULL && strcmp(lang, "en") != 0) {
        g_autofree char *shown = wp_text_excerpt(lang);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "no built-in template for language '%s'; there is 'en' (or write your own "
                    "and pass --template FILE)",
                    shown);
        return NULL;
    }
    g_autoptr(GBytes) bytes =
        g_resource_lookup_data(wp_i_ask_get_resource(), "/org/warmpath/ask/draft-en.txt",
                               G_RESOURCE_LOOKUP_FLAGS_NONE, error);
    if (bytes == NULL)
        return NULL;
    gsize size = 0;
    const char *data = g_bytes_get_data(bytes, &size); /* resources end in a NUL */
    return wp_draft_template_load_from_data(data, "built-in template (en)", error);
}

/* @line with its fields filled, or NULL when one of them has no value. */
static char *fill_line(const char *line, const char *const *values)
{
    GString *out = g_string_new(NULL);
    for (const char *p = line; *p != '\0'; p++) {
        if ((p[0] == '{' && p[1] == '{') || (p[0] == '}' && p[1] == '}')) {
            g_string_append_c(out, *p++);
        } else if (*p == '{') {
            const char *end = strchr(p, '}');
            gint field = find_field(p + 1, (gsize)(end - p - 1));
            const char *value = values[field];
            if (value == NULL || value[0] == '\0') {
                g_string_free(out, TRUE);
                return NULL;
            }
            g_string_append(out, value);
            p = end;
        } else {
            g_string_append_c(out, *p);
        }
    }
    return g_string_free(out, FALSE);
}

char *wp_i_template_fill(const WpDraftTemplate *t, WpISection section, const char *const *values)
{
    GArray *lines = t->sections[section];
    GString *out = g_string_new(NULL);
    gboolean in_paragraph = FALSE, pending_break = FALSE, chosen = FALSE;
    for (guint i = 0; lines != NULL && i < lines->len; i++) {
        const Line *l = &g_array_index(lines, Line, i);
        if (l->blank) {
            pending_break = in_paragraph;
            continue;
        }
        if (!l->alternative)
            chosen = FALSE;
        if (chosen)
            continue; /* an alternative to a line already used */
        g_autofree char *text = fill_line(l->text, values);
        if (text == NULL)
            continue;
        chosen = TRUE;
        gboolean after_break = out->len > 0 && out->str[out->len - 1] == '\n';
        if (pending_break) {
            if (after_break) /* the last line's forced break ends the paragraph anyway */
                g_string_truncate(out, out->len - 1);
            g_string_append(out, "\n\n");
        } else if (in_paragraph && !after_break) {
            g_string_append_c(out, ' ');
        }
        g_string_append(out, text);
        if (l->hard_break)
            g_string_append_c(out, '\n');
        in_paragraph = TRUE;
        pending_break = FALSE;
    }
    while (out->len > 0 && out->str[out->len - 1] == '\n') /* a break on the last line */
        g_string_truncate(out, out->len - 1);
    return g_string_free(out, FALSE);
}
