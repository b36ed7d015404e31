import JSON

/// A JSON value whose object members keep the order they were built in, so that written snapshots are
/// deterministic and laid out like drizzle-kit's.
public indirect enum OrderedJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal text.
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool { lhs.rendered(indent: nil) == rhs.rendered(indent: nil) }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered(indent: nil)) }

    /// Pretty-printed with `indent` spaces per level (like `JSON.stringify(x, null, 2)`), or compact for nil.
    public func rendered(indent: Int? = 2) -> String {
        var output = ""
        write(to: &output, indent: indent, level: 0)
        return output
    }

    private func write(to output: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let text): output += text
        case .string(let text): output += JSONLiteral.quoted(text)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, to: &output, indent: indent, level: level) {
                elements[$0].write(to: &$1, indent: indent, level: level + 1)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, to: &output, indent: indent, level: level) {
                $1 += JSONLiteral.quoted(members[$0].key)
                $1 += indent == nil ? ":" : ": "
                members[$0].value.write(to: &$1, indent: indent, level: level + 1)
            }
        }
    }

    private func writeContainer(open: String, close: String, count: Int, to output: inout String, indent: Int?,
                                level: Int, element: (Int, inout String) -> Void) {
        output += open
        guard count > 0 else { output += close; return }
        for position in 0..<count {
            if position > 0 { output += "," }
            if let indent { output += "\n" + String(repeating: " ", count: indent * (level + 1)) }
            element(position, &output)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent * level) }
        output += close
    }
}

/// JSON text of small values.
enum JSONLiteral {
    /// A JSON string literal, escaped as `JSON.stringify` does.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    /// The compact JSON text of a parsed node.
    static func text(of node: JSONNode) -> String { ordered(node).rendered(indent: nil) }

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
