import Core
import TypeScript

/// SPEC §1: without a drizzle config, the schema is every `**/schema.ts`, `**/schema/**/*.ts` or `**/db/**/*.ts`
/// file (declaration files excluded) that imports `drizzle-orm/pg-core`. The one definition: the project loader
/// preloads `candidates` in parallel, then keeps `schemaFiles` among them.
public enum SchemaDiscovery {
    static let globs = GlobSet(["**/schema.ts", "**/schema/**/*.ts", "**/db/**/*.ts"])

    /// The paths that may hold a schema, by name alone.
    public static func candidates(_ paths: [String]) -> [String] {
        paths.filter { $0.hasPathSuffix(".ts") && !$0.hasPathSuffix(".d.ts") && globs.matches($0) }
    }

    /// The candidates that import pg-core (an `import` statement; a mention in a comment or string is not one).
    public static func schemaFiles(among candidates: [String], provider: SourceProvider) -> [String] {
        candidates.filter { provider.syntax($0)?.importsModule("drizzle-orm/pg-core") ?? false }
    }

    public static func defaultSchemaFiles(in folder: String = "", provider: SourceProvider) -> [String] {
        schemaFiles(among: candidates(provider.files(under: folder)), provider: provider)
    }
}

extension SourceFileSyntax {
    /// Whether the file has an `import … from "<module>"`.
    public func importsModule(_ module: String) -> Bool {
        statements.contains { statement in
            if case .import(let declaration) = statement { return declaration.source.value == module }
            return false
        }
    }
}
