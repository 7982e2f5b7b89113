#!/usr/bin/env python3
"""The pseudo-terminal suite: starts kehu under a 24x80 pty and types at it.

Usage: python3 Tests/pty/test_pty.py [--repeat N] PATH-TO-KEHU [CASE-NAME...]

--repeat N runs the suite (or the named cases) N times and reports each failure and how often
each case failed: a case that fails now and then under load shows up.

Each case waits for the prompt before every key, with timeouts so nothing hangs, and asserts
on the lines the session prints (``print ~ TEXT`` statements print ``~ TEXT``, help output),
never on libedit's redraw sequences. Standard library only.
"""

import fcntl
import os
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time

PROMPT = "kehu[memory]> "
# Each typed line is a `print ~ …` statement, whose output line `~ …` shows what kehu read.
P = "print ~ "
CONTINUATION = "...> "
LEFT = "\x1b[D"
UP = "\x1b[A"
BACKSPACE = "\x7f"
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_R = "\x12"
CTRL_W = "\x17"
CTRL_U = "\x15"
TIMEOUT = 10.0
# Before deciding on what the pty said (a needle missing, the output after exit), read until it
# has been quiet this long, at most DRAIN_CAP in all: under load output comes in pieces, and
# the first piece is not all of it.
QUIET = 0.3
DRAIN_CAP = 5.0


class Failure(Exception):
    pass


class Session:
    """One kehu process on its own pty, which is its controlling terminal (so Ctrl-C signals)."""

    def __init__(self, binary, home, lang="C.UTF-8", history="", extra_env=None, cwd=None, columns=80,
                 args=("--memory", "--no-init")):
        """history: a KEHU_HISTORY value; "" for a file in `home`; None leaves it unset."""
        self.home = home
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "TERM": "xterm",
            "EDITRC": "/dev/null",
            # No pager unless a case asks for one: a long result would wait in `less`.
            "PAGER": "",
        }
        if history is not None:
            env["KEHU_HISTORY"] = history or os.path.join(home, "state", "history")
        env.update(extra_env or {})
        if lang is not None:
            env["LANG"] = lang
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
        # The parent keeps the slave open: its settings are read before and after the run.
        self.termios_before = termios.tcgetattr(self.slave)
        self.stty_before = stty(self.slave)
        self.pid = os.fork()
        if self.pid == 0:
            try:
                os.close(self.master)
                if cwd:
                    os.chdir(cwd)
                os.setsid()
                fcntl.ioctl(self.slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(self.slave, fd)
                os.execve(binary, [binary] + list(args), env)
            finally:
                os._exit(127)
        self.output = b""
        self.seen = 0  # text before this offset has been matched already
        self.status = None

    def text(self):
        return self.output.decode("utf-8", "replace")

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if ready:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                chunk = b""
            self.output += chunk
            return bool(chunk)
        return False

    def drain(self, quiet=QUIET, cap=DRAIN_CAP):
        """Reads until the pty has been quiet for `quiet` seconds (at most `cap` in all)."""
        end = time.monotonic() + cap
        while True:
            left = end - time.monotonic()
            if left <= 0 or not self._read(min(quiet, left)):
                return

    def expect(self, needle, what=None):
        """Waits until `needle` (text) appears after the last match; moves past it. Gives up
        only once the pty has been quiet after the deadline or the exit, not on a first chunk."""
        target = needle.encode("utf-8")
        deadline = time.monotonic() + TIMEOUT
        while True:
            found = self.output.find(target, self.seen)
            if found >= 0:
                self.seen = found + len(target)
                return
            if time.monotonic() > deadline or self.exited():
                self.drain()
                found = self.output.find(target, self.seen)
                if found >= 0:
                    self.seen = found + len(target)
                    return
                raise Failure("waited for %r (%s); output after last match: %r"
                              % (needle, what or "", self.text()[self.seen_chars():][-400:]))
            self._read(0.05)

    def seen_chars(self):
        return len(self.output[: self.seen].decode("utf-8", "replace"))

    def send(self, keys):
        os.write(self.master, keys.encode("utf-8"))

    def prompt_then(self, keys, prompt=PROMPT):
        self.expect(prompt, "prompt")
        # libedit switches the terminal to raw mode after printing the prompt; let it settle.
        time.sleep(0.05)
        self.send(keys)

    def exited(self):
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status = status
        return self.status is not None

    def wait_exit(self):
        deadline = time.monotonic() + TIMEOUT
        while not self.exited():
            if time.monotonic() > deadline:
                raise Failure("kehu did not exit; output: %r" % self.text()[-400:])
            self._read(0.05)
        # Everything it wrote before it exited, however many pieces it comes in.
        self.drain()
        if os.WIFSIGNALED(self.status):
            raise Failure("kehu died of signal %d; output: %r"
                          % (os.WTERMSIG(self.status), self.text()[-400:]))
        return os.WEXITSTATUS(self.status)

    def typed_lines(self):
        return re.findall(r"(?m)^~ ([^\r\n]*)\r$", self.text())

    def close(self):
        if not self.exited():
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.master)
        os.close(self.slave)


# ---- A small terminal, to check what the screen shows ---------------------------------------

def cell_width(ch):
    import unicodedata
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


class Screen:
    """Enough of an xterm to replay what kehu writes while editing: printing (wide characters
    take two cells, auto-margin with the pending wrap), CR, LF, BS and the CSI moves and erases
    libedit's terminfo entry uses. Unknown sequences are ignored."""

    def __init__(self, rows, columns):
        self.rows, self.columns = rows, columns
        self.grid = [[" "] * columns for _ in range(rows)]
        self.row = self.column = 0
        self.pending = False

    def _down(self):
        self.row += 1
        if self.row == self.rows:
            self.grid.pop(0)
            self.grid.append([" "] * self.columns)
            self.row -= 1

    def _put(self, ch):
        w = cell_width(ch)
        if self.pending or self.column + w > self.columns:
            self._down()
            self.column = 0
            self.pending = False
        self.grid[self.row][self.column] = ch
        if w == 2:
            self.grid[self.row][self.column + 1] = ""
        self.column += w
        if self.column >= self.columns:
            self.column = self.columns - 1
            self.pending = True

    def feed(self, text):
        i = 0
        while i < len(text):
            ch = text[i]
            i += 1
            if ch == "\x1b":
                if i < len(text) and text[i] == "[":
                    j = i + 1
                    while j < len(text) and not ("@" <= text[j] <= "~"):
                        j += 1
                    params, final = text[i + 1:j], text[j] if j < len(text) else ""
                    i = j + 1
                    self._csi(params, final)
                else:
                    i += 1  # ESC and one character (ESC =, ESC >, ...)
            elif ch == "\r":
                self.column, self.pending = 0, False
            elif ch == "\n":
                self._down()
                self.pending = False
            elif ch == "\b":
                self.column, self.pending = max(0, self.column - 1), False
            elif ch == "\x07" or ch < " ":
                pass
            else:
                self._put(ch)

    def _csi(self, params, final):
        if params.startswith("?"):
            return
        n = int(params) if params.isdigit() else 1
        self.pending = False
        if final == "A":
            self.row = max(0, self.row - n)
        elif final == "B":
            self.row = min(self.rows - 1, self.row + n)
        elif final == "C":
            self.column = min(self.columns - 1, self.column + n)
        elif final == "D":
            self.column = max(0, self.column - n)
        elif final == "G":
            self.column = min(self.columns - 1, n - 1)
        elif final == "K":
            for c in range(self.column, self.columns):
                self.grid[self.row][c] = " "
        elif final == "J":
            for c in range(self.column, self.columns):
                self.grid[self.row][c] = " "
            for r in range(self.row + 1, self.rows):
                self.grid[r] = [" "] * self.columns
        elif final == "P":
            line = self.grid[self.row]
            del line[self.column:self.column + n]
            line.extend([" "] * n)
        elif final == "@":
            line = self.grid[self.row]
            line[self.column:self.column] = [" "] * n
            del line[self.columns:]

    def line(self, r):
        return "".join(self.grid[r])

    def edit_line(self, prompt):
        """The text after the last prompt on screen, over its wrapped rows, and the cursor's
        offset in cells from the start of that text."""
        start = max(r for r in range(self.rows) if self.line(r).startswith(prompt))
        text = ""
        cursor = 0
        for r in range(start, self.rows):
            row = self.line(r)
            # A wide character that does not fit in the last cell goes to the next row; the
            # cell left behind is padding, not text.
            padded = r + 1 < self.rows and row.endswith(" ") and cell_width(self.line(r + 1)[:1] or " ") == 2
            if r < self.row:
                cursor += self.columns - (1 if padded else 0)
            elif r == self.row:
                cursor += self.column
            text += row[:-1] if padded else row
        return text[len(prompt):].rstrip(), cursor - len(prompt)


def stty(fd):
    """`stty -a` for the terminal behind fd, the way a user would compare it."""
    import subprocess
    try:
        return subprocess.run(["stty", "-a"], stdin=fd, capture_output=True, text=True,
                              timeout=TIMEOUT).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def read_history(path):
    """Entries of a libedit history file: `_HiStOrY_V2_`, then one strvis-escaped entry a line."""
    with open(path, "rb") as f:
        lines = f.read().decode("utf-8").split("\n")
    if lines[0] != "_HiStOrY_V2_":
        raise Failure("history file header is %r" % lines[0])

    def unvis(line):
        return re.sub(r"\\([0-7]{3}|\\)",
                      lambda m: "\\" if m.group(1) == "\\" else chr(int(m.group(1), 8)), line)

    return [unvis(line) for line in lines[1:] if line]


def check(condition, message):
    if not condition:
        raise Failure(message)


# ---- The cases -------------------------------------------------------------------------------

def case_the_harness_reads_everything_written_before_exit(binary, home):
    # Not kehu: the harness itself. Output that is still in the pty, in several pieces, when
    # the program has exited is all read before `expect` or `wait_exit` decides.
    script = "head -c 12000 /dev/zero | tr '\\0' x; printf 'NEEDLE\\n'"
    for _ in range(3):
        s = Session("/bin/sh", home, args=("-c", script))
        try:
            time.sleep(0.3)
            s.expect("NEEDLE", "the end of 12 KB written before exit")
        finally:
            s.close()
        s = Session("/bin/sh", home, args=("-c", script))
        try:
            time.sleep(0.3)
            check(s.wait_exit() == 0, "exit status of sh")
            check("NEEDLE" in s.text(), "wait_exit returned before reading all: %d bytes" % len(s.output))
        finally:
            s.close()


def case_chinese_input(binary, home):
    s = Session(binary, home)
    try:
        s.prompt_then(P + "你好客户\r")
        s.expect("\r\n~ 你好客户\r\n")
        s.prompt_then(CTRL_D)
        check(s.wait_exit() == 0, "exit status")
    finally:
        s.close()


def case_wide_characters_edit_as_shown(binary, home):
    # The screen shows the line that will run, with the cursor where the next character goes,
    # after inserts, deletes and moves over wide characters at the start, middle and end, on
    # one row and across a wrapped row. A model of the edit gives the expected text.
    right, home_key, end_key = "\x1b[C", "\x01", "\x05"
    long_text = "".join(chr(0x4E00 + i) for i in range(36)) + "y"  # wraps at 80 columns
    scenarios = [
        ("你好世界y", [LEFT, LEFT, LEFT, BACKSPACE, right, "Q"]),  # the reported case
        ("你好世界y", [home_key, right, right, right, right, right, right, right, right, "你",
                      right, CTRL_D, CTRL_D, "x"]),
        ("你好世界y", [LEFT, LEFT, LEFT, LEFT, LEFT, BACKSPACE, "中", end_key, BACKSPACE, BACKSPACE, "Z"]),
        (long_text, [LEFT] * 12 + [BACKSPACE, BACKSPACE, "Y", right, CTRL_D, "文", LEFT, LEFT, LEFT]),
        (long_text, [home_key] + [right] * 37 + [BACKSPACE, "甲", CTRL_D]),
    ]
    for text, keys in scenarios:
        line, cursor = list(P + text), len(P + text)
        for key in keys:
            if key == LEFT:
                cursor = max(0, cursor - 1)
            elif key == right:
                cursor = min(len(line), cursor + 1)
            elif key == home_key:
                cursor = 0
            elif key == end_key:
                cursor = len(line)
            elif key == BACKSPACE:
                if cursor > 0:
                    del line[cursor - 1]
                    cursor -= 1
            elif key == CTRL_D:
                if cursor < len(line):
                    del line[cursor]
            else:
                line.insert(cursor, key)
                cursor += 1
        expected = "".join(line)
        expected_cells = sum(cell_width(ch) for ch in line[:cursor])
        s = Session(binary, home)
        try:
            s.prompt_then(P + text)
            for key in keys:
                time.sleep(0.05)
                s.send(key)
            s.drain(quiet=0.4)
            screen = Screen(24, 80)
            screen.feed(s.text())
            shown, cells = screen.edit_line(PROMPT)
            check(shown == expected, "after %r the screen shows %r; the line is %r" % (keys, shown, expected))
            check(cells == expected_cells, "after %r the cursor is at cell %d of the line, expected %d"
                  % (keys, cells, expected_cells))
            s.send("\r")
            s.expect("\r\n" + expected[len("print "):] + "\r\n")
            s.prompt_then(CTRL_D)
            check(s.wait_exit() == 0, "exit status")
        finally:
            s.close()


def case_results_fit_the_screen(binary, home):
    # At 80x24 a wide table is fitted to the width (long text cut with …) and a screenful
    # counts screen lines, so the header stays in view; a table too wide to fit turns into
    # cards (view auto), as many as fit.
    s = Session(binary, home, args=("--demo", "--today", "2026-11-29", "--no-init"))
    try:
        for statement in ("customer list", "customers"):
            s.prompt_then(statement + "\r", prompt="kehu[demo]> ")
            s.expect("more rows")
            text = re.sub(r"\x1b\[[0-9;]*m", "", s.output[:s.seen].decode("utf-8", "replace"))
            lines = text.split("\r\n")
            lines = lines[lines.index(next(l for l in lines if l.endswith(statement))) + 1:]
            too_wide = [l for l in lines if sum(cell_width(ch) for ch in l) > 80]
            check(not too_wide, "`%s` printed lines wider than 80 cells: %r" % (statement, too_wide[:1]))
            cards = sum(1 for l in lines if l.startswith("-[ RECORD"))
            if statement == "customers":
                # 52 columns: no line fits them, so cards; one card is already a screenful.
                check(cards == 1, "`customers` showed %d cards, expected one" % cards)
            else:
                check(cards == 0 and len(lines) <= 23 and any(l.startswith("  id  name") for l in lines),
                      "`%s` printed %d lines (%d cards) at a 24-line terminal" % (statement, len(lines), cards))
        s.prompt_then(CTRL_D, prompt="kehu[demo]> ")
        check(s.wait_exit() == 0, "exit status")
    finally:
        s.close()


def screen_lines_from(s, first, width=80):
    """The lines printed from the last one matching the regex `first` up to the text matched
    last, and how many screen lines they take at `width` columns."""
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", s.output[:s.seen].decode("utf-8", "replace"))
    lines = text.replace("\r\n", "\n").split("\n")
    start = max(i for i, l in enumerate(lines) if re.match(first, l))
    lines = lines[start:]
    return lines, sum(max(1, -(-sum(cell_width(ch) for ch in l) // width)) for l in lines)


def case_wrapped_rows_count_as_screen_lines(binary, home):
    # `set view horizontal` keeps a table that cannot fit 80 columns (numbers are never cut)
    # as wrapped lines: the screenful counts the lines they take on screen, not rows, so the
    # header stays in view.
    s = Session(binary, home, args=("--demo", "--today", "2026-11-29", "--no-init"))
    statement = ("customers | select id, age, income, daily_sales, credit_limit, purchases, supply_share, "
                 "working_capital, current_assets, current_liabilities, assets, liabilities")
    try:
        s.prompt_then("set view horizontal\r", prompt="kehu[demo]> ")
        s.prompt_then(statement + "\r", prompt="kehu[demo]> ")
        s.expect("more rows")
        # From the header to the "more rows" line: all of it on one 24-line screen.
        lines, used = screen_lines_from(s, r"\s*id\s+age\s")
        check(max(len(l) for l in lines) > 80, "the table fitted the screen; no wrapping to test")
        check(used <= 23, "the result took %d screen lines at a 24-line terminal" % used)
        s.prompt_then(CTRL_D, prompt="kehu[demo]> ")
        check(s.wait_exit() == 0, "exit status")
    finally:
        s.close()


def case_long_results_go_through_the_pager(binary, home):
    # At the prompt a result taller than the screen goes through $PAGER (here a command
    # that keeps what it was given); a short one does not; `set pager off` prints it,
    # `set pager on` pages even a short one. Through a pipe nothing is ever paged.
    paged = os.path.join(home, "paged.txt")
    s = Session(binary, home, args=("--demo", "--today", "2026-11-29", "--no-init"),
                extra_env={"PAGER": "cat >> %s; echo PAGER-DONE" % paged})
    try:
        s.prompt_then("set rows all\r", prompt="kehu[demo]> ")
        s.prompt_then("customer list\r", prompt="kehu[demo]> ")
        s.expect("PAGER-DONE", "the long list through the pager")
        text = open(paged, encoding="utf-8").read()
        listed = re.search(r"\((\d+) rows\)", text)
        check(listed and int(listed.group(1)) > 24 and len(text.splitlines()) > int(listed.group(1)),
              "the pager got %r" % text[-200:])
        rows_line = listed.group(0)
        s.prompt_then("customers | count\r", prompt="kehu[demo]> ")
        s.expect("(1 row)", "a short result on the screen")
        s.prompt_then("set pager off\r", prompt="kehu[demo]> ")
        s.prompt_then("customer list\r", prompt="kehu[demo]> ")
        s.expect(rows_line, "pager off: printed")
        s.prompt_then("set pager on\r", prompt="kehu[demo]> ")
        s.prompt_then("customers | count\r", prompt="kehu[demo]> ")
        s.expect("PAGER-DONE", "pager on: even a short result")
        s.prompt_then(CTRL_D, prompt="kehu[demo]> ")
        check(s.wait_exit() == 0, "exit status")
        text = open(paged, encoding="utf-8").read()
        check(text.count(rows_line) == 1 and text.count("(1 row)") == 1 and text.count("\n(") == 2,
              "paged twice, nothing else: %r" % text[-300:])
        check(stty(s.slave) == s.stty_before, "terminal settings changed")
    finally:
        s.close()
    import subprocess
    r = subprocess.run([binary, "--demo", "--today", "2026-11-29", "-c", "set pager on", "-c", "customer list"],
                       env={"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
                            "PAGER": "echo PAGED-IN-A-SCRIPT"}, stdout=subprocess.PIPE, timeout=60)
    check(b"PAGED-IN-A-SCRIPT" not in r.stdout and rows_line.encode() in r.stdout, "a script was paged")


def case_ctrl_c_stops_printing_a_long_result(binary, home):
    # Ctrl-C while a long result is being written stops the writing; the prompt comes back.
    s = Session(binary, home, args=("--demo", "--today", "2026-11-29", "--no-init"),
                extra_env={"PAGER": ""})
    try:
        s.prompt_then("set rows all\r", prompt="kehu[demo]> ")
        s.prompt_then("set view horizontal\r", prompt="kehu[demo]> ")
        s.prompt_then("sales\r", prompt="kehu[demo]> ")
        # Not reading: the terminal's buffer fills and kehu waits to write the rest.
        time.sleep(1.0)
        s.send(CTRL_C)
        time.sleep(0.3)
        s.expect("stopped (Ctrl-C)", "the writing stopped")
        s.expect("kehu[demo]> ", "the prompt after Ctrl-C")
        check("(782 rows)" not in s.text(), "the whole result was written")
        s.prompt_then("customers | count\r", prompt="")
        s.expect("(1 row)", "the session goes on")
        s.prompt_then(CTRL_D, prompt="kehu[demo]> ")
        check(s.wait_exit() == 0, "exit status")
    finally:
        s.close()


def case_move_left_and_delete(binary, home):
    # Left moves over `d`; Backspace then deletes the whole two-cell character `你`.
    s = Session(binary, home)
    try:
        s.prompt_then(P + "abc你d" + LEFT + BACKSPACE + "\r")
        s.expect("\r\n~ ")
        check(s.typed_lines() == ["abcd"], "typed lines %r, expected ['abcd']" % s.typed_lines())
        s.prompt_then(CTRL_D)
        s.wait_exit()
    finally:
        s.close()


def case_tab_completion(binary, home):
    s = Session(binary, home)
    try:
        # One match: `hel` becomes `help` and runs; help lists the commands.
        s.prompt_then("hel\t\r")
        s.expect("list the commands, or explain one")
        # Several matches: listed on a line of their own, the typed `h` stays.
        s.prompt_then("h\t")
        s.expect("\r\nhelp      history   holiday   holidays\r\n")
        s.expect(PROMPT + "h", "the prompt redrawn below the list")
        s.send("is\t7\r")
        s.expect("Change history of customer 7")
        # Arguments complete too: a setting name after `set`.
        s.prompt_then("set fo\t\r")
        s.expect("format = table")
        s.prompt_then(CTRL_D)
        s.wait_exit()
    finally:
        s.close()


def case_tab_completes_variables_and_setting_values(binary, home):
    # `$` completes the session's variables (`let`, `--set`), a table variable's columns
    # follow it in a pipeline, and `set NAME ` completes that setting's values.
    s = Session(binary, home, args=("--demo", "--today", "2026-11-29", "--no-init", "--set", "limit_share=30%"))
    prompt = "kehu[demo]> "
    try:
        s.prompt_then("let big_buyers = customers | where credit_limit > 1000000 | select id, name, credit_limit\r",
                      prompt=prompt)
        # One match: `$big` becomes `$big_buyers`; then its own column `credit_limit`.
        s.prompt_then("$big\t| where credit_l\t> 0 | count\r", prompt=prompt)
        # The completed statement ran: `$big` alone or `credit_l` would be an error.
        s.expect("(1 row)", "the completed statement's result")
        check("error" not in s.text(), "the completed statement failed: %r" % s.text()[-300:])
        # Several: listed on a line of their own.
        s.prompt_then("print $\t", prompt=prompt)
        s.expect("\r\n$big_buyers   $limit_share\r\n", "both variables listed")
        s.send(CTRL_U + "\r")
        # `set format ` values, and `set pager ` values.
        s.prompt_then("set format \t", prompt=prompt)
        s.expect("\r\ntable     csv       json      markdown\r\n", "the values of `format`")
        s.send("js\t\r")
        s.prompt_then("set format\r", prompt=prompt)
        s.expect("format = json")
        s.prompt_then("set pager of\t\r", prompt=prompt)
        s.prompt_then("set pager\r", prompt=prompt)
        s.expect("pager = off")
        s.prompt_then(CTRL_D, prompt=prompt)
        check(s.wait_exit() == 0, "exit status")
    finally:
        s.close()


def case_history_search_and_word_keys(binary, home):
    # Ctrl-R searches back through history (bound by kehu: libedit's emacs map redraws).
    s = Session(binary, home)
    try:
        s.prompt_then(P + "alpha 甲\r")
        s.prompt_then(P + "beta\r")
        s.prompt_then(CTRL_R)
        time.sleep(0.1)
        s.send("alp")
        time.sleep(0.1)
        s.send("\r")
        s.expect("\r\n~ alpha 甲\r\n")
        # Ctrl-W deletes the word before the cursor, Ctrl-U the whole line.
        s.prompt_then(P + "one two" + CTRL_W + "three\r")
        s.expect("\r\n~ one three\r\n")
        s.prompt_then("garbage 垃圾" + CTRL_U + P + "after\r")
        s.expect("\r\n~ after\r\n")
        s.prompt_then(CTRL_D)
        s.wait_exit()
        check(s.typed_lines() == ["alpha 甲", "beta", "alpha 甲", "one three", "after"],
              "typed lines %r" % s.typed_lines())
    finally:
        s.close()


def case_up_recalls(binary, home):
    s = Session(binary, home)
    try:
        s.prompt_then(P + "first 一\r")
        s.prompt_then(P + "second\r")
        s.prompt_then(UP + UP + "\r")
        s.expect("\r\n~ first 一\r\n")
        # A multi-line statement comes back whole, as one entry.
        s.prompt_then(P + "x |\r")
        s.prompt_then("y\r", prompt=CONTINUATION)
        s.expect("\r\n~ x | y\r\n")
        s.prompt_then(UP + "\r")
        s.expect("\r\n~ x | y\r\n")
        s.prompt_then(CTRL_D)
        s.wait_exit()
        check(s.typed_lines() == ["first 一", "second", "first 一", "x | y", "x | y"],
              "typed lines %r" % s.typed_lines())
    finally:
        s.close()


def case_ctrl_c_cancels(binary, home):
    s = Session(binary, home)
    try:
        s.prompt_then("garbage 垃圾")
        time.sleep(0.1)
        s.send(CTRL_C)
        s.prompt_then(P + "after\r")
        s.expect("\r\n~ after\r\n")
        # In a multi-line statement, Ctrl-C drops every line typed so far.
        s.prompt_then(P + "half |\r")
        s.prompt_then("more", prompt=CONTINUATION)
        time.sleep(0.1)
        s.send(CTRL_C)
        s.prompt_then(P + "next\r")
        s.expect("\r\n~ next\r\n")
        s.prompt_then(CTRL_D)
        check(s.wait_exit() == 0, "exit status after Ctrl-C")
        check(s.typed_lines() == ["after", "next"], "typed lines %r" % s.typed_lines())
    finally:
        s.close()


def other_thread(pid):
    """A thread of process `pid` other than its main one, that does not block SIGINT."""
    for tid in sorted(int(t) for t in os.listdir("/proc/%d/task" % pid)):
        if tid == pid:
            continue
        try:
            with open("/proc/%d/task/%d/status" % (pid, tid)) as f:
                blocked = int(re.search(r"(?m)^SigBlk:\s*([0-9a-f]+)", f.read()).group(1), 16)
        except (OSError, AttributeError):
            continue
        if not blocked & (1 << (signal.SIGINT - 1)):
            return tid
    return None


def sigint_to_another_thread(pid):
    """SIGINT to one thread of `pid` that is not the one reading keys (tgkill): as when the
    kernel hands a terminal's Ctrl-C to whichever thread it picks."""
    import ctypes
    import platform

    number = {"x86_64": 234, "aarch64": 131}.get(platform.machine())
    check(number is not None, "tgkill's number on %s is not known here" % platform.machine())
    tid = other_thread(pid)
    check(tid is not None, "kehu has no thread but its main one: %r" % os.listdir("/proc/%d/task" % pid))
    libc = ctypes.CDLL(None, use_errno=True)
    check(libc.syscall(number, pid, tid, signal.SIGINT) == 0, "tgkill: errno %d" % ctypes.get_errno())


def case_ctrl_c_on_another_thread_stops_a_pause(binary, home):
    # A lesson's pause reads keys on the main thread while the statement's Ctrl-C watcher
    # runs on another: a Ctrl-C the kernel hands to that other thread still wakes the pause
    # and stops the lesson, as a plain Ctrl-C does; the next prompt is not cancelled by it.
    s = Session(binary, home, cwd=home)
    try:
        s.prompt_then("lesson pareto-20\r")
        s.expect("[Enter: go on, q: stop the lesson] ")
        time.sleep(0.1)
        sigint_to_another_thread(s.pid)
        s.expect("lesson pareto-20 stopped; the case stays open", "Ctrl-C on another thread at the pause")
        s.prompt_then(P + "next\r", prompt="kehu[case:pareto-20]> ")
        s.expect("\r\n~ next\r\n", "the line after Ctrl-C")
        s.prompt_then(CTRL_D, prompt="kehu[case:pareto-20]> ")
        check(s.wait_exit() == 0, "exit status after Ctrl-C on another thread")
        check(stty(s.slave) == s.stty_before, "terminal settings changed")
    finally:
        s.close()


def case_ctrl_d_exits_zero(binary, home):
    s = Session(binary, home)
    try:
        s.prompt_then(CTRL_D)
        status = s.wait_exit()
        check(status == 0, "exit status %d, expected 0" % status)
    finally:
        s.close()


def case_history_file(binary, home):
    path = os.path.join(home, "nested", "dir", "history")
    s = Session(binary, home, history=path)
    try:
        for line in ["dup", "dup", "other", "dup"]:
            s.prompt_then(P + line + "\r")
            s.expect("\r\n~ %s\r\n" % line)
        s.prompt_then(P + "x |\r")
        s.prompt_then("y\r", prompt=CONTINUATION)
        s.expect("\r\n~ x | y\r\n")
        s.prompt_then(CTRL_D)
        s.wait_exit()
    finally:
        s.close()
    mode = os.stat(path).st_mode & 0o777
    check(mode == 0o600, "history file mode %o, expected 600" % mode)
    directory_mode = os.stat(os.path.dirname(path)).st_mode & 0o777
    check(directory_mode == 0o700, "history directory mode %o, expected 700" % directory_mode)
    entries = read_history(path)
    check(entries == [P + "dup", P + "other", P + "dup", P + "x |\ny"], "history entries %r" % entries)
    # A new session loads the file: Up brings back the last statement.
    s = Session(binary, home, history=path)
    try:
        s.prompt_then(UP + "\r")
        s.expect("\r\n~ x | y\r\n")
        s.prompt_then(CTRL_D)
        s.wait_exit()
    finally:
        s.close()
    check(read_history(path) == entries, "history changed by a repeated entry")
    # KEHU_HISTORY=off writes nothing.
    off_home = os.path.join(home, "off")
    os.makedirs(off_home)
    s = Session(binary, off_home, history="off")
    try:
        s.prompt_then(P + "secret\r")
        s.expect("\r\n~ secret\r\n")
        s.prompt_then(CTRL_D)
        s.wait_exit()
    finally:
        s.close()
    check(os.listdir(off_home) == [], "KEHU_HISTORY=off wrote %r" % os.listdir(off_home))
    # Without KEHU_HISTORY: $XDG_STATE_HOME/kehu/history, else ~/.local/state/kehu/history.
    for extra, expected in [({"XDG_STATE_HOME": os.path.join(home, "xdg")}, "xdg/kehu/history"),
                            ({}, ".local/state/kehu/history")]:
        s = Session(binary, home, history=None, extra_env=extra)
        try:
            s.prompt_then(P + "kept\r")
            s.expect("\r\n~ kept\r\n")
            s.prompt_then(CTRL_D)
            s.wait_exit()
        finally:
            s.close()
        where = os.path.join(home, expected)
        check(os.path.exists(where) and read_history(where) == [P + "kept"],
              "no history at %s" % expected)
        check(os.stat(os.path.dirname(where)).st_mode & 0o777 == 0o700,
              "directory of %s is not 0700" % expected)


def case_two_sessions_keep_both_histories(binary, home):
    # Two sessions at once: each appends, so lines typed in either survive both exits; the
    # file stays capped at 5,000 entries (the oldest go first).
    path = os.path.join(home, "state", "history")
    os.makedirs(os.path.dirname(path))
    with open(path, "w") as f:
        f.write("_HiStOrY_V2_\n" + "".join("old\\040%d\n" % i for i in range(5000)))
    a = Session(binary, home, history=path)
    b = Session(binary, home, history=path)
    try:
        a.prompt_then(P + "from a\r")
        a.expect("\r\n~ from a\r\n")
        b.prompt_then(P + "from b\r")
        b.expect("\r\n~ from b\r\n")
        a.prompt_then(P + "again a\r")
        a.expect("\r\n~ again a\r\n")
        b.prompt_then(CTRL_D)
        b.wait_exit()
        a.prompt_then(CTRL_D)
        a.wait_exit()
    finally:
        a.close()
        b.close()
    entries = read_history(path)
    check(entries[-3:] == [P + "from a", P + "from b", P + "again a"], "last entries %r" % entries[-3:])
    check(len(entries) == 5000, "history holds %d entries, expected the cap of 5000" % len(entries))
    check(entries[0] == "old 3", "the oldest entries were not the ones dropped: %r" % entries[:2])


def case_lang_c(binary, home):
    # A non-UTF-8 locale: kehu must fall back to UTF-8 input rather than crash or drop text.
    s = Session(binary, home, lang="C")
    try:
        # Left moves over 好; Backspace deletes 你, a whole character, not one of its bytes.
        s.prompt_then(P + "客户 ab你好" + LEFT + BACKSPACE + "\r")
        s.expect("\r\n~ ")
        check(s.typed_lines() == ["客户 ab好"], "typed lines %r" % s.typed_lines())
        s.prompt_then(CTRL_D)
        check(s.wait_exit() == 0, "exit status under LANG=C")
    finally:
        s.close()


def case_terminal_restored(binary, home):
    # Raw mode at the prompt, after an interrupted line, and after a completion listing:
    # the terminal must read the same as before kehu started.
    s = Session(binary, home)
    try:
        s.prompt_then("h\t")
        s.expect("help      history   holiday   holidays\r\n")
        s.expect(PROMPT + "h", "the prompt redrawn below the list")
        time.sleep(0.1)
        s.send(CTRL_C)
        s.prompt_then(P + "x\r")
        s.expect("\r\n~ x\r\n")
        s.prompt_then(CTRL_D)
        s.wait_exit()
        after = termios.tcgetattr(s.slave)
        check(after == s.termios_before, "termios attributes differ after exit")
        stty_after = stty(s.slave)
        check(stty_after == s.stty_before, "stty -a differs:\n%s\n%s"
              % (s.stty_before, stty_after))
    finally:
        s.close()
    # Killed at the prompt, while the terminal is raw: libedit puts it back on the way out.
    s = Session(binary, home)
    try:
        s.prompt_then("half typed")
        time.sleep(0.2)
        check(termios.tcgetattr(s.slave) != s.termios_before, "the prompt did not go raw")
        os.kill(s.pid, signal.SIGTERM)
        try:
            s.wait_exit()
        except Failure:
            pass  # dying of SIGTERM is expected here
        check(os.WIFSIGNALED(s.status) and os.WTERMSIG(s.status) == signal.SIGTERM,
              "kehu did not die of SIGTERM")
        check(termios.tcgetattr(s.slave) == s.termios_before, "terminal left raw after SIGTERM")
    finally:
        s.close()


def case_lesson_at_the_prompt(binary, home):
    # `lesson pareto-20` at the prompt: a pause waits for Enter, an exercise reads the
    # learner's answer (wrong, then Enter for the model answer), `q` at a pause stops it,
    # and the case stays open until `case close`.
    # In `home`: the lesson writes its chart into the current directory.
    s = Session(binary, home, cwd=home)
    try:
        s.prompt_then("lesson pareto-20\r")
        s.expect("kehu[case:pareto-20]> sales | summarize", "the lesson's second command echoed")
        s.expect("[Enter: go on, q: stop the lesson] ")
        s.send("\r")
        s.expect("answer (Enter shows the model answer)> ")
        s.send("customers | count\r")
        s.expect("Not the same result as the model answer.")
        s.expect("answer (Enter shows the model answer)> ")
        s.send("\r")
        s.expect("125,000.00")
        s.expect("[Enter: go on, q: stop the lesson] ")
        s.send("q\r")
        s.prompt_then("case close\r", prompt="kehu[case:pareto-20]> ")
        s.expect("closed case pareto-20; back on memory")
        s.prompt_then(CTRL_D)
        check(s.wait_exit() == 0, "exit status after a lesson")
    finally:
        s.close()


def case_ctrl_c_at_a_lesson_pause_stops_the_lesson(binary, home):
    # At the prompt: Ctrl-C at a pause stops the lesson (not only an echoed ^C); the case
    # stays open and says so; the session goes on.
    s = Session(binary, home, cwd=home)
    try:
        s.prompt_then("lesson pareto-20\r")
        s.expect("[Enter: go on, q: stop the lesson] ")
        time.sleep(0.1)
        s.send(CTRL_C)
        s.expect("lesson pareto-20 stopped; the case stays open", "Ctrl-C at the pause")
        s.prompt_then("case close\r", prompt="kehu[case:pareto-20]> ")
        s.expect("closed case pareto-20; back on memory")
        s.prompt_then(CTRL_D)
        check(s.wait_exit() == 0, "exit status after a stopped lesson")
        check(stty(s.slave) == s.stty_before, "terminal settings changed")
    finally:
        s.close()


def case_kehu_lesson_at_a_terminal_pauses_and_ends(binary, home):
    # `kehu lesson NAME --language zh` at a terminal waits at each pause and asks the
    # exercises, in Chinese; Ctrl-C at a pause stops it with status 0 and the terminal as
    # it was; `--no-pause` runs straight through. Nothing stays open when the process ends,
    # so it never says the case does.
    s = Session(binary, home, cwd=home, args=("lesson", "pareto-20", "--language", "zh"))
    try:
        s.expect("[回车：继续，q：结束课程] ", "the first pause")
        time.sleep(0.1)
        s.send("\r")
        s.expect("答案（回车显示标准答案）> ", "the first exercise")
        check(os.path.isfile(os.path.join(home, "pareto-20.svg")), "the chart is not in the working directory")
        time.sleep(0.1)
        s.send("\r")
        s.expect("125,000.00", "the model answer")
        s.expect("[回车：继续，q：结束课程] ", "the pause after the exercise")
        time.sleep(0.1)
        s.send(CTRL_C)
        s.expect("课程 pareto-20 已中止", "Ctrl-C at the pause")
        check(s.wait_exit() == 0, "exit status after Ctrl-C at a pause")
        check("案例仍然打开" not in s.text(), "said the case stays open: %r" % s.text()[-200:])
        check(stty(s.slave) == s.stty_before, "terminal settings changed")
    finally:
        s.close()
    s = Session(binary, home, cwd=home, args=("lesson", "pareto-20", "--no-pause"))
    try:
        s.expect("end of lesson pareto-20\r\n", "the end, without pausing")
        check(s.wait_exit() == 0, "exit status of --no-pause")
        check("[Enter: go on" not in s.text(), "--no-pause paused")
    finally:
        s.close()


def case_read_only_session_follows_the_writer(binary, home):
    # A long-lived `--read-only` session beside writers: each statement sees what was
    # committed before it (appended to the journal, or saved into a new snapshot); its prompt
    # says read-only; a scenario works in it, and only keeping it into the store is refused.
    import subprocess

    store = os.path.join(home, "firm")

    def write(statements):
        r = subprocess.run([binary, "--store", store, "--no-init", "-c", statements],
                           env={"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        check(r.returncode == 0, "writer %r: %r" % (statements, r.stderr))

    def csv(*lines):
        # CSV ends its lines with CRLF, which the terminal shows as CR CR LF.
        return "".join(line + "\r\r\n" for line in lines)

    write("customer add individual name=甲")
    prompt = "kehu[firm read-only]> "
    s = Session(binary, home, args=("--store", store, "--read-only", "--no-init", "--format", "csv"))
    try:
        s.prompt_then("customers | count\r", prompt=prompt)
        s.expect(csv("count", "1"), "one customer at first")
        write("customer add individual name=乙")
        s.prompt_then("customers | count\r", prompt=prompt)
        s.expect(csv("count", "2"), "the writer's appended change")
        write("customer add individual name=丙; save; customer add individual name=丁")
        s.prompt_then("customers | count\r", prompt=prompt)
        s.expect(csv("count", "4"), "a change after the writer's save")
        write("save; save")
        s.prompt_then("customers | select name\r", prompt=prompt)
        s.expect(csv("name", "甲", "乙", "丙", "丁"), "after two more saves")
        s.prompt_then("customer add individual name=戊\r", prompt=prompt)
        s.expect("read-only", "a change outside a scenario is refused")
        s.prompt_then("scenario begin\r", prompt=prompt)
        what_if = "kehu[firm read-only|what-if]> "
        s.prompt_then("customer add individual name=戊\r", prompt=what_if)
        s.expect("added customer 5 戊")
        s.prompt_then("customers | count\r", prompt=what_if)
        s.expect(csv("count", "5"), "the scenario's customer")
        s.prompt_then("scenario keep\r", prompt=what_if)
        s.expect("read-only", "keeping a scenario into a read-only store")
        s.prompt_then("scenario end\r", prompt=what_if)
        s.prompt_then("customers | count\r", prompt=prompt)
        s.expect(csv("count", "4"), "the scenario left nothing behind")
        s.prompt_then(CTRL_D, prompt=prompt)
        check(s.wait_exit() == 0, "exit status of the reader")
    finally:
        s.close()
    code = subprocess.run([binary, "--store", store, "--read-only", "--format", "csv", "-c", "customers | count"],
                          env={"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"},
                          stdout=subprocess.PIPE, timeout=60)
    check(code.stdout.decode().splitlines()[1] == "4", "the store after the reader: %r" % code.stdout)


def case_a_waiting_prompt_is_told_of_others_changes(binary, home):
    # On a team store the prompt learns of others' commits at once (NOTIFY): a notice appears
    # above it while it waits, and the line being typed is kept. Needs the test cluster.
    import random
    import subprocess

    url = os.environ.get("KEHU_TEST_PG_URL")
    if not url:
        print("skip team store prompt: KEHU_TEST_PG_URL is not set")
        return
    url = "%s?schema=pty_%d_%d" % (url, os.getpid(), random.randrange(1 << 30))
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8"}

    def kehu(*args):
        r = subprocess.run([binary] + list(args), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=60)
        check(r.returncode == 0, "kehu %r: %r" % (args, r.stderr))

    kehu("pg", "init", url)
    s = Session(binary, home, args=("--store", url, "--no-init", "--no-cache", "--format", "csv"))
    try:
        s.prompt_then("customers | count\r", prompt="> ")
        s.expect("count", "the first statement")
        s.prompt_then("customers | co", prompt="> ")
        kehu("--store", url, "--no-cache", "-c", "customer add company name=甲; customer add company name=乙")
        s.expect("2 changes by others: they show at your next statement", "the notice while idle")
        s.expect("customers | co", "the line typed so far, drawn again")
        s.send("unt\r")
        s.expect("count\r\r\n2\r\r\n", "the statement, finished after the notice, sees both")
        s.prompt_then(CTRL_D, prompt="> ")
        check(s.wait_exit() == 0, "exit status")
    finally:
        s.close()


def run_on_pty(binary, args, env, interrupt_when=None, timeout=60.0):
    """Runs kehu with stdout and stderr on a fresh 24x80 pty; returns (output, status).
    interrupt_when: a byte string; when it appears, Ctrl-C is typed."""
    pid, master = os.forkpty()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.execve(binary, [binary] + args, env)
        finally:
            os._exit(127)
    out = b""
    sent = False
    deadline = time.time() + timeout
    status = None
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            out += chunk
            if interrupt_when is not None and not sent and interrupt_when in out:
                os.write(master, CTRL_C.encode())
                sent = True
    else:
        os.kill(pid, signal.SIGKILL)
    _, raw = os.waitpid(pid, 0)
    os.close(master)
    status = os.waitstatus_to_exitcode(raw)
    return out.decode("utf-8", "replace"), status


def case_ctrl_c_stops_a_long_query_and_update(binary, home):
    # Ctrl-C while a long query runs, and while a long `update` works out its changes
    # (nothing printed yet), stops the statement: the prompt comes back soon, the session
    # goes on, and the store is as it was.
    import subprocess

    store = os.path.join(home, "big")
    r = subprocess.run(
        [binary, "gen", "--customers", "20000", "--sales", "2000000", "--store", store, "--today", "2026-11-29"],
        env=GEN_ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    check(r.returncode == 0, "gen exit status %d" % r.returncode)
    prompt = "kehu[big]> "
    total = "sales | summarize q = sum(quantity)\r"
    s = Session(binary, home, args=("--store", store, "--no-init", "--format", "csv", "--today", "2026-11-29"))
    try:
        def line_after(header):
            s.expect(header, "the sum's header")
            start = s.seen
            s.expect("\r\r\n", "the sum")
            return s.output[start:s.seen - 3].decode()

        s.prompt_then(total, prompt=prompt)
        before = line_after("q\r\r\n")
        check(before.isdigit(), "the sum before: %r" % before)
        # Decimal arithmetic has no kernel: these go row by row, for seconds.
        slow = "(amount * 1.0001 + cost * 0.9999) / 3 > 0.001"
        for statement in ("sales | where %s | count" % slow,
                          "update sales set quantity = quantity + 1 where %s" % slow):
            s.prompt_then(statement + "\r", prompt=prompt)
            time.sleep(0.5)
            started = time.monotonic()
            s.send(CTRL_C)
            s.expect("interrupted", "the statement stopped: " + statement)
            s.expect(prompt, "the prompt after Ctrl-C")
            check(time.monotonic() - started < 5, "the prompt came back late")
            check("rows changed" not in s.text() and "count\r\r\n" not in s.text(), "it ran to the end")
        s.send(total)
        after = line_after("q\r\r\n")
        check(after == before, "the store changed: %r then %r" % (before, after))
        s.prompt_then(CTRL_D, prompt=prompt)
        check(s.wait_exit() == 0, "exit status")
    finally:
        s.close()


GEN_ENV = {"PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8"}


def case_gen_progress_at_a_terminal(binary, home):
    # At a terminal `gen` draws one progress line (carriage returns, no new lines) and
    # erases it before its message; the store is complete.
    store = os.path.join(home, "store")
    args = ["gen", "--customers", "2000", "--sales", "300000", "--store", store, "--today", "2026-11-29"]
    out, status = run_on_pty(binary, args, GEN_ENV)
    check(status == 0, "gen exit status %r: %r" % (status, out[-300:]))
    check("\rgenerating " in out, "no progress line: %r" % out[:200])
    before_message = out.split("generated 2000 customers")[0]
    check(before_message.endswith("\r\x1b[K"), "progress not erased before the message: %r" % before_message[-80:])
    check("\n" not in before_message.replace("\r\n", "\n").rstrip("\n"), "the progress took more than one line")
    for line in before_message.split("\r"):
        visible = re.sub(r"\x1b\[K", "", line)
        check(len(visible) < 80, "a progress line wider than the terminal: %r" % visible)
    check(os.path.isdir(store), "no store written")


def case_gen_progress_absent_through_a_pipe(binary, home):
    # Through a pipe (a script, CI) stderr stays empty.
    import subprocess

    store = os.path.join(home, "store")
    r = subprocess.run(
        [binary, "gen", "--customers", "2000", "--sales", "300000", "--store", store, "--today", "2026-11-29"],
        env=GEN_ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    check(r.returncode == 0, "gen exit status %d" % r.returncode)
    check(r.stderr == b"", "stderr through a pipe: %r" % r.stderr[:200])
    check(b"generated 2000 customers" in r.stdout, "gen's message: %r" % r.stdout)


def case_gen_ctrl_c_leaves_no_store(binary, home):
    # Ctrl-C while `gen` works stops it (status 130), erases the line and leaves no store.
    store = os.path.join(home, "store")
    args = ["gen", "--customers", "2000", "--sales", "3000000", "--store", store, "--today", "2026-11-29"]
    out, status = run_on_pty(binary, args, GEN_ENV, interrupt_when=b"generating ")
    check(status == 130, "gen exit status after Ctrl-C: %r (%r)" % (status, out[-200:]))
    check("interrupted; no store was written" in out, "no word of the interruption: %r" % out[-200:])
    check(not os.path.exists(store), "a store was left behind: %r" % os.listdir(home))


CASES = [
    case_the_harness_reads_everything_written_before_exit,
    case_chinese_input,
    case_move_left_and_delete,
    case_wide_characters_edit_as_shown,
    case_results_fit_the_screen,
    case_wrapped_rows_count_as_screen_lines,
    case_long_results_go_through_the_pager,
    case_ctrl_c_stops_printing_a_long_result,
    case_ctrl_c_stops_a_long_query_and_update,
    case_tab_completion,
    case_tab_completes_variables_and_setting_values,
    case_up_recalls,
    case_history_search_and_word_keys,
    case_ctrl_c_cancels,
    case_ctrl_d_exits_zero,
    case_history_file,
    case_two_sessions_keep_both_histories,
    case_lang_c,
    case_terminal_restored,
    case_lesson_at_the_prompt,
    case_read_only_session_follows_the_writer,
    case_a_waiting_prompt_is_told_of_others_changes,
    case_ctrl_c_at_a_lesson_pause_stops_the_lesson,
    case_ctrl_c_on_another_thread_stops_a_pause,
    case_kehu_lesson_at_a_terminal_pauses_and_ends,
    case_gen_progress_at_a_terminal,
    case_gen_progress_absent_through_a_pipe,
    case_gen_ctrl_c_leaves_no_store,
]


def usage():
    print("usage: test_pty.py [--repeat N] PATH-TO-KEHU [CASE-NAME...]", file=sys.stderr)
    return 64


def main():
    args = sys.argv[1:]
    repeat = 1
    if args[:1] == ["--repeat"]:
        if len(args) < 2 or not args[1].isdigit() or int(args[1]) < 1:
            return usage()
        repeat = int(args[1])
        args = args[2:]
    if not args:
        return usage()
    binary = os.path.abspath(args[0])
    names = args[1:]
    cases = [case for case in CASES if not names or case.__name__ in names]
    unknown = [name for name in names if name not in [case.__name__ for case in CASES]]
    if unknown:
        print("test_pty.py: no case named %s" % ", ".join(unknown), file=sys.stderr)
        return 64
    passed = failed = 0
    failures = {}  # case name -> runs it failed in
    for run in range(1, repeat + 1):
        for case in cases:
            home = tempfile.mkdtemp(prefix="kehu-pty-")
            label = case.__name__ if repeat == 1 else "%s (run %d)" % (case.__name__, run)
            try:
                case(binary, home)
                passed += 1
                print("ok   %s" % label)
            except Failure as error:
                failed += 1
                failures.setdefault(case.__name__, []).append(run)
                print("FAIL %s: %s" % (label, error))
            finally:
                shutil.rmtree(home, ignore_errors=True)
            sys.stdout.flush()
    if repeat > 1:
        print("pty: %d runs of %d cases" % (repeat, len(cases)))
        for name, runs in sorted(failures.items()):
            print("  %s failed %d of %d runs (runs %s)" % (name, len(runs), repeat, ", ".join(map(str, runs))))
    print("pty: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
