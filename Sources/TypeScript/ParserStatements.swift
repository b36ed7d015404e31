// Statements and control flow.

extension Parser {
    mutating func parseStatement() -> StatementSyntax {
        guard enterNesting() else { return .invalid(token.start..<token.start) }
        defer { exitNesting() }
        let start = token.start
        switch token.kind {
        case .openBrace:
            return .block(parseBlock())
        case .semicolon:
            advance()
            return .empty(range(from: start))
        case .at:
            skipDecorators()
            return parseStatement()
        case .identifier:
            if let statement = parseKeywordStatement() { return statement }
            // `label: statement`
            if isBindingName(token), peek().kind == .colon {
                let label = takeName()
                advance()
                let body = parseStatement()
                return .labeled(LabeledStatement(label: label, body: body, range: range(from: start)))
            }
        default:
            break
        }
        return parseExpressionStatement()
    }

    private mutating func parseExpressionStatement() -> StatementSyntax {
        let start = token.start
        let expression = parseExpression()
        consumeSemicolon()
        return .expression(ExpressionStatement(expression: expression, range: range(from: start)))
    }

    /// Statements introduced by a (possibly contextual) keyword; nil when the word is used as a name here.
    private mutating func parseKeywordStatement() -> StatementSyntax? {
        guard let keyword = token.keyword, !token.hasEscape else { return nil }
        let start = token.start
        switch keyword {
        case .var, .const:
            if keyword == .const, peek().keyword == .enum { return parseDeclarationIfPresent() }
            return parseVariableStatement()
        case .let:
            let next = peek()
            guard isBindingName(next) || next.kind == .openBrace || next.kind == .openBracket else { return nil }
            return parseVariableStatement()
        case .using:
            let next = peek()
            guard isBindingName(next), !next.hasLineBreakBefore else { return nil }
            return parseVariableStatement()
        case .await:
            guard lookahead({ parser in
                parser.advance()
                guard parser.at(.using), !parser.token.hasLineBreakBefore else { return false }
                parser.advance()
                return parser.isBindingName(parser.token) && !parser.token.hasLineBreakBefore
            }) else { return nil }
            return parseVariableStatement()
        case .function, .class, .enum, .abstract, .async, .type, .interface, .declare, .namespace, .module, .global:
            return parseDeclarationIfPresent()
        case .import:
            let next = peek()
            if next.kind == .openParen || next.kind == .dot { return nil }
            return parseImportDeclaration()
        case .export:
            return parseExportDeclaration()
        case .if:
            return parseIf()
        case .for:
            return parseFor()
        case .while:
            advance()
            let test = parseParenthesizedCondition("while")
            let body = parseStatement()
            return .while(WhileStatement(test: test, body: body, range: range(from: start)))
        case .do:
            advance()
            let body = parseStatement()
            if !eat(.while) { error("expected `while` after the body of `do`, found \(describe(token))", at: token) }
            let test = parseParenthesizedCondition("do … while")
            // ASI always applies after `do … while (…)`.
            eat(.semicolon)
            return .doWhile(DoWhileStatement(body: body, test: test, range: range(from: start)))
        case .return:
            advance()
            var argument: ExpressionSyntax?
            if !at(.semicolon), !at(.closeBrace), !at(.endOfFile), !token.hasLineBreakBefore { argument = parseExpression() }
            consumeSemicolon()
            return .return(ReturnStatement(argument: argument, range: range(from: start)))
        case .throw:
            advance()
            if token.hasLineBreakBefore { error("a line break is not allowed after `throw`", at: token) }
            let argument = parseExpression()
            consumeSemicolon()
            return .throw(ThrowStatement(argument: argument, range: range(from: start)))
        case .break, .continue:
            advance()
            var label: Identifier?
            if at(.identifier), !token.hasLineBreakBefore, isBindingName(token) {
                label = takeName()
            }
            consumeSemicolon()
            let jump = JumpStatement(label: label, range: range(from: start))
            return keyword == .break ? .break(jump) : .continue(jump)
        case .try:
            return parseTry()
        case .switch:
            return parseSwitch()
        case .debugger:
            advance()
            consumeSemicolon()
            return .debugger(range(from: start))
        case .with:
            // Sloppy-mode JavaScript only: the body is kept as a block, the object expression is dropped.
            advance()
            _ = parseParenthesizedCondition("with")
            let body = parseStatement()
            return .block(BlockStatement(statements: [body], range: range(from: start)))
        default:
            return nil
        }
    }

    /// `{ statements }`
    mutating func parseBlock() -> BlockStatement {
        let open = token
        guard eat(.openBrace) else {
            error("expected `{`, found \(describe(token))", at: token)
            return BlockStatement(statements: [], range: token.start..<token.start)
        }
        let statements = parseStatementList(endingAt: .closeBrace)
        if !eat(.closeBrace) {
            error("expected `}` to close the block opened at \(position(of: open.start)), found \(describe(token))", at: token)
        }
        return BlockStatement(statements: statements, range: range(from: open.start))
    }

    /// ASI: a `;`, or nothing before `}`, the end of the file or a line break.
    mutating func consumeSemicolon() {
        if eat(.semicolon) || at(.closeBrace) || at(.endOfFile) || token.hasLineBreakBefore { return }
        error("expected `;` or a line break, found \(describe(token))", at: token)
    }

    private mutating func parseParenthesizedCondition(_ statement: String) -> ExpressionSyntax {
        let open = token
        guard eat(.openParen) else {
            error("expected `(` after `\(statement)`, found \(describe(token))", at: token)
            return .missing(token.start..<token.start)
        }
        let test = allowingIn { $0.parseExpression() }
        if !eat(.closeParen) {
            error("expected `)` to close the condition opened at \(position(of: open.start)), found \(describe(token))", at: token)
        }
        return test
    }

    private mutating func parseIf() -> StatementSyntax {
        let start = token.start
        advance()
        let test = parseParenthesizedCondition("if")
        let consequent = parseStatement()
        let alternate = eat(.else) ? parseStatement() : nil
        return .if(IfStatement(test: test, consequent: consequent, alternate: alternate, range: range(from: start)))
    }

    private mutating func parseFor() -> StatementSyntax {
        let start = token.start
        advance()
        let isAwait = eat(.await)
        let open = token
        guard eat(.openParen) else {
            error("expected `(` after `for`, found \(describe(token))", at: token)
            return .invalid(range(from: start))
        }
        var initializer: ForInitializer?
        if !at(.semicolon) {
            let savedIn = disallowIn
            disallowIn = true
            if isVariableDeclarationStart() {
                initializer = .variable(parseVariableDeclaration())
            } else {
                initializer = .expression(parseExpression())
            }
            disallowIn = savedIn
        }
        if let initializer, at(.in) || at(.of) {
            let kind: ForInOfStatement.Kind = at(.in) ? .in : .of
            advance()
            let right = allowingIn { kind == .of ? $0.parseAssignment() : $0.parseExpression() }
            closeForHead(open)
            let body = parseStatement()
            return .forInOf(ForInOfStatement(kind: kind, isAwait: isAwait, left: initializer, right: right, body: body, range: range(from: start)))
        }
        expect(.semicolon, "`;` after the initializer of `for`")
        let test = at(.semicolon) ? nil : allowingIn { $0.parseExpression() }
        expect(.semicolon, "`;` after the condition of `for`")
        let update = at(.closeParen) ? nil : allowingIn { $0.parseExpression() }
        closeForHead(open)
        let body = parseStatement()
        return .for(ForStatement(initializer: initializer, test: test, update: update, body: body, range: range(from: start)))
    }

    private mutating func closeForHead(_ open: Token) {
        if !eat(.closeParen) {
            error("expected `)` to close the `for` head opened at \(position(of: open.start)), found \(describe(token))", at: token)
        }
    }

    private mutating func isVariableDeclarationStart() -> Bool {
        if at(.var) || at(.const) { return true }
        if at(.let) || at(.using) {
            let next = peek()
            return isBindingName(next) || next.kind == .openBrace || next.kind == .openBracket
        }
        if at(.await) { return peek().keyword == .using }
        return false
    }

    private mutating func parseTry() -> StatementSyntax {
        let start = token.start
        advance()
        let block = parseBlock()
        var handler: CatchClause?
        if at(.catch) {
            let catchStart = token.start
            advance()
            var parameter: BindingPattern?
            if eat(.openParen) {
                parameter = parseBindingPattern()
                _ = skipTypeAnnotation()
                expect(.closeParen, "`)` after the `catch` parameter")
            }
            let body = parseBlock()
            handler = CatchClause(parameter: parameter, body: body, range: range(from: catchStart))
        }
        let finalizer = eat(.finally) ? parseBlock() : nil
        if handler == nil, finalizer == nil {
            error("expected `catch` or `finally` after the `try` block, found \(describe(token))", at: token)
        }
        return .try(TryStatement(block: block, handler: handler, finalizer: finalizer, range: range(from: start)))
    }

    private mutating func parseSwitch() -> StatementSyntax {
        let start = token.start
        advance()
        let discriminant = parseParenthesizedCondition("switch")
        let open = token
        var cases: [SwitchCase] = []
        if eat(.openBrace) {
            while !at(.closeBrace), !at(.endOfFile), !isAbandoned {
                let caseStart = token.start
                var test: ExpressionSyntax?
                if eat(.case) {
                    test = allowingIn { $0.parseExpression() }
                } else if !eat(.default) {
                    error("expected `case` or `default`, found \(describe(token))", at: token)
                    recoverAtStatementBoundary()
                    if token.start == caseStart { advance() }
                    continue
                }
                expect(.colon, "`:` after the case")
                var consequent: [StatementSyntax] = []
                while !at(.case), !at(.default), !at(.closeBrace), !at(.endOfFile), !isAbandoned {
                    let before = token.start
                    needsRecovery = false
                    consequent.append(parseStatement())
                    if needsRecovery { recoverAtStatementBoundary() }
                    if token.start == before { advance() }
                }
                cases.append(SwitchCase(test: test, consequent: consequent, range: range(from: caseStart)))
            }
            if !eat(.closeBrace) {
                error("expected `}` to close the `switch` body opened at \(position(of: open.start)), found \(describe(token))", at: token)
            }
        } else {
            error("expected `{` after the `switch` condition, found \(describe(token))", at: token)
        }
        return .switch(SwitchStatement(discriminant: discriminant, cases: cases, range: range(from: start)))
    }
}
