// Primary expressions: names, literals, templates, array and object literals, parenthesised expressions,
// function and class expressions.

extension Parser {
    mutating func parsePrimary() -> ExpressionSyntax {
        let start = token.start
        switch token.kind {
        case .identifier:
            if let keyword = token.keyword, !token.hasEscape {
                switch keyword {
                case .this:
                    advance()
                    return .this(range(from: start))
                case .null:
                    advance()
                    return .null(range(from: start))
                case .true, .false:
                    advance()
                    return .boolean(BooleanLiteral(value: keyword == .true, range: range(from: start)))
                case .function:
                    return .function(parseFunction(start: start, isAsync: false))
                case .class:
                    return .class(parseClass(start: start, isAbstract: false))
                case .new:
                    return parseLeftHandSide()
                case .async:
                    let next = peek()
                    if next.keyword == .function, !next.hasLineBreakBefore {
                        advance()
                        return .function(parseFunction(start: start, isAsync: true))
                    }
                default:
                    if keyword.isReserved {
                        error("expected an expression, found \(describe(token))", at: token)
                        return .missing(start..<start)
                    }
                }
            }
            return .identifier(takeName())
        case .privateName:
            // `#x in object`
            return .identifier(takeName())
        case .number:
            return .number(parseNumberLiteral())
        case .bigint:
            return .bigint(parseBigIntLiteral())
        case .string:
            return .string(parseStringLiteral())
        case .template, .templateHead:
            return .template(parseTemplateLiteral())
        case .slash, .slashEqual, .regex:
            lexer.rescanAsRegex()
            return .regex(parseRegex())
        case .openParen:
            return parseParenthesized()
        case .openBracket:
            return parseArrayLiteral()
        case .openBrace:
            return parseObjectLiteral()
        case .less where readsJSX:
            return .jsx(parseJSXElement())
        case .at:
            skipDecorators()
            if at(.class) { return .class(parseClass(start: start, isAbstract: false)) }
            error("expected a class after the decorators, found \(describe(token))", at: token)
            return .missing(range(from: start))
        default:
            error("expected an expression, found \(describe(token))", at: token)
            return .missing(start..<start)
        }
    }

    func text(of token: Token) -> String {
        String(decoding: lexer.bytes[token.start..<token.end], as: UTF8.self)
    }

    /// At a string token.
    mutating func parseStringLiteral() -> StringLiteral {
        let literal = StringLiteral(value: lexer.stringValue(token), range: token.range)
        advance()
        return literal
    }

    private mutating func parseNumberLiteral() -> NumberLiteral {
        let literal = NumberLiteral(text: text(of: token), value: lexer.numberValue(token), range: token.range)
        advance()
        return literal
    }

    private mutating func parseBigIntLiteral() -> BigIntLiteral {
        let literal = BigIntLiteral(text: text(of: token), range: token.range)
        advance()
        return literal
    }

    private mutating func parseRegex() -> RegexLiteral {
        let bytes = lexer.bytes
        var patternEnd = token.end
        while patternEnd > token.start + 1, bytes[patternEnd - 1] != UInt8(ascii: "/") { patternEnd -= 1 }
        let closed = patternEnd > token.start + 1
        let pattern = String(decoding: bytes[(token.start + 1)..<(closed ? patternEnd - 1 : token.end)], as: UTF8.self)
        let flags = closed ? String(decoding: bytes[patternEnd..<token.end], as: UTF8.self) : ""
        let literal = RegexLiteral(pattern: pattern, flags: flags, range: token.range)
        advance()
        return literal
    }

    /// A template at a `template` or `templateHead` token.
    mutating func parseTemplateLiteral() -> TemplateLiteral {
        let start = token.start
        var quasis = [templateElement(token)]
        var expressions: [ExpressionSyntax] = []
        if at(.template) {
            advance()
            return TemplateLiteral(quasis: quasis, expressions: expressions, range: range(from: start))
        }
        advance()
        while !isAbandoned {
            expressions.append(allowingIn { $0.parseExpression() })
            if at(.templateMiddle) {
                quasis.append(templateElement(token))
                advance()
            } else if at(.templateTail) {
                quasis.append(templateElement(token))
                advance()
                break
            } else {
                error("expected `}` to close the substitution of the template literal opened at \(position(of: start)), found \(describe(token))", at: token)
                break
            }
        }
        return TemplateLiteral(quasis: quasis, expressions: expressions, range: range(from: start))
    }

    private func templateElement(_ token: Token) -> TemplateElement {
        let textRange = lexer.templateTextRange(token)
        return TemplateElement(cooked: lexer.templateCooked(textRange), range: textRange)
    }

    private mutating func parseParenthesized() -> ExpressionSyntax {
        let open = token
        advance()
        let expression = allowingIn { $0.parseExpression() }
        if !eat(.closeParen) {
            error("expected `)` to close the parenthesis opened at \(position(of: open.start)), found \(describe(token))", at: token)
        }
        return .parenthesized(ParenthesizedExpression(expression: expression, range: range(from: open.start)))
    }

    private mutating func parseArrayLiteral() -> ExpressionSyntax {
        let open = token
        advance()
        let elements = allowingIn { parser in
            parser.parseDelimitedList(closing: .closeBracket, opener: open, listName: "array", startsElement: { $0.canStartExpression($0.token) || $0.at(.dotDotDot) }) { parser -> ExpressionSyntax? in
                // A hole: `[a, , b]`.
                parser.at(.comma) ? nil : parser.parseSpreadOrAssignment()
            }
        }
        return .array(ArrayLiteral(elements: elements, range: range(from: open.start)))
    }

    private mutating func parseObjectLiteral() -> ExpressionSyntax {
        let open = token
        advance()
        let members = allowingIn { parser in
            parser.parseDelimitedList(closing: .closeBrace, opener: open, listName: "object literal", startsElement: { $0.startsPropertyName($0.token) || $0.at(.dotDotDot) }) { parser in
                parser.parseObjectMember()
            }
        }
        return .object(ObjectLiteral(members: members, range: range(from: open.start)))
    }

    private mutating func parseObjectMember() -> ObjectMember {
        let start = token.start
        if eat(.dotDotDot) {
            let argument = parseAssignment()
            return .spread(SpreadElement(argument: argument, range: range(from: start)))
        }
        var isAsync = false
        var isGenerator = false
        var kind = MethodSyntax.Kind.method
        if at(.async) || at(.get) || at(.set), modifierApplies(lineBreakAllowed: !at(.async)) {
            if at(.async) { isAsync = true } else { kind = at(.get) ? .getter : .setter }
            advance()
        }
        if eat(.star) { isGenerator = true }
        let key = parsePropertyKey()
        if at(.openParen) || at(.less) || isAsync || isGenerator || kind != .method {
            let method = parseMethod(kind: kind, key: key, start: start, isStatic: false, isAsync: isAsync, isGenerator: isGenerator)
            return .method(method)
        }
        if eat(.colon) {
            let value = parseAssignment()
            return .property(ObjectProperty(key: key, value: value, range: range(from: start)))
        }
        guard case .identifier(let identifier) = key else {
            error("expected `:` after the property name, found \(describe(token))", at: token)
            return .property(ObjectProperty(key: key, value: .missing(token.start..<token.start), range: range(from: start)))
        }
        // `{ a = 1 }` is only valid as a destructuring-assignment target; keep it for that case.
        let defaultValue = eat(.equal) ? parseAssignment() : nil
        return .shorthand(ShorthandProperty(name: identifier, defaultValue: defaultValue, range: range(from: start)))
    }

    /// `async`, `get`, `set`, `static` and friends are modifiers only when a member name follows them;
    /// otherwise they are the name (`{ get: 1 }`, `{ async() {} }`).
    mutating func modifierApplies(lineBreakAllowed: Bool) -> Bool {
        let next = peek()
        if !lineBreakAllowed, next.hasLineBreakBefore { return false }
        return startsPropertyName(next) || next.kind == .star || next.kind == .openBrace && at(.static)
    }

    func startsPropertyName(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .string, .number, .bigint, .openBracket, .privateName: true
        default: false
        }
    }

    /// A member name: identifier (keywords included), string, number, `[computed]` or `#private`.
    mutating func parsePropertyKey() -> PropertyKey {
        let start = token.start
        switch token.kind {
        case .identifier:
            return .identifier(takeName())
        case .privateName:
            return .privateName(takeName())
        case .string:
            return .string(parseStringLiteral())
        case .number:
            return .number(parseNumberLiteral())
        case .bigint:
            return .bigint(parseBigIntLiteral())
        case .openBracket:
            advance()
            let expression = allowingIn { $0.parseAssignment() }
            if !eat(.closeBracket) {
                error("expected `]` to close the computed property name opened at \(position(of: start)), found \(describe(token))", at: token)
            }
            return .computed(expression, range: range(from: start))
        default:
            error("expected a property name, found \(describe(token))", at: token)
            return .computed(.missing(start..<start), range: start..<start)
        }
    }
}
