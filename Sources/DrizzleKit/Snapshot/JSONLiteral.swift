import Core
import JSON

/// JSON text of small values, written the way drizzle-kit's `JSON.stringify` writes them.
enum JSONLiteral {
    /// The compact JSON text of a parsed node.
    static func text(of node: JSONNode) -> String { ordered(node).serialized(indent: nil) }

    static func ordered(_ node: JSONNode) -> OrderedJSON {
        switch node.value {
        case .null: .null
        case .bool(let value): .bool(value)
        case .number(let number): .number(number.literal)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(ordered))
        case .object(let members): .object(members.map { (key: $0.key, value: ordered($0.value)) })
        }
    }
}
