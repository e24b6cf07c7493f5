/* SPDX-License-Identifier: MIT */
/* Symbol visibility for the public API. */
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define WP_API __attribute__((visibility("default")))
#else
#define WP_API
#endif
