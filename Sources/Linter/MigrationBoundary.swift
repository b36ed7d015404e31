import Core
import Foundation
import Git
import RuleEngine

/// A commit's tree, looked up path by path through libgit2 (listing a large repository's tree is not needed).
struct GitBoundaryTree: BoundaryTree {
    let repository: GitRepository
    /// A full commit id, a ref already known to resolve, or `HEAD` (none while the branch has no commit).
    let commit: String
    /// The reading root's place in the repository (`GitFolder.prefix`).
    let prefix: String

    func existing(_ paths: [String]) throws(InputError) -> Set<String>? {
        do {
            if commit == "HEAD", try repository.headCommitID() == nil { return nil }
            let found = try repository.existingFiles(paths.map { prefix + $0 }, at: commit)
            return Set(found.map { String($0.dropFirst(prefix.count)) })
        } catch {
            throw InputError(path: commit, reason: error.description)
        }
    }
}

/// Any file source as the boundary: the base tree of `--base` (already listed) or an in-memory one in tests.
public struct SourceBoundaryTree: BoundaryTree {
    public let source: any FileSource
    public init(source: any FileSource) { self.source = source }

    public func existing(_ paths: [String]) throws(InputError) -> Set<String>? {
        // A git snapshot has its paths at hand; listing (and sorting) every file of the base is not needed.
        if let snapshot = source as? GitSnapshotSource {
            return Set(paths.filter { snapshot.snapshot.contains(snapshot.prefix + $0) })
        }
        return Set(try source.listFiles()).intersection(paths)
    }
}

extension MigrationBoundary {
    /// The boundary of one `check` run (SPEC §9): the base with `--base`, `HEAD` with `--staged`, else the merge
    /// base of HEAD with the default branch; `migrations.since` as a git ref overrides them. nil outside git
    /// (every migration is judged). Git failures end a `--staged`/`--base` run; a plain run judges everything, unless
    /// libgit2 itself cannot be loaded.
    static func resolve(
        root: URL, git: GitCheckInputs?, gitRoot: GitFolder?, since: String?
    ) throws(UsageFailure) -> MigrationBoundary? {
        // Paths are relative to the reading root, like the source's: the boundary tree is seen from there too.
        let located: GitFolder
        if let gitRoot {
            located = gitRoot
        } else if ConfigurationLocator.gitRoot(of: root) != nil, let found = try? GitFolder.locate(root, indexFile: nil) {
            // (No `.git` above the folder: libgit2, whose set-up alone costs ~15 ms, is not started at all.)
            located = found
        } else {
            return nil
        }
        do {
            let repository = located.repository
            if let since, let commit = try repository.commitIfPresent(since) {
                return MigrationBoundary(
                    tree: GitBoundaryTree(repository: repository, commit: commit.hex, prefix: located.prefix),
                    label: "present at `migrations.since: \(since)`", isSinceRef: true)
            }
            if let git, let base = git.base, let ref = git.baseRef {
                return MigrationBoundary(tree: SourceBoundaryTree(source: base.source(under: located.prefix)), label: "present at --base \(ref)")
            }
            if git?.index != nil {
                // HEAD is looked up when the rules ask (after loading), so that libgit2, which starts on another
                // thread meanwhile, is never waited for here.
                return MigrationBoundary(
                    tree: GitBoundaryTree(repository: repository, commit: "HEAD", prefix: located.prefix), label: "committed in HEAD")
            }
            guard let head = try repository.headCommitID() else { return nil }
            guard let (branch, mergeBase) = try repository.defaultBranchMergeBase() else { return nil }
            let label = mergeBase == head
                ? "committed on \(branch)"
                : "on \(branch) at the merge base \(mergeBase.hex.prefix(7))"
            return MigrationBoundary(tree: GitBoundaryTree(repository: repository, commit: mergeBase.hex, prefix: located.prefix), label: label)
        } catch {
            // A missing libgit2 is an installation to fix: judging every migration instead would report the
            // applied ones as if they could still change.
            if case .libraryUnavailable = error { throw UsageFailure(error.description) }
            if git == nil { return nil }
            throw UsageFailure("\(GitCheckInputs.describeMode(staged: git?.index != nil, base: git?.baseRef)): \(error.description)")
        }
    }
}
