import Core
import Dispatch
import Foundation
import Migrations
import MigrationRules
import Postgres
import SQL

/// `--trace-locks`: what the migrations that can still change do to tables that hold rows, observed on the server.
public struct LockTracing: Sendable {
    /// Paths of the SQL files taken as applied (SPEC §9): they run first and commit, untraced.
    public var applied: Set<String>
    /// For the runner (`migrations.runner`) and `postgres.version` (the safer forms).
    public var configuration: Configuration
    /// Rows generated into each existing table.
    public var rows: Int
    /// A fresh database for the traced run (the replay's own database already holds the migrations).
    public var newDatabase: @Sendable () throws(ReplayServerError) -> Connection

    public init(applied: Set<String>, configuration: Configuration, rows: Int = 5_000,
                newDatabase: @escaping @Sendable () throws(ReplayServerError) -> Connection) {
        self.applied = applied
        self.configuration = configuration
        self.rows = rows
        self.newDatabase = newDatabase
    }
}

extension Replayer {
    /// One lock (or rewrite) a statement took on an existing table, waiting for its transaction to end.
    private struct Held {
        var script: MigrationScript
        var range: Range<Int>
        var table: String
        var mode: LockMode?
        var rewrote: Bool
        var runner: MigrationRunner
        /// Traced seconds (statement time only) when the statement started, and how long it ran.
        var start: Double
        var seconds: Double
        var saferForms: [String]
        var unseeded: String?
    }

    /// Replays the folder again on a fresh database: the applied migrations in one committed transaction, then the
    /// others as their runner runs them, each statement on its own between two reads of `pg_locks` and
    /// `pg_class.relfilenode`, after generated rows were put in every table that exists before the migration.
    /// Reports each ACCESS EXCLUSIVE or SHARE lock on such a table and each rewrite, with how long
    /// it is held: the statement time from it to its transaction's end (seeding and tracing not counted).
    func trace(_ folder: MigrationFolder, _ tracing: LockTracing) -> [Finding] {
        let runs = { (step: MigrationStep) in Self.applies(step, in: folder) }
        guard let firstPending = folder.steps.firstIndex(where: { runs($0) && !tracing.applied.contains($0.script!.path) }),
              let level = severity(Self.tracedLock) else { return [] }
        let connection: Connection
        do { connection = try tracing.newDatabase() } catch { return [] }
        var findings: [Finding] = []
        let tracer = LockTracer(connection)
        let seeder = Seeder(connection: connection, rows: tracing.rows)
        let version = tracing.configuration.postgresVersion
        var advisor = LockAdvisor(version: version)
        do {
            try connection.setStatementTimeout(milliseconds: statementTimeout)
            try installPlatform(for: folder, on: connection)
            try connection.execute("BEGIN")
            for step in folder.steps[..<firstPending] where runs(step) {
                guard let script = step.script, Replayer(connection: connection, statementTimeoutMilliseconds: statementTimeout,
                                                         severity: severity).apply(script) == nil else { return [] }
                script.sql.statements.forEach { advisor.apply($0) }
            }
            try connection.execute("COMMIT")
        } catch {
            return []
        }
        var clock = 0.0
        var open: [Held] = []
        var seeded: Set<String> = []
        var unseeded: [String: String] = [:]
        func close() {
            for held in open {
                findings.append(Self.finding(held, heldFor: clock - held.start, rows: tracing.rows, level: level))
            }
            open = []
        }
        // Each migration runs in a transaction of its own, committed, so its locks are seen as on a database where
        // the migrations before it are applied (their tables hold rows); how long a lock stays held is the
        // runner's: under drizzle-kit, until the last pending migration ends.
        for step in folder.steps[firstPending...] where runs(step) {
            guard let script = step.script else { continue }
            let runner = MigrationRunner(tracing.configuration, folder: folder, step: step)
            do {
                let existing = try tracer.existing()
                let unknown = existing.tables.filter { !seeded.contains($0.key) }
                if !unknown.isEmpty {
                    try connection.execute("BEGIN")
                    unseeded.merge(seeder.seed(unknown)) { first, _ in first }
                    seeded.formUnion(unknown.keys)
                    try connection.execute("COMMIT")
                }
                if runner.usesTransaction { try connection.execute("BEGIN") }
                for unit in Self.units(of: script) {
                    let safer = unit.statement.map { advisor.saferForms(of: $0) } ?? []
                    if !runner.usesTransaction { try connection.execute("BEGIN") }
                    let before = try tracer.snapshot(of: existing)
                    let started = DispatchTime.now().uptimeNanoseconds
                    do {
                        try connection.execute(unit.text)
                    } catch {
                        _ = try? connection.execute("ROLLBACK")
                        close()
                        if !error.connectionLost, !error.isStatementTimeout {
                            findings.append(Finding(
                                ruleID: Self.tracedLock, severity: level, path: script.path, range: unit.range,
                                message: "with \(tracing.rows.formatted()) generated rows in each existing table, PostgreSQL rejects this statement of migration \(script.name): \(error.message)\(error.sqlState.map { " (SQLSTATE \($0))" } ?? "")",
                                help: "it applies to empty tables but fails on a database that holds data: make it handle existing rows (a default, a backfill before the constraint); the rest of the folder is not traced"))
                        }
                        return findings
                    }
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                    let after = try tracer.snapshot(of: existing)
                    let effect = LockTracer.effect(from: before, to: after)
                    for (oid, name) in existing.tables.sorted(by: { $0.value < $1.value }) {
                        let mode = effect.locks[oid].flatMap { Self.reported.contains($0) ? $0 : nil }
                        let rewrote = effect.rewritten.contains(oid)
                        guard mode != nil || rewrote else { continue }
                        open.append(Held(script: script, range: unit.range, table: name, mode: mode, rewrote: rewrote,
                                         runner: runner, start: clock, seconds: seconds, saferForms: safer, unseeded: unseeded[oid]))
                    }
                    clock += seconds
                    if !runner.usesTransaction {
                        try connection.execute("COMMIT")
                        close()
                    }
                }
                if runner.usesTransaction { try connection.execute("COMMIT") }
                if runner == .perFile { close() }
            } catch {
                _ = try? connection.execute("ROLLBACK")
                close()
                return findings
            }
        }
        close()
        return findings
    }

    /// The modes reported: ACCESS EXCLUSIVE (no reads or writes) and SHARE (no writes, the lock of an index build).
    /// SHARE ROW EXCLUSIVE, which a new foreign key takes on both tables briefly, is `migration/unsafe-foreign-key`'s.
    static let reported: Set<LockMode> = [.share, .accessExclusive]

    /// The pieces traced one by one: each top-level statement of each `--> statement-breakpoint` chunk, or the chunk
    /// whole when the SQL reader could not split it.
    static func units(of script: MigrationScript) -> [(text: String, range: Range<Int>, statement: SQLStatement?)] {
        let bytes = script.source.bytes
        var units: [(String, Range<Int>, SQLStatement?)] = []
        for chunk in StatementBreakpoints.chunks(of: bytes) {
            let text = String(decoding: bytes[chunk], as: UTF8.self)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            let statements = script.sql.statements.filter { chunk.contains($0.range.lowerBound) }
            let unreadable = script.sql.syntaxErrors.contains { chunk.contains($0.range.lowerBound) }
            if statements.isEmpty || unreadable {
                units.append((text, chunk, nil))
            } else {
                units += statements.map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.range, $0) }
            }
        }
        return units
    }

    private static func finding(_ held: Held, heldFor: Double, rows: Int, level: Severity) -> Finding {
        var what: [String] = []
        if let mode = held.mode { what.append("takes \(mode == .accessExclusive ? "an" : "a") \(mode) lock on `\(held.table)`, which blocks \(mode.blocks)") }
        if held.rewrote { what.append("rewrites `\(held.table)` and its indexes") }
        var message = "traced on the replay server: this statement of migration \(held.script.name) " + what.joined(separator: ", and ")
        if held.mode != nil { message += "; the lock is held \(held.runner.heldUntil)" }
        let seconds = { (value: Double) in String(format: "%.2f s", value) }
        var help = held.unseeded.map { "`\(held.table)` was left empty (\($0)), so the times show no row cost: " }
            ?? "with \(rows.formatted()) generated rows in `\(held.table)`, "
        help += "the statement ran \(seconds(held.seconds))"
        if held.mode != nil { help += " and the lock stayed held \(seconds(max(heldFor, held.seconds))) of replay time" }
        help += held.mode == nil ? "; on a production table that grows with its size" : "; on a production table both grow with its size"
        if let safer = held.saferForms.first { help += ". Safer: \(safer)" }
        if held.mode == .accessExclusive, held.runner.usesTransaction {
            help += ". Start the migration with `SET LOCAL lock_timeout = '5s';` so a deploy that cannot get the lock fails fast instead of queueing every query behind it"
        }
        return Finding(ruleID: tracedLock, severity: level, path: held.script.path, range: held.range, message: message, help: help)
    }
}
