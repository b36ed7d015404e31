// Error recovery at statement level: after a statement went off track, skip to where the next one can start.

extension Parser {
    /// Statements until `terminator` (exclusive) or the end of the file, recovering after broken statements.
    mutating func parseStatementList(endingAt terminator: TokenKind?) -> [StatementSyntax] {
        var statements: [StatementSyntax] = []
        let atEnd = { (parser: Parser) in parser.at(.endOfFile) || terminator.map(parser.at) == true }
        while !atEnd(self) {
            let before = token.start
            needsRecovery = false
            if terminator == nil {
                chainLinks = 0
                statementHasError = false
            }
            let statement = parseStatement()
            statements.append(statement)
            if needsRecovery {
                recoverAtStatementBoundary(insideBlock: terminator != nil)
                needsRecovery = false
            }
            if token.start == before, !atEnd(self) {
                // Guarantee progress: nothing could be read here, so drop this token.
                error("unexpected \(describe(token))", at: token)
                advance()
                needsRecovery = false
            }
        }
        return statements
    }

    /// Skips tokens (balancing brackets) until after a `;`, before the `}` that closes the enclosing block, or
    /// before a statement keyword that starts a new line. At the top level no block is open: a `}` there is the
    /// rest of the broken statement (`{ title: text("title") ) });`), skipped with it rather than read as a
    /// statement of its own.
    mutating func recoverAtStatementBoundary(insideBlock: Bool = true) {
        if previousKind == .semicolon { return }
        var depth = 0
        while !at(.endOfFile) {
            if depth == 0 {
                switch token.kind {
                case .closeBrace where insideBlock: return
                case .semicolon:
                    advance()
                    return
                default:
                    if token.hasLineBreakBefore, startsDeclarationOrStatement(token) {
                        return
                    }
                }
            }
            switch token.kind {
            case .openBrace, .openParen, .openBracket, .templateHead: depth += 1
            case .closeBrace, .closeParen, .closeBracket, .templateTail: depth = max(0, depth - 1)
            default: break
            }
            advance()
        }
    }

    /// Keywords that begin a statement or declaration, where recovery can safely restart.
    private func startsDeclarationOrStatement(_ token: Token) -> Bool {
        if token.kind == .at { return true }
        guard token.kind == .identifier, let keyword = token.keyword else { return false }
        switch keyword {
        case .const, .let, .var, .function, .class, .import, .export, .if, .for, .while, .do, .return, .throw, .try,
            .switch, .type, .interface, .enum, .declare, .namespace, .module, .abstract, .async, .break, .continue:
            return true
        default:
            return false
        }
    }
}
