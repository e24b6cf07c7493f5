/* SPDX-License-Identifier: MIT */
/* A fork-join loop on GThreads: chunks are contiguous so each worker streams its own memory. */
#include "core/parallel.h"

typedef struct {
    WpRangeFunc func;
    gpointer user_data;
    gsize begin, end;
} Chunk;

static gpointer run_chunk(gpointer data)
{
    Chunk *c = data;
    c->func(c->begin, c->end, c->user_data);
    return NULL;
}

guint wp_i_parallel_workers(void)
{
    return CLAMP(g_get_num_processors(), 1, 8);
}

void wp_i_parallel_split(const guint32 *cumulative, guint32 n, guint32 step, guint n_parts,
                         guint32 *starts)
{
    guint64 total = cumulative[n];
    guint32 at = 0;
    starts[0] = 0;
    for (guint r = 1; r < n_parts; r++) {
        guint64 goal = total * r / n_parts;
        while (at < n && cumulative[at] < goal)
            at += MIN(step, n - at);
        starts[r] = at;
    }
    starts[n_parts] = n;
}

void wp_i_parallel_for(gsize n, gsize min_chunk, WpRangeFunc func, gpointer user_data)
{
    guint workers = wp_i_parallel_workers();
    if (min_chunk > 0)
        workers = (guint)MIN(workers, MAX(n / min_chunk, 1));
    if (workers <= 1) {
        func(0, n, user_data);
        return;
    }
    Chunk chunks[8];
    GThread *threads[8] = {NULL};
    for (guint w = 0; w < workers; w++)
        chunks[w] = (Chunk){func, user_data, n * w / workers, n * (w + 1) / workers};
    /* The calling thread takes the first chunk; a thread that cannot start runs inline. */
    for (guint w = 1; w < workers; w++) {
        threads[w] = g_thread_try_new("warmpath-worker", run_chunk, &chunks[w], NULL);
        if (threads[w] == NULL)
            run_chunk(&chunks[w]);
    }
    run_chunk(&chunks[0]);
    for (guint w = 1; w < workers; w++)
        if (threads[w] != NULL)
            g_thread_join(threads[w]);
}
