/* SPDX-License-Identifier: MIT */
/* warmpath: find warm introduction paths through a network of people and trust ties.
 * Applications include only this header. */
#pragma once

#include "warmpath/day.h"
#include "warmpath/error.h"
#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/import.h"
#include "warmpath/model.h"
#include "warmpath/stats.h"
#include "warmpath/text.h"

#define WP_VERSION "0.1.0"
