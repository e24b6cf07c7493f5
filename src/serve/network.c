/* SPDX-License-Identifier: MIT */
/* The network the service answers from: loaded on a worker thread, published whole in the main
 * context, swapped on reload. Requests take a reference to the scoring when they start, so a
 * request in flight finishes on the network it began with, and the old one is freed when its
 * last request ends. A failed reload keeps the network served and says why (/healthz, log).
 *
 * Two kinds of reload: a change to the ties or the people reads the network again; a change to
 * the ledger (ledger.db and its -wal, which every recorded ask or outcome writes) or to
 * profile.ini only scores the graph already loaded again (the profile's model and what the
 * ledger teaches), which costs a fraction of a load (docs/serve.md "Health, reloads and metrics").
 * Changes are gathered until the folder is quiet for QUIET_MS, but never delayed beyond
 * MAX_WAIT_MS, so a burst of the service's own ask writes costs one rescoring, and a steady stream
 * of them still gets one every few seconds. */
#include "serve/serve.h"

#include <stdio.h>
#include <string.h>

#define QUIET_MS 500     /* a folder change reloads after this long without another */
#define MAX_WAIT_MS 5000 /* ... or this long after the first change, whichever comes first */

typedef enum {
    WORK_NONE,
    WORK_RESCORE, /* score the loaded graph again: the ledger or the profile changed */
    WORK_LOAD,    /* read the files again; includes a rescoring */
} Work;

struct ServeNetwork {
    const CliCommon *common; /* borrowed: the data options */
    const char *model_name;  /* interned: the model of what is served ("default", a file) */
    ServeLoadedFunc on_loaded;
    gpointer user_data;
    WpScoring *scoring; /* (nullable) what is served; owned */
    gboolean loading;   /* a load or a rescoring runs */
    Work again;         /* what to do once more when the running one ends */
    char *error;        /* (nullable) the last load's failure */
    gint64 loaded_at;
    double load_seconds;
    guint64 loads, failures, rescores;
    double rescore_seconds; /* how long the last rescoring took */
    GFileMonitor *monitor;
    guint quiet_source;        /* the pending reload after a folder change, 0 when none */
    Work pending;              /* what the folder's changes since the last reload call for */
    gint64 first_change;       /* monotonic time of the first of them */
    GCancellable *cancellable; /* cancelled when the network is freed */
};

ServeNetwork *serve_network_new(const CliCommon *common, ServeLoadedFunc on_loaded,
                                gpointer user_data)
{
    ServeNetwork *n = g_new0(ServeNetwork, 1);
    n->common = common;
    n->on_loaded = on_loaded;
    n->user_data = user_data;
    n->model_name = g_intern_string(common->model != NULL ? common->model : "default");
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
    return n->model_name;
}

/* The options of one load or rescoring: the service's, with the model looked up again when it
 * is the folder's profile (no --model), so a profile.ini made, changed or removed while the
 * service runs counts from the next rescoring, as it would for a CLI command run then. */
typedef struct {
    CliCommon common; /* a shallow copy: borrows the service's strings, but for... */
    char *model;      /* ...its model: owned */
} TaskOptions;

static TaskOptions *task_options_new(const CliCommon *common)
{
    TaskOptions *o = g_new0(TaskOptions, 1);
    o->common = *common;
    o->model = common->model_from_folder ? wp_model_profile_in_folder(common->data_dir)
                                         : g_strdup(common->model);
    o->common.model = o->model;
    return o;
}

static void task_options_free(TaskOptions *o)
{
    g_free(o->model);
    g_free(o);
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

/* Runs on a worker thread: the served graph scored again (cli_score_graph()). */
static void rescore_thread(GTask *task, gpointer source G_GNUC_UNUSED, gpointer data,
                           GCancellable *cancellable G_GNUC_UNUSED)
{
    const TaskOptions *options = g_object_get_data(G_OBJECT(task), "options");
    GError *error = NULL;
    WpScoring *scoring = cli_score_graph(&options->common, wp_scoring_graph(data), &error);
    if (scoring == NULL)
        g_task_return_error(task, error);
    else
        g_task_return_pointer(task, scoring, (GDestroyNotify)wp_scoring_unref);
}

static void start(ServeNetwork *n, Work work);

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
    gboolean rescore = g_object_get_data(G_OBJECT(task), "rescore") != NULL;
    const TaskOptions *options = g_object_get_data(G_OBJECT(task), "options");
    double seconds = (double)(g_get_monotonic_time() - started) / 1e6;
    n->loading = FALSE;
    if (scoring != NULL) {
        wp_scoring_unref(n->scoring);
        n->scoring = scoring;
        n->model_name = g_intern_string(options->model != NULL ? options->model : "default");
        if (rescore) {
            n->rescores++;
            n->rescore_seconds = seconds;
        } else {
            n->loads++;
            n->loaded_at = g_get_real_time();
            n->load_seconds = seconds;
        }
        g_clear_pointer(&n->error, g_free);
    } else {
        n->failures++;
        g_free(n->error);
        n->error = g_strdup(error->message);
    }
    if (n->on_loaded != NULL)
        n->on_loaded(n, rescore, error, n->user_data);
    Work again = n->again;
    n->again = WORK_NONE;
    if (again != WORK_NONE)
        start(n, again);
}

/* A rescoring needs a graph: before the first load succeeded it is a load. */
static void start(ServeNetwork *n, Work work)
{
    if (work == WORK_RESCORE && n->scoring == NULL)
        work = WORK_LOAD;
    n->loading = TRUE;
    g_autoptr(GTask) task = g_task_new(NULL, n->cancellable, on_load_done, n);
    g_task_set_check_cancellable(task, TRUE);
    g_object_set_data(G_OBJECT(task), "started", GSIZE_TO_POINTER(g_get_monotonic_time()));
    TaskOptions *options = task_options_new(n->common);
    g_object_set_data_full(G_OBJECT(task), "options", options, (GDestroyNotify)task_options_free);
    if (work == WORK_LOAD) {
        g_task_set_task_data(task, &options->common, NULL);
        g_task_run_in_thread(task, load_thread);
    } else { /* the served scoring's graph, kept alive by the task's reference */
        g_task_set_task_data(task, wp_scoring_ref(n->scoring), (GDestroyNotify)wp_scoring_unref);
        g_object_set_data(G_OBJECT(task), "rescore", GINT_TO_POINTER(1));
        g_task_run_in_thread(task, rescore_thread);
    }
}

/* Starts @work now, or once the running load or rescoring ends (a load covers a rescoring). */
static void request(ServeNetwork *n, Work work)
{
    if (!n->loading)
        start(n, work);
    else if (work > n->again)
        n->again = work;
}

void serve_network_reload(ServeNetwork *n, const char *why)
{
    if (why != NULL)
        fprintf(stderr, "warmpath serve: %s: loading the network\n", why);
    request(n, WORK_LOAD);
}

static gboolean on_quiet(gpointer data)
{
    ServeNetwork *n = data;
    n->quiet_source = 0;
    Work work = n->pending;
    n->pending = WORK_NONE;
    if (work == WORK_LOAD) {
        serve_network_reload(n, "the data folder changed");
    } else {
        fprintf(stderr, "warmpath serve: the ledger or the profile changed: scoring again\n");
        request(n, WORK_RESCORE);
    }
    return G_SOURCE_REMOVE;
}

/* What @event on @file calls for: the files a load reads call for a load, those a scoring
 * reads (the ledger, its write-ahead log, the profile) for a rescoring.
 *
 * Of the write-ahead log only writes count (an ask or an outcome recorded): SQLite creates it
 * when any connection opens the ledger and deletes it when the last one closes, as the
 * rescoring's own read does, which would otherwise rescore again forever. For the same reason
 * "changes done" (inotify's IN_CLOSE_WRITE, sent on closing a file opened for writing even
 * when nothing was written) counts for no file: a write sends CHANGED first. The ledger's
 * shared-memory index, the folder's lock and temporaries count for nothing. */
static Work work_for(GFile *file, GFileMonitorEvent event)
{
    if (file == NULL || event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
        event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
        event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT || event == G_FILE_MONITOR_EVENT_UNMOUNTED)
        return WORK_NONE;
    g_autofree char *name = g_file_get_basename(file);
    if (name == NULL)
        return WORK_NONE;
    if (strcmp(name, "edges.csv") == 0 || strcmp(name, "people.csv") == 0)
        return WORK_LOAD;
    if (strcmp(name, "ledger.db-wal") == 0)
        return event == G_FILE_MONITOR_EVENT_CHANGED ? WORK_RESCORE : WORK_NONE;
    if (strcmp(name, "ledger.db") == 0 || strcmp(name, "profile.ini") == 0)
        return WORK_RESCORE;
    return WORK_NONE;
}

static void on_folder_changed(GFileMonitor *monitor G_GNUC_UNUSED, GFile *file, GFile *other,
                              GFileMonitorEvent event, gpointer data)
{
    ServeNetwork *n = data;
    Work work = MAX(work_for(file, event), work_for(other, event));
    if (work == WORK_NONE)
        return;
    gint64 now = g_get_monotonic_time();
    if (n->pending == WORK_NONE)
        n->first_change = now;
    n->pending = MAX(n->pending, work);
    if (n->quiet_source != 0)
        g_source_remove(n->quiet_source);
    gint64 left_ms = MAX_WAIT_MS - (now - n->first_change) / 1000;
    n->quiet_source = g_timeout_add((guint)CLAMP(left_ms, 0, QUIET_MS), on_quiet, n);
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
        if (wp_scoring_n_overrides(n->scoring) == 0) {
            WpScoring *today =
                wp_scoring_new(wp_scoring_graph(n->scoring), model, WP_DAY_NONE, NULL);
            wp_scoring_unref(n->scoring);
            n->scoring = today;
        } else if (!n->loading) { /* learned strengths: learn again for today, meanwhile serve */
            start(n, WORK_RESCORE);
        }
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
    out->rescores = n->rescores;
    out->rescore_seconds = n->rescore_seconds;
    if (n->scoring != NULL) {
        out->people = wp_graph_n_people(wp_scoring_graph(n->scoring));
        out->ties = wp_graph_n_ties(wp_scoring_graph(n->scoring));
    }
}

void serve_network_status_clear(ServeNetworkStatus *status)
{
    g_clear_pointer(&status->error, g_free);
}
