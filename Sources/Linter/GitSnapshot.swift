import Core
import Git

/// Every regular file of one git snapshot — the index (`--staged`) or a commit's tree (`--base REF`) — by
/// repository-relative path. Listing is done once; blobs are read on demand: from a clean work-tree file when git's
/// stat test allows (`CleanWorkTreeFiles`), else through libgit2.
public struct GitSnapshot: Sendable {
    /// What the snapshot is, for messages: "index" or the ref as given.
    public let name: String
    let repository: GitRepository
    /// Entries (blob id, and for the index its stat data) by repository-relative path, in git's order (bytewise),
    /// so listing sorts an already sorted array.
    let files: EntriesByPath
    /// Work-tree files known to hold their index blob, read instead of inflating the blob.
    let cleanFiles: CleanWorkTreeFiles?

    var paths: [String] { files.paths.sorted }

    /// The staged contents (stage 0 of the index that `repository` was opened with).
    public static func index(of repository: GitRepository) throws(GitError) -> GitSnapshot {
        let files = EntriesByPath(try repository.stagedEntries())
        return GitSnapshot(name: "index", repository: repository, files: files,
                           cleanFiles: CleanWorkTreeFiles(repository: repository, indexEntries: files))
    }

    /// The tree of the commit `ref` names (branch, tag, sha, `HEAD~1`, `origin/main`…).
    public static func tree(at ref: String, of repository: GitRepository) throws(GitError) -> GitSnapshot {
        let files = EntriesByPath(try repository.treeFiles(at: ref))
        // A base tree shares most blobs with the index: those whose work-tree file is clean are read from disk.
        let index = EntriesByPath((try? repository.stagedEntries()) ?? [])
        return GitSnapshot(name: ref, repository: repository, files: files,
                           cleanFiles: CleanWorkTreeFiles(repository: repository, indexEntries: index))
    }

    public func contains(_ repositoryPath: String) -> Bool {
        files.paths.contains(repositoryPath)
    }

    /// The bytes of a repository-relative path.
    public func read(_ repositoryPath: String) throws(InputError) -> [UInt8] {
        try readPrefix(repositoryPath, limit: .max)
    }

    /// At least the first `limit` bytes: a prefix of the work-tree file when it is clean, else the whole blob.
    public func readPrefix(_ repositoryPath: String, limit: Int) throws(InputError) -> [UInt8] {
        guard let id = files[repositoryPath]?.blobID else {
            throw InputError(path: repositoryPath, reason: "not in \(name)")
        }
        // A file that changes size between the stat test and the read falls back to the blob.
        if FastPaths.enabled, let file = cleanFiles?.file(repositoryPath, holding: id), let bytes = try? DiskFile.read(file.path, limit: limit),
           bytes.count == min(limit, file.size) {
            return bytes
        }
        do {
            return try repository.blob(id)
        } catch {
            throw InputError(path: repositoryPath, reason: error.description)
        }
    }

    /// The files under `folder` (a `RepositoryFolder.prefix`), with paths relative to it.
    public func source(under prefix: String) -> GitSnapshotSource {
        GitSnapshotSource(snapshot: self, prefix: prefix)
    }
}

/// A `GitSnapshot` seen from the checked folder: paths are relative to that folder, exactly as the work-tree
/// source reports them, so findings, fingerprints and the baseline agree between the modes.
public struct GitSnapshotSource: FileSource {
    public let snapshot: GitSnapshot
    /// `""` at the repository root, else the folder's repository path with a trailing `/`.
    public let prefix: String

    public var name: String { snapshot.name }

    public func listFiles() throws(InputError) -> [String] {
        var paths: [String] = []
        for path in snapshot.paths where prefix.isEmpty || path.hasPathPrefix(prefix) {
            // From the repository root (the usual case) a path is its own relative path: no copy.
            let relative = prefix.isEmpty ? path : String(path.utf8.dropFirst(prefix.utf8.count))!
            if !Self.isInSkippedFolder(relative) { paths.append(relative) }
        }
        return paths.sorted()
    }

    /// Dependency and build folders are never inputs, on disk or committed by mistake: the work tree's list.
    /// Walks the folder names as UTF-8 slices: this runs for every tracked file (20,000 in a large monorepo),
    /// where splitting into Strings cost a tenth of a pre-commit run.
    static func isInSkippedFolder(_ relativePath: String) -> Bool {
        var path = relativePath
        return path.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "/") {
                    if index > start, mayStartSkipped(bytes[start]), isSkipped(UnsafeBufferPointer(rebasing: bytes[start..<index])) {
                        return true
                    }
                    start = index + 1
                }
                index += 1
            }
            return false
        }
    }

    /// Whether a byte starts a skipped folder name (and `.build*`): most folders are passed over at their first
    /// byte. A switch, not a table: a global array is a lazy global, checked on every call.
    private static func mayStartSkipped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "n"), UInt8(ascii: "d"): true
        default: false
        }
    }

    private static let skippedNames = WorkTreeSource.skippedFolders.map { Array($0.utf8) }
    private static let buildPrefix = Array(".build".utf8)

    private static func isSkipped(_ folder: UnsafeBufferPointer<UInt8>) -> Bool {
        skippedNames.contains { $0.elementsEqual(folder) } || folder.starts(with: buildPrefix)
    }

    public func read(_ path: String) throws(InputError) -> [UInt8] {
        try readPrefix(path, limit: .max)
    }

    public func contentIDs(_ paths: [String]) -> [ContentID?] {
        snapshot.files.entries(prefix.isEmpty ? paths : paths.map { prefix + $0 }).map { $0?.blobID.contentID }
    }

    public func readPrefix(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        do {
            return try snapshot.readPrefix(prefix + path, limit: limit)
        } catch {
            throw InputError(path: path, reason: error.reason)
        }
    }
}

/// A snapshot's entries by repository path, kept in byte order and found by halves (`PathSet`): git lists the
/// index and trees in that order already, so nothing is hashed for the 20,000 entries of a large monorepo.
/// Symlinks are skipped, like the work-tree source does: their blob is a link target, not file contents.
struct EntriesByPath: Sendable {
    let paths: PathSet
    /// Aligned with `paths.sorted`.
    private let entries: [FileEntry]

    init(_ listed: [FileEntry]) {
        // One pass over the paths for their order, and no copy of a listing without symlinks (20,000 entries in a
        // large monorepo's index).
        var files = listed.contains { $0.mode == .symlink } ? listed.filter { $0.mode != .symlink } : listed
        var paths = files.map(\.path)
        if !PathSet.isStrictlyIncreasing(paths) {
            // Out of order or repeated (never from git): the last entry of a path wins, as a dictionary kept it.
            var last: [String: FileEntry] = [:]
            for entry in files { last[entry.path] = entry }
            files = last.values.sorted { $0.path.byteOrder($1.path) < 0 }
            paths = files.map(\.path)
        }
        self.paths = PathSet(checkedIncreasing: paths)
        entries = files
    }

    subscript(path: String) -> FileEntry? {
        paths.index(of: path).map { entries[$0] }
    }

    /// The entries of many paths at once (`PathSet.indices(of:)`).
    func entries(_ wanted: [String]) -> [FileEntry?] {
        paths.indices(of: wanted).map { index in index.map { entries[$0] } }
    }
}
