#ifndef KEHU_CLINEEDIT_H
#define KEHU_CLINEEDIT_H

/*
 * The libedit calls Swift cannot make itself: el_set/el_get/history are variadic,
 * the stdio globals are refused under Swift 6, and a signal handler must be C.
 * One kehu_cle editor owns one EditLine and one History.
 */

#include <histedit.h> /* the CC_* codes a completer returns */
#include <wchar.h>

typedef struct kehu_cle kehu_cle;

/* Called on Tab with the editor; returns a libedit CC_* code. */
typedef unsigned char (*kehu_cle_complete_fn)(void *context, kehu_cle *editor);

/*
 * Sets LC_CTYPE from the environment, falling back to C.UTF-8 when that is not UTF-8.
 * Returns 1 when the character set in force is UTF-8, 0 otherwise (then keep prompts ASCII).
 */
int kehu_cle_setup_locale(void);

/* el_init on stdin/stdout/stderr, emacs bindings, the user's editrc, Tab bound to the completer. */
kehu_cle *kehu_cle_open(const char *program_name, int history_size);
/* el_end and history_end; safe to call once per open. */
void kehu_cle_close(kehu_cle *editor);

/* Copies the prompt; bytes between two \1 characters take no screen columns. */
void kehu_cle_set_prompt(kehu_cle *editor, const char *prompt);
void kehu_cle_set_completer(kehu_cle *editor, kehu_cle_complete_fn fn, void *context);
/*
 * Called every interval_ms while the prompt waits for a key; returns a notice (malloc'd, the
 * editor frees it) to show above the prompt, the line kept as typed, or NULL for none.
 */
typedef char *(*kehu_cle_idle_fn)(void *context);
void kehu_cle_set_idle(kehu_cle *editor, kehu_cle_idle_fn fn, void *context, int interval_ms);

/*
 * Reads one line. Returns the line (owned by libedit, valid until the next call) and sets
 * *status: 1 a line, 0 end of input, -1 interrupted by Ctrl-C (the line is discarded).
 */
const char *kehu_cle_gets(kehu_cle *editor, int *status);

/* History: 0 on success, -1 on failure. */
int kehu_cle_history_load(kehu_cle *editor, const char *path);
int kehu_cle_history_save(kehu_cle *editor, const char *path);
/* Adds one entry to the file as it is now on disk (other sessions' lines kept), capped at
 * history_size entries, under a lock on PATH.lock. */
int kehu_cle_history_append(const char *path, const char *line, int history_size);
int kehu_cle_history_enter(kehu_cle *editor, const char *line);
int kehu_cle_history_count(kehu_cle *editor);

/* For the completer: the line as wide characters (UCS-4 on glibc) and the cursor offset. */
const wchar_t *kehu_cle_line(kehu_cle *editor, int *length, int *cursor);
/* Deletes `count` characters before the cursor, then inserts UTF-8 `text` there. */
int kehu_cle_replace(kehu_cle *editor, int count, const char *text);
/* Writes to the editor's output stream (for listing candidates) and flushes it. */
void kehu_cle_write(kehu_cle *editor, const char *text);
/* The terminal's width in columns, 80 when unknown. */
int kehu_cle_columns(kehu_cle *editor);

/*
 * The Ctrl-C flag, set by our SIGINT handler at any time while an editor is open (on whatever
 * thread the signal lands). The handler also writes a byte to a self-pipe that the key reader
 * waits on beside the terminal, so Ctrl-C wakes the prompt from any thread.
 * kehu_cle_clear_interrupted clears the flag only; kehu_cle_forget_interrupts also drains the
 * pipe, so that a Ctrl-C already acted upon does not cancel the next prompt (call it before
 * each prompt).
 */
int kehu_cle_interrupted(void);
void kehu_cle_clear_interrupted(void);
void kehu_cle_forget_interrupts(void);

#endif
