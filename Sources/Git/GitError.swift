/// Why a git operation failed. Every case names what the user gave (a path or a ref) so the CLI can print it as is.
public enum GitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No repository at or above `path`.
    case notARepository(path: String)
    /// The repository belongs to another user and is not listed in `safe.directory` (git refuses it too).
    case untrustedOwner(path: String)
    /// The repository has no work tree (`git init --bare`), so there is no index to lint and no files.
    case bareRepository(gitDir: String)
    /// `ref` names no branch, tag, commit or revision expression (`HEAD~1`, `origin/main`…).
    case unknownReference(String, detail: String)
    /// `ref` exists but does not lead to a commit (a blob or tree id, an ambiguous short id).
    case notACommit(String, detail: String)
    /// HEAD points at a branch with no commit yet (right after `git init`). The index can still be read.
    case unbornHead
    /// The index file could not be read: corrupted, or written with an extension libgit2 does not support.
    case unreadableIndex(detail: String)
    /// An object the repository refers to is absent from its object database.
    case missingObject(id: String, detail: String)
    /// Any other libgit2 failure: what we were doing, its error code and message.
    case libgit2(operation: String, code: Int32, message: String)
    /// libgit2 itself could not be loaded (not installed, or another version): the message says what to install.
    case libraryUnavailable(String)

    public var description: String {
        switch self {
        case .notARepository(let path):
            return "not a git repository (or any of the parent folders): \(path)"
        case .untrustedOwner(let path):
            return "the git repository at \(path) is owned by another user; to trust it, run: "
                + "git config --global --add safe.directory <its path>"
        case .bareRepository(let gitDir):
            return "the git repository at \(gitDir) is bare: it has no work tree"
        case .unknownReference(let ref, let detail):
            return "unknown git reference '\(ref)'" + Self.suffix(detail)
        case .notACommit(let ref, let detail):
            return "git reference '\(ref)' does not name a commit" + Self.suffix(detail)
        case .unbornHead:
            return "HEAD has no commit yet (the current branch is unborn)"
        case .unreadableIndex(let detail):
            return "cannot read the git index" + Self.suffix(detail)
        case .missingObject(let id, let detail):
            return "git object \(id) is missing" + Self.suffix(detail)
        case .libgit2(let operation, let code, let message):
            return "git: \(operation) failed (libgit2 error \(code))" + Self.suffix(message)
        case .libraryUnavailable(let message):
            return message
        }
    }

    private static func suffix(_ detail: String) -> String {
        detail.isEmpty ? "" : ": \(detail)"
    }
}
