import Catalog
import Drizzle
import DrizzleKit
import Testing

struct SnapshotTests {
    static let version5 = """
        {"version":"5","dialect":"pg","id":"a","prevId":"00000000-0000-0000-0000-000000000000",
         "tables":{"users":{"name":"users","schema":"","columns":{
            "id":{"name":"id","type":"serial","primaryKey":true,"notNull":true},
            "email":{"name":"email","type":"text","primaryKey":false,"notNull":true,"isUnique":true,"uniqueName":"users_email_unique","nullsNotDistinct":false}},
          "indexes":{"users_email_idx":{"name":"users_email_idx","columns":["email"],"isUnique":false}},
          "foreignKeys":{},"compositePrimaryKeys":{}}},
         "enums":{"role":{"name":"role","values":{"admin":"admin","member":"member"}}},
         "schemas":{},"_meta":{"schemas":{},"tables":{},"columns":{}}}
        """

    @Test func readsVersion5() throws {
        let snapshot = try SnapshotReader.read(Array(Self.version5.utf8), path: "meta/0000_snapshot.json").get()
        #expect(snapshot.version == "5")
        #expect(snapshot.prevIds == ["00000000-0000-0000-0000-000000000000"])
        let users = try #require(snapshot.model.table(named: "users"))
        #expect(users.columns.map(\.name) == ["id", "email"])
        #expect(users.indexes.first?.columns == [IndexColumn(expression: "email")])
        #expect(users.uniqueConstraints.map(\.name) == ["users_email_unique"])
        #expect(snapshot.model.enums.first?.values == ["admin", "member"])
        #expect(snapshot.model.enums.first?.key == "public.role")
        // Locations point at the entries in the JSON text.
        let text = Array(Self.version5.utf8)
        let entry = String(decoding: text[users.columns[0].location.range], as: UTF8.self)
        #expect(entry.hasPrefix("\"id\":{"))
    }

    @Test func readsVersion8() throws {
        let json = """
            {"version":"8","dialect":"postgres","id":"b","prevIds":["a"],"renames":[],"ddl":[
              {"entityType":"tables","schema":"public","name":"t","isRlsEnabled":false},
              {"entityType":"columns","schema":"public","table":"t","name":"id","type":"text","typeSchema":null,"notNull":true,"dimensions":0,"default":null,"generated":null,"identity":null},
              {"entityType":"columns","schema":"public","table":"t","name":"tags","type":"text","typeSchema":null,"notNull":true,"dimensions":1,"default":"'{}'","generated":null,"identity":null},
              {"entityType":"pks","schema":"public","table":"t","name":"t_pkey","nameExplicit":false,"columns":["id"]},
              {"entityType":"fks","schema":"public","table":"t","name":"t_id_u_id_fkey","nameExplicit":false,"columns":["id"],"schemaTo":"public","tableTo":"u","columnsTo":["id"],"onUpdate":"NO ACTION","onDelete":"CASCADE"},
              {"entityType":"indexes","schema":"public","table":"t","name":"t_tags_index","nameExplicit":false,"columns":[{"value":"tags","isExpression":false,"asc":false,"nullsFirst":true,"opclass":null}],"isUnique":false,"where":null,"with":"","method":"btree","concurrently":false}
            ]}
            """
        let snapshot = try SnapshotReader.read(Array(json.utf8), path: "m/snapshot.json").get()
        #expect(snapshot.isKitOne)
        let table = try #require(snapshot.model.table(named: "t"))
        #expect(table.columns.map(\.type) == ["text", "text[]"])
        #expect(table.columns.first?.primaryKey == true)
        #expect(table.compositePrimaryKeys.isEmpty)
        #expect(table.foreignKeys.first?.onDelete == .cascade)
        #expect(table.indexes.first?.columns == [IndexColumn(expression: "tags", asc: false, nulls: "first")])
        #expect(table.indexes.first?.isNameExplicit == false)
    }

    @Test func invalidJSONIsALocatedError() {
        guard case .failure(let diagnostic) = SnapshotReader.read(Array("{\"tables\": [}".utf8), path: "s.json") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.location.path == "s.json")
        #expect(diagnostic.kind == .malformedInput)
    }

    @Test func writtenSnapshotsReadBackEqual() throws {
        let result = readSingle(ConstraintEvaluationTests.schema)
        let text = SnapshotWriter.text(result.model)
        let reread = try SnapshotReader.read(Array(text.utf8), path: "out.json").get()
        #expect(DrizzleKitDiff.compare(result.model, reread.model).isEmpty)
        #expect((result.model.reader, reread.model.reader) == (.drizzle, .snapshot), "each catalog says which reader filled it")
        #expect(text.hasPrefix("{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"tables\": {"))
        #expect(SnapshotWriter.text(reread.model) == text, "writing is deterministic")
    }

    @Test func diffReportsWhatChanged() throws {
        let before = readSingle("""
            export const t = pgTable("t", { id: integer("id").primaryKey(), name: text("name"), gone: text("gone") },
              (t) => [index("t_name_idx").on(t.name)]);
            """).model
        let after = readSingle("""
            export const t = pgTable("t", { id: integer("id").primaryKey(), name: varchar("name").notNull(), extra: text("extra") });
            export const u = pgTable("u", { id: integer("id") });
            """).model
        let differences = DrizzleKitDiff.compare(after, before)
        let summary = Set(differences.map { "\($0.change.rawValue) \($0.element.rawValue) \($0.name) \($0.property ?? "")" })
        #expect(summary == ["changed column name type", "changed column name notNull", "added column extra ",
                            "removed column gone ", "removed index t_name_idx ", "added table public.u "])
        let typeChange = try #require(differences.first { $0.property == "type" })
        #expect(typeChange.leftValue == "varchar")
        #expect(typeChange.rightValue == "text")
        #expect(typeChange.leftLocation != nil && typeChange.rightLocation != nil)
    }

    @Test func diffTreatsJSONScalarDefaultsLikeTheirText() {
        let scalar = SchemaModel(tables: [Table(name: "t", columns: [Column(name: "a", type: "boolean",
                                                                          default: ColumnDefault(.boolean, "false"))])])
        let text = SchemaModel(tables: [Table(name: "t", columns: [Column(name: "a", type: "boolean", default: .sql("false"))])])
        #expect(DrizzleKitDiff.compare(scalar, text).isEmpty)
    }
}
