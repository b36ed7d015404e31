import Core
import Git

/// Every regular file of one git snapshot — the index (`--staged`) or a commit's tree (`--base REF`) — by
/// repository-relative path. Listing is done once; blobs are read on demand through libgit2, never from disk.
public struct GitSnapshot: Sendable {
    /// What the snapshot is, for messages: "index" or the ref as given.
    public let name: String
    let repository: GitRepository
    /// Blob ids by repository-relative path.
    let blobs: [String: ObjectID]

    init(name: String, repository: GitRepository, entries: [FileEntry]) {
        self.name = name
        self.repository = repository
        // Symlinks are skipped, like the work-tree source does: their blob is a link target, not file contents.
        var blobs: [String: ObjectID] = [:]
        blobs.reserveCapacity(entries.count)
        for entry in entries where entry.mode != .symlink { blobs[entry.path] = entry.blobID }
        self.blobs = blobs
    }

    /// The staged contents (stage 0 of the index that `repository` was opened with).
    public static func index(of repository: GitRepository) throws(GitError) -> GitSnapshot {
        GitSnapshot(name: "index", repository: repository, entries: try repository.stagedEntries())
    }

    /// The tree of the commit `ref` names (branch, tag, sha, `HEAD~1`, `origin/main`…).
    public static func tree(at ref: String, of repository: GitRepository) throws(GitError) -> GitSnapshot {
        GitSnapshot(name: ref, repository: repository, entries: try repository.treeFiles(at: ref))
    }

    public func contains(_ repositoryPath: String) -> Bool {
        blobs[repositoryPath] != nil
    }

    /// The bytes of a repository-relative path.
    public func read(_ repositoryPath: String) throws(InputError) -> [UInt8] {
        guard let id = blobs[repositoryPath] else {
            throw InputError(path: repositoryPath, reason: "not in \(name)")
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
        for path in snapshot.blobs.keys where path.hasPrefix(prefix) {
            let relative = String(path.dropFirst(prefix.count))
            if !Self.isInSkippedFolder(relative) { paths.append(relative) }
        }
        return paths.sorted()
    }

    /// Dependency and build folders are never inputs, on disk or committed by mistake: the work tree's list.
    static func isInSkippedFolder(_ relativePath: String) -> Bool {
        relativePath.split(separator: "/").dropLast().contains {
            WorkTreeSource.skippedFolders.contains(String($0)) || $0.hasPrefix(".build")
        }
    }

    public func read(_ path: String) throws(InputError) -> [UInt8] {
        do {
            return try snapshot.read(prefix + path)
        } catch {
            throw InputError(path: path, reason: error.reason)
        }
    }
}
