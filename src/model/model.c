/* SPDX-License-Identifier: MIT */
/* The tie-strength model and its profile file (a GLib key file). */
#include "warmpath/model.h"
#include "warmpath/error.h"
#include "warmpath/text.h"

#include <math.h>
#include <string.h>

struct WpModel {
    gboolean raw;
    double prior[WP_TIE_N_TYPES]; /* strength assumed for an undeclared tie of that type */
    double untyped_prior;         /* ... and for one with no type at all */
    double half_life_days;        /* the part of a strength above the floor halves this often */
    double recency_floor;         /* share of the strength a tie keeps however old, (0, 1] */
    double undated_factor;        /* applied when no last contact is known */
    double cold_after_days;       /* older contact marks the tie "gone cold" */
    double never_factor;          /* applied when interactions = 0 */
    double boost_max;             /* interactions close at most this share of the gap to 1 */
    double boost_scale;           /* interactions for 63 % of boost_max */
    double intermediary_factor;   /* survival per person who passes the request on */
    double weak_tie_below;        /* a direct tie weaker than this is not "just ask" */
    double team_tie;              /* strength of the tie between sellers of one team */
    double plan_min_gain;         /* the ask plan leaves out asks that add less */
    double ask_cap;               /* [ledger] open asks per source before a warning (whole) */
    double recent_ask_days;       /* [ledger] a source asked this recently gets a warning */
    double nudge_after_days;      /* [ledger] no answer this long: nudge the source */
    double prior_weight;          /* [ledger] pseudo-asks the model's strength counts as */
    double weekly_goal;           /* [ledger] referral meetings a seller aims for (0 = none) */
    guint max_hops;               /* 0 = no limit */
    double min_probability;
    WpDay as_of;      /* WP_DAY_NONE = today */
    char **territory; /* owned: [territory] where= expressions, or NULL if none */
    WpBrief brief;    /* owned strings (cast): the [brief] group, NULL where a key is absent */
};

/* The [brief] keys, in the order a profile shows them, with what each is for. The offsets are
 * into WpBrief. */
typedef struct {
    const char *key;
    gsize offset;
    const char *doc;
    const char *example;
} BriefKey;

static const BriefKey brief_keys[] = {
    {"solves", offsetof(WpBrief, solves),
     "what you solve, as it follows \"we help ... \": required for the forwardable note",
     "close the month in three days instead of ten"},
    {"function", offsetof(WpBrief, function),
     "who your ideal client is, by function (plural): CEOs, VPs of IT, marketing teams",
     "finance leaders"},
    {"industry", offsetof(WpBrief, industry), "the industries you know best",
     "fintech and payments companies"},
    {"geography", offsetof(WpBrief, geography), "where you work", "on the US East Coast"},
    {"company_size", offsetof(WpBrief, company_size),
     "your sweet spot in company size (people), as a phrase", "100 to 2,000 people"},
    {"proof", offsetof(WpBrief, proof), "one sentence of proof: a client and a result",
     "Brightline Pay closed October in four days with us."},
};

static const char **brief_slot(WpBrief *brief, const BriefKey *k)
{
    return (const char **)((char *)brief + k->offset);
}

static void brief_copy(WpBrief *to, const WpBrief *from)
{
    for (guint i = 0; i < G_N_ELEMENTS(brief_keys); i++)
        *brief_slot(to, &brief_keys[i]) = g_strdup(*brief_slot((WpBrief *)from, &brief_keys[i]));
}

static void brief_clear(WpBrief *brief)
{
    for (guint i = 0; i < G_N_ELEMENTS(brief_keys); i++)
        g_free((char *)*brief_slot(brief, &brief_keys[i]));
    memset(brief, 0, sizeof *brief);
}

/* One tunable number: where it lives in the profile, its range, and its documentation. */
typedef struct {
    const char *group;
    const char *key;
    gsize offset;
    double min, max; /* inclusive, except where min_open */
    gboolean min_open;
    const char *doc;
} Param;

#define P(field) offsetof(WpModel, field)
static const Param params[] = {
    {"model", "intermediary_factor", P(intermediary_factor), 0, 1, TRUE,
     "share of a request that survives each person who must pass it on (Milgram: ~0.73)"},
    {"model", "min_probability", P(min_probability), 0, 1, FALSE,
     "paths below this success probability are not shown (0 = no floor)"},
    {"recency", "half_life_days", P(half_life_days), 0, 1e6, TRUE,
     "without contact, the part of a strength above the floor halves this often"},
    {"recency", "floor", P(recency_floor), 0, 1, TRUE,
     "share of a strength a tie keeps however long ago the last contact was"},
    {"recency", "undated_factor", P(undated_factor), 0, 1, TRUE,
     "factor for a tie whose last contact is unknown"},
    {"recency", "cold_after_days", P(cold_after_days), 0, 1e6, TRUE,
     "a tie with no contact for longer is reported as gone cold"},
    {"interactions", "never_factor", P(never_factor), 0, 1, TRUE,
     "factor for a tie with interactions = 0 (never interacted)"},
    {"interactions", "boost_max", P(boost_max), 0, 1, FALSE,
     "share of the gap to 1 that many interactions can close"},
    {"interactions", "boost_scale", P(boost_scale), 0, 1e9, TRUE,
     "interactions that give 63 % of boost_max"},
    {"advice", "weak_tie_below", P(weak_tie_below), 0, 1, FALSE,
     "a seller's direct tie with a lower effective strength is weak: reconnect before asking"},
    {"advice", "team_tie", P(team_tie), 0, 1, TRUE,
     "strength of the tie between sellers of one team (people file 'team'), default model only"},
    {"advice", "plan_min_gain", P(plan_min_gain), 0, 1, FALSE,
     "rank --plan leaves out asks that add fewer expected introductions than this"},
    {"ledger", "ask_cap", P(ask_cap), 0, 1000, FALSE,
     "warn before an ask when the source already has this many open asks (0 = never)"},
    {"ledger", "recent_ask_days", P(recent_ask_days), 0, 3650, FALSE,
     "warn before an ask when the source was asked within this many days (0 = never)"},
    {"ledger", "nudge_after_days", P(nudge_after_days), 0, 3650, TRUE,
     "an ask with no answer after this many days gets a nudge-source follow-up"},
    {"ledger", "prior_weight", P(prior_weight), 0, 1e6, TRUE,
     "learning: how many asks' worth of evidence the model's strength counts as"},
    {"ledger", "weekly_goal", P(weekly_goal), 0, 1e6, FALSE,
     "referral meetings each seller aims to set per week (0 = no goal)"},
};
#undef P

/* The numbers that count things (asks, days): whole numbers only. */
static gboolean param_is_whole(const Param *p)
{
    return strcmp(p->group, "ledger") == 0 && strcmp(p->key, "prior_weight") != 0;
}

static double *param_slot(WpModel *m, const Param *p)
{
    return (double *)((char *)m + p->offset);
}

WpModel *wp_model_new_default(void)
{
    WpModel *m = g_new0(WpModel, 1);
    /* The order follows who trusts the seller most (see README "Why these defaults"). */
    m->prior[WP_TIE_FAMILY] = 0.85;
    m->prior[WP_TIE_CLIENT] = 0.80;
    m->prior[WP_TIE_FRIEND] = 0.75;
    m->prior[WP_TIE_REFERRED] = 0.70;
    m->prior[WP_TIE_COLLEAGUE] = 0.55;
    m->prior[WP_TIE_FORMER_COLLEAGUE] = 0.45;
    m->prior[WP_TIE_VENDOR] = 0.40;
    m->prior[WP_TIE_OTHER] = 0.30;
    m->prior[WP_TIE_SOCIAL] = 0.12;
    m->prior[WP_TIE_PRIZE] = 0.05;
    m->untyped_prior = 0.30;
    m->half_life_days = 730;
    m->recency_floor = 0.35;
    m->undated_factor = 0.85;
    m->cold_after_days = 730;
    m->never_factor = 0.6;
    m->boost_max = 0.5;
    m->boost_scale = 25;
    m->intermediary_factor = 0.75;
    m->weak_tie_below = 0.3;
    m->team_tie = 0.9;
    m->plan_min_gain = 0.05;
    m->ask_cap = 2;
    m->recent_ask_days = 30;
    m->nudge_after_days = 7;
    m->prior_weight = 4;
    m->weekly_goal = 0;
    m->max_hops = 4;
    m->min_probability = 0.01;
    m->as_of = WP_DAY_NONE;
    return m;
}

WpModel *wp_model_new_raw(void)
{
    WpModel *m = wp_model_new_default();
    m->raw = TRUE;
    m->intermediary_factor = 1.0;
    m->max_hops = 0;
    m->min_probability = 0.0;
    return m;
}

WpModel *wp_model_copy(const WpModel *m)
{
    g_return_val_if_fail(m != NULL, NULL);
    WpModel *copy = g_memdup2(m, sizeof *m);
    copy->territory = g_strdupv(m->territory);
    brief_copy(&copy->brief, &m->brief);
    return copy;
}

void wp_model_free(WpModel *m)
{
    if (m != NULL) {
        g_strfreev(m->territory);
        brief_clear(&m->brief);
    }
    g_free(m);
}

const char *const *wp_model_territory(const WpModel *m)
{
    g_return_val_if_fail(m != NULL, NULL);
    return (const char *const *)m->territory;
}

const WpBrief *wp_model_brief(const WpModel *m)
{
    g_return_val_if_fail(m != NULL, NULL);
    return &m->brief;
}

gboolean wp_model_is_raw(const WpModel *m)
{
    return m->raw;
}

double wp_model_intermediary_factor(const WpModel *m)
{
    return m->intermediary_factor;
}

guint wp_model_max_hops(const WpModel *m)
{
    return m->max_hops;
}

double wp_model_min_probability(const WpModel *m)
{
    return m->min_probability;
}

WpDay wp_model_as_of(const WpModel *m)
{
    return m->as_of;
}

double wp_model_weak_tie_below(const WpModel *m)
{
    return m->weak_tie_below;
}

double wp_model_team_tie(const WpModel *m)
{
    return m->team_tie;
}

double wp_model_plan_min_gain(const WpModel *m)
{
    return m->plan_min_gain;
}

guint wp_model_ask_cap(const WpModel *m)
{
    return (guint)m->ask_cap;
}

guint wp_model_recent_ask_days(const WpModel *m)
{
    return (guint)m->recent_ask_days;
}

guint wp_model_nudge_after_days(const WpModel *m)
{
    return (guint)m->nudge_after_days;
}

double wp_model_prior_weight(const WpModel *m)
{
    return m->prior_weight;
}

guint wp_model_weekly_goal(const WpModel *m)
{
    return (guint)m->weekly_goal;
}

/* The 1-based line of `key` inside `[group]` in @text (of `[group]` itself when @key is NULL),
 * or 0 when it cannot be found. */
static guint find_key_line(const char *text, const char *group, const char *key)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    gboolean in_group = FALSE;
    for (guint i = 0; lines[i] != NULL; i++) {
        g_autofree char *line = g_strstrip(g_strdup(lines[i]));
        if (line[0] == '[') {
            g_autofree char *name = g_strndup(line + 1, strcspn(line + 1, "]"));
            in_group = strcmp(g_strstrip(name), group) == 0;
            if (in_group && key == NULL) /* the group's own line */
                return i + 1;
        } else if (in_group && key != NULL && g_str_has_prefix(line, key) &&
                   (line[strlen(key)] == '=' || line[strlen(key)] == ' ')) {
            return i + 1;
        }
    }
    return 0;
}

/* The 1-based line GKeyFile most likely refused (invalid UTF-8, a line that is no group, key or
 * comment, a key before the first group), or 0: GLib's message does not say. */
static guint find_bad_line(const char *text)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    gboolean in_group = FALSE;
    for (guint i = 0; lines[i] != NULL; i++) {
        if (!g_utf8_validate(lines[i], -1, NULL))
            return i + 1;
        const char *line = g_strchug(lines[i]);
        g_strchomp(lines[i]);
        if (line[0] == '\0' || line[0] == '#')
            continue;
        gsize len = strlen(line);
        if (line[0] == '[') {
            if (len < 3 || line[len - 1] != ']' || strcspn(line + 1, "[]") != len - 2)
                return i + 1;
            in_group = TRUE;
        } else if (!in_group || line[0] == '=' || strchr(line, '=') == NULL) {
            return i + 1;
        }
    }
    return 0;
}

static gboolean fail_at(GError **error, const char *origin, const char *text, const char *group,
                        const char *key, const char *what)
{
    guint line = find_key_line(text, group, key);
    if (line > 0)
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%u: [%s] %s: %s", origin, line, group, key,
                    what);
    else
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: [%s] %s: %s", origin, group, key, what);
    return FALSE;
}

static gboolean read_number(GKeyFile *kf, const char *origin, const char *text, const char *group,
                            const char *key, double min, double max, gboolean min_open, double *out,
                            GError **error)
{
    if (!g_key_file_has_key(kf, group, key, NULL))
        return TRUE;
    g_autofree char *value = g_key_file_get_value(kf, group, key, NULL);
    char *end = NULL;
    double x = g_ascii_strtod(g_strstrip(value), &end);
    if (end == value || *end != '\0' || !isfinite(x) || x > max ||
        (min_open ? x <= min : x < min)) {
        char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE]; /* '.' in any locale */
        g_autofree char *shown = wp_text_excerpt(value);
        g_autofree char *what = g_strdup_printf(
            "'%s' is not a number in %c%s, %s]", shown, min_open ? '(' : '[',
            g_ascii_formatd(lo, sizeof lo, "%g", min), g_ascii_formatd(hi, sizeof hi, "%g", max));
        return fail_at(error, origin, text, group, key, what);
    }
    *out = x;
    return TRUE;
}

static gboolean key_is_known(const char *group, const char *key)
{
    WpTieType type;
    if (strcmp(group, "priors") == 0) /* exact names: "Client" would be accepted, then unread */
        return strcmp(key, "untyped") == 0 ||
               (wp_tie_type_from_name(key, &type) && strcmp(key, wp_tie_type_name(type)) == 0);
    if (strcmp(group, "territory") == 0)
        return strcmp(key, "where") == 0;
    if (strcmp(group, "brief") == 0) {
        for (guint i = 0; i < G_N_ELEMENTS(brief_keys); i++)
            if (strcmp(brief_keys[i].key, key) == 0)
                return TRUE;
        return FALSE;
    }
    if (strcmp(group, "model") == 0 &&
        (strcmp(key, "base") == 0 || strcmp(key, "max_hops") == 0 || strcmp(key, "as_of") == 0))
        return TRUE;
    for (guint i = 0; i < G_N_ELEMENTS(params); i++)
        if (strcmp(params[i].group, group) == 0 && strcmp(params[i].key, key) == 0)
            return TRUE;
    return FALSE;
}

/* Rejects groups and keys the model does not know: a typo must not silently do nothing. */
static gboolean check_known_keys(GKeyFile *kf, const char *origin, const char *text, GError **error)
{
    static const char *const groups[] = {"model",     "priors", "recency", "interactions",
                                         "territory", "advice", "ledger",  "brief"};
    g_auto(GStrv) names = g_key_file_get_groups(kf, NULL);
    for (guint i = 0; names[i] != NULL; i++) {
        gboolean known = FALSE;
        for (guint k = 0; k < G_N_ELEMENTS(groups); k++)
            known |= strcmp(names[i], groups[k]) == 0;
        if (!known) {
            guint line = find_key_line(text, names[i], NULL);
            g_autofree char *where =
                line > 0 ? g_strdup_printf("%s:%u", origin, line) : g_strdup(origin);
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s: unknown group [%s]; expected [model], [priors], [recency], "
                        "[interactions], [advice], [ledger], [territory] or [brief]",
                        where, names[i]);
            return FALSE;
        }
        g_auto(GStrv) keys = g_key_file_get_keys(kf, names[i], NULL, NULL);
        for (guint k = 0; keys && keys[k] != NULL; k++)
            if (!key_is_known(names[i], keys[k]))
                return fail_at(error, origin, text, names[i], keys[k], "unknown key");
    }
    return TRUE;
}

/* Every `where=` line of [territory], in file order (a key file keeps only the last of
 * repeated keys, so the lines are read from the text). Fails on an empty expression. */
static gboolean read_territory(const char *text, const char *origin, char ***out, GError **error)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
    gboolean in_group = FALSE;
    for (guint i = 0; lines[i] != NULL; i++) {
        char *line = g_strstrip(lines[i]);
        if (line[0] == '[') {
            in_group = strcmp(line, "[territory]") == 0;
            continue;
        }
        if (!in_group || !g_str_has_prefix(line, "where"))
            continue;
        char *value = g_strchug(line + strlen("where"));
        if (value[0] != '=')
            continue;
        value = g_strstrip(value + 1);
        if (value[0] == '\0') {
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE,
                        "%s:%u: [territory] where: expected an expression such as "
                        "industry=Fintech",
                        origin, i + 1);
            return FALSE;
        }
        g_ptr_array_add(found, g_strdup(value));
    }
    if (found->len > 0) {
        g_ptr_array_add(found, NULL);
        *out = (char **)g_ptr_array_free(g_steal_pointer(&found), FALSE);
    }
    return TRUE;
}

/* The [brief] group's strings (GKeyFile's escapes undone). A value is one line of text: control
 * characters are refused, since the draft puts it into e-mail headers and bodies. An empty
 * value counts as absent. */
static gboolean read_brief(GKeyFile *kf, const char *origin, const char *text, WpBrief *brief,
                           GError **error)
{
    for (guint i = 0; i < G_N_ELEMENTS(brief_keys); i++) {
        const BriefKey *k = &brief_keys[i];
        g_autofree char *value = g_key_file_get_string(kf, "brief", k->key, NULL);
        if (value == NULL || *g_strstrip(value) == '\0')
            continue;
        for (const char *p = value; *p != '\0'; p++)
            if ((guchar)*p < 0x20 || *p == 0x7f)
                return fail_at(error, origin, text, "brief", k->key,
                               "expected one line of text without control characters");
        *brief_slot(brief, k) = g_steal_pointer(&value);
    }
    return TRUE;
}

static gboolean read_base(GKeyFile *kf, const char *origin, const char *text, WpModel **model,
                          GError **error)
{
    g_autofree char *base = g_key_file_get_value(kf, "model", "base", NULL);
    if (base == NULL || strcmp(g_strstrip(base), "default") == 0)
        *model = wp_model_new_default();
    else if (strcmp(base, "raw") == 0)
        *model = wp_model_new_raw();
    else
        return fail_at(error, origin, text, "model", "base", "expected 'default' or 'raw'");
    return TRUE;
}

WpModel *wp_model_load_from_data(const char *text, const char *origin, GError **error)
{
    g_return_val_if_fail(text != NULL && origin != NULL, NULL);
    g_autoptr(GKeyFile) kf = g_key_file_new();
    g_autoptr(GError) local = NULL;
    const char *bad = NULL;
    if (!g_utf8_validate(text, -1, &bad)) { /* GKeyFile lets it through in keys and values */
        guint line = 1;
        for (const char *p = text; p < bad; p++)
            line += *p == '\n';
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%u: invalid UTF-8", origin, line);
        return NULL;
    }
    /* KEEP_TRANSLATIONS: a "key[locale]" line then reaches check_known_keys() instead of being
     * dropped in silence. */
    if (!g_key_file_load_from_data(kf, text, (gsize)-1, G_KEY_FILE_KEEP_TRANSLATIONS, &local)) {
        guint line = find_bad_line(text);
        if (line > 0)
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%u: %s", origin, line, local->message);
        else
            g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s: %s", origin, local->message);
        return NULL;
    }
    g_autoptr(WpModel) m = NULL;
    if (!check_known_keys(kf, origin, text, error) || !read_base(kf, origin, text, &m, error))
        return NULL;
    for (guint i = 0; i < G_N_ELEMENTS(params); i++) {
        const Param *p = &params[i];
        if (!read_number(kf, origin, text, p->group, p->key, p->min, p->max, p->min_open,
                         param_slot(m, p), error))
            return NULL;
        if (param_is_whole(p) && *param_slot(m, p) != floor(*param_slot(m, p)))
            return fail_at(error, origin, text, p->group, p->key, "expected a whole number"), NULL;
    }
    double hops = m->max_hops;
    if (!read_number(kf, origin, text, "model", "max_hops", 0, WP_MAX_HOPS, FALSE, &hops, error))
        return NULL;
    if (hops != floor(hops))
        return fail_at(error, origin, text, "model", "max_hops", "expected a whole number"), NULL;
    m->max_hops = (guint)hops;
    if (!read_number(kf, origin, text, "priors", "untyped", 0, 1, TRUE, &m->untyped_prior, error))
        return NULL;
    for (guint t = 0; t < WP_TIE_N_TYPES; t++)
        if (!read_number(kf, origin, text, "priors", wp_tie_type_name(t), 0, 1, TRUE, &m->prior[t],
                         error))
            return NULL;
    g_autofree char *as_of = g_key_file_get_value(kf, "model", "as_of", NULL);
    if (as_of != NULL && *g_strstrip(as_of) != '\0' && !wp_day_parse(as_of, &m->as_of))
        return fail_at(error, origin, text, "model", "as_of", "expected a date YYYY-MM-DD"), NULL;
    if (!read_territory(text, origin, &m->territory, error) ||
        !read_brief(kf, origin, text, &m->brief, error))
        return NULL;
    return g_steal_pointer(&m);
}

WpModel *wp_model_load_file(const char *filename, GError **error)
{
    g_autofree char *text = NULL;
    gsize len = 0;
    if (!wp_file_read_small(filename, WP_MAX_SMALL_FILE_BYTES, &text, &len, error))
        return NULL;
    g_autofree char *origin = g_filename_display_name(filename);
    gsize nul = strlen(text);
    if (nul < len) { /* the key file parser would silently stop there */
        guint line = 1;
        for (gsize i = 0; i < nul; i++)
            line += text[i] == '\n';
        g_set_error(error, WP_ERROR, WP_ERROR_PARSE, "%s:%u: NUL byte in a profile", origin, line);
        return NULL;
    }
    return wp_model_load_from_data(text, origin, error);
}

WpModel *wp_model_new_from_spec(const char *spec, GError **error)
{
    if (spec == NULL || strcmp(spec, "default") == 0)
        return wp_model_new_default();
    if (strcmp(spec, "raw") == 0)
        return wp_model_new_raw();
    return wp_model_load_file(spec, error);
}

char *wp_model_profile_in_folder(const char *data_dir)
{
    if (data_dir == NULL)
        return NULL;
    g_autofree char *file = g_build_filename(data_dir, "profile.ini", NULL);
    return g_file_test(file, G_FILE_TEST_IS_REGULAR) ? g_steal_pointer(&file) : NULL;
}

/* @x in the shortest of "%.15g" and "%.17g" that reads back as exactly @x: "0.85" stays
 * "0.85", and a tuned 0.123456789 is not rounded to "%g"'s six digits. Cannot fail. */
static const char *format_number(char buf[G_ASCII_DTOSTR_BUF_SIZE], double x)
{
    g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", x);
    if (g_ascii_strtod(buf, NULL) != x)
        g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", x);
    return buf;
}

/* @value as a key file value that reads back as itself: a backslash doubled, a leading space
 * as \s (values hold no control characters, read_brief() refuses them). */
static void append_key_value(GString *out, const char *value)
{
    if (value[0] == ' ')
        g_string_append(out, "\\s"), value++;
    for (; *value != '\0'; value++)
        if (*value == '\\')
            g_string_append(out, "\\\\");
        else
            g_string_append_c(out, *value);
}

/* The [brief] group, each key with its purpose; a key not set is shown commented with an
 * example, so that the syntax is there to copy. */
static void append_brief(GString *out, const WpBrief *brief)
{
    g_string_append(out, "\n[brief]\n"
                         "# what warmpath draft tells a referral source and the buyer about you "
                         "(docs/asking.md);\n"
                         "# never invented: a draft without solves= has no forwardable note\n");
    for (guint i = 0; i < G_N_ELEMENTS(brief_keys); i++) {
        const BriefKey *k = &brief_keys[i];
        const char *value = *brief_slot((WpBrief *)brief, k);
        g_string_append_printf(out, "# %s\n", k->doc);
        if (value == NULL) {
            g_string_append_printf(out, "# %s=%s\n", k->key, k->example);
        } else {
            g_string_append_printf(out, "%s=", k->key);
            append_key_value(out, value);
            g_string_append_c(out, '\n');
        }
    }
}

char *wp_model_to_data(const WpModel *m)
{
    GString *out =
        g_string_new("# warmpath profile: how tie data becomes an effective strength.\n"
                     "# Omitted keys keep their defaults; see README \"The profile file\".\n");
    char num[G_ASCII_DTOSTR_BUF_SIZE];
    const char *group = NULL;
    for (guint i = 0; i < G_N_ELEMENTS(params); i++) {
        const Param *p = &params[i];
        if (group == NULL || strcmp(group, p->group) != 0) {
            group = p->group;
            g_string_append_printf(out, "\n[%s]\n", group);
            if (strcmp(group, "model") == 0) {
                g_string_append_printf(out, "# default or raw (declared strengths only)\nbase=%s\n",
                                       m->raw ? "raw" : "default");
                g_string_append_printf(out, "# longest path searched (0 = no limit)\nmax_hops=%u\n",
                                       m->max_hops);
                char day[11];
                wp_day_format(m->as_of, day);
                g_string_append_printf(out,
                                       "# measure recency to this date (empty = today)\n"
                                       "as_of=%s\n",
                                       day);
            }
        }
        g_string_append_printf(out, "# %s\n%s=%s\n", p->doc, p->key,
                               format_number(num, *param_slot((WpModel *)m, p)));
        if (i + 1 < G_N_ELEMENTS(params) && strcmp(params[i + 1].group, "recency") == 0 &&
            strcmp(group, "model") == 0) {
            g_string_append(out, "\n[priors]\n# strength assumed when a tie declares none, by "
                                 "type; a tie of several types takes the highest\n");
            for (guint t = 0; t < WP_TIE_N_TYPES; t++)
                g_string_append_printf(out, "%s=%s\n", wp_tie_type_name(t),
                                       format_number(num, m->prior[t]));
            g_string_append_printf(out, "untyped=%s\n", format_number(num, m->untyped_prior));
        }
    }
    /* Always shown, so that the syntax is there to copy: an example when the group is empty. */
    g_string_append(out, "\n[territory]\n"
                         "# default territory of rank and map when neither --where nor --targets "
                         "is given:\n# one filter per line in the --where language, AND-ed\n");
    for (guint i = 0; m->territory != NULL && m->territory[i] != NULL; i++)
        g_string_append_printf(out, "where=%s\n", m->territory[i]);
    if (m->territory == NULL)
        g_string_append(out, "# where=industry=Fintech,Insurance\n"
                             "# where=region=US-East,US-West\n"
                             "# where=title~vp,cfo,chief\n"
                             "# where=company_size>=500\n");
    append_brief(out, &m->brief);
    return g_string_free(out, FALSE);
}

double wp_model_tie_strength(const WpModel *m, const WpTieInfo *tie, WpDay as_of,
                             WpStrengthBreakdown *out)
{
    WpStrengthBreakdown b = {
        .prior_type = WP_TIE_N_TYPES, .age_days = -1, .recency = 1, .never_factor = 1};
    if (tie->types == WP_TIE_TYPE_BIT(WP_TIE_SOCIAL))
        b.status |= WP_TIE_STATUS_SOCIAL_ONLY;
    if (tie->interactions == 0)
        b.status |= WP_TIE_STATUS_NEVER_INTERACTED;
    if (tie->last_contact == WP_DAY_NONE)
        b.status |= WP_TIE_STATUS_NO_DATE;
    else /* 64-bit: any two days differ by less than that, even ones from a damaged file */
        b.age_days = (gint32)CLAMP((gint64)(as_of == WP_DAY_NONE ? wp_day_today() : as_of) -
                                       tie->last_contact,
                                   0, G_MAXINT32);
    if (b.age_days > m->cold_after_days)
        b.status |= WP_TIE_STATUS_GONE_COLD;

    if (!isnan(tie->declared)) {
        b.base = tie->declared;
    } else if (m->raw) {
        b.base = 1.0; /* unweighted data: every tie counts the same, paths rank by hops */
    } else {
        b.status |= WP_TIE_STATUS_PRIOR;
        b.base = tie->types ? 0 : m->untyped_prior;
        for (guint t = 0; t < WP_TIE_N_TYPES; t++)
            if ((tie->types & WP_TIE_TYPE_BIT(t)) && m->prior[t] > b.base) {
                b.base = m->prior[t];
                b.prior_type = (WpTieType)t;
            }
    }
    double eff = b.base;
    if (!m->raw) {
        if (b.age_days >= 0)
            b.recency = m->recency_floor +
                        (1 - m->recency_floor) * exp2(-(double)b.age_days / m->half_life_days);
        else
            b.recency = m->undated_factor;
        if (tie->interactions == 0)
            b.never_factor = m->never_factor;
        else if (tie->interactions > 0)
            b.boost = m->boost_max * (1 - exp(-(double)tie->interactions / m->boost_scale));
        eff *= b.recency * b.never_factor;
        eff += (1 - eff) * b.boost;
    }
    b.effective = b.model_effective = CLAMP(eff, G_MINDOUBLE, 1.0);
    if (out)
        *out = b;
    return b.effective;
}
