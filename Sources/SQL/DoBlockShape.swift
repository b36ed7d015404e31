/// The shapes drizzle-kit and hand-written migrations write `DO $$ … $$` blocks in, read with the lexer instead of
/// PL/pgSQL:
///
///     BEGIN <item> [<item> …] [EXCEPTION WHEN <condition> [OR …] THEN [NULL; …] …] END [;]
///     item: <statement>;  |  IF [NOT] EXISTS (…) THEN <statement>; [<statement>; …] END IF;
///
/// Why: compiling a body with PL/pgSQL (`pg_query_parse_plpgsql`, then reading its JSON) costs about 125 K
/// instructions a block, 21 M of the 427 M a check of the drizzle corpus took. For these shapes PL/pgSQL reports
/// nothing but one `PLpgSQL_stmt_execsql` per statement, and its text and line follow from the tokens alone.
/// Anything else, or any doubt, is `nil` and goes through PL/pgSQL. PL/pgSQL also checks the syntax of every
/// statement and condition and fails the whole body on an error: an `IF` condition is checked here with the
/// grammar alone (no tree, a fraction of the cost), and the caller falls back when a statement does not parse.
struct DoBlockShape {
    let lexer: SQLLexer

    /// The statements PL/pgSQL would report for the body at `body` (as `EmbeddedQuery.collect` reads them from its
    /// tree), or `nil` when the body is not of the shape.
    func embeddedQueries(in body: Range<Int>) -> [EmbeddedQuery]? {
        guard bytesAreUnambiguous(body) else { return nil }
        var reader = Reader(lexer: lexer, limit: body.upperBound, position: body.lowerBound)
        guard reader.takeKeyword("begin") else { return nil }
        var statements: [Range<Int>] = []
        var conditions: [Range<Int>] = []
        while true {
            if reader.takeKeyword("if") {
                guard let condition = reader.takeExistsCondition(), reader.takeKeyword("then"),
                      let taken = reader.takeStatements(into: &statements), taken > 0,
                      reader.takeKeyword("end"), reader.takeKeyword("if"), reader.takePunctuation(";") else { return nil }
                conditions.append(condition)
            } else {
                guard let taken = reader.takeStatements(into: &statements) else { return nil }
                if taken == 0 { break }
            }
        }
        guard !statements.isEmpty else { return nil }
        if reader.takeKeyword("exception") {
            guard reader.takeHandler() else { return nil }
            while reader.isAtKeyword("when") {
                guard reader.takeHandler() else { return nil }
            }
        }
        guard reader.takeKeyword("end") else { return nil }
        _ = reader.takePunctuation(";")
        guard reader.peek() == nil, conditions.allSatisfy(isAcceptedCondition) else { return nil }
        // Each statement's line is counted on from the statement before: counting from the body's start for each was
        // quadratic in a body of many statements.
        var line = 1
        var counted = body.lowerBound
        return statements.map { statement in
            line += newlines(in: counted..<statement.lowerBound)
            counted = statement.lowerBound
            return EmbeddedQuery(text: Array(lexer.bytes[statement]), line: line, isDynamic: false)
        }
    }

    /// Whether PL/pgSQL's syntax check of an `IF` condition passes: it parses the condition as a select list,
    /// which for `[NOT] EXISTS (…)` is the same as parsing `SELECT <condition>`.
    private func isAcceptedCondition(_ condition: Range<Int>) -> Bool {
        let text = Array("SELECT ".utf8) + lexer.bytes[condition]
        return LibPgQuery.accepts(LibPgQuery.cText(text, 0..<text.count, mayHoldNUL: false))
    }

    /// Words a plain SQL statement may start with here: none is a PL/pgSQL keyword or variable, so PL/pgSQL takes
    /// each as the start of an SQL statement it passes through whole.
    static let statementVerbs = keywords("alter", "create", "drop", "comment", "grant", "revoke", "update", "delete", "insert")

    /// Exception condition names PL/pgSQL knows (it rejects unknown ones): the few migrations use.
    static let conditionNames = keywords(
        "others", "duplicate_object", "duplicate_table", "duplicate_column", "duplicate_schema", "duplicate_function",
        "undefined_object", "undefined_table", "undefined_column", "unique_violation")

    private static func keywords(_ words: String...) -> [[UInt8]] { words.map { Array($0.utf8) } }

    /// No byte on which this lexer and PostgreSQL's scanner might disagree, or that the C text would lose: `$`
    /// (dollar quotes, `$1`), `\` (escape strings), NUL, vertical tab (whitespace to one, not the other), and
    /// invalid UTF-8 (which PL/pgSQL's JSON would not give back byte for byte).
    private func bytesAreUnambiguous(_ body: Range<Int>) -> Bool {
        var sawNonASCII = false
        for byte in lexer.bytes[body] {
            switch byte {
            case UInt8(ascii: "$"), UInt8(ascii: "\\"), 0x00, 0x0B: return false
            case 0x80...: sawNonASCII = true
            default: continue
            }
        }
        return !sawNonASCII || String(validating: lexer.bytes[body], as: UTF8.self) != nil
    }

    /// The `\n`s in `range`: PL/pgSQL numbers a body's lines by them (1-based).
    private func newlines(in range: Range<Int>) -> Int {
        lexer.bytes[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Reads the body's tokens, skipping comments.
    private struct Reader {
        let lexer: SQLLexer
        let limit: Int
        var position: Int

        func peek() -> SQLToken? {
            var p = position
            while let token = lexer.nextToken(from: p, limit: limit) {
                if !token.isComment { return token }
                p = token.range.upperBound
            }
            return nil
        }

        func isAtKeyword(_ keyword: StaticString) -> Bool {
            guard let token = peek(), token.kind == .word else { return false }
            return lexer.isWord(token.range, keyword)
        }

        mutating func takeKeyword(_ keyword: StaticString) -> Bool {
            guard isAtKeyword(keyword), let token = peek() else { return false }
            position = token.range.upperBound
            return true
        }

        mutating func takePunctuation(_ character: Unicode.Scalar) -> Bool {
            guard let token = peek(), token.kind == .punctuation(UInt8(ascii: character)) else { return false }
            position = token.range.upperBound
            return true
        }

        /// Statements while the next word is a statement verb, appended to `statements`: how many (maybe none), or
        /// `nil` when one is not plain.
        mutating func takeStatements(into statements: inout [Range<Int>]) -> Int? {
            var count = 0
            while let first = peek(), first.kind == .word, lexer.isWord(first.range, oneOf: DoBlockShape.statementVerbs) {
                guard let text = takeStatement() else { return nil }
                statements.append(text)
                count += 1
            }
            return count
        }

        /// `[NOT] EXISTS (…)`, up to the closing parenthesis: the condition's text. `nil` at a `;` inside, where
        /// PL/pgSQL would stop.
        mutating func takeExistsCondition() -> Range<Int>? {
            guard let start = peek() else { return nil }
            _ = takeKeyword("not")
            guard takeKeyword("exists"), let open = peek(), open.kind == .punctuation(UInt8(ascii: "(")) else { return nil }
            var depth = 0
            var p = open.range.lowerBound
            while let token = lexer.nextToken(from: p, limit: limit) {
                p = token.range.upperBound
                switch token.kind {
                case .punctuation(UInt8(ascii: "(")):
                    depth += 1
                case .punctuation(UInt8(ascii: ")")):
                    depth -= 1
                    if depth == 0 {
                        position = p
                        return start.range.lowerBound..<p
                    }
                case .punctuation(UInt8(ascii: ";")):
                    return nil
                default: break
                }
            }
            return nil
        }

        /// One SQL statement through its `;`: the text PL/pgSQL keeps for it, from its first token to the `;` with
        /// trailing whitespace trimmed (comments kept). `nil` where PL/pgSQL would read more than a plain statement:
        /// an `INTO` target (any `INTO` but `INSERT INTO`), a verb followed by anything but a name (`x := …`), or no `;`.
        mutating func takeStatement() -> Range<Int>? {
            guard let first = peek(), let second = lexer.nextToken(from: first.range.upperBound, limit: limit),
                  second.kind == .word || second.kind == .quotedIdentifier else { return nil }
            var previous = first
            var p = first.range.upperBound
            while let token = lexer.nextToken(from: p, limit: limit) {
                p = token.range.upperBound
                switch token.kind {
                case .punctuation(UInt8(ascii: ";")):
                    position = p
                    var end = token.range.lowerBound
                    while end > first.range.lowerBound, Self.isScannerSpace(lexer.bytes[end - 1]) { end -= 1 }
                    return first.range.lowerBound..<end
                case .word where lexer.isWord(token.range, "into"):
                    guard previous.kind == .word, lexer.isWord(previous.range, "insert") else { return nil }
                default: break
                }
                if !token.isComment { previous = token }
            }
            return nil
        }

        /// `WHEN <condition> [OR <condition> …] THEN [NULL; …]`, with condition names PL/pgSQL accepts.
        mutating func takeHandler() -> Bool {
            guard takeKeyword("when") else { return false }
            repeat {
                guard let name = peek(), name.kind == .word,
                      lexer.isWord(name.range, oneOf: DoBlockShape.conditionNames) else { return false }
                position = name.range.upperBound
            } while takeKeyword("or")
            guard takeKeyword("then") else { return false }
            while takeKeyword("null") {
                guard takePunctuation(";") else { return false }
            }
            return true
        }

        /// PostgreSQL's `scanner_isspace`, which PL/pgSQL trims a statement's text with.
        static func isScannerSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }
    }
}

extension SQLLexer {
    /// Whether the word at `range` is `keyword` (lower-case ASCII), as PostgreSQL folds unquoted words.
    func isWord(_ range: Range<Int>, _ keyword: StaticString) -> Bool {
        keyword.withUTF8Buffer { isWord(range, $0) }
    }

    func isWord(_ range: Range<Int>, oneOf keywords: [[UInt8]]) -> Bool {
        keywords.contains { keyword in keyword.withUnsafeBufferPointer { isWord(range, $0) } }
    }

    private func isWord(_ range: Range<Int>, _ keyword: UnsafeBufferPointer<UInt8>) -> Bool {
        guard range.count == keyword.count else { return false }
        var k = 0
        for p in range {
            guard SQLLexer.foldedCase(bytes[p]) == keyword[k] else { return false }
            k += 1
        }
        return true
    }
}
