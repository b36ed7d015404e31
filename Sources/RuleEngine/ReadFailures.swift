import Core
import Synchronization

/// The one rule for a file whose bytes cannot be had (docs/DESIGN.md, "Unreadable input"): whichever reader wanted
/// it (a schema file, an import followed later, `package.json`, a snapshot re-read for a rule, application code
/// searched for updates), the run ends with exit 2 naming the path, never a report without that file's verdicts.
/// Readers that treat a missing optional file as absent (`try? source.read`) keep doing so: this wrapper sees
/// every read, and the engine asks it after loading and after the rules ran.
package final class ReadFailures: FileSource {
    private let wrapped: any FileSource
    /// The listing the run works from (searched only when a read fails); a path outside it was only probed for (`migration_lock.toml`
    /// beside Prisma migrations), and not finding it means it is not there.
    private let listed = Mutex<[String]?>(nil)
    private let failures = Mutex<[InputError]>([])

    package init(_ source: any FileSource) {
        wrapped = source
    }

    package var name: String { wrapped.name }

    package func listFiles() throws(InputError) -> [String] {
        let paths = try wrapped.listFiles()
        listed.withLock { if $0 == nil { $0 = paths } }
        return paths
    }

    package func read(_ path: String) throws(InputError) -> [UInt8] {
        do { return try wrapped.read(path) } catch { throw record(error, path) }
    }

    package func readPrefix(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        do { return try wrapped.readPrefix(path, limit: limit) } catch { throw record(error, path) }
    }

    /// Forwarded, so that facts cached by blob id (the update scan of `--staged`) still find their keys.
    package func contentIDs(_ paths: [String]) -> [ContentID?] { wrapped.contentIDs(paths) }

    package func gitIgnoredFiles() -> Set<String> { wrapped.gitIgnoredFiles() }

    private func record(_ error: InputError, _ path: String) -> InputError {
        let isListed = listed.withLock { paths in paths?.contains(path) ?? true }
        if isListed { failures.withLock { $0.append(error) } }
        return error
    }

    /// Throws the failure of the first path (a stable message when several files fail in parallel).
    package func check() throws(InputError) {
        if let first = failures.withLock({ $0.min { $0.path < $1.path } }) { throw first }
    }
}
