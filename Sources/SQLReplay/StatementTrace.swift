import Catalog
import Core
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
    /// The canonical names of the tables with a foreign key to the table of canonical name `name` (itself included
    /// when it references itself), in no promised order. The questions about linked tables start here rather than
    /// scanning every table's keys: a trace answers it from an index kept as it replays.
    func referrers(ofCanonical name: QualifiedName) -> [QualifiedName]
}

extension TableLookup {
    /// Every table's keys scanned: what a replay that keeps no index answers.
    public func referrers(ofCanonical name: QualifiedName) -> [QualifiedName] {
        tableNames.filter { other in
            foreignKeys(ofCanonical: other)?.contains { ForeignKeyTargets.target(of: $0) == name } ?? false
        }
    }
}

/// The tables foreign keys point at, by canonical name.
enum ForeignKeyTargets {
    static func target(of key: ForeignKey) -> QualifiedName {
        QualifiedName.canonical(schema: key.schemaTo, name: key.tableTo)
    }

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
    fileprivate struct Version: Sendable {
        /// The first statement that sees this version.
        var from: Int
        var table: Table?
    }

    private let versions: [QualifiedName: [Version]]
    /// Every name that ever had a version, in first-seen order.
    private let names: [QualifiedName]
    /// For each table foreign keys ever pointed at, the versions of the set of tables pointing at it.
    private let referrerVersions: [QualifiedName: [ReferrerVersion]]

    fileprivate struct ReferrerVersion: Sendable {
        /// The first statement that sees this version.
        var from: Int
        var tables: [QualifiedName]
    }

    /// Column copies a trace may keep before it gives up (nil): each version of a table holds its own copy of the
    /// table's columns, and a long run of statements on wide tables (5,000 `ALTER TABLE`s in one migration) made a
    /// run's memory 60% larger and its page faults twice as many. Callers then replay per use instead.
    public static let defaultColumnBudget = 40_000

    /// Replays `statements` (each with its file's path) from `start`, keeping every table's versions; nil when
    /// they would hold more than `columnBudget` columns in all.
    public convenience init?(from start: CatalogReplay, statements: [(statement: SQLStatement, path: String)],
                             columnBudget: Int = StatementTrace.defaultColumnBudget) {
        var replay = start
        _ = replay.takeChanges()
        var recorder = Recorder(from: replay, columnBudget: columnBudget)
        for (ordinal, entry) in statements.enumerated() {
            replay.applyFlattened(entry.statement, path: entry.path)
            recorder.record(replay.takeChanges().tables, of: replay, from: ordinal + 1)
            if recorder.isOverBudget { return nil }
        }
        self.init(recorder)
    }

    /// What a replay's owner hands over after each statement to keep the trace as it goes, so that the replay that
    /// loads a folder (`MigrationReplay`) keeps the versions too and no rule replays the folder again.
    public struct Recorder: Sendable {
        fileprivate var versions: [QualifiedName: [Version]] = [:]
        fileprivate var names: [QualifiedName] = []
        fileprivate var referrers = ReferrerIndex()
        private var columns = 0
        private let columnBudget: Int
        /// Past the budget: nothing more is kept, and `trace` is nil. The owner lets the recorder go then (it holds
        /// what was kept so far).
        public private(set) var isOverBudget = false

        /// Every table of `start` is seen from statement 0 on (sharing `start`'s columns: they cost the budget nothing).
        public init(from start: CatalogReplay, columnBudget: Int = StatementTrace.defaultColumnBudget) {
            self.columnBudget = columnBudget
            for name in start.tableNames {
                names.append(name)
                let table = start.table(name)
                versions[name] = [Version(from: 0, table: table)]
                referrers.update(name, from: [], to: table?.foreignKeys ?? [])
            }
            referrers.record(from: 0)
        }

        /// The tables `changed` (`CatalogReplay.takeChanges`) as `replay` now holds them, seen from statement
        /// `ordinal` on.
        public mutating func record(_ changed: Set<QualifiedName>, of replay: CatalogReplay, from ordinal: Int) {
            guard !isOverBudget else { return }
            for name in changed {
                // The changed names are canonical: one lookup of each in the replay and in the versions.
                let table = replay.tables[name]
                let existing = versions.index(forKey: name)
                let previous = existing.flatMap { versions.values[$0].last?.table }
                if existing != nil {
                    // Only a statement that changed the columns made the table a new column array: the others (a key,
                    // an index) share the previous version's, and cost the budget nothing.
                    if let table, !StatementTrace.shares(\.columns, table, previous) { columns += table.columns.count }
                } else {
                    names.append(name)
                    columns += table?.columns.count ?? 0
                }
                guard columns <= columnBudget else {
                    isOverBudget = true
                    return
                }
                if !(table.map { StatementTrace.shares(\.foreignKeys, $0, previous) } ?? false) {
                    referrers.update(name, from: previous?.foreignKeys ?? [], to: table?.foreignKeys ?? [])
                }
                let version = Version(from: ordinal, table: table)
                if let existing { versions.values[existing].append(version) } else { versions[name] = [version] }
            }
            referrers.record(from: ordinal)
        }

        /// The versions kept, or nil past the budget.
        public var trace: StatementTrace? { isOverBudget ? nil : StatementTrace(self) }
    }

    private init(_ recorder: Recorder) {
        versions = recorder.versions
        names = recorder.names
        referrerVersions = recorder.referrers.versions
    }

    /// The referrers of each table as the replay goes, and their versions so far.
    fileprivate struct ReferrerIndex: Sendable {
        var current: [QualifiedName: Set<QualifiedName>] = [:]
        var versions: [QualifiedName: [ReferrerVersion]] = [:]
        /// Targets whose referrers changed since the last `record`.
        var touched: Set<QualifiedName> = []
        /// How many of each table's keys point at each target.
        var keyCounts: [QualifiedName: [QualifiedName: Int]] = [:]

        /// Table `name`'s keys are now `new` where they were `old`. Only the keys after the common start are
        /// looked at: a statement mostly adds one key at the end, and building every key's target anew was a
        /// twentieth of a 5,000-statement migration's check.
        mutating func update(_ name: QualifiedName, from old: [ForeignKey], to new: [ForeignKey]) {
            let common = old.withUnsafeBufferPointer { old in
                new.withUnsafeBufferPointer { new in
                    var count = 0
                    while count < min(old.count, new.count), Self.sameTarget(old[count], new[count]) { count += 1 }
                    return count
                }
            }
            var counts = keyCounts.removeValue(forKey: name) ?? [:]
            for index in common..<old.count {
                let target = ForeignKeyTargets.target(of: old[index])
                counts[target, default: 0] -= 1
                if counts[target] == 0 {
                    counts[target] = nil
                    current[target]?.remove(name)
                    touched.insert(target)
                }
            }
            for index in common..<new.count {
                let target = ForeignKeyTargets.target(of: new[index])
                counts[target, default: 0] += 1
                if counts[target] == 1 {
                    current[target, default: []].insert(name)
                    touched.insert(target)
                }
            }
            if !counts.isEmpty { keyCounts[name] = counts }
        }

        /// Same name and same table referenced, as written.
        private static func sameTarget(_ one: ForeignKey, _ other: ForeignKey) -> Bool {
            one.name == other.name && one.tableTo == other.tableTo && one.schemaTo == other.schemaTo
        }

        /// Keeps a version of every touched target's referrers, seen from statement `ordinal` on.
        mutating func record(from ordinal: Int) {
            for target in touched {
                versions[target, default: []].append(ReferrerVersion(from: ordinal, tables: Array(current[target] ?? [])))
            }
            touched = []
        }
    }

    /// Whether `table` holds the very array `previous` holds at `path` (copy-on-write has not copied it, so the
    /// statement did not change it).
    fileprivate static func shares<Element>(_ path: KeyPath<Table, [Element]>, _ table: Table, _ previous: Table?) -> Bool {
        guard let previous else { return false }
        return table[keyPath: path].withUnsafeBufferPointer { own in
            previous[keyPath: path].withUnsafeBufferPointer { $0.baseAddress == own.baseAddress }
        }
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

        public func referrers(ofCanonical name: QualifiedName) -> [QualifiedName] {
            guard let list = trace.referrerVersions[name] else { return [] }
            return StatementTrace.lastIndex(in: list, at: ordinal, \.from).map { list[$0].tables } ?? []
        }
    }

    /// The index of the last element of `list` (ordered by `from`) whose `from` is at or before `ordinal`.
    private static func lastIndex<Element>(in list: [Element], at ordinal: Int, _ from: (Element) -> Int) -> Int? {
        let after = list.partitioningIndex { from($0) > ordinal }
        return after == 0 ? nil : after - 1
    }

    /// `read` of the version of `name` that statement `ordinal` sees (nil when none), without copying the table.
    private func version<Value>(of name: QualifiedName, at ordinal: Int, _ read: (Table) -> Value) -> Value? {
        guard let list = versions[name] else { return nil }
        // Read in place: the version's table is not copied.
        return Self.lastIndex(in: list, at: ordinal, \.from).flatMap { list[$0].table.map(read) }
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
