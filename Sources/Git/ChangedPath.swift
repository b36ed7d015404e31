/// A path that differs between two states (a base tree and the index or work tree).
public struct ChangedPath: Hashable, Sendable {
    /// The path in the newer state; for a deletion, the path that was deleted.
    public let path: String
    /// The path in the older state, for renames only.
    public let oldPath: String?
    public let status: ChangeStatus

    public init(path: String, oldPath: String? = nil, status: ChangeStatus) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
    }
}

public enum ChangeStatus: String, Hashable, Sendable {
    /// New in the newer state (including untracked files when the work tree is compared).
    case added
    /// Contents or kind changed (a type change, or a path still in conflict, counts as modified).
    case modified
    case deleted
    /// Moved, possibly with edits (git's similarity detection, 50 % by default).
    case renamed
}
