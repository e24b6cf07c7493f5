/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the ties CSV reader (wp_graph_load with WP_TIES_FORMAT_CSV), under the
 * default, --skip-bad-rows and --strict contracts and under a weight scale; an odd-sized input
 * also gets a people file, so unknown ids raise warnings. Each input is also read by the chunked
 * reader, cut into tiny chunks, which must give exactly the line reader's outcome. */
#include "fuzz-common.h"

#include <math.h>

#include "io/io-private.h"

static const char *ties_path;
static const char *people_path;

int LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzz_init_glib();
    ties_path = fuzz_scratch_file("ties.csv");
    people_path = fuzz_scratch_file("people.csv");
    static const char people[] = "id,name,team\na,Ann,yes\nb,Bob,\n1,One,sales\n";
    fuzz_write(people_path, (const uint8_t *)people, sizeof people - 1);
    return 0;
}

static gboolean same_graph(const WpGraph *x, const WpGraph *y)
{
    if (wp_graph_n_people(x) != wp_graph_n_people(y) || wp_graph_n_ties(x) != wp_graph_n_ties(y) ||
        wp_graph_n_tie_rows(x) != wp_graph_n_tie_rows(y))
        return FALSE;
    for (WpPerson p = 0; p < wp_graph_n_people(x); p++)
        if (strcmp(wp_graph_person_id(x, p), wp_graph_person_id(y, p)) != 0)
            return FALSE;
    for (WpTie t = 0; t < wp_graph_n_ties(x); t++) {
        WpTieInfo a, b;
        wp_graph_tie_info(x, t, &a);
        wp_graph_tie_info(y, t, &b);
        if (a.source != b.source || a.target != b.target || a.types != b.types ||
            a.last_contact != b.last_contact || a.interactions != b.interactions ||
            a.rows != b.rows || a.directed != b.directed ||
            (a.declared != b.declared && !(isnan(a.declared) && isnan(b.declared))))
            return FALSE;
        const char *ox[WP_TIE_ORIGINS_MAX], *oy[WP_TIE_ORIGINS_MAX];
        guint n = wp_graph_tie_origins(x, t, ox, WP_TIE_ORIGINS_MAX);
        if (n != wp_graph_tie_origins(y, t, oy, WP_TIE_ORIGINS_MAX))
            return FALSE;
        for (guint i = 0; i < n; i++)
            if (strcmp(ox[i], oy[i]) != 0)
                return FALSE;
    }
    for (guint k = 0; k < WP_WARNING_N_KINDS; k++) {
        const GPtrArray *ex = wp_graph_warning_examples(x, k);
        const GPtrArray *ey = wp_graph_warning_examples(y, k);
        if (wp_graph_warning_count(x, k) != wp_graph_warning_count(y, k) || ex->len != ey->len)
            return FALSE;
        for (guint i = 0; i < ex->len; i++)
            if (strcmp(ex->pdata[i], ey->pdata[i]) != 0)
                return FALSE;
    }
    return TRUE;
}

/* The chunked reader's outcome must be the line reader's: the same graph or the same error. The
 * file is read a few bytes at a time, so that lines cross the reads' edges. */
static void check_readers_agree(const WpLoadSpec *spec, gsize chunk_bytes)
{
    static const WpTiesReadOptions line_reader = {TRUE, 0, 0, 0};
    const WpTiesReadOptions chunked = {FALSE, 1, chunk_bytes, 1 + chunk_bytes % 13};
    g_autoptr(GError) line_error = NULL;
    g_autoptr(GError) chunked_error = NULL;
    g_autoptr(WpGraph) expected = wp_i_graph_load_with(spec, &line_reader, &line_error);
    g_autoptr(WpGraph) got = wp_i_graph_load_with(spec, &chunked, &chunked_error);
    if ((expected == NULL) != (got == NULL))
        fuzz_fail("the readers disagree on success",
                  line_error ? line_error->message : chunked_error->message);
    if (expected == NULL) {
        if (line_error->code != chunked_error->code ||
            strcmp(line_error->message, chunked_error->message) != 0)
            fuzz_fail("the readers fail differently", chunked_error->message);
        return;
    }
    if (!same_graph(expected, got))
        fuzz_fail("the readers load different graphs", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(ties_path, data, size);
    WpLoadSpec spec = {.ties_file = ties_path,
                       .people_file = size % 2 ? people_path : NULL,
                       .ties_format = WP_TIES_FORMAT_CSV};
    fuzz_check_flags(spec);
    check_readers_agree(&spec, 1 + (size > 0 ? data[0] % 64 : 0));
    spec.flags = WP_LOAD_SKIP_BAD_ROWS;
    check_readers_agree(&spec, 1 + size / 3);
    /* Under a weight scale (distrust, zero, a range) too, chosen by the input's last byte. */
    static const WpWeightScale scales[] = {WP_WEIGHT_RANGE, WP_WEIGHT_MAX, WP_WEIGHT_LOG};
    guint8 pick = size > 0 ? data[size - 1] : 0;
    spec = (WpLoadSpec){.ties_file = ties_path,
                        .ties_format = WP_TIES_FORMAT_CSV,
                        .weight_column = pick & 4 ? "strength" : "3",
                        .weight_scale = scales[pick % 3],
                        .weight_lo = -10,
                        .weight_hi = 10};
    fuzz_check_flags(spec);
    check_readers_agree(&spec, 1 + size / 5);
    return 0;
}
