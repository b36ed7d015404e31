import Core
import Foundation
import Linter
import RuleEngine
import Testing

/// Every example of every catalog entry, run as a test: invalid examples must produce exactly the marked spans,
/// valid ones nothing, also after mutations (CRLF line endings, a multi-byte first line).
@Suite struct RuleExampleTests {
    static let catalog: RuleCatalog = (try? RuleCatalog.builtIn.get()) ?? RuleCatalog(entries: [])

    /// `replay/` examples need a PostgreSQL server: ReplayTests runs them through `schemalint replay`.
    static let cases: [ExampleCase] = catalog.ids.filter { !RuleRegistry.replayRuleIDs.contains($0) }.flatMap { id -> [ExampleCase] in
        guard let entry = catalog[id] else { return [] }
        let invalid = entry.invalidExamples.enumerated().map { ExampleCase(ruleID: id, kind: "invalid", index: $0.offset, example: $0.element) }
        let valid = entry.validExamples.enumerated().map { ExampleCase(ruleID: id, kind: "valid", index: $0.offset, example: $0.element) }
        return invalid + valid
    }

    @Test func catalogLoads() throws {
        _ = try RuleCatalog.builtIn.get()
    }

    static let rulesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules")

    /// The parameterized test above passes with no cases at all when the catalog does not load or loses examples,
    /// so the number of cases is checked against `rules/` as written on disk, counted from the text: one case per
    /// list item under `examples:` (`    - …`), one more per `prisma:` rendering, `replay/` left out.
    @Test func everyExampleWrittenInRulesIsACase() throws {
        let manager = FileManager.default
        let files = try #require(manager.enumerator(atPath: Self.rulesFolder.path)?.allObjects as? [String])
            .filter { $0.hasSuffix(".yml") && !$0.hasPrefix("replay/") }
        var written = 0
        for file in files {
            let text = try String(contentsOf: Self.rulesFolder.appendingPathComponent(file), encoding: .utf8)
            let examples = try #require(text.range(of: "\nexamples:\n"), "rules/\(file) has no `examples:`")
            let lines = text[examples.upperBound...].split(separator: "\n")
            written += lines.filter { $0.hasPrefix("    - ") || $0.hasPrefix("      prisma:") }.count
        }
        #expect(files.count == Self.catalog.ids.count { !$0.hasPrefix("replay/") }, "rules/ files and catalog entries differ")
        #expect(written > 150, "rules/ holds \(written) examples: is the folder where this test expects it?")
        #expect(Self.cases.count == written, "\(written) examples written in rules/, \(Self.cases.count) run as cases")
    }

    @Test(arguments: cases, ExampleMutation.allCases)
    func exampleFlagsExactlyItsMarkedSpans(_ example: ExampleCase, _ mutation: ExampleMutation) throws {
        let run = try ExampleRunner.run(example, mutation: mutation, catalog: Self.catalog)
        #expect(run.actual == run.expected, "\(example) under \(mutation): rule findings differ from the ⟦…⟧ marks\n\(run.messages.joined(separator: "\n"))")
    }

    /// The schema rules read one model for both ORMs: each has an example rendered both ways (`prisma:`), flagged
    /// and not flagged, except where Prisma cannot have the case (every Prisma relation is a foreign key, or is
    /// emulated by `relationMode = "prisma"` by design: `schema/missing-foreign-key` never flags a Prisma schema).
    @Test func schemaRulesHaveExamplesRenderedForBothORMs() {
        let drizzleOnlyFlagged: Set<String> = ["schema/missing-foreign-key"]
        for id in Self.catalog.ids where id.hasPrefix("schema/") {
            guard let entry = Self.catalog[id] else { continue }
            #expect(entry.validExamples.contains { $0.variant == "prisma" }, "\(id) has no valid example rendered in Prisma")
            if !drizzleOnlyFlagged.contains(id) {
                #expect(entry.invalidExamples.contains { $0.variant == "prisma" }, "\(id) has no invalid example rendered in Prisma")
            }
        }
    }

    @Test func everyRuleHasFlaggedAndUnflaggedExamples() {
        for id in Self.catalog.ids {
            let entry = Self.catalog[id]
            #expect(!(entry?.invalidExamples.isEmpty ?? true), "\(id) has no invalid example")
            #expect(!(entry?.validExamples.isEmpty ?? true), "\(id) has no valid example")
        }
    }
}

public struct ExampleCase: Sendable, CustomTestStringConvertible {
    public var ruleID: String
    public var kind: String
    public var index: Int
    public var example: RuleExample

    public var testDescription: String { "\(ruleID) \(kind) #\(index + 1)" + (example.variant.map { " (\($0))" } ?? "") }
}

public enum ExampleMutation: String, Sendable, CaseIterable {
    case asWritten
    case crlfLineEndings
    case multiByteFirstLine
}
