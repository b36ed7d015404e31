import Core
import Drizzle
import Gists
import JSON
import ProjectModel

/// `sync/stale-value`: a value in Gist data that the column's enum no longer has (renamed or removed by a
/// migration): the next sync overwrites it, and until then commands read a status PostgreSQL cannot hold.
public struct StaleValue: ProjectRule {
    public let id = "sync/stale-value"
    public let facets: Facets = [.gists, .catalog, .configuration]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for target in SyncTargets.resolve(project) {
            for row in target.rows {
                for member in row.value.objectMembers ?? [] {
                    guard let text = member.value.stringValue, let column = target.column(for: member.key),
                          let values = target.enumValues(of: column), !values.contains(text) else { continue }
                    context.report(
                        path: row.path, range: member.value.range,
                        message: "`\(text)` is no value of enum `\(column.enumName ?? column.type)` (\(TypeMismatch.list(values))) that column `\(target.table.name).\(column.name)` holds",
                        help: "update the entry from the database (run the sync), or map the old value to its new name")
                }
            }
        }
    }
}
