/* SPDX-License-Identifier: MIT */
/* Hostile input through the CLI: bad data exits 3 naming FILE:LINE, a failed run leaves -o's file
 * untouched and no temporary files, and every output format escapes what the data holds (CSV
 * formula cells, JSON control characters, terminal escape sequences). The binary is the build's
 * `warmpath` (G_TEST_BUILDDIR/../warmpath); expected outputs are built here from the inputs. */
#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

typedef struct {
    int status;
    char *out;
    char *err;
} Run;

static void run_clear(Run *r)
{
    g_clear_pointer(&r->out, g_free);
    g_clear_pointer(&r->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(Run, run_clear)

static char *warmpath_binary(void)
{
    char *path = g_test_build_filename(G_TEST_BUILT, "..", "warmpath", NULL);
    if (!g_file_test(path, G_FILE_TEST_IS_EXECUTABLE))
        g_clear_pointer(&path, g_free);
    return path;
}

/* Runs `warmpath ARGS...` (NULL-terminated) in @cwd; fills @r. FALSE (test skipped) without a
 * binary. */
static gboolean run(Run *r, const char *cwd, ...)
{
    g_autofree char *bin = warmpath_binary();
    if (bin == NULL) {
        g_test_skip("no warmpath binary beside the tests");
        return FALSE;
    }
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_ptr_array_add(argv, bin);
    va_list args;
    va_start(args, cwd);
    for (const char *a = va_arg(args, const char *); a != NULL; a = va_arg(args, const char *))
        g_ptr_array_add(argv, (gpointer)a);
    va_end(args);
    g_ptr_array_add(argv, NULL);
    /* No compiled-network cache: these runs must not write outside their directory. */
    g_auto(GStrv) env = g_environ_setenv(g_get_environ(), "WARMPATH_CACHE_DIR", "off", TRUE);
    g_autoptr(GError) error = NULL;
    int wait_status = 0;
    gboolean spawned = g_spawn_sync(cwd, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                                    &r->out, &r->err, &wait_status, &error);
    g_assert_no_error(error);
    g_assert_true(spawned);
    r->status = 0;
    if (!g_spawn_check_wait_status(wait_status, &error)) {
        g_assert_error(error, G_SPAWN_EXIT_ERROR, error->code); /* exited, not killed */
        r->status = error->code;
    }
    return TRUE;
}

static char *fixture(const char *name)
{
    return g_test_build_filename(G_TEST_DIST, "data", name, NULL);
}

static char *temp_dir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("wp-hostile-cli-XXXXXX", &error);
    g_assert_no_error(error);
    return dir;
}

static char *write_in(const char *dir, const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    g_autoptr(GError) error = NULL;
    g_assert_true(g_file_set_contents(path, text, -1, &error));
    return path;
}

static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Names in @dir, sorted and joined by spaces. */
static char *list_dir(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_assert_nonnull(d);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        g_ptr_array_add(names, g_strdup(name));
    g_ptr_array_sort(names, compare_names);
    g_ptr_array_add(names, NULL);
    return g_strjoinv(" ", (char **)names->pdata);
}

static void remove_dir(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR))
            remove_dir(path);
        else
            g_remove(path);
    }
    g_rmdir(dir);
}

static gboolean has_control_bytes(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
        if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
            return TRUE;
    return FALSE;
}

/* ---- exit codes ---- */

static void test_bad_data_exit_3(void)
{
    static const struct {
        const char *file;
        guint line;
    } cases[] = {{"hostile-nul.csv", 3},          {"hostile-utf8.csv", 3},
                 {"hostile-unterminated.csv", 3}, {"hostile-bare-cr.csv", 3},
                 {"hostile-extra-field.csv", 3},  {"hostile-multiline.csv", 5},
                 {"hostile-empty.csv", 1},        {"hostile-corrupt.csv.gz", 1},
                 {"hostile-edgelist-nul.txt", 2}};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *path = fixture(cases[i].file);
        g_auto(Run) r = {0};
        if (!run(&r, NULL, "stats", "--edges", path, NULL))
            return;
        g_assert_cmpint(r.status, ==, 3);
        g_assert_cmpstr(r.out, ==, "");
        g_autofree char *want = g_strdup_printf("warmpath: %s:%u: ", path, cases[i].line);
        g_autofree char *head = g_strndup(r.err, strlen(want));
        g_assert_cmpstr(head, ==, want);
        g_assert_false(has_control_bytes(r.err));
    }
    /* A bad profile is bad input too. */
    g_autofree char *dir = temp_dir();
    g_autofree char *profile = write_in(dir, "p.ini", "[model]\nmax_hops=lots\n");
    g_autofree char *ties = write_in(dir, "t.csv", "source,target\na,b\n");
    g_auto(Run) r = {0};
    g_assert_true(run(&r, NULL, "stats", "--edges", ties, "--model", profile, NULL));
    g_assert_cmpint(r.status, ==, 3);
    g_autofree char *want = g_strdup_printf("warmpath: %s:2: [model] max_hops:", profile);
    g_assert_true(g_str_has_prefix(r.err, want));
    remove_dir(dir);
}

/* A failing run leaves a pre-existing -o file as it was, and leaves no temporary file. */
static void test_output_untouched(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *out = write_in(dir, "out.csv", "previous\n");
    g_autofree char *bad = fixture("hostile-nul.csv");
    g_auto(Run) r = {0};
    if (!run(&r, NULL, "stats", "--edges", bad, "-f", "csv", "-o", out, NULL))
        return;
    g_assert_cmpint(r.status, ==, 3);
    g_autofree char *content = NULL;
    g_assert_true(g_file_get_contents(out, &content, NULL, NULL));
    g_assert_cmpstr(content, ==, "previous\n");
    g_autofree char *names = list_dir(dir);
    g_assert_cmpstr(names, ==, "out.csv");
    remove_dir(dir);
}

static void test_output_unwritable(void)
{
    g_autofree char *ties = fixture("hostile-reordered.csv");
    g_auto(Run) r = {0};
    if (!run(&r, NULL, "stats", "--edges", ties, "-o", "/nonexistent-dir/x.csv", NULL))
        return;
    g_assert_cmpint(r.status, ==, 1);
    g_assert_cmpstr(r.out, ==, "");
    g_assert_true(g_str_has_prefix(r.err, "warmpath: "));
    g_assert_nonnull(strstr(r.err, "/nonexistent-dir/x.csv"));
    g_assert_false(g_file_test("/nonexistent-dir", G_FILE_TEST_EXISTS));
    /* -o naming a directory: the rename fails; the temporary file must be gone too. */
    g_autofree char *dir = temp_dir();
    g_autofree char *sub = g_build_filename(dir, "sub", NULL);
    g_assert_cmpint(g_mkdir(sub, 0700), ==, 0);
    g_auto(Run) r2 = {0};
    g_assert_true(run(&r2, NULL, "stats", "--edges", ties, "-o", sub, NULL));
    g_assert_cmpint(r2.status, ==, 1);
    g_autofree char *names = list_dir(dir);
    g_assert_cmpstr(names, ==, "sub");
    g_autofree char *inside = list_dir(sub);
    g_assert_cmpstr(inside, ==, "");
    remove_dir(dir);
}

/* ---- escaping ---- */

/* Ids and team names that attack each output. The unlisted id reaches the warning examples. */
#define TEAM_FORMULA "=HYPERLINK(\"http://evil/\",\"x\")"
#define HOSTILE_ID "x\001y\nz\"q\\ \033[2J"
static const char people_csv[] = "id,name,team\n"
                                 "a,Ann,\"=HYPERLINK(\"\"http://evil/\"\",\"\"x\"\")\"\n"
                                 "b,\"\033[31mBob\",\"a,b \"\"c\"\"\"\n";
static const char ties_csv[] = "source,target\n"
                               "a,b\n"
                               "a,\"x\001y\nz\"\"q\\ \033[2J\"\n";

/* One RFC 4180 record per line of @text (no quoted newlines expected): cells of each row. */
static GPtrArray *parse_csv(const char *text)
{
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_strfreev);
    const char *p = text;
    while (*p != '\0') {
        g_autoptr(GStrvBuilder) row = g_strv_builder_new();
        for (;;) {
            GString *cell = g_string_new(NULL);
            if (*p == '"') {
                for (p++; !(*p == '"' && p[1] != '"'); p++) {
                    g_assert_cmpint(*p, !=, '\0');
                    if (*p == '"')
                        p++;
                    g_string_append_c(cell, *p);
                }
                p++;
            } else {
                while (*p != ',' && *p != '\n' && *p != '\0') {
                    g_assert_cmpint(*p, !=, '"');
                    g_string_append_c(cell, *p++);
                }
            }
            g_strv_builder_add(row, cell->str);
            g_string_free(cell, TRUE);
            if (*p != ',')
                break;
            p++;
        }
        g_assert_cmpint(*p, ==, '\n');
        p++;
        g_ptr_array_add(rows, g_strv_builder_end(row));
    }
    return rows;
}

static char **find_row(GPtrArray *rows, const char *metric)
{
    for (guint i = 0; i < rows->len; i++)
        if (strcmp(((char **)rows->pdata[i])[0], metric) == 0)
            return rows->pdata[i];
    return NULL;
}

static void test_csv_escaping(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *people = write_in(dir, "people.csv", people_csv);
    g_autofree char *ties = write_in(dir, "=evil.csv", ties_csv);
    g_auto(Run) r = {0};
    if (!run(&r, dir, "stats", "--edges", "=evil.csv", "--people", "people.csv", "-f", "csv", NULL))
        return;
    g_assert_cmpint(r.status, ==, 0);
    g_autoptr(GPtrArray) rows = parse_csv(r.out);
    char **team = find_row(rows, "team." TEAM_FORMULA);
    g_assert_nonnull(team);
    g_assert_cmpstr(team[1], ==, "1");
    char **team2 = find_row(rows, "team.a,b \"c\"");
    g_assert_nonnull(team2);
    /* The warning example starts with the file name "=evil.csv": neutralised with a quote. */
    char **unlisted = find_row(rows, "warnings.unlisted-person");
    g_assert_nonnull(unlisted);
    g_assert_cmpstr(unlisted[2], ==,
                    "'=evil.csv:3: '" HOSTILE_ID
                    "' is not in the people file; added with only an id");
    for (guint i = 0; i < rows->len; i++)
        for (char **cell = rows->pdata[i]; *cell != NULL; cell++)
            if ((*cell)[0] != '\0')
                g_assert_null(strchr("=+-@\t\r", (*cell)[0]));
    remove_dir(dir);
}

static void test_json_escaping(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *people = write_in(dir, "people.csv", people_csv);
    g_autofree char *ties = write_in(dir, "ties.csv", ties_csv);
    g_auto(Run) r = {0};
    if (!run(&r, dir, "stats", "--edges", "ties.csv", "--people", "people.csv", "-f", "json", NULL))
        return;
    g_assert_cmpint(r.status, ==, 0);
    g_assert_false(has_control_bytes(r.out)); /* control characters are \u-escaped */
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonParser) parser = json_parser_new();
    g_assert_true(json_parser_load_from_data(parser, r.out, -1, &error));
    g_assert_no_error(error);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    JsonArray *metrics = json_object_get_array_member(root, "metrics");
    gboolean found_team = FALSE;
    for (guint i = 0; i < json_array_get_length(metrics); i++) {
        JsonObject *m = json_array_get_object_element(metrics, i);
        if (strcmp(json_object_get_string_member(m, "metric"), "team." TEAM_FORMULA) == 0) {
            found_team = TRUE;
            g_assert_cmpint(json_object_get_int_member(m, "value"), ==, 1);
        }
    }
    g_assert_true(found_team);
    JsonObject *warnings = json_object_get_object_member(root, "warnings");
    JsonObject *unlisted = json_object_get_object_member(warnings, "unlisted-person");
    g_assert_cmpint(json_object_get_int_member(unlisted, "count"), ==, 1);
    JsonArray *examples = json_object_get_array_member(unlisted, "examples");
    g_assert_cmpstr(json_array_get_string_element(examples, 0), ==,
                    "ties.csv:3: '" HOSTILE_ID "' is not in the people file; added with only "
                    "an id");
    remove_dir(dir);
}

/* The aligned table and the error messages never carry raw control bytes (ESC, \001) or
 * bidirectional overrides to a terminal. */
static void test_terminal_sanitised(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *people = write_in(dir, "people.csv", people_csv);
    g_autofree char *ties = write_in(dir, "ties.csv", ties_csv);
    g_auto(Run) r = {0};
    if (!run(&r, dir, "stats", "--edges", "ties.csv", "--people", "people.csv", NULL))
        return;
    g_assert_cmpint(r.status, ==, 0);
    g_assert_false(has_control_bytes(r.out));
    g_assert_nonnull(strstr(r.out, "team.=HYPERLINK"));
    g_assert_nonnull(
        strstr(r.out, "ties.csv:3: 'x\xef\xbf\xbdy\xef\xbf\xbdz\"q\\ \xef\xbf\xbd[2J'"));
    /* An error quoting an id with ESC and a right-to-left override. */
    g_autofree char *dup =
        write_in(dir, "dup.csv", "id\n\"\033[2J\xe2\x80\xae\"\n\"\033[2J\xe2\x80\xae\"\n");
    g_auto(Run) e = {0};
    g_assert_true(run(&e, dir, "stats", "--edges", "ties.csv", "--people", "dup.csv", NULL));
    g_assert_cmpint(e.status, ==, 3);
    g_assert_cmpstr(e.err, ==,
                    "warmpath: dup.csv:3: field 'id': duplicate id "
                    "'\xef\xbf\xbd[2J\xef\xbf\xbd'\n");
    remove_dir(dir);
}

/* connect's reasons quote names: each format escapes them (the table for a terminal, CSV
 * formula cells, JSON control characters). */
static void test_connect_escaping(void)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *people = write_in(dir, "people.csv",
                                       "id,name,team\n"
                                       "s,Sam,east\n"
                                       "a,\"=cmd|' /C calc'!A0\",\n"
                                       "b,\"\033[31mBob\001\xe2\x80\xae\",\n");
    g_autofree char *ties = write_in(dir, "ties.csv",
                                     "source,target,strength,type\n"
                                     "s,a,0.9,friend\n"
                                     "s,b,0.9,friend\n");
    g_auto(Run) t = {0};
    if (!run(&t, dir, "connect", "--edges", "ties.csv", "--people", "people.csv", "--from", "s",
             "--as-of", "2026-11-01", NULL))
        return;
    g_assert_cmpint(t.status, ==, 0);
    g_assert_false(has_control_bytes(t.out));
    g_assert_null(strstr(t.out, "\xe2\x80\xae"));
    g_assert_nonnull(strstr(t.out, "\xef\xbf\xbd[31mBob"));
    g_auto(Run) c = {0};
    g_assert_true(run(&c, dir, "connect", "--edges", "ties.csv", "--people", "people.csv", "--from",
                      "s", "--as-of", "2026-11-01", "-f", "csv", NULL));
    g_assert_cmpint(c.status, ==, 0);
    g_autoptr(GPtrArray) rows = parse_csv(c.out);
    g_assert_cmpuint(rows->len, ==, 2);
    for (guint i = 0; i < rows->len; i++)
        for (char **cell = rows->pdata[i]; *cell != NULL; cell++)
            if ((*cell)[0] != '\0')
                g_assert_null(strchr("=+-@\t\r", (*cell)[0]));
    g_auto(Run) j = {0};
    g_assert_true(run(&j, dir, "connect", "--edges", "ties.csv", "--people", "people.csv", "--from",
                      "s", "--as-of", "2026-11-01", "-f", "json", NULL));
    g_assert_cmpint(j.status, ==, 0);
    g_assert_false(has_control_bytes(j.out));
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonParser) parser = json_parser_new();
    g_assert_true(json_parser_load_from_data(parser, j.out, -1, &error));
    g_assert_no_error(error);
    JsonObject *root = json_node_get_object(json_parser_get_root(parser));
    JsonObject *pair =
        json_array_get_object_element(json_object_get_array_member(root, "pairs"), 0);
    g_assert_cmpstr(json_object_get_string_member(pair, "a_name"), ==, "=cmd|' /C calc'!A0");
    g_assert_cmpstr(json_object_get_string_member(pair, "b_name"), ==,
                    "\033[31mBob\001\xe2\x80\xae");
    remove_dir(dir);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/hostile/cli/connect-escaping", test_connect_escaping);
    g_test_add_func("/hostile/cli/bad-data-exit-3", test_bad_data_exit_3);
    g_test_add_func("/hostile/cli/output-untouched", test_output_untouched);
    g_test_add_func("/hostile/cli/output-unwritable", test_output_unwritable);
    g_test_add_func("/hostile/cli/csv-escaping", test_csv_escaping);
    g_test_add_func("/hostile/cli/json-escaping", test_json_escaping);
    g_test_add_func("/hostile/cli/terminal-sanitised", test_terminal_sanitised);
    return g_test_run();
}
