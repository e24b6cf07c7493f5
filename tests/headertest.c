/* SPDX-License-Identifier: MIT */
/* Compiles every public header, each on its own first, under -std=c11 -pedantic -Werror. */
#include <warmpath/day.h>
#include <warmpath/diagram.h>
#include <warmpath/error.h>
#include <warmpath/graph.h>
#include <warmpath/import.h>
#include <warmpath/model.h>
#include <warmpath/path.h>
#include <warmpath/rank.h>
#include <warmpath/resolve.h>
#include <warmpath/stats.h>
#include <warmpath/text.h>
#include <warmpath/where.h>
#include <warmpath/warmpath.h>

int wp_headertest_anchor(void);
int wp_headertest_anchor(void)
{
    return WP_ERROR_FAILED;
}
