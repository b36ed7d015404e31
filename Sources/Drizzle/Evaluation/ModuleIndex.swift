import TypeScript

/// The top-level names of one file: what it declares, imports and exports. Values are evaluated lazily, on
/// first use, so that files may refer to each other in any order.
struct ModuleIndex {
    enum Declaration {
        /// `const x = …` (or a destructured `const { a } = …`: `path` names the property taken).
        case variable(initializer: ExpressionSyntax?, path: [String], statementRange: Range<Int>)
        case function(FunctionSyntax)
        case enumeration(EnumDeclaration)
        /// `import { imported as local } from 'source'`; `imported` is nil for a namespace import,
        /// `default` for a default import.
        case imported(source: String, imported: String?)
    }

    enum Export {
        /// A local name exported under another name (or the same one).
        case local(String)
        /// `export { a as b } from './x'`; `name` nil for `export * as ns from './x'`.
        case reexport(source: String, name: String?)
        /// `export default <expression>`.
        case defaultExpression(ExpressionSyntax)
    }

    var path: String
    var syntax: SourceFileSyntax
    var declarations: [String: Declaration] = [:]
    /// Exported name → target, and the names in the order they are exported.
    var exports: [String: Export] = [:]
    var exportOrder: [String] = []
    /// Sources of `export * from`.
    var starExports: [String] = []

    init(path: String, syntax: SourceFileSyntax) {
        self.path = path
        self.syntax = syntax
        for statement in syntax.statements { index(statement, exported: false, outerRange: nil) }
    }

    private mutating func addExport(_ name: String, _ target: Export) {
        if exports[name] == nil { exportOrder.append(name) }
        exports[name] = target
    }

    /// `outerRange` is the enclosing `export …` statement's range, so a declaration's range includes `export`.
    private mutating func index(_ statement: StatementSyntax, exported: Bool, outerRange: Range<Int>?) {
        switch statement {
        case .variable(let declaration):
            for declarator in declaration.declarators {
                for (name, path) in Self.boundNames(declarator.pattern) {
                    declarations[name] = .variable(initializer: declarator.initializer, path: path,
                                                   statementRange: outerRange ?? declaration.range)
                    if exported { addExport(name, .local(name)) }
                }
            }
        case .function(let function):
            if let name = function.name?.name {
                declarations[name] = .function(function)
                if exported { addExport(name, .local(name)) }
            }
        case .enum(let enumeration):
            declarations[enumeration.name.name] = .enumeration(enumeration)
            if exported { addExport(enumeration.name.name, .local(enumeration.name.name)) }
        case .import(let declaration) where !declaration.isTypeOnly:
            let source = declaration.source.value
            if let binding = declaration.defaultBinding { declarations[binding.name] = .imported(source: source, imported: "default") }
            if let binding = declaration.namespaceBinding { declarations[binding.name] = .imported(source: source, imported: nil) }
            for specifier in declaration.namedBindings where !specifier.isTypeOnly {
                declarations[specifier.local.name] = .imported(source: source, imported: specifier.imported.name)
            }
        case .export(let declaration) where !declaration.isTypeOnly:
            switch declaration.kind {
            case .declaration(let inner): index(inner, exported: true, outerRange: declaration.range)
            case .defaultDeclaration(let inner):
                index(inner, exported: false, outerRange: declaration.range)
                if case .function(let function) = inner, let name = function.name?.name {
                    addExport("default", .local(name))
                }
            case .defaultExpression(let expression): addExport("default", .defaultExpression(expression))
            case .named(let specifiers, let source):
                for specifier in specifiers where !specifier.isTypeOnly {
                    if let source {
                        addExport(specifier.exported.name, .reexport(source: source.value, name: specifier.local.name))
                    } else {
                        addExport(specifier.exported.name, .local(specifier.local.name))
                    }
                }
            case .all(let alias, let source):
                if let alias { addExport(alias.name, .reexport(source: source.value, name: nil)) }
                else { starExports.append(source.value) }
            case .assignment(let expression): addExport("default", .defaultExpression(expression))
            }
        default:
            break
        }
    }

    /// The names a binding pattern declares, with the property path from the initializer to each.
    static func boundNames(_ pattern: BindingPattern, path: [String] = []) -> [(String, [String])] {
        switch pattern {
        case .identifier(let identifier): return [(identifier.name, path)]
        case .object(let object):
            return object.properties.flatMap { property -> [(String, [String])] in
                guard let key = property.key.staticName else { return [] }
                return boundNames(property.value, path: path + [key])
            }
        case .array(let array):
            return array.elements.enumerated().flatMap { index, element -> [(String, [String])] in
                guard let element else { return [] }
                return boundNames(element.pattern, path: path + [String(index)])
            }
        case .missing: return []
        }
    }
}
