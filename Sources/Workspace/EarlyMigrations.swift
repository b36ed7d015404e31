import Core
import Migrations

/// Migrations read on another thread, for the `out` folders known before the schemas were evaluated. The loader
/// takes the result only if the schemas name the same folders (they are read from the same configs, so they do;
/// a difference would mean a config read differently the second time, and the loader then reads again itself).
final class EarlyMigrations: Sendable {
    let outFolders: [(folder: String, configPath: String)]
    private let reading: BackgroundWork<LoadedMigrations, InputError>

    init(outFolders: [(folder: String, configPath: String)],
         read: @escaping @Sendable () throws(InputError) -> LoadedMigrations) {
        self.outFolders = outFolders
        reading = BackgroundWork(qos: .userInitiated, read)
    }

    /// The migrations read for `expected`, waiting for them; nil when they were read for other folders.
    func result(for expected: [(folder: String, configPath: String)]) throws(InputError) -> LoadedMigrations? {
        let result = reading.result
        guard expected.map(\.folder) == outFolders.map(\.folder),
              expected.map(\.configPath) == outFolders.map(\.configPath) else { return nil }
        return try result.get()
    }
}
