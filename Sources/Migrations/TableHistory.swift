import Catalog
import Core
import DrizzleKit
import SQL
import Synchronization

/// Which tables exist before each migration (SPEC §3: "an earlier migration, or the previous snapshot, has it").
///
/// Kept as one timeline per folder plus each step's previous-snapshot table set (shared, not copied): a set of
/// every earlier table per step would grow with the square of the number of migrations.
enum TableHistory {
    static func fill(_ steps: inout [MigrationStep], source: any FileSource) {
        var builder = TimelineBuilder()
        var fromSnapshot = SnapshotTables.empty
        var previousSnapshots: [SnapshotTables] = []
        previousSnapshots.reserveCapacity(steps.count)
        for index in steps.indices {
            previousSnapshots.append(fromSnapshot)
            for statement in steps[index].script?.sql.allStatements ?? [] {
                builder.apply(statement.kind, at: index, created: &steps[index].tablesCreated)
            }
            if let snapshot = steps[index].snapshot, snapshot.error == nil {
                fromSnapshot = snapshot.isWhole ? SnapshotTables(snapshot.tables) : SnapshotTables(reading: snapshot, from: source)
            }
        }
        let timeline = builder.finish()
        for index in steps.indices {
            steps[index].tablesBefore = TablesBefore(timeline: timeline, step: index, snapshotTables: previousSnapshots[index])
        }
    }
}

/// Builds the script timeline: a table created in step `i` exists before steps `i+1`… up to and including the
/// step that drops or renames it away.
private struct TimelineBuilder {
    var openSince: [QualifiedName: Int] = [:]
    var lifetimes: [QualifiedName: [ClosedRange<Int>]] = [:]

    mutating func apply(_ kind: StatementKind, at step: Int, created: inout Set<QualifiedName>) {
        switch kind {
        case .createTable(let table):
            let name = table.name.canonical
            open(name, at: step)
            created.insert(name)
        case .dropTable(let drop):
            for name in drop.names { close(name.canonical, at: step) }
        case .rename(let rename) where rename.objectKind == .table:
            guard let old = rename.table else { return }
            let from = old.canonical
            close(from, at: step)
            open(QualifiedName.canonical(schema: from.schema, name: rename.to), at: step)
        default:
            return
        }
    }

    private mutating func open(_ name: QualifiedName, at step: Int) {
        if openSince[name] == nil { openSince[name] = step + 1 }
    }

    private mutating func close(_ name: QualifiedName, at step: Int) {
        guard let since = openSince.removeValue(forKey: name), since <= step else { return }
        lifetimes[name, default: []].append(since...step)
    }

    consuming func finish() -> ScriptTableTimeline {
        for (name, since) in openSince { lifetimes[name, default: []].append(since...Int.max) }
        return ScriptTableTimeline(lifetimes: lifetimes)
    }
}

/// When each table exists according to the migration scripts, as ranges of step indices it exists before.
final class ScriptTableTimeline: Sendable {
    let lifetimes: [QualifiedName: [ClosedRange<Int>]]

    init(lifetimes: [QualifiedName: [ClosedRange<Int>]]) {
        self.lifetimes = lifetimes
    }

    func exists(_ table: QualifiedName, beforeStep step: Int) -> Bool {
        lifetimes[table]?.contains { $0.contains(step) } ?? false
    }
}

/// The tables that existed before one migration ran: from the scripts before it, or its previous snapshot.
public struct TablesBefore: Sendable {
    let timeline: ScriptTableTimeline
    let step: Int
    let snapshotTables: SnapshotTables

    public static let none = TablesBefore(timeline: ScriptTableTimeline(lifetimes: [:]), step: 0, snapshotTables: .empty)

    /// The scripts are asked first: the snapshot is read only when they do not know the table.
    public func contains(_ table: QualifiedName) -> Bool {
        timeline.exists(table, beforeStep: step) || snapshotTables.contains(table)
    }
}

/// One snapshot's table names. Old snapshots are read by their first bytes only (`SnapshotHeaderScanner`); their
/// tables are read from the whole file the first time a rule asks — in practice for the few migrations a run judges.
final class SnapshotTables: Sendable {
    static let empty = SnapshotTables([])

    private let load: @Sendable () -> Set<QualifiedName>
    private let loaded: Mutex<Set<QualifiedName>?>

    init(_ tables: Set<QualifiedName>) {
        load = { tables }
        loaded = Mutex(tables)
    }

    init(reading snapshot: SnapshotHeader, from source: any FileSource) {
        let path = snapshot.path, key = snapshot.key
        load = {
            // An unreadable or broken snapshot knows no tables: the scripts' timeline still answers.
            guard let bytes = try? source.read(path) else { return [] }
            return SnapshotHeaderReader.read(SourceFile(path: path, bytes: bytes), key: key).tables
        }
        loaded = Mutex(nil)
    }

    func contains(_ table: QualifiedName) -> Bool {
        loaded.withLock { tables in
            if tables == nil { tables = load() }
            return tables!.contains(table)
        }
    }
}
