import Foundation
import Replay
import Testing
import TestSupport

/// `schemalint replay` end to end: exit codes, and no cluster left behind after success, failure or Ctrl-C.
/// Each run gets its own TMPDIR, so "nothing left" means that folder is empty again.
@Suite(.enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing),
       .enabled(if: ThrowawayCluster.findBinaries() != nil, "no PostgreSQL server binaries: install the Debian package `postgresql`"))
struct ReplayCommandTests {
    static let journal = """
        { "version": "7", "dialect": "postgresql", "entries": [
          { "idx": 0, "version": "7", "when": 1730419200000, "tag": "0000_init", "breakpoints": true } ] }
        """

    func repository(_ sql: String) throws -> (TemporaryRepository, String) {
        let repository = try TemporaryRepository.make { repo in
            try repo.write("drizzle/meta/_journal.json", Self.journal)
            try repo.write("drizzle/0000_init.sql", sql)
        }
        // Directly under /tmp: the server (the `postgres` user when tests run as root) must reach it, and the
        // socket path must stay short.
        let temporary = "/tmp/slr-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        return (repository, temporary)
    }

    @Test func successAndFailureLeaveNothingBehind() throws {
        let (good, goodTemp) = try repository("CREATE TABLE \"t\" (\"id\" integer PRIMARY KEY);")
        defer { good.remove(); try? FileManager.default.removeItem(atPath: goodTemp) }
        // --trace-locks adds a second database and seeding: gone with the cluster too.
        let passed = try BuiltBinary.run(["replay", ".", "--trace-locks"], in: good.root, environment: ["TMPDIR": goodTemp])
        #expect(passed.status == 0, "\(passed.output)\(passed.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: goodTemp).isEmpty)

        let (bad, badTemp) = try repository("ALTER TABLE \"missing\" ADD COLUMN \"n\" integer;")
        defer { bad.remove(); try? FileManager.default.removeItem(atPath: badTemp) }
        let failed = try BuiltBinary.run(["replay", ".", "--format", "json"], in: bad.root, environment: ["TMPDIR": badTemp])
        #expect(failed.status == 1)
        #expect(failed.output.contains("replay/apply-failed") && failed.output.contains("42P01"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: badTemp).isEmpty)
    }

    @Test func ctrlCStopsTheServerAndDeletesTheCluster() throws {
        let (repository, temporary) = try repository("SELECT pg_sleep(60);")
        defer { repository.remove(); try? FileManager.default.removeItem(atPath: temporary) }
        let binary = try #require(BuiltBinary.url)
        let process = Process()
        process.executableURL = binary
        process.arguments = ["replay", "."]
        process.currentDirectoryURL = URL(fileURLWithPath: repository.root)
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the server runs the sleeping migration (its socket exists), then interrupt.
        let deadline = Date().addingTimeInterval(30)
        var socketFolder: String?
        while Date() < deadline, socketFolder == nil {
            socketFolder = try FileManager.default.contentsOfDirectory(atPath: temporary)
                .map { temporary + "/" + $0 }
                .first { FileManager.default.fileExists(atPath: $0 + "/.s.PGSQL.5432") }
            usleep(50_000)
        }
        let cluster = try #require(socketFolder, "the cluster never started")
        let postmaster = try String(contentsOfFile: cluster + "/data/postmaster.pid", encoding: .utf8)
        let serverPID = try #require(Int32(postmaster.split(separator: "\n").first ?? ""))
        usleep(500_000)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(kill(serverPID, 0) != 0, "the server process survived Ctrl-C")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "the cluster folder survived Ctrl-C")
    }
}
