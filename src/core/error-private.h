/* SPDX-License-Identifier: MIT */
/* Attaching candidates to a WP_ERROR (never for applications, which read them). */
#pragma once

#include "warmpath/warmpath.h"

/* An empty list of WpCandidate that frees its names. */
GArray *wp_i_candidates_new(void);
/* Appends a candidate; the strings are copied (@detail may be NULL). */
void wp_i_candidates_add(GArray *list, const char *name, const char *detail, WpPerson person,
                         guint count);
/* Gives @error (a WP_ERROR, or NULL) the list, which it takes. */
void wp_i_error_set_candidates(GError *error, GArray *candidates);
