import Foundation
import Git

/// The git repository holding a checked folder, and where that folder sits in it.
public struct GitFolder: Sendable {
    public let repository: GitRepository
    /// The folder's path in the repository with a trailing `/`, or `""` at the work-tree root.
    public let prefix: String

    /// Opens the repository at or above `folder` (also from a worktree or any subfolder).
    /// `indexFile` is `GIT_INDEX_FILE` in `--staged` mode (git runs pre-commit hooks against a temporary index).
    public static func locate(_ folder: URL, indexFile: String?) throws(GitError) -> GitFolder {
        let repository = try GitRepository.discover(from: folder.path, indexFile: indexFile)
        guard let workdir = repository.workdir else { throw .bareRepository(gitDir: repository.gitDir) }
        // Inside the git folder itself (`.git/…`): there is no work-tree path to lint.
        guard let prefix = prefix(of: folder, workdir: workdir) else { throw .notARepository(path: folder.path) }
        return GitFolder(repository: repository, prefix: prefix)
    }

    /// Another folder of the same work tree (the reading root above the checked folder).
    public func sibling(_ folder: URL) -> GitFolder? {
        guard let workdir = repository.workdir, let prefix = Self.prefix(of: folder, workdir: workdir) else { return nil }
        return GitFolder(repository: repository, prefix: prefix)
    }

    /// `folder`'s path in the work tree with a trailing `/` (`""` at the root), or nil outside it.
    private static func prefix(of folder: URL, workdir: String) -> String? {
        // Both sides without symlinks, so `/tmp` ↔ `/private/tmp` and linked checkouts compare equal.
        let root = canonicalPath(workdir)
        let path = canonicalPath(folder.path)
        if path == root { return "" }
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) + "/" : nil
    }

    /// A repository-relative path seen from the folder, or nil when it lies outside it.
    public func folderRelative(_ repositoryPath: String) -> String? {
        repositoryPath.hasPrefix(prefix) ? String(repositoryPath.dropFirst(prefix.count)) : nil
    }

    /// The absolute work-tree path of a repository-relative path (for messages).
    public func absolutePath(_ repositoryPath: String) -> String {
        (repository.workdir ?? repository.gitDir) + "/" + repositoryPath
    }

    static func canonicalPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
