// Declarations: variables, functions and classes at statement level, enums, namespaces, and the type-only
// declarations (`type`, `interface`, `declare …`) that are recognised and skipped.

extension Parser {
    mutating func parseVariableStatement() -> StatementSyntax {
        let start = token.start
        var declaration = parseVariableDeclaration()
        consumeSemicolon()
        declaration.range = range(from: start)
        return .variable(declaration)
    }

    /// `const a = 1, { b } = c` without the terminating semicolon (also used in `for` heads).
    mutating func parseVariableDeclaration() -> VariableDeclaration {
        let start = token.start
        let kind: VariableDeclaration.Kind
        switch token.keyword {
        case .const: kind = .const
        case .let: kind = .let
        case .using: kind = .using
        case .await:
            advance()
            kind = .awaitUsing
        default: kind = .var
        }
        advance()
        var declarators: [VariableDeclarator] = []
        repeat {
            let declaratorStart = token.start
            let pattern = parseBindingPattern()
            let isDefinite = eat(.bang)
            let typeAnnotation = skipTypeAnnotation()
            let initializer = eat(.equal) ? parseAssignment() : nil
            declarators.append(VariableDeclarator(
                pattern: pattern, isDefinite: isDefinite, typeAnnotation: typeAnnotation, initializer: initializer,
                range: range(from: declaratorStart)))
        } while eat(.comma) && !isAbandoned
        return VariableDeclaration(kind: kind, declarators: declarators, range: range(from: start))
    }

    /// `function`, `async function`, `class`, `abstract class`, `enum`, `const enum`, `type`, `interface`,
    /// `declare …`, `namespace`, `module`, `global`; nil when the word is only a name here (`type = 1`).
    mutating func parseDeclarationIfPresent() -> StatementSyntax? {
        guard let keyword = token.keyword, !token.hasEscape else { return nil }
        let start = token.start
        switch keyword {
        case .function:
            return parseFunctionDeclaration(start: start, isAsync: false)
        case .async:
            let next = peek()
            guard next.keyword == .function, !next.hasLineBreakBefore else { return nil }
            advance()
            return parseFunctionDeclaration(start: start, isAsync: true)
        case .class:
            return .class(parseClass(start: start, isAbstract: false))
        case .abstract:
            let next = peek()
            guard next.keyword == .class, !next.hasLineBreakBefore else { return nil }
            advance()
            return .class(parseClass(start: start, isAbstract: true))
        case .enum:
            return parseEnum(start: start, isConst: false)
        case .const:
            guard peek().keyword == .enum else { return nil }
            advance()
            return parseEnum(start: start, isConst: true)
        case .type:
            guard let declared = parseTypeDeclarationHead() else { return nil }
            expect(.equal, "`=` in the type alias")
            skipType()
            consumeSemicolon()
            return .typeOnly(TypeOnlyDeclaration(kind: .typeAlias, name: declared, range: range(from: start)))
        case .interface:
            guard let declared = parseTypeDeclarationHead() else { return nil }
            if eat(.extends) {
                repeat { skipType() } while eat(.comma) && !isAbandoned
            }
            if at(.openBrace) {
                skipBalanced()
            } else {
                error("expected `{` to start the interface body, found \(describe(token))", at: token)
            }
            return .typeOnly(TypeOnlyDeclaration(kind: .interface, name: declared, range: range(from: start)))
        case .declare:
            let next = peek()
            guard next.kind == .identifier, !next.hasLineBreakBefore else { return nil }
            advance()
            return parseAmbientDeclaration(start: start)
        case .namespace, .module:
            let next = peek()
            guard next.kind == .identifier || next.kind == .string, !next.hasLineBreakBefore else { return nil }
            return parseNamespace(start: start)
        case .global:
            guard peek().kind == .openBrace else { return nil }
            return parseNamespace(start: start)
        default:
            return nil
        }
    }

    /// `type Name<T>` / `interface Name<T>`: the keyword, the name on the same line, and type parameters;
    /// nil (nothing consumed) when the keyword is only a name here.
    private mutating func parseTypeDeclarationHead() -> Identifier? {
        let next = peek()
        guard isBindingName(next), !next.hasLineBreakBefore else { return nil }
        advance()
        let declared = takeName()
        _ = skipTypeParameters()
        return declared
    }

    private mutating func parseFunctionDeclaration(start: Int, isAsync: Bool) -> StatementSyntax {
        let function = parseFunction(start: start, isAsync: isAsync)
        if function.body == nil {
            // An overload signature.
            consumeSemicolon()
        }
        return .function(function)
    }

    private mutating func parseEnum(start: Int, isConst: Bool) -> StatementSyntax {
        advance()  // `enum`
        let enumName = name(of: token)
        if !isBindingName(token) {
            error("expected the enum's name, found \(describe(token))", at: token)
        } else {
            advance()
        }
        let open = token
        var members: [EnumMember] = []
        if eat(.openBrace) {
            members = parseDelimitedList(closing: .closeBrace, opener: open, listName: "enum", startsElement: { $0.startsPropertyName($0.token) }) { parser in
                let memberStart = parser.token.start
                let key = parser.parsePropertyKey()
                let memberName = Identifier(name: key.staticName ?? "", range: key.range)
                let initializer = parser.eat(.equal) ? parser.parseAssignment() : nil
                return EnumMember(name: memberName, initializer: initializer, range: parser.range(from: memberStart))
            }
        } else {
            error("expected `{` to start the enum body, found \(describe(token))", at: token)
        }
        return .enum(EnumDeclaration(name: enumName, isConst: isConst, members: members, range: range(from: start)))
    }

    /// After `declare`: the declaration is read (so its end is exact) and kept only as a type-only marker.
    private mutating func parseAmbientDeclaration(start: Int) -> StatementSyntax {
        var declared: Identifier?
        if at(.module) || at(.namespace) || at(.global) {
            if at(.global) {
                declared = takeName()
            } else {
                advance()
                if at(.string) {
                    declared = Identifier(name: lexer.stringValue(token), range: token.range)
                    advance()
                } else {
                    declared = parseDottedName().first
                }
            }
            if at(.openBrace) { skipBalanced() } else { consumeSemicolon() }
        } else {
            declared = declaredName(of: parseStatement())
        }
        return .typeOnly(TypeOnlyDeclaration(kind: .ambient, name: declared, range: range(from: start)))
    }

    private func declaredName(of statement: StatementSyntax) -> Identifier? {
        switch statement {
        case .function(let function): function.name
        case .class(let classSyntax): classSyntax.name
        case .enum(let enumeration): enumeration.name
        case .namespace(let namespace): namespace.name.first
        case .typeOnly(let declaration): declaration.name
        case .variable(let variable):
            if case .identifier(let identifier)? = variable.declarators.first?.pattern { identifier } else { nil }
        default: nil
        }
    }

    /// `namespace a.b { … }`, `module 'x' { … }`, `global { … }`.
    private mutating func parseNamespace(start: Int) -> StatementSyntax {
        var names: [Identifier]
        if at(.global) {
            names = [takeName()]
        } else {
            advance()
            if at(.string) {
                names = [Identifier(name: lexer.stringValue(token), range: token.range)]
                advance()
            } else {
                names = parseDottedName()
            }
        }
        var body: [StatementSyntax] = []
        if at(.openBrace) {
            body = parseBlock().statements
        } else {
            consumeSemicolon()
        }
        return .namespace(NamespaceDeclaration(name: names, body: body, range: range(from: start)))
    }

    private mutating func parseDottedName() -> [Identifier] {
        var names: [Identifier] = []
        repeat {
            guard at(.identifier) else {
                error("expected a name, found \(describe(token))", at: token)
                break
            }
            names.append(name(of: token))
            advance()
        } while eat(.dot) && !isAbandoned
        return names
    }
}
