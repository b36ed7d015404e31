import Core
import Drizzle
import ProjectModel

/// `schema/timestamp-without-timezone`: `timestamp` without time zone stores wall-clock time and silently drops
/// the offset; values written from servers or sessions in different zones cannot be compared.
public struct TimestampWithoutTimezone: ProjectRule {
    public let id = "schema/timestamp-without-timezone"
    public let facets: Facets = [.catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        var reporter = LocatedReporter(context)
        for table in project.drizzleTables {
            for column in table.columns
            where column.pgType.isTimestamp && !column.pgType.withTimeZone {
                reporter.report(
                    at: column.typeLocation,
                    message: "column \(column.displayName) is `timestamp` without time zone, so the instant it records depends on the writer's zone",
                    help: table.help(
                        drizzle: "add `{ withTimezone: true }` to the `timestamp()` options (`timestamptz`)",
                        prisma: "add `@db.Timestamptz(3)` to the field (Prisma's `DateTime` is `timestamp(3)` without time zone)"),
                    fixes: table.isPrisma ? [] : [ColumnFixes.withTimezone(column)].compactMap { $0 })
            }
        }
    }
}
