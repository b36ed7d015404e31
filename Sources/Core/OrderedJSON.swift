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
    /// An array whose elements are already serialised (`serializedElement(indent:depth:)`, with the depth of the
    /// array's elements and the document's indent), so that a long array (a report's thousands of findings) can be
    /// serialised on all cores and joined; written as the array of those elements would be.
    case serializedElements([[UInt8]])

    public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        lhs.serialized(indent: nil) == rhs.serialized(indent: nil)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(serialized(indent: nil)) }

    /// Serialises the value; `indent` of nil gives compact output.
    public func serialized(indent: Int? = 2) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(into: &output, indent: indent, depth: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// The value serialised as an element `depth` containers deep (its inner lines indented for that depth), for
    /// `serializedElements`.
    public func serializedElement(indent: Int? = 2, depth: Int) -> [UInt8] {
        var output: [UInt8] = []
        write(into: &output, indent: indent, depth: depth)
        return output
    }

    private func write(into output: inout [UInt8], indent: Int?, depth: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .int(let value): output += String(value).utf8
        case .double(let value):
            let text = value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)) : "null"
            output += text.utf8
        case .number(let literal): output += literal.utf8
        case .string(let value): OrderedJSON.writeString(value, into: &output)
        case .array(let items):
            writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: items.count, into: &output, indent: indent, depth: depth) { index, output in
                items[index].write(into: &output, indent: indent, depth: depth + 1)
            }
        case .serializedElements(let items):
            writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: items.count, into: &output, indent: indent, depth: depth) { index, output in
                output += items[index]
            }
        case .object(let members):
            writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: members.count, into: &output, indent: indent, depth: depth) { index, output in
                OrderedJSON.writeString(members[index].key, into: &output)
                output += (indent == nil ? ":" : ": ").utf8
                members[index].value.write(into: &output, indent: indent, depth: depth + 1)
            }
        }
    }

    private func writeContainer(
        open: UInt8, close: UInt8, count: Int, into output: inout [UInt8], indent: Int?, depth: Int,
        element: (Int, inout [UInt8]) -> Void
    ) {
        output.append(open)
        guard count > 0 else { output.append(close); return }
        for index in 0..<count {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            if let indent {
                output.append(UInt8(ascii: "\n"))
                output += repeatElement(UInt8(ascii: " "), count: indent * (depth + 1))
            }
            element(index, &output)
        }
        if let indent {
            output.append(UInt8(ascii: "\n"))
            output += repeatElement(UInt8(ascii: " "), count: indent * depth)
        }
        output.append(close)
    }

    /// A JSON string literal, escaped exactly as `JSON.stringify` does (drizzle-kit's snapshots are written by it).
    public static func quoted(_ value: String) -> String {
        var output: [UInt8] = []
        writeString(value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Escapes only `"`, `\\` and control characters; everything else is copied as UTF-8 bytes.
    public static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        // Runs without anything to escape are copied whole: appending byte by byte was most of the time of
        // writing a report of thousands of findings.
        value.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscape(of: byte, into: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(of byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output += "\\\"".utf8
        case UInt8(ascii: "\\"): output += "\\\\".utf8
        case 0x0A: output += "\\n".utf8
        case 0x0D: output += "\\r".utf8
        case 0x09: output += "\\t".utf8
        case 0x08: output += "\\b".utf8
        case 0x0C: output += "\\f".utf8
        default:
            let hex = String(byte, radix: 16)
            output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
        }
    }
}
