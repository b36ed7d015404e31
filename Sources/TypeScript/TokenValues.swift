// Turning token bytes into values: identifier names, cooked strings and templates, numbers.
// Only called when the parser builds a node, never while scanning.

extension Lexer {
    /// The name of an identifier or private-name token (`#` dropped), escapes decoded.
    func identifierName(_ token: Token) -> String {
        let start = token.kind == .privateName ? token.start + 1 : token.start
        guard token.hasEscape else { return String(decoding: bytes[start..<token.end], as: UTF8.self) }
        return cook(start..<token.end, allowLineContinuation: false) ?? String(decoding: bytes[start..<token.end], as: UTF8.self)
    }

    /// The cooked value of a string-literal token.
    func stringValue(_ token: Token) -> String {
        let contentStart = min(token.start + 1, token.end)
        var contentEnd = token.end
        if contentEnd - 1 > token.start, bytes[contentEnd - 1] == bytes[token.start] { contentEnd -= 1 }
        guard token.hasEscape else { return String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self) }
        return cook(contentStart..<contentEnd, allowLineContinuation: true) ?? String(decoding: bytes[contentStart..<contentEnd], as: UTF8.self)
    }

    /// The raw text range of a template token, without `` ` ``, `}` and `${`.
    func templateTextRange(_ token: Token) -> Range<Int> {
        let start = min(token.start + 1, token.end)
        var end = token.end
        switch token.kind {
        case .templateHead, .templateMiddle:
            end = max(start, end - 2)
        default:
            if end > start, bytes[end - 1] == UInt8(ascii: "`") { end -= 1 }
        }
        return start..<end
    }

    /// Cooked template text: escapes decoded and CRLF / CR normalised to LF; nil for an invalid escape.
    func templateCooked(_ range: Range<Int>) -> String? {
        var hasSpecial = false
        for index in range where bytes[index] == UInt8(ascii: "\\") || bytes[index] == UInt8(ascii: "\r") {
            hasSpecial = true
            break
        }
        guard hasSpecial else { return String(decoding: bytes[range], as: UTF8.self) }
        return cook(range, allowLineContinuation: true)
    }

    /// Decodes escapes in `range`; nil when an escape is malformed.
    private func cook(_ range: Range<Int>, allowLineContinuation: Bool) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        let end = range.upperBound
        func at(_ offset: Int) -> UInt8 { offset < end ? bytes[offset] : 0 }
        while index < end {
            let current = bytes[index]
            if current == UInt8(ascii: "\r") {
                output.append(UInt8(ascii: "\n"))
                index += at(index + 1) == UInt8(ascii: "\n") ? 2 : 1
                continue
            }
            guard current == UInt8(ascii: "\\") else {
                output.append(current)
                index += 1
                continue
            }
            index += 1
            guard index < end else { return nil }
            let escaped = bytes[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): output.append(UInt8(ascii: "\n"))
            case UInt8(ascii: "t"): output.append(UInt8(ascii: "\t"))
            case UInt8(ascii: "r"): output.append(UInt8(ascii: "\r"))
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "v"): output.append(0x0B)
            case UInt8(ascii: "0") where !at(index).isDecimalDigit: output.append(0)
            case UInt8(ascii: "\r"):
                if at(index) == UInt8(ascii: "\n") { index += 1 }
                if !allowLineContinuation { return nil }
            case UInt8(ascii: "\n"):
                if !allowLineContinuation { return nil }
            case UInt8(ascii: "x"):
                guard at(index).isHexDigit, at(index + 1).isHexDigit else { return nil }
                appendScalar(at(index).hexValue << 4 | at(index + 1).hexValue, to: &output)
                index += 2
            case UInt8(ascii: "u"):
                var value: UInt32 = 0
                if at(index) == UInt8(ascii: "{") {
                    index += 1
                    var digits = 0
                    while at(index).isHexDigit, digits < 8 {
                        value = value << 4 | at(index).hexValue
                        index += 1
                        digits += 1
                    }
                    guard digits > 0, at(index) == UInt8(ascii: "}") else { return nil }
                    index += 1
                } else {
                    for offset in 0..<4 {
                        guard at(index + offset).isHexDigit else { return nil }
                        value = value << 4 | at(index + offset).hexValue
                    }
                    index += 4
                    // A surrogate pair written as two escapes.
                    if (0xD800...0xDBFF).contains(value), at(index) == UInt8(ascii: "\\"), at(index + 1) == UInt8(ascii: "u") {
                        var low: UInt32 = 0
                        var valid = true
                        for offset in 0..<4 {
                            guard at(index + 2 + offset).isHexDigit else {
                                valid = false
                                break
                            }
                            low = low << 4 | at(index + 2 + offset).hexValue
                        }
                        if valid, (0xDC00...0xDFFF).contains(low) {
                            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                            index += 6
                        }
                    }
                }
                appendScalar(value, to: &output)
            default:
                // `\'`, `\"`, `\\`, and identity escapes of any other character (multi-byte ones included).
                output.append(escaped)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    /// The numeric value of a number token (nan when malformed).
    func numberValue(_ token: Token) -> Double {
        var digits: [UInt8] = []
        digits.reserveCapacity(token.end - token.start)
        for index in token.start..<token.end where bytes[index] != UInt8(ascii: "_") { digits.append(bytes[index]) }
        guard digits.count >= 2, digits[0] == UInt8(ascii: "0") else {
            return Double(String(decoding: digits, as: UTF8.self)) ?? .nan
        }
        let radix: Double
        var start = 2
        switch digits[1] | 0x20 {
        case UInt8(ascii: "x"): radix = 16
        case UInt8(ascii: "o"): radix = 8
        case UInt8(ascii: "b"): radix = 2
        default:
            // Legacy octal `017` (decimal when it holds an 8 or 9), or a decimal like `0.5`.
            if digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) {
                radix = 8
                start = 1
            } else {
                return Double(String(decoding: digits, as: UTF8.self)) ?? .nan
            }
        }
        guard start < digits.count else { return .nan }
        var value = 0.0
        for digit in digits[start...] {
            guard digit.isHexDigit, Double(digit.hexValue) < radix else { return .nan }
            value = value * radix + Double(digit.hexValue)
        }
        return value
    }
}
