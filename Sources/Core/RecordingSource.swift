import Synchronization

/// A file source that remembers what it served (each path, whole or a prefix, and a hash of the bytes), so that a
/// later run can tell whether a model made from those reads would come out the same: `isUnchanged(in:)` reads the
/// same files again and compares. It reads through whatever source it is pointed at (`retarget`), so a model kept
/// from an earlier run that reads late (a snapshot's table list asked for by a rule) reads the current files, and
/// what it reads then is remembered too.
public final class RecordingSource: FileSource {
    private struct Read: Hashable {
        /// `Int.max` for a whole read.
        var limit: Int
        /// The bytes' length and hash; nil when the read failed (a missing optional file).
        var count: Int?
        var hash: UInt64
    }

    private let target: Mutex<any FileSource>
    private let reads = Mutex<[String: Set<Read>]>([:])

    public init(_ source: any FileSource) {
        target = Mutex(source)
    }

    /// Points the source at another run's files.
    public func retarget(_ source: any FileSource) {
        target.withLock { $0 = source }
    }

    private var current: any FileSource { target.withLock { $0 } }

    public var name: String { current.name }
    public func listFiles() throws(InputError) -> [String] { try current.listFiles() }
    public func contentIDs(_ paths: [String]) -> [ContentID?] { current.contentIDs(paths) }

    public func read(_ path: String) throws(InputError) -> [UInt8] {
        try served(path, limit: .max) { source throws(InputError) in try source.read(path) }
    }

    public func readPrefix(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        try served(path, limit: limit) { source throws(InputError) in try source.readPrefix(path, limit: limit) }
    }

    private func served(_ path: String, limit: Int,
                        _ read: (any FileSource) throws(InputError) -> [UInt8]) throws(InputError) -> [UInt8] {
        do {
            let bytes = try read(current)
            remember(path, Read(limit: limit, count: bytes.count, hash: ParseCache.hash(bytes)))
            return bytes
        } catch {
            remember(path, Read(limit: limit, count: nil, hash: 0))
            throw error
        }
    }

    private func remember(_ path: String, _ read: Read) {
        reads.withLock { _ = $0[path, default: []].insert(read) }
    }

    /// Whether `source` serves every remembered read as it was served then (the same bytes, or the same failure).
    public func isUnchanged(in source: any FileSource) -> Bool {
        let remembered = reads.withLock { $0 }
        for (path, reads) in remembered {
            for read in reads {
                let bytes = try? (read.limit == .max ? source.read(path) : source.readPrefix(path, limit: read.limit))
                guard bytes?.count == read.count, bytes.map(ParseCache.hash) ?? 0 == read.hash else { return false }
            }
        }
        return true
    }
}
