/* SPDX-License-Identifier: MIT */
/* A table of text cells whose columns are text or numbers: rows a report gives front ends to
 * print aligned or as CSV, and the same rows as JSON. */
#include "report/report-private.h"

#include <math.h>
#include <string.h>

struct WpTable {
    GPtrArray *names; /* char *, owned */
    GArray *numbers;  /* gboolean per column: a number column */
    GPtrArray *rows;  /* GStrv, owned; NULL cells stored as "" */
};

WpTable *wp_table_new(void)
{
    WpTable *t = g_new0(WpTable, 1);
    t->names = g_ptr_array_new_with_free_func(g_free);
    t->numbers = g_array_new(FALSE, FALSE, sizeof(gboolean));
    t->rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    return t;
}

void wp_table_free(WpTable *t)
{
    if (t == NULL)
        return;
    g_ptr_array_unref(t->names);
    g_array_unref(t->numbers);
    g_ptr_array_unref(t->rows);
    g_free(t);
}

void wp_table_add_column(WpTable *t, const char *name, gboolean number)
{
    g_return_if_fail(t != NULL && name != NULL && t->rows->len == 0);
    g_ptr_array_add(t->names, g_strdup(name));
    g_array_append_val(t->numbers, number);
}

void wp_table_add_row(WpTable *t, const char *const *cells)
{
    g_return_if_fail(t != NULL && cells != NULL);
    char **row = g_new0(char *, t->names->len + 1);
    for (guint i = 0; i < t->names->len; i++)
        row[i] = g_strdup(cells[i] ? cells[i] : "");
    g_ptr_array_add(t->rows, row);
}

guint wp_table_n_rows(const WpTable *t)
{
    g_return_val_if_fail(t != NULL, 0);
    return t->rows->len;
}

guint wp_table_n_columns(const WpTable *t)
{
    g_return_val_if_fail(t != NULL, 0);
    return t->names->len;
}

const char *wp_table_column_name(const WpTable *t, guint column)
{
    g_return_val_if_fail(t != NULL && column < t->names->len, NULL);
    return t->names->pdata[column];
}

gboolean wp_table_column_is_number(const WpTable *t, guint column)
{
    g_return_val_if_fail(t != NULL && column < t->names->len, FALSE);
    return g_array_index(t->numbers, gboolean, column);
}

const char *wp_table_cell(const WpTable *t, guint row, guint column)
{
    g_return_val_if_fail(t != NULL && row < t->rows->len && column < t->names->len, NULL);
    return ((char **)t->rows->pdata[row])[column];
}

/* A number cell as JSON: an integer when it is written as one, a double otherwise, null when
 * empty or not a finite number (json-glib would write NaN as "nan.0", which no parser reads). */
static void set_number(JsonObject *obj, const char *name, const char *cell)
{
    char *end = NULL;
    double x = g_ascii_strtod(cell, &end);
    if (cell[0] == '\0' || *end != '\0' || !isfinite(x)) /* JSON has no NaN */
        json_object_set_null_member(obj, name);
    else if (fabs(x) < 9e15 && x == (double)(gint64)x && strchr(cell, '.') == NULL)
        json_object_set_int_member(obj, name, (gint64)x);
    else
        json_object_set_double_member(obj, name, x);
}

JsonNode *wp_table_to_json(const WpTable *t)
{
    g_return_val_if_fail(t != NULL, NULL);
    JsonArray *array = json_array_new();
    for (guint r = 0; r < t->rows->len; r++) {
        char **row = t->rows->pdata[r];
        JsonObject *obj = json_object_new();
        for (guint c = 0; c < t->names->len; c++) {
            const char *name = t->names->pdata[c];
            if (g_array_index(t->numbers, gboolean, c))
                set_number(obj, name, row[c]);
            else
                json_object_set_string_member(obj, name, row[c]);
        }
        json_array_add_object_element(array, obj);
    }
    JsonNode *node = json_node_new(JSON_NODE_ARRAY);
    json_node_take_array(node, array);
    return node;
}
