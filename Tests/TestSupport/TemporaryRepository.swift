import Foundation

/// A throwaway git repository for tests, made and changed with the real `git` CLI.
///
/// Everything lives in one fresh temporary folder, `sandbox`: the repository at `sandbox/repo` (`root`) and
/// an empty `sandbox/home` used as `HOME`, so no user or system git configuration leaks in. Tests may put
/// more folders in the sandbox (a worktree, a clone, a folder that is not a repository). Call `remove()`
/// when done (typically in a `defer`).
public struct TemporaryRepository: Sendable {
    /// The temporary folder holding everything; symlinks resolved, so it compares equal to libgit2's paths.
    public let sandbox: String
    /// The repository's work-tree root (for a bare repository, its git folder).
    public let root: String

    /// Runs `git init` in a new sandbox; `bare` makes a bare repository.
    public init(bare: Bool = false) throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("schemalint-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        sandbox = base.resolvingSymlinksInPath().path
        root = sandbox + "/repo"
        try FileManager.default.createDirectory(atPath: sandbox + "/home", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try git(bare ? ["init", "--quiet", "--bare"] : ["init", "--quiet"])
    }

    /// A new repository prepared by `setUp`; if `setUp` throws, the sandbox is removed before the error goes on.
    public static func make(bare: Bool = false, _ setUp: (TemporaryRepository) throws -> Void) throws -> TemporaryRepository {
        let repo = try TemporaryRepository(bare: bare)
        do {
            try setUp(repo)
        } catch {
            repo.remove()
            throw error
        }
        return repo
    }

    /// Absolute path of `relative` inside the repository.
    public func path(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    /// Writes `contents` (UTF-8) to `relative`, creating folders as needed.
    public func write(_ relative: String, _ contents: String) throws {
        try write(relative, bytes: Array(contents.utf8))
    }

    public func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func read(_ relative: String) throws -> [UInt8] {
        try Array(Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    public func delete(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path(relative))
    }

    /// Runs `git <arguments>` in `folder` (default: the repository root) and returns its standard output.
    /// `environment` adds variables (e.g. `GIT_INDEX_FILE`). Throws `GitCommandFailure` on a non-zero exit.
    @discardableResult
    public func git(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:]) throws -> String {
        let outcome = try ChildProcess.runTool(
            "git", Self.isolatedConfiguration + arguments, in: folder ?? root,
            environment: isolatedEnvironment.merging(environment) { _, added in added })
        guard outcome.status == 0 else {
            throw GitCommandFailure(arguments: arguments, status: outcome.status, errorOutput: outcome.errors)
        }
        return outcome.output
    }

    @discardableResult
    public func git(_ arguments: String...) throws -> String {
        try git(arguments)
    }

    /// Leaves `path` in an unresolved merge conflict: committed as `base`, changed to `theirs` on branch `other`
    /// and to `ours` on `main`, then `other` merged into `main` (which fails, as intended).
    public func makeMergeConflict(at path: String, base: String, ours: String, theirs: String) throws {
        try write(path, base)
        try commitAll("base")
        try git("checkout", "--quiet", "-b", "other")
        try write(path, theirs)
        try commitAll("other")
        try git("checkout", "--quiet", "main")
        try write(path, ours)
        try commitAll("main")
        guard (try? git("merge", "--quiet", "other")) == nil else {
            throw GitCommandFailure(arguments: ["merge", "other"], status: 0, errorOutput: "the merge did not conflict")
        }
    }

    /// `git add --all && git commit -m message`; returns the new commit's id.
    @discardableResult
    public func commitAll(_ message: String) throws -> String {
        try git("add", "--all")
        try git("commit", "--quiet", "--message", message)
        return try git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Deletes the sandbox and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: sandbox)
    }

    /// Identity and defaults passed with `-c`, so commits work without any configuration file.
    private static let isolatedConfiguration = [
        "-c", "user.name=Schemalint Test", "-c", "user.email=test@schemalint.invalid",
        "-c", "init.defaultBranch=main", "-c", "commit.gpgSign=false", "-c", "core.autocrlf=false",
    ]

    /// The inherited environment minus every `GIT_*` variable (tests may run inside a git hook), with `HOME`
    /// in the sandbox and the system configuration switched off.
    public var isolatedEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["HOME"] = sandbox + "/home"
        environment["XDG_CONFIG_HOME"] = sandbox + "/home/.config"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        return environment
    }
}

/// A `git` command that exited with a non-zero status.
public struct GitCommandFailure: Error, CustomStringConvertible {
    public let arguments: [String]
    public let status: Int32
    public let errorOutput: String

    public var description: String {
        "git \(arguments.joined(separator: " ")) exited with \(status): \(errorOutput)"
    }
}
