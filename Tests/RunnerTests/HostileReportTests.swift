import Core
import Foundation
import Linter
import Reporters
import Testing
import TestSupport

/// What reports show of hostile input: bounded code frames, escaped names and text, masked credentials.
@Suite struct HostileReportTests {
    static func render(_ report: Report, _ reporter: any Reporter) throws -> String {
        reporter.render(report, RenderContext(toolVersion: "test", catalog: try RuleCatalog.builtIn.get()))
    }

    /// Row 3: a one-line journal whose entries all point at missing files.
    @Test func findingsOnOneHugeLineShowAWindowNotTheLine() throws {
        let repo = try TemporaryRepository.make { repo in
            let entries = (0..<2_000).map { #"{"idx":\#($0),"version":"7","when":1700000000000,"tag":"\#(String(format: "%04d", $0))_gone","breakpoints":true}"# }
            try repo.write("drizzle/meta/_journal.json", #"{"version":"7","dialect":"postgresql","entries":["# + entries.joined(separator: ",") + "]}")
        }
        defer { repo.remove() }
        let start = Date()
        let report = try lint(repo.root)
        let missing = report.findings.filter { $0.finding.ruleID == "migration/journal-mismatch" }
        #expect(missing.count == 4_000, "a missing migration and a missing snapshot per entry")
        let longest = report.findings.map(\.sourceLine.utf8.count).max() ?? 0
        #expect(longest <= CodeFrame.bytesBefore + CodeFrame.bytesAfter, "a window, not the \(longest)-byte line")
        let last = try #require(missing.last)
        #expect(last.sourceLineColumn > 1 && last.sourceLine.contains("1999_gone"))
        let text = try Self.render(report, TextReporter())
        #expect(text.utf8.count < 4_000 * 1_000)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    /// Row 4: one line, many schema violations.
    @Test func manyViolationsOnOneLineStayBounded() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/schemas/list.schema.json", #"{"type": "array", "items": {"type": "string"}}"#)
            let items = Array(repeating: "1", count: 3_000).joined(separator: ",")
            try repo.write("gists/list.json", "[\(items)]")
            try repo.write(".schemalint.yml", "gists:\n  map:\n    gists/list.json: gists/schemas/list.schema.json\n")
        }
        defer { repo.remove() }
        let report = try lint(repo.root)
        let violations = report.findings.filter { $0.finding.ruleID == "gist/schema-violation" }
        #expect(violations.count == 3_000)
        #expect((report.findings.map(\.sourceLine.utf8.count).max() ?? 0) <= CodeFrame.bytesBefore + CodeFrame.bytesAfter)
        let text = try Self.render(report, TextReporter())
        let frame = try #require(text.split(separator: "\n").first { $0.hasPrefix("  1 | ") && $0.contains("…") })
        #expect(frame.count < 300)
    }

    /// Row 7: an exponential schema is reported as not checked, not as a failure.
    @Test func anUndecidedValidationIsNotCalledAFailure() throws {
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/schemas/r.schema.json", ##"{"allOf": [{"$ref": "#"}, {"$ref": "#"}]}"##)
            try repo.write("gists/r.json", #"{"$schema": "./schemas/r.schema.json"}"#)
        }
        defer { repo.remove() }
        let messages = try lint(repo.root).findings.filter { $0.finding.ruleID == "gist/schema-violation" }.map(\.finding.message)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("the document could not be checked: the schema is too expensive to evaluate") == true, "\(messages)")
    }

    /// Row 15: a Gist holding a GitHub token.
    @Test func credentialsAreMaskedInEveryFormat() throws {
        let token = "ghp_" + String(repeating: "A1b2C3d4", count: 4) + "wxyz"
        let repo = try TemporaryRepository.make { repo in
            try repo.write("gists/schemas/ci.schema.json", #"{"type": "object", "properties": {"token": {"pattern": "^env:"}}}"#)
            try repo.write("gists/ci.json", "{\"$schema\": \"./schemas/ci.schema.json\", \"token\": \"\(token)\"}\n")
        }
        defer { repo.remove() }
        let report = try lint(repo.root)
        #expect(report.findings.contains { $0.finding.ruleID == "gist/secret" })
        #expect(report.findings.contains { $0.finding.ruleID == "gist/schema-violation" }, "its message quotes the value")
        for reporter in [TextReporter(), JSONReporter(), SARIFReporter(), GitHubReporter(), JUnitReporter()] as [any Reporter] {
            let output = try Self.render(report, reporter)
            #expect(!output.contains(token.prefix(12)), "\(type(of: reporter)) shows the token")
        }
        #expect(try Self.render(report, TextReporter()).contains("\"ghp_****"))
    }

    /// Row 15, outside Gists: a token in a schema default that drift quotes, and a service-role JWT and a
    /// connection-string password on the lines of migration findings. No rule reports them as credentials; no
    /// report shows them.
    @Test func credentialsOutsideGistsAreMaskedInEveryFormat() throws {
        let token = "ghp_" + String(repeating: "Q9w8E7r6", count: 4) + "tuvw"
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWc"
        let repo = try TemporaryRepository.make { repo in
            try MonorepoTests.copyExample("clean", into: repo)
            let schema = try String(decoding: repo.read("src/db/schema.ts"), as: UTF8.self)
            try repo.write("src/db/schema.ts", schema.replacingOccurrences(
                of: "planId: text('plan_id').notNull(),", with: "planId: text('plan_id').notNull().default('\(token)'),"))
            try repo.write("supabase/migrations/20250101000000_hook.sql", """
                create function notify() returns trigger language plpgsql security definer as $$ begin perform net.http_post('u', '{"a": "Bearer \(jwt)"}'); return new; end $$;
                create function touch() returns trigger language plpgsql security definer as $$ begin perform dblink('postgres://app:hunter2-SECRET@db:5432/postgres', 'x'); return new; end $$;
                create function signer() returns text language sql security definer as $$ select '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0\\n-----END PRIVATE KEY-----' $$;

                """)
            try repo.commitAll("fixture")
        }
        defer { repo.remove() }
        let report = try lint(repo.root)
        #expect(report.findings.contains { $0.finding.ruleID == "schema/migration-drift" && $0.finding.message.contains("ghp_…") })
        #expect(report.findings.contains { $0.sourceLine.contains("Bearer eyJh***") })
        #expect(report.findings.contains { $0.sourceLine.contains("postgres://app:hunt***") })
        for reporter in [TextReporter(), JSONReporter(), SARIFReporter(), GitHubReporter(), JUnitReporter()] as [any Reporter] {
            let output = try Self.render(report, reporter)
            for secret in [String(token.prefix(12)), String(jwt.prefix(12)), "hunter2", "ADANBgkqhkiG9w0"] {
                #expect(!output.contains(secret), "\(type(of: reporter)) shows \(secret)")
            }
        }
    }

    /// Row 14: file names and values that carry line breaks or terminal escapes.
    @Test func namesAndTextFromInputsAreEscaped() throws {
        let name = "gists/a\n::error file=evil.ts,line=1::injected\nb.json"
        let repo = try TemporaryRepository.make { repo in
            try repo.write(name, "{\"note\": \"x\u{1B}[2J\",}\n")
            try repo.write("gists/\u{1B}[31mred.json", "{,}\n")
        }
        defer { repo.remove() }
        let report = try lint(repo.root)
        #expect(report.findings.count == 2)
        for reporter in [TextReporter(), GitHubReporter(), JUnitReporter()] as [any Reporter] {
            let output = try Self.render(report, reporter)
            #expect(!output.split(separator: "\n").contains { $0.hasPrefix("::error file=evil.ts") }, "\(type(of: reporter))")
            #expect(!output.contains("\u{1B}"), "\(type(of: reporter)) prints an escape sequence raw")
        }
        let text = try Self.render(report, TextReporter())
        #expect(text.contains("gists/a\\n::error file=evil.ts,line=1::injected\\nb.json:1:"))
        #expect(text.contains("gists/\\u{1B}[31mred.json:1:2:"))
    }
}
