import Core

/// Files at the point where "applied" ends: a migration whose SQL file is there was merged, so some database
/// has run it and nobody can edit it any more (SPEC §9). Paths are relative to the reading root.
public protocol BoundaryTree: Sendable {
    /// Which of `paths` are files at the boundary; nil when there is no boundary after all (`HEAD` of a
    /// repository without commits).
    func existing(_ paths: [String]) throws(InputError) -> Set<String>?
}

/// The boundary the statement-safety rules judge against, and how it was found (for the summary).
public struct MigrationBoundary: Sendable {
    public var tree: any BoundaryTree
    /// Completes "N taken as applied (…)": "committed on main", "present at --base origin/main".
    public var label: String
    /// The tree is `migrations.since` resolved as a git ref (so `since` need not name a migration).
    public var isSinceRef: Bool

    public init(tree: any BoundaryTree, label: String, isSinceRef: Bool = false) {
        self.tree = tree
        self.label = label
        self.isSinceRef = isSinceRef
    }
}
