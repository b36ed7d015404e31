import Core
import Dispatch
import Synchronization
import Testing

/// `ParallelRuns.map` gives what a plain map gives, in order, whatever the run length, also when called from inside
/// a `concurrentPerform` (where it cannot nest one).
@Suite struct ParallelRunsTests {
    @Test(arguments: [1, 3, 64, 1_000])
    func mapsEveryIndexOnceInOrder(runLength: Int) {
        let calls = Atomic<Int>(0)
        let squares = ParallelRuns.map(count: 257, runLength: runLength) { index in
            calls.wrappingAdd(1, ordering: .relaxed)
            return index * index
        }
        #expect(squares == (0..<257).map { $0 * $0 })
        #expect(calls.load(ordering: .relaxed) == 257)
    }

    @Test func mapsNothingForNoJobs() {
        #expect(ParallelRuns.map(count: 0, runLength: 8) { $0 }.isEmpty)
    }

    @Test func mapsFromInsideAConcurrentPerform() {
        let lists = [0, 1, 2, 3].concurrentMap { offset in
            ParallelRuns.map(count: 100, runLength: 7) { $0 + offset }
        }
        #expect(lists == [0, 1, 2, 3].map { offset in (0..<100).map { $0 + offset } })
    }
}
