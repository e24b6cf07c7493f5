/* SPDX-License-Identifier: MIT */
/* Who owes the seller, on a hand-made history worked out by hand (docs/connect.md "Who owes
 * you"): favours returned, declined, never asked, returned before they were given, given by
 * another seller; the order; a team; and the words, rows and JSON. */
#include <warmpath/warmpath.h>

#include <string.h>

#include "ask-helpers.h"

#define AS_OF "2026-05-15"

/* A favour: @seller introduced @source to @target on @day. */
static void given(GPtrArray *asks, gint64 id, const char *seller, const char *source,
                  const char *target, const char *day)
{
    WpAsk *a = ask_new(id, seller, source, target, NULL, -1, ask_day(day));
    a->kind = WP_ASK_KIND_GIVEN;
    ask_add(a, WP_ASK_INTRODUCED, ask_day(day), -1);
    g_ptr_array_add(asks, a);
}

/* A request: @seller asked @source for an introduction to a buyer on @day. */
static WpAsk *request(GPtrArray *asks, gint64 id, const char *seller, const char *source,
                      const char *day)
{
    const char *const path[] = {seller, source, "t", NULL};
    WpAsk *a = ask_new(id, seller, source, "t", path, 0.5, ask_day(day));
    g_ptr_array_add(asks, a);
    return a;
}

/* As of 2026-05-15, for s1:
 *  a1: given 01-10, returned by ask 2 (introduced 02-08): even, not listed.
 *  a2: given 02-15; ask 4 to a2 declined: owed 1, asked since 1 (declined). s2's ask 8 through
 *      a2 was introduced, but it was s2's: it returns s2's favours, not s1's.
 *  a3: given 03-10 and 05-01, never asked: owed 2.
 *  a4: given by s2 only: not s1's.
 *  a5: introduced s1 on 01-05 (ask 9), given 01-20: a return before the favour is no return,
 *      owed 1.
 *  a6: given 04-10, ask 12 agreed on 04-22 (a promise, not a return): owed 1, open ask.
 *  a7: given 06-01, after the as-of day: not yet.
 *  a8: given 03-01 and 04-01, ask 16 met the buyer 03-30 (a meeting implies the introduction):
 *      returns the oldest (03-01), owed 1 since 04-01; ask 16 is a return, not "asked since".
 *  a9: given 04-01, ask 18 asked 05-01 and introduced 05-20, after the as-of day: owed 1, open.
 * Owed: a3 (2), then by the oldest favour still owed: a5 01-20, a2 02-15, a8 04-01 and a9
 * 04-01 (by id), a6 04-10. Given 9 (a1 1, a2 1, a3 2, a5 1, a6 1, a8 2, a9 1), returned 2. */
static GPtrArray *history(void)
{
    GPtrArray *asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    given(asks, 1, "s1", "a1", "b1", "2026-01-10");
    WpAsk *a = request(asks, 2, "s1", "a1", "2026-02-01");
    ask_add(a, WP_ASK_AGREED, ask_day("2026-02-03"), -1);
    ask_add(a, WP_ASK_INTRODUCED, ask_day("2026-02-08"), -1);
    given(asks, 3, "s1", "a2", "b2", "2026-02-15");
    ask_add(request(asks, 4, "s1", "a2", "2026-03-01"), WP_ASK_DECLINED, ask_day("2026-03-05"), -1);
    given(asks, 5, "s1", "a3", "b3", "2026-03-10");
    given(asks, 6, "s1", "a3", "b4", "2026-05-01");
    given(asks, 7, "s2", "a4", "b5", "2026-04-01");
    ask_add(request(asks, 8, "s2", "a2", "2026-03-10"), WP_ASK_INTRODUCED, ask_day("2026-03-12"),
            -1);
    ask_add(request(asks, 9, "s1", "a5", "2026-01-02"), WP_ASK_INTRODUCED, ask_day("2026-01-05"),
            -1);
    given(asks, 10, "s1", "a5", "b6", "2026-01-20");
    given(asks, 11, "s1", "a6", "b7", "2026-04-10");
    request(asks, 12, "s1", "a6", "2026-04-20");
    ask_add(g_ptr_array_index(asks, asks->len - 1), WP_ASK_AGREED, ask_day("2026-04-22"), -1);
    given(asks, 13, "s1", "a7", "b8", "2026-06-01");
    given(asks, 14, "s1", "a8", "b9", "2026-03-01");
    given(asks, 15, "s1", "a8", "b1", "2026-04-01");
    ask_add(request(asks, 16, "s1", "a8", "2026-03-20"), WP_ASK_MEETING, ask_day("2026-03-30"), -1);
    given(asks, 17, "s1", "a9", "b2", "2026-04-01");
    ask_add(request(asks, 18, "s1", "a9", "2026-05-01"), WP_ASK_INTRODUCED, ask_day("2026-05-20"),
            -1);
    return asks;
}

typedef struct {
    const char *id;
    guint owed, given, returned;
    const char *first_owed, *last_given, *last_to;
    guint asked_since;
    gint64 last_ask;
    WpAskState last_ask_state;
} Expected;

static void assert_favours(const GPtrArray *favours, const Expected *want, guint n)
{
    g_assert_cmpuint(favours->len, ==, n);
    for (guint i = 0; i < n; i++) {
        const WpFavour *f = g_ptr_array_index(favours, i);
        const Expected *w = &want[i];
        g_assert_cmpstr(f->person.id, ==, w->id);
        g_assert_cmpuint(f->owed, ==, w->owed);
        g_assert_cmpuint(f->given, ==, w->given);
        g_assert_cmpuint(f->returned, ==, w->returned);
        g_assert_cmpint(f->first_owed, ==, ask_day(w->first_owed));
        g_assert_cmpint(f->last_given, ==, ask_day(w->last_given));
        g_assert_cmpstr(f->last_to.id, ==, w->last_to);
        g_assert_cmpuint(f->asked_since, ==, w->asked_since);
        g_assert_cmpint(f->last_ask, ==, w->last_ask);
        if (w->last_ask > 0)
            g_assert_cmpint(f->last_ask_state, ==, w->last_ask_state);
        else
            g_assert_cmpint(f->last_ask_on, ==, WP_DAY_NONE);
    }
}

static const Expected s1_owed[] = {
    {"a3", 2, 2, 0, "2026-03-10", "2026-05-01", "b4", 0, 0, WP_ASK_ASKED},
    {"a5", 1, 1, 0, "2026-01-20", "2026-01-20", "b6", 0, 0, WP_ASK_ASKED},
    {"a2", 1, 1, 0, "2026-02-15", "2026-02-15", "b2", 1, 4, WP_ASK_DECLINED},
    {"a8", 1, 2, 1, "2026-04-01", "2026-04-01", "b1", 0, 0, WP_ASK_ASKED},
    {"a9", 1, 1, 0, "2026-04-01", "2026-04-01", "b2", 1, 18, WP_ASK_ASKED},
    {"a6", 1, 1, 0, "2026-04-10", "2026-04-10", "b7", 1, 12, WP_ASK_AGREED},
};

static void test_owed_by_hand(void)
{
    g_autoptr(GPtrArray) asks = history();
    const char *const sellers[] = {"s1", NULL};
    guint n_given = 0, n_returned = 0;
    g_autoptr(GPtrArray) owed =
        wp_favours_owed(asks, sellers, ask_day(AS_OF), &n_given, &n_returned);
    assert_favours(owed, s1_owed, G_N_ELEMENTS(s1_owed));
    g_assert_cmpuint(n_given, ==, 9);
    g_assert_cmpuint(n_returned, ==, 2);
}

/* The answer does not depend on the order the asks come in. */
static void test_owed_order_independent(void)
{
    g_autoptr(GPtrArray) asks = history();
    const char *const sellers[] = {"s1", NULL};
    GRand *rng = g_rand_new_with_seed(17);
    for (guint round = 0; round < 20; round++) {
        for (guint i = asks->len - 1; i > 0; i--) {
            guint j = g_rand_int_range(rng, 0, i + 1);
            gpointer t = asks->pdata[i];
            asks->pdata[i] = asks->pdata[j];
            asks->pdata[j] = t;
        }
        g_autoptr(GPtrArray) owed = wp_favours_owed(asks, sellers, ask_day(AS_OF), NULL, NULL);
        assert_favours(owed, s1_owed, G_N_ELEMENTS(s1_owed));
    }
    g_rand_free(rng);
}

/* A team's favours: s2's favour to a4 counts, and s2's introduction through a2 (ask 8, on
 * 03-12, after s1's favour of 02-15) returns it, so a2 owes the team nothing. */
static void test_owed_team(void)
{
    g_autoptr(GPtrArray) asks = history();
    const char *const team[] = {"s1", "s2", NULL};
    guint n_given = 0, n_returned = 0;
    g_autoptr(GPtrArray) owed = wp_favours_owed(asks, team, ask_day(AS_OF), &n_given, &n_returned);
    const Expected want[] = {
        s1_owed[0],
        s1_owed[1],
        {"a4", 1, 1, 0, "2026-04-01", "2026-04-01", "b5", 0, 0, WP_ASK_ASKED},
        s1_owed[3],
        s1_owed[4],
        s1_owed[5],
    };
    assert_favours(owed, want, G_N_ELEMENTS(want));
    g_assert_cmpuint(n_given, ==, 10);
    g_assert_cmpuint(n_returned, ==, 3);
}

/* As of an earlier day the ledger is replayed: on 2026-03-02, a2's ask 4 is still open and a8's
 * second favour and its return have not happened. */
static void test_owed_as_of(void)
{
    g_autoptr(GPtrArray) asks = history();
    const char *const sellers[] = {"s1", NULL};
    g_autoptr(GPtrArray) owed = wp_favours_owed(asks, sellers, ask_day("2026-03-02"), NULL, NULL);
    const Expected want[] = {
        {"a5", 1, 1, 0, "2026-01-20", "2026-01-20", "b6", 0, 0, WP_ASK_ASKED},
        {"a2", 1, 1, 0, "2026-02-15", "2026-02-15", "b2", 1, 4, WP_ASK_ASKED},
        {"a8", 1, 1, 0, "2026-03-01", "2026-03-01", "b9", 0, 0, WP_ASK_ASKED},
    };
    assert_favours(owed, want, G_N_ELEMENTS(want));
}

static void test_owed_words(void)
{
    g_autoptr(GPtrArray) asks = history();
    const char *const sellers[] = {"s1", NULL};
    g_autoptr(GPtrArray) owed = wp_favours_owed(asks, sellers, ask_day(AS_OF), NULL, NULL);
    g_autofree char *summary = wp_favours_summary(owed, 9, 2, FALSE);
    g_assert_cmpstr(summary, ==,
                    "Who owes you: 6 people you introduced to someone have not returned the "
                    "favour yet (9 introductions given, 2 returned).");
    g_autoptr(GPtrArray) none = g_ptr_array_new();
    g_autofree char *nothing = wp_favours_summary(none, 0, 0, FALSE);
    g_assert_nonnull(strstr(nothing, "no introductions given are recorded"));
    g_autofree char *even = wp_favours_summary(none, 3, 3, TRUE);
    g_assert_cmpstr(even, ==,
                    "Who owes you all: no one: every introduction your team gave has been "
                    "returned (3 introductions given).");
    const char *const want[] = {
        "no", "no", "ask 4, declined", "no", "ask 18, open (asked)", "ask 12, open (agreed)"};
    for (guint i = 0; i < owed->len; i++) {
        g_autofree char *text = wp_favour_last_ask_text(g_ptr_array_index(owed, i));
        g_assert_cmpstr(text, ==, want[i]);
    }
}

static void test_owed_table_and_json(void)
{
    g_autoptr(GPtrArray) asks = history();
    const char *const sellers[] = {"s1", NULL};
    WpDay as_of = ask_day(AS_OF);
    g_autoptr(GPtrArray) owed = wp_favours_owed(asks, sellers, as_of, NULL, NULL);
    g_autoptr(WpTable) t = wp_favours_table(owed, as_of, FALSE);
    g_assert_cmpuint(wp_table_n_rows(t), ==, 6);
    /* who, company, owed, given, last_given, days_ago, introduced_to, asked_since */
    g_assert_cmpstr(wp_table_cell(t, 0, 0), ==, "Source a3");
    g_assert_cmpstr(wp_table_cell(t, 0, 2), ==, "2");
    g_assert_cmpstr(wp_table_cell(t, 0, 4), ==, "2026-05-01");
    g_assert_cmpstr(wp_table_cell(t, 0, 5), ==, "14");
    g_assert_cmpstr(wp_table_cell(t, 0, 6), ==, "Buyer b4");
    g_assert_cmpstr(wp_table_cell(t, 2, 7), ==, "ask 4, declined");
    g_autoptr(WpTable) d = wp_favours_table(owed, as_of, TRUE);
    g_assert_cmpuint(wp_table_n_columns(d), ==, 17);
    g_assert_cmpstr(wp_table_column_name(d, 0), ==, "person_id");
    g_assert_cmpstr(wp_table_cell(d, 3, 0), ==, "a8");
    g_assert_cmpstr(wp_table_cell(d, 3, 5), ==, "1");          /* returned */
    g_assert_cmpstr(wp_table_cell(d, 3, 6), ==, "2026-04-01"); /* first_owed */
    g_assert_cmpstr(wp_table_cell(d, 3, 14), ==, "");          /* last_ask: none */
    g_assert_cmpstr(wp_table_cell(d, 5, 15), ==, "agreed");    /* a6's ask 12 */

    g_autoptr(JsonNode) root = wp_favours_to_json(owed, 9, 2, as_of);
    JsonObject *o = json_node_get_object(root);
    g_assert_cmpstr(json_object_get_string_member(o, "as_of"), ==, AS_OF);
    g_assert_cmpint(json_object_get_int_member(o, "given"), ==, 9);
    JsonArray *list = json_object_get_array_member(o, "owed");
    g_assert_cmpuint(json_array_get_length(list), ==, 6);
    JsonObject *a6 = json_array_get_object_element(list, 5);
    g_assert_cmpstr(json_object_get_string_member(a6, "id"), ==, "a6");
    g_assert_cmpint(json_object_get_int_member(a6, "days_since_given"), ==, 35);
    JsonObject *ask = json_object_get_object_member(a6, "last_ask");
    g_assert_cmpint(json_object_get_int_member(ask, "id"), ==, 12);
    g_assert_true(json_object_get_boolean_member(ask, "open"));
    JsonObject *a3 = json_array_get_object_element(list, 0);
    g_assert_true(json_object_get_null_member(a3, "last_ask"));
    g_assert_cmpstr(
        json_object_get_string_member(json_object_get_object_member(a3, "last_to"), "name"), ==,
        "Buyer b4");
}

/* No favours at all: nothing owed, nothing given. */
static void test_owed_none(void)
{
    g_autoptr(GPtrArray) asks = g_ptr_array_new_with_free_func((GDestroyNotify)wp_ask_free);
    ask_add(request(asks, 1, "s1", "a1", "2026-01-01"), WP_ASK_DECLINED, ask_day("2026-01-02"), -1);
    const char *const sellers[] = {"s1", NULL};
    guint n_given = 7, n_returned = 7;
    g_autoptr(GPtrArray) owed =
        wp_favours_owed(asks, sellers, ask_day(AS_OF), &n_given, &n_returned);
    g_assert_cmpuint(owed->len, ==, 0);
    g_assert_cmpuint(n_given, ==, 0);
    g_assert_cmpuint(n_returned, ==, 0);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/favours/owed/by-hand", test_owed_by_hand);
    g_test_add_func("/favours/owed/order-independent", test_owed_order_independent);
    g_test_add_func("/favours/owed/team", test_owed_team);
    g_test_add_func("/favours/owed/as-of", test_owed_as_of);
    g_test_add_func("/favours/owed/none", test_owed_none);
    g_test_add_func("/favours/words", test_owed_words);
    g_test_add_func("/favours/table-and-json", test_owed_table_and_json);
    return g_test_run();
}
