/* SPDX-License-Identifier: MIT */
/* Symbol visibility for the public API: the library is compiled with -fvisibility=hidden, so
 * only declarations marked WP_API are exported from libwarmpath.so (tests/check-exports.sh
 * checks both ways). Applications see WP_API as nothing. */
#pragma once

#if defined(WP_COMPILATION) && (defined(__GNUC__) || defined(__clang__))
#define WP_API __attribute__((visibility("default")))
#else
#define WP_API
#endif
