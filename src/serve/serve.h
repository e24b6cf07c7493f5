/* SPDX-License-Identifier: MIT */
/* What the service's files share: the network it serves (loaded and reloaded in the
 * background), its metrics, and the HTTP front end. Everything here lives in the main context
 * (the thread running the main loop) except where a comment says otherwise. */
#pragma once

#include "cli/cli.h"
#include "serve/queries.h"

#include <libsoup/soup.h>

/* ---- network.c: the scoring every request shares, swapped whole on reload ---------------- */

typedef struct ServeNetwork ServeNetwork;

/* Called in the main context after each load or rescoring attempt (@error NULL on success;
 * @rescored: only the scoring of the same graph was made again). */
typedef void (*ServeLoadedFunc)(ServeNetwork *network, gboolean rescored, const GError *error,
                                gpointer user_data);

/* @common: how to load (copied by reference: it must outlive the network). */
ServeNetwork *serve_network_new(const CliCommon *common, ServeLoadedFunc on_loaded,
                                gpointer user_data);
void serve_network_free(ServeNetwork *network);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ServeNetwork, serve_network_free)
/* Starts loading the files on a worker thread; a request while one runs queues one more (the
 * files may have changed after the running load opened them). */
void serve_network_reload(ServeNetwork *network, const char *why);
/* Watches the data folder: a change to edges.csv or people.csv reloads after a quiet spell; one
 * to ledger.db, ledger.db-wal or profile.ini scores the loaded graph again (the model and what
 * the ledger teaches). */
gboolean serve_network_watch(ServeNetwork *network, GError **error);
/* The scoring to answer with (a new reference), or NULL before the first load succeeded. When
 * the service measures recency to "today", a new day gets a new scoring of the same graph. */
WpScoring *serve_network_scoring(ServeNetwork *network);
/* The model as the user named it ("default", "raw", a profile's file name). */
const char *serve_network_model_name(const ServeNetwork *network);

typedef struct {
    gboolean loaded;        /* a network is being served */
    gboolean loading;       /* a load runs now */
    char *error;            /* (nullable) why the last load failed; owned */
    gint64 loaded_at;       /* real time of the last successful load, microseconds */
    double load_seconds;    /* how long it took */
    guint64 loads;          /* successful loads */
    guint64 failures;       /* failed loads and rescorings */
    guint64 rescores;       /* successful rescorings (the ledger or the profile changed) */
    double rescore_seconds; /* how long the last one took */
    guint people, ties;     /* of the network served */
} ServeNetworkStatus;

void serve_network_status(const ServeNetwork *network, ServeNetworkStatus *out);
void serve_network_status_clear(ServeNetworkStatus *status);

/* ---- metrics.c: Prometheus text for /metrics --------------------------------------------- */

typedef struct ServeMetrics ServeMetrics;

ServeMetrics *serve_metrics_new(void);
void serve_metrics_free(ServeMetrics *metrics);
/* Counts one request to @endpoint (a route's name, "other" for none) answered with @status
 * in @seconds. */
void serve_metrics_observe(ServeMetrics *metrics, const char *endpoint, guint status,
                           double seconds);
/* The exposition text, with the network's gauges and @in_flight. */
char *serve_metrics_text(const ServeMetrics *metrics, const ServeNetworkStatus *status,
                         guint in_flight);

/* ---- listener.c: the connections, bounded ------------------------------------------------ */

typedef struct ServeListener ServeListener;

/* Set (object data) on a request that arrives on a connection beyond the limit. */
#define SERVE_OVER_LIMIT "wp-over-limit"

/* Makes @server listen on @address; each connection is closed after @idle_timeout seconds
 * without traffic, and a request on a connection beyond @max_connections is marked
 * SERVE_OVER_LIMIT. Must be made before serve_http_new() (its handler runs first). */
ServeListener *serve_listener_new(SoupServer *server, GSocketAddress *address,
                                  guint max_connections, guint idle_timeout, GError **error);
/* "http://127.0.0.1:40543/": the address listened on, with the port chosen for port 0. */
char *serve_listener_url(const ServeListener *listener);
guint serve_listener_n_connections(const ServeListener *listener);
void serve_listener_free(ServeListener *listener);

/* ---- routes.c: what an API request asks ------------------------------------------------- */

/* An API route: a URL path, the method it takes, the metrics' name for it, the question it
 * asks (queries.c, ledger-queries.c) and the status of its answers. A "*" in the path stands
 * for one segment, which the question takes as its parameter "id". A POST takes its parameters
 * from a JSON object body. Adding an endpoint is one row in routes.c and one ServeQuery. */
typedef struct {
    const char *path;
    const char *method;
    const char *endpoint;
    const char *query;
    guint status;   /* of an answer: 200, 201 for a new ask */
    gboolean quick; /* answered on a worker of its own, never queued behind searches (the name
                     * search a page's autocomplete asks as someone types); needs no query
                     * context */
} ServeRoute;

/* The route of @path (whatever the method), or NULL. */
const ServeRoute *serve_route_find(const char *path);
/* A POST's parameters: "id" from @path's "*" segment, then the members of the body, a JSON
 * object; FALSE with WP_ERROR_USAGE when the body is not one (or a member's type is wrong). */
gboolean serve_route_body_params(const ServeRoute *route, SoupServerMessage *msg, const char *path,
                                 ServeParams *params, GError **error);
/* TRUE when the request says its body is JSON (application/json, UTF-8 if a charset is named).
 * A browser sends that type across sites only after a CORS preflight, which the service never
 * grants, so a page elsewhere cannot record asks with what a user's browser can reach (a form
 * posts only urlencoded, multipart or text/plain). */
gboolean serve_request_is_json(SoupServerMessage *msg);

/* ---- http.c: the HTTP front end --------------------------------------------------------- */

typedef struct {
    guint threads;           /* workers answering queries */
    guint max_in_flight;     /* requests being answered or queued at once; more get 503 */
    guint max_url_bytes;     /* a longer path and query gets 414 */
    guint max_body_bytes;    /* a larger body gets 413 */
    guint deadline_ms;       /* a query still running after this is cancelled (503) */
    const char *token;       /* (nullable) the Bearer token every request but /healthz needs */
    const char *ledger_file; /* (nullable) DATA_DIR/ledger.db: the ledger's endpoints' */
    gboolean as_of_given;    /* the day was fixed with --as-of (metrics replay to it) */
} ServeConfig;

typedef struct ServeHttp ServeHttp;

ServeHttp *serve_http_new(SoupServer *server, ServeNetwork *network, const ServeConfig *config);
/* Frees the idle query contexts: after a reload they hold the old network's graph, which would
 * otherwise stay in memory until each was reused. Contexts in use are replaced when they come
 * back. */
void serve_http_forget_contexts(ServeHttp *http);
/* Stops taking requests (503 from now on) and calls @done in the main context once the ones
 * in flight are answered (at once when none are). */
void serve_http_drain(ServeHttp *http, GSourceFunc done, gpointer user_data);
/* Waits for the workers to finish; frees everything. */
void serve_http_free(ServeHttp *http);
