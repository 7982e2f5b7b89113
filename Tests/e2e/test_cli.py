#!/usr/bin/env python3
"""End-to-end runs of the built kehu binary: exit statuses, error positions, the store's
lock, damage and read-only rules, and a real crash (SIGKILL) at random moments.

Usage: python3 Tests/e2e/test_cli.py PATH-TO-KEHU
Standard library only. Prints `e2e: N passed, M failed` last; exits non-zero on failure.
"""

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

KEHU = None
TMP = None


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def run(args, stdin=None, env=None, timeout=60, cwd=None):
    e = {"PATH": "/usr/bin:/bin", "HOME": TMP, "LANG": "C.UTF-8", "KEHU_HISTORY": "off"}
    e.update(env or {})
    p = subprocess.run([KEHU] + args, input=stdin, capture_output=True, env=e, timeout=timeout, cwd=cwd)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def store_files(d):
    return {n: open(os.path.join(d, n), "rb").read() for n in sorted(os.listdir(d)) if n != "lock"}


# ---- exit statuses and messages ---------------------------------------------------------

def case_help_from_pipe_and_c():
    code, out, err = run(["--memory"], stdin=b"help\n")
    check(code == 0 and "list the commands" in out, "piped help: %d %r" % (code, err))
    code, out, err = run(["--memory", "-c", "help"])
    check(code == 0 and "customer add" in out, "-c help: %d %r" % (code, err))


def case_help_is_chinese_under_a_chinese_locale():
    # The command table is built before the language is chosen; help must still be Chinese,
    # from LC_ALL, LC_MESSAGES or LANG alone (no installed locale is needed).
    for env in ({"LANG": "zh_CN.UTF-8"}, {"LC_MESSAGES": "zh_TW", "LANG": "C"}, {"LC_ALL": "zh", "LANG": "en_US"}):
        code, out, err = run(["--memory", "-c", "help"], env=env)
        check(code == 0 and "列出全部命令，或说明某一命令" in out, "help under %r: %d %r" % (env, code, out[:200]))
    code, out, err = run(["--memory", "-c", "help"], env={"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"})
    check(code == 0 and "list the commands, or explain one" in out, "LC_ALL wins over LANG: %r" % out[:200])


def case_bad_statement_exit_1_with_caret():
    path = os.path.join(TMP, "bad.kehu")
    with open(path, "w") as f:
        f.write("print ok\n  custmer list\nprint never\n")
    code, out, err = run(["--memory", path])
    check(code == 1, "exit %d, expected 1" % code)
    check(err.startswith(path + ":2:3: error: unknown command `custmer`; did you mean `customer`?"), err)
    check("\n      custmer list\n      ^^^^^^^\n" in err, "caret line missing: %r" % err)
    check("never" not in out, "ran past the failing statement")
    code, out, err = run(["--memory", "--keep-going", path])
    check(code == 1 and "never" in out, "--keep-going: %d %r" % (code, out))


def case_usage_errors_exit_64():
    # Each says which argument was wrong, not only that something was.
    for args, says in (
        (["--bogus"], "Unknown option '--bogus'"),
        (["--format", "xml", "-c", "help"], "--format must be one of table, csv, json, markdown; not 'xml'"),
        (["--today", "2026-02-30", "-c", "help"], "--today must be a date YYYY-MM-DD; not '2026-02-30'"),
    ):
        code, out, err = run(args)
        check(code == 64, "%r exited %d, expected 64" % (args, code))
        check(err.startswith("Error: " + says), "%r said %r" % (args, err[:200]))


def case_script_never_exits_0_unsynced():
    d = os.path.join(TMP, "s1")
    code, out, err = run(["--store", d, "-c", "customer add individual name=王芳"])
    check(code == 0, err)
    code, out, err = run(["--store", d, "--read-only", "-c", "customer list"])
    check(code == 0 and "王芳" in out, "not durable after exit 0: %r %r" % (out, err))
    modes = {n: os.stat(os.path.join(d, n)).st_mode & 0o777 for n in os.listdir(d)}
    check(all(m == 0o600 for m in modes.values()), "file modes %r" % modes)
    check(os.stat(d).st_mode & 0o777 == 0o700, "directory mode")


def case_init_file_set_and_echo():
    conf = os.path.join(TMP, "conf", "kehu")
    os.makedirs(conf)
    with open(os.path.join(conf, "init.kehu"), "w") as f:
        f.write("set format csv\n")
    env = {"XDG_CONFIG_HOME": os.path.join(TMP, "conf")}
    code, out, err = run(["--memory", "-c", "tables"], env=env)
    check(code == 0 and out.startswith("table,rows\r\n"), "init file not run: %r" % out[:80])
    code, out, err = run(["--memory", "--no-init", "-c", "tables"], env=env)
    check(code == 0 and out.startswith("table  "), "--no-init ran the init file: %r" % out[:80])
    code, out, err = run(["--memory", "--set", "who=王芳", "--format", "csv", "-c", "$who"])
    check(code == 0 and out == "value\r\n王芳\r\n", "--set: %r %r" % (out, err))
    code, out, err = run(["--demo", "--today", "2026-11-29", "--echo", "-c", "print 你好; customers | count"])
    check(out.startswith("kehu[demo]> print 你好\n你好\nkehu[demo]> customers | count\n"), "--echo: %r" % out[:120])


def case_what_if_atomic_and_output():
    d = os.path.join(TMP, "wa")
    run(["--store", d, "-c", "customer add individual name=甲 credit_limit=1000"])
    script = os.path.join(TMP, "w.kehu")
    with open(script, "w") as f:
        f.write("update customers set credit_limit = credit_limit * 2 where name == \"甲\"\n")
    before = store_files(d)
    code, out, err = run(["--store", d, "--what-if", script])
    check(code == 0 and "credit_limit" in out and "1,000.00" in out and "2,000.00" in out,
          "--what-if printed no diff: %r %r" % (out, err))
    check(store_files(d) == before, "--what-if changed the store")
    bad = os.path.join(TMP, "a.kehu")
    with open(bad, "w") as f:
        f.write("customer add individual name=乙\ncustmer x\n")
    code, out, err = run(["--store", d, "--atomic", bad])
    check(code == 1 and "nothing was changed" in err, "--atomic on failure: %d %r" % (code, err))
    code, out, err = run(["--store", d, "--format", "csv", "-c", "customer list"])
    check("乙" not in out, "--atomic kept part of a failed script: %r" % out)
    with open(bad, "w") as f:
        f.write("customer add individual name=乙\n")
    code, out, err = run(["--store", d, "--atomic", bad])
    code, out, err = run(["--store", d, "--format", "csv", "-c", "customer list"])
    check("乙" in out, "--atomic did not keep a script that succeeded: %r" % out)
    target = os.path.join(TMP, "out.csv")
    code, out, err = run(["--store", d, "--format", "csv", "-c",
                          'output "%s"; customer list; output; print back' % target])
    check(code == 0 and out == "back\n", "output FILE leaked to the screen: %r" % out)
    check(open(target, encoding="utf-8").read().startswith("id,name,"), "output FILE is empty")


# Examples that need something done first (a scenario open, a file, a case, a complaint at
# another stage); every other command's `help` example must run on the demo firm.
STATEFUL_EXAMPLES = {
    "source", "scenario diff", "scenario end", "scenario keep", "import", "import all",
    "complaint ack", "complaint investigate", "complaint resolve", "complaint recover", "case close",
    # Only inside a lesson, where a statement is expected to fail (LessonTests runs it there).
    "refused",
}


# Text for people in every format: the user's own `print`, a lesson's narration and exercises.
NARRATIVE = {"print", "lesson", "exercise"}

# Statements that put the demo firm in the state a stateful example needs; their own output is
# cut off at the `print "<<<"` marker, and only what the example prints is read.
SETUP = {
    "scenario diff": "scenario begin; customer add individual name=王芳",
    "scenario end": "scenario begin; customer add individual name=王芳",
    "scenario keep": "scenario begin; customer add individual name=王芳",
    "case close": "case open abc-3months",
}

# Shapes of commands whose example does not show every table they can make.
VARIANTS = ["ar ageing by=customer", "ar ageing by=owner", "collect plan", "customers", "credit exposure"]


def demo_customers():
    code, out, err = run(["--demo", "--today", "2026-11-29", "--format", "csv", "-c", "customers | select id, name"])
    return {"%s %s" % tuple(line.split(",", 1)) for line in out.splitlines()[1:] if line}


def strings_in(doc):
    if isinstance(doc, dict):
        for v in doc.values():
            yield from strings_in(v)
    elif isinstance(doc, list):
        for v in doc:
            yield from strings_in(v)
    elif isinstance(doc, str):
        yield doc


def case_every_help_example_runs_on_the_demo_firm():
    code, out, err = run(["--memory", "--format", "csv", "-c", "help"])
    names = [line.split(",")[0] for line in out.splitlines()[1:] if line]
    check(len(names) > 100, "help listed %d commands" % len(names))
    failing = []
    not_json = []
    joined = []
    id_and_name = demo_customers()
    check(len(id_and_name) > 10, "the demo firm's customers: %r" % id_and_name)
    statements = []
    for name in names:
        code, text, err = run(["--memory", "-c", "help " + name])
        examples = [l[len("Example: "):] for l in text.splitlines() if l.startswith("Example: ")]
        check(len(examples) == 1, "`help %s` has no example" % name)
        if name in SETUP:
            statements.append((name, SETUP[name] + '; print "<<<"; set format json; ' + examples[0]))
        elif name not in STATEFUL_EXAMPLES:
            statements.append((name, examples[0]))
    statements += [(v, v) for v in VARIANTS]
    for name, statement in statements:
        # Run in JSON: each must also print one JSON document (or nothing, for a command that
        # shows nothing), never text around or between tables.
        code, text, err = run(["--demo", "--today", "2026-11-29", "--no-pause", "--format", "json",
                               "-c", statement], cwd=TMP)
        text = text.split("<<<\n", 1)[-1]
        if code != 0:
            failing.append("%s: %s" % (statement, err.strip().splitlines()[0] if err.strip() else code))
        elif name not in NARRATIVE:
            try:
                docs = json_documents(text)
                if len(docs) > 1:
                    not_json.append("%s: %d documents" % (statement, len(docs)))
                # A program reads a customer's id and name as two fields, never "1001 名字".
                both = [v for v in strings_in(docs) if v in id_and_name]
                if both:
                    joined.append("%s: %r" % (statement, both[0]))
            except ValueError as e:
                not_json.append("%s: %s in %r" % (statement, e, text[:80]))
    check(not failing, "examples that fail on the demo firm:\n  " + "\n  ".join(failing))
    check(not not_json, "examples whose --format json output is not one JSON document:\n  "
          + "\n  ".join(not_json))
    check(not joined, "id and name in one JSON field:\n  " + "\n  ".join(joined))


# ---- scripts and machine output (issue 17) ------------------------------------------------

def case_gen_refuses_a_store_with_data_unless_replace():
    d = os.path.join(TMP, "firm")
    code, out, err = run(["--store", d, "-c", "customer add individual name=王芳"])
    check(code == 0, err)
    before = store_files(d)
    code, out, err = run(["gen", "--customers", "10", "--sales", "20", "--store", d, "--today", "2026-11-29"])
    check(code == 73, "gen over a firm's data exited %d, expected 73: %r" % (code, err))
    check("--replace" in err and "nothing was changed" in err, "gen's refusal does not say what to do: %r" % err)
    check(store_files(d) == before, "a refused gen changed the store")
    code, out, err = run(["gen", "--customers", "10", "--sales", "20", "--store", d, "--today", "2026-11-29",
                          "--replace"])
    aside = d + ".replaced-1"
    check(code == 0 and aside in out, "gen --replace did not name where the old store went: %d %r %r"
          % (code, out, err))
    code, out, err = run(["--store", aside, "--read-only", "--format", "csv", "-c", "customers | count"])
    check(code == 0 and out.splitlines()[1] == "1", "the moved-aside store lost its data: %r %r" % (out, err))
    code, out, err = run(["--store", d, "--read-only", "--format", "csv", "-c", "customers | count"])
    check(code == 0 and out.splitlines()[1] == "10", "gen --replace did not write 10 customers: %r" % out)
    # An empty directory, or a fresh store never written to, is free.
    empty = os.path.join(TMP, "empty")
    os.makedirs(empty)
    code, out, err = run(["gen", "--customers", "5", "--sales", "5", "--store", empty, "--today", "2026-11-29"])
    check(code == 0, "gen into an empty directory: %d %r" % (code, err))


def case_several_c_run_in_order_with_files():
    script = os.path.join(TMP, "mid.kehu")
    with open(script, "w") as f:
        f.write('print "file"\n')
    code, out, err = run(["--memory", "-c", 'print "a"', "-c", 'print "b"'])
    check(code == 0 and out == "a\nb\n", "two -c: %d %r %r" % (code, out, err))
    code, out, err = run(["--memory", "-c", 'print "a"', script, "--format", "csv", "-c", 'print "b"'])
    check(code == 0 and out == "a\nfile\nb\n", "-c, a file, -c: %r %r" % (out, err))
    code, out, err = run(["--memory", "-c", "custmer x", "-c", 'print "never"'])
    check(code == 1 and "never" not in out, "a failing -c did not stop the run: %r" % out)


def case_set_reads_language_literals():
    code, out, err = run(["--demo", "--today", "2026-11-29", "--set", "n=3", "--format", "csv",
                          "-c", "customers | take $n | count"])
    check(code == 0 and out.splitlines()[1] == "3", "--set n=3 then take $n: %d %r %r" % (code, out, err))
    code, out, err = run(["--memory", "--set", "share=30%", "--set", "d=2026-01-31", "--set", "g=2w",
                          "--set", "t=\"王 芳\"", "--set", "m=-1.5", "--format", "csv",
                          "-c", "$share * 2; $d + 1d; $g + 1d; $t; $m * 2"])
    lines = [l for l in out.splitlines() if l != "value"]
    check(code == 0 and len(lines) == 5 and float(lines[0]) == 0.6 and float(lines[4]) == -3
          and lines[1:4] == ["2026-02-01", "15", "王 芳"],
          "--set literals: %d %r %r" % (code, lines, err))
    code, out, err = run(["--memory", "--set", "share=30%", "-c",
                          "limit_sales(1_000_000, $share, 45d)"])
    check(code == 0, "limit_sales with --set share=30%%: %r" % err)


def case_version_and_full_help():
    code, out, err = run(["--version"])
    check(code == 0 and out.startswith("kehu ") and "store format" in out, "--version: %d %r %r" % (code, out, err))
    code, out, err = run(["--help"])
    check(code == 0, "--help exited %d" % code)
    for option in ["--language", "--no-pause", "--seed", "--today", "--replace", "--handout", "--to",
                   "--customers", "--read-only", "--version"]:
        check(option in out, "--help does not list %s" % option)


def json_documents(text):
    """Each statement's output must be exactly one JSON document: parse them one after another."""
    import json
    decoder = json.JSONDecoder()
    docs, i = [], 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i == len(text):
            return docs
        doc, i = decoder.raw_decode(text, i)
        docs.append(doc)


def case_json_is_one_document_per_statement():
    code, out, err = run(["--demo", "--today", "2026-11-29", "--format", "json", "-c", "ar statement 1001"])
    docs = json_documents(out)
    check(code == 0 and len(docs) == 1 and len(docs[0]["tables"]) >= 2,
          "ar statement in JSON: %d documents" % len(docs))
    check(all("rows" in t and "notes" in t for t in docs[0]["tables"]), "a table without rows or notes")
    code, out, err = run(["--demo", "--today", "2026-11-29", "--format", "json", "-c", "credit report 1001"])
    docs = json_documents(out)
    check(code == 0 and len(docs) == 1 and docs[0]["tables"][0]["title"].startswith("CREDIT INVESTIGATION"),
          "credit report in JSON: %r" % out[:200])
    code, out, err = run(["--memory", "--format", "json", "-c", "customer add individual name=王芳"])
    docs = json_documents(out)
    check(code == 0 and docs == [{"message": "added customer 1 王芳", "id": 1, "name": "王芳"}],
          "customer add in JSON: %r" % out)


def case_psql_and_sqlite_habits():
    def demo(statements):
        return run(["--demo", "--today", "2026-11-29", "-c", statements])
    code, out, err = demo("\\d")
    tables_code, tables_out, _ = demo("tables")
    check(code == 0 and out == tables_out, "\\d is not `tables`: %d %r" % (code, err))
    code, out, err = demo(".tables")
    check(code == 0 and out == tables_out, ".tables is not `tables`: %r" % err)
    code, out, err = demo("\\d customers")
    _, describe_out, _ = demo("describe customers")
    check(code == 0 and out == describe_out, "\\d customers is not `describe customers`: %r" % err)
    code, out, err = demo("\\x; customers | take 1")
    check(code == 0 and out.startswith("-[ RECORD 1 ]"), "\\x did not switch to the vertical view: %r" % out[:60])
    for quit_word in ("\\q", ".quit"):
        code, out, err = demo(quit_word + '; print "never"')
        check(code == 0 and "never" not in out, "%s did not leave: %d %r" % (quit_word, code, out))
    code, out, err = demo("customers | where area == '华东' | count")
    check(code == 1 and "double quotes" in err, "single quotes: %r" % err)
    for query, word in [("customers | limit 3", "take"), ("customers | order by name", "sort"),
                        ('customers | where name like "王"', "contains(")]:
        code, out, err = demo(query)
        check(code == 1 and word in err.splitlines()[0], "%s does not suggest %s: %r" % (query, word, err))


def case_demo_save_and_sync_say_what_is_true():
    code, out, err = run(["--demo", "--today", "2026-11-29", "-c", "save"])
    check(code == 0 and "nothing was saved" in out and "rows to" not in out, "save on the demo: %r" % out)
    code, out, err = run(["--memory", "--format", "csv", "-c", "set"])
    rows = dict(line.split(",")[:2] for line in out.splitlines()[1:])
    check(rows.get("sync") == "group", "`set` in a script shows sync %r, expected group" % rows.get("sync"))
    code, out, err = run(["--memory", "-c", "set sync statement; set sync"])
    check(out.strip() == "sync = statement", "set sync after setting it: %r" % out)


def case_help_is_whole_and_covers_the_query_language():
    code, out, err = run(["--memory", "-c", "help customer add"])
    check(code == 0, err)
    fields = {l.split()[0]: l.split(None, 1)[1] for l in out.splitlines() if l.startswith("  ") and "=" in l.split()[0]}
    check(fields.get("business_address=", "").startswith("text"), "business_address= runs into its type: %r" % out)
    check(fields.get("age=", "").startswith("a whole number"), "age= is not shown as a whole number: %r" % fields.get("age="))
    check(fields.get("tier=", "").startswith("major|general|scattered"), "tier= lacks its values: %r" % fields.get("tier="))
    # The listing is never cut: no "more rows", every summary whole even in a narrow pipe.
    code, out, err = run(["--memory", "-c", "set rows 5; help"])
    check(code == 0 and "more rows" not in out and not any(l.endswith("…") for l in out.splitlines()),
          "help was cut: %r" % out[-200:])
    _, csv_out, _ = run(["--memory", "--format", "csv", "-c", "help"])
    check(len(out.splitlines()) >= len(csv_out.splitlines()) - 1, "help lists fewer commands than its CSV")
    for topic in ["where", "select", "sort", "take", "summarize", "join", "let", "for", "update", "functions",
                  "limit_sales", "settings", "query"]:
        code, out, err = run(["--memory", "-c", "help " + topic])
        check(code == 0 and out.strip(), "help %s: %d %r" % (topic, code, err))
    code, out, err = run(["--memory", "-c", "help functions"])
    check("coalesce(" in out and "if(" in out and "limit_sales(" in out, "help functions: %r" % out[:200])


# ---- the lock, read-only, damage --------------------------------------------------------

def case_second_writer_exits_75():
    d = os.path.join(TMP, "locked")
    run(["--store", d, "-c", "customer add individual name=甲"])
    holder = subprocess.Popen([KEHU, "--store", d], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env={"HOME": TMP, "KEHU_HISTORY": "off"})
    try:
        time.sleep(0.5)
        code, out, err = run(["--store", d, "-c", "tables"])
        check(code == 75, "second writer exited %d: %r" % (code, err))
        check("is in use by process %d" % holder.pid in err, err)
        # A reader opens beside the writer.
        code, out, err = run(["--store", d, "--read-only", "-c", "customer list"])
        check(code == 0 and "甲" in out, "read-only beside a writer: %d %r" % (code, err))
        code, out, err = run(["--store", d, "--read-only", "-c", "customer add individual name=乙"])
        check(code == 1 and "read-only" in err, "read-only accepted a change: %r" % err)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    code, out, err = run(["--store", d, "-c", "tables"])
    check(code == 0, "the lock outlived its process")


def case_damage_exits_65_and_changes_nothing():
    d = os.path.join(TMP, "damaged")
    run(["--store", d, "-c", "customer add individual name=甲; save; customer add individual name=乙; customer add individual name=丙"])
    journals = sorted(n for n in os.listdir(d) if n.startswith("journal"))
    j = os.path.join(d, journals[-1])
    data = bytearray(open(j, "rb").read())
    # Flip a byte inside the first record of the newest journal: records follow it, so it
    # is damage, not a torn tail.
    data[40] ^= 0xFF
    open(j, "wb").write(bytes(data))
    before = store_files(d)
    code, out, err = run(["--store", d, "-c", "customer list"])
    check(code == 65, "opening a damaged store exited %d: %r" % (code, err))
    check(journals[-1] in err and "byte" in err, "error does not name file and offset: %r" % err)
    check(store_files(d) == before, "opening a damaged store changed its files")
    code, out, err = run(["check", "--store", d])
    check(code == 65, "check on damage exited %d" % code)
    check(journals[-1] in out + err, "check does not name the damaged file: %r %r" % (out, err))
    new = os.path.join(TMP, "recovered")
    code, out, err = run(["recover", "--store", d, "--to", new])
    check(code == 0, "recover: %d %r" % (code, err))
    # It says exactly what was lost: the damaged record and the intact one after it (丙).
    check("lost: " in out and journals[-1] in out and "the damaged record and 1 intact record after it" in out,
          "recover does not say what was lost: %r" % out)
    check(store_files(d) == before, "recover changed the damaged store")
    code, out, err = run(["--store", new, "-c", "customer list"])
    check(code == 0 and "甲" in out and "乙" not in out, "recovered store: %r" % out)


def case_torn_tail_is_cut_with_warning():
    d = os.path.join(TMP, "torn")
    run(["--store", d, "-c", "customer add individual name=甲; customer add individual name=乙"])
    j = os.path.join(d, sorted(n for n in os.listdir(d) if n.startswith("journal"))[-1])
    size = os.path.getsize(j)
    os.truncate(j, size - 3)
    code, out, err = run(["--store", d, "-c", "customer list"])
    check(code == 0 and "甲" in out and "乙" not in out, "torn tail: %d %r %r" % (code, out, err))
    check("warning" in err, "no warning for the dropped bytes: %r" % err)


# ---- a real crash ---------------------------------------------------------------------------

def case_sigkill_keeps_an_acknowledged_prefix():
    d = os.path.join(TMP, "crash")
    rng = random.Random(20261129)
    total = 0
    for attempt in range(12):
        script = "set sync statement\n" + "".join(
            "customer add individual name=c%d\n" % (total + i + 1) for i in range(3000))
        p = subprocess.Popen([KEHU, "--store", d], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env={"HOME": TMP, "KEHU_HISTORY": "off"})
        p.stdin.write(script.encode())
        p.stdin.close()
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(p.pid, signal.SIGKILL)
        out = p.stdout.read().decode()
        p.wait()
        acknowledged = [int(n) for n in re.findall(r"added customer \d+ c(\d+)", out)]
        code, listing, err = run(["--store", d, "--format", "csv", "-c", "customer list --all"])
        check(code == 0, "reopening after SIGKILL: %d %r" % (code, err))
        names = [int(m) for m in re.findall(r",c(\d+),", listing)]
        check(names == list(range(1, len(names) + 1)), "not a prefix after attempt %d" % attempt)
        if acknowledged:
            check(len(names) >= max(acknowledged), "lost acknowledged change c%d" % max(acknowledged))
        total = len(names)



# ---- training: lessons and handouts (issue 10) -------------------------------------------

LESSONS = ["pareto-20", "abc-3months", "credit-limits", "receivables", "complaints", "harrahs", "bank"]


def case_every_lesson_runs_to_the_end_with_status_0():
    for name in LESSONS:
        # `kehu lesson` ends with the lesson: nothing stays open, so it does not say so.
        code, out, err = run(["lesson", name, "--no-pause"], cwd=TMP)
        check(code == 0, "kehu lesson %s exited %d: %r" % (name, code, err[-400:]))
        check(out.rstrip().endswith("end of lesson %s" % name), "%s did not finish: %r" % (name, out[-100:]))
        code, out, err = run(["--memory", "--no-pause", "-c", "lesson %s" % name], cwd=TMP)
        check(code == 0, "-c lesson %s exited %d: %r" % (name, code, err[-400:]))
        check(out.rstrip().endswith("(`case close` goes back to your store)"), "-c lesson %s: %r" % (name, out[-100:]))
    code, out, err = run(["lesson", "pareto-21"])
    check(code == 64 and "no case 'pareto-21'" in err, "unknown case: %d %r" % (code, err))


def case_a_lessons_chart_is_written_where_it_says():
    # `pareto chart="pareto-20.svg"` in a lesson writes the file relative to the working
    # directory, as the same statement at the prompt does, from `kehu lesson` and `lesson`.
    code, out, err = run(["lesson", "pareto-20"], cwd=TMP)
    check(code == 0 and "chart written to pareto-20.svg" in out, "kehu lesson: %d %r" % (code, err))
    svg = os.path.join(TMP, "pareto-20.svg")
    check(os.path.isfile(svg) and "<svg" in open(svg, encoding="utf-8").read(),
          "no pareto-20.svg in the working directory: %r" % os.listdir(TMP))
    os.remove(svg)
    sub = os.path.join(TMP, "class")
    os.makedirs(sub)
    code, out, err = run(["--memory", "-c", "lesson pareto-20"], cwd=sub)
    check(code == 0 and os.path.isfile(os.path.join(sub, "pareto-20.svg")),
          "lesson at the prompt: %r in %r" % (err, os.listdir(sub)))


def case_echo_shows_an_exercise_question_before_its_answer():
    # A lesson file run with --echo: narration is printed, never echoed as a statement, so an
    # exercise's model answer never shows before its question.
    lesson = os.path.join(TMP, "lesson.kehu")
    with open(lesson, "w", encoding="utf-8") as f:
        f.write('say "Count the customers."\n'
                'exercise "How many customers?" expect customers | count\n')
    code, out, err = run(["--demo", "--today", "2026-11-29", "--echo", lesson])
    check(code == 0, "--echo lesson file: %d %r" % (code, err))
    check("expect" not in out and "say " not in out, "narration echoed as statements: %r" % out)
    question = out.find("Exercise: How many customers?")
    answer = out.find("customers | count")
    check(0 <= question < answer, "the answer before the question: %r" % out)
    check(out.startswith("Count the customers.\n"), "narration: %r" % out[:80])


def case_handout_from_the_shell_in_chinese():
    path = os.path.join(TMP, "讲义", "第四章", "pareto-20.md")
    code, out, err = run(["lesson", "pareto-20", "--handout", path], env={"LANG": "zh_CN.UTF-8"})
    check(code == 0, "handout exited %d: %r" % (code, err))
    md = open(path, encoding="utf-8").read()
    check(md.startswith("# 销售业绩分析"), md[:80])
    check("![pareto-20.svg](pareto-20.svg)" in md, "chart link missing")
    svg = open(os.path.join(os.path.dirname(path), "pareto-20.svg"), encoding="utf-8").read()
    check("<svg" in svg, "not an SVG")
    check(sorted(os.listdir(TMP)) == ["讲义"], "the handout wrote outside its folder: %r" % os.listdir(TMP))


def case_a_lesson_leaves_the_users_store_unchanged():
    d = os.path.join(TMP, "own")
    code, out, err = run(["--store", d, "-c", "customer add individual name=王芳"])
    check(code == 0, err)
    before = store_files(d)
    code, out, err = run(["--store", d, "-c", "lesson abc-3months\ncase open credit-limits\ncustomer add company name=案例客户\ncase close\ncustomers | count"])
    check(code == 0, err)
    check(out.rstrip().endswith("1\n(1 row)"), out[-80:])
    check(store_files(d) == before, "the store's files changed")



# ---- output files -----------------------------------------------------------------------

def case_output_files_are_safe():
    # Results lost to a full standard output exit 74, never 0.
    with open("/dev/full", "wb") as full:
        p = subprocess.run([KEHU, "--demo", "-c", "customers | take 3"], stdout=full, stderr=subprocess.PIPE,
                           env={"PATH": "/usr/bin:/bin", "HOME": TMP, "LANG": "C.UTF-8"}, timeout=60)
    check(p.returncode == 74, "/dev/full: exit %d" % p.returncode)
    check(b"cannot write standard output" in p.stderr, p.stderr)
    # A file-size limit is an error naming the absolute path, not SIGXFSZ (153) or a trap.
    big = os.path.join(TMP, "big.txt")
    with open(big, "w") as f:
        f.write("old\n")
    script = 'output "big.txt"; customers; output'
    p = subprocess.run(["/bin/sh", "-c", 'ulimit -f 1; exec "$0" --demo -c "$1"', KEHU, script],
                       capture_output=True, cwd=TMP, timeout=60,
                       env={"PATH": "/usr/bin:/bin", "HOME": TMP, "LANG": "C.UTF-8"})
    check(p.returncode == 1, "ulimit -f: exit %d %r" % (p.returncode, p.stderr))
    check(("cannot write `%s`: File too large" % big).encode() in p.stderr, p.stderr)
    check(open(big).read() == "old\n", "the old file was changed")
    check([n for n in os.listdir(TMP) if n.endswith(".tmp")] == [], "a temporary file was left")
    # Not a regular file: refused, and the thing at the path is untouched.
    os.mkfifo(os.path.join(TMP, "pipe.csv"))
    os.mkdir(os.path.join(TMP, "dir.csv"))
    os.symlink("big.txt", os.path.join(TMP, "link.csv"))
    for name, why in [("pipe.csv", "a device, a FIFO or a socket"), ("dir.csv", "a directory"),
                      ("link.csv", "a symbolic link")]:
        for stmt in ['export customers "%s"', 'customers | export "%s"', 'output "%s"']:
            code, out, err = run(["--demo", "-c", stmt % name], cwd=TMP)
            check(code == 1 and ("cannot write `%s/%s`: it is %s" % (TMP, name, why)) in err,
                  "%s: %d %r" % (stmt % name, code, err))
    check(os.path.islink(os.path.join(TMP, "link.csv")), "the symlink was replaced")
    code, out, err = run(["--demo", "-c", 'output "/dev/null"'], cwd=TMP)
    check(code == 1 and "it is a device" in err, "/dev/null: %d %r" % (code, err))
    # A regular file is replaced in one step and the message names the absolute path.
    os.mkdir(os.path.join(TMP, "sub"))
    code, out, err = run(["--demo", "-c", 'customers | take 2 | export "sub/../x.csv"'], cwd=TMP)
    check(code == 0 and ("to %s/x.csv" % TMP) in out, "relative export: %d %r %r" % (code, out, err))
    check(open(os.path.join(TMP, "x.csv"), "rb").read().count(b"\r\n") == 3, "x.csv has not 2 rows")


def case_invalid_utf8_is_refused_with_its_place():
    path = os.path.join(TMP, "bad.kehu")
    with open(path, "wb") as f:
        f.write(b'print ok\nprint "a\xffb"\n')
    code, out, err = run(["--memory", path])
    check(code == 66 and err == path + ":2:9: error: not valid UTF-8 (byte 0xFF); scripts are read as UTF-8\n",
          "file: %d %r" % (code, err))
    check("ok" not in out, "ran a statement of an unreadable script")
    code, out, err = run(["--memory"], stdin=open(path, "rb").read())
    check(code == 66 and err.startswith("<stdin>:2:9: error: not valid UTF-8"), "stdin: %d %r" % (code, err))


# ---- the team store on PostgreSQL (KEHU_TEST_PG_URL: scripts/test starts a cluster) -------

def team_url():
    """A fresh schema on the test cluster, or None when there is no cluster."""
    url = os.environ.get("KEHU_TEST_PG_URL")
    if not url:
        return None
    return "%s?schema=e2e_%d_%d" % (url, os.getpid(), random.randrange(1 << 30))


def new_team_store():
    """A team store made by `kehu pg init` in a fresh schema, or None (said) without a cluster."""
    url = team_url()
    if url is None:
        print("skip team store: KEHU_TEST_PG_URL is not set")
        return None
    code, out, err = run(["pg", "init", url])
    check(code == 0, "pg init: %d %r" % (code, err))
    return url


def child_env():
    return {"PATH": "/usr/bin:/bin", "HOME": TMP, "LANG": "C.UTF-8", "KEHU_HISTORY": "off"}


def case_team_store_two_processes_see_each_other():
    url = team_url()
    if url is None:
        print("skip team store: KEHU_TEST_PG_URL is not set")
        return
    d = os.path.join(TMP, "firm")
    code, out, err = run(["gen", "--customers", "40", "--sales", "200", "--today", "2026-11-30", "--store", d])
    check(code == 0, "gen: %d %r" % (code, err))
    code, out, err = run(["pg", "init", url])
    check(code == 0 and "roles: kehu_read" in out, "pg init: %d %r %r" % (code, out, err))
    code, out, err = run(["pg", "init", url])
    check(code == 73 and "already holds a kehu store" in err, "second init: %d %r" % (code, err))
    code, out, err = run(["pg", "push", "--store", d, url])
    check(code == 0 and "sales: 200 rows" in out and "verified row for row" in out, "push: %d %r %r" % (code, out, err))
    code, out, err = run(["pg", "push", "--store", d, url])
    check(code == 73 and "not empty" in err, "second push: %d %r" % (code, err))
    query = "sales | summarize total = sum(amount), n = count() by customer | sort total desc | take 5"
    code, on_disk, err = run(["--store", d, "--today", "2026-11-30", "-c", query])
    check(code == 0, "query on the directory: %d %r" % (code, err))
    code, in_db, err = run(["--store", url, "--today", "2026-11-30", "-c", query])
    check(code == 0 and in_db == on_disk, "the same query on the database: %d %r vs %r %r" % (code, in_db, on_disk, err))
    # One process adds a customer; a second, already open, sees it at its next statement.
    reader = subprocess.Popen(
        [KEHU, "--store", url, "--today", "2026-11-30", "--format", "csv"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, env=child_env())
    time.sleep(1.0)  # the reader has loaded the tables and waits for its script
    code, out, err = run(["--store", url, "--today", "2026-11-30", "-c", "customer add company name=Teamwork"])
    check(code == 0, "customer add on the database: %d %r" % (code, err))
    time.sleep(0.2)
    out, err = reader.communicate(b"customers | count\ncustomers | where name == \"Teamwork\" | count\n", timeout=60)
    out = out.decode()
    check(reader.returncode == 0, "the reader: %d %r" % (reader.returncode, err))
    counts = re.findall(r"^(\d+)\r?$", out, re.M)
    check(counts == ["41", "1"], "the reader saw the other process's customer: %r" % out)
    # The audit names the database login; pull copies everything out, verified.
    code, out, err = run(["--store", url, "-c", "audit | where row == \"41\" | select actor | take 1", "--format", "csv"])
    check(code == 0 and "postgres" in out, "audit actor is the login: %d %r %r" % (code, out, err))
    back = os.path.join(TMP, "back")
    code, out, err = run(["pg", "pull", url, "--store", back])
    check(code == 0 and "customers: 41 rows" in out, "pull: %d %r %r" % (code, out, err))
    code, out, err = run(["--store", back, "-c", "customers | count"])
    check(code == 0 and "41" in out, "the pulled store: %d %r" % (code, out))


def case_team_store_from_an_earlier_init_is_upgraded():
    url = new_team_store()
    if url is None:
        return
    base, schema = url.split("?schema=")
    # What an earlier `pg init` made: no identity table yet.
    p = subprocess.run(["psql", base, "-v", "ON_ERROR_STOP=1", "-q", "-c", "DROP TABLE %s.kehu_store" % schema],
                       capture_output=True, cwd="/")
    check(p.returncode == 0, "psql: %r" % p.stderr)
    code, out, err = run(["--store", url, "-c", "customers | count"])
    check(code == 73 and "lacks kehu_store" in err and "kehu pg upgrade" in err, "open: %d %r" % (code, err))
    code, out, err = run(["pg", "upgrade", url])
    check(code == 0 and "added kehu_store" in out, "upgrade: %d %r %r" % (code, out, err))
    code, out, err = run(["pg", "upgrade", url])
    check(code == 0 and "nothing to upgrade" in out, "second upgrade: %d %r %r" % (code, out, err))
    code, out, err = run(["--store", url, "-c", "customer add company name=After"])
    check(code == 0 and "added customer 1 After" in out, "open after the upgrade: %d %r %r" % (code, out, err))


def case_team_store_killed_writer_leaves_no_partial_change():
    url = new_team_store()
    if url is None:
        return
    script = "".join("customer add company name=C%d\n" % i for i in range(3000)).encode()
    p = subprocess.Popen(
        [KEHU, "--store", url, "--today", "2026-11-30"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, env=child_env())
    p.stdin.write(script)
    p.stdin.close()
    time.sleep(1.0)
    p.kill()
    p.wait()
    # Every customer in the database came with its audit row and its change-log entry.
    code, out, err = run(["--store", url, "--format", "csv", "-c", "customers | count",
                          "-c", "audit | where table == \"customers\" | count"])
    check(code == 0, "reopen after the kill: %d %r" % (code, err))
    numbers = re.findall(r"^(\d+)\r?$", out, re.M)
    check(len(numbers) == 2 and numbers[0] == numbers[1], "customers and their audit rows: %r" % out)


def case_team_store_concurrent_writers_lose_nothing():
    url = new_team_store()
    if url is None:
        return
    env = child_env()
    writers = []
    for w in range(2):
        p = subprocess.Popen([KEHU, "--store", url, "--today", "2026-11-30"], stdin=subprocess.PIPE,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        writers.append(p)
    for w, p in enumerate(writers):
        p.stdin.write("".join("customer add company name=W%d-%d\n" % (w, i) for i in range(150)).encode())
        p.stdin.close()
    for p in writers:
        err = p.stderr.read().decode()
        check(p.wait(timeout=300) == 0, "a writer failed: %r" % err)
    # Every acknowledged change is there once, with its audit row, and ids never collided.
    code, out, err = run(["--store", url, "--format", "csv", "-c", "customers | count",
                          "-c", "customers | summarize n = count_distinct(name)",
                          "-c", "audit | where table == \"customers\" | count"])
    check(code == 0, "reopen: %d %r" % (code, err))
    numbers = re.findall(r"^(\d+)\r?$", out, re.M)
    check(numbers == ["300", "300", "300"], "300 customers, 300 names, 300 audit rows: %r" % out)


def case_team_store_concurrent_orders_never_pass_the_limit():
    url = new_team_store()
    if url is None:
        return
    code, out, err = run(["--store", url, "-c", "customer add company id=1 name=Shared credit_limit=100000"])
    check(code == 0, "customer add: %d %r" % (code, err))
    # 4 clerks' processes × 5 orders of 7,000 against 100,000: 14 fit (98,000), 6 are refused,
    # each credit-checked inside its transaction on what the others took.
    clerks = [subprocess.Popen([KEHU, "--store", url, "--today", "2026-11-30", "--keep-going"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=child_env()) for _ in range(4)]
    for p in clerks:
        p.stdin.write(b"order add 1 amount=7000\n" * 5)
        p.stdin.close()
    taken = refused = 0
    for p in clerks:
        out, err = p.stdout.read().decode(), p.stderr.read().decode()
        p.wait(timeout=120)
        taken += len(re.findall(r"^order SO-\d+ from 1", out, re.M))
        refused += err.count("credit refused for customer 1")
        check("error" not in err.replace("error: credit refused", ""), "only credit refusals: %r" % err)
    check((taken, refused) == (14, 6), "14 taken, 6 refused: %d, %d" % (taken, refused))
    code, out, err = run(["--store", url, "--format", "csv", "-c", "orders | count",
                          "-c", "orders | summarize n = count_distinct(no)"])
    numbers = re.findall(r"^(\d+)\r?$", out, re.M)
    check(code == 0 and numbers == ["14", "14"], "14 orders, 14 numbers: %d %r %r" % (code, out, err))


CASES = [
    case_help_from_pipe_and_c,
    case_help_is_chinese_under_a_chinese_locale,
    case_bad_statement_exit_1_with_caret,
    case_usage_errors_exit_64,
    case_gen_refuses_a_store_with_data_unless_replace,
    case_several_c_run_in_order_with_files,
    case_set_reads_language_literals,
    case_version_and_full_help,
    case_json_is_one_document_per_statement,
    case_psql_and_sqlite_habits,
    case_demo_save_and_sync_say_what_is_true,
    case_help_is_whole_and_covers_the_query_language,
    case_init_file_set_and_echo,
    case_every_help_example_runs_on_the_demo_firm,
    case_what_if_atomic_and_output,
    case_script_never_exits_0_unsynced,
    case_second_writer_exits_75,
    case_damage_exits_65_and_changes_nothing,
    case_torn_tail_is_cut_with_warning,
    case_sigkill_keeps_an_acknowledged_prefix,
    case_every_lesson_runs_to_the_end_with_status_0,
    case_a_lessons_chart_is_written_where_it_says,
    case_echo_shows_an_exercise_question_before_its_answer,
    case_handout_from_the_shell_in_chinese,
    case_a_lesson_leaves_the_users_store_unchanged,
    case_output_files_are_safe,
    case_invalid_utf8_is_refused_with_its_place,
    case_team_store_two_processes_see_each_other,
    case_team_store_from_an_earlier_init_is_upgraded,
    case_team_store_killed_writer_leaves_no_partial_change,
    case_team_store_concurrent_writers_lose_nothing,
    case_team_store_concurrent_orders_never_pass_the_limit,
]


def main():
    global KEHU, TMP
    KEHU = os.path.abspath(sys.argv[1])
    passed = failed = 0
    for case in CASES:
        TMP = tempfile.mkdtemp(prefix="kehu-e2e-")
        try:
            case()
            print("ok   " + case.__name__)
            passed += 1
        except Exception as e:  # noqa: BLE001 - every failure is reported, then counted
            print("FAIL %s: %s" % (case.__name__, e))
            failed += 1
        finally:
            shutil.rmtree(TMP, ignore_errors=True)
    print("e2e: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
