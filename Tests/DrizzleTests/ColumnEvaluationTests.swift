import Catalog
import Drizzle
import Testing

/// Column builders and their chains, checked against what drizzle-kit 0.x writes into snapshots.
struct ColumnEvaluationTests {
    @Test func typesAsDrizzleKitWritesThem() throws {
        let result = readSingle("""
            export const t = pgTable("t", {
              a: varchar("a", { length: 255 }),
              b: varchar("b"),
              c: numeric("c", { precision: 10, scale: 2 }),
              d: numeric("d", { precision: 10 }),
              e: timestamp("e", { withTimezone: true }),
              f: timestamp("f", { precision: 3, mode: "date" }),
              g: timestamp("g", { precision: 3, mode: "string", withTimezone: true }),
              h: doublePrecision("h"),
              i: integer("i").array(),
              j: text("j").array().array(),
              k: bigint("k", { mode: "number" }),
              l: char("l", { length: 2 }),
              m: time("m", { withTimezone: true, precision: 6 }),
              n: interval("n", { fields: "day" }),
              o: vector("o", { dimensions: 1536 }),
            });
            """)
        let table = try #require(result.table("t"))
        let types = table.columns.map(\.type)
        #expect(types == ["varchar(255)", "varchar", "numeric(10, 2)", "numeric(10)", "timestamp with time zone",
                          "timestamp (3)", "timestamp(3) with time zone", "double precision", "integer[]", "text[][]",
                          "bigint", "char(2)", "time(6) with time zone", "interval day", "vector(1536)"])
        #expect(result.diagnostics.isEmpty)
        #expect(table[column: "i"]?.isArray == true)
    }

    @Test func flagsAndDefaults() throws {
        let result = readSingle("""
            export const status = pgEnum("status", ["a", "b"]);
            export const t = pgTable("t", {
              id: uuid("id").defaultRandom().primaryKey(),
              seq: serial("seq"),
              big: bigserial("big", { mode: "bigint" }),
              createdAt: timestamp("created_at").defaultNow().notNull(),
              currency: text("currency").default("usd"),
              quote: text("quote").default("it's"),
              active: boolean("active").default(false),
              count: integer("count").default(0),
              ratio: real("ratio").default(1.5),
              meta: jsonb("meta").default({}),
              list: jsonb("list").default([]),
              tags: text("tags").array().default([]),
              nums: integer("nums").array().default([1, 2]),
              raw: text("raw").default(sql`'x'::text`),
              state: status("state").default("a"),
              later: text("later").$defaultFn(() => "x"),
              touched: timestamp("touched").$onUpdate(() => new Date()),
            });
            """)
        let table = try #require(result.table("t"))
        #expect(result.diagnostics.isEmpty)
        #expect(table[column: "id"]?.primaryKey == true)
        #expect(table[column: "id"]?.notNull == true)
        #expect(table[column: "id"]?.default == .sql("gen_random_uuid()"))
        #expect(table[column: "seq"]?.notNull == true)
        #expect(table[column: "big"]?.notNull == false, "bigserial in bigint mode is not implicitly NOT NULL")
        #expect(table[column: "created_at"]?.default == .sql("now()"))
        #expect(table[column: "currency"]?.default == .sql("'usd'"))
        #expect(table[column: "quote"]?.default == .sql("'it''s'"))
        #expect(table[column: "active"]?.default == ColumnDefault(.boolean, "false"))
        #expect(table[column: "count"]?.default == ColumnDefault(.number, "0"))
        #expect(table[column: "ratio"]?.default == ColumnDefault(.number, "1.5"))
        #expect(table[column: "meta"]?.default == .sql("'{}'::jsonb"))
        #expect(table[column: "list"]?.default == .sql("'[]'::jsonb"))
        #expect(table[column: "tags"]?.default == .sql("'{}'"))
        #expect(table[column: "nums"]?.default == .sql("'{1,2}'"))
        #expect(table[column: "raw"]?.default == .sql("'x'::text"))
        #expect(table[column: "state"]?.type == "status")
        #expect(table[column: "state"]?.typeSchema == "public")
        #expect(table[column: "state"]?.enumName == "status")
        #expect(table[column: "state"]?.default == .sql("'a'"))
        #expect(table[column: "later"]?.default == nil)
        #expect(table[column: "later"]?.hasRuntimeDefault == true)
        #expect(table[column: "touched"]?.hasOnUpdate == true)
        #expect(result.model.enums.map(\.values) == [["a", "b"]])
    }

    @Test func identityAndGeneratedColumns() throws {
        let result = readSingle("""
            export const t = pgTable("t", {
              id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
              n: smallint("n").generatedByDefaultAsIdentity({ startWith: 10, increment: 5 }),
              name: text("name"),
              upper: text("upper").generatedAlwaysAs(sql`upper(name)`),
            });
            """)
        let table = try #require(result.table("t"))
        let identity = try #require(table[column: "id"]?.identity)
        #expect(identity == Identity(type: "always", name: "t_id_seq", schema: "public",
                                     options: SequenceOptions(increment: "1", startWith: "1", minValue: "1",
                                                              maxValue: "2147483647", cache: "1", cycle: false)))
        #expect(table[column: "n"]?.identity?.options.maxValue == "32767")
        #expect(table[column: "n"]?.identity?.options.startWith == "10")
        #expect(table[column: "n"]?.notNull == true)
        #expect(table[column: "upper"]?.generated?.expression == "upper(name)")
    }

    @Test func columnsNamedByKeyWithCasing() throws {
        let body = """
            export const users = pgTable("users", { id: integer().primaryKey() });
            export const posts = pgTable("posts", {
              postId: integer().primaryKey(),
              authorId: integer().references(() => users.id).unique(),
              HTMLTitle: text(),
              address1: text(),
            });
            """
        let plain = try #require(readSingle(body).table("posts"))
        #expect(plain.columns.map(\.name) == ["postId", "authorId", "HTMLTitle", "address1"])
        let snake = try #require(readSingle(body, options: SchemaReadOptions(casing: .snakeCase)).table("posts"))
        #expect(snake.columns.map(\.name) == ["post_id", "author_id", "html_title", "address1"])
        #expect(snake.columns.map(\.key) == ["postId", "authorId", "HTMLTitle", "address1"])
        // drizzle-kit names the FK from the uncased names, then replaces them with the cased ones.
        #expect(snake.foreignKeys.map(\.name) == ["posts_author_id_users_id_fk"])
        // A column's `.unique()` keeps the uncased key in its name (drizzle-orm computes it before casing).
        #expect(snake.uniqueConstraints.map(\.name) == ["posts_authorId_unique"])
        #expect(snake.uniqueConstraints.map(\.columns) == [["author_id"]])
    }

    @Test func casingSplitsWordsLikeDrizzle() {
        #expect(Casing.snakeCase.convert("userID") == "user_id")
        #expect(Casing.snakeCase.convert("HTMLParser") == "html_parser")
        #expect(Casing.snakeCase.convert("already_snake") == "already_snake")
        #expect(Casing.camelCase.convert("created_at") == "createdAt")
        #expect(Casing.camelCase.convert("XMLHttpRequest") == "xmlHttpRequest")
    }

    @Test func customTypesAndHelpers() throws {
        let result = readSingle("""
            const bytea = customType<{ data: Buffer }>({ dataType() { return "bytea"; } });
            const money = customType<{ data: number; config: { precision?: number; scale?: number } }>({
              dataType: (config) => config?.precision && config?.scale ? `numeric(${config.precision}, ${config.scale})` : "numeric",
            });
            const id = (name: string) => uuid(name).primaryKey().defaultRandom();
            function createdAt() {
              return timestamp("created_at", { withTimezone: true }).defaultNow().notNull();
            }
            const timestamps = { createdAt: createdAt(), updatedAt: timestamp("updated_at") };
            export const files = pgTable("files", {
              id: id("id"),
              body: bytea("body"),
              price: money("price", { precision: 12, scale: 2 }),
              plain: money("plain"),
              ...timestamps,
            });
            """)
        let table = try #require(result.table("files"))
        #expect(result.diagnostics.isEmpty)
        #expect(table.columns.map(\.name) == ["id", "body", "price", "plain", "created_at", "updated_at"])
        #expect(table.columns.map(\.type) == ["uuid", "bytea", "numeric(12, 2)", "numeric", "timestamp with time zone",
                                              "timestamp"])
        #expect(table[column: "id"]?.primaryKey == true)
        #expect(table[column: "created_at"]?.notNull == true)
    }
}

struct SequenceEvaluationTests {
    @Test func sequencesAndDescendingIdentities() throws {
        let result = readSchema(["schema.ts": """
            import { pgSequence, pgTable, integer } from "drizzle-orm/pg-core";
            export const counter = pgSequence("counter", { startWith: 100, increment: 2 });
            export const t = pgTable("t", { id: integer("id").generatedAlwaysAsIdentity({ increment: -1 }) });
            """])
        #expect(result.model.sequences.map(\.options) == [
            SequenceOptions(increment: "2", startWith: "100", minValue: "1", maxValue: "9223372036854775807", cache: "1",
                            cycle: false),
        ])
        let identity = try #require(result.table("t")?[column: "id"]?.identity)
        #expect(identity.options.minValue == "-32768")
        #expect(identity.options.maxValue == "-1")
        #expect(identity.options.startWith == "-1")
    }
}

struct ArrayColumnTests {
    @Test func chainBeforeArrayDoesNotReachTheColumn() throws {
        let result = readSingle("""
            export const t = pgTable("t", {
              a: text("a").notNull().default("x").array(),
              b: text("b").array().notNull().default(["x"]),
              c: integer("c").array(3),
            });
            """)
        let table = try #require(result.table("t"))
        #expect(table[column: "a"]?.notNull == false)
        #expect(table[column: "a"]?.default == nil)
        #expect(table[column: "b"]?.notNull == true)
        #expect(table[column: "b"]?.default == .sql("'{\"x\"}'"))
        #expect(table[column: "c"]?.type == "integer[3]")
    }
}
