import Core

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
        // Every pass over the text goes through here: it reads through a pointer, without bounds checks (every
        // read is below `limit`, itself at most the count).
        bytes.withUnsafeBufferPointer { buffer in
            guard let bytes = buffer.baseAddress else { return nil }
            return Self.nextToken(bytes, from: start, limit: min(limit, buffer.count))
        }
    }

    private static func nextToken(_ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int) -> SQLToken? {
        var p = max(start, 0)
        while p < limit, isSpace(bytes[p]) { p += 1 }
        guard p < limit else { return nil }
        let byte = bytes[p]
        let next: UInt8 = p + 1 < limit ? bytes[p + 1] : 0
        switch byte {
        case UInt8(ascii: "-") where next == UInt8(ascii: "-"):
            return SQLToken(kind: .lineComment, range: p..<lineEnd(bytes, from: p + 2, limit: limit))
        case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
            return SQLToken(kind: .blockComment, range: p..<blockCommentEnd(bytes, from: p, limit: limit))
        case UInt8(ascii: "'"):
            return SQLToken(kind: .string, range: p..<quotedEnd(bytes, from: p, limit: limit, backslashEscapes: false))
        case UInt8(ascii: "\""):
            return SQLToken(kind: .quotedIdentifier, range: p..<quotedEnd(bytes, from: p, limit: limit, backslashEscapes: false))
        case UInt8(ascii: "$"):
            if let end = dollarQuotedEnd(bytes, from: p, limit: limit) {
                return SQLToken(kind: .dollarQuoted, range: p..<end)
            }
            var end = p + 1
            while end < limit, isDigit(bytes[end]) { end += 1 }
            return SQLToken(kind: end > p + 1 ? .word : .punctuation(byte), range: p..<end)
        case _ where isIdentifierStart(byte):
            var end = p + 1
            while end < limit, isIdentifierPart(bytes[end]) { end += 1 }
            if end < limit, bytes[end] == UInt8(ascii: "'") {
                // A prefixed string: E'…' (backslash escapes), B'…', X'…', N'…'.
                let escapes = end == p + 1 && (byte | 0x20) == UInt8(ascii: "e")
                return SQLToken(kind: .string, range: p..<quotedEnd(bytes, from: end, limit: limit, backslashEscapes: escapes))
            }
            return SQLToken(kind: .word, range: p..<end)
        case _ where isDigit(byte):
            var end = p + 1
            while end < limit, isIdentifierPart(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
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
        scan(range, measuringComplexity: false).significant
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

    private static func blockCommentEnd(_ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int) -> Int {
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

    /// The first `\n` or `\r` at or after `start` (or `limit`), eight bytes at a time.
    private static func lineEnd(_ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int) -> Int {
        var p = start
        while p + 8 <= limit {
            let word = UnsafeRawPointer(bytes + p).loadUnaligned(as: UInt64.self)
            let found = ByteWords.zeroBytes(word ^ (ByteWords.ones &* 0x0A)) | ByteWords.zeroBytes(word ^ (ByteWords.ones &* 0x0D))
            if found != 0 { return p + found.trailingZeroBitCount >> 3 }
            p += 8
        }
        while p < limit, bytes[p] != 0x0A, bytes[p] != 0x0D { p += 1 }
        return p
    }

    /// End of a `'…'` or `"…"` token whose opening quote is at `start`; doubled quotes stay inside.
    private static func quotedEnd(_ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int, backslashEscapes: Bool) -> Int {
        let quote = bytes[start]
        let quotes = UInt64(quote) &* ByteWords.ones
        var p = start + 1
        while p < limit {
            // Without backslash escapes only the quote matters: skip to the next one eight bytes at a time.
            if !backslashEscapes {
                while p + 8 <= limit {
                    let found = ByteWords.zeroBytes(UnsafeRawPointer(bytes + p).loadUnaligned(as: UInt64.self) ^ quotes)
                    if found != 0 {
                        p += found.trailingZeroBitCount >> 3
                        break
                    }
                    p += 8
                }
                guard p < limit else { break }
            }
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
    private static func dollarQuotedEnd(_ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int) -> Int? {
        guard let tagEnd = dollarTagEnd(bytes, from: start, limit: limit) else { return nil }
        let tagLength = tagEnd - start
        var p = tagEnd
        while p < limit {
            if bytes[p] == UInt8(ascii: "$"), p + tagLength <= limit, (1..<tagLength).allSatisfy({ bytes[p + $0] == bytes[start + $0] }) {
                return p + tagLength
            }
            p += 1
        }
        return limit
    }

    /// End (after the closing `$`) of a dollar-quote tag such as `$$` or `$body$` starting at `start`.
    func dollarTagEnd(from start: Int, limit: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let bytes = buffer.baseAddress, start >= 0 else { return nil }
            return Self.dollarTagEnd(bytes, from: start, limit: min(limit, buffer.count))
        }
    }

    private static func dollarTagEnd(_ bytes: UnsafePointer<UInt8>, from start: Int, limit: Int) -> Int? {
        guard start < limit, bytes[start] == UInt8(ascii: "$") else { return nil }
        var p = start + 1
        if p < limit, isIdentifierStart(bytes[p]) {
            p += 1
            while p < limit, isIdentifierStart(bytes[p]) || isDigit(bytes[p]) { p += 1 }
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

    /// `A`…`Z` as `a`…`z`, every other byte as it is: how PostgreSQL folds unquoted words (ASCII only).
    static func foldedCase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// `isIdentifierStart`, a digit or `$`: one bit test of a 128-bit set (the bytes an identifier continues with,
    /// below 0x80) rather than six comparisons, since every byte of every word goes through here.
    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        // Bits 0x24 `$` and 0x30…0x39 digits; bits 0x41…0x5A, 0x5F `_` and 0x61…0x7A of the upper half.
        let low: UInt64 = 0x03FF_0010_0000_0000
        let high: UInt64 = 0x07FF_FFFE_87FF_FFFE
        if byte >= 0x80 { return true }
        return (byte < 64 ? low >> byte : high >> (byte &- 64)) & 1 != 0
    }
}

/// What one pass of the lexer over a range tells (each of these used to be a pass of its own).
struct RangeScan {
    /// `SQLLexer.significantRange(in:)`.
    var significant: Range<Int>?
    /// The last token, comments included.
    var last: SQLToken?
    /// `StatementComplexity.firstExcess(in:lexer:)`, when measured.
    var excess: StatementComplexity.Excess?
    /// Words and quoted identifiers that may be longer than PostgreSQL keeps (`SQLLexer.longIdentifiers(among:)`).
    var longTokens: [SQLToken] = []
    /// Every `;`, in order, when recorded: what a statement that ends or starts at one needs to know without
    /// being scanned again (`statement(_:in:)`).
    var semicolons: [Semicolon] = []

    struct Semicolon {
        var position: Int
        /// The end of the last significant token before the `;`.
        var significantEndBefore: Int?
        /// The start of the first significant token after the `;`.
        var significantStartAfter: Int?
    }

    /// What `SQLLexer.scan(statement, measuringComplexity: false)` would find, read from this scan of `whole`
    /// (made with `recordingSemicolons`): nil unless `statement` starts at the start of `whole` or just after a `;`,
    /// and ends at the end of `whole` or at a `;` (as libpg_query's statements do, except inside `BEGIN ATOMIC`).
    func statement(_ statement: Range<Int>, in whole: Range<Int>) -> RangeScan? {
        let first: Int?
        if statement.lowerBound == whole.lowerBound {
            first = significant?.lowerBound
        } else if let semicolon = semicolon(at: statement.lowerBound - 1) {
            first = semicolon.significantStartAfter
        } else {
            return nil
        }
        let last: Int?
        if statement.upperBound == whole.upperBound {
            last = significant?.upperBound
        } else if let semicolon = semicolon(at: statement.upperBound) {
            last = semicolon.significantEndBefore
        } else {
            return nil
        }
        var scan = RangeScan()
        if let first, let last, first >= statement.lowerBound, last <= statement.upperBound, first < last {
            scan.significant = first..<last
        }
        scan.longTokens = longTokens.filter { statement.contains($0.range.lowerBound) }
        return scan
    }

    /// The recorded `;` at `position` (binary search: they are in order).
    private func semicolon(at position: Int) -> Semicolon? {
        let index = semicolons.partitioningIndex { $0.position >= position }
        return index < semicolons.count && semicolons[index].position == position ? semicolons[index] : nil
    }
}

extension SQLLexer {
    /// One pass over `range`; the statement's complexity is measured, and the `;`s recorded, only when asked.
    func scan(_ range: Range<Int>, measuringComplexity: Bool, recordingSemicolons: Bool = false) -> RangeScan {
        var scan = RangeScan()
        var complexity = measuringComplexity ? StatementComplexity() : nil
        // The recorded `;`s from this index on wait for the next significant token.
        var awaitingStart = 0
        var p = range.lowerBound
        while let token = nextToken(from: p, limit: range.upperBound) {
            p = token.range.upperBound
            scan.last = token
            if scan.excess == nil, let excess = complexity?.add(token, in: bytes) {
                scan.excess = excess
                complexity = nil
            }
            switch token.kind {
            case .punctuation(UInt8(ascii: ";")):
                if recordingSemicolons {
                    scan.semicolons.append(RangeScan.Semicolon(position: token.range.lowerBound,
                                                               significantEndBefore: scan.significant?.upperBound))
                }
                continue
            case .lineComment, .blockComment:
                continue
            case .word where token.range.count > LongIdentifier.limit, .quotedIdentifier where token.range.count > LongIdentifier.limit + 2:
                scan.longTokens.append(token)
            default:
                break
            }
            scan.significant = (scan.significant?.lowerBound ?? token.range.lowerBound)..<token.range.upperBound
            while awaitingStart < scan.semicolons.count {
                scan.semicolons[awaitingStart].significantStartAfter = token.range.lowerBound
                awaitingStart += 1
            }
        }
        return scan
    }

    /// The identifiers among `tokens` (from `scan`) longer than `LongIdentifier.limit` bytes once unquoted.
    func longIdentifiers(among tokens: [SQLToken]) -> [LongIdentifier] {
        tokens.compactMap { token in
            switch token.kind {
            case .word:
                return LongIdentifier(name: String(decoding: bytes[token.range], as: UTF8.self).lowercased(), range: token.range)
            case .quotedIdentifier:
                let inner = bytes[(token.range.lowerBound + 1)..<max(token.range.lowerBound + 1, token.range.upperBound - 1)]
                let name = String(decoding: inner, as: UTF8.self).split(separator: "\"\"", omittingEmptySubsequences: false).joined(separator: "\"")
                return name.utf8.count > LongIdentifier.limit ? LongIdentifier(name: name, range: token.range) : nil
            default:
                return nil
            }
        }
    }
}
