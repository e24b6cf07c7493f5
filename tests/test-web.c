/* SPDX-License-Identifier: MIT */
/* The web page's files as compiled into the program, and its routes over real HTTP: a
 * SoupServer on an ephemeral loopback port, asked by a SoupSession. */
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "serve/web/assets.h"
#include "serve/web/web.h"

/* The file in the source tree, to compare with what was compiled in. */
static GBytes *source_file(const char *name)
{
    g_autofree char *file =
        g_test_build_filename(G_TEST_DIST, "..", "src", "serve", "web", name, NULL);
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    gsize len = 0;
    gboolean ok = g_file_get_contents(file, &text, &len, &error);
    g_assert_no_error(error);
    g_assert_true(ok);
    return g_bytes_new_take(text, len);
}

/* Every file of the resource is served, byte for byte the file in the tree, with its type. */
static void test_assets_table(void)
{
    static const struct {
        const char *url, *file, *type;
    } expected[] = {
        {"/", "index.html", "text/html; charset=utf-8"},
        {"/static/app.js", "app.js", "text/javascript; charset=utf-8"},
        {"/static/style.css", "style.css", "text/css; charset=utf-8"},
        {"/static/favicon.svg", "favicon.svg", "image/svg+xml"},
    };
    guint n = 0;
    serve_assets_all(&n);
    g_assert_cmpuint(n, ==, G_N_ELEMENTS(expected));
    for (guint i = 0; i < G_N_ELEMENTS(expected); i++) {
        const ServeAsset *a = serve_asset_lookup(expected[i].url);
        g_assert_nonnull(a);
        g_assert_cmpstr(a->url_path, ==, expected[i].url);
        g_assert_cmpstr(a->content_type, ==, expected[i].type);
        g_autoptr(GBytes) file = source_file(expected[i].file);
        g_assert_true(g_bytes_equal(a->bytes, file));
        /* The ETag is the bytes' SHA-256, quoted: a changed file gets a new one. */
        g_autofree char *hash = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, file);
        g_autofree char *etag = g_strdup_printf("\"%.32s\"", hash);
        g_assert_cmpstr(a->etag, ==, etag);
    }
    g_assert_cmpstr(serve_asset_lookup("/")->etag, !=, serve_asset_lookup("/static/app.js")->etag);
}

/* Only exact names: no index under another name, no climbing out, no directory listing. */
static void test_assets_unknown(void)
{
    const char *const paths[] = {"",
                                 "/index.html",
                                 "/static/index.html",
                                 "/static/",
                                 "/static",
                                 "/static/../static/app.js",
                                 "/static//app.js",
                                 "/static/app.js/",
                                 "/static/APP.JS",
                                 "/static/warmpath-web.gresource.xml",
                                 "/v1/paths"};
    for (guint i = 0; i < G_N_ELEMENTS(paths); i++)
        g_assert_null(serve_asset_lookup(paths[i]));
}

/* The page obeys its own Content-Security-Policy: no inline script, no inline style, no event
 * handler attributes, nothing fetched from elsewhere; every /static/ file it names exists. */
static void test_page_fits_csp(void)
{
    const ServeAsset *page = serve_asset_lookup("/");
    g_autofree char *html =
        g_strndup(g_bytes_get_data(page->bytes, NULL), g_bytes_get_size(page->bytes));
    g_autoptr(GRegex) inline_script = g_regex_new("<script(?![^>]*\\bsrc=)[^>]*>", 0, 0, NULL);
    g_autoptr(GRegex) inline_style = g_regex_new("<style\\b|\\sstyle\\s*=", 0, 0, NULL);
    g_autoptr(GRegex) handler = g_regex_new("\\son[a-z]+\\s*=", G_REGEX_CASELESS, 0, NULL);
    g_autoptr(GRegex) remote = g_regex_new("(src|href)=\"(https?:)?//", 0, 0, NULL);
    g_assert_false(g_regex_match(inline_script, html, 0, NULL));
    g_assert_false(g_regex_match(inline_style, html, 0, NULL));
    g_assert_false(g_regex_match(handler, html, 0, NULL));
    g_assert_false(g_regex_match(remote, html, 0, NULL));

    g_autoptr(GRegex) statics = g_regex_new("\"(/static/[^\"]+)\"", 0, 0, NULL);
    g_autoptr(GMatchInfo) m = NULL;
    guint named = 0;
    for (g_regex_match(statics, html, 0, &m); g_match_info_matches(m); g_match_info_next(m, NULL)) {
        g_autofree char *path = g_match_info_fetch(m, 1);
        if (serve_asset_lookup(path) == NULL)
            g_error("index.html names %s, which is not compiled in", path);
        named++;
    }
    g_assert_cmpuint(named, >=, 3); /* the script, the style sheet, the icon */

    /* The script never writes markup: names go in as text. */
    const ServeAsset *script = serve_asset_lookup("/static/app.js");
    g_autofree char *js =
        g_strndup(g_bytes_get_data(script->bytes, NULL), g_bytes_get_size(script->bytes));
    g_assert_null(strstr(js, "innerHTML"));
    g_assert_null(strstr(js, "outerHTML"));
    g_assert_null(strstr(js, "insertAdjacentHTML"));
    g_assert_null(strstr(js, "document.write"));
    g_assert_null(strstr(js, "eval("));
}

/* ---- over HTTP ---- */

typedef struct {
    SoupServer *server;
    SoupSession *session;
    char *base;
} Fixture;

#define NOT_OURS 418 /* what the stand-in service answers for any other path */

/* What the service does: the page's routes first, then its own (here a JSON 404 for all). */
static void handler(SoupServer *server G_GNUC_UNUSED, SoupServerMessage *msg, const char *path,
                    GHashTable *query G_GNUC_UNUSED, gpointer data G_GNUC_UNUSED)
{
    if (serve_web_respond(msg, path))
        return;
    soup_server_message_set_status(msg, NOT_OURS, NULL);
}

static void fixture_setup(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GError) error = NULL;
    f->server = soup_server_new(NULL, NULL);
    soup_server_add_handler(f->server, NULL, handler, NULL, NULL);
    g_assert_true(soup_server_listen_local(f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
    g_assert_no_error(error);
    GSList *uris = soup_server_get_uris(f->server);
    g_assert_nonnull(uris);
    f->base = g_strdup_printf("http://127.0.0.1:%d", g_uri_get_port(uris->data));
    g_slist_free_full(uris, (GDestroyNotify)g_uri_unref);
    f->session = soup_session_new_with_options("proxy-resolver", NULL, NULL); /* loopback */
}

static void fixture_teardown(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_object_unref(f->session);
    soup_server_disconnect(f->server);
    g_object_unref(f->server);
    g_free(f->base);
}

typedef struct {
    GBytes *body;
    GError *error;
    gboolean done;
} Reply;

static void on_read(GObject *session, GAsyncResult *result, gpointer data)
{
    Reply *reply = data;
    reply->body = soup_session_send_and_read_finish(SOUP_SESSION(session), result, &reply->error);
    reply->done = TRUE;
}

/* Sends @method @path (with If-None-Match @etag when set); returns the message, the body in
 * *body. The server answers in this thread's default context, which the wait iterates (a
 * synchronous send would wait in a context of its own, and never be answered). */
static SoupMessage *fetch(Fixture *f, const char *method, const char *path, const char *etag,
                          GBytes **body)
{
    g_autofree char *url = g_strconcat(f->base, path, NULL);
    SoupMessage *msg = soup_message_new(method, url);
    g_assert_nonnull(msg);
    if (etag != NULL)
        soup_message_headers_replace(soup_message_get_request_headers(msg), "If-None-Match", etag);
    Reply reply = {NULL, NULL, FALSE};
    soup_session_send_and_read_async(f->session, msg, G_PRIORITY_DEFAULT, NULL, on_read, &reply);
    while (!reply.done)
        g_main_context_iteration(NULL, TRUE);
    g_assert_no_error(reply.error);
    *body = reply.body;
    return msg;
}

static const char *header(SoupMessage *msg, const char *name)
{
    return soup_message_headers_get_one(soup_message_get_response_headers(msg), name);
}

static void test_http_page(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GBytes) body = NULL;
    g_autoptr(SoupMessage) msg = fetch(f, "GET", "/", NULL, &body);
    g_assert_cmpuint(soup_message_get_status(msg), ==, 200);
    g_assert_cmpstr(header(msg, "Content-Type"), ==, "text/html; charset=utf-8");
    g_assert_cmpstr(header(msg, "Content-Security-Policy"), ==,
                    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src "
                    "'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    g_assert_cmpstr(header(msg, "X-Content-Type-Options"), ==, "nosniff");
    g_assert_cmpstr(header(msg, "Cache-Control"), ==, "no-cache");
    g_assert_cmpstr(header(msg, "ETag"), ==, serve_asset_lookup("/")->etag);
    g_autoptr(GBytes) file = source_file("index.html");
    g_assert_true(g_bytes_equal(body, file));

    /* A query string is the page's state, not another file. */
    g_autoptr(GBytes) body2 = NULL;
    g_autoptr(SoupMessage) with_query = fetch(f, "GET", "/?from=a&to=b%20c", NULL, &body2);
    g_assert_cmpuint(soup_message_get_status(with_query), ==, 200);
    g_assert_true(g_bytes_equal(body2, file));
}

static void test_http_static_and_cache(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    const ServeAsset *js = serve_asset_lookup("/static/app.js");
    g_autoptr(GBytes) body = NULL;
    g_autoptr(SoupMessage) msg = fetch(f, "GET", "/static/app.js", NULL, &body);
    g_assert_cmpuint(soup_message_get_status(msg), ==, 200);
    g_assert_cmpstr(header(msg, "Content-Type"), ==, "text/javascript; charset=utf-8");
    g_assert_true(g_bytes_equal(body, js->bytes));

    /* The browser's copy is current: 304, no body. A stale or weak-listed tag behaves. */
    g_autoptr(GBytes) none = NULL;
    g_autoptr(SoupMessage) same = fetch(f, "GET", "/static/app.js", js->etag, &none);
    g_assert_cmpuint(soup_message_get_status(same), ==, 304);
    g_assert_cmpuint(g_bytes_get_size(none), ==, 0);
    g_autofree char *listed = g_strdup_printf("\"stale\", W/%s", js->etag);
    g_autoptr(GBytes) none2 = NULL;
    g_autoptr(SoupMessage) weak = fetch(f, "GET", "/static/app.js", listed, &none2);
    g_assert_cmpuint(soup_message_get_status(weak), ==, 304);
    g_autoptr(GBytes) full = NULL;
    g_autoptr(SoupMessage) stale = fetch(f, "GET", "/static/app.js", "\"stale\"", &full);
    g_assert_cmpuint(soup_message_get_status(stale), ==, 200);
    g_assert_true(g_bytes_equal(full, js->bytes));

    /* HEAD: the headers, no body. */
    g_autoptr(GBytes) head_body = NULL;
    g_autoptr(SoupMessage) head = fetch(f, "HEAD", "/static/style.css", NULL, &head_body);
    g_assert_cmpuint(soup_message_get_status(head), ==, 200);
    g_assert_cmpstr(header(head, "Content-Type"), ==, "text/css; charset=utf-8");
    g_assert_cmpuint(g_bytes_get_size(head_body), ==, 0);
}

/* Errors are the API's JSON; paths that are not the page's are left to the service. */
static void test_http_errors(Fixture *f, gconstpointer data G_GNUC_UNUSED)
{
    g_autoptr(GBytes) body = NULL;
    g_autoptr(SoupMessage) missing = fetch(f, "GET", "/static/nope.js", NULL, &body);
    g_assert_cmpuint(soup_message_get_status(missing), ==, 404);
    g_assert_cmpstr(header(missing, "Content-Type"), ==, "application/json");
    g_autoptr(JsonNode) root = json_from_string(g_bytes_get_data(body, NULL), NULL);
    g_assert_nonnull(root);
    JsonObject *e = json_object_get_object_member(json_node_get_object(root), "error");
    g_assert_cmpstr(json_object_get_string_member(e, "code"), ==, "not_found");

    g_autoptr(GBytes) body2 = NULL;
    g_autoptr(SoupMessage) post = fetch(f, "POST", "/", NULL, &body2);
    g_assert_cmpuint(soup_message_get_status(post), ==, 405);
    g_assert_cmpstr(header(post, "Allow"), ==, "GET, HEAD");

    /* Encoded dots are removed as dot segments before the handler sees the path: this is
     * "/index.html", which is not the page's (only "/" is), so the service answers it. */
    g_autoptr(GBytes) body3 = NULL;
    g_autoptr(SoupMessage) climb = fetch(f, "GET", "/static/%2e%2e/index.html", NULL, &body3);
    g_assert_cmpuint(soup_message_get_status(climb), ==, NOT_OURS);

    g_autoptr(GBytes) body4 = NULL;
    g_autoptr(SoupMessage) api = fetch(f, "GET", "/v1/paths", NULL, &body4);
    g_assert_cmpuint(soup_message_get_status(api), ==, NOT_OURS);
    g_autoptr(GBytes) body5 = NULL;
    g_autoptr(SoupMessage) stat = fetch(f, "GET", "/statics", NULL, &body5);
    g_assert_cmpuint(soup_message_get_status(stat), ==, NOT_OURS);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/web/assets/table", test_assets_table);
    g_test_add_func("/web/assets/unknown", test_assets_unknown);
    g_test_add_func("/web/assets/page-fits-csp", test_page_fits_csp);
    g_test_add("/web/http/page", Fixture, NULL, fixture_setup, test_http_page, fixture_teardown);
    g_test_add("/web/http/static-and-cache", Fixture, NULL, fixture_setup,
               test_http_static_and_cache, fixture_teardown);
    g_test_add("/web/http/errors", Fixture, NULL, fixture_setup, test_http_errors,
               fixture_teardown);
    return g_test_run();
}
