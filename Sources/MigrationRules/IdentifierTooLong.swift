import Core
import Migrations
import ProjectModel
import SQL

/// `migration/identifier-too-long`: a name over 63 bytes, which PostgreSQL truncates (NAMEDATALEN − 1) with only a
/// NOTICE: the database then holds another name than the schema and drizzle-kit's snapshot, and two long names
/// with the same first 63 bytes collide. drizzle-kit builds foreign key names from both tables and columns.
public struct IdentifierTooLong: ProjectRule {
    public let id = "migration/identifier-too-long"
    public let facets: Facets = [.migrations]
    public init() {}

    public func prepare(_ project: Project) { project.prepareStatementSites() }

    public func check(_ project: Project, _ context: RuleContext) {
        project.forEachMigrationStatement { site in
            let statement = site.statement
            guard !statement.longIdentifiers.isEmpty else { return }
            var reported: Set<String> = []
            for (kind, name) in Self.names(statement) {
                // The parser hands on the truncated name; the statement's long identifiers say what was written.
                guard let long = statement.longIdentifiers.first(where: { $0.truncated == name }), reported.insert(long.name).inserted else { continue }
                context.report(
                    path: site.path, range: long.range,
                    message: "\(kind) name `\(long.name)` is \(long.name.utf8.count) bytes: PostgreSQL silently truncates it to `\(long.truncated)`\(MigrationTool(site.folder) == .drizzleKit ? ", so the database and drizzle-kit's snapshot disagree on the name" : ": later statements must use that name")",
                    help: MigrationTool(site.folder) == .drizzleKit
                        ? "give it a name of at most 63 bytes in the schema (the `name` option of `foreignKey({ name, columns, foreignColumns })`, or the name passed to `index()`, `unique()` or `pgTable()`) and regenerate the migration before it is applied anywhere"
                        : "give it a name of at most 63 bytes before the migration is applied anywhere")
            }
        }
    }

    /// Every name a statement gives, with the text to report.
    private static func names(_ statement: SQLStatement) -> [(String, String)] {
        var found: [(String, String)] = []
        func constraint(_ constraint: TableConstraint) {
            guard let name = constraint.name else { return }
            let kind = if case .foreignKey = constraint.kind { "foreign key" } else { "constraint" }
            found.append((kind, name))
        }
        switch statement.kind {
        case .createTable(let table):
            found.append(("table", table.name.name))
            for column in table.columns { found.append(("column", column.name)) }
            table.constraints.forEach(constraint)
        case .alterTable(let alter):
            for action in alter.actions {
                switch action.kind {
                case .addColumn(let column, _): found.append(("column", column.name))
                case .addConstraint(let added): constraint(added)
                default: continue
                }
            }
        case .createIndex(let index):
            if let name = index.name { found.append(("index", name)) }
        case .createEnum(let type): found.append(("type", type.name.name))
        case .rename(let rename): found.append((rename.objectKind.description, rename.to))
        default: break
        }
        return found
    }
}
