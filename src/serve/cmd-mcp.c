/* SPDX-License-Identifier: MIT */
/* warmpath mcp: a Model Context Protocol server on standard input and output (JSON-RPC 2.0,
 * one message per line), so an AI assistant can ask the questions `warmpath path`, `rank` and
 * the service's people search answer. The tools are the service's questions (queries.c) with
 * the same parameters and messages. Standard output carries protocol messages only; the log
 * goes to standard error. */
#include "serve/serve.h"

#include <gio/gunixinputstream.h>

#include <stdio.h>
#include <string.h>

#define MAX_MESSAGE_BYTES (1u << 20) /* a longer line is refused, not parsed */

enum {
    RPC_PARSE_ERROR = -32700,
    RPC_INVALID_REQUEST = -32600,
    RPC_METHOD_NOT_FOUND = -32601,
    RPC_INVALID_PARAMS = -32602,
    RPC_INTERNAL_ERROR = -32603,
};

/* The protocol revisions this server speaks, newest first; a client asking for another gets
 * the newest (the specification's version negotiation). */
static const char *const protocol_versions[] = {"2025-06-18", "2025-03-26", "2024-11-05"};

/* An MCP tool: its name, what it is for, the service's question it asks, and whether it
 * writes (to the ledger: the tool is then announced as not read-only). */
typedef struct {
    const char *name;
    const char *query;
    const char *title;
    const char *description;
    gboolean writes;
} Tool;

static const Tool tools[] = {
    {"find_introduction_paths", "paths", "Find introduction paths",
     "Who can introduce a seller (from, or a sales team) to a person (to, with at = the company "
     "to tell namesakes apart) or into an account (to_company): the best paths, each through a "
     "different referral source, every hop explained with its tie strength and recency. People "
     "are named by id or by name; an unknown or ambiguous name fails with the closest names or "
     "the candidates. The answer is the same JSON as `warmpath path --format json`.",
     FALSE},
    {"rank_referral_sources", "rank", "Rank referral sources",
     "Whom a seller (from, or a team) should ask first for introductions into a territory "
     "(where: filters such as industry=Fintech or title~cfo, AND-ed): the seller's contacts "
     "ranked by the introductions each can be expected to open, cold targets and accounts, "
     "and with plan=N an ask plan. The same JSON as `warmpath rank --format json`.",
     FALSE},
    {"search_people", "people", "Search people",
     "People whose name (or company) matches the text, best first, with id, name, company and "
     "title: use it to find the id of the person meant before asking for paths.",
     FALSE},
    {"draft_intro_request", "drafts", "Draft an intro request",
     "The intro request a seller (from) sends a referral source to be introduced to a buyer "
     "(to, with at = the company): a message to the source (reconnect, why this buyer, the "
     "ask) and a short note the source can forward, from the seller's brief in the profile. "
     "Without via the best path's source; via names another. The draft is returned for the "
     "seller to send by hand: nothing is sent. The same JSON as `warmpath draft --format "
     "json`.",
     FALSE},
    {"record_ask", "asks", "Record an ask",
     "Records in the team's ledger that a seller (from) asked a referral source (via; default "
     "the best path's) for an introduction to a buyer (to, at): the path and its predicted "
     "chance are kept with the ask, and warnings name a source with too many open asks or "
     "asked recently. Call it once the seller has actually asked; nothing is sent. The same "
     "JSON as `warmpath ask --format json`.",
     TRUE},
    {"list_followups", "followups", "List today's follow-ups",
     "What to do today about the asks in the ledger, most overdue first: thank or nudge the "
     "source, report back, ask the next best source after a decline, ask a new client for "
     "referrals. Optionally only some sellers' asks (from, or team). The same JSON as "
     "`warmpath followups --format json`.",
     FALSE},
};

typedef struct {
    WpScoring *scoring; /* (nullable) the network, NULL when loading failed */
    char *load_error;   /* why loading failed */
    const char *model_name;
    WpQueryContext *context;
    char *ledger_file; /* (nullable) DATA_DIR/ledger.db; owned */
    gboolean as_of_given;
} Mcp;

static void send_message(JsonNode *message)
{
    g_autoptr(JsonGenerator) generator = json_generator_new();
    json_generator_set_root(generator, message);
    gsize len = 0;
    g_autofree char *text = json_generator_to_data(generator, &len);
    fwrite(text, 1, len, stdout);
    fputc('\n', stdout);
    fflush(stdout);
}

/* {"jsonrpc": "2.0", "id": ID, "result": RESULT} (takes @result). */
static void send_result(JsonNode *id, JsonNode *result)
{
    g_autoptr(JsonNode) message = json_node_new(JSON_NODE_OBJECT);
    JsonObject *o = json_object_new();
    json_object_set_string_member(o, "jsonrpc", "2.0");
    json_object_set_member(o, "id", id ? json_node_copy(id) : json_node_new(JSON_NODE_NULL));
    json_object_set_member(o, "result", result);
    json_node_take_object(message, o);
    send_message(message);
}

/* {"jsonrpc": "2.0", "id": ID, "error": {"code", "message", "data"?}} (takes @data). */
static void send_error(JsonNode *id, int code, const char *text, JsonNode *data)
{
    JsonObject *error = json_object_new();
    json_object_set_int_member(error, "code", code);
    json_object_set_string_member(error, "message", text);
    if (data != NULL)
        json_object_set_member(error, "data", data);
    g_autoptr(JsonNode) message = json_node_new(JSON_NODE_OBJECT);
    JsonObject *o = json_object_new();
    json_object_set_string_member(o, "jsonrpc", "2.0");
    json_object_set_member(o, "id", id ? json_node_copy(id) : json_node_new(JSON_NODE_NULL));
    json_object_set_object_member(o, "error", error);
    json_node_take_object(message, o);
    send_message(message);
}

static JsonNode *initialize_result(JsonObject *params)
{
    const char *asked =
        params && json_object_has_member(params, "protocolVersion")
            ? json_object_get_string_member_with_default(params, "protocolVersion", "")
            : "";
    const char *version = protocol_versions[0];
    for (guint i = 0; i < G_N_ELEMENTS(protocol_versions); i++)
        if (strcmp(asked, protocol_versions[i]) == 0)
            version = protocol_versions[i];
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "protocolVersion");
    json_builder_add_string_value(b, version);
    json_builder_set_member_name(b, "capabilities");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "tools");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "listChanged");
    json_builder_add_boolean_value(b, FALSE);
    json_builder_end_object(b);
    json_builder_end_object(b);
    json_builder_set_member_name(b, "serverInfo");
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "name");
    json_builder_add_string_value(b, "warmpath");
    json_builder_set_member_name(b, "version");
    json_builder_add_string_value(b, wp_version_string());
    json_builder_end_object(b);
    json_builder_set_member_name(b, "instructions");
    json_builder_add_string_value(
        b, "warmpath finds warm introductions through a team's network of people and trust "
           "ties. Use search_people to find a person's id, find_introduction_paths for who can "
           "introduce a seller to a buyer, rank_referral_sources for whom to ask first across a "
           "territory, draft_intro_request for the message to send the source, record_ask once "
           "the seller has asked, list_followups for what to do today. Answers are advice to "
           "act on; nothing is sent to anyone.");
    json_builder_end_object(b);
    return json_builder_get_root(b);
}

/* One parameter's JSON Schema. */
static void add_property(JsonBuilder *b, const ServeParamSpec *spec)
{
    static const char *const types[] = {[SERVE_PARAM_STRING] = "string",
                                        [SERVE_PARAM_STRINGS] = "array",
                                        [SERVE_PARAM_INTEGER] = "integer",
                                        [SERVE_PARAM_NUMBER] = "number",
                                        [SERVE_PARAM_BOOLEAN] = "boolean"};
    json_builder_set_member_name(b, spec->name);
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "type");
    json_builder_add_string_value(b, types[spec->type]);
    if (spec->type == SERVE_PARAM_STRINGS) {
        json_builder_set_member_name(b, "items");
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "type");
        json_builder_add_string_value(b, "string");
        json_builder_end_object(b);
    }
    json_builder_set_member_name(b, "description");
    json_builder_add_string_value(b, spec->help);
    json_builder_end_object(b);
}

static JsonNode *tools_list_result(void)
{
    g_autoptr(JsonBuilder) b = json_builder_new();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "tools");
    json_builder_begin_array(b);
    for (guint i = 0; i < G_N_ELEMENTS(tools); i++) {
        const ServeQuery *query = serve_query_lookup(tools[i].query);
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "name");
        json_builder_add_string_value(b, tools[i].name);
        json_builder_set_member_name(b, "title");
        json_builder_add_string_value(b, tools[i].title);
        json_builder_set_member_name(b, "description");
        json_builder_add_string_value(b, tools[i].description);
        json_builder_set_member_name(b, "inputSchema");
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "type");
        json_builder_add_string_value(b, "object");
        json_builder_set_member_name(b, "properties");
        json_builder_begin_object(b);
        for (const ServeParamSpec *spec = query->params; spec->name != NULL; spec++)
            add_property(b, spec);
        json_builder_end_object(b);
        json_builder_set_member_name(b, "additionalProperties");
        json_builder_add_boolean_value(b, FALSE);
        json_builder_end_object(b);
        json_builder_set_member_name(b, "annotations");
        json_builder_begin_object(b);
        json_builder_set_member_name(b, "readOnlyHint");
        json_builder_add_boolean_value(b, !tools[i].writes);
        if (tools[i].writes) { /* a new ask each call: neither destructive nor idempotent */
            json_builder_set_member_name(b, "destructiveHint");
            json_builder_add_boolean_value(b, FALSE);
            json_builder_set_member_name(b, "idempotentHint");
            json_builder_add_boolean_value(b, FALSE);
        }
        json_builder_set_member_name(b, "openWorldHint");
        json_builder_add_boolean_value(b, FALSE);
        json_builder_end_object(b);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    return json_builder_get_root(b);
}

/* A tool's result: {"content": [{"type": "text", "text"}], "structuredContent", "isError"}. */
static JsonNode *tool_result(const char *text, JsonNode *structured, gboolean is_error)
{
    JsonObject *o = json_object_new();
    JsonArray *content = json_array_new();
    JsonObject *block = json_object_new();
    json_object_set_string_member(block, "type", "text");
    json_object_set_string_member(block, "text", text);
    json_array_add_object_element(content, block);
    json_object_set_array_member(o, "content", content);
    if (structured != NULL)
        json_object_set_member(o, "structuredContent", json_node_ref(structured));
    json_object_set_boolean_member(o, "isError", is_error);
    JsonNode *node = json_node_new(JSON_NODE_OBJECT);
    json_node_take_object(node, o);
    return node;
}

/* The error's message, then its candidates one per line: what an assistant reads to ask
 * again with an id. */
static char *error_text(const WpGraph *graph, const GError *error)
{
    GString *out = g_string_new(error->message);
    guint n = 0;
    const WpCandidate *c = wp_error_get_candidates(error, &n);
    for (guint i = 0; i < n; i++) {
        if (c[i].person != WP_PERSON_NONE) {
            const char *company = wp_graph_person_attr(graph, c[i].person, WP_COLUMN_COMPANY);
            const char *title = wp_graph_person_attr(graph, c[i].person, WP_COLUMN_TITLE);
            g_string_append_printf(out, "\n- %s (id %s)%s%s%s%s",
                                   wp_graph_person_label(graph, c[i].person),
                                   wp_graph_person_id(graph, c[i].person), title ? ", " : "",
                                   title ? title : "", company ? ", " : "", company ? company : "");
        } else {
            g_string_append_printf(out, "\n- %s%s%s%s", c[i].name, c[i].detail ? " (" : "",
                                   c[i].detail ? c[i].detail : "", c[i].detail ? ")" : "");
        }
    }
    return g_string_free(out, FALSE);
}

/* tools/call. Per the specification, a call the protocol cannot make (an unknown tool,
 * arguments that are not the tool's) is a JSON-RPC error (-32602, the CLI's message); a
 * question asked right that has no answer (a person no one is, a name several are) is a
 * result with isError, the message and candidates as text and as structured content. */
static void call_tool(Mcp *mcp, JsonNode *id, JsonObject *params)
{
    const char *name =
        params ? json_object_get_string_member_with_default(params, "name", NULL) : NULL;
    const Tool *tool = NULL;
    for (guint i = 0; name != NULL && i < G_N_ELEMENTS(tools); i++)
        if (strcmp(tools[i].name, name) == 0)
            tool = &tools[i];
    if (tool == NULL) {
        g_autofree char *shown = name ? wp_text_excerpt(name) : g_strdup("");
        g_autofree char *m = g_strdup_printf("unknown tool '%s'", shown);
        send_error(id, RPC_INVALID_PARAMS, m, NULL);
        return;
    }
    JsonNode *args = json_object_get_member(params, "arguments");
    if (args != NULL && !JSON_NODE_HOLDS_OBJECT(args) && !JSON_NODE_HOLDS_NULL(args)) {
        send_error(id, RPC_INVALID_PARAMS, "arguments: expected an object", NULL);
        return;
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(ServeParams) p = serve_params_new();
    if (!serve_params_from_json(
            p, args && JSON_NODE_HOLDS_OBJECT(args) ? json_node_get_object(args) : NULL, &error)) {
        send_error(id, RPC_INVALID_PARAMS, error->message, NULL);
        return;
    }
    if (mcp->scoring == NULL) {
        send_error(id, RPC_INTERNAL_ERROR, mcp->load_error, NULL);
        return;
    }
    ServeQueryEnv env = {mcp->scoring, mcp->context,     mcp->model_name,
                         NULL,         mcp->ledger_file, mcp->as_of_given};
    g_auto(ServeAnswer) answer = {0};
    const WpGraph *graph = wp_scoring_graph(mcp->scoring);
    if (serve_query_run(serve_query_lookup(tool->query), &env, p, &answer, &error)) {
        send_result(id, tool_result(answer.text, answer.json, FALSE));
        return;
    }
    g_autoptr(JsonNode) body = serve_error_json(graph, error);
    if (g_error_matches(error, WP_ERROR, WP_ERROR_USAGE)) {
        JsonNode *data =
            json_node_copy(json_object_get_member(json_node_get_object(body), "error"));
        send_error(id, RPC_INVALID_PARAMS, error->message, data);
    } else if (error->domain == WP_ERROR &&
               (error->code == WP_ERROR_UNKNOWN_PERSON ||
                error->code == WP_ERROR_AMBIGUOUS_PERSON || error->code == WP_ERROR_UNKNOWN_NAME ||
                error->code == WP_ERROR_LIMIT || error->code == WP_ERROR_NO_PATH)) {
        g_autofree char *text = error_text(graph, error);
        send_result(id, tool_result(text, body, TRUE));
    } else {
        send_error(id, RPC_INTERNAL_ERROR, error->message, NULL);
    }
}

/* One message: a request gets exactly one response, a notification none. */
static void handle(Mcp *mcp, JsonNode *root)
{
    JsonObject *o = JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
    JsonNode *id = o ? json_object_get_member(o, "id") : NULL;
    gboolean id_ok = id == NULL || JSON_NODE_HOLDS_NULL(id) ||
                     (JSON_NODE_HOLDS_VALUE(id) && (json_node_get_value_type(id) == G_TYPE_STRING ||
                                                    json_node_get_value_type(id) == G_TYPE_INT64));
    JsonNode *method_node = o ? json_object_get_member(o, "method") : NULL;
    const char *method = method_node && JSON_NODE_HOLDS_VALUE(method_node) &&
                                 json_node_get_value_type(method_node) == G_TYPE_STRING
                             ? json_node_get_string(method_node)
                             : NULL;
    const char *version = o ? json_object_get_string_member_with_default(o, "jsonrpc", "") : "";
    if (o == NULL || !id_ok || method == NULL || strcmp(version, "2.0") != 0) {
        send_error(id_ok ? id : NULL, RPC_INVALID_REQUEST,
                   "invalid request: expected a JSON-RPC 2.0 object with a method", NULL);
        return;
    }
    JsonNode *params_node = json_object_get_member(o, "params");
    JsonObject *params = params_node && JSON_NODE_HOLDS_OBJECT(params_node)
                             ? json_node_get_object(params_node)
                             : NULL;
    if (id == NULL)
        return; /* notifications: notifications/initialized, cancelled; nothing to answer */
    if (strcmp(method, "initialize") == 0)
        send_result(id, initialize_result(params));
    else if (strcmp(method, "ping") == 0)
        send_result(id, json_node_init_object(json_node_alloc(), json_object_new()));
    else if (strcmp(method, "tools/list") == 0)
        send_result(id, tools_list_result());
    else if (strcmp(method, "tools/call") == 0)
        call_tool(mcp, id, params);
    else {
        g_autofree char *shown = wp_text_excerpt(method);
        g_autofree char *m = g_strdup_printf("method not found: '%s'", shown);
        send_error(id, RPC_METHOD_NOT_FOUND, m, NULL);
    }
}

static void handle_line(Mcp *mcp, const char *line, gsize len)
{
    if (len > MAX_MESSAGE_BYTES) {
        send_error(NULL, RPC_INVALID_REQUEST, "invalid request: the message is over 1 MiB", NULL);
        return;
    }
    g_autoptr(JsonParser) parser = json_parser_new();
    g_autoptr(GError) error = NULL;
    if (!json_parser_load_from_data(parser, line, (gssize)len, &error)) {
        g_autofree char *m = g_strdup_printf("parse error: %s", error->message);
        send_error(NULL, RPC_PARSE_ERROR, m, NULL);
        return;
    }
    handle(mcp, json_parser_get_root(parser));
}

int cmd_mcp(int argc, char **argv)
{
    g_auto(CliCommon) common = {0};
    g_autoptr(GOptionContext) context = g_option_context_new("");
    g_option_context_set_summary(
        context, "Serve the network to an AI assistant as Model Context Protocol tools "
                 "(find_introduction_paths, rank_referral_sources, search_people, "
                 "draft_intro_request, record_ask, list_followups) over standard input and output, "
                 "one JSON-RPC message per line. See docs/mcp.md.");
    cli_common_add_options(context, &common, 0);
    if (!cli_parse(context, &argc, &argv, "mcp") || !cli_common_check(context, &common, 0, "mcp"))
        return CLI_EXIT_USAGE;
    if (argc > 1)
        return cli_unexpected_argument("mcp", argv[1]);
    g_autoptr(GError) error = NULL;
    Mcp mcp = {cli_load_scoring(&common, &error),
               NULL,
               common.model != NULL ? common.model : "default",
               NULL,
               common.data_dir != NULL ? wp_ledger_path_in_folder(common.data_dir) : NULL,
               common.as_of != NULL};
    if (mcp.scoring == NULL) {
        cli_warn("%s", error->message);
        mcp.load_error = g_strdup(error->message);
    } else {
        mcp.context = wp_query_context_new(wp_scoring_graph(mcp.scoring));
        wp_graph_index_people(wp_scoring_graph(mcp.scoring));
    }
    g_autoptr(GInputStream) in = g_unix_input_stream_new(0, FALSE);
    g_autoptr(GDataInputStream) lines = g_data_input_stream_new(in);
    for (;;) {
        gsize len = 0;
        g_autoptr(GError) read_error = NULL;
        g_autofree char *line = g_data_input_stream_read_line(lines, &len, NULL, &read_error);
        if (line == NULL) {
            if (read_error != NULL)
                cli_warn("standard input: %s", read_error->message);
            break;
        }
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len > 0)
            handle_line(&mcp, line, len);
    }
    wp_query_context_free(mcp.context);
    wp_scoring_unref(mcp.scoring);
    g_free(mcp.load_error);
    g_free(mcp.ledger_file);
    return CLI_EXIT_OK;
}
