import CPgQuery

/// The only place that calls libpg_query: each call copies what it needs out of the C result and frees it.
enum LibPgQuery {
    /// A parser error: PostgreSQL's message and the 1-based character position (0 when unknown).
    struct Failure: Error {
        var message: String
        var cursorPosition: Int
    }

    /// A statement's place in the text given to the splitter (byte offsets).
    struct Piece {
        var location: Int
        var length: Int
    }

    /// `pg_query_parse`: the parse tree as JSON text.
    static func parse(_ text: [CChar]) -> Result<[UInt8], Failure> {
        let result = text.withUnsafeBufferPointer { pg_query_parse($0.baseAddress) }
        defer { pg_query_free_parse_result(result) }
        if let error = result.error { return .failure(failure(error)) }
        return .success(copyCString(result.parse_tree))
    }

    /// `pg_query_parse_plpgsql`: the PL/pgSQL function tree as JSON text.
    static func parsePLpgSQL(_ text: [CChar]) -> Result<[UInt8], Failure> {
        let result = text.withUnsafeBufferPointer { pg_query_parse_plpgsql($0.baseAddress) }
        defer { pg_query_free_plpgsql_parse_result(result) }
        if let error = result.error { return .failure(failure(error)) }
        return .success(copyCString(result.plpgsql_funcs))
    }

    /// `pg_query_split_with_scanner`: statement boundaries that survive syntax errors.
    static func splitWithScanner(_ text: [CChar]) -> Result<[Piece], Failure> {
        let result = text.withUnsafeBufferPointer { pg_query_split_with_scanner($0.baseAddress) }
        defer { pg_query_free_split_result(result) }
        if let error = result.error { return .failure(failure(error)) }
        var pieces: [Piece] = []
        if let statements = result.stmts {
            for index in 0..<Int(max(result.n_stmts, 0)) {
                guard let statement = statements[index] else { continue }
                pieces.append(Piece(location: Int(statement.pointee.stmt_location), length: Int(statement.pointee.stmt_len)))
            }
        }
        return .success(pieces)
    }

    /// A NUL-terminated copy of `bytes[range]` for the C API. NUL bytes inside would end the text early,
    /// so they become spaces (the caller reports them).
    static func cText(_ bytes: [UInt8], _ range: Range<Int>) -> [CChar] {
        var text = [CChar]()
        text.reserveCapacity(range.count + 1)
        for byte in bytes[range] { text.append(CChar(bitPattern: byte == 0 ? 0x20 : byte)) }
        text.append(0)
        return text
    }

    private static func failure(_ error: UnsafeMutablePointer<PgQueryError>) -> Failure {
        let message = error.pointee.message.map { String(cString: $0) } ?? "syntax error"
        return Failure(message: message, cursorPosition: Int(error.pointee.cursorpos))
    }

    private static func copyCString(_ pointer: UnsafeMutablePointer<CChar>?) -> [UInt8] {
        guard let pointer else { return [] }
        var length = 0
        while pointer[length] != 0 { length += 1 }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }
}
