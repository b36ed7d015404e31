import Catalog
import SQL

/// What rules ask of the schema as it stood before a statement: tables by name, and the names of all of them.
/// `CatalogReplay` answers it for its current state; `StatementTrace.Before` for any statement of a replay kept once.
public protocol TableLookup {
    func table(_ name: QualifiedName) -> Table?
    /// Every table known at that point (made or used by the migrations), by canonical name, in no promised order.
    var tableNames: [QualifiedName] { get }
    /// The foreign keys of the table of canonical name `name` (nil when unknown), without copying the rest of it: the
    /// questions that scan every table's keys (`tablesLinked`) copied each whole table, most of a 5,000-statement
    /// migration's check time.
    func foreignKeys(ofCanonical name: QualifiedName) -> [ForeignKey]?
}

extension CatalogReplay: TableLookup {
    public var tableNames: [QualifiedName] { order }

    public func foreignKeys(ofCanonical name: QualifiedName) -> [ForeignKey]? {
        // Read in place (`values[index]`), not through `tables[name]`, which copies the whole table.
        tables.index(forKey: name).map { tables.values[$0].foreignKeys }
    }
}

/// One replay of a run of statements, kept as the versions of each table at the statements that changed it, so that
/// any number of rules can ask what the schema was before any statement without replaying it again. Each rule
/// replaying on its own cost 5 replays of every judged statement (the largest cost of a folder checked alone).
///
/// Statements are numbered in the order given (`SQLFile.allStatements`, `DO` blocks followed by their nested
/// statements, applied with `CatalogReplay.applyFlattened`), from 0.
public final class StatementTrace: Sendable {
    private struct Version: Sendable {
        /// The first statement that sees this version.
        var from: Int
        var table: Table?
    }

    private let versions: [QualifiedName: [Version]]
    /// Every name that ever had a version, in first-seen order.
    private let names: [QualifiedName]

    /// Column copies a trace may keep before it gives up (nil): each version of a table holds its own copy of the
    /// table's columns, and a long run of statements on wide tables (5,000 `ALTER TABLE`s in one migration) made a
    /// run's memory 60% larger and its page faults twice as many. Callers then replay per use instead.
    public static let defaultColumnBudget = 40_000

    /// Replays `statements` (each with its file's path) from `start`, keeping every table's versions; nil when
    /// they would hold more than `columnBudget` columns in all.
    public init?(from start: CatalogReplay, statements: [(statement: SQLStatement, path: String)],
                 columnBudget: Int = StatementTrace.defaultColumnBudget) {
        var replay = start
        _ = replay.takeChanges()
        var versions: [QualifiedName: [Version]] = [:]
        var names: [QualifiedName] = []
        var columns = 0
        for name in start.tableNames {
            names.append(name)
            versions[name] = [Version(from: 0, table: start.table(name))]
        }
        for (ordinal, entry) in statements.enumerated() {
            replay.applyFlattened(entry.statement, path: entry.path)
            for name in replay.takeChanges().tables {
                if versions[name] == nil { names.append(name) }
                let table = replay.table(name)
                columns += table?.columns.count ?? 0
                guard columns <= columnBudget else { return nil }
                versions[name, default: []].append(Version(from: ordinal + 1, table: table))
            }
        }
        self.versions = versions
        self.names = names
    }

    /// The schema before statement `ordinal` ran.
    public func before(_ ordinal: Int) -> Before { Before(trace: self, ordinal: ordinal) }

    public struct Before: TableLookup, Sendable {
        let trace: StatementTrace
        let ordinal: Int

        public func table(_ name: QualifiedName) -> Table? { trace.version(of: name.canonical, at: ordinal) { $0 } }

        public func foreignKeys(ofCanonical name: QualifiedName) -> [ForeignKey]? {
            trace.version(of: name, at: ordinal, \.foreignKeys)
        }

        public var tableNames: [QualifiedName] {
            trace.names.filter { trace.version(of: $0, at: ordinal) { _ in true } != nil }
        }
    }

    /// `read` of the version of `name` that statement `ordinal` sees (nil when none), without copying the table.
    private func version<Value>(of name: QualifiedName, at ordinal: Int, _ read: (Table) -> Value) -> Value? {
        guard let list = versions[name] else { return nil }
        // The last version whose `from` is at or before `ordinal`.
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].from <= ordinal { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : list[low - 1].table.map(read)
    }
}

/// A replay stepped one statement at a time, with each table's foreign keys kept beside it: the lock model asks, for
/// every type change, which tables' keys reference the changed one, and reading each table's keys out of the replay
/// copied the whole table (a 5,000-statement migration spent a quarter of its check doing so). The keys of the tables
/// each statement changed (`CatalogReplay.takeChanges`, what `StatementTrace` keeps versions by) are read once.
public struct SteppedReplay: TableLookup, Sendable {
    public private(set) var replay: CatalogReplay
    private var keys: [QualifiedName: [ForeignKey]] = [:]

    public init(from start: CatalogReplay) {
        replay = start
        _ = replay.takeChanges()
        for name in replay.tableNames { keys[name] = replay.table(name)?.foreignKeys }
    }

    public mutating func applyFlattened(_ statement: SQLStatement, path: String) {
        replay.applyFlattened(statement, path: path)
        for name in replay.takeChanges().tables { keys[name] = replay.table(name)?.foreignKeys }
    }

    public func table(_ name: QualifiedName) -> Table? { replay.table(name) }

    public var tableNames: [QualifiedName] { replay.tableNames }

    public func foreignKeys(ofCanonical name: QualifiedName) -> [ForeignKey]? { keys[name] }
}
