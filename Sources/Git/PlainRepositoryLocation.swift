#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Core
import Foundation

/// The common repository shape found without libgit2: a `.git` folder in the checked folder or a parent, on the
/// same file system, owned by the current user, configured neither bare nor with another work tree.
///
/// `git_libgit2_init` parses the system's CA certificates (libgit2 is built with mbedtls): ~55 million
/// instructions, 6% of a pre-commit run on an 18,000-file monorepo that then reads only the index and work-tree
/// files. For this shape the repository is opened by libgit2 only when a call needs it (a blob, a tree, a
/// config value that may be set). Anything else — a `.git` file (worktrees, `--separate-git-dir`, submodules),
/// a folder that is itself a git folder, another owner (libgit2's `safe.directory` check), a file-system
/// boundary (where libgit2's search stops) — is left to libgit2 from the start, so it answers as before.
struct PlainRepositoryLocation: Equatable {
    /// The work-tree root, symlinks resolved (as libgit2 reports it), without a trailing `/`.
    let workdir: String
    /// `workdir + "/.git"`.
    let gitDir: String

    static func find(from path: String) -> PlainRepositoryLocation? {
        guard let start = realPath(path), let startStatus = status(start), isDirectory(startStatus) else { return nil }
        let owner = geteuid()
        var folder = start
        while true {
            // A folder that is itself a git folder (a bare repository, or the inside of `.git`): libgit2's case.
            if looksLikeGitFolder(folder) { return nil }
            let dotGit = folder == "/" ? "/.git" : folder + "/.git"
            if let dotGitStatus = linkStatus(dotGit) {
                guard isDirectory(dotGitStatus), looksLikeGitFolder(dotGit),
                      dotGitStatus.st_uid == owner, status(folder)?.st_uid == owner,
                      access(dotGit + "/commondir", F_OK) != 0,
                      !configuresAnotherLayout(dotGit + "/config")
                else { return nil }
                return PlainRepositoryLocation(workdir: folder, gitDir: dotGit)
            }
            guard folder != "/", let parent = parentFolder(folder), let parentStatus = status(parent),
                  parentStatus.st_dev == startStatus.st_dev
            else { return nil }
            folder = parent
        }
    }

    /// `HEAD` and `objects/`, what git itself checks first.
    private static func looksLikeGitFolder(_ folder: String) -> Bool {
        guard let head = linkStatus(folder + "/HEAD"), !isDirectory(head),
              let objects = status(folder + "/objects"), isDirectory(objects) else { return false }
        return true
    }

    /// `core.bare` or `core.worktree` set (in any spelling): libgit2 reads them; the plain shape does not apply.
    private static func configuresAnotherLayout(_ configPath: String) -> Bool {
        guard let bytes = try? DiskFile.read(configPath, limit: 1 << 20), bytes.count < 1 << 20 else {
            return access(configPath, F_OK) == 0
        }
        let text = String(decoding: bytes, as: UTF8.self).lowercased().replacingOccurrences(of: "bare = false", with: "")
        return text.contains("worktree") || text.contains("bare")
    }

    private static func parentFolder(_ folder: String) -> String? {
        guard let slash = folder.lastIndex(of: "/") else { return nil }
        return slash == folder.startIndex ? "/" : String(folder[..<slash])
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func status(_ path: String) -> stat? {
        var result = stat()
        return stat(path, &result) == 0 ? result : nil
    }

    private static func linkStatus(_ path: String) -> stat? {
        var result = stat()
        return lstat(path, &result) == 0 ? result : nil
    }

    private static func isDirectory(_ status: stat) -> Bool { status.st_mode & S_IFMT == S_IFDIR }
}
