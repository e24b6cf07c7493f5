/* SPDX-License-Identifier: MIT */
/* The WP_ERROR domain: an extended GError domain, so that an error about a name that matches
 * nothing (or too much) carries the candidates a front end lists. */
#include "core/error-private.h"

typedef struct {
    GArray *candidates; /* WpCandidate, owned (names freed by candidate_clear), or NULL */
} WpErrorPrivate;

static void candidate_clear(gpointer data)
{
    WpCandidate *c = data;
    g_clear_pointer(&c->name, g_free);
    g_clear_pointer(&c->detail, g_free);
}

static void wp_error_private_init(WpErrorPrivate *priv)
{
    priv->candidates = NULL;
}

static void wp_error_private_copy(const WpErrorPrivate *src, WpErrorPrivate *dest)
{
    dest->candidates = NULL;
    if (src->candidates == NULL)
        return;
    dest->candidates = wp_i_candidates_new();
    for (guint i = 0; i < src->candidates->len; i++) {
        const WpCandidate *c = &g_array_index(src->candidates, WpCandidate, i);
        wp_i_candidates_add(dest->candidates, c->name, c->detail, c->person, c->count);
    }
}

static void wp_error_private_clear(WpErrorPrivate *priv)
{
    g_clear_pointer(&priv->candidates, g_array_unref);
}

G_DEFINE_EXTENDED_ERROR(WpError, wp_error)

GArray *wp_i_candidates_new(void)
{
    GArray *list = g_array_new(FALSE, TRUE, sizeof(WpCandidate));
    g_array_set_clear_func(list, candidate_clear);
    return list;
}

void wp_i_candidates_add(GArray *list, const char *name, const char *detail, WpPerson person,
                         guint count)
{
    WpCandidate c = {g_strdup(name), g_strdup(detail), person, count};
    g_array_append_val(list, c);
}

void wp_i_error_set_candidates(GError *error, GArray *candidates)
{
    if (error == NULL || error->domain != WP_ERROR) {
        if (candidates != NULL)
            g_array_unref(candidates);
        return;
    }
    WpErrorPrivate *priv = wp_error_get_private(error);
    g_clear_pointer(&priv->candidates, g_array_unref);
    priv->candidates = candidates;
}

const WpCandidate *wp_error_get_candidates(const GError *error, guint *n_candidates)
{
    if (n_candidates != NULL)
        *n_candidates = 0;
    if (error == NULL || error->domain != WP_ERROR)
        return NULL;
    WpErrorPrivate *priv = wp_error_get_private(error);
    if (priv == NULL || priv->candidates == NULL || priv->candidates->len == 0)
        return NULL;
    if (n_candidates != NULL)
        *n_candidates = priv->candidates->len;
    return (const WpCandidate *)priv->candidates->data;
}
