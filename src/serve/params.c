/* SPDX-License-Identifier: MIT */
/* A request's named parameters, from a URL query string or an MCP tool's JSON arguments, read and
 * the error body every front end of the service sends. */
#include "serve/queries.h"

#include <string.h>

#define MAX_QUOTED 40 /* characters of a bad value quoted back, as the CLI does */

typedef struct {
    char *name;
    char *value;
} Param;

struct ServeParams {
    GArray *items; /* of Param, owned strings */
};

static void param_clear(gpointer data)
{
    Param *p = data;
    g_free(p->name);
    g_free(p->value);
}

ServeParams *serve_params_new(void)
{
    ServeParams *params = g_new0(ServeParams, 1);
    params->items = g_array_new(FALSE, FALSE, sizeof(Param));
    g_array_set_clear_func(params->items, param_clear);
    return params;
}

void serve_params_free(ServeParams *params)
{
    if (params == NULL)
        return;
    g_array_unref(params->items);
    g_free(params);
}

void serve_params_add(ServeParams *params, const char *name, const char *value)
{
    Param p = {g_strdup(name), g_strdup(value != NULL ? value : "")};
    g_array_append_val(params->items, p);
}

guint serve_params_size(const ServeParams *params)
{
    return params->items->len;
}

const char *serve_params_name(const ServeParams *params, guint i)
{
    return g_array_index(params->items, Param, i).name;
}

const char *serve_params_value(const ServeParams *params, guint i)
{
    return g_array_index(params->items, Param, i).value;
}

/* GLib's iterator splits on '&' and decodes each name and value ('+' as a space, as forms send
 * it); it refuses a bad escape. Values must then be UTF-8. */
gboolean serve_params_parse_query(ServeParams *params, const char *query, GError **error)
{
    if (query == NULL || query[0] == '\0')
        return TRUE;
    GUriParamsIter iter;
    g_autoptr(GError) local = NULL;
    char *name = NULL;
    char *value = NULL;
    g_uri_params_iter_init(&iter, query, -1, "&", G_URI_PARAMS_WWW_FORM);
    while (g_uri_params_iter_next(&iter, &name, &value, &local)) {
        gboolean ok = g_utf8_validate(name, -1, NULL) && g_utf8_validate(value, -1, NULL);
        if (ok && name[0] != '\0')
            serve_params_add(params, name, value);
        g_free(name);
        g_free(value);
        if (!ok) {
            g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE,
                                "the query string is not UTF-8 text");
            return FALSE;
        }
    }
    if (local != NULL) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "the query string is malformed: %s",
                    local->message);
        return FALSE;
    }
    return TRUE;
}

/* One JSON value as a parameter's text: strings as they are, whole numbers in decimal, other
 * numbers with '.', booleans as 1 and 0. FALSE for null, objects and arrays. */
static gboolean scalar_text(JsonNode *node, char **out)
{
    if (!JSON_NODE_HOLDS_VALUE(node))
        return FALSE;
    GType type = json_node_get_value_type(node);
    if (type == G_TYPE_STRING) {
        *out = g_strdup(json_node_get_string(node));
    } else if (type == G_TYPE_INT64) {
        *out = g_strdup_printf("%" G_GINT64_FORMAT, json_node_get_int(node));
    } else if (type == G_TYPE_BOOLEAN) {
        *out = g_strdup(json_node_get_boolean(node) ? "1" : "0");
    } else if (type == G_TYPE_DOUBLE) {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        *out = g_strdup(g_ascii_dtostr(buf, sizeof buf, json_node_get_double(node)));
    } else {
        return FALSE;
    }
    return TRUE;
}

gboolean serve_params_from_json(ServeParams *params, JsonObject *arguments, GError **error)
{
    if (arguments == NULL)
        return TRUE;
    JsonObjectIter iter;
    const char *name = NULL;
    JsonNode *node = NULL;
    json_object_iter_init(&iter, arguments);
    while (json_object_iter_next(&iter, &name, &node)) {
        char *text = NULL;
        if (JSON_NODE_HOLDS_NULL(node))
            continue; /* null: not given, as clients write an optional value they leave out */
        if (JSON_NODE_HOLDS_ARRAY(node)) {
            JsonArray *array = json_node_get_array(node);
            for (guint i = 0; i < json_array_get_length(array); i++) {
                if (!scalar_text(json_array_get_element(array, i), &text)) {
                    g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                                "argument '%s': expected strings in the list", name);
                    return FALSE;
                }
                serve_params_add(params, name, text);
                g_free(text);
            }
            continue;
        }
        if (!scalar_text(node, &text)) {
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                        "argument '%s': expected a string, a number or a boolean", name);
            return FALSE;
        }
        serve_params_add(params, name, text);
        g_free(text);
    }
    return TRUE;
}

/* The value of parameter @name (the last one), or NULL when not given. */
const char *serve_params_get(const ServeParams *params, const char *name)
{
    const char *value = NULL;
    for (guint i = 0; i < serve_params_size(params); i++)
        if (strcmp(serve_params_name(params, i), name) == 0)
            value = serve_params_value(params, i);
    return value;
}

/* Every value of a repeatable parameter, or NULL when not given. */
char **serve_params_get_all(const ServeParams *params, const char *name)
{
    g_autoptr(GStrvBuilder) b = g_strv_builder_new();
    guint n = 0;
    for (guint i = 0; i < serve_params_size(params); i++)
        if (strcmp(serve_params_name(params, i), name) == 0) {
            g_strv_builder_add(b, serve_params_value(params, i));
            n++;
        }
    return n > 0 ? g_strv_builder_end(b) : NULL;
}

gboolean serve_parse_boolean(const char *text, gboolean *out)
{
    static const char *const yes[] = {"", "1", "true", "yes", "on"};
    static const char *const no[] = {"0", "false", "no", "off"};
    for (guint i = 0; i < G_N_ELEMENTS(yes); i++)
        if (g_ascii_strcasecmp(text, yes[i]) == 0)
            return *out = TRUE, TRUE;
    for (guint i = 0; i < G_N_ELEMENTS(no); i++)
        if (g_ascii_strcasecmp(text, no[i]) == 0)
            return *out = FALSE, TRUE;
    return FALSE;
}

gboolean serve_params_flag(const ServeParams *params, const char *name)
{
    const char *text = serve_params_get(params, name);
    gboolean value = FALSE;
    return text != NULL && serve_parse_boolean(text, &value) && value;
}

/* @text as it may be quoted back: at most MAX_QUOTED characters (then "…"). */
char *serve_text_quoted(const char *text)
{
    if (!g_utf8_validate(text, -1, NULL) || g_utf8_strlen(text, -1) <= MAX_QUOTED)
        return g_utf8_make_valid(text, -1);
    g_autofree char *head = g_utf8_substring(text, 0, MAX_QUOTED);
    return g_strconcat(head, "\u2026", NULL);
}

/* The names a question takes, for the message about one it does not. */
static char *param_names(const ServeParamSpec *specs)
{
    GString *out = g_string_new(NULL);
    for (const ServeParamSpec *s = specs; s->name != NULL; s++)
        g_string_append_printf(out, "%s%s", out->len ? ", " : "", s->name);
    return g_string_free(out, FALSE);
}

/* Unknown parameters, a parameter given twice (except a repeatable one) and a boolean that is
 * none are refused by name. */
gboolean serve_params_check(const ServeQuery *query, const ServeParams *params, GError **error)
{
    for (guint i = 0; i < serve_params_size(params); i++) {
        const char *name = serve_params_name(params, i);
        const ServeParamSpec *spec = query->params;
        while (spec->name != NULL && strcmp(spec->name, name) != 0)
            spec++;
        g_autofree char *shown = serve_text_quoted(name);
        if (spec->name == NULL) {
            g_autofree char *known = param_names(query->params);
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "unknown parameter '%s'; %s takes %s",
                        shown, query->name, known);
            return FALSE;
        }
        if (spec->type != SERVE_PARAM_STRINGS)
            for (guint j = 0; j < i; j++)
                if (strcmp(serve_params_name(params, j), name) == 0) {
                    g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "parameter '%s' is given twice",
                                shown);
                    return FALSE;
                }
        gboolean value = FALSE;
        if (spec->type == SERVE_PARAM_BOOLEAN &&
            !serve_parse_boolean(serve_params_value(params, i), &value)) {
            g_autofree char *bad = serve_text_quoted(serve_params_value(params, i));
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                        "%s: expected true or false (1 or 0), not '%s'", spec->option, bad);
            return FALSE;
        }
    }
    return TRUE;
}

/* A whole number in [@min, @max], as cli_parse_count() reads it ("OPTION: expected EXPECTED,
 * not 'TEXT'"); *@out untouched when not given. */
gboolean serve_params_count(const ServeParams *params, const char *name, const char *option,
                            gint64 min, gint64 max, const char *expected, gint64 *out,
                            GError **error)
{
    const char *text = serve_params_get(params, name);
    if (text == NULL)
        return TRUE;
    g_autofree char *stripped = g_strstrip(g_strdup(text));
    if (!g_ascii_string_to_signed(stripped, 10, min, max, out, NULL)) {
        g_autofree char *shown = serve_text_quoted(text);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "%s: expected %s, not '%s'", option, expected,
                    shown);
        return FALSE;
    }
    return TRUE;
}

/* A number in [@lo, @hi) (or [@lo, @hi] with @closed); *@out untouched when not given. */
gboolean serve_params_number(const ServeParams *params, const char *name, double lo, double hi,
                             gboolean closed, double *out)
{
    const char *text = serve_params_get(params, name);
    if (text == NULL)
        return TRUE;
    g_autofree char *stripped = g_strstrip(g_strdup(text));
    char *end = NULL;
    double x = g_ascii_strtod(stripped, &end);
    if (end == stripped || *end != '\0' || !(x >= lo && (closed ? x <= hi : x < hi)))
        return FALSE; /* NaN fails the range */
    *out = x;
    return TRUE;
}

const char *serve_error_code(const GError *error)
{
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return "timeout";
    if (error->domain == SERVE_ERROR)
        return error->code == SERVE_ERROR_UNKNOWN_ASK ? "unknown_ask"
               : error->code == SERVE_ERROR_CONFLICT  ? "conflict"
                                                      : "no_ledger";
    if (error->domain != WP_ERROR)
        return "failed";
    switch ((WpError)error->code) {
    case WP_ERROR_USAGE:
        return "usage";
    case WP_ERROR_UNKNOWN_PERSON:
        return "unknown_person";
    case WP_ERROR_AMBIGUOUS_PERSON:
        return "ambiguous_person";
    case WP_ERROR_UNKNOWN_NAME:
        return "unknown_name";
    case WP_ERROR_LIMIT:
        return "limit";
    case WP_ERROR_PARSE:
        return "bad_data";
    case WP_ERROR_RENDER:
        return "render";
    case WP_ERROR_NOT_SUPPORTED:
        return "not_supported";
    case WP_ERROR_NO_PATH:
        return "no_path";
    default:
        return "failed";
    }
}

static void add_string(JsonBuilder *b, const char *name, const char *value)
{
    if (value == NULL || value[0] == '\0')
        return;
    json_builder_set_member_name(b, name);
    json_builder_add_string_value(b, value);
}

/* A candidate: a person with the columns autocomplete shows, else a name with its detail. */
static void add_candidate(JsonBuilder *b, const WpGraph *graph, const WpCandidate *c)
{
    json_builder_begin_object(b);
    if (c->person != WP_PERSON_NONE && graph != NULL) {
        add_string(b, "id", wp_graph_person_id(graph, c->person));
        add_string(b, "name", wp_graph_person_label(graph, c->person));
        add_string(b, "company", wp_graph_person_attr(graph, c->person, WP_COLUMN_COMPANY));
        add_string(b, "title", wp_graph_person_attr(graph, c->person, WP_COLUMN_TITLE));
    } else {
        add_string(b, "name", c->name);
        add_string(b, "detail", c->detail);
    }
    json_builder_set_member_name(b, "count");
    json_builder_add_int_value(b, c->count);
    json_builder_end_object(b);
}

JsonNode *serve_error_json(const WpGraph *graph, const GError *error)
{
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "error");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "code");
    json_builder_add_string_value(b, serve_error_code(error));
    json_builder_set_member_name(b, "message");
    json_builder_add_string_value(b, error->message);
    guint n = 0;
    const WpCandidate *candidates = wp_error_get_candidates(error, &n);
    if (candidates != NULL && n > 0) {
        json_builder_set_member_name(b, "candidates");
        json_builder_begin_array(b);
        for (guint i = 0; i < n; i++)
            add_candidate(b, graph, &candidates[i]);
        json_builder_end_array(b);
    }
    json_builder_end_object(b);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}

char *serve_json_text(JsonNode *root, gsize *len)
{
    g_autoptr(JsonGenerator) generator = json_generator_new();
    json_generator_set_pretty(generator, TRUE);
    json_generator_set_root(generator, root);
    gsize n = 0;
    g_autofree char *text = json_generator_to_data(generator, &n);
    char *out = g_malloc(n + 2);
    memcpy(out, text, n);
    out[n] = '\n';
    out[n + 1] = '\0';
    if (len != NULL)
        *len = n + 1;
    return out;
}
