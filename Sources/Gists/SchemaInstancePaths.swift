import JSON

/// Which data locations each subschema of a document describes, as JSON pointer patterns with `*` for any key or
/// index: in `{"properties": {"plans": {"additionalProperties": {"$ref": "#/$defs/plan"}}}}` the schema at
/// `/$defs/plan/properties/pricing` describes `/plans/*/pricing`. Follows local `$ref`s from the root; a
/// definition nothing references describes no known location.
public struct SchemaInstancePaths: Sendable {
    /// Schema pointer → data pointer patterns.
    public private(set) var patterns: [String: [String]] = [:]

    /// Caps the work on recursive schemas (a tree that refers to itself describes unboundedly many paths).
    static let maximumPatternsPerSchema = 8
    static let maximumDepth = 64

    public init(root: JSONNode) {
        var pending: [(node: JSONNode, pointer: String, path: String, depth: Int)] = [(root, "", "", 0)]
        while let (node, pointer, path, depth) = pending.popLast() {
            var known = patterns[pointer, default: []]
            guard !known.contains(path), known.count < Self.maximumPatternsPerSchema, depth < Self.maximumDepth else { continue }
            known.append(path)
            patterns[pointer] = known
            guard let members = node.objectMembers else { continue }
            for member in members {
                let keywordPointer = JSONPointer.appending(pointer, member.key)
                for (child, childPointer, step) in Self.children(of: member, at: keywordPointer) {
                    pending.append((child, childPointer, step.map { path + "/" + $0 } ?? path, depth + 1))
                }
                if member.key == "$ref", let reference = member.value.stringValue, reference.hasPrefix("#"),
                   let target = SchemaWalk.resolveLocal(reference, in: root) {
                    pending.append((target, String(reference.dropFirst()).removingPercentEncoding(), path, depth + 1))
                }
            }
        }
    }

    /// The subschemas of one keyword with the data step each takes (nil: the same location).
    private static func children(of member: JSONMember, at pointer: String) -> [(JSONNode, String, String?)] {
        switch member.key {
        case "properties":
            return (member.value.objectMembers ?? []).map { ($0.value, JSONPointer.appending(pointer, $0.key), JSONPointer.escape($0.key)) }
        case "patternProperties":
            return (member.value.objectMembers ?? []).map { ($0.value, JSONPointer.appending(pointer, $0.key), "*") }
        case "additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems", "contains":
            return [(member.value, pointer, "*")]
        case "items", "prefixItems":
            if let items = member.value.arrayValue {
                return items.enumerated().map { ($0.element, JSONPointer.appending(pointer, $0.offset), "*") }
            }
            return [(member.value, pointer, "*")]
        case "allOf", "anyOf", "oneOf":
            return (member.value.arrayValue ?? []).enumerated().map { ($0.element, JSONPointer.appending(pointer, $0.offset), nil) }
        case "not", "if", "then", "else":
            return [(member.value, pointer, nil)]
        case "dependentSchemas":
            return (member.value.objectMembers ?? []).map { ($0.value, JSONPointer.appending(pointer, $0.key), nil) }
        default:
            return []
        }
    }

    /// Whether the data pointer `pattern` (with `*` for one segment) matches `pointer` or one of its ancestors.
    public static func pattern(_ pattern: String, covers pointer: String) -> Bool {
        let wanted = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let actual = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard wanted.count <= actual.count else { return false }
        return zip(wanted, actual).allSatisfy { $0 == "*" || $0 == $1 }
    }
}
