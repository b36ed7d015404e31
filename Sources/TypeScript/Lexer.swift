/// A hand-written lexer over UTF-8 bytes.
///
/// It tracks template-literal nesting itself (a `}` that closes a `${` continues the template), so token streams
/// stay correct even while the parser skips tokens to recover from an error. Whether `/` starts a regular
/// expression is guessed from the previous token; the parser corrects the guess with `rescanAsRegex()` /
/// `rescanAsSlash()` where the grammar knows better.
struct Lexer {
    let bytes: [UInt8]
    private(set) var position = 0
    private(set) var token = Token.endOfFile
    /// Count of `{` not yet closed, and the depths at which open `${` substitutions started.
    private var braceDepth = 0
    private var templateStack: [Int] = []

    private(set) var comments: [CommentSyntax] = []
    /// Comments are recorded once even when backtracking lexes them again.
    private var lastCommentStart = -1
    private(set) var diagnostics: [ParseDiagnostic] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == UInt8(ascii: "!") {
            // A hashbang line is kept as a line comment.
            var end = 2
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
            recordComment(kind: .line, textRange: 2..<end, range: 0..<end, startsLine: true)
            position = end
        }
    }

    // MARK: State for backtracking

    /// Everything needed to rewind the lexer (the comment list is append-only and deduplicated, so it is not part
    /// of it; the diagnostics are truncated to the saved count).
    struct State {
        fileprivate var position: Int
        fileprivate var token: Token
        fileprivate var braceDepth: Int
        fileprivate var templateStack: [Int]
        fileprivate var diagnosticCount: Int
    }

    var state: State {
        State(position: position, token: token, braceDepth: braceDepth, templateStack: templateStack, diagnosticCount: diagnostics.count)
    }

    mutating func restore(_ state: State) {
        position = state.position
        token = state.token
        braceDepth = state.braceDepth
        templateStack = state.templateStack
        if diagnostics.count > state.diagnosticCount { diagnostics.removeSubrange(state.diagnosticCount...) }
    }

    // MARK: Diagnostics

    /// Records a diagnostic unless one was already reported at the same offset (one error per spot keeps
    /// cascades out of the output).
    mutating func report(_ message: String, _ range: Range<Int>) {
        if let last = diagnostics.last, last.range.lowerBound == range.lowerBound { return }
        diagnostics.append(ParseDiagnostic(message: message, range: range))
    }

    // MARK: Scanning

    private func byte(at index: Int) -> UInt8 { index < bytes.count ? bytes[index] : 0 }

    /// Advances to the next token.
    mutating func next() {
        let previous = token
        let lineBreak = skipTrivia()
        let start = position
        var kind: TokenKind
        var keyword: Keyword?
        var hasEscape = false
        if position >= bytes.count {
            token = Token(kind: .endOfFile, start: bytes.count, end: bytes.count, hasLineBreakBefore: lineBreak, keyword: nil, hasEscape: false)
            return
        }
        let current = bytes[position]
        switch current {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: "$"), 0x80...0xFF:
            hasEscape = scanIdentifierRest()
            kind = .identifier
            if !hasEscape, current >= UInt8(ascii: "a") { keyword = Keyword.lookup(bytes, start, position) }
        case UInt8(ascii: "\\"):
            // An identifier starting with a unicode escape.
            hasEscape = true
            _ = scanIdentifierRest()
            kind = .identifier
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            kind = scanNumber()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            hasEscape = scanString(quote: current)
            kind = .string
        case UInt8(ascii: "`"):
            position += 1
            kind = scanTemplate(isHead: true)
        case UInt8(ascii: "#"):
            position += 1
            if position < bytes.count, bytes[position].isIdentifierStart || bytes[position] == UInt8(ascii: "\\") {
                hasEscape = scanIdentifierRest()
                kind = .privateName
            } else {
                kind = .unknown
            }
        case UInt8(ascii: "/"):
            if regexAllowed(after: previous), let regex = scanRegex(reportingErrors: false) {
                kind = regex
            } else {
                kind = punctuation(current)
            }
        case UInt8(ascii: "}"):
            if let open = templateStack.last, open == braceDepth {
                templateStack.removeLast()
                position += 1
                kind = scanTemplate(isHead: false)
            } else {
                braceDepth = max(0, braceDepth - 1)
                position += 1
                kind = .closeBrace
            }
        case UInt8(ascii: "{"):
            braceDepth += 1
            position += 1
            kind = .openBrace
        default:
            kind = punctuation(current)
        }
        token = Token(kind: kind, start: start, end: position, hasLineBreakBefore: lineBreak, keyword: keyword, hasEscape: hasEscape)
        if kind == .unknown { report("unexpected character", start..<position) }
    }

    /// Skips whitespace and comments; returns whether a line break was crossed.
    private mutating func skipTrivia() -> Bool {
        var lineBreak = position == 0
        while position < bytes.count {
            let current = bytes[position]
            switch current {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C:
                position += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                lineBreak = true
                position += 1
            case UInt8(ascii: "/"):
                let following = byte(at: position + 1)
                if following == UInt8(ascii: "/") {
                    let start = position
                    position += 2
                    while position < bytes.count {
                        let inner = bytes[position]
                        if inner == UInt8(ascii: "\n") || inner == UInt8(ascii: "\r") { break }
                        if inner == 0xE2, case .lineBreak = UnicodeTrivia.classify(bytes, at: position) { break }
                        position += 1
                    }
                    recordComment(kind: .line, textRange: start + 2..<position, range: start..<position, startsLine: lineBreak)
                } else if following == UInt8(ascii: "*") {
                    let start = position
                    let startsLine = lineBreak
                    position += 2
                    var closed = false
                    while position < bytes.count {
                        let inner = bytes[position]
                        if inner == UInt8(ascii: "*"), byte(at: position + 1) == UInt8(ascii: "/") {
                            closed = true
                            break
                        }
                        if inner == UInt8(ascii: "\n") || inner == UInt8(ascii: "\r") { lineBreak = true }
                        position += 1
                    }
                    let textEnd = position
                    if closed {
                        position += 2
                    } else {
                        report("unterminated comment: expected `*/`", start..<start + 2)
                    }
                    recordComment(kind: .block, textRange: start + 2..<textEnd, range: start..<position, startsLine: startsLine)
                } else {
                    return lineBreak
                }
            case 0x80...0xFF:
                switch UnicodeTrivia.classify(bytes, at: position) {
                case .space(let length): position += length
                case .lineBreak(let length):
                    lineBreak = true
                    position += length
                case nil: return lineBreak
                }
            default:
                return lineBreak
            }
        }
        return lineBreak
    }

    private mutating func recordComment(kind: CommentSyntax.Kind, textRange: Range<Int>, range: Range<Int>, startsLine: Bool) {
        guard range.lowerBound > lastCommentStart else { return }
        lastCommentStart = range.lowerBound
        let text = String(decoding: bytes[textRange], as: UTF8.self)
        comments.append(CommentSyntax(kind: kind, text: text, range: range, startsLine: startsLine))
    }

    /// Scans identifier characters from `position` on; returns whether a `\u` escape occurred.
    private mutating func scanIdentifierRest() -> Bool {
        var hasEscape = false
        while position < bytes.count {
            let current = bytes[position]
            if current.isIdentifierPart {
                if current >= 0x80, UnicodeTrivia.classify(bytes, at: position) != nil { break }
                position += 1
            } else if current == UInt8(ascii: "\\"), byte(at: position + 1) == UInt8(ascii: "u") {
                hasEscape = true
                position += 2
                if byte(at: position) == UInt8(ascii: "{") {
                    while position < bytes.count, bytes[position] != UInt8(ascii: "}"), bytes[position].isHexDigit || bytes[position] == UInt8(ascii: "{") {
                        position += 1
                    }
                    if byte(at: position) == UInt8(ascii: "}") { position += 1 }
                } else {
                    var digits = 0
                    while digits < 4, byte(at: position).isHexDigit {
                        position += 1
                        digits += 1
                    }
                }
            } else if current == UInt8(ascii: "\\") {
                // A stray backslash: consume it so the lexer always advances.
                hasEscape = true
                position += 1
                report("invalid escape in identifier", position - 1..<position)
            } else {
                break
            }
        }
        return hasEscape
    }

    private mutating func scanNumber() -> TokenKind {
        var kind = TokenKind.number
        let first = bytes[position]
        let second = byte(at: position + 1) | 0x20
        if first == UInt8(ascii: "0"), second == UInt8(ascii: "x") || second == UInt8(ascii: "o") || second == UInt8(ascii: "b") {
            position += 2
            while position < bytes.count, bytes[position].isHexDigit || bytes[position] == UInt8(ascii: "_") { position += 1 }
            if byte(at: position) == UInt8(ascii: "n") {
                position += 1
                kind = .bigint
            }
        } else {
            skipDigits()
            if byte(at: position) == UInt8(ascii: "n") {
                position += 1
                kind = .bigint
            } else {
                if byte(at: position) == UInt8(ascii: ".") {
                    position += 1
                    skipDigits()
                }
                scanExponent()
            }
        }
        if position < bytes.count, bytes[position].isIdentifierStart, UnicodeTrivia.classify(bytes, at: position) == nil {
            let suffixStart = position
            _ = scanIdentifierRest()
            report("an identifier cannot directly follow a number", suffixStart..<position)
        }
        return kind
    }

    private mutating func skipDigits() {
        while position < bytes.count, bytes[position].isDecimalDigit || bytes[position] == UInt8(ascii: "_") { position += 1 }
    }

    private mutating func scanExponent() {
        guard byte(at: position) | 0x20 == UInt8(ascii: "e") else { return }
        var index = position + 1
        if byte(at: index) == UInt8(ascii: "+") || byte(at: index) == UInt8(ascii: "-") { index += 1 }
        guard byte(at: index).isDecimalDigit else { return }
        position = index
        skipDigits()
    }

    /// Scans a quoted string; returns whether it contains a backslash.
    private mutating func scanString(quote: UInt8) -> Bool {
        let start = position
        position += 1
        var hasEscape = false
        while position < bytes.count {
            let current = bytes[position]
            if current == quote {
                position += 1
                return hasEscape
            }
            if current == UInt8(ascii: "\\") {
                hasEscape = true
                position += 2
                // `\` followed by CRLF continues the line as one escape.
                if position <= bytes.count, bytes[position - 1] == UInt8(ascii: "\r"), byte(at: position) == UInt8(ascii: "\n") { position += 1 }
                continue
            }
            if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") { break }
            position += 1
        }
        position = min(position, bytes.count)
        report("unterminated string literal", start..<position)
        return hasEscape
    }

    /// Scans template text after `` ` `` or `}` up to and including `${` or the closing `` ` ``.
    private mutating func scanTemplate(isHead: Bool) -> TokenKind {
        let start = position - 1
        while position < bytes.count {
            let current = bytes[position]
            if current == UInt8(ascii: "`") {
                position += 1
                return isHead ? .template : .templateTail
            }
            if current == UInt8(ascii: "$"), byte(at: position + 1) == UInt8(ascii: "{") {
                position += 2
                templateStack.append(braceDepth)
                return isHead ? .templateHead : .templateMiddle
            }
            position += current == UInt8(ascii: "\\") ? 2 : 1
        }
        position = bytes.count
        report("unterminated template literal: expected a closing backtick", start..<position)
        return isHead ? .template : .templateTail
    }

    /// Scans `/pattern/flags` from `position`. An unterminated one is reported, or, when the lexer was only
    /// guessing that `/` starts a regex, not consumed at all (nil).
    private mutating func scanRegex(reportingErrors: Bool) -> TokenKind? {
        let start = position
        position += 1
        var inClass = false
        while position < bytes.count {
            let current = bytes[position]
            if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") { break }
            if current == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            if current == UInt8(ascii: "[") {
                inClass = true
            } else if current == UInt8(ascii: "]") {
                inClass = false
            } else if current == UInt8(ascii: "/"), !inClass {
                position += 1
                while position < bytes.count, bytes[position].isIdentifierPart, bytes[position] < 0x80 { position += 1 }
                return .regex
            }
            position += 1
        }
        guard reportingErrors else {
            position = start
            return nil
        }
        position = min(position, bytes.count)
        report("unterminated regular expression", start..<position)
        return .regex
    }

    /// The usual guess: `/` divides after something that ends an operand, otherwise it starts a regex.
    private func regexAllowed(after previous: Token) -> Bool {
        switch previous.kind {
        case .identifier:
            guard let keyword = previous.keyword else { return false }
            return keyword.isReserved && keyword != .this && keyword != .super && keyword != .null
                && keyword != .true && keyword != .false
        case .privateName, .string, .number, .bigint, .regex, .template, .templateTail, .closeParen, .closeBracket,
            .closeBrace, .plusPlus, .minusMinus, .greater:
            return false
        default:
            return true
        }
    }

    /// Lexes the longest punctuator starting with `current`.
    private mutating func punctuation(_ current: UInt8) -> TokenKind {
        let second = byte(at: position + 1)
        let third = byte(at: position + 2)
        func take(_ length: Int, _ kind: TokenKind) -> TokenKind {
            position += length
            return kind
        }
        let equal = UInt8(ascii: "=")
        switch current {
        case UInt8(ascii: "("): return take(1, .openParen)
        case UInt8(ascii: ")"): return take(1, .closeParen)
        case UInt8(ascii: "["): return take(1, .openBracket)
        case UInt8(ascii: "]"): return take(1, .closeBracket)
        case UInt8(ascii: ";"): return take(1, .semicolon)
        case UInt8(ascii: ","): return take(1, .comma)
        case UInt8(ascii: ":"): return take(1, .colon)
        case UInt8(ascii: "@"): return take(1, .at)
        case UInt8(ascii: "~"): return take(1, .tilde)
        case UInt8(ascii: "."):
            if second.isDecimalDigit { return scanLeadingDotNumber() }
            if second == UInt8(ascii: "."), third == UInt8(ascii: ".") { return take(3, .dotDotDot) }
            return take(1, .dot)
        case UInt8(ascii: "?"):
            if second == UInt8(ascii: "?") { return third == equal ? take(3, .questionQuestionEqual) : take(2, .questionQuestion) }
            // `a?.5:b` is a conditional, not optional chaining.
            if second == UInt8(ascii: "."), !third.isDecimalDigit { return take(2, .questionDot) }
            return take(1, .question)
        case UInt8(ascii: "="):
            if second == UInt8(ascii: ">") { return take(2, .arrow) }
            if second == equal { return third == equal ? take(3, .equalEqualEqual) : take(2, .equalEqual) }
            return take(1, .equal)
        case UInt8(ascii: "!"):
            if second == equal { return third == equal ? take(3, .bangEqualEqual) : take(2, .bangEqual) }
            return take(1, .bang)
        case UInt8(ascii: "<"):
            if second == UInt8(ascii: "<") { return third == equal ? take(3, .lessLessEqual) : take(2, .lessLess) }
            return second == equal ? take(2, .lessEqual) : take(1, .less)
        case UInt8(ascii: ">"): return take(1, .greater)
        case UInt8(ascii: "+"):
            if second == UInt8(ascii: "+") { return take(2, .plusPlus) }
            return second == equal ? take(2, .plusEqual) : take(1, .plus)
        case UInt8(ascii: "-"):
            if second == UInt8(ascii: "-") { return take(2, .minusMinus) }
            return second == equal ? take(2, .minusEqual) : take(1, .minus)
        case UInt8(ascii: "*"):
            if second == UInt8(ascii: "*") { return third == equal ? take(3, .starStarEqual) : take(2, .starStar) }
            return second == equal ? take(2, .starEqual) : take(1, .star)
        case UInt8(ascii: "/"): return second == equal ? take(2, .slashEqual) : take(1, .slash)
        case UInt8(ascii: "%"): return second == equal ? take(2, .percentEqual) : take(1, .percent)
        case UInt8(ascii: "&"):
            if second == UInt8(ascii: "&") { return third == equal ? take(3, .ampersandAmpersandEqual) : take(2, .ampersandAmpersand) }
            return second == equal ? take(2, .ampersandEqual) : take(1, .ampersand)
        case UInt8(ascii: "|"):
            if second == UInt8(ascii: "|") { return third == equal ? take(3, .barBarEqual) : take(2, .barBar) }
            return second == equal ? take(2, .barEqual) : take(1, .bar)
        case UInt8(ascii: "^"): return second == equal ? take(2, .caretEqual) : take(1, .caret)
        default:
            // Any other byte (control characters, stray backslash…): one byte, reported by `next()`.
            return take(1, .unknown)
        }
    }

    private mutating func scanLeadingDotNumber() -> TokenKind {
        position += 1
        skipDigits()
        scanExponent()
        return .number
    }

    // MARK: Rescanning on the parser's request

    /// The parser expects an operand: a `/` or `/=` token starts a regular expression.
    mutating func rescanAsRegex() {
        guard token.kind == .slash || token.kind == .slashEqual else { return }
        position = token.start
        let kind = scanRegex(reportingErrors: true) ?? .regex
        token = Token(kind: kind, start: token.start, end: position, hasLineBreakBefore: token.hasLineBreakBefore, keyword: nil, hasEscape: false)
    }

    /// The parser expects an operator: a regex token was really a `/` or `/=`.
    mutating func rescanAsSlash() {
        guard token.kind == .regex else { return }
        position = token.start
        let kind = punctuation(UInt8(ascii: "/"))
        token = Token(kind: kind, start: token.start, end: position, hasLineBreakBefore: token.hasLineBreakBefore, keyword: nil, hasEscape: false)
    }

    /// In an expression, joins a `>` token with directly following `>` and `=` into `>>`, `>=`, `>>>=`….
    mutating func rescanGreater() {
        guard token.kind == .greater else { return }
        let equal = UInt8(ascii: "=")
        let greater = UInt8(ascii: ">")
        var kind = TokenKind.greater
        var end = token.end
        if byte(at: end) == greater {
            if byte(at: end + 1) == greater {
                if byte(at: end + 2) == equal {
                    kind = .greaterGreaterGreaterEqual
                    end += 3
                } else {
                    kind = .greaterGreaterGreater
                    end += 2
                }
            } else if byte(at: end + 1) == equal {
                kind = .greaterGreaterEqual
                end += 2
            } else {
                kind = .greaterGreater
                end += 1
            }
        } else if byte(at: end) == equal {
            kind = .greaterEqual
            end += 1
        }
        position = end
        token.kind = kind
        token.end = end
    }

    // MARK: JSX

    /// Lexes a JSX child starting exactly at `offset` (no trivia: `//` in JSX text is text): `<`, `{`, or the
    /// text up to the next of them.
    mutating func scanJSXChild(at offset: Int) {
        position = offset
        let start = offset
        guard position < bytes.count else {
            token = Token(kind: .endOfFile, start: bytes.count, end: bytes.count, hasLineBreakBefore: false, keyword: nil, hasEscape: false)
            return
        }
        let kind: TokenKind
        switch bytes[position] {
        case UInt8(ascii: "<"):
            position += 1
            kind = .less
        case UInt8(ascii: "{"):
            braceDepth += 1
            position += 1
            kind = .openBrace
        default:
            while position < bytes.count, bytes[position] != UInt8(ascii: "<"), bytes[position] != UInt8(ascii: "{") { position += 1 }
            kind = .jsxText
        }
        token = Token(kind: kind, start: start, end: position, hasLineBreakBefore: false, keyword: nil, hasEscape: false)
    }

    /// After the `=` of a JSX attribute: a quoted value may span lines and has no escapes; anything else is lexed
    /// as usual.
    mutating func nextJSXAttributeValue() {
        var index = position
        var lineBreak = false
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
            || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
            if bytes[index] == UInt8(ascii: "\n") { lineBreak = true }
            index += 1
        }
        let quote = byte(at: index)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
            next()
            return
        }
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != quote { index += 1 }
        if index < bytes.count {
            index += 1
        } else {
            report("unterminated string literal", start..<index)
        }
        position = index
        token = Token(kind: .string, start: start, end: index, hasLineBreakBefore: lineBreak, keyword: nil, hasEscape: false)
    }

    /// Extends the current identifier over `-` and further name characters (`data-id`, `aria-label`).
    mutating func extendJSXName() {
        guard token.kind == .identifier, byte(at: token.end) == UInt8(ascii: "-") else { return }
        position = token.end
        while position < bytes.count, bytes[position] == UInt8(ascii: "-") || (bytes[position].isIdentifierPart && bytes[position] < 0x80) {
            position += 1
        }
        token.end = position
        token.keyword = nil
    }

    /// Moves to the end of input (used when nesting is too deep to continue safely).
    mutating func skipToEnd() {
        position = bytes.count
        token = Token(kind: .endOfFile, start: bytes.count, end: bytes.count, hasLineBreakBefore: true, keyword: nil, hasEscape: false)
    }
}
