import Catalog
import Core
import Migrations
import ProjectModel
import SQL
import SQLReplay

/// `migration/destructive-change`: dropping a table or column, changing a column's type (unless PostgreSQL makes the
/// change without a rewrite: binary coercible or widening, see `TypeChangeRewrite`), renaming a table or
/// column: data is lost, or code that is still deployed breaks.
public struct DestructiveChange: ProjectRule {
    public let id = "migration/destructive-change"
    public let facets: Facets = [.migrations]
    public init() {}

    public func prepare(_ project: Project) { project.prepareJudgedStatements() }

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachJudgedStatement { site, schema in check(site, schema, context) }
    }

    private func check(_ site: StatementSite, _ schema: some TableLookup, _ context: RuleContext) {
        switch site.statement.kind {
        case .dropTable(let drop):
            let dropped = drop.names.filter { !site.step.tablesCreated.contains($0.canonical) }
            guard !dropped.isEmpty else { return }
            let names = dropped.map { "`\($0)`" }.joined(separator: ", ")
            context.report(
                path: site.path, range: site.statement.range,
                message: "\(dropped.count == 1 ? "table" : "tables") \(names) \(dropped.count == 1 ? "is" : "are") dropped with all \(dropped.count == 1 ? "its" : "their") data",
                help: "drop tables in a cleanup migration only after no deployed code uses them, and keep a backup")
        case .alterTable(let alter) where alter.objectKind == .table && !site.step.tablesCreated.contains(alter.table.canonical):
            for action in alter.actions { checkAction(action, of: alter.table, site: site, schema, context) }
        case .rename(let rename) where rename.objectKind == .table || rename.objectKind == .column:
            guard let table = rename.table, !site.step.tablesCreated.contains(table.canonical) else { return }
            let what = rename.objectKind == .table
                ? "table `\(table.canonical)`" : "column `\(rename.from ?? "?")` of `\(table.canonical)`"
            context.report(
                path: site.path, range: site.statement.range,
                message: "\(what) is renamed to `\(rename.to)`: deployed code that uses the old name fails",
                help: "add the new \(rename.objectKind), copy the data and drop the old one once no code uses it (expand, then contract)")
        default:
            return
        }
    }

    private static let rewrite = LockModel.named("alter-column-type")

    private func checkAction(_ action: AlterTableAction, of table: QualifiedName, site: StatementSite, _ schema: some TableLookup,
                             _ context: RuleContext) {
        switch action.kind {
        case .dropColumn(let name, _, _):
            context.report(
                path: site.path, range: action.range,
                message: "column `\(name)` of `\(table.canonical)` is dropped with its data: deployed code that still reads it fails",
                help: "drop the column in a cleanup migration only after no deployed code uses it, and keep a backup")
        case .alterColumnType(let change):
            let oldType = schema.type(of: change.column, in: table.canonical)
            let consequence: String
            switch TypeChangeRewrite.verdict(from: oldType, to: change) {
            case .noRewrite: return
            case .rewrite: consequence = "PostgreSQL rewrites the table and its indexes while holding an \(Self.rewrite.lock) lock"
            case .rewriteUnlessUTC:
                consequence = "PostgreSQL rewrites the table and its indexes while holding an \(Self.rewrite.lock) lock (unless the session's TimeZone is UTC)"
            case .unknown: consequence = "PostgreSQL may rewrite the table under an exclusive lock"
            }
            let from = oldType.map { "from `\($0)` " } ?? ""
            context.report(
                path: site.path, range: action.range,
                message: "column `\(change.column)` of `\(table.canonical)` changes type \(from)to `\(change.typeName)`: \(consequence), and deployed code may break",
                help: "add a column of the new type, backfill it, switch the code over, then drop the old column")
        default:
            return
        }
    }
}
