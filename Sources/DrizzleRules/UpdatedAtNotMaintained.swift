import Core
import Drizzle
import ProjectModel

/// `drizzle/updated-at-not-maintained`: `.defaultNow()` only fills `updated_at` on insert; without `$onUpdate`
/// (or a database trigger) it keeps the creation time forever.
public struct UpdatedAtNotMaintained: ProjectRule {
    public let id = "drizzle/updated-at-not-maintained"
    public init() {}

    /// Column names (as word lists) that promise the time of the last change.
    static let names: Set<[String]> = [["updated", "at"], ["modified", "at"], ["last", "modified", "at"], ["updated", "on"]]

    public func check(_ project: Project, _ context: RuleContext) {
        let maintainedElsewhere = Set(context.options.strings("maintainedTables"))
        var reporter = LocatedReporter(context)
        for table in project.drizzleTables where !maintainedElsewhere.contains(table.name) {
            for column in table.columns
            where !column.hasOnUpdate && column.generated == nil && (column.nameEnds(withLetters: "at") || column.nameEnds(withLetters: "on"))
                && column.nameWords.contains(where: Self.names.contains) {
                reporter.report(
                    at: column.location,
                    message: "column \(column.displayName) of `\(table.name)` is never updated by Drizzle, so it keeps the insert time",
                    help: "add `.$onUpdate(() => new Date())` to the column, or list the table in `maintainedTables` if a trigger or library sets it")
            }
        }
    }
}
