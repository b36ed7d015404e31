/// Strict RFC 8259 JSON reader that keeps the byte range of every value and key.
///
/// Works directly on UTF-8 bytes; iterative (an explicit stack instead of recursion), so deep input cannot
/// overflow the call stack: nesting deeper than `maximumDepth` is a syntax error. A leading UTF-8 byte order
/// mark is skipped (ranges still count it).
public enum JSONReader {
    public static let maximumDepth = 512

    public static func parse(_ bytes: [UInt8]) -> Result<JSONNode, JSONSyntaxError> {
        parse(bytes, materializingDepth: Int.max)
    }

    /// Checks the whole document but keeps the contents of containers only down to `materializingDepth` levels
    /// (the root container is level 1); deeper arrays and objects come back empty, with their ranges. For callers
    /// that need a document's outline, not its bulk (a migration snapshot's `id`, `prevId` and table names).
    public static func parse(_ bytes: [UInt8], materializingDepth: Int) -> Result<JSONNode, JSONSyntaxError> {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, materializingDepth: materializingDepth)
            do throws(JSONSyntaxError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
    }

    public static func parse(_ text: String) -> Result<JSONNode, JSONSyntaxError> {
        parse(Array(text.utf8))
    }
}

/// One open array or object while parsing; mutated in place on the parser's stack.
private struct OpenContainer {
    var start: Int
    var isObject: Bool
    var elements: [JSONNode] = []
    var members: [JSONMember] = []
    var pendingKey = ""
    var pendingKeyRange = 0..<0
}

private struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Containers nested deeper than this are validated but not filled.
    let materializingDepth: Int
    var position = 0
    var stack: [OpenContainer] = []

    init(bytes: UnsafeBufferPointer<UInt8>, materializingDepth: Int) {
        self.bytes = bytes
        self.materializingDepth = materializingDepth
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    var end: Int { bytes.count }

    // MARK: Structure

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        let root = try parseValueTree()
        skipWhitespace()
        if position < end {
            throw error("unexpected content after the JSON value", at: tokenRange(at: position))
        }
        return root
    }

    /// Parses one value, containers included, without recursion.
    mutating func parseValueTree() throws(JSONSyntaxError) -> JSONNode {
        while true {
            var value: JSONNode
            skipWhitespace()
            guard position < end else { throw unexpectedEnd() }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                let start = position
                position += 1
                skipWhitespace()
                if position < end, bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    value = JSONNode(value: .object([]), range: start..<position)
                } else {
                    try checkDepth(start)
                    var container = OpenContainer(start: start, isObject: true)
                    (container.pendingKey, container.pendingKeyRange) = try parseKeyAndColon()
                    stack.append(container)
                    continue
                }
            case UInt8(ascii: "["):
                let start = position
                position += 1
                skipWhitespace()
                if position < end, bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    value = JSONNode(value: .array([]), range: start..<position)
                } else {
                    try checkDepth(start)
                    stack.append(OpenContainer(start: start, isObject: false))
                    continue
                }
            default:
                value = try parseScalar()
            }
            // A value is complete: hand it to the enclosing containers, closing those that end here.
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack.count > materializingDepth {
                    // Below the outline: the value was checked, and is dropped.
                } else if stack[top].isObject {
                    let member = JSONMember(key: stack[top].pendingKey, keyRange: stack[top].pendingKeyRange, value: value)
                    stack[top].members.append(member)
                } else {
                    stack[top].elements.append(value)
                }
                skipWhitespace()
                let closer = stack[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard position < end else { throw unexpectedEnd() }
                let byte = bytes[position]
                if byte == UInt8(ascii: ",") {
                    let comma = position
                    position += 1
                    skipWhitespace()
                    if position < end, bytes[position] == closer {
                        var trailing = error("trailing comma before `\(Character(Unicode.Scalar(closer)))`", at: comma..<comma + 1)
                        trailing.isTrailingComma = true
                        throw trailing
                    }
                    if stack[top].isObject {
                        (stack[top].pendingKey, stack[top].pendingKeyRange) = try parseKeyAndColon()
                    }
                    break
                } else if byte == closer {
                    position += 1
                    let container = stack.removeLast()
                    let range = container.start..<position
                    value = JSONNode(value: container.isObject ? .object(container.members) : .array(container.elements), range: range)
                } else {
                    let message = stack[top].isObject
                        ? "expected `,` or `}` after object member" : "expected `,` or `]` after array element"
                    throw error(message, at: tokenRange(at: position))
                }
            }
            if stack.isEmpty { return value }
        }
    }

    mutating func checkDepth(_ start: Int) throws(JSONSyntaxError) {
        if stack.count >= JSONReader.maximumDepth {
            throw error("nesting deeper than \(JSONReader.maximumDepth) levels", at: start..<start + 1)
        }
    }

    mutating func parseKeyAndColon() throws(JSONSyntaxError) -> (String, Range<Int>) {
        skipWhitespace()
        guard position < end else { throw unexpectedEnd() }
        guard bytes[position] == UInt8(ascii: "\"") else {
            let range = tokenRange(at: position)
            if bytes[position] == UInt8(ascii: "'") || isIdentifierByte(bytes[position]) {
                throw error("object keys must be double-quoted strings", at: range)
            }
            throw error("expected a string key or `}`", at: range)
        }
        let start = position
        let key = try parseString()
        let keyRange = start..<position
        skipWhitespace()
        guard position < end else { throw unexpectedEnd() }
        guard bytes[position] == UInt8(ascii: ":") else {
            throw error("expected `:` after object key", at: tokenRange(at: position))
        }
        position += 1
        return (key, keyRange)
    }

    // MARK: Scalars

    mutating func parseScalar() throws(JSONSyntaxError) -> JSONNode {
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""):
            let string = try parseString()
            return JSONNode(value: .string(string), range: start..<position)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONNode(value: .bool(true), range: start..<position)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONNode(value: .bool(false), range: start..<position)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONNode(value: .null, range: start..<position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let number = try parseNumber()
            return JSONNode(value: .number(number), range: start..<position)
        default:
            throw unexpectedCharacter(at: start)
        }
    }

    mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let matches = position + count <= end && (0..<count).allSatisfy { bytes[position + $0] == word.utf8Start[$0] }
        let range = tokenRange(at: position)
        guard matches, range.count == count else {
            throw error("unexpected token `\(text(range))`", at: range)
        }
        position += count
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        var isPlainInteger = true
        var integerValue = 0
        var digitCount = 0
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < end, isDigit(bytes[position]) else {
            throw error("invalid number: expected a digit after `-`", at: start..<max(position, start + 1))
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            digitCount = 1
            if position < end, isDigit(bytes[position]) {
                throw error("invalid number `\(text(tokenRange(at: start)))`: leading zeros are not allowed", at: tokenRange(at: start))
            }
        } else {
            while position < end, isDigit(bytes[position]) {
                if digitCount < 16 { integerValue = integerValue * 10 + Int(bytes[position] &- 48) }
                digitCount += 1
                position += 1
            }
        }
        if position < end, bytes[position] == UInt8(ascii: ".") {
            isPlainInteger = false
            position += 1
            guard position < end, isDigit(bytes[position]) else {
                throw error("invalid number: expected a digit after `.`", at: start..<position)
            }
            while position < end, isDigit(bytes[position]) { position += 1 }
        }
        if position < end, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            isPlainInteger = false
            position += 1
            if position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < end, isDigit(bytes[position]) else {
                throw error("invalid number: expected a digit in the exponent", at: start..<position)
            }
            while position < end, isDigit(bytes[position]) { position += 1 }
        }
        if position < end, isIdentifierByte(bytes[position]) || bytes[position] == UInt8(ascii: ".") {
            let range = start..<tokenRange(at: position).upperBound
            throw error("invalid number `\(text(range))`", at: range)
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<position])
        let literal = String(decoding: slice, as: UTF8.self)
        if isPlainInteger, digitCount <= 15 {
            let negative = bytes[start] == UInt8(ascii: "-")
            return JSONNumber(literal: literal, isInteger: true, double: Double(negative ? -integerValue : integerValue))
        }
        let isInteger = isPlainInteger || (ExactDecimal(literal: slice)?.isInteger ?? false)
        return JSONNumber(literal: literal, isInteger: isInteger, double: Double(literal) ?? .nan)
    }

    /// Parses a string starting at the opening quote; leaves `position` after the closing quote.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        let contentStart = position
        // Fast path: no escapes, so the bytes are the string.
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<position]), as: UTF8.self)
                position += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte, stringStart: start) }
            if byte < 0x80 { position += 1 } else { try skipUTF8Sequence() }
        }
        guard position < end else {
            throw error("unterminated string", at: start..<end)
        }
        // Slow path: copy what we have and decode escapes.
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<position]))
        while position < end {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try decodeEscape(into: &buffer)
            case 0..<0x20:
                throw controlCharacter(byte, stringStart: start)
            case 0..<0x80:
                buffer.append(byte)
                position += 1
            default:
                let sequenceStart = position
                try skipUTF8Sequence()
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[sequenceStart..<position]))
            }
        }
        throw error("unterminated string", at: start..<end)
    }

    mutating func decodeEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        let escapeStart = position
        position += 1
        guard position < end else { throw error("unterminated string", at: escapeStart..<end) }
        let code = bytes[position]
        position += 1
        if let byte = JSONEscape.simple(code) {
            buffer.append(byte)
            return
        }
        switch code {
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(scalar), position + 6 <= end,
               bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                let saved = position
                position += 2
                let low = try readHex4(escapeStart: saved)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    position = saved  // not a pair: the high surrogate stands alone
                }
            }
            // Lone surrogates are valid JSON text but not Unicode scalars: they become U+FFFD.
            let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            let range = escapeStart..<min(end, escapeStart + 2)
            throw error("invalid escape `\(text(range))`", at: range)
        }
    }

    mutating func readHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < end, let digit = hexDigitValue(bytes[position]) else {
                let range = escapeStart..<min(end, max(position, escapeStart + 2))
                throw error("invalid escape `\(text(range))`: expected four hex digits", at: range)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Validates one multi-byte UTF-8 sequence at `position` and steps over it.
    mutating func skipUTF8Sequence() throws(JSONSyntaxError) {
        let length = utf8SequenceLength(at: position)
        guard length > 0 else {
            throw error("invalid UTF-8 byte 0x\(hex(bytes[position]))", at: position..<position + 1)
        }
        position += length
    }

    /// Length of the valid UTF-8 sequence at `index`, or 0 when the bytes there are not valid UTF-8.
    func utf8SequenceLength(at index: Int) -> Int {
        let lead = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < end && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xE1...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    // MARK: Helpers

    mutating func skipWhitespace() {
        while position < end {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The range of the "token" at `index` for error messages: an identifier-like run, or one character.
    func tokenRange(at index: Int) -> Range<Int> {
        guard index < end else { return end..<end }
        var upper = index
        if bytes[index] == UInt8(ascii: "\"") {
            // A string token: up to its closing quote on the same line.
            upper += 1
            while upper < end, bytes[upper] != UInt8(ascii: "\""), bytes[upper] != 0x0A {
                upper += bytes[upper] == UInt8(ascii: "\\") ? 2 : 1
            }
            return index..<min(upper + 1, end)
        }
        while upper < end, isIdentifierByte(bytes[upper]) || isDigit(bytes[upper]) { upper += 1 }
        if upper == index { upper = index + max(1, utf8SequenceLength(at: index)) }
        return index..<min(upper, end)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range.clamped(to: 0..<end)]), as: UTF8.self)
    }

    func error(_ message: String, at range: Range<Int>) -> JSONSyntaxError {
        JSONSyntaxError(message: message, range: range)
    }

    func unexpectedEnd() -> JSONSyntaxError {
        error("unexpected end of input", at: end..<end)
    }

    func controlCharacter(_ byte: UInt8, stringStart: Int) -> JSONSyntaxError {
        if byte == 0x0A || byte == 0x0D {
            return error("unterminated string (line break inside string)", at: stringStart..<position)
        }
        return error("control character 0x\(hex(byte)) must be escaped in a string", at: position..<position + 1)
    }

    func unexpectedCharacter(at index: Int) -> JSONSyntaxError {
        let byte = bytes[index]
        let range = tokenRange(at: index)
        switch byte {
        case UInt8(ascii: "'"):
            return error("strings must use double quotes", at: range)
        case UInt8(ascii: "/") where index + 1 < end && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*")):
            return error("comments are not allowed in JSON", at: index..<index + 2)
        case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ":"):
            return error("unexpected `\(text(range))`, expected a value", at: range)
        case 0x80...:
            if utf8SequenceLength(at: index) == 0 {
                return error("invalid UTF-8 byte 0x\(hex(byte))", at: index..<index + 1)
            }
            return error("unexpected character `\(text(range))`", at: range)
        default:
            if isIdentifierByte(byte) { return error("unexpected token `\(text(range))`", at: range) }
            return error("unexpected character `\(text(range))`", at: range)
        }
    }
}

private func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}

/// The one-character escapes of RFC 8259 (`\n`, `\"`, …), shared by the tree and tape readers.
enum JSONEscape {
    /// The byte that `\` + `code` stands for; nil for `u` and for invalid escapes.
    static func simple(_ code: UInt8) -> UInt8? {
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): code
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }
}
