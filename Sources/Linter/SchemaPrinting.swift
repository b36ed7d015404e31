import Core
import Drizzle
import Foundation

/// `schemalint schema [PATH]`: the Drizzle schema as schemalint reads it, printed as a drizzle-kit version 7
/// snapshot, so that it can be compared with drizzle-kit's own output.
public enum SchemaPrinting {
    public struct Output {
        public var json: String
        /// Located problems (`path:line:col: message`), printed to standard error.
        public var diagnostics: [String]
    }

    public static func run(folder: URL, explicitConfigPath: String?) throws(UsageFailure) -> Output {
        let catalog = try CheckRunner.loadCatalog()
        let (configuration, _) = try ConfigurationLoading.load(for: folder, explicitPath: explicitConfigPath, catalog: catalog)
        let source = WorkTreeSource(root: folder)
        let paths: [String]
        do {
            paths = try source.listFiles().filter { !GlobSet(configuration.ignoredPaths).matches($0) }
        } catch {
            throw UsageFailure(error.description)
        }
        // Only the Drizzle sources: migrations and Gists are not part of the schema.
        let provider = ParsedSourceProvider(source: source, paths: paths)
        let schemas = DrizzleLoading(paths: paths, configuration: configuration, provider: provider).load()
        let files = Dictionary(provider.entries.map { ($0.file.path, $0.file) }, uniquingKeysWith: { first, _ in first })
        guard !schemas.isEmpty else {
            throw UsageFailure("no Drizzle pg-core schema found in \(folder.path) (no drizzle.config.* and no schema files importing drizzle-orm/pg-core)")
        }
        var model = SchemaModel()
        var diagnostics: [String] = []
        for schema in schemas {
            model.tables += schema.model.tables
            model.enums += schema.model.enums
            model.schemas += schema.model.schemas.filter { !model.schemas.contains($0) }
            model.sequences += schema.model.sequences
            for diagnostic in schema.diagnostics {
                let position = files[diagnostic.location.path]?.position(of: diagnostic.location.range.lowerBound)
                diagnostics.append("\(diagnostic.location.path):\(position?.line ?? 1):\(position?.column ?? 1): \(diagnostic.message)")
            }
        }
        return Output(json: SnapshotWriter.text(model), diagnostics: diagnostics)
    }
}
