// Classes: heritage clauses and members. Members are read fully enough to find expressions in initialisers and
// method bodies; modifiers, decorators, index signatures and types are skipped.

extension Parser {
    /// A class declaration or expression at `class` (decorators and `abstract` already consumed).
    mutating func parseClass(start: Int, isAbstract: Bool) -> ClassSyntax {
        advance()  // `class`
        var className: Identifier?
        if isBindingName(token), !at(.implements) {
            className = takeName()
        }
        let typeParameters = skipTypeParameters()
        var superClass: ExpressionSyntax?
        if eat(.extends) {
            superClass = parseLeftHandSide()
            if at(.less) { skipTypeArguments() }
        }
        var implements: Range<Int>?
        if at(.implements) {
            let implementsStart = token.start
            advance()
            repeat { skipType() } while eat(.comma) && !isAbandoned
            implements = range(from: implementsStart)
        }
        let members = parseClassBody()
        return ClassSyntax(
            name: className, isAbstract: isAbstract, typeParameters: typeParameters, superClass: superClass,
            implements: implements, members: members, range: range(from: start))
    }

    private mutating func parseClassBody() -> [ClassMember] {
        let open = token
        guard eat(.openBrace) else {
            error("expected `{` to start the class body, found \(describe(token))", at: token)
            return []
        }
        let saved = (inAsync, inGenerator, disallowIn)
        (inAsync, inGenerator, disallowIn) = (false, false, false)
        defer { (inAsync, inGenerator, disallowIn) = saved }
        var members: [ClassMember] = []
        while !at(.closeBrace), !at(.endOfFile), !isAbandoned {
            let before = token.start
            if let member = parseClassMember() { members.append(member) }
            if token.start == before {
                error("unexpected \(describe(token)) in the class body", at: token)
                advance()
            }
        }
        if !eat(.closeBrace) {
            error("expected `}` to close the class body opened at \(position(of: open.start)), found \(describe(token))", at: token)
        }
        return members
    }

    private mutating func parseClassMember() -> ClassMember? {
        let start = token.start
        if eat(.semicolon) { return nil }
        skipDecorators()
        var isStatic = false
        var isAsync = false
        var kind = MethodSyntax.Kind.method
        // Modifiers, each only when a member name follows (else it is the member's name).
        modifiers: while at(.identifier), let keyword = token.keyword, !token.hasEscape {
            switch keyword {
            case .static:
                guard modifierApplies(lineBreakAllowed: true) else { break modifiers }
                if peek().kind == .openBrace {
                    advance()
                    let block = parseFunctionBody()
                    return .staticBlock(BlockStatement(statements: block.statements, range: range(from: start)))
                }
                isStatic = true
            case .public, .private, .protected, .readonly, .abstract, .override, .declare, .accessor:
                guard modifierApplies(lineBreakAllowed: false) else { break modifiers }
            case .async:
                guard modifierApplies(lineBreakAllowed: false) else { break modifiers }
                isAsync = true
            case .get, .set:
                guard modifierApplies(lineBreakAllowed: true) else { break modifiers }
                kind = keyword == .get ? .getter : .setter
                advance()
                break modifiers
            default:
                break modifiers
            }
            advance()
        }
        let isGenerator = eat(.star)
        if at(.openBracket), isIndexSignature() {
            skipBalanced()
            _ = skipTypeAnnotation()
            consumeSemicolon()
            return .indexSignature(range(from: start))
        }
        let key = parsePropertyKey()
        if kind == .method, case .identifier(let identifier) = key, identifier.name == "constructor", at(.openParen) {
            kind = .constructor
        }
        let isOptional = eat(.question)
        if !isOptional { eat(.bang) }
        if at(.openParen) || at(.less) {
            let method = parseMethod(
                kind: kind, key: key, start: start, isStatic: isStatic, isAsync: isAsync, isGenerator: isGenerator,
                isOptional: isOptional)
            if method.function.body == nil { consumeSemicolon() }
            return .method(method)
        }
        let typeAnnotation = skipTypeAnnotation()
        let value = eat(.equal) ? allowingIn { $0.parseAssignment() } : nil
        consumeSemicolon()
        return .property(ClassProperty(
            key: key, isStatic: isStatic, isOptional: isOptional, typeAnnotation: typeAnnotation, value: value,
            range: range(from: start)))
    }

    /// `[key: string]: T` (as opposed to a computed name `[expr]`).
    private mutating func isIndexSignature() -> Bool {
        lookahead { parser in
            parser.advance()
            guard parser.at(.identifier) else { return false }
            parser.advance()
            return parser.at(.colon)
        }
    }
}
