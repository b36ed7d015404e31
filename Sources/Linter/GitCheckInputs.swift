import Core
import Foundation
import Git

/// The git side of `check --staged` / `--base REF`: the repository of the checked folder and the snapshots the
/// options ask for. Every git failure becomes exit 2 with the option named in the message (SPEC §8).
struct GitCheckInputs {
    let folder: GitFolder
    /// The staged contents, in `--staged` mode.
    let index: GitSnapshot?
    /// The tree at `--base REF`.
    let base: GitSnapshot?
    let baseRef: String?

    static func open(_ folderURL: URL, staged: Bool, base: String?, environment: [String: String]) throws(UsageFailure) -> GitCheckInputs {
        let mode = describeMode(staged: staged, base: base)
        let inputs: GitCheckInputs
        var conflicted: [String] = []
        do {
            // git runs pre-commit hooks of `git commit -a` / `git commit <paths>` against a temporary index.
            let indexFile = staged ? environment["GIT_INDEX_FILE"].flatMap { $0.isEmpty ? nil : $0 } : nil
            let folder = try GitFolder.locate(folderURL, indexFile: indexFile)
            let index = staged ? try GitSnapshot.index(of: folder.repository) : nil
            conflicted = staged ? try folder.repository.conflictedPaths() : []
            let baseTree = try base.map { ref throws(GitError) in try GitSnapshot.tree(at: ref, of: folder.repository) }
            inputs = GitCheckInputs(folder: folder, index: index, base: baseTree, baseRef: base)
        } catch {
            throw UsageFailure("\(mode): \(error.description)")
        }
        // Conflicted paths have no staged content: checking the rest would pass them silently.
        if !conflicted.isEmpty {
            let shown = conflicted.prefix(5).joined(separator: ", ") + (conflicted.count > 5 ? ", …" : "")
            throw UsageFailure("--staged: the index has unresolved merge conflicts (\(shown)); resolve them and `git add` the files first")
        }
        return inputs
    }

    static func describeMode(staged: Bool, base: String?) -> String {
        [staged ? "--staged" : nil, base.map { "--base \($0)" }].compactMap { $0 }.joined(separator: " ")
    }

    /// `--changed-only`: what changed for this mode, relative to `root` (the reading root).
    func changedOnlyFilter(root: GitFolder) throws(UsageFailure) -> ChangedOnlyFilter {
        do {
            return try ChangedOnlyFilter.changes(in: root, staged: index != nil, base: baseRef)
        } catch {
            throw UsageFailure("--changed-only: \(error.description)")
        }
    }

    /// `.schemalint.yml` as staged: in the checked folder, else in its parents up to the repository root
    /// (SPEC §2's discovery, applied to the index). A config that is not staged is not part of the commit.
    /// The path is repository-relative.
    func stagedConfiguration() throws(UsageFailure) -> (path: String, bytes: [UInt8])? {
        guard let index else { return nil }
        var folderPath = folder.prefix
        while true {
            let candidate = folderPath + ConfigurationReader.fileName
            if index.contains(candidate) {
                let bytes: [UInt8]
                do {
                    bytes = try index.read(candidate)
                } catch {
                    throw UsageFailure("cannot read the staged \(candidate): \(error.reason)")
                }
                return (candidate, bytes)
            }
            guard !folderPath.isEmpty else { return nil }
            folderPath = Self.parentPrefix(of: folderPath)
        }
    }

    /// The staged bytes of a repository-relative path, or nil when it is not staged.
    func stagedFile(_ repositoryPath: String) throws(UsageFailure) -> [UInt8]? {
        guard let index, index.contains(repositoryPath) else { return nil }
        do {
            return try index.read(repositoryPath)
        } catch {
            throw UsageFailure("cannot read the staged \(repositoryPath): \(error.reason)")
        }
    }

    /// `"a/b/"` → `"a/"`, `"a/"` → `""`.
    static func parentPrefix(of prefix: String) -> String {
        let trimmed = prefix.dropLast()
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return String(trimmed[...slash])
    }
}
