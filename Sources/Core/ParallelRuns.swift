import Dispatch
import Foundation
import Synchronization

/// Independent jobs mapped on every core from code that may itself run inside a `concurrentPerform` (a rule, a file
/// of a folder), where a nested `concurrentPerform` runs serially.
///
/// The jobs are cut into runs of `runLength`. This thread takes runs from a shared counter, and helpers queued on the
/// global queue take runs too when a core is free. No run waits for a helper to start: this thread alone finishes
/// them all if none does, and then waits only for runs a started helper is still working on (on a busy machine a
/// helper may start late, find nothing left, and return).
public enum ParallelRuns {
    /// `transform` of every index in `0..<count`, in index order.
    public static func map<Result: Sendable>(count: Int, runLength: Int,
                                             _ transform: @escaping @Sendable (Int) -> Result) -> [Result] {
        let runLength = max(runLength, 1)
        let runs = (count + runLength - 1) / runLength
        guard runs > 1 else { return (0..<count).map(transform) }
        let shared = SharedRuns<Result>(count: runs)
        let work: @Sendable () -> Void = {
            while let run = shared.take() {
                shared.store(run, (run * runLength..<min((run + 1) * runLength, count)).map(transform))
            }
        }
        for _ in 1..<min(ProcessInfo.processInfo.activeProcessorCount, runs) {
            DispatchQueue.global().async(execute: work)
        }
        work()
        shared.waitUntilAllStored()
        return shared.results()
    }
}

/// The runs of one parallel map: the next run to take, and each run's results in its own slot.
private final class SharedRuns<Result: Sendable>: @unchecked Sendable {
    private let next = Atomic<Int>(0)
    private let stored = Atomic<Int>(0)
    /// Signalled once, by whichever thread stores the last run.
    private let allStored = DispatchSemaphore(value: 0)
    private let count: Int
    /// Each slot is written by the one thread that took its run, and read after every run is stored.
    private let slots: UnsafeMutableBufferPointer<[Result]>

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func take() -> Int? {
        let run = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return run < count ? run : nil
    }

    func store(_ run: Int, _ results: [Result]) {
        slots[run] = results
        // Acquire-release: the thread that sees the last store also sees every slot written before it.
        if stored.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == count { allStored.signal() }
    }

    func waitUntilAllStored() { allStored.wait() }

    func results() -> [Result] { slots.flatMap { $0 } }
}
