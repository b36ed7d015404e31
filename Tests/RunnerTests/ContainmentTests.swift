import Core
import Foundation
import Linter
import Testing
import TestSupport

/// Nothing outside the repository is read or written because a configuration says so, and `--output` never
/// replaces a file the run reads.
@Suite struct ContainmentTests {
    static func repository() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.clean)
            try repo.write("src/db/schema.ts", "import { pgTable, text } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { id: text('id').primaryKey() });\n")
        }
    }

    static func runCheck(_ folder: String, output: String) -> String? {
        var options = CheckOptions()
        options.paths = [folder]
        options.output = output
        do {
            _ = try CheckRunner(options: options, environment: [:]).run()
            return nil
        } catch {
            return error.message
        }
    }

    @Test(arguments: ["src/db/schema.ts", "gists/mail.json", ".schemalint.yml", "src/../src/db/schema.ts"])
    func outputNamingAnInputIsRefused(_ output: String) throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write(".schemalint.yml", "rules:\n  gist/secret: error\n")
        let before = try repo.read(String(output.replacingOccurrences(of: "src/../", with: "")))
        let message = Self.runCheck(repo.root, output: repo.path(output))
        #expect(message?.contains("which this run reads") == true, "\(message ?? "no error")")
        #expect(try repo.read(String(output.replacingOccurrences(of: "src/../", with: ""))) == before, "the input is untouched")
    }

    @Test func outputThroughASymlinkToAnInputIsRefused() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try FileManager.default.createSymbolicLink(atPath: repo.path("report.txt"), withDestinationPath: "src/db/schema.ts")
        #expect(Self.runCheck(repo.root, output: repo.path("report.txt"))?.contains("src/db/schema.ts") == true)
    }

    @Test func outputToANewOrUnreadFileIsWritten() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write("report.txt", "old report\n")
        #expect(Self.runCheck(repo.root, output: repo.path("report.txt")) == nil)
        #expect(String(decoding: try repo.read("report.txt"), as: UTF8.self).contains("0 errors"))
    }

    @Test(arguments: ["baseline: ../victim.txt", "baseline: /etc/passwd", "migrations:\n  folder: ../elsewhere",
                      "drizzle:\n  config: ../drizzle.config.ts"])
    func configuredPathOutsideTheRepositoryIsAConfigurationError(_ line: String) throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write(".schemalint.yml", line + "\n")
        let message = usageFailure(repo.root)
        #expect(message?.contains("leads outside the repository") == true, "\(message ?? "no error")")
    }

    @Test func baselineSymlinkLeadingOutsideIsNeitherReadNorWritten() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let victim = repo.sandbox + "/victim.txt"
        try "do not touch\n".write(toFile: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: repo.path(".schemalint-baseline.json"), withDestinationPath: victim)
        #expect(usageFailure(repo.root)?.contains("leads outside the repository") == true)
        var options = CheckOptions()
        options.paths = [repo.root]
        #expect(throws: UsageFailure.self) { try CheckRunner(options: options, environment: [:]).writeBaseline() }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "do not touch\n")
    }

    @Test func pathsInsideTheRepositoryStayAllowed() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try FileManager.default.createDirectory(atPath: repo.path("config"), withIntermediateDirectories: true)
        try repo.write(".schemalint.yml", "baseline: config/../config/baseline.json\n")
        #expect(usageFailure(repo.root) == nil)
    }
}
