import Core
import Dispatch
import Migrations
import Synchronization

/// Migrations read on another thread, for the `out` folders known before the schemas were evaluated. The loader
/// takes the result only if the schemas name the same folders (they are read from the same configs, so they do;
/// a difference would mean a config read differently the second time, and the loader then reads again itself).
final class EarlyMigrations: Sendable {
    let outFolders: [(folder: String, configPath: String)]
    private let done = DispatchSemaphore(value: 0)
    private let outcome = Mutex<Result<LoadedMigrations, InputError>?>(nil)

    init(outFolders: [(folder: String, configPath: String)],
         read: @escaping @Sendable () throws(InputError) -> LoadedMigrations) {
        self.outFolders = outFolders
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = Result { () throws(InputError) in try read() }
            outcome.withLock { $0 = result }
            done.signal()
        }
    }

    /// The migrations read for `expected`, waiting for them; nil when they were read for other folders.
    func result(for expected: [(folder: String, configPath: String)]) throws(InputError) -> LoadedMigrations? {
        done.wait()
        done.signal()
        guard expected.map(\.folder) == outFolders.map(\.folder),
              expected.map(\.configPath) == outFolders.map(\.configPath),
              let result = outcome.withLock({ $0 }) else { return nil }
        return try result.get()
    }
}
