/* SPDX-License-Identifier: MIT */
/* A parsed filter's layout, shared by the parser and matcher (where.c) and the explanations of
 * what matched no one (where-explain.c). Never for applications. */
#pragma once

#include "select/select-private.h"

typedef enum {
    OP_EQ,           /* = */
    OP_NE,           /* != */
    OP_CONTAINS,     /* ~ */
    OP_NOT_CONTAINS, /* !~ */
    OP_GE,           /* >= */
    OP_LE,           /* <= */
    OP_GT,           /* > */
    OP_LT,           /* < */
} Op;

/* One expression. Byte offsets point into @text for error messages. */
typedef struct {
    char *text;      /* owned: the expression as given */
    char *column;    /* owned: the column name, trimmed and lowercased */
    gsize column_at; /* byte offset and length of the column name in @text */
    gsize column_len;
    Op op;
    gboolean is_company_size;
    gboolean is_company; /* the company column: values compare as accounts */
    double number;       /* numeric operators */
    /* List operators: per value, its key (wp_text_fold(), or wp_text_fold_company() for the
     * company column), its text as written, and "FILE:LINE" when a list file gave it (else NULL).
     * All three owned, same length. */
    GPtrArray *values;
    GPtrArray *texts;
    GPtrArray *origins;
    GHashTable *set; /* key (borrowed from @values) -> itself (OP_EQ, OP_NE) */
} Condition;

struct WpWhere {
    GPtrArray *conditions; /* Condition *, owned */
};

/* TRUE when @person meets @c alone. Thread-safe. */
gboolean wp_i_condition_matches(const Condition *c, const WpGraph *graph, WpPerson person);
