/* SPDX-License-Identifier: MIT */
/* What the report files share: numbers written the same under every locale, the team rules as
 * reports see them, and how people are named in sentences (never for applications). */
#pragma once

#include "warmpath/warmpath.h"

/* @x formatted with @fmt (a printf format of one double: "%.2f", "%.6g") whatever the locale;
 * @buf holds G_ASCII_DTOSTR_BUF_SIZE bytes. Returns @buf. */
static inline const char *wp_i_num(char *buf, const char *fmt, double x)
{
    return g_ascii_formatd(buf, G_ASCII_DTOSTR_BUF_SIZE, fmt, x);
}

/* The same, allocated. */
char *wp_i_num_dup(const char *fmt, double x);

/* A path's chance: "71 %", "4.2 %", "0.73 %" (two significant digits under 10 %). */
char *wp_i_percent(double p);
/* A ranking's figure: "71 %", "4.2 %", "< 0.1 %". */
char *wp_i_rank_percent(double p);

/* The team of @p when the scoring's team rules make @p a seller (a model that is not raw),
 * else NULL. Borrowed from the graph. */
const char *wp_i_seller_team(const WpScoring *scoring, WpPerson p);
/* The team @a and @b (not the same person) are both sellers of, under the team rules, else
 * NULL. */
const char *wp_i_shared_team(const WpScoring *scoring, WpPerson a, WpPerson b);

/* "Name (Title, Company)" with what is known. */
char *wp_i_described(const WpGraph *graph, WpPerson p);
/* "Name (Company)", or the name alone. */
char *wp_i_short_name(const WpGraph *graph, WpPerson p);

/* Explains @path into @out (hops allocated; free with wp_i_path_reason_clear()). */
void wp_i_path_reason_init(WpPathReason *out, const WpScoring *scoring, const WpPath *path,
                           const WpPathSet *set);
void wp_i_path_reason_clear(WpPathReason *reason);

/* JSON members both reports write. */
void wp_i_json_string_or_null(JsonBuilder *b, const char *member, const char *value);
void wp_i_json_double(JsonBuilder *b, const char *member, double x);
void wp_i_json_int(JsonBuilder *b, const char *member, gint64 x);
void wp_i_json_bool(JsonBuilder *b, const char *member, gboolean x);
void wp_i_json_string(JsonBuilder *b, const char *member, const char *value);
/* @member: an array of @people[0, n) as @name_of gives them (wp_graph_person_id() or
 * wp_graph_person_label()). */
void wp_i_json_people(JsonBuilder *b, const char *member, const WpGraph *graph,
                      const WpPerson *people, guint n,
                      const char *(*name_of)(const WpGraph *graph, WpPerson person));
/* "member": {"email", "linkedin_url", "phone"} of @p (absent ones null), or null for
 * WP_PERSON_NONE (contacts.c). */
void wp_i_json_contact(JsonBuilder *b, const char *member, const WpGraph *g, WpPerson p);
