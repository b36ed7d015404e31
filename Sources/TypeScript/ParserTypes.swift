// Types are skipped, not modelled: these functions consume exactly the tokens of a type and return its range.
// They follow TypeScript's type grammar closely enough to find where a type ends (unions, intersections,
// conditional types, function and constructor types, type operators, indexed access, tuples, object and mapped
// types, template literal types, type predicates).

extension Parser {
    /// `: T` when present.
    mutating func skipTypeAnnotation() -> Range<Int>? {
        guard eat(.colon) else { return nil }
        return skipType()
    }

    /// `: T` in return position, where type predicates (`x is T`, `asserts x`) are allowed.
    mutating func skipReturnTypeAnnotation() -> Range<Int>? {
        guard eat(.colon) else { return nil }
        return skipReturnType()
    }

    @discardableResult
    mutating func skipType(allowConditional: Bool = true) -> Range<Int> {
        let start = token.start
        guard enterNesting() else { return range(from: start) }
        defer { exitNesting() }
        if isStartOfFunctionType() {
            skipFunctionType()
            return range(from: start)
        }
        skipUnionType()
        if allowConditional, at(.extends), !token.hasLineBreakBefore {
            advance()
            let saved = inConditionalExtends
            inConditionalExtends = true
            skipType(allowConditional: false)
            inConditionalExtends = saved
            expect(.question, "`?` in the conditional type")
            skipType()
            expect(.colon, "`:` in the conditional type")
            skipType()
        }
        return range(from: start)
    }

    /// A return type: `x is T`, `this is T`, `asserts x`, `asserts x is T`, or any type.
    @discardableResult
    mutating func skipReturnType() -> Range<Int> {
        let start = token.start
        if at(.asserts) {
            let next = peek()
            if next.kind == .identifier, !next.hasLineBreakBefore {
                advance()
                advance()
                if at(.is), !token.hasLineBreakBefore {
                    advance()
                    skipType()
                }
                return range(from: start)
            }
        }
        if at(.identifier) {
            let next = peek()
            if next.kind == .identifier, next.keyword == .is, !next.hasLineBreakBefore {
                advance()
                advance()
                skipType()
                return range(from: start)
            }
        }
        skipType()
        return range(from: start)
    }

    /// `<T, U extends X = Y>` on a declaration.
    mutating func skipTypeParameters() -> Range<Int>? {
        guard at(.less) else { return nil }
        let start = token.start
        advance()
        while !at(.greater), !at(.endOfFile), !isAbandoned {
            // Modifiers `const`, `in`, `out` before the name.
            while at(.const) || at(.in) || at(.out), peek().kind == .identifier { advance() }
            if at(.identifier) {
                advance()
            } else {
                error("expected a type parameter name, found \(describe(token))", at: token)
                break
            }
            if eat(.extends) { skipType() }
            if eat(.equal) { skipType() }
            if !eat(.comma) { break }
        }
        expect(.greater, "`>` to close the type parameters")
        return range(from: start)
    }

    /// `<A, B>` after a type name or in an expression (`f<T>(x)`).
    @discardableResult
    mutating func skipTypeArguments() -> Range<Int> {
        let start = token.start
        let saved = inConditionalExtends
        inConditionalExtends = false
        defer { inConditionalExtends = saved }
        expect(.less, "`<`")
        while !at(.greater), !at(.endOfFile), !isAbandoned {
            skipType()
            if !eat(.comma) { break }
        }
        expect(.greater, "`>` to close the type arguments")
        return range(from: start)
    }

    // MARK: Pieces of the type grammar

    private mutating func isStartOfFunctionType() -> Bool {
        switch token.kind {
        case .less: return true
        case .openParen:
            return lookahead { $0.isUnambiguouslyParameterList() }
        case .identifier:
            if at(.new) { return true }
            if at(.abstract) { return peek().keyword == .new }
            return false
        default:
            return false
        }
    }

    /// At `(` in a type: whether a parameter list follows (`()`, `(...`, `(a:`, `(a,`, `(a?`, `(a=`, `(a) =>`,
    /// `({ … }: T)`) rather than a parenthesised type such as `((x: A) => B) | C`.
    private mutating func isUnambiguouslyParameterList() -> Bool {
        advance()
        if at(.closeParen) || at(.dotDotDot) { return true }
        while at(.public) || at(.private) || at(.protected) || at(.readonly), peek().kind == .identifier { advance() }
        switch token.kind {
        case .identifier: advance()
        case .openBrace, .openBracket: skipBalanced()
        default: return false
        }
        switch token.kind {
        case .colon, .comma, .question, .equal: return true
        case .closeParen:
            advance()
            return at(.arrow)
        default: return false
        }
    }

    /// `(a: A) => R`, `<T>(x: T) => T`, `new (…) => T`, `abstract new (…) => T`.
    private mutating func skipFunctionType() {
        eat(.abstract)
        eat(.new)
        _ = skipTypeParameters()
        if at(.openParen) {
            _ = parseParameterList()
        } else {
            error("expected `(` to start the parameters of the function type, found \(describe(token))", at: token)
            return
        }
        expect(.arrow, "`=>` in the function type")
        skipReturnType()
    }

    private mutating func skipUnionType() {
        eat(.bar)
        skipIntersectionType()
        while eat(.bar), !isAbandoned { skipIntersectionType() }
    }

    private mutating func skipIntersectionType() {
        eat(.ampersand)
        skipTypeOperand()
        while eat(.ampersand), !isAbandoned { skipTypeOperand() }
    }

    /// `keyof T`, `unique symbol`, `readonly T[]`, `infer U extends C`, or a postfix type.
    private mutating func skipTypeOperand() {
        if at(.keyof) || at(.unique) || at(.readonly) {
            let next = peek()
            if startsType(next) {
                advance()
                skipTypeOperand()
                return
            }
        }
        if at(.infer), peek().kind == .identifier {
            advance()
            advance()
            if at(.extends), inConditionalExtends {
                // In the `extends` clause of a conditional type the constraint is certain.
                advance()
                skipType(allowConditional: false)
            } else if at(.extends) {
                // `infer U extends C ? …` is ambiguous: keep the constraint only when no `?` follows it.
                _ = speculate { parser -> Bool? in
                    parser.advance()
                    parser.skipType(allowConditional: false)
                    return parser.at(.question) ? nil : true
                }
            }
            return
        }
        if isStartOfFunctionType() {
            skipFunctionType()
            return
        }
        skipPrimaryType()
        // Array and indexed-access types: `T[]`, `T[K]` (not across a line break).
        while at(.openBracket), !token.hasLineBreakBefore, !isAbandoned {
            advance()
            if !at(.closeBracket) { skipType() }
            expect(.closeBracket, "`]` to close the indexed access type")
        }
    }

    private func startsType(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .string, .number, .bigint, .template, .templateHead, .openBrace, .openBracket, .openParen,
            .less, .minus, .bar, .ampersand:
            return true
        default:
            return false
        }
    }

    private mutating func skipPrimaryType() {
        switch token.kind {
        case .identifier:
            if at(.typeof) {
                advance()
                if at(.import) {
                    skipImportType()
                } else {
                    skipEntityName()
                }
            } else if at(.import) {
                skipImportType()
                return
            } else {
                skipEntityName()
            }
            if at(.less), !token.hasLineBreakBefore { skipTypeArguments() }
        case .string, .number, .bigint, .template:
            advance()
        case .minus:
            advance()
            if at(.number) || at(.bigint) {
                advance()
            } else {
                error("expected a number after `-` in a type, found \(describe(token))", at: token)
            }
        case .templateHead:
            advance()
            while !isAbandoned {
                skipType()
                if at(.templateTail) {
                    advance()
                    return
                }
                if !eat(.templateMiddle) {
                    error("expected `}` to continue the template literal type, found \(describe(token))", at: token)
                    return
                }
            }
        case .openBrace, .openBracket, .openParen:
            skipBalanced()
        default:
            error("expected a type, found \(describe(token))", at: token)
        }
    }

    /// `A.B.C` (keywords and private names are valid parts).
    private mutating func skipEntityName() {
        advance()
        while at(.dot), !isAbandoned {
            advance()
            if at(.identifier) || at(.privateName) {
                advance()
            } else {
                error("expected a name after `.` in a type, found \(describe(token))", at: token)
                return
            }
        }
    }

    /// `import('x').A.B<T>`
    private mutating func skipImportType() {
        advance()
        if at(.openParen) { skipBalanced() } else {
            error("expected `(` after `import` in a type, found \(describe(token))", at: token)
            return
        }
        while eat(.dot), !isAbandoned {
            if at(.identifier) { advance() } else {
                error("expected a name after `.` in a type, found \(describe(token))", at: token)
                return
            }
        }
        if at(.less), !token.hasLineBreakBefore { skipTypeArguments() }
    }

    /// Skips from an opening `(`, `[` or `{` to its matching closer, counting all three kinds.
    mutating func skipBalanced() {
        let open = token
        var depth = 0
        repeat {
            switch token.kind {
            case .openBrace, .openParen, .openBracket: depth += 1
            case .closeBrace, .closeParen, .closeBracket: depth -= 1
            case .endOfFile:
                error("expected the bracket opened at \(position(of: open.start)) to be closed before the end of the file", at: token)
                return
            default: break
            }
            advance()
        } while depth > 0
    }
}
