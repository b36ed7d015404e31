#!/usr/bin/env python3
"""Synthetic repository for schemalint benchmarks (SPEC §10): N tables, N/5 migrations, N/10 Gist files.

Usage: generate.py N OUT_FOLDER

Tables are spread over schema files of 50 tables each, with a foreign key to an earlier table, an index, an
enum-typed status and timestamps. Each migration creates 5 tables. drizzle-kit snapshots hold the whole schema at
every step, which grows quadratically; to keep the benchmark about schemalint and not about disk, only the last
three snapshots carry tables (the id/prevId chain is complete). Every tenth table has a deliberate defect so
rules find something.
"""
import json
import os
import sys
import uuid

def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(f"{out}/src/db/schema", exist_ok=True)
    os.makedirs(f"{out}/drizzle/meta", exist_ok=True)
    os.makedirs(f"{out}/gists/schemas", exist_ok=True)
    with open(f"{out}/drizzle.config.ts", "w") as f:
        f.write("import { defineConfig } from 'drizzle-kit';\n\nexport default defineConfig({\n"
                "  dialect: 'postgresql',\n  schema: './src/db/schema/*.ts',\n  out: './drizzle',\n});\n")

    def table_ts(i):
        ref = f"  parentId: uuid('parent_id').notNull().references(() => t{i - 1}.id),\n" if i % 50 else ""
        index = f"(t) => [index('t{i}_parent_idx').on(t.parentId)]" if i % 50 and i % 10 else "(t) => []"
        timestamp = "timestamp('created_at')" if i % 10 == 0 else "timestamp('created_at', { withTimezone: true })"
        return (f"export const t{i} = pgTable(\n  'table_{i}',\n  {{\n"
                f"    id: uuid('id').defaultRandom().primaryKey(),\n  {ref}"
                f"    name: text('name').notNull(),\n"
                f"    status: status('status').notNull().default('active'),\n"
                f"    priceCents: integer('price_cents').notNull().default(0),\n"
                f"    createdAt: {timestamp}.defaultNow().notNull(),\n  }},\n  {index},\n);\n\n")

    for start in range(0, n, 50):
        with open(f"{out}/src/db/schema/tables_{start // 50:04d}.ts", "w") as f:
            f.write("import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';\n")
            if start:
                f.write(f"import {{ t{start - 1} }} from './tables_{start // 50 - 1:04d}';\n")
            f.write(f"\nexport const status = pgEnum('status_{start // 50}', ['active', 'archived']);\n\n")
            for i in range(start, min(n, start + 50)):
                f.write(table_ts(i))

    def table_sql(i):
        parent = '\t"parent_id" uuid NOT NULL,\n' if i % 50 else ""
        stamp = "timestamp" if i % 10 == 0 else "timestamp with time zone"
        sql = (f'CREATE TABLE "table_{i}" (\n\t"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,\n{parent}'
               f'\t"name" text NOT NULL,\n\t"status" "status_{i // 50}" DEFAULT \'active\' NOT NULL,\n'
               f'\t"price_cents" integer DEFAULT 0 NOT NULL,\n\t"created_at" {stamp} DEFAULT now() NOT NULL\n);\n')
        if i % 50:
            sql += ("--> statement-breakpoint\n"
                    f'ALTER TABLE "table_{i}" ADD CONSTRAINT "table_{i}_parent_id_table_{i - 1}_id_fk" FOREIGN KEY ("parent_id") '
                    f'REFERENCES "public"."table_{i - 1}"("id") ON DELETE no action ON UPDATE no action;\n')
            if i % 10:
                sql += f'--> statement-breakpoint\nCREATE INDEX "t{i}_parent_idx" ON "table_{i}" USING btree ("parent_id");\n'
        return sql

    def table_snapshot(i):
        columns = {"id": {"name": "id", "type": "uuid", "primaryKey": True, "notNull": True, "default": "gen_random_uuid()"}}
        if i % 50:
            columns["parent_id"] = {"name": "parent_id", "type": "uuid", "primaryKey": False, "notNull": True}
        columns["name"] = {"name": "name", "type": "text", "primaryKey": False, "notNull": True}
        columns["status"] = {"name": "status", "type": f"status_{i // 50}", "typeSchema": "public", "primaryKey": False, "notNull": True, "default": "'active'"}
        columns["price_cents"] = {"name": "price_cents", "type": "integer", "primaryKey": False, "notNull": True, "default": 0}
        columns["created_at"] = {"name": "created_at", "type": "timestamp" if i % 10 == 0 else "timestamp with time zone", "primaryKey": False, "notNull": True, "default": "now()"}
        indexes, fks = {}, {}
        if i % 50 and i % 10:
            indexes[f"t{i}_parent_idx"] = {"name": f"t{i}_parent_idx", "columns": [{"expression": "parent_id", "isExpression": False, "asc": True, "nulls": "last"}],
                                           "isUnique": False, "concurrently": False, "method": "btree", "with": {}}
        if i % 50:
            name = f"table_{i}_parent_id_table_{i - 1}_id_fk"
            fks[name] = {"name": name, "tableFrom": f"table_{i}", "tableTo": f"table_{i - 1}", "columnsFrom": ["parent_id"], "columnsTo": ["id"], "onDelete": "no action", "onUpdate": "no action"}
        return {"name": f"table_{i}", "schema": "", "columns": columns, "indexes": indexes, "foreignKeys": fks,
                "compositePrimaryKeys": {}, "uniqueConstraints": {}, "policies": {}, "checkConstraints": {}, "isRLSEnabled": False}

    migrations = max(1, n // 5)
    entries = []
    previous = "00000000-0000-0000-0000-000000000000"
    for m in range(migrations):
        tag = f"{m:04d}_step_{m}"
        tables = range(m * 5, min(n, m * 5 + 5)) if m < migrations - 1 else range(m * 5, n)
        with open(f"{out}/drizzle/{tag}.sql", "w") as f:
            parts = []
            if m % 10 == 0 and m // 10 < (n + 49) // 50 and m * 5 % 50 == 0:
                parts.append(f"CREATE TYPE \"public\".\"status_{m * 5 // 50}\" AS ENUM('active', 'archived');\n")
            parts += [table_sql(i) for i in tables]
            f.write("--> statement-breakpoint\n".join(parts))
        entries.append({"idx": m, "version": "7", "when": 1700000000000 + m * 60000, "tag": tag, "breakpoints": True})
        snapshot_id = str(uuid.UUID(int=m + 1))
        full = m >= migrations - 3
        upto = min(n, m * 5 + 5) if m < migrations - 1 else n
        snapshot = {"id": snapshot_id, "prevId": previous, "version": "7", "dialect": "postgresql",
                    "tables": {f"public.table_{i}": table_snapshot(i) for i in range(upto)} if full else {},
                    "enums": {f"public.status_{k}": {"name": f"status_{k}", "schema": "public", "values": ["active", "archived"]}
                              for k in range((upto + 49) // 50)} if full else {},
                    "schemas": {}, "sequences": {}, "roles": {}, "policies": {}, "views": {},
                    "_meta": {"columns": {}, "schemas": {}, "tables": {}}}
        with open(f"{out}/drizzle/meta/{m:04d}_snapshot.json", "w") as f:
            json.dump(snapshot, f, indent=2)
        previous = snapshot_id
    with open(f"{out}/drizzle/meta/_journal.json", "w") as f:
        json.dump({"version": "7", "dialect": "postgresql", "entries": entries}, f, indent=2)

    for g in range(max(1, n // 10)):
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                  "required": ["version", "lastUpdated", "updatedBy", "flags"],
                  "properties": {"$schema": {"type": "string"}, "version": {"type": "string"}, "lastUpdated": {"type": "string", "format": "date-time"},
                                 "updatedBy": {"type": "string"},
                                 "flags": {"type": "object", "additionalProperties": {"type": "object", "required": ["enabled"],
                                           "properties": {"enabled": {"type": "boolean"}, "rollout": {"type": "integer", "minimum": 0, "maximum": 100}}}}}}
        data = {"$schema": f"./schemas/flags-{g}.schema.json", "version": str(g), "lastUpdated": "2026-11-24T00:00:00Z", "updatedBy": "bench",
                "flags": {f"flag{k}": {"enabled": k % 2 == 0, "rollout": (k * 7) % (101 if g % 10 else 150)} for k in range(40)}}
        with open(f"{out}/gists/schemas/flags-{g}.schema.json", "w") as f:
            json.dump(schema, f, indent=2)
        with open(f"{out}/gists/flags-{g}.json", "w") as f:
            json.dump(data, f, indent=2)
    with open(f"{out}/.schemalint.yml", "w") as f:
        f.write('gists:\n  data: ["gists/**/*.json"]\n  schemas: ["gists/schemas/**/*.schema.json"]\n')

if __name__ == "__main__":
    main()
