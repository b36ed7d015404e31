// Arrow functions. `(a, b: T): R => …`, `async (x) => …` and `<T,>(x: T) => x` start like other expressions,
// so the head (type parameters, parameters, return type, `=>`) is read speculatively and rewound when no `=>`
// follows; the body is then read for real, so its errors are reported normally.

extension Parser {
    private struct ArrowHead {
        var isAsync: Bool
        var typeParameters: Range<Int>?
        var parameters: [FunctionParameter]
        var returnType: Range<Int>?
    }

    /// An arrow function starting at the current token, or nil (nothing consumed) when there is none.
    mutating func tryParseArrowFunction() -> ExpressionSyntax? {
        let start = token.start
        switch token.kind {
        case .identifier:
            if at(.async) {
                let next = peek()
                if !next.hasLineBreakBefore {
                    if next.kind == .identifier, isBindingName(next), lookahead({ parser in
                        parser.advance()
                        parser.advance()
                        return parser.at(.arrow) && !parser.token.hasLineBreakBefore
                    }) {
                        advance()
                        return parseSimpleArrow(start: start, isAsync: true)
                    }
                    if next.kind == .openParen || next.kind == .less,
                       let head = speculate({ $0.parseArrowHead(isAsync: true) }) {
                        return parseArrowBody(head, start: start)
                    }
                }
            }
            guard isBindingName(token) else { return nil }
            let next = peek()
            guard next.kind == .arrow, !next.hasLineBreakBefore else { return nil }
            return parseSimpleArrow(start: start, isAsync: false)
        case .openParen:
            guard mayStartParenthesizedArrow() else { return nil }
            guard let head = speculate({ $0.parseArrowHead(isAsync: false) }) else { return nil }
            return parseArrowBody(head, start: start)
        case .less:
            // In JSX, `<T>(x) => x` would be an element: only `<T,>` and `<T extends …>` start generic arrows.
            if readsJSX, !lookahead({ parser in
                parser.advance()
                guard parser.at(.identifier) else { return false }
                parser.advance()
                return parser.at(.comma) || parser.at(.extends)
            }) { return nil }
            guard let head = speculate({ $0.parseArrowHead(isAsync: false) }) else { return nil }
            return parseArrowBody(head, start: start)
        default:
            return nil
        }
    }

    /// `x => …` at the parameter name.
    private mutating func parseSimpleArrow(start: Int, isAsync: Bool) -> ExpressionSyntax {
        let identifier = takeName()
        let parameter = FunctionParameter(
            pattern: .identifier(identifier), isRest: false, isOptional: false, typeAnnotation: nil, defaultValue: nil,
            isParameterProperty: false, range: identifier.range)
        let head = ArrowHead(isAsync: isAsync, typeParameters: nil, parameters: [parameter], returnType: nil)
        return parseArrowBody(head, start: start)
    }

    private mutating func parseArrowHead(isAsync: Bool) -> ArrowHead? {
        if isAsync { advance() }
        let typeParameters = skipTypeParameters()
        guard at(.openParen) else { return nil }
        let parameters = parseParameterList()
        let returnType = skipReturnTypeAnnotation()
        guard at(.arrow), !token.hasLineBreakBefore else { return nil }
        return ArrowHead(isAsync: isAsync, typeParameters: typeParameters, parameters: parameters, returnType: returnType)
    }

    private mutating func parseArrowBody(_ head: ArrowHead, start: Int) -> ExpressionSyntax {
        expect(.arrow, "`=>`")
        let body: ArrowFunction.Body
        let saved = (inAsync, inGenerator)
        (inAsync, inGenerator) = (head.isAsync, false)
        if at(.openBrace) {
            body = .block(parseFunctionBody())
        } else {
            body = .expression(parseAssignment())
        }
        (inAsync, inGenerator) = saved
        return .arrow(ArrowFunction(
            isAsync: head.isAsync, typeParameters: head.typeParameters, parameters: head.parameters,
            returnType: head.returnType, body: body, range: range(from: start)))
    }

    /// A cheap look past `(` that rules out most parenthesised expressions before trying the arrow head.
    private mutating func mayStartParenthesizedArrow() -> Bool {
        lookahead { parser in
            parser.advance()
            switch parser.token.kind {
            case .closeParen:
                parser.advance()
                return parser.at(.arrow) || parser.at(.colon)
            case .dotDotDot, .at:
                return true
            case .openBracket, .openBrace:
                // A destructuring parameter is followed by `,`, `=`, `:`, `?` or `) =>`; an array or object
                // literal in parentheses (`(t) => ({ … })`) is not.
                parser.skipBalanced()
                switch parser.token.kind {
                case .comma, .equal, .colon, .question: return true
                case .closeParen:
                    parser.advance()
                    return parser.at(.arrow) || parser.at(.colon)
                default: return false
                }
            case .identifier:
                guard parser.isBindingName(parser.token) || parser.at(.this) else { return false }
                parser.advance()
                switch parser.token.kind {
                case .colon, .comma, .equal, .question:
                    return true
                case .closeParen:
                    parser.advance()
                    return parser.at(.arrow) || parser.at(.colon)
                case .identifier:
                    // Parameter-property modifiers or `this` typing: `(public x) =>` is invalid outside classes,
                    // but a name after a name can only be an arrow head.
                    return true
                default:
                    return false
                }
            default:
                return false
            }
        }
    }

    /// Identifiers that may name a binding: anything but reserved words.
    func isBindingName(_ token: Token) -> Bool {
        guard token.kind == .identifier else { return false }
        guard let keyword = token.keyword, !token.hasEscape else { return true }
        return !keyword.isReserved
    }
}
