import CGit2
import DynamicLibrary
import Foundation

/// libgit2, loaded with `dlopen` on first use (see `DynamicLibrary`), and the small helpers every libgit2 call
/// shares: the one place that names its functions. Every call goes through the table (`CGit2/shim.h`), which a
/// repository's handles carry (`LibGit2Handles.lib`); libgit2 is not linked, so a direct call would not link.
enum LibGit2 {
    typealias Functions = schemalint_libgit2

    static let description = DynamicLibrary.Description(
        name: "libgit2", purpose: "read git repositories", fileNames: fileNames, package: "libgit2-\(version)",
        overrideVariable: "SCHEMALINT_LIBGIT2")

    /// The version of the headers built against ("1.5"): libgit2's soname and its Debian package carry it.
    static let version = "\(LIBGIT2_VER_MAJOR).\(LIBGIT2_VER_MINOR)"

    #if os(macOS)
    static let fileNames = ["libgit2.\(version).dylib", "libgit2.dylib"]
    #else
    static let fileNames = ["libgit2.so.\(version)", "libgit2.so"]
    #endif

    /// Loaded and set up (`git_libgit2_init`) once, on first use, by whichever thread asks first; libgit2 is never
    /// shut down (it lives as long as the process).
    static let loaded = Result { () throws(DynamicLibrary.Unavailable) in
        let lib = try load(description)
        _ = lib.git_libgit2_init()
        return lib
    }

    /// Starts loading libgit2 on another thread. `git_libgit2_init` parses the system's CA certificates (libgit2
    /// is built with mbedtls), ~15 ms that a run can overlap with loading its rule catalog, and loading the
    /// library resolves its dependencies; the first real use waits for both.
    static func initializeInBackground() {
        Thread.detachNewThread { _ = loaded }
    }

    /// The functions, or `GitError.libraryUnavailable` saying which package to install.
    static func functions() throws(GitError) -> Functions {
        do { return try loaded.get() } catch { throw .libraryUnavailable(error.message) }
    }

    /// Loads libgit2 as `description` says and looks every function up. A library found by its unversioned
    /// name must be the version the headers describe: the option structs' layouts change between versions.
    static func load(_ description: DynamicLibrary.Description) throws(DynamicLibrary.Unavailable) -> Functions {
        let library = try DynamicLibrary.open(description)
        let lib = try Functions(
            git_blob_free: library.function("git_blob_free"),
            git_blob_lookup: library.function("git_blob_lookup"),
            git_blob_rawcontent: library.function("git_blob_rawcontent"),
            git_blob_rawsize: library.function("git_blob_rawsize"),
            git_config_free: library.function("git_config_free"),
            git_config_get_string: library.function("git_config_get_string"),
            git_diff_find_options_init: library.function("git_diff_find_options_init"),
            git_diff_find_similar: library.function("git_diff_find_similar"),
            git_diff_free: library.function("git_diff_free"),
            git_diff_get_delta: library.function("git_diff_get_delta"),
            git_diff_index_to_workdir: library.function("git_diff_index_to_workdir"),
            git_diff_merge: library.function("git_diff_merge"),
            git_diff_num_deltas: library.function("git_diff_num_deltas"),
            git_diff_options_init: library.function("git_diff_options_init"),
            git_diff_tree_to_index: library.function("git_diff_tree_to_index"),
            git_error_last: library.function("git_error_last"),
            git_ignore_path_is_ignored: library.function("git_ignore_path_is_ignored"),
            git_index_entry_is_conflict: library.function("git_index_entry_is_conflict"),
            git_index_entry_stage: library.function("git_index_entry_stage"),
            git_index_entrycount: library.function("git_index_entrycount"),
            git_index_free: library.function("git_index_free"),
            git_index_get_byindex: library.function("git_index_get_byindex"),
            git_index_get_bypath: library.function("git_index_get_bypath"),
            git_index_has_conflicts: library.function("git_index_has_conflicts"),
            git_index_open: library.function("git_index_open"),
            git_libgit2_init: library.function("git_libgit2_init"),
            git_libgit2_version: library.function("git_libgit2_version"),
            git_merge_base: library.function("git_merge_base"),
            git_object_free: library.function("git_object_free"),
            git_object_id: library.function("git_object_id"),
            git_object_peel: library.function("git_object_peel"),
            git_odb_free: library.function("git_odb_free"),
            git_odb_read_header: library.function("git_odb_read_header"),
            git_reference_free: library.function("git_reference_free"),
            git_reference_lookup: library.function("git_reference_lookup"),
            git_reference_symbolic_target: library.function("git_reference_symbolic_target"),
            git_reference_type: library.function("git_reference_type"),
            git_repository_commondir: library.function("git_repository_commondir"),
            git_repository_config_snapshot: library.function("git_repository_config_snapshot"),
            git_repository_free: library.function("git_repository_free"),
            git_repository_head_unborn: library.function("git_repository_head_unborn"),
            git_repository_index: library.function("git_repository_index"),
            git_repository_odb: library.function("git_repository_odb"),
            git_repository_open_ext: library.function("git_repository_open_ext"),
            git_repository_path: library.function("git_repository_path"),
            git_repository_workdir: library.function("git_repository_workdir"),
            git_revparse_single: library.function("git_revparse_single"),
            git_tree_entry_byindex: library.function("git_tree_entry_byindex"),
            git_tree_entry_byname: library.function("git_tree_entry_byname"),
            git_tree_entry_bypath: library.function("git_tree_entry_bypath"),
            git_tree_entry_filemode: library.function("git_tree_entry_filemode"),
            git_tree_entry_free: library.function("git_tree_entry_free"),
            git_tree_entry_id: library.function("git_tree_entry_id"),
            git_tree_entry_name: library.function("git_tree_entry_name"),
            git_tree_entry_type: library.function("git_tree_entry_type"),
            git_tree_entrycount: library.function("git_tree_entrycount"),
            git_tree_free: library.function("git_tree_free"),
            git_tree_lookup: library.function("git_tree_lookup"))
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        _ = lib.git_libgit2_version(&major, &minor, &revision)
        guard "\(major).\(minor)" == version else {
            throw description.unavailable("\(library.fileName) is libgit2 \(major).\(minor).\(revision); "
                + "schemalint was built for \(version)")
        }
        return lib
    }

    /// A C string from libgit2 as a Swift string (paths are UTF-8; invalid bytes are repaired, never crash).
    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

extension LibGit2.Functions {
    /// The message of the last libgit2 error on this thread (libgit2 keeps it thread-locally), or "".
    func lastErrorMessage() -> String {
        guard let error = git_error_last(), let message = error.pointee.message else { return "" }
        return String(cString: message)
    }

    /// Turns a negative libgit2 return code into `GitError.libgit2`.
    func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
        guard code < 0 else { return }
        throw GitError.libgit2(operation: operation(), code: code, message: lastErrorMessage())
    }
}
