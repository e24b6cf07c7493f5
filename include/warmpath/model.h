/* SPDX-License-Identifier: MIT */
/* The tie-strength model: from what the data says about a tie to the chance it carries an intro. */
#pragma once

#include <glib.h>

#include "warmpath/export.h"
#include "warmpath/graph.h"

G_BEGIN_DECLS

/**
 * WpModel:
 *
 * A profile (GLib key file, see README "The profile file") that turns a tie's declared strength
 * or type prior, last contact and interaction count into an *effective strength* in (0, 1], and
 * sets the per-intermediary factor and search defaults. The "raw" model uses the declared
 * strength alone (1.0 where none is declared) and no per-hop factor. Never changes once made:
 * any number of threads may read one at once.
 */
typedef struct WpModel WpModel;

/* The default model (README "Why these defaults"): priors by tie type, recency decay,
 * interactions, intermediary factor 0.75, max_hops 4, min_probability 0.01. Cannot fail. Time:
 * O(1). Returns: (transfer full): the model; free it with wp_model_free() */
WP_API WpModel *wp_model_new_default(void);
/* The raw model: declared strengths alone (1.0 where none), no intermediary factor, no hop
 * limit, no probability floor. Cannot fail. Time: O(1). Returns: (transfer full): the model;
 * free it with wp_model_free() */
WP_API WpModel *wp_model_new_raw(void);
/**
 * wp_model_load_file:
 * @filename: a profile; keys it omits keep their defaults
 *
 * Unknown groups or keys, and values out of range, fail with WP_ERROR_PARSE and a message
 * "FILE:LINE: [group] key: ..." where the line can be found; a file over
 * WP_MAX_SMALL_FILE_BYTES with WP_ERROR_LIMIT (wp_file_read_small()). Time: O(n) for the file's
 * n bytes. Memory: the text and a GKeyFile of it while parsing.
 *
 * Returns: (transfer full) (nullable): the model; free it with wp_model_free()
 */
WP_API WpModel *wp_model_load_file(const char *filename, GError **error);
/* As wp_model_load_file() from text; @origin names it in messages. Time: O(n) for the text's n
 * bytes. Memory: a GKeyFile of the text while parsing. Returns: (transfer full) (nullable): the
 * model; free it with wp_model_free() */
WP_API WpModel *wp_model_load_from_data(const char *text, const char *origin, GError **error);
/* "raw", "default" (or NULL), or a profile file name. Time: O(1) for raw and default, else as
 * wp_model_load_file(). Returns: (transfer full) (nullable): the model (NULL only when a profile
 * fails); free it with wp_model_free() */
WP_API WpModel *wp_model_new_from_spec(const char *spec, GError **error);
/* A data folder's own profile: @data_dir/profile.ini when that file exists, else NULL (also for
 * a NULL @data_dir). What the CLI uses when --model is not given. Time: O(1) (one stat).
 * Returns: (transfer full) (nullable): the file name */
WP_API char *wp_model_profile_in_folder(const char *data_dir);
/* Cannot fail. Time: O(t) for the model's t territory lines. Returns: (transfer full): a copy
 * of @model; free it with wp_model_free() */
WP_API WpModel *wp_model_copy(const WpModel *model);
/* Frees @model; NULL is a no-op. Time: O(t) for its t territory lines. */
WP_API void wp_model_free(WpModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(WpModel, wp_model_free)

/* Time: O(t) for the model's t territory lines (the rest is a fixed text). Returns: (transfer
 * full): the model as a commented key file that wp_model_load_from_data() reads back; free it
 * with g_free() */
WP_API char *wp_model_to_data(const WpModel *model);

/* TRUE for the raw model (wp_model_new_raw(), or a profile's base=raw). Time: O(1). */
WP_API gboolean wp_model_is_raw(const WpModel *model);
/* Share of a request that survives each person who must pass it on, in (0, 1]. Time: O(1). */
WP_API double wp_model_intermediary_factor(const WpModel *model);
/* The longest path any search takes, in ties: a profile's max_hops, a command's --max-hops and
 * the library's queries (WpPathQuery, WpRankQuery) all refuse more. Beyond 16 hops an
 * introduction is not worth asking for, and hop-limited searches keep per-hop state. */
#define WP_MAX_HOPS 16

/* Search default for commands: the hop limit, 0 = none, else at most WP_MAX_HOPS. Time: O(1). */
WP_API guint wp_model_max_hops(const WpModel *model);
/* Search default for commands: the probability floor, in [0, 1). Time: O(1). */
WP_API double wp_model_min_probability(const WpModel *model);
/* [advice] weak_tie_below: a seller's direct tie with a lower effective strength is weak (not
 * "just ask": reconnect first), in [0, 1]; default 0.30, the prior of an unknown relationship.
 * Time: O(1). */
WP_API double wp_model_weak_tie_below(const WpModel *model);
/* [advice] team_tie: the strength of the tie between two sellers of one team (people file
 * `team`), in (0, 1]; default 0.90. Team rules apply under a non-raw model only. Time: O(1). */
WP_API double wp_model_team_tie(const WpModel *model);
/* [advice] plan_min_gain: `rank --plan` leaves out asks adding fewer expected introductions,
 * in [0, 1]; default 0.05. Time: O(1). */
WP_API double wp_model_plan_min_gain(const WpModel *model);
/* The date recency is measured from: the profile's `as_of`, else WP_DAY_NONE (= today). Time:
 * O(1). */
WP_API WpDay wp_model_as_of(const WpModel *model);
/* [ledger] ask_cap: a source with this many open asks gets a warning before another (0 =
 * never). Time: O(1). */
WP_API guint wp_model_ask_cap(const WpModel *model);
/* [ledger] recent_ask_days: a source asked within this many days gets a warning (0 = never).
 * Time: O(1). */
WP_API guint wp_model_recent_ask_days(const WpModel *model);
/* [ledger] nudge_after_days: an unanswered ask this old gets a nudge-source follow-up (>= 1).
 * Time: O(1). */
WP_API guint wp_model_nudge_after_days(const WpModel *model);
/* [ledger] prior_weight: the pseudo-count of asks the model's strength counts as when outcomes
 * are learned (> 0). Time: O(1). */
WP_API double wp_model_prior_weight(const WpModel *model);
/* [ledger] weekly_goal: referral meetings a seller aims to set each week (0 = no goal).
 * Time: O(1). */
WP_API guint wp_model_weekly_goal(const WpModel *model);
/* Time: O(1). Returns: (transfer none) (nullable): the profile's default territory for `rank`,
 * the `where=` lines of its [territory] group in file order (see warmpath/where.h),
 * NULL-terminated, valid while the model lives; NULL if none */
WP_API const char *const *wp_model_territory(const WpModel *model);

/**
 * WpBrief:
 * @solves: (nullable): what the seller solves, a phrase that follows "we help …" ("close the
 *   month in three days instead of ten"); a draft's forwardable note needs it
 * @function: (nullable): the ideal client's function, plural ("finance leaders", "CEOs")
 * @industry: (nullable): the industries the seller knows ("fintech and payments companies")
 * @geography: (nullable): where the seller works ("on the US East Coast")
 * @company_size: (nullable): the sweet spot in company size, as a phrase ("100 to 2,000
 *   people")
 * @proof: (nullable): one sentence of proof ("Brightline Pay closed October in four days with
 *   us.")
 *
 * The seller's brief: the profile's `[brief]` group (docs/asking.md), what `warmpath draft`
 * teaches a referral source to say. Each string is one line, trimmed, NULL when the profile
 * leaves the key out or empty; owned by the model.
 */
typedef struct {
    const char *solves;
    const char *function;
    const char *industry;
    const char *geography;
    const char *company_size;
    const char *proof;
} WpBrief;

/* The profile's [brief] (all NULL for the built-in models). Time: O(1). Returns: (transfer
 * none): valid while @model lives; never NULL */
WP_API const WpBrief *wp_model_brief(const WpModel *model);

typedef enum {
    WP_TIE_STATUS_NEVER_INTERACTED = 1 << 0, /* interactions given as 0 */
    WP_TIE_STATUS_GONE_COLD = 1 << 1,        /* last contact older than recency.cold_after_days */
    WP_TIE_STATUS_SOCIAL_ONLY = 1 << 2,      /* every row typed `social` */
    WP_TIE_STATUS_NO_DATE = 1 << 3,          /* no last contact known */
    WP_TIE_STATUS_PRIOR = 1 << 4,            /* no declared strength: the type prior was used */
} WpTieStatus;

/**
 * WpTieEvidence:
 * @successes: outcomes that say the tie carried an introduction (e.g. asks agreed to)
 * @failures: outcomes that say it did not (declined, no answer)
 * @prior_mean: the strength assumed before the outcomes, in (0, 1] (usually the model's)
 * @prior_weight: how many outcomes that prior counts as (a pseudo-count), >= 0
 * @detail: (nullable): the outcomes in words for explanations, e.g. "2 agreed, 1 declined";
 *   owned by whoever holds the evidence (a WpTieOverrides, then a WpScoring)
 *
 * Why a tie's strength was overridden (see wp_tie_overrides_set()): the data a learned
 * strength (a Beta posterior mean, issue "the referral ledger") rests on.
 */
typedef struct {
    guint successes;
    guint failures;
    double prior_mean;
    double prior_weight;
    const char *detail;
} WpTieEvidence;

/**
 * WpStrengthBreakdown:
 * @base: the declared strength, or the best prior among the tie's types
 * @prior_type: the type whose prior gave @base (WP_TIE_N_TYPES when declared or untyped)
 * @age_days: days from last contact to the as-of date, or -1 when unknown
 * @recency: factor from recency decay, in (0, 1]
 * @never_factor: factor for "never interacted", in (0, 1]
 * @boost: share of the remaining gap to 1 closed by interactions, in [0, 1)
 * @effective: the effective strength, in (0, 1]: what searches and probabilities use
 * @status: WpTieStatus flags
 * @model_effective: the model's figure from the fields above, before any override; equal to
 *   @effective unless @overridden
 * @overridden: a per-tie override (wp_tie_overrides_set()) replaced the model's figure:
 *   @effective is the override's strength
 * @evidence: with @overridden, what the override rests on (all zero when it gave none); its
 *   @detail is borrowed from the scoring
 */
typedef struct {
    double base;
    WpTieType prior_type;
    gint32 age_days;
    double recency;
    double never_factor;
    double boost;
    double effective;
    guint status;
    double model_effective;
    gboolean overridden;
    WpTieEvidence evidence;
} WpStrengthBreakdown;

/**
 * wp_model_tie_strength:
 * @as_of: the day recency is measured to; WP_DAY_NONE = today
 * @out: (out) (optional): how the figure was reached (never @overridden: the model alone)
 *
 * The model's effective strength of a tie from its facts alone. Queries use a WpScoring
 * (warmpath/scoring.h), which applies this to a graph's ties and may override single ties.
 * Cannot fail. Time: O(1), no allocation.
 *
 * Returns: the effective strength in (0, 1]
 */
WP_API double wp_model_tie_strength(const WpModel *model, const WpTieInfo *tie, WpDay as_of,
                                    WpStrengthBreakdown *out);

G_END_DECLS
