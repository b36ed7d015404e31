import Core
import Foundation
import Linter
import Testing
import TestSupport

/// `schemalint baseline` records today's findings; `check` then reports only new ones (SPEC §4).
@Suite struct BaselineTests {
    static func writeBaseline(_ folder: String) throws -> (path: String, count: Int) {
        var options = CheckOptions()
        options.paths = [folder]
        return try CheckRunner(options: options, environment: [:]).writeBaseline()
    }

    @Test func baselinedFindingsStayBaselinedWhenUnrelatedLinesMoveAndNewOnesAreReported() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.secret)
        }
        defer { repo.remove() }
        let written = try Self.writeBaseline(repo.root)
        #expect(written.count == 1)
        #expect(written.path == repo.path(".schemalint-baseline.json"))

        var report = try lint(repo.root)
        #expect(report.findings.isEmpty)
        #expect(report.baselinedCount == 1)

        // Unrelated lines above the finding: same fingerprint, still baselined.
        try repo.write("gists/mail.json", "{\n  \"owner\": \"ops\",\n  \"region\": \"eu\",\n" + GistText.secret.dropFirst(2))
        report = try lint(repo.root)
        #expect(report.findings.isEmpty)
        #expect(report.baselinedCount == 1)

        // A new finding is reported; the old one stays baselined.
        try repo.write("gists/mail.json", "{\n  \"token\": \"ghp_0123456789abcdefghijABCDEFGHIJ012345\",\n" + GistText.secret.dropFirst(2))
        report = try lint(repo.root)
        #expect(report.summaries == ["gist/secret gists/mail.json"])
        #expect(report.findings.first?.start.line == 2)
        #expect(report.baselinedCount == 1)
    }

    @Test func theFileIsSortedStableJSONForHumans() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/b.json", GistText.secret)
            try repo.write("gists/a.json", GistText.broken)
            try repo.write(".schemalint.yml", "baseline: config/accepted.json\n")
            try FileManager.default.createDirectory(atPath: repo.path("config"), withIntermediateDirectories: true)
        }
        defer { repo.remove() }
        let first = try Self.writeBaseline(repo.root)
        #expect(first.path == repo.path("config/accepted.json"))
        let bytes = try repo.read("config/accepted.json")
        _ = try Self.writeBaseline(repo.root)
        #expect(try repo.read("config/accepted.json") == bytes, "rewriting an unchanged baseline changes nothing")

        let parsed = try BaselineFile.parse(bytes, file: "config/accepted.json")
        #expect(parsed.entries.map(\.path) == ["gists/a.json", "gists/b.json"])
        #expect(parsed.entries.map(\.rule) == ["gist/invalid-json", "gist/secret"])
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"tool\": \"schemalint\",\n  \"findings\": [\n    {\n      \"fingerprint\": \""))
        #expect(text.contains("\"message\": \"literal credential in `password`"))
        #expect(try lint(repo.root).findings.isEmpty)
    }

    @Test func aBrokenBaselineIsAUsageError() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.write(".schemalint-baseline.json", "{\n  \"findings\": [\n    {\"rule\": \"x\"}\n  ]\n}\n")
        }
        defer { repo.remove() }
        #expect(usageFailure(repo.root) == ".schemalint-baseline.json:3:5: a baseline entry has no `fingerprint` string")
        try repo.write(".schemalint-baseline.json", "{ not json")
        #expect(usageFailure(repo.root)?.hasPrefix(".schemalint-baseline.json:1:3: the baseline is not valid JSON") == true)
    }

    @Test func stagedModeReadsTheStagedBaseline() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.secret)
            try repo.git("add", "--all")
        }
        defer { repo.remove() }
        _ = try Self.writeBaseline(repo.root)
        // The baseline is not staged yet: the commit would not carry it.
        #expect(try lint(repo.root, staged: true).summaries == ["gist/secret gists/mail.json"])
        try repo.git("add", ".schemalint-baseline.json")
        let report = try lint(repo.root, staged: true)
        #expect(report.findings.isEmpty)
        #expect(report.baselinedCount == 1)
    }
}
