/* SPDX-License-Identifier: MIT */
/* Follow-ups on a hand-made history: each rule, its due day, and the order of the list
 * (docs/ledger.md "Follow-ups"). */
#include <warmpath/warmpath.h>

#include <string.h>

#include "ask-helpers.h"

/* c3's tie to the seller is years cold; b5 (the client of ask 6) knows x1 and x2, the Fintech
 * territory. */
static const char *const people_csv = "id,name,company,industry\n"
                                      "s1,Sam,Us,\nc1,Cat,C,\nc2,Cid,C,\nc3,Col,C,\n"
                                      "b1,Bea,B,\nb2,Bob,B,\nb3,Bo,B,\nb4,Bu,B,\nb5,Bi,B,\n"
                                      "x1,Xena,X,Fintech\nx2,Xavi,Y,Fintech\n";
static const char *const ties_csv = "source,target,strength,last_contact\n"
                                    "s1,c1,0.9,2026-04-01\ns1,c2,0.8,2026-04-01\n"
                                    "s1,c3,0.7,2020-01-01\n"
                                    "c1,b1,0.8,2026-04-01\nc2,b1,0.7,2026-04-01\n"
                                    "c3,b1,0.9,2026-04-01\n"
                                    "c1,b2,0.8,2026-04-01\nc2,b2,0.7,2026-04-01\n"
                                    "c1,b3,0.8,2026-04-01\nc2,b3,0.7,2026-04-01\n"
                                    "c1,b4,0.8,2026-04-01\nc2,b4,0.7,2026-04-01\n"
                                    "c1,b5,0.8,2026-04-01\nc2,b5,0.7,2026-04-01\n"
                                    "b5,x1,0.8,2026-04-01\nb5,x2,0.5,2026-04-01\n";

static WpScoring *scoring(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(ties_csv, people_csv, WP_LOAD_DEFAULT, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) m = wp_model_new_default();
    return wp_scoring_new(g, m, ask_day("2026-04-10"), NULL);
}

static WpAsk *add_ask(GPtrArray *asks, gint64 id, const char *source, const char *target,
                      const char *asked_on)
{
    const char *const path[] = {"s1", source, target, NULL};
    WpAsk *a = ask_new(id, "s1", source, target, path, 0.5, ask_day(asked_on));
    g_ptr_array_add(asks, a);
    return a;
}

static GPtrArray *history(void)
{
    GPtrArray *asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    ask_add(add_ask(asks, 1, "c1", "b1", "2026-04-01"), WP_ASK_DECLINED, ask_day("2026-04-02"), -1);
    /* an earlier ask about b1, unanswered: ask 1 came after it, so it needs no next source */
    ask_add(add_ask(asks, 2, "c2", "b1", "2026-03-01"), WP_ASK_NO_ANSWER, ask_day("2026-03-15"),
            -1);
    ask_add(add_ask(asks, 3, "c1", "b2", "2026-04-08"), WP_ASK_AGREED, ask_day("2026-04-09"), -1);
    add_ask(asks, 4, "c1", "b3", "2026-03-30"); /* 11 days unanswered: nudge */
    add_ask(asks, 5, "c1", "b4", "2026-03-20"); /* 21 days: lapsed, next source */
    WpAsk *a = add_ask(asks, 6, "c2", "b5", "2026-03-01");
    ask_add(a, WP_ASK_MEETING, ask_day("2026-03-20"), -1);
    ask_add(a, WP_ASK_WON, ask_day("2026-04-05"), 9000);
    ask_add(add_ask(asks, 8, "c2", "b2", "2026-04-01"), WP_ASK_MEETING, ask_day("2026-04-07"), -1);
    ask_add(add_ask(asks, 9, "c1", "b3", "2025-12-01"), WP_ASK_WON, ask_day("2026-01-01"), -1);
    add_ask(asks, 10, "c1", "b5", "2026-04-20"); /* after the as-of day: not yet */
    return asks;
}

typedef struct {
    gint64 ask;
    WpFollowupAction action;
    const char *due;
    gint32 overdue;
    const char *person;
} Expected;

static void test_followups_rules_and_order(void)
{
    g_autoptr(WpScoring) s = scoring();
    g_autoptr(GPtrArray) asks = history();
    const char *const territory[] = {"industry=Fintech", NULL};
    WpFollowupOptions o = {.territory = territory};
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) f = wp_followups_compute(asks, s, ask_day("2026-04-10"), &o, NULL, &error);
    g_assert_no_error(error);
    const Expected want[] = {
        {1, WP_FOLLOWUP_NEXT_SOURCE, "2026-04-02", 8, "c3"},
        {1, WP_FOLLOWUP_RECONNECT, "2026-04-02", 8, "c3"},
        {5, WP_FOLLOWUP_NEXT_SOURCE, "2026-04-03", 7, "c2"},
        {6, WP_FOLLOWUP_THANK_AFTER_SALE, "2026-04-06", 4, "c2"},
        {4, WP_FOLLOWUP_NUDGE_SOURCE, "2026-04-06", 4, "c1"},
        {6, WP_FOLLOWUP_ASK_FOR_REFERRALS, "2026-04-06", 4, "b5"},
        {8, WP_FOLLOWUP_REPORT_TO_SOURCE, "2026-04-08", 2, "c2"},
        {3, WP_FOLLOWUP_THANK_SOURCE, "2026-04-10", 0, "c1"},
    };
    for (guint i = 0; i < f->len; i++) {
        const WpFollowup *x = g_ptr_array_index(f, i);
        g_test_message("%" G_GINT64_FORMAT " %s %d %s: %s", x->ask,
                       wp_followup_action_name(x->action), x->overdue_days, x->person.id,
                       x->sentence);
    }
    g_assert_cmpuint(f->len, ==, G_N_ELEMENTS(want));
    for (guint i = 0; i < f->len; i++) {
        const WpFollowup *x = g_ptr_array_index(f, i);
        g_assert_cmpint(x->ask, ==, want[i].ask);
        g_assert_cmpstr(wp_followup_action_name(x->action), ==,
                        wp_followup_action_name(want[i].action));
        g_assert_cmpint(x->due, ==, ask_day(want[i].due));
        g_assert_cmpint(x->overdue_days, ==, want[i].overdue);
        g_assert_cmpstr(x->person.id, ==, want[i].person);
    }
    /* next source: the path's own chance, computed apart */
    const WpFollowup *next = g_ptr_array_index(f, 0);
    const WpGraph *g = wp_scoring_graph(s);
    WpPerson p[] = {wp_graph_find_id(g, "s1"), wp_graph_find_id(g, "c3"),
                    wp_graph_find_id(g, "b1")};
    g_assert_cmpfloat_with_epsilon(next->probability, wp_scoring_path_probability(s, p, 3), 1e-12);
    g_assert_cmpstr(next->path[1], ==, "c3");
    g_assert_nonnull(strstr(((WpFollowup *)g_ptr_array_index(f, 1))->sentence, "gone cold"));
    /* the new client's reach: their own ties to the territory, best first */
    const WpFollowup *refer = g_ptr_array_index(f, 5);
    g_assert_cmpuint(refer->targets->len, ==, 2);
    const WpFollowupTarget *t0 = &g_array_index(refer->targets, WpFollowupTarget, 0);
    const WpFollowupTarget *t1 = &g_array_index(refer->targets, WpFollowupTarget, 1);
    g_assert_cmpstr(t0->person.id, ==, "x1");
    g_assert_cmpstr(t1->person.id, ==, "x2");
    WpTie tie;
    g_assert_true(wp_graph_find_tie(g, wp_graph_find_id(g, "b5"), wp_graph_find_id(g, "x1"), &tie));
    g_assert_cmpfloat_with_epsilon(t0->probability, wp_scoring_tie_strength(s, tie, NULL), 1e-12);
}

/* Once a week has passed after agreeing, the source gets a nudge about the introduction too;
 * a later as-of day with nothing new leaves a final state's follow-ups stale. */
static void test_followups_agreed_then_stale(void)
{
    g_autoptr(WpScoring) s = scoring();
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    ask_add(add_ask(asks, 1, "c1", "b2", "2026-03-01"), WP_ASK_AGREED, ask_day("2026-03-02"), -1);
    ask_add(add_ask(asks, 2, "c1", "b3", "2026-01-01"), WP_ASK_DECLINED, ask_day("2026-01-02"), -1);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) f =
        wp_followups_compute(asks, s, ask_day("2026-04-10"), NULL, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(f->len, ==, 2);
    const WpFollowup *thank = g_ptr_array_index(f, 0), *nudge = g_ptr_array_index(f, 1);
    g_assert_cmpint(thank->action, ==, WP_FOLLOWUP_THANK_SOURCE);
    g_assert_cmpint(thank->overdue_days, ==, ask_day("2026-04-10") - ask_day("2026-03-03"));
    g_assert_cmpint(nudge->action, ==, WP_FOLLOWUP_NUDGE_SOURCE);
    g_assert_cmpint(nudge->due, ==, ask_day("2026-03-09"));
    /* as of 2026-01-05 the declined ask still wants a next source (c2) */
    g_autoptr(GPtrArray) early =
        wp_followups_compute(asks, s, ask_day("2026-01-05"), NULL, NULL, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(early->len, ==, 1);
    g_assert_cmpstr(((WpFollowup *)g_ptr_array_index(early, 0))->person.id, ==, "c2");
}

static void test_followups_json(void)
{
    g_autoptr(WpScoring) s = scoring();
    g_autoptr(GPtrArray) asks = history();
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) f =
        wp_followups_compute(asks, s, ask_day("2026-04-10"), NULL, NULL, &error);
    g_assert_no_error(error);
    g_autoptr(JsonNode) root = wp_followups_to_json(f, ask_day("2026-04-10"));
    JsonArray *list = json_object_get_array_member(json_node_get_object(root), "followups");
    g_assert_cmpuint(json_array_get_length(list), ==, f->len);
    JsonObject *first = json_array_get_object_element(list, 0);
    g_assert_cmpint(json_object_get_int_member(first, "ask"), ==, 1);
    g_assert_cmpstr(json_object_get_string_member(first, "action"), ==, "next-source");
    g_assert_cmpstr(json_object_get_string_member(first, "due"), ==, "2026-04-02");
    g_assert_cmpstr(json_object_get_string_member(first, "person"), ==, "c3");
    g_autoptr(WpTable) t = wp_followups_table(f);
    g_assert_cmpuint(wp_table_n_rows(t), ==, f->len);
    g_assert_cmpstr(wp_table_cell(t, 0, 2), ==, "next-source");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/followups/rules-and-order", test_followups_rules_and_order);
    g_test_add_func("/followups/agreed-then-stale", test_followups_agreed_then_stale);
    g_test_add_func("/followups/json", test_followups_json);
    return g_test_run();
}
