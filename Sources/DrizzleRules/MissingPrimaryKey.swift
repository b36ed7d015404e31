import Catalog
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
            if let unique = Self.identifyingUnique(of: table) {
                reportUnique(unique, of: table, &reporter)
                continue
            }
            reporter.report(
                at: table.nameLocation,
                message: "table `\(table.name)` has no primary key, so rows cannot be addressed one by one",
                help: table.help(
                    drizzle: "add `.primaryKey()` to an id column, or `primaryKey({ columns: [...] })` in the table's third argument",
                    prisma: "add `@id` to an id field, or `@@id([...])` to the model (a `@unique` alone is not a primary key)"))
        }
    }

    /// A table whose unique key already addresses its rows: what is missing is only what a primary key adds.
    private func reportUnique(_ unique: IdentifyingUnique, of table: DeclaredTable, _ reporter: inout LocatedReporter) {
        let keys = unique.columns.map { $0.key ?? $0.name }
        let drizzleKey = keys.count == 1 ? "`.primaryKey()` on `\(keys[0])`" : "`primaryKey({ columns: [\(keys.map { "t.\($0)" }.joined(separator: ", "))] })`"
        reporter.report(
            at: table.nameLocation,
            message: "table `\(table.name)` has no primary key: its unique key (\(keys.map { "`\($0)`" }.joined(separator: ", "))) identifies rows, but without a primary key logical replication (and Supabase Realtime) refuses the table's updates and deletes",
            help: table.help(
                drizzle: "make that key the primary key: \(drizzleKey) in place of \(unique.description)",
                prisma: keys.count == 1
                    ? "make `\(keys[0])` the primary key: `@id` in place of `@unique`"
                    : "make the unique fields the primary key: `@@id([\(keys.joined(separator: ", "))])` in place of `@@unique([\(keys.joined(separator: ", "))])`"))
    }

    /// A unique constraint or unique index whose columns identify rows.
    struct IdentifyingUnique {
        var columns: [DeclaredColumn]
        /// `unique constraint `x`` or `unique index `x``, for the help.
        var description: String
    }

    /// The columns of a unique constraint, or of a unique index over plain columns without `WHERE`, that are all
    /// `NOT NULL`: they identify each row as a primary key would.
    static func identifyingUnique(of table: DeclaredTable) -> IdentifyingUnique? {
        let candidates = table.uniqueConstraints.map { ($0.columns, "unique constraint `\($0.name)`") }
            + table.indexes.filter { $0.isUnique && $0.where == nil && !$0.columns.contains(where: \.isExpression) }
                .map { ($0.columns.map(\.expression), "unique index `\($0.name)`") }
        for (names, description) in candidates where !names.isEmpty {
            let columns = names.compactMap { table.column(named: $0) }
            if columns.count == names.count, columns.allSatisfy(\.notNull) { return IdentifyingUnique(columns: columns, description: description) }
        }
        return nil
    }
}
