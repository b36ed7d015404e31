import Synchronization

/// Facts that several rules derive from the same models (the lock-model rows of every migration statement), worked
/// out by the first rule that asks and shared with the others: rules run in parallel over one immutable project, and
/// nine migration rules each deriving them again cost twice the whole SQL parse on a 5,000-statement migration.
public final class DerivedFacts: Sendable {
    /// One cell per key, each with its own lock: a fact may be derived from another (the lock-model rows from the
    /// replayed statements), and rules asking for different facts need not wait for each other.
    private final class Cell: Sendable {
        let value = Mutex<(any Sendable)?>(nil)
    }

    private let cells = Mutex<[String: Cell]>([:])

    public init() {}

    /// The value under `key`, computed once. Rules asking for the same key meanwhile wait for it.
    public func value<Value: Sendable>(_ key: String, _ compute: () -> Value) -> Value {
        let cell = cells.withLock { cells in
            if let cell = cells[key] { return cell }
            let cell = Cell()
            cells[key] = cell
            return cell
        }
        return cell.value.withLock { stored in
            if let known = stored as? Value { return known }
            let value = compute()
            stored = value
            return value
        }
    }
}
