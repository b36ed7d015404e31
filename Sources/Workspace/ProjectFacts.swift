import Core
import ProjectModel
import Queries

/// Facts several rules share, prepared once after the schema readers ran: the comments at schema columns, and the
/// search of application code for updates (run when a rule first asks).
extension ProjectLoader {
    func addFacts(to facet: inout SchemaFacet, paths: [String], provider: ParsedSourceProvider, source: any FileSource) {
        let tables = facet.schemas.flatMap(\.model.tables)
        guard !tables.isEmpty else { return }
        let parsed = Dictionary(provider.entries.map { ($0.file.path, $0) }, uniquingKeysWith: { first, _ in first })
        facet.columnComments = ColumnComments(
            tables: tables,
            files: parsed.mapValues { entry in
                (entry.file.bytes, entry.syntax.comments.map { SourceComment(text: $0.text, range: $0.range) })
            })
        // Every TypeScript file of the repository, not only `drizzle.queries`: updates live anywhere in app code.
        facet.tableUpdates = RepositoryUpdates(
            paths: paths.filter(DrizzleLoading.isSource), schemas: facet.schemas.map { ($0.model, $0.declarations) },
            parsed: parsed.mapValues { RepositoryUpdates.ParsedFile(bytes: $0.file.bytes, syntax: $0.syntax) },
            read: { try? source.read($0) }, memory: updateScanMemory)
    }
}
