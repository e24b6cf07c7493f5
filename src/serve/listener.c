/* SPDX-License-Identifier: MIT */
/* The service's connections, bounded. libsoup listens and does all of HTTP; this file knows
 * each connection by its socket from its first request on, and once a second sweeps them:
 * a connection the client has closed, or one idle for idle_timeout seconds, is closed. A
 * request on a connection beyond max_connections is marked for the front end, which answers
 * 503 with "Connection: close".
 *
 * Why the sweep: libsoup 3.2 does not watch a keep-alive connection between requests, so a
 * client that closes one leaves its socket in CLOSE_WAIT, holding a file descriptor, for the
 * server's life (measured with `ss -tn`). Accepting connections ourselves and handing them to
 * soup_server_accept_iostream() does not help: libsoup then never keeps a connection alive. */
#include "serve/serve.h"

#include <stdio.h>

#define SWEEP_SECONDS 1

/* One connection: its socket (weakly referenced: libsoup owns it) and what it is doing. */
typedef struct {
    guint busy;      /* requests started and not finished */
    gint64 last_use; /* monotonic time of its last request's start or end */
} Connection;

struct ServeListener {
    SoupServer *server; /* borrowed */
    GHashTable *open;   /* GSocket -> owned Connection */
    guint max_connections;
    guint idle_timeout; /* seconds */
    gulong handlers[3];
    guint sweep_source;
};

static void on_socket_gone(gpointer data, GObject *where_the_object_was)
{
    ServeListener *l = data;
    g_hash_table_remove(l->open, where_the_object_was);
}

static void forget(ServeListener *l, GSocket *socket)
{
    g_object_weak_unref(G_OBJECT(socket), on_socket_gone, l);
    g_hash_table_remove(l->open, socket);
}

/* TRUE when the peer has closed @socket: a peek reads end of file (or fails). Non-blocking. */
static gboolean peer_closed(GSocket *socket)
{
    char byte;
    GInputVector vector = {&byte, 1};
    gint flags = G_SOCKET_MSG_PEEK;
    g_autoptr(GError) error = NULL;
    gboolean blocking = g_socket_get_blocking(socket);
    g_socket_set_blocking(socket, FALSE);
    gssize n = g_socket_receive_message(socket, NULL, &vector, 1, NULL, NULL, &flags, NULL, &error);
    g_socket_set_blocking(socket, blocking);
    return n == 0 || (n < 0 && !g_error_matches(error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK));
}

/* Closes and forgets the connections whose client has gone or that idled out, but @keep. */
static void sweep_except(ServeListener *l, GSocket *keep)
{
    gint64 now = g_get_monotonic_time();
    g_autoptr(GPtrArray) done = g_ptr_array_new();
    GHashTableIter iter;
    gpointer key = NULL, value = NULL;
    g_hash_table_iter_init(&iter, l->open);
    while (g_hash_table_iter_next(&iter, &key, &value)) {
        Connection *c = value;
        GSocket *socket = key;
        if (socket == keep)
            continue;
        /* A client waiting for its answer does not close its side first, so a closed peer
         * is a connection to drop, busy or not. */
        if (g_socket_is_closed(socket) || peer_closed(socket) ||
            (c->busy == 0 && now - c->last_use > (gint64)l->idle_timeout * G_USEC_PER_SEC))
            g_ptr_array_add(done, socket);
    }
    for (guint i = 0; i < done->len; i++) {
        GSocket *socket = done->pdata[i];
        if (!g_socket_is_closed(socket))
            g_socket_close(socket, NULL);
        forget(l, socket);
    }
}

static gboolean sweep(gpointer data)
{
    sweep_except(data, NULL);
    return G_SOURCE_CONTINUE;
}

static void on_request_started(SoupServer *server G_GNUC_UNUSED, SoupServerMessage *msg,
                               gpointer data)
{
    ServeListener *l = data;
    GSocket *socket = soup_server_message_get_socket(msg);
    if (socket == NULL)
        return;
    Connection *c = g_hash_table_lookup(l->open, socket);
    if (c == NULL) {
        c = g_new0(Connection, 1);
        g_hash_table_insert(l->open, socket, c);
        g_object_weak_ref(G_OBJECT(socket), on_socket_gone, l);
    }
    c->busy++;
    c->last_use = g_get_monotonic_time();
    g_object_set_data(G_OBJECT(msg), "wp-socket", socket);
    /* A client that opens a connection per request (curl in a loop) leaves closed ones
     * behind faster than the timed sweep runs: sweep before refusing anyone. */
    if (g_hash_table_size(l->open) > l->max_connections)
        sweep_except(l, socket);
    if (g_hash_table_size(l->open) > l->max_connections)
        g_object_set_data(G_OBJECT(msg), SERVE_OVER_LIMIT, GINT_TO_POINTER(1));
}

static void on_request_ended(SoupServer *server G_GNUC_UNUSED, SoupServerMessage *msg,
                             gpointer data)
{
    ServeListener *l = data;
    Connection *c = g_hash_table_lookup(l->open, g_object_get_data(G_OBJECT(msg), "wp-socket"));
    if (c != NULL && c->busy > 0) {
        c->busy--;
        c->last_use = g_get_monotonic_time();
    }
}

ServeListener *serve_listener_new(SoupServer *server, GSocketAddress *address,
                                  guint max_connections, guint idle_timeout, GError **error)
{
    if (!soup_server_listen(server, address, 0, error))
        return NULL;
    ServeListener *l = g_new0(ServeListener, 1);
    l->server = server;
    l->open = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    l->max_connections = MAX(max_connections, 1);
    l->idle_timeout = idle_timeout;
    l->handlers[0] = g_signal_connect(server, "request-started", G_CALLBACK(on_request_started), l);
    l->handlers[1] = g_signal_connect(server, "request-finished", G_CALLBACK(on_request_ended), l);
    l->handlers[2] = g_signal_connect(server, "request-aborted", G_CALLBACK(on_request_ended), l);
    l->sweep_source = g_timeout_add_seconds(SWEEP_SECONDS, sweep, l);
    return l;
}

char *serve_listener_url(const ServeListener *l)
{
    GSList *uris = soup_server_get_uris(l->server);
    char *url = uris != NULL ? g_uri_to_string(uris->data) : g_strdup("-");
    g_slist_free_full(uris, (GDestroyNotify)g_uri_unref);
    return url;
}

guint serve_listener_n_connections(const ServeListener *l)
{
    return g_hash_table_size(l->open);
}

void serve_listener_free(ServeListener *l)
{
    if (l == NULL)
        return;
    g_source_remove(l->sweep_source);
    GHashTableIter iter;
    gpointer socket = NULL;
    g_hash_table_iter_init(&iter, l->open);
    while (g_hash_table_iter_next(&iter, &socket, NULL))
        g_object_weak_unref(socket, on_socket_gone, l);
    g_hash_table_unref(l->open);
    for (guint i = 0; i < G_N_ELEMENTS(l->handlers); i++)
        g_signal_handler_disconnect(l->server, l->handlers[i]);
    g_free(l);
}
