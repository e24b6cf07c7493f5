/* SPDX-License-Identifier: MIT */
/* Territory filters: parsing "COLUMN OP VALUES" expressions and matching people against them. */
#include "io/input-private.h"
#include "select/where-private.h"

#include <math.h>
#include <string.h>

static void condition_free(gpointer data)
{
    Condition *c = data;
    if (c == NULL)
        return;
    g_free(c->text);
    g_free(c->column);
    if (c->values)
        g_ptr_array_unref(c->values);
    if (c->texts)
        g_ptr_array_unref(c->texts);
    if (c->origins)
        g_ptr_array_unref(c->origins);
    if (c->set)
        g_hash_table_unref(c->set);
    g_free(c);
}

void wp_where_free(WpWhere *where)
{
    if (where == NULL)
        return;
    g_ptr_array_unref(where->conditions);
    g_free(where);
}

guint wp_where_n_conditions(const WpWhere *where)
{
    g_return_val_if_fail(where != NULL, 0);
    return where->conditions->len;
}

/* Where a window of at most WP_TEXT_EXCERPT_BYTES around bytes [at, at + len) of @text starts
 * and ends: the part in question and some context before it, on character boundaries. */
static void excerpt_window(const char *text, gsize at, gsize len, gsize *start, gsize *end)
{
    gsize total = strlen(text);
    *start = 0;
    *end = total;
    if (total <= WP_TEXT_EXCERPT_BYTES)
        return;
    const gsize room = WP_TEXT_EXCERPT_BYTES - 6; /* two "…" */
    *start = at > room / 3 ? at - room / 3 : 0;
    while (*start > 0 && ((unsigned char)text[*start] & 0xC0) == 0x80)
        (*start)--;
    *end = MIN(total, *start + MAX(room, MIN(len, room)));
    while (*end < total && ((unsigned char)text[*end] & 0xC0) == 0x80)
        (*end)--;
}

/* Sets a WP_ERROR_USAGE error "'TEXT': REASON" followed by two lines: the expression and a
 * caret mark under bytes [at, at + len) (at least one caret, at the end when @at is there).
 * Widths are display columns, so the mark lines up under wide or accented characters. A long
 * expression is shown as a window of WP_TEXT_EXCERPT_BYTES around the mark. */
static void G_GNUC_PRINTF(5, 6) set_error_at(GError **error, const char *text, gsize at, gsize len,
                                             const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *reason = g_strdup_vprintf(format, args);
    va_end(args);
    gsize start = 0, end = 0;
    excerpt_window(text, at, len, &start, &end);
    /* Repaired like every quote (a bad byte is one U+FFFD, one column), so the caret lines up. */
    g_autofree char *window = g_utf8_make_valid(text + start, (gssize)(end - start));
    g_autofree char *shown = g_strdup_printf("%s%s%s", start > 0 ? "\u2026" : "", window,
                                             end < strlen(text) ? "\u2026" : "");
    gsize mark_at = MIN(at, end);
    gsize mark_len = MIN(len, end - mark_at);
    g_autofree char *lead = g_utf8_make_valid(text + start, (gssize)(mark_at - start));
    g_autofree char *before = g_strconcat(start > 0 ? "\u2026" : "", lead, NULL);
    g_autofree char *part = g_utf8_make_valid(text + mark_at, (gssize)mark_len);
    guint pad = wp_text_width(before);
    guint marks = MAX(wp_text_width(part), 1u);
    g_autofree char *spaces = g_strnfill(pad, ' ');
    g_autofree char *carets = g_strnfill(marks, '^');
    g_autofree char *quoted = wp_text_excerpt(text);
    g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "'%s': %s\n  %s\n  %s%s", quoted, reason, shown,
                spaces, carets);
}

static gboolean is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Trims blanks off [*at, *at + *len) in @text. */
static void trim_span(const char *text, gsize *at, gsize *len)
{
    while (*len > 0 && is_blank(text[*at])) {
        (*at)++;
        (*len)--;
    }
    while (*len > 0 && is_blank(text[*at + *len - 1]))
        (*len)--;
}

/* The wp_text_fold() key of @value, in @buf (@size bytes) when it fits without allocating, else
 * in *@heap (caller frees). */
static char *fold_value(const char *value, char *buf, gsize size, char **heap)
{
    *heap = NULL;
    if (wp_i_text_fold_ascii(value, buf, size))
        return buf;
    *heap = wp_text_fold(value);
    return *heap;
}

/* Adds @raw to the condition's list: its key (wp_text_fold_company() for the company column,
 * wp_text_fold() otherwise), the text as written and where it came from (@origin, "FILE:LINE",
 * or NULL in the expression). An empty key is refused (it would match everything with `~`, and
 * nothing a person types can equal it). */
static gboolean add_value(Condition *c, const char *raw, const char *origin)
{
    char *key = c->is_company ? wp_text_fold_company(raw) : wp_text_fold(raw);
    if (key[0] == '\0') {
        g_free(key);
        return FALSE;
    }
    g_ptr_array_add(c->values, key);
    g_ptr_array_add(c->texts, g_strdup(raw));
    g_ptr_array_add(c->origins, g_strdup(origin));
    return TRUE;
}

/* Splits the list in text[at, at + len) at commas, honouring double quotes. */
static gboolean parse_list(Condition *c, gsize at, gsize len, GError **error)
{
    const char *text = c->text;
    gsize end = at + len;
    gsize i = at;
    for (;;) {
        while (i < end && is_blank(text[i]))
            i++;
        gsize item_at = i;
        g_autoptr(GString) item = g_string_new(NULL);
        if (i < end && text[i] == '"') {
            gboolean closed = FALSE;
            for (i++; i < end; i++) {
                if (text[i] == '"' && i + 1 < end && text[i + 1] == '"') {
                    g_string_append_c(item, '"');
                    i++;
                } else if (text[i] == '"') {
                    closed = TRUE;
                    i++;
                    break;
                } else {
                    g_string_append_c(item, text[i]);
                }
            }
            if (!closed) {
                set_error_at(error, text, item_at, 1, "unterminated quote");
                return FALSE;
            }
            while (i < end && is_blank(text[i]))
                i++;
            if (i < end && text[i] != ',') {
                set_error_at(error, text, i, 1, "expected ',' after a quoted value");
                return FALSE;
            }
        } else {
            while (i < end && text[i] != ',') {
                if (text[i] == '"') {
                    set_error_at(error, text, i, 1,
                                 "a quote may only start a value (write \"...\" around it)");
                    return FALSE;
                }
                g_string_append_c(item, text[i++]);
            }
        }
        if (!add_value(c, item->str, NULL)) {
            set_error_at(error, text, item_at, i - item_at, "empty value in the list");
            return FALSE;
        }
        if (i >= end)
            return TRUE;
        i++; /* the comma */
    }
}

/* Reads the values of `COL=@FILE`: one per line, blank lines and '#' comments skipped. */
static gboolean read_list_file(Condition *c, const char *filename, GError **error)
{
    g_autoptr(WpLineReader) reader = wp_i_lines_open(filename, error);
    if (reader == NULL) {
        g_autofree char *quoted = wp_text_excerpt(c->text);
        g_prefix_error(error, "'%s': ", quoted);
        return FALSE;
    }
    const char *line = NULL;
    gsize len = 0;
    g_autoptr(GError) local = NULL;
    while (wp_i_lines_next(reader, &line, &len, &local)) {
        g_autofree char *copy = g_strndup(line, len);
        g_strstrip(copy);
        if (copy[0] == '\0' || copy[0] == '#')
            continue;
        if (memchr(line, '\0', len) != NULL || !g_utf8_validate(copy, -1, NULL)) {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%" G_GUINT64_FORMAT ": value is not valid UTF-8 text",
                        wp_i_lines_origin(reader), wp_i_lines_number(reader));
            return FALSE;
        }
        g_autofree char *origin = g_strdup_printf("%s:%" G_GUINT64_FORMAT,
                                                  wp_i_lines_origin(reader),
                                                  wp_i_lines_number(reader));
        if (!add_value(c, copy, origin)) {
            g_autofree char *value = wp_text_excerpt(copy);
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s: value '%s' is empty once punctuation%s is ignored", origin, value,
                        c->is_company ? " and legal forms" : "");
            return FALSE;
        }
    }
    if (local != NULL) {
        g_propagate_error(error, g_steal_pointer(&local));
        return FALSE;
    }
    if (c->values->len == 0) {
        g_autofree char *quoted = wp_text_excerpt(c->text);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "'%s': %s lists no values", quoted,
                    wp_i_lines_origin(reader));
        return FALSE;
    }
    return TRUE;
}

/* Finds the operator: the first '!', '=', '~', '<' or '>'. Sets *op and its length. */
static gboolean parse_operator(Condition *c, gsize at, gsize *op_len, GError **error)
{
    const char *t = c->text + at;
    static const struct {
        const char *s;
        Op op;
    } ops[] = {{"!=", OP_NE}, {"!~", OP_NOT_CONTAINS}, {">=", OP_GE}, {"<=", OP_LE},
               {"=", OP_EQ},  {"~", OP_CONTAINS},      {">", OP_GT},  {"<", OP_LT}};
    for (guint i = 0; i < G_N_ELEMENTS(ops); i++)
        if (strncmp(t, ops[i].s, strlen(ops[i].s)) == 0) {
            c->op = ops[i].op;
            *op_len = strlen(ops[i].s);
            return TRUE;
        }
    set_error_at(error, c->text, at, 1, "'!' must be followed by '=' or '~'");
    return FALSE;
}

/* "industry==Fintech" read as industry = "=Fintech" and matched no one, silently. An operator
 * character right after the operator is a mistyped operator; a value that really starts with one
 * is written in quotes. */
static gboolean check_after_operator(const char *text, gsize at, const char *op_text,
                                     GError **error)
{
    while (is_blank(text[at]))
        at++;
    if (text[at] == '\0' || strchr("=!~<>", text[at]) == NULL)
        return TRUE;
    gsize len = strspn(text + at, "=!~<>");
    g_autofree char *both = g_strdup_printf("%s%.*s", op_text, (int)len, text + at);
    set_error_at(error, text, at, len,
                 "'%s' is not an operator (=, !=, ~, !~, >=, <=, >, <); a value that starts "
                 "with '%c' goes in double quotes",
                 both, text[at]);
    return FALSE;
}

static gboolean parse_number(Condition *c, gsize at, gsize len, const char *op_text,
                             GError **error)
{
    const char *text = c->text;
    trim_span(text, &at, &len);
    if (len == 0) {
        set_error_at(error, text, at, 0, "missing number after '%s'", op_text);
        return FALSE;
    }
    g_autofree char *value = g_strndup(text + at, len);
    char *end = NULL;
    c->number = g_ascii_strtod(value, &end);
    if (end == value || *end != '\0' || !isfinite(c->number)) {
        g_autofree char *quoted = wp_text_excerpt(value);
        set_error_at(error, text, at, len, "'%s' is not a number", quoted);
        return FALSE;
    }
    return TRUE;
}

static Condition *parse_one(const char *expression, GError **error)
{
    g_autoptr(GPtrArray) holder = g_ptr_array_new_with_free_func(condition_free);
    Condition *c = g_new0(Condition, 1);
    g_ptr_array_add(holder, c);
    c->text = g_strdup(expression);
    const char *text = c->text;
    gsize op_at = strcspn(text, "!=~<>");
    if (text[op_at] == '\0') {
        set_error_at(error, text, 0, strlen(text),
                     "expected COLUMN=VALUE (or !=, ~, !~, >=, <=, >, <)");
        return NULL;
    }
    c->column_at = 0;
    c->column_len = op_at;
    trim_span(text, &c->column_at, &c->column_len);
    if (c->column_len == 0) {
        set_error_at(error, text, op_at, 0, "missing column name before the operator");
        return NULL;
    }
    g_autofree char *column = g_strndup(text + c->column_at, c->column_len);
    c->column = wp_i_text_lower(column); /* as csv.c lowercases the header's names */
    c->is_company_size = strcmp(c->column, WP_COLUMN_COMPANY_SIZE) == 0;
    c->is_company = strcmp(c->column, WP_COLUMN_COMPANY) == 0;
    gsize op_len = 0;
    if (!parse_operator(c, op_at, &op_len, error))
        return NULL;
    gsize at = op_at + op_len;
    gsize len = strlen(text) - at;
    g_autofree char *op_text = g_strndup(text + op_at, op_len);
    if (!check_after_operator(text, at, op_text, error))
        return NULL;
    if (c->op >= OP_GE)
        return parse_number(c, at, len, op_text, error) ? g_ptr_array_steal_index(holder, 0)
                                                        : NULL;
    c->values = g_ptr_array_new_with_free_func(g_free);
    c->texts = g_ptr_array_new_with_free_func(g_free);
    c->origins = g_ptr_array_new_with_free_func(g_free);
    trim_span(text, &at, &len);
    if (len == 0) {
        set_error_at(error, text, at, 0, "missing value after '%s'", op_text);
        return NULL;
    }
    if (text[at] == '@') {
        g_autofree char *filename = g_strndup(text + at + 1, len - 1);
        g_strstrip(filename);
        if (filename[0] == '\0') {
            set_error_at(error, text, at, 1, "missing file name after '@'");
            return NULL;
        }
        if (!read_list_file(c, filename, error))
            return NULL;
    } else if (!parse_list(c, at, len, error)) {
        return NULL;
    }
    if (c->op == OP_EQ || c->op == OP_NE) {
        c->set = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = 0; i < c->values->len; i++)
            g_hash_table_add(c->set, c->values->pdata[i]);
    }
    return g_ptr_array_steal_index(holder, 0);
}

WpWhere *wp_where_parse(const char *const *expressions, guint n, GError **error)
{
    g_return_val_if_fail(expressions != NULL || n == 0, NULL);
    g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func(condition_free);
    for (guint i = 0; i < n; i++) {
        Condition *c = parse_one(expressions[i], error);
        if (c == NULL)
            return NULL;
        g_ptr_array_add(conditions, c);
    }
    WpWhere *where = g_new0(WpWhere, 1);
    where->conditions = g_steal_pointer(&conditions);
    return where;
}

static gboolean column_known(const char *const *columns, const char *name)
{
    if (strcmp(name, WP_COLUMN_ID) == 0)
        return TRUE;
    for (guint i = 0; columns[i] != NULL; i++)
        if (strcmp(columns[i], name) == 0)
            return TRUE;
    return FALSE;
}

gboolean wp_where_check(const WpWhere *where, const WpGraph *graph, GError **error)
{
    g_return_val_if_fail(where != NULL && graph != NULL, FALSE);
    guint n_columns = 0;
    const char *const *columns = wp_graph_columns(graph, &n_columns);
    for (guint i = 0; i < where->conditions->len; i++) {
        const Condition *c = where->conditions->pdata[i];
        if (column_known(columns, c->column))
            continue;
        g_autoptr(GString) known = g_string_new(n_columns > 0 ? NULL : "id (no people file)");
        for (guint k = 0; k < n_columns && k < 20; k++) { /* a header may have 1,024 columns */
            g_autofree char *name = wp_text_excerpt(columns[k]);
            g_string_append_printf(known, "%s%s", k > 0 ? ", " : "", name);
        }
        if (n_columns > 20)
            g_string_append_printf(known, " and %u more", n_columns - 20);
        g_autofree char *column = wp_text_excerpt(c->column);
        set_error_at(error, c->text, c->column_at, c->column_len,
                     "unknown column '%s' (known: %s)", column, known->str);
        return FALSE;
    }
    return TRUE;
}

/* The person's number for a numeric condition, or FALSE when there is none. */
static gboolean person_number(const Condition *c, const WpGraph *graph, WpPerson person,
                              double *out)
{
    if (c->is_company_size) {
        gint64 size = wp_graph_person_company_size(graph, person);
        *out = (double)size;
        return size >= 0;
    }
    const char *value = wp_graph_person_attr(graph, person, c->column);
    if (value == NULL)
        return FALSE;
    char *end = NULL;
    *out = g_ascii_strtod(value, &end);
    while (end != value && is_blank(*end))
        end++;
    return end != value && *end == '\0' && isfinite(*out);
}

static gboolean list_matches(const Condition *c, const char *key)
{
    if (c->set != NULL)
        return g_hash_table_contains(c->set, key);
    for (guint i = 0; i < c->values->len; i++)
        if (strstr(key, c->values->pdata[i]) != NULL)
            return TRUE;
    return FALSE;
}

gboolean wp_i_condition_matches(const Condition *c, const WpGraph *graph, WpPerson person)
{
    if (c->op >= OP_GE) {
        double x = 0;
        if (!person_number(c, graph, person, &x))
            return FALSE;
        switch (c->op) {
        case OP_GE: return x >= c->number;
        case OP_LE: return x <= c->number;
        case OP_GT: return x > c->number;
        default: return x < c->number;
        }
    }
    gboolean negated = c->op == OP_NE || c->op == OP_NOT_CONTAINS;
    const char *value = wp_graph_person_attr(graph, person, c->column);
    if (value == NULL)
        return negated;
    char buf[256];
    g_autofree char *heap = NULL;
    char *key = fold_value(value, buf, sizeof buf, &heap);
    if (c->is_company) /* "Acme, Inc." in the people file is the account Acme */
        wp_i_text_strip_legal_forms(key);
    return list_matches(c, key) != negated;
}

gboolean wp_where_matches(const WpWhere *where, const WpGraph *graph, WpPerson person)
{
    g_return_val_if_fail(where != NULL && graph != NULL, FALSE);
    g_return_val_if_fail(person < wp_graph_n_people(graph), FALSE);
    for (guint i = 0; i < where->conditions->len; i++)
        if (!wp_i_condition_matches(where->conditions->pdata[i], graph, person))
            return FALSE;
    return TRUE;
}
