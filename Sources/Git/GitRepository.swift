import CGit2
import Core
import Synchronization

/// A git repository opened read-only through libgit2.
///
/// Nothing here writes: no call touches the index file, refs, objects or the work tree (the tests check that
/// byte for byte). A libgit2 repository must not be used from two threads at once, so every libgit2 call runs
/// under `state`'s lock; that lock is what makes the class `Sendable` (all other stored properties are
/// immutable values).
public final class GitRepository: Sendable {
    /// Absolute path of the work-tree root, without a trailing `/`; nil for a bare repository.
    public let workdir: String?
    /// Absolute path of the repository's git folder (for a worktree, its own `.git/worktrees/<name>` folder).
    public let gitDir: String
    /// `GIT_INDEX_FILE`, when given (see `discover`).
    let indexFile: String?
    /// Found without libgit2 (`PlainRepositoryLocation`): libgit2 opens it on first use.
    let isPlain: Bool
    private let state: Mutex<State>

    /// The libgit2 handles (nil until first needed for a plain repository) and the directly read index.
    struct State: ~Copyable {
        var handles: LibGit2Handles?
        /// The index file parsed directly (`IndexFile`), on first use; `.some(nil)` when libgit2 must read it.
        var parsedIndex: IndexFile??
    }

    private init(workdir: String?, gitDir: String, indexFile: String?, handles: consuming sending LibGit2Handles?) {
        self.workdir = workdir
        self.gitDir = gitDir
        self.indexFile = indexFile
        self.isPlain = handles == nil
        self.state = Mutex(State(handles: handles, parsedIndex: nil))
    }

    deinit {
        state.withLock { $0.handles?.free() }
    }

    /// Opens the repository that contains `path` (the path itself or any parent folder), following a `.git`
    /// file to a worktree or a separate git folder, like `git` does from that folder.
    ///
    /// - Parameters:
    ///   - indexFile: read staged content from this index file instead of the repository's. Pass the
    ///     `GIT_INDEX_FILE` environment variable here in `--staged` mode: `git commit -a` and `git commit <paths>`
    ///     run the pre-commit hook against a temporary index named there, not `.git/index`. A relative path
    ///     is taken from the current directory, as git means it. A missing file reads as an empty index.
    ///   - allowBare: open a bare repository too (refs and trees work; index calls throw `bareRepository`).
    ///     By default a bare repository is an error, since schemalint needs a work tree.
    public static func discover(
        from path: String, indexFile: String? = nil, allowBare: Bool = false
    ) throws(GitError) -> GitRepository {
        if FastPaths.enabled, let plain = PlainRepositoryLocation.find(from: path) {
            return GitRepository(workdir: plain.workdir, gitDir: plain.gitDir, indexFile: indexFile, handles: nil)
        }
        return try discoverThroughLibGit2(from: path, indexFile: indexFile, allowBare: allowBare)
    }

    /// `discover` by libgit2's own search (the fallback, and the reference the plain search is tested against).
    static func discoverThroughLibGit2(
        from path: String, indexFile: String? = nil, allowBare: Bool = false
    ) throws(GitError) -> GitRepository {
        let handles = try open(path, flags: 0, indexFile: indexFile)
        let lib = handles.lib
        let gitDir = trimmingTrailingSlash(LibGit2.string(lib.git_repository_path(handles.repository)) ?? path)
        let workdir = LibGit2.string(lib.git_repository_workdir(handles.repository)).map(trimmingTrailingSlash)
        if workdir == nil && !allowBare {
            handles.free()
            throw .bareRepository(gitDir: gitDir)
        }
        return GitRepository(workdir: workdir, gitDir: gitDir, indexFile: indexFile, handles: handles)
    }

    /// `git_repository_open_ext` from `path` (loading libgit2 first, if no other thread has), with libgit2's
    /// ownership and not-found answers as `GitError`s.
    private static func open(_ path: String, flags: UInt32, indexFile: String?) throws(GitError) -> LibGit2Handles {
        let lib = try LibGit2.functions()
        var opened: OpaquePointer?
        let code = lib.git_repository_open_ext(&opened, path, flags, nil)
        if code == GIT_EOWNER.rawValue || isOwnershipRefusal(code, lib) {
            throw .untrustedOwner(path: path)
        }
        if code == GIT_ENOTFOUND.rawValue { throw .notARepository(path: path) }
        try lib.check(code, "opening the repository at \(path)")
        guard let repository = opened else { throw .notARepository(path: path) }
        return LibGit2Handles(lib: lib, repository: repository, indexFile: indexFile)
    }

    /// Lets libgit2 set itself up on another thread while the caller does other work (see `LibGit2`).
    public static func prepareLibrary() { LibGit2.initializeInBackground() }

    /// Runs `body` with exclusive use of the libgit2 handles (opening a plain repository's on first use).
    /// libgit2 objects made inside must be freed inside.
    func withHandles<Result: Sendable>(
        _ body: (inout LibGit2Handles) throws(GitError) -> Result
    ) throws(GitError) -> Result {
        try state.withLock { (state: inout sending State) throws(GitError) -> Result in
            if state.handles == nil {
                // Found at `gitDir` already: no search, so libgit2 opens exactly that repository.
                state.handles = try Self.open(gitDir, flags: GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, indexFile: indexFile)
            }
            return try body(&state.handles!)
        }
    }

    /// Runs `body` on the index file read directly (`IndexFile`), without libgit2; nil when libgit2 must read it.
    func withParsedIndex<Result: Sendable>(_ body: (IndexFile) -> Result) -> Result? {
        state.withLock { (state: inout sending State) -> Result? in
            if state.parsedIndex == nil { state.parsedIndex = .some(IndexFile.read(path: indexFileLocation)) }
            return state.parsedIndex!.map(body)
        }
    }

    /// The index file: `GIT_INDEX_FILE`, else `index` in the (per-worktree) git folder.
    var indexFileLocation: String { indexFile ?? gitDir + "/index" }

    /// Like `withHandles`, for calls that need the index: a bare repository has none.
    func withIndex<Result: Sendable>(
        _ body: (inout LibGit2Handles, OpaquePointer) throws(GitError) -> Result
    ) throws(GitError) -> Result {
        guard workdir != nil else { throw .bareRepository(gitDir: gitDir) }
        return try withHandles { (handles: inout LibGit2Handles) throws(GitError) -> Result in
            let index = try handles.index()
            return try body(&handles, index)
        }
    }

    /// libgit2 1.5.1 reports a repository of another user, absent from `safe.directory`, as GIT_ENOTFOUND
    /// with the message of the failed `safe.directory` lookup instead of GIT_EOWNER.
    private static func isOwnershipRefusal(_ code: Int32, _ lib: LibGit2.Functions) -> Bool {
        code == GIT_ENOTFOUND.rawValue && lib.lastErrorMessage().contains("safe.directory")
    }

    private static func trimmingTrailingSlash(_ path: String) -> String {
        path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
