/// Converts libpg_query's character positions (error `cursorpos`) to byte offsets.
public enum UTF8Offsets {
    /// Bytes in the character whose first byte is `leadByte`, counted the way PostgreSQL's `pg_utf_mblen`
    /// counts them (so invalid UTF-8 maps exactly as the parser counted it).
    static func sequenceLength(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }

    /// The byte offset, within `range` of `bytes`, of the character `characterOffset` characters after its start
    /// (clamped to the range's end).
    static func byteOffset(ofCharacter characterOffset: Int, in bytes: [UInt8], range: Range<Int>) -> Int {
        var p = range.lowerBound
        var remaining = characterOffset
        while remaining > 0, p < range.upperBound {
            p += sequenceLength(leadByte: bytes[p])
            remaining -= 1
        }
        return min(p, range.upperBound)
    }

    /// Offset of the first byte that is not valid UTF-8, with the standard library's decoder.
    public static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
