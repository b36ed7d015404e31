/// A JSON value for output, with object keys kept in the order they were given, so reports are deterministic.
///
/// Not `indirect`: arrays already hold the nested values, and boxing every case was an allocation per value.
public enum OrderedJSON: Sendable, Hashable {
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
        String(decoding: serializedBytes(indent: indent), as: UTF8.self)
    }

    /// `serialized` as UTF-8 bytes.
    public func serializedBytes(indent: Int? = 2) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(into: &output, indent: indent, depth: 0)
        return output
    }

    /// The value serialised as an element `depth` containers deep (its inner lines indented for that depth), for
    /// `serializedElements`.
    public func serializedElement(indent: Int? = 2, depth: Int) -> [UInt8] {
        var output: [UInt8] = []
        write(into: &output, indent: indent, depth: depth)
        return output
    }

    fileprivate func write(into output: inout [UInt8], indent: Int?, depth: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .int(let value): OrderedJSON.writeInt(value, into: &output)
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
            OrderedJSON.writeLineBreak(indent: indent, depth: depth + 1, into: &output)
            element(index, &output)
        }
        OrderedJSON.writeLineBreak(indent: indent, depth: depth, into: &output)
        output.append(close)
    }

    /// The line break and indentation before a line `depth` containers deep; nothing in compact output.
    fileprivate static func writeLineBreak(indent: Int?, depth: Int, into output: inout [UInt8]) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        for _ in 0..<indent * depth { output.append(UInt8(ascii: " ")) }
    }

    /// Decimal digits, as `String(value)` writes them, without making the string.
    fileprivate static func writeInt(_ value: Int, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        // Most significant digit first: reversing the digits in place through a slice copied the whole buffer.
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    /// A JSON string literal, escaped exactly as `JSON.stringify` does (drizzle-kit's snapshots are written by it).
    public static func quoted(_ value: String) -> String {
        var output: [UInt8] = []
        writeString(value, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Escapes only `"`, `\\` and control characters; everything else is copied as UTF-8 bytes.
    public static func writeString(_ value: String, into output: inout [UInt8]) {
        var value = value
        value.withUTF8 { writeString(utf8: $0, into: &output) }
    }

    /// `writeString` of text given as UTF-8 bytes.
    fileprivate static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Runs without anything to escape are copied whole: appending byte by byte was most of the time of
        // writing a report of thousands of findings.
        var runStart = 0
        var index = firstEscaped(in: bytes, from: 0)
        while index < bytes.count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            appendEscape(of: bytes[index], into: &output)
            runStart = index + 1
            index = firstEscaped(in: bytes, from: runStart)
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        output.append(UInt8(ascii: "\""))
    }

    /// The offset of the first byte at or after `start` that a JSON string must escape (`"`, `\\`, a control
    /// character), else `bytes.count`. Eight bytes are tested at once: messages are long and rarely escaped.
    private static func firstEscaped(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                // A byte below 0x20, or one equal to `"` or `\\` (a zero byte after the XOR): the usual bit tricks,
                // exact as to whether the word holds one.
                let control = (word &- ones &* 0x20) & ~word & highBits
                let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                let equal = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & highBits
                if control | equal != 0 { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
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

/// Writes one JSON object member by member straight into bytes, exactly as `OrderedJSON.object` of the same members
/// would be serialised `depth` containers deep (`serializedElement`), without building the values first: building
/// and walking them was most of the cost of a report of thousands of findings.
public struct JSONObjectWriter {
    private var output: [UInt8] = []
    private let indent: Int?
    private let depth: Int
    private var isEmpty = true

    /// `capacity`: the bytes expected, so that the buffer is allocated once.
    public init(depth: Int, indent: Int? = 2, capacity: Int = 256) {
        self.indent = indent
        self.depth = depth
        output.reserveCapacity(capacity)
        output.append(UInt8(ascii: "{"))
    }

    public mutating func member(_ key: StaticString, _ value: String) {
        writeKey(key)
        OrderedJSON.writeString(value, into: &output)
    }

    public mutating func member(_ key: StaticString, _ value: Int) {
        writeKey(key)
        OrderedJSON.writeInt(value, into: &output)
    }

    public mutating func member(_ key: StaticString, _ value: OrderedJSON) {
        writeKey(key)
        value.write(into: &output, indent: indent, depth: depth + 1)
    }

    /// The object's bytes, closed.
    public consuming func finish() -> [UInt8] {
        if !isEmpty { OrderedJSON.writeLineBreak(indent: indent, depth: depth, into: &output) }
        output.append(UInt8(ascii: "}"))
        return output
    }

    /// Keys are literals (`StaticString`): their bytes are read in place.
    private mutating func writeKey(_ key: StaticString) {
        if !isEmpty { output.append(UInt8(ascii: ",")) }
        isEmpty = false
        OrderedJSON.writeLineBreak(indent: indent, depth: depth + 1, into: &output)
        key.withUTF8Buffer { OrderedJSON.writeString(utf8: $0, into: &output) }
        output.append(UInt8(ascii: ":"))
        if indent != nil { output.append(UInt8(ascii: " ")) }
    }
}
