/* SPDX-License-Identifier: MIT */
/* The network the service answers from: loaded on a worker thread, published whole in the main
 * context, swapped on reload. Requests take a reference to the scoring when they start, so a
 * request in flight finishes on the network it began with, and the old one is freed when its
 * last request ends. A failed reload keeps the network served and says why (/healthz, log). */
#include "serve/serve.h"

#include <stdio.h>
#include <string.h>

#define QUIET_MS 500 /* a folder change reloads after this long without another */

struct ServeNetwork {
    const CliCommon *common; /* borrowed: the data options */
    ServeLoadedFunc on_loaded;
    gpointer user_data;
    WpScoring *scoring; /* (nullable) what is served; owned */
    gboolean loading;
    gboolean again; /* reload once more when the running load ends */
    char *error;    /* (nullable) the last load's failure */
    gint64 loaded_at;
    double load_seconds;
    guint64 loads, failures;
    GFileMonitor *monitor;
    guint quiet_source;        /* the pending reload after a folder change, 0 when none */
    GCancellable *cancellable; /* cancelled when the network is freed */
};

ServeNetwork *serve_network_new(const CliCommon *common, ServeLoadedFunc on_loaded,
                                gpointer user_data)
{
    ServeNetwork *n = g_new0(ServeNetwork, 1);
    n->common = common;
    n->on_loaded = on_loaded;
    n->user_data = user_data;
    n->cancellable = g_cancellable_new();
    return n;
}

void serve_network_free(ServeNetwork *n)
{
    if (n == NULL)
        return;
    g_cancellable_cancel(n->cancellable);
    if (n->quiet_source != 0)
        g_source_remove(n->quiet_source);
    if (n->monitor != NULL) {
        g_file_monitor_cancel(n->monitor);
        g_signal_handlers_disconnect_by_data(n->monitor, n);
        g_object_unref(n->monitor);
    }
    wp_scoring_unref(n->scoring);
    g_free(n->error);
    g_object_unref(n->cancellable);
    g_free(n);
}

const char *serve_network_model_name(const ServeNetwork *n)
{
    return n->common->model != NULL ? n->common->model : "default";
}

/* Runs on a worker thread: the same load the CLI's commands do. */
static void load_thread(GTask *task, gpointer source G_GNUC_UNUSED, gpointer data,
                        GCancellable *cancellable G_GNUC_UNUSED)
{
    const CliCommon *common = data;
    GError *error = NULL;
    WpScoring *scoring = cli_load_scoring(common, &error);
    if (scoring == NULL) {
        g_task_return_error(task, error);
        return;
    }
    wp_graph_index_people(wp_scoring_graph(scoring)); /* the people search's, built ahead */
    wp_scoring_compute_costs(scoring); /* not by the requests, nor growing memory as they come */
    g_task_return_pointer(task, scoring, (GDestroyNotify)wp_scoring_unref);
}

static void start_load(ServeNetwork *n);

/* Back in the main context: publish the new scoring, or keep the old one and say why. */
static void on_load_done(GObject *source G_GNUC_UNUSED, GAsyncResult *result, gpointer data)
{
    GTask *task = G_TASK(result);
    if (g_cancellable_is_cancelled(g_task_get_cancellable(task)))
        return; /* the network was freed: the task's data are gone */
    ServeNetwork *n = data;
    g_autoptr(GError) error = NULL;
    WpScoring *scoring = g_task_propagate_pointer(task, &error);
    gint64 started = (gint64)GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(task), "started"));
    n->loading = FALSE;
    if (scoring != NULL) {
        wp_scoring_unref(n->scoring);
        n->scoring = scoring;
        n->loads++;
        n->loaded_at = g_get_real_time();
        n->load_seconds = (double)(g_get_monotonic_time() - started) / 1e6;
        g_clear_pointer(&n->error, g_free);
    } else {
        n->failures++;
        g_free(n->error);
        n->error = g_strdup(error->message);
    }
    if (n->on_loaded != NULL)
        n->on_loaded(n, error, n->user_data);
    if (n->again) {
        n->again = FALSE;
        start_load(n);
    }
}

static void start_load(ServeNetwork *n)
{
    n->loading = TRUE;
    g_autoptr(GTask) task = g_task_new(NULL, n->cancellable, on_load_done, n);
    g_task_set_task_data(task, (gpointer)n->common, NULL);
    g_task_set_check_cancellable(task, TRUE);
    g_object_set_data(G_OBJECT(task), "started", GSIZE_TO_POINTER(g_get_monotonic_time()));
    g_task_run_in_thread(task, load_thread);
}

void serve_network_reload(ServeNetwork *n, const char *why)
{
    if (why != NULL)
        fprintf(stderr, "warmpath serve: %s: loading the network\n", why);
    if (n->loading)
        n->again = TRUE;
    else
        start_load(n);
}

static gboolean on_quiet(gpointer data)
{
    ServeNetwork *n = data;
    n->quiet_source = 0;
    serve_network_reload(n, "the data folder changed");
    return G_SOURCE_REMOVE;
}

/* The files a load reads; the folder's lock, journal and temporaries are not among them. */
static gboolean is_data_file(GFile *file)
{
    if (file == NULL)
        return FALSE;
    g_autofree char *name = g_file_get_basename(file);
    return name != NULL && (strcmp(name, "edges.csv") == 0 || strcmp(name, "people.csv") == 0);
}

static void on_folder_changed(GFileMonitor *monitor G_GNUC_UNUSED, GFile *file, GFile *other,
                              GFileMonitorEvent event, gpointer data)
{
    ServeNetwork *n = data;
    if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
        event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT || event == G_FILE_MONITOR_EVENT_UNMOUNTED)
        return;
    if (!is_data_file(file) && !is_data_file(other))
        return;
    if (n->quiet_source != 0)
        g_source_remove(n->quiet_source);
    n->quiet_source = g_timeout_add(QUIET_MS, on_quiet, n);
}

gboolean serve_network_watch(ServeNetwork *n, GError **error)
{
    if (n->common->data_dir == NULL)
        return TRUE; /* --edges FILE: reload on SIGHUP only */
    g_autoptr(GFile) dir = g_file_new_for_path(n->common->data_dir);
    n->monitor = g_file_monitor_directory(dir, G_FILE_MONITOR_WATCH_MOVES, NULL, error);
    if (n->monitor == NULL)
        return FALSE;
    g_signal_connect(n->monitor, "changed", G_CALLBACK(on_folder_changed), n);
    return TRUE;
}

WpScoring *serve_network_scoring(ServeNetwork *n)
{
    if (n->scoring == NULL)
        return NULL;
    /* "Today" moves on while the service runs; the graph stays (a scoring is cheap). */
    const WpModel *model = wp_scoring_model(n->scoring);
    if (n->common->as_of == NULL && wp_model_as_of(model) == WP_DAY_NONE &&
        wp_scoring_as_of(n->scoring) != wp_day_today()) {
        WpScoring *today = wp_scoring_new(wp_scoring_graph(n->scoring), model, WP_DAY_NONE, NULL);
        wp_scoring_unref(n->scoring);
        n->scoring = today;
    }
    return wp_scoring_ref(n->scoring);
}

void serve_network_status(const ServeNetwork *n, ServeNetworkStatus *out)
{
    memset(out, 0, sizeof *out);
    out->loaded = n->scoring != NULL;
    out->loading = n->loading;
    out->error = g_strdup(n->error);
    out->loaded_at = n->loaded_at;
    out->load_seconds = n->load_seconds;
    out->loads = n->loads;
    out->failures = n->failures;
    if (n->scoring != NULL) {
        out->people = wp_graph_n_people(wp_scoring_graph(n->scoring));
        out->ties = wp_graph_n_ties(wp_scoring_graph(n->scoring));
    }
}

void serve_network_status_clear(ServeNetworkStatus *status)
{
    g_clear_pointer(&status->error, g_free);
}
