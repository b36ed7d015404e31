import CGit2

/// Where the repository's default branch and the current branch part: the boundary between migrations that were
/// merged (and so applied somewhere) and migrations that can still change.
extension GitRepository {
    /// The refs tried, in order, for "the default branch" (SPEC §9): the remote's default, then the usual names.
    public static let defaultBranchCandidates = ["origin/HEAD", "main", "master"]

    /// The commit `ref` names, or nil when it names nothing (an unknown branch or tag). Other failures throw.
    public func commitIfPresent(_ ref: String) throws(GitError) -> ObjectID? {
        do {
            return try resolve(ref)
        } catch {
            if case .unknownReference = error { return nil }
            if case .unbornHead = error { return nil }
            throw error
        }
    }

    /// The merge base of HEAD with the first of `candidates` that exists and shares history with it; nil on an
    /// unborn HEAD or when none does. When HEAD is that branch's tip (or behind it), the merge base is HEAD.
    public func defaultBranchMergeBase(
        candidates: [String] = GitRepository.defaultBranchCandidates
    ) throws(GitError) -> (branch: String, mergeBase: ObjectID)? {
        guard try headCommitID() != nil else { return nil }
        for candidate in candidates where try commitIfPresent(candidate) != nil {
            if let base = try mergeBase("HEAD", candidate) { return (branchName(candidate), base) }
        }
        return nil
    }

    /// The branch a symbolic ref such as `origin/HEAD` points at (`origin/main`), for messages; else `ref`.
    func branchName(_ ref: String) -> String {
        (try? withHandles { (handles: inout LibGit2Handles) throws(GitError) -> String? in
            // `git_reference_lookup` does not follow the symbolic ref, unlike `git_reference_dwim`.
            let lib = handles.lib
            var reference: OpaquePointer?
            for name in ["refs/remotes/" + ref, "refs/heads/" + ref, ref] where reference == nil {
                if lib.git_reference_lookup(&reference, handles.repository, name) != 0 { reference = nil }
            }
            guard let reference else { return nil }
            defer { lib.git_reference_free(reference) }
            guard lib.git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC,
                  let target = LibGit2.string(lib.git_reference_symbolic_target(reference)) else { return nil }
            for prefix in ["refs/remotes/", "refs/heads/"] where target.hasPrefix(prefix) {
                return String(target.dropFirst(prefix.count))
            }
            return target
        }) ?? ref
    }

    /// Which of `paths` (repository-relative) are files in the tree of `ref`. Looks the paths up rather than listing
    /// the tree, so the cost follows the number of paths, not the size of the repository; each folder's tree is
    /// read once (looking every path up from the root re-read a 600-entry migrations folder once per migration).
    public func existingFiles(_ paths: [String], at ref: String) throws(GitError) -> Set<String> {
        try withHandles { (handles: inout LibGit2Handles) throws(GitError) in
            let lib = handles.lib
            let root = try handles.peeledObject(ref, to: GIT_OBJECT_TREE)
            defer { lib.git_object_free(root) }
            var byFolder: [String: [(path: String, name: String)]] = [:]
            for path in paths {
                let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
                let folder = slash.map { String(path[..<$0]) } ?? ""
                let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
                byFolder[folder, default: []].append((path, name))
            }
            var found: Set<String> = []
            for (folder, files) in byFolder {
                var subtree: OpaquePointer?
                if folder.isEmpty {
                    subtree = root
                } else {
                    var entry: OpaquePointer?
                    let code = lib.git_tree_entry_bypath(&entry, root, folder)
                    if code == GIT_ENOTFOUND.rawValue { continue }
                    try lib.check(code, "looking up \(folder) at \(ref)")
                    guard let entry else { continue }
                    defer { lib.git_tree_entry_free(entry) }
                    guard lib.git_tree_entry_type(entry) == GIT_OBJECT_TREE else { continue }
                    try lib.check(lib.git_tree_lookup(&subtree, handles.repository, lib.git_tree_entry_id(entry)), "reading \(folder) at \(ref)")
                }
                defer { if subtree != root { lib.git_tree_free(subtree) } }
                for file in files {
                    guard let entry = lib.git_tree_entry_byname(subtree, file.name) else { continue }
                    if lib.git_tree_entry_type(entry) == GIT_OBJECT_BLOB { found.insert(file.path) }
                }
            }
            return found
        }
    }
}
