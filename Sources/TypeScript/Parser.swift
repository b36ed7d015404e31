/// A recursive-descent parser for TypeScript with a precedence-climbing expression parser.
///
/// Tolerance: errors become diagnostics, list parsers report a missing separator and keep going, and a statement
/// that went off track is skipped up to the next statement boundary (`recoverAtStatementBoundary`). Ambiguous
/// constructs (arrow functions, type arguments in calls) are read speculatively and rewound when they do not fit.
struct Parser {
    var lexer: Lexer
    /// End offset and kind of the last consumed token: node ranges end there.
    var previousEnd = 0
    var previousKind = TokenKind.endOfFile

    /// Current syntactic nesting, bounded so hostile input cannot overflow the stack.
    var nesting = 0
    /// Set by an error that may have left the parser inside a statement; the statement list skips ahead.
    var needsRecovery = false
    /// Greater than zero while reading speculatively; errors then only mark the attempt as failed.
    var speculationDepth = 0
    var speculationFailed = false
    /// Set once the rest of the file is given up (too deep, too many errors): what the unwinding parser then finds
    /// missing (the closers of everything still open) is a consequence, said by the diagnostic that gave up.
    var gaveUpOnRest = false
    /// Set by the first syntax error of a top-level statement: the parser reads on, and what it then trips over
    /// in the same statement (`text("title") ) });` is three errors) is mostly that error's consequence, so the
    /// statement reports one, as a compiler's first error is the one to fix.
    var statementHasError = false
    /// Chain links read in the current top-level statement (see `chainMayGrow`).
    var chainLinks = 0

    /// Contextual grammar flags.
    var inGenerator = false
    var inAsync = false
    /// Inside a `for (…` head, where `in` ends the initializer instead of being an operator.
    var disallowIn = false
    /// Skipping the `extends` clause of a conditional type, where `infer X extends C` always has a constraint.
    var inConditionalExtends = false

    static let maximumNesting = 400
    /// Links of left-nested chains (`a.b.c…`, `f()()`, `a + b + …`) allowed in one top-level statement.
    static let maximumChainLinks = 50_000
    static let maximumDiagnostics = 200

    /// `.tsx`: `<` in an expression starts a JSX element.
    let readsJSX: Bool

    init(bytes: [UInt8], dialect: SourceDialect = .typeScript) {
        lexer = Lexer(bytes: bytes)
        readsJSX = dialect == .tsx
        if let invalid = Self.firstInvalidUTF8Offset(bytes) {
            lexer.report("the file is not valid UTF-8 (invalid byte at offset \(invalid))", invalid..<invalid + 1)
        }
        lexer.next()
    }

    var token: Token { lexer.token }

    mutating func parseSourceFile() -> SourceFileSyntax {
        let statements = parseStatementList(endingAt: nil)
        return SourceFileSyntax(
            statements: statements, comments: lexer.comments, diagnostics: lexer.diagnostics, length: lexer.bytes.count)
    }

    // MARK: Token helpers

    mutating func advance() {
        previousEnd = token.end
        previousKind = token.kind
        lexer.next()
    }

    func at(_ kind: TokenKind) -> Bool { token.kind == kind }

    /// The current token is the keyword `keyword` (written without escapes).
    func at(_ keyword: Keyword) -> Bool { token.kind == .identifier && token.keyword == keyword && !token.hasEscape }

    @discardableResult
    mutating func eat(_ kind: TokenKind) -> Bool {
        guard token.kind == kind else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func eat(_ keyword: Keyword) -> Bool {
        guard at(keyword) else { return false }
        advance()
        return true
    }

    /// Consumes `kind` or reports `expected <what>`; returns whether it was there.
    @discardableResult
    mutating func expect(_ kind: TokenKind, _ what: @autoclosure () -> String) -> Bool {
        if eat(kind) { return true }
        error("expected \(what()), found \(describe(token))", at: token)
        return false
    }

    /// A range from `start` to the end of the last consumed token.
    func range(from start: Int) -> Range<Int> { start..<max(start, previousEnd) }

    func name(of token: Token) -> Identifier {
        Identifier(name: lexer.identifierName(token), range: token.range)
    }

    /// The current identifier (or private name) token as a name, consumed.
    mutating func takeName() -> Identifier {
        let identifier = name(of: token)
        advance()
        return identifier
    }

    /// Runs `body` on a copy of the position and rewinds, for multi-token lookahead.
    mutating func lookahead<T>(_ body: (inout Parser) -> T) -> T {
        let saved = saveState()
        let savedSpeculation = (speculationDepth, speculationFailed)
        speculationDepth += 1
        let result = body(&self)
        restoreState(saved)
        (speculationDepth, speculationFailed) = savedSpeculation
        return result
    }

    /// The token after the current one.
    mutating func peek() -> Token {
        lookahead { parser in
            parser.advance()
            return parser.token
        }
    }

    /// Tries `body`; keeps its result when it returns non-nil without an error, otherwise rewinds.
    mutating func speculate<T>(_ body: (inout Parser) -> T?) -> T? {
        let saved = saveState()
        let savedSpeculation = (speculationDepth, speculationFailed)
        speculationDepth += 1
        speculationFailed = false
        let result = body(&self)
        let failed = speculationFailed || result == nil
        (speculationDepth, speculationFailed) = savedSpeculation
        if failed {
            restoreState(saved)
            return nil
        }
        return result
    }

    private struct SavedState {
        var lexer: Lexer.State
        var previousEnd: Int
        var previousKind: TokenKind
        var needsRecovery: Bool
        var chainLinks: Int
        var flags: (Bool, Bool, Bool)
    }

    private func saveState() -> SavedState {
        SavedState(lexer: lexer.state, previousEnd: previousEnd, previousKind: previousKind, needsRecovery: needsRecovery,
                   chainLinks: chainLinks, flags: (inGenerator, inAsync, disallowIn))
    }

    private mutating func restoreState(_ saved: SavedState) {
        lexer.restore(saved.lexer)
        previousEnd = saved.previousEnd
        previousKind = saved.previousKind
        needsRecovery = saved.needsRecovery
        chainLinks = saved.chainLinks
        (inGenerator, inAsync, disallowIn) = saved.flags
    }

    /// Whether a speculative attempt has already failed, so loops can stop early.
    var isAbandoned: Bool { speculationDepth > 0 && speculationFailed }

    // MARK: Errors

    mutating func error(_ message: String, at token: Token) {
        let end = token.kind == .endOfFile ? token.start : token.end
        error(message, range: token.start..<end)
    }

    mutating func error(_ message: String, range: Range<Int>) {
        needsRecovery = true
        if speculationDepth > 0 {
            speculationFailed = true
            return
        }
        guard !gaveUpOnRest, !statementHasError else { return }
        statementHasError = true
        lexer.report(message, range)
        if lexer.diagnostics.count >= Self.maximumDiagnostics {
            lexer.report("too many syntax errors: the rest of the file was not read", range.upperBound..<range.upperBound)
            gaveUpOnRest = true
            lexer.skipToEnd()
        }
    }

    /// Enters one level of nesting; false (after a diagnostic, with the input abandoned) when too deep.
    mutating func enterNesting() -> Bool {
        nesting += 1
        if nesting <= Self.maximumNesting { return true }
        abandonTooDeep("nesting is too deep (more than \(Self.maximumNesting) levels)")
        return false
    }

    /// Counts one more link of a left-nested chain (`a.b.c…`, `a + b + …`); false when the statement has too
    /// many. Such chains are read in a loop, but the tree they build is as deep as they are long, and freeing a
    /// tree recurses; bounding the links per statement (plus the nesting limit) bounds every tree's depth.
    mutating func chainMayGrow() -> Bool {
        chainLinks += 1
        if chainLinks <= Self.maximumChainLinks { return true }
        abandonTooDeep("a statement chains too many operators, calls or member accesses (more than \(Self.maximumChainLinks))")
        return false
    }

    private mutating func abandonTooDeep(_ reason: String) {
        if speculationDepth > 0 {
            speculationFailed = true
        } else {
            if !gaveUpOnRest { lexer.report("\(reason): the rest of the file was not read", token.range) }
            gaveUpOnRest = true
            needsRecovery = true
            lexer.skipToEnd()
        }
    }

    mutating func exitNesting() { nesting -= 1 }

    /// How a token reads in a message: `)`, `const`, a string literal, end of file.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfFile: return "end of file"
        case .string: return "a string literal"
        case .number, .bigint: return "a number"
        case .template, .templateHead: return "a template literal"
        case .regex: return "a regular expression"
        default:
            let length = min(token.end - token.start, 24)
            let text = String(decoding: lexer.bytes[token.start..<token.start + length], as: UTF8.self)
            return "`\(text)`"
        }
    }

    /// "line 3, column 10" for an offset, for messages that point back at an opening bracket.
    /// Empty while speculating: such messages are discarded, and counting lines is linear in the offset.
    func position(of offset: Int) -> String {
        if speculationDepth > 0 { return "" }
        var line = 1
        var column = 1
        var index = 0
        let bytes = lexer.bytes
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return "line \(line), column \(column)"
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= count else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
