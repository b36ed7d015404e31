import Core
import Foundation
import Queries
import Synchronization

/// Facts worked out from a file's bytes, kept from one run to the next under the file's git blob id, so a
/// pre-commit run does not open the 18,000 unchanged files of a monorepo again to learn that none of them updates a
/// table. A blob id names exact bytes, so an entry never goes stale; the file's name carries the version of the
/// facts' definition, so a schemalint that defines them differently starts afresh.
///
/// Kept at `<git common dir>/schemalint/update-scan-v2`: inside the repository, never committed, shared by its
/// worktrees. Anything unexpected about the file (a symlink, a wrong size or header, an unwritable folder) means
/// no cache for this run, never a wrong answer: the facts are then worked out from the bytes as before.
public final class ContentFactCache: Sendable {
    static let fileName = "update-scan-v2"
    /// Earlier versions' files, which no schemalint reads any more: removed when this one is written.
    static let supersededFileNames = ["update-scan-v1"]
    static let header = Array("schemalint update-scan 2\n".utf8)
    static let recordSize = 21
    /// A cache past this size is not read (a million files): a damaged or hostile file costs nothing.
    static let maximumBytes = 32 << 20

    let folder: String
    /// The facts read from the file: never changed after loading, so read without a lock.
    private let loaded: [ContentID: UInt8]
    private struct State {
        /// The loaded entries this run used: written back with what it learned (files no longer in the tree drop
        /// out). A list, not a set: appending costs less than hashing, for 20,000 files a run.
        var used: [ContentID] = []
        var learned: [ContentID: UInt8] = [:]
    }
    private let state = Mutex(State())

    /// Reads the cache in `folder` (`<git common dir>/schemalint`), if there is a valid one.
    public init(folder: String) {
        self.folder = folder
        loaded = Self.load(folder + "/" + Self.fileName)
    }

    /// The facts of these blobs (nil where unknown), in one go: one lock for the whole batch.
    public func facts(_ ids: [ContentID?]) -> [UInt8?] {
        state.withLock { state in
            ids.map { id -> UInt8? in
                guard let id else { return nil }
                guard let fact = loaded[id] else { return state.learned[id] }
                state.used.append(id)
                return fact
            }
        }
    }

    /// A fact worked out from the bytes; one the cache holds already changes nothing (the file is not rewritten).
    public func record(_ id: ContentID, _ fact: UInt8) {
        state.withLock { state in
            if loaded[id] == fact {
                state.used.append(id)
            } else {
                state.learned[id] = fact
            }
        }
    }

    /// Writes the entries of this run back when it learned something (atomically: a temporary file, then a
    /// rename); any failure leaves the previous cache, or none.
    public func save() {
        let entries = state.withLock { state -> [(ContentID, UInt8)]? in
            guard !state.learned.isEmpty else { return nil }
            var kept = state.learned
            for id in state.used where kept[id] == nil { kept[id] = loaded[id] }
            return kept.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        guard let entries else { return }
        var bytes = Self.header
        bytes.reserveCapacity(bytes.count + entries.count * Self.recordSize)
        for (id, fact) in entries {
            withUnsafeBytes(of: id.first.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: id.second.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: id.third.littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(fact)
        }
        guard bytes.count <= Self.maximumBytes, Self.makeFolder(folder) else { return }
        let temporary = folder + "/.\(Self.fileName).\(getpid()).tmp"
        guard DiskFile.writeNew(temporary, bytes, permissions: 0o644) == nil else { return }
        if rename(temporary, folder + "/" + Self.fileName) != 0 { unlink(temporary); return }
        for name in Self.supersededFileNames { unlink(folder + "/" + name) }
    }

    /// The folder, created when missing; false when it is anything but a real folder (a symlink is refused).
    private static func makeFolder(_ path: String) -> Bool {
        var info = stat()
        if lstat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
        return mkdir(path, 0o755) == 0
    }

    private static func load(_ path: String) -> [ContentID: UInt8] {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let bytes = try? DiskFile.read(path, limit: maximumBytes + 1, followSymlinks: false),
              bytes.count <= maximumBytes, bytes.count >= header.count, bytes.starts(with: header),
              (bytes.count - header.count) % recordSize == 0
        else { return [:] }
        var known: [ContentID: UInt8] = [:]
        known.reserveCapacity((bytes.count - header.count) / recordSize)
        bytes.withUnsafeBytes { raw in
            var offset = header.count
            while offset < raw.count {
                let id = ContentID(first: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)),
                                   second: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)),
                                   third: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt32.self)))
                known[id] = raw[offset + 20]
                offset += recordSize
            }
        }
        return known
    }
}

/// The update searches' memory of files: `RepositoryUpdates.FileFacts`, by blob id.
struct CachedUpdateScan: UpdateScanMemory {
    let cache: ContentFactCache
    let source: any FileSource

    func facts(_ paths: [String]) -> [RepositoryUpdates.FileFacts?] {
        cache.facts(source.contentIDs(paths)).map { fact in fact.map(RepositoryUpdates.FileFacts.init(rawValue:)) }
    }

    func remember(_ path: String, _ facts: RepositoryUpdates.FileFacts) {
        if let id = source.contentIDs([path])[0] { cache.record(id, facts.rawValue) }
    }
}
