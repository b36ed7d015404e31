import Dispatch
import Synchronization

/// A value worked out on another thread from the moment it is made, so that a run can overlap it with work of its
/// own (the migrations read while the schemas are evaluated, the index parsed while the configuration is found);
/// `result` waits for it the first time, from any thread, any number of times.
public final class BackgroundWork<Value: Sendable, Failure: Error>: Sendable {
    private let outcome = Mutex<Result<Value, Failure>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    public init(qos: DispatchQoS.QoSClass = .default, _ work: @escaping @Sendable () throws(Failure) -> Value) {
        DispatchQueue.global(qos: qos).async { [self] in
            let result = Result { () throws(Failure) in try work() }
            outcome.withLock { $0 = result }
            done.signal()
        }
    }

    public var result: Result<Value, Failure> {
        if let known = outcome.withLock({ $0 }) { return known }
        done.wait()
        done.signal()  // for any other thread waiting too
        return outcome.withLock { $0! }
    }
}
