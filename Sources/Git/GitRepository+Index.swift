import CGit2

/// Staged content: what the next commit will hold, read from the index (never from the work tree).
extension GitRepository {
    /// Every staged file (stage 0) in index order (bytewise by path). Submodules and `git add -N`
    /// (intent-to-add) placeholders are left out: neither has staged content. Paths with unresolved merge
    /// conflicts have no stage-0 entry; see `conflictedPaths()`.
    public func stagedEntries() throws(GitError) -> [FileEntry] {
        if let direct = try withDirectIndex({ $0 }) { return direct.entries.compactMap(Self.stagedFile) }
        return try stagedEntriesThroughLibGit2()
    }

    /// `stagedEntries()` as libgit2 reads the index (the fallback, and the reference the direct reader is tested against).
    func stagedEntriesThroughLibGit2() throws(GitError) -> [FileEntry] {
        try withIndex { handles, index in
            let lib = handles.lib
            let count = lib.git_index_entrycount(index)
            var entries: [FileEntry] = []
            entries.reserveCapacity(count)
            for position in 0..<count {
                guard let entry = lib.git_index_get_byindex(index, position), let file = Self.stagedFile(entry, lib) else {
                    continue
                }
                entries.append(file)
            }
            return entries
        }
    }

    /// Paths with an unresolved merge conflict (entries at stages 1–3), each once, in index order.
    public func conflictedPaths() throws(GitError) -> [String] {
        if let direct = try withDirectIndex({ $0 }) {
            var paths: [String] = []
            for entry in direct.entries where entry.stage != 0 && paths.last != entry.path { paths.append(entry.path) }
            return paths
        }
        return try conflictedPathsThroughLibGit2()
    }

    func conflictedPathsThroughLibGit2() throws(GitError) -> [String] {
        try withIndex { handles, index in
            let lib = handles.lib
            guard lib.git_index_has_conflicts(index) == 1 else { return [] }
            var paths: [String] = []
            for position in 0..<lib.git_index_entrycount(index) {
                guard let entry = lib.git_index_get_byindex(index, position), lib.git_index_entry_is_conflict(entry) == 1,
                      let path = LibGit2.string(entry.pointee.path), paths.last != path
                else { continue }
                paths.append(path)
            }
            return paths
        }
    }

    /// The staged bytes of `path` (relative to the work-tree root, `/`-separated); nil when nothing is staged
    /// there (not tracked, in conflict, a submodule or an intent-to-add placeholder).
    public func stagedBlob(at path: String) throws(GitError) -> [UInt8]? {
        if let direct = try withDirectIndex({ index in index.entries.first { $0.stage == 0 && $0.path == path } }) {
            guard let file = direct.flatMap(Self.stagedFile) else { return nil }
            return try withHandles { (handles: inout LibGit2Handles) throws(GitError) in try handles.blobBytes(file.blobID) }
        }
        return try withIndex { (handles: inout LibGit2Handles, index: OpaquePointer) throws(GitError) in
            guard let entry = handles.lib.git_index_get_bypath(index, path, 0), let file = Self.stagedFile(entry, handles.lib) else {
                return nil
            }
            return try handles.blobBytes(file.blobID)
        }
    }

    /// The stage-0 entry of a directly read index as a `FileEntry`, or nil when it holds no blob to read.
    private static func stagedFile(_ entry: IndexFile.Entry) -> FileEntry? {
        guard entry.stage == 0, !entry.isIntentToAdd, let mode = FileMode(rawMode: entry.rawMode) else { return nil }
        return FileEntry(path: entry.path, blobID: entry.blobID, mode: mode, stat: entry.stat)
    }

    /// Runs `body` on the index read directly (`IndexFile`); nil when it must be read through libgit2.
    func withDirectIndex<Result: Sendable>(_ body: (IndexFile) -> Result) throws(GitError) -> Result? {
        guard workdir != nil else { throw .bareRepository(gitDir: gitDir) }
        return withParsedIndex(body)
    }

    /// The stage-0 entry as a `FileEntry`, or nil when it holds no blob to read.
    private static func stagedFile(_ entry: UnsafePointer<git_index_entry>, _ lib: LibGit2.Functions) -> FileEntry? {
        let isIntentToAdd = UInt32(entry.pointee.flags_extended) & GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue != 0
        guard lib.git_index_entry_stage(entry) == 0, !isIntentToAdd,
              let mode = FileMode(rawMode: entry.pointee.mode), let path = LibGit2.string(entry.pointee.path)
        else { return nil }
        let stat = IndexStat(size: entry.pointee.file_size, modificationSeconds: entry.pointee.mtime.seconds,
                             modificationNanoseconds: entry.pointee.mtime.nanoseconds,
                             changeSeconds: entry.pointee.ctime.seconds, changeNanoseconds: entry.pointee.ctime.nanoseconds,
                             inode: entry.pointee.ino)
        return FileEntry(path: path, blobID: ObjectID(entry.pointee.id), mode: mode, stat: stat)
    }

    /// The path of the index file read by `stagedEntries()` (the repository's, or `GIT_INDEX_FILE`'s).
    public func indexFilePath() throws(GitError) -> String? {
        guard workdir != nil else { throw .bareRepository(gitDir: gitDir) }
        return indexFileLocation
    }
}
