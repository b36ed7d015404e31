/// A token of the Prisma schema language. Newlines are tokens: a field or an assignment ends at the line's end.
struct PrismaToken: Sendable {
    enum Kind: Sendable, Equatable {
        case identifier, string, number, newline
        /// `{ } ( ) [ ] , : = ? . @` and `@@` (as "@@"), or any other byte (reported where it stands).
        case punctuation(String)
        /// `/// text`, kept for documentation.
        case docComment
        case end
    }

    var kind: Kind
    var range: Range<Int>
    /// The identifier, the decoded string, the number, or the comment's text.
    var text: String = ""
}

/// Splits a schema into tokens; `//` and `/* */` comments are dropped (kept aside for suppressions and notes),
/// `///` comments kept. Never fails: a byte it does not
/// know becomes a punctuation token the parser reports, and an unterminated string ends at the line's end.
struct PrismaLexer {
    static func tokens(_ bytes: [UInt8]) -> (tokens: [PrismaToken], errors: [PrismaSyntaxError], comments: [(text: String, range: Range<Int>)]) {
        var comments: [(text: String, range: Range<Int>)] = []
        var tokens: [PrismaToken] = []
        var errors: [PrismaSyntaxError] = []
        // A byte-order mark is not part of the schema.
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                tokens.append(PrismaToken(kind: .newline, range: index..<index + 1))
                index += 1
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "/"):
                let start = index
                while index < count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                if start + 2 < count && bytes[start + 2] == UInt8(ascii: "/") {
                    let text = String(decoding: bytes[(start + 3)..<index], as: UTF8.self)
                    tokens.append(PrismaToken(kind: .docComment, range: start..<index, text: text.trimmingSpaces))
                } else {
                    comments.append((String(decoding: bytes[(start + 2)..<index], as: UTF8.self), start..<index))
                }
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "*"):
                // Block comments are Prisma syntax since prisma-engines 6.x (`/* ... */`, on one line or many); the
                // newlines inside one end no field, as the comment stands where a space could.
                let start = index
                index += 2
                var closed = false
                while index < count {
                    if bytes[index] == UInt8(ascii: "*") && index + 1 < count && bytes[index + 1] == UInt8(ascii: "/") {
                        closed = true
                        break
                    }
                    index += 1
                }
                comments.append((String(decoding: bytes[(start + 2)..<index], as: UTF8.self), start..<(closed ? index + 2 : index)))
                if closed { index += 2 } else {
                    errors.append(PrismaSyntaxError(message: "block comment without a closing `*/`", range: start..<index))
                }
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                var value: [UInt8] = []
                var closed = false
                while index < count && bytes[index] != UInt8(ascii: "\n") {
                    let current = bytes[index]
                    if current == UInt8(ascii: "\"") { closed = true; index += 1; break }
                    if current == UInt8(ascii: "\\") && index + 1 < count {
                        let escaped = bytes[index + 1]
                        switch escaped {
                        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
                        default: value.append(escaped)
                        }
                        index += 2
                        continue
                    }
                    value.append(current)
                    index += 1
                }
                if !closed { errors.append(PrismaSyntaxError(message: "string without a closing quote", range: start..<index)) }
                tokens.append(PrismaToken(kind: .string, range: start..<index, text: String(decoding: value, as: UTF8.self)))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                index += 1
                while index < count, isNumberByte(bytes[index]) { index += 1 }
                tokens.append(PrismaToken(kind: .number, range: start..<index, text: String(decoding: bytes[start..<index], as: UTF8.self)))
            case UInt8(ascii: "@"):
                let double = index + 1 < count && bytes[index + 1] == UInt8(ascii: "@")
                let length = double ? 2 : 1
                tokens.append(PrismaToken(kind: .punctuation(double ? "@@" : "@"), range: index..<index + length))
                index += length
            default:
                if isIdentifierStart(byte) {
                    let start = index
                    while index < count, isIdentifierByte(bytes[index]) { index += 1 }
                    tokens.append(PrismaToken(kind: .identifier, range: start..<index, text: String(decoding: bytes[start..<index], as: UTF8.self)))
                } else {
                    // A multi-byte character is one token, so ranges never split a scalar.
                    var end = index + 1
                    while end < count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                    tokens.append(PrismaToken(kind: .punctuation(String(decoding: bytes[index..<end], as: UTF8.self)), range: index..<end))
                    index = end
                }
            }
        }
        tokens.append(PrismaToken(kind: .end, range: count..<count))
        return (tokens, errors, comments)
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " || scalars.first == "\t" { scalars.removeFirst() }
        while scalars.last == " " || scalars.last == "\t" || scalars.last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
