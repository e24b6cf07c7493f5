/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the profile file (wp_model_load_from_data and wp_model_load_file). A profile
 * that loads must survive wp_model_to_data() and back unchanged, and give every tie of a varied
 * graph an effective strength in (0, 1] and a search cost >= 0. */
#include "fuzz-common.h"

#include <math.h>

#include "scoring/scoring-private.h"

static const char *profile_path;
static WpGraph *graph;
static WpDay as_of;

int LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzz_init_glib();
    profile_path = fuzz_scratch_file("profile.ini");
    static const char ties[] = "source,target,strength,type,last_contact,interactions,directed\n"
                               "a,b,0.9,client,2026-10-01,12,\n"
                               "b,c,,social,1990-01-01,0,\n"
                               "c,d,,,,,yes\n"
                               "d,e,,prize|family,2026-11-01,2147483647,\n"
                               "e,f,1e-300,,2999-12-31,,\n"
                               "f,a,,zzz,,,\n";
    g_autoptr(GError) error = NULL;
    graph = wp_graph_load_from_data(ties, NULL, WP_LOAD_DEFAULT, &error);
    if (graph == NULL || !wp_day_parse("2026-11-01", &as_of))
        fuzz_fail("fixture graph", error ? error->message : NULL);
    return 0;
}

static void check_error(const GError *error, const char *origin)
{
    gsize n = strlen(origin);
    if (error == NULL || error->domain != WP_ERROR || error->code != WP_ERROR_PARSE)
        fuzz_fail("profile error is not WP_ERROR_PARSE", error ? error->message : NULL);
    if (strncmp(error->message, origin, n) != 0 || error->message[n] != ':' ||
        !g_utf8_validate(error->message, -1, NULL))
        fuzz_fail("profile error does not name the file", error->message);
}

static void check_model(const WpModel *m)
{
    g_autofree char *text = wp_model_to_data(m);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) again = wp_model_load_from_data(text, "round-trip", &error);
    if (again == NULL)
        fuzz_fail("wp_model_to_data() output does not load", error->message);
    g_autofree char *text2 = wp_model_to_data(again);
    if (strcmp(text, text2) != 0)
        fuzz_fail("profile does not round-trip", text2);
    g_autoptr(WpScoring) scoring = wp_scoring_new(graph, m, as_of, NULL);
    for (WpTie t = 0; t < wp_graph_n_ties(graph); t++) {
        double s = wp_scoring_tie_strength(scoring, t, NULL);
        if (!(s > 0 && s <= 1))
            fuzz_fail("effective strength outside (0, 1]", text);
    }
    for (WpPerson p = 0; p < wp_graph_n_people(graph); p++) {
        guint n = 0;
        wp_graph_out_arcs(graph, p, &n);
        const double *cost = wp_i_scoring_costs(scoring, TRUE, p);
        for (guint i = 0; i < n; i++)
            if (!(cost[i] >= 0) || isinf(cost[i]))
                fuzz_fail("search cost is negative, NaN or infinite", text);
    }
    WpPerson path[] = {0, 1, 2};
    double prob = wp_scoring_path_probability(scoring, path, G_N_ELEMENTS(path));
    if (!(prob >= 0 && prob <= 1))
        fuzz_fail("path probability outside [0, 1]", text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autofree char *text = g_strndup((const char *)data, size);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) m = wp_model_load_from_data(text, "profile", &error);
    if (m == NULL)
        check_error(error, "profile");
    else
        check_model(m);

    fuzz_write(profile_path, data, size);
    g_autoptr(GError) file_error = NULL;
    g_autoptr(WpModel) from_file = wp_model_load_file(profile_path, &file_error);
    if (from_file == NULL)
        check_error(file_error, profile_path);
    gboolean has_nul = memchr(data, '\0', size) != NULL;
    if (has_nul ? from_file != NULL : (from_file == NULL) != (m == NULL))
        fuzz_fail("the file and the text load differently", text);
    return 0;
}
