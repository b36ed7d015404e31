import Synchronization

/// Models a one-shot command keeps until the process exits. Freeing a project's models object by object (every
/// parsed statement, table and finding) cost a tenth of a `check` of a migrations folder; the exit that follows
/// returns the memory at once. Only for commands that exit after one run: a long-lived caller (the language server,
/// the tests) would keep every run's models.
public enum ProcessLifetime {
    private static let kept = Mutex<[any Sendable]>([])

    public static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
