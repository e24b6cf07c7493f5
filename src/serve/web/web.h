/* SPDX-License-Identifier: MIT */
/* The web page's routes for `warmpath serve`: "/" and "/static/NAME", answered from the files
 * compiled into the program (assets.h), with the page's Content-Security-Policy. */
#pragma once

#include <libsoup/soup.h>

/* TRUE for the page's paths: "/" and everything under "/static/". They are public (the page
 * holds no data; it asks the API, with the token when the service has one). Time: O(1). */
gboolean serve_web_owns_path(const char *path);

/* Answers @msg when @path is the page's ("/" or under "/static/") and returns TRUE; returns
 * FALSE without touching @msg for any other path, which the API then answers. GET and HEAD
 * only (anything else: 405 with Allow); an unknown file is 404; a request whose If-None-Match
 * names the file's ETag is 304. Errors are JSON, {"error": {"code", "message"}}, as the API's.
 * Call it in the server's context; it never blocks (the files are in memory). */
gboolean serve_web_respond(SoupServerMessage *msg, const char *path);
