import Catalog
import Core
import Migrations
import ProjectModel
import SQLReplay

/// How the migrations of a folder are applied: which statements share a transaction, and so how long a lock is held.
///
/// drizzle-kit folders (journal and v1 layouts) default to drizzle-orm's migrator. Its PostgreSQL dialect
/// (`drizzle-orm/src/pg-core/dialect.ts`, `PgDialect.migrate`) reads the last applied migration, then opens ONE
/// `session.transaction` around the loop over every migration newer than it, executing each statement and
/// inserting the bookkeeping row inside that transaction (drizzle-orm issues #860 and #5316 discuss it). The v1
/// migrator (drizzle-orm 1.0 beta, `<timestamp>_<name>/migration.sql` folders) keeps that shape: it upgrades its
/// bookkeeping table inside a transaction and still applies the pending migrations in one; we found no per-file
/// option. Supabase CLI folders (`supabase/migrations/<timestamp>_<name>.sql`) default to one transaction per file:
/// the CLI (`supabase/cli`, `pkg/migration/file.go`, `MigrationFile.ExecBatch`) sends a file's statements and its
/// history row as one pgx batch, which PostgreSQL runs as one implicit transaction. `migrations.runner` in
/// `.schemalint.yml` overrides the default for people who apply the SQL otherwise.
public enum MigrationRunner: Equatable, Sendable {
    /// Every pending migration in one transaction (drizzle-orm's migrator).
    case oneTransaction
    /// Each migration file in its own transaction.
    case perFile
    /// No transaction: each statement commits alone.
    case none
    /// A SQL file of a journal folder that the journal does not list: drizzle's migrator never runs it, so whatever
    /// applies it (by hand, another tool) is unknown, and nothing is claimed about its transaction.
    case unknown

    public init(_ configuration: Configuration, folder: MigrationFolder, step: MigrationStep) {
        switch configuration.migrationRunner {
        case .some(.perFileTransaction): self = .perFile
        case nil where folder.isAppliedBySupabaseCLI: self = .perFile
        case .some(.none): self = .none
        case .some(.drizzleKit), nil:
            if folder.layout == .prisma {
                // `prisma migrate deploy` sends each migration.sql as one query string: PostgreSQL runs a
                // multi-statement string as one implicit transaction, a single statement alone (prisma/orm#22922,
                // where a lone `CREATE INDEX CONCURRENTLY` migration succeeds).
                self = (step.script?.sql.statements.count ?? 0) > 1 ? .perFile : .none
                return
            }
            self = folder.layout == .journal && step.entry == nil ? .unknown : .oneTransaction
        }
    }

    /// Whether the runner is known to wrap the migration in a transaction.
    public var usesTransaction: Bool { self == .oneTransaction || self == .perFile }

    /// How long a lock taken by a statement is held, for messages.
    public var heldUntil: String {
        switch self {
        case .oneTransaction: "until the batch of pending migrations commits (drizzle's migrator runs them all in one transaction)"
        case .perFile: "until this migration's transaction commits"
        case .none: "until the statement ends"
        case .unknown: "until its transaction commits, if whatever applies this file (drizzle's journal does not list it) uses one"
        }
    }

    /// What the runner is called in messages.
    public var name: String {
        switch self {
        case .oneTransaction: "drizzle's migrator, which runs all pending migrations in one transaction"
        case .perFile: "the runner, which runs each migration in a transaction"
        case .none, .unknown: "the runner"
        }
    }
}

/// One statement, with what the lock model says of it and what surrounds it. A class, kept once and read by every
/// lock rule (see `StatementSite`).
final class LockedStatement: Sendable {
    let site: StatementSite
    /// The lock-model rows it falls under, per action.
    let effects: [LockEffect]
    let runner: MigrationRunner
    let version: Int
    /// How many transactions the migration ended (`COMMIT`, `ROLLBACK`) before this statement: statements of one
    /// migration share a transaction only when they share this count.
    let transaction: Int
    /// The effects on tables that had rows when the migration ran (a table the migration creates is empty): asked
    /// by most lock rules, so worked out once.
    let effectsOnExistingTables: [LockEffect]

    init(site: StatementSite, effects: [LockEffect], effectsOnExistingTables: [LockEffect], runner: MigrationRunner,
         version: Int, transaction: Int) {
        self.site = site
        self.effects = effects
        self.effectsOnExistingTables = effectsOnExistingTables
        self.runner = runner
        self.version = version
        self.transaction = transaction
    }

    /// The effects of `effects` on tables that had rows when `site`'s migration ran.
    static func onExistingTables(_ effects: [LockEffect], at site: StatementSite) -> [LockEffect] {
        effects.filter { effect in effect.table.map { site.step.existedBefore($0) } ?? false }
    }

    /// The first ACCESS EXCLUSIVE lock the statement takes on a table that had rows: on the table it names, else on
    /// another one (the parent of a dropped foreign key, a table linked to a dropped one).
    var firstAccessExclusiveLockOnExistingTable: (effect: LockEffect, table: QualifiedName)? {
        if let effect = effectsOnExistingTables.first(where: { $0.row.lock == .accessExclusive }), let table = effect.table {
            return (effect, table)
        }
        for effect in effects where effect.otherTableLock == .accessExclusive {
            if let table = effect.otherTables.first(where: { site.step.existedBefore($0) }) { return (effect, table) }
        }
        return nil
    }
}

extension Project {
    /// Every statement of the migrations that are judged (not applied), in applied order, with its lock-model rows at
    /// the configured PostgreSQL version. Worked out once per project and shared by the lock rules: each walking the
    /// migrations again (and replaying their schema) cost more than the whole SQL parse on a 5,000-statement folder.
    func forEachLockedStatement(_ visit: (LockedStatement) -> Void) {
        // Each read in place: a `for … in` copied every statement for each of the ten rules.
        lockedStatements(version: configuration.postgresVersion).withUnsafeBufferPointer { all in
            for index in all.indices { visit(all[index]) }
        }
    }

    /// `ProjectRule.prepare` of the rules that read the judged statements' lock-model rows.
    func prepareLockedStatements() { _ = lockedStatements(version: configuration.postgresVersion) }

    /// `forEachLockedStatement` with the schema the migrations before each statement made, for the rules that need it.
    func forEachLockedStatement(_ visit: (LockedStatement, any TableLookup) -> Void) {
        let locked = lockedStatements(version: configuration.postgresVersion)
        guard !locked.isEmpty else { return }
        var next = 0
        locked.withUnsafeBufferPointer { locked in
            forEachJudgedStatement { _, schema in
                visit(locked[next], schema)
                next += 1
            }
        }
    }

    /// The judged statements with their lock-model rows, worked out once per project.
    private func lockedStatements(version: Int) -> [LockedStatement] {
        derived.value(keyForMarking("locked-statements-\(version)")) {
            // The rows of each statement, on all cores: the largest part of this, and independent per statement.
            let effects = mapJudgedStatements { site, schema in
                let effects = LockModel.effects(of: site.statement, version: version, schema: schema)
                return (all: effects, onExistingTables: LockedStatement.onExistingTables(effects, at: site))
            }
            var all: [LockedStatement] = []
            all.reserveCapacity(effects.count)
            var file: (path: String, runner: MigrationRunner, inTransaction: Bool, ended: Int)?
            forEachJudgedSite { site in
                if file?.path != site.path {
                    let runner = MigrationRunner(configuration, folder: site.folder, step: site.step)
                    file = (site.path, runner, runner.usesTransaction, 0)
                }
                guard var current = file else { return }
                // A `COMMIT` in the file ends the runner's transaction: what follows runs alone, each statement
                // committing, until a `BEGIN` opens a transaction again (which this migration's end or the batch's
                // commit closes).
                let runner: MigrationRunner
                switch current.runner {
                case .unknown: runner = .unknown
                case _ where current.inTransaction: runner = current.runner.usesTransaction ? current.runner : .perFile
                default: runner = .none
                }
                let (effectsOfSite, onExistingTables) = effects[all.count]
                all.append(LockedStatement(site: site, effects: effectsOfSite, effectsOnExistingTables: onExistingTables,
                                           runner: runner, version: version, transaction: current.ended))
                if case .transaction(let control) = site.statement.kind {
                    if control == .begin {
                        current.inTransaction = true
                    } else if current.inTransaction {
                        current.inTransaction = false
                        current.ended += 1
                    }
                }
                file = current
            }
            return all
        }
    }
}
