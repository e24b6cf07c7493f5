/* SPDX-License-Identifier: MIT */
/* warmpath: find warm introduction paths through a network of people and trust ties.
 * Applications include only this header.
 *
 * Threads. Immutable, shareable: a loaded WpGraph, a WpScoring and a WpModel never change once
 * made, so any number of threads may read them at once (graphs and scorings are reference
 * counted: a service swaps in a newly loaded network while requests on the old one finish).
 * One thread at a time: everything a caller fills or owns — a WpQueryContext (give each worker
 * its own), WpTieOverrides, builders (WpDiagram, WpImport, WpWhere while parsing) and every
 * result struct (WpPathSet, WpRankResult, WpRankPlan, ...) — may move between threads but is
 * never used by two at once. Queries take a GCancellable (nullable) to bound each request. */
#pragma once

#include "warmpath/connect.h"
#include "warmpath/day.h"
#include "warmpath/diagram.h"
#include "warmpath/draft.h"
#include "warmpath/error.h"
#include "warmpath/export.h"
#include "warmpath/favours.h"
#include "warmpath/followups.h"
#include "warmpath/graph.h"
#include "warmpath/import.h"
#include "warmpath/learn.h"
#include "warmpath/ledger.h"
#include "warmpath/ledger-ask.h"
#include "warmpath/metrics.h"
#include "warmpath/model.h"
#include "warmpath/path.h"
#include "warmpath/query.h"
#include "warmpath/rank.h"
#include "warmpath/report.h"
#include "warmpath/resolve.h"
#include "warmpath/scoring.h"
#include "warmpath/select.h"
#include "warmpath/stats.h"
#include "warmpath/text.h"
#include "warmpath/version.h"
#include "warmpath/where.h"
