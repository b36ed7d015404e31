import Foundation
import JSON
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
