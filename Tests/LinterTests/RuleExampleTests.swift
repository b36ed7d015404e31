import Core
import Linter
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
