import Foundation

/// `schemalint install-hook`: writes `GitHookScript.preCommit` as the pre-commit hook of the repository holding
/// `folder`, in the hooks folder git really uses (`core.hooksPath`, the common git folder of a worktree).
/// A hook written by schemalint is updated; any other hook is kept unless `force` (then it is backed up).
public struct GitHookInstaller {
    public let folder: URL
    public let force: Bool

    public enum Outcome: Equatable, Sendable {
        case installed
        case updated
        case unchanged
        /// A foreign hook was replaced (`--force`); it was moved to `backup`.
        case replaced(backup: String)
    }

    public init(folder: URL, force: Bool) {
        self.folder = folder
        self.force = force
    }

    /// Installs the hook; returns its path and what happened. A hook manager in the repository, a foreign hook
    /// (without `force`) or a folder outside any git work tree is a `UsageFailure` that says what to do.
    public func install() throws(UsageFailure) -> (path: String, outcome: Outcome) {
        let hooksFolder = try git("rev-parse", "--path-format=absolute", "--git-path", "hooks")
        let root = try git("rev-parse", "--show-toplevel")
        if !force, let manager = GitHookManager.detect(root: root, hooksFolder: hooksFolder) {
            throw UsageFailure(manager.chainingAdvice + "\n(pass --force to install schemalint's own hook anyway)")
        }
        let hook = hooksFolder + "/pre-commit"
        let script = GitHookScript.preCommit
        var outcome = Outcome.installed
        if let existing = FileManager.default.contents(atPath: hook) {
            let text = String(decoding: existing, as: UTF8.self)
            if text == script { return (hook, .unchanged) }
            if text.contains(GitHookScript.marker) {
                outcome = .updated
            } else if force {
                let backup = hook + ".schemalint-backup"
                try? FileManager.default.removeItem(atPath: backup)
                do {
                    try FileManager.default.moveItem(atPath: hook, toPath: backup)
                } catch {
                    throw UsageFailure("cannot move the existing hook \(hook) aside: \(error.localizedDescription)")
                }
                outcome = .replaced(backup: backup)
            } else {
                throw UsageFailure(
                    "\(hook) already exists and was not written by schemalint; add `schemalint check --staged` to it, "
                        + "or pass --force to replace it (the old hook is kept as pre-commit.schemalint-backup)")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: hooksFolder, withIntermediateDirectories: true)
            try Data(script.utf8).write(to: URL(fileURLWithPath: hook))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        } catch {
            throw UsageFailure("cannot write \(hook): \(error.localizedDescription)")
        }
        return (hook, outcome)
    }

    /// Runs `git -C folder <arguments>` and returns its trimmed output. Hook locations depend on git's own
    /// rules (core.hooksPath, worktrees, GIT_DIR), so git is asked rather than imitated.
    private func git(_ arguments: String...) throws(UsageFailure) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw UsageFailure("install-hook needs the git command: \(error.localizedDescription)")
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw UsageFailure("install-hook: \(folder.path) is not in a git work tree (\(detail))")
        }
        return String(decoding: outputData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A hook manager that owns the repository's hooks; schemalint then chains into it instead of writing a hook.
public enum GitHookManager: String, Sendable {
    case husky, lefthook, preCommit = "pre-commit"

    static func detect(root: String, hooksFolder: String) -> GitHookManager? {
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: root + "/" + name) }
        if exists(".pre-commit-config.yaml") || exists(".pre-commit-config.yml") { return .preCommit }
        if ["lefthook.yml", ".lefthook.yml", "lefthook.yaml", ".lefthook.yaml", "lefthook.json", "lefthook.toml"].contains(where: exists) {
            return .lefthook
        }
        if exists(".husky") || hooksFolder.contains("/.husky") { return .husky }
        return nil
    }

    /// How to run schemalint from this manager (docs/running.md has the same snippets).
    public var chainingAdvice: String {
        switch self {
        case .preCommit:
            return """
                this repository uses the pre-commit framework; add schemalint to .pre-commit-config.yaml instead:
                  - repo: local
                    hooks:
                      - id: schemalint
                        name: schemalint
                        entry: schemalint check --staged
                        language: system
                        pass_filenames: false
                        require_serial: true
                """
        case .lefthook:
            return """
                this repository uses lefthook; add schemalint to lefthook.yml instead:
                  pre-commit:
                    commands:
                      schemalint:
                        run: schemalint check --staged
                """
        case .husky:
            return """
                this repository uses husky; add this line to .husky/pre-commit instead:
                  schemalint check --staged
                """
        }
    }
}
