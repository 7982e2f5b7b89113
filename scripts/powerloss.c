/* An LD_PRELOAD layer for `scripts/crash --power-loss`: it keeps, beside the store, what a
 * disk would hold after a power cut, where only what was fsynced survives.
 *
 * After each successful fsync or fdatasync of a file in the store directory
 * ($KEHU_POWERLOSS_STORE), the file's whole content is copied to
 * $KEHU_POWERLOSS_SHADOW/ino-INODE: its data is durable, whatever name it has. After an
 * fsync of the store directory itself, the names in it and their inodes are written to
 * $KEHU_POWERLOSS_SHADOW/names: the directory entries are durable. Each copy is written to
 * a temporary name and renamed, so a kill during the copy leaves the previous one.
 *
 * scripts/crash rebuilds the store after the kill from the last `names`, each name with its
 * inode's last synced content (empty if it was never synced): every write, rename and unlink
 * that was not followed by the right fsync is dropped, the worst a power cut can do. An inode
 * number reused by a new file drops the old name it had in `names` (see forget_reused):
 * without that, a resurrected old snapshot was given a new empty journal's bytes.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int (*real_fsync)(int);
static int (*real_fdatasync)(int);

/* Writes `len` bytes to SHADOW/name through a temporary file and a rename. */
static void put(const char *shadow, const char *name, const char *data, size_t len) {
  char tmp[PATH_MAX], final[PATH_MAX];
  snprintf(final, sizeof final, "%s/%s", shadow, name);
  snprintf(tmp, sizeof tmp, "%s/.%s.tmp", shadow, name);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
  size_t done = 0;
  while (done < len) {
    ssize_t w = write(fd, data + done, len - done);
    if (w <= 0) break;
    done += (size_t)w;
  }
  close(fd);
  if (done == len) rename(tmp, final);
}

/* An inode number freed by an unlink and given to a new file: once the new file's data is
 * durable under that number, the old name in `names` must not come back with it (a journaling
 * file system commits the unlink before the reuse). The old name is dropped: as if its
 * unlink had reached the disk. */
static void forget_reused(const char *shadow, unsigned long long ino, const char *current) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/names", shadow);
  FILE *f = fopen(path, "r");
  if (!f) return;
  size_t cap = 4096, len = 0;
  char *out = malloc(cap), line[PATH_MAX + 32];
  int dropped = 0;
  while (out && fgets(line, sizeof line, f)) {
    unsigned long long n = 0;
    int at = 0;
    if (sscanf(line, "%llu %n", &n, &at) == 1 && n == ino) {
      char *entry = line + at;
      entry[strcspn(entry, "\n")] = 0;
      if (strcmp(entry, current) != 0) {
        dropped = 1;
        continue;
      }
      strcat(entry, "\n");
    }
    size_t k = strlen(line);
    if (len + k > cap) out = realloc(out, cap = (len + k) * 2);
    if (!out) break;
    memcpy(out + len, line, k);
    len += k;
  }
  fclose(f);
  if (out && dropped) put(shadow, "names", out, len);
  free(out);
}

static void capture(int fd) {
  const char *store = getenv("KEHU_POWERLOSS_STORE"), *shadow = getenv("KEHU_POWERLOSS_SHADOW");
  if (!store || !shadow) return;
  char link[64], path[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  ssize_t n = readlink(link, path, sizeof path - 1);
  if (n < 0) return;
  path[n] = 0;
  struct stat st;
  if (fstat(fd, &st) != 0) return;
  size_t slen = strlen(store);
  if (S_ISDIR(st.st_mode)) {
    if (strcmp(path, store) != 0) return;
    DIR *d = opendir(store);
    if (!d) return;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    struct dirent *e;
    while (buf && (e = readdir(d))) {
      if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2]))) continue;
      char line[PATH_MAX + 32];
      int k = snprintf(line, sizeof line, "%llu %s\n", (unsigned long long)e->d_ino, e->d_name);
      if (len + (size_t)k > cap) buf = realloc(buf, cap = (len + (size_t)k) * 2);
      if (!buf) break;
      memcpy(buf + len, line, (size_t)k);
      len += (size_t)k;
    }
    closedir(d);
    if (buf) put(shadow, "names", buf, len);
    free(buf);
  } else if (S_ISREG(st.st_mode)) {
    /* Only files directly in the store directory. */
    if (strncmp(path, store, slen) != 0 || path[slen] != '/' || strchr(path + slen + 1, '/')) return;
    int rfd = open(link, O_RDONLY | O_CLOEXEC); /* the fd may be write-only */
    if (rfd < 0) return;
    char *buf = malloc(st.st_size ? (size_t)st.st_size : 1);
    size_t done = 0;
    while (buf && done < (size_t)st.st_size) {
      ssize_t r = pread(rfd, buf + done, (size_t)st.st_size - done, (off_t)done);
      if (r <= 0) break;
      done += (size_t)r;
    }
    close(rfd);
    char name[64];
    snprintf(name, sizeof name, "ino-%llu", (unsigned long long)st.st_ino);
    forget_reused(shadow, st.st_ino, path + slen + 1);
    if (buf) put(shadow, name, buf, done);
    free(buf);
  }
}

int fsync(int fd) {
  if (!real_fsync) real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  int r = real_fsync(fd);
  if (r == 0) capture(fd);
  return r;
}

int fdatasync(int fd) {
  if (!real_fdatasync) real_fdatasync = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
  int r = real_fdatasync(fd);
  if (r == 0) capture(fd);
  return r;
}
