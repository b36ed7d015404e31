import Catalog
import Drizzle
import DrizzleKit
import Testing

/// Values real schemas write that the reader must follow, and what it must admit it cannot: an unreadable
/// element is reported once, at its expression, and never compared with a snapshot.
struct ReadingRealSchemaTests {
    @Test func generatedColumnsNamingTheirOwnTable() throws {
        let result = readSingle("""
            export const people = pgTable("people", {
              first: text("first"),
              last: text("last"),
              full: text("full").generatedAlwaysAs((): SQL => sql`${people.first} || ' ' || ${people.last}`),
              search: text("search").generatedAlwaysAs(() => sql`lower(${people.first})`),
            });
            """)
        let table = try #require(result.table("people"))
        #expect(result.diagnostics.isEmpty)
        #expect(table[column: "full"]?.generated?.expression == #""people"."first" || ' ' || "people"."last""#)
        #expect(table[column: "search"]?.generated?.expression == #"lower("people"."first")"#)
    }

    @Test func integersBeyondDoublesKeepTheirDigits() throws {
        let result = readSingle("""
            export const t = pgTable("t", {
              a: bigint("a", { mode: "bigint" }).generatedAlwaysAsIdentity({ minValue: 1, maxValue: 9223372036854775807 }),
              b: bigint("b", { mode: "bigint" }).default(BigInt("9007199254740993")),
              c: bigint("c", { mode: "bigint" }).default(9007199254740995n),
              d: real("d").default(1e21),
              e: real("e").default(0.000001),
              f: real("f").default(1e-7),
              g: jsonb("g").default(null),
            });
            export const s = pgSequence("s", { startWith: 100, maxValue: BigInt("9223372036854775806") });
            """)
        let table = try #require(result.table("t"))
        #expect(result.diagnostics.isEmpty)
        #expect(table[column: "a"]?.identity?.options.maxValue == "9223372036854775807")
        #expect(table[column: "b"]?.default?.text == "9007199254740993")
        #expect(table[column: "c"]?.default?.text == "9007199254740995")
        #expect(table[column: "d"]?.default?.text == "1e+21")
        #expect(table[column: "e"]?.default?.text == "0.000001")
        #expect(table[column: "f"]?.default?.text == "1e-7")
        #expect(table[column: "g"]?.default?.text == "'null'::jsonb")
        #expect(result.model.sequences.first?.options.maxValue == "9223372036854775806")
    }

    @Test func constantsTurnedIntoText() throws {
        let result = readSchema([
            "schema.ts": """
                import { pgTable, text, integer, vector, customType } from "drizzle-orm/pg-core";
                import { DIMENSIONS, LIMIT } from "./constants";
                const embedding = customType<{ data: number[]; config: { dimensions: number } }>({
                  dataType(config) { return `vector(${config?.dimensions ?? 3})`; },
                });
                export const t = pgTable("t", {
                  a: text("a").default(LIMIT.toString()),
                  b: text("b").default(String(LIMIT)),
                  c: text("c").default(`${LIMIT}`),
                  d: vector("d", { dimensions: DIMENSIONS }),
                  e: embedding("e", { dimensions: DIMENSIONS }),
                  f: embedding("f"),
                });
                """,
            "constants.ts": "export const DIMENSIONS = 1536;\nexport const LIMIT = 20;\n",
        ], entries: ["schema.ts"])
        let table = try #require(result.table("t"))
        #expect(result.diagnostics.isEmpty)
        #expect(table.columns.map { $0.default?.text ?? $0.type } == ["'20'", "'20'", "'20'", "vector(1536)",
                                                                       "vector(1536)", "vector(3)"])
    }

    @Test func valuesBuiltWithCommonLibraryCalls() throws {
        let result = readSchema(["schema.ts": """
            import { pgTable, pgEnum, text, integer, varchar } from "drizzle-orm/pg-core";
            import { z } from "zod";
            export const RoleSchema = z.enum(["owner", "member"]);
            export const role = pgEnum("role", RoleSchema.options);
            const PREFIX = " app-core ";
            const LIMITS = { name: parseInt("120", 10), score: Math.max(2, Math.floor(4.5)) } as const;
            const counters = Object.fromEntries(["views", "likes"].map((key) => [key, integer(key).default(0)]));
            export const t = pgTable(PREFIX.trim().replace("-", "_") + "_stats", Object.assign({}, counters, {
              kind: role("kind").default(RoleSchema.enum.member),
              tags: text("tags").default(["a", "b"].join("|")),
              title: varchar("title", { length: LIMITS.name }).default(String(LIMITS.score)),
            }));
            """])
        let table = try #require(result.model.tables.first)
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.enums.first?.values == ["owner", "member"])
        #expect(table.name == "app_core_stats")
        #expect(table.columns.map(\.name) == ["views", "likes", "kind", "tags", "title"])
        #expect(table.columns.map { $0.default?.text } == ["0", "0", "'member'", "'a|b'", "'4'"])
        #expect(table[column: "title"]?.type == "varchar(120)")
    }

    @Test func aDefaultExportedTableIsPartOfTheSchema() {
        let result = readSchema([
            "schema.ts": """
                import { pgTable, text } from "drizzle-orm/pg-core";
                export * from "./more";
                export default pgTable("notes", { id: text("id").primaryKey() });
                """,
            "more.ts": """
                import { pgTable, text } from "drizzle-orm/pg-core";
                export default pgTable("hidden", { id: text("id").primaryKey() });
                export const tags = pgTable("tags", { id: text("id").primaryKey() });
                """,
        ], entries: ["schema.ts"])
        #expect(result.model.tables.map(\.name) == ["notes", "tags"])
    }

    @Test func checksJoiningAListOfValues() throws {
        let result = readSingle("""
            const STATUSES = ["open", "closed"] as const;
            export const t = pgTable("t", { status: text("status") }, (t) => [
              check("status_known", sql`${t.status} in (${sql.join(STATUSES.map((s) => sql`${s}`), sql`, `)})`),
              check("status_raw", sql`${t.status} <> ${sql.raw(`'${STATUSES[0]}'`)}`),
            ]);
            """)
        let table = try #require(result.table("t"))
        #expect(result.diagnostics.isEmpty)
        #expect(table.checkConstraints.map(\.value) == [#""t"."status" in ($1, $2)"#, #""t"."status" <> 'open'"#])
    }

    @Test func helpersThatWrapColumns() throws {
        let result = readSingle("""
            const required = <T extends { notNull(): unknown }>(column: T) => column.notNull();
            function caseless(name: string) {
              const column = customType<{ data: string }>({ dataType() { return "citext"; } });
              return column(name);
            }
            const timestamps = { createdAt: timestamp("created_at").defaultNow().notNull() };
            export const t = pgTable("t", {
              email: required(caseless("email")),
              ...timestamps,
            });
            """)
        let table = try #require(result.table("t"))
        #expect(result.diagnostics.isEmpty)
        #expect(table[column: "email"]?.type == "citext")
        #expect(table[column: "email"]?.notNull == true)
        #expect(table[column: "created_at"]?.default?.text == "now()")
    }

    @Test func codeThatNeverReachesATableIsNotReported() {
        let result = readSchema([
            "schema.ts": """
                import { pgTable, text } from "drizzle-orm/pg-core";
                import { z } from "zod";
                import { createInsertSchema } from "drizzle-zod";
                import { base } from "@acme/validators";
                import { relations } from "drizzle-orm";
                import { mysqlTable, varchar } from "drizzle-orm/mysql-core";
                export const users = pgTable("users", { id: text("id").primaryKey() });
                export const legacyUsers = mysqlTable("users", { id: varchar("id", { length: 64 }).primaryKey() });
                export const legacyRelations = relations(legacyUsers, ({ many }) => ({ posts: many(legacyUsers) }));
                export const userInput = z.object({ ...base.shape, name: z.string() });
                export const insertUser = createInsertSchema(users);
                const helper = { ...base, extra: 1 };
                """,
        ], entries: ["schema.ts"])
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.tables.map(\.name) == ["users"])
    }
}

struct UnreadableHelperTests {
    /// A table wrapper that patches every column's SQL type in a loop (a collation trick): the tables exist,
    /// their contents are unknown; one warning, at the loop.
    @Test func aHelperTheReaderCannotFollowKeepsTheTableButNotItsContents() throws {
        let source = """
            import { pgTable, text, uuid, getTableColumns } from "drizzle-orm/pg-core";
            const collatedTable: typeof pgTable = (name: any, columns: any, extra?: any) => {
              const table = pgTable(name, columns, extra);
              for (const column of Object.values(getTableColumns(table))) {
                column.getSQLType = () => "text collate \\"C\\"";
              }
              return table;
            };
            function ci<T>(column: T): T {
              (column as any).config.collation = "und-x-icu";
              return column;
            }
            export const tags = collatedTable("tags", { id: uuid("id").primaryKey(), label: text("label") });
            export const users = pgTable("users", { id: uuid("id").primaryKey(), email: ci(text("email")) });
            export const other = collatedTable("other", { id: uuid("id").primaryKey() });
            """
        let result = readSchema(["schema.ts": source])
        let tags = try #require(result.table("tags"))
        let users = try #require(result.table("users"))
        #expect(tags.columns.map(\.name) == ["id", "label"])
        #expect(tags.columns.allSatisfy { $0.unreadable == Column.Part.allExceptName })
        #expect(users[column: "email"]?.unreadable == Column.Part.allExceptName)
        #expect(users[column: "id"]?.unreadable == [])
        let bytes = Array(source.utf8)
        let texts = result.diagnostics.map { String(decoding: bytes[$0.location.range], as: UTF8.self) }
        #expect(texts.count == 2)
        #expect(texts.contains { $0.hasPrefix("for (const column") })
        #expect(texts.contains { $0.hasPrefix("(column as any).config.collation") })
        let snapshot = SchemaModel(tables: [
            Table(name: "tags", columns: [Column(name: "id", type: "uuid", primaryKey: true, notNull: true),
                                          Column(name: "label", type: "text collate \"C\"")]),
            Table(name: "users", columns: [Column(name: "id", type: "uuid", primaryKey: true, notNull: true),
                                           Column(name: "email", type: "text collate \"und-x-icu\"")]),
            Table(name: "other", columns: [Column(name: "id", type: "uuid", primaryKey: true, notNull: true)]),
        ])
        #expect(DrizzleKitDiff.compare(result.model, snapshot).isEmpty)
    }
}

struct UnreadableColumnTests {
    /// Constraints over a column whose SQL name is unknown are not derived from a guessed name.
    @Test func constraintsOverAColumnWithAnUnknownNameAreUnreadable() throws {
        let result = readSchema(["schema.ts": """
            import { pgTable, uuid, unique, primaryKey, foreignKey } from "drizzle-orm/pg-core";
            import { ownerColumn } from "@acme/db-helpers";
            export const owners = pgTable("owners", { id: uuid("id").primaryKey() });
            export const pets = pgTable("pets", { id: uuid("id"), owner: ownerColumn() }, (t) => [
              unique().on(t.owner),
              primaryKey({ columns: [t.id, t.owner] }),
              foreignKey({ columns: [t.owner], foreignColumns: [owners.id] }),
            ]);
            """])
        let pets = try #require(result.table("pets"))
        #expect(pets.uniqueConstraints.isEmpty && pets.compositePrimaryKeys.isEmpty && pets.foreignKeys.isEmpty)
        #expect(pets.unreadableElements.isSuperset(of: [.column, .uniqueConstraint, .primaryKey, .foreignKey]))
        let snapshot = SchemaModel(tables: [
            Table(name: "owners", columns: [Column(name: "id", type: "uuid", primaryKey: true, notNull: true)]),
            Table(name: "pets", columns: [Column(name: "id", type: "uuid"),
                                          Column(name: "owner_id", type: "uuid", notNull: true)],
                  foreignKeys: [ForeignKey(name: "pets_owner_id_owners_id_fk", tableFrom: "pets", columnsFrom: ["owner_id"],
                                           tableTo: "owners", columnsTo: ["id"])],
                  compositePrimaryKeys: [PrimaryKeyConstraint(name: "pets_id_owner_id_pk", columns: ["id", "owner_id"])],
                  uniqueConstraints: [UniqueConstraint(name: "pets_owner_id_unique", columns: ["owner_id"])]),
        ])
        #expect(DrizzleKitDiff.compare(result.model, snapshot).isEmpty)
        // What was read is still compared.
        var changed = snapshot
        changed.tables[1].columns[0].type = "text"
        #expect(DrizzleKitDiff.compare(result.model, changed).map(\.description)
                    == ["column public.pets.id: type is uuid on the left but text on the right"])
    }
}

struct UnreadableDefinitionTests {
    /// `createTable` from a package the reader cannot see may make a table drizzle-kit knows: reported once, and
    /// the snapshot's other tables and enums are not "removed". A zod schema or `createInsertSchema` is not.
    @Test func definitionsByUnknownFunctions() {
        let source = """
            import { pgTable, text } from "drizzle-orm/pg-core";
            import { createTable, createEnum } from "@acme/db-kit";
            import { createInsertSchema } from "drizzle-zod";
            import { z } from "zod";
            export const users = pgTable("users", { id: text("id").primaryKey() });
            export const teams = createTable("teams", { id: text("id").primaryKey() });
            export const plan = createEnum("plan", ["free", "pro"]);
            export const insertUser = createInsertSchema(users);
            export const userInput = z.object({ name: z.string() });
            """
        let result = readSchema(["schema.ts": source])
        let bytes = Array(source.utf8)
        let texts = result.diagnostics.map { String(decoding: bytes[$0.location.range], as: UTF8.self) }
        #expect(texts == [#"createTable("teams", { id: text("id").primaryKey() })"#, #"createEnum("plan", ["free", "pro"])"#])
        #expect(result.model.unreadableElements == [.table, .enum])
        let snapshot = SchemaModel(
            tables: [Table(name: "users", columns: [Column(name: "id", type: "text", primaryKey: true, notNull: true)]),
                     Table(name: "teams", columns: [Column(name: "id", type: "text", primaryKey: true, notNull: true)])],
            enums: [PgEnum(name: "plan", values: ["free", "pro"])])
        #expect(DrizzleKitDiff.compare(result.model, snapshot).isEmpty)
    }
}

struct UnreadableKeyTests {
    /// `{ [KEY]: column }` with an unknown key may add any column: reported, and no snapshot column is "removed".
    @Test func unknownComputedColumnKeys() throws {
        let source = """
            import { pgTable, text } from "drizzle-orm/pg-core";
            import { TENANT_COLUMN } from "@acme/tenancy";
            export const notes = pgTable("notes", { id: text("id").primaryKey(), [TENANT_COLUMN]: text() });
            """
        let result = readSchema(["schema.ts": source])
        let bytes = Array(source.utf8)
        #expect(result.diagnostics.map { String(decoding: bytes[$0.location.range], as: UTF8.self) }
                    == ["[TENANT_COLUMN]: text()"])
        let snapshot = SchemaModel(tables: [Table(name: "notes", columns: [
            Column(name: "id", type: "text", primaryKey: true, notNull: true), Column(name: "tenant_id", type: "text"),
        ])])
        #expect(DrizzleKitDiff.compare(result.model, snapshot).isEmpty)
    }
}

struct UnreadableValueTests {
    static let source = """
        import { pgTable, text, integer, vector, customType, pgEnum } from "drizzle-orm/pg-core";
        import { sql } from "drizzle-orm";
        import { DIMENSIONS, DEFAULT_ROLE, MAX, columns, ROLES, helper } from "@acme/shared";
        const opaque = customType({ dataType: helper });
        export const role = pgEnum("role", ROLES);
        export const t = pgTable("t", {
          id: integer("id").generatedAlwaysAsIdentity({ maxValue: MAX }),
          embedding: vector("embedding", { dimensions: DIMENSIONS }).notNull(),
          kind: text("kind", { enum: ROLES }).default(DEFAULT_ROLE),
          shout: text("shout").generatedAlwaysAs(() => helper(t.kind)),
          blob: opaque("blob"),
          ...columns,
        });
        """

    static func read() -> SchemaReadResult { readSchema(["schema.ts": source]) }

    @Test func eachUnreadableElementIsReportedOnceAtItsExpression() {
        let result = Self.read()
        let bytes = Array(Self.source.utf8)
        let texts = result.diagnostics.map { String(decoding: bytes[$0.location.range], as: UTF8.self) }
        #expect(texts.count == 7)
        #expect(texts.contains("ROLES"))
        #expect(texts.contains("{ maxValue: MAX }"))
        #expect(texts.contains(#"vector("embedding", { dimensions: DIMENSIONS })"#))
        #expect(texts.contains("DEFAULT_ROLE"))
        #expect(texts.contains("() => helper(t.kind)"))
        #expect(texts.contains("customType({ dataType: helper })"))
        #expect(texts.contains("...columns"))
        #expect(result.diagnostics.allSatisfy { $0.kind == .unevaluable })
    }

    @Test func unreadableElementsAreNeverDifferences() throws {
        let result = Self.read()
        let table = try #require(result.table("t"))
        #expect(table[column: "embedding"]?.notNull == true)
        // The snapshot holds what drizzle-kit saw: every value, and a column the spread brought.
        let snapshotTable = Table(name: "t", columns: [
            Column(name: "id", type: "integer", notNull: true,
                   identity: Identity(type: "always", name: "t_id_seq", schema: "public",
                                      options: SequenceOptions(increment: "1", startWith: "1", minValue: "1",
                                                               maxValue: "1000", cache: "1", cycle: false))),
            Column(name: "embedding", type: "vector(768)", notNull: true),
            Column(name: "kind", type: "text", default: .sql("'member'")),
            Column(name: "shout", type: "text", generated: GeneratedColumn(expression: "upper(kind)")),
            Column(name: "blob", type: "bytea"),
            Column(name: "created_at", type: "timestamp"),
        ])
        let snapshot = SchemaModel(tables: [snapshotTable], enums: [PgEnum(name: "role", values: ["a", "b"])])
        #expect(DrizzleKitDiff.compare(result.model, snapshot).isEmpty)
        // What was read is still compared.
        var changed = snapshot
        changed.tables[0].columns[1].notNull = false
        #expect(DrizzleKitDiff.compare(result.model, changed).map(\.name) == ["embedding"])
    }
}
