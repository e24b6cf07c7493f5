/* SPDX-License-Identifier: MIT */
/* One rule credits a contact to a seller, in `path` (the referral source's seller) and in `rank`
 * (WpRankSource.seller): the strongest first hop, then the seller named first. Worked by hand
 * on networks where two sellers tie exactly; before the rule was shared, `path` kept the first
 * seller in query order and `rank` the lowest person index, so one of the two query orders
 * below split them. */
#include <warmpath/warmpath.h>

#include <math.h>

typedef struct {
    WpPerson seller;
    double probability;
} Credit;

/* The seller `path` credits @source to (the best path through it to @target). */
static Credit path_credit(const WpScoring *sc, const WpPerson *sellers, guint n, WpPerson source,
                          WpPerson target)
{
    g_autoptr(GError) error = NULL;
    WpPathQuery q = WP_PATH_QUERY_INIT;
    g_autoptr(WpPathSet) set = wp_path_find(sc, NULL, sellers, n, target, &q, NULL, &error);
    g_assert_no_error(error);
    for (guint i = 0; i < set->paths->len; i++) {
        const WpPath *p = &g_array_index(set->paths, WpPath, i);
        if (p->people[1] == source)
            return (Credit){p->seller, p->probability};
    }
    g_assert_not_reached();
}

/* The seller `rank` credits @source to, ranking over @target alone. */
static Credit rank_credit(const WpScoring *sc, const WpPerson *sellers, guint n, WpPerson source,
                          WpPerson target)
{
    g_autoptr(GError) error = NULL;
    WpRankQuery q = {.sellers = sellers, .n_sellers = n, .targets = &target, .n_targets = 1};
    g_autoptr(WpRankResult) r = wp_rank_run(sc, NULL, &q, NULL, &error);
    g_assert_no_error(error);
    for (guint i = 0; i < r->sources->len; i++) {
        const WpRankSource *s = &g_array_index(r->sources, WpRankSource, i);
        if (s->person == source)
            return (Credit){s->seller, s->score};
    }
    for (guint i = 0; i < r->colleagues->len; i++) {
        const WpRankSource *s = &g_array_index(r->colleagues, WpRankSource, i);
        if (s->person == source)
            return (Credit){s->seller, s->score};
    }
    g_assert_not_reached();
}

static WpPerson id(const WpGraph *g, const char *name)
{
    WpPerson p = wp_graph_find_id(g, name);
    g_assert_cmpuint(p, !=, WP_PERSON_NONE);
    return p;
}

/* Raw model: bea and al both know carl at 0.7 exactly; carl knows tara at 0.8. bea comes first
 * in the file (the lower person index). Whatever the order the sellers are named in, the first
 * named gets carl, in both commands; the path's chance is 0.7 x 0.8 = 0.56 and carl's score in
 * the ranking the same (one target). A stronger tie beats the order: with al at 0.9, al gets
 * carl named first or second. */
static void test_equal_ties(void)
{
    for (guint stronger = 0; stronger < 2; stronger++) {
        g_autofree char *csv =
            g_strdup_printf("source,target,strength\nbea,carl,0.7\nal,carl,%s\ncarl,tara,0.8\n",
                            stronger ? "0.9" : "0.7");
        g_autoptr(GError) error = NULL;
        g_autoptr(WpGraph) g = wp_graph_load_from_data(csv, NULL, 0, &error);
        g_assert_no_error(error);
        g_autoptr(WpModel) raw = wp_model_new_raw();
        g_autoptr(WpScoring) sc = wp_scoring_new(g, raw, WP_DAY_NONE, NULL);
        WpPerson al = id(g, "al"), bea = id(g, "bea"), carl = id(g, "carl"), tara = id(g, "tara");
        g_assert_cmpuint(bea, <, al);
        const WpPerson orders[2][2] = {{al, bea}, {bea, al}};
        for (guint o = 0; o < 2; o++) {
            WpPerson expect = stronger ? al : orders[o][0];
            double p = (stronger ? 0.9 : 0.7) * 0.8;
            Credit by_path = path_credit(sc, orders[o], 2, carl, tara);
            Credit by_rank = rank_credit(sc, orders[o], 2, carl, tara);
            g_assert_cmpuint(by_path.seller, ==, expect);
            g_assert_cmpuint(by_rank.seller, ==, expect);
            g_assert_cmpfloat_with_epsilon(by_path.probability, p, 1e-12);
            g_assert_cmpfloat_with_epsilon(by_rank.probability, p, 1e-12);
        }
    }
}

/* Team rules (default model, people file with teams): sam and ann sell for team east, mo is on
 * east too, so each reaches mo through the team tie at the same strength; mo knows tara. Both
 * commands credit mo (a colleague in the ranking) to the seller named first. */
static void test_equal_team_ties(void)
{
    const char *people = "id,name,team\nann,Ann,east\nsam,Sam,east\nmo,Mo,east\ntara,Tara,\n";
    const char *ties = "source,target,strength,interactions\nmo,tara,0.8,5\nann,x,0.5,1\n"
                       "sam,y,0.5,1\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(ties, people, 0, &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) model = wp_model_new_default();
    g_autoptr(WpScoring) sc = wp_scoring_new(g, model, WP_DAY_NONE, NULL);
    WpPerson ann = id(g, "ann"), sam = id(g, "sam"), mo = id(g, "mo"), tara = id(g, "tara");
    const WpPerson orders[2][2] = {{ann, sam}, {sam, ann}};
    for (guint o = 0; o < 2; o++) {
        Credit by_path = path_credit(sc, orders[o], 2, mo, tara);
        Credit by_rank = rank_credit(sc, orders[o], 2, mo, tara);
        g_assert_cmpuint(by_path.seller, ==, orders[o][0]);
        g_assert_cmpuint(by_rank.seller, ==, orders[o][0]);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/credit/equal-ties", test_equal_ties);
    g_test_add_func("/credit/equal-team-ties", test_equal_team_ties);
    return g_test_run();
}
