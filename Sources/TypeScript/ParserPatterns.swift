// Binding patterns: names and destructuring (`{ a, b: [c = 1], ...rest }`).

extension Parser {
    mutating func parseBindingPattern() -> BindingPattern {
        guard enterNesting() else { return .missing(token.start..<token.start) }
        defer { exitNesting() }
        switch token.kind {
        case .openBrace: return parseObjectPattern()
        case .openBracket: return parseArrayPattern()
        case .identifier where isBindingName(token):
            return .identifier(takeName())
        default:
            error("expected a name or a destructuring pattern, found \(describe(token))", at: token)
            return .missing(token.start..<token.start)
        }
    }

    private enum PatternItem {
        case property(ObjectPatternProperty)
        case element(BindingElement?)
        case rest(BindingPattern)
    }

    private mutating func parseObjectPattern() -> BindingPattern {
        let open = token
        advance()
        let items = parseDelimitedList(closing: .closeBrace, opener: open, listName: "object pattern", startsElement: { parser in
            parser.startsPropertyName(parser.token) || parser.at(.dotDotDot)
        }) { parser -> PatternItem in
            let start = parser.token.start
            if parser.eat(.dotDotDot) { return .rest(parser.parseBindingPattern()) }
            let key = parser.parsePropertyKey()
            var value: BindingPattern
            var isShorthand = false
            if parser.eat(.colon) {
                value = parser.parseBindingPattern()
            } else if case .identifier(let identifier) = key {
                value = .identifier(identifier)
                isShorthand = true
            } else {
                parser.error("expected `:` after the property name in the pattern, found \(parser.describe(parser.token))", at: parser.token)
                value = .missing(parser.token.start..<parser.token.start)
            }
            let defaultValue = parser.eat(.equal) ? parser.allowingIn { $0.parseAssignment() } : nil
            return .property(ObjectPatternProperty(
                key: key, value: value, isShorthand: isShorthand, defaultValue: defaultValue, range: parser.range(from: start)))
        }
        var properties: [ObjectPatternProperty] = []
        var rest: BindingPattern?
        for item in items {
            switch item {
            case .property(let property): properties.append(property)
            case .rest(let pattern): rest = pattern
            case .element: break
            }
        }
        return .object(ObjectPattern(properties: properties, rest: rest, range: range(from: open.start)))
    }

    private mutating func parseArrayPattern() -> BindingPattern {
        let open = token
        advance()
        let items = parseDelimitedList(closing: .closeBracket, opener: open, listName: "array pattern", startsElement: { parser in
            parser.at(.identifier) || parser.at(.openBrace) || parser.at(.openBracket) || parser.at(.dotDotDot)
        }) { parser -> PatternItem in
            if parser.at(.comma) { return .element(nil) }
            if parser.eat(.dotDotDot) { return .rest(parser.parseBindingPattern()) }
            let start = parser.token.start
            let pattern = parser.parseBindingPattern()
            let defaultValue = parser.eat(.equal) ? parser.allowingIn { $0.parseAssignment() } : nil
            return .element(BindingElement(pattern: pattern, defaultValue: defaultValue, range: parser.range(from: start)))
        }
        var elements: [BindingElement?] = []
        var rest: BindingPattern?
        for item in items {
            switch item {
            case .element(let element): elements.append(element)
            case .rest(let pattern): rest = pattern
            case .property: break
            }
        }
        return .array(ArrayPattern(elements: elements, rest: rest, range: range(from: open.start)))
    }
}
