import CGit2

/// Commits and trees named by a ref: any revision expression git accepts (a branch, tag, full or short commit
/// id, `HEAD~1`, `origin/main`…).
extension GitRepository {
    /// The commit HEAD points at; nil on an unborn branch (a fresh repository before its first commit).
    public func headCommitID() throws(GitError) -> ObjectID? {
        try withHandles { (handles: inout LibGit2Handles) throws(GitError) in
            guard !handles.isHeadUnborn else { return nil }
            return try handles.commitID("HEAD")
        }
    }

    /// The commit `ref` names.
    public func resolve(_ ref: String) throws(GitError) -> ObjectID {
        try withHandles { (handles: inout LibGit2Handles) throws(GitError) in try handles.commitID(ref) }
    }

    /// The best common ancestor of two commits (as `git merge-base a b`); nil when they share no history.
    public func mergeBase(_ first: String, _ second: String) throws(GitError) -> ObjectID? {
        try withHandles { (handles: inout LibGit2Handles) throws(GitError) in
            var firstID = try handles.commitID(first).gitOID
            var secondID = try handles.commitID(second).gitOID
            var base = git_oid()
            let lib = handles.lib
            let code = lib.git_merge_base(&base, handles.repository, &firstID, &secondID)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try lib.check(code, "finding the merge base of \(first) and \(second)")
            return ObjectID(base)
        }
    }

    /// Every file in the tree of `ref`, recursively. Git's tree order makes this the same bytewise path order
    /// as the index. Submodules are left out.
    public func treeFiles(at ref: String) throws(GitError) -> [FileEntry] {
        try withHandles { (handles: inout LibGit2Handles) throws(GitError) in
            let tree = try handles.peeledObject(ref, to: GIT_OBJECT_TREE)
            defer { handles.lib.git_object_free(tree) }
            var files: [FileEntry] = []
            try handles.appendFiles(of: tree, prefix: "", to: &files)
            return files
        }
    }

    /// The bytes of `path` in the tree of `ref`; nil when the tree has no file there.
    public func file(at ref: String, path: String) throws(GitError) -> [UInt8]? {
        try withHandles { (handles: inout LibGit2Handles) throws(GitError) in
            let lib = handles.lib
            let tree = try handles.peeledObject(ref, to: GIT_OBJECT_TREE)
            defer { lib.git_object_free(tree) }
            var entry: OpaquePointer?
            let code = lib.git_tree_entry_bypath(&entry, tree, path)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try lib.check(code, "looking up \(path) at \(ref)")
            guard let entry else { return nil }
            defer { lib.git_tree_entry_free(entry) }
            guard lib.git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let id = lib.git_tree_entry_id(entry) else { return nil }
            return try handles.blobBytes(ObjectID(id.pointee))
        }
    }

    /// The size of a blob in bytes, read from the object header without inflating the blob.
    public func blobSize(_ id: ObjectID) throws(GitError) -> Int {
        try withHandles { (handles: inout LibGit2Handles) throws(GitError) in try handles.objectSize(id) }
    }

    /// The bytes of a blob, by id (from `stagedEntries()` or `treeFiles(at:)`).
    public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
        try withHandles { (handles: inout LibGit2Handles) throws(GitError) in try handles.blobBytes(id) }
    }
}

extension GitRepository {
    /// A configuration value as git reads it (repository, global and system files), or nil when unset.
    public func configValue(_ name: String) -> String? {
        if isPlain, !ConfigurationFiles.mayDefine(name, repositoryConfig: gitDir + "/config") { return nil }
        return try? withHandles { (handles: inout LibGit2Handles) throws(GitError) -> String? in
            let lib = handles.lib
            var config: OpaquePointer?
            guard lib.git_repository_config_snapshot(&config, handles.repository) == 0, let config else { return nil }
            defer { lib.git_config_free(config) }
            var value: UnsafePointer<CChar>?
            guard lib.git_config_get_string(&value, config, name) == 0, let value else { return nil }
            return String(cString: value)
        }
    }
}

extension GitRepository {
    /// The folder shared by all work trees of the repository (`info/`, `objects/`): `gitDir` itself except in a
    /// linked work tree.
    public var commonDir: String {
        // A plain repository has no `commondir` file (`PlainRepositoryLocation`): its git folder is the common one.
        if isPlain { return gitDir }
        return (try? withHandles { (handles: inout LibGit2Handles) throws(GitError) -> String? in
            LibGit2.string(handles.lib.git_repository_commondir(handles.repository))
        }) ?? gitDir
    }
}
