/// Parses ranges of one source text into statements, collecting located syntax errors.
struct FileParser {
    let lexer: SQLLexer
    var errors: [SQLSyntaxError] = []
    /// The first NUL byte of the text (libpg_query would take it for the end of the text).
    let firstNUL: Int?

    init(bytes: [UInt8]) {
        lexer = SQLLexer(bytes: bytes)
        firstNUL = bytes.firstIndex(ofByte: 0, in: bytes.indices)
    }

    var bytes: [UInt8] { lexer.bytes }

    /// The statements of `range`. When the parser rejects the range, it is split with the scanner and each
    /// statement parsed alone, so one bad statement does not hide the others.
    mutating func statements(in range: Range<Int>) -> [SQLStatement] {
        let scan = lexer.scan(range, measuringComplexity: true, recordingSemicolons: true)
        if let open = unterminatedComment(last: scan.last, in: range) {
            // PostgreSQL rejects the piece; without this, the comment would hide everything after it.
            errors.append(SQLSyntaxError(message: "unterminated /* comment", range: open..<(open + 2)))
            return statements(in: range.lowerBound..<open)
        }
        guard scan.significant != nil else { return [] }
        if scan.excess != nil { return guardedOneByOne(range) }
        let text = LibPgQuery.cText(bytes, range, mayHoldNUL: firstNUL != nil)
        switch LibPgQuery.parse(text) {
        case .success(.tree(let tree)):
            return decodeStatements(tree, textRange: range, scan: scan)
        case .success(.tooDeep):
            return oneByOne(text: text, range: range, failure: nil)
        case .failure(let failure):
            return oneByOne(text: text, range: range, failure: failure)
        }
    }

    /// Where a `/*` that is never closed starts, given the range's last token: the lexer runs such a comment to the
    /// end of the range.
    private func unterminatedComment(last: SQLToken?, in range: Range<Int>) -> Int? {
        guard let last, last.kind == .blockComment, last.range.upperBound == range.upperBound else { return nil }
        return StatementComplexity.isClosedComment(last.range, in: bytes) ? nil : last.range.lowerBound
    }

    /// Splits `range` at `;` with the lexer (libpg_query's scanner would build the tree it cannot take) and parses
    /// each statement alone, except those too complex for libpg_query, which are syntax errors at the token that
    /// crossed the limit.
    private mutating func guardedOneByOne(_ range: Range<Int>) -> [SQLStatement] {
        var statements: [SQLStatement] = []
        var start = range.lowerBound
        var p = range.lowerBound
        while p < range.upperBound {
            var end = range.upperBound
            while let token = lexer.nextToken(from: p, limit: range.upperBound) {
                p = token.range.upperBound
                if token.kind == .punctuation(UInt8(ascii: ";")) { end = p; break }
            }
            if lexer.nextToken(from: p, limit: range.upperBound) == nil { p = range.upperBound; end = range.upperBound }
            if let excess = StatementComplexity.firstExcess(in: start..<end, lexer: lexer) {
                errors.append(SQLSyntaxError(message: excess.message, range: excess.range))
            } else {
                statements += self.statements(in: start..<end)
            }
            start = end
        }
        return statements
    }

    /// Parses each statement of `range` alone (split by the scanner). `failure` is why the whole range did not
    /// parse (`nil` when it parsed but its tree was too deep to decode).
    private mutating func oneByOne(text: [CChar], range: Range<Int>, failure: LibPgQuery.Failure?) -> [SQLStatement] {
        let pieces: [LibPgQuery.Piece]
        if case .success(let split) = LibPgQuery.splitWithScanner(text) { pieces = split } else { pieces = [] }
        let errorCount = errors.count
        var statements: [SQLStatement] = []
        for piece in pieces where failure == nil || pieces.count > 1 {
            let start = min(range.lowerBound + max(piece.location, 0), range.upperBound)
            var end = piece.length > 0 ? min(start + piece.length, range.upperBound) : range.upperBound
            // Keep the piece's `;` so that errors read as for the whole text ("at or near ";"").
            if let semicolon = lexer.nextToken(from: end, limit: range.upperBound), semicolon.kind == .punctuation(UInt8(ascii: ";")) {
                end = semicolon.range.upperBound
            }
            guard let significant = lexer.significantRange(in: start..<end) else { continue }
            switch LibPgQuery.parse(LibPgQuery.cText(bytes, start..<end, mayHoldNUL: firstNUL != nil)) {
            case .success(.tree(let tree)):
                statements += decodeStatements(tree, textRange: start..<end)
            case .success(.tooDeep(let tag)):
                statements.append(SQLStatement(kind: .other(nodeTag: tag), range: significant))
            case .failure(let pieceFailure):
                errors.append(locate(pieceFailure, in: start..<end))
            }
        }
        // The pieces all parsed alone although the whole did not: keep the original error.
        if let failure, errors.count == errorCount { errors.append(locate(failure, in: range)) }
        return statements
    }

    /// The node tag of the first statement, read from the JSON text itself (`{"version":…,"stmts":[{"stmt":{"Tag"`)
    /// for a tree too deeply nested for the JSON reader.
    static func leadingNodeTag(_ json: UnsafeBufferPointer<UInt8>) -> String {
        let marker = Array("\"stmt\":{\"".utf8)
        guard let start = Array(json).firstIndex(of: marker),
              let end = json[(start + marker.count)...].firstIndex(of: UInt8(ascii: "\"")) else { return "unknown" }
        return String(decoding: json[(start + marker.count)..<end], as: UTF8.self)
    }

    /// The typed statements of one parse result. `scan` is the lexer's pass over the whole text, if made (with its
    /// `;`s recorded): a statement between its `;`s is not scanned again.
    private mutating func decodeStatements(_ tree: ParseTree, textRange: Range<Int>, scan: RangeScan? = nil) -> [SQLStatement] {
        tree.withRoot { root in
            var statements: [SQLStatement] = []
            for item in root["stmts"].array {
                let start = min(textRange.lowerBound + item["stmt_location"].int, textRange.upperBound)
                let length = item["stmt_len"].int
                let end = length > 0 ? min(start + length, textRange.upperBound) : textRange.upperBound
                let statementScan = scan?.statement(start..<end, in: textRange) ?? lexer.scan(start..<end, measuringComplexity: false)
                guard let range = statementScan.significant, let (tag, node) = item["stmt"].tagged else { continue }
                let decoder = StatementDecoder(lexer: lexer, base: textRange.lowerBound, statementRange: range)
                var statement = SQLStatement(kind: decoder.decode(tag: tag, node: node), range: range, stringConstants: node.stringConstants)
                switch statement.kind {
                case .createTable, .alterTable, .createIndex, .createEnum, .rename, .create:
                    statement.longIdentifiers = lexer.longIdentifiers(among: statementScan.longTokens)
                default: break
                }
                if case .doBlock(let block) = statement.kind {
                    statement.nested = nestedStatements(of: DoBlockArguments(node), block: block, statementRange: range)
                }
                statements.append(statement)
            }
            return statements
        }
    }

    /// A parser error placed in the source: `cursorpos` counts characters from the start of `range`.
    func locate(_ failure: LibPgQuery.Failure, in range: Range<Int>) -> SQLSyntaxError {
        guard failure.cursorPosition > 0 else {
            return SQLSyntaxError(message: failure.message, range: firstTokenRange(of: range))
        }
        let offset = UTF8Offsets.byteOffset(ofCharacter: failure.cursorPosition - 1, in: bytes, range: range)
        // "at end of input": point at the last token rather than past the text.
        if lexer.nextToken(from: offset, limit: range.upperBound) == nil {
            return SQLSyntaxError(message: failure.message, range: lastTokenRange(of: range))
        }
        return SQLSyntaxError(message: failure.message, range: lexer.tokenRange(at: offset))
    }

    func firstTokenRange(of range: Range<Int>) -> Range<Int> {
        let start = lexer.significantRange(in: range)?.lowerBound ?? range.lowerBound
        return lexer.tokenRange(at: start)
    }

    private func lastTokenRange(of range: Range<Int>) -> Range<Int> {
        var last = lexer.tokenRange(at: range.lowerBound)
        var p = range.lowerBound
        while let token = lexer.nextToken(from: p, limit: range.upperBound) {
            if !token.isComment { last = token.range }
            p = token.range.upperBound
        }
        return last
    }
}
