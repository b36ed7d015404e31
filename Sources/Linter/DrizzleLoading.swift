import Core
import Drizzle
import ProjectModel
import TypeScript

/// Finds the Drizzle schema sources of SPEC §1 and reads them: through each drizzle-kit config (`drizzle.config.*`
/// or `drizzle.config` in .schemalint.yml), or, without one, through the schema files discovery finds.
struct DrizzleLoading {
    let paths: [String]
    let configuration: Configuration
    let provider: ParsedSourceProvider

    static let configNames: Set<String> = ["drizzle.config.ts", "drizzle.config.js", "drizzle.config.mjs", "drizzle.config.cjs", "drizzle.config.mts"]
    static let sourceExtensions = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"]
    /// Discovery globs used when no config names the schema (SPEC §1).
    static let discoveryGlobs = GlobSet(["**/schema.ts", "**/schema/**/*.ts", "**/db/**/*.ts"])

    /// `configNames` as path suffixes; native `hasSuffix` on every tracked path (Foundation's `contains` bridged
    /// to NSString and cost a tenth of a pre-commit run on 20,000 paths).
    private static let configSuffixes = configNames.map { "/" + $0 }

    static func isConfigPath(_ path: String) -> Bool {
        configSuffixes.contains { path.hasSuffix($0) } || configNames.contains(path)
    }

    static func isSource(_ path: String) -> Bool {
        !path.hasSuffix(".d.ts") && sourceExtensions.contains { path.hasSuffix($0) }
    }

    func load() -> [DrizzleSchema] {
        if let explicit = configuration.schema {
            let globs = GlobSet(explicit)
            return [read(entryFiles: paths.filter { Self.isSource($0) && globs.matches($0) }, config: nil)]
        }
        let configPaths = configuration.drizzleConfig.map { [$0] }
            ?? paths.filter(Self.isConfigPath)
        provider.preload(configPaths)
        var schemas: [DrizzleSchema] = []
        for path in configPaths {
            switch DrizzleConfigReader.read(path: path, provider: provider) {
            case .success(let config):
                guard Self.isPostgres(config.dialect) else { continue }
                schemas.append(read(entryFiles: DrizzleConfigReader.schemaFiles(config, provider: provider), config: config))
            case .failure(let diagnostic):
                var unreadable = DrizzleSchema(config: nil, model: SchemaModel(), diagnostics: [diagnostic], files: [path])
                unreadable.isConfigUnreadable = true
                schemas.append(unreadable)
            }
        }
        if !schemas.isEmpty { return schemas }
        let candidates = paths.filter { Self.isSource($0) && Self.discoveryGlobs.matches($0) }
        provider.preload(candidates)
        let entries = candidates.filter { path in provider.syntax(path)?.importsModule("drizzle-orm/pg-core") ?? false }
        return entries.isEmpty ? [] : [read(entryFiles: entries, config: nil)]
    }

    private func read(entryFiles: [String], config: DrizzleConfig?) -> DrizzleSchema {
        provider.preload(entryFiles)
        let given = configuration.drizzleCasing.flatMap(Casing.init(rawValue:))
        let options = SchemaReadOptions(casing: given ?? config?.casing, convention: convention(of: config), schemaFilter: config?.schemaFilter)
        let result = DrizzleSchemaReader.read(entryFiles: entryFiles, provider: provider, options: options)
        var schema = DrizzleSchema(config: config, model: result.model, diagnostics: result.diagnostics, files: result.files)
        schema.isCasingGiven = given != nil
        if let config, schema.isCasingUncertain {
            schema.diagnostics.append(ReaderDiagnostic(
                kind: .unevaluable,
                message: "`casing` comes from a value outside what schemalint reads, so column names derived from property keys may be wrong and drift is not checked; set `drizzle.casing` in .schemalint.yml",
                location: config.location))
        }
        return schema
    }

    /// Unnamed constraints and defaults are rendered as the drizzle-kit generation that wrote the config's
    /// migrations did, so `migration/schema-drift` compares like with like: drizzle-kit 1's folder layout
    /// (`<timestamp>_<name>/snapshot.json`, no journal) means version 8 snapshots.
    private func convention(of config: DrizzleConfig?) -> NamingConvention {
        guard let config, let out = config.outFolder(provider: provider),
              !provider.fileExists(out + "/meta/_journal.json"),
              provider.files(under: out).contains(where: { $0.hasSuffix("/snapshot.json") }) else { return .kit0 }
        return .kit1
    }

    /// drizzle-kit's PostgreSQL dialect names; a config without a dialect is taken as PostgreSQL.
    static func isPostgres(_ dialect: String?) -> Bool {
        guard let dialect else { return true }
        return ["postgresql", "pg", "postgres"].contains(dialect)
    }
}

extension SourceFileSyntax {
    /// Whether the file has an `import … from "<module>"` (schema discovery keeps pg-core files only).
    func importsModule(_ module: String) -> Bool {
        statements.contains { statement in
            if case .import(let declaration) = statement { return declaration.source.value == module }
            return false
        }
    }
}
