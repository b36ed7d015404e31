import Catalog
import Core
import SQL

/// A migrations folder replayed step by step into one `CatalogReplay`, answering per step: which tables existed
/// before it, which it creates, and the catalog before and after it.
///
/// Only what each step changes is kept: every table's versions (the table after each step that changed it, or its
/// absence), so the catalog at any step is a lookup per table, and memory grows with the changes, not with
/// steps × tables (300 migrations of a 112-table schema would otherwise hold 33,600 tables). Table values share
/// their storage with the versions before them (copy on write).
public final class MigrationReplay: Sendable {
    /// One migration: its SQL and the file's path (for locations); nil for a step without a script.
    public struct Step: Sendable {
        public var path: String
        public var sql: SQLFile

        public init(path: String, sql: SQLFile) {
            self.path = path
            self.sql = sql
        }
    }

    /// The table after a step that changed it; nil when the step dropped or renamed it away.
    private struct Version: Sendable {
        var step: Int
        var table: Table?
        /// The migrations created it (it is not a placeholder for a table they only used).
        var created: Bool
    }

    /// The catalog after the last step.
    public let final: CatalogReplay
    public let stepCount: Int
    private let versions: [QualifiedName: [Version]]
    /// Names in the order they first appeared.
    private let names: [QualifiedName]
    private let createdPerStep: [Set<QualifiedName>]
    /// The whole replay state before every `checkpointInterval`-th step, for callers that replay statement by
    /// statement from a later step: a few shared copies (copy on write), not one per step.
    private let checkpoints: [CatalogReplay]
    static let checkpointInterval = 16

    /// The schema before each statement of the folder, numbered across its steps in order (each step's
    /// `SQLFile.allStatements`, from 0): the rules that judge statements ask it instead of replaying the folder a
    /// second time. Nil past `StatementTrace`'s budget, or when not asked for (callers replay from a checkpoint then).
    public let statements: StatementTrace?

    public static let empty = MigrationReplay(steps: [])

    /// - Parameters:
    ///   - keepingStatements: whether to keep `statements`.
    ///   - columnBudget: `statements`' budget (`StatementTrace.Recorder`).
    public init(steps: [Step?], keepingStatements: Bool = false,
                columnBudget: Int = StatementTrace.defaultColumnBudget) {
        var replay = CatalogReplay()
        var versions: [QualifiedName: [Version]] = [:]
        var names: [QualifiedName] = []
        var created: [Set<QualifiedName>] = []
        var checkpoints: [CatalogReplay] = []
        var recorder = keepingStatements ? StatementTrace.Recorder(from: replay, columnBudget: columnBudget) : nil
        var ordinal = 0
        created.reserveCapacity(steps.count)
        for (index, step) in steps.enumerated() {
            if index % Self.checkpointInterval == 0 { checkpoints.append(replay) }
            // Statement by statement, each one's changes handed to the trace; the step's are their union.
            var changes = CatalogReplay.Changes()
            func take() {
                let taken = replay.takeChanges()
                recorder?.record(taken.tables, of: replay, from: ordinal)
                if recorder?.isOverBudget == true { recorder = nil }
                changes.tables.formUnion(taken.tables)
                changes.created.formUnion(taken.created)
            }
            if let step, recorder != nil {
                for statement in step.sql.allStatements {
                    replay.applyFlattened(statement, path: step.path)
                    ordinal += 1
                    take()
                }
                replay.finish(step.sql)
                take()
            } else if let step {
                // Nothing to keep per statement (or no longer, past the budget): the file at once, to the same state.
                replay.apply(step.sql, path: step.path)
                take()
            }
            created.append(changes.created)
            for name in changes.tables {
                if versions[name] == nil { names.append(name) }
                versions[name, default: []].append(Version(step: index, table: replay.table(name), created: replay.created(name)))
            }
        }
        final = replay
        stepCount = steps.count
        self.versions = versions
        self.names = names
        createdPerStep = created
        self.checkpoints = checkpoints
        statements = recorder?.trace
    }

    /// A replay state to continue from for a caller that needs the catalog before `step`: the latest checkpoint at
    /// or before it, and the step it stands before (the caller applies the steps from there to `step`).
    public func checkpoint(atOrBefore step: Int) -> (replay: CatalogReplay, step: Int) {
        let index = min(max(step, 0) / Self.checkpointInterval, checkpoints.count - 1)
        guard index >= 0 else { return (CatalogReplay(), 0) }
        return (checkpoints[index], index * Self.checkpointInterval)
    }

    /// The table as the steps before `step` left it (nil when they never made it or dropped it).
    public func table(_ name: QualifiedName, beforeStep step: Int) -> Table? {
        version(of: name.canonical, before: step)?.table
    }

    /// Whether the migrations before `step` created `table` (and did not drop or rename it away).
    public func existed(_ table: QualifiedName, beforeStep step: Int) -> Bool {
        // Read in place: rules ask this of every statement, and copying the version copied its table.
        guard let list = versions[table.canonical], let index = Self.lastIndex(in: list, before: step) else { return false }
        return list[index].created && list[index].table != nil
    }

    /// The tables `CREATE TABLE` statements of `step` name (also inside `DO` blocks).
    public func tablesCreated(inStep step: Int) -> Set<QualifiedName> {
        createdPerStep.indices.contains(step) ? createdPerStep[step] : []
    }

    /// The tables as the steps before `step` left them, in the order they first appeared.
    public func catalog(beforeStep step: Int) -> SchemaModel {
        SchemaModel(tables: names.compactMap { version(of: $0, before: step)?.table }, reader: .migrations)
    }

    /// The tables as `step` left them.
    public func catalog(afterStep step: Int) -> SchemaModel { catalog(beforeStep: step + 1) }

    /// The last version from a step before `step`: a binary search of the table's versions.
    private func version(of name: QualifiedName, before step: Int) -> Version? {
        guard let list = versions[name], let index = Self.lastIndex(in: list, before: step) else { return nil }
        return list[index]
    }

    /// The index of the last version in `list` from a step before `step`.
    private static func lastIndex(in list: [Version], before step: Int) -> Int? {
        let after = list.partitioningIndex { $0.step >= step }
        return after == 0 ? nil : after - 1
    }
}
