/* SPDX-License-Identifier: MIT */
/* Shared by the libFuzzer harnesses: the input as a file, and the invariants every reader keeps
 * (an error is WP_ERROR_PARSE or WP_ERROR_LIMIT naming "FILE:LINE: "; a loaded graph is
 * consistent). A broken invariant aborts, which libFuzzer records as a crash. */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <warmpath/warmpath.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

G_GNUC_NORETURN static inline void fuzz_fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz invariant broken: %s: %s\n", what, detail ? detail : "");
    abort();
}

/* GLib criticals (g_return_if_fail) and warnings reached from input are bugs: make them fatal. */
static inline void fuzz_init_glib(void)
{
    g_log_set_always_fatal(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
}

/* A per-process scratch file NAME in the temporary directory. (transfer full) */
static inline char *fuzz_scratch_path(const char *name)
{
    g_autofree char *base = g_strdup_printf("warmpath-fuzz-%d-%s", (int)getpid(), name);
    return g_build_filename(g_get_tmp_dir(), base, NULL);
}

static inline void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        fuzz_fail("cannot write scratch file", path);
}

static char *fuzz_scratch[4]; /* removed at exit; tools/fuzz.sh also points TMPDIR at build-fuzz */

static inline void fuzz_remove_scratch(void)
{
    for (guint i = 0; i < G_N_ELEMENTS(fuzz_scratch); i++)
        if (fuzz_scratch[i] != NULL)
            g_remove(fuzz_scratch[i]);
}

/* Registers a scratch file for removal at exit and returns it (owned by the list). */
static inline const char *fuzz_scratch_file(const char *name)
{
    for (guint i = 0; i < G_N_ELEMENTS(fuzz_scratch); i++)
        if (fuzz_scratch[i] == NULL) {
            if (i == 0)
                atexit(fuzz_remove_scratch);
            fuzz_scratch[i] = fuzz_scratch_path(name);
            return fuzz_scratch[i];
        }
    fuzz_fail("too many scratch files", name);
}

/* A reader's error: WP_ERROR_PARSE or _LIMIT, one line of valid UTF-8 starting "ORIGIN:LINE: "
 * (ORIGIN:1: at least for file-level problems). */
static inline gboolean has_origin_prefix(const char *m, const char *origin)
{
    gsize n = origin ? strlen(origin) : 0;
    if (origin == NULL || strncmp(m, origin, n) != 0 || m[n] != ':' || !g_ascii_isdigit(m[n + 1]))
        return FALSE;
    const char *p = m + n + 1;
    while (g_ascii_isdigit(*p))
        p++;
    return p[0] == ':' && p[1] == ' ';
}

static inline void fuzz_check_load_error(const GError *error, const WpLoadSpec *spec)
{
    if (error == NULL)
        fuzz_fail("load failed without an error", NULL);
    if (error->domain != WP_ERROR ||
        (error->code != WP_ERROR_PARSE && error->code != WP_ERROR_LIMIT))
        fuzz_fail("unexpected error domain or code", error->message);
    if (!g_utf8_validate(error->message, -1, NULL))
        fuzz_fail("error message is not UTF-8", error->message);
    if (!has_origin_prefix(error->message, spec->ties_file) &&
        !has_origin_prefix(error->message, spec->people_file))
        fuzz_fail("error message does not start with FILE:LINE: ", error->message);
}

/* Structure every loaded graph keeps, checked in O(V + E log d). */
static inline void fuzz_check_graph(WpGraph *g)
{
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) scoring = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    guint n_people = wp_graph_n_people(g), n_ties = wp_graph_n_ties(g);
    if ((guint64)n_ties > wp_graph_n_tie_rows(g))
        fuzz_fail("more ties than rows", NULL);
    for (WpPerson p = 0; p < n_people; p++) {
        const char *id = wp_graph_person_id(g, p);
        if (id == NULL || id[0] == '\0' || !g_utf8_validate(id, -1, NULL))
            fuzz_fail("bad id", id);
        if (wp_graph_find_id(g, id) != p)
            fuzz_fail("id does not find its person", id);
        if (!g_utf8_validate(wp_graph_person_label(g, p), -1, NULL))
            fuzz_fail("label is not UTF-8", NULL);
        guint n = 0;
        const WpArc *arcs = wp_graph_out_arcs(g, p, &n);
        for (guint i = 0; i < n; i++) {
            if (arcs[i].head >= n_people || arcs[i].tie >= n_ties || arcs[i].head == p)
                fuzz_fail("bad arc", id);
            if (i > 0 && arcs[i - 1].head >= arcs[i].head)
                fuzz_fail("arcs not sorted by head", id);
        }
    }
    for (WpTie t = 0; t < n_ties; t++) {
        WpTieInfo info;
        wp_graph_tie_info(g, t, &info);
        if (info.source == info.target || info.source >= n_people || info.target >= n_people)
            fuzz_fail("bad tie endpoints", NULL);
        double s = wp_scoring_tie_strength(scoring, t, NULL);
        if (!(s > 0 && s <= 1))
            fuzz_fail("effective strength outside (0, 1]", NULL);
        WpTie found;
        if (!wp_graph_find_tie(g, info.source, info.target, &found) || found != t)
            fuzz_fail("tie not found from its source", NULL);
        const char *origins[WP_TIE_ORIGINS_MAX];
        guint n = wp_graph_tie_origins(g, t, origins, WP_TIE_ORIGINS_MAX);
        if (n > WP_TIE_ORIGINS_MAX)
            fuzz_fail("more origins than a tie keeps", NULL);
        for (guint i = 0; i < n; i++) {
            if (origins[i][0] == '\0' || !g_utf8_validate(origins[i], -1, NULL))
                fuzz_fail("bad origin", origins[i]);
            for (guint j = 0; j < i; j++)
                if (strcmp(origins[i], origins[j]) == 0)
                    fuzz_fail("a tie names an origin twice", origins[i]);
        }
    }
    WpStats stats;
    g_autoptr(GError) error = NULL;
    if (!wp_scoring_compute_stats(scoring, &stats, &error))
        fuzz_fail("stats failed", error->message);
    if (stats.n_people != n_people || stats.largest_component > n_people ||
        stats.n_components > n_people)
        fuzz_fail("stats disagree with the graph", NULL);
    wp_stats_clear(&stats);
}

/* Loads @spec; checks the invariants; returns the graph or NULL (error checked). */
static inline WpGraph *fuzz_load(const WpLoadSpec *spec)
{
    g_autoptr(GError) error = NULL;
    WpGraph *g = wp_graph_load(spec, &error);
    if (g == NULL) {
        fuzz_check_load_error(error, spec);
        return NULL;
    }
    if (error != NULL)
        fuzz_fail("success with an error set", error->message);
    fuzz_check_graph(g);
    return g;
}

/* The warnings --strict refuses: all but what a weight scale says rows mean. */
static inline guint64 fuzz_count_warnings(const WpGraph *g)
{
    guint64 n = 0;
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++)
        if (k != WP_WARNING_DISTRUST && k != WP_WARNING_ZERO_WEIGHT)
            n += wp_graph_warning_count(g, k);
    return n;
}

/* The flag contracts: under WP_LOAD_STRICT a load with warnings fails and one without succeeds;
 * WP_LOAD_SKIP_BAD_ROWS never fails where the default load succeeded. */
static inline void fuzz_check_flags(WpLoadSpec spec)
{
    g_autoptr(WpGraph) plain = fuzz_load(&spec);
    spec.flags = WP_LOAD_SKIP_BAD_ROWS;
    g_autoptr(WpGraph) skipping = fuzz_load(&spec);
    if (plain != NULL && skipping == NULL)
        fuzz_fail("--skip-bad-rows refused what the default load accepted", NULL);
    if (plain == NULL)
        return;
    spec.flags = WP_LOAD_STRICT;
    g_autoptr(WpGraph) strict = fuzz_load(&spec);
    if ((strict != NULL) != (fuzz_count_warnings(plain) == 0))
        fuzz_fail("--strict disagrees with the warning count", NULL);
}
