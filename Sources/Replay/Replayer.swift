import Catalog
import Core
import Drizzle
import Foundation
import MigrationRules
import Migrations
import Postgres
import SQL

/// Applies one migrations folder to an empty database the way its runner does (drizzle-kit's migrator: every
/// migration, in journal order, in ONE transaction, each `--> statement-breakpoint` chunk sent on its own; Supabase
/// CLI and Prisma folders file by file), then compares the catalog it built with the latest snapshot.
public struct Replayer {
    public static let applyFailed = "replay/apply-failed"
    public static let catalogDrift = "replay/catalog-drift"
    public static let tracedLock = "replay/traced-lock"

    public typealias Connection = Postgres.Connection
    let connection: Connection
    /// Severity of each replay rule after configuration; nil when switched off.
    let severity: (String) -> Severity?
    let statementTimeout: Int
    /// `--trace-locks`: how to trace the migrations that can still change, after the replay itself.
    let tracing: LockTracing?
    /// `migrations.runner` and the rest of the run's configuration.
    let configuration: Configuration
    /// Told the roles the Supabase stub created on the server (they outlive the database).
    let rolesCreated: ([String]) -> Void

    public init(connection: Connection, statementTimeoutMilliseconds: Int, configuration: Configuration = Configuration(),
                tracing: LockTracing? = nil, rolesCreated: @escaping ([String]) -> Void = { _ in },
                severity: @escaping (String) -> Severity?) {
        self.configuration = configuration
        self.connection = connection
        self.statementTimeout = statementTimeoutMilliseconds
        self.tracing = tracing
        self.rolesCreated = rolesCreated
        self.severity = severity
    }

    public func replay(_ folder: MigrationFolder) -> [Finding] {
        var findings: [Finding] = []
        func report(_ rule: String, _ path: String, _ range: Range<Int>, _ message: String, _ help: String) {
            guard let level = severity(rule) else { return }
            findings.append(Finding(ruleID: rule, severity: level, path: path, range: range, message: message, help: help))
        }
        do {
            try connection.setStatementTimeout(milliseconds: statementTimeout)
            try installPlatform(for: folder, on: connection)
        } catch {
            report(Self.applyFailed, folder.journalPath, 0..<0, "the replay database refused to start the run: \(error.message)",
                   "check the server of --database-url, or run without it to use a throwaway cluster")
            return findings
        }
        // A journal entry without its SQL file (`migration/journal-mismatch` reports it) leaves a database the
        // migrations alone cannot build: comparing it with the snapshot would only list what the file held.
        let isComplete = !folder.steps.contains { $0.entry != nil && $0.script == nil }
        // The latest snapshot describes the database after ITS migration; later ones without a snapshot
        // (`migration/snapshot-chain-broken`) are applied after the comparison.
        let snapshotStep = isComplete && folder.latestSnapshot != nil ? folder.steps.lastIndex { $0.snapshot != nil } : nil
        // The runner's transactions: drizzle-kit's one for the whole batch, Supabase's and multi-statement Prisma
        // files' one per file, none for a lone Prisma statement (see `MigrationRunner`).
        var open = false
        func transaction(_ command: String) throws(PostgresError) {
            try connection.execute(command)
            open = command == "BEGIN"
        }
        for (index, step) in folder.steps.enumerated() {
            if let script = step.script, Self.applies(step, in: folder) {
                let runner = MigrationRunner(configuration, folder: folder, step: step)
                do {
                    if open, runner != .oneTransaction { try transaction("COMMIT") }
                    if !open, runner.usesTransaction { try transaction("BEGIN") }
                } catch {
                    report(Self.applyFailed, script.path, 0..<0, "the replay database refused a transaction before migration \(script.name): \(error.message)",
                           "check the server of --database-url, or run without it to use a throwaway cluster")
                    return findings
                }
                if let failure = apply(script) {
                    if open { _ = try? connection.execute("ROLLBACK") }
                    report(Self.applyFailed, script.path, failure.range, failure.message, failure.help)
                    return findings
                }
            }
            if index == snapshotStep, let snapshot = folder.latestSnapshot {
                compare(with: snapshot.model.leavingOut(Self.platformSchemas(of: folder)), steps: folder.steps[...index],
                        journalPath: folder.journalPath, platformSchemas: Self.platformSchemas(of: folder), report: report)
            }
        }
        do { if open { try transaction("COMMIT") } } catch {
            report(Self.applyFailed, folder.steps.last?.script?.path ?? folder.journalPath, 0..<0,
                   "the migrations applied but the transaction did not commit: \(error.message)",
                   "a deferred constraint failed at commit: make the data satisfy it within the migrations")
            return findings
        }
        if let tracing { findings += trace(folder, tracing) }
        return findings
    }

    /// The schemas and roles a hosting platform provides before the first migration: Supabase's, stubbed, for a
    /// folder of a Supabase project (see `SupabaseStub`).
    func installPlatform(for folder: MigrationFolder, on connection: Connection) throws(PostgresError) {
        guard folder.supabase != nil else { return }
        let created = try SupabaseStub.install(on: connection)
        if !created.isEmpty { rolesCreated(created) }
    }

    /// Whether the runner applies the step: drizzle's migrator runs what the journal lists (a SQL file it does not
    /// list is never applied); the other layouts run every migration file.
    static func applies(_ step: MigrationStep, in folder: MigrationFolder) -> Bool {
        step.script != nil && (folder.layout != .journal || step.entry != nil)
    }

    /// The schemas the platform owns: not built by the migrations, so not compared.
    static func platformSchemas(of folder: MigrationFolder) -> Set<String> {
        folder.supabase == nil ? [] : Set(SupabaseStub.schemas)
    }

    /// Reads the catalog inside the migrator's transaction and reports each difference with the snapshot.
    private func compare(with snapshot: SchemaModel, steps: ArraySlice<MigrationStep>, journalPath: String,
                         platformSchemas: Set<String>, report: (String, String, Range<Int>, String, String) -> Void) {
        do {
            var built = try CatalogReader(connection).read().leavingOut(platformSchemas)
            // A snapshot records policies only when the Drizzle schema declares them (`pgPolicy`): one that records
            // none means the project keeps its policies in hand-written SQL, outside drizzle-kit's model, and
            // drizzle-kit never generates anything for them. They are not compared then.
            if !snapshot.tables.contains(where: { !$0.policies.isEmpty }) {
                for index in built.tables.indices { built.tables[index].policies = [] }
            }
            let comparison = try ReplayComparison(connection: connection, catalog: built, snapshot: snapshot)
            for difference in comparison.differences() {
                guard let (path, range) = comparison.location(of: difference) else { continue }
                let touched = Self.lastMigration(touching: difference, in: steps).map { " (last changed by migration \($0))" } ?? ""
                report(Self.catalogDrift, path, range, comparison.describe(difference) + touched,
                       "the migration SQL was edited after drizzle-kit wrote it: make the SQL build what the snapshot records, or regenerate the migration")
            }
        } catch {
            report(Self.applyFailed, journalPath, 0..<0, "cannot read the catalog the migrations built: \(error.message)",
                   error.connectionLost ? "the replay server stopped: rerun, and check its memory and disk" : "report this as a schemalint bug")
        }
    }

    struct Failure {
        var range: Range<Int>
        var message: String
        var help: String
    }

    /// Sends each chunk of the file as the migrator does; the first one PostgreSQL rejects, located.
    func apply(_ script: MigrationScript) -> Failure? {
        let bytes = script.source.bytes
        for chunk in StatementBreakpoints.chunks(of: bytes) {
            let text = String(decoding: bytes[chunk], as: UTF8.self)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            do {
                try connection.execute(text)
                _ = connection.takeNotices()
            } catch {
                return failure(error, chunk: chunk, text: text, script: script)
            }
        }
        return nil
    }

    private func failure(_ error: PostgresError, chunk: Range<Int>, text: String, script: MigrationScript) -> Failure {
        let statements = script.sql.statements.filter { chunk.contains($0.range.lowerBound) }
        var range = statements.first?.range ?? chunk
        if let position = error.position {
            // PostgreSQL counts characters from 1 in the text it was sent.
            let offset = chunk.lowerBound + text.prefix(max(0, position - 1)).utf8.count
            range = statements.first { $0.range.lowerBound <= offset && offset < $0.range.upperBound }?.range ?? offset..<(offset + 1)
        }
        let name = script.name
        if error.connectionLost {
            return Failure(range: range, message: "the PostgreSQL server stopped while applying migration \(name): \(error.message)",
                           help: "rerun replay; if it stops again at this statement, it crashes the server: check its memory and the statement")
        }
        if error.isStatementTimeout {
            return Failure(range: range, message: "this statement of migration \(name) ran longer than the statement timeout (\(statementTimeout / 1000) s) on an empty database",
                           help: "a statement that does not finish on empty tables loops or waits forever: fix it, or raise --statement-timeout if it is just slow")
        }
        var message = "PostgreSQL rejects this statement of migration \(name): \(error.message)"
        if let state = error.sqlState { message += " (SQLSTATE \(state))" }
        if let detail = error.detail { message += "; \(detail.trimmingCharacters(in: CharacterSet(charactersIn: ".")))" }
        var help = error.hint.map { "PostgreSQL's hint: \($0.trimmingCharacters(in: CharacterSet(charactersIn: ".")))" }
            ?? "drizzle-kit's migrator applies every pending migration in one transaction: fix the SQL so it applies after the migrations before it"
        if error.sqlState == "3F000" {
            help = "no earlier migration creates this schema: if the hosting platform provides it, replay with --database-url on a server that has it (a folder at supabase/migrations beside config.toml gets a stub of Supabase's `auth`, `storage` and `realtime`)"
        }
        if error.sqlState == "0A000" || error.sqlState == "58P01", error.message.contains("extension") {
            help = "the replay server lacks this extension: install it there (or pass --database-url to a server that has it); this is not a bug in the migration"
        }
        return Failure(range: range, message: message, help: help)
    }

    /// The last migration whose SQL names the object, and its table for an element of one (for the message; nil
    /// when none does by name).
    static func lastMigration(touching difference: CatalogDifference, in steps: ArraySlice<MigrationStep>) -> String? {
        func unqualified(_ key: String) -> String { String(key.split(separator: ".").last ?? Substring(key)) }
        let names = difference.element == .table ? [unqualified(difference.name)]
            : [difference.name] + (difference.table.map { [unqualified($0)] } ?? [])
        let needles = names.map { Array("\"\($0)\"".utf8) }
        func mentions(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
            guard bytes.count >= needle.count else { return false }
            return bytes.indices.dropLast(needle.count - 1).contains { bytes[$0] == needle[0] && bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        return steps.last { step in
            guard let bytes = step.script?.source.bytes else { return false }
            return needles.allSatisfy { mentions(bytes, $0) }
        }?.name
    }
}

extension SchemaModel {
    /// The model without the tables, enums and schemas of `schemas` (a platform's, such as Supabase's `auth`).
    func leavingOut(_ schemas: Set<String>) -> SchemaModel {
        guard !schemas.isEmpty else { return self }
        var model = self
        model.tables.removeAll { schemas.contains($0.schema) }
        model.enums.removeAll { schemas.contains($0.schema) }
        model.schemas.removeAll { schemas.contains($0) }
        return model
    }
}
