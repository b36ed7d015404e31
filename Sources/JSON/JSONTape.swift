/// A JSON document read into one flat array of entries ("a tape") instead of a tree of nodes: one allocation for the
/// whole document, nothing to free node by node, and strings decoded only when asked for.
///
/// For large machine-written documents that are read once and mostly skipped (libpg_query's parse trees): building
/// and freeing a `JSONNode` tree for them cost more than PostgreSQL's parser itself. Values keep their byte ranges.
/// The reader is strict about structure, strings (control characters, escapes) and numbers; invalid UTF-8 inside a
/// string is repaired when the string is decoded, as `String(decoding:)` does.
public final class JSONTape: Sendable {
    public enum Kind: UInt8, Sendable { case null, bool, number, string, array, object }

    struct Entry: Sendable {
        var kind: Kind
        /// For `bool`: whether it is `true`. For strings: whether the text holds an escape.
        var flag: Bool
        var start: Int32
        var end: Int32
        /// The index just past this value's entries (its members or elements included).
        var after: Int32
    }

    let bytes: [UInt8]
    let entries: [Entry]

    /// Whether the entry at `index` is an object with exactly one member (its key at `index + 1`, value at `index + 2`).
    func isOneMemberObject(_ index: Int) -> Bool {
        let entry = entries[index]
        return entry.kind == .object && index + 1 < Int(entry.after) && Int(entries[index + 2].after) == Int(entry.after)
    }

    private init(bytes: [UInt8], entries: [Entry]) {
        self.bytes = bytes
        self.entries = entries
    }

    /// The document's root value, or nil when `bytes` is not one valid JSON value, nests deeper than
    /// `maximumDepth`, or is larger than 2 GB (offsets are 32-bit).
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = JSONReader.maximumDepth) -> JSONTapeValue? {
        guard bytes.count < Int(Int32.max) else { return nil }
        var builder = TapeBuilder(maximumDepth: maximumDepth)
        let ok = bytes.withUnsafeBufferPointer { builder.build($0) }
        guard ok else { return nil }
        return JSONTapeValue(tape: JSONTape(bytes: bytes, entries: builder.entries), index: 0)
    }
}

/// One value of a `JSONTape`.
public struct JSONTapeValue: Sendable {
    let tape: JSONTape
    let index: Int

    private var entry: JSONTape.Entry { tape.entries[index] }

    public var kind: JSONTape.Kind { entry.kind }

    /// Byte offsets of the value's text (quotes and brackets included).
    public var range: Range<Int> { Int(entry.start)..<Int(entry.end) }

    /// The value of the last member named `key` (as `JSONNode`'s subscript); nil when absent or not an object.
    public subscript(key: String) -> JSONTapeValue? {
        var found: JSONTapeValue?
        forEachMember { name, value in
            if name.matches(key) { found = value }
        }
        return found
    }

    /// Calls `body` with each member of an object, in source order (nothing for other values).
    public func forEachMember(_ body: (JSONTapeKey, JSONTapeValue) -> Void) {
        guard kind == .object else { return }
        var position = index + 1
        let end = Int(entry.after)
        while position < end {
            let valueIndex = position + 1
            body(JSONTapeKey(tape: tape, index: position), JSONTapeValue(tape: tape, index: valueIndex))
            position = Int(tape.entries[valueIndex].after)
        }
    }

    /// Calls `body` with each element of an array, in order (nothing for other values).
    public func forEachElement(_ body: (JSONTapeValue) -> Void) {
        guard kind == .array else { return }
        var position = index + 1
        let end = Int(entry.after)
        while position < end {
            body(JSONTapeValue(tape: tape, index: position))
            position = Int(tape.entries[position].after)
        }
    }

    /// The members of an object, in source order.
    public var members: [(key: String, value: JSONTapeValue)] {
        var members: [(key: String, value: JSONTapeValue)] = []
        forEachMember { key, value in members.append((key.string, value)) }
        return members
    }

    /// The elements of an array.
    public var elements: [JSONTapeValue] {
        var elements: [JSONTapeValue] = []
        forEachElement { elements.append($0) }
        return elements
    }

    /// The only member of a one-member object (`{"Tag": {…}}`).
    public var singleMember: (key: JSONTapeKey, value: JSONTapeValue)? {
        guard tape.isOneMemberObject(index) else { return nil }
        return (JSONTapeKey(tape: tape, index: index + 1), JSONTapeValue(tape: tape, index: index + 2))
    }

    /// Calls `body` with the value of every one-member object `{tag: value}` in the subtree, this value included,
    /// in source order, without looking inside a match. A flat scan of the tape: no closure per member.
    public func forEachWrapped(_ tag: String, _ body: (JSONTapeValue) -> Void) {
        var position = index
        let end = Int(entry.after)
        while position < end {
            let candidate = tape.entries[position]
            if tape.isOneMemberObject(position), JSONTapeKey(tape: tape, index: position + 1).matches(tag) {
                body(JSONTapeValue(tape: tape, index: position + 2))
                position = Int(candidate.after)
            } else {
                position += 1
            }
        }
    }

    public var stringValue: String? {
        guard kind == .string else { return nil }
        return TapeText.decodeString(tape.bytes, entry)
    }

    public var boolValue: Bool? { kind == .bool ? entry.flag : nil }

    /// An integer number as `Int`; nil for other values, fractions, exponents and integers beyond `Int`.
    public var intValue: Int? {
        guard kind == .number else { return nil }
        return TapeText.integer(tape.bytes, Int(entry.start)..<Int(entry.end))
    }

    public var isNull: Bool { kind == .null }
}

/// An object member's key on a tape.
public struct JSONTapeKey: Sendable {
    let tape: JSONTape
    let index: Int

    public var string: String { TapeText.decodeString(tape.bytes, tape.entries[index]) }

    /// Whether the key is `name`, compared without building a string when the key has no escape.
    public func matches(_ name: String) -> Bool {
        let entry = tape.entries[index]
        if entry.flag { return string == name }
        let contentCount = Int(entry.end) - Int(entry.start) - 2
        var name = name
        return name.withUTF8 { utf8 in
            guard utf8.count == contentCount else { return false }
            let start = Int(entry.start) + 1
            for offset in 0..<contentCount where tape.bytes[start + offset] != utf8[offset] { return false }
            return true
        }
    }
}

private enum TapeText {
    static func decodeString(_ bytes: [UInt8], _ entry: JSONTape.Entry) -> String {
        let content = (Int(entry.start) + 1)..<(Int(entry.end) - 1)
        guard entry.flag else { return String(decoding: bytes[content], as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var position = content.lowerBound
        while position < content.upperBound {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else { output.append(byte); position += 1; continue }
            let code = bytes[position + 1]
            position += 2
            if let byte = JSONEscape.simple(code) {
                output.append(byte)
                continue
            }
            // The builder accepted only valid escapes: what is left is `\uXXXX`.
            var scalar = hex4(bytes, position)
            position += 4
            if (0xD800...0xDBFF).contains(scalar), position + 6 <= content.upperBound,
               bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                let low = hex4(bytes, position + 2)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
            }
            output.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func hex4(_ bytes: [UInt8], _ start: Int) -> UInt32 {
        var value: UInt32 = 0
        for byte in bytes[start..<(start + 4)] { value = value << 4 | UInt32(hexDigitValue(byte) ?? 0) }
        return value
    }

    static func integer(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        var position = range.lowerBound
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var value = 0
        while position < range.upperBound {
            let byte = bytes[position]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            position += 1
        }
        return negative ? -value : value
    }
}

/// Builds the entries of a tape in one pass with an explicit stack (no recursion, so depth cannot overflow the call
/// stack), validating as it goes.
private struct TapeBuilder {
    let maximumDepth: Int
    var entries: [JSONTape.Entry] = []
    /// The entry index of each open container, and whether it is an object.
    private var open: [(index: Int, isObject: Bool)] = []

    init(maximumDepth: Int) { self.maximumDepth = maximumDepth }

    private enum Expecting { case value, keyOrClose, key, separatorOrClose, end }

    mutating func build(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        entries.reserveCapacity(bytes.count / 8)
        var expecting = Expecting.value
        while true {
            position = Self.skipWhitespace(bytes, position)
            guard position < bytes.count else { return expecting == .end }
            let byte = bytes[position]
            switch expecting {
            case .end:
                return false
            case .keyOrClose where byte == UInt8(ascii: "}"):
                position += 1
                expecting = closeContainer(end: position)
            case .keyOrClose, .key:
                guard byte == UInt8(ascii: "\""), let keyEnd = scanString(bytes, position) else { return false }
                position = Self.skipWhitespace(bytes, keyEnd)
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
                position += 1
                expecting = .value
            case .separatorOrClose:
                guard let container = open.last else { return false }
                if byte == UInt8(ascii: ",") {
                    position += 1
                    expecting = container.isObject ? .key : .value
                } else if byte == (container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                    expecting = closeContainer(end: position)
                } else {
                    return false
                }
            case .value:
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard open.count < maximumDepth else { return false }
                    let isObject = byte == UInt8(ascii: "{")
                    open.append((entries.count, isObject))
                    append(isObject ? .object : .array, false, position, position + 1)
                    position += 1
                    if isObject {
                        expecting = .keyOrClose
                    } else {
                        let next = Self.skipWhitespace(bytes, position)
                        if next < bytes.count, bytes[next] == UInt8(ascii: "]") {
                            position = next + 1
                            expecting = closeContainer(end: position)
                        }
                    }
                    continue
                case UInt8(ascii: "\""):
                    guard let end = scanString(bytes, position) else { return false }
                    position = end
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let word: StaticString = byte == UInt8(ascii: "t") ? "true" : byte == UInt8(ascii: "f") ? "false" : "null"
                    let count = word.utf8CodeUnitCount
                    guard position + count <= bytes.count,
                          (0..<count).allSatisfy({ bytes[position + $0] == word.utf8Start[$0] }) else { return false }
                    append(byte == UInt8(ascii: "n") ? .null : .bool, byte == UInt8(ascii: "t"), position, position + count)
                    position += count
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard let end = Self.scanNumber(bytes, position) else { return false }
                    append(.number, false, position, end)
                    position = end
                default:
                    return false
                }
                expecting = open.isEmpty ? .end : .separatorOrClose
            }
        }
    }

    private mutating func append(_ kind: JSONTape.Kind, _ flag: Bool, _ start: Int, _ end: Int) {
        let index = entries.count
        entries.append(JSONTape.Entry(kind: kind, flag: flag, start: Int32(start), end: Int32(end), after: Int32(index + 1)))
    }

    /// Closes the innermost container and says what may follow it.
    private mutating func closeContainer(end: Int) -> Expecting {
        let container = open.removeLast()
        entries[container.index].end = Int32(end)
        entries[container.index].after = Int32(entries.count)
        return open.isEmpty ? .end : .separatorOrClose
    }

    /// Scans a string from its opening quote, appends its entry, and returns the offset after the closing quote.
    private mutating func scanString(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var position = start + 1
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                append(.string, escaped, start, position + 1)
                return position + 1
            }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                guard position + 1 < bytes.count else { return nil }
                switch bytes[position + 1] {
                case let code where JSONEscape.simple(code) != nil:
                    position += 2
                case UInt8(ascii: "u"):
                    guard position + 6 <= bytes.count,
                          (2..<6).allSatisfy({ hexDigitValue(bytes[position + $0]) != nil }) else { return nil }
                    position += 6
                default:
                    return nil
                }
                continue
            }
            position += 1
        }
        return nil
    }

    /// The offset after a number that follows the JSON grammar, or nil.
    private static func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        func isDigit(_ position: Int) -> Bool { position < bytes.count && bytes[position] >= 0x30 && bytes[position] <= 0x39 }
        var position = start
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard isDigit(position) else { return nil }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) { return nil }
        } else {
            while isDigit(position) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else { return nil }
            while isDigit(position) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard isDigit(position) else { return nil }
            while isDigit(position) { position += 1 }
        }
        return position
    }

    private static func skipWhitespace(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var position = start
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return position
            }
        }
        return position
    }
}
