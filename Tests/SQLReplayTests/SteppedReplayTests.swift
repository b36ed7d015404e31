import Catalog
import SQL
import SQLReplay
import Testing

/// `SteppedReplay` keeps each table's foreign keys beside the replay (the lock model's `tablesLinked` reads them for
/// every type change): after every statement they must be the replay's own, and every question must answer as the
/// plain replay does.
@Suite struct SteppedReplayTests {
    /// Statements that add, rename, move and drop foreign keys and the tables on either side of them.
    static let script = """
        CREATE TABLE users (id integer PRIMARY KEY, email text);
        CREATE TABLE teams (id integer PRIMARY KEY);
        CREATE TABLE notes (id integer, user_id integer REFERENCES users (id), team_id integer);
        ALTER TABLE notes ADD CONSTRAINT notes_team_fk FOREIGN KEY (team_id) REFERENCES public.teams (id);
        ALTER TABLE users ALTER COLUMN id SET DATA TYPE bigint;
        ALTER TABLE users RENAME TO accounts;
        ALTER TABLE accounts RENAME COLUMN id TO account_id;
        DO $$ BEGIN
         ALTER TABLE teams ADD CONSTRAINT teams_owner_fk FOREIGN KEY (id) REFERENCES accounts (account_id);
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;
        ALTER TABLE notes DROP CONSTRAINT notes_team_fk;
        ALTER TABLE other.ledger ADD COLUMN account_id integer REFERENCES accounts (account_id);
        DROP TABLE accounts CASCADE;
        ALTER TABLE notes ADD COLUMN owner_id integer REFERENCES teams (id);
        DROP TABLE notes;
        """

    @Test func keepsEachTablesForeignKeysAsTheReplayHasThem() {
        let statements = SQLParser.parseFile(Array(Self.script.utf8)).allStatements
        var stepped = SteppedReplay(from: CatalogReplay())
        var live = CatalogReplay()
        let names = ["users", "accounts", "teams", "notes", "other.ledger"].map { name in
            name.contains(".") ? QualifiedName(schema: "other", name: "ledger") : QualifiedName(name: name)
        }
        var linkedSeen = 0
        for (ordinal, statement) in statements.enumerated() {
            #expect(stepped.tableNames == live.tableNames, "after \(ordinal) statements")
            for name in names {
                #expect(stepped.foreignKeys(ofCanonical: name.canonical) == live.table(name)?.foreignKeys, "\(name) after \(ordinal) statements")
                #expect(stepped.table(name) == live.table(name))
                for column in ["id", "account_id", "team_id"] {
                    let linked = stepped.tablesLinked(to: name, through: column)
                    #expect(linked == live.tablesLinked(to: name, through: column))
                    linkedSeen += linked.count
                }
                #expect(stepped.tablesLinked(to: name) == live.tablesLinked(to: name))
            }
            #expect(stepped.tablesReferencing(names) == live.tablesReferencing(names))
            stepped.applyFlattened(statement, path: "m.sql")
            live.applyFlattened(statement, path: "m.sql")
        }
        // The script does link tables: the comparisons above were not all of empty answers.
        #expect(linkedSeen > 10)
    }

    /// A replay handed over part way (a checkpoint) starts with the keys of the tables it already has.
    @Test func startsFromTheKeysOfTheTablesItIsGiven() {
        var start = CatalogReplay()
        for statement in SQLParser.parseFile(Array(Self.script.utf8)).allStatements.prefix(4) { start.applyFlattened(statement, path: "m.sql") }
        let stepped = SteppedReplay(from: start)
        #expect(stepped.foreignKeys(ofCanonical: QualifiedName(name: "notes"))?.count == 2)
        #expect(stepped.tablesLinked(to: QualifiedName(name: "teams")) == [QualifiedName(name: "notes")])
        #expect(stepped.tablesLinked(to: QualifiedName(name: "users"), through: "id") == [QualifiedName(name: "notes")])
    }
}
