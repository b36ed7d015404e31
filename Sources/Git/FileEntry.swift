/// A file tracked by git, in the index or in a tree: where it is, which blob holds its bytes, and its kind.
public struct FileEntry: Hashable, Sendable {
    /// Relative to the work-tree root, `/`-separated, as git stores it.
    public let path: String
    public let blobID: ObjectID
    public let mode: FileMode
    /// For index entries: the work-tree file's stat data when it was last staged or refreshed (nil for trees).
    public let stat: IndexStat?

    public init(path: String, blobID: ObjectID, mode: FileMode, stat: IndexStat? = nil) {
        self.path = path
        self.blobID = blobID
        self.mode = mode
        self.stat = stat
    }

    /// Two entries are the same file version when path, blob and mode agree; stat data is a cache hint only.
    public static func == (lhs: FileEntry, rhs: FileEntry) -> Bool {
        lhs.path == rhs.path && lhs.blobID == rhs.blobID && lhs.mode == rhs.mode
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(blobID)
        hasher.combine(mode)
    }
}

/// The stat data git keeps per index entry. When the work-tree file still has this size, mtime and inode (and
/// the index was written after that mtime, so the entry is not "racily clean"), git takes the file to hold the
/// entry's blob without hashing it; schemalint uses the same test to read the file instead of inflating the blob.
public struct IndexStat: Hashable, Sendable {
    public let size: UInt32
    public let modificationSeconds: Int32
    public let modificationNanoseconds: UInt32
    public let changeSeconds: Int32
    public let changeNanoseconds: UInt32
    public let inode: UInt32

    public init(size: UInt32, modificationSeconds: Int32, modificationNanoseconds: UInt32,
                changeSeconds: Int32, changeNanoseconds: UInt32, inode: UInt32) {
        self.size = size
        self.modificationSeconds = modificationSeconds
        self.modificationNanoseconds = modificationNanoseconds
        self.changeSeconds = changeSeconds
        self.changeNanoseconds = changeNanoseconds
        self.inode = inode
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
