/* SPDX-License-Identifier: MIT */
/* Accepting connections for the SoupServer ourselves (a GSocketService), so that the service
 * can bound them: at most max_connections open at once (beyond that, new ones wait in the
 * kernel's backlog until one closes, instead of costing a file descriptor each), an idle
 * connection closed after idle_timeout seconds, and no new connection once the service is
 * stopping. libsoup still does all of HTTP (soup_server_accept_iostream()). */
#include "serve/serve.h"

#include <stdio.h>

struct ServeListener {
    SoupServer *server; /* borrowed */
    GSocketService *service;
    GInetSocketAddress *address; /* where it listens (the port chosen for port 0) */
    GHashTable *open;            /* GSocketConnection (weakly referenced) -> itself */
    guint max_connections;
    guint idle_timeout;
    gboolean full;    /* accepting paused at max_connections */
    gboolean stopped; /* for good */
};

static void on_connection_gone(gpointer data, GObject *where_the_object_was)
{
    ServeListener *l = data;
    g_hash_table_remove(l->open, where_the_object_was);
    if (l->full && !l->stopped && g_hash_table_size(l->open) < l->max_connections) {
        l->full = FALSE;
        g_socket_service_start(l->service);
    }
}

static gboolean on_incoming(GSocketService *service, GSocketConnection *connection,
                            GObject *source G_GNUC_UNUSED, gpointer data)
{
    ServeListener *l = data;
    g_autoptr(GError) error = NULL;
    g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address(connection, NULL);
    g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address(connection, NULL);
    /* A socket timeout fails a wait for the next request on a connection left idle. */
    g_socket_set_timeout(g_socket_connection_get_socket(connection), l->idle_timeout);
    if (!soup_server_accept_iostream(l->server, G_IO_STREAM(connection), local, remote, &error)) {
        fprintf(stderr, "warmpath serve: cannot take a connection: %s\n", error->message);
        return TRUE;
    }
    g_hash_table_add(l->open, connection);
    g_object_weak_ref(G_OBJECT(connection), on_connection_gone, l);
    if (g_hash_table_size(l->open) >= l->max_connections && !l->full) {
        l->full = TRUE;
        g_socket_service_stop(service);
    }
    return TRUE;
}

ServeListener *serve_listener_new(SoupServer *server, GSocketAddress *address,
                                  guint max_connections, guint idle_timeout, GError **error)
{
    g_autoptr(GSocketService) service = g_socket_service_new();
    g_autoptr(GSocketAddress) effective = NULL;
    if (!g_socket_listener_add_address(G_SOCKET_LISTENER(service), address, G_SOCKET_TYPE_STREAM,
                                       G_SOCKET_PROTOCOL_TCP, NULL, &effective, error))
        return NULL;
    ServeListener *l = g_new0(ServeListener, 1);
    l->server = server;
    l->service = g_steal_pointer(&service);
    l->address = G_INET_SOCKET_ADDRESS(g_steal_pointer(&effective));
    l->open = g_hash_table_new(g_direct_hash, g_direct_equal);
    l->max_connections = MAX(max_connections, 1);
    l->idle_timeout = idle_timeout;
    g_signal_connect(l->service, "incoming", G_CALLBACK(on_incoming), l);
    g_socket_service_start(l->service);
    return l;
}

char *serve_listener_url(const ServeListener *l)
{
    GInetAddress *ip = g_inet_socket_address_get_address(l->address);
    g_autofree char *host = g_inet_address_to_string(ip);
    gboolean v6 = g_inet_address_get_family(ip) == G_SOCKET_FAMILY_IPV6;
    return g_strdup_printf("http://%s%s%s:%u/", v6 ? "[" : "", host, v6 ? "]" : "",
                           g_inet_socket_address_get_port(l->address));
}

guint serve_listener_n_connections(const ServeListener *l)
{
    return g_hash_table_size(l->open);
}

void serve_listener_stop(ServeListener *l)
{
    l->stopped = TRUE;
    g_socket_service_stop(l->service);
    g_socket_listener_close(G_SOCKET_LISTENER(l->service));
}

void serve_listener_free(ServeListener *l)
{
    if (l == NULL)
        return;
    GHashTableIter iter;
    gpointer connection = NULL;
    g_hash_table_iter_init(&iter, l->open);
    while (g_hash_table_iter_next(&iter, &connection, NULL))
        g_object_weak_unref(connection, on_connection_gone, l);
    g_hash_table_unref(l->open);
    g_signal_handlers_disconnect_by_data(l->service, l);
    g_socket_service_stop(l->service);
    g_socket_listener_close(G_SOCKET_LISTENER(l->service));
    g_object_unref(l->service);
    g_object_unref(l->address);
    g_free(l);
}
