/* SPDX-License-Identifier: MIT */
/* warmpath serve: the network loaded once and answered over HTTP until SIGTERM. */
#include "serve/serve.h"

#include <glib-unix.h>
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <string.h>

#define DEFAULT_LISTEN "127.0.0.1:8080"
#define DEFAULT_TIMEOUT_S 30
#define DEFAULT_MAX_IN_FLIGHT 256
#define DEFAULT_MAX_CONNECTIONS 256
#define IDLE_TIMEOUT_S 60 /* a keep-alive connection without a request is closed */
#define MAX_URL_BYTES 8192
#define MAX_BODY_BYTES (1u << 20)
#define MAX_TOKEN_BYTES 4096
#define MIN_TOKEN_BYTES 16

typedef struct {
    char *listen;
    char *token_file;
    gint threads;
    double timeout; /* seconds */
    gint max_in_flight;
    gint max_connections;
} ServeOptions;

static void serve_options_clear(ServeOptions *o)
{
    g_free(o->listen);
    g_free(o->token_file);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ServeOptions, serve_options_clear)

/* HOST:PORT with HOST an IPv4 address, [IPv6] or localhost; FALSE with a usage message. */
static GSocketAddress *parse_listen(const char *text, char **message)
{
    const char *colon = strrchr(text, ':');
    guint64 port = 0;
    if (colon == NULL || !g_ascii_string_to_unsigned(colon + 1, 10, 0, 65535, &port, NULL)) {
        *message = g_strdup_printf("--listen: expected HOST:PORT (127.0.0.1:8080), not '%s'", text);
        return NULL;
    }
    g_autofree char *host = g_strndup(text, (gsize)(colon - text));
    if (host[0] == '[' && host[strlen(host) - 1] == ']') {
        memmove(host, host + 1, strlen(host));
        host[strlen(host) - 1] = '\0';
    }
    if (strcmp(host, "localhost") == 0)
        g_free(host), host = g_strdup("127.0.0.1");
    g_autoptr(GInetAddress) address = g_inet_address_new_from_string(host);
    if (address == NULL) {
        *message = g_strdup_printf("--listen: '%s' is not an IP address", host);
        return NULL;
    }
    return g_inet_socket_address_new(address, (guint16)port);
}

/* The token: the file's first line, whitespace stripped; at least MIN_TOKEN_BYTES. */
static char *read_token(const char *file, GError **error)
{
    g_autofree char *text = NULL;
    if (!wp_file_read_small(file, MAX_TOKEN_BYTES, &text, NULL, error))
        return NULL;
    char *newline = strchr(text, '\n');
    if (newline != NULL)
        *newline = '\0';
    g_strstrip(text);
    if (strlen(text) < MIN_TOKEN_BYTES) {
        g_autofree char *shown = g_filename_display_name(file);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--token-file %s: the token must be at least %d characters (e.g. `openssl "
                    "rand -hex 32`)",
                    shown, MIN_TOKEN_BYTES);
        return NULL;
    }
    return g_steal_pointer(&text);
}

typedef struct {
    GMainLoop *loop;
    ServeListener *listener;
    ServeHttp *http;
    ServeNetwork *network;
    gboolean stopping;
} Service;

static gboolean on_drained(gpointer data)
{
    Service *s = data;
    g_main_loop_quit(s->loop);
    return G_SOURCE_REMOVE;
}

static gboolean on_stop(gpointer data)
{
    Service *s = data;
    if (!s->stopping) {
        s->stopping = TRUE;
        fprintf(stderr, "warmpath serve: stopping: finishing the requests in flight\n");
        serve_http_drain(s->http, on_drained, s);
    }
    return G_SOURCE_CONTINUE;
}

static gboolean on_hangup(gpointer data)
{
    Service *s = data;
    serve_network_reload(s->network, "SIGHUP");
    return G_SOURCE_CONTINUE;
}

/* The log line after each load; a failed reload keeps the network loaded before. */
static void on_loaded(ServeNetwork *network, gboolean rescored, const GError *error, gpointer data)
{
    Service *service = data;
    if (error == NULL && !rescored && service->http != NULL) /* a rescoring keeps the graph */
        serve_http_forget_contexts(service->http);
    ServeNetworkStatus s;
    serve_network_status(network, &s);
    if (error == NULL && rescored)
        fprintf(stderr,
                "warmpath serve: scored again (the ledger or the profile changed) in %.0f ms\n",
                s.rescore_seconds * 1000);
    else if (error != NULL)
        fprintf(stderr, "warmpath serve: loading failed, %s: %s\n",
                s.loaded ? "still serving the network loaded before" : "nothing to serve yet",
                error->message);
    else
        fprintf(stderr, "warmpath serve: network loaded: %u people, %u ties in %.2f s\n", s.people,
                s.ties, s.load_seconds);
    serve_network_status_clear(&s);
}

/* Listens, prints the URL (the port chosen for port 0), and serves until SIGTERM or SIGINT. */
static int run(const CliCommon *common, GSocketAddress *address, const ServeConfig *config,
               guint max_connections)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(SoupServer) server = soup_server_new("server-header", "warmpath", NULL);
    /* A query may run up to its deadline while its connection waits. */
    guint idle = MAX(IDLE_TIMEOUT_S, config->deadline_ms / 1000 + 10);
    ServeListener *listener = serve_listener_new(server, address, max_connections, idle, &error);
    if (listener == NULL) {
        cli_warn("cannot listen: %s", error->message);
        return CLI_EXIT_FAILURE;
    }
    g_autofree char *url = serve_listener_url(listener);
    fprintf(stderr, "warmpath serve: listening on %s\n", url);

#ifdef __GLIBC__
    /* A search's arrays that a rare large question grew, given back as it ends (search/retain.h),
     * should leave the process: glibc maps blocks that large on their own, but raises that
     * threshold to the largest block freed (up to 32 MiB), after which they come from a thread's
     * heap and stay resident. Fixed at 1 MiB, the resident memory of a long run on the large
     * benchmark network stays flat instead of creeping up with each larger question (see README
     * "The service under load"). Fixing it also fixes the heaps' trim threshold, at 128 KiB by
     * default: heaps then gave pages back and faulted them in again on every question (+40 % CPU
     * per question there), so it is set well above what a question allocates. */
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
    Service s = {g_main_loop_new(NULL, FALSE), listener, NULL, NULL, FALSE};
    s.network = serve_network_new(common, on_loaded, &s);
    if (!serve_network_watch(s.network, &error)) {
        cli_warn("cannot watch the data folder (reload with SIGHUP): %s", error->message);
        g_clear_error(&error);
    }
    s.http = serve_http_new(server, s.network, config);
    guint sources[] = {g_unix_signal_add(SIGTERM, on_stop, &s),
                       g_unix_signal_add(SIGINT, on_stop, &s),
                       g_unix_signal_add(SIGHUP, on_hangup, &s)};
    serve_network_reload(s.network, "starting");
    g_main_loop_run(s.loop);

    for (guint i = 0; i < G_N_ELEMENTS(sources); i++)
        g_source_remove(sources[i]);
    soup_server_disconnect(server);
    serve_http_free(s.http);
    ServeNetworkStatus status;
    do { /* a load still running finishes before its network goes */
        serve_network_status(s.network, &status);
        if (status.loading)
            g_main_context_iteration(NULL, TRUE);
        serve_network_status_clear(&status);
    } while (status.loading);
    serve_network_free(s.network);
    serve_listener_free(listener);
    g_main_loop_unref(s.loop);
    fprintf(stderr, "warmpath serve: stopped\n");
    return CLI_EXIT_OK;
}

/* The numbers' ranges, and the address with the rule that only loopback goes without a token;
 * CLI_EXIT_OK or the usage error's exit code. */
static int check_options(const ServeOptions *o, GSocketAddress **address)
{
    if (o->threads < 0 || o->threads > 256)
        return cli_usage_error("serve", "--threads: expected a number from 1 to 256");
    if (!(o->timeout >= 0.001 && o->timeout <= 3600)) /* NaN fails too */
        return cli_usage_error("serve", "--timeout: expected seconds from 0.001 to 3600");
    if (o->max_in_flight < 1 || o->max_in_flight > 100000)
        return cli_usage_error("serve", "--max-in-flight: expected a number from 1");
    if (o->max_connections < 1 || o->max_connections > 100000)
        return cli_usage_error("serve", "--max-connections: expected a number from 1");
    g_autofree char *message = NULL;
    *address = parse_listen(o->listen != NULL ? o->listen : DEFAULT_LISTEN, &message);
    if (*address == NULL)
        return cli_usage_error("serve", "%s", message);
    GInetAddress *ip = g_inet_socket_address_get_address(G_INET_SOCKET_ADDRESS(*address));
    if (!g_inet_address_get_is_loopback(ip) && o->token_file == NULL)
        return cli_usage_error("serve",
                               "--listen %s is reachable from other machines: give "
                               "--token-file FILE too",
                               o->listen);
    return CLI_EXIT_OK;
}

int cmd_serve(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_auto(ServeOptions) o = {.threads = 0,
                              .timeout = DEFAULT_TIMEOUT_S,
                              .max_in_flight = DEFAULT_MAX_IN_FLIGHT,
                              .max_connections = DEFAULT_MAX_CONNECTIONS};
    const GOptionEntry entries[] = {
        {"listen", 'l', 0, G_OPTION_ARG_STRING, &o.listen,
         "Address and port to listen on (default " DEFAULT_LISTEN "; port 0 picks a free one); "
         "an address other than loopback needs --token-file",
         "HOST:PORT"},
        {"token-file", 0, 0, G_OPTION_ARG_FILENAME, &o.token_file,
         "Require 'Authorization: Bearer TOKEN' with the token in FILE (every endpoint but "
         "/healthz)",
         "FILE"},
        {"threads", 0, 0, G_OPTION_ARG_INT, &o.threads,
         "Workers answering queries (default: one per processor)", "N"},
        {"timeout", 0, 0, G_OPTION_ARG_DOUBLE, &o.timeout,
         "Cancel a query still running S seconds after it arrived (default 30; 0.5 is half a "
         "second)",
         "S"},
        {"max-in-flight", 0, 0, G_OPTION_ARG_INT, &o.max_in_flight,
         "Requests answered or queued at once; more get 503 (default 256)", "N"},
        {"max-connections", 0, 0, G_OPTION_ARG_INT, &o.max_connections,
         "Connections open at once; a request on one more gets 503 (default 256; idle ones "
         "close after 60 s)",
         "N"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(
        context, "Serve the network over HTTP: JSON answers to path, rank and people questions, "
                 "SVG diagrams, /healthz and /metrics. The network is loaded once and reloaded "
                 "when the data folder changes or on SIGHUP; SIGTERM finishes the requests in "
                 "flight and exits 0. See docs/serve.md.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_common_add_options(context, &common, 0);
    if (!cli_parse(context, &argc, &argv, "serve") ||
        !cli_common_check(context, &common, 0, "serve"))
        return CLI_EXIT_USAGE;
    if (argc > 1)
        return cli_unexpected_argument("serve", argv[1]);
    g_autoptr(GSocketAddress) address = NULL;
    int rc = check_options(&o, &address);
    if (rc != CLI_EXIT_OK)
        return rc;
    g_autoptr(GError) error = NULL;
    g_autofree char *token = o.token_file ? read_token(o.token_file, &error) : NULL;
    if (o.token_file != NULL && token == NULL)
        return cli_fail(error);
    if (common.data_dir != NULL && !g_file_test(common.data_dir, G_FILE_TEST_IS_DIR)) {
        g_autofree char *shown = g_filename_display_name(common.data_dir);
        return cli_usage_error("serve", "--data %s is not a folder", shown);
    }
    g_autofree char *ledger =
        common.data_dir != NULL ? wp_ledger_path_in_folder(common.data_dir) : NULL;
    ServeConfig config = {
        .threads = o.threads > 0 ? (guint)o.threads : MAX(g_get_num_processors(), 1),
        .max_in_flight = (guint)o.max_in_flight,
        .max_url_bytes = MAX_URL_BYTES,
        .max_body_bytes = MAX_BODY_BYTES,
        .deadline_ms = (guint)(o.timeout * 1000 + 0.5),
        .token = token,
        .ledger_file = ledger,
        .as_of_given = common.as_of != NULL,
    };
    return run(&common, address, &config, (guint)o.max_connections);
}
