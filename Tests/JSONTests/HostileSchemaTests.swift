import Foundation
@testable import JSON
import Testing

private func node(_ text: String) throws -> JSONNode {
    try JSONReader.parse(Array(text.utf8)).get()
}

private func errors(schema: String, instance: String) throws -> [SchemaValidationError] {
    try JSONSchemaValidator(schema: node(schema), uri: "file:///schema.json").validate(node(instance))
}

/// Patterns and schemas built to make evaluation explode: the answer is right and comes fast, or evaluation
/// says it could not decide; running out of steps is never read as a verdict.
@Suite struct HostileSchemaTests {
    static let forty = String(repeating: "a", count: 40)

    @Test func backtrackingHeavyPatternsWithoutBackreferencesAreDecidedExactly() throws {
        #expect(try ECMARegex("^(a?){40}a{40}$").matches(Self.forty) == true)
        #expect(try ECMARegex("(.*a){20}").matches(String(repeating: "a", count: 100)) == true)
        #expect(try ECMARegex("(.*a){20}").matches(String(repeating: "a", count: 19)) == false)
        #expect(try ECMARegex("^(a+)+$").matches(String(repeating: "a", count: 40) + "!") == false)
        #expect(try ECMARegex("\\bfoo\\b").matches("a foo b") == true)
        #expect(try ECMARegex("\\bfoo\\b").matches("afoo") == false)
        #expect(try ECMARegex("^$").matches("") == true)
        #expect(try ECMARegex("(a*)*b").matches(String(repeating: "a", count: 60)) == false)
    }

    @Test func aPatternThatMatchesIsNotAViolationAndUnderNotItIs() throws {
        let instance = "\"\(Self.forty)\""
        #expect(try errors(schema: #"{"pattern": "^(a?){40}a{40}$"}"#, instance: instance).isEmpty)
        let negated = try errors(schema: #"{"not": {"pattern": "^(a?){40}a{40}$"}}"#, instance: instance)
        #expect(negated.map(\.keyword) == ["not"], "the pattern matches, so `not` fails: \(negated)")
        let properties = try errors(
            schema: #"{"patternProperties": {"^(a?){40}a{40}$": false}}"#, instance: "{\(instance): 1}")
        #expect(properties.count == 1, "the key matches the pattern, whose schema is false")
    }

    @Test func catastrophicPatternOverManyStringsIsFast() throws {
        let items = Array(repeating: "\"\(String(repeating: "a", count: 24))!\"", count: 1_000).joined(separator: ",")
        let start = Date()
        let found = try errors(schema: #"{"items": {"pattern": "^(a+)+$"}}"#, instance: "[\(items)]")
        #expect(found.count == 1_000)
        #expect(Date().timeIntervalSince(start) < 5, "linear matching: well under a second")
    }

    @Test func anExhaustedBacktrackingBudgetIsUndecidedNotAVerdict() throws {
        // A backreference needs the backtracking machine; nested quantifiers make it run out of steps.
        let pattern = #"^((a+)+)\\1b$"#
        let text = String(repeating: "a", count: 40)
        // Under `not`, "no match" would have been a silent pass.
        for schema in [#"{"not": {"pattern": "\#(pattern)"}}"#] {
            let found = try errors(schema: schema, instance: "\"\(text)\"")
            #expect(found.count == 1)
            #expect(found.first?.message.contains("too expensive to evaluate") == true, "\(found)")
            #expect(found.first?.instanceRange == 0..<42, "located at the string")
        }
    }

    /// Found by fuzzing (fuzz/run.sh regex): one budget per search let a file spend it again on every string.
    /// 17 `x`s stay just under one search's budget, so 100 of them took 100 budgets (3,000: 28 s in release).
    @Test func theRegexBudgetIsSharedByEverySearchOfAFile() throws {
        let pattern = #"^(x+x+)+y\\1$"#
        #expect(try ECMARegex("^(x+x+)+y\\1$").matches(String(repeating: "x", count: 17)) == false, "decided alone")
        let items = Array(repeating: "\"\(String(repeating: "x", count: 17))\"", count: 100).joined(separator: ",")
        let found = try errors(schema: #"{"items": {"pattern": "\#(pattern)"}}"#, instance: "[\(items)]")
        #expect(found.count == 1 && found[0].isUndecided, "\(found.count) errors: \(found.first?.message ?? "")")
        #expect(found.first?.message.contains("too expensive to evaluate") == true)
    }

    /// Linear matching is linear in the input times the threads alive: `a{0,1000}b` keeps a thousand of them.
    /// Those steps come from the same budget (50 strings of 10,000 `a`s under `a{0,6000}b` took 57 s).
    @Test func manyLiveThreadsSpendTheRegexBudget() throws {
        let items = Array(repeating: "\"\(String(repeating: "a", count: 2_000))\"", count: 5).joined(separator: ",")
        let found = try errors(schema: #"{"items": {"pattern": "a{0,1000}b"}}"#, instance: "[\(items)]")
        #expect(found.count == 1 && found[0].isUndecided, "\(found.count) errors: \(found.first?.message ?? "")")
        var budget = 10_000
        #expect(try ECMARegex("a{0,1000}b").matches(String(repeating: "a", count: 500), budget: &budget) == nil)
        budget = 10_000
        #expect(try ECMARegex("a{0,1000}b").matches("aab", budget: &budget) == true)
        #expect(budget > 0 && budget < 10_000, "steps taken from the budget")
    }

    /// fuzz/run.sh regex's timeout (2026-12-03): twenty `.*` and a `\2` that forces backtracking, matched against
    /// itself. It took 0.3 s of CPU under the sanitizers (14 s of wall time on the loaded machine): slow because
    /// it spends most of a budget, so it pins that the budget bounds it (a few seconds in a debug build).
    @Test func theFuzzersSlowPatternStaysWithinItsBudget() throws {
        let input = "b29vLi4mLi4uLiouKi4uLj4mLi4uLiouKnouLi4u/////28qLi4uPiYuLi4uKi4qei4uLi7/////b28uLiouKi4uLi4u/////29vLi4mLi4uLiouKi4uLi4mby4uKi4qLi4uLi7/////b28uLiYuLi4uKi4qLi4uLiYuLi4uKi4qLi4uLi7//////////y7/////////d/////8w//8NClwyb29vjwgq//9v"
        let pattern = String(decoding: try #require(Data(base64Encoded: input)), as: UTF8.self)
        let regex = try ECMARegex(pattern)
        var budget = ECMARegex.stepBudget
        let start = Date()
        _ = regex.matches(pattern, budget: &budget)
        _ = regex.matches(String(pattern.reversed()), budget: &budget)
        #expect(budget < ECMARegex.stepBudget, "the steps came from the budget")
        #expect(Date().timeIntervalSince(start) < 60)
    }

    /// The shared budget grows with the file: ordinary patterns on a large file are still decided exactly.
    @Test func ordinaryPatternsOnALargeFileAreDecided() throws {
        let uuid = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
        let good = "\"6b1f3e9c-2d4a-4f7e-9a51-0c8d2e4b7a10\""
        let items = (Array(repeating: good, count: 19_999) + ["\"6b1f3e9c\""]).joined(separator: ",")
        let found = try errors(schema: #"{"items": {"pattern": "\#(uuid)"}}"#, instance: "[\(items)]")
        #expect(found.count == 1 && !found[0].isUndecided && found[0].instancePointer == "/19999", "\(found.first?.message ?? "")")
    }

    /// Found with benchmarks/hostile.py after fuzzing: the budgets grew with the file without end, so
    /// `allOf: [{$ref: "#"}, {$ref: "#"}]` on a 1 MB Gist ran for minutes (50 million evaluations allowed).
    @Test func budgetsStopGrowingWithTheFile() {
        let small = SchemaEvaluation.budgets(instanceSize: 1_000)
        #expect(small.evaluations == SchemaEvaluation.baseBudget + 50_000, "small files keep the allowance per byte")
        let huge = SchemaEvaluation.budgets(instanceSize: 64_000_000)
        #expect(huge.evaluations == SchemaEvaluation.maximumBudget)
        #expect(huge.regexSteps == SchemaEvaluation.maximumRegexSteps)
    }

    /// Errors are kept until validation ends: a self-doubling schema that fails at every level, with long
    /// `$defs` names, made a few hundred thousand errors whose pointers are 300 references long (2.4 GB).
    @Test func errorsSpendTheBudgetBySize() throws {
        let name = String(repeating: "k", count: 2_000)
        let schema = ##"{"$ref": "#/$defs/\##(name)", "$defs": {"\##(name)": {"type": "string", "allOf": [{"$ref": "#/$defs/\##(name)"}, {"$ref": "#/$defs/\##(name)"}]}}}"##
        let start = Date()
        let found = try errors(schema: schema, instance: "1")
        #expect(found.count == 1 && found[0].isUndecided, "\(found.count) errors")
        #expect(Date().timeIntervalSince(start) < 60, "stopped after a few thousand errors (benchmarks/hostile.py measures the release build)")
    }

    /// `uniqueItems` compared every pair: 100,000 distinct items were five billion comparisons.
    @Test func uniqueItemsIsNotQuadratic() throws {
        var items = (0..<30_000).map { #"{"id": \#($0), "tags": ["a", \#($0 % 7)]}"# }
        let start = Date()
        #expect(try errors(schema: #"{"uniqueItems": true}"#, instance: "[\(items.joined(separator: ","))]").isEmpty)
        #expect(Date().timeIntervalSince(start) < 20, "one pass, where every pair took minutes")
        items.append(#"{"tags": ["a", 4.0], "id": 29999}"#)
        items.append(#"1.0"#)
        items.append(#"1"#)
        let found = try errors(schema: #"{"uniqueItems": true}"#, instance: "[\(items.joined(separator: ","))]")
        #expect(found.map(\.message) == ["items 29999 and 30000 are equal, but `uniqueItems` is true"], "members in any order, 4.0 == 4")
    }

    @Test func selfDoublingSchemasStopWithAnUndecidedError() throws {
        let start = Date()
        let doubling = try errors(schema: ##"{"allOf": [{"$ref": "#"}, {"$ref": "#"}]}"##, instance: "{}")
        #expect(doubling.count == 1 && doubling[0].message.contains("too expensive to evaluate"), "\(doubling)")
        #expect(doubling.first?.isUndecided == true)

        var definitions: [String] = []
        for level in 0..<40 {
            definitions.append(##""d\##(level)": {"anyOf": [{"$ref": "#/$defs/d\##(level + 1)"}, {"$ref": "#/$defs/d\##(level + 1)"}]}"##)
        }
        definitions.append(#""d40": {"type": "string"}"#)
        let chain = ##"{"$ref": "#/$defs/d0", "$defs": {\##(definitions.joined(separator: ","))}}"##
        let found = try errors(schema: chain, instance: "1")
        #expect(found.count == 1 && found[0].message.contains("too expensive to evaluate"), "\(found)")
        #expect(Date().timeIntervalSince(start) < 30, "bounded (about a second in a debug build), where it was exponential")
    }
}
