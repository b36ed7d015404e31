/// The SQL inside `DO $$ … $$`: the body is parsed as a PL/pgSQL function and each embedded statement
/// (`PLpgSQL_stmt_execsql`, and `EXECUTE '…'` of a plain literal) is parsed again as SQL, located in the file.
/// The usual shapes (drizzle-kit's, `IF [NOT] EXISTS` guards) are read without PL/pgSQL (`DoBlockShape`), with the same result.
extension FileParser {
    mutating func nestedStatements(of arguments: DoBlockArguments, block: DoBlock, statementRange: Range<Int>) -> [SQLStatement] {
        guard block.language.lowercased() == "plpgsql" else { return [] }
        if let shaped = shapedNestedStatements(block: block, statementRange: statementRange) { return shaped }
        return compiledNestedStatements(body: arguments.body, block: block, statementRange: statementRange)
    }

    /// The body compiled by PL/pgSQL: whatever it holds.
    mutating func compiledNestedStatements(body: [UInt8], block: DoBlock, statementRange: Range<Int>) -> [SQLStatement] {
        switch LibPgQuery.parsePLpgSQL(Self.functionWrapping(body)) {
        case .failure(let failure):
            errors.append(SQLSyntaxError(message: failure.message,
                                         range: plpgsqlErrorRange(failure.message, bodyRange: block.bodyRange, statementRange: statementRange)))
            return []
        case .success(let tree):
            guard let tree else { return [] }
            var queries: [EmbeddedQuery] = []
            tree.withRoot { EmbeddedQuery.collect(in: $0, into: &queries) }
            return statements(of: queries, bodyRange: block.bodyRange, doRange: statementRange)
        }
    }

    /// The body read by `DoBlockShape` without PL/pgSQL, when it has that shape and its statements parse (PL/pgSQL
    /// would fail on one that does not, with its own error: then `nil`, and the errors are taken back).
    mutating func shapedNestedStatements(block: DoBlock, statementRange: Range<Int>) -> [SQLStatement]? {
        guard let bodyRange = block.bodyRange, let queries = DoBlockShape(lexer: lexer).embeddedQueries(in: bodyRange) else { return nil }
        let errorCount = errors.count
        let nested = statements(of: queries, bodyRange: bodyRange, doRange: statementRange)
        guard errors.count > errorCount else { return nested }
        errors.removeSubrange(errorCount...)
        return nil
    }

    private mutating func statements(of queries: [EmbeddedQuery], bodyRange: Range<Int>?, doRange: Range<Int>) -> [SQLStatement] {
        let lineStarts = bodyRange.map(lineStarts) ?? []
        var nested: [(line: Int, statement: SQLStatement)] = []
        for query in queries {
            let found = statements(of: query, bodyRange: bodyRange, lineStarts: lineStarts, doRange: doRange)
            nested += found.map { (query.line, $0) }
        }
        // Source order: by line (the tree's branches need not come in it), then by position.
        return nested.sorted { ($0.line, $0.statement.range.lowerBound) < ($1.line, $1.statement.range.lowerBound) }.map(\.statement)
    }

    private mutating func statements(of query: EmbeddedQuery, bodyRange: Range<Int>?, lineStarts: [Int], doRange: Range<Int>) -> [SQLStatement] {
        if let bodyRange, let start = find(query.text, in: bodyRange, preferringFrom: lineStarts[safe: query.line - 1]) {
            let range = start..<(start + query.text.count)
            if !query.isDynamic { return statements(in: range) }
            if let inner = plainLiteralContent(range) { return statements(in: inner) }
        }
        // Not found verbatim in the file: parse the text alone and place everything at the DO statement.
        guard let text = query.isDynamic ? Self.unescapedLiteral(query.text) : query.text else { return [] }
        var parser = FileParser(bytes: text)
        let found = parser.statements(in: 0..<text.count)
        errors += parser.errors.map { SQLSyntaxError(message: $0.message, range: doRange) }
        return found.map { $0.relocated(to: doRange) }
    }

    /// The inside of a `'…'` literal spanning exactly `range` with no doubled quotes (so offsets map 1:1).
    private func plainLiteralContent(_ range: Range<Int>) -> Range<Int>? {
        guard range.count >= 2, bytes[range.lowerBound] == UInt8(ascii: "'"),
              let token = lexer.nextToken(from: range.lowerBound, limit: range.upperBound),
              token.kind == .string, token.range == range else { return nil }
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        return bytes[inner].contains(UInt8(ascii: "'")) ? nil : inner
    }

    /// `'it''s'` → `it's`; `nil` unless the whole text is one standard string literal.
    static func unescapedLiteral(_ text: [UInt8]) -> [UInt8]? {
        let lexer = SQLLexer(bytes: text)
        guard text.first == UInt8(ascii: "'"), let token = lexer.nextToken(from: 0, limit: text.count),
              token.kind == .string, token.range == 0..<text.count, text.count >= 2, text.last == UInt8(ascii: "'") else { return nil }
        var result: [UInt8] = []
        var p = 1
        while p < text.count - 1 {
            result.append(text[p])
            p += text[p] == UInt8(ascii: "'") ? 2 : 1
        }
        return result
    }

    /// First occurrence of `needle` in `range`, searching from `preferred` first (the statement's line).
    private func find(_ needle: [UInt8], in range: Range<Int>, preferringFrom preferred: Int?) -> Int? {
        if let preferred, preferred >= range.lowerBound, let found = bytes.firstIndex(of: needle, in: preferred..<range.upperBound) {
            return found
        }
        return bytes.firstIndex(of: needle, in: range)
    }

    private func lineStarts(_ range: Range<Int>) -> [Int] {
        var starts = [range.lowerBound]
        for p in range where bytes[p] == 0x0A { starts.append(p + 1) }
        return starts
    }

    /// PL/pgSQL errors carry no position; point at the token the message names when the body has it.
    private func plpgsqlErrorRange(_ message: String, bodyRange: Range<Int>?, statementRange: Range<Int>) -> Range<Int> {
        let prefix = Array("at or near \"".utf8)
        let text = Array(message.utf8)
        if let bodyRange, text.last == UInt8(ascii: "\""), let near = text.firstIndex(of: prefix) {
            let token = Array(text[(near + prefix.count)..<(text.count - 1)])
            if let start = find(token, in: bodyRange, preferringFrom: nil) { return start..<(start + token.count) }
        }
        return firstTokenRange(of: bodyRange ?? statementRange)
    }

    /// The DO body as a function PL/pgSQL can compile, with a dollar-quote tag the body does not contain.
    /// Nothing precedes the body on its first line, so PL/pgSQL's line numbers are the body's.
    static func functionWrapping(_ body: [UInt8]) -> [CChar] {
        var tag = Array("$schemalint$".utf8)
        var attempt = 0
        while body.firstIndex(of: tag) != nil {
            attempt += 1
            tag = Array("$schemalint\(attempt)$".utf8)
        }
        let text = Array("CREATE FUNCTION schemalint_do() RETURNS void AS ".utf8) + tag + body + tag + Array(" LANGUAGE plpgsql".utf8)
        return LibPgQuery.cText(text, 0..<text.count)
    }

}

/// An SQL statement PL/pgSQL found in a function body.
struct EmbeddedQuery {
    var text: [UInt8]
    /// 1-based line in the body.
    var line: Int
    /// `EXECUTE <expr>`: the text is an expression that yields SQL, used only when it is a literal.
    var isDynamic: Bool

    /// Every statement in the tree, in source order (statements inside others' branches included).
    static func collect(in node: ParseNode, into queries: inout [EmbeddedQuery]) {
        node.forEachMemberInside { key, member in
            if key.matches("PLpgSQL_stmt_execsql") {
                append(member["sqlstmt"], line: member["lineno"].int, dynamic: false, to: &queries)
            } else if key.matches("PLpgSQL_stmt_dynexecute") {
                append(member["query"], line: member["lineno"].int, dynamic: true, to: &queries)
            }
            return true
        }
    }

    private static func append(_ expression: ParseNode, line: Int, dynamic: Bool, to queries: inout [EmbeddedQuery]) {
        guard let text = expression["PLpgSQL_expr"]["query"].string, !text.isEmpty else { return }
        queries.append(EmbeddedQuery(text: Array(text.utf8), line: line, isDynamic: dynamic))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
