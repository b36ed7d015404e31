import Core
import Gists
import JSON
import ProjectModel

/// `gist/schema-lint`: schema smells that validate but mean something else than intended — misspelt keywords
/// (ignored by validators, so nothing is checked), `required` naming undefined properties, bounds no value can
/// satisfy, `then`/`else` without `if`, repeated `enum` values.
public struct SchemaLint: ProjectRule {
    public let id = "gist/schema-lint"
    public let facets: Facets = [.gists]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let custom = Set(context.options.strings("customKeywords"))
        for file in project.gists.schemaFiles {
            guard let root = file.document else { continue }
            SchemaWalk.forEachSchema(root) { schema in
                guard let members = schema.node.objectMembers else { return }
                let report = { (range: Range<Int>, message: String, help: String) in
                    context.report(path: file.path, range: range, message: message, help: help)
                }
                checkKeywords(members, custom: custom, report)
                checkRequired(schema.node, report)
                SchemaBounds.check(schema.node, report)
                checkConditionals(schema.node, report)
                checkEnum(schema.node, report)
            }
        }
    }

    private func checkKeywords(_ members: [JSONMember], custom: Set<String>, _ report: (Range<Int>, String, String) -> Void) {
        for member in members where !SchemaKeywords.all.contains(member.key) && !custom.contains(member.key) && !member.key.hasPrefix("x-") {
            guard let keyword = KeywordSpelling.intendedKeyword(for: member.key) else { continue }
            report(member.keyRange,
                   "unknown keyword `\(member.key)` looks like a misspelling of `\(keyword)`; validators ignore it, so it checks nothing",
                   "rename it to `\(keyword)`")
        }
    }

    private func checkRequired(_ schema: JSONNode, _ report: (Range<Int>, String, String) -> Void) {
        guard let required = schema["required"]?.arrayValue, schema["patternProperties"] == nil else { return }
        let closed = schema["additionalProperties"]?.boolValue == false
        let declared = schema["properties"]?.objectMembers
        guard closed || declared != nil else { return }
        // Without a closed object, another applicator may declare the property.
        let elsewhere = ["allOf", "anyOf", "oneOf", "$ref", "$dynamicRef", "if", "dependentSchemas"].contains { schema[$0] != nil }
        guard closed || !elsewhere else { return }
        let names = Set((declared ?? []).map(\.key))
        for entry in required {
            guard let name = entry.stringValue, !names.contains(name) else { continue }
            report(entry.range,
                   "`required` lists `\(name)`, which `properties` does not define"
                       + (closed ? " while `additionalProperties` is false, so no object can be valid" : ""),
                   "define `\(name)` under `properties`, or remove it from `required`")
        }
    }

    private func checkConditionals(_ schema: JSONNode, _ report: (Range<Int>, String, String) -> Void) {
        guard schema["if"] == nil, let members = schema.objectMembers else { return }
        for member in members where member.key == "then" || member.key == "else" {
            report(member.keyRange,
                   "`\(member.key)` without `if` is ignored",
                   "add the `if` condition it depends on, or move its keywords into the schema itself")
        }
    }

    private func checkEnum(_ schema: JSONNode, _ report: (Range<Int>, String, String) -> Void) {
        guard let values = schema["enum"]?.arrayValue else { return }
        for (index, value) in values.enumerated() where values[..<index].contains(where: { $0.value.isSchemaEqual(to: value.value) }) {
            report(value.range,
                   "`enum` lists \(value.value.compactText(limit: 40)) more than once",
                   "remove the repeated value")
        }
    }
}
