#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import CGit2

/// The libgit2 objects one `GitRepository` owns. Only ever touched under the repository's lock.
struct LibGit2Handles {
    /// libgit2's functions: loaded before the repository could be opened.
    let lib: LibGit2.Functions
    let repository: OpaquePointer
    /// An index file to read instead of the repository's own (`GIT_INDEX_FILE`).
    let indexFile: String?
    /// Read on first use and kept, so one run sees one consistent snapshot of the staged content.
    private var loadedIndex: OpaquePointer?

    init(lib: LibGit2.Functions, repository: OpaquePointer, indexFile: String?) {
        self.lib = lib
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
        let code = indexFile.map { lib.git_index_open(&index, $0) } ?? lib.git_repository_index(&index, repository)
        guard code >= 0, let index else { throw .unreadableIndex(detail: lib.lastErrorMessage()) }
        loadedIndex = index
        return index
    }

    var isHeadUnborn: Bool { lib.git_repository_head_unborn(repository) == 1 }

    func free() {
        if let loadedIndex { lib.git_index_free(loadedIndex) }
        lib.git_repository_free(repository)
    }
}
