/// Reads migration SQL with PostgreSQL's own parser (libpg_query).
public enum SQLParser {
    /// Parses a whole migration file. drizzle-kit files are split on `--> statement-breakpoint` first (as
    /// drizzle's migrator does), so a syntax error costs only its own piece; a piece that fails to parse is
    /// split again with libpg_query's scanner and each statement parsed alone. Thread-safe.
    public static func parseFile(_ bytes: [UInt8]) -> SQLFile {
        var parser = FileParser(bytes: bytes)
        var statements: [SQLStatement] = []
        for chunk in StatementBreakpoints.chunks(of: bytes) {
            statements += parser.statements(in: chunk)
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
}
