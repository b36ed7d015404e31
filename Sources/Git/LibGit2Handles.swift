#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import CGit2

/// The libgit2 objects one `GitRepository` owns. Only ever touched under the repository's lock.
struct LibGit2Handles {
    let repository: OpaquePointer
    /// An index file to read instead of the repository's own (`GIT_INDEX_FILE`).
    let indexFile: String?
    /// Read on first use and kept, so one run sees one consistent snapshot of the staged content.
    private var loadedIndex: OpaquePointer?
    /// The index file parsed directly (`IndexFile`), on first use; `.some(nil)` when it must be read by libgit2.
    private var parsedIndex: IndexFile??

    init(repository: OpaquePointer, indexFile: String?) {
        self.repository = repository
        self.indexFile = indexFile
    }

    /// The index, read from disk on first use (never written).
    mutating func index() throws(GitError) -> OpaquePointer {
        if let loadedIndex { return loadedIndex }
        var index: OpaquePointer?
        // libgit2 opens a missing index file as an empty index: every staged file would silently vanish.
        if let indexFile, access(indexFile, F_OK) != 0 {
            throw .unreadableIndex(detail: "GIT_INDEX_FILE names \(indexFile), which does not exist")
        }
        let code = indexFile.map { git_index_open(&index, $0) } ?? git_repository_index(&index, repository)
        guard code >= 0, let index else { throw .unreadableIndex(detail: LibGit2.lastErrorMessage()) }
        loadedIndex = index
        return index
    }

    /// The index file's entries read without libgit2, when `IndexFile` models the file exactly; else nil.
    mutating func directIndex() -> IndexFile? {
        if let parsedIndex { return parsedIndex }
        let parsed = indexFilePath.flatMap { IndexFile.read(path: $0) }
        parsedIndex = .some(parsed)
        return parsed
    }

    /// The index file: `GIT_INDEX_FILE`, else `index` in the (per-worktree) git folder.
    var indexFilePath: String? {
        if let indexFile { return indexFile }
        guard let gitDir = LibGit2.string(git_repository_path(repository)) else { return nil }
        return gitDir.hasSuffix("/") ? gitDir + "index" : gitDir + "/index"
    }

    var isHeadUnborn: Bool { git_repository_head_unborn(repository) == 1 }

    func free() {
        if let loadedIndex { git_index_free(loadedIndex) }
        git_repository_free(repository)
    }
}
