/* SPDX-License-Identifier: MIT */
/* The questions the service and the MCP server answer, from named parameters to the library
 * call: one validation per question, shared by both front ends. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <warmpath/warmpath.h>

/* A request's parameters in the order given: an HTTP query string or an MCP tool's arguments.
 * A name may repeat (where=a&where=b). */
typedef struct ServeParams ServeParams;

ServeParams *serve_params_new(void);
void serve_params_free(ServeParams *params);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(ServeParams, serve_params_free)
/* Appends one parameter (both strings copied; @value NULL counts as ""). */
void serve_params_add(ServeParams *params, const char *name, const char *value);
guint serve_params_size(const ServeParams *params);
/* The @i-th parameter's name and value (borrowed). */
const char *serve_params_name(const ServeParams *params, guint i);
const char *serve_params_value(const ServeParams *params, guint i);
/* The parameters of a URL query string ("a=1&b=%20x"); FALSE with WP_ERROR_USAGE when it is not
 * valid percent-encoded UTF-8. */
gboolean serve_params_parse_query(ServeParams *params, const char *query, GError **error);
/* An MCP tool's arguments or a POST's body (a JSON object: strings, numbers, booleans, arrays
 * of strings; null = not given); FALSE with WP_ERROR_USAGE naming the argument whose type is
 * wrong. */
gboolean serve_params_from_json(ServeParams *params, JsonObject *arguments, GError **error);

typedef enum {
    SERVE_PARAM_STRING,
    SERVE_PARAM_STRINGS, /* repeatable */
    SERVE_PARAM_INTEGER,
    SERVE_PARAM_NUMBER,
    SERVE_PARAM_BOOLEAN,
} ServeParamType;

/* One parameter a question takes: its name in a URL or MCP arguments, how the CLI spells it
 * (messages use the CLI's spelling, so every front end says the same), its type and help. */
typedef struct {
    const char *name;
    const char *option;
    ServeParamType type;
    const char *help;
} ServeParamSpec;

typedef enum {
    SERVE_ANSWER_JSON,
    SERVE_ANSWER_SVG,
} ServeAnswerKind;

/* What a question runs on: the scoring (shared by every thread), the calling thread's query
 * context (nullable), the model as named when the service started, the request's cancellable
 * (nullable; cancelled by its deadline or when the client goes away), the ledger database
 * (nullable: DATA_DIR/ledger.db, NULL when the network was not loaded from a data folder;
 * each question opens its own connection), and whether the day was fixed with --as-of (the
 * ledger's metrics then replay the history as it stood that day, as `warmpath metrics
 * --as-of` does). */
typedef struct {
    const WpScoring *scoring;
    WpQueryContext *context;
    const char *model_name;
    GCancellable *cancellable;
    const char *ledger_file;
    gboolean as_of_given;
} ServeQueryEnv;

/* Errors of the ledger's questions that the library reports as WP_ERROR_USAGE but a client must
 * tell apart from a malformed request: an ask id that no ask has (HTTP 404) and an event the
 * state rules refuse after the ask's current state (HTTP 409); and a service without a data
 * folder, which has no ledger (HTTP 501). */
#define SERVE_ERROR (serve_error_quark())
GQuark serve_error_quark(void);
typedef enum {
    SERVE_ERROR_UNKNOWN_ASK,
    SERVE_ERROR_CONFLICT,
    SERVE_ERROR_NO_LEDGER,
} ServeErrorCode;

/* An answer: a JSON document or an SVG picture, and for the JSON answers the gist in the
 * library's sentences (what an MCP tool's text content says). */
typedef struct {
    JsonNode *json;
    GBytes *svg;
    char *text;
} ServeAnswer;

void serve_answer_clear(ServeAnswer *answer);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(ServeAnswer, serve_answer_clear)

typedef gboolean (*ServeQueryFunc)(const ServeQueryEnv *env, const ServeParams *params,
                                   ServeAnswer *out, GError **error);

/* A question: its name ("paths"), what it returns, the parameters it takes (NULL-name
 * terminated) and the function that answers it. */
typedef struct {
    const char *name;
    ServeAnswerKind kind;
    const ServeParamSpec *params;
    ServeQueryFunc run;
} ServeQuery;

/* The questions: "paths", "rank", "people", "path-diagram", "account-diagram", and the
 * ledger's (ledger-queries.c) "drafts", "asks", "ask-events", "followups", "metrics".
 * NULL for another name. */
const ServeQuery *serve_query_lookup(const char *name);
/* The ledger's questions (ledger-queries.c), @n of them, for serve_query_lookup(). */
const ServeQuery *serve_ledger_queries(guint *n);

/**
 * serve_query_run:
 *
 * Checks @params against the question's (an unknown parameter, one given twice, a value of the
 * wrong type: WP_ERROR_USAGE naming it), then answers. Errors are the library's: WP_ERROR_USAGE
 * for a bad request, WP_ERROR_UNKNOWN_PERSON / _NAME and _AMBIGUOUS_PERSON with candidates,
 * G_IO_ERROR_CANCELLED past the deadline. On success @out holds the answer (its kind's member).
 */
gboolean serve_query_run(const ServeQuery *query, const ServeQueryEnv *env,
                         const ServeParams *params, ServeAnswer *out, GError **error);

/* ---- reading parameters (params.c) ------------------------------------------------------- */

/* The value of parameter @name (the last one given), or NULL. */
const char *serve_params_get(const ServeParams *params, const char *name);
/* Every value of a repeatable parameter, or NULL when not given. Free with g_strfreev(). */
char **serve_params_get_all(const ServeParams *params, const char *name);
/* "", 1, true, yes, on / 0, false, no, off (any case); FALSE for anything else. */
gboolean serve_parse_boolean(const char *text, gboolean *out);
/* TRUE when boolean parameter @name is given and true. */
gboolean serve_params_flag(const ServeParams *params, const char *name);
/* @text as a message may quote it: at most 40 characters (then "…"), valid UTF-8. */
char *serve_text_quoted(const char *text);
/* Unknown parameters, one given twice (except a repeatable one) and a boolean that is none:
 * WP_ERROR_USAGE naming it. */
gboolean serve_params_check(const ServeQuery *query, const ServeParams *params, GError **error);
/* A whole number in [@min, @max], read as the CLI's cli_parse_count() reads an option: else
 * WP_ERROR_USAGE "OPTION: expected EXPECTED, not 'TEXT'". *@out untouched when not given. */
gboolean serve_params_count(const ServeParams *params, const char *name, const char *option,
                            gint64 min, gint64 max, const char *expected, gint64 *out,
                            GError **error);
/* A number in [@lo, @hi) (or [@lo, @hi] with @closed); FALSE when it is not one. *@out
 * untouched when not given. */
gboolean serve_params_number(const ServeParams *params, const char *name, double lo, double hi,
                             gboolean closed, double *out);

/* The error body every front end sends: {"error": {"code", "message", "candidates"?}}, code a
 * short word ("usage", "unknown_person", "ambiguous_person", "unknown_name", "timeout",
 * "no_path", "unknown_ask", "conflict", "no_ledger", ...),
 * candidates [{"id"?, "name", "company"?, "title"?, "detail"?, "count"}]. */
JsonNode *serve_error_json(const WpGraph *graph, const GError *error);
/* The word of serve_error_json()'s "code". */
const char *serve_error_code(const GError *error);
/* The JSON text the CLI prints for @root with --format json: pretty, a trailing newline. */
char *serve_json_text(JsonNode *root, gsize *len);
