import Core
import Testing

/// `partitioningIndex` finds where the suffix of matching elements starts, as a linear search does.
@Suite struct PartitioningIndexTests {
    @Test(arguments: [0, 1, 2, 7, 64])
    func findsTheStartOfTheMatchingSuffix(count: Int) {
        let sorted = (0..<count).map { $0 * 2 }
        for threshold in -1...(count * 2 + 1) {
            let expected = sorted.firstIndex { $0 >= threshold } ?? sorted.endIndex
            #expect(sorted.partitioningIndex { $0 >= threshold } == expected, "threshold \(threshold)")
        }
    }

    @Test func worksOnASlice() {
        let slice = [1, 3, 5, 7, 9][1...]
        #expect(slice.partitioningIndex { $0 > 4 } == 2)
        #expect(slice.partitioningIndex { $0 > 100 } == slice.endIndex)
    }
}
