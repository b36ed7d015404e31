import Catalog
import Core
import Migrations
import ProjectModel
import SQL

/// `migration/enum-value-used-in-same-transaction`: a value added by `ALTER TYPE … ADD VALUE` is used (a default, an
/// insert, an update, a check, an index predicate) later in the same migration. From PostgreSQL 12 the `ADD VALUE`
/// may run in a transaction, but the value cannot be used until that transaction commits: the migration fails
/// ("unsafe use of new value"). Before 12 the `ADD VALUE` itself fails (`migration/concurrently-in-transaction`).
/// Only uses in the same migration are judged: whether a later migration shares the batch depends on what is pending.
public struct EnumValueUsedInSameTransaction: ProjectRule {
    public let id = "migration/enum-value-used-in-same-transaction"
    public let facets: Facets = [.migrations, .configuration]
    public init() {}

    private struct Added {
        var type: QualifiedName
        var value: String
    }

    public func prepare(_ project: Project) { project.prepareLockedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        var added: [Added] = []
        var createdTypes: Set<String> = []
        var migration: (path: String, transaction: Int)?
        project.forEachLockedStatement { locked, schema in
            // Before the version the row names, `ADD VALUE` fails inside the transaction (concurrently-in-transaction's).
            guard locked.runner.usesTransaction, LockModel.named("add-enum-value").versions.contains(locked.version) else { return }
            // A `COMMIT` in the migration commits the values added before it.
            if migration.map({ $0 != (locked.site.path, locked.transaction) }) ?? true {
                (added, createdTypes, migration) = ([], [], (locked.site.path, locked.transaction))
            }
            let statement = locked.site.statement
            if case .createEnum(let type) = statement.kind { createdTypes.insert(type.name.name) }
            // Values added to a type created in the same transaction are usable at once (PostgreSQL tracks the
            // type as uncommitted), so only types that existed before the migration count.
            if case .alterEnum(let alter) = statement.kind, case .addValue(let value, _) = alter.change {
                if !createdTypes.contains(alter.name.name) { added.append(Added(type: alter.name, value: value)) }
                return
            }
            guard !added.isEmpty, !statement.stringConstants.isEmpty else { return }
            let tables = Self.tables(of: statement)
            for value in added where statement.stringConstants.contains(value.value) {
                let typeName = value.type.name
                guard tables.contains(where: { schema.hasColumn(ofType: typeName, in: $0) })
                        || Self.addsColumn(ofType: typeName, statement) else { continue }
                context.report(
                    path: locked.site.path, range: statement.range,
                    message: "value `\(value.value)` is added to enum `\(value.type)` earlier in this migration and used here before the transaction commits: PostgreSQL refuses it (\"unsafe use of new value\"), and \(locked.runner.name) fails the whole batch",
                    help: locked.runner == .oneTransaction
                        ? "move the `ALTER TYPE … ADD VALUE` to a migration of its own and deploy it in an earlier run than the statements that use the value (drizzle's migrator commits only at the end of a run)"
                        : "move the `ALTER TYPE … ADD VALUE` to a migration of its own, before the one that uses the value (each migration commits at its end)")
                return
            }
        }
    }

    /// The tables a statement writes to or alters.
    private static func tables(of statement: SQLStatement) -> [QualifiedName] {
        switch statement.kind {
        case .alterTable(let alter): [alter.table.canonical]
        case .insert(let data), .update(let data), .delete(let data): [data.table.canonical]
        case .createIndex(let index): [index.table.canonical]
        default: []
        }
    }

    /// `ADD COLUMN … <enum> DEFAULT 'value'` / `CREATE TABLE (… <enum> DEFAULT 'value')`.
    private static func addsColumn(ofType type: String, _ statement: SQLStatement) -> Bool {
        let columns: [ColumnDefinition]
        switch statement.kind {
        case .createTable(let table): columns = table.columns
        case .alterTable(let alter):
            columns = alter.actions.compactMap { if case .addColumn(let column, _) = $0.kind { column } else { nil } }
        default: return false
        }
        return columns.contains { TypeChangeRewrite.sameType($0.typeName, type) && $0.hasDefault }
    }
}
