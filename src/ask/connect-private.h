/* SPDX-License-Identifier: MIT */
/* What the connect files share: the contacts being paired with their folded attributes, the
 * index of their companies, the rules and the path counts. Never for applications. */
#pragma once

#include "warmpath/connect.h"
#include "warmpath/model.h"
#include "warmpath/text.h"

/* The distinct neighbours of a person over ties in either direction, each once, by index: the
 * out- and in-arcs are both sorted by head, so a merge of the two. */
typedef struct {
    const WpArc *out, *in;
    guint n_out, n_in, i, j;
} WpINeighbours;

static inline void wp_i_neighbours_init(WpINeighbours *it, const WpGraph *graph, WpPerson p)
{
    it->out = wp_graph_out_arcs(graph, p, &it->n_out);
    it->in = NULL;
    it->n_in = 0;
    if (wp_graph_has_directed_ties(graph))
        it->in = wp_graph_in_arcs(graph, p, &it->n_in);
    it->i = it->j = 0;
}

static inline gboolean wp_i_neighbours_next(WpINeighbours *it, WpPerson *out)
{
    gboolean has_out = it->i < it->n_out, has_in = it->j < it->n_in;
    if (!has_out && !has_in)
        return FALSE;
    WpPerson o = has_out ? it->out[it->i].head : G_MAXUINT32;
    WpPerson n = has_in ? it->in[it->j].head : G_MAXUINT32;
    *out = o < n ? o : n;
    if (o == *out)
        it->i++;
    if (n == *out)
        it->j++;
    return TRUE;
}

/* A company's dealings: the companies its people have `client` or `vendor` ties with, by
 * industry. Ties to the query's sellers and to anyone on a team do not count (our own deals say
 * nothing about theirs), nor ties inside the company. */
typedef struct {
    GHashTable *by_industry; /* industry key (owned) -> GHashTable set of company keys (owned) */
    GHashTable *works_with;  /* company keys (owned), every industry */
} WpICompany;

/* One contact being paired. */
typedef struct {
    WpPerson person;
    double best;      /* the strongest of its ties to a seller */
    gboolean matches; /* meets the query's filter (TRUE without one) */
    WpTie *ties;      /* per seller of the query, WP_TIE_NONE when not tied; owned */
    double *strength; /* per seller, 0 when not tied; owned */
    guint16 *types;   /* per seller, the tie's WpTieType bits; owned */
    gboolean *strong; /* per seller: not weak, not cold, not never used; owned */
    char *function;   /* folded keys, NULL when empty; owned */
    char *company;    /* by wp_text_fold_company() */
    char *industry;
    char *region;
    gboolean sells;          /* function `Sales` */
    GHashTable *known_firms; /* company keys of its neighbours, NULL until a rule needs it */
} WpIConnectContact;

/* What the rules read: the graph, the sellers and the contacts' companies. */
typedef struct {
    const WpGraph *graph;
    const WpPerson *sellers;
    guint n_sellers;
    const GPtrArray *contacts; /* WpIConnectContact *: whose companies the index holds */
    GHashTable *companies;     /* company key (borrowed from a contact) -> WpICompany *, NULL until
                                * a rule needs one */
    GHashTable *person_keys;   /* WpPerson -> char *[2] {company, industry} folded, owned */
} WpIRules;

void wp_i_connect_contact_fill_keys(WpIConnectContact *c, const WpGraph *graph);
void wp_i_connect_contact_clear(WpIConnectContact *c);

void wp_i_rules_init(WpIRules *rules, const WpGraph *graph, const WpPerson *sellers,
                     guint n_sellers, const GPtrArray *contacts);
void wp_i_rules_clear(WpIRules *rules);

/* The rule that fits contacts @x and @y introduced by seller @s, oriented (*@swap: B is @x), and
 * its evidence; FALSE when none fits. May build the company index (O(V) once). */
gboolean wp_i_rules_match(WpIRules *rules, WpIConnectContact *x, WpIConnectContact *y, guint s,
                          WpConnectKind *kind, gboolean *swap, guint *evidence);

/* Counting what already joins two people: paths of length two and three avoiding the sellers. */
typedef struct {
    guint32 *mark;   /* per person: == stamp when a neighbour of A */
    guint32 *count;  /* per person: paths A - x - person, x not a seller */
    GArray *touched; /* WpPerson with count > 0 */
    guint32 stamp;
    guint8 *seller_bits; /* per person, set for the query's sellers */
} WpIJoins;

void wp_i_joins_init(WpIJoins *joins, const WpGraph *graph, const WpPerson *sellers,
                     guint n_sellers);
void wp_i_joins_clear(WpIJoins *joins);
/* Makes @a the person paths are counted from. O(sum of the degrees of @a's neighbours). */
void wp_i_joins_from(WpIJoins *joins, const WpGraph *graph, WpPerson a);
/* Paths from the current A to @b: people tied to both (and the first of them), and paths A - x
 * - y - B. O(degree of @b). */
void wp_i_joins_to(const WpIJoins *joins, const WpGraph *graph, WpPerson b, guint *common,
                   WpPerson *example, guint *paths3);

/* The seller's tie in words: "client", "former colleague/social" (@human), "tie" for an untyped
 * one; as data "former_colleague+social", "untyped". */
char *wp_i_connect_relationship(const WpGraph *graph, WpTie tie, gboolean human);
