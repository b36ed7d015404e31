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

    /// Offset of the first byte that is not valid UTF-8 (where the standard library's decoder reports an error):
    /// runs of ASCII are skipped eight bytes at a time, other sequences checked against the well-formed ones of
    /// the Unicode standard (table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF).
    public static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let end = buffer.count
            var p = 0
            while p < end {
                while p + 8 <= end, UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self) & ByteWords.highs == 0 { p += 8 }
                guard p < end else { break }
                let lead = base[p]
                if lead < 0x80 {
                    p += 1
                    continue
                }
                let length = sequenceLength(leadByte: lead)
                // The allowed range of the second byte depends on the first; later ones are all 80…BF.
                let second: ClosedRange<UInt8>
                switch lead {
                case 0xC2...0xDF, 0xE1...0xEC, 0xEE...0xEF, 0xF1...0xF3: second = 0x80...0xBF
                case 0xE0: second = 0xA0...0xBF
                case 0xED: second = 0x80...0x9F
                case 0xF0: second = 0x90...0xBF
                case 0xF4: second = 0x80...0x8F
                default: return p
                }
                guard p + length <= end, second.contains(base[p + 1]) else { return p }
                for offset in 2..<length where base[p + offset] & 0xC0 != 0x80 { return p }
                p += length
            }
            return nil
        }
    }
}
