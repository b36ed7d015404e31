// JSX elements (`.tsx` dialect). Text between tags is lexed without trivia (`Lexer.scanJSXChild`), so a `//`
// in JSX text is never taken for a comment.

extension Parser {
    /// An element or fragment at `<`. `inChildren`: the element is a child of another one, so the token after its
    /// final `>` is lexed as JSX child content.
    mutating func parseJSXElement(inChildren: Bool = false) -> JSXElement {
        let start = token.start
        advance()  // `<`
        var tagName: Identifier?
        var attributes: [JSXAttribute] = []
        if !at(.greater) {
            tagName = parseJSXTagName()
            if at(.less) { skipTypeArguments() }
            attributes = parseJSXAttributes()
        }
        if at(.regex) { lexer.rescanAsSlash() }
        if eat(.slash) {
            if at(.greater) {
                finishJSXTag(inChildren: inChildren)
            } else {
                error("expected `>` to end the self-closing tag, found \(describe(token))", at: token)
            }
            return JSXElement(name: tagName, attributes: attributes, children: [], isSelfClosing: true, range: range(from: start))
        }
        guard at(.greater) else {
            error("expected `>` to end the opening tag, found \(describe(token))", at: token)
            return JSXElement(name: tagName, attributes: attributes, children: [], isSelfClosing: false, range: range(from: start))
        }
        enterJSXChildren()
        let children = parseJSXChildren(openedAt: start, tagName: tagName, inChildren: inChildren)
        return JSXElement(name: tagName, attributes: attributes, children: children, isSelfClosing: false, range: range(from: start))
    }

    /// `div`, `data-x`, `Foo.Bar`, `svg:path`.
    private mutating func parseJSXTagName() -> Identifier? {
        let start = token.start
        guard at(.identifier) else {
            error("expected a tag name, found \(describe(token))", at: token)
            return nil
        }
        lexer.extendJSXName()
        advance()
        while at(.dot) || at(.colon), !isAbandoned {
            advance()
            guard at(.identifier) else {
                error("expected a name in the tag, found \(describe(token))", at: token)
                break
            }
            lexer.extendJSXName()
            advance()
        }
        return Identifier(name: String(decoding: lexer.bytes[range(from: start)], as: UTF8.self), range: range(from: start))
    }

    private mutating func parseJSXAttributes() -> [JSXAttribute] {
        var attributes: [JSXAttribute] = []
        while !at(.greater), !at(.slash), !at(.regex), !at(.endOfFile), !isAbandoned {
            let start = token.start
            if at(.openBrace) {
                advance()
                if !eat(.dotDotDot) { error("expected `...` in the spread attribute, found \(describe(token))", at: token) }
                let argument = parseAssignment()
                expect(.closeBrace, "`}` to close the spread attribute")
                attributes.append(.spread(SpreadElement(argument: argument, range: range(from: start))))
                continue
            }
            guard let attributeName = parseJSXTagName() else { break }
            var value: ExpressionSyntax?
            if at(.equal) {
                previousEnd = token.end
                previousKind = token.kind
                lexer.nextJSXAttributeValue()
                switch token.kind {
                case .string:
                    value = .string(parseStringLiteral())
                case .openBrace:
                    let open = token
                    advance()
                    value = parseAssignment()
                    if !eat(.closeBrace) {
                        error("expected `}` to close the attribute value opened at \(position(of: open.start)), found \(describe(token))", at: token)
                    }
                case .less:
                    value = .jsx(parseJSXElement())
                default:
                    error("expected a string, `{` or an element as the attribute value, found \(describe(token))", at: token)
                }
            }
            attributes.append(.attribute(name: attributeName, value: value, range: range(from: start)))
        }
        return attributes
    }

    private mutating func parseJSXChildren(openedAt start: Int, tagName: Identifier?, inChildren: Bool) -> [JSXChild] {
        var children: [JSXChild] = []
        while !isAbandoned {
            switch token.kind {
            case .jsxText:
                children.append(.text(token.range))
                enterJSXChildren()
            case .openBrace:
                let open = token
                advance()
                var expression: ExpressionSyntax?
                if !at(.closeBrace) { expression = allowingIn { $0.parseExpression() } }
                guard at(.closeBrace) else {
                    error("expected `}` to close the expression opened at \(position(of: open.start)), found \(describe(token))", at: token)
                    return children
                }
                children.append(.expression(expression, range: open.start..<token.end))
                enterJSXChildren()
            case .less:
                if peek().kind == .slash || peek().kind == .regex {
                    parseJSXClosingTag(tagName: tagName, openedAt: start, inChildren: inChildren)
                    return children
                }
                children.append(.element(parseJSXElement(inChildren: true)))
            default:
                let name = tagName.map { "`</\($0.name)>`" } ?? "`</>`"
                error("expected \(name) to close the element opened at \(position(of: start)), found \(describe(token))", at: token)
                return children
            }
        }
        return children
    }

    private mutating func parseJSXClosingTag(tagName: Identifier?, openedAt start: Int, inChildren: Bool) {
        advance()  // `<`
        if at(.regex) { lexer.rescanAsSlash() }
        advance()  // `/`
        let closing = at(.greater) ? nil : parseJSXTagName()
        if closing?.name != tagName?.name {
            let expected = tagName.map { "`</\($0.name)>`" } ?? "`</>`"
            error("expected \(expected) to close the element opened at \(position(of: start))", range: closing?.range ?? token.range)
        }
        if at(.greater) {
            finishJSXTag(inChildren: inChildren)
        } else {
            error("expected `>` to end the closing tag, found \(describe(token))", at: token)
        }
    }

    /// Consumes the `>` that ends an element: what follows is child content of the parent, or ordinary code.
    private mutating func finishJSXTag(inChildren: Bool) {
        if inChildren { enterJSXChildren() } else { advance() }
    }

    /// Consumes the current token (`>` or `}`) and lexes what follows it as JSX child content.
    private mutating func enterJSXChildren() {
        previousEnd = token.end
        previousKind = token.kind
        lexer.scanJSXChild(at: token.end)
    }
}
