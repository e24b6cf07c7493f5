/* SPDX-License-Identifier: MIT */
/* The look-alike people the selection and resolution tests ask about: namesakes at different
 * companies (Bob Smith, Ann Lee), accents, punctuation, a company with a comma, a seller team
 * spelled two ways, and one tie. */
#pragma once

#include <warmpath/warmpath.h>

static const char lookalike_people[] = "id,name,company,title,team\n"
                                       "p1,Bob Smith,Acme,VP Finance,\n"
                                       "p2,Bob Smith,Globex,IT Manager,\n"
                                       "p3,Robert Smith,Initech,Engineering Manager,\n"
                                       "p4,José Álvarez,\"Acme, Inc.\",CFO,\n"
                                       "p5,Zoë Müller,\"Smith, Jones & Partners\",Paralegal,\n"
                                       "p6,Ann Lee,ACME,CTO,\n"
                                       "p7,Ann Lee,Acme Holdings,COO,\n"
                                       "p8,Ann Lee,Big Acme,CEO,\n"
                                       "p9,Mary-Jane O'Neil,Globex,Analyst,\n"
                                       "P10,Priya Natarajan,Brightline Pay,Finance Director,\n"
                                       "p11,Siobhan O'Brien,Tailspin Toys,Counsel,\n"
                                       "p12,Ana Ruiz,Warmpath,AE,sales-east\n"
                                       "p13,Jordan Lee,Warmpath,AE,sales-east\n"
                                       "p14,Sam Park,Warmpath,AE,Sales West\n"
                                       "p15,Tom Reyes,Crestline Pay,CFO,\n";
static const char lookalike_ties[] = "source,target\np1,p2\n";

static inline WpGraph *lookalikes_graph_new(void)
{
    g_autoptr(GError) error = NULL;
    WpGraph *g = wp_graph_load_from_data(lookalike_ties, lookalike_people, 0, &error);
    g_assert_no_error(error);
    return g;
}
