#!/usr/bin/env python3
"""`schemalint validate` against check-jsonschema on the real-world schemas of a SchemaStore checkout.

    benchmarks/check-jsonschema-compare.py /path/to/schemastore [--schemalint BIN] [--every N] [--limit N] [--show N]

For every schema src/schemas/json/<name>.json that has JSON instances in src/test/<name>/ (SchemaStore: valid)
or src/negative_test/<name>/ (SchemaStore: invalid), both tools run once per schema over all its instances:

    schemalint validate --format json --schema S I...          (formats asserted: its default)
    check-jsonschema -o json --schemafile S I...               (formats asserted: its default)

and the per-instance verdicts (valid / invalid / unusable schema) are compared. Prints the agreement counts, each
disagreement (up to --show), the agreement of each tool with SchemaStore's own expectation, and both tools' total
wall and user+sys CPU time from this one run.

Offline: schemalint never fetches; check-jsonschema runs with HTTP(S)_PROXY pointing at a closed local port, so a
remote `$ref` fails instead of downloading. Schemas are skipped (with the reason printed) when they cannot be judged
offline or by both tools: a `$ref` to an absolute http(s) URL other than the schema's own id (check-jsonschema would
fetch it), a draft-03 `$schema` (schemalint implements drafts 4 to 2020-12). A relative `$ref` to a sibling file is
kept: check-jsonschema gets `--base-uri file://<schema>` so it reads the sibling from disk, as schemalint does.
YAML and TOML instances are left out (schemalint reads JSON). Needs check-jsonschema with its format libraries
(`pip install check-jsonschema 'jsonschema[format-nongpl]'`), else it skips formats schemalint checks.
Fetched schemas are never copied into this repository: the script reads the checkout where it is.

Seen with check-jsonschema 0.39 (SchemaStore master, --every 6: 76 schemas, 410 instances): verdicts agree on 400;
the other 10 are appsettings.json, whose `pattern` `^(?<CSharpMethodName>[a-zA-Z_]\w*)$` is a valid ECMA-262 named
group that check-jsonschema hands to Python's `re` somewhere (re.error "unknown extension ?<C"), crashing the whole
run. Where both tools agree and SchemaStore expects otherwise (function.json: 25 test files), the schema is at fault:
each binding matches two branches of a draft-04 `oneOf` (`blobBinding` and `sqlBinding`), so by the specification
the instances are invalid.
"""
import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

REF_KEYS = ("$ref", "$dynamicRef", "$recursiveRef")


def refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in REF_KEYS and isinstance(value, str):
                found.append(value)
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)
    return found


def skip_reason(schema):
    """Why a schema cannot be compared offline, or None."""
    if not isinstance(schema, dict):
        return "schema is not an object"
    declared = schema.get("$schema", "")
    if isinstance(declared, str) and "draft-03" in declared:
        return "draft-03 schema"
    own = str(schema.get("$id", schema.get("id", ""))).split("#")[0]
    for ref in refs(schema, []):
        target = ref.split("#")[0]
        if re.match(r"https?://", target) and target != own:
            return "remote $ref (check-jsonschema would fetch it)"
    return None


def timed(command, env=None):
    """Runs a command; returns (stdout, stderr, exit code, wall seconds, user+sys seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done.stdout, done.stderr, done.returncode, wall, cpu


def schemalint_verdicts(binary, schema, instances):
    out, err, code, wall, cpu = timed([binary, "validate", "--format", "json", "--schema", schema] + instances)
    verdicts = {path: "unusable" for path in instances}
    detail = {path: err.strip()[:300] for path in instances}
    try:
        for result in json.loads(out)["results"]:
            verdicts[result["path"]] = "valid" if result["valid"] else "invalid"
            detail[result["path"]] = "; ".join(
                f'{e.get("instancePointer", e.get("pointer", ""))}: {e.get("message", "")}' for e in result.get("errors", [])[:3])
    except (ValueError, KeyError, TypeError):
        pass
    return verdicts, detail, wall, cpu


def check_jsonschema_verdicts(binary, schema, instances, offline_env, base_uri):
    command = [binary, "-o", "json", "--schemafile", schema]
    if base_uri:
        command += ["--base-uri", "file://" + os.path.abspath(schema)]
    out, err, code, wall, cpu = timed(command + instances, env=offline_env)
    verdicts = {path: "unusable" for path in instances}
    detail = {path: (err.strip().splitlines() or [""])[0][:300] for path in instances}
    try:
        report = json.loads(out)
    except ValueError:
        return verdicts, detail, wall, cpu
    failed = {}
    for error in report.get("errors", []):
        failed.setdefault(error.get("filename"), []).append(f'{error.get("path")}: {error.get("message")}')
    broken = {e.get("filename") for e in report.get("parse_errors", [])}
    for path in instances:
        if path in broken:
            verdicts[path] = "unusable"
        elif path in failed:
            verdicts[path] = "invalid"
            detail[path] = "; ".join(failed[path][:3])[:300]
        else:
            verdicts[path] = "valid"
            detail[path] = ""
    return verdicts, detail, wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("schemastore")
    parser.add_argument("--schemalint", default=os.environ.get("SCHEMALINT_BIN", ".build/release/schemalint"))
    parser.add_argument("--check-jsonschema", default="check-jsonschema")
    parser.add_argument("--show", type=int, default=100, help="disagreements to print")
    parser.add_argument("--limit", type=int, default=0, help="compare only the first N schemas (0: all)")
    parser.add_argument("--every", type=int, default=1,
                        help="compare every Nth comparable schema in name order (check-jsonschema takes seconds a process)")
    args = parser.parse_args()
    src = os.path.join(args.schemastore, "src")
    schemalint = os.path.abspath(args.schemalint)
    offline_env = dict(os.environ, HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9",
                       http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9", NO_PROXY="", no_proxy="")

    names = sorted(set(os.listdir(os.path.join(src, "test"))) | set(os.listdir(os.path.join(src, "negative_test"))))
    skipped = {}
    pairs = 0
    agree = 0
    both = {}
    disagreements = []
    both_unlike_store = []
    expectation = {"schemalint": [0, 0], "check-jsonschema": [0, 0]}
    totals = {"schemalint": [0.0, 0.0], "check-jsonschema": [0.0, 0.0]}
    compared = 0
    eligible = 0
    os.chdir(src)
    for name in names:
        schema_path = f"schemas/json/{name}.json"
        if not os.path.exists(schema_path):
            continue
        expected = {}
        for folder, verdict in (("test", "valid"), ("negative_test", "invalid")):
            folder_path = os.path.join(folder, name)
            if os.path.isdir(folder_path):
                for file in sorted(os.listdir(folder_path)):
                    if file.endswith(".json"):
                        expected[os.path.join(folder_path, file)] = verdict
        if not expected:
            continue
        try:
            with open(schema_path, encoding="utf-8") as handle:
                schema = json.load(handle)
        except ValueError:
            skipped[name] = "schema is not JSON"
            continue
        reason = skip_reason(schema)
        if reason:
            skipped[name] = reason
            continue
        eligible += 1
        if (eligible - 1) % args.every:
            continue
        if args.limit and compared >= args.limit:
            continue
        compared += 1
        instances = sorted(expected)
        has_relative = any(not r.startswith("#") for r in refs(schema, []))
        ours, our_detail, wall, cpu = schemalint_verdicts(schemalint, schema_path, instances)
        totals["schemalint"][0] += wall
        totals["schemalint"][1] += cpu
        theirs, their_detail, wall, cpu = check_jsonschema_verdicts(
            args.check_jsonschema, schema_path, instances, offline_env, has_relative)
        totals["check-jsonschema"][0] += wall
        totals["check-jsonschema"][1] += cpu
        for path in instances:
            pairs += 1
            key = (ours[path], theirs[path])
            both[key] = both.get(key, 0) + 1
            if ours[path] == theirs[path]:
                agree += 1
                if ours[path] != expected[path]:
                    both_unlike_store.append(path)
            else:
                disagreements.append((path, ours[path], theirs[path], our_detail[path], their_detail[path]))
            for tool, verdict in (("schemalint", ours[path]), ("check-jsonschema", theirs[path])):
                expectation[tool][0 if verdict == expected[path] else 1] += 1

    print(f"schemas compared: {compared} of {eligible} comparable (every {args.every}); skipped: {len(skipped)}")
    reasons = {}
    for reason in skipped.values():
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in sorted(reasons.items()):
        print(f"  skipped, {reason}: {count}")
    print(f"(schema, instance) pairs: {pairs}; verdicts agree: {agree}; disagree: {pairs - agree}")
    for (ours, theirs), count in sorted(both.items()):
        print(f"  schemalint {ours:8} / check-jsonschema {theirs:8}: {count}")
    for tool, (right, wrong) in expectation.items():
        print(f"{tool} matches SchemaStore's expectation (test/ valid, negative_test/ invalid): {right}/{right + wrong}")
    for tool, (wall, cpu) in totals.items():
        print(f"{tool}: {wall:.2f} s wall, {cpu:.2f} s user+sys over {compared} processes")
    print(f"both tools agree, unlike SchemaStore's expectation: {len(both_unlike_store)}"
          + (f" (e.g. {', '.join(both_unlike_store[:3])})" if both_unlike_store else ""))
    for path, ours, theirs, our_detail, their_detail in disagreements[: args.show]:
        print(f"\n{path}: schemalint {ours}, check-jsonschema {theirs}")
        if our_detail:
            print(f"  schemalint: {our_detail}")
        if their_detail:
            print(f"  check-jsonschema: {their_detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
