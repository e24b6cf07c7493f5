/* SPDX-License-Identifier: MIT */
/* The HTTP front end on libsoup 3. The SoupServer lives in the main context; an API request is
 * checked there (size, token, parameters), paused, and answered on a worker of a GThreadPool
 * with a query context of its own, then finished back in the main context. Each request has a
 * GCancellable, cancelled by its deadline or when the client goes away. One log line per
 * request on stderr; metrics counted as responses finish. */
#include "serve/serve.h"
#include "serve/web/web.h"

#include <stdio.h>
#include <string.h>

/* Every response says what a browser may do with it: nothing active from an API answer. */
#define SECURITY_CSP "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
#define MAX_LOGGED_URL 400 /* bytes of the path and query written to the log */

struct ServeHttp {
    SoupServer *server;     /* borrowed */
    ServeNetwork *network;  /* borrowed */
    ServeConfig config;     /* token copied */
    guint8 token_hash[32];  /* SHA-256 of the token, compared in constant time */
    ServeMetrics *metrics;  /* owned */
    GThreadPool *pool;      /* owned; workers run answer() */
    GThreadPool *quick;     /* owned; one worker for the quick routes (ServeRoute.quick) */
    GMutex contexts_lock;   /* guards contexts */
    GPtrArray *contexts;    /* idle WpQueryContexts, one per worker at most; owned */
    GMainContext *main;     /* where responses are finished */
    guint in_flight;        /* jobs queued or running */
    gboolean draining;      /* SIGTERM: refuse new requests, finish the ones in flight */
    GSourceFunc drain_done; /* called once in_flight reaches 0 while draining */
    gpointer drain_data;
};

/* One API request between its arrival and its answer. */
typedef struct {
    ServeHttp *http;
    SoupServerMessage *msg; /* a reference */
    const ServeQuery *query;
    guint status; /* of the answer */
    ServeParams *params;
    WpScoring *scoring; /* a reference to the network the request started on */
    const char *model_name; /* interned: its model's name, taken with it */
    gboolean quick;         /* a quick route's: no query context */
    GCancellable *cancellable;
    guint deadline_source; /* 0 once fired or removed */
    gboolean aborted;      /* the client went away: no response to write */
    ServeAnswer answer;    /* set by the worker */
    GError *error;         /* set by the worker */
} Job;

static void job_free(Job *job)
{
    if (job->deadline_source != 0)
        g_source_remove(job->deadline_source);
    g_object_set_data(G_OBJECT(job->msg), "wp-job", NULL);
    g_object_unref(job->msg);
    serve_params_free(job->params);
    wp_scoring_unref(job->scoring);
    g_object_unref(job->cancellable);
    serve_answer_clear(&job->answer);
    g_clear_error(&job->error);
    g_free(job);
}

/* ---- responses ------------------------------------------------------------------------------ */

static void set_security_headers(SoupServerMessage *msg)
{
    SoupMessageHeaders *h = soup_server_message_get_response_headers(msg);
    soup_message_headers_replace(h, "Content-Security-Policy", SECURITY_CSP);
    soup_message_headers_replace(h, "X-Content-Type-Options", "nosniff");
    soup_message_headers_replace(h, "Referrer-Policy", "no-referrer");
    soup_message_headers_replace(h, "Cache-Control", "no-store");
}

/* The connection closes after this answer. */
static void close_after(SoupServerMessage *msg)
{
    soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Connection",
                                 "close");
}

static void respond_json(SoupServerMessage *msg, guint status, JsonNode *root)
{
    gsize len = 0;
    char *text = serve_json_text(root, &len);
    soup_server_message_set_status(msg, status, NULL);
    soup_server_message_set_response(msg, "application/json", SOUP_MEMORY_TAKE, text, len);
}

/* An error of the front end itself (not a query's): {"error": {"code", "message"}}. */
static void respond_error(SoupServerMessage *msg, guint status, const char *code,
                          const char *message)
{
    g_autoptr(GError) error = g_error_new_literal(WP_ERROR, WP_ERROR_FAILED, message);
    g_autoptr(JsonNode) root = serve_error_json(NULL, error);
    JsonObject *e = json_object_get_object_member(json_node_get_object(root), "error");
    json_object_set_string_member(e, "code", code);
    respond_json(msg, status, root);
}

/* The status a query's error means: a bad request 400, an unknown name 404 (the closest
 * attached), an ambiguous one 409 (the candidates attached), a deadline passed 503; for the
 * ledger an unknown ask 404, an event its state does not allow 409, no ledger at all 501. */
static guint error_status(const GError *error)
{
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return SOUP_STATUS_SERVICE_UNAVAILABLE;
    if (error->domain == SERVE_ERROR)
        return error->code == SERVE_ERROR_UNKNOWN_ASK ? SOUP_STATUS_NOT_FOUND
               : error->code == SERVE_ERROR_CONFLICT  ? SOUP_STATUS_CONFLICT
                                                      : SOUP_STATUS_NOT_IMPLEMENTED;
    if (error->domain != WP_ERROR)
        return SOUP_STATUS_INTERNAL_SERVER_ERROR;
    switch ((WpError)error->code) {
    case WP_ERROR_USAGE:
    case WP_ERROR_LIMIT:
        return SOUP_STATUS_BAD_REQUEST;
    case WP_ERROR_UNKNOWN_PERSON:
    case WP_ERROR_UNKNOWN_NAME:
    case WP_ERROR_NO_PATH: /* nothing to draft, or no path to ask through */
        return SOUP_STATUS_NOT_FOUND;
    case WP_ERROR_AMBIGUOUS_PERSON:
        return SOUP_STATUS_CONFLICT;
    default:
        return SOUP_STATUS_INTERNAL_SERVER_ERROR;
    }
}

static void respond_query_error(SoupServerMessage *msg, const WpGraph *graph, const GError *error)
{
    g_autoptr(JsonNode) root = serve_error_json(graph, error);
    if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_CANCELLED)) {
        JsonObject *e = json_object_get_object_member(json_node_get_object(root), "error");
        json_object_set_string_member(e, "message", "the query ran past its deadline");
    }
    respond_json(msg, error_status(error), root);
}

/* ---- workers -------------------------------------------------------------------------------- */

/* A query context for @graph from the idle ones (a context of an older network is dropped). */
static WpQueryContext *take_context(ServeHttp *http, WpGraph *graph)
{
    WpQueryContext *context = NULL;
    g_mutex_lock(&http->contexts_lock);
    if (http->contexts->len > 0)
        context = g_ptr_array_steal_index_fast(http->contexts, http->contexts->len - 1);
    g_mutex_unlock(&http->contexts_lock);
    if (context != NULL && wp_query_context_graph(context) != graph)
        g_clear_pointer(&context, wp_query_context_free);
    return context != NULL ? context : wp_query_context_new(graph);
}

static void give_context(ServeHttp *http, WpQueryContext *context)
{
    g_mutex_lock(&http->contexts_lock);
    g_ptr_array_add(http->contexts, context);
    g_mutex_unlock(&http->contexts_lock);
}

static gboolean finish(gpointer data);

/* Runs on a worker thread: the answer, then back to the main context to send it. */
static void answer(gpointer data, gpointer user_data)
{
    Job *job = data;
    ServeHttp *http = user_data;
    WpQueryContext *context =
        job->quick ? NULL : take_context(http, wp_scoring_graph(job->scoring));
    ServeQueryEnv env = {job->scoring,
                         context,
                         job->model_name,
                         job->cancellable,
                         http->config.ledger_file,
                         http->config.as_of_given};
    if (g_cancellable_is_cancelled(job->cancellable))
        g_cancellable_set_error_if_cancelled(job->cancellable, &job->error);
    else
        serve_query_run(job->query, &env, job->params, &job->answer, &job->error);
    if (context != NULL)
        give_context(http, context);
    g_main_context_invoke(http->main, finish, job);
}

/* In the main context: the response, unpaused; the drain's end when it was the last one. */
static gboolean finish(gpointer data)
{
    Job *job = data;
    ServeHttp *http = job->http;
    if (!job->aborted) {
        SoupServerMessage *msg = job->msg;
        if (job->error != NULL) {
            respond_query_error(msg, wp_scoring_graph(job->scoring), job->error);
        } else if (job->answer.svg != NULL) {
            soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
            gsize len = 0;
            const char *svg = g_bytes_get_data(job->answer.svg, &len);
            soup_server_message_set_response(msg, "image/svg+xml", SOUP_MEMORY_COPY, svg, len);
        } else {
            respond_json(msg, job->status, job->answer.json);
        }
        soup_server_message_unpause(msg);
    }
    job_free(job);
    http->in_flight--;
    if (http->draining && http->in_flight == 0 && http->drain_done != NULL) {
        GSourceFunc done = http->drain_done;
        http->drain_done = NULL;
        g_idle_add(done, http->drain_data);
    }
    return G_SOURCE_REMOVE;
}

static gboolean on_deadline(gpointer data)
{
    Job *job = data;
    job->deadline_source = 0;
    g_cancellable_cancel(job->cancellable);
    return G_SOURCE_REMOVE;
}

/* ---- requests ------------------------------------------------------------------------------- */

/* The metrics' name of @path: a route's, "healthz", "metrics", "web" (the page), or "other". */
static const char *endpoint_of(const char *path)
{
    const ServeRoute *route = serve_route_find(path);
    return route != NULL                   ? route->endpoint
           : strcmp(path, "/healthz") == 0 ? "healthz"
           : strcmp(path, "/metrics") == 0 ? "metrics"
           : serve_web_owns_path(path)     ? "web"
                                           : "other";
}

/* Constant-time: both sides are hashed first, so neither the length nor the first differing
 * byte of a wrong token shows in the time taken. */
static gboolean token_ok(const ServeHttp *http, SoupServerMessage *msg)
{
    const char *given =
        soup_message_headers_get_one(soup_server_message_get_request_headers(msg), "Authorization");
    if (given == NULL || g_ascii_strncasecmp(given, "Bearer ", 7) != 0)
        return FALSE;
    guint8 hash[32];
    gsize len = sizeof hash;
    g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(sum, (const guchar *)given + 7, (gssize)strlen(given + 7));
    g_checksum_get_digest(sum, hash, &len);
    guint8 diff = 0;
    for (guint i = 0; i < sizeof hash; i++)
        diff |= hash[i] ^ http->token_hash[i];
    return diff == 0;
}

static gsize url_bytes(SoupServerMessage *msg)
{
    GUri *uri = soup_server_message_get_uri(msg);
    const char *query = g_uri_get_query(uri);
    return strlen(g_uri_get_path(uri)) + (query != NULL ? strlen(query) + 1 : 0);
}

/* After the headers, before any body: the size limits and the token. Setting a status here
 * answers the request without reading its body or calling the handler. */
static void early_handler(SoupServer *server G_GNUC_UNUSED, SoupServerMessage *msg,
                          const char *path, GHashTable *query G_GNUC_UNUSED, gpointer data)
{
    ServeHttp *http = data;
    set_security_headers(msg);
    g_object_set_data(G_OBJECT(msg), "wp-endpoint", (gpointer)endpoint_of(path));
    if (g_object_get_data(G_OBJECT(msg), SERVE_OVER_LIMIT) != NULL) {
        close_after(msg);
        respond_error(msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "too_many_connections",
                      "too many connections at once; try again");
        return;
    }
    if (url_bytes(msg) > http->config.max_url_bytes) {
        g_autofree char *m =
            g_strdup_printf("the URL is longer than %u bytes", http->config.max_url_bytes);
        respond_error(msg, SOUP_STATUS_REQUEST_URI_TOO_LONG, "uri_too_long", m);
        return;
    }
    SoupMessageHeaders *request = soup_server_message_get_request_headers(msg);
    if (soup_message_headers_get_encoding(request) == SOUP_ENCODING_CHUNKED) {
        /* libsoup would gather a chunked body of any size before the handler sees it */
        respond_error(msg, SOUP_STATUS_LENGTH_REQUIRED, "length_required",
                      "send the body with a Content-Length, not chunked");
        return;
    }
    goffset length = soup_message_headers_get_content_length(request);
    if (length > (goffset)http->config.max_body_bytes) {
        g_autofree char *m =
            g_strdup_printf("the body is larger than %u bytes", http->config.max_body_bytes);
        respond_error(msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", m);
        return;
    }
    if (http->config.token != NULL && strcmp(path, "/healthz") != 0 && !serve_web_owns_path(path) &&
        !token_ok(http, msg)) {
        soup_message_headers_replace(soup_server_message_get_response_headers(msg),
                                     "WWW-Authenticate", "Bearer realm=\"warmpath\"");
        respond_error(msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                      "this service needs 'Authorization: Bearer TOKEN'");
    }
}

/* 200 while a network is served, 503 before the first load succeeded; a failed reload is
 * reported while the old network goes on being served. */
static void healthz(ServeHttp *http, SoupServerMessage *msg)
{
    ServeNetworkStatus s;
    serve_network_status(http->network, &s);
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "status");
    json_builder_add_string_value(b, !s.loaded         ? (s.loading ? "loading" : "failed")
                                     : s.error != NULL ? "degraded"
                                                       : "ok");
    json_builder_set_member_name(b, "loading");
    json_builder_add_boolean_value(b, s.loading);
    if (s.loaded) {
        json_builder_set_member_name(b, "people");
        json_builder_add_int_value(b, s.people);
        json_builder_set_member_name(b, "ties");
        json_builder_add_int_value(b, s.ties);
        g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc(s.loaded_at / G_USEC_PER_SEC);
        g_autofree char *when = g_date_time_format_iso8601(at);
        json_builder_set_member_name(b, "loaded_at");
        json_builder_add_string_value(b, when);
        json_builder_set_member_name(b, "load_ms");
        json_builder_add_int_value(b, (gint64)(s.load_seconds * 1000 + 0.5));
        json_builder_set_member_name(b, "rescores"); /* after a change to the ledger or profile */
        json_builder_add_int_value(b, (gint64)s.rescores);
    }
    if (s.error != NULL) {
        json_builder_set_member_name(b, "last_load_error");
        json_builder_add_string_value(b, s.error);
    }
    json_builder_end_object(b);
    g_autoptr(JsonNode) root = json_builder_get_root(b);
    respond_json(msg, s.loaded ? SOUP_STATUS_OK : SOUP_STATUS_SERVICE_UNAVAILABLE, root);
    serve_network_status_clear(&s);
}

static void metrics(ServeHttp *http, SoupServerMessage *msg)
{
    ServeNetworkStatus s;
    serve_network_status(http->network, &s);
    char *text = serve_metrics_text(http->metrics, &s, http->in_flight);
    serve_network_status_clear(&s);
    soup_server_message_set_status(msg, SOUP_STATUS_OK, NULL);
    soup_server_message_set_response(msg, "text/plain; version=0.0.4; charset=utf-8",
                                     SOUP_MEMORY_TAKE, text, strlen(text));
}

/* The request's parameters, from its query string or (POST) its body; FALSE after answering
 * why they cannot be read. */
static gboolean request_params(SoupServerMessage *msg, const ServeRoute *route, const char *path,
                               ServeParams *params)
{
    g_autoptr(GError) error = NULL;
    if (strcmp(route->method, "POST") != 0) {
        if (serve_params_parse_query(params, g_uri_get_query(soup_server_message_get_uri(msg)),
                                     &error))
            return TRUE;
        respond_query_error(msg, NULL, error);
        return FALSE;
    }
    if (!serve_request_is_json(msg)) {
        respond_error(msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                      "send the body as 'Content-Type: application/json' (UTF-8)");
        return FALSE;
    }
    if (g_uri_get_query(soup_server_message_get_uri(msg)) != NULL) {
        respond_error(msg, SOUP_STATUS_BAD_REQUEST, "usage",
                      "a POST takes its parameters in the JSON body, not the query string");
        return FALSE;
    }
    if (serve_route_body_params(route, msg, path, params, &error))
        return TRUE;
    respond_query_error(msg, NULL, error);
    return FALSE;
}

/* Queues @route's question, or answers at once why it cannot be asked now. */
static void start_query(ServeHttp *http, SoupServerMessage *msg, const ServeRoute *route,
                        const char *path)
{
    g_autoptr(ServeParams) params = serve_params_new();
    if (!request_params(msg, route, path, params))
        return;
    if (http->draining) {
        close_after(msg);
        respond_error(msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "shutting_down",
                      "the service is shutting down");
        return;
    }
    WpScoring *scoring = serve_network_scoring(http->network);
    if (scoring == NULL) {
        soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Retry-After",
                                     "5");
        respond_error(msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "loading",
                      "the network is not loaded yet");
        return;
    }
    if (http->in_flight >= http->config.max_in_flight) {
        wp_scoring_unref(scoring);
        soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Retry-After",
                                     "1");
        respond_error(msg, SOUP_STATUS_SERVICE_UNAVAILABLE, "busy",
                      "too many requests at once; try again");
        return;
    }
    Job *job = g_new0(Job, 1);
    job->http = http;
    job->msg = g_object_ref(msg);
    job->query = serve_query_lookup(route->query);
    job->status = route->status;
    job->params = g_steal_pointer(&params);
    job->scoring = scoring;
    job->model_name = serve_network_model_name(http->network);
    job->quick = route->quick;
    job->cancellable = g_cancellable_new();
    job->deadline_source = g_timeout_add(http->config.deadline_ms, on_deadline, job);
    g_object_set_data(G_OBJECT(msg), "wp-job", job);
    http->in_flight++;
    soup_server_message_pause(msg);
    g_thread_pool_push(job->quick ? http->quick : http->pool, job, NULL);
}

static void handler(SoupServer *server G_GNUC_UNUSED, SoupServerMessage *msg, const char *path,
                    GHashTable *query G_GNUC_UNUSED, gpointer data)
{
    ServeHttp *http = data;
    if (serve_web_respond(msg, path)) /* the page: "/" and "/static/..." (src/serve/web) */
        return;
    const char *method = soup_server_message_get_method(msg);
    const ServeRoute *route = serve_route_find(path);
    const char *endpoint = endpoint_of(path);
    if (strcmp(endpoint, "other") == 0) {
        g_autofree char *shown = wp_text_excerpt(path);
        g_autofree char *m = g_strdup_printf(
            "no endpoint '%s'; try /v1/paths, /v1/rank, /v1/people, /v1/drafts, "
            "/v1/diagrams/path.svg, /v1/diagrams/account.svg, /v1/asks, /v1/asks/ID/events, "
            "/v1/followups, /v1/metrics, /healthz or /metrics",
            shown);
        respond_error(msg, SOUP_STATUS_NOT_FOUND, "not_found", m);
        return;
    }
    const char *takes = route != NULL ? route->method : "GET";
    gboolean get = strcmp(takes, "GET") == 0;
    if (strcmp(method, takes) != 0 && !(get && strcmp(method, "HEAD") == 0)) {
        soup_message_headers_replace(soup_server_message_get_response_headers(msg), "Allow",
                                     get ? "GET, HEAD" : takes);
        g_autofree char *m = g_strdup_printf("%s takes %s", path, takes);
        respond_error(msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "method_not_allowed", m);
        return;
    }
    if (route != NULL)
        start_query(http, msg, route, path);
    else if (strcmp(endpoint, "healthz") == 0)
        healthz(http, msg);
    else
        metrics(http, msg);
}

/* ---- the log and the metrics ---------------------------------------------------------------- */

static void on_request_started(SoupServer *server G_GNUC_UNUSED, SoupServerMessage *msg,
                               gpointer data G_GNUC_UNUSED)
{
    gint64 *started = g_new(gint64, 1);
    *started = g_get_monotonic_time();
    g_object_set_data_full(G_OBJECT(msg), "wp-started", started, g_free);
}

/* "127.0.0.1 GET /v1/paths?from=... 200 1234 B 3.1 ms": the URL as it came (percent-encoded),
 * cut short, control characters replaced. */
static void log_request(SoupServerMessage *msg, guint status, double seconds, const char *how)
{
    GUri *uri = soup_server_message_get_uri(msg);
    const char *query = uri ? g_uri_get_query(uri) : NULL;
    g_autofree char *url =
        uri ? g_strconcat(g_uri_get_path(uri), query ? "?" : "", query ? query : "", NULL)
            : g_strdup("-");
    if (strlen(url) > MAX_LOGGED_URL)
        strcpy(url + MAX_LOGGED_URL - 3, "...");
    g_autofree char *safe = wp_text_for_terminal(url);
    const char *host = soup_server_message_get_remote_host(msg);
    SoupMessageBody *body = soup_server_message_get_response_body(msg);
    fprintf(stderr, "warmpath serve: %s %s %s %u %" G_GINT64_FORMAT " B %.1f ms%s\n",
            host ? host : "-", soup_server_message_get_method(msg), safe, status,
            body ? body->length : 0, seconds * 1000, how);
}

static void on_request_done(SoupServerMessage *msg, ServeHttp *http, gboolean aborted)
{
    const gint64 *started = g_object_get_data(G_OBJECT(msg), "wp-started");
    double seconds = started ? (double)(g_get_monotonic_time() - *started) / 1e6 : 0;
    const char *endpoint = g_object_get_data(G_OBJECT(msg), "wp-endpoint");
    guint status = aborted ? 499 : soup_server_message_get_status(msg); /* 499: client gone */
    serve_metrics_observe(http->metrics, endpoint ? endpoint : "other", status, seconds);
    log_request(msg, status, seconds, aborted ? " (client went away)" : "");
}

static void on_request_finished(SoupServer *server G_GNUC_UNUSED, SoupServerMessage *msg,
                                gpointer data)
{
    on_request_done(msg, data, FALSE);
}

static void on_request_aborted(SoupServer *server G_GNUC_UNUSED, SoupServerMessage *msg,
                               gpointer data)
{
    Job *job = g_object_get_data(G_OBJECT(msg), "wp-job");
    if (job != NULL) { /* stop the query; finish() then drops it without a response */
        job->aborted = TRUE;
        g_cancellable_cancel(job->cancellable);
    }
    on_request_done(msg, data, TRUE);
}

/* ---- the front end -------------------------------------------------------------------------- */

ServeHttp *serve_http_new(SoupServer *server, ServeNetwork *network, const ServeConfig *config)
{
    ServeHttp *http = g_new0(ServeHttp, 1);
    http->server = server;
    http->network = network;
    http->config = *config;
    http->config.token = g_strdup(config->token);
    http->config.ledger_file = g_strdup(config->ledger_file);
    if (config->token != NULL) {
        gsize len = sizeof http->token_hash;
        g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
        g_checksum_update(sum, (const guchar *)config->token, (gssize)strlen(config->token));
        g_checksum_get_digest(sum, http->token_hash, &len);
    }
    http->metrics = serve_metrics_new();
    http->main = g_main_context_ref_thread_default();
    g_mutex_init(&http->contexts_lock);
    http->contexts = g_ptr_array_new_with_free_func((GDestroyNotify)wp_query_context_free);
    http->pool = g_thread_pool_new(answer, http, (gint)config->threads, TRUE, NULL);
    /* A name search takes microseconds; behind a queue of searches on a million people it
     * waited 200 ms (p99 under a mixed load, README "The service under load"). */
    http->quick = g_thread_pool_new(answer, http, 1, TRUE, NULL);
    soup_server_add_early_handler(server, NULL, early_handler, http, NULL);
    soup_server_add_handler(server, NULL, handler, http, NULL);
    g_signal_connect(server, "request-started", G_CALLBACK(on_request_started), http);
    g_signal_connect(server, "request-finished", G_CALLBACK(on_request_finished), http);
    g_signal_connect(server, "request-aborted", G_CALLBACK(on_request_aborted), http);
    return http;
}

void serve_http_forget_contexts(ServeHttp *http)
{
    g_mutex_lock(&http->contexts_lock);
    g_ptr_array_set_size(http->contexts, 0);
    g_mutex_unlock(&http->contexts_lock);
}

void serve_http_drain(ServeHttp *http, GSourceFunc done, gpointer user_data)
{
    http->draining = TRUE;
    http->drain_done = done;
    http->drain_data = user_data;
    if (http->in_flight == 0) {
        http->drain_done = NULL;
        g_idle_add(done, user_data);
    }
}

void serve_http_free(ServeHttp *http)
{
    if (http == NULL)
        return;
    g_signal_handlers_disconnect_by_data(http->server, http);
    soup_server_remove_handler(http->server, NULL);
    g_thread_pool_free(http->pool, FALSE, TRUE);
    g_thread_pool_free(http->quick, FALSE, TRUE);
    while (http->in_flight > 0) /* the last jobs' finish() calls */
        g_main_context_iteration(http->main, TRUE);
    g_ptr_array_unref(http->contexts);
    g_mutex_clear(&http->contexts_lock);
    serve_metrics_free(http->metrics);
    g_main_context_unref(http->main);
    g_free((char *)http->config.token);
    g_free((char *)http->config.ledger_file);
    g_free(http);
}
