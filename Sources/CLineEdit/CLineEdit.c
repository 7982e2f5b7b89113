#define _XOPEN_SOURCE 700
#include "CLineEdit.h"

#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <poll.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include <wchar.h>

struct kehu_cle {
  EditLine *el;
  History *history;
  HistEvent event;
  char *prompt;
  kehu_cle_complete_fn complete;
  void *complete_context;
  kehu_cle_idle_fn idle;
  void *idle_context;
  int idle_interval;
};

/* ---- Ctrl-C ---------------------------------------------------------------------------- */

static volatile sig_atomic_t interrupted = 0;
static struct sigaction saved_sigint;
static int sigint_installed = 0;
static int open_editors = 0; /* the handler stays until the last editor closes */

/*
 * The self-pipe: the handler writes a byte, and the key reader waits on the terminal and on
 * this pipe. A SIGINT may be handled on any thread of the process (one the kernel picked, or
 * one libedit's handler re-sent it from), and then the reader's blocked read is never cut
 * short by EINTR; the byte wakes it all the same. Both ends are non-blocking: a full pipe
 * already says "interrupted".
 */
static int wake_pipe[2] = {-1, -1};

static void open_wake_pipe(void) {
  if (wake_pipe[0] >= 0) return;
  int fds[2];
  if (pipe(fds) != 0) return;
  for (int i = 0; i < 2; i++) {
    fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    fcntl(fds[i], F_SETFD, FD_CLOEXEC);
  }
  wake_pipe[0] = fds[0];
  wake_pipe[1] = fds[1];
}

static void close_wake_pipe(void) {
  if (wake_pipe[0] < 0) return;
  int fds[2] = {wake_pipe[0], wake_pipe[1]};
  wake_pipe[0] = wake_pipe[1] = -1;
  close(fds[0]);
  close(fds[1]);
}

static void on_sigint(int signo) {
  (void)signo;
  int saved_errno = errno;
  interrupted = 1;
  if (wake_pipe[1] >= 0) {
    ssize_t written = write(wake_pipe[1], "!", 1);
    (void)written;
  }
  errno = saved_errno;
}

/*
 * While el_gets waits, the handler has no SA_RESTART so the blocked read fails with EINTR
 * and el_gets returns: that is how Ctrl-C cancels a line. (libedit's own EL_SIGNAL handler,
 * which passes the signal on to ours, has no SA_RESTART either; ours must not rely on that.)
 * While a statement runs it has SA_RESTART, so the statement's own reads and writes are not
 * cut short by Ctrl-C; the flag is all the statement needs to see.
 */
static void install_sigint(int restart) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = restart ? SA_RESTART : 0;
  if (!sigint_installed) {
    sigaction(SIGINT, &action, &saved_sigint);
    sigint_installed = 1;
  } else {
    sigaction(SIGINT, &action, NULL);
  }
}

static void remove_sigint(void) {
  if (sigint_installed) {
    sigaction(SIGINT, &saved_sigint, NULL);
    sigint_installed = 0;
  }
}

int kehu_cle_interrupted(void) { return interrupted != 0; }
void kehu_cle_clear_interrupted(void) { interrupted = 0; }

void kehu_cle_forget_interrupts(void) {
  if (wake_pipe[0] >= 0) {
    char bytes[64];
    while (read(wake_pipe[0], bytes, sizeof bytes) > 0) {
    }
  }
  interrupted = 0;
}

/* ---- Locale ---------------------------------------------------------------------------- */

static int codeset_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/*
 * Only LC_CTYPE: libedit needs it to decode multibyte input, and leaving LC_NUMERIC at "C"
 * keeps any C-level number formatting independent of the user's locale. Under a non-UTF-8
 * locale libedit drops Chinese input and crashes on a non-ASCII prompt, hence the fallback.
 */
int kehu_cle_setup_locale(void) {
  setlocale(LC_CTYPE, "");
  if (codeset_is_utf8()) return 1;
  static const char *fallbacks[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
  for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
    if (setlocale(LC_CTYPE, fallbacks[i]) != NULL && codeset_is_utf8()) return 1;
  }
  return 0;
}

/* ---- Editor ---------------------------------------------------------------------------- */

static kehu_cle *editor_of(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return (kehu_cle *)data;
}

static char *prompt_of(EditLine *el) {
  kehu_cle *editor = editor_of(el);
  return (editor != NULL && editor->prompt != NULL) ? editor->prompt : (char *)"";
}

static unsigned char complete_trampoline(EditLine *el, int ch) {
  (void)ch;
  kehu_cle *editor = editor_of(el);
  if (editor == NULL || editor->complete == NULL) return CC_ERROR;
  return editor->complete(editor->complete_context, editor);
}

/*
 * libedit 3.1's incremental redraw goes wrong around wide (two-cell) characters: after
 * deleting one, or inserting before one on a wrapped line, the terminal's cursor ends a cell
 * away from where libedit believes it is, and later edits land in the wrong cells
 * (`print 你好世界y`, Left x3, Backspace, Right, Q shows `你  Q界y` while `你世Q界y` runs).
 * Its drawing from scratch is right, so every key is read through this function, which
 * first moves to the start of the edit, clears to the end of the screen and has libedit
 * draw the line anew. Keys already waiting (a paste) skip the repaint; the last one gets it.
 * Otherwise it reads as libedit's own reader does: one multibyte character per call, EINTR
 * passed up only for Ctrl-C (a resize is retried).
 */
static int input_waiting(int fd) {
  struct pollfd probe = {fd, POLLIN, 0};
  return poll(&probe, 1, 0) > 0;
}

/* Cells a character takes as libedit draws it: control characters as ^X. */
static int cells(wchar_t c) {
  int w = wcwidth(c);
  return w < 0 ? 2 : w;
}

/* Moves a drawing position past one character. */
static void lay_out(wchar_t c, int columns, int *row, int *column) {
  if (c == L'\n') {
    ++*row;
    *column = 0;
    return;
  }
  int w = cells(c);
  if (*column + w > columns) {
    ++*row;
    *column = 0;
  }
  *column += w;
  if (*column >= columns) {
    ++*row;
    *column = 0;
  }
}

/* The screen row, counted from the prompt's first, that the cursor is on (libedit's layout
 * in re_refresh: a character that does not fit goes to the next row; a full row moves the
 * cursor down). */
static int cursor_row(kehu_cle *editor, int columns) {
  int row = 0, column = 0;
  const char *p = editor->prompt != NULL ? editor->prompt : "";
  mbstate_t state;
  memset(&state, 0, sizeof state);
  int hidden = 0;
  const LineInfoW *info = el_wline(editor->el);
  size_t length = strlen(p);
  for (size_t i = 0; i < length;) {
    wchar_t c;
    size_t n = mbrtowc(&c, p + i, length - i, &state);
    if (n == 0 || n == (size_t)-1 || n == (size_t)-2) break;
    i += n;
    if (c == L'\1') {
      hidden = !hidden;
      continue;
    }
    if (hidden) continue;
    lay_out(c, columns, &row, &column);
  }
  for (const wchar_t *c = info->buffer; c < info->cursor; c++) lay_out(*c, columns, &row, &column);
  /* Before a wide character that does not fit, the cursor is shown where it goes: below. */
  if (info->cursor < info->lastchar && column + cells(*info->cursor) > columns) row++;
  return row;
}

/* Clears from the prompt's first row down, writes `above` (if any) there, then draws the
 * prompt and the line again below it. */
static void repaint_below(kehu_cle *editor, const char *above) {
  int rows = cursor_row(editor, kehu_cle_columns(editor));
  char move[32];
  if (rows > 0) {
    snprintf(move, sizeof move, "\033[%dA\r\033[J", rows);
  } else {
    snprintf(move, sizeof move, "\r\033[J");
  }
  kehu_cle_write(editor, move);
  if (above != NULL) kehu_cle_write(editor, above);
  el_set(editor->el, EL_REFRESH);
}

static void repaint(kehu_cle *editor) { repaint_below(editor, NULL); }

/* Waits for input on the terminal or a byte in the self-pipe (Ctrl-C, handled on whichever
 * thread); every idle_interval ms without either, asks the idle callback for a notice and
 * shows it above the prompt. Returns > 0 input, < 0 an error or Ctrl-C (errno EINTR). The
 * pipe's byte stays until the next prompt forgets it (kehu_cle_forget_interrupts). */
static int wait_for_input(kehu_cle *editor, int fd) {
  int idle = editor != NULL && editor->idle != NULL;
  for (;;) {
    struct pollfd probe[2] = {{fd, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
    int ready = poll(probe, wake_pipe[0] >= 0 ? 2 : 1, idle ? editor->idle_interval : -1);
    if (ready < 0) return ready;
    if (ready > 0 && (probe[1].revents & POLLIN)) {
      interrupted = 1;
      errno = EINTR;
      return -1;
    }
    if (ready > 0) return ready;
    if (!idle) continue;
    char *notice = editor->idle(editor->idle_context);
    if (notice != NULL) {
      repaint_below(editor, notice);
      free(notice);
    }
  }
}

static int read_char_repainted(EditLine *el, wchar_t *out) {
  FILE *in = NULL;
  int fd = (el_get(el, EL_GETFP, 0, &in) == 0 && in != NULL) ? fileno(in) : 0;
  kehu_cle *editor = editor_of(el);
  if (editor != NULL && !input_waiting(fd)) repaint(editor);
  char bytes[MB_LEN_MAX];
  size_t used = 0;
  for (;;) {
    ssize_t n = used == 0 && wait_for_input(editor, fd) < 0 ? -1 : read(fd, bytes + used, 1);
    if (n < 0) {
      if (errno == EINTR && !interrupted) continue;
      *out = L'\0';
      return -1;
    }
    if (n == 0) {
      *out = L'\0';
      return 0;
    }
    used++;
    mbstate_t state;
    memset(&state, 0, sizeof state);
    size_t decoded = mbrtowc(out, bytes, used, &state);
    if (decoded == (size_t)-2 && used < sizeof bytes) continue; /* more bytes of this character */
    if (decoded == (size_t)-1 || decoded == (size_t)-2) {
      used = 0; /* not a character in this locale: drop the bytes, as libedit does */
      continue;
    }
    return 1;
  }
}

kehu_cle *kehu_cle_open(const char *program_name, int history_size) {
  kehu_cle *editor = calloc(1, sizeof *editor);
  if (editor == NULL) return NULL;
  editor->el = el_init(program_name, stdin, stdout, stderr);
  if (editor->el == NULL) {
    free(editor);
    return NULL;
  }
  editor->history = history_init();
  if (editor->history != NULL) {
    history(editor->history, &editor->event, H_SETSIZE, history_size);
    history(editor->history, &editor->event, H_SETUNIQUE, 1);
    el_set(editor->el, EL_HIST, history, editor->history);
  }
  el_set(editor->el, EL_CLIENTDATA, editor);
  el_set(editor->el, EL_EDITOR, "emacs");
  el_set(editor->el, EL_SIGNAL, 1);
  el_set(editor->el, EL_PROMPT_ESC, prompt_of, '\1');
  el_set(editor->el, EL_ADDFN, "kehu-complete", "Complete the word before the cursor",
         complete_trampoline);
  el_set(editor->el, EL_BIND, "^I", "kehu-complete", NULL);
  /* libedit's emacs map leaves ^R as redisplay; readline users expect a history search. */
  el_set(editor->el, EL_BIND, "^R", "em-inc-search-prev", NULL);
  /* And ^W deletes the word before the cursor, as in readline, not libedit's kill-region. */
  el_set(editor->el, EL_BIND, "^W", "ed-delete-prev-word", NULL);
  el_set(editor->el, EL_GETCFN, read_char_repainted);
  /* Home, End and Delete as xterm and tmux send them (libedit knows only the ESC [ H forms). */
  el_set(editor->el, EL_BIND, "\\e[1~", "ed-move-to-beg", NULL);
  el_set(editor->el, EL_BIND, "\\e[4~", "ed-move-to-end", NULL);
  el_set(editor->el, EL_BIND, "\\e[3~", "ed-delete-next-char", NULL);
  el_source(editor->el, NULL);
  open_wake_pipe();
  install_sigint(1);
  open_editors++;
  return editor;
}

void kehu_cle_close(kehu_cle *editor) {
  if (editor == NULL) return;
  el_end(editor->el);
  if (editor->history != NULL) history_end(editor->history);
  free(editor->prompt);
  free(editor);
  if (--open_editors == 0) {
    remove_sigint();
    close_wake_pipe();
  }
}

void kehu_cle_set_prompt(kehu_cle *editor, const char *prompt) {
  char *copy = strdup(prompt);
  if (copy == NULL) return;
  free(editor->prompt);
  editor->prompt = copy;
}

void kehu_cle_set_completer(kehu_cle *editor, kehu_cle_complete_fn fn, void *context) {
  editor->complete = fn;
  editor->complete_context = context;
}

void kehu_cle_set_idle(kehu_cle *editor, kehu_cle_idle_fn fn, void *context, int interval_ms) {
  editor->idle = fn;
  editor->idle_context = context;
  editor->idle_interval = interval_ms > 0 ? interval_ms : 1000;
}

const char *kehu_cle_gets(kehu_cle *editor, int *status) {
  int count = 0;
  install_sigint(0);
  const char *line = el_gets(editor->el, &count);
  int saved_errno = errno;
  install_sigint(1);
  if (line != NULL && count > 0) {
    *status = 1;
    return line;
  }
  if (count < 0 && (interrupted || saved_errno == EINTR)) {
    /* Start the next line empty and in a known state, whatever el_gets left behind. */
    el_reset(editor->el);
    *status = -1;
    return NULL;
  }
  *status = 0;
  return NULL;
}

/* ---- History --------------------------------------------------------------------------- */

int kehu_cle_history_load(kehu_cle *editor, const char *path) {
  if (editor->history == NULL) return -1;
  return history(editor->history, &editor->event, H_LOAD, path) < 0 ? -1 : 0;
}

/*
 * H_SAVE truncates the file before writing it, so a crash mid-save would lose the whole
 * history: write a private temporary file (created 0600) and rename it into place.
 */
static int save_atomically(History *entries, HistEvent *event, const char *path) {
  size_t size = strlen(path) + 32;
  char *temporary = malloc(size);
  if (temporary == NULL) return -1;
  snprintf(temporary, size, "%s.tmp.%ld", path, (long)getpid());
  int fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    free(temporary);
    return -1;
  }
  FILE *file = fdopen(fd, "w");
  if (file == NULL) {
    close(fd);
    unlink(temporary);
    free(temporary);
    return -1;
  }
  int saved = history(entries, event, H_SAVE_FP, file);
  int ok = saved >= 0 && fflush(file) == 0 && fsync(fileno(file)) == 0;
  ok = (fclose(file) == 0) && ok;
  ok = ok && rename(temporary, path) == 0;
  if (!ok) unlink(temporary);
  free(temporary);
  return ok ? 0 : -1;
}

int kehu_cle_history_save(kehu_cle *editor, const char *path) {
  if (editor->history == NULL) return -1;
  return save_atomically(editor->history, &editor->event, path);
}

/*
 * Two sessions at once must not overwrite each other's lines (as a whole-file save from
 * memory would): under an exclusive lock on PATH.lock, read the file as it is now, add the
 * one entry, cap it, and put it back. The lock is a separate file because the history file
 * itself is replaced by rename, which a lock on its old inode would not cover.
 */
int kehu_cle_history_append(const char *path, const char *line, int history_size) {
  size_t size = strlen(path) + 8;
  char *lock_path = malloc(size);
  if (lock_path == NULL) return -1;
  snprintf(lock_path, size, "%s.lock", path);
  int lock = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  free(lock_path);
  if (lock < 0) return -1;
  while (flock(lock, LOCK_EX) != 0) {
    if (errno != EINTR) {
      close(lock);
      return -1;
    }
  }
  HistEvent event;
  History *merged = history_init();
  int result = -1;
  if (merged != NULL) {
    history(merged, &event, H_SETSIZE, history_size);
    history(merged, &event, H_SETUNIQUE, 1);
    history(merged, &event, H_LOAD, path); /* a missing file is an empty history */
    if (history(merged, &event, H_ENTER, line) >= 0) result = save_atomically(merged, &event, path);
    history_end(merged);
  }
  flock(lock, LOCK_UN);
  close(lock);
  return result;
}

int kehu_cle_history_enter(kehu_cle *editor, const char *line) {
  if (editor->history == NULL) return -1;
  return history(editor->history, &editor->event, H_ENTER, line) < 0 ? -1 : 0;
}

int kehu_cle_history_count(kehu_cle *editor) {
  if (editor->history == NULL) return 0;
  if (history(editor->history, &editor->event, H_GETSIZE) < 0) return 0;
  return editor->event.num;
}

/* ---- Completion helpers ---------------------------------------------------------------- */

const wchar_t *kehu_cle_line(kehu_cle *editor, int *length, int *cursor) {
  const LineInfoW *info = el_wline(editor->el);
  *length = (int)(info->lastchar - info->buffer);
  *cursor = (int)(info->cursor - info->buffer);
  return info->buffer;
}

int kehu_cle_replace(kehu_cle *editor, int count, const char *text) {
  if (count > 0) el_deletestr(editor->el, count);
  if (text[0] == '\0') return 0;
  return el_insertstr(editor->el, text);
}

void kehu_cle_write(kehu_cle *editor, const char *text) {
  FILE *out = NULL;
  if (el_get(editor->el, EL_GETFP, 1, &out) != 0 || out == NULL) out = stdout;
  fputs(text, out);
  fflush(out);
}

int kehu_cle_columns(kehu_cle *editor) {
  int columns = 0;
  if (el_get(editor->el, EL_GETTC, "co", &columns, NULL) != 0 || columns <= 0) return 80;
  return columns;
}
