/* SPDX-License-Identifier: MIT */
/* Rules every command follows, through the built binary: -o FILE's extension decides the format
 * when --format does not, an extension a command cannot write is refused, and so is a --format
 * that contradicts it (written files are recognised by their bytes, not by the tool's word); and
 * a command that loads a network sums up the data's warnings in one line unless --quiet. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-run.h"

typedef enum { K_TABLE, K_CSV, K_JSON, K_DOT, K_SVG, K_PNG, K_PDF, K_NONE } Kind;
static const char *const kind_names[] = {"table", "csv", "json", "dot", "svg", "png", "pdf"};
#define TEXT (1u << K_TABLE | 1u << K_CSV | 1u << K_JSON)
#define DIAGRAM (1u << K_DOT | 1u << K_SVG | 1u << K_PNG | 1u << K_PDF)

/* What a written file is, read from its bytes. */
static Kind kind_of(const char *data, gsize len)
{
    if (len >= 4 && memcmp(data, "\x89PNG", 4) == 0)
        return K_PNG;
    if (len >= 4 && memcmp(data, "%PDF", 4) == 0)
        return K_PDF;
    if (g_str_has_prefix(data, "digraph"))
        return K_DOT;
    if (strstr(data, "<svg") != NULL)
        return K_SVG;
    g_autoptr(JsonParser) parser = json_parser_new();
    if (data[0] == '{' && json_parser_load_from_data(parser, data, (gssize)len, NULL))
        return K_JSON;
    /* A CSV header: lowercase names joined by commas, nothing else on the line. */
    g_autofree char *first = g_strndup(data, strcspn(data, "\r\n"));
    gboolean csv = strchr(first, ',') != NULL;
    for (const char *p = first; *p != '\0' && csv; p++)
        csv = g_ascii_islower(*p) || *p == ',' || *p == '_' || *p == '.';
    return csv ? K_CSV : K_TABLE;
}

typedef struct {
    const char *name;
    const char *args[12]; /* NULL-terminated; @DEMO@ and @IMPORT@ stand for the demo's paths */
    guint writes;         /* Kind bits; 0: a key file of its own (profile) */
    Kind fallback;        /* for a name with no extension of ours */
} Command;

static const Command commands[] = {
    {"stats", {"stats", "--data", "@DEMO@", NULL}, TEXT, K_TABLE},
    {"path",
     {"path", "--data", "@DEMO@", "--as-of", "2026-11-01", "--from", "Alice Carter", "--to",
      "Bob Smith", "--at", "Acme", NULL},
     TEXT | DIAGRAM,
     K_TABLE},
    {"rank",
     {"rank", "--data", "@DEMO@", "--as-of", "2026-11-01", "--from", "Alice Carter", "--where",
      "industry=Fintech", NULL},
     TEXT,
     K_TABLE},
    {"map",
     {"map", "--data", "@DEMO@", "--as-of", "2026-11-01", "--from", "Alice Carter", "--company",
      "Acme", NULL},
     DIAGRAM,
     K_SVG},
    {"import",
     {"import", "linkedin", "--data", "@DEMO@", "--owner", "Alice Carter", "--dry-run", "@IMPORT@",
      NULL},
     TEXT,
     K_TABLE},
    {"profile", {"profile", NULL}, 0, K_TABLE},
};

/* The extension each kind's files carry, and some no command writes. */
static const struct {
    const char *extension;
    Kind kind; /* K_NONE: refused by every command */
} extensions[] = {
    {".txt", K_TABLE}, {".csv", K_CSV}, {".json", K_JSON}, {".dot", K_DOT}, {".gv", K_DOT},
    {".svg", K_SVG},   {".png", K_PNG}, {".pdf", K_PDF},   {".PNG", K_PNG}, {".Json", K_JSON},
    {".jpg", K_NONE},  {".jpeg", K_NONE}, {".gif", K_NONE}, {".html", K_NONE}, {".xlsx", K_NONE},
};

/* Runs @c with -o DIR/out@extension (none when @dir is NULL), --format @format and @extra when
 * not NULL. */
static gboolean run_with(const Command *c, const char *dir, const char *extension,
                         const char *format, const char *extra, CliRun *r, char **file)
{
    g_autofree char *demo = g_test_build_filename(G_TEST_DIST, "..", "datasets", "demo", NULL);
    g_autofree char *import = g_test_build_filename(G_TEST_DIST, "..", "datasets",
                                                    "import-example", "alice-Connections.csv", NULL);
    g_autofree char *name = g_strconcat("out", extension, NULL);
    *file = dir ? g_build_filename(dir, name, NULL) : NULL;
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    for (guint i = 0; c->args[i] != NULL; i++)
        g_ptr_array_add(argv, strcmp(c->args[i], "@DEMO@") == 0     ? demo
                              : strcmp(c->args[i], "@IMPORT@") == 0 ? import
                                                                    : (char *)c->args[i]);
    if (dir != NULL) {
        g_ptr_array_add(argv, "-o");
        g_ptr_array_add(argv, *file);
    }
    if (format != NULL) {
        g_ptr_array_add(argv, "--format");
        g_ptr_array_add(argv, (char *)format);
    }
    if (extra != NULL)
        g_ptr_array_add(argv, (char *)extra);
    g_ptr_array_add(argv, NULL);
    return cli_run_argv(r, (const char *const *)argv->pdata);
}

static gboolean run_to(const Command *c, const char *dir, const char *extension, const char *format,
                       CliRun *r, char **file)
{
    return run_with(c, dir, extension, format, NULL, r, file);
}

/* A refused run: exit 2 with the usage hint, nothing written. */
static void assert_refused(const CliRun *r, const char *file, const char *command,
                           const char *part)
{
    g_assert_cmpint(r->status, ==, 2);
    g_assert_false(g_file_test(file, G_FILE_TEST_EXISTS));
    g_autofree char *hint = g_strdup_printf("Try 'warmpath %s --help'.", command);
    g_assert_nonnull(strstr(r->err, hint));
    if (strstr(r->err, part) == NULL)
        g_error("'%s' lacks '%s'", r->err, part);
}

static void assert_written(const CliRun *r, const char *file, Kind want)
{
    if (r->status != 0)
        g_error("exit %d: %s", r->status, r->err);
    g_autofree char *data = NULL;
    gsize len = 0;
    g_assert_true(g_file_get_contents(file, &data, &len, NULL));
    g_assert_cmpstr(kind_names[kind_of(data, len)], ==, kind_names[want]);
    g_assert_cmpstr(r->out, ==, "");
}

static void test_extension(gconstpointer data)
{
    const Command *c = data;
    const char *command = strcmp(c->name, "import") == 0 ? "import linkedin" : c->name;
    for (guint e = 0; e < G_N_ELEMENTS(extensions); e++) {
        g_autofree char *dir = cli_temp_dir();
        g_auto(CliRun) r = {0};
        g_autofree char *file = NULL;
        if (!run_to(c, dir, extensions[e].extension, NULL, &r, &file))
            return;
        Kind kind = extensions[e].kind;
        if (c->writes == 0) /* a profile: any text name, never a format of ours */
            kind == K_TABLE ? assert_written(&r, file, K_TABLE)
                            : assert_refused(&r, file, command, "writes a key file");
        else if (kind != K_NONE && (c->writes & (1u << kind)))
            assert_written(&r, file, kind);
        else
            assert_refused(&r, file, command, "cannot write");
        cli_remove_dir(dir);
    }
    /* A name with no extension of ours keeps the default. */
    const char *const plain[] = {".out", "", ".tar.gz"};
    for (guint i = 0; i < G_N_ELEMENTS(plain); i++) {
        g_autofree char *dir = cli_temp_dir();
        g_auto(CliRun) r = {0};
        g_autofree char *file = NULL;
        g_assert_true(run_to(c, dir, plain[i], NULL, &r, &file));
        assert_written(&r, file, c->fallback);
        cli_remove_dir(dir);
    }
}

/* --format and the extension: agreeing is fine, --format decides for an unknown extension, and a
 * contradiction is refused. */
static void test_format_and_extension(void)
{
    const Command *rank = &commands[2], *map = &commands[3];
    const struct {
        const Command *c;
        const char *extension, *format;
        Kind kind; /* K_NONE: refused */
    } cases[] = {
        {rank, ".json", "json", K_JSON}, {rank, ".txt", "table", K_TABLE},
        {rank, ".out", "csv", K_CSV},    {rank, ".json", "csv", K_NONE},
        {rank, ".txt", "json", K_NONE},  {map, ".svg", "png", K_NONE},
        {map, ".gv", "dot", K_DOT},      {map, ".out", "pdf", K_PDF},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *dir = cli_temp_dir();
        g_auto(CliRun) r = {0};
        g_autofree char *file = NULL;
        if (!run_to(cases[i].c, dir, cases[i].extension, cases[i].format, &r, &file))
            return;
        if (cases[i].kind == K_NONE)
            assert_refused(&r, file, cases[i].c->name, "contradicts");
        else
            assert_written(&r, file, cases[i].kind);
        cli_remove_dir(dir);
    }
}

/* Every command that loads a network says in one line on stderr that the data has warnings (the
 * demo has 3 self-loops and 150 repeated pairs), except stats, which lists them; --quiet hides
 * the line. */
static void test_warning_line(void)
{
    static const char line[] = "warmpath: the data has warnings: 3 self-loop, 150 duplicate-tie "
                               "('warmpath stats' lists them; --quiet hides this)\n";
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++) {
        const Command *c = &commands[i];
        gboolean loads = strcmp(c->name, "path") == 0 || strcmp(c->name, "rank") == 0 ||
                         strcmp(c->name, "map") == 0;
        if (!loads && strcmp(c->name, "stats") != 0)
            continue;
        for (guint quiet = 0; quiet < 2; quiet++) {
            g_auto(CliRun) r = {0};
            g_autofree char *file = NULL;
            if (!run_with(c, NULL, NULL, c->fallback == K_SVG ? "dot" : NULL,
                          quiet ? "--quiet" : NULL, &r, &file))
                return;
            g_assert_cmpint(r.status, ==, 0);
            g_assert_cmpstr(r.err, ==, loads && !quiet ? line : "");
        }
    }
}

/* A people file without a name column (Lazega's lawyers: id,label,status,office,...): every
 * command finds people by id and shows their ids. Skipped without ../shared/datasets. */
static void test_people_without_names(void)
{
    const char *root = g_getenv("WP_SHARED_DATASETS");
    g_autofree char *edges =
        root ? g_build_filename(root, "lazega-lawyers", "lazega_edges.csv", NULL) : NULL;
    g_autofree char *people =
        root ? g_build_filename(root, "lazega-lawyers", "lazega_nodes.csv", NULL) : NULL;
    if (edges == NULL || !g_file_test(edges, G_FILE_TEST_EXISTS)) {
        g_test_skip("../shared/datasets is not beside the project");
        return;
    }
    const struct {
        const char *args[10];
        const char *want; /* in stdout */
    } runs[] = {
        {{"stats", "-f", "csv", NULL}, "\npeople,71,\n"},
        {{"path", "--from", "1", "--to", "50", "-f", "csv", NULL}, "\n1,"},
        {{"path", "--from", "1", "--to", "50", NULL}, "to introduce you to 50"},
        {{"path", "--from", "1", "--to", "50", "-f", "json", NULL}, "\"id\" : \"50\""},
        {{"rank", "--from", "1", "--where", "office=Hartford", "-f", "json", NULL},
         "\"name\" : \"1\""},
        {{"rank", "--from", "1", "--where", "status=partner", "--where", "office=Providence", NULL},
         "referral source"},
        {{"map", "--from", "1", "--where", "office=Hartford", "-f", "dot", NULL}, "<B>1</B>"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(runs); i++) {
        g_autoptr(GPtrArray) argv = g_ptr_array_new();
        for (guint k = 0; runs[i].args[k] != NULL; k++)
            g_ptr_array_add(argv, (char *)runs[i].args[k]);
        const char *data[] = {"--edges", edges, "--people", people, "--quiet", NULL};
        for (guint k = 0; data[k] != NULL; k++)
            g_ptr_array_add(argv, (char *)data[k]);
        g_ptr_array_add(argv, NULL);
        g_auto(CliRun) r = {0};
        g_assert_true(cli_run_argv(&r, (const char *const *)argv->pdata));
        if (r.status != 0 || strstr(r.out, runs[i].want) == NULL)
            g_error("%s: exit %d, stdout lacks '%s':\n%s%s", runs[i].args[0], r.status,
                    runs[i].want, r.out, r.err);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    for (guint i = 0; i < G_N_ELEMENTS(commands); i++) {
        g_autofree char *path = g_strdup_printf("/cli/output/extension/%s", commands[i].name);
        g_test_add_data_func(path, &commands[i], test_extension);
    }
    g_test_add_func("/cli/output/format-and-extension", test_format_and_extension);
    g_test_add_func("/cli/warning-line", test_warning_line);
    g_test_add_func("/cli/people-without-names", test_people_without_names);
    return g_test_run();
}
