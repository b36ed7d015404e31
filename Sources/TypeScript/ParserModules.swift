// `import` and `export` declarations.

extension Parser {
    mutating func parseImportDeclaration() -> StatementSyntax {
        let start = token.start
        advance()  // `import`
        var isTypeOnly = false
        if at(.type), importTypeIsModifier() {
            isTypeOnly = true
            advance()
        }
        var defaultBinding: Identifier?
        var namespaceBinding: Identifier?
        var namedBindings: [ImportSpecifier] = []
        var hasBraces = false
        if !at(.string) {
            if isBindingName(token) {
                let binding = takeName()
                if at(.equal) { return parseImportEquals(start: start, name: binding) }
                defaultBinding = binding
                if !eat(.comma) { return finishImport(start: start, isTypeOnly: isTypeOnly, defaultBinding: defaultBinding) }
            }
            if eat(.star) {
                if !eat(.as) { error("expected `as` after `import *`, found \(describe(token))", at: token) }
                namespaceBinding = parseBindingIdentifier()
            } else if at(.openBrace) {
                hasBraces = true
                let open = token
                advance()
                namedBindings = parseDelimitedList(closing: .closeBrace, opener: open, listName: "import list", startsElement: { $0.startsModuleListElement() }) { parser in
                    parser.parseImportSpecifier()
                }
            } else if defaultBinding != nil || !at(.from) {
                error("expected a name, `*` or `{` in the import, found \(describe(token))", at: token)
            }
            return finishImport(
                start: start, isTypeOnly: isTypeOnly, defaultBinding: defaultBinding, namespaceBinding: namespaceBinding,
                namedBindings: namedBindings, hasBraces: hasBraces)
        }
        // `import './side-effect'`
        let source = parseModuleSpecifier()
        let attributes = parseImportAttributes()
        consumeSemicolon()
        return .import(ImportDeclaration(
            isTypeOnly: isTypeOnly, defaultBinding: nil, namespaceBinding: nil, namedBindings: [], source: source,
            attributes: attributes, range: range(from: start), hasBraces: false))
    }

    /// `import type X from`, `import type { … }`, `import type * as` — but not `import type from './x'` nor
    /// `import type, { … } from`, where `type` is the default binding's name.
    private mutating func importTypeIsModifier() -> Bool {
        lookahead { parser in
            parser.advance()
            switch parser.token.kind {
            case .openBrace, .star: return true
            case .identifier:
                guard parser.at(.from) else { return true }
                parser.advance()
                return !parser.at(.string)
            default: return false
            }
        }
    }

    /// `from '…'` with attributes and the semicolon, after the bindings.
    private mutating func finishImport(
        start: Int, isTypeOnly: Bool, defaultBinding: Identifier?, namespaceBinding: Identifier? = nil,
        namedBindings: [ImportSpecifier] = [], hasBraces: Bool = false
    ) -> StatementSyntax {
        if !eat(.from) { error("expected `from` in the import, found \(describe(token))", at: token) }
        let source = parseModuleSpecifier()
        let attributes = parseImportAttributes()
        consumeSemicolon()
        return .import(ImportDeclaration(
            isTypeOnly: isTypeOnly, defaultBinding: defaultBinding, namespaceBinding: namespaceBinding,
            namedBindings: namedBindings, source: source, attributes: attributes, range: range(from: start),
            hasBraces: hasBraces))
    }

    /// `import x = require('y')` / `import x = A.B`: kept as a type-only marker.
    private mutating func parseImportEquals(start: Int, name: Identifier) -> StatementSyntax {
        advance()  // `=`
        _ = parseAssignment()
        consumeSemicolon()
        return .typeOnly(TypeOnlyDeclaration(kind: .importEquals, name: name, range: range(from: start)))
    }

    /// After a specifier with no comma, a name on the same line is taken as the next specifier (a missing comma);
    /// `from` ends the list (`import { a from './a'` lacks only the `}`).
    private func startsModuleListElement() -> Bool {
        at(.identifier) && !at(.from) && !token.hasLineBreakBefore
    }

    private mutating func parseImportSpecifier() -> ImportSpecifier {
        let start = token.start
        let isTypeOnly = at(.type) && specifierTypeIsModifier()
        if isTypeOnly { advance() }
        let imported = parseModuleExportName()
        var local = imported
        if eat(.as) {
            local = parseBindingIdentifier()
        }
        return ImportSpecifier(imported: imported, local: local, isTypeOnly: isTypeOnly, range: range(from: start))
    }

    /// In `{ type X }` the `type` is a modifier; in `{ type }` and `{ type as x }` it is the name.
    private mutating func specifierTypeIsModifier() -> Bool {
        lookahead { parser in
            parser.advance()
            guard parser.at(.identifier) || parser.at(.string) else { return false }
            guard parser.at(.as) else { return true }
            // `{ type as as x }`: modifier; `{ type as x }`: the name `type`.
            parser.advance()
            return parser.at(.as)
        }
    }

    /// An identifier (any word, keywords included) or a string, as names between modules are.
    private mutating func parseModuleExportName() -> Identifier {
        if at(.string) {
            let identifier = Identifier(name: lexer.stringValue(token), range: token.range)
            advance()
            return identifier
        }
        if at(.identifier) {
            let identifier = takeName()
            return identifier
        }
        error("expected a name, found \(describe(token))", at: token)
        return Identifier(name: "", range: token.start..<token.start)
    }

    private mutating func parseBindingIdentifier() -> Identifier {
        guard at(.identifier) else {
            error("expected a name, found \(describe(token))", at: token)
            return Identifier(name: "", range: token.start..<token.start)
        }
        let identifier = takeName()
        return identifier
    }

    private mutating func parseModuleSpecifier() -> StringLiteral {
        guard at(.string) else {
            error("expected the module path as a string, found \(describe(token))", at: token)
            return StringLiteral(value: "", range: token.start..<token.start)
        }
        return parseStringLiteral()
    }

    /// `with { type: 'json' }` / `assert { … }`.
    private mutating func parseImportAttributes() -> Range<Int>? {
        guard at(.with) || at(.assert), !token.hasLineBreakBefore || at(.with) else { return nil }
        guard peek().kind == .openBrace else { return nil }
        let start = token.start
        advance()
        skipBalanced()
        return range(from: start)
    }

    // MARK: Exports

    mutating func parseExportDeclaration() -> StatementSyntax {
        let start = token.start
        advance()  // `export`
        if eat(.default) {
            return parseExportDefault(start: start)
        }
        if eat(.equal) {
            let expression = parseAssignment()
            consumeSemicolon()
            return export(.assignment(expression), start: start)
        }
        if at(.as) {
            // `export as namespace X;` (UMD global declarations).
            advance()
            eat(.namespace)
            let declared = parseBindingIdentifier()
            consumeSemicolon()
            return .typeOnly(TypeOnlyDeclaration(kind: .ambient, name: declared, range: range(from: start)))
        }
        var isTypeOnly = false
        if at(.type) {
            let next = peek()
            if next.kind == .openBrace || next.kind == .star {
                isTypeOnly = true
                advance()
            }
        }
        if eat(.star) {
            let alias = eat(.as) ? parseModuleExportName() : nil
            if !eat(.from) { error("expected `from` after `export *`, found \(describe(token))", at: token) }
            let source = parseModuleSpecifier()
            _ = parseImportAttributes()
            consumeSemicolon()
            return export(.all(alias: alias, source: source), start: start, isTypeOnly: isTypeOnly)
        }
        if at(.openBrace) {
            let open = token
            advance()
            let specifiers = parseDelimitedList(closing: .closeBrace, opener: open, listName: "export list", startsElement: { $0.startsModuleListElement() }) { parser in
                parser.parseExportSpecifier()
            }
            var source: StringLiteral?
            if eat(.from) {
                source = parseModuleSpecifier()
                _ = parseImportAttributes()
            }
            consumeSemicolon()
            return export(.named(specifiers, source: source), start: start, isTypeOnly: isTypeOnly)
        }
        if at(.import) {
            return export(.declaration(parseImportDeclaration()), start: start)
        }
        let declarationStart = token.start
        let declaration = parseStatement()
        switch declaration {
        case .variable, .function, .class, .enum, .namespace, .typeOnly:
            break
        default:
            error("expected a declaration after `export`", range: declarationStart..<max(declarationStart, previousEnd))
        }
        return export(.declaration(declaration), start: start)
    }

    private mutating func parseExportDefault(start: Int) -> StatementSyntax {
        if at(.at) { skipDecorators() }
        if at(.function) || at(.class) || at(.abstract) || at(.async) || at(.interface) || at(.enum),
           let declaration = parseDeclarationIfPresent() {
            if case .typeOnly = declaration { return export(.declaration(declaration), start: start) }
            return export(.defaultDeclaration(declaration), start: start)
        }
        let expression = parseAssignment()
        consumeSemicolon()
        return export(.defaultExpression(expression), start: start)
    }

    private mutating func parseExportSpecifier() -> ExportSpecifier {
        let start = token.start
        let isTypeOnly = at(.type) && specifierTypeIsModifier()
        if isTypeOnly { advance() }
        let local = parseModuleExportName()
        let exported = eat(.as) ? parseModuleExportName() : local
        return ExportSpecifier(local: local, exported: exported, isTypeOnly: isTypeOnly, range: range(from: start))
    }

    private func export(_ kind: ExportDeclaration.Kind, start: Int, isTypeOnly: Bool = false) -> StatementSyntax {
        .export(ExportDeclaration(kind: kind, isTypeOnly: isTypeOnly, range: range(from: start)))
    }
}
