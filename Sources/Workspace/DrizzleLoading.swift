import Catalog
import Core
import Drizzle
import DrizzleKit
import Migrations
import ProjectModel
import TypeScript

/// Finds the Drizzle schema sources of SPEC §1 and reads them: through each drizzle-kit config (`drizzle.config.*`,
/// a `--config` of a `package.json` script, or `drizzle.config` in .schemalint.yml), or, without one, through the
/// schema files discovery finds.
public struct DrizzleLoading {
    let paths: [String]
    let configuration: Configuration
    let provider: ParsedSourceProvider
    /// The tree's folders: the layout of a config's `out` says which drizzle-kit writes it (`convention(of:)`).
    let folders: FolderListing
    /// `configs()` as already read with this provider (the loader reads them once for migrations and schemas).
    var knownConfigs: [(path: String, read: Result<DrizzleConfig, ReaderDiagnostic>)]?

    public init(paths: [String], configuration: Configuration, provider: ParsedSourceProvider, folders: FolderListing) {
        self.paths = paths
        self.configuration = configuration
        self.provider = provider
        self.folders = folders
    }

    static let configNames: Set<String> = ["drizzle.config.ts", "drizzle.config.js", "drizzle.config.mjs", "drizzle.config.cjs", "drizzle.config.mts"]
    static let sourceExtensions = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"]

    /// `configNames` as path suffixes, compared by bytes on every tracked path (Foundation's `contains` bridged
    /// to NSString and cost a tenth of a pre-commit run on 20,000 paths).
    private static let configSuffixes = configNames.map { "/" + $0 }

    static func isConfigPath(_ path: String) -> Bool {
        // Hashing every path for the set lookup cost more than the suffix checks: only a root file named
        // `drizzle.config.*` can be one.
        endsWithS(path) && (configSuffixes.contains { path.hasPathSuffix($0) }
            || (path.hasPathPrefix("drizzle.config.") && configNames.contains(path)))
    }

    public static func isSource(_ path: String) -> Bool {
        endsWithS(path) && !path.hasPathSuffix(".d.ts") && sourceExtensions.contains { path.hasPathSuffix($0) }
    }

    /// Every source extension and config name ends in `s`: one byte passes over the `.tsx`, `.md` and `.json`
    /// files of a monorepo before the suffixes are compared (these run on all 20,000 of its paths).
    private static func endsWithS(_ path: String) -> Bool {
        path.utf8.last == UInt8(ascii: "s")
    }

    /// Throws when the config .schemalint.yml names cannot be read: everything else would be guessed.
    public func load() throws(InputError) -> [DrizzleSchema] {
        if let explicit = configuration.schema {
            let globs = GlobSet(explicit)
            return [read(entryFiles: paths.filter { Self.isSource($0) && globs.matches($0) }, config: nil)]
        }
        var schemas: [DrizzleSchema] = []
        for (path, read) in try configs() {
            switch read {
            case .success(let config):
                schemas.append(readConfigured(config))
            case .failure(let diagnostic):
                var unreadable = DrizzleSchema(config: nil, model: SchemaModel(reader: .drizzle), diagnostics: [diagnostic], files: [path])
                unreadable.isModelUnreadable = true
                schemas.append(unreadable)
            }
        }
        if !schemas.isEmpty { return schemas }
        let candidates = SchemaDiscovery.candidates(paths)
        provider.preload(candidates)
        let entries = SchemaDiscovery.schemaFiles(among: candidates, provider: provider)
        return entries.isEmpty ? [] : [read(entryFiles: entries, config: nil)]
    }

    /// The tree's PostgreSQL drizzle configs (none when .schemalint.yml names the schema files itself), each read or
    /// why it could not be. Throws when the config .schemalint.yml names cannot be read.
    func configs() throws(InputError) -> [(path: String, read: Result<DrizzleConfig, ReaderDiagnostic>)] {
        guard configuration.schema == nil else { return [] }
        if let knownConfigs { return knownConfigs }
        let configPaths = configuration.drizzleConfig.map { [$0] } ?? discoveredConfigs()
        provider.preload(configPaths)
        var configs: [(path: String, read: Result<DrizzleConfig, ReaderDiagnostic>)] = []
        for path in configPaths {
            let read = DrizzleConfigReader.read(path: path, provider: provider)
            switch read {
            case .success(let config):
                guard Journal.isPostgresDialect(config.dialect) else { continue }
            case .failure(let diagnostic):
                if configuration.drizzleConfig != nil { throw InputError(path: path, reason: diagnostic.message) }
            }
            configs.append((path, read))
        }
        return configs
    }

    /// Where the tree's configs have drizzle-kit write their migrations, without reading their schemas: the base
    /// tree's own (`--base`), whose `out` may differ from the work tree's. A config that cannot be read there names
    /// no folder (its migrations are then found as a folder without a config is).
    public func outFolders() -> [(folder: String, configPath: String)] {
        Self.outFolders(of: ((try? configs()) ?? []).compactMap { try? $0.read.get() }, provider: provider)
    }

    /// drizzle-kit imports every file a folder `schema` holds but keeps only its dialect's tables: a multi-dialect
    /// folder's `mysql.ts` and `sqlite.ts` add nothing to a PostgreSQL schema, and reading their relations
    /// (over MySQL tables) would only produce warnings.
    private func withoutOtherDialects(_ files: [String]) -> [String] {
        provider.preload(files)
        return files.filter { path in
            guard let syntax = provider.syntax(path) else { return true }
            return syntax.importsModule("drizzle-orm/pg-core")
                || !Self.otherDialectModules.contains(where: syntax.importsModule)
        }
    }

    static let otherDialectModules = ["drizzle-orm/mysql-core", "drizzle-orm/sqlite-core", "drizzle-orm/singlestore-core", "drizzle-orm/gel-core"]

    /// `drizzle.config.*` files, and the configs `package.json` scripts pass to drizzle-kit with `--config`.
    private func discoveredConfigs() -> [String] {
        let named = paths.filter(Self.isConfigPath)
        let scripted = DrizzleKitScripts.configPaths(in: paths, provider: provider).filter { !named.contains($0) }
        return named + scripted.filter(Self.isSource)
    }

    /// The schema a config names. A `schema` that names no file, or files with code but without a table, is one
    /// error at the `schema` value and an unreadable model: an empty model would turn every snapshot table into
    /// drift.
    private func readConfigured(_ config: DrizzleConfig) -> DrizzleSchema {
        let files = withoutOtherDialects(DrizzleConfigReader.schemaFiles(config, provider: provider))
        let location = config.schemaLocation ?? config.location
        let written = config.schema.map { "`\($0)`" }.joined(separator: ", ")
        guard !files.isEmpty else {
            let problem = config.schema.isEmpty
                ? "the config's `schema` is computed in a way schemalint cannot follow"
                : "the config's `schema` (\(written)) names no file in the repository"
            var schema = DrizzleSchema(config: config, model: SchemaModel(reader: .drizzle), diagnostics: [
                ReaderDiagnostic(kind: .malformedInput, message: problem + ", so the schema is not read and drift is not checked", location: location),
            ], files: [config.path])
            schema.isModelUnreadable = true
            return schema
        }
        var schema = read(entryFiles: files, config: config)
        if schema.model.tables.isEmpty && !holdNoCode(files) {
            schema.diagnostics.append(ReaderDiagnostic(
                kind: .malformedInput,
                message: "no table could be read from the files the config's `schema` (\(written)) names, so drift is not checked",
                location: location))
            schema.isModelUnreadable = true
        }
        return schema
    }

    /// Files that hold nothing but comments (a test config's `// mock` schema) are read, and declare no table:
    /// an empty schema, not one schemalint failed to read.
    private func holdNoCode(_ files: [String]) -> Bool {
        files.allSatisfy { path in
            provider.syntax(path).map { $0.statements.isEmpty && $0.diagnostics.isEmpty } ?? false
        }
    }

    private func read(entryFiles: [String], config: DrizzleConfig?) -> DrizzleSchema {
        provider.preload(entryFiles)
        let given = configuration.drizzleCasing.flatMap(Casing.init(rawValue:))
        let options = SchemaReadOptions(casing: given ?? config?.casing, convention: convention(of: config), schemaFilter: config?.schemaFilter)
        let result = DrizzleSchemaReader.read(entryFiles: entryFiles, provider: provider, options: options)
        // A file that does not parse is its own `drizzle/parse-error`, wherever the schema imports it from.
        let read = result.diagnostics.filter { $0.kind == .syntax || isSchemaCode($0.location.path, entries: entryFiles) }
        let broken = brokenStatements(read)
        let diagnostics = read.filter { diagnostic in
            diagnostic.kind == .syntax || !broken.contains(where: { $0.overlaps(diagnostic.location) })
        }
        var schema = DrizzleSchema(config: config, model: result.model, diagnostics: diagnostics, files: result.files)
        schema.brokenStatements = broken
        schema.declarations = result.declarations
        schema.isCasingGiven = given != nil
        if let config, schema.isCasingUncertain {
            schema.diagnostics.append(ReaderDiagnostic(
                kind: .unevaluable,
                message: "`casing` comes from a value outside what schemalint reads, so column names derived from property keys may be wrong and drift is not checked; set `drizzle.casing` in .schemalint.yml",
                location: config.location))
        }
        return schema
    }

    /// The top-level statements that hold a syntax error. What the evaluator could not read in one (`title
    /// text("title")` leaves a column `text` it cannot evaluate) is that error's consequence: the syntax error is
    /// the one finding, and drift compares nothing declared there.
    private func brokenStatements(_ diagnostics: [ReaderDiagnostic]) -> [SourceLocation] {
        let errors = diagnostics.filter { $0.kind == .syntax }
        var broken: [SourceLocation] = []
        for path in Set(errors.map(\.location.path)).sorted() {
            let ranges = errors.filter { $0.location.path == path }.map(\.location.range)
            for statement in provider.syntax(path)?.statements ?? [] where ranges.contains(where: { statement.range.contains($0.lowerBound) }) {
                broken.append(SourceLocation(path: path, range: statement.range))
            }
        }
        return broken
    }

    /// Following a schema's imports can lead into run-time code of workspace packages (an environment loader
    /// behind a `createSchema` helper). What cannot be read there is said where the schema uses it (a default, a
    /// table); a warning inside code that never touches drizzle would be about that code, not the schema.
    private func isSchemaCode(_ path: String, entries: [String]) -> Bool {
        entries.contains(path) || provider.syntax(path).map { syntax in
            syntax.statements.contains { statement in
                if case .import(let declaration) = statement { return declaration.source.value.hasPrefix("drizzle-orm") }
                if case .export(let declaration) = statement, case .all(_, let source) = declaration.kind {
                    return source.value.hasPrefix("drizzle-orm")
                }
                return false
            }
        } ?? true
    }

    /// Unnamed constraints and defaults are rendered as the drizzle-kit that writes the config's migrations does,
    /// so `schema/migration-drift` compares like with like. The config names no drizzle-kit version; its `out`
    /// does, by layout: drizzle-kit 1 writes `<timestamp>_<name>/` folders (version 8 snapshots), 0.x a journal.
    /// The layout is told by the same `FolderListing` migration loading reads that folder with.
    private func convention(of config: DrizzleConfig?) -> NamingConvention {
        guard let config, let out = config.outFolder(provider: provider), folders.layout(of: out) == .folders else { return .kit0 }
        return .kit1
    }

    /// Where each PostgreSQL config's drizzle-kit writes its migrations (`out`, repository-relative), with the config.
    static func outFolders(of configs: [DrizzleConfig], provider: SourceProvider) -> [(folder: String, configPath: String)] {
        configs.compactMap { config in
            guard Journal.isPostgresDialect(config.dialect), let out = config.outFolder(provider: provider) else { return nil }
            return (out, config.path)
        }
    }
}
