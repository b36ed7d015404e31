import Catalog
import Core
import DrizzleKit
import SQL
import SQLReplay
import Synchronization

/// Which tables exist before each migration (SPEC §3: "an earlier migration, or the previous snapshot, has it"):
/// the folder's SQL replayed once (`MigrationReplay`, which keeps only what each step changes) plus each step's
/// previous-snapshot table set (shared, not copied).
enum TableHistory {
    static func fill(_ folder: inout MigrationFolder, source: any FileSource, keepingStatements: Bool) {
        let replay = MigrationReplay(steps: folder.steps.map { step in
            step.script.map { MigrationReplay.Step(path: $0.path, sql: $0.sql) }
        }, keepingStatements: keepingStatements)
        folder.replay = replay
        var fromSnapshot = SnapshotTables.empty
        for index in folder.steps.indices {
            folder.steps[index].tablesCreated = replay.tablesCreated(inStep: index)
            folder.steps[index].tablesBefore = TablesBefore(replay: replay, step: index, snapshotTables: fromSnapshot)
            if let snapshot = folder.steps[index].snapshot, snapshot.error == nil {
                fromSnapshot = snapshot.isWhole ? SnapshotTables(snapshot.tables) : SnapshotTables(reading: snapshot, from: source)
            }
        }
    }
}

/// The tables that existed before one migration ran: from the scripts before it, or its previous snapshot.
public struct TablesBefore: Sendable {
    let replay: MigrationReplay
    let step: Int
    let snapshotTables: SnapshotTables

    public static let none = TablesBefore(replay: .empty, step: 0, snapshotTables: .empty)

    /// The scripts are asked first: the snapshot is read only when they do not know the table.
    public func contains(_ table: QualifiedName) -> Bool {
        replay.existed(table, beforeStep: step) || snapshotTables.contains(table)
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
