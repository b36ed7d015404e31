extension Array where Element == UInt8 {
    /// Where `needle` first occurs within `range` of these bytes (by default all of them).
    func firstIndex(of needle: [UInt8], in range: Range<Int>? = nil) -> Int? {
        let range = range ?? indices
        guard let first = needle.first, range.lowerBound >= 0, range.upperBound <= count else { return nil }
        var p = range.lowerBound
        while p + needle.count <= range.upperBound {
            if self[p] == first, self[p..<(p + needle.count)].elementsEqual(needle) { return p }
            p += 1
        }
        return nil
    }
}
