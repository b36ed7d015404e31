// Expressions: assignment → conditional → binary (precedence climbing) → unary → member/call chains → primary.

extension Parser {
    /// A comma-separated expression (`a, b`).
    mutating func parseExpression() -> ExpressionSyntax {
        let start = token.start
        let first = parseAssignment()
        guard at(.comma) else { return first }
        var expressions = [first]
        while eat(.comma), !isAbandoned { expressions.append(parseAssignment()) }
        return .sequence(SequenceExpression(expressions: expressions, range: range(from: start)))
    }

    /// Runs `body` with `in` allowed as an operator (inside brackets, even within a `for` head).
    mutating func allowingIn<T>(_ body: (inout Parser) -> T) -> T {
        let saved = disallowIn
        disallowIn = false
        defer { disallowIn = saved }
        return body(&self)
    }

    mutating func parseAssignment() -> ExpressionSyntax {
        guard enterNesting() else { return .missing(token.start..<token.start) }
        defer { exitNesting() }
        if at(.yield), inGenerator { return parseYield() }
        if let arrow = tryParseArrowFunction() { return arrow }
        let start = token.start
        let target = parseConditional()
        guard let assignment = assignmentOperator(token.kind) else { return target }
        advance()
        let value = parseAssignment()
        return .assignment(AssignmentExpression(operator: assignment, target: target, value: value, range: range(from: start)))
    }

    private mutating func parseYield() -> ExpressionSyntax {
        let start = token.start
        advance()
        var isDelegate = false
        var argument: ExpressionSyntax?
        if !token.hasLineBreakBefore {
            isDelegate = eat(.star)
            if isDelegate || canStartExpression(token) { argument = parseAssignment() }
        }
        return .yield(YieldExpression(argument: argument, isDelegate: isDelegate, range: range(from: start)))
    }

    private mutating func parseConditional() -> ExpressionSyntax {
        let start = token.start
        let test = parseBinary(0)
        guard at(.question) else { return test }
        advance()
        let consequent = allowingIn { $0.parseAssignment() }
        expect(.colon, "`:` in the conditional expression")
        let alternate = parseAssignment()
        return .conditional(ConditionalExpression(test: test, consequent: consequent, alternate: alternate, range: range(from: start)))
    }

    /// Binary operators with precedence above `minimum`.
    private mutating func parseBinary(_ minimum: Int) -> ExpressionSyntax {
        let start = token.start
        var left = parseUnary()
        while !isAbandoned {
            if at(.greater) {
                lexer.rescanGreater()
            } else if at(.regex) {
                lexer.rescanAsSlash()
            }
            if at(.as) || at(.satisfies), !token.hasLineBreakBefore {
                guard Self.relationalPrecedence > minimum, chainMayGrow() else { break }
                let isSatisfies = at(.satisfies)
                advance()
                let kind: TypeAssertionExpression.Kind
                let type: Range<Int>
                if !isSatisfies, at(.const) {
                    kind = .asConst
                    type = token.range
                    advance()
                } else {
                    kind = isSatisfies ? .satisfies : .as
                    type = skipType()
                }
                left = .typeAssertion(TypeAssertionExpression(kind: kind, expression: left, type: type, range: range(from: start)))
                continue
            }
            guard let (binary, precedence) = binaryOperator(token), precedence > minimum else { break }
            if binary == .in, disallowIn { break }
            guard chainMayGrow() else { break }
            let operatorRange = token.range
            advance()
            // `**` is right-associative.
            let right = parseBinary(binary == .exponent ? precedence - 1 : precedence)
            left = .binary(BinaryExpression(operator: binary, left: left, right: right, operatorRange: operatorRange, range: range(from: start)))
        }
        return left
    }

    private mutating func parseUnary() -> ExpressionSyntax {
        guard enterNesting() else { return .missing(token.start..<token.start) }
        defer { exitNesting() }
        let start = token.start
        let prefix: UnaryOperator? = switch token.kind {
        case .bang: .logicalNot
        case .tilde: .bitwiseNot
        case .plus: .plus
        case .minus: .minus
        case .identifier where !token.hasEscape:
            switch token.keyword {
            case .typeof: .typeof
            case .void: .void
            case .delete: .delete
            default: nil
            }
        default: nil
        }
        if let prefix {
            advance()
            let operand = parseUnary()
            return .unary(UnaryExpression(operator: prefix, operand: operand, range: range(from: start)))
        }
        if at(.plusPlus) || at(.minusMinus) {
            let update: UpdateOperator = at(.plusPlus) ? .increment : .decrement
            advance()
            let operand = parseUnary()
            return .update(UpdateExpression(operator: update, isPrefix: true, operand: operand, range: range(from: start)))
        }
        if at(.less), !readsJSX {
            // `<T>x`: an old-style type assertion (arrow functions `<T>(x) => x` were tried before; in the tsx
            // dialect `<` starts an element, read by `parsePrimary`).
            advance()
            let typeStart = token.start
            skipType()
            let type = range(from: typeStart)
            expect(.greater, "`>` to close the type assertion")
            let operand = parseUnary()
            return .typeAssertion(TypeAssertionExpression(kind: .angleBracket, expression: operand, type: type, range: range(from: start)))
        }
        if at(.await), awaitStartsExpression() {
            advance()
            let operand = parseUnary()
            return .await(AwaitExpression(argument: operand, range: range(from: start)))
        }
        let operand = parseLeftHandSide()
        if at(.plusPlus) || at(.minusMinus), !token.hasLineBreakBefore {
            let update: UpdateOperator = at(.plusPlus) ? .increment : .decrement
            advance()
            return .update(UpdateExpression(operator: update, isPrefix: false, operand: operand, range: range(from: start)))
        }
        return operand
    }

    /// `await` is the operator in async functions and at the top level of modules, unless it is used as a name
    /// (`await(x)` still reads as the operator, as in modules).
    private mutating func awaitStartsExpression() -> Bool {
        if inAsync { return true }
        let next = peek()
        if next.hasLineBreakBefore { return false }
        switch next.kind {
        case .plus, .minus, .less, .slash, .slashEqual: return false
        default: return canStartExpression(next)
        }
    }

    // MARK: Member and call chains

    mutating func parseLeftHandSide() -> ExpressionSyntax {
        let start = token.start
        let base: ExpressionSyntax
        if at(.new) {
            base = parseNew()
        } else if at(.super) {
            advance()
            base = .super(range(from: start))
        } else if at(.import) {
            base = parseImportExpression()
        } else {
            base = parsePrimary()
        }
        return parseMemberAndCallTail(base, start: start, allowCalls: true)
    }

    /// `.x`, `?.x`, `[i]`, `(args)`, `!`, tagged templates and `<T>` type arguments after `base`.
    /// `allowCalls` is false for the callee of `new`, which stops at the first `(`.
    mutating func parseMemberAndCallTail(_ base: ExpressionSyntax, start: Int, allowCalls: Bool) -> ExpressionSyntax {
        var expression = base
        while !isAbandoned, continuesChain(allowCalls: allowCalls), chainMayGrow() {
            switch token.kind {
            case .dot:
                advance()
                expression = parseMemberName(object: expression, start: start, isOptional: false)
            case .questionDot:
                guard allowCalls else { return expression }
                advance()
                if at(.openParen) {
                    expression = parseCall(callee: expression, start: start, typeArguments: nil, isOptional: true)
                } else if at(.openBracket) {
                    expression = parseElementAccess(object: expression, start: start, isOptional: true)
                } else if at(.less) {
                    let typeArguments = skipTypeArguments()
                    expression = parseCall(callee: expression, start: start, typeArguments: typeArguments, isOptional: true)
                } else {
                    expression = parseMemberName(object: expression, start: start, isOptional: true)
                }
            case .openBracket:
                expression = parseElementAccess(object: expression, start: start, isOptional: false)
            case .openParen:
                guard allowCalls else { return expression }
                expression = parseCall(callee: expression, start: start, typeArguments: nil, isOptional: false)
            case .bang:
                guard !token.hasLineBreakBefore else { return expression }
                advance()
                expression = .nonNull(NonNullExpression(expression: expression, range: range(from: start)))
            case .template, .templateHead:
                expression = parseTaggedTemplate(tag: expression, start: start, typeArguments: nil)
            case .less:
                guard allowCalls, let typeArguments = tryParseTypeArgumentsInExpression() else { return expression }
                if at(.openParen) {
                    expression = parseCall(callee: expression, start: start, typeArguments: typeArguments, isOptional: false)
                } else if at(.template) || at(.templateHead) {
                    expression = parseTaggedTemplate(tag: expression, start: start, typeArguments: typeArguments)
                }
                // Otherwise an instantiation expression (`f<T>`): the value is `f` itself.
            default:
                return expression
            }
        }
        return expression
    }

    /// Whether the current token adds a link to a member/call chain (`<` may still turn out to be a comparison).
    private func continuesChain(allowCalls: Bool) -> Bool {
        switch token.kind {
        case .dot, .openBracket, .template, .templateHead: true
        case .questionDot, .openParen, .less: allowCalls
        case .bang: !token.hasLineBreakBefore
        default: false
        }
    }

    private mutating func parseMemberName(object: ExpressionSyntax, start: Int, isOptional: Bool) -> ExpressionSyntax {
        if at(.identifier) || at(.privateName) {
            let isPrivate = at(.privateName)
            let property = takeName()
            return .member(MemberExpression(object: object, property: property, isOptional: isOptional, isPrivateName: isPrivate, range: range(from: start)))
        }
        error("expected a property name after `.`, found \(describe(token))", at: token)
        let missing = Identifier(name: "", range: token.start..<token.start)
        return .member(MemberExpression(object: object, property: missing, isOptional: isOptional, isPrivateName: false, range: range(from: start)))
    }

    private mutating func parseElementAccess(object: ExpressionSyntax, start: Int, isOptional: Bool) -> ExpressionSyntax {
        let open = token
        advance()
        let index = allowingIn { $0.parseExpression() }
        if !eat(.closeBracket) {
            error("expected `]` to close the element access opened at \(position(of: open.start)), found \(describe(token))", at: token)
        }
        return .element(ElementAccessExpression(object: object, index: index, isOptional: isOptional, range: range(from: start)))
    }

    private mutating func parseCall(callee: ExpressionSyntax, start: Int, typeArguments: Range<Int>?, isOptional: Bool) -> ExpressionSyntax {
        let arguments = parseArguments()
        return .call(CallExpression(callee: callee, typeArguments: typeArguments, arguments: arguments, isOptional: isOptional, range: range(from: start)))
    }

    /// `(a, ...b)`
    mutating func parseArguments() -> [ExpressionSyntax] {
        let open = token
        guard eat(.openParen) else { return [] }
        return allowingIn { parser in
            parser.parseDelimitedList(closing: .closeParen, opener: open, listName: "argument list", startsElement: { $0.canStartExpression($0.token) || $0.at(.dotDotDot) }) { parser in
                parser.parseSpreadOrAssignment()
            }
        }
    }

    /// An element of an argument list or array literal.
    mutating func parseSpreadOrAssignment() -> ExpressionSyntax {
        let start = token.start
        if eat(.dotDotDot) {
            let argument = parseAssignment()
            return .spread(SpreadElement(argument: argument, range: range(from: start)))
        }
        return parseAssignment()
    }

    private mutating func parseTaggedTemplate(tag: ExpressionSyntax, start: Int, typeArguments: Range<Int>?) -> ExpressionSyntax {
        let template = parseTemplateLiteral()
        return .taggedTemplate(TaggedTemplateExpression(tag: tag, typeArguments: typeArguments, template: template, range: range(from: start)))
    }

    /// `<T>` in an expression, kept only when what follows makes it type arguments (`f<T>(x)`), not `a < b`.
    private mutating func tryParseTypeArgumentsInExpression() -> Range<Int>? {
        speculate { parser -> Range<Int>? in
            let typeArguments = parser.skipTypeArguments()
            // The closing `>` must not be part of `>=` or `>>`.
            let after = parser.previousEnd < parser.lexer.bytes.count ? parser.lexer.bytes[parser.previousEnd] : 0
            if after == UInt8(ascii: "=") || after == UInt8(ascii: ">") { return nil }
            return parser.canFollowTypeArguments() ? typeArguments : nil
        }
    }

    private func canFollowTypeArguments() -> Bool {
        switch token.kind {
        case .openParen, .template, .templateHead: return true
        case .less, .greater, .plus, .minus: return false
        default:
            return token.hasLineBreakBefore || binaryOperator(token) != nil || !canStartExpression(token)
        }
    }

    private mutating func parseNew() -> ExpressionSyntax {
        let start = token.start
        let newToken = token
        advance()
        if at(.dot) {
            advance()
            let property = name(of: token)
            if !eat(.identifier) { error("expected `target` after `new.`, found \(describe(token))", at: token) }
            return .metaProperty(MetaProperty(meta: name(of: newToken), property: property, range: range(from: start)))
        }
        let calleeStart = token.start
        let calleeBase: ExpressionSyntax
        if at(.new) {
            calleeBase = parseNew()
        } else {
            guard enterNesting() else { return .missing(start..<start) }
            calleeBase = parsePrimary()
            exitNesting()
        }
        let callee = parseMemberAndCallTail(calleeBase, start: calleeStart, allowCalls: false)
        var typeArguments: Range<Int>?
        if at(.less) {
            typeArguments = speculate { parser -> Range<Int>? in
                let typeArguments = parser.skipTypeArguments()
                return parser.canFollowTypeArguments() ? typeArguments : nil
            }
        }
        let arguments = at(.openParen) ? parseArguments() : nil
        return .new(NewExpression(callee: callee, typeArguments: typeArguments, arguments: arguments, range: range(from: start)))
    }

    /// `import(x)` or `import.meta`.
    private mutating func parseImportExpression() -> ExpressionSyntax {
        let start = token.start
        let importToken = token
        advance()
        if at(.dot) {
            advance()
            let property = name(of: token)
            if !eat(.identifier) { error("expected `meta` after `import.`, found \(describe(token))", at: token) }
            return .metaProperty(MetaProperty(meta: name(of: importToken), property: property, range: range(from: start)))
        }
        if !at(.openParen) {
            error("expected `(` or `.meta` after `import`, found \(describe(token))", at: token)
            return .missing(range(from: start))
        }
        let arguments = parseArguments()
        return .importCall(ImportCallExpression(arguments: arguments, range: range(from: start)))
    }
}
