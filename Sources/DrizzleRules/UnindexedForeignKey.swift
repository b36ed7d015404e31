import Catalog
import Core
import Drizzle
import ProjectModel

/// `schema/unindexed-foreign-key`: PostgreSQL indexes the referenced key but not the referencing column. Joins
/// from the parent, and every `DELETE`/key update of a parent row (which must check or cascade to the children),
/// scan the whole child table.
public struct UnindexedForeignKey: ProjectRule {
    public let id = "schema/unindexed-foreign-key"
    public let facets: Facets = [.catalog, .migrations, .configuration]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let highFrequency = HighFrequencyTables(project.configuration)
        var reporter = LocatedReporter(context)
        // A Prisma schema's file → the folder of its migrations: where several folders (databases) have a table of
        // one name, whether a key was dropped is that folder's answer.
        var folderOfSchemaFile: [String: String] = [:]
        for folder in project.migrations {
            for file in project.prismaSchema(of: folder)?.files ?? [] { folderOfSchemaFile[file] = folder.path }
        }
        for table in project.drizzleTables {
            // High-frequency tables are `schema/unindexed-high-frequency-column`'s: one finding per column.
            guard !highFrequency.contains(table),
                  // A model read from a view the migrations create: the view has no keys to index.
                  !project.migrationEffects.isView(table.key) else { continue }
            let coverage = IndexCoverage(table, migrations: project.migrationEffects)
            for key in table.foreignKeys {
                guard let first = key.columnsFrom.first, !coverage.covers(key.columnsFrom),
                      // A key the migrations dropped is not in the database: nothing checks or cascades through it.
                      !dropsForeignKey(key.name, of: table, project, folderOfSchemaFile) else { continue }
                let column = table.column(named: first)
                reporter.report(
                    at: key.location.path.isEmpty ? (column?.location ?? table.location) : key.location,
                    message: "foreign key column `\(first)` of `\(table.name)` has no index that leads with it, so joins from `\(key.tableTo)` and deletes there scan `\(table.name)`",
                    help: table.help(
                        drizzle: "add `index('\(table.name)_\(first)_idx').on(t.\(column?.key ?? first))` to the table's third argument",
                        prisma: "add `@@index([\(column?.key ?? first)])` to the model (Prisma creates no index for a relation's fields)"),
                    fixes: [column.flatMap { IndexFix.add(on: $0, of: table) }].compactMap { $0 })
            }
        }
    }

    private func dropsForeignKey(_ name: String, of table: DeclaredTable, _ project: Project, _ folderOfSchemaFile: [String: String]) -> Bool {
        guard let folder = folderOfSchemaFile[table.location.path] else {
            return project.migrationEffects.dropsForeignKey(name, onTable: table.key)
        }
        return project.migrationEffects.dropsForeignKey(name, onTable: table.key, inFolder: folder)
    }
}
