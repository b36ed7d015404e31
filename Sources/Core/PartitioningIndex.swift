extension RandomAccessCollection {
    /// The first index whose element `belongs` to the second part, for a collection where the elements that do
    /// form a suffix (a sorted list asked "key > x", say); `endIndex` when none do. A binary search.
    ///
    /// Inlinable: replays and scans call it per lookup with a closure the caller's module specialises away.
    @inlinable
    public func partitioningIndex(where belongs: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try belongs(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
