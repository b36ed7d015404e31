import JSON

/// One schema object (or boolean schema) inside a schema document.
public struct SchemaObject: Sendable {
    public var node: JSONNode
    /// Its JSON pointer in the document (`""` for the root).
    public var pointer: String
    /// The member whose value it is, e.g. `"recentChanges": {…}` under `properties` (nil for array entries and
    /// the root); its key range is where findings about the schema point.
    public var holder: JSONMember?
    /// The keyword that holds it (`properties`, `items`, `$defs`, …), nil for the root.
    public var keyword: String?
}

/// Walks the subschemas of a schema document by keyword structure (not into `enum`, `const`, `default`,
/// `examples` or unknown keywords, whose values are data).
public enum SchemaWalk {
    public static func forEachSchema(_ root: JSONNode, _ visit: (SchemaObject) -> Void) {
        walk(SchemaObject(node: root, pointer: "", holder: nil, keyword: nil), depth: 0, visit)
    }

    /// Deep enough for any real schema; stops runaway recursion on pathological input.
    static let maximumDepth = 200

    private static func walk(_ schema: SchemaObject, depth: Int, _ visit: (SchemaObject) -> Void) {
        visit(schema)
        guard depth < maximumDepth, let members = schema.node.objectMembers else { return }
        for member in members {
            let pointer = JSONPointer.appending(schema.pointer, member.key)
            if SchemaKeywords.schemaMap.contains(member.key), let entries = member.value.objectMembers {
                for entry in entries where isSchema(entry.value) {
                    walk(SchemaObject(node: entry.value, pointer: JSONPointer.appending(pointer, entry.key), holder: entry, keyword: member.key),
                         depth: depth + 1, visit)
                }
            } else if SchemaKeywords.schemaArray.contains(member.key), let items = member.value.arrayValue {
                for (index, item) in items.enumerated() where isSchema(item) {
                    walk(SchemaObject(node: item, pointer: JSONPointer.appending(pointer, index), holder: nil, keyword: member.key),
                         depth: depth + 1, visit)
                }
            } else if SchemaKeywords.singleSchema.contains(member.key), isSchema(member.value) {
                walk(SchemaObject(node: member.value, pointer: pointer, holder: member, keyword: member.key), depth: depth + 1, visit)
            }
        }
    }

    private static func isSchema(_ node: JSONNode) -> Bool {
        switch node.value {
        case .object, .bool: true
        default: false
        }
    }

    /// The schema a local `$ref` (`#/$defs/plan`, `#`) points at in the same document; nil for other references.
    public static func resolveLocal(_ reference: String, in root: JSONNode) -> JSONNode? {
        guard reference.hasPrefix("#") else { return nil }
        let fragment = String(reference.dropFirst())
        return root.node(at: fragment.removingPercentEncoding())
    }

    /// Follows local `$ref`s (a few levels) to the schema that describes the value.
    public static func dereferenced(_ schema: JSONNode, in root: JSONNode) -> JSONNode {
        var current = schema
        for _ in 0..<8 {
            guard let reference = current["$ref"]?.stringValue, let target = resolveLocal(reference, in: root) else { break }
            current = target
        }
        return current
    }
}

extension String {
    /// Decodes `%XX` escapes (URI fragments); invalid escapes are kept as written.
    func removingPercentEncoding() -> String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        let bytes = Array(utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
