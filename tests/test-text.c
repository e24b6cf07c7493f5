/* SPDX-License-Identifier: MIT */
/* Text helpers: CSV cells, name folding, terminal widths, atomic writes, calendar days. */
#include <warmpath/warmpath.h>

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static void test_csv_cell(void)
{
    const struct {
        const char *cell, *want;
    } cases[] = {
        {"plain", "plain"},
        {"", ""},
        {"José Álvarez", "José Álvarez"},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"\"", "\"\"\"\""},
        {"line1\nline2", "\"line1\nline2\""},
        {"cr\rhere", "\"cr\rhere\""},
        {"O'Brien", "O'Brien"},
        {"a=b", "a=b"}, /* only a leading formula character counts */
        {"x-1", "x-1"},
        /* formula prefixes: an apostrophe first, and quoted */
        {"=1+1", "\"'=1+1\""},
        {"+1", "\"'+1\""},
        {"-1", "\"'-1\""},
        {"@SUM(A1)", "\"'@SUM(A1)\""},
        {"\tx", "\"'\tx\""},
        {"\rx", "\"'\rx\""},
        {"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GString) out = g_string_new("X");
        wp_csv_append_cell(out, cases[i].cell);
        g_assert_cmpstr(out->str + 1, ==, cases[i].want);
    }
    g_autoptr(GString) out = g_string_new(NULL);
    wp_csv_append_cell(out, NULL);
    g_assert_cmpstr(out->str, ==, "");
}

/* A cell written by wp_csv_append_cell() and read back by the loader is the same text (after
 * the apostrophe for formulas): the two halves agree on RFC 4180. */
static void test_csv_cell_round_trip(void)
{
    const char *names[] = {"a,b", "say \"hi\"", "multi\nline", "plain", "O'Brien"};
    g_autoptr(GString) csv = g_string_new("source,target\n");
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        wp_csv_append_cell(csv, names[i]);
        g_string_append(csv, ",hub\n");
    }
    g_autoptr(GError) error = NULL;
    g_autoptr(WpGraph) g = wp_graph_load_from_data(csv->str, NULL, 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(wp_graph_n_people(g), ==, G_N_ELEMENTS(names) + 1);
    for (guint i = 0; i < G_N_ELEMENTS(names); i++)
        g_assert_cmpuint(wp_graph_find_id(g, names[i]), !=, WP_PERSON_NONE);
}

static void assert_fold(const char *text, const char *want)
{
    g_autofree char *folded = wp_text_fold(text);
    g_assert_cmpstr(folded, ==, want);
}

static void test_fold(void)
{
    assert_fold("  José  ÁLVAREZ ", "jose alvarez");
    assert_fold("jose alvarez", "jose alvarez");
    assert_fold("O'Brien", "obrien");
    assert_fold("  o'BRIEN", "obrien");
    assert_fold("J.R.R. Tolkien", "j r r tolkien");
    assert_fold("Jean-Luc Picard", "jean luc picard");
    assert_fold("Jean - Luc", "jean luc");
    assert_fold("Smith, Bob", "smith bob");
    assert_fold("Zoë Müller", "zoe muller");
    assert_fold("François Lefèvre", "francois lefevre");
    /* Letters without a decomposition, typed as plain Latin letters on most keyboards. */
    assert_fold("Søren", "soren");
    assert_fold("SØREN", "soren");
    assert_fold("Işık Demir", "isik demir");
    assert_fold("ışık", "isik");
    assert_fold("Łódź", "lodz");
    assert_fold("Đorđe", "dorde");
    assert_fold("Æsir Œuvre Þór", "aesir oeuvre thor");
    assert_fold("STRASSE", "strasse");
    assert_fold("Straße", "strasse");             /* case folding, not just lowercasing */
    assert_fold("\xEF\xAC\x81nn", "finn");        /* U+FB01 ligature: compatibility decomposition */
    assert_fold("Bob\xC2\xA0Smith", "bob smith"); /* no-break space */
    assert_fold("Bob\xE2\x80\x93Smith", "bob smith"); /* en dash */
    assert_fold("Bo\u00ADb", "bob");                  /* soft hyphen: a format character */
    assert_fold("e\xCC\x81", "e");                    /* decomposed e + combining acute */
    assert_fold("...", "");
    assert_fold("", "");
    /* Apostrophes and their look-alikes are dropped: what people type for O'Brien. */
    const char *const obriens[] = {"O'Brien", "O\u2019Brien", "O\u2018Brien", "O\u02BCBrien",
                                   "O`Brien", "O\u00B4Brien", "O\u2032Brien", "O\uFF07Brien",
                                   "OBrien",  "o brien" /* not the same: a space stays */};
    for (guint i = 0; i + 1 < G_N_ELEMENTS(obriens); i++)
        assert_fold(obriens[i], "obrien");
    assert_fold("Siobhan O\u2019Brien", "siobhan obrien");
    /* Every dash and hyphen is a space, like '-'. */
    const char *const dashes[] = {"-",      "\u2010", "\u2011", "\u2012", "\u2013", "\u2014",
                                  "\u2015", "\u2212", "\uFE63", "\uFF0D", "\u2E3A"};
    for (guint i = 0; i < G_N_ELEMENTS(dashes); i++) {
        g_autofree char *name = g_strdup_printf("Mary%sJane", dashes[i]);
        assert_fold(name, "mary jane");
    }
    /* Other punctuation is a space; '&' a word of its own; '#', '%', '@' stay. */
    assert_fold("Smith, Jones & Partners", "smith jones & partners");
    assert_fold("AT&T", "at & t");
    assert_fold("AT & T", "at & t");
    assert_fold("Yahoo!", "yahoo");
    assert_fold("(Acme) [UK]", "acme uk");
    assert_fold("\u201cBob\u201d Smith", "bob smith");
    assert_fold("sales_east/west", "sales east west");
    assert_fold("C# @dev 100%", "c# @dev 100%");
    assert_fold("Dr.\u00A0Bob\tSmith\n", "dr bob smith");
    assert_fold("Bob\u200BSmith\uFEFF", "bobsmith"); /* invisible format characters */
    /* Decomposition before case folding: a mathematical capital, a Turkish dotted capital. */
    assert_fold("\U0001D400cme", "acme");
    assert_fold("\u0130stanbul", "istanbul");
    assert_fold("ISTANBUL", "istanbul");
    /* Precomposed and decomposed spellings fold alike. */
    g_autofree char *a = wp_text_fold("Jos\xC3\xA9");
    g_autofree char *b = wp_text_fold("Jose\xCC\x81");
    g_assert_cmpstr(a, ==, b);
}

/* Plain ASCII folds on a fast path; a zero-width space (which folds to nothing) sends the same
 * text down the Unicode path. Both must give the same key for every ASCII character and for
 * random strings heavy in separators. */
static void test_fold_paths_agree(void)
{
    for (int c = 1; c < 128; c++) {
        char text[] = {'a', (char)c, 'b', '\0'};
        g_autofree char *slow_text = g_strconcat(text, "\u200B", NULL);
        g_autofree char *fast = wp_text_fold(text);
        g_autofree char *slow = wp_text_fold(slow_text);
        g_assert_cmpstr(fast, ==, slow);
    }
    static const char alphabet[] = "aZ9 .,-'`&_#!(\t";
    g_autoptr(GRand) rand = g_rand_new_with_seed(13);
    for (guint round = 0; round < 2000; round++) {
        char text[12];
        guint len = (guint)g_rand_int_range(rand, 0, sizeof text);
        for (guint i = 0; i < len; i++)
            text[i] = alphabet[g_rand_int_range(rand, 0, sizeof alphabet - 1)];
        text[len] = '\0';
        g_autofree char *slow_text = g_strconcat("\u200B", text, NULL);
        g_autofree char *fast = wp_text_fold(text);
        g_autofree char *slow = wp_text_fold(slow_text);
        g_assert_cmpstr(fast, ==, slow);
    }
}

static void assert_company(const char *company, const char *want)
{
    g_autofree char *key = wp_text_fold_company(company);
    g_assert_cmpstr(key, ==, want);
}

static void test_fold_company(void)
{
    const char *const acmes[] = {
        "Acme",
        "ACME",
        "Acme, Inc.",
        "Acme Inc",
        "acme inc.",
        "Acme Ltd",
        "Acme Limited",
        "Acme LLC",
        "Acme L.L.C.",
        "Acme GmbH",
        "Acme AG",
        "Acme plc",
        "Acme PLC",
        "Acme S.A.",
        "Acme SA",
        "Acme Corp.",
        "Acme Co.",
        "Acme Pty Ltd",
        "Acme Pty. Ltd.",
        "Acme BV",
        "Acme B.V.",
        "Acme N.V.",
        "Acme A/S",
        "Acme AB",
        "Acme Oy",
        "Acme S.p.A.",
        "Acme SARL",
        "Acme S.à r.l.",
        "Acme GmbH & Co. KG",
        "Acme Corporation",
        "Acme Incorporated",
        "Acme Company",
        "Ácme, Inc",
    };
    for (guint i = 0; i < G_N_ELEMENTS(acmes); i++)
        assert_company(acmes[i], "acme");
    assert_company("Tailspin Toys Ltd", "tailspin toys");
    assert_company("Smith, Jones & Partners", "smith jones & partners");
    assert_company("J.P. Morgan S.A.", "j p morgan");
    /* Only at the end, only whole words, never the whole name. */
    assert_company("Incorporated Widgets", "incorporated widgets");
    assert_company("Costco", "costco");
    assert_company("Sainsbury's", "sainsburys");
    assert_company("Co", "co");
    assert_company("Inc.", "inc");
    assert_company("A.B.", "a b");
    assert_company("Ltd Inc", "ltd");
    assert_company("", "");
    /* Brightline Pay and Crestline Pay are different accounts. */
    assert_company("Brightline Pay", "brightline pay");
}

static void test_excerpt(void)
{
    g_autofree char *same = wp_text_excerpt("Bob Smith");
    g_assert_cmpstr(same, ==, "Bob Smith");
    g_autofree char *exact = g_strnfill(WP_TEXT_EXCERPT_BYTES, 'x');
    g_autofree char *kept = wp_text_excerpt(exact);
    g_assert_cmpstr(kept, ==, exact);
    g_autofree char *huge = g_strnfill(900 * 1024, 'y');
    g_autofree char *cut = wp_text_excerpt(huge);
    g_assert_cmpuint(strlen(cut), ==, WP_TEXT_EXCERPT_BYTES);
    g_assert_true(g_str_has_suffix(cut, "\u2026"));
    g_assert_cmpuint(strspn(cut, "y"), ==, WP_TEXT_EXCERPT_BYTES - 3);
    /* Never inside a character: 2-byte é repeated, the cut falls on a boundary. */
    GString *accents = g_string_new(NULL);
    for (guint i = 0; i < 100; i++)
        g_string_append(accents, "\u00e9");
    g_autofree char *text = g_string_free(accents, FALSE);
    g_autofree char *short_text = wp_text_excerpt(text);
    g_assert_true(g_utf8_validate(short_text, -1, NULL));
    g_assert_cmpuint(strlen(short_text), <=, WP_TEXT_EXCERPT_BYTES);
    g_assert_cmpuint(g_utf8_strlen(short_text, -1), ==, 38 + 1);
    /* Always valid UTF-8: bad bytes are U+FFFD, short or long. */
    g_autofree char *bad = wp_text_excerpt("B=\xbfoug");
    g_assert_cmpstr(bad, ==, "B=\uFFFDoug");
    g_autofree char *bad_bytes = g_strnfill(200, '\xff');
    g_autofree char *bad_long = wp_text_excerpt(bad_bytes);
    g_assert_true(g_utf8_validate(bad_long, -1, NULL));
    g_assert_cmpuint(strlen(bad_long), <=, WP_TEXT_EXCERPT_BYTES);
    g_autofree char *cut_char = wp_text_excerpt("\xe2\x82"); /* a truncated character */
    g_assert_cmpstr(cut_char, ==, "\uFFFD\uFFFD");
}

/* Every bidirectional control and invisible formatting character is replaced; letters, marks,
 * joiners and emoji are not. */
static void test_for_terminal(void)
{
    const gunichar unsafe[] = {
        0x00,   0x07,   0x09,   0x0A,    0x1B,    0x7F,    0x80,    0x9B,    0x9F,
        0x00AD, 0x034F, 0x061C, 0x115F,  0x1160,  0x17B4,  0x17B5,  0x180E,  0x200B,
        0x200E, 0x200F, 0x2028, 0x2029,  0x202A,  0x202B,  0x202C,  0x202D,  0x202E,
        0x2060, 0x2061, 0x2062, 0x2063,  0x2064,  0x2066,  0x2067,  0x2068,  0x2069,
        0x206A, 0x206B, 0x206C, 0x206D,  0x206E,  0x206F,  0x3164,  0xFEFF,  0xFFA0,
        0xFFF9, 0xFFFA, 0xFFFB, 0x110BD, 0x1D173, 0x1D17A, 0xE0001, 0xE0020, 0xE007F,
    };
    for (guint i = 0; i < G_N_ELEMENTS(unsafe); i++) {
        GString *text = g_string_new("a");
        g_string_append_unichar(text, unsafe[i]);
        g_string_append(text, "b");
        if (unsafe[i] == 0) /* a NUL ends the C string: test it as the last character */
            g_string_truncate(text, 1);
        g_autofree char *in = g_string_free(text, FALSE);
        g_autofree char *out = wp_text_for_terminal(in);
        g_assert_cmpstr(out, ==, unsafe[i] == 0 ? "a" : "a\uFFFDb");
    }
    const char *const safe[] = {
        "Bob Smith",
        "Jos\u00e9",
        "Jose\u0301",
        "\u5f20\u4f1f",
        "\u0645\u062d\u0645\u062f",
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", /* ZWNJ in Persian */
        "\U0001F468\u200D\U0001F469\u200D\U0001F467",       /* ZWJ family emoji */
        "\u2764\uFE0F",                                     /* variation selector */
        "\u00a0\u3000",                                     /* visible spaces */
    };
    for (guint i = 0; i < G_N_ELEMENTS(safe); i++) {
        g_autofree char *out = wp_text_for_terminal(safe[i]);
        g_assert_cmpstr(out, ==, safe[i]);
    }
    g_autofree char *broken = wp_text_for_terminal("a\xff");
    g_assert_true(g_utf8_validate(broken, -1, NULL));
}

static void test_width(void)
{
    const struct {
        const char *text;
        guint width;
    } cases[] = {
        {"", 0},
        {"abc", 3},
        {"José", 4},
        {"Jose\xCC\x81", 4},             /* combining acute takes no column */
        {"e\xCC\x81\xCC\xA3", 1},        /* two combining marks */
        {"\xE6\x97\xA5\xE6\x9C\xAC", 4}, /* 日本: wide */
        {"\u65E5a", 3},
        {"\xEF\xBC\xA1", 2},             /* fullwidth A */
        {"\xED\x95\x9C\xEA\xB8\x80", 4}, /* 한글 */
        {"a\u200Bb", 2},                 /* zero-width space */
        {"\xFF\xFE", 2},                 /* invalid UTF-8: a column per byte */
        {"ab\xC3", 3},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
        g_assert_cmpuint(wp_text_width(cases[i].text), ==, cases[i].width);
}

static char *read_all(const char *file)
{
    char *text = NULL;
    g_autoptr(GError) error = NULL;
    g_file_get_contents(file, &text, NULL, &error);
    g_assert_no_error(error);
    return text;
}

static guint count_entries(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    guint n = 0;
    while (d && g_dir_read_name(d) != NULL)
        n++;
    return n;
}

static void test_write_atomic(void)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("wp-test-text-XXXXXX", &error);
    g_assert_no_error(error);
    g_autofree char *file = g_build_filename(dir, "out.csv", NULL);
    g_assert_true(wp_file_write_atomic(file, "one\n", 4, &error));
    g_assert_no_error(error);
    g_autofree char *first = read_all(file);
    g_assert_cmpstr(first, ==, "one\n");
    /* Replaces, with exactly @len bytes (embedded NULs included), and leaves no temporary. */
    g_assert_true(wp_file_write_atomic(file, "two\0x", 5, &error));
    g_autofree char *second = NULL;
    gsize len = 0;
    g_file_get_contents(file, &second, &len, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(len, ==, 5);
    g_assert_cmpmem(second, len, "two\0x", 5);
    g_assert_cmpuint(count_entries(dir), ==, 1);

    /* A directory that does not exist: an error naming the file. */
    g_autofree char *nowhere = g_build_filename(dir, "missing", "out.csv", NULL);
    g_assert_false(wp_file_write_atomic(nowhere, "x", 1, &error));
    g_assert_nonnull(error);
    g_assert_true(error->domain == G_FILE_ERROR);
    g_assert_nonnull(strstr(error->message, "out.csv"));
    g_clear_error(&error);

    /* An unwritable directory: the old file stays as it was. */
    g_assert_cmpint(g_chmod(dir, 0500), ==, 0);
    if (access(dir, W_OK) == 0) {
        g_test_message("running as root: the directory stays writable, failure not checked");
    } else {
        g_assert_false(wp_file_write_atomic(file, "three\n", 6, &error));
        g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
        g_assert_nonnull(strstr(error->message, "out.csv"));
        g_autofree char *kept = NULL;
        g_file_get_contents(file, &kept, &len, NULL);
        g_assert_cmpmem(kept, len, "two\0x", 5);
        g_assert_cmpuint(count_entries(dir), ==, 1);
    }
    g_chmod(dir, 0700);
    g_remove(file);
    g_rmdir(dir);
}

static gboolean is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Every day from 1900-01-01 to 2999-12-31, counted one by one (1900-01-01 is 70 years of 365
 * days plus 17 leap days before 1970-01-01): parse and format agree with the count. */
static void test_day_all(void)
{
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    WpDay expect = -(70 * 365 + 17);
    for (int y = 1900; y <= 2999; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= month_days[m - 1] + (m == 2 && is_leap(y)); d++, expect++) {
                char text[16], back[11];
                g_snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
                WpDay day = 12345;
                if (!wp_day_parse(text, &day) || day != expect)
                    g_error("'%s' parsed as %d, expected %d", text, day, expect);
                wp_day_format(day, back);
                g_assert_cmpstr(back, ==, text);
            }
    g_assert_cmpint(expect, ==, 376200); /* 3000-01-01: 1030 years of 365 days + 250 leap days */
    WpDay epoch = -1;
    g_assert_true(wp_day_parse("1970-01-01", &epoch));
    g_assert_cmpint(epoch, ==, 0);
    g_assert_true(wp_day_parse("2026-11-01", &epoch));
    g_assert_cmpint(epoch, ==, 20758);
}

static void test_day_rejects(void)
{
    const char *bad[] = {"2026-02-30",     "26-1-1",     "2026-2-01",   "2026-02-1",   "2026-13-01",
                         "2026-00-10",     "2026-01-00", "2026-04-31",  "2023-02-29",  "1900-02-29",
                         "1899-12-31",     "3000-01-01", "2026-01-01 ", " 2026-01-01", "2026/01/01",
                         "2026-01-01T00",  "",           "2026",        "+026-01-01",  "2026-0a-01",
                         "２０２６-01-01", "2026-1-001", "20260101"};
    for (guint i = 0; i < G_N_ELEMENTS(bad); i++) {
        WpDay day = 777;
        if (wp_day_parse(bad[i], &day))
            g_error("'%s' was accepted as %d", bad[i], day);
        g_assert_cmpint(day, ==, 777); /* untouched */
    }
    WpDay leap;
    g_assert_true(wp_day_parse("2000-02-29", &leap));
    g_assert_true(wp_day_parse("2024-02-29", &leap));
    char buf[11] = "junk";
    wp_day_format(WP_DAY_NONE, buf);
    g_assert_cmpstr(buf, ==, "");
    /* Today is "now" in UTC, to the day. */
    WpDay today = wp_day_today();
    gint64 now = g_get_real_time() / G_USEC_PER_SEC / 86400;
    g_assert_cmpint(today, >=, now - 1);
    g_assert_cmpint(today, <=, now);
}

/* Small files: read whole up to the limit, refused one byte past it and when endless. */
static void test_read_small(void)
{
    g_autofree char *dir = g_dir_make_tmp("wp-small-XXXXXX", NULL);
    g_autofree char *file = g_build_filename(dir, "list.txt", NULL);
    g_assert_true(g_file_set_contents(file, "abcdefghij", 10, NULL));
    g_autofree char *text = NULL;
    gsize len = 0;
    g_autoptr(GError) error = NULL;
    g_assert_true(wp_file_read_small(file, 10, &text, &len, &error));
    g_assert_no_error(error);
    g_assert_cmpstr(text, ==, "abcdefghij");
    g_assert_cmpuint(len, ==, 10);
    g_autofree char *none = NULL;
    g_assert_false(wp_file_read_small(file, 9, &none, NULL, &error));
    g_assert_error(error, WP_ERROR, WP_ERROR_LIMIT);
    g_assert_nonnull(strstr(error->message, "list.txt: larger than 9 bytes"));
    g_clear_error(&error);
    if (g_file_test("/dev/zero", G_FILE_TEST_EXISTS)) { /* endless: stops at the limit */
        g_assert_false(wp_file_read_small("/dev/zero", 1 << 20, &none, NULL, &error));
        g_assert_error(error, WP_ERROR, WP_ERROR_LIMIT);
        g_clear_error(&error);
    }
    g_assert_false(wp_file_read_small("/nonexistent/x", 10, &none, NULL, &error));
    g_assert_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_remove(file);
    g_rmdir(dir);
}

/* One rule for counts: the singular only for exactly one; digits grouped by thousands. */
static void test_count(void)
{
    const struct {
        guint64 n;
        const char *want;
    } cases[] = {{0, "0 days"},          {1, "1 day"},           {2, "2 days"},
                 {999, "999 days"},      {1000, "1,000 days"},   {2614, "2,614 days"},
                 {100000, "100,000 days"}, {1234567, "1,234,567 days"}};
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = wp_text_count(cases[i].n, "day", "days");
        g_assert_cmpstr(got, ==, cases[i].want);
    }
    g_autofree char *people = wp_text_count(1, "person", "people");
    g_assert_cmpstr(people, ==, "1 person");
    g_autofree char *both = wp_text_all(2, "paths");
    g_assert_cmpstr(both, ==, "both paths");
    g_autofree char *all = wp_text_all(5, "paths");
    g_assert_cmpstr(all, ==, "all 5 paths");
    g_autofree char *many = wp_text_all(1200, "targets");
    g_assert_cmpstr(many, ==, "all 1,200 targets");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/text/csv-cell", test_csv_cell);
    g_test_add_func("/text/csv-cell-round-trip", test_csv_cell_round_trip);
    g_test_add_func("/text/fold", test_fold);
    g_test_add_func("/text/fold-paths-agree", test_fold_paths_agree);
    g_test_add_func("/text/fold-company", test_fold_company);
    g_test_add_func("/text/excerpt", test_excerpt);
    g_test_add_func("/text/for-terminal", test_for_terminal);
    g_test_add_func("/text/width", test_width);
    g_test_add_func("/text/write-atomic", test_write_atomic);
    g_test_add_func("/text/day/all", test_day_all);
    g_test_add_func("/text/day/rejects", test_day_rejects);
    g_test_add_func("/text/read-small", test_read_small);
    g_test_add_func("/text/count", test_count);
    return g_test_run();
}
