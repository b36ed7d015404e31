import Foundation
import Postgres
import Replay
import Testing

/// Each test starts its own cluster in a temporary folder; none uses a shared server.
@Suite(.enabled(if: ThrowawayCluster.findBinaries() != nil,
                "no PostgreSQL server binaries (initdb, postgres) on PATH or under /usr/lib/postgresql/*/bin: install the Debian package `postgresql`"))
struct ThrowawayClusterTests {
    @Test func startsAnswersAndLeavesNothingBehind() throws {
        let cluster = try ThrowawayCluster()
        let pid = try #require(cluster.serverProcessID)
        let connection = try cluster.newDatabase()
        let rows = try connection.query("SELECT current_setting('fsync'), current_setting('listen_addresses'), $1::text", ["ok"]).rows
        #expect(rows == [["off", "", "ok"]])
        cluster.close()
        #expect(kill(pid, 0) != 0, "the server process is still running")
        #expect(!FileManager.default.fileExists(atPath: cluster.folder.path), "the cluster folder is still there")
    }

    @Test func errorFieldsArePostgreSQLs() throws {
        let cluster = try ThrowawayCluster()
        defer { cluster.close() }
        let connection = try cluster.newDatabase()
        do {
            try connection.execute("CREATE TABLE t (id integer);\nALTER TABLE t ALTER COLUMN missing SET NOT NULL")
            Issue.record("the statement should fail")
        } catch {
            #expect(error.sqlState == "42703")
            #expect(error.message.contains("\"missing\""))
            #expect(!error.connectionLost)
        }
        _ = try? connection.execute("ROLLBACK")
        try connection.execute("DROP TABLE IF EXISTS never_there")
        #expect(connection.takeNotices().contains { $0.contains("does not exist, skipping") })
        try connection.setStatementTimeout(milliseconds: 100)
        do {
            try connection.execute("SELECT pg_sleep(5)")
            Issue.record("the statement timeout should stop pg_sleep")
        } catch {
            #expect(error.isStatementTimeout)
        }
    }

    @Test func missingBinariesFailWithoutLeftovers() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-postgres-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(ThrowawayCluster.findBinaries(environment: ["PATH": empty.path], packageRoot: empty.path) == nil)
        #expect(ThrowawayCluster.noServer.message.contains("Debian package `postgresql`"))
        // Its own temporary root, so clusters other tests start at the same time cannot change the count.
        let root = empty.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: false)
        #expect(throws: ReplayServerError.self) { _ = try ThrowawayCluster(binaries: empty, temporaryRoot: root) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty, "a failed start left its folder behind")
    }

    @Test func aServerThatDiesIsReportedNotWaitedFor() throws {
        let cluster = try ThrowawayCluster()
        defer { cluster.close() }
        let connection = try cluster.newDatabase()
        let admin = try cluster.newDatabase()
        let pid = try #require(connection.query("SELECT pg_backend_pid()::text").rows.first?[0] ?? nil)
        _ = try admin.query("SELECT pg_terminate_backend($1::int)", [pid])
        do {
            try connection.execute("SELECT 1")
            Issue.record("a terminated connection should fail")
        } catch {
            #expect(error.connectionLost)
        }
    }
}
