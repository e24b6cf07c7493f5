/* SPDX-License-Identifier: MIT */
/* The tie-strength model: hand-worked strengths, status flags, profile files (applied to a graph:
 * test-scoring.c). */
#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define AS_OF 20758 /* 2026-11-01: 56 years of 365 days + 14 leap days + 304 days */
#define JAN15 20468 /* 2026-01-15 */
#define EPS 1e-12

/* A tie with only what the test sets; everything else "not given". */
static WpTieInfo tie(double declared, guint16 types, gint32 age_days, gint32 interactions)
{
    WpTieInfo t = {.source = 0,
                   .target = 1,
                   .declared = declared,
                   .types = types,
                   .last_contact = age_days < 0 ? WP_DAY_NONE : AS_OF - age_days,
                   .interactions = interactions,
                   .rows = 1};
    return t;
}

static double strength(const WpModel *m, WpTieInfo t, WpStrengthBreakdown *out)
{
    return wp_model_tie_strength(m, &t, AS_OF, out);
}

#define BIT(type) WP_TIE_TYPE_BIT(WP_TIE_##type)

/* ---- the default model, worked by hand from its documented constants ---- */

static void test_default_recency(void)
{
    g_autoptr(WpModel) m = wp_model_new_default();
    g_assert_false(wp_model_is_raw(m));
    WpStrengthBreakdown b;
    /* recency = floor + (1 - floor) * 2^(-age / half-life), floor 0.35, half-life 730 days */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.8, 0, 0, -1), &b), 0.8, EPS);
    g_assert_cmpfloat_with_epsilon(b.recency, 1.0, EPS);
    g_assert_cmpint(b.age_days, ==, 0);
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.8, 0, 730, -1), &b), 0.54, EPS);
    g_assert_cmpfloat_with_epsilon(b.recency, 0.675, EPS);
    g_assert_cmpint(b.age_days, ==, 730);
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.8, 0, 1460, -1), NULL), 0.41, EPS);
    /* However old, the floor keeps 35 %. */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.8, 0, 100000, -1), NULL), 0.28, 1e-9);
    /* A contact after the as-of date counts as today. */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.8, 0, -1, -1), &b), 0.68, EPS);
    g_assert_cmpfloat_with_epsilon(b.recency, 0.85, EPS); /* undated factor */
    g_assert_cmpint(b.age_days, ==, -1);
    g_assert_true(b.status & WP_TIE_STATUS_NO_DATE);
    WpTieInfo future = tie(0.8, 0, 0, -1);
    future.last_contact = AS_OF + 30;
    g_assert_cmpfloat_with_epsilon(wp_model_tie_strength(m, &future, AS_OF, &b), 0.8, EPS);
    g_assert_cmpint(b.age_days, ==, 0);
    g_assert_cmpfloat(b.base, ==, 0.8);
    g_assert_cmpuint(b.prior_type, ==, WP_TIE_N_TYPES);
    g_assert_false(b.status & WP_TIE_STATUS_PRIOR);
}

static void test_default_priors(void)
{
    g_autoptr(WpModel) m = wp_model_new_default();
    WpStrengthBreakdown b;
    const struct {
        guint16 types;
        double base;
        WpTieType from;
    } cases[] = {
        {BIT(FAMILY), 0.85, WP_TIE_FAMILY},
        {BIT(CLIENT), 0.80, WP_TIE_CLIENT},
        {BIT(FRIEND), 0.75, WP_TIE_FRIEND},
        {BIT(REFERRED), 0.70, WP_TIE_REFERRED},
        {BIT(COLLEAGUE), 0.55, WP_TIE_COLLEAGUE},
        {BIT(FORMER_COLLEAGUE), 0.45, WP_TIE_FORMER_COLLEAGUE},
        {BIT(VENDOR), 0.40, WP_TIE_VENDOR},
        {BIT(OTHER), 0.30, WP_TIE_OTHER},
        {BIT(SOCIAL), 0.12, WP_TIE_SOCIAL},
        {BIT(PRIZE), 0.05, WP_TIE_PRIZE},
        {0, 0.30, WP_TIE_N_TYPES}, /* untyped */
        /* several types: the highest prior wins, whatever the order of the bits */
        {BIT(SOCIAL) | BIT(CLIENT), 0.80, WP_TIE_CLIENT},
        {BIT(PRIZE) | BIT(FAMILY) | BIT(COLLEAGUE), 0.85, WP_TIE_FAMILY},
        {BIT(SOCIAL) | BIT(VENDOR), 0.40, WP_TIE_VENDOR},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        double s = strength(m, tie(NAN, cases[i].types, 0, -1), &b);
        g_assert_cmpfloat_with_epsilon(s, cases[i].base, EPS);
        g_assert_cmpfloat_with_epsilon(b.base, cases[i].base, EPS);
        g_assert_cmpuint(b.prior_type, ==, cases[i].from);
        g_assert_true(b.status & WP_TIE_STATUS_PRIOR);
    }
    /* A declared strength beats any prior, even a higher one. */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.2, BIT(FAMILY), 0, -1), &b), 0.2, EPS);
    g_assert_false(b.status & WP_TIE_STATUS_PRIOR);
}

static void test_default_interactions(void)
{
    g_autoptr(WpModel) m = wp_model_new_default();
    WpStrengthBreakdown b;
    /* never interacted: x 0.6 */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.5, 0, 0, 0), &b), 0.3, EPS);
    g_assert_cmpfloat_with_epsilon(b.never_factor, 0.6, EPS);
    g_assert_cmpfloat(b.boost, ==, 0);
    /* 25 interactions (= boost_scale): boost = 0.5 (1 - e^-1) = 0.316060279..., closing that
     * share of the gap to 1: 0.5 + 0.5 * 0.31606 */
    double boost = 0.5 * (1 - exp(-1.0));
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.5, 0, 0, 25), &b), 0.5 + 0.5 * boost, EPS);
    g_assert_cmpfloat_with_epsilon(b.boost, boost, EPS);
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.5, 0, 0, 25), NULL), 0.6580301397071394,
                                   1e-12);
    /* Many interactions approach boost_max: 0.5 + 0.5 * 0.5 */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.5, 0, 0, 100000), NULL), 0.75, 1e-12);
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.5, 0, 0, -1), NULL), 0.5, EPS);
    /* Decay first, then the boost: 0.54 + 0.46 * 0.31606 */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.8, 0, 730, 25), NULL), 0.6853877285305683,
                                   1e-12);
    /* Everything at once: prior 0.12 (social), undated 0.85, never 0.6 */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(NAN, BIT(SOCIAL), -1, 0), NULL),
                                   0.12 * 0.85 * 0.6, EPS);
}

static void test_status_flags(void)
{
    g_autoptr(WpModel) m = wp_model_new_default();
    WpStrengthBreakdown never, cold, warm, social, mixed, undated;
    strength(m, tie(0.5, BIT(COLLEAGUE), 10, 0), &never);
    strength(m, tie(0.5, BIT(COLLEAGUE), 731, 5), &cold); /* cold_after_days = 730 */
    strength(m, tie(0.5, BIT(COLLEAGUE), 730, 5), &warm);
    strength(m, tie(0.5, BIT(SOCIAL), 10, 5), &social);
    strength(m, tie(0.5, BIT(SOCIAL) | BIT(FRIEND), 10, 5), &mixed);
    strength(m, tie(0.5, BIT(SOCIAL), -1, 0), &undated);
    g_assert_cmpuint(never.status, ==, WP_TIE_STATUS_NEVER_INTERACTED);
    g_assert_cmpuint(cold.status, ==, WP_TIE_STATUS_GONE_COLD);
    g_assert_cmpuint(warm.status, ==, 0);
    g_assert_cmpuint(social.status, ==, WP_TIE_STATUS_SOCIAL_ONLY);
    g_assert_cmpuint(mixed.status, ==, 0);
    g_assert_cmpuint(undated.status, ==,
                     WP_TIE_STATUS_SOCIAL_ONLY | WP_TIE_STATUS_NEVER_INTERACTED |
                         WP_TIE_STATUS_NO_DATE);
    WpStrengthBreakdown prior;
    strength(m, tie(NAN, BIT(SOCIAL), 800, 0), &prior);
    g_assert_cmpuint(prior.status, ==,
                     WP_TIE_STATUS_SOCIAL_ONLY | WP_TIE_STATUS_NEVER_INTERACTED |
                         WP_TIE_STATUS_GONE_COLD | WP_TIE_STATUS_PRIOR);
}

static void test_raw(void)
{
    g_autoptr(WpModel) m = wp_model_new_raw();
    g_assert_true(wp_model_is_raw(m));
    g_assert_cmpfloat(wp_model_intermediary_factor(m), ==, 1.0);
    g_assert_cmpuint(wp_model_max_hops(m), ==, 0);
    g_assert_cmpfloat(wp_model_min_probability(m), ==, 0.0);
    WpStrengthBreakdown b;
    /* Declared strengths as they are: no decay, no boost, no penalty. */
    g_assert_cmpfloat(strength(m, tie(0.8, 0, 1460, 25), &b), ==, 0.8);
    g_assert_cmpfloat(strength(m, tie(0.8, 0, -1, 0), &b), ==, 0.8);
    g_assert_cmpuint(b.status, ==, WP_TIE_STATUS_NEVER_INTERACTED | WP_TIE_STATUS_NO_DATE);
    /* Undeclared: 1, whatever the type, so paths rank by hops. */
    g_assert_cmpfloat(strength(m, tie(NAN, BIT(PRIZE), 10, -1), &b), ==, 1.0);
    g_assert_cmpfloat(strength(m, tie(NAN, 0, -1, -1), &b), ==, 1.0);
    g_autoptr(WpModel) d = wp_model_new_default();
    g_assert_cmpfloat_with_epsilon(wp_model_intermediary_factor(d), 0.75, EPS);
    g_assert_cmpuint(wp_model_max_hops(d), ==, 4);
    g_assert_cmpfloat_with_epsilon(wp_model_min_probability(d), 0.01, EPS);
    g_assert_cmpint(wp_model_as_of(d), ==, WP_DAY_NONE);
}

/* ---- profile files ---- */

static const char every_key[] = "# every key, none at its default\n"
                                "[model]\n"
                                "base=default\n"
                                "intermediary_factor=0.5\n"
                                "min_probability=0.2\n"
                                "max_hops=6\n"
                                "as_of=2026-01-15\n"
                                "\n"
                                "[priors]\n"
                                "client=0.61\n"
                                "referred=0.62\n"
                                "colleague=0.63\n"
                                "former_colleague=0.64\n"
                                "friend=0.65\n"
                                "family=0.66\n"
                                "vendor=0.67\n"
                                "social=0.68\n"
                                "prize=0.69\n"
                                "other=0.6\n"
                                "untyped=0.59\n"
                                "[recency]\n"
                                "half_life_days=100\n"
                                "floor=0.2\n"
                                "undated_factor=0.7\n"
                                "cold_after_days=50\n"
                                "[interactions]\n"
                                "never_factor=0.4\n"
                                "boost_max=0.3\n"
                                "boost_scale=10\n";

static void check_every_key(const WpModel *m)
{
    g_assert_false(wp_model_is_raw(m));
    g_assert_cmpfloat_with_epsilon(wp_model_intermediary_factor(m), 0.5, EPS);
    g_assert_cmpfloat_with_epsilon(wp_model_min_probability(m), 0.2, EPS);
    g_assert_cmpuint(wp_model_max_hops(m), ==, 6);
    g_assert_cmpint(wp_model_as_of(m), ==, JAN15);
    const double priors[WP_TIE_N_TYPES] = {
        [WP_TIE_CLIENT] = 0.61,    [WP_TIE_REFERRED] = 0.62,
        [WP_TIE_COLLEAGUE] = 0.63, [WP_TIE_FORMER_COLLEAGUE] = 0.64,
        [WP_TIE_FRIEND] = 0.65,    [WP_TIE_FAMILY] = 0.66,
        [WP_TIE_VENDOR] = 0.67,    [WP_TIE_SOCIAL] = 0.68,
        [WP_TIE_PRIZE] = 0.69,     [WP_TIE_OTHER] = 0.6};
    for (guint t = 0; t < WP_TIE_N_TYPES; t++)
        g_assert_cmpfloat_with_epsilon(strength(m, tie(NAN, WP_TIE_TYPE_BIT(t), 0, -1), NULL),
                                       priors[t], EPS);
    g_assert_cmpfloat_with_epsilon(strength(m, tie(NAN, 0, 0, -1), NULL), 0.59, EPS);
    /* half-life 100, floor 0.2: after 100 days 0.2 + 0.8 / 2 */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(1, 0, 100, -1), NULL), 0.6, EPS);
    g_assert_cmpfloat_with_epsilon(strength(m, tie(1, 0, -1, -1), NULL), 0.7, EPS);
    WpStrengthBreakdown b;
    strength(m, tie(1, 0, 50, -1), &b);
    g_assert_false(b.status & WP_TIE_STATUS_GONE_COLD);
    strength(m, tie(1, 0, 51, -1), &b);
    g_assert_true(b.status & WP_TIE_STATUS_GONE_COLD);
    g_assert_cmpfloat_with_epsilon(strength(m, tie(1, 0, 0, 0), NULL), 0.4, EPS);
    /* boost_max 0.3, boost_scale 10: 10 interactions close 0.3 (1 - 1/e) of the gap */
    g_assert_cmpfloat_with_epsilon(strength(m, tie(0.5, 0, 0, 10), NULL),
                                   0.5 + 0.5 * 0.3 * (1 - exp(-1.0)), EPS);
}

static void test_profile_every_key(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) m = wp_model_load_from_data(every_key, "p.ini", &error);
    g_assert_no_error(error);
    check_every_key(m);
    /* From a file, and through the spec that commands use. */
    g_autofree char *file = g_test_build_filename(G_TEST_DIST, "data", "core-profile.ini", NULL);
    g_autoptr(WpModel) f = wp_model_load_file(file, &error);
    g_assert_no_error(error);
    check_every_key(f);
    g_autoptr(WpModel) s = wp_model_new_from_spec(file, &error);
    g_assert_no_error(error);
    check_every_key(s);
    g_autoptr(WpModel) copy = wp_model_copy(s);
    check_every_key(copy);
    /* An empty profile is the default model. */
    g_autoptr(WpModel) empty = wp_model_load_from_data("# nothing\n", "p.ini", &error);
    g_assert_no_error(error);
    g_assert_cmpfloat_with_epsilon(strength(empty, tie(0.8, 0, 730, -1), NULL), 0.54, EPS);
}

static void test_profile_specs(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) raw = wp_model_new_from_spec("raw", &error);
    g_assert_no_error(error);
    g_assert_true(wp_model_is_raw(raw));
    g_autoptr(WpModel) def = wp_model_new_from_spec("default", &error);
    g_assert_no_error(error);
    g_assert_false(wp_model_is_raw(def));
    g_autoptr(WpModel) none = wp_model_new_from_spec("/nonexistent/profile.ini", &error);
    g_assert_null(none);
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void test_profile_base_raw(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) m = wp_model_load_from_data("[model]\nbase = raw\n", "p.ini", &error);
    g_assert_no_error(error);
    g_assert_true(wp_model_is_raw(m));
    g_assert_cmpfloat(wp_model_intermediary_factor(m), ==, 1.0);
    g_assert_cmpfloat(strength(m, tie(0.8, 0, 1460, 0), NULL), ==, 0.8);
    /* Keys still override the base. */
    g_autoptr(WpModel) k = wp_model_load_from_data(
        "[model]\nbase=raw\nintermediary_factor=0.5\nmax_hops=3\n", "p.ini", &error);
    g_assert_no_error(error);
    g_assert_true(wp_model_is_raw(k));
    g_assert_cmpfloat(wp_model_intermediary_factor(k), ==, 0.5);
    g_assert_cmpuint(wp_model_max_hops(k), ==, 3);
}

/* [advice]: the thresholds of the advice (docs/paths.md, docs/rank.md), read back. */
static void test_profile_advice(void)
{
    g_autoptr(WpModel) d = wp_model_new_default();
    g_assert_cmpfloat(wp_model_weak_tie_below(d), ==, 0.3);
    g_assert_cmpfloat(wp_model_team_tie(d), ==, 0.9);
    g_assert_cmpfloat(wp_model_plan_min_gain(d), ==, 0.05);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) m = wp_model_load_from_data(
        "[advice]\nweak_tie_below=0\nteam_tie=0.7\nplan_min_gain=0.2\n", "p.ini", &error);
    g_assert_no_error(error);
    g_assert_cmpfloat(wp_model_weak_tie_below(m), ==, 0);
    g_assert_cmpfloat(wp_model_team_tie(m), ==, 0.7);
    g_assert_cmpfloat(wp_model_plan_min_gain(m), ==, 0.2);
    g_autofree char *text = wp_model_to_data(m); /* written back, read back the same */
    g_autoptr(WpModel) again = wp_model_load_from_data(text, "again", &error);
    g_assert_no_error(error);
    g_assert_cmpfloat(wp_model_team_tie(again), ==, 0.7);
    g_assert_cmpfloat(wp_model_plan_min_gain(again), ==, 0.2);
}

/* The [ledger] group: the defaults issue 16 names, read, written back and read back. */
static void test_profile_ledger(void)
{
    g_autoptr(WpModel) d = wp_model_new_default();
    g_assert_cmpuint(wp_model_ask_cap(d), ==, 2);
    g_assert_cmpuint(wp_model_recent_ask_days(d), ==, 30);
    g_assert_cmpuint(wp_model_nudge_after_days(d), ==, 7);
    g_assert_cmpfloat(wp_model_prior_weight(d), ==, 4);
    g_assert_cmpuint(wp_model_weekly_goal(d), ==, 0);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) m = wp_model_load_from_data("[ledger]\nask_cap=0\nrecent_ask_days=14\n"
                                                   "nudge_after_days=3\nprior_weight=2.5\n"
                                                   "weekly_goal=5\n",
                                                   "p.ini", &error);
    g_assert_no_error(error);
    g_autofree char *text = wp_model_to_data(m);
    g_autoptr(WpModel) again = wp_model_load_from_data(text, "again", &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_model_ask_cap(again), ==, 0);
    g_assert_cmpuint(wp_model_recent_ask_days(again), ==, 14);
    g_assert_cmpuint(wp_model_nudge_after_days(again), ==, 3);
    g_assert_cmpfloat(wp_model_prior_weight(again), ==, 2.5);
    g_assert_cmpuint(wp_model_weekly_goal(again), ==, 5);
}

/* A data folder's profile.ini is found only when it is a file. */
static void test_profile_in_folder(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("wp-model-XXXXXX", &error);
    g_assert_no_error(error);
    g_assert_null(wp_model_profile_in_folder(dir));
    g_assert_null(wp_model_profile_in_folder(NULL));
    g_autofree char *file = g_build_filename(dir, "profile.ini", NULL);
    g_assert_true(g_file_set_contents(file, "[ledger]\nask_cap=5\n", -1, &error));
    g_autofree char *found = wp_model_profile_in_folder(dir);
    g_assert_cmpstr(found, ==, file);
    g_remove(file);
    g_rmdir(dir);
}

typedef struct {
    const char *name;
    const char *text;
    const char *prefix; /* "p.ini:LINE: " */
    const char *part;   /* "[group] key" and what is wrong */
} BadProfile;

static const BadProfile bad_profiles[] = {
    {"unknown-group", "[model]\nmax_hops=3\n\n[recnecy]\nfloor=0.5\n", "p.ini:4: ", "[recnecy]"},
    {"unknown-key", "[recency]\nfloor=0.5\nhalf_life=3\n",
     "p.ini:3: ", "[recency] half_life: unknown key"},
    {"key-in-wrong-group", "[model]\nfloor=0.5\n", "p.ini:2: ", "[model] floor: unknown key"},
    {"prior-case", "[priors]\nclient=0.5\nClient=0.9\n",
     "p.ini:3: ", "[priors] Client: unknown key"},
    {"prior-alias", "[priors]\nformer-colleague=0.5\n",
     "p.ini:2: ", "[priors] former-colleague: unknown key"},
    {"floor-zero", "[recency]\nfloor=0\n", "p.ini:2: ", "[recency] floor: '0'"},
    {"floor-spaced", "# c\n[recency]\n   floor = 2\n", "p.ini:3: ", "[recency] floor: '2'"},
    {"factor-big", "[model]\nintermediary_factor=1.5\n",
     "p.ini:2: ", "[model] intermediary_factor: '1.5'"},
    {"factor-zero", "[model]\nintermediary_factor=0\n", "p.ini:2: ", "[model] intermediary_factor"},
    {"min-probability", "[model]\nmin_probability=-0.1\n", "p.ini:2: ", "[model] min_probability"},
    {"max-hops-fraction", "[model]\nmax_hops=3.5\n", "p.ini:2: ", "[model] max_hops"},
    {"max-hops-big", "[model]\nmax_hops=17\n", "p.ini:2: ", "[model] max_hops"},
    {"base", "[model]\nbase=fancy\n", "p.ini:2: ", "[model] base"},
    {"as-of", "[model]\nas_of=2026-02-30\n", "p.ini:2: ", "[model] as_of"},
    {"not-a-number", "# c\n\n[interactions]\nboost_scale=abc\n",
     "p.ini:4: ", "[interactions] boost_scale: 'abc'"},
    {"nan", "[interactions]\nboost_max=nan\n", "p.ini:2: ", "[interactions] boost_max"},
    {"inf", "[recency]\ncold_after_days=inf\n", "p.ini:2: ", "[recency] cold_after_days"},
    {"half-life-zero", "[recency]\nhalf_life_days=0\n", "p.ini:2: ", "[recency] half_life_days"},
    {"never-factor", "[interactions]\nnever_factor=1.01\n",
     "p.ini:2: ", "[interactions] never_factor"},
    {"prior-big", "[priors]\nsocial=1.2\n", "p.ini:2: ", "[priors] social: '1.2'"},
    {"ask-cap-fraction", "[ledger]\nask_cap=2.5\n",
     "p.ini:2: ", "[ledger] ask_cap: expected a whole number"},
    {"nudge-zero", "[ledger]\nnudge_after_days=0\n", "p.ini:2: ", "[ledger] nudge_after_days"},
    {"prior-weight-zero", "[ledger]\nprior_weight=0\n", "p.ini:2: ", "[ledger] prior_weight"},
    {"ledger-unknown", "[ledger]\nask_limit=3\n", "p.ini:2: ", "[ledger] ask_limit: unknown key"},
    {"prior-zero", "[priors]\nuntyped=0\n", "p.ini:2: ", "[priors] untyped"},
    {"team-tie-zero", "[advice]\nteam_tie=0\n", "p.ini:2: ", "[advice] team_tie: '0'"},
    {"weak-tie-big", "[advice]\nweak_tie_below=1.5\n", "p.ini:2: ", "[advice] weak_tie_below"},
    {"min-gain-negative", "[advice]\nplan_min_gain=-0.01\n", "p.ini:2: ", "[advice] plan_min_gain"},
    {"advice-unknown", "[advice]\nteam=0.9\n", "p.ini:2: ", "[advice] team: unknown key"},
};

static void test_profile_bad(gconstpointer data)
{
    const BadProfile *c = data;
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) m = wp_model_load_from_data(c->text, "p.ini", &error);
    g_assert_null(m);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    if (!g_str_has_prefix(error->message, c->prefix) || strstr(error->message, c->part) == NULL)
        g_error("message '%s' lacks '%s' or '%s'", error->message, c->prefix, c->part);
}

/* A committed bad profile: the message names the file. */
static void test_profile_bad_file(void)
{
    g_autofree char *file =
        g_test_build_filename(G_TEST_DIST, "data", "core-bad-profile.ini", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpModel) m = wp_model_load_file(file, &error);
    g_assert_null(m);
    g_assert_error(error, WP_ERROR, WP_ERROR_PARSE);
    g_assert_nonnull(strstr(error->message, "core-bad-profile.ini:6: [recency] floor: '1.5'"));
}

/* Strengths under @a and @b agree exactly on a grid of ties. */
static void assert_same_strengths(const WpModel *a, const WpModel *b)
{
    const double declared[] = {NAN, 0.05, 0.333333333333, 0.8, 1};
    const gint32 ages[] = {-1, 0, 1, 100, 729, 730, 731, 4000};
    const gint32 inter[] = {-1, 0, 1, 7, 25, 1000};
    for (guint d = 0; d < G_N_ELEMENTS(declared); d++)
        for (guint types = 0; types < (1u << WP_TIE_N_TYPES); types += 37)
            for (guint g = 0; g < G_N_ELEMENTS(ages); g++)
                for (guint i = 0; i < G_N_ELEMENTS(inter); i++) {
                    WpStrengthBreakdown x, y;
                    WpTieInfo t = tie(declared[d], (guint16)types, ages[g], inter[i]);
                    g_assert_cmpfloat(wp_model_tie_strength(a, &t, AS_OF, &x), ==,
                                      wp_model_tie_strength(b, &t, AS_OF, &y));
                    g_assert_cmpuint(x.status, ==, y.status);
                }
    g_assert_cmpfloat(wp_model_intermediary_factor(a), ==, wp_model_intermediary_factor(b));
    g_assert_cmpfloat(wp_model_min_probability(a), ==, wp_model_min_probability(b));
    g_assert_cmpuint(wp_model_max_hops(a), ==, wp_model_max_hops(b));
    g_assert_cmpint(wp_model_as_of(a), ==, wp_model_as_of(b));
    g_assert_cmpint(wp_model_is_raw(a), ==, wp_model_is_raw(b));
}

static void test_profile_round_trip(void)
{
    g_autoptr(GError) error = NULL;
    /* Values that do not survive six significant digits. */
    g_autoptr(WpModel) odd = wp_model_load_from_data("[model]\n"
                                                     "intermediary_factor=0.123456789\n"
                                                     "as_of=2024-02-29\n"
                                                     "[priors]\n"
                                                     "client=0.987654321\n"
                                                     "untyped=0.30000000000000004\n"
                                                     "[recency]\n"
                                                     "half_life_days=333.3333333333\n"
                                                     "floor=0.1234567\n"
                                                     "[interactions]\n"
                                                     "boost_scale=12.3456789\n",
                                                     "p.ini", &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) every = wp_model_load_from_data(every_key, "p.ini", &error);
    g_assert_no_error(error);
    g_autoptr(WpModel) def = wp_model_new_default();
    g_autoptr(WpModel) raw = wp_model_new_raw();
    const WpModel *models[] = {def, raw, every, odd};
    for (guint i = 0; i < G_N_ELEMENTS(models); i++) {
        g_autofree char *text = wp_model_to_data(models[i]);
        g_autoptr(WpModel) back = wp_model_load_from_data(text, "round-trip", &error);
        g_assert_no_error(error);
        assert_same_strengths(models[i], back);
        g_autofree char *again = wp_model_to_data(back);
        g_assert_cmpstr(text, ==, again);
    }
}

/* The printed profile always shows the [territory] syntax: with no territory, as commented
 * examples that, uncommented, load back as that territory and are valid --where filters. */
static void test_profile_territory_example(void)
{
    g_autoptr(WpModel) def = wp_model_new_default();
    g_assert_null(wp_model_territory(def));
    g_autofree char *text = wp_model_to_data(def);
    const char *group = strstr(text, "\n[territory]\n");
    g_assert_nonnull(group);
    g_autoptr(GPtrArray) examples = g_ptr_array_new_with_free_func(g_free);
    g_auto(GStrv) lines = g_strsplit(group, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix(lines[i], "# where="))
            g_ptr_array_add(examples, g_strdup(lines[i] + strlen("# where=")));
    g_assert_cmpuint(examples->len, >=, 2);
    g_autoptr(GError) error = NULL;
    g_autoptr(WpWhere) where =
        wp_where_parse((const char *const *)examples->pdata, examples->len, &error);
    g_assert_no_error(error);
    g_assert_nonnull(where);
    /* Uncommented, the examples are the profile's territory. */
    g_autoptr(GString) edited = g_string_new(text);
    g_string_replace(edited, "# where=", "where=", 0);
    g_autoptr(WpModel) back = wp_model_load_from_data(edited->str, "edited.ini", &error);
    g_assert_no_error(error);
    const char *const *territory = wp_model_territory(back);
    g_assert_nonnull(territory);
    g_assert_cmpuint(g_strv_length((char **)territory), ==, examples->len);
    for (guint i = 0; i < examples->len; i++)
        g_assert_cmpstr(territory[i], ==, examples->pdata[i]);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/model/default/recency", test_default_recency);
    g_test_add_func("/model/default/priors", test_default_priors);
    g_test_add_func("/model/default/interactions", test_default_interactions);
    g_test_add_func("/model/default/status", test_status_flags);
    g_test_add_func("/model/raw", test_raw);
    g_test_add_func("/model/profile/every-key", test_profile_every_key);
    g_test_add_func("/model/profile/specs", test_profile_specs);
    g_test_add_func("/model/profile/base-raw", test_profile_base_raw);
    g_test_add_func("/model/profile/advice", test_profile_advice);
    g_test_add_func("/model/profile/ledger", test_profile_ledger);
    g_test_add_func("/model/profile/in-folder", test_profile_in_folder);
    for (guint i = 0; i < G_N_ELEMENTS(bad_profiles); i++) {
        g_autofree char *path = g_strdup_printf("/model/profile/bad/%s", bad_profiles[i].name);
        g_test_add_data_func(path, &bad_profiles[i], test_profile_bad);
    }
    g_test_add_func("/model/profile/bad-file", test_profile_bad_file);
    g_test_add_func("/model/profile/round-trip", test_profile_round_trip);
    g_test_add_func("/model/profile/territory-example", test_profile_territory_example);
    return g_test_run();
}
