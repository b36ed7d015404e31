import Catalog
import Drizzle
import Queries
import Testing
import TypeScript

/// Which columns application code sets when it updates a table (`schema/updated-at-not-maintained`).
@Suite struct RepositoryUpdatesTests {
    static let model = SchemaModel(tables: [
        Table(name: "notes", columns: [
            Column(name: "id", type: "uuid", primaryKey: true),
            Column(name: "title", type: "text"),
            Column(name: "updated_at", type: "timestamp"),
        ]),
        Table(name: "folders", columns: [
            Column(name: "id", type: "uuid", primaryKey: true),
            Column(name: "edited_at", type: "timestamp"),
        ]),
    ])

    /// The tables' bindings and the TypeScript keys of their columns, kept beside the model as the Drizzle reader keeps them.
    static let declarations = SchemaDeclarations(tables: [
        TableDeclaration(variableName: "notes", columns: ["id", "title", "updatedAt"].map { ColumnDeclaration(key: $0) }),
        TableDeclaration(variableName: "folders", columns: ["id", "editedAt"].map { ColumnDeclaration(key: $0) }),
    ])

    /// `table.column` for every column set on update, sorted.
    static func setColumns(_ source: String, keys: Set<String> = ["title", "updatedAt", "editedAt"]) -> [String] {
        let bytes = Array(source.utf8)
        let search = RepositoryUpdates(paths: ["src/app.ts"], schemas: [(model, declarations)], parsed: [:], read: { _ in bytes })
        return search.updates(naming: keys).setColumns.flatMap { table, columns in columns.map { "\(table.dropFirst("public.".count)).\($0)" } }.sorted()
    }

    @Test func updatesThroughImportsRenamesAndNamespaces() {
        #expect(Self.setColumns("""
            import { notes as noteTable } from '@acme/db/schema';
            import * as schema from '@acme/db/schema';
            export const touch = (id: string) => db.update(noteTable).set({ title: 'x', updatedAt: sql`now()` }).where(eq(noteTable.id, id));
            export async function edit(tx: Tx, editedAt: Date) {
              await tx.update(schema.folders).set({ editedAt });
            }
            """) == ["folders.edited_at", "notes.title", "notes.updated_at"])
    }

    /// A workspace package's entry re-exports the schema as a namespace (`export { schema }`); the app imports that
    /// name, not the schema file.
    @Test func updatesThroughASchemaNamespaceAPackageReExports() {
        #expect(Self.setColumns("""
            import { getDb, schema } from '@acme/db';
            export async function rename(id: string, title: string) {
              await getDb().update(schema.notes).set({ title, ...(title && { title }), updatedAt: sql`now()` });
            }
            """) == ["notes.title", "notes.updated_at"])
    }

    @Test func upsertsAndChangeObjectsBuiltInTheFile() {
        #expect(Self.setColumns("""
            import { notes, folders } from './schema';
            export async function save(input: { title: string }) {
              await db.insert(notes).values(input).onConflictDoUpdate({ target: notes.id, set: { updatedAt: new Date() } });
              const changes: Record<string, unknown> = {};
              changes.editedAt = new Date();
              await db.update(folders).set(changes);
            }
            """) == ["folders.edited_at", "notes.updated_at"])
    }

    @Test func spreadsUnknownTablesAndOtherSetCallsSayNothing() {
        #expect(Self.setColumns("""
            import { notes } from './schema';
            const cache = new Map();
            export async function save(data: object, other: Table) {
              await db.update(notes).set({ ...data });
              await db.update(other).set({ updatedAt: new Date() });
              cache.set({ updatedAt: 1 });
              notes.update; url.searchParams.set('updatedAt', 'x');
            }
            """) == [])
    }

    @Test func onlyFilesWithAnUpdateSpellingAWantedKeyAreParsed() {
        let keys = [Array("updatedAt".utf8)]
        #expect(!RepositoryUpdates.mayUpdate(Array("export const updatedAt = new Date(); map.set(x, update(y));".utf8), naming: keys))
        #expect(!RepositoryUpdates.mayUpdate(Array("db.update(t).set({ title })".utf8), naming: keys))
        #expect(RepositoryUpdates.mayUpdate(Array("db\n  .update(t)\n  .set({ updatedAt })".utf8), naming: keys))
        #expect(RepositoryUpdates.mayUpdate(Array("q.onConflictDoUpdate({ set: { updatedAt } })".utf8), naming: keys))
        // Only the keys asked for are searched: `title` is set, but nobody asked.
        #expect(Self.setColumns("import { notes } from './s'; db.update(notes).set({ title: 'x' });", keys: ["updatedAt"]) == [])
    }

    /// What a run remembers of a file, whichever columns it is asked about: a Drizzle update may be there, and some
    /// write (Prisma Client, raw SQL in any case) may be there. A file without the second holds no write any search
    /// looks for, so it is never read for one again.
    @Test func fileFactsTellDrizzleUpdatesFromAnyWrite() {
        typealias Facts = RepositoryUpdates.FileFacts
        #expect(Facts(Array("db.update(notes).set({ updatedAt: new Date() })".utf8)) == [.mayUpdate, .mayWrite])
        #expect(Facts(Array("await sql`UPDATE auth.users SET updated_at = now()`".utf8)) == [.mayWrite])
        #expect(Facts(Array("await client.query('update sessions set updated_at = $1')".utf8)) == [.mayWrite])
        #expect(Facts(Array("prisma.passkey.upsert({ where, create, update: {} })".utf8)) == [.mayWrite])
        #expect(Facts(Array("const x = 'UpDaTe';".utf8)) == [.mayWrite])
        #expect(Facts(Array("export function Button() { return <button>Save</button> }".utf8)) == [])
        #expect(Facts(Array("updat".utf8)) == [] && Facts([]) == [])
    }
}

/// `RepositoryUpdates.mayUpdate(_:in:)`: whether a file may update a table at all, on its bytes.
@Suite struct TableUpdateMentionsTests {
    static let waitlist = UpdatedTableNames(binding: "waitlist", table: "waitlist")

    static func mayUpdate(_ text: String, _ table: UpdatedTableNames = waitlist) -> Bool {
        RepositoryUpdates.mayUpdate(table, in: Array(text.utf8))
    }

    @Test func drizzleUpdatesUpsertsAndRawSQL() {
        #expect(Self.mayUpdate("await db.update(waitlist).set({ email })"))
        #expect(Self.mayUpdate("tx.update( schema.waitlist ).set(x)"))
        #expect(Self.mayUpdate("import { waitlist as list } from './schema';\ndb.update(list).set({ email })"))
        #expect(Self.mayUpdate("db.insert(waitlist).values(v).onConflictDoUpdate({ target: waitlist.id, set: v })"))
        #expect(Self.mayUpdate("sql`UPDATE \"public\".\"waitlist\" SET email = ${e}`"))
        #expect(Self.mayUpdate("pool.query('update waitlist set email = $1')"))
    }

    @Test func readsInsertsAndOtherTablesAreNotUpdates() {
        #expect(!Self.mayUpdate("db.insert(waitlist).values(v).onConflictDoNothing()"))
        #expect(!Self.mayUpdate("await db.insert(waitlist).values(v);\nawait db.insert(seasons).values(s).onConflictDoUpdate({ target: seasons.id, set: s });"))
        #expect(!Self.mayUpdate("db.update(waitlistEntries).set(x); db.select().from(waitlist)"))
        #expect(!Self.mayUpdate("sql`SELECT * FROM waitlist`; // updates the cache"))
        #expect(!Self.mayUpdate("sql`UPDATE waitlist_archive SET x = 1`"))
        #expect(!Self.mayUpdate("db.update(waitlist).set(x)", UpdatedTableNames(binding: "list", table: "list")))
    }
}
