import Foundation
@testable import MigrationRules
import Migrations
import Postgres
import Replay
import SQL
import SQLReplay
import Testing

/// Static vs real: every statement kind of the lock model runs on a real server (a throwaway cluster of this
/// test's own), and the lock modes and rewrites traced from `pg_locks` and `pg_class.relfilenode` must equal what
/// `LockModel` predicts for the server's major version. A difference is a bug in the model (then the row, its
/// citation and `LockModelTests` change) or in the tracer.
///
/// Compared: per table (and enum type) that existed before the statement, the strongest mode the statement took
/// from ROW EXCLUSIVE up; ACCESS SHARE and ROW SHARE (the referenced table while a foreign key is validated)
/// conflict only with EXCLUSIVE and ACCESS EXCLUSIVE, so they block no application query and the model leaves
/// them out. And the set of tables rewritten.
@Suite(.enabled(if: ThrowawayCluster.findBinaries() != nil,
                "no PostgreSQL server binaries (initdb, postgres) on PATH or under /usr/lib/postgresql/*/bin: install the Debian package `postgresql`"))
struct LockTraceTests {
    static let setup = """
        CREATE TYPE "status" AS ENUM ('active', 'paused');
        CREATE TABLE "teams" ("id" integer PRIMARY KEY, "code" text UNIQUE);
        CREATE TABLE "users" ("id" integer PRIMARY KEY, "team_id" integer, "name" varchar(20) NOT NULL, "email" text,
          "score" integer, "status" "status", "created" timestamp, "price" numeric(10,2));
        CREATE TABLE "posts" ("id" integer PRIMARY KEY, "user_id" integer REFERENCES "users"("id"));
        CREATE TABLE "tags" ("id" integer NOT NULL, "label" text);
        CREATE INDEX "users_name_idx" ON "users" ("name");
        CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");
        ALTER TABLE "users" ADD CONSTRAINT "users_score_check" CHECK ("score" > 0) NOT VALID;
        ALTER TABLE "users" ADD CONSTRAINT "users_team_fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id") NOT VALID;
        CREATE TABLE "events" ("id" integer, "at" date) PARTITION BY RANGE ("at");
        CREATE TABLE "events_2024" PARTITION OF "events" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE "events_2025" ("id" integer, "at" date);
        CREATE FUNCTION "touch"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER "users_touch" BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION "touch"();
        CREATE POLICY "users_own" ON "users" USING (true);
        CREATE SCHEMA "archive";
        CREATE PUBLICATION "realtime" FOR TABLE "teams";
        INSERT INTO "teams" SELECT g, 'c' || g FROM generate_series(1, 100) g;
        INSERT INTO "users" SELECT g, 1 + g % 100, 'n' || g, 'e' || g || '@example.com', g, 'active', now(), 1.5 FROM generate_series(1, 2000) g;
        INSERT INTO "posts" SELECT g, 1 + g % 2000 FROM generate_series(1, 2000) g;
        INSERT INTO "tags" SELECT g, 't' || g FROM generate_series(1, 500) g;
        INSERT INTO "events" SELECT g, date '2024-01-01' + g % 300 FROM generate_series(1, 1000) g;
        INSERT INTO "events_2025" SELECT g, date '2025-01-01' + g % 300 FROM generate_series(1, 1000) g;
        """

    /// Statements that cannot run in a transaction block, traced from another session while a third one makes them
    /// wait (see `traceConcurrently`), with the query that session holds open: CONCURRENTLY waits for transactions
    /// with older snapshots on the table; DETACH … CONCURRENTLY, in its second transaction, for the lock on the
    /// partition.
    static let concurrent: [String: String] = [
        #"CREATE INDEX CONCURRENTLY "users_score_idx" ON "users" ("score")"#: #"SELECT count(*) FROM "users" WHERE false"#,
        #"DROP INDEX CONCURRENTLY "users_name_idx""#: #"SELECT count(*) FROM "users" WHERE false"#,
        #"REINDEX TABLE CONCURRENTLY "users""#: #"SELECT count(*) FROM "users" WHERE false"#,
        #"ALTER TABLE "events" DETACH PARTITION "events_2024" CONCURRENTLY"#: #"SELECT count(*) FROM "events_2024""#,
        // VACUUM cannot run in a transaction block either; the blocker's lock conflicts with the one it asks for.
        #"VACUUM "users""#: #"LOCK TABLE "users" IN SHARE UPDATE EXCLUSIVE MODE"#,
        #"VACUUM FULL "users""#: #"SELECT count(*) FROM "users" WHERE false"#,
        // CLUSTER without a table: no table of this catalog was clustered before, so it clusters (and locks) none.
        "CLUSTER": #"SELECT count(*) FROM "users" WHERE false"#,
    ]

    static let statements: [String] = [
        #"CREATE INDEX "users_score_idx" ON "users" ("score")"#,
        #"CREATE UNIQUE INDEX "users_score_key" ON "users" USING btree ("score")"#,
        #"CREATE INDEX "users_lower_email_idx" ON "users" (lower("email")) WHERE "score" > 10"#,
        #"CREATE INDEX CONCURRENTLY "users_score_idx" ON "users" ("score")"#,
        #"DROP INDEX "users_name_idx""#,
        #"DROP INDEX IF EXISTS "users_email_key""#,
        #"DROP INDEX CONCURRENTLY "users_name_idx""#,
        #"REINDEX INDEX "users_name_idx""#,
        #"REINDEX TABLE "users""#,
        #"REINDEX TABLE CONCURRENTLY "users""#,
        #"ALTER TABLE "users" ADD COLUMN "bio" text"#,
        #"ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "nickname" varchar(64)"#,
        #"ALTER TABLE "users" ADD COLUMN "plan" text DEFAULT 'free' NOT NULL"#,
        #"ALTER TABLE "users" ADD COLUMN "joined" timestamp with time zone DEFAULT now() NOT NULL"#,
        #"ALTER TABLE "users" ADD COLUMN "token" uuid DEFAULT gen_random_uuid() NOT NULL"#,
        #"ALTER TABLE "users" ADD COLUMN "seq" serial"#,
        #"ALTER TABLE "users" ADD COLUMN "n" integer GENERATED ALWAYS AS IDENTITY"#,
        #"ALTER TABLE "users" ADD COLUMN "double_score" integer GENERATED ALWAYS AS ("score" * 2) STORED"#,
        #"ALTER TABLE "users" ADD COLUMN "mentor_team" integer REFERENCES "teams"("id")"#,
        #"ALTER TABLE "users" ALTER COLUMN "score" SET DATA TYPE bigint"#,
        #"ALTER TABLE "users" ALTER COLUMN "id" SET DATA TYPE bigint"#,
        #"ALTER TABLE "posts" ALTER COLUMN "user_id" SET DATA TYPE bigint"#,
        #"ALTER TABLE "users" ALTER COLUMN "team_id" SET DATA TYPE bigint"#,
        #"ALTER TABLE "teams" ALTER COLUMN "code" SET DATA TYPE varchar(10)"#,
        #"ALTER TABLE "users" ALTER COLUMN "price" SET DATA TYPE text USING "price"::text"#,
        #"ALTER TABLE "users" ALTER COLUMN "email" SET DATA TYPE varchar(100)"#,
        #"ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE text"#,
        #"ALTER TABLE "users" ALTER COLUMN "name" SET DATA TYPE varchar(40)"#,
        #"ALTER TABLE "users" ALTER COLUMN "price" SET DATA TYPE numeric(12,2)"#,
        #"ALTER TABLE "users" ALTER COLUMN "created" SET DATA TYPE timestamp with time zone"#,
        #"ALTER TABLE "users" ALTER COLUMN "score" SET NOT NULL"#,
        #"ALTER TABLE "users" ADD CONSTRAINT "users_score_positive" CHECK ("score" > 0)"#,
        #"ALTER TABLE "users" ADD CONSTRAINT "users_score_positive" CHECK ("score" > 0) NOT VALID"#,
        #"ALTER TABLE "posts" ADD CONSTRAINT "posts_author_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade"#,
        #"ALTER TABLE "posts" ADD CONSTRAINT "posts_author_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") NOT VALID"#,
        #"ALTER TABLE "users" VALIDATE CONSTRAINT "users_score_check""#,
        #"ALTER TABLE "users" VALIDATE CONSTRAINT "users_team_fk""#,
        #"ALTER TABLE "users" ADD CONSTRAINT "users_name_key" UNIQUE ("name")"#,
        #"ALTER TABLE "tags" ADD PRIMARY KEY ("id")"#,
        #"ALTER TABLE "users" ADD CONSTRAINT "users_email_unique" UNIQUE USING INDEX "users_email_key""#,
        #"ALTER TABLE "users" DROP COLUMN "created""#,
        #"ALTER TABLE "users" ALTER COLUMN "score" SET DEFAULT 1"#,
        #"ALTER TABLE "users" ALTER COLUMN "score" DROP DEFAULT"#,
        #"ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL"#,
        #"ALTER TABLE "users" DROP CONSTRAINT "users_score_check""#,
        #"ALTER TABLE "users" DROP CONSTRAINT "users_team_fk""#,
        #"ALTER TABLE "posts" DROP CONSTRAINT "posts_user_id_fkey""#,
        #"ALTER TABLE "users" ENABLE ROW LEVEL SECURITY"#,
        #"ALTER TABLE "users" FORCE ROW LEVEL SECURITY"#,
        #"ALTER TABLE "users" RENAME COLUMN "name" TO "full_name""#,
        #"ALTER TABLE "users" RENAME TO "members""#,
        #"DROP TABLE "posts""#,
        #"DROP TABLE "users" CASCADE"#,
        #"ALTER TABLE "events" DETACH PARTITION "events_2024""#,
        #"ALTER TABLE "events" DETACH PARTITION "events_2024" CONCURRENTLY"#,
        #"ALTER TYPE "status" ADD VALUE 'archived'"#,
        #"UPDATE "users" SET "score" = "score" + 1"#,
        #"DELETE FROM "posts" WHERE "id" < 10"#,
        #"INSERT INTO "teams" ("id", "code") VALUES (1000, 'new')"#,
        #"ALTER TABLE "users" DISABLE TRIGGER "users_touch""#,
        #"ALTER TABLE "users" ENABLE ALWAYS TRIGGER "users_touch""#,
        #"ALTER TABLE "users" ALTER COLUMN "email" SET STATISTICS 500"#,
        #"ALTER TABLE "users" ALTER COLUMN "email" SET (n_distinct = 100)"#,
        #"ALTER TABLE "users" SET (fillfactor = 70, autovacuum_enabled = false)"#,
        #"ALTER TABLE "users" SET (toast.autovacuum_enabled = false, parallel_workers = 2)"#,
        #"ALTER TABLE "users" SET (user_catalog_table = true)"#,
        #"ALTER TABLE "users" CLUSTER ON "users_pkey""#,
        #"ALTER TABLE "users" SET WITHOUT CLUSTER"#,
        #"ALTER TABLE "events" ATTACH PARTITION "events_2025" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"#,
        // `SET ACCESS METHOD` (the same row) is not traced: `heap` is the only table access method a plain server
        // has, and setting the method a table already uses rewrites nothing.
        #"ALTER TABLE "tags" SET UNLOGGED"#,
        #"ALTER TABLE "users" REPLICA IDENTITY FULL"#,
        #"ALTER TABLE "users" ALTER COLUMN "email" SET STORAGE EXTERNAL"#,
        #"ALTER TABLE "users" ALTER CONSTRAINT "users_team_fk" DEFERRABLE"#,
        #"TRUNCATE "tags""#,
        #"VACUUM "users""#,
        #"VACUUM FULL "users""#,
        #"ANALYZE "users""#,
        #"TRUNCATE "users" CASCADE"#,
        #"CREATE TABLE "comments" ("id" integer PRIMARY KEY, "post_id" integer REFERENCES "posts"("id"))"#,
        #"CREATE TABLE "replies" ("id" integer PRIMARY KEY, "post_id" integer, CONSTRAINT "replies_post_fk" FOREIGN KEY ("post_id") REFERENCES "posts"("id"))"#,
        #"ALTER TABLE "users" RENAME CONSTRAINT "users_score_check" TO "users_score_positive""#,
        locksNoTable,
        #"ALTER TABLE "users" ADD CONSTRAINT "users_score_excl" EXCLUDE USING btree ("score" WITH =)"#,
        #"COMMENT ON TABLE "users" IS 'people'"#,
        #"COMMENT ON COLUMN "users"."email" IS 'login'"#,
        #"CREATE TRIGGER "users_touch_again" BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION "touch"()"#,
        #"CREATE POLICY "users_read" ON "users" FOR SELECT USING (true)"#,
        #"ALTER POLICY "users_own" ON "users" USING ("score" > 0)"#,
        #"DROP POLICY "users_own" ON "users""#,
        #"DROP TRIGGER "users_touch" ON "users""#,
        #"ALTER TABLE "users" SET SCHEMA "archive""#,
        #"CLUSTER "users" USING "users_pkey""#,
        "CLUSTER",
        #"CREATE STATISTICS "users_stats" (dependencies) ON "team_id", "score" FROM "users""#,
        #"ALTER PUBLICATION "realtime" ADD TABLE "users""#,
        #"ALTER PUBLICATION "realtime" DROP TABLE "teams""#,
        #"CREATE PUBLICATION "feed" FOR TABLE "posts""#,
    ] + LockMode.allCases.map { #"LOCK TABLE "users" IN \#($0) MODE"# }

    /// Rows whose lock is on a materialized view: the tracer reads tables only (their rows cite the Locking page).
    static let viewRows: Set<String> = ["refresh-materialized-view", "refresh-materialized-view-concurrently"]

    /// Locks the index only: the model gives it no row, and the trace must find no lock on a table.
    static let locksNoTable = #"ALTER INDEX "users_name_idx" RENAME TO "users_full_name_idx""#

    /// What the trace and the model are compared on: `table → mode` (`type status → mode` for an enum) and the
    /// rewritten tables, by name.
    struct Observed: Equatable, CustomStringConvertible {
        var locks: [String: LockMode]
        var rewritten: Set<String>
        var description: String {
            locks.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
                + "; rewritten: " + (rewritten.isEmpty ? "none" : rewritten.sorted().joined(separator: ", "))
        }
    }

    @Test func everyRowOfTheLockModelIsCoveredByAtLeastFortyStatements() throws {
        #expect(Self.statements.count >= 40)
        let version = 15
        var schema = CatalogReplay()
        for statement in SQLParser.parseFile(Array(Self.setup.utf8)).statements { schema.apply(statement, path: "") }
        var covered: Set<String> = []
        for text in Self.statements {
            let statement = try #require(SQLParser.parseFile(Array(text.utf8)).statements.first)
            let ids = LockModel.effects(of: statement, version: version, schema: schema).map(\.row.id)
            #expect(ids.isEmpty == (text == Self.locksNoTable), "the lock model has no row for \(text)")
            covered.formUnion(ids)
        }
        let rows = Set(LockModel.rows.filter { $0.versions.contains(version) }.map(\.id)).subtracting(Self.viewRows)
        #expect(rows.subtracting(covered).isEmpty, "rows without a traced statement: \(rows.subtracting(covered).sorted())")
    }

    @Test func tracedLocksAndRewritesEqualTheStaticModel() throws {
        let cluster = try ThrowawayCluster()
        defer { cluster.close() }
        let connection = try cluster.newDatabase()
        let version = try Self.majorVersion(connection)
        // A session TimeZone other than UTC: `timestamp` → `timestamptz` rewrites then, as the model assumes (a
        // migration cannot promise the deploy's TimeZone).
        try connection.execute("SET TIME ZONE 'America/New_York'")
        try connection.execute(Self.setup)
        var schema = CatalogReplay()
        for statement in SQLParser.parseFile(Array(Self.setup.utf8)).statements { schema.apply(statement, path: "") }
        for text in Self.statements {
            let statement = try #require(SQLParser.parseFile(Array(text.utf8)).statements.first)
            let predicted = Self.prediction(LockModel.effects(of: statement, version: version, schema: schema), statement: statement)
            let traced: Observed
            if let blocker = Self.concurrent[text] {
                // The observer sees locks, not files: a rewrite cannot be traced this way (the model predicts none).
                traced = try Self.traceConcurrently(text, blocker: blocker, cluster: cluster)
                #expect(traced.locks == predicted.locks, "\(text)\n traced:    \(traced)\n predicted: \(predicted)")
                // VACUUM FULL writes a new copy of the table (its page says so); the observer cannot see it.
                #expect(predicted.rewritten.isEmpty || text.hasPrefix("VACUUM FULL"), "\(text): the model predicts a rewrite the observer cannot see")
            } else {
                do {
                    traced = try Self.traceInTransaction(text, connection)
                } catch {
                    Issue.record("\(text) failed on the server: \(error)")
                    continue
                }
                #expect(traced == predicted, "\(text)\n traced:    \(traced)\n predicted: \(predicted)")
            }
        }
    }

    static func majorVersion(_ connection: Connection) throws -> Int {
        let number = try #require(connection.query("SELECT current_setting('server_version_num')").rows.first?[0] ?? nil)
        return (Int(number) ?? 150000) / 10000
    }

    /// The table a statement names (the lock model's `t`).
    static func namedTable(_ statement: SQLStatement) -> String? {
        switch statement.kind {
        case .createIndex(let index): return index.table.canonical.description
        case .alterTable(let alter): return alter.table.canonical.description
        case .reindex(let reindex): return reindex.objectKind == .table ? reindex.name.canonical.description : nil
        case .dropIndex: return "users"   // every index of this catalog is on users
        default: return nil
        }
    }

    /// The model's prediction in the trace's terms: the strongest mode per table over the statement's effects.
    static func prediction(_ effects: [LockEffect], statement: SQLStatement) -> Observed {
        var observed = Observed(locks: [:], rewritten: [])
        // As traced: modes below ROW EXCLUSIVE block no application query (`LOCK … IN ACCESS SHARE MODE`).
        func add(_ name: String, _ mode: LockMode) {
            guard mode >= .rowExclusive else { return }
            observed.locks[name] = max(observed.locks[name] ?? mode, mode)
        }
        for effect in effects {
            if let table = effect.table {
                add(table.description, effect.row.lock)
                if effect.row.rewrites { observed.rewritten.insert(table.description) }
            } else if case .alterEnum(let alter) = statement.kind {
                add("type " + alter.name.canonical.description, effect.row.lock)
            }
            if let other = effect.otherTableLock {
                for table in effect.otherTables { add(table.description, other) }
            }
        }
        return observed
    }

    static func observed(_ effect: TracedEffect, existing: ExistingObjects) -> Observed {
        var observed = Observed(locks: [:], rewritten: [])
        for (oid, mode) in effect.locks where mode >= .rowExclusive {
            if let name = existing.name(of: oid) { observed.locks[name] = mode }
        }
        observed.rewritten = Set(effect.rewritten.compactMap { existing.tables[$0] })
        return observed
    }

    /// Inside a transaction that is rolled back, so every statement starts from the same database.
    static func traceInTransaction(_ text: String, _ connection: Connection) throws -> Observed {
        let tracer = LockTracer(connection)
        try connection.execute("BEGIN")
        defer { _ = try? connection.execute("ROLLBACK") }
        let existing = try tracer.existing()
        let before = try tracer.snapshot(of: existing)
        try connection.execute(text)
        let after = try tracer.snapshot(of: existing)
        return observed(LockTracer.effect(from: before, to: after), existing: existing)
    }

    /// A statement that cannot run in a transaction block, on a database of its own: a second session holds a
    /// snapshot and an ACCESS SHARE lock (`blocker`), which makes the statement wait; a third reads the locks it
    /// holds, and the one it waits for, while it waits.
    static func traceConcurrently(_ text: String, blocker query: String, cluster: ThrowawayCluster) throws -> Observed {
        let runner = try cluster.newDatabase()
        let database = try #require(runner.query("SELECT current_database()").rows.first?[0] ?? nil)
        try runner.execute(setup)
        let blocker = try cluster.connection(to: database)
        let observer = try cluster.connection(to: database)
        let existing = try LockTracer(runner).existing()
        let pid = try #require(runner.query("SELECT pg_backend_pid()::text").rows.first?[0] ?? nil)
        try blocker.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        // The first query takes the snapshot; the lock is held until COMMIT.
        _ = try blocker.query(query)
        let done = DispatchSemaphore(value: 0)
        let box = RunnerBox(runner)
        Thread.detachNewThread {
            box.error = (try? box.connection.execute(text)) == nil ? "failed" : nil
            done.signal()
        }
        var modes: [String: Set<LockMode>] = [:]
        let deadline = Date().addingTimeInterval(20)
        var finished = false
        while Date() < deadline, !finished {
            if done.wait(timeout: .now()) == .success {
                finished = true
                break
            }
            let waiting = try observer.query("SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1::int", [pid]).rows.first?[0] ?? nil
            if waiting == "Lock" {
                for row in try observer.query("""
                    SELECT relation::text, mode FROM pg_locks WHERE pid = $1::int AND locktype = 'relation'
                    """, [pid]).rows {
                    if let oid = row[0], let mode = row[1].flatMap(LockMode.init(pgLocksMode:)) { modes[oid, default: []].insert(mode) }
                }
                break
            }
            usleep(20_000)
        }
        try blocker.execute("COMMIT")
        if !finished { done.wait() }
        #expect(box.error == nil, "\(text) failed on the server")
        var effect = TracedEffect()
        for (oid, set) in modes { if let strongest = set.max() { effect.locks[oid] = strongest } }
        return observed(effect, existing: existing)
    }

    final class RunnerBox: @unchecked Sendable {
        let connection: Connection
        var error: String?
        init(_ connection: Connection) { self.connection = connection }
    }
}
