/* SPDX-License-Identifier: MIT */
/* Territories: the people a rank or map query is about, from `--where` filters, a targets file
 * or the profile's [territory] group, chosen by one rule with one set of messages (rank and map
 * used to word them apart). */
#include "select/select-private.h"

#include <string.h>

#define MAX_EXPLAINED 20 /* findings listed in a warning before "... and N more" */

WpWhere *wp_select_where(const WpGraph *graph, const char *const *expressions, const char *origin,
                         GError **error)
{
    g_return_val_if_fail(graph != NULL && origin != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autoptr(GError) local = NULL;
    guint n = expressions ? g_strv_length((char **)expressions) : 0;
    g_autoptr(WpWhere) where = wp_where_parse(expressions, n, &local);
    if (where == NULL || !wp_where_check(where, graph, &local)) {
        if (!g_error_matches(local, WP_ERROR, WP_ERROR_PARSE)) /* those start "FILE:LINE: " */
            g_prefix_error(&local, "%s ", origin);
        g_propagate_error(error, g_steal_pointer(&local));
        return NULL;
    }
    return g_steal_pointer(&where);
}

char *wp_where_explain_text(const WpWhere *where, const WpGraph *graph, const char *what,
                            guint n_selected)
{
    g_return_val_if_fail(where != NULL && graph != NULL && what != NULL, NULL);
    g_autoptr(GPtrArray) lines = wp_where_explain(where, graph, n_selected == 0);
    if (n_selected > 0 && lines->len == 0)
        return NULL;
    g_autofree char *shown = wp_text_excerpt(what);
    GString *msg = g_string_new(NULL);
    if (n_selected == 0)
        g_string_append_printf(msg, "the territory is empty: no one matches %s", shown);
    else
        g_string_append_printf(msg, "%s: %u %s no one has:", shown, lines->len,
                               lines->len == 1 ? "value" : "values");
    for (guint i = 0; i < lines->len && i < MAX_EXPLAINED; i++)
        g_string_append_printf(msg, "\n  %s", (const char *)lines->pdata[i]);
    if (lines->len > MAX_EXPLAINED)
        g_string_append_printf(msg, "\n  ... and %u more", lines->len - MAX_EXPLAINED);
    return g_string_free(msg, FALSE);
}

/* "--where a and b within --targets FILE", "--targets FILE": the territory, for messages. */
static char *describe(const char *const *expressions, const char *origin, const char *targets)
{
    GString *text = g_string_new(NULL);
    if (expressions != NULL) {
        g_autofree char *joined = g_strjoinv(" and ", (char **)expressions);
        g_string_append_printf(text, "%s %s", origin, joined);
    }
    if (targets != NULL)
        g_string_append_printf(text, "%s--targets %s", text->len > 0 ? " within " : "", targets);
    return g_string_free(text, FALSE);
}

/* The people @where selects: among the people of @listed when given (a targets file), else
 * among the listed people (everyone without a people file: people known only from ties have no
 * attributes, so they are candidates only then). */
static GArray *select_people(const WpGraph *graph, const WpWhere *where, const GArray *listed)
{
    GArray *people = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    guint n = listed ? listed->len : wp_i_graph_n_candidates(graph);
    for (guint i = 0; i < n; i++) {
        WpPerson p = listed ? g_array_index(listed, WpPerson, i) : i;
        if (wp_where_matches(where, graph, p))
            g_array_append_val(people, p);
    }
    return people;
}

WpTerritory *wp_territory_select(const WpGraph *graph, const WpTerritorySpec *spec, GError **error)
{
    g_return_val_if_fail(graph != NULL && spec != NULL && spec->model != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    const char *const *expressions = spec->where;
    g_autofree char *origin = g_strdup("--where");
    if (expressions == NULL && spec->targets_file == NULL) {
        expressions = wp_model_territory(spec->model);
        g_free(origin);
        origin = g_strdup_printf("%s [territory] where",
                                 spec->profile_name ? spec->profile_name : "default");
        if (expressions == NULL) {
            g_autofree char *account = spec->account_option
                                           ? g_strdup_printf("%s COMPANY, ", spec->account_option)
                                           : g_strdup("");
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                        "no %s: give %s--where EXPR, --targets FILE, or a profile (--model FILE) "
                        "with a [territory] group",
                        spec->account_option ? "account or territory" : "territory", account);
            return NULL;
        }
    }
    g_autoptr(WpWhere) where = wp_select_where(graph, expressions, origin, error);
    if (where == NULL)
        return NULL;
    g_autoptr(GArray) listed = NULL;
    if (spec->targets_file != NULL) {
        listed = wp_select_targets_file(graph, spec->targets_file, error);
        if (listed == NULL)
            return NULL;
    }
    WpTerritory *t = g_new0(WpTerritory, 1);
    t->people = select_people(graph, where, listed);
    t->where = g_steal_pointer(&where);
    t->expressions = g_strdupv((char **)expressions);
    t->targets_file = g_strdup(spec->targets_file);
    t->description = describe(expressions, origin, spec->targets_file);
    t->origin = g_steal_pointer(&origin);
    return t;
}

char *wp_territory_explain(const WpTerritory *territory, const WpGraph *graph)
{
    g_return_val_if_fail(territory != NULL && graph != NULL, NULL);
    return wp_where_explain_text(territory->where, graph, territory->description,
                                 territory->people->len);
}

void wp_territory_free(WpTerritory *t)
{
    if (t == NULL)
        return;
    wp_where_free(t->where);
    g_strfreev(t->expressions);
    g_free(t->origin);
    g_free(t->targets_file);
    g_array_unref(t->people);
    g_free(t->description);
    g_free(t);
}
