import Core
import ProjectModel
import Queries
import TypeScript

/// Facts several rules share, computed once after the readers ran: what the migrations add to the schema, which
/// columns application code sets on update, and the comments at schema columns.
extension ProjectLoader {
    func addFacts(to project: inout Project, paths: [String], provider: ParsedSourceProvider) {
        project.migrationEffects = MigrationEffects(project.migrations)
        let tables = project.schemas.flatMap(\.model.tables)
        guard !tables.isEmpty else { return }
        let parsed = Dictionary(provider.entries.map { ($0.file.path, $0) }, uniquingKeysWith: { first, _ in first })
        project.columnComments = ColumnComments(
            tables: tables,
            files: parsed.mapValues { entry in
                (entry.file.bytes, entry.syntax.comments.map { SourceComment(text: $0.text, range: $0.range) })
            })
        // Every TypeScript file of the repository, not only `drizzle.queries`: updates live anywhere in app code.
        // Most files are never parsed: the byte test drops those without an update.
        let source = self.source
        project.tableUpdates = UpdateReader(models: project.schemas.map(\.model)).read(paths.filter(DrizzleLoading.isSource)) { path in
            if let entry = parsed[path] {
                return UpdateReader.mayUpdate(entry.file.bytes) ? QuerySourceFile(path: path, syntax: entry.syntax) : nil
            }
            guard let bytes = try? source.read(path), UpdateReader.mayUpdate(bytes) else { return nil }
            return QuerySourceFile(path: path, syntax: TypeScriptParser.parse(bytes))
        }
    }
}
