import Synchronization

/// Facts that several rules derive from the same models (the lock-model rows of every migration statement), worked
/// out by the first rule that asks and shared with the others: rules run in parallel over one immutable project, and
/// nine migration rules each deriving them again cost twice the whole SQL parse on a 5,000-statement migration.
public final class DerivedFacts: Sendable {
    private let values = Mutex<[String: any Sendable]>([:])

    public init() {}

    /// The value under `key`, computed once. Rules asking for the same key meanwhile wait for it.
    public func value<Value: Sendable>(_ key: String, _ compute: () -> Value) -> Value {
        values.withLock { values in
            if let known = values[key] as? Value { return known }
            let value = compute()
            values[key] = value
            return value
        }
    }
}
