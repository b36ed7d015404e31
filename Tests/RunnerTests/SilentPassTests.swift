import Core
import Foundation
import Linter
import Testing
import TestSupport

/// Broken input that used to pass silently (exit 0, no finding): now a located finding or exit 2.
@Suite struct SilentPassTests {
    @Test func aDrizzleConfigThatIsNotUTF8IsAParseError() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("drizzle.config.ts", bytes: Array("export default { dialect: 'postgresql', schema: './s.ts' }; // caf".utf8) + [0xE9, 0x0A])
            try repo.write("s.ts", "import { pgTable, text } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { id: text('id').primaryKey() });\n")
        }
        defer { repo.remove() }
        let report = try lint(repo.root)
        #expect(report.summaries.contains("drizzle/parse-error drizzle.config.ts"), "\(report.summaries)")
        #expect(report.findings.first { $0.finding.path == "drizzle.config.ts" }?.finding.message.contains("not valid UTF-8") == true)
    }

    @Test func stagedWithAnUnresolvedConflictIsExitTwo() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.makeMergeConflict(at: "gists/c.json", base: "{\"v\": 1}\n", ours: "{\"v\": 3}\n", theirs: "{\"v\": 2}\n")
        }
        defer { repo.remove() }
        let message = usageFailure(repo.root, staged: true)
        #expect(message?.contains("unresolved merge conflicts (gists/c.json)") == true, "\(message ?? "no error")")
    }

    @Test func aMissingIndexFileIsExitTwo() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/a.json", GistText.secret)
            try repo.commitAll("base")
        }
        defer { repo.remove() }
        do {
            _ = try lint(repo.root, staged: true, environment: ["GIT_INDEX_FILE": repo.sandbox + "/no-such-index"])
            Issue.record("an index that does not exist was read as an empty one")
        } catch {
            #expect("\(error)".contains("GIT_INDEX_FILE names"), "\(error)")
        }
    }
}
