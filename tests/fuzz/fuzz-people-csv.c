/* SPDX-License-Identifier: MIT */
/* libFuzzer harness: the people CSV reader, then every output escaper on what it loaded: CSV
 * cells (formula neutralisation, quoting), JSON (round trip through json-glib), the terminal
 * sanitiser, name folding and display widths. */
#include "fuzz-common.h"

#include <json-glib/json-glib.h>

#include "cli/cli.h"

static const char *ties_path;
static const char *people_path;

int LLVMFuzzerInitialize(int *argc G_GNUC_UNUSED, char ***argv G_GNUC_UNUSED)
{
    fuzz_init_glib();
    ties_path = fuzz_scratch_file("ties.csv");
    people_path = fuzz_scratch_file("people.csv");
    static const char ties[] = "source,target,type\na,b,client\n1,2,friend\nx,a,\n";
    fuzz_write(ties_path, (const uint8_t *)ties, sizeof ties - 1);
    return 0;
}

/* wp_csv_append_cell() output read back as one RFC 4180 field. */
static void check_csv_cell(const char *value)
{
    g_autoptr(GString) out = g_string_new(NULL);
    wp_csv_append_cell(out, value);
    g_autoptr(GString) back = g_string_new(NULL);
    const char *s = out->str;
    if (s[0] == '"') {
        gsize i = 1;
        for (; i < out->len; i++) {
            if (s[i] == '"' && s[i + 1] == '"')
                g_string_append_c(back, s[i++]);
            else if (s[i] == '"')
                break;
            else
                g_string_append_c(back, s[i]);
        }
        if (i != out->len - 1)
            fuzz_fail("CSV cell: text after the closing quote", out->str);
    } else {
        if (strpbrk(s, ",\"\r\n") != NULL)
            fuzz_fail("CSV cell: special character outside quotes", out->str);
        g_string_append(back, s);
    }
    gboolean formula = value[0] != '\0' && strchr("=+-@\t\r", value[0]) != NULL;
    const char *expected = value;
    g_autofree char *prefixed = NULL;
    if (formula)
        expected = prefixed = g_strconcat("'", value, NULL);
    if (strcmp(back->str, expected) != 0)
        fuzz_fail("CSV cell does not read back", out->str);
}

static void check_terminal(const char *value)
{
    g_autofree char *safe = cli_sanitize_for_terminal(value);
    if (!g_utf8_validate(safe, -1, NULL))
        fuzz_fail("sanitised text is not UTF-8", value);
    for (const char *p = safe; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
            (c >= 0x2066 && c <= 0x2069))
            fuzz_fail("control character reaches the terminal", value);
    }
}

/* Every value through json-glib and back. */
static void check_json(JsonArray *values)
{
    JsonNode *root = json_node_new(JSON_NODE_ARRAY);
    json_node_set_array(root, values);
    g_autofree char *text = json_to_string(root, FALSE);
    g_autoptr(GError) error = NULL;
    JsonNode *back = json_from_string(text, &error);
    if (back == NULL)
        fuzz_fail("generated JSON does not parse", error->message);
    if (!json_node_equal(root, back))
        fuzz_fail("JSON does not round-trip", text);
    json_node_unref(back);
    json_node_unref(root);
}

static void check_outputs(const WpGraph *g)
{
    guint n_columns = 0;
    const char *const *columns = wp_graph_columns(g, &n_columns);
    JsonArray *values = json_array_new();
    for (WpPerson p = 0; p < wp_graph_n_people(g); p++)
        for (guint c = 0; c < n_columns; c++) {
            const char *v = wp_graph_person_attr(g, p, columns[c]);
            if (v == NULL)
                continue;
            check_csv_cell(v);
            check_terminal(v);
            json_array_add_string_element(values, v);
            g_autofree char *folded = wp_text_fold(v);
            if (!g_utf8_validate(folded, -1, NULL))
                fuzz_fail("folded name is not UTF-8", v);
            (void)wp_text_width(v);
        }
    for (guint c = 0; c < n_columns; c++)
        check_csv_cell(columns[c]);
    check_json(values);
    json_array_unref(values);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(people_path, data, size);
    WpLoadSpec spec = {.ties_file = ties_path,
                       .people_file = people_path,
                       .ties_format = WP_TIES_FORMAT_CSV,
                       .flags = WP_LOAD_DEFAULT};
    fuzz_check_flags(spec);
    g_autoptr(WpGraph) g = fuzz_load(&spec);
    if (g != NULL)
        check_outputs(g);
    return 0;
}
