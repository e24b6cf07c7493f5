/* SPDX-License-Identifier: MIT */
/* The service's metrics in Prometheus's text format (version 0.0.4): requests and errors by
 * endpoint and status, a latency histogram per endpoint, the network's size and load time.
 * Counted in the main context only (where every response is finished), so without locks. */
#include "serve/serve.h"

#include <string.h>

/* Latency bucket bounds in seconds: interactive answers sit in the first ones. */
static const double bounds[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                0.1,   0.25,   0.5,   1,    2.5,   10};
#define N_BOUNDS G_N_ELEMENTS(bounds)

typedef struct {
    guint64 buckets[N_BOUNDS]; /* observations <= bounds[i] (not cumulative here) */
    guint64 count;
    double sum;
    GHashTable *by_status; /* status code (GUINT_TO_POINTER) -> count (GSIZE_TO_POINTER) */
} Endpoint;

struct ServeMetrics {
    GHashTable *endpoints; /* owned name -> owned Endpoint */
    gint64 started;        /* monotonic, for the uptime */
};

static void endpoint_free(gpointer data)
{
    Endpoint *e = data;
    g_hash_table_unref(e->by_status);
    g_free(e);
}

ServeMetrics *serve_metrics_new(void)
{
    ServeMetrics *m = g_new0(ServeMetrics, 1);
    m->endpoints = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, endpoint_free);
    m->started = g_get_monotonic_time();
    return m;
}

void serve_metrics_free(ServeMetrics *m)
{
    if (m == NULL)
        return;
    g_hash_table_unref(m->endpoints);
    g_free(m);
}

void serve_metrics_observe(ServeMetrics *m, const char *endpoint, guint status, double seconds)
{
    Endpoint *e = g_hash_table_lookup(m->endpoints, endpoint);
    if (e == NULL) {
        e = g_new0(Endpoint, 1);
        e->by_status = g_hash_table_new(g_direct_hash, g_direct_equal);
        g_hash_table_insert(m->endpoints, g_strdup(endpoint), e);
    }
    for (guint i = 0; i < N_BOUNDS; i++)
        if (seconds <= bounds[i]) {
            e->buckets[i]++;
            break;
        }
    e->count++;
    e->sum += seconds;
    gpointer key = GUINT_TO_POINTER(status);
    gsize n = GPOINTER_TO_SIZE(g_hash_table_lookup(e->by_status, key));
    g_hash_table_insert(e->by_status, key, GSIZE_TO_POINTER(n + 1));
}

static void add_double(GString *out, double x)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    g_string_append(out, g_ascii_formatd(buf, sizeof buf, "%.6g", x));
}

/* The table's keys as an array (GLib 2.74 lacks g_hash_table_get_keys_as_ptr_array()). */
static GPtrArray *keys(GHashTable *table)
{
    GPtrArray *out = g_ptr_array_new();
    GHashTableIter iter;
    gpointer key = NULL;
    g_hash_table_iter_init(&iter, table);
    while (g_hash_table_iter_next(&iter, &key, NULL))
        g_ptr_array_add(out, key);
    return out;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static gint compare_codes(gconstpointer a, gconstpointer b)
{
    guint x = GPOINTER_TO_UINT(*(gconstpointer const *)a);
    guint y = GPOINTER_TO_UINT(*(gconstpointer const *)b);
    return x < y ? -1 : x > y;
}

/* The counters of one endpoint: requests by status, errors (4xx, 5xx), the histogram. */
static void endpoint_text(GString *requests, GString *errors, GString *latency, const char *name,
                          const Endpoint *e)
{
    g_autoptr(GPtrArray) codes = keys(e->by_status);
    g_ptr_array_sort(codes, compare_codes);
    guint64 failed = 0;
    for (guint i = 0; i < codes->len; i++) {
        guint code = GPOINTER_TO_UINT(codes->pdata[i]);
        gsize n = GPOINTER_TO_SIZE(g_hash_table_lookup(e->by_status, codes->pdata[i]));
        g_string_append_printf(requests,
                               "warmpath_http_requests_total{endpoint=\"%s\",code=\"%u\"} %zu\n",
                               name, code, n);
        if (code >= 400)
            failed += n;
    }
    g_string_append_printf(errors,
                           "warmpath_http_errors_total{endpoint=\"%s\"} %" G_GUINT64_FORMAT "\n",
                           name, failed);
    guint64 cumulative = 0;
    for (guint i = 0; i < N_BOUNDS; i++) {
        cumulative += e->buckets[i];
        g_string_append_printf(
            latency, "warmpath_http_request_duration_seconds_bucket{endpoint=\"%s\",le=\"", name);
        add_double(latency, bounds[i]);
        g_string_append_printf(latency, "\"} %" G_GUINT64_FORMAT "\n", cumulative);
    }
    g_string_append_printf(
        latency,
        "warmpath_http_request_duration_seconds_bucket{endpoint=\"%s\",le=\"+Inf\"} "
        "%" G_GUINT64_FORMAT "\n",
        name, e->count);
    g_string_append_printf(latency, "warmpath_http_request_duration_seconds_sum{endpoint=\"%s\"} ",
                           name);
    add_double(latency, e->sum);
    g_string_append_printf(latency,
                           "\nwarmpath_http_request_duration_seconds_count{endpoint=\"%s\"} "
                           "%" G_GUINT64_FORMAT "\n",
                           name, e->count);
}

static void gauge(GString *out, const char *name, const char *help, const char *type, double x)
{
    g_string_append_printf(out, "# HELP %s %s\n# TYPE %s %s\n%s ", name, help, name, type, name);
    add_double(out, x);
    g_string_append_c(out, '\n');
}

char *serve_metrics_text(const ServeMetrics *m, const ServeNetworkStatus *s, guint in_flight)
{
    GString *out = g_string_new(NULL);
    g_autoptr(GString) requests = g_string_new(
        "# HELP warmpath_http_requests_total HTTP requests answered, by endpoint and status.\n"
        "# TYPE warmpath_http_requests_total counter\n");
    g_autoptr(GString) errors =
        g_string_new("# HELP warmpath_http_errors_total Requests answered with a 4xx or 5xx "
                     "status, by endpoint.\n# TYPE warmpath_http_errors_total counter\n");
    g_autoptr(GString) latency = g_string_new(
        "# HELP warmpath_http_request_duration_seconds Time from a request's arrival to its "
        "answer, by endpoint.\n# TYPE warmpath_http_request_duration_seconds histogram\n");
    g_autoptr(GPtrArray) names = keys(m->endpoints);
    g_ptr_array_sort(names, compare_names);
    for (guint i = 0; i < names->len; i++)
        endpoint_text(requests, errors, latency, names->pdata[i],
                      g_hash_table_lookup(m->endpoints, names->pdata[i]));
    g_string_append(out, requests->str);
    g_string_append(out, errors->str);
    g_string_append(out, latency->str);
    gauge(out, "warmpath_http_requests_in_flight", "Requests being answered or queued now.",
          "gauge", in_flight);
    gauge(out, "warmpath_network_loaded", "1 when a network is being served.", "gauge", s->loaded);
    gauge(out, "warmpath_network_people", "People in the network served.", "gauge", s->people);
    gauge(out, "warmpath_network_ties", "Ties in the network served.", "gauge", s->ties);
    gauge(out, "warmpath_network_load_seconds", "How long the last successful load took.", "gauge",
          s->load_seconds);
    gauge(out, "warmpath_network_loaded_timestamp_seconds",
          "When the network served was loaded (Unix time).", "gauge", s->loaded_at / 1e6);
    gauge(out, "warmpath_network_loads_total", "Successful loads, the first one included.",
          "counter", (double)s->loads);
    gauge(out, "warmpath_network_rescores_total",
          "Scorings of the loaded graph made again after the ledger or the profile changed.",
          "counter", (double)s->rescores);
    gauge(out, "warmpath_network_rescore_seconds", "How long the last such scoring took.", "gauge",
          s->rescore_seconds);
    gauge(out, "warmpath_network_load_failures_total",
          "Failed loads and rescorings (a failure keeps the network served).", "counter",
          (double)s->failures);
    gauge(out, "warmpath_network_last_load_failed", "1 when the last load failed.", "gauge",
          s->error != NULL);
    gauge(out, "warmpath_uptime_seconds", "Seconds since the service started.", "gauge",
          (double)(g_get_monotonic_time() - m->started) / 1e6);
    return g_string_free(out, FALSE);
}
