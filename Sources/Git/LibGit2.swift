import CGit2
import Foundation

/// Process-wide libgit2 set-up and the small helpers every libgit2 call shares.
enum LibGit2 {
    /// `git_libgit2_init` runs once, on first use; libgit2 is never shut down (it lives as long as the process).
    static let initialized: Void = {
        _ = git_libgit2_init()
    }()

    /// Starts `git_libgit2_init` on another thread. It parses the system's CA certificates (libgit2 is built with
    /// mbedtls), ~15 ms that a run can overlap with loading its rule catalog; the first real use waits for it.
    static func initializeInBackground() {
        Thread.detachNewThread { _ = initialized }
    }

    /// The message of the last libgit2 error on this thread (libgit2 keeps it thread-locally), or "".
    static func lastErrorMessage() -> String {
        guard let error = git_error_last(), let message = error.pointee.message else { return "" }
        return String(cString: message)
    }

    /// Turns a negative libgit2 return code into `GitError.libgit2`.
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(GitError) {
        guard code < 0 else { return }
        throw GitError.libgit2(operation: operation(), code: code, message: lastErrorMessage())
    }

    static func isNotFound(_ code: Int32) -> Bool {
        code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue
    }

    /// A C string from libgit2 as a Swift string (paths are UTF-8; invalid bytes are repaired, never crash).
    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
