/* SPDX-License-Identifier: MIT */
/* The loaded library's version: compiled in from the version.h this library was built with. */
#include "warmpath/version.h"

const char *wp_version_string(void)
{
    return WP_VERSION;
}

void wp_version(guint *major, guint *minor, guint *micro)
{
    if (major != NULL)
        *major = WP_VERSION_MAJOR;
    if (minor != NULL)
        *minor = WP_VERSION_MINOR;
    if (micro != NULL)
        *micro = WP_VERSION_MICRO;
}
