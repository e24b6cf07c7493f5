/* SPDX-License-Identifier: MIT */
/* How an import writes its data folder: people.csv and edges.csv, and their .bak pair, as one
 * commit of the folder it holds locked (io/data-folder.c).
 *
 * The .bak rule: after an import that changed the folder, people.csv.bak and edges.csv.bak are
 * the two files exactly as they were just before it, both of them, even the one it left
 * unchanged; a file that did not exist then has no .bak. So the .bak pair is always one earlier
 * state of the folder, and restoring it is moving both files back. An import that changes
 * nothing touches nothing, .bak files included. */
#include "import/import-private.h"

#include "io/data-folder.h"

#include <string.h>

static void text_free(gpointer text)
{
    if (text != NULL)
        g_string_free(text, TRUE);
}

/* The table's new text, or NULL when its file would not change. */
static GString *new_text(const WpITable *t)
{
    if (!t->dirty)
        return NULL;
    GString *text = wp_i_table_to_text(t);
    if (t->original != NULL && t->original_len == text->len &&
        memcmp(t->original, text->str, text->len) == 0) {
        g_string_free(text, TRUE);
        return NULL;
    }
    return text;
}

/* The file is still what the import read (another program may have rewritten it meanwhile:
 * writing over that would lose its change). */
static gboolean unchanged_since_read(const WpITable *t, GError **error)
{
    g_autofree char *now = NULL;
    gsize len = 0;
    gboolean exists = g_file_get_contents(t->filename, &now, &len, NULL);
    if (exists == (t->original != NULL) &&
        (!exists || (len == t->original_len && memcmp(now, t->original, len) == 0)))
        return TRUE;
    g_set_error(error, WP_ERROR, WP_ERROR_FAILED,
                "%s was changed by another program while the import ran; nothing was written: "
                "run the import again",
                t->display);
    return FALSE;
}

gboolean wp_i_folder_write(WpFolderLock *lock, WpITable *const *tables, guint n, gboolean *written,
                           GPtrArray *backups, GError **error)
{
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func(text_free);
    gboolean any = FALSE;
    *written = FALSE;
    for (guint i = 0; i < n; i++) {
        GString *text = new_text(tables[i]);
        g_ptr_array_add(texts, text);
        any = any || text != NULL;
    }
    if (!any)
        return TRUE;
    for (guint i = 0; i < n; i++)
        if (!unchanged_since_read(tables[i], error))
            return FALSE;
    g_autoptr(WpFolderCommit) commit = wp_i_folder_commit_new(lock);
    g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < n; i++) {
        const WpITable *t = tables[i];
        g_autofree char *name = g_path_get_basename(t->filename);
        g_autofree char *bak = g_strconcat(name, ".bak", NULL);
        if (t->original == NULL) {
            wp_i_folder_commit_remove(commit, bak);
        } else {
            if (!wp_i_folder_commit_replace(commit, bak, t->original, t->original_len, error))
                return FALSE;
            g_ptr_array_add(kept, g_steal_pointer(&bak));
        }
        GString *text = texts->pdata[i];
        if (text != NULL && !wp_i_folder_commit_replace(commit, name, text->str, text->len, error))
            return FALSE;
    }
    if (!wp_i_folder_commit_apply(commit, error))
        return FALSE;
    /* What the folder now holds is what a later save must find there. */
    for (guint i = 0; i < n; i++) {
        GString *text = texts->pdata[i];
        if (text == NULL)
            continue;
        g_free(tables[i]->original);
        tables[i]->original_len = text->len;
        tables[i]->original = g_strndup(text->str, text->len);
        tables[i]->dirty = FALSE;
    }
    *written = TRUE;
    for (guint i = 0; i < kept->len; i++)
        g_ptr_array_add(backups, g_strdup(kept->pdata[i]));
    return TRUE;
}
