import CLibPQ
import Foundation

/// What PostgreSQL said when it rejected a statement (its error fields), or why the connection failed.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The SQLSTATE code (`42P01`); nil when the failure is not the server's (connection lost, no server).
    public var sqlState: String?
    public var detail: String?
    public var hint: String?
    /// 1-based character position in the statement text, when the server gives one.
    public var position: Int?
    /// The connection is gone (the server died or closed it): nothing more can run on it.
    public var connectionLost: Bool

    public init(message: String, sqlState: String? = nil, detail: String? = nil, hint: String? = nil,
                position: Int? = nil, connectionLost: Bool = false) {
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.position = position
        self.connectionLost = connectionLost
    }

    public var description: String { message + (sqlState.map { " (SQLSTATE \($0))" } ?? "") }

    /// `57014`: canceled by `statement_timeout`.
    public var isStatementTimeout: Bool { sqlState == "57014" }
}

/// Rows of a query, every value as text (nil for NULL), in the server's order.
public struct QueryResult: Sendable {
    public var columns: [String]
    public var rows: [[String?]]

    /// The rows as dictionaries by column name, for readable catalog queries.
    public var records: [[String: String?]] {
        rows.map { row in Dictionary(uniqueKeysWithValues: zip(columns, row).map { ($0, $1) }) }
    }
}

/// One libpq connection. Not shared between threads: replay is sequential by nature.
public final class Connection {
    private let handle: OpaquePointer
    private let noticeBox: NoticeBox
    /// libpq's functions (`LibPQ`), loaded by the first connection.
    private let lib: LibPQ.Functions

    /// Loads libpq now rather than at the first connection, so that a command fails before it starts anything
    /// when the library is missing (the message names the package to install).
    public static func loadLibrary() throws(PostgresError) {
        _ = try LibPQ.functions()
    }

    /// Connects with a libpq connection string or URL (`postgresql://…`, `host=/tmp/x dbname=postgres`).
    public convenience init(_ conninfo: String) throws(PostgresError) {
        let lib = try LibPQ.functions()
        try self.init(lib, connected: lib.PQconnectdb(conninfo))
    }

    private init(_ lib: LibPQ.Functions, connected: OpaquePointer?) throws(PostgresError) {
        guard let handle = connected else { throw PostgresError(message: "out of memory", connectionLost: true) }
        guard lib.PQstatus(handle) == CONNECTION_OK else {
            let message = Self.trimmed(lib.PQerrorMessage(handle))
            lib.PQfinish(handle)
            throw PostgresError(message: message, connectionLost: true)
        }
        self.handle = handle
        self.lib = lib
        noticeBox = NoticeBox()
        let context = Unmanaged.passUnretained(noticeBox).toOpaque()
        _ = lib.PQsetNoticeProcessor(handle, { context, message in
            guard let context, let message else { return }
            Unmanaged<NoticeBox>.fromOpaque(context).takeUnretainedValue().notices.append(Connection.trimmed(message))
        }, context)
    }

    deinit { lib.PQfinish(handle) }

    /// Connects to `database` on the server a connection string or URL names (its own database name is replaced).
    public convenience init(_ conninfo: String, database: String) throws(PostgresError) {
        // libpq expands the first `dbname` as a connection string; a later `dbname` overrides the one inside it.
        try self.init(parameters: [("dbname", conninfo), ("dbname", database)])
    }

    private convenience init(parameters: [(String, String)]) throws(PostgresError) {
        let keys = parameters.map { strdup($0.0) }, values = parameters.map { strdup($0.1) }
        defer { (keys + values).forEach { free($0) } }
        let keyPointers = keys.map { UnsafePointer($0) } + [nil], valuePointers = values.map { UnsafePointer($0) } + [nil]
        let lib = try LibPQ.functions()
        let connection = keyPointers.withUnsafeBufferPointer { keyBuffer in
            valuePointers.withUnsafeBufferPointer { valueBuffer in
                lib.PQconnectdbParams(keyBuffer.baseAddress, valueBuffer.baseAddress, 1)
            }
        }
        try self.init(lib, connected: connection)
    }

    /// Server notices (`NOTICE: relation "x" already exists, skipping`) since the last call, oldest first.
    public func takeNotices() -> [String] {
        defer { noticeBox.notices = [] }
        return noticeBox.notices
    }

    /// Runs one or more statements (simple query protocol, as drizzle-kit's migrator sends a migration's
    /// statements); returns the last statement's rows.
    @discardableResult
    public func execute(_ sql: String) throws(PostgresError) -> QueryResult {
        guard let result = lib.PQexec(handle, sql) else { throw lostOrError() }
        defer { lib.PQclear(result) }
        switch lib.PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY: return QueryResult(columns: [], rows: [])
        case PGRES_TUPLES_OK: return rows(of: result)
        default: throw error(from: result)
        }
    }

    /// Runs a query with text parameters (`$1`, `$2`).
    public func query(_ sql: String, _ parameters: [String] = []) throws(PostgresError) -> QueryResult {
        let copies = parameters.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        let result = pointers.withUnsafeBufferPointer { buffer in
            lib.PQexecParams(handle, sql, Int32(parameters.count), nil, buffer.baseAddress, nil, nil, 0)
        }
        guard let result else { throw lostOrError() }
        defer { lib.PQclear(result) }
        switch lib.PQresultStatus(result) {
        case PGRES_COMMAND_OK: return QueryResult(columns: [], rows: [])
        case PGRES_TUPLES_OK: return rows(of: result)
        default: throw error(from: result)
        }
    }

    /// Bounds every later statement: PostgreSQL cancels one that runs longer (SQLSTATE 57014).
    public func setStatementTimeout(milliseconds: Int) throws(PostgresError) {
        try execute("SET statement_timeout = \(max(0, milliseconds))")
    }

    public var isAlive: Bool { lib.PQstatus(handle) == CONNECTION_OK }

    /// Inside a transaction block (a migration's own `COMMIT` can end the migrator's early).
    public var isInTransaction: Bool {
        let status = lib.PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    private func rows(of result: OpaquePointer) -> QueryResult {
        let columnCount = lib.PQnfields(result), rowCount = lib.PQntuples(result)
        let columns = (0..<columnCount).map { Self.text(lib.PQfname(result, $0)) }
        let rows = (0..<rowCount).map { row in
            (0..<columnCount).map { column -> String? in
                lib.PQgetisnull(result, row, column) == 1 ? nil : Self.text(lib.PQgetvalue(result, row, column))
            }
        }
        return QueryResult(columns: columns, rows: rows)
    }

    private func error(from result: OpaquePointer) -> PostgresError {
        func field(_ code: Character) -> String? {
            guard let value = lib.PQresultErrorField(result, Int32(code.asciiValue ?? 0)) else { return nil }
            return String(cString: value)
        }
        let message = field("M") ?? Self.trimmed(lib.PQresultErrorMessage(result))
        return PostgresError(message: message, sqlState: field("C"), detail: field("D"), hint: field("H"),
                             position: field("P").flatMap { Int($0) }, connectionLost: lib.PQstatus(handle) != CONNECTION_OK)
    }

    private func lostOrError() -> PostgresError {
        PostgresError(message: Self.trimmed(lib.PQerrorMessage(handle)), connectionLost: lib.PQstatus(handle) != CONNECTION_OK)
    }

    /// A value or column name (libpq returns NULL only for a row or column out of range, which is never asked).
    private static func text(_ text: UnsafePointer<CChar>?) -> String {
        text.map { String(cString: $0) } ?? ""
    }

    static func trimmed(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "" }
        var value = String(cString: text)
        while value.last?.isWhitespace == true { value.removeLast() }
        return value
    }

    /// Quotes an identifier for SQL text (`"schemalint_replay_x"`).
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Where the notice processor collects notices (a class: libpq holds a raw pointer to it).
private final class NoticeBox {
    var notices: [String] = []
}
