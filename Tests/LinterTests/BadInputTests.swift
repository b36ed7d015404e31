import Core
import Foundation
import Linter
import RuleEngine
import Testing

/// Bad input never crashes and never passes silently: each case is a located finding or an exit-2 error.
@Suite struct BadInputTests {
    let catalog = (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: [])

    private func run(_ files: [String: [UInt8]]) throws -> Report {
        try Engine.run(LintRequest(source: MemoryFileSource(files: files), configuration: Configuration(), configurationFile: nil, catalog: catalog))
    }

    private func onlyFinding(_ report: Report, _ rule: String) throws -> LocatedFinding {
        let matching = report.findings.filter { $0.finding.ruleID == rule }
        try #require(matching.count == 1, "expected one \(rule) finding, got \(report.findings.map(\.finding.message))")
        return matching[0]
    }

    @Test func binaryFileIsInvalidJSON() throws {
        let finding = try onlyFinding(try run(["gists/blob.json": [0x7B, 0x00, 0xFF, 0x10, 0x7D]]), "gist/invalid-json")
        #expect(finding.finding.message.contains("binary"))
        #expect(finding.finding.severity == .error)
    }

    @Test func nonUTF8FileIsInvalidJSONAtTheBadByte() throws {
        let bytes = Array("{\"name\": \"caf".utf8) + [0xE9] + Array("\"}".utf8)  // Latin-1 é
        let finding = try onlyFinding(try run(["gists/latin1.json": bytes]), "gist/invalid-json")
        #expect(finding.start == SourcePosition(line: 1, column: 14))
        #expect(finding.finding.message.contains("UTF-8"))
    }

    @Test func emptyFileIsInvalidJSON() throws {
        let finding = try onlyFinding(try run(["gists/empty.json": []]), "gist/invalid-json")
        #expect(finding.finding.message.contains("empty"))
    }

    @Test func fiveMegabyteFileIsParsedAndOverTheSizeLimit() throws {
        var text = "{\"events\": ["
        let record = "{\"at\": \"2026-11-24T08:00:00Z\", \"quantity\": 12345, \"kind\": \"api_call\"},"
        while text.utf8.count < 5_000_000 { text += record }
        text += "{}]}"
        let report = try run(["gists/huge.json": Array(text.utf8)])
        let finding = try onlyFinding(report, "gist/size-limit")
        #expect(finding.finding.severity == .error)
        #expect(finding.finding.message.contains("4.8 MB"))
        #expect(!report.findings.contains { $0.finding.ruleID == "gist/invalid-json" })
    }

    @Test func missingFolderIsAUsageError() throws {
        var options = CheckOptions()
        options.paths = ["/nonexistent/schemalint-\(UUID().uuidString)"]
        #expect(throws: UsageFailure.self) { try CheckRunner(options: options).run() }
    }

    @Test func unreadableFileIsAnInputErrorNamingIt() throws {
        struct FailingSource: FileSource {
            var name: String { "failing" }
            func listFiles() throws(InputError) -> [String] { ["gists/locked.json"] }
            func read(_ path: String) throws(InputError) -> [UInt8] { throw InputError(path: path, reason: "permission denied") }
        }
        #expect(throws: InputError(path: "gists/locked.json", reason: "permission denied")) {
            try Engine.run(LintRequest(source: FailingSource(), configuration: Configuration(), configurationFile: nil, catalog: catalog))
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root reads files whatever their mode; the stubbed source above covers the engine"))
    func unreadableFileOnDiskIsAnInputError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schemalint-\(UUID().uuidString)/gists")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("locked.json")
        try Data("{}".utf8).write(to: file)
        chmod(file.path, 0)
        #expect(throws: InputError.self) {
            try WorkTreeSource(root: folder.deletingLastPathComponent()).read("gists/locked.json")
        }
    }
}
