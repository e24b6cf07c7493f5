/* SPDX-License-Identifier: MIT */
/* The page's routes: the compiled-in files over HTTP, with caching by ETag and the page's
 * security headers. */
#include "serve/web/web.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "serve/web/assets.h"

/* {"error": {"code": CODE, "message": MESSAGE}}: the shape of every error the service sends. */
static void respond_error(SoupServerMessage *msg, guint status, const char *code,
                          const char *message)
{
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "error");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "code");
    json_builder_add_string_value(b, code);
    json_builder_set_member_name(b, "message");
    json_builder_add_string_value(b, message);
    json_builder_end_object(b);
    json_builder_end_object(b);
    g_autoptr(JsonNode) root = json_builder_get_root(b);
    char *text = json_to_string(root, FALSE);
    soup_server_message_set_status(msg, status, NULL);
    soup_server_message_set_response(msg, "application/json", SOUP_MEMORY_TAKE, text, strlen(text));
}

/* TRUE when an If-None-Match list ("*", or ETags separated by commas, possibly weak: W/"…")
 * names @etag. */
static gboolean etag_matches(const char *if_none_match, const char *etag)
{
    if (if_none_match == NULL)
        return FALSE;
    g_auto(GStrv) tags = g_strsplit(if_none_match, ",", -1);
    for (guint i = 0; tags[i] != NULL; i++) {
        const char *tag = g_strstrip(tags[i]);
        if (g_str_has_prefix(tag, "W/"))
            tag += 2;
        if (strcmp(tag, "*") == 0 || strcmp(tag, etag) == 0)
            return TRUE;
    }
    return FALSE;
}

static void set_page_headers(SoupMessageHeaders *h)
{
    soup_message_headers_replace(h, "Content-Security-Policy", SERVE_WEB_CSP);
    soup_message_headers_replace(h, "X-Content-Type-Options", "nosniff");
    soup_message_headers_replace(h, "Referrer-Policy", "no-referrer");
    soup_message_headers_replace(h, "X-Frame-Options", "DENY");
    /* Revalidate each time: a new build may change a file under the same name. */
    soup_message_headers_replace(h, "Cache-Control", "no-cache");
}

gboolean serve_web_owns_path(const char *path)
{
    g_return_val_if_fail(path != NULL, FALSE);
    return strcmp(path, "/") == 0 || g_str_has_prefix(path, "/static/");
}

gboolean serve_web_respond(SoupServerMessage *msg, const char *path)
{
    g_return_val_if_fail(msg != NULL && path != NULL, FALSE);
    if (!serve_web_owns_path(path))
        return FALSE;
    SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);
    set_page_headers(h);
    const char *method = soup_server_message_get_method(msg);
    if (strcmp(method, SOUP_METHOD_GET) != 0 && strcmp(method, SOUP_METHOD_HEAD) != 0) {
        soup_message_headers_replace(h, "Allow", "GET, HEAD");
        g_autofree char *m = g_strdup_printf("%s takes GET", path);
        respond_error(msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed", m);
        return TRUE;
    }
    const ServeAsset *asset = serve_asset_lookup(path);
    if (asset == NULL) {
        respond_error(msg, SOUP_STATUS_NOT_FOUND, "not_found", "no such file of the page");
        return TRUE;
    }
    soup_message_headers_replace(h, "ETag", asset->etag);
    SoupMessageHeaders *in = soup_server_message_get_request_headers(msg);
    if (etag_matches(soup_message_headers_get_list(in, "If-None-Match"), asset->etag)) {
        soup_server_message_set_status(msg, SOUP_STATUS_NOT_MODIFIED, NULL);
        return TRUE;
    }
    soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
    soup_message_headers_replace(h, "Content-Type", asset->content_type);
    /* The bytes are the resource's own, static for the program's life: no copy. */
    soup_message_body_append_bytes(soup_server_message_get_response_body(msg), asset->bytes);
    return TRUE;
}
