/* An LD_PRELOAD layer for `scripts/damage`: a disk that fills up. Writes to files in
 * $KEHU_FULLDISK_DIR succeed until $KEHU_FULLDISK_BYTES bytes have been written there; the
 * write that crosses the limit is short, and every one after it fails with ENOSPC, as a
 * real full disk does. Other files (standard output, the terminal) are not touched.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long long used;

/* Whether `fd` is a file in the watched directory. */
static int watched(int fd) {
  const char *dir = getenv("KEHU_FULLDISK_DIR");
  if (!dir || !getenv("KEHU_FULLDISK_BYTES")) return 0;
  char link[64], path[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t k = readlink(link, path, sizeof path - 1);
  if (k < 0) return 0;
  path[k] = 0;
  size_t dlen = strlen(dir);
  return strncmp(path, dir, dlen) == 0 && path[dlen] == '/';
}

/* How many of `n` bytes fit: n, fewer (the write that fills the disk), or 0. */
static size_t room(size_t n) {
  long long left = atoll(getenv("KEHU_FULLDISK_BYTES")) - used;
  if (left <= 0) return 0;
  return (long long)n < left ? n : (size_t)left;
}

ssize_t write(int fd, const void *buf, size_t n) {
  static ssize_t (*real)(int, const void *, size_t);
  if (!real) real = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  if (!watched(fd) || n == 0) return real(fd, buf, n);
  size_t ok = room(n);
  if (ok == 0) {
    errno = ENOSPC;
    return -1;
  }
  ssize_t r = real(fd, buf, ok);
  if (r > 0) used += r;
  return r;
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
  static ssize_t (*real)(int, const void *, size_t, off_t);
  if (!real) real = (ssize_t(*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
  if (!watched(fd) || n == 0) return real(fd, buf, n, off);
  size_t ok = room(n);
  if (ok == 0) {
    errno = ENOSPC;
    return -1;
  }
  ssize_t r = real(fd, buf, ok, off);
  if (r > 0) used += r;
  return r;
}
