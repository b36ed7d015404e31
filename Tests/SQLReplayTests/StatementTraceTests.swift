import Catalog
import SQL
import SQLReplay
import Testing

/// `StatementTrace` keeps one replay for every rule: what it answers before each statement must be what a replay
/// stopped there answers.
@Suite struct StatementTraceTests {
    static let script = """
        CREATE TABLE users (id integer PRIMARY KEY, email text);
        CREATE TABLE notes (id integer, user_id integer REFERENCES users (id));
        CREATE UNIQUE INDEX users_email ON users (email);
        ALTER TABLE users ADD COLUMN name text, ALTER COLUMN email SET DATA TYPE varchar(200);
        ALTER TABLE users RENAME TO accounts;
        ALTER TABLE accounts RENAME COLUMN name TO full_name;
        DO $$ BEGIN CREATE TABLE audit (id integer); END $$;
        DROP INDEX users_email;
        ALTER TABLE tags ADD COLUMN label text;
        DROP TABLE notes;
        """

    @Test func answersWhatAReplayStoppedBeforeEachStatementAnswers() throws {
        let statements = SQLParser.parseFile(Array(Self.script.utf8)).allStatements
        let trace = try #require(StatementTrace(from: CatalogReplay(), statements: statements.map { ($0, "m.sql") }))
        var live = CatalogReplay()
        let names = ["users", "accounts", "notes", "audit", "tags"].map { QualifiedName(name: $0) }
        for (ordinal, statement) in statements.enumerated() {
            let before = trace.before(ordinal)
            #expect(Set(before.tableNames) == Set(live.tableNames), "before statement \(ordinal)")
            for name in names {
                #expect(before.table(name) == live.table(name), "\(name.name) before statement \(ordinal)")
            }
            #expect(before.index(QualifiedName(name: "users_email")) == live.index(QualifiedName(name: "users_email")))
            live.applyFlattened(statement, path: "m.sql")
        }
        // The questions rules ask, at points where the answer changes.
        let afterIndex = trace.before(3)
        #expect(afterIndex.index(QualifiedName(name: "users_email"))?.table == QualifiedName(name: "users"))
        #expect(afterIndex.type(of: "email", in: QualifiedName(name: "users")) == "text")
        #expect(trace.before(4).type(of: "email", in: QualifiedName(name: "users")) == "varchar(200)")
        #expect(trace.before(5).knows(QualifiedName(name: "accounts")) && !trace.before(5).knows(QualifiedName(name: "users")))
        #expect(trace.before(5).tablesLinked(to: QualifiedName(name: "accounts")) == [QualifiedName(name: "notes")])
        #expect(trace.before(statements.count).table(QualifiedName(name: "notes")) == nil)
    }

    @Test func startsFromTheStateItIsGiven() throws {
        var start = CatalogReplay()
        for statement in SQLParser.parseFile(Array("CREATE TABLE users (id integer);".utf8)).allStatements {
            start.applyFlattened(statement, path: "0.sql")
        }
        let later = SQLParser.parseFile(Array("DROP TABLE users;".utf8)).allStatements
        let trace = try #require(StatementTrace(from: start, statements: later.map { ($0, "1.sql") }))
        #expect(trace.before(0).knows(QualifiedName(name: "users")))
        #expect(!trace.before(1).knows(QualifiedName(name: "users")))
    }

    @Test func givesUpPastItsColumnBudget() {
        let statements = SQLParser.parseFile(Array("CREATE TABLE t (a integer, b integer); ALTER TABLE t ADD COLUMN c integer;".utf8)).allStatements
        let entries = statements.map { ($0, "m.sql") }
        #expect(StatementTrace(from: CatalogReplay(), statements: entries, columnBudget: 5) != nil)
        #expect(StatementTrace(from: CatalogReplay(), statements: entries, columnBudget: 4) == nil, "2 + 3 columns kept")
    }
}
