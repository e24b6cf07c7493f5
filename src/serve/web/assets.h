/* SPDX-License-Identifier: MIT */
/* The web page's files as the service serves them: compiled into the program with GResource
 * (warmpath-web.gresource.xml), looked up by URL path. No HTTP here: web.c answers requests. */
#pragma once

#include <glib.h>

/* One file of the page. Everything is borrowed and lives as long as the program. */
typedef struct {
    const char *url_path; /* "/" for index.html, else "/static/NAME" */
    GBytes *bytes;        /* the file as compiled in */
    const char
        *content_type; /* "text/html; charset=utf-8", "text/javascript; charset=utf-8", ... */
    const char *etag;  /* a strong ETag, quoted: a hash of the bytes */
} ServeAsset;

/* The file served at @url_path ("/", "/static/app.js"), or NULL when there is none: only the
 * exact paths above match, so "/static/../x", "//" or "/static/" find nothing. Thread-safe (the
 * table is built once, on first use). Time: O(files). */
const ServeAsset *serve_asset_lookup(const char *url_path);

/* Every file, for tests and docs: @n_out receives how many. Time: O(1) after the first call. */
const ServeAsset *serve_assets_all(guint *n_out);

/* The Content-Security-Policy the page is served with: only its own files, no inline script
 * or style, no plug-ins, no framing. */
#define SERVE_WEB_CSP                                                                              \
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "              \
    "object-src 'none'; frame-ancestors 'none'; base-uri 'none'"
