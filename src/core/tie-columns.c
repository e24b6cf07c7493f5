/* SPDX-License-Identifier: MIT */
/* The table of tie columns (see tie-columns.h and README "Ties"). */
#include "core/tie-columns.h"

static const WpTieColumn columns[WP_TIES_N_FIELDS] = {
    [WP_TIES_SOURCE] = {"source", WP_CELL_ID, NULL, WP_MERGE_ENDPOINT, FALSE},
    [WP_TIES_TARGET] = {"target", WP_CELL_ID, NULL, WP_MERGE_ENDPOINT, FALSE},
    [WP_TIES_STRENGTH] = {"strength", WP_CELL_WEIGHT, "a number in (0, 1]", WP_MERGE_MAX, FALSE},
    [WP_TIES_TYPE] = {"type", WP_CELL_TYPES, NULL, WP_MERGE_UNION, FALSE},
    [WP_TIES_LAST_CONTACT] = {"last_contact", WP_CELL_DAY, "a date YYYY-MM-DD", WP_MERGE_LATEST,
                              FALSE},
    [WP_TIES_INTERACTIONS] = {"interactions", WP_CELL_COUNT, "a count (0 or more)", WP_MERGE_MAX,
                              FALSE},
    [WP_TIES_DIRECTED] = {"directed", WP_CELL_FLAG, "true or false", WP_MERGE_SAME_DIRECTION,
                          FALSE},
    /* Which export or CRM the tie came from ("linkedin:p00001", "hubspot"): import writes it. */
    [WP_TIES_ORIGIN] = {"origin", WP_CELL_LABELS, NULL, WP_MERGE_LABEL_SET, TRUE},
};

const WpTieColumn *wp_i_tie_column(WpTiesField field)
{
    g_return_val_if_fail(field < WP_TIES_N_FIELDS, NULL);
    return &columns[field];
}

guint64 wp_i_tie_columns_digest(void)
{
    g_autoptr(GString) text = g_string_new(NULL);
    for (guint k = 0; k < WP_TIES_N_FIELDS; k++)
        g_string_append_printf(text, "%s %d %d %d;", columns[k].name, columns[k].cell,
                               columns[k].merge, k < WP_TIES_N_HOT);
    return (guint64)g_str_hash(text->str) << 32 | (guint32)text->len;
}
