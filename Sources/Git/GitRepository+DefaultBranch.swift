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
    /// the tree, so the cost follows the number of paths, not the size of the repository. Each folder's tree is
    /// read once and found from its parent's, itself read once: Prisma keeps each migration in a folder of its
    /// own, and looking every `migrations/<name>/` up from the root re-read the 800-entry `migrations` tree once
    /// per migration (3.1 G instructions in trigger.dev).
    public func existingFiles(_ paths: [String], at ref: String) throws(GitError) -> Set<String> {
        try withHandles { (handles: inout LibGit2Handles) throws(GitError) in
            let lib = handles.lib
            let root = try handles.peeledObject(ref, to: GIT_OBJECT_TREE)
            // Folder path → its tree (nil: not a folder at `ref`); every tree but the root is freed at the end.
            var trees: [String: OpaquePointer?] = ["": root]
            defer {
                for case let tree?? in trees.values where tree != root { lib.git_tree_free(tree) }
                lib.git_object_free(root)
            }
            func tree(_ folder: String) throws(GitError) -> OpaquePointer? {
                if let known = trees[folder] { return known }
                let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/"))
                let parentPath = slash.map { String(folder[..<$0]) } ?? ""
                let name = slash.map { String(folder[folder.utf8.index(after: $0)...]) } ?? folder
                var found: OpaquePointer?
                if let parent = try tree(parentPath), let entry = lib.git_tree_entry_byname(parent, name),
                   lib.git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                    try lib.check(lib.git_tree_lookup(&found, handles.repository, lib.git_tree_entry_id(entry)), "reading \(folder) at \(ref)")
                }
                trees[folder] = .some(found)
                return found
            }
            var found: Set<String> = []
            for path in paths {
                let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
                let folder = slash.map { String(path[..<$0]) } ?? ""
                let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
                guard let subtree = try tree(folder), let entry = lib.git_tree_entry_byname(subtree, name) else { continue }
                if lib.git_tree_entry_type(entry) == GIT_OBJECT_BLOB { found.insert(path) }
            }
            return found
        }
    }
}
