/* SPDX-License-Identifier: MIT */
/* The web page's files, from the resource glib-compile-resources made of src/serve/web/. */
#include "serve/web/assets.h"

#include <gio/gio.h>
#include <string.h>

#include "warmpath-web-resources.h" /* generated: warmpath_web_get_resource() */

#define PREFIX "/org/warmpath/web/"

/* The type a browser needs for a file name's extension; text is UTF-8 throughout the tree. */
static const char *content_type_of(const char *name)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".json", "application/json"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(types); i++)
        if (g_str_has_suffix(name, types[i].ext))
            return types[i].type;
    return "application/octet-stream";
}

/* An interned copy of @text, which is freed: the table's strings live as long as the program. */
static const char *intern_take(char *text)
{
    const char *interned = g_intern_string(text);
    g_free(text);
    return interned;
}

/* The table of every file under PREFIX, made once. The resource is linked into the program and
 * registered here (not from a constructor, which a static library would drop), so it cannot be
 * missing: a lookup failure would be a build fault, and the file is then simply not served. */
static GArray *build_table(void)
{
    GArray *table = g_array_new(FALSE, TRUE, sizeof(ServeAsset));
    warmpath_web_register_resource(); /* makes the resource the getter returns */
    GResource *resource = warmpath_web_get_resource();
    g_auto(GStrv) names =
        g_resource_enumerate_children(resource, PREFIX, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    for (guint i = 0; names != NULL && names[i] != NULL; i++) {
        g_autofree char *resource_path = g_strconcat(PREFIX, names[i], NULL);
        GBytes *bytes =
            g_resource_lookup_data(resource, resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
        if (bytes == NULL) /* a subdirectory: the page has none */
            continue;
        g_autofree char *hash = g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, bytes);
        ServeAsset asset = {
            .url_path = strcmp(names[i], "index.html") == 0
                            ? "/"
                            : intern_take(g_strconcat("/static/", names[i], NULL)),
            .bytes = bytes,
            .content_type = content_type_of(names[i]),
            .etag = intern_take(g_strdup_printf("\"%.32s\"", hash)),
        };
        g_array_append_val(table, asset);
    }
    return table;
}

static GArray *table(void)
{
    static gsize once = 0;
    static GArray *assets = NULL;
    if (g_once_init_enter(&once)) {
        assets = build_table();
        g_once_init_leave(&once, 1);
    }
    return assets;
}

const ServeAsset *serve_asset_lookup(const char *url_path)
{
    g_return_val_if_fail(url_path != NULL, NULL);
    GArray *assets = table();
    for (guint i = 0; i < assets->len; i++) {
        const ServeAsset *a = &g_array_index(assets, ServeAsset, i);
        if (strcmp(a->url_path, url_path) == 0)
            return a;
    }
    return NULL; /* also every "..", "//" or "/static/" path: only exact names match */
}

const ServeAsset *serve_assets_all(guint *n_out)
{
    g_return_val_if_fail(n_out != NULL, NULL);
    GArray *assets = table();
    *n_out = assets->len;
    return (const ServeAsset *)(void *)assets->data;
}
