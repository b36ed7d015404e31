#!/usr/bin/env python3
"""A generated monorepo shaped like the real one issue 10 measured (18,442 tracked files, a 112-table schema in one
file, 299 migrations whose snapshots weigh 86 MB), as a git repository with one staged one-line schema change.

Usage: monorepo.py OUT_FOLDER [--files 20000] [--tables 112] [--migrations 300]

Layout: apps/web and apps/admin hold unrelated TypeScript, TSX and Markdown (most of the tracked files);
packages/db holds drizzle.config.ts, src/schema.ts (every table in one file) and drizzle/ (journal, SQL, a full
drizzle-kit v7 snapshot per migration). The first migrations create one table each; the rest add a column each, so
snapshots grow the way real ones do and the latest snapshot matches the schema (no drift). Commits everything on
`main`, then edits one line of the schema and stages it, as a pre-commit hook would see it.
"""
import argparse
import json
import os
import subprocess
import uuid


def column_sql_type(kind):
    return {"text": "text", "int": "integer", "ts": "timestamp with time zone", "bool": "boolean", "uuid": "uuid"}[kind]


def column_ts(name, kind):
    sql_name = name
    builder = {"text": f"text('{sql_name}')", "int": f"integer('{sql_name}')", "bool": f"boolean('{sql_name}')",
               "ts": f"timestamp('{sql_name}', {{ withTimezone: true }})", "uuid": f"uuid('{sql_name}')"}[kind]
    return builder


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--tables", type=int, default=112)
    parser.add_argument("--migrations", type=int, default=300)
    args = parser.parse_args()
    out = args.out
    db = f"{out}/packages/db"
    os.makedirs(f"{db}/src", exist_ok=True)
    os.makedirs(f"{db}/drizzle/meta", exist_ok=True)

    # The schema's history: table t is created by migration t; later migrations add one column each.
    base_columns = [("id", "uuid"), ("name", "text"), ("status", "text"), ("position", "int"), ("archived", "bool"),
                    ("owner_id", "uuid"), ("description", "text"), ("slug", "text"), ("sort_key", "int"),
                    ("visible", "bool"), ("created_at", "ts"), ("updated_at", "ts")]
    tables = [{"name": f"table_{t}", "columns": list(base_columns), "parent": t - 1 if t else None}
              for t in range(args.tables)]
    added = []  # (migration index, table index, column)
    for m in range(args.tables, args.migrations):
        t = (m * 7) % args.tables
        added.append((m, t, (f"extra_{m}", ["text", "int", "bool", "ts"][m % 4])))

    def columns_at(t, m):
        cols = list(tables[t]["columns"])
        cols += [c for (mm, tt, c) in added if tt == t and mm <= m]
        return cols

    def table_snapshot(t, m):
        name = tables[t]["name"]
        columns = {}
        for (c, kind) in columns_at(t, m):
            col = {"name": c, "type": column_sql_type(kind), "primaryKey": c == "id", "notNull": c in ("id", "name", "created_at")}
            if c == "id":
                col["default"] = "gen_random_uuid()"
            if c == "created_at":
                col["default"] = "now()"
            columns[c] = col
        indexes = {f"{name}_owner_idx": {"name": f"{name}_owner_idx", "columns": [
            {"expression": "owner_id", "isExpression": False, "asc": True, "nulls": "last"}],
            "isUnique": False, "concurrently": False, "method": "btree", "with": {}}}
        fks = {}
        parent = tables[t]["parent"]
        if parent is not None:
            fk = f"{name}_owner_id_table_{parent}_id_fk"
            fks[fk] = {"name": fk, "tableFrom": name, "tableTo": f"table_{parent}", "columnsFrom": ["owner_id"],
                       "columnsTo": ["id"], "onDelete": "cascade", "onUpdate": "no action"}
        return {"name": name, "schema": "", "columns": columns, "indexes": indexes, "foreignKeys": fks,
                "compositePrimaryKeys": {}, "uniqueConstraints": {}, "policies": {}, "checkConstraints": {},
                "isRLSEnabled": False}

    entries = []
    previous = "00000000-0000-0000-0000-000000000000"
    total_snapshot_bytes = 0
    for m in range(args.migrations):
        tag = f"{m:04d}_step_{m}"
        if m < args.tables:
            t = tables[m]
            cols = ",\n".join(
                f'\t"{c}" {column_sql_type(k)}' + (" PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL" if c == "id" else "")
                + (" NOT NULL" if c == "name" else "") + (" DEFAULT now() NOT NULL" if c == "created_at" else "")
                for (c, k) in t["columns"])
            sql = f'CREATE TABLE "{t["name"]}" (\n{cols}\n);\n'
            if t["parent"] is not None:
                sql += (f'--> statement-breakpoint\nALTER TABLE "{t["name"]}" ADD CONSTRAINT "{t["name"]}_owner_id_table_{t["parent"]}_id_fk" '
                        f'FOREIGN KEY ("owner_id") REFERENCES "public"."table_{t["parent"]}"("id") ON DELETE cascade ON UPDATE no action;\n')
            sql += f'--> statement-breakpoint\nCREATE INDEX "{t["name"]}_owner_idx" ON "{t["name"]}" USING btree ("owner_id");\n'
        else:
            (_, t, (c, kind)) = added[m - args.tables]
            sql = f'ALTER TABLE "{tables[t]["name"]}" ADD COLUMN "{c}" {column_sql_type(kind)};\n'
        with open(f"{db}/drizzle/{tag}.sql", "w") as f:
            f.write(sql)
        entries.append({"idx": m, "version": "7", "when": 1700000000000 + m * 60000, "tag": tag, "breakpoints": True})
        snapshot_id = str(uuid.UUID(int=m + 1))
        present = range(min(m + 1, args.tables))
        snapshot = {"id": snapshot_id, "prevId": previous, "version": "7", "dialect": "postgresql",
                    "tables": {f"public.{tables[t]['name']}": table_snapshot(t, m) for t in present},
                    "enums": {}, "schemas": {}, "sequences": {}, "roles": {}, "policies": {}, "views": {},
                    "_meta": {"columns": {}, "schemas": {}, "tables": {}}}
        text = json.dumps(snapshot, indent=2)
        total_snapshot_bytes += len(text)
        with open(f"{db}/drizzle/meta/{m:04d}_snapshot.json", "w") as f:
            f.write(text)
        previous = snapshot_id
    with open(f"{db}/drizzle/meta/_journal.json", "w") as f:
        json.dump({"version": "7", "dialect": "postgresql", "entries": entries}, f, indent=2)

    last = args.migrations - 1
    with open(f"{db}/src/schema.ts", "w") as f:
        f.write("import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';\n\n")
        for t in range(args.tables):
            name = tables[t]["name"]
            f.write(f"export const t{t} = pgTable(\n  '{name}',\n  {{\n")
            for (c, kind) in columns_at(t, last):
                chain = column_ts(c, kind)
                if c == "id":
                    chain += ".defaultRandom().primaryKey()"
                elif c == "name":
                    chain += ".notNull()"
                elif c == "created_at":
                    chain += ".defaultNow().notNull()"
                elif c == "owner_id" and tables[t]["parent"] is not None:
                    chain += f".references(() => t{tables[t]['parent']}.id, {{ onDelete: 'cascade' }})"
                f.write(f"    {c}: {chain},\n")
            f.write(f"  }},\n  (table) => [index('{name}_owner_idx').on(table.owner_id)],\n);\n\n")
    with open(f"{db}/drizzle.config.ts", "w") as f:
        f.write("import { defineConfig } from 'drizzle-kit';\n\nexport default defineConfig({\n"
                "  dialect: 'postgresql',\n  schema: './src/schema.ts',\n  out: './drizzle',\n});\n")
    with open(f"{db}/package.json", "w") as f:
        json.dump({"name": "@bench/db", "private": True, "main": "src/schema.ts"}, f, indent=2)
    with open(f"{out}/package.json", "w") as f:
        json.dump({"name": "bench-monorepo", "private": True, "workspaces": ["apps/*", "packages/*"]}, f, indent=2)

    # The unrelated bulk: components, routes and docs, a few KB each.
    written = 2 * args.migrations + 6
    k = 0
    while written < args.files:
        app = "web" if k % 3 else "admin"
        folder = f"{out}/apps/{app}/src/feature_{k // 200}"
        os.makedirs(folder, exist_ok=True)
        kind = k % 5
        if kind in (0, 1):
            path = f"{folder}/component_{k}.tsx"
            body = (f"import {{ useState }} from 'react';\n\nexport function Component{k}(props: {{ title: string }}) {{\n"
                    f"  const [open, setOpen] = useState(false);\n"
                    + "".join(f"  // line {j}: render the {k}th widget's part {j}\n" for j in range(40))
                    + f"  return <div onClick={{() => setOpen(!open)}}>{{props.title}}</div>;\n}}\n")
        elif kind in (2, 3):
            path = f"{folder}/module_{k}.ts"
            body = (f"export interface Item{k} {{ id: string; label: string; count: number }}\n\n"
                    f"export function build{k}(items: Item{k}[]): Map<string, Item{k}> {{\n"
                    "  const out = new Map();\n  for (const item of items) out.set(item.id, item);\n  return out;\n}\n"
                    + "".join(f"export const constant{k}_{j} = {j * k};\n" for j in range(40)))
        else:
            path = f"{folder}/README_{k}.md"
            body = f"# Feature {k}\n\n" + "".join(f"Paragraph {j} of the notes for feature {k}.\n\n" for j in range(30))
        with open(path, "w") as f:
            f.write(body)
        written += 1
        k += 1

    def git(*argv):
        subprocess.run(["git", "-C", out, *argv], check=True, stdout=subprocess.DEVNULL)

    git("-c", "init.defaultBranch=main", "init", "--quiet")
    git("add", "--all")
    git("-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "commit", "--quiet", "-m", "initial")
    # The staged change: one line of the schema, as the pre-commit hook sees it.
    path = f"{db}/src/schema.ts"
    with open(path) as f:
        text = f.read()
    text = text.replace("    description: text('description'),", "    description: text('description').notNull(),", 1)
    with open(path, "w") as f:
        f.write(text)
    git("add", "packages/db/src/schema.ts")
    print(f"{out}: {written} files, {args.tables} tables, {args.migrations} migrations, "
          f"snapshots {total_snapshot_bytes / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
