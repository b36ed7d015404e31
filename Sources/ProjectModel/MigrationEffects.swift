import Catalog
import Drizzle
import Migrations
import SQL

/// What the migrations leave in the database beyond what a Drizzle schema can declare: indexes written by hand in
/// migration SQL, and columns that row-level `BEFORE UPDATE` triggers set. Read once from the migration steps in
/// the order they are applied, so an index a later migration drops, or a table dropped since, counts no more.
public struct MigrationEffects: Sendable {
    /// Table key (`public.users`) → the leading column of every index (or unique / primary key constraint) that
    /// migrations create and do not drop again.
    public var indexLeadingColumns: [String: Set<String>] = [:]
    /// Table key → columns a `BEFORE UPDATE … FOR EACH ROW` trigger sets: its function assigns `NEW.<column>`, or it
    /// runs `moddatetime(<column>)`.
    public var triggerMaintainedColumns: [String: Set<String>] = [:]

    public init() {}

    public init(_ folders: [MigrationFolder]) {
        var tracker = Tracker()
        for folder in folders {
            for step in folder.steps {
                guard let script = step.script else { continue }
                for statement in script.sql.allStatements { tracker.apply(statement.kind) }
            }
        }
        for index in tracker.indexes.values {
            indexLeadingColumns[index.table, default: []].insert(index.column)
        }
        for trigger in tracker.triggers.values {
            let columns = trigger.function.name.lowercased() == "moddatetime"
                ? trigger.arguments : tracker.functionAssignments[trigger.function.name.lowercased()] ?? []
            if !columns.isEmpty { triggerMaintainedColumns[trigger.table, default: []].formUnion(columns) }
        }
    }

    public func hasIndex(leadingWith column: String, onTable key: String) -> Bool {
        indexLeadingColumns[key]?.contains(column) ?? false
    }

    public func triggerMaintains(_ column: String, ofTable key: String) -> Bool {
        triggerMaintainedColumns[key]?.contains(column) ?? false
    }

    /// The database objects as the statements so far left them.
    private struct Tracker {
        struct CreatedIndex {
            var table: String
            var column: String
        }
        struct Trigger {
            var table: String
            var function: QualifiedName
            var arguments: [String]
        }
        /// By index (or constraint) name; unnamed indexes get a name of their own that nothing can drop.
        var indexes: [String: CreatedIndex] = [:]
        struct TriggerID: Hashable {
            var table: String
            var name: String
        }
        var triggers: [TriggerID: Trigger] = [:]
        /// Function name (lower case) → `NEW.` columns its latest definition assigns.
        var functionAssignments: [String: [String]] = [:]

        mutating func apply(_ kind: StatementKind) {
            switch kind {
            case .createIndex(let index):
                guard case .column(let column)? = index.columns.first else { return }
                add(CreatedIndex(table: Self.key(index.table), column: column), named: index.name)
            case .dropIndex(let drop):
                for name in drop.names { indexes[name.name] = nil }
            case .alterTable(let alter):
                for action in alter.actions { apply(action.kind, to: Self.key(alter.table)) }
            case .dropTable(let drop):
                let dropped = Set(drop.names.map(Self.key))
                indexes = indexes.filter { !dropped.contains($0.value.table) }
                triggers = triggers.filter { !dropped.contains($0.value.table) }
            case .drop(let drop) where drop.objectKind == .trigger:
                guard let table = drop.relation.map(Self.key) else { return }
                for name in drop.names { triggers[TriggerID(table: table, name: name.name)] = nil }
            case .create(let object) where object.objectKind == .function || object.objectKind == .procedure:
                functionAssignments[object.name.name.lowercased()] = object.assignedNewColumns
            case .createTrigger(let trigger):
                let table = Self.key(trigger.table)
                triggers[TriggerID(table: table, name: trigger.name)] = trigger.rewritesUpdatedRows
                    ? Trigger(table: table, function: trigger.function, arguments: trigger.arguments) : nil
            default:
                return
            }
        }

        private mutating func apply(_ action: AlterTableAction.Kind, to table: String) {
            switch action {
            case .addConstraint(let constraint):
                switch constraint.kind {
                case .primaryKey(let columns), .unique(let columns):
                    guard let first = columns.first else { return }
                    add(CreatedIndex(table: table, column: first), named: constraint.name)
                default:
                    return
                }
            case .dropConstraint(let name, _, _):
                indexes[name] = nil
            default:
                return
            }
        }

        private var unnamed = 0

        private mutating func add(_ index: CreatedIndex, named name: String?) {
            if let name {
                indexes[name] = index
            } else {
                unnamed += 1
                indexes["#\(unnamed)"] = index
            }
        }

        static func key(_ name: QualifiedName) -> String { name.snapshotKey }
    }
}
