import Catalog
import Core
import Drizzle
import DrizzleKit
import Foundation
import Migrations
import ProjectModel
import Workspace

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
        let resolved = try ConfigurationLoading.resolve(for: folder, explicitPath: explicitConfigPath, catalog: catalog)
        let configuration = resolved.configuration
        let source = WorkTreeSource(root: resolved.root)
        let paths: [String]
        let all: [DrizzleSchema]
        // Only the Drizzle sources: migrations and Gists are not part of the schema.
        let provider: ParsedSourceProvider
        do {
            paths = try source.listFiles().filter { !GlobSet(configuration.ignoredPaths).matches($0) }
            provider = ParsedSourceProvider(source: source, paths: paths)
            all = try DrizzleLoading(paths: paths, configuration: configuration, provider: provider,
                                 folders: FolderListing(paths: paths)).load()
        } catch {
            throw UsageFailure(error.description)
        }
        let files = Dictionary(provider.entries.map { ($0.file.path, $0.file) }, uniquingKeysWith: { first, _ in first })
        guard !all.isEmpty else {
            throw UsageFailure("no Drizzle pg-core schema found in \(resolved.root.path) (no drizzle.config.* and no schema files importing drizzle-orm/pg-core)")
        }
        // The schemas of the folder (its config, or its files); a folder that only uses the schema (an app
        // importing the db package) prints the repository's.
        let scope = CheckRunner.relativePath(of: folder, to: resolved.root)
        let prefix = scope.isEmpty ? "" : scope + "/"
        let own = all.filter { schema in
            prefix.isEmpty || schema.config.map { $0.path.hasPrefix(prefix) } ?? schema.files.contains { $0.hasPrefix(prefix) }
        }
        let schemas = own.isEmpty ? all : own
        var model = SchemaModel()
        var diagnostics: [String] = []
        for schema in schemas {
            model.tables += schema.model.tables
            model.enums += schema.model.enums
            model.schemas += schema.model.schemas.filter { !model.schemas.contains($0) }
            model.sequences += schema.model.sequences
            for diagnostic in schema.diagnostics {
                let position = files[diagnostic.location.path]?.position(of: diagnostic.location.range.lowerBound)
                diagnostics.append(Redaction.redactPatterns(
                    "\(diagnostic.location.path):\(position?.line ?? 1):\(position?.column ?? 1): \(diagnostic.message)"))
            }
        }
        // A credential in a default (`.default('ghp_…')`) is cut as in every report.
        return Output(json: Redaction.redactPatterns(SnapshotWriter.text(model)), diagnostics: diagnostics)
    }
}
