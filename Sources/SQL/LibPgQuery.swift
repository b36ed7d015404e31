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

    /// `pg_query_parse`: the parse tree, read straight from libpg_query's JSON text.
    static func parse(_ text: [CChar]) -> Result<ParseOutput, Failure> {
        let result = text.withUnsafeBufferPointer { pg_query_parse($0.baseAddress) }
        defer { pg_query_free_parse_result(result) }
        if let error = result.error { return .failure(failure(error)) }
        return .success(withBytes(result.parse_tree) { json in
            ParseTree(json).map(ParseOutput.tree) ?? .tooDeep(leadingNodeTag: FileParser.leadingNodeTag(json))
        })
    }

    /// `pg_query_parse_plpgsql`: the PL/pgSQL function tree (`nil` when nested too deeply to read).
    static func parsePLpgSQL(_ text: [CChar]) -> Result<ParseTree?, Failure> {
        let result = text.withUnsafeBufferPointer { pg_query_parse_plpgsql($0.baseAddress) }
        defer { pg_query_free_plpgsql_parse_result(result) }
        if let error = result.error { return .failure(failure(error)) }
        return .success(withBytes(result.plpgsql_funcs, ParseTree.init))
    }

    /// Whether PostgreSQL's grammar accepts the text: `pg_query_split_with_parser` for its verdict only (it writes
    /// no tree, so it costs a fraction of `parse`).
    static func accepts(_ text: [CChar]) -> Bool {
        let result = text.withUnsafeBufferPointer { pg_query_split_with_parser($0.baseAddress) }
        defer { pg_query_free_split_result(result) }
        return result.error == nil
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
    /// so they become spaces (the caller reports them); `mayHoldNUL: false` says the bytes hold none.
    static func cText(_ bytes: [UInt8], _ range: Range<Int>, mayHoldNUL: Bool = true) -> [CChar] {
        [CChar](unsafeUninitializedCapacity: range.count + 1) { text, count in
            bytes.withUnsafeBufferPointer { source in
                UnsafeMutableRawBufferPointer(text).copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: source[range])))
            }
            if mayHoldNUL {
                for index in 0..<range.count where text[index] == 0 { text[index] = 0x20 }
            }
            text[range.count] = 0
            count = range.count + 1
        }
    }

    private static func failure(_ error: UnsafeMutablePointer<PgQueryError>) -> Failure {
        let message = error.pointee.message.map { String(cString: $0) } ?? "syntax error"
        return Failure(message: message, cursorPosition: Int(error.pointee.cursorpos))
    }

    /// The bytes of a C string (none for a null pointer), valid inside `body`.
    private static func withBytes<Result>(_ pointer: UnsafeMutablePointer<CChar>?, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let pointer else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let length = strlen(pointer)
        return pointer.withMemoryRebound(to: UInt8.self, capacity: length) { body(UnsafeBufferPointer(start: $0, count: length)) }
    }
}
