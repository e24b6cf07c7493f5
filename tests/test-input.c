/* SPDX-License-Identifier: MIT */
/* Inputs are read exactly once, through one descriptor: an edge list, a CSV, gzip and a people
 * file through real pipes (a writer thread sends them in pieces, with pauses) load as the same
 * text from a regular file does; and a file cut or rewritten while a command reads it stops the
 * command with "changed while it was being read" (exit 1), never a signal. */
#define _GNU_SOURCE /* pipe2(), utimensat() */
#include "fault-helpers.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- a slow writer at the other end of a pipe ---- */

typedef struct {
    int fd; /* the write end; closed when done */
    GBytes *data;
    gsize piece;
} Writer;

static gpointer write_slowly(gpointer user_data)
{
    Writer *w = user_data;
    gsize len = 0;
    const char *p = g_bytes_get_data(w->data, &len);
    for (gsize at = 0; at < len;) {
        ssize_t n = write(w->fd, p + at, MIN(w->piece, len - at));
        if (n <= 0)
            break; /* the reader went away (EPIPE): the test reports why */
        at += (gsize)n;
        g_usleep(200);
    }
    close(w->fd);
    g_bytes_unref(w->data);
    g_free(w);
    return NULL;
}

/* A pipe whose writer sends @data in pieces of @piece bytes; returns "/dev/fd/N" of the read
 * end (*@read_fd), which the caller closes. */
static char *slow_pipe(GBytes *data, gsize piece, int *read_fd, GThread **thread)
{
    int fds[2];
    g_assert_cmpint(pipe2(fds, 0), ==, 0);
    Writer *w = g_new0(Writer, 1);
    w->fd = fds[1];
    w->data = g_bytes_ref(data);
    w->piece = piece;
    *thread = g_thread_new("pipe-writer", write_slowly, w);
    *read_fd = fds[0];
    return g_strdup_printf("/dev/fd/%d", fds[0]);
}

static void assert_same_graph(const WpGraph *a, const WpGraph *b)
{
    g_assert_cmpuint(wp_graph_n_people(a), ==, wp_graph_n_people(b));
    g_assert_cmpuint(wp_graph_n_ties(a), ==, wp_graph_n_ties(b));
    g_assert_cmpuint(wp_graph_n_tie_rows(a), ==, wp_graph_n_tie_rows(b));
    for (WpPerson p = 0; p < wp_graph_n_people(a); p++) {
        g_assert_cmpstr(wp_graph_person_id(a, p), ==, wp_graph_person_id(b, p));
        g_assert_cmpstr(wp_graph_person_attr(a, p, "name"), ==, wp_graph_person_attr(b, p, "name"));
    }
    for (WpTie t = 0; t < wp_graph_n_ties(a); t++) {
        WpTieInfo x, y;
        wp_graph_tie_info(a, t, &x);
        wp_graph_tie_info(b, t, &y);
        g_assert_cmpuint(x.source, ==, y.source);
        g_assert_cmpuint(x.target, ==, y.target);
        g_assert_cmpfloat(x.declared, ==, y.declared);
    }
}

/* A chain p00000 - p00001 - ... of @n ties: n + 1 people, n ties, known in advance. */
static GBytes *chain(guint n, gboolean csv)
{
    GString *text = g_string_new(csv ? "source,target,strength\n" : "# a chain\n");
    for (guint i = 0; i < n; i++)
        g_string_append_printf(text, csv ? "p%05u,p%05u,0.5\n" : "p%05u p%05u 0.5\n", i, i + 1);
    return g_string_free_to_bytes(text);
}

static GBytes *gzipped(GBytes *plain)
{
    g_autoptr(GZlibCompressor) gz = g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
    g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable();
    g_autoptr(GOutputStream) out = g_converter_output_stream_new(memory, G_CONVERTER(gz));
    gsize len = 0;
    const void *data = g_bytes_get_data(plain, &len);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_output_stream_write_all(out, data, len, NULL, NULL, &error));
    g_assert_true(g_output_stream_close(out, NULL, &error));
    g_assert_no_error(error);
    return g_memory_output_stream_steal_as_bytes(G_MEMORY_OUTPUT_STREAM(memory));
}

static char *write_bytes(const char *dir, const char *name, GBytes *data)
{
    char *path = g_build_filename(dir, name, NULL);
    gsize len = 0;
    const char *text = g_bytes_get_data(data, &len);
    g_assert_true(g_file_set_contents(path, text, (gssize)len, NULL));
    return path;
}

/* Loads @ties_data through a slow pipe (and @people_data through another, when given) and from
 * regular files; the two graphs must be equal. Returns the pipe's graph. */
static WpGraph *load_both_ways(GBytes *ties_data, GBytes *people_data, gboolean ties_by_pipe)
{
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *ties_file = write_bytes(dir, "ties", ties_data);
    g_autofree char *people_file = people_data ? write_bytes(dir, "people.csv", people_data) : NULL;
    WpLoadSpec from_files = {.ties_file = ties_file, .people_file = people_file};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) expected = wp_graph_load(&from_files, &error);
    g_assert_no_error(error);

    int ties_fd = -1, people_fd = -1;
    GThread *ties_writer = NULL, *people_writer = NULL;
    g_autofree char *ties_pipe =
        ties_by_pipe ? slow_pipe(ties_data, 1000, &ties_fd, &ties_writer) : g_strdup(ties_file);
    g_autofree char *people_pipe =
        people_data ? slow_pipe(people_data, 777, &people_fd, &people_writer) : NULL;
    WpLoadSpec from_pipes = {.ties_file = ties_pipe, .people_file = people_pipe};
    WpGraph *got = wp_graph_load(&from_pipes, &error);
    g_assert_no_error(error);
    g_assert_nonnull(got);
    if (ties_fd >= 0)
        close(ties_fd);
    if (people_fd >= 0)
        close(people_fd);
    if (ties_writer)
        g_thread_join(ties_writer);
    if (people_writer)
        g_thread_join(people_writer);
    assert_same_graph(expected, got);
    fault_remove_tree(dir);
    return got;
}

/* A plain edge list: every tie, the first 64 KiB included (the sniffing used to swallow them). */
static void test_pipe_edgelist(void)
{
    g_autoptr(GBytes) ties = chain(6000, FALSE); /* ~110 KB */
    g_assert_cmpuint(g_bytes_get_size(ties), >, 64u << 10);
    g_autoptr(WpGraph) g = load_both_ways(ties, NULL, TRUE);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 6001);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 6000);
    g_assert_cmpstr(wp_graph_person_id(g, 0), ==, "p00000");
}

/* A CSV: its header is read, not lost to the sniffing. */
static void test_pipe_csv(void)
{
    g_autoptr(GBytes) ties = chain(9000, TRUE);
    g_autoptr(WpGraph) g = load_both_ways(ties, NULL, TRUE);
    g_assert_cmpuint(wp_graph_n_people(g), ==, 9001);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 9000);
}

/* gzip through a pipe, which has no ".gz" name: recognised by its first bytes. */
static void test_pipe_gzip(void)
{
    g_autoptr(GBytes) plain = chain(9000, TRUE);
    g_autoptr(GBytes) ties = gzipped(plain);
    g_autoptr(WpGraph) g = load_both_ways(ties, NULL, TRUE);
    g_assert_cmpuint(wp_graph_n_ties(g), ==, 9000);
    g_autoptr(GBytes) plain_list = chain(7000, FALSE);
    g_autoptr(GBytes) list = gzipped(plain_list);
    g_autoptr(WpGraph) g2 = load_both_ways(list, NULL, TRUE);
    g_assert_cmpuint(wp_graph_n_ties(g2), ==, 7000);
}

/* The people file through a pipe, beside ties from a regular file and through a pipe. */
static void test_pipe_people(void)
{
    GString *text = g_string_new("id,name\n");
    for (guint i = 0; i <= 5000; i++)
        g_string_append_printf(text, "p%05u,Person %u\n", i, i);
    g_autoptr(GBytes) people = g_string_free_to_bytes(text);
    g_autoptr(GBytes) ties = chain(5000, TRUE);
    for (guint by_pipe = 0; by_pipe < 2; by_pipe++) {
        g_autoptr(WpGraph) g = load_both_ways(ties, people, by_pipe);
        g_assert_cmpuint(wp_graph_n_people(g), ==, 5001);
        g_assert_true(wp_graph_person_listed(g, 5000));
        g_assert_cmpstr(wp_graph_person_attr(g, 4321, "name"), ==, "Person 4321");
    }
}

/* The command line with --edges /dev/stdin: the same answer as with the file. */
static void test_cli_stdin(void)
{
    g_autoptr(GBytes) list = chain(6000, FALSE);
    g_autofree char *dir = fault_temp_dir();
    g_autofree char *file = write_bytes(dir, "ties.txt", list);
    g_auto(GStrv) env = fault_environment(NULL, NULL);
    g_auto(FaultRun) from_file = {0};
    fault_run(&from_file, env, "stats", "--edges", file, "-f", "csv", NULL);
    g_assert_cmpint(from_file.status, ==, 0);
    g_assert_nonnull(strstr(from_file.out, "\nties,6000,"));
    const char *args[] = {"stats", "--edges", "/dev/stdin", "-f", "csv", NULL};
    g_auto(FaultRun) from_stdin = {0};
    fault_run_argv(&from_stdin, env, g_bytes_get_data(list, NULL), args);
    g_assert_cmpint(from_stdin.status, ==, 0);
    g_assert_cmpstr(from_stdin.out, ==, from_file.out);
    fault_remove_tree(dir);
}

/* ---- a file changed while it is read ---- */

/* A ties CSV of about 4 MB (the parallel reader's territory), its times an hour back so that
 * any write changes them. */
static char *big_ties(const char *dir)
{
    GString *text = g_string_new("source,target,strength\n");
    for (guint i = 0; text->len < (4u << 20); i++)
        g_string_append_printf(text, "person%06u,person%06u,0.%u\n", i % 50000, (i * 7 + 1) % 50000,
                               1 + i % 9);
    char *path = g_build_filename(dir, "edges.csv", NULL);
    g_assert_true(g_file_set_contents(path, text->str, (gssize)text->len, NULL));
    g_string_free(text, TRUE);
    struct timespec times[2] = {{time(NULL) - 3600, 0}, {time(NULL) - 3600, 0}};
    g_assert_cmpint(utimensat(AT_FDCWD, path, times, 0), ==, 0);
    return path;
}

/* Cut (as `cp new.csv edges.csv` does first) at the Nth read of it, before or during the parse;
 * or rewritten in place with its size kept: exit 1 with a message, never a signal (a mapped
 * file died of SIGBUS). */
static void test_changed_while_read(void)
{
    if (fault_shim() == NULL) {
        g_test_skip("no fault-injection library");
        return;
    }
    static const struct {
        const char *what;
        guint nth;
        guint arg;
    } actions[] = {{"truncate", 2, 1000},
                   {"truncate", 4, 2000000},
                   {"truncate", 9, 100},
                   {"rewrite", 3, 3000000},
                   {"rewrite", 12, 3500000}};
    for (guint i = 0; i < G_N_ELEMENTS(actions); i++) {
        g_autofree char *dir = fault_temp_dir();
        g_autofree char *edges = big_ties(dir);
        g_autofree char *action =
            g_strdup_printf("%s:%u:%s:%u", actions[i].what, actions[i].nth, edges, actions[i].arg);
        g_autofree char *fault = g_strdup_printf("WP_FAULT_ON_READ=%s", action);
        g_autofree char *in_dir = g_strdup_printf("WP_FAULT_DIR=%s", dir);
        const char *faults[] = {in_dir, fault, NULL};
        g_auto(GStrv) env = fault_environment(NULL, faults);
        g_auto(FaultRun) r = {0};
        fault_run(&r, env, "stats", "--edges", edges, NULL);
        g_test_message("%s: status %d, %s", action, r.status, r.err);
        g_assert_cmpint(r.status, ==, 1);
        g_autofree char *want =
            g_strdup_printf("warmpath: %s changed while it was being read; run again\n", edges);
        g_assert_cmpstr(r.err, ==, want);
        g_assert_cmpstr(r.out, ==, "");
        fault_remove_tree(dir);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    signal(SIGPIPE, SIG_IGN); /* a writer whose reader failed gets EPIPE, not death */
    g_test_add_func("/input/pipe/edgelist", test_pipe_edgelist);
    g_test_add_func("/input/pipe/csv", test_pipe_csv);
    g_test_add_func("/input/pipe/gzip", test_pipe_gzip);
    g_test_add_func("/input/pipe/people", test_pipe_people);
    g_test_add_func("/input/cli-stdin", test_cli_stdin);
    g_test_add_func("/input/changed-while-read", test_changed_while_read);
    return g_test_run();
}
