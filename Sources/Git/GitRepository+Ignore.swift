import CGit2

/// What `.gitignore` (and `.git/info/exclude`, `core.excludesFile`) keeps out of commits.
extension GitRepository {
    /// The paths among `paths` (relative to the work-tree root, `/`-separated) that git ignores and does not
    /// track: files on disk that `git add .` leaves out, so no commit, CI run or other clone has them. A tracked
    /// file is never ignored, whatever the patterns say (git's own rule). A folder found ignored answers for
    /// everything under it, as in git (a file inside an ignored folder cannot be re-included), so a large
    /// ignored build folder costs one libgit2 call, not one per file.
    /// `tracked` is `trackedPaths()`, when the caller worked it out already (on another thread).
    public func untrackedIgnored(_ paths: [String], tracked: Set<String>? = nil) throws(GitError) -> Set<String> {
        guard workdir != nil, !paths.isEmpty else { return [] }
        let known: Set<String>
        if let tracked { known = tracked } else { known = try trackedPaths() }
        let untracked = paths.filter { !known.contains($0) }
        guard !untracked.isEmpty else { return [] }
        return try withHandles { (handles: inout LibGit2Handles) throws(GitError) -> Set<String> in
            let lib = handles.lib
            let repository = handles.repository
            func isIgnored(_ path: String) throws(GitError) -> Bool {
                var ignored: Int32 = 0
                let code = lib.git_ignore_path_is_ignored(&ignored, repository, path)
                guard code >= 0 else {
                    throw .libgit2(operation: "check whether git ignores \(path)", code: code, message: lib.lastErrorMessage())
                }
                return ignored == 1
            }
            var folders: [Substring: Bool] = [:]
            var result: Set<String> = []
            paths: for path in untracked {
                var slash = path.firstIndex(of: "/")
                while let end = slash {
                    let folder = path[..<end]
                    let known: Bool
                    if let cached = folders[folder] {
                        known = cached
                    } else {
                        known = try isIgnored(folder + "/")
                        folders[folder] = known
                    }
                    if known {
                        result.insert(path)
                        continue paths
                    }
                    slash = path[path.index(after: end)...].firstIndex(of: "/")
                }
                if try isIgnored(path) { result.insert(path) }
            }
            return result
        }
    }

    /// Every path the index holds, at any stage (a file in a merge conflict is tracked too).
    public func trackedPaths() throws(GitError) -> Set<String> {
        if let direct = try withDirectIndex({ index in Set(index.entries.map(\.path)) }) { return direct }
        return Set(try stagedEntriesThroughLibGit2().map(\.path) + conflictedPathsThroughLibGit2())
    }
}
