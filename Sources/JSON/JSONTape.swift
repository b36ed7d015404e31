/// A JSON document read into one flat array of entries ("a tape") instead of a tree of nodes: one allocation for the
/// whole document, nothing to free node by node, and strings decoded only when asked for.
///
/// For large machine-written documents that are read once and mostly skipped (libpg_query's parse trees): building
/// and freeing a `JSONNode` tree for them cost more than PostgreSQL's parser itself. Values keep their byte ranges.
/// The reader is strict about structure, strings (control characters, escapes) and numbers; invalid UTF-8 inside a
/// string is repaired when the string is decoded, as `String(decoding:)` does.
///
/// The tape owns a copy of the text and its entries in fixed memory that never changes after reading, so that a
/// reader can walk it with `JSONTapeCursor`s (plain pointers, no reference counting) while it keeps the tape alive.
public final class JSONTape: @unchecked Sendable {
    public enum Kind: UInt8, Sendable { case null, bool, number, string, array, object }

    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var kind: Kind
        /// For `bool`: whether it is `true`. For strings: whether the text holds an escape.
        @usableFromInline var flag: Bool
        /// Whether this string is an object member's key (its value is the next entry).
        @usableFromInline var isKey: Bool
        @usableFromInline var start: Int32
        @usableFromInline var end: Int32
        /// The index just past this value's entries (its members or elements included).
        @usableFromInline var after: Int32
    }

    /// The document's text and entries: written once while reading, never changed after, freed with the tape.
    let bytes: UnsafeBufferPointer<UInt8>
    let entries: UnsafeBufferPointer<Entry>

    private init(bytes: UnsafeBufferPointer<UInt8>, entries: UnsafeBufferPointer<Entry>) {
        self.bytes = bytes
        self.entries = entries
    }

    deinit {
        bytes.deallocate()
        entries.deallocate()
    }

    /// The document's root value, or nil when `bytes` is not one valid JSON value, nests deeper than
    /// `maximumDepth`, or is larger than 2 GB (offsets are 32-bit).
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = JSONReader.maximumDepth) -> JSONTapeValue? {
        bytes.withUnsafeBufferPointer { parse(copying: $0, maximumDepth: maximumDepth) }
    }

    /// `parse` of text the caller owns (a C library's output), copied once into the tape.
    public static func parse(copying source: UnsafeBufferPointer<UInt8>, maximumDepth: Int = JSONReader.maximumDepth) -> JSONTapeValue? {
        guard source.count < Int(Int32.max) else { return nil }
        var builder = TapeBuilder(maximumDepth: maximumDepth, expectedCount: source.count / 6 + 4)
        guard let entries = builder.build(source) else { return nil }
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(source.count, 1))
        _ = copy.initialize(from: source)
        let tape = JSONTape(bytes: UnsafeBufferPointer(copy), entries: entries)
        return JSONTapeValue(tape: tape, index: 0)
    }

    var root: JSONTapeCursor { JSONTapeCursor(tape: self, index: 0) }
}

/// One value of a `JSONTape`; it keeps the tape alive.
public struct JSONTapeValue: Sendable {
    let tape: JSONTape
    let index: Int

    /// The same value as a cursor, for fast walks: valid only while this value (or its tape) is kept alive,
    /// e.g. inside `withExtendedLifetime(value)`.
    public var cursor: JSONTapeCursor { JSONTapeCursor(tape: tape, index: index) }

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
        for (key, value) in cursor.members {
            body(JSONTapeKey(tape: tape, index: key.index), JSONTapeValue(tape: tape, index: value.index))
        }
    }

    /// Calls `body` with each element of an array, in order (nothing for other values).
    public func forEachElement(_ body: (JSONTapeValue) -> Void) {
        for element in cursor.elements { body(JSONTapeValue(tape: tape, index: element.index)) }
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
        guard cursor.isOneMemberObject else { return nil }
        return (JSONTapeKey(tape: tape, index: index + 1), JSONTapeValue(tape: tape, index: index + 2))
    }

    /// Calls `body` with the value of every one-member object `{tag: value}` in the subtree, this value included,
    /// in source order, without looking inside a match.
    public func forEachWrapped(_ tag: StaticString, _ body: (JSONTapeValue) -> Void) {
        withExtendedLifetime(tape) {
            cursor.forEachWrapped(tag) { body(JSONTapeValue(tape: tape, index: $0.index)); return false }
        }
    }

    public var stringValue: String? { cursor.string }

    public var boolValue: Bool? { cursor.bool }

    /// An integer number as `Int`; nil for other values, fractions, exponents and integers beyond `Int`.
    public var intValue: Int? { cursor.int }

    public var isNull: Bool { kind == .null }
}

/// An object member's key on a tape.
public struct JSONTapeKey: Sendable {
    let tape: JSONTape
    let index: Int

    public var string: String { TapeText.decodeString(tape.bytes.baseAddress!, tape.entries[index]) }

    /// Whether the key is `name`, compared without building a string when the key has no escape.
    public func matches(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { JSONTapeKeyCursor(tape: tape, index: index).matches($0) }
    }
}

enum TapeText {
    static func decodeString(_ bytes: UnsafePointer<UInt8>, _ entry: JSONTape.Entry) -> String {
        let content = UnsafeBufferPointer(start: bytes + Int(entry.start) + 1, count: Int(entry.end) - Int(entry.start) - 2)
        guard entry.flag else { return String(decoding: content, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var position = 0
        while position < content.count {
            // The text up to the next escape, copied at once.
            var runEnd = position
            while runEnd < content.count, content[runEnd] != UInt8(ascii: "\\") { runEnd += 1 }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: content[position..<runEnd]))
            position = runEnd
            guard position < content.count else { break }
            let code = content[position + 1]
            position += 2
            if let byte = JSONEscape.simple(code) {
                output.append(byte)
                continue
            }
            // The builder accepted only valid escapes: what is left is `\uXXXX`.
            var scalar = hex4(content, position)
            position += 4
            if (0xD800...0xDBFF).contains(scalar), position + 6 <= content.count,
               content[position] == UInt8(ascii: "\\"), content[position + 1] == UInt8(ascii: "u") {
                let low = hex4(content, position + 2)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
            }
            output.append(contentsOf: String(Unicode.Scalar(scalar) ?? "\u{FFFD}").utf8)
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt32 {
        var value: UInt32 = 0
        for byte in bytes[start..<(start + 4)] { value = value << 4 | UInt32(hexDigitValue(byte) ?? 0) }
        return value
    }

    static func integer(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int? {
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
/// stack), validating as it goes. Entries and the stack live in memory of their own, held in local variables (no
/// array copy-on-write checks per entry): this loop reads every byte libpg_query writes.
private struct TapeBuilder {
    let maximumDepth: Int
    private var entries: UnsafeMutablePointer<JSONTape.Entry>
    private var capacity: Int
    private var count = 0
    /// The entry index of each open container.
    private var open: UnsafeMutablePointer<Int32>
    private var openCapacity = 16
    private var depth = 0

    init(maximumDepth: Int, expectedCount: Int) {
        self.maximumDepth = maximumDepth
        capacity = max(expectedCount, 16)
        entries = .allocate(capacity: capacity)
        open = .allocate(capacity: openCapacity)
    }

    /// The entries when `source` is one valid JSON value (the caller owns them), else nil.
    mutating func build(_ source: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<JSONTape.Entry>? {
        defer { open.deallocate() }
        if let base = source.baseAddress, read(base, source.count) {
            return UnsafeBufferPointer(start: entries, count: count)
        }
        entries.deallocate()
        return nil
    }

    private mutating func read(_ bytes: UnsafePointer<UInt8>, _ end: Int) -> Bool {
        var position = 0
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        // Each turn reads one value at `position`, then closes the containers it ends.
        while true {
            position = Self.skipWhitespace(bytes, position, end)
            guard position < end else { return false }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < maximumDepth else { return false }
                push(Int32(count))
                append(byte == UInt8(ascii: "{") ? .object : .array, false, position, position + 1)
                position = Self.skipWhitespace(bytes, position + 1, end)
                guard position < end else { return false }
                if bytes[position] != (byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    if byte == UInt8(ascii: "{") {
                        guard let afterKey = readKey(bytes, position, end) else { return false }
                        position = afterKey
                    }
                    continue
                }
                position += 1
                closeContainer(end: position)
            case UInt8(ascii: "\""):
                guard let stringEnd = scanString(bytes, position, end, isKey: false) else { return false }
                position = stringEnd
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                let word: StaticString = byte == UInt8(ascii: "t") ? "true" : byte == UInt8(ascii: "f") ? "false" : "null"
                let length = word.utf8CodeUnitCount
                guard position + length <= end,
                      (0..<length).allSatisfy({ bytes[position + $0] == word.utf8Start[$0] }) else { return false }
                append(byte == UInt8(ascii: "n") ? .null : .bool, byte == UInt8(ascii: "t"), position, position + length)
                position += length
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard let numberEnd = Self.scanNumber(bytes, position, end) else { return false }
                append(.number, false, position, numberEnd)
                position = numberEnd
            default:
                return false
            }
            // After a value: the end of the document, a separator, or the end of its container.
            while true {
                position = Self.skipWhitespace(bytes, position, end)
                guard depth > 0 else { return position == end }
                guard position < end else { return false }
                let isObject = entries[Int(open[depth - 1])].kind == .object
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    if isObject {
                        guard let afterKey = readKey(bytes, Self.skipWhitespace(bytes, position, end), end) else { return false }
                        position = afterKey
                    }
                    break
                }
                guard bytes[position] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                position += 1
                closeContainer(end: position)
            }
        }
    }

    /// Reads `"key" :` at `position`; the offset after the colon.
    private mutating func readKey(_ bytes: UnsafePointer<UInt8>, _ position: Int, _ end: Int) -> Int? {
        guard position < end, bytes[position] == UInt8(ascii: "\""), let keyEnd = scanString(bytes, position, end, isKey: true) else { return nil }
        let colon = Self.skipWhitespace(bytes, keyEnd, end)
        guard colon < end, bytes[colon] == UInt8(ascii: ":") else { return nil }
        return colon + 1
    }

    private mutating func push(_ index: Int32) {
        if depth == openCapacity {
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: openCapacity * 2)
            grown.moveInitialize(from: open, count: depth)
            open.deallocate()
            open = grown
            openCapacity *= 2
        }
        open[depth] = index
        depth += 1
    }

    @inline(__always)
    private mutating func append(_ kind: JSONTape.Kind, _ flag: Bool, _ start: Int, _ end: Int, isKey: Bool = false) {
        if count == capacity { grow() }
        (entries + count).initialize(to: JSONTape.Entry(kind: kind, flag: flag, isKey: isKey, start: Int32(start), end: Int32(end),
                                                        after: Int32(count + 1)))
        count += 1
    }

    @inline(never)
    private mutating func grow() {
        let grown = UnsafeMutablePointer<JSONTape.Entry>.allocate(capacity: capacity * 2)
        grown.moveInitialize(from: entries, count: count)
        entries.deallocate()
        entries = grown
        capacity *= 2
    }

    /// Closes the innermost container at `end`.
    private mutating func closeContainer(end: Int) {
        depth -= 1
        let container = Int(open[depth])
        entries[container].end = Int32(end)
        entries[container].after = Int32(count)
    }

    /// Scans a string from its opening quote, appends its entry, and returns the offset after the closing quote.
    private mutating func scanString(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int, isKey: Bool) -> Int? {
        var position = start + 1
        var escaped = false
        while true {
            // To the next `"`, `\` or control character, eight bytes at a time.
            if position + 8 <= end {
                let special = Self.specialBytes(UnsafeRawPointer(bytes + position).loadUnaligned(as: UInt64.self))
                if special == 0 {
                    position += 8
                    continue
                }
                position += special.trailingZeroBitCount >> 3
            } else {
                while position < end, bytes[position] >= 0x20, bytes[position] != UInt8(ascii: "\\"), bytes[position] != UInt8(ascii: "\"") {
                    position += 1
                }
                guard position < end else { return nil }
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                append(.string, escaped, start, position + 1, isKey: isKey)
                return position + 1
            }
            if byte < 0x20 { return nil }
            // A backslash.
            escaped = true
            guard position + 1 < end else { return nil }
            switch bytes[position + 1] {
            case let code where JSONEscape.simple(code) != nil:
                position += 2
            case UInt8(ascii: "u"):
                guard position + 6 <= end,
                      (2..<6).allSatisfy({ hexDigitValue(bytes[position + $0]) != nil }) else { return nil }
                position += 6
            default:
                return nil
            }
        }
    }

    /// The high bit of each of the eight bytes (first byte lowest) that is `"`, `\` or below 0x20, possibly with
    /// false positives above the first true one: so the lowest bit set marks the first such byte exactly.
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let belowSpace = (word &- ones &* 0x20) & ~word & highs
        return belowSpace | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
    }

    /// The offset after a number that follows the JSON grammar, or nil.
    private static func scanNumber(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        func isDigit(_ position: Int) -> Bool { position < end && bytes[position] >= 0x30 && bytes[position] <= 0x39 }
        var position = start
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard isDigit(position) else { return nil }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if isDigit(position) { return nil }
        } else {
            while isDigit(position) { position += 1 }
        }
        if position < end, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else { return nil }
            while isDigit(position) { position += 1 }
        }
        if position < end, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard isDigit(position) else { return nil }
            while isDigit(position) { position += 1 }
        }
        return position
    }

    private static func skipWhitespace(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var position = start
        while position < end {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return position
            }
        }
        return position
    }
}
