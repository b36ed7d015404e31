import Catalog
import TypeScript

/// Evaluates schema files statically: the small part of JavaScript that Drizzle schemas use (literals, objects,
/// spreads, imports, small helper functions, method chains) plus drizzle-orm's builders. Anything else becomes
/// `.unknown`, and a located diagnostic where the schema needed the value. One evaluator serves one read.
final class Evaluator {
    let provider: SourceProvider
    let options: SchemaReadOptions
    var diagnostics: [ReaderDiagnostic] = []
    var resolver: ModuleResolver
    private var modules: [String: ModuleIndex?] = [:]
    /// Files successfully read, for the result.
    var readFiles: [String] { modules.compactMap { $0.value == nil ? nil : $0.key } }
    /// A top-level name of a file (a struct rather than the two joined: no string is built per lookup).
    private struct BindingKey: Hashable {
        var path: String
        var name: String
    }
    private var bindingValues: [BindingKey: Value] = [:]
    private var bindingsInProgress: Set<BindingKey> = []
    /// The file last asked for: names are looked up in the file being evaluated, again and again.
    private var lastModule: (path: String, index: ModuleIndex?)?
    /// Exports being resolved, to stop re-export cycles (`a` re-exports from `b`, which re-exports from `a`).
    private var exportsInProgress: Set<String> = []
    var tables: [TableState] = []
    /// drizzle-orm/supabase's `authUsers` (`auth.users`), made on first import: foreign keys name it.
    var supabaseAuthUsers: Int?
    /// Kinds of top-level elements some of which could not be read at all (see `SchemaModel.unreadableElements`).
    var unreadableElements: Set<ElementKind> = []
    /// The declaration being evaluated at the top level (to name tables and find their marker comments).
    var currentDeclaration: (module: String, name: String, statementRange: Range<Int>)?
    var callDepth = 0
    /// Each file's `TableFileStyle` import facts (see `pgCoreImports`).
    var pgCoreImportsByFile: [String: PgCoreImports] = [:]
    /// Expressions being evaluated, one inside the other. The parser reads left-nested chains (`f()()…`,
    /// `a + b + …`) in a loop and accepts `Parser.maximumChainLinks` of them, but evaluating them recurses once
    /// per link; past this depth (far beyond hand-written schemas, well inside a debug build's stack) the value
    /// is unknown, which the schema reports where it needed it.
    var expressionDepth = 0
    static let maximumExpressionDepth = 400
    private var reportedRanges: Set<SourceLocation> = []

    init(provider: SourceProvider, options: SchemaReadOptions) {
        self.provider = provider
        self.options = options
        self.resolver = ModuleResolver(provider: provider)
    }

    // MARK: diagnostics

    func report(_ kind: ReaderDiagnostic.Kind, _ message: String, at location: SourceLocation) {
        guard reportedRanges.insert(location).inserted else { return }
        diagnostics.append(ReaderDiagnostic(kind: kind, message: message, location: location))
    }

    func location(_ range: Range<Int>, in scope: Scope) -> SourceLocation {
        SourceLocation(path: scope.module, range: range)
    }

    // MARK: modules

    /// The parsed and indexed file, or nil when it cannot be read; parse errors are reported once.
    func module(_ path: String) -> ModuleIndex? {
        if let lastModule, lastModule.path == path { return lastModule.index }
        if let cached = modules[path] {
            lastModule = (path, cached)
            return cached
        }
        guard let syntax = provider.syntax(path) else {
            modules[path] = .some(nil)
            lastModule = (path, nil)
            return nil
        }
        for diagnostic in syntax.diagnostics {
            report(.syntax, diagnostic.message, at: SourceLocation(path: path, range: diagnostic.range))
        }
        let index = ModuleIndex(path: path, syntax: syntax)
        modules[path] = index
        lastModule = (path, index)
        return index
    }

    /// The value of a top-level name of a file (declared or imported), evaluated once.
    func moduleBinding(_ path: String, _ name: String) -> Value? {
        guard let module = module(path), let declaration = module.declarations[name] else { return nil }
        let key = BindingKey(path: path, name: name)
        if let value = bindingValues[key] { return value }
        guard bindingsInProgress.insert(key).inserted else {
            return .unknown("`\(name)` refers to itself while it is being defined")
        }
        defer { bindingsInProgress.remove(key) }
        let scope = Scope(module: path, parent: nil)
        let value: Value
        switch declaration {
        case .variable(let initializer, let propertyPath, let statementRange):
            guard let initializer else { value = .undefined; break }
            let saved = currentDeclaration
            currentDeclaration = (path, name, statementRange)
            var result = evaluate(initializer, scope)
            currentDeclaration = saved
            for property in propertyPath { result = member(result, property) }
            value = result
        case .function(let function):
            value = .function(Closure(function, scope: scope))
        case .enumeration(let enumeration):
            value = enumObject(enumeration, scope)
        case .imported(let source, let imported):
            value = importedValue(source: source, name: imported, from: path)
        }
        bindingValues[key] = value
        return value
    }

    func importedValue(source: String, name: String?, from importer: String) -> Value {
        if LibraryFunction.isDrizzleModule(source) {
            guard let name else { return .library(.namespace(module: source)) }
            return .library(LibraryFunction.named(name))
        }
        // Another dialect's builders (`mysqlTable` next to the pg schema): drizzle-kit's PostgreSQL run ignores
        // what they make, and so does the reader, without calling it unreadable.
        if source == "drizzle-orm/supabase", name == "authUsers" { return authUsersTable() }
        if let name, let value = LibraryFunction.rowSecurityExport(module: source, name: name) { return value }
        if source.hasPrefix("drizzle-orm/") { return .library(.other(name ?? source)) }
        if source == "zod" || source.hasPrefix("zod/") {
            switch name {
            case nil, "z", "default": return .library(.zod)
            case "enum": return .library(.zodEnum)
            default: return .library(.zodFunction(name ?? ""))
            }
        }
        guard let target = resolver.resolve(source, from: importer) else {
            return .unknown("`\(name ?? "*")` comes from `\(source)`, which is not in the repository")
        }
        guard let name else { return .module(target) }
        return exportedValue(target, name) ?? .unknown("`\(source)` has no export `\(name)`")
    }

    /// The value a file exports under `name`, following re-exports and `export *`.
    func exportedValue(_ path: String, _ name: String, visited: Set<String> = []) -> Value? {
        guard !visited.contains(path), let module = module(path) else { return nil }
        let key = path + "\u{0}" + name
        guard exportsInProgress.insert(key).inserted else { return .unknown("`\(name)` is re-exported in a cycle") }
        defer { exportsInProgress.remove(key) }
        if let target = module.exports[name] {
            switch target {
            case .local(let local): return moduleBinding(path, local)
            case .reexport(let source, let exported):
                return importedValue(source: source, name: exported, from: path)
            case .defaultExpression(let expression):
                return evaluate(expression, Scope(module: path, parent: nil))
            }
        }
        guard name != "default" else { return nil }
        for source in module.starExports where !LibraryFunction.isDrizzleModule(source) {
            guard let target = resolver.resolve(source, from: path) else { continue }
            if let value = exportedValue(target, name, visited: visited.union([path])) { return value }
        }
        // `export * from "drizzle-orm/pg-core"` in a local barrel file: checked last, since it answers any name.
        if module.starExports.contains(where: LibraryFunction.isDrizzleModule) {
            return .library(LibraryFunction.named(name))
        }
        return nil
    }

    /// Every export of a file in order, `export *` included (what drizzle-kit sees when it imports the file).
    func allExports(_ path: String, visited: Set<String> = []) -> [(name: String, value: Value)] {
        guard !visited.contains(path), let module = module(path) else { return [] }
        var result: [(name: String, value: Value)] = []
        var seen: Set<String> = []
        // drizzle-kit sees an entry file's default export too (`Object.values` of the module); `export *` never
        // passes a default on.
        for name in module.exportOrder where name != "default" || visited.isEmpty {
            seen.insert(name)
            if let value = exportedValue(path, name) { result.append((name, value)) }
        }
        for source in module.starExports {
            guard let target = resolver.resolve(source, from: path) else {
                if !LibraryFunction.isDrizzleModule(source) {
                    report(.unresolvedImport, "`export * from '\(source)'` does not resolve to a file of the repository",
                           at: SourceLocation(path: path, range: starExportRange(module, source)))
                }
                continue
            }
            for entry in allExports(target, visited: visited.union([path])) where seen.insert(entry.name).inserted {
                result.append(entry)
            }
        }
        return result
    }

    private func starExportRange(_ module: ModuleIndex, _ source: String) -> Range<Int> {
        for statement in module.syntax.statements {
            if case .export(let declaration) = statement, case .all(_, let literal) = declaration.kind,
               literal.value == source { return declaration.range }
        }
        return 0..<0
    }

    private func enumObject(_ enumeration: EnumDeclaration, _ scope: Scope) -> Value {
        var object = ObjectValue()
        var next = 0.0
        for member in enumeration.members {
            var value: Value = .number(next)
            if let initializer = member.initializer { value = evaluate(initializer, scope) }
            if case .number(let number) = value { next = number + 1 }
            object.set(member.name.name, value, location: location(member.range, in: scope))
        }
        return .object(object)
    }

    // MARK: names

    func lookup(_ name: String, _ scope: Scope) -> Value {
        if let value = scope.lookup(name) { return value }
        if let value = moduleBinding(scope.module, name) { return value }
        switch name {
        case "undefined": return .undefined
        case "Object": return .library(.objectNamespace)
        case "String", "Number", "BigInt", "parseInt", "parseFloat": return .library(.conversion(name))
        case "Math": return .library(.mathNamespace)
        case "process":
            // Read statically as if no environment variable were set, so `process.env.X ?? 'fallback'` and
            // `process.env.X || 'fallback'` give the fallback.
            var process = ObjectValue()
            process.set("env", .object(ObjectValue()), location: SourceLocation(path: scope.module, range: 0..<0))
            return .object(process)
        case "NaN": return .number(.nan)
        case "Infinity": return .number(.infinity)
        default: return .unknown("`\(name)` is not defined in this file")
        }
    }
}

/// How a file imports drizzle's `index` (the local name) and where its `drizzle-orm/pg-core` import list ends.
struct PgCoreImports {
    var indexFunction: String?
    var importEnd: Int?
}

extension Closure {
    init(_ function: FunctionSyntax, scope: Scope) {
        let body: Body = function.body.map { .block($0) } ?? .expression(.missing(function.range))
        self.init(parameters: function.parameters, body: body, scope: scope, range: function.range)
    }
}
