/* SPDX-License-Identifier: MIT */
/* The WP_ERROR domain. */
#include "warmpath/error.h"

G_DEFINE_QUARK(warmpath - error - quark, wp_error)
