/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the --where expression language (wp_where_parse, wp_where_check and
 * wp_where_matches on a small graph; wp_where_explain on what matched no one). Each input line is one expression, AND-ed. Inputs naming a
 * path ('/' or '\') are skipped so that `@FILE` lists never reach outside the working
 * directory. An error is WP_ERROR_USAGE or _PARSE or _LIMIT (a bad list file), or a GLib file
 * error for a list file that cannot be read. */
#include "fuzz-common.h"

static WpGraph *graph;

int LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzz_init_glib();
    static const char people[] =
        "id,name,company,title,industry,region,company_size,team,note\n"
        "a,Ann \xc3\x81lvarez,\"Acme, Inc.\",VP Sales,Fintech,US-East,51-200,sales,\n"
        "b,Bob Smith,Globex,CFO,Insurance,UK,10001+,,=x\n"
        "c,\xe5\xb1\xb1\xe7\x94\xb0,Initech,,Fintech,,12x,,\n"
        "d,,,,,,,,\n";
    static const char ties[] = "source,target\na,b\nb,c\nc,d\nd,e\n";
    g_autoptr(GError) error = NULL;
    graph = wp_graph_load_from_data(ties, people, WP_LOAD_DEFAULT, &error);
    if (graph == NULL)
        fuzz_fail("fixture graph", error->message);
    return 0;
}

static void check_error(const GError *error)
{
    if (error == NULL)
        fuzz_fail("where failed without an error", NULL);
    if (error->domain == WP_ERROR &&
        (error->code == WP_ERROR_USAGE || error->code == WP_ERROR_PARSE ||
         error->code == WP_ERROR_LIMIT))
        return;
    if (error->domain == G_FILE_ERROR || error->domain == G_IO_ERROR)
        return;
    fuzz_fail("unexpected where error", error->message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (memchr(data, '/', size) != NULL || memchr(data, '\\', size) != NULL)
        return 0;
    g_autofree char *text = g_strndup((const char *)data, size);
    g_auto(GStrv) lines = g_strsplit(text, "\n", 16);
    guint n = g_strv_length(lines);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = wp_where_parse((const char *const *)lines, n, &error);
    if (where == NULL) {
        check_error(error);
        return 0;
    }
    if (error != NULL)
        fuzz_fail("success with an error set", error->message);
    if (wp_where_n_conditions(where) > n)
        fuzz_fail("more conditions than expressions", text);
    if (!wp_where_check(where, graph, &error)) {
        check_error(error);
        g_clear_error(&error);
    }
    guint matched = 0;
    for (WpPerson p = 0; p < wp_graph_n_people(graph); p++)
        matched += wp_where_matches(where, graph, p);
    if (n == 0 && matched != wp_graph_n_people(graph))
        fuzz_fail("an empty filter must match everyone", NULL);
    /* What matched no one, said in valid UTF-8 lines of bounded length. */
    g_autoptr(GPtrArray) lines_out = wp_where_explain(where, graph, matched == 0);
    for (guint i = 0; i < lines_out->len; i++)
        if (!g_utf8_validate(lines_out->pdata[i], -1, NULL) ||
            strlen(lines_out->pdata[i]) > 4 * WP_TEXT_EXCERPT_BYTES + 1024)
            fuzz_fail("an explanation line is not short UTF-8", lines_out->pdata[i]);
    return 0;
}
