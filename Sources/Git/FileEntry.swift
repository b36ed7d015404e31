/// A file tracked by git, in the index or in a tree: where it is, which blob holds its bytes, and its kind.
public struct FileEntry: Hashable, Sendable {
    /// Relative to the work-tree root, `/`-separated, as git stores it.
    public let path: String
    public let blobID: ObjectID
    public let mode: FileMode

    public init(path: String, blobID: ObjectID, mode: FileMode) {
        self.path = path
        self.blobID = blobID
        self.mode = mode
    }
}

/// The kinds of blob-backed entries git records. Submodules (gitlinks) are not listed: they hold no blob here.
public enum FileMode: Hashable, Sendable {
    case regular
    case executable
    /// The blob holds the link's target path, not file contents.
    case symlink

    /// Maps a raw git mode; nil for trees, gitlinks and anything unknown.
    init?(rawMode: UInt32) {
        switch rawMode {
        case 0o100644, 0o100664: self = .regular
        case 0o100755: self = .executable
        case 0o120000: self = .symlink
        default: return nil
        }
    }
}
