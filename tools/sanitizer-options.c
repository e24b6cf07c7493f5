/* SPDX-License-Identifier: MIT */
/* Sanitizer defaults for every executable of an ASan build (CMake links this object into each
 * one that uses the library; a static library alone would not pull these hooks in).
 * Graphviz 2.42, Pango and fontconfig leak caches in their own code on every layout (see
 * tools/valgrind.supp), which would make LeakSanitizer fail every program that draws. The
 * suppressions name only those libraries; full stacks (slower mallocs, in sanitizer builds
 * only) let LeakSanitizer see that an allocation came from them. */
#if defined(__SANITIZE_ADDRESS__)
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "fast_unwind_on_malloc=0";
}
const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libgvc.so\nleak:libcgraph.so\nleak:libgvplugin_\nleak:libfontconfig.so\n"
           "leak:libpango\nleak:libcairo.so\n";
}
#else
typedef int wp_sanitizer_options_unused; /* ISO C wants something in a translation unit */
#endif
