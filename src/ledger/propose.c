/* SPDX-License-Identifier: MIT */
/* Which path an ask goes through: the one `path` shows first, or the best through the source
 * the seller names; the people as the network knows them today. */
#include "warmpath/error.h"
#include "warmpath/graph.h"
#include "warmpath/ledger-ask.h"
#include "warmpath/model.h"

static void person_fill(WpLedgerPerson *out, const WpGraph *graph, WpPerson p)
{
    out->id = g_strdup(wp_graph_person_id(graph, p));
    out->name = g_strdup(wp_graph_person_attr(graph, p, "name"));
    out->company = g_strdup(wp_graph_person_attr(graph, p, "company"));
}

static void person_clear(WpLedgerPerson *p)
{
    g_free(p->id);
    g_free(p->name);
    g_free(p->company);
}

void wp_ask_proposal_free(WpAskProposal *proposal)
{
    if (proposal == NULL)
        return;
    WpAskRequest *r = &proposal->request;
    person_clear(&r->seller);
    person_clear(&r->source);
    person_clear(&r->target);
    g_strfreev((char **)r->path);
    g_free(proposal->choice);
    g_free(proposal);
}

static WpAskProposal *proposal_new(const WpGraph *graph, WpAskKind kind, WpPerson seller,
                                   WpPerson source, WpPerson target)
{
    WpAskProposal *p = g_new0(WpAskProposal, 1);
    p->request.kind = kind;
    p->request.probability = -1;
    p->request.day = WP_DAY_NONE;
    person_fill(&p->request.seller, graph, seller);
    person_fill(&p->request.source, graph, source);
    person_fill(&p->request.target, graph, target);
    return p;
}

static void take_path(WpAskProposal *p, const WpGraph *graph, const WpPath *path)
{
    char **ids = g_new0(char *, path->n_people + 1);
    for (guint i = 0; i < path->n_people; i++)
        ids[i] = g_strdup(wp_graph_person_id(graph, path->people[i]));
    p->request.path = (const char *const *)ids;
    p->request.probability = path->probability;
    p->has_path = TRUE;
}

static gboolean check_people(const WpGraph *graph, WpPerson seller, WpPerson target, WpPerson via,
                             GError **error)
{
    const char *problem = seller == target                         ? "--to is the seller"
                          : via != WP_PERSON_NONE && via == seller ? "--via is the seller"
                          : via != WP_PERSON_NONE && via == target
                              ? "--via is the target: asking them directly needs no introduction"
                              : NULL;
    if (problem != NULL) {
        g_set_error(
            error, WP_ERROR, WP_ERROR_USAGE, "%s ('%s')", problem,
            wp_graph_person_label(graph, via != WP_PERSON_NONE && via == target ? via : seller));
        return FALSE;
    }
    return TRUE;
}

/* The search: one path per source, enough of them to include any source the seller can ask. */
static WpPathSet *search(const WpScoring *scoring, WpPerson seller, WpPerson target, WpPerson via,
                         const WpPathQuery *query, GError **error)
{
    const WpGraph *graph = wp_scoring_graph(scoring);
    const WpModel *model = wp_scoring_model(scoring);
    WpPathQuery q = {1, wp_model_max_hops(model), wp_model_min_probability(model), FALSE};
    if (query != NULL)
        q = *query;
    q.all_paths = FALSE;
    if (via != WP_PERSON_NONE) {
        guint n_out = 0, n_in = 0;
        wp_graph_out_arcs(graph, seller, &n_out);
        wp_graph_in_arcs(graph, seller, &n_in);
        q.k = MAX(q.k, n_out + n_in + 256); /* + the team's sellers, asked through the team tie */
    }
    return wp_path_find(scoring, NULL, &seller, 1, target, &q, NULL, error);
}

WpAskProposal *wp_ask_propose(const WpScoring *scoring, WpPerson seller, WpPerson target,
                              WpPerson via, const WpPathQuery *query, GError **error)
{
    g_return_val_if_fail(scoring != NULL, NULL);
    const WpGraph *graph = wp_scoring_graph(scoring);
    if (!check_people(graph, seller, target, via, error))
        return NULL;
    g_autoptr(WpPathSet) set = search(scoring, seller, target, via, query, error);
    if (set == NULL)
        return NULL;
    const WpPath *best = set->paths->len > 0 ? &g_array_index(set->paths, WpPath, 0) : NULL;
    if (via == WP_PERSON_NONE) {
        if (best == NULL) {
            g_set_error(error, WP_ERROR, WP_ERROR_NO_PATH,
                        "no introduction path from '%s' to '%s' within the limits; name the "
                        "source with --via to record the ask anyway",
                        wp_graph_person_label(graph, seller), wp_graph_person_label(graph, target));
            return NULL;
        }
        if (set->direct_answer || best->n_people < 3) {
            g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                        "'%s' knows '%s' directly and well: just ask (name a source with --via "
                        "to record an introduction anyway)",
                        wp_graph_person_label(graph, seller), wp_graph_person_label(graph, target));
            return NULL;
        }
        WpAskProposal *p =
            proposal_new(graph, WP_ASK_KIND_REQUEST, seller, best->people[1], target);
        take_path(p, graph, best);
        p->source_from_best_path = TRUE;
        char prob[G_ASCII_DTOSTR_BUF_SIZE];
        g_ascii_formatd(prob, sizeof prob, "%.2f", best->probability);
        p->choice = g_strdup_printf("No --via: asking %s, the first person on the best path "
                                    "(probability %s).",
                                    wp_graph_person_label(graph, best->people[1]), prob);
        return p;
    }
    WpAskProposal *p = proposal_new(graph, WP_ASK_KIND_REQUEST, seller, via, target);
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *path = &g_array_index(set->paths, WpPath, i);
        if (path->n_people >= 3 && path->people[1] == via) {
            take_path(p, graph, path);
            break;
        }
    }
    return p;
}

WpAskProposal *wp_ask_propose_given(const WpGraph *graph, WpPerson seller, WpPerson introduced,
                                    WpPerson target, GError **error)
{
    g_return_val_if_fail(graph != NULL, NULL);
    if (seller == introduced || seller == target || introduced == target) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "an introduction given needs three different people (the seller, --for and "
                    "--to)");
        return NULL;
    }
    return proposal_new(graph, WP_ASK_KIND_GIVEN, seller, introduced, target);
}
