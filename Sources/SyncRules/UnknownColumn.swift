import Catalog
import Core
import Drizzle
import Gists
import JSON
import ProjectModel

/// `sync/unknown-column`: a mirrored property that is no column of the table (renamed or dropped since the Gist
/// was written), and a mapping whose table or key column does not exist.
public struct UnknownColumn: ProjectRule {
    public let id = "sync/unknown-column"
    public let facets: Facets = [.gists, .catalog, .configuration]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let references = SchemaReferences(project.gists)
        let allowed = Set(context.options.strings("allow").map(SyncTarget.normalized))
        if let file = project.configuration.file {
            for mapping in project.configuration.sync where SyncTargets.isTableMissing(mapping.table, in: project) {
                context.report(
                    path: file, range: mapping.tableRange,
                    message: "`sync` maps `\(mapping.path)` to table `\(mapping.table)`, which the schema does not have",
                    help: "name the table as the schema declares it (its SQL name or its TypeScript binding)")
            }
        }
        for target in SyncTargets.resolve(project) {
            guard target.hasAllColumns else { continue }
            if let key = target.mapping.key, target.keyColumn == nil, let file = project.configuration.file,
               let range = target.mapping.keyRange {
                context.report(
                    path: file, range: range, message: "`key: \(key)` is no column of `\(target.table.name)`",
                    help: "name the column the map's keys hold, \(Self.suggestion(for: key, in: target.table) ?? "e.g. its primary key")")
            }
            if target.rowSchema != nil {
                for property in target.rowProperties(references) where !Self.isKnown(property.member.key, target, allowed) {
                    report(property.member.key, path: property.file, range: property.member.keyRange, target: target, context)
                }
                continue
            }
            // No schema: the data's own keys, each reported once (at its first row).
            var seen = Set<String>()
            for row in target.rows {
                for member in row.value.objectMembers ?? [] where !member.key.hasPrefix("$") && seen.insert(member.key).inserted {
                    guard !Self.isKnown(member.key, target, allowed) else { continue }
                    report(member.key, path: row.path, range: member.keyRange, target: target, context)
                }
            }
        }
    }

    private func report(_ property: String, path: String, range: Range<Int>, target: SyncTarget, _ context: RuleContext) {
        let hint = Self.suggestion(for: property, in: target.table).map { " (renamed to \($0)?)" } ?? ""
        context.report(
            path: path, range: range,
            message: "`\(property)` mirrors no column of `\(target.table.name)`\(hint): the sync cannot fill it, so the Gist keeps a stale or missing value",
            help: "rename the property after the column it mirrors, remove it, or list it in this rule's `allow` option if the sync writes it itself")
    }

    static func isKnown(_ property: String, _ target: SyncTarget, _ allowed: Set<String>) -> Bool {
        target.column(for: property) != nil || allowed.contains(SyncTarget.normalized(property))
    }

    /// The closest column name (two edits at most, ignoring case and `_`), in backticks.
    static func suggestion(for name: String, in table: DeclaredTable) -> String? {
        let wanted = SyncTarget.normalized(name)
        var best: (distance: Int, name: String)? = nil
        for column in table.columns {
            let distance = EditDistance.between(wanted, SyncTarget.normalized(column.key ?? column.name))
            if distance <= 2, distance < (best?.distance ?? .max) { best = (distance, column.key ?? column.name) }
        }
        return best.map { "`\($0.name)`" }
    }
}
