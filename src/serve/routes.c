/* SPDX-License-Identifier: MIT */
/* What an API request asks: the route its path and method name, and its parameters, from the
 * query string (GET) or from a JSON body (POST). No response is written here (http.c). */
#include "serve/serve.h"

#include <string.h>

static const ServeRoute routes[] = {
    {"/v1/paths", "GET", "paths", "paths", SOUP_STATUS_OK, FALSE},
    {"/v1/rank", "GET", "rank", "rank", SOUP_STATUS_OK, FALSE},
    {"/v1/people", "GET", "people", "people", SOUP_STATUS_OK, TRUE},
    {"/v1/diagrams/path.svg", "GET", "path_svg", "path-diagram", SOUP_STATUS_OK, FALSE},
    {"/v1/diagrams/account.svg", "GET", "account_svg", "account-diagram", SOUP_STATUS_OK, FALSE},
    {"/v1/drafts", "GET", "drafts", "drafts", SOUP_STATUS_OK, FALSE},
    {"/v1/asks", "POST", "asks", "asks", SOUP_STATUS_CREATED, FALSE},
    {"/v1/asks/*/events", "POST", "ask_events", "ask-events", SOUP_STATUS_OK, FALSE},
    {"/v1/followups", "GET", "followups", "followups", SOUP_STATUS_OK, FALSE},
    {"/v1/metrics", "GET", "ledger_metrics", "metrics", SOUP_STATUS_OK, FALSE},
};

/* TRUE when @path is @pattern's, a "*" matching one non-empty segment (copied to @segment,
 * when not NULL, still percent-encoded). */
static gboolean path_matches(const char *pattern, const char *path, char **segment)
{
    const char *star = strchr(pattern, '*');
    if (star == NULL)
        return strcmp(pattern, path) == 0;
    gsize head = (gsize)(star - pattern), tail = strlen(star + 1), len = strlen(path);
    if (len <= head + tail || strncmp(path, pattern, head) != 0 ||
        strcmp(path + len - tail, star + 1) != 0)
        return FALSE;
    const char *seg = path + head;
    gsize seg_len = len - head - tail;
    if (memchr(seg, '/', seg_len) != NULL)
        return FALSE;
    if (segment != NULL)
        *segment = g_strndup(seg, seg_len);
    return TRUE;
}

const ServeRoute *serve_route_find(const char *path)
{
    for (guint i = 0; i < G_N_ELEMENTS(routes); i++)
        if (path_matches(routes[i].path, path, NULL))
            return &routes[i];
    return NULL;
}

gboolean serve_route_body_params(const ServeRoute *route, SoupServerMessage *msg, const char *path,
                                 ServeParams *params, GError **error)
{
    g_autofree char *segment = NULL;
    if (path_matches(route->path, path, &segment) && segment != NULL) {
        g_autofree char *id = g_uri_unescape_string(segment, NULL);
        serve_params_add(params, "id", id != NULL ? id : segment);
    }
    g_autoptr(GBytes) bytes = soup_message_body_flatten(soup_server_message_get_request_body(msg));
    gsize len = 0;
    const char *data = g_bytes_get_data(bytes, &len);
    g_autoptr(JsonParser) parser = json_parser_new();
    g_autoptr(GError) local = NULL;
    if (len == 0 || !g_utf8_validate(data, (gssize)len, NULL) ||
        !json_parser_load_from_data(parser, data, (gssize)len, &local)) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE, "the body is not JSON%s%s",
                    local ? ": " : " (send a UTF-8 JSON object)", local ? local->message : "");
        return FALSE;
    }
    JsonNode *root = json_parser_get_root(parser);
    if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root)) {
        g_set_error_literal(error, WP_ERROR, WP_ERROR_USAGE,
                            "the body must be a JSON object, e.g. {\"from\": \"...\", ...}");
        return FALSE;
    }
    return serve_params_from_json(params, json_node_get_object(root), error);
}

gboolean serve_request_is_json(SoupServerMessage *msg)
{
    g_autoptr(GHashTable) type_params = NULL;
    const char *type = soup_message_headers_get_content_type(
        soup_server_message_get_request_headers(msg), &type_params);
    if (type == NULL || g_ascii_strcasecmp(type, "application/json") != 0)
        return FALSE;
    const char *charset = type_params ? g_hash_table_lookup(type_params, "charset") : NULL;
    return charset == NULL || g_ascii_strcasecmp(charset, "utf-8") == 0;
}
