/* SPDX-License-Identifier: MIT */
/* warmpath connect: introductions between the seller's contacts. A small network worked by hand
 * (which pairs, in what order, why), then properties on the demo and a shared dataset checked
 * against the ties file read here, not through the graph. */
#include <warmpath/warmpath.h>

#include <math.h>
#include <string.h>

#include "query-helpers.h"

/* Sam sells; eight contacts. Worked by hand in the comments of test_hand_order(). */
static const char hand_people[] =
    "id,name,company,title,function,industry,region,team\n"
    "s,Sam Seller,Us Inc,Account Executive,Sales,Software,East,sales\n"
    "c1,Cara Client,Bank A,CFO,Finance,Fintech,East,\n"
    "v1,Vic Vendor,Tools Co,Director,Engineering,Software,East,\n"
    "p1,Pete Peer,Shop C,CFO,Finance,Retail,West,\n"
    "r1,Rita Rep,Agency D,Sales Manager,Sales,Media,East,\n"
    "f1,Fay Friend,,,,,East,\n"
    "f2,Flo Family,,,,,,\n"
    "k1,Kim Colleague,Bank A,Controller,Finance,Fintech,East,\n"
    "t1,Tom Tied,Media Co,Marketer,Marketing,Media,West,\n"
    "x1,Xena,Bank B,Controller,Finance,Fintech,West,\n"
    "y1,Yuri,Shop E,Buyer,Operations,Retail,West,\n"
    "z1,Zed Common,,,,,,\n"
    "w1,Walt,,,,,,\n";

static const char hand_ties[] = "source,target,strength,type\n"
                                "s,c1,0.9,client\n"
                                "s,v1,0.6,vendor\n"
                                "s,p1,0.5,friend\n"
                                "s,r1,0.8,referred\n"
                                "s,f1,0.7,friend\n"
                                "s,f2,0.4,family\n"
                                "s,k1,0.36,colleague\n"
                                "s,t1,0.2,social\n"
                                "t1,c1,0.5,social\n"
                                "v1,x1,0.5,vendor\n"
                                "r1,y1,0.5,client\n"
                                "f1,z1,0.5,friend\n"
                                "f2,z1,0.5,friend\n"
                                "t1,w1,0.5,friend\n"
                                "w1,p1,0.5,friend\n";

/* The raw model: effective strength = declared, so the scores are worked out by hand. */
static WpScoring *hand_scoring(const char *ties, const char *people)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(ties, people, WP_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_assert_cmpfloat(wp_model_weak_tie_below(raw), ==, 0.3);
    WpDay as_of;
    g_assert_true(wp_day_parse("2026-11-01", &as_of));
    return wp_scoring_new(g, raw, as_of, NULL);
}

static WpConnectResult *run(const WpScoring *scoring, const char *seller, const WpWhere *where,
                            guint max_contacts, guint top)
{
    WpPerson s = demo_person(wp_scoring_graph(scoring), seller);
    WpConnectQuery q = {&s, 1, where, max_contacts, top};
    g_autoptr(GError) error = NULL;
    WpConnectResult *r = wp_connect_find(scoring, &q, NULL, &error);
    g_assert_no_error(error);
    g_assert_nonnull(r);
    return r;
}

typedef struct {
    const char *a, *b, *kind;
    double score;
} Expected;

static void assert_pairs(const WpGraph *g, const GArray *pairs, const Expected *want, guint n)
{
    g_assert_cmpuint(pairs->len, ==, n);
    for (guint i = 0; i < n; i++) {
        const WpConnectPair *p = &g_array_index(pairs, WpConnectPair, i);
        g_test_message("pair %u: %s %s %s %.6f", i + 1, wp_graph_person_id(g, p->a),
                       wp_graph_person_id(g, p->b), wp_connect_kind_name(p->kind), p->score);
        g_assert_cmpstr(wp_graph_person_id(g, p->a), ==, want[i].a);
        g_assert_cmpstr(wp_graph_person_id(g, p->b), ==, want[i].b);
        g_assert_cmpstr(wp_connect_kind_name(p->kind), ==, want[i].kind);
        g_assert_cmpfloat_with_epsilon(p->score, want[i].score, 1e-9);
    }
}

/* Score = tie A x tie B x fit x hole. fit: client-vendor 1, account 0.9, peers 0.7, trusted 0.4;
 * x 0.85 unless both are in one region (f2 has none); peers x 0.85 unless one industry. hole =
 * 1 / (1 + common + 0.1 x paths of length 3).
 *   c1,v1  client + vendor; Tools Co works with Bank B (Fintech, not Bank A): .9*.6       = .54
 *   r1,p1  Rita sells; Agency D works with Shop E (Retail); no one at Agency D knows Shop C;
 *          East/West: .8*.5*.9*.85                                                        = .306
 *   c1,r1  no attribute rule (Agency D serves Retail, c1 is Fintech); both strong: .9*.8*.4 = .288
 *   c1,f1  trusted .9*.7*.4 = .252;  r1,f1 trusted .8*.7*.4 = .224
 *   c1,p1  peers (Finance), apart in region and industry, one path c1-t1-w1-p1:
 *          .9*.5*.7*.85*.85/1.1                                                           =
 * .2068977 v1,k1  Vic is Sam's vendor: sells; Tools Co works with Fintech (Bank B, not Bank A),
 * knows no one at Bank A: .6*.36*.9                                                    = .1944
 *   r1,v1  trusted .8*.6*.4 = .192 (the stronger tie first);  f1,v1 .7*.6*.4 = .168
 *   c1,f2  .9*.4*.34 = .1224;  f1,p1 .7*.5*.34 = .119;  r1,k1 .8*.36*.4 = .1152
 *   r1,f2  .8*.4*.34 = .1088;  v1,p1 .6*.5*.34 = .102;  f1,k1 .7*.36*.4 = .1008
 *   p1,k1  peers, apart twice: .5*.36*.7*.85*.85                                          = .091035
 *   v1,f2  .6*.4*.34 = .0816;  p1,f2 .5*.4*.34 = .068;  f2,k1 .4*.36*.34 = .04896
 *   f1,f2  trusted, Zed in common (hole 1/2): .7*.4*.34/2                                 = .0476
 * Not proposed: c1,t1 (tied), c1,k1 (one company), t1 with anyone else (weak, no rule). */
static const Expected hand_expected[] = {
    {"c1", "v1", "client-vendor", 0.54}, {"r1", "p1", "account", 0.306},
    {"c1", "r1", "trusted", 0.288},      {"c1", "f1", "trusted", 0.252},
    {"r1", "f1", "trusted", 0.224},      {"c1", "p1", "peers", 0.45 * 0.7 * 0.85 * 0.85 / 1.1},
    {"v1", "k1", "account", 0.1944},     {"r1", "v1", "trusted", 0.192},
    {"f1", "v1", "trusted", 0.168},      {"c1", "f2", "trusted", 0.1224},
    {"f1", "p1", "trusted", 0.119},      {"r1", "k1", "trusted", 0.1152},
    {"r1", "f2", "trusted", 0.1088},     {"v1", "p1", "trusted", 0.102},
    {"f1", "k1", "trusted", 0.1008},     {"p1", "k1", "peers", 0.5 * 0.36 * 0.7 * 0.85 * 0.85},
    {"v1", "f2", "trusted", 0.0816},     {"p1", "f2", "trusted", 0.068},
    {"f2", "k1", "trusted", 0.04896},    {"f1", "f2", "trusted", 0.0476},
};

static void test_hand_order(void)
{
    g_autoptr(WpScoring) scoring = hand_scoring(hand_ties, hand_people);
    const WpGraph *g = wp_scoring_graph(scoring);
    g_autoptr(WpConnectResult) r = run(scoring, "s", NULL, 0, 0);
    assert_pairs(g, r->pairs, hand_expected, G_N_ELEMENTS(hand_expected));
    g_assert_cmpuint(r->n_pairs, ==, 20);
    g_assert_cmpuint(r->n_contacts, ==, 8);
    g_assert_cmpuint(r->n_paired, ==, 8);
    g_assert_cmpuint(r->n_tied, ==, 1);
    g_assert_cmpuint(r->n_same_company, ==, 1);
    g_assert_cmpuint(r->n_no_rule, ==, 6);
    g_assert_cmpuint(r->n_sellers_left_out, ==, 0);
}

static const WpConnectPair *find_pair(const WpGraph *g, const GArray *pairs, const char *a,
                                      const char *b)
{
    for (guint i = 0; i < pairs->len; i++) {
        const WpConnectPair *p = &g_array_index(pairs, WpConnectPair, i);
        if (strcmp(wp_graph_person_id(g, p->a), a) == 0 &&
            strcmp(wp_graph_person_id(g, p->b), b) == 0)
            return p;
    }
    g_assert_not_reached();
}

static void test_hand_factors(void)
{
    g_autoptr(WpScoring) scoring = hand_scoring(hand_ties, hand_people);
    const WpGraph *g = wp_scoring_graph(scoring);
    g_autoptr(WpConnectResult) r = run(scoring, "s", NULL, 0, 0);
    const WpConnectPair *cv = find_pair(g, r->pairs, "c1", "v1");
    g_assert_cmpuint(cv->evidence, ==, 1);
    g_assert_cmpfloat(cv->strength_a, ==, 0.9);
    g_assert_cmpfloat(cv->strength_b, ==, 0.6);
    g_assert_true(cv->same_region);
    g_assert_cmpuint(cv->common, ==, 0);
    g_assert_cmpuint(cv->paths3, ==, 0);
    const WpConnectPair *peers = find_pair(g, r->pairs, "c1", "p1");
    g_assert_cmpuint(peers->paths3, ==, 1);
    g_assert_cmpuint(peers->common, ==, 0);
    g_assert_false(peers->same_region);
    g_assert_false(peers->same_industry);
    const WpConnectPair *ff = find_pair(g, r->pairs, "f1", "f2");
    g_assert_cmpuint(ff->common, ==, 1);
    g_assert_cmpstr(wp_graph_person_id(g, ff->common_example), ==, "z1");
    g_assert_cmpfloat_with_epsilon(ff->hole, 0.5, 1e-12);
    g_assert_cmpstr(wp_graph_person_id(g, ff->seller), ==, "s");
}

static void test_hand_why(void)
{
    g_autoptr(WpScoring) scoring = hand_scoring(hand_ties, hand_people);
    const WpGraph *g = wp_scoring_graph(scoring);
    g_autoptr(WpConnectResult) r = run(scoring, "s", NULL, 0, 0);
    g_autoptr(WpConnectReport) report = wp_connect_report_new(scoring, r, "raw", NULL);
    g_autofree char *cv = wp_connect_pair_why(report, find_pair(g, r->pairs, "c1", "v1"));
    g_assert_cmpstr(cv, ==,
                    "Your client Cara Client (CFO, Bank A) could use your vendor Vic Vendor "
                    "(Tools Co), whose company already works with 1 Fintech company. Your ties: "
                    "client 90 %, vendor 60 %. Both in East. No one else joins them.");
    g_autofree char *acc = wp_connect_pair_why(report, find_pair(g, r->pairs, "r1", "p1"));
    g_assert_cmpstr(acc, ==,
                    "Rita Rep (Sales Manager, Agency D), whose company works with 1 Retail "
                    "company, knows no one at Shop C, where Pete Peer is CFO. Your ties: "
                    "referred 80 %, friend 50 %. No one else joins them.");
    g_autofree char *peers = wp_connect_pair_why(report, find_pair(g, r->pairs, "c1", "p1"));
    g_assert_cmpstr(peers, ==,
                    "Cara Client (CFO, Bank A) and Pete Peer (CFO, Shop C) both work in Finance at "
                    "different companies: peers who can swap notes. Your ties: client 90 %, "
                    "friend 50 %. No contact in common; 1 path through two people.");
    g_autofree char *ff = wp_connect_pair_why(report, find_pair(g, r->pairs, "f1", "f2"));
    g_assert_nonnull(strstr(ff, "both have a strong tie to you"));
    g_assert_nonnull(strstr(ff, "Already joined by 1 contact in common (Zed Common)."));
    g_autofree char *heading = wp_connect_report_heading(report);
    g_assert_cmpstr(heading, ==,
                    "Introductions Sam Seller can make: 20 pairs of contacts who are not tied to "
                    "each other and would gain from meeting, best first (raw model as of "
                    "2026-11-01).");
}

/* --top keeps the head of the full order; --where keeps pairs where one of the two meets it;
 * the cap pairs the strongest contacts only. */
static void test_hand_limits(void)
{
    g_autoptr(WpScoring) scoring = hand_scoring(hand_ties, hand_people);
    const WpGraph *g = wp_scoring_graph(scoring);
    g_autoptr(WpConnectResult) top = run(scoring, "s", NULL, 0, 5);
    assert_pairs(g, top->pairs, hand_expected, 5);
    g_assert_cmpuint(top->n_pairs, ==, 20);

    const char *expr[] = {"id=f2", NULL};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where = wp_select_where(g, expr, "--where", &error);
    g_assert_no_error(error);
    g_autoptr(WpConnectResult) only = run(scoring, "s", where, 0, 0);
    const Expected with_f2[] = {
        {"c1", "f2", "trusted", 0.1224},  {"r1", "f2", "trusted", 0.1088},
        {"v1", "f2", "trusted", 0.0816},  {"p1", "f2", "trusted", 0.068},
        {"f2", "k1", "trusted", 0.04896}, {"f1", "f2", "trusted", 0.0476},
    };
    assert_pairs(g, only->pairs, with_f2, G_N_ELEMENTS(with_f2));

    g_autoptr(WpConnectResult) capped = run(scoring, "s", NULL, 3, 0);
    const Expected strongest[] = {{"c1", "r1", "trusted", 0.288},
                                  {"c1", "f1", "trusted", 0.252},
                                  {"r1", "f1", "trusted", 0.224}};
    assert_pairs(g, capped->pairs, strongest, G_N_ELEMENTS(strongest));
    g_assert_cmpuint(capped->n_contacts, ==, 8);
    g_assert_cmpuint(capped->n_paired, ==, 3);
    g_assert_cmpfloat(capped->weakest_paired, ==, 0.7);
    g_autoptr(WpConnectReport) report = wp_connect_report_new(scoring, capped, "raw", NULL);
    g_autoptr(GPtrArray) notes = wp_connect_report_notes(report);
    g_assert_cmpstr(notes->pdata[0], ==,
                    "Only the 3 strongest of 8 contacts were paired (ties of 70 % and "
                    "stronger); --max-contacts 0 pairs them all.");
}

/* A directed tie still ties a pair (in either direction), and a contact reached only by a tie
 * into the seller is a contact. */
static void test_directed(void)
{
    const char *ties = "source,target,strength,type,directed\n"
                       "s,a,0.9,friend,false\n"
                       "b,s,0.8,friend,true\n"
                       "s,c,0.7,friend,false\n"
                       "b,a,0.5,friend,true\n";
    g_autoptr(WpScoring) scoring = hand_scoring(ties, NULL);
    const WpGraph *g = wp_scoring_graph(scoring);
    g_autoptr(WpConnectResult) r = run(scoring, "s", NULL, 0, 0);
    const Expected want[] = {{"a", "c", "trusted", 0.9 * 0.7 * 0.4 * 0.85},
                             {"b", "c", "trusted", 0.8 * 0.7 * 0.4 * 0.85}};
    assert_pairs(g, r->pairs, want, G_N_ELEMENTS(want));
    g_assert_cmpuint(r->n_contacts, ==, 3);
    g_assert_cmpuint(r->n_tied, ==, 1);
}

/* Several sellers: a pair needs one seller tied to both (the one with the larger product), and
 * sellers are never paired. */
static void test_team(void)
{
    const char *people = "id,name,team\n"
                         "s1,Ann,east\n"
                         "s2,Ben,east\n"
                         "a,A,\n"
                         "b,B,\n"
                         "c,C,\n";
    const char *ties = "source,target,strength,type\n"
                       "s1,s2,0.9,colleague\n"
                       "s1,a,0.9,friend\n"
                       "s1,b,0.5,friend\n"
                       "s2,b,0.8,friend\n"
                       "s2,a,0.4,friend\n"
                       "s2,c,0.6,friend\n";
    g_autoptr(WpScoring) scoring = hand_scoring(ties, people);
    const WpGraph *g = wp_scoring_graph(scoring);
    WpPerson sellers[] = {demo_person(g, "s1"), demo_person(g, "s2")};
    WpConnectQuery q = {sellers, 2, NULL, 0, 0};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpConnectResult) r = wp_connect_find(scoring, &q, NULL, &error);
    g_assert_no_error(error);
    /* a,b: s1 .9*.5 = .45 beats s2 .4*.8 = .32; b,c and a,c only through s2. */
    const Expected want[] = {{"b", "c", "trusted", 0.8 * 0.6 * 0.4 * 0.85},
                             {"a", "b", "trusted", 0.45 * 0.4 * 0.85},
                             {"c", "a", "trusted", 0.6 * 0.4 * 0.4 * 0.85}};
    assert_pairs(g, r->pairs, want, G_N_ELEMENTS(want));
    g_assert_cmpstr(wp_graph_person_id(g, g_array_index(r->pairs, WpConnectPair, 1).seller), ==,
                    "s1");
    g_assert_cmpuint(r->n_sellers_left_out, ==, 2);
}

/* Who owes you, from the ledger: the report keeps the favours, the JSON lists them after the
 * pairs (absent without a ledger), and the notes stay about the pairs. */
static void test_owed(void)
{
    g_autoptr(WpScoring) scoring = hand_scoring(hand_ties, hand_people);
    g_autoptr(WpConnectResult) r = run(scoring, "s", NULL, 0, 1);
    g_autoptr(WpConnectReport) report = wp_connect_report_new(scoring, r, "raw", NULL);
    g_autoptr(JsonNode) plain = wp_report_connect_json(report);
    g_assert_false(json_object_has_member(json_node_get_object(plain), "owed"));
    g_autoptr(GPtrArray) notes_before = wp_connect_report_notes(report);

    g_autoptr(GPtrArray) favours = g_ptr_array_new_with_free_func((GDestroyNotify)wp_favour_free);
    WpFavour *f = g_new0(WpFavour, 1);
    f->person.id = g_strdup("c1");
    f->person.name = g_strdup("Cara Client");
    f->last_to.id = g_strdup("v1");
    f->given = f->owed = 2;
    f->first_owed = f->last_given = wp_scoring_as_of(scoring) - 30;
    f->last_ask_on = WP_DAY_NONE;
    g_ptr_array_add(favours, f);
    wp_connect_report_set_owed(report, favours, 3, 1);
    g_autoptr(GPtrArray) notes = wp_connect_report_notes(report);
    g_assert_cmpuint(notes->len, ==, notes_before->len);
    g_autoptr(JsonNode) root = wp_report_connect_json(report);
    JsonObject *o = json_node_get_object(root);
    g_assert_cmpint(json_object_get_int_member(o, "introductions_given"), ==, 3);
    g_assert_cmpint(json_object_get_int_member(o, "introductions_returned"), ==, 1);
    JsonArray *owed = json_object_get_array_member(o, "owed");
    g_assert_cmpuint(json_array_get_length(owed), ==, 1);
    JsonObject *first = json_array_get_object_element(owed, 0);
    g_assert_cmpstr(json_object_get_string_member(first, "id"), ==, "c1");
    g_assert_cmpint(json_object_get_int_member(first, "given"), ==, 2);
    g_assert_cmpint(json_object_get_int_member(first, "days_since_given"), ==, 30);
}

static void test_cancelled(void)
{
    g_autoptr(WpScoring) scoring = hand_scoring(hand_ties, hand_people);
    WpPerson s = demo_person(wp_scoring_graph(scoring), "s");
    WpConnectQuery q = {&s, 1, NULL, 0, 0};
    g_autoptr(GCancellable) cancellable = g_cancellable_new();
    g_cancellable_cancel(cancellable);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpConnectResult) r = wp_connect_find(scoring, &q, cancellable, &error);
    g_assert_null(r);
    g_assert_error(error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The JSON: ids, the kind, score and reason, factors as numbers. */
static void test_json(void)
{
    g_autoptr(WpScoring) scoring = hand_scoring(hand_ties, hand_people);
    g_autoptr(WpConnectResult) r = run(scoring, "s", NULL, 0, 2);
    g_autoptr(WpConnectReport) report = wp_connect_report_new(scoring, r, "raw", NULL);
    g_autoptr(JsonNode) root = wp_report_connect_json(report);
    JsonObject *o = json_node_get_object(root);
    g_assert_cmpint(json_object_get_int_member(o, "pairs_found"), ==, 20);
    g_assert_cmpint(json_object_get_int_member(o, "contacts"), ==, 8);
    JsonArray *pairs = json_object_get_array_member(o, "pairs");
    g_assert_cmpuint(json_array_get_length(pairs), ==, 2);
    JsonObject *p = json_array_get_object_element(pairs, 0);
    g_assert_cmpstr(json_object_get_string_member(p, "a"), ==, "c1");
    g_assert_cmpstr(json_object_get_string_member(p, "b"), ==, "v1");
    g_assert_cmpstr(json_object_get_string_member(p, "a_name"), ==, "Cara Client");
    g_assert_cmpstr(json_object_get_string_member(p, "kind"), ==, "client-vendor");
    g_assert_cmpfloat_with_epsilon(json_object_get_double_member(p, "score"), 0.54, 1e-12);
    g_assert_nonnull(strstr(json_object_get_string_member(p, "why"), "Your client Cara"));
    JsonObject *f = json_object_get_object_member(p, "factors");
    g_assert_cmpfloat(json_object_get_double_member(f, "tie_a"), ==, 0.9);
    g_assert_cmpint(json_object_get_int_member(f, "evidence_companies"), ==, 1);
    g_assert_cmpstr(json_object_get_string_member(f, "relationship_b"), ==, "vendor");
}

/* ---- properties on real networks, against the ties file read here ---- */

/* "a\tb" for both orders of every row of a ties CSV with a header naming source and target
 * first (the demo's and Lazega's), each field unquoted. */
static GHashTable *read_ties(const char *path, GHashTable **neighbours)
{
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_get_contents(path, &text, NULL, &error));
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    g_assert_true(g_str_has_prefix(lines[0], "source,target"));
    GHashTable *tied = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    *neighbours =
        g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_hash_table_unref);
    for (guint i = 1; lines[i] != NULL; i++) {
        if (lines[i][0] == '\0')
            continue;
        g_assert_null(strchr(lines[i], '"'));
        g_auto(GStrv) f = g_strsplit(lines[i], ",", 3);
        g_assert_nonnull(f[1]);
        if (strcmp(f[0], f[1]) == 0)
            continue; /* a self-loop ties no one */
        g_hash_table_add(tied, g_strdup_printf("%s\t%s", f[0], f[1]));
        g_hash_table_add(tied, g_strdup_printf("%s\t%s", f[1], f[0]));
        for (guint k = 0; k < 2; k++) {
            GHashTable *set = g_hash_table_lookup(*neighbours, f[k]);
            if (set == NULL) {
                set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
                g_hash_table_insert(*neighbours, g_strdup(f[k]), set);
            }
            g_hash_table_add(set, g_strdup(f[1 - k]));
        }
    }
    return tied;
}

static char *result_json(const WpScoring *scoring, const WpConnectResult *r)
{
    g_autoptr(WpConnectReport) report = wp_connect_report_new(scoring, r, "default", NULL);
    g_autoptr(JsonNode) root = wp_report_connect_json(report);
    return json_to_string(root, TRUE);
}

/* For every seller: no pair is tied in the file, both are the seller's contacts in the file,
 * neither is a seller, the order is by score, and a second run says the same. */
static guint check_sellers(const WpScoring *scoring, const char *ties_file, const WpPerson *sellers,
                           guint n_sellers, guint max_contacts)
{
    const WpGraph *g = wp_scoring_graph(scoring);
    g_autoptr(GHashTable) neighbours = NULL;
    g_autoptr(GHashTable) tied = read_ties(ties_file, &neighbours);
    guint checked = 0;
    for (guint i = 0; i < n_sellers; i++) {
        const char *seller = wp_graph_person_id(g, sellers[i]);
        GHashTable *own = g_hash_table_lookup(neighbours, seller);
        WpConnectQuery q = {&sellers[i], 1, NULL, max_contacts, 0};
        g_autoptr(GError) error = NULL;
        g_autoptr(WpConnectResult) r = wp_connect_find(scoring, &q, NULL, &error);
        g_assert_no_error(error);
        g_autoptr(WpConnectReport) report = wp_connect_report_new(scoring, r, "default", NULL);
        for (guint k = 0; k < r->pairs->len; k++, checked++) {
            const WpConnectPair *p = &g_array_index(r->pairs, WpConnectPair, k);
            g_autofree char *why = wp_connect_pair_why(report, p);
            g_assert_null(strstr(why, "(null)")); /* every field the sentence names is known */
            const char *a = wp_graph_person_id(g, p->a), *b = wp_graph_person_id(g, p->b);
            g_autofree char *key = g_strdup_printf("%s\t%s", a, b);
            g_assert_false(g_hash_table_contains(tied, key));
            g_assert_nonnull(own);
            g_assert_true(g_hash_table_contains(own, a));
            g_assert_true(g_hash_table_contains(own, b));
            g_assert_cmpstr(a, !=, b);
            g_assert_cmpstr(a, !=, seller);
            g_assert_cmpstr(b, !=, seller);
            g_assert_cmpfloat(p->score, >, 0);
            g_assert_cmpfloat(p->score, <=, p->strength_a * p->strength_b);
            if (k > 0)
                g_assert_cmpfloat(p->score, <=,
                                  g_array_index(r->pairs, WpConnectPair, k - 1).score);
        }
        g_autoptr(WpConnectResult) again = wp_connect_find(scoring, &q, NULL, &error);
        g_assert_no_error(error);
        g_autofree char *x = result_json(scoring, r);
        g_autofree char *y = result_json(scoring, again);
        g_assert_cmpstr(x, ==, y);
    }
    return checked;
}

static void test_demo_properties(void)
{
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) scoring = demo_scoring(model);
    const WpGraph *g = wp_scoring_graph(scoring);
    WpPerson sellers[] = {demo_person(g, "p00001"), demo_person(g, "p00002"),
                          demo_person(g, "p00003"), demo_person(g, "p00004"),
                          demo_person(g, "p00005"), demo_person(g, "p00006"),
                          demo_person(g, "p00067")};
    const char *root = g_getenv("WP_SOURCE_DIR");
    g_autofree char *edges =
        root ? g_build_filename(root, "datasets", "demo", "edges.csv", NULL)
             : g_test_build_filename(G_TEST_DIST, "..", "datasets", "demo", "edges.csv", NULL);
    guint checked = check_sellers(scoring, edges, sellers, G_N_ELEMENTS(sellers), 0);
    g_test_message("%u pairs checked", checked);
    g_assert_cmpuint(checked, >, 1000);
}

/* Lazega's lawyers under the raw model (every tie strong), every lawyer as the seller. */
static void test_lazega_properties(void)
{
    const char *root = g_getenv("WP_SHARED_DATASETS");
    g_autofree char *edges =
        root ? g_build_filename(root, "lazega-lawyers", "lazega_edges.csv", NULL) : NULL;
    g_autofree char *people =
        root ? g_build_filename(root, "lazega-lawyers", "lazega_nodes.csv", NULL) : NULL;
    if (edges == NULL || !g_file_test(edges, G_FILE_TEST_EXISTS)) {
        g_test_skip("../shared/datasets is not beside the project");
        return;
    }
    WpLoadSpec spec = {.ties_file = edges, .people_file = people};
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load(&spec, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) raw = wp_model_new_raw();
    g_autoptr(WpScoring) scoring = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
    g_autoptr(GArray) everyone = g_array_new(FALSE, FALSE, sizeof(WpPerson));
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++)
        g_array_append_val(everyone, p);
    guint checked =
        check_sellers(scoring, edges, (const WpPerson *)everyone->data, everyone->len, 12);
    g_test_message("%u pairs checked", checked);
    g_assert_cmpuint(checked, >, 1000);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/connect/hand/order", test_hand_order);
    g_test_add_func("/connect/hand/factors", test_hand_factors);
    g_test_add_func("/connect/hand/why", test_hand_why);
    g_test_add_func("/connect/hand/limits", test_hand_limits);
    g_test_add_func("/connect/directed", test_directed);
    g_test_add_func("/connect/team", test_team);
    g_test_add_func("/connect/owed", test_owed);
    g_test_add_func("/connect/cancelled", test_cancelled);
    g_test_add_func("/connect/json", test_json);
    g_test_add_func("/connect/demo/properties", test_demo_properties);
    g_test_add_func("/connect/lazega/properties", test_lazega_properties);
    return g_test_run();
}
