/// A JSON value for output, with object keys kept in the order they were given, so reports are deterministic.
public indirect enum OrderedJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// A number kept as its literal text (e.g. copied from a parsed document).
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        lhs.serialized(indent: nil) == rhs.serialized(indent: nil)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(serialized(indent: nil)) }

    /// Serialises the value; `indent` of nil gives compact output.
    public func serialized(indent: Int? = 2) -> String {
        var output = ""
        write(into: &output, indent: indent, depth: 0)
        return output
    }

    private func write(into output: inout String, indent: Int?, depth: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .double(let value):
            output += value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null"
        case .number(let literal): output += literal
        case .string(let value): OrderedJSON.writeString(value, into: &output)
        case .array(let items):
            writeContainer(open: "[", close: "]", count: items.count, into: &output, indent: indent, depth: depth) { index, output in
                items[index].write(into: &output, indent: indent, depth: depth + 1)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, into: &output, indent: indent, depth: depth) { index, output in
                OrderedJSON.writeString(members[index].0, into: &output)
                output += indent == nil ? ":" : ": "
                members[index].1.write(into: &output, indent: indent, depth: depth + 1)
            }
        }
    }

    private func writeContainer(
        open: String, close: String, count: Int, into output: inout String, indent: Int?, depth: Int,
        element: (Int, inout String) -> Void
    ) {
        output += open
        guard count > 0 else { output += close; return }
        for index in 0..<count {
            if index > 0 { output += "," }
            if let indent { output += "\n" + String(repeating: " ", count: indent * (depth + 1)) }
            element(index, &output)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent * depth) }
        output += close
    }

    /// A JSON string literal, escaped exactly as `JSON.stringify` does (drizzle-kit's snapshots are written by it).
    public static func quoted(_ value: String) -> String {
        var output = ""
        writeString(value, into: &output)
        return output
    }

    public static func writeString(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
