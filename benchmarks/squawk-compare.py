#!/usr/bin/env python3
"""Squawk's verdicts next to schemalint's on the SQL of the migration catalog's examples (not a unit test: squawk
may be absent).

    python3 benchmarks/squawk-compare.py [--squawk PATH] [--schemalint PATH]

Each example of rules/migration/*.yml is written to a temporary folder (markers removed, its `config` as
.schemalint.yml) and checked by schemalint; squawk (`pip install squawk-cli`) reads the same SQL files except the
example's first migration (which creates the tables: squawk has no notion of a table that existed before), with
`--assume-in-transaction` (drizzle's migrator wraps migrations in a transaction) and the example's
`postgres.version`. Prints one line per example: the rule, valid/invalid, whether the rule fired in schemalint, and
the squawk rules that fired.
"""
import argparse, json, os, pathlib, subprocess, tempfile
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument("--squawk", default="squawk")
parser.add_argument("--schemalint", default=str(root / ".build/debug/schemalint"))
parser.add_argument("--rules", nargs="*", help="rule ids to compare (default: every migration rule with SQL examples)")
args = parser.parse_args()


def squawk_rules(files, version):
    if not files:
        return []
    run = subprocess.run([args.squawk, "--reporter", "json", "--assume-in-transaction", f"--pg-version={version}.0", *files],
                         capture_output=True, text=True)
    try:
        violations = json.loads(run.stdout or "[]")
    except json.JSONDecodeError:
        return ["<squawk: " + (run.stderr.strip().splitlines() or ["no output"])[-1] + ">"]
    return sorted({v.get("rule_name", "?") for v in violations})


for path in sorted((root / "rules/migration").glob("*.yml")):
    entry = yaml.safe_load(path.read_text())
    rule = entry["id"]
    if args.rules and rule not in args.rules:
        continue
    for kind in ("invalid", "valid"):
        for index, example in enumerate(entry.get("examples", {}).get(kind, []), 1):
            sql = sorted(p for p in example["files"] if p.endswith(".sql"))
            if not sql:
                continue
            with tempfile.TemporaryDirectory() as folder:
                for name, text in example["files"].items():
                    target = pathlib.Path(folder, name)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text.replace("⟦", "").replace("⟧", ""))
                config = example.get("config") or ""
                if config:
                    pathlib.Path(folder, ".schemalint.yml").write_text(config)
                version = (yaml.safe_load(config) or {}).get("postgres", {}).get("version", 15) if config else 15
                ours = subprocess.run([args.schemalint, "check", folder, "--format", "json"], capture_output=True, text=True)
                fired = {f["rule"] for f in json.loads(ours.stdout or "{}").get("findings", [])}
                theirs = squawk_rules([str(pathlib.Path(folder, p)) for p in sql[1:]] if len(sql) > 1 else [str(pathlib.Path(folder, sql[0]))], version)
            print(f"{rule}\t{kind} #{index}\t{'fires' if rule in fired else 'silent'}\t{','.join(theirs) or '-'}\t{example.get('description', '')}")
