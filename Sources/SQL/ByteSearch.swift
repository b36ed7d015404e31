import CPgQuery

extension Array where Element == UInt8 {
    /// Where `needle` first occurs within `range` of these bytes (by default all of them).
    func firstIndex(of needle: [UInt8], in range: Range<Int>? = nil) -> Int? {
        let range = range ?? indices
        guard let first = needle.first, range.lowerBound >= 0, range.upperBound <= count else { return nil }
        var p = range.lowerBound
        while p + needle.count <= range.upperBound, let found = firstIndex(ofByte: first, in: p..<(range.upperBound - needle.count + 1)) {
            if holds(needle, at: found) { return found }
            p = found + 1
        }
        return nil
    }

    /// Whether these bytes hold `other` at `offset` (false when they end before it does).
    func holds(_ other: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + other.count <= count else { return false }
        return withUnsafeBufferPointer { buffer in
            other.withUnsafeBufferPointer { other in
                other.isEmpty || memcmp(buffer.baseAddress! + offset, other.baseAddress!, other.count) == 0
            }
        }
    }

    /// Where `byte` first occurs within `range` (clamped to the array). `memchr` reads many bytes per instruction:
    /// the search for a NUL goes over every file.
    func firstIndex(ofByte byte: UInt8, in range: Range<Int>) -> Int? {
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let start = Swift.max(range.lowerBound, 0)
            let end = Swift.min(range.upperBound, buffer.count)
            guard start < end, let found = memchr(base + start, Int32(byte), end - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }
}

/// Eight bytes tested at once (little-endian words: the first byte is the lowest).
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each zero byte, possibly with false positives above the first true one: the lowest bit set
    /// marks the first zero byte exactly.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
}
