import CGit2

/// Which paths changed, for `--changed-only`. Renames are detected like `git diff -M` (50 % similarity).
extension GitRepository {
    /// What the next commit changes: HEAD's tree against the index (`git diff --cached -M --name-status`).
    /// On an unborn branch every staged file is `added`.
    public func stagedChanges() throws(GitError) -> [ChangedPath] {
        try withIndex { (handles: inout LibGit2Handles, index: OpaquePointer) throws(GitError) in
            guard !handles.isHeadUnborn else {
                return try handles.changes(from: nil, index: index, includeWorkTree: false)
            }
            let tree = try handles.peeledObject("HEAD", to: GIT_OBJECT_TREE)
            defer { handles.lib.git_object_free(tree) }
            return try handles.changes(from: tree, index: index, includeWorkTree: false)
        }
    }

    /// Paths that differ between the tree of `ref` and the index; with `includeWorkTree`, between that tree
    /// and the work tree as it is now (`git diff -M REF --name-status` plus untracked, not ignored, files as
    /// `added`). Sorted bytewise by path.
    public func changes(since ref: String, includeWorkTree: Bool) throws(GitError) -> [ChangedPath] {
        try withIndex { (handles: inout LibGit2Handles, index: OpaquePointer) throws(GitError) in
            let tree = try handles.peeledObject(ref, to: GIT_OBJECT_TREE)
            defer { handles.lib.git_object_free(tree) }
            return try handles.changes(from: tree, index: index, includeWorkTree: includeWorkTree)
        }
    }
}

extension LibGit2Handles {
    /// Diffs `tree` (nil: the empty tree) against `index`, and then the index against the work tree when asked,
    /// merged into one list the way `git diff <tree>` does, with renames found across both.
    func changes(from tree: OpaquePointer?, index: OpaquePointer, includeWorkTree: Bool) throws(GitError) -> [ChangedPath] {
        // Both diffs get the same options: `git_diff_merge` drops merged deltas that the first diff's options
        // would have skipped, such as untracked files.
        var options = diffOptions(untracked: includeWorkTree)
        var diff: OpaquePointer?
        try lib.check(lib.git_diff_tree_to_index(&diff, repository, tree, index, &options), "comparing a tree with the index")
        guard let diff else { return [] }
        defer { lib.git_diff_free(diff) }

        if includeWorkTree {
            var workDiff: OpaquePointer?
            try lib.check(
                lib.git_diff_index_to_workdir(&workDiff, repository, index, &options), "comparing the index with the work tree")
            defer { lib.git_diff_free(workDiff) }
            try lib.check(lib.git_diff_merge(diff, workDiff), "merging index and work-tree changes")
        }

        var findOptions = git_diff_find_options()
        try lib.check(lib.git_diff_find_options_init(&findOptions, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "setting up rename detection")
        findOptions.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_FOR_UNTRACKED.rawValue
        try lib.check(lib.git_diff_find_similar(diff, &findOptions), "detecting renames")

        var changes: [ChangedPath] = []
        for position in 0..<lib.git_diff_num_deltas(diff) {
            guard let delta = lib.git_diff_get_delta(diff, position), let change = Self.changedPath(delta.pointee) else { continue }
            changes.append(change)
        }
        changes.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return changes
    }

    private func diffOptions(untracked: Bool) -> git_diff_options {
        var options = git_diff_options()
        _ = lib.git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.flags = GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        if untracked {
            options.flags |= GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
        }
        // Submodules are not lint inputs, and checking their state is slow.
        options.ignore_submodules = GIT_SUBMODULE_IGNORE_ALL
        return options
    }

    private static func changedPath(_ delta: git_diff_delta) -> ChangedPath? {
        let oldPath = LibGit2.string(delta.old_file.path)
        guard let newPath = LibGit2.string(delta.new_file.path) ?? oldPath else { return nil }
        switch delta.status {
        case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED, GIT_DELTA_COPIED:
            return ChangedPath(path: newPath, status: .added)
        case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE, GIT_DELTA_CONFLICTED:
            return ChangedPath(path: newPath, status: .modified)
        case GIT_DELTA_DELETED:
            return ChangedPath(path: oldPath ?? newPath, status: .deleted)
        case GIT_DELTA_RENAMED:
            return ChangedPath(path: newPath, oldPath: oldPath, status: .renamed)
        default:
            return nil  // unmodified, ignored, unreadable
        }
    }
}
