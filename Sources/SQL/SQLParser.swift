import Core

/// Reads migration SQL with PostgreSQL's own parser (libpg_query).
public enum SQLParser {
    /// drizzle-kit pieces one parallel task parses: enough that a task costs far more than handing it out.
    static let piecesPerTask = 32

    /// Parses a whole migration file. drizzle-kit files are split on `--> statement-breakpoint` first (as
    /// drizzle's migrator does), so a syntax error costs only its own piece; a piece that fails to parse is
    /// split again with libpg_query's scanner and each statement parsed alone. Thread-safe.
    ///
    /// The pieces are independent (each is parsed alone, whatever the others hold), so a file of many pieces is
    /// parsed on all cores, `piecesPerTask` to a task, and the results joined in file order: one 5,000-statement
    /// migration otherwise kept one core busy while the other waited. `inParallel: false` parses in order on this
    /// thread (`SCHEMALINT_NO_FAST_PATHS`), with the same result.
    public static func parseFile(_ bytes: [UInt8], inParallel: Bool = true) -> SQLFile {
        parseFile(bytes, piecesPerTask: inParallel ? piecesPerTask : nil)
    }

    /// `parseFile` with the task size given; nil parses every piece in order on this thread.
    static func parseFile(_ bytes: [UInt8], piecesPerTask: Int?) -> SQLFile {
        var parser = FileParser(bytes: bytes)
        var statements: [SQLStatement] = []
        let chunks = StatementBreakpoints.chunks(of: bytes)
        if let piecesPerTask, chunks.count > piecesPerTask {
            for part in parseInParallel(chunks, with: parser, piecesPerTask: piecesPerTask) {
                statements += part.statements
                parser.errors += part.errors
            }
        } else {
            for chunk in chunks {
                statements += parser.statements(in: chunk)
            }
        }
        // libpg_query does not check the encoding; PostgreSQL rejects the migration before running it.
        if let invalid = UTF8Offsets.firstInvalid(bytes) {
            let byte = String(bytes[invalid], radix: 16)
            parser.errors.append(SQLSyntaxError(message: "invalid byte sequence for encoding \"UTF8\": 0x\(byte)", range: invalid..<(invalid + 1)))
        }
        if let nul = parser.firstNUL {
            parser.errors.append(SQLSyntaxError(message: "invalid byte sequence for encoding \"UTF8\": 0x00", range: nul..<(nul + 1)))
        }
        let errors = parser.errors.sorted { $0.range.lowerBound < $1.range.lowerBound }
        return SQLFile(statements: statements, syntaxErrors: errors, comments: parser.lexer.comments(in: 0..<bytes.count))
    }

    /// Each run of `piecesPerTask` chunks parsed by its own copy of `parser` (which starts with no errors), the
    /// statements and errors of each run in file order, runs in file order: what one parser going through the
    /// chunks in order collects. Files are themselves parsed inside a `concurrentPerform`, hence `ParallelRuns`.
    private static func parseInParallel(_ chunks: [Range<Int>], with parser: FileParser,
                                        piecesPerTask: Int) -> [(statements: [SQLStatement], errors: [SQLSyntaxError])] {
        let tasks = (chunks.count + piecesPerTask - 1) / piecesPerTask
        return ParallelRuns.map(count: tasks, runLength: 1) { task in
            var own = parser
            var statements: [SQLStatement] = []
            for chunk in chunks[(task * piecesPerTask)..<min((task + 1) * piecesPerTask, chunks.count)] {
                statements += own.statements(in: chunk)
            }
            return (statements, own.errors)
        }
    }
}
