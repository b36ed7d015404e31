import Core
import Git

/// `--changed-only`: keeps the findings whose file, or any file they depend on (`relatedPaths`), changed.
public struct ChangedOnlyFilter: Sendable {
    /// Changed paths relative to the checked folder: new, modified and deleted paths, and both sides of a rename.
    public let changedPaths: Set<String>

    public init(changedPaths: Set<String>) {
        self.changedPaths = changedPaths
    }

    /// What changed for the mode: the index against HEAD (`--staged`), the index against the base
    /// (`--staged --base`), or the work tree with untracked files against the base (`--base`).
    public static func changes(in folder: GitFolder, staged: Bool, base: String?) throws(GitError) -> ChangedOnlyFilter {
        let changes: [ChangedPath]
        if let base {
            changes = try folder.repository.changes(since: base, includeWorkTree: !staged)
        } else {
            changes = try folder.repository.stagedChanges()
        }
        var paths: Set<String> = []
        for change in changes {
            for path in [change.path, change.oldPath].compactMap({ $0 }) {
                if let relative = folder.folderRelative(path) { paths.insert(relative) }
            }
        }
        return ChangedOnlyFilter(changedPaths: paths)
    }

    public func keeps(_ finding: Finding) -> Bool {
        changedPaths.contains(finding.path) || finding.relatedPaths.contains { changedPaths.contains($0) }
    }

    public func apply(to report: Report) -> Report {
        var filtered = report
        filtered.findings = report.findings.filter { keeps($0.finding) }
        return filtered
    }
}
