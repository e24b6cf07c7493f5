/* SPDX-License-Identifier: MIT */
/* An LD_PRELOAD library that injects file-system faults into a process, for tests that need no
 * root, no small file system and no timing luck. Only files under $WP_FAULT_DIR are touched or
 * counted (a descriptor's name is read from /proc/self/fd). Set in the environment:
 *
 *   WP_FAULT_DIR=DIR             required: where faults apply
 *   WP_FAULT_ENOSPC_AFTER=N      writes fail with ENOSPC once N bytes in all were written
 *   WP_FAULT_FAIL_FSYNC=N        the Nth fsync()/fdatasync() fails with EIO
 *   WP_FAULT_KILL_AT=N           SIGKILL just before the Nth step: a rename(), fsync(),
 *                                fdatasync() or unlink() (the points an atomic commit has)
 *   WP_FAULT_RENAME_DELAY_MS=N   sleeps N ms before each rename() (widens a commit's window)
 *   WP_FAULT_LOG=FILE            appends "STEP NAME" for every step, so a test knows how many
 *   WP_FAULT_ON_READ=ACTION:N:FILE[:ARG]
 *                                at the Nth read of FILE (a read(), pread() or mmap() of it; an
 *                                mmap() counts once it is made): ACTION "truncate" cuts FILE to
 *                                ARG bytes, "rewrite" overwrites the byte at offset ARG in place
 *                                (same size, new modification time), "swap" renames ARG over
 *                                FILE, "rename" does what ARG "FROM>TO" says (another file
 *                                changes while FILE is read)
 *
 * The test program itself runs without it; it starts the command under test with LD_PRELOAD.
 * Under AddressSanitizer the command needs ASAN_OPTIONS=verify_asan_link_order=0 (this library
 * intercepts no allocation, so the order does not matter). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long counter_bytes, counter_fsync, counter_steps, counter_reads;

static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v != NULL && v[0] != '\0' ? v : NULL;
}

static long env_number(const char *name)
{
    const char *v = env(name);
    return v != NULL ? atol(v) : 0;
}

static void *next(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (f == NULL)
        abort(); /* a test tool: the libc lacks what the program called */
    return f;
}

static int under_dir(const char *path)
{
    const char *dir = env("WP_FAULT_DIR");
    size_t n = dir ? strlen(dir) : 0;
    return dir != NULL && path != NULL && strncmp(path, dir, n) == 0 &&
           (path[n] == '/' || path[n] == '\0');
}

/* The name of @fd (or "" when it has none). */
static void fd_name(int fd, char *buf, size_t size)
{
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, buf, size - 1);
    buf[n > 0 ? n : 0] = '\0';
}

static int fd_under_dir(int fd)
{
    char name[4096];
    fd_name(fd, name, sizeof name);
    return under_dir(name);
}

static void log_step(const char *step, const char *name)
{
    const char *file = env("WP_FAULT_LOG");
    if (file == NULL)
        return;
    int (*real_open)(const char *, int, ...) = next("open");
    ssize_t (*real_write)(int, const void *, size_t) = next("write");
    int fd = real_open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    char line[4200];
    int n = snprintf(line, sizeof line, "%s %s\n", step, name);
    if (real_write(fd, line, (size_t)n) < 0)
        n = 0;
    close(fd);
}

/* One more commit step: SIGKILL when it is the chosen one. */
static void step(const char *what, const char *name)
{
    long n = __atomic_add_fetch(&counter_steps, 1, __ATOMIC_SEQ_CST);
    log_step(what, name);
    if (n == env_number("WP_FAULT_KILL_AT"))
        raise(SIGKILL);
}

/* How many of @len bytes a write may still put on the "disk": -1 when none (ENOSPC). */
static ssize_t allowed(int fd, size_t len)
{
    long limit = env_number("WP_FAULT_ENOSPC_AFTER");
    if (env("WP_FAULT_ENOSPC_AFTER") == NULL || !fd_under_dir(fd))
        return (ssize_t)len;
    long before = __atomic_fetch_add(&counter_bytes, (long)len, __ATOMIC_SEQ_CST);
    if (before >= limit) {
        errno = ENOSPC;
        return -1;
    }
    return (ssize_t)(len < (size_t)(limit - before) ? len : (size_t)(limit - before));
}

ssize_t write(int fd, const void *buf, size_t len)
{
    ssize_t (*real)(int, const void *, size_t) = next("write");
    ssize_t n = allowed(fd, len);
    return n < 0 ? -1 : real(fd, buf, (size_t)n);
}

ssize_t pwrite(int fd, const void *buf, size_t len, off_t at)
{
    ssize_t (*real)(int, const void *, size_t, off_t) = next("pwrite");
    ssize_t n = allowed(fd, len);
    return n < 0 ? -1 : real(fd, buf, (size_t)n, at);
}

ssize_t pwrite64(int fd, const void *buf, size_t len, off_t at)
{
    return pwrite(fd, buf, len, at);
}

ssize_t writev(int fd, const struct iovec *iov, int n_iov)
{
    ssize_t (*real)(int, const struct iovec *, int) = next("writev");
    size_t total = 0;
    for (int i = 0; i < n_iov; i++)
        total += iov[i].iov_len;
    ssize_t n = allowed(fd, total);
    if (n < 0)
        return -1;
    if ((size_t)n == total)
        return real(fd, iov, n_iov);
    return write(fd, iov[0].iov_base, iov[0].iov_len < (size_t)n ? iov[0].iov_len : (size_t)n);
}

static int sync_step(int fd, const char *what, int (*real)(int))
{
    char name[4096];
    fd_name(fd, name, sizeof name);
    if (!under_dir(name))
        return real(fd);
    step(what, name);
    long n = __atomic_add_fetch(&counter_fsync, 1, __ATOMIC_SEQ_CST);
    if (n == env_number("WP_FAULT_FAIL_FSYNC")) {
        errno = EIO;
        return -1;
    }
    return real(fd);
}

int fsync(int fd)
{
    return sync_step(fd, "fsync", next("fsync"));
}

int fdatasync(int fd)
{
    return sync_step(fd, "fdatasync", next("fdatasync"));
}

static void rename_step(const char *from, const char *to)
{
    if (!under_dir(from) && !under_dir(to))
        return;
    step("rename", to);
    long delay = env_number("WP_FAULT_RENAME_DELAY_MS");
    if (delay > 0)
        usleep((useconds_t)delay * 1000);
}

int rename(const char *from, const char *to)
{
    int (*real)(const char *, const char *) = next("rename");
    rename_step(from, to);
    return real(from, to);
}

int renameat(int from_dir, const char *from, int to_dir, const char *to)
{
    int (*real)(int, const char *, int, const char *) = next("renameat");
    rename_step(from, to);
    return real(from_dir, from, to_dir, to);
}

int unlink(const char *name)
{
    int (*real)(const char *) = next("unlink");
    if (under_dir(name))
        step("unlink", name);
    return real(name);
}

/* ---- WP_FAULT_ON_READ ---- */

static void on_read(int fd)
{
    const char *spec = env("WP_FAULT_ON_READ");
    if (spec == NULL)
        return;
    char copy[4200], name[4096];
    snprintf(copy, sizeof copy, "%s", spec);
    char *action = strtok(copy, ":"), *nth = strtok(NULL, ":"), *file = strtok(NULL, ":");
    char *arg = strtok(NULL, "");
    if (action == NULL || nth == NULL || file == NULL)
        return;
    fd_name(fd, name, sizeof name);
    if (strcmp(name, file) != 0)
        return;
    if (__atomic_add_fetch(&counter_reads, 1, __ATOMIC_SEQ_CST) != atol(nth))
        return;
    int (*real_rename)(const char *, const char *) = next("rename");
    if (strcmp(action, "truncate") == 0 && truncate(file, arg ? atol(arg) : 0) != 0)
        abort();
    if (strcmp(action, "swap") == 0 && (arg == NULL || real_rename(arg, file) != 0))
        abort();
    if (strcmp(action, "rename") == 0) {
        char *to = arg ? strchr(arg, '>') : NULL;
        if (to == NULL)
            abort();
        *to++ = '\0';
        if (real_rename(arg, to) != 0)
            abort();
    }
    if (strcmp(action, "rewrite") == 0) {
        int (*real_open)(const char *, int, ...) = next("open");
        ssize_t (*real_pwrite)(int, const void *, size_t, off_t) = next("pwrite");
        int w = real_open(file, O_WRONLY | O_CLOEXEC);
        if (w < 0 || real_pwrite(w, "#", 1, arg ? atol(arg) : 0) != 1)
            abort();
        close(w);
    }
}

ssize_t read(int fd, void *buf, size_t len)
{
    ssize_t (*real)(int, void *, size_t) = next("read");
    on_read(fd);
    return real(fd, buf, len);
}

ssize_t pread(int fd, void *buf, size_t len, off_t at)
{
    ssize_t (*real)(int, void *, size_t, off_t) = next("pread");
    on_read(fd);
    return real(fd, buf, len, at);
}

ssize_t pread64(int fd, void *buf, size_t len, off_t at)
{
    return pread(fd, buf, len, at);
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t at)
{
    void *(*real)(void *, size_t, int, int, int, off_t) = next("mmap");
    void *p = real(addr, len, prot, flags, fd, at);
    if (p != MAP_FAILED && fd >= 0)
        on_read(fd);
    return p;
}

void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t at)
{
    return mmap(addr, len, prot, flags, fd, at);
}
