import Catalog
import Core
import TypeScript

/// What schemalint needs from `drizzle.config.ts/.js/.mjs`, read statically (never executed).
public struct DrizzleConfig: Sendable, Hashable {
    /// The config file, repository-relative.
    public var path: String
    /// `schema`: paths or globs as written (relative to the config's folder).
    public var schema: [String]
    public var out: String?
    public var dialect: String?
    public var casing: Casing?
    /// `casing` is written but its value cannot be worked out statically (e.g. a constant imported from a
    /// package outside the repository): column names derived from property keys are then uncertain.
    public var isCasingUnresolved = false
    public var schemaFilter: [String]?
    public var tablesFilter: [String]?
    /// The `export default …` expression.
    public var location: SourceLocation
    /// The `schema` value, where an unreadable schema is reported (the whole config when not found).
    public var schemaLocation: SourceLocation?

    public init(path: String, schema: [String] = [], out: String? = nil, dialect: String? = nil, casing: Casing? = nil,
                schemaFilter: [String]? = nil, tablesFilter: [String]? = nil, location: SourceLocation = .none) {
        self.path = path
        self.schema = schema
        self.out = out
        self.dialect = dialect
        self.casing = casing
        self.schemaFilter = schemaFilter
        self.tablesFilter = tablesFilter
        self.location = location
    }

    /// The config's folder.
    public var folder: String { RelativePath.directory(of: path) }

    /// drizzle-kit resolves `schema` and `out` against the folder it runs in, which is usually the config's
    /// folder but may be an ancestor (`drizzle-kit generate --config configs/pg.config.ts`): the config's folder
    /// first, then each ancestor.
    var candidateBaseFolders: [String] {
        var folders = [folder]
        var current = folder
        while !current.isEmpty {
            current = RelativePath.directory(of: current)
            folders.append(current)
        }
        return folders
    }

    /// `out` as a repository-relative folder: the first candidate base where it holds files.
    public func outFolder(provider: SourceProvider) -> String? {
        guard let out else { return nil }
        let candidates = candidateBaseFolders.compactMap { RelativePath.join($0, out) }
        return candidates.first { !provider.files(under: $0).isEmpty } ?? candidates.first
    }
}

/// Reads `export default defineConfig({...})`, `export default {...} satisfies Config`, or either through a
/// `const`. Values may come from constants, imports and `process.env.X ?? 'fallback'` (the fallback is taken).
public enum DrizzleConfigReader {
    public static func read(path: String, provider: SourceProvider) -> Result<DrizzleConfig, ReaderDiagnostic> {
        let evaluator = Evaluator(provider: provider, options: SchemaReadOptions())
        guard let module = evaluator.module(path) else {
            return .failure(ReaderDiagnostic(kind: .malformedInput, message: "cannot read the drizzle config",
                                             location: SourceLocation(path: path, range: 0..<0)))
        }
        // drizzle-kit cannot load a config that does not parse (invalid UTF-8 included); neither is it guessed at here.
        if let syntaxError = evaluator.diagnostics.first(where: { $0.kind == .syntax }) { return .failure(syntaxError) }
        guard let expression = defaultExport(module) else {
            return .failure(ReaderDiagnostic(kind: .malformedInput, message: "the drizzle config has no `export default`",
                                             location: SourceLocation(path: path, range: 0..<module.syntax.length)))
        }
        let location = SourceLocation(path: path, range: expression.range)
        var value = evaluator.evaluate(expression, Scope(module: path, parent: nil))
        if case .unknown = value, case .call(let call) = expression.unwrapped, let argument = call.arguments.first {
            // `defineConfig({...})`: drizzle-kit's identity helper.
            value = evaluator.evaluate(argument, Scope(module: path, parent: nil))
        }
        guard case .object(let object) = value else {
            return .failure(ReaderDiagnostic(kind: .unevaluable, message: "cannot evaluate the drizzle config object",
                                             location: location))
        }
        func strings(_ key: String) -> [String]? {
            switch object[key] {
            case .string(let text)?: [text]
            case .array(let elements)?: elements.compactMap(\.stringValue)
            default: nil
            }
        }
        let casing = object["casing"]?.stringValue.flatMap(Casing.init(rawValue:))
        var config = DrizzleConfig(path: path, schema: strings("schema") ?? [], out: object["out"]?.stringValue,
                                   dialect: object["dialect"]?.stringValue, casing: casing,
                                   schemaFilter: strings("schemaFilter"), tablesFilter: strings("tablesFilter"),
                                   location: location)
        config.isCasingUnresolved = object["casing"] != nil && casing == nil
        if let literal = configObjectLiteral(expression, module: module) {
            var paths = ConfigPathExpression(module: module) { evaluator.evaluate($0, Scope(module: path, parent: nil)) }
            // The evaluator's resolver, which resolved the config's own imports (its tsconfig and workspace caches).
            paths.resolveModule = { evaluator.resolver.resolve($0, from: path) }
            if let schema = property("schema", of: literal) {
                config.schemaLocation = SourceLocation(path: path, range: schema.range)
                config.schema = paths.paths(schema) ?? []
            }
            if let out = property("out", of: literal), let value = paths.paths(out), value.count == 1 { config.out = value[0] }
        }
        if let glob = config.schema.first(where: { Glob($0).isTooComplex }) {
            return .failure(ReaderDiagnostic(kind: .malformedInput,
                                             message: "the `schema` glob `\(glob.prefix(60))` of the drizzle config expands to more than \(Glob.maximumAlternatives) patterns, so its schema files are not read",
                                             location: config.schemaLocation ?? location))
        }
        return .success(config)
    }

    /// The object literal the config exports: directly, inside `defineConfig(…)`, behind `satisfies`/`as`, or
    /// through a top-level `const`.
    private static func configObjectLiteral(_ expression: ExpressionSyntax, module: ModuleIndex, depth: Int = 0) -> ObjectLiteral? {
        guard depth < 4 else { return nil }
        switch expression.unwrapped {
        case .object(let literal): return literal
        case .call(let call):
            return call.arguments.first.flatMap { configObjectLiteral($0, module: module, depth: depth + 1) }
        case .identifier(let identifier):
            guard case .variable(let initializer?, let path, _)? = module.declarations[identifier.name], path.isEmpty else { return nil }
            return configObjectLiteral(initializer, module: module, depth: depth + 1)
        default: return nil
        }
    }

    private static func property(_ name: String, of literal: ObjectLiteral) -> ExpressionSyntax? {
        for member in literal.members {
            if case .property(let property) = member, property.key.staticName == name { return property.value }
        }
        return nil
    }

    /// `export default <expression>`, or CommonJS `module.exports = <expression>`.
    private static func defaultExport(_ module: ModuleIndex) -> ExpressionSyntax? {
        if case .defaultExpression(let expression)? = module.exports["default"] { return expression }
        for statement in module.syntax.statements {
            guard case .expression(let statement) = statement, case .assignment(let assignment) = statement.expression,
                  case .member(let target) = assignment.target, target.property.name == "exports",
                  case .identifier(let object) = target.object, object.name == "module" else { continue }
            return assignment.value
        }
        return nil
    }

    /// The schema files a config names: files as given, every TypeScript/JavaScript file under a folder, and
    /// glob matches (`*`, `**`, `?`, `{a,b}`), in a stable order.
    public static func schemaFiles(_ config: DrizzleConfig, provider: SourceProvider) -> [String] {
        for base in config.candidateBaseFolders {
            let files = schemaFiles(config.schema, base: base, provider: provider)
            if !files.isEmpty { return files }
        }
        return []
    }

    private static func schemaFiles(_ patterns: [String], base: String, provider: SourceProvider) -> [String] {
        var result: [String] = []
        for pattern in patterns {
            guard let path = RelativePath.join(base, pattern) else { continue }
            if Glob.hasWildcards(path) {
                let base = Glob.fixedPrefixFolder(path)
                let glob = Glob(path)
                result += provider.files(under: base).filter { glob.matches($0) && isSource($0) }
            } else if provider.fileExists(path) {
                result.append(path)
            } else {
                result += provider.files(under: path).filter(isSource)
            }
        }
        var seen: Set<String> = []
        return result.filter { seen.insert($0).inserted }
    }

    static func isSource(_ path: String) -> Bool {
        RepositoryPath.hasExtension(path, [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs"]) && !path.hasSuffix(".d.ts")
    }
}
