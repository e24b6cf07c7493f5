/* SPDX-License-Identifier: MIT */
/* Reports (warmpath/report.h) on a small network worked by hand: each hop's reasons and flags,
 * the words they make, the JSON fields, and that the CLI prints exactly the library's JSON.
 *
 * The network, as of 2026-11-01, default model (priors client 0.80, friend 0.75, social 0.12;
 * recency 0.35 + 0.65 x 2^(-age / 730), undated x 0.85; never interacted x 0.60; boost
 * 0.5 x (1 - e^(-n / 25)); team tie 0.90; intermediary factor 0.75; cold after 730 days):
 *
 *   Sara Seller (s1, team east) -- Ann Source (a): client 0.80, last contact 730 days ago
 *       -> recency 0.675, effective 0.54
 *   Ann Source -- Bob Target (b): friend+social, no strength, no date, 0 interactions
 *       -> friend prior 0.75 x 0.85 x 0.60 = 0.3825
 *   Sara Seller -- Tom Mate (s2, team east): no row, the team tie 0.90
 *   Tom Mate -- Bob Target: colleague 0.50, contact today, 25 interactions
 *       -> 0.5 + 0.5 x 0.5 x (1 - e^-1) = 0.658030
 *   Sara Seller -- Dee Direct (d): social, no strength, last contact 1,097 days ago (cold)
 *   Dee Direct -> Bob Target: client 0.90, directed, contact today -> 0.90
 *   Bob Target (b2) at Initech and Xena Far (x) have no ties.
 *
 * Paths from Sara to Bob (one per source): via Tom 0.9 x 0.658030 x 0.75 = 0.444170, via Ann
 * 0.54 x 0.3825 x 0.75 = 0.154913, via Dee (0.12 x recency(1097)) x 0.9 x 0.75. */
#include <warmpath/warmpath.h>

#include <math.h>
#include <string.h>

#include "cli-run.h"

static const char *const PEOPLE = "id,name,company,title,team\n"
                                  "s1,Sara Seller,Ourco,AE,east\n"
                                  "s2,Tom Mate,Ourco,AE,east\n"
                                  "a,Ann Source,Acme,CFO,\n"
                                  "b,Bob Target,Globex,VP Finance,\n"
                                  "d,Dee Direct,Globex,Buyer,\n"
                                  "b2,Bob Target,Initech,CTO,\n"
                                  "x,Xena Far,Faraway,CEO,\n";

static const char *const TIES = "source,target,strength,type,last_contact,interactions,directed\n"
                                "s1,a,0.8,client,2024-11-01,,\n"
                                "a,b,,friend;social,,0,\n"
                                "s2,b,0.5,colleague,2026-11-01,25,\n"
                                "s1,d,,social,2023-10-31,,\n"
                                "d,b,0.9,client,2026-11-01,,true\n";

#define EPS 1e-9
#define BOOST_25 (0.5 * (1 - exp(-1.0))) /* 25 interactions */
#define TOM_BOB (0.5 + 0.5 * BOOST_25)   /* 0.658030 */
#define ANN_BOB (0.75 * 0.85 * 0.6)      /* 0.3825 */
#define RECENCY_1097 (0.35 + 0.65 * exp2(-1097.0 / 730))

static WpScoring *load_network_with(const WpTieOverrides *overrides)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(TIES, PEOPLE, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    WpDay as_of;
    g_assert_true(wp_day_parse("2026-11-01", &as_of));
    return wp_scoring_new(g, model, as_of, overrides);
}

static WpScoring *load_network(void)
{
    return load_network_with(NULL);
}

static WpPerson person(const WpGraph *g, const char *id)
{
    WpPerson p = wp_graph_find_id(g, id);
    g_assert_cmpuint(p, !=, WP_PERSON_NONE);
    return p;
}

/* A report of the paths from the sellers to @target under the CLI's defaults. */
static WpPathReport *report_to(const WpScoring *sc, const WpPerson *sellers, guint n,
                               WpPerson target, const WpPathQuery *query, WpPathSet **set)
{
    g_autoptr(GError) error = NULL;
    *set = wp_path_find(sc, NULL, sellers, n, target, query, NULL, &error);
    g_assert_no_error(error);
    WpPathRequest request = {sellers, n, *query, NULL, NULL, NULL, "default"};
    return wp_path_report_new(sc, *set, &request);
}

static const WpPathQuery DEFAULTS = {5, 4, 0.01, FALSE};

static void test_hops(void)
{
    g_autoptr(WpScoring) sc = load_network();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s1 = person(g, "s1");
    g_autoptr(WpPathSet) set = NULL;
    g_autoptr(WpPathReport) r = report_to(sc, &s1, 1, person(g, "b"), &DEFAULTS, &set);
    g_assert_cmpuint(r->paths->len, ==, 3);

    const WpPathReason *via_tom = &g_array_index(r->paths, WpPathReason, 0);
    g_assert_cmpfloat_with_epsilon(via_tom->path->probability, 0.9 * TOM_BOB * 0.75, EPS);
    g_assert_cmpuint(via_tom->source, ==, person(g, "s2"));
    g_assert_cmpint(via_tom->source_role, ==, WP_SOURCE_TEAMMATE);
    g_assert_cmpstr(via_tom->source_team, ==, "east");
    g_assert_null(via_tom->direct);
    g_assert_cmpuint(via_tom->n_hops, ==, 2);
    const WpHopReason *team = &via_tom->hops[0];
    g_assert_cmpuint(team->tie, ==, WP_TIE_NONE);
    g_assert_cmpuint(team->flags, ==, WP_HOP_TEAM_TIE | WP_HOP_TEAMMATE);
    g_assert_cmpstr(team->team, ==, "east");
    g_assert_true(isnan(team->declared));
    g_assert_cmpfloat(team->base, ==, 0.9);
    g_assert_cmpfloat(team->effective, ==, 0.9);
    g_assert_cmpfloat(team->intermediary_factor, ==, 1.0);
    g_assert_cmpint(team->age_days, ==, -1);
    g_assert_cmpint(team->interactions, ==, -1);
    const WpHopReason *tom_bob = &via_tom->hops[1];
    g_assert_cmpuint(tom_bob->position, ==, 1);
    g_assert_cmpuint(tom_bob->types, ==, WP_TIE_TYPE_BIT(WP_TIE_COLLEAGUE));
    g_assert_cmpfloat(tom_bob->declared, ==, 0.5);
    g_assert_cmpint(tom_bob->age_days, ==, 0);
    g_assert_cmpfloat_with_epsilon(tom_bob->recency, 1.0, EPS);
    g_assert_cmpint(tom_bob->interactions, ==, 25);
    g_assert_cmpfloat_with_epsilon(tom_bob->boost, BOOST_25, EPS);
    g_assert_cmpfloat_with_epsilon(tom_bob->effective, TOM_BOB, EPS);
    g_assert_cmpfloat(tom_bob->model_strength, ==, tom_bob->effective);
    g_assert_true(isnan(tom_bob->learned_strength));
    g_assert_cmpfloat(tom_bob->intermediary_factor, ==, 0.75);
    g_assert_cmpuint(tom_bob->flags, ==, 0);
    g_assert_null(tom_bob->team);

    const WpPathReason *via_ann = &g_array_index(r->paths, WpPathReason, 1);
    g_assert_cmpint(via_ann->source_role, ==, WP_SOURCE_CONTACT);
    g_assert_null(via_ann->source_team);
    g_assert_cmpfloat_with_epsilon(via_ann->path->probability, 0.54 * ANN_BOB * 0.75, EPS);
    const WpHopReason *ann = &via_ann->hops[0];
    g_assert_cmpint(ann->age_days, ==, 730);
    g_assert_cmpfloat_with_epsilon(ann->recency, 0.675, EPS);
    g_assert_cmpfloat_with_epsilon(ann->effective, 0.54, EPS);
    g_assert_cmpuint(ann->flags, ==, 0); /* 730 days is not more than cold_after_days */
    const WpHopReason *ann_bob = &via_ann->hops[1];
    g_assert_cmpuint(ann_bob->types, ==,
                     WP_TIE_TYPE_BIT(WP_TIE_FRIEND) | WP_TIE_TYPE_BIT(WP_TIE_SOCIAL));
    g_assert_cmpint(ann_bob->prior_type, ==, WP_TIE_FRIEND);
    g_assert_cmpfloat(ann_bob->base, ==, 0.75);
    g_assert_cmpfloat_with_epsilon(ann_bob->recency, 0.85, EPS);
    g_assert_cmpfloat_with_epsilon(ann_bob->never_factor, 0.6, EPS);
    g_assert_cmpfloat_with_epsilon(ann_bob->effective, ANN_BOB, EPS);
    g_assert_cmpuint(ann_bob->flags, ==, WP_HOP_NEVER_INTERACTED | WP_HOP_UNDATED | WP_HOP_PRIOR);

    const WpPathReason *via_dee = &g_array_index(r->paths, WpPathReason, 2);
    const WpHopReason *dee = &via_dee->hops[0];
    g_assert_cmpint(dee->age_days, ==, 1097);
    g_assert_cmpfloat_with_epsilon(dee->effective, 0.12 * RECENCY_1097, EPS);
    g_assert_cmpuint(dee->flags, ==, WP_HOP_GONE_COLD | WP_HOP_SOCIAL_ONLY | WP_HOP_PRIOR);
    g_assert_cmpuint(via_dee->hops[1].flags, ==, WP_HOP_DIRECTED);
    g_assert_cmpfloat_with_epsilon(via_dee->path->probability, 0.12 * RECENCY_1097 * 0.9 * 0.75,
                                   EPS);
    g_assert_cmpuint(r->direct->len, ==, 0);
    g_assert_null(r->beyond_limits);
}

static void test_words(void)
{
    g_autoptr(WpScoring) sc = load_network();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s1 = person(g, "s1");
    g_autoptr(WpPathSet) set = NULL;
    g_autoptr(WpPathReport) r = report_to(sc, &s1, 1, person(g, "b"), &DEFAULTS, &set);
    const WpPathReason *via_tom = &g_array_index(r->paths, WpPathReason, 0);
    const WpPathReason *via_ann = &g_array_index(r->paths, WpPathReason, 1);
    g_autofree char *h1 = wp_report_path_headline(r, via_tom);
    g_assert_cmpstr(h1, ==,
                    "Ask your teammate Tom Mate, who knows Bob Target, to introduce you — 44 % "
                    "chance");
    g_autofree char *h2 = wp_report_path_headline(r, via_ann);
    g_assert_cmpstr(h2, ==,
                    "Ask Ann Source (CFO, Acme) to introduce you to Bob Target — 15 % chance");
    g_autofree char *team = wp_report_hop_sentence(r, &via_tom->hops[0]);
    g_assert_cmpstr(team, ==, "you → Tom Mate: your teammate, team tie 0.90 (both on team east)");
    g_autofree char *ann = wp_report_hop_sentence(r, &via_ann->hops[0]);
    g_assert_cmpstr(ann, ==,
                    "you → Ann Source: your client, declared strength 0.80, effective 0.54 (last "
                    "contact 2024-11-01, 730 days ago; decay x 0.68)");
    g_autofree char *ann_bob = wp_report_hop_sentence(r, &via_ann->hops[1]);
    g_assert_cmpstr(ann_bob, ==,
                    "Ann Source → Bob Target: friend and LinkedIn connection, no declared "
                    "strength, friend prior 0.75, effective 0.38 (no last contact on record: x "
                    "0.85; never interacted: x 0.60)");
    g_autofree char *tom_bob = wp_report_hop_sentence(r, &via_tom->hops[1]);
    g_assert_cmpstr(tom_bob, ==,
                    "Tom Mate → Bob Target: colleague, declared strength 0.50, effective 0.66 "
                    "(last contact 2026-11-01, 0 days ago; 25 interactions: boost 0.32)");
    g_autofree char *passing = wp_report_passing_on(r, via_ann);
    g_assert_cmpstr(passing, ==, "passing it on: Ann Source (x 0.75)");
    g_autofree char *heading = wp_report_paths_heading(r);
    g_assert_cmpstr(heading, ==,
                    "Introductions to Bob Target (VP Finance, Globex) for Sara Seller: one path "
                    "per referral source, best first (at most 4 hops, chance at least 1 %; "
                    "default model as of 2026-11-01).");
    g_autofree char *assumption = NULL;
    g_autofree char *claim = wp_report_at_least_one_sentence(r, &assumption);
    g_autofree char *expected = g_strdup_printf(
        "Asking through all 3 paths, the chance that at least one introduction happens is "
        "%.0f %%,",
        100 * (1 - (1 - 0.9 * TOM_BOB * 0.75) * (1 - 0.54 * ANN_BOB * 0.75) *
                       (1 - 0.12 * RECENCY_1097 * 0.9 * 0.75)));
    g_assert_cmpstr(claim, ==, expected); /* the paths share no tie and no go-between */
    g_assert_true(g_str_has_prefix(assumption, "assuming each tie and each go-between"));
}

/* Several sellers are named; a direct path of a lone seller says "yourself". */
static void test_words_sellers(void)
{
    g_autoptr(WpScoring) sc = load_network();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson sellers[] = {person(g, "s1"), person(g, "s2")};
    g_autoptr(WpPathSet) set = NULL;
    g_autoptr(WpPathReport) r = report_to(sc, sellers, 2, person(g, "b"), &DEFAULTS, &set);
    /* Tom's strong direct tie (0.66) is the answer: no route through others is listed. */
    g_assert_true(set->direct_answer);
    g_assert_cmpuint(r->paths->len, ==, 1);
    const WpPathReason *direct = &g_array_index(r->paths, WpPathReason, 0);
    g_assert_cmpint(direct->source_role, ==, WP_SOURCE_NONE);
    g_assert_nonnull(direct->direct);
    g_autofree char *headline = wp_report_path_headline(r, direct);
    g_assert_cmpstr(headline, ==, "Tom Mate: ask Bob Target directly — 66 % chance");
    g_autofree char *hop = wp_report_hop_sentence(r, &direct->hops[0]);
    g_assert_true(g_str_has_prefix(hop, "Tom Mate → Bob Target: colleague, declared strength"));
    const WpDirectReason *d = &g_array_index(r->direct, WpDirectReason, 0);
    g_assert_true(d->strong);
    g_autofree char *sentence = wp_report_direct_sentence(r, d);
    g_assert_cmpstr(sentence, ==,
                    "Bob Target is already Tom Mate's direct contact, and the tie is "
                    "strong.");
    g_assert_cmpstr(wp_report_direct_advice(r), ==,
                    "Just ask: no introduction is needed, so no route through other people is "
                    "listed (--all-paths lists them).");
}

/* Dee's only tie to Sara is cold and weak: reconnect, no warm path, Bob suggested instead. */
static void test_direct_and_no_path(void)
{
    g_autoptr(WpScoring) sc = load_network();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s1 = person(g, "s1");
    g_autoptr(WpPathSet) set = NULL;
    g_autoptr(WpPathReport) r = report_to(sc, &s1, 1, person(g, "d"), &DEFAULTS, &set);
    g_assert_cmpuint(r->paths->len, ==, 0);
    g_assert_cmpuint(r->direct->len, ==, 1);
    const WpDirectReason *d = &g_array_index(r->direct, WpDirectReason, 0);
    g_assert_false(d->strong);
    g_assert_cmpuint(d->direct->flags, ==, WP_DIRECT_WEAK | WP_DIRECT_COLD);
    g_assert_cmpuint(d->hop.flags, ==, WP_HOP_GONE_COLD | WP_HOP_SOCIAL_ONLY | WP_HOP_PRIOR);
    g_autofree char *sentence = wp_report_direct_sentence(r, d);
    g_assert_cmpstr(sentence, ==,
                    "Dee Direct is already your direct contact, but the tie is weak and has gone "
                    "cold: LinkedIn connection, no declared strength, social prior 0.12, "
                    "effective 0.07 (last contact 2023-10-31, 1,097 days ago; gone cold; decay x "
                    "0.58; LinkedIn only).");
    g_assert_cmpstr(wp_report_direct_advice(r), ==,
                    "Reconnect before you ask directly (a note, a reason to talk).");
    g_autofree char *not_counted = wp_report_not_counted_sentence(r, d);
    g_assert_cmpstr(not_counted, ==,
                    "Not counted: your own direct tie to Dee Direct (7 %), which is weak and "
                    "has gone cold: reconnect first.");
    g_assert_cmpuint(r->suggestions->len, >=, 1);
    g_assert_cmpuint(g_array_index(r->suggestions, WpPathReason, 0).target, ==, person(g, "b"));
    g_autoptr(GPtrArray) why = wp_report_no_path_sentences(r);
    g_assert_cmpuint(why->len, ==, 3);
    g_assert_cmpstr(why->pdata[0], ==, "No introduction path to Dee Direct within these limits.");
    g_assert_cmpstr(why->pdata[1], ==,
                    "Dee Direct is not connected to anyone your network reaches.");
    g_assert_cmpstr(why->pdata[2], ==,
                    "Instead, reach a colleague of Dee Direct at Globex, then ask for an "
                    "introduction inside:");
}

/* Limits hide every path to Bob: the best one beyond them and the options that show it. */
static void test_beyond_limits(void)
{
    g_autoptr(WpScoring) sc = load_network();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s1 = person(g, "s1");
    WpPathQuery tight = {5, 1, 0.5, FALSE};
    g_autoptr(WpPathSet) set = NULL;
    g_autoptr(WpPathReport) r = report_to(sc, &s1, 1, person(g, "b"), &tight, &set);
    g_assert_cmpuint(r->paths->len, ==, 0);
    g_assert_nonnull(r->beyond_limits);
    g_assert_cmpuint(r->beyond_limits->source, ==, person(g, "s2"));
    g_assert_true(r->hint.max_hops_hides);
    g_assert_cmpuint(r->hint.max_hops, ==, 2);
    g_assert_true(r->hint.floor_hides);
    g_assert_cmpfloat_with_epsilon(r->hint.min_probability, 0.44, 1e-12); /* 0.444170 */
    g_autoptr(GPtrArray) why = wp_report_no_path_sentences(r);
    g_assert_cmpstr(why->pdata[1], ==,
                    "Beyond them, the best path has 2 hops and a 44 % chance: use --max-hops 2 "
                    "and --min-probability 0.44 to see it.");
    g_autoptr(JsonNode) json = wp_report_paths_json(r);
    JsonObject *no_path = json_object_get_object_member(json_node_get_object(json), "no_path");
    JsonObject *beyond = json_object_get_object_member(no_path, "beyond_limits");
    g_assert_cmpstr(json_object_get_string_member(beyond, "source"), ==, "s2");
    g_assert_cmpuint(json_array_get_length(json_object_get_array_member(no_path, "colleagues")), ==,
                     0);

    /* Xena is tied to no one: nothing beyond the limits, no one at her account either. */
    g_autoptr(WpPathSet) far_set = NULL;
    g_autoptr(WpPathReport) far = report_to(sc, &s1, 1, person(g, "x"), &DEFAULTS, &far_set);
    g_autoptr(GPtrArray) far_why = wp_report_no_path_sentences(far);
    g_assert_cmpstr(far_why->pdata[1], ==,
                    "Xena Far is not connected to anyone your network reaches.");
    g_assert_cmpstr(far_why->pdata[2], ==,
                    "No one at Faraway is reachable either: look for a first contact there (an "
                    "event, a customer reference, a cold approach).");
}

/* The evidence a ledger attaches is said after the model's figure. */
static void test_learned_words(void)
{
    g_autoptr(WpScoring) sc = load_network();
    const WpGraph *g = wp_scoring_graph(sc);
    WpHopReason hop;
    WpTie tie;
    g_assert_true(wp_graph_find_tie(g, person(g, "s1"), person(g, "a"), &tie));
    wp_hop_reason_fill(sc, person(g, "s1"), person(g, "a"), tie, 0, &hop);
    hop.flags |= WP_HOP_LEARNED;
    hop.learned_strength = 0.78;
    hop.effective = 0.78;
    hop.successes = 2;
    hop.failures = 1;
    hop.evidence = "2 agreed, 1 declined";
    g_autofree char *text = wp_report_strength_text(&hop);
    g_assert_cmpstr(text, ==,
                    "declared strength 0.80, model 0.54 (last contact 2024-11-01, 730 days ago; "
                    "decay x 0.68), learned 0.78 from 3 asks (2 agreed, 1 declined)");
}

/* A scoring's override is the learned strength: the hop reason takes it and its evidence from
 * the scoring, keeps the model's figure beside it, and the path's chance uses it. */
static void test_learned_from_scoring(void)
{
    g_autoptr(WpScoring) plain = load_network();
    const WpGraph *g = wp_scoring_graph(plain);
    WpTie tie;
    g_assert_true(wp_graph_find_tie(g, person(g, "s1"), person(g, "a"), &tie));
    g_autoptr(WpTieOverrides) o = wp_tie_overrides_new();
    g_autofree char *detail = g_strdup("2 agreed, 1 declined");
    WpTieEvidence evidence = {2, 1, 0.54, 2, detail};
    wp_tie_overrides_set(o, tie, 0.78, &evidence);
    g_autoptr(WpScoring) sc = load_network_with(o);
    g_clear_pointer(&detail, g_free); /* the scoring keeps its own copies */
    g_clear_pointer(&o, wp_tie_overrides_free);
    g = wp_scoring_graph(sc);

    WpHopReason hop;
    wp_hop_reason_fill(sc, person(g, "s1"), person(g, "a"), tie, 0, &hop);
    g_assert_cmpuint(hop.flags & WP_HOP_LEARNED, ==, WP_HOP_LEARNED);
    g_assert_cmpfloat(hop.learned_strength, ==, 0.78);
    g_assert_cmpfloat(hop.effective, ==, 0.78);
    g_assert_cmpfloat_with_epsilon(hop.model_strength, 0.8 * 0.675, 0.005); /* "model 0.54" */
    g_assert_cmpuint(hop.successes, ==, 2);
    g_assert_cmpuint(hop.failures, ==, 1);
    g_assert_cmpstr(hop.evidence, ==, "2 agreed, 1 declined");
    g_autofree char *text = wp_report_strength_text(&hop);
    g_assert_cmpstr(text, ==,
                    "declared strength 0.80, model 0.54 (last contact 2024-11-01, 730 days ago; "
                    "decay x 0.68), learned 0.78 from 3 asks (2 agreed, 1 declined)");

    /* The same tie under the plain scoring is the model's alone. */
    WpHopReason model_hop;
    wp_hop_reason_fill(plain, person(g, "s1"), person(g, "a"), tie, 0, &model_hop);
    g_assert_cmpuint(model_hop.flags & WP_HOP_LEARNED, ==, 0);
    g_assert_true(isnan(model_hop.learned_strength));
    g_assert_cmpfloat(model_hop.effective, ==, hop.model_strength);
    g_assert_null(model_hop.evidence);

    /* In a report the path through Ann is scored and explained with the learned strength. */
    WpPerson s1 = person(g, "s1");
    g_autoptr(WpPathSet) set = NULL;
    g_autoptr(WpPathReport) r = report_to(sc, &s1, 1, person(g, "b"), &DEFAULTS, &set);
    const WpPathReason *via_ann = NULL;
    for (guint i = 0; i < r->paths->len; i++)
        if (g_array_index(r->paths, WpPathReason, i).source == person(g, "a"))
            via_ann = &g_array_index(r->paths, WpPathReason, i);
    g_assert_nonnull(via_ann);
    g_assert_cmpuint(via_ann->hops[0].flags & WP_HOP_LEARNED, ==, WP_HOP_LEARNED);
    g_assert_cmpfloat_with_epsilon(via_ann->path->probability, 0.78 * ANN_BOB * 0.75, EPS);
}

/* The JSON's fields are the reasons: spot checks against the hand-worked figures. */
static void test_json_fields(void)
{
    g_autoptr(WpScoring) sc = load_network();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s1 = person(g, "s1");
    g_autoptr(WpPathSet) set = NULL;
    g_autoptr(WpPathReport) r = report_to(sc, &s1, 1, person(g, "b"), &DEFAULTS, &set);
    g_autoptr(JsonNode) json = wp_report_paths_json(r);
    JsonObject *root = json_node_get_object(json);
    JsonObject *query = json_object_get_object_member(root, "query");
    g_assert_cmpstr(json_object_get_string_member(query, "mode"), ==, "sources");
    g_assert_cmpstr(json_object_get_string_member(query, "as_of"), ==, "2026-11-01");
    JsonArray *paths = json_object_get_array_member(root, "paths");
    g_assert_cmpuint(json_array_get_length(paths), ==, 3);
    JsonObject *tom = json_array_get_object_element(paths, 0);
    g_assert_cmpstr(json_object_get_string_member(tom, "source_role"), ==, "teammate");
    g_assert_true(json_object_get_boolean_member(tom, "team_hop"));
    JsonObject *team = json_array_get_object_element(json_object_get_array_member(tom, "hops"), 0);
    g_assert_cmpstr(json_object_get_string_member(team, "type"), ==, "team");
    g_assert_true(json_object_get_null_member(team, "declared_strength"));
    g_assert_true(json_object_get_boolean_member(team, "team_tie"));
    JsonObject *ann = json_array_get_object_element(paths, 1);
    JsonArray *hops = json_object_get_array_member(ann, "hops");
    JsonObject *ann_bob = json_array_get_object_element(hops, 1);
    g_assert_cmpstr(json_object_get_string_member(ann_bob, "type"), ==, "friend+social");
    g_assert_cmpstr(json_object_get_string_member(ann_bob, "prior_type"), ==, "friend");
    g_assert_cmpfloat_with_epsilon(json_object_get_double_member(ann_bob, "effective_strength"),
                                   ANN_BOB, EPS);
    g_assert_cmpint(json_object_get_int_member(ann_bob, "interactions"), ==, 0);
    g_assert_true(json_object_get_null_member(ann_bob, "last_contact"));
    g_assert_true(json_object_get_boolean_member(ann_bob, "never_interacted"));
    g_assert_false(json_object_get_boolean_member(ann_bob, "social_only"));
    g_assert_cmpfloat(json_object_get_double_member(ann_bob, "intermediary_factor"), ==, 0.75);
    JsonObject *dee_bob = json_array_get_object_element(
        json_object_get_array_member(json_array_get_object_element(paths, 2), "hops"), 1);
    g_assert_true(json_object_get_boolean_member(dee_bob, "directed"));
    g_assert_true(json_object_get_null_member(root, "no_path"));

    /* The table's words travel with the numbers (the web page shows them as they are). */
    g_assert_true(g_str_has_prefix(json_object_get_string_member(root, "heading"),
                                   "Introductions to Bob Target (VP Finance, Globex) for Sara "
                                   "Seller: one path per referral source"));
    g_assert_cmpstr(json_object_get_string_member(ann_bob, "sentence"), ==,
                    "Ann Source → Bob Target: friend and LinkedIn connection, no declared "
                    "strength, friend prior 0.75, effective 0.38 (no last contact on record: x "
                    "0.85; never interacted: x 0.60)");
    g_assert_cmpstr(json_object_get_string_member(ann, "passing_on"), ==,
                    "passing it on: Ann Source (x 0.75)");
    g_assert_true(
        g_str_has_prefix(json_object_get_string_member(ann, "headline"), "Ask Ann Source"));
    g_assert_true(g_str_has_suffix(json_object_get_string_member(ann, "headline"), "% chance"));
    JsonObject *at_least_one = json_object_get_object_member(root, "at_least_one");
    g_assert_true(g_str_has_prefix(json_object_get_string_member(at_least_one, "sentence"),
                                   "Asking through all 3 paths, the chance that at least one"));
    g_assert_true(json_object_get_null_member(root, "direct_advice"));

    /* No path: the reasons and what to do, as the table says them. */
    g_autoptr(WpPathSet) far_set = NULL;
    g_autoptr(WpPathReport) far = report_to(sc, &s1, 1, person(g, "x"), &DEFAULTS, &far_set);
    g_autoptr(JsonNode) far_json = wp_report_paths_json(far);
    JsonObject *no_path = json_object_get_object_member(json_node_get_object(far_json), "no_path");
    JsonArray *why = json_object_get_array_member(no_path, "sentences");
    g_assert_cmpuint(json_array_get_length(why), ==, 3);
    g_assert_cmpstr(json_array_get_string_element(why, 1), ==,
                    "Xena Far is not connected to anyone your network reaches.");
    g_assert_true(json_object_get_null_member(
        json_object_get_object_member(json_node_get_object(far_json), "at_least_one"), "sentence"));
}

/* The network's files in a temporary folder, for the CLI. */
static char *write_network(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = cli_temp_dir();
    g_autofree char *ties = g_build_filename(dir, "edges.csv", NULL);
    g_autofree char *people = g_build_filename(dir, "people.csv", NULL);
    g_assert_true(g_file_set_contents(ties, TIES, -1, &error));
    g_assert_true(g_file_set_contents(people, PEOPLE, -1, &error));
    g_assert_no_error(error);
    return dir;
}

/* @root as `warmpath --format json` writes it: pretty, one newline after. */
static char *as_printed(JsonNode *root)
{
    g_autofree char *text = json_to_string(root, TRUE);
    return g_strconcat(text, "\n", NULL);
}

/* `warmpath ARGS --data DIR --as-of 2026-11-01 --format json` succeeds; its stdout. */
static char *cli_json(const char *dir, const char *const *args)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    for (guint i = 0; args[i] != NULL; i++)
        g_ptr_array_add(argv, (gpointer)args[i]);
    const char *common[] = {"--data", dir, "--as-of", "2026-11-01", "--format", "json", NULL};
    for (guint i = 0; common[i] != NULL; i++)
        g_ptr_array_add(argv, (gpointer)common[i]);
    g_ptr_array_add(argv, NULL);
    g_auto(CliRun) run = {0};
    if (!cli_run_argv(&run, (const char *const *)argv->pdata))
        return NULL;
    g_assert_cmpint(run.status, ==, 0);
    return g_steal_pointer(&run.out);
}

/* s1's ranking of the Globex territory and a plan of 2 asks with their routes, as `warmpath rank
 * --from "Sara Seller" --where company=Globex --plan 2` asks for them. */
typedef struct {
    WpPerson seller;
    WpTerritory *territory;
    WpRankQuery query; /* points at seller and territory */
    WpRankResult *result;
    WpRankPlan *plan;
} GlobexRanking;

static void globex_ranking_init(GlobexRanking *r, const WpScoring *sc)
{
    const WpGraph *g = wp_scoring_graph(sc);
    g_autoptr(GError) error = NULL;
    r->seller = person(g, "s1");
    const char *where[] = {"company=Globex", NULL};
    WpTerritorySpec spec = {where, NULL, wp_scoring_model(sc), "default", NULL};
    r->territory = wp_territory_select(g, &spec, &error);
    g_assert_no_error(error);
    r->query = (WpRankQuery){.sellers = &r->seller,
                             .n_sellers = 1,
                             .targets = (const WpPerson *)r->territory->people->data,
                             .n_targets = r->territory->people->len,
                             .max_hops = 4,
                             .min_probability = 0.01,
                             .n_best = 3};
    r->result = wp_rank_run(sc, NULL, &r->query, NULL, &error);
    g_assert_no_error(error);
    r->plan = wp_rank_plan(r->result, 2, 3, 0.05);
    g_assert_true(wp_rank_plan_routes(sc, NULL, &r->query, r->result, r->plan, NULL, &error));
    g_assert_no_error(error);
}

static void globex_ranking_clear(GlobexRanking *r)
{
    g_clear_pointer(&r->plan, wp_rank_plan_free);
    g_clear_pointer(&r->result, wp_rank_result_free);
    g_clear_pointer(&r->territory, wp_territory_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(GlobexRanking, globex_ranking_clear)

/* The CLI prints the library's JSON: path, path --to-company, rank --plan and stats, byte for
 * byte against the library's functions called here. */
static void test_cli_prints_library_json(void)
{
    g_autofree char *dir = write_network();
    g_autoptr(WpScoring) sc = load_network();
    const WpGraph *g = wp_scoring_graph(sc);
    WpPerson s1 = person(g, "s1");

    const char *path_args[] = {"path",       "--from", "Sara Seller", "--to",
                               "Bob Target", "--at",   "Globex",      NULL};
    g_autofree char *cli_path = cli_json(dir, path_args);
    if (cli_path == NULL) {
        cli_remove_dir(dir);
        return;
    }
    g_autoptr(WpPathSet) set = NULL;
    g_autoptr(WpPathReport) r = report_to(sc, &s1, 1, person(g, "b"), &DEFAULTS, &set);
    g_autoptr(JsonNode) path_json = wp_report_paths_json(r);
    g_autofree char *lib_path = as_printed(path_json);
    g_assert_cmpstr(cli_path, ==, lib_path);

    const char *account_args[] = {"path", "--from", "s1", "--to-company", "globex inc", NULL};
    g_autofree char *cli_account = cli_json(dir, account_args);
    g_autoptr(GError) error = NULL;
    WpPathQuery all = {0, 4, 0.01, FALSE};
    g_autoptr(WpPathSet) account =
        wp_path_find_into_company(sc, NULL, &s1, 1, "globex inc", NULL, &all, NULL, &error);
    g_assert_no_error(error);
    WpPathRequest request = {&s1, 1, all, "globex inc", "Globex", NULL, "default"};
    g_autoptr(WpPathReport) account_report = wp_path_report_new(sc, account, &request);
    g_autoptr(JsonNode) account_json = wp_report_account_json(account_report);
    g_autofree char *lib_account = as_printed(account_json);
    g_assert_cmpstr(cli_account, ==, lib_account);

    const char *rank_args[] = {"rank",           "--from", "Sara Seller", "--where",
                               "company=Globex", "--plan", "2",           NULL};
    g_autofree char *cli_rank = cli_json(dir, rank_args);
    g_auto(GlobexRanking) ranking = {0};
    globex_ranking_init(&ranking, sc);
    WpRankRequest rank_request = {&s1, 1, ranking.territory, 0, 3, 0.05, 4, 0.01, "default"};
    g_autoptr(WpRankReport) rank =
        wp_rank_report_new(sc, ranking.result, ranking.plan, &rank_request);
    g_autoptr(JsonNode) rank_json = wp_report_rank_json(rank);
    g_autofree char *lib_rank = as_printed(rank_json);
    g_assert_cmpstr(cli_rank, ==, lib_rank);

    const char *stats_args[] = {"stats", NULL};
    g_autofree char *cli_stats = cli_json(dir, stats_args);
    WpStats stats;
    g_assert_true(wp_scoring_compute_stats(sc, &stats, &error));
    g_autoptr(JsonNode) stats_json = wp_report_stats_json(g, &stats);
    wp_stats_clear(&stats);
    g_autofree char *lib_stats = as_printed(stats_json);
    g_assert_cmpstr(cli_stats, ==, lib_stats);
    cli_remove_dir(dir);
}

/* A ranking's reasons: the source's tie, the fellow seller apart, the plan's routes. */
static void test_rank(void)
{
    g_autoptr(WpScoring) sc = load_network();
    const WpGraph *g = wp_scoring_graph(sc);
    g_auto(GlobexRanking) ranking = {0};
    globex_ranking_init(&ranking, sc);
    WpTerritory *territory = ranking.territory;
    WpRankResult *result = ranking.result;
    WpRankPlan *plan = ranking.plan;
    g_assert_cmpuint(territory->people->len, ==, 2); /* Bob and Dee */
    WpRankRequest request = {&ranking.seller, 1, territory, 1, 3, 0.05, 4, 0.01, "default"};
    g_autoptr(WpRankReport) r = wp_rank_report_new(sc, result, plan, &request);

    g_assert_cmpuint(r->sources->len, ==, 1); /* --top 1 */
    const WpSourceReason *first = &g_array_index(r->sources, WpSourceReason, 0);
    g_assert_true(first->source == &g_array_index(result->sources, WpRankSource, 0));
    g_assert_cmpuint(first->rank, ==, 1);
    g_assert_cmpint(first->role, ==, WP_SOURCE_CONTACT);
    g_assert_true(first->has_tie);
    g_assert_cmpfloat_with_epsilon(first->tie.effective, first->source->strength, EPS);
    g_assert_cmpuint(r->colleagues->len, ==, 1);
    const WpSourceReason *tom = &g_array_index(r->colleagues, WpSourceReason, 0);
    g_assert_cmpuint(tom->source->person, ==, person(g, "s2"));
    g_assert_cmpuint(tom->rank, ==, 0);
    g_assert_cmpint(tom->role, ==, WP_SOURCE_TEAMMATE);
    g_assert_cmpuint(tom->tie.flags, ==, WP_HOP_TEAM_TIE | WP_HOP_TEAMMATE);
    g_autofree char *rel = wp_report_relationship(tom, TRUE);
    g_assert_cmpstr(rel, ==, "team tie");
    g_autofree char *tie = wp_report_source_tie_text(r, tom);
    g_assert_cmpstr(tie, ==, "team tie 90 %");

    g_assert_cmpuint(r->asks->len, ==, plan->asks->len);
    for (guint i = 0; i < r->asks->len; i++) {
        const WpPathReason *route = &g_array_index(r->asks, WpPathReason, i);
        const WpRankAsk *ask = &g_array_index(plan->asks, WpRankAsk, i);
        g_assert_cmpuint(route->n_hops, ==, ask->route.n_people - 1);
        double p = 1;
        for (guint h = 0; h < route->n_hops; h++)
            p *= route->hops[h].effective * route->hops[h].intermediary_factor;
        g_assert_cmpfloat_with_epsilon(p, ask->probability, 1e-12);
    }
    g_autoptr(GPtrArray) heading = wp_report_rank_heading(r);
    g_assert_cmpstr(heading->pdata[0], ==,
                    "Territory: 2 people selected by --where company=Globex.");
    g_autoptr(GPtrArray) notes = wp_report_rank_notes(r);
    g_assert_cmpstr(notes->pdata[0], ==,
                    "Tied to you only by a weak or cold tie, so ranked like the rest (reconnect, "
                    "or ask for an introduction): Dee Direct (Buyer, Globex).");
}

/* The tables front ends print: rows as cells, the same rows as JSON. */
static void test_table_json(void)
{
    g_autoptr(WpTable) t = wp_table_new();
    wp_table_add_column(t, "name", FALSE);
    wp_table_add_column(t, "count", TRUE);
    const char *rows[][2] = {{"a", "3"}, {"b", "2.50"}, {"c", ""}, {NULL, "1e3"}, {"e", "nan"}};
    for (guint i = 0; i < G_N_ELEMENTS(rows); i++)
        wp_table_add_row(t, rows[i]);
    g_assert_cmpstr(wp_table_cell(t, 3, 0), ==, "");
    g_autoptr(JsonNode) json = wp_table_to_json(t);
    g_autofree char *text = json_to_string(json, FALSE);
    g_assert_cmpstr(text, ==,
                    "[{\"name\":\"a\",\"count\":3},{\"name\":\"b\",\"count\":2.5},{\"name\":\"c\","
                    "\"count\":null},{\"name\":\"\",\"count\":1000},{\"name\":\"e\",\"count\":"
                    "null}]");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/report/hops", test_hops);
    g_test_add_func("/report/words", test_words);
    g_test_add_func("/report/words-sellers", test_words_sellers);
    g_test_add_func("/report/direct-and-no-path", test_direct_and_no_path);
    g_test_add_func("/report/beyond-limits", test_beyond_limits);
    g_test_add_func("/report/learned-words", test_learned_words);
    g_test_add_func("/report/learned-from-scoring", test_learned_from_scoring);
    g_test_add_func("/report/json-fields", test_json_fields);
    g_test_add_func("/report/rank", test_rank);
    g_test_add_func("/report/table-json", test_table_json);
    g_test_add_func("/report/cli-prints-library-json", test_cli_prints_library_json);
    return g_test_run();
}
