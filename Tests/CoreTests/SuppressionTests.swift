import Core
import Testing

@Suite struct SuppressionTests {
    private func directive(_ text: String) -> SuppressionDirective? {
        SuppressionDirective(comment: SourceComment(text: text, range: 0..<text.utf8.count))
    }

    @Test func parsesScopesRuleIdsAndReasons() throws {
        let next = try #require(directive(" schemalint-disable-next-line drizzle/a, drizzle/b -- stored in UTC"))
        #expect(next.scope == .nextLine)
        #expect(next.ruleIDs == ["drizzle/a", "drizzle/b"])
        #expect(try #require(directive(" schemalint-disable-file migration/x ")).scope == .file)
        #expect(try #require(directive(" schemalint-disable gist/secret ")).scope == .regionStart)
        #expect(try #require(directive(" schemalint-enable ")).ruleIDs.isEmpty)
        #expect(directive(" eslint-disable-next-line no-console") == nil)
    }

    @Test func nextLineSuppressesOnlyTheFollowingLineAndUnusedOnesAreReported() {
        let text = "// d\nA\nB\n"
        let file = SourceFile(path: "x.ts", bytes: Array(text.utf8))
        var directive = SuppressionDirective(comment: SourceComment(text: " schemalint-disable-next-line r/one", range: 0..<4))!
        directive.range = 0..<4
        let onA = Finding(ruleID: "r/one", severity: .error, path: "x.ts", range: 5..<6, message: "m", help: "h")
        let onB = Finding(ruleID: "r/one", severity: .error, path: "x.ts", range: 7..<8, message: "m", help: "h")
        let filter = SuppressionFilter(directives: ["x.ts": [directive]], files: ["x.ts": file], knownRuleIDs: ["r/one"])
        let outcome = filter.apply(to: [onA, onB], unusedSeverity: .warning)
        #expect(outcome.kept == [onB])
        #expect(outcome.suppressedCount == 1)
        #expect(outcome.unused.isEmpty)
        let unused = filter.apply(to: [onB], unusedSeverity: .warning).unused
        #expect(unused.map(\.ruleID) == [UnusedSuppression.id])
    }
}
