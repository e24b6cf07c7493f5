/* SPDX-License-Identifier: MIT */
/* warmpath: find warm introduction paths through a network of people and trust ties.
 * Applications include only this header. */
#pragma once

#include "warmpath/day.h"
#include "warmpath/diagram.h"
#include "warmpath/error.h"
#include "warmpath/export.h"
#include "warmpath/graph.h"
#include "warmpath/import.h"
#include "warmpath/model.h"
#include "warmpath/path.h"
#include "warmpath/query.h"
#include "warmpath/rank.h"
#include "warmpath/resolve.h"
#include "warmpath/scoring.h"
#include "warmpath/stats.h"
#include "warmpath/text.h"
#include "warmpath/version.h"
#include "warmpath/where.h"
