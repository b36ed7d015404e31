import Foundation
import Postgres

/// Why replay cannot run at all (exit 2): no server binaries, a cluster that does not start, a URL that refuses.
public struct ReplayServerError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Loads libpq (else loaded by the first connection), so that a replay without it fails before it starts a
/// server, with a message naming the package to install.
public func loadClientLibrary() throws(ReplayServerError) {
    do { try Connection.loadLibrary() } catch { throw ReplayServerError(error.message) }
}

/// A database to replay on, created for this run and removed by `close()`: a database on a given server, or a
/// whole throwaway cluster.
public protocol ReplayServer: AnyObject, Sendable {
    /// A connection to a new, empty database (one per migrations folder).
    func newDatabase() throws(ReplayServerError) -> Connection
    /// Drops the database or stops and deletes the cluster; safe to call twice and from a signal handler's queue.
    func close()
    /// Roles a replay created on the server (the Supabase stub's): they outlive a database, so `close()` drops them.
    func rolesCreated(_ roles: [String])
}

extension ReplayServer {
    /// A throwaway cluster goes away whole.
    public func rolesCreated(_ roles: [String]) {}
}

/// `--database-url`: a fresh `schemalint_replay_<random>` database on that server, dropped afterwards.
public final class DatabaseOnServer: ReplayServer, @unchecked Sendable {
    let url: String
    private let lock = NSLock()
    private var created: [String] = []
    private var roles: [String] = []
    private var closed = false

    public init(url: String) { self.url = url }

    public func newDatabase() throws(ReplayServerError) -> Connection {
        let database = "schemalint_replay_" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        do {
            try Connection(url).execute("CREATE DATABASE \(Connection.quoteIdentifier(database))")
        } catch {
            throw ReplayServerError("cannot create a replay database on the server of --database-url: \(error.message)")
        }
        lock.withLock { created.append(database) }
        do { return try Connection(url, database: database) } catch {
            throw ReplayServerError("cannot connect to the replay database \(database): \(error.message)")
        }
    }

    /// The databases this run created (tests check they are gone).
    public var databases: [String] { lock.withLock { created } }

    public func rolesCreated(_ roles: [String]) { lock.withLock { self.roles += roles } }

    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        guard let admin = try? Connection(url) else { return }
        for database in created {
            _ = try? admin.execute("DROP DATABASE IF EXISTS \(Connection.quoteIdentifier(database)) WITH (FORCE)")
        }
        for role in roles { _ = try? admin.execute("DROP ROLE IF EXISTS \(Connection.quoteIdentifier(role))") }
    }
}
