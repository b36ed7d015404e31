/// A lexical token of PostgreSQL SQL, as far as locating things needs: comments, quoted text and words are
/// told apart so that `--`, `;`, `,` or parentheses inside them are never mistaken for structure.
struct SQLToken: Equatable {
    enum Kind: Equatable {
        case word
        case number
        case string
        case quotedIdentifier
        case dollarQuoted
        case punctuation(UInt8)
        case lineComment
        case blockComment
    }

    var kind: Kind
    var range: Range<Int>

    var isComment: Bool { kind == .lineComment || kind == .blockComment }
}

/// Walks the UTF-8 bytes of SQL text token by token (PostgreSQL's lexical rules, standard-conforming strings).
/// Never reads outside `bytes` and always makes progress, whatever the input.
struct SQLLexer {
    let bytes: [UInt8]

    /// The first token at or after `start`, ending at or before `limit`; `nil` when only whitespace remains.
    func nextToken(from start: Int, limit: Int) -> SQLToken? {
        let limit = min(limit, bytes.count)
        var p = max(start, 0)
        while p < limit, Self.isSpace(bytes[p]) { p += 1 }
        guard p < limit else { return nil }
        let byte = bytes[p]
        let next: UInt8 = p + 1 < limit ? bytes[p + 1] : 0
        switch byte {
        case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
            var end = p + 2
            while end < limit, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            return SQLToken(kind: .lineComment, range: p..<end)
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            return SQLToken(kind: .blockComment, range: p..<blockCommentEnd(from: p, limit: limit))
        case UInt8(ascii: "'"):
            return SQLToken(kind: .string, range: p..<quotedEnd(from: p, limit: limit, backslashEscapes: false))
        case UInt8(ascii: "\""):
            return SQLToken(kind: .quotedIdentifier, range: p..<quotedEnd(from: p, limit: limit, backslashEscapes: false))
        case UInt8(ascii: "$"):
            if let end = dollarQuotedEnd(from: p, limit: limit) {
                return SQLToken(kind: .dollarQuoted, range: p..<end)
            }
            var end = p + 1
            while end < limit, Self.isDigit(bytes[end]) { end += 1 }
            return SQLToken(kind: end > p + 1 ? .word : .punctuation(byte), range: p..<end)
        case _ where Self.isIdentifierStart(byte):
            var end = p + 1
            while end < limit, Self.isIdentifierPart(bytes[end]) { end += 1 }
            if end < limit, bytes[end] == UInt8(ascii: "'") {
                // A prefixed string: E'…' (backslash escapes), B'…', X'…', N'…'.
                let escapes = end == p + 1 && (byte | 0x20) == UInt8(ascii: "e")
                return SQLToken(kind: .string, range: p..<quotedEnd(from: end, limit: limit, backslashEscapes: escapes))
            }
            return SQLToken(kind: .word, range: p..<end)
        case _ where Self.isDigit(byte):
            var end = p + 1
            while end < limit, Self.isIdentifierPart(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
            return SQLToken(kind: .number, range: p..<end)
        default:
            return SQLToken(kind: .punctuation(byte), range: p..<(p + 1))
        }
    }

    /// Every comment in `range`, in order.
    func comments(in range: Range<Int>) -> [SQLComment] {
        var result: [SQLComment] = []
        var p = range.lowerBound
        while let token = nextToken(from: p, limit: range.upperBound) {
            switch token.kind {
            case .lineComment: result.append(SQLComment(style: .line, range: token.range))
            case .blockComment: result.append(SQLComment(style: .block, range: token.range))
            default: break
            }
            p = token.range.upperBound
        }
        return result
    }

    /// `range` without leading and trailing whitespace, comments and `;`; `nil` when nothing else is left.
    func significantRange(in range: Range<Int>) -> Range<Int>? {
        var first: Int?
        var last = range.lowerBound
        var p = range.lowerBound
        while let token = nextToken(from: p, limit: range.upperBound) {
            p = token.range.upperBound
            if token.isComment || token.kind == .punctuation(UInt8(ascii: ";")) { continue }
            if first == nil { first = token.range.lowerBound }
            last = token.range.upperBound
        }
        return first.map { $0..<last }
    }

    /// The text from `start` up to the first `,` or unbalanced `)` outside parentheses (or `limit`),
    /// trimmed: one element of a parenthesised or comma-separated list.
    func listElement(from start: Int, limit: Int) -> Range<Int> {
        var depth = 0
        var end = start
        var p = start
        while let token = nextToken(from: p, limit: limit) {
            p = token.range.upperBound
            switch token.kind {
            case .punctuation(UInt8(ascii: "(")), .punctuation(UInt8(ascii: "[")):
                depth += 1
            case .punctuation(UInt8(ascii: ")")), .punctuation(UInt8(ascii: "]")):
                if depth == 0 { return start..<end }
                depth -= 1
            case .punctuation(UInt8(ascii: ",")) where depth == 0, .punctuation(UInt8(ascii: ";")) where depth == 0:
                return start..<end
            case .lineComment, .blockComment:
                continue
            default:
                break
            }
            end = token.range.upperBound
        }
        return start..<max(end, start)
    }

    /// The range of the token at `offset` (at least one byte, within `bytes`), for pointing at an error.
    func tokenRange(at offset: Int) -> Range<Int> {
        guard offset < bytes.count else { return max(0, bytes.count - 1)..<bytes.count }
        if let token = nextToken(from: offset, limit: bytes.count), token.range.lowerBound == offset, !token.isComment,
           token.kind != .dollarQuoted, token.kind != .string {
            return token.range
        }
        return offset..<min(bytes.count, offset + UTF8Offsets.sequenceLength(leadByte: bytes[offset]))
    }

    // MARK: - Pieces

    private func blockCommentEnd(from start: Int, limit: Int) -> Int {
        var depth = 0
        var p = start
        while p + 1 < limit {
            if bytes[p] == UInt8(ascii: "/"), bytes[p + 1] == UInt8(ascii: "*") {
                depth += 1
                p += 2
            } else if bytes[p] == UInt8(ascii: "*"), bytes[p + 1] == UInt8(ascii: "/") {
                depth -= 1
                p += 2
                if depth == 0 { return p }
            } else {
                p += 1
            }
        }
        return limit
    }

    /// End of a `'…'` or `"…"` token whose opening quote is at `start`; doubled quotes stay inside.
    private func quotedEnd(from start: Int, limit: Int, backslashEscapes: Bool) -> Int {
        let quote = bytes[start]
        var p = start + 1
        while p < limit {
            let byte = bytes[p]
            if backslashEscapes, byte == UInt8(ascii: "\\") {
                p += 2
            } else if byte == quote {
                if p + 1 < limit, bytes[p + 1] == quote { p += 2 } else { return p + 1 }
            } else {
                p += 1
            }
        }
        return limit
    }

    /// End of a `$tag$ … $tag$` literal starting at `start`, or `nil` when the `$` does not open one.
    private func dollarQuotedEnd(from start: Int, limit: Int) -> Int? {
        guard let tagEnd = dollarTagEnd(from: start, limit: limit) else { return nil }
        let tagLength = tagEnd - start
        var p = tagEnd
        while p < limit {
            if bytes[p] == UInt8(ascii: "$"), p + tagLength <= limit,
               bytes[p..<(p + tagLength)].elementsEqual(bytes[start..<tagEnd]) {
                return p + tagLength
            }
            p += 1
        }
        return limit
    }

    /// End (after the closing `$`) of a dollar-quote tag such as `$$` or `$body$` starting at `start`.
    func dollarTagEnd(from start: Int, limit: Int) -> Int? {
        guard start < limit, bytes[start] == UInt8(ascii: "$") else { return nil }
        var p = start + 1
        if p < limit, Self.isIdentifierStart(bytes[p]) {
            p += 1
            while p < limit, Self.isIdentifierStart(bytes[p]) || Self.isDigit(bytes[p]) { p += 1 }
        }
        guard p < limit, bytes[p] == UInt8(ascii: "$") else { return nil }
        return p + 1
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte) || byte == UInt8(ascii: "$")
    }
}

extension SQLLexer {
    /// Words and quoted identifiers longer than `LongIdentifier.limit` bytes in `range`.
    func longIdentifiers(in range: Range<Int>) -> [LongIdentifier] {
        var found: [LongIdentifier] = []
        var p = range.lowerBound
        while let token = nextToken(from: p, limit: range.upperBound) {
            p = token.range.upperBound
            switch token.kind {
            case .word where token.range.count > LongIdentifier.limit:
                found.append(LongIdentifier(name: String(decoding: bytes[token.range], as: UTF8.self).lowercased(), range: token.range))
            case .quotedIdentifier where token.range.count > LongIdentifier.limit + 2:
                let inner = bytes[(token.range.lowerBound + 1)..<max(token.range.lowerBound + 1, token.range.upperBound - 1)]
                let name = String(decoding: inner, as: UTF8.self).split(separator: "\"\"", omittingEmptySubsequences: false).joined(separator: "\"")
                if name.utf8.count > LongIdentifier.limit { found.append(LongIdentifier(name: name, range: token.range)) }
            default:
                continue
            }
        }
        return found
    }
}
