import Core
import Testing

/// Reports write findings with `JSONObjectWriter`; the bytes must be those of the same object serialised as an
/// `OrderedJSON` value, at any depth, pretty or compact.
@Suite struct JSONObjectWriterTests {
    static let text = "a \"quoted\" back\\slash, a\ttab, a\r\nline break, \u{1}, and ü€😀"
    static let nested: OrderedJSON = .array([.object([("a", .int(1)), ("b", .array([]))]), .bool(true), .null, .object([])])

    @Test(arguments: [0, 2, 5], [2, nil] as [Int?])
    func writesWhatTheValueSerialises(depth: Int, indent: Int?) {
        var writer = JSONObjectWriter(depth: depth, indent: indent, capacity: 8)
        writer.member("rule", "migration/x")
        writer.member("text", Self.text)
        writer.member("zero", 0)
        writer.member("line", 1234567)
        writer.member("negative", -42)
        writer.member("smallest", Int.min)
        writer.member("largest", Int.max)
        writer.member("empty", "")
        writer.member("ke\"y", "v")
        writer.member("nested", Self.nested)
        let members: [(key: String, value: OrderedJSON)] = [
            ("rule", .string("migration/x")), ("text", .string(Self.text)), ("zero", .int(0)), ("line", .int(1234567)),
            ("negative", .int(-42)), ("smallest", .int(Int.min)), ("largest", .int(Int.max)), ("empty", .string("")),
            ("ke\"y", .string("v")), ("nested", Self.nested),
        ]
        #expect(writer.finish() == OrderedJSON.object(members).serializedElement(indent: indent, depth: depth))
        #expect(JSONObjectWriter(depth: depth, indent: indent).finish() == OrderedJSON.object([]).serializedElement(indent: indent, depth: depth))
    }

    @Test func numbersAreWrittenInDecimal() {
        for number in [0, 1, 9, 10, 11, 99, 100, 101, 999_999, 1_000_000, -1, -10, Int.max, Int.min] {
            var writer = JSONObjectWriter(depth: 0, indent: nil)
            writer.member("n", number)
            #expect(writer.finish() == Array("{\"n\":\(number)}".utf8))
        }
    }
}

/// Strings are scanned eight bytes at a time for what needs escaping: every position of an escaped byte in a
/// word, and the bytes next to the thresholds, must come out as a byte-by-byte escaper writes them.
@Suite struct JSONStringEscapingTests {
    static func reference(_ text: String) -> String {
        var output: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): output += Array("\\\\".utf8)
            case 0x0A: output += Array("\\n".utf8)
            case 0x0D: output += Array("\\r".utf8)
            case 0x09: output += Array("\\t".utf8)
            case 0x08: output += Array("\\b".utf8)
            case 0x0C: output += Array("\\f".utf8)
            case ..<0x20: output += Array(("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
        return String(decoding: output, as: UTF8.self)
    }

    @Test(arguments: ["\"", "\\", "\u{0}", "\u{1F}", "\n", "\u{7F}", " ", "!", "#", "[", "]", "é"])
    func everyPositionOfAByte(_ special: String) {
        for length in 0..<20 {
            for position in 0...length {
                var characters = Array(repeating: "a", count: length)
                characters.insert(special, at: position)
                let text = characters.joined() + "ü"
                #expect(OrderedJSON.quoted(text) == Self.reference(text), "\(length) \(position)")
            }
        }
    }
}
