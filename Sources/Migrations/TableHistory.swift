import SQL

/// Which tables exist before each migration (SPEC §3: "an earlier migration, or the previous snapshot, has it").
///
/// Kept as one timeline per folder plus each step's previous-snapshot table set (shared, not copied): a set of
/// every earlier table per step would grow with the square of the number of migrations.
enum TableHistory {
    static func fill(_ steps: inout [MigrationStep]) {
        var builder = TimelineBuilder()
        var fromSnapshot: Set<TableName> = []
        var previousSnapshots: [Set<TableName>] = []
        previousSnapshots.reserveCapacity(steps.count)
        for index in steps.indices {
            previousSnapshots.append(fromSnapshot)
            for statement in steps[index].script?.sql.allStatements ?? [] {
                builder.apply(statement.kind, at: index, created: &steps[index].tablesCreated)
            }
            if let snapshot = steps[index].snapshot, snapshot.error == nil { fromSnapshot = snapshot.tables }
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
    var openSince: [TableName: Int] = [:]
    var lifetimes: [TableName: [ClosedRange<Int>]] = [:]

    mutating func apply(_ kind: StatementKind, at step: Int, created: inout Set<TableName>) {
        switch kind {
        case .createTable(let table):
            let name = TableName(table.name)
            open(name, at: step)
            created.insert(name)
        case .dropTable(let drop):
            for name in drop.names { close(TableName(name), at: step) }
        case .rename(let rename) where rename.objectKind == .table:
            guard let old = rename.table else { return }
            let from = TableName(old)
            close(from, at: step)
            open(TableName(schema: from.schema, name: rename.to), at: step)
        default:
            return
        }
    }

    private mutating func open(_ name: TableName, at step: Int) {
        if openSince[name] == nil { openSince[name] = step + 1 }
    }

    private mutating func close(_ name: TableName, at step: Int) {
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
    let lifetimes: [TableName: [ClosedRange<Int>]]

    init(lifetimes: [TableName: [ClosedRange<Int>]]) {
        self.lifetimes = lifetimes
    }

    func exists(_ table: TableName, beforeStep step: Int) -> Bool {
        lifetimes[table]?.contains { $0.contains(step) } ?? false
    }
}

/// The tables that existed before one migration ran: from the scripts before it, or its previous snapshot.
public struct TablesBefore: Sendable {
    let timeline: ScriptTableTimeline
    let step: Int
    let snapshotTables: Set<TableName>

    public static let none = TablesBefore(timeline: ScriptTableTimeline(lifetimes: [:]), step: 0, snapshotTables: [])

    public func contains(_ table: TableName) -> Bool {
        snapshotTables.contains(table) || timeline.exists(table, beforeStep: step)
    }
}
