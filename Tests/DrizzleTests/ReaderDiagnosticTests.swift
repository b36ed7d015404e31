import Catalog
import Drizzle
import Testing

/// What cannot be read becomes a located diagnostic; the rest of the file is still read.
struct ReaderDiagnosticTests {
    @Test func unevaluableValuesAreLocated() throws {
        let source = """
            import { pgTable, text, pgEnum } from "drizzle-orm/pg-core";
            import { makeColumn, VALUES, DEFAULT } from "some-package";
            export const kinds = pgEnum("kinds", VALUES);
            export const t = pgTable("t", {
              ok: text("ok"),
              odd: makeColumn("odd"),
              def: text("def").default(DEFAULT),
            });
            """
        let result = readSchema(["schema.ts": source])
        let table = try #require(result.table("t"))
        // The unreadable column is kept (not a dropped column), its every part unreadable; the default too.
        #expect(table.columns.map(\.name) == ["ok", "odd", "def"])
        #expect(table[column: "odd"]?.unreadable == Set(Column.Part.allCases))
        #expect(table[column: "def"]?.unreadable == [.default])
        #expect(table[column: "ok"]?.unreadable == [])
        #expect(table.unreadableElements == [.column])
        #expect(result.model.enums.first?.areValuesUnreadable == true)
        #expect(result.diagnostics.count == 3)
        let bytes = Array(source.utf8)
        let texts = result.diagnostics.map { String(decoding: bytes[$0.location.range], as: UTF8.self) }
        #expect(texts == ["VALUES", "odd: makeColumn(\"odd\")", "DEFAULT"])
        #expect(result.diagnostics.allSatisfy { $0.kind == .unevaluable })
    }

    @Test func syntaxErrorsAreReportedAndTheRestIsRead() throws {
        let result = readSchema(["schema.ts": """
            import { pgTable, text } from "drizzle-orm/pg-core";
            export const a = pgTable("a", { id: text("id") });
            export const broken = ((( ;
            export const b = pgTable("b", { id: text("id") });
            """])
        #expect(result.diagnostics.contains { $0.kind == .syntax })
        #expect(result.model.tables.map(\.name).contains("a"))
    }

    @Test(arguments: ["", "pgTable(", "export const x = pgTable('x', { a: text().references(", "}}}}", "\u{FFFD}\u{0}",
                      "export const t = pgTable('t', (t) => t, (t) => t)", "export const r = relations(1, 2)"])
    func garbageNeverCrashes(_ source: String) {
        let result = readSchema(["schema.ts": "import { pgTable, text } from 'drizzle-orm/pg-core';\n" + source])
        #expect(result.model.tables.allSatisfy { !$0.name.isEmpty })
    }

    @Test func highFrequencyMarker() throws {
        let result = readSingle("""
            // schemalint: high-frequency
            export const events = pgTable("events", { id: serial("id").primaryKey() });

            // just a comment
            export const users = pgTable("users", { id: serial("id").primaryKey() });
            """)
        #expect(result.table("events")?.isHighFrequency == true)
        #expect(result.table("users")?.isHighFrequency == false)
        #expect(result.table("events")?.variableName == "events")
    }
}

struct CycleTests {
    @Test func reExportCyclesAndSelfReferencesEnd() {
        let result = readSchema([
            "a.ts": """
                import { pgTable, text } from "drizzle-orm/pg-core";
                export { x } from "./b";
                export * from "./b";
                const loop = (): any => loop();
                const self: any = self;
                export const t = pgTable("t", { a: loop(), b: self, c: text("c").array(1e300) });
                """,
            "b.ts": """
                export { x } from "./a";
                export * from "./a";
                """,
        ], entries: ["a.ts"])
        #expect(result.table("t")?.columns.filter(\.unreadable.isEmpty).map(\.name) == ["c"])
    }
}

struct LocationTests {
    @Test func elementsPointAtTheirText() throws {
        let source = """
            import { pgTable, text, integer, index } from "drizzle-orm/pg-core";
            export const users = pgTable("users", {
              id: integer("id").primaryKey(),
              name: text("name"),
            }, (t) => [index("users_name_idx").on(t.name)]);
            """
        let result = readSchema(["schema.ts": source])
        let bytes = Array(source.utf8)
        func text(_ location: Catalog.SourceLocation?) -> String {
            guard let location else { return "" }
            return String(decoding: bytes[location.range], as: UTF8.self)
        }
        let table = try #require(result.table("users"))
        #expect(text(table.nameLocation) == "\"users\"")
        #expect(text(table.location).hasPrefix("pgTable(\"users\""))
        #expect(text(table[column: "name"]?.location) == "name: text(\"name\")")
        #expect(text(table[column: "id"]?.typeLocation) == "integer(\"id\")")
        #expect(text(table.indexes.first?.location) == "index(\"users_name_idx\").on(t.name)")
    }
}
