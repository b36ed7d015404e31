import Testing
import JSON

private func node(_ text: String) throws -> JSONNode {
    try JSONReader.parse(Array(text.utf8)).get()
}

private func errors(schema: String, instance: String) throws -> [SchemaValidationError] {
    try JSONSchemaValidator(schema: node(schema), uri: "file:///schema.json").validate(node(instance))
}

@Suite struct JSONSchemaValidatorTests {
    @Test func reportsLocatedErrors() throws {
        let schema = #"{"type": "object", "required": ["version"], "properties": {"plan": {"type": "string"}}}"#
        let instance = #"{"plan": 12}"#
        let found = try errors(schema: schema, instance: instance)
        #expect(found.count == 2)
        let required = try #require(found.first { $0.keyword == "required" })
        #expect(required.message == "missing required property `version`")
        #expect(required.instancePointer == "")
        #expect(required.schemaPointer == "/required")
        #expect(required.absoluteSchemaLocation == "file:///schema.json#/required")
        #expect(required.schemaRange == 19..<42)
        let type = try #require(found.first { $0.keyword == "type" })
        #expect(type.message == "expected `string`, found `number`")
        #expect(type.instancePointer == "/plan")
        #expect(type.instanceRange == 9..<11)
        #expect(type.schemaPointer == "/properties/plan/type")
        #expect(type.schemaDocument == "file:///schema.json")
    }

    @Test func keywordLocationFollowsReferences() throws {
        let schema = ##"{"$defs": {"n": {"maximum": 10}}, "items": {"$ref": "#/$defs/n"}, "maxItems": 1}"##
        let found = try errors(schema: schema, instance: "[1, 12]")
        #expect(found.map(\.message).sorted() == ["12 is greater than `maximum` 10", "array has 2 items, more than `maxItems` 1"])
        let maximum = try #require(found.first { $0.keyword == "maximum" })
        #expect(maximum.schemaPointer == "/items/$ref/maximum")
        #expect(maximum.absoluteSchemaLocation == "file:///schema.json#/$defs/n/maximum")
        #expect(maximum.instancePointer == "/1")
        #expect(maximum.instanceRange == 4..<6)
    }

    @Test func falseSubschemasGiveOneClearError() throws {
        let found = try errors(schema: #"{"properties": {"a": true}, "additionalProperties": false}"#, instance: #"{"a": 1, "b/c": 2}"#)
        #expect(found.count == 1)
        #expect(found.first?.message == "property `b/c` is not allowed (`additionalProperties` is false)")
        #expect(found.first?.instancePointer == "/b~1c")
        #expect(found.first?.instanceRange == 9..<17)
    }

    @Test func exactNumbersAndCodePoints() throws {
        #expect(try errors(schema: #"{"multipleOf": 0.0001}"#, instance: "0.0075").isEmpty)
        #expect(try errors(schema: #"{"multipleOf": 0.0001}"#, instance: "0.00751").count == 1)
        #expect(try errors(schema: #"{"maxLength": 2}"#, instance: #""💩💩""#).isEmpty)
        #expect(try errors(schema: #"{"const": 1}"#, instance: "1.0").isEmpty)
        #expect(try errors(schema: #"{"enum": [1]}"#, instance: "true").count == 1)
        #expect(try errors(schema: #"{"type": "integer"}"#, instance: "1.0").isEmpty)
    }

    @Test func unresolvableReferencesFailCompilation() throws {
        let schema = try node(##"{"properties": {"a": {"$ref": "#/$defs/missing"}, "b": {"$ref": "other.json"}}}"##)
        do throws(SchemaCompilationError) {
            _ = try JSONSchemaValidator(schema: schema, uri: "file:///s.json")
            Issue.record("compilation should fail")
        } catch {
            #expect(error.issues.count == 2)
            #expect(error.issues.first?.message == "cannot resolve $ref `#/$defs/missing`")
            #expect(error.issues.first?.pointer == "/properties/a/$ref")
            #expect(error.issues.first?.range == 30..<47)
        }
    }

    @Test func draftIsPickedBySchemaKeyword() throws {
        let draft7 = try JSONSchemaValidator(schema: node(#"{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"type": "string"}]}"#))
        #expect(draft7.draft == .draft7)
        #expect(draft7.validate(try node("[1]")).count == 1)
        let latest = try JSONSchemaValidator(schema: node(#"{"prefixItems": [{"type": "string"}]}"#))
        #expect(latest.draft == .draft2020_12)
        #expect(latest.isValid(try node("[1]")) == false)
    }

    @Test func formatIsAnAnnotationUnlessAsked() throws {
        let schema = try node(#"{"format": "ipv4"}"#)
        #expect(try JSONSchemaValidator(schema: schema).isValid(node(#""nope""#)))
        let asserting = try JSONSchemaValidator(schema: schema, options: .init(formatAssertion: true))
        #expect(try asserting.validate(node(#""nope""#)).first?.message == "`nope` is not a valid `ipv4`")
    }

    @Test func validatesSchemasAgainstTheirMetaschema() throws {
        let bad = try node(#"{"type": "strin", "minLength": -1, "properties": {"a": {"required": "x"}}}"#)
        let found = JSONSchemaValidator.validateSchemaAgainstMetaschema(bad)
        #expect(Set(found.map(\.instancePointer)).isSuperset(of: ["/type", "/minLength", "/properties/a/required"]))
        #expect(JSONSchemaValidator.validateSchemaAgainstMetaschema(try node(#"{"type": "string"}"#)).isEmpty)
        let draft7 = try node(#"{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"type": 3}]}"#)
        #expect(JSONSchemaValidator.validateSchemaAgainstMetaschema(draft7).contains { $0.instancePointer == "/items/0/type" })
        let unknown = try node(#"{"$schema": "https://example.com/nope"}"#)
        #expect(JSONSchemaValidator.validateSchemaAgainstMetaschema(unknown).first?.keyword == "$schema")
    }

    @Test func ecmaRegexSemantics() throws {
        func matches(_ pattern: String, _ text: String) throws -> Bool { try ECMARegex(pattern).matches(text) == true }
        #expect(try !matches("^\\d$", "৪"))
        #expect(try !matches("^abc$", "abc\n"))
        #expect(try matches("^\\p{Letter}+$", "éco"))
        #expect(try matches("^🐲*$", "🐲🐲"))
        #expect(try matches("^(a+)\\1$", "aaaa"))
        #expect(try matches("(?<=\\$)\\d+", "$42"))
        #expect(try !matches("^(?!foo).*", "foo"))
        #expect(try matches("^a{2,3}$", "aaa") && !matches("^a{2,3}$", "aaaa"))
        #expect(try matches("^\\cC$", "\u{03}"))
        #expect(try matches("^(a*)*$", "aaab") == false)
        #expect(throws: RegexSyntaxError.self) { try ECMARegex("(") }
        #expect(throws: RegexSyntaxError.self) { try ECMARegex("\\a") }
    }
}

@Suite struct ClosestBranchTests {
    /// Two object branches both fit the value's type; the one whose only error lies deeper in the value came closer.
    @Test func failedOneOfReportsTheBranchThatMatchedDeepest() throws {
        let schema = #"""
        {"oneOf": [
          {"type": "object", "required": ["card"], "properties": {"card": {"type": "object"}}},
          {"type": "object", "required": ["bank"], "properties": {"bank": {"type": "object", "required": ["iban"]}}}
        ]}
        """#
        let found = try errors(schema: schema, instance: #"{"bank": {"bic": "X"}}"#)
        #expect(found.map(\.keyword) == ["required"])
        #expect(found.first?.instancePointer == "/bank")
        #expect(found.first?.message == "missing required property `iban`")
    }

    /// At the same depth, fewer errors is closer.
    @Test func failedAnyOfPrefersTheBranchWithFewerErrors() throws {
        let schema = #"{"anyOf": [{"required": ["a", "b"]}, {"required": ["a", "b", "c", "d"]}]}"#
        let found = try errors(schema: schema, instance: "{}")
        #expect(found.map(\.message) == ["missing required property `a`", "missing required property `b`"])
    }

    /// Nothing to prefer: the summary.
    @Test func aTieReportsTheSummary() throws {
        let schema = #"{"oneOf": [{"required": ["a"]}, {"required": ["b"]}]}"#
        let found = try errors(schema: schema, instance: "{}")
        #expect(found.map(\.message) == ["value does not match any schema in `oneOf`"])
    }
}
