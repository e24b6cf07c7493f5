/* SPDX-License-Identifier: MIT */
/* The metrics chart: the funnel beside the calibration curve, drawn with cairo (the only file
 * that includes it), as PNG or SVG. */
#include "warmpath/metrics.h"

#include <cairo-svg.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "warmpath/error.h"

#define WIDTH 960
#define HEIGHT 440
#define PANEL (WIDTH / 2)

static const WpAskState chain[] = {WP_ASK_ASKED,   WP_ASK_AGREED,      WP_ASK_INTRODUCED,
                                   WP_ASK_MEETING, WP_ASK_OPPORTUNITY, WP_ASK_WON};

static void text_at(cairo_t *cr, double x, double y, double size, gboolean bold, double align,
                    const char *text)
{
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, text, &ext);
    cairo_move_to(cr, x - align * ext.x_advance, y);
    cairo_show_text(cr, text);
}

static char *num(const char *format, double value)
{
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    return g_strdup(g_ascii_formatd(buf, sizeof buf, format, value));
}

/* One bar per step of the chain, as a share of the asks, with the count and the conversion
 * from the step before. */
static void draw_funnel(cairo_t *cr, const WpMetrics *m)
{
    const double left = 110, right = PANEL - 90, top = 70, row = 52, bar = 34;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text_at(cr, 24, 36, 18, TRUE, 0, "Referral funnel");
    g_autofree char *sub = g_strdup_printf(
        "%u asks; ended: %u declined, %u no answer, %u no response, %u lost",
        m->funnel[WP_ASK_ASKED], m->funnel[WP_ASK_DECLINED], m->funnel[WP_ASK_NO_ANSWER],
        m->funnel[WP_ASK_NO_RESPONSE], m->funnel[WP_ASK_LOST]);
    text_at(cr, 24, 56, 12, FALSE, 0, sub);
    double asks = MAX(1, m->funnel[WP_ASK_ASKED]);
    for (guint i = 0; i < G_N_ELEMENTS(chain); i++) {
        guint n = m->funnel[chain[i]];
        double y = top + i * row, w = (right - left) * n / asks;
        cairo_set_source_rgb(cr, 0.92, 0.93, 0.95);
        cairo_rectangle(cr, left, y, right - left, bar);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.18 + 0.08 * i, 0.42 + 0.05 * i, 0.70 - 0.04 * i);
        cairo_rectangle(cr, left, y, w, bar);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
        text_at(cr, left - 10, y + bar / 2 + 5, 13, FALSE, 1, wp_ask_state_name(chain[i]));
        g_autofree char *count = g_strdup_printf("%u", n);
        text_at(cr, right + 8, y + bar / 2 - 1, 13, TRUE, 0, count);
        if (i > 0 && m->funnel[chain[i - 1]] > 0) {
            g_autofree char *pct = num("%.0f", 100.0 * n / m->funnel[chain[i - 1]]);
            g_autofree char *conv =
                g_strconcat(pct, " % of ", wp_ask_state_name(chain[i - 1]), NULL);
            cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
            text_at(cr, right + 8, y + bar / 2 + 13, 10, FALSE, 0, conv);
        }
    }
}

static void axis_label(cairo_t *cr, double x, double y, double value, double align)
{
    g_autofree char *t = num("%.1f", value);
    text_at(cr, x, y, 11, FALSE, align, t);
}

/* Observed success rate against mean predicted probability per bin (a point's area is its
 * asks), the diagonal of perfect calibration, and the Brier score. */
static void draw_calibration(cairo_t *cr, const WpMetrics *m)
{
    const double x0 = PANEL + 70, y0 = HEIGHT - 60, size = 310;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    text_at(cr, PANEL + 24, 36, 18, TRUE, 0, "Calibration");
    g_autofree char *brier = isfinite(m->brier) ? num("%.3f", m->brier) : g_strdup("n/a");
    g_autofree char *ref =
        isfinite(m->brier_reference) ? num("%.3f", m->brier_reference) : g_strdup("n/a");
    g_autofree char *sub = g_strdup_printf("%u asks; Brier %s (always the observed rate: %s);"
                                           " area: asks",
                                           m->calibrated, brier, ref);
    text_at(cr, PANEL + 24, 56, 12, FALSE, 0, sub);
    cairo_set_line_width(cr, 1);
    for (int i = 0; i <= 5; i++) { /* grid and ticks */
        double v = i / 5.0;
        cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
        cairo_move_to(cr, x0 + v * size, y0);
        cairo_line_to(cr, x0 + v * size, y0 - size);
        cairo_move_to(cr, x0, y0 - v * size);
        cairo_line_to(cr, x0 + size, y0 - v * size);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        axis_label(cr, x0 + v * size, y0 + 16, v, 0.5);
        axis_label(cr, x0 - 6, y0 - v * size + 4, v, 1);
    }
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_rectangle(cr, x0, y0 - size, size, size);
    cairo_stroke(cr);
    text_at(cr, x0 + size / 2, y0 + 36, 12, FALSE, 0.5, "predicted probability");
    cairo_save(cr);
    cairo_translate(cr, x0 - 34, y0 - size / 2);
    cairo_rotate(cr, -G_PI / 2);
    text_at(cr, 0, 0, 12, FALSE, 0.5,
            m->success == WP_CALIBRATION_INTRODUCED ? "observed: introduced" : "observed: met");
    cairo_restore(cr);
    const double dash[] = {5, 4};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
    cairo_move_to(cr, x0, y0);
    cairo_line_to(cr, x0 + size, y0 - size);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_set_source_rgb(cr, 0.85, 0.35, 0.15);
    cairo_set_line_width(cr, 2);
    gboolean first = TRUE;
    for (guint b = 0; b < WP_CALIBRATION_BINS; b++) { /* the curve */
        const WpCalibrationBin *c = &m->calibration[b];
        if (c->asks == 0)
            continue;
        double x = x0 + c->mean_predicted * size, y = y0 - size * c->succeeded / c->asks;
        if (first)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
        first = FALSE;
    }
    cairo_stroke(cr);
    guint most = 1;
    for (guint b = 0; b < WP_CALIBRATION_BINS; b++)
        most = MAX(most, m->calibration[b].asks);
    for (guint b = 0; b < WP_CALIBRATION_BINS; b++) { /* the points, area by asks */
        const WpCalibrationBin *c = &m->calibration[b];
        if (c->asks == 0)
            continue;
        double x = x0 + c->mean_predicted * size, y = y0 - size * c->succeeded / c->asks;
        cairo_arc(cr, x, y, 3 + 12 * sqrt((double)c->asks / most), 0, 2 * G_PI);
        cairo_set_source_rgba(cr, 0.85, 0.35, 0.15, 0.45);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.6, 0.2, 0.05);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
    }
}

static void draw(cairo_t *cr, const WpMetrics *m)
{
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    draw_funnel(cr, m);
    draw_calibration(cr, m);
}

static cairo_status_t append(void *closure, const unsigned char *data, unsigned int length)
{
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

gboolean wp_metrics_chart(const WpMetrics *metrics, const char *filename, GError **error)
{
    g_return_val_if_fail(metrics != NULL && filename != NULL, FALSE);
    gboolean svg = g_str_has_suffix(filename, ".svg");
    if (!svg && !g_str_has_suffix(filename, ".png")) {
        g_autofree char *shown = g_filename_display_name(filename);
        g_set_error(error, WP_ERROR, WP_ERROR_USAGE,
                    "chart '%s': the file name must end in .png or .svg", shown);
        return FALSE;
    }
    g_autoptr(GByteArray) bytes = g_byte_array_new();
    cairo_surface_t *surface =
        svg ? cairo_svg_surface_create_for_stream(append, bytes, WIDTH, HEIGHT)
            : cairo_image_surface_create(CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    cairo_t *cr = cairo_create(surface);
    draw(cr, metrics);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (status == CAIRO_STATUS_SUCCESS && !svg)
        status = cairo_surface_write_to_png_stream(surface, append, bytes);
    cairo_surface_finish(surface); /* an SVG is written out here */
    if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        g_set_error(error, WP_ERROR, WP_ERROR_RENDER, "chart: %s", cairo_status_to_string(status));
        return FALSE;
    }
    return g_file_set_contents(filename, (const char *)bytes->data, bytes->len, error);
}
