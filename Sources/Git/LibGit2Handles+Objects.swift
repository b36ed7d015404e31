import CGit2

/// Reading objects and resolving revisions: the building blocks of the public read calls.
extension LibGit2Handles {
    /// The bytes of the blob `id`, copied out of libgit2's buffer.
    func blobBytes(_ id: ObjectID) throws(GitError) -> [UInt8] {
        var oid = id.gitOID
        var blob: OpaquePointer?
        let code = lib.git_blob_lookup(&blob, repository, &oid)
        guard code >= 0, let blob else {
            throw .missingObject(id: id.hex, detail: lib.lastErrorMessage())
        }
        defer { lib.git_blob_free(blob) }
        let size = Int(lib.git_blob_rawsize(blob))
        guard size > 0, let content = lib.git_blob_rawcontent(blob) else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: content, count: size))
    }

    /// An object's size from its header (for a packed delta, libgit2 reads the delta's header, not the chain).
    func objectSize(_ id: ObjectID) throws(GitError) -> Int {
        var odb: OpaquePointer?
        guard lib.git_repository_odb(&odb, repository) >= 0, let odb else {
            throw .missingObject(id: id.hex, detail: lib.lastErrorMessage())
        }
        defer { lib.git_odb_free(odb) }
        var oid = id.gitOID
        var size = 0
        var type = GIT_OBJECT_INVALID
        guard lib.git_odb_read_header(&size, &type, odb, &oid) >= 0 else {
            throw .missingObject(id: id.hex, detail: lib.lastErrorMessage())
        }
        return size
    }

    /// The object `ref` names (any revision expression git accepts), peeled to `type`. The caller frees it
    /// with `git_object_free`.
    func peeledObject(_ ref: String, to type: git_object_t) throws(GitError) -> OpaquePointer {
        var object: OpaquePointer?
        let code = lib.git_revparse_single(&object, repository, ref)
        guard code >= 0, let object else {
            let detail = lib.lastErrorMessage()
            if isHeadUnborn && ref.hasPrefix("HEAD") { throw .unbornHead }
            throw .unknownReference(ref, detail: detail)
        }
        defer { lib.git_object_free(object) }
        var peeled: OpaquePointer?
        guard lib.git_object_peel(&peeled, object, type) >= 0, let peeled else {
            throw .notACommit(ref, detail: lib.lastErrorMessage())
        }
        return peeled
    }

    /// The id of the commit `ref` names.
    func commitID(_ ref: String) throws(GitError) -> ObjectID {
        let commit = try peeledObject(ref, to: GIT_OBJECT_COMMIT)
        defer { lib.git_object_free(commit) }
        guard let id = lib.git_object_id(commit) else { throw .notACommit(ref, detail: "") }
        return ObjectID(id.pointee)
    }

    /// Appends every blob under `tree` (recursively) with its path below `prefix`.
    func appendFiles(of tree: OpaquePointer, prefix: String, to files: inout [FileEntry]) throws(GitError) {
        for position in 0..<lib.git_tree_entrycount(tree) {
            guard let entry = lib.git_tree_entry_byindex(tree, position),
                  let name = LibGit2.string(lib.git_tree_entry_name(entry)), let id = lib.git_tree_entry_id(entry)
            else { continue }
            let path = prefix + name
            switch lib.git_tree_entry_type(entry) {
            case GIT_OBJECT_BLOB:
                guard let mode = FileMode(rawMode: lib.git_tree_entry_filemode(entry).rawValue) else { continue }
                files.append(FileEntry(path: path, blobID: ObjectID(id.pointee), mode: mode))
            case GIT_OBJECT_TREE:
                var subtree: OpaquePointer?
                guard lib.git_tree_lookup(&subtree, repository, id) >= 0, let subtree else {
                    throw .missingObject(id: ObjectID(id.pointee).hex, detail: lib.lastErrorMessage())
                }
                defer { lib.git_tree_free(subtree) }
                try appendFiles(of: subtree, prefix: path + "/", to: &files)
            default:
                continue  // a submodule's commit: nothing to read in this repository
            }
        }
    }
}
