#include "CLineEdit.h"

#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

struct kehu_cle {
  EditLine *el;
  History *history;
  HistEvent event;
  char *prompt;
  kehu_cle_complete_fn complete;
  void *complete_context;
};

/* ---- Ctrl-C ---------------------------------------------------------------------------- */

static volatile sig_atomic_t interrupted = 0;
static struct sigaction saved_sigint;
static int sigint_installed = 0;
static int open_editors = 0; /* the handler stays until the last editor closes */

static void on_sigint(int signo) {
  (void)signo;
  interrupted = 1;
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
  el_source(editor->el, NULL);
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
  if (--open_editors == 0) remove_sigint();
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
