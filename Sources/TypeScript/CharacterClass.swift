// Byte classification for the lexer. Non-ASCII bytes count as identifier characters (TypeScript accepts Unicode
// ID_Start/ID_Continue; being lenient costs nothing for a reader that never rejects valid code), except the
// Unicode spaces and line terminators, which `Lexer.skipTrivia` recognises first.

extension UInt8 {
    var isIdentifierStart: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || self == UInt8(ascii: "_") || self == UInt8(ascii: "$") || self >= 0x80
    }

    var isIdentifierPart: Bool { isIdentifierStart || isDecimalDigit }

    var isDecimalDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }

    var isHexDigit: Bool {
        isDecimalDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }

    /// The value of a hexadecimal digit (0 for anything else; callers check `isHexDigit` first).
    var hexValue: UInt32 {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(self - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(self - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(self - UInt8(ascii: "A") + 10)
        default: 0
        }
    }
}

/// Multi-byte UTF-8 sequences that are whitespace or line terminators in JavaScript.
enum UnicodeTrivia {
    case space(length: Int)
    case lineBreak(length: Int)

    /// Classifies the sequence starting at `index` (whose first byte is >= 0x80), or nil for other characters.
    static func classify(_ bytes: [UInt8], at index: Int) -> UnicodeTrivia? {
        let first = bytes[index]
        let second = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch (first, second) {
        case (0xC2, 0xA0): return .space(length: 2)  // U+00A0 no-break space
        case (0xEF, 0xBB) where third == 0xBF: return .space(length: 3)  // U+FEFF byte-order mark
        case (0xE2, 0x80):
            if third == 0xA8 || third == 0xA9 { return .lineBreak(length: 3) }  // U+2028, U+2029
            if (0x80...0x8A).contains(third) || third == 0xAF { return .space(length: 3) }  // U+2000…200A, U+202F
            return nil
        case (0xE2, 0x81) where third == 0x9F: return .space(length: 3)  // U+205F
        case (0xE3, 0x80) where third == 0x80: return .space(length: 3)  // U+3000
        case (0xE1, 0x9A) where third == 0x80: return .space(length: 3)  // U+1680
        default: return nil
        }
    }
}
