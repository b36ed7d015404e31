import Foundation
import Postgres

/// A PostgreSQL cluster of its own in a temporary folder: `initdb`, then `postgres` listening on a unix socket
/// only, with `fsync=off` (nothing here must survive a crash). `close()` stops the server and deletes the folder.
///
/// initdb and postgres refuse to run as root; as root (CI containers) both run as the `postgres` OS user that
/// Debian's package creates, or `nobody`, through `setpriv`, which execs the program itself, so the process
/// schemalint holds is the server and signals reach it.
public final class ThrowawayCluster: ReplayServer, @unchecked Sendable {
    public let folder: URL
    let binaries: URL
    private var server: Process?
    private let lock = NSLock()
    private var closed = false
    static let database = "postgres"

    /// Finds the server binaries, creates the cluster and starts it; on any failure nothing is left behind.
    /// `temporaryRoot` is where the cluster's folder goes (the system's temporary folder unless a test gives its own).
    public init(binaries: URL? = nil, temporaryRoot: URL = FileManager.default.temporaryDirectory) throws(ReplayServerError) {
        // Without libpq the readiness loop below could never connect: say so before running initdb.
        try loadClientLibrary()
        guard let binaries = binaries ?? Self.findBinaries() else { throw Self.noServer }
        self.binaries = binaries
        // Short: the socket path (`<folder>/.s.PGSQL.5432`) must fit in 107 bytes.
        let base = temporaryRoot.appendingPathComponent(
            "schemalint-replay-" + String(UInt32.random(in: 0...UInt32.max), radix: 16))
        folder = base
        do {
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: false)
        } catch {
            throw ReplayServerError("cannot create \(base.path): \(error.localizedDescription)")
        }
        do { try start() } catch {
            close()
            throw error
        }
    }

    public static let noServer = ReplayServerError("no PostgreSQL server found: install the Debian package `postgresql` (initdb and postgres, on PATH or under /usr/lib/postgresql/*/bin), or pass --database-url")

    /// `initdb` and `postgres` next to each other: on PATH, else the newest /usr/lib/postgresql/<version>/bin.
    public static func findBinaries(environment: [String: String] = ProcessInfo.processInfo.environment,
                                    packageRoot root: String = "/usr/lib/postgresql") -> URL? {
        let manager = FileManager.default
        func complete(_ folder: URL) -> Bool {
            manager.isExecutableFile(atPath: folder.appendingPathComponent("initdb").path)
                && manager.isExecutableFile(atPath: folder.appendingPathComponent("postgres").path)
        }
        for entry in (environment["PATH"] ?? "").split(separator: ":") where complete(URL(fileURLWithPath: String(entry))) {
            return URL(fileURLWithPath: String(entry))
        }
        let versions = ((try? manager.contentsOfDirectory(atPath: root)) ?? []).compactMap { name in Int(name).map { ($0, name) } }
        for (_, name) in versions.sorted(by: { $0.0 > $1.0 }) {
            let folder = URL(fileURLWithPath: "\(root)/\(name)/bin")
            if complete(folder) { return folder }
        }
        return nil
    }

    public var socketFolder: String { folder.path }

    private var databaseCount = 0

    public func newDatabase() throws(ReplayServerError) -> Connection {
        let name = lock.withLock { databaseCount += 1; return "replay_\(databaseCount)" }
        do {
            try Connection(conninfo(Self.database)).execute("CREATE DATABASE \(name)")
            return try Connection(conninfo(name))
        } catch {
            throw ReplayServerError("cannot use the throwaway cluster: \(error.message)")
        }
    }

    /// Another session on a database of this cluster (tests watch one session from another).
    public func connection(to database: String) throws(PostgresError) -> Connection {
        try Connection(conninfo(database))
    }

    func conninfo(_ database: String) -> String {
        "host=\(socketFolder) port=5432 user=postgres dbname=\(database)"
    }

    /// The server process id while it runs (tests check it is gone after `close()`).
    public var serverProcessID: Int32? { server?.processIdentifier }

    private func start() throws(ReplayServerError) {
        let data = folder.appendingPathComponent("data")
        let runAs = try Self.unprivilegedUser()
        if let runAs {
            // The unprivileged server must own its folder.
            _ = chown(folder.path, runAs.uid, runAs.gid)
        }
        let log = folder.appendingPathComponent("initdb.log")
        let initdb = try run(runAs, "initdb", ["-D", data.path, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                                                "--locale=C", "--no-sync", "--no-instructions"], log: log)
        initdb.waitUntilExit()
        guard initdb.terminationStatus == 0 else {
            throw ReplayServerError("initdb failed: \(Self.tail(of: log))")
        }
        let serverLog = folder.appendingPathComponent("server.log")
        let server = try run(runAs, "postgres", [
            "-D", data.path, "-k", folder.path, "-p", "5432", "-c", "listen_addresses=", "-c", "fsync=off",
            "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=10",
            "-c", "shared_buffers=32MB", "-c", "autovacuum=off",
        ], log: serverLog)
        self.server = server
        // Ready when it accepts a connection; a server that exits instead says why in its log.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if !server.isRunning { throw ReplayServerError("the throwaway PostgreSQL server did not start: \(Self.tail(of: serverLog))") }
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".s.PGSQL.5432").path),
               (try? Connection("host=\(socketFolder) port=5432 user=postgres dbname=\(Self.database) connect_timeout=2")) != nil {
                return
            }
            usleep(20_000)
        }
        throw ReplayServerError("the throwaway PostgreSQL server did not accept connections within 30 s: \(Self.tail(of: serverLog))")
    }

    private func run(_ user: (name: String, uid: UInt32, gid: UInt32)?, _ program: String, _ arguments: [String], log: URL) throws(ReplayServerError) -> Process {
        let process = Process()
        let executable = binaries.appendingPathComponent(program).path
        if let user {
            process.executableURL = URL(fileURLWithPath: Self.setpriv ?? "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        if let user { _ = chown(log.path, user.uid, user.gid) }
        let handle = try? FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment.removeValue(forKey: "PGDATA")
        process.environment = environment
        do { try process.run() } catch {
            throw ReplayServerError("cannot run \(executable): \(error.localizedDescription)")
        }
        return process
    }

    static var setpriv: String? {
        ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Who runs the server when schemalint runs as root: `postgres` (Debian's package creates it), else `nobody`.
    static func unprivilegedUser() throws(ReplayServerError) -> (name: String, uid: UInt32, gid: UInt32)? {
        guard getuid() == 0 else { return nil }
        guard setpriv != nil else {
            throw ReplayServerError("running as root, initdb needs an unprivileged user: install util-linux (setpriv) or run schemalint as another user")
        }
        for name in ["postgres", "nobody"] {
            if let entry = getpwnam(name) { return (name, entry.pointee.pw_uid, entry.pointee.pw_gid) }
        }
        throw ReplayServerError("running as root, initdb needs an unprivileged user: create a `postgres` user or run schemalint as another user")
    }

    static func tail(of log: URL) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n").suffix(3).joined(separator: " | ")
        return lines.isEmpty ? "no output" : lines
    }

    /// Fast shutdown (SIGINT: roll back, disconnect, exit), SIGKILL after 5 s; then the folder goes.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        if let server, server.isRunning {
            kill(server.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(5)
            while server.isRunning && Date() < deadline { usleep(10_000) }
            if server.isRunning {
                kill(server.processIdentifier, SIGKILL)
                server.waitUntilExit()
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { close() }
}
