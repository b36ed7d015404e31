import Core
import Drizzle
import ProjectModel

/// `schema/missing-primary-key`: a table without a primary key cannot be updated or deleted row by row reliably,
/// breaks logical replication (`UPDATE`/`DELETE` need a replica identity) and usually hides duplicate rows.
public struct MissingPrimaryKey: ProjectRule {
    public let id = "schema/missing-primary-key"
    public let facets: Facets = [.catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        var reporter = LocatedReporter(context)
        for table in project.drizzleTables {
            guard !table.columns.contains(where: \.primaryKey), table.compositePrimaryKeys.isEmpty else { continue }
            // A key the reader could not read may be there (`drizzle/parse-error` says what): no verdict.
            // Columns it could not read (a spread of an unknown object) may hold the `.primaryKey()` column too.
            guard !table.unreadableElements.contains(.primaryKey), !table.unreadableElements.contains(.column),
                  !table.columns.contains(where: { $0.unreadable.contains(.primaryKey) }) else { continue }
            reporter.report(
                at: table.nameLocation,
                message: "table `\(table.name)` has no primary key, so rows cannot be addressed one by one",
                help: table.help(
                    drizzle: "add `.primaryKey()` to an id column, or `primaryKey({ columns: [...] })` in the table's third argument",
                    prisma: "add `@id` to an id field, or `@@id([...])` to the model (a `@unique` alone is not a primary key)"))
        }
    }
}
