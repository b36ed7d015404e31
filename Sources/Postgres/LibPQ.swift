import CLibPQ
import DynamicLibrary

/// libpq, loaded with `dlopen` the first time a connection is made (see `DynamicLibrary`): the one place that
/// names its functions. Every call goes through the table (`CLibPQ/shim.h`); libpq is not linked, so a direct
/// call would not link.
enum LibPQ {
    typealias Functions = schemalint_libpq

    static let description = DynamicLibrary.Description(
        name: "libpq (the PostgreSQL client library)", purpose: "connect to PostgreSQL",
        fileNames: fileNames, package: "libpq5", overrideVariable: "SCHEMALINT_LIBPQ")

    #if os(macOS)
    static let fileNames = ["libpq.5.dylib", "libpq.dylib"]
    #else
    static let fileNames = ["libpq.so.5", "libpq.so"]
    #endif

    /// Loaded once per process, by whichever thread asks first.
    static let loaded = Result { () throws(DynamicLibrary.Unavailable) in try load(description) }

    /// The functions, or a `PostgresError` saying which package to install.
    static func functions() throws(PostgresError) -> Functions {
        do { return try loaded.get() } catch { throw PostgresError(message: error.message, connectionLost: true) }
    }

    /// Loads libpq as `description` says and looks every function up.
    static func load(_ description: DynamicLibrary.Description) throws(DynamicLibrary.Unavailable) -> Functions {
        let library = try DynamicLibrary.open(description)
        return try Functions(
            PQconnectdb: library.function("PQconnectdb"),
            PQconnectdbParams: library.function("PQconnectdbParams"),
            PQstatus: library.function("PQstatus"),
            PQerrorMessage: library.function("PQerrorMessage"),
            PQfinish: library.function("PQfinish"),
            PQsetNoticeProcessor: library.function("PQsetNoticeProcessor"),
            PQexec: library.function("PQexec"),
            PQexecParams: library.function("PQexecParams"),
            PQclear: library.function("PQclear"),
            PQresultStatus: library.function("PQresultStatus"),
            PQtransactionStatus: library.function("PQtransactionStatus"),
            PQnfields: library.function("PQnfields"),
            PQntuples: library.function("PQntuples"),
            PQfname: library.function("PQfname"),
            PQgetisnull: library.function("PQgetisnull"),
            PQgetvalue: library.function("PQgetvalue"),
            PQresultErrorField: library.function("PQresultErrorField"),
            PQresultErrorMessage: library.function("PQresultErrorMessage"))
    }
}
