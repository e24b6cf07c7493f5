/* SPDX-License-Identifier: MIT */
/* Weights and ratings (README "Weights and ratings"): which column holds a tie's number, how the
 * number becomes a strength in (0, 1], and the warning when a file's numbers are left unread.
 * Public datasets weigh ties by counts (co-appearances, interactions) or signed ratings (trust
 * from -10 to +10); read as strengths they were refused or, worse, ignored. */
#include "io/io-private.h"

#include <math.h>
#include <string.h>

/* A decimal as the ties files write them: no hex, no infinities or NaN, nothing around it. */
static gboolean parse_decimal(const char *text, double *out)
{
    char *end = NULL;
    if (text[0] == '\0' || g_ascii_isspace(text[0]) || strpbrk(text, "xXiInN") != NULL)
        return FALSE;
    double v = g_ascii_strtod(text, &end);
    if (end == text || *end != '\0' || !isfinite(v))
        return FALSE;
    *out = v;
    return TRUE;
}

gboolean wp_weight_scale_parse(const char *text, WpWeightScale *scale, double *lo, double *hi,
                               GError **error)
{
    g_return_val_if_fail(text != NULL && scale != NULL && lo != NULL && hi != NULL, FALSE);
    static const struct {
        const char *name;
        WpWeightScale scale;
    } names[] = {{"strength", WP_WEIGHT_STRENGTH}, {"max", WP_WEIGHT_MAX}, {"log", WP_WEIGHT_LOG}};
    *lo = *hi = 0;
    for (guint i = 0; i < G_N_ELEMENTS(names); i++)
        if (g_ascii_strcasecmp(text, names[i].name) == 0) {
            *scale = names[i].scale;
            return TRUE;
        }
    /* LO:HI; a colon cannot be part of a decimal, so the first one splits. */
    const char *colon = strchr(text, ':');
    g_autofree char *low = colon ? g_strndup(text, (gsize)(colon - text)) : NULL;
    if (colon == NULL || !parse_decimal(low, lo) || !parse_decimal(colon + 1, hi) ||
        !(*lo < *hi) || !(*hi > 0)) {
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "--weight-scale: '%s' is not strength, max, log or a range LO:HI of numbers "
                    "with LO < HI and HI > 0 (such as 0:5 or -10:10)",
                    text);
        return FALSE;
    }
    *scale = WP_WEIGHT_RANGE;
    return TRUE;
}

gboolean wp_i_parse_weight(const WpWeightRule *rule, const char *text, double *out)
{
    if (rule->scale == WP_WEIGHT_STRENGTH)
        return wp_i_parse_strength(text, out);
    double v = 0;
    if (!parse_decimal(text, &v) ||
        (rule->scale == WP_WEIGHT_RANGE && !(v >= rule->lo && v <= rule->hi)))
        return FALSE;
    if (v < 0)
        *out = WP_DECLARED_DISTRUST;
    else if (rule->scale != WP_WEIGHT_RANGE || v == 0)
        *out = v; /* max and log are scaled once the largest is known */
    else
        *out = MAX((v - rule->lo) / (rule->hi - rule->lo), 0); /* lo itself is no tie */
    return TRUE;
}

char *wp_i_weight_expected(const WpWeightRule *rule, const char *value)
{
    double v = 0;
    switch (rule->scale) {
    case WP_WEIGHT_STRENGTH:
        /* A number outside (0, 1] is a weight or a rating on another scale, most likely. */
        return g_strdup(parse_decimal(value, &v) ? "a number in (0, 1] (weights and ratings on "
                                                   "another scale need --weight-scale)"
                                                 : "a number in (0, 1]");
    case WP_WEIGHT_RANGE: {
        char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup_printf("a number in [%s, %s] (--weight-scale)",
                               g_ascii_formatd(lo, sizeof lo, "%g", rule->lo),
                               g_ascii_formatd(hi, sizeof hi, "%g", rule->hi));
    }
    case WP_WEIGHT_MAX:
    case WP_WEIGHT_LOG:
    default:
        return g_strdup("a number");
    }
}

gboolean wp_i_weight_row_says(WpGraphBuilder *builder, const char *origin, guint64 line,
                              double declared, const char *value, const char *a, gsize a_len,
                              const char *b, gsize b_len, GError **error)
{
    if (declared == WP_DECLARED_DISTRUST)
        return wp_i_builder_warn(builder, WP_WARNING_DISTRUST, error,
                                 "%s:%" G_GUINT64_FORMAT ": weight '%s' is below zero (distrust): "
                                 "the tie between '%.*s' and '%.*s' is kept out of the search",
                                 origin, line, value, (int)a_len, a, (int)b_len, b);
    return wp_i_builder_warn(builder, WP_WARNING_ZERO_WEIGHT, error,
                             "%s:%" G_GUINT64_FORMAT ": weight '%s' means no tie: the row between "
                             "'%.*s' and '%.*s' adds none",
                             origin, line, value, (int)a_len, a, (int)b_len, b);
}

/* ---- columns that look like weights but are not read ---- */

/* Names that say a number is something else: an id, a time. */
static gboolean names_no_weight(const char *name)
{
    static const char *const parts[] = {"id", "time", "date", "year", "day", "epoch"};
    for (guint i = 0; i < G_N_ELEMENTS(parts); i++)
        if (strstr(name, parts[i]) != NULL)
            return TRUE;
    return FALSE;
}

void wp_i_weight_sniff_start(WpWeightSniff *sniff, char **names, const WpTiesColumns *columns)
{
    *sniff = (WpWeightSniff){0};
    if (columns->col[WP_TIES_STRENGTH] >= 0) /* weights are read: nothing is missed */
        return;
    for (guint c = 0; names[c] != NULL && sniff->n < WP_SNIFF_COLUMNS; c++) {
        gboolean known = FALSE;
        for (guint k = 0; k < WP_TIES_N_FIELDS; k++)
            known |= columns->col[k] == (int)c;
        if (known || names_no_weight(names[c]))
            continue;
        sniff->column[sniff->n] = (int)c;
        g_strlcpy(sniff->name[sniff->n], names[c], sizeof sniff->name[0]);
        sniff->numeric[sniff->n] = TRUE;
        sniff->n++;
    }
}

void wp_i_weight_sniff_row(WpWeightSniff *sniff, const WpCsvRecord *record)
{
    if (sniff->rows >= WP_SNIFF_ROWS)
        return;
    sniff->rows++;
    for (guint i = 0; i < sniff->n; i++) {
        if ((guint)sniff->column[i] >= record->n_fields)
            continue;
        g_autofree char *cell = g_strstrip(g_strdup(record->fields[sniff->column[i]]));
        double v = 0;
        if (cell[0] == '\0')
            continue;
        if (!parse_decimal(cell, &v))
            sniff->numeric[i] = FALSE;
        sniff->seen[i] = TRUE;
        sniff->varied[i] |= v != 0 && v != 1; /* 0/1 columns are flags */
    }
}

gboolean wp_i_weight_sniff_finish(WpWeightSniff *sniff, WpGraphBuilder *builder,
                                  const char *origin, guint64 header_line, GError **error)
{
    for (guint i = 0; i < sniff->n; i++)
        if (sniff->numeric[i] && sniff->seen[i] && sniff->varied[i] &&
            !wp_i_builder_warn(builder, WP_WARNING_UNUSED_COLUMN, error,
                               "%s:%" G_GUINT64_FORMAT ": column '%s' looks numeric but is not "
                               "used (no tie declares a strength); to read it, pass "
                               "--weight-column %s --weight-scale max|log|LO:HI",
                               origin, header_line, sniff->name[i], sniff->name[i]))
            return FALSE;
    sniff->n = 0; /* said once */
    return TRUE;
}

static gboolean on_sample(const WpCsvRecord *rec, gpointer user_data, GError **error G_GNUC_UNUSED)
{
    wp_i_weight_sniff_row(user_data, rec);
    return TRUE;
}

void wp_i_weight_sniff_text(WpWeightSniff *sniff, const char *body, const char *end,
                            const char *origin)
{
    if (sniff->n == 0)
        return;
    const char *p = body;
    for (guint records = 0; p < end && records < WP_SNIFF_ROWS;) {
        const char *nl = memchr(p, '\n', (gsize)(end - p));
        const char *stop = nl ? nl : end;
        gboolean blank = TRUE;
        for (const char *q = p; q < stop && blank; q++)
            blank = *q == ',' || *q == ' ' || *q == '\t' || *q == '\r';
        records += !blank;
        p = nl ? nl + 1 : end;
    }
    g_autofree char *text = g_strndup(body, (gsize)(p - body));
    g_autoptr(WpLineReader) reader = wp_i_lines_new_for_data(text, origin);
    wp_i_csv_read(reader, on_sample, NULL, sniff, NULL); /* problems are the readers' to say */
}
