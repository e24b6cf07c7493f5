/* SPDX-License-Identifier: MIT */
/* From a tie's strength to its search cost: the one place the conversion is written. */
#pragma once

#include <math.h>

/* The warmest path maximises the product of strengths; Dijkstra minimises a sum, so a tie of
 * @strength in (0, 1] costs -ln(strength) >= 0, plus @hop_penalty = -ln(intermediary factor)
 * per hop. A path of L hops pays L penalties for its L - 1 intermediaries; probabilities add one
 * back (exp(-cost + penalty)). The loader's raw costs (no penalty), a scoring's costs, and every
 * query's cost bounds come from here. */
static inline double wp_i_cost_from_strength(double strength, double hop_penalty)
{
    return -log(strength) + hop_penalty;
}
