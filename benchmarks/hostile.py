#!/usr/bin/env python3
"""Issue 17's hostile inputs, one run each: time and peak memory of the binary on every row's input.

    python3 benchmarks/hostile.py [BINARY]     (default .build/release/schemalint)

Each case is a fresh copy of examples/clean in its own git repository with one thing made hostile, run once
under /usr/bin/time -v with a 300 s cap. The bar (issue 17, "done when"): every run under 10 s of user + sys CPU
time (on a shared machine the wall clock measures the other jobs, so it is shown but not judged) and 2 GB, with
an exit status of 0, 1 or 2 (never a signal). `expect` is the status the case must end with (1: a finding,
2: a configuration error or a refused write; 0 only where the input is harmless once read correctly), `check`
what must not be true afterwards. Prints a Markdown table; exits 1 when any case misses its bar.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLEAN = os.path.join(ROOT, "examples", "clean")
BINARY = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/schemalint"))
SECONDS_LIMIT, MEGABYTES_LIMIT = 10.0, 2048


def write(repo, relative, text, mode="w"):
    path = os.path.join(repo, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as handle:
        handle.write(text)


def append(repo, relative, text):
    write(repo, relative, text, mode="a")


def replace(repo, relative, old, new):
    path = os.path.join(repo, relative)
    with open(path) as handle:
        text = handle.read()
    assert old in text, (relative, old)
    write(repo, relative, text.replace(old, new))


def journal(entries):
    items = ",".join('{"idx":%d,"version":"7","when":1700000000000,"tag":"%04d_gone","breakpoints":true}' % (i, i)
                     for i in range(entries))
    return '{"version":"7","dialect":"postgresql","entries":[%s]}' % items


def map_gist(repo, data, schema):
    """Maps one Gist file to its schema under the example's `gists:` section (appending `map:` to the end of the
    file put it under whatever section came last)."""
    replace(repo, ".schemalint.yml", "gists:\n", "gists:\n  map:\n    %s: %s\n" % (data, schema))


# (row, case, setup(repo) -> arguments, expected exit status, check(repo, output) -> problem or None)
CASES = []


def case(row, name, expect=1, check=None):
    def register(setup):
        CASES.append((row, name, setup, expect, check))
        return setup
    return register


for link, label in [("()", "f()()…"), (".b", "a.b.b…"), (" + ''", "'' + '' + …")]:
    @case(1, "schema file: %s × 20,000" % label, expect=0)
    def _(repo, link=link):
        append(repo, "src/db/schema.ts", "export const chained = f%s;\n" % (link * 20_000))
        return ["check"]


@case(1, "drizzle.config.ts `schema`: './a' + '' × 20,000")
def _(repo):
    replace(repo, "drizzle.config.ts", "'./src/db/schema.ts'", "'./src/db/schema.ts'" + " + ''" * 20_000)
    return ["check"]


@case(2, "migration: SELECT 1+1+… (70,000 terms)")
def _(repo):
    append(repo, "drizzle/0000_initial.sql", "--> statement-breakpoint\nSELECT 1" + "+1" * 70_000 + ";\n")
    return ["check"]


@case(2, "migration: one DO block of 20,000 ALTER TABLE statements", expect=0)
def _(repo):
    body = "\n".join('ALTER TABLE "t" ADD COLUMN "c%d" integer;' % index for index in range(20_000))
    append(repo, "drizzle/0000_initial.sql", '--> statement-breakpoint\nCREATE TABLE "t" ("id" integer);\n'
           "--> statement-breakpoint\nDO $$ BEGIN\n" + body + "\nEND $$;\n")
    return ["check"]


for entries in (10_000, 30_000):
    @case(3, "one-line journal, %d entries to missing files" % entries)
    def _(repo, entries=entries):
        write(repo, "drizzle/meta/_journal.json", journal(entries))
        return ["check"]


@case(4, "one-line Gist, 60,000 schema violations")
def _(repo):
    write(repo, "gists/schemas/list.schema.json", '{"type": "array", "items": {"type": "string"}}')
    write(repo, "gists/list.json", "[" + ",".join(["1"] * 60_000) + "]")
    map_gist(repo, "gists/list.json", "gists/schemas/list.schema.json")
    return ["check"]


def victim_untouched(repo, output):
    with open(os.path.join(os.path.dirname(repo), "victim.txt")) as handle:
        return None if handle.read() == "s3cr3t-content\n" else "the file outside the repository was changed"


for command in ("baseline", "check"):
    @case(5, "`baseline: ../victim.txt`, %s" % command, expect=2,
          check=lambda repo, output: victim_untouched(repo, output) or ("s3cr3t" in output and "echoed the outside file"))
    def _(repo, command=command):
        write(os.path.dirname(repo), "victim.txt", "s3cr3t-content\n")
        append(repo, ".schemalint.yml", "baseline: ../victim.txt\n")
        return [command]


@case(5, "baseline symlink pointing outside, baseline", expect=2, check=victim_untouched)
def _(repo):
    write(os.path.dirname(repo), "victim.txt", "s3cr3t-content\n")
    os.symlink(os.path.join(os.path.dirname(repo), "victim.txt"), os.path.join(repo, ".schemalint-baseline.json"))
    return ["baseline"]


@case(6, "drizzle config `schema`: '*' × 20 + '.ts'", expect=0)
def _(repo):
    replace(repo, "drizzle.config.ts", "'./src/db/schema.ts'", "'./src/db/" + "*" * 20 + ".ts'")
    return ["check"]


@case(6, "`ignore: ['*' × 33]`", expect=0)
def _(repo):
    append(repo, ".schemalint.yml", "ignore: ['%s']\n" % ("*" * 33))
    return ["check"]


@case(6, "`ignore: ['{a,b}' × 22]`", expect=2)
def _(repo):
    append(repo, ".schemalint.yml", "ignore: ['%s']\n" % ("{a,b}" * 22))
    return ["check"]


@case(7, 'schema {"allOf":[{"$ref":"#"},{"$ref":"#"}]}')
def _(repo):
    write(repo, "gists/schemas/r.schema.json", '{"allOf": [{"$ref": "#"}, {"$ref": "#"}]}')
    write(repo, "gists/r.json", '{"$schema": "./schemas/r.schema.json", "a": [1, {"b": 2}]}')
    return ["check"]


@case(7, "schema: doubling anyOf chain of 40 $defs")
def _(repo):
    defs = {"d%d" % i: '{"anyOf": [{"$ref": "#/$defs/d%d"}, {"$ref": "#/$defs/d%d"}]}' % (i + 1, i + 1) for i in range(40)}
    defs["d40"] = '{"type": "string"}'
    body = ",".join('"%s": %s' % item for item in defs.items())
    write(repo, "gists/schemas/r.schema.json", '{"$ref": "#/$defs/d0", "$defs": {%s}}' % body)
    write(repo, "gists/r.json", '{"$schema": "./schemas/r.schema.json"}')
    return ["check"]


def pattern_case(name, pattern, values, expect):
    @case(8, name, expect=expect)
    def _(repo):
        schema = '{"type": "array", "items": {"type": "string", "pattern": "%s"}}' % pattern.replace("\\", "\\\\")
        write(repo, "gists/schemas/p.schema.json", schema)
        write(repo, "gists/p.json", "[" + ",".join('"%s"' % value for value in values) + "]")
        map_gist(repo, "gists/p.json", "gists/schemas/p.schema.json")
        return ["check"]


pattern_case('"^(a?){40}a{40}$" on 40 a (matches)', "^(a?){40}a{40}$", ["a" * 40], 0)
pattern_case('"(.*a){20}" on 100 a (matches)', "(.*a){20}", ["a" * 100], 0)
pattern_case('"^(a+)+$" over 3,000 strings "a…ab"', "^(a+)+$", ["a" * 30 + "b"] * 3_000, 1)


# Found this round (fuzzing the regex engine, then these by hand): work that grew with the file without bound.
pattern_case('"^(x+x+)+y\\1$" over 3,000 strings of 17 x (each just under one search\'s budget)', "^(x+x+)+y\\1$", ["x" * 17] * 3_000, 1)
pattern_case('"a{0,6000}b" over 50 strings of 10,000 a (500 KB)', "a{0,6000}b", ["a" * 10_000] * 50, 1)


@case(7, 'schema {"allOf":[{"$ref":"#"},{"$ref":"#"}]} on a 1 MB Gist')
def _(repo):
    write(repo, "gists/schemas/r.schema.json", '{"allOf": [{"$ref": "#"}, {"$ref": "#"}]}')
    write(repo, "gists/r.json", "[" + ",".join(['"%s"' % ("a" * 100)] * 10_000) + "]")
    map_gist(repo, "gists/r.json", "gists/schemas/r.schema.json")
    return ["check"]


@case(7, "self-doubling schema failing at every level, 2,000-character $defs names, on a 1 MB Gist")
def _(repo):
    name = "k" * 2_000
    write(repo, "gists/schemas/r.schema.json", '{"$ref": "#/$defs/%s", "$defs": {"%s": {"type": "object", "allOf": '
          '[{"$ref": "#/$defs/%s"}, {"$ref": "#/$defs/%s"}]}}}' % (name, name, name, name))
    write(repo, "gists/r.json", "[" + ",".join(['"%s"' % ("a" * 100)] * 10_000) + "]")
    map_gist(repo, "gists/r.json", "gists/schemas/r.schema.json")
    return ["check"]


@case(7, '`"uniqueItems": true` on 100,000 distinct items', expect=0)
def _(repo):
    write(repo, "gists/schemas/u.schema.json", '{"uniqueItems": true}')
    write(repo, "gists/u.json", "[" + ",".join('"i%d"' % i for i in range(100_000)) + "]")
    map_gist(repo, "gists/u.json", "gists/schemas/u.schema.json")
    return ["check"]


@case(9, "`.schemalint.yml` with 100,000 nested [", expect=2)
def _(repo):
    write(repo, ".schemalint.yml", "ignore: " + "[" * 100_000 + "\n")
    return ["check"]


@case(10, "100,000 nested SQL block comments")
def _(repo):
    append(repo, "drizzle/0000_initial.sql", "--> statement-breakpoint\n" + "/*" * 100_000 + "x" + "*/" * 100_000 + "\nSELECT 1;\n")
    return ["check"]


@case(11, "check > /dev/full", expect=2)
def _(repo):
    return ["check", ">", "/dev/full"]


@case(11, "rules > /dev/full", expect=2)
def _(repo):
    return ["rules", ">", "/dev/full"]


@case(12, "unterminated /* before a statement")
def _(repo):
    append(repo, "drizzle/0000_initial.sql", "--> statement-breakpoint\n/* never closed\nSELECT 1;\n")
    return ["check"]


@case(12, 'journal `"when": "yesterday"`')
def _(repo):
    replace(repo, "drizzle/meta/_journal.json", '"when": 1732406400000', '"when": "yesterday"')
    return ["check"]


@case(12, "`.schemalint.yml` with a duplicate key", expect=2)
def _(repo):
    append(repo, ".schemalint.yml", "gists:\n  data: []\n")
    return ["check"]


@case(13, "--output src/db/schema.ts", expect=2,
      check=lambda repo, output: None if "pgTable" in open(os.path.join(repo, "src/db/schema.ts")).read() else "schema replaced")
def _(repo):
    return ["check", "--output", "src/db/schema.ts"]


@case(14, "Gist named a\\n::error …::injected\\nb.json, github format",
      check=lambda repo, output: "\n::error file=evil.ts" in output and "fake annotation printed")
def _(repo):
    write(repo, "gists/a\n::error file=evil.ts,line=1::injected\nb.json", "{")
    return ["check", "--format", "github"]


for format in ("text", "junit"):
    @case(15, "Gist holding a GitHub token, %s format" % format,
          check=lambda repo, output: "0123456789abcdef" in output and "token printed")
    def _(repo, format=format):
        write(repo, "gists/t.json", '{"token": "ghp_0123456789abcdef0123456789abcdef0123"}')
        return ["check", "--format", format]


def measure(arguments, repo):
    command = [BINARY] + arguments
    redirect = None
    if ">" in arguments:
        at = arguments.index(">")
        command, redirect = [BINARY] + arguments[:at], arguments[at + 1]
    stdout = open(redirect, "w") if redirect else subprocess.PIPE
    try:
        run = subprocess.run(["/usr/bin/time", "-v", "timeout", "300"] + command, cwd=repo, stdout=stdout,
                             stderr=subprocess.PIPE, text=True, errors="replace")
    finally:
        if redirect:
            stdout.close()
    report = run.stderr
    field = lambda name: re.search(r"%s: (.*)" % re.escape(name), report)
    status = int(field("Exit status").group(1)) if field("Exit status") else run.returncode
    if "Command terminated by signal" in report:
        status = "signal " + re.search(r"signal (\d+)", report).group(1)
    elif status == 124:
        status = "killed at 300 s"
    elif status > 128:  # timeout passes the child's signal on as 128 + n
        status = "signal %d" % (status - 128)
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    minutes, seconds = wall.group(1).rsplit(":", 1) if wall else ("0", "nan")
    return {
        "status": status,
        "wall": float(minutes.split(":")[-1]) * 60 + float(seconds),
        "cpu": float(field("User time (seconds)").group(1)) + float(field("System time (seconds)").group(1)),
        "megabytes": int(field("Maximum resident set size (kbytes)").group(1)) / 1024,
        "output": (run.stdout or "") + report,
    }


def main():
    if not os.access(BINARY, os.X_OK):
        sys.exit("no binary at %s: swift build -c release first" % BINARY)
    print("binary: %s; load average before: %s\n" % (BINARY, " ".join("%.1f" % x for x in os.getloadavg())))
    print("| row | input | exit (expected) | wall s | user+sys s | peak MB | verdict |")
    print("|---|---|---|---|---|---|---|")
    failed = 0
    for row, name, setup, expect, check in CASES:
        outer = tempfile.mkdtemp(prefix="hostile-")
        repo = os.path.join(outer, "repo")
        shutil.copytree(CLEAN, repo, symlinks=True)
        subprocess.run(["git", "init", "-q", repo], check=True)
        try:
            result = measure(setup(repo), repo)
            problems = []
            if result["status"] != expect:
                problems.append("exit %s" % result["status"])
            # CPU time, not wall time: on a shared machine the wall clock measures the other jobs.
            if result["cpu"] >= SECONDS_LIMIT or result["megabytes"] >= MEGABYTES_LIMIT:
                problems.append("over 10 s of CPU or 2 GB")
            if check and check(repo, result["output"]):
                problems.append(check(repo, result["output"]))
            failed += bool(problems)
            print("| %d | %s | %s (%d) | %.2f | %.2f | %.0f | %s |" % (
                row, name.replace("|", "\\|"), result["status"], expect, result["wall"], result["cpu"],
                result["megabytes"], "; ".join(problems) or "ok"))
        finally:
            shutil.rmtree(outer)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
