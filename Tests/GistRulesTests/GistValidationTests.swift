import Core
import Gists
import JSON
import Testing

/// The Gist model compiles every schema once and validates every linked data file, across schema files.
@Suite struct GistValidationTests {
    static func gists(_ files: [String: String], map: [String: String] = [:]) -> GistSet {
        let read = files.sorted { $0.key < $1.key }.map { path, text in
            GistReader.read(SourceFile(path: path, bytes: Array(text.utf8)), role: path.hasSuffix(".schema.json") ? .schema : .data)
        }
        return GistSet.link(files: read, map: map)
    }

    @Test func crossFileReferenceResolvesAndErrorsPointIntoTheReferencedSchema() throws {
        let set = Self.gists([
            "gists/config.json": #"{ "$schema": "./schemas/config.schema.json", "owner": 7 }"#,
            "gists/schemas/config.schema.json": #"{ "properties": { "owner": { "$ref": "./common.schema.json#/$defs/name" } } }"#,
            "gists/schemas/common.schema.json": #"{ "$defs": { "name": { "type": "string" } } }"#,
        ])
        guard case .validated(let schema, let errors)? = set.dataValidations["gists/config.json"] else {
            Issue.record("not validated: \(String(describing: set.dataValidations["gists/config.json"]))")
            return
        }
        #expect(schema == "gists/schemas/config.schema.json")
        #expect(errors.map(\.instancePointer) == ["/owner"])
        #expect(errors.map { set.schemaPath(forURI: $0.schemaDocument) } == ["gists/schemas/common.schema.json"])
    }

    @Test func dataNamingAnAbsentSchemaFileIsMarkedMissing() {
        let set = Self.gists(["gists/a.json": #"{ "$schema": "./nope.schema.json" }"#])
        guard case .schemaMissing(let reference, let range)? = set.dataValidations["gists/a.json"] else {
            Issue.record("expected a missing schema")
            return
        }
        #expect(reference == "gists/nope.schema.json")
        #expect(range == 13..<33)
    }

    /// Nothing is fetched, so a URL that is no project schema's `$id` leaves the file unvalidated: said, not silent.
    @Test func urlSchemaReferencesThatMatchNoIDAreReportedAsUnavailable() {
        let set = Self.gists(["gists/a.json": #"{ "$schema": "http://example.com/a.schema.json" }"#])
        guard case .schemaMissing(let reference, let range)? = set.dataValidations["gists/a.json"] else {
            Issue.record("expected the schema to be reported as unavailable")
            return
        }
        #expect(reference == "http://example.com/a.schema.json")
        #expect(range == 13..<47)
    }

    @Test func violationsOfAKeywordThatFailsTheMetaschemaAreLeftToInvalidSchema() throws {
        let set = Self.gists([
            "gists/flags.json": #"{ "$schema": "./flags.schema.json", "enabled": true, "rollout": "x" }"#,
            "gists/flags.schema.json": #"{ "properties": { "enabled": { "type": "bool" }, "rollout": { "type": "integer" } } }"#,
        ])
        #expect(set.schemaChecks["gists/flags.schema.json"]?.metaschemaErrors.map(\.instancePointer) == ["/properties/enabled/type"])
        guard case .validated(_, let errors)? = set.dataValidations["gists/flags.json"] else {
            Issue.record("not validated")
            return
        }
        #expect(errors.map(\.instancePointer) == ["/rollout"])
    }

    @Test func unresolvableReferenceMakesTheSchemaUnusable() {
        let set = Self.gists([
            "gists/a.json": #"{ "$schema": "./a.schema.json" }"#,
            "gists/a.schema.json": ##"{ "$ref": "#/$defs/missing" }"##,
        ])
        #expect(set.schemaChecks["gists/a.schema.json"]?.validator == nil)
        #expect(set.schemaChecks["gists/a.schema.json"]?.compilationIssues.count == 1)
        if case .schemaUnusable(let schema)? = set.dataValidations["gists/a.json"] {
            #expect(schema == "gists/a.schema.json")
        } else {
            Issue.record("expected an unusable schema")
        }
    }

    @Test func instancePathsFollowLocalReferences() throws {
        let root = try JSONReader.parse(Array(##"""
            { "properties": { "plans": { "additionalProperties": { "$ref": "#/$defs/plan" } },
                              "list": { "items": { "$ref": "#/$defs/plan" } } },
              "$defs": { "plan": { "properties": { "pricing": {} } }, "unused": { "properties": { "x": {} } } } }
            """##.utf8)).get()
        let paths = SchemaInstancePaths(root: root)
        #expect(Set(paths.patterns["/$defs/plan/properties/pricing"] ?? []) == ["/plans/*/pricing", "/list/*/pricing"])
        #expect(paths.patterns["/$defs/unused/properties/x"] == nil)
        #expect(SchemaInstancePaths.pattern("/plans/*/pricing", covers: "/plans/*/pricing/monthly"))
        #expect(SchemaInstancePaths.pattern("/plans/*/pricing", covers: "/plans/pro/pricing"))
        #expect(!SchemaInstancePaths.pattern("/plans/pro/pricing", covers: "/plans/*/pricing"))
        #expect(!SchemaInstancePaths.pattern("/plans/*/pricing", covers: "/plans/pro"))
    }
}
